"""Keeping what the interview made: the plan as a text file and the case in the store. Nothing is
ever replaced without a yes: a taken name gets a free suggestion or a question."""

from __future__ import annotations

import datetime as dt
import os
import pydoc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from negotiator import store
from negotiator.asking.question import ask
from negotiator.core.errors import BadInput
from negotiator.core.files import FileExists, atomic_write
from negotiator.render.forms import render
from negotiator.wizard import questions as Q
from negotiator.wizard import screens
from negotiator.wizard.draft import Draft, replace_changed, stamp
from negotiator.words import say, t

if TYPE_CHECKING:  # types only: the first question comes before pydantic and the engine are loaded
    from negotiator.answers.case import Case
    from negotiator.plan import Plan

SUFFIX = {"text": ".txt", "markdown": ".md", "ics": ".ics"}


def page(plan: Plan) -> None:
    """The whole plan in the pager ($PAGER, else less), to read at leisure and quit with q."""
    # Drawn for this window (the printed text form is 80 columns, which a narrow window would cut
    # mid-word); less is told to show the colours rather than their codes.
    os.environ.setdefault("LESS", "-R")
    pydoc.pager(render(plan, "text", sys.stdout.isatty(), False))


def save_text(plan: Plan, lang: str, fmt: str = "text") -> None:
    """The plan written in one form (text, markdown or ics) where the person says."""
    text = render(plan, fmt, False, True)
    suggestion = free_path(f"negotiation-plan-{dt.date.today():%Y%m%d}", SUFFIX[fmt])
    while True:
        answer = ask(Q.TEXT_PATH, lang, suggestion)
        path = Path(answer).expanduser()
        overwrite = False
        if path.exists():
            if path.is_dir() or not ask(Q.OVERWRITE, lang, path=path):
                suggestion = answer
                continue
            overwrite = True
        try:
            atomic_write(path, text, overwrite=overwrite)
        except FileExists:
            screens.say(t(lang, "wizard.msg.appeared", path=path))
            continue
        except OSError as exc:
            screens.say(t(lang, "wizard.msg.write_failed", path=path, reason=exc.strerror or exc))
            suggestion = answer
            continue
        screens.say(t(lang, "wizard.msg.saved_text", path=path.resolve()))
        return


def free_path(stem: str, suffix: str = ".txt") -> str:
    """A name in the current folder that is not taken yet, so Enter never meets a replace question."""
    number = 1
    while Path(name := f"./{stem}{'' if number == 1 else f'-{number}'}{suffix}").exists():
        number += 1
    return name


def free_case_name() -> str:
    """case-YYYYMMDD, or -2, -3, ... when a case of that name is already saved."""
    stem, number = f"case-{dt.date.today():%Y%m%d}", 1
    while True:
        name = stem if number == 1 else f"{stem}-{number}"
        try:
            store.open_case(name)
        except BadInput:  # not saved (or unreadable: then saving asks before replacing it)
            return name
        number += 1


def save_case(d: Draft, case: Case) -> None:
    lang = d.lang
    name = d.name
    replace = False
    if name is not None and d.editing:
        if d.case_seen is not None and stamp(store.case_folder(name) / "case.json") != d.case_seen:
            # Changed in another window since `edit` opened it: say so, and replace only on a yes.
            replace = replace_changed(name, lang)
        else:
            replace = ask(Q.REPLACE_CASE, lang, name=name)
        if not replace:
            name = None
    while True:
        if name is None or not replace:
            name = ask(Q.CASE_NAME, lang, name or free_case_name())
        try:
            store.save_case(name, case, overwrite=replace)
        except BadInput as exc:
            screens.say(say(lang, exc))
            # The name is taken: replace it only if the person says so, else ask for another.
            replace = ask(Q.REPLACE_CASE, lang, False, name=name)
            continue
        screens.say(t(lang, "wizard.msg.saved_case", name=name))
        return
