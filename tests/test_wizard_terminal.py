"""The wizard for real: the installed command in a pseudo-terminal, typed into as a person would.
We wait for each question to appear (escape codes stripped) before answering it, and check what
the screen says and the files written. Timeouts are generous: the machine may be busy. The whole
interview, typed once per language in a real terminal, is in tests/test_wizard_fits.py; these go
on from drafts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pty_window
import pytest
from test_wizard_flow import TYPED_TO_REVIEW, seed

from negotiator import store
from negotiator.core.money import show
from negotiator.plan import build_plan

ENTER, DOWN, UP, BACKSPACE, CTRL_C = "\r", "\x1b[B", "\x1b[A", "\x7f", "\x03"
TODAY = f"{dt.date.today():%Y%m%d}"
WAIT = 30
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r")


class Screen(pty_window.Window):
    """What the terminal has shown, without escape codes, read up to each thing we wait for."""

    def __init__(self, home: Path, cwd: Path, *args: str) -> None:
        super().__init__(home, cwd, args, 80, 24, WAIT)
        self.text = ""
        self.seen = 0

    def took(self, chunk: str) -> None:
        self.text += _ESCAPES.sub("", chunk)

    def tail(self) -> str:
        return self.text[-5000:]

    def wait(self, pattern: str) -> re.Match[str]:
        """Wait until `pattern` (a regular expression) appears after what was already waited for."""
        regex = re.compile(pattern)
        while not (found := regex.search(self.text, self.seen)):
            if not self._read():
                raise AssertionError(f"ended before {pattern!r} appeared; the screen ends with:\n{self.text[-5000:]}")
        self.seen = found.end()
        return found

    def answer(self, prompt: str, keys: str) -> None:
        self.wait(re.escape(prompt))
        self.child.send(keys)


def answers(screen: Screen, steps: list[tuple[str, str]]) -> None:
    for prompt, keys in steps:
        screen.answer(prompt, keys)


SAVE = [("What next?", ENTER), ("Save it where?", ENTER), ("What next?", ENTER), ("A name for this case", ENTER)]


def saved_plan(name: str = f"case-{TODAY}"):
    return build_plan(store.open_case(name).case)


@pytest.fixture
def where(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder the person runs negotiator in; their saved cases are read back from `home`."""
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    cwd = tmp_path / "work"
    cwd.mkdir()
    return cwd


@pytest.mark.subprocess
def test_going_back_from_review_to_change_income_changes_the_plan(home: Path, where: Path) -> None:
    # An English interview at the review, as its draft keeps it (Huabei only; tests/test_wizard_flow.py).
    debts = TYPED_TO_REVIEW["debts"][:1]
    seed("proposals", debts=debts)
    screen = Screen(home, where, "resume")
    screen.wait("Welcome back")
    before = screen.wait(r"Huabei: instalments, ([\d,.]+) yuan a month").group(1)
    answers(screen, [
        ("Is everything right?", DOWN * 2 + ENTER),  # Change: Income
        ("Your income: add", DOWN * 2 + ENTER),  # Salary: 6,000.00
        ("What would you like to do with Salary", ENTER),  # change it
        ("Where does this income come from", ENTER),
        ("How much a month?", BACKSPACE * 4 + "4500" + ENTER),
        ("Your income: add", ENTER),
        # The budget and the proposals follow the income: both come again before the review.
        ("Is this budget right?", ENTER),
        ("What will you propose to Huabei?", ENTER),
    ])
    after = screen.wait(r"Huabei: instalments, ([\d,.]+) yuan a month").group(1)
    answers(screen, [("Is everything right?", ENTER), *SAVE])
    screen.wait("Good luck")
    assert screen.finish() == 0
    plan = saved_plan()
    assert plan.case.income[0].monthly == 4500
    target = show(plan.numbers.debts[0].ladder.target.monthly_payment)
    assert after == target != before
    assert target in (where / f"negotiation-plan-{TODAY}.txt").read_text("utf-8")


def test_not_a_terminal_exits_2_naming_the_answers_file(run_cli) -> None:
    done = run_cli("new")  # stdin is /dev/null
    assert done.returncode == 2
    assert "negotiator example -o answers.json" in done.stderr and "negotiator plan --answers" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.subprocess
def test_resume_with_two_drafts_shows_both_and_goes_on_with_the_one_picked(home: Path, where: Path) -> None:
    import json
    import os

    folder = home / "drafts"
    folder.mkdir(parents=True)
    for stamp, lender, when in (("20261101-090000-000000", "Huabei", 1_761_987_600), ("20261105-090000-000000", "Jiebei", 1_762_333_200)):
        record = {"version": 1, "lang": "en", "done": "priority", "name": None, "editing": False,
                  "answers": {"language": "en", "debts": [{"lender": lender}]}}
        path = folder / f"draft-{stamp}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        os.utime(path, (when, when))
    screen = Screen(home, where, "resume")
    screen.wait("You have 2 sets of unfinished answers")
    screen.wait(r"Jiebei · next: Your debts")  # written last, so listed first
    screen.wait(r"Huabei · next: Your debts")
    screen.child.send(DOWN + ENTER)
    screen.wait("Welcome back")
    screen.wait(r"Who is the lender\?.*Huabei")  # the picked draft's half-done debt, filled in
    screen.child.send(CTRL_C)
    screen.wait("Stopped")
    assert screen.finish() == 130
    assert "Traceback" not in screen.text
    kept = {json.loads(p.read_text("utf-8"))["answers"]["debts"][0]["lender"]: p.stat().st_mtime for p in folder.glob("*.json")}
    assert kept["Jiebei"] == 1_762_333_200  # the other draft is untouched
    assert kept["Huabei"] > 1_762_333_200  # the picked one was written again on Ctrl-C
