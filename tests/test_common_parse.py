"""The shortcuts to spaCy's parse give what spaCy gives: the root of a span, the sentence of a token."""

from __future__ import annotations

from annales.common.parse import TokenSentences, answered_once, release, span_root

TEXT = ("Le 3 mars 1915, le bataillon quitta Verdun ; le lendemain, vers 8 heures, il atteignit la ferme de la "
        "Cote, puis, le 5 mars, les 12 et 13 avril, il se reposa enfin à Bar. Rien à signaler. Le colonel "
        "Marchand écrivit : « Nous tenons. » Puis le 143e R. I. reprit le pont, le 9 mai 1915 à l'aube.\n\n"
        "Le registre cite, dans cet ordre, le 4 juin 1850, le 7 juillet 1851, le 2 août 1852 et le 9 mai 1853.")


def test_the_root_of_every_short_span_is_the_one_spacy_gives(context) -> None:
    doc = context.parse(TEXT)
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 8, len(doc)) + 1):
            span = doc[start:end]
            assert span_root(span).i == span.root.i, span.text


def test_the_root_of_a_whole_sentence_is_the_one_spacy_gives(context) -> None:
    doc = context.parse(TEXT)
    for sentence in doc.sents:
        assert span_root(sentence).i == sentence.root.i


def test_the_sentence_of_every_token_is_the_one_spacy_gives(context) -> None:
    doc = context.parse(TEXT)
    sentences = TokenSentences(doc)
    assert len(sentences.starts) > 3
    for token in doc:
        expected = token.sent
        assert sentences.bounds(token.i) == (expected.start, expected.end)
        found = sentences.of(token.i)
        assert (found.start_char, found.end_char) == (expected.start_char, expected.end_char)


def test_a_question_is_answered_once_per_token_and_setting(context) -> None:
    asked: list[tuple[int, str]] = []

    @answered_once
    def length(token, language: str) -> int:
        asked.append((token.i, language))
        return len(token.text)

    doc = context.parse("Le régiment quitte Valmy.")
    assert [length(t, "fr") for t in doc] == [length(t, "fr") for t in doc] == [2, 8, 6, 5, 1]
    assert length(doc[1], "de") == 8
    assert asked == [(i, "fr") for i in range(5)] + [(1, "de")]
    release()  # a new Doc, or the same after its readings are let go, is asked anew
    assert length(doc[1], "fr") == 8 and asked[-1] == (1, "fr")
