"""`negotiator example` writes a starter answers file that builds a plan as it is; `negotiator
drafts` lists the unfinished interviews and `drafts discard ID` removes one."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_example_builds_a_plan(run_cli, tmp_path: Path, lang: str) -> None:
    path = tmp_path / "a.json"
    done = run_cli("example", "--lang", lang, "-o", str(path))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text("utf-8"))["language"] == lang
    assert str(path) in done.stderr and "negotiator plan --answers" in done.stderr
    plan = run_cli("plan", "--answers", str(path))
    assert plan.returncode == 0, plan.stderr
    assert run_cli("new", "--answers", str(path), "--name", f"from-{lang}").returncode == 0


def test_the_example_is_never_written_over_without_force(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("mine", "utf-8")
    done = run_cli("example", "-o", str(path), "--lang", "en")
    assert done.returncode == 2 and "--force" in done.stderr
    assert path.read_text("utf-8") == "mine"
    assert run_cli("example", "-o", str(path), "--force").returncode == 0


def test_the_example_prints_without_o(run_cli) -> None:
    done = run_cli("example", "--lang", "zh")
    assert done.returncode == 0 and json.loads(done.stdout)["language"] == "zh"


def _draft(home: Path, stamp: str, lender: str) -> Path:
    folder = home / "drafts"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"draft-{stamp}.json"
    record = {"version": 1, "lang": "en", "done": "debts", "name": None, "editing": False,
              "answers": {"language": "en", "debts": [{"lender": lender}]}}
    path.write_text(json.dumps(record), "utf-8")
    return path


def test_drafts_are_listed_and_one_is_discarded(run_cli, home: Path) -> None:
    assert "no unfinished" in run_cli("drafts", "--lang", "en").stdout
    old = _draft(home, "20261101-100000-000000", "OldBank")
    new = _draft(home, "20261102-100000-000000", "NewBank")
    os.utime(old, (1_700_000_000, 1_700_000_000))
    listed = run_cli("drafts", "--lang", "en")
    assert listed.returncode == 0
    assert listed.stdout.index("NewBank") < listed.stdout.index("OldBank")
    assert run_cli("drafts", "discard", "7", "--lang", "en").returncode == 2
    done = run_cli("drafts", "discard", "2", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert not old.exists() and new.exists()
