"""Text-level damage for the relayout families: lines cut in columns, punctuation of the other
width, stray spaces, markup taken away or added, page furniture. Every random choice comes from
the ``random.Random`` given."""
from __future__ import annotations

import random
import re

_CJK = re.compile(r"[\u4e00-\u9fff]")

# Marks a typesetter never sets at the start of a line (they stay at the end of the line before).
NO_LINE_START = "，。、；：？！,.;:?!”’）)」』》…—"


def cut(text: str, width: int) -> list[str]:
    """Lines of ``width`` characters, a line running on over the marks that may not start a line."""
    pieces, start = [], 0
    while start < len(text):
        end = start + width
        while end < len(text) and text[end] in NO_LINE_START:
            end += 1
        pieces.append(text[start:end])
        start = end
    return pieces or [text]


HALF = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!", "“": '"', "”": '"'}
FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}


def swap_widths(text: str, table: dict[str, str], share: float, rnd: random.Random) -> str:
    """Each mark of ``table`` replaced by its other width with probability ``share`` (half-width marks
    only between or after Chinese characters, where the paper prints full width)."""
    out = []
    for i, ch in enumerate(text):
        if ch in table and rnd.random() < share:
            if ch in FULL and not (i and _CJK.match(text[i - 1])):
                out.append(ch)
                continue
            out.append(table[ch])
        else:
            out.append(ch)
    return "".join(out)


def stray_spaces(text: str, share: float, rnd: random.Random) -> str:
    """A space (now and then a full-width one) between two Chinese characters, with probability ``share``."""
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if _CJK.match(ch) and i + 1 < len(text) and _CJK.match(text[i + 1]) and rnd.random() < share:
            out.append(" " if rnd.random() < 0.8 else "\u3000")
    return "".join(out)


def strip_markup(text: str) -> str:
    text = re.sub(r"^#+\s*", "", text)
    text = text.replace("<mark>", "").replace("</mark>", "")
    return re.sub(r"\^\{([^}]*)\}", r"\1", text)


def add_markup(line: str, rnd: random.Random, level: int = 1) -> str:
    """A headline line (a subhead: ``level`` 2) with the markup OCR pages carry: ``#`` levels,
    ``<mark>`` around a part, ``^{…}`` around the label before a colon."""
    text = strip_markup(line.strip())
    choice = rnd.randrange(4)
    if choice == 1:
        a, b = sorted(rnd.sample(range(len(text) + 1), 2)) if len(text) > 1 else (0, len(text))
        text = text[:a] + "<mark>" + text[a:b] + "</mark>" + text[b:]
    elif choice == 2 and re.search("[：:]", text):
        label, rest = re.split("(?<=[：:])", text, maxsplit=1)
        text = "^{" + label + "} " + rest
    if choice == 3 or rnd.random() < 0.5:
        text = "#" * (level + rnd.randrange(2) * (level > 1)) + " " + text
    return text


CN_DIGITS = "〇一二三四五六七八九"
WEEKDAYS = "一二三四五六日"


def cn_number(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def furniture_line(rnd: random.Random) -> str:
    """One line of page furniture, in one of the forms the paper prints (names and numbers at random)."""
    y, m, d = rnd.randint(2019, 2026), rnd.randint(1, 12), rnd.randint(1, 28)
    surname, given = "王李张刘陈杨赵黄周吴", "晓明丽华伟芳军静磊洋"
    name = lambda: rnd.choice(surname) + "".join(rnd.choice(given) for _ in range(rnd.randint(1, 2)))  # noqa: E731
    forms = [
        f"{y}年{m}月{d}日 星期{rnd.choice(WEEKDAYS)}",
        "".join(CN_DIGITS[int(c)] for c in str(y)) + f"年{cn_number(m)}月{cn_number(d)}日  星期{rnd.choice(WEEKDAYS)}",
        f"第{rnd.randint(1, 16)}版",
        f"{rnd.randint(1, 16):02d}  {rnd.choice(['园区', '区域', '创新', '产业'])}·{rnd.choice(['区域', '动态', '前沿', '观察'])}",
        f"责任编辑：{name()}  美编：{name()}",
        f"本版编辑：{name()}  电话：010-{rnd.randint(10000000, 99999999)}",
        f"投稿邮箱：{''.join(rnd.choice('abcdefgh') for _ in range(5))}{rnd.randint(10, 99)}@126.com",
        "中国高新技术产业导报",
        f"（下转第{rnd.randint(2, 16)}版）",
        f"（上接第{rnd.randint(1, 8)}版）",
    ]
    return rnd.choice(forms)
