"""Nothing negotiator does opens a network connection: a person's finances never leave the machine.

Every CLI run of the suite starts Python with tests/offline/sitecustomize.py, which replaces the
socket entry points with a trap: it leaves a marker file and refuses (conftest fails the test).
This module shows the trap works and runs every command under it with a marker of its own.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import socket
import subprocess
import sys

import pytest
from conftest import EXAMPLES, OFFLINE, SRC, cli_env

import negotiator


@pytest.fixture
def offline(run_cli, tmp_path):
    """run_cli with the socket trap loaded first; returns (run, marker path)."""
    marker = tmp_path / "network-used.txt"
    pythonpath = os.pathsep.join([str(OFFLINE), str(SRC)])

    def run(*args: str, **env: str):
        return run_cli(*args, PYTHONPATH=pythonpath, NEGOTIATOR_NET_MARKER=str(marker), **env)

    return run, marker


@pytest.mark.subprocess
def test_the_trap_catches_a_connection(offline):
    """The guard itself works, so the tests below can fail."""
    run, marker = offline
    done = run("--help")  # loads the trap; then try the network from the same kind of process
    assert done.returncode == 0
    probe = [
        "-c",
        "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept OSError:\n    pass",
    ]
    env = cli_env(marker.parent, PYTHONPATH=str(OFFLINE), NEGOTIATOR_NET_MARKER=str(marker))
    subprocess.run([sys.executable, *probe], env=env, check=True, timeout=30)
    assert marker.exists()


def has_renderer(name: str) -> bool:
    return importlib.util.find_spec(f"negotiator.render.{name}") is not None


RUNS = [
    ("--help",),
    ("--version",),
    ("plan", "--help"),
    ("calc", "--help"),
    ("schema",),
    ("calc", "--amount", "12000", "--months", "24", "--method", "annuity", "--annual-rate-percent", "18"),
    ("calc", "--amount", "1.2万", "--months", "12", "--method", "flat_fee", "--fee-percent", "0.6", "--budget", "1100", "--format", "json"),
    ("plan", "--answers", "BAD"),
    ("calc", "--amount", "lots", "--months", "12"),
]


@pytest.mark.parametrize("args", RUNS, ids=" ".join)
def test_commands_stay_offline(offline, args):
    run, marker = offline
    done = run(*args)
    assert done.returncode in (0, 2), done.stderr
    assert not marker.exists(), marker.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "ics"])
@pytest.mark.parametrize("example", ["case-en.json", "case-zh.json"])
def test_plan_in_every_format_stays_offline(offline, tmp_path, fmt, example):
    if not has_renderer(fmt):
        pytest.skip(f"the {fmt} form is not in this checkout yet")
    run, marker = offline
    done = run("plan", "--answers", str(EXAMPLES / example), "--format", fmt)
    assert done.returncode == 0, done.stderr
    saved = run("plan", "--answers", str(EXAMPLES / example), "--format", fmt, "-o", str(tmp_path / f"plan.{fmt}"))
    assert saved.returncode == 0, saved.stderr
    assert not marker.exists(), marker.read_text(encoding="utf-8")


def all_modules() -> list[str]:
    names = [negotiator.__name__]
    for info in pkgutil.walk_packages(negotiator.__path__, prefix="negotiator."):
        if info.name != "negotiator.__main__":  # running it is the CLI itself
            names.append(info.name)
    return names


def test_importing_every_module_opens_no_socket(monkeypatch):
    attempts: list[tuple] = []

    def trap(*args, **kwargs):
        attempts.append(args[:2])
        raise OSError("network use is not allowed")

    for name in ("create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, trap)
    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, trap)
    names = all_modules()
    assert "negotiator.app" in names and "negotiator.planning.engine" in names
    for name in names:
        importlib.import_module(name)
    assert attempts == []
