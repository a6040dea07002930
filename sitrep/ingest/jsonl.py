"""JSON Lines documents: one ``{"id", "text", ...}`` object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def read_jsonl_records(path: Path) -> Iterator[dict[str, Any]]:
    """Parsed objects of a JSON Lines file, skipping blank lines (no validation)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
