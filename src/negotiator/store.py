"""The case store: one private folder per saved case, in the user's data folder.

    <data>/cases/<name>/case.json       the answers, with a schema_version
    <data>/cases/<name>/log.jsonl       the contact log, append-only
    <data>/cases/<name>/agreement.json  the repayment agreement, once there is one
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from negotiator.case import Case
from negotiator.errors import BadInput
from negotiator.files import atomic_write
from negotiator.paths import data_dir, private_dir
from negotiator.words import t

STORE_VERSION = 1
_NAME = re.compile(r"[\w\u4e00-\u9fff][\w\u4e00-\u9fff.-]{0,63}")


def cases_dir() -> Path:
    return private_dir(data_dir() / "cases")


def check_name(name: str, lang: str) -> str:
    if not _NAME.fullmatch(name or ""):
        raise BadInput(t(lang, "store.bad_name", name=name))
    return name


@dataclass(frozen=True)
class SavedCase:
    name: str
    folder: Path
    case: Case

    def log(self) -> list:
        from negotiator.records import ContactEntry

        path = self.folder / "log.jsonl"
        if not path.exists():
            return []
        return [ContactEntry.model_validate_json(line) for line in path.read_text("utf-8").splitlines() if line.strip()]

    def agreement(self):
        from negotiator.records import Agreement

        path = self.folder / "agreement.json"
        return Agreement.model_validate_json(path.read_text("utf-8")) if path.exists() else None


def save_case(name: str, case: Case, lang: str, *, overwrite: bool = False) -> Path:
    """Save (or, with `overwrite`, replace) a case's answers. Returns the case's folder."""
    check_name(name, lang)
    folder = private_dir(cases_dir() / name)
    record = {
        "schema_version": STORE_VERSION,
        "name": name,
        "saved": dt.datetime.now().isoformat(timespec="seconds"),
        "case": json.loads(case.model_dump_json()),
    }
    from negotiator.files import FileExists

    try:
        atomic_write(folder / "case.json", json.dumps(record, ensure_ascii=False, indent=2) + "\n", overwrite=overwrite)
    except FileExists as exc:
        raise BadInput(t(lang, "store.exists", name=name)) from exc
    return folder


def open_case(name: str, lang: str) -> SavedCase:
    from negotiator.loading import case_from_data, read_answers

    check_name(name, lang)
    folder = cases_dir() / name
    path = folder / "case.json"
    if not path.exists():
        raise BadInput(t(lang, "store.not_found", name=name))
    record = read_answers(path, lang)
    return SavedCase(name, folder, case_from_data(record.get("case", {}), lang, str(path)))
