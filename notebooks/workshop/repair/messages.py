"""What the repair says, in English and Traditional Chinese: one entry per sentence or part of
the paragraph it prints (workshop.language picks the text)."""

MESSAGES = {
    "fine": {
        "en": "Nothing to repair: the workshop folder {folder} is in order.{fetch} If a lesson "
              "still looks out of date, save it, click the workshop link again, then run all "
              "its cells.",
        "zh-TW": "不需要修復：工作坊資料夾 {folder} 一切正常。{fetch}如果某一課看起來還是舊的，"
                 "請先儲存，再點一次工作坊連結，然後執行所有儲存格。",
    },
    "repaired": {
        "en": "I repaired the workshop folder {folder}: {what}.{kept}{fetch} {next}",
        "zh-TW": "工作坊資料夾 {folder} 已修復：{what}。{kept}{fetch}{next}",
    },
    "next": {
        "en": "Next, click the workshop link again to get the teacher's latest; if a click "
              "ever fails, run this repair again.",
        "zh-TW": "接下來，請再點一次工作坊連結，取得老師的最新版本；如果點連結失敗，就再執行一次"
                 "這個修復。",
    },
    "next_open_tab": {
        "en": "Next, click the workshop link again to get the teacher's latest. If one of "
              "these files is open in a tab and JupyterLab says \"File Changed\", choose "
              "Overwrite, then run this repair once more: that keeps what you typed as well. "
              "If a click ever fails, run this repair again.",
        "zh-TW": "接下來，請再點一次工作坊連結，取得老師的最新版本。如果這些檔案有哪一個開在分頁"
                 "裡，JupyterLab 顯示「檔案已變更」（File Changed）時，請選「覆寫」（Overwrite），"
                 "然後再執行一次這個修復：這樣你剛剛打的字也會留下來。之後點連結如果失敗，就再"
                 "執行一次修復。",
    },
    "and": {"en": "; ", "zh-TW": "；"},
    "lock": {
        "en": "an interrupted update had left git's lock file behind, and I removed it",
        "zh-TW": "上次更新被中斷，留下了 git 的鎖定檔案，已經刪除",
    },
    "merge": {
        "en": "a git {operation} started by hand in this folder was never finished, and I "
              "finished it",
        "zh-TW": "有人在這個資料夾裡手動執行的 git {operation} 沒有完成，已經替你完成",
    },
    "abort": {
        "en": "a git {operation} started by hand in this folder was never finished, and I "
              "undid it",
        "zh-TW": "有人在這個資料夾裡手動執行的 git {operation} 沒有完成，已經取消",
    },
    "broken": {
        "en": "{names} had been left half-merged (conflict markers, or a notebook that is not "
              "valid JSON) and could not be opened",
        "zh-TW": "{names} 合併到一半（含有衝突標記，或筆記本不是有效的 JSON），無法開啟",
    },
    "broken_own": {
        "en": "{names} cannot be opened, and the teacher has no version of it, so it is left as "
              "it is: to rescue what is in it, right-click it, then Open With → Editor.",
        "zh-TW": "{names} 無法開啟，而老師沒有這個檔案的版本，所以保持原樣：要救回裡面的內容，"
                 "請在檔案上按右鍵，選 Open With → Editor（開啟方式 → 文字編輯器）。",
    },
    "history": {
        "en": "the teacher rewrote the workshop's history, so updates could no longer be "
              "merged, and I moved this copy onto the teacher's new history",
        "zh-TW": "老師改寫了工作坊的版本歷史，所以更新無法再合併；已經把這份副本移到老師的新"
                 "歷史上",
    },
    "moved": {
        "en": "the teacher moved or retired {names}, which you had worked on, and the old name "
              "now says where the lesson went",
        "zh-TW": "老師搬移或停用了你做過的 {names}；舊的檔名現在會告訴你這一課搬到哪裡",
    },
    "undone": {
        "en": "{names} had lost the teacher's latest change (saved over it from a tab opened "
              "before the update: JupyterLab's Overwrite), and I put that change back, keeping "
              "your own edits",
        "zh-TW": "{names} 遺失了老師最新的修改（在更新前開啟的分頁裡存檔蓋過了它：JupyterLab 的"
                 "「覆寫」），已經把老師的修改放回去，你自己的修改也都保留",
    },
    "kept": {
        "en": " Your work is safe, kept beside the teacher's version: {copies}; the original "
              "names now hold the teacher's latest.",
        "zh-TW": "你的作品都還在，存放在老師的版本旁邊：{copies}；原來的檔名現在是老師的最新"
                 "版本。",
    },
    "kept_one": {"en": "{copy} is your {original}", "zh-TW": "{copy} 是你的 {original}"},
    "kept_sep": {"en": ", ", "zh-TW": "、"},
    "with": {"en": "{name} ({detail})", "zh-TW": "{name}（{detail}）"},
    "offline": {
        "en": " (I could not reach the teacher's repository, so I used the latest version "
              "this copy already had.)",
        "zh-TW": "（連不上老師的儲存庫，所以使用這份副本已有的最新版本。）",
    },
    "busy": {
        "en": "git is still working in the workshop folder {folder} (an update may be "
              "running). Nothing was changed: wait a minute, then run the repair again.",
        "zh-TW": "git 還在工作坊資料夾 {folder} 裡執行（可能正在更新）。沒有做任何變更："
                 "請等一分鐘，再執行一次修復。",
    },
    "not_a_clone": {
        "en": "{folder} is not a copy made by the workshop link (it has no git history), so "
              "there is nothing to repair. Run the repair inside the workshop folder.",
        "zh-TW": "{folder} 不是用工作坊連結取得的副本（沒有 git 版本歷史），所以沒有東西需要"
                 "修復。請在工作坊資料夾裡執行修復。",
    },
    "no_git": {
        "en": "git is not installed here, so the workshop link cannot update this folder and "
              "there is nothing to repair.",
        "zh-TW": "這裡沒有安裝 git，所以工作坊連結無法更新這個資料夾，也沒有東西需要修復。",
    },
    "unwritable": {
        "en": "{names} had lost its write permission, so the workshop link could not update "
              "it and clicks failed, and I gave the permission back",
        "zh-TW": "{names} 失去了寫入權限，工作坊連結無法更新它，所以點連結會失敗；已經把權限"
                 "改回來",
    },
    "refused": {
        "en": "I did not touch {names}: each is a link, or lies inside a linked folder, and "
              "following a link could change files outside the workshop folder. Show this "
              "to your teacher.",
        "zh-TW": "我沒有動 {names}：它們是連結，或放在被連結的資料夾裡，跟著連結寫入可能會改到"
                 "工作坊資料夾以外的檔案。請把這段訊息給老師看。",
    },
    "failed": {
        "en": "I could not write {names}, so it is left as it was, and nothing of yours was "
              "lost.",
        "zh-TW": "{names} 無法寫入，所以保持原樣，你的東西一樣都沒有少。",
    },
    "low_space": {
        "en": "The disk is (nearly) full, {free} free: free at least {need} (delete or "
              "download files you no longer need), then run this repair again. The biggest "
              "files in {where}: {files}.",
        "zh-TW": "磁碟（幾乎）滿了，只剩 {free}：請至少清出 {need}（刪掉或下載不再需要的檔案），"
                 "再執行一次這個修復。{where} 裡最大的檔案：{files}。",
    },
    "when_a_click_fails": {
        "en": "Once that is sorted, click the workshop link again; if a click fails, run this "
              "repair again.",
        "zh-TW": "處理好之後，再點一次工作坊連結；點連結如果失敗，就再執行一次這個修復。",
    },
    "no_answer": {
        "en": " (The teacher's repository did not answer within {seconds} seconds, so I used "
              "the latest version this copy already had; every repair that needs no network "
              "was done.)",
        "zh-TW": "（老師的儲存庫在 {seconds} 秒內沒有回應，所以使用這份副本已有的最新版本；"
                 "不需要網路的修復都已經完成。）",
    },
    "no_folder": {
        "en": "{folder} does not exist, so there is nothing to repair there. Run the repair "
              "inside the workshop folder, or give its name: python3 -m workshop.repair "
              "~/FOLDER",
        "zh-TW": "{folder} 不存在，所以那裡沒有東西需要修復。請在工作坊資料夾裡執行修復，或是"
                 "給它資料夾的名字：python3 -m workshop.repair ~/資料夾",
    },
}
