"""What is wrong in a validated file, said field by field: pydantic's errors as Messages that name
the field as it is written in the file ("debts[1].principal: must be an amount"). The answers file
and the stored files share them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from negotiator.core.errors import Message

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
