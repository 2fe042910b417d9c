"""Where the program starts: what holds for the whole process is set here, before the commands
load, and put back when the command is done. The `negotiator` command and `python -m negotiator`
both come here.
"""

from __future__ import annotations

import gc
import os
import sys

from negotiator.cli.words_typed import is_quick

_PLUGIN_LOADER = "pydantic.plugin._loader"


def _no_pydantic_plugins() -> None:
    """pydantic plugins see every value it validates, here a person's finances, and some send what
    they see to a server. None is wanted; not looking for them also saves a scan of every
    installed package. With plugins off, pydantic's plugin loader finds none, but loading it
    imports importlib.metadata (some 8 ms of `plan`): what stands in for it here answers the same
    at once, and hands anything else it is asked for to the real one."""
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    if _PLUGIN_LOADER not in sys.modules:
        import types

        loader = types.ModuleType(_PLUGIN_LOADER, "pydantic's plugin loader, with plugins turned off")
        loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
        loader.__getattr__ = _real_loader  # type: ignore[method-assign]
        sys.modules[_PLUGIN_LOADER] = loader


def _real_loader(name: str) -> object:
    import importlib

    if name.startswith("__"):
        raise AttributeError(name)  # the import system asking what kind of module it is
    del sys.modules[_PLUGIN_LOADER]
    return getattr(importlib.import_module(_PLUGIN_LOADER), name)


def _wizard_language(args: list[str]) -> tuple[bool, str | None]:
    """Whether the command line only starts the wizard (`negotiator`, `negotiator new`, with or
    without `--lang zh|en`), and the language asked for."""
    rest = args[1:] if args[:1] == ["new"] else args
    if not rest:
        return True, None
    if len(rest) == 2 and rest[0] == "--lang" and rest[1] in ("zh", "en"):
        return True, rest[1]
    return False, None


def _wizard(lang: str | None) -> None:
    """The wizard without typer: typer (and the pydantic it loads) would take longer to start than
    the first question takes to appear."""
    from negotiator.wizard import start

    start(lang)


def _command(args: list[str]) -> int:
    """A plain line of a command run most is read without typer (see `direct`); any other goes
    through the command line's wiring (`cli`)."""
    from negotiator import direct

    found = direct.read(args)
    if found is not None:
        from negotiator.cli import exits

        command, values = found
        return exits.run(args, lambda: command.body(values))
    from negotiator.app import run

    return run(args)


def main(argv: list[str] | None = None) -> None:
    """Run one command line (`argv`, else the process's own) and exit with its code."""
    args = sys.argv[1:] if argv is None else list(argv)
    _no_pydantic_plugins()
    only_wizard, lang = _wizard_language(args)
    if only_wizard:
        from negotiator.cli import exits

        sys.exit(exits.run(args, lambda: _wizard(lang)))
    # Start-up creates many thousands of objects that live until exit (modules, classes,
    # validators); collecting among them is wasted work, about 10 ms of a quick command. The
    # wizard, which runs for minutes, keeps the collector.
    quick = is_quick(args)
    if quick:
        gc.disable()
    try:
        code = _command(args)
    finally:
        if quick:
            if argv is None:
                # The process ends now and its memory goes back whole. The collection Python runs
                # while it shuts down would walk every object start-up made, about 20 ms; frozen
                # objects are left out of it.
                gc.freeze()
            gc.enable()  # for a caller that carries on, such as a test
    sys.exit(code)
