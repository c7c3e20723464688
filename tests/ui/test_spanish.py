"""A page opened with ``lang=es`` shows no English: every page, both modes, with marks, results and a warning sign;
the practice questions, the case walkthroughs and the handout too (checks: tests/ui/english_check.py). A failure
lists each English text, where it was shown and the scenario, so a translator can find it. The language control
sits beside the mode switch, the language stays in the link, and switching back brings English back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.english_check import all_strings, english_in, nodes, shown_texts

L5 = {"zones": "foot_dorsum_right,great_toe_dorsal_right", "symptoms": "tingling,numbness", "other": "back_pain"}
SADDLE = {"zones": "perineum_right,perianal_left", "symptoms": "numbness"}
EXAM = {"exam": "ankle_dorsiflexion:B4+,patellar:L3c", "signs": "slr:R",
        "sens": "foot_dorsum_right:pinprick-reduced+vibration-absent"}
ACHILLES = {"page": "practise", "level": "student", "q": "reflex_root.achilles"}
CHECK = "back_worse_posture_flares_leg:yes,cough_sneeze_shoots_leg:no"

SCENARIOS: dict[str, dict[str, str]] = {
    "where, nothing marked": {},
    "where, a link with unknown parts": {"zones": "foot_dorsum_right,no_such_zone", "symptoms": "no_such_symptom"},
    "where, L5 results": L5,
    "where, saddle: urgent": SADDLE,
    "where, skin strips, Foerster": {**L5, "layer": "dermatomes", "chart": "foerster"},
    "where, nerve areas, foot": {**L5, "layer": "nerves", "view": "foot_top"},
    "where, consult, examination": {**L5, **EXAM, "mode": "consult"},
    "where, consult, saddle: urgent": {**SADDLE, "mode": "consult"},
    "where, hand, skin strips compared": {"zones": "thumb_palmar_right,index_palmar_right", "view": "hand_palm",
                                          "layer": "dermatomes", "chart": "compare"},
    "where, saddle view, nerve areas": {"view": "saddle", "layer": "nerves"},
    "where, consult, back, skin strips": {**L5, "view": "back", "layer": "dermatomes", "mode": "consult",
                                          "weak": "great_toe_extension", "reflexes": "achilles:reduced"},
    "where, warning signs answered": {**L5, "rf": "saddle:no,bladder:no,bowel:unsure,both_legs:no"},
    "spine, nothing chosen": {"page": "spine"},
    "spine, S1 root": {"page": "spine", "root": "S1"},
    "spine, consult, sciatic nerve": {"page": "spine", "nerve": "sciatic_nerve", "mode": "consult"},
    "spine, L4/L5 disc": {"page": "spine", "disc": "L4/L5"},
    "spine, L5 vs common fibular": {"page": "spine", "root": "L5", "compare": "common_fibular_nerve"},
    "learn": {"page": "learn"},
    "learn, consult, when to seek care": {"page": "learn", "article": "when-to-seek-urgent-care", "mode": "consult"},
    "connected, nothing answered": {"page": "connected"},
    "connected, answered": {"page": "connected", "check": CHECK},
    "connected, consult, answered": {"page": "connected", "check": CHECK, "mode": "consult"},
    "practise, first question": {"page": "practise"},
    "practise, answered wrongly": {**ACHILLES, "a": "S2", "score": "0-1", "missed": "reflex_root.patellar:5"},
    "practise, tap question": {"page": "practise", "level": "patient", "q": "trap_site.common_fibular_nerve"},
    "practise, case": {"page": "practise", "case": "pub_02"},
    "practise, case answered, warning": {"page": "practise", "case": "pub_12", "a": "cauda_equina"},
    "practise, consult, case answered": {"page": "practise", "case": "pub_02", "a": "S1", "mode": "consult"},
}
ARTICLES = ("nerves-leave-the-spine", "other-causes-of-tingling", "sciatica-and-the-sciatic-nerve",
            "spinal-cord-patterns", "why-dermatome-charts-differ")



# --- the tests ---------------------------------------------------------------------------------------------------

@pytest.fixture
def spanish(run_app: Callable[..., AppTest]) -> Callable[[dict[str, str]], AppTest]:
    def run(query: dict[str, str]) -> AppTest:
        at = run_app({**query, "lang": "es"})
        assert at.query_params.get("lang") == "es"
        return at

    return run


def test_the_checker_finds_english() -> None:
    found = english_in([("markdown", "**Why it fits**"), ("caption", "Tap the places where you feel it."),
                        ("caption", "Marque dónde lo nota."), ("caption", "Fuentes: Keegan & Garrett 1948")])
    assert len(found) == 2, found


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_spanish_page_shows_no_english(spanish: Callable[[dict[str, str]], AppTest], name: str) -> None:
    at = spanish(SCENARIOS[name])
    texts = shown_texts(at)
    assert len(texts) > 10
    if "urgent" in name:
        assert at.error, "the urgent-care banner must show"
    problems = english_in(texts)
    assert not problems, f"{name}: {len(problems)} English texts:\n" + "\n".join(problems)


@pytest.mark.parametrize("article", ARTICLES)
def test_every_article_is_in_spanish(spanish: Callable[[dict[str, str]], AppTest], article: str) -> None:
    at = spanish({"page": "learn", "article": article})
    problems = english_in(shown_texts(at))
    assert not problems, f"{article}: {len(problems)} English texts:\n" + "\n".join(problems)


def test_answering_a_warning_question_keeps_spanish(spanish: Callable[[dict[str, str]], AppTest]) -> None:
    at = spanish(L5)
    at.radio(key="nm_warn_saddle").set_value("yes").run()
    assert at.error and at.query_params.get("lang") == "es"
    problems = english_in(shown_texts(at))
    assert not problems, "\n".join(problems)


def test_the_language_stays_in_the_link_and_english_comes_back(spanish: Callable[[dict[str, str]], AppTest]) -> None:
    at = spanish({"page": "connected"})
    title = at.title[0].value
    assert title != "Are my back and leg symptoms connected?"
    at.segmented_control(key="nm_mode_switch").set_value("consult").run()
    assert at.query_params.get("lang") == "es" and at.query_params.get("mode") == "consult"
    control = at.radio(key="nm_lang")
    assert control.label == "Language · Idioma" and control.value == "es"
    control.set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Are my back and leg symptoms connected?"
    assert at.query_params.get("lang") in (None, "en")
    assert "Education, not diagnosis" in "\n".join(t for _, t in shown_texts(at))


def test_going_to_another_page_keeps_spanish(spanish: Callable[[dict[str, str]], AppTest]) -> None:
    at = spanish({"page": "connected", "check": CHECK})
    at.button(key="nm_check_to_map").click().run()
    assert not at.exception
    assert at.query_params.get("lang") == "es"
    assert at.title[0].value != "Where do you feel it?"



@pytest.mark.parametrize("mode", ["self", "consult"])
def test_the_handout_is_in_spanish(spanish: Callable[[dict[str, str]], AppTest], monkeypatch: pytest.MonkeyPatch,
                                   mode: str) -> None:
    """The handout is built when the button is pressed, outside the page's run (as Streamlit does): still Spanish."""
    import streamlit

    from explainer.handout import pdf

    made: dict[str, Any] = {}
    original = streamlit.download_button

    def keep(*args: Any, **kwargs: Any) -> Any:
        made["data"] = kwargs.get("data")
        return original(*args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", keep)
    monkeypatch.setattr(pdf, "build_handout_pdf", lambda data: made.setdefault("handout", data) and b"%PDF")
    at = spanish({**L5, "mode": mode})
    if mode == "consult":
        at.checkbox(key="nm_handout_clinician").check().run()
    assert callable(made.get("data"))
    made["data"]()  # no session here: the language must come from the page that drew the button
    texts = [("handout", s) for s in all_strings(made["handout"])]
    assert len(texts) > 10
    problems = english_in(texts)
    assert not problems, f"handout ({mode}): {len(problems)} English texts:\n" + "\n".join(problems)


def _first_of_each_kind() -> list[tuple[str, str, str]]:
    """(level, question id, an answer) for the first question of each family, answered right."""
    from explainer.present.practice import default_bank, pool
    from explainer.present.practice_text import LEVELS

    out: dict[str, tuple[str, str, str]] = {}
    for level in LEVELS:
        for qid in pool(default_bank(), level):
            q = next(q for q in default_bank() if q.id == qid)
            given = f"{q.required[0]}_left" if q.kind == "tap" else q.answer
            out.setdefault(qid.split(".")[0], (level, qid, given))
    return sorted(out.values())


@pytest.mark.parametrize(("level", "qid", "given"), _first_of_each_kind())
@pytest.mark.parametrize("answered", [False, True])
def test_practice_questions_are_in_spanish(spanish: Callable[[dict[str, str]], AppTest], level: str, qid: str,
                                           given: str, answered: bool) -> None:
    query = {"page": "practise", "level": level, "q": qid, **({"a": given, "score": "1-1"} if answered else {})}
    problems = english_in(shown_texts(spanish(query)))
    assert not problems, f"{qid}: {len(problems)} English texts:\n" + "\n".join(problems)


def _cases() -> list[tuple[str, str]]:
    from explainer.present.walkthrough import load_cases

    return [(c.id, c.expected.best) for c in load_cases()]


@pytest.mark.parametrize(("case", "best"), _cases())
def test_every_case_walkthrough_is_in_spanish(spanish: Callable[[dict[str, str]], AppTest], case: str, best: str) -> None:
    problems = english_in(shown_texts(spanish({"page": "practise", "case": case, "a": best})))
    assert not problems, f"{case}: {len(problems)} English texts:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", ["where", "spine", "learn", "connected", "practise"])
