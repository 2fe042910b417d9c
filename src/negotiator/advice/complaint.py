"""The words of a complaint about collector conduct, built from the incidents in the contact log.

Every rule comes from the fact sheet with its source and grade (content/<lang>/complaint.toml);
which rules an incident concerns depends on its code and on the kind of debt, since the credit-card
rules bind banks, the online lenders' convention binds online lenders, and so on. Nothing here
prints; the text, Markdown and JSON forms are drawn by negotiator.render.complaint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from negotiator.planning.incidents import Incident
from negotiator.words import t, table

if TYPE_CHECKING:
    from negotiator.records.contacts import ContactEntry

# The rules each incident concerns, most binding first.
RULES = {
    "night_call": ("gbt_hours", "cba_hours"),
    "too_many_calls": ("gbt_calls", "cba_attempts"),
    "threat": ("public_security", "card_conduct", "nifa_conduct"),
    "abuse": ("public_security", "card_conduct"),
    "third_party": ("gbt_debtor_only", "card_conduct", "nifa_third_party", "cba_third_party"),
    "false_legal": ("cba_false_legal", "blacklist"),
    "impersonation": ("cba_impersonation", "blacklist"),
    "disclosure": ("public_security", "privacy", "nifa_disclosure"),
    "personal_account": ("check_caller",),
    "other": ("public_security", "privacy"),
}
# Whom a rule binds, by kind of debt; a rule not named here concerns every debt. Huabei and Jiebei
# are reported to be run by a consumer-finance company; an online loan or "other" may be any lender.
_CARD = {"credit_card"}
_ONLINE = {"huabei", "jiebei", "online_loan", "other"}
_BANKS_AND_CONSUMER_FINANCE = {"credit_card", "huabei", "jiebei", "online_loan", "other"}
SCOPE = {
    "card_conduct": _CARD,
    "nifa_conduct": _ONLINE,
    "nifa_third_party": _ONLINE,
    "nifa_disclosure": _ONLINE,
    "cba_hours": _BANKS_AND_CONSUMER_FINANCE,
    "cba_attempts": _BANKS_AND_CONSUMER_FINANCE,
    "cba_third_party": _BANKS_AND_CONSUMER_FINANCE,
    "cba_false_legal": _BANKS_AND_CONSUMER_FINANCE,
    "cba_impersonation": _BANKS_AND_CONSUMER_FINANCE,
}
# Where a complaint goes after the lender, by kind of debt. An online loan or "other" may come from a
# bank, a consumer-finance company or a small-loan company; the lender's legal name usually says which
# (某某银行, 某某消费金融, 某某小额贷款 / 某某小贷), and when it does not, the letter leaves the addressee
# blank rather than hand a regulator a letter addressed "to A if..., else to B".
REGULATOR = {"credit_card": "nfra", "huabei": "nfra_ant", "jiebei": "nfra_ant", "online_loan": "either", "other": "either"}
SMALL_LOAN_NAMES = ("小贷", "小额贷款", "small loan", "small-loan", "microcredit", "microloan")
SUPERVISED_BY_NFRA_NAMES = ("银行", "消费金融", "bank", "consumer finance", "consumer-finance")
TO_REGULATOR = {"nfra": "to_nfra", "nfra_ant": "to_nfra", "local": "to_local", "either": "to_blank"}
SOURCES = {"nfra": "source_nfra", "nfra_ant": "source_ant", "local": "source_local", "either": "source_either"}
TOWARDS_OTHERS = {"third_party", "disclosure"}


class Rule(NamedTuple):
    """A rule an incident concerns, or a place to complain, with its source and grade in facts.md."""

    text: str
    source: str
    grade: str = ""  # "V" checked against the text, "R" reported (and worded so), "" plain practice


class Told(NamedTuple):
    """One incident in words: what it is, why, the log entries quoted, the rules it concerns."""

    incident: Incident
    title: str
    why: str
    quotes: tuple[str, ...]  # one line per log entry, with the person's own words
    rules: tuple[Rule, ...]


class Complaint(NamedTuple):
    lang: str
    case_name: str
    lender: str
    kind: str  # the debt's kind: huabei, jiebei, credit_card, online_loan, other
    to: str  # lender or regulator
    date: dt.date
    title: str
    header: tuple[str, ...]  # to, from, account, date
    opening: str
    incidents: tuple[Told, ...]
    asks: tuple[str, ...]
    attachments: tuple[str, ...]
    sign: str
    channels: tuple[Rule, ...]  # where it goes, in order: the lender first
    disclaimer: str


def rules(code: str, kind: str, lang: str) -> tuple[Rule, ...]:
    keys = [k for k in RULES[code] if kind in SCOPE.get(k, {kind})]
    rows = table(lang, "complaint")
    # A rule of plain good practice has no grade in the content file.
    return tuple(Rule(t(lang, f"complaint.rules.{k}.text"), t(lang, f"complaint.rules.{k}.source"), str(rows.get(f"rules.{k}.grade", ""))) for k in keys)


def quote(n: int, entry: ContactEntry, lang: str) -> str:
    """One log entry as the complaint quotes it: when, how, who, and what they said."""
    when = entry.when.strftime("%Y-%m-%d %H:%M")
    parts = [t(lang, "complaint.letter.entry", n=n, when=when, channel=t(lang, f"render.channels.{entry.channel}"))]
    if entry.who:
        parts.append(t(lang, "complaint.letter.who", who=entry.who))
    parts.append(t(lang, "complaint.letter.said", said=entry.said) if entry.said else t(lang, "complaint.letter.nothing_said"))
    return t(lang, "complaint.letter.separator").join(parts)


def tell(incident: Incident, entries: Sequence[ContactEntry], kind: str, lang: str) -> Told:
    title = t(lang, f"complaint.codes.{incident.code}")
    if not incident.found:
        why = t(lang, "complaint.found.marked", title=title)
    elif incident.code == "too_many_calls":
        why = t(lang, "complaint.found.too_many_calls", count=len(incident.entries), lender=incident.lender, date=incident.when.date().isoformat())
    else:
        why = t(lang, f"complaint.found.{incident.code}")
    quotes = tuple(quote(n, entries[n - 1], lang) for n in incident.entries)
    return Told(incident, title, why, quotes, rules(incident.code, kind, lang))


def account(lender: str, kind: str, lang: str, old: bool = False) -> str:
    """The account line; the kind is left out when the lender's name already says it (花呗). For an
    old debt, the account being collected, not the borrower's own."""
    kind_words = t(lang, f"complaint.kinds.{kind}")
    suffix = "_old" if old else ""
    if kind_words.casefold() in lender.casefold():
        return t(lang, f"complaint.letter.account_named{suffix}", lender=lender)
    return t(lang, f"complaint.letter.account{suffix}", lender=lender, kind=kind_words)


