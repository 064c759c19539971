"""Translations that cannot drift: each translated page records which English version it translates.

A translated lesson keeps, in its notebook metadata, the fingerprint of the English lesson it
was translated from; a translated book page keeps it in its front matter:

    "metadata": {"workshop": {"translation_of": {"source": "notebooks/02-notebook-basics.ipynb",
                                                 "fingerprint": "sha256:..."}}}

    ---
    translation_of:
      source: book/intro.md
      fingerprint: sha256:...
    ---

The fingerprint covers what a translator must follow: each cell's kind, text and metadata (alt
text, tags), never the outputs. tests/unit/test_translations.py fails, naming the page, as soon as
the English differs from the recorded version. The translator then runs

    workshop-translation-diff zh-TW/notebooks/02-notebook-basics.ipynb            # what changed
    workshop-translation-diff --record zh-TW/notebooks/02-notebook-basics.ipynb   # after updating
    workshop-translation-diff                                                     # every page's state
    workshop-translation-diff --anchors zh-TW/book/instructor-guide.md             # links into newly
                                                                                  # translated lessons

The diff finds the recorded version in the English file's git history (the version whose
fingerprint matches) and prints, cell by cell, what changed in the English since then.

Three modules: record (fingerprints, and where a page keeps its record), pages (which page
translates which, whether it is up to date, links into translated lessons) and command (the
diff from git history, and the command itself).
"""
