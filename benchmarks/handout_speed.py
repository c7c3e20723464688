"""Time the handout: findings -> ranked result -> one-page PDF, offline. Prints the median and writes a sample.

Usage: python benchmarks/handout_speed.py [--out PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explainer.anatomy import load_atlas
from explainer.bodymap.geometry import load_body_map
from explainer.engine import Findings, localise
from explainer.handout import HandoutData, build_handout_pdf
from explainer.present.handout_data import panels, sources_for
from explainer.texts import load_texts

ZONES = ["back_low_right", "leg_lateral_upper_right", "leg_anterolateral_lower_right", "foot_dorsum_right",
         "great_toe_dorsal_right", "first_web_space_right"]


def one_handout() -> bytes:
    atlas, body, texts = load_atlas(), load_body_map(), load_texts()
    result = localise(Findings(zones=tuple(ZONES), symptoms=("tingling", "pain"), weak_movements=("great_toe_extension",),
                               other=("back_pain",)))
    top = result.candidates[0]
    text = texts.answers[top.id]
    data = HandoutData(
        marked_zones=[atlas.zone_of(z).name + f" ({z.rsplit('_', 1)[1]})" for z in ZONES],
        top_label=text.plain_name, top_strength=top.strength, top_text=text.what_it_means,
        what_helps=text.what_usually_helps, who_to_see=text.who_to_see,
        red_flags=[(f.name, f.advice) for f in result.red_flags],
        safety_net="Get help the same day for numbness between the legs or new bladder or bowel trouble.",
        sources=list(sources_for(atlas, text.sources)), panels=panels(body, ZONES),
    )
    return build_handout_pdf(data, today=date.today())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    start = time.perf_counter()
    first = one_handout()
    cold = time.perf_counter() - start
    times = []
    for _ in range(20):
        t = time.perf_counter()
        one_handout()
        times.append(time.perf_counter() - t)
    if args.out:
        args.out.write_bytes(first)
    print(f"handout: first (cold, loads content) {cold * 1000:.0f} ms; warm median {statistics.median(times) * 1000:.1f} ms "
          f"over {len(times)}; {len(first) // 1024} KiB")
    print(f"handout_cold_ms={cold * 1000:.0f} handout_median_ms={statistics.median(times) * 1000:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
