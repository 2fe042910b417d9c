"""Every sentence the wizard says, fitted at 60 and 100 columns: no line too wide, no Chinese line
starting with closing punctuation or ending with opening punctuation, no word cut."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiator import words
from negotiator.asking import prompt_layout as fit
from negotiator.render.layout import fit_or_stack
from negotiator.render.table import width

NO_START = tuple("。，）：、；？！")
NO_END = tuple("（《“")


def sentences(lang: str) -> list[str]:
    table = words.table(lang, "wizard")
    # Separators (a lone "：") are glue between words, not sentences.
    return [value.format_map(_Blank()) for key, value in table.items() if isinstance(value, str) and not key.endswith("separator")]


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "花呗" if key in ("lender", "name") else "1,234.56"


@pytest.mark.parametrize("limit", [59, 99])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_sentence_fits(lang: str, limit: int) -> None:
    for sentence in sentences(lang):
        text = fit.block(sentence, limit)
        for line in text.split("\n"):
            assert width(line) <= limit, line
            if lang == "zh":
                assert not line.lstrip().startswith(NO_START), line
                assert not line.rstrip().endswith(NO_END), line
        # Wrapping only moves line breaks: the words are all there, in order, none cut (Chinese
        # breaks between characters, so there the characters are compared).
        assert "".join(text.split()) == "".join(sentence.split()), sentence
        if lang == "en":
            assert text.split() == sentence.split(), sentence


@given(st.lists(st.lists(st.sampled_from(["延期还款", "instalments", "12", "1,757.34", "waive penalties + instalments", "是"]),
                         min_size=3, max_size=3), min_size=1, max_size=5), st.integers(30, 120))
def test_a_table_fits_or_is_stacked(rows: list[list[str]], limit: int) -> None:
    lines = fit_or_stack(["Proposal", "Months", "Monthly"], rows, "lrr", limit)
    assert all(width(line) <= limit for line in lines)
    for row in rows:
        for word in " ".join(row).split():
            assert any(word in line.split() or word in line for line in lines)  # words whole, never cut


def test_a_refused_answers_note_gets_the_lines_it_needs() -> None:
    """prompt_toolkit holds the note under a refused answer to one line; the prompts the wizard
    builds let that window, and only that one, grow to the note's wrapped lines."""
    import questionary
    from prompt_toolkit.filters import has_validation_error
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.layout import ConditionalContainer, Window
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as keys:
        prompt = questionary.text("Monthly income?", input=keys, output=DummyOutput())
        windows = [c for c in prompt.application.layout.walk() if isinstance(c, Window)]
        notes = [c.content for c in prompt.application.layout.walk() if isinstance(c, ConditionalContainer) and c.filter is has_validation_error]
        assert len(notes) == 1 and notes[0].height == 1  # as prompt_toolkit builds it
        heights = {id(w): w.height for w in windows}
        fit.roomy_errors(prompt)
        assert notes[0].height is None
        assert [w for w in windows if w.height != heights[id(w)]] == notes
