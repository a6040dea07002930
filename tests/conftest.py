"""Shared fixtures: the real coder (loaded once), the shared seed and data folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def coder():
    """The real pipeline; loading it takes about a second, so once per run."""
    from sitrep.coder import default_coder

    return default_coder()


@pytest.fixture(scope="session")
def seed_article() -> Path:
    path = SEED / "article.txt"
    if not path.exists():
        pytest.fail(f"seed article missing at {path}: set SITREP_SHARED")
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA.exists():
        pytest.fail(f"dev data missing at {DATA}: set SITREP_SHARED")
    return DATA


@pytest.fixture
def boom(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model breaks inside ``nlp.pipe`` on a text that starts with BOOM, which kills the
    whole batch in flight (forked workers inherit the patch)."""
    from sitrep.resolve.actors.trim import TitleTrimmer

    trim = TitleTrimmer.__call__

    def failing(self, doc):  # noqa: ANN001, ANN202 - stands in for the component's __call__
        if doc.text.startswith("BOOM"):
            raise RuntimeError("the component broke")
        return trim(self, doc)

    monkeypatch.setattr(TitleTrimmer, "__call__", failing)
