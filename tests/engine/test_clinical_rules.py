"""General clinical rules added for issue 11, each as a small named test that fails without the rule."""

from __future__ import annotations

from explainer.engine import localise, make_findings


def _top(**kw: object) -> list[str]:
    return [c.id for c in localise(make_findings(**kw)).candidates]  # type: ignore[arg-type]


def test_a_numb_patch_of_a_skin_nerve_is_not_penalised_for_the_rest_of_its_area() -> None:
    """Meralgia paraesthetica: people mark the burning patch on the outer thigh, not the whole nerve area."""
    result = localise(make_findings(zones=["thigh_lateral_right"], symptoms=["numbness", "burning"]))
    top = result.candidates[0]
    assert top.id == "lateral_femoral_cutaneous_nerve", [c.id for c in result.candidates[:3]]
    unmarked = [r for r in top.against if r.text.startswith("Not marked")]
    assert all(r.lr > 0.8 for r in unmarked)


def _flags(**kw: object) -> set[str]:
    return {f.id for f in localise(make_findings(**kw)).red_flags}  # type: ignore[arg-type]


def test_saddle_pain_alone_is_not_saddle_anaesthesia_but_numbness_is() -> None:
    assert "cauda_equina" not in _flags(zones=["perineum_left", "perineum_right"], symptoms=["pain"], other=["cyclist"])
    assert "cauda_equina" in _flags(zones=["perineum_left", "perineum_right"], symptoms=["pain", "numbness"])
    assert "cauda_equina" in _flags(zones=["perianal_left"])  # nothing said about what it feels like: safety first


def test_the_two_halves_of_a_midline_area_are_not_a_two_sided_lesion() -> None:
    result = localise(make_findings(zones=["perineum_left", "perineum_right"], symptoms=["pain"],
                                    other=["cyclist", "worse_with_sitting"]))
    pudendal = next(c for c in result.candidates if c.id == "pudendal_nerve")
    assert not any("uncommon" in r.text for r in pudendal.against)
    assert not any("mirrored" in r.text for c in result.candidates for r in c.supporting)


def test_weakness_of_several_arm_movements_alone_does_not_point_to_the_brain() -> None:
    top = _top(zones=["shoulder_top_right", "arm_lateral_upper_right"], symptoms=["pain", "weakness"],
               weak=["shoulder_abduction", "shoulder_external_rotation", "elbow_flexion", "wrist_extension"])
    assert top[0] != "central_brain", top[:3]


def test_tingling_on_both_sides_of_the_face_and_hands_is_not_a_stroke_pattern() -> None:
    zones = [f"{z}_{s}" for z in ("face", "thumb_palmar", "index_palmar") for s in ("left", "right")]
    top = _top(zones=zones, symptoms=["tingling"], other=["sudden_onset", "bilateral_symptoms"])
    assert top[0] != "central_brain", top[:3]


def test_two_named_nerves_on_opposite_sides_are_mononeuritis_multiplex_with_the_nerves_named() -> None:
    result = localise(make_findings(
        zones=["foot_dorsum_left", "first_web_space_left", "great_toe_dorsal_left", "little_palmar_right",
               "ring_palmar_ulnar_right", "hand_dorsal_ulnar_right"],
        symptoms=["numbness", "weakness"], weak=["ankle_dorsiflexion", "great_toe_extension", "finger_abduction"]))
    top = result.candidates[0]
    assert top.id == "mononeuritis_multiplex", [c.id for c in result.candidates[:3]]
    assert "fibular" in top.detail.lower() and "ulnar" in top.detail.lower() and "left" in top.detail


def test_one_nerve_on_both_sides_or_one_side_only_is_never_mononeuritis_multiplex() -> None:
    carpal = [f"{z}_{s}" for z in ("thumb_palmar", "index_palmar", "middle_palmar") for s in ("left", "right")]
    assert "mononeuritis_multiplex" not in _top(zones=carpal, symptoms=["numbness"])[:3]
    one_side = ["foot_dorsum_left", "little_palmar_left", "ring_palmar_ulnar_left"]
    assert "mononeuritis_multiplex" not in _top(zones=one_side, symptoms=["numbness"])


def test_a_side_in_the_exam_counts_weakness_only_for_that_side() -> None:
    """Foot drop graded on the left with marks on both feet: the left L5 explains it, the right L5 cannot."""
    from explainer.engine.evidence import build_evidence
    from explainer.engine.ranking import default_model
    from explainer.engine.scoring import evaluate

    model = default_model()
    exam = {"weak": [{"movement": "ankle_dorsiflexion", "side": "left", "mrc": "2"}]}
    ev = build_evidence(make_findings(zones=["foot_dorsum_left", "foot_dorsum_right"], symptoms=["numbness"], exam=exam),
                        atlas=model.atlas, config=model.config)
    l5 = next(s for s in model.specs if s.key == "L5")
    kinds = {side: {p.kind for p in evaluate(l5, side, ev, config=model.config, index=model.index).parts}
             for side in ("left", "right")}
    assert "weak_minor" in kinds["left"] or "weak_major" in kinds["left"]
    assert "weak_outside" in kinds["right"]


