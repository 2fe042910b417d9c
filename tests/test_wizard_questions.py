"""The questions as data: each answer read as people type it, each refusal a translated sentence,
and every word a question uses present in both languages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys

import pytest
from conftest import cli_env

from negotiator import words
from negotiator.asking.question import Question, Refused, read
from negotiator.wizard import questions as Q

AMOUNT = Question("monthly", "amount")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("12000", "12000.00"), ("12,000", "12000.00"), ("1.2万", "12000.00"), ("¥12000", "12000.00"),
     ("12000元", "12000.00"), ("3k", "3000.00"), (" 800 ", "800.00"), ("0", "0.00"), ("1234.567", "1234.57")],
)
def test_amounts_as_people_type_them(typed: str, stored: str) -> None:
    assert read(AMOUNT, typed) == stored


@pytest.mark.parametrize(
    ("question", "typed", "word"),
    [(AMOUNT, "abc", "values.amount.not_a_number"), (AMOUNT, "-5", "values.amount.negative"),
     (AMOUNT, "100000001", "values.amount.too_large"), (AMOUNT, "  ", "values.amount.empty"),
     (Question("days", "int", high=36500), "3.5", "values.number.whole"),
     (Question("months", "int", low=1, high=120), "0", "values.number.range"),
     (Question("rate", "percent", high="1"), "2", "values.percent.too_large"),
     (Question("rate", "percent", high="1"), "abc", "values.percent.not_a_number"),
     (Question("since", "date"), "2026-13-01", "values.date.past_unclear"),
     (Question("since", "date"), "1980-01-01", "values.date.range"),
     (Question("since", "date"), f"{dt.date.today().year + 1}-01-01", "values.date.future"),
     (Question("name", "text", high=5), "abcdefg", "wizard.err.text_too_long"),
     (Q.CASE_NAME, "my case", "values.other.case_name"),
     (Question("lender", "text"), "", "wizard.err.required")],
)
def test_wrong_answers_are_refused_with_a_sentence_in_both_languages(question: Question, typed: str, word: str) -> None:
    with pytest.raises(Refused) as refused:
        read(question, typed)
    assert refused.value.key == word
    for lang in words.LANGUAGES:
        sentence = words.say(lang, refused.value)
        assert sentence and "{" not in sentence and "\n" not in sentence


@pytest.mark.parametrize("typed", ["不知道", "不清楚", "不知道。", "don't know", "Don’t know", "dont know", "not sure", "?", ""])
def test_a_rate_may_be_not_known(typed: str) -> None:
    (daily,) = [q for q in Q.DEBT if q.key == "daily_rate_percent"]
    assert read(daily, typed) is None
    assert read(daily, "0.05") == "0.05"
    with pytest.raises(Refused):
        read(AMOUNT, typed or "不知道")  # where "don't know" is no answer, it is refused


def test_optional_answers_may_be_left_empty() -> None:
    assert read(Q.EXPENSE, "") is None
    assert read(Question("income_before", "amount", required=False), " ") is None


@pytest.mark.parametrize(("typed", "stored"), [("2026-04-10", "2026-04-10"), ("2026/4/1", "2026-04-01"), ("2026-04", "2026-04"), ("2026年4月", "2026-04"), ("2026年4月10日", "2026-04-10")])
def test_dates_as_people_type_them(typed: str, stored: str) -> None:
    assert read(Question("since", "date"), typed) == stored


def every_question() -> list[Question]:
    found = [value for value in vars(Q).values() if isinstance(value, Question)]
    for value in vars(Q).values():
        if isinstance(value, tuple) and value and isinstance(value[0], Question):
            found += list(value)
    return found


@pytest.mark.parametrize("lang", words.LANGUAGES)
def test_every_question_has_its_words(lang: str) -> None:
    for q in every_question():
        assert words.t(lang, f"wizard.q.{q.words}", category="x", total="x", entry="x", lender="x", path="x", name="x", count="x")
        if q.hint:
            assert words.t(lang, f"wizard.hint.{q.hint if isinstance(q.hint, str) else q.words}")
        for value in q.choices:
            assert words.t(lang, f"wizard.choices.{q.words}.{value}")
        assert dataclasses.is_dataclass(q)


@pytest.mark.subprocess
def test_the_first_question_needs_nothing_heavy(tmp_path) -> None:
    """Before the first question: no pydantic, engine or rich (questionary comes with the prompt)."""
    code = (
        "import sys, negotiator.app, negotiator.wizard.flow;"
        "print(sorted(m for m in ('pydantic', 'rich', 'questionary', 'prompt_toolkit', 'negotiator.answers.case', 'negotiator.planning') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=cli_env(tmp_path))
    assert out.stdout.strip() == "[]"
