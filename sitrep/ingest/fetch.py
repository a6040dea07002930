"""Polite HTTP fetching: one client, one user agent, robots.txt, a pace per host, conditional
GET, timeouts, a size cap enforced while the body streams, and (for URLs that come from
outside, through the HTTP API) a guard against loopback, private and link-local addresses.

Every failure is a :class:`FetchError` naming the URL and the reason, so a caller reports it and
goes on with the next URL. ``retry`` tells whether the same URL may succeed later (a timeout, a
429, a 5xx) or not (a 404, a page robots.txt forbids).
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from sitrep import __version__
from sitrep.errors import InputError
from sitrep.ingest.decode import MAX_BYTES

AGENT_TOKEN = "sitrep"
USER_AGENT = f"{AGENT_TOKEN}/{__version__} (news event coder; obeys robots.txt)"
ROBOTS_MAX_BYTES = 512 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class FetchError(InputError):
    """A URL that could not be fetched: names it and says why; ``retry`` if it may work later."""

    def __init__(self, url: str, reason: str, *, retry: bool = False) -> None:
        super().__init__(url, reason)
        self.retry = retry


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely and how safely to fetch.

    ``allow_private`` lets URLs reach loopback, private, link-local and other non-public
    addresses: right for a person fetching their own list, wrong for URLs sent over the API.
    """

    timeout: float = 10.0
    max_bytes: int = MAX_BYTES
    host_interval: float = 1.0
    max_redirects: int = 5
    max_retry_wait: float = 30.0
    allow_private: bool = True
    obey_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(slots=True)
class Fetched:
    """One response: the body (empty when ``not_modified``) and the validators to send next time."""

    url: str
    final_url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class _HostPace:
    """When each host may next be asked: the policy's interval, a Crawl-delay, a Retry-After."""

    interval: float
    clock: Callable[[], float]
    sleep: Callable[[float], None]
    next_at: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, host: str, interval: float | None = None) -> None:
        with self.lock:
            now = self.clock()
            at = max(self.next_at.get(host, now), now)
            self.next_at[host] = at + (self.interval if interval is None else interval)
        if at > now:
            self.sleep(at - now)

    def defer(self, host: str, seconds: float) -> None:
        with self.lock:
            self.next_at[host] = max(self.next_at.get(host, 0.0), self.clock() + seconds)


def check_address(address: str, url: str) -> None:
    """Refuse an IP address that is not on the public internet (loopback, private, link-local,
    reserved, multicast, shared, unspecified), IPv4-mapped IPv6 included."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if not ip.is_global or ip.is_multicast:
        raise FetchError(url, f"refused: {address} is not a public address (loopback, private "
                              "or link-local); the operator can allow it with "
                              "--allow-private-urls")


def check_host(host: str, port: int, url: str) -> None:
    """Resolve ``host`` and refuse it if any address it resolves to is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(url, f"cannot resolve host {host!r}: {exc.strerror}", retry=True
                         ) from exc
    for info in infos:
        check_address(str(info[4][0]), url)


