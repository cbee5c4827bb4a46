"""``--pages N``: the loosest setting of a theme that fits N pages, or how much is over.

The settings run from the theme's own to its tightest: first the vertical
space shrinks (to half), then the body size, in quarter points, down to the
theme's ``min-size`` (never below 9.5 pt). Content is never dropped. Each
try is a compile of the same document with another ``style``; the kit marks
where the content ends, and that says how many pages it takes.
"""

from __future__ import annotations

from resumefmt.errors import DocumentError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.converters.typst._engine import Engine
    from resumefmt.diagnostics import Diagnostic

#: Factors for the theme's vertical space, loosest first.
SPACING = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)


def settings(size: float, min_size: float) -> list[dict[str, float]]:
    """Every style to try, loosest first."""
    from resumefmt.converters.typst import MIN_SIZE

    out = [{"spacing": k, "size": size} for k in SPACING]
    floor = max(min_size, MIN_SIZE)
    step = size - 0.25
    while step >= floor - 1e-9:
        out.append({"spacing": SPACING[-1], "size": round(step, 2)})
        step -= 0.25
    return out


def fit(engine: Engine, pages: int) -> dict[str, float]:
    """The loosest style that fits ``pages``; raises DocumentError (exit 1) if none does."""
    theme = engine.theme.settings
    styles = settings(float(theme.get("size", 10)), float(theme.get("min-size", 9.5)))

    def needs(index: int) -> tuple[int, float]:
        engine.compile("pdf", styles[index])
        end = engine.end()
        return int(end["page"]), float(end["fraction"])

    if needs(0)[0] <= pages:
        return styles[0]
    last = len(styles) - 1
    taken, fraction = needs(last)
    if taken > pages:
        raise DocumentError([_over(engine, pages, taken, fraction, styles[last])])
    low, high = 0, last  # styles[low] does not fit, styles[high] does
    while high - low > 1:
        middle = (low + high) // 2
        if needs(middle)[0] <= pages:
            high = middle
        else:
            low = middle
    return styles[high]


def _over(
    engine: Engine, pages: int, taken: int, fraction: float, style: dict[str, float]
) -> Diagnostic:
    from resumefmt import codes
    from resumefmt.diagnostics import Diagnostic, Location

    over = taken - 1 - pages + fraction
    message = (
        f"the résumé does not fit {pages} page{'s' if pages != 1 else ''}: with the tightest "
        f"spacing and {style['size']:g} pt type it takes {taken} pages, about {over:.1f} "
        f"page{'s' if over >= 1.05 else ''} too many; shorten it or allow more pages"
    )
    return Diagnostic.of(codes.PAGE_BUDGET, Location(engine.path, 1, 1, ""), message)
