"""What the benchmark scripts share: the median time of a step over repeated runs."""

import statistics
import time


def median_seconds(step, runs: int = 5) -> float:
    """The median wall time of ``step()`` over ``runs`` runs (the machine is shared and noisy)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
