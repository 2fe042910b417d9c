"""The answers to what collectors say, found by a word heard on the call.

The plan's objections (objections.toml) and a few more for the call (call.toml `library`), each
filled with the case's numbers. The words that lead to an answer are patterns, in both languages,
since people type what they heard in either.
"""

from __future__ import annotations

import re

from negotiator.plan import Objection
from negotiator.words import t, table

# A word heard -> the answer's key; "jail" depends on the debt: only credit cards have the crime of
# malicious overdraft (facts.md section 9).
HEARD = (
    ("jail", r"坐牢|判刑|刑事|抓你|抓人|公安|报警|犯罪|诈骗|恶意透支|jail|prison|police|arrest|criminal|crime|fraud"),
    ("legal", r"起诉|法院|律师函|传票|仲裁|立案|黑名单|失信|\bsue\b|suing|court|lawsuit|summons|lawyer|blacklist|legal"),
    ("visit", r"上门|家访|外访|找上门|你单位|visit|come to your|your home|workplace|your door"),
    ("contacts", r"家人|家里人|父母|通讯录|联系人|亲戚|朋友|同事|family|parents|contacts|relatives|friends|colleagues|employer|your boss"),
    ("right_now", r"今天|马上|立刻|最后期限|最后机会|过期不候|today|right now|deadline|last chance|immediately"),
    ("personal_account", r"个人账户|私人账户|个人账号|转到.*账户|personal account|private account|my account"),
    ("pay_all", r"全部还清|全额|一次还清|还清全部|pay (?:it )?all|full amount|whole amount|in full"),
    ("borrow", r"借钱|借新还旧|找家里借|网贷|borrow|another loan|new loan"),
    ("down_payment", r"首付|先付一部分|先还一部分|down payment|deposit"),
    ("intermediary", r"停息挂账|中介|代理|代办|intermediar|agent who|for a fee"),
    ("no_negotiation", r"不协商|不能协商|没得谈|按合同|no negotiation|don't negotiate|not negotiable|as the contract"),
    ("insults", r"骂|滚|废物|insult|idiot|stupid|shout"),
    ("late_calls", r"半夜|深夜|凌晨|late at night|midnight|early morning"),
)


def library(lang: str, values: dict[str, object]) -> dict[str, Objection]:
    """Every answer by key: the plan's objections, then the call's own."""
    from negotiator.advice.objections import PUSHBACKS, objections

    found = dict(zip(PUSHBACKS, objections(lang, values), strict=True))
    words = table(lang, "call")
    for key in ("jail_card", "jail_loan"):
        found[key] = Objection(
            they_say=t(lang, f"call.library.{key}.they_say", **values),
            you_say=t(lang, f"call.library.{key}.you_say", **values),
            source=str(words.get(f"library.{key}.source", "")),
            grade=str(words.get(f"library.{key}.grade", "")),
        )
    return found


def answer_key(heard: str, debt_kind: str) -> str | None:
    """The answer for what the collector said, or None when no word of it is known."""
    text = heard.lower()
    for key, pattern in HEARD:
        if re.search(pattern, text):
            if key == "jail":
                return "jail_card" if debt_kind == "credit_card" else "jail_loan"
            return key
    return None
