"""JSON text read as the program needs it: every number with a fraction a Decimal (never a float),
NaN and Infinity refused, and anything not a JSON object said in the words of the kind of file.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, NamedTuple

from negotiator.core.errors import BadInput


class NotANumber:
    """Stands in for NaN or Infinity, which JSON does not allow but Python's reader does: no field
    accepts it, so validation names the field that holds it."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


def _integer(text: str) -> int | Decimal:
    # Python refuses to read an integer of more than 4300 digits; as a Decimal it is simply too
    # large for the field that holds it, and the message can say which field that is.
    return int(text) if len(text) <= 30 else Decimal(text)


class DuplicateKey(ValueError):
    """One object names the same field twice: which value was meant cannot be known, and taking
    the last (as Python's reader does) would silently drop the other."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise DuplicateKey(key)
        out[key] = value
    return out


def parse_json(text: str) -> Any:
    """JSON with every number that has a fraction read as Decimal, NaN/Infinity and a field named
    twice in one object refused."""
    return json.loads(text, parse_float=Decimal, parse_int=_integer, parse_constant=NotANumber, object_pairs_hook=_object)


class FileWords(NamedTuple):
    """The sentences for what can be wrong inside a JSON file, by the kind of file: an answers
    file's sentences name its path; a stored file's follow its path (see store.reading)."""

    not_utf8: str
    not_json: str
    too_deep: str
    bad_number: str
    not_object: str
    duplicate_key: str


def decoded(data: bytes, path: object, words: FileWords) -> str:
    """A file's bytes as text (UTF-8, with or without its mark), or BadInput saying it is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(words.not_utf8, path=path) from exc


def json_object(text: str, path: object, words: FileWords) -> dict[str, Any]:
    """One JSON object from text, or BadInput saying why not."""
    try:
        value = parse_json(text)
    except json.JSONDecodeError as exc:
        raise BadInput(words.not_json, path=path, line=exc.lineno, column=exc.colno, reason=exc.msg) from exc
    except RecursionError as exc:
        raise BadInput(words.too_deep, path=path) from exc
    except DuplicateKey as exc:
        raise BadInput(words.duplicate_key, path=path, field=exc.key) from exc
    except ValueError as exc:  # NaN, Infinity, or a number Python cannot read past the hooks above
        raise BadInput(words.bad_number, path=path, reason=str(exc)[:60]) from exc
    if not isinstance(value, dict):
        raise BadInput(words.not_object, path=path)
    return value
