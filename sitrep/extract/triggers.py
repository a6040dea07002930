"""Find event triggers in a parsed document: lexicon lemmas, multi-word expressions, negatives.

Single words are looked up by (lemma, part of speech) in a dictionary; multi-word expressions
("open fire", "hunger strike") and negative phrases ("heart attack") go through one spaCy
``Matcher`` on lemmas. A word inside a matched expression is not looked up again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from sitrep.codebook.lexicon import Codebook, Trigger, load_codebook

WORD_POS = {"VERB": ("VERB",), "NOUN": ("NOUN",), "ADJ": ("ADJ", "VERB")}
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "LAW",
                       "PRODUCT", "EVENT"})
SKIP_DEPS = frozenset({"punct", "relcl", "advcl", "ccomp", "parataxis", "mark", "cc", "appos"})
WITH_DEPTH = 3
# a participle used as a modifier or a noun ("the besieged town", "the wounded") is no event
ADJECTIVAL_DEPS = frozenset({"amod", "dobj", "nsubj", "nsubjpass", "pobj", "compound"})
# the word a trigger hangs on can make it ordinary too: the verb of a noun object ("gave the
# plan a boost"), the noun a participle describes ("a documentary shot on location")
HOST_DEPS = frozenset({"dobj", "acl"})
SCORE = re.compile(r"^\d+[-–]\d+$")


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """One trigger found in a document: the words, the token arguments hang on, the entry."""

    start: int
    end: int
    head: Token
    entry: Trigger

    @property
    def span(self) -> Span:
        return self.head.doc[self.start:self.end]


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def complement_lemmas(head: Token, depth: int = WITH_DEPTH) -> set[str]:
    """Lemmas of the words a trigger governs (objects, particles, modifiers, its subject), so
    "strengthen ties" and "military personnel operate" can be told from other uses.
    An adjective's clause ("troops were present") lends its subject too, and an infinitive
    clause its subject ("allowed inspectors to visit")."""
    found: set[str] = set()
    # "according to" is a source, not a complement, though its lemma is "accord"
    sources = load_codebook().cue("according_to")
    frontier = [head]
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr", "oprd"):
        frontier.append(head.head)
    for _ in range(depth):
        nxt = []
        for token in frontier:
            for child in token.children:
                if child.dep_ == "ccomp" and token is head:
                    raised = _raised_subjects(child)
                    found.update(w for t in raised for w in (lemma(t), t.lower_))
                    nxt.extend(raised)
                if child.dep_ in SKIP_DEPS or child in frontier or child.lower_ in sources:
                    continue
                found.add(lemma(child))
                found.add(child.lower_)
                nxt.append(child)
        frontier = nxt
    return found


def _raised_subjects(clause: Token) -> list[Token]:
    """The subject of an infinitive clause is the object of the verb above it: "allowed
    inspectors to visit" governs the inspectors."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return []
    return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


