"""Wrapping by display width: Chinese between characters, English between words, nothing lost."""

from __future__ import annotations

import re

from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.render.layout import fit_table, wrap, wrap_paragraph
from negotiator.render.table import char_width, width


def test_chinese_breaks_between_characters_at_full_width():
    lines = wrap_paragraph("一二三四五六七八九十", 8)
    assert lines == ["一二三四", "五六七八", "九十"]


def test_english_breaks_between_words():
    lines = wrap_paragraph("never pay into a personal account", 12)
    assert lines == ["never pay", "into a", "personal", "account"]


def test_closing_punctuation_never_starts_a_line():
    lines = wrap_paragraph("一二三，四五六。", 6)
    assert lines == ["一二", "三，四", "五六。"]
    assert not any(line[0] in "，。" for line in lines)


def test_amounts_are_never_split():
    lines = wrap_paragraph("每月还款 1,056.89 元，共 49 期", 12)
    assert any("1,056.89" in line for line in lines)


def test_prefix_and_hanging_indent():
    lines = wrap("甲乙丙丁戊己庚辛", 10, "[ ] ", "    ")
    assert lines == ["[ ] 甲乙丙", "    丁戊己", "    庚辛"]


def test_a_word_longer_than_the_line_is_cut():
    lines = wrap_paragraph("x" * 25, 10)
    assert lines == ["x" * 10, "x" * 10, "x" * 5]


def test_line_breaks_and_blank_lines_are_kept():
    assert wrap("尊敬的花呗：\n\n我申请协商还款。", 40) == ["尊敬的花呗：", "", "我申请协商还款。"]


def test_table_narrower_than_the_page_after_wrapping_text_columns():
    lines = fit_table(["Lender", "Balance"], [["China Merchants Bank credit card " * 3, "44,400.00"]], "lr", 30)
    assert all(width(line) <= 30 for line in lines)
    assert all(line.endswith("44,400.00") for line in lines[2:3])


pieces = st.one_of(
    st.text(alphabet="abcdefghij", min_size=1, max_size=15),
    st.text(alphabet="花呗借呗招商银行信用卡协商还款", min_size=1, max_size=6),
    st.sampled_from(["，", "。", "（", "）", ",", ".", " ", "  ", "12,000.00", "元", "%"]),
)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(pieces, max_size=40), st.integers(min_value=6, max_value=80), st.sampled_from([("", ""), ("- ", "  "), ("[ ] ", "    ")]))
def test_every_line_fits_and_no_word_is_lost(parts, limit, prefixes):
    # At least a prefix and one Chinese character per line: the plan wraps at 80.
    source = "".join(parts)
    first, rest = prefixes
    lines = wrap_paragraph(source, limit, first, rest)
    for line in lines:
        assert width(line) <= limit
    joined = "".join(line[len(first) if n == 0 else len(rest):] for n, line in enumerate(lines))
    assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", source)


def test_the_shortcut_for_chinese_characters_agrees_with_the_full_rule():
    """char_width answers for CJK Unified Ideographs without asking unicodedata; every one of
    them is wide by the full rule too."""
    from negotiator.render.table import _simple_width

    assert {_simple_width(chr(cp)) for cp in range(0x4E00, 0xA000)} == {2}
    assert char_width("\u4e00") == char_width("\u9fff") == 2


def test_a_number_keeps_with_the_chinese_name_it_counts_and_a_short_name_keeps_whole():
    text = "可以输入几个编号。1 夜间来电；2 一天打太多次电话；3 威胁；4 辱骂；10 其他"
    for limit in range(12, 40):
        lines = wrap_paragraph(text, limit)
        assert all(width(line) <= limit for line in lines)
        for name in ("3 威胁", "4 辱骂", "10 其他", "1 夜间来电"):
            assert any(name in line for line in lines), (limit, lines)


def test_a_chinese_sentence_quoting_english_codes_still_breaks_as_chinese():
    text = "这次联系里的违规催收，可以写多次：night_call, too_many_calls, threat, abuse, third_party, other。"
    for limit in range(20, 60):
        lines = wrap_paragraph(text, limit)
        assert not any(line.startswith("：") for line in lines), lines
        assert all(width(line) <= limit for line in lines)
    command = "接着填：`negotiator resume`；删除一份：`negotiator drafts discard 编号`。"
    assert wrap_paragraph(command, 59) == ["接着填：`negotiator resume`；删除一份：", "`negotiator drafts discard 编号`。"]


def test_an_english_sentence_keeps_a_chinese_name_whole():
    assert wrap_paragraph("You owe 招商银行信用卡 a lot of money now", 16) == ["You owe", "招商银行信用卡 a", "lot of money now"]
