"""The one command line: ``customs-facilitation COMMAND`` (or ``python -m customs_facilitation``).

Bad curated data makes any command print every problem and exit 1; a failed report step prints
one paragraph naming the notebook, the parameter set and the fix, and exits 1. Each command
imports what it needs when it runs, so ``report list`` works before the environment exists.
"""

import argparse
import sys
from pathlib import Path

from .errors import DataValidationError, ReportError


def print_table(table) -> None:
    """Print a whole table, every row, without the index."""
    import pandas as pd

    with pd.option_context("display.max_rows", None, "display.width", 200):
        print(table.fillna("").to_string(index=False))


def print_tally(statuses, order: tuple[str, ...]) -> None:
    """Print how many of each status, in the given order, e.g. '22 pass, 2 explained, 0 fail'."""
    counts = statuses.value_counts()
    print(", ".join(f"{counts.get(status, 0)} {status}" for status in order))


def validate(args) -> int:
    """Check every table; print row counts."""
    from .data.package import load_package

    tables = load_package(args.data_dir)
    print("data valid: " + ", ".join(f"{len(table)} {name}" for name, table in tables.items()))
    origins = tables["observations"]["observation_id"].str[0].value_counts().sort_index()
    print("observations by id letter: " + ", ".join(f"{count} {letter}.." for letter, count in origins.items()))
    cities = tables["pilot_cities"].groupby(["operation_year", "status"]).size()
    if len(cities):
        print("named pilot cities: " + ", ".join(f"{count} in {year} ({status})" for (year, status), count
                                                 in cities.items()))
    return 0


def consistency(args) -> int:
    """Run every consistency check and print each result; exit 1 if any check fails."""
    from .verify.consistency import run_consistency_checks

    results = run_consistency_checks(args.data_dir)
    for row in results.itertuples():
        line = (f"{row.status:9} {row.check_id}: computed {row.computed:.6g} [{row.computed_low:.6g}, "
                f"{row.computed_high:.6g}] vs published {row.published:g} {row.unit} ({row.published_id})")
        print(line + (f" - {row.explanation}" if row.status == "explained" else ""))
    print_tally(results["status"], ("pass", "explained", "fail"))
    return int((results["status"] == "fail").any())


def audit(args) -> int:
    """Account for every number in the held source texts; exit 1 if any is unaccounted."""
    from .curate.audit import audit as audit_texts

    result = audit_texts(args.data_dir)
    print_table(result)
    print_tally(result["status"], ("curated", "excluded", "unaccounted"))
    return int((result["status"] == "unaccounted").any())


def claims(args) -> int:
    """List the numeric claims of a text file, marking those already curated; or draft observation rows."""
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.file}: cannot read as UTF-8 text: {error}", file=sys.stderr)
        return 2
    if args.draft:
        return _draft(text, args)
    from .curate import listing
    from .curate.audit import curated_matches
    from .curate.claims import find_claims

    found = find_claims(text)
    curated_as = curated_matches(found, args.data_dir, args.source)
    if args.format != "table":
        records = listing.machine_records(text, found, curated_as)
        _write_or_print(listing.as_csv(records) if args.format == "csv" else listing.as_json(records), args.out)
        return 0
    if not found:
        print("no numeric claims found")
        return 0
    table = listing.readable_table(text, found, curated_as)
    print_table(table)
    figures = table["kind"] == "quantity"
    print(f"{len(table)} claims, {figures.sum()} of them figures, {(table['curated_as'] != '').sum()} "
          "matching a curated figure")
    return 0


