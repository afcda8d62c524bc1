"""Which words are events, in the TimeML sense: verbs, event nouns and the adjectives of states.

- A verb is an event wherever it stands (heading a clause, an infinitive, a participle modifying a
  noun: "le colonel X, tué le 14 septembre"), unless it is an auxiliary or the copula, "aller"/"faire"
  governing an infinitive ("il va attaquer": the infinitive is the event), "venir de" (a recent
  past), or a verb that says nothing when reflexive ("il s'agit de"); `events/light_verbs.tsv`.
  Modals, aspectuals and verbs of state are events: TimeML counts them, and their class and
  factuality (`annales.events.classes`) tell a chronology to leave them out.
- A noun is an event when it names a happening: listed (`common/event_nouns.tsv`,
  `events/event_nouns.tsv`, or given a state's or a speech act's class by `events/classes.tsv`: "la
  cohabitation", "sa plaidoirie") or deverbal, an ending from `events/deverbal.tsv` standing for a verb
  the model's vocabulary knows ("inculpation" -> "inculper"), unless listed in
  `events/non_event_nouns.tsv` ("le gouvernement", "les morts"). It must name one happening, not a
  kind ("navires de débarquement", "condamné à mort"): with a determiner or a number ("le
  débarquement", "191 attentats"), as a heading ("Accident."), as the bare object of a verb ("porter
  plainte"), after a preposition that does not build compounds ("pour diffamation", "sans
  transfert"), as what lasts a length of time ("dix ans de prison"), or with a date of its own
  ("départ à 9 h", "inscriptions le 12 juin": a kind has no date).
  The first word of a line in capitals is a heading's noun ("CHAPITRE IV", "LISTE DES …"), and a
  word in capitals the lemmatizer's tables know no verb form of is a name, whatever the tagger says.
  A capitalised word opening a line or a sentence is read as a noun when it names a happening, even
  tagged a name: headings are written in title case ("Suicide par arme à feu", "Parachutages d'aide");
  so is a compound the tokenizer cut at its hyphen ("Rendez" "-vous").
- A noun, adjective or name with a subject and an object of its own is a verb the tagger mistook;
  so is a bare noun where French puts a verb: an incise after a quotation, its subject after it ("« … »,
  analyse le directeur"), or a word right before the "que" of a completive ("l'Assemblée nationale juge
  que …"); and a verb the parser hung as the auxiliary of another that is neither "avoir" nor "être"
  ("si vous me demandez s'il …");
  so is a noun that is a past participle after "être" with no article or preposition ("La ville fut
  assiégée en 1779"), and, in a sentence where the tagger found no verb, a lower-case word without
  article or preposition that only a verb is written as ("le régiment bivouaque à Laval").
- An adjective is an event when it is said of something (a predicate: "la liste est complète",
  "il se dit favorable"), takes a complement ("prêts à partir", "consciente de l'enjeu"), or is a
  participle ("la porte fermée").
Nothing inside a timex, the boilerplate or the byline is an event.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import Any

from annales.common.capitals import CapitalLines, VerbForms
from annales.common.coreference import entity_numbers
from annales.common.grammar import auxiliary_of_a_participle, participle_endings
from annales.common.parse import TokenSentences, children_of, children_where, has_child_dep, morph_of, span_root, tags
from annales.common.resources import load_rows
from annales.events.lexicon import Lexicon
from annales.model import Analysis

SKIPPED = ("boilerplate", "byline")  # no story is told there: no event, no narrative time
AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "aux:caus", "cop"})
# Dependencies of an adjective that say something of its noun rather than merely qualify it.
PREDICATE_DEPS = frozenset({"ROOT", "xcomp", "conj", "acl", "advcl", "ccomp", "parataxis"})
# Children that make an adjective take a complement ("prêt à", "conscient de", "favorable à").
COMPLEMENT_DEPS = frozenset({"obl", "obl:arg", "xcomp", "ccomp", "nmod"})
# The classes of `events/classes.tsv` whose nouns name a happening wherever they stand: a state that
# holds ("une majorité relative", "la cohabitation") or a speech act ("sa plaidoirie"). Nouns of
# attitude ("sans doute") and of plan ("le programme") stand as often for no event.
CLASSED_NOUNS = frozenset({"STATE", "REPORTING"})
CLOSING_QUOTES = frozenset({"»", "”", '"', "'"})
FIXED_DEPS = frozenset({"fixed", "flat", "flat:name", "flat:foreign"})
MIN_LETTERS = 2
CONJOINED_REACH = 12  # how far before "et" the first of two joined verbs may stand
CLITIC_REACH = 3  # words before a verb its clitic may stand ("s'étant recourbé", "ne l'a pas pris")
MIN_STEM = 3  # "-age" on "page" leaves "p": too short a stem to stand for a verb
# How close (cosine of the model's vectors) a noun must be to the verb its ending points to: the
# doing of a verb is used like it ("inculpation"/"inculper" 0.5), a look-alike is not ("enfance"/"enfer",
# "tradition"/"trader" 0.15, "prestation"/"prester" 0.24).
MIN_SIMILARITY = 0.35


_LEADING_NUMBER = re.compile(r"\d+")


def lemma_of(token: Any) -> str:
    lemma = (token.lemma_ or token.text).lower()
    if lemma.endswith("e") and token.pos_ == "VERB" and lemma == token.lower_ and _present_singular(token):
        return lemma + "r"  # the lemmatizer leaves some presents as written: "reste", "tombe", "donne"
    return lemma


def _present_participle(token: Any) -> bool:
    return morph_of(token, "VerbForm") == ["Part"] and morph_of(token, "Tense") == ["Pres"]


def _present_singular(token: Any) -> bool:
    return morph_of(token, "Tense") == ["Pres"] and morph_of(token, "Mood") == ["Ind"] \
        and morph_of(token, "Number") == ["Sing"]


def find_triggers(analysis: Analysis, doc: Any, lex: Lexicon, forms: VerbForms | None = None,
                  capital_verbs: dict[int, str] | None = None, capitals: CapitalLines | None = None) -> list[int]:
    """Token indices of the triggers, in reading order (one pass over the tokens). With `forms`, the verbs
    the tagger took for other words (in lines in capitals, `annales.common.capitals`; a word with a
    subject and an object of its own) are found, their lemma read from the lemmatizer's tables, and put
    in `capital_verbs` (token index -> verb lemma). `capitals`: the text's lines in capitals, when the
    caller found them already."""
    if forms is None:
        capitals = None
    elif capitals is None:
        capitals = CapitalLines(doc_text(doc, analysis.text))
    skipped = Spans((r.start, r.end) for r in analysis.regions if r.kind in SKIPPED)
    timex_spans = Spans((t.start, t.end) for t in analysis.timexes)
    dated = date_heads(analysis, doc)
    names = Spans((m.start, m.end) for e in analysis.entities for m in e.mentions)
    units = _unit_numbers(analysis)
    out = []
    verbless = _verbless_sentences(doc) if forms is not None else None
    deverbals: dict[str, bool] = {}  # a text repeats its nouns: each lemma's ending is read once
    # Only these parts of speech can be events: the other words are passed over without a Token made.
    parts = tags(doc)[0]

    taken: set[int] = set()  # the words kept as verbs the tagger took for another word

    def take(i: int, lemma: str | None) -> bool:
        """Keep word i as a verb the tagger took for another word, with the lemma its form has; False
        when the form is no verb's, or a verb's that is never an event."""
        if lemma is None or lemma in lex.never_events:
            return False
        if capital_verbs is not None:
            capital_verbs[i] = lemma
        out.append(i)
        taken.add(i)
        return True

    for i, pos in enumerate(parts):
        if pos == "ADP" and forms is not None and i + 1 < len(parts) and parts[i + 1] == "ADP":
            # "le 8e entre en Belgique": no preposition is followed by another; one written as a verb is it
            if not (doc[i].idx in skipped or doc[i].idx in timex_spans):
                take(i, forms.lemma(doc[i].lower_))
            continue
        if pos == "ADP" and forms is not None and 2 <= i < len(parts) - 1 and parts[i - 1] == "PRON" \
                and parts[i - 2] in ("NOUN", "PROPN", "ADJ") and parts[i + 1] in ("DET", "NUM") \
                and not (doc[i].idx in skipped or doc[i].idx in timex_spans):
            # "le duc y entre le 3 février": a subject, a clitic pronoun, then the verb, never a preposition
            take(i, forms.lemma(doc[i].lower_, strict=False))
            continue
        if pos in ("ADV", "NOUN", "ADJ") and forms is not None and i > 0 and parts[i - 1] == "PRON" \
                and _after_a_subject_pronoun(doc[i]) and not (doc[i].idx in skipped or doc[i].idx in timex_spans):
            # "ils incendient la ville" tagged an adverb: a subject pronoun is followed by its verb
            if take(i, forms.lemma(doc[i].lower_, strict=False)):
                continue
        if pos not in ("AUX", "VERB", "NOUN", "ADJ", "PROPN"):
            continue
        token = doc[i]
        line = capitals.line_of(token.idx) if capitals is not None and pos != "VERB" and capitals.spans \
            else None
        if line is not None and forms is not None:
            if take(i, capital_verb(token, forms, lex, _opens(doc, i, line[0]))):
                continue
        if pos in ("NOUN", "ADJ", "PROPN") and forms is not None \
                and (_governs_like_a_verb(i, doc) or _heads_a_relative(token, forms)
                     or ("PRON" in parts[max(0, i - CLITIC_REACH):i] and _takes_a_clitic(token))) \
                and not (token.idx in skipped or token.idx in timex_spans):
            # "le jeune musicien rencontre James Brown" tagged an adjective: a subject and an object
            # are a verb's only
            take(i, forms.lemma(token.lower_, strict=False) or lemma_of(token))
            continue
        if pos == "NOUN" and forms is not None and token.is_lower and _after_a_units_number(token, units) \
                and not (token.idx in skipped or token.idx in timex_spans):
            # "le 151e combat sur la Marne" in a text that names the 151st: the unit and its verb
            if take(i, forms.lemma(token.lower_, strict=False)):
                continue
        if pos == "NOUN" and forms is not None and token.is_lower \
                and _verb_by_place(token) and not (token.idx in skipped or token.idx in timex_spans):
            # "« … », analyse le directeur", "le président juge que …": only a verb stands there
            if take(i, forms.lemma(token.lower_, strict=False)):
                continue
        if pos in ("NOUN", "ADJ") and forms is not None and verbless is not None \
                and ((token.is_lower and verbless(i) and not _set_off_by_a_comma(token))
                     or _opens_a_diary_line(token, lex, analysis.language or "fr")) \
                and not has_child_dep(token, "det", "case", "nummod") \
                and not (token.idx in skipped or token.idx in timex_spans or token.idx in names):
            # Strict: no noun or adjective is written so; a word that may be either is a verb when it
            # stands in a verb's place, right after its subject ("Raynal capitule.", "le régiment combat
            # sur la Marne": the tagger read both as a noun or an adjective and left the sentence verbless).
            placed = _after_a_subject(token) or _before_its_object(token) or _closes_an_apposed_name(token)
            # A sentence whose only verbs are its relatives' wants its own by its place too: the form
            # alone ("des Lorrains d'origine étrangère, …, qui vivent à Nancy") is too weak a sign.
            strict = None if forms.feminine_of_another(token.lower_) or (verbless(i) == RELATIVES_ONLY and not placed) \
                else forms.lemma(token.lower_)
            # "Du 1er au 19 janvier, le régiment bivouaque à Laval" with no verb found: a sentence tells
            # with a verb, and a word only a verb is written as is it
            if take(i, strict or (forms.lemma(token.lower_, strict=False) if placed else None)):
                continue
        if pos in ("NOUN", "ADJ", "PROPN") and forms is not None and token.is_lower \
                and _in_a_verbs_place(token, parts, forms, analysis.language or "fr", taken) \
                and not (token.idx in skipped or token.idx in timex_spans or token.idx in names):
            # "une mine allemande explose sous un poste", "… en 1897 et abolit la monarchie": a word
            # only a verb is written as, standing where its clause's verb stands, is that verb; after
            # "et" and a verb, before an article or a bare name, where no noun stands, any verb's form
            # ("… et menace Nankin", "menace" a noun too)
            if take(i, forms.lemma(token.lower_, strict=token.dep_ == "amod" and token.pos_ in ("ADJ", "NOUN"))):
                continue
        if pos == "NOUN" and forms is not None and _participle_clause(token, lex, analysis.language or "fr") \
                and not (token.idx in skipped or token.idx in timex_spans or token.idx in names):
            # "Arrêté le 12 juin, le suspect a été libéré": no noun heads an adverbial clause bare
            if take(i, forms.lemma(token.lower_, strict=False)):
                continue
        if pos == "NOUN" and forms is not None:
            # "La ville fut assiégée en 1779" tagged a noun after its copula
            if not (token.idx in skipped or token.idx in timex_spans) \
                    and take(i, passive_participle(token, forms, lex, analysis.language or "fr")):
                continue
        if pos == "PROPN":
            if not opens_line(token) or has_child_dep(token, *FIXED_DEPS) or token.dep_ in FIXED_DEPS \
                    or token.ent_type_ or token.idx in names:
                continue  # a name ("Paris et Bonn se sont déclarés …"), not a heading's first word
            pos = "NOUN"
        if pos == "AUX" and token.dep_ not in AUX_DEPS and lemma_of(token) not in lex.never_events \
                and not has_child_dep(token.head, "cop") and not auxiliary_of_a_participle(token):
            pos = "VERB"  # "attaquera" tagged AUX but heading its words: the tagger's slip, still a verb
        if pos not in ("VERB", "NOUN", "ADJ"):
            continue
        # The cheap tests first: the word tests below only read the parse, so their order changes nothing.
        if token.dep_ in FIXED_DEPS:
            continue  # "à partir de": a word of a fixed phrase, no verb of its own
        if sum(map(str.isalpha, token.text)) < MIN_LETTERS:
            continue  # "c’", "<": debris the tagger took for a word
        if token.idx in skipped or token.idx in timex_spans:
            continue
        if pos == "VERB":
            # A word in capitals the lemmatizer's tables know no verb form of is a name the tagger read
            # as a verb: lists of commanders write their names so ("HELO, colonel, 22 août 1914 …").
            # So is a present participle no verb has ("surintendant", "intendant": nouns of a person).
            # "Les otages libérés dimanche sont arrivés" with the date hung on the main verb: a participle
            # followed by its date tells what was done
            found = is_verb_event(token, lex, i + 1 < len(doc) and doc[i + 1].idx in timex_spans) and not (
                forms is not None and forms.known and (token.text.isupper() or _present_participle(token))
                and forms.lemma(token.lower_, strict=False) is None) \
                and not _verbal_adjective(token, analysis.language or "fr")
        elif pos == "NOUN":
            found = is_noun_event(token, lex, deverbals, dated)
        else:
            found = is_adjective_event(token, dated) and not _verbal_adjective(token, analysis.language or "fr")
        if found:
            out.append(token.i)
    return out


def _after_a_subject(token: Any, adjectives: bool = False) -> bool:
    """The word right after a name or a noun with its article that opens its clause, and before a
    preposition, an article or the clause's end: the place of a verb after its subject. With
    `adjectives`, the noun's adjectives may stand between ("une mine allemande explose sous …")."""
    doc, i = token.doc, token.i
    if adjectives:
        while i >= 2 and doc[i - 1].pos_ == "ADJ" and doc[i - 1].dep_ == "amod" and doc[i - 1].head.i < i - 1:
            i -= 1
    if i < 1:
        return False
    before = doc[i - 1]
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.pos_ not in ("ADP", "DET", "PUNCT", "SPACE"):
        return False
    subject_start = _phrase_start(doc, before.i)
    if subject_start is None:
        return False
    if subject_start >= 2 and doc[subject_start].head.i == subject_start - 1 \
            and doc[subject_start].dep_ in ("flat:name", "appos", "nmod"):
        # "Le général Raynal capitule": the name's rank, with its article, opens the subject
        subject_start = _phrase_start(doc, subject_start - 1) or subject_start
    case = doc[subject_start - 1] if subject_start >= 2 else None
    if case is not None and case.dep_ == "case" and case.head.dep_.startswith("nmod") \
            and case.head.head.i < case.i:
        # "la garnison allemande de Brive capitule": the subject's noun, its adjectives, its complement
        k = subject_start - 2
        while k >= 1 and doc[k].pos_ == "ADJ" and doc[k].dep_ == "amod":
            k -= 1
        head_start = _phrase_start(doc, k) if doc[k].pos_ == "NOUN" else None
        if head_start is not None:
            subject_start = head_start
    # The subject opens its clause: nothing before it but the sentence's start, a comma, or the word
    # opening a subordinate clause ("…, que la flotte ravitaille sans difficulté").
    opener = doc[subject_start - 1] if subject_start > 0 else None
    return opener is None or opener.is_sent_end or opener.text in (",", ";", ":") or opener.pos_ == "SCONJ" \
        or (opener.pos_ == "PRON" and "Rel" in morph_of(opener, "PronType"))


