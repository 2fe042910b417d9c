"""Every malformed answers file and every bad calc flag ends the same calm way: exit code 2, a
message of a few lines on standard error that names the field or option, no traceback, no hang.

The files in tests/bad_inputs/ are examples/case-en.json with one thing broken (see the README
there); the very large and very deep ones are made at run time so the repository stays small.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, sentence

CORPUS = Path(__file__).parent / "bad_inputs"
TIMEOUT = 30

# file -> what the message must name (the field, or for a file that cannot be read, the file).
EXPECTED = {
    "amount_bool": "income[0].monthly",
    "amount_grouping": "debts[0].penalties: has a comma or space in the wrong place",
    "amount_null": "debts[0].principal",
    "amount_object": "debts[0].principal",
    "amount_words": "debts[0].penalties",
    "both_rates": "debts[0]: give exactly one",
    "broken_json_trailing_comma": "not valid JSON at line 66",
    "buffer_percent_negative": "buffer_percent: must not be negative",
    "buffer_percent_over_50": "buffer_percent: must be at most 50",
    "buffer_percent_text": "buffer_percent: must be a number from 0 to 50",
    "category_misspelt": "expenses[1].category: must be one of",
    "cause_misspelt": "hardship.cause: must be one of",
    "chosen_misspelt": "debts[0].chosen: must be one of",
    "chosen_settlement_without_lump_sum": "debts[0].chosen",
    "date_impossible": "hardship.since: must be a real date",
    "date_month_13": "plan_date: must be a real date",
    "date_number": "plan_date",
    "date_too_early": "hardship.since: must be a date between",
    "date_too_late": "plan_date: must be a date between",
    "date_words": "hardship.since",
    "days_overdue_bool": "debts[0].days_overdue: must be a whole number",
    "days_overdue_fraction": "debts[0].days_overdue: must be a whole number",
    "duplicate_key": 'the field "principal" is given twice',
    "expected_months_bool": "hardship.expected_months: must be a whole number",
    "days_overdue_text": "debts[0].days_overdue: must be a whole number",
    "debt_is_list": "debts[1]: must be an object",
    "debts_empty": "debts: must list at least one",
    "debts_missing": "debts: is missing",
    "debts_null": "debts: must be a list",
    "debts_object": "debts: must be a list",
    "details_too_long": "hardship.details: is too long",
    "empty": "empty.json: not valid JSON",
    "expected_months_zero": "hardship.expected_months: must be at least 1",
    "hardship_is_list": "hardship: must be an object",
    "hardship_missing": "hardship: is missing",
    "huge_amount": "debts[0].principal: must be at most 100,000,000",
    "huge_amount_wan": "lump_sum",
    "huge_exponent_amount": "debts[0].principal: must be at most 100,000,000",
    "huge_integer_digits": "debts[0].days_overdue: must be at most 36500",
    "income_entry_text": "income[1]: must be an object",
    "infinity_income": "income[0].monthly",
    "kind_misspelt": "debts[0].kind: must be one of",
    "language_misspelt": "language: must be one of: zh or en",
    "lender_empty": "debts[0].lender: must not be empty",
    "lender_lone_surrogate": "debts[0].lender: must be text",
    "lender_missing": "debts[2].lender: is missing",
    "lender_too_long": "debts[1].lender: is too long",
    "max_months_too_long": "debts[1].max_months: must be at most 120",
    "minus_infinity_rate": "debts[1].annual_rate_percent",
    "nan_principal": "debts[0].principal",
    "nan_string_amount": "debts[0].interest",
    "negative_days_overdue": "debts[2].days_overdue",
    "negative_principal": "debts[0].principal: must not be negative",
    "negative_principal_text": "debts[1].principal: must not be negative",
    "negative_rate": "debts[0].daily_rate_percent: must not be negative",
    "neither_rate": "debts[1]: give exactly one",
    "not_utf8_gbk": "not_utf8_gbk.json: the file is not UTF-8",
    "rate_too_high": "debts[1].annual_rate_percent: must be at most 400",
    "schema_version_text": "schema_version: must be 1",
    "schema_version_unknown": "schema_version: must be 1",
    "stage_misspelt": "debts[2].stage: must be one of",
    "too_many_debts": "debts: lists too many entries",
    "top_level_list": "top_level_list.json: the answers file must be one JSON object",
    "top_level_string": "top_level_string.json: the answers file must be one JSON object",
    "truncated": "truncated.json: not valid JSON",
    "unknown_field_debt": "debts[0].lenderr: is not a field",
    "unknown_field_top": "debt: is not a field",
    "whitespace_only": "whitespace_only.json: not valid JSON",
    "zero_balance": "debts[0]: principal, interest and penalties add up to nothing",
}


def assert_refused(done, expected: str) -> None:
    """Exit 2, nothing on stdout, a short message naming `expected`, no traceback."""
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert 1 <= len(lines) <= 5, done.stderr
    assert expected in done.stderr, done.stderr
    assert done.stdout == ""


def test_the_corpus_is_complete():
    files = {p.stem for p in CORPUS.glob("*.json")}
    assert files == set(EXPECTED), "every file in tests/bad_inputs needs an entry in EXPECTED, and back"
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_answers_file(run_cli, name):
    done = run_cli("plan", "--answers", str(CORPUS / f"{name}.json"), "--format", "json", timeout=TIMEOUT)
    assert_refused(done, EXPECTED[name])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("negative_principal", "debts[0].principal"),
        ("kind_misspelt", "debts[0].kind"),
        ("not_utf8_gbk", "UTF-8"),
        ("buffer_percent_over_50", "buffer_percent"),
    ],
)
def test_messages_in_chinese_name_the_field_too(run_cli, name, expected):
    done = run_cli("plan", "--answers", str(CORPUS / f"{name}.json"), "--lang", "zh", "--format", "text", timeout=TIMEOUT)
    assert_refused(done, expected)
    assert not done.stderr.isascii()  # the problem is said in Chinese


def example_text() -> str:
    return (EXAMPLES / "case-en.json").read_text(encoding="utf-8")


DEEP = 100_000


def deep_content(label: str) -> str:
    if label == "lists":
        return "[" * DEEP + "]" * DEEP
    nested = '{"a": ' * DEEP + "1" + "}" * DEEP
    if label == "objects":
        return nested
    return example_text().replace('"details": "', f'"details": {nested}, "x": "')


@pytest.mark.parametrize("label", ["lists", "objects", "inside_a_field"])
def test_deeply_nested(run_cli, tmp_path, label):
    path = tmp_path / f"nested_{label}.json"
    path.write_text(deep_content(label), encoding="utf-8")
    assert_refused(run_cli("plan", "--answers", str(path), "--format", "json", timeout=TIMEOUT), "nested too deeply")


def test_ten_megabytes(run_cli, tmp_path):
    data = json.loads(example_text())
    data["hardship"]["details"] = "x" * (10 * 1024 * 1024)
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert path.stat().st_size > 10 * 1024 * 1024
    assert_refused(run_cli("plan", "--answers", str(path), "--format", "json", timeout=TIMEOUT), "huge.json: the file is larger than")


def test_missing_file_and_folder(run_cli, tmp_path):
    assert_refused(run_cli("plan", "--answers", str(tmp_path / "nope.json"), timeout=TIMEOUT), "nope.json: no such file")
    assert_refused(run_cli("plan", "--answers", str(tmp_path), timeout=TIMEOUT), str(tmp_path))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_not_read_forever(run_cli):
    assert_refused(run_cli("plan", "--answers", "/dev/zero", timeout=TIMEOUT), "larger than")


def test_a_key_that_would_drive_the_terminal_is_shown_escaped(run_cli, tmp_path):
    data = json.loads(example_text())
    data["\x1b[2J" + "k" * 500] = 1
    path = tmp_path / "escape.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    done = run_cli("plan", "--answers", str(path), timeout=TIMEOUT)
    assert_refused(done, "is not a field")
    assert "\x1b" not in done.stderr
    assert max(len(line) for line in done.stderr.splitlines()) < 200


@pytest.mark.parametrize(
    ("change", "value"),
    [
        (("debts", 0, "daily_rate_percent"), "1e-999999"),  # a vanishing rate is zero, not a division by zero
        (("debts", 0, "penalties"), "-0"),
        (("lump_sum"), "0.000001"),
        (("debts", 1, "max_months"), 1),
        (("plan_date"), None),  # null means today
    ],
)
def test_odd_but_valid_values_still_make_a_plan(run_cli, tmp_path, change, value):
    data = json.loads(example_text())
    node = data
    path = change if isinstance(change, tuple) else (change,)
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    answers = tmp_path / "odd.json"
    answers.write_text(json.dumps(data), encoding="utf-8")
    done = run_cli("plan", "--answers", str(answers), "--format", "json", timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    assert "-0.00" not in done.stdout


def test_byte_order_mark_is_accepted(run_cli, tmp_path):
    answers = tmp_path / "bom.json"
    answers.write_bytes(b"\xef\xbb\xbf" + example_text().encode("utf-8"))
    done = run_cli("plan", "--answers", str(answers), "--format", "json", timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    plain = run_cli("plan", "--answers", str(EXAMPLES / "case-en.json"), "--format", "json", timeout=TIMEOUT)
    assert json.loads(done.stdout)["debts"] == json.loads(plain.stdout)["debts"]  # read as if the mark were not there


CALC = ("calc", "--amount", "12000", "--months", "24")


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("calc", "--amount", "abc", "--months", "12"), "--amount"),
        (("calc", "--amount", "-500", "--months", "12"), "--amount"),
        (("calc", "--amount", "0", "--months", "12"), "--amount"),
        (("calc", "--amount", "100000001", "--months", "12"), "--amount"),
        (("calc", "--amount", "NaN", "--months", "12"), "--amount"),
        (("calc", "--amount", "1,2,3", "--months", "12"), "--amount: A comma goes between groups of three digits"),
        (("calc", "--amount", "12000", "--months", "0"), "--months"),
        (("calc", "--amount", "12000", "--months", "-3"), "--months"),
        (("calc", "--amount", "12000", "--months", "twelve"), "--months"),
        (("calc", "--amount", "12000", "--months", "601"), "--months"),
        (("calc", "--amount", "12000", "--months", "1.5"), "--months"),
        ((*CALC, "--method", "balloon"), "--method"),
        ((*CALC, "--annual-rate-percent", "NaN"), "--annual-rate-percent"),
        ((*CALC, "--annual-rate-percent", "Infinity"), "--annual-rate-percent"),
        ((*CALC, "--annual-rate-percent", "-1"), "--annual-rate-percent"),
        ((*CALC, "--annual-rate-percent", "401"), "--annual-rate-percent"),
        ((*CALC, "--annual-rate-percent", "eighteen"), "--annual-rate-percent"),
        ((*CALC, "--method", "flat_fee", "--fee-percent", "sNaN"), "--fee-percent"),
        ((*CALC, "--budget", "lots"), "--budget"),
        ((*CALC, "--budget", "-1"), "--budget"),
        ((*CALC, "--start", "2026-02-30"), "--start"),
        ((*CALC, "--start", "9999-12-01"), "--start"),
        ((*CALC, "--format", "xml"), "--format"),
        ((*CALC, "--lang", "fr"), "--lang"),
    ],
)
def test_bad_calc_flags(run_cli, args, option):
    assert_refused(run_cli(*args, timeout=TIMEOUT), option)


def test_vanishing_calc_rate_is_zero(run_cli):
    done = run_cli(*CALC, "--annual-rate-percent", "1e-999999", "--format", "json", timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total_cost"] == "0.00"


def test_rates_keep_the_form_they_were_written_in():
    """Only a rate finer than a millionth of a percent is rounded (to zero, in practice)."""
    from negotiator.answers.file import case_from_data
    from negotiator.answers.json_reading import parse_json

    case = case_from_data(parse_json(example_text()))
    assert str(case.debts[0].daily_rate_percent) == "0.05"
    assert str(case.debts[1].annual_rate_percent) == "18.25"


# ---- the person's side refuses: closed or full output, closed input, special files for -o ------

COMMANDS = [
    ["plan", "--answers", str(EXAMPLES / "case-en.json")],
    ["plan", "--answers", str(EXAMPLES / "case-en.json"), "--format", "json"],
    ["show", "a"], ["show", "a", "--format", "markdown"], ["cases"], ["cases", "--format", "json"], ["log", "list", "a"],
    ["log", "list", "a", "--format", "json"], ["calc", "--amount", "10000", "--months", "12", "--annual-rate-percent", "18"], ["example"], ["schema"],
    ["offer", "a", "12 x 1200"], ["practice", "a", "--seed", "1"], ["incidents", "a"], ["incidents", "a", "--format", "json"], ["--help"],
    ["drafts"],
]


@pytest.fixture
def shell(home):
    """Runs one command line under bash with a redirection or a pipe, as a person's shell would;
    the command's own exit code is the last line of stderr ("exit=N")."""
    import shlex
    import subprocess
    import sys

    from conftest import cli_env, run_in_process

    saved = run_in_process(("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "a"), cli_env(home))  # set-up only
    assert saved.returncode == 0, saved.stderr

    def run(args: list[str], redirect: str) -> subprocess.CompletedProcess[str]:
        line = shlex.join([sys.executable, "-m", "negotiator", *args, *([] if args[0] == "--help" else ["--lang", "en"])])
        return subprocess.run(["/bin/bash", "-c", f'{line} {redirect}; echo "exit=${{PIPESTATUS[0]}}" >&2'], env=cli_env(home),
                              capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)

    return run


def _exit(done) -> int:
    return int(done.stderr.rsplit("exit=", 1)[1])


@pytest.mark.subprocess
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:3]))
def test_closed_or_full_output_is_exit_2_in_one_line_and_a_closed_pipe_is_0(shell, args):
    closed = shell(args, ">&-")
    assert _exit(closed) == 2, closed.stderr
    assert closed.stderr.count("\n") == 2 and sentence("en", "safety.output_failed").search(closed.stderr) and "Traceback" not in closed.stderr
    if Path("/dev/full").exists():
        full = shell(args, ">/dev/full")
        assert _exit(full) == 2, full.stderr
        assert full.stderr.count("\n") == 2 and "No space left" in full.stderr
    piped = shell(args, "| true")
    assert _exit(piped) == 0, piped.stderr
    assert piped.stderr.strip() == "exit=0"  # quietly: no traceback, no "Exception ignored"


@pytest.mark.subprocess
@pytest.mark.parametrize("args", [["new"], ["resume"], ["log", "add", "a"], ["call", "a"], ["edit", "a"]])
def test_closed_input_is_exit_2_in_one_line(shell, args):
    done = shell(args, "<&-")
    assert _exit(done) == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 2


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_output_to_a_device_a_pipe_or_a_socket_is_refused(run_cli, tmp_path, force):
    import os
    import socket
    import stat

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock"))
    try:
        for target in ("/dev/null", str(fifo), str(tmp_path / "sock")):
            for args in (["example"], ["plan", "--answers", str(EXAMPLES / "case-en.json")]):
                done = run_cli(*args, "-o", target, *force, "--lang", "en")
                assert done.returncode == 2, (target, done.stderr)
                assert "not a file" in done.stderr and done.stderr.count("\n") == 1
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and stat.S_ISFIFO(os.stat(fifo).st_mode)
        assert stat.S_ISSOCK(os.stat(tmp_path / "sock").st_mode)
    finally:
        sock.close()
