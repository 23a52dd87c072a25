"""The command line from a non-editable install (``pip install .``), run inside a site
folder: the code is the installed package's, the templates, hand-written pages and seeds
are the site's (found from the current folder, or from the folder of mkdocs.yml above it)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The package installed as a copy (not editable) into a folder of its own."""
    target = tmp_path_factory.mktemp("installed")
    result = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(ROOT)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return target


@pytest.fixture()
def site(tmp_path) -> Path:
    """A site folder with no code in it: mkdocs.yml, templates, content and two seed pages."""
    site = tmp_path / "site"
    site.mkdir()
    for name in ("mkdocs.yml", "site_templates", "content"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, site / name)
    (site / "seeds").mkdir()
    for page in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        shutil.copy2(page, site / "seeds" / page.name)
    return site


def _run(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(installed))
    return subprocess.run([str(installed / "bin" / "zone-digest"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def test_the_installed_code_is_the_copy_not_the_checkout(installed, site):
    env = dict(os.environ, PYTHONPATH=str(installed))
    where = subprocess.run([sys.executable, "-c", "import builder; print(builder.__file__)"], cwd=site,
                           env=env, capture_output=True, text=True).stdout.strip()
    assert Path(where).is_relative_to(installed), where


def test_build_in_the_site_folder_uses_its_templates(installed, site):
    result = _run(installed, site, "build", "--seeds", "seeds", "--out", "out", "--no-cache")
    assert result.returncode == 0, result.stderr[-3000:]
    articles = json.loads((site / "out/data/articles.json").read_text(encoding="utf-8"))["articles"]
    assert articles and {a["source"]["file"] for a in articles} == {p.name for p in (site / "seeds").glob("*.txt")}


def test_build_in_a_subfolder_finds_the_site_by_its_mkdocs_yml(installed, site):
    # A template edited in the site changes the output: the site's templates are read.
    home = site / "site_templates" / "home.md.j2"
    home.write_text(home.read_text(encoding="utf-8") + "\nSITE-OWN-TEMPLATE\n", encoding="utf-8")
    sub = site / "seeds"
    result = _run(installed, sub, "build", "--seeds", ".", "--out", str(site / "out2"), "--no-cache")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "SITE-OWN-TEMPLATE" in (site / "out2" / "index.md").read_text(encoding="utf-8")
