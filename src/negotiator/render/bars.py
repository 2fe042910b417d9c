"""The month's money as one bar (essentials, priority payments, the buffer, what goes to the
lenders) and each lender's share as a bar, with the plan's figures beside them.

Drawn on a terminal only (the wizard's result screen, `show`); files, pipes and --plain get the
figures alone, which the plan says in words anyway. Every figure is the plan's: the bars only show
their proportions, worked out here in whole cells, never a new amount.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from negotiator.core.controls import visible
from negotiator.core.money import ZERO, show
from negotiator.plan import Plan
from negotiator.render.layout import wrap
from negotiator.render.table import width as columns
from negotiator.words import t

# One mark per part of the month, told apart without colour; ASCII, as the block characters are
# drawn two columns wide by terminals set for Chinese (East Asian ambiguous width).
MONTH = (("essentials", "#"), ("priority", "x"), ("buffer", "+"), ("available", "="))
SHARE, REST = "=", "."
NARROWEST_BAR = 10  # below this a bar shows nothing: the lender's name goes on a line of its own


def cells(amounts: list[Decimal], whole: Decimal, room: int) -> list[int]:
    """How many of `room` cells each amount takes of `whole`: whole cells by the largest remainder,
    and at least one for any amount above nothing, so a small part is still seen."""
    if whole <= 0 or room <= 0:
        return [0] * len(amounts)
    exact = [max(a, ZERO) * room / whole for a in amounts]
    out = [int(x.to_integral_value(ROUND_FLOOR)) for x in exact]
    total = min(room, round(sum(exact)))
    for i in sorted(range(len(out)), key=lambda i: exact[i] - out[i], reverse=True)[: max(total - sum(out), 0)]:
        out[i] += 1
    for i, a in enumerate(amounts):
        if a > 0 and out[i] == 0:
            out[i] = 1
            biggest = max(range(len(out)), key=lambda j: out[j])
            if sum(out) > room and out[biggest] > 1:
                out[biggest] -= 1
    return out


def _pad(text: str, size: int) -> str:
    return text + " " * max(size - columns(text), 0)


def month_lines(plan: Plan, limit: int) -> list[str]:
    """The month's income as one bar, then a line per part: its mark, its name and its figure."""
    lang, b = plan.lang, plan.numbers.budget
    parts = [(mark, t(lang, f"labels.budget.{key}", percent=b.buffer_percent), getattr(b, key)) for key, mark in MONTH]
    whole = max(b.income, sum((max(a, ZERO) for _, _, a in parts), ZERO))
    if whole <= 0:
        return []
    bar = "".join(mark * n for (mark, _, _), n in zip(parts, cells([a for _, _, a in parts], whole, limit), strict=True))
    label_size = max(columns(label) for _, label, _ in parts)
    figures = [show(a) for _, _, a in parts]
    figure_size = max(columns(f) for f in figures)
    lines = [*wrap(t(lang, "render.bars.month", income=show(b.income)), limit), bar]
    for (mark, label, _), figure in zip(parts, figures, strict=True):
        line = f"{mark} {_pad(label, label_size)}  {figure.rjust(figure_size)}"
        lines.append(line if columns(line) <= limit else f"{mark} {label}{t(lang, 'render.colon')}{figure}")
    return lines


def share_lines(plan: Plan, limit: int) -> list[str]:
    """Each lender's share of what goes to the lenders, as a bar the length of the whole, with
    the share beside it."""
    lang, n = plan.lang, plan.numbers
    debts = [d for d in n.debts if d.ladder is not None]
    whole = sum((d.share for d in debts), ZERO)
    if not debts or whole <= 0:
        return []
    names = [visible(d.lender, newlines=False) for d in debts]
    figures = [show(d.share) for d in debts]
    figure_size = max(columns(f) for f in figures)
    name_size = max(columns(name) for name in names)
    beside = name_size <= limit // 3 and limit - name_size - figure_size - 4 >= NARROWEST_BAR
    room = limit - figure_size - 2 - (name_size + 2 if beside else 2)
    lines = wrap(t(lang, "render.bars.shares", available=show(n.budget.available)), limit)
    for d, name, figure in zip(debts, names, figures, strict=True):
        (filled,) = cells([d.share], whole, room)
        bar = SHARE * filled + REST * (room - filled)
        if beside:
            lines.append(f"{_pad(name, name_size)}  {bar}  {figure.rjust(figure_size)}")
        else:
            lines += [name, f"  {bar}  {figure.rjust(figure_size)}"]
    return lines


def budget_bars(plan: Plan, limit: int) -> list[str]:
    """Both pictures, a blank line between them; nothing when there is no money to draw."""
    month, shares = month_lines(plan, limit), share_lines(plan, limit)
    return month + ([""] if month and shares else []) + shares
