"""The plan as titled sections of simple blocks, in the fixed order people read it.

Text, Markdown and the terminal view all draw these same blocks, so the content is assembled once and
each renderer only decides how a heading, a table or a check box looks. Nothing here computes money:
every figure comes from the engine (or the recorded agreement) and is only formatted.
"""

from __future__ import annotations

from collections.abc import Iterator

from negotiator.advice.phrasing import given, joined, lenders, term
from negotiator.advice.phrasing import months as span
from negotiator.advice.phrasing import payments as payment_count
from negotiator.core.money import plain, show
from negotiator.core.when import Day
from negotiator.plan import Content, Plan
from negotiator.planning.engine import DebtPlan
from negotiator.planning.ladder import Ladder
from negotiator.planning.proposals import Proposal
from negotiator.planning.schedules import Instalment, Schedule
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
from negotiator.render.incidents import so_far
from negotiator.render.payments import call_date, payments
from negotiator.words import t

# A schedule longer than this is shown as runs of equal payments rather than row by row.
FULL_SCHEDULE_ROWS = 12


# ---- the sections, in order ---------------------------------------------------------------------


def sections(plan: Plan) -> list[Section]:
    """Every section of the plan that has something to say, in the fixed order."""
    w = Phrasebook(plan.lang)
    from negotiator.render.keeping import section as keeping  # noqa: PLC0415

    out = [_summary(plan, w), _budget(plan, w), _proposals(plan, w), _schedules(plan, w), keeping(plan, w)]
    c = plan.content
    if c is not None:
        out += [
            _checklist(c, w),
            Section("talking_points", w("sections.talking_points"), (Items("bullet", tuple(Item(x) for x in c.talking_points)),)),
            _script(c, w),
            _objections(c, w),
            Section("mistakes", w("sections.mistakes"), (Items("bullet", tuple(Item(x) for x in c.mistakes)),)),
            _letters(c, w),
            _rights(c, w),
        ]
    if plan.incidents is not None:

        out.append(so_far(plan.incidents, plan.lang))
    if plan.log:
        out.append(_contact_log(plan, w))
    if c is not None and c.disclaimer:
        out.append(Section("disclaimer", w("sections.disclaimer"), (Para(c.disclaimer),)))
    return [s for s in out if s.blocks and any(_has_words(b) for b in s.blocks)]


def _has_words(block: Block) -> bool:
    if isinstance(block, Items):
        return bool(block.items)
    if isinstance(block, Table):
        return bool(block.rows)
    return bool(block.text)


def title(plan: Plan) -> str:
    return t(plan.lang, "render.document.title")


def subtitle(plan: Plan) -> str:
    return t(plan.lang, "render.document.made_for", date=plan.numbers.plan_date.isoformat())


def _expired(d: DebtPlan) -> bool:
    return d.ladder is None and d.limitation is not None and d.limitation.status == "expired"


def _ladder(d: DebtPlan) -> Ladder:
    """The ladder of a lender the plan offers something (the callers leave out those it offers nothing)."""
    assert d.ladder is not None
    return d.ladder


def n_(w: Phrasebook, key: str, **values: object) -> str:
    """A sentence about the plan's figures (content/<lang>/numbers.toml)."""
    return t(w.lang, f"numbers.{key}", **values)


def verdict(plan: Plan, w: Phrasebook) -> str:
    """The whole budget in one line: does the money cover every lender within the usual terms, and
    if not, by how much it falls short and what the plan asks for instead."""
    n = plan.numbers
    cover = n.cover
    if n.budget.available <= 0 and cover is not None and not cover.covers_all:
        return n_(w, "verdict.no_money")
    # A debt whose limitation may have run out is offered nothing: "all debts" would count it.
    left_out = [d.lender for d in n.debts if _expired(d)]
    which = n_(w, "verdict.which_offered", left_out=n_(w, "verdict.separator").join(left_out)) if left_out else n_(w, "verdict.which_all")
    if cover is None or cover.covers_all:
        return n_(w, "verdict.covers", available=money(w, n.budget.available), which=which)
    if not cover.asks:  # short only because of what was agreed: nothing more to ask for
        return n_(w, "verdict.short_agreed", available=money(w, n.budget.available), shortfall=money(w, cover.shortfall))
    asks = n_(w, "verdict.separator").join(n_(w, f"verdict.asks.{a}") for a in cover.asks)
    return n_(w, "verdict.short", available=money(w, n.budget.available), shortfall=money(w, cover.shortfall), asks=asks, which=which)


