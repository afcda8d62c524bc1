"""Sentence starts that the layout makes sure of, set before the parser runs.

spaCy's French parser runs a sentence on over a paragraph break ("… est signée.\\n\\nPendant trois
ans, …" parses as one sentence) and over a line end after a sentence's final mark: the next
paragraph then hangs on the last one's verb, takes its subject, is grouped under its events. The
parser respects sentence starts set before it, so this component sets one at the first word after a
blank line, or after a line end that follows a sentence's final mark after a word of three
characters or more (not "M." nor an initial), when the next line opens on a capital, a quote or a
dash. A line end elsewhere is left to the parser: a hard-wrapped text breaks its lines in
mid-sentence.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language

NAME = "annales_breaks"
NO_BREAK_AFTER_WORD = re.compile(r"[ \t\u00a0\u202f]*")
FINAL_MARKS = frozenset(".!?…;:")
CAPITALS_OPENING = re.compile(r"(?:\w['’])?[^\W\d_a-zà-ÿ]{2,}\b")
# A sure sentence break, as the backbone also cuts its pieces at: a blank line, or a line end after a
# sentence's final mark (closing quotes or a bracket may follow it, after a space as French sets them)
# before a capital, an opening quote or a dash. A line opening on a figure ("1917 Vaux, janvier.") is
# more often an entry of a list the parser reads better whole.
SURE_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*"
                        r"|(?<=\w\w\w)[.!?…](?:[ \t\u00a0\u202f]*[»\"”’)])*[ \t]*\n\s*(?=[^\W\d_a-zà-ÿ]|[«\"“—–-])")


@Language.component(NAME)
def set_sure_breaks(doc: Any) -> Any:
    starts = {m.end() for m in SURE_BREAK.finditer(doc.text)}
    if starts:
        for token in doc:
            if token.idx in starts and token.i > 0:
                token.is_sent_start = True
    text = doc.text
    opening = False  # in the first sentence after a sure break
    for token in doc[1:]:
        if token.idx in starts:
            # not after a heading in capitals the text goes on from on its line ("L'ARTOIS (Mai
            # 1915-Février 1916) Fortement éprouvé …"), which the parser may cut where it will
            opening = not CAPITALS_OPENING.match(text, token.idx)
            continue
        if token.text in FINAL_MARKS:
            opening = False
        before = doc[token.i - 1]
        if opening and before.is_alpha and token.is_alpha and token.text[0].islower() \
                and NO_BREAK_AFTER_WORD.fullmatch(text[before.idx + len(before):token.idx]):
            # "Jean-Baptiste Kléber\n\nJean-Baptiste Kléber naît à Strasbourg": the parser, starting
            # after a heading, may cut the name off its verb; no sentence begins on a lower-case word
            # right after a word of its line
            token.is_sent_start = False
    return doc
