"""General clinical rules added for issue 11's "cases never seen" work, each a small named test that fails without
its rule (the rule, its principle and its source are in content/engine.yaml)."""

from __future__ import annotations

from explainer.engine import localise, make_findings, rank
from explainer.engine.findings import Findings

FEET = [f"{z}_{s}" for z in ("foot_dorsum", "sole_medial", "sole_lateral") for s in ("left", "right")]
HANDS = [f"{z}_{s}" for z in ("thumb_palmar", "index_palmar", "little_palmar") for s in ("left", "right")]
ALL_REFLEXES = {"achilles": "absent", "patellar": "absent", "biceps": "reduced", "triceps": "reduced"}


def _ids(findings: Findings) -> list[str]:
    return [c.id for c in localise(findings).candidates]


def _scores(findings: Findings) -> dict[str, float]:
    return {r.scored.spec.key: r.scored.score for r in rank(findings)}


def _parts(findings: Findings, key: str) -> set[str]:
    return {p.kind for r in rank(findings) if r.scored.spec.key == key for p in r.scored.parts}


def test_guillain_barre_is_named_for_rising_areflexic_weakness_over_days_not_for_slow_stocking_numbness() -> None:
    acute = make_findings(zones=FEET + HANDS, symptoms=["tingling", "weakness"], reflexes=ALL_REFLEXES,
                          weak=["hip_flexion", "knee_extension", "ankle_dorsiflexion", "elbow_flexion"],
                          other=["ascending_spread", "rapid_onset", "progressive_weakness"])
    assert _ids(acute)[0] == "guillain_barre", _ids(acute)[:3]
    slow = make_findings(zones=FEET, symptoms=["numbness", "burning"], reflexes={"achilles": "absent"},
                         other=["gradual_onset", "both_feet_symmetric"])
    ids = _ids(slow)
    assert ids[0] == "polyneuropathy" and ids.index("guillain_barre") > 0, ids[:3]
    # GBS always warns, whatever the ranking (safety rule unchanged).
    assert "guillain_barre" in {f.id for f in localise(acute).red_flags}


def test_painless_weakness_alone_argues_against_a_root() -> None:
    painless = make_findings(symptoms=["weakness"], weak=["finger_extension"])
    painful = make_findings(symptoms=["weakness", "pain", "tingling"], weak=["finger_extension"])
    assert "painless_root" in _parts(painless, "C7") and "painless_root" not in _parts(painful, "C7")
    s_painless, s_painful = _scores(painless), _scores(painful)
    pin = "posterior_interosseous_nerve"
    assert s_painless[pin] - s_painless["C7"] > s_painful[pin] - s_painful["C7"]
    # Finger drop without wrist drop and without pain or numbness: the posterior interosseous nerve's picture.
    classic = make_findings(symptoms=["weakness"], weak=["finger_extension"],
                            exam={"normal": [{"movement": "wrist_extension", "side": "left", "mrc": "5"}],
                                  "weak": [{"movement": "finger_extension", "side": "left"}]})
    assert _ids(classic)[0] == pin, _ids(classic)[:3]


def test_a_length_dependent_pattern_needs_the_feet() -> None:
    perineum = make_findings(zones=["perineum_left", "perineum_right"], symptoms=["pain"])
    feet = make_findings(zones=FEET, symptoms=["numbness"])
    assert "feet_spared" in _parts(perineum, "polyneuropathy")
    assert "feet_spared" not in _parts(feet, "polyneuropathy")


def test_a_special_test_counts_the_same_from_the_exam_as_from_the_checklist() -> None:
    base = dict(zones=["shoulder_top_right", "arm_lateral_upper_right"], symptoms=["pain", "weakness"],
                weak=["shoulder_abduction", "shoulder_external_rotation"])
    from_exam = make_findings(**base, exam={"signs": [{"sign": "drop_arm", "side": "right", "result": "positive"}]})  # type: ignore[arg-type]
    ticked = make_findings(**base, other=["painful_arc_or_drop_arm"])  # type: ignore[arg-type]
    unclear = make_findings(**base, exam={"signs": [{"sign": "drop_arm", "side": "right", "result": "equivocal"}]})  # type: ignore[arg-type]
    assert _scores(from_exam) == _scores(ticked)
    assert _scores(unclear) == _scores(make_findings(**base))  # type: ignore[arg-type]
    assert _ids(from_exam)[0] == "non_neural"


