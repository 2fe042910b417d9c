"""Hostile input: nothing an answers file, a draft, a note or a file in the data folder holds can
take over the terminal, hang a command, or make it read or write outside the data folder.

Every hostile value goes into every name and free-text field; a name refuses it (exit 2 naming the
field), free text is shown with its controls escaped in every form. Special files (a pipe, a link
to /dev/zero, a folder, a device) in place of each file of a case are refused, naming the file, or
listed as broken, within a subprocess timeout."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import os
import re
import stat
import sys
from decimal import Decimal
from pathlib import Path

import pexpect
import pytest
from conftest import EXAMPLES, cli_env, sentence

from negotiator.answers.file import case_from_data
from negotiator.core.controls import UNSAFE
from negotiator.plan import build_plan
from negotiator.records.contacts import ContactEntry
from negotiator.words import t

HOSTILE = {
    "clear and retitle": "Evil\x1b[2J\x1b]0;pwned\x07",
    "erase the line above": "hi\x1b[1A\x1b[2Kgone",
    "alternate screen": "x\x1b[?1049h",
    "OSC 8 link": "\x1b]8;;http://evil.example/\x1b\\click here\x1b]8;;\x1b\\",
    "every C0 control": "c0:" + "".join(chr(c) for c in range(0x20) if c != 0x0A) + ":end",
    "DEL and C1": "a\x7fb\x85c\x9b2Jd\x90e\x9c",
    "bidi overrides": "pay \u202e0001\u202c \u202a\u202b\u202d \u2066x\u2067\u2068\u2069",
    "line breaks and block syntax": "one\n# heading\n- item\n1. first\n---\n===\n    code\r\nafter\rcr\n> quote",
    "separators": "a\u2028b\u2029c\u0085d",
    "markup": "**bold** [link](http://x) <b>x</b> | pipe &#x202e; &rlm; `code`",
    "very long": "长" * 1900,
}
# Names hold one line of visible text: these are refused at input, the rest are shown as typed.
CONTROLLED = {k for k, v in HOSTILE.items() if UNSAFE.search(v)}
SGR = re.compile(r"\x1b\[[0-9;]*m")  # the colours and bold the terminal form draws itself


def clean(text: str, form: str) -> None:
    """No raw control (but the line break), DEL, C1 or bidi mark; CRLF line ends in a calendar."""
    if form == "ics":
        assert "\n" not in text.replace("\r\n", ""), "a bare line break in the calendar"
        text = text.replace("\r\n", "\n")
    if form == "terminal":
        text = SGR.sub("", text)
    found = [m.group(0) for m in UNSAFE.finditer(text) if m.group(0) != "\n"]
    assert not found, f"{form}: raw {found[:5]!r}"


def answers() -> dict:
    return json.loads((EXAMPLES / "case-en.json").read_text("utf-8"))


def entry(value: str) -> ContactEntry:
    import datetime as dt

    return ContactEntry(when=dt.datetime(2026, 11, 28, 10, 0), channel="phone", lender="Huabei", said=value, agreed=value, next_action=value)


def forms(plan) -> dict[str, str]:
    from rich.console import Console

    from negotiator.render import ics, markdown, terminal, text

    out = {"text": text.render(plan), "markdown": markdown.render(plan), "ics": ics.render(plan)}
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=80)
    terminal.draw(plan, console)
    out["terminal"] = console.file.getvalue()
    return out


# ---- free text is shown escaped, in every form -----------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", list(HOSTILE))
def test_free_text_is_escaped_in_every_form(kind, lang):
    value = HOSTILE[kind]
    data = answers()
    data["hardship"]["details"] = value[:2000]
    case = case_from_data(data)
    plan = build_plan(case, lang, log=(entry(value),))
    for form, text in forms(plan).items():
        clean(text, form)
    # JSON keeps the value exactly: its own escaping already shows every control.
    from negotiator.render import json as json_form

    document = json.loads(json_form.render(plan))
    assert document["contact_log"][0]["said"] == value.strip()


def test_escapes_are_visible_not_dropped():
    data = answers()
    data["hardship"]["details"] = HOSTILE["clear and retitle"] + HOSTILE["bidi overrides"]
    text = forms(build_plan(case_from_data(data), "en"))["text"]
    assert "Evil\\x1b[2J\\x1b]0;pwned\\x07" in text
    assert "pay \\u202e0001\\u202c" in text


def test_a_note_s_line_breaks_stay_inside_its_own_item_in_markdown():
    from negotiator.render import markdown

    plan = build_plan(case_from_data(answers()), "en", log=(entry(HOSTILE["line breaks and block syntax"]),))
    text = markdown.render(plan)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert not any("heading" in line for line in headings)
    assert "\n- item" not in text and "\n1. first" not in text and "\n---\n" not in text and "\n> quote" not in text
    assert "\n    code" not in text


def test_the_calendar_still_parses_with_hostile_notes():
    import icalendar

    value = "".join(HOSTILE.values())[:2000]
    plan = build_plan(case_from_data(answers()), "en", log=(ContactEntry(when="2026-11-28T10:00", channel="phone", next_action=value),))
    from negotiator.render import ics

    calendar = icalendar.Calendar.from_ical(ics.render(plan))
    descriptions = [str(e.get("DESCRIPTION")) for e in calendar.walk("VEVENT")]
    assert any("\\x1b" in d for d in descriptions)


# ---- names refuse controls at input ------------------------------------------------------------


NAME_FIELDS = {
    "debts[0].lender": lambda d, v: d["debts"][0].__setitem__("lender", v),
    "income[0].source": lambda d, v: d["income"][0].__setitem__("source", v),
    "priority[0].name": lambda d, v: d.__setitem__("priority", [{"name": v, "monthly": "100"}]),
}


@pytest.mark.parametrize("kind", sorted(CONTROLLED))
def test_a_name_with_a_control_is_refused_naming_the_field(kind):
    from negotiator.core.errors import BadInput

    for field, put in NAME_FIELDS.items():
        data = copy.deepcopy(answers())
        put(data, HOSTILE[kind][:100])
        with pytest.raises(BadInput, match=re.escape(field)):
            case_from_data(data)
    from pydantic import ValidationError

    from negotiator.records.contacts import Agreement

    with pytest.raises(ValidationError, match="control_character"):
        Agreement(lender=HOSTILE[kind][:100], kind="instalments", months=6, monthly=Decimal(100), first_due="2030-01-01")
    with pytest.raises(ValidationError, match="control_character"):
        ContactEntry(when="2026-11-28T10:00", channel="phone", who=HOSTILE[kind][:100])


def test_a_visible_but_tricky_name_is_shown_literally():
    data = answers()
    data["debts"][0]["lender"] = HOSTILE["markup"][:100]
    plan = build_plan(case_from_data(data), "en")
    for form, text in forms(plan).items():
        clean(text, form)
    from negotiator.render import markdown

    assert "\\*\\*bold\\*\\* \\[link\\](http://x) \\<b\\>x\\</b\\> \\| pipe &\\#x202e; \\&rlm; \\`code\\`" in markdown.render(plan)


def test_the_cli_refuses_a_hostile_lender_with_exit_2_and_never_echoes_it_raw(run_cli, tmp_path):
    data = answers()
    data["debts"][0]["lender"] = HOSTILE["clear and retitle"]
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data), "utf-8")
    for form in ("text", "markdown", "json", "ics"):
        result = run_cli("plan", "--answers", str(path), "--format", form, "--lang", "en")
        assert result.returncode == 2
        assert "debts[0].lender" in result.stderr
        assert "\x1b" not in result.stderr and "Traceback" not in result.stderr


def test_error_messages_never_echo_a_control(run_cli):
    for args in (["show", "evil\x1b[2J"], ["\x1b]0;pwned\x07"], ["plan", "--answers", "no\x1b[2Jfile"]):
        result = run_cli(*args)
        assert result.returncode == 2
        clean(result.stderr, "text")


def test_log_add_refuses_a_hostile_who_and_escapes_notes_in_log_list(run_cli, tmp_path):
    assert run_cli("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "x").returncode == 0
    refused = run_cli("log", "add", "x", "--channel", "phone", "--who", "Agent\x1b[2J", "--lang", "en")
    assert refused.returncode == 2 and "--who" in refused.stderr
    typed = {kind: value.replace("\x00", "") for kind, value in HOSTILE.items()}  # a command line cannot hold NUL
    for kind, value in typed.items():
        result = run_cli("log", "add", "x", "--channel", "sms", "--lender", "Huabei", "--said", value, "--agreed", value,
                         "--next-action", value, "--lang", "en")
        assert result.returncode == 0, (kind, result.stderr)
    listed = run_cli("log", "list", "x", "--lang", "en")
    assert listed.returncode == 0
    clean(listed.stdout, "text")
    assert "\\x1b[2J" in listed.stdout
    for form in ("text", "markdown", "ics"):
        out = tmp_path / f"plan.{form}"
        shown = run_cli("show", "x", "--format", form, "--lang", "en", "-o", str(out))
        assert shown.returncode == 0, shown.stderr
        clean(out.read_bytes().decode("utf-8"), form)
    entries = json.loads(run_cli("log", "list", "x", "--format", "json").stdout)
    assert [e["said"] for e in entries] == [v.strip() for v in typed.values()]


@pytest.mark.subprocess
def test_the_plan_in_a_pseudo_terminal_carries_no_hostile_control(home, tmp_path):
    data = answers()
    data["hardship"]["details"] = "".join(HOSTILE.values())[:2000]
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data), "utf-8")
    child = pexpect.spawn(sys.executable, ["-m", "negotiator", "plan", "--answers", str(path), "--lang", "en"],
                          env=cli_env(home, TERM="xterm-256color", NO_COLOR=""), dimensions=(40, 100), encoding="utf-8", timeout=60)
    output = child.read()
    child.close()
    assert child.exitstatus == 0
    assert "In your own words" in output
    clean(output.replace("\r\n", "\n"), "terminal")


# ---- drafts are validated like case files ----------------------------------------------------


def _drafts(home: Path, outside: Path) -> dict[str, Path]:
    folder = home / "drafts"
    folder.mkdir(parents=True)
    good = {"version": 1, "lang": "en", "done": "situation", "name": None, "editing": False, "answers": {"language": "en"}}
    bad = {
        "array": [1],
        "null": None,
        "deep": None,  # written below as 100,000 nested lists
        "lang xx": {**good, "lang": "xx"},
        "lang number": {**good, "lang": 5},
        "lang traversal": {**good, "lang": "../../../../" + str(outside).lstrip("/") + "/xx"},
        "answers not an object": {**good, "answers": [1]},
        "control in a key": {**good, "answers": {"debts": [{"lender\x1b[2J": "Evil"}]}},
        "control in the case name": {**good, "name": "x\x1b]0;pwned\x07"},
        "a debt that is a number": {**good, "answers": {"language": "en", "debts": [1]}},
        "income that is text": {**good, "answers": {"language": "en", "income": "abc"}},
        "half a surrogate pair": {**good, "answers": {"language": "en", "hardship": {"details": "a\ud800b"}}},
    }
    paths = {}
    for n, (kind, record) in enumerate(bad.items()):
        path = folder / f"draft-2026010{n % 10}-000000-{n:06d}.json"
        text = "[" * 100_000 + "]" * 100_000 if kind == "deep" else json.dumps(record)
        path.write_text(text, "utf-8")
        paths[kind] = path
    fifo = folder / "draft-fifo.json"
    os.mkfifo(fifo)
    paths["fifo"] = fifo
    secret = outside / "secret.json"
    secret.write_text(json.dumps(good), "utf-8")
    link = folder / "draft-link.json"
    link.symlink_to(secret)
    paths["symlink"] = link
    (folder / "draft-dir.json").mkdir()
    paths["directory"] = folder / "draft-dir.json"
    big = folder / "draft-big.json"
    big.write_text(json.dumps({**good, "answers": {"x": "a" * (2 * 1024 * 1024)}}), "utf-8")
    paths["too large"] = big
    return paths


def test_broken_drafts_are_listed_by_name_and_skipped(home, tmp_path, monkeypatch):
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    outside = tmp_path / "outside"
    outside.mkdir()
    paths = _drafts(home, outside)
    before = {p: (p.lstat().st_mtime_ns, p.lstat().st_size) for p in paths.values()}
    from negotiator.wizard.draft import scan
    from negotiator.words import say

    found, broken = scan()
    assert found == []
    assert sorted(b.file for b in broken) == sorted(p.name for p in paths.values())
    for b in broken:
        assert b.file in say("en", b.problem) and "skipped" in say("en", b.problem)
        assert b.file in say("zh", b.problem)
    assert {p: (p.lstat().st_mtime_ns, p.lstat().st_size) for p in paths.values()} == before
    assert sorted(os.listdir(outside)) == ["secret.json"]  # nothing written outside


def test_a_good_draft_beside_broken_ones_is_still_found(home, tmp_path, monkeypatch):
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    outside = tmp_path / "outside"
    outside.mkdir()
    _drafts(home, outside)
    # Half-way through: a debt begun, no income yet, the wizard's own keys. Nothing in it is wrong.
    partial = {"language": "zh", "hardship": {"cause": "job_loss", "_lasting": "unknown"}, "income": [], "debts": [{"lender": "花呗", "_rate": "daily"}]}
    good = {"version": 1, "lang": "zh", "done": "income", "name": None, "editing": False, "answers": partial}
    (home / "drafts" / "draft-20260101-000000-999999.json").write_text(json.dumps(good), "utf-8")
    from negotiator.wizard.draft import scan

    found, broken = scan()
    assert [d.lang for d in found] == ["zh"] and len(broken) == 16


@pytest.mark.subprocess
def test_resume_with_only_broken_drafts_lists_them_and_exits_2(home, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    paths = _drafts(home, outside)
    child = pexpect.spawn(sys.executable, ["-m", "negotiator", "resume", "--lang", "en"], env=cli_env(home, TERM="xterm"),
                          dimensions=(40, 100), encoding="utf-8", timeout=30)
    output = child.read()
    child.close()
    assert child.exitstatus == 2, output
    assert "Traceback" not in output
    for path in paths.values():
        assert path.name in output
    assert sentence("en", "safety.drafts_broken_only").search(output)
    assert sorted(os.listdir(outside)) == ["secret.json"]


def test_resume_without_a_terminal_is_exit_2_without_hanging(run_cli, home, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    _drafts(home, outside)
    result = run_cli("resume", timeout=5)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_the_word_loader_only_knows_its_languages(tmp_path):
    from negotiator import words

    for lang in ("xx", "../../../../" + str(tmp_path).lstrip("/") + "/xx", "", "en/../zh"):
        with pytest.raises(KeyError):
            words.table(lang, "wizard")
    with pytest.raises(KeyError):
        words.table("en", "../zh/wizard")
    assert list(tmp_path.iterdir()) == []


# ---- special files in a case folder ----------------------------------------------------------


CASE_FILES = ("case.json", "log.jsonl", "agreement.json", "agreements.jsonl")


def _special(path: Path, kind: str) -> None:
    if path.exists() or path.is_symlink():
        path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    elif kind == "directory":
        path.mkdir()
    else:  # a device: made where allowed, else a link to one
        try:
            os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero's numbers
        except (PermissionError, OSError):
            path.symlink_to("/dev/urandom")


def _saved(home: Path, name: str) -> None:
    """A saved case with a contact and an agreement, made in process to keep the suite quick."""
    import datetime as dt

    from negotiator import store
    from negotiator.answers.file import load_answers
    from negotiator.records.contacts import Agreement

    os.environ["NEGOTIATOR_HOME"] = str(home)
    try:
        store.save_case(name, load_answers(EXAMPLES / "case-en.json"))
        store.add_entry(name, entry("hello"))
        store.record_agreement(name, Agreement(lender="Huabei", kind="instalments", months=6, monthly=Decimal(100), first_due=dt.date(2030, 1, 1)))
    finally:
        del os.environ["NEGOTIATOR_HOME"]


def _peak_mb(home: Path, args: list[str]) -> float:
    """The peak memory of one run of the command, measured in a process of its own."""
    import subprocess

    script = ("import resource, subprocess, sys\n"
              "subprocess.run(sys.argv[1:], capture_output=True, timeout=60)\n"
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    result = subprocess.run([sys.executable, "-c", script, sys.executable, "-m", "negotiator", *args],
                            env=cli_env(home), capture_output=True, text=True, timeout=120, check=True)
    return int(result.stdout) / 1024


@pytest.mark.parametrize("kind", ["fifo", "zero", "directory", "device"])
def test_a_special_file_in_a_case_is_refused_quickly_naming_it(run_cli, home, kind):
    _saved(home, "good")
    for name in CASE_FILES:
        case = f"bad-{name.split('.')[0]}"
        _saved(home, case)
        _special(home / "cases" / case / name, kind)
        for args in (["show", case], ["log", "add", case, "--channel", "phone"], ["log", "list", case]):
            result = run_cli(*args, "--lang", "en", timeout=5)
            assert result.returncode == 2, (kind, name, args, result.stdout, result.stderr)
            assert name in result.stderr and "Traceback" not in result.stderr, result.stderr
            assert len(result.stderr.strip().splitlines()) <= 3
    listed = run_cli("cases", "--format", "json", timeout=5)
    assert listed.returncode == 0, listed.stderr
    rows = {row["name"]: row for row in json.loads(listed.stdout)}
    assert rows["good"]["problem"] is None and rows["good"]["contacts"] == 1
    for name in CASE_FILES:
        assert name in rows[f"bad-{name.split('.')[0]}"]["problem"]


@pytest.mark.subprocess
def test_a_case_file_linked_to_dev_zero_is_never_read(home):
    """Nothing reads from /dev/zero: each run stays small (its memory measured in a process of its own)."""
    for name in CASE_FILES:
        case = f"bad-{name.split('.')[0]}"
        _saved(home, case)
        _special(home / "cases" / case / name, "zero")
    for args in (["cases"], ["show", "bad-log"]):
        assert _peak_mb(home, args) < 100, args


def test_a_linked_case_folder_is_refused_and_listed_as_broken(run_cli, home, tmp_path):
    _saved(home, "real")
    elsewhere = tmp_path / "elsewhere"
    (home / "cases" / "real").rename(elsewhere)
    (home / "cases" / "linked").symlink_to(elsewhere)
    result = run_cli("show", "linked", "--lang", "en", timeout=5)
    assert result.returncode == 2 and "link" in result.stderr
    added = run_cli("log", "add", "linked", "--channel", "phone", "--lang", "en", timeout=5)
    assert added.returncode == 2
    assert len((elsewhere / "log.jsonl").read_text("utf-8").splitlines()) == 1
    rows = json.loads(run_cli("cases", "--format", "json").stdout)
    assert rows[0]["name"] == "linked" and "link" in rows[0]["problem"]


# ---- the environment: exit 2 and one line -----------------------------------------------------


def test_an_unusable_data_folder_is_exit_2_in_one_line(run_cli, tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    for home in (a_file, a_file / "below"):
        result = run_cli("cases", "--lang", "en", NEGOTIATOR_HOME=str(home))
        assert result.returncode == 2, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "NEGOTIATOR_HOME" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="the superuser may write anywhere")
def test_folders_without_permission_are_exit_2(run_cli, home, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert run_cli("cases", NEGOTIATOR_HOME=str(locked / "home")).returncode == 2
    _saved(home, "x")
    for mode in (0o000, 0o500):
        (home / "cases" / "x").chmod(mode)
        try:
            result = run_cli("log", "add", "x", "--channel", "phone", "--lang", "en")
            assert result.returncode == 2 and "Traceback" not in result.stderr
            assert len(result.stderr.strip().splitlines()) <= 2
        finally:
            (home / "cases" / "x").chmod(0o700)


def test_a_name_over_the_file_name_byte_limit_is_exit_2(run_cli):
    name = "\U0001d400" * 64  # 64 letters of four bytes: 256 bytes
    result = run_cli("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", name, "--lang", "en")
    assert result.returncode == 2 and "256 bytes" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_output_to_a_folder_is_refused(run_cli, tmp_path):
    (tmp_path / "folder").mkdir()
    for target in (tmp_path / "folder", f"{tmp_path / 'folder'}/", f"{tmp_path / 'new'}/"):
        result = run_cli("plan", "--answers", str(EXAMPLES / "case-en.json"), "-o", str(target), "--force", "--lang", "en")
        assert result.returncode == 2 and "--output" in result.stderr
    assert not (tmp_path / "new").exists() and list((tmp_path / "folder").iterdir()) == []


def test_an_agreement_of_nothing_a_month_is_refused(run_cli, home):
    assert run_cli("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "x").returncode == 0
    for monthly in ("0", "0.00"):
        result = run_cli("agree", "x", "--kind", "instalments", "--months", "6", "--monthly", monthly, "--first-due", "2030-01-01", "--lang", "en")
        assert result.returncode == 2 and "--monthly" in result.stderr
    assert not (home / "cases" / "x" / "agreement.json").exists()


# ---- store hygiene -----------------------------------------------------------------------------


def test_the_data_folder_and_the_parents_it_makes_are_private(run_cli, tmp_path):
    home = tmp_path / "a" / "b" / "home"
    assert run_cli("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "x", NEGOTIATOR_HOME=str(home)).returncode == 0
    for folder in (tmp_path / "a", tmp_path / "a" / "b", home, home / "cases", home / "cases" / "x"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_temp_files_a_crash_left_are_cleaned_on_the_next_write(run_cli, home):
    assert run_cli("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "x").returncode == 0
    folder = home / "cases" / "x"
    stale = folder / ".log.jsonl.abc123.tmp"
    stale.write_text("personal notes from a write that was killed")
    assert run_cli("log", "add", "x", "--channel", "phone").returncode == 0
    assert not stale.exists()


def test_log_add_appends_without_rewriting_and_revalidates_a_hand_edit(home, monkeypatch):
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    from negotiator import store
    from negotiator.answers.file import load_answers
    from negotiator.core.errors import BadInput

    store.save_case("x", load_answers(EXAMPLES / "case-en.json"))
    assert store.add_entry("x", entry("one")) == 1
    log = home / "cases" / "x" / "log.jsonl"
    inode = log.stat().st_ino
    assert store.add_entry("x", entry("two")) == 2
    assert log.stat().st_ino == inode  # appended in place, not a new file renamed over it
    # A hand edit after the last append is noticed: the whole log is checked again, and refused.
    lines = log.read_text("utf-8").splitlines(keepends=True)
    log.write_text(lines[0] + '{"schema_version": 1, "when": "2026-11-29T10:00:00", "channel": "fax"}\n' + lines[1], "utf-8")
    before = log.read_bytes()
    with pytest.raises(BadInput, match="line 2"):
        store.add_entry("x", entry("three"))
    assert log.read_bytes() == before


def test_a_crash_between_the_append_and_its_note_loses_no_count(home, monkeypatch):
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    from negotiator import store
    from negotiator.answers.file import load_answers
    from negotiator.store import journal

    store.save_case("x", load_answers(EXAMPLES / "case-en.json"))
    store.add_entry("x", entry("one"))
    real = journal.atomic_write

    def killed(path, *args, **kwargs):
        if Path(path).name == journal.CHECKED_FILE:
            raise KeyboardInterrupt  # the process dies after the line is on disk, before the note
        return real(path, *args, **kwargs)

    monkeypatch.setattr(journal, "atomic_write", killed)
    # A kill leaves no time to cut the line back (an error or Ctrl-C would: see the full-disk tests).
    monkeypatch.setattr(journal.appending, "_cut_back", lambda path, size: None)
    with pytest.raises(KeyboardInterrupt):
        store.add_entry("x", entry("two"))
    monkeypatch.setattr(journal, "atomic_write", real)
    assert store.add_entry("x", entry("three")) == 3  # the stale note is noticed: counted in full
    assert [e.said for e in store.open_case("x").log()] == ["one", "two", "three"]
    assert not [p for p in (home / "cases" / "x").iterdir() if p.name.endswith(".tmp")]


_WRITER = """
import datetime as dt, os, sys
from decimal import Decimal
from negotiator import store
from negotiator.records.contacts import Agreement, ContactEntry
for i in range(100000):
    store.add_entry("z", ContactEntry(when=dt.datetime(2026, 11, 28, 9, 0), channel="app", said=f"{i}"))
    if i % 3 == 0:
        store.record_agreement("z", Agreement(lender="Huabei", kind="instalments", months=6, monthly=Decimal(i + 1), first_due=dt.date(2030, 1, 1)))
    print(i, flush=True)
