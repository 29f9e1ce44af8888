"""What the benchmark scripts share: the median time of a step over repeated runs, and the time
of one command."""

import statistics
import subprocess
import sys
import time


def median_seconds(step, runs: int = 5) -> float:
    """The median wall time of ``step()`` over ``runs`` runs (the machine is shared and noisy)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(command, cwd, env) -> float:
    """Run a command; return its seconds. Stop with its output if it fails."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds
