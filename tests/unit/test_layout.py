"""The package's stages import downwards only: data <- verify <- notebook <- report.

``errors``, ``paths`` and ``files`` serve every stage; ``cli`` sits on top.
"""

import ast

import pytest

from customs_facilitation.paths import PACKAGE_DIR

STAGES = ["data", "verify", "notebook", "report"]
SHARED = {"errors", "paths", "files"}


def stage_of(module: str) -> str:
    """'customs_facilitation.verify.audit' -> 'verify'; shared and top modules name themselves."""
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


def test_every_stage_is_a_package_with_modules():
    for stage in STAGES:
        assert (PACKAGE_DIR / stage / "__init__.py").exists()
    assert len(SOURCES) >= 15


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_stage_imports_only_itself_earlier_stages_and_shared_modules(path):
    own = STAGES.index(path.parent.name)
    for module in imported_modules(path):
        stage = stage_of(module)
        assert stage in SHARED or (stage in STAGES and STAGES.index(stage) <= own), (
            f"{path.parent.name}/{path.name} imports {module}: {path.parent.name} may import "
            f"{', '.join(STAGES[: own + 1])} and {', '.join(sorted(SHARED))} only")


def test_shared_modules_import_no_stage():
    for name in SHARED:
        assert not {stage_of(m) for m in imported_modules(PACKAGE_DIR / f"{name}.py")} & set(STAGES), name
