"""typer's help pages in the person's language. Our own help texts come from the word files; the
frame around them (the usage line, the section headings, the help option, defaults) typer writes
in English, and it is said again here. Anything typer words differently is left as it is.

The commands are declared once, when the module loads, but the language is known only when a
command line is read: so a command's help and its options' help hold word keys (`h`), and the
page is put into words when it is shown, in the language of this run (`this_run`: `--lang`, else
the locale). The command classes that do so are in `typer_classes`.
"""

from __future__ import annotations

import re
from typing import Any

from negotiator.words import t, table

_MARK = re.compile(r"\[(default:\s+[^\]]*|required)\]")  # typer may wrap a default onto the next line
_USAGE = "Usage: "
_KEY = re.compile(r"cli\.[\w.]+")

def h(key: str) -> str:
    """A help text, by key: put into words when the page is shown."""
    return f"cli.{key}"


def _words(text: Any, lang: str) -> Any:
    if isinstance(text, str) and _KEY.fullmatch(text):
        return t(lang, text)
    return text


def frame_words(text: str, lang: str) -> str:
    """An option's help as the page shows it, with what typer adds ("[default: ...]", the help
    option's own help) in `lang`: said before the text is fitted to the page."""
    if lang == "en":
        return text  # typer's frame is English already; the English words say the same
    text = text.replace("Show this message and exit.", t(lang, "cli.frame.help_option"))

    def mark(found: re.Match[str]) -> str:
        said = found[1]
        if said == "required":
            return t(lang, "cli.frame.required")
        return t(lang, "cli.frame.default", value=" ".join(said.removeprefix("default:").split()))

    return _MARK.sub(mark, text)


def in_language(page: str, lang: str) -> str:
    """The frame's usage line and section headings in `lang`."""
    if lang == "en":
        return page
    lines = page.split("\n")
    if lines and lines[0].startswith(_USAGE):
        lines[0] = t(lang, "errors.usage.usage", usage=lines[0][len(_USAGE):])
    headings = {"Options:": t(lang, "cli.frame.options"), "Commands:": t(lang, "cli.frame.commands"), "Arguments:": t(lang, "cli.frame.arguments")}
    return "\n".join(headings.get(line, line) for line in lines)


def put_into_words(command: Any, lang: str) -> None:
    """The command's own help and its options' help, from keys to sentences. typer builds its
    commands afresh for each run, so the keys are not needed again."""
    if command.short_help is None and isinstance(command.help, str) and command.help.endswith(".help"):
        # A command's one-line summary for the command list, kept beside its help.
        summary = command.help.removesuffix(".help") + ".summary"
        if summary.removeprefix("cli.") in table(lang, "cli"):
            command.short_help = summary
    command.help = _words(command.help, lang)
    command.short_help = _words(command.short_help, lang)
    for param in getattr(command, "params", ()):
        param.help = _words(getattr(param, "help", None), lang)
