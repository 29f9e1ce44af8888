"""Time ``make test`` after set-up and show where its time goes (not a test).

Run: ``.venv/bin/python benchmarks/bench_tests.py``

Brings the environments and the report up to date first (not timed), then times ``make test``
as the README gives it, with pytest's per-test durations and the worker each test ran on (the
same command, plus ``-v --durations=0``). Printed: the wall time against the 60 s goal; the
time before pytest (lint, checks, audit); the sum of the test durations and, as the baseline
measured in the same run, that sum spread evenly over the workers (no split of these tests over
these cores can beat it); each worker's share; and the heaviest test files.
"""

import collections
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOAL_SECONDS = 60
RESULT = re.compile(r"^\[(gw\d+)\] \[\s*\d+%\] \w+ (\S+)", re.MULTILINE)
DURATION = re.compile(r"^([0-9.]+)s (?:setup|call|teardown)\s+(\S+)", re.MULTILINE)


def main() -> None:
    env = {**os.environ, "MAKEFLAGS": ""}
    subprocess.run(["make", "--no-print-directory", "report", "lab-setup"], cwd=REPO, env=env, check=True,
                   capture_output=True)
    start = time.perf_counter()
    done = subprocess.run(["make", "--no-print-directory", "test", "PYTEST_ARGS=-v --durations=0"], cwd=REPO,
                          env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"make test failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    pytest_seconds = float(re.search(r"\bpassed\b.* in ([0-9.]+)s", done.stdout).group(1))
    # nbval's cells show as notebooks/NN-topic::ipynb::Cell in the results line, .ipynb::Cell in durations
    worker = {test.replace("::ipynb::", ".ipynb::"): name for name, test in RESULT.findall(done.stdout)}
    by_worker, by_file = collections.Counter(), collections.Counter()
    for seconds, test in DURATION.findall(done.stdout):
        by_worker[worker.get(test, "not on a worker")] += float(seconds)
        by_file[test.split("::")[0]] += float(seconds)
    workers = len(set(worker.values())) or 1
    total = sum(by_file.values())
    print(f"make test     {wall:6.1f} s   goal <= {GOAL_SECONDS} s: {wall / GOAL_SECONDS:.2f} of it")
    print(f"  before pytest (lint, checks, audit, make) {wall - pytest_seconds:5.1f} s; pytest {pytest_seconds:.1f} s")
    print(f"  tests' own time {total:.1f} s; spread evenly over {workers} workers {total / workers:.1f} s "
          f"(pytest took {pytest_seconds / (total / workers):.2f} of that)")
    print("  by worker: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in sorted(by_worker.items())))
    print("  heaviest files:")
    for path, seconds in by_file.most_common(10):
        print(f"    {seconds:6.1f} s  {path}")


if __name__ == "__main__":
    main()
