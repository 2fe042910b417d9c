"""The case store in process: round trips, versions and migration, permissions, follow-ups."""

from __future__ import annotations

import datetime as dt
import json
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLES, examples
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator import store
from negotiator.answers.file import load_answers
from negotiator.core.errors import BadInput
from negotiator.records.contacts import Agreement, ContactEntry
from negotiator.store import journal, reading
from negotiator.store.versions import STORE_VERSION
from negotiator.words import t


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home"
    monkeypatch.setenv("NEGOTIATOR_HOME", str(path))
    return path


@pytest.fixture
def case_en():
    return load_answers(EXAMPLES / "case-en.json")


def entry(n: int = 0, **fields) -> ContactEntry:
    values = {"when": dt.datetime(2026, 11, 28, 9, 0) + dt.timedelta(minutes=n), "channel": "phone", "who": f"agent {n}"}
    values.update(fields)
    return ContactEntry(**values)


def test_save_then_open_gives_the_same_case(home, case_en):
    folder = store.save_case("huabei-2026", case_en)
    assert folder == home / "cases" / "huabei-2026"
    saved = store.open_case("huabei-2026")
    assert saved.case == case_en
    assert saved.log() == [] and saved.agreement() is None
    record = json.loads((folder / "case.json").read_text("utf-8"))
    assert record["schema_version"] == STORE_VERSION == 2
    assert record["name"] == "huabei-2026"
    dt.datetime.fromisoformat(record["saved"])


def test_chinese_case_and_name_round_trip(home):
    case = load_answers(EXAMPLES / "case-zh.json")
    store.save_case("花呗-2026", case)
    assert store.open_case("花呗-2026").case == case


def test_existing_name_is_refused_and_left_as_it_was(home, case_en):
    folder = store.save_case("x", case_en)
    before = (folder / "case.json").read_bytes()
    with pytest.raises(BadInput, match="already exists"):
        store.save_case("x", case_en.model_copy(update={"lump_sum": Decimal("5.00")}))
    assert (folder / "case.json").read_bytes() == before


def test_overwrite_replaces_the_case(home, case_en):
    store.save_case("x", case_en)
    changed = case_en.model_copy(update={"lump_sum": Decimal("5000.00")})
    store.save_case("x", changed, overwrite=True)
    assert store.open_case("x").case.lump_sum == Decimal("5000.00")


@pytest.mark.parametrize("name", ["", ".", "..", "../up", "a/b", ".hidden", "a" * 65, "with space"])
def test_names_that_are_not_one_folder_are_refused(home, case_en, name):
    with pytest.raises(BadInput, match="case name"):
        store.save_case(name, case_en)
    assert not (home / "up").exists()


def test_missing_case_is_named(home):
    with pytest.raises(BadInput, match="no saved case named nobody"):
        store.open_case("nobody")


def test_log_and_agreement_round_trip(home, case_en):
    store.save_case("x", case_en)
    first = entry(1, lender="Huabei", said="pay it all today", amount_promised=Decimal("1200.50"), next_date=dt.date(2030, 1, 5))
    second = entry(2, channel="sms", said="第二次：对方同意停息")
    store.add_entry("x", first)
    store.add_entry("x", second)
    agreement = Agreement(lender="Huabei", kind="instalments", months=12, monthly=Decimal("650"), first_due=dt.date(2030, 1, 1))
    store.record_agreement("x", agreement)
    saved = store.open_case("x")
    assert saved.log() == [first, second]
    assert saved.agreement() == agreement
    assert saved.history == (agreement,)


def test_a_new_agreement_replaces_the_old_and_both_stay_in_the_history(home, case_en):
    store.save_case("x", case_en)
    old = Agreement(lender="Huabei", kind="extension", months=3, monthly=Decimal("100"), first_due=dt.date(2030, 1, 1))
    new = Agreement(lender="Online lender", kind="instalments", months=24, monthly=Decimal("600"), first_due=dt.date(2030, 4, 1))
    store.record_agreement("x", old)
    store.record_agreement("x", new)
    saved = store.open_case("x")
    assert saved.agreement() == new
    assert saved.history == (old, new)


