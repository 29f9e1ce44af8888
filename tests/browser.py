"""Headless Debian chromium for the browser tests: where it is, its flags, what a page does."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
MISSING = "install Debian chromium: apt-get install chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]


def chromium_path() -> str:
    """Debian chromium, or a visible skip (a failure under CI=true) saying how to install it."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} not found; {MISSING} (.ci/run does this)")
        pytest.skip(MISSING)
    return str(CHROMIUM)


def watch(page) -> tuple[list[str], list[str]]:
    """Collect a page's script errors and the addresses it requests, as they happen."""
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("request", lambda req: requests.append(req.url))
    return errors, requests


WIDTHS = {"desktop": 1280, "phone": 390}
"""The widths every report page is read at."""

# Resolves once every chart div holds an SVG with marks.
ALL_DRAWN = """() => [...document.querySelectorAll('div[id^="chart-"]')]
    .every(div => div.querySelector('svg [class*="role-mark"]'))"""

# Resolves once every interactive table is ready (its script has run), or at once if there is none.
TABLES_READY = """() => [...document.querySelectorAll('div.cf-interactive')]
    .every(box => box.dataset.interactive === 'ready')"""

# What a reader's page holds, read in one go once its charts drew: its width against the window's,
# headings, tables, links, element ids, charts, and all the text it shows (every row of an
# interactive table, every folded table opened, the text the charts draw).
PAGE_FACTS = """() => {
  if (window.DataTable) DataTable.tables({ api: true }).page.len(-1).draw();
  document.querySelectorAll('details').forEach(d => { d.open = true; });  // folded tables count too
  const text = (nodes) => [...nodes].map(n => n.textContent.trim());
  const charts = [...document.querySelectorAll('div[id^="chart-"]')];
  // the page's text without the charts' (innerText runs an SVG's lines together): they come line by line below
  const hidden = document.createElement('style');
  hidden.textContent = 'svg { display: none !important; }';
  document.head.appendChild(hidden);
  const prose = document.body.innerText;
  hidden.remove();
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1])),
    tables: [...document.querySelectorAll('table')].map(t => {
      const headers = text(t.querySelectorAll('thead th'));
      const level = headers.indexOf('Level');
      const rows = [...t.querySelectorAll('tbody tr')].map(r => [...r.children]);
      const right = (cell) => cell ? cell.getBoundingClientRect().right : 0;
      return {
        rowHeaders: t.querySelectorAll('tbody th').length,
        firstHeader: (t.querySelector('thead th') || {}).textContent || null,
        firstColumn: text(t.querySelectorAll('tbody tr > td:first-child')),
        headers,
        width: t.getBoundingClientRect().width,
        room: (t.closest('.jp-OutputArea-output') || t.closest('section') || document.body).clientWidth,
        clipped: [...t.querySelectorAll('td, th')].filter(c => c.scrollWidth > c.clientWidth + 1)
          .map(c => c.textContent.trim().slice(0, 40)),
        // rows whose name or level lies beyond the window's right edge before any scrolling
        outOfView: level < 0 ? 0 : rows.filter(r => right(r[0]) > innerWidth || right(r[level]) > innerWidth).length,
        yearCells: headers.flatMap((h, i) => /year|^\\d{4}$/i.test(h) ? rows.map(r => (r[i] || {}).textContent) : [])
          .concat(/year/i.test(headers[0] || '') ? [] : headers.filter(h => /^\\d,\\d{3}$/.test(h))),
      };
    }),
    links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
    ids: [...document.querySelectorAll('[id]')].map(e => e.id),
    charts: charts.map(d => ({
      id: d.id,
      marks: d.querySelectorAll('svg [class*="role-mark"]').length,
      described: d.getAttribute('aria-label') || '',  // vega-embed keeps it: the spec's description
      // the type size as drawn: each text's font size times the scale the chart is shown at (not its
      // glyphs' box, whose height depends on the letters: "site" is lower than "(F42)")
      smallestText: Math.min(...[...d.querySelectorAll('svg')].slice(0, 1).flatMap(svg => {
        const scale = svg.getBoundingClientRect().width / (svg.width.baseVal.value || 1);
        return [...svg.querySelectorAll('text')].filter(t => t.getBoundingClientRect().height > 0)
          .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
      })),
      cut: [...d.querySelectorAll('svg text')].map(t => t.textContent).filter(t => t.endsWith('\u2026')),
      overlapping: [...d.querySelectorAll('svg g.role-axis')].flatMap(axis => {
        const shown = [...axis.querySelectorAll('g.role-axis-label text')]  // vega hides some: opacity 0
          .filter(t => t.getAttribute('opacity') !== '0').map(t => [t.textContent, t.getBoundingClientRect()]);
        return shown.flatMap(([a, r], i) => shown.slice(i + 1).filter(([, q]) => r.left < q.right - 0.5
          && q.left < r.right - 0.5 && r.top < q.bottom - 0.5 && q.top < r.bottom - 0.5).map(([b]) => `${a} / ${b}`));
      }),
    })),
    // a chart's text line by line: the lines (tspans) of a wrapped text apart
    text: prose + '\\n' + [...document.querySelectorAll('svg text')]
      .map(t => [...t.querySelectorAll('tspan')].map(s => s.textContent).join('\\n') || t.textContent).join('\\n'),
  };
}"""


def read_page(tab, path: Path) -> dict:
    """Open a page in a browser tab, wait for its charts and tables, and return its facts. Reusing one
    tab for many pages lets chromium compile the inlined vega bundle once, not once per page."""
    import contextlib

    tab.goto(path.as_uri(), wait_until="load")
    with contextlib.suppress(Exception):  # a chart that does not draw is reported by its test
        tab.wait_for_function(ALL_DRAWN, timeout=20_000)
    with contextlib.suppress(Exception):  # nor does a table whose script failed
        tab.wait_for_function(TABLES_READY, timeout=10_000)
    return tab.evaluate(PAGE_FACTS)
