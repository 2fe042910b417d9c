"""`negotiator complain`: the complaint written from the incidents in a case's contact log, and the
short part `show` gives them."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat

import pytest
from conftest import EXAMPLES
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from test_incidents import CARD_EN, CARD_ZH, EN, ZH, acceptance_log, saved

from negotiator import store, words
from negotiator.advice.complaint import RULES, build
from negotiator.answers.file import load_answers
from negotiator.commands import log
from negotiator.planning.incidents import CODES, incidents
from negotiator.records.contacts import ContactEntry

REPORTED = {"zh": ("据报道",), "en": ("according to reports", "reported")}
NOTHING = {"en": "There is nothing to complain about yet", "zh": "现在还没有可以投诉的事"}
HOSTILE = "\x1b[2J\x1b]0;owned\x07 pay now \x9b31m \u202eevil | *bold* [x](y) <b>"


def flat(text: str) -> str:
    return " ".join(text.split())


# ---- the acceptance case -------------------------------------------------------------------------


@pytest.mark.parametrize(("example", "lender", "lang"), [(ZH, CARD_ZH, "zh"), (EN, CARD_EN, "en")])
def test_complaint_carries_the_incidents_with_their_rules(run_cli, example, lender, lang):
    acceptance_log(run_cli, "a", example, lender)
    done = run_cli("complain", "a", "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert (doc["language"], doc["lender"], doc["kind"], doc["to"]) == (lang, lender, "credit_card", "lender")
    codes = [i["code"] for i in doc["incidents"]]
    assert codes == ["night_call", "too_many_calls", "threat"]  # dated, in order
    for i in doc["incidents"]:
        assert i["rules"] and i["log"] and all(e["said"] == "pay today or else" for e in i["log"])
        for rule in i["rules"]:
            if rule["grade"] == "R":
                assert any(mark in rule["text"].lower() for mark in REPORTED[lang]), rule["text"]
    assert len(doc["asks"]) >= 4 and doc["attachments"]
    assert any("12378" in c["text"] for c in doc["channels"]) and any("110" in c["text"] for c in doc["channels"])
    text = run_cli("complain", "a")
    assert text.returncode == 0, text.stderr
    assert "12378" in text.stdout and "GB/T 45251" in text.stdout
    assert "pay today or else" in flat(text.stdout) and "2026-11-20 23:10" in text.stdout
    assert max(words_width(line) for line in text.stdout.splitlines()) <= 80


def words_width(line: str) -> int:
    from negotiator.render.table import width

    return width(line)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_incident_exits_2_and_says_how_to_record_one(run_cli, lang):
    saved(run_cli, "q", ZH if lang == "zh" else EN)
    run_cli("log", "add", "q", "--channel", "phone", "--when", "2026-11-20 10:00")
    done = run_cli("complain", "q")
    assert done.returncode == 2 and done.stdout == ""
    assert NOTHING[lang] in done.stderr and "negotiator log add q --incident" in done.stderr
    assert "Traceback" not in done.stderr


def test_nothing_about_the_lender_asked_for(run_cli):
    saved(run_cli)
    run_cli("log", "add", "x", "--channel", "sms", "--lender", "Huabei", "--incident", "abuse")
    done = run_cli("complain", "x", "--lender", "online LENDER")
    assert done.returncode == 2 and NOTHING["en"] in done.stderr and "about Online lender" in done.stderr


def test_lender_is_asked_for_when_incidents_concern_several(run_cli):
    saved(run_cli)
    for lender in ("Huabei", "Online lender"):
        run_cli("log", "add", "x", "--channel", "sms", "--lender", lender, "--incident", "abuse")
    done = run_cli("complain", "x")
    assert done.returncode == 2 and done.stderr.startswith("--lender:") and "Huabei" in done.stderr
    done = run_cli("complain", "x", "--lender", "huabei", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["lender"] == "Huabei"
    assert run_cli("complain", "x", "--lender", "Nobody").returncode == 2
    shown = flat(run_cli("show", "x", "--format", "text").stdout)
    assert 'negotiator complain x --lender "Huabei"' in shown and 'negotiator complain x --lender "Online lender"' in shown


def test_bad_format_and_recipient_are_named(run_cli):
    saved(run_cli)
    for option, value in (("--format", "pdf"), ("--to", "police")):
        done = run_cli("complain", "x", option, value)
        assert done.returncode == 2 and done.stderr.startswith(f"{option}:")


def test_to_the_regulator_of_a_small_loan_company(run_cli):
    saved(run_cli)
    run_cli("log", "add", "x", "--channel", "phone", "--lender", "Online lender", "--incident", "impersonation")
    done = run_cli("complain", "x", "--to", "regulator")
    assert done.returncode == 0, done.stderr
    text = flat(done.stdout)
    # "Online lender" does not say what kind of company it is: the addressee is left to fill in.
    assert text.startswith(words.t("en", "complaint.letter.title")) and words.t("en", "complaint.letter.to_blank") in text
    assert flat(words.t("en", "complaint.channels.either", lender="Online lender")) in text
    assert words.t("en", "complaint.letter.opening_regulator", lender="Online lender") in text
    assert "110" not in text  # no threat, no police


# ---- hostile text --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_hostile_text_in_the_log_stays_escaped(run_cli, fmt):
    saved(run_cli)
    # Control characters are refused in a name (who), not in what was said: the said is where they can come in.
    done = run_cli("log", "add", "x", "--channel", "phone", "--lender", "Huabei", "--who", "Wang | *boss* [x](y) <b>", "--said", HOSTILE,
                   "--incident", "threat")
    assert done.returncode == 0, done.stderr
    out = run_cli("complain", "x", "--format", fmt).stdout
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in out, (fmt, raw)
    if fmt == "json":
        assert json.loads(out)["incidents"][0]["log"][0]["said"] == HOSTILE.strip()  # kept whole, only escaped
    elif fmt == "markdown":
        assert r"\| \*bold\* \[x\](y) \<b\>" in out and "\\\\x1b" in out
    else:
        assert "\\x1b[2J" in out
    listed = run_cli("incidents", "x").stdout
    assert "\x1b" not in listed and "\\x1b" in listed


# ---- writing it to a file ------------------------------------------------------------------------


def test_output_file_is_private_and_never_replaced_without_force(run_cli, tmp_path):
    saved(run_cli)
    run_cli("log", "add", "x", "--channel", "phone", "--lender", "Huabei", "--incident", "threat")
    out = tmp_path / "complaint.md"
    done = run_cli("complain", "x", "--format", "markdown", "-o", str(out))
    assert done.returncode == 0 and done.stdout == ""
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600 and out.read_text(encoding="utf-8").startswith("# ")
    out.write_text("mine", encoding="utf-8")
    again = run_cli("complain", "x", "-o", str(out))
    assert again.returncode == 2 and str(out) in again.stderr and out.read_text(encoding="utf-8") == "mine"
    forced = run_cli("complain", "x", "-o", str(out), "--force")
    assert forced.returncode == 0 and out.read_text(encoding="utf-8").startswith(words.t("en", "complaint.letter.title"))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


# ---- show ----------------------------------------------------------------------------------------


def test_show_has_incidents_so_far_only_when_there_are_any(run_cli):
    saved(run_cli)
    run_cli("log", "add", "x", "--channel", "phone", "--lender", "Huabei", "--when", "2026-11-20 10:00")
    assert "Incidents so far" not in run_cli("show", "x", "--format", "text").stdout
    assert "incidents" not in json.loads(run_cli("show", "x", "--format", "json").stdout)
    run_cli("log", "add", "x", "--channel", "phone", "--lender", "Huabei", "--when", "2026-11-20 23:10")
    shown = run_cli("show", "x", "--format", "text").stdout
    part = shown[shown.index("Incidents so far"):]
    assert f"2026-11-20 23:10 {words.t('en', 'complaint.codes.night_call')} (Huabei)" in part and "negotiator complain x" in part
    assert shown.index("Incidents so far") < shown.index("Contact log")
    doc = json.loads(run_cli("show", "x", "--format", "json").stdout)
    assert doc["incidents"]["items"][0]["code"] == "night_call" and doc["incidents"]["command"] == "negotiator complain x"
    zh = run_cli("show", "x", "--format", "markdown", "--lang", "zh").stdout
    assert "到目前为止的违规催收" in zh and "夜间来电" in zh


# ---- asked in a terminal ---------------------------------------------------------------------------


def test_log_add_asks_for_incidents_in_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setenv("NEGOTIATOR_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(log, "is_terminal", lambda: True)
    store.save_case("x", load_answers(EXAMPLES / "case-en.json"))
    down, enter, space = "\x1b[B", "\r", " "
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        # Everything else given as options; the checkbox: third (threat) and fifth (third_party).
        pipe.send_text(enter + down * 2 + space + down * 2 + space + enter)
        log.add("x", "en", when="2026-11-20T10:00", started_by="them", lender="Huabei", who="", said="", agreed="", amount_promised="", next_action="", next_date="")
    (entry,) = store.open_case("x").log()
    assert entry.incidents == ("threat", "third_party")


# ---- the words -----------------------------------------------------------------------------------


def test_every_code_and_rule_has_words_in_both_languages():
    for lang in words.LANGUAGES:
        rows = words.table(lang, "complaint")
        for code in CODES:
            assert rows[f"codes.{code}"] and RULES[code]
        for key in {k for keys in RULES.values() for k in keys}:
            assert rows[f"rules.{key}.text"] and rows[f"rules.{key}.source"]
            grade = rows.get(f"rules.{key}.grade", "")
            assert grade in ("", "V", "R")
            if grade == "R":
                assert any(mark in str(rows[f"rules.{key}.text"]).lower() for mark in REPORTED[lang]), key
    assert set(words.table("zh", "complaint")) == set(words.table("en", "complaint"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_recommended_standard_is_worded_as_such(lang):
    rows = words.table(lang, "complaint")
    for key in ("gbt_hours", "gbt_calls", "gbt_debtor_only"):
        assert ("推荐性国家标准" if lang == "zh" else "recommended national standard") in rows[f"rules.{key}.text"]
        assert ("非强制" if lang == "zh" else "not mandatory") in rows[f"rules.{key}.source"]


# ---- what a lawyer would strike from the letter -----------------------------------------------------


def letter(lang: str, lender: str, kind: str, to: str, codes: list[str]) -> str:
    from negotiator.render.complaint import text

    entries = [ContactEntry.model_validate({"when": "2026-11-22T10:00", "channel": "phone", "lender": lender, "incidents": codes})]
    return text(build("c", lender, kind, incidents(entries), entries, to, lang, dt.date(2026, 11, 30)))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("to", ["lender", "regulator"])
def test_the_letter_cites_sources_without_our_grades(lang, to):
    every = [c for c in CODES if c not in ("night_call", "too_many_calls")]
    for kind in ("credit_card", "huabei", "online_loan"):
        body = letter(lang, "L", kind, to, every)
        for grade in ("checked", "reported"):
            # The grade in words sits only after a source; an R rule's own text says "reported" itself.
            assert words.t(lang, "complaint.letter.source_graded", source="", grade=words.t(lang, f"complaint.list.{grade}")) not in body
        assert words.t(lang, "complaint.list.checked") not in body
        assert ("二手" if lang == "zh" else "secondary") not in body
    # The person's own list of incidents still shows how sure each rule is.
    from negotiator.advice.complaint import tell
    from negotiator.render.incidents import text as listed

    entries = [ContactEntry.model_validate({"when": "2026-11-22T10:00", "channel": "phone", "lender": "L", "incidents": ["threat"]})]
    shown = listed([tell(i, entries, "credit_card", lang) for i in incidents(entries)], "c", lang)
    assert words.t(lang, "complaint.list.checked") in shown


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_letter_says_misconduct_may_be_punished_and_sets_no_unsourced_deadline(lang):
    body = flat(letter(lang, "L", "credit_card", "lender", ["threat"]))
    assert ("都要受" if lang == "zh" else "are punishable") not in body
    assert ("可能受到" if lang == "zh" else "may be punished") in body
    for row, value in words.table(lang, "complaint").items():
        assert "{days}" not in str(value), row  # no reply deadline: facts.md gives none for a complaint
        assert ("二手" if lang == "zh" else "secondary") not in str(value), row
    assert ("15 天" if lang == "zh" else "15 days") not in body


@pytest.mark.parametrize(("lender", "kind", "to"), [
    ("某某小额贷款有限公司", "online_loan", "to_local"),
    ("某小贷", "other", "to_local"),
    ("Acme Small Loan Co.", "online_loan", "to_local"),
    ("某某消费金融有限公司", "online_loan", "to_nfra"),
    ("某某银行", "other", "to_nfra"),
    ("Online lender", "online_loan", "to_blank"),
    ("招商银行信用卡", "credit_card", "to_nfra"),
    ("花呗", "huabei", "to_nfra"),
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_regulator_is_addressed_without_an_if(lender, kind, to, lang):
    complaint = build("c", lender, kind, (), (), "regulator", lang, dt.date(2026, 11, 30))
    assert complaint.header[0] == words.t(lang, f"complaint.letter.{to}")
    assert not any(word in complaint.header[0].casefold() for word in ("如果", "或", " if ", " or "))
    # The notes after the letter name the same regulator the letter is addressed to.
    note = complaint.channels[1].text
    assert ("地方金融管理局" in note) == (to != "to_nfra")
    assert "12378" in note


def snapshot_complaint(lang: str):
    """The complaint tests/test_snapshots.py keeps, one file per part."""
    lender = CARD_ZH if lang == "zh" else CARD_EN
    said = "今天不还就去你单位找你领导" if lang == "zh" else "Pay today or we call your boss"
    raw = [("2026-11-20T23:10", []), *((f"2026-11-21T{h}", []) for h in ("09:10", "11:30", "14:00", "16:45")),
           ("2026-11-22T10:00", ["threat", "third_party"])]
    entries = [ContactEntry.model_validate({"when": w, "channel": "phone", "lender": lender, "who": "007", "said": said, "incidents": m}) for w, m in raw]
    return build("my-case", lender, "credit_card", incidents(entries), entries, "lender", lang, dt.date(2026, 11, 30)), entries


@pytest.mark.subprocess
def test_a_real_terminal_marks_a_threat_and_show_then_names_it(run_here, home):
    """`log add` in a real terminal, in Chinese: the last question is the checkbox of incidents."""
    pexpect = pytest.importorskip("pexpect")
    import sys
    import time

    from conftest import cli_env

    saved(run_here, "t", ZH)
    child = pexpect.spawn(sys.executable, ["-m", "negotiator", "log", "add", "t", "--lang", "zh", "--when", "2026-11-22 10:00",
                                           "--lender", CARD_ZH, "--who", "007", "--said", "知道你家在哪"],
                          env=cli_env(home), encoding="utf-8", dimensions=(40, 100), timeout=30)
    for question in ("通过什么方式", "是谁先联系的", "谈妥了什么", "承诺还款的金额", "下一步做什么", "什么时候跟进"):
        child.expect(question)
        child.send("\r")  # phone (the first), they contacted me (the first), then the rest skipped
    child.expect("夜间来电")
    for key in ("\x1b[B", "\x1b[B", " ", "\r"):  # down twice to 威胁, mark it, done
        time.sleep(0.2)
        child.send(key)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    doc = json.loads(run_here("incidents", "t", "--format", "json").stdout)
    assert [(i["code"], i["entries"], i["found"]) for i in doc] == [("threat", [1], False)]
    shown = run_here("show", "t", "--format", "text").stdout
    assert "到目前为止的违规催收" in shown and "威胁" in shown and "negotiator complain t" in shown
