"""The situation's rules (``codebook/situation.json``): which events open, mark or close
which state."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitrep.codebook.load import load_json
from sitrep.errors import SetupError
from sitrep.model import Event

RULES_FILE = "situation.json"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Rule:
    """Matches an event of one of ``types`` by its mode, a trigger word, or a unit word."""

    types: frozenset[str]
    modes: frozenset[str]
    triggers: frozenset[str]
    units: frozenset[str]

    def matches(self, event: Event) -> bool:
        if event.event_type not in self.types:
            return False
        if event.mode in self.modes or not self.triggers.isdisjoint(words(event.evidence.trigger)):
            return True
        if not self.units:
            return False
        units = {(q.unit or "").lower() for q in event.quantities} | sentence_words(event)
        return not self.units.isdisjoint(units)


@dataclass(frozen=True, slots=True)
class SituationRules:
    state_modalities: frozenset[str]
    expected_modalities: frozenset[str]
    skip_domestic: bool
    presence_open: tuple[Rule, ...]
    withdrawal: tuple[Rule, ...]
    complete_triggers: frozenset[str]
    complete_words: frozenset[str]
    agreement_open: tuple[Rule, ...]
    agreement_close: tuple[Rule, ...]
    agreement_words: frozenset[str]


def words(text: str | None) -> set[str]:
    """Lower-cased letter words of a text."""
    return {w.lower() for w in _WORD.findall(text or "")}


def sentence_words(event: Event) -> set[str]:
    return words(event.evidence.sentence)


def any_rule(rules: tuple[Rule, ...], event: Event) -> bool:
    return any(rule.matches(event) for rule in rules)


@cache
def rules_fingerprint() -> str:
    """A digest of the packaged rules: the store keeps an index of the events they bear on and
    rebuilds it when the rules change."""
    import hashlib
    import json

    text = json.dumps(load_json(RULES_FILE), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@cache
def load_rules() -> SituationRules:
    """Read the packaged rules once; a missing or malformed file is a setup error."""
    try:
        return _parse(load_json(RULES_FILE))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise SetupError(f"codebook file {RULES_FILE}: {error}") from error


def _parse(data: dict[str, Any]) -> SituationRules:
    complete = data["withdrawal_complete"]
    return SituationRules(
        state_modalities=frozenset(data["state_modalities"]),
        expected_modalities=frozenset(data["expected_modalities"]),
        skip_domestic=bool(data["skip_domestic"]),
        presence_open=_rules(data["presence_open"]),
        withdrawal=_rules(data["withdrawal"]),
        complete_triggers=frozenset(complete["triggers"]),
        complete_words=frozenset(complete["sentence_words"]),
        agreement_open=_rules(data["agreement_open"]),
        agreement_close=_rules(data["agreement_close"]),
        agreement_words=frozenset(data["agreement_words"]),
    )


def _rules(items: list[dict[str, Any]]) -> tuple[Rule, ...]:
    return tuple(
        Rule(types=frozenset(item["types"]), modes=frozenset(item.get("modes", [])),
             triggers=frozenset(item.get("triggers", [])), units=frozenset(item.get("units", [])))
        for item in items
    )
