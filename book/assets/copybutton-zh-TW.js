// The zh-TW edition's pages load this (html_js_files in zh-TW/_edition.yml). sphinx-copybutton
// (0.5.2) has no words for <html lang="zh-TW"> and falls back to English ("Copy", "Copied!"). This
// runs after copybutton.js and before the page is loaded, when the buttons are made: it adds the
// words and makes them the page's.
messages["zh-TW"] = {copy: "複製", copy_to_clipboard: "複製到剪貼簿", copy_success: "已複製！", copy_failure: "複製失敗"};
iconCopy = iconCopy.replace(messages[locale].copy_to_clipboard, messages["zh-TW"].copy_to_clipboard);
iconCheck = iconCheck.replace(messages[locale].copy_success, messages["zh-TW"].copy_success);
locale = "zh-TW";
