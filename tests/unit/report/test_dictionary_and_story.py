"""The data dictionary page and the index's story, from the data alone."""

import re

import pandas as pd

from customs_facilitation.data.schema import read_descriptor
from customs_facilitation.notebook.figures import load_figures
from customs_facilitation.report.dictionary import render_dictionary
from customs_facilitation.report.story import latest_figures, story_html, summary


def test_the_dictionary_holds_every_table_column_indicator_and_unit(tiny):
    page = render_dictionary(tiny, "abc123")
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    for resource in read_descriptor(tiny)["resources"]:
        assert f"table-{resource['name']}" in ids
        for field in resource["schema"]["fields"]:
            assert f"column-{resource['name']}-{field['name']}" in ids
    for indicator in ("repair_value", "trade_total", "cities"):
        assert f"indicator-{indicator}" in ids
    assert {"unit-CNY billion", "unit-count"} <= ids
    assert "value of repair trade" in page and "1,000,000,000,000" in page  # a definition; a factor in full
    assert "one of <code>official</code>, <code>state_media</code>" in page  # allowed values
    assert "the row&#x27;s unit" in page  # the unit datapackage.json declares for observations.value
    assert '<a href="#table-sources">sources</a>' in page  # a foreign key leads to its table
    assert page.count("<h1>") == 1 and "abc123" in page
    for href in re.findall(r'href="#([^"]+)"', page):
        assert href in ids, f"the link #{href} leads nowhere"


def test_the_latest_figure_is_the_latest_then_longest_then_most_reliable(tiny):
    figs = load_figures(data_dir=tiny)
    latest = latest_figures(figs, ["trade_total", "cities", "repair_value"])
    # trade_total: F01 (Jan-Jun 2025) and F03 (Apr-Jun 2025, no level): F01, the one with a level
    assert list(latest["observation_id"]) == ["F01", "F02", "S01"]
    longer = figs[figs["observation_id"] == "F01"].assign(observation_id="F08", period_start=pd.Period("2024-07", "M"))
    both = pd.concat([figs, longer])
    assert list(latest_figures(both, ["trade_total"])["observation_id"]) == ["F08"]
    official = longer.assign(observation_id="F09", source_id="paper-a", reliability=figs["reliability"].iloc[0])
    official["reliability"] = pd.Categorical(["official"], categories=figs["reliability"].cat.categories, ordered=True)
    assert list(latest_figures(pd.concat([both, official]), ["trade_total"])["observation_id"]) == ["F09"]
    assert latest_figures(figs, ["no_such_indicator"]).empty


def test_the_story_says_the_headline_figures_with_their_ids_and_sources(tiny):
    figs = load_figures(data_dir=tiny)
    figs.loc[figs["observation_id"] == "F01", "indicator_id"] = "goods_trade"
    figs.loc[figs["observation_id"] == "F02", "indicator_id"] = "special_operation_pilot_cities"
    text = summary(latest_figures(figs))
    assert text == ("In H1 2025 China's goods trade came to 21.79 trillion yuan (+2.9% year on year; F01). "
                    "The 2022 special operation on cross-border trade facilitation was piloted in "
                    "more than 10 cities (F02).")
    html = story_html(figs)
    assert '<a href="https://b.example/2">Blog B, 1 September 2025</a>' in html
    assert 'href="dictionary.html#indicator-goods_trade"' in html
    assert summary(latest_figures(figs.iloc[0:0])) == "No headline figure is curated yet."
