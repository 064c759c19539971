"""Every page of the book in every edition (zh-TW/ under the English site): the narrative
pages and one page per lesson, as paths under the built site."""
from workshop_kit.repo import EDITIONS

PAGES = [f"{edition.site_prefix}book/{page.stem}.html" for edition in EDITIONS for page in edition.pages()] + [
    f"{edition.site_prefix}notebooks/{lesson.stem}.html" for edition in EDITIONS for lesson in edition.lessons()
]
