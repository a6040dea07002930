"""Force against a protest: security forces firing on, tear-gassing, dispersing or arresting
protesters (CAMEO 175, violent repression).

PLOVER codes the force as ASSAULT or COERCE with the protesters as its recipients and the
protest, where the text names it as an event ("broke up a sit-in"), as a PROTEST of its own
people. This frame reads the parse on the Doc: the targets of a force trigger (its object, the
object of "on"/"at"/"against", the object of its purpose clause: "fired to disperse the
crowd"); a target that is a protest crowd (``protest_crowds``, or people a clause on them
says protest: "people protesting against the law") or a protest event (a PROTEST trigger noun)
makes the force repression (``repression_context``), gives it the protesters as recipients when
its frame found none, and keeps the protest from taking the force's doer as its own. What a
protest crowd says in a clause on it ("demonstrators demanding reforms") is the protest's
message, not an event. The words are in ``codebook/cues/protest.json``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from spacy.tokens import Token

from sitrep.codebook.lexicon import Codebook, Trigger

OBJECT_DEPS = ("dobj", "nsubjpass")
CLAUSE_DEPS = ("acl", "relcl")
PEOPLE_ENTS = ("NORP", "ORG")
PURPOSE_DEPS = ("advcl", "xcomp")  # "to demand", ", demanding" on the protest's verb
TIME_ENTS = ("DATE", "TIME")  # "arrested 30 of them on Friday": no target


class ForceCandidate(Protocol):
    """What the frame reads and sets on a candidate event (``extract.events.Candidate``)."""

    entry: Trigger
    targets: list[Token]
    targeted: bool

    @property
    def head(self) -> Token: ...

    @property
    def type(self) -> str: ...


C = TypeVar("C", bound=ForceCandidate)


def against_protest(candidates: Sequence[C], book: Codebook) -> list[C]:
    """The candidates with force against a protest read as such (before the speech acts take
    their content, so that a protest broken up stays an event)."""
    protests = {c.head.i: c for c in candidates
                if c.type == "PROTEST" and c.head.pos_ in ("NOUN", "PROPN")}
    protesting = {c.head.i for c in candidates if c.type == "PROTEST"}
    crowds = book.cue("protest_crowds")
    for cand in candidates:
        if cand.type not in book.cue("force_types") or \
                cand.entry.mode in book.cue("restriction_modes"):
            continue
        hit = [t for t in targets(cand.head, book)
               if t.i in protests or _crowd(t, crowds) or _protesting(t, protesting)]
        if not hit:
            continue
        context = tuple(sorted(set(cand.entry.context) | book.cue("repression_context")))
        cand.entry = replace(cand.entry, context=context)
        cand.targets = [p for t in hit
                        for p in ([t] if t.i not in protests else _people(t, book))]
        for token in hit:
            if token.i in protests:
                protests[token.i].targeted = True
    _conjoined_force(candidates, book)
    return list(candidates)


def _conjoined_force(candidates: Sequence[C], book: Codebook) -> None:
    """Force joined by "and" to force against a protest, with no target of its own but a
    pronoun or a count ("broke up the march and arrested 30 of them"), is against the
    protest too."""
    context = book.cue("repression_context")
    repressed = {c.head.i: c for c in candidates
                 if c.type in book.cue("force_types") and context <= set(c.entry.context)}
    for cand in candidates:
        if cand.head.i in repressed or cand.type not in book.cue("force_types") or \
                cand.entry.mode in book.cue("restriction_modes"):
            continue
        first = next((repressed[t.i] for t in cand.head.conjuncts if t.i in repressed), None)
        if first is None or any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in TIME_ENTS
                                for t in targets(cand.head, book)):
            continue
        cand.entry = replace(cand.entry,
                             context=tuple(sorted(set(cand.entry.context) | context)))
        cand.targets = list(first.targets)


def without_messages(candidates: Sequence[C], book: Codebook) -> list[C]:
    """The candidates but for what a protest crowd says in a clause on it ("demonstrators
    demanding reforms"): the protest's message, not an event (after the speech acts have
    taken their content, so "the president's resignation" goes with the demand)."""
    crowds = book.cue("protest_crowds")
    protests = {c.head.i for c in candidates if c.type == "PROTEST"}
    return [c for c in candidates
            if not _message(c, crowds, book) and not _protest_purpose(c, protests, book)]


def _protest_purpose(cand: ForceCandidate, protests: set[int], book: Codebook) -> bool:
    """A speech act told as what a protest is for, in a clause of its own with no subject of
    its own on the protest's verb ("walked out to demand safer shifts", "blocked the bridge,
    calling for a recount", "held a vigil urging talks"): the protest's message."""
    head = cand.head
    if cand.type not in book.cue("protest_content_types") or head.dep_ not in PURPOSE_DEPS or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return False
    verb = head.head
    if verb.i in protests:
        return True
    held = [c for c in verb.children if c.dep_ == "dobj"]
    held += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(t.i in protests for t in held)


