"""The typer classes every command and group of negotiator is made of. They do two things typer
would not: show help pages in the person's language (`help_page`, in the run's language from
`this_run`), and take text options as typed.

typer (0.29) checks each option's value with a pydantic TypeAdapter, built when the option is
first read: about a millisecond each, and for `calc` the import of pydantic itself, which nothing
else of it needs. Every option of ours is text (or a switch, or a path): the commands check the
values themselves, in the person's language. So a text option's value (and a switch's) is passed
on as it is; anything else (a path, which typer checks can be read), and any typer that works
differently, keeps typer's own checks.
"""

from __future__ import annotations

from typing import Any

import typer.core

from negotiator.cli import help_layout, this_run
from negotiator.cli.help_page import in_language, put_into_words


class _AsTyped:
    """Stands in for typer's check of a text option's value, or a switch's (its `coerce`): the
    value as typed. Anything else (which the command line cannot give) goes to typer's own."""

    __slots__ = ("kind",)

    def __init__(self, kind: type) -> None:
        self.kind = kind

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None or type(value) is self.kind:
            return value
        param._runtime_param = None
        return param.get_runtime_param().coerce(value, param=param, ctx=ctx)


_AS_TYPED = {str: _AsTyped(str), bool: _AsTyped(bool)}


def _take_as_typed(params: list[Any]) -> None:
    for param in params:
        described = getattr(param, "type_descriptor", None)
        if described is None or getattr(param, "_runtime_param", "unknown") is not None:
            continue  # not the typer these classes were made for
        if param.multiple or param.nargs != 1 or described.file_annotation is not None:
            continue
        if described.parameter_info.parser is None and described.annotation in _AS_TYPED:
            param._runtime_param = _AS_TYPED[described.annotation]


class Command(typer.core.TyperCommand):
    context_class = help_layout.Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _take_as_typed(self.params)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # made when first asked for
        _take_as_typed([option] if option is not None else [])
        return option

    def get_help(self, ctx: Any) -> str:
        lang = this_run.language()
        put_into_words(self, lang)
        return in_language(super().get_help(ctx), lang)


class Group(typer.core.TyperGroup):
    context_class = help_layout.Context

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        help_layout.list_commands(self, ctx, formatter)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _take_as_typed(self.params)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        _take_as_typed([option] if option is not None else [])
        return option

    def get_help(self, ctx: Any) -> str:
        lang = this_run.language()
        put_into_words(self, lang)
        for name in self.list_commands(ctx):
            put_into_words(self.get_command(ctx, name), lang)
        return in_language(super().get_help(ctx), lang)
