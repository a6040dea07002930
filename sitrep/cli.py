"""The ``sitrep`` command: a thin layer over the library.

Data goes to standard output, messages and progress to standard error. Exit codes: 0 success,
1 some inputs were rejected (each named on standard error), 2 usage error.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sitrep import __version__
from sitrep.errors import InputError, SitrepError
from sitrep.output import write_records
from sitrep.paths import default_db
from sitrep.query import EventQuery

if TYPE_CHECKING:
    from sitrep.model import Article, CodedArticle, Record

app = typer.Typer(
    help="sitrep: news reports to coded events (PLOVER) with places, dates, actors and evidence.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


class EvalKind(StrEnum):
    seed = "seed"
    events = "events"
    incidents = "incidents"
    places = "places"
    times = "times"
    entities = "entities"
    clusters = "clusters"
    articles = "articles"


Paths = Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")]
Published = Annotated[
    str | None, typer.Option(help="Reference date YYYY-MM-DD for documents that carry none.")
]
Db = Annotated[Path, typer.Option(envvar="SITREP_DB", help="SQLite database file.")]
DEFAULT_DB = default_db()
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
Workers = Annotated[int, typer.Option(min=1, help="Processes that code in parallel.")]


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """sitrep: who did what to whom, where, when, and on whose word."""


class Inputs:
    """Reads documents, reporting each bad input on standard error as it is met."""

    def __init__(self, paths: Iterable[str], published: str | None) -> None:
        self.paths = list(paths)
        self.published = published
        self.rejected = 0

    def articles(self) -> Iterator[Article]:
        from sitrep.ingest import read_documents

        for item in read_documents(self.paths, published=self.published):
            if isinstance(item, InputError):
                self.reject(item)
            else:
                yield item

    def reject(self, error: InputError) -> None:
        """Name a bad input on standard error; the run goes on and exits 1."""
        self.rejected += 1
        _err(f"error: {error.source}: {error.reason}")

    def exit(self) -> None:
        if self.rejected:
            raise typer.Exit(1)


def _progress(items: Iterator[Any], quiet: bool, label: str) -> Iterator[Any]:
    """A progress bar on standard error when it is a terminal (never when piped or quiet)."""
    if quiet or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description} {task.completed}"),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label)
        for item in items:
            yield item
            bar.advance(task)


def _coder(workers: int = 1):
    """The process-wide coder, or a pool of ``workers`` processes that code in parallel."""
    if workers > 1:
        from sitrep.workers import WorkerPool

        return WorkerPool(workers)
    from sitrep.coder import default_coder

    return default_coder()


def _run_coded(paths: list[str], published: str | None, fmt: Format, quiet: bool,
               pick: Callable[[CodedArticle], Sequence[Record]], workers: int = 1) -> None:
    """Code documents and stream one kind of record from each: shared by code/places/times/..."""
    inputs = Inputs(paths, published)
    coded = _progress(_coder(workers).code_articles(inputs.articles(), on_error=inputs.reject),
                      quiet, "coding articles")
    records = (record for c in coded for record in pick(c))
    write_records(records, fmt.value, sys.stdout)
    inputs.exit()


@app.command()
def code(paths: Paths, format: Annotated[Format, typer.Option("--format", "-f")] = Format.jsonl,
         published: Published = None, quiet: Quiet = False, workers: Workers = 1,
         dask: Annotated[bool, typer.Option(
             "--dask", help="Code each JSON Lines shard as one Dask task; write coded shards "
                            "to --out for `sitrep ingest`.")] = False,
         scheduler: Annotated[str | None, typer.Option(
             help="An existing Dask scheduler, e.g. tcp://host:8786 (else a local cluster of "
                  "--workers processes).")] = None,
         out: Annotated[Path | None, typer.Option(help="Folder for the coded shards.")] = None,
         ) -> None:
    """Code documents into PLOVER event records (no database; streams)."""
    if dask or scheduler:
        _code_on_dask(paths, out, scheduler, workers, published, quiet)
        return
    _run_coded(paths, published, format, quiet, lambda c: c.events, workers)


@app.command()
def places(paths: Paths, format: Annotated[Format, typer.Option("--format", "-f")] = Format.jsonl,
           published: Published = None, quiet: Quiet = False) -> None:
    """Print the resolved place mentions of documents."""
    _run_coded(paths, published, format, quiet, lambda c: c.places)


@app.command()
def times(paths: Paths, format: Annotated[Format, typer.Option("--format", "-f")] = Format.jsonl,
          published: Published = None, quiet: Quiet = False) -> None:
    """Print the normalised time expressions of documents."""
    _run_coded(paths, published, format, quiet, lambda c: c.times)


@app.command()
def entities(paths: Paths,
             format: Annotated[Format, typer.Option("--format", "-f")] = Format.jsonl,
             published: Published = None, quiet: Quiet = False) -> None:
    """Print the named entities of documents, with the actor each stands for."""
    _run_coded(paths, published, format, quiet, lambda c: c.entities)


@app.command()
def ingest(paths: Paths, db: Db = DEFAULT_DB, published: Published = None,
           quiet: Quiet = False, workers: Workers = 1) -> None:
    """Code documents (files, folders, -, http(s) URLs of article pages, or coded shards from
    `sitrep code --dask`) and store them; documents already stored are skipped."""
    from sitrep.store import Store
    from sitrep.store.loader import load_articles

    paths, urls, shards = _split_inputs(paths)
    if urls or shards:
        _ingest_web_and_shards(urls, shards, db, quiet)
        if not paths:
            return
    inputs = Inputs(paths, published)
    with Store(db) as store:
        items = _progress(inputs.articles(), quiet, "ingesting articles")
        result = load_articles(store, _coder(workers), items)
        for error in result.errors:
            inputs.reject(error)
        stats = store.stats()
    if not quiet:
        _err(f"{result.added} articles added ({result.events} events), {result.skipped} already "
             f"stored, {inputs.rejected} rejected; {db} holds {stats.articles} articles and "
             f"{stats.events} events")
    inputs.exit()


# -- reading the store: filters declared once in sitrep.query ----------------------------------


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command one option per filter of :data:`sitrep.query.FILTERS`; the command
    receives them checked, as ``query: EventQuery``. A refused value is a usage error (exit 2)
    naming the option, the value and what is accepted, exactly as the API words it."""
    from sitrep.query import FILTERS, QueryError, parse_filters

    own = [p for p in inspect.signature(command, eval_str=True).parameters.values()
           if p.name != "query"]
    options = [inspect.Parameter(
        spec.name, inspect.Parameter.KEYWORD_ONLY,
        default=False if spec.flag else None,
        annotation=Annotated[bool if spec.flag else str | None,
                             typer.Option(spec.option, help=spec.help, show_default=False)])
        for spec in FILTERS]

    @functools.wraps(command)
    def run(**values: Any) -> None:
        raw = {spec.name: values.pop(spec.name) for spec in FILTERS}
        try:
            query = parse_filters(raw)
        except QueryError as exc:
            option = next(s.option for s in FILTERS if s.name == exc.name)
            raise typer.BadParameter(exc.reason, param_hint=option) from None
        command(query=query, **values)

    params = own + options
    run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    del run.__wrapped__  # typer must read the new signature, not the command's
    return run


