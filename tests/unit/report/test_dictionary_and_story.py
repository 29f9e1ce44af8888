"""The data dictionary page (a bilingual glossary) and the index's story, from the data alone."""

import html
import re

import pandas as pd
from babel.messages.extract import extract_python

from customs_facilitation import language
from customs_facilitation.data.load import load_indicators, load_units
from customs_facilitation.data.schema import read_descriptor
from customs_facilitation.language import use
from customs_facilitation.notebook import words
from customs_facilitation.notebook.figures import load_figures
from customs_facilitation.report import story as story_module
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


def test_the_glossary_holds_every_indicator_in_both_languages():
    """On the curated data: each indicator's Chinese name and definition marked Chinese on an English
    page, each unit's Chinese pattern, and every internal link leading somewhere."""
    page = render_dictionary(version_of_data="v1", editions=("en", "zh"))
    indicators, units = load_indicators(), load_units()
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    chinese_cells = set(re.findall(r'<br><span lang="zh-Hans">([^<]*)</span></td>', page))
    for row in indicators.itertuples():
        assert {html.escape(row.name_zh), html.escape(row.definition_zh)} <= chinese_cells, row.indicator_id
        assert html.escape(row.name) in page and html.escape(row.definition) in page
    for pattern in units["pattern_zh"]:
        assert f'<code lang="zh-Hans">{html.escape(pattern)}</code>' in page
    assert '<a href="index.zh.html" lang="zh-Hans">' in page and '<a href="index.html">' in page
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    for href in re.findall(r'href="#([^"]+)"', page):
        assert href in ids, f"the link #{href} leads nowhere"
    with use("zh"):
        assert render_dictionary(version_of_data="v1", editions=("en", "zh")) == page  # English whatever is current


def test_the_chinese_terms_lead_to_every_indicator_once_in_the_order_of_the_chinese_names():
    page = render_dictionary()
    indicators = load_indicators()
    section = re.search(r'<section id="chinese-terms">(.*?)</section>', page, re.DOTALL).group(1)
    linked = re.findall(r'<a href="#indicator-([^"]+)" lang="zh-Hans">([^<]*)</a>', section)
    assert sorted(i for i, _name in linked) == sorted(indicators["indicator_id"])  # each once
    name_zh = dict(zip(indicators["indicator_id"], indicators["name_zh"]))
    assert all(html.unescape(name) == name_zh[i] for i, name in linked)
    keys = [name_zh[i].lstrip("“‘《「\"'") for i, _name in linked]
    assert keys == sorted(keys)
    assert '<a href="#chinese-terms">' in page  # the contents lead to it


class Pseudo:
    """A catalog that translates every message ('译〈message〉') and remembers what was asked."""

    def __init__(self):
        self.asked = []
        self._catalog = type("Everything", (dict,), {"__contains__": lambda self, key: True})()

    def gettext(self, message):
        self.asked.append(message)
        return f"译〈{message}〉"


def test_the_chinese_story_names_each_indicator_in_chinese_and_says_nothing_in_english(monkeypatch):
    catalog = Pseudo()
    monkeypatch.setattr(language, "translations", lambda _language: catalog)
    with use("zh"):
        figs = load_figures()
        page = story_html(figs)
        latest = latest_figures(figs)
    name_zh = load_indicators().set_index("indicator_id")["name_zh"]
    named = re.findall(r'<a href="dictionary\.html#indicator-([^"]+)">([^<]*)</a>', page)
    assert named and [(i, html.unescape(n)) for i, n in named] == [(i, name_zh[i]) for i in latest["indicator_id"]]
    said = html.unescape(re.search(r"<p>(.*?)</p>", page, re.DOTALL).group(1))
    # every sentence is a translated message, joined without spaces; only ids are left in Latin letters
    assert said.startswith("译〈") and "〉 译〈" not in said
    leftover = said
    while "〈" in leftover:  # take out each translated message, innermost first
        leftover = re.sub(r"译〈[^〈〉]*〉", "", leftover)
    assert not re.search(r"[A-Za-z]{2,}", re.sub(r"\b[A-Z][0-9]+\b", "", leftover)), leftover
    with open(story_module.__file__, "rb") as source:
        marked = {m for _l, _f, m, _c in extract_python(source, {"_": None, "N_": None}, [], {}) if isinstance(m, str)}
    with open(words.__file__, "rb") as source:
        marked |= {m for _l, _f, m, _c in extract_python(source, {"_": None, "N_": None}, [], {}) if isinstance(m, str)}
    assert set(catalog.asked) - marked == set()
