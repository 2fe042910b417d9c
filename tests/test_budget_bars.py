"""The budget drawn as bars: the month's money in one bar and each lender's share, beside the
plan's own figures; in a terminal only (the wizard's result screen and `show`), never in a file,
a pipe or with --plain; always within the window, in the run's language."""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal

import pytest
from conftest import EXAMPLES

from negotiator.answers.case import Case
from negotiator.core.money import show
from negotiator.plan import build_plan
from negotiator.render.bars import (
    MONTH,
    SHARE,
    budget_bars,
    cells,
    month_lines,
    share_lines,
)
from negotiator.render.forms import render
from negotiator.render.table import width
from negotiator.words import t


def plan_of(lang: str):
    data = json.loads((EXAMPLES / f"case-{lang}.json").read_text("utf-8"), parse_float=str)
    return build_plan(Case.model_validate(data))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("limit", [59, 79, 99])
def test_the_bars_fit_and_carry_the_plans_figures(lang: str, limit: int) -> None:
    plan = plan_of(lang)
    b = plan.numbers.budget
    lines = budget_bars(plan, limit)
    assert all(width(line) <= limit for line in lines)
    assert lines[0] == t(lang, "render.bars.month", income=show(b.income))
    assert len(lines[1]) == limit  # the whole month: income covers every part here
    for key, mark in MONTH:
        figure = show(getattr(b, key))
        assert any(line.startswith(mark) and line.endswith(figure) for line in lines), (key, figure)
        assert lines[1].count(mark) == cells([getattr(b, k) for k, _ in MONTH], b.income, limit)[[k for k, _ in MONTH].index(key)]
    for d in plan.numbers.debts:
        assert any(line.endswith(show(d.share)) for line in share_lines(plan, limit))


def test_cells_follow_the_proportions_and_show_a_small_part() -> None:
    assert cells([Decimal(50), Decimal(30), Decimal(20)], Decimal(100), 10) == [5, 3, 2]
    assert cells([Decimal(999), Decimal(1)], Decimal(1000), 10) == [9, 1]  # the small part is still seen
    assert sum(cells([Decimal("33.33"), Decimal("33.33"), Decimal("33.34")], Decimal(100), 20)) == 20
    assert cells([Decimal(5)], Decimal(0), 10) == [0]


def test_nothing_to_share_draws_no_lender_bars() -> None:
    plan = plan_of("zh")
    broke = plan.case.model_copy(update={"income": plan.case.income[:0]})
    assert share_lines(build_plan(broke), 59) == []
    assert month_lines(build_plan(broke), 59)  # the month's outgoings are still drawn


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_in_a_terminal_draws_the_bars_and_files_and_plain_do_not(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    plan = plan_of(lang)
    title = t(lang, "render.bars.shares", available=show(plan.numbers.budget.available))
    drawn = render(plan, "text", True, False)
    # The title is wrapped to the window like every line of the screen: compared without the
    # panel's borders and the white space a wrap puts in.
    plain = re.sub(r"\x1b\[[0-9;]*m", "", drawn)
    flat = "".join(line.strip().strip("│").strip() for line in plain.splitlines())
    assert "".join(title.split()) in "".join(flat.split())
    assert title not in render(plan, "text", True, True)  # --plain
    for fmt in ("text", "markdown", "json"):
        assert title not in render(plan, fmt, False, False)  # a file or a pipe


@pytest.mark.subprocess
@pytest.mark.parametrize(("lang", "columns"), [("zh", 60), ("en", 100)])
def test_show_in_a_real_terminal_draws_the_bars_and_not_with_plain_or_into_a_file(
        run_here, home, tmp_path, lang: str, columns: int) -> None:
    from test_wizard_fits import Terminal

    assert run_here("new", "--answers", str(EXAMPLES / f"case-{lang}.json"), "--name", "bars").returncode == 0
    plan = plan_of(lang)
    title = t(lang, "render.bars.shares", available=show(plan.numbers.budget.available))
    term = Terminal(home, tmp_path, columns, "show", "bars")
    assert term.finish() == 0
    assert term.said(title)
    # Each lender's bar whole on its line, its figure beside it (the window is never wider).
    shown = [line for line, _ in term.lines()]
    for d in plan.numbers.debts:
        assert any(SHARE * 3 in line and line.rstrip(" │").endswith(show(d.share)) for line in shown), d.lender
    term = Terminal(home, tmp_path, columns, "show", "bars", "--plain")
    assert term.finish() == 0
    assert not term.said(title) and term.said(show(plan.numbers.budget.available))
    assert run_here("show", "bars", "-o", str(tmp_path / "plan.txt")).returncode == 0
    assert title not in (tmp_path / "plan.txt").read_text("utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_wizard_result_draws_the_bars_in_a_terminal_only(lang: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from negotiator.wizard import screens

    plan = build_plan(plan_of(lang).case, lang)
    title = t(lang, "render.bars.shares", available=show(plan.numbers.budget.available))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    screens.result(plan, lang)
    assert title in capsys.readouterr().out
    monkeypatch.setattr(screens, "PLAIN", True)  # --plain: the figures alone
    screens.result(plan, lang)
    out = capsys.readouterr().out
    assert title not in out and show(plan.numbers.budget.available) in out
    monkeypatch.setattr(screens, "PLAIN", False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    screens.result(plan, lang)
    assert title not in capsys.readouterr().out
