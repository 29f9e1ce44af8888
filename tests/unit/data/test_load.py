"""Loaders return typed tables and filter as documented (on the tiny inline package)."""

import json
import time
import warnings

import pandas as pd
import pyarrow as pa
import pytest

from customs_facilitation import (
    DataValidationError,
    data_version,
    load_indicators,
    load_measures,
    load_observations,
    load_package,
    load_sources,
    load_targets,
    load_units,
)
from customs_facilitation.data import package


def ids(frame):
    return sorted(frame["observation_id"])


def test_types_follow_the_schema(tiny):
    obs = load_observations(tiny)
    assert obs["period_start"].dtype == "period[M]" and obs["period_end"].dtype == "period[M]"
    assert obs["value"].dtype == "Float64" and obs["change"].dtype == "Float64"
    assert obs["source_id"].dtype == "str"
    assert obs.loc[obs["observation_id"] == "F03", "value"].isna().all()
    sources = load_sources(tiny)
    assert sources["published_date"].dtype.kind == "M"
    assert sources["accessed_date"].isna().tolist() == [True, False]
    assert load_units(tiny)["factor"].dtype == "Float64"
    assert list(load_indicators(tiny)["indicator_id"]) == ["repair_value", "trade_total", "cities"]


def declared_enum(resource: str, field: str, data_dir) -> list[str]:
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in descriptor["resources"] if r["name"] == resource)["schema"]["fields"]
    return next(f for f in fields if f["name"] == field)["constraints"]["enum"]


def test_asked_for_closed_columns_are_categoricals_of_their_vocabulary(tiny):
    obs = load_observations(tiny, categories=True)
    text = load_observations(tiny)
    assert obs["observation_id"].dtype == "str" and obs["locator"].dtype == "str"  # free text stays text
    # an enum: every declared value is a category, used or not, sorted (so it sorts as text would)
    assert list(obs["qualifier"].cat.categories) == sorted(declared_enum("observations", "qualifier", tiny))
    assert obs.sort_values("qualifier")["observation_id"].tolist() == ["F02", "S01", "F01", "F03"]
    # a foreign key: the values present, sorted; an empty cell is missing, not a category
    assert list(obs["unit"].cat.categories) == ["CNY billion", "CNY trillion", "count"]
    assert list(load_package(tiny, categories=True)["measures"]["source_id"].cat.categories) == ["paper-a"]
    # the same values as the text columns, missing where those are
    for column in ("indicator_id", "unit", "change_unit", "qualifier", "source_id", "checked"):
        assert obs[column].dtype == "category", column
        assert obs[column].astype("str").equals(text[column]), column
    # filtering keeps the categories, so filtered frames concatenate as categoricals
    parts = [load_observations(tiny, indicator="trade_total", categories=True),
             load_observations(tiny, indicator="cities", categories=True)]
    assert pd.concat(parts)["source_id"].dtype == obs["source_id"].dtype


def test_a_file_read_by_the_slow_path_gets_the_same_types(tiny):
    typed, as_categories = load_observations(tiny), load_observations(tiny, categories=True)
    path = tiny / "observations.csv"
    header, rest = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(",".join(f'"{name}"' for name in header.split(",")) + "\n" + rest, encoding="utf-8")
    pd.testing.assert_frame_equal(load_observations(tiny), typed)
    pd.testing.assert_frame_equal(load_observations(tiny, categories=True), as_categories)


@pytest.mark.parametrize("file, old, new", [
    ("observations.csv", ",paper-a,paragraph 1,", ",paper-z,paragraph 1,"),  # an unknown source
    ("observations.csv", ",exact,blog-b,row F01,", ",roughly,blog-b,row F01,"),  # not in the enum
    ("observations.csv", ",at_least,blog-b,", ",at_least ,blog-b,"),  # trailing space in a closed column
    ("observations.csv", ",cities,2022-01,", ",,2022-01,"),  # empty but required
    ("measures.csv", ",repair_value,paper-a,", ",repair_valu,paper-a,"),  # an unknown indicator
])
def test_categories_change_no_error_message(tiny, file, old, new):
    path = tiny / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    problems = []
    for categories in (False, True):
        with pytest.raises(DataValidationError) as raised:
            load_package(tiny, categories=categories)
        problems.append([str(problem) for problem in raised.value.problems])
    assert problems[0] == problems[1] and problems[0], problems


