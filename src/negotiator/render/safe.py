"""The one boundary between text from outside (an answers file, a draft, the contact log, a file
name, a value typed on the command line) and the screen or a file a person opens.

Each output form has its own rule:
- terminal and text: every control character, DEL, C1 control and bidi mark is shown escaped
  (`\\x1b`, `\\u202e`), never raw, so no value can move the cursor, clear the screen, retitle the
  window, hide a link or reorder a figure. A line break in a free-text note stays a line break;
  a tab becomes a space.
- Markdown: the same, and a value's line breaks and block syntax stay inside the value (see
  negotiator.render.markdown.escape).
- calendar: the same characters escaped, then RFC 5545 escaping (negotiator.render.ics.escape).
- JSON: the value exactly as given, with every control, DEL, C1 control, bidi mark, separator
  and invisible character as a \\u escape (`json_text`): the same value to a program, nothing to
  obey for a terminal that shows it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from negotiator.core.controls import json_escaped, visible
from negotiator.render.blocks import Block, Heading, Item, Items, Para, Section, Table


def one_line(text: str) -> str:
    """For a place that holds a single line (a name in a heading, a table cell, a log header)."""
    return visible(text, newlines=False)


def _block(block: Block) -> Block:
    if isinstance(block, Heading):
        return Heading(one_line(block.text))
    if isinstance(block, Para):
        return Para(visible(block.text))
    if isinstance(block, Table):
        return Table(tuple(one_line(h) for h in block.headers), tuple(tuple(one_line(c) for c in row) for row in block.rows), block.align)
    return Items(block.style, tuple(Item(visible(i.text), one_line(i.label)) for i in block.items))


def json_text(value: Any, indent: int | None = 2) -> str:
    """`value` as JSON for a person's screen or file: every form of output writes JSON through this."""
    return json_escaped(json.dumps(value, ensure_ascii=False, indent=indent))


def sections(found: Iterable[Section]) -> list[Section]:
    """The plan's sections with every string made safe to show; the renderers draw only these."""
    return [Section(s.key, one_line(s.title), tuple(_block(b) for b in s.blocks)) for s in found]


__all__ = ["json_text", "one_line", "sections", "visible"]
