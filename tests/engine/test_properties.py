"""Property tests: any valid findings -> no exception, deterministic order, scores in range, known ids."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.anatomy import load_atlas
from explainer.engine import localise, make_findings
from explainer.engine.findings import Findings

ATLAS = load_atlas()
ZONES = sorted(ATLAS.zone_instances)
findings_st = st.builds(
    lambda zones, symptoms, weak, reflexes, other: make_findings(
        zones=zones, symptoms=symptoms, weak=weak, reflexes=reflexes, other=other),
    st.lists(st.sampled_from(ZONES), max_size=25, unique=True),
    st.lists(st.sampled_from(sorted(ATLAS.symptoms)), max_size=4, unique=True),
    st.lists(st.sampled_from(sorted(ATLAS.movements)), max_size=5, unique=True),
    st.dictionaries(st.sampled_from(sorted(ATLAS.reflexes)), st.sampled_from(["reduced", "absent", "brisk"]), max_size=3),
    st.lists(st.sampled_from(sorted(ATLAS.findings)), max_size=8, unique=True),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(findings_st)
def test_any_findings_give_a_valid_deterministic_ranking(findings: Findings) -> None:
    first = localise(findings, limit=15)
    second = localise(findings, limit=15)
    assert first == second
    assert first.candidates
    scores = [c.score for c in first.candidates]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert all(c.id in ATLAS.answers for c in first.candidates)
    assert all(c.strength in ("strong", "possible", "unlikely") for c in first.candidates)
