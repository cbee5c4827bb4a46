"""The online link rules (RF130-RF132) against HTTP servers the tests start on loopback.

No test asks a real resolver: ``http.resolve`` is replaced by a table, and a
name missing from it fails the test. Every server listens on a loopback address;
a test about another address never opens a socket to it. Tests of the real CLI
inject the same way, through a ``sitecustomize`` module (:func:`cli_with_fake_dns`).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bounded import Bounded, run_bounded
from conftest import ROOT, TODAY, as_document_text, read_terminal, require_tool
from linkserver import LinkServer

from resumefmt.lint_rules.links import RULES
from resumefmt.lint_rules.links._online import checker
from resumefmt.lint_rules.links._online import http as _http
from resumefmt.lint_rules.links._online.cache import FILE_NAME
from resumefmt.linter import LintRun
from resumefmt.loader import load_text
from resumefmt.plugins import Registry
from resumefmt.rules import LintSettings

Found = list[tuple[int, int, str, str]]
NAMES = {
    "public.example.test": ["127.0.0.2"],
    "intranet.example.test": ["10.1.2.3"],
    # The name the checker asks when told "no such domain" (http.PROBE_HOST):
    # resolved here, never connected to.
    "github.com": ["192.0.2.1"],
}


def fake_resolve(host: str, port: int) -> list[str]:
    if host == "dead.example.test":
        raise _http.NoSuchHost(host)
    if host == "down.example.test":
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
    assert host in NAMES, f"a test asked the real resolver for {host}"
    return NAMES[host]


@pytest.fixture(autouse=True)
def _offline_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_http, "resolve", fake_resolve)
    monkeypatch.setattr(_http, "BACKOFF", 0.01)


@pytest.fixture
def server() -> Iterator[LinkServer]:
    started = LinkServer("127.0.0.2")
    yield started
    started.stop()


@pytest.fixture
def other() -> Iterator[LinkServer]:
    started = LinkServer("127.0.0.3")
    yield started
    started.stop()


def settings(
    *,
    allow: bool = True,
    cache: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> LintSettings:
    return LintSettings(
        online=True,
        allow_private_hosts=allow,
        cache_dir=str(cache) if cache else None,
        progress=progress,
    )


def online_rules() -> Registry:
    registry = Registry()
    registry.add_rules(rule for rule in RULES if rule.online)
    return registry


def lint_online(*fragments: str, run_settings: LintSettings | None = None) -> list[Found]:
    """``(line, column, code, message)`` of the online findings, one list per document."""
    run = LintRun(online_rules(), today=TODAY, settings=run_settings or settings())
    results = []
    for index, fragment in enumerate(fragments):
        document = load_text(as_document_text(fragment), f"r{index}.yaml")
        found = run.lint(document)
        assert not [d for d in found if d.code.startswith("RF0")], found
        results.append([(d.location.line, d.location.column, d.code, d.message) for d in found])
    return results


def profiles(*urls: str) -> str:
    """A fragment with one profile per URL: URL number i is on line 6 + 2i, column 12."""
    items = "".join(f"    - network: Site\n      url: {url!r}\n" for url in urls)
    return f"basics:\n  name: Test Person\n  profiles:\n{items}"


def positions(found: Found) -> list[tuple[int, int, str]]:
    return [(line, column, code) for line, column, code, _ in found]


def test_each_answer_has_its_outcome_at_the_url(server: LinkServer) -> None:
    paths = [
        "/ok", "/status/404", "/status/410", "/status/999", "/status/401",
        "/status/403", "/status/500", "/status/503", "/nohead", "/status/204",
    ]  # fmt: skip
    [found] = lint_online(profiles(*(server.url(p) for p in paths)))
    assert positions(found) == [
        (8, 12, "RF130"),
        (10, 12, "RF130"),
        (12, 12, "RF131"),
        (14, 12, "RF131"),
        (16, 12, "RF131"),
        (18, 12, "RF131"),
        (20, 12, "RF131"),
    ]
    messages = [message for *_, message in found]
    assert messages[0] == f"the link {server.url('/status/404')} is dead: it answered 404 Not Found"
    assert messages[1].endswith("is dead: it answered 410 Gone")
    assert messages[2].endswith(
        "could not be verified: it answered 999; "
        "the site asks for a login or refuses automated checks"
    )
    assert messages[3].endswith(
        "answered 401 Unauthorized; the site asks for a login or refuses automated checks"
    )
    assert messages[5].endswith("answered 500 Internal Server Error")
    assert messages[6].endswith("answered 503 Service Unavailable")


def test_a_link_in_rich_text_is_located_at_the_address(server: LinkServer) -> None:
    dead = server.url("/status/404")
    fragment = f"basics:\n  name: Test Person\n  summary: See [the demo]({dead}) now.\n"
    [found] = lint_online(fragment)
    assert positions(found) == [(4, 27, "RF130")]


def test_head_refused_then_get_decides(server: LinkServer) -> None:
    assert lint_online(profiles(server.url("/nohead"), server.url("/status/404"))) == [
        [
            (
                8,
                12,
                "RF130",
                f"the link {server.url('/status/404')} is dead: it answered 404 Not Found",
            )
        ]
    ]
    assert sorted(server.paths()) == [
        "GET /nohead",
        "GET /status/404",
        "HEAD /nohead",
        "HEAD /status/404",
    ]


def test_redirect_chains_are_followed(server: LinkServer) -> None:
    good = server.url("/redirect/302?to=" + server.url("/ok"))
    chain = server.url("/redirect/301?to=" + good)
    to_dead = server.url("/redirect/307?to=/status/404")
    loop = server.url("/redirect/302")
    [found] = lint_online(profiles(chain, to_dead, loop))
    assert positions(found) == [(8, 12, "RF130"), (10, 12, "RF131")]
    assert found[0][3].endswith(
        f"is dead: it answered 404 Not Found (redirected to {server.url('/status/404')})"
    )
    assert found[1][3].endswith("could not be verified: it redirects more than 10 times")
    hits = server.paths()  # the three chains run at once: only counts are certain
    assert [hits.count(f"HEAD /{p}") for p in ("redirect/301", "ok", "redirect/307")] == [1, 1, 1]
    assert hits.count("HEAD /redirect/302") == 1 + 1 + _http.MAX_REDIRECTS


def test_retry_after_is_honoured_when_short(server: LinkServer) -> None:
    start = time.monotonic()
    assert lint_online(profiles(server.url("/busy"))) == [[]]
    assert time.monotonic() - start >= 1.0
    assert server.paths() == ["HEAD /busy", "HEAD /busy"]


def test_retry_after_too_long_is_reported_not_waited(server: LinkServer) -> None:
    start = time.monotonic()
    [found] = lint_online(profiles(server.url("/retry-after/3600"), server.url("/retry-after/0")))
    assert time.monotonic() - start < 1.0
    assert positions(found) == [(6, 12, "RF131"), (8, 12, "RF131")]
    assert found[0][3].endswith(
        "answered 429 Too Many Requests; the site limits how often it may be asked "
        "and asks to retry after 3600 s"
    )
    assert found[1][3].endswith(
        "answered 429 Too Many Requests; the site limits how often it may be asked"
    )
    assert server.paths().count("HEAD /retry-after/3600") == 1
    assert server.paths().count("HEAD /retry-after/0") == 1 + _http.RETRIES


def test_a_slow_answer_is_cut_at_the_deadline(
    server: LinkServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checker, "TOTAL_TIMEOUT", 0.5)
    start = time.monotonic()
    [found] = lint_online(profiles(server.url("/slow"), server.url("/ok")))
    assert time.monotonic() - start < 2.0
    assert found == [
        (
            6,
            12,
            "RF131",
            f"the link {server.url('/slow')} could not be verified: it did not answer in time",
        )
    ]


def test_a_stuck_resolver_is_not_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    def stuck(host: str, port: int) -> list[str]:
        time.sleep(3)
        return ["127.0.0.2"]

    monkeypatch.setattr(_http, "resolve", stuck)
    monkeypatch.setattr(checker, "TOTAL_TIMEOUT", 0.3)
    start = time.monotonic()
    [found] = lint_online(profiles("https://slow-dns.example.test/"))
    assert time.monotonic() - start < 2.0
    assert [m for *_, m in found] == [
        "the link https://slow-dns.example.test/ could not be verified: "
        "it did not answer within 0.3 s"
    ]  # the checks are in time, whatever the probe of the resolver would take


def test_names_are_resolved_once_and_the_checked_address_is_used(
    server: LinkServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def counting(host: str, port: int) -> list[str]:
        asked.append(host)
        return fake_resolve(host, port)

    monkeypatch.setattr(_http, "resolve", counting)
    port = server.server_address[1]
    url = f"http://public.example.test:{port}/ok"
    [found] = lint_online(
        profiles(url, "https://dead.example.test/cv", "https://down.example.test/")
    )
    assert positions(found) == [(8, 12, "RF130"), (10, 12, "RF131")]
    assert (
        found[0][3]
        == "the link https://dead.example.test/cv is dead: it has no such domain: dead.example.test"
    )
    assert "cannot look up down.example.test" in found[1][3]
    assert server.hits == [("HEAD", "/ok", f"public.example.test:{port}")]
    assert asked.count("public.example.test") == 1


def test_private_addresses_are_refused_without_the_flag(server: LinkServer) -> None:
    urls = (server.url("/ok"), "http://intranet.example.test/", "http://169.254.169.254/latest/")
    [found] = lint_online(profiles(*urls), run_settings=settings(allow=False))
    assert found == [
        (
            6,
            12,
            "RF132",
            f"the link {server.url('/ok')} was not checked: it leads to a loopback address "
            "(127.0.0.2); only --allow-private-hosts lets the checker reach such addresses",
        ),
        (
            8,
            12,
            "RF132",
            "the link http://intranet.example.test/ was not checked: it leads to "
            "intranet.example.test, which resolves to a private address (10.1.2.3); "
            "only --allow-private-hosts lets the checker reach such addresses",
        ),
        (
            10,
            12,
            "RF132",
            "the link http://169.254.169.254/latest/ was not checked: it leads to a link-local "
            "address (169.254.169.254); only --allow-private-hosts lets the checker reach "
            "such addresses",
        ),
    ]
    assert server.hits == []


def test_a_redirect_to_a_private_address_is_refused_on_that_hop(
    server: LinkServer, other: LinkServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_kind = _http.address_kind
    monkeypatch.setattr(_http, "address_kind", lambda a: None if a == "127.0.0.2" else real_kind(a))
    start = server.url("/redirect/302?to=" + other.url("/ok"))
    [found] = lint_online(profiles(start), run_settings=settings(allow=False))
    assert positions(found) == [(6, 12, "RF132")]
    assert f"(redirected to {other.url('/ok')})" in found[0][3]
    assert (server.paths(), other.hits) == (["HEAD /redirect/302"], [])
    assert lint_online(profiles(start)) == [[]]  # with the flag, the same chain is good
    assert other.paths() == ["HEAD /ok"]


def test_the_same_url_in_two_documents_is_checked_once(server: LinkServer) -> None:
    first, second = lint_online(
        profiles(server.url("/ok"), server.url("/status/410")),
        profiles(server.url("/status/410"), server.url("/ok")),
    )
    assert positions(first) == [(8, 12, "RF130")]
    assert positions(second) == [(6, 12, "RF130")]
    assert sorted(server.paths()) == ["GET /status/410", "HEAD /ok", "HEAD /status/410"]


def test_good_links_are_cached_and_failures_are_not(server: LinkServer, tmp_path: Path) -> None:
    fragment = profiles(server.url("/ok"), server.url("/status/404"))
    first = lint_online(fragment, run_settings=settings(cache=tmp_path))
    second = lint_online(fragment, run_settings=settings(cache=tmp_path))
    assert positions(first[0]) == positions(second[0]) == [(8, 12, "RF130")]
    assert server.paths().count("HEAD /ok") == 1
    assert server.paths().count("GET /status/404") == 2
    saved = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))
    assert list(saved["good"]) == [server.url("/ok")]
    assert saved["good"][server.url("/ok")]["private"] is True
    # Good only through a private address: not trusted by a run that refuses them.
    [refused] = lint_online(fragment, run_settings=settings(cache=tmp_path, allow=False))
    assert positions(refused) == [(6, 12, "RF132"), (8, 12, "RF132")]


def test_an_old_or_damaged_cache_is_asked_again(server: LinkServer, tmp_path: Path) -> None:
    entry = {"at": time.time() - 8 * 86400, "private": True}
    (tmp_path / FILE_NAME).write_text(
        json.dumps({"version": 1, "good": {server.url("/ok"): entry}})
    )
    assert lint_online(profiles(server.url("/ok")), run_settings=settings(cache=tmp_path)) == [[]]
    (tmp_path / FILE_NAME).write_text("{not json")
    assert lint_online(profiles(server.url("/ok")), run_settings=settings(cache=tmp_path)) == [[]]
    assert server.paths() == ["HEAD /ok", "HEAD /ok"]


def test_progress_is_reported_not_printed(
    server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[tuple[int, int]] = []
    lint_online(
        profiles(server.url("/ok"), server.url("/nohead")),
        profiles(server.url("/ok"), server.url("/status/404")),
        run_settings=settings(progress=lambda done, total: seen.append((done, total))),
    )
    # Each document's new links (the second has one), counted up as their checks end.
    totals = [total for _, total in seen]
    assert totals == sorted(totals, reverse=True) and set(totals) == {2, 1}
    for total in (2, 1):
        counts = [done for done, of in seen if of == total]
        assert counts == sorted(set(counts)) and counts[-1] == total
    assert capsys.readouterr() == ("", "")


def test_online_rules_never_run_offline(server: LinkServer) -> None:
    run = LintRun(online_rules(), today=TODAY)
    assert (
        run.lint(load_text(as_document_text(profiles(server.url("/status/404"))), "r.yaml")) == []
    )
    assert server.hits == []


def run_cli(path: Path, *flags: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "resumefmt", "lint", "--online", *flags, str(path)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)


def test_cli_exit_codes(server: LinkServer, tmp_path: Path) -> None:
    dead = tmp_path / "dead.resumefmt.yaml"
    dead.write_text(as_document_text(profiles(server.url("/ok"), server.url("/status/410"))))
    unsure = tmp_path / "unsure.resumefmt.yaml"
    unsure.write_text(as_document_text(profiles(server.url("/status/999"), server.url("/ok"))))
    failed = run_cli(dead, "--allow-private-hosts", cache=tmp_path / "cache")
    assert failed.returncode == 1, failed.stderr
    gone = server.url("/status/410")
    expected = f"{dead}:8:12: error: the link {gone} is dead: it answered 410 Gone [RF130]"
    assert expected in failed.stdout.splitlines()
    passed = run_cli(unsure, "--allow-private-hosts", cache=tmp_path / "cache")
    assert passed.returncode == 0, passed.stderr
    assert (
        f"{unsure}:6:12: info: the link {server.url('/status/999')} could not be verified"
        in passed.stdout
    )
    assert (tmp_path / "cache" / "resumefmt" / FILE_NAME).is_file()


def test_cli_refuses_loopback_without_the_flag(server: LinkServer, tmp_path: Path) -> None:
    path = tmp_path / "local.resumefmt.yaml"
    path.write_text(as_document_text(profiles(server.url("/status/404"))))
    result = run_cli(path, cache=tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert (
        f"{path}:6:12: warning: the link {server.url('/status/404')} was not checked"
        in result.stdout
    )
    assert "[RF132]" in result.stdout
    assert server.hits == []


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[LinkServer, Path]]:
    """A server on 127.0.0.4 with a self-signed certificate for secure.example.test."""
    import ssl

    openssl = require_tool("openssl")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=secure.example.test", "-addext", "subjectAltName=DNS:secure.example.test",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    started = LinkServer("127.0.0.4", tls=context)
    yield started, cert
    started.stop()


def test_https_speaks_tls_to_the_checked_address_by_name(
    tls_server: tuple[LinkServer, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ssl

    server, cert = tls_server
    monkeypatch.setitem(NAMES, "secure.example.test", ["127.0.0.4"])
    url = f"https://secure.example.test:{server.server_address[1]}/ok"
    [found] = lint_online(profiles(url))
    assert [m for *_, m in found] == [
        f"the link {url} could not be verified: it failed: its certificate is not valid "
        "(self-signed certificate)"
    ]
    trusting = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(_http, "_tls", lambda: trusting)
    assert lint_online(profiles(url)) == [[]]  # SNI and the check use the name, not the address
    assert server.hits[-1] == ("HEAD", "/ok", f"secure.example.test:{server.server_address[1]}")


def _lint_with_a_terminal(path: Path, *flags: str, cache: Path) -> tuple[str, str]:
    """``(stdout, what the terminal on standard error showed)`` of an online lint."""
    import pty

    controller, terminal = pty.openpty()
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "resumefmt", "lint", "--online", "--allow-private-hosts"]
    with subprocess.Popen(
        [*command, *flags, str(path)],
        stdout=subprocess.PIPE,
        stderr=terminal,
        text=True,
        env=env,
        cwd=ROOT,
    ) as process:
        os.close(terminal)
        shown = read_terminal(controller)
        stdout = process.stdout.read() if process.stdout else ""
        process.wait(timeout=60)
    os.close(controller)
    return stdout, shown.decode("utf-8", "replace")


def test_the_cli_shows_progress_on_a_terminal_only_for_text(
    server: LinkServer, tmp_path: Path
) -> None:
    path = tmp_path / "cv.resumefmt.yaml"
    path.write_text(as_document_text(profiles(server.url("/ok"), server.url("/nohead"))))
    stdout, shown = _lint_with_a_terminal(path, "--no-cache", cache=tmp_path)
    assert "checking links: 2/2" in shown
    assert shown.endswith("\r\x1b[K" + "1 file linted: 0 errors, 0 warnings, 0 info\r\n")
    assert "checking links" not in stdout
    stdout, shown = _lint_with_a_terminal(path, "--no-cache", "--format", "json", cache=tmp_path)
    assert "checking links" not in shown + stdout
    assert json.loads(stdout) == []


def test_the_manual_states_the_checkers_real_limits() -> None:
    """The online rules' manual is prose; this keeps its figures equal to the constants."""
    from resumefmt.lint_rules.links._online import cache, checker, http
    from resumefmt.plugins import rule_registry

    manual = " ".join(rule_registry(third_party=False).rules["RF130"].manual.split())
    assert http.RETRIES == 2 and "retried twice" in manual
    for said in (
        f"up to {http.MAX_REDIRECTS} redirects",
        f"at most {checker.PER_HOST} at a time per host",
        f"has {checker.TOTAL_TIMEOUT:g} seconds in all",
        f"on one host have {checker.HOST_BUDGET:g} seconds in all",
        f"all its links {checker.BATCH_BUDGET:g} seconds",
        f"end within about {checker.BATCH_BUDGET:g} seconds",
        f"exists ({http.PROBE_HOST})",
        f"Retry-After of up to {http.RETRY_AFTER_CAP:g} seconds",
        f"cached for {cache.KEEP_DAYS} days",
    ):
        assert said in manual, said


