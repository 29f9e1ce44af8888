"""The chart rules on tiny specs: what counts as bars stacked on one position, and what does not."""

import pandas as pd

from customs_facilitation.notebook.chart_rules import stacked_repeats
from customs_facilitation.notebook.figures import one_reading_each

ROWS = [{"year": "2025", "flow": "exports", "value": 27.0, "id": "A1"},
        {"year": "2025", "flow": "exports", "value": 27.0, "id": "B1"},
        {"year": "2025", "flow": "imports", "value": 18.5, "id": "A2"}]


def bars(encoding, rows=ROWS, **more):
    return {"data": {"values": rows}, "mark": {"type": "bar"}, "encoding": encoding, **more}


VERTICAL = {"x": {"field": "year", "type": "ordinal"}, "y": {"field": "value", "type": "quantitative"}}


def test_two_readings_of_one_figure_on_one_bar_are_found():
    offset = {**VERTICAL, "xOffset": {"field": "flow", "type": "nominal"}}
    assert stacked_repeats(bars(offset)) == ["bar at year=2025, flow=exports stacks 2 rows (A1, B1)"]


def test_colour_does_not_separate_bars_that_stack():
    coloured = {**VERTICAL, "color": {"field": "flow", "type": "nominal"}}
    assert len(stacked_repeats(bars(coloured))) == 1


def test_horizontal_bars_faceted_and_layered_views_are_read():
    horizontal = {"y": {"field": "flow", "type": "nominal"}, "x": {"field": "value", "type": "quantitative"}}
    assert stacked_repeats(bars(horizontal)) == ["bar at flow=exports stacks 2 rows (A1, B1)"]
    faceted = {"datasets": {"d": ROWS}, "data": {"name": "d"}, "facet": {"column": {"field": "id"}},
               "spec": {"layer": [{"mark": "bar", "encoding": VERTICAL}, {"mark": "point", "encoding": VERTICAL}]}}
    assert stacked_repeats(faceted) == []  # one row per facet
    unfaceted = {"datasets": {"d": ROWS}, "vconcat": [{"data": {"name": "d"}, "layer": [faceted["spec"]["layer"][0]]}]}
    assert stacked_repeats(unfaceted) == ["bar at year=2025 stacks 3 rows (A1, A2, B1)"]


def test_a_chart_that_says_it_adds_up_may_stack():
    assert stacked_repeats(bars({**VERTICAL, "y": {**VERTICAL["y"], "stack": "zero"}})) == []
    assert stacked_repeats(bars({**VERTICAL, "y": {**VERTICAL["y"], "aggregate": "sum"}})) == []
    assert stacked_repeats(bars({**VERTICAL, "y": {**VERTICAL["y"], "stack": None}})) != []  # overlaid: still hidden


def test_lines_and_points_are_not_bars():
    assert stacked_repeats({**bars(VERTICAL), "mark": "line"}) == []


def figures(*rows):
    frame = pd.DataFrame(rows, columns=["observation_id", "indicator_id", "period_start", "period_end", "value",
                                        "unit", "reliability", "published_date"])
    frame[["period_start", "period_end"]] = frame[["period_start", "period_end"]].apply(pd.PeriodIndex, freq="M")
    frame["published_date"] = pd.to_datetime(frame["published_date"])
    return frame


def test_one_reading_each_keeps_the_most_reliable_and_names_the_others():
    rows = figures(("B1", "exports", "2025-01", "2025-12", 27.0, "CNY trillion", "repost", "2026-01-14"),
                   ("A1", "exports", "2025-01", "2025-12", 27.0, "CNY trillion", "state_media", "2026-01-15"),
                   ("C1", "exports", "2025-01", "2025-12", 26.9, "CNY trillion", "low", "2026-01-10"),
                   ("A2", "imports", "2025-01", "2025-12", 18.5, "CNY trillion", "low", "2026-01-15"))
    once = one_reading_each(rows).set_index("observation_id")
    assert list(once.index) == ["A1", "A2"]
    assert once.loc["A1", "also"] == "B1, C1 (26.9 CNY trillion)"  # a differing value is shown with its reading
    assert once.loc["A2", "also"] == ""


def line(rows, **encoding):
    return {"data": {"values": rows}, "mark": {"type": "line", "point": True},
            "encoding": {"x": {"field": "date", "type": "temporal"}, "y": {"field": "value", "type": "quantitative"},
                         **encoding}}


def test_a_line_joins_only_consecutive_periods_of_one_length():
    from customs_facilitation.notebook.chart_rules import broken_lines

    years = [{"date": f"{y}-12-31", "months": 12, "value": v, "id": f"Y{y}"} for y, v in ((2017, 9), (2018, 7))]
    assert broken_lines(line(years)) == []
    gap = years + [{"date": "2020-12-31", "months": 12, "value": 5, "id": "Y2020"}]
    assert broken_lines(line(gap)) == ["line crosses a gap from 2018-12-31 to 2020-12-31 (Y2018, Y2020)"]
    mixed = years + [{"date": "2019-01-31", "months": 1, "value": 6, "id": "M1"}]
    assert broken_lines(line(mixed)) == ["line joins periods of 1 and 12 months (M1, Y2017, Y2018)"]
    assert broken_lines(line(mixed, color={"field": "months", "type": "nominal"})) == []  # one line per length
    unsaid = [{k: v for k, v in row.items() if k != "months"} for row in years]
    assert "without a 'months' column" in broken_lines(line(unsaid))[0]


def test_a_move_by_an_order_of_magnitude_must_show_on_its_axis():
    from customs_facilitation.notebook.chart_rules import flattened_moves

    rows = [{"date": d, "flow": f, "value": v, "id": i} for d, f, v, i in (
        ("2017-12-31", "imports", 97.0, "I1"), ("2022-12-31", "imports", 32.0, "I2"),
        ("2017-12-31", "exports", 12.0, "E1"), ("2022-12-31", "exports", 1.0, "E2"))]
    shared = {"data": {"values": rows}, "mark": "point",
              "encoding": {"x": {"field": "date", "type": "temporal"}, "y": {"field": "value", "type": "quantitative"},
                           "color": {"field": "flow", "type": "nominal"}}}
    assert flattened_moves(shared) == ["series flow=exports moves from 1 to 12 but spans 11% of its axis (E1, E2)"]
    log = {**shared, "encoding": {**shared["encoding"], "y": {**shared["encoding"]["y"], "scale": {"type": "log"}}}}
    assert flattened_moves(log) == []
    panels = {"data": shared["data"], "facet": {"row": {"field": "flow"}}, "resolve": {"scale": {"y": "independent"}},
              "spec": {k: v for k, v in shared.items() if k != "data"}}
    assert flattened_moves(panels) == []
    assert flattened_moves({**panels, "resolve": {}}) != []  # panels that share one axis still flatten it
