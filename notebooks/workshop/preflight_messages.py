"""What the environment checks say, in English and Traditional Chinese: the table of lesson 00
(workshop.preflight) and the one line each lesson starts with (workshop.installed)."""

MESSAGES = {
    "not_names": {
        "en": "❌ require() takes the names of packages as text, like require(\"numpy\"); not {shown}.",
        "zh-TW": "❌ require() 需要以文字寫的套件名稱，例如 require(\"numpy\")；而不是 {shown}。",
    },
    "on_a_hub": {
        "en": "You are on a JupyterHub: a class hub, or Binder (which runs a hub behind the scenes).",
        "zh-TW": "你正在 JupyterHub 上：可能是課堂用的 Hub，或是 Binder（它在背後也執行著一個 Hub）。",
    },
    "not_on_a_hub": {
        "en": "No JupyterHub here: this copy runs on a single computer (your own, or the one that built the website).",
        "zh-TW": "這裡沒有 JupyterHub：這份副本在單一電腦上執行（你自己的電腦，或是建置網站的那一台）。",
    },
    "setup": {
        "en": "run the setup: `bash tools/setup_and_build.sh`, or `conda env create -f environment.yml`",
        "zh-TW": "執行安裝：`bash tools/setup_and_build.sh`，或 `conda env create -f environment.yml`",
    },
    "ask_admin": {"en": "ask your hub admin to install {what}", "zh-TW": "請 Hub 管理員安裝 {what}"},
    "kernel_of": {"en": "the {language} kernel ({name})", "zh-TW": "{language} 核心（{name}）"},
    "no_kernel_list": {"en": "could not list Jupyter kernels; ", "zh-TW": "無法列出 Jupyter 核心；"},
    "no_data_folder": {
        "en": "the data folder is not next to the notebooks folder; get a complete copy of the workshop",
        "zh-TW": "data 資料夾不在 notebooks 資料夾旁邊；請取得一份完整的工作坊檔案",
    },
    "header": {"en": "status|what to do", "zh-TW": "狀態|怎麼處理"},
    # The table's first column, as lesson 00 names it, and the statuses in the second.
    "column_name": {"en": "name", "zh-TW": "名稱"},
    "column_package": {"en": "package", "zh-TW": "套件"},
    "column_kernel": {"en": "kernel", "zh-TW": "核心"},
    "column_dataset": {"en": "dataset", "zh-TW": "資料集"},
    "ok": {"en": "ok", "zh-TW": "正常"},
    "ok_version": {"en": "ok {version}", "zh-TW": "正常 {version}"},
    "ok_no_version": {"en": "ok (version unknown)", "zh-TW": "正常（版本不明）"},
    "ok_one_file": {"en": "ok (1 file)", "zh-TW": "正常（1 個檔案）"},
    "ok_files": {"en": "ok ({count} files)", "zh-TW": "正常（{count} 個檔案）"},
    "missing": {"en": "missing", "zh-TW": "缺少"},
    "problem": {"en": "problem", "zh-TW": "有問題"},
    "unknown": {"en": "unknown", "zh-TW": "不明"},
    "need_attention": {
        "en": "-> {problems} of {total} need attention: see 'what to do' above.",
        "zh-TW": "-> {total} 項中有 {problems} 項需要處理：請看上面的「怎麼處理」。",
    },
    "all_ok": {"en": "-> all {total} ok", "zh-TW": "-> 全部 {total} 項都沒問題"},
    "everything_installed": {
        "en": "✅ Everything this lesson needs is installed.",
        "zh-TW": "✅ 這一課需要的東西都已經安裝好了。",
    },
    "missing_one": {
        "en": "❌ This lesson needs {names}, which is not installed here: ask your hub admin to add it "
              "(or run the workshop setup).",
        "zh-TW": "❌ 這一課需要 {names}，但這裡沒有安裝：請 Hub 管理員加裝（或執行工作坊的安裝程式）。",
    },
    "missing_several": {
        "en": "❌ This lesson needs {names}, which are not installed here: ask your hub admin to add them "
              "(or run the workshop setup).",
        "zh-TW": "❌ 這一課需要 {names}，但這裡沒有安裝：請 Hub 管理員加裝（或執行工作坊的安裝程式）。",
    },
    "and": {"en": " and ", "zh-TW": " 和 "},
    "comma": {"en": ", ", "zh-TW": "、"},
}
