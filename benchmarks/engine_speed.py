"""Speed benchmark (not a timed test): median ms to localise 50 marked zones with findings.

Run: .venv/bin/python benchmarks/engine_speed.py   (target <= 20 ms median)
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
    localise(findings, model=model)  # warm-up: caches and imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        localise(findings, model=model)
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(f"localise: {len(zones)} zones, {len(model.specs)} candidates, median {median:.2f} ms over {runs} runs")
    return median


if __name__ == "__main__":
    main()
