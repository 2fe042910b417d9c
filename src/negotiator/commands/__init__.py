"""One module per command: what runs after the options are parsed.

May import anything below: options, render, plan, store, answers_file, field_problems, json_reading, planning, case (never cli or
the wizard; what the wizard shares with a command lives below both, as `render.forms`).
"""
