"""The tense rules: how the bullets of a role open (RF140-RF143).

Each rule reads the word a bullet opens with, after markup, a bold lead-in,
a subject pronoun and an adverb ("I also built …" opens with "built"). Forms
that do not tell their tense (set, read, cut, found, lead as a misspelt led,
"Given …", "Results …") never produce a finding. Which roles are read, and
when a role has ended, is described in ``_tense_roles``.
"""

from __future__ import annotations

from resumefmt.lint_rules._opening import NOT_A_VERB
from resumefmt.lint_rules._tense_roles import CURRENT, ENDED, roles
from resumefmt.lint_rules._verbs import PAST, PRESENT
from resumefmt.rules import Finding, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.lint_rules._tense_roles import Role
    from resumefmt.plugins import Registry
    from resumefmt.rules import Context

ALL_SECTIONS = ["work", "research", "projects", "education", "sections"]


def _chosen(context: Context) -> Iterator[Role]:
    sections = context.options.get("sections", ALL_SECTIONS)
    for role in roles(context):
        if role.section in sections:
            yield role


def check_present_in_ended_role(context: Context) -> Iterator[Finding]:
    """A bullet of a role that has ended opens in the present tense.

    A role has ended when its ``end`` is a date before today. Its bullets
    tell what you did, so they open in the past tense: "Built", not "Build",
    "Builds" or "Building". The finding points at the verb.

    Options: ``sections``, the sections whose roles are read (default: work,
    research, projects, education and custom sections).
    """
    for role in _chosen(context):
        if role.state == ENDED:
            for pointer, tense, start, end, word in role.openings:
                if tense == PRESENT:
                    yield Finding(
                        pointer,
                        f"'{word}' is the present tense, but this role ended ({role.end}): "
                        "open the bullet with a verb in the past tense",
                        start,
                        end,
                    )


def check_past_in_current_role(context: Context) -> Iterator[Finding]:
    """A bullet of a current role (``end: present``) opens in the past tense.

    Most guides write what you do now in the present tense ("Build", "Lead")
    and keep the past for finished work; some accept the past throughout,
    hence the severity info. A role whose end date is still to come counts
    as current. Options: ``sections``, as for RF140.
    """
    for role in _chosen(context):
        if role.state == CURRENT:
            for pointer, tense, start, end, word in role.openings:
                if tense == PAST:
                    yield Finding(
                        pointer,
                        f"'{word}' is the past tense, but this role is current: "
                        "work you still do reads best in the present tense",
                        start,
                        end,
                    )


def check_mixed(context: Context) -> Iterator[Finding]:
    """The bullets of one role open in both the past and the present tense.

    One finding per role, at the first bullet whose tense differs from the
    majority. On a tie the majority is the tense the role's dates ask for
    (past once it has ended, present while current), else that of its first
    bullet. Bullets that open without a verb or with an ambiguous form do not
    count. Options: ``sections``, as for RF140.
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


def check_no_verb(context: Context) -> Iterator[Finding]:
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


def register(registry: Registry) -> None:
    """Register the tense rules."""
    from resumefmt.lint_rules._tense_examples import EXAMPLES

    read = ["work", "research", "projects"]
    for code, name, summary, check, severity, sections in (
        (
            "RF140",
            "present-in-ended-role",
            "A bullet of a role that has ended opens in the present tense.",
            check_present_in_ended_role,
            "warning",
            ALL_SECTIONS,
        ),
        (
            "RF141",
            "past-in-current-role",
            "A bullet of a current role opens in the past tense.",
            check_past_in_current_role,
            "info",
            ALL_SECTIONS,
        ),
        (
            "RF142",
            "mixed",
            "The bullets of one role open in different tenses.",
            check_mixed,
            "warning",
            ALL_SECTIONS,
        ),
        (
            "RF143",
            "no-leading-verb",
            "A bullet does not open with a verb.",
            check_no_verb,
            "info",
            read,
        ),
    ):
        fails, passes = EXAMPLES[code]
        rule = Rule(
            code,
            f"tense.{name}",
            summary,
            check=check,
            severity=severity,  # type: ignore[arg-type]
            options={"sections": list(sections)},
            fails=fails,
            passes=passes,
        )
        registry.add_rule(rule)
