"""Pytest collection: doctests run on the package, never on its command-line entry point."""

collect_ignore = ["src/customs_facilitation/__main__.py"]
