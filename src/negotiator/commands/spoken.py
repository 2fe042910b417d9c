"""The case commands answer in the case's language unless --lang says otherwise, and so do their
errors: the command line says an error in the language it resolved before the case was opened, so
an error raised once the case's language is known is put into words here, in that language.

To go once the command line resolves the language once per run, the case's included.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager

from negotiator.errors import NegotiatorError
from negotiator.words import say


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    try:
        yield
    except NegotiatorError as exc:
        if not exc.key:
            raise
        said = copy.copy(exc)
        said.key, said.values, said.args = say(lang, exc), {}, (say(lang, exc),)
        raise said from exc
