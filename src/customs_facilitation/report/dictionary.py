"""The report's data dictionary page, generated from ``datapackage.json``: every table and column
with its type, unit, allowed values and keys; every indicator with its definition and unit; the
units. Pages link an indicator to its row here (``dictionary.html#indicator-ID``).
"""

from __future__ import annotations

import html

import pandas as pd

from ..data.load import load_indicators, load_observations, load_units
from ..data.schema import read_descriptor
from ..notebook import words
from ..notebook.table_html import INDICATOR_ANCHOR
from ..paths import resolve_data_dir
from .assets import site_css

e = html.escape


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
    """Every indicator, under its topic: name, definition, base unit, the units its figures are
    published in, and how many figures there are."""
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
            rows.append(f'<tr><td id="{e(anchor)}"><code>{e(row.indicator_id)}</code></td><td>{e(row.name)}</td>'
                        f"<td>{e(row.definition)}</td><td>{e(row.unit)}</td><td>{in_units}</td>"
                        f'<td class="number">{counts.get(row.indicator_id, 0)}</td></tr>')
        sections.append(
            f'<section id="topic-{e(topic)}"><h3>{e(topic.replace("_", " ").capitalize())} '
            f"(<code>{e(topic)}</code>)</h3>\n"
            '<div class="scroll"><table><thead><tr><th scope="col">Indicator</th><th scope="col">Name</th>'
            '<th scope="col">Definition (our words)</th><th scope="col">Base unit</th>'
            '<th scope="col">Published in</th><th scope="col" class="number">Figures</th></tr></thead>\n'
            f"<tbody>\n{chr(10).join(rows)}\n</tbody></table></div></section>")
    return "\n".join(sections)


def _units_table(units: pd.DataFrame) -> str:
    rows = [f'<tr><td id="unit-{e(u.unit)}">{e(u.unit)}</td><td>{e(u.base_unit)}</td>'
            f'<td class="number">{e(words.number(u.factor))}</td><td>{e(u.description)}</td></tr>'
            for u in units.itertuples()]
    return ('<div class="scroll"><table><thead><tr><th scope="col">Unit</th><th scope="col">Base unit</th>'
            '<th scope="col" class="number">Factor</th><th scope="col">Meaning</th></tr></thead>\n'
            f"<tbody>\n{chr(10).join(rows)}\n</tbody></table></div>")


def render_dictionary(data_dir=None, version_of_data: str = "") -> str:
    """The data dictionary as one HTML page."""
    data_dir = resolve_data_dir(data_dir)
    descriptor = read_descriptor(data_dir)
    indicators, units = load_indicators(data_dir), load_units(data_dir)
    tables = "\n".join(_table_section(r) for r in descriptor["resources"])
    contents = "\n".join(f'<li><a href="#table-{e(r["name"])}">{e(r["path"])}</a></li>'
                         for r in descriptor["resources"])
    topics = "\n".join(f'<li><a href="#topic-{e(t)}">{e(t.replace("_", " "))}</a></li>'
                       for t in sorted(indicators["topic"].unique()))
    version = f" Data version <code>{e(version_of_data)}</code>." if version_of_data else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Data dictionary: {e(descriptor.get('title', 'customs facilitation'))}</title>
<style>
{site_css()}</style>
</head>
<body>
<nav aria-label="report"><a href="index.html">&larr; the report</a></nav>
<h1>Data dictionary</h1>
<p>{e(descriptor.get('description', ''))}{version} Generated from <code>datapackage.json</code>, the one place
where the tables, their columns, types, units, allowed values and keys are declared, and from
<code>indicators.csv</code> and <code>units.csv</code>.</p>
<nav aria-label="contents"><ul>
<li><a href="#indicators">Indicators</a>: what each figure measures, by topic<ul>
{topics}
</ul></li>
<li><a href="#units">Units</a></li>
<li><a href="#tables">Tables and columns</a><ul>
{contents}
</ul></li>
</ul></nav>
<section id="indicators"><h2>Indicators</h2>
<p>Each figure measures one indicator. Its base unit is what any published unit converts to (see
<a href="#units">units</a>); "published in" lists the units its figures were published in.</p>
{_indicator_sections(indicators, units, load_observations(data_dir))}
</section>
<section id="units"><h2>Units</h2>
<p>A figure keeps the unit it was published in; multiply by the factor for the base unit.</p>
{_units_table(units)}
</section>
<section id="tables"><h2>Tables and columns</h2>
{tables}
</section>
</body>
</html>
"""
