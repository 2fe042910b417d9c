"""Start-up time of negotiator against the naive peer, side by side.

The peer (`shared/bench/peer.py`) is a minimal typer + pydantic CLI that loads an answers file and
prints a total. Each comparison runs alternating pairs (negotiator first in one pair, the peer
first in the next) so that a busy machine hurts both alike, and prints every pair's ratio, the
median ratio and the median wall times. The goals, as the median ratio negotiator / peer: `--help`
at most 0.45, `calc` at most 0.65, the plan at most 1.3 (the other comparisons are shown, not
goals).

    python benchmarks/startup.py [--pairs 15] [--peer PATH] [--only 'plan, text']

negotiator runs as `python -m negotiator` with PYTHONPATH=src (this checkout), through a
console-script wrapper like the one pip installs (which skips runpy), and as the installed
`negotiator` when one is on PATH. The CPU times of each run are shown as well: on a busy machine
they vary less than wall times. This is a script, not a test:
timings depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "case-en.json"
EXAMPLE_ZH = ROOT / "examples" / "case-zh.json"

# The wrapper pip writes for `[project.scripts] negotiator = "negotiator.start:main"`.
ENTRY_POINT = """import re
import sys
from negotiator.start import main
if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])
    sys.exit(main())
"""


def find_peer(given: str | None) -> Path:
    candidates = [given, os.environ.get("NEGOTIATOR_PEER")]
    candidates += [str(up / "shared" / "bench" / "peer.py") for up in (ROOT.parent, ROOT.parent.parent)]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    sys.exit("peer.py not found: pass --peer PATH or set NEGOTIATOR_PEER")


def environment(home: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHON"))}
    env.update(PYTHONPATH=str(ROOT / "src"), NEGOTIATOR_HOME=home, LANG="C.UTF-8", NO_COLOR="1", COLUMNS="80")
    return env


def cpu_of_children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds for one run, output to a pipe as when a script or `less` reads it.
    CPU time is shown too because it varies less on a busy machine."""
    cpu = cpu_of_children()
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True)
    elapsed = time.perf_counter() - start
    cpu = cpu_of_children() - cpu
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        raise RuntimeError(f"{' '.join(argv[1:])} exited {done.returncode}: {' '.join(tail)}")
    return elapsed, cpu


GOALS = {"--help": 0.45, "calc": 0.65, "plan, text": 1.3}


def compare(label: str, ours: list[str], peer: list[str], env: dict[str, str], pairs: int, goal: float | None) -> float | None:
    print(f"\n{label}\n  negotiator: {' '.join(ours[1:])}\n  peer:       {' '.join(peer[1:])}")
    try:
        run(ours, env), run(peer, env)  # warm the bytecode caches and the file cache
    except RuntimeError as exc:
        print(f"  not measured: {exc}")
        return None
    mine: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for i in range(pairs):
        if i % 2 == 0:
            mine.append(run(ours, env))
            theirs.append(run(peer, env))
        else:
            theirs.append(run(peer, env))
            mine.append(run(ours, env))
    ratios = [a[0] / b[0] for a, b in zip(mine, theirs)]
    cpu_ratios = [a[1] / b[1] for a, b in zip(mine, theirs) if b[1] > 0]
    print("  wall ratios:", " ".join(f"{r:.2f}" for r in ratios))
    ratio = statistics.median(ratios)

    def ms(runs: list[tuple[float, float]], i: int) -> str:
        return f"{statistics.median(r[i] for r in runs) * 1000:.0f} ms"

    print(f"  median wall: negotiator {ms(mine, 0)}, peer {ms(theirs, 0)}; median CPU: negotiator {ms(mine, 1)}, peer {ms(theirs, 1)}")
    cpu = f"{statistics.median(cpu_ratios):.2f}" if cpu_ratios else "n/a"
    verdict = "no goal" if goal is None else f"goal at most {goal:.2f}: {'met' if ratio <= goal else 'MISSED'}"
    print(f"  median ratio: {ratio:.2f} wall, {cpu} CPU  ({verdict})")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=15)
    parser.add_argument("--peer")
    parser.add_argument("--only", action="append", help="measure just the comparisons whose label is this (repeatable)")
    args = parser.parse_args()
    peer = find_peer(args.peer)
    py = sys.executable
    calc = ["calc", "--amount", "12000", "--months", "24", "--method", "annuity", "--annual-rate-percent", "18", "--format", "text"]
    plan = ["plan", "--answers", str(EXAMPLE), "--format", "text"]
    cases = [
        ("--help", ["--help"], ["--help"]),
        ("plan, text", plan, ["plan", "--answers", str(EXAMPLE)]),
        ("calc", calc, ["calc", "12000", "--months", "24"]),
        # Not goals of their own: the plan and calc as a Chinese user sees them, and the JSON form.
        ("plan, zh", ["plan", "--answers", str(EXAMPLE_ZH), "--format", "text"], ["plan", "--answers", str(EXAMPLE_ZH)]),
        ("calc, zh", calc + ["--lang", "zh"], ["calc", "12000", "--months", "24"]),
        ("plan, json", plan[:-1] + ["json"], ["plan", "--answers", str(EXAMPLE)]),
    ]
    if args.only:
        cases = [c for c in cases if c[0] in args.only]
    print(f"python {sys.version.split()[0]}; peer {peer}; {args.pairs} alternating pairs each")
    with tempfile.TemporaryDirectory() as home:
        env = environment(home)
        script = Path(home) / "negotiator"
        script.write_text(ENTRY_POINT, encoding="utf-8")
        launchers = [("python -m negotiator", [py, "-m", "negotiator"]), ("console-script wrapper", [py, str(script)])]
        installed = shutil.which("negotiator")
        if installed:  # whatever checkout it was installed from; its start-up is what users meet
            launchers.append((f"installed {installed}", [installed]))
        results = {}
        for how, launcher in launchers:
            for label, ours, theirs in cases:
                results[(how, label)] = compare(f"{label} [{how}]", launcher + ours, [py, str(peer), *theirs], env, args.pairs,
                                                GOALS.get(label))
    print("\nsummary (median ratio, negotiator / peer, and the goal)")
    for (how, label), ratio in results.items():
        shown = "not measured" if ratio is None else f"{ratio:.2f}"
        goal = f"at most {GOALS[label]:.2f}" if label in GOALS else ""
        print(f"  {label:<12} {how:<24} {shown:<13} {goal}")


if __name__ == "__main__":
    main()
