"""JDIH detail pages: the label/value metadata block, read by label text, and the PDF link.

Layouts met in the wild: `<tr><td>Label</td><td>:</td><td>value</td></tr>`,
`<th scope=row>Label</th><td>value</td>`, `<h4>Label</h4><p>value</p>`, `<dt>/<dd>`, and
"Label : value" lines. Position never matters; the label text does (`labels.field_for_label`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote, urljoin

from lxml import html

from crawler.extract.labels import field_for_label

_LABEL_TAGS = ("h3", "h4", "h5", "h6", "strong", "b", "label", "span", "div", "p", "th")
_INLINE_PAIR = re.compile(r"^\s*([A-Za-z][A-Za-z .\/]{1,40}?)\s*:\s*(\S.*)$")
_PDF_HREF = re.compile(r"\.pdf(?:$|[?#])", re.IGNORECASE)


def read_label_values(root: html.HtmlElement) -> dict[str, str]:
    """Return {field: value} from every label/value pair found on the page (first wins)."""
    found: dict[str, str] = {}
    for label, value in _pairs(root):
        field = field_for_label(label)
        value = _squash(value).lstrip(":").strip()
        if field and value and field not in found and value not in ("-", "–", ":"):
            found[field] = value[:5000]
    return found


def _pairs(root: html.HtmlElement) -> Iterator[tuple[str, str]]:
    for row in root.iter("tr"):
        cells = [c for c in row if c.tag in ("td", "th")]
        if len(cells) >= 2:
            texts = [_squash(c.text_content()) for c in cells]
            values = [t for t in texts[1:] if t not in (":", "")]
            if values:
                yield texts[0].rstrip(":"), " ".join(values)
    for term in root.iter("dt"):
        definition = term.getnext()
        if definition is not None and definition.tag == "dd":
            yield term.text_content(), definition.text_content()
    for tag in root.iter(*_LABEL_TAGS):
        text = _squash(tag.text_content())
        if not text or len(text) > 45:
            continue
        label = text.rstrip(":").strip()
        if field_for_label(label) is None:
            match = _INLINE_PAIR.match(text)
            if match:
                yield match.group(1), match.group(2)
            continue
        sibling = tag.getnext()
        if sibling is not None and isinstance(sibling.tag, str) and tag.tag != "th":
            value = _squash(sibling.text_content())
            if value and len(value) < 5000 and field_for_label(value.rstrip(":")) is None:
                yield label, value
    for line in root.iter("li", "p"):
        text = _squash(line.text_content())
        if len(text) < 300:
            match = _INLINE_PAIR.match(text)
            if match:
                yield match.group(1), match.group(2)


def find_pdf_url(root: html.HtmlElement, base_url: str) -> str | None:
    """Return the document link: first a[href*=.pdf], else iframe src, else [data-file]."""
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if href and _PDF_HREF.search(href):
            return urljoin(base_url, href)
    for frame in root.iter("iframe", "embed", "object"):
        src = (frame.get("src") or frame.get("data") or "").strip()
        file_param = re.search(r"[?&]file=([^&]+)", src)
        if file_param:
            src = unquote(file_param.group(1))
        if src:
            return urljoin(base_url, src)
    for holder in root.xpath("//*[@data-file]"):
        value = (holder.get("data-file") or "").strip()
        if value:
            return urljoin(base_url, value)
    return None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
