"""Loading benchmark: 10^6 observation rows loaded and validated, as a ratio to a plain pandas.read_csv.

Run: .venv/bin/python benchmarks/bench_loading.py [--rows 1000000] [--runs 5]

A synthetic data folder holds the real descriptor, small tables and snapshots with ``--rows``
observations. Each repeat runs, one after another in fresh processes (so each peak is its own):
our ``load_observations`` (read, validate, type), the same with ``categories=True``, and a plain
``pandas.read_csv`` of the same observations.csv (no check at all). Each child times its call after
its imports (elapsed and CPU time) and reports its peak resident memory (``getrusage``). Ours is the
data stage's ``customs_facilitation.data.load.load_observations``: the top-level name also sets
altair up for charts on first use, a fixed cost of the notebook stage, not of loading.

A ratio is the median over the repeats of each repeat's ratio (its children run back to back, so a
busy machine weighs on both alike). Targets: our time at most 3.0 times read_csv's, our peak memory
at most 1.0 times. The CPU-time ratio is printed beside, as the figure a busy machine disturbs least.
First, the curated data/ loaded cold (the first load in a fresh process, after the imports),
median of 11 processes.
"""

import argparse
import csv
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGETS = {"time": 3.0, "memory": 1.0}
"""Our load and validation against a plain read_csv of the same file: at most these ratios."""

MEASURE = """
import resource, sys, time
{imports}
start, cpu = time.perf_counter(), time.process_time()
table = {call}
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
assert len(table) == int(sys.argv[2])
print(elapsed, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
LOADS = {
    "ours": MEASURE.format(imports="from customs_facilitation.data.load import load_observations",
                           call="load_observations(sys.argv[1])"),
    "ours, categories=True": MEASURE.format(imports="from customs_facilitation.data.load import load_observations",
                                            call="load_observations(sys.argv[1], categories=True)"),
    "pandas.read_csv": MEASURE.format(imports="import pandas as pd",
                                      call="pd.read_csv(sys.argv[1] + '/observations.csv')"),
}
COLD = """
import time
from customs_facilitation.data import load, package  # the imports come before the clock starts
start = time.perf_counter()
package.load_package()
print(time.perf_counter() - start)
"""


def synthetic_folder(rows: int, folder: Path) -> Path:
    """A copy of the real data folder whose observations.csv holds ``rows`` synthetic observations;
    the tables that name curated observations (a foreign key to them) are kept empty.

    Ids, values, notes and locators differ on every row (as in a real table); the other columns
    repeat the curated rows' values.
    """
    shutil.copytree(REPO / "data", folder, dirs_exist_ok=True)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        if any(key["reference"]["resource"] == "observations" for key in res["schema"].get("foreignKeys", [])):
            (folder / res["path"]).write_text(",".join(f["name"] for f in res["schema"]["fields"]) + "\n")
    counted = {row["unit"] for row in csv.DictReader((REPO / "data" / "units.csv").open(encoding="utf-8"))
               if row["base_unit"] == "count"}
    template = list(csv.DictReader((REPO / "data" / "observations.csv").open(encoding="utf-8")))
    template = [r for r in template if r["checked"] != "text_held"]
    with (folder / "observations.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, template[0].keys(), lineterminator="\n")
        writer.writeheader()
        for i in range(rows):
            row = dict(template[i % len(template)], observation_id=f"X{i:07d}", note=f"synthetic row {i}",
                       locator=f"synthetic locator {i}")
            if row["value"]:  # distinct levels, as a real table of many figures would have
                row["value"] = f"{i % 1000}.{i % 997:03d}" if row["unit"] not in counted else str(i)
                row["value"] = row["value"] if row["unit"] != "percent" else f"{i % 100}.{i % 9}"
            writer.writerow(row)
    return folder


def child(code: str, *args) -> list[float]:
    """Run ``code`` in a fresh interpreter; return the numbers it prints."""
    out = subprocess.run([sys.executable, "-c", code, *map(str, args)], check=True, capture_output=True, text=True)
    return [float(x) for x in out.stdout.split()]


def measure(rows: int, runs: int) -> dict[str, list[list[float]]]:
    """For each way of loading ``rows`` observations, one (seconds, CPU seconds, peak MiB) per repeat."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = synthetic_folder(rows, Path(tmp))
        results = {name: [] for name in LOADS}
        for _ in range(runs):  # interleaved, so that all see the same load on the machine
            for name, code in LOADS.items():
                results[name].append(child(code, folder, rows))
    return results


def ratio(ours: list[list[float]], bare: list[list[float]], measure_index: int) -> float:
    """The median over the repeats of ours / bare for one measure (0 seconds, 1 CPU, 2 peak memory)."""
    return statistics.median(mine[measure_index] / theirs[measure_index] for mine, theirs in zip(ours, bare))


def verdict(value: float, target: float) -> str:
    """PASS or MISS against a target ratio (at most)."""
    return "PASS" if value <= target else "MISS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10 ** 6)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cold = statistics.median(child(COLD)[0] for _ in range(11)) * 1000
    print(f"curated data/: loaded cold in {cold:.1f} ms (median of 11 fresh processes)")
    measured = measure(args.rows, args.runs)
    print(f"{args.rows} rows, medians of {args.runs} fresh processes each:")
    for name, runs in measured.items():
        seconds, cpu, peak = (statistics.median(run[i] for run in runs) for i in range(3))
        print(f"  {name:22} {seconds:7.3f} s ({cpu:.3f} s CPU) {peak:7.0f} MiB peak")
    bare = measured["pandas.read_csv"]
    for name in ("ours", "ours, categories=True"):
        print(f"{name}, against pandas.read_csv of the same file:")
        for what, index in (("time", 0), ("memory", 2)):
            value = ratio(measured[name], bare, index)
            print(f"  {what} ratio {value:.2f} (target <= {TARGETS[what]}) {verdict(value, TARGETS[what])}")
        print(f"  CPU time ratio {ratio(measured[name], bare, 1):.2f}")


if __name__ == "__main__":
    main()
