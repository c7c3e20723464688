"""Plain language for people on their own: every text the "On my own" mode can show reads at about age 12 or below.

Flesch-Kincaid grade <= 7 for each text and no sentence over 25 words (textstat 0.7.3 is pinned because later
releases download a pronunciation dictionary at first use, which fails offline). Names of conditions are kept
(people need them to ask for help), so the limits apply to the whole text, not to each word.

What is measured, one text at a time:
- warnings: each warning's reason and advice (content/red_flags.yaml);
- results: every field of every answer's text (content/text/answers.yaml);
- reasons, questions and chart notes: the self-mode result cards and the next question, rendered from the engine's
  output on every golden case (tests/engine/golden_cases.yaml), as the page shows them; and every question self mode
  could ask (each movement, each patch of skin on each side);
- articles (content/articles/*.md): measured PER PARAGRAPH - each paragraph, and each list item on its own
  (headings are kept in the articles but not measured: they are a few words long), plus each summary and map link;
- the self-check (content/connected.yaml): intro, safety note, every question and outcome;
- UI strings (content/text/ui.yaml) and the chart notes of content/text/zones.yaml;
- root cards on the spine page (content/roots.yaml): summary, skin strip, where it leaves the spine, the key test point
  in everyday words (content/key_points.yaml `plain`), charts disagree; disc cards (content/spine.yaml): text and note;
- nerve cards on the spine page (content/nerves.yaml): summary, each step of the course (a list item, measured on
  its own), each place it can be squeezed;
- the handout (content/text/handout.yaml): every word the take-home sheet prints in self mode (the words printed only
  on the clinician's page are listed in HANDOUT_CLINICIAN_ONLY); its labels of three words or fewer are names, like
  the articles' headings, and are not graded;
- the quick movement check (content/movements.yaml): each question, as its radio's label;
- other causes of tingling (content/other_causes.yaml): distribution and clues (no page shows them yet).

Clinician-only, so not measured: each root's and zone's `clinician_note` (named charts, citations), each key test
point's standard `wording` (the root card in consult mode) and the examination detail consult mode adds.
Names are not measured as running text: muscle, reflex, nerve and skin-branch names (content/cutaneous_nerves.yaml
shows only names, in the map's hover).
Shown in self mode but NOT YET measured (name lists, still above the limits): each root card's key muscle lines
(muscle names from content/roots.yaml with the movement, e.g. "Wrist extensors (extensor carpi radialis longus and
brevis) — cock the wrist back") and the spine page's colour legend (explainer/present/layers.py).
No self-mode text may hold an internal id (lower-case words joined by underscores).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import textstat
import yaml

from explainer.anatomy import load_atlas
from explainer.engine import localise, make_findings
from explainer.handout.text import load_handout_text
from explainer.present import cards as pc
from explainer.present import results as pr
from explainer.present import voice
from explainer.present.extras import Extras
from explainer.present.voice import INTERNAL_ID
from explainer.texts import load_texts

MAX_GRADE = 7.0
MAX_SENTENCE_WORDS = 25
_SENTENCE = re.compile(r"(?<=[.!?:])\s+")
GOLDEN = Path(__file__).parent / "engine" / "golden_cases.yaml"


def longest_sentence(text: str) -> int:
    return max(len(s.split()) for s in _SENTENCE.split(text.strip()) if s)


def _markdown_free(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [words](link) -> words
    return re.sub(r"[*`]", "", text).strip()  # bold, italics and code marks


def _warning_texts() -> list[tuple[str, str]]:
    return [(f"{flag.id}.{part}", getattr(flag, part)) for flag in load_atlas().red_flags.values()
            for part in ("reason", "advice")]


def _answer_texts() -> list[tuple[str, str]]:
    return [(f"{key}.{part}", getattr(text, part)) for key, text in load_texts().answers.items()
            for part in ("plain_name", "what_it_means", "what_usually_helps", "who_to_see")]


_NAME_IN_BRACKETS = re.compile(r"\s*\([^()]*\)$")


def title_words(where: str, text: str) -> str:
    """An answer's title is a name, not running text: 'A skin nerve of the outer forearm (lateral antebrachial
    cutaneous nerve)'. The plain words are graded; the medical name kept in brackets at the end is not (it is what
    a GP letter says, and a grade for a two-word Latin name means nothing). Sentence length and ids still count."""
    return _NAME_IN_BRACKETS.sub("", text) if where.endswith(".plain_name") else text


def article_paragraphs(body: str) -> list[str]:
    """A Markdown body as measured: paragraphs, and each list item on its own; headings left out."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        if not lines or lines[0].startswith("#"):
            continue
        if re.match(r"([-*]|\d+\.)\s", lines[0]):
            items: list[str] = []
            for ln in lines:
                if re.match(r"([-*]|\d+\.)\s", ln):
                    items.append(re.sub(r"^([-*]|\d+\.)\s+", "", ln))
                else:
                    items[-1] += " " + ln
            out.extend(items)
        else:
            out.append(" ".join(lines))
    return [_markdown_free(p) for p in out]


