"""`negotiator schema`: the answers file's JSON Schema, printed or saved for an editor."""

from __future__ import annotations

import json
from pathlib import Path

from negotiator.answers.schema import build
from negotiator.commands.plan import emit


def text(lang: str) -> str:
    return json.dumps(build(lang), ensure_ascii=False, indent=2) + "\n"


def run(lang: str, output: str | Path | None, force: bool) -> None:
    emit(text(lang), output, force, fmt="json")
