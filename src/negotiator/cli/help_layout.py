"""How a help page is laid out: typer's frame (the usage line, the sections, the lists of options
and commands) with every text in it fitted by the layout the commands use (`render.layout`): the
window's width (80 in a file or a pipe, at most 100), Chinese broken by its line-breaking rules and
English at spaces. The command list shows each command's whole one-line summary, wrapped under
itself when the window is narrow, never cut to "...".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import typer

# The formatter typer writes its help pages with.
from click.formatting import HelpFormatter

from negotiator.cli import this_run
from negotiator.cli.help_page import frame_words
from negotiator.render.layout import screen_width, wrap, wrap_paragraph
from negotiator.render.table import width


class Page(HelpFormatter):
    """A help page at the screen's width, its texts in the run's language and fitted by our rules."""

    def __init__(self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None) -> None:
        super().__init__(indent_increment, width=screen_width())

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write("\n".join(wrap(text, self.width, indent, indent)) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not rows:
            return
        lang = this_run.language()
        first_column = min(max(width(first) for first, _ in rows), col_max) + col_spacing
        under = " " * (self.current_indent + first_column)
        room = max(self.width - len(under), 10)
        for first, second in rows:
            lead = " " * self.current_indent + first
            if not second:
                self.write(lead + "\n")
                continue
            if width(first) <= first_column - col_spacing:
                head = lead + " " * (first_column - width(first))
            else:  # a long option: its help starts on the next line
                self.write(lead + "\n")
                head = under
            lines = wrap_paragraph(frame_words(second, lang), room)
            self.write(head + f"\n{under}".join(lines) + "\n")


class Context(typer.Context):
    formatter_class = Page


def list_commands(group: Any, ctx: Any, formatter: Any) -> None:
    """The commands of `group`, each with its whole summary (the help's first line when it has no
    summary of its own)."""
    rows = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        summary = command.short_help or command.help or ""
        rows.append((name, " ".join(summary.split())))
    if rows:
        with formatter.section("Commands"):
            formatter.write_dl(rows)
