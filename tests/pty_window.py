"""The program for real in a pseudo-terminal: one run of `python -m negotiator` in a window of a
given size, what it writes kept by a terminal emulator (pyte) and handed, as it comes, to the test's
own reading of it (`took`). The tests that type into the wizard, and those that check every screen
fits, read their runs through it."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pyte
from conftest import cli_env


class Window:
    def __init__(self, home: Path, cwd: Path, args: tuple[str, ...], columns: int, lines: int, wait: float) -> None:
        env = cli_env(home, TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1", COLUMNS=str(columns), LINES=str(lines))
        self.wait_for = wait
        self.child = pexpect.spawn(sys.executable, ["-m", "negotiator", *args], env=env, cwd=str(cwd),
                                   dimensions=(lines, columns), encoding="utf-8", timeout=wait)
        self.screen = pyte.HistoryScreen(columns, lines, history=20000)
        self.stream = pyte.Stream(self.screen)

    def took(self, chunk: str) -> None:
        """What the test keeps of each piece written, besides the screen."""

    def tail(self) -> str:
        """The end of what was written, for a failure's message."""
        return "\n".join(text for text, _ in self.lines()[-40:])

    def _read(self) -> bool:
        try:
            chunk = self.child.read_nonblocking(65536, timeout=self.wait_for)
        except pexpect.EOF:
            return False
        except pexpect.TIMEOUT:
            self.child.terminate(force=True)
            raise AssertionError(f"nothing new for {self.wait_for} s; the screen ends with:\n{self.tail()}") from None
        self.stream.feed(chunk)
        self.took(chunk)
        return True

    def finish(self) -> int:
        """Read to the end; the exit code (128 + the signal, when one ended it)."""
        while self._read():
            pass
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else 128 + self.child.signalstatus

    def lines(self) -> list[tuple[str, bool]]:
        """Every line the screen showed, those scrolled away included, each with whether its last
        column is used (a wide character's second half, which pyte keeps as "", counts)."""
        last = self.screen.columns - 1

        def line(row) -> tuple[str, bool]:
            return "".join(row[x].data for x in range(self.screen.columns)).rstrip(), row[last].data != " "

        rows = [line(row) for row in self.screen.history.top] + [line(self.screen.buffer[y]) for y in range(self.screen.lines)]
        while rows and not rows[-1][0]:
            rows.pop()
        return rows
