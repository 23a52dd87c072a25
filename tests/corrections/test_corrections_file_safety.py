"""The corrections file read safely and exactly: no alias bombs, bounded size and messages,
a kind given twice reported, text kept as written (``retitle: 010`` is "010")."""
from __future__ import annotations

import time
import tracemalloc

import pytest

from builder.corrections.check import load_corrections
from builder.sources.editor_yaml import MAX_BYTES, YamlRefused, read_tree
from builder.vocab import load_vocabulary

ID = "heng-yang-gao-xin-qu-da-zao-shu-zhi-6f0e83"


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def load(tmp_path, text: str, vocab):
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    return load_corrections(path, vocab)


def bomb(levels: int = 9) -> str:
    """A few hundred bytes that expand to 10**levels strings when aliases are followed."""
    lines = ['a0: &a0 ["lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    lines.append(f"{ID}:\n  tags: *a{levels}")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_before_anything_is_expanded(tmp_path, vocab):
    text = bomb()
    assert len(text) < 700
    tracemalloc.start()
    try:
        found = load(tmp_path, text, vocab)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not found.items
    (problem,) = found.problems
    assert "anchors and aliases" in problem.reason and problem.line == 1
    assert len(problem.message) < 300
    assert peak < 5_000_000


def test_a_single_alias_is_refused_too(tmp_path, vocab):
    found = load(tmp_path, f"x: &t 新标题\n{ID}:\n  retitle: *t\n", vocab)
    assert not found.items and "aliases" in found.problems[0].reason


def test_a_file_larger_than_the_limit_is_refused_by_its_size(tmp_path, vocab):
    path = tmp_path / "corrections.yaml"
    with open(path, "wb") as f:
        f.truncate(50_000_000)
    found = load_corrections(path, vocab)
    assert not found.items
    assert f"{MAX_BYTES:,} at most" in found.problems[0].reason


def test_hundred_thousand_tags_are_refused_quickly_with_a_short_message(tmp_path, vocab):
    tags = ", ".join(f"标签{i}" for i in range(100_000))
    started = time.process_time()
    found = load(tmp_path, f"{ID}:\n  tags: [{tags}]\n", vocab)
    spent = time.process_time() - started
    assert not found.items
    assert "at most" in found.problems[0].reason and len(found.problems[0].message) < 300
    assert spent < 30, f"{spent:.1f} s for one list of tags"  # was minutes: every tag against every other


def test_a_kind_given_twice_under_one_id_is_reported_and_the_first_kept(tmp_path, vocab):
    found = load(tmp_path, f"{ID}:\n  retitle: 第一个标题\n  tags: [甲]\n  retitle: 第二个标题\n", vocab)
    assert [(c.kind, c.value) for c in found.items] == [("retitle", "第一个标题"), ("tags", ("甲",))]
    (problem,) = found.problems
    assert problem.line == 4 and "retitle" in problem.reason and "line 2" in problem.reason


@pytest.mark.parametrize("written, title", [("010", "010"), ("1e3", "1e3"), ("2024-06-17", "2024-06-17"),
                                            ("0x1A", "0x1A"), ("yes", "yes"), ("'010'", "010")])
def test_a_retitle_keeps_the_text_as_written(tmp_path, vocab, written, title):
    found = load(tmp_path, f"{ID}:\n  retitle: {written}\n", vocab)
    assert not found.problems
    assert found.items[0].value == title


def test_tags_keep_their_text_and_numbers_select_in_decimal(tmp_path, vocab):
    found = load(tmp_path, f"{ID}:\n  tags: [5G, 010]\n  debris: [010, 图片来源]\n", vocab)
    assert not found.problems
    assert {c.kind: c.value for c in found.items} == {"tags": ("5G", "010"), "debris": (10, "图片来源")}


def test_a_key_given_twice_inside_a_value_is_reported(tmp_path, vocab):
    found = load(tmp_path, f"{ID}:\n  rezone: {{zone: 衡阳高新区, zone: 昆山高新区}}\n", vocab)
    assert not found.items and "given twice" in found.problems[0].reason


def test_a_long_hostile_value_gives_a_bounded_message(tmp_path, vocab):
    found = load(tmp_path, f"{ID}:\n  unknownkind{'x' * 100_000}: 1\n", vocab)
    assert found.problems and len(found.problems[0].message) < 400


def test_pages_yaml_and_any_editors_file_are_read_with_the_same_guards(tmp_path):
    path = tmp_path / "pages.yaml"
    path.write_text(bomb(), encoding="utf-8")
    with pytest.raises(YamlRefused, match="aliases"):
        read_tree(path)
    path.write_text("000_e871fc29704ad4c6.txt:\n  date: 2024-06-17\n", encoding="utf-8")
    loader, root = read_tree(path)
    assert root.value[0][0].value == "000_e871fc29704ad4c6.txt"


@pytest.mark.parametrize("levels", [50, 1_000_000])
def test_deep_nesting_is_refused_before_the_recursive_composer_sees_it(tmp_path, vocab, levels):
    found = load(tmp_path, f"{ID}:\n  tags: {'[' * levels}{']' * levels}\n", vocab)
    assert not found.items
    assert "nested more than" in found.problems[0].reason and found.problems[0].line == 2


def test_a_corrections_file_linked_out_of_its_folder_is_refused_and_nothing_of_it_shown(tmp_path, vocab):
    secret = tmp_path / "elsewhere" / "secret.yaml"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash: 1\n", encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "corrections.yaml").symlink_to(secret)
    found = load_corrections(seeds / "corrections.yaml", vocab)
    assert not found.items and len(found.problems) == 1
    assert "symbolic link" in found.problems[0].reason and "root" not in found.problems[0].message
    trusted = load_corrections(seeds / "corrections.yaml", vocab, (secret.parent,))
    assert "symbolic link" not in trusted.problems[0].reason  # a preview's link is followed
