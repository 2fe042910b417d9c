"""A command typed wrongly (an unknown option, a missing one, an option without its value), told
in the person's language. typer's own messages are English; its exceptions carry what is needed
to say them again, and anything not recognised here keeps typer's words under our heading."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from negotiator.words import t

_USAGE = "Usage: "  # how typer begins a usage line


def explain(exc: Any, args: Sequence[str], lang: str) -> str:
    """The whole message for a usage error: the usage line, where help is, and what was wrong."""
    lines = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        usage = ctx.get_usage()
        lines.append(t(lang, "errors.usage.usage", usage=usage[len(_USAGE):]) if usage.startswith(_USAGE) else usage)
        if ctx.help_option_names:
            lines.append(t(lang, "errors.usage.help", command=f"{ctx.command_path} {ctx.help_option_names[0]}"))
        lines.append("")
    lines.append(t(lang, "errors.usage.error", problem=_problem(exc, args, lang)))
    return "\n".join(lines)


def _problem(exc: Any, args: Sequence[str], lang: str) -> str:
    from click import exceptions as typer_said  # loaded already: typer raised `exc`  # noqa: PLC0415

    option = getattr(exc, "option_name", None)
    if isinstance(exc, typer_said.NoSuchOption) and option:
        problem = t(lang, "errors.usage.no_such_option", option=option)
        if exc.possibilities:
            problem += t(lang, "errors.usage.did_you_mean", options=", ".join(sorted(exc.possibilities)))
        return problem
    param = getattr(exc, "param", None)
    if isinstance(exc, typer_said.MissingParameter) and param is not None and getattr(param, "opts", None):
        return t(lang, "errors.usage.missing", option=param.opts[0])
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command", None)
    if isinstance(exc, typer_said.NoSuchCommand) and ctx is not None and command is not None and hasattr(command, "list_commands"):
        names = ", ".join(command.list_commands(ctx))
        return t(lang, "errors.usage.no_such_command", command=exc.command_name, commands=names)
    if type(exc) is typer_said.UsageError and ctx is not None and command is not None and not hasattr(command, "list_commands"):
        # The one usage error a single command raises itself: words it has no place for.
        typed = args[args.index(ctx.info_name) + 1 :] if ctx.info_name in args else list(args)
        places = sum(1 for param in getattr(command, "params", ()) if getattr(param, "param_type_name", "") == "argument")
        extra = _words(typed, command)[places:]
        if extra:
            return t(lang, "errors.usage.extra", words=" ".join(extra))
    if isinstance(exc, typer_said.BadOptionUsage) and option:
        # typer says this of a switch given a value (--force=yes) and of an option typed last,
        # with nothing after it.
        given_a_value = any(arg.startswith(f"{option}=") for arg in args)
        return t(lang, "errors.usage.no_value" if given_a_value else "errors.usage.needs_value", option=option)
    message: str = exc.format_message()
    return message


def _words(args: Sequence[str], command: Any) -> list[str]:
    """What was typed that is neither an option of `command` nor an option's value."""
    takes_value = {
        name
        for param in getattr(command, "params", ())
        if getattr(param, "param_type_name", "") == "option" and not getattr(param, "is_flag", False)
        for name in getattr(param, "opts", ())
    }
    words, value_next = [], False
    for arg in args:
        if value_next:
            value_next = False
        elif arg.startswith("-"):
            value_next = arg in takes_value
        else:
            words.append(arg)
    return words
