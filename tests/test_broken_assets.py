"""Broken files give one friendly page: a missing, empty, truncated or invalid file in content/ or assets/.

Each case is checked three ways: the loader's error (file, record, field), the app (AppTest: one page naming the
file and what to do, never Streamlit's error box), and ``python -m explainer check`` run on a copy of the project
(exit code 1, the same file named, never a traceback).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import explainer.anatomy.loader as loader
import explainer.bodymap.geometry as geometry
import explainer.engine.config as engine_config
import explainer.handout.text as handout_text
import explainer.texts as texts
from explainer.anatomy import ContentError, ContentErrors
from explainer.engine.ranking import default_model
from explainer.paths import ASSETS_DIR, CONTENT_DIR, PACKAGE_DIR
from tests.ui.conftest import APP


def _cut_inside(text: str, marker: str, keep: int) -> str:
    """The text cut short ``keep`` characters after ``marker`` (a save interrupted half way through a record)."""
    return text[: text.index(marker) + keep]


def _drop_anchor(text: str) -> str:
    data = json.loads(text)
    del data["views"]["front"]["zones"]["thigh_anterior_mid_left"]["anchor"]
    return json.dumps(data)


@dataclass(frozen=True)
class Case:
    file: str  # as the project names it
    breaker: Callable[[str], str | None]  # old text -> new text (None: delete the file)
    record: str = "-"
    field: str = "-"
    words: str = ""  # in the problem


CASES: dict[str, Case] = {
    "zones.yaml missing": Case("content/zones.yaml", lambda t: None, words="missing"),
    "zones.yaml empty": Case("content/zones.yaml", lambda t: "", words="empty"),
    "zones.yaml truncated": Case("content/zones.yaml", lambda t: _cut_inside(t, "- id: occiput\n", 30),
                                 record="occiput", field="view"),
    "zones.yaml invalid": Case("content/zones.yaml",
                               lambda t: t.replace("- id: occiput\n  name: Back of the head\n  view: back",
                                                   "- id: occiput\n  name: Back of the head\n  view: side"),
                               record="occiput", field="view", words="expected one of"),
    "body_map.json missing": Case("assets/body_map.json", lambda t: None, words="missing"),
    "body_map.json empty": Case("assets/body_map.json", lambda t: "", words="empty"),
    "body_map.json truncated": Case("assets/body_map.json", lambda t: t[: len(t) // 2], words="cut short"),
    "body_map.json invalid": Case("assets/body_map.json", _drop_anchor, record="views.front.zones.thigh_anterior_mid_left",
                                  field="anchor", words="missing"),
}


# Other files the app reads at start (anatomy is above): one case each, for the app and the check command.
MORE: dict[str, Case] = {
    "engine.yaml empty": Case("content/engine.yaml", lambda t: "# emptied\n", words="empty"),
    "handout.yaml missing": Case("content/text/handout.yaml", lambda t: None, words="missing"),
    "ui.yaml truncated": Case("content/text/ui.yaml", lambda t: t[: len(t) // 2] + '\n  broken: "unclosed',
                              words="not valid YAML"),
    "reasons.yaml invalid": Case("content/text/reasons.yaml", lambda t: t.replace("  weak_major:", "  weak_majr:"),
                                 record="weak_major", field="kinds", words="no plain line"),
    "zone_vocabulary.json invalid": Case("assets/zone_vocabulary.json", lambda t: t.replace('"name"', '"nom"', 1),
                                         record="zones[0] (face)", field="name", words="missing"),
}


def _break(project: Path, case: Case) -> None:
    path = project / case.file
    new = case.breaker(path.read_text(encoding="utf-8"))
    if new is None:
        path.unlink()
    else:
        assert new != path.read_text(encoding="utf-8"), "the breaker changed nothing"
        path.write_text(new, encoding="utf-8")


def _clear_caches() -> None:
    for cached in (loader.load_atlas, texts.load_texts, engine_config.load_config, default_model, geometry.load_body_map,
                   handout_text.load_handout_text):
        cached.cache_clear()
    st.cache_resource.clear()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of content/ and assets/ that the app's loaders read instead of the real ones."""
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    shutil.copytree(ASSETS_DIR, tmp_path / "assets")
    for module in (loader, texts, engine_config, handout_text):
        monkeypatch.setattr(module, "CONTENT_DIR", tmp_path / "content")
    monkeypatch.setattr(geometry, "BODY_MAP_PATH", tmp_path / "assets" / "body_map.json")
    monkeypatch.setattr(geometry, "VOCABULARY_PATH", tmp_path / "assets" / "zone_vocabulary.json")
    _clear_caches()
    yield tmp_path
    _clear_caches()


def _load_error(case: Case) -> ContentError:
    with pytest.raises((ContentError, ContentErrors)) as info:
        loader.load_atlas()
        geometry.load_body_map()
    exc = info.value
    return exc.errors[0] if isinstance(exc, ContentErrors) else exc


@pytest.mark.parametrize("name", sorted(CASES))
def test_loader_names_file_record_and_field(project: Path, name: str) -> None:
    case = CASES[name]
    _break(project, case)
    err = _load_error(case)
    assert err.path == case.file and (err.record, err.field) == (case.record, case.field), str(err)
    assert case.words in err.problem
    assert case.file in err.advice


@pytest.mark.parametrize("name", sorted(CASES) + sorted(MORE))
def test_app_shows_one_friendly_page(project: Path, name: str) -> None:
    case = {**CASES, **MORE}[name]
    _break(project, case)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error  # no red box of any kind
    assert [t.value for t in at.title] == ["Nerve Map cannot open"]
    shown = "\n".join([str(m.value) for m in at.markdown] + [str(c.value) for c in at.code])
    assert f"`{case.file}`" in shown and "What to do" in shown and "python -m explainer check" in shown
    assert f"record:  {case.record}" in shown and f"field:   {case.field}" in shown
    assert case.words in shown
    assert not at.button and not at.multiselect, "the page stops: no half-working app underneath"


def test_app_opens_again_once_the_file_is_restored(project: Path) -> None:
    (project / "assets" / "body_map.json").write_text("", encoding="utf-8")
    assert AppTest.from_file(APP, default_timeout=60).run().title[0].value == "Nerve Map cannot open"
    shutil.copy(ASSETS_DIR / "body_map.json", project / "assets" / "body_map.json")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and at.title[0].value == "Where do you feel it?"


@pytest.fixture(scope="module")
def whole_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package, content/ and assets/: the check command finds its files from its own location."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(PACKAGE_DIR, root / "explainer", ignore=shutil.ignore_patterns("__pycache__"))
    return root


@pytest.mark.parametrize("name", sorted(CASES) + sorted(MORE))
def test_check_command_reports_it_and_exits_non_zero(whole_project: Path, name: str) -> None:
    case = {**CASES, **MORE}[name]
    for folder in ("content", "assets"):
        shutil.rmtree(whole_project / folder, ignore_errors=True)
        shutil.copytree(PACKAGE_DIR.parent / folder, whole_project / folder)
    _break(whole_project, case)
    run = subprocess.run([sys.executable, "-m", "explainer", "check"], cwd=whole_project, capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert f"ERROR {case.file}: record '{case.record}', field '{case.field}'" in run.stdout, run.stdout
    assert "what to do:" in run.stdout and "check FAILED" in run.stdout
