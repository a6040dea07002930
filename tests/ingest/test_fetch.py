"""Fetching against a real local server: manners, validators, limits and the address guard."""

from __future__ import annotations

import pytest
from localsite import LocalSite, respond

from sitrep.ingest import fetch
from sitrep.ingest.fetch import Fetcher, FetchError, FetchPolicy, check_address

PAGE = "<html><body><article><p>Troops left the town on Monday.</p></article></body></html>"


class Sleeps:
    """Records the waits the fetcher asks for instead of sleeping them."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def site():
    with LocalSite() as local:
        yield local


def make_fetcher(**policy) -> Fetcher:
    policy.setdefault("host_interval", 0.0)
    return Fetcher(FetchPolicy(**policy))


def test_a_page_is_fetched_with_sitrep_s_user_agent(site):
    site.page("/a", PAGE)
    with make_fetcher() as fetcher:
        got = fetcher.get(site.url("/a"))
    assert got.status == 200 and got.body == PAGE.encode()
    assert got.etag and got.content_type.startswith("text/html")
    headers = dict(site.log)["/a"]
    assert headers["User-Agent"].startswith("sitrep/")


def test_a_conditional_get_with_the_etag_is_not_modified(site):
    site.page("/feed", "<rss/>", content_type="application/rss+xml")
    with make_fetcher() as fetcher:
        first = fetcher.get(site.url("/feed"))
        second = fetcher.get(site.url("/feed"), etag=first.etag)
    assert not first.not_modified
    assert second.not_modified and second.body == b""


def test_a_conditional_get_with_last_modified_is_not_modified(site):
    stamp = "Mon, 06 May 2024 10:00:00 GMT"
    site.page("/feed", "<rss/>", last_modified=stamp)
    with make_fetcher() as fetcher:
        first = fetcher.get(site.url("/feed"))
        second = fetcher.get(site.url("/feed"), last_modified=first.last_modified)
    assert first.last_modified == stamp
    assert second.not_modified


def test_redirects_are_followed_to_the_final_url(site):
    site.redirect("/old", "/new", status=301)
    site.redirect("/new", site.url("/a"))
    site.page("/a", PAGE)
    with make_fetcher() as fetcher:
        got = fetcher.get(site.url("/old"))
    assert got.final_url == site.url("/a") and got.url == site.url("/old")


def test_a_redirect_loop_is_named_and_stops(site):
    site.redirect("/loop", "/loop")
    with make_fetcher(max_redirects=3) as fetcher, pytest.raises(FetchError, match="redirects"):
        fetcher.get(site.url("/loop"))
    assert site.requests("/loop") == 4


def test_a_429_is_retried_after_the_wait_it_asks_for(site):
    answers = iter([429, 200])

    def handler(request):
        status = next(answers)
        respond(request, status, PAGE.encode() if status == 200 else b"",
                {"Retry-After": "2", "Content-Type": "text/html"})

    site.route("/busy", handler)
    sleeps = Sleeps()
    fetcher = Fetcher(FetchPolicy(host_interval=0.0), sleep=sleeps)
    with fetcher:
        got = fetcher.get(site.url("/busy"))
    assert got.status == 200
    assert any(1.5 < wait <= 2.0 for wait in sleeps.waits)
    assert site.requests("/busy") == 2


def test_a_429_asking_for_too_long_a_wait_is_a_retryable_error(site):
    site.route("/busy", lambda r: respond(r, 429, b"", {"Retry-After": "3600"}))
    with (
        make_fetcher(max_retry_wait=30) as fetcher,
        pytest.raises(FetchError, match="rate limited.*3600") as caught,
    ):
        fetcher.get(site.url("/busy"))
    assert caught.value.retry
    assert site.requests("/busy") == 1


def test_a_slow_host_times_out(site):
    site.slow("/slow", 2.0)
    with (
        make_fetcher(timeout=0.3) as fetcher,
        pytest.raises(FetchError, match="timed out") as caught,
    ):
        fetcher.get(site.url("/slow"))
    assert caught.value.retry


@pytest.mark.parametrize("declare", [True, False])
def test_a_huge_body_is_refused_by_the_cap_while_streaming(site, declare):
    site.huge("/huge", 5_000_000, declare=declare)
    with (
        make_fetcher(max_bytes=200_000) as fetcher,
        pytest.raises(FetchError, match="too large") as caught,
    ):
        fetcher.get(site.url("/huge"))
    assert not caught.value.retry


def test_a_404_is_a_permanent_error_naming_the_url(site):
    with make_fetcher() as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/gone"))
    assert caught.value.source == site.url("/gone")
    assert "HTTP 404" in caught.value.reason and not caught.value.retry


def test_robots_txt_is_obeyed_and_read_once_per_site(site):
    site.page("/a", PAGE)
    site.page("/private/b", PAGE)
    with make_fetcher() as fetcher:
        fetcher.get(site.url("/a"))
        with pytest.raises(FetchError, match="robots.txt"):
            fetcher.get(site.url("/private/b"))
    assert site.requests("/private/b") == 0
    assert site.requests("/robots.txt") == 1


def test_each_host_is_asked_at_most_once_per_interval(site):
    site.page("/a", PAGE)
    sleeps = Sleeps()
    clock = iter(float(n) / 100 for n in range(1000))
    fetcher = Fetcher(FetchPolicy(host_interval=5.0), sleep=sleeps, clock=lambda: next(clock))
    with fetcher:
        fetcher.get(site.url("/a"))
        fetcher.get(site.url("/a"))
    assert sleeps.waits and max(sleeps.waits) > 4.0


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.4",
                                     "169.254.169.254", "::1", "fe80::1", "::ffff:127.0.0.1",
                                     "0.0.0.0", "100.64.0.1", "224.0.0.1"])
def test_the_guard_refuses_addresses_off_the_public_internet(address):
    with pytest.raises(FetchError, match="not a public address"):
        check_address(address, "http://example.test/")


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1::1"])
def test_the_guard_lets_public_addresses_through(address):
    check_address(address, "http://example.test/")


def test_without_the_operator_s_leave_loopback_is_refused(site):
    site.page("/a", PAGE)
    with (
        make_fetcher(allow_private=False) as fetcher,
        pytest.raises(FetchError, match="127.0.0.1 is not a public address"),
    ):
        fetcher.get(site.url("/a"))
    assert site.log == []


def test_every_redirect_hop_is_checked(site, monkeypatch):
    """The test server itself is let through; a redirect from it to a private address is not."""
    real = fetch.check_address

    def allow_test_server(address: str, url: str) -> None:
        if address != "127.0.0.1":
            real(address, url)

    monkeypatch.setattr(fetch, "check_address", allow_test_server)
    site.redirect("/hop", "http://10.255.255.1/latest/meta-data")
    with (
        make_fetcher(allow_private=False, timeout=1.0) as fetcher,
        pytest.raises(FetchError, match="10.255.255.1 is not a public address"),
    ):
        fetcher.get(site.url("/hop"))
    assert site.requests("/hop") == 1


def test_only_http_and_https_are_fetched():
    with make_fetcher() as fetcher, pytest.raises(FetchError, match="not an http"):
        fetcher.get("file:///etc/passwd")


def test_the_connected_address_is_checked_too(site, monkeypatch):
    """A name that resolved to a public address at the check but connects to loopback (DNS
    rebinding) is refused before the body is read."""
    monkeypatch.setattr(fetch, "check_host", lambda host, port, url: None)
    site.page("/a", PAGE)
    with (
        make_fetcher(allow_private=False, obey_robots=False) as fetcher,
        pytest.raises(FetchError, match="127.0.0.1 is not a public address"),
    ):
        fetcher.get(site.url("/a"))
