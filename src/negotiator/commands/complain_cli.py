"""The command-line side of `negotiator incidents` and `negotiator complain`. negotiator.app
registers them in one call and hands over the options every command shares, so the commands about
collector misconduct stay together without this module importing the wiring above it."""

from collections.abc import Callable
from typing import Annotated, Any

import typer


def register(app: typer.Typer, h: Callable[[str], str], CaseName: Any, Lang: Any, Output: Any, Force: Any) -> None:
    """Add the two commands to `app`; `h` gives a help text by key, as cli's own commands use it."""

    @app.command()
    def incidents(
        name: CaseName,
        format: Annotated[str, typer.Option("--format", "-f", help=h("incidents.format"))] = "text",
        lang: Lang = None,
    ) -> None:
        from negotiator.commands.complain import list_incidents  # noqa: PLC0415

        list_incidents(name, format, lang)

    @app.command()
    def complain(
        name: CaseName,
        lender: Annotated[str | None, typer.Option("--lender", help=h("complain.lender"))] = None,
        to: Annotated[str, typer.Option("--to", help=h("complain.to"))] = "lender",
        format: Annotated[str, typer.Option("--format", "-f", help=h("complain.format"))] = "text",
        lang: Lang = None,
        output: Output = None,
        force: Force = False,
    ) -> None:
        from negotiator.commands.complain import run  # noqa: PLC0415

        run(name, lender, to, format, lang, output, force)

    incidents.__doc__ = h("incidents.help")
    complain.__doc__ = h("complain.help")