def _phrase_start(doc: Any, last: int) -> int | None:
    """Where a name (its words in a row) or a noun after its article ends at `last` begins; None for
    another word."""
    if _name_word(doc[last]):
        start = last
        while start > 0 and _name_word(doc[start - 1]):
            start -= 1
        return start
    if doc[last].pos_ == "NOUN" and last >= 1 and doc[last - 1].pos_ == "DET":
        return last - 1
    return None


def _name_word(token: Any) -> bool:
    """A name's word: tagged a name, or a capitalised word tagged a noun with no article inside its
    sentence ("Au début de 1799, Bonaparte marche sur la Syrie", a name the tagger does not know; a
    sentence's first word is capitalised whatever it is: "Terrain boueux, …")."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.is_title and not token.is_sent_start
                                     and not has_child_dep(token, "det"))


NO_VERB, RELATIVES_ONLY = "no verb", "relatives only"  # what a sentence without a verb of its own has


def _relative_clauses(verb: Any) -> bool:
    """The verb of a relative clause, or of one joined to it: it says what a noun is, not what the
    sentence tells."""
    return verb.dep_ == "acl:relcl" or (verb.dep_ == "conj" and verb.head.dep_ == "acl:relcl")


def _verbless_sentences(doc: Any) -> Any:
    """Whether the sentence of token `i` has no finite verb the tagger found (answered by bisection), a
    relative clause's aside: a participle or an infinitive makes no sentence ("Le 5 février, épuisée
    par le scorbut, la garnison capitule": the tagger read the verb as an adjective, leaving the
    participle alone), nor does a relative ("Voltaire célèbre la bataille dans un poème qui connut un
    grand succès": "célèbre" read as an adjective)."""
    sentences = TokenSentences(doc)
    pos = tags(doc)[0]
    starts = sentences.starts
    ends = starts[1:] + [len(doc)]
    verbs = {"VERB", "AUX"}
    without: dict[int, str] = {}
    for start, end in zip(starts, ends, strict=True):
        kind: str | None = NO_VERB
        for k in range(start, end):  # up to the first finite verb of the sentence's own
            if pos[k] in verbs and "Fin" in morph_of(doc[k], "VerbForm"):
                if not _relative_clauses(doc[k]):
                    kind = None
                    break
                kind = RELATIVES_ONLY
        if kind is not None:
            without[start] = kind

    def verbless(i: int) -> str | None:
        return without.get(sentences.bounds(i)[0])
    return verbless


def _in_a_verbs_place(token: Any, parts: list[str], forms: VerbForms, language: str,
                      verbs: Collection[int] = ()) -> bool:
    """Where a clause's verb stands, for a word the tagger read as an adjective or a noun: after its
    subject and the subject's adjectives, before a complement ("une mine allemande explose sous un
    poste"; not a participle describing the noun, nor an adjective's feminine: "la base japonaise de
    …"); or after a verb and "et", before the article of its object ("… et abolit la monarchie"), the
    verb one the tagger read as such or one of `verbs`, kept as a verb it read as another word ("…
    coupe le canal et menace la ville", both read as nouns)."""
    i = token.i
    if token.dep_ == "amod" and token.pos_ in ("ADJ", "NOUN"):  # a noun as an adjective is the parse's slip
        return not token.lower_.endswith(participle_endings(language) + present_participle_endings(language)) \
            and not forms.feminine_of_another(token.lower_) and _after_a_subject(token, adjectives=True)
    return i > 0 and parts[i - 1] == "CCONJ" and ("VERB" in parts[max(0, i - CONJOINED_REACH):i - 1]
                                                  or any(max(0, i - CONJOINED_REACH) <= k < i - 1 for k in verbs)) \
        and (_before_its_object(token) or _before_a_name(token)) and not has_child_dep(token, "det", "case", "nummod")


def _before_a_name(token: Any) -> bool:
    """A name follows the word, no preposition between them ("… et assiège Québec"): a bare noun after
    "et" takes no name so, a verb takes it as its object."""
    doc, i = token.doc, token.i
    return i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].is_title


