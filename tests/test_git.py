"""styr diff, styr log and styr validate --rev against real git repositories with several commits."""

from __future__ import annotations

import json

from conftest import run_styr


def _diff_json(repo, *args):
    proc = run_styr("diff", *args, "--format", "json", cwd=repo.root)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _changes(payload):
    return {(c["objekt"]["slag"], c["objekt"]["id"]): c for c in payload["ändringar"]}


def test_diff_of_working_tree_against_head(git_repo):
    git_repo.change(
        replace={
            "organ/bun/mal.yaml": [
                ["målvärden: {2024: 83, 2025: 85, 2026: 87}", "målvärden: {2024: 83, 2025: 86, 2026: 87}"]
            ]
        }
    )
    payload = _diff_json(git_repo)
    assert payload["från"] == "HEAD" and payload["till"] == "arbetskatalogen"
    change = _changes(payload)[("indikator", "ind-behorighet")]
    assert change["status"] == "ändrad"
    assert change["fält"] == [{"fält": "målvärden.2025", "före": 85.0, "efter": 86.0}]
    # outcome 85.6 met 85 but misses 86: the indicator turns from green to yellow for 2025
    [flip] = payload["statusändringar"]
    assert (flip["indikator"], flip["period"], flip["före"], flip["efter"]) == (
        "ind-behorighet",
        "2025",
        "uppnått",
        "delvis uppnått",
    )
    [note] = payload["utan_nytt_beslut"]
    assert "målvärden för 2025 ändrades i ind-behorighet" in note["meddelande"]


def test_diff_between_revisions_added_removed_moved_reworded(git_repo):
    first = git_repo.repo.head.commit.hexsha
    git_repo.change(
        replace={
            "organ/kf/mal.yaml": [
                [
                    "text: Barn och unga får en god utbildning som ger dem framtidstro",
                    "text: Alla barn och unga får en likvärdig utbildning av hög kvalitet",
                ]
            ]
        },
        files={
            "organ/bun/aktiviteter.yaml": "organ: bun\naktiviteter:\n  - id: akt-mattelyft\n"
            "    namn: Mattelyftet i årskurs 4–6\n    mål: [bun-behorighet]\n"
        },
        move={"organ/ks-internkontroll.yaml": "organ/ks/internkontroll.yaml"},
    )
    git_repo.change(
        replace={
            "organ/bun/mal.yaml": [
                [
                    "aktiviteter:\n  - id: akt-lasfrämjande\n    namn: Läsfrämjande arbete i årskurs 1–3\n    mål: [bun-behorighet]\n    enhet: skola-a\n    ansvarig: rektor-a\n    status: pågår\n",
                    "",
                ]
            ]
        }
    )
    git_repo.commit("Ny formulering av KF-målet, ny aktivitet", author="Bo Sekreterare")
    payload = _diff_json(git_repo, first, "HEAD")
    changes = _changes(payload)
    assert changes[("aktivitet", "akt-mattelyft")]["status"] == "tillagd"
    assert changes[("aktivitet", "akt-lasfrämjande")]["status"] == "borttagen"
    moved = changes[("internkontrollplan", "ks/2026")]
    assert moved["status"] == "flyttad"
    assert (moved["fil_före"], moved["fil_efter"]) == ("organ/ks-internkontroll.yaml", "organ/ks/internkontroll.yaml")
    reworded = changes[("mål", "kf-utbildning")]
    assert reworded["fält"][0]["fält"] == "text"
    # the board goal below the reworded KF goal is flagged for review
    assert [a["mål"] for a in payload["berörda_mål"]] == ["bun-behorighet"]
    assert any(
        "mål kf-utbildning ändrades (text) utan ny eller ändrad beslutsreferens" in n["meddelande"]
        for n in payload["utan_nytt_beslut"]
    )


def test_diff_reports_findings_introduced_and_fixed(git_repo):
    git_repo.change(replace={"organ/bun/mal.yaml": [["    ansvarig: fc-bf\n    beslut", "    beslut"]]})
    git_repo.commit("Glömde ansvarig")
    broken = git_repo.repo.head.commit.hexsha
    git_repo.change(
        replace={"organ/bun/mal.yaml": [["    beslut: {organ: bun", "    ansvarig: fc-bf\n    beslut: {organ: bun"]]}
    )
    payload = _diff_json(git_repo, "HEAD~1", broken)
    assert [f["kod"] for f in payload["nya_fynd"]] == ["SM506"]
    payload = _diff_json(git_repo, broken)  # against the working tree, where it is fixed
    assert [f["kod"] for f in payload["åtgärdade_fynd"]] == ["SM506"]


