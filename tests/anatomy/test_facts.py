"""Named tests for the anatomy facts a careless implementation gets wrong."""

from __future__ import annotations

import re

import pytest

from explainer.anatomy import DERMATOMAL_ROOTS, Atlas
from explainer.anatomy.order import sort_segments


def test_anatomical_order_is_not_string_order() -> None:
    assert sort_segments(["L1", "T10", "C8", "T2", "S1"]) == ("C8", "T2", "T10", "L1", "S1")
    assert DERMATOMAL_ROOTS[0] == "C2" and DERMATOMAL_ROOTS[-1] == "S5" and len(DERMATOMAL_ROOTS) == 29


def test_roots_listed_c2_to_s5_in_order(atlas: Atlas) -> None:
    assert [r.id for r in atlas.ordered_roots] == list(DERMATOMAL_ROOTS)
    assert list(atlas.roots) == list(DERMATOMAL_ROOTS)


def test_every_root_has_a_key_sensory_point_in_a_zone_where_it_is_primary(atlas: Atlas) -> None:
    for root in DERMATOMAL_ROOTS:
        if root == "S5":  # S4-5 is one ISNCSCI point
            root = "S4"
        point = atlas.key_point_for(root)
        assert point is not None, root
        assert root in atlas.zones[point.zone].dermatomes.primary, (root, point.zone)


@pytest.mark.parametrize(
    ("root", "zone"),
    [("C6", "thumb_dorsal"), ("C7", "middle_dorsal"), ("C8", "little_dorsal"), ("T4", "chest_nipple_level"),
     ("T10", "abdomen_umbilical"), ("L4", "ankle_medial"), ("L5", "foot_dorsum"), ("S1", "heel_lateral")],
)
def test_classic_key_points(atlas: Atlas, root: str, zone: str) -> None:
    point = atlas.key_point_for(root)
    assert point is not None and point.zone == zone


def test_nipple_is_t4_and_umbilicus_is_t10(atlas: Atlas) -> None:
    assert atlas.zones["chest_nipple_level"].dermatomes.primary == ("T4",)
    assert atlas.zones["abdomen_umbilical"].dermatomes.primary == ("T10",)


def test_anterior_genital_skin_is_l1_and_the_saddle_is_sacral(atlas: Atlas) -> None:
    assert atlas.zones["genitals_anterior"].dermatomes.primary == ("L1",)
    sacral = {"S2", "S3", "S4", "S5"}
    for zone in ("perianal", "perineum", "genitals_posterior"):
        assert set(atlas.zones[zone].dermatomes.primary) <= sacral, zone


@pytest.mark.parametrize(
    ("disc", "posterolateral", "far_lateral"),
    [("L4/L5", "L5", "L4"), ("L5/S1", "S1", "L5"), ("L3/L4", "L4", "L3"), ("C5/C6", "C6", "C6"),
     ("C6/C7", "C7", "C7"), ("C7/T1", "C8", "C8"), ("C4/C5", "C5", "C5")],
)
def test_disc_to_root_rules(atlas: Atlas, disc: str, posterolateral: str, far_lateral: str) -> None:
    record = {d.id: d for d in atlas.spine.discs}[disc]
    assert record.posterolateral == (posterolateral,)
    assert record.far_lateral == (far_lateral,)


def test_every_lumbar_disc_follows_traversing_and_exiting_rule(atlas: Atlas) -> None:
    for d in atlas.spine.discs:
        if d.upper.startswith("L"):
            assert d.exiting_root == d.upper
            assert d.posterolateral == (d.traversing_root,)
            assert d.far_lateral == (d.exiting_root,)


@pytest.mark.parametrize(
    ("root", "foramen"),
    [("C2", "C1/C2"), ("C5", "C4/C5"), ("C7", "C6/C7"), ("C8", "C7/T1"), ("T1", "T1/T2"), ("L4", "L4/L5"), ("L5", "L5/S1")],
)
def test_where_roots_exit(atlas: Atlas, root: str, foramen: str) -> None:
    assert atlas.roots[root].foramen == foramen


