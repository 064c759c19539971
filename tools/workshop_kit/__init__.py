"""The maintainers' toolkit: build, lessons, translations, the book's extensions, hub harness, screenshots.

Installed into the workshop's .venv with `pip install -e .` (tools/setup_and_build.sh does
it). Learners never need it: what they run is the `workshop` package beside the lessons.
"""
