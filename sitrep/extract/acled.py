"""The ACLED event type of a coded record: its PLOVER type and mode read the way ACLED's
codebook defines its types, from the whole record.

ACLED's types are not a function of the verb alone. Who acted and on whom decide them: a
shooting is a battle between armed groups, violence against civilians when every victim is
unarmed, a riot when the doers are a crowd rather than an organised armed group, and a protest
event when the state turns its force on people protesting. So the type is read once, from the
assembled record, after the article has gathered each event's actors and recipients from all
its mentions (``coder.Coder.code_doc``), never from one mention alone. The readings and the
sectors they turn on are data: ``acled_readings`` in ``codebook/plover.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from sitrep.codebook.lexicon import Codebook
from sitrep.codebook.load import fold
from sitrep.extract.modality import modality
from sitrep.extract.triggers import doc_triggers
from sitrep.model import Actor, Event


def with_acled(events: list[Event], book: Codebook, fights: Sequence[int] = ()) -> list[Event]:
    """The records with their ACLED type set from the whole record; ``fights``: where the
    text tells of fighting that took place (:func:`fight_offsets`), so that a record whose
    sentence holds one is read with it."""
    return [replace(event, acled=acled_of(event, book, any(
        event.evidence.start <= at < event.evidence.end for at in fights)))
        for event in events]


def fight_offsets(doc: Doc, book: Codebook) -> list[int]:
    """Where the document's words of fighting that took place stand (a trigger of the
    ``fight_types`` of ``territory_taken``, neither negated nor supposed, even one told in
    passing: "after a day of clashes")."""
    rule = book.acled_readings.get("territory_taken") or {}
    kinds = frozenset(rule.get("fight_types", ()))
    return [hit.span.start_char for hit in doc_triggers(doc)
            if hit.entry.type in kinds and modality(hit.head, book) == "asserted"]


def acled_of(event: Event, book: Codebook, fought: bool = False) -> dict[str, str] | None:
    """ACLED event and sub-event type of one record, or None where ACLED records no event
    of this kind (statements, meetings, material cooperation); ``fought``: its sentence also
    tells of fighting that took place."""
    base = book.acled_for(event.event_type, event.mode)
    if base is None or event.modality in book.acled_readings.get("not_happened", {}).get(
            "modalities", ()):
        return None  # ACLED records what took place: no negated or supposed event
    found = _territory_taken(event, base, book, fought)
    if found is not None:
        return found
    for read in (_force_against_protest, _crowd_violence, _against_unarmed):
        found = read(event, base, book)
        if found is not None:
            return found
    return base


def _territory_taken(event: Event, base: dict[str, str], book: Codebook, fought: bool
                     ) -> dict[str, str] | None:
    """A town, a base or a post taken (a seizure in the territory context, CAMEO's occupation
    of territory) is a non-violent transfer of territory, a strategic development; taken in
    a sentence that tells of fighting that took place ("captured the port after a day of
    clashes"), it is a battle in which a side took territory: the state regaining it, or
    another side overtaking it."""
    rule = book.acled_readings.get("territory_taken")
    if not rule or event.event_type not in rule["types"] or event.mode not in rule["modes"] \
            or rule["context"] not in event.context:
        return None
    if fought:
        state = any(a.sector in rule["state_sectors"] for a in event.actors)
        return {"event_type": rule["fought_event_type"],
                "sub_event_type": rule["state_sub_event_type" if state
                                       else "fought_sub_event_type"]}
    return {"event_type": rule["event_type"], "sub_event_type": rule["sub_event_type"]}


def _force_against_protest(event: Event, base: dict[str, str], book: Codebook
                           ) -> dict[str, str] | None:
    """Force by the state against people protesting is a Protests event of ACLED's: excessive
    force where it is lethal, intervention otherwise."""
    rule = book.acled_readings.get("force_against_protest")
    if not rule or event.event_type not in rule["types"] or event.mode in rule["skip_modes"]:
        return None
    if rule["context"] not in event.context or \
            not any(r.sector in rule["recipient_sectors"] for r in event.recipients):
        return None
    sub = rule["lethal"] if event.mode in rule["lethal_modes"] else rule["other"]
    return {"event_type": rule["event_type"], "sub_event_type": sub}


def _crowd_violence(event: Event, base: dict[str, str], book: Codebook
                    ) -> dict[str, str] | None:
    """Violence whose doers are all unarmed people is a riot: a violent demonstration when
    they are named as a protest crowd, mob violence otherwise; so is property such a crowd
    destroys. Doers described as of unknown or armed identity are no such crowd. A riot
    takes a crowd: violence by one person alone is read by the rules after this one, and so
    is violence with a gun or a bomb by people named only as plain people ("two men"), who
    bear arms. Where the violence is done with blades, clubs or stones alone, doers of no
    known sector count as unarmed people."""
    rule = book.acled_readings.get("crowd_violence")
    if not rule or event.event_type not in rule["types"] or not event.actors:
        return None
    modes = rule.get("type_modes", {}).get(event.event_type)
    if modes is not None and event.mode not in modes:
        return None  # of coercion, only property destroyed: a crowd burning a tax office
    unknown = book.cue("not_crowd_modifiers")
    if any(_named_as(a, unknown) for a in event.actors):
        return None  # "unidentified men", "armed youths": no crowd of known people
    unarmed = set(rule["actor_sectors"])
    if event.mode in rule.get("unknown_sector_modes", ()):
        unarmed.add(None)   # blades and clubs: doers of no known sector are no armed group
    if not all(a.sector in unarmed for a in event.actors):
        return None
    if rule.get("needs_group") and all(_one_person(a, book) for a in event.actors):
        return None
    if event.mode in rule.get("weapon_modes", ()) and \
            all(_plainly_people(a, frozenset(rule.get("plain_people", ()))) for a in event.actors):
        return None  # "two men shot dead a journalist": armed, of unknown identity, no mob
    crowd = book.cue("protest_crowds")
    sub = rule["protest_sub_event_type"] if any(_named_as(a, crowd) for a in event.actors) \
        else rule["sub_event_type"]
    return {"event_type": rule["event_type"], "sub_event_type": sub}


def _against_unarmed(event: Event, base: dict[str, str], book: Codebook
                     ) -> dict[str, str] | None:
    """A battle whose recipients are all unarmed non-combatants is violence against
    civilians; a battle with no recipient named stays a battle."""
    rule = book.acled_readings.get("against_unarmed")
    if not rule or base["event_type"] != rule["from"] or not event.recipients:
        return None
    if not all(r.sector in rule["recipient_sectors"] for r in event.recipients):
        return None
    return {"event_type": rule["event_type"], "sub_event_type": rule["sub_event_type"]}


def _one_person(actor: Actor, book: Codebook) -> bool:
    """Whether the actor is one person named by a singular noun for a kind of person ("a man",
    "the teenager"; not "men", "a mob", "villagers", "supporters of the candidate"): its last
    word is a person noun and none of its words is one in the plural (the person nouns are
    lemmas)."""
    people = book.actors.people
    words = fold(actor.text or "").split()
    many = any(w not in people and (w.removesuffix("s") in people or
                                    w.removesuffix("es") in people) for w in words)
    return bool(words) and words[-1] in people and not many  # "supporters of the candidate"


def _plainly_people(actor: Actor, plain: frozenset[str]) -> bool:
    """Whether the actor is named only as plain people, its head word one of ``plain``
    ("two men", "a woman"; not "residents", "a mob", "youths")."""
    words = fold(actor.text or "").split()
    return bool(words) and words[-1] in plain


def _named_as(actor: Actor, nouns: frozenset[str]) -> bool:
    """Whether the actor's words name it with one of ``nouns`` (singular or plural)."""
    words = fold(actor.text or "").split()
    return any(w in nouns or w.removesuffix("s") in nouns for w in words)
