"""The one function that does the work: articles in, coded articles out.

Every face (``sitrep code``, ``sitrep ingest``, the HTTP API, ``sitrep eval``) calls
:meth:`Coder.code_articles`; a single text goes through the same path via :func:`code`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.cluster.assemble import assemble
from sitrep.extract.events import extract_events
from sitrep.model import Article, CodedArticle, Event, content_hash
from sitrep.nlp.pipeline import DEFAULT_MODEL, build_pipeline
from sitrep.nlp.truecase import prepare_text
from sitrep.resolve.actors import ActorResolver
from sitrep.resolve.places import Geocoder
from sitrep.resolve.places.component import PlaceFinder
from sitrep.resolve.times import tag_times


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
        finder = (self.nlp.get_pipe("sitrep_places") if "sitrep_places" in self.nlp.pipe_names
                  else None)
        self.geocoder = finder.geocoder if isinstance(finder, PlaceFinder) else Geocoder()
        self.actors = ActorResolver()

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code a stream of articles with ``nlp.pipe``: constant memory per batch."""
        pairs = ((prepare_text(a), a) for a in articles)
        docs = self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.options.batch_size,
            n_process=self.options.n_process,
        )
        for doc, article in docs:
            yield self.code_doc(doc, article)

    def code_article(self, article: Article) -> CodedArticle:
        return next(self.code_articles([article]))

    def code_doc(self, doc: Doc, article: Article) -> CodedArticle:
        """Resolve one parsed document: entities, places, times, then event mentions over
        them, assembled into one record per real-world event."""
        places = self.geocoder.resolve(doc, article)
        times = tag_times(article.text, article.reference_date, article.id, doc=doc)
        entities = self.actors.entities(doc, article, places)
        mentions = extract_events(doc, article, places=places, times=times, actors=self.actors,
                                  entities=entities)
        events = assemble(mentions, doc, article)
        return CodedArticle(article=article, events=events, entities=entities,
                            places=places, times=times)


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
    stay unresolved.
    """
    article = Article(id=doc_id or content_hash(text), text=text, title=title,
                      published=published)
    return default_coder().code_article(article).events