def _participle_clause(token: Any, lex: Lexicon, language: str) -> bool:
    """A word written as a past participle heading an adverbial clause with no article, preposition,
    number or copula of its own ("Arrêté le 12 juin à Lyon, le suspect …", the tagger reading a
    noun): a noun set before its clause so is an apposition naming someone ("Député de la Seine, il
    …"), never a participle's form, or a person's noun. Alone ("Épuisés, les hommes …") it says
    what its subject is, as an adjective does: a participle telling what was done has a complement."""
    if token.dep_ != "advcl" or not token.lower_.endswith(participle_endings(language)) \
            or lemma_of(token) in lex.people_nouns or token.lower_ in lex.people_nouns:
        return False
    return not has_child_dep(token, "det", "case", "nummod", "cop") \
        and any(c.i > token.i and c.dep_.startswith(("obl", "nmod", "obj", "xcomp")) for c in children_of(token))


def _before_its_object(token: Any) -> bool:
    """The word is no noun's head after its article or preposition, and an article opens a noun phrase
    right after it ("… le 1er octobre place l'île sous protectorat"): a noun takes its complement
    with a preposition, a verb its object without one."""
    doc, i = token.doc, token.i
    if i + 2 >= len(doc) or (i > 0 and doc[i - 1].pos_ in ("DET", "ADP")):
        return False
    article, noun = doc[i + 1], doc[i + 2]
    return article.pos_ == "DET" and article.dep_ == "det" and article.head.i != i \
        and noun.pos_ in ("NOUN", "PROPN", "ADJ") and article.head.i >= i + 2


