"""Errors carry a key of the word files and the values of its placeholders, never words: checked
over the package's source, so a mistyped key or a missing value fails here rather than showing a
key (or a KeyError) to a person on the day that error happens.

Every call of an error of the NegotiatorError family, or of Message, whose key is written out is
checked: the key is a sentence in both languages and its placeholders are the values given. And
everywhere the key is a key (written out, or a name holding one), never text put into words where
the error is raised.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SRC

from negotiator import words

PACKAGE = SRC / "negotiator"
ERRORS = "negotiator.core.errors"
FAMILY = {(ERRORS, name) for name in ("NegotiatorError", "BadInput", "Refused", "Interrupted")}
MESSAGE = {(ERRORS, "Message")}

# Modules whose errors all carry keys. Once every module does, this is the whole package and
# words.say no longer needs to show an unknown key as it is.


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _family_classes(trees: dict[str, ast.Module]) -> set[tuple[str, str]]:
    """The family as defined in errors.py and every class the package derives from it."""
    family = set(FAMILY)
    grew = True
    while grew:
        grew = False
        for module, tree in trees.items():
            names = _imported(tree, module, family)
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and (module, node.name) not in family:
                    if any(isinstance(b, ast.Name) and b.id in names for b in node.bases):
                        family.add((module, node.name))
                        grew = True
    # A package that names a class of its own module (negotiator.planning.ChoiceUnavailable).
    for module, name in list(family):
        family.add((module.rpartition(".")[0], name))
    return family


def _imported(scope: ast.AST, module: str, wanted: set[tuple[str, str]]) -> set[str]:
    """Local names that stand for one of `wanted` in `scope` (its own imports, not its functions')."""
    names = {name for mod, name in wanted if mod == module}
    for node in _own_nodes(scope):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if (node.module, alias.name) in wanted:
                    names.add(alias.asname or alias.name)
        elif isinstance(node, ast.ClassDef) and (module, node.name) not in wanted:
            names.discard(node.name)  # a class of the module's own by that name (log's Refused)
    return names


def _own_nodes(scope: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a module or function, without those of the functions inside it."""
    stack = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            stack.extend(ast.iter_child_nodes(node))


def _calls(scope: ast.AST, module: str, family: set[tuple[str, str]], errors: set[str], messages: set[str]) -> Iterator[tuple[ast.Call, bool]]:
    """Every call of an error class (True) or of Message (False), resolving names scope by scope."""
    errors = errors | _imported(scope, module, family)
    messages = messages | _imported(scope, module, MESSAGE)
    for node in _own_nodes(scope):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in errors:
                yield node, True
            elif node.func.id in messages:
                yield node, False
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from _calls(node, module, family, errors, messages)


def _sites() -> list[tuple[str, str, ast.Call, bool]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    trees = {module_name(p): ast.parse(p.read_text("utf-8")) for p in paths}
    family = _family_classes(trees)
    sites = []
    for path in paths:
        module = module_name(path)
        where = path.relative_to(PACKAGE).as_posix()
        for call, is_error in _calls(trees[module], module, family, set(), set()):
            sites.append((where, f"{where}:{call.lineno}", call, is_error))
    return sites


SITES = _sites()


def _literal_keys(node: ast.expr) -> list[str] | None:
    """The key(s) a first argument spells out: a string, or either string of `a if c else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        both = [_literal_keys(node.body), _literal_keys(node.orelse)]
        if all(k is not None for k in both):
            return [key for keys in both for key in keys or ()]
    return None


def _placeholders(text: str) -> set[str]:
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(text) if field}


def test_the_walk_finds_the_error_calls() -> None:
    """The check below checks something: the family's raise sites are found, aliases included."""
    found = {where for where, _, _, _ in SITES}
    assert {"store/folders.py", "answers/file.py", "wizard/flow.py", "planning/engine.py"} <= found
    assert len(SITES) > 60


WRITTEN = [s for s in SITES if s[2].args and _literal_keys(s[2].args[0])]


@pytest.mark.parametrize("where, site, call, is_error", WRITTEN, ids=[s[1] for s in WRITTEN])
def test_every_written_key_is_a_sentence_in_both_languages_with_its_values(where: str, site: str, call: ast.Call, is_error: bool) -> None:
    keys = _literal_keys(call.args[0])
    assert keys is not None
    given = {k.arg for k in call.keywords if k.arg is not None}
    unpacked = any(k.arg is None for k in call.keywords)
    for key in keys:
        if key == "" and is_error:  # says nothing: the reason was shown already
            assert not given, site
            continue
        for lang in words.LANGUAGES:
            try:
                text = words.raw(lang, key)
            except KeyError:
                pytest.fail(f"{site}: {key!r} is not in the {lang} word files")
            assert isinstance(text, str), f"{site}: {key!r} is not a sentence"
            if not unpacked:
                assert _placeholders(text) == given, f"{site}: {key!r} ({lang}) needs {sorted(_placeholders(text))}, given {sorted(given)}"


def _words_call(node: ast.AST) -> bool:
    """A call that puts something into words (t, say, raw, block) or an f-string: text, not a key."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        return name in ("t", "say", "raw", "block", "said")
    return False


RAISED_HERE = [s for s in SITES if s[3]]


@pytest.mark.parametrize("where, site, call, is_error", RAISED_HERE, ids=[s[1] for s in RAISED_HERE])
def test_errors_carry_a_key_and_values_not_words(where: str, site: str, call: ast.Call, is_error: bool) -> None:
    if not call.args:
        return
    first = call.args[0]
    if not isinstance(first, (ast.Name, ast.Attribute)):
        assert _literal_keys(first) is not None, f"{site}: the error's first argument must be a key, not {ast.unparse(first)}"
    for value in [*call.args[1:], *(k.value for k in call.keywords)]:
        assert not _words_call(value), f"{site}: a value is put into words where it is raised: {ast.unparse(value)}"


def test_a_bad_key_would_be_caught(tmp_path: Path) -> None:
    """The check fails on what it is meant to catch: a key missing from the word files, a value
    missing from a sentence."""
    tree = ast.parse("from negotiator.core.errors import BadInput, Message\n"
                     "def f():\n    raise BadInput('store.not_found', nme='x')\n"
                     "m = Message('store.no_such_sentence')\n")
    calls = list(_calls(tree, "probe", _family_classes({"probe": tree}), set(), set()))
    assert sorted((c.lineno, e) for c, e in calls) == [(3, True), (4, False)]
    calls.sort(key=lambda found: found[0].lineno)
    bad_values = calls[0][0]
    assert _placeholders(str(words.raw("en", "store.not_found"))) != {k.arg for k in bad_values.keywords}
    with pytest.raises(KeyError):
        words.raw("en", "store.no_such_sentence")
