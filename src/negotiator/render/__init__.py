"""Renderers: each reads a Plan and returns text. None of them decides or computes."""