def assumed_terms(plan: Plan, w: Phrasebook) -> str:
    """The term each debt's figures are worked out over, said as what it is: for a card the reported
    cap, for any other lender the tool's own assumption, which the answers file can change."""
    debts = [d for d in plan.numbers.debts if d.ladder is not None and d.agreed is None]
    if not debts:
        return ""
    terms = n_(w, "verdict.assumed_separator").join(
        n_(w, "verdict.assumed_card" if d.debt.card_capped else "verdict.assumed_other", lender=d.lender, months=d.debt.term_limit) for d in debts
    )
    return n_(w, "verdict.assumed", terms=terms)


def _summary(plan: Plan, w: Phrasebook) -> Section:
    n = plan.numbers
    blocks: list[Block] = [Para(verdict(plan, w)), Para(assumed_terms(plan, w)), Para(w("summary.total", total=money(w, n.total_balance), count=lenders(w.lang, len(n.debts))))]
    if n.budget.available > 0:
        blocks.append(Para(w("summary.available", available=money(w, n.budget.available))))
    else:
        blocks.append(Para(w("summary.no_money")))
    if plan.case.lump_sum > 0:
        blocks.append(Para(w("summary.lump_sum", lump_sum=money(w, plan.case.lump_sum))))
        if n.cover is not None and n.cover.lump_sum_used > 0:
            blocks.append(Para(n_(w, "lump.used", used=money(w, n.cover.lump_sum_used), left=money(w, n.cover.lump_sum_left))))
    # A limitation that has run out or is about to is the first thing to know, before any figure.
    notes = [
        Para(w(f"summary.limitation_{d.limitation.status}", lender=d.lender, expires=d.limitation.expires.isoformat()))
        for d in n.debts
        if d.limitation is not None and d.limitation.status in ("expired", "near")
    ]
    blocks[:0] = notes
    headers = (w.label("columns.lender"), w.label("columns.balance"), w("summary.walk_away"), w("summary.target"), w.label("columns.monthly"))
    # A target longer than lenders usually grant is marked where it is first seen, not only
    # further down, in a column of its own so that the amounts stay in line.
    above = any(d.ladder.target.beyond_usual_term for d in n.debts if d.ladder is not None)
    rows = []
    for d in n.debts:
        if d.ladder is None:  # nothing to offer this lender: no walk-away, no target
            row = (d.lender, show(d.balance), "-", w("summary.expired") if _expired(d) else "-", "-")
            rows.append(row + ("",) if above else row)
            continue
        target = d.ladder.target
        monthly = "-" if target.pause_only or target.kind.value == "settlement" else show(target.monthly_payment)
        walk_away = "-" if d.ladder.once else show(d.ladder.walk_away)
        kind = target.kind.value
        if d.agreed is not None:  # what was agreed, not what the plan would have asked for
            kind, monthly = d.agreed.kind.value, show(d.agreed.monthly)
        row = (d.lender, show(d.balance), walk_away, w.kind(kind), monthly)
        marked = d.agreed is None and target.beyond_usual_term
        rows.append(row + ("*" if marked else "",) if above else row)
    blocks.append(Table(headers + ("",) if above else headers, tuple(rows), "lrrlrl" if above else "lrrlr"))
    if above:
        blocks.append(Para(w("summary.above_walk_away")))
    for a in plan.agreements:
        blocks.append(Para(w("summary.agreement", lender=a.lender, months=a.months, monthly=money(w, a.monthly), first_due=a.first_due.isoformat())))
    if plan.follow_up is not None:
        # The next follow-up is the call, or an agreed payment that comes first.
        day = plan.follow_up.isoformat()
        blocks.append(Para(w("summary.follow_up", date=day) if plan.follow_up == call_date(plan) else n_(w, "next_payment", date=day)))
    return Section("summary", w("sections.summary"), tuple(blocks))


def _budget(plan: Plan, w: Phrasebook) -> Section:
    b = plan.numbers.budget
    case = plan.case
    rows: list[tuple[str, str]] = [(w.label("budget.income"), show(b.income))]
    rows += [("  " + x.source, show(x.monthly)) for x in case.income]
    rows.append((w.label("budget.essentials"), show(b.essentials)))
    rows += [("  " + w(f"categories.{x.category.value}"), show(x.monthly)) for x in case.expenses]
    rows.append((w.label("budget.priority"), show(b.priority)))
    rows += [("  " + x.name, show(x.monthly)) for x in case.priority]
    rows += [
        (w.label("budget.surplus"), show(b.surplus)),
        (w.label("budget.buffer", percent=b.buffer_percent), show(b.buffer)),
        (w.label("budget.available"), show(b.available)),
    ]
    table = Table(("", w.label("columns.monthly")), tuple(rows), "lr")
    return Section("budget", w.label("budget.title"), (table,))


