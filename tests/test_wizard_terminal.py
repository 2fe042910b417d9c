"""The wizard for real: the installed command in a pseudo-terminal, typed into as a person would.
We wait for each question to appear (escape codes stripped) before answering it, and check what
the screen says and the files written. Timeouts are generous: the machine may be busy."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pexpect
import pytest
from conftest import cli_env
from test_wizard_flow import TYPED_TO_REVIEW, seed

from negotiator import store, words
from negotiator.money import show
from negotiator.plan import build_plan
from negotiator.wizard.questions import CATEGORIES

ENTER, DOWN, UP, BACKSPACE, CTRL_C = "\r", "\x1b[B", "\x1b[A", "\x7f", "\x03"
TODAY = f"{dt.date.today():%Y%m%d}"
WAIT = 30
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r")


class Screen:
    """What the terminal has shown, without escape codes, read up to each thing we wait for."""

    def __init__(self, home: Path, cwd: Path, *args: str) -> None:
        env = cli_env(home, TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1")
        self.child = pexpect.spawn(sys.executable, ["-m", "negotiator", *args], env=env, cwd=str(cwd),
                                   dimensions=(24, 80), encoding="utf-8", timeout=WAIT)
        self.text = ""
        self.seen = 0

    def _read(self) -> bool:
        try:
            self.text += _ESCAPES.sub("", self.child.read_nonblocking(65536, timeout=WAIT))
            return True
        except pexpect.EOF:
            return False
        except pexpect.TIMEOUT:
            self.child.terminate(force=True)
            raise AssertionError(f"nothing new on the screen for {WAIT} s; it ends with:\n{self.text[-5000:]}") from None

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

    def finish(self) -> int:
        while self._read():
            pass
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else 128 + self.child.signalstatus


def answers(screen: Screen, steps: list[tuple[str, str]]) -> None:
    for prompt, keys in steps:
        screen.answer(prompt, keys)


def categories(lang: str) -> list[str]:
    """The expense categories after housing and food, as the wizard names them."""
    return [words.t(lang, f"wizard.choices.category.{c}") for c in CATEGORIES[2:]]



EN_TO_DEBTS = [
    ("What happened", ENTER),
    ("Since when", "2026-03" + ENTER),
    ("How long do you expect", DOWN + ENTER),
    ("income before it happened", "9000" + ENTER),
    ("A few words", ENTER),
    ("Your income: add", ENTER),
    ("Where does this income come from", "Salary" + ENTER),
    ("How much a month?", "6000" + ENTER),
    ("Your income: add", ENTER),
    ("Housing (rent, mortgage) a month", "2000" + ENTER),
    ("Food a month", "1500" + ENTER),
    *[(f"{c} a month", ENTER) for c in categories("en")],
    ("Your priority payments: add", ENTER),
]
EN_DEBT = [
    ("Who is the lender?", "Huabei" + ENTER),
    ("What kind of debt", ENTER),
    ("Principal still owed", "8000" + ENTER),
    ("Accrued interest", "210" + ENTER),
    ("Penalty interest and late fees so far", "260" + ENTER),
    ("Days overdue", "40" + ENTER),
    ("How does the contract state its rate", ENTER),
    ("Daily rate, in %", "0.05" + ENTER),
    ("What the contract asks", "1200" + ENTER),
    ("What has the collector done", ENTER),
    ("Your debts: add", ENTER),
    ("Is this budget right?", ENTER),
    ("What will you propose to Huabei?", ENTER),
]
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


def test_a_full_run_in_english_saves_the_plan_as_text(home: Path, where: Path) -> None:
    screen = Screen(home, where)
    screen.answer("Language / 语言", ENTER)  # the locale is not Chinese, so English is preselected
    answers(screen, EN_TO_DEBTS[:7])
    # A wrong amount: a friendly line, the same question, and what was typed still there to fix.
    screen.answer("How much a month?", "abc" + ENTER)
    screen.wait("doesn't look like an amount")
    screen.child.send(BACKSPACE * 3 + "6000" + ENTER)
    answers(screen, EN_TO_DEBTS[8:] + EN_DEBT)
    screen.wait(r"Available to repay")
    answers(screen, [("Is everything right?", ENTER), *SAVE])
    screen.wait("Good luck")
    assert screen.finish() == 0
    assert "The plan was saved to" in screen.text and "Your case was saved as case-" in screen.text
    text = (where / f"negotiation-plan-{TODAY}.txt").read_text("utf-8")
    plan = saved_plan()
    (debt,) = plan.numbers.debts
    assert "Huabei" in text and show(debt.ladder.target.monthly_payment) in text
    assert plan.case.income[0].monthly == 6000
    # The result step's summary: the target and walk-away, and how the first call opens.
    summary = screen.text[screen.text.index(words.t("en", "wizard.result.title")):]
    assert show(debt.ladder.target.monthly_payment) in summary and show(debt.share) in summary
    assert words.t("en", "wizard.result.first_call", lender="Huabei") in summary
    assert not list((home / "drafts").glob("*.json"))


def test_ctrl_c_in_chinese_then_resume_to_the_end(home: Path, where: Path) -> None:
    screen = Screen(home, where, "new")
    answers(screen, [
        ("Language / 语言", UP + ENTER),  # 中文 is the first choice
        ("是什么让您还款困难", ENTER),
        ("大约从什么时候开始", "2026-03" + ENTER),
        ("您预计困难情况会持续多久", ENTER),
        ("大约几个月", "6" + ENTER),
        ("发生困难之前", ENTER),
        ("用您自己的话", ENTER),
        ("您的收入：可以", ENTER),
        ("这笔收入来自哪里", "工资" + ENTER),
        ("每月多少", "1.2万" + ENTER),
        ("您的收入：可以", ENTER),
        ("住房（房租、房贷），每月", "3000" + ENTER),
        ("吃饭，每月", CTRL_C),
    ])
    screen.wait("已停止")
    screen.wait("negotiator resume")
    assert screen.finish() == 130
    assert "Traceback" not in screen.text

    screen = Screen(home, where, "resume")
    screen.wait("欢迎回来")
    answers(screen, [
        ("住房（房租、房贷），每月", ENTER),  # the amount typed before Ctrl-C is still there
        ("吃饭，每月", "1500" + ENTER),
        *[(f"{c}，每月", ENTER) for c in categories("zh")],
        ("您的优先支出：可以", ENTER),
        ("债权方是谁", "花呗" + ENTER),
        ("这是哪一类欠款", ENTER),
        ("尚欠本金", "8000" + ENTER),
        ("已产生但未还的利息", ENTER),
        ("目前的罚息和违约金", ENTER),
        ("逾期天数", "30" + ENTER),
        ("合同上的利率是怎么写的", ENTER),
        ("日利率（每天百分之几）", "0.05" + ENTER),
        ("按合同现在每月要还多少", ENTER),
        ("催收目前到了哪一步", ENTER),
        ("您的欠款：可以", ENTER),
        ("这个预算对吗", ENTER),
        ("您准备向花呗提出哪个方案", ENTER),
        ("都对吗", ENTER),
        ("接下来做什么", ENTER),
        ("保存到哪里", ENTER),
        ("接下来做什么", ENTER),
        ("给这个档案起个名字", ENTER),
    ])
    screen.wait("祝通话顺利")
    assert screen.finish() == 0
    assert "计划已保存到" in screen.text
    plan = saved_plan()
    assert plan.case.language == "zh"
    assert [x.monthly for x in plan.case.income] == [12000]
    assert [(x.category.value, x.monthly) for x in plan.case.expenses] == [("housing", 3000), ("food", 1500)]
    text = (where / f"negotiation-plan-{TODAY}.txt").read_text("utf-8")
    assert "花呗" in text and show(plan.numbers.debts[0].ladder.target.monthly_payment) in text


def test_going_back_from_review_to_change_income_changes_the_plan(home: Path, where: Path) -> None:
    # The answers typed above, as their draft keeps them at the review (Huabei only).
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
