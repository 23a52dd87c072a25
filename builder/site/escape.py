"""Article text is data, never markup.

Page text goes into Markdown that MkDocs turns into HTML, so every character
that HTML or Markdown would act on is neutralised here: ``<`` ``>`` ``&`` become
entities and Markdown's punctuation is backslash-escaped. Jinja never sees the
text as a template (it is passed in as a value), so ``{{ }}`` needs nothing more.
"""
from __future__ import annotations

import json
import re

# Python-Markdown's backslash-escapable characters, plus | for tables.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def _entities(text: str) -> str:
    # Three C-level passes: faster than str.translate, which looks every character up in a dict.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def md_text(value: object) -> str:
    """Escape one line of text for a Markdown body. Newlines become spaces."""
    text = " ".join(str(value or "").split())
    text = _entities(text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def html_text(value: object) -> str:
    """Escape text for raw HTML inside Markdown (attributes and SVG)."""
    return _entities(str(value or "")).replace('"', "&quot;").replace("'", "&#39;")


def yaml_str(value: object) -> str:
    """A string for YAML front matter: HTML-escaped, then quoted as JSON.

    Material writes front-matter values into the page as raw HTML (``title`` in
    ``<title>`` and the header, ``description`` in a ``content="…"`` attribute,
    tag names), so they are escaped as HTML; a JSON string is valid YAML and
    cannot break out of its line.
    """
    return json.dumps(html_text(value), ensure_ascii=False)


def xml_text(value: object) -> str:
    return _entities(str(value or ""))
