"""The in-process runner of tests/conftest.py leaves the test process as it found it, so one run
cannot change the next: the collector, the environment, the streams, the sockets, the language."""

from __future__ import annotations

import gc
import os
import socket
import sys

import pytest
from conftest import EXAMPLES, cli_env, run_in_process


def test_a_quick_command_leaves_nothing_behind(home):
    before = (gc.isenabled(), dict(os.environ), sys.stdin, sys.stdout, sys.stderr, list(sys.argv), socket.create_connection)
    done = run_in_process(("plan", "--answers", str(EXAMPLES / "case-zh.json"), "--format", "json"), cli_env(home))
    assert done.returncode == 0, done.stderr
    after = (gc.isenabled(), dict(os.environ), sys.stdin, sys.stdout, sys.stderr, list(sys.argv), socket.create_connection)
    assert after == before


def test_the_run_sees_the_pinned_environment_only(home, monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")  # would make the help Chinese if it leaked through
    done = run_in_process(("--help",), cli_env(home))
    assert done.stdout.startswith("Usage: negotiator")


def test_exit_codes_and_streams_are_those_of_the_program(home):
    refused = run_in_process(("calc", "--amount", "lots", "--months", "12"), cli_env(home))
    assert refused.returncode == 2 and refused.stdout == "" and "--amount" in refused.stderr
    assert run_in_process(("--version",), cli_env(home)).stdout.startswith("negotiator ")


def test_a_calendar_reads_as_a_pipe_would_give_it(home):
    done = run_in_process(("plan", "--answers", str(EXAMPLES / "case-en.json"), "--format", "ics"), cli_env(home))
    assert done.stdout.startswith("BEGIN:VCALENDAR\n") and "\r" not in done.stdout


def test_a_run_that_tries_the_network_is_caught(home, tmp_path, monkeypatch):
    """In this process the socket functions are swapped for the same trap tests/offline/sitecustomize.py
    sets in a real one: the attempt is refused and leaves its mark."""
    from negotiator.commands import calc

    def phone_home(*args, **kwargs):
        socket.create_connection(("127.0.0.1", 9), timeout=1)

    monkeypatch.setattr(calc, "run", phone_home)
    marker = tmp_path / "network-used.txt"
    done = run_in_process(("calc", "--amount", "1", "--months", "1"), cli_env(home, NEGOTIATOR_NET_MARKER=str(marker)))
    assert done.returncode == 1  # the refusal is an unexpected error to the program
    assert "127.0.0.1" in marker.read_text(encoding="utf-8")


def test_a_run_that_hangs_is_stopped(home, monkeypatch):
    import time

    from negotiator.commands import calc

    monkeypatch.setattr(calc, "run", lambda *args, **kwargs: time.sleep(30))
    before = (dict(os.environ), sys.stdout, socket.create_connection)
    with pytest.raises(pytest.fail.Exception, match="still ran after 0.2 s"):
        run_in_process(("calc", "--amount", "1", "--months", "1"), cli_env(home), timeout=0.2)
    assert (dict(os.environ), sys.stdout, socket.create_connection) == before
