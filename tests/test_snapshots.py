"""Snapshots of the printed plan and of the complaint, one small file per section, so that a changed
sentence changes one file and its diff says which section it is in.

Each document has a folder in tests/snapshots (plan-zh, full-en, complaint-zh, ...). For a plan,
`00-title.txt` holds what comes before the first section, `NN-<key>.txt` the NN-th section (its key
from negotiator.render.sections: summary, script, letter, ...) and `NN-<key>-M.txt` the part under
its M-th sub-heading (a lender's script, letter or schedule; before/during/after in the checklist);
a complaint is cut at its own headings. The `.md` files are the Markdown form, cut the same way, and
`cat tests/snapshots/plan-zh/*.txt` is the whole text plan.

After a deliberate change, write them again and read the diff before committing:

    UPDATE_SNAPSHOTS=1 PYTHONPATH=src python -m pytest tests/test_snapshots.py

Without it, a section that differs or has no file fails with a diff naming the file, and so does a
file that no section produces any more (the update removes it).
"""

from __future__ import annotations

import difflib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from render_cases import full_plan, plan_for
from test_complain import snapshot_complaint

from negotiator.render import complaint as complaint_form
from negotiator.render import markdown, safe, text
from negotiator.render.blocks import Heading
from negotiator.render.sections import sections
from negotiator.words import t

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"

PLANS: dict[str, Callable] = {
    "plan-zh": lambda: plan_for("zh"),
    "plan-en": lambda: plan_for("en"),
    "full-zh": lambda: full_plan("zh"),  # every section, hand-written words, a log and an agreement
    "full-en": lambda: full_plan("en"),
}
COMPLAINTS = {"complaint-zh": "zh", "complaint-en": "en"}
# The complaint's headings, by the name of the file that starts at each.
COMPLAINT_PARTS = {
    "what-happened": "complaint.letter.what_happened",
    "asks": "complaint.letter.asks",
    "enclosed": "complaint.letter.enclosed",
    "channels": "complaint.channels.heading",
}
FORMS = {"txt": text.render, "md": markdown.render}


def _underlined(lines: list[str], i: int, mark: str) -> bool:
    """The text form underlines a section title with '=' and a sub-heading with '-'."""
    below = lines[i + 1].rstrip("\n") if i + 1 < len(lines) else ""
    return bool(lines[i].strip()) and bool(below) and set(below) == {mark}


def _cut(lines: list[str], i: int, suffix: str) -> str | None:
    """'section' or 'heading' where line i starts one, in either form."""
    if suffix == "md":
        return "section" if lines[i].startswith("## ") else "heading" if lines[i].startswith("### ") else None
    return "section" if _underlined(lines, i, "=") else "heading" if _underlined(lines, i, "-") else None


def plan_parts(plan, suffix: str) -> dict[str, str]:
    """The rendered plan cut where the renderer starts each of its sections and sub-headings; the
    cuts are checked against the sections and Heading blocks the renderer drew."""
    found = safe.sections(sections(plan))
    document = FORMS[suffix](plan)
    lines = document.splitlines(keepends=True)
    parts: dict[str, list[str]] = {"00-title": []}
    name, n, headings = "00-title", 0, [0] * len(found)
    title_lines = 2 if suffix == "txt" else 1
    for i, line in enumerate(lines):
        kind = _cut(lines, i, suffix)
        if kind == "section":
            n += 1
            assert n <= len(found), f"{suffix}: a section title the renderer did not draw: {line!r}"
            section = found[n - 1]
            shown = f"{n}. {section.title}" if suffix == "txt" else f"## {markdown.escape(section.title)}"
            assert line.rstrip("\n") == shown, f"{suffix}: section {n} ({section.key}) starts with {line!r}"
            base = name = f"{n:02d}-{section.key}"
            parts[name] = []
        elif kind == "heading":
            assert n > 0, f"{suffix}: a sub-heading before the first section: {line!r}"
            headings[n - 1] += 1
            m = headings[n - 1]
            if m == 1 and not "".join(parts[base][title_lines:]).strip():
                parts[f"{base}-1"] = parts.pop(base)  # nothing between the title and the first heading
            else:
                parts[f"{base}-{m}"] = []
            name = f"{base}-{m}"
        parts[name].append(line)
    drawn = [sum(isinstance(b, Heading) for b in s.blocks) for s in found]
    assert n == len(found), f"{suffix}: {len(found)} sections drawn, {n} found"
    assert headings == drawn, f"{suffix}: sub-headings per section {headings}, drawn {drawn}"
    joined = {x: "".join(y) for x, y in parts.items()}
    assert "".join(joined.values()) == document
    return joined


