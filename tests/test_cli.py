"""The real `styr` command in a subprocess: exit codes, formats, hostile input, configuration layers."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES, ROOT, run_styr

NO_TRACEBACK = "Traceback"


def _ok(proc):
    assert NO_TRACEBACK not in proc.stdout + proc.stderr, proc.stderr
    return proc


@pytest.mark.parametrize("name", ["grastorp", "astorp"])
def test_examples_validate_clean(name):
    proc = _ok(run_styr("validera", str(EXAMPLES / name)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Inga fel" in proc.stdout


def test_error_exit_code_and_text_line(repo_factory):
    root = repo_factory(replace={"organ/bun/mal.yaml": [["riktning: högre", "riktning: uppåt"]]})
    proc = _ok(run_styr("validera", ".", cwd=root))
    assert proc.returncode == 1
    assert "organ/bun/mal.yaml:16:5: fel SM107 'riktning' har värdet 'uppåt'" in proc.stdout
    assert "menade du" not in proc.stdout or "'högre'" in proc.stdout


def test_paths_are_shown_as_reached_from_the_current_folder(repo_factory, tmp_path):
    root = repo_factory(replace={"organ/bun/mal.yaml": [["riktning: högre", "riktning: uppåt"]]})
    proc = _ok(run_styr("validera", root.name, cwd=root.parent))
    assert f"{root.name}/organ/bun/mal.yaml:16:5" in proc.stdout


def test_json_format(repo_factory):
    root = repo_factory(replace={"organ/bun/mal.yaml": [["    ansvarig: fc-bf\n", ""]]})
    proc = _ok(run_styr("validera", str(root), "--format", "json"))
    assert proc.returncode == 1
    payload = json.loads(proc.stdout)
    assert payload["fel"] == 1
    finding = payload["fynd"][0]
    assert finding["kod"] == "SM506" and finding["namn"] == "smart-ansvarsfördelad"
    assert finding["rad"] == 4 and finding["allvarlighet"] == "fel"


def test_github_annotations_chosen_automatically(repo_factory):
    root = repo_factory(replace={"organ/bun/mal.yaml": [["    ansvarig: fc-bf\n", ""]]})
    proc = _ok(run_styr("validera", ".", cwd=root, env={"GITHUB_ACTIONS": "true"}))
    assert proc.returncode == 1
    first = proc.stdout.splitlines()[0]
    assert first.startswith("::error file=organ/bun/mal.yaml,line=4,col=5,title=SM506 smart-ansvarsfördelad::")


def test_strict_makes_warnings_fail(repo_factory):
    root = repo_factory(replace={"organ/kf/styrdokument.yaml": [["beslutad_av: kf", "beslutad_av: fc-bf"]]})
    assert _ok(run_styr("validera", str(root))).returncode == 0
    assert _ok(run_styr("validera", str(root), "--strikt")).returncode == 1
    assert _ok(run_styr("validera", str(root), "--strikt", "--regel", "SM703=av")).returncode == 0


def test_cli_rule_flag_overrides_config_which_overrides_preset(repo_factory):
    # tre-mal sets max 3; the repository raises it to 4; the command line lowers it to 1
    root = repo_factory(
        replace={
            "styrmodell.yaml": [
                [
                    "regler:\n  mål-per-nämnd:\n    max: 3\n    räkna_kf_mål: false\n",
                    "extends: tre-mal\nregler:\n  mål-per-nämnd:\n    max: 4\n",
                ]
            ],
            "organ/kf/mal.yaml": [["framtidstro", "framtidstro 2026"]],
        }
    )
    assert _ok(run_styr("validera", str(root))).returncode == 0
    from styrmodell.load.config import load_config
    from styrmodell.load.sources import WorkingTree

    config, _ = load_config(WorkingTree(root))
    assert config.regler["mål-per-nämnd"].options() == {"max": 4, "räkna_kf_mål": False}
    assert config.regler["smart-tidsbunden"].options() == {"årtal_i_formulering": True}
    proc = _ok(run_styr("validera", str(root), "--regel", "SM401=varning", "--format", "json"))
    assert proc.returncode == 0


@pytest.mark.parametrize(
    "setting, expected",
    [
        ("  mål-per-nämd: {max: 3}\n", "okänd regel 'mål-per-nämd' – menade du 'mål-per-nämnd'?"),
        ("  SM401: {maxx: 3}\n", "regeln SM401 har ingen inställning 'maxx' – menade du 'max'?"),
        ("  SM401: kanske\n", "okänd allvarlighet 'kanske'"),
    ],
)
def test_bad_rule_settings_are_unusable_input(repo_factory, setting, expected):
    root = repo_factory(replace={"styrmodell.yaml": [["regler:\n", "regler:\n" + setting]]})
    proc = _ok(run_styr("validera", str(root)))
    assert proc.returncode == 2
    assert expected in proc.stderr
    assert "styrmodell.yaml:" in proc.stderr


def test_missing_config_is_unusable_input(tmp_path):
    proc = _ok(run_styr("validera", str(tmp_path)))
    assert proc.returncode == 2
    assert "hittar ingen styrmodell.yaml" in proc.stderr


def test_broken_config_points_to_its_line(repo_factory):
    root = repo_factory(replace={"styrmodell.yaml": [['kommunkod: "1444"', "kommunkod: [1444"]]})
    proc = _ok(run_styr("validera", str(root)))
    assert proc.returncode == 2
    assert proc.stderr.startswith("styr: styrmodell.yaml:")


def test_config_schema_error_is_swedish(repo_factory):
    root = repo_factory(replace={"styrmodell.yaml": [['kommunkod: "1444"', 'kommunkod: "144"']]})
    proc = _ok(run_styr("validera", str(root)))
    assert proc.returncode == 2
    assert "styrmodell.yaml:4:3: kommunkoden ska vara fyra siffror" in proc.stderr


def test_unknown_preset(repo_factory):
    root = repo_factory(replace={"styrmodell.yaml": [["regler:", "extends: sju-mal\nregler:"]]})
    proc = _ok(run_styr("validera", str(root)))
    assert proc.returncode == 2 and "okänd förinställning 'sju-mal'" in proc.stderr


def test_bad_arguments_exit_2(repo_factory):
    root = repo_factory()
    assert _ok(run_styr("validera", str(root), "--format", "xml")).returncode == 2
    assert _ok(run_styr("validera", str(root), "--regel", "SM401")).returncode == 2
    assert _ok(run_styr("validera", str(root / "finns-inte"))).returncode == 2


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "filen är binär"),
        ("mål:\n  - id: x\n    text: [oavslutad\n".encode(), "YAML-syntaxfel"),
        (
            b"a: &a [1, 2]\n"
            + b"".join(
                f"k{i}: &k{i} [*{'a' if i == 0 else f'k{i - 1}'}, *{'a' if i == 0 else f'k{i - 1}'}, *{'a' if i == 0 else f'k{i - 1}'}, *{'a' if i == 0 else f'k{i - 1}'}]\n".encode()
                for i in range(20)
            ),
            "alias-bomb",
        ),
        (b"[" * 5000 + b"]" * 5000, "nästlad"),
        ("mål: 'Grästorp'\n".encode("cp1252"), "inte giltig UTF-8 (ser ut som Latin-1"),
    ],
)
def test_garbage_is_a_finding_never_a_traceback(repo_factory, content, expected):
    root = repo_factory(files={"organ/bun/skrap.yaml": content})
    proc = _ok(run_styr("validera", str(root)))
    assert proc.returncode == 1
    line = next(line for line in proc.stdout.splitlines() if "skrap.yaml" in line)
    assert expected in line
    assert "/organ/bun/skrap.yaml:1:" in line or "organ/bun/skrap.yaml:" in line


def test_huge_file_is_refused_without_reading(repo_factory):
    big = "# utfyllnad\n" * 500_000  # 6 MB, over the default 5 MB
    root = repo_factory(files={"organ/bun/stor.yaml": big})
    proc = _ok(run_styr("validera", str(root)))
    assert proc.returncode == 1
    assert "över gränsen 5 MB" in proc.stdout


def test_version_and_help():
    proc = _ok(run_styr("--version"))
    assert proc.returncode == 0 and proc.stdout.startswith("styr ")
    assert "validate" in _ok(run_styr("--help")).stdout


def test_schema_command(tmp_path):
    proc = _ok(run_styr("schema"))
    schema = json.loads(proc.stdout)
    assert schema["title"] == "Styrmodell: innehållsfil"
    assert {"mål", "indikatorer", "delegationsordning", "organisation"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False
    target = tmp_path / "schema" / "styrmodell-konfiguration.schema.json"
    proc = _ok(run_styr("schema", "--typ", "konfiguration", "-o", str(target)))
    assert proc.returncode == 0
    config_schema = json.loads(target.read_text("utf-8"))
    assert "målkedja" in config_schema["properties"]


def _stringify_keys(value):
    if isinstance(value, dict):
        return {str(k): _stringify_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify_keys(v) for v in value]
    return value


def test_schema_accepts_every_file_of_the_examples_and_rejects_unknown_keys():
    """What VS Code's yaml-language-server will do with the schema, done by a real validator."""
    import jsonschema

    from styrmodell.load.yamlload import load_text
    from styrmodell.model.schema import config_schema, content_schema

    content = jsonschema.Draft202012Validator(content_schema())
    config = jsonschema.Draft202012Validator(config_schema())
    checked = 0
    repos = [EXAMPLES / "grastorp", EXAMPLES / "astorp", *sorted((ROOT / "tests" / "repos").iterdir())]
    for repo in repos:
        for path in sorted(repo.rglob("*.yaml")):
            data = _stringify_keys(load_text(path.name, path.read_text("utf-8")).data)
            validator = config if path.name == "styrmodell.yaml" else content
            errors = [e.message for e in validator.iter_errors(data)]
            assert errors == [], f"{path}: {errors}"
            checked += 1
    assert checked > 20
    wrong = {"mål": [{"id": "m1", "nivå": "mål", "text": "x", "tjäner": ["y"]}]}
    assert any("tjäner" in e.message for e in content.iter_errors(wrong))
    flags = {"indikatorer": [{"id": "i1", "namn": "x", "enhet": "st", "riktning": "högre", "ackumulerad": "ja"}]}
    assert [e.message for e in content.iter_errors(flags)] == []
    flags["indikatorer"][0]["ackumulerad"] = "kanske"
    assert list(content.iter_errors(flags))


