"""One self-contained HTML page of an analysis: the highlighted text, the chronology, the cast, the findings.

No network is needed: the CSS is inline and the page refers to no external URL. Every piece of
source text is escaped, so markup inside an article shows as text. Names, dates and figures are
`<span>`s with classes and their normalised values in `title` (shown on hover); spans only nest,
and when two cross the outer one (the one that starts first) is kept. Every link target (an event's
sentence, a date, a finding's evidence) is a zero-width anchor, so no link is lost to that rule.
Characters XML 1.0 forbids become U+FFFD, as in the TEI export.
"""

from __future__ import annotations

from html import escape
from typing import TextIO

from annales.common.sentences import SentenceIndex
from annales.export.happenings import lines, qualifiers
from annales.export.options import DEFAULT_OPTIONS, ExportOptions
from annales.export.phrases import Phrases, label, language_of
from annales.export.tei import RANK_ANCHOR, RANK_EVIDENCE, Mark, Node, clean, marks, nest
from annales.model import Analysis, Entity, Event, Quantity, Quote, Timex

STYLE = """
body{font-family:Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}
h1,h2{font-family:sans-serif}
.text{white-space:pre-wrap;border-left:3px solid #ccc;padding-left:1em}
.ent{border-bottom:2px solid #999}.person{background:#e3f0ff}.place{background:#e6f7e6}
.organization,.unit{background:#fff1d6}.ship{background:#f0e6ff}.work{font-style:italic}
.date{background:#ffe3e3}.date.unresolved{background:#eee;border-bottom:1px dashed #c00}
.num{background:#fffbc2}.quote{color:#064}.evidence{outline:1px dotted #c00}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;vertical-align:top}
.high{color:#b00}.medium{color:#b60}.low{color:#666}
"""

ENTITY_LABELS = {"person": "Personne", "place": "Lieu", "organization": "Organisation", "unit": "Unité",
                 "ship": "Navire", "work": "Œuvre", "event-name": "Événement"}


def write(analysis: Analysis, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS) -> None:
    stream.write(page(analysis, options))


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _ranks(entity: Entity) -> list[str]:
    ranks = entity.ranks or ([entity.rank] if entity.rank else [])
    return [str(r) for r in ranks]


def _anchor_id(kind: str, ident: str) -> str:
    return f"{kind}-{ident}"


def page(analysis: Analysis, options: ExportOptions = DEFAULT_OPTIONS) -> str:
    title = analysis.metadata.get("title") or analysis.id
    out = ["<!DOCTYPE html>", '<html lang="fr">', "<head>", '<meta charset="utf-8">',
           f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
           f"<h1>{escape(title)}</h1>", "<p>"]
    if analysis.source.path:
        out.append(f"Source : <code>{escape(analysis.source.path)}</code><br>")
    if analysis.source.sha256:
        out.append(f"SHA-256 : <code>{escape(analysis.source.sha256)}</code><br>")
    out.append(f"Date de publication : {escape(analysis.dct.value)} ({escape(analysis.dct.origin)})"
               if analysis.dct else "Date de publication : inconnue")
    out.append("</p>")
    out += _chronology(analysis, options)
    out += _cast(analysis)
    out += _findings(analysis)
    out += ['<h2 id="texte">Texte</h2>', f'<div class="text">{_text(analysis)}</div>',
            "<p><small>Produit par annales.</small></p>", "</body>", "</html>", ""]
    # The characters XML forbids (NUL, other C0 controls, lone surrogates) are HTML parse errors,
    # and a lone surrogate cannot even be written as UTF-8: U+FFFD, one for one, as in the TEI.
    return clean("\n".join(out))


def _entity_span(entity: Entity) -> tuple[str, str]:
    label = ENTITY_LABELS.get(entity.type, entity.type)
    hover = f"{label} : {entity.name}"
    if _ranks(entity):
        hover += f" ({', '.join(_ranks(entity))})"
    if entity.hull:
        hover += f" [{entity.hull}]"
    return (f'<span class="ent {escape(entity.type)}" data-ref="{escape(entity.id)}" title="{escape(hover)}">',
            "</span>")


