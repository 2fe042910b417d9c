"""The plan as calendar reminders (RFC 5545): only what is real. Payment events only for agreed
schedules (nobody has agreed to the plan's targets yet), and only for instalments not yet paid; a
reminder to call the lender when a payment was missed; after the last payment, the 结清证明 and the
credit report; while any lender has no agreement, one
event for the follow-up call, on the date the plan's one follow-up rule gives. The same
plan always gives the same file, byte for byte: identifiers and the time stamp are derived from the
plan, never from the clock, so importing it again updates the events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from negotiator import __version__
from negotiator.plan import Plan
from negotiator.planning.standing import way_out
from negotiator.render import safe
from negotiator.render.blocks import Phrasebook, money
from negotiator.render.payments import Payments, call_date, latest_contact, payments
from negotiator.words import t

LINE_OCTETS = 75
# A calendar holds at most this many payment reminders, the earliest first: enough for 10 debts over
# 10 years, while a plan of 200 debts over 120 months (24,000) would make a file of tens of MB that
# no calendar app imports well. The follow-up event says when some were left out.
MAX_PAYMENT_EVENTS = 1200
# All-day events start at midnight: remind the day before at 09:00 for a payment, and at 09:00 on
# the day itself for the call.
PAYMENT_ALARM = "-PT15H"
CALL_ALARM = "PT9H"


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). The
    controls the RFC forbids in a value (every one but tab), and the bidi marks, are shown escaped
    as the text form shows them, so a calendar app displays them rather than obeying them."""
    text = safe.visible(text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> list[str]:
    """A content line cut into pieces of at most 75 octets, never inside a UTF-8 character; every
    piece after the first starts with a space (RFC 5545 3.1)."""
    if len(line) <= LINE_OCTETS // 4 or len(line.encode("utf-8")) <= LINE_OCTETS:
        return [line]  # most lines: no need to count character by character
    pieces: list[str] = []
    piece, octets = "", 0
    for ch in line:
        size = len(ch.encode("utf-8"))
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1
        if octets + size > limit:
            pieces.append(piece)
            piece, octets = "", 0
        piece += ch
        octets += size
    pieces.append(piece)
    return [pieces[0]] + [" " + p for p in pieces[1:]]


def _uid(*parts: object) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:32]
    return f"{digest}@negotiator"


def _utc(moment: dt.datetime) -> dt.datetime:
    # A time without a zone is taken as written; only a zoned one needs converting.
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment


def stamp(plan: Plan) -> str:
    """DTSTAMP: the latest moment the plan knows of (its date, the last contact, the agreement)."""
    moments = [dt.datetime.combine(plan.numbers.plan_date, dt.time())]
    moments += [_utc(e.when) for e in plan.log]
    moments += [_utc(a.recorded) for a in plan.agreements if a.recorded is not None]
    return max(moments).strftime("%Y%m%dT%H%M%SZ")


def _day(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _event(uid: str, stamp_: str, day: dt.date, summary: str, detail: str, alarm: str, trigger: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp_}",
        f"DTSTART;VALUE=DATE:{_day(day)}",
        f"DTEND;VALUE=DATE:{_day(day + dt.timedelta(days=1))}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(detail)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape(alarm)}",
        f"TRIGGER:{trigger}",
        "END:VALARM",
        "END:VEVENT",
    ]


def to_pay(plan: Plan, pay: Payments) -> list[tuple[int, dt.date, Decimal]]:
    """The instalments still to pay to one agreed lender, as (n, due, amount left): with payments
    recorded (planning.standing), those paid leave and one paid in part shows what is left; a due
    date already passed is not a payment to remind of but a call to make (keeping_events)."""
    s = plan.kept.of(pay.lender) if plan.kept is not None else None
    if s is None:
        return [(row.n, row.due, row.payment) for row in pay.schedule.rows]
    return [(d.n, d.date, d.amount) for d in s.unpaid if d.date >= s.today]


