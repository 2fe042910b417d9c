"""`negotiator cases`: the saved cases, as a table for a person or as JSON for a program, one line a
case: its worst status, its next payment and its next follow-up. The rows are made by the command
(the figures are planning's, through the store); here they are only drawn."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from negotiator.core.money import show
from negotiator.render.layout import fit_or_stack, screen_width
from negotiator.render.safe import json_text
from negotiator.words import t


def as_json(rows: Sequence[dict[str, Any]]) -> str:
    return json_text(list(rows)) + "\n"


def as_text(rows: Sequence[dict[str, Any]], lang: str) -> str:
    if not rows:
        return t(lang, "store.cases.none") + "\n"
    headers = [t(lang, f"store.cases.{k}") for k in ("name", "status", "next_payment", "next_follow_up", "last_change")]
    body = []
    for row in rows:
        changed = row["last_change"].replace("T", " ")[:16]
        if row["problem"]:
            body.append([row["name"], t(lang, "store.cases.broken"), "", "", changed])
            continue
        status = t(lang, f"render.keeping.status.{row['status']}") if row["status"] else t(lang, "store.cases.no_agreement")
        due = row["next_payment"]
        payment = t(lang, "store.cases.payment", date=due["date"], amount=show(Decimal(due["amount"]))) if due else "-"
        follow_up = row["next_follow_up"] or "-"
        if row.get("follow_up_overdue"):
            follow_up = t(lang, "store.cases.follow_up_overdue", date=follow_up)
        body.append([row["name"], status, payment, follow_up, changed])
    # As wide as the window allows; stacked rather than cut when it is narrow.
    lines = fit_or_stack(headers, body, "lllll", screen_width(), t(lang, "wizard.review.separator"))
    # Where the borrower stands with each lender, under the table, for the cases where it is not
    # the ordinary ladder with every lender.
    marked = [(row["name"], lenders(row, lang)) for row in rows if any(p != "ordinary" for p in row["postures"].values())]
    if marked:
        lines += ["", *(t(lang, "store.cases.postures_line", name=name, lenders=text) for name, text in marked)]
    if any(row["problem"] for row in rows):
        lines += ["", t(lang, "store.cases.broken_hint")]
    return "\n".join(lines) + "\n"


def lenders(row: dict[str, Any], lang: str) -> str:
    """The case's lenders, each marked with its posture as `show` works it out, unless ordinary."""
    marked = []
    for lender, posture in row["postures"].items():
        marked.append(lender if posture == "ordinary" else t(lang, "store.cases.posture", lender=lender, posture=t(lang, f"store.cases.postures.{posture}")))
    return t(lang, "store.cases.lender_separator").join(marked) or "-"
