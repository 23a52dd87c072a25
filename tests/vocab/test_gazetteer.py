"""The gazetteer's size and shape: 178 national zones, every province, every zone placed in a real city."""
from __future__ import annotations

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


def test_178_national_zones_with_unique_names(gaz):
    zones = gaz["zones"]
    assert len(zones) == 178
    names = [z["name"] for z in zones]
    assert len(set(names)) == 178
    for z in zones:
        assert z["name"] and z["full"] and z["city"] and z["province"], z


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
