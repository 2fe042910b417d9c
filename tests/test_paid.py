"""`negotiator paid`: a payment recorded as a fact, refused when it cannot be one, asked in a
terminal, and read back by `show`, `cases` and the plan."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from conftest import EXAMPLES, sentence
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from negotiator import store
from negotiator.answers.file import load_answers
from negotiator.commands import log, paid
from negotiator.core.errors import Interrupted

TODAY = dt.date.today()
DOWN, ENTER, BACKSPACE, CTRL_C = "\x1b[B", "\r", "\x7f", "\x03"


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.stdout


def days(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


@pytest.fixture
def case(run_cli):
    """The English example saved as "x", with 6 x 500 agreed with Huabei from 45 days ago."""
    ok(run_cli("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "x"))
    ok(run_cli("agree", "x", "--lender", "Huabei", "--kind", "instalments", "--months", "6", "--monthly", "500", "--first-due", days(-45)))
    return run_cli


def agreements(run_cli, name: str = "x") -> list[dict]:
    return json.loads(ok(run_cli("show", name, "--format", "json")))["agreements"]


def test_agree_takes_a_first_payment_date_in_the_past(case):
    (a,) = agreements(case)
    assert a["first_due"] == days(-45)
    # Nothing paid yet: the two due dates already passed are missed.
    assert a["status"] == "behind" and len(a["missed"]) == 2 and a["paid"] == "0.00" and a["remaining"] == "3000.00"


def test_paid_records_the_payment_and_show_follows_it(case, home):
    out = ok(case("paid", "x", "--lender", "huabei", "--amount", "1,000", "--date", days(-1), "--note", "receipt 42"))
    assert "1,000.00" in out and "Huabei: on track" in out
    (a,) = agreements(case)
    assert a["status"] in ("on_track", "due_soon") and a["missed"] == [] and a["paid"] == "1000.00" and a["remaining"] == "2000.00"
    assert a["next_due"]["amount"] == "500.00"
    shown = json.loads(ok(case("show", "x", "--format", "json")))
    assert shown["payments"] == [{"lender": "Huabei", "date": days(-1), "amount": "1000.00", "note": "receipt 42", "counted": True, "flag": None}]
    line = json.loads((home / "cases" / "x" / "payments.jsonl").read_text("utf-8"))
    assert line["schema_version"] == store.STORE_VERSION == 2 and line["amount"] == "1000.00"
    text = ok(case("show", "x", "--lang", "en"))
    assert "Keeping the agreement" in text and "receipt 42" in text


def test_a_payment_without_date_is_today_and_one_to_a_lender_with_no_agreement_is_flagged(case):
    out = ok(case("paid", "x", "--lender", "Online lender", "--amount", "200"))
    assert sentence("en", "render.keeping.stray.no_agreement", lender="Online lender").search(out)
    (p,) = json.loads(ok(case("show", "x", "--format", "json")))["payments"]
    assert (p["date"], p["counted"], p["flag"]) == (TODAY.isoformat(), False, "no_agreement")


@pytest.mark.parametrize(
    ("options", "option"),
    [
        (("--amount", "lots"), "--amount"),
        (("--amount", "0"), "--amount"),
        (("--amount", "-5"), "--amount"),
        (("--amount", ""), "--amount"),
        (("--amount", "500", "--date", days(3)), "--date"),
        (("--amount", "500", "--date", "2026-02-30"), "--date"),
        (("--amount", "500", "--date", "1900-01-01"), "--date"),
        (("--amount", "500", "--note", "a\x1b[2Jb"), "--note"),
        (("--amount", "500", "--note", "x" * 2001), "--note"),
    ],
)
def test_a_value_that_cannot_be_a_payment_is_refused_with_exit_2(case, home, options, option):
    result = case("paid", "x", "--lender", "Huabei", *options)
    assert result.returncode == 2 and option in result.stderr and "Traceback" not in result.stderr
    assert not (home / "cases" / "x" / "payments.jsonl").exists()


def test_lender_refused_or_needed(case):
    result = case("paid", "x", "--lender", "Nobody", "--amount", "5")
    assert result.returncode == 2 and "--lender" in result.stderr and "Huabei" in result.stderr
    # Three lenders and no terminal to ask which: the option is needed.
    result = case("paid", "x", "--amount", "5")
    assert result.returncode == 2 and "--lender" in result.stderr
    # No amount and no terminal: said, not asked.
    result = case("paid", "x", "--lender", "Huabei")
    assert result.returncode == 2 and "--amount" in result.stderr
    assert case("paid", "nobody", "--amount", "5").returncode == 2


def test_a_chinese_case_is_answered_in_chinese(run_cli):
    ok(run_cli("new", "--answers", str(EXAMPLES / "case-zh.json"), "--name", "z"))
    lender = json.loads(ok(run_cli("show", "z", "--format", "json")))["debts"][0]["lender"]
    ok(run_cli("agree", "z", "--lender", lender, "--kind", "instalments", "--months", "3", "--monthly", "300", "--first-due", days(-1)))
    out = ok(run_cli("paid", "z", "--lender", lender, "--amount", "300", "--date", "昨天"))
    assert "已为 z 记下" in out and "按时还款中" in out or "快到还款日了" in out


def test_cases_from_before_payments_open_as_before(case, home):
    """A case whose files all say version 1 (written before payments were kept) opens and shows the same."""
    folder = home / "cases" / "x"
    for name in ("case.json", "agreements.jsonl"):
        path = folder / name
        text = path.read_text("utf-8").replace('"schema_version": 2', '"schema_version": 1', 1)
        path.write_text(text, "utf-8")
    before = (folder / "case.json").read_bytes()
    assert json.loads(before)["schema_version"] == 1
    (a,) = agreements(case)
    assert a["status"] == "behind"
    ok(case("paid", "x", "--lender", "Huabei", "--amount", "500"))
    assert (folder / "case.json").read_bytes() == before  # left as it was


def test_a_broken_payments_file_is_named_and_nothing_is_added(case, home):
    path = home / "cases" / "x" / "payments.jsonl"
    path.write_text('{"schema_version": 2, "lender": "Huabei", "date": "2026-01-01", "amount": "0"}\n', "utf-8")
    before = path.read_bytes()
    result = case("paid", "x", "--lender", "Huabei", "--amount", "5")
    assert result.returncode == 2 and "payments.jsonl" in result.stderr and "line 1" in result.stderr
    assert path.read_bytes() == before


def test_cases_shows_each_cases_worst_status_and_next_payment(case):
    ok(case("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "a-on-time"))
    ok(case("agree", "a-on-time", "--lender", "Huabei", "--kind", "instalments", "--months", "3", "--monthly", "100", "--first-due", days(20)))
    ok(case("agree", "x", "--lender", "Online lender", "--kind", "instalments", "--months", "3", "--monthly", "100", "--first-due", days(10)))
    ok(case("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "0-none"))
    rows = json.loads(ok(case("cases", "--format", "json")))
    # Behind first (Huabei is behind in x, whatever the online lender's standing), then on track, then no agreement.
    assert [(r["name"], r["status"]) for r in rows] == [("x", "behind"), ("a-on-time", "on_track"), ("0-none", None)]
    # x's next payment is the earliest of its agreements': the online lender's in 10 days, before Huabei's in about 15.
    assert rows[0]["next_payment"] == {"date": days(10), "amount": "100.00"}
    assert rows[1]["next_payment"] == {"date": days(20), "amount": "100.00"}
    assert rows[2]["next_payment"] is None
    text = ok(case("cases", "--lang", "en"))
    assert text.index("behind") < text.index("on track") < text.index("no agreement yet")
    assert "100.00 on " + days(10) in text
    assert "有逾期" in ok(case("cases", "--lang", "zh"))


# ---- asked in a terminal -------------------------------------------------------------------------


@pytest.fixture
def saved(tmp_path, monkeypatch):
    monkeypatch.setenv("NEGOTIATOR_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(log, "is_terminal", lambda: True)
    store.save_case("y", load_answers(EXAMPLES / "case-en.json"))
    return "y"


def answer(keys: str, **options):
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        paid.run("y", "en", **options)


def test_asks_for_what_the_options_did_not_give(saved, capsys):
    answer(
        DOWN + ENTER  # lender: the second one
        + "lots" + ENTER + BACKSPACE * 4 + "650" + ENTER  # a wrong amount, corrected
        + ENTER  # the day: today, offered
        + "app transfer" + ENTER  # note
    )
    (p,) = store.open_case("y").payments
    assert (p.lender, p.amount, p.date, p.note) == ("China Merchants Bank credit card", Decimal("650.00"), TODAY, "app transfer")
    assert "650.00" in capsys.readouterr().out


def test_a_day_ahead_is_refused_and_asked_again(saved):
    answer(ENTER + "300" + ENTER + days(5) + ENTER + BACKSPACE * 10 + days(-2) + ENTER + ENTER)
    (p,) = store.open_case("y").payments
    assert p.date == TODAY - dt.timedelta(days=2) and p.note == ""


def test_ctrl_c_records_nothing(saved):
    with pytest.raises(Interrupted):
        answer(ENTER + "30" + CTRL_C)
    assert store.open_case("y").payments == ()


def test_offer_knows_where_the_agreement_stands(case):
    ok(case("paid", "x", "--lender", "Huabei", "--amount", "200", "--date", days(-40)))
    out = ok(case("offer", "x", "300 a month for 6 months", "--lender", "Huabei", "--lang", "en"))
    assert "Huabei: behind" in out and "Paid 200.00 yuan of 3,000.00 yuan" in out
    assert "behind" not in ok(case("offer", "x", "300 a month for 6 months", "--lender", "Online lender", "--lang", "en"))


@pytest.mark.parametrize("columns", [50, 100])
def test_what_paid_says_fits_the_window_at_words(case, columns):
    from negotiator.render.table import width

    out = ok(case("paid", "x", "--lender", "Huabei", "--amount", "1000", "--date", days(-1), COLUMNS=str(columns)))
    lines = out.splitlines()
    assert all(width(line) < columns for line in lines), lines
    said = " ".join(" ".join(lines).split())
    assert "1,000.00 yuan" in said and days(-1) in said  # an amount and a date are never cut
    assert (max(width(line) for line in lines) > 60) == (columns == 100)
