"""Regular expressions for the text spellings of an amount or a rate, for the published JSON
Schema, so that an editor underlines what `negotiator plan` would refuse.

They follow the readers: `money.parse_amount` normalises with NFKC, lower-cases, drops separators
and reads currency marks and multipliers from its own tables; a rate is read by `Decimal`, which
drops underscores. The patterns take what people type: ASCII and full-width characters (`１２，０００`,
`￥`), capitals, and white space at the ends.

On the safe side (the schema refuses something the program would read), never the other way:
- digits of other scripts, and other characters NFKC turns into a digit or a mark (① for "1",
  a no-break space inside a figure), are left out;
- a rate written with a positive exponent ("0.5e1") is refused: no pattern can compare such a
  number with a bound. A negative exponent is fine ("1e-3"), as is any zero ("0e5"), as long as
  the number before it is within the bound ("12000e-12000" is refused at a bound of 1).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from functools import cache

from negotiator.core.money import _CURRENCY, _MULTIPLIERS, MAX_AMOUNT, SEPARATORS
from negotiator.core.typed import PERCENT_SIGNS

# An exponent of more digits than this is more than Decimal reads (it says InvalidOperation).
_EXPONENT_DIGITS = 17
# The least amount that rounds half-up to one fen; anything below is 0.00.
HALF_FEN = Decimal("0.005")
# What str.strip() takes off the ends: every character Python counts as white space.
SPACES = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
# Typed with an input method, these stand for the character NFKC makes of them.
_WIDE_ALSO = {" ": "\u3000", "¥": "￥"}


# ---- characters ---------------------------------------------------------------------------------


def _wide(char: str) -> str:
    """The full-width form of a printable ASCII character, which NFKC reads as the character."""
    return chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else _WIDE_ALSO.get(char, char)


def _forms(char: str) -> frozenset[str]:
    """The ways people type `char` that parse_amount reads as it: itself, in capitals, full-width."""
    forms = {char, char.upper()}
    forms |= {_wide(c) for c in forms}
    return frozenset(c for c in forms if unicodedata.normalize("NFKC", c).lower() == char)


@cache
def _normalised() -> dict[str, frozenset[str]]:
    """For each character the amount reader looks for, how it may be typed; digits by value under
    'd0'..'d9', and what may stand at the ends under 'ws'."""
    wanted = {unicodedata.normalize("NFKC", c) for c in "".join((*_CURRENCY, *_MULTIPLIERS, *SEPARATORS, ".+-"))}
    out = {char: _forms(char) for char in wanted}
    out.update({f"d{value}": _forms(str(value)) for value in range(10)})
    out["ws"] = SPACES
    return out


def _decimal_digits() -> dict[int, frozenset[str]]:
    """The digits a rate may be typed with (Decimal reads them, ASCII and full-width alike)."""
    return {value: _forms(str(value)) for value in range(10)}


def _escape(char: str) -> str:
    code = ord(char)
    if char in "\\]-[^":
        return "\\" + char
    if code > 0xFFFF:
        return char  # written as itself: ECMA-262 with the u flag and Python both read it whole
    if char.isprintable() and not char.isspace() and unicodedata.category(char)[0] not in "MC":
        return char
    return f"\\u{code:04x}"


@cache
def char_class(chars: frozenset[str]) -> str:
    """A bracketed class matching exactly `chars`, with runs written as ranges."""
    codes = sorted(ord(c) for c in chars)
    parts = []
    start = prev = codes[0]
    for code in [*codes[1:], None]:
        if code is not None and code == prev + 1:
            prev = code
            continue
        if prev == start:
            parts.append(_escape(chr(start)))
        elif start > 0xFFFF or prev == start + 1:
            # Beyond the first plane each character is written out: an engine reading the
            # pattern without the u flag (older editors) sees each as two code units, and a
            # range between two such pairs would not even compile there.
            parts.append("".join(_escape(chr(code)) for code in range(start, prev + 1)))
        elif prev == start + 1:
            parts.append(_escape(chr(start)) + _escape(chr(prev)))
        else:
            parts.append(f"{_escape(chr(start))}-{_escape(chr(prev))}")
        if code is not None:
            start = prev = code
    return "[" + "".join(parts) + "]"


# ---- numerals with a bound ----------------------------------------------------------------------


class _Alphabet:
    """How one reader spells a numeral: its digit characters, what may stand between any two
    characters (and is dropped), whether '5.' is a number."""

    def __init__(self, digits: dict[int, frozenset[str]], point: str, glue: str, trailing_point: bool) -> None:
        self.digits = digits
        self.point = point
        self.glue = glue
        self.trailing_point = trailing_point

    def digit(self, low: int = 0, high: int = 9) -> str:
        """One digit from low to high, then any glue."""
        chars: frozenset[str] = frozenset().union(*(self.digits[value] for value in range(low, high + 1)))
        return f"{char_class(chars)}{self.glue}"

    def exactly(self, text: str) -> str:
        return "".join(self.digit(int(d), int(d)) for d in text)

    def dot(self) -> str:
        return f"{self.point}{self.glue}"

    def fraction(self) -> str:
        """An optional fraction of any digits."""
        digits = "*" if self.trailing_point else "+"
        return f"(?:{self.dot()}(?:{self.digit()}){digits})?"


def at_most(alpha: _Alphabet, limit: Decimal, strict: bool = False) -> str:
    """A numeral (digits, optionally a point and more digits, leading zeros allowed) whose value
    is at most `limit`, or below it when `strict`."""
    whole, _, part = format(limit, "f").partition(".")
    whole, part = whole.lstrip("0"), part.rstrip("0")
    n = len(whole)
    zeros = f"(?:{alpha.digit(0, 0)})*"
    any_digit = alpha.digit()
    shapes = []
    # Fewer significant whole digits than the limit: smaller whatever follows. The numeral must
    # not be empty: either a digit before the point or a fraction after it.
    if n > 0:
        shorter = f"(?:{alpha.digit(1, 9)}(?:{any_digit}){{0,{n - 2}}})" if n > 1 else ""
        if shorter:
            shapes.append(f"{zeros}{shorter}{alpha.fraction()}")
        shapes.append(f"(?:{alpha.digit(0, 0)})+{alpha.fraction()}")
        shapes.append(f"{zeros}{alpha.dot()}(?:{any_digit})+")
    # As many whole digits as the limit: compare digit by digit, the fraction padded with zeros.
    figures = whole + part
    for p, figure in enumerate(figures):
        below = int(figure) - 1
        if below < 0:
            continue
        if p < n:
            head = alpha.exactly(whole[:p]) + alpha.digit(0, below) + f"(?:{any_digit}){{{n - p - 1}}}"
            shapes.append(f"{zeros}{head}{alpha.fraction()}")
        else:
            head = alpha.exactly(whole) + alpha.dot() + alpha.exactly(part[: p - n]) + alpha.digit(0, below)
            shapes.append(f"{zeros}{head}(?:{any_digit})*")
    # A numeral that stops early, inside the limit's fraction, is below it.
    lead = alpha.exactly(whole) if n else ""
    start = f"{zeros}{lead}" if n else f"(?:{alpha.digit(0, 0)})+"
    if part:
        shapes.append(start + (f"(?:{alpha.dot()})?" if alpha.trailing_point else ""))
        for cut in range(1, len(part)):
            shapes.append(f"{zeros}{lead}{alpha.dot()}{alpha.exactly(part[:cut])}")
    # Equal to the limit (trailing zeros allowed).
    if not strict:
        tail_zeros = f"(?:{alpha.digit(0, 0)})*"
        if part:
            shapes.append(f"{zeros}{lead}{alpha.dot()}{alpha.exactly(part)}{tail_zeros}")
        else:
            point = f"{alpha.dot()}{tail_zeros}" if alpha.trailing_point else f"{alpha.dot()}(?:{alpha.digit(0, 0)})+"
            shapes.append(f"{start}(?:{point})?")
            if not n:
                shapes.append(f"{zeros}{alpha.dot()}(?:{alpha.digit(0, 0)})+")
    return "(?:" + "|".join(shapes) + ")"


# ---- amounts ------------------------------------------------------------------------------------


def _money_alphabet() -> tuple[_Alphabet, dict[str, frozenset[str]], str]:
    table = _normalised()
    glue_chars = frozenset().union(*(table[unicodedata.normalize("NFKC", mark)] for mark in SEPARATORS))
    glue = f"{char_class(glue_chars)}*"
    digits = {value: table[f"d{value}"] for value in range(10)}
    alpha = _Alphabet(digits, char_class(table["."]), glue, trailing_point=False)
    return alpha, table, glue


def _word(table: dict[str, frozenset[str]], glue: str, word: str) -> str:
    """A mark such as 'rmb' or '块钱', each character in any form that normalises to it."""
    return "".join(f"{char_class(table[char])}{glue}" for char in word)


def _money(below: Decimal, strict: bool) -> str:
    """The text spellings parse_amount reads as a value up to `below` (under it when strict)."""
    alpha, table, glue = _money_alphabet()
    spaces = char_class(table["ws"])
    plus, minus = _word(table, glue, "+"), _word(table, glue, "-")
    signs = f"(?:{char_class(table['+'] | table['-'])}{glue})*"
    # parse_amount strips each mark, in the order of its table, from the front and then the back.
    marks = [f"(?:{_word(table, glue, mark)})?" for mark in _CURRENCY]
    before, after = "".join(marks), "".join(reversed(marks))
    scales: dict[Decimal, list[str]] = {Decimal(1): [""]}
    for suffix, factor in _MULTIPLIERS.items():
        scales.setdefault(factor, []).append(_word(table, glue, suffix))
    positive, zero = [], []
    for factor, suffixes in scales.items():
        scale = "(?:" + "|".join(suffixes) + ")"
        positive.append(at_most(alpha, below / factor, strict) + scale)
        zero.append(at_most(alpha, Decimal(0)) + scale)
    body = (
        f"(?:(?:{plus}{signs})?{before}(?:{'|'.join(positive)})"
        f"|{minus}{signs}{before}(?:{'|'.join(zero)}))"
    )
    return f"^{_bad_grouping(alpha, table)}{spaces}*{glue}{body}{after}{spaces}*$"


def _bad_grouping(alpha: _Alphabet, table: dict[str, frozenset[str]]) -> str:
    """A look-ahead refusing what parse_amount refuses as separators out of place (its
    _BAD_GROUPING): a group of other than three digits after a separator, two separators in a
    row, more than three digits before one, one among the decimals."""
    d = char_class(frozenset().union(*alpha.digits.values()))
    sep = char_class(frozenset().union(*(table[unicodedata.normalize("NFKC", mark)] for mark in SEPARATORS)))
    point = alpha.point
    bad = f"{d}{sep}(?:{d}(?!{d})|{d}{d}(?!{d})|{d}{{4}})|{d}{sep}{{2,}}{d}|{d}{{4}}{sep}{d}|{point}{d}+{sep}+{d}"
    return f"(?![\\s\\S]*(?:{bad}))"


@cache
def money_pattern() -> str:
    """Every text spelling of an amount the program accepts: from 0 to MAX_AMOUNT."""
    return _money(MAX_AMOUNT, strict=False)


@cache
def zero_money_pattern() -> str:
    """The text spellings of an amount that rounds to 0.00."""
    return _money(HALF_FEN, strict=True)


# ---- rates --------------------------------------------------------------------------------------


@cache
def percent_pattern(limit: int) -> str:
    """Text a rate field reads as a number from 0 to `limit`: what Decimal() reads once the ends
    are stripped and percent signs ('%', '％') dropped from the right, less positive exponents
    (see above)."""
    alpha = _Alphabet(_decimal_digits(), r"\.", "_*", trailing_point=True)
    ends = char_class(SPACES)
    exponent_digits = f"(?:{alpha.digit(0, 0)})*(?:{alpha.digit()}){{1,{_EXPONENT_DIGITS}}}"
    any_exponent = f"(?:[eE]_*(?:[-+]_*)?{exponent_digits})"
    not_positive = f"(?:[eE]_*(?:-_*{exponent_digits}|(?:\\+_*)?(?:{alpha.digit(0, 0)})+))"
    zero = at_most(alpha, Decimal(0))
    number = (
        f"(?:(?:\\+_*)?(?:{at_most(alpha, Decimal(limit))}{not_positive}?|{zero}{any_exponent}?)"
        f"|-_*{zero}{any_exponent}?)"
    )
    # Decimal strips white space from the ends, then drops underscores wherever they are.
    return f"^{ends}*_*{number}{ends}*[{PERCENT_SIGNS}]*{ends}*$"
