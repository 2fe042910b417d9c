"""The contact log of a saved case, as `negotiator log list` shows it: blocks of text for a person,
or JSON for a program (money as a string with two decimals, dates ISO)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from negotiator.core.money import plain, show
from negotiator.records.contacts import ContactEntry
from negotiator.render.layout import screen_width, wrap
from negotiator.render.safe import json_text, one_line, visible
from negotiator.render.table import width
from negotiator.words import t


def entry_fields(entry: ContactEntry) -> dict[str, Any]:
    """One contact as the JSON of `log list`."""
    return {
        "when": entry.when.isoformat(),
        "channel": entry.channel,
        "who": entry.who,
        "lender": entry.lender,
        "said": entry.said,
        "agreed": entry.agreed,
        "amount_promised": plain(entry.amount_promised) if entry.amount_promised is not None else None,
        "next_action": entry.next_action,
        "next_date": entry.next_date.isoformat() if entry.next_date else None,
        **({"incidents": list(entry.incidents)} if entry.incidents else {}),
        **({"started_by": entry.started_by} if entry.started_by else {}),
    }


def as_json(entries: Sequence[ContactEntry]) -> str:
    return json_text([entry_fields(e) for e in entries]) + "\n"


def as_text(entries: Sequence[ContactEntry], name: str, lang: str) -> str:
    if not entries:
        return t(lang, "store.log.empty", name=name) + "\n"
    blocks = []
    for entry in entries:
        head = f"{entry.when.isoformat(sep=' ', timespec='minutes')}  {t(lang, f'store.log.channels.{entry.channel}')}"
        if entry.started_by:
            head += f"  {t(lang, f'store.log.started_by.{entry.started_by}')}"
        head += "".join(f"  {one_line(part)}" for part in (entry.lender, entry.who) if part)
        lines = [head]
        colon = t(lang, "render.colon")
        for field, value in (("said", entry.said), ("agreed", entry.agreed), ("next_action", entry.next_action)):
            if value:
                # A note's own line breaks stay inside its entry, indented under its label.
                note = visible(value).replace("\n", "\n    ")
                lines.append(f"  {t(lang, f'store.log.labels.{field}')}{colon}{note}")
        if entry.amount_promised is not None:
            lines.append(f"  {t(lang, 'store.log.labels.amount_promised')}{colon}{t(lang, 'render.money', amount=show(entry.amount_promised))}")
        if entry.next_date:
            lines.append(f"  {t(lang, 'store.log.labels.next_date')}{colon}{entry.next_date.isoformat()}")
        if entry.incidents:
            # The misconduct marked on this contact, by name: what a complaint will be built from.
            names = t(lang, "complaint.list.separator").join(t(lang, f"complaint.codes.{code}") for code in entry.incidents)
            lines.append(f"  {t(lang, 'store.log.labels.incidents')}{colon}{names}")
        # Wrapped to the window, at words (English) or by the Chinese line-breaking rules.
        limit = screen_width()
        fitted = [line if width(line) <= limit else "\n".join(wrap(line.strip(), limit, line[: len(line) - len(line.lstrip())], "    "))
                  for line in lines]
        blocks.append("\n".join(fitted))
    return "\n\n".join(blocks) + "\n"
