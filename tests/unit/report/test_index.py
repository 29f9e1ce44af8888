"""The index: the analysis first, the tour of the package as an appendix, each set's charts to download."""

import re
from pathlib import Path

import pandas as pd

from customs_facilitation.report.index import render_index
from customs_facilitation.report.inputs import Notebook, ParameterSet


def notebook(name, title):
    return Notebook(Path(f"notebooks/{name}.ipynb"), {}, title, frozenset())


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