def test_files_are_owner_only(home, case_en):
    folder = store.save_case("x", case_en)
    store.add_entry("x", entry())
    store.record_agreement("x", Agreement(lender="Huabei", kind="instalments", months=2, monthly=Decimal("1"), first_due=dt.date(2030, 1, 1)))
    for path in (home / "cases", folder):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    files = sorted(p.name for p in folder.iterdir())
    assert files == [".lock", ".log.checked", "agreements.jsonl", "case.json", "log.jsonl"]
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_an_append_keeps_the_old_bytes_exactly(home, case_en):
    folder = store.save_case("x", case_en)
    # A hand-written version-0 line, without schema_version and without its final newline.
    hand = b'{"when": "2026-11-01T10:00:00", "channel": "visit",   "said": "left a note"}'
    (folder / "log.jsonl").write_bytes(hand)
    store.add_entry("x", entry())
    data = (folder / "log.jsonl").read_bytes()
    assert data.startswith(hand + b"\n")
    assert data.count(b"\n") == 2
    assert [e.channel for e in store.open_case("x").log()] == ["visit", "phone"]


# ---- versions and migration -------------------------------------------------------------------


def test_a_version_0_case_file_is_read_and_left_as_it_was(home):
    """Version 0: the answers stored bare, without the {schema_version, name, saved, case} wrapper."""
    folder = home / "cases" / "old"
    folder.mkdir(parents=True)
    bare = (EXAMPLES / "case-zh.json").read_bytes()
    (folder / "case.json").write_bytes(bare)
    (folder / "log.jsonl").write_text('{"when": "2026-11-01T10:00:00", "channel": "phone"}\n', "utf-8")
    (folder / "agreement.json").write_text('{"lender": "花呗", "kind": "instalments", "months": 6, "monthly": "500", "first_due": "2030-01-01"}', "utf-8")
    saved = store.open_case("old")
    assert saved.case == load_answers(EXAMPLES / "case-zh.json")
    assert saved.log()[0].channel == "phone"
    assert saved.agreement().months == 6
    store.add_entry("old", entry())  # a change beside it does not rewrite the case file
    assert (folder / "case.json").read_bytes() == bare
    # Saving the case again writes the current version.
    store.save_case("old", saved.case, overwrite=True)
    record = json.loads((folder / "case.json").read_text("utf-8"))
    assert record["schema_version"] == 2 and record["case"] == json.loads(saved.case.model_dump_json())


def test_a_version_0_case_file_names_fields_as_written(home):
    folder = home / "cases" / "old"
    folder.mkdir(parents=True)
    data = json.loads((EXAMPLES / "case-en.json").read_text("utf-8"))
    data["debts"][1]["principal"] = "-1"
    (folder / "case.json").write_text(json.dumps(data), "utf-8")
    with pytest.raises(BadInput) as caught:
        store.open_case("old")
    assert "case.json: debts[1].principal: " + t("en", "errors.field.money_negative") in str(caught.value)


@pytest.mark.parametrize(("version", "words"), [(3, "newer version"), ("1", "whole number"), (-1, "whole number"), (None, "whole number")])
def test_unknown_file_versions_are_refused(home, case_en, version, words):
    folder = store.save_case("x", case_en)
    record = json.loads((folder / "case.json").read_text("utf-8"))
    record["schema_version"] = version
    (folder / "case.json").write_text(json.dumps(record), "utf-8")
    with pytest.raises(BadInput, match=words):
        store.open_case("x")


