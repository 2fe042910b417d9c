"""Fitting words into display columns: the one way every command, message, help page and question
lays out text for a terminal (`screen_width`, `fit_screen`), and the plain-text plan people print
(at 80 columns, `WIDTH` in render.text).

A Chinese character takes two columns and a line may break between any two of them; English breaks
only between words. Closing punctuation never starts a line and opening brackets never end one. A
line never breaks inside a number, a date, a file name or a command, nor between an amount and its
unit ("693.64 元", "3,127.76 yuan", "12 months"), nor between a number and the Chinese name after it
("3 威胁"). A short Chinese word standing alone ("威胁", "夜间来电", a lender's name) keeps whole
when the line has room for it.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence

from negotiator.render.table import char_width, pad, table, width

# Kinsoku: characters that may not begin a line, and ones that may not end a line.
_NO_START = set("，。、；：？！）》」』】〉〕…—·％,.;:?!)]}%”’")
_NO_END = set("（《「『【〈〔([{“‘")
# Chinese punctuation: a sentence holding any is Chinese, broken between characters, whatever
# English words it quotes.
_CHINESE_MARKS = set("，。、；：？！（）《》「」『』【】")
# A run of at most this many Chinese characters, with no other Chinese character either side (a
# name, a label, a short clause), is not broken inside while the line has room for it.
_SHORT_WORD = 4
# Words that stay on the line of the number before them: "693.64 元", "12 个月", "18 %", "6 months".
_UNITS = ("元", "yuan", "%", "％", "期", "个月", "个", "天", "年", "月", "日", "号", "次", "家", "岁", "万",
          "month", "day", "year", "week", "instalment", "payment", "time", "call")


def _pieces(text: str) -> list[tuple[str, int, bool]]:
    """Pieces a line may not be broken inside (a word, or one wide character with any
    punctuation that must stay by it), each with its width and whether a space comes before it."""
    out: list[tuple[str, int, bool]] = []
    after_number = False
    # An English sentence breaks at spaces only, a Chinese name in it ("花呗") included; a Chinese
    # one between characters, the English words and codes it quotes kept whole.
    english = sum(ch.isascii() and ch.isalpha() for ch in text) > sum(char_width(ch) == 2 for ch in text) and _CHINESE_MARKS.isdisjoint(text)
    for word in _words(text):
        first = len(out)
        if (word.isascii() and word.isprintable()) or english:
            # Most of an English plan: one piece, as wide as it is long.
            out.append((word, width(word), bool(out)))
        else:
            _break_word(word, bool(out), out)
        if after_number and (word.startswith(_UNITS) or (not english and char_width(word[0]) == 2)):
            # The unit, or the Chinese name a number counts ("3 威胁"), joins the number before it.
            number, columns, spaced = out[first - 1]
            unit, unit_columns, _ = out[first]
            out[first - 1 : first + 1] = [(f"{number} {unit}", columns + 1 + unit_columns, spaced)]
        after_number = out[-1][0][-1:].isdigit()
    return out


def _words(text: str) -> list[str]:
    """The words of `text`, split at spaces, except inside `backquotes`: a command keeps whole."""
    out: list[str] = []
    quoted = False
    for word in text.split():
        if quoted:
            out[-1] += " " + word
        else:
            out.append(word)
        if word.count("`") % 2:
            quoted = not quoted
    return out


def _short_words(word: str) -> set[int]:
    """The places inside `word` that fall within a short run of Chinese characters (a name, a label:
    "威胁", "夜间来电"), where the line is not broken while it has room."""
    kept: set[int] = set()
    run = 0
    for i, ch in enumerate(word + " "):
        if "\u4e00" <= ch <= "\u9fff":
            run += 1
            continue
        if 1 < run <= _SHORT_WORD:
            kept.update(range(i - run + 1, i))
        run = 0
    return kept


def _break_word(word: str, spaced: bool, out: list[tuple[str, int, bool]], whole_words: bool = True) -> None:
    """A word with wide characters, cut where a line may break: between two wide characters, or
    after Chinese closing punctuation, unless the next one may not start a line or the one before
    may not end it. Narrow characters stay by the wide ones next to them, so "2026年3月5日",
    "693.64元" and "用`negotiator`命令" keep whole; with `whole_words`, so do short Chinese words."""
    start = 0  # where the current piece begins
    narrow = -1  # where the pending run of narrow characters begins, if one is pending
    columns = 0
    before, before_wide = "", False
    kept = _short_words(word) if whole_words else set()
    # Names bound here: this loop runs for every character of a Chinese plan.
    no_start, no_end, append = _NO_START, _NO_END, out.append
    for i, ch in enumerate(word):
        wide = "\u4e00" <= ch <= "\u9fff" or char_width(ch) == 2
        if (i and before_wide and (wide or before in no_start) and ch not in no_start and before not in no_end
                and i not in kept):
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
    queue = _pieces(text)
    queue.reverse()
    while queue:
        tok, w, spaced = queue.pop()
        if w > limit - min(indent, width(first)) and not (tok.isascii() or tok.strip() == tok[:1]):
            # Wider than a whole line: broken wherever Chinese may break, short words included.
            split: list[tuple[str, int, bool]] = []
            _break_word(tok, spaced, split, whole_words=False)
            if len(split) > 1:
                queue += reversed(split)
                continue
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


def screen_width(most: int = 100) -> int:
    """The columns text on screen may use: the window's (or $COLUMNS), less the last column, which
    some terminals wrap at by themselves; at most `most`, for lines a person can still read; 80
    when the text goes to a file or a pipe rather than a window."""
    return max(min(shutil.get_terminal_size((80, 24)).columns, most + 1) - 1, 20)


def fit_screen(text: str, limit: int | None = None) -> str:
    """Every line of `text` fitted to the screen (or to `limit` columns). A line that fits is kept
    as it is (its spacing may align a table); a longer one is wrapped, its leading spaces kept and
    its continuation lines indented two more, so lists stay lists."""
    limit = limit or screen_width()
    out: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            out.append("")
            continue
        if width(line) <= limit:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        out += wrap_paragraph(line.strip(), limit, indent, indent + "  " if indent else "")
    return "\n".join(out)


def show(text: str, error: bool = False) -> None:
    """Print a message of a command, fitted to the screen: on stderr when `error`."""
    print(fit_screen(text), file=sys.stderr if error else sys.stdout, flush=True)


def fit_or_stack(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str, limit: int, pair: str = ": ") -> list[str]:
    """A table when it fits in `limit` columns without breaking a word; otherwise each row stacked
    as its first cell and then one "heading: value" line per other cell, wrapped at words."""

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
