"""Scoring taps fairly where charts disagree, the revisit rule and the practice link (hypothesis where it helps)."""

from __future__ import annotations

from urllib.parse import urlencode

from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.anatomy import load_atlas
from explainer.present.practice import default_bank, pool
from explainer.present.practice_link import Practice, parse_practice, practice_to_query
from explainer.present.practice_score import (
    MAX_MISSED,
    REVISIT_AFTER,
    Score,
    after_answer,
    order_for,
    pick_next,
    score_choice,
    score_taps,
)
from explainer.present.practice_text import LEVELS
from explainer.viewstate import parse_query, to_query

ATLAS = load_atlas()
BANK = default_bank()
REQUIRED = ("foot_dorsum", "first_web_space", "great_toe_dorsal", "toes_2_4_dorsal")
ALSO = ("foot_medial_border", "ankle_anterior")
OUTSIDE = ("sole_lateral", "heel_lateral", "little_toe_dorsal")
side = st.sampled_from(("_left", "_right"))
subset = st.lists(st.sampled_from(REQUIRED), unique=True)


def test_taps_are_split_into_hit_missed_neutral_and_wrong() -> None:
    r = score_taps(["foot_dorsum_right", "great_toe_dorsal_left", "foot_medial_border_right", "sole_lateral_right"],
                   required=REQUIRED, also=ALSO)
    assert r.hit == ("foot_dorsum", "great_toe_dorsal") and r.missed == ("first_web_space", "toes_2_4_dorsal")
    assert r.neutral == ("foot_medial_border",) and r.wrong == ("sole_lateral",)
    assert r.verdict == "partly"  # half found, but one tap is outside the area


@given(subset, st.lists(st.sampled_from(ALSO), unique=True), side)
def test_also_places_never_change_the_verdict(hits: list[str], extra: list[str], s: str) -> None:
    """Places only some charts give are neither right nor wrong."""
    plain = score_taps([h + s for h in hits], required=REQUIRED, also=ALSO)
    more = score_taps([h + s for h in hits + extra], required=REQUIRED, also=ALSO)
    assert plain.verdict == more.verdict and more.neutral == tuple(dict.fromkeys(extra))
    assert not more.wrong


@given(subset, side)
def test_half_the_area_and_nothing_outside_is_right(hits: list[str], s: str) -> None:
    verdict = score_taps([h + s for h in hits], required=REQUIRED, also=ALSO).verdict
    assert verdict == ("right" if 2 * len(hits) >= len(REQUIRED) else "partly" if hits else "wrong")


@given(subset.filter(bool), st.sampled_from(OUTSIDE), side)
def test_a_tap_outside_the_area_is_never_right(hits: list[str], outside: str, s: str) -> None:
    r = score_taps([h + s for h in hits] + [outside + s], required=REQUIRED, also=ALSO)
    assert r.verdict == "partly" and r.wrong == (outside,)


@given(subset)
def test_either_side_counts_the_same(hits: list[str]) -> None:
    left = score_taps([h + "_left" for h in hits], required=REQUIRED, also=ALSO)
    assert left == score_taps([h + "_right" for h in hits], required=REQUIRED, also=ALSO)


def test_choice_and_running_score() -> None:
    assert score_choice("S1", answer="S1") == "right" and score_choice("L5", answer="S1") == "wrong"
    assert score_choice("S2", answer="S1", also=("S2",)) == "partly"  # the ankle jerk's second root
    assert Score().add("right").add("partly").add("wrong") == Score(right=1, asked=3)


def test_a_missed_question_comes_back_and_leaves_when_answered_right() -> None:
    missed = after_answer((), question="a", verdict="wrong", step=2)
    assert missed == (("a", 2 + REVISIT_AFTER),)
    ids = ["a", "b", "c", "d", "e", "f"]
    for step in range(3, 2 + REVISIT_AFTER):
        assert pick_next(ids, seed=1, step=step, missed=missed) != "a"  # not due yet
    assert pick_next(ids, seed=1, step=2 + REVISIT_AFTER, missed=missed) == "a"
    assert after_answer(missed, question="a", verdict="right", step=5) == ()
    assert after_answer(missed, question="a", verdict="partly", step=5) == (("a", 5 + REVISIT_AFTER),)


