"""Writing files the way a person's finances deserve: atomically, owner-only, never over a file
the user did not agree to replace."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class FileExists(Exception):
    """The target exists and the user has not agreed to replace it."""


def atomic_write(path: Path, data: bytes | str, *, overwrite: bool = False, mode: int = 0o600) -> None:
    """Write to a temporary file in the same folder, then rename it into place: a crash leaves the
    old file or the new one, never half of one. Refuses an existing file unless `overwrite`."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not overwrite and path.exists():
        raise FileExists(str(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if overwrite:
            os.replace(tmp, path)
        else:
            # link() fails if the name was taken meanwhile, so a file that appears between the
            # check above and now is still never overwritten.
            os.link(tmp, path)
            os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
