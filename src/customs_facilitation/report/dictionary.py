"""The report's data dictionary page, generated from ``datapackage.json``: every table and column
with its type, unit, allowed values and keys; every indicator with its definition and unit; the
units. Pages link an indicator to its row here (``dictionary.html#indicator-ID``).

It is also the report's bilingual glossary: each indicator's English and Chinese name and
definition side by side, each unit's Chinese pattern, and a list of every Chinese term leading
to its indicator, so a reader of either edition finds the other's term. The page is English
(``lang="en"``); every Chinese text on it is marked ``lang="zh-Hans"``.
"""

from __future__ import annotations

import html

import pandas as pd

from ..data.load import load_indicators, load_observations, load_units
from ..data.schema import read_descriptor
from ..language import HTML_LANG, use
from ..notebook import words
from ..notebook.table_html import INDICATOR_ANCHOR
from ..paths import resolve_data_dir
from .assets import site_css
from .html import index_name

e = html.escape
ZH = HTML_LANG["zh"]
CHINESE_TERMS = "chinese-terms"
"""The id of the list of Chinese terms."""
REPORT_LINKS = {"en": "&larr; the report", "zh": "&larr; 报告（中文版）"}
"""The link back to each edition's index, in its language."""


def chinese(text: str) -> str:
    """Chinese text in a span that says so (the page is English).

    >>> chinese("指标")
    '<span lang="zh-Hans">指标</span>'
    """
    return f'<span lang="{ZH}">{e(text)}</span>'


def allowed_values(field: dict) -> str:
    """A field's constraints in words (HTML): required, allowed values, pattern, minimum, format.

    >>> allowed_values({"type": "number", "constraints": {"required": True, "minimum": 0}})
    'required; at least 0'
    >>> allowed_values({"type": "string", "constraints": {"enum": ["a", "b"]}})
    'one of <code>a</code>, <code>b</code>'
    """
    constraints = field.get("constraints", {})
    said = ["required"] if constraints.get("required") else []
    if "enum" in constraints:
        said.append("one of " + ", ".join(f"<code>{e(str(v))}</code>" for v in constraints["enum"]))
    if "pattern" in constraints:
        said.append(f"matching <code>{e(constraints['pattern'])}</code>")
    if "minimum" in constraints:
        said.append(f"at least {e(str(constraints['minimum']))}")
    if "format" in field and field["format"] != "default":
        said.append(f"written <code>{e(field['format'])}</code>")
    return "; ".join(said)


def _keys(resource: dict) -> str:
    """A table's primary key and foreign keys, with links to the tables they point to."""
    schema = resource["schema"]
    said = [f"Key: {', '.join(f'<code>{e(k)}</code>' for k in schema.get('primaryKey', []))} (unique, never empty)."]
    for key in schema.get("foreignKeys", []):
        fields = key["fields"] if isinstance(key["fields"], list) else [key["fields"]]
        target = key["reference"]
        table = target.get("resource") or resource["name"]
        target_fields = target["fields"] if isinstance(target["fields"], list) else [target["fields"]]
        said.append(f"{', '.join(f'<code>{e(f)}</code>' for f in fields)} must name a row of "
                    f'<a href="#table-{e(table)}">{e(table)}</a> ({", ".join(e(f) for f in target_fields)}).')
    return " ".join(said)


def _table_section(resource: dict) -> str:
    """One table: what a row is, its keys, and each column."""
    name = resource["name"]
    rows = [f'<tr><td id="column-{e(name)}-{e(f["name"])}"><code>{e(f["name"])}</code></td><td>{e(f["type"])}</td>'
            f'<td>{e(f.get("unit", ""))}</td><td>{allowed_values(f)}</td><td>{e(f.get("description", ""))}</td></tr>'
            for f in resource["schema"]["fields"]]
    return (f'<section id="table-{e(name)}"><h3>{e(resource["path"])}</h3>\n'
            f"<p>{e(resource.get('description', ''))} {_keys(resource)}</p>\n"
            '<div class="scroll"><table><thead><tr><th scope="col">Column</th><th scope="col">Type</th>'
            '<th scope="col">Unit</th><th scope="col">Allowed values</th><th scope="col">Meaning</th></tr></thead>\n'
            f"<tbody>\n{chr(10).join(rows)}\n</tbody></table></div></section>")


