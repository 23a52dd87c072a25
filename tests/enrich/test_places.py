"""Zone, province and city: the zone an article is mainly about, county → city, null when no place."""
from __future__ import annotations

import pytest

from builder.enrich.places import find_place
from builder.textmatch.trie import trie_pattern
from builder.vocab import DATA_DIR, load_vocabulary
from enrich_samples import sample, seed_articles


@pytest.fixture(scope="module")
def vocab(tmp_path_factory):
    from enrich_samples import sample_vocabulary
    return sample_vocabulary(tmp_path_factory.mktemp("vocab"))


def place_of(s, vocab):
    return find_place(s["title"] or "", s["paragraphs"], vocab, s["kicker"])


@pytest.mark.parametrize("s", seed_articles(), ids=lambda s: (s["title"] or str(s["zone"]))[:12])
def test_seed_article_zone_province_city(s, vocab):
    place = place_of(s, vocab)
    assert (place.zone, place.province, place.city) == (s["zone"], s["province"], s["city"])


def test_several_zones_named_the_headline_zone_wins_and_others_are_mentions(vocab):
    # 郴州高新区 and 湖南自贸区郴州片区 share the headline; the national zone is first and wins the tie
    place = place_of(sample("郴州高新区"), vocab)
    assert place.zone == "郴州高新区"
    assert place.mentions == ("湖南自贸区郴州片区",)
    # 泰州经济开发区 is named in the body as often as the zone, but the headline decides
    place = place_of(sample("泰州医药高新区"), vocab)
    assert place.zone == "泰州医药高新区（高港区）" and place.zone_key == "泰州医药高新区"
    assert "泰州经济开发区" in place.mentions


def test_the_zone_named_most_beats_the_zone_named_first(vocab):
    body = ["近日，长沙高新区与株洲高新区签署合作协议。",
            "株洲高新区将在中国动力谷建设新平台。株洲高新区有关负责人介绍，株洲高新区已引进企业30家。"]
    place = find_place("园区合作再提速", body, vocab)
    assert place.zone == "株洲高新区" and place.city == "株洲"
    assert place.mentions == ("长沙高新区",)


def test_county_level_place_resolves_to_its_prefecture_city(vocab):
    place = place_of(sample("昆山高新区"), vocab)
    assert (place.zone, place.city, place.province) == ("昆山高新区", "苏州", "江苏")
    place = find_place("张家港：新材料产业加速集聚", ["张家港市今年新签约项目12个。张家港将继续做强新材料产业。"], vocab)
    assert (place.zone, place.city, place.province) == ("张家港", "苏州", "江苏")


def test_town_institution_new_area_and_city_are_placed_by_city(vocab):
    town = place_of(sample("桐乡乌镇"), vocab)
    assert (town.zone, town.city, town.zone_kind) == ("乌镇", "嘉兴", "town")
    institute = place_of(sample("浙江大学台州研究院"), vocab)
    assert (institute.zone, institute.city) == ("台州", "台州")
    new_area = place_of(sample("数字经济，钱塘"), vocab)
    assert (new_area.zone, new_area.city, new_area.zone_kind) == ("钱塘新区", "杭州", "new_area")
    city = place_of(sample("玉溪市"), vocab)
    assert (city.zone, city.city, city.province, city.zone_kind) == ("玉溪市", "玉溪", "云南", "city")


def test_no_place_named_gives_nulls(vocab):
    place = place_of(sample("“智汇营商大脑”"), vocab)
    assert (place.zone, place.province, place.city, place.mentions) == (None, None, None, ())


def test_a_province_alone_gives_the_province_but_no_zone_or_city(vocab):
    place = find_place("湖南出台科技金融新政", ["湖南省科技厅日前印发通知，支持科技型企业融资。"], vocab)
    assert (place.zone, place.province, place.city) == (None, "湖南", None)


def test_zone_printed_with_district_or_full_name(vocab):
    place = place_of(sample("杭州高新区(滨江)"), vocab)
    assert place.zone == "杭州高新区(滨江)" and place.zone_key == "杭州高新区"
    # the official full name is reported by the gazetteer's short name
    place = find_place("新项目落地", ["衡阳国家高新技术产业开发区近日新签约项目5个。"], vocab)
    assert place.zone == "衡阳高新区"
    # an alias printed by the article is kept as printed (威海高新区 for 威海火炬高新区)
    place = place_of(sample("威海高新区"), vocab)
    assert place.zone == "威海高新区" and place.zone_key == "威海火炬高新区"


def test_words_that_look_like_places_are_not_towns_or_zones(vocab):
    place = find_place("制造业重镇", ["衡阳重镇地位更加巩固，衡阳市工业增加值增长8%。"], vocab)
    assert (place.zone_kind, place.city) == ("city", "衡阳")  # 衡阳重镇 is not a town
    assert place.mentions == ()


