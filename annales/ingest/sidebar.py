"""Find boxed asides: a heading, then paragraph(s) set in years the narrative has left behind.

Magazines break an account with a box ("The raid of 1942" inside a story of 1943). The
narrative year is taken as the latest explicit year of the nearest paragraphs before the
heading: stories move forward, and an older year there is a look back. An aside is a
paragraph right after a heading that opens on its own time: the years of its first sentence
all fall at least a year before the narrative year, and so do at least half of its years (a
box may end by tying back to the main story). More text must follow: the story goes on.
A year met only later in a paragraph is a passing mention, not a setting.
Years are read with a plain regex, and only after a cue word or a month name, so that counts
("1122 hommes") are not taken for years.
"""

from __future__ import annotations

import re
from collections import deque
from functools import cache

from annales.common.first_chars import with_lookahead
from annales.common.resources import column_values
from annales.common.resources import literal_alternation as alternation
from annales.ingest.bylines import month_numbers
from annales.ingest.lines import Block

DATES_FILE = "dates.tsv"
CONTEXT_PARAGRAPHS = 3  # year-bearing paragraphs read before the heading
MIN_GAP_YEARS = 1


@cache
def _year_pattern(language: str) -> re.Pattern[str]:
    cues = [word for word, _ in column_values(language, "ingest", DATES_FILE, "year-cue", 3)]
    cues += list(month_numbers(language))
    return re.compile(with_lookahead(rf"(?<!\w)(?i:{alternation(cues)})\s*(?P<year>1\d{{3}}|20\d{{2}})(?!\d|[.,]\d)"))


_FIRST_SENTENCE = re.compile(r"^.*?[.!?…](?=\s+[A-ZÀ-Þ«\"“])|^.*$", re.DOTALL)


_YEAR = re.compile(r"(?<!\d)(?:1\d{3}|20\d{2})(?!\d|[.,]\d)")


def years_in(text: str, language: str) -> list[int]:
    """The years written after a cue word ("en 1917", "mars 1918"). The digits are looked for
    first: most paragraphs have none, and the cues' pattern is then never run."""
    if _YEAR.search(text) is None:
        return []
    return [int(m.group("year")) for m in _year_pattern(language).finditer(text)]


def is_aside(text: str, narrative_year: int, language: str) -> bool:
    match = _FIRST_SENTENCE.match(text)
    opening = years_in(match.group(), language) if match else []
    every = years_in(text, language)
    earlier = [y for y in every if y <= narrative_year - MIN_GAP_YEARS]
    return (bool(opening) and max(opening) <= narrative_year - MIN_GAP_YEARS
            and 2 * len(earlier) >= len(every))


def sidebar_runs(blocks: list[Block], headings: set[int], skip: set[int], language: str) -> list[tuple[int, int]]:
    """(heading, last aside block) index pairs. `skip`: debris, quotes and the like."""
    years = [[] if i in skip else years_in(block.text, language) for i, block in enumerate(blocks)]
    out = []
    recent: deque[list[int]] = deque(maxlen=CONTEXT_PARAGRAPHS)  # years of the last paragraphs
    for h in range(len(blocks)):
        if h not in headings:
            if years[h]:
                recent.append(years[h])
            continue
        if not recent:
            continue
        narrative_year = max(y for found in recent for y in found)
        last = None
        j = h + 1
        while (j < len(blocks) and j not in headings and j not in skip
               and is_aside(blocks[j].text, narrative_year, language)):
            last = j
            j += 1
        goes_on = j < len(blocks) and j not in skip
        if last is not None and goes_on:
            out.append((h, last))
    return out
