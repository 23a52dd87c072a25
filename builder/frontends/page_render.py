"""MkDocs' rendering of a page (``Page.render``), with less work for the same HTML.

Most of the time Python-Markdown spends on the generated pages goes into reading their
raw HTML blocks (the facts list, the key figures, the source view's table) tag by tag,
twice: MkDocs looks for anchor ids in every tag (``_RawHTMLPreprocessor``), then
``md_in_html`` stores each block as it is (``HtmlBlockPreprocessor``). Neither changes a
block: each is copied into the page as written. So before them, each raw block whose end
is certain is set aside (:func:`set_aside`): it becomes a token block of the same tag,
which both read at once, and after them the token is given back the block's text in the
stash (:class:`_GiveBack`); the ids it holds are read with one regular expression.

The rest of the time goes into the inline patterns: each of the fifteen is searched for
in every paragraph, and in most paragraphs of Chinese text none of them can match (each
needs one of a few ASCII characters). A text holding none of those is given back as it
is at once (:func:`_plain_text_shortcut`), which is what the patterns would give; where
the Markdown in use has other patterns, or these changed, nothing is shortened.

Only blocks whose reading is certain are set aside: a block-level tag opening a line
outside any other block, strict tags throughout (double-quoted values, no ``<`` or ``>``
inside them), complete character references, closed at a line's end; no comment, script,
``markdown`` attribute or other construct that changes how the parser reads what
follows. At the first block that is not certain, setting aside stops for the rest of
the page. The search wrapper (``search_marks.mark_body_markdown``) is converted from its
inside and put round the HTML as ``md_in_html`` writes it.

``tests/site/test_page_render.py`` compares this with ``Page.render`` on every page of the
seeds' site, of a synthetic archive, and of pages made of the shapes above, varied.
"""
from __future__ import annotations

import bisect
import html
import logging
import re

import markdown
from markdown.preprocessors import Preprocessor
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.structure.pages")  # MkDocs' own: its level decides links_to_anchors

TOKEN = "digest-set-aside-"  # a page holding this text is rendered the plain way
# What makes the parser read the rest of a page differently (raw text, Markdown inside HTML,
# the stash's own marks): where one stands, nothing after it is set aside.
_RAW_TEXT_TAGS = ("script", "style", "textarea", "title", "pre", "math", "canvas", "option", "xmp", "plaintext")
_UNSURE = ("\x02", "\x03", "markdown", *(f"<{tag}" for tag in _RAW_TEXT_TAGS))
_INDENTED = re.compile(r"^ {1,3}<([a-zA-Z][a-zA-Z0-9]*)", re.M)  # a block opened there starts raw HTML too
# A strict tag: on one line, its attributes apart by spaces, their values double-quoted with no
# "<", ">" or line break inside (the parser's line and column counts stay simple).
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?: +[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"<>\n]*\")?)*) *(/?)>")
_TAG_START = re.compile(r"</?[a-zA-Z]")  # what the parser reads as a tag (else "<" is text)
_OPEN_LINE = re.compile(r"^<([a-zA-Z][a-zA-Z0-9]*)[ />]", re.M)
_ATTR = re.compile(r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"([^\"<>]*)\")?")
_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][-.a-zA-Z0-9]*);")
_REF_START = re.compile(r"&[#a-zA-Z]")


def _first_unsure(text: str) -> int:
    """Where setting aside stops (``len(text)``: nowhere): at one of ``_UNSURE`` (any
    occurrence counts, ``<preface`` or a word "markdown" in the text: only the shortcut is
    lost); before anything, where the parser could stop reading half way anywhere in the page
    (a tag that is not strict, a character reference that is not complete, ``<!`` or ``<?``):
    it then reads on from a shortened text, with line counts that depend on what came before,
    which setting aside would change. ``str.find`` on a lowered copy: far quicker than a
    regular expression over Chinese text."""
    if "<!" in text or "<?" in text or len(_TAG_START.findall(text)) != len(_TAG.findall(text)):
        return 0  # (equal counts: every tag strict)
    if "&" in text and any(not _REF.match(text, m.start()) for m in _REF_START.finditer(text)):
        return 0
    lowered, first = text.lower(), len(text)
    for needle in _UNSURE:
        at = lowered.find(needle, 0, first)
        if at >= 0:
            first = at
    return first


_NAMED: dict[str, re.Pattern] = {}


def _named(name: str) -> re.Pattern:
    """The opening and closing tags of one element name (``<dl …>``, ``</dl>``)."""
    found = _NAMED.get(name)
    if found is None:
        found = _NAMED[name] = re.compile(rf"<(/?){name}(?=[\s/>])", re.I)  # as the parser: any case
    return found


