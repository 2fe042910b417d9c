"""User-facing words, loaded by key from the per-language TOML files in content/.

Each area (errors, plan, wizard, ...) has one file per language so that the two languages can be
checked for the same keys and placeholders, and so no sentence lives in the code.
"""

from __future__ import annotations

import os
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
    """Every entry of one area in one language, with dotted keys. Only the known languages and
    plain area names are looked up: a language read from a file ("../../elsewhere") must never
    make us read, or cache, anything outside content/."""
    if lang not in LANGUAGES or not area.isidentifier():
        raise KeyError(f"{lang}/{area}")
    source = CONTENT / lang / f"{area}.toml"
    flat = _cached(source)
    if flat is None:
        import tomllib

        with open(source, "rb") as handle:
            data = tomllib.load(handle)
        flat = {}
        _flatten("", data, flat)
        _keep(source, flat)
    return flat


# Parsed word files are kept the way Python keeps compiled modules: next to the source, valid while
# the source is unchanged. Reading TOML costs a few milliseconds a file (and loading tomllib about
# three), which every quick command would otherwise pay at start-up.
def _cache_path(source: Path) -> Path:
    return source.parent.parent / "__pycache__" / f"{source.parent.name}.{source.stem}.marshal"


def _cached(source: Path) -> dict[str, object] | None:
    import marshal

    try:
        stat = source.stat()
        with open(_cache_path(source), "rb") as handle:
            key, flat = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return flat if key == [stat.st_mtime_ns, stat.st_size] and isinstance(flat, dict) else None


def _keep(source: Path, flat: dict[str, object]) -> None:
    """Best effort: a read-only install simply parses the TOML each time."""
    import marshal

    cache = _cache_path(source)
    part = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        stat = source.stat()
        data = marshal.dumps([[stat.st_mtime_ns, stat.st_size], flat])
        cache.parent.mkdir(exist_ok=True)
        part.write_bytes(data)
        os.replace(part, cache)  # whole or not at all, even with several processes at once
    except (OSError, ValueError):
        try:
            part.unlink(missing_ok=True)
        except OSError:
            pass


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
