"""Drafts from a press release: each figure nearly final (level and change paired, period, basis,
qualifier, unit, indicator, id), what is curated already offered as an upgrade, what is no figure
drafted as an exclusion, and what the curator must still decide said row by row."""

import csv
import io
import json
from datetime import date

import pytest

from customs_facilitation.curate.drafts import draft_rows
from tests.unit.conftest import SNAPSHOT

NEW_LINE = "上半年保税维修出口2570.1亿元，同比增长3.1%；另有约1,200家企业参与。\n"


def _observation_columns(data_dir) -> list[str]:
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    observations = next(r for r in descriptor["resources"] if r["name"] == "observations")
    return [field["name"] for field in observations["schema"]["fields"]]


def _rows(tiny, text, source="paper-a", published=None) -> list[dict]:
    return draft_rows(text, source, tiny, published).to_dict("records")


def test_a_fully_curated_text_drafts_nothing_in_the_draft_columns(tiny):
    rows = draft_rows(SNAPSHOT, "paper-a", tiny)
    assert rows.empty
    assert list(rows.columns) == ["action", "decide", *_observation_columns(tiny), "reason", "sentence"]


def test_a_new_figure_is_drafted_nearly_final(tiny):
    first, second = _rows(tiny, SNAPSHOT + NEW_LINE)
    assert {k: v for k, v in first.items() if k not in ("decide", "indicator_id", "sentence")} == {
        "action": "add", "observation_id": "T01", "period_start": "2025-01", "period_end": "2025-06",
        "value": "257.01", "unit": "CNY billion", "change": "3.1", "change_unit": "percent",
        "change_basis": "year_on_year", "qualifier": "exact", "source_id": "paper-a", "locator": "paragraph 3",
        "value_as_published": "2570.1亿元", "change_as_published": "3.1%", "checked": "text_held", "note": "",
        "note_zh": "", "reason": ""}
    assert (first["indicator_id"], first["decide"]) == ("repair_value", "indicator_id: repair_value?")
    assert first["sentence"] == "上半年保税维修出口2570.1亿元，同比增长3.1%；"
    assert (second["observation_id"], second["value"], second["unit"], second["qualifier"]) == (
        "T02", "1200", "count", "about")
    assert (second["period_start"], second["period_end"]) == ("2025-01", "2025-06")  # the paragraph's first half
    assert second["decide"] == "indicator_id: none suggested; choose one of indicators.csv, or add one"


@pytest.mark.parametrize("text", [
    "Exports rose 6.1% to RMB 26.99 billion, and imports rose 0.5% to RMB 18.48 billion.\n",
    "Exports were RMB 26.99 billion, up 6.1%, while imports totaled RMB 18.48 billion, up 0.5%.\n",
    "出口269.9亿元，同比增长6.1%；进口增长0.5%，达到184.8亿元。\n",
    "出口、进口分别为269.9亿元和184.8亿元，分别增长6.1%和0.5%。\n",
])
def test_each_change_is_drafted_with_its_own_level_in_either_order(tiny, text):
    rows = _rows(tiny, SNAPSHOT + text)
    assert [(r["value"], r["change"]) for r in rows if r["action"] == "add"] == [("26.99", "6.1"), ("18.48", "0.5")]


@pytest.mark.parametrize(("line", "fields"), [
    ("Trade reached CNY45.47 Trillion in the first half.\n", {"value": "45.47", "unit": "CNY trillion"}),
    ("More than 1,200 firms joined in the first half.\n", {"value": "1200", "qualifier": "at_least"}),
    ("超过1200家企业参与。\n", {"qualifier": "at_least"}),
    ("Imports fell 2.7 percent year on year in June.\n",
     {"change": "-2.7", "change_basis": "year_on_year", "period_start": "2025-06", "period_end": "2025-06"}),
    ("据初步统计，上半年跨境电商进出口1.32万亿元。\n", {"qualifier": "preliminary"}),
    ("Clearance took less than 36.7 billion yuan last year.\n",
     {"qualifier": "", "period_start": "2024-01", "period_end": "2024-12"}),
])
def test_drafted_fields(tiny, line, fields):
    (row,) = [r for r in _rows(tiny, SNAPSHOT + line) if r["action"] == "add"]
    assert {field: row[field] for field in fields} == fields


def test_what_is_left_to_decide_is_said_in_the_row(tiny):
    (row,) = _rows(tiny, SNAPSHOT + "Clearance cost less than 36.7 billion yuan.\n")
    assert "qualifier: published as at most this" in row["decide"]
    assert "period: no words name it; the page's month is proposed" in row["decide"]
    assert (row["period_start"], row["period_end"]) == ("2025-07", "2025-07")
    (row,) = _rows(tiny, SNAPSHOT + "Exports were HK$388.4 billion in the first half.\n")
    assert (row["value"], row["unit"]) == ("388400000000", "")
    assert "unit: no unit of units.csv is in HKD; to keep the figure add one to units.csv, or make the row an " \
           "exclusion (action exclude, reason not_tracked" in row["decide"]
    (row,) = _rows(tiny, SNAPSHOT + "Fees were 500 yuan in the first half.\n")  # below CNY billion: no unit fits
    assert (row["value"], row["unit"]) == ("500", "")
    assert "unit: the units of units.csv in CNY (CNY billion, CNY trillion) are all larger than this value; add a " \
           "smaller one to units.csv, or make the row an exclusion" in row["decide"]


