"""Only regular files of the seeds folder are read, never more than a page's bytes, and
every other entry is named with the reason: links out of the folder, pipes, devices,
huge files, near-miss names of the editors' files."""
from __future__ import annotations

import os
import threading
import tracemalloc
from pathlib import Path

import pytest

from builder.sources import MAX_BYTES, read_pages
from builder.sources.safe_read import Refused, read_limited

TEXT = "桐乡乌镇：“红色引擎”激发产业动能\n\n陆俊杰\n\n乌镇的数字经济企业数量从12家增长到1165家。\n"


def read_with_timeout(folder: Path, timeout: float = 20, **kw):
    """read_pages in a thread: a hang fails the test instead of stopping the suite."""
    out: list = []
    thread = threading.Thread(target=lambda: out.append(read_pages(folder, **kw)), daemon=True)
    thread.start()
    thread.join(timeout)
    assert out, f"read_pages({folder}) still running after {timeout} s"
    return out[0]


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    return folder


def reasons(problems) -> dict[str, str]:
    return {p.file: p.reason for p in problems}


def test_symlink_to_a_file_outside_the_seeds_folder_is_refused_not_published(seeds, tmp_path):
    (seeds / "leak.txt").symlink_to("/etc/passwd")
    secret = tmp_path / "secret.txt"
    secret.write_text(TEXT.replace("乌镇", "秘密"), encoding="utf-8")
    (seeds / "relative.txt").symlink_to(Path("..") / "secret.txt")
    pages, problems = read_with_timeout(seeds)
    assert [p.name for p in pages] == ["good.txt"]
    why = reasons(problems)
    assert "symbolic link" in why["leak.txt"] and "outside the seeds folder" in why["leak.txt"]
    assert "outside the seeds folder" in why["relative.txt"]
    assert not any("root:" in p.text or "秘密" in p.text for p in pages)


def test_symlink_inside_the_folder_or_into_a_trusted_folder_is_read(seeds, tmp_path):
    (seeds / "other.txt").write_text(TEXT + "又一行。\n", encoding="utf-8")
    (seeds / "alias.txt").symlink_to("other.txt")
    chosen = tmp_path / "archive"
    chosen.mkdir()
    (chosen / "p.txt").write_text(TEXT + "第三行。\n", encoding="utf-8")
    (seeds / "linked.txt").symlink_to(chosen / "p.txt")
    pages, problems = read_with_timeout(seeds)
    assert sorted(p.name for p in pages) == ["alias.txt", "good.txt"]
    assert "same bytes as alias.txt" in reasons(problems)["other.txt"]  # alias.txt sorts first
    assert "outside" in reasons(problems)["linked.txt"]
    pages, problems = read_with_timeout(seeds, link_roots=(chosen,))
    assert sorted(p.name for p in pages) == ["alias.txt", "good.txt", "linked.txt"]


def test_broken_symlink_is_named(seeds):
    (seeds / "gone.txt").symlink_to(seeds / "missing.txt")
    _, problems = read_with_timeout(seeds)
    assert "broken link" in reasons(problems)["gone.txt"]


def test_fifo_never_hangs_the_build(seeds):
    os.mkfifo(seeds / "pipe.txt")
    pages, problems = read_with_timeout(seeds)
    assert [p.name for p in pages] == ["good.txt"]
    assert "named pipe" in reasons(problems)["pipe.txt"]


def test_a_fifo_swapped_in_after_it_was_judged_is_refused_on_the_open_file(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(Refused, match="named pipe"):
        read_limited(tmp_path / "pipe.txt", MAX_BYTES)  # opened without blocking, then checked


def test_devices_are_refused_without_being_read(seeds):
    with pytest.raises(Refused, match="device"):
        read_limited(Path("/dev/zero"), MAX_BYTES)
    (seeds / "zero.txt").symlink_to("/dev/zero")
    pages, problems = read_with_timeout(seeds, link_roots=(Path("/dev"),))
    assert [p.name for p in pages] == ["good.txt"]
    assert "device" in reasons(problems)["zero.txt"]


def test_a_one_gigabyte_file_is_refused_by_its_size_without_being_read(seeds):
    with open(seeds / "huge.txt", "wb") as f:
        f.truncate(1 << 30)  # sparse: takes no disk
    tracemalloc.start()
    try:
        pages, problems = read_with_timeout(seeds)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.name for p in pages] == ["good.txt"]
    assert "1,073,741,824 bytes" in reasons(problems)["huge.txt"]
    assert peak < 20_000_000, f"{peak:,} bytes allocated to refuse a 1 GB file"


