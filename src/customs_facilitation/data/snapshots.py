"""Raw snapshots and their sidecars: the texts we hold, each with one record of its provenance.

Every file in ``data/raw/`` is a snapshot ``NAME.EXT`` with a sidecar ``NAME.json`` beside it,
following ``sidecarSchema`` in ``datapackage.json``. A snapshot of a source names its
``source_id`` and that source's ``text_path`` names the snapshot: the citation lives in
``sources.csv`` only. Any other snapshot (a source pack, map data) carries its citation itself.
"""

import hashlib
import json
from pathlib import Path

import pandas as pd

from ..errors import DataValidationError, Problem
from .schema import read_descriptor

RAW = "raw"
SIDECAR_SUFFIX = ".json"


def sidecar_of(snapshot: Path) -> Path:
    """The sidecar of a snapshot: the same name with ``.json``.

    >>> sidecar_of(Path("raw/seed.txt")).as_posix()
    'raw/seed.json'
    """
    return snapshot.with_suffix(SIDECAR_SUFFIX)


def read_sidecars(data_dir: Path) -> tuple[dict[str, dict], list[Problem]]:
    """Every sidecar of ``data_dir/raw`` as a JSON object, by its path below the data folder
    (``raw/seed.json``); a problem for each that is not one."""
    sidecars, problems = {}, []
    for path in sorted((data_dir / RAW).glob(f"*{SIDECAR_SUFFIX}")):
        name = f"{RAW}/{path.name}"
        try:
            sidecar = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(Problem(name, f"is not valid UTF-8 JSON: {error}"))
            continue
        if isinstance(sidecar, dict):
            sidecars[name] = sidecar
        else:
            problems.append(Problem(name, "is not a JSON object; a sidecar is one object of fields "
                                          "(sidecarSchema in datapackage.json)"))
    return sidecars, problems


def snapshot_problems(sources: pd.DataFrame, data_dir: Path) -> list[Problem]:
    """Snapshots, sidecars and sources.csv agree: every snapshot has its sidecar, every sidecar
    names its snapshot beside it with that file's sha256, and a sidecar's source exists and names
    the snapshot as its ``text_path``."""
    sidecars, problems = read_sidecars(data_dir)
    problems += unrecorded_snapshot_problems(data_dir)
    text_paths = sources.set_index("source_id")["text_path"]
    for name, sidecar in sidecars.items():
        problems += _file_problems(name, sidecar, data_dir)
        if "source_id" in sidecar:
            problems += _source_problems(name, sidecar, text_paths)
    return problems


def unrecorded_snapshot_problems(data_dir: Path) -> list[Problem]:
    """A problem for each file in ``raw/`` that is neither a sidecar nor a snapshot with one."""
    return [Problem(f"{RAW}/{path.name}", f"has no sidecar {RAW}/{sidecar_of(path).name}; every snapshot records "
                                          "what it is, its citation, its licence and its sha256 there")
            for path in sorted((data_dir / RAW).glob("*"))
            if path.is_file() and path.suffix != SIDECAR_SUFFIX and not sidecar_of(path).is_file()]


def _file_problems(name: str, sidecar: dict, data_dir: Path) -> list[Problem]:
    """The sidecar names the snapshot beside it, which exists and has the recorded sha256."""
    file = sidecar.get("file")
    if not isinstance(file, str) or Path(file).name != file or Path(file).suffix == SIDECAR_SUFFIX \
            or f"{RAW}/{sidecar_of(Path(file)).name}" != name:
        stem = Path(name).stem
        return [Problem(name, f"field file: {file!r} is not the snapshot beside this sidecar; "
                              f"expected the name of a file {stem}.EXT in {RAW}/")]
    snapshot = data_dir / RAW / file
    if not snapshot.is_file():
        return [Problem(name, f"field file: {file!r} names no file in {data_dir / RAW}")]
    digest = hashlib.sha256(snapshot.read_bytes()).hexdigest()
    if sidecar.get("sha256") != digest:
        return [Problem(name, f"field sha256: {sidecar.get('sha256')!r} is not the sha256 of {RAW}/{file} "
                              f"({digest}); raw snapshots are never edited: restore the file, or hold a new "
                              "text as a new snapshot")]
    return []


