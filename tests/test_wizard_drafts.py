"""Drafts from inside the wizard: a new run offers to go on with one, and `resume` can remove one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_wizard_flow import (
    CTRL_C,
    DEBT_HUABEI,
    ENTER,
    FINISH,
    down,
    drive,
    saved,
    seed,
)

from negotiator import wizard
from negotiator.core.errors import Interrupted

pytestmark = pytest.mark.usefixtures("private_home")


def _stopped_in_first_debt(lender: str) -> None:
    """A draft as Ctrl-C in the first debt's questions leaves it, its lender typed."""
    seed("priority", debts=[{"lender": lender}])


def test_a_new_run_can_go_on_with_the_draft(private_home: Path) -> None:
    _stopped_in_first_debt("Huabei")
    # "Go on with one of them": the only draft goes on, its half-typed debt first.
    rest = [ENTER, ENTER] + DEBT_HUABEI[1:] + [ENTER, ENTER, ENTER] + FINISH
    drive(rest, wizard.start, None)
    assert [d.lender for d in saved().debts] == ["Huabei"]
    assert not list((private_home / "drafts").glob("*.json"))


def test_resume_can_remove_a_draft(private_home: Path) -> None:
    _stopped_in_first_debt("Old")
    _stopped_in_first_debt("New")
    # Resume: the two drafts, then "remove one"; remove the first listed; the other goes on.
    with pytest.raises(Interrupted):
        drive([down(2), ENTER, CTRL_C], wizard.resume, "en")
    left = [json.loads(p.read_text("utf-8")) for p in (private_home / "drafts").glob("*.json")]
    assert len(left) == 1
