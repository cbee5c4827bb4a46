"""How the bullets of a role open: in the tense its dates ask for, and with a verb."""

from __future__ import annotations

from resumefmt import model
from resumefmt.lint_rules.tense._opening import NOT_A_VERB
from resumefmt.lint_rules.tense._roles import CURRENT, ENDED, roles
from resumefmt.lint_rules.tense._verbs import PAST, PRESENT
from resumefmt.rules import Finding, Option, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.lint_rules.tense._roles import Role
    from resumefmt.rules import Context

#: Every section whose entries have bullets: the default of the ``sections`` option.
_EVERY_ROLE = (*model.DATED, model.CUSTOM)


def _sections(*default: str) -> Option:
    """A ``sections`` option: names of sections whose entries have bullets."""
    return Option(list(default), choices=_EVERY_ROLE, what="section name")


_ENDED = '"2021-06"'


def _role(end: str, *bullets: str) -> str:
    """An example: a work entry from 2019 to ``end`` with these bullets."""
    lines = "".join(f"      - {bullet}\n" for bullet in bullets)
    return (
        "work:\n  - organization: Acme\n    role: Engineer\n"
        f'    start: "2019"\n    end: {end}\n    highlights:\n{lines}'
    )


def _chosen(context: Context) -> Iterator[Role]:
    """The roles of the sections the ``sections`` option names."""
    sections = context.options["sections"]
    for role in roles(context):
        if role.section in sections:
            yield role


def _openings_in(
    context: Context, state: str, tense: str
) -> Iterator[tuple[Role, str, int, int, str]]:
    """``(role, pointer, start, end, word)``: bullets of ``state`` roles opening in ``tense``."""
    for role in _chosen(context):
        if role.state == state:
            for pointer, said, start, end, word in role.openings:
                if said == tense:
                    yield role, pointer, start, end, word


@rule(
    "RF140",
    "tense.present-in-ended-role",
    options={"sections": _sections(*_EVERY_ROLE)},
    reports=(
        _role(_ENDED, "Build the billing service in Go."),
        _role(_ENDED, "I also maintain the build farm."),
        _role(_ENDED, '"**Billing:** Leading a team of four."'),
    ),
    passes=(
        _role(_ENDED, "Built the billing service in Go."),
        _role(_ENDED, "Set up CI for twelve services.", "Lead two releases."),
        _role("present", "Build the billing service in Go."),
    ),
)
def present_in_ended_role(context: Context) -> Iterator[Finding]:
    """A bullet of a role that has ended opens in the present tense.

    A role has ended when its ``end`` is a date before today. Its bullets
    tell what you did, so they open in the past tense: "Built", not "Build",
    "Builds" or "Building". The finding points at the verb.

    Options: ``sections``, the sections whose roles are read (default:
    education, work, research, projects and custom sections).
    """
    for role, pointer, start, end, word in _openings_in(context, ENDED, PRESENT):
        yield Finding(
            pointer,
            f"'{word}' is the present tense, but this role ended ({role.end}): "
            "open the bullet with a verb in the past tense",
            start,
            end,
        )


@rule(
    "RF141",
    "tense.past-in-current-role",
    severity="info",
    options={"sections": _sections(*_EVERY_ROLE)},
    reports=(
        _role("present", "Built the billing service in Go."),
        _role("present", "I open-sourced the build cache."),
    ),
    passes=(
        _role("present", "Build the billing service in Go."),
        _role("present", "Read and review every design document."),
        _role(_ENDED, "Built the billing service in Go."),
    ),
)
def past_in_current_role(context: Context) -> Iterator[Finding]:
    """A bullet of a current role opens in the past tense.

    A role is current when its ``end`` is ``present`` or a date still to
    come. Most guides write what you do now in the present tense ("Build",
    "Lead") and keep the past for finished work; some accept the past
    throughout, hence the severity info. Options: ``sections``, as for RF140.
    """
    for _role, pointer, start, end, word in _openings_in(context, CURRENT, PAST):
        yield Finding(
            pointer,
            f"'{word}' is the past tense, but this role is current: "
            "work you still do reads best in the present tense",
            start,
            end,
        )


@rule(
    "RF142",
    "tense.mixed-tense",
    options={"sections": _sections(*_EVERY_ROLE)},
    formerly=("tense.mixed",),
    reports=(
        "projects:\n  - name: cache\n    highlights:\n"
        "      - Wrote the cache.\n      - Shipped it.\n      - Maintain it.\n",
    ),
    passes=(
        "projects:\n  - name: cache\n    highlights:\n"
        "      - Wrote the cache.\n      - Shipped it.\n      - Cut its latency.\n",
    ),
)
def mixed_tense(context: Context) -> Iterator[Finding]:
    """The bullets of one role open in different tenses.

    One finding per role whose bullets open in both the past and the present
    tense, at the first bullet whose tense differs from the majority. On a
    tie the majority is the tense the role's dates ask for (past once it has
    ended, present while current), else that of its first bullet. Bullets
    that open without a verb or with an ambiguous form do not count.
    Options: ``sections``, as for RF140.
    """
    for role in _chosen(context):
        tenses = [o[1] for o in role.openings if o[1] in (PAST, PRESENT)]
        past, present = tenses.count(PAST), tenses.count(PRESENT)
        if not past or not present:
            continue
        if past != present:
            majority = PAST if past > present else PRESENT
        else:
            majority = {ENDED: PAST, CURRENT: PRESENT}.get(role.state or "", tenses[0])
        for pointer, tense, start, end, word in role.openings:
            if tense in (PAST, PRESENT) and tense != majority:
                yield Finding(
                    pointer,
                    f"this role's bullets open in both tenses ({past} past, {present} present): "
                    f"'{word}' is the {tense} tense, the others mostly the {majority}",
                    start,
                    end,
                )
                break


@rule(
    "RF143",
    "tense.no-leading-verb",
    severity="info",
    options={"sections": _sections("work", "research", "projects")},
    reports=(
        _role(_ENDED, "Our billing service handled 2M payments a day."),
        _role(_ENDED, '"40% less CI time after caching."'),
    ),
    passes=(
        _role(_ENDED, "Scaled billing to 2M payments a day."),
        _role(_ENDED, '"**Billing:** Scaled it to 2M payments a day."'),
        'education:\n  - institution: MIT\n    highlights: ["GPA 3.9/4.0"]\n',
    ),
)
def no_leading_verb(context: Context) -> Iterator[Finding]:
    """A bullet does not open with a verb.

    Bullets that open with what you did ("Cut build time by 40% …") read
    faster than ones that open with a noun, an article or a number ("Our
    system …", "40% …"). Options: ``sections``, the sections whose bullets
    are read (default: work, research and projects; education and custom
    sections often list facts such as "GPA 3.9").
    """
    for role in _chosen(context):
        for pointer, tense, start, end, word in role.openings:
            if tense == NOT_A_VERB:
                yield Finding(
                    pointer,
                    f"this bullet opens with '{word}' where a verb would say what you did",
                    start,
                    end,
                )