def _block_end(text: str, start: int, name: str, limit: int) -> int | None:
    """Where the raw block opening at ``start`` with tag ``name`` ends (past its closing tag,
    at a line's end), as Python-Markdown's HTML extractor finds it; None when not certain.
    Every tag of the page is strict (:func:`_first_unsure`), so each ``<name`` found is a tag
    and the first ``>`` after it ends it."""
    depth = 0
    for tag in _named(name).finditer(text, start, limit):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = text.find(">", tag.end()) + 1
            if end == 0 or not (end == len(text) or text[end] == "\n"):
                return None
            block = text[start:end]
            if "/>" in block and re.search(rf"<{name}\b[^>]*/>", block, re.I):
                return None  # <div/> inside: the extractor's empty tag, not an opening as counted here
            return end
    return None


def _ids(block: str) -> set:
    """The anchor ids MkDocs' ``_HTMLHandler`` finds in a block: each start tag's ``id`` (and
    an ``<a>``'s ``name``), unescaped; a valueless one as None, as the parser gives it."""
    found: set = set()
    if "id" not in block and "name" not in block:
        return found
    for tag in _TAG.finditer(block):
        attrs = tag.group(3)
        if tag.group(1) or ("id" not in attrs and "name" not in attrs):
            continue
        is_a = tag.group(2).lower() == "a"
        for attr in _ATTR.finditer(attrs):
            key = attr.group(1).lower()
            if key == "id" or (is_a and key == "name"):
                value = attr.group(2)
                found.add(None if value is None else html.unescape(value))
    return found


def set_aside(text: str, is_block_level) -> tuple[str, list[str], set, int]:
    """``text`` with each certain raw block replaced by a token block of the same tag; the
    blocks, in order; the anchor ids they hold; how far the text was read with certainty."""
    limit = _first_unsure(text)
    for indented in _INDENTED.finditer(text, 0, limit):
        if is_block_level(indented.group(1).lower()):
            limit = indented.start()
            break
    out, blocks, ids, pos = [], [], set(), 0
    for opening in _OPEN_LINE.finditer(text, 0, limit):
        if opening.start() < pos:
            continue  # inside a block set aside
        name = opening.group(1)
        if not is_block_level(name.lower()):
            continue
        end = _block_end(text, opening.start(), name, limit)
        if end is None:
            limit = opening.start()
            break  # where the extractor's block ends is not certain: the rest as it is
        block = text[opening.start():end]
        out.append(text[pos:opening.start()])
        out.append(f"<{name}>{TOKEN}{len(blocks)}</{name}>")
        blocks.append(block)
        ids |= _ids(block)
        pos = end
    out.append(text[pos:])
    sure = sum(map(len, out[:-1])) + max(0, limit - pos)
    return "".join(out), blocks, ids, sure


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINK_MARK = re.compile(r"[\[\]()]")


def _link_spans(chunk: str) -> list[tuple[int, int]] | None:
    """Where links' texts and addresses lie in a run of lines (``[`` to its ``]``, and the
    ``(…)`` right after a ``]``); None when the brackets do not pair plainly."""
    spans, depth, start, paren = [], 0, 0, 0
    for mark in _LINK_MARK.finditer(chunk):
        c, at = mark.group(), mark.start()
        if paren:
            if c in "[]":
                return None
            paren += 1 if c == "(" else -1
            if paren == 0:
                spans.append((start, mark.end()))
        elif c == "[":
            start = at if depth == 0 else start
            depth += 1
        elif c == "]":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                spans.append((start, mark.end()))
        elif c == "(" and depth == 0 and at > 0 and chunk[at - 1] == "]":
            paren, start = 1, at
    return None if depth or paren else spans


_ESCAPED_MARK = re.compile(r"\\[\\<\[\]()`]")


def stash_inline_tags(text: str, sure: int, is_block_level, store, ids: set) -> str:
    """The inline tags of the text read with certainty (before ``sure``) stashed as the inline
    ``html`` pattern would stash them (``store``: the stash's), so that neither raw HTML reader
    nor the inline patterns read them again; the ids they hold added to ``ids``.

    A tag an earlier pattern could take into something else is left as it is: in a run of lines
    holding a code span's backtick, an attribute list (``{``), a table (``|``), a backslash
    before a tag or bracket, or indented as code; inside a link's text or address; or holding
    a backslash itself (the pattern unescapes it)."""
    if sure < len(text):
        sure = text.rfind("\n", 0, sure) + 1  # whole lines only
    head, out, pos = text[:sure], [], 0

    def stashed(tag: re.Match, spans) -> str:
        whole = tag.group(0)
        at = bisect.bisect_right(spans, (tag.start(), len(text))) - 1  # the last span opening before it
        if "\\" in whole or is_block_level(tag.group(2).lower()) or (at >= 0 and tag.start() < spans[at][1]):
            return whole
        if not tag.group(1) and ("id" in whole or "name" in whole):
            ids.update(_ids(whole))
        return store(whole)

    for blank in [*_BLANK_LINE.finditer(head), None]:
        end = len(head) if blank is None else blank.start()
        chunk = head[pos:end]
        spans = None if any(c in chunk for c in "`{|\t") or _ESCAPED_MARK.search(chunk) or "\n    " in chunk \
            or chunk.startswith("    ") else _link_spans(chunk)
        if "<" in chunk and spans is not None:
            chunk = _TAG.sub(lambda tag, spans=spans: stashed(tag, spans), chunk)
        out.append(chunk)
        if blank is not None:
            out.append(blank.group())
            pos = blank.end()
    return "".join(out) + text[sure:]


