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
from negotiator.core.errors import BadInput, Message

ZH = str(EXAMPLES / "case-zh.json")
EN = str(EXAMPLES / "case-en.json")


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
    """`negotiator --lang zh` starts the wizard; a folder it cannot write is one line naming it, in
    the language asked for, with exit code 2."""
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
    import typer.main

    from negotiator.app import app

    names = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    shown = run_cli("--help").stdout
    listed = shown.split("Commands:")[1].split()
    assert len(names) > 15
    for name in names:
        assert name in listed, name
    assert run_cli("--version").stdout.startswith("negotiator ")


# ---- what reaches a command --------------------------------------------------------------------


def reached(monkeypatch, run_cli, *args: str) -> tuple[int, list[tuple[str, tuple, dict, str]]]:
    """The exit code of `args` (its error output in `reached.said`), and what the commands it ran were called with (the commands stood
    in for), with the run's language at that moment."""
    from negotiator.commands import calc, offer, plan

    calls: list[tuple[str, tuple, dict, str]] = []
    for module in (plan, calc, offer):
        name = module.__name__.rpartition(".")[2]
        monkeypatch.setattr(module, "run", lambda *a, _n=name, **k: calls.append((_n, a, k, this_run.language())))
    done = run_cli(*args, LANG="C.UTF-8")
    reached.said = done.stderr  # type: ignore[attr-defined]
    return done.returncode, calls


def test_a_plan_line_reaches_the_command_with_its_values(monkeypatch, run_cli):
    from pathlib import Path

    code, calls = reached(monkeypatch, run_cli, "plan", "-a", "a.json", "-f", "json", "--plain", "--lang", "zh", "-o", "out.txt", "--force")
    assert code == 0
    assert calls == [("plan", (), {"answers": Path("a.json"), "case_name": None, "fmt": "json", "lang": "zh", "output": "out.txt",
                                   "force": True, "plain": True}, "zh")]


@pytest.mark.parametrize("args", [("--lang", "zh", "show", "my-case", "--format", "md"), ("show", "my-case", "--lang", "zh", "--format", "md")],
                         ids=" ".join)
def test_lang_before_or_after_the_command_is_the_runs_language(monkeypatch, run_cli, args):
    code, calls = reached(monkeypatch, run_cli, *args)
    assert code == 0 and len(calls) == 1
    name, _, values, spoken = calls[0]
    assert (name, values["case_name"], values["fmt"], spoken) == ("plan", "my-case", "md", "zh")
    assert values["lang"] in (None, "zh")  # before the command, the run carries it


def test_calc_and_offer_receive_what_was_typed(monkeypatch, run_cli):
    code, calls = reached(monkeypatch, run_cli, "calc", "--amount", "1.2万", "--months", "12", "--annual-rate-percent", "18", "--budget", "800")
    assert code == 0
    assert calls == [("calc", (), {"amount": "1.2万", "months": "12", "method": "annuity", "rate": "18", "fee": None, "budget": "800",
                                   "fmt": "text", "start": None, "lang": "en"}, "en")]
    code, calls = reached(monkeypatch, run_cli, "offer", "my-case", "600 a month for 24 months", "--lender", "Huabei")
    assert code == 0
    assert calls == [("offer", ("my-case", "600 a month for 24 months", "Huabei", "text", None), {}, "en")]


@pytest.mark.parametrize("args", [("calc", "--amount", "5"), ("plan", "--bogus"), ("show",), ("plan", "--answers")], ids=" ".join)
def test_a_line_typed_wrongly_reaches_no_command(monkeypatch, run_cli, args):
    code, calls = reached(monkeypatch, run_cli, "--lang", "zh", *args)
    assert code == 2 and calls == []
    assert "Traceback" not in reached.said and not reached.said.isascii()  # said in Chinese
