"""Small helpers the lessons share: setting a lesson up, finding the workshop's data, and
checking answers.

They live beside the lessons so that they work wherever the lessons are opened (this
folder on a laptop, a class hub after an nbgitpuller link, Binder, the unpacked zip of the
whole workshop) with nothing to install.

Every lesson starts with the same cell (only the language and the packages differ):

    try:
        from workshop import set_up
    except ImportError:
        print("...one line on how to get the whole workshop...")
    else:
        set_up("en", "numpy", "matplotlib")
"""


def set_up(language: str = "en", *packages: str) -> None:
    """Start a lesson: speak `language` from now on, and say in one line whether the
    packages the lesson imports are installed. Never raises; returns nothing."""
    from . import language as languages
    from .preflight import require

    languages.use(language)
    require(*packages)
