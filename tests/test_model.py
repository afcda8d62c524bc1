"""The model: a stored analysis reads back whole, ids say their kind, a publication date is a real date."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annales.errors import InputError
from annales.model import SCHEMA, Analysis, Dct, Region, make_id, parse_dct
from annales.pipeline import analyze

STORY = ("Le 3 mai 1917, le colonel Paul Mercier conduit le 151e régiment d'infanterie vers Reims. "
         "Le lendemain, 1 200 hommes franchissent la rivière. « Nous tiendrons coûte que coûte », déclara Mercier. "
         "Le 12 mai, la division compte 4 000 combattants. Le 12 mai, elle en compte 4 200.")


def test_an_analysis_reads_back_from_its_json(context) -> None:
    analysis = analyze(STORY, "1920-01-01", context=context)
    data = json.loads(json.dumps(analysis.to_dict()))
    again = Analysis.from_dict(data)
    assert again.to_dict() == analysis.to_dict()
    assert again.doc is None


def test_ids_carry_their_kind(context) -> None:
    analysis = analyze(STORY, context=context)
    prefixes = {"tmx": analysis.timexes, "ent": analysis.entities, "qty": analysis.quantities,
                "quo": analysis.quotes, "evt": analysis.events, "fnd": analysis.findings}
    for prefix, items in prefixes.items():
        assert [item.id for item in items] == [f"{prefix}-{n}" for n in range(1, len(items) + 1)]
    ids = [item.id for items in prefixes.values() for item in items]
    assert len(ids) == len(set(ids))
    assert make_id("event", 7) == "evt-7"


@pytest.mark.parametrize("bad", [{"schema": "annales/1"}, {"schema": SCHEMA, "id": "x", "text": "", "bogus": 1},
                                 {"schema": SCHEMA, "id": "x", "text": "", "timexes": {"not": "a list"}}, []])
def test_from_dict_refuses_what_it_cannot_read(bad: object) -> None:
    with pytest.raises(ValueError):
        Analysis.from_dict(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["hier", "2023-02-30", "2023-2-3", "", "10000-01-01", "0000-01-01", None, 20230101])
def test_a_publication_date_must_be_a_real_date(value: object) -> None:
    with pytest.raises(InputError):
        parse_dct(value, "option")
    if isinstance(value, str):
        with pytest.raises(InputError):
            Dct(value, "option")


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1943-11-20", " 1943-11-20 "])
def test_every_year_from_1_to_9999_is_a_date(value: str) -> None:
    assert parse_dct(value, "option").value == value.strip()


def test_the_api_refuses_a_bad_publication_date() -> None:
    with pytest.raises(InputError):
        analyze("Le 3 mai, il part.", "hier")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30), st.sampled_from(["sidebar", "heading"])),
                max_size=12), st.integers(0, 90), st.integers(0, 30))
def test_in_region_is_a_plain_containment(regions: list, start: int, length: int) -> None:
    analysis = Analysis(id="r", text="x" * 100, regions=[Region(s, s + n, kind) for s, n, kind in regions])
    end = start + length
    expected = any(r.start <= start and end <= r.end for r in analysis.regions if r.kind == "sidebar")
    assert analysis.in_region(start, end, "sidebar") is expected
