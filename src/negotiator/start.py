"""Where the program starts: what holds for the whole process is set here, before the commands
load. The `negotiator` command and `python -m negotiator` both come here, and every command line,
the wizard's included, is read by typer (`app`).
"""

from __future__ import annotations

import gc
import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run one command line (`argv`, else the process's own) and exit with its code."""
    # pydantic plugins see every value it validates, here a person's finances, and some send what
    # they see to a server. None is wanted.
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    # Start-up makes many thousands of objects that live until exit (modules, classes, validators):
    # collecting among them is wasted work, about a tenth of a quick command's time. The commands
    # that ask, which run for minutes, turn the collector back on once typer has said which command
    # runs (`app.root`).
    gc.disable()
    from negotiator.app import run  # noqa: PLC0415

    try:
        code = run(sys.argv[1:] if argv is None else list(argv), whole_process=argv is None)
    finally:
        if argv is None:
            # The process ends now and its memory goes back whole. The collection Python runs
            # while it shuts down would walk every object start-up made; frozen objects are left
            # out of it.
            gc.freeze()
        else:
            gc.enable()  # a caller that carries on (a test) keeps its collector
    sys.exit(code)
