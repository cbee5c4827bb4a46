"""One link checked over HTTP: resolve, refuse private targets, HEAD then GET, redirects, retries.

The stack is the standard library (``http.client``, run on the checker's
threads): it adds no dependency, and it lets us connect to the very address we
resolved and checked, speaking to the host by its name (``Host``, SNI), which
keeps DNS from swapping a public address for a private one between the check
and the connect.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import quote, urljoin, urlsplit

from resumefmt._record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from email.message import Message
    from io import BufferedReader
    from urllib.parse import SplitResult

    Watch = Callable[[socket.socket], None]

MAX_REDIRECTS = 10
RETRIES = 2  # after the first attempt, for 429, 502-504 and dropped connections
BACKOFF = 0.5  # seconds before the first retry, doubled for each next one
RETRY_AFTER_CAP = 5.0  # a server asking to wait longer is reported, not waited for
CONNECT_TIMEOUT = 5.0  # seconds to open a connection to one address
USER_AGENT = "Mozilla/5.0 (compatible; resumefmt-linkcheck/1)"
#: A name that exists wherever links can be checked (one of the sites that
#: ``links.insecure-http`` knows): when the resolver says it does not, the
#: resolver, not the links, is broken.
PROBE_HOST = "github.com"
_SAFE_PATH = "/%:@!$&'()*+,;=-._~?"
_REDIRECTS = (301, 302, 303, 307, 308)
_REFUSED = "; the site asks for a login or refuses automated checks"
#: What an error answer says of a link: its kind, a note for the message, whether
#: to ask again. Any other error answer is unverifiable, not asked again.
_ERRORS = {
    404: ("dead", "", False),
    410: ("dead", "", False),
    401: ("unverifiable", _REFUSED, False),
    403: ("unverifiable", _REFUSED, False),
    999: ("unverifiable", _REFUSED, False),  # LinkedIn's answer to robots
    429: ("unverifiable", "; the site limits how often it may be asked", True),
    502: ("unverifiable", "", True),
    503: ("unverifiable", "", True),
    504: ("unverifiable", "", True),
}
_OTHER_ERROR = ("unverifiable", "", False)


class Outcome(Record):
    """What checking one link found; ``detail`` completes "the link ..." in a message.

    ``kind`` is ``ok``; ``dead`` (404, 410, no such domain); ``unverifiable``
    (401, 403, 429, 999, 5xx, timeouts, refused connections); ``private``
    (a target the checker refused to reach); or ``no-resolver`` (the resolver
    says "no such domain" of every name, so nothing could be checked).
    ``private=True`` says that a good answer came through a loopback, private
    or link-local address, so the cache never serves it to a run without
    ``--allow-private-hosts``. ``no_such_domain=True`` marks a ``dead`` outcome
    that rests on the resolver's word alone, which the checker confirms.
    """

    __slots__ = ("detail", "kind", "no_such_domain", "private")

    def __init__(
        self, kind: str, detail: str, *, private: bool = False, no_such_domain: bool = False
    ) -> None:
        self.kind = kind
        self.detail = detail
        self.private = private
        self.no_such_domain = no_such_domain


class NoSuchHost(Exception):
    """The name does not exist (a dead link, unlike a resolver that cannot answer)."""


def resolve(host: str, port: int) -> list[str]:
    """The addresses of ``host``. Tests replace this function: none asks a real resolver."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
            raise NoSuchHost(host) from None
        raise
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_kind(address: str) -> str | None:
    """None for a public address, else what it is: loopback, private, link-local, ...

    An IPv6 address that carries an IPv4 one (IPv4-mapped, NAT64, 6to4, Teredo
    ...) is what the IPv4 one is: ``::ffff:0:7f00:1`` reaches 127.0.0.1 as
    surely as ``127.0.0.1`` does. The prefixes are written out here rather than
    taken from ``ipaddress``'s ``is_global``, whose lists differ between Python
    releases and miss most of them.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and not (ip.is_loopback or ip.is_unspecified):
        embedded = _embedded(ip)
        if embedded is not None:
            inner, routed = embedded
            kind = _kind(inner) if inner is not None else None
            return kind or (None if routed else "non-public")
        if ip.is_site_local:  # fec0::/10, deprecated but still routed inside some sites
            return "site-local"
    return _kind(ip)


def embedded_ipv4(address: str) -> str | None:
    """The IPv4 address an IPv6 ``address`` carries (for messages), or None."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if not isinstance(ip, ipaddress.IPv6Address) or ip.is_loopback or ip.is_unspecified:
        return None
    embedded = _embedded(ip)
    return str(embedded[0]) if embedded and embedded[0] is not None else None


