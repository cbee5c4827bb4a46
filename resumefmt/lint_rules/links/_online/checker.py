"""Checking many links at once: once per run, the cache first, threads per host, deadlines.

Each distinct address is checked once per run (whatever the number of
documents and rules that ask), on up to :data:`PER_HOST` connections to one
host and :data:`MAX_CONNECTIONS` in all (one thread each: the checks wait on
the network, so threads are enough). The links are checked a batch at a time
(the new links of one file), in bounded time:

- every check has :data:`TOTAL_TIMEOUT` seconds;
- the links of a batch on one host have :data:`HOST_BUDGET` seconds in all,
  counted from the first one asked, so that one slow host with many links
  cannot take rounds of full timeouts;
- the whole batch has :data:`BATCH_BUDGET` seconds.

Past its deadline a check's socket is shut; a check stuck where no socket can
be shut (a slow resolver) is reported as a timeout without waiting for it; a
link still waiting for a connection when its budget runs out is reported as
not checked. All of these are unverifiable, never dead.

"No such domain" is believed only from a resolver that knows
:data:`~.http.PROBE_HOST`: on the first such answer of a run the checker asks
for it once (:class:`ResolverProbe`). A resolver that denies it too (sandboxed
CI, captive portals) cannot tell a dead link from a live one.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from urllib.parse import urlsplit

from resumefmt.lint_rules.links._online import http
from resumefmt.lint_rules.links._online.cache import LinkCache
from resumefmt.lint_rules.links._online.http import Outcome

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from resumefmt.rules import LintSettings

    Progress = Callable[[int, int], None]

PER_HOST = 4  # what a polite crawler opens to one server
MAX_CONNECTIONS = 64
TOTAL_TIMEOUT = 15.0  # seconds for one link: every redirect, retry and wait included
HOST_BUDGET = 20.0  # seconds for all the links of a batch on one host
BATCH_BUDGET = 30.0  # seconds for all the links of a batch
PROBE_WAIT = 5.0  # seconds a check waits for the resolver to answer the probe
_GRACE = 1.0  # after the deadline, how long a check may take to notice its shut socket
_NO_RESOLVER = "the resolver answers 'no such domain' for every name, even {probe}"


class LinkChecker:
    """What one lint run knows of links: the outcomes so far, the disk cache, the resolver."""

    def __init__(self, settings: LintSettings) -> None:
        self.settings = settings
        self.known: dict[str, Outcome] = {}
        self.cache = LinkCache(settings.cache_dir)
        self.probe = ResolverProbe()

    def outcomes(self, urls: list[str]) -> dict[str, Outcome]:
        """The outcome of each of ``urls``: known, cached as good, or checked now."""
        allow = self.settings.allow_private_hosts
        todo = []
        for url in dict.fromkeys(urls):
            if url in self.known:
                continue
            if self.cache.good(url, allow_private=allow):
                self.known[url] = Outcome("ok", "was good when last checked")
            else:
                todo.append(url)
        if todo:
            found = check_many(
                todo, allow_private=allow, progress=self.settings.progress, probe=self.probe
            )
            self.known.update(found)
            for url, outcome in found.items():
                if outcome.kind == "ok":
                    self.cache.remember(url, private=outcome.private)
            self.cache.save()
        return {url: self.known[url] for url in urls}


class ResolverProbe:
    """Whether the resolver's "no such domain" can be believed: asked once a run, when needed.

    The first check told "no such domain" starts a lookup of
    :data:`~.http.PROBE_HOST` (through :func:`.http.resolve`, which tests
    replace); every such check waits for its verdict, up to its own deadline.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.answered = threading.Event()
        self.started = False
        #: ``works``, ``no-such-domain`` (the resolver is broken), ``failed``, or None (not yet).
        self.verdict: str | None = None

    def ask(self, deadline: float) -> str | None:
        """The verdict, waited for until ``deadline`` at most (None: no answer by then)."""
        with self.lock:
            if not self.started:
                self.started = True
                threading.Thread(target=self._lookup, daemon=True).start()
        self.answered.wait(max(0.0, deadline - time.monotonic()))
        return self.verdict

    def _lookup(self) -> None:
        try:
            http.resolve(http.PROBE_HOST, 443)
            self.verdict = "works"
        except http.NoSuchHost:
            self.verdict = "no-such-domain"
        except Exception:  # a resolver that fails this way says nothing of the links
            self.verdict = "failed"
        self.answered.set()


class _Task:
    __slots__ = ("abandoned", "deadline", "host", "seconds", "sockets", "url")

    def __init__(self, url: str, host: str, now: float, deadline: float) -> None:
        self.url = url
        self.host = host
        self.deadline = deadline
        self.seconds = deadline - now  # what it was given: its own time, or what a budget left
        self.sockets: list[socket.socket] = []
        self.abandoned = False