def _timex_hover(timex: Timex) -> str:
    if not timex.resolved:
        return f"{timex.type} non résolu ({timex.value})"
    hover = f"{timex.type} {timex.value}"
    if timex.interval and (timex.interval.earliest, timex.interval.latest) != (timex.value, timex.value):
        hover += f" (entre {timex.interval.earliest} et {timex.interval.latest})"
    return hover


def _timex_span(timex: Timex) -> tuple[str, str]:
    classes = "date" if timex.resolved else "date unresolved"
    return f'<span class="{classes}" title="{escape(_timex_hover(timex))}">', "</span>"


def _quantity_span(q: Quantity) -> tuple[str, str]:
    value = "?" if q.value is None else f"{q.value:g}" if isinstance(q.value, float) else str(q.value)
    bits = [value] + [x for x in (q.unit, q.counted, q.comparator) if x] + (["approx."] if q.approx else [])
    return f'<span class="num" title="{escape(" ".join(bits))}">', "</span>"


def _text(analysis: Analysis) -> str:
    names = {e.id: e.name for e in analysis.entities}

    def quote(q: Quote) -> tuple[str, str]:
        who = "narrateur" if q.speaker == "narrator" else names.get(q.speaker or "", "locuteur inconnu")
        return f'<span class="quote" title="{escape("Citation : " + who)}">', "</span>"

    all_marks = marks(analysis, _entity_span, _timex_span, _quantity_span, quote)
    for finding in analysis.findings:
        for i, evidence in enumerate(finding.evidence, 1):
            all_marks.append(Mark(evidence.start, evidence.start, RANK_ANCHOR,
                                  (f'<a id="{escape(_anchor_id("finding", f"{finding.id}-{i}"))}"></a>', "")))
            if evidence.start < evidence.end:
                all_marks.append(Mark(evidence.start, evidence.end, RANK_EVIDENCE,
                                      (f'<span class="evidence" title="{escape(finding.message)}">', "</span>")))
    for event in analysis.events:
        all_marks.append(Mark(event.sentence.start, event.sentence.start, RANK_ANCHOR,
                              (f'<a id="{escape(_anchor_id("event", event.id))}"></a>', "")))
    for timex in analysis.timexes:
        all_marks.append(Mark(timex.start, timex.start, RANK_ANCHOR,
                              (f'<a id="{escape(_anchor_id("timex", timex.id))}"></a>', "")))
    text = analysis.text
    return _render(text, 0, len(text), nest(all_marks, 0, len(text)))


def _render(text: str, lo: int, hi: int, nodes: list[Node]) -> str:
    out, position = [], lo
    for node in nodes:
        out.append(escape(text[position:node.mark.start]))
        opening, closing = node.mark.payload
        out.append(opening + _render(text, node.mark.start, node.mark.end, node.children) + closing)
        position = node.mark.end
    out.append(escape(text[position:hi]))
    return "".join(out)


def _sentence(analysis: Analysis, start: int, end: int) -> str:
    return _squeeze(analysis.text[max(start, 0):max(end, 0)])


def _marks(event: Event) -> str:
    marks = qualifiers(event)
    return f" [{', '.join(marks)}]" if marks else ""


def _event_key(event: Event) -> tuple[int, str, int, str]:
    if event.date is None:
        return (1, "", event.story_order, event.id)
    return (0, event.date.earliest or event.date.value, event.story_order, event.id)


