"""Addresses once published keep working: renamed province slugs and article ids become redirects."""
from __future__ import annotations

import shutil
import subprocess
import sys

from builder.pipeline import build_digest
from builder.settings import Settings
from conftest import ROOT
from builder.site import render_site
from builder.vocab import default_vocabulary


def test_province_slugs_read_and_the_old_addresses_redirect():
    digest = build_digest(Settings.for_seeds(ROOT / "seeds", cache_dir=None))
    files = render_site(digest, default_vocabulary(), ROOT / "site_templates")
    assert "provinces/shaanxi.md" in files and "provinces/shan-xi-2.md" not in files
    page = files["provinces/shan-xi-2/index.html"]  # the address published before
    assert 'http-equiv="refresh" content="0; url=../shaanxi/"' in page and 'rel="canonical"' in page
    assert "provinces/hunan.md" in files and "../hunan/" in files["provinces/hu-nan/index.html"]


def test_a_headline_corrected_in_the_page_file_keeps_the_old_address(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    result = subprocess.run([sys.executable, "-m", "builder", "addresses", "--seeds", str(seeds), "--no-cache"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    before = {e.title: e.id for e in build_digest(Settings.for_seeds(seeds, cache_dir=None)).entries}
    old_id = before["昆山高新区聚力下好资本招商先手棋"]
    page = next(seeds.glob("000_*.txt"))
    page.write_text(page.read_text(encoding="utf-8").replace("昆山高新区聚力下好资本招商先手棋", "昆山高新区下好资本招商先手棋"),
                    encoding="utf-8")
    digest = build_digest(Settings.for_seeds(seeds, cache_dir=None))
    new_id = {e.title: e.id for e in digest.entries}["昆山高新区下好资本招商先手棋"]
    assert new_id != old_id and digest.moved == {old_id: new_id}
    files = render_site(digest, default_vocabulary(), ROOT / "site_templates")
    assert f"url=../{new_id}/" in files[f"articles/{old_id}/index.html"]
