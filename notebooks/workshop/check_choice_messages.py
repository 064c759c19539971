"""The words the self-checks say about an answer to a multiple-choice question (English
and Traditional Chinese): a blank, a letter that is not an option, several letters, a value
that is not a letter, and the explanation of the letter chosen.
"""

MESSAGES = {
    "blank_choice": {
        "en": "type the letter of your choice ({letters}) between the quotes, then run the cell again.",
        "zh-TW": "在引號之間打上你選的字母（{letters}），再執行一次這個儲存格。",
    },
    "nothing_choice": {
        "en": "your answer is {nothing}, which means \"nothing\": type the letter ({letters}) between the quotes.",
        "zh-TW": "你的答案是 {nothing}，意思是「沒有東西」：請在引號之間打上字母（{letters}）。",
    },
    "bytes_choice": {
        "en": "that is bytes (the b before the quotes); type just the letter ({letters}) between plain quotes.",
        "zh-TW": "這是位元組（引號前面有 b）；請在一般的引號之間只打字母（{letters}）。",
    },
    "right_choice": {
        "en": "{explanation}",
        "zh-TW": "{explanation}",
    },
    "wrong_choice": {
        "en": "{explanation}",
        "zh-TW": "{explanation}",
    },
    "not_an_option": {
        "en": "{shown} is not one of the choices: type one of {letters} between the quotes.",
        "zh-TW": "{shown} 不是選項之一：請在引號之間打上 {letters} 其中一個。",
    },
    "one_letter": {
        "en": "{shown} holds more than one letter: pick one, {letters}.",
        "zh-TW": "{shown} 裡有不只一個字母：請只選一個，{letters}。",
    },
    "number_for_choice": {
        "en": "{shown} is not a letter: type the letter of your choice ({letters}) between the quotes.",
        "zh-TW": "{shown} 不是字母：請在引號之間打上你選的字母（{letters}）。",
    },
    "other_choice": {
        "en": "a {kind} is not a letter: type the letter of your choice ({letters}) between the quotes.",
        "zh-TW": "{kind} 不是字母：請在引號之間打上你選的字母（{letters}）。",
    },
    "list_choice": {
        "en": "that is a list; type just one letter ({letters}) between the quotes, with no square brackets.",
        "zh-TW": "這是串列；請在引號之間只打一個字母（{letters}），不要加方括號。",
    },
    "or": {
        "en": " or ",
        "zh-TW": " 或 ",
    },
    "comma": {
        "en": ", ",
        "zh-TW": "、",
    },
}
