"""typer's help pages in the person's language. Our own help texts come from the word files; the
frame around them (the usage line, the section headings, the help option, defaults) typer writes
in English, and it is said again here. Anything typer words differently is left as it is."""

from __future__ import annotations

import re

import typer.core

from negotiator.words import detect_language, t

_MARK = re.compile(r"\[(default:\s+[^\]]*|required)\]")  # typer may wrap a default onto the next line
_USAGE = "Usage: "


def in_language(page: str, lang: str) -> str:
    if lang == "en":
        return page  # typer's frame is English already; the English words say the same
    lines = page.split("\n")
    if lines and lines[0].startswith(_USAGE):
        lines[0] = t(lang, "errors.usage.usage", usage=lines[0][len(_USAGE):])
    headings = {"Options:": t(lang, "cli.frame.options"), "Commands:": t(lang, "cli.frame.commands"), "Arguments:": t(lang, "cli.frame.arguments")}
    page = "\n".join(headings.get(line, line) for line in lines)
    page = page.replace("Show this message and exit.", t(lang, "cli.frame.help_option"))

    def mark(found: re.Match[str]) -> str:
        said = found[1]
        if said == "required":
            return t(lang, "cli.frame.required")
        return t(lang, "cli.frame.default", value=" ".join(said.removeprefix("default:").split()))

    return _MARK.sub(mark, page)


class Command(typer.core.TyperCommand):
    def get_help(self, ctx: typer.Context) -> str:
        return in_language(super().get_help(ctx), detect_language())


class Group(typer.core.TyperGroup):
    def get_help(self, ctx: typer.Context) -> str:
        return in_language(super().get_help(ctx), detect_language())
