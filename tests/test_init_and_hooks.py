"""`styr init`, its CI files, the PR comment, and the pre-commit hook run by the real pre-commit tool."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from conftest import BASE_REPO, ROOT, GitRepo, run_styr
from styrmodell.cli.app import ALIASES, COMMANDS
from styrmodell.errors import FatalError
from styrmodell.scaffold import installation

PINNED = "git+https://git.example.se/styrmodell.git@v0.2.0"


@pytest.fixture
def initialised(tmp_path) -> Path:
    target = tmp_path / "grastorp"
    proc = run_styr("init", str(target), "--kommun", "Grästorp", "--installation", PINNED)
    assert proc.returncode == 0, proc.stderr
    return target


def test_init_validates_clean(initialised):
    proc = run_styr("validera", str(initialised), "--strikt")
    assert proc.returncode == 0, proc.stdout
    assert "Inga fel" in proc.stdout and "Grästorps kommun" in proc.stdout
    config = (initialised / "styrmodell.yaml").read_text("utf-8")
    assert 'kommunkod: "1444"' in config
    # every kind of file, with Swedish comments explaining the fields
    for relpath in (
        "organisation.yaml",
        "vision.yaml",
        "arshjul.yaml",
        "organ/kf/mal.yaml",
        "organ/kf/budget.yaml",
        "organ/kf/styrdokument.yaml",
        "organ/ks/mal.yaml",
        "organ/ks/uppdrag.yaml",
        "organ/ks/delegationsordning.yaml",
        "organ/ks/internkontroll.yaml",
        "organ/ks/dialoger.yaml",
        "README.md",
    ):
        text = (initialised / relpath).read_text("utf-8")
        assert text.startswith("#"), relpath
    assert (initialised / ".git").is_dir()


def test_init_gives_folders_and_files_normal_permissions(tmp_path):
    target = tmp_path / "ny"
    proc = subprocess.run(
        [
            "sh",
            "-c",
            f"umask 022 && {shlex.quote(str(Path(sys.executable).with_name('styr')))} "
            f"init {shlex.quote(str(target))} --kommun 1444 --installation {PINNED} --utan-git",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o755
    assert stat.S_IMODE((target / "organ" / "kf").stat().st_mode) == 0o755
    assert stat.S_IMODE((target / "organ" / "kf" / "mal.yaml").stat().st_mode) == 0o644
    assert stat.S_IMODE((target / "styrmodell.yaml").stat().st_mode) == 0o644


def _styr_calls(script: str) -> list[list[str]]:
    calls = []
    for line in script.splitlines():
        for match in re.finditer(r"(?:^|[;&|]\s*|\s)styr\s+([^;&|>]+)", line):
            calls.append(shlex.split(match.group(1)))
    return calls


def _scripts(initialised: Path) -> tuple[dict, dict, list[str]]:
    github = yaml.safe_load((initialised / ".github/workflows/styrmodell.yml").read_text("utf-8"))
    gitlab = yaml.safe_load((initialised / ".gitlab-ci.yml").read_text("utf-8"))
    scripts = [step["run"] for step in github["jobs"]["validera"]["steps"] if "run" in step]
    scripts += [line for job in ("validera", "granska") for line in gitlab[job]["script"]]
    scripts += gitlab["validera"]["after_script"]
    scripts += gitlab["default"]["before_script"]
    return github, gitlab, scripts


def test_ci_files_install_the_pinned_tool_and_call_commands_that_exist(initialised):
    _github, _gitlab, scripts = _scripts(initialised)
    assert f'pip install "{PINNED}"' in scripts
    calls = [call for script in scripts for call in _styr_calls(script)]
    assert {call[0] for call in calls} == {"validera", "diff", "kommentera"}
    assert {call[0] for call in calls} <= set(COMMANDS) | set(ALIASES)
    for call in calls:
        if call[0] == "validera":
            assert run_styr(*call, cwd=initialised).returncode == 0
    repo = GitRepo(initialised)
    repo.commit("Första versionen")
    repo.repo.git.branch("origin-main")
    diff = run_styr("diff", "origin-main...HEAD", "--format", "markdown", cwd=initialised)
    assert diff.returncode == 0 and "Inga ändringar i styrmodellen." in diff.stdout


def _output_of(call: list[str]) -> str:
    return call[call.index("--ut") + 1]


def test_ci_files_give_code_scanning_code_quality_and_junit_their_formats(initialised):
    github, gitlab, _ = _scripts(initialised)
    steps = github["jobs"]["validera"]["steps"]
    assert github["permissions"]["security-events"] == "write"
    sarif_step = next(s for s in steps if "--format sarif" in s.get("run", ""))
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert "always()" in sarif_step["if"] and "always()" in upload["if"]
    (sarif_call,) = _styr_calls(sarif_step["run"])
    assert upload["with"]["sarif_file"] == _output_of(sarif_call)
    job = gitlab["validera"]
    reports = job["artifacts"]["reports"]
    assert job["artifacts"]["when"] == "always"
    calls = {call[call.index("--format") + 1]: call for line in job["after_script"] for call in _styr_calls(line)}
    assert reports == {"codequality": _output_of(calls["gitlab"]), "junit": _output_of(calls["junit"])}
    # on a repository with an error the step itself passes (the validation step fails the job) and
    # the files are there, in their formats
    mal = initialised / "organ" / "ks" / "mal.yaml"
    mal.write_text(mal.read_text("utf-8") + "\nokänd_nyckel: 1\n", "utf-8")
    proc = subprocess.run(
        ["bash", "-c", sarif_step["run"]],
        cwd=initialised,
        capture_output=True,
        text=True,
        env=os.environ | {"PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    sarif = json.loads((initialised / upload["with"]["sarif_file"]).read_text("utf-8"))
    assert sarif["runs"][0]["results"]
    for call in calls.values():
        assert run_styr(*call, cwd=initialised).returncode == 1
    quality = json.loads((initialised / reports["codequality"]).read_text("utf-8"))
    assert quality and all(issue["location"]["path"] == "organ/ks/mal.yaml" for issue in quality)
    assert "<failure" in (initialised / reports["junit"]).read_text("utf-8")
    ignored = (initialised / ".gitignore").read_text("utf-8").splitlines()
    assert {upload["with"]["sarif_file"], *reports.values()} <= set(ignored)


def test_ci_comments_also_when_validation_fails_and_gitlab_runs_on_merge_requests(initialised):
    github, gitlab, _ = _scripts(initialised)
    steps = {step.get("name"): step for step in github["jobs"]["validera"]["steps"]}
    for name in ("Beskriv ändringen", "Kommentera pull requesten"):
        assert "always()" in steps[name]["if"], name
    rules = gitlab["workflow"]["rules"]
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in rules
    # the diff and the comment are their own job, so a failing validation does not stop them
    assert gitlab["granska"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert "validera" not in " ".join(gitlab["granska"]["script"])


def test_init_needs_a_pinned_installation_it_can_reach(tmp_path):
    unpinned = run_styr(
        "init",
        str(tmp_path / "a"),
        "--kommun",
        "Grästorp",
        "--installation",
        "git+https://git.example.se/styrmodell.git",
    )
    assert unpinned.returncode == 2 and "fäst en tagg eller commit" in unpinned.stderr
    # the suite's styr is installed from a wheel file, which CI cannot reach: say what to write
    default = run_styr("init", str(tmp_path / "b"), "--kommun", "Grästorp")
    assert default.returncode == 2 and "ange --installation" in default.stderr
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_the_default_installation_is_where_styr_came_from(tmp_path):
    vcs = json.dumps(
        {
            "url": "https://git.example.se/styrmodell.git",
            "vcs_info": {"vcs": "git", "commit_id": "0" * 40, "requested_revision": "main"},
        }
    )
    assert installation.from_direct_url(vcs) == "git+https://git.example.se/styrmodell.git@" + "0" * 40
    assert installation.from_direct_url(None).startswith("styrmodell==")
    clone = tmp_path / "klon"
    repo = GitRepo(clone)
    (clone / "README.md").write_text("styrmodell\n", "utf-8")
    commit = repo.commit("Första")
    repo.repo.create_remote("origin", "git@git.example.se:kommun/styrmodell.git")
    local = json.dumps({"url": clone.as_uri(), "dir_info": {}})
    assert installation.from_direct_url(local) == f"git+ssh://git@git.example.se/kommun/styrmodell.git@{commit}"
    repo.repo.create_tag("v9.9")
    assert installation.from_direct_url(local).endswith("@v9.9")
    with pytest.raises(FatalError, match="ange --installation"):
        installation.from_direct_url(json.dumps({"url": "file:///tmp/x.whl", "archive_info": {}}))


def test_init_never_overwrites(initialised):
    before = (initialised / "styrmodell.yaml").read_text("utf-8")
    proc = run_styr("init", str(initialised), "--kommun", "Åstorp", "--installation", PINNED)
    assert proc.returncode == 2 and "skriver inte över befintliga filer" in proc.stderr
    assert (initialised / "styrmodell.yaml").read_text("utf-8") == before


def test_init_never_replaces_a_dangling_symlink(tmp_path):
    target = tmp_path / "kommun"
    target.mkdir()
    (target / "vision.yaml").symlink_to(tmp_path / "finns-inte.yaml")
    proc = run_styr("init", str(target), "--kommun", "Grästorp", "--installation", PINNED)
    assert proc.returncode == 2 and "vision.yaml" in proc.stderr
    assert (target / "vision.yaml").is_symlink() and sorted(p.name for p in target.iterdir()) == ["vision.yaml"]


def test_init_unknown_municipality(tmp_path):
    proc = run_styr("init", str(tmp_path / "x"), "--kommun", "Gästorp", "--installation", PINNED)
    assert proc.returncode == 2 and "menade du 'Grästorp'?" in proc.stderr
    assert not (tmp_path / "x").exists()


# --- the comment on the pull or merge request --------------------------------------------------------------


class _FakeApi(BaseHTTPRequestHandler):
    """GitHub's issue comments and GitLab's merge request notes, as far as `styr kommentera` uses them."""

    comments: list[dict]
    requests: list[tuple[str, str, dict | None]]

    def log_message(self, *args):  # quiet
        pass

    def _reply(self, status: int, payload) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> dict | None:
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length)) if length else None

    def _authorised(self) -> bool:
        return self.headers.get("Authorization") == "Bearer hemlig" or self.headers.get("PRIVATE-TOKEN") == "hemlig"

    def do_GET(self):
        self.server.requests.append(("GET", self.path, None))
        if not self._authorised():
            return self._reply(401, {"message": "Bad credentials"})
        page = int(re.search(r"[?&]page=(\d+)", self.path).group(1))
        self._reply(200, self.server.comments[(page - 1) * 100 : page * 100])

    def do_POST(self):
        body = self._body()
        self.server.requests.append(("POST", self.path, body))
        comment = {"id": 1000 + len(self.server.comments), "body": body["body"]}
        self.server.comments.append(comment)
        self._reply(201, comment)

    def _update(self):
        body = self._body()
        self.server.requests.append((self.command, self.path, body))
        ident = int(self.path.rsplit("/", 1)[-1])
        for comment in self.server.comments:
            if comment["id"] == ident:
                comment["body"] = body["body"]
                return self._reply(200, comment)
        return self._reply(404, {"message": "Not Found"})

    do_PATCH = _update
    do_PUT = _update


@pytest.fixture
def fake_api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeApi)
    server.comments = [{"id": n, "body": f"en annan kommentar {n}"} for n in range(1, 131)]  # two pages
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def _ci_environment(platform: str, server, tmp_path: Path) -> dict[str, str]:
    base = f"http://127.0.0.1:{server.server_port}"
    if platform == "github":
        event = tmp_path / "event.json"
        event.write_text(json.dumps({"pull_request": {"number": 7}}), "utf-8")
        return {
            "GITHUB_ACTIONS": "true",
            "GITHUB_API_URL": base,
            "GITHUB_REPOSITORY": "kommun/styrmodell",
            "GITHUB_EVENT_PATH": str(event),
            "GH_TOKEN": "hemlig",
        }
    return {
        "GITLAB_CI": "true",
        "CI_API_V4_URL": f"{base}/api/v4",
        "CI_PROJECT_ID": "42",
        "CI_MERGE_REQUEST_IID": "7",
        "STYR_GITLAB_TOKEN": "hemlig",
    }


@pytest.mark.parametrize("platform", ["github", "gitlab"])
def test_the_comment_is_created_once_and_then_updated_in_place(platform, fake_api, tmp_path):
    env = _ci_environment(platform, fake_api, tmp_path)
    markdown = tmp_path / "styr-diff.md"
    markdown.write_text("## Ändringar i styrmodellen\n\n1 ändrat objekt\n", "utf-8")
    first = run_styr("kommentera", str(markdown), env=env)
    assert first.returncode == 0, first.stderr
    assert "Skapade kommentaren" in first.stderr
    markdown.write_text("## Ändringar i styrmodellen\n\n2 ändrade objekt\n", "utf-8")
    second = run_styr("kommentera", str(markdown), env=env)
    assert second.returncode == 0, second.stderr
    assert "Uppdaterade kommentaren" in second.stderr
    ours = [c for c in fake_api.comments if "styrmodell:diff" in c["body"]]
    assert len(ours) == 1 and "2 ändrade objekt" in ours[0]["body"]
    methods = [method for method, _, _ in fake_api.requests]
    assert methods.count("POST") == 1 and methods.count("PATCH" if platform == "github" else "PUT") == 1
    path = (
        "/repos/kommun/styrmodell/issues/7/comments"
        if platform == "github"
        else "/api/v4/projects/42/merge_requests/7/notes"
    )
    assert all(p.startswith(path) or "/comments/" in p or "/notes/" in p for _, p, _ in fake_api.requests)


def test_the_comment_reports_a_refused_token_and_a_missing_server(fake_api, tmp_path):
    markdown = tmp_path / "styr-diff.md"
    markdown.write_text("text\n", "utf-8")
    env = _ci_environment("gitlab", fake_api, tmp_path) | {"STYR_GITLAB_TOKEN": "fel"}
    refused = run_styr("kommentera", str(markdown), env=env)
    assert refused.returncode == 2 and "svarade 401" in refused.stderr and "Traceback" not in refused.stderr
    env["CI_API_V4_URL"] = "http://127.0.0.1:9/api/v4"
    unreachable = run_styr("kommentera", str(markdown), env=env)
    assert unreachable.returncode == 2 and "når inte" in unreachable.stderr
    outside = run_styr("kommentera", str(markdown), env={"GITLAB_CI": "", "GITHUB_ACTIONS": ""})
    assert outside.returncode == 0 and "ingen pull request" in outside.stderr


# --- pre-commit ----------------------------------------------------------------------------------------------


def _pre_commit(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True, timeout=900
    )


@pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(),
    reason="pre-commit try-repo behöver git och ett git-repo med styrmodell",
)
def test_pre_commit_hook_with_the_real_pre_commit_tool(tmp_path):
    """The hook as a governance repository uses it: pre-commit clones this repository, installs it in an
    environment of its own (an empty PRE_COMMIT_HOME, see conftest) and runs the hook."""
    assert os.environ["PRE_COMMIT_HOME"].startswith(os.environ["HOME"])
    governance = tmp_path / "kommun"
    shutil.copytree(BASE_REPO, governance)
    GitRepo(governance).commit("Ren styrmodell")
    clean = _pre_commit("try-repo", str(ROOT), "styr-validate", "--all-files", cwd=governance)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "styr validera" in clean.stdout and "Passed" in clean.stdout
    text = (governance / "organ/bun/mal.yaml").read_text("utf-8").replace("riktning: högre", "riktning: uppåt")
    (governance / "organ/bun/mal.yaml").write_text(text, "utf-8")
    broken = _pre_commit("try-repo", str(ROOT), "styr-validate", "--all-files", cwd=governance)
    assert broken.returncode == 1
    assert "Failed" in broken.stdout and "organ/bun/mal.yaml:16:5: fel SM107" in broken.stdout
