"""Saving the plan: never over a file without --force, atomic, owner-only; no escape codes in a pipe."""

from __future__ import annotations

import os
import stat
import sys

import pytest
from conftest import EXAMPLES

from negotiator.words import t

ZH = str(EXAMPLES / "case-zh.json")
EN = str(EXAMPLES / "case-en.json")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "ics"])
def test_output_file_is_created_owner_only_with_the_printed_content(run_cli, tmp_path, fmt):
    out = tmp_path / f"plan.{fmt}"
    printed = run_cli("plan", "--answers", ZH, "--format", fmt)
    saved = run_cli("plan", "--answers", ZH, "--format", fmt, "-o", str(out))
    assert saved.returncode == 0, saved.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    # run_cli reads stdout as text, which turns the calendar's CRLF into LF.
    assert out.read_bytes().replace(b"\r\n", b"\n") == printed.stdout.encode("utf-8")
    if fmt == "ics":
        assert out.read_bytes().count(b"\r\n") == out.read_bytes().count(b"\n") > 20


@pytest.mark.subprocess
def test_calendar_on_stdout_keeps_crlf(home):
    import subprocess

    from conftest import cli_env

    result = subprocess.run([sys.executable, "-m", "negotiator", "plan", "--answers", ZH, "--format", "ics"],
                            capture_output=True, env=cli_env(home), stdin=subprocess.DEVNULL, check=True)
    assert result.stdout.startswith(b"BEGIN:VCALENDAR\r\n")
    assert result.stdout.count(b"\r\n") == result.stdout.count(b"\n")


def test_existing_file_is_refused_and_left_as_it_was(run_cli, tmp_path):
    out = tmp_path / "plan.txt"
    out.write_bytes(b"my notes, not a plan\n")
    result = run_cli("plan", "--answers", EN, "-o", str(out))
    assert result.returncode == 2
    assert str(out) in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_bytes() == b"my notes, not a plan\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "plan.txt"]


def test_force_replaces_the_file(run_cli, tmp_path):
    out = tmp_path / "plan.txt"
    out.write_text("old\n")
    os.chmod(out, 0o644)
    result = run_cli("plan", "--answers", EN, "-o", str(out), "--force")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith(t("en", "render.document.title"))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_no_escape_codes_when_stdout_is_not_a_terminal(run_cli, fmt):
    # Even with colour allowed and a colour terminal named, a pipe gets plain text.
    result = run_cli("plan", "--answers", ZH, "--format", fmt, NO_COLOR="", TERM="xterm-256color", FORCE_COLOR="")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
    assert "╭" not in result.stdout  # the rich view is for terminals only


def test_plain_flag_gives_the_text_form(run_cli):
    plain = run_cli("plan", "--answers", ZH, "--plain")
    text = run_cli("plan", "--answers", ZH, "--format", "text")
    assert plain.returncode == 0 and plain.stdout == text.stdout


@pytest.mark.subprocess
def test_a_real_terminal_gets_the_rich_view_and_plain_gets_text(home):
    pexpect = pytest.importorskip("pexpect")
    from conftest import cli_env

    env = cli_env(home)
    shown = {}
    for name, extra in (("rich", []), ("plain", ["--plain"])):
        child = pexpect.spawn(sys.executable, ["-m", "negotiator", "plan", "--answers", ZH, *extra], env=env, encoding="utf-8",
                              dimensions=(40, 80), timeout=30)
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
        shown[name] = child.before
    assert "╭" in shown["rich"] and "\x1b[3" not in shown["rich"]  # panels; NO_COLOR=1 in the pinned env
    assert "╭" not in shown["plain"] and "\x1b" not in shown["plain"] and "=====" in shown["plain"]


def run_in_process(args, capsys):
    from negotiator import start

    with pytest.raises(SystemExit) as ended:
        start.main(args)
    return ended.value.code, capsys.readouterr()


def test_a_write_failing_midway_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, capsys):
    out = tmp_path / "plan.txt"
    out.write_text("the plan saved last week\n", encoding="utf-8")
    real_write = os.write

    def disk_full(fd, data):
        """Writes half of what it is given to a file in tmp_path, then fails, as a full disk would."""
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(tmp_path)):
            real_write(fd, bytes(data)[: len(data) // 2])
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", disk_full)
    code, streams = run_in_process(["plan", "--answers", EN, "-o", str(out), "--force"], capsys)
    assert code == 2
    assert "No space left on device" in streams.err and "could not be saved" in streams.err
    assert "Traceback" not in streams.err
    assert out.read_text(encoding="utf-8") == "the plan saved last week\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt"]


def test_a_crash_before_the_rename_leaves_no_half_file(tmp_path, monkeypatch, capsys):
    out = tmp_path / "new-plan.txt"

    def fail(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "link", fail)
    code, streams = run_in_process(["plan", "--answers", ZH, "-o", str(out)], capsys)
    assert code == 2 and "Traceback" not in streams.err
    assert list(tmp_path.iterdir()) == []


def test_new_file_placed_without_hard_links(tmp_path, monkeypatch):
    """On a folder with no hard links (a FAT USB stick) a new file is still written, and an
    existing one still refused."""
    import errno

    from negotiator.core.files import FileExists, atomic_write

    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "plan.txt"
    atomic_write(target, "first")
    assert target.read_text() == "first"
    assert (target.stat().st_mode & 0o777) == 0o600
    with pytest.raises(FileExists):
        atomic_write(target, "second")
    assert target.read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.txt"]


def test_plan_refuses_both_answers_and_case(run_cli):
    result = run_cli("plan", "--answers", str(EXAMPLES / "case-en.json"), "--case", "x", "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.startswith("--case:")