@pytest.mark.parametrize("movement", ["hip_abduction", "ankle_inversion"])
def test_l5_movements_outside_the_common_fibular_nerve(atlas: Atlas, movement: str) -> None:
    assert "L5" in atlas.movements[movement].roots
    assert movement in atlas.root_movements("L5")
    assert movement not in atlas.nerve_movements("common_fibular_nerve")
    assert "common_fibular_nerve" not in atlas.movement_nerves(movement)


def test_hip_abduction_is_superior_gluteal_and_inversion_is_tibial(atlas: Atlas) -> None:
    assert atlas.movements["hip_abduction"].nerve == "superior_gluteal_nerve"
    assert atlas.movements["ankle_inversion"].nerve == "tibial_nerve"


def test_sciatic_nerve_has_no_cutaneous_branch_in_the_thigh(atlas: Atlas) -> None:
    assert atlas.nerve_own_zones("sciatic_nerve") == ()
    thigh = {z for z in atlas.nerve_zones("sciatic_nerve") if atlas.zones[z].region == "thigh"}
    assert thigh == set()
    assert atlas.nerves["sciatic_nerve"].roots == ("L4", "L5", "S1", "S2", "S3")


def test_sciatic_branch_hierarchy(atlas: Atlas) -> None:
    assert atlas.nerve_ancestors("deep_fibular_nerve")[:2] == ("common_fibular_nerve", "sciatic_nerve")
    assert "deep_fibular_nerve" in atlas.nerve_descendants("sciatic_nerve")
    assert "first_web_space" in atlas.nerve_zones("sciatic_nerve")


def test_ulnar_nerve_supplies_no_forearm_skin(atlas: Atlas) -> None:
    regions = {atlas.zones[z].region for z in atlas.nerve_zones("ulnar_nerve")}
    assert "forearm" not in regions
    assert {"hand_palmar", "hand_dorsal"} <= regions


def test_median_palmar_cutaneous_branch_bypasses_the_carpal_tunnel(atlas: Atlas) -> None:
    branch = atlas.cutaneous_nerves["palmar_cutaneous_branch_of_median_nerve"]
    assert branch.answer_parent == "median_nerve"
    assert "carpal_tunnel" in branch.leaves_before
    assert any(n.id == branch.id for n in atlas.zones["thenar_eminence"].nerves)


def test_femoral_nerve_does_not_adduct_the_hip(atlas: Atlas) -> None:
    assert "hip_adduction" not in atlas.nerve_movements("femoral_nerve")
    assert "hip_adduction" in atlas.nerve_movements("obturator_nerve")


def test_l5_has_no_dependable_standard_reflex(atlas: Atlas) -> None:
    assert [r for r in atlas.root_reflexes("L5")] == ["medial_hamstring"]
    assert atlas.reflexes["achilles"].main_root == "S1"


def test_lateral_femoral_cutaneous_nerve_is_purely_sensory(atlas: Atlas) -> None:
    assert atlas.nerve_movements("lateral_femoral_cutaneous_nerve") == ()
    assert atlas.nerves["lateral_femoral_cutaneous_nerve"].roots == ("L2", "L3")


def test_every_answer_resolves(atlas: Atlas) -> None:
    for answer in atlas.answers.values():
        if answer.kind == "root":
            assert answer.id in atlas.roots
        elif answer.kind in ("nerve", "plexus"):
            assert answer.id in atlas.nerves


def test_every_zone_has_text_and_both_sides(atlas: Atlas) -> None:
    assert len(atlas.zone_instances) == 2 * len(atlas.zones) == 216
    assert set(atlas.zone_text) == set(atlas.zones)


# ---- movements supplied by more than one nerve (issue 13, "Facts to correct") -------------------------------
def test_ulnar_nerve_supplies_part_of_finger_flexion_and_wrist_flexion(atlas: Atlas) -> None:
    # FDP to the ring and little fingers and flexor carpi ulnaris are ulnar (MRC Aids).
    assert "ulnar_nerve" in atlas.movements["finger_flexion"].also_nerves
    assert {"finger_flexion", "wrist_flexion"} <= set(atlas.nerve_minor_movements("ulnar_nerve"))
    assert "ulnar_nerve" in atlas.movement_minor_nerves("finger_flexion")
    # ...and the median trunk still supplies it fully (through the anterior interosseous nerve).
    assert "median_nerve" in atlas.movement_nerves("finger_flexion")


