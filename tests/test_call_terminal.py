"""`negotiator call` for real, in a pseudo-terminal, in both languages: the steps move, an offer
typed mid-call shows its verdict, a word the collector said shows its answer, and the end form
saves exactly one contact (and, when chosen, the agreement). Ctrl-C keeps a draft."""

from __future__ import annotations

import json
import re
import sys

import pexpect
import pytest
from conftest import cli_env, save_expired_case

from negotiator.planning.incidents import CODES as INCIDENT_CODES
from negotiator.words import raw, t

WAIT = 60  # generous: the machine may be busy
FORM = ("started_by", "who", "said", "agreed", "amount_promised", "next_action", "next_date", "incidents")

WORDS = {
    "en": {"step2": r"Step 2 of \d+", "step1": r"Step 1 of \d+", "offer": "36 x 200", "verdict": "Verdict: They did not say the interest rate",
           "too_much": "12 x 1200", "counter": "Verdict: Counter with", "heard": "they say we will sue", "answer": "You say: ",
           "source": "Source:", "note": "his name is Wang, number 7731", "noted": "Noted at", "end": "Next date",
           "agree": r"Enter\s+skips\s+it", "first_due": "First payment date", "lender": "Huabei", "jail": "jail", "jail_answer": "Art. 196"},
    "zh": {"step2": r"第 2 步，共 \d+ 步", "step1": r"第 1 步，共 \d+ 步", "offer": "分36期 每期200", "verdict": "结论：对方没说利率",
           "too_much": "12期 每期1200", "counter": "结论：还价", "heard": "他说要起诉我", "answer": "您可以说：",
           "source": "依据：", "note": "对方姓王，工号7731", "noted": "已记下", "end": "下一步的日期",
           "agree": r"\s*".join("直接回车不记"), "first_due": "第一期还款日期", "lender": "花呗", "jail": "坐牢", "jail_answer": "第196条"},
}


def loose(text: str) -> str:
    """A pattern for `text` as the screen shows it, wrapped anywhere to fit the window."""
    return r"\s*".join(re.escape(ch) for ch in text if not ch.isspace())


class Call:
    def __init__(self, home, name):
        env = cli_env(home, TERM="xterm")
        self.child = pexpect.spawn(sys.executable, ["-m", "negotiator", "call", name], env=env, dimensions=(40, 120),
                                   encoding="utf-8", timeout=WAIT)

    def expect(self, pattern):
        self.child.expect(pattern)

    def line(self, text):
        self.child.expect_exact("> ")
        self.child.sendline(text)

    def end_form(self, lang, typed=None):
        """Quit the call and answer the end form: Enter keeps what is prefilled, `typed` by field."""
        self.line("q")
        for field in FORM:
            self.expect(loose(t(lang, f"call.form.{field}")))
            self.child.sendline((typed or {}).get(field, ""))

    def finish(self):
        """Wait for the program to end; its exit status."""
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus


@pytest.fixture
def saved(example_cases, run_here):
    """Both examples saved as cases "en" and "zh" (conftest); run_here, to set up before the call
    in a real terminal and read back what it saved."""
    return run_here


