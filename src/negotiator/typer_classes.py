"""The typer classes every command and group of negotiator is made of. They show help pages in the person's language (`help_page`, in the run's language from
`this_run`).

May import: help_page, this_run (and typer).
"""

from __future__ import annotations

from typing import Any

import typer.core

from negotiator import this_run
from negotiator.help_page import in_language, put_into_words


class Command(typer.core.TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

    def get_help(self, ctx: Any) -> str:
        lang = this_run.language()
        put_into_words(self, lang)
        return in_language(super().get_help(ctx), lang)


class Group(typer.core.TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

    def get_help(self, ctx: Any) -> str:
        lang = this_run.language()
        put_into_words(self, lang)
        for name in self.list_commands(ctx):
            put_into_words(self.get_command(ctx, name), lang)
        return in_language(super().get_help(ctx), lang)
