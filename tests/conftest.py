"""Fixtures shared by the whole test session: one analysis context, the bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from annales.context import Context

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def context() -> Context:
    """The default context with its spaCy model loaded once for every test that analyses text."""
    shared = Context.default()
    shared.nlp  # noqa: B018 - load the model now, not inside the first timed test
    return shared


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return ROOT / "samples"


@pytest.fixture(scope="session")
def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")