def _log(run, name):
    done = run("log", "list", name, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.subprocess
def test_a_whole_call(saved, home, lang):
    w = WORDS[lang]
    call = Call(home, lang)
    call.expect(w["step1"])
    call.line("n")
    call.expect(w["step2"])
    call.line("b")
    call.expect(w["step1"])
    call.line(w["too_much"])
    call.expect(loose(w["counter"]))
    call.line(w["offer"])
    call.expect(loose(w["verdict"]))
    call.line("a")
    call.line(w["heard"])
    call.expect(re.escape(w["answer"] + str(raw(lang, "objections.legal.you_say"))[:8]))
    call.expect(re.escape(w["source"]))
    call.line(w["jail"])
    call.expect(re.escape(w["jail_answer"]))
    call.line(w["note"])
    call.expect(re.escape(w["noted"]))
    call.end_form(lang)  # Enter keeps what is prefilled
    call.expect(w["agree"])
    call.child.sendline("y")
    call.expect(re.escape(w["first_due"]))
    call.child.sendline("2027-01-05")
    assert call.finish() == 0
    entries = _log(saved, lang)
    assert len(entries) == 1
    entry = entries[0]
    assert entry["channel"] == "phone" and entry["lender"] == w["lender"] and entry["started_by"] == "them"
    assert entry["amount_promised"] == "200.00"
    assert "7731" in entry["said"] and "200.00" in entry["agreed"]
    assert entry["incidents"] == ["threat"]  # "jail" was heard, and Enter kept the mark
    plan = json.loads(saved("show", lang, "--format", "json").stdout)
    shown = json.dumps(plan, ensure_ascii=False)
    assert "2027-01-05" in shown  # the agreement's first payment is in the plan


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.subprocess
def test_no_agreement_unless_chosen(saved, home, lang):
    w = WORDS[lang]
    call = Call(home, lang)
    call.line(w["offer"])
    call.expect(loose(w["verdict"]))
    call.line("a")
    call.end_form(lang, {"amount_promised": "-", "started_by": "me"})
    call.expect(w["agree"])
    call.child.sendline("")
    assert call.finish() == 0
    entries = _log(saved, lang)
    assert len(entries) == 1 and entries[0]["amount_promised"] is None  # "-" left it empty
    assert entries[0]["started_by"] == "me"  # the person made this call
    done = saved("show", lang, "--format", "json")
    assert "agreement" not in json.loads(done.stdout) or not json.loads(done.stdout).get("agreement")


@pytest.mark.subprocess
def test_ctrl_c_keeps_the_notes_as_a_draft(saved, home):
    call = Call(home, "zh")
    call.line("对方说今天必须还清")
    call.line("对方说要派人上门")
    call.line("对方姓王")
    call.expect("已记下")
    call.child.expect_exact("> ")
    call.child.sendintr()
    assert call.finish() == 130
    entries = _log(saved, "zh")
    assert len(entries) == 1 and "草稿" in entries[0]["said"] and "对方姓王" in entries[0]["said"]
    assert entries[0]["incidents"] == ["threat"]  # the visit threatened, not the pressure to pay today


def test_without_a_terminal_it_points_to_offer_and_log_add(saved):
    done = saved("call", "en", input="n\n")
    assert done.returncode == 2
    assert "negotiator offer" in done.stderr and "log add" in done.stderr


@pytest.mark.subprocess
def test_ctrl_c_after_the_contact_is_saved_adds_no_draft(saved, home):
    w = WORDS["en"]
    call = Call(home, "en")
    call.line(w["offer"])
    call.expect(loose(w["verdict"]))
    call.line("a")
    call.end_form("en")
    call.expect(w["agree"])
    call.child.sendintr()
    assert call.finish() == 130
    entries = _log(saved, "en")
    assert len(entries) == 1 and "draft" not in entries[0]["said"]


@pytest.mark.subprocess
def test_an_old_debt_gets_check_first_and_a_warning_on_every_offer(run_here, home, tmp_path):
    """A debt 1,500 days overdue, whose limitation has run out."""
    save_expired_case(run_here, tmp_path)
    warning = t("en", "call.screen.expired_warning", lender="Huabei")
    call = Call(home, "old")
    call.expect(re.escape(t("en", "call.screen.old_title", lender="Huabei")[:30]))  # no walk-away, no target
    call.expect(re.escape(warning[:30]))
    call.line("12 x 100")
    call.expect(re.escape(warning[:30]))
    call.expect(re.escape(t("en", "offer.verdict.expired")[:30]))
    call.end_form("en")
    assert call.finish() == 0 and len(_log(run_here, "old")) == 1


@pytest.mark.subprocess
def test_a_long_call_is_cut_to_fit_the_log_not_lost(saved, home):
    call = Call(home, "en")
    for n in range(3):
        call.line(f"note {n} " + "w" * 900)
        call.expect("Noted at")
    call.end_form("en")
    assert call.finish() == 0
    said = _log(saved, "en")[0]["said"]
    assert len(said) == 2000 and said.endswith("…") and "note 0" in said


def test_the_end_form_takes_incidents_by_number_name_or_code():
    from negotiator.commands.call import picked
    from negotiator.commands.log import Refused

    assert picked("threat, abuse", INCIDENT_CODES, "complaint.codes", "en", several=True) == ("threat", "abuse")
    assert picked("3，辱骂 threat", INCIDENT_CODES, "complaint.codes", "zh", several=True) == ("threat", "abuse")
    assert picked("", INCIDENT_CODES, "complaint.codes", "zh", several=True) == ()
    assert picked("2", ("them", "me"), "store.log.started_by", "zh") == ("me",)
    with pytest.raises(Refused):
        picked("threat, shouting", INCIDENT_CODES, "complaint.codes", "en", several=True)


@pytest.mark.subprocess
def test_a_call_with_an_agreed_lender_holds_to_the_agreement(saved, home):
    done = saved("agree", "en", "--kind", "instalments", "--months", "24", "--monthly", "300", "--first-due", "2027-01-05",
                 "--lender", "Huabei")
    assert done.returncode == 0, done.stderr
    call = Call(home, "en")
    # Wrapped to the window: any space may be a line break.
    call.expect(r"\s+".join(map(re.escape, "Agreed: 300.00 yuan a month for 24 months, the first payment on 5 January 2027.".split())))
    call.expect(r"Step 1 of 4 \(opening\)")
    call.line("n")
    call.expect(r"Step 2 of 4 \(what was agreed\)")
    call.child.sendcontrol("c")
    assert call.finish() == 130


@pytest.mark.subprocess
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_accepting_an_offer_above_the_walk_away_asks_again(saved, home, lang):
    w = WORDS[lang]
    call = Call(home, lang)
    call.line(w["too_much"])
    call.expect(loose(w["counter"]))
    call.line("a")
    call.expect(loose(t(lang, "call.screen.accept_anyway")))
    call.child.sendline("")  # Enter: no
    call.expect(loose(t(lang, "call.screen.not_accepted")))
    call.line("a")
    call.expect(loose(t(lang, "call.screen.accept_anyway")))
    call.child.sendline("y")
    call.expect(re.escape(t(lang, "call.screen.accepted", offer="")[:6]))
    call.end_form(lang)
    call.expect(w["agree"])
    call.child.sendline("n")
    assert call.finish() == 0
    entries = _log(saved, lang)
    assert entries[-1]["amount_promised"] == "1200.00"
