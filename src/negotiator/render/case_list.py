"""`negotiator cases`: the saved cases, as a table for a person or as JSON for a program. The rows
are made by the command (the next follow-up is the store's figure); here they are only drawn."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from negotiator.words import t


def as_json(rows: Sequence[dict[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"


def as_text(rows: Sequence[dict[str, Any]], lang: str) -> str:
    from negotiator.render.layout import fit_or_stack, screen_width

    if not rows:
        return t(lang, "store.cases.none") + "\n"
    headers = [t(lang, f"store.cases.{k}") for k in ("name", "last_change", "next_follow_up", "contacts")]
    body = []
    for row in rows:
        if row["problem"]:
            body.append([row["name"], row["last_change"].replace("T", " ")[:16], t(lang, "store.cases.broken"), ""])
        else:
            body.append([row["name"], row["last_change"].replace("T", " ")[:16], row["next_follow_up"] or "-", str(row["contacts"])])
    # As wide as the window allows; stacked rather than cut when it is narrow.
    lines = fit_or_stack(headers, body, "lllr", screen_width(), t(lang, "wizard.review.separator"))
    if any(row["problem"] for row in rows):
        lines += ["", t(lang, "store.cases.broken_hint")]
    return "\n".join(lines) + "\n"
