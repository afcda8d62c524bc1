"""When events happened: own dates, the sentence's dates, the story's time carried forward, and in
news the day of writing."""

from __future__ import annotations

from dataclasses import dataclass

from annales.context import Context
from annales.events.dating import Breaks, Dated, Dating, first_above, own_timexes, tense_of
from annales.model import Analysis, Event
from annales.pipeline import analyze


def _event(analysis: Analysis, word: str) -> Event:
    return next(e for e in analysis.events if e.trigger.text == word)


def _date(analysis: Analysis, word: str) -> str | None:
    event = _event(analysis, word)
    return event.date.value if event.date else None


# A local paper of 20 May 1999: "hier" is read from the day of writing, so the text is news.
NEWS = ("Le maire a inauguré hier la nouvelle bibliothèque de la commune. Il a remercié les donateurs.\n"
        "Le conseil municipal a voté une subvention pour les écoles. Les travaux commencent dans le quartier. "
        "La salle ouvrira ses portes aux lecteurs.")


def test_news_event_in_the_passe_compose_goes_on_with_the_date_of_its_paragraph(context: Context) -> None:
    analysis = analyze(NEWS, "1999-05-20", context=context)
    assert _date(analysis, "inauguré") == "1999-05-19"
    thanks = _event(analysis, "remercié")
    assert thanks.date is not None and thanks.date.value == "1999-05-19" and thanks.time_inferred


def test_news_event_without_a_date_in_its_paragraph_is_at_the_day_of_writing(context: Context) -> None:
    analysis = analyze(NEWS, "1999-05-20", context=context)
    vote = _event(analysis, "voté")
    assert vote.date is not None and vote.date.value == "1999-05-20" and vote.time_inferred
    assert vote.time is None  # no timex of the text says it: the publication date does
    assert _date(analysis, "commencent") == "1999-05-20"  # the present of news is the day of writing


def test_news_event_in_the_future_is_not_placed_at_a_past_date(context: Context) -> None:
    analysis = analyze(NEWS, "1999-05-20", context=context)
    assert _event(analysis, "ouvrira").date is None
    told = analyze("Le ministre a annoncé hier qu'il démissionnera.", "1999-05-20", context=context)
    assert _date(told, "annoncé") == "1999-05-19"
    assert _event(told, "démissionnera").date is None  # not the day of the announcement


def test_news_keeps_the_historians_future_at_its_date(context: Context) -> None:
    text = "Le musée a ouvert hier une exposition. On y apprend que Napoléon sera exilé en 1815."
    analysis = analyze(text, "1999-05-20", context=context)
    assert _date(analysis, "exilé") == "1815"


def test_news_reporting_a_past_in_the_conditional_keeps_its_date(context: Context) -> None:
    analysis = analyze("Le directeur aurait démissionné hier, selon le syndicat. Il devrait quitter la ville.",
                       "1999-05-20", context=context)
    assert _date(analysis, "démissionné") == "1999-05-19"  # a reported past, not a future
    assert _event(analysis, "quitter").date is None  # a simple conditional looks forward


def test_news_now_is_the_day_of_writing(context: Context) -> None:
    analysis = analyze("Le village accueille désormais deux écoles, a annoncé hier le maire.", "1999-05-20",
                       context=context)
    welcome = _event(analysis, "accueille")
    assert welcome.date is not None and welcome.date.value == "1999-05-20" and not welcome.time_inferred


# A regimental history published a century later: the publication date is not the story's present.
HISTORY = ("Le 3 août 1914, le régiment quitte la caserne. Il traverse la ville sous les acclamations.\n"
           "Les soldats chantent dans les wagons. Le lendemain, il débarque à Toul.")


def test_a_history_carries_the_story_date_forward_across_paragraphs(context: Context) -> None:
    for dct in ("2014-11-11", None):
        analysis = analyze(HISTORY, dct, context=context)
        assert _date(analysis, "quitte") == "1914-08-03"
        for word in ("traverse", "chantent"):  # the present of a story told in the present
            event = _event(analysis, word)
            assert event.date is not None and event.date.value == "1914-08-03" and event.time_inferred, (dct, word)
        assert _date(analysis, "débarque") == "1914-08-04"


