"""`negotiator plan`: the whole plan from an answers file or a saved case, no prompts."""

from __future__ import annotations

from pathlib import Path

from negotiator.errors import BadInput
from negotiator.words import t

FORMATS = ("text", "markdown", "json", "ics")


def load(answers: Path | None, case_name: str | None, lang: str):
    """The case and anything a saved case adds: (case, log, agreement)."""
    if case_name is not None and answers is not None:
        raise BadInput(t(lang, "errors.usage.bad_value", option="--case", problem=t(lang, "errors.usage.case_or_answers")))
    if case_name is not None:
        from negotiator import store

        saved = store.open_case(case_name, lang)
        return saved.case, tuple(saved.log()), saved.agreement()
    if answers is None:
        raise BadInput(t(lang, "errors.usage.bad_value", option="--answers", problem=t(lang, "errors.field.missing")))
    from negotiator.loading import load_answers

    return load_answers(answers, lang), (), None


def render(plan, fmt: str, to_terminal: bool, plain: bool) -> str:
    """The plan in one output form. Rich is loaded only to draw on a terminal."""
    if fmt == "json":
        from negotiator.render import json as form
    elif fmt == "markdown":
        from negotiator.render import markdown as form
    elif fmt == "ics":
        from negotiator.render import ics as form
    elif to_terminal and not plain:
        from negotiator.render import terminal as form
    else:
        from negotiator.render import text as form
    return form.render(plan)


def output_file(output: str | Path, fmt: str, lang: str) -> Path:
    """Where -o writes: a file name, never a folder (with or without its trailing slash)."""
    import os

    text = str(output)
    path = Path(text).expanduser()
    if not text or text.endswith(("/", os.sep)) or path.is_dir():
        example = path / f"plan.{ {'markdown': 'md', 'text': 'txt'}.get(fmt, fmt) }"
        raise BadInput(t(lang, "errors.usage.bad_value", option="--output", problem=t(lang, "safety.output_folder", path=text, example=example)))
    return path


def emit(text: str, output: str | Path | None, force: bool, lang: str, fmt: str = "text") -> None:
    if output is None:
        import sys

        sys.stdout.write(text)
        return
    from negotiator.files import FileExists, atomic_write

    output = output_file(output, fmt, lang)

    try:
        atomic_write(output, text, overwrite=force)
    except FileExists as exc:
        raise BadInput(t(lang, "errors.output.exists", path=output)) from exc
    except OSError as exc:
        raise BadInput(t(lang, "render.save.failed", path=output, reason=exc.strerror or exc)) from exc


def run(answers: Path | None, case_name: str | None, fmt: str, lang: str | None, output: str | Path | None, force: bool, plain: bool) -> None:
    import sys

    from negotiator.cli import choice, language
    from negotiator.plan import build_plan

    first = language(lang)
    choice("--format", fmt, FORMATS, first)
    case, log, agreement = load(answers, case_name, first)
    chosen = language(lang, case.language)
    plan = build_plan(case, chosen, log=log, agreement=agreement)
    to_terminal = output is None and sys.stdout.isatty()
    if output is not None:
        output_file(output, fmt, chosen)  # refused before the plan is built, not after
    emit(render(plan, fmt, to_terminal, plain), output, force, chosen, fmt)
