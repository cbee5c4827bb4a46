"""A small HTTP server on a loopback address, answering as the link-checker tests need.

Used by tests/test_links_online.py and bench/links.py. Paths:

- ``/ok`` 200; ``/status/N`` answers N (``/status/999`` is LinkedIn's refusal);
- ``/nohead`` 405 to HEAD, 200 to GET;
- ``/busy`` 429 with ``Retry-After: 1`` the first time, then 200;
- ``/retry-after/N`` always 429 with ``Retry-After: N``;
- ``/slow`` answers after 3 seconds;
- ``/redirect/N?to=URL`` answers N with ``Location: URL`` (without ``to``: itself);
- ``/trickle/N`` sends the status line of N, then one byte of a header every
  20 ms, never ending the headers (until the client goes or the server stops);
- ``/cut/N`` sends the status line of N and closes the connection;
- ``/stall`` never answers (until the client goes or the server stops).

Every request is recorded as ``(method, path, Host header)`` in ``hits``.
"""

from __future__ import annotations

import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class LinkServer(ThreadingHTTPServer):
    """Serve in a thread on ``host`` (any free port) until :meth:`stop`."""

    daemon_threads = True

    def __init__(
        self, host: str = "127.0.0.2", delay: float = 0.0, tls: ssl.SSLContext | None = None
    ) -> None:
        super().__init__((host, 0), _Handler)
        if tls is not None:
            self.socket = tls.wrap_socket(self.socket, server_side=True)
        self.delay = delay
        self.stopping = threading.Event()
        self.hits: list[tuple[str, str, str]] = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        scheme = "https" if isinstance(self.socket, ssl.SSLSocket) else "http"
        return f"{scheme}://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        with self.lock:
            return [f"{method} {path}" for method, path, _ in self.hits]

    def stop(self) -> None:
        self.stopping.set()  # ends the answers that never end
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: LinkServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass  # the tests read hits, not a log on stderr

    def do_HEAD(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def _answer(self) -> None:
        parts = urlsplit(self.path)
        with self.server.lock:
            seen = [p for m, p, _ in self.server.hits if p == parts.path]
            self.server.hits.append((self.command, parts.path, self.headers.get("Host", "")))
        if self.server.delay:
            time.sleep(self.server.delay)
        path = parts.path
        if path.startswith(("/trickle/", "/cut/")) or path == "/stall":
            self._never_finish(path)
            return
        headers: dict[str, str] = {}
        if path == "/ok":
            status = 200
        elif path == "/nohead":
            status = 405 if self.command == "HEAD" else 200
        elif path == "/busy":
            status = 200 if seen else 429
            headers["Retry-After"] = "1"
        elif path.startswith("/retry-after/"):
            status = 429
            headers["Retry-After"] = path.rsplit("/", 1)[1]
        elif path == "/slow":
            time.sleep(3)
            status = 200
        elif path.startswith("/status/"):
            status = int(path.rsplit("/", 1)[1])
        elif path.startswith("/redirect/"):
            status = int(path.rsplit("/", 1)[1])
            headers["Location"] = parse_qs(parts.query).get("to", [path])[0]  # none: a loop
        else:
            status = 404
        self.send_response_only(status, "Whatever" if status == 999 else None)
        for name, value in {**headers, "Content-Length": "0", "Connection": "close"}.items():
            self.send_header(name, value)
        self.end_headers()
        self.close_connection = True

    def _never_finish(self, path: str) -> None:
        """Answer with a head that never ends: trickled, cut after the status line, or silent."""
        self.close_connection = True
        kind, _, status = path[1:].partition("/")
        try:
            if status:
                self.wfile.write(f"HTTP/1.1 {status} Whatever\r\n".encode("ascii"))
                self.wfile.flush()
            if kind == "cut":
                return
            if kind == "trickle":
                self.wfile.write(b"X-Trickle: ")
            for _ in range(3000):  # a minute at most, should a test forget to stop the server
                if self.server.stopping.wait(0.02):
                    return
                if kind == "trickle":
                    self.wfile.write(b"a")
                    self.wfile.flush()
        except OSError:  # the client went: what it came for
            return
