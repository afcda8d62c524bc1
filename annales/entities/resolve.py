"""From mention candidates to entities: one name, one type, decided on all its mentions.

1. Strong candidates (a rank before a name, a unit designation, a ship) win over the NER's.
2. Each name collects evidence from all its mentions — the NER's labels, what the sentence
   does with it ("Kirov était assassiné": a person; "l'atoll de Makin": a place), lists it is
   coordinated in — and gets the type with the most.
3. Every other occurrence of a decided name (and a person's surname) becomes a mention too.
4. Mentions are grouped: "Evans Carlson" and "Evans F. Carlson" are one person, "Radek" joins
   "Karl Radek", and a surname shared by several persons ("Smith") stays apart, marked ambiguous.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from annales.common.layout import comma_after
from annales.common.parse import span_root, token_range
from annales.common.resources import alternation, load_rows
from annales.common.text import fold
from annales.entities.gazetteer import CITY, HISTORICAL, place_tier
from annales.entities.lexicon import NameLexicon
from annales.entities.names import group_names, read_name
from annales.entities.recognise import INITIAL, Candidate
from annales.entities.typing_words import TypingWords, typing_words
from annales.model import Analysis, Entity, Mention, Span, make_id

STRONG_SCORE = 5.0
EVIDENCE = {"ner": 1.0, "place_leaning": 1.5, "verb": 2.5, "place_cue": 3.0, "plural_article": 2.0, "coordination": 2.0,
            # where a verb of movement or capture goes ("dépasse X"), the head of "X, où": more than
            # the NER's guess at a village it never saw, less than a verb that wants a person
            "place_verb": 1.5, "place_relative": 1.5,
            # a full name opening on a known given name: more than a preposition or a city, less
            # than a place noun ("rue Victor Hugo")
            "given_name": 2.0,
            # a people ("les Helvètes"): more than a verb, since a people acts as a person does
            "people": 4.0,
            # a known place (gazetteer.py), counted once per name: less than a verb or a rank, so
            # that a city bearing a person's name ("Nelson") never outweighs what a sentence says
            # of a person; against the NER's person, a city weighs less than the NER ("Bismarck",
            # "Eugène"): only a historical place from the project's own list outweighs it ("Tokio")
            # whom one speaks or gives to ("en disant à X"): the lean of "à" to a place, turned round
            "recipient": 1.5,
            "gazetteer_historical": 2.0, "gazetteer_city": 1.5, "gazetteer_against_person": 0.75}
# Sources whose type is the recogniser's reading, not a model's vote.
UNVOTED_SOURCES = ("gazetteer", "people")
# Sources whose words say what the name is: a cue before it, its place in a ranked list, a credit.
CUE_SOURCES = ("cue", "list", "credit")
# Sources the layout vouches for, whatever the punctuation before: a ranked list's item, a credit.
LAYOUT_SOURCES = ("list", "credit")
PLURAL_ARTICLES = {"les", "des", "aux"}
ROLE_TAGS = {"DET", "NOUN", "ADJ", "ADP", "PROPN", "NUM"}  # the words an apposition is made of
MAX_ROLE_WORDS = 12
MAX_DESCRIPTOR_WORDS = 4
LIST_REACH = 8  # the names of a list before the one a verb governs
# A regnal number of one letter after a given name; one followed by a dot is an initial, unless the
# dot ends the text or its line.
PLACE_SHAPED = re.compile(r"[^\W\d_]-(?:[a-zà-ÿ]+-)+[A-ZÀ-ÖØ-Þ]")
# A comma, an optional article or possessive, then a lower-case word followed by a punctuation mark
# or a preposition: the noun of an apposition ("X, colonel, …", "X, le maire de …").
APPOSED_NOUN = re.compile(r"[ \t]*,[ \t]*(?:(?:le|la|un|une|son|sa|notre|leur)[ \t]+|l['’])?"
                          r"([a-zà-ÿ][\w’'-]*)(?=[ \t]*[,;.)]|[ \t]+(?:de|du|des|d['’]|à|au|en)(?![\w]))")
# After an apposed noun, a name of its own ("le duc de Crillon"), and whether a mark closes it.
NAMED_AFTER_NOUN = re.compile(r"[ \t]+(?:de|du|d['’])[ \t]*[A-ZÀ-ÖØ-Þ][\w’'-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'-]*)*"
                              r"(?:[ \t]*([,;.)]))?")
# A capitalised word after a space that follows a word or one of ",;:)", or right after an elision
# ("l'Europe"). The capital first, then what comes before it: a pattern that opens on a class of
# letters is searched for that class, much faster than one opening on a look-behind.
MID_SENTENCE_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ](?:(?<=[\w,;:)] .)|(?<=\w['’].))[\w’'-]+")
# A hyphen, then one lower-case word that no other hyphen continues ("-qui", "-n'a"; not "-de-Dieu").
GLUED_DASH = re.compile(r"-[a-zà-ÿ][\w’']*(?![\w’'-])")
REGNAL_LETTER = re.compile(r"[ \t]+[IVX](?![\w.’'-]|\.[ \t]*\S)")


def _best(votes: dict[str, float]) -> str:
    """The type with the most evidence; "misc" when nothing but an unlabelled NER span speaks."""
    scored = {k: v for k, v in votes.items() if v > 0}
    if not scored:
        return "misc"
    return max(scored.items(), key=lambda kv: kv[1])[0]


HYPHEN_SPACES = re.compile(r"\s*-\s*")


def _norm(text: str) -> str:
    """A name's key: one apostrophe, single spaces, none around a hyphen ("Berry-au- Bac", a line
    break mended, is "Berry-au-Bac", and the propagation pattern lets a hyphen take spaces)."""
    return HYPHEN_SPACES.sub("-", " ".join(text.replace("’", "'").split()))



class ResolverWords:
    """What the resolver reads in a language's resource files: built once per language and shared by
    the documents (read only)."""

    def __init__(self, language: str) -> None:
        self.particles = {r[0].replace("’", "'") for r in load_rows(language, "common", "name_particles.tsv")}
        self.demonym_endings = {r[0]: r[1] for r in load_rows(language, "entities", "demonym_endings.tsv")}
        self.determiners = {r[0].replace("’", "'"): r[1] for r in load_rows(language, "entities", "determiners.tsv")}
        self.singular_determiners = {d.rstrip("'") for d in self.determiners if self.determiners[d] == "singular"}
        self.person_nouns = {fold(r[0]) for r in load_rows(language, "entities", "person_nouns.tsv")}
        self.place_leaning = {r[0] for r in load_rows(language, "entities", "place_leaning_prepositions.tsv")}
        self.place_articles = {r[0].replace("’", "'") for r in load_rows(language, "entities", "place_articles.tsv")}
        self.recipient_verbs = {r[0] for r in load_rows(language, "entities", "recipient_verbs.tsv")}
        self.handed_nouns = {r[0] for r in load_rows(language, "entities", "handed_nouns.tsv")}
        self.place_verbs: dict[str, set[str]] = defaultdict(set)
        for verb, prepositions in load_rows(language, "entities", "place_verbs.tsv"):
            self.place_verbs[verb].update(prepositions.split())
        relatives = [r[0] for r in load_rows(language, "entities", "place_relatives.tsv")]
        self.place_relative = re.compile(rf"[ \t]*,?[ \t]*(?:{alternation(relatives)})(?![\w])") if relatives else None
        self.org_heads = {fold(noun) for noun, where in load_rows(language, "entities", "org_cues.tsv")
                          if where in ("head", "both")}
        seats = [r[0] for r in load_rows(language, "entities", "institution_seats.tsv")]
        endings = [word for kind, word in load_rows(language, "entities", "name_context_words.tsv", 2)
                   if kind == "institution-adjective-ending"]
        # Searched in the few characters before a name already found, up to it ("$" at its start).
        self.institution_seat = re.compile(
            rf"(?<![\w'’-])(?i:{alternation(seats, fold_case=True)})"
            rf"(?:[ \t]+[a-zà-ÿ]+(?:{alternation(endings) or '(?!)'}))?"
            rf"[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l['’]|du[ \t]+|des[ \t]+|de[ \t]+|d['’])$") if seats else None
        # A head of several words ("Chemin de fer du Nord"): the company, not the line.
        self.org_head_phrases = tuple(head for head in self.org_heads if " " in head)
        # "le Grand Conseil vaudois", "le Parlement italien": the adjective is part of the name.
        self.org_adjective = re.compile(rf"[ \t]+[a-zà-ÿ]+(?:{alternation(endings) or '(?!)'})(?![\w’'-])")
        qualifiers = [r[0] for r in load_rows(language, "entities", "place_qualifiers.tsv")]
        self.place_qualifier = re.compile(rf"[ \t]+(?:{alternation(qualifiers)})(?![\w’'-])") if qualifiers else None


@cache
def resolver_words(language: str) -> ResolverWords:
    return ResolverWords(language)


class Resolver:
    def __init__(self, analysis: Analysis, lexicon: NameLexicon, language: str = "fr") -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.doc = analysis.doc
        self.lexicon = lexicon
        self.mid_sentence_caps: set[str] = set()
        self.sentence_starts = {s.start for s in analysis.sentences}
        self.words = resolver_words(language)  # read only, shared by the documents of a language
        # Known places written with their article somewhere: what a sentence makes them do is
        # metonymy ("la Russie sortira de cette guerre"), and the gazetteer keeps its weight.
        self.articled_places: set[str] = set()
        self._index_capitalised_words()

    def _index_capitalised_words(self) -> None:
        """Capitalised words seen where capitals are not forced: inside a sentence."""
        self.mid_sentence_caps.update(MID_SENTENCE_CAPITALISED.findall(self.text))

    # A name is read by several tests, each asking the parse for the words at and before it: the
    # tokens of a stretch are looked up once per Doc (`token_range`), its root once (`span_root`).
    def _tokens(self, start: int, end: int) -> tuple[int, int] | None:
        """(first token, token after the last) over [start, end); None without a parse or a token."""
        found = token_range(self.doc, start, end) if self.doc is not None else None
        return found if found is not None and found[0] < found[1] else None

    def _span_root(self, start: int, end: int):
        tokens = self._tokens(start, end)
        return span_root(self.doc[tokens[0]:tokens[1]]) if tokens is not None else None

    def _preceding_tokens(self, start: int, count: int) -> list:
        """The `count` tokens before the one at `start` (none without a parse or a token there)."""
        tokens = self._tokens(start, start + 1)
        if tokens is None:
            return []
        return [self.doc[j] for j in range(max(0, tokens[0] - count), tokens[0])]

    # ---- filtering ----------------------------------------------------------------------
    def _plausible_name(self, cand: Candidate) -> bool:
        text = self.text[cand.start:cand.end]
        if " " not in text.strip() and self._typing.is_function_word(text):
            return False  # "Le", "Il", "Dans": a function word names nothing, whatever its capital
        if cand.strong:
            return True
        # A lower-case prefix glued to a name is a place's only: "outre-Rhin" (place_prefixes.tsv).
        prefixed = cand.source == "cue" and cand.type == "place" and re.match(r"[a-zà-ÿ]+-[A-ZÀ-ÖØ-Þ]", text)
        if not (text[:1].isupper() or prefixed) or text in self.lexicon.not_names or self.lexicon.rank(text):
            return False  # a rank or title alone ("Major") names nobody
        words = text.split()
        if len(words) == 1 and not text.isupper():  # "PARIS" in a dateline is a name
            # A capitalised common word opening a sentence ("Lucide, il …") is no name, unless the
            # text also writes it with a capital inside sentences.
            vocab = self.doc.vocab if self.doc is not None else None
            common = vocab is not None and vocab.has_vector(text.lower())
            # The dot after a ranked list's number ("7. Chanteur (Fr)") ends no sentence, nor does the
            # one before a credit in parentheses ("… pas. (Temps)") open one.
            if common and cand.source not in LAYOUT_SOURCES and self._opens_sentence(cand.start) \
                    and text not in self.mid_sentence_caps:
                return False
        if len(words) == 1:
            people = self._is_people(cand, text)
            if people == "plural":
                return True  # "les Helvètes", "des Hongrois": a people, voted a group
            if people is not None:
                return False  # "l'Américain": one of a people, unnamed
        if cand.type == "person":
            content = [w for w in words if not re.fullmatch(INITIAL, w) and not self.lexicon.rank(w)]
            last = re.sub(r"^[a-z]['’]", "", words[-1])  # "Collin d'Harleville" ends on a capital
            if not any(len(w) > 1 and w[0].isupper() for w in content) or not last[:1].isupper():
                return False  # "M. B", "M. le président": a title and initials name nobody
            # A list's layout vouches for its items: the year closing a roster's heading is no count.
            before = self._preceding_tokens(cand.start, 2) if cand.source not in LAYOUT_SOURCES else []
            if len(before) == 2 and (before[0].like_num or before[0].pos_ == "NUM") \
                    and before[1].pos_ not in ("ADP", "PUNCT"):
                return False  # "75 mm Howitzer": a model of gun, not a man
            if before and before[-1].like_num:
                return False  # "26 Japs": a count of people, not a name
            if all(re.fullmatch(INITIAL, w) for w in words):
                return False
        return True

    def _parenthesised_role(self, end: int) -> bool:
        m = re.match(r"\s*\(\s*([\w’']+)\s*([a-zà-ÿ][\w-]*)", self.text[end:end + 40])
        return m is not None and m.group(1).lower().replace("’", "'").rstrip("'") in self.words.singular_determiners

    @property
    def _typing(self) -> TypingWords:
        return typing_words(self.analysis.language)

    def _after_singular_determiner(self, cand: Candidate) -> bool:
        before = self._preceding_tokens(cand.start, 1)
        return bool(before) and self.words.determiners.get(before[-1].lower_.replace("’", "'")) == "singular"

    def _is_people(self, cand: Candidate, word: str) -> str | None:
        """"plural" when the word names a people after a plural determiner or a number ("les
        Helvètes", "des Prussiens", "les Suisses" beside "la Suisse"), "singular" for one of a
        people ("l'Américain"), None otherwise ("les Vosges", "les Açores": known places)."""
        before = self._preceding_tokens(cand.start, 2)
        if not before:
            return None
        determiner = before[-1].lower_.replace("’", "'")
        number = "plural" if before[-1].like_num else self.words.determiners.get(determiner)
        if number is None:
            return None
        typing = self._typing
        if number == "plural" and typing.is_people(word):
            return number  # "le front des Alliés": a known people, whatever noun it completes
        if len(before) == 2 and self._place_cue(before[0].lower_.replace("’", "'")):
            return None  # "rue des Rosiers", "îles des Saints": the place noun names a place
        if place_tier(word, self.analysis.language) in (HISTORICAL, CITY):
            return None
        if number == "singular" and typing.is_people(word + "s"):
            return number  # "l'Allemand Uwe Peschel": one of the "Allemands"
        if typing.demonym_like(word, number):
            return number
        if number != "plural" or not word.endswith(("s", "x")) or "-" in word:
            return None
        # "les Suisses" beside "la Suisse": the plural of a place is its people
        if re.search(rf"(?<![\w-]){re.escape(word[:-1])}(?![\w-])", self.text) is not None:
            return number
        # "les Rauraques", "des Lingons": a plural name no gazetteer knows is a people's more often
        # than a place's; after "aux" ("aux Tuileries") it is a place as often.
        return number if before[-1].like_num or determiner in PLURAL_ARTICLES - {"aux"} else None

    def _opens_sentence(self, start: int) -> bool:
        # Far enough back to pass the marks and spaces before the word ("le « Matin »" opens nothing).
        before = self.text[max(0, start - 12):start].rstrip(" \t\u00a0«\"“(—–-")
        return start in self.sentence_starts or not before or before[-1] in ".!?:\n"

    # ---- evidence -------------------------------------------------------------------------
    def _evidence(self, cand: Candidate) -> dict[str, float]:
        votes: dict[str, float] = defaultdict(float)
        if cand.strong:
            votes[cand.type] += STRONG_SCORE
            return votes
        text = self.text[cand.start:cand.end]
        people = self._is_people(cand, text) if " " not in text else None
        if people == "plural" or people is None and " " not in text and self._typing.is_people(text) \
                and not self._after_singular_determiner(cand):
            # a people, named with or without its article ("le Gaulois" is a newspaper's title)
            votes["group"] += EVIDENCE["people"]  # what the sentence does with a people is what persons do
            return votes
        if cand.type != "misc" and cand.source not in UNVOTED_SOURCES:
            votes[cand.type] += EVIDENCE["ner"]
        if " " in text and text.split()[0].split("-")[0] in self.lexicon.given_names:
            votes["person"] += EVIDENCE["given_name"]  # "José-Maria Jimenez" after "à" is still a man
        folded = fold(text)
        if fold(text.split()[0]).removesuffix("s") in self.words.org_heads \
                or any(folded.startswith(head + " ") for head in self.words.org_head_phrases):
            votes["organization"] += EVIDENCE["place_cue"]  # "l'Académie française a décidé", "le Conseil"
        if cand.type in ("person", "misc") and PLACE_SHAPED.search(text):
            # "Fère-en-Tardenois", "Ville-sur-Tourbe": lower-case words between hyphens make a town's
            # name, never a man's; the smaller NER calls villages it never saw persons (an
            # institution may be named so: "Hôtel-de-Ville", left to its votes)
            votes["place"] += EVIDENCE["place_cue"]
        if cand.source in CUE_SOURCES:  # the words themselves say what it is ("l'île de", "le journal")
            votes[cand.type] += EVIDENCE["place_cue"]
        root = self._span_root(cand.start, cand.end)
        if root is not None:
            role = self.lexicon.person_verbs.get(root.head.lemma_)
            if role == "agent" and root.dep_ == "nsubj" or role == "patient" and root.dep_ in ("nsubj:pass", "obj"):
                votes["person"] += EVIDENCE["verb"]
            elif self._next_verb_is_human(root):
                votes["person"] += EVIDENCE["verb"]
            elif self._governed_by_place_verb(root):
                votes["place"] += EVIDENCE["place_verb"]
        before = self._preceding_tokens(cand.start, 3)
        words = [t.text.lower().replace("’", "'") for t in before]
        # "l'île de Makin", "les îles Marshall": the cue right before the name, or before its "de".
        cue_at = -2 if len(words) >= 2 and words[-1] in self.words.particles else -1
        if words and len(words) >= -cue_at and self._place_cue(words[cue_at]):
            votes["place"] += EVIDENCE["place_cue"]
        elif len(words) == 3 and words[-1] == "," and self._place_cue(words[-2]) and before[0].pos_ == "DET" \
                and comma_after(self.text, cand.end):
            # "Son port, Mahón, offre …": the name a place noun is given, set off by commas ("qui vous
            # montre la route, Delescluze !" calls someone)
            votes["place"] += EVIDENCE["place_cue"]
        if self._apposed_place_noun(cand.end):
            votes["place"] += EVIDENCE["place_cue"]  # "Mahón, le port de l'île, …"
        if root is not None and words and words[-1] in ("à", "a") and self._spoken_or_given_to(root, text):
            votes["person"] += EVIDENCE["recipient"]  # "en disant à Francis": whom one speaks or gives to
        elif words and not cand.strong and (self._leans_to_place(words) or self._conjunct_leans_to_place(root, words)):
            votes["place"] += EVIDENCE["place_leaning"]
        if words and words[-1] in self.words.place_articles and self._known_place(text):
            votes["place"] += EVIDENCE["place_cue"]  # "la Russie", "l'Allemagne": a person takes no article
            self.articled_places.add(cand.key)
        if words and self._person_noun(words[-1]) and not self.lexicon.rank(words[-1]):
            votes["person"] += EVIDENCE["verb"]  # "son compatriote Melchior Mauri": a noun of a person
        if self._apposed_person_noun(cand.end):
            votes["person"] += EVIDENCE["verb"]  # "CLAUDEL, colonel, …": what a person is
        if self.words.place_relative is not None and self.words.place_relative.match(self.text, cand.end):
            votes["place"] += EVIDENCE["place_relative"]  # "Pontarlier, où il s'arrête": a where
        if self._parenthesised_role(cand.end):
            votes["person"] += EVIDENCE["verb"]  # "Vychinski (le procureur)": what a person is
        if words and words[-1] in PLURAL_ARTICLES:
            votes["place"] += EVIDENCE["plural_article"]
        return votes

    def _place_cue(self, word: str) -> bool:
        """A place noun, or a compound ending on one ("sous-secteur", "avant-poste"): place_cues.tsv."""
        return word in self.lexicon.place_cues or word.rsplit("-", 1)[-1] in self.lexicon.place_cues

    def _known_place(self, text: str) -> bool:
        return " " not in text and place_tier(text, self.analysis.language) is not None

    def _spoken_or_given_to(self, root, text: str) -> bool:
        """"en disant à Francis", "envoya à Pierri et à Orsini": a name no gazetteer knows, after a
        bare "à", that completes a verb whose "à" is a person (recipient_verbs.tsv), or a verb handing
        an office over ("laisse le commandement à Kléber", handed_nouns.tsv)."""
        if self._known_place(text) or any(c.dep_ == "det" for c in root.children):
            return False
        head = root.head
        if root.dep_ == "conj" and head.dep_ in ("obl:arg", "iobj", "obl", "obl:mod"):
            head = head.head  # "à Pierri et à Orsini": the second hangs from the first
        elif root.dep_ not in ("obl:arg", "iobj", "obl", "obl:mod"):
            return False
        return head.pos_ == "VERB" and (head.lemma_ in self.words.recipient_verbs or any(
            c.dep_ == "obj" and c.lemma_ in self.words.handed_nouns for c in head.children))

    def _leans_to_place(self, words: list[str]) -> bool:
        """The words before a name end on a preposition or a locution that leans to a place ("à",
        "près de"); "de" alone leans nowhere, and a locution is only read as a whole."""
        words = ["de" if w == "d'" else w for w in words]
        return any(" ".join(words[-n:]) in self.words.place_leaning for n in range(1, min(len(words), 3) + 1))

    def _conjunct_leans_to_place(self, root, words: list[str]) -> bool:
        """"près de Sando et de Kimito": a "de" after "et" repeats the locution of the first
        conjunct, which the words before the second do not show."""
        if root is None or root.dep_ != "conj" or len(words) < 2 or words[-1] not in ("de", "d'") \
                or root.head.i >= root.i:
            return False
        first = root.head
        while first.i > 0 and first.dep_ == "flat:name" and first.head.i < first.i:
            first = first.head
        before = [t.lower_.replace("’", "'") for t in first.doc[max(0, first.i - 3):first.i]]
        return bool(before) and before[-1] in ("de", "d'") and self._leans_to_place(before)

    def _apposed_person_noun(self, end: int) -> bool:
        """A noun of a person (a rank, an office, a trade) set off by a comma right after the name,
        with or without its article: "CLAUDEL, colonel, …", "Weber, le maire". Read on the words:
        the smaller NER calls names in capitals in a list of officers places."""
        m = APPOSED_NOUN.match(self.text, end, min(len(self.text), end + 40))
        if m is None or not self._person_noun(m.group(1)):
            return False
        word = self._tokens(m.start(1), m.end(1)) if self.doc is not None else None
        if word is not None and self.doc[word[0]].pos_ in ("VERB", "AUX"):
            return False  # "Le maire de X, élu en 2001, …": a participle said of another noun, no noun of a person
        # "Talleyrand, le prince de Bénévent, …" is set off; "Arrivé devant Gibraltar, le duc de
        # Crillon ordonna …" is the next clause's subject, named by its own title and name.
        named = NAMED_AFTER_NOUN.match(self.text, m.end(), min(len(self.text), m.end() + 60))
        return named is None or named.group(1) is not None

    def _apposed_place_noun(self, end: int) -> bool:
        """A place noun set off by a comma right after the name, with or without its article:
        "Mahón, le port de l'île, …" (place_cues.tsv)."""
        m = APPOSED_NOUN.match(self.text, end, min(len(self.text), end + 40))
        return m is not None and self._place_cue(m.group(1).lower())

    def _governed_by_place_verb(self, root) -> bool:
        """The name is where a verb of movement or capture goes: "dépasse Vaudry", "s'empare de
        Vaudry", "dirigé sur Vaudry" (place_verbs.tsv)."""
        doc = root.doc
        first = root
        while first.i > 0 and first.dep_ == "flat:name" and first.head.i < first.i:
            first = first.head
        # On the words first: the parse makes a village nobody knows the subject of the verb
        # before it ("dépasse Vaudry" read as an inverted subject).
        previous = doc[first.i - 1] if first.i > 0 else None
        if previous is not None and previous.pos_ in ("VERB", "AUX") \
                and "-" in self.words.place_verbs.get(previous.lemma_, ()):
            return True
        if first.i > 1 and previous is not None \
                and previous.lower_ in self.words.place_verbs.get(doc[first.i - 2].lemma_, ()):
            return True
        for _ in range(LIST_REACH):  # "X, Y et Z sont occupés": a list's names share its first one's verb
            if root.dep_ != "conj" or root.head.i >= root.i:
                break
            root = root.head
        if root.dep_ not in ("obj", "obl", "obl:arg", "obl:mod", "nsubj:pass") or root.head.pos_ not in ("VERB", "AUX"):
            return False
        prepositions = self.words.place_verbs.get(root.head.lemma_)
        if not prepositions:
            return False
        if root.dep_ == "nsubj:pass":  # "Mahé est occupé": the passive's subject is the active's object
            return "-" in prepositions
        case = [c.text.lower().replace("’", "'") for c in root.children if c.dep_ == "case"]
        return (not case and root.dep_ == "obj" and "-" in prepositions) or any(c in prepositions for c in case)

    def _known_place_vote(self, key: str, person_said: bool, person_by_ner: bool) -> float:
        """What the gazetteer adds to a name's place votes: once for the name, not once per
        mention (it knows the name, not the sentence); nothing when a sentence says a person
        ("Kirov était assassiné": the man, not the town); less than the NER's person when the NER
        reads one, unless the place is on the project's own historical list."""
        tier = place_tier(key, self.analysis.language)
        if tier is None or person_said:
            return 0.0
        weight = EVIDENCE[f"gazetteer_{tier}"]
        # A name built as places are ("Pont-à-Mousson", "La Chaux-de-Fonds": lower-case words
        # between hyphens, an article first) is no surname, whatever the NER says.
        place_shaped = re.search(r"-[a-zà-ÿ]+-", key) is not None \
            or " " in key and key.split()[0].lower() in self.words.determiners
        if person_by_ner and tier != HISTORICAL and not place_shaped:
            weight = min(weight, EVIDENCE["gazetteer_against_person"])
        return weight

    def _next_verb_is_human(self, token) -> bool:
        """A name that opens its clause and whose next verb wants a person ("Nimitz entend prendre",
        "Nimitz, qui est chargé de l'opération, prévoit"), read on the words when the parse fails."""
        if token.i + 1 >= len(token.doc) or token.dep_ in ("obj", "obl", "nmod", "obl:arg"):
            return False
        first = token
        while first.i > 0 and first.dep_ == "flat:name" and first.head.i < first.i:
            first = first.head
        previous = token.doc[first.i - 1] if first.i > 0 else None
        if previous is not None and previous.pos_ not in ("PUNCT", "CCONJ") and previous.text != "\n":
            return False  # only a name that opens its clause can be its subject ("à Jérusalem annonce": no)
        # A window of words, not the parser's sentence: a misparsed name may end its own "sentence".
        sentence_end = min(len(token.doc), token.i + 25)
        i = token.i + 1
        while i < sentence_end:
            t = token.doc[i]
            if t.text == "," and i + 1 < sentence_end and "Rel" in token.doc[i + 1].morph.get("PronType"):
                # skip a relative clause set off by commas
                j = i + 1
                while j < sentence_end and token.doc[j].text != ",":
                    j += 1
                i = j + 1
                continue
            if t.text in (".", "!", "?", ";"):
                return False
            if t.pos_ == "VERB":
                return self.lexicon.person_verbs.get(t.lemma_) == "agent"
            if t.pos_ in ("NOUN", "PROPN") and t.i > token.i + 1 and token.doc[t.i - 1].text != ",":
                return False  # another noun comes first: it is the subject
            i += 1
        return False

    # ---- the whole resolution ------------------------------------------------------------------
    def run(self, candidates: list[Candidate]) -> list[Entity]:
        analysis = self.analysis
        candidates = [c for c in candidates if not analysis.in_region(c.start, c.end, "boilerplate")]
        places = {_norm(self.text[c.start:c.end]) for c in candidates if c.type == "place"}
        candidates = [c for c in candidates if c.source != "rank-particle" or c.key not in places
                      and not self._known_place_after_title(c)]
        for c in candidates:
            if c.source == "rank-particle":
                c.source = "rank"
        candidates += self._institutions_of_places(candidates)
        accepted = self._joined_by_particle(self._settle_overlaps(candidates))
        accepted = [c for c in accepted if self._plausible_name(c)]
        accepted = sorted(accepted + [c for c in self._conjuncts(accepted) if self._plausible_name(c)],
                          key=lambda c: c.start)
        for cand in accepted:
            if not cand.key:
                cand.key = _norm(self.text[cand.start:cand.end])
        types = self._decide_types(accepted)
        for cand in accepted:
            if not cand.strong:
                cand.type = types.get(cand.key, cand.type)
        self._with_qualifiers(accepted, types)
        self._with_regnal_numbers(accepted, types)
        # What the NER could not name and nothing in the text vouches for is left out.
        accepted = [c for c in accepted if c.type != "misc"]
        accepted += self._propagate(accepted, types)
        accepted.sort(key=lambda c: c.start)
        return self._group(accepted)

    def _institutions_of_places(self, candidates: list[Candidate]) -> list[Candidate]:
        """An institution named in lower case by the place it sits in or governs is one
        organisation with that place: "le tribunal correctionnel de Guingamp", "la cour d'appel de
        Paris", "la préfecture de la Seine" (institution_seats.tsv). Read before the names already
        found; the longer, strong candidate then wins over the place alone."""
        if self.words.institution_seat is None:
            return []
        found: list[Candidate] = []
        for cand in candidates:
            if cand.strong or cand.type not in ("place", "organization", "misc", "person") \
                    or not self.text[cand.start:cand.start + 1].isupper():
                continue
            if cand.type == "person" and place_tier(self.text[cand.start:cand.end], self.analysis.language) is None:
                continue  # "le tribunal de Jean X" is not said; a name the gazetteer knows may be a town
            m = self.words.institution_seat.search(self.text, max(0, cand.start - 60), cand.start)
            if m is not None:
                found.append(Candidate(m.start(), cand.end, "organization", "institution"))
        return found

    def _conjuncts(self, accepted: list[Candidate]) -> list[Candidate]:
        """Proper nouns the parse coordinates with a name and no recogniser took ("contre X et Y",
        "X, Y et Z" where the NER saw X only): candidates without a type, which the votes type by
        what they are coordinated with and what the sentences do with them, or leave out."""
        if self.doc is None:
            return []
        taken = bytearray(len(self.text) + 1)
        for c in accepted:
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        found: list[Candidate] = []
        for cand in accepted:
            if cand.type not in ("person", "place", "organization"):
                continue
            span = self.doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None:
                continue
            # The parse may hang the conjunct from any word of the name ("Pierre X et Y": from X).
            neighbours = [t.head for t in span if t.dep_ == "conj"]
            neighbours += [child for t in span for child in t.children if child.dep_ == "conj"]
            for token in neighbours:
                if span.start <= token.i < span.end:
                    continue
                # A capitalised noun inside a sentence is a name the tagger did not know, unless an
                # article makes it an institution ("et la Révolution").
                if token.pos_ not in ("PROPN", "NOUN") or not token.text[:1].isupper() or taken[token.idx] \
                        or token.is_sent_start or any(child.dep_ == "det" for child in token.children):
                    continue
                words = [token] + [child for child in token.rights if child.dep_ in ("flat:name", "flat")
                                   and child.pos_ == "PROPN"]
                start, end = token.idx, max(t.idx + len(t.text) for t in words)
                if taken.find(1, start, end) != -1 or self.analysis.in_region(start, end, "boilerplate"):
                    continue
                taken[start:end] = b"\x01" * (end - start)
                found.append(Candidate(start, end, "misc", "coordination"))
        return found

    def _known_place_after_title(self, cand: Candidate) -> bool:
        """A title of nobility before "de" and a place the gazetteer knows names the place's
        sovereign, not a man of that name: "le roi de Prusse", "la reine de Portugal"."""
        kind = self.lexicon.ranks.get(fold(cand.rank or ""), ("", ""))[1]
        return kind == "nobility" and place_tier(cand.key, self.analysis.language) is not None

    def _with_regnal_numbers(self, accepted: list[Candidate], types: dict[str, str]) -> None:
        """A sovereign's number of one letter belongs to the name: "Georges V", "Charles X" (the NER
        and the name patterns stop before a lone capital). Not "Georges V. Martin", an initial."""
        for cand in accepted:
            name = self.text[cand.start:cand.end]
            if cand.type != "person" or name.split()[-1] not in self.lexicon.given_names:
                continue
            m = REGNAL_LETTER.match(self.text, cand.end)
            if m is not None:
                cand.end = m.end()
                cand.key = _norm(self.text[cand.start:cand.end])
                types[cand.key] = "person"

    def _with_qualifiers(self, accepted: list[Candidate], types: dict[str, str]) -> None:
        """A place takes in the words that make it a part of itself: "la Suisse romande" is one
        place, not "Suisse" (place_qualifiers.tsv)."""
        starts = {c.start for c in accepted}
        for cand in accepted:
            if cand.type == "organization" and not cand.strong:
                # an institution's name ending on its noun takes the adjective after it
                m = self.words.org_adjective.match(self.text, cand.end)
                if m is not None and not any(cand.end < s < m.end() for s in starts):
                    cand.end = m.end()
                    cand.key = _norm(self.text[cand.start:cand.end])
                    types[cand.key] = "organization"
                continue
            if self.words.place_qualifier is None:
                continue
            m = self.words.place_qualifier.match(self.text, cand.end) if cand.type == "place" else None
            if m is not None and not any(cand.end < s < m.end() for s in starts):
                cand.end = m.end()
                cand.key = _norm(self.text[cand.start:cand.end])
                types[cand.key] = "place"

    def _settle_overlaps(self, candidates: list[Candidate]) -> list[Candidate]:
        """Strong first, then longest: a kept candidate excludes every later one it shares a character with."""
        order = sorted(candidates, key=lambda c: (not c.strong, -(c.end - c.start), c.start))
        kept: list[Candidate] = []
        # One flag per character of a kept candidate (every candidate holds a character at least: the
        # recognisers match words); comparing each with all kept so far is quadratic in a long text.
        taken = bytearray(max((c.end for c in candidates), default=0))
        for cand in order:
            if taken.find(1, cand.start, cand.end) != -1:
                continue
            taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
            kept.append(cand)
        return sorted(kept, key=lambda c: c.start)

    def _joined_by_particle(self, candidates: list[Candidate]) -> list[Candidate]:
        """Two persons with only a particle between them are one name: "Collin d'Harleville", "le
        citoyen Ulric de Fonvielle", which the NER or a cue cut in two. A person is seldom said to be
        "of" another without an article or a noun between ("le fils de Pierre")."""
        joined: list[Candidate] = []
        for cand in candidates:
            previous = joined[-1] if joined else None
            if previous is not None and previous.type == cand.type == "person" and not previous.key \
                    and cand.source not in UNVOTED_SOURCES and previous.source not in UNVOTED_SOURCES:
                gap = self.text[previous.end:cand.start]
                particle = gap.strip().replace("’", "'")
                if gap[:1] == " " and (gap[-1:] == " " or particle.endswith("'")) and particle in self.words.particles:
                    joined[-1] = Candidate(previous.start, cand.end, "person", previous.source, previous.rank,
                                           previous.rank_span, dict(previous.attributes))
                    continue
            joined.append(cand)
        return joined

    def _decide_types(self, accepted: list[Candidate]) -> dict[str, str]:
        votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        person_said: set[str] = set()  # keys a sentence reads as a person (a verb, a role)
        person_by_ner: set[str] = set()
        # What the sentences say of a name beyond the NER's label: a verb, a preposition, a rank.
        said: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for cand in accepted:
            evidence = self._evidence(cand)
            _ = votes[cand.key]  # a name nothing voted on yet (an office's complement) is still looked up
            for kind, score in evidence.items():
                votes[cand.key][kind] += score
                said[cand.key][kind] += score
            if cand.type != "misc" and cand.source not in UNVOTED_SOURCES and not cand.strong \
                    and cand.type in evidence:
                said[cand.key][cand.type] -= EVIDENCE["ner"]
            by_ner = cand.type == "person" and not cand.strong and cand.source not in UNVOTED_SOURCES
            if by_ner:
                person_by_ner.add(cand.key)
            if not cand.strong and evidence.get("person", 0.0) > (EVIDENCE["ner"] if by_ner else 0.0):
                person_said.add(cand.key)
        for key, kinds in votes.items():
            articled = key in self.articled_places
            known = self._known_place_vote(key, key in person_said and not articled,
                                           key in person_by_ner and not articled) if "group" not in kinds else 0
            if known:
                kinds["place"] += known
        decided = {key: _best(v) for key, v in votes.items()}
        # A list where the sentences vouch for places only (one of its villages is "dirigé sur",
        # "s'empare de") and for no person is an itinerary: its other single names are villages the
        # NER never saw, whatever it guessed of each, and their coordination says nothing of persons.
        runs = self._lists(accepted)
        itineraries = [run for run in runs
                       if {kind for c in run for kind in ("person", "place") if said[c.key][kind] > 1e-9} == {"place"}]
        in_itinerary = {id(c) for run in itineraries for c in run}
        for run in itineraries:
            for c in run:
                if not c.strong and " " not in c.key and decided.get(c.key) == "person":
                    votes[c.key]["place"] += EVIDENCE["coordination"]
        # Names coordinated with persons are persons ("Dimitrov, Manouilski, Varga, Togliatti").
        by_token = {}  # every word of a name: the parse may hang a conjunct from any of them
        for cand in accepted:
            tokens = self._tokens(cand.start, cand.end)
            for i in range(*tokens) if tokens is not None else ():
                by_token.setdefault(i, cand)
        for cand in accepted:
            root = self._span_root(cand.start, cand.end)
            if root is None or cand.strong or id(cand) in in_itinerary:
                continue
            neighbours = [root.head] if root.dep_ in ("conj", "appos") else []
            neighbours += [c for c in root.children if c.dep_ in ("conj", "appos")]
            person_neighbours = sum(1 for t in neighbours if t.i in by_token and by_token[t.i] is not cand
                                    and decided.get(by_token[t.i].key) == "person")
            if person_neighbours:
                votes[cand.key]["person"] += EVIDENCE["coordination"] * person_neighbours
        # The same read on the words, for lists the parse gets wrong: "X, Y, Z et W".
        # Places alike: an itinerary ("Missy, Pontavert, Treslon et Damery") is a list of places
        # when most of its names are, whatever the NER made of a village it never saw.
        for run in runs:
            if any(id(c) in in_itinerary for c in run):
                continue
            for kind in ("person", "place"):
                if sum(1 for c in run if decided.get(c.key) == kind) * 2 > len(run):
                    for c in run:
                        if not c.strong and decided.get(c.key) != kind:
                            votes[c.key][kind] += EVIDENCE["coordination"]
        # A single name that is the surname of a person named in full in the story is that person's
        # (the byline's author does not make every "Paris" a person).
        story_keys = {c.key for c in accepted if not self.analysis.in_region(c.start, c.end, "byline")}
        surnames = {key.split()[-1] for key, kind in decided.items()
                    if kind == "person" and len(key.split()) > 1 and key in story_keys}
        for cand in accepted:
            if not cand.strong and cand.key in surnames:
                votes[cand.key]["person"] += EVIDENCE["coordination"] + EVIDENCE["ner"]
        # A single capitalised common word that only the NER calls a person ("« Parole et Musique »",
        # a capitalised adjective) is left out: a name is a proper noun somewhere in the text.
        common: dict[str, bool] = defaultdict(lambda: True)
        for cand in accepted:
            root = self._span_root(cand.start, cand.end)
            proper = root is None or root.pos_ in ("PROPN", "X") or " " in cand.key or cand.source != "ner"
            common[cand.key] = common[cand.key] and not proper
        ner_votes: dict[str, float] = defaultdict(float)
        for cand in accepted:
            if cand.source == "ner" and cand.type == "person":
                ner_votes[cand.key] += EVIDENCE["ner"]
        for key, is_common in common.items():
            if is_common and set(votes[key]) <= {"person"} and votes[key].get("person", 0) <= ner_votes[key]:
                votes[key] = defaultdict(float)  # nothing but the NER's word for it
        return {key: _best(v) for key, v in votes.items()}

    def _lists(self, accepted: list[Candidate]) -> list[list[Candidate]]:
        """Runs of three or more names separated only by commas, "et" or a spaced dash: "X, Y, Z et W"."""
        runs: list[list[Candidate]] = []
        run: list[Candidate] = []
        for cand in sorted(accepted, key=lambda c: c.start):
            # " - " too: an itinerary in a heading ("Vaudry - Morlancy - Fréville")
            if run and re.fullmatch(r"[ \t]*(?:,|et|,[ \t]*et)[ \t]*|[ \t]+[-–—][ \t]+",
                                    self.text[run[-1].end:cand.start]):
                run.append(cand)
                continue
            if len(run) >= 3:
                runs.append(run)
            run = [cand]
        if len(run) >= 3:
            runs.append(run)
        return runs

    def _propagate(self, accepted: list[Candidate], types: dict[str, str]) -> list[Candidate]:
        """Every other occurrence of a decided name, and of a person's surname, is a mention too."""
        names: dict[str, str] = {}
        for cand in accepted:
            if cand.type in ("person", "place", "organization"):
                names[cand.key] = cand.type
        surnames: dict[str, int] = defaultdict(int)
        sovereigns: dict[str, set[str]] = defaultdict(set)
        ranks = frozenset(self.lexicon.ranks)
        for key, kind in names.items():
            form = read_name(key, ranks, self.words.particles)
            if kind == "person" and len(key.split()) > 1 and form.surname is not None and len(form.surname) > 2:
                surnames[form.surname] += 1
            if kind == "person" and form.regnal is not None:
                sovereigns[form.word].add(form.regnal)
        # "Ferdinand" after "Ferdinand VII" when he is the only Ferdinand numbered; never "III".
        for name, ordinals in sovereigns.items():
            if len(ordinals) == 1 and " " not in name and len(name) > 2:
                surnames[name] += 1
        for surname in surnames:
            if surname not in names:
                names[surname] = "person"
        names = {k: v for k, v in names.items() if len(k) > 2 and k not in self.lexicon.not_names}
        # A dateline or a headline writes the same name in capitals: "GENÈVE" is "Genève".
        # So does a heading an institution's or a place's name of several words ("CONSEIL FÉDÉRAL").
        for key, kind in list(names.items()):
            if not key.isupper() and (" " not in key or kind in ("organization", "place")):
                names.setdefault(key.upper(), kind)
        if not names:
            return []
        names_as_written = {c.key for c in accepted}
        pattern = re.compile(rf"(?<![\w]){alternation(list(names))}(?![\w])")
        # One flag per character of an accepted mention, as in `_settle_overlaps`.
        taken = bytearray(max(len(self.text), max((c.end for c in accepted), default=0)))
        for c in accepted:
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        found: list[Candidate] = []
        for m in pattern.finditer(self.text):
            start, end = m.start(), m.end()
            if taken.find(1, start, end) != -1:
                continue
            if self.analysis.in_region(start, end, "boilerplate"):
                continue
            key = _norm(m.group())
            kind = names[key]
            if key.isupper() and key not in names_as_written and kind == "person":
                continue  # a surname in capitals is a heading as often as a person; leave it
            if kind == "person" and self._inside_hyphenated_name(start, end):
                continue  # "Louis" in "Louis-Napoléon", "Joseph" in "Saint-Joseph": another name
            found.append(Candidate(start, end, kind, "propagated", key=key))
        return found

    def _inside_hyphenated_name(self, start: int, end: int) -> bool:
        """A hyphen joins the name to another part of a name ("Louis-Napoléon", "Saint-Joseph");
        one before a lone lower-case word is a dash the OCR glued to it ("Valbert-qui dirige",
        "Valbert-n'a"), and the name stands alone."""
        if self.text[start - 1:start] == "-":
            return True
        return self.text[end:end + 1] == "-" and GLUED_DASH.match(self.text, end) is None

    # ---- grouping into entities ------------------------------------------------------------
    def _group(self, mentions: list[Candidate]) -> list[Entity]:
        """One entity per referent: a name's every mention; a person's forms merged by `names`
        ("Karl Radek" and "Radek"; never "Joseph Napoléon" and a "Napoléon" told before him)."""
        name_of = self._names_with_gender([c for c in mentions if c.type == "person"])
        first_seen: dict[str, int] = {}
        for cand in mentions:
            if cand.type == "person":
                key = name_of[id(cand)]
                first_seen[key] = min(first_seen.get(key, cand.start), cand.start)
        persons, person_of = group_names(first_seen, self.lexicon.given_names, frozenset(self.lexicon.ranks),
                                         self.words.particles, self.lexicon.title_genders)
        groups: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
        for cand in mentions:
            if cand.type == "person":
                groups[("person", str(person_of[name_of[id(cand)]]))].append(cand)
            else:
                groups[(cand.type, cand.key)].append(cand)
        ordered = sorted(groups.items(), key=lambda kv: min(c.start for c in kv[1]))
        entities: list[Entity] = []
        ids: dict[tuple[str, str], str] = {}
        for n, (group_key, _) in enumerate(ordered, start=1):
            ids[group_key] = make_id("entity", n)
        for group_key, cands in ordered:
            entity = self._entity(ids[group_key], group_key[0], cands)
            if group_key[0] == "person":
                person = persons[int(group_key[1])]
                entity.evidence = list(person.evidence)
                entity.ambiguous_between = [ids[("person", str(n))] for n in person.ambiguous]
            entities.append(entity)
        return entities

    def _names_with_gender(self, persons: list[Candidate]) -> dict[int, str]:
        """The name each person mention is grouped by: its key, with its title when the key is
        written after titles of both genders ("M. Zirio", "Mme Zirio": a man and his wife)."""
        titled: dict[int, str] = {}
        genders: dict[str, set[str]] = defaultdict(set)
        for cand in persons:
            before = self._before_name(cand)
            gender = self.lexicon.title_genders.get(fold(before[1])) if before and before[0] == "title" else None
            if before is not None and gender is not None:
                titled[id(cand)] = f"{self.text[before[2].start:before[2].end]} {cand.key}"
                genders[cand.key].add(gender)
        return {id(c): titled[id(c)] if id(c) in titled and len(genders[c.key]) > 1 else c.key for c in persons}

    def _descriptor(self, start: int) -> Span | None:
        """Words before a name, or before its title, that describe the person: between a
        determiner and the name ("le [jeune] Paul Girard", "son [compatriote] Luc Berger", "le
        [producteur et musicien] Marc Dubois", "l'[Autrichien] Karl Huber"), and an apposition
        before them and a comma when a noun of a person heads it ("l'[ingénieur du canton, M.]
        Weber", "son [agent, l'avocat] Luc Berger"). `start`: where the name, or its title, begins."""
        before = self._preceding_tokens(start, MAX_DESCRIPTOR_WORDS + 2)
        words: list = []
        found: Span | None = None
        article = start
        for t in reversed(before):
            if t.idx + len(t.text) > start:
                continue
            if (t.pos_ in ("NOUN", "ADJ") and not t.is_punct) \
                    or (t.pos_ == "CCONJ" and words and words[-1].pos_ != "CCONJ") \
                    or (t.text[:1].isupper() and self._typing.is_people(t.text + "s")):  # "l'Allemand X"
                words.append(t)
                continue
            # After "du", "des" the words must name a person: "la discussion du postulat Weber".
            if words and words[-1].pos_ != "CCONJ" and self._is_determiner(t) \
                    and (t.pos_ == "DET" or any(self._person_noun(w.text) for w in words if w.pos_ == "NOUN")):
                found, article = Span(words[-1].idx, words[0].idx + len(words[0].text)), t.idx
            break
        apposed = self._apposed_before(article)
        if apposed is not None:
            return Span(apposed.start, found.end if found else apposed.end)
        return found

    def _is_determiner(self, token) -> bool:
        """A determiner, or a preposition holding one: "du vainqueur", "des généraux"."""
        return token.pos_ == "DET" or token.pos_ == "ADP" and token.lower_ in self.words.determiners

    def _apposed_before(self, start: int) -> Span | None:
        """Words saying what a person is, before a comma right before `start`: "le maire de la
        ville, [M. Weber]" gives "maire de la ville," (without the article). They must open on a
        determiner and a noun of a person (`person_nouns.tsv`, a rank, a title or an office head),
        or they are a circumstance ("Dans la rue, M. Weber"); a name right after a noun is another
        person ("le colonel Arnaud, M. Weber")."""
        if self.doc is None or not self.text[:start].rstrip().endswith(","):
            return None
        comma = len(self.text[:start].rstrip()) - 1
        tokens = []
        for t in reversed(self._preceding_tokens(comma, MAX_ROLE_WORDS + 1)):
            if t.is_punct or t.pos_ not in ROLE_TAGS:
                break
            tokens.append(t)
            if t.is_sent_start:
                break
        tokens.reverse()
        for n, t in enumerate(tokens):
            if not self._is_determiner(t):
                continue
            rest = tokens[n + 1:]
            head = next((w for w in rest if w.pos_ != "ADJ"), None)
            if head is None or head.pos_ != "NOUN" or not self._person_noun(head.text):
                continue
            if any(w.pos_ == "PROPN" and w.text[:1].isupper() and p.pos_ in ("NOUN", "ADJ")
                   for p, w in zip(rest, rest[1:], strict=False)):
                return None
            return Span(rest[0].idx, comma + 1)
        return None

    def _person_noun(self, word: str) -> bool:
        word = fold(word).rsplit("-", 1)[-1]  # "vice-président", "ex-ministre"
        return word in self.words.person_nouns or word in self.lexicon.ranks or word in self.lexicon.office_heads

    def _role(self, cand: Candidate) -> Span | None:
        """An apposition after the name that says what the person is: "Jaurès, député du Tarn, …".
        Read on the words and their tags: the parse hangs appositions on the wrong word too often."""
        if self.doc is None or self.text[cand.end:cand.end + 2] != ", ":
            return None
        span = self.doc.char_span(cand.end + 2, min(len(self.text), cand.end + 200), alignment_mode="expand")
        if span is None:
            return None
        tokens = []
        closed = True  # the apposition ends at a punctuation mark or the sentence's end
        for t in span:
            if t.text == "-" and tokens and not tokens[-1].whitespace_ and not t.whitespace_:
                tokens.append(t)  # "secrétaire-adjoint" read as three words
                continue
            # A noun of a person the tagger read as a verb or an adjective ("X, interprète.") is one.
            trade = not tokens and self._person_noun(t.text) and t.text[:1].islower()
            if t.is_punct or (t.pos_ not in ROLE_TAGS and not trade) or t.is_sent_start:
                closed = t.is_punct or t.is_sent_start
                break
            if t.pos_ == "PROPN" and t.text[:1].isupper() and tokens and tokens[-1].pos_ in ("NOUN", "ADJ"):
                return None  # "Cotti, le président français Louis Martin": the words describe the next man
            tokens.append(t)
        if not closed and tokens and span[len(tokens)].pos_ in ("VERB", "AUX"):
            return None  # "les yeux de Diane, la jeune femme reprit": the subject of the next clause
        trade = bool(tokens) and tokens[0].text[:1].islower() and self._person_noun(tokens[0].text)
        content = [t for t in tokens if t.pos_ in ("NOUN", "ADJ") or trade and t is tokens[0]]
        if len(tokens) > 1 and tokens[0].pos_ == "ADJ" and tokens[1].pos_ == "ADP" and not trade:
            return None  # "Olano, superbe d'aisance": how he is, not what he is
        if not content or tokens[0].pos_ not in ("DET", "NOUN", "ADJ") and not trade or len(tokens) > MAX_ROLE_WORDS \
                or tokens[0].text[:1].isupper():
            return None  # "Poiret, Madeleine Vionnet": another name, not what Poiret is
        # A role has a noun for head: "Bismarck, modéré, …" says how he is, not what he is; an
        # adjective after a determiner is one ("un ardent révolutionnaire"), unless the words go on
        # past it ("le célèbre correspondant", the noun mistagged).
        if not trade and not any(t.pos_ == "NOUN" for t in content) and not (tokens[0].pos_ == "DET" and closed):
            return None
        while tokens and tokens[-1].pos_ in ("DET", "ADP", "CCONJ"):
            tokens.pop()
        return Span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))

    def _before_name(self, cand: Candidate) -> tuple[str, str, Span] | None:
        """What the words before a name make the person, read from the lexicon: ("rank", canonical,
        span) for a military or naval rank, ("title", canonical, span) for a civil title, of nobility
        or of the Church ("M.", "le prince"), ("role", canonical, span) for an office ("le ministre").
        A rank word after an office noun belongs to the office: "le procureur général X" holds the
        office "procureur général", not the rank "général". The span leaves the article out."""
        if cand.rank_span is None:
            return None
        start, end = cand.rank_span
        surface = self.text[start:end]
        canonical, kind = self.lexicon.rank(surface) or (cand.rank or surface, "rank")
        if re.search(rf"[ '’]{re.escape(canonical)}$", surface, re.IGNORECASE):
            start = end - len(canonical)  # "le prince" -> "prince", "l'impératrice" -> "impératrice"
        if kind == "rank":
            head = re.search(r"([\w’'-]+)[ \t]+$", self.text[max(0, start - 40):start])
            if head is not None and fold(head.group(1)) in self.lexicon.office_heads:
                office = Span(start - len(head.group(0)), end)
                return "role", _norm(self.text[office.start:office.end]), office
            return "rank", canonical, Span(start, end)
        return ("role" if kind == "office" else "title"), canonical, Span(start, end)

    def _entity(self, entity_id: str, kind: str, cands: list[Candidate]) -> Entity:
        texts = [self.text[c.start:c.end] for c in cands]
        written = [_norm(t) for t in texts]
        if kind in ("unit", "ship"):
            named = [c.attributes.get("name", "") for c in cands]
            name = max(named, key=len) or max(written, key=len)
        else:
            name = max(written, key=len)
        hull = next((c.attributes["hull"] for c in cands if c.attributes.get("hull")), None)
        abbreviation = next((c.attributes["abbreviation"] for c in cands if c.attributes.get("abbreviation")), None)
        aliases = [w for w in dict.fromkeys(written) if w != name]
        ranks: list[str] = []
        titles: list[str] = []
        mentions: list[Mention] = []
        for c in cands:
            before = self._before_name(c) if kind == "person" else None
            what, canonical, span = before if before is not None else ("", "", None)
            role = span if what == "role" else (self._role(c) if kind == "person" else None)
            mention = Mention(c.start, c.end, self.text[c.start:c.end],
                              self.text[span.start:span.end] if what == "rank" and span else None, role,
                              self._descriptor(span.start if span else c.start) if kind == "person" else None,
                              self.text[span.start:span.end] if what == "title" and span else None)
            mentions.append(mention)
            if what == "rank":
                ranks.append(canonical)
            elif what == "title":
                titles.append(canonical)
        ranks = list(dict.fromkeys(ranks))
        roles = [self.text[m.role.start:m.role.end] for m in mentions if m.role]
        return Entity(entity_id, kind, name, aliases, mentions, rank=ranks[0] if ranks else None, ranks=ranks,
                      role=" ".join(roles[0].split()) if roles else None, hull=hull, abbreviation=abbreviation,
                      title=titles[0] if titles else None)