# The sentences an old debt's complaint says its own way (content/<lang>/complaint.toml, "_old").
OLD_FORMS = frozenset({"complaint.letter.opening_lender_old", "complaint.letter.opening_regulator_old", "complaint.asks.identify_old",
                       "complaint.asks.others_old", "complaint.asks.official_account_old"})


def regulator(lender: str, kind: str) -> str:
    """Who supervises the lender: from the kind of debt, else from the words of its legal name."""
    found = REGULATOR[kind]
    if found != "either":
        return found
    name = lender.casefold()
    if any(word in name for word in SMALL_LOAN_NAMES):
        return "local"
    if any(word in name for word in SUPERVISED_BY_NFRA_NAMES):
        return "nfra"
    return "either"


def channels(lender: str, kind: str, threatened: bool, lang: str) -> tuple[Rule, ...]:
    """Where the complaint goes, in order: the lender, then its regulator; 110 for threats."""
    chosen = regulator(lender, kind)
    out = [
        Rule(t(lang, "complaint.channels.lender", lender=lender), ""),
        Rule(t(lang, f"complaint.channels.{chosen}", lender=lender), t(lang, f"complaint.channels.{SOURCES[chosen]}"), "R"),
    ]
    if threatened:
        out.append(Rule(t(lang, "complaint.channels.police"), ""))
    return tuple(out)


def build(case_name: str, lender: str, kind: str, found: Sequence[Incident], entries: Sequence[ContactEntry], to: str, lang: str,
          today: dt.date, old: bool = False) -> Complaint:
    """The complaint to `lender` (or, with to="regulator", to its regulator) about `found`. For an
    old debt (its posture is old: the limitation may have run out) the borrower's own words admit
    nothing (facts.md section 6): not "I am the borrower", not "this debt", no asking how to pay;
    the account is named as the one being collected."""
    told = tuple(tell(i, entries, kind, lang) for i in found)
    codes = {i.code for i in found}

    def w(key: str, **values: object) -> str:
        if old and f"complaint.{key}_old" in OLD_FORMS:
            key += "_old"
        return t(lang, f"complaint.{key}", **values)

    addressed = w("letter.to_lender", lender=lender) if to == "lender" else w(f"letter.{TO_REGULATOR[regulator(lender, kind)]}")
    header = (addressed, w("letter.from"), account(lender, kind, lang, old), w("letter.date", date=today.isoformat()))
    if to == "lender":
        asks = [w("asks.stop"), w("asks.identify"), w("asks.confirm")]
        asks += [w("asks.others")] if codes & TOWARDS_OTHERS else []
        asks += [w("asks.official_account")] if "personal_account" in codes else []
    else:
        asks = [w("asks.regulator", lender=lender)]
    asks.append(w("asks.reply"))
    attachments = [w("attachments.recordings"), w("attachments.screenshots"), w("attachments.call_history"), w("attachments.log", name=case_name)]
    attachments += [w("attachments.others")] if codes & TOWARDS_OTHERS else []
    attachments += [w("attachments.account")] if "personal_account" in codes else []
    return Complaint(
        lang=lang, case_name=case_name, lender=lender, kind=kind, to=to, date=today,
        title=w("letter.title"), header=header, opening=w(f"letter.opening_{to}", lender=lender), incidents=told,
        asks=tuple(asks), attachments=tuple(attachments), sign=w("letter.sign"),
        channels=channels(lender, kind, "threat" in codes, lang), disclaimer=w("channels.disclaimer"),
    )
