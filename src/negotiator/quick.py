"""The quick commands: they answer in a fraction of a second and never prompt, so they run without
the garbage collector (see `start` and `cli.main`). Here, below both, so each can read it."""

QUICK = frozenset({"plan", "calc", "schema", "show", "cases", "agree", "offer"})
