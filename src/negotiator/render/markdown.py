"""The plan as Markdown: the same sections as the text file, with headings, tables and `- [ ]` task
lists, for a notes app or a phone. Lines are not wrapped: the reader's app does that."""

from __future__ import annotations

import re

from negotiator.plan import Plan
from negotiator.render import safe
from negotiator.render.blocks import Block, Heading, Items, Para, Section, Table
from negotiator.render.sections import sections, subtitle, title
from negotiator.words import t

# Characters that would turn a person's own words into formatting.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
# What starts a block at the start of a line: a list item, a rule or an underline that makes the
# line above a heading.
_BULLET = re.compile(r"^([-+*=])(?=\s|[-=*]*\s*$)")
# An entity such as &#x202e; would put back a character the text form shows escaped.
_ENTITY = re.compile(r"&(?=#?\w+;)")
_NUMBERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def _line(text: str) -> str:
    # Leading spaces would make an indented code block or a nested list: a value starts flush.
    text = _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", text.lstrip(" ")))
    text = _BULLET.sub(r"\\\1", text)
    return _NUMBERED.sub(r"\1\\\2", text)


BREAK = "\\\n"  # a hard line break: the next line goes on in the same paragraph or item


def escape(text: str, joiner: str = " ") -> str:
    """A person's words as literal Markdown text, even at the start of a line ("1. ", "- ", "#").
    A line break inside the value is joined with `joiner` (a hard break and the item's indent in a
    list), so it never starts a new item, heading or section."""
    return joiner.join(_line(x) for x in text.split("\n"))


def _cell(text: str) -> str:
    # Leading spaces mark a budget line's parts; a table cell would lose them.
    stripped = text.lstrip(" ")
    indent = "&emsp;" * ((len(text) - len(stripped)) // 2)
    return indent + escape(stripped).replace("\n", " ")


def _table(block: Table) -> list[str]:
    rule = {"l": ":---", "r": "---:"}
    align = block.align.ljust(len(block.headers), "l")
    out = ["| " + " | ".join(_cell(h) for h in block.headers) + " |"]
    out.append("| " + " | ".join(rule[a] for a in align) + " |")
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
    return out


def _para(text: str) -> list[str]:
    """Prose; a letter's own line breaks are kept as separate lines of a quote."""
    lines = [escape(x.strip()) for x in text.split("\n")]
    if len(lines) == 1:
        return lines
    out = []
    for line in lines:
        out.append(f"> {line}" if line else ">")
    return out


def _items(block: Items, colon: str) -> list[str]:
    if block.style == "labelled":
        # One group (an objection and its answer) as lines of one paragraph: a list would merge
        # with the next group's.
        lines = [f"**{escape(i.label)}**{colon}{escape(i.text, BREAK)}" if i.label else escape(i.text, BREAK) for i in block.items]
        return [line + "\\" for line in lines[:-1]] + lines[-1:]
    out = []
    for n, item in enumerate(block.items, 1):
        text = escape(item.text, BREAK + " " * (len(f"{n}. ") if block.style == "number" else 2))
        if item.label:
            text = f"**{escape(item.label)}**{colon}{text}"
        if block.style == "check":
            out.append(f"- [ ] {text}")
        elif block.style == "number":
            out.append(f"{n}. {text}")
        else:
            out.append(f"- {text}")
    return out


def _block(block: Block, colon: str) -> list[str]:
    if isinstance(block, Heading):
        return [f"### {escape(block.text)}"]
    if isinstance(block, Para):
        return _para(block.text)
    if isinstance(block, Table):
        return _table(block)
    return _items(block, colon)


def _section(section: Section, colon: str) -> list[str]:
    lines = [f"## {escape(section.title)}"]
    for block in section.blocks:
        lines += [""] + _block(block, colon)
    return lines


def render(plan: Plan) -> str:
    colon = t(plan.lang, "render.colon")
    lines = [f"# {escape(title(plan))}", "", escape(subtitle(plan))]
    for section in safe.sections(sections(plan)):
        lines += [""] + _section(section, colon)
    return "\n".join(line.rstrip() for line in lines) + "\n"
