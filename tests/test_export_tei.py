"""TEI P5 export: always well-formed, dates from timexes, overlaps resolved, standOff complete."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from lxml import etree

from annales.export import tei
from annales.model import (
    Analysis,
    Dct,
    Entity,
    Event,
    EventDate,
    Evidence,
    Finding,
    Interval,
    Mention,
    Participant,
    Quantity,
    Quote,
    Sentence,
    Source,
    Span,
    Timex,
    Trigger,
)

TEXT = ("Le 3 mars 1917, le général Nivelle quitte Verdun avec 1 200 hommes du 5e régiment.\n"
        "Au printemps 1917, le croiseur Gloire rentre à Brest. « Tenez bon » dit Nivelle <script>&.\n"
        "Le 18, on compte 1 300 hommes.")
NS = {"t": tei.TEI_NS}


def _at(phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


def _mention(phrase: str, nth: int = 0, rank: str | None = None) -> Mention:
    start, end = _at(phrase, nth)
    return Mention(start, end, phrase, rank=rank)


def _timex(id: str, phrase: str, value: str, resolved: bool = True,
           interval: tuple[str, str] | None = None) -> Timex:
    start, end = _at(phrase)
    return Timex(id, start, end, phrase, "DATE", value, resolved=resolved,
                 interval=Interval(*interval) if interval else None)


def sample() -> Analysis:
    """A hand-built analysis with every layer, overlapping spans and markup-like text."""
    lines = [0]
    lines += [i + 1 for i, c in enumerate(TEXT) if c == "\n"]
    ends = [i for i, c in enumerate(TEXT) if c == "\n"] + [len(TEXT)]
    q1, q2 = _at("1 200 hommes"), _at("1 300 hommes")
    quote = _at("Tenez bon")
    first_sentence = Span(0, ends[0])
    return Analysis(
        id="doc", text=TEXT, source=Source(path="verdun.txt", sha256="ab" * 32),
        dct=Dct("1917-04-01", "option"), metadata={"title": "Verdun & Brest"},
        sentences=[Sentence(s, e) for s, e in zip(lines, ends, strict=True)],
        timexes=[_timex("t1", "Le 3 mars 1917", "1917-03-03", interval=("1917-03-03", "1917-03-03")),
                 _timex("t2", "printemps 1917", "1917-SP", interval=("1917-03-21", "1917-06-20")),
                 _timex("t3", "Le 18", "XXXX-XX-18", resolved=False)],
        entities=[
            Entity("e1", "person", "Nivelle", rank="général",
                   mentions=[_mention("Nivelle", rank="général"), _mention("Nivelle", 1)]),
            Entity("e2", "place", "Verdun", mentions=[_mention("Verdun")]),
            Entity("e3", "unit", "5e régiment", mentions=[_mention("5e régiment")]),
            Entity("e4", "ship", "Gloire", hull="croiseur", mentions=[_mention("Gloire")]),
            Entity("e5", "place", "Brest", mentions=[_mention("Brest")]),
            # Crosses the first timex ("1917, le"): must be dropped, not break the XML.
            Entity("e6", "organization", "Bidon", mentions=[_mention("1917, le")]),
        ],
        quantities=[Quantity("q1", *q1, "1 200 hommes", 1200, counted="hommes", of_entity="e3"),
                    Quantity("q2", *q2, "1 300 hommes", 1300, counted="hommes", of_entity="e3")],
        quotes=[Quote("qt1", *quote, speaker="e1")],
        events=[
            Event("ev1", first_sentence, Trigger(*_at("quitte"), "quitte", "quitter"), time="t1",
                  date=EventDate("1917-03-03", "1917-03-03", "1917-03-03"),
                  participants=[Participant("e1", "agent", "général"), Participant("e3", "other")],
                  places=["e2"], quantities=["q1"], story_order=1),
            Event("ev2", Span(lines[1], ends[1]), Trigger(*_at("rentre"), "rentre", "rentrer"), time="t2",
                  date=EventDate("1917-SP", "1917-03-21", "1917-06-20"), participants=[Participant("e4", "agent")],
                  places=["e5"], story_order=2),
            Event("ev3", Span(lines[2], ends[2]), Trigger(*_at("compte"), "compte", "compter"),
                  time_inferred=True, date=EventDate("1917-04-18", "1917-04-18", "1917-04-18"),
                  quantities=["q2"], story_order=3),
        ],
        findings=[Finding("f1", "conflicting-figures", "medium", "Deux effectifs différents pour le 5e régiment.",
                          evidence=[Evidence(*q1, "1 200 hommes"), Evidence(*q2, "1 300 hommes")])],
    )


def _tei(analysis: Analysis) -> str:
    stream = io.StringIO()
    tei.write(analysis, stream)
    return stream.getvalue()


def _parse(out: str) -> etree._Element:
    return etree.fromstring(out.encode("utf-8"))


def test_sample_is_well_formed_with_header_and_text() -> None:
    root = _parse(_tei(sample()))
    assert root.tag == f"{{{tei.TEI_NS}}}TEI"
    assert root.findtext(".//t:sourceDesc//t:idno[@type='sha256']", namespaces=NS) == "ab" * 32
    assert root.findtext(".//t:sourceDesc//t:idno[@type='path']", namespaces=NS) == "verdun.txt"
    assert root.find(".//t:sourceDesc//t:date[@when='1917-04-01']", namespaces=NS) is not None
    assert root.find(".//t:application[@ident='annales']", namespaces=NS) is not None
    paragraphs = root.findall(".//t:body/t:p", namespaces=NS)
    assert len(paragraphs) == 3
    # The text survives the markup, character for character, line by line.
    assert ["".join(p.itertext()) for p in paragraphs] == TEXT.split("\n")
    assert "<script>" in paragraphs[1].xpath("string()")


def test_every_date_is_a_timex() -> None:
    root = _parse(_tei(sample()))
    dates = root.findall(".//t:body//t:date", namespaces=NS)
    timexes = {t.id: t for t in sample().timexes}
    assert [d.get("{http://www.w3.org/XML/1998/namespace}id") for d in dates] == ["t1", "t2", "t3"]
    for date in dates:
        timex = timexes[date.get("{http://www.w3.org/XML/1998/namespace}id")]
        assert "".join(date.itertext()) == timex.text
    assert dates[0].get("when") == "1917-03-03"
    assert (dates[1].get("notBefore"), dates[1].get("notAfter")) == ("1917-03-21", "1917-06-20")
    assert dates[2].get("cert") == "low" and dates[2].get("when") is None


def test_inline_names_figures_and_quotes() -> None:
    root = _parse(_tei(sample()))
    assert [p.get("ref") for p in root.findall(".//t:body//t:persName", namespaces=NS)] == ["#e1", "#e1"]
    assert root.find(".//t:body//t:orgName[@type='unit']", namespaces=NS).text == "5e régiment"
    assert root.find(".//t:body//t:name[@type='ship']", namespaces=NS).text == "Gloire"
    assert [n.get("value") for n in root.findall(".//t:body//t:num", namespaces=NS)] == ["1200", "1300"]
    q = root.find(".//t:body//t:q", namespaces=NS)
    assert q.get("who") == "#e1" and q.text == "Tenez bon"
    # The organisation crossing the date was dropped; the outer date kept.
    assert "Bidon" not in etree.tostring(root.find(".//t:body", namespaces=NS), encoding="unicode")


def test_stand_off_lists_and_findings() -> None:
    root = _parse(_tei(sample()))
    person = root.find(".//t:listPerson/t:person", namespaces=NS)
    assert person.findtext("t:persName", namespaces=NS) == "Nivelle"
    assert person.findtext("t:roleName", namespaces=NS) == "général"
    assert len(root.findall(".//t:listPlace/t:place", namespaces=NS)) == 2
    assert root.find(".//t:listOrg/t:org[@type='unit']", namespaces=NS) is not None
    events = root.findall(".//t:listEvent/t:event", namespaces=NS)
    assert [e.get("when") for e in events] == ["1917-03-03", None, "1917-04-18"]
    assert (events[1].get("notBefore"), events[1].get("notAfter")) == ("1917-03-21", "1917-06-20")
    assert events[2].get("cert") == "low"
    assert events[0].findtext("t:desc", namespaces=NS).startswith("Le 3 mars 1917")
    note = root.find(".//t:note[@type='finding']", namespaces=NS)
    assert note.get("subtype") == "conflicting-figures"
    ids = set(root.xpath("//@xml:id"))
    targets = note.get("target").split() + note.get("targetEnd").split()
    assert len(targets) == 4 and all(t[1:] in ids for t in targets)
    assert len(ids) == len(root.xpath("//@xml:id"))  # unique


def test_hostile_and_empty_inputs_stay_well_formed() -> None:
    _parse(_tei(Analysis(id="empty", text="")))
    nasty = "Texte \x00\x0b avec <b>&amp; ]]> \"guillemets\"\n\n\ud800 fin"
    analysis = Analysis(id="x<y", text=nasty, metadata={"title": "a\x01b"},
                        entities=[Entity("1 bad id", "person", "X", mentions=[Mention(0, 200, "?"),
                                                                             Mention(6, 6, "")])],
                        findings=[Finding("f 1", "repetition", "low", "m", evidence=[Evidence(0, 5, "Texte")])])
    root = _parse(_tei(analysis))
    assert "<b>&amp;" in root.xpath("string(//*[local-name()='body'])")


def test_deterministic() -> None:
    assert _tei(sample()) == _tei(sample())


def _hostile() -> Analysis:
    """Every character XML 1.0 forbids, around a date that must keep its words."""
    text = "A\x00B\x0bC\x1b[31m\ufffe\uffff\ud800 D\rE\x85\u202e <i>&amp;</i> le 3 mars 1917 fin."
    start = text.index("le 3 mars 1917")
    return Analysis(id="x\x00<y>\n", text=text, metadata={"title": "t\x01\ud800"},
                    sentences=[Sentence(0, len(text))],
                    timexes=[Timex("t1", start, start + 14, "le 3 mars 1917", "DATE", "1917-03-03")])


def test_forbidden_characters_become_replacement_characters_one_for_one() -> None:
    analysis = _hostile()
    out = _tei(analysis)
    out.encode("utf-8")  # no lone surrogate left to refuse
    root = _parse(out)
    body = root.find(".//t:body/t:p", namespaces=NS)
    written = "".join(body.itertext())
    assert written == "A\ufffdB\ufffdC\ufffd[31m\ufffd\ufffd\ufffd D\rE\x85\u202e <i>&amp;</i> le 3 mars 1917 fin."
    assert len(written) == len(analysis.text)  # offsets of the analysis still point at the same words
    date = body.find("t:date", namespaces=NS)
    assert date.text == "le 3 mars 1917" and written.index(date.text) == analysis.timexes[0].start
    assert root.findtext(".//t:titleStmt/t:title", namespaces=NS) == "t\ufffd\ufffd"


@pytest.mark.parametrize("analysis", [sample(), _hostile(), Analysis(id="empty", text="")],
                         ids=["sample", "hostile", "empty"])
def test_xmllint_accepts_it(tmp_path, analysis: Analysis) -> None:
    xmllint = shutil.which("xmllint")
    assert xmllint, "xmllint is missing: `make test` installs it (Debian package libxml2-utils)"
    path = tmp_path / "out.xml"
    path.write_text(_tei(analysis), encoding="utf-8")
    result = subprocess.run([xmllint, "--noout", str(path)], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (0, "")


def test_through_analyze(context) -> None:
    from annales import analyze

    text = "Le 12 juin 1940, le général Weygand arrive à Briare. Il dit : « <script>alert(1)</script> »."
    analysis = analyze(text, dct="1940-06-20", context=context)
    root = _parse(_tei(analysis))
    by_id = {t.id: t for t in analysis.timexes}
    for date in root.findall(".//t:body//t:date", namespaces=NS):
        assert date.get("{http://www.w3.org/XML/1998/namespace}id") in by_id
    assert "".join(root.find(".//t:body/t:p", namespaces=NS).itertext()) == text