def _source_problems(name: str, sidecar: dict, text_paths: pd.Series) -> list[Problem]:
    """The sidecar's source exists and its ``text_path`` names this sidecar's snapshot."""
    source_id, snapshot = sidecar["source_id"], f"{RAW}/{sidecar.get('file')}"
    if not isinstance(source_id, str) or source_id not in text_paths.index:
        return [Problem(name, f"field source_id: {source_id!r} is not a source_id in sources.csv")]
    text_path = text_paths[source_id]
    if text_path != snapshot:
        named = "no snapshot" if pd.isna(text_path) else repr(text_path)
        return [Problem(name, f"field source_id: {source_id!r} names a source whose text_path is {named}, not "
                              f"{snapshot!r}; a source's text_path and its snapshot's sidecar name each other")]
    return []


def sidecar_problems(data_dir: Path, sources: pd.DataFrame) -> list[Problem]:
    """Every sidecar follows ``sidecarSchema`` of ``datapackage.json``, and the snapshot named by a
    source's ``text_path`` has a sidecar naming that source: a problem names the file, the field
    and what was expected."""
    import jsonschema  # only here: loading the tables does not need it

    schema = sidecar_schema(data_dir)
    validator = jsonschema.Draft202012Validator(schema)
    sidecars, problems = read_sidecars(data_dir)
    for name, sidecar in sidecars.items():
        problems += [p for error in validator.iter_errors(sidecar) for p in _schema_problems(name, sidecar, error,
                                                                                            schema)]
    for row in sources.dropna(subset=["text_path"]).itertuples():
        sidecar_name = sidecar_of(Path(row.text_path)).as_posix()
        if sidecar_name in sidecars and sidecars[sidecar_name].get("source_id") != row.source_id:
            problems.append(Problem("sources.csv", f"names a snapshot whose sidecar {sidecar_name} does not name "
                                                   f"this source in its field source_id", row=int(row.Index) + 1,
                                    column="text_path", value=row.text_path))
    return list(dict.fromkeys(problems))


def sidecar_schema(data_dir: Path) -> dict:
    """The JSON Schema every sidecar follows: ``sidecarSchema`` in ``datapackage.json``."""
    descriptor = read_descriptor(data_dir)
    if "sidecarSchema" not in descriptor:
        raise DataValidationError([Problem("datapackage.json", "has no sidecarSchema: the JSON Schema every "
                                                               f"sidecar in {RAW}/ follows")])
    return descriptor["sidecarSchema"]


def _schema_problems(name: str, sidecar: dict, error, schema: dict) -> list[Problem]:
    """One jsonschema error as problems naming each field concerned and what it expects."""
    fields = schema["properties"]
    if error.schema_path[0] == "then":  # a snapshot of a source restates its citation
        return [Problem(name, f"field {field}: given, but this snapshot names source_id {sidecar['source_id']!r}, "
                              "whose row in sources.csv holds its citation; remove the field")
                for field in schema["then"]["properties"] if field in sidecar]
    if error.validator == "required":
        why = " (a snapshot that names no source_id carries its own citation)" if error.schema_path[0] == "else" else ""
        return [Problem(name, f"field {field} is missing; expected {fields[field]['description']}{why}")
                for field in error.validator_value if field not in sidecar]
    if error.validator == "additionalProperties" and not error.path:
        return [Problem(name, f"field {field} is not a sidecar field; the fields are {', '.join(fields)}")
                for field in sidecar if field not in fields]
    field = ".".join(map(str, error.path))
    return [Problem(name, f"field {field}: {error.instance!r} is not {_hint(error)}; "
                          f"expected {fields[error.path[0]]['description']}")]


def _hint(error) -> str:
    """What a failed keyword asked for, in words."""
    value = error.validator_value
    return {"enum": lambda: "one of " + ", ".join(value), "pattern": lambda: f"text matching {value}",
            "type": lambda: f"a JSON {value}", "minLength": lambda: "a non-empty text",
            "minProperties": lambda: "an object with at least one entry"}.get(error.validator, lambda: error.message)()
