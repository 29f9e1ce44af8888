"""The index: the analysis first, the tour of the package as an appendix, each set's charts to download;
one index per language, each listing the sets written in it and linking the other."""

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.extract import extract_python

from customs_facilitation import language
from customs_facilitation.language import use
from customs_facilitation.notebook import words
from customs_facilitation.report import findings, index, story
from customs_facilitation.report.findings import strongest_html
from customs_facilitation.report.html import index_name
from customs_facilitation.report.index import editions, opening_set, render_index
from customs_facilitation.report.inputs import Notebook, ParameterSet, read_notebook
from customs_facilitation.report.layout import Layout

SOURCES = pd.DataFrame({"published_date": pd.to_datetime(["2025-07-14"]), "outlet": ["Paper A"],
                        "title": ["First report"], "url": [None], "reliability": ["official"]})
HEADING = "# The topic\n\nWhat the topic is."
TRANSLATED_HEADING = "# 主题\n\n主题是什么。"


def notebook(name, title):
    return Notebook(Path(f"notebooks/{name}.ipynb"), {}, title, frozenset())


def parameter_set(name, title, **parameters):
    return ParameterSet(Path(f"notebooks/params/{name}.yml"), title, "", parameters)


def test_the_report_opens_with_the_analysis_and_keeps_the_tour_as_an_appendix():
    notebooks = [notebook("00-start-here", "Start here"), notebook("01-topic", "The topic"),
                 notebook("02-more", "More")]
    sets = [ParameterSet(Path("notebooks/params/default.yml"), "Default", "", {})]
    sources = pd.DataFrame(columns=["published_date", "outlet", "title", "url", "reliability"])
    text = render_index(notebooks, sets, sources, "v1", charts={"default": [("01-x", "A chart")]})
    listed = re.findall(r'<li><a href="default/([^"]+)\.html">([^<]+)</a>', text)
    assert listed == [("01-topic", "The topic"), ("02-more", "More"), ("00-start-here", "Appendix: Start here")]
    assert re.findall(r'href="(default/charts/01-x\.\w+)" download', text) == [
        "default/charts/01-x.png", "default/charts/01-x.svg", "default/charts/01-x.csv"]
    assert "index.zh.html" not in text, "an English-only report links no Chinese index"


class Pseudo:
    """A catalog that translates every message (a pseudo-translation, '译〈message〉', or one of
    ``known``) and remembers which messages were asked for."""

    def __init__(self, known):
        self.known, self.asked = known, []
        self._catalog = type("Everything", (dict,), {"__contains__": lambda self, key: True})()

    def gettext(self, message):
        self.asked.append(message)
        return self.known.get(message, f"译〈{message}〉")


@pytest.fixture
def pseudo(monkeypatch):
    """Chinese messages without the catalog: the index's structure is tested, not its translation."""
    catalog = Pseudo({HEADING: TRANSLATED_HEADING})
    monkeypatch.setattr(language, "translations", lambda _language: catalog)
    return catalog


@pytest.fixture
def bilingual(tmp_path):
    """Two notebooks (the start-here one declares no language; the other does and is translated)
    and parameter sets in English and in Chinese."""
    cells = [{"cell_type": "markdown", "metadata": {}, "source": HEADING},
             {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": 'language = "en"\n',
              "outputs": [], "execution_count": None}]
    path = tmp_path / "01-topic.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    notebooks = [notebook("00-start-here", "Start here"), read_notebook(path)]
    sets = [parameter_set("default", "Full"), parameter_set("default-zh", "完整报告", language="zh"),
            parameter_set("end-2019", "As of 2019", as_of="2019-12-31"),
            parameter_set("press-zh", "发布会", as_of="2025-07-14", language="zh")]
    return notebooks, sets


def set_ids(page: str) -> list[str]:
    return re.findall(r'<section id="set-([^"]+)">', page)


def page_links(page: str) -> list[str]:
    return re.findall(r'<a href="([^"#]+/[^"#]+\.(?:html|csv))"', page)


