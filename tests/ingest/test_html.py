import pytest

from sitrep.errors import InputError
from sitrep.ingest.html import looks_like_html, parse_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Ghana and Togo agree joint patrols | Example Wire</title>
<link rel="canonical" href="https://news.example.org/2024/06/accra-patrols">
<meta property="og:site_name" content="Example Wire">
<meta property="og:title" content="Ghana and Togo agree joint patrols">
<meta name="author" content="A. Mensah">
<meta property="article:published_time" content="2024-06-12T09:30:00+00:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ghana and Togo agree joint patrols</h1>
<p>ACCRA, June 12 (Example Wire) - Ghana and Togo signed an agreement on joint border
patrols in Accra on Wednesday, the two foreign ministers said.</p>
<p>The patrols will begin in July. Burkina Faso did not attend the talks, according to a
Ghanaian diplomat.</p></article>
<footer>Contact us</footer></body></html>"""


def test_page_text_and_metadata():
    article = parse_html(PAGE, "page.html")
    assert "signed an agreement on joint border" in article.text
    assert "Contact us" not in article.text
    assert article.title == "Ghana and Togo agree joint patrols"
    assert article.url == "https://news.example.org/2024/06/accra-patrols"
    assert article.publisher == "Example Wire"
    assert article.published == "2024-06-12T09:30+00:00"
    assert article.source == "page.html"


def test_dateline_in_the_page_text_gives_the_place():
    article = parse_html(PAGE, "page.html")
    assert article.dateline_place == "ACCRA"
    assert article.text[article.dateline_start:article.dateline_end] == "ACCRA"


def test_page_without_date_uses_the_option():
    page = "<html><body><article><p>" + "Officials in Dakar met on Monday. " * 5 + \
        "</p></article></body></html>"
    assert parse_html(page, "p.html", published="2024-02-01").published == "2024-02-01"


@pytest.mark.parametrize(("html", "reason"), [
    ("<html><body><div></div></body></html>", "no article text could be extracted"),
    ("<html><body><script>var x = 1;</script>", "no article text could be extracted"),
    ("just words, no tags at all", "not HTML: no markup found"),
])
def test_pages_without_article_text_are_refused(html, reason):
    with pytest.raises(InputError, match=reason) as caught:
        parse_html(html, "broken.html")
    assert caught.value.source == "broken.html"


def test_markup_sniffing():
    assert looks_like_html("  <!DOCTYPE html><html>")
    assert looks_like_html("<p>Hello</p>")
    assert not looks_like_html("Kenya <and> Haiti")
    assert not looks_like_html("Plain text")
