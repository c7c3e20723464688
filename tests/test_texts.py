"""Patient-facing text: every answer explained, articles link into the map, language hedged."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from explainer.anatomy import Atlas
from explainer.texts import load_texts
from explainer.viewstate import parse_query

HEDGES = ("commonly", "usually", "may", "often", "can", "might", "mostly", "some", "rarely")


def test_every_answer_has_plain_text(atlas: Atlas) -> None:
    texts = load_texts()
    assert set(texts.answers) == set(atlas.answers)


def test_articles_cover_the_four_topics_and_link_into_the_map(atlas: Atlas) -> None:
    texts = load_texts()
    ids = {a.id for a in texts.articles}
    assert {"nerves-leave-the-spine", "sciatica-and-the-sciatic-nerve", "other-causes-of-tingling",
            "when-to-seek-urgent-care"} <= ids
    for article in texts.articles:
        assert article.map_links, article.id
        for link in article.map_links:
            params = {k: ",".join(v) for k, v in parse_qs(link.query).items()}
            state = parse_query(params, atlas=atlas)
            assert state.notes == (), (article.id, link.query, state.notes)


def test_sciatica_article_names_the_nerve_facts() -> None:
    body = load_texts().article("sciatica-and-the-sciatic-nerve")
    assert body is not None
    text = body.body.lower()
    for phrase in ("longest", "buttock", "thigh", "tibial", "fibular", "disc"):
        assert phrase in text, phrase


def test_patient_texts_are_hedged() -> None:
    texts = load_texts()
    for answer_id, text in texts.answers.items():
        words = set(re.findall(r"[a-z]+", text.what_it_means.lower()))
        assert words & set(HEDGES), f"{answer_id}: what_it_means has no hedge word"


def test_self_check_has_questions_and_outcomes() -> None:
    check = load_texts().selfcheck
    assert len(check.questions) >= 6
    assert any(o.min_score is not None for o in check.outcomes)


def test_spinal_cord_patterns_article_teaches_brown_sequard_and_syrinx() -> None:
    article = load_texts().article("spinal-cord-patterns")
    assert article is not None and article.sources and article.map_links
    body = " ".join(article.body.lower().split())
    for phrase in ("brown-séquard", "opposite side", "pain and temperature", "syrinx", "cape", "light touch is still felt",
                   "call the emergency number"):
        assert phrase in body, phrase
    words = set(re.findall(r"[a-z]+", body))
    assert words & set(HEDGES)


def test_urgent_care_article_makes_any_one_cauda_equina_sign_enough_and_lists_the_other_emergencies() -> None:
    # NICE CKS sciatica and the GIRFT national cauda equina pathway: any one of saddle numbness, new bladder or bowel
    # change, or sciatica in both legs is urgent on its own.
    article = load_texts().article("when-to-seek-urgent-care")
    assert article is not None
    body = " ".join(article.body.lower().split())
    assert "the mix of" not in body and "badly squeezed" not in body
    assert "any one of these is enough" in body
    for phrase in ("saddle area", "bladder", "bowel", "sciatica in both legs", "fast", "even if it has already gone",
                   "guillain-barre", "droopy eyelid", "carotid dissection", "cold, pale and painful",
                   "penis, clitoris, vulva or scrotum", "hernia surgery", "getting weaker over hours or days"):
        assert phrase in body, phrase
    assert {"NICE_CKS_SCIATICA", "GIRFT_CES", "NICE_NG128"} <= set(article.sources)
