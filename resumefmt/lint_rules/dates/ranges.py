"""The ``dates`` rules that read one date or one range at a time: impossible, inverted, future."""

from __future__ import annotations

from resumefmt.lint_rules.dates.calendar import (
    PRESENT,
    before,
    date_groups,
    day_of,
    label,
    not_real,
    span,
)
from resumefmt.model import CUSTOM, DATED, KINDS, dated_entries, entries
from resumefmt.rules import Finding, Option, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.rules import Context

ROLE = "work:\n  - organization: Acme\n    role: Engineer\n"


@rule(
    "RF100",
    "dates.impossible-date",
    severity="error",
    reports=(
        ROLE + '    start: "2021-02-30"\n    end: present\n',
        'awards:\n  - title: Prize\n    date: ["2019-03-01", "2023-02-29"]\n',
    ),
    passes=(ROLE + '    start: "2024-02-29"\n    end: "2024-04-30"\n',),
)
def impossible_date(context: Context) -> Iterator[Finding]:
    """A date that no calendar has: ``2021-02-30``, ``2023-02-29``, ``0000``.

    The schema checks the form (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, months
    01-12, days 01-31); this rule checks the day against its month, leap years
    included, in every date field: starts and ends, publication, award and
    test dates, and the dates of custom-section entries.
    """
    for _name, dates in date_groups(context.data):
        for pointer, text in dates:
            why = not_real(text)
            if why:
                yield Finding(pointer, why)


@rule(
    "RF101",
    "dates.inverted-range",
    severity="error",
    reports=(ROLE + '    start: "2021-05"\n    end: "2020-01"\n',),
    passes=(ROLE + '    start: "2021-05"\n    end: "2021"\n',),
)
def inverted_range(context: Context) -> Iterator[Finding]:
    """An entry that ends before it starts.

    Reported at the ``end``. Dates are compared at the precision written, so
    ``start: "2021-05"`` with ``end: "2021"`` is fine (the year 2021 contains
    May), while ``end: "2021-04"`` is not. An end of ``present`` is today: a
    start after it is reported by ``dates.future-start`` instead.
    """
    today = day_of(context.today)
    for _section, pointer, entry in dated_entries(context.data):
        start, end = entry.get("start"), entry.get("end")
        if not isinstance(start, str) or not isinstance(end, str) or end == PRESENT:
            continue
        start_span, end_span = span(start, today), span(end, today)
        if start_span and end_span and before(end_span, start_span):
            yield Finding(f"{pointer}/end", f"this ends ({end}) before it starts ({start})")


@rule(
    "RF102",
    "dates.future-start",
    reports=(ROLE + '    start: "2026-07"\n    end: present\n',),
    passes=(ROLE + '    start: "2026"\n    end: present\n',),
)
def future_start(context: Context) -> Iterator[Finding]:
    """A start date after today: ``start: "2027-01"`` written in June 2026.

    A role you have accepted but not begun is better left out, or mentioned
    in words, until it starts. ``start: "2026"`` in 2026 is fine.
    """
    today = day_of(context.today)
    for _section, pointer, entry in dated_entries(context.data):
        start = entry.get("start")
        start_span = span(start, today) if isinstance(start, str) else None
        if start_span and before((today, today), start_span):
            yield Finding(
                f"{pointer}/start",
                f"this starts in the future ({start}), after today ({context.today.isoformat()})",
            )


@rule(
    "RF103",
    "dates.future-end",
    options={
        "exempt": Option(["education", CUSTOM], choices=(*DATED, CUSTOM), what="section name")
    },
    reports=(ROLE + '    start: "2024-01"\n    end: "2027-03"\n',),
    passes=(
        ROLE + '    start: "2024"\n    end: "2026"\n',
        'education:\n  - institution: MIT\n    start: "2024-09"\n    end: "2028-06"\n',
        # a grant's funded period: its end is set, not a guess at when it stops
        "sections:\n  - title: Grants\n    items:\n      - title: NSF CAREER\n"
        '        start: "2025-03"\n        end: "2030-02"\n',
    ),
)
def future_end(context: Context) -> Iterator[Finding]:
    """An end date after today on something that is written as finished.

    While it goes on, write ``end: present``. Education is exempt by default,
    because the end of a degree in progress is its expected graduation date
    (the format says so); so are custom sections (``sections``), whose dated
    items are mostly grants, fellowships, appointments and certificates with
    a term fixed in advance ("NSF CAREER, 2025-03 to 2030-02"): their end is
    a fact, not a guess. Option ``exempt`` lists the top-level sections to
    leave alone (``education``, ``work``, ``research``, ``volunteer``,
    ``projects``, ``sections``); ``exempt = ["education"]`` reads custom
    sections too.
    """
    today = day_of(context.today)
    exempt = set(context.options["exempt"])
    for section, pointer, entry in dated_entries(context.data):
        end = entry.get("end")
        if section in exempt or not isinstance(end, str) or end == PRESENT:
            continue
        end_span = span(end, today)
        if end_span and before((today, today), end_span):
            yield Finding(
                f"{pointer}/end",
                f"this ends in the future ({end}, today is {context.today.isoformat()}); "
                "write end: present while it goes on",
            )


@rule(
    "RF108",
    "dates.future-date",
    reports=('awards:\n  - title: Prize\n    date: "2027"\n',),
    passes=('publications:\n  - title: Paper\n    date: "2027"\n    status: accepted\n',),
)
def future_date(context: Context) -> Iterator[Finding]:
    """A date after today on something that has already happened.

    An award received, a language test taken, and a publication with status
    ``published`` (or no status, which means published) cannot be dated in the
    future. Accepted papers and custom-section dates, such as a talk you will
    give, may be.
    """
    today = day_of(context.today)
    data = context.data
    for _name, dates in date_groups(data):
        for pointer, text in dates:
            if not pointer.startswith(("/awards/", "/languages/", "/publications/")):
                continue
            if pointer.startswith("/publications/"):
                status = data["publications"][int(pointer.split("/")[2])].get("status")
                if status not in (None, "published"):
                    continue
            date_span = span(text, today)
            if date_span and before((today, today), date_span):
                yield Finding(
                    pointer,
                    f"this date ({text}) is in the future (today is {context.today.isoformat()})",
                )


#: Sections of roles, whose dates a reader looks for first.
_ROLES = tuple(name for name, kind in KINDS.items() if kind == "experience")


@rule(
    "RF109",
    "dates.undated-role",
    reports=(ROLE, ROLE + '    end: "2021"\n'),
    passes=(ROLE + '    start: "2019"\n    end: "2021"\n', "projects:\n  - name: Notes\n"),
)
def undated_role(context: Context) -> Iterator[Finding]:
    """A role without a start date.

    Format 1.1 accepts a role (``work``, ``research``, ``volunteer``) without
    dates, so that a document imported from JSON Resume, where dates are
    optional, keeps every entry; a reader of a résumé looks for when you held
    each role first. Projects, certificates and custom-section items may be
    undated: they are not reported.
    """
    for _section, pointer, entry in entries(context.data, _ROLES):
        if "start" not in entry:
            message = f"{label(entry)} has no start date: add start: YYYY-MM (and end)"
            yield Finding(pointer, message)