def targets(head: Token, book: Codebook) -> Iterator[Token]:
    """What a force trigger acts on: its objects, the objects of its target prepositions, and
    the same of its purpose clause ("fired tear gas to disperse the crowd")."""
    preps = book.cue("target_preps")
    for verb in (head, *_purpose_clauses(head)):
        for child in verb.children:
            if child.dep_ in OBJECT_DEPS:
                yield from _with_conjuncts(child)
            elif child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        yield from _with_conjuncts(obj)


def _purpose_clauses(head: Token) -> list[Token]:
    return [c for c in head.children if c.dep_ in ("advcl", "xcomp") and
            any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def _with_conjuncts(token: Token) -> Iterator[Token]:
    for each in (token, *token.conjuncts):
        yield counted(each)


def counted(token: Token) -> Token:
    """What a count stands for: "thousands of demonstrators" → "demonstrators" (the
    ``partitive_heads`` of the quantity cues)."""
    if token.lemma_.lower() in _partitives() or token.lower_ in _partitives():
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((o for o in prep.children if o.dep_ == "pobj"), token)
    return token


def _partitives() -> frozenset[str]:
    from sitrep.codebook.lexicon import load_codebook

    return load_codebook().cue("partitive_heads")


def _people(protest: Token, book: Codebook) -> list[Token]:
    """Who holds a protest, as its own phrase names them ("a protest by nurses", "the
    students' march", "a march of striking bakers": an 'of' phrase whose head is a
    noun the actor tables know for people or bodies, not "a march of ten kilometres"),
    also where the parse hung its "by" phrase on the active verb it is the object of."""
    found = [c for c in protest.children if c.dep_ == "poss"]
    tables = book.actors
    verb = protest.head
    if protest.dep_ == "dobj" and not any(c.dep_ == "auxpass" for c in verb.children):
        # "broke up a march by nurses": an active verb has no agent, so a "by" phrase the
        # parse hung on it is the protest's own
        found += [o for c in verb.children if c.dep_ == "agent" for o in c.children
                  if o.dep_ == "pobj"]
    for prep in protest.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            found += [o for o in prep.children if o.dep_ == "pobj"]
        elif prep.dep_ == "prep" and prep.lower_ == "of":
            found += [o for o in map(counted, prep.children) if o.dep_ == "pobj" and (
                o.ent_type_ in PEOPLE_ENTS or o.lemma_.lower() in tables.people or
                o.lower_ in tables.words or o.lemma_.lower() in tables.words)]
    return found


def _crowd(token: Token, crowds: frozenset[str]) -> bool:
    token = counted(token)
    return token.lemma_.lower() in crowds or token.lower_ in crowds


def _protesting(token: Token, protest_heads: set[int]) -> bool:
    """People named by what they do, a protest told in a clause on them ("dozens of people
    protesting against the law", "students who were marching"): a protest crowd whatever the
    noun."""
    return any(c.dep_ in CLAUSE_DEPS and c.i in protest_heads for c in counted(token).children)


def _message(cand: ForceCandidate, crowds: frozenset[str], book: Codebook) -> bool:
    """A speech act in a clause on a protest crowd ("demonstrators demanding reforms")."""
    head = cand.head
    return cand.type in book.cue("protest_content_types") and head.dep_ in CLAUSE_DEPS and \
        _crowd(head.head, crowds)
