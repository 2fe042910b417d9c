"""Saving a case and opening it again with everything stored beside it, all validated."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from negotiator.answers.case import Case
from negotiator.core.controls import json_escaped
from negotiator.core.errors import BadInput
from negotiator.core.files import FileExists, atomic_write, clean_stale
from negotiator.core.paths import private_dir
from negotiator.records.contacts import Agreement, ContactEntry
from negotiator.records.payments import Payment
from negotiator.store import agreements, reading
from negotiator.store.folders import (
    AGREEMENT_FILE,
    CASE_FILE,
    HISTORY_FILE,
    LOCK_FILE,
    LOG_FILE,
    PAYMENTS_FILE,
    case_folder,
    check_folder,
    check_name,
    locked,
)
from negotiator.store.versions import stamped


@dataclass(frozen=True)
class SavedCase:
    name: str
    folder: Path
    case: Case
    entries: tuple[ContactEntry, ...] = ()
    current: Agreement | None = None  # the agreement recorded last, with any lender
    history: tuple[Agreement, ...] = ()  # every agreement, oldest first (an old agreement.json as one)
    payments: tuple[Payment, ...] = ()  # every payment recorded, in the order recorded

    def log(self) -> list[ContactEntry]:
        """The contact log, in the order the contacts were added."""
        return list(self.entries)

    def agreement(self) -> Agreement | None:
        """The latest repayment agreement, if one was recorded."""
        return self.current

    def agreements(self) -> tuple[Agreement, ...]:
        """The current agreement with each lender: the last recorded for that lender."""
        return agreements.current(self.history, self.lenders())

    def lenders(self) -> list[str]:
        return [d.lender for d in self.case.debts]

    def payees(self) -> list[str]:
        """Whom a payment can be recorded to: the case's lenders, then any other lender an
        agreement was recorded with."""
        known = self.lenders()
        seen = {x.strip().casefold() for x in known}
        return known + [a.lender for a in self.agreements() if a.lender.strip().casefold() not in seen]


@dataclass(frozen=True)
class Snapshot:
    """A case as read under its lock, with the raw bytes of the files an append extends."""

    saved: SavedCase
    log_bytes: bytes
    history_bytes: bytes


def case_record(name: str, case: Case) -> str:
    record = stamped({"name": name, "saved": dt.datetime.now().isoformat(timespec="seconds"), "case": json.loads(case.model_dump_json())})
    return json_escaped(json.dumps(record, ensure_ascii=False, indent=2)) + "\n"


def save_case(name: str, case: Case, *, overwrite: bool = False) -> Path:
    """Save (or, with `overwrite`, replace) a case's answers. Returns the case's folder."""
    folder = case_folder(name)
    made = not os.path.lexists(folder)
    private_dir(folder)
    try:
        with locked(folder, name):
            clean_stale(folder)
            try:
                atomic_write(folder / CASE_FILE, case_record(name, case), overwrite=overwrite)
            except FileExists as exc:
                raise BadInput("store.exists", name=name) from exc
    except BaseException:
        if made:
            _remove_empty(folder)  # a full disk, say: the data folder is left as it was
        raise
    return folder


def _remove_empty(folder: Path) -> None:
    """Take away a case folder made for a save that failed, if nothing but its lock is in it."""
    try:
        names = os.listdir(folder)
        if set(names) <= {LOCK_FILE}:
            for name in names:
                os.unlink(folder / name)
            os.rmdir(folder)
    except OSError:
        pass  # an empty folder left behind holds nothing and is read as no case


def existing_folder(name: str) -> Path:
    folder = case_folder(check_name(name))
    # A case.json that is not a regular file is refused by the reader, naming it; only a missing
    # one means there is no such case.
    if not check_folder(folder) or not os.path.lexists(folder / CASE_FILE):
        raise BadInput("store.not_found", name=name)
    return folder


def read_others(folder: Path, name: str) -> tuple[Case, Agreement | None, tuple[Agreement, ...], bytes]:
    """Every file of the case but the log, validated: the case, the agreement, the history and
    the history's bytes. Call with the case's lock held."""
    case_path = folder / CASE_FILE
    data = reading.read_bytes(case_path, reading.MAX_CASE_MB, "case")
    if data is None:
        raise BadInput("store.not_found", name=name)
    case = reading.parse_case(data, case_path, name)
    agreement_path, history_path = folder / AGREEMENT_FILE, folder / HISTORY_FILE
    agreement_bytes = reading.read_bytes(agreement_path, reading.MAX_CASE_MB, "agreement")
    legacy = None if agreement_bytes is None else reading.parse_agreement(agreement_bytes, agreement_path)
    history_bytes = reading.read_bytes(history_path, reading.MAX_LOG_MB, "history") or b""
    history = agreements.with_legacy(reading.parse_history(history_bytes, history_path), legacy)
    return case, (history[-1] if history else None), history, history_bytes


def read_snapshot(folder: Path, name: str) -> Snapshot:
    """Every file of the case, validated. Call with the case's lock held."""
    case, latest, history, history_bytes = read_others(folder, name)
    log_path = folder / LOG_FILE
    log_bytes = reading.read_bytes(log_path, reading.MAX_LOG_MB, "log") or b""
    entries = reading.parse_log(log_bytes, log_path)
    payments_path = folder / PAYMENTS_FILE
    paid = reading.parse_payments(reading.read_bytes(payments_path, reading.MAX_LOG_MB, "payments") or b"", payments_path)
    return Snapshot(SavedCase(name, folder, case, entries, latest, history, paid), log_bytes, history_bytes)


def open_case(name: str) -> SavedCase:
    """A saved case with its log and agreement, every file validated; BadInput naming the file and
    field if any of them is broken."""
    folder = existing_folder(name)
    with locked(folder, name):
        return read_snapshot(folder, name).saved
