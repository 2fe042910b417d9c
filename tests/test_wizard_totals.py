"""The running total of expenses says what it counts: nothing before the first answer, every
answer so far with the category being asked about when it has one, or the others when it has none.
The priority step offers "none" first."""

from __future__ import annotations

from typing import Any

import pytest
from test_wizard_flow import ENTER, drive, line

from negotiator.wizard import steps
from negotiator.wizard.draft import Draft
from negotiator.words import t


def watched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str | None]]:
    """(the question's words, the total beside it) for each expense asked."""
    seen: list[tuple[str, str | None]] = []
    real = steps.ask

    def watch(q, lang, current=None, options=None, **values: Any):
        if q.key == "monthly" and "category" in values:
            seen.append((q.words, values["total"] if "{total}" in t(lang, f"wizard.q.{q.words}", category="{category}", total="{total}") else None))
        return real(q, lang, current, options, **values)

    monkeypatch.setattr(steps, "ask", watch)
    return seen


def test_the_total_includes_the_entry_being_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = watched(monkeypatch)
    d = Draft("en", {"expenses": [{"category": "housing", "monthly": "2000.00"}, {"category": "food", "monthly": "1500.00"}]})
    drive([line("2500")] + [ENTER] * 10, steps.expenses, d)
    assert seen[0] == ("expense_with", "3,500.00")  # housing, while it is being changed: 2,000 + 1,500
    assert seen[1] == ("expense_with", "4,000.00")  # food: the new housing figure and food
    assert seen[2] == ("expense_others", "4,000.00")  # transport, not answered: the others
    assert d.answers["expenses"][0] == {"category": "housing", "monthly": "2500.00"}


def test_no_total_is_shown_before_the_first_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = watched(monkeypatch)
    d = Draft("zh", {})
    drive([line("2000")] + [ENTER] * 10, steps.expenses, d)
    assert seen[0] == ("expense", None)  # housing: nothing to add up yet, and no "0.00" said
    assert seen[1] == ("expense_others", "2,000.00")


def test_priority_payments_default_to_none(capsys: pytest.CaptureFixture[str]) -> None:
    d = Draft("zh", {})
    drive([ENTER], steps.priority, d)
    assert d.answers["priority"] == []
    assert "拖欠的房租" in capsys.readouterr().out  # what counts is said before the question
