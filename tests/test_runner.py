"""The in-process runner of tests/conftest.py leaves the test process as it found it, so one run
cannot change the next: the collector, the environment, the streams, the sockets, the language."""

from __future__ import annotations

import gc
import os
import socket
import sys

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
