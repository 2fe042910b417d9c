"""The wizard for real, in both languages: the installed command in a pseudo-terminal, typed into as
a person would, the screen kept by a terminal emulator (pyte) and read line by line at the end. No
line reaches the window's edge (nothing wraps by itself or is cut), no Chinese line starts with
closing punctuation, "¥120" typed at a question with a default is taken as 120.00, and the files
written hold the plan of what was typed.

The whole interview is typed once per language, in a window of 60 columns: in English with a wrong
amount on the way, in Chinese stopped with Ctrl-C and finished by `negotiator resume`. In a window
of 100 columns the run goes on from a draft whose debts are entered: the wizard lays out its own
screens (budget, proposals, review, result) at the window's width, so those are what a wider
window changes; the questions before them are the same words, already shown to fit in 60.
Timeouts are generous: the machine may be busy."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pty_window
import pytest
from test_wizard_flow import TYPED_TO_REVIEW, seed

from negotiator import store, words
from negotiator.core.money import show
from negotiator.plan import build_plan
from negotiator.render.table import width
from negotiator.wizard.questions import CATEGORIES

ENTER, BACKSPACE, CTRL_C = "\r", "\x7f", "\x03"
WAIT = 30
TODAY = f"{dt.date.today():%Y%m%d}"
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r|\n")
NO_START = tuple("。，）：、")

TYPED = {
    "zh": {"since": "9月", "months": "半年", "source": "工资", "lender": "花呗"},
    "en": {"since": "June 2026", "months": "half a year", "source": "Salary", "lender": "Huabei"},
}


class Terminal(pty_window.Window):
    def __init__(self, home: Path, cwd: Path, columns: int, *args: str) -> None:
        super().__init__(home, cwd, args, columns, 40, WAIT)
        self.flat = ""  # what was written, escape codes and spaces taken out
        self.seen = 0

    def took(self, chunk: str) -> None:
        self.flat += re.sub(r"\s+", "", _ESCAPES.sub("", chunk))  # wrapped or not, the same words

    def wait(self, text: str) -> None:
        """Wait until `text` (spaces aside: it may be wrapped) appears after what was waited for."""
        start = re.sub(r"\s+", "", text)
        while (found := self.flat.find(start, self.seen)) < 0:
            if not self._read():
                raise AssertionError(f"ended before {start!r}:\n{self.flat[-3000:]}")
        self.seen = found + len(start)

    def ask(self, question: str, keys: str) -> None:
        """Wait for the start of a question (its first words: the rest may be wrapped), then type."""
        self.wait(re.sub(r"\s+", "", question)[:5])
        self.child.send(keys)

    def said(self, text: str) -> bool:
        """Whether the screen showed `text` at some point, however it was wrapped."""
        return re.sub(r"\s+", "", text) in self.flat


def question(lang: str, word: str, **values: object) -> str:
    return words.t(lang, f"wizard.q.{word}", **values)


def whole_run(lang: str) -> list[tuple[str, str]]:
    """Each question of a run with one debt, and what is typed at it."""
    def q(word: str, **values: object) -> str:
        return question(lang, word, **values)

    typed = TYPED[lang]
    steps = [
        (q("cause"), ENTER), (q("since"), typed["since"] + ENTER), (q("lasting"), ENTER),
        (q("expected_months"), typed["months"] + ENTER), (q("income_before"), ENTER), (q("details"), ENTER),
        (q("income_menu"), ENTER), (q("source"), typed["source"] + ENTER), (q("income_monthly"), "6000" + ENTER),
        (q("income_menu"), ENTER),
    ]
    for n, category in enumerate(CATEGORIES):
        label = words.t(lang, f"wizard.choices.category.{category}")
        steps.append((label, {0: "2000", 1: "1500"}.get(n, "") + ENTER))
    return steps + [
        (q("priority_menu"), ENTER),
        (q("lender"), typed["lender"] + ENTER), (q("kind"), ENTER), (q("principal"), "8000" + ENTER),
        (q("interest"), "¥120" + ENTER), (q("penalties"), ENTER), (q("days_overdue"), "40" + ENTER),
        (q("rate"), ENTER), (q("daily_rate_percent"), "0.05" + ENTER), (q("contract_monthly"), ENTER),
        (q("stage"), ENTER), (q("debts_menu"), ENTER), (q("budget_menu"), ENTER),
        (q("proposal", lender=typed["lender"]), ENTER), (q("review_menu"), ENTER),
        (q("result_menu"), ENTER), (q("path"), ENTER), (q("result_menu"), ENTER), (q("case_name"), ENTER),
    ]


def saved_plan(lang: str):
    return build_plan(store.open_case(f"case-{TODAY}").case)


@pytest.mark.subprocess
def test_a_whole_english_run_in_60_columns(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    steps = whole_run("en")
    wrong = steps.index((question("en", "income_monthly"), "6000" + ENTER))
    term = Terminal(home, tmp_path, 60, "--lang", "en")
    for asked, keys in steps[:wrong]:
        term.ask(asked, keys)
    # A wrong amount: a friendly line, the same question, and what was typed still there to fix.
    term.ask(question("en", "income_monthly"), "abc" + ENTER)
    term.wait("does not look like an amount")
    term.child.send(BACKSPACE * 3 + "6000" + ENTER)
    for asked, keys in steps[wrong + 1:]:
        term.ask(asked, keys)
    term.wait("Good luck")
    assert term.finish() == 0, term.flat[-3000:]

    assert term.said("The plan was saved to") and term.said("Your case was saved as case-")
    plan = saved_plan("en")
    (debt,) = plan.numbers.debts
    assert plan.case.debts[0].interest == Decimal("120.00") and plan.case.income[0].monthly == 6000
    text = (tmp_path / f"negotiation-plan-{TODAY}.txt").read_text("utf-8")
    assert "Huabei" in text and show(debt.ladder.target.monthly_payment) in text
    # The result step's summary: the target and walk-away, and how the first call opens.
    summary = term.flat[term.flat.index(re.sub(r"\s+", "", words.t("en", "wizard.result.title"))):]
    assert show(debt.ladder.target.monthly_payment) in summary and show(debt.share) in summary
    assert re.sub(r"\s+", "", words.t("en", "wizard.result.first_call", lender="Huabei")) in summary
    assert not list((home / "drafts").glob("*.json"))
    fits(term, "en")


@pytest.mark.subprocess
def test_a_whole_chinese_run_in_60_columns_stopped_and_resumed(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    steps = whole_run("zh")
    food = [asked for asked, _ in steps].index(words.t("zh", "wizard.choices.category.food"))
    term = Terminal(home, tmp_path, 60, "new", "--lang", "zh")
    for asked, keys in steps[:food]:
        term.ask(asked, keys)
    term.wait(steps[food][0])
    term.child.send(CTRL_C)
    term.wait("已停止")
    term.wait("negotiator resume")
    assert term.finish() == 130
    # Every screen up to the stop, and the last words, which the command line fits to the window too.
    fits(term, "zh", lender=False)
    assert not term.said("Traceback")

    term = Terminal(home, tmp_path, 60, "resume")
    term.wait("欢迎回来")
    term.ask(steps[food - 1][0], ENTER)  # the amount typed before Ctrl-C is still there
    for asked, keys in steps[food:]:
        term.ask(asked, keys)
    term.wait("祝通话顺利")
    assert term.finish() == 0, term.flat[-3000:]
    assert term.said("计划已保存到")
    plan = saved_plan("zh")
    assert plan.case.language == "zh"
    assert [x.monthly for x in plan.case.income] == [6000]
    assert [(x.category.value, x.monthly) for x in plan.case.expenses] == [("housing", 2000), ("food", 1500)]
    (debt,) = plan.numbers.debts
    assert plan.case.debts[0].interest == Decimal("120.00")
    text = (tmp_path / f"negotiation-plan-{TODAY}.txt").read_text("utf-8")
    assert "花呗" in text and show(debt.ladder.target.monthly_payment) in text
    fits(term, "zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.subprocess
def test_the_screens_from_the_budget_on_fit_a_window_of_100_columns(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """`negotiator resume` from a draft with two debts entered, to the end."""
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    lender = TYPED[lang]["lender"]
    debts = [{**TYPED_TO_REVIEW["debts"][0], "lender": lender}, TYPED_TO_REVIEW["debts"][1]]
    seed("debts", lang, debts=debts)
    term = Terminal(home, tmp_path, 100, "resume")
    for word, keys in [
        ("budget_menu", ENTER), ("proposal", ENTER), ("proposal", ENTER), ("review_menu", ENTER),
        ("result_menu", ENTER), ("path", ENTER), ("result_menu", ENTER), ("case_name", ENTER),
    ]:
        term.ask(question(lang, word, lender=lender), keys)
    assert term.finish() == 0, term.flat[-3000:]
    assert len(store.open_case(f"case-{TODAY}").case.debts) == 2
    # The result screen draws the budget as bars beside the plan's figures, and they fit too.
    plan = saved_plan(lang)
    assert term.said(words.t(lang, "render.bars.shares", available=show(plan.numbers.budget.available)))
    fits(term, lang)
    # The window's width is used, as every command uses it: not a column of 80 in a wider window.
    assert any(width(line) > 80 for line, _ in term.lines())


def fits(term: Terminal, lang: str, lender: bool = True) -> None:
    """Every line the window showed (`lender`: the lender's name among them) keeps its edge free."""
    shown = term.lines()
    assert not lender or any(TYPED[lang]["lender"] in line for line, _ in shown)
    for line, edge in shown:
        # The last column stays free: a line that reached it was wrapped by the terminal, or cut.
        assert not edge, line
        if lang == "zh":
            assert not line.lstrip().startswith(NO_START), line
