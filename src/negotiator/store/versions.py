"""Which version each stored file is, and how older versions are read.

Every file the store writes carries `schema_version` (now 2):

- case.json: {"schema_version": 1, "name": ..., "saved": <date-time>, "case": <the answers>}.
  Version 0 is the answers object stored bare, with no wrapper (as an early build wrote it, or as a
  person copies an answers file into the folder). It is recognised by having none of the wrapper's
  keys "case", "name", "saved" (answers have none of them); the "schema_version" inside the answers
  belongs to the answers, not to the file.
- log.jsonl: one contact per line, {"schema_version": 1, <contact fields>}. A version-0 line is the
  same object without "schema_version".
- agreement.json and agreements.jsonl: {"schema_version": 1, <agreement fields>}; version 0 without
  "schema_version".
- payments.jsonl (from version 2): one payment per line, {"schema_version": 2, "lender": ..., "date": ...,
  "amount": ..., "note": ..., "recorded": ...}.

Version 2 added the payments file and changed no field of the others: a version-1 file reads as it
is. A case written by version 2 is refused by an older negotiator, which would show its agreements
without the payments made against them.

An older file is migrated in memory each time it is read and is left on disk exactly as it is:
negotiator never rewrites a person's file behind their back. The next time the case itself is saved
(`negotiator edit`) it is written in the current version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

STORE_VERSION = 2


class VersionProblem(Exception):
    """A file's schema_version we cannot read: not a whole number, or from a newer negotiator."""

    def __init__(self, field: str, value: Any, newer: bool) -> None:
        super().__init__(field)
        self.field = field
        self.value = value
        self.newer = newer


def _bare_answers(data: dict[str, Any], name: str, saved: str) -> dict[str, Any]:
    """Version 0 -> 1: wrap the bare answers."""
    return {"schema_version": 1, "name": name, "saved": saved, "case": data}


def _payments_added(data: dict[str, Any], name: str, saved: str) -> dict[str, Any]:
    """Version 1 -> 2: the payments file came beside the case; case.json itself is the same."""
    return {**data, "schema_version": 2}


CASE_MIGRATIONS: dict[int, Callable[[dict[str, Any], str, str], dict[str, Any]]] = {0: _bare_answers, 1: _payments_added}


def _version(data: dict[str, Any], present: bool) -> int:
    if not present:
        return 0
    value = data.get("schema_version")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise VersionProblem("schema_version", value, newer=False)
    if value > STORE_VERSION:
        raise VersionProblem("schema_version", value, newer=True)
    return value


WRAPPER_KEYS = ("case", "name", "saved")


def case_version(data: dict[str, Any]) -> int:
    return _version(data, any(key in data for key in WRAPPER_KEYS))


def current_case(data: dict[str, Any], name: str, saved: str) -> dict[str, Any]:
    """A case.json of any known version as a record of the current version. `saved` stands in for a missing date."""
    version = case_version(data)
    while version < STORE_VERSION:
        data = CASE_MIGRATIONS[version](data, name, saved)
        version += 1
    return data


def record_fields(data: dict[str, Any]) -> dict[str, Any]:
    """A log line or an agreement of any known version as the record's own fields."""
    _version(data, "schema_version" in data)
    # Versions 0, 1 and 2 hold the same fields; a later version adds its step here.
    return {k: v for k, v in data.items() if k != "schema_version"}


def stamped(fields: dict[str, Any]) -> dict[str, Any]:
    """A record as written now: the version first, so a person reading the file sees it."""
    return {"schema_version": STORE_VERSION, **fields}
