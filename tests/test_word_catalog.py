"""The word files are parsed once and kept in the user's cache folder (NEGOTIATOR_HOME/cache in
tests), never next to the installed files; a changed word file or a broken copy is read again."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from negotiator import words


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the word files and an empty home; the in-memory copies forgotten before and after."""
    content = tmp_path / "content"
    shutil.copytree(words.CONTENT, content, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(words, "CONTENT", content)
    monkeypatch.setenv("NEGOTIATOR_HOME", str(tmp_path / "home"))
    words.catalog.cache_clear()
    words.table.cache_clear()
    yield content
    words.catalog.cache_clear()
    words.table.cache_clear()


def forget() -> None:
    """As a new run would: nothing in memory."""
    words.catalog.cache_clear()
    words.table.cache_clear()


def test_the_parsed_words_are_kept_in_the_cache_folder_and_read_back(fresh, tmp_path, monkeypatch):
    first = words.t("en", "errors.field.missing")
    kept = tmp_path / "home" / "cache" / "words-en.marshal"
    assert kept.exists() and kept.stat().st_mode & 0o777 == 0o600
    forget()
    monkeypatch.setitem(sys.modules, "tomllib", None)  # reading the TOML again would fail
    assert words.t("en", "errors.field.missing") == first


def test_nothing_is_written_beside_the_word_files(fresh):
    before = sorted(p.relative_to(fresh) for p in fresh.rglob("*"))
    words.t("zh", "errors.field.missing")
    assert sorted(p.relative_to(fresh) for p in fresh.rglob("*")) == before


def test_a_changed_word_file_is_read_again(fresh):
    first = words.t("en", "errors.field.missing")
    source = fresh / "en" / "errors.toml"
    source.write_text(source.read_text(encoding="utf-8").replace(f'missing = "{first}"', 'missing = "is not there"'), encoding="utf-8")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    forget()
    assert words.t("en", "errors.field.missing") == "is not there"


def test_a_broken_copy_is_ignored_and_replaced(fresh, tmp_path):
    first = words.t("en", "errors.field.missing")
    kept = tmp_path / "home" / "cache" / "words-en.marshal"
    kept.write_bytes(b"not marshal")
    forget()
    assert words.t("en", "errors.field.missing") == first
    forget()
    assert kept.read_bytes() != b"not marshal"


def test_a_cache_folder_that_cannot_be_written_only_costs_time(fresh, tmp_path):
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "cache").write_text("a file where the folder would be", encoding="utf-8")
    assert words.t("zh", "errors.field.missing")


@pytest.mark.parametrize("lang", ["../../outside", "fr", ""])
def test_only_known_languages_name_a_file(fresh, tmp_path, lang):
    with pytest.raises(KeyError):
        words.catalog(lang)
    assert not list(tmp_path.rglob("*outside*"))


def test_no_home_folder_at_all_only_costs_time(fresh, monkeypatch):
    from negotiator.core import paths

    def nowhere():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(paths, "cache_dir", nowhere)
    assert words.t("en", "errors.field.missing")