def test_a_story_long_before_the_day_of_writing_goes_on_in_news(context: Context) -> None:
    # Published in 1920 with "hier" read from that day: news to the time layer, but the story told is
    # six years older, and its passé composé goes on with it rather than jump to the publication date.
    text = ("Le 3 août 1914, le régiment quitte la caserne. Il traverse la ville sous les acclamations.\n"
            "Les soldats ont chanté dans les wagons.\n"
            "Ses anciens se sont réunis hier à la caserne.")
    analysis = analyze(text, "1920-06-01", context=context)
    assert _date(analysis, "chanté") == "1914-08-03"
    assert _date(analysis, "réunis") == "1920-05-31"


def test_a_story_told_in_the_present_in_news_goes_on_in_its_paragraph(context: Context) -> None:
    text = ("Samedi soir, l'association reçoit les familles à la salle. Les musiciens jouent des valses.\n"
            "L'association remercie les bénévoles.")
    analysis = analyze(text, "1999-05-18", context=context)
    party = _date(analysis, "reçoit")
    assert party is not None and party.startswith("1999-05-")
    assert _date(analysis, "jouent") == party
    assert _date(analysis, "remercie") == "1999-05-18"  # another paragraph: the day of writing


def _dated(analysis: Analysis, word: str, events: tuple[str, ...]) -> Dated | None:
    """The date of `word` when `events` are the text's events: dating alone, whatever detection finds."""
    tokens = {t.text: t for t in analysis.doc}
    return Dating(analysis, analysis.doc, {tokens[w].i for w in events}).of(tokens[word])


def test_an_event_in_a_participial_clause_takes_its_own_date(context: Context) -> None:
    text = ("Le 12 septembre 1914, le régiment attaque la ferme.\n"
            "Le colonel Dupuis, tué le 14 septembre, est remplacé par le commandant Martin.")
    analysis = analyze(text, context=context)
    events = ("attaque", "tué", "remplacé")
    killed = _dated(analysis, "tué", events)
    assert killed is not None and killed.date.value == "1914-09-14" and not killed.inferred
    replaced = _dated(analysis, "remplacé", events)
    assert replaced is not None and replaced.inferred  # the participle's date is not the main verb's own


def test_a_participle_that_is_no_event_keeps_its_date_from_the_main_verb(context: Context) -> None:
    text = "Le colonel Dupuis, tué le 14 septembre 1914, est remplacé par le commandant Martin."
    analysis = analyze(text, context=context)
    doc = analysis.doc
    main = next(t.i for t in doc if t.text == "remplacé")
    own, loose = own_timexes(doc, analysis.timexes, {main})  # as if the participle were no event
    assert main not in own
    assert loose == []  # nor is the date the sentence's: it is the participle's


def test_the_most_precise_own_date_wins_down_to_the_hour(context: Context) -> None:
    text = "Un cycliste a été relevé lundi vers 18 h 30 et conduit à la clinique."
    analysis = analyze(text, "1999-05-20", context=context)
    assert _date(analysis, "relevé") == "1999-05-17T18:30"
    assert _date(analysis, "conduit") == "1999-05-17T18:30"


def test_a_date_of_the_sentence_dates_an_event_the_parse_does_not_reach(context: Context) -> None:
    # The parser cuts "C'est le 14 juillet | que la commune tirera …" in two, the date a root of its own.
    analysis = analyze("C'est le 14 juillet que la commune tirera son feu d'artifice.", "1999-07-01",
                       context=context)
    fireworks = _dated(analysis, "tirera", ("tirera",))
    assert fireworks is not None and fireworks.date.value == "1999-07-14" and not fireworks.inferred


def test_a_date_tied_to_a_noun_that_names_no_event_dates_nothing(context: Context) -> None:
    text = "Le 5 mars 1920, le député défend la loi du 28 février 1912 devant la Chambre."
    analysis = analyze(text, context=context)
    assert _date(analysis, "défend") == "1920-03-05"


def test_a_modal_takes_the_date_of_the_event_it_governs(context: Context) -> None:
    analysis = analyze("Le maire devrait en faire la présentation publique demain.", "1999-07-09", context=context)
    # "faire" is no event here: the presentation is, and the modal's time is the presentation's.
    modal = _dated(analysis, "devrait", ("devrait", "présentation"))
    assert modal is not None and modal.date.value == "1999-07-10" and not modal.inferred
    analysis = analyze("Le blessé a dû être évacué hier soir.", "1999-05-21", context=context)
    for word in ("dû", "évacué"):  # "a dû" is a past: the future "doit partir" makes is not its
        event = _dated(analysis, word, ("dû", "évacué"))
        assert event is not None and event.date.value == "1999-05-20TEV" and not event.inferred, word