def test_trie_pattern_prefers_the_longest_name():
    import re
    rx = re.compile(trie_pattern(["泰州", "泰州医药高新区", "泰兴"]))
    assert [m.group(0) for m in rx.finditer("泰州医药高新区和泰州、泰兴")] == ["泰州医药高新区", "泰州", "泰兴"]


def _full_gazetteer_zones() -> int:
    path = DATA_DIR / "gazetteer.yaml"
    return len(load_vocabulary(DATA_DIR).gazetteer.zones) if path.exists() else 0


@pytest.mark.skipif(_full_gazetteer_zones() < 170,
                    reason="the full gazetteer is not in builder/data yet (the lead commits it on main)")
@pytest.mark.parametrize("s", seed_articles(), ids=lambda s: (s["title"] or str(s["zone"]))[:12])
def test_seed_article_with_the_full_gazetteer(s):
    place = place_of(s, load_vocabulary(DATA_DIR))
    assert (place.zone, place.province, place.city) == (s["zone"], s["province"], s["city"])


def test_a_high_tech_zone_missing_from_the_gazetteer_is_found_by_its_shape(vocab):
    place = find_place("益阳高新区：新签约项目8个", ["益阳高新区今年新签约项目8个，益阳高新区负责人表示。"], vocab)
    assert (place.zone, place.city, place.province, place.zone_kind) == ("益阳高新区", "益阳", "湖南", "hitech_zone")
    # a city name written with 市 before a national zone is still the national zone
    place = find_place("园区动态", ["衡阳市高新区新增企业20家。"], vocab)
    assert (place.zone_key, place.zone_kind) == ("衡阳高新区", "national")


def test_a_bare_county_name_cut_through_by_a_word_names_no_place():
    # 和 | 龙头企业: the county 和龙 is not named here.
    place = find_place("高新区如何培育耐心资本", ["高新区可以依托区内高校院所和龙头企业，建立技术专家库。"],
                       load_vocabulary())
    assert place.zone is None and place.city is None, place


def test_a_bare_county_name_standing_as_a_word_is_the_county():
    place = find_place("和龙推进产业升级", ["近日，和龙举行项目签约仪式，新工厂在和龙开工。"], load_vocabulary())
    assert (place.zone_key, place.province) == ("和龙", "吉林")


@pytest.mark.parametrize("title, zone, kind", [
    ("中国科学院衡阳应用化学研究所：新材料成果加速落地", "中国科学院衡阳应用化学研究所", "institution"),
    ("之江实验室：智能计算平台向企业开放", "之江实验室", "institution"),
    ("湖南大学：与衡阳共建创新平台", "湖南大学", "institution"),
    ("清华大学研究生院：产学研融合再提速", "衡阳", "city"),     # 研究生院 is not one of the rule's institutions
    ("衡阳高新区：研究院集群加速崛起", "衡阳高新区", "national"),  # a zone in the headline stays the zone
])
def test_a_headline_opening_with_an_institution_makes_it_the_zone(vocab, title, zone, kind):
    body = ["该机构与衡阳本地企业共建联合实验室。", "衡阳市为其提供场地和资金支持。"]
    place = find_place(title, body, vocab)
    assert (place.zone, place.zone_kind, place.city, place.province) == (zone, kind, "衡阳", "湖南")


def test_an_institution_named_with_its_city_or_beside_a_zone_leaves_the_zone_alone(vocab):
    # the city in the name places it (the seeds' 浙江大学台州研究院 is 台州's)
    place = find_place("电子科技大学衢州研究院：打造数字产业高地", ["研究院与衢州企业合作。衢州市给予支持。"], vocab)
    assert place.zone == "衢州"
    place = find_place("某某研究院：助力株洲高新区产业升级", ["株洲高新区与研究院签约。株洲高新区企业受益。"], vocab)
    assert place.zone == "株洲高新区"


def test_places_named_only_in_a_list_of_places_make_no_zone(vocab):
    # a national survey naming pilot zones in a list is about none of them
    body = ["科技部近日印发通知，在全国组织开展试点。",
            "首批试点园区包括天津滨海、南京、重庆、成都、潍坊等28个国家高新区。",
            "通知要求各地加强组织实施。"]
    place = find_place("多部门联合开展科技成果转化行动", body, vocab)
    assert (place.zone, place.city) == (None, None)


def test_a_zone_named_in_a_list_and_again_on_its_own_is_still_the_zone(vocab):
    body = ["近日，长沙、株洲、湘潭三地高新区签约。", "株洲高新区将在中国动力谷建设新平台。株洲高新区已引进企业30家。"]
    place = find_place("园区合作再提速", body, vocab)
    assert (place.zone, place.city) == ("株洲高新区", "株洲")
