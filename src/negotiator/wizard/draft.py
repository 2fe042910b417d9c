"""Drafts: the answers so far and the last step finished, kept after every step so that Ctrl-C,
a closed terminal or a crash loses nothing. One file per interview, so starting a new one never
replaces another's draft; `negotiator resume` goes on with the only one, or asks which."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from negotiator.core.controls import has_controls, json_escaped
from negotiator.core.errors import BadInput, Message
from negotiator.core.files import (
    STALE_SECONDS,
    NotRegular,
    TooLarge,
    atomic_write,
    clean_stale,
    read_capped,
)
from negotiator.core.paths import data_dir, private_data, private_dir
from negotiator.words import LANGUAGES, t

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
    seen: tuple[int, ...] | None = None  # the file as this window last read or wrote it
    case_seen: tuple[int, ...] | None = None  # `edit`: the saved case.json as it was opened
    # `edit`: the saved case's contact log, agreements and payments, read once (never written to
    # the draft: the store keeps them, and the plan reads them from there).
    records: tuple[Any, ...] | None = None

    def save(self) -> None:
        if self.path is None:
            self.path = _new_path()
        else:
            private_dir(self.path.parent)
            if self.seen is not None and stamp(self.path) not in (None, self.seen) and not replace_changed(self.path.name, self.lang):
                # Another window (a second `resume` of this draft) wrote it meanwhile: the
                # answers from here go to a draft of their own instead of over the other's.
                self.path = _new_path()
        clean_stale(self.path.parent, STALE_SECONDS)
        record = {"version": DRAFT_VERSION, "lang": self.lang, "done": self.done, "name": self.name, "editing": self.editing, "answers": self.answers}
        atomic_write(self.path, json_escaped(json.dumps(record, ensure_ascii=False, indent=2)) + "\n", overwrite=True)
        self.seen = stamp(self.path)

    def discard(self) -> None:
        # A draft another window wrote since this one last did is theirs now: it is left.
        if self.path is not None and self.path.exists() and (self.seen is None or stamp(self.path) == self.seen):
            self.path.unlink()


def _new_path() -> Path:
    folder = private_data("drafts")
    return folder / f"draft-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.json"


def stamp(path: Path) -> tuple[int, ...] | None:
    """A file's size, change time and file number: any write by anyone changes one of them."""
    try:
        info = path.lstat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def replace_changed(what: str, lang: str) -> bool:
    """Ask before writing over a file another window changed since this one read it."""
    import questionary  # noqa: PLC0415

    try:
        return bool(questionary.confirm(t(lang, "safety.changed_elsewhere", what=what), default=False).unsafe_ask())
    except (KeyboardInterrupt, EOFError):
        return False  # no answer: nothing is written over, the answers from here are kept apart


MAX_DRAFT_MB = 1  # a finished interview's answers are a few KB
MAX_DEPTH = 8  # answers -> debts -> a debt -> its fields, with room to spare


@dataclass(frozen=True)
class Broken:
    """A draft that cannot be used, by file name, with what is wrong; it is skipped, never deleted."""

    file: str
    wrong: Message  # what is wrong with it

    @property
    def problem(self) -> Message:
        return Message("safety.draft_broken", file=self.file, problem=self.wrong)