"""


@pytest.mark.parametrize("after", [1, 7, 20])
@pytest.mark.subprocess
def test_a_kill_at_any_moment_of_log_add_and_agree_leaves_a_readable_case(home, monkeypatch, after):
    import signal
    import subprocess

    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    from negotiator import store
    from negotiator.answers.file import load_answers

    store.save_case("z", load_answers(EXAMPLES / "case-en.json"))
    child = subprocess.Popen([sys.executable, "-c", _WRITER], env=cli_env(home), stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    for _ in range(after):  # let it finish some writes, then kill it in the middle of the next
        assert child.stdout.readline()
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    saved = store.open_case("z")  # every file still reads, every line validates
    count = len(saved.log())
    assert count >= after
    assert store.add_entry("z", entry("after the kill")) == count + 1
    assert not [p.name for p in (home / "cases" / "z").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("replace", [True, False])
def test_a_draft_changed_in_another_window_is_not_written_over_without_a_yes(home, monkeypatch, replace):
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    from negotiator.wizard import draft

    asked: list[str] = []
    monkeypatch.setattr(draft, "replace_changed", lambda what, lang: asked.append(what) or replace)
    mine = draft.Draft("en", {"language": "en"}, done="situation")
    mine.save()
    path = mine.path
    assert path is not None
    [other] = draft.drafts()  # a second `resume` of the same draft, in another window
    other.answers["hardship"] = {"cause": "illness"}
    other.done = "income"
    other.save()
    theirs = path.read_bytes()
    mine.done = "income"
    mine.save()  # this window goes on: the draft changed since it last wrote it
    assert asked == [path.name]
    if replace:
        assert mine.path == path and b"illness" not in path.read_bytes()
    else:
        assert mine.path != path and path.read_bytes() == theirs
        assert len(draft.drafts()) == 2
    mine.save()  # no change since: no question
    assert len(asked) == 1


def test_the_wizard_refuses_a_pasted_control_in_any_typed_text():
    from negotiator.asking.question import Refused, read
    from negotiator.wizard import questions as Q

    lender = next(q for q in Q.DEBT if q.key == "lender")
    with pytest.raises(Refused) as refused:
        read(lender, "Evil\x1b[2J")
    assert refused.value.key == "wizard.err.control_character" and refused.value.values == {"shown": "\\x1b"}
    assert read(lender, "  Huabei  ") == "Huabei"


def test_the_calendar_keeps_the_earliest_reminders_and_says_where_it_stops():
    import icalendar

    from negotiator.planning import schedules
    from negotiator.records.contacts import Agreement
    from negotiator.render import ics

    # Only agreed payments are put in the calendar: eleven of twelve lenders agreed over 120 months
    # each (the twelfth leaves a follow-up call to make, where the calendar says what it left out).
    data = answers()
    data["income"] = [{"source": "what is left", "monthly": "1"}]
    data["debts"] = [{**data["debts"][0], "lender": f"Lender {i}", "max_months": 120} for i in range(12)]
    agreed = tuple(
        Agreement(lender=f"Lender {i}", kind="instalments", months=120, monthly=Decimal("10"), first_due=dt.date(2027, 1, 1 + i))
        for i in range(11)
    )
    plan = build_plan(case_from_data(data), "en", agreements=agreed)
    calendar = icalendar.Calendar.from_ical(ics.render(plan))
    events = calendar.walk("VEVENT")
    payments, call = events[:-1], events[-1]  # the follow-up call comes last
    assert len(events) == ics.MAX_PAYMENT_EVENTS + 1
    last = max(e.decoded("DTSTART") for e in payments)
    every = sorted(row.due for a in agreed for row in schedules.agreed(a).rows)
    assert last == every[ics.MAX_PAYMENT_EVENTS - 1]
    assert f"first 1200 of {len(every)} payment reminders" in str(call.get("DESCRIPTION"))
    # Said in the calendar's own description too, for when every lender agreed and no call is left.
    assert f"first 1200 of {len(every)} payment reminders" in str(calendar.get("X-WR-CALDESC"))


@pytest.mark.parametrize("replace", [True, False])
def test_edit_asks_before_replacing_a_case_changed_in_another_window(home, monkeypatch, replace):
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    from negotiator import store
    from negotiator.answers.file import load_answers
    from negotiator.wizard import draft, saving

    case = load_answers(EXAMPLES / "case-en.json")
    store.save_case("x", case)
    d = draft.Draft("en", {}, name="x", editing=True)
    d.case_seen = draft.stamp(home / "cases" / "x" / "case.json")
    store.save_case("x", case.model_copy(update={"lump_sum": Decimal(123)}), overwrite=True)  # the other window
    theirs = (home / "cases" / "x" / "case.json").read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(saving, "replace_changed", lambda what, lang: asked.append(what) or replace)
    monkeypatch.setattr(saving, "ask", lambda q, lang, *a, **k: "y")  # a new name, when asked for one
    saving.save_case(d, case)
    assert asked == ["x"]
    assert ((home / "cases" / "x" / "case.json").read_bytes() == theirs) is not replace
    assert (home / "cases" / "y").exists() is not replace


def test_cases_skips_a_stray_file_and_an_empty_folder(run_cli, home):
    _saved(home, "real")
    (home / "cases" / "notes").write_text("not a case")
    (home / "cases" / "empty").mkdir()
    rows = json.loads(run_cli("cases", "--format", "json").stdout)
    assert [row["name"] for row in rows] == ["real"]


def test_an_answers_file_that_is_a_pipe_or_a_device_never_hangs(run_cli, tmp_path):
    fifo = tmp_path / "answers.json"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), tmp_path):
        result = run_cli("plan", "--answers", str(path), "--lang", "en", timeout=5)
        assert result.returncode == 2 and str(path) in result.stderr and "Traceback" not in result.stderr


# --- a full disk -----------------------------------------------------------------------------

def _snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file under `folder` (but the lock, which holds nothing) and its bytes; None for a folder."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*")) if p.name != ".lock"}


@pytest.fixture
def full_disk(home: Path, monkeypatch: pytest.MonkeyPatch):
    """Every write to a file under `home` fails as on a full disk (ENOSPC), once `full_disk.on` is
    set; the terminal's writes go through."""
    import errno

    real = os.write

    class Disk:
        on = False

    def write(fd: int, data) -> int:
        if Disk.on:
            try:
                where = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                where = ""
            if where.startswith(str(home)):
                if len(data) > 1:  # a part of it may land first, as on a real disk
                    real(fd, bytes(data)[:1])
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)
    return Disk


