"""The benchmark: whole processes, medians, peak memory, each figure beside its reference.

    python benchmarks/run.py [--runs 3] [--out benchmarks/result.json] [--work DIR]

It generates the synthetic repositories (benchmarks/generate.py) at S and M and at ¼ and ½ of M,
times `styr` against the references measured in the same run (a plain libyaml C-loader parse of
the same files in one process, yamllint on the same tree, `python -c "import typer"`), writes a
JSON result file and prints a Markdown table for the README's performance section.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

C_LOADER_PARSE = """
import sys, yaml
from pathlib import Path
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=Loader)
"""


def run_once(command: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, int]:
    """(seconds, peak resident memory in MB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss // 1024


def measure(command: list[str], runs: int, prepare=None, **kwargs) -> dict:
    times, memory = [], []
    for _ in range(runs):
        if prepare:
            prepare()
        seconds, peak = run_once(command, **kwargs)
        times.append(seconds)
        memory.append(peak)
    return {"median_s": statistics.median(times), "runs": runs, "peak_mb": max(memory)}


def styr() -> list[str]:
    found = shutil.which("styr", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "styrmodell"]


def git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "Bench",
            "GIT_AUTHOR_EMAIL": "b@example.org",
            "GIT_COMMITTER_NAME": "Bench",
            "GIT_COMMITTER_EMAIL": "b@example.org",
        },
    )


