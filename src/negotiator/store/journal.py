"""Adding to a case: a contact to the log, an agreement reached.

Each change validates every file of the case and writes under the case's lock, so a broken file is
never appended to and two windows adding at once both land.
"""

from __future__ import annotations

import json
from pathlib import Path

from negotiator.files import atomic_write
from negotiator.records import Agreement, ContactEntry
from negotiator.store.cases import SavedCase, existing_folder, read_snapshot
from negotiator.store.folders import AGREEMENT_FILE, HISTORY_FILE, LOG_FILE, locked
from negotiator.store.versions import stamped


def line(record: ContactEntry | Agreement) -> bytes:
    """One JSON Lines record in the current version."""
    fields = stamped(record.model_dump(mode="json"))
    return (json.dumps(fields, ensure_ascii=False, separators=(", ", ": ")) + "\n").encode("utf-8")


def _append(path: Path, existing: bytes, record: ContactEntry | Agreement) -> None:
    """Rewrite the file atomically as its exact old bytes plus one line: a crash mid-way can never
    leave half a line for the next read to choke on."""
    if existing and not existing.endswith(b"\n"):
        existing += b"\n"  # a hand-edited last line without its newline stays as it was
    atomic_write(path, existing + line(record), overwrite=True)


def add_entry(name: str, entry: ContactEntry, lang: str) -> SavedCase:
    """Append one contact to the case's log. Returns the case as it now is."""
    folder = existing_folder(name, lang)
    with locked(folder, name, lang):
        snapshot = read_snapshot(folder, name, lang)
        _append(folder / LOG_FILE, snapshot.log_bytes, entry)
        saved = snapshot.saved
    return SavedCase(saved.name, saved.folder, saved.case, saved.entries + (entry,), saved.current, saved.history)


def record_agreement(name: str, agreement: Agreement, lang: str) -> SavedCase:
    """Make `agreement` the case's current agreement and add it to the history."""
    folder = existing_folder(name, lang)
    with locked(folder, name, lang):
        snapshot = read_snapshot(folder, name, lang)
        _append(folder / HISTORY_FILE, snapshot.history_bytes, agreement)
        text = json.dumps(stamped(agreement.model_dump(mode="json")), ensure_ascii=False, indent=2) + "\n"
        atomic_write(folder / AGREEMENT_FILE, text, overwrite=True)
        saved = snapshot.saved
    return SavedCase(saved.name, saved.folder, saved.case, saved.entries, agreement, saved.history + (agreement,))
