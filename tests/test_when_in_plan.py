"""A hardship date given to the month is quoted as a month everywhere, never with a day made up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES


@pytest.mark.parametrize(("lang", "month", "day"), [("zh", "2026年9月，", "2026年9月1日"), ("en", "In September 2026,", "1 September 2026")])
def test_a_month_stays_a_month_in_every_form(run_cli, tmp_path: Path, lang: str, month: str, day: str) -> None:
    data = json.loads((EXAMPLES / f"case-{lang}.json").read_text("utf-8"))
    data["hardship"]["since"] = "2026-09"
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    for fmt in ("text", "markdown", "json"):
        done = run_cli("plan", "--answers", str(answers), "--format", fmt, "--lang", lang)
        assert done.returncode == 0, done.stderr
        assert day not in done.stdout and "2026-09-01" not in done.stdout
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
    assert "2026年9月，" in shown.stdout and "2026年9月1日" not in shown.stdout
