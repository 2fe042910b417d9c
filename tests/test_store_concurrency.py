"""Two (or more) windows adding to the same case at once: every entry lands exactly once."""

from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import EXAMPLES

# Two windows adding at once is the promise, and what the CLI test checks with real `negotiator`
# processes (each window several entries, so their runs overlap); the store's own contention, with
# many more appends and no start-up between them, is the test after it.
WORKERS = 2
EACH = 4
APPENDERS = 3
APPENDS = 50


@pytest.mark.subprocess
def test_concurrent_log_add_from_several_processes(run_cli, home):
    assert run_cli("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "x").returncode == 0

    def worker(w: int) -> list[int]:
        codes = []
        for i in range(EACH):
            result = run_cli("log", "add", "x", "--channel", "phone", "--who", f"worker {w}", "--said", f"entry {w}-{i}")
            codes.append(result.returncode)
            assert "Traceback" not in result.stderr, result.stderr
        return codes

    # Each thread runs its own sequence of `negotiator` processes, so WORKERS processes overlap.
    with ThreadPoolExecutor(WORKERS) as pool:
        codes = [c for batch in pool.map(worker, range(WORKERS)) for c in batch]
    assert codes == [0] * (WORKERS * EACH)
    listed = run_cli("log", "list", "x", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    said = [entry["said"] for entry in json.loads(listed.stdout)]
    assert sorted(said) == sorted(f"entry {w}-{i}" for w in range(WORKERS) for i in range(EACH))
    # Each worker's own entries keep their order.
    for w in range(WORKERS):
        assert [s for s in said if s.startswith(f"entry {w}-")] == [f"entry {w}-{i}" for i in range(EACH)]


def _add_many(home: str, worker: int, count: int) -> None:
    os.environ["NEGOTIATOR_HOME"] = home
    import datetime as dt

    from negotiator import store
    from negotiator.records import ContactEntry

    for i in range(count):
        store.add_entry("y", ContactEntry(when=dt.datetime(2026, 11, 28, 9, 0), channel="app", said=f"{worker}:{i}"))


def test_many_processes_appending_in_process(home: Path, monkeypatch):
    """The store itself under heavier contention: 3 processes x 50 appends, no CLI start-up to space them out."""
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    from negotiator import store
    from negotiator.loading import load_answers

    store.save_case("y", load_answers(EXAMPLES / "case-zh.json"))
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_add_many, args=(str(home), w, APPENDS)) for w in range(APPENDERS)]
    for p in processes:
        p.start()
    for p in processes:
        p.join(120)
        assert p.exitcode == 0
    said = [e.said for e in store.open_case("y").log()]
    assert sorted(said) == sorted(f"{w}:{i}" for w in range(APPENDERS) for i in range(APPENDS))
