"""Links that no longer answer: the rules that run only with ``resumefmt lint --online``.

The three rules share one checker per run (kept in ``Context.shared``), so each
address is asked once however many documents and rules hold it. The checker is
imported by the first check: offline, these rules cost nothing.
"""

from __future__ import annotations

from resumefmt.lint_rules.links._urls import iter_urls
from resumefmt.rules import Finding, dedent, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.lint_rules.links._online.checker import LinkChecker
    from resumefmt.rules import Check, Context

_HOW = """
Each address in the résumé (URL fields and links in rich text) is asked for
with HEAD, then with GET when HEAD gets an error answer (many servers refuse
or mishandle HEAD), following up to 10 redirects. Checks run concurrently, at
most 4 at a time per host; each address is checked once per run, however
many documents hold it, and has 15 seconds in all. A file's links on one
host have 20 seconds in all, and all its links 30 seconds: a link not
answered by then is unverifiable, so a file's checks end within about 30
seconds. 429 and 502-504 answers and dropped connections are retried twice
with backoff; a Retry-After of up to 5 seconds is honoured, a longer one is
reported. An answer cut off before the end of its headers is no answer.
"No such domain" makes a link dead only when the resolver finds a name that
exists (github.com); when it denies that one too, the resolver is broken and
this is said once, on the first link. Good answers are cached for 7 days
(--no-cache ignores the cache); failures are always asked again.
"""
#: The message of each kind of outcome the rules report.
_MESSAGES = {
    "dead": "the link {url} is dead: it {detail}",
    "unverifiable": "the link {url} could not be verified: it {detail}",
    "private": (
        "the link {url} was not checked: it {detail}; "
        "only --allow-private-hosts lets the checker reach such addresses"
    ),
    "no-resolver": "{detail}: links could not be checked",
}


def _how_links_are_checked(check: Check) -> Check:
    """Add how the checker works to a rule's manual (its docstring)."""
    check.__doc__ = f"{dedent(check.__doc__ or '')}\n\n{dedent(_HOW)}"
    return check


@rule(
    "RF130",
    "links.dead",
    severity="error",
    online=True,
    reports=('basics:\n  name: Ada Lovelace\n  url: "https://ada.example.invalid/"\n',),
)
@_how_links_are_checked
def dead(context: Context) -> Iterator[Finding]:
    """A link answers 404 or 410, or its domain does not exist.

    The link is gone: a reader who follows it finds nothing. Fix or remove it.
    """
    return _findings(context, "dead")


@rule(
    "RF131",
    "links.unverifiable",
    severity="info",
    online=True,
    reports=(
        "basics:\n  name: Ada Lovelace\n  profiles:\n    - network: LinkedIn\n"
        '      url: "https://www.linkedin.com/in/ada"\n',
    ),
)
@_how_links_are_checked
def unverifiable(context: Context) -> Iterator[Finding]:
    """A link could not be verified: login wall, robot refusal, rate limit, error or timeout.

    The site wants a login or refuses robots (401, 403, LinkedIn's 999), limits
    requests (429), fails (5xx), or does not answer in time. Often the link is
    fine in a browser; this is information and never fails the build.
    """
    return _findings(context, "unverifiable")


@rule(
    "RF132",
    "links.private-host",
    online=True,
    reports=('basics:\n  name: Ada Lovelace\n  url: "http://192.168.1.20/cv"\n',),
)
@_how_links_are_checked
def private_host(context: Context) -> Iterator[Finding]:
    """A link leads to a loopback, private or link-local address.

    Reported whether the link leads there directly or through a redirect. The
    checker refuses to reach such addresses unless --allow-private-hosts is
    given: they are not on the
    public web (a reader of the résumé cannot reach them either), and asking
    them from a CI machine could reach its internal services.
    """
    return _findings(context, "private")


def _findings(context: Context, kind: str) -> Iterator[Finding]:
    found = [
        (pointer, url, start, end)
        for pointer, url, start, end in iter_urls(context)
        if url[:8].lower().startswith(("http://", "https://"))
    ]
    if not found:
        return
    known = _checker(context).outcomes([url for _, url, _, _ in found])
    for pointer, url, start, end in found:
        outcome = known[url]
        said = outcome.kind
        if said == "no-resolver" and kind == "unverifiable":
            # The same for every link: said once a run, on the first link it stopped.
            if context.shared.get("said no-resolver"):
                continue
            context.shared["said no-resolver"] = True
        elif said != kind:
            continue
        message = _MESSAGES[said].format(url=url, detail=outcome.detail)
        yield Finding(pointer, message, start, end)


def _checker(context: Context) -> LinkChecker:
    """The run's checker: every online rule, on every document, asks the same one."""
    checker: LinkChecker | None = context.shared.get("checker")
    if checker is None:
        from resumefmt.lint_rules.links._online.checker import LinkChecker

        checker = context.shared["checker"] = LinkChecker(context.settings)
    return checker
