"""Git at its edges (reflog revisions that do not exist, a shallow clone, submodules, a bare repository)
and writing where nothing can be written: each a clear error, never a crash, never a half-written result."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from conftest import run_styr


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.parametrize("rev", ["HEAD@{99}", "main@{99}", "HEAD~99", "HEAD^{tree}", "-x", "inte-en-gren", ":/ingen"])
def test_revisions_that_name_no_commit_are_clean_errors(git_repo, rev):
    for args in (["diff", "--", rev], ["validera", ".", "--rev", rev], ["logg", "policy-inkop", "--rev", rev]):
        proc = run_styr(*args, cwd=git_repo.root)
        assert proc.returncode == 2, proc.stderr
        assert f"okänd git-revision '{rev}'" in proc.stderr, proc.stderr


def test_every_revision_form_git_knows_works(git_repo):
    git_repo.change(replace={"organ/bun/mal.yaml": [["riktning: högre", "riktning: lägre"]]})
    git_repo.commit("Lägre")
    for rev in ("HEAD@{1}", "main@{1}", "HEAD~1", "main^", ":/Styrmodellen som"):
        proc = run_styr("diff", rev, "HEAD", "--format", "json", cwd=git_repo.root)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["ändringar"], rev


def test_a_shallow_clones_missing_parent_says_how_to_fetch_it(git_repo, tmp_path):
    git_repo.change(replace={"organ/bun/mal.yaml": [["riktning: högre", "riktning: lägre"]]})
    git_repo.commit("Lägre")
    clone = tmp_path / "grund"
    _git(tmp_path, "clone", "-q", "--depth", "1", git_repo.root.as_uri(), str(clone))
    for args in (["diff", "HEAD~1"], ["validera", ".", "--rev", "HEAD~1"], ["diff", "HEAD~1...HEAD"]):
        proc = run_styr(*args, cwd=clone)
        assert proc.returncode == 2, proc.stderr
        assert "grund klon" in proc.stderr and "git fetch --unshallow" in proc.stderr
    assert run_styr("logg", "bun-behorighet", cwd=clone).returncode == 0  # the history there is


def test_a_bare_repository_is_a_clean_error(git_repo, tmp_path):
    bare = tmp_path / "naket.git"
    _git(tmp_path, "clone", "-q", "--bare", str(git_repo.root), str(bare))
    proc = run_styr("diff", "-C", str(bare))
    assert proc.returncode == 2 and "utan arbetskatalog (bare)" in proc.stderr


def test_a_submodule_is_left_out_alike_in_the_working_tree_and_in_a_revision(git_repo, tmp_path):
    other = tmp_path / "annan"
    (other / "organ").mkdir(parents=True)
    (other / "styrmodell.yaml").write_text("inte: en styrmodell\n", "utf-8")
    (other / "organ" / "mal.yaml").write_text("mål:\n  - {id: främmande, nivå: okänd, text: x}\n", "utf-8")
    _git(other, "init", "-q", "-b", "main")
    _git(other, "add", "-A")
    _git(other, "-c", "user.name=A", "-c", "user.email=a@b", "commit", "-q", "-m", "annan")
    _git(git_repo.root, "-c", "protocol.file.allow=always", "submodule", "add", "-q", other.as_uri(), "organ/extern")
    git_repo.commit("Med undermodul")
    assert (git_repo.root / "organ/extern/organ/mal.yaml").is_file()
    on_disk = json.loads(run_styr("validera", ".", "--format", "json", "--ingen-cache", cwd=git_repo.root).stdout)
    committed = json.loads(run_styr("validera", ".", "--format", "json", "--rev", "HEAD", cwd=git_repo.root).stdout)
    assert on_disk == committed and on_disk["fel"] == 0
    assert run_styr("diff", cwd=git_repo.root).returncode == 0


# --- writing ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["katalog", "fifo", "länk", "trasig-länk", "fil/under"])
def test_an_impossible_output_is_a_clear_error_and_nothing_is_replaced(repo_factory, tmp_path, target):
    root = repo_factory()
    (tmp_path / "katalog").mkdir()
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "mål.txt").write_text("orörd\n", "utf-8")
    (tmp_path / "länk").symlink_to(tmp_path / "mål.txt")
    (tmp_path / "trasig-länk").symlink_to(tmp_path / "finns-inte")
    (tmp_path / "fil").write_text("en fil\n", "utf-8")
    path = str(tmp_path / target)
    for args in (
        ["arshjul", str(root), "-o", path],
        ["arshjul", str(root), "--ics", path],
        ["rapport", "styrdokument", str(root), "-o", path],
        ["schema", "-o", path],
    ):
        proc = run_styr(*args)
        assert proc.returncode == 2, args
        assert path in proc.stderr and "internt fel" not in proc.stderr
    assert (tmp_path / "mål.txt").read_text("utf-8") == "orörd\n"
    assert (tmp_path / "trasig-länk").is_symlink() and not (tmp_path / "finns-inte").exists()
    assert (tmp_path / "fifo").is_fifo() and (tmp_path / "katalog").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_organ_all_file_names_never_collide(repo_factory, tmp_path):
    root = repo_factory(
        replace={"organisation.yaml": [["    - id: bun\n", "    - id: kommun\n"]]},
        files={"organ/bun/mal.yaml": None},
    )
    ks = root / "organisation.yaml"
    ks.write_text(ks.read_text("utf-8").replace("nämnd: [bun]", "nämnd: [kommun]"), "utf-8")
    out = tmp_path / "rapporter"
    proc = run_styr("rapport", "delegationsordning", str(root), "--organ", "all", "-o", str(out))
    assert proc.returncode in (0, 1), proc.stderr
    names = sorted(p.name for p in out.iterdir())
    assert "kommun.md" in names and "organ-kommun.md" in names
    assert "kommun.md skrivs som organ-kommun.md" not in proc.stderr and "organ-kommun.md" in proc.stderr
    whole = (out / "kommun.md").read_text("utf-8")
    assert whole.startswith("# Delegationsordning") and "Grästorps kommun" in whole


def test_organ_all_into_a_file_writes_nothing(repo_factory, tmp_path):
    root = repo_factory()
    (tmp_path / "rapporter").write_text("en fil\n", "utf-8")
    proc = run_styr("rapport", "delarsrapport", str(root), "--organ", "all", "-o", str(tmp_path / "rapporter"))
    assert proc.returncode == 2 and "ingen katalog" in proc.stderr
    assert (tmp_path / "rapporter").read_text("utf-8") == "en fil\n"


def test_init_never_writes_through_a_symlinked_folder(tmp_path):
    target, elsewhere = tmp_path / "ny", tmp_path / "annanstans"
    target.mkdir()
    elsewhere.mkdir()
    (target / "organ").symlink_to(elsewhere)
    proc = run_styr(
        "init", str(target), "--kommun", "Grästorp", "--utan-git",
        "--installation", "git+https://git.example.se/styrmodell.git@v0.2.0",
    )  # fmt: skip
    assert proc.returncode == 2 and "organ är en symbolisk länk" in proc.stderr
    assert list(elsewhere.iterdir()) == [] and sorted(p.name for p in target.iterdir()) == ["organ"]


@pytest.mark.parametrize("target", ["fil", "fil/under", "trasig"])
def test_init_into_an_impossible_target_writes_nothing(tmp_path, target):
    (tmp_path / "fil").write_text("en fil\n", "utf-8")
    (tmp_path / "trasig").symlink_to(tmp_path / "finns-inte")
    before = sorted(p.name for p in tmp_path.iterdir())
    proc = run_styr(
        "init", str(tmp_path / target), "--kommun", "Grästorp", "--utan-git",
        "--installation", "git+https://git.example.se/styrmodell.git@v0.2.0",
    )  # fmt: skip
    assert proc.returncode == 2 and "internt fel" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before
