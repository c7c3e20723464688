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


def test_chart_round_trips_and_the_consensus_stays_out_of_the_link(atlas: Atlas) -> None:
    for chart in ("keegan_garrett", "foerster", "lee", "compare"):
        state = ViewState(layer="dermatomes", chart=chart)  # type: ignore[arg-type]
        query = to_query(state)
        assert query["chart"] == chart
        assert parse_query(query, atlas=atlas) == state
    assert "chart" not in to_query(ViewState(layer="dermatomes"))
    assert parse_query({"layer": "dermatomes"}, atlas=atlas).chart is None


def test_a_hostile_chart_is_dropped_with_a_note_that_never_echoes_it(atlas: Atlas) -> None:
    for value in ("consensus", "Foerster", "<script>qzxv</script>", "lee,foerster", "[x](https://ev.il)"):
        state = parse_query({"layer": "dermatomes", "chart": value}, atlas=atlas)
        notes = " ".join(state.notes)
        assert state.notes, value
        assert value not in notes and "qzxv" not in notes and "ev.il" not in notes
    bad = parse_query({"layer": "dermatomes", "chart": "flat_earth"}, atlas=atlas)
    assert bad.chart is None and bad.layer == "dermatomes"
    assert bad.notes == ("The chart named in the link was not found, so it was left out.",)
    two = parse_query({"chart": "lee,foerster"}, atlas=atlas)
    assert two.chart == "lee" and two.notes == ("The link gives more than one 'chart'; the first was used.",)


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


# --- The graded, two-sided examination in the link (exam=, signs=) -------------------------------------------------

def test_exam_and_signs_round_trip_in_a_compact_readable_form(atlas: Atlas) -> None:
    query = {"mode": "consult", "zones": "foot_dorsum_right",
             "exam": "ankle_dorsiflexion:L2,ankle_dorsiflexion:R5,achilles:R0,patellar:L3c,knee_extension:R4%2B"
                     .replace("%2B", "+"),
             "signs": "slr:R,spurling:n,romberg:y"}
    state = parse_query(query, atlas=atlas)
    assert state.notes == ()
    assert {m.token for m in state.exam} == {"ankle_dorsiflexion:L2", "ankle_dorsiflexion:R5", "achilles:R0",
                                              "patellar:L3c", "knee_extension:R4+"}
    assert dict(state.signs) == {"slr": "R", "spurling": "n", "romberg": "y"}
    assert [t for t, _ in state.signs] == ["spurling", "slr", "romberg"]  # the panel's order, whatever the link's
    out = to_query(state)
    assert out["exam"] == "achilles:R0,ankle_dorsiflexion:L2,ankle_dorsiflexion:R5,knee_extension:R4+,patellar:L3c"
    assert parse_query(out, atlas=atlas) == state


def test_both_sides_and_a_plus_turned_into_a_space_are_read(atlas: Atlas) -> None:
    state = parse_query({"exam": "biceps:B1, shoulder_abduction:l4 "}, atlas=atlas)
    assert {m.token for m in state.exam} == {"biceps:L1", "biceps:R1", "shoulder_abduction:L4+"}
    assert state.notes == ()


def test_side_less_weak_and_reflexes_keep_working_beside_the_exam(atlas: Atlas) -> None:
    state = parse_query({"weak": "ankle_dorsiflexion", "reflexes": "achilles:absent", "exam": "patellar:R3"}, atlas=atlas)
    assert state.weak == ("ankle_dorsiflexion",) and state.reflexes == (("achilles", "absent"),)
    assert [m.token for m in state.exam] == ["patellar:R3"]


def test_hostile_exam_values_are_dropped_counted_and_never_echoed(atlas: Atlas) -> None:
    bad = ["achilles:R9", "achilles:R4+", "ankle_dorsiflexion:R3c", "achilles:R1c", "flying:L2", "<script>:L2",
           "achilles", "achilles:X2", "ankle_dorsiflexion:L6", "ankle_dorsiflexion:L 2", "patellar:L3cc"]
    state = parse_query({"exam": ",".join([*bad, "achilles:L0"]), "signs": "slr:maybe,<b>:y,slr,romberg:L"},
                        atlas=atlas)
    assert [m.token for m in state.exam] == ["achilles:L0"] and state.signs == ()
    notes = " | ".join(state.notes)
    assert f"{len(bad)} examination entries in the link were not understood" in notes
    assert "4 special test results in the link were not understood" in notes
    assert not any(word in notes for word in ("script", "flying", "maybe", "R9", "4+", "3cc", "<b>"))


def test_romberg_has_no_side_and_slr_has_one(atlas: Atlas) -> None:
    # A test without a side takes y/n; one with a side takes n/L/R/B (a bare y says positive without a side: kept).
    state = parse_query({"signs": "romberg:y,slr:B,anal_tone:n"}, atlas=atlas)
    assert dict(state.signs) == {"romberg": "y", "slr": "B", "anal_tone": "n"}


exam_tokens = st.one_of(
    st.builds(lambda m, s, g: f"{m}:{s}{g}", st.sampled_from(sorted(load_atlas().movements)), st.sampled_from("LRB"),
              st.sampled_from(["0", "1", "2", "3", "4-", "4", "4+", "5-", "5"])),
    st.builds(lambda r, s, g: f"{r}:{s}{g}", st.sampled_from(sorted(load_atlas().reflexes)), st.sampled_from("LRB"),
              st.sampled_from(["0", "1", "2", "3", "3c", "4", "4c"])),
    st.text(max_size=20).map(lambda t: t + "qzxv"),  # a marker no note may repeat
)


@settings(max_examples=100, deadline=None)
@given(st.lists(exam_tokens, max_size=12), st.lists(st.text(max_size=12).map(lambda t: "qzxv" + t), max_size=4))
def test_any_exam_link_round_trips_and_only_known_cells_survive(tokens: list[str], signs: list[str]) -> None:
    atlas = load_atlas()
    state = parse_query({"exam": ",".join(tokens), "signs": ",".join(signs)}, atlas=atlas)
    assert parse_query(to_query(state), atlas=atlas) == state
    assert all(m.item in atlas.movements or m.item in atlas.reflexes for m in state.exam)
    assert len({(m.item, m.side) for m in state.exam}) == len(state.exam)  # one grade per cell
    assert "qzxv" not in " ".join(state.notes) and "qzxv" not in str(to_query(state))
    assert (any("qzxv" in t for t in tokens) or any("qzxv" in s for s in signs)) == bool(state.notes)