def test_the_exam_side_of_a_weak_movement_is_its_side() -> None:
    """A movement in the side-less list and in the exam on the left is not evidence for a right-sided root."""
    findings = make_findings(symptoms=["weakness"], weak=["finger_extension"],
                             exam={"weak": [{"movement": "finger_extension", "side": "left"}]})
    c7 = next(r.scored for r in rank(findings) if r.scored.spec.key == "C7")
    assert c7.side == "left"


def test_one_sided_leg_symptoms_point_to_a_root_not_central_stenosis() -> None:
    """Central stenosis is a two-sided pattern: a one-sided leg picture counts in full against it (as for neuropathy)."""
    one_side = make_findings(zones=["buttock_upper_outer_right", "thigh_lateral_right", "leg_anteromedial_right"],
                             symptoms=["pain", "numbness"], reflexes={"patellar": "reduced"}, other=["age_over_50"])
    stenosis = next(r.scored for r in rank(one_side) if r.scored.spec.key == "lumbar_spinal_stenosis")
    neuropathy = next(r.scored for r in rank(one_side) if r.scored.spec.key == "polyneuropathy")
    one_sided = {p.kind: p.log_lr for p in stenosis.parts}["one_sided"]
    assert one_sided == {p.kind: p.log_lr for p in neuropathy.parts}["one_sided"]
    assert _ids(one_side)[0] in ("L3", "L4", "L5"), _ids(one_side)[:3]
    both = make_findings(zones=[f"{z}_{s}" for z in ("thigh_posterior", "leg_posterior_upper")
                                for s in ("left", "right")], symptoms=["pain", "numbness"],
                         other=["worse_with_walking_relieved_by_sitting_or_flexion"])
    assert _ids(both)[0] == "lumbar_spinal_stenosis", _ids(both)[:3]


def test_face_and_both_hands_tingling_together_is_the_over_breathing_pattern() -> None:
    feet = ["sole_medial_left", "sole_medial_right"]
    findings = make_findings(zones=["face_left", "face_right", *HANDS, *feet], symptoms=["tingling"],
                             other=["sudden_onset"])
    assert "no_lesion" in _ids(findings)[:3], _ids(findings)[:3]
    assert _ids(findings)[0] != "central_brain"
    one_side = make_findings(zones=["face_left", "thumb_palmar_left", "index_palmar_left"], symptoms=["numbness"],
                             other=["sudden_onset"])
    assert "perioral_acral" not in _parts(one_side, "no_lesion")
    assert "stroke" in {f.id for f in localise(one_side).red_flags}


def test_a_roots_shared_movement_counts_less_than_for_a_pattern_that_shares_it() -> None:
    """Myotomes overlap: shoulder abduction is C5's key movement and only partly C6's, so its weakness supports C6
    less than a pattern's partial movement (the torn-cuff allowance of non_neural) and far less than C5."""
    findings = make_findings(zones=["shoulder_top_left"], symptoms=["pain", "weakness"], weak=["shoulder_abduction"])
    weak = {r.scored.spec.key: {p.kind: p.log_lr for p in r.scored.parts} for r in rank(findings)}
    assert weak["C6"]["weak_minor"] < weak["non_neural"]["weak_minor"] < weak["C5"]["weak_major"]


def test_after_neurotoxic_chemotherapy_a_neuropathy_need_not_start_in_the_feet() -> None:
    """Oxaliplatin affects the hands early: hands without feet then no longer count against the neuropathy."""
    plain = make_findings(zones=HANDS, symptoms=["numbness"])
    chemo = make_findings(zones=HANDS, symptoms=["numbness"], other=["chemotherapy_history"])
    assert "hands_before_feet" in _parts(plain, "polyneuropathy")
    assert "hands_before_feet" not in _parts(chemo, "polyneuropathy")
