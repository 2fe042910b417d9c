"""Help follows --lang, whatever the locale: typer shows help before it reads the other options,
so the language is read from the command line first."""

from __future__ import annotations

import pytest

ENGLISH = ("Usage:", "Options:", "Show this message and exit.", "The answers file")


@pytest.mark.parametrize("args", [("--lang", "zh", "--help"), ("plan", "--lang", "zh", "--help"), ("calc", "--help", "--lang=zh"), ("log", "add", "--lang", "zh", "-h")], ids=" ".join)
def test_lang_zh_help_is_chinese_under_an_english_locale(run_cli, args):
    done = run_cli(*args, LANG="C")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("用法：negotiator")
    assert "显示此帮助并退出。" in done.stdout
    assert not [word for word in ENGLISH if word in done.stdout]


def test_every_help_text_of_the_plan_page_is_in_chinese(run_cli):
    done = run_cli("--lang", "zh", "plan", "--help", LANG="C")
    assert "答案文件" in done.stdout
    assert "根据答案文件生成完整计划" in run_cli("--lang", "zh", "--help", LANG="C").stdout  # the command list too


@pytest.mark.parametrize("args", [("--lang", "en", "--help"), ("plan", "--lang", "en", "-h")], ids=" ".join)
def test_lang_en_help_is_english_under_a_chinese_locale(run_cli, args):
    done = run_cli(*args, LANG="zh_CN.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: negotiator")
    assert "Show this message and exit." in done.stdout
    assert not [ch for ch in done.stdout if "\u4e00" <= ch <= "\u9fff"]


def test_one_run_does_not_set_the_next_ones_language(run_cli):
    assert run_cli("--lang", "zh", "--help", LANG="C").stdout.startswith("用法：")
    assert run_cli("--help", LANG="C").stdout.startswith("Usage: ")
    assert run_cli("--help", LANG="zh_CN.UTF-8").stdout.startswith("用法：")


@pytest.mark.subprocess
def test_in_a_real_process_too(run_cli):
    assert run_cli("--lang", "zh", "--help", LANG="C").stdout.startswith("用法：negotiator")
    assert run_cli("--lang", "en", "--help", LANG="zh_CN.UTF-8").stdout.startswith("Usage: negotiator")


def command_paths() -> list[tuple[str, ...]]:
    """Every command and group of the app, as typed: (), ("plan",), ("log",), ("log", "add"), ..."""
    import typer.main

    from negotiator.app import app

    paths: list[tuple[str, ...]] = []

    def walk(command, path: tuple[str, ...]) -> None:
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return paths


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_help_page_shows_a_word_key(run_cli, lang):
    """Help texts are word keys until the page is shown: a command or group added without the
    help page classes of help_page would show `cli.something` instead of a sentence."""
    import re

    paths = command_paths()
    assert ("log", "add") in paths and ("calc",) in paths
    for path in paths:
        done = run_cli("--lang", lang, *path, "--help")
        assert done.returncode == 0, (path, done.stderr)
        assert not re.search(r"\bcli\.[a-z_]+\.", done.stdout), (path, done.stdout)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_command_list_shows_every_summary_whole_at_100_columns(run_cli, lang):
    from negotiator import words

    page = run_cli("--lang", lang, "--help", COLUMNS="100").stdout
    summaries = {key.removesuffix(".summary"): text for key, text in words.table(lang, "cli").items() if key.endswith(".summary")}
    assert len(summaries) == 17
    for command, summary in summaries.items():
        assert f"  {command:<11}{summary}\n" in page, command
    assert "..." not in page.split("\n", 1)[1]  # the usage line's [ARGS]... is not a cut


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_at_60_columns_a_summary_wraps_under_itself(run_cli, lang):
    from negotiator.render.table import width

    page = run_cli("--lang", lang, "--help", COLUMNS="60").stdout
    listed = page.split("\n\n")[-1].splitlines()[1:]
    assert all(width(line) < 60 for line in page.splitlines())
    assert any(line.startswith(" " * 13) and line.strip() for line in listed)  # a summary's second line
    assert not [line for line in page.splitlines() if line.lstrip().startswith(tuple("。，、）"))]


@pytest.mark.parametrize("args", [("--lang", "fr", "cases"), ("cases", "--lang", "fr"), ("--lang", "fr", "show", "c"),
                                  ("show", "c", "--lang=fr"), ("--lang", "fr"), ("--lang", "fr", "--help")], ids=" ".join)
def test_an_unknown_language_is_refused_wherever_it_stands(run_cli, args):
    done = run_cli(*args, LANG="C")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "--lang: must be zh or en\n"
