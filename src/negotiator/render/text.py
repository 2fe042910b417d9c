"""The plan as plain text: the file people save, print and keep next to the phone.

UTF-8, no escape codes, no line wider than 80 display columns (a Chinese character counts two);
on a screen with `--plain`, the window's width instead.
"""

from __future__ import annotations

from negotiator.plan import Plan
from negotiator.render import safe
from negotiator.render.blocks import Block, Heading, Items, Para, Section, Table
from negotiator.render.layout import fit_or_stack, fit_table, wrap
from negotiator.render.sections import sections, subtitle, title
from negotiator.render.table import width
from negotiator.words import t

WIDTH = 80


def _underline(text: str, mark: str, limit: int = WIDTH) -> list[str]:
    lines = wrap(text, limit)
    return lines + [mark * max(width(line) for line in lines)]


def _block(block: Block, colon: str, limit: int = WIDTH) -> list[str]:
    if isinstance(block, Heading):
        return wrap(block.text, limit)
    if isinstance(block, Para):
        return wrap(block.text, limit)
    if isinstance(block, Table):
        if limit < WIDTH:  # a narrow window: one block per row rather than words cut in cells
            return fit_or_stack(block.headers, block.rows, block.align, limit, colon)
        return fit_table(block.headers, block.rows, block.align, limit)
    return _items(block, colon, limit)


def _items(block: Items, colon: str, limit: int = WIDTH) -> list[str]:
    out: list[str] = []
    for n, item in enumerate(block.items, 1):
        text = f"{item.label}{colon}{item.text}" if item.label else item.text
        if block.style == "check":
            out += wrap(text, limit, "[ ] ", "    ")
        elif block.style == "bullet":
            out += wrap(text, limit, "- ", "  ")
        elif block.style == "number":
            prefix = f"{n}. "
            out += wrap(text, limit, prefix, " " * len(prefix))
        else:
            out += wrap(text, limit, "", "  " if item.label else "")
    return out


def _section(number: int, section: Section, colon: str, limit: int = WIDTH) -> list[str]:
    lines = _underline(f"{number}. {section.title}", "=", limit)
    previous: Block | None = None
    for block in section.blocks:
        lines.append("")
        if isinstance(block, Heading):
            heading = wrap(block.text, limit)
            lines += heading + ["-" * max(width(x) for x in heading)]
            previous = block
            continue
        if isinstance(previous, Heading):
            lines.pop()  # a heading sits right on top of what it names
        lines += _block(block, colon, limit)
        previous = block
    return lines


def block_lines(blocks: list[Block], lang: str, limit: int = WIDTH) -> list[str]:
    """A few blocks as plain lines, a blank line between them: for screens that show part of a plan
    (`limit`: the window's width, when narrower than the printed plan's)."""
    colon = t(lang, "render.colon")
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        lines += _block(block, colon, limit)
    return [line.rstrip() for line in lines]


def render(plan: Plan, limit: int = WIDTH) -> str:
    """The plan at 80 columns (a file, a pipe); `limit`: a window's width, for `--plain` on a screen."""
    colon = t(plan.lang, "render.colon")
    lines = _underline(title(plan), "#", limit) + wrap(subtitle(plan), limit)
    for number, section in enumerate(safe.sections(sections(plan)), 1):
        lines += ["", ""] + _section(number, section, colon, limit)
    return "\n".join(line.rstrip() for line in lines) + "\n"
