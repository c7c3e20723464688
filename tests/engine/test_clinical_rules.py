"""General clinical rules added for issue 11, each as a small named test that fails without the rule."""

from __future__ import annotations

from explainer.engine import localise, make_findings


def _top(**kw: object) -> list[str]:
    return [c.id for c in localise(make_findings(**kw)).candidates]  # type: ignore[arg-type]


def test_a_numb_patch_of_a_skin_nerve_is_not_penalised_for_the_rest_of_its_area() -> None:
    """Meralgia paraesthetica: people mark the burning patch on the outer thigh, not the whole nerve area."""
    result = localise(make_findings(zones=["thigh_lateral_right"], symptoms=["numbness", "burning"]))
    top = result.candidates[0]
    assert top.id == "lateral_femoral_cutaneous_nerve", [c.id for c in result.candidates[:3]]
    unmarked = [r for r in top.against if r.text.startswith("Not marked")]
    assert all(r.lr > 0.8 for r in unmarked)
