"""The link builder's words: every message it says, in English and Traditional Chinese, and
LinkError, the mistake it raises with one of them (workshop.links builds the links)."""
from __future__ import annotations

from . import language

MESSAGES = {
    "empty": {
        "en": "The {what} is empty. Give a web address such as {example}.",
        "zh-TW": "{what}是空的。請填入網址，例如 {example}。",
    },
    "not_text": {
        "en": "The {what} should be text such as {example}, not {value!r}.",
        "zh-TW": "{what}應該是文字，例如 {example}，而不是 {value!r}。",
    },
    "needs_scheme": {
        "en": "The {what} {value!r} is not a full web address: it needs https:// at the start, like 'https://{value}'.",
        "zh-TW": "{what} {value!r} 不是完整的網址：開頭要加上 https://，例如 'https://{value}'。",
    },
    "not_web": {
        "en": "The {what} {value!r} is not a web address. It should look like {example}.",
        "zh-TW": "{what} {value!r} 不是網址。它應該像這樣：{example}。",
    },
    "ssh": {
        "en": "The {what} {value!r} is an SSH address, which learners' servers cannot use. Use the "
              "https:// address of the repository, like {example}.",
        "zh-TW": "{what} {value!r} 是 SSH 位址，學員的伺服器無法使用。請改用儲存庫的 https:// 網址，例如 {example}。",
    },
    "bad_character": {
        "en": "The {what} {value!r} contains {character!r}, which no web address may contain here. "
              "Copy the address again from the browser's address bar.",
        "zh-TW": "{what} {value!r} 含有 {character!r}，網址裡不能有這個字元。請從瀏覽器的網址列重新複製網址。",
    },
    "user_info": {
        "en": "The {what} {value!r} has '@' before the host: a browser would go to {host!r}. Give the "
              "address without a user name or password, like {example}.",
        "zh-TW": "{what} {value!r} 在主機名稱前面有 '@'：瀏覽器會前往 {host!r}。"
                 "請給不含使用者名稱或密碼的網址，例如 {example}。",
    },
    "bad_host": {
        "en": "The {what} {value!r} has no usable host name. Write it with letters, digits, dots and "
              "dashes (or an IP address), like {example}.",
        "zh-TW": "{what} {value!r} 沒有可用的主機名稱。"
                 "主機名稱只能用英文字母、數字、點和連字號（或 IP 位址），例如 {example}。",
    },
    "bad_port": {
        "en": "The {what} {value!r} has a port that is not a number from 1 to 65535.",
        "zh-TW": "{what} {value!r} 的連接埠不是 1 到 65535 之間的數字。",
    },
    "hub_page": {
        "en": "The hub address {value!r} points to one page of the hub. Use the hub's own address, "
              "without the extra parts: {base!r}.",
        "zh-TW": "Hub 網址 {value!r} 指向 Hub 的某一頁。請用 Hub 本身的網址，不要多餘的部分：{base!r}。",
    },
    "no_repository": {
        "en": "The repository address {value!r} names no repository. It should look like "
              "https://github.com/OWNER/REPOSITORY.",
        "zh-TW": "儲存庫網址 {value!r} 沒有指出儲存庫。它應該像這樣：https://github.com/帳號/儲存庫名稱。",
    },
    "repository_extra": {
        "en": "The repository address {value!r} has extra parts after '?' or '#'. Use the address of "
              "the repository alone.",
        "zh-TW": "儲存庫網址 {value!r} 在 '?' 或 '#' 後面還有東西。請只用儲存庫本身的網址。",
    },
    "repository_page": {
        "en": "{value!r} is a page inside a repository. Use the repository itself, {repo!r}{more}.",
        "zh-TW": "{value!r} 是儲存庫裡的一頁。請用儲存庫本身：{repo!r}{more}。",
    },
    "page_branch": {"en": ", branch={branch!r}", "zh-TW": "，分支填 {branch!r}"},
    "page_path": {"en": " and path={path!r}", "zh-TW": "，儲存庫裡的檔案填 {path!r}"},
    "account_only": {
        "en": "{value!r} names a {service} account, not a repository. It should look like "
              "https://{host}/OWNER/REPOSITORY.",
        "zh-TW": "{value!r} 指的是 {service} 帳號，不是儲存庫。它應該像這樣：https://{host}/帳號/儲存庫名稱。",
    },
    "path_not_text": {
        "en": "The {what} should be text such as 'notebooks/lesson.ipynb', not {value!r}.",
        "zh-TW": "{what}應該是文字，例如 'notebooks/lesson.ipynb'，而不是 {value!r}。",
    },
    "path_backslash": {
        "en": "The {what} {value!r} uses '\\' between folders. Use '/' instead: {fixed!r}.",
        "zh-TW": "{what} {value!r} 用 '\\' 分隔資料夾。請改用 '/'：{fixed!r}。",
    },
    "path_query": {
        "en": "The {what} {value!r} contains '?' or '#', which end a web address early. Rename the file without them.",
        "zh-TW": "{what} {value!r} 含有 '?' 或 '#'，會讓網址提早結束。請把檔案改名，去掉這些字元。",
    },
    "path_control": {
        "en": "The {what} {value!r} contains a control character (such as a line break). Give the file's name alone.",
        "zh-TW": "{what} {value!r} 含有控制字元（例如換行）。請只給檔案名稱。",
    },
    "path_parent": {
        "en": "The {what} {value!r} contains '..', which would point outside the repository. Give the "
              "path from the repository's top folder, e.g. 'notebooks/lesson.ipynb'.",
        "zh-TW": "{what} {value!r} 含有 '..'，會指到儲存庫外面。"
                 "請從儲存庫最上層的資料夾寫起，例如 'notebooks/lesson.ipynb'。",
    },
    "path_not_lesson": {
        "en": "This workshop has no lesson {value!r}, so the link would open an error page. "
              "Did you mean {right!r}? (A path starts at the repository's top folder and ends in .ipynb.)",
        "zh-TW": "這個工作坊沒有 {value!r} 這一課，連結只會打開一個錯誤頁面。你是不是要寫 {right!r}？"
                 "（路徑要從儲存庫最上層的資料夾寫起，並以 .ipynb 結尾。）",
    },
    "branch_bad": {
        "en": "The branch {value!r} is not a branch name git accepts (no spaces, control characters or "
              "'..'). Most repositories use 'main'.",
        "zh-TW": "分支 {value!r} 不是 git 接受的分支名稱（不能有空白、控制字元或 '..'）。大多數儲存庫用 'main'。",
    },
    "unknown_app": {
        "en": "Unknown app {value!r}: choose 'lab' (JupyterLab) or 'classic' (the Notebook interface).",
        "zh-TW": "不認得的介面 {value!r}：請選 'lab'（JupyterLab）或 'classic'（Notebook 介面）。",
    },
    "hub": {"en": "hub address", "zh-TW": "Hub 網址"},
    "repository": {"en": "repository address", "zh-TW": "儲存庫網址"},
    "path": {"en": "path", "zh-TW": "路徑"},
    "targetpath": {"en": "targetpath", "zh-TW": "targetpath（複製到的資料夾）"},
    "your_link": {"en": "Your link:", "zh-TW": "你的連結："},
    # the link form's labels
    "form_where": {"en": "Link for", "zh-TW": "連結要開在"},
    "form_my_hub": {"en": "my JupyterHub (nbgitpuller)", "zh-TW": "我的 JupyterHub（nbgitpuller）"},
    "form_hub": {"en": "Hub address", "zh-TW": "Hub 網址"},
    "form_repo": {"en": "Repository", "zh-TW": "儲存庫"},
    "form_branch": {"en": "Branch", "zh-TW": "分支"},
    "form_path": {"en": "File in the repo", "zh-TW": "儲存庫裡的檔案"},
    "form_app": {"en": "Open in", "zh-TW": "用什麼開啟"},
    "form_classic": {"en": "Classic Notebook", "zh-TW": "Classic Notebook（傳統的 Notebook 介面）"},
}


class LinkError(ValueError):
    """The input cannot make a working link; the message says what to change."""

    __module__ = "workshop.links"  # where learners meet it, and where tracebacks name it


def problem(key: str, **values) -> LinkError:
    """The error to raise: message `key` in the lesson's language, with `values` filled in."""
    return LinkError(language.text(MESSAGES, key, **values))


def word(key: str, **values) -> str:
    """A word or label in the lesson's language."""
    return language.text(MESSAGES, key, **values)

