"""The largest plan an answers file allows, in every output form: 200 debts, each with max_months
120, and an income of 1 (so every proposal runs to its longest term). Each form runs as a person
runs it, `negotiator plan --answers FILE --format FORM -o OUT`, in its own process; the script
prints the wall and CPU time, the peak memory (maximum resident set) and the size written.

The promise (README, "Promises"): every form under 2 s and under 200 MB on a quiet 2-core machine.
CPU time is shown too: on a busy machine it varies less than wall time.

    PYTHONPATH=src python benchmarks/large_plan.py [--runs 3] [--forms text markdown json ics]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def answers(debts: int = 200, months: int = 120) -> dict:
    kinds = ["huabei", "jiebei", "credit_card", "online_loan", "other"]
    items = []
    for i in range(debts):
        debt = {"lender": f"Lender {i + 1}", "kind": kinds[i % 5], "principal": str(5_000 + 137 * i), "interest": "120.50",
                "penalties": "80", "days_overdue": 30 + i, "max_months": months}
        if debt["kind"] in ("huabei", "jiebei"):
            debt["daily_rate_percent"] = "0.05"
        else:
            debt["annual_rate_percent"] = "18.25"
        items.append(debt)
    return {"language": "en", "hardship": {"cause": "job_loss", "since": "2026-05-01"},
            "income": [{"source": "what is left", "monthly": "1"}], "plan_date": "2026-11-28", "debts": items}


def saved_with_agreements(case: Path, home: Path) -> None:
    """A saved case `big` with an agreement of 120 months with every lender: the calendar reminds
    of agreed payments only, so this is the largest calendar a case can ask for (24,000)."""
    import datetime as dt
    from decimal import Decimal

    os.environ["NEGOTIATOR_HOME"] = str(home)
    sys.path.insert(0, str(ROOT / "src"))
    from negotiator import store
    from negotiator.answers.file import load_answers
    from negotiator.records.contacts import Agreement

    store.save_case("big", load_answers(case), overwrite=True)
    for i in range(200):
        store.record_agreement("big", Agreement(lender=f"Lender {i + 1}", kind="instalments", months=120, monthly=Decimal(50),
                                                first_due=dt.date(2027, 1, 1)))
    del os.environ["NEGOTIATOR_HOME"]


def run(form: str, case: Path, out: Path) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, peak KB, bytes written) of one run in a fresh process. The form
    `ics-agreed` is the calendar of the saved case with every lender agreed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NEGOTIATOR_HOME": str(out.parent / "home")}
    script = ("import resource, subprocess, sys, time\n"
              "start = time.perf_counter()\n"
              "code = subprocess.call(sys.argv[1:])\n"
              "wall = time.perf_counter() - start\n"
              "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
              "print(code, wall, use.ru_utime + use.ru_stime, use.ru_maxrss)\n")
    source = ["--case", "big"] if form == "ics-agreed" else ["--answers", str(case)]
    args = [sys.executable, "-m", "negotiator", "plan", *source, "--format", form.split("-")[0], "-o", str(out), "--force"]
    result = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, check=True)
    code, wall, cpu, peak = result.stdout.split()
    if code != "0":
        raise SystemExit(f"{form}: exit {code}: {result.stderr}")
    return float(wall), float(cpu), int(peak), out.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--forms", nargs="+", default=["text", "markdown", "json", "ics", "ics-agreed"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder) / "answers.json"
        case.write_text(json.dumps(answers()), "utf-8")
        if "ics-agreed" in args.forms:
            saved_with_agreements(case, Path(folder) / "home")
        print(f"python {sys.version.split()[0]}; 200 debts x 120 months; median of {args.runs} runs; load {os.getloadavg()[0]:.1f}")
        print(f"{'form':<10} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'written':>10}")
        for form in args.forms:
            runs = [run(form, case, Path(folder) / f"plan.{form}") for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            peak = max(r[2] for r in runs) / 1024
            print(f"{form:<10} {wall:>7.2f} {cpu:>7.2f} {peak:>8.0f} {runs[0][3]:>10,}")


if __name__ == "__main__":
    main()
