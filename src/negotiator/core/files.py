"""Writing files the way a person's finances deserve: atomically, owner-only, never over a file
the user did not agree to replace."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from pathlib import Path

# What link() says on a file system that has no hard links.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS}


class FileExists(Exception):
    """The target exists and the user has not agreed to replace it."""


class NotRegular(OSError):
    """A link, a folder, a pipe or a device where a file of ours should be."""


class TooLarge(OSError):
    """More bytes than the file could ever hold when written by negotiator."""


# Without O_NOFOLLOW a link could make us read any file; without O_NONBLOCK a pipe would hang.
_SAFE_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def read_capped(path: Path, limit: int) -> bytes | None:
    """A file of the data folder, read safely: a link is not followed, a pipe never waits, only a
    regular file is read, and never more than `limit` bytes whatever size it claims. None when
    there is no such file. NotRegular or TooLarge (both OSError) say what else it is."""
    try:
        fd = os.open(path, _SAFE_OPEN)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise NotRegular(errno.ELOOP, "not a regular file", str(path)) from None
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(errno.EINVAL, "not a regular file", str(path))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise TooLarge(errno.EFBIG, "file too large", str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def refuse_special(path: Path) -> None:
    """NotRegular when `path` names a device, a pipe, a socket or a folder (a link followed): a file
    is written only where a regular file is or none is. Renaming over `/dev/null` would put a
    regular file in its place; writing to a pipe would wait for a reader that may never come."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return
    if not stat.S_ISREG(info.st_mode):
        raise NotRegular(errno.EINVAL, "not a regular file", str(path))


def atomic_write(path: Path, data: bytes | str, *, overwrite: bool = False, mode: int = 0o600) -> None:
    """Write to a temporary file in the same folder, then rename it into place: a crash leaves the
    old file or the new one, never half of one. Refuses an existing file unless `overwrite`."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    refuse_special(path)
    if not overwrite and path.exists():
        raise FileExists(str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _naming(exc, path) from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        if overwrite:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
        sync_folder(folder)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, FileExists) and exc.filename in (None, tmp):
            raise _naming(exc, path) from None
        raise


def _naming(exc: OSError, path: Path) -> OSError:
    """`exc` naming the file the person knows (not our temporary one, nor none: a write refused
    for want of space names no file), so what they are told says which file was not written."""
    exc.filename, exc.filename2 = str(path), None
    return exc


def _place_new(tmp: str, path: Path) -> None:
    """Move the finished file into a name that must not exist yet."""
    try:
        # link() fails if the name was taken meanwhile, so a file that appears between the
        # check in atomic_write and now is still never overwritten.
        os.link(tmp, path)
    except FileExistsError as exc:
        raise FileExists(str(path)) from exc
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        # Some folders (FAT or exFAT on a USB stick) have no hard links: check once more, then rename.
        if path.exists():
            raise FileExists(str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system lets a folder be opened for this."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# A temporary file older than this was left by a write that never finished (a crash, a kill):
# a write in progress finishes within seconds.
STALE_SECONDS = 3600


def clean_stale(folder: Path, older_than: float = 0) -> None:
    """Remove the temporary files (.NAME.*.tmp) a crashed write left in `folder`. Called under the
    folder's lock, where no other write can be in progress, so `older_than` may be 0 there."""

    now = time.time()
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not (name.startswith(".") and name.endswith(".tmp")):
            continue
        path = os.path.join(folder, name)
        try:
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= older_than:
                os.unlink(path)
        except OSError:
            pass  # best effort: a file we cannot remove is left, never read
