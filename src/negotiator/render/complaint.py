"""A complaint about collector conduct as plain text (80 columns), Markdown or JSON.

The letter comes first, ready to copy into the lender's app or to print; after it, for the person
only, where to send it and in what order. A person's own words go through `shown` (text) or the
Markdown escape, and the JSON writes invisible characters as escapes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from negotiator.advice.complaint import Complaint, Rule, Told
from negotiator.render.incidents import WIDTH, cited, data, dumps
from negotiator.render.layout import wrap
from negotiator.render.markdown import BREAK, escape
from negotiator.render.safe import one_line
from negotiator.render.safe import visible as shown
from negotiator.render.table import width
from negotiator.words import t

if TYPE_CHECKING:  # read for its fields only
    from negotiator.records.contacts import ContactEntry


def heading(told: Told, n: int) -> str:
    i = told.incident
    moment = i.when.date().isoformat() if i.code == "too_many_calls" else i.when.strftime("%Y-%m-%d %H:%M")
    return f"{n}. {told.title} — {moment}"


def _underline(line: str, mark: str, limit: int = WIDTH) -> list[str]:
    return [line, mark * min(width(line), limit)]


def text(c: Complaint, limit: int = WIDTH) -> str:
    """The letter at `limit` columns: 80 in a file, the window's width on screen."""
    lines = _underline(shown(c.title), "=", limit) + [""]
    for line in c.header:
        lines += wrap(shown(line), limit)
    lines += [""] + wrap(shown(c.opening), limit)
    lines += [""] + _underline(t(c.lang, "complaint.letter.what_happened"), "-", limit)
    for n, told in enumerate(c.incidents, 1):
        lines += [""] + wrap(shown(heading(told, n)), limit, "", "   ")
        lines += wrap(told.why, limit, "   ", "   ")
        for q in told.quotes:
            lines += wrap(shown(q), limit, "   - ", "     ")
        for rule in told.rules:
            lines += wrap(cited(rule, c.lang), limit, "   * ", "     ")
    lines += [""] + _underline(t(c.lang, "complaint.letter.asks"), "-", limit) + [""]
    for n, ask in enumerate(c.asks, 1):
        lines += wrap(shown(ask), limit, f"{n}. ", "   ")
    lines += [""] + _underline(t(c.lang, "complaint.letter.enclosed"), "-", limit) + [""]
    for item in c.attachments:
        lines += wrap(shown(item), limit, "- ", "  ")
    lines += [""] + wrap(c.sign, limit)
    lines += ["", "", "#" * limit, ""] + _underline(t(c.lang, "complaint.channels.heading"), "=", limit) + [""]
    for n, channel in enumerate(c.channels, 1):
        lines += wrap(shown(_with_source(channel, c.lang)), limit, f"{n}. ", "   ")
    lines += [""] + wrap(c.disclaimer, limit)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _with_source(channel: Rule, lang: str) -> str:
    # The source says "as reported" itself where the grade is R.
    return t(lang, "complaint.channels.with_source", text=channel.text, source=channel.source) if channel.source else channel.text


def markdown(c: Complaint) -> str:
    def item(text: str, indent: int = 2) -> str:
        # A line break inside a value stays inside its own list item.
        return escape(shown(text), BREAK + " " * indent)

    lines = [f"# {escape(one_line(c.title))}", ""]
    lines += [escape(one_line(line)) + "\\" for line in c.header[:-1]] + [escape(one_line(c.header[-1])), ""]
    lines += [escape(shown(c.opening), BREAK), "", f"## {escape(t(c.lang, 'complaint.letter.what_happened'))}"]
    for n, told in enumerate(c.incidents, 1):
        lines += ["", f"### {escape(one_line(heading(told, n)))}", "", escape(told.why), ""]
        lines += [f"- {item(q)}" for q in told.quotes]
        # Another bullet keeps the rules a list of their own, apart from the quotes.
        lines += [""] + [f"* {item(cited(r, c.lang))}" for r in told.rules]
    lines += ["", f"## {escape(t(c.lang, 'complaint.letter.asks'))}", ""]
    lines += [f"{n}. {item(a, len(f'{n}. '))}" for n, a in enumerate(c.asks, 1)]
    lines += ["", f"## {escape(t(c.lang, 'complaint.letter.enclosed'))}", ""]
    lines += [f"- [ ] {item(a, 6)}" for a in c.attachments]
    lines += ["", escape(c.sign, BREAK), "", "---", "", f"## {escape(t(c.lang, 'complaint.channels.heading'))}", ""]
    lines += [f"{n}. {item(_with_source(ch, c.lang), len(f'{n}. '))}" for n, ch in enumerate(c.channels, 1)]
    lines += ["", escape(c.disclaimer, BREAK)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def document(c: Complaint, entries: Sequence[ContactEntry]) -> dict[str, Any]:
    """The complaint as plain data; `text` is the letter as the text form draws it."""
    return {
        "schema_version": 1,
        "language": c.lang,
        "case": c.case_name,
        "lender": c.lender,
        "kind": c.kind,
        "to": c.to,
        "date": c.date.isoformat(),
        "title": c.title,
        "header": list(c.header),
        "opening": c.opening,
        "incidents": [data(x, entries) for x in c.incidents],
        "asks": list(c.asks),
        "attachments": list(c.attachments),
        "channels": [{"text": ch.text, "source": ch.source, "grade": ch.grade} for ch in c.channels],
        "disclaimer": c.disclaimer,
    }


def json_text(c: Complaint, entries: Sequence[ContactEntry]) -> str:
    return dumps(document(c, entries))


def render(c: Complaint, fmt: str, entries: Sequence[ContactEntry], limit: int = WIDTH) -> str:
    if fmt == "json":
        return json_text(c, entries)
    return markdown(c) if fmt == "markdown" else text(c, limit)
