"""The one place a question is asked: by the wizard and by the commands that ask (`log add`).

A question is data (`Question`); `ask` builds the questionary prompt from it, lets questionary
re-ask until the answer is valid (the translated message is shown under the prompt and what was
typed stays in place), and returns the answer in the form the case stores. Ctrl-C and end of input
pass straight through as KeyboardInterrupt and EOFError: the flow decides what they mean.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from negotiator.asking import prompt_layout as fit
from negotiator.asking.prompt_layout import enter_takes, offered_style, roomy_errors
from negotiator.core import typed
from negotiator.core.controls import UNSAFE, escaped
from negotiator.core.errors import Refused
from negotiator.core.money import plain
from negotiator.words import say, t

__all__ = ["CLEAR", "Question", "Refused", "ask", "ask_all", "read", "shown"]


@dataclass(frozen=True)
class Question:
    """One question: where its answer goes, how it is typed, and which words it uses.

    kind: text, amount, int, months, percent, date (a past day or month), day (a day, any year
    from 1990 to 2100), paid_day (a day, today or before), moment (a day and a time), select, confirm, checkbox (any number of the
    choices; what was marked is then said in words, <area>.choices.<word>.none when nothing).
    Words, under `area` (the wizard's unless told): the prompt is <area>.q.<word>; a hint (when
    `hint`) is <area>.hint.<word>, or <area>.hint.<hint> when `hint` names another; a select's
    choice titles are <area>.choices.<word>.<value> unless the caller passes them; the offered
    answer is said by `offer` (with {value}).
    """

    key: str
    kind: str
    word: str = ""
    choices: tuple[str, ...] = ()
    required: bool = True
    default: Any = None
    high: int | str | None = None  # the largest number, or the longest text
    low: int = 0
    hint: bool | str = False
    when: Callable[[dict[str, Any]], bool] | None = None  # asked only when this holds
    check: Callable[[str], object] | None = None  # an extra rule: raises Refused
    unknown: bool = False  # "不知道" / "don't know" is an answer: the same as none (an optional question)
    area: str = "wizard"
    offer: str = "wizard.hint.enter_keeps"

    @property
    def words(self) -> str:
        return self.word or self.key.lstrip("_")


# ---- reading what was typed ----------------------------------------------------------------


# What people type when they do not know, in either language (the run's language aside).
DONT_KNOW = frozenset({"不知道", "不清楚", "不确定", "不记得", "忘了", "don't know", "dont know", "do not know", "not sure",
                       "no idea", "unknown", "?", "？"})


def read(q: Question, text: str) -> Any:
    """The stored form of a typed answer, or Refused. An empty optional answer is None, and so is
    "不知道" where the question takes it. Amounts, rates, numbers and dates are read as everywhere
    else (negotiator.core.typed)."""
    if q.unknown and " ".join(text.strip().lower().replace("’", "'").rstrip(".。!！").split()) in DONT_KNOW:
        return None
    if not text.strip():
        if q.required:
            raise Refused("values.amount.empty" if q.kind == "amount" else "wizard.err.required")
        return None
    if q.kind == "amount":
        return plain(typed.amount(text))
    if q.kind == "int":
        return typed.whole(text, q.low, int(q.high if q.high is not None else 10**9))
    if q.kind == "percent":
        return str(typed.percent(text, Decimal(str(q.high if q.high is not None else 100))))
    if q.kind == "date":
        return typed.past(text, dt.date.today()).iso()
    if q.kind == "day":
        return typed.day(text, dt.date.today(), "future").isoformat()
    if q.kind == "paid_day":
        return typed.paid_day(text, dt.date.today()).isoformat()
    if q.kind == "moment":
        return typed.moment(text, dt.date.today()).isoformat(sep=" ", timespec="minutes")
    if q.kind == "months":
        return typed.months(text, q.low, int(q.high if q.high is not None else 600))
    value = text.strip()
    if q.high is not None and len(value) > int(q.high):
        raise Refused("wizard.err.text_too_long", limit=q.high)
    found = UNSAFE.search(value)
    if found is not None:  # pasted with the text; never meant, and it could take over a screen
        raise Refused("wizard.err.control_character", shown=escaped(found.group(0)))
    if q.check is not None:
        q.check(value)
    return value


def shown(q: Question, value: Any) -> str:
    """A stored answer as the text put back in the prompt: what the person would type."""
    if value is None:
        return ""
    if q.kind == "amount":
        text = plain(Decimal(str(value)))
        return text[:-3] if text.endswith(".00") else text
    return str(value)


# ---- asking ----------------------------------------------------------------------------------

CLEAR = "-"  # typed at an optional question that has an answer: take the answer away


def ask(q: Question, lang: str, current: Any = None, options: Sequence[tuple[str, Any]] | None = None, **values: Any) -> Any:
    """Ask one question and return its answer; `current` (an earlier answer) is the default.

    `options` gives a select's (title, value) pairs when they are built from the case (the
    proposals, the entries of a list); `values` fill the prompt's placeholders.
    """
    import questionary  # noqa: PLC0415


    message = t(lang, f"{q.area}.q.{q.words}", **values)
    if q.kind in ("select", "confirm"):
        if options is None:
            names = q.choices if q.kind == "select" else (True, False)
            group = f"{q.area}.choices.{q.words}" if q.kind == "select" else "wizard.choices.yes_no"
            options = [(t(lang, f"{group}.{str(v).lower()}"), v) for v in names]
        values_offered = [v for _, v in options]
        default = current if current in values_offered else q.default
        if default not in values_offered:
            default = values_offered[0]
        choices = [questionary.Choice(fit.choice(title), value=value) for title, value in options]
        # The answer is shown after the question once chosen: on a line of its own when it would not fit.
        message = fit.question(message, None, answer=max(fit.columns(title) for title, _ in options))
        prompt = questionary.select(
            message,
            choices=choices,
            default=default,
            instruction=fit.instruction(message, t(lang, "wizard.hint.arrows")),
            qmark="›",
        )
        return prompt.unsafe_ask()
    if q.kind == "checkbox":
        return _checkbox(q, lang, message, options or [(t(lang, f"{q.area}.choices.{q.words}.{v}"), v) for v in q.choices])

    offered = current if current is not None else q.default
    keep = shown(q, offered) if offered is not None else ""
    clearable = bool(keep) and not q.required

    def take(text: str) -> Any:
        """The answer typed, or what was offered when the answer is empty. Nothing is ever put
        into the buffer: typed digits would be appended to it ("0180")."""
        if not text.strip() and keep:
            return read(q, keep)
        if clearable and text.strip() == CLEAR:
            return None
        return read(q, text)

    def validate(text: str) -> bool | str:
        try:
            take(text)
        except Refused as exc:
            return fit.block(say(lang, exc))
        return True

    # An optional question's hint says Enter skips it; with an answer kept, the greyed "Enter = ..."
    # says what Enter does instead.
    hint = q.hint if isinstance(q.hint, str) else q.words
    instruction = t(lang, f"{q.area}.hint.{hint}") if q.hint and not clearable else None
    placeholder = None
    if keep:
        from prompt_toolkit.formatted_text import FormattedText  # noqa: PLC0415

        word = "wizard.hint.enter_keeps_or_clear" if clearable else q.offer
        placeholder = FormattedText([("class:placeholder", t(lang, word, value=keep))])
    prompt = questionary.text(fit.question(message, instruction), validate=validate, qmark="›", placeholder=placeholder,
                              style=offered_style(), key_bindings=enter_takes(keep) if keep else None)
    roomy_errors(prompt)
    return take(prompt.unsafe_ask())


def _checkbox(q: Question, lang: str, message: str, options: Sequence[tuple[str, Any]]) -> list[Any]:
    """Marks among the choices. Once answered, questionary's own line says "done (2 selections)"
    in English whatever the language, so that line is erased and replaced by one naming what was
    marked."""
    import questionary  # noqa: PLC0415

    from negotiator.advice.phrasing import joined  # noqa: PLC0415

    message = fit.question(message, None)
    hint = fit.instruction(message, t(lang, f"{q.area}.hint.{q.hint if isinstance(q.hint, str) else q.words}"))
    choices = [questionary.Choice(title=fit.choice(title), value=value) for title, value in options]
    prompt = questionary.checkbox(message, choices=choices, qmark="›", instruction=hint)
    prompt.application.erase_when_done = True
    marked: list[Any] = prompt.unsafe_ask()
    titles = dict((value, title) for title, value in options)
    said = joined(lang, [titles[value] for value in marked]) or t(lang, f"{q.area}.choices.{q.words}.none")
    print(f"› {message} {said}", flush=True)
    return marked


def ask_all(questions: Sequence[Question], section: dict[str, Any], lang: str, **values: Any) -> dict[str, Any]:
    """Ask a group of questions in order, writing each answer into `section` as soon as it is
    given (so Ctrl-C keeps it). A question whose `when` does not hold is skipped and its old
    answer dropped; an empty optional answer removes the field."""
    for q in questions:
        if q.when is not None and not q.when(section):
            section.pop(q.key, None)
            continue
        answer = ask(q, lang, section.get(q.key), **values)
        if answer is None:
            section.pop(q.key, None)
        else:
            section[q.key] = answer
    return section
