"""`negotiator` and `negotiator new` start the wizard without typer (so without the pydantic typer
loads), which is what lets the first question appear about as soon as a bare prompt would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import cli_env


@pytest.mark.subprocess
@pytest.mark.parametrize("args", [(), ("--lang", "zh"), ("new",), ("new", "--lang", "en")], ids=" ".join)
def test_the_wizard_starts_through_typer(home: Path, args: tuple[str, ...]) -> None:
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "negotiator", *args], env=cli_env(home),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2  # no terminal: the wizard cannot ask
    assert "negotiator example" in done.stderr
    loaded = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "typer" in loaded and "negotiator.app" in loaded and "negotiator.wizard" in loaded


def test_other_words_still_go_through_typer(run_cli) -> None:
    done = run_cli("--lang", "fr")
    assert done.returncode == 2 and "--lang" in done.stderr
