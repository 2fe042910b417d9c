"""Case commands speak the case's language unless --lang says otherwise, whatever the locale;
`log add` asks as the wizard asks, and its errors are whole sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, sentence
from test_wizard_terminal import ENTER, Screen

from negotiator.words import t

ZH = str(EXAMPLES / "case-zh.json")
AGREE = ("--kind", "instalments", "--months", "12", "--monthly", "650", "--first-due", "2099-05-01")


def test_a_case_saved_from_a_chinese_file_is_reported_in_chinese(run_cli) -> None:
    done = run_cli("new", "--answers", ZH, "--name", "zh")  # the locale is English (LANG=C.UTF-8)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("已将档案 zh 保存在")
    english = run_cli("new", "--answers", ZH, "--name", "zh2", "--lang", "en")
    assert sentence("en", "store.new.saved", name="zh2").match(english.stdout)
    taken = run_cli("new", "--answers", ZH, "--name", "zh", "--lang", "en")
    assert taken.returncode == 2 and "zh" in taken.stderr


def test_agree_on_a_chinese_case_answers_in_chinese(run_cli) -> None:
    assert run_cli("new", "--answers", ZH, "--name", "zh").returncode == 0
    done = run_cli("agree", "zh", *AGREE)  # the locale is English (LANG=C.UTF-8)
    assert done.returncode == 0, done.stderr
    assert "已记录" in done.stdout
    english = run_cli("agree", "zh", *AGREE, "--lang", "en")
    assert "Recorded" in english.stdout


def test_log_and_cases_follow_the_case(run_cli) -> None:
    assert run_cli("new", "--answers", ZH, "--name", "zh").returncode == 0
    added = run_cli("log", "add", "zh", "--channel", "phone", "--when", "昨天 15:00", "--next-date", "下周一")
    assert added.returncode == 0, added.stderr
    assert "已添加" in added.stdout
    assert "电话" in run_cli("log", "list", "zh").stdout
    assert "档案" in run_cli("cases").stdout
    bad = run_cli("log", "add", "zh", "--channel", "phone", "--when", "不久前")
    assert bad.returncode == 2
    assert bad.stderr.startswith("--when：") and bad.stderr.strip().endswith("。")


def test_a_month_alone_is_not_a_follow_up_day(run_cli) -> None:
    assert run_cli("new", "--answers", ZH, "--name", "zh").returncode == 0
    bad = run_cli("log", "add", "zh", "--channel", "phone", "--next-date", "12月", "--lang", "en")
    assert bad.returncode == 2 and f"--next-date: {t('en', 'values.date.day_needed')}" in bad.stderr


@pytest.mark.subprocess
def test_log_add_asks_in_chinese_in_the_wizards_style(run_here, home: Path, tmp_path: Path) -> None:
    assert run_here("new", "--answers", ZH, "--name", "zh").returncode == 0
    screen = Screen(home, tmp_path, "log", "add", "zh")
    screen.wait("› 是什么时候？")
    screen.wait(r"现在（\d{4}-")
    screen.child.send("昨天 15:00" + ENTER)
    screen.answer("› 是通过什么方式联系的？", ENTER)  # phone
    screen.answer("› 是谁先联系的？", ENTER)  # they contacted me
    screen.wait("› 是关于哪一家机构的？")
    screen.child.send(ENTER)
    for _ in range(5):
        screen.child.send(ENTER)
    screen.answer("› 什么时候跟进？", "下周一" + ENTER)
    screen.answer("› 催收有没有越界？", ENTER)  # nothing to mark
    screen.wait("› 催收有没有越界？ 都没有")  # said in Chinese, not questionary's English "done"
    screen.wait("已添加")
    assert screen.finish() == 0
    listed = run_here("log", "list", "zh", "--format", "json").stdout
    assert '"channel": "phone"' in listed and "15:00" in listed and '"started_by": "them"' in listed


def test_help_follows_lang_whatever_the_locale(run_cli) -> None:
    assert run_cli("--lang", "zh", "--help").stdout.startswith("用法：")
    assert run_cli("calc", "--help", "--lang", "zh").stdout.startswith("用法：")


def test_lang_before_the_command_is_followed_too(run_cli, home: Path) -> None:
    # `negotiator --lang zh plan ...`: the option stands before the command, whose own --lang is unset.
    refused = run_cli("--lang", "zh", "plan", "--answers", "missing.json", LANG="C.UTF-8")
    assert refused.returncode == 2 and "找不到这个文件" in refused.stderr
    assert run_cli("new", "--answers", ZH, "--name", "zh").returncode == 0
    shown = run_cli("--lang", "en", "show", "zh", LANG="zh_CN.UTF-8")
    assert shown.returncode == 0 and shown.stdout.startswith(t("en", "render.document.title"))
    # The next run without --lang speaks the case's own language again.
    assert run_cli("show", "zh", LANG="C.UTF-8").stdout.startswith("您的协商还款计划")