def _draft(text: str, args) -> int:
    """Write the draft of a text: a row per figure or number its source has not accounted for."""
    from datetime import date

    from .curate.drafts import draft_rows
    from .data.package import load_package

    if not args.source:
        print("claims --draft needs --source SOURCE_ID (the text's row in sources.csv)", file=sys.stderr)
        return 2
    if args.source not in set(load_package(args.data_dir)["sources"]["source_id"]):
        print(f"note: {args.source} is not in sources.csv yet (customs-facilitation add-source); accept will refuse "
              "its rows until it is", file=sys.stderr)
    try:
        published = date.fromisoformat(args.published) if args.published else None
    except ValueError:
        print(f"claims --draft: --published {args.published!r} is not a date YYYY-MM-DD", file=sys.stderr)
        return 2
    rows = draft_rows(text, args.source, args.data_dir, published)
    _write_or_print(rows.to_csv(index=False), args.out)
    actions = rows["action"].value_counts()
    print(f"{len(rows)} draft rows for {args.source}: {actions.get('add', 0)} to add, {actions.get('upgrade', 0)} "
          f"upgrades of curated figures, {actions.get('exclude', 0)} to exclude; {(rows['decide'] != '').sum()} "
          "with something to decide (column decide). Settle each, empty its decide cell, then accept the draft",
          file=sys.stderr)
    return 0


