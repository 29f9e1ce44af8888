"""The claims finder on its labelled corpus, and the scorer that the held-out real pages use too."""

import json
from pathlib import Path

import pytest

from customs_facilitation.curate.scoring import CorpusError, read_corpus, score_claims

CORPUS = Path(__file__).parent / "claims_corpus.json"
LANGUAGES = ("zh-Hans", "zh-Hant", "en")


@pytest.fixture(scope="module")
def score():
    return score_claims(read_corpus(CORPUS))


def test_the_corpus_is_large_enough_in_every_language(score):
    assert score.figures.total() >= 150 and score.non_figures.total() >= 40
    for language in LANGUAGES:
        assert score.figures[language] >= 40, language
        assert score.non_figures[language] >= 15, language


def test_figures_are_read_with_the_right_value_unit_and_scale(score):
    assert score.figure_share >= 0.97, "\n".join(score.misses)
    for language in LANGUAGES:
        assert score.figures_right[language] / score.figures[language] >= 0.97, language


def test_few_non_figures_are_taken_for_figures(score):
    assert score.non_figure_share <= 0.03, "\n".join(score.misses)


def _write(tmp_path, cases) -> Path:
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps({"cases": cases}, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_scorer_counts_a_misread_figure_and_a_non_figure_taken_for_one(tmp_path):
    cases = [{"id": "a", "language": "en", "text": "Exports rose 6.1% to 26.99 trillion yuan on 3,776 days.",
              "figures": [["6.1%", 6.1, "percent"], ["26.99 trillion yuan", 26.99e9, "CNY"]],
              "non_figures": [["3,776 days", "date"]]}]
    score = score_claims(read_corpus(_write(tmp_path, cases)))
    assert (score.figures_right.total(), score.figures.total()) == (1, 2)
    assert (score.taken_for_figures.total(), score.non_figures.total()) == (1, 1)
    assert score.misses == [
        "a figure '26.99 trillion yuan': expected 26.99 billion CNY, read 26.99 trillion CNY from "
        "'26.99 trillion yuan'",
        "a date '3,776 days': read as 3,776 days from '3,776 days'",
    ]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ({"id": "b", "language": "en", "text": "Up 3%.", "figures": [["4%", 4, "percent"]]},
         "corpus.json case 1 (b): anchor '4%' occurs 0 times in the text; expected exactly once"),
        ({"id": "b", "language": "en", "text": "3% and 3%.", "figures": [["3%", 3, "percent"]]},
         "anchor '3%' occurs 2 times"),
        ({"id": "b", "language": "en", "text": "Up 3%.", "figures": [["3%", "3", "percent"]]},
         "figure '3%' needs [anchor, value in base units, unit]"),
        ({"id": "b", "language": "en", "text": "On May 3.", "non_figures": [["May 3", "day"]]},
         "non-figure 'May 3' needs [anchor, kind] with a kind of year, document_number, time, date"),
        ({"id": "b", "text": "Up 3%."}, "case 1 (b): needs id, language and text as strings"),
    ],
)
def test_a_broken_corpus_names_the_case_and_what_is_expected(tmp_path, case, message):
    with pytest.raises(CorpusError) as error:
        read_corpus(_write(tmp_path, [case]))
    assert message in str(error.value)


def test_a_file_that_is_no_corpus_is_refused(tmp_path):
    path = tmp_path / "corpus.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(CorpusError, match="not a corpus"):
        read_corpus(path)


def test_claims_score_prints_both_scores_and_refuses_a_broken_corpus(tmp_path, cli):
    result = cli("claims-score", CORPUS)
    assert result.returncode == 0, result.stderr
    assert "figures read right (value, unit, scale):" in result.stdout
    assert "non-figures reported as figures:" in result.stdout
    broken = _write(tmp_path, [{"id": "b", "language": "en", "text": "Up 3%.", "figures": [["4%", 4, "percent"]]}])
    result = cli("claims-score", broken)
    assert result.returncode == 2 and "anchor '4%' occurs 0 times" in result.stderr
