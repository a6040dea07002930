"""The one function that does the work: articles in, coded articles out.

Every face (``sitrep code``, ``sitrep ingest``, the HTTP API, ``sitrep eval``) calls
:meth:`Coder.code_articles`; a single text goes through the same path via :func:`code`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.cluster.assemble import assemble
from sitrep.codebook.lexicon import load_codebook
from sitrep.errors import InputError, SetupError, SitrepError
from sitrep.extract.acled import fight_offsets, with_acled
from sitrep.extract.coreference import CoreferenceFinder, has_coreference
from sitrep.extract.events import extract_events
from sitrep.model import Article, CodedArticle, Event, content_hash
from sitrep.nlp.document import set_article
from sitrep.nlp.parse import parse_stream
from sitrep.nlp.pipeline import DEFAULT_MODEL, build_pipeline
from sitrep.nlp.truecase import is_shouting, prepare_text
from sitrep.resolve.actors import ActorResolver
from sitrep.resolve.actors.component import ActorFinder, doc_entities, has_actors
from sitrep.resolve.places import Geocoder, is_seat_as_actor
from sitrep.resolve.places.component import PlaceFinder, PlaceResolver, doc_places, has_places
from sitrep.resolve.times.component import TimeTagger, doc_times, has_times, mark_doc


@dataclass(frozen=True, slots=True)
class Options:
    """What a run can be told; one object instead of a wide signature."""

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    n_process: int = 1


class Coder:
    """Holds the loaded pipeline and resolvers; reuse one for many articles."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.nlp: Language = build_pipeline(self.options.model)
        # One geocoder for finding place names (the ``sitrep_places`` component) and resolving
        # them: one gazetteer connection, one cache.
        places = self._pipe("sitrep_places")
        self.geocoder = places.geocoder if isinstance(places, PlaceFinder) else Geocoder()
        # The components that resolve places and actors, taken from the pipeline (or made for
        # a pipeline without them), so that a Doc parsed elsewhere goes through the same ones.
        resolver = self._pipe("sitrep_place_resolver")
        self.place_resolver = resolver if isinstance(resolver, PlaceResolver) else \
            PlaceResolver(self.nlp, "sitrep_place_resolver", self.geocoder)
        actors = self._pipe("sitrep_actors")
        self.actor_finder = actors if isinstance(actors, ActorFinder) else \
            ActorFinder(self.nlp, "sitrep_actors")
        self.actors: ActorResolver = self.actor_finder.resolver
        coreference = self._pipe("sitrep_coreference")
        self.coreference = coreference if isinstance(coreference, CoreferenceFinder) else \
            CoreferenceFinder(self.nlp, "sitrep_coreference", self.actors)

    def _pipe(self, name: str) -> object | None:
        return self.nlp.get_pipe(name) if name in self.nlp.pipe_names else None

    def code_articles(self, articles: Iterable[Article],
                      on_error: Callable[[InputError], None] | None = None
                      ) -> Iterator[CodedArticle]:
        """Code a stream of articles with ``nlp.pipe``: constant memory per batch.

        An article that fails to code becomes an :class:`InputError` naming it and the reason,
        given to ``on_error`` (raised when there is none); the other articles, those of its
        batch included, are coded all the same.
        """
        report = on_error or _raise
        feed = _Feed(articles)
        parsed = self._parse(feed)
        while True:
            try:
                doc, article = next(parsed)
            except StopIteration:
                return
            except Exception:
                if feed.failed:
                    raise
                # The batch in flight failed as a whole: code its articles one at a time.
                while feed.pending:
                    yield from self._code_alone(feed.pending.popleft(), report)
                parsed = self._parse(feed)
                continue
            feed.pending.popleft()
            coded = self._code_one(doc, article, report)
            if coded is not None:
                yield coded

    def _parse(self, pairs: Iterable[tuple[str, Article]]) -> Iterator[tuple[Doc, Article]]:
        return parse_stream(self.nlp, pairs, batch_size=self.options.batch_size,
                            n_process=self.options.n_process, prepare=prepare_doc)

    def _code_alone(self, article: Article, report: Callable[[InputError], None]
                    ) -> Iterator[CodedArticle]:
        try:
            doc, _ = next(self._parse([(prepare_text(article), article)]))
        except SetupError:
            raise
        except Exception as exc:
            report(_failure(article, exc))
            return
        coded = self._code_one(doc, article, report)
        if coded is not None:
            yield coded

    def _code_one(self, doc: Doc, article: Article, report: Callable[[InputError], None]
                  ) -> CodedArticle | None:
        try:
            return self.code_doc(doc, article)
        except SetupError:
            raise
        except Exception as exc:
            report(_failure(article, exc))
            return None

    def code_article(self, article: Article) -> CodedArticle:
        """Code one article; raises :class:`InputError` when it cannot be coded."""
        return next(self.code_articles([article]))

    def code_doc(self, doc: Doc, article: Article) -> CodedArticle:
        """Resolve one parsed document: entities, places, times, then event mentions over
        them, assembled into one record per real-world event. The times, places and actors are
        those the pipeline's components put on the Doc (they run here on a Doc parsed without
        them, or parsed for another article)."""
        times = doc_times(self._timed(doc, article), article.id)
        doc = self._resolved(doc, article)
        places = doc_places(doc)
        entities = doc_entities(doc, article.id)
        mentions = extract_events(doc, article, places=places, times=times, actors=self.actors,
                                  entities=entities)
        book = load_codebook()
        events = with_acled(assemble(mentions, doc, article), book,
                            fight_offsets(doc, book))
        # a capital named as a doer is its government: read by the actors and events above,
        # but no place of the article
        return CodedArticle(article=article, events=events, entities=entities,
                            places=[p for p in places if not is_seat_as_actor(p)], times=times)


    def _resolved(self, doc: Doc, article: Article) -> Doc:
        """``doc`` with the places and actors of ``article``: the pipeline's, or resolved now
        (a Doc parsed elsewhere, by a pipeline without the components, or for another
        article)."""
        if doc._.article is article and has_places(doc) and has_actors(doc):
            return doc if has_coreference(doc) else self.coreference(doc)
        set_article(doc, article)
        return self.coreference(self.actor_finder(self.place_resolver(doc)))

    def _timed(self, doc: Doc, article: Article) -> Doc:
        """``doc`` with its times: the pipeline's, or the time tagger's run now (a Doc parsed
        elsewhere, or by a pipeline without the component)."""
        if has_times(doc):
            return doc
        prepare_doc(doc, article)
        return _time_tagger()(doc)