def test_the_language_control_sits_beside_the_mode_switch(run_app: Callable[..., AppTest], page: str) -> None:
    """One small globe button naming the page's language, in the header row with the mode switch (not a row of its
    own above the page); it opens the choice "Language · Idioma"."""
    at = run_app({"page": page, "lang": "es"})
    row = next(n for n in nodes(at._tree)
               if any(getattr(c, "type", "") == "popover" for c in getattr(n, "children", {}).values()))
    kinds = [getattr(c, "type", "") for c in row.children.values()]
    assert kinds == ["button_group", "popover"], kinds  # the mode switch, then the language
    popover = next(c for c in row.children.values() if c.type == "popover")
    assert popover.proto.popover.label == "Español" and popover.proto.popover.icon == ":material/language:"
    assert at.radio(key="nm_lang").label == "Language · Idioma"
    assert next(c for c in row.children.values() if c.type == "button_group").proto.label == "Modo"


def test_a_broken_translation_offers_the_english_page(run_app: Callable[..., AppTest],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """If a Spanish file is broken, the friendly page (in Spanish) offers English, and the link's marks are kept."""
    from explainer.anatomy import ContentError
    from explainer.i18n import current_lang
    from explainer.ui import nav

    loaded = nav.load_everything

    def load() -> None:
        if current_lang() == "es":
            raise ContentError(file="i18n/es/zones.yaml", record="-", field="-", problem="broken for this test")
        loaded()

    monkeypatch.setattr(nav, "load_everything", load)
    at = run_app({**L5, "lang": "es"})
    assert at.title[0].value == "Nerve Map no se puede abrir"
    at.button(key="nm_broken_english").click().run()
    assert not at.exception and at.title[0].value == "Where do you feel it?"
    assert at.query_params.get("lang") in (None, "en") and at.query_params["zones"] == L5["zones"]
