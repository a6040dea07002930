"""Time and peak memory of coding one long document, built by joining news articles.

Each size runs in its own process, so the peak resident memory printed is that document's own
(the model and gazetteer included); CPU seconds are printed beside wall seconds, as they hold
on a busy machine:

    .venv/bin/python bench/long_doc.py --chars 250000 500000

A size over the document limit is refused at the edge; the script then prints the reason.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "articles_dev.jsonl"


def long_text(path: Path, chars: int) -> str:
    """Articles joined as paragraphs, repeated until the text holds ``chars`` characters."""
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    parts: list[str] = []
    size = 0
    while size < chars:
        for text in texts:
            parts.append(text)
            size += len(text) + 2
            if size >= chars:
                break
    return "\n\n".join(parts)[:chars]


def run_one(path: Path, chars: int) -> dict:
    """Code one document of ``chars`` characters in this process."""
    from sitrep.coder import Coder
    from sitrep.errors import InputError
    from sitrep.model import Article

    coder = Coder()
    coder.code_article(Article(id="warm", text="Niger ended the agreement.",
                               published="2024-05-03"))
    text = long_text(path, chars)
    cpu = time.process_time()
    start = time.perf_counter()
    try:
        coded = coder.code_article(Article(id="long", text=text, published="2024-05-03"))
        outcome = f"{len(coded.events)} events"
    except InputError as err:
        outcome = f"refused: {err.reason}"
    seconds = time.perf_counter() - start
    return {"chars": len(text), "seconds": seconds, "cpu_seconds": time.process_time() - cpu,
            "outcome": outcome,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="JSON Lines articles (text) to build the document from")
    parser.add_argument("--chars", type=int, nargs="+", default=[250_000, 500_000])
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.data, args.chars[0])))
        return
    for chars in args.chars:
        out = subprocess.run(
            [sys.executable, __file__, "--one", "--data", str(args.data), "--chars", str(chars)],
            check=True, capture_output=True, text=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['chars']:,} characters: {r['seconds']:.1f} s ({r['cpu_seconds']:.1f} s CPU), "
              f"peak {r['peak_rss_mb']:.0f} MB, {r['outcome']}", flush=True)


if __name__ == "__main__":
    main()
