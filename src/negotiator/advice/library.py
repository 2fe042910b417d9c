"""The answers to what collectors say, found by a word heard on the call.

The plan's objection library (objections.toml), each answer filled with the case's numbers and
chosen for the debt on the phone (the malicious-overdraft threat is answered one way for a credit
card and another for other loans). The words that lead to an answer are patterns, in both
languages, since people type what they heard in either.
"""

from __future__ import annotations

import re

from negotiator.advice.objections import (
    SAFE_WHEN_AGREED,
    SAFE_WHEN_OLD,
    agreed_answer,
    old_answer,
    spoken,
)
from negotiator.answers.case import Stage
from negotiator.planning.engine import DebtPlan
from negotiator.records.plan import Objection
from negotiator.words import t, table

# A word heard -> the answer's key, first match wins; "jail" depends on the debt: only credit cards
# have the crime of malicious overdraft (facts.md section 9).
HEARD = (
    ("fake_court", r"警察.*(抓|上门)|法院.*短信|短信.*法院|立案.*抓|arrest warrant|police are coming|court sms"),
    ("jail", r"坐牢|判刑|刑事|抓你|抓人|公安|报警|犯罪|诈骗|恶意透支|jail|prison|police|arrest|criminal|crime|fraud"),
    ("blacklist", r"黑名单|失信|blacklist"),
    ("legal", r"起诉|法院|律师函|传票|仲裁|立案|\bsue\b|suing|court|lawsuit|summons|lawyer|legal"),
    ("visit", r"上门|家访|外访|找上门|你单位|visit|come to your|your home|workplace|your door"),
    ("contacts", r"家人|家里人|父母|通讯录|联系人|亲戚|朋友|同事|family|parents|contacts|relatives|friends|colleagues|employer|your boss"),
    ("screen_share", r"共享屏幕|屏幕共享|下载.*app|装.*app|征信修复|修复征信|share (?:your )?screen|screen shar|install|credit repair"),
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


def _name(key: str, debt_kind: str) -> str:
    """The form of an answer for this debt, as the plan chooses it."""
    if key == "jail":
        return "jail_card" if debt_kind == "credit_card" else "jail_loan"
    if key == "no_negotiation" and debt_kind == "credit_card":
        return "no_negotiation_card"  # the card-only instalment rule is mentioned only for a card
    return key


def answer(lang: str, key: str, debt_kind: str, values: dict[str, object]) -> Objection:
    """One answer of the library, filled with the case's numbers."""
    name = _name(key, debt_kind)
    words = table(lang, "objections")
    return Objection(
        they_say=t(lang, f"objections.{name}.they_say", **values),
        you_say=t(lang, spoken(words, name, values), **values),
        source=str(words.get(f"{name}.source", "")),
        grade=str(words.get(f"{name}.grade", "")),
    )


def answer_for(lang: str, key: str, d: DebtPlan, values: dict[str, object]) -> Objection:
    """The answer for this lender: for a lender already agreed, the agreement, unless the library's
    own answer opens no money question; for an old debt, the one answer that admits nothing, unless
    the library's own answer asks for nothing and promises nothing."""
    if d.agreed is not None and not d.stance.old and _name(key, d.debt.kind.value) not in SAFE_WHEN_AGREED:
        return agreed_answer(lang, d)  # agreed already: the agreement is the answer, nothing is negotiated again
    if d.stance.old and key not in SAFE_WHEN_OLD:
        sued = d.debt.stage is Stage.lawsuit
        return Objection(t(lang, "safety.old.they_say"), old_answer(lang, sued), t(lang, "safety.old.source"), "V", (d.lender,))
    return answer(lang, key, d.debt.kind.value, values)


def answer_key(heard: str, debt_kind: str) -> str | None:
    """The answer's key for what the collector said, or None when no word of it is known."""
    text = heard.lower()
    for key, pattern in HEARD:
        if re.search(pattern, text):
            return _name(key, debt_kind) if key == "jail" else key
    return None
