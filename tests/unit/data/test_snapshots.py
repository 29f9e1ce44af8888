"""Raw snapshots and their sidecars: the loader checks that they agree with each other and with
sources.csv; the sidecar schema names file, field and what was expected."""

import hashlib
import json

import pytest

from customs_facilitation import DataValidationError, load_package, load_sources
from customs_facilitation.data.snapshots import sidecar_problems


def problems_of(folder) -> list[str]:
    with pytest.raises(DataValidationError) as caught:
        load_package(folder)
    return [str(problem) for problem in caught.value.problems]


def sidecar(folder, name="a.json") -> dict:
    return json.loads((folder / "raw" / name).read_text(encoding="utf-8"))


def write_sidecar(folder, fields: dict, name="a.json") -> None:
    (folder / "raw" / name).write_text(json.dumps(fields), encoding="utf-8")


DROP = object()
"""In a change to a sidecar: remove the field."""


def full(folder) -> dict:
    """The tiny snapshot's sidecar in the schema's full shape: a snapshot of source paper-a."""
    return sidecar(folder) | {"source_id": "paper-a", "kind": "article", "description": "the first report",
                              "licence": "unknown: the publisher's terms were not recorded", "note": "held as received"}


def test_an_edited_snapshot_is_named_with_both_digests(tiny):
    recorded = sidecar(tiny)["sha256"]
    (tiny / "raw" / "a.txt").write_text("Repair trade was RMB 265.99 billion.\n", encoding="utf-8")
    digest = hashlib.sha256((tiny / "raw" / "a.txt").read_bytes()).hexdigest()
    assert problems_of(tiny) == [
        f"raw/a.json: field sha256: {recorded!r} is not the sha256 of raw/a.txt ({digest}); "
        "raw snapshots are never edited: restore the file, or hold a new text as a new snapshot"]


def changed(**fields):
    """An edit giving the tiny sidecar these fields."""
    return lambda folder: write_sidecar(folder, sidecar(folder) | fields)


@pytest.mark.parametrize("edit, expected", [
    (lambda d: (d / "raw" / "b.pdf").write_bytes(b"%PDF"), "raw/b.pdf: has no sidecar raw/b.json"),
    (changed(file="b.txt"),
     "raw/a.json: field file: 'b.txt' is not the snapshot beside this sidecar; expected the name of a file a.EXT"),
    (changed(file="a.json"), "raw/a.json: field file: 'a.json' is not the snapshot"),
    (lambda d: write_sidecar(d, {"file": "c.txt", "sha256": "0" * 64}, "c.json"),
     "raw/c.json: field file: 'c.txt' names no file in"),
    (changed(source_id="paper-z"), "raw/a.json: field source_id: 'paper-z' is not a source_id in sources.csv"),
    (changed(source_id="blog-b"),
     "raw/a.json: field source_id: 'blog-b' names a source whose text_path is no snapshot, not 'raw/a.txt'"),
    (lambda d: (d / "raw" / "a.json").write_text("{not json", encoding="utf-8"), "raw/a.json: is not valid UTF-8 JSON"),
    (lambda d: (d / "raw" / "a.json").write_text("[]", encoding="utf-8"), "raw/a.json: is not a JSON object"),
])
def test_a_snapshot_and_its_sidecar_must_agree(tiny, edit, expected):
    edit(tiny)
    problems = problems_of(tiny)
    assert any(p.startswith(expected) for p in problems), problems


def test_the_tiny_sidecar_in_full_shape_follows_the_schema(tiny):
    write_sidecar(tiny, full(tiny))
    load_package(tiny)
    assert sidecar_problems(tiny, load_sources(tiny)) == []


@pytest.mark.parametrize("change, expected", [
    ({"kind": "blog"}, "raw/a.json: field kind: 'blog' is not one of article, press_release, transcript, "
                       "official_letter, source_pack, map_data; expected what it is"),
    ({"description": 5}, "raw/a.json: field description: 5 is not a JSON string; expected what it holds"),
    ({"licence": ""}, "raw/a.json: field licence: '' is not a non-empty text; expected the licence or terms"),
    ({"note": DROP}, "raw/a.json: field note is missing; expected how it is held"),
    ({"outlet": "Paper A"}, "raw/a.json: field outlet is not a sidecar field; the fields are file, source_id, kind"),
    ({"title": "First report"}, "raw/a.json: field title: given, but this snapshot names source_id 'paper-a', whose "
                                "row in sources.csv holds its citation; remove the field"),
    ({"source_id": DROP}, "raw/a.json: field producer is missing; expected who produced or published it (a snapshot "
                          "that names no source_id carries its own citation)"),
    ({"source_id": DROP, "producer": "P", "title": "T", "url": "a.example", "published_date": "unknown",
      "accessed_date": "2025-7-1", "language": "en"},
     "raw/a.json: field url: 'a.example' is not text matching ^(https?://\\S+|unknown)$"),
    ({"inputs_sha256": {"x.zip": "abc"}}, "raw/a.json: field inputs_sha256.x.zip: 'abc' is not text matching"),
])
def test_a_sidecar_off_the_schema_is_named_by_field(tiny, change, expected):
    write_sidecar(tiny, {k: v for k, v in (full(tiny) | change).items() if v is not DROP})
    problems = [str(p) for p in sidecar_problems(tiny, load_sources(tiny))]
    assert any(p.startswith(expected) for p in problems), problems


def test_a_held_source_whose_sidecar_does_not_name_it_is_named(tiny):
    write_sidecar(tiny, {k: v for k, v in full(tiny).items() if k != "source_id"}
                  | {"producer": "P", "title": "T", "url": "unknown", "published_date": "unknown",
                     "accessed_date": "unknown", "language": "en"})
    problems = [str(p) for p in sidecar_problems(tiny, load_sources(tiny))]
    assert problems == ["sources.csv row 1 (line 2), column text_path: 'raw/a.txt' names a snapshot whose sidecar "
                        "raw/a.json does not name this source in its field source_id"]

