"""Accepting a draft: the kept rows go into the tables through the package's validation, all or
none, and a refusal names the draft's row and column."""

import hashlib
import json
from datetime import date

import pandas as pd
import pytest

from customs_facilitation.curate.accept import accept_draft
from customs_facilitation.curate.audit import audit
from customs_facilitation.curate.drafts import draft_rows
from customs_facilitation.data.package import load_package
from customs_facilitation.errors import DataValidationError
from tests.unit.conftest import SNAPSHOT, write_snapshot

NEW_LINE = "上半年保税维修出口2570.1亿元，同比增长3.1%；另有约1,200家企业参与。On 14 July 2025, 42 ports joined.\n"
TABLES = ("observations.csv", "claim_exclusions.csv", "sources.csv")


@pytest.fixture
def drafted(tiny, tmp_path):
    """The tiny source's text with a new line, and its draft with every decision settled."""
    write_snapshot(tiny, SNAPSHOT + NEW_LINE)
    rows = draft_rows(SNAPSHOT + NEW_LINE, "paper-a", tiny)
    rows.loc[(rows["action"] == "add") & (rows["indicator_id"] == ""), "indicator_id"] = "cities"
    rows["decide"] = ""
    path = tmp_path / "draft.csv"
    rows.to_csv(path, index=False)
    return path


def _edit(path, row: int, **cells) -> None:
    rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column, value in cells.items():
        rows.loc[row - 1, column] = value
    rows.to_csv(path, index=False)


def _contents(tiny) -> dict[str, bytes]:
    return {name: (tiny / name).read_bytes() for name in TABLES}


def test_the_kept_rows_go_into_the_tables_and_the_audit_counts_them(tiny, drafted):
    before = _contents(tiny)
    accepted = accept_draft(drafted, tiny)
    assert (accepted.added, accepted.upgraded, accepted.skipped) == (["T01", "T02", "T03"], [], 0)
    assert accepted.excluded == 1  # the date, by its kind
    observations = (tiny / "observations.csv").read_text(encoding="utf-8")
    assert observations.startswith(before["observations.csv"].decode("utf-8"))  # appended, nothing else touched
    assert observations.splitlines()[-3].startswith("T01,repair_value,2025-01,2025-06,257.01,CNY billion,3.1,")
    assert "sentence" not in observations and "上半年" not in observations  # the source's words stay out
    result = audit(tiny)
    assert set(result.loc[result["paragraph"] == 3, "status"]) == {"curated", "excluded"}
    assert set(load_package(tiny)["observations"]["observation_id"]) >= {"T01", "T02", "T03"}


def _hold(tiny, source_id: str, name: str, text: str) -> None:
    """Hold ``text`` as the snapshot of a tiny source that had none."""
    (tiny / "raw" / name).write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    sidecar = {"file": name, "source_id": source_id, "sha256": digest}
    (tiny / "raw" / name).with_suffix(".json").write_text(json.dumps(sidecar), encoding="utf-8")
    sources = tiny / "sources.csv"
    rows = pd.read_csv(sources, dtype=str, keep_default_na=False)
    rows.loc[rows["source_id"] == source_id, "text_path"] = f"raw/{name}"
    rows.to_csv(sources, index=False)


