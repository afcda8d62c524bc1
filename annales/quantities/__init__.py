"""How many: figures, what they count or measure, and whose strength they are.

`tag_quantities` fills `analysis.quantities` with one `Quantity` per figure, ids "q1", "q2", … in
text order. Representation:

- `value`: an int when whole, else a float ("1,50 mètre" → 1.5); digits with French (spaces,
  U+00A0, U+202F) or English (commas) grouping, number words read by text2num, and a collective
  multiplied out ("deux centaines" → 200). None when the text gives no figure ("plusieurs milliers").
- `approx`: True whenever the figure is not given as exact: an approximation ("près de",
  "environ", "une centaine"), a bound ("plus de", "à peine"), or a vague collective.
- `comparator`: "about" (approximation), "more-than" (at least: "plus de", "au moins"),
  "less-than" (at most: "moins de", "à peine", "jusqu'à"), or None. Vague collectives have None.
- Percentages keep the written figure with `unit` "%" ("quatre-vingt pour cent" → 80); fractions
  are a proportion with `unit` "fraction" ("les deux tiers" → 0.6667, "plus du quart" → 0.25).
- `unit`: the symbol of a unit of measure (units.tsv); a measure is not a count, so "4 canons de
  203 mm" gives two quantities: 4 counted "canons", and 203 in "mm".
- `counted`: the noun counted, as written, lower-cased ("porte-avions", "tués").
- `of_entity`: the unit entity whose strength the figure is (see `strength.py`).
- The extent (`start`, `end`, `text`) covers the approximation words and the figure with its
  percent, collective or fraction words ("près de 200", "une centaine"), not the counted noun.

Not quantities: ordinals ("15e", "dix-septième"); any number inside a timex (dates, times, and
durations too: "trois jours" belongs to the time layer) or inside an entity mention ("6e force",
"BB-46"); designations (hull numbers, "M4", "Red 1", "page 12"); four plain digits that look like
a year and count nothing; "un"/"une" alone (an article) unless before a unit of measure;
capitalised number words inside a sentence ("le Conseil des Cinq-Cents"); boilerplate regions.
"""

from __future__ import annotations

from annales.common.index import TokenIndex
from annales.context import Context, stage
from annales.model import Analysis, Quantity, make_id
from annales.quantities.describe import describe
from annales.quantities.filters import Filters
from annales.quantities.recognise import find_candidates
from annales.quantities.strength import StrengthLinker

__all__ = ["tag_quantities", "find_quantities"]


def find_quantities(analysis: Analysis) -> list[Quantity]:
    text, language = analysis.text, analysis.language
    filters = Filters(analysis)
    tokens = TokenIndex(analysis.doc)
    linker = StrengthLinker(analysis)
    quantities: list[Quantity] = []
    for c in find_candidates(text, language):
        if not filters.keep(c, tokens):
            continue
        description = describe(text, c.end, tokens, language)
        unit = c.unit or description.unit
        if c.article_only and description.unit is None:
            continue
        if c.bare_year and description.counted is None and unit is None:
            continue
        if filters.temporal(description.counted):
            continue
        approx, comparator = c.approx, c.comparator
        if c.value is not None and not approx and filters.approximate_after(c.end, description.end):
            approx, comparator = True, "about"  # "200 hommes environ"
        counted_end = description.end if description.counted else None
        quantities.append(Quantity(
            id=make_id("quantity", len(quantities) + 1), start=c.start, end=c.end, text=text[c.start:c.end],
            value=c.value, approx=approx, comparator=comparator, counted=description.counted, unit=unit,
            of_entity=linker.link(c.start, counted_end, description.counted)))
    return quantities


@stage("quantities", reads=("text", "language", "regions", "doc", "timexes", "entities"), adds=("quantities",),
       resources="quantities")
def tag_quantities(analysis: Analysis, context: Context) -> None:
    analysis.quantities = find_quantities(analysis)
