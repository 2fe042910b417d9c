"""plan, calc, schema and --version through the real command line."""

from __future__ import annotations

import json
from decimal import Decimal as D

from conftest import EXAMPLES

from negotiator.words import t

MONEY_KEYS = ("monthly_payment", "total_payable", "total_cost", "apr")


def is_money(text: str) -> bool:
    return isinstance(text, str) and D(text).as_tuple().exponent == -2


def test_plan_json_contract(run_cli):
    result = run_cli("plan", "--answers", str(EXAMPLES / "case-en.json"), "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc["budget"]) >= {"income", "essentials", "priority", "surplus", "buffer", "available"}
    assert doc["budget"]["available"] == "2475.00"
    assert [d["lender"] for d in doc["debts"]] == ["Huabei", "China Merchants Bank credit card", "Online lender"]
    for debt in doc["debts"]:
        assert set(debt) >= {"lender", "balance", "share", "recommended", "ladder", "proposals"}
        assert set(debt["ladder"]) == {"opening", "target", "walk_away", "walk_away_once", "usual_terms"}
        assert debt["recommended"]["reason"]
        for p in debt["proposals"]:
            assert all(is_money(p[k]) for k in MONEY_KEYS)
            assert isinstance(p["fits"], bool) and isinstance(p["months"], int)
            rows = p["schedule"]
            assert len(rows) == p["months"]
            assert set(rows[0]) == {"n", "due", "payment", "principal", "interest", "remaining"}
            assert sum(D(r["payment"]) for r in rows) == D(p["total_payable"])


def test_plan_lang_switch_keeps_numbers(run_cli):
    zh = json.loads(run_cli("plan", "-a", str(EXAMPLES / "case-en.json"), "-f", "json", "--lang", "zh").stdout)
    en = json.loads(run_cli("plan", "-a", str(EXAMPLES / "case-en.json"), "-f", "json").stdout)
    assert zh["language"] == "zh" and en["language"] == "en"
    assert zh["budget"] == en["budget"]
    assert zh["debts"][0]["recommended"]["reason"] != en["debts"][0]["recommended"]["reason"]


def test_plan_named_field_on_bad_input(run_cli, tmp_path):
    data = json.loads((EXAMPLES / "case-en.json").read_text("utf-8"))
    data["debts"][1]["principal"] = "-5"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    result = run_cli("plan", "--answers", str(bad), "--format", "json")
    assert result.returncode == 2
    assert "debts[1].principal: " + t("en", "errors.field.money_negative") in result.stderr
    assert "Traceback" not in result.stderr


def test_calc_json(run_cli):
    result = run_cli("calc", "--amount", "12000", "--months", "24", "--method", "annuity", "--annual-rate-percent", "18", "--budget", "600", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["months"] == 24
    assert doc["monthly_payment"] == "599.09"
    assert doc["fits"] is True
    assert sum(D(r["principal"]) for r in doc["schedule"]) == D("12000.00")
    assert D(doc["total_cost"]) == D(doc["total_payable"]) - D("12000")
    assert doc["apr"] == "18.00"


def test_calc_text_accepts_typed_amounts(run_cli):
    result = run_cli("calc", "--amount", "1.2万", "--months", "12", "--method", "flat_fee", "--fee-percent", "0.6", "--budget", "1000", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "1,072.00" in result.stdout and "13.03%" in result.stdout
    assert t("en", "labels.calc.does_not_fit", budget="1,000.00") in result.stdout
    assert "\x1b[" not in result.stdout


def test_calc_bad_option_names_it(run_cli):
    result = run_cli("calc", "--amount", "abc", "--months", "12", "--lang", "en")
    assert result.returncode == 2 and result.stderr.startswith("--amount:")


def test_schema_and_version(run_cli):
    schema = json.loads(run_cli("schema").stdout)
    assert "debts" in schema["properties"] and "hardship" in schema["required"]
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("negotiator ")
