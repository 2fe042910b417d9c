"""The JSON Schema of the answers file, as `negotiator schema` prints it: what an editor uses to
underline a mistake while the file is typed.

pydantic turns the answers model (case.py) into the skeleton: fields, types, closed sets, bounds on
whole numbers and lists, required fields, unknown fields refused. This adds what pydantic cannot
see in the model: the text an amount or a rate may be written as (derived from their readers in
spellings.py), the range of dates, text that must not be blank, the rules that join fields (exactly
one rate, a balance above zero, no settlement without a lump sum), and on every field a description
(content/<lang>/schema.toml) and an example. A rule no schema can state is written into the
description of its field, after `kinds.cannot`, so the editor shows it too.
"""

from __future__ import annotations

import itertools
from typing import Any

from negotiator.answers.case import EARLIEST, LATEST, TYPED_VALUE, Case
from negotiator.answers.spellings import (
    HALF_FEN,
    SPACES,
    char_class,
    money_pattern,
    percent_pattern,
    zero_money_pattern,
)
from negotiator.core.controls import UNSAFE
from negotiator.core.money import MAX_AMOUNT
from negotiator.words import table

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_NAME = "negotiator-answers.schema.json"  # the name examples' "$schema" points to

# Written as a number, NaN (which Python's JSON reader lets through) passes every bound, since it
# compares false with everything; a finite number of 0 or more is never at most -1, NaN always is.
_NOT_NAN = {"maximum": -1}

# One example for each field, as it would be typed; words are not needed in these.
EXAMPLES: dict[str, dict[str, list[Any]]] = {
    "Case": {
        "$schema": [FILE_NAME],
        "schema_version": [1],
        "language": ["zh"],
        "hardship": [{"cause": "job_loss", "since": "2026-03-01", "expected_months": 6}],
        "income": [[{"source": "兼职", "monthly": "3000"}]],
        "expenses": [[{"category": "housing", "monthly": "2500"}]],
        "priority": [[{"name": "拖欠的房租", "monthly": "500"}]],
        "lump_sum": ["0", "1.5万"],
        "plan_date": ["2026-11-28"],
        "buffer_percent": [10],
        "debts": [[{"lender": "花呗", "kind": "huabei", "principal": "8000", "daily_rate_percent": "0.05"}]],
    },
    "Hardship": {
        "cause": ["job_loss"],
        "details": ["公司裁员，正在找工作。"],
        "since": ["2026-03-01", "2026-03"],
        "expected_months": [6, None],
        "income_before": ["12000"],
    },
    "Income": {"source": ["工资", "Salary"], "monthly": ["8000", "1.2万"]},
    "Expense": {"category": ["food"], "monthly": ["1800"]},
    "Priority": {"name": ["拖欠的房租", "Child support"], "monthly": ["500"]},
    "Debt": {
        "lender": ["招商银行信用卡", "Huabei"],
        "kind": ["credit_card"],
        "principal": ["42000", "4.2万", 42000],
        "interest": ["1500"],
        "penalties": ["900"],
        "days_overdue": [95],
        "daily_rate_percent": ["0.05"],
        "annual_rate_percent": ["18.25"],
        "contract_monthly": ["4200"],
        "stage": ["agency"],
        "max_months": [36],
        "chosen": ["instalments"],
        "last_payment_date": ["2023-05-10"],
        "last_demand_date": ["2026-10-15"],
    },
}


def _link(node: Any, used: set[str]) -> None:
    """Each mark a typed value left (case.TYPED_VALUE) becomes a $ref to one definition, since
    the patterns are long and each is written once; `used` collects what they point to."""
    if isinstance(node, list):
        for item in node:
            _link(item, used)
    elif isinstance(node, dict):
        if TYPED_VALUE in node:
            name = node.pop(TYPED_VALUE)
            node["$ref"] = f"#/$defs/{name}"
            used.add(name)
        for value in node.values():
            _link(value, used)


def _amount(words: dict[str, object]) -> dict[str, Any]:
    return {
        "description": words["kinds.amount"],
        "anyOf": [
            {"type": "number", "minimum": 0, "maximum": int(MAX_AMOUNT), "not": _NOT_NAN},
            {"type": "string", "pattern": money_pattern(), "patternErrorMessage": words["messages.amount"]},
        ],
        "examples": ["12000", "1.2万", 12000.5],
    }


