"""One write transaction on the store, whole or not at all.

The store's connection is in autocommit mode (`store.open_store`): each change that must land
whole — a document, a correction, the cross-source findings — opens its own transaction, taking
the write lock at once so that two processes never interleave their changes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT around the block; ROLLBACK on any exception, Ctrl-C included."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
