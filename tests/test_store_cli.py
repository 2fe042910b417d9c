"""The case commands end to end, as a person runs them: new, cases, log add/list, agree, show."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from conftest import EXAMPLES, cli_env, sentence

from negotiator.words import t

ANSWERS = str(EXAMPLES / "case-en.json")


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_new_then_cases_lists_it_with_its_next_follow_up(run_cli):
    ok(run_cli("new", "--answers", ANSWERS, "--name", "x", "--lang", "en"))
    listed = json.loads(ok(run_cli("cases", "--format", "json")))
    assert [row["name"] for row in listed] == ["x"]
    # No contact yet: the call is due a week after the plan's date.
    assert listed[0]["next_follow_up"] == "2026-12-05" and listed[0]["problem"] is None
    # A follow-up already past is still the next one, and is said to be owed.
    assert listed[0]["follow_up_overdue"] is (dt.date(2026, 12, 5) < dt.date.today())
    assert listed[0]["lenders"] == ["Huabei", "China Merchants Bank credit card", "Online lender"]
    ok(run_cli("log", "add", "x", "--channel", "phone", "--next-date", "2099-03-04"))
    ok(run_cli("agree", "x", "--kind", "instalments", "--months", "12", "--monthly", "650", "--first-due", "2099-05-01"))
    row = json.loads(ok(run_cli("cases", "--format", "json")))[0]
    assert row["next_follow_up"] == "2099-03-04" and row["follow_up_overdue"] is False
    assert row["contacts"] == 1 and row["agreement"] is True
    ok(run_cli("log", "add", "x", "--channel", "sms", "--when", "2099-01-01T08:00", "--next-date", "2099-06-01"))
    row = json.loads(ok(run_cli("cases", "--format", "json")))[0]
    assert row["next_follow_up"] == "2099-05-01"  # the first payment now comes before the follow-up call
    text = ok(run_cli("cases", "--lang", "en"))
    assert "Next follow-up" in text and "2099-05-01" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_follow_up_already_past_is_said_to_be_owed(lang):
    from negotiator.render.case_list import as_text

    row = {"name": "x", "last_change": "2026-12-01T10:00:00", "problem": None, "status": None, "next_payment": None,
           "postures": {}, "next_follow_up": "2026-12-05"}
    owed = t(lang, "store.cases.follow_up_overdue", date="2026-12-05")
    assert owed in " ".join(as_text([row | {"follow_up_overdue": True}], lang).split())
    assert owed not in " ".join(as_text([row | {"follow_up_overdue": False}], lang).split())


def test_no_cases_yet(run_cli):
    assert json.loads(ok(run_cli("cases", "--format", "json"))) == []
    assert t("en", "store.cases.none") in ok(run_cli("cases", "--lang", "en"))


def test_new_needs_a_name_and_refuses_a_taken_one(run_cli, home):
    result = run_cli("new", "--answers", ANSWERS, "--lang", "en")
    assert result.returncode == 2 and "--name" in result.stderr
    ok(run_cli("new", "--answers", ANSWERS, "--name", "x"))
    before = (home / "cases" / "x" / "case.json").read_bytes()
    result = run_cli("new", "--answers", str(EXAMPLES / "case-zh.json"), "--name", "x", "--lang", "zh")
    assert result.returncode == 2 and "x" in result.stderr and "已存在" in result.stderr
    assert (home / "cases" / "x" / "case.json").read_bytes() == before


def test_new_refuses_a_bad_answers_file_and_saves_nothing(run_cli, home, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"language": "en"}', "utf-8")
    result = run_cli("new", "--answers", str(bad), "--name", "x", "--lang", "en")
    assert result.returncode == 2 and "hardship" in result.stderr
    assert not (home / "cases" / "x" / "case.json").exists()


def test_log_add_with_flags_then_log_list_gives_them_back(run_cli):
    ok(run_cli("new", "--answers", ANSWERS, "--name", "x"))
    ok(run_cli("log", "add", "x", "--when", "2026-11-28T14:30", "--channel", "phone", "--who", "Wang, no. 1024",
               "--lender", "huabei", "--said", "Pay it all today.", "--agreed", "Call back with a plan",
               "--amount-promised", "1.2万", "--next-action", "send proof of illness", "--next-date", "2026-12-05", "--lang", "en"))
    ok(run_cli("log", "add", "x", "--when", "2026-11-30 09:00", "--channel", "sms", "--said", "催收短信：请尽快还款"))
    entries = json.loads(ok(run_cli("log", "list", "x", "--format", "json")))
    assert entries == [
        {"when": "2026-11-28T14:30:00", "channel": "phone", "who": "Wang, no. 1024", "lender": "Huabei",
         "said": "Pay it all today.", "agreed": "Call back with a plan", "amount_promised": "12000.00",
         "next_action": "send proof of illness", "next_date": "2026-12-05"},
        {"when": "2026-11-30T09:00:00", "channel": "sms", "who": "", "lender": "", "said": "催收短信：请尽快还款",
         "agreed": "", "amount_promised": None, "next_action": "", "next_date": None},
    ]
    text = ok(run_cli("log", "list", "x", "--lang", "en"))
    assert "2026-11-28 14:30  phone  Huabei  Wang, no. 1024" in text
    assert "Promised: 12,000.00" in text
    # The plan carries the log in its JSON form.
    plan = json.loads(ok(run_cli("show", "x", "--format", "json")))
    assert [e["when"] for e in plan["contact_log"]] == ["2026-11-28T14:30:00", "2026-11-30T09:00:00"]
    assert plan["contact_log"][0]["amount_promised"] == "12000.00"


def test_log_add_defaults_when_to_now(run_cli):
    ok(run_cli("new", "--answers", ANSWERS, "--name", "x"))
    ok(run_cli("log", "add", "x", "--channel", "app"))
    (only,) = json.loads(ok(run_cli("log", "list", "x", "--format", "json")))
    assert only["when"][:4].isdigit() and only["channel"] == "app"


def test_log_add_without_a_terminal_needs_channel(run_cli, home):
    ok(run_cli("new", "--answers", ANSWERS, "--name", "x"))
    result = run_cli("log", "add", "x", "--said", "hello", "--lang", "en")
    assert result.returncode == 2 and "--channel" in result.stderr
    assert not (home / "cases" / "x" / "log.jsonl").exists()


def test_log_add_refuses_bad_values_naming_the_option(run_cli, home):
    ok(run_cli("new", "--answers", ANSWERS, "--name", "x"))
    cases = [
        (["--channel", "fax"], "--channel: Please pick one of these ways of contact: phone, sms, app, letter, visit."),
        (["--channel", "phone", "--when", "soon"], "--when: That does not read as a date and time."),
        (["--channel", "phone", "--when", "1800-01-01T10:00"], "--when: Please give a date between 1990 and 2100."),
        (["--channel", "phone", "--next-date", "2026-02-30"], "--next-date:"),
        (["--channel", "phone", "--amount-promised", "-5"], "--amount-promised: An amount cannot be negative"),
        (["--channel", "phone", "--amount-promised", "lots"], "--amount-promised: That does not look like an amount."),
        (["--channel", "phone", "--lender", "Nobody"], "--lender: This case has no lender of that name. Please pick one of: Huabei"),
        (["--channel", "phone", "--said", "x" * 2001], "--said: is too long"),
    ]
    for flags, words in cases:
        result = run_cli("log", "add", "x", *flags, "--lang", "en")
        assert result.returncode == 2, flags
        assert words in result.stderr, (flags, result.stderr)
        assert "Traceback" not in result.stderr
    assert not (home / "cases" / "x" / "log.jsonl").exists()


def test_log_for_a_missing_case(run_cli):
    for args in (["log", "add", "nobody", "--channel", "phone"], ["log", "list", "nobody"], ["show", "nobody"],
                 ["agree", "nobody", "--kind", "instalments", "--months", "2", "--monthly", "1", "--first-due", "2030-01-01"]):
        result = run_cli(*args, "--lang", "en")
        assert result.returncode == 2 and sentence("en", "store.not_found", name="nobody").search(result.stderr), args


def test_agree_then_show_carries_the_agreement(run_cli):
    ok(run_cli("new", "--answers", ANSWERS, "--name", "x"))
    out = ok(run_cli("agree", "x", "--kind", "instalments", "--months", "12", "--monthly", "650",
                     "--first-due", "2026-12-15", "--lender", "china merchants bank credit card", "--lang", "en"))
    recorded = t("en", "store.agree.recorded", name="x", lender="China Merchants Bank credit card", months=12, monthly="650.00",
                 first_due="2026-12-15", last_due="2027-11-15")
    assert " ".join(recorded.split()) in " ".join(out.split())
    plan = json.loads(ok(run_cli("show", "x", "--format", "json")))
    stance = next(d["stance"] for d in plan["debts"] if d["lender"] == "China Merchants Bank credit card")
    assert stance["posture"] == "agreed" and stance["agreed"]["months"] == 12 and stance["agreed"]["monthly"] == "650.00"
    agreement = dict(plan["agreements"][0])
    assert agreement.pop("recorded")
    standing = {key: agreement.pop(key) for key in ("paid", "remaining", "next_due", "missed", "overdue", "ends", "status")}
    assert agreement == {"lender": "China Merchants Bank credit card", "kind": "instalments", "months": 12,
                         "monthly": "650.00", "first_due": "2026-12-15"}
    # Where it stands depends on today (tests/test_keeping.py works it out); nothing is paid yet.
    assert standing["paid"] == "0.00" and standing["remaining"] == "7800.00" and standing["ends"] == "2027-11-15"
    assert "contact_log" not in plan
    # plan --case is the same document.
    assert json.loads(ok(run_cli("plan", "--case", "x", "--format", "json"))) == plan


def test_agree_defaults_to_the_first_lender(run_cli):
    ok(run_cli("new", "--answers", ANSWERS, "--name", "x"))
    ok(run_cli("agree", "x", "--kind", "extension", "--months", "3", "--monthly", "100", "--first-due", "2026-12-15"))
    assert json.loads(ok(run_cli("show", "x", "--format", "json")))["agreements"][0]["lender"] == "Huabei"


def test_agree_refuses_bad_values_naming_the_option(run_cli, home):
    ok(run_cli("new", "--answers", ANSWERS, "--name", "x"))
    good = {"--kind": "instalments", "--months": "12", "--monthly": "650", "--first-due": "2026-12-15"}
    cases = [
        ({"--kind": "payday"}, "--kind: Please pick one of these kinds of agreement: extension, instalments, waiver_instalments, settlement."),
        ({"--months": "0"}, "--months: Please give a whole number from 1 to 120"),
        ({"--months": "121"}, "--months: Please give a whole number from 1 to 120"),
        ({"--months": "1.5"}, "--months:"),
        ({"--monthly": "abc"}, "--monthly: That does not look like an amount."),
        ({"--monthly": "-1"}, "--monthly: An amount cannot be negative"),
        ({"--first-due": "15/12/2026"}, "--first-due:"),
    ]
    for change, words in cases:
        args = {**good, **change}
        result = run_cli("agree", "x", *[p for kv in args.items() for p in kv], "--lang", "en")
        assert result.returncode == 2, change
        assert words in result.stderr, (change, result.stderr)
    result = run_cli("agree", "x", *[p for kv in good.items() for p in kv], "--lender", "Nobody", "--lang", "en")
    assert result.returncode == 2 and "--lender: " + t("en", "asking.err.lender", choices="Huabei")[:-1] in result.stderr
    assert not (home / "cases" / "x" / "agreement.json").exists()


def test_show_in_every_form(run_cli):
    ok(run_cli("new", "--answers", str(EXAMPLES / "case-zh.json"), "--name", "zh-case"))
    ok(run_cli("log", "add", "zh-case", "--channel", "phone", "--said", "对方要求今天还清"))
    for fmt in ("text", "json"):
        assert ok(run_cli("show", "zh-case", "--format", fmt))


@pytest.mark.subprocess
def test_flag_paths_load_no_prompt_library(home, run_here):
    """`log add` with flags and `cases` never import questionary, prompt_toolkit or rich."""
    ok(run_here("new", "--answers", ANSWERS, "--name", "x"))
    for args in (["log", "add", "x", "--channel", "phone"], ["cases"], ["log", "list", "x"]):
        result = subprocess.run([sys.executable, "-X", "importtime", "-m", "negotiator", *args], capture_output=True, text=True,
                                env=cli_env(home), stdin=subprocess.DEVNULL, timeout=60)
        assert result.returncode == 0, result.stderr
        imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
        assert not imported & {"questionary", "prompt_toolkit", "rich"}, args


def test_a_version_0_case_shows_and_takes_entries_without_being_rewritten(run_cli, home):
    folder = home / "cases" / "old"
    folder.mkdir(parents=True)
    bare = (EXAMPLES / "case-zh.json").read_bytes()  # version 0: the answers, bare
    (folder / "case.json").write_bytes(bare)
    from_answers = json.loads(ok(run_cli("plan", "--answers", str(EXAMPLES / "case-zh.json"), "--format", "json")))
    assert json.loads(ok(run_cli("show", "old", "--format", "json"))) == from_answers
    ok(run_cli("log", "add", "old", "--channel", "phone", "--said", "第一次沟通"))
    assert [e["said"] for e in json.loads(ok(run_cli("log", "list", "old", "--format", "json")))] == ["第一次沟通"]
    assert (folder / "case.json").read_bytes() == bare
