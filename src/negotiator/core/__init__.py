"""The values every layer uses: money, dates and spans, typed values, the closed lists, the error
family, which characters are unsafe to show, atomic private files and the data folder.
"""
