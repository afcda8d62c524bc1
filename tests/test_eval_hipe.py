"""The HIPE reader, IOB conversion, the strict/fuzzy scorer and `annales eval hipe`, on our own fixtures."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import annales
from annales.errors import InputError
from annales.eval import hipe_score
from annales.eval.hipe import (
    annales_spans,
    format_predictions,
    main,
    parse_hipe,
    read_hipe,
    spacy_spans,
)
from annales.eval.hipe_score import CharSpan, TokenSpan, count, iob_from_spans, spans_from_iob
from annales.model import Entity, Mention, Span, Timex

FIXTURES = Path(__file__).parent / "fixtures" / "hipe"
HEADER = ("TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\t"
          "NE-NESTED\tNEL-LIT\tNEL-METO\tMISC")


def _entities(doc: Any) -> list[tuple[str, str]]:
    return [(s.type, doc.text[doc.tokens[s.start].start:doc.tokens[s.end - 1].end]) for s in doc.gold]


# ---------------------------------------------------------------------------------------------
# Reading


def test_reads_documents_dates_text_and_gold_entities() -> None:
    hipe = read_hipe(FIXTURES / "hipe2020.tsv")
    assert [d.id for d in hipe.docs] == ["GDL-1871-03-18-a-i0001", "GDL-1871-03-19-a-i0002"]
    assert [d.date for d in hipe.docs] == ["1871-03-18", "1871-03-19"]
    first, second = hipe.docs
    # NoSpaceAfter glues, EndOfLine is a space by default.
    assert first.text == "M. Thiers quitta Paris, avec le Gouvernement de la Défense nationale."
    assert _entities(first) == [("pers", "M. Thiers"), ("loc", "Paris"),
                                ("org", "Gouvernement de la Défense nationale")]
    assert first.gold[0] == TokenSpan(0, 3, "pers")
    # A "#" token is a token, a "# segment…" line inside a document is a comment.
    assert second.text == "Le journal Le Temps du 18 mars 1871 cite Lyon # 2."
    assert _entities(second) == [("prod", "Le Temps"), ("time", "18 mars 1871"), ("loc", "Lyon")]
    assert hipe.gold_types == {"pers", "loc", "org", "prod", "time"}


def test_token_offsets_point_into_the_text() -> None:
    for name in ("hipe2020.tsv", "newseye.tsv"):
        for line_breaks in ("space", "newline"):
            for doc in read_hipe(FIXTURES / name, line_breaks).docs:
                assert all(doc.text[t.start:t.end] == t.text for t in doc.tokens)


def test_end_of_line_as_newline() -> None:
    first = read_hipe(FIXTURES / "hipe2020.tsv", line_breaks="newline").docs[0]
    assert first.text == "M.\nThiers quitta Paris, avec le Gouvernement de la Défense nationale."


def test_hipe2022_newseye_comments_types_and_missing_date() -> None:
    hipe = read_hipe(FIXTURES / "newseye.tsv")
    assert [(d.id, d.date) for d in hipe.docs] == [("test_fr_1", None), ("test_fr_2", "1923-01-15")]
    first, second = hipe.docs
    assert first.text == "Le président Poin¬caré visite la Banque de France."
    assert _entities(first) == [("pers", "Poin¬caré"), ("org", "Banque de France")]
    # HumanProd is prod; an I- tag that continues nothing starts an entity.
    assert _entities(second) == [("prod", "Les Misérables"), ("loc", "Londres")]


@pytest.mark.parametrize("content, message", [
    ("", "no HIPE header"),
    ("Le\tO\n", "no HIPE header"),
    ("TOKEN\tMISC\nLe\t_\n", "no NE-COARSE-LIT"),
    (HEADER + "\nLe\tO\t_\n", "3 columns"),
    (HEADER + "\n# document_id = x\n", "no token lines"),
])
def test_bad_input(content: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_hipe(content, "bad.tsv")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_hipe(tmp_path / "absent.tsv")


# ---------------------------------------------------------------------------------------------
# Spans and IOB


def test_iob_to_spans_and_back() -> None:
    tags = ["B-pers", "I-pers", "O", "B-loc", "B-loc", "I-loc", "I-org", "O", "B-time"]
    spans = spans_from_iob(tags)
    assert spans == [TokenSpan(0, 2, "pers"), TokenSpan(3, 4, "loc"), TokenSpan(4, 6, "loc"),
                     TokenSpan(6, 7, "org"), TokenSpan(8, 9, "time")]
    assert iob_from_spans(spans, len(tags)) == [
        "B-pers", "I-pers", "O", "B-loc", "B-loc", "I-loc", "B-org", "O", "B-time"]
    assert spans_from_iob(["_", "O", "I-loc", "I-loc"]) == [TokenSpan(2, 4, "loc")]
    assert spans_from_iob([]) == []


def test_iob_overlapping_spans_first_and_longest_wins() -> None:
    spans = [TokenSpan(1, 3, "loc"), TokenSpan(0, 4, "org"), TokenSpan(5, 9, "pers")]
    assert iob_from_spans(spans, 6) == ["B-org", "I-org", "I-org", "I-org", "O", "B-pers"]


def test_character_spans_to_tokens_by_overlap() -> None:
    # "M. Thiers quitta Paris," as tokens M . Thiers quitta Paris ,
    offsets = [(0, 1), (1, 2), (3, 9), (10, 16), (17, 22), (22, 23)]
    spans = [CharSpan(3, 9, "pers"), CharSpan(0, 9, "pers"), CharSpan(18, 20, "loc"),
             CharSpan(9, 10, "org"), CharSpan(20, 23, "loc")]
    assert hipe_score.token_spans_from_chars(spans, offsets) == [
        TokenSpan(2, 3, "pers"), TokenSpan(0, 3, "pers"), TokenSpan(4, 5, "loc"), TokenSpan(4, 6, "loc")]


# ---------------------------------------------------------------------------------------------
# Scoring


def test_scorer_exact_overlap_miss_false_positive_and_type_mismatch() -> None:
    gold = [TokenSpan(0, 3, "pers"), TokenSpan(5, 6, "loc"), TokenSpan(8, 10, "org"), TokenSpan(12, 13, "loc")]
    system = [TokenSpan(0, 3, "pers"),   # exact
              TokenSpan(5, 7, "loc"),    # overlap: fuzzy only
              TokenSpan(8, 10, "loc"),   # right tokens, wrong type: a false loc, a missed org
              TokenSpan(15, 16, "pers")]  # false positive; gold (12, 13) is a miss
    counts = count(gold, system)
    pers, loc, org = (counts.by_type[t] for t in ("pers", "loc", "org"))
    assert (pers.gold, pers.system, pers.strict, pers.fuzzy) == (1, 2, 1, 1)
    assert (loc.gold, loc.system, loc.strict, loc.fuzzy) == (2, 2, 0, 1)
    assert (org.gold, org.system, org.strict, org.fuzzy) == (1, 0, 0, 0)
    overall = counts.overall
    assert hipe_score.strict(overall) == hipe_score.PRF(0.25, 0.25, 0.25)
    fuzzy = hipe_score.fuzzy(overall)
    assert (fuzzy.precision, fuzzy.recall) == (0.5, 0.5)


def test_fuzzy_is_one_to_one() -> None:
    gold = [TokenSpan(0, 4, "pers")]
    system = [TokenSpan(0, 2, "pers"), TokenSpan(2, 4, "pers")]
    tally = count(gold, system).overall
    assert (tally.fuzzy, tally.system, tally.gold) == (1, 2, 1)


def test_empty_scores_are_zero_not_errors() -> None:
    counts = hipe_score.total([count([], []), count([], [])])
    assert counts.by_type == {}
    assert hipe_score.strict(counts.overall) == hipe_score.PRF(0.0, 0.0, 0.0)
    assert hipe_score.fuzzy(count([TokenSpan(0, 1, "loc")], []).overall).f1 == 0.0


# ---------------------------------------------------------------------------------------------
# System entities and the predictions file


def _analysis(entities: list[Entity], timexes: list[Timex] | None = None, text: str = " " * 120) -> Any:
    return SimpleNamespace(entities=entities, timexes=timexes or [], text=text)


def test_our_types_and_dates_as_hipe_types() -> None:
    entities = [Entity("e1", "person", "Thiers", mentions=[Mention(0, 9, "M. Thiers"), Mention(40, 46, "Thiers")]),
                Entity("e2", "unit", "2e zouaves", mentions=[Mention(20, 30, "2e zouaves")]),
                Entity("e3", "ship", "Redoutable", mentions=[Mention(50, 60, "Redoutable")]),
                Entity("e4", "event-name", "Commune", mentions=[Mention(70, 77, "Commune")])]
    timexes = [Timex("t1", 80, 92, "18 mars 1871", "DATE", "1871-03-18"),
               Timex("t2", 95, 99, "hier", "DATE", "1871-03-17", anchor="dct"),
               Timex("t3", 100, 105, "trois jours", "DURATION", "P3D")]
    analysis = _analysis(entities, timexes)
    assert annales_spans(analysis) == [CharSpan(0, 9, "pers"), CharSpan(40, 46, "pers"), CharSpan(20, 30, "org")]

    assert annales_spans(analysis, dates="absolute")[-1] == CharSpan(80, 92, "time")
    assert [s for s in annales_spans(analysis, dates="all") if s.type == "time"] == [
        CharSpan(80, 92, "time"), CharSpan(95, 99, "time")]


def test_spacy_labels_as_hipe_types() -> None:
    ents = [SimpleNamespace(label_=label, start_char=i, end_char=i + 1)
            for i, label in enumerate(["PER", "LOC", "ORG", "MISC", "PROD", "pers"])]
    assert [s.type for s in spacy_spans(SimpleNamespace(ents=ents))] == ["pers", "loc", "org", "prod", "pers"]


def test_predictions_round_trip() -> None:
    hipe = read_hipe(FIXTURES / "hipe2020.tsv")
    predictions = [[TokenSpan(2, 3, "pers"), TokenSpan(4, 5, "loc"), TokenSpan(5, 6, "loc")],
                   [TokenSpan(2, 4, "prod"), TokenSpan(9, 10, "org")]]
    written = format_predictions(hipe, predictions)
    original = (FIXTURES / "hipe2020.tsv").read_text(encoding="utf-8").splitlines()
    lines = written.splitlines()
    assert len(lines) == len(original) and lines[0] == HEADER
    # Comments and blank lines are copied where they were; TOKEN and MISC are kept.
    assert [line for line in lines if not line.count("\t")] == [line for line in original if not line.count("\t")]
    assert lines[5].split("\t") == ["M", "O", "O", "O", "O", "O", "O", "_", "_", "NoSpaceAfter|LED0.00"]
    again = parse_hipe(written)
    assert [d.gold for d in again.docs] == predictions
    assert [d.text for d in again.docs] == [d.text for d in hipe.docs]


# ---------------------------------------------------------------------------------------------
# main


def test_main_with_a_stand_in_analyzer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[tuple[str, str | None]] = []

    def fake_analyze(text: str, dct: str | None = None, **_: Any) -> Any:
        seen.append((text[:10], dct))
        found = []
        for name, kind in (("M. Thiers", "person"), ("Paris", "place"), ("Lyon", "organization")):
            at = text.find(name)
            if at >= 0:
                found.append(Entity(name, kind, name, mentions=[Mention(at, at + len(name), name)]))
        at = text.find("18 mars 1871")
        timexes = [Timex("t1", at, at + 12, "18 mars 1871", "DATE", "1871-03-18")] if at >= 0 else []
        return _analysis(found, timexes)

    monkeypatch.setattr(annales, "analyze", fake_analyze)
    out = io.StringIO()
    predictions = tmp_path / "run.tsv"
    assert main(str(FIXTURES / "hipe2020.tsv"), str(predictions), out) == 0
    assert seen == [("M. Thiers ", "1871-03-18"), ("Le journal", "1871-03-19")]
    report = out.getvalue()
    assert "2 documents" in report and "6 gold entities" in report and "4 system entities" in report
    assert "dates as time: absolute" in report  # the gold file has time entities
    row = next(line for line in report.splitlines() if line.startswith("ALL"))
    # pers, loc and time are right, strict and fuzzy; Lyon is a loc, not an org.
    assert row.split()[1:] == ["6", "4", "0.750", "0.500", "0.600", "0.750", "0.500", "0.600"]
    written = read_hipe(predictions)
    assert [s.type for d in written.docs for s in d.gold] == ["pers", "loc", "time", "org"]


def test_main_reports_a_failing_document(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, dct: str | None = None, **_: Any) -> Any:
        if text.startswith("Lisez"):
            raise ValueError("boom")
        return _analysis([])

    monkeypatch.setattr(annales, "analyze", broken)
    out = io.StringIO()
    assert main(str(FIXTURES / "newseye.tsv"), out=out) == 1
    assert "dates as time: none" in out.getvalue()
    assert "0 system entities" in out.getvalue()


def test_main_rejects_a_missing_model_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a saved spaCy pipeline"):
        main(str(FIXTURES / "newseye.tsv"), out=io.StringIO(), source=str(tmp_path / "none"))


@pytest.mark.usefixtures("context")
def test_main_spacy_baseline_runs_on_the_fixture() -> None:
    out = io.StringIO()
    assert main(str(FIXTURES / "hipe2020.tsv"), out=out, source="spacy") == 0
    assert "spaCy fr_core_news_md NER" in out.getvalue()


def test_titles_roles_and_prepositions_follow_the_hipe_convention() -> None:
    text = "Hier, le général Moreau, commandant de la place, arriva en 1847."
    ferrari = text.index("Moreau")
    role = text.index("commandant")
    mention = Mention(ferrari, ferrari + 6, "Moreau", rank="le général",
                      role=Span(role, role + len("commandant de la place")))
    year = text.index("1847")
    analysis = _analysis([Entity("e1", "person", "Moreau", mentions=[mention])],
                         [Timex("t1", year, year + 4, "1847", "DATE", "1847")], text)
    spans = annales_spans(analysis, dates="absolute")
    assert [text[s.start:s.end] for s in spans] == ["général Moreau, commandant de la place", "en 1847"]


def test_a_title_before_an_office_and_a_joined_rank_follow_the_hipe_convention() -> None:
    text = "On le trouve chez M. le ministre Garnaud, puis chez le capitaine-lieutenant Orlov."
    garnaud, office = text.index("Garnaud"), text.index("ministre")
    orlov = text.index("Orlov")
    persons = [Mention(garnaud, garnaud + 7, "Garnaud", role=Span(office, office + len("ministre"))),
               Mention(orlov, orlov + 5, "Orlov", rank="lieutenant")]
    analysis = _analysis([Entity("e1", "person", "Garnaud", mentions=persons[:1]),
                          Entity("e2", "person", "Orlov", mentions=persons[1:])], [], text)
    spans = annales_spans(analysis)
    assert [text[s.start:s.end] for s in spans] == ["M. le ministre Garnaud", "capitaine-lieutenant Orlov"]


def test_a_descriptor_before_a_comma_belongs_to_the_person() -> None:
    text = "Le plan, dressé par l'ingénieur du canton, M. Vauthier, fut adopté."
    name, words = text.index("M. Vauthier") + 3, text.index("ingénieur")
    mention = Mention(name, name + 8, "Vauthier", title="M.", descriptor=Span(words, text.index(", M.") + 1))
    analysis = _analysis([Entity("e1", "person", "Vauthier", mentions=[mention])], [], text)
    assert [text[s.start:s.end] for s in annales_spans(analysis)] == ["ingénieur du canton, M. Vauthier"]


def test_two_years_joined_by_a_dash_are_one_time_entity() -> None:
    text = "La guerre 1870-1871 ruina la ville, puis vint 1875."
    first, second, third = text.index("1870"), text.index("1871"), text.index("1875")
    timexes = [Timex(f"t{n}", s, s + 4, text[s:s + 4], "DATE", text[s:s + 4])
               for n, s in enumerate((first, second, third))]
    analysis = _analysis([], timexes, text)
    assert [text[s.start:s.end] for s in annales_spans(analysis, dates="absolute")] == ["1870-1871", "1875"]


def test_the_noun_of_an_organisation_belongs_to_it() -> None:
    text = "Selon l'agence Tassot, rien ne bouge."
    name = text.index("Tassot")
    analysis = _analysis([Entity("e1", "organization", "Tassot", mentions=[Mention(name, name + 6, "Tassot")])],
                         [], text)
    assert [text[s.start:s.end] for s in annales_spans(analysis)] == ["agence Tassot"]


def test_split_glued_words_at_newseye_line_ends() -> None:
    # NewsEye marks line ends NoSpaceAfter between two words; only letters or digits on both sides split.
    rows = [("Il", "O", "_"), ("vit", "O", "_"), ("la", "O", "NoSpaceAfter"), ("Russie", "B-LOC", "_"),
            ("et", "O", "_"), ("l'", "O", "NoSpaceAfter"), ("Autriche", "B-LOC", "NoSpaceAfter"),
            (",", "O", "_"), ("Poin¬", "B-PER", "NoSpaceAfter|EndOfLine"), ("caré", "I-PER", "NoSpaceAfter"),
            ("12", "O", "NoSpaceAfter"), ("mai", "O", "NoSpaceAfter"), (".", "O", "NoSpaceAfter|EndOfLine"),
            ("M.", "B-PER", "_"), ("X", "I-PER", "NoSpaceAfter"), (",", "O", "NoSpaceAfter"), ("1,5", "O", "_")]
    lines = [HEADER, "# hipe2022:document_id = d1"]
    lines += ["\t".join([token, tag, "_", "O", "_", "_", "O", "_", "_", misc]) for token, tag, misc in rows]
    content = "\n".join(lines) + "\n"
    split = parse_hipe(content, split_glued=True).docs[0]
    assert split.text == "Il vit la Russie et l'Autriche, Poin¬caré 12 mai. M. X,1,5"
    assert _entities(split) == [("loc", "Russie"), ("loc", "Autriche"), ("pers", "Poin¬caré"), ("pers", "M. X")]
    assert all(split.text[t.start:t.end] == t.text for t in split.tokens)
    # Off by default: the NER training script reads the text its model was trained on.
    assert parse_hipe(content).docs[0].text == "Il vit laRussie et l'Autriche, Poin¬caré12mai.M. X,1,5"
