"""Docs that tests keep honest: every command is in the README, the quick start is two commands."""

from __future__ import annotations

import re

from conftest import ROOT

from sitrep.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_shown_in_the_readme() -> None:
    commands = {c.name or c.callback.__name__ for c in app.registered_commands}
    missing = {c for c in commands if f"sitrep {c}" not in README}
    assert not missing, f"commands missing from README.md: {sorted(missing)}"


def test_quick_start_is_exactly_two_commands() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make run", "make test"]


def test_ci_runs_the_readme_test_command() -> None:
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(), re.MULTILINE)
