"""Adding to a case: a contact to the log, an agreement reached, a payment made.

Each change validates the files of the case and writes under the case's lock, so a broken file is
never appended to and two windows adding at once both land. A contact is appended as one line
(fsync'd), without reading or rewriting the log when it is as the last append left it: adding to a
log of 10,000 contacts costs what adding to one of 10 does.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from negotiator.core.controls import json_escaped
from negotiator.core.files import (
    NotRegular,
    TooLarge,
    atomic_write,
    clean_stale,
    read_capped,
    sync_folder,
)
from negotiator.records.contacts import Agreement, ContactEntry
from negotiator.records.payments import Payment
from negotiator.store import appending, reading
from negotiator.store.cases import (
    SavedCase,
    existing_folder,
    read_others,
    read_snapshot,
)
from negotiator.store.folders import HISTORY_FILE, LOG_FILE, PAYMENTS_FILE, locked
from negotiator.store.versions import stamped


def line(record: ContactEntry | Agreement | Payment) -> bytes:
    """One JSON Lines record in the current version."""
    fields = stamped(record.model_dump(mode="json"))
    return (json_escaped(json.dumps(fields, ensure_ascii=False, separators=(", ", ": "))) + "\n").encode("utf-8")


def _append(path: Path, existing: bytes, *records: ContactEntry | Agreement) -> None:
    """Rewrite the file atomically as its exact old bytes plus the new lines: a crash mid-way can
    never leave half a line for the next read to choke on."""
    if existing and not existing.endswith(b"\n"):
        existing += b"\n"  # a hand-edited last line without its newline stays as it was
    atomic_write(path, existing + b"".join(line(r) for r in records), overwrite=True)


# What the last append left: the log's size, change time and file number, and how many contacts it
# holds. While they still match, no one has touched the log since it was last checked in full, and
# adding a contact needs neither to read it again nor to rewrite it: one line is appended.
CHECKED_FILE = ".log.checked"


def _stamp(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ino]


def _note(folder: Path) -> dict[str, object] | None:
    try:
        data = read_capped(folder / CHECKED_FILE, 1024)
        note = json.loads(data) if data else None
    except (OSError, ValueError):
        return None
    return note if isinstance(note, dict) else None


def checked_count(folder: Path) -> int:
    """How many contacts the log holds, every line of it valid: counted from the note when the log
    is as the last append left it, else read and validated in full (a broken log is refused)."""
    path = folder / LOG_FILE
    try:
        info = path.lstat()
    except FileNotFoundError:
        return 0
    note = _note(folder)
    count = note.get("count") if note is not None else None
    if note is not None and note.get("stamp") == _stamp(info) and isinstance(count, int) and stat.S_ISREG(info.st_mode):
        return count
    data = reading.read_bytes(path, reading.MAX_LOG_MB, "log") or b""
    return len(reading.parse_log(data, path))


def _append_line(path: Path, record: ContactEntry | Payment, kind: str) -> os.stat_result:
    """One record appended whole to a case's JSON Lines file; a file grown too large or no longer
    a regular file is refused, named as the kind of file it is."""
    try:
        return appending.append_whole(path, line(record), reading.MAX_LOG_MB * 1024 * 1024)
    except TooLarge as exc:
        raise reading.refuse(path, reading.too_large(reading.MAX_LOG_MB), kind) from exc
    except NotRegular as exc:
        raise reading.refuse(path, reading.not_regular(), kind) from exc


def add_entry(name: str, entry: ContactEntry) -> int:
    """Append one contact to the case's log, under the case's lock. Every other file of the case is
    validated first, and the log too unless it is as the last append left it. Returns how many
    contacts the log now holds."""
    folder = existing_folder(name)
    with locked(folder, name):
        clean_stale(folder)
        read_others(folder, name)
        count = checked_count(folder)
        path = folder / LOG_FILE
        created = not os.path.lexists(path)
        # The check file is part of the change: if it cannot be written, the line goes again too,
        # so "nothing was changed" stays true and trying again adds the contact once.
        with appending.undone_on_error(path):
            info = _append_line(path, entry, "log")
            if created:
                sync_folder(folder)
            atomic_write(folder / CHECKED_FILE, json.dumps({"stamp": _stamp(info), "count": count + 1}), overwrite=True)
    return count + 1


def add_payment(name: str, payment: Payment) -> SavedCase:
    """Append one payment to the case's payments, under the case's lock, every file of the case
    validated first. Returns the case with the payment added."""
    folder = existing_folder(name)
    with locked(folder, name):
        clean_stale(folder)
        saved = read_snapshot(folder, name).saved
        path = folder / PAYMENTS_FILE
        created = not os.path.lexists(path)
        # Whole or not at all (store.appending): a payment that fails half-way is cut back, so
        # trying again records it once.
        with appending.undone_on_error(path):
            _append_line(path, payment, "payments")
            if created:
                sync_folder(folder)
    return SavedCase(saved.name, saved.folder, saved.case, saved.entries, saved.current, saved.history, saved.payments + (payment,))


def record_agreement(name: str, agreement: Agreement) -> SavedCase:
    """Add `agreement` to the history, which makes it the current agreement with its lender; the
    agreements with other lenders stay. One atomic write: the history is the only file changed."""
    folder = existing_folder(name)
    with locked(folder, name):
        clean_stale(folder)
        snapshot = read_snapshot(folder, name)
        saved = snapshot.saved
        # A case from before the history held only agreement.json: carry that agreement over first.
        carried = saved.history if not snapshot.history_bytes.strip() else ()
        _append(folder / HISTORY_FILE, snapshot.history_bytes, *carried, agreement)
    return SavedCase(saved.name, saved.folder, saved.case, saved.entries, agreement, saved.history + (agreement,), saved.payments)


def lenders_of(name: str) -> tuple[list[str], str]:
    """The case's lenders and language, for a contact about to be added: every file but the log validated (the
    log is checked when the contact is appended), so no one types for a case that is broken."""
    folder = existing_folder(name)
    with locked(folder, name):
        case = read_others(folder, name)[0]
        checked_count(folder)
    return [d.lender for d in case.debts], case.language
