"""Throughput of ``sitrep code`` against bare spaCy ``nlp.pipe`` of the same model.

Both run on the same texts, each in its own process (so peak memory is its own), alternating for
a few rounds in one run; the best round of each counts, so a busy moment on the machine does not
decide the ratio:

    .venv/bin/python bench/throughput.py --data ../shared/data/ecbplus.jsonl --docs 300

Prints words/s, articles/s and peak resident memory for each, and the ratio sitrep / spaCy.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus.jsonl"


def load_texts(path: Path, docs: int) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                rows.append({"id": row["id"], "text": row["text"],
                             "published": row.get("published")})
            if len(rows) >= docs:
                break
    return rows


def run_mode(mode: str, path: Path, docs: int, batch_size: int) -> dict:
    """Time one mode in this process; the texts are read before the clock starts."""
    rows = load_texts(path, docs)
    words = sum(len(r["text"].split()) for r in rows)
    if mode == "spacy":
        import spacy

        from sitrep.nlp.pipeline import DEFAULT_MODEL

        nlp = spacy.load(DEFAULT_MODEL)
        nlp("warm up")
        start = time.perf_counter()
        for _ in nlp.pipe((r["text"] for r in rows), batch_size=batch_size):
            pass
    else:
        from sitrep.coder import Coder, Options
        from sitrep.model import Article

        coder = Coder(Options(batch_size=batch_size))
        coder.code_article(Article(id="warm", text="Niger ended the agreement.",
                                   published="2024-05-03"))
        articles = [Article(id=r["id"], text=r["text"], published=r["published"]) for r in rows]
        start = time.perf_counter()
        events = sum(len(c.events) for c in coder.code_articles(articles))
    seconds = time.perf_counter() - start
    result = {"mode": mode, "docs": len(rows), "words": words, "seconds": seconds,
              "words_per_s": words / seconds, "docs_per_s": len(rows) / seconds,
              "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if mode == "sitrep":
        result["events"] = events
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="JSON Lines documents (id, text, published)")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mode", choices=["spacy", "sitrep"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.data, args.docs, args.batch_size)))
        return
    results: dict[str, dict] = {}
    for _ in range(args.rounds):
        for mode in ("spacy", "sitrep"):
            out = subprocess.run(
                [sys.executable, __file__, "--mode", mode, "--data", str(args.data),
                 "--docs", str(args.docs), "--batch-size", str(args.batch_size)],
                check=True, capture_output=True, text=True,
            )
            result = json.loads(out.stdout.strip().splitlines()[-1])
            if mode not in results or result["seconds"] < results[mode]["seconds"]:
                results[mode] = result
    for mode, r in results.items():
        print(f"{mode:7} {r['docs']} docs, {r['words']} words in {r['seconds']:.1f} s: "
              f"{r['words_per_s']:,.0f} words/s, {r['docs_per_s']:.1f} articles/s, "
              f"peak {r['peak_rss_mb']:.0f} MB")
    ratio = results["sitrep"]["words_per_s"] / results["spacy"]["words_per_s"]
    print(f"sitrep / spaCy words/s: {ratio:.2f} ({results['sitrep']['events']} events coded)")


if __name__ == "__main__":
    main()