def _article_texts() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for article in load_texts().articles:
        out.append((f"{article.id}.summary", article.summary))
        out.extend((f"{article.id}.link{i}", link.label) for i, link in enumerate(article.map_links))
        out.extend((f"{article.id}.para{i}", p) for i, p in enumerate(article_paragraphs(article.body)))
    return out


def _selfcheck_texts() -> list[tuple[str, str]]:
    check = load_texts().selfcheck
    out = [("intro", check.intro), ("safety", check.safety)]
    out += [(q.id, q.text) for q in check.questions]
    out += [(f"{o.id}.{part}", getattr(o, part)) for o in check.outcomes for part in ("title", "text")]
    return out


def _ui_texts() -> list[tuple[str, str]]:
    return [(key, value) for key, value in load_texts().ui.items() if isinstance(value, str) and value.strip()]


def _chart_note_texts() -> list[tuple[str, str]]:
    """Each zone's chart note as a self-mode card shows it: 'Short place name: note'."""
    atlas = load_atlas()
    notes = [f"{atlas.zones[zone].name}: {text.chart_note}" for zone, text in atlas.zone_text.items() if text.chart_note]
    return [(zone, shown) for zone, shown in zip([z for z, t in atlas.zone_text.items() if t.chart_note],
                                                 (voice.self_chart_notes(atlas, [n])[0] for n in notes), strict=True)]


@cache
def self_mode_screens() -> tuple[tuple[str, str], ...]:
    """Every card line and next question the "On my own" results show, on every golden case."""
    atlas, texts = load_atlas(), load_texts()
    cases: list[dict[str, Any]] = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))["cases"]
    out: list[tuple[str, str]] = []
    for case in cases:
        findings = make_findings(zones=case["zones"], symptoms=case["symptoms"], weak=case["weak_movements"],
                                 reflexes=case["reflexes"], other=case["other"], atlas=atlas)
        result = localise(findings)
        for card in pr.cards(atlas, result.candidates, texts=texts.answers, plain_words=texts.reasons):
            where = f"{case['id']}.{card.answer}"
            out += [(f"{where}.title", card.title)]
            out += [(f"{where}.why{i}", w) for i, w in enumerate(card.why)]
            out += [(f"{where}.against{i}", w) for i, w in enumerate(card.against)]
            out += [(f"{where}.chart{i}", n) for i, n in enumerate(card.chart_notes)]
        top = result.candidates[0]
        question = pr.next_question(atlas, pr.question_for(top, self_guided=True), extras=Extras(),
                                    zones=case["zones"], weak=case["weak_movements"], reflexes=case["reflexes"])
        if question:
            out.append((f"{case['id']}.question", question.text))
    return tuple(out)


def _screen_texts(kind: str) -> list[tuple[str, str]]:
    return [(w, t) for w, t in self_mode_screens() if w.rsplit(".", 1)[1].rstrip("0123456789") == kind]


def _possible_questions() -> list[tuple[str, str]]:
    """Every next question self mode can ask, as the page shows it: each movement, each patch of skin on each side."""
    atlas = load_atlas()
    asked = [(m.id, f"{m.question} Weak → a; normal → b.") for m in atlas.movements.values()]
    asked += [(f"{z.id}_{side}", f"Is the skin of the {z.name.lower()} ({side}) numb or tingling? Yes → a; no → b.")
              for z in atlas.zones.values() for side in ("left", "right")]
    shown = [(where, pr.next_question(atlas, text, extras=Extras(), zones=(), weak=(), reflexes={}))
             for where, text in asked]
    assert all(q is not None and q.kind != "text" for _, q in shown), "a question the page does not recognise"
    return [(where, q.text) for where, q in shown if q is not None]


