"""A chart's data is JSON: a missing value in a column of mixed objects is a null, not NaN."""

import json

import altair as alt
import pandas as pd

from customs_facilitation.notebook import charts


def test_a_frame_joined_from_two_with_different_columns_charts_as_json():
    points = pd.DataFrame({"date": ["2018-12-31"], "value": [42.5], "derived from": pd.Series([""], dtype=object)})
    marks = pd.DataFrame({"date": ["2018-12-31"], "value": [65.0], "by": ["end of 2018"]})
    joined = pd.concat([points, marks])
    assert joined["derived from"].dtype == object and joined["derived from"].isna().any()
    charts.enable()
    spec = alt.Chart(joined).mark_point().encode(x="date:T", y="value:Q").to_dict()
    rows = next(iter(spec["datasets"].values()))
    json.dumps(spec, allow_nan=False)  # raises ValueError on a NaN
    assert [row["derived from"] for row in rows] == ["", None]
