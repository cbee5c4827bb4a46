"""The ``dates`` rules that read a whole section: overlaps, gaps, precision and order."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from resumefmt.lint_rules.dates.calendar import (
    PRECISION_NAMES,
    before,
    date_groups,
    day_of,
    label,
    month_index,
    not_real,
    precision,
    span,
)
from resumefmt.model import DATED, entries
from resumefmt.rules import Finding, Option, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from resumefmt.lint_rules.dates.calendar import Day, Span
    from resumefmt.rules import Context

    Role = tuple[str, dict[str, Any], Span, Span]


def _sections(*default: str) -> Option:
    """A ``sections`` option: names of dated sections."""
    return Option(list(default), choices=DATED, what="section name")


#: Two work entries; fill in start, end, start, end.
TWO = (
    "work:\n  - organization: Acme\n    role: Engineer\n    start: {0}\n    end: {1}\n"
    "  - organization: Initech\n    role: Developer\n    start: {2}\n    end: {3}\n"
)


@rule(
    "RF104",
    "dates.overlapping-roles",
    severity="info",
    options={"sections": _sections("work")},
    reports=(TWO.format('"2021"', "present", '"2019"', '"2022-06"'),),
    passes=(TWO.format('"2021-03"', "present", '"2019"', '"2021-03"'),),
)
def overlapping_roles(context: Context) -> Iterator[Finding]:
    """Two roles at different organisations held at the same time.

    Readers ask about it, so it is worth a look, not a fix: a side job or a
    part-time post is fine. Several roles at one organisation never count,
    nor does a change of job within one month (``end: "2021-03"`` then
    ``start: "2021-03"``), nor anything the precision leaves open
    (``end: "2020"`` then ``start: "2020-03"``). Option ``sections`` (default
    ``[work]``) lists the sections whose roles are compared with each other;
    research is left out by default because research posts are so often held
    beside study or an internship. Reported once for each role that overlaps
    one listed above it, at its ``start``, naming the one above it that runs
    the longest and how many other roles it overlaps in all.
    """
    roles = list(_roles(context, context.options["sections"]))
    orgs = [_org(entry) for _pointer, entry, _start, _end in roles]
    # Two roles overlap when each starts certainly before the other ends: the
    # last day a start can mean is before the first day the other's end can.
    starts = [start[1] for _pointer, _entry, start, _end in roles]
    ends = [end[0] for _pointer, _entry, _start, end in roles]
    others = _overlap_counts(starts, ends)
    by_org: dict[str, list[int]] = {}
    for index, org in enumerate(orgs):
        by_org.setdefault(org, []).append(index)
    for members in by_org.values():  # roles at one organisation do not count
        same = _overlap_counts([starts[i] for i in members], [ends[i] for i in members])
        for index, count in zip(members, same, strict=True):
            others[index] -= count
    above = _LongestAbove(starts)
    for index, (pointer, entry, _start, _end) in enumerate(roles):
        other = above.longest(ends[index], orgs[index])
        if other is not None and ends[other] > starts[index]:
            more = others[index] - 1
            also = f" and {more} other {'role' if more == 1 else 'roles'}" if more else ""
            where = "other organisations" if more else "another organisation"
            yield Finding(
                f"{pointer}/start",
                f"{_role_text(entry)} overlaps {_role_text(roles[other][1])}{also}, at {where}",
            )
        above.add(index, starts[index], ends[index], orgs[index])


def _overlap_counts(starts: list[Day], ends: list[Day]) -> list[int]:
    """For each role, how many of the others overlap it (``starts[j] < ends[i]`` and
    ``starts[i] < ends[j]``), in O(n log n).

    Those that start before it ends, less those of them that end by the time it
    starts: counted in one sweep by start, with a Fenwick tree over the ends.
    """
    order = sorted(starts)
    levels = sorted(set(ends))
    tree = [0] * (len(levels) + 1)
    by_start = sorted(range(len(starts)), key=starts.__getitem__)
    by_end = sorted(range(len(starts)), key=ends.__getitem__)
    added = 0
    counts = [0] * len(starts)
    for i in by_end:  # queries by their end, so the roles that start before it come in order
        while added < len(by_start) and starts[by_start[added]] < ends[i]:
            level = bisect_left(levels, ends[by_start[added]]) + 1
            while level < len(tree):
                tree[level] += 1
                level += level & -level
            added += 1
        ended, level = 0, bisect_right(levels, starts[i])
        while level:
            ended += tree[level]
            level -= level & -level
        itself = 1 if starts[i] < ends[i] else 0
        counts[i] = bisect_left(order, ends[i]) - ended - itself
    return counts


class _LongestAbove:
    """The roles listed so far, asked: of those that start before a day, which one
    ends last, at an organisation other than a given one?

    A Fenwick tree over the starts, each node keeping the two latest ends of
    different organisations (the latest at a role's own organisation does not count).
    """

    def __init__(self, starts: list[Day]) -> None:
        self.levels = sorted(set(starts))
        self.tree: list[list[tuple[Day, int, str]]] = [[] for _ in range(len(self.levels) + 1)]

    def add(self, index: int, start: Day, end: Day, org: str) -> None:
        level = bisect_left(self.levels, start) + 1
        while level < len(self.tree):
            self.tree[level] = _two_latest([*self.tree[level], (end, -index, org)])
            level += level & -level

    def longest(self, before: Day, org: str) -> int | None:
        """The index of the role that starts before ``before`` and ends last, not at ``org``."""
        best: list[tuple[Day, int, str]] = []
        level = bisect_left(self.levels, before)
        while level:
            best = _two_latest([*best, *self.tree[level]])
            level -= level & -level
        return next((-index for _end, index, other in best if other != org), None)


def _two_latest(roles: list[tuple[Day, int, str]]) -> list[tuple[Day, int, str]]:
    """The latest end, and the latest at another organisation (ties: the one listed first)."""
    roles.sort(reverse=True)  # (end, -index, organisation)
    if not roles:
        return []
    second = next((r for r in roles[1:] if r[2] != roles[0][2]), None)
    return roles[:1] if second is None else [roles[0], second]


@rule(
    "RF105",
    "dates.gap",
    enabled=False,
    options={"max-months": Option(6, minimum=0, maximum=1200), "sections": _sections("work")},
    reports=(TWO.format('"2020-03"', "present", '"2018"', '"2019-06"'),),
    passes=(TWO.format('"2020-03"', "present", '"2018"', '"2019"'),),
)
def gap(context: Context) -> Iterator[Finding]:
    """A gap between consecutive roles longer than ``max-months``.

    Roles of the sections in option ``sections`` (default ``[work]``) are taken
    in order of their start; a gap is counted in whole months that certainly
    lie between the end of everything before and the next start, so an end of
    ``2019`` and a start of ``2020-03`` leave no gap, and ``2019-06`` to
    ``2020-03`` leave 8 months. Option ``max-months`` (default 6) is the
    longest gap that passes. Reported at the ``start`` after the gap.
    """
    limit = int(context.options["max-months"])
    roles = sorted(_roles(context, context.options["sections"]), key=lambda r: r[2][0])
    covered: tuple[Day, dict[str, Any]] | None = None
    for pointer, entry, start, end in roles:
        if covered is not None:
            months = month_index(start[0]) - month_index(covered[0]) - 1
            if months > limit:
                yield Finding(
                    f"{pointer}/start",
                    f"{months} months pass between {label(covered[1])} (ended "
                    f"{covered[1]['end']}) and {label(entry)} (started {entry['start']}), "
                    f"more than {limit}",
                )
        if covered is None or end[1] > covered[0]:
            covered = end[1], entry


@rule(
    "RF106",
    "dates.mixed-precision",
    severity="info",
    reports=(TWO.format('"2021-03"', "present", '"2019"', '"2021"'),),
    passes=(TWO.format('"2021-03"', "present", '"2019-01"', '"2021-02"'),),
)
def mixed_precision(context: Context) -> Iterator[Finding]:
    """A section whose dates are written at different precisions.

    ``2022 to Oct 2023`` below ``Dec 2023 to present`` reads as an oversight:
    write every date of a section as years, or every one as months. Each list
    counts on its own: work, education, publications, awards, language tests,
    each custom section, the projects of one entry. ``present`` has no
    precision. Reported once per section, at the first date that differs
    from most of the others.
    """
    for name, dates in date_groups(context.data):
        dates = [(p, t) for p, t in dates if precision(t) and not not_real(t)]  # RF100 has the rest
        counts: dict[int, int] = {}
        for _pointer, text in dates:
            counts[precision(text)] = counts.get(precision(text), 0) + 1
        if len(counts) < 2:
            continue
        usual = max(counts, key=lambda p: counts[p])  # ties: the first written
        pointer, text = next((p, t) for p, t in dates if precision(t) != usual)
        written = " and ".join(_count(counts[p], PRECISION_NAMES[p]) for p in sorted(counts))
        yield Finding(
            pointer,
            f"{name} writes {written}; this one ({text}) differs from most: "
            "write every date of a section at one precision",
        )


@rule(
    "RF107",
    "dates.out-of-order",
    formerly=("dates.not-newest-first",),
    options={"sections": _sections("education", "work", "research")},
    reports=(TWO.format('"2015"', '"2017"', '"2019"', "present"),),
    passes=(
        TWO.format('"2019"', "present", '"2015"', '"2019"'),
        # newest first by start: the internship started after the job below it
        TWO.format('"2022-06"', '"2022-09"', '"2020-01"', "present"),
    ),
)
def out_of_order(context: Context) -> Iterator[Finding]:
    """An entry listed below an older one: sections read newest first.

    Newest first has two readings, and a section in either is in order: by
    end (``present`` is today, then by start), or by start (then by end). A
    side role or an internship that started after a longer role but ended
    first is listed above it by some and below it by others; neither is
    reported. A section in neither order (or oldest first) is reported, as
    read by end, at the ``start`` of each entry that is newer than the one
    above it by both readings (else at the date that decides it). An entry
    with no end is placed by its start. Only an order that is certain at the precision
    written counts (``2022`` and ``2022-06`` are not out of order either
    way). Option ``sections`` (default ``[education, work, research]``):
    the sections the format describes as newest first; publications and
    awards are often ordered otherwise.
    """
    today = day_of(context.today)
    for section in context.options["sections"]:
        if section not in DATED:
            continue
        by_end: list[Finding] = []
        by_start = False
        previous: tuple[dict[str, Any], Span | None, Span | None] | None = None
        for _section, pointer, entry in entries(context.data, (section,)):
            end, start = _span_of(entry, "end", today), _span_of(entry, "start", today)
            if end is None and start is None:
                continue
            if previous is not None:
                key = _newer(previous[1:], (end, start))
                above_end, above_start = previous[1:]
                later_start = _newer((above_start, above_end), (start, end))
                by_start = by_start or bool(later_start)
                if key:
                    # Where both orders are broken, the start says it: it is the
                    # date a reader scans a section by, and what the entry is known by.
                    where = "start" if later_start == "end" else key
                    by_end.append(
                        Finding(
                            f"{pointer}/{where}",
                            f"{_role_text(entry)} is more recent than "
                            f"{_role_text(previous[0])} listed above it; "
                            f"list {section} newest first",
                        )
                    )
            previous = entry, end, start
        if by_start:  # in neither order
            yield from by_end


def _newer(above: tuple[Span | None, Span | None], below: tuple[Span | None, Span | None]) -> str:
    """``end`` or ``start`` when ``below`` is certainly newer by that date, else ''.

    Given ``(end, start)`` pairs, the order by end; given ``(start, end)``,
    the order by start (a truthy answer: the key names the other date then).
    """
    above_end, above_start = above
    below_end, below_start = below
    if above_end is not None and below_end is not None:
        if before(above_end, below_end):
            return "end"
        if above_end != below_end:
            return ""
    if above_start is not None and below_start is not None and before(above_start, below_start):
        return "start"
    return ""


def _count(number: int, name: str) -> str:
    return f"{number} {'date' if number == 1 else 'dates'} as {name}"


def _roles(context: Context, sections: list[str]) -> Iterator[Role]:
    """The entries of ``sections`` (dated ones only) that have both a start and an end."""
    today = day_of(context.today)
    for section in sections:
        if section not in DATED:
            continue
        for _section, pointer, entry in entries(context.data, (section,)):
            start, end = _span_of(entry, "start", today), _span_of(entry, "end", today)
            if start is not None and end is not None:
                yield pointer, entry, start, end


def _span_of(entry: dict[str, Any], key: str, today: Day) -> Span | None:
    value = entry.get(key)
    return span(value, today) if isinstance(value, str) else None


def _org(entry: dict[str, Any]) -> str:
    return " ".join(str(entry.get("organization", entry.get("institution", ""))).split()).casefold()


def _role_text(entry: dict[str, Any]) -> str:
    role = entry.get("role") or entry.get("degree")
    what = f"{role} at {label(entry)}" if role else label(entry)
    when = f"{entry.get('start', '?')} to {entry.get('end', '?')}"
    return f"{what} ({when})"
