"""`negotiator example`: a complete answers file to start from, for the path without questions."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from negotiator.errors import BadInput
from negotiator.words import t


def starter(lang: str) -> str:
    """The starter answers file in one language: every field filled with a believable case."""
    return (resources.files("negotiator") / "starter" / f"case-{lang}.json").read_text("utf-8")


def run(lang: str, output: str | Path | None, force: bool) -> None:
    import sys

    from negotiator.commands.plan import output_file
    from negotiator.files import FileExists, atomic_write

    text = starter(lang)
    if output is None:
        sys.stdout.write(text)
        return
    output = output_file(output, "json", lang)  # a file name, never a folder
    try:
        atomic_write(output, text, overwrite=force)
    except FileExists as exc:
        raise BadInput(t(lang, "errors.output.exists", path=output)) from exc
    except OSError as exc:
        raise BadInput(t(lang, "render.save.failed", path=output, reason=exc.strerror or exc)) from exc
    print(t(lang, "starter.example.written", path=output), file=sys.stderr)
