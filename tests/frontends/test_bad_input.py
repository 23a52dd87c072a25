"""Bad input never stops the good pages and is never silent, through both front ends.

One folder holds a good page and one file of each bad kind; each bad file gets
exactly one message naming it with the reason, the good page builds, and
``--strict`` (command line and ``mkdocs build --strict``) fails.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES, mkdocs_build

GOOD = "corrections_page.txt"
SEVERAL_MB = 3 * 1024 * 1024

# file name -> the reason it gets
EXPECTED = {
    "empty.txt": "empty file: no text to read",
    "blank.txt": "blank file: only white space",
    "binary.txt": "binary file (contains NUL bytes), not page text",
    "latin1.txt": "bytes are neither UTF-8 nor GB18030: invalid UTF-8 byte 0xE9 at line 1, byte 24 of the line "
                  "(offset 23 in the file)",
    "one_line.txt": f"file is {SEVERAL_MB:,} bytes, larger than a printed page (2,000,000 at most)",
    "long_line.txt": "a line of 300,000 characters: not OCR page text",
    "page.docx": "not a .txt page file",
    "folder.txt": "a folder, not a page file",
}


@pytest.fixture(scope="module")
def bad_seeds(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("bad_seeds")
    (seeds / GOOD).write_bytes((SAMPLES / GOOD).read_bytes())
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "blank.txt").write_bytes(" \r\n\n\t\u3000\n".encode("utf-8"))
    (seeds / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (seeds / "latin1.txt").write_bytes("Hochtechnologiezone caf\xe9 \xff\xfe".encode("latin-1"))
    (seeds / "one_line.txt").write_bytes(b"x" * SEVERAL_MB)
    (seeds / "long_line.txt").write_bytes(("高新区" * 100_000).encode("utf-8"))
    (seeds / "page.docx").write_bytes(b"PK\x03\x04 not a page")
    (seeds / "folder.txt").mkdir()
    (seeds / "folder.txt" / "inner.txt").write_text("衡阳高新区", encoding="utf-8")
    return seeds


def messages(log: str) -> list[str]:
    return [line for line in log.splitlines() if "skipped page file" in line]


def run_cli(seeds, out, *extra):
    return subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", str(seeds), "--out", str(out), *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_command_line_names_each_bad_file_once_and_builds_the_good_page(bad_seeds, tmp_path):
    result = run_cli(bad_seeds, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert sorted(messages(result.stderr)) == sorted(
        f"skipped page file {name}: {reason}" for name, reason in EXPECTED.items())
    assert "pages read: 1" in result.stdout
    data = json.loads((tmp_path / "out/data/articles.json").read_text(encoding="utf-8"))
    assert {a["source"]["file"] for a in data["articles"]} == {GOOD}
    report = (tmp_path / "out/report.md").read_text(encoding="utf-8")
    for name in EXPECTED:
        assert name.replace("_", "\\_").replace(".", "\\.") in report


def test_command_line_strict_fails_but_still_writes_the_good_pages(bad_seeds, tmp_path):
    result = run_cli(bad_seeds, tmp_path / "out", "--strict")
    assert result.returncode == 1
    assert f"--strict: {len(EXPECTED)} problem(s) with the input" in result.stderr
    assert (tmp_path / "out/data/articles.json").is_file()


@pytest.mark.slow
def test_mkdocs_build_names_each_bad_file_and_strict_fails(bad_seeds, tmp_path):
    lenient = mkdocs_build(tmp_path / "site", strict=False, DIGEST_SEEDS=str(bad_seeds))
    assert lenient.returncode == 0, lenient.stderr[-3000:]
    for name, reason in EXPECTED.items():
        # exactly one warning per file, with its reason
        assert [m for m in messages(lenient.stderr) if f" {name}:" in m] == \
            [f"WARNING -  skipped page file {name}: {reason}"], name
    data = json.loads((tmp_path / "site/data/articles.json").read_text(encoding="utf-8"))
    assert data["articles"] and all(a["source"]["file"] == GOOD for a in data["articles"])
    for a in data["articles"]:
        assert (tmp_path / "site" / a["url"].strip("/") / "index.html").is_file()
    report = (tmp_path / "site/report/index.html").read_text(encoding="utf-8")
    from builder.site.chinese import in_chinese
    from builder.vocab import DATA_DIR
    for name, reason in EXPECTED.items():  # the report gives the reason in Chinese
        chinese = in_chinese(reason, DATA_DIR)
        assert chinese != reason and name in report and chinese.split("：")[0].split("（")[0] in report

    strict = mkdocs_build(tmp_path / "strict", DIGEST_SEEDS=str(bad_seeds))
    assert strict.returncode != 0
    assert f"Aborted with {len(EXPECTED)} warnings in strict mode!" in strict.stdout + strict.stderr
