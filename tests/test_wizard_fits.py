"""The wizard in real terminals of 60 and 100 columns, in both languages, the screen kept by a
terminal emulator (pyte), then read line by line. No line reaches the window's edge (nothing wraps
by itself or is cut), no Chinese line starts with closing punctuation, and "¥120" typed at a
question with a default is taken as 120.00.

At 60 columns a whole run is typed as a person would. At 100 the run goes on from a draft whose
debts are entered: the wizard lays out its own screens (budget, proposals, review, result) at
min(window, 80) columns, so those are what a wider window changes; the questions before them are
the same words, already shown to fit in 60."""

from __future__ import annotations

import datetime as dt
import re
import sys
from decimal import Decimal
from pathlib import Path

import pexpect
import pyte
import pytest
from conftest import cli_env
from test_wizard_flow import TYPED_TO_REVIEW, seed

from negotiator import store, words
from negotiator.wizard.questions import CATEGORIES

ENTER = "\r"
WAIT = 20
TODAY = f"{dt.date.today():%Y%m%d}"
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r|\n")
NO_START = tuple("。，）：、")

TYPED = {
    "zh": {"since": "9月", "months": "半年", "source": "工资", "lender": "花呗"},
    "en": {"since": "June 2026", "months": "half a year", "source": "Salary", "lender": "Huabei"},
}


class Terminal:
    def __init__(self, home: Path, cwd: Path, columns: int, *args: str) -> None:
        env = cli_env(home, TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1", COLUMNS=str(columns), LINES="40")
        self.child = pexpect.spawn(sys.executable, ["-m", "negotiator", *args], env=env, cwd=str(cwd),
                                   dimensions=(40, columns), encoding="utf-8", timeout=WAIT)
        self.screen = pyte.HistoryScreen(columns, 40, history=20000)
        self.stream = pyte.Stream(self.screen)
        self.flat = ""  # what was written, escape codes and spaces taken out
        self.seen = 0

    def _read(self) -> bool:
        try:
            chunk = self.child.read_nonblocking(65536, timeout=WAIT)
        except pexpect.EOF:
            return False
        except pexpect.TIMEOUT:
            self.child.terminate(force=True)
            raise AssertionError(f"nothing new for {WAIT} s; the screen ends with:\n{self.flat[-3000:]}") from None
        self.stream.feed(chunk)
        self.flat += re.sub(r"\s+", "", _ESCAPES.sub("", chunk))  # wrapped or not, the same words
        return True

    def ask(self, question: str, keys: str) -> None:
        """Wait for the start of a question (its first words: the rest may be wrapped), then type."""
        start = re.sub(r"\s+", "", question)[:5]
        while (found := self.flat.find(start, self.seen)) < 0:
            if not self._read():
                raise AssertionError(f"ended before {start!r}:\n{self.flat[-3000:]}")
        self.seen = found + len(start)
        self.child.send(keys)

    def finish(self) -> int:
        while self._read():
            pass
        self.child.close()
        return self.child.exitstatus

    def lines(self) -> list[tuple[str, bool]]:
        """Every line the screen showed, those scrolled away included, each with whether its last
        column is used (a wide character's second half counts)."""
        last = self.screen.columns - 1

        def line(row) -> tuple[str, bool]:
            return "".join(row[x].data for x in range(self.screen.columns)), row[last].data != " "

        return [line(row) for row in self.screen.history.top] + [line(self.screen.buffer[y]) for y in range(self.screen.lines)]


def question(lang: str, word: str, **values: object) -> str:
    return words.t(lang, f"wizard.q.{word}", **values)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_whole_run_fits_a_window_of_60_columns(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))

    def q(word: str, **values: object) -> str:
        return question(lang, word, **values)

    typed = TYPED[lang]
    term = Terminal(home, tmp_path, 60, "--lang", lang)
    steps = [
        (q("cause"), ENTER), (q("since"), typed["since"] + ENTER), (q("lasting"), ENTER),
        (q("expected_months"), typed["months"] + ENTER), (q("income_before"), ENTER), (q("details"), ENTER),
        (q("income_menu"), ENTER), (q("source"), typed["source"] + ENTER), (q("income_monthly"), "6000" + ENTER),
        (q("income_menu"), ENTER),
    ]
    for n, category in enumerate(CATEGORIES):
        label = words.t(lang, f"wizard.choices.category.{category}")
        steps.append((label, {0: "2000", 1: "1500"}.get(n, "") + ENTER))
    steps += [
        (q("priority_menu"), ENTER),
        (q("lender"), typed["lender"] + ENTER), (q("kind"), ENTER), (q("principal"), "8000" + ENTER),
        (q("interest"), "¥120" + ENTER), (q("penalties"), ENTER), (q("days_overdue"), "40" + ENTER),
        (q("rate"), ENTER), (q("daily_rate_percent"), "0.05" + ENTER), (q("contract_monthly"), ENTER),
        (q("stage"), ENTER), (q("debts_menu"), ENTER), (q("budget_menu"), ENTER),
        (q("proposal", lender=typed["lender"]), ENTER), (q("review_menu"), ENTER),
        (q("result_menu"), ENTER), (q("path"), ENTER), (q("result_menu"), ENTER), (q("case_name"), ENTER),
    ]
    for asked, keys in steps:
        term.ask(asked, keys)
    assert term.finish() == 0, term.flat[-3000:]

    (debt,) = store.open_case(f"case-{TODAY}").case.debts
    assert debt.interest == Decimal("120.00")
    fits(term, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
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
    assert len(store.open_case(f"case-{TODAY}", lang).case.debts) == 2
    fits(term, lang)


def fits(term: Terminal, lang: str) -> None:
    shown = term.lines()
    assert any(TYPED[lang]["lender"] in line for line, _ in shown)
    for line, edge in shown:
        # The last column stays free: a line that reached it was wrapped by the terminal, or cut.
        assert not edge, line
        if lang == "zh":
            assert not line.lstrip().startswith(NO_START), line
