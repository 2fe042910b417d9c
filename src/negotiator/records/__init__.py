"""The records: the contact log and agreements, and the plan's records.
"""
