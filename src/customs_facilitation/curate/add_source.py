"""Hold a new text: store it as a snapshot in ``data/raw/`` and add or complete its source.

The snapshot is the text byte for byte, ``raw/SOURCE_ID.txt`` (or the file's own name if it is
in ``raw/`` already), beside a sidecar in the one shape ``sidecarSchema`` declares
(:mod:`customs_facilitation.data.snapshots`): the source's id, what the snapshot is, its licence,
how it is held and its sha256; the citation stays in ``sources.csv``. A source already listed
is recognised by its address: its row is completed (``text_path``, and cells it left empty),
never contradicted. Everything is validated before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from ..data.package import load_cells_as_written
from ..data.snapshots import RAW, sidecar_of
from ..errors import DataValidationError, Problem
from ..paths import resolve_data_dir
from .staging import apply_changes
from .table_text import with_rows

LICENCE_NOT_RECORDED = ("unknown: the publisher's terms were not recorded; held byte for byte so that every curated "
                        "figure can be checked against it, and it remains under its publisher's terms (LICENSE-DATA)")
HELD_AS_RECEIVED = "Stored byte for byte as received and never edited."
NEEDED = ("source_id", "outlet", "title", "language", "reliability")
"""What a new row of sources.csv needs from the command line."""


@dataclass(frozen=True)
class Held:
    """What add-source did: the source, its snapshot, and whether its row was added, completed or
    already held the text."""

    source_id: str
    snapshot: str
    row: str


def add_source(file: Path | str, citation: dict[str, str], sidecar: dict[str, str], data_dir=None) -> Held:
    """Store ``file`` as a snapshot with its sidecar, and add or complete its row of sources.csv.

    Args:
        file: The text, UTF-8.
        citation: Cells of its sources.csv row by column (source_id, url, outlet, title,
            published_date, accessed_date, language, reliability, note); empty ones are left out.
            A row without accessed_date gets today's.
        sidecar: kind, and optionally description (default: the title), licence and note.
        data_dir: The data folder; default the curated data.

    Raises:
        DataValidationError: naming the file and field at fault; nothing is written.
    """
    file, data_dir = Path(file), resolve_data_dir(data_dir)
    content = _text_bytes(file)
    citation = {k: v.strip() for k, v in citation.items() if v and v.strip()}
    sources = load_cells_as_written(data_dir)["sources"]
    row = _row_of_address(sources, citation.get("url"))
    if row is not None and row["text_path"]:
        return _already_held(row, content, data_dir)
    cells, action = (_completed(row, citation), "completed") if row is not None else (_new(sources, citation), "added")
    cells["accessed_date"] = cells.get("accessed_date") or date.today().isoformat()
    name = file.name if file.resolve().parent == (data_dir / RAW).resolve() else f"{cells['source_id']}" + (
        file.suffix or ".txt")
    cells["text_path"] = f"{RAW}/{name}"
    record = {"file": name, "source_id": cells["source_id"], "kind": sidecar.get("kind") or "article",
              "description": sidecar.get("description") or cells["title"],
              "licence": sidecar.get("licence") or LICENCE_NOT_RECORDED,
              "note": sidecar.get("note") or HELD_AS_RECEIVED, "sha256": hashlib.sha256(content).hexdigest()}
    changes = {f"{RAW}/{name}": content,
               sidecar_of(Path(RAW) / name).as_posix(): (json.dumps(record, ensure_ascii=False, indent=2) + "\n")
               .encode("utf-8")}
    _refuse_overwriting(data_dir, changes)
    text = (data_dir / "sources.csv").read_text(encoding="utf-8")
    line = [cells.get(column, "") for column in sources.columns]
    changes["sources.csv"] = (with_rows(text, replaced={cells["source_id"]: line}) if row is not None
                              else with_rows(text, [line])).encode("utf-8")
    apply_changes(data_dir, changes)
    return Held(cells["source_id"], f"{RAW}/{name}", action)


def _text_bytes(file: Path) -> bytes:
    try:
        content = file.read_bytes()
        content.decode("utf-8")
    except OSError as error:
        raise DataValidationError([Problem(str(file), f"cannot be read: {error.strerror}")]) from None
    except UnicodeDecodeError as error:
        raise DataValidationError([Problem(str(file), f"is not UTF-8 text (byte {error.start}); save the text as "
                                                      "UTF-8")]) from None
    if not content.strip():
        raise DataValidationError([Problem(str(file), "is empty; a snapshot holds the text of its source")])
    return content


def address(url: str) -> str:
    """An address as compared: scheme, ``www.``, letter case of the host and a final slash left out.

    >>> address("HTTPS://www.Example.com/news/1/") == address("http://example.com/news/1")
    True
    """
    match = re.fullmatch(r"(?i)\s*https?://(?:www\.)?([^/]+)(.*?)/?\s*", url)
    return f"{match[1].lower()}{match[2]}" if match else url.strip()


def _row_of_address(sources: pd.DataFrame, url: str | None) -> pd.Series | None:
    if not url:
        return None
    same = sources[sources["url"].map(address) == address(url)]
    return None if same.empty else same.iloc[0]


def _already_held(row: pd.Series, content: bytes, data_dir: Path) -> Held:
    """A source that holds this very text already needs nothing; another text of it is refused."""
    held = data_dir / row["text_path"]
    if held.is_file() and held.read_bytes() == content:
        return Held(row["source_id"], row["text_path"], "already held")
    raise DataValidationError([Problem("sources.csv", "holds a snapshot of this address already; a snapshot is "
                                                      "never replaced: hold a new text as a new source (another "
                                                      "--url or none, and --source-id)",
                                       row=int(row.name) + 1, column="text_path", value=row["text_path"])])


def _completed(row: pd.Series, citation: dict[str, str]) -> dict[str, str]:
    """The row with its empty cells filled from ``citation``; a cell that says otherwise is refused."""
    cells = row.to_dict()
    conflicts = [Problem("sources.csv", f"says {cells[column]!r}; the command says {value!r}: leave the option out, "
                                        "or edit the row first", row=int(row.name) + 1, column=column)
                 for column, value in citation.items() if column in cells and cells[column] not in ("", value)
                 and column != "url"]
    if conflicts:
        raise DataValidationError(conflicts)
    return {**cells, **{column: value for column, value in citation.items() if not cells.get(column)}}


def _new(sources: pd.DataFrame, citation: dict[str, str]) -> dict[str, str]:
    """A new row from ``citation``; what it lacks, or an id already taken, is refused."""
    problems = [Problem("sources.csv", f"is needed for a new source (option --{column.replace('_', '-')}): "
                                       "no source in sources.csv has this address", column=column)
                for column in NEEDED if column not in citation]
    taken = sources.index[sources["source_id"] == citation.get("source_id")]
    problems += [Problem("sources.csv", f"is the id of another source (address {sources.loc[i, 'url'] or 'none'}); "
                                        "choose another", row=int(i) + 1, column="source_id",
                         value=citation["source_id"]) for i in taken]
    if problems:
        raise DataValidationError(problems)
    return citation


def _refuse_overwriting(data_dir: Path, changes: dict[str, bytes]) -> None:
    """A snapshot or sidecar already in raw/ with other bytes is never overwritten."""
    problems = [Problem(name, "exists already with other content; raw snapshots are never replaced: choose another "
                              "--source-id, or remove the file if it is a half-finished copy of this text")
                for name, content in changes.items()
                if (data_dir / name).is_file() and (data_dir / name).read_bytes() != content]
    if problems:
        raise DataValidationError(problems)