def test_schema_knows_the_short_forms_the_model_accepts():
    """The editor must not mark what `styr validera` accepts: a company's account as one text, and
    `överklagbart` as a way of appeal or the old true/false."""
    import jsonschema

    from styrmodell.model.schema import content_schema

    content = jsonschema.Draft202012Validator(content_schema())
    budget = {"budget": {"år": 2026, "koncernföretag": {"bostader": "Bolaget budgeterar 6 mnkr."}}}
    assert [e.message for e in content.iter_errors(budget)] == []
    for value in (True, False, "laglighetsprövning", "förvaltningsbesvär", "nej"):
        order = {"delegationsordning": {"rader": [{"id": "1", "ärende": "x", "delegat": "y", "överklagbart": value}]}}
        assert [e.message for e in content.iter_errors(order)] == [], value
    wrong = {"budget": {"år": 2026, "koncernföretag": {"bostader": {"resultat": 6.0}}}}
    assert list(content.iter_errors(wrong))


def test_rule_option_errors_are_swedish(repo_factory):
    root = repo_factory(replace={"styrmodell.yaml": [["max: 3", "max: 0"]]})
    proc = _ok(run_styr("validera", str(root)))
    assert proc.returncode == 2
    assert "regeln SM401: 'max' ska vara minst 1 (är 0)" in proc.stderr


