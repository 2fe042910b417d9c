"""One stance per lender: every command quotes the same figures and the same posture for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import example_answers, write_answers

FIGURES = ("posture", "share", "walk_away", "most_at_once", "target", "opening", "agreed", "promise")


def five_postures(lang: str) -> dict:
    """The example with five lenders, one in each posture once `Agreed co` has its agreement."""
    data = example_answers(lang)
    huabei, card, loan = data["debts"]
    data["debts"] = [
        huabei,  # ordinary
        {**card, "lender": "Court bank", "stage": "lawsuit", "principal": "20000"},
        {**loan, "lender": "Old loan", "days_overdue": 1500},
        {**loan, "lender": "Settle co", "chosen": "settlement", "principal": "6000"},
        {**huabei, "lender": "Agreed co", "kind": "jiebei", "principal": "5000"},
    ]
    data["lump_sum"] = "3000"
    return data


def save_five(run_cli, folder: Path, lang: str = "en", name: str = "five") -> None:
    path = write_answers(folder / f"{name}.json", five_postures(lang))
    assert run_cli("new", "--answers", str(path), "--name", name).returncode == 0
    done = run_cli("agree", name, "--lender", "Agreed co", "--kind", "instalments", "--months", "24", "--monthly", "190", "--first-due", "2099-01-10")
    assert done.returncode == 0, done.stderr


def stances(run_cli, name: str) -> dict[str, dict]:
    doc = json.loads(run_cli("show", name, "--format", "json").stdout)
    return {d["lender"]: d["stance"] for d in doc["debts"]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_posture_is_worked_out_once(run_cli, tmp_path, lang):
    save_five(run_cli, tmp_path, lang)
    found = [s["posture"] for s in stances(run_cli, "five").values()]
    assert found == ["ordinary", "lawsuit", "old", "settling", "agreed"]


def test_show_offer_and_practice_give_every_lender_the_same_figures(run_cli, tmp_path):
    save_five(run_cli, tmp_path)
    shown = stances(run_cli, "five")
    assert shown["Agreed co"]["walk_away"] == "190.00"
    for lender, expected in shown.items():
        offered = json.loads(run_cli("offer", "five", "12 x 100", "--lender", lender, "--format", "json").stdout)
        practised = json.loads(run_cli("practice", "five", "--lender", lender, "--seed", "1", "--format", "json", input="").stdout)
        for figure in FIGURES:
            assert offered["stance"][figure] == expected[figure], (lender, figure)
            assert practised["stance"][figure] == expected[figure], (lender, figure)


def test_an_old_debt_has_no_figures_to_offer(run_cli, tmp_path):
    save_five(run_cli, tmp_path)
    old = stances(run_cli, "five")["Old loan"]
    assert old["walk_away"] == old["most_at_once"] == "0.00"
    assert old["target"] is None and old["opening"] is None and old["promise"] is None


def test_a_lender_is_matched_by_one_rule():
    from negotiator.planning.stance import find_lender, same_lender

    assert same_lender(" Huabei ", "huabei") and not same_lender("Huabei", "Jiebei")
    assert find_lender("HUABEI", ["Jiebei", "huabei"]) == "huabei"
    assert find_lender("nobody", ["Jiebei"]) is None