def test_a_file_just_over_the_limit_is_refused_and_one_at_the_limit_read(seeds):
    line = ("乌镇的数字经济企业数量增长。" * 20 + "\n").encode("utf-8")
    body = line * (MAX_BYTES // len(line))
    (seeds / "at.txt").write_bytes(body + b"x" * (MAX_BYTES - len(body)))
    (seeds / "over.txt").write_bytes(body + b"x" * (MAX_BYTES - len(body) + 1))
    pages, problems = read_with_timeout(seeds)
    assert sorted(p.name for p in pages) == ["at.txt", "good.txt"]
    assert "larger than a printed page" in reasons(problems)["over.txt"]


@pytest.mark.parametrize("name", ["corrections.yml", "Corrections.yaml", "correction.yaml", "corections.yaml",
                                  "corrections.yaml.txt", "pages.yml"])
def test_near_miss_names_of_the_editors_files_are_reported(seeds, name):
    (seeds / name).write_text("x:\n  drop: true\n", encoding="utf-8")
    pages, problems = read_with_timeout(seeds)
    assert [p.name for p in pages] == ["good.txt"]
    why = reasons(problems)[name]
    assert "is not read" in why and ("corrections.yaml" in why or "pages.yaml" in why)


def test_the_editors_files_themselves_are_not_pages_and_not_reported(seeds):
    (seeds / "corrections.yaml").write_text("{}\n", encoding="utf-8")
    (seeds / "pages.yaml").write_text("{}\n", encoding="utf-8")
    pages, problems = read_with_timeout(seeds)
    assert [p.name for p in pages] == ["good.txt"] and not problems


def test_seeds_that_are_a_file_or_missing_are_one_problem(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert "is a file" in read_pages(tmp_path / "file")[1][0].reason
    assert "does not exist" in read_pages(tmp_path / "missing")[1][0].reason


def test_a_second_copy_of_a_page_is_read_once_and_named(seeds):
    (seeds / "good-copy.txt").write_text(TEXT, encoding="utf-8")
    pages, problems = read_with_timeout(seeds)
    assert [p.name for p in pages] == ["good-copy.txt"]  # the first name in file order
    assert reasons(problems) == {"good.txt": "the same bytes as good-copy.txt: read once, under the first name"}


def test_file_names_with_control_characters_or_bytes_not_utf8_are_refused(seeds):
    (seeds / "a\x1b[2J.txt").write_text(TEXT + "一\n", encoding="utf-8")
    (seeds / "b\u202e.txt").write_text(TEXT + "二\n", encoding="utf-8")
    os.close(os.open(os.fsencode(seeds) + b"/c\xff.txt", os.O_CREAT | os.O_WRONLY, 0o644))
    pages, problems = read_with_timeout(seeds)
    assert [p.name for p in pages] == ["good.txt"]
    assert len(problems) == 3 and all("rename it" in p.reason for p in problems)
    assert all(p.message.isprintable() for p in problems)


def test_a_file_of_more_lines_than_a_page_has_is_refused(seeds):
    (seeds / "many.txt").write_text("衡阳高新区推进产业发展。\n" * 50_000, encoding="utf-8")
    pages, problems = read_with_timeout(seeds)
    assert [p.name for p in pages] == ["good.txt"]
    assert reasons(problems)["many.txt"] == "50,001 lines (5,000 at most): not one printed page"


def test_the_build_report_shows_a_bad_file_name_escaped(seeds):
    from builder.pipeline import build_digest
    from builder.settings import Settings
    from builder.site import render_site
    from builder.vocab import load_vocabulary

    (seeds / "x\n| fake | row |\x1b[2J.txt").write_text(TEXT + "一\n", encoding="utf-8")
    digest = build_digest(Settings.for_seeds(seeds, workers=1))
    report = render_site(digest, load_vocabulary(), Settings.for_seeds(seeds).templates)["report.md"]
    assert "\x1b" not in report and "\n| fake | row |" not in report
    assert any("fake" in line and "x1b" in line for line in report.splitlines())  # one row, escaped