def test_a_severe_graded_weakness_counts_more_than_a_slight_one() -> None:
    def l5(grade: str) -> float:
        exam = {"weak": [{"movement": "great_toe_extension", "side": "left", "mrc": grade}]}
        result = localise(make_findings(zones=["great_toe_dorsal_left"], symptoms=["numbness"], exam=exam))
        return next(c.score for c in result.candidates if c.id == "L5")
    assert l5("2") > l5("4") > l5("5-")


def test_severe_new_weakness_with_back_pain_warns_the_same_day_but_a_slight_one_does_not() -> None:
    def flags(grade: str) -> set[str]:
        exam = {"weak": [{"movement": "ankle_dorsiflexion", "side": "right", "mrc": grade}]}
        return _flags(zones=["foot_dorsum_right", "back_low_right"], symptoms=["pain", "weakness"], other=["back_pain"],
                      exam=exam)
    assert "progressive_motor_deficit" in flags("2")
    assert "progressive_motor_deficit" not in flags("4+")


def test_a_brisk_reflex_on_the_healthy_side_is_a_comparison_not_an_upper_motor_neuron_sign() -> None:
    exam = {"reflexes": [{"reflex": "patellar", "side": "left", "value": "reduced"},
                         {"reflex": "patellar", "side": "right", "grade": "3"}]}
    result = localise(make_findings(zones=["leg_anteromedial_left"], symptoms=["numbness"], exam=exam))
    assert not any("brisk" in r.text for c in result.candidates for r in c.supporting + c.against)


def test_new_examination_items_move_the_ranking_the_way_their_source_says() -> None:
    thumb = dict(zones=["thumb_palmar_right", "index_palmar_right"], symptoms=["numbness"])
    assert _top(**thumb, other=["ncs_median_wrist"])[0] == "median_nerve"
    shoulder = dict(zones=["shoulder_top_right", "arm_lateral_upper_right"], symptoms=["pain", "weakness"],
                    weak=["shoulder_abduction", "shoulder_external_rotation"])
    assert _top(**shoulder)[0] == "C5"
    assert _top(**shoulder, other=["painful_arc_or_drop_arm"])[0] == "non_neural"
    foot = dict(zones=["foot_dorsum_left", "great_toe_dorsal_left"], symptoms=["numbness", "weakness"],
                weak=["ankle_dorsiflexion", "great_toe_extension"])
    assert _top(**foot, other=["ncs_fibular_head"])[0] == "common_fibular_nerve"


def test_reduced_anal_tone_or_weakness_after_an_epidural_is_an_emergency() -> None:
    assert "cauda_equina" in _flags(zones=["thigh_posterior_left"], symptoms=["pain"], other=["anal_tone_reduced"])
    assert "cauda_equina" in _flags(zones=["thigh_anterior_mid_left"], symptoms=["weakness"], weak=["knee_extension"],
                                    other=["recent_epidural_or_spinal_anaesthetic"])
    assert "myelopathy" in _flags(zones=["foot_dorsum_left", "foot_dorsum_right"], symptoms=["tingling"],
                                  other=["clonus", "gait_unsteady"])


def test_hands_without_feet_argue_against_a_length_dependent_neuropathy() -> None:
    hands = [f"{z}_{s}" for z in ("thumb_palmar", "index_palmar", "middle_palmar") for s in ("left", "right")]
    result = localise(make_findings(zones=hands, symptoms=["numbness", "tingling"]))
    poly = next(c for c in result.candidates if c.id == "polyneuropathy")
    assert any("starts in the feet" in r.text for r in poly.against)
    feet = [f"{z}_{s}" for z in ("sole_medial", "great_toe_plantar") for s in ("left", "right")]
    with_feet = localise(make_findings(zones=hands + feet, symptoms=["numbness", "tingling"]))
    poly = next(c for c in with_feet.candidates if c.id == "polyneuropathy")
    assert not any("starts in the feet" in r.text for r in poly.against)


def test_weakness_worsening_with_wasting_is_a_slow_course_unless_something_points_to_the_spine() -> None:
    """Wasting takes weeks of lost nerve supply: weakness getting worse with wasting in one hand, and nothing else, is
    a slow course (see a GP within the week). Any sign of spinal or cord origin, severity or speed keeps it same-day;
    without wasting, "getting worse" is taken as fast (the warning question asks "getting worse fast?")."""
    hand = {"zones": ["hypothenar_eminence_left", "little_palmar_left"], "symptoms": ["numbness", "weakness"],
            "weak": ["finger_abduction"]}
    slow = _flags(**hand, other=["progressive_weakness", "hand_muscle_wasting"])
    assert "slowly_progressive_weakness" in slow and "progressive_motor_deficit" not in slow
    for extra in (["neck_pain"], ["hoffmann_positive"], ["rapid_onset"], ["bilateral_symptoms"]):
        assert "progressive_motor_deficit" in _flags(**hand, other=["progressive_weakness", "hand_muscle_wasting", *extra])
    severe = {"weak": [{"movement": "finger_abduction", "side": "left", "mrc": "2"}]}
    assert "progressive_motor_deficit" in _flags(**hand, other=["progressive_weakness", "hand_muscle_wasting"],
                                                 exam=severe)
    assert "progressive_motor_deficit" in _flags(**hand, other=["progressive_weakness"])
