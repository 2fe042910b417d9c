"""`negotiator drafts` and `negotiator drafts discard ID`: the interviews left unfinished, listed
and removed outside an interview.

A draft's ID is its place in the list, the latest first, as `negotiator drafts` shows it."""

from __future__ import annotations

from negotiator.cli import this_run
from negotiator.core.errors import BadInput, Refused
from negotiator.core.typed import whole
from negotiator.render.layout import screen_width, show, wrap
from negotiator.wizard.draft import drafts
from negotiator.wizard.flow import describe_draft, listing_language
from negotiator.words import t


def list_drafts(lang: str) -> None:
    """The drafts, each described in its own language unless --lang says otherwise."""
    found = drafts()
    asked = this_run.asked()
    lang = listing_language(found, asked, lang)
    if not found:
        show(t(lang, "starter.drafts.none"))
        return
    lines = [t(lang, "starter.drafts.title")]
    lines += [t(lang, "starter.drafts.line", id=n, description=describe_draft(d, asked or d.lang)) for n, d in enumerate(found, 1)]
    lines += ["", t(lang, "starter.drafts.hint")]
    print("\n".join(out for line in lines for out in wrap(line, screen_width(), "", "    ")))


def discard(draft_id: str, lang: str) -> None:
    found = drafts()
    try:
        n = whole(draft_id, 1, len(found))
    except Refused as exc:
        raise BadInput("starter.drafts.unknown", id=draft_id) from exc
    found[n - 1].discard()
    show(t(lang, "starter.drafts.discarded", id=n))
