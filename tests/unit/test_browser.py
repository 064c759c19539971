"""Every browser the toolkit starts is the Chromium that CHROMIUM names (default
/usr/bin/chromium), e.g. on Ubuntu, whose `chromium` package is a snap."""
import pytest

from workshop_kit import browser


def test_chromium_names_the_browser_to_start(tmp_path, monkeypatch):
    chrome = tmp_path / "google-chrome"
    chrome.write_text("#!/bin/sh\n")
    chrome.chmod(0o755)
    monkeypatch.setenv("CHROMIUM", str(chrome))
    assert browser.chromium_path() == str(chrome)


def test_without_chromium_set_the_debian_browser_is_used(monkeypatch):
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(browser.shutil, "which", lambda name: name if name == "/usr/bin/chromium" else None)
    assert browser.chromium_path() == "/usr/bin/chromium"


def test_a_chromium_that_is_not_there_is_named_with_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-such-chrome"))
    with pytest.raises(browser.NoChromium, match="No Chromium at .*no-such-chrome.*set CHROMIUM"):
        browser.chromium_path()
