"""Shareable links: a state survives the round trip; bad input is dropped with a note, never raised or echoed."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.anatomy import Atlas, load_atlas
from explainer.present.extras import EXTRA_KEYS
from explainer.viewstate import MAX_LINK_CHARS, MAX_LINK_PARTS, ViewState, parse_query, plain_note, screen_link, to_query


def test_round_trip(atlas: Atlas) -> None:
    state = ViewState(
        page="where", mode="consult", layer="dermatomes", view="back",
        zones=("foot_dorsum_right", "great_toe_dorsal_right"), symptoms=("tingling", "numbness"),
        weak=("great_toe_extension",), reflexes=(("achilles", "reduced"),), other=("back_pain",),
        root="L5", nerve="sciatic_nerve",
    )
    assert parse_query(to_query(state), atlas=atlas) == state


def test_zones_without_page_open_the_where_page(atlas: Atlas) -> None:
    state = parse_query({"zones": "foot_dorsum_right"}, atlas=atlas)
    assert state.page == "where" and state.zones == ("foot_dorsum_right",) and state.notes == ()


def test_unknown_and_malformed_values_are_dropped_with_notes(atlas: Atlas) -> None:
    state = parse_query(
        {"zones": "foot_dorsum_right,foot_dorsum,<script>", "weak": "flying", "reflexes": "achilles:gone,knee",
         "mode": "admin", "root": "L9"},
        atlas=atlas,
    )
    assert state.zones == ("foot_dorsum_right",)
    assert state.weak == () and state.reflexes == () and state.mode == "self" and state.root is None
    notes = " | ".join(state.notes)
    # Counted and named by kind, never by the link's own text; a known zone without a side is named by its label.
    assert len(state.notes) == 6
    assert "<script>" not in notes and "flying" not in notes and "L9" not in notes and "admin" not in notes
    assert "1 unknown zone" in notes and "1 unknown movement" in notes and "2 reflex results" in notes
    assert f"'{atlas.zones['foot_dorsum'].name}' needs a side" in notes


def test_article_is_checked_against_known_ids(atlas: Atlas) -> None:
    assert parse_query({"article": "sciatica"}, atlas=atlas, articles=["sciatica"]).article == "sciatica"
    bad = parse_query({"article": "../../etc/passwd"}, atlas=atlas, articles=["sciatica"])
    assert bad.article is None and bad.notes == ("The article named in the link was not found, so it was left out.",)


def test_screen_link_sets_aside_unknown_and_repeated_keys() -> None:
    screened = screen_link({"zones": ["a", "b"], "page": ["learn", "spine"], "ok": "x", "utm_source": "mail",
                            "<b>": "1"}, list_keys=EXTRA_KEYS)
    assert dict(screened.params) == {"zones": ["a", "b"], "page": ["learn"], "ok": ["x"]}
    assert screened.notes == ("2 unknown parts in the link were left out.",
                              "The link names 'zones' 2 times; they were combined.",
                              "The link names 'page' 2 times; the first one was used.")


def test_oversized_links_are_not_read_at_all() -> None:
    too_many = screen_link({f"k{i}": "1" for i in range(MAX_LINK_PARTS + 1)})
    assert too_many.params == {} and "more than 1,000 parts" in too_many.notes[0]
    repeated = screen_link({"zones": ["a"] * (MAX_LINK_PARTS + 1)})
    assert repeated.params == {} and "more than 1,000 parts" in repeated.notes[0]
    too_long = screen_link({"zones": "x" * MAX_LINK_CHARS})
    assert too_long.params == {} and "longer than 20,000 characters" in too_long.notes[0]
    every_zone = ",".join(load_atlas().zone_instances)  # the longest honest link is well inside the limits
    assert screen_link({"zones": every_zone, "nz": every_zone}).params["zones"] == [every_zone]


MARKUP = re.compile(r"[\[\]<>#*_`$~|\\!&=+{}\"]|:\S|^\s*(?:[-+.]|\d+[.)])")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_plain_note_leaves_nothing_markdown_can_act_on(text: str) -> None:
    out = plain_note(text)
    assert not MARKUP.search(out), out
    assert "\n" not in out and len(out) <= 240
    assert all(ch.isprintable() for ch in out)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["zones", "weak", "reflexes", "other", "mode", "page", "root", "x"]),
                       st.text(max_size=60), max_size=6))
def test_any_query_parses_without_error(params: dict[str, str]) -> None:
    state = parse_query(params, atlas=load_atlas())
    assert parse_query(to_query(state), atlas=load_atlas()) == state