class _SetAside(Preprocessor):
    """Before MkDocs' and ``md_in_html``'s readers of raw HTML: the certain blocks set aside."""

    def __init__(self, md):
        super().__init__(md)
        self.blocks: list[str] = []
        self.ids: set = set()

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if TOKEN in text:
            self.blocks, self.ids = [], set()
            return lines
        text, self.blocks, self.ids, sure = set_aside(text, self.md.is_block_level)
        text = stash_inline_tags(text, sure, self.md.is_block_level, self.md.htmlStash.store, self.ids)
        return text.split("\n")


class _GiveBack(Preprocessor):
    """After ``md_in_html``: each token in the stash given its block's text back."""

    def __init__(self, md, aside: _SetAside):
        super().__init__(md)
        self.aside = aside

    def run(self, lines: list[str]) -> list[str]:
        blocks = self.aside.blocks
        if blocks:
            stash = self.md.htmlStash.rawHtmlBlocks
            for i, item in enumerate(stash):
                if isinstance(item, str) and TOKEN in item:
                    stash[i] = _given_back(item, blocks)
        return lines


_TOKEN_BLOCK = re.compile(rf"<([a-zA-Z][a-zA-Z0-9]*)>{TOKEN}(\d+)</\1>")


def _given_back(item: str, blocks: list[str]) -> str:
    return _TOKEN_BLOCK.sub(lambda m: blocks[int(m.group(2))], item)


# Python-Markdown's inline patterns (3.x, as the site's extensions leave them) and what a
# text must hold for each to match: its pattern's source, checked before it is relied on.
INLINE_TRIGGERS = {
    "backtick": (r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)", "`"),
    "escape": (r"\\(.)", "\\"),
    "reference": (r"(?<!\!)\[", "["),
    "link": (r"(?<!\!)\[", "["),
    "image_link": (r"\!\[", "["),
    "image_reference": (r"\!\[", "["),
    "short_reference": (r"(?<!\!)\[", "["),
    "short_image_ref": (r"\!\[", "["),
    "autolink": (r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>", "<"),
    "automail": (r"<([^<> !]+@[^@<> ]+)>", "<"),
    "linebreak": (r"  \n", "  \n"),
    "html": (None, "<"),  # a long pattern; every match opens with "<"
    "entity": (r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)", "&"),
    "em_strong": (r"\*|_", "*_"),
}


def _plain_text_shortcut(md) -> None:
    """A text none of the inline patterns can match comes back from the inline processor
    at once, unchanged, as the patterns would leave it."""
    triggers = []
    for item in md.inlinePatterns._priority:
        known = INLINE_TRIGGERS.get(item.name)
        pattern = getattr(md.inlinePatterns[item.name], "pattern", None)
        if known is None or (known[0] is not None and pattern != known[0]) or \
                (known[0] is None and not str(pattern).startswith("(<")):
            return  # a pattern this does not know: every text through all of them
        triggers.append(known[1])
    chars = sorted({c for t in triggers if t != "  \n" for c in t})
    could_match = re.compile("[" + re.escape("".join(chars)) + "]" + ("|  \n" if "  \n" in triggers else ""))
    inline = md.treeprocessors["inline"]
    handle = inline._InlineProcessor__handleInline

    def handle_inline(data: str, patternIndex: int = 0) -> str:  # noqa: N803 - the processor's own name
        return handle(data, patternIndex) if could_match.search(data) else data

    inline._InlineProcessor__handleInline = handle_inline


_held: list = []  # [config, Markdown, its _SetAside]: the last configuration's


def _engine(config):
    """One Markdown instance per configuration, reset for each page (MkDocs makes a new one
    for every page; its extensions' state is what ``reset`` clears)."""
    if not _held or _held[0] is not config:
        md = markdown.Markdown(extensions=config["markdown_extensions"],
                               extension_configs=config["mdx_configs"] or {})
        _plain_text_shortcut(md)
        aside = _SetAside(md)
        md.preprocessors.register(aside, "digest_set_aside", 22)  # before mkdocs_raw_html (21)
        md.preprocessors.register(_GiveBack(md, aside), "digest_give_back", 19)  # after html_block (20)
        _held[:] = [config, md, aside]
    return _held[1], _held[2]


def render(page, config, files) -> None:
    """What ``Page.render`` leaves on ``page``, with the raw blocks set aside."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md, aside = _engine(config)
    md.reset()
    aside.blocks, aside.ids = [], set()  # a blank page converts without running any preprocessor
    raw_html = mkdocs_pages._RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    relative = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
    relative._register(md)
    title = mkdocs_pages._ExtractTitleTreeprocessor()
    title._register(md)
    page.content = md.convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids | aside.ids
    if log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative.links_to_anchors
