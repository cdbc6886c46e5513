"""The validation loader: values, positions and problems, without a traceback for any input."""

from __future__ import annotations

from styrmodell.load.yamlload import load_bytes, load_text, size_text


def test_values_and_positions():
    loaded = load_text(
        "f.yaml",
        "mål:\n  - id: m1\n    målvärden: {2025: 80, 2026: 82.5}\n    aktiv: true\n    datum: 2026-08-31\n    tom:\n",
    )
    assert loaded.problems == []
    goal = loaded.data["mål"][0]
    assert goal == {"id": "m1", "målvärden": {2025: 80, 2026: 82.5}, "aktiv": True, "datum": "2026-08-31", "tom": None}
    assert loaded.positions[("mål",)] == (1, 1)
    assert loaded.positions[("mål", 0)] == (2, 5)
    assert loaded.positions[("mål", 0, "målvärden")] == (3, 5)
    assert loaded.positions[("mål", 0, "målvärden", 2026)] == (3, 27)
    # a missing field resolves to the nearest ancestor that exists
    assert loaded.position(("mål", 0, "ansvarig")) == (2, 5)


def test_duplicate_key_keeps_first_and_reports_second():
    loaded = load_text("f.yaml", "a: 1\nb: 2\na: 3\n")
    assert loaded.data == {"a": 1, "b": 2}
    [problem] = loaded.problems
    assert (problem.code, problem.line, problem.column) == ("SM102", 3, 1)
    assert "första gången på rad 1" in problem.message


def test_merge_key():
    loaded = load_text("f.yaml", "bas: &b {x: 1, y: 2}\nny:\n  <<: *b\n  y: 3\n")
    assert loaded.data["ny"] == {"x": 1, "y": 3}


def test_syntax_error_is_swedish_with_position():
    loaded = load_text("f.yaml", "a:\n  b: c: d\n")
    [problem] = loaded.problems
    assert problem.code == "SM101" and problem.line == 2
    assert problem.message.startswith("YAML-syntaxfel: kolon på fel ställe")


def test_multiple_documents_are_refused():
    loaded = load_text("f.yaml", "a: 1\n---\nb: 2\n")
    assert loaded.problems[0].code == "SM101"


def test_alias_bomb_is_stopped_quickly():
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    loaded = load_text("f.yaml", "\n".join(lines) + "\n")
    assert loaded.data is None
    assert loaded.problems[0].code == "SM105"


def test_encodings():
    assert load_bytes("f.yaml", "\ufeffa: å\n".encode("utf-8"), 10_000).data == {"a": "å"}
    latin = load_bytes("f.yaml", "a: 1\nb: Grästorp\n".encode("latin-1"), 10_000)
    assert latin.problems[0].code == "SM103" and latin.problems[0].line == 2
    assert load_bytes("f.yaml", "a: 1\n".encode("utf-16"), 10_000).problems[0].code == "SM103"


def test_size_limit_is_checked_before_parsing():
    loaded = load_bytes("f.yaml", b"a: [" + b"1, " * 1000 + b"]", 100)
    assert loaded.problems[0].code == "SM105" and loaded.data is None


def test_size_text():
    assert size_text(5_000_000) == "5 MB"
    assert size_text(6_150_000) == "6,2 MB"
    assert size_text(4_000) == "4 kB"
