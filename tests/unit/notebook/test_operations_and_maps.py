"""The operations year by year, a recurring count's meanings, and the offline maps, on tiny inline figures."""

import json

import pandas as pd

from customs_facilitation.notebook import Page, maps, operations, words


def figs(*rows):
    """Figures as a page holds them: (id, indicator, start, end, value, note, outlet, reliability)."""
    frame = pd.DataFrame(rows, columns=["observation_id", "indicator_id", "period_start", "period_end", "value", "note",
                                        "outlet", "reliability"])
    for column in ("period_start", "period_end"):
        frame[column] = frame[column].map(lambda m: pd.Period(m, "M"))
    names = {"special_operation_measures": "measures of the special operation",
             "special_operation_measures_replicated": "measures extended nationwide",
             "special_operation_pilot_cities": "pilot cities"}
    return frame.assign(name=frame["indicator_id"].map(names), unit="count", published_date=pd.Timestamp("2026-01-01"),
                        reliability=pd.Categorical(frame["reliability"], ["low", "secondary", "repost", "state_media",
                                                                          "official"], ordered=True))


FIGS = figs(
    ("F28", "special_operation_pilot_cities", "2024-01", "2024-12", 20.0, "another page dates the launch to March",
     "blog", "low"),
    ("G45", "special_operation_pilot_cities", "2024-04", "2024-04", 20.0, None, "GACC letter", "repost"),
    ("G47", "special_operation_measures", "2024-04", "2024-04", 32.0, None, "GACC letter", "repost"),
    ("G48", "special_operation_measures_replicated", "2025-01", "2025-12", 29.0, "of the 2024 measures",
     "GACC letter", "repost"),
    ("G52", "special_operation_measures", "2025-04", "2025-04", 29.0, "the 2025 operation's own", "Xinhua",
     "state_media"),
    ("X01", "special_operation_pilot_cities", "2025-04", "2025-04", 26.0, None, "blog", "low"),
    ("F24", "special_operation_pilot_cities", "2025-04", "2025-04", 25.0, None, "Xinhua", "state_media"),
    ("G61", "special_operation_reform_measures_cumulative", "2018-01", "2024-12", 115.0, None, "Xinhua",
     "state_media"),
)


def test_measures_extended_nationwide_count_under_the_operation_that_piloted_them():
    yearly = operations.yearly_figures(FIGS).set_index("observation_id")
    assert yearly.loc["G48", "operation_year"] == 2024 and yearly.loc["G52", "operation_year"] == 2025
    assert "G61" not in yearly.index  # a running total is no single operation's figure


def test_each_year_shows_every_value_with_its_ids_and_says_what_is_missing():
    table = operations.by_year(FIGS, 2023, 2025).set_index("year")
    assert table.loc["2023", "launched"] == "no curated figure"
    assert table.loc["2024", "launched"] == "April 2024"
    assert table.loc["2024", "pilot cities"] == "20 (F28, G45)"  # two sources, one value
    assert table.loc["2025", "pilot cities"] == "25 (F24); 26 (X01)"  # two values: both stand
    assert table.loc["2024", "measures extended nationwide (decided the year after)"] == "29 (G48)"
    assert "key tasks" not in table.columns  # no figure in any year
    assert "G61" not in table.loc["2024", "id"]


def test_a_recurring_count_is_told_apart_by_year_and_by_what_it_counts():
    assert operations.recurring_values(FIGS) == [29.0]
    meanings = operations.meanings_of(FIGS, 29)
    assert len(meanings) == 2
    assert meanings[0].startswith("**2024 operation**: measures extended nationwide, dated 2025 (G48)")
    assert meanings[1].startswith("**2025 operation**: measures of the special operation, dated April 2025 (G52)")


def test_glance_and_launch_notes_come_from_the_data():
    glance = operations.operation_at_a_glance(FIGS, 2025)
    assert glance.startswith("The 2025 operation, launched in April 2025:")
    assert "**25** pilot cities (Xinhua, 1 January 2026, F24)" in glance  # the more reliable of 25 and 26
    assert operations.operation_at_a_glance(FIGS, 2019) == "No curated figure on the 2019 special operation was " \
                                                           "published by then."
    assert operations.launch_notes(FIGS) == [
        "2024: F28 (blog, rated low) is dated to the whole year; its note: *another page dates the launch to March*"]