def _indicator_sections(indicators: pd.DataFrame, units: pd.DataFrame, observations: pd.DataFrame) -> str:
    """Every indicator, under its topic: name and Chinese name, definition and Chinese definition,
    base unit, the units its figures are published in, and how many figures there are."""
    published = observations.dropna(subset=["unit"]).groupby("indicator_id")["unit"].agg(lambda u: sorted(set(u)))
    counts = observations["indicator_id"].value_counts()
    described = dict(zip(units["unit"], units["description"]))
    sections = []
    for topic, group in indicators.sort_values(["topic", "indicator_id"]).groupby("topic", sort=False):
        rows = []
        for row in group.itertuples():
            anchor = INDICATOR_ANCHOR.format(row.indicator_id)
            in_units = ", ".join(f'<span title="{e(described.get(u, ""))}">{e(u)}</span>'
                                 for u in published.get(row.indicator_id, []))
            rows.append(f'<tr><td id="{e(anchor)}"><code>{e(row.indicator_id)}</code></td>'
                        f'<td>{e(row.name)}<br>{chinese(row.name_zh)}</td>'
                        f'<td>{e(row.definition)}<br>{chinese(row.definition_zh)}</td>'
                        f"<td>{e(row.unit)}</td><td>{in_units}</td>"
                        f'<td class="number">{counts.get(row.indicator_id, 0)}</td></tr>')
        sections.append(
            f'<section id="topic-{e(topic)}"><h3>{e(topic.replace("_", " ").capitalize())} '
            f"(<code>{e(topic)}</code>)</h3>\n"
            f'<div class="scroll"><table><thead><tr><th scope="col">Indicator</th>'
            f'<th scope="col">Name, Chinese name {chinese("名称")}</th>'
            f'<th scope="col">Definition (our words), Chinese definition {chinese("定义")}</th>'
            '<th scope="col">Base unit</th>'
            '<th scope="col">Published in</th><th scope="col" class="number">Figures</th></tr></thead>\n'
            f"<tbody>\n{chr(10).join(rows)}\n</tbody></table></div></section>")
    return "\n".join(sections)


def _chinese_terms(indicators: pd.DataFrame) -> str:
    """Every indicator's Chinese name, each leading to its indicator, with its English name and id:
    in the order of the Chinese names' characters (Unicode's, by radical and stroke count), an
    opening quotation mark set aside."""
    def key(row):
        return row.name_zh.lstrip("“‘《「\"'"), row.name_zh, row.indicator_id

    rows = [f'<tr><td><a href="#{e(INDICATOR_ANCHOR.format(row.indicator_id))}" lang="{ZH}">{e(row.name_zh)}</a></td>'
            f"<td>{e(row.name)}</td><td><code>{e(row.indicator_id)}</code></td></tr>"
            for row in sorted(indicators.itertuples(), key=key)]
    return (f'<div class="scroll"><table><thead><tr><th scope="col">Chinese term {chinese("中文术语")}</th>'
            '<th scope="col">English term</th><th scope="col">Indicator</th></tr></thead>\n'
            f"<tbody>\n{chr(10).join(rows)}\n</tbody></table></div>")


def _units_table(units: pd.DataFrame) -> str:
    rows = [f'<tr><td id="unit-{e(u.unit)}">{e(u.unit)}</td><td>{e(u.base_unit)}</td>'
            f'<td class="number">{e(words.number(u.factor))}</td><td>{e(u.description)}</td>'
            f'<td><code lang="{ZH}">{e(u.pattern_zh)}</code></td></tr>'
            for u in units.itertuples()]
    return ('<div class="scroll"><table><thead><tr><th scope="col">Unit</th><th scope="col">Base unit</th>'
            '<th scope="col" class="number">Factor</th><th scope="col">Meaning</th>'
            f'<th scope="col">In Chinese {chinese("中文写法")}</th></tr></thead>\n'
            f"<tbody>\n{chr(10).join(rows)}\n</tbody></table></div>")


