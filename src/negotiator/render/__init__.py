"""Renderers: each reads a Plan and returns text. None of them decides or computes.

May import: plan, plan_records, records, planning, money, words (never store, wizard or commands).
"""