def test_diff_against_merge_base_like_a_pull_request(git_repo):
    git_repo.repo.git.checkout("-b", "forslag")
    git_repo.change(
        replace={"organ/bun/delegationsordning.yaml": [["      delegat: handlaggare-bf", "      delegat: rektor-a"]]}
    )
    git_repo.commit("Rektor beslutar om skolskjuts")
    git_repo.repo.git.checkout("main")
    git_repo.change(replace={"organ/kf/styrdokument.yaml": [["titel: Inköpspolicy", "titel: Policy för inköp"]]})
    git_repo.commit("Ändrad titel på main")
    git_repo.repo.git.checkout("forslag")
    payload = _diff_json(git_repo, "main...forslag")
    changes = _changes(payload)
    # only the branch's own change, not main's later one
    assert set(changes) == {("delegeringsrad", "bun/3.1")}
    assert "utan nytt beslut eller revideringsdatum" in payload["utan_nytt_beslut"][0]["meddelande"]
    markdown = run_styr("diff", "main...forslag", "--format", "markdown", cwd=git_repo.root).stdout
    assert markdown.startswith("## Ändringar i styrmodellen (main (")
    assert "| delegat | handlaggare-bf | rektor-a |" in markdown


def test_no_changes(git_repo):
    proc = run_styr("diff", "--format", "markdown", cwd=git_repo.root)
    assert "Inga ändringar i styrmodellen." in proc.stdout


def test_log_follows_one_object_through_commits(git_repo):
    git_repo.change(
        replace={
            "organ/bun/mal.yaml": [
                ["målvärden: {2024: 83, 2025: 85, 2026: 87}", "målvärden: {2024: 83, 2025: 86, 2026: 88}"]
            ]
        }
    )
    git_repo.commit("Höjda målvärden", author="Cecilia Kvalitetsstrateg")
    git_repo.change(move={"organ/bun/mal.yaml": "organ/bun/mal-2026.yaml"})
    git_repo.commit("Byt filnamn")
    git_repo.change(
        replace={
            "organ/bun/mal-2026.yaml": [['datum: 2022-12-14, paragraf: "§ 140"', 'datum: 2026-11-18, paragraf: "§ 97"']]
        }
    )
    git_repo.commit("Nämndens beslut")
    proc = run_styr("logg", "ind-behorighet", cwd=git_repo.root)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "indikator ind-behorighet" in out
    assert "Anna Controller: Styrmodellen som den beslutades" in out and "tillagd i organ/bun/mal.yaml" in out
    assert "Cecilia Kvalitetsstrateg: Höjda målvärden" in out and "målvärden.2026: 87 → 88" in out
    assert "flyttad i organ/bun/mal-2026.yaml" in out
    # the indicator itself did not change when the goal's decision did
    assert "Nämndens beslut" not in out
    goal_log = run_styr("logg", "bun-behorighet", cwd=git_repo.root).stdout
    assert "beslut: bun 2026-11-18 § 97" in goal_log and "beslut.paragraf: § 140 → § 97" in goal_log
    missing = run_styr("logg", "finns-inte", cwd=git_repo.root)
    assert missing.returncode == 2 and "'finns-inte' finns inte" in missing.stderr


def test_validate_a_committed_revision_without_checking_it_out(git_repo):
    git_repo.change(replace={"organ/bun/mal.yaml": [["riktning: högre", "riktning: uppåt"]]})
    git_repo.commit("Trasig riktning")
    git_repo.change(replace={"organ/bun/mal.yaml": [["riktning: uppåt", "riktning: högre"]]})
    assert run_styr("validera", ".", cwd=git_repo.root).returncode == 0
    broken = run_styr("validera", ".", "--rev", "HEAD", cwd=git_repo.root)
    assert broken.returncode == 1
    assert "organ/bun/mal.yaml:16:5: fel SM107" in broken.stdout
    assert run_styr("validera", ".", "--rev", "HEAD~1", cwd=git_repo.root).returncode == 0
    unknown = run_styr("validera", ".", "--rev", "inte-en-gren", cwd=git_repo.root)
    assert unknown.returncode == 2 and "okänd git-revision 'inte-en-gren'" in unknown.stderr


def test_validate_rev_in_a_subfolder_of_the_git_repository(tmp_path):
    import shutil

    from conftest import BASE_REPO, GitRepo

    top = tmp_path / "kommun"
    shutil.copytree(BASE_REPO, top / "styrning")
    (top / "README.md").write_text("Kommunens repo\n", "utf-8")
    repo = GitRepo(top)
    repo.commit("Första")
    proc = run_styr("validera", "styrning", "--rev", "HEAD", cwd=top)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "8 filer" in proc.stdout
