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
    return doc
