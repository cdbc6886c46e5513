"""Time whole `styr validate` processes on the shipped examples: median of several runs.

    python benchmarks/validate_examples.py [--runs 15]

Each figure is a whole process (interpreter start, imports, reading, rules, output), as a
pre-commit hook or a CI step experiences it. Reference figures measured in the same run:
`styr --version` (start-up alone) and `python -c "import typer"`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def styr_command() -> list[str]:
    found = shutil.which("styr", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "styrmodell"]


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    styr = styr_command()
    rows = [
        ("python -c 'import typer'", [sys.executable, "-c", "import typer"]),
        ("styr --version", styr + ["--version"]),
    ]
    for example in sorted((ROOT / "examples").iterdir()):
        if (example / "styrmodell.yaml").is_file():
            files = sum(1 for _ in example.rglob("*.yaml"))
            rows.append(
                (
                    f"styr validate examples/{example.name} --ingen-cache ({files} filer)",
                    styr + ["validate", f"examples/{example.name}", "--ingen-cache"],
                )
            )
            rows.append(
                (f"styr validate examples/{example.name} (varm cache)", styr + ["validate", f"examples/{example.name}"])
            )
    print(f"| kommando | median av {args.runs} körningar |")
    print("|---|---|")
    for label, command in rows:
        median_seconds(command, 1)  # warm the file cache
        print(f"| `{label}` | {median_seconds(command, args.runs) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
