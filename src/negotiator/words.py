"""User-facing words, loaded by key from the per-language TOML files in content/.

Each area (errors, plan, wizard, ...) has one file per language so that the two languages can be
checked for the same keys and placeholders, and so no sentence lives in the code.
"""

from __future__ import annotations

import marshal
import os
from functools import cache
from pathlib import Path, PurePath

from negotiator.core import errors
from negotiator.core.controls import visible
from negotiator.core.errors import BadInput, Joined, Message, NegotiatorError
from negotiator.core.paths import private_dir

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


@cache
def table(lang: str, area: str) -> dict[str, object]:
    """Every entry of one area in one language, with dotted keys. Only the known languages and
    plain area names are looked up: a language read from a file ("../../elsewhere") must never
    make us read, or cache, anything outside content/."""
    if lang not in LANGUAGES or not area.isidentifier():
        raise KeyError(f"{lang}/{area}")
    return catalog(lang)[area]


@cache
def catalog(lang: str) -> dict[str, dict[str, object]]:
    """Every area of one language. Reading the TOML costs a few milliseconds (and loading tomllib
    about three), which every quick command would pay at start-up: the parsed words are kept in
    the user's cache folder, as one file per language, valid while the word files are unchanged.
    Nothing is written next to the installed files; where the cache cannot be written the words
    are simply read again next time."""
    if lang not in LANGUAGES:  # a file name is made from it
        raise KeyError(lang)
    folder = CONTENT / lang
    with os.scandir(folder) as entries:
        files = sorted((e.name, e.stat()) for e in entries if e.name.endswith(".toml"))
    # Where the words are installed and each file's name, change time and size.
    key: list[object] = [str(folder), [[name, stat.st_mtime_ns, stat.st_size] for name, stat in files]]
    from negotiator.core.paths import cache_dir  # noqa: PLC0415

    try:
        kept: Path | None = cache_dir() / f"words-{lang}.marshal"
    except (RuntimeError, KeyError):  # no home folder to be found: nowhere to keep them
        kept = None
    found = _read(kept, key) if kept is not None else None
    if found is not None:
        return found
    import tomllib  # noqa: PLC0415

    areas: dict[str, dict[str, object]] = {}
    for name, _ in files:
        with open(folder / name, "rb") as handle:
            flat: dict[str, object] = {}
            _flatten("", tomllib.load(handle), flat)
        areas[name.removesuffix(".toml")] = flat
    if kept is not None:
        _keep(kept, key, areas)
    return areas


# The parsed words of one language take about 100 KB; a file much larger than that is not ours.
MAX_CACHE_BYTES = 4 * 1024 * 1024


def _read(path: Path, key: list[object]) -> dict[str, dict[str, object]] | None:
    """The kept words, read like every other stored file (core.files.read_capped): a regular file
    only, never a link followed or a pipe waited on, at most MAX_CACHE_BYTES. Anything else, or a
    file that does not hold what `_keep` writes, is None: the words are read again and kept anew."""
    from negotiator.core.files import read_capped  # noqa: PLC0415

    try:
        data = read_capped(path, MAX_CACHE_BYTES)
        if data is None:
            return None
        stored_key, areas = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if stored_key != key or not isinstance(areas, dict):
        return None
    if not all(isinstance(area, dict) and all(isinstance(v, (str, list)) for v in area.values()) for area in areas.values()):
        return None
    return areas


def _keep(path: Path, key: list[object], areas: dict[str, dict[str, object]]) -> None:
    import stat  # noqa: PLC0415

    from negotiator.core.files import atomic_write  # noqa: PLC0415

    try:
        private_dir(path.parent)
        # A pipe, a link or a device where the cache goes is ours to replace: it holds nothing.
        if os.path.lexists(path) and not stat.S_ISREG(os.lstat(path).st_mode) and not os.path.isdir(path):
            os.unlink(path)
        atomic_write(path, marshal.dumps([key, areas]), overwrite=True)
    except (OSError, ValueError, BadInput):
        pass  # a read-only home: the words are parsed again next time


def areas() -> list[str]:
    return sorted(p.stem for p in (CONTENT / "en").glob("*.toml"))


def raw(lang: str, key: str) -> object:
    """An entry as stored (a string or a list), for keys like 'plan.checklist.before'."""
    area, _, rest = key.partition(".")
    return table(lang, area)[rest]


def typed_words(key: str) -> tuple[str, ...]:
    """A list of words a person may type (a yes, a key), in every language: people type either."""
    found: list[str] = []
    for lang in LANGUAGES:
        words = raw(lang, key)
        found += [str(w).casefold() for w in words] if isinstance(words, list) else []
    return tuple(dict.fromkeys(found))


def t(lang: str, key: str, **values: object) -> str:
    """One sentence with its placeholders filled. This is where every echo of a value from outside
    (a typed name or note, a stored value, a file name, the data folder's path) meets the screen:
    each text value is shown with its controls escaped (controls.visible), so none can retitle
    the window, clear the screen or reorder what is read. A line break stays one."""
    text = raw(lang, key)
    if not isinstance(text, str):
        raise TypeError(f"{key} is not a sentence")
    return text.format(**{name: _echoed(value) for name, value in values.items()}) if values else text


def _echoed(value: object) -> object:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, PurePath):
        return visible(str(value))
    return value


def say(lang: str, said: Message | NegotiatorError | str) -> str:
    """A Message (or an error's) in words: the one place where what went wrong is translated. A
    value that is a Message is said first, a list of them one per line, a Joined list of names
    with the language's separator. A plain string is shown as it is: text from outside (an
    operating-system reason) is never looked up. A key missing from the word files is a bug, and
    fails as one (tests/test_error_keys.py checks every key written in the source)."""
    if isinstance(said, str):
        return said
    if isinstance(said, NegotiatorError):
        said = said.message
    if not said.key:
        return ""
    values = {name: _said(lang, value) for name, value in said.values.items()}
    return t(lang, said.key, **values)


def _said(lang: str, value: object) -> object:
    if isinstance(value, Message):
        return say(lang, value)
    if isinstance(value, Joined):
        return t(lang, value.separator).join(str(item) for item in value.items)
    if isinstance(value, (list, tuple)) and value and all(isinstance(item, Message) for item in value):
        return "\n".join(say(lang, item) for item in value)
    return value


def _in_english(message: Message) -> str:
    try:
        return say("en", message)
    except (KeyError, IndexError, ValueError):  # a traceback must still show what was raised
        return repr(message)


errors.in_english = _in_english  # str() of an error, for tracebacks, logs and tests
