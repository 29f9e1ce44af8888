"""Command line: ``python -m customs_facilitation {validate,check,audit,claims}``.

Bad curated data makes any command print every problem and exit 1.
"""

import argparse
import sys
from pathlib import Path

import pandas as pd

from .audit import audit, curated_matches
from .checks import run_checks
from .claims import find_claims
from .errors import DataValidationError
from .package import load_package


def print_table(table: pd.DataFrame) -> None:
    """Print a whole table, every row, without the index."""
    with pd.option_context("display.max_rows", None, "display.width", 200):
        print(table.fillna("").to_string(index=False))


def print_tally(statuses: pd.Series, order: tuple[str, ...]) -> None:
    """Print how many of each status, in the given order, e.g. '22 pass, 2 explained, 0 fail'."""
    counts = statuses.value_counts()
    print(", ".join(f"{counts.get(status, 0)} {status}" for status in order))


def validate(args) -> int:
    """Check every table; print row counts."""
    tables = load_package(args.data_dir)
    print("data valid: " + ", ".join(f"{len(table)} {name}" for name, table in tables.items()))
    return 0


def check(args) -> int:
    """Run every consistency check and print each result; exit 1 if any check fails."""
    results = run_checks(args.data_dir)
    for row in results.itertuples():
        line = (f"{row.status:9} {row.check_id}: computed {row.computed:.6g} [{row.computed_low:.6g}, "
                f"{row.computed_high:.6g}] vs published {row.published:g} {row.unit} ({row.published_id})")
        print(line + (f" - {row.explanation}" if row.status == "explained" else ""))
    print_tally(results["status"], ("pass", "explained", "fail"))
    return int((results["status"] == "fail").any())


def audit_command(args) -> int:
    """Account for every number in the held source texts; exit 1 if any is unaccounted."""
    result = audit(args.data_dir)
    print_table(result)
    print_tally(result["status"], ("curated", "excluded", "unaccounted"))
    return int((result["status"] == "unaccounted").any())


def claims(args) -> int:
    """List the numeric claims of a text file as a table, marking those already curated."""
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.file}: cannot read as UTF-8 text: {error}", file=sys.stderr)
        return 2
    found = find_claims(text)
    if not found:
        print("no numeric claims found")
        return 0
    table = pd.DataFrame([{"text": c.text, "value": c.value, "unit": c.unit, "qualifier": c.qualifier,
                           "direction": c.direction, "start": c.start} for c in found])
    table["curated_as"] = curated_matches(found, args.data_dir)
    print_table(table)
    print(f"{len(table)} claims, {(table['curated_as'] != '').sum()} matching a curated figure")
    return 0


COMMANDS = [
    ("validate", validate, "check the curated data against its schema and rules"),
    ("check", check, "run the consistency checks declared in checks.csv"),
    ("audit", audit_command, "account for every number in the source texts we hold"),
    ("claims", claims, "list the numeric claims of a text file, marking curated ones"),
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per job."""
    parser = argparse.ArgumentParser(prog="python -m customs_facilitation", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, run, text in COMMANDS:
        command = commands.add_parser(name, help=text)
        if name == "claims":
            command.add_argument("file", help="a UTF-8 text file (a press release, an article)")
        command.add_argument("--data-dir", default=None, help="a data folder (default: the repository's data/)")
        command.set_defaults(run=run)
    return parser


def main(argv=None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except DataValidationError as error:
        print(error, file=sys.stderr)
        return 1
