"""The project's layout rules that code review alone would not hold."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_IN_SEARCH = {"flask", "sqlalchemy", "flask_sqlalchemy", "portal"}


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_search_library_knows_nothing_of_flask_the_database_or_the_portal():
    for path in (ROOT / "search").rglob("*.py"):
        assert not _imported_roots(path) & FORBIDDEN_IN_SEARCH, path


def test_whoosh_is_used_only_inside_search():
    for folder in ("portal", "tests", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            if "tests/search" in path.as_posix():
                continue
            assert "whoosh" not in _imported_roots(path), path