def prepare_doc(doc: Doc, article: Article) -> None:
    """What the components read besides the text: the article (its id, dateline and date),
    its reference day, and whether its case was restored from all capitals."""
    mark_doc(doc, article.reference_date, is_shouting(article.text))
    set_article(doc, article)


@cache
def _time_tagger() -> TimeTagger:
    """The time tagger for Docs of a pipeline without it."""
    return TimeTagger(spacy.blank("en"), "sitrep_times")


class _Feed:
    """The articles given to the parser, and those of them not yet back from it: when a batch
    fails, these are the ones to code again one at a time."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.articles = iter(articles)
        self.pending: deque[Article] = deque()
        self.failed = False

    def __iter__(self) -> Iterator[tuple[str, Article]]:
        while True:
            try:
                article = next(self.articles)
            except StopIteration:
                return
            except BaseException:
                self.failed = True  # the input itself broke, not one article: nothing to retry
                raise
            self.pending.append(article)
            yield prepare_text(article), article


def _failure(article: Article, exc: Exception) -> InputError:
    """The error that names an article that could not be coded, and why."""
    where = f"{article.source}: article {article.id}" if article.source else f"article {article.id}"
    reason = str(exc) if isinstance(exc, SitrepError) else f"{type(exc).__name__}: {exc}"
    return InputError(where, f"could not be coded: {reason}")


def _raise(error: InputError) -> None:
    raise error


@cache
def default_coder(model: str = DEFAULT_MODEL) -> Coder:
    """A process-wide coder, loaded on first use (never at import)."""
    return Coder(Options(model=model))


def code_articles(articles: Iterable[Article], options: Options | None = None
                  ) -> Iterator[CodedArticle]:
    coder = default_coder(options.model) if options else default_coder()
    return coder.code_articles(articles)


def code(text: str, published: str | None = None, *, doc_id: str | None = None,
         title: str | None = None) -> list[Event]:
    """Code one text and return its event records.

    ``published`` (``YYYY-MM-DD``) is the reference date for relative dates; without it they
    stay unresolved. Text or a date sitrep cannot read raises :class:`InputError`.
    """
    from sitrep.ingest.dates import check_published  # ingest loads its HTML reader: on use
    from sitrep.ingest.decode import check_article_text, check_text

    published = check_published(published)
    check_article_text(check_text(text, "text"), "text")
    article = Article(id=doc_id or content_hash(text), text=text, title=title,
                      published=published)
    return default_coder().code_article(article).events
