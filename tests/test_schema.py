"""The published JSON Schema (`negotiator schema`) refuses what `negotiator plan` refuses, so an
editor underlines a mistake while the answers file is typed.

Checked with the `jsonschema` package, Draft 2020-12, with format checking on (`format: date` is
checked by jsonschema itself with the standard library; the `jsonschema[format]` extra adds
checkers for other formats, none of which the schema uses).

What a schema cannot say is kept short and written down here, in CANNOT_EXPRESS; each entry is
also in the description of its field, so an editor shows it.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import stat
import subprocess
import unicodedata
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from conftest import EXAMPLES, example_answers, examples, leaf_paths, write_answers
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from negotiator.answers import schema as answers_schema
from negotiator.answers import spellings
from negotiator.answers.case import _percent
from negotiator.answers.file import case_from_data
from negotiator.core.errors import BadInput
from negotiator.core.money import AmountError, parse_amount

CORPUS = Path(__file__).parent / "bad_inputs"

# Files that are not JSON at all: an editor reports them as broken before any schema applies.
NOT_JSON = {"broken_json_trailing_comma", "empty", "truncated", "whitespace_only", "not_utf8_gbk"}

# Files of the corpus refused for a rule that no JSON Schema can state: file -> the rule. None
# today. The one such rule known is that a settlement needs a lump sum of at least 0.01% of all
# the balances together (a schema cannot add numbers up); the schema refuses a settlement with a
# lump sum of 0 and leaves the rest to the program: test_the_rule_a_schema_cannot_state.
CANNOT_EXPRESS: dict[str, str] = {
    # JSON Schema sees an object after it is read, when one of the two values is already gone.
    "duplicate_key": "a field given twice in one object",
}


def _integer(text: str) -> int | float:
    # Python will not read an integer of more than 4300 digits; an editor reads it as a double.
    return int(text) if len(text) <= 30 else float(text)


def as_editor_reads(raw: bytes):
    """The file's JSON value with numbers as doubles, as an editor reads it. NaN and Infinity,
    which no editor's JSON allows but Python's reader lets through, are read too, so the schema is
    tried on them as well."""
    return json.loads(raw.decode("utf-8-sig"), parse_int=_integer)


@pytest.fixture(scope="module")
def schema():
    return json.loads(json.dumps(answers_schema.build("en")))


@pytest.fixture(scope="module")
def validator(schema):
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def program_refuses(data) -> bool:
    """Whether `negotiator plan` refuses these answers (validation, then the numbers)."""
    from negotiator.planning.engine import plan_numbers

    try:
        plan_numbers(case_from_data(data))
    except BadInput:
        return True
    return False


# ---- the bad-input corpus -------------------------------------------------------------------------


def corpus_names() -> list[str]:
    return sorted(p.stem for p in CORPUS.glob("*.json"))


def test_files_that_are_not_json_are_known():
    """A new file in the corpus is either JSON (and checked below) or listed in NOT_JSON."""
    broken = set()
    for name in corpus_names():
        try:
            as_editor_reads((CORPUS / f"{name}.json").read_bytes())
        except (UnicodeDecodeError, json.JSONDecodeError):
            broken.add(name)
    assert broken == NOT_JSON


def program_refuses_file(path: Path) -> bool:
    from negotiator.answers.file import load_answers
    from negotiator.planning.engine import plan_numbers

    try:
        plan_numbers(load_answers(path))
    except BadInput:
        return True
    return False


@pytest.mark.parametrize("name", [n for n in corpus_names() if n not in NOT_JSON])
def test_the_schema_refuses_what_the_program_refuses(validator, name):
    path = CORPUS / f"{name}.json"
    assert program_refuses_file(path)  # what the corpus is for; tests/test_bad_inputs.py says how
    data = as_editor_reads(path.read_bytes())
    errors = list(validator.iter_errors(data))
    if name in CANNOT_EXPRESS:
        assert not errors, f"{name} is refused by the schema now: take it off CANNOT_EXPRESS"
    else:
        assert errors, f"the schema accepts {name}.json, which negotiator plan refuses"


def test_nan_and_infinity_written_as_numbers_are_refused(validator):
    """Python reads NaN and Infinity; NaN passes every bound, so the schema refuses it on purpose."""
    data = json.loads((EXAMPLES / "case-en.json").read_text("utf-8"))
    for value in (float("nan"), float("inf"), float("-inf")):
        for path in (("debts", 0, "principal"), ("buffer_percent",), ("debts", 1, "annual_rate_percent")):
            changed = copy.deepcopy(data)
            node = changed
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
            assert not validator.is_valid(changed), (path, value)


# ---- what must pass ---------------------------------------------------------------------------------


STARTERS = Path(answers_schema.__file__).parent / "starter"


# The examples of this checkout and the starter files `negotiator example` writes.
@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")) + sorted(STARTERS.glob("*.json")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_example_passes_and_points_to_the_schema(validator, path):
    data = as_editor_reads(path.read_bytes())
    assert data["$schema"] == answers_schema.FILE_NAME
    assert list(validator.iter_errors(data)) == []


ODD_BUT_VALID = [
    (("debts", 0, "daily_rate_percent"), "1e-999999"),
    (("debts", 0, "penalties"), "-0"),
    (("lump_sum",), "0.000001"),
    (("debts", 1, "max_months"), 1),
    (("plan_date",), None),
    (("debts", 0, "principal"), "１２，０００元"),
    (("debts", 0, "principal"), " ¥ 1.2万 "),
    (("debts", 0, "principal"), 100000000),
    (("debts", 0, "principal"), "100,000,000.00"),
    (("debts", 0, "principal"), "1w"),
    (("buffer_percent",), "50%"),
    (("buffer_percent",), "0"),
    (("debts", 1, "annual_rate_percent"), 400),
    (("hardship", "since"), "1990-01-01"),
    (("plan_date",), "2100-12-31"),
    (("debts", 0, "interest"), "0.004"),
    (("lump_sum",), "1.2万"),
    (("debts", 0, "chosen"), "settlement"),  # with the lump sum above (see the test)
]


@pytest.mark.parametrize(("path", "value"), ODD_BUT_VALID)
def test_odd_but_valid_values_pass_both(validator, path, value):
    data = json.loads((EXAMPLES / "case-en.json").read_text("utf-8"))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    if path == ("debts", 0, "chosen"):
        data["lump_sum"] = "1.2万"
    assert not program_refuses(data)
    assert list(validator.iter_errors(data)) == []


def test_the_rule_a_schema_cannot_state(validator, schema):
    """A lump sum too small to offer anyone 0.01%: the program refuses a settlement, the schema
    cannot tell, and says so in the field's description."""
    data = json.loads((EXAMPLES / "case-en.json").read_text("utf-8"))
    data["lump_sum"] = "0.01"
    data["debts"][0]["chosen"] = "settlement"
    assert program_refuses(data)
    assert validator.is_valid(data)
    words = answers_schema.table("en", "schema")
    assert words["Debt.settlement"] in schema["$defs"]["Debt"]["properties"]["chosen"]["description"]
    assert "0.01%" in str(words["Debt.settlement"])


