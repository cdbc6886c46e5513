"""Everything the tool reads from git goes through this module (gitpython).

A `GitRevision` is a file source like the working tree, so `styr validera --rev`, `styr diff`
and `styr logg` see a committed revision exactly as `styr validera` sees the files on disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

import git
from git.exc import BadName, GitCommandError, InvalidGitRepositoryError, NoSuchPathError

from styrmodell.errors import FatalError
from styrmodell.load.sources import is_content_file

SYMLINK_MODE = 0o120000


def open_repo(path: Path) -> tuple[git.Repo, str]:
    """The git repository that holds `path`, and `path` relative to its top ('' for the top)."""
    try:
        repo = git.Repo(path, search_parent_directories=True)
    except (InvalidGitRepositoryError, NoSuchPathError):
        raise FatalError(f"{path}: är inte en del av ett git-repo") from None
    if repo.bare or repo.working_tree_dir is None:
        raise FatalError(f"{path}: är ett git-repo utan arbetskatalog (bare); kör styr i en klon med utcheckade filer")
    top = Path(repo.working_tree_dir).resolve()
    try:
        inner = Path(path).resolve().relative_to(top).as_posix()
    except ValueError:
        raise FatalError(f"{path}: ligger utanför git-repot {top}") from None
    return repo, "" if inner == "." else inner


def resolve(repo: git.Repo, rev: str) -> git.Commit:
    """The commit `rev` names, in every form git itself understands (`HEAD~2`, `main@{1}`, `v1.0`), as
    git resolves it; a name for no commit, or for one a shallow clone does not have, is a clear error."""
    if not rev.strip() or rev.startswith("-"):
        raise FatalError(f"okänd git-revision '{rev}'")
    try:
        named = repo.git.rev_parse("--verify", "--quiet", "--end-of-options", rev).strip()
        sha = repo.git.rev_parse("--verify", "--quiet", f"{named}^{{commit}}").strip()  # a tag: its commit
        commit = repo.commit(sha)
        commit.tree  # noqa: B018 - the commit's own object must be there (a shallow clone's boundary)
    except (BadName, ValueError, GitCommandError):
        raise FatalError(f"okänd git-revision '{rev}'{_shallow_hint(repo)}") from None
    return commit


def _shallow_hint(repo: git.Repo) -> str:
    if (Path(repo.git_dir) / "shallow").exists():
        return (
            " (repot är en grund klon utan hela historiken: hämta den med `git fetch --unshallow`, "
            "eller med `fetch-depth: 0` i actions/checkout)"
        )
    return ""


def merge_base(repo: git.Repo, left: str, right: str) -> git.Commit:
    """The commit `left...right` compares from: where `right` branched off `left`."""
    try:
        bases = repo.merge_base(resolve(repo, left), resolve(repo, right))
    except (GitCommandError, ValueError):
        bases = []
    if not bases:
        raise FatalError(f"'{left}' och '{right}' har ingen gemensam historik{_shallow_hint(repo)}")
    return resolve(repo, bases[0].hexsha)


class GitRevision:
    """The governance files of one commit, under the folder `inner` of the git repository."""

    def __init__(self, repo: git.Repo, commit: git.Commit, inner: str):
        self.repo = repo
        self.commit = commit
        self.inner = inner
        self.label = f"{commit.hexsha[:10]}:{inner or '.'}"
        try:
            self.tree = commit.tree / inner if inner else commit.tree
        except KeyError:
            raise FatalError(f"'{inner}' finns inte i revisionen {commit.hexsha[:10]}") from None
        except (ValueError, GitCommandError) as error:
            raise self._unreadable(error) from None
        self._blobs: dict[str, git.Blob] | None = None

    def _all_blobs(self) -> dict[str, git.Blob]:
        """Every file of the tree by relative path, from one traversal (path lookups re-read trees)."""
        if self._blobs is None:
            blobs = {}
            try:
                for item in self.tree.traverse():
                    # a symbolic link is not followed, a submodule is another repository: as in the work tree
                    if not isinstance(item, git.Blob) or item.mode == SYMLINK_MODE:
                        continue
                    relpath = (
                        PurePosixPath(item.path).relative_to(self.tree.path).as_posix()
                        if self.tree.path
                        else str(item.path)
                    )
                    blobs[relpath] = item
            except (ValueError, GitCommandError) as error:
                raise self._unreadable(error) from None
            self._blobs = blobs
        return self._blobs

    def read(self, relpath: str) -> bytes | None:
        blob = self._all_blobs().get(relpath)
        if blob is None:
            return None
        try:
            return blob.data_stream.read()
        except (ValueError, GitCommandError) as error:
            raise self._unreadable(error, relpath) from None

    def _unreadable(self, error: Exception, relpath: str = "") -> FatalError:
        where = f"{relpath} i " if relpath else ""
        return FatalError(
            f"{where}revisionen {self.commit.hexsha[:10]} kan inte läsas ur git (ett objekt saknas; "
            f"{type(error).__name__}){_shallow_hint(self.repo)}"
        )

    def content_files(self, ignore: list[str]) -> list[str]:
        return sorted(p for p in self._all_blobs() if is_content_file(p, ignore))


def revision(path: Path, rev: str) -> GitRevision:
    repo, inner = open_repo(path)
    return GitRevision(repo, resolve(repo, rev), inner)


@dataclass(frozen=True)
class CommitInfo:
    sha: str
    short: str
    author: str
    date: datetime
    subject: str


def info(commit: git.Commit) -> CommitInfo:
    # gitpython decodes the message (errors replaced); it is typed str | bytes for a message it could not
    message = commit.message if isinstance(commit.message, str) else commit.message.decode("utf-8", "replace")
    return CommitInfo(
        commit.hexsha,
        commit.hexsha[:10],
        commit.author.name or "",
        commit.authored_datetime,
        message.strip().splitlines()[0] if message.strip() else "",
    )


def history(repo: git.Repo, inner: str, rev: str = "HEAD") -> list[git.Commit]:
    """Commits that changed anything under `inner`, oldest first."""
    start = resolve(repo, rev)
    paths = [inner] if inner else []
    return list(reversed(list(repo.iter_commits(start, paths=paths))))
