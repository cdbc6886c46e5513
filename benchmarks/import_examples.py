"""Time the commands that write the repository on the shipped examples, against `styr validate`
on the same repository in the same run: median of several whole processes.

    python benchmarks/import_examples.py [--runs 7]

`styr importera utfall` reads the table, validates the repository, carries the plan out in
memory, validates the result, writes and validates again; the reference is one warm
`styr validate` of the same copy. Every run starts from a fresh copy of the example, so that
each import writes the same values.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = "indikator;period;värde\nks-ind-foretagsklimat;2024;68,5\nbun-ind-behorighet;2026-08;81,2\ntn-ind-avfall;2026-08;300\n"


def styr_command() -> list[str]:
    found = shutil.which("styr", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "styrmodell"]


def median_seconds(command: list[str], runs: int, prepare, env: dict) -> float:
    times = []
    for _ in range(runs):
        prepare()
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    styr = styr_command()
    work = Path(tempfile.mkdtemp(prefix="styr-bench-import-"))
    env = {**os.environ, "STYR_CACHE_DIR": str(work / "cache")}
    table = work / "utfall.csv"
    table.write_text(TABLE, "utf-8")
    copy = work / "astorp"

    def fresh() -> None:
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(ROOT / "examples" / "astorp", copy)

    rows = [
        ("styr validate (varm cache)", styr + ["validate", str(copy)]),
        ("styr importera utfall --torrkörning (3 värden)", styr + ["importera", "utfall", str(table), str(copy), "-n"]),
        ("styr importera utfall (3 värden, skriver)", styr + ["importera", "utfall", str(table), str(copy)]),
        ("styr nytt-ar 2027 --torrkörning", styr + ["nytt-ar", "2027", str(copy), "-n"]),
        ("styr nytt-ar 2027 (skriver 21 filer)", styr + ["nytt-ar", "2027", str(copy)]),
    ]
    fresh()
    subprocess.run(styr + ["validate", str(copy)], stdout=subprocess.DEVNULL, env=env, check=False)  # fill the cache
    reference = None
    print(f"| kommando på examples/astorp | median av {args.runs} körningar | kvot mot validate |")
    print("|---|---|---|")
    for label, command in rows:
        seconds = median_seconds(command, args.runs, fresh, env)
        reference = reference or seconds
        print(f"| `{label}` | {seconds:.2f} s | {seconds / reference:.2f} |".replace(".", ","))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