def _zero_amount() -> dict[str, Any]:
    """An amount that rounds to 0.00 (for the rules that join fields)."""
    return {
        "anyOf": [
            {"type": "number", "exclusiveMaximum": float(HALF_FEN)},
            {"type": "string", "pattern": zero_money_pattern()},
        ]
    }


def _percent(words: dict[str, object], limit: int) -> dict[str, Any]:
    return {
        "description": str(words["kinds.percent"]).format(limit=limit),
        "anyOf": [
            {"type": "number", "minimum": 0, "maximum": limit, "not": _NOT_NAN},
            {
                "type": "string",
                "pattern": percent_pattern(limit),
                "patternErrorMessage": str(words["messages.percent"]).format(limit=limit),
            },
        ],
    }


_YEARS = rf"(?:{EARLIEST.year // 10}[{EARLIEST.year % 10}-9]|{EARLIEST.year // 100 + 1}[0-9]{{2}}|{LATEST.year})"
_MONTHS = r"(?:0[1-9]|1[0-2])"
DATE_PATTERN = rf"^{_YEARS}-{_MONTHS}-(?:0[1-9]|[12][0-9]|3[01])$"


def _month_or_day(words: dict[str, object]) -> dict[str, Any]:
    """A day, or only its month ("2026-09") when that is all a person remembers: case.MonthOrDay,
    which strips a month's surrounding spaces and reads it as the month's first day."""

    around = char_class(SPACES)
    message = words["messages.month_or_day"]
    return {
        "description": words["kinds.month_or_day"],
        "anyOf": [
            {"type": "string", "format": "date", "pattern": DATE_PATTERN, "patternErrorMessage": message},
            {"type": "string", "pattern": f"^{around}*{_YEARS}-{_MONTHS}{around}*$", "patternErrorMessage": message},
        ],
    }
# A lone half of a surrogate pair (which JSON can spell as \ud800) is not text at all.
_ANY_TEXT = r"^[^\ud800-\udfff]*$"
# What pydantic trims from the ends of a name: Unicode's White_Space (Rust's str::trim).
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def _name_pattern() -> str:
    """A name, once trimmed, is not empty and holds no character a screen would obey
    (controls.UNSAFE; case.no_controls refuses them), nor half a surrogate pair."""

    # Beyond the first plane only a few planes hold any (format characters, the tags).
    planes = itertools.chain(range(0x10000), range(0x11000, 0x1E000), range(0xE0000, 0xE0080))
    unsafe = frozenset(chr(c) for c in planes if not 0xD800 <= c <= 0xDFFF and UNSAFE.match(chr(c)))
    space = char_class(frozenset(WHITE_SPACE))
    allowed = "[^" + char_class(unsafe)[1:-1] + "\\ud800-\\udfff]"
    solid = "[^" + char_class(unsafe | frozenset(WHITE_SPACE))[1:-1] + "\\ud800-\\udfff]"
    return f"^{space}*{solid}(?:{allowed}*{solid})?{space}*$"


def _walk(node: Any, words: dict[str, object]) -> None:
    """Dates get their range, text its pattern, wherever they are."""
    if isinstance(node, list):
        for item in node:
            _walk(item, words)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "string" and node.get("format") == "date":
        node["pattern"] = DATE_PATTERN
        node["patternErrorMessage"] = words["messages.date"]
    elif node.get("type") == "string" and not ({"enum", "const", "format", "pattern"} & node.keys()):
        # Only names must hold something (case.Name); they are also the text that refuses controls.
        node["pattern"] = _name_pattern() if node.get("minLength", 0) >= 1 else _ANY_TEXT
        if node.get("minLength", 0) >= 1:
            node["patternErrorMessage"] = words["messages.text"]
    for value in node.values():
        _walk(value, words)


