"""The commands. Each parses its options, calls one function and prints; errors are mapped to exit
codes once, in `main`. Heavy modules are imported inside the commands that need them, so `--help`
and `calc` do not pay for the wizard or for rich.

The top of the layers: it may import anything; nothing imports it but `start` (the checks a
command shares are in `options`, the help pages in `help_page`, usage errors in `usage`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from negotiator import __version__, help_page, options
from negotiator.commands.complain_cli import register as register_complaints
from negotiator.errors import NegotiatorError
from negotiator.help_page import h
from negotiator.options import choice, language
from negotiator.quick import QUICK
from negotiator.words import say, t
from negotiator.controls import visible

__all__ = ["app", "choice", "language", "main"]  # choice and language live in options


# Options that several commands share, declared once.
Lang = Annotated[Optional[str], typer.Option("--lang", help=h("plan.lang"))]
PlanFormat = Annotated[str, typer.Option("--format", "-f", help=h("plan.format"))]
# Text, not a Path: a Path drops the trailing slash of "-o folder/", which must be refused.
Output = Annotated[Optional[str], typer.Option("--output", "-o", help=h("plan.output"))]
Force = Annotated[bool, typer.Option("--force", help=h("plan.force"))]
Plain = Annotated[bool, typer.Option("--plain", help=h("plan.plain"))]
CaseName = Annotated[str, typer.Argument(help=h("cases.name"))]
ListFormat = Annotated[str, typer.Option("--format", "-f", help=h("cases.format"))]


app = typer.Typer(
    cls=help_page.Group,
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


@app.callback()
def root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help=h("app.version")),
    lang: Lang = None,
) -> None:
    if ctx.invoked_subcommand is None:
        from negotiator.wizard import start

        start(language(lang) if lang else None)


@app.command()
def plan(
    answers: Optional[Path] = typer.Option(None, "--answers", "-a", help=h("plan.answers")),
    case: Optional[str] = typer.Option(None, "--case", help=h("plan.case")),
    format: PlanFormat = "text",
    lang: Lang = None,
    output: Output = None,
    force: Force = False,
    plain: Plain = False,
) -> None:
    """Build the whole plan from an answers file, with no questions asked."""
    from negotiator.commands.plan import run

    run(answers=answers, case_name=case, fmt=format, lang=lang, output=output, force=force, plain=plain)


plan.__doc__ = h("plan.help")


@app.command()
def calc(
    amount: str = typer.Option(..., "--amount", help=h("calc.amount")),
    months: str = typer.Option(..., "--months", help=h("calc.months")),
    method: str = typer.Option("annuity", "--method", help=h("calc.method")),
    annual_rate_percent: Optional[str] = typer.Option(None, "--annual-rate-percent", help=h("calc.rate")),
    fee_percent: Optional[str] = typer.Option(None, "--fee-percent", help=h("calc.fee")),
    budget: Optional[str] = typer.Option(None, "--budget", help=h("calc.budget")),
    format: str = typer.Option("text", "--format", "-f", help=h("calc.format")),
    start: Optional[str] = typer.Option(None, "--start", help=h("calc.start")),
    lang: Lang = None,
) -> None:
    from negotiator.commands.calc import run

    run(amount, months, method, annual_rate_percent, fee_percent, budget, format, start, language(lang))


calc.__doc__ = h("calc.help")


@app.command()
def schema(
    lang: Optional[str] = typer.Option(None, "--lang", help=h("schema.lang")),
    output: Output = None,
    force: Force = False,
) -> None:
    from negotiator.commands.schema import run

    # The schema is a shared file, the same on every computer: its words are English unless asked;
    # a message (a file already there) is in the person's language.
    run(language(lang, "en"), output, force)


schema.__doc__ = h("schema.help")


# ---- the wizard -------------------------------------------------------------------------------


@app.command()
def new(
    answers: Optional[Path] = typer.Option(None, "--answers", "-a", help=h("new.answers")),
    name: Optional[str] = typer.Option(None, "--name", help=h("new.name")),
    lang: Lang = None,
) -> None:
    if answers is not None:
        from negotiator.commands.cases import new_from_answers

        new_from_answers(answers, name, language(lang))
        return
    from negotiator.wizard import start

    start(language(lang) if lang else None, name=name)


new.__doc__ = h("new.help")


@app.command()
def resume(lang: Lang = None) -> None:
    from negotiator.wizard import resume as resume_wizard

    resume_wizard(language(lang) if lang else None)


resume.__doc__ = h("resume.help")


@app.command()
def edit(name: CaseName, lang: Lang = None) -> None:
    from negotiator.wizard import edit as edit_case

    edit_case(name, language(lang) if lang else None)


edit.__doc__ = h("edit.help")


# ---- saved cases ------------------------------------------------------------------------------


@app.command()
def cases(
    format: ListFormat = "text",
    lang: Lang = None,
) -> None:
    from negotiator.commands.cases import list_cases

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
    from negotiator.commands.plan import run

    run(answers=None, case_name=name, fmt=format, lang=lang, output=output, force=force, plain=plain)


show.__doc__ = h("show.help")


log_app = typer.Typer(cls=help_page.Group, help=h("log.help"), rich_markup_mode=None, no_args_is_help=True)
app.add_typer(log_app, name="log")


@log_app.command("add")
def log_add(
    name: CaseName,
    when: Optional[str] = typer.Option(None, "--when", help=h("log.when")),
    channel: Optional[str] = typer.Option(None, "--channel", help=h("log.channel")),
    who: Optional[str] = typer.Option(None, "--who", help=h("log.who")),
    lender: Optional[str] = typer.Option(None, "--lender", help=h("log.lender")),
    said: Optional[str] = typer.Option(None, "--said", help=h("log.said")),
    agreed: Optional[str] = typer.Option(None, "--agreed", help=h("log.agreed")),
    amount_promised: Optional[str] = typer.Option(None, "--amount-promised", help=h("log.amount_promised")),
    next_action: Optional[str] = typer.Option(None, "--next-action", help=h("log.next_action")),
    next_date: Optional[str] = typer.Option(None, "--next-date", help=h("log.next_date")),
    incident: Optional[list[str]] = typer.Option(None, "--incident", metavar="<code>", help=h("complain.incident")),
    lang: Lang = None,
) -> None:
    from negotiator.commands.log import add

    add(name, lang, when=when, channel=channel, who=who, lender=lender, said=said, agreed=agreed,
        amount_promised=amount_promised, next_action=next_action, next_date=next_date, incidents=incident)


log_add.__doc__ = h("log.add")


@log_app.command("list")
def log_list(
    name: CaseName,
    format: ListFormat = "text",
    lang: Lang = None,
) -> None:
    from negotiator.commands.log import list_entries

    list_entries(name, format, lang)


log_list.__doc__ = h("log.list")


@app.command()
def agree(
    name: CaseName,
    kind: str = typer.Option(..., "--kind", help=h("agree.kind")),
    months: str = typer.Option(..., "--months", help=h("agree.months")),
    monthly: str = typer.Option(..., "--monthly", help=h("agree.monthly")),
    first_due: str = typer.Option(..., "--first-due", help=h("agree.first_due")),
    lender: Optional[str] = typer.Option(None, "--lender", help=h("agree.lender")),
    lang: Lang = None,
) -> None:
    from negotiator.commands.agree import run

    run(name, lang, kind=kind, months=months, monthly=monthly, first_due=first_due, lender=lender)


agree.__doc__ = h("agree.help")


@app.command()
def example(lang: Lang = None, output: Output = None, force: Force = False) -> None:
    from negotiator.commands.example import run

    run(language(lang), output, force)


example.__doc__ = h("example.help")

drafts_app = typer.Typer(cls=help_page.Group, help=h("drafts.help"), rich_markup_mode=None, invoke_without_command=True)
app.add_typer(drafts_app, name="drafts")


@drafts_app.callback()
def drafts_list(ctx: typer.Context, lang: Lang = None) -> None:
    if ctx.invoked_subcommand is None:
        from negotiator.wizard.listing import list_drafts

        list_drafts(language(lang))


@drafts_app.command("discard")
def drafts_discard(draft_id: Annotated[str, typer.Argument(metavar="ID", help=h("drafts.id"))], lang: Lang = None) -> None:
    from negotiator.wizard.listing import discard

    discard(draft_id, language(lang))


drafts_discard.__doc__ = h("drafts.discard")


# ---- on the call and before it ------------------------------------------------------------


@app.command()
def offer(
    name: CaseName,
    said: str = typer.Argument(..., metavar="OFFER", help=h("offer.offer")),
    lender: Optional[str] = typer.Option(None, "--lender", help=h("offer.lender")),
    format: str = typer.Option("text", "--format", "-f", help=h("offer.format")),
    lang: Lang = None,
) -> None:
    from negotiator.commands.offer import run

    run(name, said, lender, format, lang)


offer.__doc__ = h("offer.help")


@app.command()
def practice(
    name: CaseName,
    lender: Optional[str] = typer.Option(None, "--lender", help=h("practice.lender")),
    seed: Optional[str] = typer.Option(None, "--seed", help=h("practice.seed")),
    rounds: str = typer.Option("6", "--rounds", help=h("practice.rounds")),
    format: str = typer.Option("text", "--format", "-f", help=h("practice.format")),
    lang: Lang = None,
) -> None:
    from negotiator.commands.practice import run

    run(name, lender, seed, rounds, format, lang)


practice.__doc__ = h("practice.help")


@app.command("call")
def call_(
    name: CaseName,
    lender: Optional[str] = typer.Option(None, "--lender", help=h("call.lender")),
    lang: Lang = None,
) -> None:
    from negotiator.commands.call import run

    run(name, lender, lang)


call_.__doc__ = h("call.help")

# The commands about collector misconduct, declared with the options shared above.
register_complaints(app, h, CaseName, Lang, Output, Force)

# Every help page in the person's language, the frame typer adds included: the help texts are word
# keys until the page is shown (see help_page), so every group and command, however added, needs it.
_groups = [g.typer_instance for g in app.registered_groups if g.typer_instance is not None]
for _group in _groups:
    _group.info.cls = help_page.Group
for _info in app.registered_commands + [c for g in _groups for c in g.registered_commands]:
    _info.cls = help_page.Command


def _report_crash(exc: BaseException) -> Path | None:
    """Write the full traceback to a log in the data folder; the user sees one line."""
    import datetime as dt
    import traceback

    try:
        from negotiator.files import atomic_write
        from negotiator.paths import data_dir, private_dir

        folder = private_dir(data_dir() / "logs")
        path = folder / f"crash-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.log"
        atomic_write(path, "".join(traceback.format_exception(exc)))
        return path
    except Exception:  # the report is a courtesy; never let it hide the original problem
        return None


def _library_exit(exc: Exception, args: list[str], lang: str) -> int | None:
    """The exit code for typer's own signals (usage errors, --help, aborts), after showing the
    message in `lang`; None for anything else. `args` are the command line as typed. Recent
    typer versions carry their own copy of click, older ones use click itself; click is looked
    at only when something has already loaded it."""
    import typer

    from negotiator import usage

    families = [(typer.Exit, typer.Abort, typer.TyperException)]
    click = sys.modules.get("click")
    if click is not None:
        families.append((click.exceptions.Exit, click.exceptions.Abort, click.ClickException))
    for exit_, abort, problem in families:
        if isinstance(exc, exit_):
            return int(exc.exit_code)
        if isinstance(exc, abort):
            return 130
        if isinstance(exc, problem):
            if type(exc).__name__ == "NoArgsIsHelpError" and hasattr(exc, "show"):
                exc.show()  # the help page itself
            elif hasattr(exc, "format_message"):
                print(visible(usage.explain(exc, args, lang)), file=sys.stderr)
            else:
                print(visible(str(exc)), file=sys.stderr)
            return int(getattr(exc, "exit_code", 2))
    return None


def _only(name: str) -> typer.Typer:
    """The app with the root options and just the named command. typer builds the options of
    every command before running one, a few milliseconds that `calc` during a call need not pay;
    the command, its help and its usage errors are the same."""
    import copy

    chosen = [c for c in app.registered_commands if (c.name or getattr(c.callback, "__name__", "")) == name]
    if len(chosen) != 1:
        return app
    slim = copy.copy(app)
    slim.registered_commands = chosen
    slim.registered_groups = []
    return slim


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    import gc
    import os

    # pydantic plugins see every value it validates, here a person's finances, and some send what
    # they see to a server. None is wanted; not looking for them also saves a scan of every
    # installed package.
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    from negotiator.usage import language_asked

    # Help and usage messages follow --lang, read once here because typer shows help (an eager
    # option) before it has read the others.
    help_page.asked = options.asked = language_asked(args)
    options.spoken = None
    said = help_page.language()
    runs = app
    names = [c.name or getattr(c.callback, "__name__", "") for c in app.registered_commands]
    names += [g.name for g in app.registered_groups if g.name]
    if args[:1] and not args[0].startswith("-") and args[0] not in names:
        from negotiator.usage import unknown_command

        print(visible(unknown_command(args[0], names, said)), file=sys.stderr)
        options.asked = None
        sys.exit(2)
    quick = bool(args[:1]) and args[0] in QUICK
    if quick:
        runs = _only(args[0])
        # Start-up creates many thousands of objects that live until exit (modules, classes,
        # validators); collecting among them is wasted work, about 10 ms of a quick command.
        # The wizard, which runs for minutes, keeps the collector. (When this is the program,
        # `start.main` turned it off before typer loaded.)
        gc.disable()
    try:
        result = runs(args=args, prog_name="negotiator", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except NegotiatorError as exc:
        message = say(options.spoken or said, exc)  # the case's language, once a command knows it
        if message:
            print(visible(message), file=sys.stderr)
        code = exc.exit_code
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # A reader like `head` closed the pipe; nothing is wrong with the plan.
        sys.stderr.close()
        code = 0
    except OSError as exc:
        if exc.filename is None:  # not a file or folder of the person's (a socket, say): a bug
            code = _unexpected(exc, args, said)
        else:
            # The folder or disk refused (no permission, full, read-only): the person can fix that.
            print(visible(t(said, "safety.os_error", path=exc.filename, reason=exc.strerror or exc)), file=sys.stderr)
            code = 2
    except Exception as exc:
        code = _unexpected(exc, args, said)
    if quick:
        if argv is None:
            # The process ends now and its memory goes back whole. The collection Python runs
            # while it shuts down would walk every object start-up made, about 20 ms; frozen
            # objects are left out of it.
            gc.freeze()
        gc.enable()  # for a caller that catches the exit and carries on, such as a test
    options.asked = None  # for a caller that runs another command in this process, such as a test
    sys.exit(code)


def _unexpected(exc: Exception, args: list[str], said: str) -> int:
    """An error from a library we know how to answer, or else a crash report and exit code 1."""
    known = _library_exit(exc, args, said)
    if known is not None:
        return known
    where = _report_crash(exc)
    if where is not None:
        print(t(said, "errors.crash.report", path=where), file=sys.stderr)
    else:
        print(visible(f"{type(exc).__name__}: {exc}"), file=sys.stderr)
    return 1


if __name__ == "__main__":
    main()
