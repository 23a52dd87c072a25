"""zone digest: OCR'd newspaper pages about China's high-tech zones, made into a searchable site.

The stages, in the order a page goes through them (``pipeline.py`` runs them):

    sources → repair → segment → enrich → corrections → site

- ``sources``: read the page files (encodings, bad files reported by name)
- ``repair``: mend OCR damage line by line (punctuation, misread characters and place names)
- ``segment``: cut a page into articles; every line placed somewhere
- ``enrich``: zone, province and city, themes, tags, key figures, related articles
- ``corrections``: the editors' corrections file, read and checked, then applied
- ``site``: the Markdown pages, data exports, province map and search index

Beside them the shared parts: ``model.py`` (the frozen values handed from stage to stage),
``settings.py``, ``ids.py`` (stable ids and slugs), ``vocab`` (vocabularies and typed rule
files from ``data/``), ``textmatch`` (tries, anchored rules, regex facts, word cutting),
``runtime`` (page cache, worker processes), ``frontends`` (command line, MkDocs hook,
preview) and ``bench`` (the benchmark and its synthetic archive).
"""
