"""Traditional Chinese as written in Taiwan: the checks both zh-TW tests run on the pieces of a
page or file (a paragraph, list item, table cell, heading, message or output line), with the
word lists and rules of tools/zh_tw_words.yml. Each returns what is wrong, in words."""
from __future__ import annotations

import re

import yaml
from workshop_kit.repo import ROOT

WORDS = yaml.safe_load((ROOT / "tools" / "zh_tw_words.yml").read_text(encoding="utf-8"))
MAINLAND = {re.compile(pattern): taiwan for pattern, taiwan in WORDS["mainland"].items()}
CJK = r"\u3400-\u9fff\uf900-\ufaff"
NOT_PROSE = re.compile(
    r"`[^`]*`|<[^<>]*>|&\w+;|\$[^$]*\$|\{[^{}]*\}"  # code, tags, math, {placeholders}
    r"|\]\([^()]*\)|https?://\S*|\b[\w.-]+/[\w./-]*|~/[\w./-]*|(?m:^):[\w-]+:"  # links, addresses, paths, :label:
    r"|[\w~./-]*\.(?:ipynb|py|md|pdf|csv|txt|png|zip|yml|json|h5|org|io|jupyterlab-workspace)\b"  # file names
    r"|\w*_\w*|[A-Za-z]\w*(?:\.\w+)+|[A-Za-z_][\w.]*\([^()]*\)|\d+(?:\.\d+)?e[-+]?\d+"  # np.polyfit, mean(x), 1e-3
    r"|(?<![\w.])\.[A-Za-z_]\w*(?:\(\))?|\d+(?:\.\w+)+"  # .iloc, .item(), 4.5.post3
    r"|(?<=變數 )\w+|[\w.-]+(?= ?(?:資料夾|欄位?|這張表))"  # names of variables, folders, columns, tables
    rf"|\"[^\"{CJK}\n]*\"|'[^'{CJK}\n]*'|「[^」{CJK}]*」"  # quoted literals: what to type or what a screen says
    rf"|（[^（）{CJK}]*）")  # the English of a term, after it: 用戶端（client）
EXPLAINED = re.compile(rf"([A-Za-z][^（）{CJK}]*?)[*\s]*（(?=[^（）]*[{CJK}])")  # **Open With**（開啟方式）
WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]")


def listed(kind: str) -> re.Pattern:
    """Any phrase of a list, longest first, as whole words (Hub控制面板 and CO₂ count)."""
    phrases = sorted(map(str, WORDS[kind]), key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z0-9-])(?:" + "|".join(map(re.escape, phrases)) + r")(?![A-Za-z0-9-])")


NAMES, INTERFACE = listed("names"), listed("interface")


def chinese(text: str) -> bool:
    """As many Chinese characters as words of Latin letters, or more: an English docstring
    that quotes a Chinese word is not Chinese text."""
    prose = NOT_PROSE.sub(" ", text)
    return 0 < len(re.findall(f"[{CJK}]", prose)) >= len(WORD.findall(prose))


def simplified_only(char: str) -> bool:
    """A character GB 2312 (Simplified) has and Big5 (Traditional, as cp950) has not."""
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    try:
        char.encode("cp950")
    except UnicodeEncodeError:
        return re.match(f"[{CJK}]", char) is not None
    return False


def software_quotes_removed(text: str) -> str:
    for quoted in sorted(WORDS["quoted_software"], key=len, reverse=True):
        text = text.replace(quoted, "▯")
    return text


def mainland(text: str) -> list[str]:
    """Mainland words and Simplified characters. A sentence that names words not to write
    (不寫「冰川」, 而不是「算法」, 「在線」是中國大陸的寫法) may quote them."""
    text = "".join(re.sub(r"「[^」]*」", "「」", s) if re.search("不寫|不用|而不是|不說|中國大陸", s) else s
                   for s in re.split(r"(?<=[。；\n])", software_quotes_removed(text)))
    found = [f"{m.group()} (Taiwan: {taiwan})" for pattern, taiwan in MAINLAND.items() for m in pattern.finditer(text)]
    return found + [f"{char} (Simplified)" for char in dict.fromkeys(text) if simplified_only(char)]


def explained_interface(texts) -> set[str]:
    """The interface phrases some piece follows with their Chinese, **Stop My Server**（停止…）, or
    puts after it: 「**覆寫**」（Overwrite）."""
    return {phrase for text in texts for run in EXPLAINED.findall(text) + re.findall(rf"（([^（）{CJK}]+)）", text)
            for phrase in INTERFACE.findall(run)}


def english(text: str, explained: set[str]) -> list[str]:
    """Latin words that are not code, a name, inside or followed by full-width parentheses with
    Chinese, or an interface phrase explained elsewhere on the page (`explained`)."""
    prose = EXPLAINED.sub("（", NOT_PROSE.sub(" ", software_quotes_removed(text)).replace("*", ""))
    prose = re.sub(r"（[^（）]*）", " ", prose)  # English in full-width parentheses explains
    unexplained = [p for p in dict.fromkeys(INTERFACE.findall(prose)) if p not in explained]
    return [f"{p} (an interface phrase never followed by its Chinese here)" for p in unexplained] + \
        list(dict.fromkeys(WORD.findall(NAMES.sub(" ", INTERFACE.sub(" ", prose)))))


def punctuation(text: str) -> list[str]:
    """Half-width punctuation after Chinese, half-width parentheses around it, or a space after
    full-width punctuation."""
    text = NOT_PROSE.sub("▯", software_quotes_removed(text))
    return [m.group() for m in re.finditer(
        rf"[{CJK}][,:;!?](?=\s|$|[{CJK}])|[{CJK}] ?\([^()]*[{CJK}][^()]*\)|[，、。：；！？）」』] +(?=\S)", text)]

