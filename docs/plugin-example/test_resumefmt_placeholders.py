"""The plugin's tests: its rules' own examples, and exact positions."""

from __future__ import annotations

import pytest
from resumefmt_placeholders import LOREM_IPSUM, RULES, example_address

from resumefmt.rules import Rule
from resumefmt.testing import assert_examples, findings


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_examples(rule: Rule) -> None:
    assert_examples(rule)


def test_lorem_ipsum_is_found_where_it_is_written() -> None:
    fragment = "basics:\n  name: Ada\n  headline: Engineer, lorem ipsum\n"
    assert findings(fragment, LOREM_IPSUM) == [(4, 23, "PH101")]
    titled = "projects:\n  - name: Lorem Ipsum\n"
    assert findings(titled, LOREM_IPSUM) == [(5, 11, "PH101")]


def test_an_example_address_points_at_the_email() -> None:
    fragment = "basics:\n  name: Ada\n  email: ada@EXAMPLE.org\n"
    assert findings(fragment, example_address) == [(4, 10, "PH102")]