def _paged(query: EventQuery, limit: int | None, after: str | None = None) -> EventQuery:
    from sitrep.query import QueryError, parse_page

    try:
        return parse_page(query, limit=limit, after=after, max_limit=None)
    except QueryError as exc:
        raise typer.BadParameter(exc.reason, param_hint=f"--{exc.name}") from None


Limit = Annotated[int, typer.Option(help="At most this many (1 or more).")]
After = Annotated[str | None, typer.Option(
    help="Continue after this event id (the last one of the previous page).")]


@app.command()
@with_filters
def events(query: EventQuery, db: Db = DEFAULT_DB, limit: Limit = 100, after: After = None,
           format: Annotated[Format, typer.Option("--format", "-f")] = Format.table) -> None:
    """List stored events, filtered, in date order."""
    from sitrep.query import QueryError

    with _open_store(db) as store, closing(store.iter_events(_paged(query, limit, after))) as rows:
        try:
            write_records(rows, format.value, sys.stdout)
        except QueryError as exc:
            raise typer.BadParameter(exc.reason, param_hint=f"--{exc.name}") from None


@app.command(name="situation")
def situation_command(
        db: Db = DEFAULT_DB,
        as_of: Annotated[str | None, typer.Option(
            help="The state as of this day YYYY-MM-DD (default: the latest news stored).")]
        = None) -> None:
    """The state that follows from the stored events: forces present, agreements, withdrawals."""
    import json

    from sitrep.situation import stored_situation

    day = _iso_day(as_of)
    with _open_store(db) as store:
        state = stored_situation(store, as_of=day)
    json.dump(state.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _iso_day(value: str | None) -> date | None:
    from sitrep.query import parse_day

    if value is None:
        return None
    try:
        return date.fromisoformat(parse_day(value))
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--as-of") from None


@app.command()
@with_filters
def export(query: EventQuery, db: Db = DEFAULT_DB,
           format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl
           ) -> None:
    """Export every matching event as JSON Lines, CSV (flat typed columns) or GeoJSON; streams.

    GeoJSON puts an event with no place at its actor's country (precision
    ``country-of-actor``); one with neither is left out, counted on standard error."""
    from sitrep.output import EVENT_COLUMNS, GeoJSONWriter

    # The stream is closed before the store, also when the reader stops early (`| head`).
    with _open_store(db) as store, closing(store.iter_sourced(query)) as events:
        if format is ExportFormat.geojson:
            writer = GeoJSONWriter()
            for chunk in writer.chunks(events):
                sys.stdout.write(chunk)
            if writer.unplaced:
                _err(f"{writer.unplaced} events with neither a place nor an actor country left "
                     f"out of the GeoJSON "
                     f"({writer.features} written)")
        else:
            write_records(events, format.value, sys.stdout, header=EVENT_COLUMNS)


@app.command()
def show(event_id: Annotated[str, typer.Argument(help="An event id or a unique prefix of one.")],
         db: Db = DEFAULT_DB) -> None:
    """Show one event: its sentence with trigger and arguments marked, and its sources."""
    from sitrep.evidence import marked_sentence
    from sitrep.output import write_details
    from sitrep.store import AmbiguousIdError

    with _open_store(db) as store:
        try:
            full_id = store.event_id_for(event_id)
        except AmbiguousIdError as exc:
            raise typer.BadParameter(str(exc), param_hint="EVENT_ID") from None
        event = store.get_event(full_id)
        sources = store.event_articles(full_id)
        outlets = {a.id: store.article_sources(a.id) for a in sources}
    typer.echo(marked_sentence(event))
    typer.echo("")
    write_details(event, sys.stdout, url=next((a.url for a in sources
                                               if a.id == event.doc_id), None))
    for article in sources:
        typer.echo(f"source: {article.title or article.id} ({article.publisher or '?'}, "
                   f"{article.published or 'undated'}) {article.url or article.source or ''}")
        _echo_copies(article, outlets[article.id])


def _echo_copies(article: Article, outlets: list) -> None:
    """The other outlets that printed the same story (syndicated copies), if any."""
    copies = [o for o in outlets if o.url != article.url]
    if copies:
        names = ", ".join(o.publisher or o.url for o in copies[:10])
        more = f" and {len(copies) - 10} more" if len(copies) > 10 else ""
        typer.echo(f"  also printed by {len(copies)} outlets: {names}{more}")


@app.command()
def setup(quiet: Quiet = False) -> None:
    """Build what sitrep builds once (the gazetteer index) and check the model loads."""
    from sitrep.resolve.places.index import ensure_index

    path = ensure_index(progress=not quiet)
    _coder()
    if not quiet:
        _err(f"gazetteer index: {path}")
        _err("model and pipeline: ok")


@app.command(name="eval")
def evaluate(kind: EvalKind, path: Path,
             limit: Annotated[int | None, typer.Option(help="Score only the first N.")] = None,
             json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
             per_doc: Annotated[bool, typer.Option(
                 "--per-doc", help="Also list each document's matches (articles).")] = False
             ) -> None:
    """Score sitrep against gold data (seed, events, incidents, places, times, entities,
    clusters, articles)."""
    if not path.exists():
        _err(f"error: {path}: no such file or folder")
        raise typer.Exit(2)
    if per_doc and kind is not EvalKind.articles:
        _err("error: --per-doc: only `sitrep eval articles` lists documents")
        raise typer.Exit(2)
    module = importlib.import_module(f"sitrep.eval.{kind.value}")
    extra = {"per_doc": True} if per_doc else {}
    report = module.evaluate(path, _coder(), limit=limit, **extra)
    typer.echo(report.to_json() if json_out else report.render())


@app.command()
def serve(db: Db = DEFAULT_DB, host: str = "127.0.0.1", port: int = 8000,
          token: Annotated[str | None, typer.Option(
              envvar="SITREP_TOKEN", help="Token required for writes (Bearer).")] = None,
          allow_private_urls: Annotated[bool, typer.Option(
              "--allow-private-urls", help="Let URLs sent to the API reach loopback, private "
                                           "and link-local addresses.")] = False,
          workers: Annotated[int, typer.Option(
              min=1, help="Server processes: a slow request (an export, the situation) then "
                          "holds up only its own process's clients.")] = 1) -> None:
    """Serve the HTTP API and the web page."""
    from sitrep.api.server import serve as run_server

    run_server(db, host=host, port=port, token=token, allow_private_urls=allow_private_urls,
               workers=workers)


# -- the web and the cluster: URLs, feeds, coded shards ------------------------------------

Every = Annotated[str, typer.Option(help="Time between polls: 90s, 15m, 2h.")]


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(
        metavar="FEED_OR_LIST",
        help="Feed URLs (RSS, Atom, sitemap, list of URLs), or files listing them.")],
    db: Db = DEFAULT_DB, every: Every = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    workers: Workers = 1, quiet: Quiet = False,
    host_interval: Annotated[float, typer.Option(
        help="Seconds between two requests to one host.")] = 1.0,
) -> None:
    """Follow feeds: fetch new items politely, keep one article per wire story, code, store."""
    import time

    from sitrep.ingest.fetch import Fetcher, FetchPolicy
    from sitrep.ingest.watch import Watcher
    from sitrep.store import Store

    pause = _seconds(every)
    urls = _feed_urls(feeds)
    say = (lambda _: None) if quiet else _err
    with Store(db) as store, Fetcher(FetchPolicy(host_interval=host_interval)) as fetcher:
        watcher = Watcher(store, fetcher, lambda: _coder(workers), say=say)
        while True:
            report = watcher.poll(urls)
            if not quiet:
                _err(report.summary())
            if once:
                if report.errors:
                    raise typer.Exit(1)
                return
            time.sleep(pause)


