"""An app over a small hand-made store (no model needed), and a client for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import make_coded, make_event
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.store import Store

TOKEN = "s3cret-token"
NIGER_TEXT = ("US troops will leave Niger.\n"
              "The USA forces withdrew from the country. The NER forces seized power.")
CHAD_TEXT = "Chad news.\nThe USA forces withdrew from Chad."


class UnusedCoder:
    """Stands in for the pipeline where a request must be refused before any coding."""

    def code_articles(self, articles, on_error=None):
        raise AssertionError("a refused request reached the coder")


def _at(text: str, sentence: str) -> int:
    return text.index(sentence)


def seed_store(path: Path) -> dict[str, str]:
    """Two articles, three events (Niger twice, Chad once); returns their ids by name."""
    retreat = make_event("niger", "RETREAT", sentence="The USA forces withdrew from the country.",
                         start=_at(NIGER_TEXT, "The USA forces withdrew"),
                         date=("2024-04-01", "2024-04-30"))
    coup = make_event("niger", "COERCE", sentence="The NER forces seized power.",
                      start=_at(NIGER_TEXT, "The NER forces"), actor_country="NER",
                      trigger="seized", date=("2023-07-26", "2023-07-26"))
    chad = make_event("chad", "RETREAT", sentence="The USA forces withdrew from Chad.",
                      start=_at(CHAD_TEXT, "The USA"), location=("Chad", "TCD", "country"),
                      recipient_country="TCD", date=("2024-05-01", "2024-05-10"),
                      modality="future")
    with Store(path) as store:
        store.add(make_coded("niger", NIGER_TEXT, [retreat, coup], title="Niger",
                             published="2024-05-03", publisher="ANI"))
        store.add(make_coded("chad", CHAD_TEXT, [chad], title="Chad", published="2024-05-10"))
    return {"retreat": retreat.id, "coup": coup.id, "chad": chad.id}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "api.db"


@pytest.fixture
def ids(db: Path) -> dict[str, str]:
    return seed_store(db)


@pytest.fixture
def client(db: Path, ids: dict[str, str]) -> TestClient:
    """A read-write app over the seeded store whose coder must never be reached."""
    with TestClient(create_app(db, token=TOKEN, coder=UnusedCoder())) as test_client:
        yield test_client


@pytest.fixture
def write_headers() -> dict[str, str]:
    """The header every write needs."""
    return {"Authorization": f"Bearer {TOKEN}"}