def test_reliability_is_ordered_from_low_to_official(tiny):
    sources = load_sources(tiny)
    assert (sources["reliability"] >= "state_media").tolist() == [True, False]


def test_filter_by_indicator_and_topic(tiny):
    assert ids(load_observations(tiny, indicator="trade_total")) == ["F01", "F03"]
    assert ids(load_observations(tiny, indicator=["cities", "repair_value"])) == ["F02", "S01"]
    assert ids(load_observations(tiny, topic="bonded_repair")) == ["S01"]


def test_period_keeps_overlapping_figures(tiny):
    assert ids(load_observations(tiny, period="2025-05")) == ["F01", "F03", "S01"]
    assert ids(load_observations(tiny, period=("2022-12", "2025-03"))) == ["F01", "F02", "S01"]
    assert ids(load_observations(tiny, period=("2023-01", "2024-12"))) == []


def test_min_reliability_and_as_of(tiny):
    assert ids(load_observations(tiny, min_reliability="official")) == ["F03", "S01"]
    assert ids(load_observations(tiny, min_reliability="low")) == ["F01", "F02", "F03", "S01"]
    assert ids(load_observations(tiny, as_of="2025-08-31")) == ["F03", "S01"]
    assert ids(load_observations(tiny, as_of="2025-09-01")) == ["F01", "F02", "F03", "S01"]
    assert len(load_measures(tiny, as_of="2025-07-13")) == 0


