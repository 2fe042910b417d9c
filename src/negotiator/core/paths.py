"""Where negotiator keeps the user's cases, drafts and crash reports: their data folder only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from negotiator.core.errors import BadInput


def data_dir() -> Path:
    """NEGOTIATOR_HOME when set (tests, a USB stick), else the platform's user data folder."""
    home = os.environ.get("NEGOTIATOR_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir  # noqa: PLC0415

    return Path(user_data_dir("negotiator", appauthor=False))


def cache_dir() -> Path:
    """Where copies that can always be made again are kept: `cache` in NEGOTIATOR_HOME when it is
    set, else the user's cache folder as platformdirs names it on each system."""
    home = os.environ.get("NEGOTIATOR_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    from platformdirs import user_cache_dir  # noqa: PLC0415

    return Path(user_cache_dir("negotiator", appauthor=False))


# Folders of ours that were found open to others and made owner-only in this run: the command
# line says so once it is done (cli.exits), so the person knows their data folder had been open.
widened: list[Path] = []


def private_data(*parts: str) -> Path:
    """A folder inside the data folder, made (or set) owner-only, and the data folder with it: a
    data folder made beforehand with `mkdir` (0755) is closed to others too."""
    home = private_dir(data_dir())
    return private_dir(home.joinpath(*parts)) if parts else home


def _unusable(path: Path, reason: object) -> BadInput:
    return BadInput("safety.data_folder", path=path, reason=reason)


def private_dir(path: Path) -> Path:
    """Make a folder readable by its owner only, and each parent it has to create as well (a
    parent that already exists is left as it is). A link in its place is refused, never followed;
    a data folder that cannot be used is one BadInput saying so."""
    missing = []
    parent = path
    while not os.path.lexists(parent) and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    try:
        for folder in reversed(missing):
            try:
                os.mkdir(folder, 0o700)
            except FileExistsError:
                pass  # made meanwhile by another window
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            raise BadInput("safety.linked_case", path=path)
        if not stat.S_ISDIR(info.st_mode):
            raise NotADirectoryError(20, os.strerror(20), str(path))
        if stat.S_IMODE(info.st_mode) != 0o700:
            os.chmod(path, 0o700)
            if path not in missing and info.st_mode & 0o077:
                widened.append(path)
        if not os.access(path, os.W_OK | os.X_OK):
            raise PermissionError(13, os.strerror(13), str(path))
    except OSError as exc:
        raise _unusable(Path(exc.filename or path), exc.strerror or exc) from exc
    return path