def test_a_date_of_a_noun_phrase_times_the_event_noun_in_it(context: Context) -> None:
    # The parser hangs "en 1912" on "rescapé", a noun that names no event: the shipwreck told
    # between them is what the date times, not the telling.
    analysis = analyze("Le rescapé du naufrage du navire en 1912 raconte sa vie.", context=context)
    wreck = _dated(analysis, "naufrage", ("naufrage", "raconte"))
    assert wreck is not None and wreck.date.value == "1912" and not wreck.inferred
    telling = _dated(analysis, "raconte", ("naufrage", "raconte"))
    assert telling is None or telling.inferred


def test_tense_of_a_noun_is_that_of_its_verb(context: Context) -> None:
    analysis = analyze("Les habitants ont fêté la libération de la ville.", context=context)
    doc = analysis.doc
    by_text = {t.text: t for t in doc}
    assert tense_of(by_text["fêté"], "fr") == "perfect"
    assert tense_of(by_text["libération"], "fr") == "perfect"


def test_breaks_are_sentence_ends_and_blank_lines_not_wrapped_lines() -> None:
    text = "L'incendie date de 1998.\nLe gardien témoigne\ndevant le juge.\n\nFin"
    breaks = Breaks(text)
    first, wrapped, after_blank = text.index("Le gardien"), text.index("devant"), text.index("Fin")
    assert breaks.unit(0) != breaks.unit(first)
    assert breaks.unit(first) == breaks.unit(wrapped)  # a line wrapped inside a sentence is one sentence
    assert breaks.unit(wrapped) != breaks.unit(after_blank)


@dataclass
class _Token:
    """Just what first_above reads of a spaCy token."""

    i: int
    idx: int
    head: _Token | None = None

    def __post_init__(self) -> None:
        self.head = self.head or self


def test_a_date_never_climbs_to_a_verb_of_the_next_sentence() -> None:
    # Say the parser ran "… le 2 mars 1998.\nLe gardien témoignait hier …" into one sentence: the
    # date of the first would hang under the verb of the second.
    text = "L'incendie s'est déclaré le 2 mars 1998.\nLe gardien témoignait hier."
    verb = _Token(1, text.index("témoignait"))
    date = _Token(0, text.index("2 mars"), verb)
    assert first_above(date, {1}, {}) == 1
    assert first_above(date, {1}, {}, Breaks(text)) is None


# A memoir that never writes a year: its days are known to the month and day only.
YEARLESS_MEMOIR = ("Le 9 avril, à l'aube, la foule monta vers la place du marché.\n\n"
                   "Les gendarmes reculèrent devant elle sans tirer.\n\n"
                   "Le maire fut arrêté sur les marches de l'hôtel de ville.")


def test_a_memoir_without_a_year_carries_its_day_forward(context: Context) -> None:
    # "à l'aube" is that day's dawn, as it would be with a year ("1871-04-09TMO").
    analysis = analyze(YEARLESS_MEMOIR, None, context=context)
    assert _date(analysis, "monta") == "XXXX-04-09TMO"
    for word in ("reculèrent", "arrêté"):
        event = _event(analysis, word)
        assert event.date is not None and event.date.value == "XXXX-04-09TMO" and event.time_inferred


def test_a_day_without_a_year_never_takes_over_a_story_with_years(context: Context) -> None:
    text = ("Le 3 mai 1871, la troupe entra dans la ville.\n\n"
            "On fêtait autrefois le 15 août sur cette place.\n\n"
            "Les soldats occupèrent la mairie.")
    analysis = analyze(text, None, context=context)
    occupied = _event(analysis, "occupèrent")
    assert occupied.date is not None and occupied.date.value.startswith("1871")


# A newspaper of 1902 printing a soldier's diary of 1870: the entries' presents are their days.
DIARY_IN_NEWS = ("Nous publions cette semaine des extraits du carnet d'un soldat, tous d'août 1870. "
                 "12 août. — Nous marchons vers la Moselle. Le capitaine a rejoint la compagnie. "
                 "14 août. — Le bataillon s'empare du village. Nous perdons vingt hommes.")


