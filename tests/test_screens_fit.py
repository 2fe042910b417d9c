"""Every command that prints more than one line, for real, in a pseudo-terminal 60 columns wide and
again at 100, the screen kept by a terminal emulator (pyte) and read line by line at the end:

- no line reaches the window's last column (nothing is wider than the window, nothing wraps by
  itself; a Chinese character counts two columns);
- no line starts with closing punctuation (。，、；：？！）」』】 and their English kin);
- no English word, number, date or file name is split across two lines: where a line ends and the
  next begins with such text, the two halves joined must not be one word of the same screen at
  the other width, unless that screen shows them as two words too.

One process per command, width and language; the interactive screens (`call`, `practice`) are
typed through as a person would. The cases, contacts and drafts they show are made beforehand in
this process."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pty_window
import pytest
from conftest import EXAMPLES, cli_env, run_in_process

pytestmark = pytest.mark.subprocess

TODAY = dt.date.today()
WAIT = 60  # generous: the machine may be busy
WIDTHS = (60, 100)
# Punctuation that may not begin a line, Chinese and English.
CLOSING = tuple("。，、；：？！）」』】》〉〕…％,;:?!)]}%")
_ASCII_END = re.compile(r"[!-~]+$")
_ASCII_START = re.compile(r"[!-~]+")
_ASCII_RUN = re.compile(r"[!-~]+")
LENDER = {"zh": "花呗", "en": "Huabei"}
SAID = {
    "zh": "对方说如果这周五之前不还清全部欠款，就会联系我的家人和单位，还说晚上十一点会再打来，态度很凶。",
    "en": "They asked for the whole balance by Friday, said they would call my family and my employer, and called again at 11 pm.",
}
# Typed at `call`, one line at a time (the steps, an offer checked, a word heard, a note), then the
# end form, left as it is prefilled, and no agreement.
CALL = {
    "zh": ["n", "b", "分36期 每期200", "他说要起诉我", "对方姓王，工号7731，说明天还会再打来", "q"],
    "en": ["n", "b", "36 x 200", "they say we will sue", "his name is Wang, number 7731, he will call again tomorrow", "q"],
}
PRACTICE = {
    "zh": ["验证码是 482913", "我失业了，每月只能还 300 元，这是我现在能做到的最多的了"],
    "en": ["the code is 482913", "I lost my job; I can pay 300 yuan a month, which is the most I can do now"],
}


def run(home: Path, *args: str) -> None:
    done = run_in_process(args, cli_env(home))
    assert done.returncode == 0, (args, done.stderr)


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with both examples saved ("zh", "en"), each with contacts that mark
    misconduct, an agreement, and an unfinished interview in each language."""
    home = tmp_path_factory.mktemp("screens") / "home"
    home.mkdir(mode=0o700)
    for lang in ("zh", "en"):
        run(home, "new", "--answers", str(EXAMPLES / f"case-{lang}.json"), "--name", lang)
        for when, incident in (("2026-11-20 23:10", "night_call"), ("2026-11-21 10:00", "threat")):
            run(home, "log", "add", lang, "--when", when, "--channel", "phone", "--started-by", "them", "--who", "007",
                "--lender", LENDER[lang], "--said", SAID[lang], "--incident", incident, "--incident", "third_party",
                "--next-action", SAID[lang][:30], "--next-date", "2026-12-05")
    return home


def with_drafts(home: Path) -> None:
    """One unfinished interview in each language, as `negotiator drafts` and `resume` list them."""
    import os

    from test_wizard_flow import seed

    old = os.environ.get("NEGOTIATOR_HOME")
    os.environ["NEGOTIATOR_HOME"] = str(home)
    try:
        seed("debts", "zh")
        seed("income", "en")
    finally:
        if old is None:
            del os.environ["NEGOTIATOR_HOME"]
        else:
            os.environ["NEGOTIATOR_HOME"] = old


class Window(pty_window.Window):
    """One run of the program in a pseudo-terminal of `columns`, what it shows kept by pyte."""

    def __init__(self, home: Path, cwd: Path, columns: int, args: tuple[str, ...]) -> None:
        super().__init__(home, cwd, args, columns, 40, WAIT)
        self.flat = ""
        self.written = ""  # everything written, for what a prompt showed and then cleared

    def took(self, chunk: str) -> None:
        self.flat += chunk
        self.written += chunk

    def wait(self, text: str) -> None:
        """Wait until `text` is written (after what was already waited for)."""
        while text not in self.flat:
            if not self._read():
                raise AssertionError(f"ended before {text!r}:\n{self.flat[-3000:]}")
        self.flat = self.flat[self.flat.index(text) + len(text):]

    def type(self, keys: str) -> None:
        self.child.send(keys)


def interact(window: Window, args: tuple[str, ...], lang: str) -> None:
    """Type through an interactive screen as a person would."""
    if args[0] == "call":
        for line in CALL[lang]:
            window.wait("> ")
            window.type(line + "\r")
        for _ in range(8):  # the end form, as prefilled
            time.sleep(0.3)
            window.type("\r")
        time.sleep(0.3)
        window.type("\r")  # no agreement
    elif args[0] == "practice":
        for line in PRACTICE[lang]:
            window.wait("：" if lang == "zh" else ": ")
            time.sleep(0.2)
            window.type(line + "\r")


