"""The quick commands: they answer in a fraction of a second and never prompt, so they run without
the garbage collector (see `start`). And which command a command line names, read before typer
has parsed it. Here, low in the layers, so `start` and `cli` can both read them."""

from __future__ import annotations

from collections.abc import Sequence

QUICK = frozenset({"plan", "calc", "schema", "show", "cases", "agree", "offer"})

# The options that come before a command and take a value (`negotiator --lang zh plan ...`).
_ROOT_VALUES = frozenset({"--lang"})


def command_word(args: Sequence[str]) -> str | None:
    """The command a command line names (`plan` in `negotiator --lang zh plan ...`), or None when
    it names none (`negotiator --help`)."""
    value_next = False
    for arg in args:
        if value_next:
            value_next = False
        elif arg.startswith("-"):
            value_next = arg in _ROOT_VALUES
        else:
            return arg
    return None
