"""`negotiator log add` and `negotiator log list`: the contact log of a saved case.

`log add` runs without prompts when --channel is given; in a terminal without it, it asks for each
field not given as an option. Either way every value goes through the same parsers below.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from negotiator import store
from negotiator.answers.field_problems import problem as field_problem
from negotiator.asking.question import Question
from negotiator.asking.question import ask as ask_one
from negotiator.cli.options import choice, language
from negotiator.core import typed
from negotiator.core.controls import has_controls, json_escaped
from negotiator.core.enums import Channel, StartedBy
from negotiator.core.errors import BadInput, Interrupted, Message, Refused
from negotiator.core.files import read_capped
from negotiator.core.paths import private_data
from negotiator.planning.incidents import CODES
from negotiator.planning.stance import find_lender
from negotiator.records.contacts import ContactEntry
from negotiator.render.layout import show
from negotiator.store.journal import lenders_of
from negotiator.words import t

if TYPE_CHECKING:  # types only: `log --help` need not load the records
    from negotiator.records.contacts import ContactEntry

__all__ = ["Refused", "add", "build_entry", "list_entries", "match_lender", "parse_date", "parse_money", "parse_when"]

CHANNELS = typed.choices_of(Channel)
STARTED_BY = typed.choices_of(StartedBy)
FORMATS = ("text", "json")
FIELDS = ("when", "channel", "started_by", "who", "lender", "said", "agreed", "amount_promised", "next_action", "next_date", "incidents")


def option(field: str) -> str:
    return "--" + field.replace("_", "-")


# ---- reading what was typed (options and answers alike) --------------------------------------


def parse_when(text: str, today: dt.date | None = None) -> dt.datetime:
    """When a contact happened (see typed.moment)."""
    return typed.moment(text, today or dt.date.today())


def parse_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """A day ahead (a follow-up, a first payment): ISO or as people write it; None when empty."""
    if not text.strip():
        return None
    return typed.day(text, today or dt.date.today(), "future")


def parse_money(text: str) -> Decimal | None:
    return typed.amount(text) if text.strip() else None


def parse_channel(text: str) -> str:
    return typed.choice(text, CHANNELS, "values.choice.channel")


def parse_started_by(text: str) -> str:
    return typed.choice(text, STARTED_BY, "values.choice.started_by")


def match_lender(text: str | None, lenders: list[str]) -> str:
    """One of the case's lenders, matched without regard to case. Not given: the only lender, if
    the case has just one."""
    if text is None:
        return lenders[0] if len(lenders) == 1 else ""
    wanted = text.strip()
    if not wanted:
        return ""
    found = find_lender(wanted, lenders)
    if found is not None:
        return found
    raise Refused("asking.err.lender", choices=", ".join(lenders))


def build_entry(given: dict[str, Any], lenders: list[str], lang: str, now: dt.datetime | None = None) -> ContactEntry:
    """A ContactEntry from typed values; BadInput names the option of the first value refused."""
    from negotiator.commands.incident_marks import incident_codes  # noqa: PLC0415

    def read(field: str, parser: Callable[..., Any], *args: Any) -> Any:
        value = given.get(field)
        return None if value is None else typed.option(option(field), parser, value, *args)

    values = {
        "when": read("when", parse_when) or now or dt.datetime.now().replace(microsecond=0),
        "channel": read("channel", parse_channel),
        "started_by": read("started_by", parse_started_by),
        "lender": typed.option("--lender", match_lender, given.get("lender"), lenders),
        "amount_promised": read("amount_promised", parse_money),
        "next_date": read("next_date", parse_date),
        "incidents": incident_codes(given.get("incidents")),
        **{f: given.get(f) or "" for f in ("who", "said", "agreed", "next_action")},
    }
    try:
        return ContactEntry.model_validate(values)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        field = str(error["loc"][0]) if error["loc"] else "when"
        raise BadInput("errors.usage.bad_value", option=option(field), problem=field_problem(error)) from exc


# ---- asking in a terminal ---------------------------------------------------------------------

# Asked as the wizard asks (negotiator.asking.question), with the words of asking.toml [log].
QUESTIONS = (
    Question("when", "moment", hint=True, area="asking.log", offer="asking.log.hint.now"),
    Question("channel", "select", choices=CHANNELS, area="asking.log"),
    Question("started_by", "select", choices=STARTED_BY, area="asking.log"),
    Question("lender", "select", area="asking.log"),
    *(Question(field, "text", required=False, high=2000, hint="skip", area="asking.log") for field in ("who", "said", "agreed")),
    Question("amount_promised", "amount", required=False, hint=True, area="asking.log"),
    Question("next_action", "text", required=False, high=2000, hint="skip", area="asking.log"),
    Question("next_date", "day", required=False, hint=True, area="asking.log"),
    Question("incidents", "checkbox", choices=CODES, hint=True, area="asking.log"),
)


def is_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask(given: dict[str, Any], lenders: list[str], lang: str, now: dt.datetime | None = None, kept: dict[str, Any] | None = None,
        keep: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Ask for every field not given as an option; Enter skips the optional ones, and takes the
    time now for when it was. `kept` holds the answers typed last time, before a Ctrl-C or a
    closed window: each is offered again as the answer Enter takes. Stopped, the answers typed
    so far go to `keep`."""
    kept = kept or {}
    answers = dict(given)
    moment = (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    options = {
        "channel": [(t(lang, f"store.log.channels.{c}"), c) for c in CHANNELS],
        "lender": [*((name, name) for name in lenders), (t(lang, "store.log.no_lender"), "")],
        "incidents": [(t(lang, f"complaint.codes.{code}"), code) for code in CODES],
    }
    try:
        for q in QUESTIONS:
            if answers.get(q.key) is not None or (q.key == "lender" and len(lenders) <= 1):
                continue
            earlier = kept.get(q.key)
            answers[q.key] = ask_one(q, lang, earlier if earlier is not None else (moment if q.key == "when" else None), options.get(q.key))
    except (KeyboardInterrupt, EOFError) as exc:
        typed_here = {key: value for key, value in answers.items() if value is not None and given.get(key) is None}
        if keep is None or not typed_here:
            raise Interrupted("store.log.interrupted") from exc
        keep(typed_here)
        raise Interrupted("store.log.interrupted_kept") from exc
    return answers


# The answers of a `log add` that was stopped, kept beside the drafts until the next one.
MAX_KEPT_BYTES = 64 * 1024


def _kept_path(name: str) -> Any:
    return private_data("drafts") / f"log-{name}.json"


def _kept(name: str) -> dict[str, Any]:
    """The answers a stopped `log add` of this case kept, read like any stored file; {} if none
    or if what is there is not what `_keep` writes (it is only ever a convenience)."""

    try:
        data = read_capped(_kept_path(name), MAX_KEPT_BYTES)
        found = json.loads(data) if data else {}
    except (OSError, ValueError, BadInput):
        return {}
    if not isinstance(found, dict):
        return {}
    return {key: value for key, value in found.items() if isinstance(key, str) and not has_controls(key) and isinstance(value, (str, list))
            and (isinstance(value, str) or all(isinstance(item, str) for item in value))}


def _keeper(name: str) -> Callable[[dict[str, Any]], None]:
    def keep(answers: dict[str, Any]) -> None:
        from negotiator.core.files import atomic_write  # noqa: PLC0415

        try:
            atomic_write(_kept_path(name), json_escaped(json.dumps(answers, ensure_ascii=False, default=str)), overwrite=True)
        except (OSError, BadInput):
            pass  # stopping must still stop; the answers are then typed again

    return keep


def _forget(name: str) -> None:
    try:
        _kept_path(name).unlink()
    except (OSError, BadInput):
        pass


# ---- the commands -----------------------------------------------------------------------------


def add(name: str, lang: str | None, *, when: str | None = None, channel: str | None = None, who: str | None = None, lender: str | None = None,
        said: str | None = None, agreed: str | None = None, amount_promised: str | None = None, next_action: str | None = None,
        next_date: str | None = None, incidents: list[str] | None = None, started_by: str | None = None,
        confirm_old_debt: bool = False) -> None:
    # Every file of the case is checked before anything is asked, so no one types for nothing.

    lenders, case_language = lenders_of(name)
    lang = language(lang, case_language)  # the case's language unless --lang says otherwise
    given: dict[str, Any] = {"when": when, "channel": channel, "started_by": started_by, "who": who, "lender": lender, "said": said, "agreed": agreed,
                             "amount_promised": amount_promised, "next_action": next_action, "next_date": next_date, "incidents": incidents}
    if channel is None:
        if not is_terminal():
            raise BadInput("errors.usage.bad_value", option="--channel", problem=Message("asking.err.channel_required"))
        given = ask(given, lenders, lang, kept=_kept(name), keep=_keeper(name))
    entry = build_entry(given, lenders, lang)
    if entry.amount_promised is not None and entry.lender:
        # A promise to an old debt may give up its limitation defence: warned, recorded once confirmed.
        from negotiator.commands.lender import confirm_old_debt as confirmed  # noqa: PLC0415

        confirmed(store.open_case(name), entry.lender, confirm_old_debt)
    count = store.add_entry(name, entry)
    if channel is None:
        _forget(name)  # added: nothing to offer again

    show(t(lang, "store.log.added", name=name, count=count))


def list_entries(name: str, fmt: str, lang: str | None) -> None:
    language(lang)  # a --lang that names no language is refused before anything is read
    choice("--format", fmt, FORMATS)
    saved = store.open_case(name)
    lang = language(lang, saved.case.language)
    from negotiator.render import contacts  # noqa: PLC0415

    entries = saved.log()
    sys.stdout.write(contacts.as_json(entries) if fmt == "json" else contacts.as_text(entries, name, lang))
