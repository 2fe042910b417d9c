"""Checks of the options several commands share: the language asked for and a choice among
fixed values. Commands use them without importing the command line's wiring (`cli`).
"""

from __future__ import annotations

from negotiator.cli import this_run
from negotiator.core.errors import BadInput, Message
from negotiator.words import LANGUAGES


def language(option: str | None, case: str | None = None) -> str:
    """The language to speak: the one asked for with --lang (on this command or before it), else
    `case` (the saved case's own, which the rest of the run then follows), else the run's."""
    if option is None:
        this_run.follow_case(case)
        return this_run.asked() or case or this_run.language()
    value = option.strip().lower()
    if value not in LANGUAGES:
        raise BadInput("errors.usage.bad_value", option="--lang", problem=Message("cli.bad.lang"))
    return value


def choice(option: str, value: str, choices: tuple[str, ...]) -> str:
    """`value` when it is one of `choices`; else BadInput naming the option and the choices."""
    if value not in choices:
        problem = Message("cli.bad.format", choices=", ".join(choices))
        raise BadInput("errors.usage.bad_value", option=option, problem=problem)
    return value
