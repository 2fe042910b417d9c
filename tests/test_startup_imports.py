"""What start-up loads, seen with `python -X importtime` (timings themselves are measured by
benchmarks/startup.py, never by a test): every command line is read by typer, the wizard's
included; the command list and `calc` load no pydantic. (That `--help`, `calc` and `plan` to a pipe load
neither rich, questionary nor prompt_toolkit is checked in test_cli_basics.py.)"""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES

pytestmark = pytest.mark.subprocess  # an interpreter's own start-up is what is looked at

CALC = ("calc", "--amount", "12000", "--months", "24", "--annual-rate-percent", "18", "--format", "text")
PLAN = ("plan", "--answers", str(EXAMPLES / "case-en.json"), "--format", "json")


def modules(run_cli, *args: str) -> set[str]:
    done = run_cli(*args, PYTHONPROFILEIMPORTTIME="1")
    assert done.returncode == 0, done.stderr[-2000:]
    found = {m[1] for m in re.finditer(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)$", done.stderr, re.M)}
    assert "negotiator.start" in found  # the log was there to read
    return found


def top(found: set[str]) -> set[str]:
    return {name.split(".")[0] for name in found}


@pytest.mark.parametrize("args", [CALC, PLAN, ("--help",)], ids=" ".join)
def test_every_command_line_is_read_by_typer(run_cli, args):
    """(The wizard's too: test_wizard_start.py.)"""
    found = modules(run_cli, *args)
    assert "typer" in found and "negotiator.app" in found


@pytest.mark.parametrize("args", [("--help",), CALC], ids=" ".join)
def test_what_checks_no_case_loads_no_pydantic(run_cli, args):
    """Options are read by click: only a case needs pydantic (loading it is most of `calc`'s time)."""
    assert not top(modules(run_cli, *args)) & {"pydantic", "pydantic_core"}


def test_the_check_can_fail(run_cli):
    """A plan does load pydantic, to check the case."""
    assert "pydantic" in modules(run_cli, *PLAN)
