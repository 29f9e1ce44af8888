"""Every kind of broken input gives DataValidationError naming file, row, column and rule."""

import pytest

from customs_facilitation import DataValidationError, load_observations, load_package


def edit(folder, name, old, new):
    """Replace one exact piece of text in a file of the tiny package (which must contain it)."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(folder):
    with pytest.raises(DataValidationError) as caught:
        load_package(folder)
    return caught.value.problems


def only(problems, **where):
    """The problems matching every given attribute; the test fails if there are none."""
    found = [p for p in problems if all(getattr(p, k) == v for k, v in where.items())]
    assert found, f"no problem with {where} among:\n" + "\n".join(map(str, problems))
    return found


def test_tiny_package_is_valid(tiny):
    tables = load_package(tiny)
    assert {name: len(t) for name, t in tables.items()} == {
        "units": 3, "sources": 2, "indicators": 3, "observations": 4, "measures": 1, "checks": 1, "claim_exclusions": 0}


def test_missing_column(tiny):
    edit(tiny, "units.csv", "unit,base_unit,factor,description", "unit,base_unit,description")
    problem, = only(problems_of(tiny), file="units.csv", column="factor")
    assert "missing column" in problem.message


def test_extra_column(tiny):
    edit(tiny, "measures.csv", "source_id,locator\n", "source_id,locator,extra\n")
    edit(tiny, "measures.csv", "paper-a,paragraph 1\n", "paper-a,paragraph 1,x\n")
    only(problems_of(tiny), file="measures.csv", column="extra")


def test_wrong_type_names_row_column_and_value(tiny):
    edit(tiny, "observations.csv", "21.79,CNY trillion", "abc,CNY trillion")
    problem, = only(problems_of(tiny), file="observations.csv", row=2, column="value", value="abc")
    assert "is not a number" in str(problem)
    assert str(problem).startswith("observations.csv row 2 (line 3), column value: 'abc'")


def test_number_with_thousands_separator_is_not_coerced(tiny):
    edit(tiny, "observations.csv", ",10,count,", ',"1,000",count,')
    only(problems_of(tiny), file="observations.csv", row=3, column="value", value="1,000")


def test_duplicate_primary_key(tiny):
    edit(tiny, "observations.csv", "F02,cities", "F01,cities")
    problem, = only(problems_of(tiny), file="observations.csv", row=3, column="observation_id")
    assert "duplicates the primary key" in problem.message


def test_unknown_source(tiny):
    edit(tiny, "observations.csv", "exact,blog-b,row F01", "exact,blog-c,row F01")
    problem, = only(problems_of(tiny), file="observations.csv", row=2, column="source_id", value="blog-c")
    assert "sources.csv" in problem.message


def test_unknown_indicator(tiny):
    edit(tiny, "measures.csv", "repair_value,paper-a", "repair_valu,paper-a")
    only(problems_of(tiny), file="measures.csv", row=1, column="related_indicator_id", value="repair_valu")


def test_malformed_period(tiny):
    edit(tiny, "observations.csv", "2022-01,2022-12", "2022-13,2022-12")
    problem, = only(problems_of(tiny), column="period_start", value="2022-13")
    assert "YYYY-MM" in problem.message


def test_reversed_period(tiny):
    edit(tiny, "observations.csv", "2022-01,2022-12", "2022-12,2022-01")
    problem, = only(problems_of(tiny), file="observations.csv", row=3, column="period_end")
    assert "before period_start" in problem.message


def test_negative_count(tiny):
    edit(tiny, "observations.csv", ",10,count,", ",-10,count,")
    problem, = only(problems_of(tiny), row=3, column="value", value="-10")
    assert "minimum" in problem.message


def test_fractional_count(tiny):
    edit(tiny, "observations.csv", ",10,count,", ",10.5,count,")
    only(problems_of(tiny), row=3, column="value", value="10.5")


def test_unknown_tier(tiny):
    edit(tiny, "sources.csv", ",en,low,", ",en,lowish,")
    problem, = only(problems_of(tiny), file="sources.csv", row=2, column="reliability")
    assert "official, state_media, repost, secondary, low" in problem.message


def test_empty_file(tiny):
    (tiny / "indicators.csv").write_text("", encoding="utf-8")
    problem, = only(problems_of(tiny), file="indicators.csv")
    assert "is empty" in problem.message and "indicator_id,name,unit,topic,definition" in problem.message


def test_non_utf8_bytes(tiny):
    path = tiny / "sources.csv"
    path.write_bytes(path.read_bytes().replace(b"Blog B", b"Blog \xe9"))
    problem, = only(problems_of(tiny), file="sources.csv")
    assert "not UTF-8" in problem.message and "line 3" in problem.message


def test_stray_whitespace_in_key(tiny):
    edit(tiny, "observations.csv", "\nF02,", "\nF02 ,")
    found = only(problems_of(tiny), row=3, column="observation_id", value="F02 ")
    assert any("leading or trailing whitespace" in p.message for p in found)


def test_unit_not_matching_indicator(tiny):
    edit(tiny, "observations.csv", ",10,count,", ",10,CNY billion,")
    problem, = only(problems_of(tiny), row=3, column="unit")
    assert "indicator's unit" in problem.message


def test_value_without_unit(tiny):
    edit(tiny, "observations.csv", ",10,count,", ",10,,")
    only(problems_of(tiny), row=3, column="unit")


def test_change_without_basis(tiny):
    edit(tiny, "observations.csv", "2.9,percent,year_on_year", "2.9,percent,")
    only(problems_of(tiny), row=2, column="change")


def test_short_row(tiny):
    edit(tiny, "units.csv", "count,count,1,a number of things", "count,count,1")
    only(problems_of(tiny), file="units.csv", row=3)


def test_missing_snapshot(tiny):
    (tiny / "raw" / "a.txt").unlink()
    only(problems_of(tiny), file="sources.csv", row=1, column="text_path")


def test_all_problems_are_listed_not_only_the_first(tiny):
    edit(tiny, "observations.csv", "21.79,CNY trillion", "abc,CNY trillion")
    edit(tiny, "sources.csv", ",en,low,", ",en,lowish,")
    edit(tiny, "indicators.csv", "bonded_repair", "bonded_repairs")
    with pytest.raises(DataValidationError) as caught:
        load_observations(tiny)
    message = str(caught.value)
    assert "3 problem(s)" in message
    for part in ("observations.csv row 2", "sources.csv row 2", "indicators.csv row 1"):
        assert part in message


def test_edited_snapshot(tiny):
    (tiny / "raw" / "a.txt").write_text("Repair trade was RMB 265.99 billion.\n", encoding="utf-8")
    problem, = only(problems_of(tiny), file="sources.csv", row=1, column="text_path")
    assert "sha256 differs from its sidecar" in problem.message


def test_held_change_without_its_published_text(tiny):
    edit(tiny, "observations.csv", "RMB 256.99 billion,7.5%,text_held", "RMB 256.99 billion,,text_held")
    only(problems_of(tiny), file="observations.csv", row=1, column="change_as_published")


@pytest.mark.parametrize("declaration, message", [
    ("growth,F03 F01,F01", "F03 has no value"),
    ("same_figure,F02,F02", "F02 is at_least"),
    ("implied_base,F02,F01", "F02 has no change"),
    ("share,S01,F01", "has 1 inputs; a share check takes 2"),
    ("sum,S01 X99,F01", "names X99, not in observations.csv"),
])
def test_check_declarations_need_what_their_kind_uses(tiny, declaration, message):
    (tiny / "checks.csv").write_text("check_id,kind,inputs,published_id,expected,explanation\n"
                                     f"c1,{declaration},pass,\n", encoding="utf-8")
    found = only(problems_of(tiny), file="checks.csv", row=1, column="inputs")
    assert any(message in p.message for p in found), [p.message for p in found]
