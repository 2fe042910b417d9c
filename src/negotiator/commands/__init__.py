"""One module per command: what runs after the options are parsed."""