class Fetcher:
    """Fetches URLs one at a time, politely; reuse one for a whole run (it keeps connections,
    robots.txt files and each host's pace)."""

    def __init__(self, policy: FetchPolicy | None = None, *,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.policy = policy or FetchPolicy()
        self.clock, self.sleep = clock, sleep
        self.client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent}, follow_redirects=False,
            timeout=httpx.Timeout(self.policy.timeout), trust_env=self.policy.allow_private,
        )
        self.pace = _HostPace(self.policy.host_interval, clock, sleep)
        self.robots: dict[str, RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None
            ) -> Fetched:
        """GET ``url`` following redirects (each hop checked), conditionally when validators are
        given (a 304 comes back as ``not_modified``); one wait and retry on 429/503 with a
        Retry-After the policy accepts. Raises :class:`FetchError`."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(2):
            try:
                return self._follow(url, headers)
            except _RetryAfter as wait:
                if attempt or wait.seconds > self.policy.max_retry_wait:
                    raise FetchError(url, f"rate limited (HTTP {wait.status}); retry after "
                                          f"{wait.seconds:.0f} s", retry=True) from None
        raise AssertionError("unreachable")

    def _follow(self, url: str, headers: dict[str, str]) -> Fetched:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            response = self._hop(url, current, headers)
            if isinstance(response, str):
                current = response
                continue
            return response
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def _hop(self, url: str, current: str, headers: dict[str, str]) -> Fetched | str:
        """One request: the response, or the next URL when it is a redirect."""
        parts = self._checked(url, current)
        if self.policy.obey_robots and not self._allowed(url, current):
            raise FetchError(url, f"robots.txt of {parts.netloc} forbids {current}")
        self.pace.wait(parts.netloc, self._crawl_delay(parts))
        try:
            with self.client.stream("GET", current, headers=headers) as response:
                self._check_peer(url, response)
                status = response.status_code
                if status in _REDIRECTS and "location" in response.headers:
                    return urljoin(current, response.headers["location"])
                if status in (429, 503) and "retry-after" in response.headers:
                    seconds = _retry_after(response.headers["retry-after"], self.clock)
                    self.pace.defer(parts.netloc, seconds)
                    raise _RetryAfter(status, seconds)
                if status >= 400:
                    raise FetchError(url, f"HTTP {status} {response.reason_phrase}".strip(),
                                     retry=status in _RETRY_STATUSES)
                body = b"" if status == 304 else self._read(url, response, self.policy.max_bytes)
                return Fetched(
                    url=url, final_url=current, status=status, body=body,
                    content_type=response.headers.get("content-type", ""),
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {self.policy.timeout:g} s", retry=True
                             ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"cannot fetch: {exc}", retry=True) from exc

    def _checked(self, url: str, current: str):  # type: ignore[no-untyped-def]
        """The parts of a URL that may be fetched: http(s), a host, a public one when guarded."""
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, f"not an http(s) URL: {current}")
        if not self.policy.allow_private:
            check_host(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                       url)
        return parts

    def _check_peer(self, url: str, response: httpx.Response) -> None:
        """The address actually connected to, checked too: a name that resolves differently
        the second time (DNS rebinding) is still refused before any body is read."""
        if self.policy.allow_private:
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer:
            check_address(str(peer[0]), url)

    def _read(self, url: str, response: httpx.Response, limit: int) -> bytes:
        """The body, refused as soon as it passes ``limit`` bytes (whatever Content-Length says)
        or takes longer than the timeout in all."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"too large: {int(declared):,} bytes, over the limit of "
                                  f"{limit:,}")
        deadline = self.clock() + self.policy.timeout
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"too large: over the limit of {limit:,} bytes")
            if self.clock() > deadline:
                raise FetchError(url, f"timed out after {self.policy.timeout:g} s", retry=True)
            chunks.append(chunk)
        return b"".join(chunks)

    # -- robots.txt ------------------------------------------------------------------------

    def _robots(self, parts) -> RobotFileParser | None:  # type: ignore[no-untyped-def]
        """The site's robots.txt rules, fetched once per origin; None means "allow all" (no
        file, or a 4xx). A site whose robots.txt fails with 5xx or a timeout is left alone."""
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self._fetch_robots(origin)
        return self.robots[origin]

    def _fetch_robots(self, origin: str) -> RobotFileParser | None:
        robots_url = f"{origin}/robots.txt"
        self.pace.wait(urlsplit(origin).netloc)
        try:
            with self.client.stream("GET", robots_url) as response:
                self._check_peer(robots_url, response)
                if 400 <= response.status_code < 500 or response.status_code in _REDIRECTS:
                    return None
                if response.status_code >= 500:
                    raise FetchError(robots_url, f"HTTP {response.status_code}", retry=True)
                body = self._read(robots_url, response, ROBOTS_MAX_BYTES)
        except httpx.HTTPError as exc:
            raise FetchError(robots_url, f"cannot read robots.txt: {exc}", retry=True) from exc
        parser = RobotFileParser(robots_url)
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser

    def _allowed(self, url: str, current: str) -> bool:
        try:
            robots = self._robots(urlsplit(current))
        except FetchError as err:
            raise FetchError(url, f"robots.txt unavailable ({err.reason}); not fetched",
                             retry=True) from err
        return robots is None or robots.can_fetch(AGENT_TOKEN, current)

    def _crawl_delay(self, parts) -> float | None:  # type: ignore[no-untyped-def]
        robots = self.robots.get(f"{parts.scheme}://{parts.netloc}")
        delay = robots.crawl_delay(AGENT_TOKEN) if robots is not None else None
        return max(float(delay), self.policy.host_interval) if delay is not None else None


class _RetryAfter(Exception):
    def __init__(self, status: int, seconds: float) -> None:
        super().__init__(status, seconds)
        self.status, self.seconds = status, seconds


def _retry_after(value: str, clock: Callable[[], float]) -> float:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 60.0
    return max(0.0, when.timestamp() - time.time())