#: IPv6 prefixes whose last 32 bits are an IPv4 address, and whether an address
#: there is on the public web when its IPv4 address is.
_IPV4_SUFFIXED = (
    (ipaddress.IPv6Network("::ffff:0:0/96"), True),  # IPv4-mapped: the IPv4 address itself
    (ipaddress.IPv6Network("64:ff9b::/96"), True),  # NAT64's well-known prefix (RFC 6052)
    (ipaddress.IPv6Network("::ffff:0:0:0/96"), False),  # IPv4-translated (SIIT, RFC 2765)
    (ipaddress.IPv6Network("::/96"), False),  # IPv4-compatible, deprecated (RFC 4291)
)
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")  # where the IPv4 bits sit varies (RFC 8215)


def _embedded(ip: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address | None, bool] | None:
    """``(the IPv4 address ip carries, whether ip is routed publicly when it is)``, or None."""
    for network, routed in _IPV4_SUFFIXED:
        if ip in network:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF), routed
    if ip.sixtofour is not None:  # 2002::/16
        return ip.sixtofour, True
    if ip.teredo is not None:  # 2001::/32: the client's address; a relay carries the traffic
        return ip.teredo[1], False
    if ip in _NAT64_LOCAL:
        return None, False
    return None


def _kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if ip.is_global and not ip.is_multicast:
        return None
    for kind in ("loopback", "unspecified", "link_local", "private", "multicast"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return "non-public"


def check_url(
    url: str, *, allow_private: bool, deadline: float, watch: Watch | None = None
) -> Outcome:
    """Where ``url`` leads; retries with backoff, honouring a short enough Retry-After."""
    attempt = 0
    while True:
        outcome, wait = _follow(url, allow_private, deadline, watch)
        if wait is None or attempt >= RETRIES:
            return outcome
        if wait < 0:
            wait = BACKOFF * 2**attempt
        elif wait > RETRY_AFTER_CAP:
            return Outcome(outcome.kind, f"{outcome.detail} and asks to retry after {wait:.0f} s")
        if time.monotonic() + wait >= deadline:
            return outcome
        time.sleep(wait)
        attempt += 1


def _follow(
    url: str, allow_private: bool, deadline: float, watch: Watch | None
) -> tuple[Outcome, float | None]:
    """One attempt along the redirect chain: the outcome, and the wait before a retry."""
    current, method, private = url, "HEAD", False
    for _hop in range(MAX_REDIRECTS + 1):
        via = "" if current == url else f" (redirected to {current})"
        parts = urlsplit(current)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return Outcome("unverifiable", f"redirects to {current}, not a web address"), None
        try:
            host = parts.hostname.encode("idna").decode("ascii")
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
            addresses = _addresses(host, port)
        except NoSuchHost:
            detail = f"has no such domain: {parts.hostname}{via}"
            return Outcome("dead", detail, no_such_domain=True), None
        except (OSError, UnicodeError, ValueError) as exc:
            return Outcome("unverifiable", f"cannot look up {parts.hostname}: {exc}{via}"), -1
        kinds = [address_kind(a) for a in addresses]
        if not allow_private:
            refused = [(a, k) for a, k in zip(addresses, kinds, strict=True) if k]
            addresses = [a for a, k in zip(addresses, kinds, strict=True) if not k]
            if not addresses:
                address, kind = refused[0]
                name = "" if _literal(host) else f"{parts.hostname}, which resolves to "
                inner = embedded_ipv4(address)
                shown = f"{address}, which carries {inner}" if inner else address
                detail = f"leads to {name}a {kind} address ({shown}){via}"
                return Outcome("private", detail), None
        private = private or any(kinds)
        try:
            status, headers = _request(method, parts, host, port, addresses, deadline, watch)
            if method == "HEAD" and status >= 400 and status != 429:
                method = "GET"  # servers that refuse or mishandle HEAD: GET decides
                status, headers = _request(method, parts, host, port, addresses, deadline, watch)
        except (OSError, http.client.HTTPException) as exc:
            if time.monotonic() >= deadline:
                return Outcome("unverifiable", f"did not answer in time{via}"), None
            return Outcome("unverifiable", f"failed: {_reason(exc)}{via}"), -1
        location = headers.get("Location")
        if status in _REDIRECTS and location:
            current = urljoin(current, location.strip())
            method = "GET" if status == 303 else method
            continue
        return _judge(status, via, private), _retry_wait(status, headers)
    return Outcome("unverifiable", f"redirects more than {MAX_REDIRECTS} times"), None


def _addresses(host: str, port: int) -> list[str]:
    if _literal(host):
        return [str(ipaddress.ip_address(host))]
    return resolve(host, port)


def _literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _judge(status: int, via: str, private: bool) -> Outcome:
    said = f"answered {status} {http.client.responses.get(status, '')}".rstrip() + via
    if 200 <= status < 300:
        return Outcome("ok", said, private=private)
    kind, note, _retried = _ERRORS.get(status, _OTHER_ERROR)
    return Outcome(kind, said + note)


def _retry_wait(status: int, headers: Message) -> float | None:
    """None: do not retry; -1: retry after the backoff; else the seconds the server asked."""
    _kind, _note, retried = _ERRORS.get(status, _OTHER_ERROR)
    if not retried:
        return None
    value = (headers.get("Retry-After") or "").strip()
    if value.isdigit():
        return float(value)
    if value:
        from email.utils import parsedate_to_datetime

        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            pass
    return -1


def _request(
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


class CutShort(http.client.HTTPException):
    """The answer ended before its headers did: no answer, whatever its status line said."""


class _Lines:
    """The reader of a response's head, noting a line that the end of the stream cut short."""

    def __init__(self, stream: BufferedReader) -> None:
        self.stream = stream
        self.cut = False

    def readline(self, limit: int = -1) -> bytes:
        line = self.stream.readline(limit)
        # A line over the limit has no end either; http.client reports it as too long.
        if not line.endswith(b"\n") and (limit < 0 or len(line) < limit):
            self.cut = True
        return line

    def close(self) -> None:
        self.stream.close()


class _Response(http.client.HTTPResponse):
    """A response whose head must end with its blank line.

    ``http.client`` takes the end of the stream for the end of the headers, so a
    server that sends ``HTTP/1.1 200 OK`` and closes, or one that trickles
    header bytes until the deadline shuts the socket, would read as a good
    answer (and be cached as one). Here either is an error.
    """

    def begin(self) -> None:
        stream = self.fp
        lines = _Lines(stream)
        self.fp = lines  # type: ignore[assignment]  # the head is read through it, watched
        try:
            super().begin()
        finally:
            if self.fp is not None:  # begin() closes and drops it when no body follows
                self.fp = stream
        if lines.cut:
            raise CutShort("the connection closed before the end of the headers")


class _Pinned(http.client.HTTPConnection):
    """A connection to a checked address, speaking to the host by name (Host header, SNI)."""

    response_class = _Response

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


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context for the run: loading the system's CA certificates takes milliseconds."""
    return ssl.create_default_context()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"its certificate is not valid ({exc.verify_message})"
    if isinstance(exc, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "no answer in time"
    return str(exc) or type(exc).__name__
