"""Whole numbers as typed: only decimal digits, never a crash."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from negotiator.counts import whole_number


def test_typed_forms():
    assert whole_number("12") == 12
    assert whole_number(" 36 ") == 36
    assert whole_number("１２") == 12  # full-width digits from a Chinese keyboard
    for refused in ("", "²", "1²", "-3", "3.5", "twelve", "1e3", "9" * 10):
        assert whole_number(refused) is None, refused


@given(st.text(max_size=12))
def test_any_text_is_a_number_or_none(text):
    value = whole_number(text)
    assert value is None or (isinstance(value, int) and value >= 0)


def test_calc_refuses_superscript_months(run_cli):
    result = run_cli("calc", "--amount", "1000", "--months", "²", "--lang", "en")
    assert result.returncode == 2 and result.stderr.startswith("--months:")
