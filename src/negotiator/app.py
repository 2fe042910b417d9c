"""The commands, declared and handed to the modules that run them (`commands/*`, the wizard).
Heavy modules are imported inside the commands that need them, so `--help` and `calc` do not pay
for the wizard or for rich.

Only the wiring is here: the language of a run is resolved in `this_run`, errors are said and
mapped to exit codes in `exits`, help pages and usage errors are put into words by `help_page`,
`usage_errors` and the command classes of `typer_classes`. What holds for the whole process (the garbage
collector, pydantic's plugins) is set in `start`, which runs this; the commands that ask turn
the collector back on.

The top of the layers but for `start`: it may import anything below; nothing imports it but
`start` (the checks a command shares are in `options`)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated

import typer

from negotiator import __version__
from negotiator.cli import exits, this_run
from negotiator.cli.help_page import h
from negotiator.cli.options import language
from negotiator.cli.typer_classes import Command, Group
from negotiator.commands.complain_cli import register as register_complaints

__all__ = ["app", "run"]


# Options that several commands share, declared once.
Lang = Annotated[str | None, typer.Option("--lang", help=h("plan.lang"))]
PlanFormat = Annotated[str, typer.Option("--format", "-f", help=h("plan.format"))]
# Text, not a Path: a Path drops the trailing slash of "-o folder/", which must be refused.
# (An answers file is taken as text too and made a Path here: typer would check a Path option
# with pydantic, which `calc` never loads; a file that cannot be read is said when it is read.)
Output = Annotated[str | None, typer.Option("--output", "-o", help=h("plan.output"))]
Force = Annotated[bool, typer.Option("--force", help=h("plan.force"))]
Plain = Annotated[bool, typer.Option("--plain", help=h("plan.plain"))]
ConfirmOld = Annotated[bool, typer.Option("--confirm-old-debt", help=h("agree.confirm_old_debt"))]
CaseName = Annotated[str, typer.Argument(help=h("cases.name"))]
ListFormat = Annotated[str, typer.Option("--format", "-f", help=h("cases.format"))]


app = typer.Typer(
    cls=Group,
    help=h("app.help"),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"negotiator {__version__}")
        raise typer.Exit()


# The commands that ask, and may run for minutes: the wizard (no command), and these. They run
# with the garbage collector, which `start` turns off for start-up and for the quick commands.
_ASKING = frozenset({"new", "resume", "edit", "log", "call", "practice", "drafts"})
_WHOLE_PROCESS = "the whole process"  # what `run` is told when the process ends with the command


@app.callback()
def root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help=h("app.version")),
    lang: Lang = None,
) -> None:
    if ctx.invoked_subcommand is None or ctx.invoked_subcommand in _ASKING:
        # What start-up made lives until the end: frozen, the collections the long run needs
        # never walk it (a tenth quicker to the wizard's first question, measured paired).
        if ctx.obj == _WHOLE_PROCESS:  # not a test running the command in its own process
            gc.freeze()
        gc.enable()
    if ctx.invoked_subcommand is None:
        from negotiator.wizard import start  # noqa: PLC0415

        start(language(lang) if lang else None)


def _path(typed: str | None) -> Path | None:
    return None if typed is None else Path(typed)


@app.command()
def plan(
    answers: str | None = typer.Option(None, "--answers", "-a", metavar="<path>", help=h("plan.answers")),
    case: str | None = typer.Option(None, "--case", help=h("plan.case")),
    format: PlanFormat = "text",
    lang: Lang = None,
    output: Output = None,
    force: Force = False,
    plain: Plain = False,
) -> None:
    """Build the whole plan from an answers file, with no questions asked."""
    from negotiator.commands.plan import run  # noqa: PLC0415

    run(answers=_path(answers), case_name=case, fmt=format, lang=lang, output=output, force=force, plain=plain)


plan.__doc__ = h("plan.help")


@app.command()
def calc(
    amount: str = typer.Option(..., "--amount", help=h("calc.amount")),
    months: str = typer.Option(..., "--months", help=h("calc.months")),
    method: str = typer.Option("annuity", "--method", help=h("calc.method")),
    annual_rate_percent: str | None = typer.Option(None, "--annual-rate-percent", help=h("calc.rate")),
    fee_percent: str | None = typer.Option(None, "--fee-percent", help=h("calc.fee")),
    budget: str | None = typer.Option(None, "--budget", help=h("calc.budget")),
    format: str = typer.Option("text", "--format", "-f", help=h("calc.format")),
    start: str | None = typer.Option(None, "--start", help=h("calc.start")),
    lang: Lang = None,
) -> None:
    from negotiator.commands.calc import run  # noqa: PLC0415

    run(amount=amount, months=months, method=method, rate=annual_rate_percent, fee=fee_percent, budget=budget, fmt=format, start=start,
        lang=language(lang))


calc.__doc__ = h("calc.help")


@app.command()
def schema(
    lang: str | None = typer.Option(None, "--lang", help=h("schema.lang")),
    output: Output = None,
    force: Force = False,
) -> None:
    from negotiator.commands.schema import run  # noqa: PLC0415

    # The schema is a shared file, the same on every computer: its words are English unless asked;
    # a message (a file already there) is in the person's language.
    run(language(lang) if lang or this_run.asked() else "en", output, force)


schema.__doc__ = h("schema.help")


# ---- the wizard -------------------------------------------------------------------------------


@app.command()
def new(
    answers: str | None = typer.Option(None, "--answers", "-a", metavar="<path>", help=h("new.answers")),
    name: str | None = typer.Option(None, "--name", help=h("new.name")),
    lang: Lang = None,
    plain: Plain = False,
) -> None:
    if answers is not None:
        from negotiator.commands.cases import new_from_answers  # noqa: PLC0415

        new_from_answers(Path(answers), name, lang)
        return
    from negotiator.wizard import start  # noqa: PLC0415

    start(language(lang) if lang else None, name=name, plain=plain)


new.__doc__ = h("new.help")


@app.command()
def resume(lang: Lang = None, plain: Plain = False) -> None:
    from negotiator.wizard import resume as resume_wizard  # noqa: PLC0415

    resume_wizard(language(lang) if lang else None, plain)


resume.__doc__ = h("resume.help")


@app.command()
def edit(name: CaseName, lang: Lang = None, plain: Plain = False) -> None:
    from negotiator.wizard import edit as edit_case  # noqa: PLC0415

    edit_case(name, language(lang) if lang else None, plain)


edit.__doc__ = h("edit.help")


# ---- saved cases ------------------------------------------------------------------------------


@app.command()
def cases(
    format: ListFormat = "text",
    lang: Lang = None,
) -> None:
    from negotiator.commands.cases import list_cases  # noqa: PLC0415

    list_cases(format, lang)


cases.__doc__ = h("cases.help")


@app.command()
def show(
    name: CaseName,
    format: PlanFormat = "text",
    lang: Lang = None,
    output: Output = None,
    force: Force = False,
    plain: Plain = False,
) -> None:
    from negotiator.commands.plan import run  # noqa: PLC0415

    run(answers=None, case_name=name, fmt=format, lang=lang, output=output, force=force, plain=plain)


show.__doc__ = h("show.help")


log_app = typer.Typer(cls=Group, help=h("log.help"), rich_markup_mode=None, no_args_is_help=True)
app.add_typer(log_app, name="log")


@log_app.command("add")
def log_add(
    name: CaseName,
    when: str | None = typer.Option(None, "--when", help=h("log.when")),
    channel: str | None = typer.Option(None, "--channel", help=h("log.channel")),
    started_by: str | None = typer.Option(None, "--started-by", metavar="them|me", help=h("log.started_by")),
    who: str | None = typer.Option(None, "--who", help=h("log.who")),
    lender: str | None = typer.Option(None, "--lender", help=h("log.lender")),
    said: str | None = typer.Option(None, "--said", help=h("log.said")),
    agreed: str | None = typer.Option(None, "--agreed", help=h("log.agreed")),
    amount_promised: str | None = typer.Option(None, "--amount-promised", help=h("log.amount_promised")),
    next_action: str | None = typer.Option(None, "--next-action", help=h("log.next_action")),
    next_date: str | None = typer.Option(None, "--next-date", help=h("log.next_date")),
    incident: list[str] | None = typer.Option(None, "--incident", metavar="<code>", help=h("complain.incident")),
    confirm_old_debt: ConfirmOld = False,
    lang: Lang = None,
) -> None:
    from negotiator.commands.log import add  # noqa: PLC0415

    add(name, lang, when=when, channel=channel, who=who, lender=lender, said=said, agreed=agreed,
        amount_promised=amount_promised, next_action=next_action, next_date=next_date, incidents=incident,
        started_by=started_by, confirm_old_debt=confirm_old_debt)


log_add.__doc__ = h("log.add")


@log_app.command("list")
def log_list(
    name: CaseName,
    format: ListFormat = "text",
    lang: Lang = None,
) -> None:
    from negotiator.commands.log import list_entries  # noqa: PLC0415

    list_entries(name, format, lang)


log_list.__doc__ = h("log.list")


@app.command()
def agree(
    name: CaseName,
    kind: str = typer.Option(..., "--kind", help=h("agree.kind")),
    months: str = typer.Option(..., "--months", help=h("agree.months")),
    monthly: str = typer.Option(..., "--monthly", help=h("agree.monthly")),
    first_due: str = typer.Option(..., "--first-due", help=h("agree.first_due")),
    lender: str | None = typer.Option(None, "--lender", help=h("agree.lender")),
    confirm_old_debt: ConfirmOld = False,
    lang: Lang = None,
) -> None:
    from negotiator.commands.agree import run  # noqa: PLC0415

    run(name, lang, kind=kind, months=months, monthly=monthly, first_due=first_due, lender=lender, confirm_old_debt=confirm_old_debt)


agree.__doc__ = h("agree.help")


@app.command()
def paid(
    name: CaseName,
    lender: str | None = typer.Option(None, "--lender", help=h("paid.lender")),
    amount: str | None = typer.Option(None, "--amount", help=h("paid.amount")),
    date: str | None = typer.Option(None, "--date", help=h("paid.date")),
    note: str | None = typer.Option(None, "--note", help=h("paid.note")),
    lang: Lang = None,
) -> None:
    from negotiator.commands.paid import run  # noqa: PLC0415

    run(name, lang, lender=lender, amount=amount, date=date, note=note)


paid.__doc__ = h("paid.help")


@app.command()
def example(lang: Lang = None, output: Output = None, force: Force = False) -> None:
    from negotiator.commands.example import run  # noqa: PLC0415

    run(language(lang), output, force)


example.__doc__ = h("example.help")

drafts_app = typer.Typer(cls=Group, help=h("drafts.help"), rich_markup_mode=None, invoke_without_command=True)
app.add_typer(drafts_app, name="drafts")


@drafts_app.callback()
def drafts_list(ctx: typer.Context, lang: Lang = None) -> None:
    if ctx.invoked_subcommand is None:
        from negotiator.wizard.listing import list_drafts  # noqa: PLC0415

        list_drafts(language(lang))


@drafts_app.command("discard")
def drafts_discard(draft_id: Annotated[str, typer.Argument(metavar="ID", help=h("drafts.id"))], lang: Lang = None) -> None:
    from negotiator.wizard.listing import discard  # noqa: PLC0415

    discard(draft_id, language(lang))


drafts_discard.__doc__ = h("drafts.discard")


# ---- on the call and before it ------------------------------------------------------------


@app.command()
def offer(
    name: CaseName,
    said: str = typer.Argument(..., metavar="OFFER", help=h("offer.offer")),
    lender: str | None = typer.Option(None, "--lender", help=h("offer.lender")),
    format: str = typer.Option("text", "--format", "-f", help=h("offer.format")),
    lang: Lang = None,
) -> None:
    from negotiator.commands.offer import run  # noqa: PLC0415

    run(name, said, lender, format, lang)


offer.__doc__ = h("offer.help")


@app.command()
def practice(
    name: CaseName,
    lender: str | None = typer.Option(None, "--lender", help=h("practice.lender")),
    seed: str | None = typer.Option(None, "--seed", help=h("practice.seed")),
    rounds: str = typer.Option("6", "--rounds", help=h("practice.rounds")),
    format: str = typer.Option("text", "--format", "-f", help=h("practice.format")),
    lang: Lang = None,
) -> None:
    from negotiator.commands.practice import run  # noqa: PLC0415

    run(name, lender, seed, rounds, format, lang)


practice.__doc__ = h("practice.help")


@app.command("call")
def call_(
    name: CaseName,
    lender: str | None = typer.Option(None, "--lender", help=h("call.lender")),
    lang: Lang = None,
) -> None:
    from negotiator.commands.call import run  # noqa: PLC0415

    run(name, lender, lang)


call_.__doc__ = h("call.help")

# The commands about collector misconduct, declared with the options shared above.
register_complaints(app, h, CaseName, Lang, Output, Force)

# Every help page in the person's language, the frame typer adds included: the help texts are word
# keys until the page is shown (see help_page), so every group and command, however added, needs it.
_groups = [g.typer_instance for g in app.registered_groups if g.typer_instance is not None]
for _group in _groups:
    _group.info.cls = Group
for _info in app.registered_commands + [c for g in _groups for c in g.registered_commands]:
    _info.cls = Command


def run(args: list[str], whole_process: bool = False) -> int:
    """Run one command line; its exit code, what went wrong said once (see `exits`).
    `whole_process`: the process ends with this command (`negotiator` itself, not a test)."""
    obj = _WHOLE_PROCESS if whole_process else None
    return exits.run(args, lambda: app(args=args, prog_name="negotiator", standalone_mode=False, obj=obj))


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
