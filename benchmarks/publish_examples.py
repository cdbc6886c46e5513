"""Time whole `styr publicera` processes on the shipped examples, beside a reference run: median of
several runs, and the ratio to `styr rapport verksamhetsplan --format html` on the same example (one
report; the site renders about ten of them, every page and the open data).

    python benchmarks/publish_examples.py [--runs 3]

Rows: the site without PDF and git history (the pages alone), with the history from git (the
examples live in this repository's history), and with PDF (needs Chromium or LibreOffice). Each row
builds into its own folder; after the first run a run finds the earlier site there and writes
nothing, as a CI job that keeps its output folder does.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from validate_examples import ROOT, median_seconds, styr_command


def _comma(seconds: float) -> str:
    return f"{seconds:.2f}".replace(".", ",")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    styr = styr_command()
    print(f"| kommando | median av {args.runs} körningar | mot en rapport |")
    print("|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="styr-bench-") as out:
        for example in sorted((ROOT / "examples").iterdir()):
            if not (example / "styrmodell.yaml").is_file():
                continue
            where = f"examples/{example.name}"
            reference = styr + ["rapport", "verksamhetsplan", where, "-f", "html", "-o", str(Path(out) / "vp.html")]
            median_seconds(reference, 1)  # warm the file and validation caches
            base = median_seconds(reference, args.runs)
            print(f"| `styr rapport verksamhetsplan {where} -f html` (referens) | {_comma(base)} s | 1,0 |")
            rows = [
                ("--utan-pdf --utan-historik", ["--utan-pdf", "--utan-historik"], "a"),
                ("--utan-pdf", ["--utan-pdf"], "b"),
                ("", [], "c"),
            ]
            for label, options, folder in rows:
                command = styr + ["publicera", where, "--ut", str(Path(out) / example.name / folder), *options]
                seconds = median_seconds(command, args.runs)
                ratio = f"{seconds / base:.1f}".replace(".", ",")
                shown = f"styr publicera {where} {label}".rstrip()
                print(f"| `{shown}` | {_comma(seconds)} s | {ratio} |")


if __name__ == "__main__":
    main()
