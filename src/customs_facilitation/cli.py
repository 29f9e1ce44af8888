"""Command line: ``python -m customs_facilitation validate [--data-dir DIR]``."""

import argparse
import sys

from .errors import DataValidationError
from .package import load_package


def validate(args) -> int:
    """Check every table; print row counts, or every problem. Return the exit status."""
    try:
        tables = load_package(args.data_dir)
    except DataValidationError as error:
        print(error, file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(table)} {name}" for name, table in tables.items())
    print(f"data valid: {counts}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per job."""
    parser = argparse.ArgumentParser(prog="python -m customs_facilitation", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the curated data against its schema and rules")
    check.add_argument("--data-dir", default=None, help="a data folder (default: the repository's data/)")
    check.set_defaults(run=validate)
    return parser


def main(argv=None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    return args.run(args)
