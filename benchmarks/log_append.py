"""`negotiator log add` on a log of 10 contacts and on one of 10,000: the same cost, since a contact
is appended as one line and the log is read again only when it changed since the last append.

Each size gets a saved case whose log is filled in process, then timed runs of the real command,
each in its own process. The first run after filling reads the log in full once (it was not written
by `log add`); it is shown apart. Wall and CPU medians; start-up dominates both.

    PYTHONPATH=src python benchmarks/log_append.py [--runs 7] [--sizes 10 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 10_000])
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}; median of {args.runs} runs, seconds; load {os.getloadavg()[0]:.1f}")
    print(f"{'contacts':>9} {'first wall':>11} {'wall':>7} {'cpu':>7} {'log MB':>7}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as home:
            os.environ["NEGOTIATOR_HOME"] = home
            from negotiator import store
            from negotiator.answers.file import load_answers
            from negotiator.records.contacts import ContactEntry
            from negotiator.store.journal import line

            store.save_case("x", load_answers(ROOT / "examples" / "case-en.json"))
            entry = ContactEntry(when=dt.datetime(2026, 11, 28, 10, 0), channel="phone", lender="Huabei",
                                 said="Asked for penalties to be waived; they will call back after checking.")
            log = Path(home) / "cases" / "x" / "log.jsonl"
            log.write_bytes(line(entry) * size)
            env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
            command = [sys.executable, "-m", "negotiator", "log", "add", "x", "--channel", "sms", "--said", "a reminder"]
            first = timed(command, env)[0]
            runs = [timed(command, env) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            print(f"{size:>9} {first:>11.2f} {wall:>7.2f} {cpu:>7.2f} {log.stat().st_size / 1e6:>7.2f}")


if __name__ == "__main__":
    main()