@pytest.mark.parametrize(
    "example, relpath, old, new, expected",
    [
        (
            "grastorp",
            "organ/mbn/mal.yaml",
            "    tjänar: [mal-foretagsklimat]",
            "    tjänar: [mal-foretagsklimatet]",
            "organ/mbn/mal.yaml:8:14: fel SM201",
        ),
        (
            "grastorp",
            "organ/ks/delegationsordning.yaml",
            "      kategori: [upphandling]\n      delegat: ekonomichef",
            "      kategori: [mål och inriktning]\n      delegat: ekonomichef",
            "organ/ks/delegationsordning.yaml:51:18: fel SM602",
        ),
        (
            "astorp",
            "organ/kfn/mal.yaml",
            "Fler barn och unga deltar i förenings- och kulturliv 2026",
            "Fler barn och unga deltar i förenings- och kulturliv",
            "organ/kfn/mal.yaml:6:5: fel SM505",
        ),
        (
            "astorp",
            "organ/son/delegationsordning.yaml",
            '      delegat: ec-hemtjanst\n      vidaredelegerad_från: "1.2"',
            '      delegat: ordf-son\n      vidaredelegerad_från: "1.2"',
            "organ/son/delegationsordning.yaml:24:7: fel SM604",
        ),
    ],
)
def test_broken_variants_of_the_examples(tmp_path, example, relpath, old, new, expected):
    import shutil

    root = tmp_path / example
    shutil.copytree(EXAMPLES / example, root)
    path = root / relpath
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    proc = _ok(run_styr("validera", ".", cwd=root))
    assert proc.returncode == 1
    assert expected in proc.stdout, proc.stdout


def test_astorp_board_with_a_fourth_goal_breaks_the_limit_of_three(tmp_path):
    import shutil

    root = tmp_path / "astorp"
    shutil.copytree(EXAMPLES / "astorp", root)
    extra = (
        "organ: son\nmål:\n  - id: son-fjarde\n    nivå: nämndsmål\n    text: Fler får stöd i hemmet 2026\n"
        "    tjänar: [im-livskvalitet]\n    period: {från: 2023, till: 2026}\n    ansvarig: fc-sof\n"
        "    beslut: {organ: son, datum: 2022-12-15}\n    bedömningsmetod: Förvaltningens bedömning.\n"
    )
    (root / "organ/son/fjarde-mal.yaml").write_text(extra, "utf-8")
    proc = _ok(run_styr("validera", ".", cwd=root))
    assert proc.returncode == 1
    assert "fel SM401 'son' har 4 mål som gäller 2023–2026 (4 egna mål); högst 3 är tillåtet" in proc.stdout