def _write_or_print(text: str, out: str | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        from .files import write_atomically

        write_atomically(Path(out), text)


def claims_score(args) -> int:
    """Score the claims finder on a labelled corpus, and the drafts on its labelled rows; list the misses."""
    from .curate.figure_scoring import score_figures
    from .curate.scoring import CorpusError, read_corpus, score_claims

    try:
        cases = read_corpus(args.corpus)
    except CorpusError as error:
        print(error, file=sys.stderr)
        return 2
    scores = [score_claims(cases)]
    if any(case.get("rows") for case in cases):
        scores.append(score_figures(cases))
    for score in scores:
        print(score.summary())
    misses = [miss for score in scores for miss in score.misses]
    if misses:
        print("misread:")
        print("\n".join(f"  {miss}" for miss in misses))
    return 0


def add_source(args) -> int:
    """Store a text as a snapshot with its sidecar, and add or complete its row of sources.csv."""
    from .curate.add_source import add_source as hold

    citation = {"source_id": args.source_id, "url": args.url, "outlet": args.outlet, "title": args.title,
                "published_date": args.published, "accessed_date": args.accessed,
                "language": args.language, "reliability": args.reliability, "note": args.note}
    sidecar = {"kind": args.kind, "description": args.description, "licence": args.licence, "note": args.held_note}
    try:
        held = hold(args.file, citation, sidecar, args.data_dir)
    except DataValidationError as error:
        _print_refusal("add-source", error)
        return 1
    if held.row == "already held":
        print(f"{held.source_id} holds this text already as {held.snapshot}; nothing to do")
    else:
        print(f"{held.row} {held.source_id} in sources.csv; its text is {held.snapshot}. Next: customs-facilitation "
              f"claims data/{held.snapshot} --draft --source {held.source_id} --out build/draft.csv")
    return 0


def accept(args) -> int:
    """Put the rows a curator kept in a draft into observations.csv and claim_exclusions.csv."""
    from .curate.accept import accept_draft

    try:
        accepted = accept_draft(args.draft, args.data_dir)
    except DataValidationError as error:
        _print_refusal("accept", error)
        return 1
    print(f"accepted {args.draft}: {len(accepted.added)} figures added ({', '.join(accepted.added) or 'none'}), "
          f"{len(accepted.upgraded)} upgraded ({', '.join(accepted.upgraded) or 'none'}), {accepted.excluded} "
          f"exclusions; {accepted.skipped} rows skipped")
    return 0


def _print_refusal(command: str, error: DataValidationError) -> None:
    """Every problem on a line of its own, after one line saying nothing was written."""
    print(f"{command}: nothing written; {len(error.problems)} problem(s):", file=sys.stderr)
    print("\n".join(f"- {problem}" for problem in error.problems), file=sys.stderr)


def bundle(args) -> int:
    """Write the citable data bundle."""
    from .report.bundle import write_bundle

    print(f"wrote {write_bundle(Path(args.out), args.data_dir)}")
    return 0


def refresh(args) -> int:
    """Re-run the named report notebooks (default: all) and store their outputs."""
    from .paths import report_notebooks
    from .report.refresh import refresh as refresh_notebooks

    paths = [Path(p) for p in args.notebooks] or report_notebooks(args.notebooks_dir)
    refresh_notebooks(paths, args.notebooks_dir, Path(args.notebooks_dir) / "params", args.build)
    for path in paths:
        print(f"refreshed {path.name}")
    return 0


def translated_notebooks(args) -> int:
    """Write the report notebooks in another language into a folder, for JupyterLab."""
    from .language import MissingTranslation, check
    from .report.catalog import translated_copies

    try:
        written = translated_copies(args.notebooks_dir, args.out, check(args.language))
    except (ValueError, MissingTranslation) as error:
        print(f"translated-notebooks: {error}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} notebooks in {args.language} into {args.out}")
    return 0


def notebook_text(args) -> int:
    """Print a notebook as a reviewer reads it: each cell's source, its tables' rows, its charts' data
    rows, its findings; no JSON, no base64 (git's textconv for notebooks: make review)."""
    from .report.notebook_text import notebook_file_text

    try:
        text = notebook_file_text(args.file)
    except OSError as error:
        print(f"{args.file}: cannot read: {error}", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(text.encode("utf-8"))  # as the notebook is, whatever the locale
    sys.stdout.flush()
    return 0


def report(args) -> int:
    """The report's build steps (make report calls these)."""
    params = args.params or str(Path(args.notebooks) / "params")
    if args.step == "list":
        from .paths import report_notebooks

        print(" ".join(p.as_posix() for p in report_notebooks(args.notebooks)))
    elif args.step == "validate":
        from .report.inputs import read_report_inputs

        notebooks, param_sets = read_report_inputs(args.notebooks, params)
        print(f"parameters ok: {len(notebooks)} notebook(s) x {len(param_sets)} parameter set(s)")
    elif args.step == "run":
        from .report.build import build

        build(args.notebooks, params, args.build, only=[(Path(args.notebook), Path(args.param_set))], force=True,
              jobs=args.jobs)
    elif args.step == "index":
        from .report.index import write_index

        print(f"wrote {write_index(args.notebooks, params, args.build)}")
    else:
        from .report.build import build

        print(f"wrote {build(args.notebooks, params, args.build, jobs=args.jobs)}")
    return 0


def _add_data_dir(command) -> None:
    command.add_argument("--data-dir", default=None, help="a data folder (default: the curated data)")


def _add_report_steps(report_command) -> None:
    steps = report_command.add_subparsers(dest="step", required=True)

    def add(name, text):
        step = steps.add_parser(name, help=text, description=text)
        step.add_argument("--build", default="build", help="the build folder (default: build)")
        step.add_argument("--notebooks", default="notebooks", help="the notebooks folder (default: notebooks)")
        step.add_argument("--params", default=None, help="the parameter sets folder (default: NOTEBOOKS/params)")
        step.add_argument("--jobs", type=int, default=None, help="kernels at a time (default: the number of cores)")
        return step

    add("list", "print the report notebooks (NN-topic.ipynb), in order")
    add("validate", "read every notebook's parameters cell and every parameter set; fail on a mismatch")
    step = add("run", "execute one notebook with one parameter set and export its page (even if up to date)")
    step.add_argument("notebook")
    step.add_argument("param_set", metavar="PARAMS_YML")
    add("index", "write build/report/index.html")
    add("build", "validate, run what is out of date (one kernel per core), draw the charts, write the index")


def _add_add_source(commands) -> None:
    text = "store a text as a snapshot in data/raw/ and add or complete its row of sources.csv"
    command = commands.add_parser("add-source", help=text, description=text + "; a source already listed is "
                                  "recognised by its address (--url)")
    command.add_argument("file", help="the text, UTF-8 (a page saved as text)")
    command.add_argument("--url", help="where it was read; recognises a source already in sources.csv")
    command.add_argument("--source-id", help="the new source's id, e.g. yicai-2026-01-14-fy-trade")
    command.add_argument("--outlet", help="who published it, as read")
    command.add_argument("--title", help="what it is about, in our words")
    command.add_argument("--published", metavar="YYYY-MM-DD", help="its date of publication")
    command.add_argument("--accessed", metavar="YYYY-MM-DD", help="when it was read (default: today)")
    command.add_argument("--language", help="en, zh, zh-Hant or ja")
    command.add_argument("--reliability", help="official, state_media, repost, secondary or low")
    command.add_argument("--note", help="sources.csv note")
    command.add_argument("--kind", default="article", help="what the snapshot is: article (default), press_release, "
                                                            "transcript, official_letter")
    command.add_argument("--description", help="what the snapshot holds, in our words (default: the title)")
    command.add_argument("--licence", help="its licence or terms (default: not recorded, held under the publisher's)")
    command.add_argument("--held-note", help="how it is held (default: byte for byte as received)")
    _add_data_dir(command)
    command.set_defaults(run=add_source)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: one sub-command per job."""
    parser = argparse.ArgumentParser(prog="customs-facilitation", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, run, text in [
        ("validate", validate, "validate the curated data against its schema and rules"),
        ("check", consistency, "run the consistency checks declared in checks.csv"),
        ("audit", audit, "account for every number in the source texts we hold"),
    ]:
        command = commands.add_parser(name, help=text, description=text)
        _add_data_dir(command)
        command.set_defaults(run=run)
    command = commands.add_parser("claims", help="list the numeric claims of a text file, marking curated ones; "
                                                 "or draft observation rows from it")
    command.add_argument("file", help="a UTF-8 text file (a press release, an article)")
    command.add_argument("--format", choices=["table", "csv", "json"], default="table",
                         help="table: values as people write them; csv or json: every field, for scripts")
    command.add_argument("--draft", action="store_true",
                         help="write the draft: a row per figure or number not yet curated or excluded (see accept)")
    command.add_argument("--source", metavar="SOURCE_ID",
                         help="the text's source_id: curated_as then names its figures only; needed with --draft")
    command.add_argument("--published", metavar="YYYY-MM-DD",
                         help="with --draft: the page's date (default: the source's published_date)")
    command.add_argument("--out", metavar="FILE", help="write csv, json or the draft to FILE (default: stdout)")
    _add_data_dir(command)
    command.set_defaults(run=claims)
    command = commands.add_parser("claims-score", help="score the claims finder, and the drafts' pairs, periods "
                                                       "and bases, on a labelled corpus (JSON)")
    command.add_argument("corpus", help="e.g. tests/unit/curate/claims_corpus.json or drafts_corpus.json")
    command.set_defaults(run=claims_score)
    _add_add_source(commands)
    command = commands.add_parser("accept", help="put the rows kept in a draft into observations.csv and "
                                                 "claim_exclusions.csv, all or none")
    command.add_argument("draft", help="a draft written by claims --draft, finished by the curator")
    _add_data_dir(command)
    command.set_defaults(run=accept)
    command = commands.add_parser("bundle", help="write the citable data bundle (a zip)")
    command.add_argument("out", nargs="?", default="build/customs-facilitation-data.zip", help="the zip to write")
    _add_data_dir(command)
    command.set_defaults(run=bundle)
    command = commands.add_parser("refresh", help="re-run report notebooks and store their outputs (nbval's reference)")
    command.add_argument("notebooks", nargs="*", help="notebooks to refresh (default: every report notebook)")
    command.add_argument("--notebooks-dir", default="notebooks", help="where the report notebooks are")
    command.add_argument("--build", default="build", help="the report's build folder (its default set's runs)")
    command.set_defaults(run=refresh)
    command = commands.add_parser("translated-notebooks", help="write the report notebooks in another language, "
                                                                "for JupyterLab (markdown translated, outputs cleared)")
    command.add_argument("language", help="the language: zh")
    command.add_argument("out", help="the folder to write them into (its copies are replaced)")
    command.add_argument("--notebooks-dir", default="notebooks", help="where the report notebooks are")
    command.set_defaults(run=translated_notebooks)
    command = commands.add_parser("notebook-text", help="print a notebook as a reviewer reads it: cells, tables' "
                                                        "rows, charts' data, findings (git diff's textconv)")
    command.add_argument("file", help="a notebook (.ipynb); any other file is printed as it is")
    command.set_defaults(run=notebook_text)
    command = commands.add_parser("report", help="build the offline HTML report, step by step")
    _add_report_steps(command)
    command.set_defaults(run=report)
    return parser


def main(argv=None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except DataValidationError as error:
        print(error, file=sys.stderr)
        return 1
    except ReportError as error:
        print(f"report: error: {error}", file=sys.stderr)
        return 1
