"""The one place a question is asked.

A question is data (`Question`); `ask` builds the questionary prompt from it, lets questionary
re-ask until the answer is valid (the translated message is shown under the prompt and what was
typed stays in place), and returns the answer in the form the case stores. Ctrl-C and end of input
pass straight through as KeyboardInterrupt and EOFError: the flow decides what they mean.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from negotiator.controls import UNSAFE, escaped
from negotiator.counts import whole_number
from negotiator.money import AmountError, parse_amount, plain
from negotiator.words import t

EARLIEST = dt.date(1990, 1, 1)
# The store's rule for case names: letters (any script), digits, '-', '_', '.'; at most 64.
_CASE_NAME = re.compile(r"[\w\u4e00-\u9fff][\w\u4e00-\u9fff.-]{0,63}")


@dataclass(frozen=True)
class Question:
    """One question: where its answer goes, how it is typed, and which words it uses.

    kind: text, amount, int, months, percent, date, select, confirm.
    Words: the prompt is wizard.q.<word>; a hint (when `hint`) is wizard.hint.<word>; a select's
    choice titles are wizard.choices.<word>.<value> unless the caller passes them.
    """

    key: str
    kind: str
    word: str = ""
    choices: tuple[str, ...] = ()
    required: bool = True
    default: Any = None
    high: int | str | None = None  # the largest number, or the longest text
    low: int = 0
    hint: bool = False
    when: Callable[[dict[str, Any]], bool] | None = None  # asked only when this holds
    check: Callable[[str], str | None] | None = None  # an extra rule: the error word key, or None

    @property
    def words(self) -> str:
        return self.word or self.key.lstrip("_")


def case_name_problem(text: str) -> str | None:
    return None if _CASE_NAME.fullmatch(text.strip()) else "case_name"


# ---- reading what was typed ----------------------------------------------------------------


class Refused(ValueError):
    """What was typed cannot be used; `word` names the sentence under wizard.err."""

    def __init__(self, word: str, **values: Any) -> None:
        super().__init__(word)
        self.word, self.values = word, values


def _amount(text: str) -> str:
    try:
        return plain(parse_amount(text))
    except AmountError as exc:
        raise Refused(f"amount_{exc.code}") from exc


def _int(text: str, low: int, high: int) -> int:
    value = whole_number(text.replace(",", ""))
    if value is None:
        raise Refused("whole_number")
    if not low <= value <= high:
        raise Refused("range", low=low, high=high)
    return value


def _percent(text: str, high: str) -> str:
    cleaned = text.strip().rstrip("%％").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise Refused("percent_not_a_number") from exc
    if not value.is_finite():
        raise Refused("percent_not_a_number")
    if value < 0:
        raise Refused("amount_negative")
    if value > Decimal(high):
        raise Refused("percent_range", high=high)
    return str(value)


def _date(text: str) -> str:
    """A past date as written ("2026-04-10", "9月", "June 2026", "上周一"), stored as ISO: to the
    day, or to the month when only a month was given."""
    from negotiator.when import PAST, Unclear, parse_date

    today = dt.date.today()
    try:
        day = parse_date(text, today, PAST)
    except Unclear as exc:
        raise Refused("date") from exc
    if day.first < EARLIEST:
        raise Refused("date_range")
    if day.first > today:
        raise Refused("date_future")
    return day.iso()


def _months(text: str, low: int, high: int) -> int:
    """A span as written ("6", "半年", "3 months"), in whole months."""
    from negotiator.when import Unclear, parse_months

    try:
        value = parse_months(text)
    except Unclear as exc:
        raise Refused("months") from exc
    if not low <= value <= high:
        raise Refused("range", low=low, high=high)
    return value


def read(q: Question, text: str) -> Any:
    """The stored form of a typed answer, or Refused. An empty optional answer is None."""
    if not text.strip():
        if q.required:
            raise Refused("amount_empty" if q.kind == "amount" else "required")
        return None
    if q.kind == "amount":
        return _amount(text)
    if q.kind == "int":
        return _int(text, q.low, int(q.high if q.high is not None else 10**9))
    if q.kind == "percent":
        return _percent(text, str(q.high if q.high is not None else 100))
    if q.kind == "date":
        return _date(text)
    if q.kind == "months":
        return _months(text, q.low, int(q.high if q.high is not None else 600))
    value = text.strip()
    if q.high is not None and len(value) > int(q.high):
        raise Refused("text_too_long", limit=q.high)
    found = UNSAFE.search(value)
    if found is not None:  # pasted with the text; never meant, and it could take over a screen
        raise Refused("control_character", shown=escaped(found.group(0)))
    if q.check is not None and (problem := q.check(value)):
        raise Refused(problem)
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
    import questionary

    from negotiator import asking as fit
    from negotiator.asking import enter_takes, offered_style, roomy_errors

    message = t(lang, f"wizard.q.{q.words}", **values)
    if q.kind in ("select", "confirm"):
        if options is None:
            names = q.choices if q.kind == "select" else (True, False)
            group = q.words if q.kind == "select" else "yes_no"
            options = [(t(lang, f"wizard.choices.{group}.{str(v).lower()}"), v) for v in names]
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
            return fit.block(t(lang, f"wizard.err.{exc.word}", **exc.values))
        return True

    # An optional question's hint says Enter skips it; with an answer kept, the greyed "Enter = ..."
    # says what Enter does instead.
    instruction = t(lang, f"wizard.hint.{q.words}") if q.hint and not clearable else None
    placeholder = None
    if keep:
        from prompt_toolkit.formatted_text import FormattedText

        word = "wizard.hint.enter_keeps_or_clear" if clearable else "wizard.hint.enter_keeps"
        placeholder = FormattedText([("class:placeholder", t(lang, word, value=keep))])
    prompt = questionary.text(fit.question(message, instruction), validate=validate, qmark="›", placeholder=placeholder,
                              style=offered_style(), key_bindings=enter_takes(keep) if keep else None)
    roomy_errors(prompt)
    return take(prompt.unsafe_ask())


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
