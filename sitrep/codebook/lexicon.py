"""The event codebook as data: PLOVER types, argument frames, triggers, negatives and cues.

Everything the event coder knows about words lives in the files next to this module, so a user
can read and extend it without touching code. This module only parses and checks them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sitrep.codebook.actor_tables import ActorTables, load_actor_tables
from sitrep.codebook.load import files, fold, load_json, load_list, load_records, load_table
from sitrep.errors import SetupError

POS_CODES = {"V": "VERB", "N": "NOUN", "A": "ADJ", "P": "PHRASE"}


@dataclass(frozen=True, slots=True)
class EventType:
    """One PLOVER event type: its quad class, modes and the CAMEO root it mostly comes from."""

    name: str
    quad: int
    cameo: str
    modes: tuple[str, ...]
    description: str
    mode_cameo: dict[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Frame:
    """Which syntactic positions of a trigger give its actor and recipients."""

    name: str
    actor: str
    recipient: tuple[str, ...]
    preps: tuple[str, ...]
    of_is: str


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon entry: a word (or expression) that signals an event of one type and mode."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    frame: str
    with_: frozenset[str]
    cameo: str | None
    weight: float

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.lemma.split())


@dataclass(frozen=True, slots=True)
class Negative:
    """What looks like an event and is not: a phrase, or a trigger lemma with certain objects."""

    kind: str
    lemma: str
    with_: frozenset[str]
    why: str


@dataclass(frozen=True, slots=True)
class Discard:
    """A phrase that marks its sentence as no political event (sport, entertainment, a
    disease): ``words`` as the tokenizer splits them, lower case (``cameo/discards.tsv``)."""

    words: tuple[str, ...]
    scope: str


@dataclass(frozen=True, slots=True)
class Codebook:
    """All of sitrep's knowledge of words, loaded once: event types, frames, triggers,
    negatives, cues, outlets, and the actor tables (``actors``)."""

    types: dict[str, EventType]
    contexts: frozenset[str]
    acled: dict[tuple[str, str | None], dict[str, str]]
    frames: dict[str, Frame]
    triggers: tuple[Trigger, ...]
    negatives: tuple[Negative, ...]
    cues: dict[str, Any]
    outlets: frozenset[str]
    actors: ActorTables
    acled_not_coded: frozenset[str] = frozenset()
    discards: tuple[Discard, ...] = ()
    acled_readings: dict[str, Any] = field(default_factory=dict, compare=False)
    sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    nominals: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    def cameo_for(self, event_type: str, mode: str | None) -> str:
        """The CAMEO code of a PLOVER type and mode: the mode's own code where it has one
        ("REQUEST" + "yield" is 105), else the type's root."""
        kind = self.types[event_type]
        return kind.mode_cameo.get(mode or "", kind.cameo)

    def acled_for(self, event_type: str, mode: str | None) -> dict[str, str] | None:
        """ACLED event and sub-event type of a PLOVER type and mode, where ACLED codes it:
        the mode's own line, else the type's. Who acted and on whom refine it
        (``extract.acled``)."""
        found = self.acled.get((event_type, mode))
        if found is None and mode is not None:
            found = self.acled.get((event_type, None))
        return dict(found) if found else None

    def cue(self, name: str) -> frozenset[str]:
        """A list of cue words as a set (raises SetupError when the cue file lacks it)."""
        found = self.sets.get(name)
        if found is None:
            try:
                found = self.sets[name] = frozenset(self.cues[name])
            except KeyError as exc:
                raise SetupError(f"no cue file under codebook/cues has a {name!r} list") from exc
        return found


def _read_tsv(name: str) -> tuple[dict[str, str], ...]:
    return tuple(load_records(name))


def _cues() -> dict[str, Any]:
    """Every cue list of ``cues/*.json`` by name; a name in two files is a setup error."""
    cues: dict[str, Any] = {}
    for name in files():
        if name.startswith("cues/"):
            for key, value in load_json(name).items():
                if key == "note":
                    continue
                if key in cues:
                    raise SetupError(f"cue list {key!r} is defined twice ({name})")
                cues[key] = value
    return cues


def _optional(value: str | None) -> str | None:
    return None if value in (None, "", "-") else value


def _word_set(value: str | None) -> frozenset[str]:
    cleaned = _optional(value)
    return frozenset(w.strip() for w in cleaned.split(",") if w.strip()) if cleaned else frozenset()


