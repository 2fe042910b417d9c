"""The case store: one private folder per saved case, in the user's data folder
(platformdirs, or NEGOTIATOR_HOME when set).

    <data>/cases/<name>/case.json         the answers, wrapped with schema_version, name, saved
    <data>/cases/<name>/log.jsonl         the contact log: one contact per line, append-only
    <data>/cases/<name>/agreement.json    the latest repayment agreement, once there is one
    <data>/cases/<name>/agreements.jsonl  every agreement recorded, oldest first
    <data>/cases/<name>/payments.jsonl    every payment recorded: one per line, append-only
    <data>/cases/<name>/.lock             held around every read-modify-write and append

Folders are 0700 and files 0600; every write is atomic (a crash leaves the old file or the new one).
Every file is validated when it is read; a broken one is refused, named, and never written over or
appended to. Versions and migrations: see `negotiator.store.versions`.
"""

from __future__ import annotations

from negotiator.store.cases import SavedCase, open_case, save_case
from negotiator.store.folders import case_folder, cases_dir, check_name
from negotiator.store.journal import add_entry, add_payment, record_agreement
from negotiator.store.summary import CaseSummary, kept, list_saved, next_follow_up
from negotiator.store.versions import STORE_VERSION

__all__ = [
    "STORE_VERSION",
    "CaseSummary",
    "SavedCase",
    "add_entry",
    "add_payment",
    "case_folder",
    "cases_dir",
    "check_name",
    "kept",
    "list_saved",
    "next_follow_up",
    "open_case",
    "record_agreement",
    "save_case",
]
