"""The examination panel's pure side: which rows to show, what each cell holds, and the engine's exam.

Cells are ViewState.exam (explainer.present.examlink); special tests are ViewState.signs and map onto finding ids
from content/vocab_findings.yaml (a positive test adds its finding; a negative one adds its negative finding, when the
vocabulary has one). Everything here is a pure function of the state, so it is tested without Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final, Literal

from explainer.anatomy import Atlas
from explainer.i18n import t
from explainer.present.exam_sensation import engine_sensation, sens_lines
from explainer.present.exam_words import REFLEX_WORDS, SignWords, clinical_name, side_letter, sign_side, sign_words
from explainer.present.examlink import MRC_GRADES, ExamMark, ExamSide, SignResult
from explainer.present.findings import arm_marked, movement_checklist, reflex_checklist
from explainer.present.zonelist import legs_marked, zone_label
from explainer.viewstate import ViewState

Limb = Literal["arm", "leg", "any"]
SIDES: Final[tuple[ExamSide, ...]] = ("left", "right")
NOT_TESTED: Final = ""
MOVEMENT_OPTIONS: Final[tuple[str, ...]] = (NOT_TESTED, *MRC_GRADES)
REFLEX_OPTIONS: Final[tuple[str, ...]] = (NOT_TESTED, "0", "1", "2", "3", "3c", "4", "4c")
__all__ = ["REFLEX_WORDS", "clinical_name"]  # re-exported: the panel reads them from here


@dataclass(frozen=True)
class SignTest:
    id: str  # the link's test id (explainer.present.examlink.SIGN_IDS)
    positive: str  # finding id a positive result adds
    negative: str | None = None  # finding id a negative result adds, if the vocabulary has one
    sided: bool = True
    limb: Limb = "any"

    @property
    def words(self) -> SignWords:
        """The test's words in the page's language (explainer.present.exam_words)."""
        return sign_words()[self.id]

    @property
    def label(self) -> str:
        return self.words.label

    @property
    def pos(self) -> str:  # how a positive / negative result is written in the summary
        return self.words.pos

    @property
    def neg(self) -> str:
        return self.words.neg

    @property
    def name(self) -> str:  # the test's name in the summary (the label without the result it carries)
        return self.words.name


SIGN_TESTS: Final[tuple[SignTest, ...]] = (
    SignTest("spurling", "spurling_positive", limb="arm"),
    SignTest("hoffmann", "hoffmann_positive", "hoffmann_negative", limb="arm"),
    SignTest("phalen", "phalen_positive", limb="arm"),
    SignTest("tinel_carpal", "tinel_carpal_tunnel", limb="arm"),
    SignTest("tinel_elbow", "tinel_elbow", limb="arm"),
    SignTest("shoulder_passive", "shoulder_passive_full_painless", limb="arm"),
    SignTest("painful_arc", "painful_arc_or_drop_arm", limb="arm"),
    SignTest("slr", "positive_straight_leg_raise", "negative_straight_leg_raise", limb="leg"),
    SignTest("crossed_slr", "crossed_straight_leg_raise", limb="leg"),
    SignTest("femoral_stretch", "positive_femoral_stretch", limb="leg"),
    SignTest("fair", "fair_test_positive", limb="leg"),
    SignTest("heel_walk", "heel_walk_difficult", limb="leg"),
    SignTest("toe_walk", "toe_walk_difficult", limb="leg"),
    SignTest("tinel_fibular", "tinel_fibular_head", limb="leg"),
    SignTest("tinel_tarsal", "tinel_tarsal_tunnel", limb="leg"),
    SignTest("tinel_sural", "tinel_sural", limb="leg"),
    SignTest("anal_tone", "anal_tone_reduced", sided=False, limb="leg"),
    SignTest("plantar", "extensor_plantar"),
    SignTest("spasticity", "spasticity"),
    SignTest("vibration", "vibration_loss"),
    SignTest("position_sense", "proprioception_loss"),
    SignTest("romberg", "romberg_positive", sided=False),
)
SIGN_BY_ID: Final[dict[str, SignTest]] = {t.id: t for t in SIGN_TESTS}


def exam_rows(atlas: Atlas, state: ViewState) -> tuple[tuple[str, ...], tuple[str, ...], tuple[SignTest, ...]]:
    """(movements, reflexes, special tests) for the marked limbs (all of them when no limb is marked); rows already
    filled in stay, whatever is marked."""
    filled = {m.item for m in state.exam}
    movements = movement_checklist(atlas, state, consult=True)
    movements += tuple(m for m in atlas.movements if m in filled and m not in movements)
    reflexes = reflex_checklist(atlas, state)
    reflexes += tuple(r for r in atlas.reflexes if r in filled and r not in reflexes)
    legs, arms = legs_marked(atlas, state.zones), arm_marked(atlas, state.zones)
    wanted: set[Limb] = {"any", "leg", "arm"} if not (legs or arms) else {"any", *(("leg",) if legs else ()),
                                                                           *(("arm",) if arms else ())}
    answered = {t for t, _ in state.signs}
    tests = tuple(t for t in SIGN_TESTS if t.limb in wanted or t.id in answered)
    return movements, reflexes, tests


def cell_value(state: ViewState, item: str, side: ExamSide) -> str:
    """What a cell shows: '' (not tested), an MRC grade, or a reflex grade with 'c' for clonus."""
    for m in state.exam:
        if m.item == item and m.side == side:
            return m.grade + ("c" if m.clonus else "")
    return NOT_TESTED


def with_cell(atlas: Atlas, state: ViewState, item: str, side: ExamSide, value: str | None) -> ViewState:
    """The state with one cell set ('' or None clears it; a value the item cannot take clears it too). The side-less
    entry for the item (weak=, reflexes=) goes: the graded cells now say it."""
    options = MOVEMENT_OPTIONS if item in atlas.movements else REFLEX_OPTIONS if item in atlas.reflexes else ()
    kept = tuple(m for m in state.exam if (m.item, m.side) != (item, side))
    added = (ExamMark(item, side, value.removesuffix("c"), value.endswith("c")),) if value and value in options else ()
    return replace(state, exam=tuple(sorted(kept + added)), weak=tuple(w for w in state.weak if w != item),
                   reflexes=tuple(p for p in state.reflexes if p[0] != item))


def sign_value(state: ViewState, test: str) -> SignResult | None:
    return dict(state.signs).get(test)


def with_sign(state: ViewState, test: str, result: str | None) -> ViewState:
    """The state with one special test set (None: not done); its findings leave `other` (the test now says them)."""
    if test not in SIGN_BY_ID:
        return state
    spec = SIGN_BY_ID[test]
    pairs = {t: r for t, r in state.signs if t != test}
    allowed = ("n", "L", "R", "B") if spec.sided else ("n", "y")
    if result in allowed:
        pairs[test] = result  # type: ignore[assignment]
    order = [t.id for t in SIGN_TESTS]
    other = tuple(f for f in state.other if f not in (spec.positive, spec.negative))
    return replace(state, signs=tuple((t, pairs[t]) for t in order if t in pairs), other=other)


def sign_findings(state: ViewState) -> tuple[str, ...]:
    """Finding ids the special tests add for the engine."""
    out: list[str] = []
    for test, result in state.signs:
        spec = SIGN_BY_ID.get(test)
        if spec is None:
            continue
        finding = spec.negative if result == "n" else spec.positive
        if finding:
            out.append(finding)
    return tuple(out)


def engine_exam(atlas: Atlas, state: ViewState) -> dict[str, object] | None:
    """The graded cells as the engine's `exam` (explainer.engine.exam.Exam); None when no cell is filled.
    MRC 5 is a normal movement; reflexes go with their 0-4 grade and clonus; sensation by modality per marked zone."""
    weak: list[dict[str, str]] = []
    normal: list[dict[str, str]] = []
    reflexes: list[dict[str, str]] = []
    for m in state.exam:
        if m.item in atlas.movements:
            (normal if m.grade == "5" else weak).append({"movement": m.item, "side": m.side, "mrc": m.grade})
        elif m.item in atlas.reflexes:
            reflexes.append({"reflex": m.item, "side": m.side, "grade": m.grade,
                             **({"clonus": "sustained"} if m.clonus else {})})
    sensation = engine_sensation(state)
    if not (weak or normal or reflexes or sensation):
        return None
    return {"weak": weak, "normal": normal, "reflexes": reflexes, **({"sensation": sensation} if sensation else {})}


def cell_text(atlas: Atlas, mark: ExamMark) -> str:
    """'ankle dorsiflexion R 2/5' / 'ankle jerk (Achilles reflex) L 0 (absent)' / '... R 3 (brisk) with clonus'."""
    side = side_letter(mark.side)
    if mark.item in atlas.movements:
        return f"{clinical_name(mark.item).lower()} {side} {mark.grade}/5"
    name = atlas.reflexes[mark.item].name if mark.item in atlas.reflexes else clinical_name(mark.item)
    clonus = " " + t("with clonus") if mark.clonus else ""
    return f"{name[:1].lower()}{name[1:]} {side} {mark.grade} ({REFLEX_WORDS.get(mark.grade, '')}){clonus}"


def sign_text(test: str, result: str) -> str:
    """'Straight-leg raise positive (right)' / 'Anal tone reduced: normal' / 'Romberg test negative'."""
    spec = SIGN_BY_ID.get(test)
    if spec is None:
        return test
    words = spec.words
    return t("{test} {result}", test=words.name, result=words.neg if result == "n" else words.pos) + sign_side(result)


def exam_line(atlas: Atlas, state: ViewState) -> str:
    """Everything examined, in one line for the consult card: graded cells, special tests, then sensation."""
    parts = [cell_text(atlas, m) for m in state.exam] + [sign_text(t, r) for t, r in state.signs]
    parts += sens_lines(state, label={z: zone_label(atlas, z) for z in state.zones})
    return "; ".join(parts)
