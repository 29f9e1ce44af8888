"""Property-based: malformed tables only ever raise DataValidationError, and nothing is coerced."""

import csv
import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from customs_facilitation import DataValidationError, load_observations, load_package
from customs_facilitation.curate.audit import audit
from customs_facilitation.verify.consistency import run_consistency_checks
from tests.unit.conftest import TINY, write_tiny

FILES = ["units.csv", "sources.csv", "indicators.csv", "observations.csv", "measures.csv", "checks.csv",
         "claim_exclusions.csv"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
cell_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


def rows_of(name):
    return list(csv.reader(io.StringIO(TINY[name])))


def write_rows(folder, name, rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    (folder / name).write_text(out.getvalue(), encoding="utf-8")


def load_or_refuse(folder):
    """Load the package; return the tables, or None if it was refused with our error type."""
    try:
        return load_package(folder)
    except DataValidationError as error:
        assert error.problems and all(p.file and p.message for p in error.problems)
        return None


@SETTINGS
@given(name=st.sampled_from(FILES), data=st.data(), text=cell_text)
def test_any_cell_replaced_by_any_text(tmp_path_factory, name, data, text):
    folder = write_tiny(tmp_path_factory.mktemp("fuzz"))
    rows = rows_of(name)
    row = data.draw(st.integers(0, len(rows) - 1))
    column = data.draw(st.integers(0, len(rows[0]) - 1))
    rows[row][column] = text
    write_rows(folder, name, rows)
    if load_or_refuse(folder) is not None:  # what loads must also check and audit without crashing
        run_consistency_checks(folder)
        audit(folder)


@SETTINGS
@given(text=cell_text)
def test_a_value_is_accepted_only_if_it_is_a_plain_number(tmp_path_factory, text):
    folder = write_tiny(tmp_path_factory.mktemp("fuzz"))
    rows = rows_of("observations.csv")
    rows[2][4] = text  # F01's value
    write_rows(folder, "observations.csv", rows)
    tables = load_or_refuse(folder)
    if tables is not None:
        assert re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?", text), f"{text!r} was coerced"
        assert float(tables["observations"].loc[1, "value"]) == float(text)


@SETTINGS
@given(name=st.sampled_from(FILES), data=st.data())
def test_structural_damage(tmp_path_factory, name, data):
    folder = write_tiny(tmp_path_factory.mktemp("fuzz"))
    raw = (folder / name).read_bytes()
    damage = data.draw(st.sampled_from(["truncate", "insert_bytes", "drop_column", "add_column", "shuffle_header"]))
    if damage == "truncate":
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    elif damage == "insert_bytes":
        at = data.draw(st.integers(0, len(raw)))
        raw = raw[:at] + data.draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    else:
        rows = rows_of(name)
        column = data.draw(st.integers(0, len(rows[0]) - 1))
        if damage == "drop_column":
            rows = [r[:column] + r[column + 1:] for r in rows]
        elif damage == "add_column":
            rows = [r + ["x"] for r in rows]
        else:
            rows[0] = rows[0][column:] + rows[0][:column]
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        raw = out.getvalue().encode("utf-8")
    (folder / name).write_bytes(raw)
    if load_or_refuse(folder) is not None:
        load_observations(folder)
