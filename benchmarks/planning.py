"""How long building a plan takes for 1, 10 and 100 debts (and the 200 an answers file allows).

Cases are generated from a fixed seed: a spread of kinds, balances, rates and terms, some with a
lump sum, so every kind of proposal is computed. Each figure is the median of several runs, in
process (start-up is measured by benchmarks/startup.py):

- validate: the answers (a dict, as read from JSON) into a Case;
- numbers:  the planning engine alone (budget, shares, proposals, ladder);
- plan:     build_plan, the numbers and the words;
- json:     the JSON form of that plan.

    PYTHONPATH=src python benchmarks/planning.py [--runs 7] [--sizes 1 10 100 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from negotiator.answers.file import case_from_data  # noqa: E402
from negotiator.plan import build_plan  # noqa: E402
from negotiator.planning import plan_numbers  # noqa: E402

KINDS = ["huabei", "jiebei", "credit_card", "online_loan", "other"]
STAGES = ["reminders", "calls", "agency", "legal_threat", "lawsuit"]


def answers(debts: int, seed: int = 7) -> dict:
    rng = random.Random(seed + debts)
    items = []
    for i in range(debts):
        kind = KINDS[i % len(KINDS)]
        debt = {
            "lender": f"Lender {i + 1}",
            "kind": kind,
            "principal": str(rng.randrange(1_000, 200_000)),
            "interest": f"{rng.randrange(0, 5_000)}.{rng.randrange(100):02d}",
            "penalties": str(rng.randrange(0, 3_000)),
            "days_overdue": rng.randrange(0, 400),
            "contract_monthly": str(rng.randrange(200, 8_000)),
            "stage": STAGES[i % len(STAGES)],
        }
        if kind in ("huabei", "jiebei"):
            debt["daily_rate_percent"] = "0.05"
        else:
            debt["annual_rate_percent"] = str(rng.choice(["18.25", "23.9", "12", "35.99"]))
        items.append(debt)
    return {
        "schema_version": 1,
        "language": "zh" if debts % 2 else "en",
        "hardship": {"cause": "job_loss", "since": "2026-05-01", "expected_months": None if debts > 1 else 6},
        "income": [{"source": "salary", "monthly": "9000"}, {"source": "side work", "monthly": "1500"}],
        "expenses": [{"category": c, "monthly": m} for c, m in (("housing", "2800"), ("food", "1600"), ("transport", "300"), ("utilities", "250"))],
        "priority": [{"name": "rent arrears", "monthly": "500"}],
        "lump_sum": str(rng.choice([0, 0, 5000, 20000])),
        "plan_date": "2026-11-28",
        "buffer_percent": 10,
        "debts": items,
    }


def median_ms(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 200])
    args = parser.parse_args()
    from negotiator.render import json as json_form

    today = dt.date(2026, 11, 28)
    print(f"python {sys.version.split()[0]}; median of {args.runs} runs each, in milliseconds")
    print(f"{'debts':>6} {'validate':>10} {'numbers':>10} {'plan':>10} {'json':>10} {'plan/debt':>10}")
    for size in args.sizes:
        data = answers(size)
        case = case_from_data(data)
        plan = build_plan(case, today=today)  # warm up: first calls load the words
        validate = median_ms(lambda: case_from_data(data), args.runs)
        numbers = median_ms(lambda: plan_numbers(case, today), args.runs)
        whole = median_ms(lambda: build_plan(case, today=today), args.runs)
        rendered = median_ms(lambda: json_form.render(plan), args.runs)
        print(f"{size:>6} {validate:>10.1f} {numbers:>10.1f} {whole:>10.1f} {rendered:>10.1f} {whole / size:>10.2f}")


if __name__ == "__main__":
    main()