def test_supination_is_also_the_supinator_through_the_radial_nerve(atlas: Atlas) -> None:
    assert atlas.movements["forearm_supination"].nerve == "musculocutaneous_nerve"
    minor = atlas.movement_minor_nerves("forearm_supination")
    assert "posterior_interosseous_nerve" in minor and "radial_nerve" in minor
    assert "forearm_supination" in atlas.nerve_minor_movements("radial_nerve")


def test_psoas_takes_its_nerves_straight_from_l1_to_l3_so_femoral_only_partly_flexes_the_hip(atlas: Atlas) -> None:
    hip = atlas.movements["hip_flexion"]
    assert hip.nerve == "lumbosacral_plexus" and hip.also_nerves == ("femoral_nerve",)
    assert "hip_flexion" not in atlas.nerve_movements("femoral_nerve")
    assert "hip_flexion" in atlas.nerve_minor_movements("femoral_nerve")
    assert "hip_flexion" in atlas.nerve_movements("lumbosacral_plexus")
    assert "L2" in hip.roots and {"L1", "L3"} <= set(hip.minor_roots)
    assert "hip_flexion" in atlas.nerves["lumbosacral_plexus"].motor
    assert "hip_flexion" not in atlas.nerves["femoral_nerve"].motor


def test_thumb_adduction_is_ulnar_so_c8_is_told_from_ulnar_by_median_and_radial_c8_muscles(atlas: Atlas) -> None:
    # Froment's sign: the ulnar nerve weakens adductor pollicis (C8/T1). The C8 muscles the ulnar nerve does not
    # reach are APB (median), FPL (anterior interosseous) and EPL/EIP (posterior interosseous).
    assert atlas.movements["thumb_adduction"].nerve == "ulnar_nerve"
    assert "C8" in atlas.movements["thumb_adduction"].roots
    ulnar = set(atlas.nerve_movements("ulnar_nerve")) | set(atlas.nerve_minor_movements("ulnar_nerve"))
    for discriminator in ("thumb_abduction", "thumb_extension"):
        assert discriminator not in ulnar
        assert "C8" in atlas.movements[discriminator].roots + atlas.movements[discriminator].minor_roots
    assert "thumb_adduction" in (m.movement for m in atlas.roots["C8"].key_muscles)


def test_every_movement_nerve_agrees_with_the_nerve_records(atlas: Atlas) -> None:
    for mv in atlas.movements.values():
        assert mv.id in atlas.nerves[mv.nerve].motor, mv.id
        for other in mv.also_nerves:
            assert other in atlas.nerves and other not in atlas.movement_nerves(mv.id), (mv.id, other)


def test_weak_grip_does_not_argue_against_the_ulnar_nerve_in_the_engine() -> None:
    from explainer.engine import localise, make_findings
    from explainer.engine.ranking import default_model

    specs = {s.key: s for s in default_model().specs}
    assert specs["ulnar_nerve"].movements["finger_flexion"] == "minor"
    assert specs["femoral_nerve"].movements["hip_flexion"] == "minor"
    assert specs["lumbosacral_plexus"].movements["hip_flexion"] == "major"
    assert specs["radial_nerve"].movements["forearm_supination"] == "minor"
    ulnar_hand = ["little_palmar_right", "little_dorsal_right", "ring_palmar_ulnar_right", "hypothenar_eminence_right"]
    result = localise(make_findings(zones=ulnar_hand, symptoms=["numbness", "weakness"],
                                    weak=["finger_abduction", "finger_flexion", "thumb_adduction"]))
    ulnar = next(c for c in result.candidates if c.id == "ulnar_nerve")
    assert not any("cannot weaken" in r.text for r in ulnar.against), [r.text for r in ulnar.against]
    assert result.candidates[0].id in ("ulnar_nerve", "C8")