def complaint_parts(complaint, entries, suffix: str) -> dict[str, str]:
    """The complaint cut at its headings: the letter's opening, what happened, the asks, what is
    enclosed, and where to send it."""
    document = complaint_form.render(complaint, "text" if suffix == "txt" else "markdown", entries)
    lines = document.splitlines(keepends=True)
    heading = {
        (t(complaint.lang, key) if suffix == "txt" else f"## {markdown.escape(t(complaint.lang, key))}"): part
        for part, key in COMPLAINT_PARTS.items()
    }
    parts: dict[str, list[str]] = {"00-letter": []}
    name = "00-letter"
    for i, line in enumerate(lines):
        starts = _cut(lines, i, suffix) == "section" or (suffix == "txt" and _cut(lines, i, suffix) == "heading")
        if i > 0 and starts:
            part = heading.get(line.rstrip("\n"))
            assert part is not None, f"{suffix}: a heading with no snapshot file named for it: {line!r}"
            name = f"{len(parts):02d}-{part}"
            parts[name] = []
        parts[name].append(line)
    assert list(parts) == ["00-letter", *(f"{n:02d}-{p}" for n, p in enumerate(COMPLAINT_PARTS, 1))], list(parts)
    joined = {x: "".join(y) for x, y in parts.items()}
    assert "".join(joined.values()) == document
    return joined


def check(document: str, suffix: str, parts: dict[str, str]) -> None:
    """Compare each part with its file in tests/snapshots/<document>/ (or write it, updating)."""
    folder = SNAPSHOTS / document
    kept = {p.name: p for p in folder.glob(f"*.{suffix}")} if folder.is_dir() else {}
    problems = []
    for stem, produced in parts.items():
        name = f"{stem}.{suffix}"
        path = folder / name
        before = kept[name].read_bytes().decode("utf-8") if name in kept else None
        if produced == before:
            continue
        if UPDATE:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(produced.encode("utf-8"))
            continue
        where = path.relative_to(SNAPSHOTS.parent.parent)
        said = "has no snapshot file" if before is None else "differs from its snapshot"
        diff = difflib.unified_diff((before or "").splitlines(keepends=True), produced.splitlines(keepends=True), f"{where} (kept)", f"{name} (drawn now)")
        problems.append(f"section {stem} of {document} {said}:\n{''.join(diff)}")
    for name in sorted(set(kept) - {f"{stem}.{suffix}" for stem in parts}):
        if UPDATE:
            kept[name].unlink()
        else:
            problems.append(f"{document}/{name}: no section produces it any more")
    if problems:
        pytest.fail("\n".join(problems) + "\nIf the change is meant: UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots.py, then read the diff.", pytrace=False)


@pytest.mark.parametrize("suffix", ["txt", "md"])
@pytest.mark.parametrize("document", list(PLANS))
def test_plan_sections(document, suffix):
    check(document, suffix, plan_parts(PLANS[document](), suffix))


@pytest.mark.parametrize("suffix", ["txt", "md"])
@pytest.mark.parametrize("document", list(COMPLAINTS))
def test_complaint_parts(document, suffix):
    complaint, entries = snapshot_complaint(COMPLAINTS[document])
    check(document, suffix, complaint_parts(complaint, entries, suffix))


def test_no_snapshot_is_left_over():
    """A folder or file in tests/snapshots that no document above writes is one left behind."""
    extra = sorted(p for p in SNAPSHOTS.iterdir() if p.name not in {*PLANS, *COMPLAINTS})
    if UPDATE:
        for path in extra:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        return
    assert not extra, f"snapshots no test writes: {[p.name for p in extra]}"
