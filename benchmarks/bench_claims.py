"""Speed of the claims finder: against a bare digit scan, by script, and as pages grow.

Run: .venv/bin/python benchmarks/bench_claims.py
The texts are the labelled corpus (tests/unit/curate/claims_corpus.json), joined as one page and
repeated 1, 10 and 100 times. Each timing is the median of five runs in this process. Printed:
milliseconds per 10,000 characters; the ratio to a bare scan for digit runs on the same text
(the floor any finder pays); the ratio to the previous size (near 10 means linear growth); and the
same simplified Chinese text against its traditional form (what the OpenCC step costs).
"""

import json
import re
from pathlib import Path

import opencc
from timing import median_seconds  # benchmarks/timing.py, beside this script

from customs_facilitation.curate.claims import find_claims
from customs_facilitation.curate.numerals import normalize

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "unit" / "curate" / "claims_corpus.json"
DIGITS = re.compile("[0-9０-９]+")


def main() -> None:
    cases = json.loads(CORPUS.read_text(encoding="utf-8"))["cases"]
    page = "\n".join(case["text"] for case in cases)
    print(f"{'copies':>6} {'chars':>9} {'find ms/10k':>12} {'normalize ms/10k':>17} {'find / digit scan':>18} "
          f"{'vs previous size':>17}")
    previous = None
    for copies in (1, 10, 100):
        text = "\n".join([page] * copies)
        found = median_seconds(lambda text=text: find_claims(text))
        normalized = median_seconds(lambda text=text: normalize(text))
        scan = median_seconds(lambda text=text: list(DIGITS.finditer(text)))
        per_10k = 1e4 / len(text) * 1e3
        growth = f"{found / previous:.1f}" if previous else "-"
        print(f"{copies:>6} {len(text):>9,} {found * per_10k:>12.2f} {normalized * per_10k:>17.2f} "
              f"{found / scan:>18.0f} {growth:>17}")
        previous = found
    simplified = "\n".join(case["text"] for case in cases if case["language"] == "zh-Hans") * 10
    traditional = opencc.OpenCC("s2t").convert(simplified)
    ratio = median_seconds(lambda: find_claims(traditional)) / median_seconds(lambda: find_claims(simplified))
    print(f"traditional / simplified, same text ({len(simplified):,} chars): {ratio:.2f}")


if __name__ == "__main__":
    main()