def _set_off_by_a_comma(token: Any) -> bool:
    """A comma right before the word: French sets no comma between a subject and its verb, so a word so
    set off after a name is an apposed adjective ("Bismarck, modéré, pas sanguin."), not a verb; unless
    the comma closes an aside and the word takes its object as a verb does ("Kellermann, à la tête de
    400 cavaliers, charge la colonne")."""
    return token.i > 0 and token.doc[token.i - 1].text == "," and not _before_its_object(token) \
        and not _closes_an_apposed_name(token)


APPOSED_NAME_WORDS = 4  # "Son successeur, Jacques-François Menou, capitule": a name's words between commas


def _closes_an_apposed_name(token: Any) -> bool:
    """The comma before the word closes a name set between commas after a noun ("Son successeur,
    Menou, capitule devant …"): the aside over, the verb comes."""
    doc, i = token.doc, token.i
    k = i - 2
    while k >= 0 and i - 2 - k < APPOSED_NAME_WORDS and (_name_word(doc[k]) or doc[k].text == "-"):
        k -= 1
    return k < i - 2 and k >= 1 and doc[k].text == "," and doc[k - 1].pos_ == "NOUN" and doc[k - 1].is_lower


def _opens_a_diary_line(token: Any, lex: Lexicon, language: str) -> bool:
    """A capitalised participle opening its sentence as its root, the subject and auxiliary left
    unsaid as a diary leaves them ("Revu le roi qui a repris courage.", "Arrivé à Metz."): the
    tagger reads it as a noun, its sentence having no other main verb. Its first complement follows
    it as a verb's does, bare or with a preposition that builds no compound name ("Bois d'Ailly",
    "Champ de Mars" are places)."""
    if token.dep_ != "ROOT" or not token.is_sent_start or not token.text[1:].islower() \
            or not token.lower_.endswith(participle_endings(language)):
        return False
    first = min((c for c in children_where(token, lambda dep: dep.startswith(("obj", "obl", "nmod")))
                 if c.i > token.i), key=lambda c: c.i, default=None)
    # "des", "du": the article the preposition is contracted with, read as its lemma "de"
    cases = {lemma_of(c) for c in children_of(first) if c.dep_ == "case"} if first is not None else set()
    return first is not None and not ((cases | _cases(first)) & lex.binding_prepositions)


