"""The interview from first question to saved plan: the steps in order, a draft after each, the
review loop, and what Ctrl-C and a closed input mean."""

from __future__ import annotations

import json

from negotiator.asking.question import ask
from negotiator.cli.this_run import speak
from negotiator.core.controls import visible
from negotiator.core.errors import BadInput, Interrupted, Message
from negotiator.wizard import screens, steps
from negotiator.wizard.draft import Draft, drafts, scan, stamp
from negotiator.wizard.questions import DISCARD, DRAFT, START, START_ONE
from negotiator.words import say, t

STEPS = ("language", "situation", "income", "expenses", "priority", "debts", "budget", "proposals", "review", "result")
RUN = {
    "language": steps.language,
    "situation": steps.situation,
    "income": steps.income,
    "expenses": steps.expenses,
    "priority": steps.priority,
    "debts": steps.debts,
    "budget": steps.budget,
    "proposals": steps.proposals,
    "result": steps.result,
}
NUMBERED = STEPS[1:]  # the language is not counted as a step
# The steps further on that a change at a step can change: the budget's figures follow the income,
# expenses and priority payments; the proposals follow those, the debts, the lump sum and how long
# the hardship is expected to last.
LATER = {
    "situation": ("proposals",),
    "income": ("budget", "proposals"),
    "expenses": ("budget", "proposals"),
    "priority": ("budget", "proposals"),
    "debts": ("budget", "proposals"),
    "budget": ("proposals",),
}


def after(done: str | None) -> str:
    """The step after `done`; from the start when none (or one this version does not know) is done."""
    return STEPS[STEPS.index(done) + 1] if done in STEPS[:-1] else STEPS[0]


def answered(d: Draft) -> bool:
    """Anything worth keeping beyond the language (a draft of nothing would only hide an older one)."""
    return d.path is not None or any(value for key, value in d.answers.items() if key != "language")


def run(d: Draft, first: str) -> None:
    """Ask from step `first` to the end. Every finished step is written to the draft; on Ctrl-C or
    end of input the answers so far are written too, so nothing typed is lost."""
    index = STEPS.index(first)
    try:
        while index < len(STEPS):
            step = STEPS[index]
            if step == "review":
                screens.header(d.lang, step, NUMBERED.index(step) + 1, len(NUMBERED))
                back = steps.review(d)
                if back != "continue":
                    go_back(d, back)
                    continue  # back to the review screen, with the plan as it now stands
            else:
                if step != "language":
                    screens.header(d.lang, step, NUMBERED.index(step) + 1, len(NUMBERED))
                RUN[step](d)
                if step == "language":
                    welcome(d)
            if step != "result":
                d.done = step
                if answered(d):
                    d.save()
            index += 1
    except KeyboardInterrupt:
        speak(d.lang)  # the language of the interview, as everything it said
        if not answered(d):
            raise Interrupted("problems.after_question", said=Message("wizard.msg.interrupted_nothing")) from None
        d.save()
        raise Interrupted("problems.after_question", said=Message("wizard.msg.interrupted")) from None
    except EOFError:
        # The input ended (a closed pipe, Ctrl-D): no one is there to answer.
        speak(d.lang)
        if answered(d):
            d.save()
            raise BadInput("problems.after_question", said=Message("wizard.msg.input_ended_kept")) from None
        raise BadInput("problems.after_question", said=Message("wizard.msg.input_ended")) from None
    except BadInput:
        speak(d.lang)
        if answered(d):
            d.save()
        raise
    d.discard()
    screens.say(t(d.lang, "wizard.msg.finished"))


def go_back(d: Draft, step: str) -> None:
    """A step picked on the review screen, then every later step the change made read differently
    (a new lump sum brings the proposals back, with their settlements). Until the last of them is
    done, the draft goes on from the step being changed, so Ctrl-C never skips one."""
    finished = d.done
    before = steps.on_screen(d)
    d.done = STEPS[STEPS.index(step) - 1]
    screens.header(d.lang, step, NUMBERED.index(step) + 1, len(NUMBERED))
    RUN[step](d)
    d.save()
    for later in LATER.get(step, ()):
        if steps.on_screen(d)[later] == before[later]:
            continue
        d.done = STEPS[STEPS.index(later) - 1]
        d.save()
        screens.say()
        screens.say(t(d.lang, "wizard.msg.changed_later", changed=t(d.lang, f"wizard.steps.{step}"), step=t(d.lang, f"wizard.steps.{later}")))
        screens.header(d.lang, later, NUMBERED.index(later) + 1, len(NUMBERED))
        RUN[later](d)
    d.done = finished
    d.save()


