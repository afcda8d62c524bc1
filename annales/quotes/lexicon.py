"""The language data of the quotes layer, read from `resources/<lang>/quotes/` and compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annales.common.resources import load_rows

LAYER = "quotes"
# What may follow an incise or a name: punctuation, a quote mark or the end of a line.
_STOP = r"[,.;:!?…«»\"“”\n]"
SUBJECT_MAX_CHARS = 60


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    speech_lemmas: frozenset[str]
    speech_forms: frozenset[str]  # the written forms of the speech verbs, lower case: read when the parse fails
    speech_nouns: frozenset[str]  # "prit la parole", "prononça ces mots": words announced by a verb
    gesture_verbs: dict[str, bool]  # "se leva", "interpella": lemma -> reflexive use only; its subject speaks next
    receiving_verbs: frozenset[str]  # "reçut l'ordre", "entendit un cri": the subject does not speak
    function_words: dict[str, frozenset[str]]  # kind -> words (function_words.tsv): "of", "reflexive", "joining"
    pronouns: dict[str, str]  # lower-cased pronoun -> "first", "third" or "other"
    incise: re.Pattern[str]  # a speech verb with its inverted subject, anchored where it starts
    attribution: re.Pattern[str]  # "selon X"

    def is_a(self, kind: str, word: str) -> bool:
        """True when `word` (any case, an elided form with or without its apostrophe) is of `kind`."""
        return word.lower().rstrip("'’") in self.function_words.get(kind, frozenset())

    def person_of(self, words: str) -> str | None:
        return self.pronouns.get(words.strip().lower())


@cache
def lexicon(language: str) -> Lexicon:
    verbs = load_rows(language, LAYER, "speech_verbs.tsv")
    forms = [f for row in verbs for f in row[1].split() if f != "-"]
    participles = [row[2] for row in verbs if len(row) > 2 and row[2] != "-"]
    pronouns = {row[0].lower(): row[1] for row in load_rows(language, LAYER, "pronouns.tsv")}
    subject_pronouns = _alternation([p for p in pronouns if p[-1].isalpha()])
    clitics = _alternation([row[0] for row in load_rows(language, LAYER, "clitics.tsv")])
    aux = _alternation([row[0] for row in load_rows(language, LAYER, "auxiliaries.tsv")])
    cues = _alternation([row[0] for row in load_rows(language, LAYER, "attribution_cues.tsv")])
    ends = rf"(?=\s*(?:{_STOP}|$))"

    def subject(tag: str) -> str:
        return rf"(?P<subject{tag}>[^\W\d_][^,.;:!?…«»\"“”\n]{{0,{SUBJECT_MAX_CHARS}}}?){ends}"

    def pron(tag: str) -> str:
        return rf"(?:-t)?-(?P<pron{tag}>{subject_pronouns})\b"

    def inverted(tag: str) -> str:
        # After the verb: an inverted pronoun, an inverted subject up to the next stop, or a stop.
        return rf"(?:{pron(tag)}|\s+{subject(tag)}|\b{ends})"

    # "dit-il", "rétorqua Radek", "nous expliqua-t-elle", "a-t-il ajouté", "avait dit Radek".
    incise = re.compile(
        rf"(?P<cue>(?:(?:{clitics})\s*)?"
        rf"(?:(?:{aux}){pron('_aux')}\s+(?:{_alternation(participles)})\b"
        rf"|(?:(?:{aux})\s+)?(?:{_alternation(participles)}){inverted('_part')}"
        rf"|(?:{_alternation(forms)}){inverted('_form')}))", re.IGNORECASE)
    attribution = re.compile(rf"(?P<cue>\b(?:{cues})\s+{subject('')})", re.IGNORECASE)
    speech_nouns = frozenset(row[0].lower() for row in load_rows(language, LAYER, "speech_nouns.tsv", 2))
    kinds: dict[str, set[str]] = {}
    for kind, word in load_rows(language, LAYER, "function_words.tsv", 2):
        kinds.setdefault(kind, set()).add(word.lower())
    function_words = {kind: frozenset(words) for kind, words in kinds.items()}
    receiving = frozenset(row[0].lower() for row in load_rows(language, LAYER, "receiving_verbs.tsv", 2))
    gestures = {}
    for row in load_rows(language, LAYER, "gesture_verbs.tsv", 2):
        verb = row[0].lower().replace("’", "'")
        reflexive = verb.startswith(("se ", "s'"))
        gestures[verb[3:] if verb.startswith("se ") else verb[2:] if reflexive else verb] = reflexive
    return Lexicon(frozenset(row[0] for row in verbs), frozenset(f.lower() for f in forms + participles),
                   speech_nouns, gestures, receiving, function_words, pronouns, incise, attribution)
