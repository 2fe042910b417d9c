"""The quick commands: they answer in a fraction of a second and never prompt, so they run without
the garbage collector (see `start`), as do the command list and --version. And which command a
command line names, read before typer has parsed it. Here, low in the layers, so `start` and
`cli` can both read them."""

from __future__ import annotations

from collections.abc import Collection, Sequence

QUICK = frozenset({"plan", "calc", "schema", "show", "cases", "agree", "offer"})

# What the program itself answers, with no command: the command list and its version.
_ANSWERED = frozenset({"-h", "--help", "--version"})

# The options that come before a command and take a value (`negotiator --lang zh plan ...`).
_ROOT_VALUES = frozenset({"--lang"})


def words_typed(args: Sequence[str], takes_value: Collection[str]) -> list[str]:
    """What was typed that is neither an option nor the value of one of the options in
    `takes_value`: the command, a case's name, an offer."""
    words, value_next = [], False
    for arg in args:
        if value_next:
            value_next = False
        elif arg.startswith("-"):
            value_next = arg in takes_value
        else:
            words.append(arg)
    return words


def command_word(args: Sequence[str]) -> str | None:
    """The command a command line names (`plan` in `negotiator --lang zh plan ...`), or None when
    it names none (`negotiator --help`)."""
    return next(iter(words_typed(args, _ROOT_VALUES)), None)


def is_quick(args: Sequence[str]) -> bool:
    """Whether the command line runs a quick command, or asks for the command list or version."""
    word = command_word(args)
    return word in QUICK if word is not None else any(arg in _ANSWERED for arg in args)
