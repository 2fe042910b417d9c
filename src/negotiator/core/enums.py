"""The closed lists of the answers file and the contact log: why the hardship began, what an
expense is for, what kind of debt, how far collection has gone, what was proposed, how a contact
was made. The models validate against them and the wizard, the options and the checks take their
choices from them (typed.choices_of), so a value is added in one place.

No pydantic here: the wizard builds its first menus from these before the model is loaded.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class Cause(StrEnum):
    job_loss = "job_loss"
    income_cut = "income_cut"
    illness = "illness"
    family_emergency = "family_emergency"
    business_failure = "business_failure"
    other = "other"


class Category(StrEnum):
    housing = "housing"
    food = "food"
    transport = "transport"
    utilities = "utilities"
    communication = "communication"
    medical = "medical"
    education = "education"
    childcare = "childcare"
    insurance = "insurance"
    family_support = "family_support"
    other = "other"


class DebtKind(StrEnum):
    huabei = "huabei"
    jiebei = "jiebei"
    credit_card = "credit_card"
    online_loan = "online_loan"
    other = "other"


class Stage(StrEnum):
    reminders = "reminders"
    calls = "calls"
    agency = "agency"
    legal_threat = "legal_threat"
    lawsuit = "lawsuit"


class ProposalKind(StrEnum):
    extension = "extension"
    instalments = "instalments"
    waiver_instalments = "waiver_instalments"
    settlement = "settlement"


class Keeping(StrEnum):
    """Where an agreement stands, the worst first: a payment missed, one due within the week, all
    paid so far, all paid."""

    behind = "behind"
    due_soon = "due_soon"
    on_track = "on_track"
    completed = "completed"


# How a contact was made (contacts_and_agreements.ContactEntry.channel).
Channel = Literal["phone", "sms", "app", "letter", "visit"]

# Who made a contact: the lender or its collector ("them"), or the person ("me"). A call the person
# made at night is not a night call from a collector.
StartedBy = Literal["them", "me"]

# What a collector did that the rules forbid, as marked in the contact log or found in it.
IncidentCode = Literal[
    "night_call", "too_many_calls", "threat", "abuse", "third_party",
    "false_legal", "impersonation", "disclosure", "personal_account", "other",
]
