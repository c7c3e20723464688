"""Shareable links: a state survives the round trip; bad input is dropped with a note, never raised."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.anatomy import Atlas, load_atlas
from explainer.viewstate import ViewState, parse_query, to_query


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
    assert len(state.notes) == 7
    assert any("foot_dorsum" in n for n in state.notes)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["zones", "weak", "reflexes", "other", "mode", "page", "root", "x"]),
                       st.text(max_size=60), max_size=6))
def test_any_query_parses_without_error(params: dict[str, str]) -> None:
    state = parse_query(params, atlas=load_atlas())
    assert parse_query(to_query(state), atlas=load_atlas()) == state