@settings(max_examples=60)
@given(st.integers(0, 10_000), st.lists(st.booleans(), min_size=1, max_size=40), st.sampled_from(LEVELS))
def test_simulated_runs_revisit_every_miss(seed: int, answers: list[bool], level: str) -> None:
    """Whatever the answers, a missed question is asked again soon, and nothing outside the level is asked."""
    ids = pool(BANK, level)  # type: ignore[arg-type]
    missed: tuple[tuple[str, int], ...] = ()
    asked: list[str] = []
    current: str | None = None
    for step, right in enumerate(answers):
        current = pick_next(ids, seed=seed, step=step, missed=missed, current=current)
        assert current in ids and (not asked or current != asked[-1])
        asked.append(current)
        missed = after_answer(missed, question=current, verdict="right" if right else "wrong", step=step)
        assert len(missed) <= MAX_MISSED
    for step, (qid, right) in enumerate(zip(asked, answers, strict=True)):
        horizon = step + REVISIT_AFTER + MAX_MISSED
        if not right and horizon < len(asked):
            assert qid in asked[step + 1: horizon + 1], (qid, step)


@given(st.integers(0, 999_999))
def test_seeded_order_is_a_fixed_permutation(seed: int) -> None:
    ids = pool(BANK, "student")
    assert sorted(order_for(ids, seed=seed)) == sorted(ids) and order_for(ids, seed=seed) == order_for(ids, seed=seed)


questions = st.sampled_from([q.id for q in BANK])
practices = st.builds(
    Practice, level=st.sampled_from(LEVELS), q=questions, a=st.lists(st.sampled_from(ATLAS.zone_instances[:30]),
                                                                      unique=True, max_size=5).map(tuple),
    seed=st.integers(0, 999_999), score=st.builds(lambda r, w: Score(r, r + w), st.integers(0, 50), st.integers(0, 50)),
    missed=st.lists(st.tuples(questions, st.integers(0, 500)), unique_by=lambda m: m[0], max_size=5).map(tuple),
    case=st.sampled_from((None, "pub_01", "pub_29")),
)


@settings(max_examples=60)
@given(practices)
def test_practice_link_round_trips(p: Practice) -> None:
    notes: list[str] = []
    assert parse_practice(practice_to_query(p), atlas=ATLAS, notes=notes) == p and not notes


def test_practice_link_through_the_view_state() -> None:
    query = {"page": "practise", "level": "clinician", "q": "overlap_root.knee_medial", "a": "L3", "score": "4-7",
             "missed": "root_skin_charts.L4:9", "seed": "77"}
    state = parse_query(query, atlas=ATLAS)
    assert state.page == "practise" and not state.notes
    assert state.practice.score == Score(4, 7) and state.practice.missed == (("root_skin_charts.L4", 9),)
    assert to_query(state) == query


MARK = "zz9evil"
bad_values = st.one_of(st.text(max_size=20).map(lambda t: t + MARK), st.sampled_from(
    [f"root_skin.L5{MARK}", f"9-3{MARK}", "9-3", "-1", "1e9", f"<b>{MARK}</b>", f"pub_01{MARK}", f"x:{MARK}"]))


@settings(max_examples=80)
@given(st.dictionaries(st.sampled_from(("level", "q", "a", "seed", "score", "missed", "case")), bad_values,
                       min_size=1))
def test_hostile_practice_values_are_dropped_counted_and_never_echoed(params: dict[str, str]) -> None:
    notes: list[str] = []
    p = parse_practice(params, atlas=ATLAS, notes=notes)
    written = urlencode(practice_to_query(p))
    assert MARK not in written and not any(MARK in n for n in notes)
    assert notes, "every unusable value is reported"
    assert p.score.right <= p.score.asked