# ---- every field, every awkward value -------------------------------------------------------------


EXAMPLE = json.loads((EXAMPLES / "case-en.json").read_text("utf-8"), parse_float=Decimal)
# The optional fields too, so that each is tried.
EXAMPLE["debts"][2] |= {"last_payment_date": "2024-01-05", "last_demand_date": "2026-10-15", "max_months": 24, "chosen": "instalments"}
EXAMPLE["hardship"]["expected_months"] = 6
AWKWARD = [
    None, True, 0, -1, 1, 121, 36501, Decimal("40.5"), Decimal("0.004"), "", " ", "abc", "NaN", "Infinity",
    "-0", "-5", "1e5", "1e999", "0.000001", "1.2万", "10001万", "100000001", "3k", "50%", "401", "1.5",
    10**40, Decimal("1E+400"), float("nan"), float("inf"), [], {}, "2026-02-30", "1989-12-31", "2101-01-01",
    "2026-11-28", "settlement", "huabei", "x" * 101, "\ud800", "zh", 50, Decimal("50.01"), 400,
    "Bank\u202eknaB", "a\tb", " \tBank\n", "\u200bBank", "2026-09", " 2026-09 ", "2026-13", "1989-12", "2026-9",
]


@pytest.mark.parametrize("path", [p for p in leaf_paths(EXAMPLE) if p != ("$schema",)], ids=lambda p: ".".join(map(str, p)))
def test_every_field_with_awkward_values(validator, path):
    """Each field of the example set in turn to each awkward value: what the program refuses, the
    schema refuses."""
    missed = []
    for value in AWKWARD:
        data = copy.deepcopy(EXAMPLE)
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        if program_refuses(data) and validator.is_valid(data):
            missed.append(value)
    assert missed == []


@pytest.mark.parametrize("field", ["daily_rate_percent", "annual_rate_percent"])
def test_exactly_one_rate(validator, field):
    data = copy.deepcopy(EXAMPLE)
    both = data["debts"][0] | {"annual_rate_percent": "18", "daily_rate_percent": "0.05"}
    for debt, verdict in [(both, False), ({k: v for k, v in both.items() if "rate" not in k}, False),
                          (both | {field: None}, True)]:
        data["debts"][0] = debt
        assert validator.is_valid(data) is verdict
        assert program_refuses(data) is not verdict


