"""Which site a build is of: the folder of mkdocs.yml at or above the current one, else the
checkout the code runs from."""
from __future__ import annotations

from builder.settings import CODE_ROOT, Settings, find_site_root


def test_the_nearest_mkdocs_yml_above_names_the_site(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    deep = tmp_path / "seeds" / "2024"
    deep.mkdir(parents=True)
    assert find_site_root(deep) == tmp_path.resolve()
    settings = Settings.for_site(find_site_root(deep))
    assert settings.templates == tmp_path.resolve() / "site_templates"
    assert settings.seeds == tmp_path.resolve() / "seeds"


def test_a_folder_of_no_site_falls_back_to_the_checkout_of_the_code(tmp_path):
    assert (CODE_ROOT / "mkdocs.yml").is_file()  # these tests run from a checkout
    assert find_site_root(tmp_path) == CODE_ROOT
