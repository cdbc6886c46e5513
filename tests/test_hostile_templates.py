"""Templates and configuration stay inside the repository; a template is bounded in time and memory,
and every way it can fail is exit 2, "mallen ... går inte att använda", with the template and line."""

from __future__ import annotations

import pytest

from conftest import run_styr

SECRET = "EN HEMLIG RAD UTANFÖR REPOT"
BOUNDS = "gränser:\n  mall_sekunder: 2\n  mall_minne_mb: 256\nregler:"


@pytest.fixture
def outside(tmp_path):
    folder = tmp_path / "utanför"
    (folder / "rapporter").mkdir(parents=True)
    (folder / "hemlig.j2").write_text(SECRET + "\n", "utf-8")
    (folder / "rapporter" / "styrdokument.j2").write_text(SECRET + "\n", "utf-8")
    (folder / "förinställning.yaml").write_text("regler:\n  SM401: av\n# " + SECRET + "\n", "utf-8")
    return folder


def _repo(repo_factory, template: str | None = None, name: str = "styrdokument"):
    files = {f"mallar/rapporter/{name}.j2": template} if template is not None else {}
    return repo_factory(files=files, replace={"styrmodell.yaml": [["regler:", BOUNDS]]})


def _refused(proc, *words):
    assert proc.returncode == 2, proc.stdout[-300:] + proc.stderr
    assert SECRET not in proc.stdout + proc.stderr
    assert "internt fel" not in proc.stderr and "Traceback" not in proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_template_that_is_a_symlink_out_of_the_repository_is_refused(repo_factory, outside, tmp_path, fmt):
    root = _repo(repo_factory)
    (root / "mallar" / "rapporter").mkdir(parents=True)
    (root / "mallar" / "rapporter" / "styrdokument.j2").symlink_to(outside / "hemlig.j2")
    proc = run_styr("rapport", "styrdokument", str(root), "-f", fmt, "-o", str(tmp_path / f"ut.{fmt}"))
    _refused(proc, "mallar/rapporter/styrdokument.j2 är en symbolisk länk")
    assert not (tmp_path / f"ut.{fmt}").exists()


def test_a_templates_folder_that_is_a_symlink_is_refused(repo_factory, outside):
    root = _repo(repo_factory)
    (root / "mallar").symlink_to(outside)
    _refused(run_styr("rapport", "styrdokument", str(root)), "mallar är en symbolisk länk")


def test_an_include_through_a_symlinked_folder_is_refused(repo_factory, outside):
    root = _repo(repo_factory, "{% include 'delar/hemlig.j2' %}")
    (root / "mallar" / "delar").symlink_to(outside)
    _refused(run_styr("rapport", "styrdokument", str(root)), "mallar/delar är en symbolisk länk")


@pytest.mark.parametrize("path", ["/etc/passwd", "../../../../etc/passwd", "../styrmodell.yaml"])
def test_an_include_outside_the_templates_is_not_found(repo_factory, path):
    root = _repo(repo_factory, f"{{% include '{path}' %}}")
    _refused(run_styr("rapport", "styrdokument", str(root)), "mallar/rapporter/styrdokument.j2:1:", "finns inte")


def test_a_preset_through_a_symlink_is_refused(repo_factory, outside):
    root = repo_factory(replace={"styrmodell.yaml": [["kommun:", "extends: ./länk/förinställning.yaml\nkommun:"]]})
    (root / "länk").symlink_to(outside)
    _refused(run_styr("validera", str(root)), "länk i sökvägen är en symbolisk länk")
    _refused(run_styr("rapport", "styrdokument", str(root)), "symbolisk länk")


def test_a_configuration_that_is_a_symlink_is_refused(repo_factory, outside):
    root = repo_factory()
    real = outside / "styrmodell.yaml"
    real.write_text((root / "styrmodell.yaml").read_text("utf-8"), "utf-8")
    (root / "styrmodell.yaml").unlink()
    (root / "styrmodell.yaml").symlink_to(real)
    _refused(run_styr("validera", str(root)), "styrmodell.yaml: är en symbolisk länk")