def test_a_newer_log_line_is_refused_with_its_line(home, case_en):
    folder = store.save_case("x", case_en)
    store.add_entry("x", entry())
    with open(folder / "log.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"schema_version": 3, "when": "2026-11-01T10:00:00", "channel": "phone"}\n')
    with pytest.raises(BadInput, match=r"log.jsonl, line 2: schema_version is 3"):
        store.open_case("x")


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
# Names (who, lender) refuse control characters and direction marks at input.
names = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf"), blacklist_characters="\u2028\u2029"), max_size=40)


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.builds(
    ContactEntry,
    when=st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 12, 31)),
    channel=st.sampled_from(["phone", "sms", "app", "letter", "visit"]),
    who=names, lender=names, said=texts, agreed=texts, next_action=texts,
    amount_promised=st.none() | st.decimals(min_value=0, max_value=100_000_000, places=2),
    next_date=st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)),
), max_size=5))
def test_any_log_reads_back_as_written(entries):
    """Whatever people type (newlines, U+2028, Chinese, quotes) stays one line and reads back equal."""
    data = b"".join(journal.line(e) for e in entries)
    assert data.count(b"\n") == len(entries)
    assert reading.parse_log(data, Path("log.jsonl")) == tuple(entries)


# ---- next follow-up ---------------------------------------------------------------------------


TODAY = dt.date(2026, 12, 1)


def follow_up(entries, agreement, lenders=("Huabei", "Bank")):
    from negotiator.planning.follow_up import next_follow_up

    return next_follow_up(dt.date(2026, 11, 28), entries, [agreement] if agreement else [], list(lenders), TODAY)


def test_follow_up_is_the_latest_contacts_next_date():
    entries = [entry(1, next_date=dt.date(2026, 12, 20)), entry(2, next_date=dt.date(2026, 12, 10))]
    assert follow_up(entries, None) == dt.date(2026, 12, 10)


def test_latest_contact_is_by_time_not_by_order_added():
    later = entry(5, next_date=dt.date(2026, 12, 20))
    earlier_added_last = entry(1, next_date=dt.date(2026, 12, 3))
    assert follow_up([later, earlier_added_last], None) == dt.date(2026, 12, 20)


def test_follow_up_takes_the_earlier_of_contact_and_next_payment():
    agreement = Agreement(lender="Huabei", kind="instalments", months=6, monthly=Decimal("650"), first_due=dt.date(2026, 10, 15))
    # Payments fall on the 15th: 2026-10-15, 11-15, 12-15, ...; the next one from 2026-12-01 is 12-15.
    assert follow_up([], agreement, ["Huabei"]) == dt.date(2026, 12, 15)
    assert follow_up([entry(next_date=dt.date(2026, 12, 9))], agreement) == dt.date(2026, 12, 9)
    assert follow_up([entry(next_date=dt.date(2027, 1, 9))], agreement) == dt.date(2026, 12, 15)


def test_past_payments_are_not_upcoming_but_a_missed_call_is_still_owed():
    agreement = Agreement(lender="Huabei", kind="instalments", months=2, monthly=Decimal("650"), first_due=dt.date(2026, 10, 15))
    assert follow_up([], agreement, ["Huabei"]) is None
    assert follow_up([entry(next_date=dt.date(2026, 11, 30))], agreement, ["Huabei"]) == dt.date(2026, 11, 30)
    assert follow_up([entry(next_date=TODAY)], None) == TODAY
    # No contact yet and a lender without an agreement: a week after the plan's date.
    assert follow_up([], None) == dt.date(2026, 12, 5)


def test_a_case_busy_in_another_window_is_refused_not_waited_on_forever(home, case_en, monkeypatch):
    from filelock import FileLock

    from negotiator.store import folders

    folder = store.save_case("x", case_en)
    monkeypatch.setattr(folders, "LOCK_TIMEOUT_SECONDS", 0.2)
    with FileLock(str(folder / ".lock")):
        with pytest.raises(BadInput, match="another window"):
            store.add_entry("x", entry())
    assert not (folder / "log.jsonl").exists()
    store.add_entry("x", entry())  # and once the other window is done, it goes through
    assert len(store.open_case("x").log()) == 1


def test_a_folder_that_cannot_be_locked_is_refused_cleanly(home, case_en, monkeypatch):
    import filelock

    folder = store.save_case("x", case_en)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(filelock.FileLock, "acquire", refuse)
    with pytest.raises(BadInput, match="cannot be locked") as caught:
        store.add_entry("x", entry())
    assert str(folder) in str(caught.value)
    assert not (folder / "log.jsonl").exists()
