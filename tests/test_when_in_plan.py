"""A hardship date given to the month is quoted as a month everywhere, never with a day made up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES


# The month as written (the letter), and a first of the month nobody gave, in any spelling.
@pytest.mark.parametrize(("lang", "month", "day"), [("zh", "我2026年9月", "9月1"), ("en", "In September 2026,", "1 September")])
def test_a_month_stays_a_month_in_every_form(run_cli, tmp_path: Path, lang: str, month: str, day: str) -> None:
    data = json.loads((EXAMPLES / f"case-{lang}.json").read_text("utf-8"))
    data["hardship"]["since"] = "2026-09"
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    for fmt in ("text", "markdown", "json"):
        done = run_cli("plan", "--answers", str(answers), "--format", fmt, "--lang", lang)
        assert done.returncode == 0, done.stderr
        assert day not in done.stdout and "2026-09-01" not in done.stdout, fmt
    assert month in done.stdout  # the script inside the JSON
    text = run_cli("plan", "--answers", str(answers), "--format", "text", "--lang", lang).stdout
    assert month in text


def test_a_saved_case_keeps_the_month(run_cli, tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "case-zh.json").read_text("utf-8"))
    data["hardship"]["since"] = "2026-09"
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert run_cli("new", "--answers", str(answers), "--name", "m").returncode == 0
    shown = run_cli("show", "m", "--format", "text")
    assert shown.returncode == 0, shown.stderr
    assert "2026年9月" in shown.stdout and "9月1" not in shown.stdout


def test_a_debt_date_given_to_the_month_is_kept_to_the_month() -> None:
    from negotiator.answers.case import Case

    data = json.loads((EXAMPLES / "case-en.json").read_text("utf-8"))
    data["debts"][0].update(last_payment_date="2023-05", last_demand_date="2024-01-10")
    case = Case.model_validate(data)
    debt = case.debts[0]
    assert debt.last_payment_date.isoformat() == "2023-05-01"  # counted from the 1st
    assert (debt.given("last_payment_date").iso(), debt.given("last_demand_date").iso()) == ("2023-05", "2024-01-10")
    again = Case.model_validate_json(case.model_dump_json()).debts[0]
    assert again.given("last_payment_date").iso() == "2023-05"