def test_yearly_series_keeps_the_most_reliable_source_and_names_the_others():
    points = operations.yearly_series(FIGS, ["special_operation_pilot_cities", "special_operation_measures"])
    assert list(dict.fromkeys(points["indicator"])) == ["pilot cities", "measures of the special operation"]
    cities_2024 = points[(points["year"] == "2024") & (points["indicator"] == "pilot cities")]
    assert cities_2024[["id", "also"]].values.tolist() == [["G45", "F28"]]  # repost ranks above low
    cities_2025 = points[(points["year"] == "2025") & (points["indicator"] == "pilot cities")]
    # two sources disagree: one bar, the more reliable value, the other reading named with its value
    assert cities_2025[["id", "value", "also"]].values.tolist() == [["F24", 25.0, "X01 (26 count)"]]


def test_naming_sentences_say_how_much_of_a_year_is_named():
    naming = pd.DataFrame({"operation_year": [2024, 2025, 2026], "status": ["pilot", "pilot", "new_in_year"],
                           "named": [20, 4, 13], "of": [20.0, 25.0, float("nan")], "count_id": ["G45", "F24", ""],
                           "share_named": [100.0, 16.0, float("nan")]})
    lines = operations.naming_sentences(naming)
    assert lines[0] == "2024: all 20 pilot cities named (G45)."
    assert lines[1].startswith("2025: 4 of the 25 pilot cities named (F24), 16 percent (derived by us)")
    assert lines[2] == "2026: 13 cities new that year named; no count of them qualifies here."
    assert [maps.naming_title(r) for r in naming.itertuples()][1:] == [
        "2025: 4 of 25 pilot cities named (F24)", "2026: 13 of an uncounted number of cities new that year named"]


def test_the_map_carries_its_outline_once_and_each_city_with_its_source():
    square = [[[100, 20], [120, 20], [120, 40], [100, 40], [100, 20]]]
    outline = [{"type": "Feature", "id": "1", "properties": {"name": "Square"},
                "geometry": {"type": "Polygon", "coordinates": square}}]
    located = pd.DataFrame({"operation_year": [2024, 2025], "city_en": ["Beijing", "Tianjin"],
                            "city_zh": ["北京", "天津"], "province_en": ["Beijing", "Tianjin"],
                            "status": ["pilot", "pilot"], "count_observation_id": ["G45", "F24"],
                            "source_id": ["gacc-letter", "xinhua"], "latitude": [39.9, 39.1],
                            "longitude": [116.4, 117.2]})
    naming = pd.DataFrame({"operation_year": [2024, 2025], "status": ["pilot", "pilot"], "named": [1, 1],
                           "of": [20.0, 25.0], "count_id": ["G45", "F24"], "share_named": [5.0, 4.0]})
    spec = maps.pilot_city_maps(located, naming, outline).to_dict()
    assert len(spec["hconcat"]) == 2
    datasets = spec["datasets"].values()
    assert sum(1 for rows in datasets if any(row.get("name") == "Square" for row in rows)) == 1
    points = [row for rows in datasets for row in rows if "city" in row]
    assert {(p["city"], p["chinese"], p["id"], p["source_id"]) for p in points} == {
        ("Beijing", "北京", "G45", "gacc-letter"), ("Tianjin", "天津", "F24", "xinhua")}
    assert "Beijing" not in json.dumps(spec["hconcat"][1])  # each map shows its own year only


def test_a_page_lists_the_source_of_what_it_names_besides_figures(tiny):
    page = Page.open("", "low", data_dir=tiny)
    page.table(pd.DataFrame({"city_en": ["Haikou"], "source_id": ["blog-b"]}))
    assert page.shown == set() and list(page.cited_sources()["source"]) == ["blog-b"]


def test_a_source_without_a_date_says_so():
    assert words.date(pd.NaT) == "date not shown"
    assert words.change(6, "percent", "quarter_on_quarter") == "+6% quarter on quarter"
