"""A parsed text with the person entities the entity layer would have found: the quotes layer's input,
without running the entity layer."""

from __future__ import annotations

from annales.context import Context
from annales.model import Analysis, Entity, Mention, Region, Sentence


def parsed_with_persons(text: str, persons: tuple[str, ...] = (), ranks: dict[str, str] | None = None,
                        regions: tuple[Region, ...] = ()) -> Analysis:
    """`text` parsed, with `persons` as person entities mentioned wherever their names are written,
    the ranks they would have been given, and `regions`."""
    analysis = Analysis(id="t", text=text, regions=list(regions), language="fr")
    analysis.doc = Context.default().parse(text)
    analysis.sentences = [Sentence(s.start_char, s.end_char) for s in analysis.doc.sents]
    for n, name in enumerate(persons, 1):
        mentions = []
        at = text.find(name)
        while at != -1:
            mentions.append(Mention(at, at + len(name), name))
            at = text.find(name, at + 1)
        rank = (ranks or {}).get(name)
        analysis.entities.append(Entity(f"p{n}", "person", name, mentions=mentions, rank=rank,
                                        ranks=[rank] if rank else []))
    return analysis
