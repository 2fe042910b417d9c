"""How long the wizard takes to show its first question, against a bare questionary prompt.

Both run in a pseudo-terminal, as a person would see them: the clock starts when the process is
started and stops when the question's words are on the screen. Runs alternate (the wizard first in
one pair, the bare prompt first in the next) so that a busy machine hurts both alike; the script
prints every pair's ratio, the median ratio and the median times. The goal is a ratio of at most
1.5.

    python benchmarks/first_question.py [--pairs 15]

The wizard runs as `python -m negotiator` with PYTHONPATH=src (this checkout) and a fresh data
folder, so no draft question comes first. This is a script, not a test: timings depend on the
machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "Language"

# The least a questionary program does to ask the same question.
BARE = """import questionary
questionary.select("Language / 语言", choices=["中文", "English"], qmark="›").ask()
"""


def environment(home: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHON"))}
    env.update(PYTHONPATH=str(ROOT / "src"), NEGOTIATOR_HOME=home, LANG="C.UTF-8", TERM="xterm",
               PROMPT_TOOLKIT_NO_CPR="1", COLUMNS="100")
    return env


def until_question(args: list[str], env: dict[str, str]) -> float:
    """Seconds from starting the program to its question on the screen."""
    start = time.perf_counter()
    child = pexpect.spawn(sys.executable, args, env=env, dimensions=(40, 100), encoding="utf-8", timeout=30)
    child.expect(QUESTION)
    seconds = time.perf_counter() - start
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15)
    pairs = parser.parse_args().pairs
    with tempfile.TemporaryDirectory() as home:
        env = environment(home)
        wizard = ["-m", "negotiator"]
        bare = ["-c", BARE]
        for args in (wizard, bare):  # warm the file cache and the word caches first
            until_question(args, env)
        ratios, ours, theirs = [], [], []
        for n in range(pairs):
            if n % 2 == 0:
                a = until_question(wizard, env)
                b = until_question(bare, env)
            else:
                b = until_question(bare, env)
                a = until_question(wizard, env)
            ours.append(a)
            theirs.append(b)
            ratios.append(a / b)
            print(f"pair {n + 1:2d}: wizard {a * 1000:6.1f} ms, bare questionary {b * 1000:6.1f} ms, ratio {a / b:.2f}")
    print()
    print(f"median ratio {statistics.median(ratios):.2f} (goal: at most 1.50)")
    print(f"median wizard {statistics.median(ours) * 1000:.0f} ms, bare questionary {statistics.median(theirs) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
