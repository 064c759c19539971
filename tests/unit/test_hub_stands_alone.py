"""The hub needs nothing of the maintainers' toolkit (the hub started with its settings:
tests/hub/test_hub_settings.py)."""
from workshop_kit.repo import ROOT


def test_the_hub_needs_nothing_of_the_maintainers_toolkit():
    """What the hub process imports of the workshop's own code lives under hub/ (package
    workshop_hub), which installs with the learners' set; the toolkit (workshop_kit) may
    import from there, never the other way."""
    from workshop_kit.imports import imports_in_code
    files = sorted((ROOT / "hub").glob("*.py"))
    assert {"jupyterhub_config.py", "settings.py", "auth.py"} <= {f.name for f in files}
    for path in files:
        names = imports_in_code(path.read_text(encoding="utf-8"), package="workshop_hub")
        assert not {n for n in names if n.split(".")[0] == "workshop_kit"}, path.name
