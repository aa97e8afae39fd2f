"""JDIH detail pages: the label/value metadata block, read by label text, and the PDF link.

Layouts met in the wild: `<tr><td>Label</td><td>:</td><td>value</td></tr>`,
`<th scope=row>Label</th><td>value</td>`, `<h4>Label</h4><p>value</p>`, `<dt>/<dd>`, and
"Label : value" lines. Position never matters; the label text does (`labels.field_for_label`).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from crawler.extract.labels import field_for_label

_LABEL_TAGS = ("h3", "h4", "h5", "h6", "strong", "b", "label", "span", "div", "p")
_INLINE_PAIR = re.compile(r"^\s*([A-Za-z][A-Za-z .\/]{1,40}?)\s*:\s*(\S.*)$")


def read_label_values(soup: BeautifulSoup) -> dict[str, str]:
    """Return {field: value} from every label/value pair found on the page (first wins)."""
    found: dict[str, str] = {}
    for label, value in _pairs(soup):
        field = field_for_label(label)
        value = _squash(value).lstrip(":").strip()
        if field and value and field not in found and value not in ("-", "–", ":"):
            found[field] = value
    return found


def _pairs(soup: BeautifulSoup):  # type: ignore[no-untyped-def]
    for row in soup.find_all("tr"):
        cells = [c for c in row.find_all(["td", "th"], recursive=False)]
        if len(cells) >= 2:
            texts = [_squash(c.get_text(" ")) for c in cells]
            values = [t for t in texts[1:] if t not in (":", "")]
            if values:
                yield texts[0].rstrip(":"), values[-1] if len(values) == 1 else " ".join(values)
    for term in soup.find_all("dt"):
        definition = term.find_next_sibling("dd")
        if isinstance(definition, Tag):
            yield term.get_text(" "), definition.get_text(" ")
    for tag in soup.find_all(_LABEL_TAGS):
        text = _squash(tag.get_text(" "))
        if not text or len(text) > 45:
            continue
        label = text.rstrip(":").strip()
        if field_for_label(label) is None:
            match = _INLINE_PAIR.match(text)
            if match:
                yield match.group(1), match.group(2)
            continue
        sibling = tag.find_next_sibling()
        if isinstance(sibling, Tag):
            value = _squash(sibling.get_text(" "))
            if value and len(value) < 2000 and field_for_label(value.rstrip(":")) is None:
                yield label, value
    for line_tag in soup.find_all(["li", "p"]):
        text = _squash(line_tag.get_text(" "))
        if len(text) < 300:
            match = _INLINE_PAIR.match(text)
            if match:
                yield match.group(1), match.group(2)


def find_pdf_url(soup: BeautifulSoup, base_url: str) -> str | None:
    """Return the document link: first a[href*=.pdf], else iframe src, else [data-file]."""
    link = soup.find("a", href=re.compile(r"\.pdf(?:$|[?#])", re.IGNORECASE))
    if isinstance(link, Tag):
        return urljoin(base_url, str(link["href"]).strip())
    frame = soup.find(["iframe", "embed", "object"], src=True) or soup.find("object", data=True)
    if isinstance(frame, Tag):
        src = str(frame.get("src") or frame.get("data") or "").strip()
        file_param = re.search(r"[?&]file=([^&]+)", src)
        if file_param:
            from urllib.parse import unquote

            src = unquote(file_param.group(1))
        if src:
            return urljoin(base_url, src)
    holder = soup.find(attrs={"data-file": True})
    if isinstance(holder, Tag):
        return urljoin(base_url, str(holder["data-file"]).strip())
    return None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
