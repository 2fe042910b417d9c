"""Shared test helpers: run the real CLI with a pinned terminal and a private home, in this process
(quick) or, for the tests marked `subprocess`, as a separate program (exit codes, pipes, imports)."""

from __future__ import annotations

import atexit
import gc
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import settings

# An error reads as its English sentence once the word files are loaded (errors.in_english): the
# tests that match an error's text need them loaded, whichever test runs first.
import negotiator.words  # noqa: E402,F401

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
EXAMPLES = ROOT / "examples"
OFFLINE = Path(__file__).resolve().parent / "offline"
# Where a CLI run that tried the network leaves its mark; checked after every test. The folder
# also holds the word cache of runs without a NEGOTIATOR_HOME, and goes when the run ends.
_SESSION_FOLDER = Path(tempfile.mkdtemp(prefix="negotiator-net-"))
atexit.register(shutil.rmtree, _SESSION_FOLDER, ignore_errors=True)
NET_MARKER = _SESSION_FOLDER / "network-used.txt"
os.environ["XDG_CACHE_HOME"] = str(_SESSION_FOLDER / "cache")

# Hypothesis: `ci` (when CI is set, as .ci/run does) tries as many examples as each test asks for
# (100 where it does not say) and prints how to replay a failure; `dev`, the default, a fifth of
# that (20 where a test does not say, `examples` below where it does), so that a run from a fresh
# clone, with no example database, stays quick. HYPOTHESIS_PROFILE names a profile outright.
settings.register_profile("dev", max_examples=20, deadline=None)
settings.register_profile("ci", max_examples=100, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


def examples(ci: int) -> int:
    """How many examples a test with a count of its own tries: `ci` under the `ci` profile, a fifth
    of it locally (`dev`), at least 10."""
    return max(10, ci * settings.default.max_examples // 100)


def sentence(lang: str, key: str, **values: object) -> re.Pattern[str]:
    """The sentence of the word files' `key`, as a pattern: the values given put in as `words.t`
    does, any other placeholder matching any value, any run of spaces matching any line break the
    window made. For a test about where a sentence shows, not about its wording."""
    from negotiator.words import raw, t

    text = str(raw(lang, key))
    names = set(re.findall(r"\{(\w+)\}", text))
    marks = {name: f"@@{name}@@" for name in names - values.keys()}
    filled = t(lang, key, **values, **marks) if names else text
    parts = re.split(r"@@\w+@@", filled)
    return re.compile(".+?".join(r"\s+".join(map(re.escape, part.split())) for part in parts), re.DOTALL)


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    """A pinned environment: 80 columns, no colour, a private data folder, this checkout's code."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(
        PYTHONPATH=os.pathsep.join([str(OFFLINE), str(SRC), env.get("PYTHONPATH", "")]),
        NEGOTIATOR_NET_MARKER=str(NET_MARKER),
        NEGOTIATOR_HOME=str(home),
        COLUMNS="80",
        TERM="dumb",
        NO_COLOR="1",
        LANG="C.UTF-8",
        PYTHONIOENCODING="utf-8",
    )
    env.update(extra)
    return env


# ---- a test that starts a process says so ------------------------------------------------------
# Starting a process costs far more than running the program in this one (`run_cli`), so a test
# that does so carries the `subprocess` mark: the few that must (exit codes as the shell sees them,
# pipes, import times, a real terminal, processes racing). Any other that starts one fails.
_PROCESS_EVENTS = frozenset({"subprocess.Popen", "os.fork", "os.forkpty", "os.posix_spawn", "os.spawn", "os.system", "os.exec"})
_unmarked: list[str] = []  # the test running now, while it has no `subprocess` mark
_started: list[str] = []  # what such a test started


def _watch_processes(event: str, args: tuple) -> None:
    if _unmarked and event in _PROCESS_EVENTS:
        _started.append(f"{event} {args[:2]!r}")
        raise RuntimeError(f"{_unmarked[0]} starts a process ({event}) without the `subprocess` mark")


sys.addaudithook(_watch_processes)


@pytest.fixture(autouse=True)
def processes_only_when_marked(request, monkeypatch):
    """Fails a test that starts a process (subprocess, pexpect, multiprocessing) without the
    `subprocess` mark; the process is refused, and the test fails even if something caught that."""
    if request.node.get_closest_marker("subprocess") is not None:
        yield
        return
    import multiprocessing.process

    start = multiprocessing.process.BaseProcess.start

    def refused(process):
        _watch_processes("os.spawn", ("multiprocessing", process.name))
        return start(process)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refused)
    _unmarked.append(request.node.nodeid)
    try:
        yield
    finally:
        _unmarked.clear()
    if _started:
        started = "; ".join(_started)
        _started.clear()
        pytest.fail(f"started a process without the `subprocess` mark: {started}")


@pytest.fixture(autouse=True)
def no_network_used():
    """Every CLI run loads tests/offline/sitecustomize.py, which refuses the network and leaves a
    marker: a test whose runs tried to connect fails here."""
    yield
    if NET_MARKER.exists():
        attempts = NET_MARKER.read_text(encoding="utf-8")
        NET_MARKER.unlink()
        pytest.fail(f"a CLI run tried to use the network: {attempts}")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir(mode=0o700)  # as negotiator makes it: one made open is set private, with a note
    return path


@pytest.fixture
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """For the wizard driven in this process: a private data folder (not made yet), the test's own
    folder as the working directory (the plan files are saved there), and the pipe input standing
    in for the terminal the wizard checks for outside tests."""
    import negotiator.wizard as wizard

    monkeypatch.setenv("NEGOTIATOR_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(wizard, "interactive", lambda: True)
    return tmp_path / "home"


@pytest.fixture(autouse=True, scope="session")
def shared_default_key_bindings():
    """prompt_toolkit builds its few hundred default key bindings (emacs, vi, mouse) anew for every
    prompt, half the time of an in-process wizard test. They depend on nothing but the code, and
    their conditions are read from the running prompt, so the tests build them once; what is asked
    and answered is unchanged (the pexpect runs, in a real process, build them as a person's would)."""
    from functools import lru_cache

    from prompt_toolkit.application import application

    with pytest.MonkeyPatch.context() as patch:
        for name in ("load_key_bindings", "load_page_navigation_bindings"):
            patch.setattr(application, name, lru_cache(maxsize=None)(getattr(application, name)))
        yield


@pytest.fixture(autouse=True, scope="session")
def signatures_read_once():
    """typer builds every command of the app anew for each run, reading each command function's
    signature and resolving its type hints: two thirds of an in-process `calc`.
    A function's signature depends on nothing but the code, so the tests read each one once; each
    run still gets its own copies of the option and argument settings, as typer makes them, and
    builds its own click commands from them (the runs marked `subprocess` read them as a person's
    would)."""
    from copy import copy
    from functools import lru_cache

    from typer import main
    from typer.models import ParameterInfo, ParamMeta

    read = lru_cache(maxsize=None)(main.get_params_from_function)

    def fresh(func):
        return {
            name: ParamMeta(name=meta.name, default=copy(meta.default) if isinstance(meta.default, ParameterInfo) else meta.default,
                            annotation=meta.annotation)
            for name, meta in read(func).items()
        }

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(main, "get_params_from_function", fresh)
        yield


def _trap(*args, **kwargs):
    """What tests/offline/sitecustomize.py does in a CLI process, for a run in this one."""
    with open(os.environ["NEGOTIATOR_NET_MARKER"], "a", encoding="utf-8") as marker:
        marker.write(repr(args[:2]) + "\n")
    raise OSError("network use is not allowed in negotiator's tests")


class _Stream(io.BytesIO):
    """A captured stream the program may close (it does, after a broken pipe) and we still read."""

    def close(self) -> None:
        pass


def _text(stream: _Stream) -> str:
    # As subprocess.run(text=True) reads a pipe: UTF-8, universal newlines.
    return stream.getvalue().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


class _TooLong(BaseException):
    """Raised into a run that outlived its timeout; a BaseException, so the program cannot catch it."""


def _alarm(timeout: float):
    """Stop a run that hangs, as subprocess.run(timeout=...) would: with SIGALRM, in the main thread."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return None

    def ring(signum, frame):
        raise _TooLong()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    return previous


def run_in_process(args: tuple[str, ...], env: dict[str, str], input: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real entry point, `negotiator.start.main(argv)`, with the process's streams, environment
    and socket functions swapped for this run only and put back after it, whatever it did."""
    from negotiator import start

    out, err = _Stream(), _Stream()
    gc_enabled = gc.isenabled()
    environment = dict(os.environ)  # the program sets variables of its own (pydantic's plugins)
    code: int | str | None = 0
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            patch.delenv(name)
        for name, value in env.items():
            patch.setenv(name, value)
        patch.setattr(sys, "argv", ["negotiator", *args])
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((input or "").encode("utf-8")), encoding="utf-8"))
        patch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="utf-8", write_through=True))
        patch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding="utf-8", write_through=True))
        for name in ("create_connection", "getaddrinfo"):
            patch.setattr(socket, name, _trap)
        for name in ("connect", "connect_ex", "sendto"):
            patch.setattr(socket.socket, name, _trap)
        previous = _alarm(timeout)
        try:
            start.main(list(args))
        except SystemExit as exit_:
            code = exit_.code
        except _TooLong:
            pytest.fail(f"negotiator {' '.join(args)} still ran after {timeout} s")
        finally:
            if previous is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except ValueError:  # closed by the program
                    pass
            if gc_enabled:
                gc.enable()  # whatever the program did with the collector
            patch.undo()
            os.environ.clear()
            os.environ.update(environment)
    if isinstance(code, str):
        err.write(f"{code}\n".encode())
        code = 1
    return subprocess.CompletedProcess(["negotiator", *args], code or 0, _text(out), _text(err))


