"""Consistency checks on the tiny package: a lower bound enters a sum as 'more than N', nothing else."""

import math

import pytest

from customs_facilitation import DataValidationError, load_package, run_consistency_checks

EXTRA = ("F04,cities,2022-01,2022-12,10,count,,,,exact,blog-b,row F04,,,one_read,,\n"
         "F05,cities,2022-01,2022-12,12,count,,,,exact,blog-b,row F05,,,one_read,,\n")


def with_checks(folder, checks: str):
    observations = folder / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    (folder / "checks.csv").write_text("check_id,kind,inputs,published_id,expected,explanation,explanation_zh\n"
                                       + checks, encoding="utf-8")
    return folder


def test_more_than_ten_cannot_be_exactly_ten_but_may_be_twelve(tiny):
    # F02 is published as more than 10 cities: as a count it stands for 11 and up
    with_checks(tiny, "bound_vs_ten,sum,F02,F04,pass,,\nbound_vs_twelve,sum,F02,F05,pass,,\n"
                      "bound_explained,sum,F02,F04,explained,the bound looks loose,这一下限看来并不严格\n")
    results = run_consistency_checks(tiny).set_index("check_id")
    assert results.loc["bound_vs_ten", "status"] == "fail"
    ten = results.loc["bound_vs_ten"]
    assert ten["computed_low"] == 11 and math.isinf(ten["computed_high"])
    assert results.loc["bound_vs_twelve", "status"] == "pass"
    assert results.loc["bound_explained", "status"] == "explained"


@pytest.mark.parametrize("check", ["bound_share,share,F02 F05,F05,pass,,", "bound_same,same_figure,F02,F04,pass,,",
                                   "bound_published,sum,F04,F02,pass,,"])
def test_a_lower_bound_takes_part_only_as_an_input_of_a_sum(tiny, check):
    with pytest.raises(DataValidationError) as caught:
        load_package(with_checks(tiny, check + "\n"))
    assert any("F02 is at_least; checks take exact or preliminary figures (and lower bounds as inputs of a sum)"
               in str(p) for p in caught.value.problems), caught.value
