"""The typer classes every command and group of negotiator is made of: they show help pages in
the person's language (`help_page`, in the run's language from `this_run`), laid out to the
window (`help_layout`).
"""

from __future__ import annotations

from typing import Any

import typer.core

from negotiator.cli import help_layout, this_run
from negotiator.cli.help_page import in_language, put_into_words


class Command(typer.core.TyperCommand):
    context_class = help_layout.Context

    def get_help(self, ctx: Any) -> str:
        lang = this_run.language()
        put_into_words(self, lang)
        return in_language(super().get_help(ctx), lang)


class Group(typer.core.TyperGroup):
    context_class = help_layout.Context

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        help_layout.list_commands(self, ctx, formatter)

    def get_help(self, ctx: Any) -> str:
        lang = this_run.language()
        put_into_words(self, lang)
        for name in self.list_commands(ctx):
            put_into_words(self.get_command(ctx, name), lang)
        return in_language(super().get_help(ctx), lang)
