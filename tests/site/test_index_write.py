"""The search index written by the builder (``site/index_write.py``) against Pagefind's own
indexer, on the seeds' built site: the same code words on the same pages at the same
positions, the same text, title and address kept for each page, the same date order; and
the files read by Pagefind's script (``test_search_reader.py`` compares the two readers)."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from pagefind_files import read_index, unpacked

from builder.site import cbor, index_write, search
from builder.site.index_write import IndexWriter, part_of
from builder.site.page_text import read_page


def _pagefind_index(built_site, tmp_path):
    """Pagefind's own index of the built site's pages (its program run over a copy)."""
    site = tmp_path / "theirs"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    subprocess.run([str(search.executable()), "--site", str(site), "--output-subdir", "pagefind"],
                   check=True, capture_output=True)
    return read_index(site / "pagefind")


def _without_field(text: str) -> str:
    start = text.find(search.FIELD_MARK)
    end = text.find(search.FIELD_MARK, start + 1)
    return " ".join((text[:start] + text[end + 1:]).replace("\u200b", "").split()) if end > 0 else text


def test_the_index_holds_what_pagefinds_indexer_gives_the_same_pages(built_site, tmp_path):
    ours = read_index(built_site / "pagefind")
    theirs = _pagefind_index(built_site, tmp_path)
    codes = {w for _, html in _pages(built_site) for w in read_page(html).field} - {search.FIELD_MARK, search.RUN_BREAK}
    assert len(codes) > 5000
    assert {w for w in ours.words if w.isascii()} <= set(theirs.words)  # the hand-written page's codes too
    for word in codes:
        assert ours.words[word] == theirs.words[word], word
    assert ours.fragments.keys() == theirs.fragments.keys()
    for url, fragment in theirs.fragments.items():
        assert ours.fragments[url]["content"] == _without_field(fragment["content"]), url
        assert ours.fragments[url]["meta"]["title"] == fragment["meta"]["title"]
    # the same pages in the same order of dates (pages of one date in the order each index numbers them)
    dates = {url: read_page(html).sorts for url, html in _pages(built_site)}
    assert [dates[u] for u in ours.sorts["date"]] == [dates[u] for u in theirs.sorts["date"]]
    assert sorted(ours.sorts["date"]) == sorted(theirs.sorts["date"]) and ours.sorts["date"]


def test_a_lone_chinese_character_is_a_word_at_each_of_its_places(built_site):
    ours = read_index(built_site / "pagefind")
    for url, fragment in ours.fragments.items():
        text = fragment["content"]
        if "高" in text:
            positions = ours.words["高"][url]
            assert len(positions) == text.count("高")
    assert "新" in ours.words and "高新" not in ours.words  # pairs are code words


def test_cbor_gives_back_the_bytes_pagefind_wrote(built_site, tmp_path):
    theirs = tmp_path / "theirs"
    _pagefind_index(built_site, tmp_path)
    files = list(theirs.glob("pagefind/pagefind.*.pf_meta")) + list(theirs.glob("pagefind/index/*.pf_index"))
    assert len(files) > 2
    for path in files:
        data = unpacked(path)
        assert bytes(cbor.encode(cbor.decode(data))) == data, path


def _pages(built_site):
    pages = sorted((built_site / "articles").glob("*/index.html"))
    return [("/" + p.parent.relative_to(built_site).as_posix() + "/", p.read_text(encoding="utf-8")) for p in pages]


def _written(folder, pages):
    writer = IndexWriter(folder, "zh")
    for url, html in pages:
        writer.add(url, html)
    writer.finish()
    return sorted((p.relative_to(folder).as_posix(), p.read_bytes()) for p in folder.rglob("*") if p.is_file())


def test_words_sent_to_their_parts_at_every_page_give_the_same_files(built_site, tmp_path, monkeypatch):
    # The fast path holds a few MB of words before writing them out, and remembers the words'
    # parts; the plain one writes each page's words at once and remembers nothing: the parts,
    # and so every file, must not differ.
    pages = _pages(built_site)
    held = _written(tmp_path / "held", pages)
    monkeypatch.setattr(index_write, "FLUSH_WORDS", 0)
    monkeypatch.setattr(index_write, "PART_MEMO", 0)
    assert _written(tmp_path / "each", pages) == held


def test_parts_taken_in_order_hold_the_words_in_sorted_order():
    words = ["0", "9z", "a", "a0", "aa", "az", "a~", "b", "zz", "zzzzzz", "~", "\u00e9", "一", "高", "\U00020000"]
    assert sorted(words, key=lambda w: (part_of(w), w)) == sorted(words)


def test_a_build_that_stops_leaves_the_last_index_as_it_was(built_site, tmp_path):
    folder = tmp_path / "pagefind"
    before = _written(folder, _pages(built_site)[:3])
    writer = IndexWriter(folder, "zh")
    for url, html in _pages(built_site):
        writer.add(url, html)
    writer.close()  # stopped before finish
    after = sorted((p.relative_to(folder).as_posix(), p.read_bytes()) for p in folder.rglob("*") if p.is_file())
    assert after == before
    assert [p.name for p in tmp_path.iterdir()] == ["pagefind"]


def test_two_pages_whose_names_would_collide_get_longer_names():
    names: dict[str, str] = {}
    first = index_write._short_name(names, "zh", "abcdef0" + "1" * 33)
    second = index_write._short_name(names, "zh", "abcdef0" + "2" * 33)
    again = index_write._short_name(names, "zh", "abcdef0" + "1" * 33)
    assert (first, second, again) == ("zh_abcdef0", "zh_abcdef02", "zh_abcdef0")


@pytest.mark.parametrize("count", [0, 1])
def test_an_index_of_no_page_or_one_still_loads(tmp_path, count):
    folder = tmp_path / "pagefind"
    writer = IndexWriter(folder, "zh")
    if count:
        writer.add("/a/", '<html lang="zh"><body><div data-pagefind-body><h1>标题</h1><p>高新区</p></div></body></html>')
    assert writer.finish() == count
    index = read_index(folder)
    assert len(index.meta[1]) == count and (folder / "pagefind.js").is_file()


def test_chunks_written_from_encoded_parts_are_what_the_plain_encoder_gives(built_site):
    chunks = list((built_site / "pagefind" / "index").glob("*.pf_index"))
    assert len(chunks) > 2
    for path in chunks:
        data = unpacked(path)
        assert bytes(cbor.encode(cbor.decode(data))) == data, path


@pytest.mark.parametrize("positions", [[7], [0, 3, 300, 70_000]])
def test_a_words_locations_are_what_the_plain_encoder_gives(positions):
    # the weight first (plain text), then each position's step from the one before
    count, data = index_write.locations(positions)
    steps = [b - a for a, b in zip([0, *positions], positions)]
    assert data == bytes(cbor.encode([-index_write.PLAIN - 1, *steps])) and count == len(steps) + 1
