"""A real HTTP server on 127.0.0.1 (an ephemeral port, a thread) for the fetching tests: feeds,
article pages, redirects, 304s, 429s, a slow page and a huge body. Nothing leaves the machine.

    with LocalSite() as site:
        site.page("/a", html)            # 200 with an ETag; If-None-Match gives 304
        site.route("/x", handler)        # any behaviour: handler(request) writes the response
        fetch(site.url("/a"))
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[[BaseHTTPRequestHandler], None]
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def respond(request: BaseHTTPRequestHandler, status: int, body: bytes = b"",
            headers: dict[str, str] | None = None) -> None:
    request.send_response(status)
    for name, value in (headers or {}).items():
        request.send_header(name, value)
    if "Content-Length" not in (headers or {}):
        request.send_header("Content-Length", str(len(body)))
    request.end_headers()
    if request.command != "HEAD":
        request.wfile.write(body)


class LocalSite:
    """Routes by path; every request is logged as (path, headers) for the tests to inspect."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        site = self

        class _Request(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - the http.server name
                site.log.append((self.path, dict(self.headers)))
                handler = site.routes.get(self.path)
                if handler is None and self.path == "/robots.txt":
                    respond(self, 200, ROBOTS, {"Content-Type": "text/plain"})
                elif handler is None:
                    respond(self, 404, b"not here", {"Content-Type": "text/plain"})
                else:
                    handler(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Request)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def requests(self, path: str) -> int:
        return sum(1 for logged, _ in self.log if logged == path)

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
             last_modified: str | None = None) -> None:
        """A document with an ETag (and Last-Modified if given): conditional GETs get 304."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        etag = '"' + hashlib.sha256(data).hexdigest()[:12] + '"'

        def handler(request: BaseHTTPRequestHandler) -> None:
            headers = {"Content-Type": content_type, "ETag": etag}
            if last_modified:
                headers["Last-Modified"] = last_modified
            if request.headers.get("If-None-Match") == etag or (
                    last_modified and request.headers.get("If-Modified-Since") == last_modified):
                respond(request, 304, b"", {"ETag": etag, "Content-Length": "0"})
            else:
                respond(request, 200, data, headers)

        self.route(path, handler)

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.route(path, lambda r: respond(r, status, b"", {"Location": to}))

    def slow(self, path: str, seconds: float) -> None:
        def handler(request: BaseHTTPRequestHandler) -> None:
            time.sleep(seconds)
            try:
                respond(request, 200, b"<html><body><p>late</p></body></html>",
                        {"Content-Type": "text/html"})
            except (BrokenPipeError, ConnectionResetError):
                request.close_connection = True  # the client gave up waiting, as it should

        self.route(path, handler)

    def huge(self, path: str, size: int, declare: bool) -> None:
        """A body of ``size`` bytes, with its Content-Length or streamed without one."""
        def handler(request: BaseHTTPRequestHandler) -> None:
            request.send_response(200)
            request.send_header("Content-Type", "text/html")
            if declare:
                request.send_header("Content-Length", str(size))
            else:
                request.send_header("Connection", "close")
            request.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            sent = 0
            try:
                while sent < size:
                    request.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            request.close_connection = True

        self.route(path, handler)
