"""The package's layers, checked: no module imports one above it, at module level or inside a
function, and no two modules import each other, directly or round a longer loop.

The order is `negotiator.LAYERS`: lowest first, each a folder or a module. A module belongs to the
longest entry its name starts with; the entries on one line are side by side and do not import
each other (the plan and the store; the wizard and the commands); within one entry (a folder)
modules import each other freely, but never in a loop. The package's docstring lists the same
order, checked here too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from conftest import SRC

import negotiator

PACKAGE = "negotiator"


def module_name(path: Path, src: Path = SRC) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(src: Path = SRC) -> dict[str, Path]:
    return {module_name(path, src): path for path in sorted((src / "negotiator").rglob("*.py"))}


def imports(path: Path, known: set[str], here: str) -> set[str]:
    """Every negotiator module `path` imports, wherever the import statement is (in a function, under
    TYPE_CHECKING). `from negotiator.x import y` counts as importing the module x.y when there is one."""
    found = set()
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "negotiator")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from .x import y
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            if base.split(".")[0] != "negotiator":
                continue
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else base)
    found.discard(here)
    return found


def place(name: str) -> tuple[int, str]:
    """(layer, entry) of a module; the package itself is below every layer."""
    if name == PACKAGE:
        return -1, PACKAGE
    best: tuple[int, str] | None = None
    for rank, entries in enumerate(negotiator.LAYERS):
        for entry in entries:
            full = f"{PACKAGE}.{entry}"
            if (name == full or name.startswith(full + ".")) and (best is None or len(full) > len(best[1])):
                best = (rank, full)
    if best is None:
        # A folder split between layers (records): its own __init__ goes with the lowest of them.
        below = [(rank, f"{PACKAGE}.{entry}") for rank, entries in enumerate(negotiator.LAYERS) for entry in entries
                 if f"{PACKAGE}.{entry}".startswith(name + ".")]
        best = min(below, default=None)
    if best is None:
        raise LookupError(f"{name} is in no layer: add it to LAYERS in src/negotiator/__init__.py")
    return best


def graph(src: Path = SRC) -> dict[str, set[str]]:
    found = modules(src)
    known = set(found)
    return {name: imports(path, known, name) & known for name, path in found.items()}


def upward(edges: dict[str, set[str]]) -> list[str]:
    wrong = []
    for importer, imported in sorted(edges.items()):
        rank, entry = place(importer)
        for name in sorted(imported):
            their_rank, their_entry = place(name)
            if their_entry != entry and their_rank >= rank:
                wrong.append(f"{importer} imports {name}, which is {'above it' if their_rank > rank else 'beside it'}")
    return wrong


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The import loops: strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    loops: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                loops.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return loops


def test_every_module_has_a_layer():
    for name in modules():
        place(name)


def test_no_module_imports_one_above_or_beside_it():
    assert upward(graph()) == []


def test_no_import_loops():
    assert cycles(graph()) == []


def listed(doc: str) -> list[tuple[str, ...]]:
    """The layers as the package's docstring numbers them: "8. plan, store: ..." is ("plan", "store")."""
    found = re.findall(r"^\d+\. ([\w.]+(?:, [\w.]+)*)(?::|$)", doc, re.MULTILINE)
    return [tuple(names.split(", ")) for names in found]


def test_the_package_docstring_lists_the_layers_in_order():
    assert listed(negotiator.__doc__ or "") == list(negotiator.LAYERS)


def test_every_layer_names_a_folder_or_a_module():
    root = SRC / PACKAGE
    for entries in negotiator.LAYERS:
        for entry in entries:
            path = root.joinpath(*entry.split("."))
            assert path.is_dir() or path.with_suffix(".py").is_file(), entry


def test_few_modules_sit_directly_in_the_package():
    assert len(list((SRC / PACKAGE).glob("*.py"))) <= 8


# ---- the checks can fail ------------------------------------------------------------------------


def write(root: Path, name: str, text: str) -> None:
    path = root.joinpath(*name.split(".")).with_suffix(".py")
    path.parent.mkdir(parents=True, exist_ok=True)
    for folder in path.relative_to(root).parents:
        init = root / folder / "__init__.py"
        if folder != Path(".") and not init.exists():
            init.write_text("", encoding="utf-8")
    path.write_text(text, encoding="utf-8")


def test_an_import_inside_a_function_going_up_is_seen(tmp_path: Path):
    write(tmp_path, "negotiator.planning.engine", "def f():\n    from negotiator.render.text import render\n")
    write(tmp_path, "negotiator.render.text", "")
    assert upward(graph(tmp_path)) == ["negotiator.planning.engine imports negotiator.render.text, which is above it"]


def test_the_store_and_the_plan_do_not_import_each_other(tmp_path: Path):
    write(tmp_path, "negotiator.store.cases", "from negotiator import plan\n")
    write(tmp_path, "negotiator.plan", "")
    assert upward(graph(tmp_path)) == ["negotiator.store.cases imports negotiator.plan, which is beside it"]


def test_a_package_importing_back_through_its_init_is_a_loop(tmp_path: Path):
    write(tmp_path, "negotiator.advice.__init__", "from negotiator.advice.script import script\n")
    write(tmp_path, "negotiator.advice.script", "def script():\n    from negotiator.advice import build\n")
    assert cycles(graph(tmp_path)) == [["negotiator.advice", "negotiator.advice.script"]]


def test_a_relative_import_is_seen(tmp_path: Path):
    write(tmp_path, "negotiator.answers.case", "from ..plan import build_plan\n")
    write(tmp_path, "negotiator.plan", "")
    assert upward(graph(tmp_path)) == ["negotiator.answers.case imports negotiator.plan, which is above it"]


def test_a_module_in_no_layer_is_named():
    with pytest.raises(LookupError, match="negotiator.somewhere_new"):
        place("negotiator.somewhere_new")