class TriggerMatcher:
    """The lexicon compiled for one vocabulary: a lemma table and a phrase matcher."""

    def __init__(self, vocab: Vocab, codebook: Codebook | None = None) -> None:
        self.codebook = codebook or load_codebook()
        self.words: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
        self.phrases: dict[str, Trigger] = {}
        self.matcher = PhraseMatcher(vocab, attr="LEMMA")
        for entry in self.codebook.triggers:
            if entry.pos == "PHRASE":
                key = f"T{len(self.phrases)}"
                self.phrases[key] = entry
                self.matcher.add(key, _lemma_docs(vocab, entry.words))
            else:
                self.words[(entry.lemma, entry.pos)].append(entry)
        for entries in self.words.values():
            entries.sort(key=lambda e: not e.with_)
        self.negative_with: dict[str, frozenset[str]] = {}
        for i, neg in enumerate(self.codebook.negatives):
            if neg.kind == "phrase":
                self.matcher.add(f"N{i}", _lemma_docs(vocab, tuple(neg.lemma.split())))
            else:
                self.negative_with[neg.lemma] = neg.with_ | self.negative_with.get(
                    neg.lemma, frozenset())

    def __call__(self, doc: Doc) -> list[TriggerHit]:
        """Every trigger of the document, in text order."""
        phrase_hits, blocked = self._phrases(doc)
        hits = list(phrase_hits)
        for token in doc:
            if token.i in blocked:
                continue
            hit = self._word(token)
            if hit is not None:
                hits.append(hit)
        return sorted(hits, key=lambda h: h.start)

    def _phrases(self, doc: Doc) -> tuple[list[TriggerHit], set[int]]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label=match_id)
            spans.append(span)
        hits, blocked = [], set()
        for span in filter_spans(spans):
            blocked.update(range(span.start, span.end))
            entry = self.phrases.get(span.label_)
            if entry is None or self._negated(span.root, entry):
                continue
            hits.append(TriggerHit(span.start, span.end, span.root, entry))
        return hits, blocked

    def _word(self, token: Token) -> TriggerHit | None:
        if token.ent_type_ in NAME_ENTS and token.pos_ == "NOUN":
            return None
        if token.pos_ == "NOUN" and token.dep_ == "compound" and \
                lemma(token.head) not in self.codebook.cue("light_heads"):
            return None
        if token.pos_ == "VERB" and token.dep_ in ADJECTIVAL_DEPS:
            return None
        key = lemma(token)
        for pos in ("VERB", "NOUN", "ADJ"):
            if token.pos_ not in WORD_POS[pos]:
                continue
            entries = self.words.get((key, pos)) or (
                self.words.get((token.lower_, pos)) if pos == "ADJ" else None)
            if entries:
                entry = self._choose(token, entries)
                if entry is not None:
                    return TriggerHit(token.i, token.i + 1, token, entry)
        return None

    def _choose(self, token: Token, entries: list[Trigger]) -> Trigger | None:
        """The first entry whose object condition holds (specific entries come first)."""
        governed = complement_lemmas(token)
        if self._ordinary(token, entries[0].lemma, governed):
            return None
        sport = _scoreline(token)
        for entry in entries:
            if entry.with_ and not entry.with_ & governed:
                continue
            if entry.pos == "ADJ" and not entry.with_ and not _has_clause(token):
                continue
            if sport and entry.type in self.codebook.cue("scoreline_types"):
                continue
            return entry
        return None

    def _negated(self, head: Token, entry: Trigger) -> bool:
        governed = complement_lemmas(head)
        if entry.with_ and not entry.with_ & governed:
            return True
        return self._ordinary(head, entry.lemma, governed)

    def _ordinary(self, token: Token, key: str, governed: set[str]) -> bool:
        """A negative of the lexicon holds: "released a statement", "the storm destroyed",
        and, through the word the trigger hangs on, a light verb's object ("gave a boost")."""
        nearby = governed | {lemma(token.head)} if token.dep_ in HOST_DEPS else governed
        return bool(self.negative_with.get(key, frozenset()) & nearby)


def _scoreline(token: Token) -> bool:
    """A match result hangs on the verb, so its violence words are sport (a team "routed"
    another "3-0"): a number, a dash, a number."""
    for child in token.children:
        if child.pos_ != "NUM":
            continue
        if SCORE.match(child.text):
            return True
        after = token.doc[child.i + 1:child.i + 3]
        if len(after) == 2 and after[0].text in ("-", "–") and after[1].pos_ == "NUM":
            return True
    return False


def _has_clause(token: Token) -> bool:
    """An adjective trigger ("willing", "ready") needs a to-clause of its own."""
    return any(c.dep_ in ("xcomp", "ccomp") for c in token.children)


def _lemma_docs(vocab: Vocab, words: tuple[str, ...]) -> list[Doc]:
    """Pattern documents whose lemmas are the expression's words (also capitalised, for
    headlines and sentence starts)."""
    forms = {words, (words[0].capitalize(), *words[1:])}
    return [Doc(vocab, words=list(f), lemmas=list(f)) for f in sorted(forms)]


@cache
def trigger_matcher(vocab: Vocab) -> TriggerMatcher:
    """One compiled matcher per vocabulary (the pipeline has one)."""
    return TriggerMatcher(vocab)