def change_one_percent(root: Path, salt: int) -> int:
    files = sorted(root.rglob("mal-*.yaml"))
    step = max(1, len(list(root.rglob("*.yaml"))) // 100)
    changed = 0
    for path in files[:: max(1, len(files) // step)][:step]:
        text = path.read_text("utf-8")
        path.write_text(
            text.replace(
                "    metod: Verksamhetssystemet, helår", f"    metod: Verksamhetssystemet, helår (rev {salt})", 1
            ),
            "utf-8",
        )
        changed += 1
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "result.json")
    parser.add_argument("--work", type=Path, default=None, help="katalog för genererade repon (standard: temporär)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="styr-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    cache_dir = work / "cache"
    env = {**os.environ, "STYR_CACHE_DIR": str(cache_dir)}
    env.pop("GITHUB_ACTIONS", None)
    command = styr()
    results: dict = {"datum": dt.date.today().isoformat(), "kärnor": os.cpu_count(), "python": sys.version.split()[0]}

    repos = {}
    for label, scale, fraction in (("S", "S", 1.0), ("M/4", "M", 0.25), ("M/2", "M", 0.5), ("M", "M", 1.0)):
        target = work / label.replace("/", "-")
        counts = work / f"{target.name}.json"
        if not (target.exists() and counts.exists()):
            shutil.rmtree(target, ignore_errors=True)
            writer = generate.generate(target, generate.scaled(generate.SCALES[scale], fraction), seed=2026)
            counts.write_text(json.dumps({"filer": writer.files, "objekt": writer.objects}), "utf-8")
        files, objects = (json.loads(counts.read_text("utf-8"))[k] for k in ("filer", "objekt"))
        size = sum(p.stat().st_size for p in target.rglob("*.yaml"))
        repos[label] = target
        results.setdefault("repon", {})[label] = {"filer": files, "objekt": objects, "mb": round(size / 1e6, 1)}
        print(f"genererade {label}: {files} filer, {objects} objekt, {size / 1e6:.1f} MB", file=sys.stderr)

    def clear_cache() -> None:
        shutil.rmtree(cache_dir, ignore_errors=True)

    m = repos["M"]
    figures = results.setdefault("mätningar", {})
    figures["c_parse_M"] = measure([sys.executable, "-c", C_LOADER_PARSE, str(m)], args.runs)
    figures["validate_kall_M"] = measure(command + ["validate", str(m), "--ingen-cache"], args.runs, env=env)
    # warm: the cache is filled, then one file changes before each run
    run_once(command + ["validate", str(m)], env=env)
    target_file = sorted(m.rglob("mal-1.yaml"))[0]
    original = target_file.read_text("utf-8")
    counter = iter(range(1000))

    def touch_one() -> None:
        target_file.write_text(original + f"# ändrad {next(counter)}\n", "utf-8")

    figures["validate_varm_en_fil_M"] = measure(command + ["validate", str(m)], args.runs, prepare=touch_one, env=env)
    figures["validate_varm_oförändrad_M"] = measure(command + ["validate", str(m)], args.runs, env=env)
    target_file.write_text(original, "utf-8")

    s = repos["S"]
    figures["validate_kall_S"] = measure(command + ["validate", str(s), "--ingen-cache"], args.runs * 3, env=env)
    figures["validate_varm_S"] = measure(command + ["validate", str(s)], args.runs * 3, env=env)
    yamllint = shutil.which("yamllint", path=str(Path(sys.executable).parent)) or shutil.which("yamllint")
    if yamllint:
        figures["yamllint_S"] = measure([yamllint, "-d", "relaxed", str(s)], args.runs * 3)
        figures["yamllint_M"] = measure([yamllint, "-d", "relaxed", str(m)], 1)
    figures["import_typer"] = measure([sys.executable, "-c", "import typer"], args.runs * 5)
    figures["styr_version"] = measure(command + ["--version"], args.runs * 5)

    # diff between two revisions of M that differ in 1 % of the files
    git("init", "-q", cwd=m)
    git("add", "-A", cwd=m)
    git("commit", "-qm", "före", cwd=m)
    changed = change_one_percent(m, 1)
    git("commit", "-qam", "efter", cwd=m)
    results["diff_ändrade_filer"] = changed
    figures["diff_M"] = measure(command + ["diff", "HEAD~1", "HEAD", "--format", "json"], args.runs, cwd=m, env=env)
    shutil.rmtree(m / ".git")

    # the interim report for the whole municipality and every organ, as HTML (issue 3 and 7)
    with tempfile.TemporaryDirectory(prefix="styr-rapporter-") as reports:
        figures["report_M"] = measure(
            command
            + [
                "report",
                "delarsrapport",
                str(m),
                "--period",
                "2026-08-31",
                "--organ",
                "all",
                "--format",
                "html",
                "-o",
                reports,
            ],
            args.runs,
            env=env,
        )
        results["report_M_dokument"] = sum(1 for _ in Path(reports).iterdir())

    growth = results.setdefault("tillväxt", {})
    for label in ("M/4", "M/2", "M"):
        timing = (
            figures["validate_kall_M"]
            if label == "M"
            else measure(command + ["validate", str(repos[label]), "--ingen-cache"], args.runs, env=env)
        )
        objects = results["repon"][label]["objekt"]
        growth[label] = {
            "s": timing["median_s"],
            "objekt": objects,
            "µs_per_objekt": round(timing["median_s"] / objects * 1e6, 1) if objects else None,
        }

    def ratio(a: str, b: str) -> float | None:
        return round(figures[a]["median_s"] / figures[b]["median_s"], 2) if a in figures and b in figures else None

    results["kvoter"] = {
        "validate_kall_M / C-parse_M (mål ≤ 1,3)": ratio("validate_kall_M", "c_parse_M"),
        "validate_varm_en_fil_M / validate_kall_M (mål ≤ 0,1)": ratio("validate_varm_en_fil_M", "validate_kall_M"),
        "validate_kall_S / yamllint_S (mål ≤ 0,3)": ratio("validate_kall_S", "yamllint_S"),
        "validate_varm_S / yamllint_S": ratio("validate_varm_S", "yamllint_S"),
        "styr --version / import typer (mål ≤ 2)": ratio("styr_version", "import_typer"),
        "diff_M / validate_varm_en_fil_M (mål ≤ 2)": ratio("diff_M", "validate_varm_en_fil_M"),
    }
    results["topp_minne_validate_M_mb (mål < 500)"] = figures["validate_kall_M"]["peak_mb"]
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(table(results))


def _fmt(seconds: float) -> str:
    return f"{seconds:.2f} s".replace(".", ",")


def table(results: dict) -> str:
    f = results["mätningar"]
    rows = [
        f"Uppmätt {results['datum']} på {results['kärnor']} kärnor, Python {results['python']}; median av "
        f"{f['validate_kall_M']['runs']} körningar (S och start: fler). "
        + ", ".join(
            f"{k}: {v['filer']} filer, {v['objekt']} objekt, {v['mb']} MB".replace(".", ",")
            for k, v in results["repon"].items()
        )
        + ".",
        "",
        "| mätning | tid | referens | kvot | mål |",
        "|---|---|---|---|---|",
    ]

    def row(label, key, ref_label, ref_key, target):
        if key not in f or ref_key not in f:
            return
        value, ref = f[key]["median_s"], f[ref_key]["median_s"]
        rows.append(
            f"| {label} | {_fmt(value)} | {ref_label} {_fmt(ref)} | {value / ref:.2f}".replace(".", ",")
            + f" | {target} |"
        )

    row("`styr validate` M, kall (utan cache)", "validate_kall_M", "C-parsning av samma filer", "c_parse_M", "≤ 1,3")
    row("`styr validate` M, varm, en fil ändrad", "validate_varm_en_fil_M", "kall körning", "validate_kall_M", "≤ 0,1")
    row("`styr validate` M, varm, inget ändrat", "validate_varm_oförändrad_M", "kall körning", "validate_kall_M", "–")
    row("`styr validate` S, kall", "validate_kall_S", "yamllint S", "yamllint_S", "≤ 0,3")
    row("`styr validate` S, varm", "validate_varm_S", "yamllint S", "yamllint_S", "–")
    row("`styr --version`", "styr_version", "`python -c 'import typer'`", "import_typer", "≤ 2")
    row(
        f"`styr diff` M, {results.get('diff_ändrade_filer')} filer ändrade",
        "diff_M",
        "varm validate",
        "validate_varm_en_fil_M",
        "≤ 2",
    )
    if "report_M" in f:
        rows.append(
            f"| `styr report delarsrapport --organ all --format html` M ({results.get('report_M_dokument')} "
            f"dokument) | {_fmt(f['report_M']['median_s'])} | | | – |"
        )
        rows.append(f"| topp-minne `styr report` M | {f['report_M']['peak_mb']} MB | | | – |")
    if "yamllint_M" in f:
        rows.append(f"| yamllint M (för jämförelse) | {_fmt(f['yamllint_M']['median_s'])} | | | |")
    rows.append(f"| topp-minne `styr validate` M | {f['validate_kall_M']['peak_mb']} MB | | | < 500 MB |")
    rows.append("")
    rows.append("| storlek | objekt | kall validate | µs per objekt |")
    rows.append("|---|---|---|---|")
    for label, g in results["tillväxt"].items():
        rows.append(f"| {label} | {g['objekt']} | {_fmt(g['s'])} | {g['µs_per_objekt']} |".replace(".", ","))
    return "\n".join(rows)


if __name__ == "__main__":
    main()
