"""On whose word: the claimant of an event and the outlets an article credits.

A claimant is the subject of a reporting verb the event depends on ("X said"), the object of
"according to", or the agent of a reporting participle ("confirmed by the Pentagon"). When
that speaker is a news outlet ("CNN reported", "as reported by CNN") it goes to
``reported_by`` instead: outlets relay claims, they do not vouch for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from sitrep.codebook.lexicon import Codebook
from sitrep.extract.arguments import children, phrase
from sitrep.extract.modality import governors
from sitrep.extract.setting import segment


@dataclass(slots=True)
class Sources:
    """The speakers found for one event: who vouches, and which outlets relay."""

    claimant: Span | None = None
    outlets: list[str] = field(default_factory=list)


def is_outlet(span: Span, book: Codebook) -> bool:
    """A news outlet: a known name, or a phrase headed by an outlet word ("Ansa news agency");
    not a state's own voice (:func:`state_voice`)."""
    if state_voice(span, book):
        return False
    text = span.text.removeprefix("the ").removeprefix("The ")
    if text in book.outlets or span.text in book.outlets:
        return True
    if any(t.text in book.outlets for t in span if t.ent_type_ == "ORG"):
        return True
    return span.root.lemma_.lower() in book.cue("outlet_words")


def state_voice(span: Span, book: Codebook) -> bool:
    """A state's news agency or broadcaster, whose words are the state's: a phrase with a word
    of ``state_voice_words`` ("the state news agency", "state television") or naming a state
    body (``actors/institutions.jsonl``, GOV: "KCNA", "the state news agency SONNA")."""
    words = book.cue("state_voice_words")
    if any(t.lower_ in words for t in span if t.i != span.root.i or len(span) == 1):
        return True
    bodies = book.actors.bodies
    names = [span.text.removeprefix("the ").removeprefix("The "), *(t.text for t in span)]
    return any((body := bodies.get(name)) is not None and body.sector == "GOV"
               and body.country for name in names)


def speakers(token: Token, book: Codebook) -> list[Token]:
    """Speaker heads of one reporting verb: its subject or its passive agent."""
    found = children(token, "nsubj")
    found += [o for a in children(token, "agent") for o in children(a, "pobj")]
    return found


def reporting_verbs(head: Token, book: Codebook) -> list[Token]:
    """Reporting verbs that frame the event: above it, or hung on its clause ("…, X said")."""
    verbs = book.cue("reporting_verbs")
    chain = governors(head, book)
    found = [t for t in chain[1:] if t.lemma_.lower() in verbs]
    root = chain[-1]
    for token in (head, root, *chain):
        for child in token.children:
            if child.dep_ in ("parataxis", "advcl", "conj", "ccomp", "acl") and \
                    child.lemma_.lower() in verbs and child not in found:
                found.append(child)
    return found


def according_to(sent: Span) -> list[Token]:
    """Objects of "according to" anywhere in the sentence."""
    found = []
    for token in sent:
        if token.lower_ == "according":
            for prep in token.children:
                if prep.lower_ == "to":
                    found.extend(children(prep, "pobj"))
    return found


def sources(head: Token, book: Codebook) -> Sources:
    """The claimant span and the outlets of the event a trigger stands for."""
    result = Sources()
    candidates: list[Token] = []
    for verb in reporting_verbs(head, book):
        candidates.extend(speakers(verb, book))
    candidates.extend(according_to(segment(head)))
    for token in candidates:
        for speaker in (token, *token.conjuncts):
            span = phrase(speaker)
            if is_outlet(span, book):
                if span.text not in result.outlets:
                    result.outlets.append(span.text)
            elif result.claimant is None and speaker.pos_ != "PRON":
                result.claimant = span
    return result
