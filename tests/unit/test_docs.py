"""The README stays a user's page, and every link between the README and docs/ resolves."""

import re

import pytest

from customs_facilitation.paths import REPO_DIR

PAGES = [REPO_DIR / "README.md", *sorted((REPO_DIR / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
README_LINES = 250
"""A newcomer reads the README in ten minutes; how it works inside lives in docs/."""


def test_the_readme_is_short():
    lines = len((REPO_DIR / "README.md").read_text(encoding="utf-8").splitlines())
    assert lines <= README_LINES, f"README.md has {lines} lines; move internals to docs/ (at most {README_LINES})"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_resolves_to_a_file_and_heading(page):
    text = page.read_text(encoding="utf-8")
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name} links {target}: no such file"
        if anchor and linked.suffix == ".md":
            headings = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
                        for h in re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.MULTILINE)}
            assert anchor in headings, f"{page.name} links {target}: no heading #{anchor} in {linked.name}"


def test_the_readme_links_every_page_of_docs():
    readme = (REPO_DIR / "README.md").read_text(encoding="utf-8")
    unlinked = [p.name for p in PAGES[1:] if f"docs/{p.name}" not in readme]
    assert not unlinked, f"README.md does not link {unlinked}"