def test_a_diary_entry_headed_by_its_day_keeps_its_presents_on_that_day(context: Context) -> None:
    analysis = analyze(DIARY_IN_NEWS, "1902-03-04", context=context)
    assert _date(analysis, "marchons") == "1870-08-12"
    assert _date(analysis, "rejoint") == "1870-08-12"
    assert _date(analysis, "empare") == "1870-08-14"
    assert _date(analysis, "perdons") == "1870-08-14"


def test_a_present_after_a_date_in_a_sentence_is_still_the_writers(context: Context) -> None:
    text = ("Le libraire a fêté hier ses soixante ans. En 1995, il a ouvert une boutique rue Carnot. "
            "Il vend des journaux et des livres.")
    analysis = analyze(text, "1999-05-20", context=context)
    assert _date(analysis, "vend") == "1999-05-20"


# A war diary: an entry's verbless line is the entry, not a heading of the lines below it.
MARCH_LOG = ("Août 1914\n"
             "6 août. — Repos. Arrivée du colonel.\n"
             "La nuit du 6 au 7 se passe sans incident.\n"
             "2 septembre. — Alerte à 3 heures. Départ pour Nancy.\n"
             "Le lendemain, le bataillon occupe les tranchées.")


def test_a_dated_line_without_a_verb_keeps_its_own_date(context: Context) -> None:
    analysis = analyze(MARCH_LOG, None, context=context)
    assert _date(analysis, "Arrivée") == "1914-08-06"
    departures = [e for e in analysis.events if e.trigger.text == "Départ"]
    assert departures and departures[0].date is not None and departures[0].date.value.startswith("1914-09-02")


# A paper of 20 October 1902 printing a diary of 1870, then the day's dispatches about it.
DIARY_THEN_DISPATCH = ("Nous publions des extraits du carnet d'un officier, tous d'octobre 1870.\n"
                       "12 octobre. — Nous marchons vers la Loire. Le capitaine rejoint la compagnie.\n"
                       "Vienne, 18 octobre. Les journaux autrichiens commentent longuement ce carnet. "
                       "Le ministre a déclaré qu'il le tenait pour authentique.")


def test_a_dispatch_dated_shortly_before_the_paper_is_of_the_papers_year(context: Context) -> None:
    analysis = analyze(DIARY_THEN_DISPATCH, "1902-10-20", context=context)
    values = {t.text: t.value for t in analysis.timexes}
    assert values["18 octobre"] == "1902-10-18" and values["12 octobre"] == "1870-10-12"
    assert _date(analysis, "commentent") == "1902-10-18"
    assert _date(analysis, "déclaré") == "1902-10-18"
    assert _date(analysis, "marchons") == "1870-10-12"  # the diary keeps its year


def test_a_dateline_long_before_the_paper_stays_in_the_story(context: Context) -> None:
    # Two months before the paper: no dispatch of the day, a place and day of the diary itself.
    analysis = analyze(DIARY_THEN_DISPATCH, "1902-12-20", context=context)
    assert {t.text: t.value for t in analysis.timexes}["18 octobre"] == "1870-10-18"


def test_a_date_on_a_verb_that_is_no_event_dates_the_event_it_governs(context: Context) -> None:
    # "fit imprimer": the causative is no event; its date is the printing's, also in a reported clause
    analysis = analyze("Le Courrier de Nyon assure de source sûre qu'en 1873 le prince fit imprimer douze "
                       "exemplaires de ce carnet.", "1888-09-25", context=context)
    assert _date(analysis, "imprimer") == "1873"


