"""Checks of the options several commands share: the language asked for and a choice among
fixed values. Commands use them without importing the command line's wiring (`cli`).

May import: errors and words.
"""

from __future__ import annotations

from negotiator.errors import BadInput
from negotiator.words import detect_language, t


# The --lang given anywhere on this run's command line (`negotiator --lang zh plan ...` puts it
# before the command, where the command's own option does not see it); set by the command line
# for the length of one run.
asked: str | None = None

# The language a command settled on once it knew more than the command line (a case's own, the
# one picked in the wizard): what goes wrong after that is said in it, as the rest of the run is.
# Set with `speak`; cleared by the command line for each run.
spoken: str | None = None


def speak(lang: str) -> str:
    """From now on, this run's errors are said in `lang`."""
    global spoken
    spoken = lang
    return lang


def language(option: str | None, fallback: str | None = None) -> str:
    """The language asked for with --lang, else `fallback` (a case's own), else the locale's."""
    if option is None:
        return asked or fallback or detect_language()
    value = option.strip().lower()
    if value not in ("zh", "en"):
        said = detect_language()
        raise BadInput(t(said, "errors.usage.bad_value", option="--lang", problem=t(said, "cli.bad.lang")))
    return value


def choice(option: str, value: str, choices: tuple[str, ...], lang: str) -> str:
    if value not in choices:
        problem = t(lang, "cli.bad.format", choices=", ".join(choices))
        raise BadInput(t(lang, "errors.usage.bad_value", option=option, problem=problem))
    return value
