"""The planning engine: pure functions from a Case to the numbers of a plan. No I/O, no printing.

The engine itself lives in `engine`; its names are loaded on first use, so that `negotiator calc`,
which needs only `schedules`, does not pay for the answers model at start-up.

May import: case, money, errors (never plan, advice, render, store, wizard or commands).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from negotiator.planning.engine import ChoiceUnavailable, Cover, DebtPlan, Numbers, plan_numbers

__all__ = ["ChoiceUnavailable", "Cover", "DebtPlan", "Numbers", "plan_numbers"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from negotiator.planning import engine

        value = getattr(engine, name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
