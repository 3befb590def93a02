"""Thin entry points of the nox sessions, run from the repository root as `python -m scripts.<task>`."""
