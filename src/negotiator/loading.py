"""Reading a JSON file into a Case or a record, every problem one clear message naming the field.

Whatever the file holds (empty, huge, deeply nested, not UTF-8, NaN), the result is a Case or a
BadInput naming the field; never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
import os
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from negotiator.errors import BadInput, Message

MAX_FILE_MB = 1

# pydantic's error types, grouped under the sentences we show.
_SIMPLE = {
    "missing": "missing",
    "extra_forbidden": "extra_forbidden",
    "int_parsing": "whole_number",
    "int_type": "whole_number",
    "int_from_float": "whole_number",
    "date_parsing": "date",
    "date_type": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "string_type": "text",
    "list_type": "list",
    "model_type": "object",
    "model_attributes_type": "object",
    "dict_type": "object",
    "decimal_parsing": "money_not_a_number",
    "decimal_type": "money_not_a_number",
    "bool_type": "text",
    "string_unicode": "text",
}


def _part(name: str) -> str:
    """A key from the file as shown in a message: short, and with nothing a terminal would obey."""
    shown = name if name.isprintable() else name.encode("unicode_escape", "backslashreplace").decode("ascii")
    return shown if len(shown) <= 40 else shown[:39] + "…"


def field_path(loc: tuple[Any, ...]) -> str:
    """('debts', 1, 'principal') -> 'debts[1].principal'"""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{_part(str(part))}" if out else _part(str(part))
    return out or "(file)"


# How pydantic names the branches of a union (`int | None`) in an error's place; not fields.
_BRANCHES = frozenset({"int", "none", "str", "decimal", "float", "bool", "date", "enum", "list", "dict"})


def _is_branch(part: Any) -> bool:
    return isinstance(part, str) and (part in _BRANCHES or "[" in part or part.startswith(("function-", "lax-")))


def problem(error: Mapping[str, Any]) -> Message:
    """What is wrong in one pydantic error, without the field."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in _SIMPLE:
        return Message(f"errors.field.{_SIMPLE[kind]}")
    if kind == "percent_not_a_number":
        return Message("cli.bad.rate", limit=ctx.get("limit"))
    if kind.startswith(("money_", "percent_")) or kind in ("one_rate", "empty_balance", "date_out_of_range"):
        return Message(f"errors.field.{kind}", **{k: v for k, v in ctx.items() if k == "limit"})
    if kind == "control_character":
        return Message("safety.control_character", shown=ctx.get("shown", ""))
    if kind == "chosen_unavailable":
        return Message("errors.field.chosen_unavailable", kind=ctx.get("kind", ""))
    if kind == "greater_than_equal":
        return Message("errors.field.too_small", limit=ctx.get("ge"))
    if kind == "less_than_equal":
        return Message("errors.field.too_big", limit=ctx.get("le"))
    if kind in ("enum", "literal_error"):
        if tuple(error["loc"]) == ("schema_version",):
            return Message("errors.field.schema_version")
        return Message("errors.field.choice", choices=str(ctx.get("expected", "")).replace("'", ""))
    if kind == "string_too_long":
        return Message("errors.field.text_too_long", limit=ctx.get("max_length"))
    if kind == "string_too_short":
        return Message("errors.field.text_empty")
    if kind == "too_short":
        return Message("errors.field.list_empty")
    if kind == "too_long":
        return Message("errors.field.list_too_long", limit=ctx.get("max_length"))
    return Message("errors.field.other", detail=error.get("msg", kind))


def describe(error: Mapping[str, Any]) -> Message:
    """One pydantic error as 'field: problem', the field as it is written in the file."""
    loc = tuple(error["loc"])
    # A union (a value or null) may report its branch name; the person needs only the field. An
    # unknown key is the field itself, whatever it is called.
    if error["type"] != "extra_forbidden":
        loc = tuple(p for p in loc if not _is_branch(p))
    return Message("problems.field", field=field_path(loc), problem=problem(error))


SHOWN_PROBLEMS = 3


def problems(exc: Any, drop_first: bool = False) -> list[Message]:
    """A validation error's first problems, one per field, and how many more there are. With
    `drop_first` the fields are named without their first part (a stored case's answers are
    named as they are written in an answers file)."""
    errors = exc.errors(include_url=False)
    lines = []
    for error in errors[:SHOWN_PROBLEMS]:
        if drop_first:
            error = {**error, "loc": tuple(error["loc"])[1:]}
        lines.append(describe(error))
    if len(errors) > SHOWN_PROBLEMS:
        lines.append(Message("errors.file.more", count=len(errors) - SHOWN_PROBLEMS))
    return lines


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


def parse_json(text: str) -> Any:
    """JSON with every number that has a fraction read as Decimal, and NaN/Infinity refused."""
    return json.loads(text, parse_float=Decimal, parse_int=_integer, parse_constant=NotANumber)


class FileWords(NamedTuple):
    """The sentences for what can be wrong inside a JSON file, by the kind of file: an answers
    file's sentences name its path; a stored file's follow its path (see store.reading)."""

    not_utf8: str
    not_json: str
    too_deep: str
    bad_number: str
    not_object: str


ANSWERS_FILE = FileWords("errors.file.not_utf8", "errors.file.not_json", "errors.file.too_deep", "errors.file.bad_number",
                         "errors.file.not_object")


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
    except ValueError as exc:  # NaN, Infinity, or a number Python cannot read past the hooks above
        raise BadInput(words.bad_number, path=path, reason=str(exc)[:60]) from exc
    if not isinstance(value, dict):
        raise BadInput(words.not_object, path=path)
    return value


def read_answers(path: Path) -> dict[str, Any]:
    """The file's JSON object, or BadInput saying what is wrong with the file itself."""
    name = str(path)
    try:
        limit = MAX_FILE_MB * 1024 * 1024
        if path.stat().st_size > limit:
            raise BadInput("errors.file.too_large", path=name, limit=MAX_FILE_MB)
        # A pipe or a device reports no size; read one byte past the limit to know. Opened
        # without waiting: a named pipe no one writes to reads as empty instead of hanging; one
        # with a writer (`--answers <(...)`) is then read as usual.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise BadInput("errors.file.too_large", path=name, limit=MAX_FILE_MB)
    except FileNotFoundError as exc:
        raise BadInput("errors.file.not_found", path=name) from exc
    except OSError as exc:
        raise BadInput("errors.file.unreadable", path=name, reason=exc.strerror or exc) from exc
    return json_object(decoded(data, name, ANSWERS_FILE), name, ANSWERS_FILE)


def case_from_data(data: dict[str, Any], source: str = ""):
    """Validate a dict into a Case; errors come back as one BadInput naming the fields."""
    from pydantic import ValidationError

    from negotiator.case import Case

    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        if source:
            raise BadInput("problems.in_file", path=source, problems=problems(exc)) from exc
        raise BadInput("problems.fields", problems=problems(exc)) from exc
    except RecursionError as exc:
        raise BadInput("errors.file.too_deep", path=source) from exc


def load_answers(path: Path):
    """An answers file as a Case."""
    return case_from_data(read_answers(path), str(path))
