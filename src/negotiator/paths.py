"""Where negotiator keeps the user's cases, drafts and crash reports: their data folder only."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """NEGOTIATOR_HOME when set (tests, a USB stick), else the platform's user data folder."""
    home = os.environ.get("NEGOTIATOR_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("negotiator", appauthor=False))


def private_dir(path: Path) -> Path:
    """Make a folder (and its parents) readable by its owner only."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path
