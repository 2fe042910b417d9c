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
from negotiator.store.folders import HISTORY_FILE, LOG_FILE, locked
from negotiator.store.versions import stamped


def line(record: ContactEntry | Agreement) -> bytes:
    """One JSON Lines record in the current version."""
    fields = stamped(record.model_dump(mode="json"))
    return (json.dumps(fields, ensure_ascii=False, separators=(", ", ": ")) + "\n").encode("utf-8")


def _append(path: Path, existing: bytes, *records: ContactEntry | Agreement) -> None:
    """Rewrite the file atomically as its exact old bytes plus the new lines: a crash mid-way can
    never leave half a line for the next read to choke on."""
    if existing and not existing.endswith(b"\n"):
        existing += b"\n"  # a hand-edited last line without its newline stays as it was
    atomic_write(path, existing + b"".join(line(r) for r in records), overwrite=True)


def add_entry(name: str, entry: ContactEntry, lang: str) -> SavedCase:
    """Append one contact to the case's log. Returns the case as it now is."""
    folder = existing_folder(name, lang)
    with locked(folder, name, lang):
        snapshot = read_snapshot(folder, name, lang)
        _append(folder / LOG_FILE, snapshot.log_bytes, entry)
        saved = snapshot.saved
    return SavedCase(saved.name, saved.folder, saved.case, saved.entries + (entry,), saved.current, saved.history)


def record_agreement(name: str, agreement: Agreement, lang: str) -> SavedCase:
    """Add `agreement` to the history, which makes it the current agreement with its lender; the
    agreements with other lenders stay. One atomic write: the history is the only file changed."""
    folder = existing_folder(name, lang)
    with locked(folder, name, lang):
        snapshot = read_snapshot(folder, name, lang)
        saved = snapshot.saved
        # A case from before the history held only agreement.json: carry that agreement over first.
        carried = saved.history if not snapshot.history_bytes.strip() else ()
        _append(folder / HISTORY_FILE, snapshot.history_bytes, *carried, agreement)
    return SavedCase(saved.name, saved.folder, saved.case, saved.entries, agreement, saved.history + (agreement,))