def test_each_index_lists_the_sets_of_its_language_and_links_the_other(pseudo, bilingual):
    notebooks, sets = bilingual
    english = render_index(notebooks, sets, SOURCES, "v1", language="en")
    chinese = render_index(notebooks, sets, SOURCES, "v1", language="zh")
    assert english.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert chinese.startswith('<!DOCTYPE html>\n<html lang="zh-Hans">')
    assert set_ids(english) == ["default", "end-2019"]
    assert set_ids(chinese) == ["default-zh", "press-zh"]
    assert {link.split("/")[0] for link in page_links(english)} == {"default", "end-2019"}
    assert {link.split("/")[0] for link in page_links(chinese)} == {"default-zh", "press-zh"}
    assert '<a href="index.zh.html" hreflang="zh-Hans" lang="zh-Hans">中文版</a>' in english
    assert '<a href="index.html" hreflang="en" lang="en">English edition</a>' in chinese
    assert chinese.index('href="index.html"') < chinese.index("<h1>"), "the other edition is linked at the top"
    assert "index.html" not in english and "index.zh.html" not in chinese


def test_a_chinese_index_names_each_page_by_its_translated_heading_and_marks_an_english_page(pseudo, bilingual):
    notebooks, sets = bilingual
    chinese = render_index(notebooks, sets, SOURCES, "v1", language="zh")
    assert re.findall(r'<li><a href="default-zh/01-topic\.html">([^<]+)</a>', chinese) == ["主题"]
    start_here = re.findall(r'<li><a href="default-zh/00-start-here\.html" hreflang="en">(.*?)</a>', chinese)
    assert start_here == ['译〈Appendix: {title}〉'.format(title='译〈<code>00-start-here</code>, a page in English〉')]
    english = render_index(notebooks, sets, SOURCES, "v1", language="en")
    assert re.findall(r'<li><a href="default/01-topic\.html">([^<]+)</a>', english) == ["The topic"]


def test_every_page_an_index_links_is_a_page_of_the_layout_and_every_page_is_linked_once(pseudo, bilingual,
                                                                                           tmp_path):
    notebooks, sets = bilingual
    layout = Layout(tmp_path / "build")
    report = layout.index.parent
    csvs = {(s.name, nb.name) for s in sets for nb in notebooks if nb.name.startswith("01")}
    for written_in in editions(sets):
        page = render_index(notebooks, sets, SOURCES, "v1", csvs=csvs, language=written_in)
        mine = [s for s in sets if index.set_language(s) == written_in]
        pages = {layout.page(s.name, nb.name).relative_to(report).as_posix() for s in mine for nb in notebooks}
        figures = {layout.figures_csv(s, nb).relative_to(report).as_posix() for s, nb in csvs
                   if s in {m.name for m in mine}}
        links = page_links(page)
        assert sorted(link for link in links if link.endswith(".html")) == sorted(pages), written_in
        assert sorted(link for link in links if link.endswith(".csv")) == sorted(figures), written_in


def test_each_language_opens_with_its_default_set():
    sets = [parameter_set("default", "Full"), parameter_set("a-zh", "甲", language="zh"),
            parameter_set("default-zh", "完整", language="zh")]
    assert editions(sets) == ["en", "zh"] and editions(sets[:1]) == ["en"]
    assert opening_set(sets, "en") == "default" and opening_set(sets, "zh") == "default-zh"
    assert opening_set(sets[:2], "zh") == "a-zh"
    assert opening_set(sets[1:], "en") is None
    assert index_name("zh") == "index.zh.html"


def extracted() -> set[str]:
    """The messages Babel extracts from the modules that write the index (as ``make catalogs`` does)."""
    found = set()
    for module in (index, story, findings, words):
        with open(module.__file__, "rb") as source:
            found |= {message for _line, _function, message, _comments
                      in extract_python(source, {"_": None, "N_": None}, [], {}) if isinstance(message, str)}
    return found


def test_every_message_a_chinese_index_asks_for_is_one_babel_extracts(pseudo, bilingual):
    """A ``_()`` that Babel cannot see (inside an f-string's braces, or of a variable never marked)
    would reach the catalog untranslated: the Chinese build would fail on it."""
    notebooks, sets = bilingual
    rows = [{"parameter_set": "default-zh", "page": "01-topic", "statement": "结论。", "ids": "F01",
             "caveat": "说明", "kind": "pace", "outcome": ""}]
    charts = {"press-zh": [("c1", "图表")]}
    with use("zh"):
        render_index(notebooks, sets, SOURCES.assign(url=["https://a.example"]), "v1",
                     strongest_html(rows, "default-zh"), {("default-zh", "01-topic")}, charts, language="zh")
        render_index(notebooks, sets, SOURCES, "v1", language="zh")
    asked = set(pseudo.asked) - {HEADING}
    assert asked - extracted() == set()
    assert {"What the report finds", "Caveat: {caveat}.", "Download its charts ({count})", "no URL kept"} <= asked
