"""The few runs that need a real `python -m negotiator` process: its exit status as the shell sees
it, and that the in-process runner of tests/conftest.py tells the same story as a real run."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, cli_env, run_in_process

pytestmark = pytest.mark.subprocess

RUNS = [
    ("plan", "--answers", str(EXAMPLES / "case-zh.json"), "--format", "ics"),
    ("calc", "--amount", "12000", "--months", "24", "--method", "annuity", "--annual-rate-percent", "18"),
    ("calc", "--amount", "lots", "--months", "12"),
    ("plan", "--bogus"),
    ("plann",),
    ("new",),  # no terminal: refused, exit 2
]


@pytest.mark.parametrize("args", RUNS, ids=" ".join)
def test_a_real_process_and_an_in_process_run_agree(run_cli, home, args):
    real = run_cli(*args)
    assert real.returncode in (0, 2)
    inside = run_in_process(args, cli_env(home))
    assert (inside.returncode, inside.stdout, inside.stderr) == (real.returncode, real.stdout, real.stderr)


def test_exit_codes_of_a_real_process(run_cli):
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("negotiator ")
    missing = run_cli("show", "nobody", "--lang", "en")
    assert missing.returncode == 2 and "nobody" in missing.stderr and not missing.stdout
