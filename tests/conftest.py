"""Shared test helpers: run the real CLI in a subprocess with a pinned terminal and a private home."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
EXAMPLES = ROOT / "examples"
OFFLINE = Path(__file__).resolve().parent / "offline"
# Where a CLI run that tried the network leaves its mark; checked after every test.
NET_MARKER = Path(tempfile.mkdtemp(prefix="negotiator-net-")) / "network-used.txt"


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    """A pinned environment: 80 columns, no colour, a private data folder, this checkout's code."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(
        PYTHONPATH=os.pathsep.join([str(OFFLINE), str(SRC), env.get("PYTHONPATH", "")]),
        NEGOTIATOR_NET_MARKER=str(NET_MARKER),
        NEGOTIATOR_HOME=str(home),
        COLUMNS="80",
        TERM="dumb",
        NO_COLOR="1",
        LANG="C.UTF-8",
        PYTHONIOENCODING="utf-8",
    )
    env.update(extra)
    return env


@pytest.fixture(autouse=True)
def no_network_used():
    """Every CLI run loads tests/offline/sitecustomize.py, which refuses the network and leaves a
    marker: a test whose runs tried to connect fails here."""
    yield
    if NET_MARKER.exists():
        attempts = NET_MARKER.read_text(encoding="utf-8")
        NET_MARKER.unlink()
        pytest.fail(f"a CLI run tried to use the network: {attempts}")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def run_cli(home: Path):
    """run_cli('plan', '--answers', f) -> CompletedProcess (text), as a person would run it."""

    def run(*args: str, input: str | None = None, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "negotiator", *args],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            env=cli_env(home, **env),
            stdin=None if input is not None else subprocess.DEVNULL,
        )

    return run
