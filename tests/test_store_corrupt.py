"""A broken or wrongly hand-edited file: every command refuses with exit code 2, names the file (the
line, for the log) and the field, gives a hint, and leaves every file byte for byte as it was."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLES

COMMANDS = {
    "show": ["show", "x", "--format", "json"],
    "plan": ["plan", "--case", "x", "--format", "text"],
    "log add": ["log", "add", "x", "--channel", "phone", "--said", "one more"],
    "log list": ["log", "list", "x", "--format", "json"],
    "agree": ["agree", "x", "--kind", "instalments", "--months", "6", "--monthly", "100", "--first-due", "2030-01-01"],
}


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _edit_case(path: Path) -> None:
    record = json.loads(path.read_text("utf-8"))
    record["case"]["debts"][1]["principal"] = {"amount": 42000}
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), "utf-8")


def _bad_log_line(path: Path) -> None:
    lines = path.read_text("utf-8").splitlines(keepends=True)
    lines.insert(1, '{"schema_version": 1, "when": "2026-11-29T10:00:00", "channel": "phone", "amount_promised": "a lot"}\n')
    path.write_text("".join(lines), "utf-8")


def _half_log_line(path: Path) -> None:
    with open(path, "ab") as handle:
        handle.write(b'{"schema_version": 1, "when": "2026-11-29T1')


def _unknown_log_field(path: Path) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"schema_version": 1, "when": "2026-11-29T10:00:00", "channel": "phone", "mood": "angry"}\n')


def _edit_agreement(path: Path) -> None:
    record = json.loads(path.read_text("utf-8"))
    record["months"] = "twelve"
    path.write_text(json.dumps(record), "utf-8")


def _true_months_agreement(path: Path) -> None:
    # JSON's true is a Python int (1): read as a number, it would be a one-month agreement.
    record = json.loads(path.read_text("utf-8"))
    record["months"] = True
    path.write_text(json.dumps(record), "utf-8")


def _far_future_agreement(path: Path) -> None:
    record = json.loads(path.read_text("utf-8"))
    record["first_due"] = "9999-12-01"
    path.write_text(json.dumps(record), "utf-8")


# (file, how it is broken, what the message must name besides the file)
BREAKAGES = {
    "case truncated": ("case.json", _truncate, "not valid JSON at line"),
    "case wrong type": ("case.json", _edit_case, "case.debts[1].principal"),
    "log bad line": ("log.jsonl", _bad_log_line, "log.jsonl, line 2: amount_promised"),
    "log half a line": ("log.jsonl", _half_log_line, "log.jsonl, line 3: not valid JSON"),
    "log unknown field": ("log.jsonl", _unknown_log_field, "log.jsonl, line 3: mood"),
    "agreement truncated": ("agreement.json", _truncate, "not valid JSON at line"),
    "agreement wrong type": ("agreement.json", _edit_agreement, "months: must be a whole number"),
    "agreement months true": ("agreements.jsonl", _true_months_agreement, "agreements.jsonl, line 1: months: must be a whole number"),
    "agreement date out of range": ("agreement.json", _far_future_agreement, "first_due: must be a date between"),
    "history bad line": ("agreements.jsonl", _edit_agreement, "agreements.jsonl, line 1: months"),
}


@pytest.fixture
def case_folder(home, monkeypatch) -> Path:
    """A saved case with two contacts and an agreement, made in process to keep the suite quick."""
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    from negotiator import store
    from negotiator.answers.file import load_answers
    from negotiator.records.contacts import Agreement, ContactEntry

    store.save_case("x", load_answers(EXAMPLES / "case-en.json"))
    store.add_entry("x", ContactEntry(when=dt.datetime(2026, 11, 28, 14, 30), channel="phone", said="first call"))
    store.add_entry("x", ContactEntry(when=dt.datetime(2026, 11, 29, 9, 0), channel="sms", said="a reminder"))
    store.record_agreement("x", Agreement(lender="Huabei", kind="instalments", months=12, monthly=Decimal("650"), first_due=dt.date(2026, 12, 15)))
    # Earlier versions also kept the latest agreement in agreement.json; such a file is still read.
    folder = home / "cases" / "x"
    (folder / "agreement.json").write_text(folder.joinpath("agreements.jsonl").read_text("utf-8"), "utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != ".lock"}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_every_command_refuses_a_broken_file_and_changes_nothing(run_cli, case_folder, breakage):
    name, damage, words = BREAKAGES[breakage]
    damage(case_folder / name)  # the history holds one agreement: one line, broken like the agreement
    before = _files(case_folder)
    for command, args in COMMANDS.items():
        result = run_cli(*args, "--lang", "en")
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert str(case_folder / name) in result.stderr, (command, result.stderr)
        assert words in result.stderr, (command, result.stderr)
        assert "left exactly as it was" in result.stderr, command  # the hint
        assert "Traceback" not in result.stderr
        assert result.stdout == "", command
        assert _files(case_folder) == before, command


def test_cases_lists_a_broken_case_without_hiding_the_others(run_cli, case_folder, home):
    assert run_cli("new", "--answers", str(EXAMPLES / "case-zh.json"), "--name", "y").returncode == 0
    _bad_log_line(case_folder / "log.jsonl")
    before = _files(case_folder)
    result = run_cli("cases", "--format", "json", "--lang", "en")
    assert result.returncode == 0, result.stderr
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["y"]["problem"] is None
    assert "log.jsonl, line 2: amount_promised" in rows["x"]["problem"]
    assert "needs fixing" in run_cli("cases", "--lang", "en").stdout
    assert _files(case_folder) == before


def test_messages_in_chinese_name_the_file_and_line(run_cli, case_folder):
    _bad_log_line(case_folder / "log.jsonl")
    result = run_cli("show", "x", "--lang", "zh")
    assert result.returncode == 2
    assert f"{case_folder / 'log.jsonl'} 第 2 行：amount_promised：" in result.stderr.replace(": ", "：")
    assert "沟通记录保持原样" in result.stderr


@pytest.mark.parametrize("content", [b"", b"\xff\xfe not utf-8", b"[1, 2]", b'{"schema_version": 1, "name": "x"}', b"NaN", b"[" * 100000])
def test_case_files_that_are_not_a_case(run_cli, case_folder, content):
    (case_folder / "case.json").write_bytes(content)
    result = run_cli("show", "x", "--lang", "en")
    assert result.returncode == 2, result.stderr
    assert "case.json" in result.stderr and "Traceback" not in result.stderr
    assert (case_folder / "case.json").read_bytes() == content
