"""What a new repository's CI files install: a pip requirement that exists and never moves.

Either given at `styr init --installation`, or worked out from where the running `styr` came from
(PEP 610's direct_url.json): the git URL and commit it was installed from, the git remote and
commit of the clone it was installed from, or the released version from a package index.
"""

from __future__ import annotations

import json
import re
import subprocess
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse

from styrmodell import __version__
from styrmodell.errors import FatalError

EXAMPLE = "git+https://git.example.se/styrmodell.git@v" + __version__

_PINNED_NAME = re.compile(r"^[A-Za-z0-9_.\-\[\],]+\s*==\s*[A-Za-z0-9_.+!\-]+$")
_VCS = re.compile(r"^(?:[A-Za-z0-9_.\-]+\s*@\s*)?(git|hg)\+\S+$")


def check(spec: str) -> str:
    """`spec` if CI can install it the same way every time; a clear error otherwise."""
    spec = spec.strip()
    if _VCS.match(spec):
        url = spec.split("+", 1)[1]
        path = urlparse(url).path
        if "@" not in path.rsplit("/", 1)[-1]:
            raise FatalError(
                f"--installation '{spec}': fäst en tagg eller commit, t.ex. {EXAMPLE}, så att CI "
                "installerar samma version varje gång"
            )
        return spec
    if _PINNED_NAME.match(spec):
        return spec
    if re.match(r"^https://\S+\.whl$", spec):
        return spec
    raise FatalError(
        f"--installation '{spec}': ange en git-URL med tagg eller commit ({EXAMPLE}), ett "
        f"paket med version (styrmodell=={__version__}) eller en https-adress till en wheel"
    )


def default() -> str:
    """Where this `styr` was installed from, pinned, as pip in CI can install it again."""
    try:
        distribution = metadata.distribution("styrmodell")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        raise FatalError(f"ange --installation, t.ex. {EXAMPLE}") from None
    return from_direct_url(distribution.read_text("direct_url.json"))


def from_direct_url(text: str | None) -> str:
    if not text:  # installed from a package index
        return f"styrmodell=={__version__}"
    data = json.loads(text)
    url = data.get("url", "")
    vcs = data.get("vcs_info")
    if vcs and vcs.get("commit_id"):
        return f"{vcs.get('vcs', 'git')}+{url}@{vcs['commit_id']}"
    if url.startswith("file://") and "dir_info" in data:
        clone = _clone_spec(Path(unquote(urlparse(url).path)))
        if clone:
            return clone
    raise FatalError(
        f"ange --installation: det här styr installerades från {url or 'en lokal fil'}, som CI inte "
        f"kan nå. Skriv till exempel --installation '{EXAMPLE}'"
    )


def _clone_spec(folder: Path) -> str | None:
    """`git+REMOTE@TAG-or-COMMIT` for a clone of the project with a remote, else None."""

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None

    remote = git("remote", "get-url", "origin")
    commit = git("rev-parse", "HEAD")
    if not remote or not commit or remote.startswith(("/", "file:")):
        return None
    if remote.startswith("git@"):  # scp-like ssh address → an URL pip understands
        host, _, path = remote[4:].partition(":")
        remote = f"ssh://git@{host}/{path}"
    tag = git("describe", "--exact-match", "--tags", "HEAD")
    return f"git+{remote}@{tag or commit}"