def _describe(model: dict[str, Any], name: str, words: dict[str, object]) -> None:
    if f"{name}.description" in words:
        model["description"] = words[f"{name}.description"]
    model.pop("title", None)
    for field, spec in model.get("properties", {}).items():
        spec.pop("title", None)
        # An amount's or a rate's own description (what may be written) follows the field's. A
        # field added to the model without words still gets the shared part; the tests ask for
        # the rest (tests/test_schema.py).
        shared = _shared_description(spec, words)
        text = str(words.get(f"{name}.{field}", ""))
        spec["description"] = _join(text, shared) if text and shared else text or shared
        if field in EXAMPLES.get(name, {}):
            spec["examples"] = EXAMPLES[name][field]


def _shared_description(spec: dict[str, Any], words: dict[str, object]) -> str:
    refs = [spec.get("$ref")] + [s.get("$ref") for s in spec.get("anyOf", [])]
    for ref in refs:
        if ref == "#/$defs/Amount":
            return str(words["kinds.amount"])
        if ref == "#/$defs/MonthOrDay":
            return str(words["kinds.month_or_day"])
        if ref and ref.startswith("#/$defs/Percent"):
            return str(words["kinds.percent"]).format(limit=ref.removeprefix("#/$defs/Percent"))
    formats = [spec.get("format")] + [s.get("format") for s in spec.get("anyOf", [])]
    return str(words["kinds.date"]) if "date" in formats else ""


def _join(first: str, second: str) -> str:
    """Two sentences: a space after English punctuation, none after Chinese."""
    return first + ("" if first.endswith(("。", "：", "；")) else " ") + second


def _given(field: str) -> dict[str, Any]:
    """The field is present and not null (null means left out)."""
    return {"required": [field], "properties": {field: {"not": {"type": "null"}}}}


def _debt_rules(debt: dict[str, Any], words: dict[str, object]) -> None:
    debt["description"] = _join(str(debt["description"]), str(words["Debt.rules"]))
    # Each rule on its own, so that an editor can say which one is broken.
    one_rate = {"oneOf": [_given("daily_rate_percent"), _given("annual_rate_percent")], "errorMessage": words["messages.rates"]}
    # Interest and penalties left out count as zero, which `properties` says by not applying.
    zero = {"$ref": "#/$defs/ZeroAmount"}
    nothing = {"required": ["principal"], "properties": {"principal": zero, "interest": zero, "penalties": zero}}
    debt["allOf"] = [one_rate, {"not": nothing, "errorMessage": words["messages.balance"]}]
    chosen = debt["properties"]["chosen"]
    chosen["description"] = _join(chosen["description"], _join(str(words["kinds.cannot"]), str(words["Debt.settlement"])))


def _settlement_needs_a_lump_sum(root: dict[str, Any], words: dict[str, object]) -> None:
    """With no lump sum (left out, or 0) no debt can aim for a settlement."""
    refused = {"not": {"const": "settlement"}, "errorMessage": words["messages.settlement"]}
    no_settlement = {"properties": {"chosen": refused}}
    root["if"] = {"properties": {"lump_sum": {"$ref": "#/$defs/ZeroAmount"}}}
    root["then"] = {"properties": {"debts": {"items": no_settlement}}}


def build(lang: str = "en") -> dict[str, Any]:
    """The schema, with its descriptions in `lang`."""
    words = table(lang, "schema")
    root = Case.model_json_schema()
    defs = root.pop("$defs", {})
    # The program reads and ignores "$schema" (Case drops it), so an answers file can carry it.
    root["properties"] = {"$schema": {"type": "string"}, **root["properties"]}
    used: set[str] = set()
    _link(root, used)
    _link(defs, used)
    for name, model in [*defs.items(), ("Case", root)]:
        if "properties" in model:
            _describe(model, name, words)
        else:
            model.pop("title", None)
    _walk(root, words)
    _walk(defs, words)
    _debt_rules(defs["Debt"], words)
    _settlement_needs_a_lump_sum(root, words)
    defs["Amount"] = _amount(words)
    defs["ZeroAmount"] = _zero_amount()
    for name in sorted(used - {"Amount"}):
        if name == "MonthOrDay":
            defs[name] = _month_or_day(words)
        else:
            defs[name] = _percent(words, int(name.removeprefix("Percent")))
    head = {"$schema": DIALECT, "title": words["title"], "description": words["description"]}
    return {**head, **root, "$defs": dict(sorted(defs.items()))}

