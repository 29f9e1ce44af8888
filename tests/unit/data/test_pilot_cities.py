"""Named pilot cities: keys and counts checked like the other tables, places found in GeoNames or refused."""

import pandas as pd
import pytest

from customs_facilitation import DataValidationError, load_package, load_pilot_cities, locate_cities

HEADER = "operation_year,city_en,city_zh,province_en,status,count_observation_id,source_id,locator,note,province_zh\n"


def with_cities(folder, rows: str):
    """The tiny package with F02 counting pilot cities (10 in 2022) and these named cities."""
    renamed = "special_operation_pilot_cities"
    for name, old, new in [("indicators.csv", "cities,pilot cities,count,", f"{renamed},pilot cities,count,"),
                           ("observations.csv", "F02,cities,", f"F02,{renamed},")]:
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    (folder / "pilot_cities.csv").write_text(HEADER + rows, encoding="utf-8")
    return folder


def problems_of(folder):
    with pytest.raises(DataValidationError) as caught:
        load_package(folder)
    return [str(p) for p in caught.value.problems]


def test_a_named_city_loads_typed_and_filtered_by_its_source(tiny):
    with_cities(tiny, "2022,Haikou,海口,Hainan,pilot,F02,blog-b,row F02,,海南\n")
    cities = load_pilot_cities(tiny)
    assert cities.loc[0, "operation_year"] == 2022 and cities.loc[0, "city_zh"] == "海口"
    assert load_pilot_cities(tiny, as_of="2025-08-31").empty  # blog-b was published on 1 September 2025
    assert load_pilot_cities(tiny, min_reliability="official").empty  # blog-b is rated low
    assert len(load_pilot_cities(tiny, min_reliability="low", as_of="2025-09-01")) == 1


@pytest.mark.parametrize("row, expected", [
    ("2022,Haikou,海口,Hainan,pilot,F01,blog-b,row F01,,海南",
     "column count_observation_id: 'F01' is not a count of pilot cities"),
    ("2023,Haikou,海口,Hainan,pilot,F02,blog-b,row F02,,海南", "counts the pilot cities of another year"),
    ("2022,Haikou,海口,Hainan,pilot,F99,blog-b,row F99,,海南",
     "column count_observation_id: 'F99' is not a observation_id"),
    ("2022,Haikou,海口,Hainan,pilot,F02,blog-x,row F02,,海南", "column source_id: 'blog-x' is not a source_id"),
    ("2022,Haikou,Haikou,Hainan,pilot,F02,blog-b,row F02,,海南", "column city_zh: 'Haikou' does not match the pattern"),
    ("2022,Haikou,海口,Hainan Island,pilot,F02,blog-b,row F02,,海南",
     "column province_en: 'Hainan Island' is not one of"),
    ("2022,Haikou,海口,Hainan,pilot,F02,blog-b,row F02,,", "column province_zh: '' is empty but required"),
    ("2022,Haikou,海口,Hainan,pilot,F02,blog-b,row F02,,海南\n2022,Haikou,海口,Hainan,pilot,F02,blog-b,row F02,,海南",
     "row 2 (line 3), column operation_year, city_en: '2022 | Haikou' duplicates the primary key"),
])
def test_a_broken_city_row_is_named_with_what_is_wrong(tiny, row, expected):
    found = problems_of(with_cities(tiny, row + "\n"))
    assert any("pilot_cities.csv row" in p and expected in p for p in found), "\n".join(found)


def test_a_year_cannot_name_more_cities_than_it_counts(tiny):
    eleven = "".join(f"2022,Town {name},{zh},Hainan,pilot,F02,blog-b,row F02,,海南\n"
                     for name, zh in zip("ABCDEFGHIJK", "一二三四五六七八九十百"))
    assert len(load_pilot_cities(with_cities(tiny, eleven))) == 11  # F02 is "more than 10"
    observations = tiny / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace(",at_least,blog-b,row F02,",
                                                                             ",exact,blog-b,row F02,"))
    found = problems_of(tiny)  # F02 now counts exactly 10
    assert sum("is a count smaller than the number of cities named for it" in p for p in found) == 11


def cities(*rows):
    return pd.DataFrame(rows, columns=["operation_year", "city_en", "city_zh", "province_en"])


def test_cities_are_placed_by_both_names_and_by_province():
    placed = locate_cities(cities((2024, "Suzhou", "苏州", "Jiangsu"), (2026, "Kunming", "昆明", "Yunnan"),
                                  (2026, "Jinhua", "金华", "Zhejiang"))).set_index("city_en")
    assert placed.loc["Suzhou", "geonameid"] == 1886760  # not Suzhou of Anhui (宿州), another place
    assert placed.loc["Kunming", "latitude"] == pytest.approx(25.04, abs=0.01)
    # Jinhua has a namesake in Yunnan; Kunming tells GeoNames' code for Yunnan, so Zhejiang's is the other
    assert placed.loc["Jinhua", "geonameid"] == 1805528


def test_a_city_not_found_or_left_ambiguous_is_refused_by_row():
    with pytest.raises(DataValidationError) as caught:
        locate_cities(cities((2026, "Atlantis", "亚特兰蒂斯", "Hainan"), (2026, "Jinhua", "金华", "Zhejiang")))
    found = [str(p) for p in caught.value.problems]
    assert any("row 1 (line 2), column city_en" in p and "not found in GeoNames" in p for p in found), found
    # alone, Jinhua matches a place in Zhejiang and one in Yunnan: nothing tells them apart
    assert any("row 2 (line 3)" in p and "matches 2 GeoNames places" in p for p in found), found
