"""Drafts: the answers so far and the last step finished, kept after every step so that Ctrl-C,
a closed terminal or a crash loses nothing. One file per interview, so starting a new one never
replaces another's draft; `negotiator resume` goes on with the only one, or asks which."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from negotiator.files import atomic_write
from negotiator.paths import data_dir, private_dir

DRAFT_VERSION = 1


@dataclass
class Draft:
    lang: str
    answers: dict[str, Any] = field(default_factory=dict)
    done: str | None = None  # the last step finished
    name: str | None = None  # the case name given (new --name) or being edited
    editing: bool = False  # `negotiator edit NAME`: the saved case is replaced after confirming
    path: Path | None = None
    changed: dt.datetime | None = None  # when it was last written, as read from the file

    def save(self) -> None:
        if self.path is None:
            folder = private_dir(data_dir() / "drafts")
            self.path = folder / f"draft-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.json"
        else:
            private_dir(self.path.parent)
        record = {"version": DRAFT_VERSION, "lang": self.lang, "done": self.done, "name": self.name, "editing": self.editing, "answers": self.answers}
        atomic_write(self.path, json.dumps(record, ensure_ascii=False, indent=2) + "\n", overwrite=True)

    def discard(self) -> None:
        if self.path is not None and self.path.exists():
            self.path.unlink()


def drafts() -> list[Draft]:
    """Every readable draft, the one written last first. An unreadable draft is skipped, never
    deleted."""
    folder = data_dir() / "drafts"
    if not folder.is_dir():
        return []
    found: list[tuple[float, str, Draft]] = []
    for path in folder.glob("draft-*.json"):
        try:
            record = json.loads(path.read_text("utf-8"))
            if record.get("version") != DRAFT_VERSION or not isinstance(record.get("answers"), dict):
                continue
            written = path.stat().st_mtime
            changed = dt.datetime.fromtimestamp(written).replace(microsecond=0)
            d = Draft(record["lang"], record["answers"], record.get("done"), record.get("name"), bool(record.get("editing")), path, changed)
        except (OSError, ValueError, KeyError, TypeError):
            continue
        found.append((written, path.name, d))
    # The file name holds when the interview began, to the microsecond: it orders two drafts
    # written within the same tick of the clock.
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [d for _, _, d in found]


def latest() -> Draft | None:
    """The draft written last, or None."""
    found = drafts()
    return found[0] if found else None
