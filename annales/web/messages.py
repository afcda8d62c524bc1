"""The French wording of the workbench's codes (finding kinds, severities, anchorings, entity
types, roles), read from annales/resources/fr/web/messages.tsv. The English stays in the data."""

from __future__ import annotations

from functools import cache

from annales.common.resources import load_rows


@cache
def _table() -> dict[tuple[str, str], str]:
    return {(kind, code): text for kind, code, text in load_rows("fr", "web", "messages.tsv", 3)}


def french(group: str, code: str | None) -> str:
    """The French text of `code` in `group`; the code itself when the table lacks it (a new kind
    shows up untranslated rather than hidden)."""
    if code is None:
        return ""
    return _table().get((group, code), code)


def legend() -> list[tuple[str, str]]:
    """(css class, French label) of the document view's highlights, in the resource file's order."""
    return [(f"a-{code}", text) for kind, code, text in load_rows("fr", "web", "messages.tsv", 3)
            if kind == "annotation"]
