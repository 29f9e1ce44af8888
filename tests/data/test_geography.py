"""Every named pilot city is found in GeoNames and lands on China's outline as drawn on the map."""

import math

from customs_facilitation import load_china_outline, load_pilot_cities, locate_cities

NEAR_DEGREES = 0.5
"""How far outside the 1:110m coastline a coastal city may fall (Dalian and Zhuhai sit on capes it smooths away)."""


def rings(features):
    for feature in features:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        yield from (polygon[0] for polygon in polygons)


def inside(x, y, ring):
    crossings = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            crossings += 1
    return crossings % 2 == 1


def distance_to_edge(x, y, ring):
    best = math.inf
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        dx, dy = x2 - x1, y2 - y1
        t = 0 if dx == dy == 0 else max(0, min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)))
    return best


def test_every_named_city_is_placed_on_the_outline():
    features, provenance = load_china_outline()
    outline = list(rings(features))
    cities = load_pilot_cities()
    located = locate_cities(cities)
    assert len(located) == len(cities) > 0 and located["geonameid"].notna().all()
    off = [r.city_en for r in located.itertuples()
           if not any(inside(r.longitude, r.latitude, ring) for ring in outline)
           and min(distance_to_edge(r.longitude, r.latitude, ring) for ring in outline) > NEAR_DEGREES]
    assert not off, f"placed off China's outline: {off}"
    assert provenance["sha256"] and "Natural Earth" in provenance["producer"]


def test_a_city_named_in_several_years_is_one_place():
    located = locate_cities(load_pilot_cities())
    places = located.groupby("city_en")["geonameid"].nunique()
    assert (places == 1).all()
    assert located.loc[located["city_en"] == "Beijing", "operation_year"].tolist() == [2024, 2025]
