"""Timelines as pictures (matplotlib, the optional ``plot`` extra)."""
