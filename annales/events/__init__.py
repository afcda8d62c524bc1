"""Events: what happens in each clause, who takes part, where, and when; in the order told.

Events are what TimeML counts (`triggers`): verbs wherever they stand (not auxiliaries, the copula,
nor "aller"/"faire" governing an infinitive: then the infinitive is the event), event and deverbal
nouns naming one happening ("le débarquement", "l'inculpation"; not "navires de débarquement"), and
the adjectives of states; in a line written in capitals, which the tagger misreads, verbs are found
from the lemmatizer's tables (`capitals`). Each gets its TimeML class, polarity, modality and factuality (`classes`):
a chronology lists the factual occurrences (`annales.common.events.is_happening`), not the event
noun of a heading that names the passage below ("Offensive de l'Ourcq." alone on its line, no date),
nor a participle recalling what a demonstrative points back to ("Ces gains chèrement acquis").
Events told inside quotations are kept like any other.

Participants come from the dependency parse, mapped to entities through the mentions the entity
layer found: nsubj and obl:agent -> agent, nsubj:pass and obj -> patient, "par X" after a passive
verb or an event noun -> agent, other obl/nmod/iobj -> other. A participant that is itself an event
("l'arrivée de Leclerc réjouit …") lends its entities to that event only.
A verb without a subject of its own shares the one it is told under (conjoined verbs, infinitives,
participles); relative pronouns, subject pronouns, "le régiment" and "le 9e" are followed back to
their entity (`participants`, `coreference`). A place is never an agent: places come from place
prepositions, objects and datelines; a state acting ("la Prusse envahit") is its government, an
agent given by its words (`common/states.py`).

Time (`dating`): a DATE/TIME timex is given to the event whose clause it hangs from in the parse
(walking up the timex's heads to the first trigger); an event without one takes its governing event's
timex in the same sentence, else a date of its sentence that hangs from no event; a heading's events
take the date of the event its text opens with. Otherwise the event inherits the narrative's current
time: the last resolved DATE/TIME timex before it in the main narrative, with `time_inferred` = True;
in news, the tense may put it at the day of writing. Sidebars, quote blocks, quotations, boilerplate
and the byline (the publication date) never set it; an event inside an aside first looks for a date
told earlier in the same aside; the date of a pluperfect (a flashback) dates only the pluperfects
after it. Nothing is inferred from an unresolved or non-calendar date ("PRESENT_REF").
An unresolved own timex keeps its value (with X's) and no interval.

One pass over the tokens; the parse is only read, never redone.
"""

from __future__ import annotations

from bisect import bisect_left

from annales.common.capitals import CapitalLines, verb_forms
from annales.common.events import by_form
from annales.common.index import by_token
from annales.common.parse import TokenSentences, token_range
from annales.context import Context, stage
from annales.events.classes import (
    EventReader,
    a_time_comes,
    aspect,
    background_state,
    bare_infinitive,
    describes_a_thing,
    heads_a_passage,
    historians_future,
    lie_of_the_land,
    light_under_its_infinitive,
    names_its_doer,
    names_one_happening,
    performs_an_act,
    recalls_a_told_happening,
    states_a_cause,
    still_holds,
)
from annales.events.dating import Dating, first_above
from annales.events.lexicon import lexicon
from annales.events.participants import Participants, clause_items, entities_by_token, support_verbs, told_by_support
from annales.events.triggers import Spans, doc_text, find_triggers, lemma_of, noun_lemma, takes_place
from annales.model import Analysis, Event, Span, Trigger, make_id


@stage("events", reads=("text", "dct", "language", "regions", "sentences", "doc", "timexes", "entities",
                        "quantities", "quotes"),
       adds=("events",), resources="events")
