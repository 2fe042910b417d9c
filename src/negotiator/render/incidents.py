"""The incidents of a contact log as `negotiator incidents` shows them: text and JSON.

A person's own words (who called, what was said) are shown through `shown` (the display boundary,
negotiator.render.safe), so text typed or pasted into the log never drives the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from negotiator.advice.complaint import Rule, Told
from negotiator.planning.incidents import SoFar, lenders_with
from negotiator.render import safe
from negotiator.render.blocks import Item, Items, Para, Section
from negotiator.render.layout import wrap
from negotiator.render.safe import visible as shown
from negotiator.words import t

if TYPE_CHECKING:  # read for its fields only: an answers file has no log to load
    from negotiator.records.contacts import ContactEntry

WIDTH = 80

def dumps(value: Any) -> str:
    """JSON that keeps every value exactly, with the invisible characters written as \\u escapes."""
    return safe.json_text(value) + "\n"


def entry_data(n: int, entry: ContactEntry) -> dict[str, Any]:
    return {"entry": n, "when": entry.when.isoformat(), "channel": entry.channel, "who": entry.who, "lender": entry.lender, "said": entry.said}


def data(told: Told, entries: Sequence[ContactEntry]) -> dict[str, Any]:
    """One incident as plain data: the same in `incidents --format json` and in a complaint."""
    i = told.incident
    return {
        "code": i.code,
        "title": told.title,
        "found": i.found,
        "why": told.why,
        "lender": i.lender,
        "date": i.when.date().isoformat(),
        "time": i.when.strftime("%H:%M"),
        "channel": entries[i.entries[0] - 1].channel,
        "entries": list(i.entries),
        "log": [entry_data(n, entries[n - 1]) for n in i.entries],
        "rules": [{"text": r.text, "source": r.source, "grade": r.grade} for r in told.rules],
    }


def grade_words(grade: str, lang: str) -> str:
    return {"R": t(lang, "complaint.list.reported"), "V": t(lang, "complaint.list.checked")}.get(grade, "")


def rule_line(rule: Rule, lang: str) -> str:
    """A rule with its source, and its grade in words where it has one."""
    graded = grade_words(rule.grade, lang)
    source = t(lang, "complaint.letter.source_graded", source=rule.source, grade=graded) if graded else rule.source
    return t(lang, "complaint.letter.rule", text=rule.text, source=source)


def cited(rule: Rule, lang: str) -> str:
    """A rule as a letter cites it: the source plainly, never our grade (an R rule's own words
    already say "reported"); plain practice, which has no source to cite, stands alone."""
    if not rule.grade:
        return t(lang, "complaint.letter.rule_plain", text=rule.text)
    return t(lang, "complaint.letter.rule", text=rule.text, source=rule.source)


def text(told: Sequence[Told], name: str, lang: str, limit: int = WIDTH) -> str:
    """The incidents at `limit` columns (the window's width on screen)."""
    if not told:
        return t(lang, "complaint.list.none", name=name) + "\n"
    blocks = []
    for n, item in enumerate(told, 1):
        i = item.incident
        how = t(lang, "complaint.list.how", how=t(lang, "complaint.list.found" if i.found else "complaint.list.marked"))
        head = f"{n}. {i.when.strftime('%Y-%m-%d %H:%M')}  {item.title}" + (f"  {i.lender}" if i.lender else "") + how
        lines = wrap(shown(head), limit, "", "   ")
        lines += wrap(item.why, limit, "   ", "   ")
        for q in item.quotes:
            lines += wrap(shown(q), limit, "   - ", "     ")
        for rule in item.rules:
            lines += wrap(rule_line(rule, lang), limit, "   * ", "     ")
        blocks.append("\n".join(line.rstrip() for line in lines))
    return "\n\n".join(blocks) + "\n\n" + "\n".join(wrap(t(lang, "complaint.list.write", name=name), limit)) + "\n"


def json_text(told: Sequence[Told], entries: Sequence[ContactEntry]) -> str:
    return dumps([data(x, entries) for x in told])


def so_far(so_far: SoFar, lang: str) -> Section:
    """The short part of a saved case's plan: each incident on one line, and how to complain."""
    items = []
    for i in so_far.incidents:
        lender = t(lang, "complaint.so_far.lender", lender=i.lender) if i.lender else ""
        moment = i.when.strftime("%Y-%m-%d") if i.code == "too_many_calls" else i.when.strftime("%Y-%m-%d %H:%M")
        title = t(lang, f"complaint.codes.{i.code}")
        items.append(Item(shown(t(lang, "complaint.so_far.line", date=moment, title=title, lender=lender))))
    lenders = lenders_with(so_far.incidents)
    if len(lenders) > 1:  # a complaint is about one lender: one command each
        how = [Para(t(lang, "complaint.so_far.write_lender", name=so_far.case_name, lender=shown(x))) for x in lenders]
    else:
        how = [Para(t(lang, "complaint.so_far.write", name=so_far.case_name))]
    return Section("incidents", t(lang, "complaint.so_far.title"), (Items("bullet", tuple(items)), *how))


def so_far_data(so_far: SoFar) -> dict[str, Any]:
    return {
        "items": [
            {"code": i.code, "found": i.found, "lender": i.lender, "when": i.when.isoformat(), "entries": list(i.entries)}
            for i in so_far.incidents
        ],
        "command": f"negotiator complain {so_far.case_name}",
    }
