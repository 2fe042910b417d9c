"""How a run of the command line ends: what went wrong is said once, in the run's language (see
`this_run`), and mapped to its exit code. The commands and the wizard end the same way:

- our own errors (`errors`): their sentence, and their code (1, 2 for bad input, 130);
- typer's signals: --help and --version (0), a usage error (the usage line, where help is and what
  was wrong, in words; 2), an abort (130);
- Ctrl-C: 130; a reader closing the pipe (`| head`): 0, nothing is wrong, whichever path the
  command took (typer ends a closed pipe with 1 itself: that is caught);
- the output full, refused or closed, the input closed: one line, 2;
- a file or folder of the person's that the system refused (no permission, a full disk): one line
  naming it, 2;
- anything else is a bug: the full traceback goes to a private report in the data folder and the
  person sees one line saying where (1).
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from click.exceptions import ClickException, NoArgsIsHelpError

from negotiator.cli import this_run
from negotiator.core import paths
from negotiator.core.controls import visible
from negotiator.core.errors import BadInput, Message, NegotiatorError
from negotiator.words import say, t


class StreamClosed(OSError):
    """Standard input or output was closed before the program started (`<&-`, `>&-`)."""


class _Closed(io.TextIOBase):
    """Stands in for a standard stream the program was started without: reading or writing it is
    a StreamClosed, which ends the run with one line and exit 2 instead of a crash."""

    def __init__(self, which: str) -> None:
        self.which = which

    def _closed(self, *args: object) -> Any:
        raise StreamClosed(errno.EBADF, f"standard {self.which} is closed")

    read = readline = write = fileno = _closed

    def isatty(self) -> bool:
        return False

    def flush(self) -> None:
        pass


# The errors a standard stream gives when the person's side refuses it: a full disk or /dev/full,
# over quota, a closed descriptor, a device that failed.
_STREAM_FAULTS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EBADF, errno.EIO, errno.EROFS})


def run(args: Sequence[str], body: Callable[[], object]) -> int:
    """Run `body`, the work of the command line `args`, and return its exit code, having said what
    went wrong, if anything, in the language of this run."""
    if sys.stdin is None:
        sys.stdin = _Closed("input")
    if sys.stdout is None:
        sys.stdout = _Closed("output")
    with this_run.started(args), _notes(), _hang_up_is_ctrl_c():
        try:
            if this_run.unknown_language(args) is not None:
                raise BadInput("errors.usage.bad_value", option="--lang", problem=Message("cli.bad.lang"))
            result = body()
            sys.stdout.flush()  # a full or closed output is found here, not while Python shuts down
        except SystemExit as exc:
            if isinstance(exc.__context__, BrokenPipeError):  # how typer ends on a closed pipe: exit 1
                return ending(exc.__context__, args)
            raise
        except (Exception, KeyboardInterrupt) as exc:
            return ending(exc, args)
        return result if isinstance(result, int) else 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@contextmanager
def _hang_up_is_ctrl_c() -> Iterator[None]:
    """A closed window (SIGHUP) or a polite kill (SIGTERM) ends the run as Ctrl-C does, so what
    was typed is kept the same way: the wizard's draft, the call's draft contact, the answers of
    `log add`. Left to themselves, both end the process at once and lose it."""
    wanted = [getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)]
    try:
        before = [(number, signal.signal(number, _interrupt)) for number in wanted]
        for number, handler in before:
            if handler is signal.SIG_IGN:  # started under nohup: a hang-up stays ignored
                signal.signal(number, handler)
    except ValueError:  # not the main thread (a test's runner): signals stay as they are
        before = []
    try:
        yield
    finally:
        for number, handler in before:
            signal.signal(number, handler)


@contextmanager
def _notes() -> Iterator[None]:
    """After the run, what it found and put right on the way: a data folder that others could read."""
    paths.widened.clear()  # found before this run (a caller in the same process): not this run's to say
    try:
        yield
    finally:
        for folder in paths.widened:
            # The cache holds only a copy of the program's own words: named as what it is, so a
            # person does not go looking for their cases in it.
            key = "safety.cache_private" if folder.is_relative_to(paths.cache_dir()) else "safety.folder_private"
            _tell(t(this_run.language(), key, path=folder))
        paths.widened.clear()


def _output_gone() -> None:
    """What is still waiting for the output goes nowhere: flushing it again as Python shuts down
    would fail again and print a traceback after the message."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