def _unit_numbers(analysis: Analysis) -> frozenset[str]:
    """The numbers the text's units are named by ("151e régiment d'infanterie": "151")."""
    return frozenset(n for e in analysis.entities if e.type == "unit" for n in entity_numbers(e))


def _after_a_units_number(token: Any, units: frozenset[str]) -> bool:
    """A word right after "le"/"la" and a unit's number, hung on it as its adjective, before a
    preposition other than the one of a noun's complement, an article or a name: "le 151e combat sur
    la Marne", "le 9e attaque le village" (not "la 3e attaque de la ferme" nor "le 9e jour")."""
    doc, i = token.doc, token.i
    if not units or i < 2 or i + 1 >= len(doc):
        return False
    number, after = doc[i - 1], doc[i + 1]
    match = _LEADING_NUMBER.match(number.text)
    return match is not None and (match.group(0).lstrip("0") or "0") in units and number.head.i == i \
        and doc[i - 2].pos_ == "DET" and "Plur" not in morph_of(token, "Number") \
        and after.pos_ in ("ADP", "DET", "PROPN", "ADV") \
        and after.lower_ not in noun_complement_prepositions(doc.lang_ or "fr")


@lru_cache(maxsize=8)
def noun_complement_prepositions(language: str) -> frozenset[str]:
    return frozenset(row[0] for row in load_rows(language, "events", "noun_complement_prepositions.tsv"))


def _governs_like_a_verb(i: int, doc: Any) -> bool:
    """A word with both a subject and a direct object of its own, and no copula: only a verb has them."""
    token = doc[i]
    return has_child_dep(token, "nsubj") and has_child_dep(token, "obj") and not has_child_dep(token, "cop")


def _takes_a_clitic(token: Any) -> bool:
    """A lower-case word with a personal pronoun before it as its object or its reflexive ("finirent par
    se révolter", "pour le prendre", "sans lui répondre", the word tagged a noun): only a verb takes
    one; a noun's possessive is a determiner. Asked only of a word a pronoun comes shortly before, where
    a clitic stands ("s'étant recourbé": an auxiliary between)."""
    return token.is_lower and any(
        c.i < token.i and c.pos_ == "PRON" and morph_of(c, "Person")
        and c.dep_ in ("obj", "iobj", "expl:comp", "expl:pv", "expl:pass") for c in children_of(token))


def _after_a_subject_pronoun(token: Any) -> bool:
    """A lower-case word right after a personal pronoun the parse makes a subject ("ils incendient"):
    French puts the verb there."""
    before = token.doc[token.i - 1]
    return token.is_lower and before.dep_ in ("nsubj", "nsubj:pass") and bool(morph_of(before, "Person")) \
        and "Rel" not in morph_of(before, "PronType")


def _heads_a_relative(token: Any, forms: VerbForms | None = None) -> bool:
    """A lower-case word heading a relative clause whose subject is the relative pronoun, with no copula
    ("le bataillon qui part en bolide", "part" tagged a noun): a relative clause is told with a verb.
    An article between the pronoun and the word is an object clitic when only a verb is written as
    the word ("qui la commandait")."""
    if token.dep_ != "acl:relcl" or not token.is_lower or has_child_dep(token, "cop", "case"):
        return False
    relative = next((c for c in children_of(token) if c.dep_.startswith("nsubj") and "Rel" in morph_of(c, "PronType")),
                    None)
    if relative is None:
        return False
    articles = [c for c in children_of(token) if c.dep_ == "det"]
    return not articles or (forms is not None and forms.lemma(token.lower_) is not None
                            and all(relative.i < c.i == token.i - 1 for c in articles))


def _verb_by_place(token: Any) -> bool:
    """A bare noun standing where French puts a verb (the tagger reads "analyse", "juge", "note" as
    nouns): an incise after a quotation, its subject after it ("« … », analyse le directeur"), or a
    word right before the "que" of a completive, its subject before it ("le ministre juge que …")."""
    if has_child_dep(token, "det", "case", "nummod", "amod"):
        return False
    doc, i = token.doc, token.i
    if 2 <= i < len(doc) - 1 and doc[i - 1].text == "," and doc[i - 2].text in CLOSING_QUOTES:
        after = doc[i + 1]
        return after.pos_ in ("DET", "PROPN") or after.text.startswith("-")
    if 1 <= i < len(doc) - 1 and doc[i + 1].lower_ == "que" and doc[i + 1].pos_ == "SCONJ":
        return doc[i - 1].pos_ in ("NOUN", "PROPN", "ADJ")  # "l'Assemblée nationale juge que …"
    return False


def passive_participle(token: Any, forms: VerbForms, lex: Lexicon, language: str) -> str | None:
    """The verb lemma of a noun that is a past participle after the copula "être" ("fut assiégée"): a
    passive the tagger read as a predicate noun; None otherwise ("il fut président")."""
    word = token.lower_
    if not word.endswith(participle_endings(language)):
        return None
    children = children_of(token)
    if not any(c.dep_ == "cop" and lemma_of(c) == "être" for c in children):
        return None
    if any(c.dep_ in ("det", "case", "nummod") for c in children):
        return None  # "c'est la ruée", "sa place est dans la rue": a noun after all
    lemma = forms.lemma(word, strict=False)
    if lemma is None or lemma == word or lemma in lex.never_events:
        return None
    return lemma


def _verbal_adjective(token: Any, language: str) -> bool:
    """A present participle agreeing with the noun it describes ("la coalition sortante", "des
    prix tombants"): French's present participle never agrees, its adjective does; it qualifies, it tells
    no happening."""
    if token.dep_ not in ("acl", "amod"):
        return False
    word = token.lower_
    return any(word.endswith(ending + agreement) for ending in present_participle_endings(language)
               for agreement in ("e", "s", "es"))


@lru_cache(maxsize=8)
def present_participle_endings(language: str) -> tuple[str, ...]:
    return tuple(row[0] for row in load_rows(language, "events", "present_participle_endings.tsv"))


@lru_cache(maxsize=8)
def finite_endings(language: str) -> tuple[str, ...]:
    return tuple(row[0] for row in load_rows(language, "events", "finite_endings.tsv"))