def _root_card_texts() -> list[tuple[str, str]]:
    """The running text of each root's card on the spine page, as self mode shows it (names and lists are not)."""
    atlas, out = load_atlas(), []
    for root in atlas.roots:
        card = pc.root_card(atlas, root)
        out += [(f"{root}.{part}", text) for part in ("summary", "area", "exit_text", "key_point", "chart_note")
                if (text := getattr(card, part))]
    return out


def _disc_card_texts() -> list[tuple[str, str]]:
    """Each disc's card on the spine page (its text and its note; the note also shows under the map's legend)."""
    atlas, out = load_atlas(), []
    for disc in atlas.spine.discs:
        card = pc.disc_card(atlas, disc.id)
        assert card is not None
        out += [(f"{disc.id}.text", card.text)] + ([(f"{disc.id}.note", card.note)] if card.note else [])
    return out


def _nerve_card_texts() -> list[tuple[str, str]]:
    """Each nerve's card on the spine page: its summary, each step of its course, each place it can be squeezed."""
    atlas, out = load_atlas(), []
    for nerve in atlas.nerves:
        card = pc.nerve_card(atlas, nerve)
        out.append((f"{nerve}.summary", card.summary))
        out += [(f"{nerve}.course{i}", line) for i, line in enumerate(card.course)]
        out += [(f"{nerve}.entrapment{i}", line) for i, line in enumerate(card.entrapment)]
    return out


def _movement_check_texts() -> list[tuple[str, str]]:
    """The quick movement check: each movement's question is the label of its radio in self mode."""
    return [(m.id, m.question) for m in load_atlas().movements.values()]


def _other_cause_texts() -> list[tuple[str, str]]:
    """Other causes of tingling (content/other_causes.yaml): where it is usually felt and what tends to go with it.
    Written for people; no page shows these fields yet (the article on other causes says the same in its own words),
    so they are kept plain for the day one does."""
    return [(f"{c.id}.{part}", getattr(c, part)) for c in load_atlas().other_causes.values()
            for part in ("distribution", "clues")]


# Handout words printed only on the clinician's second page (consult mode), or not words at all (the file name).
HANDOUT_CLINICIAN_ONLY = frozenset({"clinician_title", "clinician_intro", "found_symptoms", "found_weak",
                                    "found_reflexes", "found_other", "found_none", "explanations_title", "why_fits",
                                    "against", "clinician_option", "file_name"})
LABEL_WORDS = 3


def _handout_texts() -> list[tuple[str, str]]:
    """Every word the sheet a person takes home prints in self mode (content/text/handout.yaml)."""
    text = load_handout_text()
    out = [(f"strings.{key}", value) for key, value in text.strings.model_dump().items()
           if key not in HANDOUT_CLINICIAN_ONLY]
    out += [(f"view_titles.{key}", value) for key, value in text.view_titles.items()]
    out += [(f"labels.{key}", value) for key, value in text.labels.items()]
    for group in text.watch_for:
        out.append((f"{group.id}.action", group.action))
        out += [(f"{group.id}.sign{i}", sign) for i, sign in enumerate(group.signs)]
    out += [(f"same_emergency{i}.{part}", getattr(same, part)) for i, same in enumerate(text.same_emergency)
            for part in ("headline", "urgent")]
    return [(f"handout.{where}", words) for where, words in out]


def _reason_texts() -> list[tuple[str, str]]:
    return _screen_texts("why") + _screen_texts("against")


GROUPS = {
    "warnings": _warning_texts(),
    "results": _answer_texts(),
    "reasons": _reason_texts(),
    "questions": _screen_texts("question"),
    "possible_questions": _possible_questions(),
    "card_chart_notes": _screen_texts("chart"),
    "articles": _article_texts(),
    "selfcheck": _selfcheck_texts(),
    "ui": _ui_texts(),
    "zone_chart_notes": _chart_note_texts(),
    "root_cards": _root_card_texts(),
    "nerve_cards": _nerve_card_texts(),
    "disc_cards": _disc_card_texts(),
    "handout": _handout_texts(),
    "movement_check": _movement_check_texts(),
    "other_causes": _other_cause_texts(),
}
ALL = [(f"{group}:{where}", text) for group, items in GROUPS.items() for where, text in items]


