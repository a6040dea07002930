"""Which way a clause points in time: "in March" is the past March unless the clause is future.

With a parsed ``Doc`` the verb governing the expression decides (its auxiliaries, its tag);
without one, cue words just before the expression in the same clause do.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

FUTURE_LEMMAS = frozenset({"will", "shall", "'ll", "wo"})
PLAN_LEMMAS = frozenset({
    "plan", "expect", "schedule", "intend", "aim", "hope", "prepare", "propose", "forecast",
    "predict", "project", "anticipate", "set", "due", "slate", "vow", "pledge", "promise",
})
FUTURE_CUES = re.compile(
    r"\b(?:will|shall|won't|'ll|going to|plans? to|planned|planning to|intends? to|expect(?:s|ed)?"
    r" to|(?:is|are|was|were) (?:due|set|scheduled|slated|expected) to|scheduled|upcoming|"
    r"would|should|must|might|hopes? to|aims? to|to be held|forecast)\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r"[.;:!?\n]|,\s|\b(?:said|says|that|which|who|while|after|when)\b")
PERFECT_CUES = re.compile(r"\b(?:has|have|'ve)\b", re.IGNORECASE)
PAST_CUES = re.compile(r"\b(?:was|were|had|did|ago|last)\b|\b\w+ed\b", re.IGNORECASE)


def clause_direction(text: str, start: int, end: int, doc: Doc | None = None) -> str | None:
    """"future", "perfect", "past" or None (present or unknown) for the clause holding
    ``text[start:end]``."""
    if doc is not None and _parsed_from(doc, text):
        verb = governing_verb(doc, start, end)
        if verb is not None:
            return verb_direction(verb)
    return cue_direction(text, start)


def _parsed_from(doc: Doc, text: str) -> bool:
    """Whether ``doc`` is the parse of ``text``, read off its last token: ``doc.text`` would
    rebuild the whole text at every expression, quadratic in a long document."""
    return len(doc) > 0 and doc[-1].idx + len(doc[-1].text_with_ws) == len(text)


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb the expression hangs from, climbing the parse from the expression's root."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.i not in range(span.start, span.end):
            return token
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def verb_direction(verb: Token, depth: int = 0) -> str | None:
    """Future with will/shall or a planning verb above an infinitive; past with a past tag."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_LEMMAS or a.lemma_ in FUTURE_LEMMAS for a in auxiliaries):
        return "future"
    if any(a.tag_ == "MD" and a.lower_ not in ("can", "could") for a in auxiliaries):
        return "future"
    if verb.lemma_ in PLAN_LEMMAS and verb.tag_ != "VBN":
        return "future"
    if any(a.lower_ == "to" for a in auxiliaries) and verb.head.i != verb.i and depth < 4:
        head = verb.head
        if head.lemma_ in PLAN_LEMMAS or head.lemma_ == "go":
            return "future"
        return verb_direction(head, depth + 1) if head.pos_ in ("VERB", "AUX") else None
    if any(a.lemma_ == "have" and a.tag_ in ("VBP", "VBZ") for a in auxiliaries):
        return "perfect"
    if verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    return None


def cue_direction(text: str, start: int) -> str | None:
    """Without a parse: future when a future cue precedes in the same clause, else past cues."""
    window = text[max(0, start - 80):start]
    breaks = list(CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end():] if breaks else window
    if FUTURE_CUES.search(clause):
        return "future"
    if PERFECT_CUES.search(clause):
        return "perfect"
    if PAST_CUES.search(clause):
        return "past"
    return None