@pytest.mark.parametrize("kwargs, message", [
    ({"indicator": "trade"}, "unknown indicator 'trade'"),
    ({"topic": "aeos"}, "unknown topic 'aeos'"),
    ({"min_reliability": "high"}, "not a tier"),
    ({"period": "2025-13"}, "not a month"),
    ({"period": ("2025-06", "2025-01")}, "ends before it starts"),
    ({"period": ("2025-01", "2025-02", "2025-03")}, "(start, end) pair"),
    ({"as_of": "yesterday-ish"}, "not a date"),
])
def test_bad_filters_say_what_is_wrong(tiny, kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_observations(tiny, **kwargs)


def test_loaders_default_to_the_repository_data():
    assert len(load_observations()) > 0
    assert isinstance(load_observations().loc[0, "period_start"], pd.Period)


def test_cached_tables_are_copies_and_follow_the_files(tiny):
    from customs_facilitation import load_package

    first = load_package(tiny)
    first["units"].loc[0, "description"] = "changed by a caller"
    assert load_package(tiny)["units"].loc[0, "description"] == "billions of yuan"
    unfiltered = load_observations(tiny)  # not copied when nothing is filtered out, yet still the caller's own
    unfiltered.loc[0, "value"] = -1.0
    unfiltered.loc[1, "note"] = "changed by a caller"
    assert load_observations(tiny).loc[0, "value"] == 256.99 and pd.isna(load_observations(tiny).loc[1, "note"])
    units = tiny / "units.csv"
    units.write_text(units.read_text(encoding="utf-8").replace("billions of yuan", "billions of CNY"), encoding="utf-8")
    assert load_package(tiny)["units"].loc[0, "description"] == "billions of CNY"


def test_a_folder_is_known_by_its_files_and_while_freshly_changed_by_its_content(tiny, monkeypatch):
    assert package.folder_state(tiny) == data_version(tiny)  # just written: a change within a tick could hide
    settled = time.time_ns() + package.RECENT_NS
    monkeypatch.setattr(package.time, "time_ns", lambda: settled)
    before = package.folder_state(tiny)
    assert {entry[0] for entry in before} >= {"datapackage.json", "units.csv", "raw/a.txt", "raw/a.json"}
    units = tiny / "units.csv"
    units.write_text(units.read_text(encoding="utf-8") + "CNY million,CNY,1000000,millions of yuan\n", encoding="utf-8")
    assert package.folder_state(tiny) != before


def pandas_options() -> dict:
    """Every registered pandas option and its value (deprecated ones too, without their warning)."""
    def walk(options, prefix=""):
        values = {}
        for key in dir(options):
            value = getattr(options, key)
            values |= walk(value, f"{prefix}{key}.") if isinstance(value, type(pd.options)) else {prefix + key: value}
        return values

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return walk(pd.options)


def allocates_from(pool: pa.MemoryPool) -> bool:
    """Whether Arrow's default pool is ``pool`` itself: an allocation from the default shows in its tally."""
    before = pool.total_bytes_allocated()
    pa.allocate_buffer(64)
    return pool.total_bytes_allocated() > before


def test_loading_leaves_arrow_and_pandas_as_found(tiny):
    """Loads, good and failed, allocate from the caller's Arrow pool and leave it and pandas' options as found."""
    previous = pa.default_memory_pool()
    chosen = pa.system_memory_pool() if previous.backend_name != "system" else pa.mimalloc_memory_pool()
    pa.set_memory_pool(chosen)  # a pool of the caller's choosing, not the process default
    try:
        options, used_before = pandas_options(), chosen.total_bytes_allocated()
        load_package(tiny)
        load_observations(tiny)
        load_observations(tiny, categories=True)
        (tiny / "units.csv").write_text("unit,base_unit,factor,description\nx,y\n", encoding="utf-8")
        with pytest.raises(DataValidationError):
            load_observations(tiny)
        assert chosen.total_bytes_allocated() > used_before, "the loads' Arrow buffers came from another pool"
        assert pa.default_memory_pool().backend_name == chosen.backend_name and allocates_from(chosen)
        assert pandas_options() == options
    finally:
        pa.set_memory_pool(previous)


TARGET = "T90,cities,30,count,at_least,2023-12,by the end of 2023,2023年底前,2023-03,F02,blog-b,row T90,one_read,,\n"
"""A target on the tiny package: at least 30 pilot cities by December 2023, from the 10 of F02."""


def with_target(folder, row: str = TARGET):
    path = folder / "targets.csv"
    path.write_text(path.read_text(encoding="utf-8") + row, encoding="utf-8")
    return folder


def test_targets_load_typed_and_apart_from_figures(tiny):
    assert load_targets(tiny).empty  # a package may state no target
    targets = load_targets(with_target(tiny))
    assert targets["target_id"].tolist() == ["T90"] and targets["value"].dtype == "Float64"
    assert targets["due"].dtype == "period[M]" and str(targets.loc[0, "due"]) == "2023-12"
    assert str(targets.loc[0, "set_month"]) == "2023-03" and targets.loc[0, "direction"] == "at_least"
    assert "T90" not in set(load_observations(tiny)["observation_id"])  # a target is no published figure


@pytest.mark.parametrize("old, new, message", [
    ("T90,cities,", "F01,cities,", "targets.csv row 1 (line 2), column target_id: 'F01' is also an observation_id"),
    (",30,count,", ",30,CNY billion,", "column unit: 'CNY billion' does not fit the indicator's unit"),
    (",30,count,", ",30.5,count,", "column value: '30.5' is a count and must be a whole number"),
    (",2023-03,", ",2024-01,", "column set_month: '2024-01' is after due"),
    (",F02,blog-b,", ",S01,blog-b,", "column baseline_observation_id: 'S01' is a figure of another indicator"),
    (",at_least,", ",below,", "column direction: 'below' is not one of the allowed values: at_most, at_least"),
    ("T90,cities,", "T90,city,", "column indicator_id: 'city' is not a indicator_id in indicators.csv"),
    (",F02,blog-b,", ",F99,blog-b,", "column baseline_observation_id: 'F99' is not a observation_id"),
    (",2023-12,by", ",,by", "column due: '' is empty but required"),
])
def test_a_target_that_could_be_taken_for_a_figure_or_fits_no_indicator_is_refused(tiny, old, new, message):
    assert TARGET.count(old) == 1
    with pytest.raises(DataValidationError) as raised:
        load_targets(with_target(tiny, TARGET.replace(old, new)))
    assert any(message in str(problem) for problem in raised.value.problems), raised.value
