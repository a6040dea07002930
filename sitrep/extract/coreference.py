"""Actors through the article: pronouns, possessives and role nouns resolved to the actor
named before (entity coreference).

No packaged coreference model runs offline here, so this is a rule-based resolver of the
classic kind: the candidates are the coded actors named earlier in the article (named
entities the actor resolver coded); an anaphor takes the most salient candidate that agrees
with it. Salience is recency (sentences back), being a clause subject, and how often the
actor has been named so far. Agreement: a person pronoun ("he", "his") wants a person; a
group pronoun ("it", "its") a group or state; a plural one ("they", "their") a group, state
or people; a role noun ("the gunman", "the rebels", "the ministry") an actor of the same
PLOVER sector, a person when the noun is singular and names one; a kind noun ("the bloc", "the
group") an actor of the kinds it may name (``actors/role_nouns.tsv``); a counted plural ("the
two neighbours", "both sides") the sides last named together. Every resolution is kept on
the Doc (``doc._.actor_chains``: actor key → the character spans that refer to it), so later
stages read the chains instead of resolving again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from sitrep.codebook.lexicon import Codebook
from sitrep.model import Actor, EntityMention
from sitrep.nlp.deps import PREMODIFIER_DEPS

PERSON_LABELS = frozenset({"PERSON"})
PEOPLE_LABELS = frozenset({"NORP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SUBJECT_BONUS = 0.3
REPEAT_BONUS = 0.1
REPEAT_CAP = 5
SECTOR_BONUS = 0.5
PRONOUN_REACH = 3  # sentences back a pronoun may reach

if not Doc.has_extension("actor_chains"):
    Doc.set_extension("actor_chains", default=None)
if not Doc.has_extension("event_refs"):
    Doc.set_extension("event_refs", default=None)


@dataclass(frozen=True, slots=True)
class Referent:
    """An actor named in the text, as a candidate antecedent."""

    actor: Actor
    token: int
    sentence: int
    subject: bool
    person: bool
    plural: bool

    @property
    def key(self) -> str:
        return f"{self.actor.country}|{self.actor.name or self.actor.text}"


@dataclass
class Coreference:
    """The candidate antecedents of one document and the chains resolved so far."""

    doc: Doc
    book: Codebook
    referents: list[Referent] = field(default_factory=list)
    sentences: dict[int, int] = field(default_factory=dict)
    groups: list[tuple[Referent, ...]] = field(default_factory=list)

    def sentence(self, token: Token) -> int:
        """The ordinal of the token's sentence in the document."""
        if not self.sentences:
            return 0
        return self.sentences.get(token.sent.start, 0)

    @classmethod
    def build(cls, doc: Doc, entities: list[EntityMention], book: Codebook) -> Coreference:
        """Candidates from the coded named entities, in text order."""
        found = cls(doc, book)
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            found.sentences = {sent.start: n for n, sent in enumerate(doc.sents)}
        starts = {t.idx: t for t in doc}
        for entity in entities:
            actor = entity.actor
            token = starts.get(entity.start)
            if actor is None or actor.country is None or token is None:
                continue
            head = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            root = head.root if head is not None and len(head) else token
            found.referents.append(Referent(
                actor=actor, token=root.i, sentence=found.sentence(root),
                subject=_subject(root), person=entity.label in PERSON_LABELS,
                plural=entity.label in PEOPLE_LABELS or root.tag_ in ("NNS", "NNPS")))
        found.groups = _groups(doc, found.referents)
        doc._.actor_chains = {}
        return found

    def collective(self, head: Token) -> list[Actor]:
        """The sides a counted definite plural stands for ("the two neighbours", "both
        sides", "the three countries"): the latest sides named together before it (joined
        by "and") whose number agrees. Empty when the noun counts nothing or no such group
        was named."""
        size = self._counted(head)
        if size is None:
            return []
        chosen: tuple[Referent, ...] | None = None
        for group in self.groups:
            if max(r.token for r in group) >= head.i:
                break
            if len({_side(r) for r in group}) <= size:
                chosen = group
        if chosen is None:  # never named together: the story's main countries
            chosen = self._most_salient(head, size)
        if len({_side(r) for r in chosen}) != size:
            return []
        return [a for r in chosen if (a := self._link(r, head, None)) is not None]

    def _most_salient(self, head: Token, size: int) -> tuple[Referent, ...]:
        """The sides a counted plural stands for when the text never named sides together
        ("Mexico will sue Ecuador ... the two countries"): the countries named most often
        before it (the later named first on a tie), each by its latest mention, as many as
        the noun counts. The outlets that report the story are no sides of it."""
        counts: dict[str, int] = {}
        latest: dict[str, Referent] = {}
        for ref in self.referents:
            if ref.token >= head.i:
                break
            code = ref.actor.country
            if code is None or ref.actor.sector in self.book.cue("reporting_sectors"):
                continue
            counts[code] = counts.get(code, 0) + 1
            latest[code] = ref
        ranked = sorted(counts, key=lambda c: (counts[c], latest[c].token), reverse=True)
        return tuple(latest[c] for c in ranked[:size])

    def _counted(self, head: Token) -> int | None:
        """How many sides a plural noun counts: "both", or a number word after a definite
        determiner ("the two armies"); None for anything else ("two soldiers")."""
        if head.tag_ not in ("NNS", "NNPS"):
            return None
        numbers = self.book.cues["number_words"]
        size = None
        for child in head.children:
            word = child.text.lower()
            if child.dep_ in ("det", "predet", "preconj") and word in self.book.cue("pair_words"):
                return 2
            if child.dep_ == "nummod" and isinstance(numbers.get(word), int):
                size = numbers[word]
        return size if size is not None and size >= 2 and self.definite(head) else None

    def pronoun(self, token: Token, besides: frozenset[str] = frozenset()) -> Actor | None:
        """The actor a pronoun or possessive stands for, if one agrees and is near; an object
        pronoun is none of ``besides`` (the act's own doers: "accused them")."""
        word = token.text.lower()
        if word in self.book.cue("person_pronouns"):
            fits = lambda r: r.person  # noqa: E731
        elif word in self.book.cue("group_pronouns"):
            fits = lambda r: not r.person and not r.plural  # noqa: E731
        elif word in self.book.cue("plural_pronouns"):
            fits = lambda r: not r.person  # noqa: E731
        else:
            return None
        here = self.sentence(token)
        chosen = self._best(token, lambda r: fits(r) and here - r.sentence <= PRONOUN_REACH
                            and r.actor.country not in besides)
        return self._link(chosen, token, None)

    def role(self, head: Token, actor: Actor) -> Actor | None:
        """The actor a definite role noun ("the gunman", "the rebels") stands for: an earlier
        actor of the same sector, a person when the noun is singular."""
        if actor.sector is None or not self.definite(head):
            return None
        singular = head.tag_ in ("NN", "NNP")

        def fits(r: Referent) -> bool:
            return r.actor.sector == actor.sector and (r.person or not singular or not r.plural)

        chosen = self._best(head, fits)
        return self._link(chosen, head, actor)

    def kind(self, head: Token) -> Actor | None:
        """The actor a definite kind noun ("the bloc", "the group", "this organisation")
        stands for: the most salient earlier actor of a kind the noun may name
        (``actors/role_nouns.tsv``: a non-state code in its country place, or its sector)."""
        codes = self.book.actors.role_nouns.get(head.lemma_.lower()) or \
            self.book.actors.role_nouns.get(head.lower_)
        if codes is None or not self.definite(head):
            return None

        def fits(r: Referent) -> bool:
            return not r.person and (r.actor.country in codes or r.actor.sector in codes)

        return self._link(self._best(head, fits), head, None)

    def definite(self, head: Token) -> bool:
        """The noun points back: a definite or demonstrative determiner, or a possessive."""
        dets = self.book.cue("definite_determiners")
        return any((c.dep_ == "det" and c.text.lower() in dets) or c.dep_ == "poss"
                   for c in head.children)

    def possessor(self, head: Token) -> Actor | None:
        """The actor a possessive pronoun on the head names ("its fighters")."""
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ == "PRON":
                return self.pronoun(child)
        return None

    def _best(self, anaphor: Token, fits) -> Referent | None:  # noqa: ANN001
        """The most salient agreeing candidate named before the anaphor."""
        here = self.sentence(anaphor)
        seen: dict[str, int] = {}
        best, best_score = None, float("-inf")
        for ref in self.referents:
            if ref.token >= anaphor.i:
                break
            seen[ref.key] = seen.get(ref.key, 0) + 1
            if not fits(ref):
                continue
            score = 1.0 / (1 + here - ref.sentence) + SUBJECT_BONUS * ref.subject \
                + REPEAT_BONUS * min(seen[ref.key], REPEAT_CAP)
            if score >= best_score:
                best, best_score = ref, score
        return best

    def _link(self, chosen: Referent | None, token: Token, own: Actor | None) -> Actor | None:
        """The anaphor as an actor: its own words and sector, the antecedent's country; the
        link is added to the Doc's chains."""
        if chosen is None:
            return None
        chains = self.doc._.actor_chains
        if chains is not None:
            chains.setdefault(chosen.key, []).append((token.idx, token.idx + len(token.text)))
        ante = chosen.actor
        sector = own.sector if own is not None and own.sector else ante.sector
        return Actor(text=own.text if own is not None else token.text, name=ante.name,
                     country=ante.country, sector=sector)


