"""Exit codes (0 done, 1 unexpected, 2 bad input or usage, 130 interrupted; 1 and 130 are in
test_crash.py) and what the quick, non-interactive paths load: never the wizard's libraries."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES, cli_env

from negotiator import __version__

EXAMPLE = str(EXAMPLES / "case-en.json")
CALC = ("calc", "--amount", "12000", "--months", "24", "--method", "annuity", "--annual-rate-percent", "18", "--format", "text")


@pytest.mark.parametrize(
    "args",
    [("--help",), ("-h",), ("plan", "--help"), ("calc", "--help"), ("schema",), CALC, ("plan", "--answers", EXAMPLE, "--format", "json")],
    ids=" ".join,
)
def test_done_is_0(run_cli, args):
    done = run_cli(*args)
    assert done.returncode == 0, done.stderr
    assert done.stdout
    assert done.stderr == ""


def test_version(run_cli):
    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"negotiator {__version__}"


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--bogus",), "--bogus"),
        (("calc", "--months", "12"), "--amount"),  # a required option left out
        (("calc", "--amount", "12000"), "--months"),
        (("calc", "--amount", "12000", "--months", "12", "--colour", "red"), "--colour"),
        (("calc", "--amount"), "--amount"),  # an option without its value
        (("plan", "--answers", EXAMPLE, "--format", "pdf"), "--format"),
        (("plan", "--answers", EXAMPLE, "--lang", "fr"), "--lang"),
        (("plan",), "--answers"),
        (("plann", "--answers", EXAMPLE), "plann"),  # a misspelt command
    ],
    ids=lambda a: " ".join(a) if isinstance(a, tuple) else a,
)
def test_usage_errors_are_2_and_name_the_option(run_cli, args, named):
    done = run_cli(*args)
    assert done.returncode == 2, done.stderr
    assert named in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) <= 5
    assert done.stdout == ""


ENGLISH_FRAME = ("Usage:", "Options:", "Commands:", "Arguments:", "Show this message and exit.", "[default:", "[required]", "Error:", "Try '", "No such", "Missing", "requires")


@pytest.mark.parametrize("args", [("--help",), ("plan", "-h"), ("calc", "-h"), ("log", "add", "-h")], ids=" ".join)
def test_help_pages_are_all_chinese_for_a_chinese_locale(run_cli, args):
    done = run_cli(*args, LANG="zh_CN.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("用法：negotiator")
    assert "显示此帮助并退出。" in done.stdout
    assert "选项：" in done.stdout
    assert not [word for word in ENGLISH_FRAME if word in done.stdout]


def test_help_pages_in_english_keep_their_frame(run_cli):
    done = run_cli("plan", "-h")
    assert done.stdout.startswith("Usage: negotiator plan [OPTIONS]")
    assert "Options:" in done.stdout and "Show this message and exit." in done.stdout
    assert re.search(r"\[default:\s+text\]", done.stdout)


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (("plan", "--frmat", "json"), "没有 --frmat 这个选项。您是不是想输入：--format？", "there is no option --frmat. Did you mean: --format?"),
        (("calc", "--months", "12"), "需要提供 --amount。", "--amount is needed."),
        (("calc", "--amount"), "--amount 后面需要跟一个值。", "--amount needs a value after it."),
        (("plan", "--force=yes"), "--force 是一个开关，后面不用跟值。", "--force is a switch and takes no value."),
        (("plann",), "没有 'plann' 这个命令。", "there is no command 'plann'."),
        (("log", "ad", "x"), "没有 'ad' 这个命令。可用的命令有：add, list。", "there is no command 'ad'. The commands are: add, list."),
        (("show", "my", "case"), "多出来的内容不知道放在哪里：case。", "there is no place for: case."),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, tuple) else "",
)
def test_usage_errors_speak_the_persons_language(run_cli, args, zh, en):
    chinese = run_cli(*args, LANG="zh_CN.UTF-8")
    assert chinese.returncode == 2
    assert zh in chinese.stderr
    assert not [word for word in ENGLISH_FRAME if word in chinese.stderr]
    english = run_cli(*args)
    assert english.returncode == 2
    assert f"Error: {en}" in english.stderr
    # --lang is honoured even though typer stopped before reading it.
    assert zh in run_cli("--lang", "zh", *args).stderr


# ---- what the quick paths import --------------------------------------------------------------

HEAVY = ("questionary", "prompt_toolkit", "rich")


def packages(importtime_log: str) -> set[str]:
    """Top-level package names in a `python -X importtime` log."""
    names = set()
    for line in importtime_log.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)", line)
        if match:
            names.add(match.group(1).split(".")[0])
    return names


def imported(run_cli, *args: str) -> set[str]:
    """What the command imported; PYTHONPROFILEIMPORTTIME is `-X importtime` for a subprocess."""
    done = run_cli(*args, PYTHONPROFILEIMPORTTIME="1")
    assert done.returncode == 0, done.stderr[-2000:]
    names = packages(done.stderr)
    assert "negotiator" in names  # the log was there to read
    return names


def text_form() -> str:
    return "text" if importlib.util.find_spec("negotiator.render.text") else "json"


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("calc", "--help"),
        CALC,
        ("calc", "--amount", "1.2万", "--months", "12", "--method", "flat_fee", "--fee-percent", "0.6", "--format", "json", "--lang", "zh"),
        ("plan", "--answers", EXAMPLE, "--format", "FORM"),
        ("plan", "--answers", str(EXAMPLES / "case-zh.json"), "--format", "FORM"),
        ("plan", "--answers", EXAMPLE, "--format", "json"),
    ],
    ids=lambda a: " ".join(a[:3]),
)
@pytest.mark.subprocess
def test_quick_paths_do_not_load_the_wizard_or_rich(run_cli, args):
    args = tuple(text_form() if a == "FORM" else a for a in args)
    heavy = imported(run_cli, *args) & set(HEAVY)
    assert heavy == set(), f"{' '.join(args)} imported {sorted(heavy)}"


@pytest.mark.subprocess
def test_the_import_check_can_fail(home):
    """A process that does load rich is seen to, so the test above means something."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import rich.console"], capture_output=True, text=True, timeout=60, env=cli_env(home))
    assert "rich" in packages(done.stderr)


def test_the_quick_width_agrees_with_wcwidth():
    """calc sizes Chinese table cells without loading wcwidth; where it does, it must agree."""
    from wcwidth import wcswidth

    from negotiator.render.table import _simple_width, width

    for code in range(0x20, 0x30000):
        ch = chr(code)
        quick = _simple_width(ch)
        if quick is not None:
            assert quick == wcswidth(ch), hex(code)
    for text in ("月供（首期）", "等额本息：12,000.00，24 期", "¥１２", "e\u0301", "👍🏽", "👨‍👩‍👧", "한국어", "🇨🇳"):
        expected = wcswidth(text)
        assert width(text) == (expected if expected >= 0 else len(text)), text


@pytest.mark.parametrize(
    ("args", "lang"),
    [(["--lang", "zh", "plann"], "zh"), (["plan", "--lang=EN", "--x"], "en"), (["plan", "--lang"], None), (["plan", "--lang", "fr"], None), ([], None)],
)
def test_the_language_asked_for_is_read_before_typer(args, lang):
    from negotiator.cli.this_run import language_asked

    assert language_asked(args) == lang
