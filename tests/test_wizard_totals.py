"""The running total of expenses counts the category being asked about, so going back to change
one shows the total as it stands; the priority step offers "none" first."""

from __future__ import annotations

from typing import Any

import pytest
from test_wizard_flow import ENTER, drive, line

from negotiator.wizard import steps
from negotiator.wizard.draft import Draft


def test_the_total_includes_the_entry_being_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = steps.ask

    def watch(q, lang, current=None, options=None, **values: Any):
        if q.key == "monthly" and "total" in values:
            seen.append(values["total"])
        return real(q, lang, current, options, **values)

    monkeypatch.setattr(steps, "ask", watch)
    d = Draft("en", {"expenses": [{"category": "housing", "monthly": "2000.00"}, {"category": "food", "monthly": "1500.00"}]})
    drive([line("2500")] + [ENTER] * 10, steps.expenses, d)
    assert seen[0] == "3,500.00"  # housing, while it is being changed: 2,000 + 1,500
    assert seen[1] == "4,000.00"  # food: the new housing figure and food
    assert d.answers["expenses"][0] == {"category": "housing", "monthly": "2500.00"}


def test_priority_payments_default_to_none(capsys: pytest.CaptureFixture[str]) -> None:
    d = Draft("zh", {})
    drive([ENTER], steps.priority, d)
    assert d.answers["priority"] == []
    assert "拖欠的房租" in capsys.readouterr().out  # what counts is said before the question