def ending(exc: BaseException, args: Sequence[str]) -> int:
    """Say what `exc` means to the person (on stderr) and return the exit code."""
    lang = this_run.language()
    if isinstance(exc, NegotiatorError):
        _tell(say(lang, exc))
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return 130
    if isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE):
        _output_gone()  # a reader like `head` closed the pipe; nothing is wrong with the plan
        return 0
    if isinstance(exc, StreamClosed) and "input" in str(exc):
        _tell(t(lang, "safety.input_closed"))
        return 2
    if isinstance(exc, OSError) and exc.filename is None and exc.errno in _STREAM_FAULTS:
        # Not a file of the person's (those are named) but the output itself: closed, full, refused.
        _output_gone()
        _tell(t(lang, "safety.output_failed", reason=exc.strerror or exc))
        return 2
    if isinstance(exc, OSError) and exc.filename is not None:
        # The folder or disk refused (no permission, full, read-only): the person can fix that.
        # (Without a file name it is not one of theirs, a socket say: a bug.)
        _tell(t(lang, "safety.os_error", path=exc.filename, reason=exc.strerror or exc))
        return 2
    code = _typers(exc, args, lang)
    if code is not None:
        return code
    where = report_crash(exc)
    if where is not None:
        _tell(t(lang, "errors.crash.report", path=where))
    else:
        _tell(f"{type(exc).__name__}: {exc}")
    return 1


def _tell(message: str) -> None:
    """One message on stderr: control text made safe, fitted to the window when it is one."""
    shown = visible(message)
    if shown:
        print(_fitted(shown), file=sys.stderr)


def _fitted(message: str) -> str:
    """In a terminal, the message wrapped to the window by the same rules as the questions (at
    words in English, by the line-breaking rules in Chinese): the wizard's last words after Ctrl-C
    are read there. Sent to a file or a pipe, each sentence stays on one line."""
    try:
        if not sys.stderr.isatty():
            return message
    except (AttributeError, ValueError):  # replaced or closed
        return message
    from negotiator.render.layout import fit_screen  # noqa: PLC0415

    return fit_screen(message)


def _typers(exc: BaseException, args: Sequence[str], lang: str) -> int | None:
    """The exit code for typer's own signals (usage errors, --help, aborts), after showing the
    message in `lang`; None for anything else. Only a loaded typer can have raised one (a test may
    run a body without it)."""
    if "typer" not in sys.modules:
        return None
    import typer  # noqa: PLC0415

    from negotiator.cli import usage_errors  # noqa: PLC0415

    if isinstance(exc, typer.Exit):
        return int(exc.exit_code)
    if isinstance(exc, typer.Abort):
        return 130
    if isinstance(exc, NoArgsIsHelpError):
        exc.show()  # the help page itself, for a group typed without a command (`negotiator log`)
        return int(exc.exit_code)
    if isinstance(exc, ClickException):
        _tell(usage_errors.explain(exc, args, lang))
        return int(exc.exit_code)
    return None


def report_crash(exc: BaseException) -> Path | None:
    """Write the full traceback to a log in the data folder; the user sees one line."""
    try:
        from negotiator.core.files import atomic_write  # noqa: PLC0415
        from negotiator.core.paths import private_data  # noqa: PLC0415

        folder = private_data("logs")
        path = folder / f"crash-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.log"
        atomic_write(path, "".join(traceback.format_exception(exc)))
        return path
    except Exception:  # the report is a courtesy; never let it hide the original problem
        return None
