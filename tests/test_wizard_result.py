"""The result step: a summary first, then the person's choice of pager and files."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_wizard_flow import DOWN, ENTER, TODAY, from_review

pytestmark = pytest.mark.usefixtures("private_home")


def test_pager_markdown_and_calendar_then_finish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pydoc

    paged: list[str] = []
    monkeypatch.setattr(pydoc, "pager", paged.append)
    # Review: continue; the pager (one down); Markdown (two down) and its path; the calendar
    # (three down) and its path; finish (four down); case name.
    from_review([ENTER, DOWN + ENTER, DOWN * 2 + ENTER, ENTER, DOWN * 3 + ENTER, ENTER, DOWN * 4 + ENTER, ENTER])
    assert len(paged) == 1 and "Huabei" in paged[0] and "[ ]" in paged[0]  # the whole plan, checklist included
    assert (tmp_path / f"negotiation-plan-{TODAY}.md").read_text("utf-8").startswith("#")
    assert "BEGIN:VCALENDAR" in (tmp_path / f"negotiation-plan-{TODAY}.ics").read_text("utf-8")
    assert not (tmp_path / f"negotiation-plan-{TODAY}.txt").exists()  # text was not chosen
