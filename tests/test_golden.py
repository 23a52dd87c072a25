"""Golden output: the seeds built by the command line equal the pages committed under
``tests/expected/seeds/`` (every Markdown page and ``data/articles.json``), file for file
and byte for byte, the way Pelican's ``test_basic_generation_works`` diffs its sample site.

A change of output that is meant is regenerated and committed on its own, so that it is
reviewed as a diff:

    .venv/bin/python tests/test_golden.py --update

(it builds ``seeds/`` afresh, without the cache, and replaces ``tests/expected/seeds/``).
"""
from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "expected" / "seeds"
SHOWN = 3  # differing files shown in full unified diff; the rest are only named
DIFF_LINES = 40  # lines of each unified diff shown


def build_seeds(out: Path) -> None:
    """The seeds built into ``out`` by ``python -m builder build`` (no cache: the code decides, not old pickles)."""
    result = subprocess.run(
        [sys.executable, "-m", "builder", "build", "--seeds", str(ROOT / "seeds"), "--out", str(out), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    if result.returncode:
        raise RuntimeError(f"build failed ({result.returncode}):\n{result.stderr[-4000:]}")


def golden_files(folder: Path) -> dict[str, bytes]:
    """The files the golden output holds: every Markdown page and data/articles.json, by relative path."""
    paths = sorted(folder.rglob("*.md")) + [folder / "data" / "articles.json"]
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in paths if p.is_file()}


def differences(expected: dict[str, bytes], actual: dict[str, bytes]) -> list[str]:
    """What differs, as lines for a failure message: missing files, extra files, then diffs."""
    missing = sorted(expected.keys() - actual.keys())
    extra = sorted(actual.keys() - expected.keys())
    changed = sorted(k for k in expected.keys() & actual.keys() if expected[k] != actual[k])
    out = [f"missing (expected, not built): {p}" for p in missing]
    out += [f"extra (built, not expected): {p}" for p in extra]
    out += [f"different: {p}" for p in changed]
    for path in changed[:SHOWN]:
        diff = difflib.unified_diff(
            expected[path].decode("utf-8", "replace").splitlines(),
            actual[path].decode("utf-8", "replace").splitlines(),
            fromfile=f"expected/{path}", tofile=f"built/{path}", lineterm="", n=2,
        )
        out += list(diff)[:DIFF_LINES]
    return out


def test_seeds_build_equals_the_committed_golden_output(tmp_path):
    build_seeds(tmp_path / "out")
    expected, actual = golden_files(EXPECTED), golden_files(tmp_path / "out")
    assert expected, f"no golden output in {EXPECTED}: run `python tests/test_golden.py --update`"
    problems = differences(expected, actual)
    assert not problems, ("the build differs from tests/expected/seeds/ (if the change is meant, "
                          "run `python tests/test_golden.py --update` and commit it):\n" + "\n".join(problems))


def test_golden_diff_names_missing_extra_and_changed_files():
    expected = {"a.md": b"one\ntwo\n", "b.md": b"same\n", "gone.md": b"x\n"}
    actual = {"a.md": b"one\n2\n", "b.md": b"same\n", "new.md": b"y\n"}
    lines = differences(expected, actual)
    assert "missing (expected, not built): gone.md" in lines
    assert "extra (built, not expected): new.md" in lines
    assert "different: a.md" in lines and "different: b.md" not in lines
    assert "-two" in lines and "+2" in lines


def update() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        build_seeds(out)
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for path, data in golden_files(out).items():
            (EXPECTED / path).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / path).write_bytes(data)
    print(f"wrote {len(golden_files(EXPECTED))} files to {EXPECTED.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    update()
