"""Text from documents made safe to show on a terminal.

A document can hold control characters, escape sequences and bidi overrides. Printed raw they
can recolour or retitle the terminal, rewrite the line above (CR), hide text, or, through a
newline in a JSONL id, forge a second `annales: error:` line. Here each such character is shown
as a Python-style escape (`\\x1b`, `\\n`, `\\u202e`) instead: nothing is lost, nothing acts.
Backslashes are not doubled: the escapes are for a reader, not for a parser.
"""

from __future__ import annotations

import re

# C0, DEL and C1 controls (C1 holds the 8-bit CSI and OSC); line and paragraph separators, which
# some viewers break lines at; the bidi embeddings, overrides and isolates of Trojan Source; lone
# surrogates, which no UTF-8 stream can carry.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_char(char: str) -> str:
    """One character as the escape Python's repr would show for it."""
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def for_terminal(text: str, keep: str = "") -> str:
    """`text` with every unsafe character escaped, except those in `keep` (e.g. "\\t" or "\\n\\t").

    With the default, the result is always one line."""

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        return char if char in keep else escape_char(char)

    return UNSAFE.sub(replace, text)