# A hostile server: headers that never end (issue 11, item 8).


def test_an_answer_whose_headers_never_end_is_no_answer(
    server: LinkServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trickled headers cut at the deadline, or a status line and a closed connection:
    unverifiable, never good (nor cached as good), never dead."""
    monkeypatch.setattr(checker, "TOTAL_TIMEOUT", 0.5)
    urls = [server.url(p) for p in ("/trickle/200", "/trickle/404", "/cut/200", "/cut/404")]
    start = time.monotonic()
    [found] = lint_online(profiles(*urls), run_settings=settings(cache=tmp_path))
    assert time.monotonic() - start < 3.0
    late = "could not be verified: it did not answer in time"
    cut = "could not be verified: it failed: the connection closed before the end of the headers"
    assert found == [
        (6, 12, "RF131", f"the link {urls[0]} {late}"),
        (8, 12, "RF131", f"the link {urls[1]} {late}"),
        (10, 12, "RF131", f"the link {urls[2]} {cut}"),
        (12, 12, "RF131", f"the link {urls[3]} {cut}"),
    ]
    assert not (tmp_path / FILE_NAME).exists()  # nothing was good: nothing to remember
    hits = server.paths()  # a dropped connection is asked again, as documented
    assert [hits.count(f"HEAD /cut/{n}") for n in (200, 404)] == [1 + _http.RETRIES] * 2
    assert [hits.count(f"HEAD /trickle/{n}") for n in (200, 404)] == [1, 1]


# Addresses that carry an IPv4 address in IPv6 (item 9): classified, never connected to.

EMBEDDED = [
    ("::127.0.0.1", "loopback", "127.0.0.1"),  # IPv4-compatible (deprecated)
    ("::ffff:0:7f00:1", "loopback", "127.0.0.1"),  # IPv4-translated
    ("::ffff:127.0.0.1", "loopback", "127.0.0.1"),  # IPv4-mapped
    ("::ffff:a01:203", "private", "10.1.2.3"),
    ("64:ff9b::a9fe:a9fe", "link-local", "169.254.169.254"),  # NAT64 of the metadata service
    ("64:ff9b::7f00:1", "loopback", "127.0.0.1"),
    ("64:ff9b:1::a9fe:a9fe", "non-public", None),  # NAT64 for local use only
    ("2002:a9fe:a9fe::1", "link-local", "169.254.169.254"),  # 6to4
    ("2002:7f00:1::1", "loopback", "127.0.0.1"),
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback", "127.0.0.1"),  # Teredo client
    ("2001:0:4136:e378:8000:63bf:f7f7:f7f7", "non-public", "8.8.8.8"),  # Teredo, public client
    ("fec0::1", "site-local", None),  # site-local (deprecated)
    ("::", "unspecified", None),
    ("::1", "loopback", None),
    ("0.0.0.0", "unspecified", None),
    ("fe80::1%eth0", "link-local", None),
]
PUBLIC = [
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
    "8.8.8.8",
]


@pytest.mark.parametrize(("address", "kind", "inner"), EMBEDDED)
def test_ipv6_addresses_are_what_the_ipv4_address_they_carry_is(
    address: str, kind: str, inner: str | None
) -> None:
    assert _http.address_kind(address) == kind


@pytest.mark.parametrize(("address", "kind", "inner"), EMBEDDED)
def test_the_ipv4_address_an_ipv6_one_carries_is_named(
    address: str, kind: str, inner: str | None
) -> None:
    assert _http.embedded_ipv4(address) == inner


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_stay_public(address: str) -> None:
    assert _http.address_kind(address) is None


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Refuse, and record, every connection attempt: the addresses under test must not be asked."""
    attempts: list[object] = []

    def refuse(address: object, *args: object, **kwargs: object) -> socket.socket:
        attempts.append(address)
        raise OSError("the test refuses to connect")

    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def test_ipv4_in_ipv6_is_refused_without_the_flag(
    no_connections: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    names = {
        "nat64.example.test": ["64:ff9b::a9fe:a9fe"],
        "sixtofour.example.test": ["2002:a9fe:a9fe::1"],
        "site.example.test": ["fec0::1"],
        "teredo.example.test": ["2001:0:4136:e378:8000:63bf:80ff:fffe"],
    }
    for name, addresses in names.items():
        monkeypatch.setitem(NAMES, name, addresses)
    urls = [
        "http://[::127.0.0.1]/",
        "http://[::ffff:0:7f00:1]:8080/",
        "http://[::FFFF:127.0.0.1]/",
        *(f"https://{name}/" for name in names),
    ]
    [found] = lint_online(profiles(*urls), run_settings=settings(allow=False))
    assert no_connections == []
    assert [code for _, _, code, _ in found] == ["RF132"] * len(urls)
    said = [m.split(": it ", 1)[1].split(";", 1)[0] for *_, m in found]
    assert said == [
        "leads to a loopback address (::7f00:1, which carries 127.0.0.1)",
        "leads to a loopback address (::ffff:0:7f00:1, which carries 127.0.0.1)",
        "leads to a loopback address (::ffff:7f00:1, which carries 127.0.0.1)",
        "leads to nat64.example.test, which resolves to a link-local address "
        "(64:ff9b::a9fe:a9fe, which carries 169.254.169.254)",
        "leads to sixtofour.example.test, which resolves to a link-local address "
        "(2002:a9fe:a9fe::1, which carries 169.254.169.254)",
        "leads to site.example.test, which resolves to a site-local address (fec0::1)",
        "leads to teredo.example.test, which resolves to a loopback address "
        "(2001:0:4136:e378:8000:63bf:80ff:fffe, which carries 127.0.0.1)",
    ]


# Budgets: a batch of links ends in bounded time (item 13).


def test_many_links_on_one_slow_host_share_a_budget(
    server: LinkServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """12 links on a host that never answers: without the host's budget, 3 rounds of timeouts."""
    monkeypatch.setattr(checker, "TOTAL_TIMEOUT", 1.0)
    monkeypatch.setattr(checker, "HOST_BUDGET", 1.5, raising=False)
    seen: list[tuple[int, int]] = []
    urls = [server.url(f"/stall?n={n}") for n in range(12)]
    start = time.monotonic()
    [found] = lint_online(
        profiles(*urls), run_settings=settings(progress=lambda *count: seen.append(count))
    )
    took = time.monotonic() - start
    assert 1.4 < took < 2.5, took
    messages = [
        m.removeprefix(f"the link {u} could not be verified: it ")
        for u, (*_, m) in zip(urls, found, strict=True)
    ]
    assert [code for _, _, code, _ in found] == ["RF131"] * 12
    assert messages[:8] == ["did not answer in time"] * 8
    assert (
        messages[8:]
        == ["was not checked: the time allowed for the links to 127.0.0.2 (1.5 s) ran out first"]
        * 4
    )
    assert len(server.hits) == 8
    assert seen[-1] == (12, 12)  # the count the CLI shows still reaches the total


def test_a_batch_has_a_budget_across_hosts(
    server: LinkServer, other: LinkServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With few connections, slow hosts wait their turn; the batch's budget ends the wait."""
    monkeypatch.setattr(checker, "MAX_CONNECTIONS", 2)
    monkeypatch.setattr(checker, "TOTAL_TIMEOUT", 1.0)
    monkeypatch.setattr(checker, "BATCH_BUDGET", 1.5, raising=False)
    urls = [s.url(f"/stall?n={n}") for n in range(3) for s in (server, other)]
    start = time.monotonic()
    [found] = lint_online(profiles(*urls))
    took = time.monotonic() - start
    assert 1.4 < took < 2.5, took
    messages = [m.split(" could not be verified: it ", 1)[1] for *_, m in found]
    assert (
        messages
        == ["did not answer in time"] * 4
        + ["was not checked: the time allowed for a file's links (1.5 s) ran out first"] * 2
    )


# A resolver that says "no such domain" of every name ("tried as a new user would").


def no_such_domain(host: str, port: int) -> list[str]:
    raise _http.NoSuchHost(host)


def test_a_resolver_that_knows_no_name_makes_no_link_dead(
    server: LinkServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def broken(host: str, port: int) -> list[str]:
        asked.append(host)
        return no_such_domain(host, port)

    monkeypatch.setattr(_http, "resolve", broken)
    first, second = lint_online(
        profiles("https://github.com/ada", server.url("/status/404"), "https://ada.dev/"),
        profiles("https://example.org/cv", "https://github.com/ada"),
    )
    # Said once, on the first link it stopped; the link the resolver was not needed for stands.
    assert first == [
        (
            6,
            12,
            "RF131",
            "the resolver answers 'no such domain' for every name, even github.com: "
            "links could not be checked",
        ),
        (
            8,
            12,
            "RF130",
            f"the link {server.url('/status/404')} is dead: it answered 404 Not Found",
        ),
    ]
    assert second == []
    assert asked.count("github.com") == 2  # a link's host, and the probe: once a run


def test_no_such_domain_is_believed_from_a_resolver_that_knows_the_probe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def counting(host: str, port: int) -> list[str]:
        asked.append(host)
        return fake_resolve(host, port)

    monkeypatch.setattr(_http, "resolve", counting)
    [found] = lint_online(profiles("https://dead.example.test/a", "https://dead.example.test/b"))
    assert [m for *_, m in found] == [
        f"the link https://dead.example.test/{p} is dead: it has no such domain: dead.example.test"
        for p in "ab"
    ]
    assert asked.count("github.com") == 1


def test_no_such_domain_from_a_resolver_that_cannot_answer_is_unverifiable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing(host: str, port: int) -> list[str]:
        if host == "github.com":
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return fake_resolve(host, port)

    monkeypatch.setattr(_http, "resolve", failing)
    [found] = lint_online(profiles("https://dead.example.test/"))
    assert found == [
        (
            6,
            12,
            "RF131",
            "the link https://dead.example.test/ could not be verified: it has no such domain: "
            "dead.example.test, says a resolver that cannot look up github.com",
        )
    ]


# The same through the real CLI, bounded in time and memory (tests/bounded.py).

_SITECUSTOMIZE = '''\
"""Loaded by the CLI under test: names from a table, loopback only, shorter deadlines."""
import json
import os
import socket

from resumefmt.lint_rules.links._online import checker, http

_PLAN = json.loads(os.environ["RESUMEFMT_TEST_LINKS"])


def _resolve(host, port):
    if host in _PLAN["names"]:
        return _PLAN["names"][host]
    raise http.NoSuchHost(host)  # any other name: "no such domain"


def _loopback_only(address, *args, **kwargs):
    if not str(address[0]).startswith("127."):
        raise OSError(f"the test refuses to connect to {address[0]}")
    return _connect(address, *args, **kwargs)


_connect = socket.create_connection
socket.create_connection = _loopback_only
http.resolve = _resolve
for _dotted, _value in _PLAN["constants"].items():
    _module, _name = _dotted.split(".")
    setattr({"checker": checker, "http": http}[_module], _name, _value)
'''


def cli_with_fake_dns(
    case: str,
    tmp_path: Path,
    text: str,
    *flags: str,
    names: dict[str, list[str]],
    constants: dict[str, float] | None = None,
    seconds: float = 20.0,
) -> Bounded:
    """``resumefmt lint --online FLAGS FILE`` on ``text`` in a new process, its names from
    ``names`` (any other: "no such domain"), its checker's ``constants`` replaced."""
    import resumefmt

    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    path = tmp_path / "cv.resumefmt.yaml"
    path.write_text(as_document_text(text), encoding="utf-8")
    package = Path(resumefmt.__file__).parent.parent  # this one, or the one under test
    plan = {"names": names, "constants": constants or {}}
    env = {
        "PYTHONPATH": os.pathsep.join((str(site), str(package))),
        "RESUMEFMT_TEST_LINKS": json.dumps(plan),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    return run_bounded(
        case, "lint", "--online", *flags, path, cwd=tmp_path, env=env, seconds=seconds
    )


def test_cli_a_resolver_that_knows_no_name(tmp_path: Path) -> None:
    fragment = profiles("https://github.com/ada", "https://ada.dev/", "https://lovelace.org/cv")
    result = cli_with_fake_dns(
        "lint --online: the resolver denies every name", tmp_path, fragment, names={}
    )
    path = tmp_path / "cv.resumefmt.yaml"
    assert (result.returncode, result.stdout) == (
        0,
        f"{path}:6:12: info: the resolver answers 'no such domain' for every name, even "
        "github.com: links could not be checked [RF131]\n",
    )
    assert result.seconds < 10 and result.peak_mib < 200


def test_cli_hostile_servers_end_in_bounded_time(
    server: LinkServer, other: LinkServer, tmp_path: Path
) -> None:
    """Headers that never end, a status line and a close, and 12 links on a host that never
    answers: all unverifiable, none cached, within the budgets (shortened here)."""
    urls = [other.url(p) for p in ("/trickle/200", "/cut/200")]
    urls += [server.url(f"/stall?n={n}") for n in range(12)]
    constants = {
        "checker.TOTAL_TIMEOUT": 1.0,
        "checker.HOST_BUDGET": 1.5,
        "checker.BATCH_BUDGET": 3.0,
        "http.BACKOFF": 0.01,
    }
    result = cli_with_fake_dns(
        "lint --online: endless headers, cut headers, 12 links on a stalled host",
        tmp_path,
        profiles(*urls),
        "--allow-private-hosts",
        names={},
        constants=constants,
    )
    assert result.returncode == 0, result.stderr
    path = tmp_path / "cv.resumefmt.yaml"
    late = "did not answer in time"
    said = [
        late,
        "failed: the connection closed before the end of the headers",
        *[late] * 8,
        *["was not checked: the time allowed for the links to 127.0.0.2 (1.5 s) ran out first"] * 4,
    ]
    assert result.stdout.splitlines() == [
        f"{path}:{6 + 2 * n}:12: info: the link {url} could not be verified: it {it} [RF131]"
        for n, (url, it) in enumerate(zip(urls, said, strict=True))
    ]
    assert not (tmp_path / "cache" / "resumefmt" / FILE_NAME).exists()
    assert result.seconds < 5 and result.peak_mib < 200


def test_cli_refuses_ipv4_in_ipv6_without_the_flag(tmp_path: Path) -> None:
    """The sitecustomize refuses any connection off 127/8: nothing here is ever asked."""
    urls = [
        "http://[::ffff:0:7f00:1]/",
        "http://[64:ff9b::a9fe:a9fe]/latest/",
        "https://cv.ada.dev/",
    ]
    result = cli_with_fake_dns(
        "lint --online: IPv4 in IPv6 (loopback, NAT64 of the metadata address)",
        tmp_path,
        profiles(*urls),
        names={"cv.ada.dev": ["2002:a9fe:a9fe::1"], "github.com": ["192.0.2.1"]},
    )
    path = tmp_path / "cv.resumefmt.yaml"
    flag = "only --allow-private-hosts lets the checker reach such addresses [RF132]"
    assert (result.returncode, result.stdout.splitlines()) == (
        0,
        [
            f"{path}:6:12: warning: the link {urls[0]} was not checked: it leads to a loopback "
            f"address (::ffff:0:7f00:1, which carries 127.0.0.1); {flag}",
            f"{path}:8:12: warning: the link {urls[1]} was not checked: it leads to a link-local "
            f"address (64:ff9b::a9fe:a9fe, which carries 169.254.169.254); {flag}",
            f"{path}:10:12: warning: the link {urls[2]} was not checked: it leads to cv.ada.dev, "
            "which resolves to a link-local address (2002:a9fe:a9fe::1, which carries "
            f"169.254.169.254); {flag}",
        ],
    )
    assert result.seconds < 5 and result.peak_mib < 200