def test_a_date_after_a_colon_stays_in_its_clause(context: Context) -> None:
    # A parse hanging "en 1921" on a causative clause before the colon: the date is what follows it,
    # not the infinitive's the causative governs (a date on the causative's side of the colon is).
    from spacy.tokens import Doc

    from annales.model import Timex

    def own_of(words: list[str], heads: list[int], deps: list[str], pos: list[str], date: int,
               trigger: int) -> Timex | None:
        doc = Doc(context.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
        timex = Timex("t1", doc[date].idx, doc[date].idx + len(doc[date]), doc[date].text, "DATE", doc[date].text)
        return own_timexes(doc, [timex], {trigger})[0].get(trigger)

    # "il dit que ces noms me font frémir : en 1921, …"
    words = ["il", "dit", "que", "ces", "noms", "me", "font", "frémir", ":", "en", "1921"]
    heads = [1, 1, 6, 4, 6, 6, 1, 6, 6, 10, 6]
    deps = ["nsubj", "ROOT", "mark", "det", "nsubj", "iobj", "ccomp", "xcomp", "punct", "case", "obl:mod"]
    pos = ["PRON", "VERB", "SCONJ", "DET", "NOUN", "PRON", "VERB", "VERB", "PUNCT", "ADP", "NUM"]
    assert own_of(words, heads, deps, pos, 10, 7) is None
    # "il dit qu'en 1921 ces noms le font frémir"
    words = ["il", "dit", "qu'", "en", "1921", "ces", "noms", "le", "font", "frémir"]
    heads = [1, 1, 8, 4, 8, 6, 8, 8, 1, 8]
    deps = ["nsubj", "ROOT", "mark", "case", "obl:mod", "det", "nsubj", "obj", "ccomp", "xcomp"]
    pos = ["PRON", "VERB", "SCONJ", "ADP", "NUM", "DET", "NOUN", "PRON", "VERB", "VERB"]
    assert own_of(words, heads, deps, pos, 4, 9) is not None


def test_an_event_counted_from_an_undated_happening_is_at_the_storys_time(context: Context) -> None:
    # "Quelques jours après la reddition": the time layer cannot date the surrender; the event is told
    # at the story's time (inferred), as an event without a date is, not left unresolved
    analysis = analyze("Le 9 mars 1760, la garnison capitule. Quelques jours après la reddition, Lévis rentre "
                       "à Québec.", context=context)
    back = _event(analysis, "rentre")
    assert back.date is not None and back.date.value == "1760-03-09" and back.time_inferred


def test_a_date_hung_on_an_object_by_en_dates_the_verb(context: Context) -> None:
    # The parser hangs "en août 1870" on the object; no noun takes its time by "en" ("la révolte
    # de 1848", never "la révolte en 1848"), so the date is the clause's.
    text = ("En 1869, l'empereur réunit ses ministres. "
            "Les troupes prussiennes occupent les départements lorrains en août 1870.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "occupent") == "1870-08"


def test_a_date_tied_to_a_noun_by_de_stays_the_nouns(context: Context) -> None:
    text = "En 1905, le député défend la loi de 1882 devant la Chambre."
    analysis = analyze(text, context=context)
    assert _date(analysis, "défend") == "1905"


def test_a_date_among_the_subjects_words_is_said_of_the_subject(context: Context) -> None:
    # Before its verb, set in apposition to the subject, the date tells who the man is, not when
    # he was arrested.
    text = "Le 3 mai 1999, Pierre Durand, le trésorier du club en 1975, a été arrêté à Lyon."
    analysis = analyze(text, context=context)
    assert _date(analysis, "arrêté") == "1999-05-03"


def test_a_clock_time_after_an_object_times_the_verb_unless_the_noun_names_a_time(context: Context) -> None:
    text = "Le 11 novembre 1920, la foule observe une minute de silence à 11 heures."
    assert _date(analyze(text, context=context), "observe") == "1920-11-11T11:00"
    text = ("Au printemps 1943, les Alliés choisissent le principe du débarquement et fixent une date au mois "
            "de mai de l'année suivante.")
    assert _date(analyze(text, context=context), "fixent") == "1943-SP"  # the date's value, not the choice's


# Session 24: news sentences of our own, a paper of Wednesday 22 May 2002.
WEDNESDAY = "2002-05-22"


def test_a_bare_participle_keeps_its_own_past_date_in_a_future_sentence(context: Context) -> None:
    analysis = analyze("Hier, le club a annoncé que l'avant-centre, opéré le 2 avril au genou, rejouerait "
                       "samedi.", WEDNESDAY, context=context)
    assert _date(analysis, "opéré") == "2002-04-02"


def test_a_participle_read_as_a_noun_heading_a_clause_is_an_event_with_its_date(context: Context) -> None:
    analysis = analyze("Arrêté le 3 mars à Lille, le fugitif a été conduit hier devant le juge.", WEDNESDAY,
                       context=context)
    assert _date(analysis, "Arrêté") == "2002-03-03"


def test_a_participle_of_another_gender_does_not_date_the_event_noun(context: Context) -> None:
    analysis = analyze("La restauration du château, abandonné depuis 1986, est attendue pour le 1er juillet.",
                       WEDNESDAY, context=context)
    assert _date(analysis, "abandonné") == "1986"
    assert _date(analysis, "restauration") != "1986"


def test_a_perfect_infinitive_lends_no_date_to_the_verb_governing_it(context: Context) -> None:
    analysis = analyze("Entendu mardi par la police, le comptable a admis avoir détourné des fonds en 1999.",
                       WEDNESDAY, context=context)
    assert _date(analysis, "détourné") == "1999"
    assert _date(analysis, "admis") != "1999"


def test_a_future_predicate_is_not_placed_at_the_past_day_told_before(context: Context) -> None:
    analysis = analyze("Un orage a éclaté dans la nuit de lundi à mardi. La fusion des deux communes sera "
                       "effective.", WEDNESDAY, context=context)
    assert _date(analysis, "effective") is None


def test_the_day_a_plan_is_put_off_to_lies_ahead_whatever_the_verbs_tense(context: Context) -> None:
    analysis = analyze("La direction a repoussé l'inauguration au 3 juin.", WEDNESDAY, context=context)
    assert _date(analysis, "inauguration") == "2002-06-03"


def test_participles_opening_a_news_sentence_do_not_date_its_verb(context: Context) -> None:
    analysis = analyze("Hier, la séance a été houleuse. Nommé en 1997, confirmé en 2000, le directeur a annoncé "
                       "son départ.", WEDNESDAY, context=context)
    announced = _event(analysis, "annoncé")
    assert announced.date is not None and announced.date.value.startswith("2002-05")  # not 1997, not 2000


def test_a_date_qualifying_an_event_noun_is_not_read_in_the_future_of_its_clause(context: Context) -> None:
    analysis = analyze("Les victimes de l'incendie de lundi seront inhumées samedi.", WEDNESDAY, context=context)
    assert _date(analysis, "incendie") == "2002-05-20"  # the Monday just gone, not the coming one
    assert _date(analysis, "inhumées") == "2002-05-25"


def test_an_event_noun_takes_the_date_of_what_its_subject_relative_tells_it_did(context: Context) -> None:
    analysis = analyze("Un mois de pluie a précédé le drame. L'incendie qui a ravagé l'entrepôt samedi a fait "
                       "trois blessés.", WEDNESDAY, context=context)
    assert _date(analysis, "incendie") == "2002-05-18"


def test_a_clause_with_a_subject_of_its_own_lends_no_date_to_the_event_noun(context: Context) -> None:
    analysis = analyze("La fraude que l'inspecteur a signalée lundi avait eu lieu en mars.", WEDNESDAY,
                       context=context)
    assert _date(analysis, "signalée") == "2002-05-20"
    assert _date(analysis, "fraude") == "2002-03"


def test_a_date_right_after_an_opening_participle_is_its_clauses(context: Context) -> None:
    # A heading line before it: the parser cuts the participle off as a sentence of its own and hangs
    # the date on the main verb.
    text = ("Le 5 septembre 1914, la compagnie repousse trois assauts.\n\nII. — EN ARTOIS\n\n"
            "Relevé le 28 septembre, le bataillon est transporté dans le Nord.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "Relevé") == "1914-09-28"  # not the 5th, the day before the heading


def test_a_period_hung_on_a_noun_times_the_clause(context: Context) -> None:
    analysis = analyze("Né en 1760, il sert dans la marine hollandaise de 1778 à 1784.", context=context)
    assert _date(analysis, "sert") == "1778"
    kept = analyze("La guerre de 1870 ruina la région.", context=context)
    assert _date(kept, "guerre") == "1870"  # a single year still the noun's


def test_an_event_noun_a_present_recalls_keeps_the_storys_time(context: Context) -> None:
    analysis = analyze("Le 3 mai 1916, le bataillon attaqua le fort. Aujourd'hui, une plaque rappelle le combat.",
                       context=context)
    assert _date(analysis, "combat") == "1916-05-03"  # not the narrator's present
