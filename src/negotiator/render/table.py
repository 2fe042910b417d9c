"""Plain-text tables aligned by display width, where a Chinese character takes two columns.

Used by the text forms that must not load rich (calc during a call, saved plans)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from unicodedata import category, east_asian_width


def width(text: str) -> int:
    """Display columns of a string; a character wcwidth cannot size counts as one."""
    if text.isascii() and text.isprintable():
        # One column a character. wcwidth takes about 10 ms to load, which `calc` (used during a
        # live call) need not pay.
        return len(text)
    simple = _simple_width(text)
    if simple is not None:
        return simple
    from wcwidth import wcswidth  # noqa: PLC0415

    w = wcswidth(text)
    return w if w >= 0 else len(text)


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Display columns of one character, from the standard library when it is plain ASCII or a
    wide letter, punctuation or symbol, else from wcwidth (loaded only then)."""
    if " " <= ch <= "~":
        return 1
    if "\u4e00" <= ch <= "\u9fff":  # CJK Unified Ideographs, most of a Chinese plan: all wide
        return 2
    simple = _simple_width(ch)
    if simple is not None:
        return simple
    from wcwidth import wcwidth  # noqa: PLC0415

    return max(wcwidth(ch), 0)


def _simple_width(text: str) -> int | None:
    """Plain ASCII mixed with letters, punctuation and symbols that are plainly wide (Chinese
    text, full-width forms) or plainly narrow (dashes, curly quotes), sized from the standard
    library; None for anything subtler (combining marks, joiners, emoji, filler), which wcwidth
    knows better."""
    columns = 0
    for ch in text:
        if " " <= ch <= "~":
            columns += 1
            continue
        kind = category(ch)
        if kind[0] not in "LPS" or kind == "Sk" or ch == "\u3164":
            # Sk: emoji skin tones join the emoji before them; U+3164 is a filler with no width.
            return None
        span = east_asian_width(ch)
        if span in ("W", "F"):
            columns += 2
        elif span in ("Na", "H", "A") and ch < "\u2e80":
            # Narrow and ambiguous letters and punctuation before the CJK blocks: one column, as
            # wcwidth counts them (a CJK-locale terminal may draw ambiguous ones wider).
            columns += 1
        else:
            return None
    return columns


def pad(text: str, size: int, align: str = "l") -> str:
    gap = max(size - width(text), 0)
    return " " * gap + text if align == "r" else text + " " * gap


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "", header: bool = True, gap: str = "  ") -> list[str]:
    """Lines of a table; `align` has one letter per column, 'l' or 'r'."""
    columns = len(headers)
    align = (align or "l" * columns).ljust(columns, "l")
    sizes = [max([width(headers[i]) if header else 0] + [width(r[i]) for r in rows]) for i in range(columns)]
    out = []
    if header:
        out.append(gap.join(pad(headers[i], sizes[i], align[i]) for i in range(columns)).rstrip())
        out.append(gap.join("-" * sizes[i] for i in range(columns)))
    for row in rows:
        out.append(gap.join(pad(row[i], sizes[i], align[i]) for i in range(columns)).rstrip())
    return out
