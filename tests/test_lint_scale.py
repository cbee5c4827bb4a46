"""Lint stays linear on long texts and long sections: the real CLI, bounded in time and memory.

Each case runs ``resumefmt lint`` in a new process through :func:`bounded.run_bounded`
and asserts what was printed, the exit code, and a bound on seconds and peak memory.
The bounds leave room for a loaded machine; the code before these fixes took
minutes (a 1 MB text) or gigabytes (overlapping roles) on the same cases.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from bounded import run_bounded

HEAD = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n'
#: Words of a plausible summary; a few pairs repeat ("the the"), so there is something to find.
_WORDS = (
    *("built", "shipped", "designed", "led", "the", "team", "data", "pipeline", "streaming"),
    *("kafka", "python", "service", "latency", "users", "million", "requests", "reduced"),
    *("cost", "improved"),
)


def _prose(size: int) -> str:
    """About ``size`` characters of one-line prose, the same on every run."""
    pick = random.Random(11)
    words: list[str] = []
    length = 0
    while length < size:
        words.append(pick.choice(_WORDS))
        length += len(words[-1]) + 1
    return " ".join(words)


def _repeated(stdout: str) -> list[str]:
    """The lines of RF152 (wording.repeated-word), the rule these texts are full of."""
    return [line for line in stdout.splitlines() if line.endswith(" is repeated [RF152]")]


def test_a_1_mb_single_line_value_is_linted_in_2_s(tmp_path: Path) -> None:
    text = _prose(1_000_000)
    source = tmp_path / "long.resumefmt.yaml"
    source.write_text(f"{HEAD}  summary: {text}\n", encoding="utf-8")
    result = run_bounded("lint: a 1 MB single-line summary", "lint", source, seconds=30)
    found = _repeated(result.stdout)
    # Every repeated word is found, each at the column where its text is written.
    line = source.read_text(encoding="utf-8").splitlines()[3]
    assert len(found) > 1000
    for finding in found[:: len(found) // 50]:
        where, rest = finding.split(": warning: ", 1)
        word = rest.split("'")[1]
        column = int(where.rsplit(":", 1)[1])
        assert where.startswith(f"{source}:4:")
        assert line[column - 1 : column - 1 + len(word)] == word
        assert line[: column - 1].endswith(f"{word} ")
    assert result.returncode == 0
    assert result.seconds <= 2.0, result.seconds


def test_a_finding_on_every_word_of_a_1_mb_value_stays_linear(tmp_path: Path) -> None:
    # 100,000 findings in one line: locating each one used to count the earlier
    # ones again (8,000 words took 2.9 s; this took longer than anyone waited).
    source = tmp_path / "word.resumefmt.yaml"
    source.write_text(f"{HEAD}  headline: {'word ' * 200_000}\n", encoding="utf-8")
    result = run_bounded("lint: 100,000 findings in a 1 MB headline", "lint", source, seconds=30)
    found = _repeated(result.stdout)
    assert len(found) == 100_000
    assert found[0] == f"{source}:4:18: warning: 'word' is repeated [RF152]"
    assert found[-1] == f"{source}:4:1000008: warning: 'word' is repeated [RF152]"
    assert result.returncode == 0
    assert result.seconds <= 5.0, result.seconds


def test_a_1_mb_json_string_full_of_escapes_is_located_linearly(tmp_path: Path) -> None:
    # Escapes make every value offset differ from its source offset.
    value = "caf\u00e9 the the " * 60_000
    source = tmp_path / "escaped.resumefmt.json"
    document = {"resumefmt": "1.0", "basics": {"name": "Ada", "summary": value}}
    source.write_text(json.dumps(document), encoding="utf-8")  # \u00e9 written as an escape
    result = run_bounded("lint: a 1 MB JSON string of escapes", "lint", source, seconds=30)
    found = _repeated(result.stdout)
    assert len(found) == 60_000
    written = source.read_text(encoding="utf-8")
    for finding in found[::6000]:
        column = int(finding.split(": warning:", 1)[0].rsplit(":", 1)[1])
        assert written[column - 1 : column + 2] == "the"
        assert written[column - 5 : column - 1] == "the "
    assert result.returncode == 0
    assert result.seconds <= 5.0, result.seconds


def test_2000_overlapping_roles_take_2_s_and_100_mb(tmp_path: Path) -> None:
    # Every pair used to be a finding: 2 million of them, 1.7 GB, 18 s.
    entry = '  - organization: Org{0}\n    role: Engineer\n    start: "2019"\n    end: present\n'
    source = tmp_path / "roles.resumefmt.yaml"
    source.write_text(
        HEAD + "work:\n" + "".join(entry.format(i) for i in range(2000)), encoding="utf-8"
    )
    result = run_bounded("lint: 2,000 overlapping roles", "lint", source, seconds=30)
    found = result.stdout.splitlines()
    assert len(found) == 1999  # each role below the first, once
    assert found[0] == (
        f"{source}:11:12: info: Engineer at Org1 (2019 to present) overlaps Engineer at Org0 "
        "(2019 to present) and 1998 other roles, at other organisations [RF104]"
    )
    assert result.returncode == 0
    assert result.seconds <= 2.0, result.seconds
    assert result.peak_mib <= 100, result.peak_mib


def test_a_1_mb_host_name_is_looked_up_in_linear_time(tmp_path: Path) -> None:
    # links.insecure-http joined every suffix of the host: 80 KB took 8 s.
    source = tmp_path / "host.resumefmt.yaml"
    host = "a." * 500_000 + "github.io"
    source.write_text(f"{HEAD}  url: http://{host}/\n", encoding="utf-8")
    result = run_bounded("lint: an http:// address with a 1 MB host", "lint", source, seconds=30)
    assert result.stdout == (
        f"{source}:4:8: warning: {host} serves HTTPS: write https:// instead of http:// [RF121]\n"
    )
    assert result.returncode == 0
    assert result.seconds <= 2.0, result.seconds
