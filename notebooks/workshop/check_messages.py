"""The words of the self-checks' verdicts on a number, in English and Traditional Chinese:
right, too high, rounded too much, the wrong unit or sign, the blanks and the notes, and
what is said when the answers cannot be found. The words about a multiple-choice answer are
in check_choice_messages.py, those about the kind of value that arrived (a list, a table, a
function...) in check_kind_messages.py.

Only text, and the small functions that pick a text in the learner's language: the logic
that chooses a message is in the other check_* modules.
"""
from __future__ import annotations

from . import language
from .check_choice_messages import MESSAGES as CHOICE_MESSAGES
from .check_kind_messages import MESSAGES as KIND_MESSAGES

RIGHT = {"en": "✅ Well done: {}", "zh-TW": "✅ 答對了：{}"}
NOT_YET = {"en": "❌ Not yet: {}", "zh-TW": "❌ 還沒：{}"}

# How the same advice is written in each programming language.
CODE = {
    "python": {"first": "[0]", "index": "[{}]", "count": ".sum()", "nothing": "None",
               "blank": "...", "offset": 0},
    "r": {"first": "[1]", "index": "[{}]", "count": "sum(...)", "nothing": "NULL",
          "blank": "NA", "offset": 1},
}

MESSAGES = {
    "blank_number": {
        "en": "replace the {blank} with your answer (just the number), then run the cell again.",
        "zh-TW": "把 {blank} 換成你的答案（只要數字），再執行一次這個儲存格。",
    },
    "nothing": {
        "en": "your answer is {nothing}, which means \"nothing\": the code that made it showed its "
              "result instead of giving it back. Type the number it showed.",
        "zh-TW": "你的答案是 {nothing}，意思是「沒有東西」：產生它的程式只把結果顯示出來，沒有把它交回來。"
                 "請直接打上顯示出來的數字。",
    },
    "right_number": {
        "en": "{shown} {unit} is right.",
        "zh-TW": "{shown} {unit} 是對的。",
    },
    "too_high": {
        "en": "{shown} {unit} is too high. {hint}",
        "zh-TW": "{shown} {unit} 太大了。{hint}",
    },
    "too_low": {
        "en": "{shown} {unit} is too low. {hint}",
        "zh-TW": "{shown} {unit} 太小了。{hint}",
    },
    "rounded": {
        "en": "close: {shown} is the answer rounded too much. Keep more digits (at least {decimals} after the point).",
        "zh-TW": "很接近了：{shown} 四捨五入得太多。請多保留幾位（小數點後至少 {decimals} 位）。",
    },
    "rounded_whole": {
        "en": "close: {shown} is the answer rounded too much. Keep more digits (round to a whole number at most).",
        "zh-TW": "很接近了：{shown} 四捨五入得太多。請多保留幾位（最多只捨入到整數）。",
    },
    "unit_slip": {
        "en": "{shown} is off by a factor of {factor}: check the unit. The answer is in {unit}.",
        "zh-TW": "{shown} 差了 {factor} 倍：請檢查單位。答案的單位是 {unit}。",
    },
    "wrong_sign": {
        "en": "the size is right, but the sign is not: {sign}",
        "zh-TW": "大小對了，但正負號不對：{sign}",
    },
    "wrong_sign_generic": {
        "en": "the size is right, but the sign is not: should it be positive or negative?",
        "zh-TW": "大小對了，但正負號不對：答案應該是正的還是負的？",
    },
    "mistake": {
        "en": "{shown}: {say}",
        "zh-TW": "{shown}：{say}",
    },
    "not_whole": {
        "en": "{shown} is not a whole number, and this answer counts things. {hint}",
        "zh-TW": "{shown} 不是整數，而這題的答案是在數個數。{hint}",
    },
    "nan": {
        "en": "your answer is NaN (\"not a number\"), often a sign of missing data or a "
              "calculation on nothing. {hint}",
        "zh-TW": "你的答案是 NaN（「不是數字」），通常表示資料有缺漏，或是對空的資料做了計算。{hint}",
    },
    "infinite": {
        "en": "your answer is infinite, often a sign of dividing by zero. {hint}",
        "zh-TW": "你的答案是無限大，通常是除以零造成的。{hint}",
    },
    "too_big": {
        "en": "that number is far too big for a computer to calculate with (about {digits} digits). {hint}",
        "zh-TW": "這個數字太大了，電腦沒辦法拿來計算（大約有 {digits} 位數）。{hint}",
    },
    "note_text": {
        "en": "(Next time leave out the quotes: a number needs none.)",
        "zh-TW": "（下次不用加引號：數字不需要引號。）",
    },
    "note_comma": {
        "en": "(Your decimal comma was read as a point: Python writes 12.5, not 12,5.)",
        "zh-TW": "（你的小數逗號被當成小數點：Python 寫成 12.5，不是 12,5。）",
    },
    "note_minus": {
        "en": "(Your minus sign was a look-alike character; Python's minus is the plain - key.)",
        "zh-TW": "（你的負號是長得很像的其他字元；Python 的負號是鍵盤上一般的 - 鍵。）",
    },
    # The check itself
    "unknown_question": {
        "en": "there is no self-check called {qid!r}; check its name, or get a fresh copy of the workshop.",
        "zh-TW": "沒有叫做 {qid!r} 的自我檢查；請檢查名稱，或重新取得一份完整的工作坊檔案。",
    },
    "no_store": {
        "en": "the self-checks' answers (workshop/answers.txt) are missing or damaged: "
              "get a fresh copy of the workshop.",
        "zh-TW": "自我檢查的答案檔（workshop/answers.txt）不見了或已損壞：請重新取得一份完整的工作坊檔案。",
    },
    "could_not_read": {
        "en": "the check could not read this answer; type just a number (such as 12.5) or a letter between quotes.",
        "zh-TW": "檢查程式讀不懂這個答案；請只打數字（例如 12.5），或在引號之間打上字母。",
    },
}

# The three tables as one: the message keys are different in each.
EVERY_MESSAGE = {**MESSAGES, **CHOICE_MESSAGES, **KIND_MESSAGES}


def say(messages_key: str, **values) -> str:
    """One message, from any of the tables, in the current language."""
    return language.text(EVERY_MESSAGE, messages_key, **values)


def pick_text(texts) -> str:
    """A question's text (a unit, a hint...) in the current language."""
    if not texts:
        return ""
    if isinstance(texts, str):
        return texts
    return texts.get(language.current()) or texts.get("en", "")


def one_line(text: str) -> str:
    return " ".join(str(text).split())
