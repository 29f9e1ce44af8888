"""Every kind of broken input gives DataValidationError naming file, row, column and rule."""

import csv
from pathlib import Path

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
        "units": 3, "sources": 2, "indicators": 3, "observations": 4, "targets": 0, "measures": 1, "pilot_cities": 0,
        "checks": 1, "claim_exclusions": 0}


def test_extra_column(tiny):
    edit(tiny, "measures.csv", "name_zh,action_zh\n", "name_zh,action_zh,extra\n")
    edit(tiny, "measures.csv", "维修目录,修订\n", "维修目录,修订,x\n")
    only(problems_of(tiny), file="measures.csv", column="extra")


# One edit to one file of the tiny package per row: the problem it must raise and its message.
# Empty row, column or value cells are not compared; "\\n" in old and new stands for a line break.
BROKEN = list(csv.DictReader((Path(__file__).parent / "broken_one_rule.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("case", BROKEN, ids=lambda case: case["case"])
def test_each_broken_rule_names_file_row_column_and_rule(tiny, case):
    edit(tiny, case["file"], case["old"].replace("\\n", "\n"), case["new"].replace("\\n", "\n"))
    where = {key: int(case[key]) if key == "row" else case[key] for key in ("row", "column", "value") if case[key]}
    found = only(problems_of(tiny), file=case["file"], **where)
    assert any(case["message"] in p.message for p in found), [p.message for p in found]


def test_wrong_type_names_row_column_and_value(tiny):
    edit(tiny, "observations.csv", "21.79,CNY trillion", "abc,CNY trillion")
    problem, = only(problems_of(tiny), file="observations.csv", row=2, column="value", value="abc")
    assert "is not a number" in str(problem)
    assert str(problem).startswith("observations.csv row 2 (line 3), column value: 'abc'")


@pytest.mark.parametrize("where, row", [("CNY billion,CNY,", 1), ("CNY trillion,CNY,", 2)])
def test_a_row_with_more_fields_than_the_header_is_named(tiny, where, row):
    """Found by the fuzz test: pandas took the first column for an index, and the problems' rows
    were unit names (a crash); or it dropped the extra cells."""
    edit(tiny, "units.csv", where, "," + where)
    problem, = only(problems_of(tiny), file="units.csv")
    assert (problem.row, problem.message) == (row, "has 6 fields, more than the header's 5")
    path = tiny / "units.csv"  # the same with a byte-order mark, as Excel saves "CSV UTF-8"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    problem, = only(problems_of(tiny), file="units.csv")
    assert (problem.row, problem.message) == (row, "has 6 fields, more than the header's 5")


def test_rows_with_more_fields_are_listed_up_to_the_cap(tiny):
    path = tiny / "observations.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, *(row + ",x" for row in rows * 6)]) + "\n", encoding="utf-8")
    problems = only(problems_of(tiny), file="observations.csv")
    assert [p.row for p in problems[:-1]] == list(range(1, 21))
    assert problems[-1].message == "... and 4 more rows break the same rule (has more fields than the header's 17)"


def test_cells_breaking_one_rule_are_listed_up_to_the_cap(tiny):
    path = tiny / "observations.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    bad = [f"Z{i:02d}" + row[3:].replace(",exact,", ",roughly,").replace(",at_least,", ",roughly,")
           for i, row in enumerate(rows * 6)]
    path.write_text("\n".join([header, *bad]) + "\n", encoding="utf-8")
    problems = only(problems_of(tiny), file="observations.csv", column="qualifier")
    assert [p.row for p in problems[:-1]] == list(range(1, 21)) and problems[-1].row is None
    assert problems[-1].message.startswith("... and 4 more cells break the same rule (is not one of the allowed")


def test_empty_file(tiny):
    (tiny / "indicators.csv").write_text("", encoding="utf-8")
    problem, = only(problems_of(tiny), file="indicators.csv")
    assert "is empty" in problem.message and "indicator_id,name,unit,topic,definition" in problem.message


def test_non_utf8_bytes(tiny):
    path = tiny / "sources.csv"
    path.write_bytes(path.read_bytes().replace(b"Blog B", b"Blog \xe9"))
    problem, = only(problems_of(tiny), file="sources.csv")
    assert "not UTF-8" in problem.message and "line 3" in problem.message


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


@pytest.mark.parametrize("declaration, message", [
    ("growth,F03 F01,F01", "F03 has no value"),
    ("same_figure,F02,F02", "F02 is at_least"),
    ("implied_base,F02,F01", "F02 has no change"),
    ("share,S01,F01", "has 1 inputs; a share check takes 2"),
    ("sum,S01 X99,F01", "names X99, not in observations.csv"),
])
def test_check_declarations_need_what_their_kind_uses(tiny, declaration, message):
    (tiny / "checks.csv").write_text("check_id,kind,inputs,published_id,expected,explanation,explanation_zh\n"
                                     f"c1,{declaration},pass,,\n", encoding="utf-8")
    found = only(problems_of(tiny), file="checks.csv", row=1, column="inputs")
    assert any(message in p.message for p in found), [p.message for p in found]


@pytest.mark.parametrize("name, message", [("missing", "not found: every data folder needs its datapackage.json"),
                                           ("sources.csv", "is not a folder; a data folder holds datapackage.json")])
def test_a_data_folder_that_is_missing_or_a_file_is_one_problem_naming_it(tiny, name, message):
    problem, = problems_of(tiny / name)
    assert problem.file.startswith(str((tiny / name).resolve())) and message in problem.message