def keeping_events(plan: Plan, w: Phrasebook, since: str, when: str) -> list[str]:
    """A reminder to call the lender about a missed payment, on the day the plan was made; and after
    the last payment, the day to ask for the 结清证明 and the day to check the credit report."""
    lines: list[str] = []
    for s in plan.kept.standings if plan.kept is not None else ():
        if s.missed:
            dates = w("keeping.date_separator").join(d.isoformat() for d in s.missed)
            lines += _event(_uid(since, "missed", s.lender, dates), when, s.today,
                            w("calendar.missed", lender=s.lender),
                            w("calendar.missed_detail", lender=s.lender, dates=dates, overdue=money(w, s.overdue)),
                            w("calendar.missed_alarm", lender=s.lender), CALL_ALARM)
        out = way_out(s)
        if out is not None:
            lines += _event(_uid(since, "proof", s.lender, s.ends), when, out.proof,
                            w("calendar.proof", lender=s.lender), w("calendar.proof_detail", lender=s.lender, ends=s.ends.isoformat()),
                            w("calendar.proof", lender=s.lender), CALL_ALARM)
            lines += _event(_uid(since, "report", s.lender, s.ends), when, out.report_from,
                            w("calendar.report", lender=s.lender),
                            w("calendar.report_detail", lender=s.lender, until=out.report_until.isoformat()),
                            w("calendar.report", lender=s.lender), CALL_ALARM)
    return lines


def render(plan: Plan) -> str:
    w = Phrasebook(plan.lang)
    when = stamp(plan)
    since = plan.case.hardship.since.isoformat()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//negotiator//negotiator {__version__}//{plan.lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(w('calendar.name'))}",
    ]
    every = [x for x in payments(plan) if x.agreed]  # only what was agreed is a real payment
    ahead = [to_pay(plan, pay) for pay in every]
    due = sorted((day, order, n) for order, rows in enumerate(ahead) for n, day, _ in rows)
    kept = {(order, n) for _, order, n in due[:MAX_PAYMENT_EVENTS]}
    cut = ""
    if len(due) > MAX_PAYMENT_EVENTS:  # said in the calendar's description, and at the call if any
        cut = t(plan.lang, "safety.calendar_cut", kept=MAX_PAYMENT_EVENTS, total=len(due), last=due[MAX_PAYMENT_EVENTS - 1][0].isoformat())
        lines.append(f"X-WR-CALDESC:{escape(cut)}")
    for order, pay in enumerate(every):
        kind = t(plan.lang, f"labels.kinds.{pay.kind}")
        source = "agreed" if pay.agreed else "target"
        basis = w("calendar.basis_agreed", lender=pay.lender, kind=kind) if pay.agreed else w("calendar.basis_target", kind=kind)
        months = len(pay.schedule.rows)
        for n, day, left in ahead[order]:
            if (order, n) not in kept:
                continue
            amount = money(w, left)
            lines += _event(
                _uid(since, pay.index, pay.lender, source, n),
                when,
                day,
                w("calendar.payment", lender=pay.lender, amount=amount, n=n, months=months),
                w("calendar.payment_detail", lender=pay.lender, amount=amount, n=n, months=months, due=day.isoformat(), basis=basis),
                w("calendar.payment_alarm", lender=pay.lender, amount=amount),
                PAYMENT_ALARM,
            )
    lines += keeping_events(plan, w, since, when)
    call = call_date(plan)
    if call is not None:
        detail = w("calendar.follow_up_detail")
        last = latest_contact(plan)
        if last is not None and last.next_action:
            detail += "\n" + w("calendar.follow_up_next", action=last.next_action)
        if cut:
            detail += "\n" + cut
        lines += _event(_uid(since, "follow-up", call), when, call, w("calendar.follow_up"), detail, w("calendar.follow_up_alarm"), CALL_ALARM)
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in fold(line))
