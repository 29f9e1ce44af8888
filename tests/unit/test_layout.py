"""The package's stages import only the stages they build on:

    data <- verify <- notebook <- report        data <- curate (the curator's tools)

``errors``, ``paths``, ``files`` and ``language`` (the report's languages and messages) serve every
stage; ``cli`` sits on top.
"""

import ast

import pytest

from customs_facilitation.paths import PACKAGE_DIR

MAY_IMPORT = {"data": set(), "verify": {"data"}, "curate": {"data"}, "notebook": {"data", "verify"},
              "report": {"data", "verify", "notebook"}}
"""Each stage and the stages it may import besides itself: the notebooks and the report never need
the curator's tools, and the curator's tools never need a page."""
STAGES = list(MAY_IMPORT)
SHARED = {"errors", "paths", "files", "language"}


def stage_of(module: str) -> str:
    """'customs_facilitation.curate.audit' -> 'curate'; shared and top modules name themselves."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imported_modules(path) -> set[str]:
    """The package modules a source file imports (relative imports resolved)."""
    relative = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
    package = list(relative.parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            found.add(".".join(base + ([node.module] if node.module else [])))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("customs_facilitation"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("customs_facilitation")}
    return found


SOURCES = sorted(p for stage in STAGES for p in (PACKAGE_DIR / stage).glob("*.py"))


def test_every_stage_is_a_package_with_modules_and_every_package_is_a_stage():
    for stage in STAGES:
        assert (PACKAGE_DIR / stage / "__init__.py").exists(), f"{stage}/ is not a package"
        assert [p for p in (PACKAGE_DIR / stage).glob("*.py") if p.name != "__init__.py"], f"{stage}/ is empty"
    packages = {p.parent.name for p in PACKAGE_DIR.glob("*/__init__.py")}
    assert packages <= set(STAGES), f"{packages - set(STAGES)}: add the new stage to MAY_IMPORT"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_stage_imports_only_itself_earlier_stages_and_shared_modules(path):
    own = path.parent.name
    allowed = MAY_IMPORT[own] | {own} | SHARED
    for module in imported_modules(path):
        assert stage_of(module) in allowed, (
            f"{own}/{path.name} imports {module}: {own} may import {', '.join(sorted(allowed))} only")


def test_shared_modules_import_no_stage():
    for name in SHARED:
        assert not {stage_of(m) for m in imported_modules(PACKAGE_DIR / f"{name}.py")} & set(STAGES), name
