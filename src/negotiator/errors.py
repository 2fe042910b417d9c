"""One exception family, carrying data rather than words: the key of a sentence in the word files
and the values for its placeholders. Any layer raises them without knowing the person's language;
the command line (and the wizard, for its one-line notes) puts them into words once, with
`words.say`, and maps each to its exit code.

May import: nothing of negotiator (it is the bottom layer).
"""

from __future__ import annotations


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


class BadInput(NegotiatorError):
    """The user gave us something we cannot use: a file, a flag, a value."""

    exit_code = 2


class Refused(BadInput):
    """A typed value that cannot be used. The message says what is wrong with the value, not where
    it was typed: whoever asked for it names the field (the option, the question)."""


class Interrupted(NegotiatorError):
    """The user pressed Ctrl-C; what they typed so far has been kept."""

    exit_code = 130
