"""The unit tier: no browser, no hub or other server, no kernel, so the whole tier takes
seconds. A test here that starts one of them fails, saying so: move it to lessons/, site/ or
hub/."""
import pytest


class NotInTheUnitTier(RuntimeError):
    """A unit test tried to start a kernel, a browser or a server."""


@pytest.fixture(autouse=True)
def unit_tests_start_nothing(request, monkeypatch):
    """Starting a kernel, Chromium (or Playwright's driver) or a server process fails the test."""
    def refuse(what):
        def refused(*args, **kwargs):
            raise NotInTheUnitTier(f"a unit test may not start {what}: move "
                                   f"{request.node.path.name}::{request.node.originalname} to "
                                   "tests/lessons, tests/site or tests/hub")
        return refused
    monkeypatch.setattr("jupyter_client.provisioning.local_provisioner.LocalProvisioner"
                        ".launch_kernel", refuse("a kernel"))
    # Starting Playwright already starts its driver (a Node.js process), before any browser.
    monkeypatch.setattr("playwright.sync_api._context_manager.PlaywrightContextManager.__enter__",
                        refuse("a browser"))
    monkeypatch.setattr("playwright.sync_api._generated.BrowserType.launch", refuse("a browser"))
    monkeypatch.setattr("workshop_kit.process.ServerProcess.start", refuse("a server"))
