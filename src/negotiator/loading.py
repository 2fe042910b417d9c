"""Reading an answers file into a Case, turning every problem into one clear, translated line.

Whatever the file holds (empty, huge, deeply nested, not UTF-8, NaN), the result is a Case or a
BadInput naming the field; never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from negotiator.errors import BadInput
from negotiator.words import t

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


def describe(error: Mapping[str, Any], lang: str) -> str:
    """One pydantic error as 'field: problem' in the user's language."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    loc = tuple(error["loc"])
    if kind in _SIMPLE:
        problem = t(lang, f"errors.field.{_SIMPLE[kind]}")
    elif kind == "percent_not_a_number":
        problem = t(lang, "cli.bad.rate", limit=ctx.get("limit"))
    elif kind.startswith(("money_", "percent_")) or kind in ("one_rate", "empty_balance", "date_out_of_range"):
        problem = t(lang, f"errors.field.{kind}", **{k: v for k, v in ctx.items() if k == "limit"})
    elif kind == "control_character":
        problem = t(lang, "safety.control_character", shown=ctx.get("shown", ""))
    elif kind == "chosen_unavailable":
        problem = t(lang, "errors.field.chosen_unavailable", kind=ctx.get("kind", ""))
    elif kind == "greater_than_equal":
        problem = t(lang, "errors.field.too_small", limit=ctx.get("ge"))
    elif kind == "less_than_equal":
        problem = t(lang, "errors.field.too_big", limit=ctx.get("le"))
    elif kind in ("enum", "literal_error"):
        if loc == ("schema_version",):
            problem = t(lang, "errors.field.schema_version")
        else:
            choices = str(ctx.get("expected", "")).replace("'", "")
            problem = t(lang, "errors.field.choice", choices=choices)
    elif kind == "string_too_long":
        problem = t(lang, "errors.field.text_too_long", limit=ctx.get("max_length"))
    elif kind == "string_too_short":
        problem = t(lang, "errors.field.text_empty")
    elif kind == "too_short":
        problem = t(lang, "errors.field.list_empty")
    elif kind == "too_long":
        problem = t(lang, "errors.field.list_too_long", limit=ctx.get("max_length"))
    else:
        problem = t(lang, "errors.field.other", detail=error.get("msg", kind))
    # A union (a value or null) may report its branch name; the person needs only the field. An
    # unknown key is the field itself, whatever it is called.
    if kind != "extra_forbidden":
        loc = tuple(p for p in loc if not _is_branch(p))
    return f"{field_path(loc)}: {problem}"


def validation_message(exc: Any, lang: str, limit: int = 3) -> str:
    errors = exc.errors(include_url=False)
    lines = [describe(e, lang) for e in errors[:limit]]
    if len(errors) > limit:
        lines.append(t(lang, "errors.file.more", count=len(errors) - limit))
    return "\n".join(lines)


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


def read_answers(path: Path, lang: str) -> dict[str, Any]:
    """The file's JSON object, or BadInput saying what is wrong with the file itself."""
    name = str(path)
    try:
        limit = MAX_FILE_MB * 1024 * 1024
        if path.stat().st_size > limit:
            raise BadInput(t(lang, "errors.file.too_large", path=name, limit=MAX_FILE_MB))
        # A pipe or a device reports no size; read one byte past the limit to know. Opened
        # without waiting: a named pipe no one writes to reads as empty instead of hanging; one
        # with a writer (`--answers <(...)`) is then read as usual.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise BadInput(t(lang, "errors.file.too_large", path=name, limit=MAX_FILE_MB))
    except FileNotFoundError as exc:
        raise BadInput(t(lang, "errors.file.not_found", path=name)) from exc
    except OSError as exc:
        raise BadInput(t(lang, "errors.file.unreadable", path=name, reason=exc.strerror or exc)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(t(lang, "errors.file.not_utf8", path=name)) from exc
    try:
        value = parse_json(text)
    except json.JSONDecodeError as exc:
        raise BadInput(t(lang, "errors.file.not_json", path=name, line=exc.lineno, column=exc.colno, reason=exc.msg)) from exc
    except RecursionError as exc:
        raise BadInput(t(lang, "errors.file.too_deep", path=name)) from exc
    except ValueError as exc:  # a number Python cannot read, should one get past the hooks above
        raise BadInput(t(lang, "errors.file.bad_number", path=name, reason=str(exc)[:60])) from exc
    if not isinstance(value, dict):
        raise BadInput(t(lang, "errors.file.not_object", path=name))
    return value


def case_from_data(data: dict[str, Any], lang: str, source: str = ""):
    """Validate a dict into a Case; errors come back as one BadInput naming the fields."""
    from pydantic import ValidationError

    from negotiator.case import Case

    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        prefix = f"{source}: " if source else ""
        raise BadInput(prefix + validation_message(exc, lang)) from exc
    except RecursionError as exc:
        raise BadInput(t(lang, "errors.file.too_deep", path=source)) from exc


def load_answers(path: Path, lang: str):
    """An answers file as a Case."""
    return case_from_data(read_answers(path, lang), lang, str(path))
