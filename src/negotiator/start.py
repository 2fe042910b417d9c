"""Where the program starts: what holds for the whole process is set before the commands load.

The `negotiator` command and `python -m negotiator` both come here.
"""

import gc
import sys

from negotiator.quick import QUICK


def main(argv: list[str] | None = None) -> None:
    """Run one command line (`argv`, else the process's own) and exit with its code."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] and args[0] in QUICK:
        # Loading typer and pydantic makes many thousands of objects that live until exit; the
        # collector would keep walking them for nothing. `cli.main` turns it back on when done.
        gc.disable()
    from negotiator.cli import main as run

    run(argv)
