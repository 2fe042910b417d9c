"""Collector misconduct in the contact log: marked with `log add --incident`, or found in the log
(a phone contact between 22:00 and 08:00; more than 3 phone contacts from one lender in a day)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import EXAMPLES, examples, sentence
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.planning.incidents import CODES, about, incidents, lenders_with
from negotiator.records.contacts import ContactEntry
from negotiator.words import t

ZH = str(EXAMPLES / "case-zh.json")
EN = str(EXAMPLES / "case-en.json")
CARD_ZH = "招商银行信用卡"
CARD_EN = "China Merchants Bank credit card"


def entry(when: str, channel: str = "phone", lender: str = "L", **more) -> ContactEntry:
    return ContactEntry.model_validate({"when": when, "channel": channel, "lender": lender, **more})


# ---- finding them ------------------------------------------------------------------------------


@pytest.mark.parametrize(("time", "night"), [("21:59", False), ("22:00", True), ("23:10", True), ("00:00", True), ("07:59", True), ("08:00", False)])
def test_night_is_from_22_to_8(time, night):
    found = incidents([entry(f"2026-11-20T{time}")])
    assert [i.code for i in found] == (["night_call"] if night else [])


def test_only_phone_contacts_count_at_night():
    assert incidents([entry("2026-11-20T23:10", "sms"), entry("2026-11-20T23:30", "app")]) == ()


@pytest.mark.parametrize(("started_by", "counted"), [(None, True), ("them", True), ("me", False)])
def test_a_call_the_person_made_is_never_held_against_the_lender(started_by, counted):
    more = {"started_by": started_by} if started_by else {}
    assert [i.code for i in incidents([entry("2026-11-20T23:10", **more)])] == (["night_call"] if counted else [])
    day = [entry(f"2026-11-21T1{h}:00", **more) for h in range(4)]
    assert [i.code for i in incidents(day)] == (["too_many_calls"] if counted else [])
    # Three of theirs and one of the person's in a day are three of theirs: not too many.
    mixed = [entry(f"2026-11-21T1{h}:00") for h in range(3)] + [entry("2026-11-21T15:00", started_by="me")]
    assert incidents(mixed) == ()


def test_who_made_a_contact_is_written_only_when_said():
    assert "started_by" not in entry("2026-11-20T10:00").model_dump_json()
    line = entry("2026-11-20T10:00", started_by="me").model_dump_json()
    assert json.loads(line)["started_by"] == "me"
    assert ContactEntry.model_validate_json(line).started_by == "me"


def test_log_add_says_who_made_the_contact(run_cli):
    assert run_cli("new", "--answers", EN, "--name", "x").returncode == 0
    done = run_cli("log", "add", "x", "--channel", "phone", "--lender", CARD_EN, "--when", "2026-11-20T23:30", "--started-by", "me")
    assert done.returncode == 0, done.stderr
    listed = run_cli("log", "list", "x", "--format", "json").stdout
    assert json.loads(listed)[0]["started_by"] == "me"
    assert "  phone  I contacted them  " in run_cli("log", "list", "x").stdout
    assert "  电话  我联系对方  " in run_cli("log", "list", "x", "--lang", "zh").stdout
    assert json.loads(run_cli("incidents", "x", "--format", "json").stdout) == []  # their own late call is no night call
    bad = run_cli("log", "add", "x", "--channel", "phone", "--started-by", "us")
    assert bad.returncode == 2 and bad.stderr.startswith("--started-by: " + t("en", "values.choice.started_by", choices="them, me"))


def test_four_calls_from_one_lender_in_a_day_are_too_many_and_name_their_entries():
    log = [entry("2026-11-21T16:45"), entry("2026-11-21T09:10"), entry("2026-11-21T11:30", lender="M"),
           entry("2026-11-21T12:00"), entry("2026-11-21T14:00"), entry("2026-11-22T10:00")]
    (found,) = incidents(log)
    assert found.code == "too_many_calls" and found.found and found.lender == "L"
    assert found.entries == (2, 4, 5, 1)  # in the order of the day, as numbered in the log
    assert found.when == dt.datetime(2026, 11, 21, 9, 10)


def test_three_calls_are_not_too_many_nor_four_from_different_lenders():
    assert incidents([entry(f"2026-11-21T1{h}:00") for h in range(3)]) == ()
    assert incidents([entry(f"2026-11-21T1{h}:00", lender=x) for h, x in enumerate("ABCD")]) == ()
    # Calls that name no lender are not counted against one.
    assert incidents([entry(f"2026-11-21T1{h}:00", lender="") for h in range(5)]) == ()


def test_marked_incidents_are_kept_in_time_order_once_each():
    log = [entry("2026-11-22T10:00", incidents=["threat", "abuse", "threat"]), entry("2026-11-20T23:10", incidents=["night_call"])]
    found = incidents(log)
    assert [(i.code, i.entries, i.found) for i in found] == [("night_call", (2,), True), ("threat", (1,), False), ("abuse", (1,), False)]


def test_about_a_lender_keeps_its_own_and_those_naming_none():
    log = [entry("2026-11-20T23:10", lender="A"), entry("2026-11-20T23:20", lender="B"), entry("2026-11-20T23:30", lender="")]
    found = incidents(log)
    assert lenders_with(found) == ["A", "B"]
    assert [i.entries for i in about(found, "A")] == [(1,), (3,)]


moments = st.datetimes(min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2026, 1, 3))
entries = st.lists(st.builds(lambda when, channel, lender, marks: entry(when.isoformat(), channel, lender, incidents=marks),
                             moments, st.sampled_from(["phone", "sms"]), st.sampled_from(["A", "B", ""]),
                             st.lists(st.sampled_from(CODES), max_size=2)), max_size=20)


@settings(max_examples=examples(60), deadline=None)
@given(entries)
def test_every_incident_names_real_entries_that_show_it(log):
    for i in incidents(log):
        named = [log[n - 1] for n in i.entries]
        assert all(1 <= n <= len(log) for n in i.entries)
        if i.found and i.code == "night_call":
            assert named[0].channel == "phone" and not 8 <= named[0].when.hour < 22
        elif i.found:
            assert len(named) > 3 and len({(e.lender, e.when.date(), e.channel) for e in named}) == 1
        else:
            assert i.code in named[0].incidents
    # Every marked code appears, either as marked or inside a found incident of the same code.
    for n, e in enumerate(log, 1):
        for code in e.incidents:
            assert any(i.code == code and n in i.entries for i in incidents(log))


# ---- old log lines and the option ----------------------------------------------------------------


def test_a_log_line_written_before_incidents_existed_still_reads():
    line = {"schema_version": 1, "when": "2026-11-20T23:10:00", "channel": "phone", "who": "", "lender": "", "said": "",
            "agreed": "", "amount_promised": None, "next_action": "", "next_date": None}
    assert ContactEntry.model_validate({k: v for k, v in line.items() if k != "schema_version"}).incidents == ()
    # ...and a contact with nothing marked is written exactly as before.
    assert "incidents" not in entry("2026-11-20T10:00").model_dump(mode="json")


def saved(run_cli, name="x", example=EN):
    assert run_cli("new", "--answers", example, "--name", name, "--lang", "en").returncode == 0


def test_log_add_incident_is_stored_and_listed(run_cli, home):
    saved(run_cli)
    done = run_cli("log", "add", "x", "--channel", "phone", "--lender", CARD_EN, "--incident", "threat", "--incident", "third_party,threat", "--lang", "en")
    assert done.returncode == 0, done.stderr
    (line,) = (home / "cases" / "x" / "log.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["schema_version"] == 2 and json.loads(line)["incidents"] == ["threat", "third_party"]
    listed = json.loads(run_cli("log", "list", "x", "--format", "json").stdout)
    assert listed[0]["incidents"] == ["threat", "third_party"]


def test_an_unknown_code_is_refused_by_name(run_cli, home):
    saved(run_cli)
    done = run_cli("log", "add", "x", "--channel", "phone", "--incident", "rude", "--lang", "en")
    assert done.returncode == 2 and done.stderr.startswith("--incident:") and "night_call" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (home / "cases" / "x" / "log.jsonl").exists()


def test_an_old_log_without_the_field_still_gives_incidents(run_cli, home):
    saved(run_cli)
    old = {"when": "2026-11-20T23:10:00", "channel": "phone", "who": "", "lender": CARD_EN, "said": "", "agreed": "",
           "amount_promised": None, "next_action": "", "next_date": None}
    (home / "cases" / "x" / "log.jsonl").write_text(json.dumps(old) + "\n", encoding="utf-8")
    done = run_cli("incidents", "x", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert [i["code"] for i in json.loads(done.stdout)] == ["night_call"]


# ---- the acceptance case -------------------------------------------------------------------------


def acceptance_log(run_cli, name: str, example: str, lender: str) -> None:
    """One phone contact at 23:10, four from one lender on one day, one marked as a threat."""
    saved(run_cli, name, example)
    calls = [("2026-11-20 23:10", [])] + [(f"2026-11-21 {h}", []) for h in ("09:10", "11:30", "14:00", "16:45")]
    calls.append(("2026-11-22 10:00", ["--incident", "threat"]))
    for when, extra in calls:
        done = run_cli("log", "add", name, "--channel", "phone", "--when", when, "--lender", lender, "--who", "no. 7",
                       "--said", "pay today or else", *extra)
        assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(("example", "lender"), [(ZH, CARD_ZH), (EN, CARD_EN)])
def test_incidents_json_lists_the_three_with_their_entries(run_cli, example, lender):
    acceptance_log(run_cli, "a", example, lender)
    done = run_cli("incidents", "a", "--format", "json")
    assert done.returncode == 0, done.stderr
    found = {i["code"]: i for i in json.loads(done.stdout)}
    assert {"night_call", "too_many_calls", "threat"} <= set(found)
    assert found["night_call"]["entries"] == [1] and found["night_call"]["time"] == "23:10"
    assert found["too_many_calls"]["entries"] == [2, 3, 4, 5]
    assert found["threat"]["entries"] == [6] and found["threat"]["found"] is False
    for i in found.values():
        assert i["lender"] == lender and i["rules"]
        assert [e["entry"] for e in i["log"]] == i["entries"]
        assert all(r["grade"] in ("V", "R") and r["source"] for r in i["rules"])
    assert any("GB/T 45251-2025" in r["source"] for r in found["night_call"]["rules"])


def test_incidents_text_and_none(run_cli):
    saved(run_cli)
    done = run_cli("incidents", "x", "--lang", "en")
    assert done.returncode == 0 and sentence("en", "complaint.list.none", name="x").search(done.stdout)
    run_cli("log", "add", "x", "--channel", "phone", "--when", "2026-11-20 06:30", "--lender", CARD_EN)
    done = run_cli("incidents", "x")
    flat = " ".join(done.stdout.split())
    assert t("en", "complaint.codes.night_call") in flat and f"({t('en', 'complaint.list.found')})" in flat and "negotiator complain x" in flat
    assert max(len(line) for line in done.stdout.splitlines()) <= 80


@pytest.mark.subprocess
def test_incidents_and_complain_load_no_prompt_library(run_here, home):
    """Like `log add` with flags, these never import questionary, prompt_toolkit or rich."""
    import subprocess
    import sys

    from conftest import cli_env

    saved(run_here)
    run_here("log", "add", "x", "--channel", "phone", "--lender", CARD_EN, "--incident", "threat")
    for args in (["incidents", "x"], ["complain", "x"], ["log", "add", "x", "--channel", "sms", "--incident", "abuse"]):
        result = subprocess.run([sys.executable, "-X", "importtime", "-m", "negotiator", *args], capture_output=True, text=True,
                                env=cli_env(home), stdin=subprocess.DEVNULL, timeout=60)
        assert result.returncode == 0, result.stderr
        imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
        assert not imported & {"questionary", "prompt_toolkit", "rich"}, args


def test_every_code_a_log_may_hold_is_named_in_both_languages():
    from negotiator import words

    assert "night_call" in CODES and "too_many_calls" in CODES  # the two found by detection
    for code in CODES:
        for lang in words.LANGUAGES:
            assert words.t(lang, f"complaint.codes.{code}")
