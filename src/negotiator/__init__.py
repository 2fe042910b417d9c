"""negotiator: prepare to negotiate repayment with a debt collector."""

__version__ = "0.1.0"
