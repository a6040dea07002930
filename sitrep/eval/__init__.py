"""Scorers for the gold formats sitrep is measured on (seed, events, incidents, places, times).

Each module exposes ``evaluate(path, coder, limit=None) -> Report``.
"""
