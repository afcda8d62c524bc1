"""One analysis (the JSON contract, `Analysis.to_dict()`) as rows of the store's tables.

Only the contract is read, never the stages' objects: the store holds what any consumer of the
JSON sees. Each span also gets `n`, the number of the sentence it starts in, so passages,
mentions, dates and events of a sentence join on (doc, n).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from annales.corpus.grouping import fold_name

Row = dict[str, Any]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _flag(value: Any) -> int | None:
    return None if value is None else int(bool(value))


def document_row(data: dict[str, Any]) -> Row:
    source = data.get("source") or {}
    metadata = data.get("metadata") or {}
    dct = data.get("dct") or {}
    return {"id": data["id"], "sha256": source.get("sha256"), "schema": data["schema"], "path": source.get("path"),
            "media_type": source.get("media_type"), "encoding": source.get("encoding"),
            "language": data.get("language"), "title": metadata.get("title"), "url": metadata.get("url"),
            "dct": dct.get("value"), "dct_origin": dct.get("origin"), "chars": len(data.get("text") or "")}


class _Sentences:
    """The sentence a character offset falls in."""

    def __init__(self, sentences: list[dict[str, Any]]) -> None:
        self.starts = [sentence["start"] for sentence in sentences]

    def of(self, offset: int) -> int | None:
        index = bisect_right(self.starts, offset) - 1
        return index if index >= 0 else None


def document_rows(data: dict[str, Any]) -> Iterator[tuple[str, list[Row]]]:
    """(table, rows) for every table of one document, `doc` left for the store to add."""
    text: str = data.get("text") or ""
    sentences = data.get("sentences") or []
    where = _Sentences(sentences)
    timexes = data.get("timexes") or []
    events = data.get("events") or []
    yield "sentences", _sentence_rows(text, sentences, where, timexes, events)
    yield "timexes", [_timex_row(timex, where) for timex in timexes]
    entities = data.get("entities") or []
    yield "entities", [_entity_row(entity) for entity in entities]
    yield "mentions", [{"entity": entity["id"], "n": where.of(mention["start"]), "start": mention["start"],
                        "end": mention["end"], "text": mention["text"], "rank": mention.get("rank"),
                        "role": _words(text, mention.get("role")), "title": mention.get("title"),
                        "descriptor": _words(text, mention.get("descriptor"))}
                       for entity in entities for mention in entity.get("mentions") or []]
    yield "quantities", [{"id": q["id"], "n": where.of(q["start"]), "start": q["start"], "end": q["end"],
                          "text": q["text"], "value": q.get("value"), "approx": _flag(q.get("approx")),
                          "comparator": q.get("comparator"), "counted": q.get("counted"), "unit": q.get("unit"),
                          "of_entity": q.get("of_entity")} for q in data.get("quantities") or []]
    yield "quotes", [{"id": quote["id"], "start": quote["start"], "end": quote["end"],
                      "speaker": quote.get("speaker"), "cue_start": (quote.get("cue") or {}).get("start"),
                      "cue_end": (quote.get("cue") or {}).get("end")} for quote in data.get("quotes") or []]
    yield "events", [_event_row(event, where) for event in events]
    yield "event_entities", [row for event in events for row in _event_entity_rows(event, text)]
    yield "relations", [{"id": relation["id"], "n": where.of(relation["evidence"]["start"]),
                         "kind": relation["kind"], "subject": relation["subject"], "object": relation["object"],
                         "cue_start": relation["cue"]["start"], "cue_end": relation["cue"]["end"],
                         "start": relation["evidence"]["start"], "end": relation["evidence"]["end"],
                         "text": relation["evidence"]["text"]} for relation in data.get("relations") or []]
    yield "findings", [{"id": finding["id"], "scope": "document", "kind": finding["kind"],
                        "severity": finding.get("severity"), "message": finding["message"],
                        "detail": _json(finding.get("detail") or {}),
                        "evidence": list(finding.get("evidence") or [])} for finding in data.get("findings") or []]


def _sentence_rows(text: str, sentences: list[dict[str, Any]], where: _Sentences, timexes: list[dict[str, Any]],
                   events: list[dict[str, Any]]) -> list[Row]:
    told: dict[int, list[str]] = {}
    for timex in timexes:
        n = where.of(timex["start"])
        if n is not None and timex.get("resolved") and timex.get("type") in ("DATE", "TIME"):
            told.setdefault(n, []).append(timex["value"])
    inherited: dict[int, list[str]] = {}
    for event in events:
        n = where.of(event["trigger"]["start"])
        value = (event.get("date") or {}).get("value")
        if n is not None and value and event.get("time_inferred"):
            inherited.setdefault(n, []).append("≈" + value)
    result = []
    for n, sentence in enumerate(sentences):
        dates = list(dict.fromkeys(told.get(n) or inherited.get(n) or []))
        result.append({"n": n, "start": sentence["start"], "end": sentence["end"],
                       "text": text[sentence["start"]:sentence["end"]], "dates": "; ".join(dates) or None})
    return result


def _timex_row(timex: dict[str, Any], where: _Sentences) -> Row:
    interval = timex.get("interval") or {}
    return {"id": timex["id"], "n": where.of(timex["start"]), "start": timex["start"], "end": timex["end"],
            "text": timex["text"], "type": timex.get("type"), "value": timex.get("value"), "mod": timex.get("mod"),
            "anchor": timex.get("anchor"), "resolved": _flag(timex.get("resolved")),
            "earliest": interval.get("earliest"), "latest": interval.get("latest"),
            "anchoring": timex.get("anchoring"), "confidence": timex.get("confidence"),
            "story_line": _flag(timex.get("story_line"))}


def _entity_row(entity: dict[str, Any]) -> Row:
    names = [entity["name"], *(entity.get("aliases") or [])]
    return {"id": entity["id"], "type": entity["type"], "name": entity["name"], "folded": fold_name(entity["name"]),
            "names": " | ".join(dict.fromkeys(fold_name(name) for name in names)),
            "aliases": _json(entity.get("aliases") or []), "rank": entity.get("rank"),
            "ranks": _json(entity.get("ranks") or []), "role": entity.get("role"), "title": entity.get("title"),
            "hull": entity.get("hull"), "abbreviation": entity.get("abbreviation"),
            "ambiguous_between": _json(entity.get("ambiguous_between") or []),
            "evidence": _json(entity.get("evidence") or []), "mentions": len(entity.get("mentions") or [])}


def _event_row(event: dict[str, Any], where: _Sentences) -> Row:
    trigger = event["trigger"]
    date = event.get("date") or {}
    return {"id": event["id"], "n": where.of(trigger["start"]), "start": trigger["start"], "end": trigger["end"],
            "trigger": trigger["text"], "lemma": trigger.get("lemma"), "pos": trigger.get("pos"),
            "class": event.get("class"), "polarity": event.get("polarity"), "modality": event.get("modality"),
            "factuality": event.get("factuality"), "aspect": event.get("aspect"),
            "happening": int(bool(event.get("happening"))), "head": event.get("head"), "timex": event.get("time"),
            "time_inferred": _flag(event.get("time_inferred")), "date": date.get("value"),
            "earliest": date.get("earliest"), "latest": date.get("latest"), "story_order": event.get("story_order")}


def _event_entity_rows(event: dict[str, Any], text: str) -> Iterator[Row]:
    for participant in event.get("participants") or []:
        yield {"event": event["id"], "entity": participant.get("entity"), "role": participant["role"],
               "rank": participant.get("rank"), "phrase": _words(text, participant.get("phrase"))}
    for place in event.get("places") or []:
        yield {"event": event["id"], "entity": place, "role": "place", "rank": None, "phrase": None}


def _words(text: str, span: Any) -> str | None:
    """The words of a `{start, end}` span (an apposition, a descriptor, a participant's phrase)."""
    if isinstance(span, dict) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
        return text[span["start"]:span["end"]]
    return None if span is None else str(span)
