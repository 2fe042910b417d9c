"""Adding lines to the end of a file of the case whole or not at all: a contact to the log, a
payment, anything kept as JSON Lines.

`append_whole` writes the new bytes after the old ones and waits until they are on the disk.
`undone_on_error` wraps it and whatever must follow it (the log's check file, say): if anything
inside fails (a full disk, a file replaced by a folder, Ctrl-C), the file is cut back to the size
it had, or removed when the append created it, so the next read never meets half a line and the
person is told the truth: nothing was changed. When even cutting back fails, `NotUndone` says so.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from negotiator.core.errors import BadInput
from negotiator.core.files import NotRegular, TooLarge, sync_folder

_APPEND = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class NotUndone(BadInput):
    """An append failed and the file could not be cut back: the end of it may hold part of the
    change. Said as such, never as "nothing was changed"."""


def append_whole(path: Path, data: bytes, limit: int) -> os.stat_result:
    """Add `data` at the end of `path` (made owner-only if it is new) and wait until it is on the
    disk; the file's state afterwards. A link, folder, pipe or device in its place is NotRegular,
    a file that would grow past `limit` bytes TooLarge, and neither changes anything. A hand-edited
    last line without its newline gets one first, so the new line stays a line of its own."""
    try:
        fd = os.open(path, _APPEND, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise NotRegular(errno.ELOOP, "not a regular file", str(path)) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(errno.EINVAL, "not a regular file", str(path))
        if info.st_size and os.pread(fd, 1, info.st_size - 1) != b"\n":
            data = b"\n" + data
        if info.st_size + len(data) > limit:
            raise TooLarge(errno.EFBIG, "file too large", str(path))
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        return os.fstat(fd)
    finally:
        os.close(fd)


def _size(path: Path) -> int | None:
    """The size of the regular file at `path`; None when there is none (or something else is there,
    which the append refuses without touching)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _cut_back(path: Path, size: int | None) -> None:
    if size is None:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return
        if stat.S_ISREG(info.st_mode):  # made by this append: it goes again
            os.unlink(path)
            sync_folder(path.parent)
        return
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if os.fstat(fd).st_size > size:
            os.ftruncate(fd, size)
            os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def undone_on_error(path: Path) -> Iterator[None]:
    """Whatever fails inside leaves `path` as it was before. An OSError that names no file (a
    write refused for want of space) is given `path`'s name, so the person learns which file."""
    size = _size(path)
    try:
        yield
    except BaseException as exc:
        try:
            _cut_back(path, size)
        except OSError as undo:
            raise NotUndone("safety.not_undone", path=path, reason=undo.strerror or undo) from exc
        if isinstance(exc, OSError) and exc.filename is None:
            exc.filename = str(path)
        raise