def commands(lang: str) -> list[tuple[str, ...]]:
    case, lender = lang, LENDER[lang]
    offer = "12期 每期1200" if lang == "zh" else "12 x 1200"
    return [
        ("--help", "--lang", lang), ("new", "--help", "--lang", lang), ("log", "add", "--help", "--lang", lang),
        ("calc", "--help", "--lang", lang), ("example", "-o", "answers.json", "--lang", lang),
        ("agree", case, "--kind", "instalments", "--months", "24", "--monthly", "193.20", "--first-due", f"{TODAY + dt.timedelta(days=30)}",
         "--lender", lender),
        ("paid", case, "--lender", lender, "--amount", "100", "--date", f"{TODAY}"),
        ("drafts", "--lang", lang), ("cases", "--lang", lang), ("show", case), ("show", case, "--plain"), ("log", "list", case),
        ("incidents", case), ("complain", case), ("offer", case, offer), ("offer", case, "settle for 8000"),
        ("calc", "--amount", "12000", "--months", "24", "--method", "annuity", "--annual-rate-percent", "18",
         "--budget", "600", "--start", "2027-01-05", "--lang", lang),
        ("call", case), ("practice", case, "--seed", "2", "--rounds", "2"),
    ]


def typed_echo(text: str, lang: str) -> bool:
    """Whether a line is what the person typed at a plain prompt, which the terminal itself shows
    and wraps (at its edge), not the program."""
    shown = text.strip()
    return len(shown) > 5 and any(line[:12] in shown or shown in line for line in CALL[lang] + PRACTICE[lang])


def problems(lines: list[tuple[str, bool]], other: list[tuple[str, bool]], lang: str) -> list[str]:
    """What is wrong with the lines of one screen; `other` is the same screen at the other width."""
    lines = [(text, edge) for text, edge in lines if not typed_echo(text, lang)]
    found = [f"reaches the edge: {text!r}" for text, edge in lines if edge]
    found += [f"starts with closing punctuation: {text!r}" for text, _ in lines if text.lstrip().startswith(CLOSING)]
    whole = {run for text, _ in other for run in _ASCII_RUN.findall(text)}
    spaced = " " + " ".join(" ".join(text.split()) for text, _ in other) + " "
    for (above, _), (below, _) in zip(lines, lines[1:]):
        end, start = _ASCII_END.search(above), _ASCII_START.match(below.lstrip())
        if end and start and (end[0] + start[0]) in whole and f" {end[0]} {start[0]} " not in spaced:
            found.append(f"split across lines: {above!r} / {below!r}")
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_screen_fits_at_60_and_100_columns(saved: Path, tmp_path: Path, lang: str) -> None:
    with_drafts(saved)
    failures: list[str] = []
    for args in commands(lang):
        shown: dict[int, list[tuple[str, bool]]] = {}
        for columns in WIDTHS:
            cwd = tmp_path / f"{columns}-{args[0]}"
            cwd.mkdir(exist_ok=True)
            window = Window(saved, cwd, columns, args)
            interact(window, args, lang)
            code = window.finish()
            shown[columns] = window.lines()
            assert code == 0, (args, code, "\n".join(text for text, _ in shown[columns]))
            assert len(shown[columns]) > 1, args
        for columns in WIDTHS:
            other = shown[WIDTHS[1] if columns == WIDTHS[0] else WIDTHS[0]]
            failures += [f"{' '.join(args)} at {columns}: {p}" for p in problems(shown[columns], other, lang)]
    assert not failures, "\n".join(failures)


# What a Chinese run may show in Latin letters: the program's name, its command names and options,
# and file names; lender names the person typed, and what the person typed, are theirs.
# The keys of `call`'s screen (n, b, a, q) are its commands; "APP" is how Chinese names a phone app.
COMMAND_WORDS = {"n", "b", "a", "q", "APP", "negotiator", "new", "resume", "drafts", "discard", "edit", "plan", "calc", "cases", "show", "agree", "paid",
                 "example", "offer", "practice", "call", "incidents", "complain", "log", "add", "list", "schema", "lang", "zh", "en"}
_FILE = re.compile(r"\S+\.(?:json|txt|md|ics)\b")
_LATIN = re.compile(r"[A-Za-z][A-Za-z_]*")
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r")


def _keys(window: Window, keys: list[str]) -> None:
    for key in keys:
        time.sleep(0.5)  # each question drawn before its answer is typed
        window.type(key)


def test_a_chinese_run_of_call_log_add_drafts_and_resume_shows_no_english_words(saved: Path, tmp_path: Path) -> None:
    from test_wizard_flow import TYPED_TO_REVIEW

    with_drafts(saved)
    typed_lenders = {word for debt in TYPED_TO_REVIEW["debts"] for word in _LATIN.findall(debt["lender"])}
    typed = ["12期 每期1200", "a", "q"]
    runs: list[tuple[tuple[str, ...], list[str]]] = [
        # An offer above the walk-away, accepted ("a") and then not confirmed; the end form as it is.
        (("call", "zh"), [typed[0] + "\r", "a\r", "\r", "q\r"] + ["\r"] * 9),
        # Every question of the contact form, Enter at each (the first choice, or skipped).
        (("log", "add", "zh"), ["\r"] * 12),
        (("drafts", "--lang", "zh"), []),
        (("resume", "--lang", "zh"), ["\x03"]),  # the list of drafts, then Ctrl-C
    ]
    found: list[str] = []
    for args, keys in runs:
        window = Window(saved, tmp_path, 60, args)
        window.wait("：")  # the first Chinese line is on the screen
        _keys(window, keys)
        window.finish()
        # The screen at the end, and every line a prompt drew and cleared on the way (the choices).
        drawn = [text for text, _ in window.lines()] + _ESCAPES.sub("\n", window.written).split("\n")
        for text in drawn:
            if text.strip().lstrip(">").strip() in typed:
                continue
            words = set(_LATIN.findall(_FILE.sub("", text))) - COMMAND_WORDS - typed_lenders
            if words:
                found.append(f"{' '.join(args)}: {sorted(words)} in {text!r}")
    assert not found, "\n".join(found)