def describe(p: Proposal, w: Phrasebook) -> str:
    """One proposal in a sentence: what is paid, how often, and what it adds up to."""
    kind = w.kind(p.label)
    total = money(w, p.total_payable)
    if p.settlement_percent is not None:
        words = w("describe.settlement", percent=plain(p.settlement_percent), total=total)
    elif p.pause_only:
        words = n_(w, "ladder.pause_only", pause=p.pause_months)
    elif p.pause_months:
        rest = len(p.instalments)
        pause = money(w, p.pause_payment)
        if rest:
            words = w("describe.extension", pause=span(w.lang, p.pause_months), pause_payment=pause, monthly=money(w, p.monthly_payment), rest=span(w.lang, rest), total=total)
        else:
            words = w("describe.pause_only", pause=span(w.lang, p.pause_months), pause_payment=pause, total=total)
    else:
        words = w("describe.instalments", monthly=money(w, p.monthly_payment), months=term(w.lang, p.months), total=total)
    notes = []
    if p.settlement_percent is not None and p.waived > 0:  # most of it is principal: never "penalties"
        notes.append(n_(w, "describe.written_off", waived=money(w, p.waived)))
    elif p.waived > 0:
        notes.append(w("describe.waived", waived=money(w, p.waived)))
    if p.beyond_usual_term:
        notes.append(n_(w, "describe.longer"))
    if p.interest_during_pause is not None and not p.pause_only:
        notes.append(n_(w, f"describe.pause_{p.interest_during_pause}"))
    elif p.interest_frozen:
        notes.append(w("describe.frozen"))
    text = w("describe.line", kind=kind, words=words)
    if notes:
        text += w("describe.notes", notes=w("describe.separator").join(notes))
    return text


def walk_away_text(d: DebtPlan, w: Phrasebook) -> str:
    """The walk-away in words: a monthly ceiling, or for a settlement the one payment."""
    ladder = _ladder(d)
    if ladder.once:
        return n_(w, "ladder.walk_away_once", amount=money(w, ladder.walk_away))
    return w("ladder.walk_away_text", share=money(w, ladder.walk_away))


def target_line(d: DebtPlan, w: Phrasebook) -> str:
    """One lender's target and walk-away in a line, as the wizard's review and result show it."""
    return n_(w, "target_line", lender=d.lender, target=describe(_ladder(d).target, w), walk_away=walk_away_text(d, w))


def choice_name(p: Proposal, w: Phrasebook) -> str:
    """What a menu calls a proposal: a pause is named by its length and by whether instalments
    follow it ("延期 6 个月后分期", "只延期 6 个月"), so no two choices share a name."""
    if p.kind.value == "extension":
        which = "extension" if p.instalments and not p.pause_only else "pause_only"
        return n_(w, f"choice.name.{which}", pause=p.pause_months)
    return w.kind(p.label)


def choice_line(d: DebtPlan, w: Phrasebook) -> str:
    """A proposal as a menu offers it: the target it gives, what that adds up to and when it is
    paid off, and the walk-away that goes with it."""
    ladder = _ladder(d)
    p = ladder.target
    name = choice_name(p, w)
    if ladder.once:
        return n_(w, "choice.once", kind=name, amount=money(w, p.amount))
    last = p.schedule.rows[-1].due if p.schedule.rows else None
    end = given(w.lang, Day(last.year, last.month)) if last is not None else ""
    if p.pause_only or not p.instalments:
        return n_(w, "choice.pause_only", kind=name, end=end)
    values = {"kind": name, "monthly": money(w, p.monthly_payment), "months": len(p.instalments), "walk_away": money(w, ladder.walk_away),
              "total": money(w, p.total_payable), "end": end}
    if p.pause_months:
        line = n_(w, "choice.pause", pause=p.pause_months, pause_payment=money(w, p.pause_payment), **values)
    else:
        line = n_(w, "choice.monthly", **values)
    return line + n_(w, "choice.longer") if p.beyond_usual_term else line


