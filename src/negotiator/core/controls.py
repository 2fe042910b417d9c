"""The characters a terminal or a file viewer obeys instead of showing: C0 and C1 controls, DEL,
the line and paragraph separators, and the marks that reorder text (bidi embeddings, overrides and
isolates, which can make "1000" read as "0001"). Text from outside never carries these to a screen
raw: names refuse them at input, free text shows them escaped (see negotiator.render.safe)."""

from __future__ import annotations

import re

# Tab and newline are counted too: a name never holds them, and display decides what to do with them.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def has_controls(text: str) -> bool:
    return UNSAFE.search(text) is not None


def escaped(ch: str) -> str:
    """One character as the escape a person can read: \\x1b, \\u202e."""
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    return " " if ch == "\t" else escaped(ch)


def visible(text: str, newlines: bool = True) -> str:
    """`text` with nothing a terminal would obey. With `newlines`, a line break (LF or CRLF) stays
    one; a lone CR, which would let the rest of a line overwrite its start, is escaped."""
    if newlines:
        text = text.replace("\r\n", "\n")
        return "\n".join(UNSAFE.sub(_escape, line) for line in text.split("\n"))
    return UNSAFE.sub(_escape, text)


