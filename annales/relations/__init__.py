"""Relations between entities that the text states, each with the words that state it.

`commands`: a person at the head of a unit or a ship ("le 9e, commandé par le colonel Roux", "le
colonel Roux, qui commande le 9e", "le colonel Roux, chef du 9e", "à la tête de la 11e division").
Read from the dependency parse and the entity layer's mentions (`command`), never from word
distance alone: the cue must lie on the parse's path between the two mentions.
"""

from __future__ import annotations

from annales.context import Context, stage
from annales.model import Analysis, make_id
from annales.relations.command import commands


@stage("relations", reads=("text", "language", "regions", "doc", "timexes", "entities", "quotes"), adds=("relations",),
       resources="relations")
def tag_relations(analysis: Analysis, context: Context) -> None:
    found = commands(analysis)
    for number, relation in enumerate(found, start=1):
        relation.id = make_id("relation", number)
    analysis.relations = found
