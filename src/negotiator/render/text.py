"""The plan as plain text: the file people save, print and keep next to the phone.

UTF-8, no escape codes, no line wider than 80 display columns (a Chinese character counts two).
"""

from __future__ import annotations

from negotiator.plan import Plan
from negotiator.render import safe
from negotiator.render.layout import fit_table, wrap
from negotiator.render.blocks import Block, Heading, Items, Para, Section, Table
from negotiator.render.sections import sections, subtitle, title
from negotiator.render.table import width
from negotiator.words import t

WIDTH = 80


def _underline(text: str, mark: str) -> list[str]:
    return [text, mark * min(width(text), WIDTH)]


def _block(block: Block, colon: str) -> list[str]:
    if isinstance(block, Heading):
        return wrap(block.text, WIDTH)
    if isinstance(block, Para):
        return wrap(block.text, WIDTH)
    if isinstance(block, Table):
        return fit_table(block.headers, block.rows, block.align, WIDTH)
    return _items(block, colon)


def _items(block: Items, colon: str) -> list[str]:
    out: list[str] = []
    for n, item in enumerate(block.items, 1):
        text = f"{item.label}{colon}{item.text}" if item.label else item.text
        if block.style == "check":
            out += wrap(text, WIDTH, "[ ] ", "    ")
        elif block.style == "bullet":
            out += wrap(text, WIDTH, "- ", "  ")
        elif block.style == "number":
            prefix = f"{n}. "
            out += wrap(text, WIDTH, prefix, " " * len(prefix))
        else:
            out += wrap(text, WIDTH, "", "  " if item.label else "")
    return out


def _section(number: int, section: Section, colon: str) -> list[str]:
    lines = _underline(f"{number}. {section.title}", "=")
    previous: Block | None = None
    for block in section.blocks:
        lines.append("")
        if isinstance(block, Heading):
            heading = wrap(block.text, WIDTH)
            lines += heading + ["-" * max(width(x) for x in heading)]
            previous = block
            continue
        if isinstance(previous, Heading):
            lines.pop()  # a heading sits right on top of what it names
        lines += _block(block, colon)
        previous = block
    return lines


def block_lines(blocks: list[Block], lang: str) -> list[str]:
    """A few blocks as plain lines, a blank line between them: for screens that show part of a plan."""
    colon = t(lang, "render.colon")
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        lines += _block(block, colon)
    return [line.rstrip() for line in lines]


def render(plan: Plan) -> str:
    colon = t(plan.lang, "render.colon")
    lines = _underline(title(plan), "#") + [subtitle(plan)]
    for number, section in enumerate(safe.sections(sections(plan)), 1):
        lines += ["", ""] + _section(number, section, colon)
    return "\n".join(line.rstrip() for line in lines) + "\n"
