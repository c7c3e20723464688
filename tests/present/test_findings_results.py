"""State -> engine inputs, the next question recognised for answer buttons, urgent notes, extras (handout data: tests/handout)."""

from __future__ import annotations

from types import SimpleNamespace

from explainer.anatomy import Atlas
from explainer.present import results as pr
from explainer.present.extras import Extras, extras_to_query, parse_extras
from explainer.present.findings import engine_inputs, movement_checklist, warning_questions_due
from explainer.viewstate import ViewState

TAGS = {"normal_ankle_dorsiflexion": (("ankle_dorsiflexion",), ()), "normal_knee_jerk": ((), ("patellar",))}


def test_engine_inputs_add_normal_tags_and_bladder_bowel_normal(atlas: Atlas) -> None:
    state = ViewState(zones=("foot_dorsum_right",), weak=("great_toe_extension",), other=("back_pain",))
    extras = Extras(ok=("ankle_dorsiflexion",), rok=("patellar",), rf=(("bladder", "no"), ("bowel", "no")))
    out = engine_inputs(atlas, state, extras, tags=TAGS)
    assert set(out["other"]) == {"back_pain", "normal_ankle_dorsiflexion", "normal_knee_jerk",  # type: ignore[arg-type]
                                 "normal_bladder_bowel"}
    assert out["weak"] == ("great_toe_extension",) and out["zones"] == ("foot_dorsum_right",)


def test_warning_questions_are_due_once_anything_is_marked(atlas: Atlas) -> None:
    """Stroke, spreading tingling and a cold limb can start in an arm, so the questions are not only for legs."""
    assert not warning_questions_due(atlas, ViewState())
    assert warning_questions_due(atlas, ViewState(zones=("thumb_palmar_left",)))
    assert warning_questions_due(atlas, ViewState(zones=("heel_plantar_left",)))


def test_movement_check_follows_the_marked_limb(atlas: Atlas) -> None:
    legs = movement_checklist(atlas, ViewState(zones=("foot_dorsum_right",)), consult=False)
    assert "ankle_dorsiflexion" in legs and "elbow_flexion" not in legs
    assert all(atlas.movements[m].question for m in legs)
    arms = movement_checklist(atlas, ViewState(zones=("thumb_palmar_left",)), consult=True)
    assert "thumb_abduction" in arms and "ankle_dorsiflexion" not in arms


def test_next_question_is_recognised(atlas: Atlas) -> None:
    heels = atlas.movements["ankle_dorsiflexion"].question
    q = pr.next_question(atlas, f"{heels} Weak → L4 root; normal → L5 root.", extras=Extras(), zones=(), weak=(),
                         reflexes={})
    assert q is not None and q.kind == "movement" and q.subject == "ankle_dorsiflexion" and not q.answered
    name = atlas.reflexes["achilles"].name.lower()
    q = pr.next_question(atlas, f"Is the {name} reduced? Reduced → S1; normal → L5.", extras=Extras(rok=("achilles",)),
                         zones=(), weak=(), reflexes={})
    assert q is not None and q.kind == "reflex" and q.answered
    zone = atlas.zones["first_web_space"].name.lower()
    q = pr.next_question(atlas, f"Is the skin of the {zone} (right) numb or tingling? Yes → L5; no → x.",
                         extras=Extras(), zones=(), weak=(), reflexes={})
    assert q is not None and q.kind == "zone" and q.subject == "first_web_space_right"
    assert pr.next_question(atlas, None, extras=Extras(), zones=(), weak=(), reflexes={}) is None


def test_plain_swaps_zone_ids_for_names(atlas: Atlas) -> None:
    text = pr.plain(atlas, "Marked zones: foot_dorsum_right, nonsense_left")
    assert atlas.zones["foot_dorsum"].name in text and "nonsense_left" in text


def test_urgent_notes_from_flags_yes_answers_and_unsure(atlas: Atlas) -> None:
    flag = SimpleNamespace(name="Possible cauda equina syndrome", level="emergency", advice="Go today.")
    assert pr.urgent_notes([flag], extras=Extras(), other=(), ui={})[0].title == flag.name
    yes = pr.urgent_notes([], extras=Extras(), other=("progressive_weakness",), ui={"redflag_urgent_title": "Get help"})
    assert yes[0].title == "Get help"
    unsure = pr.urgent_notes([], extras=Extras(rf=(("saddle", "unsure"),)), other=(), ui={})
    assert unsure and unsure[0].level == "same_day"
    assert pr.urgent_notes([], extras=Extras(), other=("back_pain",), ui={}) == ()


def test_extras_round_trip_and_bad_values_become_notes(atlas: Atlas) -> None:
    extras = Extras(ok=("ankle_dorsiflexion",), rok=("achilles",), rf=(("saddle", "no"),), check=(("q1", "yes"),),
                    nz=("foot_dorsum_left",))
    assert parse_extras(extras_to_query(extras), atlas=atlas, check_ids=("q1",)) == extras
    bad = parse_extras({"ok": "flying", "rf": "saddle:maybe", "check": "zz:yes", "nz": "x"}, atlas=atlas)
    assert bad == Extras() and len(bad.notes) == 4


def test_the_most_urgent_warning_comes_first() -> None:
    from types import SimpleNamespace

    from explainer.present.results import urgent_notes

    flags = [SimpleNamespace(name="Later", level="urgent", advice="Within days."),
             SimpleNamespace(name="Today", level="same_day", advice="Today."),
             SimpleNamespace(name="Now", level="emergency", advice="Call now.")]
    notes = urgent_notes(flags, extras=Extras(), other=(), ui={})
    assert [n.level for n in notes] == ["emergency", "same_day", "urgent"]


def test_a_calm_note_never_sits_beside_a_warning_from_the_same_finding_nor_hides_an_unanswered_yes() -> None:
    from types import SimpleNamespace

    same_day = SimpleNamespace(name="Today", level="same_day", advice="Today.", matched=["progressive_weakness", "neck_pain"])
    slow = SimpleNamespace(name="Soon", level="soon", advice="This week.",
                           matched=["progressive_weakness", "hand_muscle_wasting"])
    night = SimpleNamespace(name="Night", level="soon", advice="Mention it.", matched=["night_pain", "!fever"])
    assert pr.advice_notes([same_day, slow]) == ()
    assert [n.title for n in pr.advice_notes([slow])] == ["Soon"]
    assert [n.title for n in pr.advice_notes([same_day, night])] == ["Night"]
    # "yes" to worsening weakness: answered by the calm note written for it; "yes" to a question no flag answered
    # (only an unrelated calm note fired) still gets the general "get help today" message.
    assert pr.urgent_notes([slow], extras=Extras(), other=("progressive_weakness",), ui={}) == ()
    unanswered = pr.urgent_notes([night], extras=Extras(), other=("sexual_dysfunction",), ui={})
    assert unanswered and unanswered[0].level == "emergency"
