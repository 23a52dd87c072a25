"""Names a zone shares with a district, town or area (新北区 for 常州高新区, 张江, 光谷) name the zone only
with a zone word after them; a mention of the district alone places the article in the district.
Provincial zones (安庆, 滨州) are found by their shape, not as national zones. Full gazetteer."""
from __future__ import annotations

import pytest

from builder.enrich.places import find_place
from builder.vocab import DATA_DIR, load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary(DATA_DIR)


def place(title, body, vocab):
    return find_place(title, body, vocab)


def test_a_district_named_alone_is_the_district_not_the_zone(vocab):
    p = place("新北区推进老旧小区改造", ["新北区今年改造老旧小区12个。", "新北区住建局负责人介绍了进展。"], vocab)
    assert (p.zone, p.zone_kind, p.city, p.province) == ("新北区", "county", "常州", "江苏")
    assert "常州高新区" not in p.mentions


def test_a_district_alias_with_a_zone_word_after_it_is_the_zone(vocab):
    p = place("张江科学城再添新平台", ["张江科学城今年引进研发机构8家。"], vocab)
    assert (p.zone_key, p.zone_kind, p.city) == ("张江高新区", "national", "上海")
    p = place("光谷园区集成电路项目开工", ["光谷园区今年开工项目12个。"], vocab)
    assert (p.zone_key, p.zone_kind, p.city) == ("武汉东湖高新区", "national", "武汉")


def test_a_town_or_area_sharing_a_zone_alias_makes_no_zone(vocab):
    p = place("张江镇老街焕新", ["张江镇的老街今年改造完成，居民出行更方便。"], vocab)
    assert p.zone_kind != "national"
    p = place("光谷广场周边交通改善", ["光谷广场周边新开公交线路3条。"], vocab)
    assert p.zone_kind != "national" and p.city in (None, "武汉")


def test_zone_with_its_district_in_parentheses_is_still_the_zone(vocab):
    p = place("常州高新区（新北区）集中签约", ["常州高新区（新北区）今年签约项目20个。"], vocab)
    assert (p.zone_key, p.zone_kind) == ("常州高新区", "national")


@pytest.mark.parametrize("zone,city,province", [("安庆高新区", "安庆", "安徽"), ("滨州高新区", "滨州", "山东")])
def test_a_provincial_zone_is_found_by_its_shape_not_as_national(zone, city, province, vocab):
    p = place(f"{zone}项目集中签约", [f"{zone}今年签约项目12个，总投资56亿元。"], vocab)
    assert (p.zone, p.city, p.province, p.zone_kind) == (zone, city, province, "hitech_zone")


def test_zone_approved_in_2023_and_the_official_name_of_shihezi(vocab):
    p = place("阿克苏阿拉尔高新区纺织产业提速", ["阿克苏阿拉尔高新区今年纺织产业产值增长两成。"], vocab)
    assert (p.zone_key, p.zone_kind, p.city, p.province) == ("阿克苏阿拉尔高新区", "national", "阿克苏", "新疆")
    p = place("园区动态", ["新疆生产建设兵团石河子高新技术产业开发区今年新增企业30家。"], vocab)
    assert (p.zone, p.zone_kind, p.province) == ("石河子高新区", "national", "新疆")
