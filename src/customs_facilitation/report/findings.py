"""Every finding of a build in one place: ``findings.csv`` beside the index (a journalist's list of
citable facts), read from each executed notebook's findings record
(:data:`~customs_facilitation.notebook.page.FINDINGS_MIMETYPE`), and the strongest of them for the
index to open with."""

from __future__ import annotations

import csv
import html
import io

import nbformat

from ..language import _
from ..notebook.page import FINDINGS_MIMETYPE
from .layout import Layout

COLUMNS = ["parameter_set", "page", "statement", "ids", "caveat", "kind", "outcome"]
STRONGEST = 6
"""How many findings the index opens with."""


def findings_of(nb) -> list[dict]:
    """The findings an executed notebook's page showed, in order."""
    return [finding for cell in nb.cells if cell.cell_type == "code" for output in cell.get("outputs", [])
            for finding in output.get("data", {}).get(FINDINGS_MIMETYPE, {}).get("findings", [])]


def build_findings(layout: Layout, notebooks, param_sets) -> list[dict]:
    """Every finding of every built page, as rows of ``findings.csv``."""
    rows = []
    for param_set in param_sets:
        for notebook in notebooks:
            executed = layout.executed(param_set.name, notebook.name)
            for finding in findings_of(nbformat.read(executed, as_version=4)) if executed.exists() else []:
                rows.append({"parameter_set": param_set.name, "page": notebook.name, **finding,
                             "ids": " ".join(finding["ids"])})
    return rows


def findings_csv(rows: list[dict]) -> str:
    """The findings as CSV text.

    >>> print(findings_csv([{"parameter_set": "default", "page": "01-x", "statement": "A rose.", "ids": "F01 F02",
    ...                      "caveat": "", "kind": "movement", "outcome": "up"}]), end="")
    parameter_set,page,statement,ids,caveat,kind,outcome
    default,01-x,A rose.,F01 F02,,movement,up
    """
    text = io.StringIO()
    writer = csv.DictWriter(text, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue()


KIND_STRENGTH = ["target", "pace", "movement", "agreement"]
"""Which kinds of finding say the most, first: a target met or missed, then a comparison of pace."""


def strongest_html(rows: list[dict], set_name: str) -> str:
    """The index's opening: the strongest finding of each analysis page of one parameter set (by
    kind, then without a caveat before with one), each said once and linking its page; its words in
    the current language (the statements are those the set's pages wrote, in the set's language)."""
    def strength(row):
        kind = KIND_STRENGTH.index(row["kind"]) if row["kind"] in KIND_STRENGTH else len(KIND_STRENGTH)
        return kind, bool(row["caveat"])

    by_page, said = {}, set()
    for row in sorted((r for r in rows if r["parameter_set"] == set_name and not r["page"].startswith("00-")),
                      key=strength):
        if row["page"] not in by_page and row["statement"] not in said:
            by_page[row["page"]] = row
            said.add(row["statement"])
    chosen = sorted(by_page.values(), key=strength)[:STRONGEST]
    if not chosen:
        return ""
    e = html.escape
    page, caveat = e(_("(page)")), _("Caveat: {caveat}.")
    items = "\n".join(
        "<li>" + _("{finding} {link}").format(finding=e(r["statement"]),
                                             link=f'<a href="{e(set_name)}/{e(r["page"])}.html">{page}</a>')
        + (f" <em>{e(caveat.format(caveat=r['caveat']))}</em>" if r["caveat"] else "") + "</li>" for r in chosen)
    heading = e(_("What the report finds"))
    every = e(_("Every finding of every page and variant, with the ids of its figures: {findings}.")).format(
        findings='<a href="findings.csv">findings.csv</a>')
    return f'<section id="findings"><h2>{heading}</h2>\n<ul>\n{items}\n</ul>\n<p>{every}</p></section>'
