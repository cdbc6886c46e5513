"""The README is true today: every `styr` example in it runs as written, every output it shows is what
the command prints, and the PR comment it shows is what `styr diff` writes for the change it describes."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, GitRepo, run_styr

README = (ROOT / "README.md").read_text("utf-8")
EXAMPLE_READMES = "".join((EXAMPLES / name / "README.md").read_text("utf-8") for name in ("grastorp", "astorp"))


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.M | re.S)


def _commands(text: str) -> list[str]:
    """`styr ...` lines of the sh blocks, without comments."""
    lines = []
    for block in _blocks(text, "sh"):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line.startswith("styr "):
                lines.append(line)
    return lines


def _min_kommun(target: Path) -> Path:
    """The README's `min-kommun`: Åstorp's example with the two mistakes the README shows."""
    shutil.copytree(EXAMPLES / "astorp", target)
    goals = target / "organ/bun/mal.yaml"
    goals.write_text(
        goals.read_text("utf-8").replace("    mål: [bun-behorighet]\n", "    mål: [bun-behorigheten]\n", 1), "utf-8"
    )
    order = target / "organ/bun/delegationsordning.yaml"
    order.write_text(
        order.read_text("utf-8").replace(
            "      ärende: Beslut om skolskjuts\n      kategori: [myndighetsutövning]",
            "      ärende: Beslut om skolskjuts\n      kategori: [principiell myndighetsutövning]",
        ),
        "utf-8",
    )
    return target


def _import_files(folder: Path) -> None:
    """The tables and the saved Kolada answer that the README's import examples read: the CSV the
    README shows, the same rows in an Excel file, and Kolada's answer for one key figure."""
    import json

    from openpyxl import Workbook

    table = _blocks(README, "csv")[0]
    (folder / "utfall.csv").write_text(table, "utf-8")
    book = Workbook()
    sheet = book.active
    sheet.title = "Resultat"
    for line in table.splitlines():
        sheet.append(line.split(";"))
    book.save(folder / "enkat.xlsx")
    values = [
        {
            "kpi": "N15428",
            "municipality": code,
            "period": 2025,
            "values": [{"gender": "T", "count": 1, "status": "", "value": v}],
        }
        for code, v in (("1277", 79.6), ("0000", 85.1))
    ]
    (folder / "svar.json").write_text(json.dumps({"count": 2, "values": values, "next_url": None}), "utf-8")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A folder where the README's commands run as a user runs them from a clone: examples/ beside."""
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(EXAMPLES, folder / "examples")
    _min_kommun(folder / "min-kommun")
    _import_files(folder)
    git = GitRepo(folder)
    git.commit("Exemplen")
    return folder


WRITING = ("importera", "import", "nytt-ar", "nytt-år", "new-year")
DRY_RUN = ("--torrkörning", "--torrkorning", "--dry-run", "-n")


def _where_to_run(args: list[str], workspace: Path, tmp_path: Path) -> Path:
    """A command that writes the repository runs in a copy, so that the others see the examples as they are."""
    if args[0] in WRITING and not set(args) & set(DRY_RUN):
        copy = tmp_path / "kopia"
        shutil.copytree(workspace, copy)
        return copy
    return workspace


RUNNABLE = [
    c
    for c in _commands(README + EXAMPLE_READMES)
    if " min-kommun" in c or "examples/" in c or c.startswith(("styr regler", "styr rules", "styr schema"))
]


def test_the_readme_has_examples_to_run():
    assert len(RUNNABLE) >= 25, RUNNABLE


@pytest.mark.parametrize("line", RUNNABLE)
def test_every_example_command_runs_as_written(line, workspace, tmp_path):
    args = shlex.split(line)[1:]
    proc = run_styr(*args, cwd=_where_to_run(args, workspace, tmp_path), timeout=300)
    assert "Traceback" not in proc.stderr and "internt fel" not in proc.stderr, proc.stderr
    expected = 1 if "min-kommun" in line and args[0] in ("validera", "validate") else 0
    if args[0] in ("frister", "deadlines") and "--strikt" in args:
        expected = 1
    assert proc.returncode == expected, f"{line}\n{proc.stdout}\n{proc.stderr}"


def _shown_outputs(text: str) -> list[tuple[str, list[str]]]:
    """Each `$ styr ...` in a plain code block, with the lines the README shows it printing."""
    shown = []
    for block in _blocks(text, ""):
        current: tuple[str, list[str]] | None = None
        for line in block.splitlines():
            if line.startswith("$ "):
                current = (line[2:], [])
                shown.append(current)
            elif current is not None:
                current[1].append(line)
    return shown


@pytest.mark.parametrize(
    ("line", "lines"), _shown_outputs(README + EXAMPLE_READMES), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_output_shown_is_what_the_command_prints(line, lines, workspace):
    """Shown lines appear in the output in the same order; `...` stands for lines left out."""
    proc = run_styr(*shlex.split(line)[1:], cwd=workspace, timeout=300)
    printed = (proc.stdout + proc.stderr).splitlines()
    position = 0
    for wanted in lines:
        if wanted.strip() in ("...", "…", ""):
            continue
        matches = [i for i in range(position, len(printed)) if printed[i].rstrip() == wanted.rstrip()]
        assert matches, f"{line}: raden {wanted!r} skrivs inte (efter rad {position})\n" + "\n".join(printed)
        position = matches[0] + 1


def comment_scenario(folder: Path) -> str:
    """The change behind the README's PR comment: on a branch of Åstorp's example, the targets for
    satisfaction with home care are raised, a KF goal is reworded, a delegate is replaced, a file is renamed."""
    shutil.copytree(EXAMPLES / "astorp", folder)
    git = GitRepo(folder)
    main = git.commit("Styrmodellen som den beslutades")
    git.repo.git.checkout("-b", "forslag")
    git.change(
        replace={
            "organ/son/mal.yaml": [
                [
                    "målvärden: {2023: 85, 2024: 86, 2025: 87, 2026: 88}",
                    "målvärden: {2023: 85, 2024: 86, 2025: 89, 2026: 90}",
                ]
            ],
            "organ/kf/mal.yaml": [
                [
                    "text: I Åstorp får alla barn och unga en trygg uppväxt och en god grund för livet",
                    "text: I Åstorp får alla barn och unga en trygg uppväxt och en god start i livet",
                ]
            ],
            "organ/son/delegationsordning.yaml": [
                [
                    "      delegat: socialsekreterare\n      lagrum: SoL 11 kap. 1 §",
                    "      delegat: ec-ifo\n      lagrum: SoL 11 kap. 1 §",
                ]
            ],
        },
        move={"organ/bmn/internkontroll.yaml": "organ/bmn/internkontrollplan.yaml"},
    )
    git.commit("Förslag: högre mål för hemtjänsten")
    assert main
    proc = run_styr("diff", "main...forslag", "--format", "markdown", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_the_comment_shown_is_what_styr_diff_writes(tmp_path):
    written = comment_scenario(tmp_path / "astorp")
    shown = _blocks(README.replace("````markdown", "```markdown").replace("\n````\n", "\n```\n"), "markdown")
    assert shown, "README visar ingen kommentar"
    lines = [line for line in shown[0].splitlines() if line.strip()]
    written_lines = written.splitlines()
    for line in lines:
        if line.startswith("## Ändringar i styrmodellen"):  # the base commit's hash differs
            assert line.split(" (")[0] in written, line
            continue
        assert line in written_lines, f"raden {line!r} finns inte i kommentaren:\n{written}"
