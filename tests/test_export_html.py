"""HTML export: one self-contained page, everything escaped, findings linked to their passages."""

from __future__ import annotations

import io
import re

from lxml import html as lxml_html
from test_export_tei import sample

from annales.export import html as html_export
from annales.model import Analysis, Sentence, Timex


def _html(analysis: Analysis) -> str:
    stream = io.StringIO()
    html_export.write(analysis, stream)
    return stream.getvalue()


def test_page_is_self_contained_and_escaped() -> None:
    out = _html(sample())
    assert "<script" not in out and "&lt;script&gt;&amp;." in out
    assert not re.search(r"https?:|src=|<link", out)
    doc = lxml_html.fromstring(out)
    assert "<script>&." in doc.xpath("string(//div[@class='text'])")


def test_highlights_with_hover_values() -> None:
    doc = lxml_html.fromstring(_html(sample()))
    dates = doc.xpath("//div[@class='text']//span[contains(@class,'date')]")
    assert [d.get("title") for d in dates][:2] == ["DATE 1917-03-03", "DATE 1917-SP (entre 1917-03-21 et 1917-06-20)"]
    person = doc.xpath("//span[contains(@class,'person')]")[0]
    assert person.get("title") == "Personne : Nivelle (général)"
    assert doc.xpath("//span[@class='num']")[0].get("title") == "1200 hommes"


def test_chronology_cast_and_findings_link_to_text() -> None:
    doc = lxml_html.fromstring(_html(sample()))
    ids = set(doc.xpath("//@id"))
    links = [a.get("href")[1:] for a in doc.xpath("//a[@href]")]
    assert links and all(link in ids for link in links)
    cells = doc.xpath("//table//tr/td[1]/text()")
    assert cells == ["1917-03-03", "1917-SP", "1917-04-18 (déduite)"]
    assert "général" in doc.xpath("string(//li[@id='entity-e1'])")
    assert doc.xpath("//li[@class='medium']//a/@href") == ["#finding-f1-1", "#finding-f1-2"]


def test_empty_and_deterministic() -> None:
    assert "(aucune date)" in _html(Analysis(id="e", text=""))
    assert _html(sample()) == _html(sample())


def test_through_analyze(context) -> None:
    from annales import analyze

    out = _html(analyze("Le 12 juin 1940, Weygand écrit : « <script>alert(1)</script> ».", dct="1940-06-20",
                        context=context))
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_hostile_text_stays_escaped_and_writable() -> None:
    text = "A\x00B\x1b[31m\ud800 <script>alert(1)</script> \" ' & le 3 mars 1917."
    start = text.index("le 3 mars")
    analysis = Analysis(id="<b>x</b>\x00", text=text, metadata={"title": "<i>\ud800</i>"},
                        sentences=[Sentence(0, len(text))],
                        timexes=[Timex("t1", start, start + 14, "le 3 mars 1917", "DATE", "1917-03-03")])
    out = _html(analysis)
    out.encode("utf-8")  # the lone surrogate became U+FFFD
    assert "<script" not in out and "<i>" not in out and "\x00" not in out
    doc = lxml_html.fromstring(out)
    replaced = text.translate({0x00: "\ufffd", 0x1b: "\ufffd", 0xD800: "\ufffd"})
    assert doc.xpath("string(//div[@class='text'])") == replaced
    assert doc.xpath("string(//h1)") == "<i>\ufffd</i>"