def debt_blocks(d: DebtPlan, w: Phrasebook) -> list[Block]:
    """One lender's proposals, recommendation and offer ladder: in the plan and in the wizard."""
    blocks: list[Block] = []
    blocks.append(Heading(w("proposals.heading", lender=d.lender, balance=money(w, d.balance), share=money(w, d.share))))
    if _expired(d) and d.limitation is not None:  # the limitation has run out: no proposal, no ladder
        blocks.append(Para(w("proposals.expired", expires=d.limitation.expires.isoformat())))
        return blocks
    headers = tuple(w.label(f"columns.{c}") for c in ("kind", "months", "monthly", "total", "apr", "fits"))
    rows = tuple(
        (w.kind(p.kind.value), str(p.months), show(p.monthly_payment), show(p.total_payable), f"{plain(p.apr)}%", w.label("columns.yes" if p.fits else "columns.no"))
        for p in d.proposals
    )
    blocks.append(Table(headers, rows, "lrrrrl"))
    blocks.append(Para(w("proposals.recommended", kind=w.kind(d.recommended.kind.value), reason=w.label(f"reasons.{d.recommended.reason}"))))
    if d.debt.chosen is not None:
        blocks.append(Para(w("proposals.chosen", kind=w.kind(d.debt.chosen.value))))
    ladder = d.ladder
    if ladder is None:
        return blocks
    steps = [Item(describe(ladder.opening, w), w("ladder.opening"))] if ladder.opening is not None else []
    steps.append(Item(describe(ladder.target, w), w("ladder.target")))
    steps.append(Item(walk_away_text(d, w), w("ladder.walk_away")))
    blocks.append(Items("labelled", tuple(steps)))
    if ladder.opening is None:
        blocks.append(Para(n_(w, "ladder.one_ask")))
    target = ladder.target
    if target.interest_during_pause == "accrues" and target.accrual_if_not_frozen > 0:
        blocks.append(Para(w("ladder.accrual", pause=target.pause_months, accrual=money(w, target.accrual_if_not_frozen))))
    if ladder.usual is not None and target.beyond_usual_term:
        usual = ladder.usual
        blocks.append(Para(n_(w, "ladder.longer", usual_months=usual.months, usual_monthly=money(w, usual.monthly_payment), months=target.months)))
    if ladder.usual is not None and target.over_card_cap:
        stage = "lawsuit" if d.debt.stage.value == "lawsuit" else "other"
        blocks.append(Para(n_(w, "ladder.capped", walk_away=money(w, ladder.walk_away), usual_monthly=money(w, ladder.usual.monthly_payment),
                              alternatives=t(w.lang, f"advice.capped.alternatives_{stage}"))))
    if ladder.cheaper is not None:
        cheaper = ladder.cheaper
        blocks.append(Para(n_(w, "ladder.cheaper", target_kind=w.kind(target.kind.value), target_total=money(w, target.total_payable),
                              cheaper_kind=w.kind(cheaper.kind.value), cheaper_total=money(w, cheaper.total_payable),
                              difference=money(w, target.total_payable - cheaper.total_payable))))
    return blocks


def _proposals(plan: Plan, w: Phrasebook) -> Section:
    blocks: list[Block] = []
    for d in plan.numbers.debts:
        blocks += debt_blocks(d, w)
    return Section("proposals", w("sections.proposals"), tuple(blocks))


def runs(rows: tuple[Instalment, ...]) -> Iterator[tuple[Instalment, Instalment]]:
    """Consecutive instalments of the same amount, as (first, last) pairs."""
    start = None
    for i, row in enumerate(rows):
        if start is None:
            start = row
        if i + 1 == len(rows) or rows[i + 1].payment != row.payment:
            yield start, row
            start = None


def schedule_blocks(schedule: Schedule, w: Phrasebook) -> list[Block]:
    """The instalments row by row, or, for a long schedule, by runs of equal payments (each amount
    still exact to the fen), with the total."""
    rows = schedule.rows
    if len(rows) <= FULL_SCHEDULE_ROWS:
        headers = tuple(w.label(f"columns.{c}") for c in ("n", "due", "payment", "principal", "interest", "remaining"))
        body: tuple[tuple[str, ...], ...] = tuple((str(r.n), r.due.isoformat(), show(r.payment), show(r.principal), show(r.interest), show(r.remaining)) for r in rows)
        blocks: list[Block] = [Table(headers, body, "rlrrrr")]
    else:
        headers = (w.label("columns.n"), w("schedule.from"), w("schedule.to"), w("schedule.each"))
        body = tuple(
            (str(a.n) if a is b else f"{a.n}-{b.n}", a.due.isoformat(), b.due.isoformat(), show(a.payment))
            for a, b in runs(rows)
        )
        blocks = [Para(w("schedule.grouped")), Table(headers, body, "rllr")]
    blocks.append(Para(w("schedule.total", months=payment_count(w.lang, len(rows)), total=money(w, schedule.total_payable))))
    return blocks


