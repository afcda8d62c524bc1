"""Unicode NFC normalisation that remembers where each character came from.

The model and our patterns expect composed characters: in decomposed (NFD) text "Durán" is
"Dura" + U+0301 + "n", which the tokenizer cuts after "Dura", and no month pattern matches
"décembre" written with a combining accent.
So the stages read the NFC form of a text, and every span they find is mapped back onto the text
as given (`remap_spans`): users get offsets into their own text, not into one we made.

The map is built cluster by cluster (a starter and the combining marks after it), the unit NFC
composes and reorders. NFC may also join two starters (Hangul jamo into a syllable, a few Indic
vowel signs): then the cluster-wise result differs from `unicodedata.normalize`, and
`nfc_with_map` declines, leaving the text to be analysed as given.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

# Finding.detail keys whose value is a list of [start, end] offset pairs (role_conflict writes
# "command_mentions" so): nothing else in a detail tells a pair of offsets from a pair of figures.
OFFSET_PAIR_KEYS = frozenset({"command_mentions"})


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


class OffsetMap:
    """Offsets in a normalised text mapped to offsets in the text it was normalised from.

    Only the clusters that changed are stored, in order; between them the two texts differ by a
    constant shift. An offset inside a changed cluster maps to the cluster's start when it opens a
    span and to its end when it closes one, so a span never splits a character as given."""

    def __init__(self, changes: Iterable[tuple[int, int, int, int]]) -> None:
        # Each change: (normalised start, normalised end, original start, original end).
        self._norm_starts: list[int] = []
        self._norm_ends: list[int] = []
        self._orig_starts: list[int] = []
        self._orig_ends: list[int] = []
        for norm_start, norm_end, orig_start, orig_end in changes:
            self._norm_starts.append(norm_start)
            self._norm_ends.append(norm_end)
            self._orig_starts.append(orig_start)
            self._orig_ends.append(orig_end)

    def __len__(self) -> int:
        return len(self._norm_starts)

    def _map(self, offset: int, closing: bool) -> int:
        i = bisect_right(self._norm_starts, offset) - 1
        if i < 0:
            return offset
        if offset >= self._norm_ends[i]:
            return self._orig_ends[i] + offset - self._norm_ends[i]
        if offset == self._norm_starts[i] or not closing:
            return self._orig_starts[i]
        return self._orig_ends[i]

    def start(self, offset: int) -> int:
        """The original offset of a span that starts at `offset` in the normalised text."""
        return self._map(offset, closing=False)

    def end(self, offset: int) -> int:
        """The original offset of a span that ends at `offset` in the normalised text."""
        return self._map(offset, closing=True)


def _clusters(line: str) -> Iterable[str]:
    combining = unicodedata.combining
    i, size = 0, len(line)
    while i < size:
        j = i + 1
        while j < size and combining(line[j]):
            j += 1
        yield line[i:j]
        i = j


def nfc_with_map(text: str) -> tuple[str, OffsetMap | None]:
    """(the NFC form of `text`, the map of its offsets back to `text`).

    (text, None) when `text` is already NFC, the common case, which costs one C-level check; and
    also when NFC cannot be computed cluster by cluster (see the module docstring), in which case
    `is_nfc(text)` is False and the caller should say that the text is analysed as given."""
    if is_nfc(text):
        return text, None
    normalize = unicodedata.normalize
    pieces: list[str] = []
    changes: list[tuple[int, int, int, int]] = []
    norm = orig = 0
    # NFC never composes or reorders across a line feed (a starter no character composes with), so
    # the lines already in NFC, most of them even in a text that is not, are copied whole.
    for line in text.split("\n"):
        if is_nfc(line):
            pieces.append(line)
            norm += len(line)
            orig += len(line)
        else:
            for cluster in _clusters(line):
                composed = normalize("NFC", cluster)
                pieces.append(composed)
                if composed != cluster:
                    changes.append((norm, norm + len(composed), orig, orig + len(cluster)))
                norm += len(composed)
                orig += len(cluster)
        pieces.append("\n")
        norm += 1
        orig += 1
    pieces.pop()  # the line feed after the last line, which the text does not have
    normalised = "".join(pieces)
    if normalised != normalize("NFC", text):
        return text, None
    return normalised, OffsetMap(changes)


def remap_spans(root: Any, offsets: OffsetMap, original: str) -> None:
    """Map, in place, every span under `root` from the normalised text onto `original`.

    A span is any dataclass with integer `start` and `end` fields (its `text` field, if any, is
    sliced again from `original`), or a dict with integer "start" and "end" keys; the lists under
    OFFSET_PAIR_KEYS in dicts are [start, end] pairs. Dataclass fields declared with compare=False
    are caches and parses derived from the normalised text, not part of the record, and are left
    alone. Each object is mapped once, however many times it is referenced."""
    seen: set[int] = set()
    stack: list[Any] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, (str, bytes, int, float, bool)) or item is None:
            continue
        if id(item) in seen:
            continue
        seen.add(id(item))
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            _remap_record(item, offsets, original)
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item) if f.compare)
        elif isinstance(item, dict):
            _remap_mapping(item, offsets, original, seen)
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _remap_record(item: Any, offsets: OffsetMap, original: str) -> None:
    start, end = getattr(item, "start", None), getattr(item, "end", None)
    if not (_is_offset(start) and _is_offset(end)):
        return
    item.start, item.end = offsets.start(start), offsets.end(end)
    if isinstance(getattr(item, "text", None), str):
        item.text = original[item.start:item.end]


def _remap_mapping(item: dict, offsets: OffsetMap, original: str, seen: set[int]) -> None:
    if _is_offset(item.get("start")) and _is_offset(item.get("end")):
        item["start"], item["end"] = offsets.start(item["start"]), offsets.end(item["end"])
        if isinstance(item.get("text"), str):
            item["text"] = original[item["start"]:item["end"]]
    for key in OFFSET_PAIR_KEYS & item.keys():
        pairs = item[key]
        if isinstance(pairs, list) and id(pairs) not in seen:
            seen.add(id(pairs))
            for index, pair in enumerate(pairs):
                if isinstance(pair, (list, tuple)) and len(pair) == 2 and all(map(_is_offset, pair)):
                    pairs[index] = type(pair)((offsets.start(pair[0]), offsets.end(pair[1])))
