"""The terminal view: rich drawn into a fixed 80-column console, Chinese aligned, NO_COLOR honoured."""

from __future__ import annotations

import io
import re
import sys

import pytest
from render_cases import full_plan, plan_for
from rich.cells import cell_len
from rich.console import Console

from negotiator.render import terminal
from negotiator.words import t

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def colour_codes(output: str) -> list[str]:
    """SGR parameters that set a colour (foreground or background, any palette)."""
    found = []
    for params in SGR.findall(output):
        for p in params.split(";"):
            if p and (30 <= int(p) <= 49 or 90 <= int(p) <= 107):
                found.append(params)
    return found


def drawn(plan, **options) -> str:
    console = Console(width=80, file=io.StringIO(), highlight=False, **options)
    terminal.draw(plan, console)
    return console.file.getvalue()


PLANS = {"case-zh": lambda: plan_for("zh"), "case-en": lambda: plan_for("en"), "case-zh-in-en": lambda: plan_for("zh", "en"),
         "full-zh": lambda: full_plan("zh"), "full-en": lambda: full_plan("en")}


@pytest.mark.parametrize("name", list(PLANS))
def test_no_line_wider_than_80_and_boxes_closed(name):
    output = drawn(PLANS[name]())
    assert "\x1b" not in output  # a console writing to a string is not a terminal
    lines = output.splitlines()
    for line in lines:
        assert cell_len(line) <= 80, f"{cell_len(line)}: {line!r}"
    # Every line inside a panel ends on its right border at column 80: Chinese counted as two.
    framed = [line for line in lines if line.startswith(("│", "║"))]
    assert framed and all(cell_len(line) == 80 and line.endswith(("│", "║")) for line in framed)


def test_chinese_table_columns_line_up():
    """In each proposals table the APR column ends at the same display column on every row, though
    the rows mix Chinese names (two columns a character) and digits."""
    lines = drawn(plan_for("zh")).splitlines()
    kinds = [t("zh", f"labels.kinds.{k}") for k in ("extension", "instalments", "waiver_instalments", "settlement")]
    tables, current = [], []
    for line in lines:
        # a proposal row: a kind's name and an APR; not the buffer line nor a sentence of the rights
        if re.search(r"\d%", line) and "（" not in line and any(k in line for k in kinds):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    assert len(tables) == 3 and all(len(rows) == 3 for rows in tables)
    for rows in tables:
        assert len({cell_len(line[: line.index("%") + 1]) for line in rows}) == 1, rows


def test_checklist_has_a_check_box_per_item():
    plan = full_plan("en")
    c = plan.content.checklist
    assert drawn(plan).count("☐") == len(c.before) + len(c.during) + len(c.after)


def test_user_words_are_not_read_as_markup():
    output = drawn(full_plan("en"))
    assert "[bold]never give SMS codes[/bold]" in output


def test_colours_on_a_colour_terminal(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    output = drawn(plan_for("zh"), force_terminal=True, color_system="truecolor")
    assert colour_codes(output), "the check below would prove nothing if no colour were ever drawn"


def test_no_color_is_honoured(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    output = drawn(plan_for("zh"), force_terminal=True, color_system="truecolor")
    assert "\x1b[" in output  # still a terminal (bold is allowed) ...
    assert colour_codes(output) == []  # ... but no colour


def test_render_returns_the_terminal_drawing_and_honours_no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    output = terminal.render(plan_for("en"))
    assert "╭" in output and colour_codes(output) == []
    plain = SGR.sub("", output)
    assert all(cell_len(line) <= 80 for line in plain.splitlines())


@pytest.mark.subprocess
def test_text_paths_do_not_import_rich(tmp_path):
    """The plain text, Markdown and calendar forms are drawn without rich (startup speed)."""
    import subprocess

    code = (
        "import sys\n"
        "from negotiator.answers.file import load_answers\n"
        "from negotiator.plan import build_plan\n"
        "from negotiator.render import text, markdown, ics\n"
        "from pathlib import Path\n"
        "p = build_plan(load_answers(Path(sys.argv[1])))\n"
        "text.render(p); markdown.render(p); ics.render(p)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'questionary', 'prompt_toolkit')))\n"
    )
    from conftest import EXAMPLES, SRC

    result = subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "case-zh.json")], capture_output=True, text=True,
                            env={"PYTHONPATH": str(SRC), "PATH": "", "NEGOTIATOR_HOME": str(tmp_path)}, check=True)
    assert result.stdout.strip() == "[]"
