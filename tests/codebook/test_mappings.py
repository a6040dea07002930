"""The CAMEO and ACLED mappings cover every PLOVER type and mode, and the CAMEO codes sitrep
emits agree with PLOVER's own CAMEO→PLOVER conversion table (read from the shared data)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from sitrep.codebook.lexicon import load_codebook

TABLE_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)")


def read_cameo_table(path: Path) -> dict[str, set[str]]:
    """CAMEO code → the PLOVER types the table gives it ("08" is both CONCEDE and RETREAT)."""
    table: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        found = TABLE_LINE.match(line.strip())
        if found:
            table[found.group(1)].add(found.group(2))
    return dict(table)


def plover_types_of(code: str, table: dict[str, set[str]]) -> set[str]:
    """The table's types for a code, by its longest listed prefix ("1823" → "1823")."""
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return table[code[:end]]
    return set()


@pytest.fixture(scope="module")
def cameo_table(data_dir) -> dict[str, set[str]]:
    path = data_dir / "plover_gsr" / "cameo2plover-2021.txt"
    if not path.exists():
        pytest.fail(f"the CAMEO→PLOVER table is missing at {path}")
    return read_cameo_table(path)


def test_the_table_reader_knows_roots_and_leaves(cameo_table):
    assert cameo_table["08"] == {"CONCEDE", "RETREAT"}
    assert plover_types_of("1831", cameo_table) == {"ASSAULT"}
    assert plover_types_of("163", cameo_table) == {"COERCE"}


def test_every_type_and_mode_has_a_cameo_code():
    book = load_codebook()
    for name, kind in book.types.items():
        assert re.fullmatch(r"\d{2}", kind.cameo), name
        assert set(kind.mode_cameo) == set(kind.modes), name
        for mode in kind.modes:
            assert book.cameo_for(name, mode).startswith(tuple("012")), (name, mode)
    assert book.cameo_for("REQUEST", "yield") == "105"
    assert book.cameo_for("AGREE", None) == "03"


def test_every_type_and_mode_has_an_acled_mapping_or_is_declared_outside_acled():
    book = load_codebook()
    assert book.acled_not_coded <= set(book.types)
    for name, kind in book.types.items():
        if name in book.acled_not_coded:
            assert book.acled_for(name, None) is None, name
            continue
        for mode in (None, *kind.modes):
            mapped = book.acled_for(name, mode)
            assert mapped and mapped["event_type"] and mapped["sub_event_type"], (name, mode)
    assert book.acled_for("COERCE", "arrest")["sub_event_type"] == "Arrests"
    assert book.acled_for("RETREAT", "release")["sub_event_type"] == "Agreement"


def test_type_and_mode_codes_agree_with_the_plover_table(cameo_table):
    book = load_codebook()
    for name, kind in book.types.items():
        assert name in cameo_table[kind.cameo], (name, kind.cameo)
        for mode, code in kind.mode_cameo.items():
            assert name in plover_types_of(code, cameo_table), (name, mode, code)


def test_trigger_codes_agree_with_the_plover_table(cameo_table):
    book = load_codebook()
    wrong = [(t.lemma, t.type, t.cameo) for t in book.triggers
             if t.cameo and t.type not in plover_types_of(t.cameo, cameo_table)]
    assert wrong == []


def test_acled_readings_name_known_types_sectors_and_modes():
    book = load_codebook()
    readings = book.acled_readings
    acled_types = {row["event_type"] for row in book.acled.values()}
    sectors = set(book.actors.sectors)
    modes = {m for kind in book.types.values() for m in kind.modes}
    force = readings["force_against_protest"]
    assert set(force["types"]) <= set(book.types) and force["context"] in book.contexts
    assert set(force["skip_modes"]) | set(force["lethal_modes"]) <= modes
    assert set(readings["crowd_violence"]["types"]) <= set(book.types)
    for rule in ("force_against_protest", "crowd_violence", "against_unarmed"):
        assert readings[rule]["event_type"] in acled_types
        assert set(readings[rule].get("recipient_sectors", [])) <= sectors
        assert set(readings[rule].get("actor_sectors", [])) <= sectors

