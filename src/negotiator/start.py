"""Where the program starts: what holds for the whole process is set here, before the commands
load, and put back when the command is done. The `negotiator` command and `python -m negotiator`
both come here.
"""

from __future__ import annotations

import gc
import os
import sys

from negotiator.quick import QUICK, command_word


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
    from negotiator.cli import run

    return run(args)


def main(argv: list[str] | None = None) -> None:
    """Run one command line (`argv`, else the process's own) and exit with its code."""
    args = sys.argv[1:] if argv is None else list(argv)
    # pydantic plugins see every value it validates, here a person's finances, and some send what
    # they see to a server. None is wanted; not looking for them also saves a scan of every
    # installed package.
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    only_wizard, lang = _wizard_language(args)
    if only_wizard:
        from negotiator import exits

        sys.exit(exits.run(args, lambda: _wizard(lang)))
    # Start-up creates many thousands of objects that live until exit (modules, classes,
    # validators); collecting among them is wasted work, about 10 ms of a quick command. The
    # wizard, which runs for minutes, keeps the collector.
    quick = command_word(args) in QUICK
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
