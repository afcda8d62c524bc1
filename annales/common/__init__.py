"""Helpers every layer may use: resource loading, text normalisation, quotation spans, tense,
span merging, indexes. This package sits below the stages and imports none of them."""
