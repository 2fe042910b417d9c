"""Where each agreement stands, in words: the lines `show`, `paid` and the plan print, and the
section of the plan that holds them with the payments made. Every figure is planning.standing's;
here it is only put into words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from negotiator.core.enums import Keeping
from negotiator.plan import Plan
from negotiator.planning.standing import Standing, Stray
from negotiator.records.plan import KeepingAdvice
from negotiator.render.blocks import (
    Block,
    Heading,
    Item,
    Items,
    Para,
    Phrasebook,
    Section,
    Table,
    money,
)


def _dates(w: Phrasebook, days: Iterable[dt.date]) -> str:
    return w("keeping.date_separator").join(d.isoformat() for d in days)


def standing_lines(s: Standing, w: Phrasebook) -> list[str]:
    """The agreement's standing, a sentence a line: how much is paid, what comes next, what was missed."""
    lines = [w("keeping.paid_so_far", lender=s.lender, status=w(f"keeping.status.{s.status.value}"),
               paid=money(w, s.paid), total=money(w, s.total), remaining=money(w, s.remaining))]
    if s.missed:
        lines.append(w("keeping.missed", count=len(s.missed), dates=_dates(w, s.missed), overdue=money(w, s.overdue)))
    if s.next_due is not None:
        days = (s.next_due.date - s.today).days
        key = "keeping.next_today" if days == 0 else "keeping.next_soon" if s.status is Keeping.due_soon else "keeping.next"
        lines.append(w(key, date=s.next_due.date.isoformat(), amount=money(w, s.next_due.amount), days=days))
    if s.status is Keeping.completed:
        lines.append(w("keeping.ended", date=s.ends.isoformat()))
    else:
        lines.append(w("keeping.ends", date=s.ends.isoformat()))
    return lines


def standing_line(s: Standing, lang: str) -> str:
    """The standing headed by the lender and its status, a sentence a line (what `paid` says after)."""
    w = Phrasebook(lang)
    head = w("keeping.heading", lender=s.lender, status=w(f"keeping.status.{s.status.value}"))
    return "\n".join([head, *("  " + line for line in standing_lines(s, w))])


def stray_text(x: Stray, w: Phrasebook) -> str:
    p = x.payment
    return w(f"keeping.stray.{x.reason}", lender=p.lender, amount=money(w, p.amount), date=p.date.isoformat())


def stray_line(x: Stray, lang: str) -> str:
    return stray_text(x, Phrasebook(lang))


def section(plan: Plan, w: Phrasebook) -> Section:
    """Each agreement's standing, then every payment recorded; empty when there are none."""
    kept = plan.kept
    if kept is None:
        return Section("keeping", w("sections.keeping"), ())
    blocks: list[Block] = []
    for s in kept.standings:
        blocks.append(Heading(w("keeping.heading", lender=s.lender, status=w(f"keeping.status.{s.status.value}"))))
        blocks.append(Items("bullet", tuple(Item(line) for line in standing_lines(s, w))))
    if plan.payments:
        headers = tuple(w(f"keeping.columns.{c}") for c in ("date", "lender", "amount", "note"))
        rows = tuple((p.date.isoformat(), p.lender, money(w, p.amount), p.note) for p in sorted(plan.payments, key=lambda p: p.date))
        blocks += [Heading(w("keeping.payments")), Table(headers, rows, "llrl")]
    blocks += [Para(stray_text(x, w)) for x in kept.stray]
    for advice in plan.content.keeping if plan.content is not None else ():
        blocks += advice_blocks(advice, w)
    return Section("keeping", w("sections.keeping"), tuple(blocks))


def advice_blocks(advice: KeepingAdvice, w: Phrasebook) -> list[Block]:
    """What to do about one agreement: the steps with their sources and grades, the script, the letters."""
    blocks: list[Block] = [Heading(w(f"keeping.advice.{advice.situation}", lender=advice.lender))]
    steps = []
    for n, step in enumerate(advice.steps, start=1):
        steps.append(Item(step.text, str(n)))
        # A rule's grade is said with it; debt-advice practice says so in its source already.
        source = w("keeping.advice.source", source=step.source, grade=w(f"keeping.grades.{GRADES[step.grade]}")) if step.grade in GRADES else step.source
        steps.append(Item(source, w("keeping.advice.source_label")))
    blocks.append(Items("labelled", tuple(steps)))
    if advice.script:
        blocks += [Heading(w("keeping.advice.script", lender=advice.lender)), Items("number", tuple(Item(line) for line in advice.script))]
    for letter in advice.letters:
        blocks += [Heading(w("keeping.advice.letter", title=letter.text.split("\n", 1)[0])), Para(letter.text)]
    return blocks


# The grade of a step's source in facts.md, as the reader is told it.
GRADES = {"V": "checked", "R": "reported"}