def tag_events(analysis: Analysis, context: Context) -> None:
    analysis.events = []
    doc = analysis.doc
    if doc is None or len(doc) == 0:
        return
    lex = lexicon(analysis.language)
    capital_verbs: dict[int, str] = {}  # verbs of lines in capitals, which the tagger misreads
    capitals = CapitalLines(doc_text(doc, analysis.text))  # read by the triggers and the dating
    triggers = find_triggers(analysis, doc, lex, verb_forms(context.nlp), capital_verbs, capitals)
    if not triggers:
        return
    trigger_set = set(triggers)
    entity_at, ranks_of = entities_by_token(analysis, doc)
    persons = frozenset(e.id for e in analysis.entities if e.type == "person")
    for timex in analysis.timexes:  # a date's words are never a participant ("Le" of "Le 6 juin")
        tokens = token_range(doc, timex.start, timex.end)
        for k in range(*tokens) if tokens is not None else ():
            entity_at.pop(k, None)
    participants = Participants(analysis, doc, trigger_set, entity_at, ranks_of,  # pronouns resolved once
                                capital_verbs)
    quantity_at = by_token(doc, ((q.id, q.start, q.end) for q in analysis.quantities))
    quantities_of = clause_items(doc, quantity_at, trigger_set)  # the quantities of each event's own clause
    dating = Dating(analysis, doc, trigger_set, capitals, capital_verbs)
    sentences = TokenSentences(doc)
    heads: dict[int, int | None] = {}
    order_of = {i: n for n, i in enumerate(triggers, start=1)}
    reader = EventReader(lex, analysis.language)
    support = frozenset(support_verbs(analysis.language))  # "pour mener une attaque": a purpose's noun
    # Words someone is said to speak or write (a quotation with a speaker or a cue): what they tell is
    # reported. A quotation nobody is said to speak (a title, a cited document, a quotation mark the
    # OCR left open until the end of the text) is the narrator's.
    quoted = Spans((q.start, q.end) for q in analysis.quotes if q.speaker is not None or q.cue is not None)
    timex_by_id = {t.id: t for t in analysis.timexes}
    timex_starts = sorted(t.start for t in analysis.timexes)

    for order, i in enumerate(triggers, start=1):
        token = doc[i]
        # a heading's first word the tagger took for a name is a noun; a verb of a line in capitals is a verb
        noun = token.pos_ in ("NOUN", "PROPN") and i not in capital_verbs
        sentence_start, sentence_end = sentences.char_bounds(i)
        event = Event(
            id=make_id("event", order), sentence=Span(sentence_start, sentence_end),
            trigger=Trigger(token.idx, token.idx + len(token.text), token.text,
                            capital_verbs.get(i) or (noun_lemma(token) if noun else lemma_of(token)),
                            "VERB" if i in capital_verbs else "NOUN" if noun else token.pos_),
            story_order=order)
        reading = reader.read(token)  # TimeML class, polarity, modality, factuality
        event.event_class, event.polarity = reading.event_class, reading.polarity
        if i in capital_verbs and token.pos_ == "ADJ" and event.event_class == "STATE" \
                and capital_verbs[i] not in lex.classes:
            event.event_class = "OCCURRENCE"  # a verb the tagger read as an adjective: a verb's class
        elif i in capital_verbs and token.pos_ == "NOUN" and capital_verbs[i] in lex.classes:
            event.event_class = lex.classes[capital_verbs[i]]  # "« … », analyse le directeur": the verb's class
        event.modality, event.factuality = reading.modality, reading.factuality
        event.aspect = aspect(token, misread=i in capital_verbs) \
            or ("imperfective" if noun and background_state(token, lex) else None)
        if event.factuality == "fact" and token.idx in quoted:
            event.factuality = "reported"  # told in someone's words: what they say happened
        dated = dating.of(token)
        if dated is not None:
            event.time, event.date, event.time_inferred = dated.time, dated.date, dated.inferred
        if event.factuality == "future" and historians_future(event, timex_by_id, analysis.dct,
                                                             dating.dates_itself(token)):
            event.factuality = "fact"  # "Napoléon sera exilé en 1815": a past told in the future
        if token.head.i != i:
            # The event this one is told under: the nearest trigger above it in its sentence.
            above = first_above(token.head, trigger_set, heads)
            if above is not None:
                event.head = make_id("event", order_of[above])
        event.participants, event.places = participants.of(token)
        event.happening = by_form(event, act=performs_an_act(token, lex)) and (
            (names_one_happening(token, lex, support) and not dating.retells(token) and not heads_a_passage(
                token, *sentences.bounds(i), analysis.text,
                bisect_left(timex_starts, sentence_start) < bisect_left(timex_starts, sentence_end)))
            if noun
            else not (describes_a_thing(token, event, lex, persons) or bare_infinitive(token) or names_its_doer(token)
                      or states_a_cause(token, lex)
                      or a_time_comes(token, lex) or recalls_a_told_happening(token) or still_holds(token, lex)
                      or lie_of_the_land(token, lex, dating.dates_itself(token) and _on_a_calendar(event))))
        event.quantities.extend(quantities_of.get(i, ()))
        analysis.events.append(event)
    event_at = {doc_i: event for doc_i, event in zip(triggers, analysis.events, strict=True)}
    for i, event in event_at.items():
        infinitive = event_at.get(doc[i].head.i)
        if event.happening and infinitive is not None and infinitive.happening \
                and light_under_its_infinitive(doc[i], lex):
            # "Wolseley fait construire une route": one happening, told by the infinitive with the
            # causer as its agent ("fait cesser le feu" keeps the causative's: ceasing is no happening)
            event.happening = False
        supporting = event_at.get(doc[i].head.i) if doc[i].head.i != i else None
        if event.happening and supporting is not None and doc[i].pos_ == "NOUN" \
                and (told_by_support(doc[i], analysis.language) or takes_place(doc[i], lex)) and not (
                    supporting.polarity == "POS" and supporting.factuality in ("fact", "reported")):
            # "n'a pas lancé l'attaque", "lancera l'attaque demain", "sans parvenir à un accord", "la
            # braderie se tiendra dimanche": the verb the noun's happening is told by says it did not
            # take place, or not yet
            event.happening = False


def _on_a_calendar(event: Event) -> bool:
    """The event's date is a calendar's: "aujourd'hui" in a history (PRESENT_REF) dates no happening
    of the story ("une rue porte aujourd'hui son nom")."""
    return event.date is not None and (event.date.value or "")[:4].isdigit()
