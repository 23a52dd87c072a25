"""MkDocs hook: adds the digest's generated pages to the site as virtual files.

Nothing is written into ``content/`` (the docs folder), so ``mkdocs serve`` does
not see its own output and rebuild in a loop. One job per event:

- ``on_config``: write the search plugin's jieba user dictionary (zone names and
  domain terms) before the search plugin reads it, and pin the build date;
- ``on_files``: build the digest and add every rendered page as ``File.generated``;
- ``on_serve``: watch the seeds folder and corrections file when they lie
  outside mkdocs.yml's ``watch:`` list (``DIGEST_SEEDS``).

``DIGEST_SEEDS`` (environment) points the build at another folder of pages,
for previewing a few new pages without building the whole archive.
"""
from __future__ import annotations

import logging
import os
import subprocess
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
    return Settings.for_seeds(seeds, site_url=config.site_url or "")


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
    # MkDocs stamps the build date into sitemap.xml (lastmod) and sitemap.xml.gz
    # unless SOURCE_DATE_EPOCH is set; the last commit's date keeps two builds
    # of the same checkout byte-identical on any day.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = _last_commit_time(Path(config.config_file_path).parent)
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    return config


def _last_commit_time(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    text = out.stdout.strip()
    return text if out.returncode == 0 and text.isdigit() else None


def on_files(files: Files, config) -> Files:
    settings = _settings(config)
    digest = build_digest(settings)
    for problem in digest.problems:
        # A warning makes `mkdocs build --strict` fail, as the command line's --strict does.
        log.warning(problem.message)
    rendered = render_site(digest, load_vocabulary(settings.data_dir), settings.templates, settings.site_url)
    for path, content in sorted(rendered.items()):
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=content))
    return files


def on_serve(server, config, builder):
    """Watch the pages and corrections when ``DIGEST_SEEDS`` puts them outside ``watch:``.

    A path inside a folder already watched is not watched twice: two watchers
    of one file would report one edit twice and rebuild twice.
    """
    settings = _settings(config)
    watched = [Path(p).resolve() for p in config.watch] + [Path(config.docs_dir).resolve()]
    for path in (settings.seeds, settings.corrections):
        if path is None:
            continue
        path = Path(path).resolve()
        if path.exists() and not any(path == w or w in path.parents for w in watched):
            server.watch(str(path))
            watched.append(path)
    return server
