"""The search box is a copy of Material's ``partials/search.html`` (without Material's own
search hooks) that digest-search.js fills. When an upgrade of Material renames a class or
an id the copy and the script rely on, the box would lose its styling or stop opening:
this test fails first, naming what went missing."""
from __future__ import annotations

import re
from pathlib import Path

import material

from conftest import ROOT

OVERRIDES = ROOT / "site_templates/overrides"
MATERIAL = Path(material.__file__).parent / "templates"


def _classes(html: str) -> set[str]:
    return {c for attr in re.findall(r'class="([^"]*)"', html) for c in attr.split() if c.startswith("md-")}


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"{]+)"', html)) | set(re.findall(r'\bfor="([^"{]+)"', html))


def _script_names(js: str) -> tuple[set[str], set[str]]:
    """Material's classes and ids the script names (selectors and classes it sets)."""
    strings = re.findall(r'"([^"]*)"', js)
    classes = {c for s in strings for c in re.findall(r"\.?(md-[a-z0-9_-]+)", s)}
    ids = set(re.findall(r'getElementById\("([^"]+)"\)', js)) | {i for s in strings for i in re.findall(r"#(__[a-z]+)", s)}
    return classes, ids


def _material_css() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (MATERIAL / "assets/stylesheets").glob("main.*.min.css"))


def test_every_material_class_of_the_copied_partial_is_in_materials_own():
    ours = _classes((OVERRIDES / "partials/search.html").read_text(encoding="utf-8"))
    theirs = _classes((MATERIAL / "partials/search.html").read_text(encoding="utf-8"))
    assert ours, "the copied partial names no md- class: the test would check nothing"
    assert ours <= theirs, f"classes gone from Material's partials/search.html: {sorted(ours - theirs)}"


def test_the_ids_the_partial_and_script_use_are_materials():
    partial = (OVERRIDES / "partials/search.html").read_text(encoding="utf-8")
    js = (OVERRIDES / "assets/javascripts/digest-search.js").read_text(encoding="utf-8")
    # Material's own ids start with two underscores (__search, the toggle of the box).
    wanted = {i for i in _ids(partial) | _script_names(js)[1] if i.startswith("__")}
    material_html = "\n".join(p.read_text(encoding="utf-8") for p in MATERIAL.rglob("*.html"))
    assert "__search" in wanted, "the search toggle's id is expected among those used"
    missing = {i for i in wanted if f'id="{i}"' not in material_html}
    assert not missing, f"ids no longer in Material's templates: {sorted(missing)}"


def test_every_material_class_the_script_sets_or_selects_is_styled_by_material():
    js = (OVERRIDES / "assets/javascripts/digest-search.js").read_text(encoding="utf-8")
    classes = _script_names(js)[0]
    css = _material_css()
    assert classes, "the script names no md- class: the test would check nothing"
    missing = sorted(c for c in classes if not re.search(r"\." + re.escape(c) + r"(?![a-z0-9_-])", css))
    assert not missing, f"classes Material's stylesheet no longer has: {missing}"
