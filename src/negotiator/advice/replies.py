"""What a borrower's reply to a collector gives away: rules from the guide, not a model.

Each rule looks for a few plain patterns in either language (people mix them), and a negation
just before a pattern ("I won't pay into a personal account", "不转个人账户") turns it off.
The patterns are not shown to anyone; the feedback sentences live in content/<lang>/practice.toml.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from negotiator.core.money import AmountError, parse_amount

ABOVE_WALK_AWAY = "above_walk_away"
NO_AMOUNT_WHEN_ASKED = "no_amount_when_asked"
ADMITS_EXPIRED_DEBT = "admits_expired_debt"
PERSONAL_ACCOUNT = "personal_account"
SHARES_CODE = "shares_code"
NO_HARDSHIP = "no_hardship"
NO_WRITTEN_CONFIRMATION = "no_written_confirmation"
RULES = (ABOVE_WALK_AWAY, NO_AMOUNT_WHEN_ASKED, ADMITS_EXPIRED_DEBT, PERSONAL_ACCOUNT, SHARES_CODE, NO_HARDSHIP, NO_WRITTEN_CONFIRMATION)

_NEGATION = re.compile(r"(不|别|没|\bnever\b|\bwon't|\bwill not\b|\bdon't|\bdo not\b|\bcan't|\bcannot\b|\bnot\b|\bno\b)(\W*\w+){0,3}\W*$")
_CLAUSE_END = re.compile(r"[，。,.;；!?！？]")
_PERSONAL = re.compile(r"个人账户|个人账号|私人账户|私人账号|你的账户|你的账号|你的卡|你个人|你的微信|你的支付宝|转给你|打给你|"
                       r"personal account|private account|your account|your own account|your card|your wechat|your alipay|to you directly")
_CODE_WORD = re.compile(r"验证码|动态码|校验码|密码|短信码|\bcode\b|password|\bpin\b|\bcvv\b")
_GIVE = re.compile(r"\d{4,8}|给你|发给你|告诉你|念给你|here it is|it's|it is|is \d|give|send|tell|read")
# Letting the caller see the screen gives away every code on it.
_SCREEN = re.compile(r"共享屏幕|屏幕共享|共享一下屏幕|开共享|share (?:my |the |your )?screen|screen ?shar")
_LONG_DIGITS = re.compile(r"\d{12,}")
_ADMIT = re.compile(r"是我欠的|我欠|我承认|我认|我会还|我来还|我还钱|我愿意还|我可以还|i owe|it's my debt|it is my debt|that's mine|i admit|i will pay|i'll pay|i can pay|i agree to pay")
_HARDSHIP = re.compile(r"失业|下岗|裁员|被辞|生病|住院|手术|病了|收入|降薪|工资|困难|没工作|没有工作|预算|家里出事|只能|生意|"
                       r"lost my job|laid off|redundan|\bill\b|illness|sick|hospital|surgery|income|salary|pay cut|hardship|budget|"
                       r"can only|can't afford|cannot afford|out of work|unemployed|business failed")
_WRITTEN = re.compile(r"书面|短信|写下来|发给我|发过来|app|邮件|协议|合同|回执|盖章|written|writing|in writing|email|text me|send it|send me|letter|paper")
# Chinese has no spaces between words, so "好的没问题" starts with a yes all the same.
_ACCEPT = re.compile(r"^\W*(?:(?:ok|okay|yes|yeah|fine|sure|deal|agreed?)\b|好|行|可以|同意|没问题|成交|就这样)|\bi (?:agree|accept)|that works|"
                     r"set it up|我同意|我接受|可以的|那就这样|就按这个|给我办")
# Paying it all: the whole balance, whatever the moment.
_ALL = re.compile(r"全还|全部还|都还了|还清|全额|一次还完|pay (?:it |you |the )?(?:all|everything|in full|the whole|the full)|all of it|in full|the whole (?:amount|balance|thing)")
# Any intention to pay, part payment or agreement: on an old debt, each may give up the defence.
_INTENT = re.compile(r"想办法还|还一点|还一些|还点|尽量还|先还|想还|会还|要还|能还|还钱|还上|还吧|分期|答应|"
                     r"try to pay|pay something|pay some|pay a (?:bit|little)|pay part|want(?:ed)? to pay|pay (?:you |it )?back|repay|"
                     r"i'll pay|i will pay|i can pay|instalments?|installments?|\bi agree\b|i accept")
_LUMP = re.compile(r"一次性|一次|结清|首付|先付|lump|at once|in one go|settle|down payment|up ?front|once")
_AMOUNT = re.compile(r"(?<![\d.\-/:])(¥\s*)?(\d+(?:\.\d+)?)\s*(万|w|千|k)?(?![\d.\-/:])")
# A number followed by one of these is a count, a date or a rate, not money.
_NOT_MONEY = re.compile(r"\s*(个月|个|期|月|号|日|天|年|点|%|x\b|×|months?|days?|weeks?|years?|instal|payments?\b|times|th\b|st\b|nd\b|rd\b|o'clock|am\b|pm\b)")


class Heard(NamedTuple):
    """What a reply says, as far as the rules need to know."""

    amounts: tuple[Decimal, ...]
    lump: bool  # speaks of a one-off payment
    personal_account: bool
    shares_code: bool
    admits: bool
    hardship: bool
    written: bool
    pays_all: bool = False  # says the whole balance will be paid
    intends: bool = False  # says something will be paid, or agreed


def _normal(text: str) -> str:
    """As offers are read: full-width forms folded, lower case, Chinese numbers as digits."""
    from negotiator.planning.offer_reading import normal_text

    return normal_text(text)


def _said(pattern: re.Pattern[str], text: str) -> bool:
    """The pattern is said, and not just after a negation."""
    for found in pattern.finditer(text):
        before = _CLAUSE_END.split(text[max(0, found.start() - 24) : found.start()])[-1]
        if not _NEGATION.search(before):
            return True
    return False


def amounts(text: str) -> tuple[Decimal, ...]:
    """The sums of money a reply names (counts of months, dates and rates left out)."""
    found = []
    for match in _AMOUNT.finditer(text):
        if _NOT_MONEY.match(text, match.end()) and not match.group(1):
            continue
        digits = match.group(2)
        if len(digits.split(".")[0]) > 9:
            continue
        try:
            found.append(parse_amount(digits + (match.group(3) or "")))
        except AmountError:
            continue
    return tuple(found)


def hear(reply: str) -> Heard:
    text = _normal(reply)
    # "验证码不能给你" names the code and refuses it: the giving must be said, not just after a no.
    code = (_said(_CODE_WORD, text) and _said(_GIVE, text)) or bool(_LONG_DIGITS.search(text)) or _said(_SCREEN, text)
    # A code or a card number read out is not a sum of money.
    money_text = re.sub(r"\d{12,}", " ", text)
    if code:
        money_text = re.sub(r"(?<![\d.¥])\d{4,8}(?![\d.]|\s*(元|块|yuan|万|k|千))", " ", money_text)
    return Heard(
        amounts=amounts(money_text),
        lump=bool(_LUMP.search(text)),
        personal_account=_said(_PERSONAL, text),
        shares_code=code,
        admits=_said(_ADMIT, text),
        hardship=bool(_HARDSHIP.search(text)),
        written=bool(_WRITTEN.search(text)),
        pays_all=_said(_ALL, text),
        intends=_said(_INTENT, text),
    )


class Checks(NamedTuple):
    """Which rules a moment of the call tests."""

    amount_asked: bool = False
    hardship: bool = False
    written: bool = False
    code_asked: bool = False
    on_table: Decimal | None = None  # the collector's figure: agreeing to it promises it
    on_table_once: bool = False  # that figure is a one-off payment
    account_asked: bool = False  # the collector asked for payment into a personal account
    balance: Decimal | None = None  # what paying it all would be: the lender's balance


def broken(reply: str, checks: Checks, walk_away: Decimal, once_limit: Decimal, expired: bool) -> list[str]:
    """The rule codes a reply breaks, in the order of RULES."""
    heard = hear(reply)
    if checks.code_asked and re.fullmatch(r"\s*\d{4,8}\s*", _normal(reply)):
        heard = heard._replace(shares_code=True, amounts=())
    codes = set()
    promised = max(heard.amounts, default=None)
    agrees = _said(_ACCEPT, _normal(reply))
    if promised is None and checks.on_table is not None and agrees:
        promised = checks.on_table
        heard = heard._replace(lump=heard.lump or checks.on_table_once)
    if heard.pays_all and checks.balance is not None:  # "I'll pay it all today": the whole balance at once
        promised = max(promised or checks.balance, checks.balance)
        heard = heard._replace(lump=True)
    if checks.account_asked and agrees:
        heard = heard._replace(personal_account=True)
    if promised is not None and not expired:
        limit = max(once_limit, walk_away) if heard.lump else walk_away
        if promised > limit:
            codes.add(ABOVE_WALK_AWAY)
    if checks.amount_asked and promised is None and walk_away > 0 and not expired:
        codes.add(NO_AMOUNT_WHEN_ASKED)
    # On an old debt, a yes to a demand agrees to pay; a polite "好的" at the close does not.
    agreed_to_pay = agrees and (checks.on_table is not None or checks.amount_asked)
    if expired and (heard.admits or heard.intends or heard.pays_all or promised is not None or agreed_to_pay):
        codes.add(ADMITS_EXPIRED_DEBT)
    if heard.personal_account:
        codes.add(PERSONAL_ACCOUNT)
    if heard.shares_code:
        codes.add(SHARES_CODE)
    if checks.hardship and not heard.hardship and not expired:
        codes.add(NO_HARDSHIP)
    if checks.written and not heard.written:
        codes.add(NO_WRITTEN_CONFIRMATION)
    return [code for code in RULES if code in codes]
