"""The calendar file: read back with the icalendar library, and checked on its raw bytes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import icalendar
import pytest
from render_cases import full_plan, plan_for

from negotiator.core.enums import ProposalKind
from negotiator.plan import build_plan
from negotiator.planning import schedules
from negotiator.records.contacts import Agreement, ContactEntry
from negotiator.render import ics
from negotiator.render.payments import payments


def events(produced: str) -> list:
    calendar = icalendar.Calendar.from_ical(produced.encode("utf-8"))
    return list(calendar.walk("VEVENT"))


def payment_rows(plan):
    return [row for pay in payments(plan) for row in pay.schedule.rows]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_agreement_no_payment_events_only_the_follow_up_call(lang):
    # Nobody has agreed to the plan's targets: the calendar holds the call, not payments.
    plan = plan_for(lang)
    found = events(ics.render(plan))
    assert len(found) == 1
    assert found[-1]["DTSTART"].dt == plan.numbers.plan_date + dt.timedelta(days=7)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_event_has_uid_start_stamp_and_a_reminder(lang):
    found = events(ics.render(full_plan(lang)))
    uids = [str(e["UID"]) for e in found]
    assert len(set(uids)) == len(uids)
    for event in found:
        assert event.get("UID") and event.get("DTSTART") and event.get("DTSTAMP")
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY" and alarms[0].get("DESCRIPTION") and alarms[0].get("TRIGGER")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_raw_bytes_are_crlf_and_folded_at_75_octets(lang):
    data = ics.render(full_plan(lang)).encode("utf-8")
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines), "long descriptions must have been folded"
    for line in lines:
        line.decode("utf-8")  # no character was cut in half by the folding


def test_folding_keeps_characters_whole_and_unfolds_to_the_original():
    line = "DESCRIPTION:" + "向花呗还第 12 期，" * 20
    pieces = ics.fold(line)
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line


def test_text_values_are_escaped():
    assert ics.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_same_plan_same_file_whatever_the_clock(monkeypatch):
    plan = full_plan("zh")
    first = ics.render(plan)

    class Later(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2031, 1, 1, tzinfo=tz)

        @classmethod
        def utcnow(cls):
            return dt.datetime(2031, 1, 1)

    monkeypatch.setattr(dt, "datetime", Later)
    assert ics.render(plan) == first
    # The stamp is the latest moment the plan records: here its own date, after the log and agreement.
    assert "DTSTAMP:20261128T000000Z\r\n" in first
    later = plan._replace(agreements=(plan.agreement.model_copy(update={"recorded": dt.datetime(2026, 12, 1, 18, 0)}),))
    assert "DTSTAMP:20261201T180000Z\r\n" in ics.render(later)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_agreed_schedule_replaces_the_target_for_its_lender(lang):
    plan = full_plan(lang)
    found = events(ics.render(plan))
    # The first instalment is paid already (tests/render_cases.py): it has no reminder.
    agreed = schedules.agreed(plan.agreements[-1]).rows[1:]
    assert len(found) == len(agreed) + 1  # the others have agreed nothing: one call, no payments
    starts = [e["DTSTART"].dt for e in found[:-1]]
    assert starts == [r.due for r in agreed]
    assert all("350.55" in str(e["SUMMARY"]) for e in found[: len(agreed)])


def payment_events(plan) -> list:
    return [e for e in events(ics.render(plan)) if "350.55" in str(e["SUMMARY"]) or "500.00" in str(e["SUMMARY"])]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_payment_made_is_one_payment_event_fewer(lang):
    plan = full_plan(lang)
    without = build_plan(plan.case, lang, dt.date(2026, 12, 1), log=plan.log, agreements=plan.agreements)
    assert len(payment_events(plan)) == len(payment_events(without)) - 1


def keeping_plan(first_due: dt.date, paid: int, today: dt.date = dt.date(2026, 12, 1)):
    """The English example with 6 x 500 agreed with its first lender and `paid` of them paid on their due dates."""
    from negotiator.core.months import add_months
    from negotiator.records.payments import Payment

    case = full_plan("en").case
    lender = case.debts[0].lender
    agreement = Agreement(lender=lender, kind=ProposalKind.instalments, months=6, monthly=Decimal("500"), first_due=first_due,
                          recorded=dt.datetime.combine(first_due, dt.time(9)))
    payments = tuple(Payment(lender=lender, date=add_months(first_due, n), amount=Decimal("500")) for n in range(paid))
    return build_plan(case, "en", today, agreements=(agreement,), payments=payments)


def test_a_missed_payment_becomes_a_call_to_the_lender():
    plan = keeping_plan(dt.date(2026, 10, 15), paid=1)  # 15 Nov was missed
    found = events(ics.render(plan))
    calls = [e for e in found if "missed" in str(e["SUMMARY"])]
    assert len(calls) == 1 and calls[0]["DTSTART"].dt == dt.date(2026, 12, 1) and "2026-11-15" in str(calls[0]["DESCRIPTION"])
    assert [e["DTSTART"].dt for e in payment_events(plan)] == [dt.date(2026, 12, 15), dt.date(2027, 1, 15), dt.date(2027, 2, 15), dt.date(2027, 3, 15)]


def test_after_the_last_payment_the_proof_and_the_credit_report():
    plan = keeping_plan(dt.date(2026, 5, 20), paid=6, today=dt.date(2026, 12, 1))  # the last on 20 Oct
    found = events(ics.render(plan))
    assert payment_events(plan) == []
    by_summary = {str(e["SUMMARY"]): e["DTSTART"].dt for e in found}
    proof = next(k for k in by_summary if "结清证明" in k)
    report = next(k for k in by_summary if "credit report" in k)
    assert (by_summary[proof], by_summary[report]) == (dt.date(2026, 10, 27), dt.date(2026, 11, 20))


def test_follow_up_is_the_latest_contacts_next_date():
    plan = full_plan("en")
    # The log holds 2026-11-20 (next 2026-12-03) and 2026-11-25 (next 2026-12-10): the later wins,
    # even when the entries are stored out of order.
    shuffled = plan._replace(log=tuple(reversed(plan.log)))
    for p in (plan, shuffled):
        assert events(ics.render(p))[-1]["DTSTART"].dt == dt.date(2026, 12, 10)


def test_follow_up_falls_back_to_a_week_after_the_last_contact_when_it_set_no_date():
    plan = full_plan("en")
    last = ContactEntry(when=dt.datetime(2026, 11, 27, 10, 0), channel="sms", amount_promised=Decimal("1"))
    plan = plan._replace(log=(*plan.log, last))
    assert events(ics.render(plan))[-1]["DTSTART"].dt == dt.date(2026, 12, 4)


def test_an_agreement_with_a_lender_not_in_the_plan_still_gets_its_reminders():
    plan = full_plan("en")
    plan = plan._replace(agreements=(plan.agreement.model_copy(update={"lender": "Another lender"}),))
    found = events(ics.render(plan))
    assert len(found) == plan.agreement.months + 1


def test_contacts_with_and_without_a_time_zone_can_be_compared():
    plan = full_plan("zh")
    zoned = ContactEntry(when=dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), channel="phone",
                         next_date=dt.date(2026, 12, 20))
    plan = plan._replace(log=(*plan.log, zoned))
    produced = ics.render(plan)
    assert events(produced)[-1]["DTSTART"].dt == dt.date(2026, 12, 20)
    assert "DTSTAMP:20261130T000000Z\r\n" in produced  # 08:00 in Beijing is midnight UTC
