"""The site: the digest rendered through the Jinja2 templates into the site's files
(``render.py``, with the catalog, exports, province map, links, escaping and writing
beside it), and the search index (``search*.py``).

``render_site`` is imported when first asked for (PEP 562), not with the package: MkDocs'
process imports the search modules of this package for the hook, and the renderer
would bring every vocabulary and matcher of the builder with it (about 100 MB) into a
process that never renders (``frontends/builder_apart.py``).
"""
from __future__ import annotations


def __getattr__(name: str):
    if name == "render_site":
        from .render import render_site
        return render_site
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
