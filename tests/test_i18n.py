"""Every text in every language: UI strings (gettext catalogues), content overlays, articles, warnings' advice."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.anatomy import load_atlas
from explainer.i18n import LANGS, t, use_lang
from explainer.i18n_audit import code_messages, missing_articles, missing_messages, missing_texts
from explainer.texts import load_texts

PACKAGE = Path(__file__).resolve().parent.parent / "explainer"
OTHER_LANGS = [lang for lang in LANGS if lang != "en"]


def test_the_code_has_ui_strings_to_translate() -> None:
    assert len(code_messages(PACKAGE)) > 50  # the extractor finds t("...") calls (guards the checks below)


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_every_ui_string_is_translated(lang: str) -> None:
    missing = missing_messages(lang, code_messages(PACKAGE))  # type: ignore[arg-type]
    assert not missing, f"{len(missing)} UI strings have no {lang} translation, e.g. {missing[:5]}"


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_every_content_text_is_translated(lang: str) -> None:
    missing = missing_texts(lang)  # type: ignore[arg-type]
    assert not missing, f"{len(missing)} texts have no {lang} translation, e.g. {missing[:5]}"


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_every_article_is_translated(lang: str) -> None:
    assert not missing_articles(lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_translated_content_loads_with_the_same_ids(lang: str) -> None:
    english, english_texts = load_atlas(), load_texts()
    with use_lang(lang):
        other, other_texts = load_atlas(), load_texts()
    assert other is not english
    assert set(other.zones) == set(english.zones) and set(other.red_flags) == set(english.red_flags)
    assert [a.id for a in other_texts.articles] == [a.id for a in english_texts.articles]
    for a, b in zip(english_texts.articles, other_texts.articles, strict=True):
        assert (a.sources, [m.query for m in a.map_links]) == (b.sources, [m.query for m in b.map_links])


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_every_warning_has_its_advice_in_every_language(lang: str) -> None:
    english = load_atlas()
    with use_lang(lang):
        other = load_atlas()
    for flag_id, flag in english.red_flags.items():
        translated = other.red_flags[flag_id]
        assert translated.advice.strip() and translated.advice != flag.advice, flag_id
        assert translated.name != flag.name, flag_id
        assert translated.level == flag.level, flag_id


def test_a_message_falls_back_to_english_and_fills_placeholders() -> None:
    with use_lang("es"):
        assert t("No such message {n}", n=3) == "No such message 3"
    assert t("Marked: {place}", place="x") == "Marked: x"