def welcome(d: Draft) -> None:
    screens.say(t(d.lang, "wizard.msg.welcome"))


def start(lang: str | None, name: str | None, first_guess: str) -> None:
    kept = drafts()
    if kept and _go_on(lang or first_guess, len(kept)):
        resume(lang, first_guess)
        return
    d = Draft(lang or first_guess, name=name)
    if lang:
        d.answers["language"] = lang
        welcome(d)
        d.done = "language"
        run(d, "situation")
    else:
        run(d, "language")


def resume(lang: str | None, first_guess: str) -> None:
    d = pick_draft(lang or first_guess, asked=lang)
    if lang:
        d.lang = lang
        d.answers["language"] = lang
    step = after(d.done)
    screens.say(t(d.lang, "wizard.msg.resumed", step=t(d.lang, f"wizard.steps.{step}")))
    run(d, step)


def _go_on(lang: str, count: int) -> bool:
    """Interviews left unfinished: go on with one, or start anew (they stay as they are)."""
    try:
        picked: str = ask(START if count > 1 else START_ONE, lang, count=count)
        return picked == "continue"
    except KeyboardInterrupt:
        raise Interrupted("problems.after_question", said=Message("wizard.msg.drafts_kept")) from None
    except EOFError:
        raise BadInput("problems.after_question", said=Message("wizard.msg.input_ended")) from None


def listing_language(found: list[Draft], asked: str | None, fallback: str) -> str:
    """The language a list of drafts is shown in: the one --lang asked for, else the drafts' own
    when they share one, else `fallback`. Each draft itself is described in its own language
    unless --lang says otherwise."""
    own = {d.lang for d in found}
    return asked or (own.pop() if len(own) == 1 else fallback)


def pick_draft(lang: str, asked: str | None = None) -> Draft:
    """The draft to go on with: the only one, or the one the person picks from all of them."""
    found, broken = scan()
    lang = listing_language(found, asked, lang)
    for b in broken:  # named, so the person knows it is there; never opened further or deleted
        screens.say(say(lang, b.problem))
    if not found:
        raise BadInput("safety.drafts_broken_only" if broken else "wizard.msg.no_draft")
    try:
        while len(found) > 1:
            options = [(describe_draft(d, asked or d.lang), n) for n, d in enumerate(found)]
            options.append((t(lang, "wizard.menu.discard"), -1))  # questionary would take None for the title
            pick: int = ask(DRAFT, lang, options=options, count=len(found))
            if pick >= 0:
                return found[pick]
            which: int = ask(DISCARD, lang, options=[(describe_draft(d, asked or d.lang), n) for n, d in enumerate(found)])
            found.pop(which).discard()
            screens.say(t(lang, "wizard.msg.discarded"))
        return found[0]
    except KeyboardInterrupt:
        raise Interrupted("problems.after_question", said=Message("wizard.msg.drafts_kept")) from None
    except EOFError:
        raise BadInput("problems.after_question", said=Message("wizard.msg.input_ended")) from None


def describe_draft(d: Draft, lang: str) -> str:
    """One line a person can tell their drafts apart by: when, whose debts, and what comes next."""
    debts = d.answers.get("debts")
    lenders = [str(debt["lender"]) for debt in debts if isinstance(debt, dict) and debt.get("lender")] if isinstance(debts, list) else []
    if d.name:
        what = d.name
    elif lenders:
        what = t(lang, "render.describe.separator").join(lenders)
    else:
        what = t(lang, "wizard.msg.draft_no_debts")
    when = f"{d.changed:%Y-%m-%d %H:%M}" if d.changed else "?"

    # A draft's values are as typed or pasted: shown in the menu, every control is escaped.
    return visible(t(lang, "wizard.msg.draft_choice", when=when, what=what, step=t(lang, f"wizard.steps.{after(d.done)}")), newlines=False)


def edit(name: str, lang: str | None, first_guess: str) -> None:
    from negotiator.store import open_case  # noqa: PLC0415

    saved = open_case(name)
    chosen = lang or saved.case.language
    answers = steps.from_case(json.loads(saved.case.model_dump_json(exclude_none=True)))
    answers["language"] = chosen
    d = Draft(chosen, answers, done="proposals", name=name, editing=True)

    d.case_seen = stamp(saved.folder / "case.json")
    screens.say(t(chosen, "wizard.msg.editing", name=name))
    run(d, "review")