def test_a_number_in_percentage_points_standing_alone_says_what_to_do(tiny):
    (row,) = _rows(tiny, SNAPSHOT + "In June the pace quickened by nearly two percentage points.\n")
    assert (row["value"], row["unit"], row["value_as_published"]) == ("2", "", "two percentage points")
    assert "unit: no unit of units.csv is in percentage points, which measure a change of a rate, not a level: put " \
           "it as the change (change_unit percentage_points) of its rate's row, or make the row an exclusion " \
           "(action exclude, reason not_tracked, a note in your words on what it is)" in row["decide"]
    assert "at this scale" not in row["decide"]


PARTNERS = """goods_trade,goods trade (imports plus exports),CNY,trade_totals,all goods trade,货物贸易,货物贸易进出口值
eu_trade,goods trade with the European Union,CNY,trade_partners,goods trade with the European Union,中欧贸易,\
中国与欧盟的货物贸易值
us_trade,goods trade with the United States,CNY,trade_partners,goods trade with the United States,中美贸易,\
中国与美国的货物贸易值
asean_trade,goods trade with ASEAN,CNY,trade_partners,goods trade with ASEAN,中国与东盟贸易,中国与东盟的货物贸易值
asean_trade_share,ASEAN's share of goods trade,percent,trade_partners,ASEAN's share of all goods trade,\
东盟占外贸比重,中国与东盟贸易占货物贸易总值的比重
aeo_trade_share,share of foreign trade handled by AEO enterprises,percent,aeo,trade of AEO enterprises,\
AEO企业外贸占比,AEO企业进出口占外贸总值的比重
aeo_inspection_rate,inspection rate of AEO enterprises,percent,aeo,inspections of AEO enterprises,AEO企业查验率,\
AEO企业进出口货物的查验比例
"""


def test_a_list_of_partners_read_respectively_drafts_each_partner_with_its_level_and_change(tiny):
    with (tiny / "indicators.csv").open("a", encoding="utf-8") as indicators:
        indicators.write(PARTNERS)
    with (tiny / "units.csv").open("a", encoding="utf-8") as units:
        units.write("percent,percent,1,a percentage,{}%\n")
    text = SNAPSHOT + (
        "In the first half, trade with ASEAN stood at 3.1 trillion yuan, up 5.5 percent, accounting for 15.5 percent "
        "of all foreign trade. Over the same months, trade with the EU, the U.S. and Ruritania was valued at 2.8 "
        "trillion yuan, 2.3 trillion yuan and 0.4 trillion yuan, with growth rates of 1.5 percent, 2.5 percent and "
        "3.5 percent, respectively.\n")
    rows = [(r["indicator_id"], r["value"], r["unit"], r["change"], r["period_start"], r["period_end"])
            for r in _rows(tiny, text) if r["action"] == "add"]
    assert rows[:4] == [("asean_trade", "3.1", "CNY trillion", "5.5", "2025-01", "2025-06"),
                        ("asean_trade_share", "15.5", "percent", "", "2025-01", "2025-06"),
                        ("eu_trade", "2.8", "CNY trillion", "1.5", "2025-01", "2025-06"),
                        ("us_trade", "2.3", "CNY trillion", "2.5", "2025-01", "2025-06")]
    assert rows[4][1:] == ("0.4", "CNY trillion", "3.5", "2025-01", "2025-06")
    assert rows[4][0] not in {"asean_trade", "eu_trade", "us_trade"}  # a partner no indicator holds


def test_lists_of_different_lengths_are_left_for_the_curator_to_pair(tiny):
    rows = _rows(tiny, SNAPSHOT + "In the first half, trade with three partners was 2.8 trillion yuan, 2.3 trillion "
                                  "yuan and 0.4 trillion yuan, rising by 1.5 and 2.5 percent, respectively.\n")
    assert [(r["value"], r["change"]) for r in rows] == [("2.8", ""), ("2.3", ""), ("0.4", ""), ("", "1.5"),
                                                         ("", "2.5")]
    assert all('pair: the sentence lists 3 levels and 2 changes "respectively", so none of them was paired; where '
               "a change belongs to a level, fill the level's row with it and skip the change's own row" in r["decide"]
               for r in rows)


