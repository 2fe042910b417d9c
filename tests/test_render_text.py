"""The plain-text and Markdown plans: the 80-column rule, the section order (their snapshots, one file
per section: tests/test_snapshots.py)."""

from __future__ import annotations

import re

import pytest
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_cases import full_plan, plan_for

from negotiator.render import markdown, text
from negotiator.render.blocks import Para, Table
from negotiator.render.payments import payments
from negotiator.render.sections import FULL_SCHEDULE_ROWS, sections
from negotiator.render.table import width
from negotiator.words import t

ESCAPE = re.compile(r"\x1b|\x9b")


def all_plans():
    for case in ("zh", "en"):
        for words_in in ("zh", "en"):
            yield f"case-{case} in {words_in}", plan_for(case, words_in)
    for lang in ("zh", "en"):
        yield f"full {lang}", full_plan(lang)


@pytest.mark.parametrize(("name", "plan"), list(all_plans()), ids=lambda x: x if isinstance(x, str) else "")
def test_no_line_wider_than_80_columns_and_no_escape_codes(name, plan):
    produced = text.render(plan)
    assert not ESCAPE.search(produced)
    assert produced.endswith("\n") and "\r" not in produced and "\t" not in produced
    for line in produced.splitlines():
        assert width(line) <= 80, f"{name}: {width(line)} columns: {line!r}"
        assert line == line.rstrip()


def test_a_table_too_wide_for_the_page_is_wrapped_not_cut():
    plan = plan_for("en")
    produced = text.render(plan)
    # "China Merchants Bank credit card" cannot share a row with four amounts in 80 columns.
    assert "China Merchants Bank" in produced
    for d in plan.numbers.debts:
        assert f"{d.balance:,.2f}" in produced


