"""The commands a person runs most (`plan`, `show`, and `calc` and `offer` during a call), read
straight from a plain command line without typer. Loading typer takes some 40 ms, more than
`calc` itself; on a plain line it has nothing to add.

A line is plain when it is the command (after an optional `--lang zh|en`), its words in their
places, and only its own options: each at most once, one that takes a value followed by a value
that does not start with "-", a switch alone. Anything else (help, a mistake, `--format=json`, a
repeated option, a missing required option) goes to typer through `cli`, which says what is wrong
in the person's language. So this module never refuses a line; it only declines one.

The options are those `cli` declares: tests/test_direct.py checks that the names, which take a
value, the defaults and the required ones are the same, and that a plain line reaches each
command with the values typer would give it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from negotiator.words import LANGUAGES

REQUIRED = object()  # a default that says the option must be given


class Option(NamedTuple):
    names: tuple[str, ...]  # as typed: "--format", "-f"
    param: str  # the name `cli` gives it
    default: Any = None
    switch: bool = False  # takes no value


_LANG = Option(("--lang",), "lang")
_PLAN_FORM = (
    Option(("--format", "-f"), "format", "text"),
    _LANG,
    Option(("--output", "-o"), "output"),
    Option(("--force",), "force", False, switch=True),
    Option(("--plain",), "plain", False, switch=True),
)


def _plan(v: dict[str, Any]) -> None:
    from negotiator.commands.plan import run

    answers = None if v["answers"] is None else Path(v["answers"])
    run(answers=answers, case_name=v["case"], fmt=v["format"], lang=v["lang"], output=v["output"], force=v["force"], plain=v["plain"])


def _show(v: dict[str, Any]) -> None:
    from negotiator.commands.plan import run

    run(answers=None, case_name=v["name"], fmt=v["format"], lang=v["lang"], output=v["output"], force=v["force"], plain=v["plain"])


def _calc(v: dict[str, Any]) -> None:
    from negotiator.cli.options import language
    from negotiator.commands.calc import run

    run(amount=v["amount"], months=v["months"], method=v["method"], rate=v["annual_rate_percent"], fee=v["fee_percent"],
        budget=v["budget"], fmt=v["format"], start=v["start"], lang=language(v["lang"]))


def _offer(v: dict[str, Any]) -> None:
    from negotiator.commands.offer import run

    run(v["name"], v["said"], v["lender"], v["format"], v["lang"])


class Command(NamedTuple):
    words: tuple[str, ...]  # the names `cli` gives the words typed in their places, in order
    options: tuple[Option, ...]
    body: Callable[[dict[str, Any]], None]


COMMANDS: dict[str, Command] = {
    "plan": Command((), (Option(("--answers", "-a"), "answers"), Option(("--case",), "case"), *_PLAN_FORM), _plan),
    "show": Command(("name",), _PLAN_FORM, _show),
    "calc": Command((), (
        Option(("--amount",), "amount", REQUIRED),
        Option(("--months",), "months", REQUIRED),
        Option(("--method",), "method", "annuity"),
        Option(("--annual-rate-percent",), "annual_rate_percent"),
        Option(("--fee-percent",), "fee_percent"),
        Option(("--budget",), "budget"),
        Option(("--format", "-f"), "format", "text"),
        Option(("--start",), "start"),
        _LANG,
    ), _calc),
    "offer": Command(("name", "said"), (Option(("--lender",), "lender"), Option(("--format", "-f"), "format", "text"), _LANG), _offer),
}


def read(args: Sequence[str]) -> tuple[Command, dict[str, Any]] | None:
    """The command a plain line runs and the values of all its parameters (defaults filled in), or
    None when the line is not plain and typer should read it."""
    rest = list(args)
    if rest[:1] == ["--lang"] and rest[1:2] and rest[1] in LANGUAGES:
        rest = rest[2:]  # `negotiator --lang zh plan ...`: the run's language, read by this_run
    if not rest or rest[0] not in COMMANDS:
        return None
    command = COMMANDS[rest[0]]
    by_name = {name: option for option in command.options for name in option.names}
    values: dict[str, Any] = {}
    words: list[str] = []
    tokens = iter(rest[1:])
    for token in tokens:
        if not token.startswith("-"):
            words.append(token)
            continue
        option = by_name.get(token)
        if option is None or option.param in values:
            return None  # help, a mistake, --x=y, a repeat: typer's to say
        if option.switch:
            values[option.param] = True
            continue
        value = next(tokens, None)
        if value is None or value.startswith("-"):
            return None
        values[option.param] = value
    if len(words) != len(command.words):
        return None
    for option in command.options:
        if option.param not in values:
            if option.default is REQUIRED:
                return None
            values[option.param] = option.default
    values.update(zip(command.words, words))
    return command, values