# ---- ISNCSCI key muscles and the sacral reflexes --------------------------------------------------------------
def test_isncsci_has_exactly_ten_key_muscles_and_the_anal_squeeze_is_not_one(atlas: Atlas) -> None:
    key = {r.id for r in atlas.roots.values() for k in r.key_muscles if k.isncsci}
    assert key == {"C5", "C6", "C7", "C8", "T1", "L2", "L3", "L4", "L5", "S1"}
    squeeze = [k for r in atlas.roots.values() for k in r.key_muscles if "anal squeeze" in k.muscle.lower()]
    assert squeeze and not any(k.isncsci for k in squeeze)
    movement_keys = {mv.isncsci_key_muscle_for for mv in atlas.movements.values()} - {None}
    assert movement_keys == key


def test_anal_wink_and_bulbocavernosus_are_s2_to_s4_with_no_main_root(atlas: Atlas) -> None:
    reflex = atlas.reflexes["anal_wink"]
    assert reflex.roots == ("S2", "S3", "S4") and reflex.main_root is None
    assert "bulbocavernosus" in reflex.name.lower()
    assert "anal_wink" in atlas.root_reflexes("S3")


def test_no_sacral_root_claims_the_anal_wink_as_its_main_reflex() -> None:
    from explainer.engine.ranking import default_model

    specs = {s.key: s for s in default_model().specs}
    for root in ("S2", "S3", "S4"):
        assert specs[root].reflexes["anal_wink"] == "other", root


# ---- skin borders and look-alikes (issue 13) ------------------------------------------------------------------
def test_median_nerve_skin_on_the_back_of_middle_and_ring_fingers_starts_at_about_the_pip_joint(atlas: Atlas) -> None:
    for zone in ("middle_dorsal", "ring_dorsal_radial"):
        median = [n for n in atlas.zones[zone].nerves if n.id == "palmar_digital_nerves_median"]
        assert median and "PIP" in median[0].detail, zone
        assert "median_nerve" in atlas.zone_answer_nerves(zone)
    radial = atlas.nerves["superficial_radial_nerve"].summary.lower()
    assert "middle joint" in radial and "beyond the last finger joints" not in radial


def _patient_texts() -> list[tuple[str, str]]:
    from explainer.texts import load_texts

    texts = load_texts()
    out = [(f"answers/{k}", " ".join((t.what_it_means, t.what_usually_helps, t.who_to_see)))
           for k, t in texts.answers.items()]
    out += [(f"articles/{a.id}", f"{a.summary} {a.body}") for a in texts.articles]
    out += [(f"connected/{o.id}", o.text) for o in texts.selfcheck.outcomes]
    return out


def _content_texts(atlas: Atlas) -> list[tuple[str, str]]:
    out = [(f"nerves/{n.id}", " ".join((n.summary, *n.course, *n.entrapment))) for n in atlas.nerves.values()]
    out += [(f"roots/{r.id}", f"{r.summary} {r.area}") for r in atlas.roots.values()]
    out += [(f"other_causes/{c.id}", f"{c.distribution} {c.clues}") for c in atlas.other_causes.values()]
    return out


def test_meralgia_usually_not_never_stays_above_the_knee(atlas: Atlas) -> None:
    for where, text in [*_patient_texts(), *_content_texts(atlas)]:
        low = " ".join(text.lower().split())
        assert "never goes below the knee" not in low, where
        assert not re.search(r"(?<!usually )\bstays? above the knee", low), where


def test_gestational_diabetes_is_not_given_as_a_cause_of_neuropathy(atlas: Atlas) -> None:
    for where, text in [*_patient_texts(), *_content_texts(atlas)]:
        low = " ".join(text.lower().split())
        for phrase in ("gestational diabetes", "diabetes that starts in pregnancy", "diabetes in pregnancy"):
            assert phrase not in low, (where, phrase)


def test_painless_thenar_wasting_is_thoracic_outlet_and_pancoast_is_painful(atlas: Atlas) -> None:
    for text in (atlas.nerves["brachial_plexus"].summary, atlas.roots["T1"].summary):
        low = " ".join(text.lower().split())
        assert "painless" in low and "thoracic outlet" in low
        assert "pancoast" in low and "severe shoulder" in low


