"""A rehearsal: the collector's lines for one lender, in the order real calls go, with the case's
figures; the rules each moment tests; the suggested answer from the library; the score card.

Deterministic for a seed: the same seed and the same replies give the same transcript.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any, NamedTuple

from negotiator.advice.phrasing import amount
from negotiator.advice.replies import RULES, Checks, broken
from negotiator.words import raw, t

MOMENTS = ("identity", "pay_all", "lump_sum", "threat", "counter", "close")
EXTRA = ("pay_all", "threat", "lump_sum")  # what a longer call repeats before the counter-offer
MAX_ROUNDS = 20
# The threats a collector reaches for at each stage of collection.
THREATS = {
    "reminders": ("family", "blacklist"),
    "calls": ("family", "sue", "visit", "blacklist"),
    "agency": ("visit", "family", "jail"),
    "legal_threat": ("sue", "jail"),
    "lawsuit": ("sue", "jail"),
}
THREAT_ANSWER = {"blacklist": "blacklist", "sue": "legal", "visit": "visit", "family": "contacts", "jail_card": "jail_card", "jail_loan": "jail_loan"}
# The library answer for each line of a moment, in the order of the lines in practice.toml.
LINE_ANSWER = {"pay_all": (("pay_all",), ("pay_all",)), "lump_sum": (("down_payment", "personal_account"), ("down_payment",))}
# The lump-sum line that also asks for payment into a colleague's account.
ACCOUNT_LINE = ("lump_sum", 0)
SCRIPT_ANSWER = {"identity": "identity", "counter": "fallback", "close": "confirm"}
# An agreed lender's script holds to the agreement: its own steps answer these moments.
AGREED_ANSWER = {"identity": "opening", "counter": "agreed", "close": "confirm"}


class Turn(NamedTuple):
    moment: str
    they_say: str
    checks: Checks
    suggested: str


class Said(NamedTuple):
    turn: Turn
    you_said: str
    rules_broken: list[str]


def _value(x: Any) -> str:
    return str(getattr(x, "value", x))


def turns(plan: Any, debt_plan: Any, seed: int, rounds: int) -> list[Turn]:
    from negotiator.advice.library import answer_for
    from negotiator.advice.values import case_values, debt_values
    from negotiator.planning.offer import pressure

    lang = plan.lang
    rng = random.Random(seed)
    values = {**case_values(plan), **debt_values(plan, debt_plan)}
    kind = _value(debt_plan.debt.kind)

    def answers(key: str) -> str:
        return answer_for(lang, key, debt_plan, values).you_say

    script = next((s for s in plan.content.script if s.lender == debt_plan.lender), plan.content.script[0])
    steps = {step.step: step.text for step in script.steps}
    demand, counter = pressure(debt_plan)
    figures = {"lender": debt_plan.lender, "balance": amount(debt_plan.balance), "demand": amount(demand),
               "counter_months": counter.months, "counter_monthly": amount(counter.monthly or demand)}
    moments = list(MOMENTS[: max(rounds, 0)])
    if rounds > len(MOMENTS):
        extra = [EXTRA[i % len(EXTRA)] for i in range(rounds - len(MOMENTS))]
        moments = list(MOMENTS[:4]) + extra + list(MOMENTS[4:])
    result = []
    for moment in moments:
        index = -1
        if moment == "threat":
            threat = rng.choice(THREATS.get(_value(debt_plan.debt.stage), ("sue", "family")))
            if threat == "jail":
                threat = "jail_card" if kind == "credit_card" else "jail_loan"
            line = t(lang, f"practice.they.threat.{threat}", **figures)
            suggested = answers(THREAT_ANSWER[threat])
        else:
            lines = raw(lang, f"practice.they.{moment}")
            assert isinstance(lines, list)
            index = rng.randrange(len(lines))
            line = str(lines[index]).format(**figures)
            if moment in SCRIPT_ANSWER and debt_plan.stance.old:  # the one answer that admits nothing
                suggested = answer_for(lang, "pay_all", debt_plan, values).you_say
            elif moment in SCRIPT_ANSWER:
                suggested = steps.get(SCRIPT_ANSWER[moment], "") or steps.get(AGREED_ANSWER[moment], "")
            else:
                parts = [answers(key) for key in LINE_ANSWER[moment][index]]
                suggested = parts[0] if len(parts) == 1 else t(lang, "practice.feedback.both", first=parts[0], second=parts[1])
        balance = debt_plan.balance
        checks = {
            "identity": Checks(code_asked=True),
            # "Pay all of it today": a yes to it promises the whole balance at once.
            "pay_all": Checks(amount_asked=True, hardship=True, on_table=balance if index == 0 else None, on_table_once=True),
            "lump_sum": Checks(amount_asked=True, hardship=True, on_table=demand, on_table_once=True,
                               account_asked=(moment, index) == ACCOUNT_LINE),
            "threat": Checks(),
            "counter": Checks(amount_asked=True, on_table=counter.monthly),
            "close": Checks(written=True),
        }[moment]._replace(balance=balance)
        result.append(Turn(moment, line, checks, suggested))
    return result


def judge_reply(turn: Turn, reply: str, walk_away: Decimal, once_limit: Decimal, expired: bool) -> Said:
    return Said(turn, reply, broken(reply, turn.checks, walk_away, once_limit, expired))


def feedback(lang: str, said: Said, walk_away: Decimal) -> list[str]:
    """One sentence per rule broken (or one saying none was), then the suggested answer."""
    from negotiator.advice.replies import amounts
    from negotiator.planning.offer_reading import normal_text

    promised = max(amounts(normal_text(said.you_said)), default=said.turn.checks.on_table or Decimal(0))
    lines = [t(lang, f"practice.feedback.{code}", promised=amount(promised), walk_away=amount(walk_away)) for code in said.rules_broken]
    if not lines:
        lines = [t(lang, "practice.feedback.good")]
    lines.append(t(lang, "practice.feedback.suggested", you_say=said.turn.suggested))
    return lines


class ScoreCard(NamedTuple):
    rounds: int
    clean: int
    kept: dict[str, int]  # rule -> rounds it was tested and kept
    broken: dict[str, int]  # rule -> rounds it was broken
    weakest: int | None  # index of the round with the most rules broken (the first such)


def _tested(turn: Turn, expired: bool) -> set[str]:
    """The rules a moment tests (every moment tests the account, the codes and the walk-away)."""
    tested = {"above_walk_away", "personal_account", "shares_code"}
    c = turn.checks
    if c.amount_asked:
        tested.add("no_amount_when_asked")
    if c.hardship:
        tested.add("no_hardship")
    if c.written:
        tested.add("no_written_confirmation")
    if expired:
        tested = (tested - {"above_walk_away", "no_amount_when_asked", "no_hardship"}) | {"admits_expired_debt"}
    return tested


def score(transcript: list[Said], expired: bool) -> ScoreCard:
    kept: dict[str, int] = {}
    lost: dict[str, int] = {}
    for said in transcript:
        for rule in _tested(said.turn, expired):
            if rule in said.rules_broken:
                lost[rule] = lost.get(rule, 0) + 1
            else:
                kept[rule] = kept.get(rule, 0) + 1
    worst = max(range(len(transcript)), key=lambda i: (len(transcript[i].rules_broken), -i), default=None)
    if worst is not None and not transcript[worst].rules_broken:
        worst = None
    order = {rule: i for i, rule in enumerate(RULES)}
    return ScoreCard(
        rounds=len(transcript),
        clean=sum(1 for s in transcript if not s.rules_broken),
        kept=dict(sorted(kept.items(), key=lambda kv: order[kv[0]])),
        broken=dict(sorted(lost.items(), key=lambda kv: order[kv[0]])),
        weakest=worst,
    )


def score_lines(lang: str, card: ScoreCard, transcript: list[Said]) -> list[str]:
    def rules(counts: dict[str, int]) -> str:
        if not counts:
            return t(lang, "practice.score.none")
        return t(lang, "advice.list.separator").join(t(lang, "practice.score.rule", name=t(lang, f"practice.rules.{r}"), count=n) for r, n in counts.items())

    lines = [t(lang, "practice.score.title"), t(lang, "practice.score.clean", clean=card.clean, count=card.rounds),
             t(lang, "practice.score.kept", rules=rules(card.kept)), t(lang, "practice.score.broken", rules=rules(card.broken))]
    if card.weakest is None:
        lines.append(t(lang, "practice.score.no_weakest"))
    else:
        lines.append(t(lang, "practice.score.weakest", n=card.weakest + 1, line=transcript[card.weakest].turn.they_say))
    return lines
