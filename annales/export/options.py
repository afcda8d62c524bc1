"""What a user may ask of every exporter, passed to each `write` as one `ExportOptions`.

One object rather than keyword arguments per format: the command line and the batch writer hand the
same options to whichever format was chosen, and a format ignores what does not concern it (the
JSON formats always keep every event: they are the contract, not a view).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportOptions:
    # False: the chronology, CSV and TimelineJS views list the happenings only (factual occurrences,
    # annales.common.events.is_happening); True: every event, with what keeps it from being one.
    all_events: bool = False


DEFAULT_OPTIONS = ExportOptions()
