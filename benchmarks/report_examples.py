"""Time whole `styr report` processes on the shipped examples: median of several runs.

    python benchmarks/report_examples.py [--runs 5]

The main figure is the one issue 3 asks for: `styr report delarsrapport --organ all --format
html`, the whole municipality and every organ with a report of its own. Word and PDF are timed for
the whole municipality alone (PDF needs Chromium or LibreOffice installed).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from validate_examples import ROOT, median_seconds, styr_command

PERIOD = "2026-08-31"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    styr = styr_command()
    print(f"| kommando | median av {args.runs} körningar |")
    print("|---|---|")
    with tempfile.TemporaryDirectory(prefix="styr-bench-") as out:
        for example in sorted((ROOT / "examples").iterdir()):
            if not (example / "styrmodell.yaml").is_file():
                continue
            where = f"examples/{example.name}"
            rows = [
                (
                    f"styr report delarsrapport {where} --organ all --format html",
                    ["--organ", "all", "-f", "html", "-o", str(Path(out) / example.name)],
                ),
                (f"styr report delarsrapport {where} --format md", ["-f", "md", "-o", str(Path(out) / "a.md")]),
                (f"styr report delarsrapport {where} --format docx", ["-f", "docx", "-o", str(Path(out) / "a.docx")]),
                (f"styr report delarsrapport {where} --format pdf", ["-f", "pdf", "-o", str(Path(out) / "a.pdf")]),
            ]
            for label, options in rows:
                command = styr + ["report", "delarsrapport", where, "--period", PERIOD] + options
                median_seconds(command, 1)  # warm the file and validation caches
                print(f"| `{label}` | {median_seconds(command, args.runs):.2f} s |")


if __name__ == "__main__":
    main()
