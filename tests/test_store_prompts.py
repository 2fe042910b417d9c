"""`log add` in a terminal: it asks for what the options did not give, as a person answers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from conftest import EXAMPLES, sentence
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from negotiator import store, words
from negotiator.answers.file import load_answers
from negotiator.commands import log
from negotiator.core.errors import Interrupted

DOWN, ENTER, BACKSPACE, CTRL_C = "\x1b[B", "\r", "\x7f", "\x03"


@pytest.fixture
def saved(tmp_path, monkeypatch):
    monkeypatch.setenv("NEGOTIATOR_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(log, "is_terminal", lambda: True)
    store.save_case("x", load_answers(EXAMPLES / "case-en.json"))
    return "x"


def answer(keys: str, **options):
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        log.add("x", "en", **options)


def test_asks_every_field_and_stores_the_answers(saved, capsys):
    before = dt.datetime.now().replace(second=0, microsecond=0)
    answer(
        ENTER  # when: the time now, offered as the default
        + DOWN + ENTER  # channel: sms
        + DOWN + ENTER  # who made the contact: I did
        + DOWN + ENTER  # lender: the second one
        + "Li, no. 7" + ENTER  # who
        + ENTER  # said: skipped
        + "Freeze penalties for 3 months" + ENTER  # agreed
        + "lots" + ENTER + BACKSPACE * 4 + "800" + ENTER  # a wrong amount, corrected
        + ENTER  # next action: skipped
        + "2030-02-30" + ENTER + BACKSPACE * 2 + "28" + ENTER  # an impossible date, corrected
        + ENTER  # incidents: none marked
    )
    (entry,) = store.open_case("x").log()
    assert before <= entry.when <= dt.datetime.now()
    assert (entry.channel, entry.lender, entry.who, entry.said) == ("sms", "China Merchants Bank credit card", "Li, no. 7", "")
    assert entry.started_by == "me"
    assert entry.agreed == "Freeze penalties for 3 months"
    assert entry.amount_promised == Decimal("800.00")
    assert entry.next_date == dt.date(2030, 2, 28)
    assert sentence("en", "store.log.added", name="x", count=1).search(capsys.readouterr().out)


def test_only_missing_fields_are_asked(saved):
    # With --when, --lender and --who given, the first question is the channel; who made the
    # contact offers "them" first.
    answer(DOWN * 4 + ENTER + ENTER * 7, when="2026-11-28T10:00", lender="Online lender", who="agent 9")
    (entry,) = store.open_case("x").log()
    assert (entry.when, entry.channel, entry.lender, entry.who) == (dt.datetime(2026, 11, 28, 10, 0), "visit", "Online lender", "agent 9")
    assert entry.started_by == "them"


def test_ctrl_c_adds_nothing(saved):
    with pytest.raises(Interrupted) as stopped:
        answer(ENTER + CTRL_C)
    assert "Nothing was added" in words.say("en", stopped.value)
    assert store.open_case("x").log() == []
    assert not (store.case_folder("x") / "log.jsonl").exists()
