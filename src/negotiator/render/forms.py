"""The output forms of a plan, and the one place that picks a renderer for a form. Each renderer
is loaded only when asked for: rich only to draw on a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from negotiator.records.plan import Plan

FORMATS = ("text", "markdown", "json", "ics")


def render(plan: Plan, fmt: str, to_terminal: bool, plain: bool) -> str:
    """The plan in one output form. Rich is loaded only to draw on a terminal."""
    if fmt == "json":
        from negotiator.render.json import render as draw  # noqa: PLC0415
    elif fmt == "markdown":
        from negotiator.render.markdown import render as draw  # noqa: PLC0415
    elif fmt == "ics":
        from negotiator.render.ics import render as draw  # noqa: PLC0415
    elif to_terminal and not plain:
        from negotiator.render.terminal import render as draw  # noqa: PLC0415
    elif to_terminal:  # --plain on a screen: the figures alone, fitted to the window
        from negotiator.render.layout import screen_width  # noqa: PLC0415
        from negotiator.render.text import render as text  # noqa: PLC0415

        return text(plan, screen_width())
    else:
        from negotiator.render.text import render as draw  # noqa: PLC0415
    return draw(plan)
