"""One HTTP request to an address already checked, speaking to the host by its name.

Only ``resumefmt lint --online`` imports this module (through ``_http``).
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from urllib.parse import quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from email.message import Message
    from urllib.parse import SplitResult

    Watch = Callable[[socket.socket], None]

CONNECT_TIMEOUT = 5.0  # seconds to open a connection to one address
USER_AGENT = "Mozilla/5.0 (compatible; resumefmt-linkcheck/1)"
_SAFE_PATH = "/%:@!$&'()*+,;=-._~?"
_SSL: ssl.SSLContext | None = None


def request(
    method: str,
    parts: SplitResult,
    host: str,
    port: int,
    addresses: list[str],
    deadline: float,
    watch: Watch | None,
) -> tuple[int, Message]:
    """Status and headers from the first address that accepts a connection."""
    target = quote(parts.path or "/", safe=_SAFE_PATH, encoding="utf-8")
    if parts.query:
        target += "?" + quote(parts.query, safe=_SAFE_PATH + "=&", encoding="utf-8")
    error: OSError = OSError("no address")
    for address in addresses[:3]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("deadline passed")
        secure = parts.scheme.lower() == "https"
        connection = _Pinned(host, port, address, min(CONNECT_TIMEOUT, remaining), secure, watch)
        try:
            connection.connect()
        except OSError as exc:
            error = exc
            connection.close()
            continue
        try:
            assert connection.sock is not None
            connection.sock.settimeout(max(0.01, deadline - time.monotonic()))
            headers = {"User-Agent": USER_AGENT, "Accept": "*/*", "Connection": "close"}
            connection.request(method, target, headers=headers)
            response = connection.getresponse()  # the body is never read
            return response.status, response.headers
        finally:
            connection.close()
    raise error


class _Pinned(http.client.HTTPConnection):
    """A connection to a checked address, speaking to the host by name (Host header, SNI)."""

    def __init__(
        self, host: str, port: int, address: str, timeout: float, secure: bool, watch: Watch | None
    ) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address
        self._secure = secure
        self._watch = watch

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        if self._watch is not None:
            self._watch(sock)  # so that the total deadline can cut a stalled answer
        if self._secure:
            sock = _tls().wrap_socket(sock, server_hostname=self.host)
        self.sock = sock


def _tls() -> ssl.SSLContext:
    """One TLS context for the run: loading the system's CA certificates takes milliseconds."""
    global _SSL
    if _SSL is None:
        _SSL = ssl.create_default_context()
    return _SSL


def reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"its certificate is not valid ({exc.verify_message})"
    if isinstance(exc, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "no answer in time"
    return str(exc) or type(exc).__name__
