"""content/text/handout.yaml: every printed word keyed, every name it uses known, errors name file/record/field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from explainer.anatomy import Atlas, ContentError
from explainer.bodymap.geometry import VIEWS, load_body_map
from explainer.handout.text import Strings, label_key, load_handout_text, load_handout_text_from
from explainer.paths import CONTENT_DIR


def test_every_drawn_label_and_view_title_is_keyed() -> None:
    text = load_handout_text()
    body = load_body_map()
    drawn = {label_key(lab.text) for v in body.views.values() for lab in v.labels}
    assert drawn <= set(text.labels), sorted(drawn - set(text.labels))
    assert set(text.view_titles) == set(VIEWS)


def test_every_string_has_text() -> None:
    strings = load_handout_text().strings
    assert all(getattr(strings, name).strip() for name in Strings.model_fields)
    assert "{date}" in strings.made_on and "{n}" in strings.page


def test_warning_lists_are_short_and_point_at_real_warnings(atlas: Atlas) -> None:
    text = load_handout_text()
    for g in text.watch_for:
        assert g.flag in atlas.red_flags and 1 <= len(g.signs) <= 4
        assert g.always or g.regions or g.zones or g.answers, g.id


def _broken(tmp_path: Path, change: dict[str, object]) -> Path:
    content = tmp_path / "content"
    (content / "text").mkdir(parents=True)
    raw = yaml.safe_load((CONTENT_DIR / "text" / "handout.yaml").read_text(encoding="utf-8"))
    raw["watch_for"][0].update(change)
    (content / "text" / "handout.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    return content


@pytest.mark.parametrize(("change", "field", "problem"), [
    ({"flag": "no_such_flag"}, "flag", "unknown red flag"),
    ({"zones": ["elbow_of_nowhere"]}, "zones", "unknown zone"),
    ({"regions": ["tail"]}, "watch_for.0.regions.0", "expected one of"),
    ({"colour": "red"}, "watch_for.0.colour", "unknown key"),
])
def test_a_broken_handout_file_names_file_record_and_field(tmp_path: Path, atlas: Atlas, change: dict[str, object],
                                                            field: str, problem: str) -> None:
    with pytest.raises(ContentError) as err:
        load_handout_text_from(_broken(tmp_path, change), atlas=atlas)
    assert err.value.file == "text/handout.yaml" and err.value.field == field and problem in err.value.problem


def _with_overlay(tmp_path: Path, overlay: dict[str, object]) -> Path:
    content = _broken(tmp_path, {})
    (content / "i18n" / "es" / "text").mkdir(parents=True)
    (content / "i18n" / "es" / "text" / "handout.yaml").write_text(yaml.safe_dump(overlay, allow_unicode=True),
                                                                  encoding="utf-8")
    return content


def test_another_language_lays_its_translation_over_the_english_file(tmp_path: Path, atlas: Atlas) -> None:
    content = _with_overlay(tmp_path, {"strings": {"title": "Resumen de Nerve Map"}})
    spanish = load_handout_text_from(content, atlas=atlas, lang="es")
    english = load_handout_text_from(content, atlas=atlas, lang="en")
    assert spanish.strings.title == "Resumen de Nerve Map" and english.strings.title != spanish.strings.title
    assert spanish.strings.page == english.strings.page  # untranslated words stay English
    assert [g.flag for g in spanish.watch_for] == [g.flag for g in english.watch_for]  # ids from the English file


def test_a_stale_translation_names_its_file(tmp_path: Path, atlas: Atlas) -> None:
    content = _with_overlay(tmp_path, {"strings": {"no_such_string": "¿Qué?"}})
    with pytest.raises(ContentError) as err:
        load_handout_text_from(content, atlas=atlas, lang="es")
    assert err.value.file == "i18n/es/text/handout.yaml" and "not in the English file" in err.value.problem
