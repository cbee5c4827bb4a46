"""Checking many links at once: once per run, the cache first, threads per host, a deadline.

Each distinct address is checked once per run (whatever the number of
documents and rules that ask), on up to :data:`PER_HOST` connections to one
host and :data:`MAX_CONNECTIONS` in all (one thread each: the checks wait on
the network, so threads are enough). Every check has :data:`TOTAL_TIMEOUT`
seconds: past it, its socket is shut, and a check stuck where no socket can be
shut (a slow resolver) is reported as a timeout without waiting for it.
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
_GRACE = 1.0  # after the deadline, how long a check may take to notice its shut socket


class LinkChecker:
    """What one lint run knows of links: the outcomes so far, and the disk cache."""

    def __init__(self, settings: LintSettings) -> None:
        self.settings = settings
        self.known: dict[str, Outcome] = {}
        self.cache = LinkCache(settings.cache_dir)

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
            found = check_many(todo, allow_private=allow, progress=self.settings.progress)
            self.known.update(found)
            for url, outcome in found.items():
                if outcome.kind == "ok":
                    self.cache.remember(url, private=outcome.private)
            self.cache.save()
        return {url: self.known[url] for url in urls}


class _Task:
    __slots__ = ("abandoned", "deadline", "host", "sockets", "url")

    def __init__(self, url: str, host: str) -> None:
        self.url = url
        self.host = host
        self.deadline = time.monotonic() + TOTAL_TIMEOUT
        self.sockets: list[socket.socket] = []
        self.abandoned = False


def check_many(
    urls: list[str], *, allow_private: bool, progress: Progress | None = None
) -> dict[str, Outcome]:
    """Check distinct ``urls`` concurrently; every one gets an outcome within its deadline.

    A fixed pool of threads takes, in order, the first address whose host has a
    free connection, so no thread waits on a busy host while another is idle.
    ``progress(done, total)`` is called on this thread as the count changes.
    """
    pending = [(url, (urlsplit(url).hostname or "").lower()) for url in urls]
    active: dict[str, int] = {}
    results: dict[str, Outcome] = {}
    running: list[_Task] = []
    done = threading.Condition()

    def take() -> _Task | None:
        """The next task a host has room for (the caller holds ``done``)."""
        for index, (url, host) in enumerate(pending):
            if active.get(host, 0) < PER_HOST:
                del pending[index]
                active[host] = active.get(host, 0) + 1
                task = _Task(url, host)
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
            outcome = _check(task, allow_private)
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
                    results.setdefault(task.url, _timed_out())
                    task.abandoned = True
                    running.remove(task)
                    active[task.host] -= 1
                    done.notify_all()  # its host has room again
                    if pending:
                        start()  # in place of the stuck thread
            if progress and len(results) != reported:
                reported = len(results)
                progress(reported, len(urls))
            if len(results) == len(urls):
                break
            wake = min((t.deadline for t in running), default=now + 1.0) - now
            done.wait(max(0.05, min(wake, 1.0)))
    return results


def _check(task: _Task, allow_private: bool) -> Outcome:
    try:
        return http.check_url(
            task.url, allow_private=allow_private, deadline=task.deadline, watch=task.sockets.append
        )
    except Exception as exc:  # one odd answer must not cost the findings of the other links
        return Outcome("unverifiable", f"could not be checked ({type(exc).__name__}: {exc})")


def _timed_out() -> Outcome:
    return Outcome("unverifiable", f"did not answer within {TOTAL_TIMEOUT:g} s")


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed: nothing left to cut
        sock.shutdown(socket.SHUT_RDWR)
