"""Speed benchmark (not a timed test): median ms to localise 50 marked zones with findings, and the same with a
full two-sided examination (every movement graded on both sides, every reflex on both sides, two sensation entries
per marked zone).

Run: .venv/bin/python benchmarks/engine_speed.py   (target <= 20 ms median, the full examination included)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explainer.anatomy import load_atlas
from explainer.engine import localise, make_findings
from explainer.engine.ranking import default_model


def main(*, runs: int = 50) -> float:
    atlas = load_atlas()
    model = default_model()
    zones = [z for z in sorted(atlas.zone_instances) if not z.startswith(("face", "occiput"))][::4][:50]
    findings = make_findings(zones=zones, symptoms=["numbness", "tingling", "pain"],
                             weak=["ankle_dorsiflexion", "finger_abduction", "hip_flexion"],
                             reflexes={"achilles": "reduced", "biceps": "brisk"},
                             other=["back_pain", "diabetes_history", "both_feet_symmetric", "gait_unsteady",
                                    "normal_hip_abduction"])
    median = _time(findings, model, runs=runs)
    print(f"localise: {len(zones)} zones, {len(model.specs)} candidates, median {median:.2f} ms over {runs} runs")
    movements = sorted(atlas.movements)
    exam = {
        "weak": [{"movement": m, "side": side, "mrc": "4"} for m in movements[::5] for side in ("left", "right")],
        "normal": [{"movement": m, "side": side} for i, m in enumerate(movements) if i % 5
                   for side in ("left", "right")],
        "reflexes": [{"reflex": r, "side": side, "grade": "1" if i % 2 else "2"}
                     for i, r in enumerate(sorted(atlas.reflexes)) for side in ("left", "right")],
        "sensation": [{"zone": z, "modality": mod, "change": "reduced"} for z in zones for mod in ("pinprick", "vibration")],
    }
    full = make_findings(zones=zones, symptoms=["numbness", "tingling", "pain"], other=["back_pain", "gait_unsteady"],
                         exam=exam, atlas=atlas)
    with_exam = _time(full, model, runs=runs)
    print(f"localise with a full examination ({len(exam['weak']) + len(exam['normal'])} graded movements, "
          f"{len(exam['reflexes'])} reflexes, {len(exam['sensation'])} sensation entries): median {with_exam:.2f} ms")
    return max(median, with_exam)


def _time(findings: object, model: object, *, runs: int) -> float:
    localise(findings, model=model)  # type: ignore[arg-type]  # warm-up: caches and imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        localise(findings, model=model)  # type: ignore[arg-type]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    main()
