"""Reading a Pagefind index folder back, for comparing two indexes: its pages (by address),
every word's pages and positions, its sort orders."""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from builder.site import cbor
from builder.site.index_write import SIGNATURE


def unpacked(path: Path) -> bytes:
    data = gzip.decompress(Path(path).read_bytes())
    assert data.startswith(SIGNATURE), path
    return data[len(SIGNATURE):]


@dataclass
class Index:
    meta: list
    fragments: dict[str, dict]  # address → fragment
    words: dict[str, dict[str, list[int]]]  # word → address → positions
    sorts: dict[str, list[str]]  # key → addresses in order


def read_index(folder: Path) -> Index:
    folder = Path(folder)
    meta = cbor.decode(unpacked(next(folder.glob("pagefind.*.pf_meta"))))
    addresses, fragments = [], {}
    for name, _ in meta[1]:
        fragment = json.loads(unpacked(folder / "fragment" / f"{name}.pf_fragment"))
        addresses.append(fragment["url"])
        fragments[fragment["url"]] = fragment
    words: dict[str, dict[str, list[int]]] = {}
    for _, _, name in meta[2]:
        for word, pages, _ in cbor.decode(unpacked(folder / "index" / f"{name}.pf_index"))[0]:
            number, found = 0, {}
            for step, locations, _ in pages:
                number += step
                at, positions = 0, []
                for loc in locations:
                    if loc >= 0:
                        at += loc
                        positions.append(at)
                found[addresses[number]] = positions
            words[word] = found
    sorts = {key: [addresses[n] for n in numbers] for key, numbers in meta[4]}
    return Index(meta, fragments, words, sorts)