def _chronology(analysis: Analysis, options: ExportOptions) -> list[str]:
    out = ['<h2 id="chronologie">Chronologie</h2>']
    # (date, order, what, anchor, sentence): `what` is HTML, escaped when built (a phrase comes with the
    # list of its sub-events); every other cell is text, escaped when written.
    rows: list[tuple[str, str, str, str, str]] = []
    if analysis.events:
        phrases = Phrases(analysis)
        chosen = lines(analysis, options)
        for line in sorted(chosen, key=lambda line: _event_key(line.main)):
            event = line.main
            date = event.date.value if event.date else "non daté"
            if event.time_inferred:
                date += " (déduite)"
            what = escape(phrases.of(event) + _marks(event))
            subs = phrases.subs(event, line.subs)
            if subs:
                what += "<ul>" + "".join(f"<li>{escape(phrase + _marks(sub))}</li>" for sub, phrase in subs) + "</ul>"
            rows.append((date, str(event.story_order), what, _anchor_id("event", event.id),
                         _sentence(analysis, event.sentence.start, event.sentence.end)))
        out.append("<p>Événements dans l’ordre des dates ; « récit » donne l’ordre où le texte les raconte.</p>")
        shown = sum(1 + len(line.subs) for line in chosen)
        if shown < len(analysis.events):
            note = label(language_of(analysis), "happenings-only").format(shown=shown, total=len(analysis.events))
            out.append(f"<p>{escape(note)}</p>")
    else:
        points = [t for t in analysis.timexes if t.type in ("DATE", "TIME")]
        story = {t.id: i for i, t in enumerate(sorted(points, key=lambda t: (t.start, t.id)), 1)}
        sentences = SentenceIndex(analysis)

        def key(t: Timex) -> tuple[int, str, int]:
            earliest = t.interval.earliest if t.interval else t.value
            return (0, earliest, t.start) if t.resolved else (1, "", t.start)

        for timex in sorted(points, key=key):
            sentence = sentences.of(timex.start)
            start, end = (sentence.start, sentence.end) if sentence else (timex.start, timex.end)
            rows.append((timex.value if timex.resolved else "non résolu", str(story[timex.id]),
                         escape(_squeeze(timex.text)), _anchor_id("timex", timex.id), _sentence(analysis, start, end)))
        out.append("<p>Aucun événement extrait : les dates du texte, dans l’ordre chronologique.</p>")
    if not rows:
        return out + ["<p>(aucune date)</p>"]
    out.append("<table><tr><th>Date</th><th>Récit</th><th>Quoi</th><th>Passage</th></tr>")
    for date, order, what, anchor, sentence in rows:
        out.append(f"<tr><td>{escape(date)}</td><td>{escape(order)}</td><td>{what}</td>"
                   f'<td><a href="#{escape(anchor)}">{escape(sentence)}</a></td></tr>')
    out.append("</table>")
    return out


CAST = (("person", "Personnes"), ("unit", "Unités"), ("ship", "Navires"), ("organization", "Organisations"),
        ("place", "Lieux"))


def _cast(analysis: Analysis) -> list[str]:
    out = ['<h2 id="distribution">Distribution</h2>']
    any_member = False
    for kind, title in CAST:
        members = [e for e in analysis.entities if e.type == kind]
        if not members:
            continue
        any_member = True
        out.append(f"<h3>{title}</h3>")
        out.append("<ul>")
        for e in members:
            details = _ranks(e) + ([e.hull] if e.hull else [])
            line = f"<b>{escape(e.name)}</b>"
            if details:
                line += " — " + escape(", ".join(details))
            if e.aliases:
                line += " (aussi " + escape(", ".join(e.aliases)) + ")"
            line += f" · {len(e.mentions)} mention{'s' if len(e.mentions) > 1 else ''}"
            out.append(f'<li id="{escape(_anchor_id("entity", e.id))}">{line}</li>')
        out.append("</ul>")
    if not any_member:
        out.append("<p>(personne)</p>")
    return out


def _findings(analysis: Analysis) -> list[str]:
    out = ['<h2 id="constats">Constats</h2>']
    if not analysis.findings:
        return out + ["<p>(aucun constat)</p>"]
    out.append("<ul>")
    for finding in analysis.findings:
        links = ", ".join(f'<a href="#{escape(_anchor_id("finding", f"{finding.id}-{i}"))}">'
                          f"«{escape(_squeeze(ev.text))}»</a>" for i, ev in enumerate(finding.evidence, 1))
        out.append(f'<li class="{escape(finding.severity)}"><b>{escape(finding.kind)}</b> '
                   f"({escape(finding.severity)}) : {escape(finding.message)}"
                   + (f" — {links}" if links else "") + "</li>")
    out.append("</ul>")
    return out
