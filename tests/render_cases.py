"""Plans for the renderer tests: the two examples, and a plan with hand-written words, a contact log
and an agreement, so every section (long Chinese and English paragraphs included) is drawn even
before the real content builder is merged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from negotiator.answers.case import ProposalKind
from negotiator.answers.file import load_answers
from negotiator.plan import (
    Checklist,
    Content,
    Letter,
    Objection,
    Plan,
    Right,
    Script,
    Step,
    build_plan,
)
from negotiator.records.contacts import Agreement, ContactEntry
from negotiator.records.payments import Payment

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
STEPS = ("opening", "identity", "situation", "willingness", "opening_ask", "fallback", "confirm", "closing")

LONG_ZH = (
    "我因为公司裁员失去了全职工作，现在只靠兼职工资和失业保险金生活，每月收入从一万二千元降到七千三百元左右。"
    "我不是不想还钱，而是希望在困难期间先暂停还款六个月，每月象征性地还一小部分，之后再按我能承受的金额分期还清全部本金和利息。"
    "请您帮我申请停止计算罚息，并把协商结果通过书面或APP的方式发给我确认。"
)
LONG_EN = (
    "I lost my full-time job when the company cut staff, and I now live on part-time wages and unemployment "
    "insurance, about half of what I earned before. I am not refusing to pay: I am asking for a pause of six "
    "months at a token payment, and then instalments I can keep up until the whole principal and interest are "
    "repaid. Please freeze the penalty interest and send me the agreement in writing or in the app."
)
UNBROKEN = "https://www.pbccrc.org.cn/" + "averyveryverylongaddresswithoutanyspaces" * 3


def example(lang: str) -> Path:
    return EXAMPLES / f"case-{lang}.json"


def plan_for(lang: str, words_in: str | None = None) -> Plan:
    """The example of `lang`, its plan written in `words_in` (default: the example's language)."""
    return build_plan(load_answers(example(lang)), words_in)


def content(lang: str, lenders: list[str]) -> Content:
    long = LONG_ZH if lang == "zh" else LONG_EN
    mixed = f"{long} {UNBROKEN} 花呗 Huabei 12,771.30 元（typical 0.05% a day, check your own contract）。"
    return Content(
        checklist=Checklist(
            before=(long, "身份证 / identity document", mixed),
            during=(long, "[bold]never give SMS codes[/bold] | *never* pay into a personal account"),
            after=(long,),
        ),
        talking_points=(long, mixed, "短句。"),
        script=tuple(Script(lender, tuple(Step(step, f"{lender}: {long}") for step in STEPS)) for lender in lenders),
        objections=tuple(Objection(f"{n}. {long[:60]}", long, "征信业管理条例 Art. 16" if n % 2 else "") for n in range(10)),
        mistakes=(long, mixed),
        letter=tuple(Letter(lender, f"致 {lender}：\n\n{long}\n\n{mixed}\n\n申请人：________  电话：________") for lender in lenders),
        rights=(Right(long, "征信业管理条例 Art. 17"), Right(mixed, UNBROKEN)),
        disclaimer=long,
    )


def full_plan(lang: str) -> Plan:
    """The example with hand-written words, two contact-log entries and an agreement with its first lender."""
    case = load_answers(example(lang))
    first = case.debts[0].lender
    log = (
        ContactEntry(when=dt.datetime(2026, 11, 20, 14, 30), channel="phone", who="工号 8812", lender=first, said=LONG_ZH, agreed=LONG_EN,
                     amount_promised=Decimal("300"), next_action="把收入证明发给对方 / send proof of income", next_date=dt.date(2026, 12, 3)),
        ContactEntry(when=dt.datetime(2026, 11, 25, 9, 5), channel="app", lender=first, said="short", next_date=dt.date(2026, 12, 10)),
    )
    agreement = Agreement(lender=first, kind=ProposalKind.instalments, months=14, monthly=Decimal("350.55"), first_due=dt.date(2027, 1, 31),
                          recorded=dt.datetime(2026, 11, 26, 18, 0))
    # One payment ahead of the first due date, with a long note, and one to a lender with no agreement.
    payments = (
        Payment(lender=first, date=dt.date(2026, 11, 30), amount=Decimal("350.55"), note=LONG_ZH, recorded=dt.datetime(2026, 11, 30, 20, 0)),
        Payment(lender=case.debts[1].lender, date=dt.date(2026, 11, 29), amount=Decimal("100"), recorded=dt.datetime(2026, 11, 29, 8, 0)),
    )
    # Where the agreement stands is worked out for a fixed day, so the snapshots never change with the date.
    plan = build_plan(case, lang, dt.date(2026, 12, 1), log=log, agreements=(agreement,), payments=payments)
    return plan._replace(content=content(lang, [d.lender for d in case.debts]))
