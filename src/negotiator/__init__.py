"""negotiator: prepare to negotiate repayment with a debt collector.

The package in layers, lowest first; a layer is a folder or a module, and the layers on one line
sit side by side. A module imports only from layers below its own (at module level or inside a
function), never one beside it, and never round a loop; within one folder modules import each
other freely, but never in a loop. `LAYERS` below is the order, and tests/test_layers.py checks
every import against it, and this list against it too.

1. core: the values every layer uses: money, dates, typed values, the closed lists, the error
   family, which characters are unsafe to show, atomic private files, the data folder.
2. words: every user-facing sentence, by key, in Chinese and English; `say` puts an error into words.
3. answers: the answers model (Case), an answers file, its JSON Schema, a file's problems by field.
4. records.contacts, records.payments: the contact log, the agreements and the payments made, as
   they are stored.
5. planning: pure numbers from a Case, its agreements and its log.
6. records.plan: the plan's records, which the advice fills.
7. advice: the words for the call, filled with the case's own numbers.
8. plan, store: the assembled Plan; beside it the saved cases.
9. render: every output form; renderers never compute a figure.
10. asking: a question as data, and how it looks in a terminal.
11. cli: what the commands share of the command line: options, the run's language, usage errors,
    help pages, how a run ends.
12. wizard, commands: the interview, and one module per command.
13. app: the typer app, which reads every command line and only wires the commands.
14. start: what holds for the whole process.
15. __main__
"""

__version__ = "0.1.0"

# The layers, lowest first, as folders or modules of this package (the package itself, which
# holds only this, is below them all).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("words",),
    ("answers",),
    ("records.contacts", "records.payments"),
    ("planning",),
    ("records.plan",),
    ("advice",),
    ("plan", "store"),
    ("render",),
    ("asking",),
    ("cli",),
    ("wizard", "commands"),
    ("app",),
    ("start",),
    ("__main__",),
)
