"""A PDF of each seed: ``convert --to pdf`` (Typst, in-process) against the LaTeX route.

The method of bench/startup.py: whole processes, interleaved, medians, against
a bare ``python -c pass`` in the same run. The LaTeX route is what a user of
``--to latex`` does: convert, then run the engine the file's first line names
(pdflatex, or xelatex for CJK) twice, as links need. Targets (issue 10): a
seed PDF in at most 0.5 s median on the 2-core machine, and at least 5 times
faster than the LaTeX route. The package under test is this checkout's.

    python bench/pdf.py [--runs 11] [--themes classic sans compact]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import BASE, bytecode_env, measure

ROOT = Path(__file__).resolve().parent.parent
SEEDS = (
    ROOT / "examples" / "shuai-xie.resumefmt.yaml",
    ROOT / "examples" / "cheng-zeyi.resumefmt.yaml",
)


def latex_route(seed: Path, folder: Path, env: dict[str, str]) -> list[str] | None:
    """One shell command: convert to LaTeX, then the named engine twice; None without TeX."""
    tex = folder / (seed.stem.split(".")[0] + ".tex")
    python = sys.executable
    convert = [python, "-m", "resumefmt", "convert", str(seed), "--to", "latex", "-o", str(tex)]
    subprocess.run(convert, check=True, env=env, capture_output=True)
    header = tex.read_text(encoding="utf-8").splitlines()[0]
    engine = "xelatex" if "xelatex" in header else "pdflatex"
    if shutil.which(engine) is None:
        return None
    options = f"-interaction=nonstopmode -halt-on-error -output-directory {folder}"
    run_engine = f"{engine} {options} {tex}"
    script = f"{' '.join(convert)} && {run_engine} >/dev/null && {run_engine} >/dev/null"
    return ["sh", "-c", script]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--themes", nargs="+", default=["classic"])
    arguments = parser.parse_args()
    env = bytecode_env()
    env["PYTHONPATH"] = str(ROOT)  # this checkout, not an installed copy
    env.pop("SOURCE_DATE_EPOCH", None)
    python = sys.executable
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        table = {BASE: [python, "-c", "pass"]}
        for seed in SEEDS:
            name = seed.name.split(".")[0]
            for theme in arguments.themes:
                out = str(folder / f"{name}-{theme}.pdf")
                table[f"convert --to pdf --theme {theme} {name}"] = [
                    python, "-m", "resumefmt", "convert", str(seed), "-o", out, "--theme", theme,
                ]  # fmt: skip
            route = latex_route(seed, folder, env)
            if route is None:
                print(f"skipped the LaTeX route of {name}: its engine is not installed")
            else:
                table[f"LaTeX route (convert + engine x2) {name}"] = route
        for argv in table.values():  # warm-up: bytecode, font caches; a failure stops here
            subprocess.run(argv, check=True, env=env, capture_output=True)
        measure(table, arguments.runs, env)


if __name__ == "__main__":
    main()