# ---- other causes of tingling (issue 13) ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cause", "words"),
    [("vitamin_b6_excess", ("supplement", "b6")), ("nitrous_oxide", ("b12", "spinal cord", "young")),
     ("b12_lowering_medicines", ("proton pump", "h2 blocker", "metformin")),
     ("hyperventilation_anxiety", ("both hands", "mouth")), ("migraine_aura", ("spreads", "minutes", "headache")),
     ("low_calcium", ("mouth", "cramp")), ("guillain_barre", ("hours to days", "emergency"))],
)
def test_other_causes_people_ask_about_are_listed_with_clues(atlas: Atlas, cause: str, words: tuple[str, ...]) -> None:
    record = atlas.other_causes[cause]
    text = " ".join(f"{record.name} {record.distribution} {record.clues}".lower().split())
    for word in words:
        assert word in text, (cause, word)
    assert record.sources and "TEXTBOOK" not in record.sources, cause


def test_peripheral_arterial_disease_can_be_numb_at_rest_and_sudden_cold_limb_is_an_emergency(atlas: Atlas) -> None:
    pad = atlas.other_causes["peripheral_arterial_disease"]
    text = " ".join(pad.clues.lower().split())
    assert "no numbness at rest" not in text
    assert "numb at rest" in text and "suddenly" in text and "call the emergency number" in text


def test_other_causes_article_names_the_new_causes_and_look_alikes() -> None:
    from explainer.texts import load_texts

    article = load_texts().article("other-causes-of-tingling")
    assert article is not None
    body = " ".join(article.body.lower().split())
    for phrase in ("nitrous oxide", "vitamin b6", "metformin", "stomach acid", "hyperventilation", "migraine aura",
                   "low calcium", "guillain-barre", "call the emergency number now"):
        assert phrase in body, phrase


# ---- teaching records (issue 13) ------------------------------------------------------------------------------
def test_long_thoracic_nerve_is_c5_to_c7_to_serratus_anterior_and_wings_the_scapula(atlas: Atlas) -> None:
    nerve = atlas.nerves["long_thoracic_nerve"]
    assert nerve.roots == ("C5", "C6", "C7") and nerve.parents == ("brachial_plexus",)
    assert atlas.nerve_movements("long_thoracic_nerve") == ("scapular_protraction",)
    assert "serratus anterior" in atlas.movements["scapular_protraction"].muscles
    assert "wing" in nerve.summary.lower() and atlas.nerve_zones("long_thoracic_nerve") == ()


def test_spinal_accessory_nerve_is_cranial_nerve_xi_to_trapezius_hurt_in_neck_surgery(atlas: Atlas) -> None:
    nerve = atlas.nerves["spinal_accessory_nerve"]
    assert "XI" in nerve.name and nerve.parents == ()
    assert atlas.nerve_movements("spinal_accessory_nerve") == ("shoulder_shrug",)
    assert "trapezius" in atlas.movements["shoulder_shrug"].muscles
    text = " ".join((*nerve.course, *nerve.entrapment)).lower()
    assert "posterior triangle" in text and "lymph node" in text
    assert atlas.nerve_zones("spinal_accessory_nerve") == ()


def test_teaching_only_nerves_are_not_engine_answers_like_the_suprascapular_nerve(atlas: Atlas) -> None:
    from explainer.engine.ranking import default_model

    keys = {s.key for s in default_model().specs}
    for nerve in ("long_thoracic_nerve", "spinal_accessory_nerve", "suprascapular_nerve", "superior_gluteal_nerve"):
        assert nerve in atlas.nerves and nerve not in atlas.answers and nerve not in keys


# ---- words (issue 13): patterns, not diagnoses; no citations or developer notes in patient text ----------------
CITATION_OR_DEV_JARGON = re.compile(
    r"Keegan|Netter|FPnotebook|Magee|SUNY|Gray's|Rainville|Downs|LaPorte|Foerster|GPnotebook|Bromley|Medscape|"
    r"StatPearls|Kenhub|\bet al\b|\b(?:19|20)\d\d\b|ISNCSCI|\bKEY\b|\bzones?\b|\bapp\b|\bdrawn\b|\bMTP\b|ventral|\brami\b|"
    r"\b[a-z]+_[a-z_]+\b"
)


