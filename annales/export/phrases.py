"""A short readable phrase for an event, made of the words of its own clause: who, the verb as the text
writes it (with its auxiliary, negation and reflexive pronoun: "s'est emparé", "n'a pas pris"), and
what or where ("le 9e RI débarque à Valmy").

The exporters have the model only, not the parse: the phrase is read off the text around the trigger
and the event's participants. Every word comes from the text, except the names of participants the
text does not name at that place (a pronoun resolved to its person, a place said before the verb)
and the word introducing an agent named further on. Which words join a verb to its auxiliary, or a
place to its verb, and where a clause ends, is language data (`resources/<lang>/export/phrase_words.tsv`).

Pieces, in the order a reader expects them:
- the front: the words right before the verb group, back to a comma, a clause word, a date, another
  event's verb or a place after its preposition, when they name the actor or nothing better is
  known ("la ville a été prise"); the actor's name instead when the text names it elsewhere or by
  a pronoun ("Il" -> "Foch"); nothing for an event noun ("l'attaque de Metz"), which is its own head;
- the verb group: the trigger with the auxiliaries, clitics and negation just before it (adverbs
  between them included: "a aussitôt débarqué"); an event noun with its article;
- the complement: the words after the trigger up to the first object or place named within a few
  words ("débarque à Valmy"), or up to the actor when it comes after the verb ("prise par Moltke",
  "rôdait son chien"), else a few words cut at punctuation, a clause word, a date or another event's
  verb, without a dangling article or preposition;
- what is still missing: a place the sentence names before the verb after a preposition ("À Valmy, le
  régiment débarque" -> "le régiment débarque à Valmy"), and an agent named beyond reach ("par Foch").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from annales.common.events import is_happening
from annales.common.resources import (
    REFERENCE_LANGUAGE,
    ResourceError,
    exists,
    first_column,
    has_layer,
    load_rows,
)
from annales.common.spans import SpanSet
from annales.model import Analysis, Entity, Event, Participant

# A word (hyphens inside, an elided word keeps its apostrophe: "s'", "jusqu'"), or one punctuation mark.
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*['’]?|[^\w\s]")
SUBJECT_WORDS = 5  # a subject longer than this is cut to its head: the phrase must stay short
SUBJECT_WHOLE = 8  # a subject this long is still quoted whole
SUBJECT_SCAN = 12  # how far back a subject's opening is looked for
COMPLEMENT_WORDS = 8  # how far after the verb a participant or place is taken in verbatim
FALLBACK_WORDS = 4  # words kept after the verb when no participant is named there
INCISE_TOKENS = 16  # the longest incise between commas passed over to find the subject before it
JOINING_WORDS = 3  # "près de la": the longest run of prepositions and articles kept before a place
MAX_CHARS = 90
# How far around a trigger the words are read: the pieces are a few words each, and a bound keeps a
# sentence of 100 000 characters (a table without full stops) from being read once per event.
LOOK_AROUND = 400


@dataclass(frozen=True)
class PhraseWords:
    """The words of one language that a phrase is built from or cut at (lower case, ’ read as ')."""

    auxiliary: frozenset[str]
    clitic: frozenset[str]
    negation: frozenset[str]
    adverb: frozenset[str]
    adverb_endings: tuple[str, ...]
    boundary: frozenset[str]
    preposition: frozenset[str]
    article: frozenset[str]
    agent: str
    event_nouns: frozenset[str]
    infinitive_endings: tuple[str, ...]
    participle_endings: tuple[str, ...] = ()
    coordinator: frozenset[str] = frozenset()

    def is_adverb(self, key: str) -> bool:
        return key in self.adverb or any(key.endswith(e) and len(key) > len(e) + 2 for e in self.adverb_endings)


@cache
def phrase_words(language: str) -> PhraseWords:
    kinds: dict[str, list[str]] = {}
    for kind, word in load_rows(language, "export", "phrase_words.tsv", 2):
        kinds.setdefault(kind, []).append(_key(word))

    def words(kind: str) -> frozenset[str]:
        return frozenset(kinds.get(kind, ()))

    return PhraseWords(
        auxiliary=words("auxiliary"), clitic=words("clitic"), negation=words("negation"),
        adverb=words("adverb"), adverb_endings=tuple(kinds.get("adverb-ending", ())),
        boundary=words("boundary"), preposition=words("preposition"), article=words("article"),
        agent=(kinds.get("agent") or [""])[0], infinitive_endings=tuple(kinds.get("infinitive-ending", ())),
        coordinator=words("coordinator"),
        # How a past participle ends (shared with the events layer): one alone after a comma is said of
        # the words before it only when they open the clause ("Le traité, signé le 30 mars, …").
        participle_endings=tuple(first_column(language, "common", "participle_endings.tsv"))
        if exists(language, "common", "participle_endings.tsv") else (),
        # The nouns the layers share as events; a language without the list tells nouns by their article.
        event_nouns=frozenset(_key(w) for w in first_column(language, "common", "event_nouns.tsv"))
        if exists(language, "common", "event_nouns.tsv") else frozenset())


@cache
def label(language: str, key: str) -> str:
    """A sentence the exports write around the chronology (`resources/<lang>/export/labels.tsv`)."""
    labels = dict(load_rows(language, "export", "labels.tsv", 2))
    if key not in labels:
        raise ResourceError(f"resource {language}/export/labels.tsv has no {key!r}")
    return labels[key]


def language_of(analysis: Analysis) -> str:
    """The analysis's language when it has phrase words, else the reference language."""
    language = analysis.language
    return language if language and has_layer(language, "export") else REFERENCE_LANGUAGE


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    key: str
    is_word: bool


@dataclass(frozen=True)
class _Actor:
    participant: Participant
    key: str  # the entity id, or the key of the phrase naming it (`Phrases._key`)
    name: str  # as a phrase writes it: "général Nivelle", "les soldats"


def phrase_words_of(text: str, participant: Participant) -> str | None:
    """The words of the text naming a participant that is no entity ("les soldats", "l'ennemi"), on
    one line; None for an entity or the narrator."""
    if participant.phrase is None:
        return None
    start, end = participant.phrase.start, participant.phrase.end
    return " ".join(text[max(start, 0):max(end, 0)].split())


@dataclass(frozen=True)
class _Parts:
    front: str
    actor: str | None  # the entity id the front names, when it names the actor
    body: str  # verb group, complement and what is added after them
    spans: tuple[tuple[int, int], ...]  # the stretches of text the phrase quotes


class Phrases:
    """The phrases of one analysis' events, built on demand with the lookups shared."""

    def __init__(self, analysis: Analysis) -> None:
        self.text = analysis.text
        self.words = phrase_words(language_of(analysis))
        self.entities: dict[str, Entity] = {e.id: e for e in analysis.entities}
        self.events: dict[str, Event] = {e.id: e for e in analysis.events}
        self._mentions: dict[str, tuple[list[int], list[int]]] = {}
        self.timexes = SpanSet((t.start, t.end) for t in analysis.timexes)
        self.places = SpanSet((m.start, m.end) for e in analysis.entities if e.type == "place" for m in e.mentions)
        self.names = SpanSet((m.start, m.end) for e in analysis.entities for m in e.mentions)
        # Another event's verb opens its own clause: the words taken around a verb stop there. An event
        # noun does not ("a obtenu l'abdication du roi"): it is quoted whole with the verb it depends on.
        self.triggers = SpanSet((e.trigger.start, e.trigger.end) for e in analysis.events if not self._is_noun(e))
        self._parts: dict[str, _Parts] = {}

    def of(self, event: Event) -> str:
        """The event's phrase: "le 9e RI débarque à Valmy"; for an event noun a verb governs that is
        no happening itself ("l'Empire ottoman déclare la guerre à la Russie", "X annonce la
        victoire"), the verb's phrase, which quotes the noun with who did it."""
        carrier = self._carrier(event)
        parts = self._parts_of(carrier or event)
        return _cap(" ".join(p for p in (parts.front, parts.body) if p))

    def _carrier(self, event: Event) -> Event | None:
        """The verb whose phrase tells an event noun it governs as its complement, when that verb is
        no happening itself and its phrase quotes the noun's own words whole."""
        head = self.events.get(event.head or "")
        if head is None or head.trigger.start > event.trigger.start or not self._is_noun(event) \
                or self._is_noun(head) or is_happening(head):
            return None
        spans = self._parts_of(head).spans
        own = self._parts_of(event).spans
        return head if all(any(s <= start and end <= e for s, e in spans) for start, end in own) else None

    def under(self, event: Event, main: Event) -> str:
        """The phrase of an event told under `main`, without the actor they share; empty when main's
        phrase already quotes it ("a obtenu l'abdication du roi" holds the event "abdication")."""
        shown = self.subs(main, [event])
        return shown[0][1] if shown else ""

    def subs(self, main: Event, subs: list[Event]) -> list[tuple[Event, str]]:
        """The events told under `main` with their phrases, in order, each without the actor it shares
        with `main`; an event already quoted by main's phrase or an earlier one is left out."""
        main_parts = self._parts_of(main)
        quoted = list(main_parts.spans)
        out = []
        for event in subs:
            if any(start <= event.trigger.start and event.trigger.end <= end for start, end in quoted):
                continue
            parts = self._parts_of(event)
            quoted += parts.spans
            shared = parts.actor is not None and parts.actor == main_parts.actor
            shown = _cap(parts.body if shared else " ".join(p for p in (parts.front, parts.body) if p))
            if shown:
                out.append((event, shown))
        return out

    def _parts_of(self, event: Event) -> _Parts:
        if event.id not in self._parts:
            self._parts[event.id] = self._build(event)
        return self._parts[event.id]

    def _build(self, event: Event) -> _Parts:
        text, words = self.text, self.words
        t_start = min(max(event.trigger.start, 0), len(text))
        t_end = min(max(event.trigger.end, t_start), len(text))
        s_start = min(max(event.sentence.start, 0), t_start)
        s_end = max(min(event.sentence.end, len(text)), t_end)
        before = self._tokens(max(s_start, t_start - LOOK_AROUND), t_start)
        noun = self._is_noun(event)

        # The verb group: what precedes the trigger and belongs to its verb form.
        first = len(before)
        if noun:
            if before and before[-1].key in words.article | words.clitic:
                first -= 1
        else:
            for i in range(len(before) - 1, -1, -1):
                key = before[i].key
                if key in words.clitic and first != i + 1 and key not in words.auxiliary:
                    break  # no adverb stands between a clitic and its verb: "le régiment reçoit" is no "le lui"
                if key in words.auxiliary or key in words.clitic or key in words.negation:
                    first = i  # adverbs passed on the way belong to the group only once this is found
                elif not words.is_adverb(key):
                    break
        group_start = before[first].start if first < len(before) else t_start

        # An actor named after the verb ("écrasée par Murat", "l'arrivée de Leclerc", "rôdait son
        # chien") is quoted where it is when it is close enough; a passive's agent further away is
        # added with the agent word; any other actor is put first.
        actor = self._actor(event)
        actor_at = self._mention_near(actor.key, s_start, s_end, t_start, actor.participant) if actor else None
        actor_after = actor is not None and actor_at is not None and actor_at[0] >= t_end
        complement_end = self._complement_end(event, actor.key if actor and actor_after else None, t_end, s_end)
        covered: list[tuple[int, int]] = [(group_start, complement_end)]
        quoted = bool(actor and actor_after and self._named_in(actor.key, covered))
        by_agent_word = bool(actor_after and actor_at and self._word_before(actor_at[0], s_start) == words.agent)

        front, front_actor, late_agent = "", None, False
        if not noun:
            participle = first == len(before) and bool(words.participle_endings) \
                and _key(event.trigger.text).endswith(words.participle_endings)
            window = self._subject(before[:first], participle=participle)
            # The words before the verb, when they name the actor there ("le 9e RI") or when nothing
            # names it at all; the actor's name when the text says "il" or names it further away.
            written = (window[0].start, window[-1].end) if window else None
            if actor and not quoted and not by_agent_word and actor_after and written and first < len(before):
                # The words before a verb with its auxiliary are its subject, the actor named further on
                # its agent ("le commandant est remplacé par un jeune capitaine, X"): the subject stays,
                # and the agent is added after the verb when the words quoted do not hold its "par".
                front = self._span(*written)
                late_agent = words.agent in (t.key for t in self._tokens(t_end, actor_at[0])) and \
                    words.agent not in (t.key for t in self._tokens(t_end, complement_end))
            elif actor and not quoted and not by_agent_word:
                front_actor = actor.key
                if not (written and actor.participant.resolved_from is None and actor_at is not None
                        and written[0] <= actor_at[0] and actor_at[1] <= written[1]):
                    written = None
                front = self._span(*written) if written else actor.name
            elif written:
                front = self._span(*written)
            else:
                front = self._patient_before(event, s_start, group_start)
            if written:
                covered.append(written)

        body = [self._span(group_start, complement_end)]
        place = self._place(event, s_start, group_start, covered)
        if place:
            body.append(place)
        if actor and not quoted and (by_agent_word or noun or late_agent) and words.agent:
            body.append(f"{words.agent} {actor.name}")
        return _Parts(front, front_actor, " ".join(b for b in body if b) or event.trigger.lemma, tuple(covered))

    def _is_noun(self, event: Event) -> bool:
        """An event noun, told from the model without the parse: listed; or with a lemma that is no
        verb's ("effort", "provision"); or after a word that is only a determiner ("une attaque",
        "son arrivée"); or written as its lemma, or its plural, after an article ("la guerre", "les
        tirs"; "la prend" is a verb, whose lemma is "prendre")."""
        words = self.words
        lemma, written = _key(event.trigger.lemma), _key(event.trigger.text)
        if lemma in words.event_nouns or (words.infinitive_endings and not lemma.endswith(words.infinitive_endings)):
            return True
        before = self._word_before(event.trigger.start, max(event.sentence.start, 0))
        if before is None or before not in words.article:
            return False
        return before not in words.clitic or written in (lemma, lemma + "s", lemma + "x")  # "les tirs"

    def _tokens(self, start: int, end: int) -> list[_Token]:
        return [_Token(m.start(), m.end(), _key(m.group()), m.group()[0].isalnum())
                for m in _TOKEN.finditer(self.text, start, end)]

    def _subject(self, tokens: list[_Token], participle: bool = False) -> list[_Token]:
        """The words just before the verb group (`_words_before`); when a comma stands right before it,
        the words before an incise set off by commas ("Le colonel Dubreuil, tué le 8 août 1914, est
        enterré", "Le bataillon, qui avait débarqué à Épernay, est épuisé")."""
        window = self._words_before(tokens)
        if window or not tokens or tokens[-1].key != ",":
            return window
        if participle:
            # A past participle alone opens an incise itself ("Le traité de Paris, signé le 30 mars, met
            # fin …"): it is said of the words before its comma when they open their clause; after another
            # verb's object ("il quitta Lyon, inquiet …") it may be said of either, and the
            # participant it was given decides.
            said_of = self._words_before(tokens[:-1])
            k = len(tokens) - 2 - len(said_of)
            opens = k < 0 or not tokens[k].is_word or tokens[k].key in self.words.boundary \
                or self.timexes.overlaps(tokens[k].start, tokens[k].end)
            # A noun phrase or a name, not an adjective of a list ("calme, ferme, décidé").
            named = bool(said_of) and (said_of[0].key in self.words.article or self.text[said_of[0].start].isupper())
            if said_of:
                return said_of if opens and named else []
        for j in range(len(tokens) - 2, max(len(tokens) - 2 - INCISE_TOKENS, -1) - 1, -1):
            if j < 0:
                return []
            if tokens[j].key == ",":
                # Only a short subject: further back, an object of the clause before looks like one.
                subject = self._words_before(tokens[:j], scan=SUBJECT_WORDS)
                # Only a whole subject, one that opens its clause: words cut by the length limit or by
                # another verb are the end of another clause ("… avait posé son camp au pied d'une
                # montagne, à huit mille pas, envoya").
                k = j - len(subject) - 1
                opens = k < 0 or not tokens[k].is_word or tokens[k].key in self.words.boundary \
                    or self.timexes.overlaps(tokens[k].start, tokens[k].end)
                return subject if opens else []
            if not tokens[j].is_word:
                break  # a quotation, a parenthesis, a colon: no incise of this kind
        return []

    def _words_before(self, tokens: list[_Token], scan: int = SUBJECT_SCAN) -> list[_Token]:
        """The words just before the verb group, back to a comma, a clause word, a date or a place after
        its preposition; none when they open with a preposition (a complement put first: "Autour du camp
        rôdait …"). A subject longer than SUBJECT_WHOLE words keeps its first words, where French puts
        its head; one whose opening lies beyond `scan` words keeps its last."""
        words = self.words
        out: list[_Token] = []
        joined = -1  # where in `out` a coordinator was passed: cut back there if the run opens no clause
        opens = True  # the run reached the clause's opening (its start, punctuation, a clause word, a date)
        for i in range(len(tokens) - 1, -1, -1):
            token = tokens[i]
            if token.key in words.coordinator and out and joined < 0 and i > 0 and tokens[i - 1].is_word \
                    and (out[-1].key in words.article or self.text[out[-1].start].isupper()):
                # "La France et le Royaume-Uni déclarent": two noun phrases joined are one subject,
                # when the run goes on back to where the clause opens.
                joined = len(out)
                out.append(token)
                continue
            if not token.is_word or token.key in words.boundary or self.timexes.overlaps(token.start, token.end):
                break
            if _count(out) == scan or self._stops(token):
                opens = False
                break
            place = self.places.containing(token.start, token.end)
            if place is not None:
                # "À Valmy le régiment débarque": a place after a preposition is a complement put first;
                # "Metz a été prise": a place alone is the subject.
                k = i
                while k > 0 and tokens[k - 1].end > place[0]:
                    k -= 1
                # ... unless the preposition follows a noun it completes ("le traité de Paris").
                completes = k > 1 and tokens[k - 2].is_word and not ({tokens[k - 2].key, tokens[k - 1].key}
                                                                      & (words.boundary | words.article)) \
                    and tokens[k - 2].key not in words.preposition
                if k > 0 and tokens[k - 1].key in words.preposition and not completes:
                    opens = False
                    break
            out.append(token)
        if joined >= 0 and not opens:
            out = out[:joined]  # the coordinator joined two clauses, not two subjects
        out.reverse()
        if out and out[0].key in words.preposition and out[0].key not in words.article:
            return []
        if _count(out) <= SUBJECT_WHOLE:
            return out
        if _count(out) == scan:
            return out[-SUBJECT_WORDS:]  # where the subject opens is not known: its last words
        # A long subject keeps its head, which French puts first: "la prise de Carentan par les
        # parachutistes" -> "la prise de Carentan", not "Carentan par les parachutistes".
        head: list[_Token] = []
        for token in out:
            if _count(head) >= SUBJECT_WORDS and not head[-1].key.endswith("'"):
                name = self.names.containing(token.start, token.end)
                if name is None or head[-1].start < name[0]:  # never cut inside a name
                    break
            head.append(token)
        while head and (head[-1].key in words.preposition or head[-1].key in words.article
                        or head[-1].key in words.coordinator):
            head.pop()
        return head

    def _complement_end(self, event: Event, agent: str | None, t_end: int, s_end: int) -> int:
        """Where the verbatim part after the trigger ends: after the last participant or place named
        within reach (the agent too, when it is named after the verb), else after a few words."""
        words = self.words
        window: list[_Token] = []
        for token in self._tokens(t_end, min(s_end, t_end + LOOK_AROUND)):
            # A verb right after the trigger is the infinitive it governs ("fait hisser le drapeau
            # blanc", "vient renforcer la ligne"): the two are one verb group, quoted together.
            chained = not window and token.start == t_end + 1 and self.triggers.overlaps(token.start, token.end) \
                and not self.timexes.overlaps(token.start, token.end) and not self._is_noun(event)
            if (not token.is_word or token.key in words.boundary or _count(window) == COMPLEMENT_WORDS
                    or (self._stops(token) and not chained)):
                break
            window.append(token)
        if not window:
            return t_end
        reach = window[-1].end
        # The first object or place named within reach ends the phrase ("quitte Verdun", not "quitte
        # Verdun avec 1 200 hommes du 5e régiment"); other participants only when there is none.
        # An agent named after the verb is reached whatever comes before it ("prise par Moltke").
        first_choice = [self._key(p) for p in event.participants if p.role == "patient"] + list(event.places)
        others = [self._key(p) for p in event.participants if p.role not in ("agent", "patient")]
        agent_end = max((end for _, end in self._mentions_in(agent, t_end, reach)), default=t_end) if agent else t_end
        for named in (first_choice, others):
            ends = [end for entity in named for _, end in self._mentions_in(entity, t_end, reach)]
            if ends:
                return max(min(ends), agent_end)
        if agent_end > t_end:
            return agent_end
        kept: list[_Token] = []
        for token in window:
            if _count(kept) == FALLBACK_WORDS:
                break
            kept.append(token)
        dangling = words.preposition | words.article | words.clitic | words.auxiliary | words.negation
        while kept and kept[-1].key in dangling:
            kept.pop()  # "en deçà des", "sous une": the phrase would hang on them
        return kept[-1].end if kept else t_end

    def _stops(self, token: _Token) -> bool:
        """A date or another event's trigger: the words around a verb stop before them."""
        return self.timexes.overlaps(token.start, token.end) or self.triggers.overlaps(token.start, token.end)

    def _place(self, event: Event, s_start: int, group_start: int, covered: list[tuple[int, int]]) -> str:
        """The first place the sentence names before the verb after a preposition ("À Valmy, le régiment
        débarque"), when none is in the phrase yet. A place named after the verb beyond the complement
        belongs to another clause as often as not; a place the sentence does not name (a dateline's
        town, given to every event under it) or names without a preposition is left to the views that
        show places apart."""
        if any(self._named_in(place, covered) for place in event.places):
            return ""
        for place in event.places:
            entity = self.entities.get(place)
            mentions = self._mentions_in(place, s_start, group_start) if entity else []
            if entity is None or not mentions:
                continue
            start = mentions[0][0]
            joining = self._tokens(max(s_start, start - LOOK_AROUND), start)[-JOINING_WORDS:]
            kept: list[_Token] = []
            for token in reversed(joining):
                if token.key not in self.words.preposition | self.words.article:
                    break
                kept.insert(0, token)
            while kept and kept[0].key not in self.words.preposition:
                kept.pop(0)  # "la Marne" is a name, not a way of joining it
            if not kept:
                continue
            joining = self._span(kept[0].start, kept[-1].end).lower()
            space = "" if kept[-1].key.endswith("'") else " "  # "d'Espagne", "de Metz"
            return f"{joining}{space}{entity.name}"
        return ""

    def _patient_before(self, event: Event, s_start: int, group_start: int) -> str:
        """The name of a patient said before the verb (the subject of a passive), when the words there
        could not be taken."""
        for participant in event.participants:
            if participant.role != "patient":
                continue
            if participant.phrase is not None and self._mentions_in(self._key(participant), s_start, group_start):
                return self._span(participant.phrase.start, participant.phrase.end)
            entity = self.entities.get(participant.entity or "")
            if entity and self._mentions_in(entity.id, s_start, group_start):
                return entity.name
        return ""

    def _actor(self, event: Event) -> _Actor | None:
        """The first agent that is a known entity and not a place (a place is never an agent), or
        people named by their words ("les soldats")."""
        for participant in event.participants:
            if participant.role != "agent":
                continue
            if participant.phrase is not None:
                return _Actor(participant, self._key(participant),
                              self._span(participant.phrase.start, participant.phrase.end))
            entity = self.entities.get(participant.entity or "")
            if entity is not None and entity.type != "place":
                return _Actor(participant, entity.id, _actor_text(participant, entity))
        return None

    def _key(self, participant: Participant) -> str:
        """What `_mentions_in` looks a participant up by: its entity id, or for people named by their
        words a key no entity id takes, whose one mention is those words."""
        if participant.phrase is None:
            return participant.entity or ""
        start, end = participant.phrase.start, participant.phrase.end
        key = f"phrase@{start}:{end}"
        self._mentions.setdefault(key, ([start], [end]))
        return key

    def _mention_near(self, entity: str, s_start: int, s_end: int, t_start: int,
                      participant: Participant) -> tuple[int, int] | None:
        """Where the sentence names the participant: the words it was resolved from, else its last
        mention before the trigger, else its first after."""
        if participant.resolved_from is not None:
            return participant.resolved_from.start, participant.resolved_from.end
        mentions = self._mentions_in(entity, s_start, s_end)
        earlier = [m for m in mentions if m[1] <= t_start]
        return earlier[-1] if earlier else (mentions[0] if mentions else None)

    def _mentions_in(self, entity: str, start: int, end: int) -> list[tuple[int, int]]:
        """The entity's mentions lying inside [start, end), by bisection: a name said a thousand times
        is looked up once per event."""
        if entity not in self._mentions:
            known = self.entities.get(entity)
            spans = sorted((m.start, m.end) for m in known.mentions) if known else []
            self._mentions[entity] = ([s for s, _ in spans], [e for _, e in spans])
        starts, ends = self._mentions[entity]
        out = []
        for i in range(bisect_left(starts, start), len(starts)):
            if starts[i] >= end:
                break
            if ends[i] <= end:
                out.append((starts[i], ends[i]))
        return out

    def _named_in(self, entity: str, spans: list[tuple[int, int]]) -> bool:
        return any(self._mentions_in(entity, start, end) for start, end in spans)

    def _word_before(self, offset: int, floor: int) -> str | None:
        tokens = self._tokens(max(floor, offset - 40), offset)
        return tokens[-1].key if tokens else None

    def _span(self, start: int, end: int) -> str:
        return " ".join(self.text[start:end].split())


def _count(tokens: list[_Token]) -> int:
    """Words counted toward a limit: an elided word ("l'", "d'") is half of the next one."""
    return sum(1 for t in tokens if not t.key.endswith("'"))


def _actor_text(participant: Participant, entity: Entity) -> str:
    # The rank stated at the event ("général Nivelle") tells which of a career's moments this is.
    return f"{participant.rank} {entity.name}" if participant.rank else entity.name


def _cap(phrase: str) -> str:
    """The phrase cut at a word to MAX_CHARS, with an ellipsis when cut."""
    phrase = " ".join(phrase.split())
    if len(phrase) <= MAX_CHARS:
        return phrase
    cut = phrase.rfind(" ", 0, MAX_CHARS - 1)
    return phrase[:cut if cut > 0 else MAX_CHARS - 1] + "…"


def phrase(analysis: Analysis, event: Event) -> str:
    """One event's phrase; to phrase many events of one analysis, build `Phrases` once."""
    return Phrases(analysis).of(event)
