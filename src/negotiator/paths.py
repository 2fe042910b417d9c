"""Where negotiator keeps the user's cases, drafts and crash reports: their data folder only."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """NEGOTIATOR_HOME when set (tests, a USB stick), else the platform's user data folder."""
    home = os.environ.get("NEGOTIATOR_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("negotiator", appauthor=False))


def cache_dir() -> Path:
    """Where copies that can always be made again are kept: `cache` in NEGOTIATOR_HOME when it is
    set, else the user's cache folder as platformdirs names it (found without loading platformdirs,
    which would cost a quick command more than the cache saves)."""
    home = os.environ.get("NEGOTIATOR_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "negotiator" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "negotiator"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache") / "negotiator"


def private_dir(path: Path) -> Path:
    """Make a folder (and its parents) readable by its owner only."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path