def _clean(value: Any, depth: int = 0) -> None:
    """No nesting deeper than answers go, and every key a plain field name. Values may hold what
    a person pasted: the wizard shows them escaped and the case refuses what a name cannot hold."""
    if depth > MAX_DEPTH:
        raise BadInput("safety.draft_fields")
    if isinstance(value, dict):
        for key, item in value.items():
            if has_controls(key) or len(key) > 100:
                raise BadInput("safety.draft_fields")
            _clean(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _clean(item, depth + 1)
    elif isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:  # half a surrogate pair, written as \ud800 in the JSON
            raise BadInput("safety.draft_not_json") from exc


# Where an object or a list belongs and something else is found: the steps would stop on it.
_SHAPES = frozenset({"list_type", "model_type", "model_attributes_type", "dict_type", "string_unicode"})


def _fits(answers: dict[str, Any]) -> None:
    """The draft has the shape of the answers: a list where the model has a list, an object where
    it has one. What is missing is simply asked for. A value of the wrong shape (`"debts": [1]`,
    `"income": "abc"`) would otherwise stop the wizard half-way through `resume`."""
    from pydantic import ValidationError  # noqa: PLC0415

    from negotiator.answers.case import Case  # noqa: PLC0415
    from negotiator.answers.field_problems import field_path  # noqa: PLC0415

    data = _without_own_keys(answers)
    data.pop("plan_date", None)  # planned from today when resumed
    try:
        Case.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc: tuple[Any, ...] = ()
            for part in error["loc"]:
                if _in(data, (*loc, part)):
                    loc = (*loc, part)
            if error["type"] not in _SHAPES or not loc or isinstance(_at(data, loc), dict):
                # Missing: not yet asked. A single value of the wrong kind (a lender typed as 5):
                # the question shows it and asks again. A rule over several answers: later steps.
                continue
            raise BadInput("safety.draft_value", field=field_path(loc)) from exc
    except RecursionError as exc:
        raise BadInput("safety.draft_fields") from exc


def _without_own_keys(value: Any) -> Any:
    """The answers without the wizard's own "_" keys (which the model does not know)."""
    if isinstance(value, dict):
        return {k: _without_own_keys(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_without_own_keys(v) for v in value]
    return value


def _at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        data = data[part]
    return data


def _in(data: Any, loc: tuple[Any, ...]) -> bool:
    """Whether `loc` is a place in `data` (pydantic adds the names of union branches to it)."""
    try:
        _at(data, loc)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _read(path: Path) -> tuple[float, Draft]:
    """One draft file, validated like a case file: a regular file (never a link or a pipe), at most
    MAX_DRAFT_MB, JSON, the fields of a draft, a language this version speaks."""
    try:
        data = read_capped(path, MAX_DRAFT_MB * 1024 * 1024)
        if data is None:
            raise BadInput("safety.draft_fields")
        written = path.lstat().st_mtime
    except NotRegular as exc:
        raise BadInput("safety.not_regular") from exc
    except TooLarge as exc:
        raise BadInput("safety.draft_too_large", limit=MAX_DRAFT_MB) from exc
    except OSError as exc:
        raise BadInput("safety.draft_unreadable", reason=exc.strerror or exc) from exc
    try:
        record = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise BadInput("safety.draft_not_json") from exc
    if not isinstance(record, dict) or record.get("version") != DRAFT_VERSION:
        raise BadInput("safety.draft_fields")
    lang, done, name, answers = record.get("lang"), record.get("done"), record.get("name"), record.get("answers")
    if lang not in LANGUAGES or not isinstance(answers, dict):
        raise BadInput("safety.draft_fields")
    if not (done is None or (isinstance(done, str) and len(done) <= 40)):
        raise BadInput("safety.draft_fields")
    if not (name is None or (isinstance(name, str) and len(name) <= 200 and not has_controls(name))):
        raise BadInput("safety.draft_fields")
    _clean(record)
    _fits(answers)
    changed = dt.datetime.fromtimestamp(written).replace(microsecond=0)
    seen = stamp(path)
    return written, Draft(lang, answers, done, name, record.get("editing") is True, path, changed, seen)


def scan() -> tuple[list[Draft], list[Broken]]:
    """Every usable draft, the one written last first, and every broken one by file name."""
    folder = data_dir() / "drafts"
    if not folder.is_dir() or folder.is_symlink():
        return [], []
    try:
        names = sorted(name for name in os.listdir(folder) if name.startswith("draft-") and name.endswith(".json"))
    except OSError as exc:  # a folder that cannot be read is not a folder without drafts
        raise BadInput("safety.os_error_read", path=folder, reason=exc.strerror or exc) from exc
    found: list[tuple[float, str, Draft]] = []
    broken: list[Broken] = []
    for path in (folder / name for name in names):
        try:
            written, d = _read(path)
        except BadInput as exc:
            broken.append(Broken(path.name, exc.message))
            continue
        found.append((written, path.name, d))
    # The file name holds when the interview began, to the microsecond: it orders two drafts
    # written within the same second.
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [d for _, _, d in found], broken


def drafts() -> list[Draft]:
    """Every usable draft, the one written last first. A broken draft is skipped, never deleted."""
    return scan()[0]


def latest() -> Draft | None:
    """The draft written last, or None."""
    found = drafts()
    return found[0] if found else None
