"""Command line: ``python -m customs_facilitation {validate,check,claims,audit}``."""

import argparse
import sys
from pathlib import Path

import pandas as pd

from .audit import audit, curated_matches
from .checks import run_checks
from .claims import find_claims
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


def claims(args) -> int:
    """List the numeric claims of a text file as a table, marking those already curated."""
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.file}: cannot read as UTF-8 text: {error}", file=sys.stderr)
        return 2
    found = find_claims(text)
    table = pd.DataFrame([{"text": c.text, "value": c.value, "unit": c.unit, "qualifier": c.qualifier,
                           "direction": c.direction, "start": c.start} for c in found])
    if table.empty:
        print("no numeric claims found")
        return 0
    table["curated_as"] = curated_matches(found, args.data_dir)
    with pd.option_context("display.max_rows", None, "display.width", 200):
        print(table.fillna("").to_string(index=False))
    print(f"{len(table)} claims, {(table['curated_as'] != '').sum()} matching a curated figure")
    return 0


def audit_command(args) -> int:
    """Account for every number in the held source texts; exit 1 if any is unaccounted."""
    try:
        result = audit(args.data_dir)
    except DataValidationError as error:
        print(error, file=sys.stderr)
        return 1
    with pd.option_context("display.max_rows", None, "display.width", 200):
        print(result.to_string(index=False))
    counts = result["status"].value_counts()
    print(", ".join(f"{counts.get(s, 0)} {s}" for s in ("curated", "excluded", "unaccounted")))
    return 1 if counts.get("unaccounted", 0) else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per job."""
    parser = argparse.ArgumentParser(prog="python -m customs_facilitation", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, run, text in [("validate", validate, "check the curated data against its schema and rules"),
                            ("check", check, "run the consistency checks declared in checks.csv")]:
        command = commands.add_parser(name, help=text)
        command.add_argument("--data-dir", default=None, help="a data folder (default: the repository's data/)")
        command.set_defaults(run=run)
    listing = commands.add_parser("claims", help="list the numeric claims of a text file, marking curated ones")
    listing.add_argument("file", help="a UTF-8 text file (a press release, an article)")
    listing.add_argument("--data-dir", default=None, help="a data folder (default: the repository's data/)")
    listing.set_defaults(run=claims)
    accounts = commands.add_parser("audit", help="account for every number in the source texts we hold")
    accounts.add_argument("--data-dir", default=None, help="a data folder (default: the repository's data/)")
    accounts.set_defaults(run=audit_command)
    return parser


def main(argv=None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    return args.run(args)
