"""How a question looks in a terminal, the same in the wizard and in the commands that ask
(`log add`; what is asked is `negotiator.asking.question`): text fitted to the window by the
layout every command uses (`render.layout`: `width` and `block` are its `screen_width` and
`fit_screen`) (wrapped at words in English and by the line-breaking rules in Chinese, no
line starting with 。，）： nor ending with （, down to 60 columns; choice labels wrapped rather
than cut), the offered answer greyed in the field and taken by Enter, and the note under a refused
answer given the lines it needs.

prompt_toolkit is loaded only by the functions that build a prompt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from negotiator.render.layout import fit_screen as block
from negotiator.render.layout import screen_width as width
from negotiator.render.layout import wrap_paragraph
from negotiator.render.table import width as columns

if TYPE_CHECKING:  # types only: prompt_toolkit is loaded when a prompt is built
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
    from prompt_toolkit.styles import Style
    from questionary import Question

__all__ = ["block", "choice", "columns", "enter_takes", "instruction", "offered_style", "question", "roomy_errors", "width"]


def question(message: str, hint: str | None, mark: int = 2, answer: int = 12) -> str:
    """A question and its hint as the prompt's message: on one line when they fit, else the hint
    on lines of its own; `mark` is the width of the question mark before it."""
    limit = width()
    whole = f"{message} {hint}" if hint else message
    if columns(whole) + mark + 1 + answer <= limit:  # room left for the answer after it
        return whole
    if not hint:
        return "\n".join(wrap_paragraph(message, limit, " " * mark, "  "))[mark:] + "\n "
    lines = wrap_paragraph(message, limit, " " * mark, "  ")
    if hint:
        lines += wrap_paragraph(hint, limit, "  ", "  ")
    return "\n".join(lines)[mark:] + "\n "


def instruction(message: str, hint: str, mark: int = 2) -> str:
    """A select's hint (shown only while choosing): after the question when it fits, else on the
    next line."""
    last = message.split("\n")[-1]
    if columns(last) + columns(hint) + mark + 1 <= width():
        return hint
    return "\n  " + "\n  ".join(wrap_paragraph(hint, width() - 2))


def choice(title: str, pointer: int = 3) -> str:
    """A choice label wrapped under itself instead of being cut at the window's edge."""
    limit = width() - pointer
    if columns(title) <= limit:
        return title
    return ("\n" + " " * pointer).join(wrap_paragraph(title, limit))


def enter_takes(offered: str) -> KeyBindings:
    """Enter on an empty answer puts the offered answer in the field first, so the screen shows
    what was taken (not the greyed hint)."""
    from prompt_toolkit.key_binding import KeyBindings  # noqa: PLC0415

    keys = KeyBindings()

    @keys.add("enter")
    def _(event: KeyPressEvent) -> None:
        field = event.current_buffer
        if not field.text.strip():
            field.text = offered
            field.cursor_position = len(offered)
        field.validate_and_handle()

    return keys


def offered_style() -> Style:
    """questionary's look, with the offered answer greyed so it never reads as typed."""
    from prompt_toolkit.styles import Style  # noqa: PLC0415

    return Style([("placeholder", "fg:ansibrightblack italic")])


def roomy_errors(prompt: Question) -> None:
    """prompt_toolkit gives the note under a refused answer one line, and cuts the rest; the note
    is wrapped to the window, so give it the lines it needs. The note's window is the one shown
    only while the answer is refused (prompt_toolkit's `has_validation_error`)."""
    from prompt_toolkit.filters import has_validation_error  # noqa: PLC0415
    from prompt_toolkit.layout import ConditionalContainer, Window  # noqa: PLC0415

    for container in prompt.application.layout.walk():
        if isinstance(container, ConditionalContainer) and container.filter is has_validation_error and isinstance(container.content, Window):
            container.content.height = None
