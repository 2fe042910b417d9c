"""Where the program starts: what holds for the whole process is set before the commands load.

The `negotiator` command and `python -m negotiator` both come here.
"""

import gc
import sys

from negotiator.quick import QUICK


def _wizard_language(args: list[str]) -> tuple[bool, str | None]:
    """Whether the command line only starts the wizard (`negotiator`, `negotiator new`, with or
    without `--lang zh|en`), and the language asked for."""
    rest = args[1:] if args[:1] == ["new"] else args
    if not rest:
        return True, None
    if len(rest) == 2 and rest[0] == "--lang" and rest[1] in ("zh", "en"):
        return True, rest[1]
    return False, None


def wizard(lang: str | None) -> None:
    """The wizard without typer: typer (and the pydantic it loads) would take longer to start than
    the first question takes to appear. Errors end as they do for every command."""
    import os

    from negotiator.errors import NegotiatorError

    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"  # as cli.main: no plugin sees a case
    try:
        from negotiator.wizard import start

        start(lang)
        code = 0
    except NegotiatorError as exc:
        from negotiator.options import spoken
        from negotiator.words import detect_language, say

        message = say(spoken or lang or detect_language(), exc)  # the interview's language, once chosen
        if message:
            print(message, file=sys.stderr)
        code = exc.exit_code
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:
        from negotiator.cli import _report_crash
        from negotiator.words import detect_language, t

        where = _report_crash(exc)
        said = lang or detect_language()
        print(t(said, "errors.crash.report", path=where) if where else f"{type(exc).__name__}: {exc}", file=sys.stderr)
        code = 1
    sys.exit(code)


def main(argv: list[str] | None = None) -> None:
    """Run one command line (`argv`, else the process's own) and exit with its code."""
    args = sys.argv[1:] if argv is None else argv
    only_wizard, lang = _wizard_language(args)
    if only_wizard:
        wizard(lang)
    if args[:1] and args[0] in QUICK:
        # Loading typer and pydantic makes many thousands of objects that live until exit; the
        # collector would keep walking them for nothing. `cli.main` turns it back on when done.
        gc.disable()
    from negotiator.cli import main as run

    run(argv)
