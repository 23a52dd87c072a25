"""The command line checks its arguments before it builds, and prints what comes from the
input escaped: a file name never drives the terminal or fakes a line of output."""
from __future__ import annotations


import conftest
from conftest import ROOT, copy_seeds

from builder.model import Problem


# A user's plain environment: nothing of the test run's leaks into what is checked.
PLAIN_ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "DIGEST_WORKERS": "1"}


def run_build(seeds, out, *extra, cwd=ROOT):
    return conftest.run_build(seeds, out, *extra, cwd=cwd, env=PLAIN_ENV)


def test_seeds_naming_a_missing_folder_fails_with_a_message(tmp_path):
    result = run_build(tmp_path / "no-such-folder", tmp_path / "out")
    assert result.returncode == 2
    assert "no-such-folder" in result.stderr and "does not exist" in result.stderr
    assert not (tmp_path / "out").exists()


def test_seeds_naming_a_file_fails_with_a_message(tmp_path):
    (tmp_path / "page.txt").write_text("正文。\n", encoding="utf-8")
    result = run_build(tmp_path / "page.txt", tmp_path / "out")
    assert result.returncode == 2 and "not a folder" in result.stderr


def test_a_mistyped_corrections_path_is_an_error(tmp_path):
    seeds = copy_seeds(tmp_path / "pages", ["002_728af0c55fdcc69f.txt"])
    result = run_build(seeds, tmp_path / "out", "--corrections", str(tmp_path / "corections.yaml"))
    assert result.returncode == 2
    assert "corections.yaml" in result.stderr and "does not exist" in result.stderr


def test_escape_sequences_and_newlines_in_file_names_are_printed_escaped(tmp_path):
    seeds = copy_seeds(tmp_path / "pages", ["002_728af0c55fdcc69f.txt"])
    (seeds / "\x1b[2Jclear.txt").write_bytes(b"")
    (seeds / "x.txt\nall pages built fine").write_bytes(b"\x00")
    result = run_build(seeds, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr + result.stdout
    assert "\\x1b[2Jclear.txt" in result.stderr
    lines = result.stderr.splitlines()
    assert not any(line.startswith("all pages built fine") for line in lines)
    assert any("x.txt\\nall pages built fine" in line for line in lines)


def test_problem_messages_escape_control_characters_but_not_chinese():
    assert Problem("版面\u202e.txt", "原因\x07").message == "skipped page file '版面\\u202e.txt': 原因\\x07"
    assert Problem("版面.txt", "空文件").message == "skipped page file 版面.txt: 空文件"


def test_strict_fails_on_a_symlink_and_a_near_miss_corrections_file(tmp_path):
    seeds = copy_seeds(tmp_path / "pages", ["002_728af0c55fdcc69f.txt"])
    (seeds / "leak.txt").symlink_to("/etc/passwd")
    (seeds / "corrections.yml").write_text("x:\n  drop: true\n", encoding="utf-8")
    result = run_build(seeds, tmp_path / "out", "--strict")
    assert result.returncode == 1
    assert "leak.txt: a symbolic link" in result.stderr
    assert "corrections.yml: looks like the editors' corrections.yaml" in result.stderr
    assert "root:" not in (tmp_path / "out" / "data" / "articles.json").read_text(encoding="utf-8")


def test_workers_and_site_url_are_checked_before_anything_runs(tmp_path):
    seeds = copy_seeds(tmp_path / "pages", ["002_728af0c55fdcc69f.txt"])
    for extra, words in ((["--workers", "100000"], "from 1 to 64"), (["--workers", "0"], "from 1 to 64"),
                         (["--site-url", "javascript:alert(1)"], "public address"),
                         (["--site-url", "https://example.org/\x1b[2J"], "\\x1b")):
        result = run_build(seeds, tmp_path / "out", *extra)
        assert result.returncode == 2 and words in result.stderr, (extra, result.stderr)
        assert "\x1b" not in result.stderr
    assert not (tmp_path / "out").exists()
