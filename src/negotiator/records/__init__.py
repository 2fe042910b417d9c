"""The records: the contact log and agreements (`contacts`, below planning, which reads them), and
the plan's records (`plan`, above planning, holding its numbers); see `negotiator.LAYERS`.
"""
