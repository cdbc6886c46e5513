"""The `styr diff` comment on a pull request (GitHub) or merge request (GitLab), kept as one comment.

The comment carries a hidden marker. Each run looks for the comment with the marker and updates
it; only when there is none is a new one added — so a push does not add another comment. The
platform, the pull request and the token come from the CI environment; the address of the API
too, so a test (or GitHub Enterprise, or a GitLab of one's own) can point it elsewhere.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from styrmodell.errors import FatalError

MARKER = "<!-- styrmodell:diff -->"
TIMEOUT = 30
MAX_PAGES = 50


@dataclass(frozen=True)
class Target:
    platform: str  # "github" or "gitlab"
    comments_url: str  # list (GET) and create (POST)
    comment_url: str  # one comment, with {id}, to update
    headers: dict[str, str]
    update_method: str  # PATCH on GitHub, PUT on GitLab


def target_from_environment(environ: dict[str, str] | None = None) -> Target | None:
    """Where to comment, from GitHub Actions' or GitLab CI's variables; None outside a PR/MR."""
    env = os.environ if environ is None else environ
    if env.get("GITHUB_ACTIONS") == "true":
        token = env.get("GH_TOKEN") or env.get("GITHUB_TOKEN")
        number = _pull_request_number(env.get("GITHUB_EVENT_PATH"))
        if number is None:
            return None
        if not token:
            raise FatalError("kommentera: ange en token i GH_TOKEN (t.ex. ${{ github.token }})")
        api = env.get("GITHUB_API_URL", "https://api.github.com").rstrip("/")
        repo = env["GITHUB_REPOSITORY"]
        return Target(
            "github",
            f"{api}/repos/{repo}/issues/{number}/comments",
            f"{api}/repos/{repo}/issues/comments/{{id}}",
            {
                "Authorization": f"Bearer {token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
            },
            "PATCH",
        )
    if env.get("GITLAB_CI") == "true":
        iid = env.get("CI_MERGE_REQUEST_IID")
        if not iid:
            return None
        token = env.get("STYR_GITLAB_TOKEN")
        if not token:
            raise FatalError("kommentera: ange en åtkomsttoken (api) i CI-variabeln STYR_GITLAB_TOKEN")
        api = env["CI_API_V4_URL"].rstrip("/")
        project = urllib.parse.quote(env["CI_PROJECT_ID"], safe="")
        base = f"{api}/projects/{project}/merge_requests/{iid}/notes"
        return Target("gitlab", base, base + "/{id}", {"PRIVATE-TOKEN": token}, "PUT")
    return None


def _pull_request_number(event_path: str | None) -> int | None:
    if not event_path:
        return None
    try:
        with open(event_path, encoding="utf-8") as handle:
            event = json.load(handle)
    except (OSError, ValueError):
        raise FatalError(f"kommentera: kan inte läsa GitHubs händelsefil {event_path}") from None
    number = (event.get("pull_request") or {}).get("number")
    return int(number) if isinstance(number, int) else None


def post(target: Target, markdown: str) -> str:
    """Create or update the marked comment; 'uppdaterade' or 'skapade'."""
    body = f"{MARKER}\n{markdown}"
    existing = _find(target)
    if existing is not None:
        _request(target, target.update_method, target.comment_url.format(id=existing), {"body": body})
        return "uppdaterade"
    _request(target, "POST", target.comments_url, {"body": body})
    return "skapade"


def _find(target: Target) -> Any:
    for page in range(1, MAX_PAGES + 1):
        separator = "&" if "?" in target.comments_url else "?"
        items = _request(target, "GET", f"{target.comments_url}{separator}per_page=100&page={page}")
        if not isinstance(items, list) or not items:
            return None
        for item in items:
            if isinstance(item, dict) and MARKER in str(item.get("body", "")):
                return item.get("id")
        if len(items) < 100:
            return None
    return None


def _request(target: Target, method: str, url: str, payload: dict | None = None) -> Any:
    data = json.dumps(payload).encode("utf-8") if payload is not None else None
    headers = {**target.headers, "User-Agent": "styrmodell"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            text = response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        raise FatalError(f"kommentera: {target.platform} svarade {exc.code} på {method} {url}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FatalError(f"kommentera: når inte {url} ({reason})") from None
    try:
        return json.loads(text) if text.strip() else None
    except ValueError:
        raise FatalError(f"kommentera: {target.platform} svarade inte med JSON på {method} {url}") from None