NOTHING_CHANGED = "Nothing was changed."


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="finds a write's file through /proc")
@pytest.mark.parametrize("command", [
    ("log", "add", "x", "--channel", "phone", "--when", "2026-11-28 09:00", "--said", "asked for a plan"),
    ("agree", "x", "--lender", "Huabei", "--kind", "instalments", "--months", "6", "--monthly", "100", "--first-due", "2030-01-01"),
    ("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "y"),
])
def test_a_full_disk_is_exit_2_and_leaves_every_file_as_it_was(run_cli, home, full_disk, command):
    _saved(home, "x")
    before = _snapshot(home / "cases")
    full_disk.on = True
    done = run_cli(*command, "--lang", "en")
    full_disk.on = False
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and NOTHING_CHANGED in done.stderr
    assert "No space left on device" in done.stderr and "Traceback" not in done.stderr
    assert _snapshot(home / "cases") == before
    # And the case goes on as before: the same command works once there is room.
    assert run_cli(*command, "--lang", "en").returncode == 0


def test_a_log_whose_check_file_is_a_folder_gains_no_line_and_says_so_truly(run_cli, home):
    _saved(home, "x")
    folder = home / "cases" / "x"
    (folder / ".log.checked").unlink()
    (folder / ".log.checked").mkdir()
    log = (folder / "log.jsonl").read_bytes()
    add = ("log", "add", "x", "--channel", "phone", "--when", "2026-11-28 09:00", "--said", "once", "--lang", "en")
    done = run_cli(*add)
    assert done.returncode == 2 and NOTHING_CHANGED in done.stderr and ".log.checked" in done.stderr
    assert (folder / "log.jsonl").read_bytes() == log  # truly nothing: trying again adds the contact once
    (folder / ".log.checked").rmdir()
    assert run_cli(*add).returncode == 0
    from negotiator.store.reading import parse_log

    assert [e.said for e in parse_log((folder / "log.jsonl").read_bytes(), folder / "log.jsonl")] == ["hello", "once"]


def test_an_append_that_cannot_be_cut_back_says_so(home, monkeypatch):
    import errno

    from negotiator.store import appending

    path = home / "payments.jsonl"
    path.write_bytes(b'{"a": 1}\n')

    def refused(*args):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "ftruncate", refused)
    with pytest.raises(appending.NotUndone) as caught, appending.undone_on_error(path):
        appending.append_whole(path, b'{"b": 2}\n', 1 << 20)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert "may be cut short" in str(caught.value) and NOTHING_CHANGED not in str(caught.value)


