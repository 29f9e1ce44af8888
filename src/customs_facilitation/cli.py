"""Command line: ``python -m customs_facilitation {validate,check} [--data-dir DIR]``."""

import argparse
import sys

from .checks import run_checks
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


def check(args) -> int:
    """Run every consistency check; print each result. Exit non-zero if any check fails."""
    try:
        results = run_checks(args.data_dir)
    except DataValidationError as error:
        print(error, file=sys.stderr)
        return 1
    for row in results.itertuples():
        line = (f"{row.status:9} {row.check_id}: computed {row.computed:.6g} [{row.computed_low:.6g}, "
                f"{row.computed_high:.6g}] vs published {row.published:g} {row.unit} ({row.published_id})")
        print(line + (f" - {row.explanation}" if row.status == "explained" else ""))
    counts = results["status"].value_counts()
    print(", ".join(f"{counts.get(s, 0)} {s}" for s in ("pass", "explained", "fail")))
    return 1 if counts.get("fail", 0) else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per job."""
    parser = argparse.ArgumentParser(prog="python -m customs_facilitation", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, run, text in [("validate", validate, "check the curated data against its schema and rules"),
                            ("check", check, "run the consistency checks declared in checks.csv")]:
        command = commands.add_parser(name, help=text)
        command.add_argument("--data-dir", default=None, help="a data folder (default: the repository's data/)")
        command.set_defaults(run=run)
    return parser


def main(argv=None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    return args.run(args)
