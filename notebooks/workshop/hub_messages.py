"""What workshop.hub says, in English and Traditional Chinese: the hub's answers, and why the
hub could not be asked."""
from __future__ import annotations

from . import language

MESSAGES = {
    "401": {"en": "the token was not accepted; it may have expired or been revoked.",
            "zh-TW": "權杖沒有被接受；它可能已經過期或被撤銷。"},
    "403": {"en": "the token is not allowed to ask this; it may have expired or been revoked.",
            "zh-TW": "這個權杖沒有權限詢問這件事；它可能已經過期或被撤銷。"},
    "404": {"en": "the hub has no such page; is JUPYTERHUB_API_URL right?",
            "zh-TW": "Hub 上沒有這個頁面；JUPYTERHUB_API_URL 對嗎？"},
    "http_other": {"en": "the hub had a problem answering.", "zh-TW": "Hub 回答時出了問題。"},
    "http": {"en": "the hub answered HTTP {code} {reason}: {advice}",
             "zh-TW": "Hub 回應 HTTP {code} {reason}：{advice}"},
    "timeout": {"en": "the hub did not answer within {seconds:g} seconds.",
                "zh-TW": "Hub 在 {seconds:g} 秒內沒有回應。"},
    "unreachable": {"en": "could not reach the hub at {url} ({reason}).",
                    "zh-TW": "連不上位於 {url} 的 Hub（{reason}）。"},
    "not_json": {"en": "the hub's answer was not the JSON it should send.",
                 "zh-TW": "Hub 的回答不是它應該送來的 JSON。"},
    "not_a_user": {"en": "the hub's answer was not the description of a user.",
                   "zh-TW": "Hub 的回答不是一位使用者的描述。"},
    "redirected": {"en": "the hub sent the question on to another address ({origin}); the token was not "
                         "sent there. Is JUPYTERHUB_API_URL right?",
                   "zh-TW": "Hub 把問題轉到另一個位址（{origin}）；權杖沒有送過去。JUPYTERHUB_API_URL 對嗎？"},
    "could_not_ask": {"en": "Could not ask the hub: {error}", "zh-TW": "無法詢問 Hub：{error}"},
    "started": {"en": ", started {day} {time} UTC", "zh-TW": "，啟動於 {day} {time}（世界協調時間）"},
    "started_raw": {"en": ", started {text}", "zh-TW": "，啟動於 {text}"},
    "logged_in_as": {"en": "You are logged in as: {name}", "zh-TW": "你登入的身分是：{name}"},
    "admin": {"en": "Hub administrator: {answer}", "zh-TW": "Hub 管理員：{answer}"},
    "comma": {"en": ", ", "zh-TW": "、"},
    "yes": {"en": "yes", "zh-TW": "是"},
    "no": {"en": "no", "zh-TW": "否"},
    "servers_hidden": {"en": "Your servers: this server's token may not list them (the hub decides).",
                       "zh-TW": "你的伺服器：這台伺服器的權杖不能列出它們（由 Hub 決定）。"},
    "servers_none": {"en": "Your servers: none running.", "zh-TW": "你的伺服器：沒有在執行的。"},
    "servers": {"en": "Your servers:", "zh-TW": "你的伺服器："},
    "server_line": {"en": "  - {label}: {state}{started}", "zh-TW": "  - {label}：{state}{started}"},
    "default_server": {"en": "the default server", "zh-TW": "預設伺服器"},
    "running": {"en": "running", "zh-TW": "執行中"},
    "changing": {"en": "starting or stopping", "zh-TW": "啟動中或停止中"},
    "not_on_hub_one": {
        "en": "This notebook is not running on a JupyterHub server (the variable {names} is not set), "
              "so there is no hub to ask.",
        "zh-TW": "這本筆記本不是在 JupyterHub 伺服器上執行（沒有設定變數 {names}），所以沒有 Hub 可以詢問。"},
    "not_on_hub_several": {
        "en": "This notebook is not running on a JupyterHub server (the variables {names} are not set), "
              "so there is no hub to ask.",
        "zh-TW": "這本筆記本不是在 JupyterHub 伺服器上執行（沒有設定變數 {names}），所以沒有 Hub 可以詢問。"},
    "on_a_hub_shows": {"en": "On a hub, this cell asks the hub about you and shows something like:",
                       "zh-TW": "在 Hub 上，這個儲存格會向 Hub 詢問你的資料，並顯示類似這樣的內容："},
    "cpu_limit": {"en": "CPU limit (most CPUs you may use)", "zh-TW": "CPU 上限（你最多能用的 CPU）"},
    "cpu_guarantee": {"en": "CPU guarantee (CPUs kept for you)", "zh-TW": "CPU 保證量（保留給你的 CPU）"},
    "mem_limit": {"en": "Memory limit (most memory you may use)", "zh-TW": "記憶體上限（你最多能用的記憶體）"},
    "mem_guarantee": {"en": "Memory guarantee (memory kept for you)", "zh-TW": "記憶體保證量（保留給你的記憶體）"},
    "size_line": {"en": "{label}: {value}", "zh-TW": "{label}：{value}"},
    "not_set": {"en": "not set here", "zh-TW": "這裡沒有設定"},
}


def say(key: str, **values) -> str:
    """Message `key` in the lesson's language, with `values` filled in."""
    return language.text(MESSAGES, key, **values)
