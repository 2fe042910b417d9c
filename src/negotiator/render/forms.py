"""The output forms of a plan, and the one place that picks a renderer for a form. Each renderer
is loaded only when asked for: rich only to draw on a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from negotiator.plan_records import Plan

FORMATS = ("text", "markdown", "json", "ics")


def render(plan: Plan, fmt: str, to_terminal: bool, plain: bool) -> str:
    """The plan in one output form. Rich is loaded only to draw on a terminal."""
    if fmt == "json":
        from negotiator.render import json as form
    elif fmt == "markdown":
        from negotiator.render import markdown as form
    elif fmt == "ics":
        from negotiator.render import ics as form
    elif to_terminal and not plain:
        from negotiator.render import terminal as form
    else:
        from negotiator.render import text as form
    return form.render(plan)
