"""One language per run of the command line: --lang anywhere on it, then the case's, then the
locale's; help, usage errors, messages and the commands all read it (negotiator.cli.this_run), and
every run, the wizard's included, ends through the same mapping of errors to words and exit
codes (negotiator.cli.exits)."""

from __future__ import annotations

import errno

import pytest
from conftest import EXAMPLES

from negotiator.cli import exits, this_run
from negotiator.cli.options import language
from negotiator.cli.words_typed import command_word, is_quick
from negotiator.core.errors import BadInput, Message

ZH = str(EXAMPLES / "case-zh.json")
EN = str(EXAMPLES / "case-en.json")


@pytest.mark.parametrize(
    ("args", "word"),
    [
        (["plan", "--answers", "x"], "plan"),
        (["--lang", "zh", "plan"], "plan"),
        (["--lang=zh", "log", "add"], "log"),
        (["--help"], None),
        (["--lang", "zh"], None),
        ([], None),
    ],
)
def test_the_command_a_line_names(args, word):
    assert command_word(args) == word


def test_quick_lines():
    assert is_quick(["--lang", "zh", "calc", "--amount", "1"])
    assert is_quick(["--help"]) and is_quick(["--version"])
    assert not is_quick(["new"]) and not is_quick(["--lang", "zh"]) and not is_quick(["log", "add", "x"])


def test_outside_a_run_the_locale_speaks(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert this_run.language() == "zh"
    assert language(None) == "zh"


def test_the_case_speaks_unless_lang_was_given(monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    with this_run.started(["show", "x"]):
        assert this_run.language() == "en"
        assert language(None, "zh") == "zh"
        assert this_run.language() == "zh"  # the rest of the run follows the case
    assert this_run.language() == "en"  # and the next run starts from nothing
    with this_run.started(["show", "x", "--lang", "en"]):
        assert language(None, "zh") == "en"
        assert this_run.language() == "en"
    with this_run.started(["--lang", "zh", "show", "x"]):
        assert language(None, "en") == "zh"


def test_a_message_after_the_case_opened_is_in_its_language(monkeypatch, capsys):
    monkeypatch.setenv("LANG", "C.UTF-8")

    def command() -> None:
        language(None, "zh")  # as a command does once it has read the case
        raise BadInput("errors.usage.bad_value", option="--format", problem=Message("cli.bad.format", choices="text, json"))

    assert exits.run(["log", "list", "x", "-f", "xml"], command) == 2
    assert capsys.readouterr().err.startswith("--format：")
    assert exits.run(["log", "list", "x", "-f", "xml", "--lang", "en"], command) == 2
    assert capsys.readouterr().err.startswith("--format: must be one of")


def test_how_runs_end(home, monkeypatch, capsys):
    monkeypatch.setenv("LANG", "C.UTF-8")

    def refused() -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(home / "out.txt"))

    assert exits.run(["plan"], refused) == 2
    said = capsys.readouterr().err
    assert str(home / "out.txt") in said and "Traceback" not in said

    def interrupted() -> None:
        raise KeyboardInterrupt

    assert exits.run(["plan"], interrupted) == 130
    assert exits.run(["plan"], lambda: 3) == 3
    assert exits.run(["plan"], lambda: None) == 0


def test_the_wizard_ends_as_every_command_does(run_cli, monkeypatch, home):
    """`negotiator --lang zh` starts the wizard without typer; a folder it cannot write is still one
    line naming it, in the language asked for, with exit code 2."""
    import negotiator.wizard

    def start(lang, name=None):
        raise PermissionError(errno.EACCES, "Permission denied", str(home / "drafts"))

    monkeypatch.setattr(negotiator.wizard, "start", start)
    done = run_cli("--lang", "zh", LANG="C.UTF-8")
    assert done.returncode == 2
    assert str(home / "drafts") in done.stderr and not done.stderr.isascii()
    assert "Traceback" not in done.stderr


def test_a_usage_error_is_in_the_language_asked_for(run_cli):
    done = run_cli("--lang", "zh", "plan", "--answers", EN, "--bogus", LANG="C.UTF-8")
    assert done.returncode == 2
    assert "--bogus" in done.stderr and not done.stderr.isascii()
    english = run_cli("plan", "--answers", ZH, "--bogus", "--lang", "en", LANG="zh_CN.UTF-8")
    assert english.returncode == 2 and english.stderr.isascii()


def test_the_command_list_names_every_command(run_cli):
    """The command list is built without each command's options; it still lists them all."""
    from negotiator.app import NAMES

    shown = run_cli("--help").stdout
    listed = shown.split("Commands:")[1].split()
    for name in NAMES:
        assert name in listed, name
    assert run_cli("--version").stdout.startswith("negotiator ")
