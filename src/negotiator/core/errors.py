"""One exception family, carrying data rather than words: the key of a sentence in the word files
and the values for its placeholders. Any layer raises them without knowing the person's language;
the command line (and the wizard, for its one-line notes) puts them into words once, with
`words.say`, and maps each to its exit code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


class Message:
    """A sentence not yet in words: its key in the word files and the values of its placeholders.
    A value may itself be a Message (said first) or a list of them (said one per line)."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object) -> None:
        self.key, self.values = key, values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.values) == (other.key, other.values)

    __hash__ = None  # type: ignore[assignment]  # values may be lists

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.values!r})"


class Joined:
    """Names (a person's own words: lenders, codes) said as one list, joined by the sentence
    `separator` (a key of the word files: ", " in English, "、" in Chinese)."""

    __slots__ = ("separator", "items")

    def __init__(self, separator: str, items: Sequence[object]) -> None:
        self.separator, self.items = separator, tuple(items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Joined) and (self.separator, self.items) == (other.separator, other.items)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Joined({self.separator!r}, {self.items!r})"


class NegotiatorError(Exception):
    """Base of every error we raise on purpose: what went wrong as a Message (`key`, `values`),
    said in the person's language where it is shown. An empty key shows nothing (the reason has
    been shown already)."""

    exit_code = 1

    def __init__(self, key: str = "", /, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values

    @property
    def message(self) -> Message:
        return Message(self.key, **self.values)

    def __str__(self) -> str:
        """The message in English, for a traceback, a log or a test. A person reads it in their own
        language: whoever shows it calls words.say."""
        return in_english(self.message)


def _key(message: Message) -> str:
    return message.key


# How str() puts an error into words. The word files sit above this module: negotiator.words sets
# this when it is loaded; until then an error reads as its key.
in_english: Callable[[Message], str] = _key


class BadInput(NegotiatorError):
    """The user gave us something we cannot use: a file, a flag, a value."""

    exit_code = 2


class Refused(BadInput):
    """A typed value that cannot be used. The message says what is wrong with the value, not where
    it was typed: whoever asked for it names the field (the option, the question)."""


class Interrupted(NegotiatorError):
    """The user pressed Ctrl-C; what they typed so far has been kept."""

    exit_code = 130
