"""The wizard: a calm, guided interview that fills the same Case as an answers file.

Only this module is imported before the first question; questionary, pydantic, the engine and rich
are loaded by the steps that need them, so the first question appears at once.
"""

from __future__ import annotations

import sys

from negotiator.cli.this_run import speak
from negotiator.core.errors import BadInput
from negotiator.wizard import flow, screens
from negotiator.words import detect_language


def interactive() -> bool:
    """Both ends are a terminal: the wizard can ask and the person can see."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _need_terminal(lang: str | None, plain: bool = False) -> str:
    screens.PLAIN = plain  # --plain: the figures alone, no picture, for the whole interview
    guess = lang or detect_language()
    speak(guess)  # until the interview's own language is chosen
    if not interactive():
        raise BadInput("wizard.msg.no_terminal")
    return guess


def start(lang: str | None, name: str | None = None, plain: bool = False) -> None:
    """`negotiator`, `negotiator new`: a new interview; `name` suggests the saved case's name."""
    guess = _need_terminal(lang, plain)

    flow.start(lang, name, guess)


def resume(lang: str | None, plain: bool = False) -> None:
    """`negotiator resume`: go on from the last step finished in the newest draft."""
    guess = _need_terminal(lang, plain)

    flow.resume(lang, guess)


def edit(name: str, lang: str | None, plain: bool = False) -> None:
    """`negotiator edit NAME`: the saved case's answers on the review screen, ready to change."""
    guess = _need_terminal(lang, plain)

    flow.edit(name, lang, guess)
