"""Fitting words into a fixed number of display columns, for the plain-text plan people print.

A Chinese character takes two columns and a line may break between any two of them; English breaks
only between words. Closing punctuation never starts a line and opening brackets never end one.
"""

from __future__ import annotations

from collections.abc import Sequence

from negotiator.render.table import char_width, pad, width

# Kinsoku: characters that may not begin a line, and ones that may not end a line.
_NO_START = set("，。、；：？！）》」』】〉〕…—·％,.;:?!)]}%”’")
_NO_END = set("（《「『【〈〔([{“‘")


def _pieces(text: str) -> list[tuple[str, int, bool]]:
    """Pieces a line may not be broken inside (a word, or one wide character with any
    punctuation that must stay by it), each with its width and whether a space comes before it."""
    out: list[tuple[str, int, bool]] = []
    for word in text.split():
        if word.isascii() and word.isprintable():
            # Most of an English plan: one piece, as wide as it is long.
            out.append((word, len(word), bool(out)))
        else:
            _break_word(word, bool(out), out)
    return out


def _break_word(word: str, spaced: bool, out: list[tuple[str, int, bool]]) -> None:
    """A word with wide characters, cut where a line may break: next to a wide character, unless
    the next one may not start a line or the one before may not end it."""
    start = 0  # where the current piece begins
    narrow = -1  # where the pending run of narrow characters begins, if one is pending
    columns = 0
    before, before_wide = "", False
    # Names bound here: this loop runs for every character of a Chinese plan.
    no_start, no_end, append = _NO_START, _NO_END, out.append
    for i, ch in enumerate(word):
        wide = "\u4e00" <= ch <= "\u9fff" or char_width(ch) == 2
        if i and (wide or before_wide) and ch not in no_start and before not in no_end:
            if narrow >= 0:
                columns += width(word[narrow:i])
                narrow = -1
            append((word[start:i], columns, spaced))
            start, columns, spaced = i, 0, False
        if wide:
            if narrow >= 0:
                columns += width(word[narrow:i])
                narrow = -1
            columns += 2
        elif narrow < 0:
            narrow = i
        before, before_wide = ch, wide
    if narrow >= 0:
        columns += width(word[narrow:])
    append((word[start:], columns, spaced))


def _split_hard(token: str, room: int) -> list[str]:
    """A piece wider than a whole line, cut by characters."""
    parts, part, used = [], "", 0
    for ch in token:
        w = char_width(ch)
        if part and used + w > room:
            parts.append(part)
            part, used = "", 0
        part += ch
        used += w
    if part:
        parts.append(part)
    return parts


def wrap_paragraph(text: str, limit: int, first: str = "", rest: str = "") -> list[str]:
    """One paragraph as lines of at most `limit` columns; `first` prefixes the first line
    (a bullet or a check box) and `rest` indents the others."""
    lines: list[str] = []
    line, used, has_words = [first], width(first), False
    indent = width(rest)
    for tok, w, spaced in _pieces(text):
        gap = 1 if spaced and has_words else 0
        if has_words and used + gap + w > limit:
            lines.append("".join(line).rstrip())
            line, used, has_words, gap = [rest], indent, False, 0
        if not has_words and w > limit - used:
            pieces = _split_hard(tok, max(limit - used, 1))
            for piece in pieces[:-1]:
                lines.append(("".join(line) + piece).rstrip())
                line, used = [rest], indent
            tok, w = pieces[-1], width(pieces[-1])
        if gap:
            line.append(" ")
        line.append(tok)
        used += gap + w
        has_words = True
    if has_words or not lines:
        lines.append("".join(line).rstrip())
    return lines


def wrap(text: str, limit: int, first: str = "", rest: str = "") -> list[str]:
    """Text with line breaks of its own (a letter): each line wrapped, blank lines kept."""
    out: list[str] = []
    for n, paragraph in enumerate(text.split("\n")):
        if not paragraph.strip():
            out.append("")
            continue
        out += wrap_paragraph(paragraph, limit, first if n == 0 else rest, rest)
    return out


def fit_table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str, limit: int, header: bool = True, gap: str = "  ") -> list[str]:
    """A table no wider than `limit`: when it is too wide, the widest text column ('l') is
    narrowed and its cells wrapped onto more lines; numbers ('r') are never broken."""
    columns = len(headers)
    align = (align or "l" * columns).ljust(columns, "l")
    sizes = [max([width(headers[i]) if header else 0] + [width(r[i]) for r in rows]) for i in range(columns)]
    total = sum(sizes) + width(gap) * (columns - 1)
    while total > limit:
        text_columns = [i for i in range(columns) if align[i] == "l" and sizes[i] > 6]
        if not text_columns:
            break
        # One column at a time, always the widest, so long text columns share the narrowing.
        widest = max(text_columns, key=lambda i: sizes[i])
        sizes[widest] -= 1
        total -= 1

    def cell(text: str, i: int) -> list[str]:
        return wrap_paragraph(text, sizes[i]) if width(text) > sizes[i] else [text]

    def lines_of(row: Sequence[str]) -> list[str]:
        cells = [cell(row[i], i) for i in range(columns)]
        height = max(len(c) for c in cells)
        out = []
        for k in range(height):
            parts = [pad(cells[i][k] if k < len(cells[i]) else "", sizes[i], align[i]) for i in range(columns)]
            out.append(gap.join(parts).rstrip())
        return out

    out: list[str] = []
    if header:
        out += lines_of(headers)
        out.append(gap.join("-" * sizes[i] for i in range(columns)))
    for row in rows:
        out += lines_of(row)
    return out


def terminal_width(most: int = 100) -> int:
    """The columns a command's text may use: the window's (or $COLUMNS), less the last column,
    which some terminals wrap at; 80 when there is no window."""
    import shutil

    return max(min(shutil.get_terminal_size((80, 24)).columns, most + 1) - 1, 40)


def fit_or_stack(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str, limit: int, pair: str = ": ") -> list[str]:
    """A table when it fits in `limit` columns without breaking a word; otherwise each row stacked
    as its first cell and then one "heading: value" line per other cell, wrapped at words."""
    from negotiator.render.table import table

    plain = table(headers, rows, align)
    if max((width(line) for line in plain), default=0) <= limit:
        return plain
    out: list[str] = []
    for n, row in enumerate(rows):
        if n:
            out.append("")
        out += wrap_paragraph(row[0], limit)
        for heading, cell in zip(headers[1:], row[1:]):
            out += wrap_paragraph(f"{heading}{pair}{cell}" if heading else cell, limit, "  ", "    ")
    return out
