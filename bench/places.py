"""Place mentions resolved per second by the geocoder alone, once the gazetteer index is built:

    .venv/bin/python bench/places.py --data ../shared/data/geovirus.jsonl --docs 100

The documents are parsed first; only ``Geocoder.resolve`` is timed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sitrep.coder import default_coder
from sitrep.eval.places import benchmark

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "geovirus.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    result = benchmark(default_coder(), args.data, limit=args.docs, rounds=args.rounds)
    print(f"{result['mentions']} place mentions in {result['seconds']:.2f} s: "
          f"{result['mentions_per_second']:,.0f} mentions/s "
          f"({result['mentions_per_cpu_second']:,.0f} per CPU second)")


if __name__ == "__main__":
    main()