def test_an_append_is_whole_or_not_there(home):
    import errno

    from negotiator.store import appending

    path, new = home / "payments.jsonl", home / "new.jsonl"
    path.write_bytes(b'{"a": 1}')  # a hand-edited last line without its newline
    with pytest.raises(OSError) as caught:
        with appending.undone_on_error(path), appending.undone_on_error(new):
            appending.append_whole(path, b'{"b": 2}\n', 1 << 20)
            appending.append_whole(new, b'{"c": 3}\n', 1 << 20)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert caught.value.filename == str(new)  # the innermost file the failed change touched
    assert path.read_bytes() == b'{"a": 1}' and not new.exists()
    with appending.undone_on_error(path):
        appending.append_whole(path, b'{"b": 2}\n', 1 << 20)
    assert path.read_bytes() == b'{"a": 1}\n{"b": 2}\n'


# --- every unsafe code point, through a note, a name and a file name, into every form and echo --

def _every_unsafe() -> str:
    import itertools

    planes = itertools.chain(range(0x10000), range(0x11000, 0x1E000), range(0xE0000, 0xE0080))
    return "".join(chr(c) for c in planes if not 0xD800 <= c <= 0xDFFF and UNSAFE.match(chr(c)))


EVERY = _every_unsafe()


def _no_raw(data: bytes | str, where: str) -> None:
    """Not one unsafe code point in `data`, but a line break (and a calendar's CRLF)."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    found = sorted({f"U+{ord(m.group(0)):04X}" for m in UNSAFE.finditer(text.replace("\r\n", "\n")) if m.group(0) != "\n"})
    assert not found, f"{where}: raw {found[:8]}"


def test_every_unsafe_code_point_is_covered():
    for wanted in ("\x00", "\x1f", "\x7f", "\x85", "\x9b", "\x9d", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u2028",
                   "\u2029", "\u202e", "\u2060", "\u2066", "\u2069", "\ufeff", "\U000e0001", "\U000e0041", "\U000e007f"):
        assert wanted in EVERY
    assert not set("Huabei 花呗\n\t".replace("\n", "").replace("\t", "")) & set(EVERY)


def test_every_unsafe_code_point_in_a_note_reaches_no_output_raw(run_cli, home, tmp_path):
    from negotiator import store

    _saved(home, "x")
    os.environ["NEGOTIATOR_HOME"] = str(home)
    try:
        for start in range(0, len(EVERY), 150):  # a note holds 2,000 characters at most
            chunk = EVERY[start:start + 150]
            store.add_entry("x", ContactEntry(when=dt.datetime(2026, 11, 28, 10, 0), channel="phone", lender="Huabei", who="Ms Wang",
                                              said=f"a{chunk}b", agreed=f"c{chunk}d", next_action=f"e{chunk}f"))
    finally:
        del os.environ["NEGOTIATOR_HOME"]
    runs = [("show", "x", "--format", form) for form in ("text", "markdown", "json", "ics")]
    runs += [("log", "list", "x"), ("log", "list", "x", "--format", "json"), ("cases",), ("cases", "--format", "json"),
             ("incidents", "x"), ("incidents", "x", "--format", "json"), ("complain", "x", "--lender", "Huabei"),
             ("practice", "x", "--seed", "1", "--format", "json"), ("offer", "x", f"6 months{EVERY[1:60]}", "--format", "json"),
             ("offer", "x", f"6 months{EVERY[1:60]}")]
    for lang in ("en", "zh"):
        for args in runs:
            done = run_cli(*args, "--lang", lang)
            assert done.returncode in (0, 2), (args, done.stderr)
            _no_raw(done.stdout + done.stderr, " ".join(args[:2]))
        for form in ("text", "markdown", "ics", "json"):
            out = tmp_path / f"{lang}.{form}"
            done = run_cli("show", "x", "--format", form, "-o", str(out), "--lang", lang)
            assert done.returncode == 0, done.stderr
            _no_raw(out.read_bytes(), f"show -o .{form}")
    # JSON keeps each value exactly: a program reading it gets what was typed.
    entries = json.loads(run_cli("log", "list", "x", "--format", "json").stdout)
    assert "".join(e["said"][1:-1] for e in entries[1:]) == EVERY.strip()


@pytest.mark.parametrize("where", ["lender", "who"])
def test_every_unsafe_code_point_in_a_name_is_refused_and_never_echoed(run_cli, home, tmp_path, where):
    data = answers()
    if where == "who":
        _saved(home, "x")
    for ch in EVERY:
        if where == "who":
            if ch == "\x00":
                continue  # a command line cannot hold NUL
            done = run_cli("log", "add", "x", "--channel", "phone", "--who", f"Ms{ch}Wang", "--lang", "en")
        else:
            data["debts"][0]["lender"] = f"Hua{ch}bei"
            done = run_cli("plan", "--answers", str(write_answers_file(tmp_path / "a.json", data)), "--format", "json", "--lang", "en")
        assert done.returncode == 2, (f"U+{ord(ch):04X}", done.stdout[:200])
        _no_raw(done.stdout + done.stderr, f"U+{ord(ch):04X}")


def write_answers_file(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=True), "utf-8")
    return path


def test_every_unsafe_code_point_in_a_file_name_or_the_data_folder_is_echoed_escaped(run_cli, tmp_path):
    names = EVERY.replace("\x00", "").replace("/", "")
    for start in range(0, len(names), 40):  # a file name holds 255 bytes
        chunk = names[start:start + 40]
        for lang in ("en", "zh"):
            out = tmp_path / f"{lang}-{start}{chunk}.json"
            done = run_cli("example", "-o", str(out), "--lang", lang)
            assert done.returncode == 0 and out.exists(), done.stderr
            _no_raw(done.stdout + done.stderr, f"example -o ({start})")
            plan = run_cli("plan", "--answers", str(out), "-o", str(out.with_suffix(".txt")), "--lang", lang)
            assert plan.returncode == 0, plan.stderr
            _no_raw(plan.stdout + plan.stderr, f"plan -o ({start})")
            refused = run_cli("plan", "--answers", str(out), "-o", str(out), "--lang", lang)  # exists: refused, naming it
            assert refused.returncode == 2
            _no_raw(refused.stdout + refused.stderr, f"plan -o existing ({start})")
            folder = tmp_path / f"home-{lang}-{start}{chunk}"
            saved = run_cli("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "x", "--lang", lang, NEGOTIATOR_HOME=str(folder))
            assert saved.returncode == 0, saved.stderr
            _no_raw(saved.stdout + saved.stderr, f"new, data folder ({start})")


# --- the word cache is read like every other stored file --------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "garbage", "huge", "link", "wrong shape"])
def test_a_broken_word_cache_is_read_as_none_at_once_and_kept_anew(tmp_path, kind):
    import marshal

    from negotiator import words

    path = tmp_path / "words-en.marshal"
    key = ["somewhere", []]
    if kind == "fifo":
        os.mkfifo(path)  # opened without O_NONBLOCK, reading it would wait for a writer for ever
    elif kind == "garbage":
        path.write_bytes(os.urandom(300_000))
    elif kind == "huge":
        path.write_bytes(marshal.dumps([key, {"a": {"b": "c" * (words.MAX_CACHE_BYTES + 1)}}]))
    elif kind == "link":
        (tmp_path / "elsewhere").write_bytes(marshal.dumps([key, {"a": {"b": "c"}}]))
        path.symlink_to(tmp_path / "elsewhere")
    else:
        path.write_bytes(marshal.dumps([key, {"a": ["not", "a", "table"]}]))
    assert words._read(path, key) is None
    words._keep(path, key, {"a": {"b": "c"}})
    assert stat.S_ISREG(os.lstat(path).st_mode)
    assert words._read(path, key) == {"a": {"b": "c"}}


@pytest.mark.subprocess
def test_a_pipe_in_the_word_cache_never_hangs_a_command(home):
    import subprocess

    (home / "cache").mkdir(mode=0o700)
    os.mkfifo(home / "cache" / "words-en.marshal")
    for args in (["--help"], ["calc", "--amount", "1000", "--months", "3", "--annual-rate-percent", "1"]):
        done = subprocess.run([sys.executable, "-m", "negotiator", *args, "--lang", "en"], env=cli_env(home), capture_output=True,
                              text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr
    assert stat.S_ISREG(os.lstat(home / "cache" / "words-en.marshal").st_mode)  # made again


# --- the data folder is private ---------------------------------------------------------------

def test_a_data_folder_made_open_beforehand_is_made_private_with_a_note(run_cli, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # as `mkdir -m 755` leaves it, whatever the umask
    done = run_cli("new", "--answers", str(EXAMPLES / "case-en.json"), "--name", "a", "--lang", "en", NEGOTIATOR_HOME=str(folder))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "cases").stat().st_mode) == 0o700
    assert len(sentence("en", "safety.folder_private", path=folder).findall(done.stderr)) == 1
    again = run_cli("cases", "--lang", "en", NEGOTIATOR_HOME=str(folder))
    assert not sentence("en", "safety.folder_private").search(again.stderr)  # said once, when it was put right


@pytest.mark.subprocess
def test_an_open_cache_folder_is_made_private_and_called_the_cache(tmp_path):
    # A new process: the words are kept in the cache the first time a process reads them.
    import subprocess

    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    (folder / "cache").mkdir(mode=0o755)
    os.chmod(folder / "cache", 0o755)
    done = subprocess.run([sys.executable, "-m", "negotiator", "cases", "--lang", "en"], env=cli_env(folder), capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE((folder / "cache").stat().st_mode) == 0o700
    assert t("en", "safety.cache_private", path=folder / "cache") in done.stderr
    assert "data folder" not in done.stderr


def test_drafts_that_cannot_be_read_are_not_said_to_be_none(run_cli, home, monkeypatch):
    import errno

    (home / "drafts").mkdir(mode=0o700)
    real = os.listdir

    def refused(path="."):
        if Path(path) == home / "drafts":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path)

    monkeypatch.setattr(os, "listdir", refused)
    done = run_cli("drafts", "--lang", "en")
    assert done.returncode == 2 and "Permission denied" in done.stderr and "could not be read" in done.stderr
    assert "no unfinished" not in (done.stdout + done.stderr).lower()


@pytest.mark.parametrize("file", ["case.json", "log.jsonl", "agreements.jsonl"])
def test_a_field_given_twice_in_a_stored_file_is_refused_naming_it(run_cli, home, file):
    _saved(home, "x")
    path = home / "cases" / "x" / file
    text = path.read_text("utf-8")
    key = next(iter(json.loads(text.splitlines()[0] if file.endswith("l") else text)))
    path.write_text(text.replace("{", f'{{"{key}": 0, ', 1), "utf-8")
    done = run_cli("show", "x", "--lang", "en")
    assert done.returncode == 2 and file in done.stderr and f'"{key}" is given twice' in done.stderr, done.stderr


# --- a closed window (SIGHUP) or a kill (SIGTERM) keeps what was typed, as Ctrl-C does --------

def _spawn(home: Path, *args: str) -> pexpect.spawn:
    return pexpect.spawn(sys.executable, ["-m", "negotiator", *args], env=cli_env(home, TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1"),
                         dimensions=(40, 120), encoding="utf-8", timeout=60)


def _hang_up(child: pexpect.spawn, signum: int) -> None:
    child.kill(signum)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus is None, "killed by the signal: nothing was kept"


@pytest.mark.subprocess
@pytest.mark.parametrize("signame", ["SIGHUP", "SIGTERM"])
def test_a_closed_window_in_the_middle_of_a_wizard_step_keeps_its_answers(home, signame):
    import signal

    folder = home / "drafts"
    folder.mkdir(parents=True)
    record = {"version": 1, "lang": "en", "done": "priority", "name": None, "editing": False, "answers": {"language": "en", "debts": []}}
    (folder / "draft-20261101-090000-000000.json").write_text(json.dumps(record), "utf-8")
    child = _spawn(home, "resume")
    child.expect("Welcome back")
    child.expect(r"Who is the lender\?")
    child.send("Jiebei\r")  # the first answer of the step; the step is not finished
    child.expect(r"What kind of debt")
    _hang_up(child, getattr(signal, signame))
    kept = [json.loads(p.read_text("utf-8")) for p in folder.glob("draft-*.json")]
    assert len(kept) == 1 and kept[0]["answers"]["debts"][0]["lender"] == "Jiebei"


@pytest.mark.subprocess
def test_a_closed_window_during_a_call_keeps_the_notes_as_a_draft_contact(run_here, home):
    import signal

    _saved(home, "x")
    child = _spawn(home, "call", "x")
    child.expect_exact("> ")
    child.sendline("his name is Wang, number 7731")
    child.expect("Noted at")
    child.expect_exact("> ")
    _hang_up(child, signal.SIGHUP)
    entries = json.loads(run_here("log", "list", "x", "--format", "json").stdout)
    assert len(entries) == 2 and "Wang, number 7731" in entries[1]["said"] and "draft" in entries[1]["said"]


@pytest.mark.subprocess
def test_a_closed_window_during_log_add_offers_the_answers_again_next_time(run_here, home):
    import signal

    _saved(home, "x")
    child = _spawn(home, "log", "add", "x", "--lang", "en")
    for question in ("When was it", "How did they contact you", "Who made the contact", "Which lender"):
        child.expect(question)
        child.send("\r")  # now, phone, they did, the first lender
    child.expect("employee number")
    child.send("Ms Li\r")
    child.expect("What did they say")
    _hang_up(child, signal.SIGHUP)
    assert len(json.loads(run_here("log", "list", "x", "--format", "json").stdout)) == 1  # nothing added
    again = _spawn(home, "log", "add", "x", "--lang", "en")
    for question in ("When was it", "How did they contact you", "Who made the contact", "Which lender"):
        again.expect(question)
        again.send("\r")
    again.expect("employee number")
    again.expect("Ms Li")  # offered as the answer Enter takes
    again.sendcontrol("c")
    again.expect(pexpect.EOF)
    again.close()


def test_the_cache_folder_is_where_platformdirs_says(monkeypatch, tmp_path):
    import platformdirs

    from negotiator.core.paths import cache_dir

    monkeypatch.delenv("NEGOTIATOR_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == Path(platformdirs.user_cache_dir("negotiator", appauthor=False))
    if sys.platform.startswith("linux"):
        assert cache_dir() == tmp_path / "xdg" / "negotiator"
    monkeypatch.setenv("NEGOTIATOR_HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / "cache"