# ---- the spellings: what a pattern takes the program reads; what people type, the pattern takes ------

# Characters that matter to the readers, and some that must not get through.
ALPHABET = list("0123456789.,_ -+%％eE元块钱万千kKwWrmbRMBcny¥￥１０，．＿\t\n") + ["\u3000", "\u00a0", "٣", "𝟓", "①", "x", "\u2028", "亿"]
# Read by the program but left out of the patterns (see spellings.py): other scripts' digits, ①
# for 1, a no-break space inside a figure. A text without them is read by both alike.
LEFT_OUT = {"\u00a0", "٣", "𝟓", "①"}
WORDS = ["12000", "1,200.50", "1.2万", "¥12000", "12000元", "3k", "100000000", "10000万", "100000k", "0.005", "50", "400", "1"]
texts = st.one_of(
    st.text(st.sampled_from(ALPHABET), min_size=1, max_size=10),
    st.tuples(st.sampled_from(WORDS), st.text(st.sampled_from(ALPHABET), max_size=2), st.sampled_from(WORDS + [""])).map("".join),
)


def amount_or_none(text: str):
    try:
        return parse_amount(text)
    except AmountError:
        return None


@settings(max_examples=examples(3000), deadline=None)
@given(texts)
def test_amount_pattern_is_the_reader(text):
    value = amount_or_none(text)
    amount, zero = bool(re.search(spellings.money_pattern(), text)), bool(re.search(spellings.zero_money_pattern(), text))
    assert not amount or value is not None, text  # what the schema takes, the program reads
    assert not zero or value == 0, text
    if not LEFT_OUT & set(text):
        assert amount == (value is not None), value
        assert zero == (value == 0), value


def test_what_people_type_is_taken():
    for text in ["12000", "１２，０００", "￥１２０００", "1.2万", "RMB 500", "3K", "\u3000 800 ", "12000元", "2千块钱", "0"]:
        assert re.search(spellings.money_pattern(), text), text
    for text in ["18.25", "１８.２５", "0.05%", " 24 ％", "1e-3"]:
        assert re.search(spellings.percent_pattern(50), text), text
    assert not re.search(spellings.percent_pattern(50), "50.01")


@settings(max_examples=examples(3000), deadline=None)
@given(texts, st.sampled_from([1, 50, 400]))
def test_rate_pattern_is_the_reader(text, limit):
    try:
        value = _percent(limit)(text)
    except PydanticCustomError:
        value = None
    matched = bool(re.search(spellings.percent_pattern(limit), text))
    assert not matched or value is not None, text  # what the schema takes, the program reads
    if value is not None and not matched and LEFT_OUT & set(text):
        pass  # read by the program, left out of the pattern (on the safe side)
    elif value is not None and not matched:
        # Known and on the safe side: a positive exponent cannot be compared with a bound, and a
        # number above the bound brought under it by a negative exponent is not looked into.
        assert positive_exponent(text) or mantissa_above(text, limit), text
    else:
        assert matched == (value is not None), text


def mantissa_above(text: str, limit: int) -> bool:
    """'12000e-12000' at a bound of 1: the number before the exponent is above the bound."""
    from decimal import Decimal, InvalidOperation

    plain = "".join(str(unicodedata.decimal(c)) if unicodedata.decimal(c, None) is not None else c for c in text if c != "_")
    before = re.split(r"[eE]", plain.strip().rstrip("%％").strip().lstrip("+"))[0]
    try:
        return "e" in plain.lower() and Decimal(before) > limit
    except InvalidOperation:
        return False


