"""The plan on screen: rich panels and tables, the checklist with check boxes.

Only imported when drawing to a terminal (commands/plan.py routes pipes and --plain to the text
form), so rich is loaded here and nowhere on the non-interactive paths. rich measures a Chinese
character as two columns and honours NO_COLOR by itself.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from negotiator.plan import Plan
from negotiator.render import safe
from negotiator.render.bars import budget_bars
from negotiator.render.blocks import Block, Heading, Items, Para, Section, Table
from negotiator.render.layout import fit_or_stack, screen_width, wrap
from negotiator.render.sections import sections, subtitle, title
from negotiator.render.table import table, width
from negotiator.words import t

# Wider than this and lines get too long to read comfortably, even on a wide terminal.
MAX_WIDTH = 100
_MARKS = {"check": "☐", "bullet": "•"}


def _table(block: Table) -> RichTable:
    table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    align = block.align.ljust(len(block.headers), "l")
    for header, a in zip(block.headers, align, strict=True):
        table.add_column(Text(header), justify="right" if a == "r" else "left", no_wrap=a == "r", overflow="fold")
    for row in block.rows:
        # Text, not str: a person's own words must never be read as rich markup.
        table.add_row(*(Text(cell) for cell in row))
    return table


class Fitted:
    """A table when it fits the width rich offers without breaking a word ("instalmen/ts"),
    otherwise each row stacked, one "heading: value" line per cell."""

    def __init__(self, block: Table, colon: str) -> None:
        self.block, self.colon = block, colon

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        b = self.block
        natural = max((width(line) for line in table(b.headers, b.rows, b.align)), default=0)
        # rich puts a column of padding more between cells than the plain table's two spaces.
        if natural + len(b.headers) <= options.max_width:
            yield _table(b)
            return
        for line in fit_or_stack(b.headers, b.rows, b.align, options.max_width, self.colon):
            yield Text(line, no_wrap=True, overflow="fold")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(10, options.max_width), options.max_width)


class Wrapped:
    """Prose wrapped to the width rich offers, the way the printed plan wraps it: Chinese between
    characters, English between words (rich alone breaks only at spaces, which splits "共 30 期"
    badly). `first` prefixes the first line (a check box), `rest` indents the others."""

    def __init__(self, text: str, first: str = "", rest: str = "", bold: int = 0, style: str = "") -> None:
        self.text, self.first, self.rest, self.bold, self.style = text, first, rest, bold, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for n, line in enumerate(wrap(self.text, options.max_width, self.first, self.rest)):
            text = Text(line, style=self.style, no_wrap=True, overflow="fold")
            if n == 0 and self.bold:
                text.stylize("bold", len(self.first), len(self.first) + self.bold)
            yield text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(10, options.max_width), options.max_width)


def _items(block: Items, colon: str) -> RenderableType:
    lines: list[RenderableType] = []
    for n, item in enumerate(block.items, 1):
        text = f"{item.label}{colon}{item.text}" if item.label else item.text
        bold = len(item.label) if item.label else 0
        if block.style == "labelled":
            lines.append(Wrapped(text, "", "  " if item.label else "", bold))
        else:
            mark = f"{n}. " if block.style == "number" else _MARKS[block.style] + " "
            lines.append(Wrapped(text, mark, " " * width(mark), bold))
    return Group(*lines)


def _block(block: Block, colon: str) -> RenderableType:
    if isinstance(block, Heading):
        return Wrapped(block.text, style="bold")
    if isinstance(block, Para):
        return Wrapped(block.text)
    if isinstance(block, Table):
        return Fitted(block, colon)
    return _items(block, colon)


class Bars:
    """The budget as bars beside the plan's figures (render.bars), to the width rich offers."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in budget_bars(self.plan, options.max_width):
            yield Text(line, no_wrap=True, overflow="fold")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(10, options.max_width), options.max_width)


def _section(section: Section, colon: str, plan: Plan | None = None) -> Panel:
    parts: list[RenderableType] = []
    previous: Block | None = None
    for block in section.blocks:
        if parts and not isinstance(previous, Heading):
            parts.append(Text(""))
        parts.append(_block(block, colon))
        previous = block
    if plan is not None and section.key == "budget":  # the figures above, drawn
        parts += [Text(""), Bars(plan)]
    return Panel(Group(*parts), title=Text(section.title, style="bold"), title_align="left", box=box.ROUNDED, border_style="cyan", padding=(0, 1))


def draw(plan: Plan, console: Console) -> None:
    """Print the plan on `console`; tests pass a Console of fixed width writing to a string."""
    colon = t(plan.lang, "render.colon")
    console.print(Panel(Text.assemble((title(plan), "bold"), "\n", subtitle(plan)), box=box.DOUBLE, border_style="cyan"))
    for section in safe.sections(sections(plan)):
        console.print(_section(section, colon, plan))


def render(plan: Plan) -> str:
    """The plan drawn for this terminal, returned as a string with its escape codes."""
    columns = screen_width(MAX_WIDTH)
    drawn = io.StringIO()
    console = Console(file=drawn, force_terminal=True, width=columns, highlight=False, emoji=False)
    draw(plan, console)
    return drawn.getvalue()
