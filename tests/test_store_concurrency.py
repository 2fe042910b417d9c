"""Two (or more) windows adding to the same case at once: every entry lands exactly once."""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import EXAMPLES

# Two windows adding at once is the promise, and what the CLI test checks with real `negotiator`
# processes, started in pairs at the same moment so their appends meet (each window two entries, so
# each keeps its own order); the store's own contention, with many more appends and no start-up
# between them, is the test after it. Two writers are all a lost or doubled entry needs.
WORKERS = 2
EACH = 2
APPENDERS = 2
APPENDS = 75


@pytest.mark.subprocess
def test_concurrent_log_add_from_several_processes(run_cli, home, monkeypatch):
    from negotiator import store
    from negotiator.answers.file import load_answers

    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    store.save_case("x", load_answers(EXAMPLES / "case-en.json"))
    together = threading.Barrier(WORKERS)

    def worker(w: int) -> list[int]:
        codes = []
        for i in range(EACH):
            together.wait(60)  # both windows press Enter at once
            result = run_cli("log", "add", "x", "--channel", "phone", "--who", f"worker {w}", "--said", f"entry {w}-{i}")
            codes.append(result.returncode)
            assert "Traceback" not in result.stderr, result.stderr
        return codes

    # Each thread runs its own sequence of `negotiator` processes, so WORKERS processes overlap.
    with ThreadPoolExecutor(WORKERS) as pool:
        codes = [c for batch in pool.map(worker, range(WORKERS)) for c in batch]
    assert codes == [0] * (WORKERS * EACH)
    said = [entry.said for entry in store.open_case("x").log()]
    assert sorted(said) == sorted(f"entry {w}-{i}" for w in range(WORKERS) for i in range(EACH))
    # Each worker's own entries keep their order.
    for w in range(WORKERS):
        assert [s for s in said if s.startswith(f"entry {w}-")] == [f"entry {w}-{i}" for i in range(EACH)]


def _add_many(home: str, worker: int, count: int, ready) -> None:
    os.environ["NEGOTIATOR_HOME"] = home
    import datetime as dt

    from negotiator import store
    from negotiator.records.contacts import ContactEntry

    ready.wait(60)  # every process has imported what it needs: the appends all run at once
    for i in range(count):
        store.add_entry("y", ContactEntry(when=dt.datetime(2026, 11, 28, 9, 0), channel="app", said=f"{worker}:{i}"))


@pytest.mark.subprocess
def test_many_processes_appending_in_process(home: Path, monkeypatch):
    """The store itself under heavier contention: 2 processes x 75 appends, started together, no CLI start-up to space them out."""
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    from negotiator import store
    from negotiator.answers.file import load_answers

    store.save_case("y", load_answers(EXAMPLES / "case-zh.json"))
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(APPENDERS)
    processes = [context.Process(target=_add_many, args=(str(home), w, APPENDS, ready)) for w in range(APPENDERS)]
    for p in processes:
        p.start()
    for p in processes:
        p.join(120)
        assert p.exitcode == 0
    said = [e.said for e in store.open_case("y").log()]
    assert sorted(said) == sorted(f"{w}:{i}" for w in range(APPENDERS) for i in range(APPENDS))


PAYERS = 8


@pytest.mark.subprocess
def test_paid_from_eight_processes_at_once_records_every_payment_once(run_cli, home, monkeypatch):
    """Eight windows record a payment to the same case at the same moment: each lands once."""
    from decimal import Decimal

    from negotiator import store
    from negotiator.answers.file import load_answers

    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    store.save_case("p", load_answers(EXAMPLES / "case-en.json"))
    together = threading.Barrier(PAYERS)

    def payer(w: int) -> int:
        together.wait(60)  # every window presses Enter at once
        result = run_cli("paid", "p", "--lender", "Huabei", "--amount", f"{w + 1}00.0{w}", "--note", f"payer {w}", timeout=120)
        assert "Traceback" not in result.stderr, result.stderr
        return result.returncode

    with ThreadPoolExecutor(PAYERS) as pool:
        codes = list(pool.map(payer, range(PAYERS)))
    assert codes == [0] * PAYERS
    paid = store.open_case("p").payments
    assert sorted(p.note for p in paid) == [f"payer {w}" for w in range(PAYERS)]
    assert sum(p.amount for p in paid) == sum(Decimal(f"{w + 1}00.0{w}") for w in range(PAYERS))
