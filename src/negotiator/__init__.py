"""negotiator: prepare to negotiate repayment with a debt collector.

The package in layers, lowest first ("then" marks a layer within a group). A module imports only from layers below its own (at module
level or inside a function), never a loop; tests/test_layers.py checks every import against this
order, and each package's docstring says what it may import.

1. errors, controls: the error family (a message key and its values, never words); which
   characters a terminal would obey instead of showing.
2. paths, files, money, quick, when, json_reading, field_problems: the data folder, atomic private
   files, money as Decimal, dates as people write them, JSON read exactly, a file's problems by field.
3. words: every user-facing sentence, by key, in Chinese and English; `say` puts an error into words.
4. this_run: the language of one run of the command line.
5. typed, enums: typed values (amounts, rates, numbers, dates, case names) and the closed lists.
6. spellings, then case, then answers_schema: the answers model and its published JSON Schema.
7. planning: the engine, pure numbers from a Case.
8. contacts_and_agreements, answers_file: the contact log and agreement records; an answers file
   into a Case.
9. plan_records, then advice, then plan: the plan's records, the words for the call, the
   assembled Plan; store sits beside plan: the saved cases.
10. render: every output form; renderers never compute a figure.
11. help_page, usage_errors, options, prompt_layout, then question: what the commands and the wizard
    share.
12. typer_classes, exits: help pages in words; how a run ends.
13. wizard, commands: the interview and one module per command.
14. cli (only wires the commands) and direct (a plain line of a command run most, read without
    typer); then start (what holds for the whole process), then __main__.
"""

__version__ = "0.1.0"
