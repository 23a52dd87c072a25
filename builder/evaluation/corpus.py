"""An annotated corpus: a folder of page files, their gold annotations, and a manifest.

A corpus folder holds ``pages/``, ``gold/`` and ``manifest.json``; the pages may
also be elsewhere (the seeds' gold sits under ``tests/eval/corpus/seeds/`` while
the seed pages are the repository's ``seeds/``). The corpus is built the way
``python -m builder build`` builds it, and its files are hashed so that a pinned
floor is known to belong to the pages it was measured on.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import yaml


class CorpusError(ValueError):
    """A corpus that cannot be evaluated: the message names the file and the reason."""


@dataclass(frozen=True)
class Corpus:
    pages: Path
    gold: Path
    manifest: Path | None = None

    @classmethod
    def from_folder(cls, folder: Path | str) -> "Corpus":
        """A folder holding pages/, gold/ and (optionally) manifest.json."""
        folder = Path(folder)
        manifest = folder / "manifest.json"
        return cls(folder / "pages", folder / "gold", manifest if manifest.is_file() else None)

    def check(self) -> None:
        for what, path in (("pages folder", self.pages), ("gold folder", self.gold)):
            if not path.is_dir():
                raise CorpusError(f"{path}: {what} does not exist")
        if self.manifest is not None and not self.manifest.is_file():
            raise CorpusError(f"{self.manifest}: manifest does not exist")
        if not any(self.gold.glob("*.yaml")):
            raise CorpusError(f"{self.gold}: no gold files (*.yaml)")

    def golds(self) -> dict[str, dict]:
        """Gold file stem -> its annotation."""
        out = {}
        for path in sorted(self.gold.glob("*.yaml")):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
                raise CorpusError(f"{path}: cannot be read: {err}") from err
            if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
                raise CorpusError(f"{path}: no list of articles")
            out[path.stem] = data
        return out

    def page_map(self) -> dict[str, str]:
        """Page file name -> the page whose gold applies to it ({} without a manifest)."""
        if self.manifest is None:
            return {}
        try:
            data = json.loads(self.manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise CorpusError(f"{self.manifest}: cannot be read: {err}") from err
        if not isinstance(data, dict):
            raise CorpusError(f"{self.manifest}: not a mapping of page file names")
        return data

    def files(self) -> list[Path]:
        """The corpus proper: the page files (*.txt), the gold files and the manifest.

        The editors' corrections beside the pages are applied when the pages are built
        but are not part of the corpus: they belong to the build, as the code does.
        """
        found = sorted(self.pages.glob("*.txt")) + sorted(self.gold.glob("*.yaml"))
        return found + ([self.manifest] if self.manifest else [])

    def digest(self) -> str:
        """sha256 over the names and bytes of :meth:`files` (names relative to their folder)."""
        h = hashlib.sha256()
        for path in self.files():
            h.update(f"{path.parent.name}/{path.name}\0{path.stat().st_size}\0".encode())
            h.update(path.read_bytes())
        return "sha256:" + h.hexdigest()


def build_records(pages: Path, workers: int | None = 1, problems: list[str] | None = None) -> list[dict]:
    """Build the pages as ``python -m builder build`` does (corrections included, no cache) and
    return the articles of ``data/articles.json``; the build's messages about skipped page files
    and corrections not applied are added to ``problems`` when it is given."""
    from ..pipeline import build_digest
    from ..settings import Settings
    from ..site.exports import entry_record

    digest = build_digest(Settings.for_seeds(pages, workers=workers))
    if problems is not None:
        problems.extend(p.message for p in digest.problems)
    return [entry_record(e) for e in digest.entries]