def is_label(where: str, text: str) -> bool:
    """A handout label ('Reflexes', 'Possible fit', 'Right foot (top)') is a name, not running text: like an article's
    headings it is not graded (a grade for one or two words measures only their syllables); ids still count."""
    return where.startswith("handout.") and len(text.split()) <= LABEL_WORDS and not re.search(r"[.!?]$", text)


def problems(text: str, *, where: str = "") -> list[str]:
    out = []
    grade = -99.0 if is_label(where, text) else textstat.flesch_kincaid_grade(title_words(where, text))
    if grade > MAX_GRADE:
        out.append(f"reading grade {grade:.1f} > {MAX_GRADE}")
    if longest_sentence(text) > MAX_SENTENCE_WORDS:
        out.append(f"a sentence runs to {longest_sentence(text)} words")
    if INTERNAL_ID.search(text):
        out.append(f"internal id {INTERNAL_ID.search(text).group(0)!r}")  # type: ignore[union-attr]
    return out


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_self_mode_text_is_plain(group: str) -> None:
    """One test per group, listing every text that fails (with where it is), so a rewrite can be checked at once."""
    items = GROUPS[group]
    assert items, f"nothing measured in {group}"
    bad = [f"{where}: {'; '.join(p)} :: {text[:90]}" for where, text in items if (p := problems(text, where=where))]
    assert not bad, f"{len(bad)} of {len(items)} {group} texts are not plain:\n" + "\n".join(bad)


def test_the_measure_can_fail() -> None:
    hard = ("Compression of the lumbosacral nerve roots below the conus medullaris produces heterogeneous combinations of "
            "radicular sensorimotor deficits, sphincteric dysfunction and perineal anaesthesia necessitating emergency "
            "surgical decompression within hours of presentation.")
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE and longest_sentence(hard) > MAX_SENTENCE_WORDS
    assert problems("Is the medial_hamstring jerk reduced?")


def test_articles_are_measured_per_paragraph_and_keep_their_headings() -> None:
    body = "## A heading\n\nOne paragraph. Two sentences.\n\n- **first** item\n  goes on\n- [second](x) item\n"
    assert article_paragraphs(body) == ["One paragraph. Two sentences.", "first item goes on", "second item"]
    for article in load_texts().articles:
        assert re.search(r"^#{2,3} ", article.body, flags=re.M), f"{article.id}: headings were lost"


def test_every_group_is_measured_in_full() -> None:
    """The measure sees every golden case's result and every text in the files (nothing silently skipped)."""
    cases = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))["cases"]
    assert len(GROUPS["questions"]) >= len(cases) * 0.8
    assert {w.split(".")[0] for w, _ in self_mode_screens()} == {c["id"] for c in cases}
    assert len(GROUPS["results"]) == 4 * len(load_texts().answers)
    assert len(GROUPS["zone_chart_notes"]) == sum(1 for t in load_atlas().zone_text.values() if t.chart_note)


def test_only_short_handout_labels_go_ungraded() -> None:
    assert is_label("handout.strings.strength_unlikely", "Unlikely")
    assert not is_label("handout.strings.notice", "Education, not diagnosis.")  # a sentence is graded
    assert not is_label("ui.x", "Unlikely") and problems("Radiculopathy", where="ui.x")
    assert problems("Polyradiculoneuropathy electrophysiology", where="handout.strings.x") == []
    assert problems("Polyradiculoneuropathy needs electrophysiological confirmation", where="handout.strings.x")
    assert len(GROUPS["handout"]) > len(load_handout_text().strings.model_dump()) - len(HANDOUT_CLINICIAN_ONLY)


def test_root_cards_give_the_key_point_in_plain_words_alone_and_the_standard_wording_with_a_clinician() -> None:
    atlas = load_atlas()
    for root in ("C6", "T7", "L5"):
        point = atlas.key_point_for(root)
        assert point is not None
        assert pc.root_card(atlas, root).key_point == point.plain
        assert pc.root_card(atlas, root, clinician=True).key_point.startswith(point.wording)
        assert point.plain != point.wording
