"""An executed notebook as an offline HTML page: no code, no prompts, the vega bundle inline.

Every page carries the JavaScript bundle of ``vl_convert.javascript_bundle()`` once, inline, as a
classic ``<script>`` in ``<head>`` wrapped in a function, so its internal top-level names stay
private and only ``window.vegaEmbed``, ``window.vega`` and ``window.vegaLite`` are defined before
any chart script in the body runs. A chart output is then
``<div id="chart-HASH"></div><script>vegaEmbed("#chart-HASH", SPEC, {...})...</script>``.
(A ``<script type="module">`` would run after the body's scripts: the charts would not draw.)
"""

from __future__ import annotations

import functools
import re
import uuid
from pathlib import Path

from ..errors import ReportError
from ..files import kept_in_environment
from ..language import HTML_LANG, _, use
from .assets import add_assets
from .inputs import first_heading

BUNDLE_MARKER = "/* @@vega-bundle@@ */"  # in PAGE_TEMPLATE; replaced by the bundle after export

# The page template: nbconvert's lab template without its CDN scripts (require.js, MathJax,
# mermaid, widgets), plus the vega bundle inline in <head> and a link back to the index.
PAGE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}
<script>/* vega, vega-lite, vega-embed: vl_convert.javascript_bundle() */
(function () {
/* @@vega-bundle@@ */
})();
</script>
{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block body_header -%}
{{ super() }}
<nav class="report-nav" aria-label="report" style="padding: 8px 16px; font-family: sans-serif; font-size: 14px;">
<a href="../{{ resources.words.index }}">&larr; {{ resources.words.all_pages | e }}</a>
<span>{{ resources.words.parameter_set | e }}<b style="margin-left: 0.25em">{{ resources.set_title | e }}</b></span>
<span>{{ resources.words.data_version | e }} <code>{{ resources.data_version | e }}</code></span>
{%- if resources.figures_csv %} <a href="{{ resources.figures_csv | e }}">
{{- resources.words.figures_csv | e }}</a>{% endif %}
<a href="../dictionary.html">{{ resources.words.dictionary | e }}</a>
</nav>
{%- endblock body_header -%}
"""

# Any script or stylesheet the page would fetch from the network.
_REMOTE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//[^\"'\s>]*"
    r"|@import\s+(?:url\()?[\"']?\s*(?:https?:)?//[^\"')\s]*",
    re.IGNORECASE)


@functools.cache
def vega_bundle() -> str:
    """vega, vega-lite and vega-embed as one classic script that sets window.vegaEmbed etc.

    ``vl_convert.javascript_bundle()`` takes about 4 s of CPU (it bundles on every call), so the
    result is kept in the environment, one file per vl-convert version.
    """
    import vl_convert

    def bundle() -> str:
        made = vl_convert.javascript_bundle()
        if "</script" in made.lower():
            raise ReportError("vl_convert.javascript_bundle() contains '</script'; it cannot be inlined")
        return made

    return kept_in_environment(f"vega-bundle-{getattr(vl_convert, '__version__', 'unknown')}.js", bundle)


@functools.cache
def _exporter():
    """One HTML exporter (and compiled template) for every page of a build."""
    import jinja2
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab", template_file="report.html.j2",
        extra_loaders=[jinja2.DictLoader({"report.html.j2": PAGE_TEMPLATE})],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True, embed_images=True)


def export_html(nb, source: Path, *, set_title: str = "", data_version: str = "", figures_csv: str = "",
                language: str = "en") -> str:
    """HTML of an executed notebook ``nb`` (from ``source``) without code or prompts, with the
    vega bundle inline once, the report's stylesheet and a link to ``figures_csv`` (the page's
    figures), if given; its ``lang`` and its links written in ``language``.

    Raises:
        ReportError: if the page would load a script, stylesheet or image from the network.
    """
    title = first_heading(nb.cells) or Path(source).stem
    shown, set_aside = _html_outputs_set_aside(nb)
    with use(language):
        words = {"index": index_name(language), "all_pages": _("all pages"), "parameter_set": _("parameter set:"),
                 "data_version": _("data version"), "figures_csv": _("the figures of this page (CSV)"),
                 "dictionary": _("data dictionary")}
    body, _resources = _exporter().from_notebook_node(shown, resources={
        "metadata": {"name": f"{title} ({set_title})" if set_title else title, "path": str(Path(source).parent)},
        "set_title": set_title, "data_version": data_version, "figures_csv": figures_csv, "words": words})
    body = with_language(body, language, source)
    for marker, output_html in set_aside.items():
        if body.count(marker) != 1:
            raise ReportError(f"{source}: an HTML output's place appears {body.count(marker)} times in the page")
        body = body.replace(marker, output_html)
    remote = offline_problems(body)
    if remote:
        raise ReportError(f"{source}: the exported page would load from the network: " + "; ".join(remote[:5]))
    if body.count(BUNDLE_MARKER) != 1:
        raise ReportError(f"{source}: the page template's vega bundle marker appears "
                          f"{body.count(BUNDLE_MARKER)} times; expected once")
    # Inserted after nbconvert's HTML clean-up, which would otherwise parse 0.9 MB of script.
    return add_assets(body).replace(BUNDLE_MARKER, vega_bundle())


def with_language(page_html: str, language: str, source) -> str:
    """The page with its ``<html lang>`` saying its language (nbconvert writes 'en')."""
    opening = '<html lang="en">'
    if page_html.count(opening) != 1:
        raise ReportError(f"{source}: the exported page has {page_html.count(opening)} '{opening}' tags; expected one")
    return page_html.replace(opening, f'<html lang="{HTML_LANG[language]}">')


def index_name(language: str) -> str:
    """The report's index in ``language``: index.html (English), index.zh.html..."""
    return "index.html" if language == "en" else f"index.{language}.html"


def _html_outputs_set_aside(nb):
    """A copy of ``nb`` whose HTML outputs are comments marking their place, and the outputs by
    marker. nbconvert parses and rewrites the whole exported page (BeautifulSoup, about half of
    the export's time) to adjust its own markup; the outputs are put back after."""
    from nbformat import NotebookNode

    token, set_aside, cells = uuid.uuid4().hex, {}, []
    for cell in nb.cells:
        outputs = []
        for output in cell.get("outputs", []):
            if isinstance(output.get("data", {}).get("text/html"), str):
                marker = f"<!--cf-output-{token}-{len(set_aside)}-->"
                set_aside[marker] = output["data"]["text/html"]
                output = NotebookNode({**output, "data": NotebookNode({**output["data"], "text/html": marker})})
            outputs.append(output)
        cells.append(NotebookNode({**cell, "outputs": outputs}) if "outputs" in cell else cell)
    return NotebookNode({**nb, "cells": cells}), set_aside


def offline_problems(page_html: str) -> list[str]:
    """Tags or CSS imports in ``page_html`` that would fetch something over the network.

    >>> offline_problems('<script src="https://cdn.example/x.js"></script><a href="https://ok">')
    ['<script src="https://cdn.example/x.js']
    """
    return [m.group(0) for m in _REMOTE.finditer(page_html)]
