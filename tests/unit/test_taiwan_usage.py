"""The zh-TW edition's checks of Taiwanese Chinese (tests/helpers/taiwan_usage.py, the words in
tools/zh_tw_words.yml) on any text: they never fail on it, and they find what they look for
wherever it stands. tests/site/test_zh_tw_site.py runs them on every built zh-TW page."""
import re

from helpers import taiwan_usage
from hypothesis import given
from hypothesis import strategies as st

# Mainland words written as plain words (not patterns), and text that quotes nothing (「」 and
# half-width parentheses may quote a word or a software string on purpose).
PLAIN_MAINLAND = [w for w in taiwan_usage.WORDS["mainland"] if re.fullmatch(f"[{taiwan_usage.CJK}]+", w)]
UNQUOTED = st.text(st.characters(blacklist_characters="「」()"))


@given(st.text())
def test_the_checks_take_any_text(text):
    assert isinstance(taiwan_usage.chinese(text), bool)
    for found in (taiwan_usage.mainland(text), taiwan_usage.english(text, set()), taiwan_usage.punctuation(text)):
        assert all(isinstance(problem, str) for problem in found)


@given(UNQUOTED, st.sampled_from(PLAIN_MAINLAND), UNQUOTED)
def test_a_mainland_word_is_found_in_any_text(before, word, after):
    assert any(problem.startswith(word) for problem in taiwan_usage.mainland(before + word + after))


def test_what_each_check_finds():
    assert taiwan_usage.mainland("回到顶部") == ["顶 (Simplified)"]
    assert taiwan_usage.mainland("不寫「冰川」。") == [] and taiwan_usage.mainland("高山冰川")
    assert taiwan_usage.english("按下 **Stop My Server**（停止我的伺服器）", set()) == []
    assert taiwan_usage.english("按下 Stop My Server", set()) == \
        ["Stop My Server (an interface phrase never followed by its Chinese here)"]
    assert taiwan_usage.english("按下 Stop My Server", {"Stop My Server"}) == []
    assert taiwan_usage.english("鄰近地區：China, Taipei", set()) == ["China", "Taipei"]
    assert taiwan_usage.english("用 `np.polyfit` 和 Python 畫圖", set()) == []
    assert taiwan_usage.english("[00：Notebook、JupyterHub](../notebooks/00-welcome.ipynb#jupyterhub)", set()) == []
    assert taiwan_usage.english("變數 greeting 還在；workshop 資料夾；extent 欄：最小 3.57", set()) == []
    assert taiwan_usage.english("儲存庫上的「launch binder」徽章", set()) == []
    assert taiwan_usage.english("橘色的 Request new API token 按鈕", set()) == \
        ["Request new API token (an interface phrase never followed by its Chinese here)"]
    assert taiwan_usage.explained_interface(["選「**覆寫**」（Overwrite）"]) == {"Overwrite"}
    assert taiwan_usage.punctuation("預設伺服器: 執行中") == ["器:"]
    assert taiwan_usage.punctuation("223 個套件， 412 條依賴關係") == ["， "]
    assert taiwan_usage.punctuation("（從哪裡，到哪裡）") == []
