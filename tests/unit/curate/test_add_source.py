"""add-source: a text held as a snapshot with its sidecar in the one documented shape, its source
added or completed (recognised by its address), all or nothing, errors naming file and field."""

import hashlib
import json

import pytest

from customs_facilitation.curate.add_source import add_source
from customs_facilitation.data.package import load_package
from customs_facilitation.data.snapshots import sidecar_problems
from customs_facilitation.errors import DataValidationError

TEXT = "全年进出口45.47万亿元，增长3.8%。\n"
NEW = {"source_id": "paper-c", "url": "https://c.example/3", "outlet": "Paper C", "title": "Full-year trade",
       "published_date": "2026-01-14", "accessed_date": "2026-01-15", "language": "zh", "reliability": "official"}


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _folder(tiny) -> dict[str, bytes]:
    return {p.relative_to(tiny).as_posix(): p.read_bytes() for p in sorted(tiny.rglob("*")) if p.is_file()}


def test_a_new_source_is_held_with_its_row_and_a_sidecar_the_schema_accepts(tiny, page):
    held = add_source(page, NEW, {"kind": "press_release"}, tiny)
    assert (held.source_id, held.snapshot, held.row) == ("paper-c", "raw/paper-c.txt", "added")
    assert (tiny / "raw" / "paper-c.txt").read_bytes() == page.read_bytes()
    sidecar = json.loads((tiny / "raw" / "paper-c.json").read_text(encoding="utf-8"))
    assert sidecar == {"file": "paper-c.txt", "source_id": "paper-c", "kind": "press_release",
                       "description": "Full-year trade", "licence": sidecar["licence"], "note": sidecar["note"],
                       "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest()}
    assert [p for p in sidecar_problems(tiny, load_package(tiny)["sources"]) if p.file == "raw/paper-c.json"] == []
    assert (tiny / "sources.csv").read_text(encoding="utf-8").splitlines()[-1] == (
        "paper-c,Paper C,Full-year trade,https://c.example/3,2026-01-14,2026-01-15,zh,official,raw/paper-c.txt,")


def test_a_source_listed_by_its_address_is_completed_not_repeated(tiny, page):
    before = (tiny / "sources.csv").read_text(encoding="utf-8").splitlines()
    held = add_source(page, {"url": "http://www.B.example/2/"}, {}, tiny)  # its accessed_date stays
    assert (held.source_id, held.row) == ("blog-b", "completed")
    after = (tiny / "sources.csv").read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before) and after[2] == before[2].replace(",low,,", ",low,raw/blog-b.txt,")
    again = add_source(page, {"url": "https://b.example/2"}, {}, tiny)
    assert again.row == "already held" and (tiny / "sources.csv").read_text(encoding="utf-8").splitlines() == after


@pytest.mark.parametrize(("citation", "expected"), [
    ({"url": "https://b.example/2", "title": "Another title"},
     "sources.csv row 2 (line 3), column title: says 'Later repost'; the command says 'Another title'"),
    ({"url": "https://a.example/1"}, "sources.csv row 1 (line 2), column text_path: 'raw/a.txt' holds a snapshot of "
                                     "this address already"),
    ({"url": "https://d.example/4", "source_id": "paper-d"},
     "sources.csv, column outlet: is needed for a new source (option --outlet)"),
    ({**NEW, "source_id": "blog-b"}, "sources.csv row 2 (line 3), column source_id: 'blog-b' is the id of another "
                                     "source"),
    ({**NEW, "language": "fr"}, "sources.csv row 3 (line 4), column language: 'fr' is not one of the allowed values"),
    ({**NEW, "published_date": "14 Jan 2026"}, "sources.csv row 3 (line 4), column published_date: '14 Jan 2026' is "
                                               "not a date"),
])
def test_a_refusal_names_file_and_field_and_writes_nothing(tiny, page, citation, expected):
    before = _folder(tiny)
    with pytest.raises(DataValidationError) as refused:
        add_source(page, citation, {}, tiny)
    assert any(str(p).startswith(expected) for p in refused.value.problems), refused.value.problems
    assert _folder(tiny) == before


def test_a_sidecar_off_the_schema_is_refused(tiny, page):
    before = _folder(tiny)
    with pytest.raises(DataValidationError) as refused:
        add_source(page, NEW, {"kind": "blog"}, tiny)
    assert [str(p) for p in refused.value.problems] == [
        "raw/paper-c.json: field kind: 'blog' is not one of article, press_release, transcript, official_letter, "
        "source_pack, map_data; expected what it is"]
    assert _folder(tiny) == before


@pytest.mark.parametrize(("content", "expected"), [(b"\xff\xfe trade", "is not UTF-8 text"), (b"  \n", "is empty")])
def test_a_file_that_is_no_text_is_refused(tiny, tmp_path, content, expected):
    path = tmp_path / "page.txt"
    path.write_bytes(content)
    with pytest.raises(DataValidationError, match=expected):
        add_source(path, NEW, {}, tiny)


def test_a_snapshot_is_never_overwritten(tiny, page):
    with pytest.raises(DataValidationError, match="raw/a.txt: exists already with other content"):
        add_source(page, {**NEW, "source_id": "a"}, {}, tiny)


def test_add_source_command(tiny, page, cli):
    options = ["--source-id", "paper-c", "--url", "https://c.example/3", "--outlet", "Paper C", "--title", "Trade",
               "--published", "2026-01-14", "--language", "zh", "--reliability", "official", "--data-dir", tiny]
    done = cli("add-source", page, *options)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("added paper-c in sources.csv; its text is raw/paper-c.txt. Next: ")
    assert "already" in cli("add-source", page, *options).stdout
    refused = cli("add-source", page, "--url", "https://e.example/5", "--data-dir", tiny)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == "add-source: nothing written; 5 problem(s):"
