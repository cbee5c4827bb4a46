"""Links that no longer answer: the rules that run only with ``resumefmt lint --online``.

Importing this module costs nothing on the offline path: the HTTP stack, the
threads and the cache are imported by the first check, and the engine runs
these rules only with ``--online``.
"""

from __future__ import annotations

from resumefmt.rules import Finding, Rule

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from resumefmt.diagnostics import Severity
    from resumefmt.plugins import Registry
    from resumefmt.rules import Context

_HOW = """
Each address in the résumé (URL fields and links in rich text) is asked for
with HEAD, then with GET when HEAD gets an error answer (many servers refuse
or mishandle HEAD), following up to 10 redirects. Checks run concurrently, at
most 4 at a time per host; each address is checked once per run, however
many documents hold it, and has 15 seconds in all. 429 and 502-504 answers
and dropped connections are retried twice with backoff; a Retry-After of up
to 5 seconds is honoured, a longer one is reported. Good answers are cached
for 7 days (--no-cache ignores the cache); failures are always asked
again.
"""


def _findings(context: Context, kind: str) -> Iterator[Finding]:
    from resumefmt.lint_rules._linkcheck import outcomes, state_for
    from resumefmt.lint_rules._urls import iter_urls

    found = [
        (pointer, url, start, end)
        for pointer, url, start, end in iter_urls(context)
        if url[:8].lower().startswith(("http://", "https://"))
    ]
    if not found:
        return
    known = outcomes(state_for(context.settings), [url for _, url, _, _ in found])
    for pointer, url, start, end in found:
        outcome = known[url]
        if outcome.kind == kind:
            yield Finding(
                pointer, _MESSAGES[kind].format(url=url, detail=outcome.detail), start, end
            )


_MESSAGES = {
    "dead": "the link {url} is dead: it {detail}",
    "unverifiable": "the link {url} could not be verified: it {detail}",
    "private": (
        "the link {url} was not checked: it {detail}; "
        "only --allow-private-hosts lets the checker reach such addresses"
    ),
}


def _dead(context: Context) -> Iterator[Finding]:
    """A link that is gone: the server answers 404 Not Found or 410 Gone, or the domain
    does not exist. A reader who follows it finds nothing: fix or remove it.
    """
    return _findings(context, "dead")


def _unverifiable(context: Context) -> Iterator[Finding]:
    """A link the checker could not confirm: the site wants a login or refuses robots
    (401, 403, LinkedIn's 999), limits requests (429), fails (5xx), or does not
    answer in time. Often the link is fine in a browser; this is information and
    never fails the build.
    """
    return _findings(context, "unverifiable")


def _private(context: Context) -> Iterator[Finding]:
    """A link that leads to a loopback, private or link-local address, directly or
    through a redirect. The checker refuses to reach such addresses unless
    --allow-private-hosts is given: they are not on the public web (a reader of
    the résumé cannot reach them either), and asking them from a CI machine
    could reach its internal services.
    """
    return _findings(context, "private")


def _rule(
    code: str,
    name: str,
    summary: str,
    check: Callable[[Context], Iterator[Finding]],
    severity: Severity,
    fails: str,
) -> Rule:
    what = "\n".join(line.strip() for line in (check.__doc__ or "").strip().splitlines())
    return Rule(
        code,
        name,
        summary,
        check=check,
        severity=severity,
        fails=(fails,),
        doc=f"{what}\n\n{_HOW.strip()}",
        online=True,
    )


RULES = (
    _rule(
        "RF130",
        "links.dead",
        "A link answers 404 or 410, or its domain does not exist.",
        _dead,
        "error",
        'basics:\n  name: Ada Lovelace\n  url: "https://ada.example.invalid/"\n',
    ),
    _rule(
        "RF131",
        "links.unverifiable",
        "A link could not be verified: login wall, robot refusal, rate limit, error or timeout.",
        _unverifiable,
        "info",
        "basics:\n  name: Ada Lovelace\n  profiles:\n    - network: LinkedIn\n"
        '      url: "https://www.linkedin.com/in/ada"\n',
    ),
    _rule(
        "RF132",
        "links.private-host",
        "A link leads to a loopback, private or link-local address.",
        _private,
        "warning",
        'basics:\n  name: Ada Lovelace\n  url: "http://192.168.1.20/cv"\n',
    ),
)


def register(registry: Registry) -> None:
    """Register the online link rules (they run only with ``--online``)."""
    for rule in RULES:
        registry.add_rule(rule)