def _opens(doc: Any, i: int, start: int) -> bool:
    """Whether token i is the first word of the line in capitals starting at `start`."""
    k = i - 1
    while k >= 0 and doc[k].idx >= start:
        if any(map(str.isalpha, doc[k].text)):
            return False
        k -= 1
    return True


def capital_verb(token: Any, forms: VerbForms, lex: Lexicon, opens_line: bool = False) -> str | None:
    """The verb lemma of a word of a line in capitals the tagger did not take for a verb ("FERA"), None
    when it is no verb form, opens its line (`opens_line`), follows a determiner or a preposition, or
    is a verb that is never an event."""
    if not token.text.isupper() or sum(map(str.isalpha, token.text)) < MIN_LETTERS:
        return None
    if token.i > 0 and token.doc[token.i - 1].pos_ in ("DET", "ADP"):
        return None  # "LA FÊTE", "DISTRIBUTION DE LUNETTES": a noun
    if opens_line:
        # "CHAPITRE IV", "BOIS D'AILLY - VERDUN", "LISTE DES COMMANDANTS": a finite verb has its
        # subject before it; a heading opens on its noun.
        return None
    lemma = forms.lemma(token.lower_)
    if lemma is None or lemma in lex.never_events:
        return None
    return lemma


def is_verb_event(token: Any, lex: Lexicon, before_a_date: bool = False) -> bool:
    """`before_a_date`: a date starts right after the word, whatever the parse hung it on."""
    lemma = lemma_of(token)
    if token.dep_ in AUX_DEPS and not (token.dep_ in ("aux:tense", "aux:pass") and token.pos_ == "VERB"
                                       and lex.tense_auxiliaries and lemma not in lex.tense_auxiliaries
                                       and lemma not in lex.light_with_infinitive
                                       and lemma not in lex.light_with_marked_infinitive):
        # a verb hung as the auxiliary of another that cannot be one is the parser's slip; "va partir",
        # "vient de partir" hung so are the periphrases they are
        return False
    if lemma in lex.never_events:
        return False
    if lemma in lex.light_with_infinitive or lemma in lex.light_with_marked_infinitive:
        infinitives = [c for c in children_where(token, lambda dep: dep == "xcomp") if c.pos_ == "VERB"]
        if lemma in lex.light_with_infinitive and infinitives:
            return False
        if lemma in lex.light_with_marked_infinitive and any(
                has_child_dep(c, "mark") for c in infinitives):
            return False
    if lemma in lex.reflexive_non_events and any("Yes" in morph_of(c, "Reflex") for c in children_of(token)):
        return False
    return before_a_date or not epithet(token, lex.agent_prepositions)


def epithet(participle: Any, agent_prepositions: frozenset[str] = frozenset()) -> bool:
    """A past participle right after its noun, with nothing of its own ("les populations déplacées",
    "les Nations unies"): it qualifies the noun like an adjective. With a date, a place or an agent it
    tells what was done ("le colonel X, tué le 14 septembre", "les attentats perpétrés par le PKK"),
    the agent even when the parser hung it on the noun (the preposition right after the participle)."""
    if participle.dep_ not in ("acl", "amod") or participle.i != participle.head.i + 1:
        return False
    if "Part" not in morph_of(participle, "VerbForm") or "Past" not in morph_of(participle, "Tense"):
        return False
    doc = participle.doc
    if participle.i + 1 < len(doc) and doc[participle.i + 1].lower_ in agent_prepositions:
        return False
    return not children_where(participle, lambda dep: dep not in ("punct", "advmod"))


def _last_before(text: str, offset: int, blanks: str) -> int:
    """The index of the last character before `offset` that is not one of `blanks`, -1 at the text's start.
    Walked back a character at a time: a word is rarely far from the end of what comes before it, and
    slicing the text up to each word would make the trigger search quadratic."""
    k = offset - 1
    while k >= 0 and text[k] in blanks:
        k -= 1
    return k


_read: tuple[Any, frozenset[int], str] | None = None


def _doc_reading(doc: Any, text: str | None = None) -> tuple[frozenset[int], str]:
    """The first tokens of the Doc's sentences and its text, read once per Doc: spaCy's `is_sent_start`
    walks the sentence and `Doc.text` joins every token at each question. `text`: the Doc's text when
    the caller has it (the analysis's text is the one parsed), checked by its length."""
    global _read
    if _read is None or _read[0]() is not doc:
        last = doc[-1] if len(doc) else None
        if text is None or last is None or last.idx + len(last.text_with_ws) != len(text):
            text = doc.text
        _read = (weakref.ref(doc), frozenset(TokenSentences(doc).starts), text)
    return _read[1], _read[2]


def doc_text(doc: Any, text: str | None = None) -> str:
    return _doc_reading(doc, text)[1]


def opens_line(token: Any) -> bool:
    """The first word of its sentence or of its line (the parser may run a heading into the text around it)."""
    doc = token.doc
    starts, text = _doc_reading(doc)
    if token.i in starts:
        return True
    k = _last_before(text, token.idx, " \t")
    return k < 0 or text[k] == "\n" or (token.i - 1 in starts and doc[token.i - 1].is_space)


def heads_a_line(token: Any) -> bool:
    """A capitalised word opening a line after a finished one (or the text): a heading's first word, which the
    parser may hang on the sentence below ("Remaniement d'adjoints à Paris.- Jean Tiberi a procédé …").
    A line a hard wrap cut in the middle of a sentence opens with no capital after no full stop."""
    if not token.is_title:
        return False
    text = doc_text(token.doc)
    k = _last_before(text, token.idx, " \t")
    if k >= 0 and text[k] != "\n":
        return False
    k = _last_before(text, token.idx, " \t\r\n")
    return k < 0 or text[k] in '.!?…:»"'


def date_heads(analysis: Analysis, doc: Any) -> set[int]:
    """The words a DATE or TIME hangs from in the parse: a noun among them is dated."""
    out = set()
    for timex in analysis.timexes:
        if timex.type not in ("DATE", "TIME"):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            root = span_root(span)
            if root.head.i != root.i:
                out.add(root.head.i)
    return out