def _schedules(plan: Plan, w: Phrasebook) -> Section:
    blocks: list[Block] = []
    for pay in payments(plan):
        key = "schedule.agreed_heading" if pay.agreed else "schedule.heading"
        blocks.append(Heading(w(key, lender=pay.lender, kind=w.kind(pay.kind))))
        blocks += schedule_blocks(pay.schedule, w)
    if any(len(p.schedule.rows) > FULL_SCHEDULE_ROWS for p in payments(plan)):
        blocks.append(Para(w("schedule.full_hint")))
    agreed = any(p.agreed for p in payments(plan))
    return Section("schedule", w("sections.agreed_schedule" if agreed else "sections.schedule"), tuple(blocks))


def _checklist(c: Content, w: Phrasebook) -> Section:
    blocks: list[Block] = []
    for part in ("before", "during", "after"):
        items = getattr(c.checklist, part)
        if items:
            blocks.append(Heading(w(f"checklist.{part}")))
            blocks.append(Items("check", tuple(Item(x) for x in items)))
    return Section("checklist", w("sections.checklist"), tuple(blocks))


def _script(c: Content, w: Phrasebook) -> Section:
    blocks: list[Block] = []
    for script in c.script:
        blocks.append(Heading(w("script.heading", lender=script.lender)))
        steps = tuple(Item(s.text, w.optional(f"steps.{s.step}", s.step)) for s in script.steps)
        blocks.append(Items("number", steps))
    return Section("script", w("sections.script"), tuple(blocks))


def _objections(c: Content, w: Phrasebook) -> Section:
    """The answers, under the names of the lenders they are for when not every lender gets the same."""
    blocks: list[Block] = []
    named: set[tuple[str, ...]] = set()
    several = len({o.lenders for o in c.objections}) > 1
    for o in c.objections:
        if several and o.lenders not in named:  # named once, before the first answer of its set
            blocks.append(Heading(w("objections.for", lenders=joined(w.lang, list(o.lenders)))))
            named.add(o.lenders)
        items = [Item(o.they_say, w("objections.they_say")), Item(o.you_say, w("objections.you_say"))]
        if o.source:
            items.append(Item(o.source, w("objections.source")))
        blocks.append(Items("labelled", tuple(items)))
    return Section("objections", w("sections.objections"), tuple(blocks))


def _letters(c: Content, w: Phrasebook) -> Section:
    blocks: list[Block] = []
    for letter in c.letter:
        blocks.append(Heading(w("letter.heading", lender=letter.lender)))
        blocks.append(Para(letter.text))
    return Section("letter", w("sections.letter"), tuple(blocks))


def _rights(c: Content, w: Phrasebook) -> Section:
    blocks: list[Block] = []
    for right in c.rights:
        items = [Item(right.text)]
        if right.source:
            items.append(Item(right.source, w("rights.source")))
        blocks.append(Items("labelled", tuple(items)))
    return Section("rights", w("sections.rights"), tuple(blocks))


def _contact_log(plan: Plan, w: Phrasebook) -> Section:
    blocks: list[Block] = []
    for e in plan.log:
        parts = [e.when.strftime("%Y-%m-%d %H:%M"), w(f"channels.{e.channel}")]
        if e.started_by:
            parts.append(w(f"log.started_by.{e.started_by}"))
        parts += [x for x in (e.lender, e.who) if x]
        blocks.append(Heading(w("log.separator").join(parts)))
        items = []
        if e.said:
            items.append(Item(e.said, w("log.said")))
        if e.agreed:
            items.append(Item(e.agreed, w("log.agreed")))
        if e.amount_promised is not None:
            items.append(Item(money(w, e.amount_promised), w("log.amount_promised")))
        if e.next_action:
            items.append(Item(e.next_action, w("log.next_action")))
        if e.next_date is not None:
            items.append(Item(e.next_date.isoformat(), w("log.next_date")))
        if items:
            blocks.append(Items("labelled", tuple(items)))
    return Section("contact_log", w("sections.contact_log"), tuple(blocks))
