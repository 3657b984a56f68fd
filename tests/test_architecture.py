"""The house rule: the core never imports Qt; only xviz/ui does (shared/design/architecture.md)."""
import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "xviz"
CORE = ["engine", "explain", "scenario", "diagram", "document", "handout"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_import_outside_ui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in ("ui", "commands"):
            continue
        if any(name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6") for name in imported_modules(path)):
            offenders.append(str(relative))
    assert offenders == []


def test_core_packages_load_without_qt():
    code = ("import sys\n" + "".join(f"import xviz.{name}\n" for name in CORE) +
            "import xviz.cli, xviz.commands.simulate, xviz.commands.lint\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_import_contracts_hold():
    """import-linter's contracts in pyproject.toml: no Qt and no xviz.ui in the core, a standalone engine."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint_imports)], capture_output=True, text=True, timeout=300,
                         cwd=PACKAGE.parent)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "2 kept, 0 broken" in out.stdout
