"""The practice question bank: generated from content/, every answer real, sources named, levels different."""

from __future__ import annotations

import re

import pytest
import textstat

from explainer.anatomy import ContentError, load_atlas
from explainer.bodymap.geometry import load_body_map
from explainer.engine.config import load_config
from explainer.present.practice import Question, build_bank, default_bank, pool
from explainer.present.practice_text import LEVELS, Template, load_practice_text

BANK = default_bank()
ATLAS = load_atlas()
BODY = load_body_map()


def test_bank_is_built_from_every_template_and_subject() -> None:
    text = load_practice_text()
    assert len(BANK) == sum(len(t.subjects) for t in text.templates)
    assert len({q.id for q in BANK}) == len(BANK)


@pytest.mark.parametrize("q", BANK, ids=[q.id for q in BANK])
def test_every_question_has_a_real_answer_drawn_in_its_view(q: Question) -> None:
    drawn = BODY.views[q.view].zones
    assert q.required, "every question shows an area (the answer, or the shaded place)"
    places = (*q.required, *q.shaded) if q.kind == "choose" else (*q.required, *q.also)
    for z in places:
        assert z in ATLAS.zones and f"{z}_left" in drawn and f"{z}_right" in drawn, z
    assert not set(q.required) & set(q.also)
    if q.kind == "choose":
        ids = [o for o, _ in q.options]
        assert q.answer in ids and len(set(ids)) == len(ids) >= 3
        assert all(o in ATLAS.roots or o in ATLAS.nerves for o in ids)
        assert q.answer not in q.also and not set(q.also) & set(ids), "a shared root is never offered as wrong"
        assert all(r in ATLAS.roots for r in q.also)
    else:
        assert not q.options and not q.answer
    assert "{" not in q.prompt + q.explanation and q.explanation


@pytest.mark.parametrize("q", BANK, ids=[q.id for q in BANK])
def test_every_question_names_its_sources(q: Question) -> None:
    assert q.sources and all(s in ATLAS.sources for s in q.sources)


def test_levels_differ() -> None:
    pools = {level: set(pool(BANK, level)) for level in LEVELS}
    assert all(len(p) >= 10 for p in pools.values())
    assert not (pools["patient"] & pools["student"] or pools["student"] & pools["clinician"]
                or pools["patient"] & pools["clinician"])
    templates = {level: {q.template for q in BANK if q.level == level} for level in LEVELS}
    assert templates["patient"].isdisjoint(templates["student"] | templates["clinician"])
    assert {"root_skin", "reflex_root"} <= templates["student"]  # roots and reflexes
    assert {"overlap_root", "branch_skin", "root_skin_charts"} <= templates["clinician"]  # overlap, branches, charts


def test_answers_come_from_the_content_records() -> None:
    index = {q.id: q for q in BANK}
    assert index["trap_site.common_fibular_nerve"].required == ("knee_lateral",)  # the zone over the fibular neck
    assert index["reflex_root.achilles"].answer == ATLAS.reflexes["achilles"].main_root == "S1"
    l5 = index["root_skin.L5"]
    assert set(l5.required) <= set(ATLAS.root_zones("L5")) and set(l5.also) <= set(ATLAS.root_also_zones("L5"))
    assert "foot_dorsum" in l5.required
    for q in BANK:
        if q.template == "key_point":
            kp = ATLAS.key_point_for(q.id.split(".")[1])
            assert kp is not None and q.required == (kp.zone,)
        if q.template == "numb_hand":
            assert set(q.shaded) <= set(ATLAS.nerve_zones(q.answer))


def test_no_distractor_is_an_answer_some_source_would_give() -> None:
    """Fair choices: a reflex's other roots, a movement's other roots and a place's 'also' roots are never offered."""
    for q in BANK:
        subject = q.id.split(".", 1)[1]
        wrong = {o for o, _ in q.options} - {q.answer}
        if q.template == "reflex_root":
            assert not wrong & set(ATLAS.reflexes[subject].roots)
        if q.template == "key_muscle":
            mv = ATLAS.movements[subject]
            assert not wrong & {*mv.roots, *mv.minor_roots}
        if q.template == "overlap_root":
            zone = ATLAS.zones[subject]
            assert not wrong & {*zone.dermatomes.primary, *zone.dermatomes.also}
        if q.template == "numb_hand":  # no other option has exactly the shaded skin
            assert all(set(q.shaded) - set(ATLAS.nerve_zones(n)) for n in wrong)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", text.strip()) if s]


@pytest.mark.parametrize("q", [q for q in BANK if q.level == "patient"], ids=lambda q: q.id)
def test_patient_level_reads_plainly(q: Question) -> None:
    """The question and its feedback as shown (list items as sentences): grade <= 7, no sentence over 25 words."""
    shown = " ".join([q.prompt, q.explanation, *(d.rstrip(".") + "." for d in q.details)])
    assert textstat.flesch_kincaid_grade(shown) <= 7.0, shown
    assert max(len(s.split()) for s in _sentences(shown)) <= 25, shown


def test_wording_reads_plainly() -> None:
    text = load_practice_text()
    for value in (*text.feedback.values(), *(lv.blurb for lv in text.levels)):
        assert textstat.flesch_kincaid_grade(value) <= 7.0, value


def test_a_subject_that_does_not_resolve_names_file_record_and_field() -> None:
    text = load_practice_text()
    broken = Template(id="root_skin", level="student", kind="tap", subjects=("L5", "L9"), prompt="{name}",
                      explain="{area}")
    with pytest.raises(ContentError) as err:
        build_bank(atlas=ATLAS, body=BODY, sites=load_config().sites,
                   text=text.model_copy(update={"templates": (broken,)}))
    assert (err.value.file, err.value.record, err.value.field) == ("text/practice.yaml", "root_skin", "subjects")
    assert "'L9'" in err.value.problem


def test_a_template_without_a_builder_is_a_content_error() -> None:
    text = load_practice_text()
    odd = Template(id="guess_the_nerve", level="patient", kind="choose", subjects=("median_nerve",), prompt="x",
                   explain="y")
    with pytest.raises(ContentError, match="no question builder"):
        build_bank(atlas=ATLAS, body=BODY, sites=load_config().sites,
                   text=text.model_copy(update={"templates": (odd,)}))
