"""The pieces a plan section is made of: headings, prose, tables and lists.

Every output form knows how to draw each of these; none of them holds a figure it computed itself.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

from negotiator.core.money import show
from negotiator.words import raw, t


class Heading(NamedTuple):
    """A sub-heading inside a section: a lender's name, or before/during/after."""

    text: str


class Para(NamedTuple):
    """Prose; a line break inside it is kept (a letter)."""

    text: str


class Table(NamedTuple):
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: str  # one letter per column: 'l' text, 'r' numbers


class Item(NamedTuple):
    text: str
    label: str = ""  # shown in bold before the text where the form allows (a script step's name)


class Items(NamedTuple):
    style: Literal["check", "bullet", "number", "labelled"]
    items: tuple[Item, ...]


Block = Heading | Para | Table | Items


class Section(NamedTuple):
    key: str  # summary, budget, proposals, schedule, checklist, ...
    title: str
    blocks: tuple[Block, ...]


class Phrasebook:
    """The plan's words in one language: render.* keys by default, labels.* through `label`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        return t(self.lang, f"render.{key}", **values)

    def label(self, key: str, **values: object) -> str:
        return t(self.lang, f"labels.{key}", **values)

    def kind(self, kind: str) -> str:
        return t(self.lang, f"labels.kinds.{kind}")

    def optional(self, key: str, fallback: str) -> str:
        try:
            value = raw(self.lang, f"render.{key}")
        except KeyError:
            return fallback
        return value if isinstance(value, str) else fallback


def money(w: Phrasebook, amount: Decimal) -> str:
    return w("money", amount=show(amount))