def _report_link(language: str) -> str:
    """The link back to the index of the report's edition in ``language``."""
    lang = "" if language == "en" else f' lang="{HTML_LANG[language]}"'
    return f'<a href="{index_name(language)}"{lang}>{REPORT_LINKS[language]}</a>'


def render_dictionary(data_dir=None, version_of_data: str = "", editions=("en",)) -> str:
    """The data dictionary and glossary as one HTML page (in English, whatever the current language),
    linking back to the index of each of the report's ``editions`` (languages)."""
    with use("en"):
        return _dictionary(resolve_data_dir(data_dir), version_of_data, editions)


def _dictionary(data_dir, version_of_data: str, editions) -> str:
    descriptor = read_descriptor(data_dir)
    indicators, units = load_indicators(data_dir), load_units(data_dir)
    tables = "\n".join(_table_section(r) for r in descriptor["resources"])
    contents = "\n".join(f'<li><a href="#table-{e(r["name"])}">{e(r["path"])}</a></li>'
                         for r in descriptor["resources"])
    topics = "\n".join(f'<li><a href="#topic-{e(t)}">{e(t.replace("_", " "))}</a></li>'
                       for t in sorted(indicators["topic"].unique()))
    version = f" Data version <code>{e(version_of_data)}</code>." if version_of_data else ""
    back = " · ".join(_report_link(language) for language in editions)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Data dictionary and glossary: {e(descriptor.get('title', 'customs facilitation'))}</title>
<style>
{site_css()}</style>
</head>
<body>
<nav aria-label="report">{back}</nav>
<h1>Data dictionary and glossary {chinese("数据词典与中英术语对照")}</h1>
<p>{e(descriptor.get('description', ''))}{version} Generated from <code>datapackage.json</code>, the one place
where the tables, their columns, types, units, allowed values and keys are declared, and from
<code>indicators.csv</code> and <code>units.csv</code>. It is also the glossary of the report's English
and Chinese editions: each indicator's English and Chinese name and definition side by side, and
<a href="#{CHINESE_TERMS}">every Chinese term</a> leading to its indicator.</p>
<nav aria-label="contents"><ul>
<li><a href="#indicators">Indicators</a>: what each figure measures, by topic<ul>
{topics}
</ul></li>
<li><a href="#{CHINESE_TERMS}">{chinese("中文术语")} → English</a>: every Chinese name, to its indicator</li>
<li><a href="#units">Units</a></li>
<li><a href="#tables">Tables and columns</a><ul>
{contents}
</ul></li>
</ul></nav>
<section id="indicators"><h2>Indicators {chinese("指标")}</h2>
<p>Each figure measures one indicator. Its base unit is what any published unit converts to (see
<a href="#units">units</a>); "published in" lists the units its figures were published in. The Chinese
name and definition are those the Chinese edition uses.</p>
{_indicator_sections(indicators, units, load_observations(data_dir))}
</section>
<section id="{CHINESE_TERMS}"><h2>{chinese("中文术语")} → English</h2>
<p>Every indicator's Chinese name, as the Chinese edition writes it, with its English name; each leads to
the indicator's entry above. In the order of the Chinese names' characters: Unicode's, by radical
and stroke count {chinese("（按部首、笔画排列）")}.</p>
{_chinese_terms(indicators)}
</section>
<section id="units"><h2>Units {chinese("单位")}</h2>
<p>A figure keeps the unit it was published in; multiply by the factor for the base unit. The Chinese
edition writes a figure in its unit's pattern, <code>{{}}</code> standing for the number in its base
unit with the largest scale word {chinese("万、亿、万亿")} under which it is at least one: 256.99 CNY
billion is {chinese("2569.9亿元")}.</p>
{_units_table(units)}
</section>
<section id="tables"><h2>Tables and columns {chinese("数据表与字段")}</h2>
{tables}
</section>
</body>
</html>
"""
