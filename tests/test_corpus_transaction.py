"""`annales.corpus.transaction.immediate`: the block lands whole, or not at all."""

from __future__ import annotations

import sqlite3

import pytest

from annales.corpus.transaction import immediate


def _connection() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)  # autocommit, as the store opens it
    conn.execute("CREATE TABLE t (n INTEGER)")
    return conn


def test_the_block_is_committed() -> None:
    conn = _connection()
    with immediate(conn):
        conn.execute("INSERT INTO t VALUES (1)")
        conn.execute("INSERT INTO t VALUES (2)")
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 2 and not conn.in_transaction


@pytest.mark.parametrize("error", [RuntimeError("bug"), KeyboardInterrupt()])
def test_an_error_inside_leaves_nothing(error: BaseException) -> None:
    conn = _connection()
    with pytest.raises(type(error)), immediate(conn):
        conn.execute("INSERT INTO t VALUES (1)")
        raise error
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0 and not conn.in_transaction