def test_patient_facing_zone_notes_carry_no_citations_or_developer_notes(atlas: Atlas) -> None:
    for zone, text in atlas.zone_text.items():
        for field in ("chart_note", "localising_use"):
            found = CITATION_OR_DEV_JARGON.findall(getattr(text, field))
            assert not found, (zone, field, found)
    for root in atlas.roots.values():
        found = CITATION_OR_DEV_JARGON.findall(root.chart_disagreement)
        assert not found, (root.id, found)
    assert "Lee 2008" in atlas.roots["S4"].clinician_note
    # The sourced detail is kept for clinicians, not thrown away.
    assert "Keegan" in atlas.zone_text["thigh_lateral"].clinician_note
    assert "ISNCSCI" in atlas.zone_text["foot_dorsum"].clinician_note


def test_nerve_courses_shown_to_patients_carry_no_anatomists_shorthand(atlas: Atlas) -> None:
    for nerve in atlas.nerves.values():
        for line in (*nerve.course, nerve.summary):
            assert not re.search(r"ventral rami|\brami\b|→", line), (nerve.id, line)


def test_emergency_texts_say_what_a_pattern_can_mean_not_a_diagnosis() -> None:
    for where, text in _patient_texts():
        low = " ".join(text.lower().split())
        for phrase in ("badly squeezed", "is being squeezed", "itself is being squeezed", "is being pressed"):
            assert phrase not in low, (where, phrase)
    from explainer.texts import load_texts

    answers = load_texts().answers
    for answer in ("cauda_equina", "conus_medullaris", "c_spine_myelopathy", "t_spine_myelopathy"):
        assert "can happen when" in " ".join(answers[answer].what_it_means.lower().split()), answer


def test_worsening_weakness_always_means_same_day_help() -> None:
    for where, text in _patient_texts():
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            low = sentence.lower()
            if re.search(r"getting weak|weakness is getting worse|weakness .*quickly getting worse", low) and "slowly" not in low:
                assert "same day" in low or "emergency" in low, (where, sentence)


def test_neuropathy_texts_warn_about_guillain_barre(atlas: Atlas) -> None:
    from explainer.texts import load_texts

    texts = load_texts()
    poly = " ".join(texts.answers["polyneuropathy"].who_to_see.lower().split())
    assert "guillain-barre" in poly and "over hours or days" in poly and "emergency" in poly
    both_feet = next(o for o in texts.selfcheck.outcomes if o.id == "pattern_both_feet")
    assert "guillain-barre" in both_feet.text.lower()


@pytest.mark.parametrize(
    ("old", "new", "field", "problem"),
    [("  minor_roots: [C7, T1]\n  also_nerves: [ulnar_nerve]", "  minor_roots: [C7, T1]\n  also_nerves: [ulnr_nerve]",
      "also_nerves.0", "unknown nerve"),
     ("  minor_roots: [C7, T1]\n  also_nerves: [ulnar_nerve]", "  minor_roots: [C7, T1]\n  also_nerves: [median_nerve]",
      "also_nerves.0", "already the main supply")],
)
def test_a_bad_partial_supply_is_named_at_load(tmp_path: object, old: str, new: str, field: str, problem: str) -> None:
    import shutil
    from pathlib import Path

    from explainer.anatomy import ContentError, ContentErrors, load_atlas_from
    from explainer.paths import CONTENT_DIR

    content = Path(str(tmp_path)) / "content"
    shutil.copytree(CONTENT_DIR, content)
    movements = content / "movements.yaml"
    text = movements.read_text(encoding="utf-8")
    assert old in text
    movements.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises((ContentError, ContentErrors)) as info:
        load_atlas_from(content)
    errors = info.value.errors if isinstance(info.value, ContentErrors) else [info.value]
    assert any(e.file == "movements.yaml" and e.record == "finger_flexion" and e.field == field and problem in e.problem
               for e in errors), errors
