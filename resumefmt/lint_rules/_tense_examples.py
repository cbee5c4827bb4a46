"""The must-fail and must-pass examples of the tense rules, by code."""

from __future__ import annotations

_ENDED = '"2021-06"'


def _role(end: str, *bullets: str) -> str:
    lines = "".join(f"      - {bullet}\n" for bullet in bullets)
    return (
        "work:\n  - organization: Acme\n    role: Engineer\n"
        f'    start: "2019"\n    end: {end}\n    highlights:\n{lines}'
    )


#: code → (fails, passes)
EXAMPLES = {
    "RF140": (
        (
            _role(_ENDED, "Build the billing service in Go."),
            _role(_ENDED, "I also maintain the build farm."),
            _role(_ENDED, '"**Billing:** Leading a team of four."'),
        ),
        (
            _role(_ENDED, "Built the billing service in Go."),
            _role(_ENDED, "Set up CI for twelve services.", "Lead two releases."),
            _role("present", "Build the billing service in Go."),
        ),
    ),
    "RF141": (
        (
            _role("present", "Built the billing service in Go."),
            _role("present", "I open-sourced the build cache."),
        ),
        (
            _role("present", "Build the billing service in Go."),
            _role("present", "Read and review every design document."),
            _role(_ENDED, "Built the billing service in Go."),
        ),
    ),
    "RF142": (
        (
            "projects:\n  - name: cache\n    highlights:\n"
            "      - Wrote the cache.\n      - Shipped it.\n      - Maintain it.\n",
        ),
        (
            "projects:\n  - name: cache\n    highlights:\n"
            "      - Wrote the cache.\n      - Shipped it.\n      - Cut its latency.\n",
        ),
    ),
    "RF143": (
        (
            _role(_ENDED, "Our billing service handled 2M payments a day."),
            _role(_ENDED, '"40% less CI time after caching."'),
        ),
        (
            _role(_ENDED, "Scaled billing to 2M payments a day."),
            _role(_ENDED, '"**Billing:** Scaled it to 2M payments a day."'),
            'education:\n  - institution: MIT\n    highlights: ["GPA 3.9/4.0"]\n',
        ),
    ),
}
