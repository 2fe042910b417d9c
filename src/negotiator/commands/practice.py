"""`negotiator practice CASE`: rehearse the call, with negotiator playing the collector.

In a terminal each answer is typed at a prompt; without one, the answers are read one per line
from standard input (a missing line is silence), so a rehearsal can be scripted and checked.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from negotiator.advice import rehearsal
from negotiator.cli.options import choice, language
from negotiator.commands.lender import open_lender
from negotiator.commands.offer import columns
from negotiator.core.controls import visible
from negotiator.core.errors import BadInput, Message, Refused
from negotiator.core.typed import whole
from negotiator.planning.offer import limitation_expired, once_limit, walk_away_of
from negotiator.render.layout import wrap_paragraph
from negotiator.render.safe import json_text
from negotiator.words import t

if TYPE_CHECKING:  # types only: `practice --help` need not load the rehearsal
    from negotiator.advice.rehearsal import Said, ScoreCard
    from negotiator.planning.engine import DebtPlan

FORMATS = ("text", "json")


def _replies(interactive: bool, lang: str, out: Any) -> Callable[[], str]:
    """A function giving the next reply: typed at a prompt, or the next line of standard input."""
    if interactive:
        def ask() -> str:
            out.write(t(lang, "practice.screen.prompt"))
            out.flush()
            try:
                return input()
            except EOFError:
                return ""
        return ask
    lines = iter(sys.stdin.read().splitlines() if not sys.stdin.closed else [])
    return lambda: next(lines, "")


def run(name: str, lender: str | None, seed: str | None, rounds: str, fmt: str, lang: str | None) -> None:

    language(lang)  # a --lang that names no language is refused before anything is read
    choice("--format", fmt, FORMATS)
    try:
        count = whole(rounds, 1, rehearsal.MAX_ROUNDS)
    except Refused as exc:
        raise BadInput("errors.usage.bad_value", option="--rounds", problem=Message("practice.errors.bad_rounds")) from exc
    try:
        number = random.SystemRandom().randrange(1, 10**6) if seed is None else whole(seed, 0, 10**9 - 1)  # shown, to repeat it
    except Refused as exc:
        raise BadInput("errors.usage.bad_value", option="--seed", problem=Message("practice.errors.bad_seed")) from exc
    who = open_lender(name, lender, lang)
    plan, d = who.plan, who.debt
    lang_ = plan.lang
    expired = limitation_expired(d)
    walk_away, once = walk_away_of(d), once_limit(d)
    # In a terminal the rehearsal is typed into whatever the format; with --format json the
    # screen goes to standard error, so standard output is the JSON alone.
    interactive = sys.stdin.isatty()
    out = sys.stdout if fmt == "text" else sys.stderr
    text = fmt == "text" or interactive
    reply = _replies(interactive, lang_, out)

    limit = columns()

    def say(line: str, first: str = "", rest: str = "") -> None:
        # A reply or a lender's name is shown escaped, never obeyed (see render.safe).
        out.write("\n".join(wrap_paragraph(visible(line, newlines=False), limit, first, rest)) + "\n")

    if text:
        say(t(lang_, "practice.screen.intro", lender=d.lender, seed=number))
    transcript: list[Said] = []
    turns = rehearsal.turns(plan, d, number, count)
    for n, turn in enumerate(turns, start=1):
        if text:
            out.write(f"\n{t(lang_, 'practice.screen.round', n=n, count=len(turns))}\n")
            say(t(lang_, "practice.screen.they_say", line=turn.they_say))
            out.flush()
        said = rehearsal.judge_reply(turn, reply().strip(), walk_away, once, expired)
        transcript.append(said)
        if text:
            if not interactive:
                say(t(lang_, "practice.screen.you_said", reply=said.you_said or t(lang_, "practice.screen.silent")))
            for line in rehearsal.feedback(lang_, said, walk_away):
                say(line, "  ", "  ")
    card = rehearsal.score(transcript, expired)
    if text:
        out.write("\n")
        for line in rehearsal.score_lines(lang_, card, transcript):
            say(line)
    if fmt == "json":
        sys.stdout.write(json_text(document(d, number, transcript, card)) + "\n")


def document(d: DebtPlan, seed: int, transcript: list[Said], card: ScoreCard) -> dict[str, Any]:
    """The JSON of `practice --format json`: the lender's stance, the transcript and the score card."""
    from negotiator.render.json import stance  # noqa: PLC0415

    return {
        "lender": d.lender,
        "stance": stance(d.stance),
        "seed": seed,
        "transcript": [
            {"moment": s.turn.moment, "they_say": s.turn.they_say, "you_said": s.you_said, "rules_broken": s.rules_broken, "suggested": s.turn.suggested}
            for s in transcript
        ],
        "score_card": {
            "rounds": card.rounds,
            "clean_rounds": card.clean,
            "kept": card.kept,
            "broken": card.broken,
            "weakest": None if card.weakest is None else {"round": card.weakest + 1, "moment": transcript[card.weakest].turn.moment,
                                                          "they_say": transcript[card.weakest].turn.they_say},
        },
    }