def test_a_basis_not_written_is_read_from_the_paragraph_or_as_year_on_year(tiny):
    rows = _rows(tiny, SNAPSHOT + "上半年出口269.9亿元，同比增长6.1%；进口184.8亿元，增长0.5%。\n"
                 "Imports fell 2.7% in the first half.\n")
    assert [r["change_basis"] for r in rows] == ["year_on_year"] * 3
    assert rows[1]["note"] == "the basis is not written beside the change; read from the paragraph's earlier change"
    assert rows[2]["note"] == "the basis is not written; read as year on year, as customs releases compare"
    assert [r["note_zh"] for r in rows] == [""] * 3  # the curator writes each note in Chinese; accept asks for it


def test_a_curated_figure_of_the_source_period_and_value_is_offered_as_an_upgrade(tiny):
    text = "In the first half, trade rose 2.9% to 21.79 trillion yuan.\n"
    (row,) = _rows(tiny, text, "blog-b", date(2025, 9, 1))
    assert {k: row[k] for k in ("action", "decide", "observation_id", "locator", "value_as_published",
                                "change_as_published", "checked", "indicator_id", "period_start")} == {
        "action": "upgrade", "decide": "", "observation_id": "F01", "locator": "paragraph 1",
        "value_as_published": "21.79 trillion yuan", "change_as_published": "2.9%", "checked": "text_held",
        "indicator_id": "trade_total", "period_start": "2025-01"}


def test_the_same_value_in_another_period_or_source_is_another_figure(tiny):
    other_period = _rows(tiny, "In 2024, trade rose 2.9% to 21.79 trillion yuan.\n", "blog-b", date(2025, 9, 1))[0]
    assert other_period["action"] == "add" and other_period["observation_id"] == "T01"
    assert "F01 of this source has the same value in another period" in other_period["decide"]
    other_source = _rows(tiny, SNAPSHOT + "In the first half, trade rose 2.9% to 21.79 trillion yuan.\n")[0]
    assert other_source["action"] == "add" and "F01" not in other_source["decide"]


def test_a_figure_given_again_is_drafted_as_an_exclusion(tiny):
    rows = _rows(tiny, "Trade Grew 2.9%\nIn the first half, trade rose 2.9% to 21.79 trillion yuan.\n"
                       "Repair trade was RMB 256.99 billion in the first half.\n", "blog-b", date(2025, 9, 1))
    headline = rows[0]
    assert (headline["action"], headline["reason"], headline["locator"], headline["change_as_published"]) == (
        "exclude", "not_tracked", "paragraph 1", "2.9%")
    assert headline["note"] == "repeats 2.9% + 21.79 trillion yuan of paragraph 2"
    assert headline["decide"].startswith("the same figure as")  # a change alone may be another's equal change
    assert [r["action"] for r in rows[1:]] == ["upgrade", "add"]


def test_numbers_that_are_no_figures_are_drafted_as_exclusions(tiny):
    rows = _rows(tiny, SNAPSHOT + "On 14 July 2025 at 10:30, 42 ports joined. Trade has grown for nine years in a "
                                  "row. 过去五年，年均进出口1200家。\n")
    excluded = {(r["reason"], r["locator"], r["value_as_published"]) for r in rows if r["action"] == "exclude"}
    assert excluded == {("date", "", ""), ("time", "", ""), ("not_tracked", "paragraph 3", "nine years"),
                        ("not_tracked", "paragraph 3", "五年")}
    assert all(r["decide"] == "" and r["note"] for r in rows if r["action"] == "exclude")
    averaged = next(r for r in rows if r["value_as_published"] == "1200家")
    assert (averaged["period_start"], averaged["period_end"], averaged["note"]) == (
        "2020-01", "2024-12", "a yearly average over the period")


def test_excluded_and_curated_numbers_are_not_drafted(tiny):
    (tiny / "claim_exclusions.csv").write_text(
        "source_id,paragraph,text,reason,note\npaper-a,3,42,not_tracked,ports are not an indicator here\n"
        "paper-a,,,date,the dates\n", encoding="utf-8")
    assert draft_rows(SNAPSHOT + "On 14 July 2025, 42 ports joined.\n", "paper-a", tiny).empty


def test_claims_draft_command_writes_the_draft(tiny, tmp_path, cli):
    release = tmp_path / "release.txt"
    release.write_text(SNAPSHOT + NEW_LINE, encoding="utf-8")
    out = tmp_path / "draft.csv"
    run = ["claims", release, "--data-dir", tiny, "--draft"]
    result = cli(*run, "--source", "paper-a", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "2 draft rows for paper-a: 2 to add, 0 upgrades of curated figures, 0 to exclude; 2 with something " \
           "to decide" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["value_as_published"] for r in rows] == ["2570.1亿元", "1,200家"]
    dated = cli(*run, "--source", "paper-a", "--published", "2026-01-14")
    assert dated.returncode == 0 and ",2025-01,2025-06," in dated.stdout
    assert cli(*run, "--source", "paper-a", "--published", "14 Jan").returncode == 2
    unknown = cli(*run, "--source", "not-yet")
    assert unknown.returncode == 0 and "not-yet is not in sources.csv yet" in unknown.stderr
    missing = cli(*run)
    assert missing.returncode == 2 and "needs --source" in missing.stderr