def test_an_upgrade_rewrites_its_row_only(tiny, tmp_path):
    text = "In the first half, trade rose 2.9% to 21.79 trillion yuan.\n"
    _hold(tiny, "blog-b", "b.txt", text)
    path = tmp_path / "draft.csv"
    draft_rows(text, "blog-b", tiny, date(2025, 9, 1)).to_csv(path, index=False)
    before = (tiny / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert accept_draft(path, tiny).upgraded == ["F01"]
    after = (tiny / "observations.csv").read_text(encoding="utf-8").splitlines()
    changed = [new for old, new in zip(before, after) if old != new]
    assert len(after) == len(before)
    assert changed == ["F01,trade_total,2025-01,2025-06,21.79,CNY trillion,2.9,percent,year_on_year,exact,blog-b,"
                       "paragraph 1,21.79 trillion yuan,2.9%,text_held,,"]
    assert audit(tiny).query("source_id == 'blog-b'")["status"].tolist() == ["curated", "curated"]


@pytest.mark.parametrize(("row", "cells", "expected"), [
    (1, {"decide": "indicator_id: repair_value?"},
     "draft.csv row 1 (line 2), column decide: 'indicator_id: repair_value?' is still to decide"),
    (1, {"action": "keep"}, "draft.csv row 1 (line 2), column action: 'keep' is not one of add, upgrade, exclude"),
    (2, {"indicator_id": "ports"},
     "draft.csv row 2 (line 3), column indicator_id: 'ports' is not a indicator_id in indicators.csv "
     "(as observations.csv row 6)"),
    (1, {"period_end": "2024-12"},
     "draft.csv row 1 (line 2), column period_end: '2024-12' is before period_start"),
    (1, {"note": "上半年保税维修出口2570.1亿元，同比增长3.1%；"},
     "draft.csv row 1 (line 2), column note: '上半年保税维修出口2570.1亿元，同比增长3.1%；' repeats the source's "
     "sentence"),
    (1, {"note": "bonded repair exports, first half"},
     "draft.csv row 1 (line 2), column note_zh: is empty, but note is not; write the note in Chinese"),
    (1, {"note_zh": "上半年的保税维修出口"},
     "draft.csv row 1 (line 2), column note_zh: '上半年的保税维修出口' is a Chinese note without an English note; "
     "write both or neither (as observations.csv row 5)"),
    (1, {"action": "upgrade", "observation_id": "Z99"},
     "draft.csv row 1 (line 2), column observation_id: 'Z99' names no row of observations.csv to upgrade"),
    (4, {"reason": "holiday"}, "draft.csv row 4 (line 5), column reason: 'holiday' is not one of the allowed values"),
])
def test_a_row_that_fails_is_named_by_row_and_column_and_nothing_is_written(tiny, drafted, row, cells, expected):
    before = _contents(tiny)
    _edit(drafted, row, **cells)
    with pytest.raises(DataValidationError) as refused:
        accept_draft(drafted, tiny)
    assert any(str(p).startswith(expected) for p in refused.value.problems), refused.value.problems
    assert _contents(tiny) == before


def test_a_figures_note_goes_in_with_its_chinese_note(tiny, drafted):
    _edit(drafted, 1, note="bonded repair exports, first half", note_zh="上半年的保税维修出口")
    accept_draft(drafted, tiny)
    added = (tiny / "observations.csv").read_text(encoding="utf-8").splitlines()[-3]
    assert added.startswith("T01,")
    assert added.endswith(',text_held,"bonded repair exports, first half",上半年的保税维修出口')


def test_skipped_rows_and_figures_excluded_by_the_curator(tiny, drafted):
    _edit(drafted, 2, action="")
    _edit(drafted, 1, action="exclude", note="bonded repair exports, not tracked here")  # no Chinese: not a figure
    accepted = accept_draft(drafted, tiny)
    assert (accepted.added, accepted.skipped, accepted.excluded) == (["T03"], 1, 3)
    exclusions = (tiny / "claim_exclusions.csv").read_text(encoding="utf-8").splitlines()
    assert exclusions[1:3] == ["paper-a,3,2570.1亿元,not_tracked,\"bonded repair exports, not tracked here\"",
                               "paper-a,3,3.1%,not_tracked,\"bonded repair exports, not tracked here\""]


def test_a_draft_without_its_columns_is_refused(tiny, tmp_path):
    path = tmp_path / "draft.csv"
    path.write_text("observation_id,value\nT01,3\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="draft.csv, column action: is missing the column"):
        accept_draft(path, tiny)


def test_accept_command_reports_and_refuses(tiny, drafted, cli):
    _edit(drafted, 1, decide="period?")
    refused = cli("accept", drafted, "--data-dir", tiny)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == "accept: nothing written; 1 problem(s):"
    _edit(drafted, 1, decide="")
    done = cli("accept", drafted, "--data-dir", tiny)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("accepted ") and "3 figures added (T01, T02, T03), 0 upgraded (none), 1 " \
                                                     "exclusions; 0 rows skipped" in done.stdout
