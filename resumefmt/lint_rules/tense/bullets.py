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
#: The tense rules know English verbs only.
ENGLISH = ("en",)


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
    languages=ENGLISH,
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
        # nouns, brands and acronyms that read as verbs
        _role(_ENDED, "React Native app for 40k riders.", "Web App for field sales."),
        _role(_ENDED, "BE services in Go.", "AWS Lambda jobs for billing."),
        _role(_ENDED, "Design system for 12 product teams.", "Machine learning pipeline."),
        # adjectives that read as verbs
        _role(_ENDED, "Key features of the marketplace.", "Top performer of 2020."),
    ),
)
def present_in_ended_role(context: Context) -> Iterator[Finding]:
    """A bullet of a role that has ended opens in the present tense.

    A role has ended when its ``end`` is a date before today. Its bullets
    tell what you did, so they open in the past tense: "Built", not "Build",
    "Builds" or "Building". The finding points at the verb.

    A word counts only where it reliably is a verb. Not reported: an acronym
    or a word with a capital inside (``BE services``, ``AWS Lambda``,
    ``iOS app``); a product name that is also a verb (``React Native app``,
    ``Spark jobs``, ``Go services``) or a word more often a noun (``Web App
    for …``, ``Design system for …``, ``Training pipeline``), unless an
    object follows (``the``, ``a``, a number, ``it``: "Design the API");
    a base form before an ``-ing`` word (``Machine learning …``); forms that
    do not tell their tense ("Set", "Lead"); a word more often an adjective
    ("Key features of …", "Top performer …"); and bullets not in English
    (the document's ``locale``, or a language map's key, says: only English
    text is read).

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


#: The past of verbs that name a standing duty, and their present: in a current
#: role these are still done ("Maintained the build farm" -> "Maintain").
DUTIES = {
    "maintained": "Maintain",
    "oversaw": "Oversee",
    "supervised": "Supervise",
    "mentored": "Mentor",
    "monitored": "Monitor",
    "administered": "Administer",
    "operated": "Operate",
    "owned": "Own",
    "chaired": "Chair",
    "served": "Serve",
    "taught": "Teach",
    "tutored": "Tutor",
}


@rule(
    "RF141",
    "tense.past-in-current-role",
    languages=ENGLISH,
    severity="info",
    options={"sections": _sections(*_EVERY_ROLE)},
    reports=(
        _role("present", "Maintained the billing service in Go."),
        _role("present", "I also mentored four interns."),
    ),
    passes=(
        _role("present", "Build the billing service in Go."),
        _role("present", "Read and review every design document."),
        _role(_ENDED, "Maintained the billing service in Go."),
        # finished achievements of a current role are rightly in the past
        _role("present", "Led the migration to Kubernetes.", "Reduced p99 latency by 40%."),
        _role("present", "Launched the billing API.", "Maintain the build farm."),
    ),
)
def past_in_current_role(context: Context) -> Iterator[Finding]:
    """A bullet of a current role says in the past tense a duty still held.

    A role is current when its ``end`` is ``present`` or a date still to
    come. What you still do every day reads in the present: "Maintain the
    build farm", "Mentor four interns", not "Maintained", "Mentored". Only
    verbs of a standing duty are read: maintain, oversee, supervise, mentor,
    monitor, administer, operate, own, chair, serve, teach, tutor.

    Not reported: every other past tense. Finished achievements of a current
    role are rightly told in the past ("Led the migration", "Reduced p99
    latency by 40%", "Launched the API"), and most bullets are such; verbs
    such as "Led", "Managed" or "Ran" name a finished project as often as a
    standing duty, so they are left alone too. Options: ``sections``, as
    for RF140.
    """
    for _role, pointer, start, end, word in _openings_in(context, CURRENT, PAST):
        present = DUTIES.get(word.lower())
        if present is not None:
            yield Finding(
                pointer,
                f"'{word}' is the past tense, but this role is current: a duty you "
                f"still have reads best in the present tense ('{present}')",
                start,
                end,
            )


@rule(
    "RF142",
    "tense.mixed-tense",
    languages=ENGLISH,
    options={"sections": _sections(*_EVERY_ROLE)},
    formerly=("tense.mixed",),
    reports=(
        "projects:\n  - name: cache\n    highlights:\n"
        "      - Wrote the cache.\n      - Shipped it.\n      - Maintain it.\n",
    ),
    passes=(
        "projects:\n  - name: cache\n    highlights:\n"
        "      - Wrote the cache.\n      - Shipped it.\n      - Cut its latency.\n",
        # a current role: duties in the present, achievements in the past
        _role("present", "Lead a team of four.", "Launched the billing API."),
        # nouns and names that read as verbs do not count
        _role(_ENDED, "Built the API.", "React Native app for 40k users.", "BE services in Go."),
        _role(_ENDED, "Defined the marketplace.", "Ran pricing tests.", "Key features of it."),
    ),
)
def mixed_tense(context: Context) -> Iterator[Finding]:
    """The bullets of one role open in different tenses.

    One finding per role whose bullets open in both the past and the present
    tense, at the first bullet whose tense differs from the majority. On a
    tie the majority is the tense the role's dates ask for (past once it has
    ended), else that of its first bullet. Bullets that open without a verb
    or with an ambiguous form do not count, nor words that only look like
    verbs (see RF140).

    Not reported: a current role. Its duties read in the present and its
    finished achievements in the past ("Lead a team of four", "Launched the
    API"), so both tenses are right there. Options: ``sections``, as for RF140.
    """
    for role in _chosen(context):
        if role.state == CURRENT:
            continue
        tenses = [o[1] for o in role.openings if o[1] in (PAST, PRESENT)]
        past, present = tenses.count(PAST), tenses.count(PRESENT)
        if not past or not present:
            continue
        if past != present:
            majority = PAST if past > present else PRESENT
        else:
            majority = PAST if role.state == ENDED else tenses[0]
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
    languages=ENGLISH,
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
        # not English: the rule knows English verbs only
        _role(_ENDED, "Entwicklung einer Plattform für Zahlungen."),
        _role(_ENDED, "负责支付系统的后端开发。"),
        _role(_ENDED, "Développement d'une API de paiement."),
    ),
)
def no_leading_verb(context: Context) -> Iterator[Finding]:
    """A bullet does not open with a verb.

    Bullets that open with what you did ("Cut build time by 40% …") read
    faster than ones that open with a noun, an article or a number ("Our
    system …", "40% …"). Options: ``sections``, the sections whose bullets
    are read (default: work, research and projects; education and custom
    sections often list facts such as "GPA 3.9").

    Not reported: a bullet that is not in English, whose verbs the rule does
    not know ("Entwicklung einer Plattform …", "负责后端开发"). Like every
    tense rule it reads only English text: the document's ``locale`` (or a
    language map's key) says the language. A document that says English, or
    nothing, may still hold a bullet in another language, so each of its
    bullets is also judged on its own, simply: a letter of a script other
    than Latin (Chinese, Japanese, Korean, Cyrillic, Greek, Arabic, …) means
    another language, and so do more small words of German, French, Spanish,
    Italian, Portuguese, Dutch or the Scandinavian languages ("der", "und",
    "de", "avec", "van", "och") than of English ("the", "of", "and",
    "with"), or accented letters with no English small word. Nor a bullet
    opening with a word whose tense is unclear.
    """
    from resumefmt.lint_rules.tense._english import looks_english

    texts = dict(context.strings(*model.BULLETS))
    for role in _chosen(context):
        for pointer, tense, start, end, word in role.openings:
            if tense == NOT_A_VERB and looks_english(texts[pointer]):
                yield Finding(
                    pointer,
                    f"this bullet opens with '{word}' where a verb would say what you did",
                    start,
                    end,
                )