def check_many(
    urls: list[str],
    *,
    allow_private: bool,
    progress: Progress | None = None,
    probe: ResolverProbe | None = None,
) -> dict[str, Outcome]:
    """Check distinct ``urls`` concurrently; all get an outcome within :data:`BATCH_BUDGET` s.

    A fixed pool of threads takes, in order, the first address whose host has a
    free connection, so no thread waits on a busy host while another is idle.
    ``progress(done, total)`` is called on this thread as the count changes.
    """
    probe = probe or ResolverProbe()
    pending = [(url, (urlsplit(url).hostname or "").lower()) for url in urls]
    active: dict[str, int] = {}
    results: dict[str, Outcome] = {}
    running: list[_Task] = []
    done = threading.Condition()
    batch_end = time.monotonic() + BATCH_BUDGET
    host_end: dict[str, float] = {}  # set when a host's first link is asked

    def expire(now: float) -> None:
        """Report the links still waiting whose budget ran out (the caller holds ``done``)."""
        if now < min(batch_end, min(host_end.values(), default=batch_end)):
            return
        waiting = []
        for url, host in pending:
            end = host_end.get(host, batch_end)
            if now >= batch_end:
                results.setdefault(url, _not_checked(f"a file's links ({BATCH_BUDGET:g} s)"))
            elif now >= end:
                results.setdefault(url, _not_checked(f"the links to {host} ({HOST_BUDGET:g} s)"))
            else:
                waiting.append((url, host))
        if len(waiting) < len(pending):
            pending[:] = waiting
            done.notify_all()  # idle threads learn there may be nothing left

    def take() -> _Task | None:
        """The next task a host has room for (the caller holds ``done``)."""
        now = time.monotonic()
        expire(now)
        for index, (url, host) in enumerate(pending):
            if active.get(host, 0) < PER_HOST:
                del pending[index]
                active[host] = active.get(host, 0) + 1
                end = host_end.setdefault(host, now + HOST_BUDGET)
                task = _Task(url, host, now, min(now + TOTAL_TIMEOUT, end, batch_end))
                running.append(task)
                done.notify_all()  # the watcher learns the new deadline
                return task
        return None

    def work() -> None:
        while True:
            with done:
                task = take()
                while task is None:
                    if not pending:
                        return
                    done.wait()
                    task = take()
            outcome = _check(task, allow_private, probe)
            with done:
                results.setdefault(task.url, outcome)
                if not task.abandoned:
                    running.remove(task)
                    active[task.host] -= 1
                done.notify_all()

    def start() -> None:
        threading.Thread(target=work, daemon=True).start()

    for _ in range(min(MAX_CONNECTIONS, len(urls))):
        start()
    reported = -1
    with done:
        while True:
            now = time.monotonic()
            for task in list(running):
                if now >= task.deadline:
                    for sock in task.sockets:
                        _shut(sock)
                if now >= task.deadline + _GRACE:  # stuck where no socket can be shut
                    results.setdefault(task.url, _timed_out(task))
                    task.abandoned = True
                    running.remove(task)
                    active[task.host] -= 1
                    done.notify_all()  # its host has room again
                    if pending:
                        start()  # in place of the stuck thread
            expire(now)
            if progress and len(results) != reported:
                reported = len(results)
                progress(reported, len(urls))
            if len(results) == len(urls):
                break
            waiting = {host for _, host in pending}
            ends = [t.deadline for t in running] + [host_end.get(h, batch_end) for h in waiting]
            wake = min(ends, default=now + 1.0) - now
            done.wait(max(0.05, min(wake, 1.0)))
    return results


def _check(task: _Task, allow_private: bool, probe: ResolverProbe) -> Outcome:
    try:
        outcome = http.check_url(
            task.url, allow_private=allow_private, deadline=task.deadline, watch=task.sockets.append
        )
    except Exception as exc:  # one odd answer must not cost the findings of the other links
        return Outcome("unverifiable", f"could not be checked ({type(exc).__name__}: {exc})")
    if not outcome.no_such_domain:
        return outcome
    verdict = probe.ask(min(task.deadline, time.monotonic() + PROBE_WAIT))
    if verdict == "works":
        return outcome
    if verdict == "no-such-domain":
        return Outcome("no-resolver", _NO_RESOLVER.format(probe=http.PROBE_HOST))
    why = "cannot look up" if verdict == "failed" else "did not answer in time for"
    return Outcome(
        "unverifiable", f"{outcome.detail}, says a resolver that {why} {http.PROBE_HOST}"
    )


def _timed_out(task: _Task) -> Outcome:
    return Outcome("unverifiable", f"did not answer within {task.seconds:.3g} s")


def _not_checked(whose: str) -> Outcome:
    return Outcome("unverifiable", f"was not checked: the time allowed for {whose} ran out first")


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed: nothing left to cut
        sock.shutdown(socket.SHUT_RDWR)
