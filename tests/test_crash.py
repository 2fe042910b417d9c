"""An unexpected error anywhere: one short line saying where the full report is, exit code 1, the
report (with the traceback) in the data folder readable by its owner only, and nothing the user
saved touched. Interrupts end with 130, and a reader closing the pipe is not an error."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, cli_env, run_in_process

from negotiator.words import t

EXAMPLE = str(EXAMPLES / "case-en.json")

def run_broken(home: Path, how: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real entry point, in this process (conftest.run_in_process), with the planning engine
    replaced by one that fails in `how`."""
    import negotiator.plan

    def broken(*args, **kwargs):
        exec(how)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(negotiator.plan, "plan_numbers", broken)
        return run_in_process(args or ("plan", "--answers", EXAMPLE, "--format", "json"), cli_env(home, **env))


def test_unexpected_error_writes_a_private_report(home):
    draft = home / "drafts" / "draft.json"  # stands for anything the user already saved
    draft.parent.mkdir()
    draft.write_text('{"kept": true}', encoding="utf-8")

    done = run_broken(home, "raise RuntimeError('engine fell over')")

    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    reports = list((home / "logs").glob("*.log"))
    assert len(reports) == 1
    assert str(reports[0]) in lines[0]
    report = reports[0].read_text(encoding="utf-8")
    assert "Traceback" in report and "RuntimeError: engine fell over" in report
    assert stat.S_IMODE(reports[0].stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "logs").stat().st_mode) == 0o700
    assert draft.read_text(encoding="utf-8") == '{"kept": true}'


@pytest.mark.parametrize(
    ("args", "locale"),
    [
        (("plan", "--answers", str(EXAMPLES / "case-zh.json")), "zh_CN.UTF-8"),
        (("plan", "--answers", EXAMPLE, "--lang", "zh"), "C.UTF-8"),  # --lang first, then the case's
    ],
    ids=["locale", "lang"],
)
def test_the_line_is_in_the_users_language(home, args, locale):
    done = run_broken(home, "raise RuntimeError('x')", *args, LANG=locale)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert not done.stderr.isascii()  # the Chinese sentence


def test_report_folder_unwritable_still_one_line(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    done = run_broken(blocked, "raise RuntimeError('engine fell over')")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == ["RuntimeError: engine fell over"]


@pytest.mark.parametrize(
    "how",
    ["raise KeyboardInterrupt", "from negotiator.core.errors import Interrupted; raise Interrupted('')"],
    ids=["ctrl-c", "interrupted"],
)
def test_interrupt_exits_130_without_a_traceback(home, how):
    done = run_broken(home, how)
    assert done.returncode == 130
    assert "Traceback" not in done.stderr
    assert not (home / "logs").exists()


def test_bad_input_raised_deep_inside_is_still_exit_2(home):
    done = run_broken(home, "from negotiator.core.errors import BadInput, Message; "
                            "raise BadInput('problems.field', field='debts[0].principal', problem=Message('errors.field.money_negative'))")
    assert done.returncode == 2
    assert done.stderr.strip() == "debts[0].principal: " + t("en", "errors.field.money_negative")
    assert not (home / "logs").exists()


@pytest.mark.subprocess
def test_reader_closing_the_pipe_is_not_an_error(home):
    """`negotiator plan ... | head`: the reader leaves early; no traceback, no crash report."""
    writer = subprocess.Popen(
        [sys.executable, "-m", "negotiator", "plan", "--answers", EXAMPLE, "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=cli_env(home),
    )
    assert writer.stdout is not None and writer.stderr is not None
    writer.stdout.read(5)
    writer.stdout.close()
    err = writer.stderr.read().decode("utf-8", "replace")
    assert writer.wait(timeout=60) == 0
    assert "Traceback" not in err
    assert not (home / "logs").exists()


def test_main_called_with_a_command_line_leaves_the_collector_as_it_was(home, monkeypatch):
    """The objects start-up made are frozen only when the process ends (`negotiator` itself); a
    caller that passes its own command line and carries on keeps them collectable."""
    import gc

    from negotiator.start import main

    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    frozen = gc.get_freeze_count()
    with pytest.raises(SystemExit) as done:
        main(["calc", "--amount", "12000", "--months", "3", "--annual-rate-percent", "18"])
    assert done.value.code == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen


@pytest.mark.subprocess
def test_pydantic_plugins_are_never_loaded(home, tmp_path):
    """A pydantic plugin would see every amount negotiator validates; none may load."""
    site = tmp_path / "site"
    (site / "spy-1.0.dist-info").mkdir(parents=True)
    (site / "spy-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: spy\nVersion: 1.0\n")
    (site / "spy-1.0.dist-info" / "entry_points.txt").write_text("[pydantic]\nspy = spy:plugin\n")
    seen = tmp_path / "seen"
    (site / "spy.py").write_text(f"open({str(seen)!r}, 'w').close()\nplugin = object()\n")
    env = cli_env(home)
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")])
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)

    # The spy is found and loaded by pydantic when nothing turns plugins off...
    probe = "from pydantic.plugin._loader import get_plugins; list(get_plugins())"
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, timeout=60)
    assert seen.exists()
    seen.unlink()
    # ...and never by negotiator.
    done = subprocess.run(
        [sys.executable, "-m", "negotiator", "plan", "--answers", EXAMPLE, "--format", "json"],
        env=env, capture_output=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert not seen.exists()
