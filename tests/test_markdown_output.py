"""Markdown output that repository text cannot subvert, checked with a CommonMark parser.

Every free text of both examples is replaced twice: once by a plain marker (`Q7Q`), once by the
same marker followed by Markdown and HTML of every kind (emphasis, links, images, raw HTML, entities,
code, a heading, a list, a quote, a table row, a thematic break, `\\r\\n`, an escape sequence, an
address GitHub would link). Each Markdown output — every report type, `styr kompass -f markdown`
and the pull-request comment of `styr diff -f markdown` — is rendered from both and parsed with
markdown-it-py (CommonMark with GitHub's tables and strikethrough). The two must have the same
elements in the same order: nothing the hostile text asked for became an element. And the hostile
text must be there, every character of it, as text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from conftest import EXAMPLES, GitRepo, run_styr

REPORTS = [
    "verksamhetsplan",
    "uppdragsplan",
    "delarsrapport",
    "tertialrapport",
    "arsredovisning",
    "uppdragsuppfoljning",
    "delegationsordning",
    "internkontrollplan",
    "styrdokument",
    "kommunkompassen",
]
# The free texts of the format: names, titles, descriptions, follow-up texts. Not ids, references,
# enumerations, dates, periods, units or sources, which have a form of their own.
TEXT_KEYS = {
    "namn", "text", "titel", "beskrivning", "ärende", "risk", "kontroll", "kommentar", "motivering",
    "analys", "lärdomar", "slutsats", "åtgärder", "tema", "anteckningar", "slutsatser", "mission",
    "värdegrund", "begränsningar", "process", "frekvens", "rapporteras", "resultat", "omfattning",
    "återrapportering", "bedömningsmetod", "metod", "styrkor", "god_ekonomisk_hushållning",
    "åtgärdsplan", "synnerliga_skäl", "rubriker", "fråga", "förbättringsområden", "paragraf",
    "diarienummer", "lagrum", "avsnitt", "utvärderare", "genomförd", "undantag_balanskrav", "deltagare",
}  # fmt: skip
# Text that starts a line in Markdown is where lists, headings, quotes and breaks begin: each
# hostile text starts with one of them.
STARTS = ["- ", "# ", "1. ", "> ", "+ ", "--- ", "| a | b |", "=== ", "7) ", "* ", "<div>", "```"]
HOSTILE = (
    " *em* _u_ **b** <b>html</b> <!--c--> ![bild](http://x.se/i.png) [länk](http://x.se) <http://x.se> "
    "`kod` ~~s~~ &amp; &#65; \\ # Rubrik | cell | www.example.se a@b.se https://example.se\r\n- lista\x1b[31m :100:"
)

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _hostile(n: int) -> str:
    return f"{STARTS[n % len(STARTS)]}Q{n}Q{HOSTILE}"


def _plain(n: int) -> str:
    return f"Q{n}Q"


def _replace_texts(root: Path, make) -> None:
    """Every free text in every YAML file of `root` replaced by `make(n)`, the same text by the same n."""
    numbers: dict[str, int] = {}

    def number(text: str) -> int:
        return numbers.setdefault(text, len(numbers))

    def walk(value, key=None):
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if key in TEXT_KEYS and isinstance(value, str):
            return make(number(value))
        return value

    for path in sorted(root.rglob("*.yaml")):
        if ".git" in path.parts:
            continue
        data = yaml.safe_load(path.read_text("utf-8"))
        path.write_text(yaml.safe_dump(walk(data), allow_unicode=True, sort_keys=False), "utf-8")


def _structure(markdown: str) -> list[tuple]:
    """The elements a Markdown text renders to, in order, without their text."""
    out: list[tuple] = []
    for token in PARSER.parse(markdown):
        if token.type == "inline":
            for child in token.children or []:
                if child.type == "text" and out and out[-1] == ("text", ""):
                    continue
                out.append((child.type, child.tag))
        else:
            out.append((token.type, token.tag))
    return out


def _text(markdown: str) -> str:
    """All the text a Markdown text shows, as one line."""
    parts = []
    for token in PARSER.parse(markdown):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
    return " ".join(" ".join(parts).split())


def _visible(text: str) -> str:
    """A text as Markdown output shows it: one line, control characters as their escapes."""
    from styrmodell.svenska.text import terminal

    return terminal(" ".join(text.split()))


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """Both examples with plain and with hostile texts."""
    out = {}
    for name in ("grastorp", "astorp"):
        for kind, make in (("plain", _plain), ("hostile", _hostile)):
            root = tmp_path_factory.mktemp(f"{name}-{kind}")
            shutil.copytree(EXAMPLES / name, root, dirs_exist_ok=True)
            _replace_texts(root, make)
            out[name, kind] = root
    return out


def _same_elements(plain: str, hostile: str, what: str) -> None:
    assert re.search(r"Q\d+Q", plain), f"{what}: ingen fri text i utdata"
    assert _structure(hostile) == _structure(plain), f"{what}: texten gav element som den inte bad om"
    shown = _text(hostile)
    numbers = {int(n) for n in re.findall(r"Q(\d+)Q", shown)}
    assert numbers
    for n in numbers:
        assert _visible(_hostile(n)) in shown, f"{what}: texten {n} syns inte som den skrevs"


@pytest.mark.parametrize("example", ["grastorp", "astorp"])
@pytest.mark.parametrize("report", REPORTS)
def test_reports_in_markdown(versions, example, report):
    outputs = {}
    for kind in ("plain", "hostile"):
        proc = run_styr("rapport", report, str(versions[example, kind]))
        assert proc.returncode == 0, proc.stderr
        outputs[kind] = proc.stdout
    if not re.search(r"Q\d+Q", outputs["plain"]) and report == "kommunkompassen":
        pytest.skip("exemplet har ingen utvärdering med Kommunkompassen")
    _same_elements(outputs["plain"], outputs["hostile"], f"{example} {report}")


def test_kompass_in_markdown(versions):
    outputs = {}
    for kind in ("plain", "hostile"):
        proc = run_styr("kompass", str(versions["grastorp", kind]), "--format", "markdown")
        assert proc.returncode == 0, proc.stderr
        outputs[kind] = proc.stdout
    _same_elements(outputs["plain"], outputs["hostile"], "kompass")


def test_the_pull_request_comment(versions, tmp_path):
    """A change of every text, and a file moved to a name with backticks, pipes and asterisks."""
    outputs = {}
    for kind, make in (("plain", lambda n: f"R{n}R"), ("hostile", _hostile)):
        root = tmp_path / kind
        shutil.copytree(versions["astorp", "plain"], root)
        repo = GitRepo(root)
        repo.commit("Som beslutat")
        _replace_texts(root, make)
        moved = "organ/ks/`flyttad|*fil*`.yaml" if kind == "hostile" else "organ/ks/flyttad.yaml"
        (root / "organ/ks/uppdrag.yaml").rename(root / moved)
        proc = run_styr("diff", "-C", str(root), "--format", "markdown")
        assert proc.returncode == 0, proc.stderr
        outputs[kind] = proc.stdout
    assert "R0R" in outputs["plain"] and "flyttad.yaml" in outputs["plain"]
    assert _structure(outputs["hostile"]) == _structure(outputs["plain"]), "diffen gav element som texten inte bad om"
    shown = _text(outputs["hostile"])
    assert "`flyttad|*fil*`.yaml" in shown
    assert _visible(HOSTILE) in shown