def section_titles(plan) -> list[str]:
    return [s.title for s in sections(plan)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sections_in_the_fixed_order(lang):
    plan = full_plan(lang)
    keys = [s.key for s in sections(plan)]
    assert keys == ["summary", "budget", "proposals", "schedule", "keeping", "checklist", "talking_points", "script",
                    "objections", "mistakes", "letter", "rights", "contact_log", "disclaimer"]
    produced = text.render(plan)
    positions = [produced.index(title) for title in section_titles(plan)]
    assert positions == sorted(positions)


def test_without_words_or_log_only_the_number_sections():
    # The real words may arrive with advice.py; without them only the numbers are drawn.
    bare = plan_for("zh")._replace(content=None, log=())
    assert [s.key for s in sections(bare)] == ["summary", "budget", "proposals", "schedule"]
    assert t("zh", "render.sections.contact_log") not in text.render(bare)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_checklist_has_a_box_for_every_item(lang):
    plan = full_plan(lang)
    c = plan.content.checklist
    produced = text.render(plan)
    assert produced.count("\n[ ] ") == len(c.before) + len(c.during) + len(c.after)
    assert markdown.render(plan).count("\n- [ ] ") == len(c.before) + len(c.during) + len(c.after)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_word_of_the_content_survives_wrapping(lang):
    """Wrapping only moves line breaks: with spaces and breaks removed, every paragraph is there."""
    plan = full_plan(lang)
    flat = re.sub(r"\s+", "", text.render(plan))
    c = plan.content
    paragraphs = [*c.checklist.before, *c.talking_points, *c.mistakes, c.disclaimer]
    paragraphs += [o.you_say for o in c.objections] + [r.text for r in c.rights] + [r.source for r in c.rights]
    paragraphs += [s.text for script in c.script for s in script.steps]
    paragraphs += [line for letter in c.letter for line in letter.text.split("\n")]
    paragraphs += [e.said for e in plan.log]
    for paragraph in paragraphs:
        assert re.sub(r"\s+", "", paragraph) in flat


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_agreed_schedule_replaces_the_recommended_one(lang):
    plan = full_plan(lang)
    produced = text.render(plan)
    first = plan.numbers.debts[0]
    assert t(lang, "render.sections.agreed_schedule") in produced
    assert t(lang, "render.schedule.agreed_heading", lender=first.lender, kind=t(lang, "labels.kinds.instalments")) in produced
    assert t(lang, "render.schedule.heading", lender=first.lender, kind=t(lang, f"labels.kinds.{first.ladder.target.kind.value}")) not in produced
    assert "350.55" in produced and "4,907.70" in produced  # 14 x 350.55
    assert "2027-01-31" in produced and "2028-02-29" in produced  # first and last due, end of month kept


def schedule_section(produced: str, plan, lang: str) -> str:
    start = produced.index(t(lang, "render.sections.schedule"))
    end = produced.index(t(lang, "render.sections.checklist")) if plan.content else len(produced)
    return produced[start:end]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_schedule_amounts_are_exact(lang):
    """Grouped or not, every payment amount and every due date in the schedule section are the
    engine's, and each instalment is accounted for once."""
    plan = plan_for(lang)
    part = schedule_section(text.render(plan), plan, lang)
    for pay in payments(plan):
        rows = pay.schedule.rows
        assert f"{pay.schedule.total_payable:,.2f}" in part
        for row in rows:
            assert f"{row.payment:,.2f}" in part
        if len(rows) > FULL_SCHEDULE_ROWS:
            assert rows[0].due.isoformat() in part and rows[-1].due.isoformat() in part
        else:
            for row in rows:
                assert row.due.isoformat() in part


def test_short_schedule_is_shown_row_by_row():
    plan = full_plan("en")
    plan = plan._replace(agreements=(plan.agreement.model_copy(update={"months": 3}),))
    produced = text.render(plan)
    for due in ("2027-01-31", "2027-02-28", "2027-03-31"):
        assert due in produced
    assert "701.10" in produced  # remaining after the first of three payments of 350.55


def test_markdown_has_headings_tables_and_escapes_user_text():
    plan = full_plan("en")
    produced = markdown.render(plan)
    assert produced.startswith("# ")
    assert "\n## " in produced and "\n### " in produced
    assert "| ---: |" in produced or "---: |" in produced
    # A person's own words never become formatting.
    assert r"\[bold\]never give SMS codes\[/bold\] \| \*never\*" in produced
    assert "\x1b" not in produced


def test_markdown_escapes_list_markers_and_emphasis_in_user_text():
    assert markdown.escape("1. first") == "1\\. first"
    assert markdown.escape("- dash") == "\\- dash"
    assert markdown.escape("a_b*c`d") == "a\\_b\\*c\\`d"
    assert markdown.escape("12.50 元，共 3 期") == "12.50 元，共 3 期"


names = st.text(alphabet="招商银行信用卡花呗借呗abcdefghij XYZ（）-", min_size=1, max_size=100).filter(lambda s: s.strip())
amounts = st.decimals(min_value=1, max_value=100_000_000, places=2)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(names, amounts), min_size=1, max_size=3), amounts, st.sampled_from(["zh", "en"]))
def test_any_names_and_amounts_stay_within_80_columns(debts, income, lang):
    from negotiator.plan import build_plan

    base = plan_for("zh").case
    case = base.model_copy(update={
        "income": [base.income[0].model_copy(update={"source": debts[0][0][:100], "monthly": income})],
        "debts": [base.debts[i % 3].model_copy(update={"lender": name, "principal": amount}) for i, (name, amount) in enumerate(debts)],
    })
    produced = text.render(build_plan(case, lang))
    for line in produced.splitlines():
        assert width(line) <= 80, line


def test_the_summary_marks_a_target_above_the_walk_away() -> None:
    """The Chinese example's Huabei and Jiebei targets are above their walk-aways; the card's fits."""
    plan = plan_for("zh")
    summary = sections(plan)[0]
    table = next(b for b in summary.blocks if isinstance(b, Table))
    assert [row[-1] for row in table.rows] == ["*" if not d.ladder.target.within_usual_terms else "" for d in plan.numbers.debts] == ["*", "*", ""]
    assert Para(t("zh", "render.summary.above_walk_away")) in summary.blocks
    assert "370.47  *" in text.render(plan)


def test_the_summary_has_no_mark_when_every_target_fits() -> None:
    plan = plan_for("en")
    assert all(d.ladder.target.fits for d in plan.numbers.debts)
    summary = sections(plan)[0]
    table = next(b for b in summary.blocks if isinstance(b, Table))
    assert len(table.headers) == 5 and all(len(row) == 5 for row in table.rows)
    assert Para(t("en", "render.summary.above_walk_away")) not in summary.blocks
