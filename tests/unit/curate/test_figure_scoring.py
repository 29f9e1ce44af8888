"""The drafts on their labelled set: level-and-change pairs, periods and bases read right."""

import json
from pathlib import Path

import pytest

from customs_facilitation.curate.figure_scoring import score_figures
from customs_facilitation.curate.scoring import CorpusError, read_corpus

CORPUS = Path(__file__).parent / "drafts_corpus.json"
LANGUAGES = ("zh-Hans", "zh-Hant", "en")


@pytest.fixture(scope="module")
def score():
    return score_figures(read_corpus(CORPUS))


def test_the_set_covers_every_language_both_orders_and_both_batches(score):
    cases = read_corpus(CORPUS)
    assert {case["batch"] for case in cases} == {1, 2, 3}
    for language in LANGUAGES:
        assert score.pairs[language] >= 5 and score.rows[language] >= 10, language


def test_pairs_periods_and_bases_meet_their_targets(score):
    misses = "\n".join(score.misses)
    assert score.share("pairs_right", "pairs") >= 0.95, misses
    assert score.share("paired_right", "rows") >= 0.95, misses
    assert score.share("periods_right", "rows") >= 0.90, misses
    assert score.share("bases_right", "changes") >= 0.90, misses


def _write(tmp_path, cases) -> Path:
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps({"cases": cases}, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_scorer_counts_a_wrong_pair_period_and_basis(tmp_path):
    case = {"id": "a", "language": "en", "published": "2026-01-14",
            "text": "Exports rose 6.1 percent to CNY26.99 trillion last year.",
            "rows": [{"level": ["CNY26.99 trillion", 26.99e12, "CNY"], "period": ["2025-01", "2025-06"]},
                     {"change": ["6.1 percent", 6.1, "percent"], "period": ["2025-01", "2025-12"],
                      "basis": "month_on_month"}]}
    score = score_figures(read_corpus(_write(tmp_path, [case])))
    assert (score.paired_right.total(), score.periods_right.total(), score.bases_right.total()) == (0, 1, 0)
    assert score.misses == [
        "a 'CNY26.99 trillion': drafted as '6.1 percent + CNY26.99 trillion'",
        "a 'CNY26.99 trillion': period 2025-01..2025-06, drafted ('2025-01', '2025-12')",
        "a '6.1 percent': drafted as '6.1 percent + CNY26.99 trillion'",
        "a '6.1 percent': basis month_on_month, drafted year_on_year",
    ]


@pytest.mark.parametrize(("case", "message"), [
    ({"text": "Up 3%.", "rows": [{"change": ["3%", 3, "percent"], "period": ["2025-01", "2025-12"]}]},
     "labels rows, so needs published"),
    ({"published": "2026-01-14", "text": "Up 3%.", "rows": [{"period": ["2025-01", "2025-12"]}]},
     "row 1 needs a level or a change"),
    ({"published": "2026-01-14", "text": "Up 3%.", "rows": [{"change": ["3%", 3, "percent"], "period": ["2025"]}]},
     "row 1 needs period as"),
    ({"published": "2026-01-14", "text": "Up 3%.", "rows": [{"change": ["4%", 4, "percent"], "period": ["2025-01",
                                                                                                    "2025-12"]}]},
     "row 1: anchor '4%' occurs 0 times"),
])
def test_a_broken_row_label_names_the_case_and_row(tmp_path, case, message):
    with pytest.raises(CorpusError, match=message):
        read_corpus(_write(tmp_path, [{"id": "b", "language": "en", **case}]))


def test_claims_score_prints_the_draft_scores_beside_the_value_score(cli):
    result = cli("claims-score", CORPUS)
    assert result.returncode == 0, result.stderr
    for line in ("figures read right (value, unit, scale):", "level-and-change pairs drafted right:",
                 "periods right:", "bases right:"):
        assert line in result.stdout
