"""What start-up does not load, seen with `python -X importtime` (timings themselves are measured
by benchmarks/startup.py, never by a test): a plain line of `plan`, `show`, `calc` or `offer` is
read without typer (negotiator.direct); `calc` answers without pydantic, which typer would
load to check the text of each option; no command loads importlib.metadata, which pydantic's
plugin loader would load to look for plugins that are turned off."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES

CALC = ("calc", "--amount", "12000", "--months", "24", "--annual-rate-percent", "18", "--format", "text")
PLAN = ("plan", "--answers", str(EXAMPLES / "case-en.json"), "--format", "json")


def modules(run_cli, *args: str) -> set[str]:
    done = run_cli(*args, PYTHONPROFILEIMPORTTIME="1")
    assert done.returncode == 0, done.stderr[-2000:]
    found = {m[1] for m in re.finditer(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)$", done.stderr, re.M)}
    assert "negotiator.start" in found  # the log was there to read
    return found


@pytest.mark.parametrize("args", [CALC, ("--help",), ("calc", "--help")], ids=" ".join)
def test_no_pydantic_where_no_case_is_read(run_cli, args):
    assert not {name for name in modules(run_cli, *args) if name.split(".")[0] in ("pydantic", "pydantic_core")}


def test_the_plan_does_not_look_for_pydantic_plugins(run_cli):
    found = modules(run_cli, *PLAN)
    assert "negotiator.answers.case" in found and "pydantic" in found
    assert "importlib.metadata" not in found


def test_the_check_can_fail(run_cli):
    """A command that does read a case is seen to load pydantic."""
    assert "pydantic" in modules(run_cli, *PLAN)


@pytest.mark.parametrize("args", [CALC, PLAN], ids=" ".join)
def test_a_plain_line_runs_without_typer(run_cli, args):
    assert not {name for name in modules(run_cli, *args) if name.split(".")[0] == "typer"}


def test_a_line_typer_must_read_loads_it(run_cli):
    """The check above can fail: the same plan written `--format=json` goes through typer."""
    found = modules(run_cli, "plan", "--answers", str(EXAMPLES / "case-en.json"), "--format=json")
    assert "typer" in found and "negotiator.app" in found