def _takes_place(token: Any, dated: set[int] | frozenset[int], lex: Lexicon,
                 verbs: frozenset[str] | None = None) -> bool:
    """The subject of a verb of taking place a date hangs from ("l'assemblée générale se tiendra vendredi",
    "la finale aura lieu dimanche"); `verbs`: those verbs (all of them by default)."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubj:pass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.i not in dated and not any(c.i in dated for c in children_of(verb)):
        return False  # "aura lieu dimanche": the parser may hang the date on "lieu"
    return takes_place(token, lex, verbs)


def takes_place(token: Any, lex: Lexicon, verbs: frozenset[str] | None = None) -> bool:
    """The noun is the subject of a verb of taking place ("la réunion se tiendra", "aura lieu", "est
    reportée"): the verb tells whether, and when, its happening takes place. `verbs`: those verbs (all
    of `lex.taking_place` by default)."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubj:pass") or verb.pos_ not in ("VERB", "AUX") or verb.i == token.i:
        return False
    verbs = lex.taking_place if verbs is None else verbs
    lemma = lemma_of(verb)
    if lemma in verbs:
        return True
    # "avoir lieu": the verb with its noun
    nouns = children_where(verb, lambda dep: dep.startswith(("obj", "obl")))
    return any(f"{lemma} {c.lower_}" in verbs for c in nouns)


def noun_lemma(token: Any) -> str:
    """The lemma of a noun, of a capitalised noun tagged a name ("Parachutages": its singular), of a compound
    the tokenizer cut at its hyphen ("Rendez" "-vous")."""
    lemma = lemma_of(token)
    doc = token.doc
    if token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].text.startswith("-"):
        lemma = (token.text + doc[token.i + 1].text).lower()
    if token.pos_ == "PROPN" and lemma.endswith(("s", "x")) and "-" not in lemma:
        lemma = lemma[:-1]
    return lemma


def is_noun_event(token: Any, lex: Lexicon, deverbals: dict[str, bool] | None = None,
                  dated: set[int] | frozenset[int] = frozenset()) -> bool:
    """`deverbals`: what `deverbal` answered for each lemma of the same document and lexicon; `dated`:
    the words a date hangs from."""
    if token.is_title and not token.text.isupper() and not opens_line(token):
        return False  # "le ministère des Affaires étrangères", "l'Alliance": a word of a name
    lemma = noun_lemma(token)
    if _in_a_locution(token, lex) or _in_a_compound(token, lemma, lex):
        return False
    if lemma in lex.dated_event_nouns:
        return token.i in dated or _takes_place(token, dated, lex) or in_event_frame(token, lemma, lex, dated)
    if token.pos_ == "NOUN" and lemma not in lex.non_event_nouns and lemma not in lex.people_nouns \
            and lemma not in lex.time_units and _takes_place(token, dated, lex, lex.occurring):
        return True  # "une expertise aura lieu la semaine prochaine": what takes place on a day happens
    if lemma in lex.people_when_plural and "Plur" in morph_of(token, "Number"):
        return False  # "le monument aux morts": the dead, not a death
    # "mini-remaniement", "contre-offensive": the last part names the happening
    base = lemma.rsplit("-", 1)[-1] if "-" in lemma and lemma not in lex.event_nouns else lemma
    if base in lex.event_nouns or token.lower_ in lex.event_nouns \
            or (lex.classes.get(base) in CLASSED_NOUNS and base not in lex.non_event_nouns):
        # a noun the class table gives a state or a speech act ("la cohabitation", "sa plaidoirie")
        # "au cours de durs combats": the locution says it is one happening, "de" notwithstanding
        return one_happening(token, lex, dated) or in_event_frame(token, lemma, lex, dated)
    if deverbals is None:
        found = deverbal(base, token, lex)
    else:
        found = deverbals.get(base)
        if found is None:
            found = deverbals[base] = deverbal(base, token, lex)
    if not found:
        return in_event_frame(token, lemma, lex, dated)
    return one_happening(token, lex, dated)


def _in_a_compound(token: Any, lemma: str, lex: Lexicon) -> bool:
    """"la salle des fêtes", "le palais des congrès": an event noun completing a noun with no article
    of its own names, with it, a place or a body (`events/compound_nouns.tsv`)."""
    head = token.head
    return head.i < token.i and lemma_of(head) in lex.compound_nouns.get(lemma, ()) \
        and not any(c.dep_ == "det" and c.pos_ == "DET" for c in children_of(token))


def _in_a_locution(token: Any, lex: Lexicon) -> bool:
    """"faute de vivres", "suite à l'attaque": a noun with no article of its own before the preposition
    it makes a preposition with (`events/locution_nouns.tsv`) names no happening; nor does the word of a
    locution of time opened by its own preposition ("au cours de l'été", "à l'issue de la bataille",
    `events/event_frames.tsv` "head"): what the locution introduces does."""
    after = lex.locution_nouns.get(token.lower_)
    doc = token.doc
    if after is not None and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in after \
            and not has_child_dep(token, "det"):
        return True
    return opens_a_time_locution(token, lex)


def opens_a_time_locution(token: Any, lex: Lexicon) -> bool:
    """The word of a locution of time standing with the preposition that opens it ("au cours de",
    "à l'issue de"; `events/event_frames.tsv` "head" rows that name one): "d'un cours d'eau" is none."""
    openers = lex.frame_openers.get(token.lower_)
    return token.lower_ in lex.frame_heads and bool(openers) \
        and any(c.dep_ == "case" and c.lower_ in openers for c in children_of(token))


def in_event_frame(token: Any, lemma: str, lex: Lexicon, dated: set[int] | frozenset[int] = frozenset()) -> bool:
    """A noun no lexicon lists standing where only a happening stands (`events/event_frames.tsv`): the
    complement of a locution of time ("lors du sommet", "au cours de durs combats"), the object of a
    verb of undertaking or taking part ("il entreprend un jeûne", "ils participent au nettoyage"), or
    what a dated "c'est" presents ("Le lendemain, c'est la ruée du bataillon": a date says when it
    happened). `dated`: the words a date hangs from."""
    if lemma in lex.non_event_nouns or lemma in lex.people_nouns \
            or token.lower_ in lex.time_units or lemma in lex.time_units:
        return False  # "lors de la nuit", "assister les blessés": a time, people
    head = token.head
    if head.i == token.i:
        return token.i in dated and _presented(token, lex)
    how = lex.frame_heads.get(head.lower_)
    if how is not None and token.dep_.startswith(("nmod", "obl")) and _cases(token) & how:
        # "au cours de", "à l'issue de": the locution's own preposition; "d'un cours d'eau" is no locution
        openers = lex.frame_openers.get(head.lower_, frozenset())
        return not openers or any(c.dep_ == "case" and c.lower_ in openers for c in children_of(head))
    how = lex.frame_verbs.get(lemma_of(head)) if head.pos_ in ("VERB", "AUX") else None
    if how is None:
        return False
    return (token.dep_ == "obj" and "obj" in how) or (token.dep_.startswith("obl") and bool(_cases(token) & how))


