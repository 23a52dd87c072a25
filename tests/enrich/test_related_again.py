"""Related articles made again only where an edit can change them (``enrich/related_again.py``):
after any change of some entries, the same lists as made from scratch."""
from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given, settings, strategies as st

from builder.enrich.related import MAX_POSTING, related_ids
from builder.enrich.related_again import RelatedMemo, related_ids_again
from builder.model import Article, Entry, ThemeMatch

TERMS = [f"词{n}" for n in range(30)]  # few terms: champion lists overflow MAX_POSTING
ZONES = [None, "衡阳高新区", "株洲高新区", "济宁高新区"]
THEMES = ["人才与产教融合", "数字经济", "科技金融"]
DATES = [None, "2024-06-17", "2024-06-18", "2024-07-01"]


def entry(i: int, rnd: random.Random, vocabulary: list[str] = TERMS) -> Entry:
    terms = rnd.sample(vocabulary, rnd.randint(1, 8))
    weights = [rnd.choice((0.5, 1.0, 2.0, 3.0)) for _ in terms]  # ties on purpose
    norm = sum(w * w for w in weights) ** 0.5
    zone = rnd.choice(ZONES)
    return Entry(id=f"a{i:04d}", article=Article(page="p.txt", number=i + 1, title=f"a{i}", paragraphs=()),
                 zone=zone, zone_key=zone, date=rnd.choice(DATES),
                 themes=tuple(ThemeMatch(t, 1.0) for t in rnd.sample(THEMES, rnd.randint(0, 2))),
                 term_weights=tuple(sorted(((t, w / norm) for t, w in zip(terms, weights)), key=lambda tw: -tw[1])))


def changed(e: Entry, rnd: random.Random) -> Entry:
    kind = rnd.randrange(4)
    if kind == 0:
        return replace(entry(int(e.id[1:]), rnd), id=e.id, date=e.date)  # new text, same article
    if kind == 1:
        zone = rnd.choice(ZONES)
        return replace(e, zone=zone, zone_key=zone)
    if kind == 2:
        return replace(e, themes=tuple(ThemeMatch(t, 1.0) for t in rnd.sample(THEMES, rnd.randint(0, 2))))
    return replace(e, date=rnd.choice(DATES))


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(seed=st.integers(0, 2**32 - 1), size=st.integers(MAX_POSTING // 2, 3 * MAX_POSTING),
       rounds=st.integers(1, 4))
def test_the_lists_made_again_are_the_lists_made_from_scratch(seed, size, rounds):
    rnd = random.Random(seed)
    entries = tuple(entry(i, rnd) for i in range(size))
    memo = RelatedMemo()
    assert related_ids_again(entries, memo) == related_ids(entries)
    for _ in range(rounds):
        picked = set(rnd.sample(range(size), rnd.randint(1, 3)))
        entries = tuple(changed(e, rnd) if i in picked else e for i, e in enumerate(entries))
        assert related_ids_again(entries, memo) == related_ids(entries)


def test_an_edit_of_one_article_makes_few_lists_again():
    rnd = random.Random(7)
    vocabulary = [f"词{n}" for n in range(2000)]  # an archive's words: most articles share none
    entries = tuple(entry(i, rnd, vocabulary) for i in range(400))
    memo = RelatedMemo()
    related_ids_again(entries, memo)
    assert memo.again == 400
    related_ids_again(entries, memo)
    assert memo.again == 0  # nothing changed
    edited = entries[:10] + (replace(entries[10], themes=()),) + entries[11:]
    assert related_ids_again(edited, memo) == related_ids(edited)
    assert 1 <= memo.again < 200  # its zone's articles (a quarter here) and those sharing its words


def test_other_ids_make_every_list_again():
    rnd = random.Random(3)
    entries = tuple(entry(i, rnd) for i in range(60))
    memo = RelatedMemo()
    related_ids_again(entries, memo)
    assert related_ids_again(entries[1:], memo) == related_ids(entries[1:])
    assert memo.again == 59
