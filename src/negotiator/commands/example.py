"""`negotiator example`: a complete answers file to start from, for the path without questions."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from negotiator.commands.plan import emit
from negotiator.render.layout import show
from negotiator.words import t


def starter(lang: str) -> str:
    """The starter answers file in one language: every field filled with a believable case."""
    return (resources.files("negotiator") / "starter" / f"case-{lang}.json").read_text("utf-8")


def run(lang: str, output: str | Path | None, force: bool) -> None:
    # Written as a plan is: atomically, owner-only, never over a file without --force.
    emit(starter(lang), output, force, "json")
    if output is None:
        return
    show(t(lang, "starter.example.written", path=output), error=True)