# This process already runs this checkout's code, in UTF-8.
_SAME_IN_PROCESS = frozenset({"PYTHONPATH", "PYTHONIOENCODING"})


@pytest.fixture
def run_cli(home: Path, request):
    """run_cli('plan', '--answers', f) -> CompletedProcess (text), as a person would run it: through
    the real entry point, in this process; in a separate one for tests marked `subprocess`.
    A run still going after `timeout` seconds fails the test, in either."""
    marked = request.node.get_closest_marker("subprocess") is not None

    def run(*args: str, input: str | None = None, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
        # Settings only a starting interpreter reads (PYTHONPROFILEIMPORTTIME, ...) need one.
        if not marked and not any(name.startswith("PYTHON") and name not in _SAME_IN_PROCESS for name in env):
            return run_in_process(args, cli_env(home, **env), input, timeout)
        return subprocess.run(
            [sys.executable, "-m", "negotiator", *args],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            env=cli_env(home, **env),
            stdin=None if input is not None else subprocess.DEVNULL,
        )

    return run


@pytest.fixture
def run_here(home: Path):
    """run_cli in this process even for a test marked `subprocess`: for what such a test sets up
    before, or reads back after, the run that needs a process of its own (saving a case, listing
    the log); a separate process would prove nothing more there."""

    def run(*args: str, input: str | None = None, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
        return run_in_process(args, cli_env(home, **env), input, timeout)

    return run


@pytest.fixture
def example_cases(run_cli, run_here):
    """Both shipped examples saved as cases named "en" and "zh" (in this process); returns run_cli."""
    for lang in ("en", "zh"):
        done = run_here("new", "--answers", str(EXAMPLES / f"case-{lang}.json"), "--name", lang)
        assert done.returncode == 0, done.stderr
    return run_cli


def example_answers(lang: str) -> dict:
    """The example answers file of `lang`, as data to change."""
    import json

    return json.loads((EXAMPLES / f"case-{lang}.json").read_text(encoding="utf-8"))


def write_answers(path: Path, data: dict) -> Path:
    """`data` written as an answers file at `path`."""
    import json

    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def save_expired_case(run_cli, folder: Path, lang: str = "en", name: str = "old") -> dict:
    """The example of `lang` with its first debt 1,500 days overdue, so that its limitation has run
    out, saved as case `name` (its answers file written in `folder`); returns that debt as
    `show --format json` gives it. The test is skipped where the plan marks no limitation periods."""
    import json

    answers = example_answers(lang)
    answers["debts"][0]["days_overdue"] = 1500
    path = write_answers(folder / f"{name}.json", answers)
    assert run_cli("new", "--answers", str(path), "--name", name).returncode == 0
    debt = json.loads(run_cli("show", name, "--format", "json").stdout)["debts"][0]
    if (debt.get("limitation") or {}).get("status") != "expired":
        pytest.skip("this plan does not mark limitation periods")
    return debt


def leaf_paths(node, path=()):
    """Every path to a value that is neither a mapping nor a list, in a JSON document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaf_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaf_paths(value, (*path, index))
    else:
        yield path
