"""Where negotiator keeps the user's cases, drafts and crash reports: their data folder only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from negotiator.errors import BadInput


def data_dir() -> Path:
    """NEGOTIATOR_HOME when set (tests, a USB stick), else the platform's user data folder."""
    home = os.environ.get("NEGOTIATOR_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("negotiator", appauthor=False))


class FolderProblem(BadInput):
    """A folder of the data folder that cannot be used. Raised where no language is known; the
    command line says it in the language asked for (`in_language`)."""

    def __init__(self, key: str, **values: object) -> None:
        from negotiator.words import detect_language

        self.key, self.values = key, values
        super().__init__(self.in_language(detect_language()))

    def in_language(self, lang: str) -> str:
        from negotiator.words import t

        return t(lang, self.key, **self.values)


def _unusable(path: Path, reason: object) -> BadInput:
    return FolderProblem("safety.data_folder", path=path, reason=reason)


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
            raise FolderProblem("safety.linked_case", path=path)
        if not stat.S_ISDIR(info.st_mode):
            raise NotADirectoryError(20, os.strerror(20), str(path))
        if stat.S_IMODE(info.st_mode) != 0o700:
            os.chmod(path, 0o700)
        if not os.access(path, os.W_OK | os.X_OK):
            raise PermissionError(13, os.strerror(13), str(path))
    except OSError as exc:
        raise _unusable(Path(exc.filename or path), exc.strerror or exc) from exc
    return path
