"""Actor resolution as a spaCy component: the named entities that stand for an actor go to
``doc.spans["actors"]`` (each span's actor on ``span._.actor``) and the document's actor
context (its focus country, each sentence's places) to ``doc._.actor_context``, so that event
extraction and coreference read them from the ``Doc`` instead of resolving them again.

It runs after the places are resolved (``doc._.places``, written by ``sitrep_place_resolver``),
since a phrase that names no country ("the government", "villagers") takes the one its sentence
or the article is about, and reads the article (its dateline and date) from ``doc._.article``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.codebook.lexicon import load_codebook
from sitrep.model import Actor, EntityMention
from sitrep.nlp.document import article_of
from sitrep.resolve.actors.aliases import Alias, bracketed, collect, known_as, short_names
from sitrep.resolve.actors.resolver import ActorContext, ActorResolver
from sitrep.resolve.places.component import doc_places

ACTOR_SPANS = "actors"
PLACE_OR_TIME = frozenset({"GPE", "LOC", "DATE", "TIME"})


def register_extensions() -> None:
    """``Doc._.actor_context`` (an ActorContext or None) and ``Span._.actor``, once."""
    if not Doc.has_extension("actor_context"):
        Doc.set_extension("actor_context", default=None)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", default=None)


class ActorFinder:
    """Writes ``doc.spans["actors"]`` and ``doc._.actor_context`` with one resolver."""

    def __init__(self, nlp: Language, name: str, resolver: ActorResolver | None = None) -> None:
        self.name = name
        self.resolver = resolver or ActorResolver()
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        article = article_of(doc)
        ctx = self.resolver.context(doc, article, doc_places(doc))
        actors = {ent.start: self.resolver.entity_actor(ent, ctx) for ent in doc.ents}
        ctx.aliases = collect(self._aliases(doc, actors, ctx))
        if ctx.aliases:  # "the MWR", "Dlamini": read again with the article's own names
            actors = {ent.start: self.resolver.entity_actor(ent, ctx) for ent in doc.ents}
        spans = []
        for ent in doc.ents:
            actor = actors[ent.start]
            if actor is not None:
                span = Span(doc, ent.start, ent.end, label=ent.label_)
                span._.actor = actor
                spans.append(span)
        doc.spans[ACTOR_SPANS] = spans
        doc._.actor_context = ctx
        return doc

    def _aliases(self, doc: Doc, actors: dict[int, Actor | None], ctx: ActorContext
                 ) -> list[tuple[Alias, Actor]]:
        """The names the article gives its actors: an abbreviation in brackets or a name
        "known as" after a long form that names an actor, and the surname of a person named
        in full (:func:`short_names`)."""
        book = load_codebook()
        verbs, preps = book.cue("naming_verbs"), book.cue("naming_preps")
        found: list[tuple[Alias, Actor]] = []
        for ent in doc.ents:
            actor = actors.get(ent.start)
            names = short_names(ent) if ent.label_ == "PERSON" else []
            if actor is not None and (actor.country is not None or actor.sector is not None):
                # a title without a country ("Prime Minister KP Sharma Oli") passes on its
                # sector, and "Oli" takes the context's country as a local body does
                found.extend((name, actor) for name in names)
        for token in doc:
            given = bracketed(token) or known_as(token, verbs, preps)
            if given is None:
                continue
            alias, long_form = given
            if not _names_a_body(long_form, ctx):
                continue
            reading = self.resolver.own_reading(long_form, ctx)
            if reading is None or alias == tuple(t.text for t in long_form):
                continue
            if reading.country is not None:
                actor = self.resolver.resolve_span(long_form, ctx)
            elif reading.local and reading.sector is not None:
                # "the Ministry of Water Resources (MWR)": a local body, whose country the
                # context gives each mention as it gives the long form's
                actor = Actor(text=long_form.text, sector=reading.sector)
            else:
                continue
            if actor is not None:
                found.append((alias, actor))
        return found


def _names_a_body(long_form: Span, ctx: ActorContext) -> bool:
    """A long form an alias may stand for: not in the dateline ("N'DJAMENA, May 14
    (Reuters)", a credit, not a name) and not a place or a date itself."""
    if ctx.dateline is not None and long_form.start_char < ctx.dateline[1]:
        return False
    return long_form.root.ent_type_ not in PLACE_OR_TIME


def has_actors(doc: Doc) -> bool:
    """Whether the component has run over ``doc`` (an empty result included)."""
    register_extensions()
    return ACTOR_SPANS in doc.spans and doc._.actor_context is not None


def doc_entities(doc: Doc, doc_id: str) -> list[EntityMention]:
    """Every named entity of ``doc``, with the actor the component found it stands for."""
    actors = {(s.start, s.end): s._.actor for s in doc.spans.get(ACTOR_SPANS, [])}
    found = []
    for ent in doc.ents:
        actor = actors.get((ent.start, ent.end))
        found.append(EntityMention(doc_id=doc_id, start=ent.start_char, end=ent.end_char,
                                   text=ent.text, label=ent.label_,
                                   actor=replace(actor) if actor is not None else None))
    return found
