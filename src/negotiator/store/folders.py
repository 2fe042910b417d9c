"""Where each case lives, what its files are called, and the lock that keeps two windows from
writing over each other."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from negotiator.core.errors import BadInput
from negotiator.core.paths import private_data
from negotiator.core.typed import is_case_name

CASE_FILE = "case.json"
LOG_FILE = "log.jsonl"
AGREEMENT_FILE = "agreement.json"
HISTORY_FILE = "agreements.jsonl"
PAYMENTS_FILE = "payments.jsonl"
LOCK_FILE = ".lock"

# Long enough for another window to finish a write; a stuck lock must not hang a user on a call.
LOCK_TIMEOUT_SECONDS = 15

def cases_dir() -> Path:
    return private_data("cases")


# A name is one folder's name: most file systems hold at most 255 bytes of it.
NAME_BYTES = 255


def check_name(name: str) -> str:
    # One folder: letters (any script), digits, '-', '_', '.'; never '.', '..' or a path.
    if not is_case_name(name or ""):
        raise BadInput("store.bad_name", name=name)
    size = len(name.encode("utf-8"))
    if size > NAME_BYTES:
        raise BadInput("safety.name_too_long", name=name, size=size, limit=NAME_BYTES)
    return name


def check_folder(folder: Path) -> bool:
    """Whether the case's folder exists as a real folder. A link in its place is refused (it would
    lead outside the data folder); a folder that cannot be looked into is one clear BadInput."""
    try:
        info = folder.lstat()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise BadInput("safety.os_error", path=folder, reason=exc.strerror or exc) from exc
    if stat.S_ISLNK(info.st_mode):
        raise BadInput("safety.linked_case", path=folder)
    if not stat.S_ISDIR(info.st_mode):
        return False
    if not os.access(folder, os.R_OK | os.X_OK):
        raise BadInput("safety.os_error", path=folder, reason=os.strerror(13))
    return True


def case_folder(name: str) -> Path:
    """The folder of a saved case (not created here)."""
    return cases_dir() / check_name(name)


@contextmanager
def locked(folder: Path, name: str) -> Iterator[None]:
    """Hold the case's lock file: every read-modify-write and every append happens inside."""
    lock = FileLock(str(folder / LOCK_FILE), timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
    try:
        lock.acquire()
    except Timeout as exc:
        raise BadInput("store.busy", name=name) from exc
    except OSError as exc:  # a folder we may not write to, e.g. copied from another user
        raise BadInput("store.no_lock", path=folder, reason=exc.strerror or exc) from exc
    try:
        yield
    finally:
        lock.release()
