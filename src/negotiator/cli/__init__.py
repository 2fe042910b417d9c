"""The command line's shared parts: options, the run's language, usage errors, the help page and
how a run ends.
"""
