"""The gazetteer's size and shape: the national zones and their counts, every province, every zone placed
in a real city, no alias that is also a district's name."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

GAZETTEER = Path(__file__).resolve().parents[2] / "builder" / "data" / "gazetteer.yaml"
MAINLAND = {"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽",
            "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州",
            "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆"}


@pytest.fixture(scope="module")
def gaz():
    return yaml.safe_load(GAZETTEER.read_text(encoding="utf-8"))


def test_national_zones_have_unique_names_and_every_field(gaz):
    zones = gaz["zones"]
    names = [z["name"] for z in zones]
    assert len(set(names)) == len(zones) > 170
    for z in zones:
        assert z["name"] and z["full"] and z["city"] and z["province"], z


def test_zone_counts_in_the_comments_match_the_entries():
    """The header's total and each province's ``# 安徽省 (7)`` count the entries that follow."""
    text = GAZETTEER.read_text(encoding="utf-8")
    header, zones_part = text.split("\nzones:\n", 1)
    total = re.search(r"zones: +the (\d+) National", header)
    assert total and int(total.group(1)) == len(yaml.safe_load(text)["zones"])
    counted: dict[str, list[int]] = {}
    province = None
    for line in zones_part.splitlines():
        m = re.match(r"  # (\S+?) \((\d+)\)$", line)
        if m:
            province = m.group(1)
            counted[province] = [int(m.group(2)), 0]
        elif line.startswith("  - name:"):
            assert province, "a zone before the first province comment"
            counted[province][1] += 1
    wrong = {p: c for p, c in counted.items() if c[0] != c[1]}
    assert counted and not wrong, wrong
    assert sum(n for _, n in counted.values()) == int(total.group(1))


def test_provincial_zones_are_not_listed_as_national(gaz):
    """安庆 and 滨州 have provincial zones only (no State Council approval)."""
    names = {n for z in gaz["zones"] for n in (z["name"], z["full"], *(z.get("aliases") or ()))}
    assert not {"安庆高新区", "滨州高新区", "安庆高新技术产业开发区", "滨州高新技术产业开发区"} & names
    assert not [z for z in gaz["zones"] if z["city"] in ("安庆", "滨州")]


def test_zones_approved_lately_with_their_official_names(gaz):
    by_name = {z["name"]: z for z in gaz["zones"]}
    aral = by_name["阿克苏阿拉尔高新区"]
    assert (aral["city"], aral["province"]) == ("阿克苏", "新疆")
    assert by_name["石河子高新区"]["full"] == "新疆生产建设兵团石河子高新技术产业开发区"


def test_no_plain_alias_is_a_county_or_city_name(gaz):
    """A name that is also a district's (新北区) is a district alias: it names the zone only with a
    zone word after it, so it must not be a plain alias nor the zone's name."""
    places = set(gaz["counties"]) | set(gaz["cities"])
    clash = {n: z["name"] for z in gaz["zones"] for n in (z["name"], *(z.get("aliases") or ())) if n in places}
    assert not clash
    district = {n for z in gaz["zones"] for n in z.get("district_aliases") or ()}
    plain = {n for z in gaz["zones"] for n in (z["name"], z["full"], *(z.get("aliases") or ()))}
    assert district and not district & plain


def test_no_zone_name_is_a_county_entry_unless_it_is_a_district(gaz):
    """光谷 (东湖高新区's nickname) is not a county-level place; 新北区 is a district, listed as one."""
    names = {n for z in gaz["zones"] for n in (z["name"], *(z.get("aliases") or ()), *(z.get("district_aliases") or ()))}
    assert not {n for n in names if n in gaz["counties"] and not n.endswith(("区", "县", "市", "旗"))}


def test_every_mainland_province_has_cities(gaz):
    assert MAINLAND <= set(gaz["provinces"])
    assert MAINLAND <= set(gaz["cities"].values())


def test_each_zone_lies_in_a_known_city_of_its_province(gaz):
    cities, provinces = gaz["cities"], gaz["provinces"]
    for z in gaz["zones"]:
        assert z["province"] in provinces, z["name"]
        assert z["city"] in cities, z["name"]
        assert cities[z["city"]] == z["province"], z["name"]


def test_counties_answer_to_known_cities(gaz):
    cities = gaz["cities"]
    bad = {county: city for county, city in gaz["counties"].items() if city not in cities}
    assert not bad


def test_no_zone_name_or_alias_belongs_to_two_zones(gaz):
    owner = {}
    for z in gaz["zones"]:
        for name in {z["name"], z["full"], *(z.get("aliases") or ())}:
            assert owner.setdefault(name, z["name"]) == z["name"], name


def test_county_level_places_resolve_to_their_prefecture_city(gaz):
    assert gaz["counties"]["昆山"] == "苏州"
    assert gaz["counties"]["桐乡"] == "嘉兴"
