"""Rules every chart keeps, read from its vega-lite spec: what a reader sees must be what the data says.

- :func:`stacked_repeats`: no bar piles several rows onto one position unless the chart says it
  adds them up (two readings of one figure drawn as one bar read as twice the figure);
- :func:`broken_lines`: a line joins only points of one kind (the same length of period, from the
  ``months`` column every line's data carries) and never across a gap in time;
- :func:`flattened_moves`: a series that moves by an order of magnitude spans a good part of its
  axis (its own panel, or a log scale), so its fall or rise can be seen.

:func:`chart_problems` runs them all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

POSITION_CHANNELS = {"x": ("x", "xOffset"), "y": ("y", "yOffset")}
"""The channels that place a bar along its band, by the axis the bars stand on."""
FACET_CHANNELS = ("row", "column", "facet")
SERIES_CHANNELS = ("color", "detail", "strokeDash", "shape")
"""Channels that split a mark's rows into series (one line each, one colour each)."""
DISCRETE = {"nominal", "ordinal", "temporal"}
ADDS_UP = {"zero", "normalize", "center", True}
"""A ``stack`` a chart sets on purpose: it says its bars are parts that add up to a whole."""
LINE_MARKS = {"line", "trail", "area"}
ORDER_OF_MAGNITUDE = 10.0
"""A series whose largest value is this many times its smallest moves by an order of magnitude."""
LEAST_SHARE_OF_AXIS = 1 / 3
"""The part of its axis such a series must span for its move to show."""
DAYS_OF_SLACK = 4  # month ends differ by up to three days from a whole number of 30.4-day months


@dataclass(frozen=True)
class View:
    """One single view of a spec: its mark, encoding and rows, and the facets it sits in."""

    spec: dict
    rows: list
    facets: tuple[str, ...]
    own_y_facets: tuple[str, ...]
    """The facets each of whose panels has a y scale of its own (the others share one)."""

    @property
    def mark(self) -> str:
        mark = self.spec["mark"]
        return mark["type"] if isinstance(mark, dict) else mark

    @property
    def encoding(self) -> dict:
        return self.spec.get("encoding", {})

    def fields(self, channels) -> list[str]:
        """The fields of those channels that the view encodes."""
        return [self.encoding[c]["field"] for c in channels if "field" in self.encoding.get(c, {})]



def chart_problems(spec: dict) -> list[str]:
    """Every breach of the chart rules in a spec, each as a sentence."""
    return stacked_repeats(spec) + broken_lines(spec) + flattened_moves(spec)


def stacked_repeats(spec: dict) -> list[str]:
    """Every bar position of a spec that holds more than one row, unless the chart stacks on purpose
    (an explicit ``stack`` or a summing ``aggregate``); each as a sentence naming the rows' ids.

    >>> rows = [{"period": "2025", "value": 45.47, "id": "F61"},
    ...         {"period": "2025", "value": 45.47, "id": "T01"}]
    >>> spec = {"data": {"values": rows}, "mark": "bar",
    ...         "encoding": {"x": {"field": "period", "type": "nominal"},
    ...                      "y": {"field": "value", "type": "quantitative"}}}
    >>> stacked_repeats(spec)
    ['bar at period=2025 stacks 2 rows (F61, T01)']
    """
    problems = []
    for view in views(spec):
        axis = _band_axis(view.encoding)
        if view.mark != "bar" or view.spec.get("transform") or axis is None:
            continue
        value = view.encoding.get("y" if axis == "x" else "x", {})
        if value.get("stack", False) in ADDS_UP or value.get("aggregate") in {"sum", "count"}:
            continue
        fields = [*view.facets, *view.fields((*POSITION_CHANNELS[axis], *FACET_CHANNELS))]
        for position, rows in _grouped(view.rows, fields).items():
            if len(rows) > 1:
                where = ", ".join(f"{f}={v}" for f, v in zip(fields, position))
                problems.append(f"bar at {where} stacks {len(rows)} rows ({_ids(rows)})")
    return problems


def broken_lines(spec: dict) -> list[str]:
    """Every line that joins points of different lengths of period, or two points further apart
    than one period (a gap drawn as a path), or whose rows do not say their period's length.

    >>> rows = [{"date": "2017-12-31", "months": 12, "value": 97.39, "id": "F42"},
    ...         {"date": "2019-12-31", "months": 1, "value": 36.7, "id": "F44"}]
    >>> spec = {"data": {"values": rows}, "mark": "line",
    ...         "encoding": {"x": {"field": "date", "type": "temporal"},
    ...                      "y": {"field": "value", "type": "quantitative"}}}
    >>> broken_lines(spec)
    ['line joins periods of 1 and 12 months (F42, F44)']
    """
    problems = []
    for view in views(spec):
        if view.mark not in LINE_MARKS or view.encoding.get("x", {}).get("type") != "temporal":
            continue
        x = view.encoding["x"]["field"]
        for rows in _grouped(view.rows, [*view.facets, *view.fields((*FACET_CHANNELS, *SERIES_CHANNELS))]).values():
            if len(rows) < 2:
                continue
            lengths = {row.get("months") for row in rows}
            if None in lengths:
                problems.append(f"line of rows without a 'months' column, its period's length ({_ids(rows)})")
            elif len(lengths) > 1:
                problems.append(f"line joins periods of {' and '.join(map(str, sorted(lengths)))} months "
                                f"({_ids(rows)})")
            else:
                problems += _gaps(sorted(rows, key=lambda row: str(row[x])), x, lengths.pop())
    return problems


