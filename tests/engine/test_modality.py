"""Sensation by modality moves the ranking in the direction content/sensation.yaml gives, and only then."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.anatomy import ContentError, load_atlas
from explainer.engine import localise, make_findings, rank
from explainer.engine.config import load_config
from explainer.engine.modality import SensoryMark, load_rules_from, patterns_of, sensory_marks

FEET = [f"{z}_{s}" for z in ("foot_dorsum", "sole_medial", "sole_lateral", "toes_2_4_dorsal") for s in ("left", "right")]
L5 = ["foot_dorsum_right", "great_toe_dorsal_right"]


def _scores(zones: list[str], marks: list[tuple[str, str]]) -> dict[str, float]:
    exam = {"sensation": [{"zone": z, "modality": m, "change": c} for z in zones for m, c in marks]} if marks else None
    ranked = rank(make_findings(zones=zones, symptoms=["numbness"], exam=exam))
    return {r.scored.spec.key: r.scored.score for r in ranked}  # log scores: a difference is a ratio


def _reasons(zones: list[str], marks: list[tuple[str, str]]) -> list[str]:
    exam = {"sensation": [{"zone": z, "modality": m, "change": c} for z in zones for m, c in marks]}
    top = localise(make_findings(zones=zones, symptoms=["numbness"], exam=exam)).candidates[0]
    return [r.text for r in (*top.supporting, *top.against) if r.kind == "sensation"]


def test_large_fibre_loss_favours_neuropathy_and_cord_over_a_root() -> None:
    before = _scores(FEET, [])
    after = _scores(FEET, [("vibration", "reduced"), ("position", "reduced")])
    assert after["polyneuropathy"] - after["L5"] > before["polyneuropathy"] - before["L5"]
    assert after["c_spine_myelopathy"] - after["L5"] > before["c_spine_myelopathy"] - before["L5"]
    assert any("dorsal columns" in t for t in _reasons(FEET, [("vibration", "reduced")]))


def test_touch_lost_too_is_not_the_large_fibre_pattern() -> None:
    assert _scores(FEET, [("vibration", "reduced"), ("light_touch", "reduced")]) == _scores(FEET, [])


def test_dense_loss_tilts_a_root_against_a_nerve() -> None:
    before = _scores(L5, [])
    after = _scores(L5, [("light_touch", "absent")])
    assert after["L5"] - after["common_fibular_nerve"] < before["L5"] - before["common_fibular_nerve"]


def test_painful_touch_argues_against_no_lesion() -> None:
    before, after = _scores(L5, []), _scores(L5, [("light_touch", "allodynia")])
    assert after["non_neural"] - after["L5"] < before["non_neural"] - before["L5"]


def test_patterns() -> None:
    def marks(*pairs: str) -> list[SensoryMark]:
        return [SensoryMark("foot_dorsum_right", *p.split("-")) for p in pairs]  # type: ignore[arg-type]

    assert patterns_of(marks("vibration-reduced", "position-absent")) == ("large_fibre",)
    assert patterns_of(marks("pinprick-reduced")) == ("small_fibre",)
    assert patterns_of(marks("pinprick-absent", "light_touch-reduced")) == ("dense_loss",)
    assert patterns_of(marks("light_touch-allodynia")) == ("painful_touch",)
    assert patterns_of([]) == ()


def test_marks_outside_the_vocabulary_or_the_marked_zones_are_ignored() -> None:
    exam = {"sensation": [{"zone": "heel_lateral_left", "modality": "vibration", "change": "reduced"},
                          {"zone": "foot_dorsum_right", "modality": "smell", "change": "reduced"},
                          {"zone": "foot_dorsum_right", "modality": "pinprick", "change": "reduced"}]}
    findings = make_findings(zones=L5, exam=exam)
    assert sensory_marks(findings) == (SensoryMark("foot_dorsum_right", "pinprick", "reduced"),)


@pytest.mark.parametrize(("text", "field"), [
    ("rules:\n- {pattern: large_fibre, targets: [polyneuropathy], lr: 2, why: x, source: NOPE}\n", "source"),
    ("rules:\n- {pattern: large_fibre, targets: [nowhere], lr: 2, why: x, source: BRAZIS}\n", "targets"),
    ("rules:\n- {pattern: smell, targets: [polyneuropathy], lr: 2, why: x, source: BRAZIS}\n", "pattern"),
])
def test_a_broken_rules_file_names_file_record_and_field(tmp_path: Path, text: str, field: str) -> None:
    path = tmp_path / "sensation.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_rules_from(path, atlas=load_atlas(), config=load_config())
    assert err.value.file == "sensation.yaml" and field in err.value.field and "rules" in err.value.record
