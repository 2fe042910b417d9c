"""Whole numbers as people type them: months, days. Only decimal digits count ('12', '１２');
'²' passes str.isdigit() but is no answer to "how many months"."""

from __future__ import annotations


def whole_number(text: str, digits: int = 9) -> int | None:
    """The number, or None when the text is not a plain whole number of at most `digits` digits."""
    cleaned = text.strip()
    if not cleaned.isdecimal() or len(cleaned) > digits:
        return None
    return int(cleaned)