def _groups(doc: Doc, referents: list[Referent]) -> list[tuple[Referent, ...]]:
    """Sides named together, in text order: referents whose phrases are joined by "and"
    ("Ethiopia and Somalia", "Congo's government and the M23 group")."""
    at = {r.token: r for r in referents}

    def member(token: Token) -> Referent | None:
        if token.i in at:
            return at[token.i]
        return next((at[c.i] for c in token.children if c.dep_ in PREMODIFIER_DEPS and c.i in at),
                    None)

    seen: set[tuple[int, ...]] = set()
    groups = []
    for ref in referents:
        anchor = doc[ref.token]
        if anchor.dep_ in PREMODIFIER_DEPS and anchor.head is not anchor:
            anchor = anchor.head
        found = [m for t in (anchor, *anchor.conjuncts) if (m := member(t)) is not None]
        key = tuple(sorted({m.token for m in found}))
        if len(key) >= 2 and key not in seen:
            seen.add(key)
            groups.append(tuple(sorted({m.token: m for m in found}.values(),
                                       key=lambda m: m.token)))
    return sorted(groups, key=lambda g: max(r.token for r in g))


def _side(ref: Referent) -> tuple[str, str | None]:
    """Who a referent is as a side: its actor and sector ("the government" and "the rebels"
    are two sides of one country)."""
    return ref.key, ref.actor.sector


def _subject(token: Token) -> bool:
    """A clause subject, or the name on one ("US officials", "China's embassy said")."""
    return token.dep_ in SUBJECT_DEPS or (token.dep_ in ("compound", "poss")
                                          and token.head.dep_ in SUBJECT_DEPS)