def _gaps(rows: list, x: str, months: int) -> list[str]:
    """A sentence for every two neighbouring points more than one period apart."""
    found = []
    for before, after in zip(rows, rows[1:]):
        days = (date.fromisoformat(str(after[x])[:10]) - date.fromisoformat(str(before[x])[:10])).days
        if days > months * 30.44 + DAYS_OF_SLACK:
            found.append(f"line crosses a gap from {str(before[x])[:10]} to {str(after[x])[:10]} "
                         f"({_ids([before, after])})")
    return found


def flattened_moves(spec: dict) -> list[str]:
    """Every series over time that moves by an order of magnitude but spans less than a third of
    the linear axis it shares with other series, so that its move cannot be seen.

    >>> rows = [{"date": "2017", "flow": "imports", "value": 97.39, "id": "F42"},
    ...         {"date": "2022", "flow": "imports", "value": 32.02, "id": "F50"},
    ...         {"date": "2017", "flow": "exports", "value": 12.29, "id": "F43"},
    ...         {"date": "2022", "flow": "exports", "value": 1.03, "id": "F51"}]
    >>> spec = {"data": {"values": rows}, "mark": "point",
    ...         "encoding": {"x": {"field": "date", "type": "temporal"}, "color": {"field": "flow"},
    ...                      "y": {"field": "value", "type": "quantitative"}}}
    >>> flattened_moves(spec)
    ['series flow=exports moves from 1.03 to 12.29 but spans 12% of its axis (F43, F51)']
    """
    problems = []
    for view in views(spec):
        y = view.encoding.get("y", {})
        if (view.encoding.get("x", {}).get("type") not in DISCRETE or y.get("type") != "quantitative"
                or y.get("scale", {}).get("type") in {"log", "symlog"}):
            continue
        series_fields = view.fields((*SERIES_CHANNELS, *FACET_CHANNELS))
        drawn = [row for row in view.rows if row.get(y["field"]) is not None]  # vega leaves out a null
        for panel in _grouped(drawn, view.own_y_facets).values():
            top = max(abs(float(row[y["field"]])) for row in panel)
            for key, rows in _grouped(panel, [*view.facets, *series_fields]).items():
                values = [float(row[y["field"]]) for row in rows]
                low, high = min(values), max(values)
                if low > 0 and high / low >= ORDER_OF_MAGNITUDE and (high - low) < LEAST_SHARE_OF_AXIS * top:
                    name = ", ".join(f"{f}={v}" for f, v in zip([*view.facets, *series_fields], key)) or "the series"
                    problems.append(f"series {name} moves from {low:g} to {high:g} but spans "
                                    f"{(high - low) / top:.0%} of its axis ({_ids(rows)})")
    return problems


def views(spec: dict, datasets: dict | None = None, rows: list | None = None, facets: tuple = (),
          own_y: tuple = ()):
    """Every single view of a spec (layered, concatenated or faceted) as a :class:`View`."""
    datasets = spec.get("datasets", {}) if datasets is None else datasets
    rows = _rows(spec.get("data"), datasets, rows)
    if "facet" in spec:
        facet = spec["facet"]
        added = (facet["field"],) if "field" in facet else tuple(f["field"] for f in facet.values())
        independent = spec.get("resolve", {}).get("scale", {}).get("y") == "independent"
        facets, own_y = facets + added, own_y + (added if independent else ())
    for key in ("layer", "concat", "vconcat", "hconcat"):
        for child in spec.get(key, []):
            yield from views(child, datasets, rows, facets, own_y)
    if "spec" in spec:
        yield from views(spec["spec"], datasets, rows, facets, own_y)
    if "mark" in spec:
        yield View(spec, rows or [], facets, own_y)


def _rows(data: dict | None, datasets: dict, inherited: list | None) -> list | None:
    if not data:
        return inherited
    if "values" in data:
        return data["values"]
    return datasets.get(data.get("name"), inherited)


def _grouped(rows: list, fields) -> dict[tuple, list]:
    """Rows by their values of ``fields``."""
    grouped = defaultdict(list)
    for row in rows:
        grouped[tuple(row.get(f) for f in fields)].append(row)
    return grouped


def _band_axis(encoding: dict) -> str | None:
    """The axis a bar chart's bars stand on: the discrete one, with the other quantitative."""
    x, y = encoding.get("x", {}), encoding.get("y", {})
    if x.get("type") in DISCRETE and y.get("type") == "quantitative":
        return "x"
    if y.get("type") in DISCRETE and x.get("type") == "quantitative":
        return "y"
    return None


def _ids(rows: list) -> str:
    return ", ".join(sorted(str(row.get("id", row.get("observation_id", "?"))) for row in rows))
