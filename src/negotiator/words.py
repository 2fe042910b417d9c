"""User-facing words, loaded by key from the per-language TOML files in content/.

Each area (errors, plan, wizard, ...) has one file per language so that the two languages can be
checked for the same keys and placeholders, and so no sentence lives in the code.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

CONTENT = Path(__file__).parent / "content"
LANGUAGES = ("zh", "en")


def detect_language() -> str:
    """The locale's language, as a first guess the user can always change."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _flatten(prefix: str, node: object, out: dict[str, object]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else key, value, out)
    else:
        out[prefix] = node


@lru_cache(maxsize=None)
def table(lang: str, area: str) -> dict[str, object]:
    """Every entry of one area in one language, with dotted keys."""
    with open(CONTENT / lang / f"{area}.toml", "rb") as handle:
        data = tomllib.load(handle)
    flat: dict[str, object] = {}
    _flatten("", data, flat)
    return flat


def areas() -> list[str]:
    return sorted(p.stem for p in (CONTENT / "en").glob("*.toml"))


def raw(lang: str, key: str) -> object:
    """An entry as stored (a string or a list), for keys like 'plan.checklist.before'."""
    area, _, rest = key.partition(".")
    return table(lang, area)[rest]


def t(lang: str, key: str, **values: object) -> str:
    """One sentence with its placeholders filled."""
    text = raw(lang, key)
    if not isinstance(text, str):
        raise TypeError(f"{key} is not a sentence")
    return text.format(**values) if values else text