def _cases(token: Any) -> set[str]:
    """The prepositions of a noun, as written: read only when a frame's head or verb is there."""
    return {c.lower_ for c in children_of(token) if c.dep_ == "case"}


def _presented(token: Any, lex: Lexicon) -> bool:
    """The noun is the predicate of "c'est" with a demonstrative subject ("c'est la ruée", "c'était la
    déroute"), with an article of its own: "c'est Paris", "c'est lui" present no happening."""
    children = children_of(token)
    return any(c.dep_ == "cop" for c in children) and any(c.dep_ == "det" for c in children) \
        and any(c.dep_.startswith("nsubj") and c.lower_ in lex.demonstratives for c in children)


def one_happening(token: Any, lex: Lexicon, dated: set[int] | frozenset[int] = frozenset()) -> bool:
    """True when the noun names a happening, not a kind: "navires de débarquement", "condamnés à
    mort" name a kind of ship, a kind of sentence."""
    if token.dep_ == "ROOT" or token.i in dated or heads_a_line(token) or opens_line(token):
        # a nominal sentence or a heading: "Accident.", "Procès Nivel à Essen : …"; "départ à 9 h"; a
        # sentence opening on its bare noun, as notices write ("Rendez-vous est fixé à samedi")
        return True
    children = children_of(token)
    if any(c.dep_.startswith("det") or morph_of(c, "PronType") == ["Art"] or c.dep_ == "nummod"
           for c in children):
        return True  # "le débarquement", "du débarquement", "191 attentats"
    if any(c.i in dated and c.dep_ in ("amod", "acl") for c in children):
        return True  # "de législatives anticipées à l'automne": what its participle dates is one happening
    if token.dep_.startswith("nmod") and complement_participle(token, dated) is not None:
        return True  # "l'hypothèse de législatives anticipées à l'automne", the participle hung on "hypothèse"
    if token.dep_ == "obj" and token.head.pos_ == "VERB":
        return True  # "porter plainte", "donner rendez-vous"
    cases = [c for c in children if c.dep_ == "case"]
    if any(c.lower_ not in lex.binding_prepositions for c in cases):
        return True  # "pour diffamation", "sans transfert", "en concert"
    # "dix ans de prison", "deux jours de négociations": the length of a happening
    return bool(cases) and token.head.lower_ in lex.time_units


def complement_participle(noun: Any, among: set[int] | frozenset[int] | dict[int, Any]) -> Any | None:
    """A participle of `among` (the dated words) the parser hung on the head of the noun phrase `noun`
    completes, told after `noun`, which agrees with `noun` and not with that head: "l'hypothèse de
    législatives anticipées à l'automne" describes the elections, not the hypothesis."""
    head = noun.head
    if head.i == noun.i:
        return None
    gender = morph_of(noun, "Gender")
    for participle in children_where(head, lambda dep: dep == "acl"):
        if participle.i <= noun.i or participle.i not in among or "Part" not in morph_of(participle, "VerbForm"):
            continue
        own = (morph_of(participle, "Gender"), morph_of(participle, "Number"))
        if not all(own) or own == (morph_of(head, "Gender"), morph_of(head, "Number")) or own[0] != gender:
            continue
        # The tagger may read a plural as a singular ("législatives"): the written ending tells the number.
        if own[1] == morph_of(noun, "Number") or ("Plur" in own[1] and noun.lower_.endswith(("s", "x"))):
            return participle
    return None


def deverbal(lemma: str, token: Any, lex: Lexicon) -> bool:
    """True when the noun names the doing of a verb the vocabulary knows ("ramassage" -> "ramasser")."""
    if lemma in lex.non_event_nouns:
        return False
    vocab = token.vocab
    for ending, replacements in lex.deverbal:
        if lemma.endswith(ending) and len(lemma) - len(ending) >= MIN_STEM:
            stem = lemma[:-len(ending)]
            if any(_related(vocab, lemma, stem + r) for r in replacements):
                return True
    return False


@lru_cache(maxsize=8192)  # a text repeats its nouns; the vectors of a loaded model do not change
def _related(vocab: Any, noun: str, verb: str) -> bool:
    if not vocab.has_vector(verb) or not vocab.has_vector(noun):
        return False
    a, b = vocab.get_vector(noun), vocab.get_vector(verb)
    norm = float((a @ a) ** 0.5 * (b @ b) ** 0.5)
    return norm > 0 and float(a @ b) / norm >= MIN_SIMILARITY


def is_adjective_event(token: Any, dated: set[int] | frozenset[int] = frozenset()) -> bool:
    """`dated`: the words a date hangs from."""
    if has_child_dep(token, "aux:tense"):
        return True  # "aurait démissionné" tagged an adjective: a verb with its auxiliary
    if morph_of(token, "NumType"):
        return False  # "la quatrième", "le 16e": a rank
    if "Part" in morph_of(token, "VerbForm"):
        # "la braguette ouverte", "Bibliothèque fermée": what was done; "des navires spécialisés",
        # "le complice présumé" only qualify, unless a date says when it was done ("des élections
        # anticipées à l'automne").
        return token.dep_ != "amod" or token.i in dated
    if has_child_dep(token, "cop"):
        return True  # "la liste est complète"
    if token.dep_ in PREDICATE_DEPS and token.head.pos_ in ("VERB", "AUX"):
        return True  # "il se déclare sceptique"
    # "prêts à partir", "consciente de l'enjeu"
    return any(has_child_dep(c, "case", "mark") for c in children_where(token, lambda dep: dep in COMPLEMENT_DEPS))


class Spans:
    """Character spans, sorted, asked whether an offset lies in one as `inside` answers it: with the
    starts and ends kept apart, the search compares numbers, not tuples (asked of every word)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.ends = [end for _, end in ordered]

    def __contains__(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    k = bisect_left(spans, (offset + 1,)) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]
