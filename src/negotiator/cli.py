"""The commands. Each parses its options, calls one function and prints; errors are mapped to exit
codes once, in `main`. Heavy modules are imported inside the commands that need them, so `--help`
and `calc` do not pay for the wizard or for rich."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from negotiator import __version__
from negotiator.errors import BadInput, NegotiatorError
from negotiator.words import detect_language, t

HELP_LANG = detect_language()


def h(key: str) -> str:
    """Help text in the locale's language."""
    return t(HELP_LANG, f"cli.{key}")


app = typer.Typer(
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


def language(option: str | None, fallback: str | None = None) -> str:
    """The language asked for with --lang, else `fallback`, else the locale's."""
    if option is None:
        return fallback or HELP_LANG
    value = option.strip().lower()
    if value not in ("zh", "en"):
        raise BadInput(t(HELP_LANG, "errors.usage.bad_value", option="--lang", problem=t(HELP_LANG, "cli.bad.lang")))
    return value


def choice(option: str, value: str, choices: tuple[str, ...], lang: str) -> str:
    if value not in choices:
        problem = t(lang, "cli.bad.format", choices=", ".join(choices))
        raise BadInput(t(lang, "errors.usage.bad_value", option=option, problem=problem))
    return value


@app.callback()
def root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help=h("app.version")),
    lang: Optional[str] = typer.Option(None, "--lang", help=h("plan.lang")),
) -> None:
    if ctx.invoked_subcommand is None:
        from negotiator.wizard import start

        start(language(lang) if lang else None)


@app.command()
def plan(
    answers: Optional[Path] = typer.Option(None, "--answers", "-a", help=h("plan.answers")),
    case: Optional[str] = typer.Option(None, "--case", help=h("plan.case")),
    format: str = typer.Option("text", "--format", "-f", help=h("plan.format")),
    lang: Optional[str] = typer.Option(None, "--lang", help=h("plan.lang")),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=h("plan.output")),
    force: bool = typer.Option(False, "--force", help=h("plan.force")),
    plain: bool = typer.Option(False, "--plain", help=h("plan.plain")),
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
    annual_rate_percent: str = typer.Option("0", "--annual-rate-percent", help=h("calc.rate")),
    fee_percent: str = typer.Option("0", "--fee-percent", help=h("calc.fee")),
    budget: Optional[str] = typer.Option(None, "--budget", help=h("calc.budget")),
    format: str = typer.Option("text", "--format", "-f", help=h("calc.format")),
    start: Optional[str] = typer.Option(None, "--start", help=h("calc.start")),
    lang: Optional[str] = typer.Option(None, "--lang", help=h("plan.lang")),
) -> None:
    from negotiator.commands.calc import run

    run(amount, months, method, annual_rate_percent, fee_percent, budget, format, start, language(lang))


calc.__doc__ = h("calc.help")


@app.command()
def schema() -> None:
    import json

    from negotiator.case import Case

    print(json.dumps(Case.model_json_schema(), ensure_ascii=False, indent=2))


schema.__doc__ = h("schema.help")


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


def main(argv: list[str] | None = None) -> None:
    import click

    try:
        result = app(args=argv, prog_name="negotiator", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except NegotiatorError as exc:
        if str(exc):
            print(str(exc), file=sys.stderr)
        code = exc.exit_code
    except click.exceptions.Abort:
        code = 130
    except KeyboardInterrupt:
        code = 130
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except BrokenPipeError:
        # A reader like `head` closed the pipe; nothing is wrong with the plan.
        sys.stderr.close()
        code = 0
    except Exception as exc:
        where = _report_crash(exc)
        if where is not None:
            print(t(HELP_LANG, "errors.crash.report", path=where), file=sys.stderr)
        else:
            print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        code = 1
    sys.exit(code)


if __name__ == "__main__":
    main()
