"""Reading the stored files back, validating every field.

Whatever a file holds (cut off half-way, a wrong type typed in by hand, a line of the log broken),
the result is the validated records or one BadInput naming the file, the line (for the log) and the
field, with a hint of what to do. Reading never changes a file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import Field, ValidationError

from negotiator.answers.case import Case, _Strict
from negotiator.answers.field_problems import problems
from negotiator.answers.json_reading import FileWords, decoded, json_object
from negotiator.core.errors import BadInput, Message
from negotiator.core.files import NotRegular, TooLarge, read_capped
from negotiator.records.contacts import Agreement, ContactEntry
from negotiator.records.payments import Payment
from negotiator.store.versions import (
    VersionProblem,
    case_version,
    current_case,
    record_fields,
)

MAX_CASE_MB = 1
MAX_LOG_MB = 20  # years of calls, one line each, stay far below this


class StoredCase(_Strict):
    """case.json as written by this version."""

    schema_version: Literal[2]
    name: str = Field(max_length=200)
    saved: dt.datetime
    case: Case


# What can be wrong inside a stored file, said after the file's name (and line).
STORED_FILE = FileWords("store.file.not_utf8", "store.file.not_json", "store.file.too_deep", "store.file.bad_number",
                        "store.file.not_object", "store.file.duplicate_key")


def refuse(path: Path, problem: Message | list[Message], hint: str, line: int | None = None) -> BadInput:
    """The one shape of every complaint about a stored file: where, what, and what to do."""
    where: object = path if line is None else Message("store.file.at_line", path=path, line=line)
    return BadInput("problems.stored", where=where, problem=problem, hint=Message(f"store.hint.{hint}"))


def _version_problem(exc: VersionProblem) -> Message:
    if exc.newer:
        return Message("store.file.newer", field=exc.field, value=exc.value)
    return Message("problems.field", field=exc.field, problem=Message("store.file.bad_version"))


def read_bytes(path: Path, limit_mb: int, hint: str) -> bytes | None:
    """The file's bytes, or None when there is no such file yet. Read safely (see
    negotiator.core.files.read_capped): a link, a pipe, a folder or a device is refused, never followed,
    waited on or read without end."""
    try:
        return read_capped(path, limit_mb * 1024 * 1024)
    except TooLarge as exc:
        raise refuse(path, too_large(limit_mb), hint) from exc
    except NotRegular as exc:
        raise refuse(path, not_regular(), hint) from exc
    except OSError as exc:
        raise refuse(path, Message("store.file.unreadable", reason=exc.strerror or exc), hint) from exc


def too_large(limit_mb: int) -> Message:
    return Message("store.file.too_large", limit=limit_mb)


def not_regular() -> Message:
    return Message("store.file.unreadable", reason=Message("safety.not_regular"))


def _object(text: str, path: Path, hint: str, line: int | None = None) -> dict[str, Any]:
    """One JSON object from text, or the refusal saying why not."""
    try:
        return json_object(text, path, STORED_FILE)
    except BadInput as exc:
        raise refuse(path, exc.message, hint, line) from exc


def _text(data: bytes, path: Path, hint: str) -> str:
    try:
        return decoded(data, path, STORED_FILE)
    except BadInput as exc:
        raise refuse(path, exc.message, hint) from exc


def parse_case(data: bytes, path: Path, name: str) -> Case:
    """case.json of any known version as a Case."""
    record = _object(_text(data, path, "case"), path, "case")
    try:
        bare = case_version(record) == 0
        saved = dt.datetime.fromtimestamp(path.lstat().st_mtime).isoformat(timespec="seconds")
        record = current_case(record, name, saved)
    except VersionProblem as exc:
        raise refuse(path, _version_problem(exc), "newer" if exc.newer else "case") from exc
    try:
        return StoredCase.model_validate(record).case
    except ValidationError as exc:
        # A version-0 file holds the answers at the top; name its fields as they are written.
        raise refuse(path, problems(exc, drop_first=bare), "case") from exc
    except RecursionError as exc:
        raise refuse(path, Message(STORED_FILE.too_deep), "case") from exc


_Record = TypeVar("_Record", bound=_Strict)


def _record(model: type[_Record], value: dict[str, Any], path: Path, hint: str, line: int | None = None) -> _Record:
    try:
        return model.model_validate(record_fields(value))
    except VersionProblem as exc:
        raise refuse(path, _version_problem(exc), "newer" if exc.newer else hint, line) from exc
    except ValidationError as exc:
        raise refuse(path, problems(exc), hint, line) from exc
    except RecursionError as exc:
        raise refuse(path, Message(STORED_FILE.too_deep), hint, line) from exc


def parse_lines(model: type, data: bytes, path: Path, hint: str) -> tuple[Any, ...]:
    """A JSON Lines file (the log, the agreement history): every line validated. Blank lines are
    allowed, as a person editing the file by hand may leave one."""
    records: list[Any] = []
    for number, line in enumerate(_text(data, path, hint).split("\n"), start=1):
        if line.strip():
            records.append(_record(model, _object(line, path, hint, number), path, hint, number))
    return tuple(records)


def parse_log(data: bytes, path: Path) -> tuple[ContactEntry, ...]:
    return parse_lines(ContactEntry, data, path, "log")


def parse_history(data: bytes, path: Path) -> tuple[Agreement, ...]:
    return parse_lines(Agreement, data, path, "history")


def parse_payments(data: bytes, path: Path) -> tuple[Payment, ...]:
    return parse_lines(Payment, data, path, "payments")


def parse_agreement(data: bytes, path: Path) -> Agreement:
    value = _object(_text(data, path, "agreement"), path, "agreement")
    return _record(Agreement, value, path, "agreement")
