"""The coreference pass the events read ("il", "le régiment", "le 9e"): one implementation, shared with
the quotes layer, in `annales.common.coreference`."""

from annales.common.coreference import Reference, resolve_references

__all__ = ["Reference", "resolve_references"]
