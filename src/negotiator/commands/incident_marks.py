"""Marking collector misconduct on a contact: `log add --incident CODE` and the question asked in
a terminal. The codes are those of negotiator.planning.incidents."""

from __future__ import annotations

from typing import Any

from negotiator.errors import BadInput, Message
from negotiator.planning.incidents import CODES
from negotiator.words import t


def incident_codes(given: Any) -> tuple[str, ...]:
    """The codes typed (repeated options, or a list from the question), each once, in order.
    Commas are allowed too: --incident threat,abuse."""
    if not given:
        return ()
    typed = [given] if isinstance(given, str) else list(given)
    codes = [part.strip().lower() for value in typed for part in str(value).split(",") if part.strip()]
    for code in codes:
        if code not in CODES:
            raise BadInput("errors.usage.bad_value", option="--incident", problem=Message("complaint.bad_code", codes=", ".join(CODES)))
    return tuple(dict.fromkeys(codes))


def incidents_question(questionary: Any, lang: str) -> Any:
    """A checkbox of the codes in the person's words, asked as `log add` asks its other choices;
    nothing marked is an ordinary contact."""
    from negotiator import asking as fit

    choices = [questionary.Choice(title=fit.choice(t(lang, f"complaint.codes.{code}")), value=code) for code in CODES]
    message = fit.question(t(lang, "complaint.ask.incidents"), None)
    hint = fit.instruction(message, t(lang, "complaint.ask.instruction"))
    return Marked(questionary.checkbox(message, choices=choices, qmark="›", instruction=hint), message, lang)


class Marked:
    """The checkbox, answered in the person's words: once answered, questionary's own line says
    "done (2 selections)" in English whatever the language, so that line is erased and replaced
    by one naming what was marked."""

    def __init__(self, question: Any, message: str, lang: str) -> None:
        self.question, self.message, self.lang = question, message, lang
        self.application = question.application  # what the shared prompt helpers adjust
        self.application.erase_when_done = True

    def unsafe_ask(self) -> list[str]:
        from negotiator.advice.phrasing import joined

        codes: list[str] = self.question.unsafe_ask()
        marked = joined(self.lang, [t(self.lang, f"complaint.codes.{code}") for code in codes]) or t(self.lang, "complaint.ask.none")
        print(f"› {self.message} {marked}", flush=True)
        return codes
