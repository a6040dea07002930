"""Actors through the article: pronouns, possessives and kind nouns resolved to the actor
named before (entity coreference), as the ``sitrep_coreference`` component.

No packaged coreference model runs offline here, so this is a rule-based resolver of the
classic kind: the candidates are the coded actors named earlier in the article (the named
entities of ``doc.spans["actors"]``); an anaphor takes the most salient candidate that agrees
with it. Salience is recency (sentences back), being a clause subject, and how often the
actor has been named so far. Agreement: a person pronoun ("he", "his") wants a person; a
group pronoun ("it", "its") a group or state; a plural one ("they", "their") a group, state
or people; a noun whose words give a sector but no country ("the army", "police", "the
ministry", "troops", "the gunman") an actor of the same PLOVER sector, named by the same
noun when it is a local body ("the army" after "Sudan's army"); failing that, a local body
takes the country its sentence names or the story is about, never a venue's or the
dateline's (:meth:`Coreference.resolve_kinds`); a noun of a body's kind ("the bloc", "the
group") an actor of the kinds it may name (``actors/role_nouns.tsv``); a counted plural ("the
two neighbours", "both sides") the sides last named together.

The component resolves the kind nouns once, before events are read, into
``doc.spans["references"]`` (and ``ActorContext.kinds``, which the actor resolver reads for
the phrase), and every pronoun there too; event extraction reads them through
``doc._.coreference`` and resolves a pronoun again only where its clause rules the antecedent
out ("accused them": not the accuser). Every resolution is kept on the Doc
(``doc._.actor_chains``: actor key → the character spans that refer to it).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.codebook.lexicon import Codebook, load_codebook
from sitrep.extract.arguments import phrase
from sitrep.model import Actor, EntityMention
from sitrep.nlp.deps import PREMODIFIER_DEPS
from sitrep.nlp.document import article_of
from sitrep.resolve.actors.component import doc_entities, has_actors
from sitrep.resolve.actors.resolver import ActorContext, ActorResolver

PERSON_LABELS = frozenset({"PERSON"})
PEOPLE_LABELS = frozenset({"NORP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SUBJECT_BONUS = 0.3
PREVIOUS_SUBJECT_BONUS = 0.3
"""What the subject of the sentence just before adds: the side a new sentence goes on
about ("China has tried to mediate. Its ambassador met ..."), however often another side
was named further back."""
REPEAT_BONUS = 0.1
REPEAT_CAP = 5
SECTOR_BONUS = 0.5
PRONOUN_REACH = 3  # sentences back a pronoun may reach
KIND_REACH = 3  # sentences back a kind noun without a determiner ("police") may reach
REFERENCE_SPANS = "references"
NOUN_POS = frozenset({"NOUN", "PROPN"})
# entity labels of names: a phrase holding one says whose it is ("leaders of the Group of Seven")
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
COPULA = "be"


def register_extensions() -> None:
    """``Doc._.actor_chains``, ``Doc._.event_refs``, ``Doc._.coreference`` and
    ``Span._.actor``, once."""
    for name in ("actor_chains", "event_refs", "coreference"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", default=None)


register_extensions()


@dataclass(frozen=True, slots=True)
class Referent:
    """An actor named in the text, as a candidate antecedent."""

    actor: Actor
    token: int
    sentence: int
    subject: bool
    person: bool
    plural: bool
    noun: str = ""  # the lemma of the noun its phrase is headed by ("army" in "Sudan's army")

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
    # pronoun token → the actor the component resolved it to (empty before it ran)
    pronouns: dict[int, Actor] = field(default_factory=dict)
    # people named with a role but no country yet ("Labour Minister Ana Ruiz"): only
    # what "he" or "she" may stand for; their country comes after assembly, as their own does
    people: list[Referent] = field(default_factory=list)

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
            if actor is None or token is None:
                continue
            person = entity.label in PERSON_LABELS
            if actor.country is None and not (person and actor.sector):
                continue
            head = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            root = head.root if head is not None and len(head) else token
            ref = Referent(
                actor=actor, token=root.i, sentence=found.sentence(root),
                subject=_subject(root), person=person,
                plural=entity.label in PEOPLE_LABELS or root.tag_ in ("NNS", "NNPS"),
                noun=_head_noun(root).lemma_.lower())
            (found.referents if actor.country is not None else found.people).append(ref)
        found.groups = _groups(doc, found.referents)
        doc._.actor_chains = {}
        return found

    def resolve_kinds(self, resolver: ActorResolver, ctx: ActorContext) -> list[Span]:
        """Every kind noun of the document ("the army", "police", "the ministry", "troops":
        a phrase whose own words give a sector but no country) resolved through the article,
        in text order: the most salient earlier actor of its sector (``kind_antecedent``);
        else, for a local body ("the government", "residents"), the context's country
        (``ActorContext.local_country``: the sentence's place for people and forces known by
        where they are, else the country the story is about). Each resolved noun is kept in
        ``ctx.kinds`` (what the actor resolver reads for the phrase), becomes a candidate
        antecedent itself, and is returned as a span whose ``_.actor`` is the actor and whose
        label says how it was found (``antecedent``, ``context``)."""
        found: list[Span] = []
        for head in self.doc:
            if not self._kind_head(head, resolver):
                continue
            span = phrase(head)
            reading = resolver.own_reading(span, ctx)
            if reading is None or reading.sector is None:
                continue
            if reading.country is not None:
                # "a court in London": a body whose own words place it is an antecedent of
                # its kind ("the judge" after it is that court's)
                self._add_referent(head, span, Actor(text=span.text, country=reading.country,
                                                     sector=reading.sector))
                continue
            if _owned_by_name(head, span):
                continue  # "leaders of the Group of Seven": the name says whose, coded or not
            code, how, name = self._kind_country(head, reading.sector, reading.local, ctx,
                                                 resolver)
            if code is None:
                continue
            ctx.kinds[head.i] = code
            actor = Actor(text=span.text, name=name, country=code, sector=reading.sector)
            out = Span(self.doc, span.start, span.end, label=how)
            out._.actor = actor
            found.append(out)
        return found

    def _add_referent(self, head: Token, span: Span, actor: Actor) -> None:
        """A candidate antecedent the named entities lack (none stands inside its phrase:
        "Cuba's foreign ministry" is already Cuba's), kept in text order."""
        if any(span.start <= r.token < span.end for r in self.referents):
            return
        ref = Referent(actor=actor, token=head.i, sentence=self.sentence(head),
                       subject=_subject(head), person=False,
                       plural=head.tag_ in ("NNS", "NNPS"), noun=head.lemma_.lower())
        at = bisect_right([r.token for r in self.referents], head.i)
        self.referents.insert(at, ref)

    def resolve_descriptions(self, resolver: ActorResolver, ctx: ActorContext) -> list[Span]:
        """Unnamed doers the article says more of: "the attacker, a 24-year-old Moldovan
        sailor", "the bomber was a Chadian citizen", "police identified the assailant as a
        30-year-old Tunisian". A description that names a country gives it, with its own
        sector where it has one, to the noun it describes and to the mentions of the same
        doer elsewhere (:meth:`same_doer`): a noun of no country of its own. Written to
        ``ctx.described``; returned as spans labelled ``description``."""
        found: list[Span] = []
        for noun, description in self._descriptions():
            own = resolver.own_reading(phrase(noun), ctx)
            if own is None or own.country is not None or own.sector is None:
                continue
            said = resolver.own_reading(self.doc[description.left_edge.i:description.i + 1],
                                        ctx)
            if said is None or said.country is None:
                continue
            for mention in self.same_doer(noun, own.sector, resolver, ctx):
                ctx.described[mention.i] = (said.country, said.sector)
                out = Span(self.doc, mention.i, mention.i + 1, label="description")
                out._.actor = Actor(text=mention.text, country=said.country,
                                    sector=said.sector or own.sector)
                found.append(out)
        return found

    def _descriptions(self) -> list[tuple[Token, Token]]:
        """(noun, the noun that describes it): an apposition, a predicate nominal after a
        copula ("the gunman was a ... sergeant"), or the object of "as" after a describing
        verb ("identified the assailant as ...")."""
        book = self.book
        pairs = []
        for token in self.doc:
            if token.pos_ not in NOUN_POS:
                continue
            if token.dep_ == "appos" and token.head.pos_ in NOUN_POS and token.head.i < token.i:
                pairs.append((token.head, token))
            elif token.dep_ == "attr" and token.head.lemma_ == COPULA:
                pairs += [(s, token) for s in token.head.children if s.dep_ == "nsubj"
                          and s.pos_ in NOUN_POS]
            elif token.dep_ == "pobj" and token.head.lower_ in book.cue("naming_preps") and \
                    token.head.head.lemma_.lower() in book.cue("describing_verbs"):
                pairs += [(o, token) for o in token.head.head.children if o.dep_ == "dobj"
                          and o.pos_ in NOUN_POS]
        return pairs

    def same_doer(self, noun: Token, sector: str, resolver: ActorResolver, ctx: ActorContext
                  ) -> list[Token]:
        """The noun and the mentions of the same unnamed doer: nouns of the same number that
        name no country of their own and are either the same word ("the bomber" after "a
        suicide bomber") or, like the noun, of a sector of doers of unknown allegiance
        (``perpetrator_sectors``: "the attacker" after "a gunman")."""
        kinds = self.book.cue("perpetrator_sectors")
        plural = noun.tag_ in ("NNS", "NNPS")
        found = [noun]
        for token in self.doc:
            if token.i == noun.i or token.pos_ != "NOUN" or token.ent_type_ or \
                    (token.tag_ == "NNS") != plural or token.dep_ in PREMODIFIER_DEPS:
                continue
            same = token.lemma_.lower() == noun.lemma_.lower()
            if not same and sector not in kinds:
                continue
            reading = resolver.own_reading(phrase(token), ctx)
            if reading is None or reading.country is not None or reading.sector is None:
                continue
            if same or reading.sector in kinds:
                found.append(token)
        return found

    def _kind_country(self, head: Token, sector: str, local: bool, ctx: ActorContext,
                      resolver: ActorResolver) -> tuple[str | None, str, str | None]:
        """The country of one kind noun, how it was found, and the antecedent's name."""
        member = self._member_of(head, resolver, ctx)
        if member is not None:
            return member, "member", None
        owner = self._owner_here(head)
        if owner is not None:
            # "the service said its officers arrested": a possessive pronoun whose antecedent
            # the same sentence names says whose they are, before any earlier actor of the
            # noun's sector
            return owner.country, "antecedent", owner.name
        if local and (named := ctx.named_country(head)) is not None:
            return named, "sentence", None
        chosen = None if self.introduces(head) else self.kind_antecedent(head, sector, local)
        if chosen is not None:
            linked = self._link(chosen, head, Actor(text=head.text, sector=sector))
            return (linked.country if linked else None), "antecedent", chosen.actor.name
        if local:
            return ctx.local_country(head, sector), "context", None
        return None, "", None

    def _owner_here(self, head: Token) -> Actor | None:
        """The actor a possessive pronoun on the noun stands for, when that actor is named
        earlier in the noun's own sentence ("X said its officers ..."); further back a
        pronoun is a weaker clue than the noun's own sector."""
        owner = self.possessor(head)
        if owner is None or owner.country is None:
            return None
        here = self.sentence(head)
        named = any(r.sentence == here and r.token < head.i and r.actor.country == owner.country
                    and (r.actor.name or r.actor.text) == owner.name for r in self.referents)
        return owner if named else None

    def _member_of(self, head: Token, resolver: ActorResolver, ctx: ActorContext
                   ) -> str | None:
        """The country of the body or place a kind noun says its people belong to or come
        from ("nurses affiliated with the Danish Nurses' Organisation", "engineers from two
        Japanese firms", "residents of Mosul"): the object of a preposition of membership
        (``member_preps``) on the noun or on a participle hung on it, when that object's own
        words name a country."""
        preps = self.book.cue("member_preps")
        holders = [head, *(c for c in head.children if c.dep_ == "acl")]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in preps:
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj" or obj.pos_ not in NOUN_POS:
                        continue
                    reading = resolver.own_reading(phrase(obj), ctx)
                    if reading is not None and reading.country is not None:
                        return reading.country
        return None

    def _kind_head(self, head: Token, resolver: ActorResolver) -> bool:
        """A noun that heads its phrase, stands in no name, and whose word or a word before
        it may give a sector: the words the actor resolver could read a kind from."""
        if head.pos_ not in NOUN_POS or head.dep_ in PREMODIFIER_DEPS or head.ent_type_:
            return False
        words = resolver.book.words
        return any(t.lower_ in words or t.lemma_.lower() in words
                   for t in (head, *head.lefts))

    def kind_antecedent(self, head: Token, sector: str, local: bool = False
                        ) -> Referent | None:
        """The actor a kind noun refers back to: the most salient earlier one of its sector
        named by the same noun ("the prime minister" after "Moldova's prime minister", "the
        army" after "Sudan's army"); else, for a noun that is no local body ("troops",
        "the gunman", "soldiers"), the most salient earlier actor of its sector ("troops"
        after "a Congolese army spokesman"; "journalists" are not the agency reporting the
        story). Such a noun with a determiner or possessor reaches back over the whole
        article, a bare one KIND_REACH sentences. A local body ("the government", "the
        authorities") reaches KIND_REACH sentences too, and only for one named by the same
        noun: further back, or named by another noun, the one of the country the story is
        about is likelier than the last foreign one named."""
        here = self.sentence(head)
        noun = head.lemma_.lower()
        reach = None if self.definite(head) and not local else KIND_REACH
        outlets = self.book.cue("reporting_sectors")

        def near(r: Referent) -> bool:  # an outlet reporting the story is no one's antecedent
            return (reach is None or here - r.sentence <= reach) and r.actor.sector not in outlets

        same = self._best(head, lambda r: r.actor.sector == sector and r.noun == noun
                          and near(r))
        if same is not None or local:
            return same
        return self._best(head, lambda r: r.actor.sector == sector and near(r))

    def collective(self, head: Token) -> list[Actor]:
        """The sides a counted definite plural stands for ("the two neighbours", "both
        sides", "the three countries"): the latest sides named together before it (joined
        by "and") whose number agrees. Empty when the noun counts nothing or no such group
        was named."""
        size = self._counted(head)
        if size is None:
            return []
        word = self.book.actors.words.get(head.lemma_.lower())
        sector = word.sector if word is not None and word.strong else None
        fitting: list[tuple[Referent, ...]] = []
        for group in self.groups:
            if max(r.token for r in group) >= head.i:
                break
            if sector is not None and any(r.actor.sector != sector for r in group):
                continue  # "the two presidents" are no company and ministry named together
            if len({_side(r) for r in group}) <= size:
                fitting.append(group)
        chosen = self._most_named(fitting, head) if fitting else None
        if chosen is None:  # never named together: the story's main countries
            chosen = self._most_salient(head, size)
        if len({_side(r) for r in chosen}) != size:
            return []
        return [a for r in chosen if (a := self._link(r, head, None)) is not None]

    def _most_named(self, groups: list[tuple[Referent, ...]], head: Token
                    ) -> tuple[Referent, ...]:
        """Of the groups of sides named together before a counted plural, the one whose
        countries the text names most often before it, the latest on a tie: "the two
        countries" of a story about a border deal are its two parties, not the guests named
        together at the signing."""
        counts: dict[str | None, int] = {}
        for ref in self.referents:
            if ref.token >= head.i:
                break
            counts[ref.actor.country] = counts.get(ref.actor.country, 0) + 1
        return max(reversed(groups), key=lambda g: sum(
            counts.get(code, 0) for code in {r.actor.country for r in g}))

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

    def resolve_pronouns(self) -> list[Span]:
        """Every personal pronoun and possessive of the document resolved to the actor it
        stands for (``pronoun``), in text order, as spans labelled ``pronoun`` whose
        ``_.actor`` is the actor; kept so that extraction reads them, and resolves again only
        where its clause rules an antecedent out ("accused them": not the accuser)."""
        found = []
        for token in self.doc:
            actor = self._pronoun(token, frozenset())
            if actor is None:
                continue
            self.pronouns[token.i] = actor
            span = Span(self.doc, token.i, token.i + 1, label="pronoun")
            span._.actor = actor
            found.append(span)
        return found

    def pronoun(self, token: Token, besides: frozenset[str] = frozenset()) -> Actor | None:
        """The actor a pronoun or possessive stands for, if one agrees and is near; an object
        pronoun is none of ``besides`` (the act's own doers: "accused them"). The component's
        reading is used when nothing is ruled out or it stands."""
        stored = self.pronouns.get(token.i)
        if stored is not None and stored.country not in besides:
            return replace(stored)
        return self._pronoun(token, besides)

    def _pronoun(self, token: Token, besides: frozenset[str]) -> Actor | None:
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
        outlets = self.book.cue("reporting_sectors")  # an outlet reporting the story: no one's
        # "he" or "she" may stand for a person named by a role whose country is known later
        people = self.people if word in self.book.cue("person_pronouns") else []
        chosen = self._best(token, lambda r: fits(r) and here - r.sentence <= PRONOUN_REACH
                            and r.actor.country not in besides
                            and r.actor.sector not in outlets, people)
        return self._link(chosen, token, None)

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

    def introduces(self, head: Token) -> bool:
        """The noun brings in someone new rather than pointing back: an indefinite
        determiner or a number ("a gendarme", "several soldiers", "30 men")."""
        dets = self.book.cue("indefinite_determiners")
        return any((c.dep_ == "det" and c.text.lower() in dets) or c.dep_ == "nummod"
                   for c in head.children)

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

    def _best(self, anaphor: Token, fits, more: list[Referent] | None = None  # noqa: ANN001
              ) -> Referent | None:
        """The most salient agreeing candidate named before the anaphor, among the
        referents and ``more`` (people of no country yet, for a personal pronoun)."""
        here = self.sentence(anaphor)
        seen: dict[str, int] = {}
        best, best_score = None, float("-inf")
        candidates = sorted([*self.referents, *more], key=lambda r: r.token) if more \
            else self.referents
        for ref in candidates:
            if ref.token >= anaphor.i:
                break
            seen[ref.key] = seen.get(ref.key, 0) + 1
            if not fits(ref):
                continue
            score = 1.0 / (1 + here - ref.sentence) + SUBJECT_BONUS * ref.subject \
                + REPEAT_BONUS * min(seen[ref.key], REPEAT_CAP) \
                + PREVIOUS_SUBJECT_BONUS * (ref.subject and here - ref.sentence == 1)
            if score >= best_score:
                best, best_score = ref, score
        return best

    def _link(self, chosen: Referent | None, token: Token, own: Actor | None) -> Actor | None:
        """The anaphor as an actor: its own words and sector, the antecedent's country; the
        link is added to the Doc's chains."""
        if chosen is None:
            return None
        chains = self.doc._.actor_chains
        span = (token.idx, token.idx + len(token.text))
        if chains is not None and span not in chains.setdefault(chosen.key, []):
            chains[chosen.key].append(span)
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
        if anchor.dep_ in PREMODIFIER_DEPS and anchor.head.i != anchor.i:
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


def _owned_by_name(head: Token, span: Span) -> bool:
    """The phrase names whose it is by a name, coded or not: a name inside it, or after
    "of" ("the leaders of the Group of Seven", "directors of Military Operations")."""
    if any(t.ent_type_ in NAME_LABELS for t in span):
        return True
    return any(obj.pos_ == "PROPN" for prep in head.children
               if prep.dep_ == "prep" and prep.lower_ == "of"
               for obj in prep.children if obj.dep_ == "pobj")


def _head_noun(token: Token) -> Token:
    """The noun whose phrase a name stands in: itself, or the noun it qualifies ("Sudan" in
    "Sudan's army", "Russian" in "Russian troops")."""
    while token.dep_ in PREMODIFIER_DEPS and token.head.i > token.i:
        token = token.head
    return token


def _subject(token: Token) -> bool:
    """A clause subject, or the name on one ("US officials", "China's embassy said",
    "Russian troops advanced")."""
    return token.dep_ in SUBJECT_DEPS or (token.dep_ in PREMODIFIER_DEPS
                                          and token.head.dep_ in SUBJECT_DEPS)


class CoreferenceFinder:
    """The ``sitrep_coreference`` component: the actors of the article (``doc.spans["actors"]``)
    as candidate antecedents, and every kind noun resolved through them
    (``doc.spans["references"]``), so event extraction reads the chains from the Doc."""

    def __init__(self, nlp: Language, name: str, resolver: ActorResolver | None = None) -> None:
        self.name = name
        self.nlp = nlp
        self._resolver = resolver
        register_extensions()

    @property
    def resolver(self) -> ActorResolver:
        """The actor component's resolver (one set of tables), else one of its own."""
        if self._resolver is None:
            finder = self.nlp.get_pipe("sitrep_actors") \
                if "sitrep_actors" in self.nlp.pipe_names else None
            own = getattr(finder, "resolver", None)
            self._resolver = own if isinstance(own, ActorResolver) else ActorResolver()
        return self._resolver

    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.actor_context if has_actors(doc) else None
        if ctx is None:
            ctx = self.resolver.context(doc, article_of(doc), [])
            doc._.actor_context = ctx
        found = Coreference.build(doc, doc_entities(doc, ""), load_codebook())
        described = found.resolve_descriptions(self.resolver, ctx)
        kinds = found.resolve_kinds(self.resolver, ctx)
        doc.spans[REFERENCE_SPANS] = sorted([*described, *kinds, *found.resolve_pronouns()],
                                            key=lambda span: span.start)
        doc._.coreference = found
        return doc


def has_coreference(doc: Doc) -> bool:
    """Whether the component has run over ``doc``."""
    register_extensions()
    return isinstance(doc._.coreference, Coreference) and REFERENCE_SPANS in doc.spans
