"""Time ``make test`` after set-up and show where its time goes (not a test).

Run: ``.venv/bin/python benchmarks/bench_tests.py``

Brings the environments and the report up to date first (not timed), then times ``make test``
as the README gives it, with pytest's per-test durations and the worker each test ran on (the
same command, plus ``-v --durations=0``). The goal is a ratio to a baseline measured in the same
run: one plain ``jupyter nbconvert --execute --to notebook`` pass over the report notebooks
(notebooks/NN-*.ipynb, one command, one after another, into a temporary folder), timed just
before and just after ``make test`` (the machine is shared: their mean is the baseline, both are
printed). Printed: make test / nbconvert pass against the goal (<= 3); the wall time; the
time before pytest (make, lint); the sum of the test durations and that sum spread
evenly over the workers (no split of these tests over these cores can beat it); each worker's
share; and the heaviest test files.
"""

import collections
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import timed  # benchmarks/timing.py, beside this script

REPO = Path(__file__).resolve().parents[1]
GOAL = 3.0
RESULT = re.compile(r"^\[(gw\d+)\] \[\s*\d+%\] \w+ (\S+)", re.MULTILINE)
DURATION = re.compile(r"^([0-9.]+)s (?:setup|call|teardown)\s+(\S+)", re.MULTILINE)


def nbconvert_pass(env) -> float:
    """Seconds of one plain nbconvert pass: every report notebook executed in turn, into a temporary folder."""
    notebooks = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="bench-tests-") as out:
        return timed([REPO / ".venv" / "bin" / "jupyter", "nbconvert", "--execute", "--to", "notebook",
                      "--output-dir", out, *notebooks], REPO, env)


def main() -> None:
    env = {**os.environ, "MAKEFLAGS": ""}
    subprocess.run(["make", "--no-print-directory", "report", "lab-setup"], cwd=REPO, env=env, check=True,
                   capture_output=True)
    nbconvert_before = nbconvert_pass(env)
    start = time.perf_counter()
    done = subprocess.run(["make", "--no-print-directory", "test", "PYTEST_ARGS=-v --durations=0"], cwd=REPO,
                          env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    nbconvert_after = nbconvert_pass(env)
    nbconvert = (nbconvert_before + nbconvert_after) / 2
    summary = re.search(r"\bpassed\b.* in ([0-9.]+)s", done.stdout)
    if summary is None:
        sys.exit(f"make test failed before pytest's summary:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    pytest_seconds = float(summary.group(1))
    # nbval's cells show as notebooks/NN-topic::ipynb::Cell in the results line, .ipynb::Cell in durations
    worker = {test.replace("::ipynb::", ".ipynb::"): name for name, test in RESULT.findall(done.stdout)}
    by_worker, by_file = collections.Counter(), collections.Counter()
    for seconds, test in DURATION.findall(done.stdout):
        by_worker[worker.get(test, "not on a worker")] += float(seconds)
        by_file[test.split("::")[0]] += float(seconds)
    workers = len(set(worker.values())) or 1
    total = sum(by_file.values())
    ratio = wall / nbconvert
    verdict = "PASS" if ratio <= GOAL and done.returncode == 0 else "FAIL"
    print(f"make test / nbconvert pass {ratio:.2f}   goal <= {GOAL}: {verdict}")
    print(f"make test     {wall:6.1f} s; nbconvert pass {nbconvert:.1f} s (before {nbconvert_before:.1f} s, "
          f"after {nbconvert_after:.1f} s); load average {os.getloadavg()[0]:.1f}")
    print(f"  before pytest (make, lint) {wall - pytest_seconds:5.1f} s; pytest {pytest_seconds:.1f} s")
    print(f"  tests' own time {total:.1f} s; spread evenly over {workers} workers {total / workers:.1f} s "
          f"(pytest took {pytest_seconds / (total / workers):.2f} of that)")
    print("  by worker: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in sorted(by_worker.items())))
    print("  heaviest files:")
    for path, seconds in by_file.most_common(10):
        print(f"    {seconds:6.1f} s  {path}")
    if done.returncode != 0:  # timed all the same, but a run that failed meets no goal
        failed = re.findall(r"^FAILED .*$", done.stdout, re.MULTILINE)
        sys.exit("make test FAILED:\n" + "\n".join(failed or [done.stdout[-3000:], done.stderr[-3000:]]))


if __name__ == "__main__":
    main()