@pytest.mark.parametrize(
    "extends, words",
    [("12", "extends ska vara"), ("[a, b]", "extends ska vara"), ("/etc/passwd", "inte är en fil i repot")],
)
def test_an_extends_that_is_no_preset_is_a_clean_error(repo_factory, extends, words):
    root = repo_factory(replace={"styrmodell.yaml": [["kommun:", f"extends: {extends}\nkommun:"]]})
    _refused(run_styr("validera", str(root)), "styrmodell.yaml:", words)


@pytest.mark.parametrize(
    "template, words",
    [
        ("{{ 1 / 0 }}", ["styrdokument.j2:1:", "division med noll"]),
        ("rad ett\n{{ d.municipality | tal }}", ["styrdokument.j2:2:", "går inte att använda"]),
        ("{{ none.x.y }}", ["styrdokument.j2:1:", "odefinierat värde"]),
        ("{% macro f() %}{{ f() }}{% endmacro %}\n{{ f() }}", ["styrdokument.j2:1:", "rekursion"]),
        ("{% extends 'rapporter/styrdokument.j2' %}", ["rekursion"]),
        ("{% for %}", ["styrdokument.j2:1:", "går inte att använda"]),
        ("{{ ''.__class__.__mro__ }}", ["styrdokument.j2:1:", "inte är tillåtet"]),
        ("{{ d.repo.__class__.__init__.__globals__ }}", ["inte är tillåtet"]),
        ("{{ cycler.__init__.__globals__.os }}", ["inte är tillåtet"]),
        ("{% include 'rapporter/finns-inte.j2' %}", ["finns inte"]),
        ("{{ 'a' * 10000000000 }}", ["mer minne än 256 MB"]),
        ("{{ [1] * 1000000000 }}", ["mer minne än 256 MB"]),
        ("{{ '{:>1000000000}'.format(1) }}", ["mer minne än 256 MB"]),
        ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", ["längre tid än 2 s"]),
        ("{{ lipsum(1000000) }}", ["längre tid än 2 s"]),
        ("{{ 10 ** 100000000 }}", ["längre tid än 2 s"]),
    ],
)
def test_every_template_failure_is_a_clean_exit_2_naming_template_and_line(repo_factory, template, words):
    root = _repo(repo_factory, template)
    proc = run_styr("rapport", "styrdokument", str(root), timeout=60)
    _refused(proc, "mallen för styrdokument", *words)


def test_a_template_that_is_not_utf8_or_cannot_be_read(repo_factory):
    root = _repo(repo_factory)
    path = root / "mallar" / "rapporter" / "styrdokument.j2"
    path.parent.mkdir(parents=True)
    path.write_bytes("rad ett\nGrästorp {{ d.municipality }}\n".encode("latin-1"))
    _refused(run_styr("rapport", "styrdokument", str(root)), "styrdokument.j2:2: mallen är inte UTF-8")
    path.unlink()
    path.mkdir()  # a folder where the template would be: not a template, the tool's own is used
    assert run_styr("rapport", "styrdokument", str(root)).returncode == 0


def test_a_docx_template_that_writes_no_block_stream(repo_factory, tmp_path):
    root = _repo(repo_factory, '{"t": "rubrik", "text": 1}\n')
    proc = run_styr("rapport", "styrdokument", str(root), "-f", "docx", "-o", str(tmp_path / "ut.docx"))
    _refused(proc, "går inte att använda som Word-dokument", "okänd blocktyp")


def test_a_good_template_of_the_repository_still_renders(repo_factory):
    root = _repo(repo_factory, "# Egen mall för {{ d.municipality }}\n\n{{ lipsum(1, html=false)[:11] }}\n")
    proc = run_styr("rapport", "styrdokument", str(root))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# Egen mall för Grästorps kommun")
