"""Output that repository text cannot subvert: the terminal, SVG and HTML, Word.

(Markdown has its own test with a CommonMark parser: tests/test_markdown_output.py.)
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile

import pytest

from conftest import EXAMPLES, run_styr

ESCAPES = "\\e[2J\\e[31mRÖD\\e]0;titel\\a\\rÖVERSKRIVEN \\u202eBAKLÄNGES \\x00 \\x7f"


def _hostile_names(repo_factory, name: str = ESCAPES):
    """The base repository with control characters in an organ's name, a goal's text and an event's name."""
    return repo_factory(
        replace={"organisation.yaml": [["namn: Barn- och utbildningsnämnden", f'namn: "{name}"']]},
        files={
            "organ/bun/fel.yaml": (
                f'organ: bun\nmål:\n  - id: m-100\n    nivå: nämndmål\n    text: "{name}"\n    "{name}:100:": 1\n'
            ),
            "hjul.yaml": f'årshjul:\n  händelser:\n    - {{id: h1, namn: "{name}", typ: "[bold]typ[/]", när: {{datum: "09-20"}}}}\n',
        },
    )


def _no_control_characters(text: str) -> None:
    assert not [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0 or c == "\u202e"], text


@pytest.mark.parametrize(
    "args",
    [
        ["validera", "{root}"],
        ["validera", "{root}", "--format", "github"],
        ["validera", "{root}", "--format", "json"],
        ["arshjul", "{root}", "--år", "2026"],
        ["frister", "{root}", "--datum", "2026-09-01", "--inom", "30d"],
        ["rapport", "styrdokument", "{root}"],
    ],
)
def test_the_terminal_gets_no_escape_sequences_emoji_or_markup_from_repository_text(repo_factory, args):
    root = _hostile_names(repo_factory)
    proc = run_styr(*[a.format(root=root) for a in args])
    assert proc.returncode in (0, 1), proc.stderr
    _no_control_characters(proc.stdout)
    _no_control_characters(proc.stderr)
    assert "💯" not in proc.stdout + proc.stderr
    if args[0] == "validera" and "--format" not in args:
        assert "\\x1b[31mRÖD" in proc.stdout and "\\u202e" in proc.stdout  # shown, not acted on
        assert ":100:" in proc.stdout
    if args[-1] == "json":
        payload = json.loads(proc.stdout)
        assert any("\x1b[31mRÖD" in f["meddelande"] for f in payload["fynd"])  # JSON keeps the text exactly


def test_a_path_with_a_line_number_is_no_emoji(repo_factory):
    lines = "".join(f"# rad {n}\n" for n in range(97))
    root = repo_factory(
        files={"organ/bun/lång.yaml": lines + "organ: bun\nmål:\n  - {id: x, nivå: nämndmål, text: y, z: 1}\n"}
    )
    proc = run_styr("validera", str(root))
    assert ":100:" in proc.stdout and "💯" not in proc.stdout


def _wellformed_svg(text: str) -> ET.Element:
    return ET.fromstring(text)  # raises on malformed XML: a cut entity, a control character


@pytest.mark.parametrize("cut", range(30, 46))
def test_the_wheel_escapes_after_cutting_never_before(repo_factory, cut):
    """The municipality's name is cut to 40 characters in the wheel's centre; an entity never is."""
    name = "A" * cut + "&<>\"'" + "B" * 10
    quoted = "'" + name.replace("'", "''") + "'"
    root = repo_factory(replace={"styrmodell.yaml": [["namn: Grästorps kommun", f"namn: {quoted}"]]})
    proc = run_styr("arshjul", str(root), "--format", "svg", "--år", "2026")
    assert proc.returncode == 0, proc.stderr
    svg = _wellformed_svg(proc.stdout)
    texts = "".join(svg.itertext())
    assert "A" * min(cut, 39) in texts


def test_svg_and_html_hold_no_character_xml_forbids(repo_factory, tmp_path):
    root = _hostile_names(repo_factory)
    wheel = run_styr("arshjul", str(root), "--format", "svg", "--år", "2026").stdout
    _wellformed_svg(wheel)
    assert "RÖD" in wheel and "\x1b" not in wheel
    page = run_styr("arshjul", str(root), "--format", "html", "--år", "2026").stdout
    _no_control_characters(page)
    report = run_styr("rapport", "delarsrapport", str(root), "--format", "html", "--period", "2026-08").stdout
    _no_control_characters(report)
    assert "RÖD" in report


def test_the_compass_pages_hold_no_character_xml_forbids(repo_factory):
    compass = (EXAMPLES / "grastorp" / "kommunkompassen-2014.yaml").read_text("utf-8")
    compass = compass.replace("styrkor:\n", f'styrkor:\n        - "{ESCAPES}"\n', 1)
    root = repo_factory(files={"kompass.yaml": compass})
    svg = run_styr("kompass", str(root), "--format", "svg")
    assert svg.returncode == 0, svg.stderr
    _wellformed_svg(svg.stdout)
    for fmt in ("html", "markdown", "text"):
        proc = run_styr("kompass", str(root), "--format", fmt)
        assert proc.returncode == 0, proc.stderr
        _no_control_characters(proc.stdout)


def test_word_holds_no_character_xml_forbids(repo_factory, tmp_path):
    root = _hostile_names(repo_factory)
    target = tmp_path / "rapport.docx"
    proc = run_styr("rapport", "delarsrapport", str(root), "--format", "docx", "-o", str(target), "--period", "2026-08")
    assert proc.returncode == 1, proc.stderr  # 1: the broken goal file could not be read whole
    with zipfile.ZipFile(target) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    ET.fromstring(body)
    assert "RÖD" in body and "\x1b" not in body
