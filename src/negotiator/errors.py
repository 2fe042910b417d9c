"""One exception family; the CLI maps each to its exit code in one place."""


class NegotiatorError(Exception):
    """Base of every error we raise on purpose. The message is already in the user's language."""

    exit_code = 1


class BadInput(NegotiatorError):
    """The user gave us something we cannot use: a file, a flag, a value."""

    exit_code = 2


class Interrupted(NegotiatorError):
    """The user pressed Ctrl-C; what they typed so far has been kept."""

    exit_code = 130
