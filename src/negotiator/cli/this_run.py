"""The language of one run of the command line, resolved in one place: the `--lang` typed anywhere
on the command line (`negotiator --lang zh plan ...` and `negotiator plan --lang zh ...` alike),
then the language of the saved case the command works on, then the locale's. Help pages, usage
errors, error messages and the commands all read it here.

The command line starts a run (`started`) before typer reads the arguments, because typer shows
help (an eager option) before it has read the others; a command that opens a saved case tells
the run the case's language (`follow_case`), and the wizard the language the person picked
(`speak`), so what goes wrong afterwards is said in it too. Outside a run (a test calling a
command's function) nothing was asked, nothing is kept, and the locale speaks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from negotiator.words import LANGUAGES, detect_language


class _Run:
    __slots__ = ("asked", "spoken")

    def __init__(self, asked: str | None = None) -> None:
        self.asked = asked  # --lang, when it names a language we speak
        self.spoken: str | None = None  # the case's language, or the one picked in the wizard


_OUTSIDE = _Run()  # no run: what a command or the wizard says it speaks is not kept
_now = _OUTSIDE


def _langs_typed(args: Sequence[str]) -> Iterator[str]:
    """Every value given to --lang on the command line, wherever it stands."""
    for n, arg in enumerate(args):
        if arg == "--":
            return  # what follows is not an option
        if arg == "--lang":
            yield args[n + 1] if n + 1 < len(args) else ""
        elif arg.startswith("--lang="):
            yield arg.removeprefix("--lang=")


def language_asked(args: Sequence[str]) -> str | None:
    """The --lang given on the command line, read before typer has parsed it."""
    for value in _langs_typed(args):
        if value.strip().lower() in LANGUAGES:
            return value.strip().lower()
    return None


def unknown_language(args: Sequence[str]) -> str | None:
    """A --lang value that names no language we speak, wherever it stands on the line (before the
    command or after it): the run refuses it before doing anything."""
    for value in _langs_typed(args):
        if value.strip().lower() not in LANGUAGES:
            return value
    return None


@contextmanager
def started(args: Sequence[str]) -> Iterator[None]:
    """One run of the command line `args`; the next run (a test running several in one process)
    starts from nothing again."""
    global _now
    before, _now = _now, _Run(language_asked(args))
    try:
        yield
    finally:
        _now = before


def asked() -> str | None:
    """The language the command line asked for, if any."""
    return _now.asked


def follow_case(lang: str | None) -> None:
    """The command works on a saved case in `lang`: unless --lang said otherwise, the rest of the
    run speaks it."""
    if _now.asked is None:
        speak(lang)


def speak(lang: str | None) -> None:
    """From now on the run speaks `lang` (the wizard's, once the person picked it)."""
    if lang in LANGUAGES and _now is not _OUTSIDE:
        _now.spoken = lang


def language() -> str:
    """The language of this run: the one it settled on (the case's, the wizard's), else --lang,
    else the locale's."""
    return _now.spoken or _now.asked or detect_language()
