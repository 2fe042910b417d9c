"""calc, cases and log list fit the window ($COLUMNS) down to 60 columns: words wrapped, tables
stacked rather than cut, no Chinese line starting with closing punctuation."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

from negotiator.render.table import width

NO_START = tuple("。，）：、")


def fits(text: str, columns: int) -> None:
    for line in text.splitlines():
        assert width(line) < columns, line
        assert not line.lstrip().startswith(NO_START), line


@pytest.mark.parametrize("columns", [60, 100])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_case_commands_fit(run_cli, lang: str, columns: int) -> None:
    env = {"COLUMNS": str(columns)}
    assert run_cli("new", "--answers", str(EXAMPLES / f"case-{lang}.json"), "--name", "c").returncode == 0
    said = "对方说如果这周五之前不还清全部欠款，就会联系我的家人和单位，还一直重复这句话，不肯说清楚后果。" if lang == "zh" else (
        "They asked for the whole balance by Friday and would not say what happens otherwise; they kept repeating it.")
    assert run_cli("log", "add", "c", "--channel", "phone", "--said", said).returncode == 0
    for args in (("log", "list", "c"), ("cases",),
                 ("calc", "--amount", "12000", "--months", "12", "--method", "equal_principal", "--annual-rate-percent", "18",
                  "--budget", "900", "--lang", lang)):
        done = run_cli(*args, **env)
        assert done.returncode == 0, done.stderr
        fits(done.stdout, columns)
