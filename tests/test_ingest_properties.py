"""Whatever the text, the ingest stages never raise and every region lies inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annales.context import Context
from annales.ingest.dct import find_publication_date
from annales.ingest.language import check_language
from annales.ingest.regions import mark_regions
from annales.model import Analysis

PIECES = st.sampled_from([
    "\n", "\n\n", "\r\n", " ", "Accueil > Histoire > ", "Un message, un commentaire ?", "Qui êtes-vous ?",
    "lundi 23 juillet 2012, par Jeanne Roy", "En août 1942, ", "4 canons de 75 mm", "- une ligne ;",
    "Colonel Jean Dupuy", "« Tenez bon ! »", "Le siège", "1943", "…", "lisez mon dernier livre",
    "Les troupes avancent vers le fleuve malgré la pluie.",
])
MIXED = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join)
TEXTS = st.one_of(st.text(max_size=400), MIXED)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_ingest_stages_never_raise_and_regions_fit(text: str) -> None:
    analysis = Analysis(id="h", text=text, language="fr")
    context = Context()
    mark_regions(analysis, context)
    find_publication_date(analysis, context)
    check_language(analysis, context)
    for region in analysis.regions:
        assert 0 <= region.start < region.end <= len(text)
    if analysis.dct is not None:
        assert analysis.dct.origin == "byline"
