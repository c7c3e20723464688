"""The "On my own" voice: plain reason bullets, questions a person can answer alone, no internal ids; the clinician
voice keeps the engine's precise lines. Readability of every rendered text: tests/test_readability.py."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from explainer.anatomy import Atlas, ContentError
from explainer.engine import explain, localise, make_findings
from explainer.engine.explain import Reason
from explainer.paths import CONTENT_DIR
from explainer.present import results as pr
from explainer.present import voice
from explainer.present.extras import Extras
from explainer.texts import REASON_KINDS, load_texts, load_texts_from
from tests.test_readability import GOLDEN, self_mode_screens

CASES: list[dict[str, Any]] = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))["cases"]


def _result(case: dict[str, Any], atlas: Atlas) -> explain.Result:
    return localise(make_findings(zones=case["zones"], symptoms=case["symptoms"], weak=case["weak_movements"],
                                  reflexes=case["reflexes"], other=case["other"], atlas=atlas))


def test_every_kind_of_engine_reason_has_a_plain_line() -> None:
    engine_kinds = set(explain._ZONE_TEXT) | set(explain._MOVE_TEXT) | set(explain._REFLEX_TEXT)
    assert set(REASON_KINDS) == engine_kinds | {"context_for", "context_against"}
    assert set(load_texts().reasons.kinds) == set(REASON_KINDS)


def test_every_finding_and_reflex_has_plain_words(atlas: Atlas) -> None:
    words = load_texts().reasons
    assert set(words.findings) == set(atlas.findings), "add a plain line to content/text/reasons.yaml"
    assert set(words.reflexes) == set(atlas.reflexes)


def test_self_mode_shows_no_internal_id_on_any_golden_case() -> None:
    shown = self_mode_screens()
    assert len(shown) > 10 * len(CASES)
    leaks = [(where, text) for where, text in shown if voice.INTERNAL_ID.search(text)]
    assert not leaks


def test_the_id_check_would_catch_the_old_leak(atlas: Atlas) -> None:
    assert voice.INTERNAL_ID.search("see great_toe_dorsal and sole_medial")
    assert not voice.INTERNAL_ID.search("Is the top of the foot numb or tingling on the right?")


def test_self_cards_have_few_short_bullets_and_the_clinician_keeps_the_precise_lines(atlas: Atlas) -> None:
    texts = load_texts()
    for case in CASES:
        result = _result(case, atlas)
        mine = pr.cards(atlas, result.candidates, texts=texts.answers, plain_words=texts.reasons)
        theirs = pr.cards(atlas, result.candidates, texts=texts.answers)
        for own, clinician, c in zip(mine, theirs, _distinct(result.candidates), strict=True):
            assert len(own.why) <= voice.MAX_WHY and len(own.against) <= voice.MAX_AGAINST
            assert len(own.chart_notes) <= voice.MAX_CHART_NOTES
            assert all(len(line.split()) <= 30 for line in own.why + own.against)
            assert clinician.why == tuple(pr.plain(atlas, r.text) for r in c.supporting)
            assert clinician.against == tuple(pr.plain(atlas, r.text) for r in c.against)
            if c.supporting:
                assert own.why, f"{case['id']}: {c.id} lost every reason in the self voice"


def _distinct(candidates: list[explain.CandidateOut]) -> list[explain.CandidateOut]:
    seen: set[str] = set()
    out = []
    for c in candidates:
        if c.id not in seen:
            seen.add(c.id)
            out.append(c)
    return out[:3]


def test_the_strongest_reason_comes_first_and_jargon_is_explained(atlas: Atlas) -> None:
    words = load_texts().reasons
    reasons = [Reason(text="low back pain present: Back pain accompanies lumbosacral root and cauda lesions", lr=1.5,
                      kind="context", subject="back_pain#0"),
               Reason(text="Weakness (lift the big toe): it is a main supply of this movement", lr=4.0,
                      kind="weak_major", subject="great_toe_extension"),
               Reason(text="Medial hamstring jerk reduced: a reflex it mainly carries", lr=3.0, kind="reflex_main",
                      subject="medial_hamstring")]
    lines = voice.self_reasons(atlas, reasons, words=words, limit=2)
    assert lines == ("Weak: lift the big toe. This commonly gets weak with it.",
                     "The inner hamstring reflex (a tap at the back of the knee) is reduced. "
                     "It commonly changes this reflex.")
    assert voice.self_reasons(atlas, reasons, words=words, limit=5)[2] == "Low back pain. This often goes with it."
    against = Reason(text="x", lr=0.5, kind="context", subject="no_back_pain#1")
    assert voice.reason_line(atlas, against, words=words) == "No back pain. This does not usually go with it."
    assert voice.reason_line(atlas, Reason(text="x", lr=2, kind="new_kind", subject=""), words=words) is None


def test_a_long_list_of_places_becomes_one_name_and_a_count(atlas: Atlas) -> None:
    subject = ", ".join(f"{z}_right" for z in ("foot_dorsum", "great_toe_dorsal", "sole_medial", "heel_lateral"))
    assert voice.places(atlas, subject).endswith("and 3 other places")
    assert voice.places(atlas, "sole_medial_left, sole_medial_right") == voice.place_name(atlas, "sole_medial_left")
    assert "(" not in voice.place_name(atlas, "occiput_left")


def test_self_mode_never_asks_about_a_reflex(atlas: Atlas) -> None:
    """A person cannot test a reflex alone: the self question falls back to a movement or a patch of skin."""
    switched = 0
    for case in CASES:
        top = _result(case, atlas).candidates[0]
        own = pr.question_for(top, self_guided=True)
        assert pr.question_for(top, self_guided=False) == top.next_question
        if own is not None:
            shown = pr.next_question(atlas, own, extras=Extras(), zones=(), weak=(), reflexes={})
            assert shown is not None and shown.kind in ("movement", "zone"), own
        if top.next_question and top.next_question.startswith("Is the") and "reduced?" in top.next_question:
            switched += 1
            assert own != top.next_question
    assert switched, "no golden case asks a clinician about a reflex: the fallback is untested"


def test_a_broken_reasons_file_names_file_record_and_field(tmp_path: Path, atlas: Atlas) -> None:
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    path = tmp_path / "content" / "text" / "reasons.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  weak_major:", "  weak_majr:"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_texts_from(tmp_path / "content", atlas=atlas)
    assert (info.value.file, info.value.record, info.value.field) == ("text/reasons.yaml", "weak_major", "kinds")
    assert info.value.path == "content/text/reasons.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  weak_majr:", "  weak_major:")
                    .replace("{move}. This commonly", "{muscle}. This commonly"), encoding="utf-8")
    with pytest.raises(ContentError, match="unknown placeholder"):
        load_texts_from(tmp_path / "content", atlas=atlas)


def test_the_app_speaks_plainly_on_my_own_and_precisely_with_a_clinician() -> None:
    """The real page (AppTest): self mode shows the plain bullets, consult mode the engine's precise lines."""
    from streamlit.testing.v1 import AppTest

    from tests.ui.conftest import APP, texts_of

    link = {"page": "where", "zones": "foot_dorsum_right,great_toe_dorsal_right,leg_anterolateral_lower_right",
            "other": "back_pain"}
    shown: dict[str, str] = {}
    for mode in ("self", "consult"):
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in {**link, "mode": mode}.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        shown[mode] = texts_of(at)
    bullets = [line[2:] for line in shown["self"].splitlines() if line.startswith("- ")]
    assert any("places you marked" in b for b in bullets), bullets
    assert "Marked places it usually supplies" not in shown["self"]
    assert "Marked places it usually supplies" in shown["consult"]
    assert not [b for b in bullets if voice.INTERNAL_ID.search(b)]


def test_unmarked_places_are_counted_in_words(atlas: Atlas) -> None:
    words = load_texts().reasons

    def line(subject: str) -> str | None:
        return voice.reason_line(atlas, Reason(text="x", lr=0.5, kind="unmarked", subject=subject), words=words)

    assert line("5 of 10") == "You did not mark 5 of the 10 places it usually reaches."
    assert line("28 of 28") == "You did not mark any of the 28 places it usually reaches."
    assert line("1 of 1") == "You did not mark the one place it usually reaches."
