"""Who and what: persons with their ranks, places, organisations, military units and ships.

    recognise (patterns from resources/*/entities/ + the model's NER) -> resolve (one name, one
    type, decided on all mentions; aliases merged; ambiguous surnames kept apart)
"""

from __future__ import annotations

from annales.context import Context, stage
from annales.entities.lexicon import name_lexicon
from annales.entities.recognise import (
    find_cued_organisations,
    find_cued_persons,
    find_cued_places,
    find_known_places,
    find_ner,
    find_peoples,
    find_place_heads,
    find_ranked_list_persons,
    find_ranked_persons,
    find_roster_persons,
    find_ships,
    find_signature,
    find_subject_persons,
    find_units,
    find_works,
)
from annales.entities.resolve import Resolver
from annales.model import Analysis, Entity


def find_entities(analysis: Analysis) -> list[Entity]:
    language = analysis.language
    lexicon = name_lexicon(language)
    text = analysis.text
    vocab = analysis.doc.vocab if analysis.doc is not None else None
    candidates = (find_units(text, language, lexicon) + find_ships(text, language, lexicon)
                  + find_ranked_persons(text, language, lexicon, analysis.doc) + find_cued_places(text, language)
                  + find_cued_organisations(text, language) + find_cued_persons(text, language, lexicon)
                  + find_works(text, language) + find_ranked_list_persons(text, language)
                  + find_roster_persons(text, language, lexicon) + find_signature(text)
                  + find_place_heads(text, language) + find_ner(analysis.doc, text, language)
                  + find_subject_persons(analysis.doc, text, language, lexicon)
                  # after the NER's: a tie in length keeps the NER's span, whose type is still voted on
                  + find_peoples(text, language, vocab) + find_known_places(text, language, vocab))
    return Resolver(analysis, lexicon, language).run(candidates)


@stage("entities", reads=("text", "language", "regions", "sentences", "doc"), adds=("entities",),
       resources="entities")
def tag_entities(analysis: Analysis, context: Context) -> None:
    analysis.entities = find_entities(analysis)
