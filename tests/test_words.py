"""Every user-facing word exists in both languages, with the same keys and the same placeholders."""

from __future__ import annotations

import string

import pytest

from negotiator import words

AREAS = words.areas()


def placeholders(value: object) -> set[str]:
    texts = value if isinstance(value, list) else [value]
    found: set[str] = set()
    for text in texts:
        if isinstance(text, str):
            found |= {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return found


def test_every_area_exists_in_both_languages():
    zh = sorted(p.stem for p in (words.CONTENT / "zh").glob("*.toml"))
    assert zh == AREAS
    assert "errors" in AREAS and "labels" in AREAS


@pytest.mark.parametrize("area", AREAS)
def test_same_keys(area):
    assert set(words.table("zh", area)) == set(words.table("en", area))


@pytest.mark.parametrize("area", AREAS)
def test_same_placeholders(area):
    en, zh = words.table("en", area), words.table("zh", area)
    for key in en:
        assert placeholders(en[key]) == placeholders(zh[key]), key
        if isinstance(en[key], list):
            assert len(en[key]) == len(zh[key]), key


@pytest.mark.parametrize("area", AREAS)
def test_no_empty_words(area):
    for lang in words.LANGUAGES:
        for key, value in words.table(lang, area).items():
            assert value, f"{lang}/{area}.toml {key} is empty"
            assert "TODO" not in str(value)
