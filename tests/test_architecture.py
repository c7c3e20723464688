"""Architecture rules: the domain core never imports streamlit; CI runs the README's test command."""

from __future__ import annotations

import ast
from pathlib import Path

from explainer.paths import PACKAGE_DIR, PROJECT_DIR

SHELL = {"app.py"}
SHELL_DIRS = {"ui"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_domain_core_never_imports_streamlit() -> None:
    offenders = []
    for path in PACKAGE_DIR.rglob("*.py"):
        rel = path.relative_to(PACKAGE_DIR)
        if (rel.name in SHELL and len(rel.parts) == 1) or rel.parts[0] in SHELL_DIRS:
            continue
        if "streamlit" in _imports(path):
            offenders.append(str(rel))
    assert offenders == []


def test_the_shell_does_import_streamlit() -> None:
    assert "streamlit" in _imports(PACKAGE_DIR / "app.py")


def _readme_commands() -> list[str]:
    text = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = quick.split("```")[1::2]
    return [line.strip() for block in blocks for line in block.splitlines()[1:] if line.strip()]


def test_readme_has_exactly_two_quick_start_commands() -> None:
    commands = _readme_commands()
    assert len(commands) == 2
    assert "streamlit run explainer/app.py" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (PROJECT_DIR / ".ci" / "run").read_text(encoding="utf-8")
    assert _readme_commands()[1] in ci.splitlines()


def test_streamlit_config_is_private_and_offline() -> None:
    import tomllib

    config = tomllib.loads((PROJECT_DIR / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"]
    assert config["server"]["enableXsrfProtection"] is True
    assert config["client"]["showErrorDetails"] in ("none", False)


def test_the_where_page_loads_without_shapely_or_numpy() -> None:
    """The first page of a new server must not wait for the geometry libraries (about 0.1 s on a 2-core machine):
    shapely and numpy serve the build and check tools, the handout and the Plotly spine, not the Where page."""
    import subprocess
    import sys

    code = ("import sys; import explainer.ui.where, explainer.ui.nav as n; n.load_everything(); "
            "print(sorted(m for m in ('shapely', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_warm_up_prepares_the_first_page_without_shapely_or_numpy() -> None:
    """A new server warms what its first page needs while the browser loads Streamlit's front end
    (explainer/ui/warmup.py): the page's modules, all content, the emoji table and the default view's drawing."""
    import subprocess
    import sys

    code = ("import sys; from explainer.ui.warmup import warm_up; warm_up(); "
            "from explainer.ui.mapview import geometry; "
            "print(geometry.cache_info().currsize, 'streamlit.emojis' in sys.modules, 'explainer.ui.where' in sys.modules, "
            "sorted(m for m in ('shapely', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "1 True True []"