def positive_exponent(text: str) -> bool:
    plain = "".join(str(unicodedata.decimal(c)) if unicodedata.decimal(c, None) is not None else c for c in text if c != "_")
    return re.search(r"[eE]\+?0*[1-9]", plain) is not None


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the patterns as an editor does")
@pytest.mark.subprocess
def test_patterns_mean_the_same_to_an_editor(tmp_path):
    """Editors run patterns as ECMA-262 regular expressions (with the u flag); Python's re and
    JavaScript must agree on each. Older editors leave the flag off: the patterns must compile
    there too."""
    patterns = [spellings.money_pattern(), spellings.zero_money_pattern(), spellings.percent_pattern(50),
                answers_schema.DATE_PATTERN]
    samples = WORDS + ["１２，０００", " 8 ", "1e5", "-0", "5%", "abc", "2026-02-28", "2101-01-01", "𝟓", "٣", "\u3000 1k"]
    (tmp_path / "in.json").write_text(json.dumps({"patterns": patterns, "samples": samples}), "utf-8")
    script = (
        "const d=JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'));"
        "console.log(JSON.stringify(d.patterns.map(p=>{new RegExp(p);const r=new RegExp(p,'u');return d.samples.map(s=>r.test(s))})))"
    )
    done = subprocess.run(["node", "-e", script, str(tmp_path / "in.json")], check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    expected = [[bool(re.search(p, s)) for s in samples] for p in patterns]
    assert json.loads(done.stdout) == expected


# ---- words and examples on every field --------------------------------------------------------------


def properties(schema):
    yield "(root)", schema["properties"]
    for name, model in schema["$defs"].items():
        if "properties" in model:
            yield name, model["properties"]


def test_every_field_is_described_with_its_chinese_term_and_an_example(schema):
    """What an editor shows on hover: words, the glossary's Chinese term, an example; examples
    and defaults (which an editor offers to fill in) are valid themselves."""
    words = answers_schema.table("en", "schema")
    resolver_schema = copy.deepcopy(schema)
    for model, fields in properties(schema):
        for field, spec in fields.items():
            where = f"{model}.{field}"
            assert f"{'Case' if model == '(root)' else model}.{field}" in words, f"{where}: no words in content/*/schema.toml"
            assert spec.get("description"), where
            assert re.search(r"[\u4e00-\u9fff]", spec["description"]), f"{where}: no Chinese term"
            assert spec.get("examples"), where
            check = jsonschema.Draft202012Validator({"$defs": resolver_schema["$defs"], **spec},
                                                    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
            for example in spec["examples"] + ([spec["default"]] if "default" in spec else []):
                assert check.is_valid(example), (where, example)


def test_descriptions_in_chinese_too(schema):
    zh = answers_schema.build("zh")
    assert zh["$defs"]["Hardship"]["description"].startswith("困难情况")
    assert zh["properties"]["debts"]["description"] != schema["properties"]["debts"]["description"]
    # The rules are the same whatever the language of the words.
    assert zh["$defs"]["Debt"]["allOf"][0]["oneOf"] == schema["$defs"]["Debt"]["allOf"][0]["oneOf"]


# ---- the command --------------------------------------------------------------------------------------


def test_schema_command_prints_the_built_schema(run_cli):
    done = run_cli("schema")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(json.dumps(answers_schema.build("en")))


def test_schema_saved_with_o_owner_only_and_never_over_a_file(run_cli, tmp_path):
    target = tmp_path / answers_schema.FILE_NAME
    assert run_cli("schema", "-o", str(target)).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    first = target.read_text("utf-8")
    assert json.loads(first)["$schema"] == answers_schema.DIALECT
    target.write_text("mine", "utf-8")
    refused = run_cli("schema", "-o", str(target))
    assert refused.returncode == 2 and "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert target.read_text("utf-8") == "mine"
    assert run_cli("schema", "-o", str(target), "--force").returncode == 0
    assert target.read_text("utf-8") == first


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_starter_file_passes_the_schema(run_cli, tmp_path, validator, lang):
    """`negotiator example` writes a file that names the saved schema and passes it."""
    path = tmp_path / "answers.json"
    assert run_cli("example", "--lang", lang, "-o", str(path)).returncode == 0
    data = as_editor_reads(path.read_bytes())
    assert data["$schema"] == answers_schema.FILE_NAME
    assert list(validator.iter_errors(data)) == []


def test_an_answers_file_with_schema_key_plans(run_cli, tmp_path):
    data = example_answers("zh")
    data["$schema"] = "https://example.invalid/anything.json"
    answers = write_answers(tmp_path / "a.json", data)
    done = run_cli("plan", "--answers", str(answers), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "$schema" not in done.stdout


# ---- whole files, changed at random ------------------------------------------------------------------

LEAVES = [p for p in leaf_paths(EXAMPLE) if p != ("$schema",)]
VALUES = st.one_of(
    st.sampled_from(AWKWARD),
    st.integers(min_value=-2, max_value=10**9),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-1, max_value=10**9),
    st.text(st.sampled_from(ALPHABET), max_size=6),
    st.dates().map(lambda d: d.isoformat()),
)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LEAVES), VALUES, st.booleans()), min_size=1, max_size=3))
def test_a_file_the_program_refuses_the_schema_refuses(validator, changes):
    """Up to three fields of the example changed or (sometimes) left out: whatever the program
    refuses, the schema refuses."""
    data = copy.deepcopy(EXAMPLE)
    for path, value, drop in changes:
        node = data
        try:
            for key in path[:-1]:
                node = node[key]
            if drop and isinstance(node, dict):
                node.pop(path[-1], None)
            else:
                node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # a field above it was changed or left out already
    if program_refuses(data):
        assert not validator.is_valid(data)
