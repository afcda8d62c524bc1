"""The words that say who speaks a quotation: a speech verb and its subject, "selon X", a colon
after a clause whose subject is a named person, the incise of the quotation it resumes, the
sentence before that announces words.

Incises and "selon" are read with regexes on the few characters around the quote; a verb
before the quote is read from the dependency parse of the clause that ends on the colon, or from
its written form when the parser took it for another word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from annales.common.quotes import MARKS, PADDING, Quoted
from annales.quotes.lexicon import Lexicon

# How far to look around a quote for its cue: an incise or "selon X" is a few words long.
AFTER_WINDOW = 120
BEFORE_WINDOW = 300
_SENTENCE_END = re.compile(r"[.!?…](?=[\s»\"”]|$)")
_LEAD = re.compile(r"[\s,—–\u00a0\u202f]*")  # "« … », dit-il", "« … » — dit-il"
_SUBJECT_DEPS = ("nsubj", "nsubj:pass")
CLAUSE_MAX_TOKENS = 80  # how far back a clause before a quotation is read
_CLAUSE_ENDS = frozenset(".!?…;»”")  # nor does a cue reach back across another quotation
OPENING_NOUN_WITHIN = 3  # "Le correspondant, X, …": the subject opens the clause after a determiner
MAX_CLIMB = 4  # verbs climbed to a shared subject: "X, se tournant vers eux, se leva et déclara"
AUTHOR_NAME_TOKENS = 6  # "du général Paul Marie Bastien": the name and its title before a colon
_SHARED_SUBJECT = ("conj", "xcomp")  # a verb joined to another, or governed by it, shares its subject
MAX_CLIMB_TO_VERB = 6  # heads climbed from a quotation's first word to the speech verb governing it
_SAID_DEPS = ("ccomp", "xcomp", "obj")  # how a speech verb governs what is said
_OTHER_CLAUSE = ("conj", "parataxis")  # a clause joined to another may be someone else's
NAME_MAX_WORDS = 3
_BARE_NAME_DEPS = ("nmod", "amod", "compound", "dep")
_SUBJECT_LIKE_DEPS = ("nsubj", "nsubj:pass", "ROOT", "appos", "dep")  # a name the parse may have cut off
_RESUME = re.compile(r"[\s,;\u00a0\u202f]*")  # between an incise and the quotation it resumes
_PADDING_OR_SPACE = PADDING + "\r"
_CLOSES_SENTENCE = re.compile(r"[ \t\u00a0\u202f]*(?:[.!?…]|\n|$)")
_ENDS = frozenset(".!?…")
_INTRODUCING_ENDS = ".!:…"  # how the sentence before a quotation it introduces may end


@dataclass(frozen=True)
class Attribution:
    cue: tuple[int, int]
    subject: tuple[int, int] | None  # the words naming the speaker, a name or a pronoun
    named: bool = False  # the subject is a name, not a pronoun (colon form: a person is required)
    loose: bool = False  # the subject runs to the next stop (a regex read it): only its first phrase names


def _from_match(match: re.Match[str]) -> Attribution:
    """The cue and its subject; the regexes name every subject group "pron…" or "subject…"."""
    spans = {name: match.span(name) for name, value in match.groupdict().items() if value}
    subject = next((span for kind in ("pron", "subject") for name, span in spans.items()
                    if name.startswith(kind)), None)
    return Attribution(match.span("cue"), subject, loose=True)


def _first_sentence_end(text: str, start: int, end: int) -> int:
    match = _SENTENCE_END.search(text, start, end)
    return match.start() if match else end


def incise_inside(text: str, quoted: Quoted, lex: Lexicon) -> Attribution | None:
    """"« Il est injuste, rétorqua Radek, de … »": an incise after a comma in the first sentence.

    Later incises are left alone: deep in a long quotation they usually attribute words the
    speaker reports from someone else.
    """
    limit = _first_sentence_end(text, quoted.start, quoted.end)
    comma = text.find(",", quoted.start, limit)
    while comma != -1:
        lead = _LEAD.match(text, comma + 1)
        at = lead.end() if lead else comma + 1
        for pattern in (lex.incise, lex.attribution):
            match = pattern.match(text, at, quoted.end)
            if match and match.start() <= limit:
                found = _from_match(match)
                if pattern is lex.attribution and found.subject and lex.person_of(text[slice(*found.subject)]):
                    continue  # "selon moi" inside a quote is the speaker's own opinion
                return found
        comma = text.find(",", comma + 1, limit)
    return None


def after(text: str, quoted: Quoted, lex: Lexicon) -> Attribution | None:
    """"« … », dit-il." or "« … », selon X." right after the closing mark."""
    if not quoted.closed:
        return None
    lead = _LEAD.match(text, quoted.outer_end)
    at = lead.end() if lead else quoted.outer_end
    end = min(len(text), at + AFTER_WINDOW)
    for pattern in (lex.incise, lex.attribution):
        match = pattern.match(text, at, end)
        if match:
            return _from_match(match)
    return None


def selon_before(text: str, quoted: Quoted, lex: Lexicon) -> Attribution | None:
    """"Selon X, « … »": an attribution cue earlier in the same sentence."""
    begin = max(0, quoted.outer_start - BEFORE_WINDOW)
    ends = list(_SENTENCE_END.finditer(text, begin, quoted.outer_start))
    begin = ends[-1].end() if ends else begin
    found = None
    for match in lex.attribution.finditer(text, begin, quoted.outer_start):
        found = _from_match(match)
    return found


class SpeechVerbs:
    """The speech verbs and names of the clause before a token, read off the parse.

    The clause runs back from the token to the last full stop, question or exclamation mark, or
    paragraph break, at most `CLAUSE_MAX_TOKENS` tokens: the parser's own sentences are cut too
    finely around names and quotes ("Napoléon | l'avoua à Sainte-Hélène : « … »").
    """

    def __init__(self, doc: Any, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex

    def clause_start(self, i: int) -> int:
        """The first token of the clause that token `i` ends."""
        doc = self.doc
        k = i
        while k > 0 and i - k < CLAUSE_MAX_TOKENS:
            before = doc[k - 1]
            if before.text in _CLAUSE_ENDS or "\n\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
                break
            k -= 1
        return k

    def _last(self, i: int, wanted: Callable[[Any], bool]) -> Any | None:
        for k in range(i - 1, self.clause_start(i) - 1, -1):
            if wanted(self.doc[k]):
                return self.doc[k]
        return None

    def last_before(self, i: int) -> Any | None:
        """The last speech verb before token `i` in its clause, None when there is none."""
        return self._last(i, lambda t: t.lemma_.lower() in self.lex.speech_lemmas and t.pos_ in ("VERB", "AUX"))

    def last_form_before(self, i: int) -> Any | None:
        """The last word before token `i` in its clause written as a speech verb ("avoua"), whatever
        the parse made of it: the parser takes some past historics for nouns."""
        return self._last(i, lambda t: t.lower_ in self.lex.speech_forms
                          and t.pos_ not in ("ADP", "DET", "PRON", "PUNCT"))

    def opening(self, i: int, count: int) -> list[Any]:
        """The first `count` tokens of the clause of token `i`, none at or after it."""
        start = self.clause_start(i)
        return list(self.doc[start:min(start + count, i)])


def token_at(doc: Any, offset: int) -> Any | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _subject_of(verb: Any) -> Any | None:
    """The subject nearest the verb; a verb without one shares the subject of the verb it is joined
    to or governed by ("se leva et déclara", "il laissa échapper")."""
    token = verb
    for _ in range(MAX_CLIMB):
        subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS
                    or (c.dep_ == "expl:subj" and c.pos_ == "PRON")]  # "Il répondit" parsed as "il faut"
        if subjects:
            subject = min(subjects, key=lambda c: abs(c.i - verb.i))
            if "Rel" in subject.morph.get("PronType"):
                return _antecedent(subject, token) or subject
            return subject
        if token.dep_ not in _SHARED_SUBJECT or token.head.i == token.i:
            break
        if token.dep_ == "xcomp":
            # "Bastien entendit Lenoir crier": the object of a verb is the subject of its infinitive.
            objects = [c for c in token.head.children if c.dep_ == "obj" and c.i < token.i]
            if objects:
                return objects[-1]
        token = token.head
    return None


def _antecedent(relative: Any, clause: Any) -> Any | None:
    """Who "qui" stands for: the name or noun right before it ("le colonel Roubert, qui avait
    déclaré"), which the parser may not have made the clause's head; else the head of the relative
    clause."""
    i = relative.i - 1
    while i >= 0 and relative.doc[i].pos_ == "PUNCT":
        i -= 1
    if i >= 0 and relative.doc[i].pos_ in ("NOUN", "PROPN"):
        word = relative.doc[i]
        while word.dep_.startswith("flat") and word.head.i != word.i:
            word = word.head
        return word
    if clause.dep_ == "acl:relcl" and clause.head.i != clause.i:
        return clause.head
    return None


def _is_name_part(token: Any) -> bool:
    # "Le correspondant, Robert Martin, …": an apposition, which the parser may read as a conjunct;
    # "le procureur général Bastien": a name hung as a bare complement, without a preposition.
    if token.dep_.startswith(("flat", "appos", "det")) or (token.dep_ == "conj" and token.pos_ == "PROPN"):
        return True
    return token.dep_ in _BARE_NAME_DEPS and token.pos_ == "PROPN" and not any(c.dep_ == "case" for c in token.children)


def _name_tokens(subject: Any) -> list[Any]:
    """The subject with its name parts, theirs in turn, in text order: not its complements ("le fils
    de X" names no X)."""
    tokens = [subject]
    stack = [subject]
    while stack:
        for child in stack.pop().children:
            if _is_name_part(child):
                tokens.append(child)
                stack.append(child)
    return sorted(tokens, key=lambda t: t.i)


def _name_span(subject: Any, is_person: Callable[[int, int], bool]) -> tuple[int, int]:
    """The words of the subject that name a person ("Alexandre Millerand" in "Le ministre de la
    Guerre, Alexandre Millerand"); the subject's head word when none does (a pronoun, "le général")."""
    for token in _name_tokens(subject):
        if token.pos_ == "PROPN" and is_person(token.idx, token.idx + len(token.text)):
            return token.idx, token.idx + len(token.text)
    return subject.idx, subject.idx + len(subject.text)


def _colon_before(text: str, quoted: Quoted) -> int | None:
    colon = quoted.outer_start - 1
    while colon >= 0 and text[colon] in " \t\n\u00a0\u202f":
        colon -= 1
    return colon if colon >= 0 and text[colon] == ":" else None


def _verb_cue(verb: Any, subject: Any, is_person: Callable[[int, int], bool]) -> Attribution:
    first = min(subject.left_edge.idx, verb.idx)
    name = _name_span(subject, is_person) if subject.i < verb.i else (subject.idx, subject.idx + len(subject.text))
    return Attribution((first, max(verb.idx + len(verb.text), name[1])), name)


def _named(subject: Any, verb: Any, is_person: Callable[[int, int], bool]) -> Attribution:
    return Attribution((subject.left_edge.idx, verb.idx + len(verb.text)), _name_span(subject, is_person), named=True)


def _person_before(verbs: SpeechVerbs, verb: Any, person_at: Callable[[int, int], bool]) -> Any | None:
    """The one token before `verb` in its clause that heads a person's name standing as a subject, or
    cut off by the parser as a sentence of its own ("Napoléon | l'avoua"); not after a preposition
    ("À Bastien, il l'avoua") nor an object ("qui détestait Talleyrand, lui dit"); None when none or
    several are."""
    found = []
    for token in verbs.doc[verbs.clause_start(verb.i):verb.i]:
        if token.pos_ == "PROPN" and person_at(token.idx, token.idx + len(token.text)):
            head = token
            while head.dep_.startswith("flat") and head.head.i != head.i:
                head = head.head
            after_preposition = head.i > 0 and verbs.doc[head.i - 1].pos_ == "ADP"
            if head.dep_ in _SUBJECT_LIKE_DEPS and not after_preposition \
                    and not any(c.dep_ == "case" for c in head.children):
                found.append(head)
    heads = {t.i: t for t in found}
    return next(iter(heads.values())) if len(heads) == 1 else None


def _in_a_name(token: Any, is_person: Callable[[int, int], bool]) -> bool:
    """A word of a person's name, or of the title and determiner before it ("le général")."""
    if token.pos_ == "PROPN":
        return is_person(token.idx, token.idx + len(token.text))
    return token.pos_ in ("NOUN", "DET", "ADJ")


def _author_before(verbs: SpeechVerbs, colon: int, is_person: Callable[[int, int], bool]) -> Attribution | None:
    """"… portant le fameux appel de Bastien : « … »": a noun of words whose complement, a person by
    name, ends right on the colon gives that person (the words are the call, the letter, the reply
    the colon opens). Anything after the name ("la réponse de Bastien au ministre") and the words
    are not said to be his."""
    doc = verbs.doc
    start = verbs.clause_start(colon)
    k = colon - 1
    while k > start and doc[k].is_space:  # a no-break space before the colon is a token of its own
        k -= 1
    name = doc[k]
    if k < start or name.pos_ != "PROPN" or not is_person(name.idx, name.idx + len(name.text)):
        return None
    colon = k + 1
    # Back over the name and the title or rank before it ("du général Paul Bastien") to "de".
    while k > start and colon - k <= AUTHOR_NAME_TOKENS and _in_a_name(doc[k], is_person):
        k -= 1
    if not verbs.lex.is_a("of", doc[k].text):
        return None
    noun = next((doc[j] for j in range(k - 1, max(start, k - 3) - 1, -1) if doc[j].pos_ != "ADJ"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in verbs.lex.speech_nouns:
        return None
    return Attribution((noun.idx, name.idx + len(name.text)), (name.idx, name.idx + len(name.text)), named=True)


def before(text: str, verbs: SpeechVerbs | None, quoted: Quoted,
           is_person: Callable[[int, int], bool]) -> Attribution | None:
    """"Il me dit : « … »", "Le procureur Bastien, après un silence, lui dit : « … »" or "Robert
    Martin, témoin, est sur place : « … »".

    The clause must end on a colon right before the quote. A speech verb gives the cue with its
    subject; a word written as a speech verb that the parser took for something else gives it with
    the one person named before it; without either, the clause is a cue only when its subject is
    a person by name. `verbs` reads the parse; None when there is none.
    """
    if verbs is None:
        return None
    colon = _colon_before(text, quoted)
    if colon is None:
        return None
    token = token_at(verbs.doc, colon)
    if token is None:
        return None
    verb = verbs.last_before(token.i)
    if verb is not None:
        subject = _subject_of(verb)
        if subject is not None and subject.dep_ == "nsubj:pass":
            # "Cette phrase fut écrite par Bastien : « … »": the subject is the words, the agent says them.
            agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
            if agent is None:
                return Attribution((verb.idx, verb.idx + len(verb.text)), None)
            name = _name_span(agent, is_person)
            return Attribution((min(subject.left_edge.idx, verb.idx), name[1]), name)
        if subject is not None:
            return _verb_cue(verb, subject, is_person)
        # The parser may cut a name off its clause ("Clemenceau | , le visage fermé, se tourna …").
        subject = _person_before(verbs, verb, is_person)
        if subject is not None:
            return _named(subject, verb, is_person)
        return Attribution((verb.idx, verb.idx + len(verb.text)), None)
    form = verbs.last_form_before(token.i)
    if form is not None:
        subject = _person_before(verbs, form, is_person)
        if subject is not None:
            return _named(subject, form, is_person)
    author = _author_before(verbs, token.i, is_person)
    if author is not None:
        return author
    # The parse may hang the clause on a verb inside the quote, so its labels there are unsure:
    # the subject is taken as the noun that opens the clause.
    subject = next((t for t in verbs.opening(token.i, OPENING_NOUN_WITHIN) if t.pos_ in ("NOUN", "PROPN")), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    name = _name_span(subject, is_person)
    if not is_person(*name):
        return None
    end = colon
    while end > subject.idx and text[end - 1].isspace():
        end -= 1
    return Attribution((subject.left_edge.idx, end), name, named=True)


def _speech_verb(token: Any, lex: Lexicon) -> bool:
    """A speech verb by its lemma, or by its written form when the parser took it for a noun ("estima")."""
    if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex.speech_lemmas:
        return True
    return token.pos_ == "NOUN" and token.lower_ in lex.speech_forms


def _name_like(words: str) -> bool:
    """A few words, capitalised at both ends, with no sentence punctuation: a name set in quote marks
    ("« La Motte »", "« Stern »"), not speech."""
    parts = words.split()
    return (0 < len(parts) <= NAME_MAX_WORDS and parts[0][:1].isupper() and parts[-1][:1].isupper()
            and not _SENTENCE_END.search(words))


def _joined(conjunct: Any, lex: Lexicon) -> bool:
    """A conjunct joined by "et"/"ou" alone ("ne cèderait pas et tiendrait « … »"): still what the
    speaker says; a contrast ("mais"), a "ni" or no conjunction at all may start the narrator's words."""
    words = [c.text for c in conjunct.children if c.dep_ == "cc"]
    return bool(words) and all(lex.is_a("joining", w) for w in words)


def governed(text: str, verbs: SpeechVerbs | None, quoted: Quoted,
             is_person: Callable[[int, int], bool]) -> Attribution | None:
    """"Le ministre a souligné que la réforme « ne règle rien »", "Bastien jura de « tenir jusqu'au
    bout »": a quotation inside the complement of a speech verb earlier in its sentence is said by
    that verb's subject. The parse is climbed from the quotation's first word; the first speech verb
    reached must stand before the quotation and govern it through a complement (what is said), not
    through its subject or an adjunct."""
    if verbs is None:
        return None
    first = token_at(verbs.doc, quoted.start)
    if first is None:
        return None
    start = verbs.clause_start(first.i)
    if _name_like(text[quoted.start:quoted.end]):
        return None  # "l'arrière Roger Muller dit « La Motte »": a nickname, not words said
    node = first
    for _ in range(MAX_CLIMB_TO_VERB):
        head = node.head
        if head.i == node.i or head.i < start:
            return None
        if node.dep_ in _OTHER_CLAUSE and not _joined(node, verbs.lex):
            return None  # "…, mais ni la bande « … »": a clause of the narrator's, joined by a contrast
        if head.idx < quoted.outer_start and _speech_verb(head, verbs.lex):
            if node.dep_ not in _SAID_DEPS:
                return None
            subject = _subject_of(head)
            if subject is not None and subject.pos_ == "PRON" and verbs.lex.person_of(subject.text) != "first":
                return None  # precision first: a third person told this way is often the last one named
            if subject is not None:
                return _verb_cue(head, subject, is_person)
            subject = _person_before(verbs, head, is_person)  # a name the parser cut off its verb
            return _named(subject, head, is_person) if subject is not None else None
        node = head
    return None


def continued(text: str, quoted: Quoted, previous: Quoted | None, cue: Attribution | None) -> Attribution | None:
    """"« Tenez bon », dit le général, « les renforts arrivent. »": a quotation that resumes right
    after the incise of the one before it takes its cue."""
    if previous is None or cue is None or cue.cue[0] < previous.outer_end:
        return None
    between = text[cue.cue[1]:quoted.outer_start]
    return cue if _RESUME.fullmatch(between) else None


def resumed(text: str, verbs: SpeechVerbs | None, quoted: Quoted, previous: Quoted | None,
            cue: Attribution | None) -> Attribution | None:
    """"« … », dit Bastien. Puis, après un silence : « … »": a clause without a verb or a name of its
    own that ends on a colon right after a quotation goes on with that quotation's speaker."""
    if verbs is None or previous is None or cue is None or cue.subject is None:
        return None
    said = max(previous.outer_end, cue.cue[1])  # the quotation, and its incise when it follows it
    colon = _colon_before(text, quoted)
    if colon is None or colon < said:
        return None
    token = token_at(verbs.doc, colon)
    if token is None:
        return None
    clause = verbs.doc[verbs.clause_start(token.i):token.i]
    if not len(clause) or text[said:clause[0].idx].strip(_PADDING_OR_SPACE + ".!?…"):
        return None  # the clause does not start right after the quotation: other words came between
    if any(t.pos_ in ("VERB", "AUX", "PRON", "PROPN") for t in clause):
        return None  # a clause of its own, with someone else in it maybe
    last = clause[-1]
    return Attribution((clause[0].idx, last.idx + len(last.text)), cue.subject, cue.named, cue.loose)


def _stands_alone(text: str, quoted: Quoted) -> bool:
    """True when the quotation is a sentence of its own: it ends on its own full stop, or the
    sentence does ("« La grande route » parut en 1920" is a title)."""
    if _SENTENCE_END.search(text[quoted.end - 1:quoted.end]):
        return True
    return quoted.closed and _CLOSES_SENTENCE.match(text, quoted.outer_end) is not None


def _gesture(verb: Any, lex: Lexicon) -> bool:
    """A gesture that opens a turn of speech ("se leva", "interpella le ministre"); a verb listed as
    reflexive counts only with its reflexive pronoun ("leva une armée" announces no words)."""
    reflexive = lex.gesture_verbs.get(verb.lemma_.lower())
    if reflexive is None:
        return False
    return not reflexive or any(c.pos_ == "PRON" and c.i < verb.i and lex.is_a("reflexive", c.text)
                                for c in verb.children)


def introduced(text: str, verbs: SpeechVerbs | None, quoted: Quoted, lex: Lexicon,
               is_person: Callable[[int, int], bool]) -> Attribution | None:
    """"Le maréchal Bastien prit la parole. « Soldats, … »": a quotation that opens a sentence right
    after one whose verb governs a noun of speech ("la parole", "ce mot"), is a speech verb with
    no object, or a gesture that opens a turn of speech ("se leva", "se tourna vers eux"), takes
    that verb's subject for its speaker. A sentence that holds a quotation of its
    own introduces none."""
    if verbs is None or not _stands_alone(text, quoted):
        return None
    back = quoted.outer_start - 1
    while back >= 0 and text[back] in _PADDING_OR_SPACE:
        back -= 1
    if back < 0 or text[back] not in _INTRODUCING_ENDS:
        return None
    token = token_at(verbs.doc, back)
    if token is None:
        return None
    start = verbs.clause_start(token.i)
    sentence = verbs.doc[start:token.i + 1]
    # A closing mark right before the clause: the quotation it closes ended its own sentence ("! »"),
    # or the clause goes on the sentence that quoted it ("« … », dit Bastien.").
    quoted_before = start > 1 and verbs.doc[start - 1].text in MARKS and verbs.doc[start - 2].text not in _ENDS
    if quoted_before or any(t.text in MARKS for t in sentence):
        return None
    for verb in reversed(list(sentence)):
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.lemma_.lower() in lex.receiving_verbs:
            return None  # "reçut l'ordre suivant": the words come to the subject, from someone else
        objects = [c for c in verb.children if c.dep_ == "obj"]
        # Words announced ("prit la parole", "répondit ces mots") or left unsaid ("Bastien répondit."):
        # a verb with another object ("demanda des nouvelles", "raconta la bataille") introduces no words.
        if any(c.lemma_.lower() in lex.speech_nouns for c in objects) or _gesture(verb, lex):
            speaks = True
        else:
            speaks = verb.lemma_.lower() in lex.speech_lemmas and not objects
        if not speaks:
            continue
        subject = _subject_of(verb)
        return _verb_cue(verb, subject, is_person) if subject is not None else None
    return None
