"""Counts an event carries: dead, wounded, arrested, troops ("100 military trainers").

A quantity is a number modifying a noun among the event's own words (its objects, subjects,
prepositional phrases); dates, times, percentages and durations are not counts.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from sitrep.codebook.lexicon import Codebook, load_codebook
from sitrep.model import Quantity

NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL"})
NAMES = frozenset({"FAC", "ORG", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT",
                   "PERSON"})
DIGITS = re.compile(r"^\d[\d,]*(\.\d+)?$")
MAX_DEPTH = 4
STOP_DEPS = frozenset({"relcl", "advcl", "ccomp", "parataxis"})


def number_value(tokens: list[Token], book: Codebook) -> float | int | None:
    """The value of a number's words ("25,000", "70 million", "three")."""
    words = book.cues["number_words"]
    value: float | None = None
    for token in tokens:
        text = token.lower_
        if DIGITS.match(text):
            part = float(text.replace(",", ""))
            value = part if value is None else value + part
        elif text in book.cue("scale_words"):
            value = (value or 1) * words[text]
        elif text in words:
            value = (value or 0) + words[text]
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _number_tokens(num: Token) -> list[Token]:
    """The number word and its own parts ("70 million", "more than 1,000")."""
    parts = [num, *[c for c in num.children if c.dep_ in ("compound", "nummod", "quantmod")
                    and (c.like_num or c.lower_ in load_codebook().cue("scale_words"))]]
    return sorted(parts, key=lambda t: t.i)


def _quantity(num: Token, book: Codebook) -> Quantity | None:
    if num.ent_type_ in NOT_COUNTS:
        return None
    noun = num.head
    if noun.lemma_.lower() in book.cue("time_units") or noun.ent_type_ in NOT_COUNTS:
        return None
    parts = _number_tokens(num)
    value = number_value(parts, book)
    if value is None:
        return None
    start = min(t.left_edge.i for t in parts)
    doc = num.doc
    if num.dep_ == "nummod" and noun.i > num.i:
        text = doc[start:noun.i + 1].text
        return Quantity(text=text, value=value, unit=noun.lower_)
    return Quantity(text=doc[start:num.i + 1].text, value=value, unit=None)


def _is_count(token: Token) -> bool:
    if not token.like_num or token.pos_ not in ("NUM", "NOUN") or token.ent_type_ in NAMES:
        return False
    if token.dep_ == "nummod":
        return token.head.pos_ == "NOUN" and token.head.ent_type_ not in NAMES
    return token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")


def quantities(roots: list[Token], book: Codebook) -> list[Quantity]:
    """Counts within the event's own words, in text order, each once."""
    seen: set[int] = set()
    found: list[tuple[int, Quantity]] = []
    frontier = list(roots)
    for _ in range(MAX_DEPTH):
        nxt: list[Token] = []
        for token in frontier:
            if token.i in seen:
                continue
            seen.add(token.i)
            if _is_count(token) and (q := _quantity(token, book)) is not None:
                found.append((token.i, q))
            nxt.extend(c for c in token.children if c.dep_ not in STOP_DEPS)
        frontier = nxt
    found.sort(key=lambda pair: pair[0])
    result: list[Quantity] = []
    for _, q in found:
        if all(q.text != r.text for r in result):
            result.append(q)
    return result
