"""The characters a terminal or a file viewer obeys, or hides, instead of showing: C0 and C1
controls, DEL, the line and paragraph separators, the marks that reorder text (bidi embeddings,
overrides and isolates, which can make "1000" read as "0001"), and the invisible format characters
(zero-width spaces and joiners, the word joiner, the byte-order mark, tags), which make
"Hua\u200bbei" look like "Huabei". Text from outside never carries these to a screen or a file
raw: names refuse them at input, free text shows them escaped (see negotiator.render.safe), JSON
writes them as \\u escapes (`json_escaped`)."""

from __future__ import annotations

import re

# Tab and newline are counted too: a name never holds them, and display decides what to do with them.
# Beyond the controls, every format character (Unicode category Cf) there is: each is invisible.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def has_controls(text: str) -> bool:
    return UNSAFE.search(text) is not None


def escaped(ch: str) -> str:
    """One character as the escape a person can read: \\x1b, \\u202e."""
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


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




def _json_escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch == "\n":
        return ch  # json.dumps escapes a line break inside a string itself: this one is its layout
    code = ord(ch)
    if code > 0xFFFF:  # JSON writes a character beyond the first plane as its surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_escaped(text: str) -> str:
    """JSON text as json.dumps wrote it (which escapes C0 controls itself, but not DEL, C1, bidi
    marks, separators or invisible characters) with every character UNSAFE names as a \\u escape:
    the same values, and nothing a terminal showing the JSON would obey."""
    return UNSAFE.sub(_json_escape, text)
