"""A plain line of `plan`, `show`, `calc` or `offer` is read without typer (negotiator.direct).
It must reach each command exactly as typer would have brought it there: the options are those
the command line declares, and on any line direct reads, both give the command the same values."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st

from negotiator import direct


def declared(name: str) -> tuple[tuple[str, ...], set[tuple[Any, ...]]]:
    """The words and options `cli` declares for a command, as click has them."""
    import typer.main

    from negotiator import app as cli

    command = typer.main.get_command(cli.app).commands[name]
    words = tuple(p.name for p in command.params if p.param_type_name == "argument")
    options = {
        (tuple(p.opts + p.secondary_opts), p.name, direct.REQUIRED if p.required else p.default, bool(p.is_flag))
        for p in command.params
        if p.param_type_name == "option"
    }
    return words, options


@pytest.mark.parametrize("name", sorted(direct.COMMANDS))
def test_the_options_are_those_the_command_line_declares(name):
    command = direct.COMMANDS[name]
    words, options = declared(name)
    assert command.words == words
    assert {(o.names, o.param, o.default, o.switch) for o in command.options} == options


def test_a_change_in_the_command_line_would_be_seen():
    """The comparison above sees a default that differs."""
    _, options = declared("calc")
    assert (("--method",), "method", "annuity", False) in options
    assert (("--method",), "method", "equal_principal", False) not in options


# ---- the same values either way ------------------------------------------------------------

VALUES = ["x", "", "zh", "en", "json", "text", "md", "12000", "1.2万", "-5", "a b", "--", "-", "--help", "-h", "--force"]
OTHERS = ["--format=json", "--bogus", "-fjson", "--version", "plan", "show"]


@st.composite
def lines(draw: st.DrawFn) -> list[str]:
    """Mostly the command's own options with a value each, in any order, sometimes repeated,
    sometimes with a stray token: so that many lines are plain and many are not."""
    name = draw(st.sampled_from(sorted(direct.COMMANDS)))
    command = direct.COMMANDS[name]
    typed: list[str] = [draw(st.sampled_from(VALUES[:10])) for _ in command.words]
    required = [o for o in command.options if o.default is direct.REQUIRED]
    for option in required + draw(st.lists(st.sampled_from(command.options), max_size=6)):
        typed += [draw(st.sampled_from(option.names))] + ([] if option.switch else [draw(st.sampled_from(VALUES))])
    if draw(st.booleans()):
        typed.insert(draw(st.integers(0, len(typed))), draw(st.sampled_from(VALUES + OTHERS)))
    typed = draw(st.permutations(typed))
    before = draw(st.sampled_from([[], ["--lang", "zh"], ["--lang", "en"], ["--lang", "fr"]]))
    return [*before, name, *typed]


Reached = tuple[int, list[tuple[str, tuple[Any, ...], dict[str, Any]]]]


def reached(monkeypatch, how, args: list[str]) -> Reached:
    """The exit code and what the commands were called with when `how` ran `args` (the commands
    stood in for)."""
    from negotiator.commands import calc, offer, plan

    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    for module in (plan, calc, offer):
        monkeypatch.setattr(module, "run", lambda *a, _m=module.__name__, **k: calls.append((_m, a, k)))
    return how(args), calls


def by_typer(args: list[str]) -> int:
    from negotiator import app as cli

    return cli.run(args)


def by_direct(args: list[str]) -> int:
    from negotiator.cli import exits

    found = direct.read(args)
    assert found is not None
    command, values = found
    return exits.run(args, lambda: command.body(values))


@given(lines())
def test_a_plain_line_reaches_the_command_as_typer_would_bring_it(args):
    if direct.read(args) is None:
        return  # typer's to read
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert reached(monkeypatch, by_direct, args) == reached(monkeypatch, by_typer, args)


def test_the_lines_tried_are_often_plain():
    """The property above compares something: a good share of the lines it tries are plain."""
    from hypothesis import find

    for name in direct.COMMANDS:
        find(lines(), lambda a, name=name: a[2 if a[0] == "--lang" else 0] == name and direct.read(a) is not None and len(a) > 6)


@pytest.mark.parametrize("args", [
    ["plan", "--answers", "a.json"],
    ["plan", "-a", "a.json", "-f", "json", "--plain", "--lang", "zh", "-o", "out.txt", "--force"],
    ["--lang", "zh", "show", "my-case", "--format", "md"],
    ["show", "--plain", "my-case"],
    ["calc", "--amount", "12000", "--months", "12", "--annual-rate-percent", "18", "--budget", "800"],
    ["offer", "my-case", "600 a month for 24 months", "--lender", "Huabei"],
], ids=" ".join)
def test_worked_lines_are_read_and_reach_the_command_alike(monkeypatch, args):
    assert direct.read(args) is not None
    code, calls = reached(monkeypatch, by_direct, args)
    assert code == 0 and calls
    assert reached(monkeypatch, by_typer, args) == (code, calls)


@pytest.mark.parametrize("args", [
    [], ["--help"], ["plan", "--help"], ["plan", "-h"], ["--version"], ["plan", "--format=json"], ["plan", "--bogus"],
    ["plan", "-f", "json", "-f", "text"], ["plan", "--answers"], ["plan", "--answers", "--plain"], ["plan", "extra"],
    ["show"], ["show", "a", "b"], ["calc", "--amount", "5"], ["calc", "--amount", "-5", "--months", "3"],
    ["--lang", "fr", "plan"], ["--lang"], ["cases"], ["log", "list", "x"], ["plan", "--", "x"], ["plan", "-fjson"],
], ids=lambda a: " ".join(a) or "(nothing)")
def test_any_other_line_is_left_to_typer(args):
    assert direct.read(args) is None


@given(st.lists(st.text(max_size=6), max_size=8))
def test_any_line_is_read_or_declined_never_refused(args):
    found = direct.read(args)
    assert found is None or found[0] in direct.COMMANDS.values()


def test_a_plain_plan_prints_as_before(run_cli):
    """Through the real entry point: the direct plan and the one typer reads print the same."""
    plain = run_cli("plan", "--answers", str(EXAMPLES / "case-zh.json"), "--format", "json")
    through_typer = run_cli("plan", f"--answers={EXAMPLES / 'case-zh.json'}", "--format", "json")
    assert plain.returncode == through_typer.returncode == 0
    assert plain.stdout == through_typer.stdout and plain.stdout
