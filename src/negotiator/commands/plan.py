"""`negotiator plan`: the whole plan from an answers file or a saved case, no prompts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from negotiator.cli.options import choice, language
from negotiator.core.errors import BadInput, Message
from negotiator.render.forms import FORMATS, render

if TYPE_CHECKING:  # types only: a plan from an answers file loads no log
    from negotiator.answers.case import Case
    from negotiator.records.contacts import Agreement, ContactEntry
    from negotiator.records.payments import Payment

__all__ = ["FORMATS", "emit", "load", "render", "run"]  # render and FORMATS live in render.forms


def load(answers: Path | None, case_name: str | None) -> tuple[Case, tuple[ContactEntry, ...], tuple[Agreement, ...], tuple[Payment, ...]]:
    """The case and anything a saved case adds: (case, log, the current agreement per lender, payments)."""
    if case_name is not None and answers is not None:
        raise BadInput("errors.usage.bad_value", option="--case", problem=Message("errors.usage.case_or_answers"))
    if case_name is not None:
        from negotiator import store  # noqa: PLC0415

        saved = store.open_case(case_name)
        return saved.case, tuple(saved.log()), saved.agreements(), saved.payments
    if answers is None:
        raise BadInput("errors.usage.bad_value", option="--answers", problem=Message("errors.field.missing"))
    from negotiator.answers.file import load_answers  # noqa: PLC0415

    return load_answers(answers), (), (), ()


def output_file(output: str | Path, fmt: str) -> Path:
    """Where -o writes: a file name, never a folder (with or without its trailing slash)."""
    text = str(output)
    path = Path(text).expanduser()
    if not text or text.endswith(("/", os.sep)) or path.is_dir():
        example = path / f"plan.{ {'markdown': 'md', 'text': 'txt'}.get(fmt, fmt) }"
        raise BadInput("errors.usage.bad_value", option="--output", problem=Message("safety.output_folder", path=text, example=example))
    from negotiator.core.files import NotRegular, refuse_special  # noqa: PLC0415

    try:
        refuse_special(path)  # a device, a pipe or a socket, --force or not
    except NotRegular as exc:
        raise BadInput("errors.usage.bad_value", option="--output", problem=Message("safety.output_special", path=text)) from exc
    except OSError as exc:
        raise BadInput("render.save.failed", path=path, reason=exc.strerror or exc) from exc
    return path


def emit(text: str, output: str | Path | None, force: bool, fmt: str = "text") -> None:
    if output is None:
        import sys  # noqa: PLC0415

        sys.stdout.write(text)
        return
    from negotiator.core.files import FileExists, NotRegular, atomic_write  # noqa: PLC0415

    output = output_file(output, fmt)

    try:
        atomic_write(output, text, overwrite=force)
    except FileExists as exc:
        raise BadInput("errors.output.exists", path=output) from exc
    except NotRegular as exc:  # made a pipe or a device since it was checked
        raise BadInput("errors.usage.bad_value", option="--output", problem=Message("safety.output_special", path=str(output))) from exc
    except OSError as exc:
        raise BadInput("render.save.failed", path=output, reason=exc.strerror or exc) from exc


def run(answers: Path | None, case_name: str | None, fmt: str, lang: str | None, output: str | Path | None, force: bool, plain: bool) -> None:
    import sys  # noqa: PLC0415

    from negotiator.plan import build_plan  # noqa: PLC0415

    language(lang)  # a --lang that names no language is refused before anything is read
    choice("--format", fmt, FORMATS)
    case, log, agreements, payments = load(answers, case_name)
    chosen = language(lang, case.language)
    plan = build_plan(case, chosen, log=log, agreements=agreements, payments=payments)
    if case_name is not None:
        from negotiator.planning.incidents import so_far  # noqa: PLC0415

        plan = plan._replace(incidents=so_far(log, case_name))
    to_terminal = output is None and sys.stdout.isatty()
    if output is not None:
        output_file(output, fmt)  # refused before the plan is built, not after
    emit(render(plan, fmt, to_terminal, plain), output, force, fmt)