def _types(data: dict[str, Any]) -> dict[str, EventType]:
    return {
        name: EventType(name=name, quad=int(spec["quad"]), cameo=spec["cameo"],
                        modes=tuple(spec["modes"]), description=spec["description"],
                        mode_cameo=dict(spec.get("mode_cameo", {})))
        for name, spec in data["types"].items()
    }


def _frames(data: dict[str, Any]) -> dict[str, Frame]:
    return {
        name: Frame(name=name, actor=spec["actor"], recipient=tuple(spec["recipient"]),
                    preps=tuple(spec["preps"]), of_is=spec["of_is"])
        for name, spec in data["frames"].items()
    }


def _trigger(row: dict[str, str], types: dict[str, EventType], frames: dict[str, Frame]
             ) -> Trigger:
    """One lexicon row, checked against the types and frames it names."""
    try:
        trigger = Trigger(
            lemma=row["lemma"].strip(), pos=POS_CODES[row["pos"]], type=row["type"],
            mode=_optional(row["mode"]), context=tuple(sorted(_word_set(row["context"]))),
            frame=row["frame"], with_=_word_set(row["with"]), cameo=_optional(row["cameo"]),
            weight=float(row["weight"]),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise SetupError(f"bad trigger row in triggers.tsv: {row}") from exc
    if trigger.type not in types or trigger.frame not in frames:
        raise SetupError(f"trigger {trigger.lemma!r} names an unknown type or frame: {row}")
    if trigger.mode and trigger.mode not in types[trigger.type].modes:
        raise SetupError(
            f"trigger {trigger.lemma!r}: {trigger.mode!r} is no mode of {trigger.type}")
    return trigger


def _negative(row: dict[str, str]) -> Negative:
    if row.get("kind") not in ("phrase", "with") or not row.get("lemma"):
        raise SetupError(f"bad row in negatives.tsv: {row}")
    return Negative(kind=row["kind"], lemma=row["lemma"].strip(), with_=_word_set(row["with"]),
                    why=row.get("why") or "")


def _nominals() -> dict[str, tuple[str, ...]]:
    """noun → the verbs whose act its commonest sense names (``wordnet/nominals.tsv``,
    converted from WordNet's derivational links by ``scripts/build_nominals.py``)."""
    found: dict[str, list[str]] = {}
    for row in load_table("wordnet/nominals.tsv"):
        if len(row) != 2 or not row[0] or not row[1]:
            raise SetupError(f"bad row in wordnet/nominals.tsv: {row}")
        found.setdefault(row[0], []).append(row[1])
    return {noun: tuple(verbs) for noun, verbs in found.items()}


def _discards() -> tuple[Discard, ...]:
    """The converted Phoenix discard phrases, one per phrase."""
    found: dict[tuple[str, ...], Discard] = {}
    for row in load_table("cameo/discards.tsv"):
        if len(row) != 3 or row[1] not in ("story", "sentence") or row[2] not in ("word", "stem"):
            raise SetupError(f"bad row in cameo/discards.tsv: {row}")
        words = tuple(fold(row[0]).split())
        found.setdefault(words, Discard(words=words, scope=row[1]))
    return tuple(found.values())


@cache
def load_codebook() -> Codebook:
    """Read and check every codebook file once per process."""
    plover = load_json("plover.json")
    types = _types(plover)
    frames = _frames(load_json("frames.json"))
    acled = {(row["type"], row["mode"]): {"event_type": row["event_type"],
                                          "sub_event_type": row["sub_event_type"]}
             for row in plover["acled"]}
    triggers = tuple(_trigger(row, types, frames) for row in _read_tsv("triggers.tsv"))
    negatives = tuple(_negative(row) for row in _read_tsv("negatives.tsv"))
    return Codebook(types=types, contexts=frozenset(plover["contexts"]), acled=acled,
                    frames=frames, triggers=triggers, negatives=negatives,
                    cues=_cues(), outlets=frozenset(load_list("outlets.tsv")),
                    actors=load_actor_tables(),
                    acled_not_coded=frozenset(plover.get("acled_not_coded", {}).get("types", [])),
                    discards=_discards(), nominals=_nominals(),
                    acled_readings=dict(plover.get("acled_readings", {})))


@cache
def mutual_types() -> frozenset[str]:
    """Types whose sides act together, each on the others (``records.json``: AGREE, CONSULT,
    COOPERATE): what such an event names inside its own words are its parties."""
    return frozenset(load_json("records.json")["mutual_types"])

