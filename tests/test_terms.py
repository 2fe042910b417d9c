"""One word per idea, in both languages, for the legal terms the plan uses (the glossary's rule):
where a Chinese sentence names the idea by its term, the English one says it by its term too, and
the words a reader could take for another idea are never used."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator import words

ROOT = Path(__file__).resolve().parents[1]

# idea: (Chinese term, English term, Chinese words to avoid, English words to avoid)
TERMS = {
    "assumed term": ("假设期限", "assumed term", ("通常的期限", "通常期限", "通常给的期限"), ("usual term",)),
    "mediation document": ("调解书", "mediation document", ("调解协议书",), ("mediation agreement",)),
    "withdrawal of the suit": ("撤诉", "withdraw", ("撤回起诉",), ()),
    "answer to the claim": ("答辩状", "written answer (答辩状)", ("答辩书",), ("file an answer", "statement of defence")),
    # facts.md §10: the public legal-service hotline, for free legal advice; legal aid is a separate thing.
    "12348": ("12348 公共法律服务热线", "12348 public legal-service hotline", ("法律援助热线",), ("legal-aid hotline", "legal aid hotline")),
}


def texts(lang: str) -> dict[str, str]:
    """Every word of the language, keyed by area and key (a list's entries joined)."""
    out = {}
    for area in words.areas():
        for key, value in words.table(lang, area).items():
            out[f"{area}.{key}"] = " ".join(value) if isinstance(value, list) else str(value)
    return out


@pytest.mark.parametrize("idea", TERMS)
def test_a_term_is_said_one_way_in_both_languages(idea):
    zh_term, en_term, _, _ = TERMS[idea]
    zh, en = texts("zh"), texts("en")
    named = [key for key in zh if zh_term in zh[key]]
    assert named, idea  # the idea is used somewhere
    for key in named:
        assert en_term in en[key], (idea, key)
    for key in en:
        if en_term in en[key]:
            assert zh_term in zh[key], (idea, key)


@pytest.mark.parametrize("idea", TERMS)
def test_the_words_to_avoid_are_not_used(idea):
    _, _, zh_avoid, en_avoid = TERMS[idea]
    sheets = {"zh": (texts("zh"), (ROOT / "README.zh.md").read_text("utf-8")), "en": (texts("en"), (ROOT / "README.md").read_text("utf-8"))}
    for lang, avoid in (("zh", zh_avoid), ("en", en_avoid)):
        found, readme = sheets[lang]
        for word in avoid:
            assert word not in readme, (lang, word)
            assert not [key for key, text in found.items() if word in text], (lang, word)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_12348_is_named_and_reported_as_facts_md_states_it(lang):
    term = TERMS["12348"][0 if lang == "zh" else 1]
    reported = ("据报道",) if lang == "zh" else ("reported", "According to reports")
    for key, text in texts(lang).items():
        if "12348" in text:
            assert term in text, key
            assert any(word in text for word in reported), key


# ---- spoken Chinese -------------------------------------------------------------------------------

# The words read aloud on the phone: the answers to collectors, the script and `call`'s own lines.
SPOKEN = ("objections.", "script.", "call.expired.", "call.screen.closing_accepted", "safety.check_first.", "safety.old.answer",
          "safety.court.script_")
WRITTEN = ("以及", "并且", "从而", "因此", "然而", "之日起", "是否", "不做任何", "其中", "予以")


def aloud(text: str) -> str:
    """What is said: the text without the notes in 【】, which are for the person only."""
    out, depth = [], 0
    for ch in text:
        depth += ch == "【"
        if not depth:
            out.append(ch)
        depth -= ch == "】" and depth > 0
    return "".join(out)


def test_what_is_read_aloud_in_chinese_is_spoken_chinese():
    for key, text in texts("zh").items():
        if not key.startswith(SPOKEN) or key.endswith((".they_say", ".source", ".grade")) or "said." in key:
            continue
        said = aloud(text)
        assert "（" not in said and "(" not in said, key  # no brackets read aloud
        for word in WRITTEN:
            assert word not in said, (key, word)
