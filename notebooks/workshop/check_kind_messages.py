"""The words the self-checks say about the kind of value a learner gave when it is not one
plain number: a list, a table, a function, text with no number in it... (English and
Traditional Chinese). The verdicts on a number or a letter are in check_messages.py.
"""

MESSAGES = {
    "complex": {
        "en": "that is a complex number (it has an imaginary part, j); the answer is an ordinary number.",
        "zh-TW": "這是複數（帶有虛部 j）；答案是一般的實數。",
    },
    "bool_number": {
        "en": "{shown} answers a yes-or-no question; this one wants a number.",
        "zh-TW": "{shown} 是回答是非題用的；這題要的是數字。",
    },
    "trues_to_count": {
        "en": "that is a True/False for each of {n} rows; count the Trues with {count}.",
        "zh-TW": "這是 {n} 列各自的 True/False；用 {count} 數出有幾個 True。",
    },
    "several_numbers": {
        "en": "that is {n} numbers, and the answer is one number. {pick}",
        "zh-TW": "這是 {n} 個數字，而答案只有一個數字。{pick}",
    },
    "pick_generic": {
        "en": "Pick one with its position in square brackets: {first} is the first.",
        "zh-TW": "用方括號裡的位置取出其中一個：{first} 是第一個。",
    },
    "pick_this_one": {
        "en": "The one you want is {where}: take it out with {where}.",
        "zh-TW": "你要的是 {where} 那一個：用 {where} 把它取出來。",
    },
    "one_in_a_list": {
        "en": "that is a list holding one number: take the number out with {first}.",
        "zh-TW": "這是只裝了一個數字的串列：用 {first} 把數字取出來。",
    },
    "empty": {
        "en": "that holds nothing at all (it is empty): check the step that made it.",
        "zh-TW": "這裡面什麼都沒有（是空的）：請檢查產生它的那一步。",
    },
    "table": {
        "en": "that is a whole table; the answer is one number computed from it.",
        "zh-TW": "這是一整張表格；答案是從它算出來的一個數字。",
    },
    "texts": {
        "en": "that is a list of texts; the answer is one number, typed without quotes.",
        "zh-TW": "這是一串文字；答案是一個數字，打的時候不用加引號。",
    },
    "mixed": {
        "en": "that is a collection of {n} things; the answer is one number.",
        "zh-TW": "這是 {n} 個東西的集合；答案是一個數字。",
    },
    "dictionary": {
        "en": "that is a dictionary (names with values); the answer is one number.",
        "zh-TW": "這是字典（名稱對應到值）；答案是一個數字。",
    },
    "iterator": {
        "en": "that is an iterator ({kind}), which hands out values one at a time: wrap it in "
              "list(...) to see them. The answer is one number.",
        "zh-TW": "這是迭代器（{kind}），一次只交出一個值：用 list(...) 包起來就看得到內容。答案是一個數字。",
    },
    "function": {
        "en": "that is a function itself, not its result: call it, with round brackets ( ) after its name.",
        "zh-TW": "這是函式本身，不是它的結果：要呼叫它，在名稱後面加上圓括號 ( )。",
    },
    "module": {
        "en": "that is a whole module (a package of tools), not a number.",
        "zh-TW": "這是整個模組（一組工具），不是數字。",
    },
    "bytes": {
        "en": "that is bytes (the b before the quotes); type just the number, without quotes.",
        "zh-TW": "這是位元組（引號前面有 b）；請只打數字，不要加引號。",
    },
    "other_number": {
        "en": "a {kind} is not a number; type just the number, such as 12.5.",
        "zh-TW": "{kind} 不是數字；請只打數字，例如 12.5。",
    },
    "empty_text": {
        "en": "the quotes are empty: type just the number, without quotes.",
        "zh-TW": "引號裡是空的：請只打數字，不要加引號。",
    },
    "no_number_in_text": {
        "en": "{shown} has no number in it; type just the number, without quotes, such as 12.5.",
        "zh-TW": "{shown} 裡面沒有數字；請只打數字，不要加引號，例如 12.5。",
    },
    "several_in_text": {
        "en": "{shown} has {n} numbers in it; the answer is one number.",
        "zh-TW": "{shown} 裡面有 {n} 個數字；答案只有一個數字。",
    },
}
