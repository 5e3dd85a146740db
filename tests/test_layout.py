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


def _portal_modules() -> dict[str, Path]:
    modules = {}
    for path in (ROOT / "portal").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _portal_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The portal modules ``path`` imports anywhere, in functions too; imports for type checkers only are left
    out, as they never run."""
    found = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                for alias in child.names:
                    submodule = f"{child.module}.{alias.name}"
                    found.add(submodule if submodule in modules else child.module)
            elif isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            visit(child)

    visit(ast.parse(path.read_text()))
    return found & modules.keys()


def _import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import one another, directly or round a loop (Tarjan's algorithm)."""
    order: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def connect(module: str) -> None:
        order[module] = lowest[module] = len(order)
        stack.append(module)
        for imported in graph[module]:
            if imported not in order:
                connect(imported)
                lowest[module] = min(lowest[module], lowest[imported])
            elif imported in stack:
                lowest[module] = min(lowest[module], order[imported])
        if lowest[module] == order[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1 or module in graph[module]:
                cycles.append(sorted(group))

    for module in sorted(graph):
        if module not in order:
            connect(module)
    return cycles


def test_no_two_portal_modules_import_each_other_even_round_a_loop():
    modules = _portal_modules()
    graph = {name: _portal_imports(path, modules) for name, path in modules.items()}
    assert _import_cycles(graph) == []


def test_the_cycle_check_finds_a_loop():
    assert _import_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