def _seconds(every: str) -> float:
    """``90``, ``90s``, ``15m``, ``2h`` as seconds; a usage error otherwise."""
    units = {"s": 1, "m": 60, "h": 3600}
    text = every.strip().lower()
    number, unit = (text[:-1], text[-1]) if text[-1:] in units else (text, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        seconds = 0.0
    if seconds <= 0:
        raise typer.BadParameter(f"{every!r} is not a duration such as 90s, 15m or 2h",
                                 param_hint="--every")
    return seconds


def _feed_urls(feeds: list[str]) -> list[str]:
    """Feed URLs as given, and the URLs listed one a line in any file named instead."""
    urls: list[str] = []
    for feed in feeds:
        if _is_url(feed):
            urls.append(feed)
            continue
        try:
            lines = Path(feed).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise typer.BadParameter(f"{feed}: neither an http(s) URL nor a readable list of "
                                     f"them ({exc})") from exc
        urls.extend(line.strip() for line in lines
                    if line.strip() and not line.strip().startswith("#"))
    bad = [url for url in urls if not _is_url(url)]
    if bad:
        raise typer.BadParameter(f"not an http(s) URL: {bad[0]}")
    return urls


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _split_inputs(paths: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Paths of documents, URLs of pages, and coded shards (from `sitrep code --dask`)."""
    from sitrep.shards import is_coded_shard

    urls = [p for p in paths if _is_url(p)]
    shards = [p for p in paths if not _is_url(p) and is_coded_shard(Path(p))]
    rest = [p for p in paths if p not in urls and p not in shards]
    return rest, urls, shards


def _ingest_web_and_shards(urls: list[str], shards: list[str], db: Path, quiet: bool) -> None:
    """Fetch and store article pages; store coded shards as they are (no coding again)."""
    from sitrep.ingest.fetch import Fetcher
    from sitrep.ingest.watch import Watcher
    from sitrep.shards import load_shards
    from sitrep.store import Store

    failed = 0
    with Store(db) as store:
        if urls:
            with Fetcher() as fetcher:
                watcher = Watcher(store, fetcher, _coder, say=(lambda _: None) if quiet else _err)
                report = watcher.ingest_urls(urls)
            failed += len(report.errors)
            if not quiet:
                _err(report.summary())
        if shards:
            result = load_shards(store, [Path(s) for s in shards])
            for error in result.errors:
                _err(f"error: {error.source}: {error.reason}")
            failed += len(result.errors)
            if not quiet:
                _err(f"{result.added} coded articles added ({result.events} events), "
                     f"{result.skipped} already stored")
    if failed:
        raise typer.Exit(1)


def _code_on_dask(paths: list[str], out: Path | None, scheduler: str | None, workers: int,
                  published: str | None, quiet: bool) -> None:
    from sitrep.shards import code_on_dask

    if out is None:
        raise typer.BadParameter("--dask writes coded shards: give --out FOLDER",
                                 param_hint="--out")
    failed = 0
    for result in code_on_dask([Path(p) for p in paths], out, scheduler=scheduler,
                               workers=workers, published=published):
        failed += len(result.errors)
        for error in result.errors:
            _err(f"error: {error}")
        if not quiet:
            _err(f"{result.source}: {result.articles} articles, {result.events} events -> "
                 f"{result.out}")
    if failed:
        raise typer.Exit(1)


def _open_store(db: Path):
    from sitrep.store import Store

    if not db.exists():
        _err(f"error: {db}: no such database; run `sitrep ingest PATH --db {db}` first")
        raise typer.Exit(2)
    return Store(db)


def main() -> None:
    """Entry point: library errors become one clear line and exit code 1."""
    try:
        app()
    except SitrepError as exc:
        _err(f"error: {exc}")
        sys.exit(1)
