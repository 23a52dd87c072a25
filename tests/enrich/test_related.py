"""Related articles: three to five, by text similarity, zone and themes as tie-breakers, deterministic."""
from __future__ import annotations

from builder.model import Article, Entry, ThemeMatch
from builder.enrich.related import link_related


def make(id_, terms, zone=None, themes=()):
    norm = sum(w * w for _, w in terms) ** 0.5
    return Entry(id=id_, article=Article(page="p.txt", number=1, title=id_, paragraphs=()), zone=zone,
                 zone_key=zone, themes=tuple(ThemeMatch(t, 1.0) for t in themes),
                 term_weights=tuple((t, w / norm) for t, w in terms))


def corpus():
    return (
        make("a", [("石墨烯", 3), ("孵化器", 1)], zone="厦门火炬高新区"),
        make("b", [("石墨烯", 2), ("新材料", 1)], zone="株洲高新区"),
        make("c", [("石墨烯", 3), ("孵化器", 1.2)], zone="厦门火炬高新区"),
        make("d", [("人才", 3), ("职业教育", 1)], zone="衡阳高新区", themes=("人才与产教融合",)),
        make("e", [("人才", 1), ("工匠", 2)], zone="济宁高新区", themes=("人才与产教融合",)),
        make("f", [("基金", 2), ("授信", 1)], zone="湘潭高新区"),
        make("g", [("新材料", 1), ("孵化器", 1)], zone="株洲高新区"),
    )


def test_three_to_five_related_never_itself():
    for e in link_related(corpus()):
        assert e.id not in e.related
        assert len(e.related) <= 5
        assert len(set(e.related)) == len(e.related)
    out = {e.id: e.related for e in link_related(corpus())}
    assert len(out["a"]) >= 3


def test_most_similar_text_first_and_same_zone_breaks_ties():
    out = {e.id: e.related for e in link_related(corpus())}
    assert out["a"][0] == "c"          # same terms and same zone
    assert out["d"][0] == "e"          # shared term and shared theme
    assert "f" not in out["a"]         # nothing in common


def test_same_zone_wins_between_equally_similar_texts():
    entries = (make("x", [("石墨烯", 1)], zone="Z1"), make("y", [("石墨烯", 1)], zone="Z2"),
               make("z", [("石墨烯", 1)], zone="Z1"))
    out = {e.id: e.related for e in link_related(entries)}
    assert out["x"][0] == "z"


def test_deterministic_whatever_the_input_order():
    forward = {e.id: e.related for e in link_related(corpus())}
    backward = {e.id: e.related for e in link_related(tuple(reversed(corpus())))}
    assert forward == backward


def test_the_five_best_of_every_other_article_scored_in_full():
    # Brute force: every other article scored by the documented formula, no early stop.
    import random

    from builder.enrich.related import MAX_RELATED, MIN_RELATED, MIN_SCORE, THEME_BONUS, ZONE_BONUS
    rng = random.Random(3)
    words, zones, themes = [f"词{i}" for i in range(30)], ["甲高新区", "乙高新区", "丙高新区", None], ["主题一", "主题二", "主题三"]
    entries = tuple(
        make(f"a{i:02d}", [(w, rng.choice([1, 1, 2, 3])) for w in rng.sample(words, rng.randint(1, 6))],
             zone=rng.choice(zones), themes=rng.sample(themes, rng.randint(0, 2)))
        for i in range(36))  # few enough that no term's list of articles is cut
    for e in link_related(entries):
        scored = []
        for o in entries:
            theirs = dict(o.term_weights)
            sim = sum(w * theirs[t] for t, w in e.term_weights if t in theirs)  # in the article's term order
            same_zone = bool(e.zone) and e.zone == o.zone
            if o.id == e.id or not (sim > 0 or same_zone):
                continue
            bonus = (ZONE_BONUS if same_zone else 0.0) + THEME_BONUS * len({t.theme for t in e.themes} & {t.theme for t in o.themes})
            scored.append((-round(sim + bonus, 9), o.id))
        ranked = sorted(scored)[:MAX_RELATED]
        expected = [i for s, i in ranked if -s >= MIN_SCORE]
        if len(expected) < MIN_RELATED:
            expected = [i for s, i in ranked[:MIN_RELATED] if -s > 0]
        assert list(e.related) == expected, e.id


def test_champion_lists_and_query_terms_as_documented():
    # Many articles sharing few words: every word's list of articles is cut to its champions,
    # and each article looks up only its heaviest terms. Reference: the rule written out in Python.
    import random
    from collections import defaultdict

    from builder.enrich.related import MAX_POSTING, MAX_RELATED, MIN_RELATED, MIN_SCORE, QUERY_TERMS, THEME_BONUS, ZONE_BONUS
    rng = random.Random(11)
    words, zones, themes = [f"词{i}" for i in range(24)], ["甲高新区", "乙高新区", None], ["主题一", "主题二", "主题三"]
    entries = tuple(
        make(f"b{i:03d}", sorted(((w, rng.randint(1, 9)) for w in rng.sample(words, rng.randint(1, 20))), key=lambda tw: -tw[1]),
             zone=rng.choice(zones), themes=rng.sample(themes, rng.randint(0, 3)))
        for i in range(240))
    champions = defaultdict(list)
    for e in entries:
        for t, w in e.term_weights:
            champions[t].append((-w, e.id))
    champions = {t: dict((i, -nw) for nw, i in sorted(p)[:MAX_POSTING]) for t, p in champions.items()}
    assert max(len(p) for p in champions.values()) == MAX_POSTING < len(entries) / 2  # lists were cut
    first_of_zone = defaultdict(list)
    for e in entries:
        if e.zone and len(first_of_zone[e.zone]) < MAX_POSTING:
            first_of_zone[e.zone].append(e.id)
    by_id = {e.id: e for e in entries}
    for e in link_related(entries):
        sims = defaultdict(float)
        for t, w in e.term_weights[:QUERY_TERMS]:
            for other, wo in champions[t].items():
                sims[other] += w * wo
        for other in first_of_zone.get(e.zone, ()):
            sims[other] += 0.0
        sims.pop(e.id, None)
        mine = {t.theme for t in e.themes}
        ranked = sorted((-round(sim + (ZONE_BONUS if e.zone and e.zone == by_id[o].zone else 0.0)
                                + THEME_BONUS * len(mine & {t.theme for t in by_id[o].themes}), 9), o)
                        for o, sim in sims.items())[:MAX_RELATED]
        expected = [o for s, o in ranked if -s >= MIN_SCORE]
        if len(expected) < MIN_RELATED:
            expected = [o for s, o in ranked[:MIN_RELATED] if -s > 0]
        assert list(e.related) == expected, e.id
