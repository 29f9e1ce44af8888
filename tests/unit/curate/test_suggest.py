"""Indicators suggested for a drafted figure: the words of its clause, a partner or region it names
weighing heavily, a share toward a share."""

import pandas as pd
import pytest

from customs_facilitation.curate.suggest import IndicatorIndex, names, words
from customs_facilitation.data.package import load_package

INDICATORS = [  # (id, name, unit, topic), as indicators.csv names them
    ("goods_trade", "goods trade (imports plus exports)", "CNY", "trade_totals"),
    ("goods_trade_usd", "goods trade (imports plus exports) in US dollars", "USD", "trade_totals"),
    ("exports", "exports of goods", "CNY", "trade_totals"),
    ("imports", "imports of goods", "CNY", "trade_totals"),
    ("us_trade", "goods trade with the United States", "CNY", "trade_partners"),
    ("us_exports", "exports to the United States", "CNY", "trade_partners"),
    ("eu_trade", "goods trade with the European Union", "CNY", "trade_partners"),
    ("asean_trade", "goods trade with ASEAN", "CNY", "trade_partners"),
    ("belt_and_road_trade", "goods trade with Belt and Road partner countries", "CNY", "trade_partners"),
    ("asean_trade_share", "ASEAN's share of goods trade", "percent", "trade_partners"),
    ("eu_trade_share", "the European Union's share of goods trade", "percent", "trade_partners"),
    ("aeo_trade_share", "share of foreign trade handled by AEO enterprises", "percent", "aeo"),
    ("aeo_inspection_rate", "inspection rate of AEO enterprises", "percent", "aeo"),
    ("discredited_inspection_rate", "inspection rate of discredited enterprises", "percent", "aeo"),
]


@pytest.fixture
def index(tiny):
    tables = load_package(tiny)
    extra = pd.DataFrame([{"indicator_id": i, "name": n, "unit": u, "topic": t, "definition": n}
                          for i, n, u, t in INDICATORS])
    tables["indicators"] = pd.concat([tables["indicators"], extra], ignore_index=True)
    return IndicatorIndex(tables, tiny)


def _best(index, text, unit, own=""):
    found = index.suggest(text, unit, own=own)
    return found[0][0] if found else None


@pytest.mark.parametrize(("text", "unit", "expected"), [
    ("Trade with the EU was valued at", "CNY", "eu_trade"),
    ("Trade with the European Union reached", "CNY", "eu_trade"),
    ("Trade with the U.S. reached", "CNY", "us_trade"),
    ("Goods trade with the US came to", "CNY", "us_trade"),
    ("Exports to the United States fell to", "CNY", "us_exports"),
    ("Trade with ASEAN countries climbed to", "CNY", "asean_trade"),
    ("Trade with BRI partner economies totalled", "CNY", "belt_and_road_trade"),
    ("对欧盟进出口", "CNY", "eu_trade"),
    ("对美国贸易额", "CNY", "us_trade"),
    ("对东盟进出口", "CNY", "asean_trade"),
    ("与共建一带一路国家进出口", "CNY", "belt_and_road_trade"),
])
def test_a_partner_named_in_the_clause_finds_its_indicator(index, text, unit, expected):
    assert _best(index, text, unit) == expected


@pytest.mark.parametrize("text", [
    "Trade with ASEAN grew, making up   of all foreign trade handled through the year.",
    "with ASEAN representing   of the country's foreign trade",
    "ASEAN accounted for   of foreign trade",
    "东盟占我外贸总值的比重为",
])
def test_a_share_of_a_partner_finds_the_share_of_that_partner(index, text):
    (best, score), *others = index.suggest(text, "percent")
    assert best == "asean_trade_share" and score >= 0.5 > max((s for _, s in others), default=0)


def test_a_partner_not_named_is_no_suggestion_beside_the_one_named(index):
    found = [i for i, _ in index.suggest("Goods trade with ASEAN reached", "CNY", limit=10)]
    assert found[:2] == ["asean_trade", "goods_trade"]
    assert not {"eu_trade", "us_trade", "belt_and_road_trade"} & set(found)  # other partners: left out
    assert "eu_trade" in dict(index.suggest("Goods trade reached", "CNY", limit=10))


def test_each_item_of_a_list_read_respectively_finds_its_own_partner(index):
    words_ = "Over the period, trade with the EU, the U.S. and ASEAN was valued at , and , up , and respectively."
    assert [_best(index, words_, "CNY", own) for own in ("trade with the EU", "the U.S.", "ASEAN was valued at")] == [
        "eu_trade", "us_trade", "asean_trade"]
    both = "Exports and imports reached and , up and respectively."
    assert [_best(index, both, "CNY", own) for own in ("Exports", "imports reached")] == ["exports", "imports"]


def test_a_partners_growth_rate_is_no_inspection_rate(index):
    found = index.suggest("trade with the EU, with a growth rate of", None)
    assert found[0][0] == "eu_trade" and "discredited_inspection_rate" not in dict(found)
    assert "rate" not in words("growth rates of") and "rate" in words("inspection rate of")


def test_names_are_read_from_capitals_abbreviations_and_the_glossary():
    assert names("Trade with the EU and the U.S.; 对东盟") == [
        {"trade"}, {"european", "union"}, {"united", "state"}, {"asean", "东盟"}]
    assert names("Trade in US dollars and US$ rose") == [{"trade"}]  # a currency is no partner
    assert words("ASEAN's share") == {"asean", "share"} == words("ASEAN’s share")
