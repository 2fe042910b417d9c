"""Reading an answers file into a Case, every problem one clear message naming the field.

Whatever the file holds (empty, huge, deeply nested, not UTF-8, NaN), the result is a Case or a
BadInput naming the field; never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from negotiator.answers.case import Case
from negotiator.answers.field_problems import problems
from negotiator.answers.json_reading import FileWords, decoded, json_object
from negotiator.core.errors import BadInput

if TYPE_CHECKING:
    from negotiator.answers.case import Case

MAX_FILE_MB = 1

ANSWERS_FILE = FileWords("errors.file.not_utf8", "errors.file.not_json", "errors.file.too_deep", "errors.file.bad_number",
                         "errors.file.not_object", "errors.file.duplicate_key")


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


def case_from_data(data: dict[str, Any], source: str = "") -> Case:
    """Validate a dict into a Case; errors come back as one BadInput naming the fields."""

    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        if source:
            raise BadInput("problems.in_file", path=source, problems=problems(exc)) from exc
        raise BadInput("problems.fields", problems=problems(exc)) from exc
    except RecursionError as exc:
        raise BadInput("errors.file.too_deep", path=source) from exc


def load_answers(path: Path) -> Case:
    """An answers file as a Case."""
    return case_from_data(read_answers(path), str(path))
