"""Rules every chart keeps, read from its vega-lite spec: what a reader sees must be what the data says.

:func:`stacked_repeats` finds bars that pile several rows onto one position without the chart
saying it adds them up: two readings of one figure drawn as one bar read as twice the figure.
"""

from __future__ import annotations

from collections import Counter

POSITION_CHANNELS = {"x": ("x", "xOffset"), "y": ("y", "yOffset")}
"""The channels that place a bar along its band, by the axis the bars stand on."""
FACET_CHANNELS = ("row", "column", "facet")
DISCRETE = {"nominal", "ordinal", "temporal"}
ADDS_UP = {"zero", "normalize", "center", True}
"""A ``stack`` a chart sets on purpose: it says its bars are parts that add up to a whole."""


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
    problems: list[str] = []
    for view, rows, facets in _views(spec, spec.get("datasets", {}), None):
        problems += _view_repeats(view, rows, facets)
    return problems


def _views(spec: dict, datasets: dict, rows: list | None, facets: tuple[str, ...] = ()):
    """Every single view of a spec (layered, concatenated or faceted), with the rows it draws and
    the fields of the facets it sits in."""
    rows = _rows(spec.get("data"), datasets, rows)
    if "facet" in spec:
        facet = spec["facet"]
        facets += (facet["field"],) if "field" in facet else tuple(f["field"] for f in facet.values())
    for key in ("layer", "concat", "vconcat", "hconcat"):
        for child in spec.get(key, []):
            yield from _views(child, datasets, rows, facets)
    if "spec" in spec:
        yield from _views(spec["spec"], datasets, rows, facets)
    if "mark" in spec:
        yield spec, rows or [], facets


def _rows(data: dict | None, datasets: dict, inherited: list | None) -> list | None:
    if not data:
        return inherited
    if "values" in data:
        return data["values"]
    return datasets.get(data.get("name"), inherited)


def _view_repeats(view: dict, rows: list, facets: tuple[str, ...]) -> list[str]:
    mark = view["mark"]["type"] if isinstance(view["mark"], dict) else view["mark"]
    if mark != "bar" or view.get("transform"):
        return []
    encoding = view.get("encoding", {})
    axis = _band_axis(encoding)
    if axis is None:
        return []
    value = encoding.get("y" if axis == "x" else "x", {})
    if "stack" in value and value["stack"] in ADDS_UP or value.get("aggregate") in {"sum", "count"}:
        return []
    channels = [c for c in (*POSITION_CHANNELS[axis], *FACET_CHANNELS) if "field" in encoding.get(c, {})]
    fields = [*facets, *(encoding[c]["field"] for c in channels)]
    positions = Counter(tuple(row.get(f) for f in fields) for row in rows)
    problems = []
    for position, count in positions.items():
        if count > 1:
            ids = sorted(str(row.get("id", row.get("observation_id", "?"))) for row in rows
                         if tuple(row.get(f) for f in fields) == position)
            where = ", ".join(f"{f}={v}" for f, v in zip(fields, position))
            problems.append(f"bar at {where} stacks {count} rows ({', '.join(ids)})")
    return problems


def _band_axis(encoding: dict) -> str | None:
    """The axis a bar chart's bars stand on: the discrete one, with the other quantitative."""
    x, y = encoding.get("x", {}), encoding.get("y", {})
    if x.get("type") in DISCRETE and y.get("type") == "quantitative":
        return "x"
    if y.get("type") in DISCRETE and x.get("type") == "quantitative":
        return "y"
    return None
