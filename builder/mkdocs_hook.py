"""MkDocs hook: adds the digest's generated pages to the site as virtual files.

Nothing is written into ``content/`` (the docs folder), so ``mkdocs serve`` does
not see its own output and rebuild in a loop. One job per event:

- ``on_config``: write the search plugin's jieba user dictionary (zone names and
  domain terms) before the search plugin reads it;
- ``on_files``: build the digest and add every rendered page as ``File.generated``.

``DIGEST_SEEDS`` (environment) points the build at another folder of pages,
for previewing a few new pages without building the whole archive;
``DIGEST_CACHE`` moves the per-page cache (default ``.cache/digest``).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from builder.pipeline import build_digest
from builder.render import render_site
from builder.settings import Settings
from builder.vocab import load_vocabulary

log = logging.getLogger("mkdocs.hooks.digest")


def _settings(config) -> Settings:
    root = Path(config.config_file_path).parent
    seeds = Path(os.environ.get("DIGEST_SEEDS") or root / "seeds")
    cache = Path(os.environ.get("DIGEST_CACHE") or root / ".cache" / "digest")
    return Settings.for_seeds(seeds, site_url=config.site_url or "", cache_dir=cache)


@event_priority(100)  # before the search plugin reads its user dictionary
def on_config(config):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    path = getattr(getattr(search, "config", None), "jieba_dict_user", None)
    if path:
        words = load_vocabulary(_settings(config).data_dir).user_dictionary()
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(f"{w} 20000\n" for w in words if " " not in w)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    return config


def on_files(files: Files, config) -> Files:
    settings = _settings(config)
    digest = build_digest(settings)
    for problem in digest.problems:
        # A warning makes `mkdocs build --strict` fail, as the command line's --strict does.
        log.warning(f"skipped page file {problem}")
    rendered = render_site(digest, load_vocabulary(settings.data_dir), settings.templates, settings.site_url)
    for path, content in sorted(rendered.items()):
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=content))
    return files
