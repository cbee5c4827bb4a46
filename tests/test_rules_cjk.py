"""The cjk rules (RF190-RF192): exact (line, column, code) of every finding."""

from __future__ import annotations

import pytest

from resumefmt.lint_rules import cjk
from resumefmt.testing import findings


def lint_text(fragment: str) -> list[tuple[int, int, str]]:
    """Every cjk finding on a fragment, in reading order (the whole family runs)."""
    return sorted(found for rule in cjk.RULES for found in findings(fragment, rule))


def bullets(*texts: str) -> str:
    """Plain-scalar bullets: the first starts at line 10, column 9."""
    items = "".join(f"      - {text}\n" for text in texts)
    return (
        "work:\n  - organization: Example Corp\n    role: Engineer\n"
        f'    start: "2020-01"\n    end: "2021-06"\n    highlights:\n{items}'
    )


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        # Spacing: the unspaced boundaries among spaced ones, at the character before each.
        (
            bullets("使用 Python 开发后端服务。", "负责用Go重写网关。", "维护 Kubernetes 集群。"),
            [(11, 11, "RF190"), (11, 13, "RF190")],
        ),
        # A tie reports the places without a space.
        (bullets("使用 Python 开发。", "用Go重写。"), [(11, 9, "RF190"), (11, 11, "RF190")]),
        # Half-width punctuation after Chinese, and a parenthesis around Chinese.
        (bullets("负责后端开发,提升了性能。"), [(10, 15, "RF191")]),
        (bullets("'技术栈:Python。'"), [(10, 13, "RF191")]),
        (bullets("'完成了迁移(含测试)。'"), [(10, 15, "RF191"), (10, 19, "RF191")]),
        # Japanese too.
        (bullets("'開発を担当:性能を改善。'"), [(10, 15, "RF191")]),
        # A full-width comma between Latin words, in a text without Chinese.
        (bullets("Built services in Python，Go and Rust."), [(10, 33, "RF192")]),
    ],
)
def test_must_fail_at_exact_position(fragment: str, expected: list[tuple[int, int, str]]) -> None:
    assert lint_text(fragment) == expected


@pytest.mark.parametrize(
    "fragment",
    [
        bullets("使用 Python 开发后端服务。", "负责用 Go 重写网关。"),
        bullets("使用Python开发后端服务。", "负责用Go重写网关。"),
        bullets("负责后端开发，提升了 3.5 倍性能，服务 1000+ 用户。"),
        bullets("3年经验，带领5人团队。", "使用 Python 开发。"),  # digits are not counted
        bullets("使用 Python，Go 开发服务。"),  # full-width inside a Chinese sentence
        bullets("'Built the API (in Go): 3.5x faster, for 1,000 users!'"),
        bullets("'사용자 인증 서비스를 개발했습니다, 성능 개선: 30%.'"),  # Korean: Western marks
        bullets("'见 `config.yaml:12` 与 <https://例子.cn/a,b>。'"),  # code and addresses
    ],
)
def test_must_pass(fragment: str) -> None:
    assert lint_text(fragment) == []
