"""Reading the stored files back, validating every field.

Whatever a file holds (cut off half-way, a wrong type typed in by hand, a line of the log broken),
the result is the validated records or one BadInput naming the file, the line (for the log) and the
field, with a hint of what to do. Reading never changes a file.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import Field, ValidationError

from negotiator.case import Case, _Strict
from negotiator.errors import BadInput
from negotiator.files import NotRegular, TooLarge, read_capped
from negotiator.loading import describe, parse_json
from negotiator.records import Agreement, ContactEntry
from negotiator.store.versions import VersionProblem, case_version, current_case, record_fields
from negotiator.words import t

MAX_CASE_MB = 1
MAX_LOG_MB = 20  # years of calls, one line each, stay far below this
SHOWN_PROBLEMS = 3


class StoredCase(_Strict):
    """case.json as written by this version."""

    schema_version: Literal[1]
    name: str = Field(max_length=200)
    saved: dt.datetime
    case: Case


def refuse(path: Path, problem: str, hint: str, lang: str, line: int | None = None) -> BadInput:
    """The one shape of every complaint about a stored file: where, what, and what to do."""
    where = str(path) if line is None else t(lang, "store.file.at_line", path=path, line=line)
    return BadInput(f"{where}: {problem}\n{t(lang, f'store.hint.{hint}')}")


def _problems(exc: ValidationError, lang: str, drop_first: bool = False) -> str:
    """Pydantic's errors as 'field: problem' lines, field paths as they are written in the file."""
    errors = exc.errors(include_url=False)
    lines = []
    for error in errors[:SHOWN_PROBLEMS]:
        if drop_first:
            error = {**error, "loc": tuple(error["loc"])[1:]}
        lines.append(describe(error, lang))
    if len(errors) > SHOWN_PROBLEMS:
        lines.append(t(lang, "errors.file.more", count=len(errors) - SHOWN_PROBLEMS))
    return "\n".join(lines)


def _version_problem(exc: VersionProblem, lang: str) -> str:
    if exc.newer:
        return t(lang, "store.file.newer", field=exc.field, value=exc.value)
    return f"{exc.field}: {t(lang, 'store.file.bad_version')}"


def read_bytes(path: Path, limit_mb: int, hint: str, lang: str) -> bytes | None:
    """The file's bytes, or None when there is no such file yet. Read safely (see
    negotiator.files.read_capped): a link, a pipe, a folder or a device is refused, never followed,
    waited on or read without end."""
    try:
        return read_capped(path, limit_mb * 1024 * 1024)
    except TooLarge as exc:
        raise refuse(path, t(lang, "store.file.too_large", limit=limit_mb), hint, lang) from exc
    except NotRegular as exc:
        raise refuse(path, t(lang, "store.file.unreadable", reason=t(lang, "safety.not_regular")), hint, lang) from exc
    except OSError as exc:
        raise refuse(path, t(lang, "store.file.unreadable", reason=exc.strerror or exc), hint, lang) from exc


def _object(text: str, path: Path, hint: str, lang: str, line: int | None = None) -> dict[str, Any]:
    """One JSON object from text, or the refusal saying why not."""
    try:
        value = parse_json(text)
    except json.JSONDecodeError as exc:
        problem = t(lang, "store.file.not_json", line=exc.lineno, column=exc.colno, reason=exc.msg)
        raise refuse(path, problem, hint, lang, line) from exc
    except RecursionError as exc:
        raise refuse(path, t(lang, "store.file.too_deep"), hint, lang, line) from exc
    except ValueError as exc:  # NaN, Infinity, or an integer too long to read
        raise refuse(path, t(lang, "store.file.bad_number", reason=str(exc)[:60]), hint, lang, line) from exc
    if not isinstance(value, dict):
        raise refuse(path, t(lang, "store.file.not_object"), hint, lang, line)
    return value


def _text(data: bytes, path: Path, hint: str, lang: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refuse(path, t(lang, "store.file.not_utf8"), hint, lang) from exc


def parse_case(data: bytes, path: Path, name: str, lang: str) -> Case:
    """case.json of any known version as a Case."""
    record = _object(_text(data, path, "case", lang), path, "case", lang)
    try:
        bare = case_version(record) == 0
        saved = dt.datetime.fromtimestamp(path.lstat().st_mtime).isoformat(timespec="seconds")
        record = current_case(record, name, saved)
    except VersionProblem as exc:
        raise refuse(path, _version_problem(exc, lang), "newer" if exc.newer else "case", lang) from exc
    try:
        return StoredCase.model_validate(record).case
    except ValidationError as exc:
        # A version-0 file holds the answers at the top; name its fields as they are written.
        raise refuse(path, _problems(exc, lang, drop_first=bare), "case", lang) from exc
    except RecursionError as exc:
        raise refuse(path, t(lang, "store.file.too_deep"), "case", lang) from exc


_Record = TypeVar("_Record", bound=_Strict)


def _record(model: type[_Record], value: dict[str, Any], path: Path, hint: str, lang: str, line: int | None = None) -> _Record:
    try:
        return model.model_validate(record_fields(value))
    except VersionProblem as exc:
        raise refuse(path, _version_problem(exc, lang), "newer" if exc.newer else hint, lang, line) from exc
    except ValidationError as exc:
        raise refuse(path, _problems(exc, lang), hint, lang, line) from exc
    except RecursionError as exc:
        raise refuse(path, t(lang, "store.file.too_deep"), hint, lang, line) from exc


def parse_lines(model: type, data: bytes, path: Path, hint: str, lang: str) -> tuple[Any, ...]:
    """A JSON Lines file (the log, the agreement history): every line validated. Blank lines are
    allowed, as a person editing the file by hand may leave one."""
    records: list[Any] = []
    for number, line in enumerate(_text(data, path, hint, lang).split("\n"), start=1):
        if line.strip():
            records.append(_record(model, _object(line, path, hint, lang, number), path, hint, lang, number))
    return tuple(records)


def parse_log(data: bytes, path: Path, lang: str) -> tuple[ContactEntry, ...]:
    return parse_lines(ContactEntry, data, path, "log", lang)


def parse_history(data: bytes, path: Path, lang: str) -> tuple[Agreement, ...]:
    return parse_lines(Agreement, data, path, "history", lang)


def parse_agreement(data: bytes, path: Path, lang: str) -> Agreement:
    value = _object(_text(data, path, "agreement", lang), path, "agreement", lang)
    return _record(Agreement, value, path, "agreement", lang)
