"""The words written in code outside the UI, in Spanish (issue 12): link notes, the engine's reasons and questions,
labels, the consult summary. English stays as it was (the other tests); here, Spanish is Spanish and still works."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from explainer.anatomy import load_atlas
from explainer.engine import default_model, localise, make_findings
from explainer.engine.questions import reflex_question, zone_question
from explainer.i18n import use_lang
from explainer.paths import CONTENT_DIR
from explainer.present import results as pr
from explainer.present.exam import sign_text
from explainer.present.extras import Extras
from explainer.present.findings import engine_inputs
from explainer.present.selfcheck import OPTION_LABELS
from explainer.present.summary import notes_summary
from explainer.present.zonelist import REGION_LABELS, zone_label
from explainer.viewstate import ViewState, parse_query, plain_note

L5 = ViewState(mode="consult", zones=("back_low_right", "foot_dorsum_right", "great_toe_dorsal_right"),
               symptoms=("tingling",), reflexes=(("achilles", "reduced"),), other=("back_pain",), signs=(("slr", "R"),))


def test_every_core_message_keeps_its_placeholders() -> None:
    with (CONTENT_DIR / "i18n" / "es" / "LC_MESSAGES" / "core.po").open("rb") as fh:
        catalogue = read_po(fh, locale="es")
    for msg in catalogue:
        if msg.id:
            assert msg.string and not msg.fuzzy, msg.id
            assert sorted(re.findall(r"\{\w*\}", str(msg.id))) == sorted(re.findall(r"\{\w*\}", str(msg.string))), msg.id


def test_link_notes_are_spanish_and_stay_safe_to_show() -> None:
    link = {"zones": "foot_dorsum,nope_left,bad", "page": "x", "exam": "zz", "signs": "slr:Q"}
    english = parse_query(link, atlas=load_atlas()).notes
    with use_lang("es"):
        spanish = parse_query(link, atlas=load_atlas()).notes
    assert len(spanish) == len(english) == 5
    assert "Se han omitido 2 zonas desconocidas del enlace." in spanish
    assert "2 unknown zones in the link were left out." in english
    # Accents and Spanish punctuation survive the safety filter (the example ids lose '_' and ':' in English too).
    assert all(plain_note(n) == n for n in spanish if "_" not in n), spanish


def test_labels_follow_the_language_when_read() -> None:
    english = (REGION_LABELS["trunk_front"], pr.STRENGTH_LABEL["strong"], OPTION_LABELS["yes"])
    with use_lang("es"):
        assert (REGION_LABELS["trunk_front"], pr.STRENGTH_LABEL["strong"], OPTION_LABELS["yes"]) == (
            "Pecho y abdomen", "Encaja bien", "Sí")
        assert zone_label(load_atlas(), "foot_dorsum_right").endswith("(lado derecho)")
        assert sign_text("slr", "R") == "Elevación de la pierna recta: positivo (lado derecho)"
    assert english == ("Chest and belly", "Strong fit", "Yes")
    assert sign_text("slr", "R") == "Straight-leg raise positive (right)"


def test_the_engine_speaks_the_language_and_caches_each() -> None:
    with use_lang("es"):
        atlas = load_atlas()
        spanish = localise(make_findings(**engine_inputs(atlas, L5, Extras(), tags={}), atlas=atlas))  # type: ignore[arg-type]
        assert default_model() is default_model()
    english_model = default_model()
    with use_lang("es"):
        assert default_model() is not english_model
    labels = {c.label for c in spanish.candidates}
    assert any(label.startswith("raíz") or label.startswith("raíces") for label in labels), labels
    reasons = [r.text for c in spanish.candidates for r in (*c.supporting, *c.against)]
    assert not any(r.startswith(("Marked places", "Weakness", "Not marked")) for r in reasons)
    reflex = next(r for c in spanish.candidates for r in c.supporting if r.kind == "reflex_main")
    assert reflex.value == "reduced" and "disminuido" in reflex.text


def test_the_next_question_is_recognised_in_spanish() -> None:
    with use_lang("es"):
        atlas = load_atlas()
        zone = atlas.zones["foot_dorsum"]
        text = f"{zone_question(zone.name, 'right')} Sí → raíz L5; no → raíz L4."
        q = pr.next_question(atlas, text, extras=Extras(), zones=(), weak=(), reflexes={})
        assert q is not None and (q.kind, q.subject) == ("zone", "foot_dorsum_right") and "→" not in q.text
        achilles = atlas.reflexes["achilles"]
        q = pr.next_question(atlas, f"{reflex_question(achilles.name)} Disminuido → raíz S1; normal → raíz L5.",
                             extras=Extras(), zones=(), weak=(), reflexes={})
        assert q is not None and (q.kind, q.subject) == ("reflex", "achilles")
        q = pr.next_question(atlas, "¿Algo nuevo? Débil → A; normal → B.", extras=Extras(), zones=(), weak=(), reflexes={})
        assert q is not None and q.text == "¿Algo nuevo?"


def test_the_consult_summary_is_spanish() -> None:
    with use_lang("es"):
        atlas = load_atlas()
        result = localise(make_findings(**engine_inputs(atlas, L5, Extras(), tags={}), atlas=atlas))  # type: ignore[arg-type]
        text = notes_summary(atlas, L5, Extras(), result)
    for english in ("FINDINGS", "DIFFERENTIAL", "WARNING SIGNS", "Symptoms:", "Special tests", "for:", "against:",
                    "not asked yet", "Strong fit"):
        assert english not in text, english
    assert "HALLAZGOS" in text and "SIGNOS DE ALARMA" in text and "Elevación de la pierna recta: positivo" in text
