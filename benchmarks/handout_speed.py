"""Time the handout: findings -> ranked result -> handout data -> A4 PDF (fpdf2, offline), for representative cases
(the golden-test cases in tests/handout/cases.py). Prints the cold first build, then per case the warm median (and
how much of it is the engine and the handout data rather than drawing the PDF) and the PDF's size; --out DIR writes
the PDFs.

Usage: python benchmarks/handout_speed.py [--repeat N] [--out DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    start = time.perf_counter()
    from explainer.anatomy import load_atlas
    from explainer.handout.pdf import build_handout_pdf
    from tests.handout.cases import CASES, case_data

    atlas = load_atlas()
    first = build_handout_pdf(case_data(atlas, "l5"))
    cold = time.perf_counter() - start
    print(f"handout: first (cold: imports fpdf2, loads content and the body map) {cold * 1000:.0f} ms")
    medians = []
    for name in CASES:
        for clinician in (False, True) if name == "l5" else (False,):
            times, data_times = [], []
            for _ in range(args.repeat):
                t = time.perf_counter()
                data = case_data(atlas, name, clinician=clinician)
                data_times.append(time.perf_counter() - t)
                pdf = build_handout_pdf(data)
                times.append(time.perf_counter() - t)
            label = name + (" +clinician page" if clinician else "")
            medians.append(statistics.median(times))
            print(f"  {label:22s} warm median {medians[-1] * 1000:6.1f} ms (engine + data "
                  f"{statistics.median(data_times) * 1000:5.1f} ms)  max {max(times) * 1000:6.1f} ms  {len(pdf) // 1024:3d} KiB")
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / f"handout-{label.replace(' +clinician page', '-clinician')}.pdf").write_bytes(pdf)
    print(f"handout_cold_ms={cold * 1000:.0f} handout_median_ms={statistics.median(medians) * 1000:.1f} "
          f"handout_worst_median_ms={max(medians) * 1000:.1f} first_kib={len(first) // 1024}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
