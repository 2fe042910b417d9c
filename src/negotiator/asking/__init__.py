"""A question as data, and how it looks in a terminal; asked the one way by the wizard and the
commands that ask.
"""
