"""JDIH detail pages: the label/value metadata block, read by label text, and the PDF link.

Layouts met in the wild: `<tr><td>Label</td><td>:</td><td>value</td></tr>`,
`<th scope=row>Label</th><td>value</td>`, `<h4>Label</h4><p>value</p>`, `<dt>/<dd>`,
`<strong>Label:</strong> value<br>`, and "Label : value" lines. Position never matters; the label
text does (`labels.field_for_label`). An empty or "-" value stays empty: a label element is only
the label (never a block holding label and value), and a value never runs into the next label.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from urllib.parse import unquote, urljoin

from lxml import html

from crawler.extract.citations import RELATION_VERBS, find_citations, relation_label
from crawler.extract.labels import field_for_label
from crawler.extract.textstats import HEADING_TAGS, spaced_text

_LABEL_TAGS = ("h3", "h4", "h5", "h6", "strong", "b", "label", "span", "div", "p", "th")
_INLINE_PAIR = re.compile(r"^\s*([A-Za-z][A-Za-z .\/]{1,40}?)\s*:\s*(\S.*)$")
_LABEL_TEXT = re.compile(r"[A-Za-z](?:[A-Za-z .\/()&]|-(?=[A-Za-z])){0,44}?\s*:?")
# "Label :" inside a value: where the next pair of a flattened "A : x B : y" line starts
_NEXT_LABEL = re.compile(r"([A-Z][A-Za-z .\/]{1,40}?)\s*:(?:\s|$)")
_WORD_START = re.compile(r"(?:^|(?<=\s))[A-Z]")
_BLOCKS = ("div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "dl",
           "section", "article")
_EMPTY = ("", "-", "–", "—", ":", "--")
_SEPARATORS = (":", "=", "::")
_PDF_HREF = re.compile(r"\.pdf(?:$|[?#])", re.IGNORECASE)


def label_pairs(root: html.HtmlElement) -> list[Pair]:
    """Return every (label, value, elements) pair on the page, read once for all uses below."""
    return list(_pairs(root))


def read_label_values(root: html.HtmlElement,
                      pairs: Iterable[Pair] | None = None) -> dict[str, str]:
    """Return {field: value} from every label/value pair found on the page (first wins)."""
    found: dict[str, str] = {}
    for label, value, _ in _pairs(root) if pairs is None else pairs:
        field = field_for_label(label)
        value = _cut_at_next_label(_squash(value).lstrip(":").strip())
        if field and field not in found and value not in _EMPTY:
            found[field] = value[:5000]
    return found


def metadata_elements(root: html.HtmlElement, keep: Collection[str] = (),
                      pairs: Iterable[Pair] | None = None) -> list[html.HtmlElement]:
    """Return the elements holding known label/value pairs (the metadata block's rows).

    Pairs of the fields in `keep` are left out.
    """
    out: dict[int, html.HtmlElement] = {}
    for label, _, elements in _pairs(root) if pairs is None else pairs:
        field = field_for_label(label)
        if field is not None and field not in keep:
            for element in elements:
                out.setdefault(id(element), element)
    return list(out.values())


def drop_metadata(root: html.HtmlElement, pairs: Iterable[Pair] | None = None) -> None:
    """Remove the metadata block from a detail page so its main text is the prose around it.

    The pairs are fields of the Document already; a wrapper left holding only a heading
    ("Detail Peraturan") goes with them. The abstract and a note ("Keterangan: Lampiran memuat
    ...") stay: they are the page's prose, which no other field keeps whole. `pairs`, when
    given, are the page's pairs read before (`label_pairs`); elements removed since are
    passed over.
    """
    parents = []
    for element in metadata_elements(root, keep=("summary", "note"), pairs=pairs):
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag in _INLINE_LABELS:
            if _prose_after(element):
                continue  # "<strong>Lampiran</strong> memuat daftar ...": a sentence, no pair
            element.tail = None  # "<b>Nomor</b> : 18<br>": the value goes too
        parents.append(parent)
        element.drop_tree()
    for parent in parents:
        while parent is not None and parent.getparent() is not None and parent.tag != "body":
            rest = _squash("".join(
                t for child in parent.iter() if child.tag not in HEADING_TAGS
                for t in (child.text, child.tail if child is not parent else None) if t))
            if len(rest) > _CAPTION or rest.endswith((".", ";", ":")):
                break  # prose or a note stays; a box's caption ("Identitas Dokumen") goes
            above = parent.getparent()
            heading, after = parent.getprevious(), parent.getnext()
            if heading is not None and heading.tag in HEADING_TAGS and (
                    after is None or after.tag in HEADING_TAGS):
                heading.drop_tree()  # "METADATA" over the table, heading nothing else now
            parent.drop_tree()
            parent = above


def _prose_after(label: html.HtmlElement) -> bool:
    """Return True when the text after an inline label runs on as a sentence, not a value."""
    tail = _squash(label.tail or "").lstrip(":").strip()
    return len(tail) > 150 or (len(tail.split()) >= 8 and tail.endswith("."))


Pair = tuple[str, str, tuple[html.HtmlElement, ...]]
_CAPTION = 40  # characters: the most a metadata box's own caption holds
_INLINE_LABELS = ("strong", "b", "label", "span")


def _pairs(root: html.HtmlElement) -> Iterator[Pair]:
    for row in root.iter("tr"):
        cells = [c for c in row if c.tag in ("td", "th")]
        # a row of column headings ("No | Status | Peraturan | Keterangan") is not a pair
        if len(cells) >= 2 and not all(c.tag == "th" for c in cells):
            texts = [_squash(c.text_content() if i == 0 or c.find(".//table") is not None
                             else spaced_text(c)) for i, c in enumerate(cells)]
            values = [t for t in texts[1:] if t not in (":", "")]
            yield texts[0].rstrip(":"), " ".join(values), (row,)
    for term in root.iter("dt"):
        definition = term.getnext()
        if definition is not None and definition.tag == "dd":
            yield term.text_content(), spaced_text(definition), (term, definition)
    yield from _tag_pairs(root)
    for line in root.iter("li", "p"):
        text = _flat(line)
        if len(text) < 300:
            for pair in _inline_pairs(text):
                yield *pair, (line,)


def _tag_pairs(root: html.HtmlElement) -> Iterator[Pair]:
    for tag in root.iter(*_LABEL_TAGS):
        if _has_block(tag):  # a wrapper (checked first: flattening a page-sized one is costly)
            continue
        text = _flat(tag)
        if not text or len(text) > 45:
            continue
        label = text.rstrip(":").strip()
        if field_for_label(label) is None or not _LABEL_TEXT.fullmatch(text):
            for pair in _inline_pairs(text):
                yield *pair, (tag,)
            continue
        if tag.tag == "th":
            continue  # table rows are read above
        tail = _squash(tag.tail or "").lstrip(":").strip()
        if tail:  # <strong>Nomor:</strong> 24<br>
            yield label, tail, (tag,)
            continue
        sibling = tag.getnext()
        while sibling is not None and _squash(sibling.text_content()) in _SEPARATORS:
            sibling = sibling.getnext()  # <div>Label</div><div>:</div><div>value</div>
        if sibling is not None and isinstance(sibling.tag, str):
            value = _value_of(sibling)
            yield label, value, (tag, sibling) if value else (tag,)


def _has_block(tag: html.HtmlElement) -> bool:
    """Return True when an element holds block children (a wrapper of label and value)."""
    return any(isinstance(child.tag, str) and child.tag in _BLOCKS
               for child in tag.iterdescendants())


def _value_of(sibling: html.HtmlElement) -> str:
    """Return the value an element right after a label holds; "" when it is another label."""
    value = _squash(spaced_text(sibling))  # paragraphs of an abstract stay apart
    if sibling.tag in _LABEL_TAGS and _has_block(sibling):
        first = next((_squash(t) for t in sibling.itertext() if t.strip()), "")
        labelled = _INLINE_PAIR.match(value)  # "Nomor : 12 ..." starts the next pair
        if not first or field_for_label(first.rstrip(":")) is not None or (
                labelled and field_for_label(labelled.group(1)) is not None):
            return ""  # the next label/value block: this label's value was empty
        # else a box holding the value (<div class="card-body"><p>7</p></div>)
    if not value or len(value) >= 5000 or field_for_label(value.rstrip(":")) is not None:
        return ""
    return value


def _inline_pairs(text: str) -> list[tuple[str, str]]:
    """Return the "Label : value" pairs of one flattened line ("Nomor : 12 Tahun : 2020")."""
    match = _INLINE_PAIR.match(text)
    if match is None:
        return []
    pairs = []
    while match is not None:
        value = _cut_at_next_label(match.group(2))
        pairs.append((match.group(1), value))
        rest = match.group(2)[len(value):].strip()
        match = _INLINE_PAIR.match(rest) if rest else None
    return pairs


def _cut_at_next_label(value: str) -> str:
    """Return a value cut where a known "Label :" of the next pair starts."""
    for start in _WORD_START.finditer(value):
        match = _NEXT_LABEL.match(value, start.start())
        if match is None or match.group(1).lower() in ("tentang", "perihal"):
            continue  # "... TENTANG : X" inside a title is not the next pair
        if field_for_label(match.group(1)) is not None:
            return value[: match.start()].strip()
    return value


_MAX_LABELS = 40
_MAX_ITEMS_TEXT = 3000
# Elements a status label is printed in: a table cell, a badge, a heading, a term, a bold line
_RELATION_TAGS = ("td", "th", "dt", "span", "div", "strong", "b", "label", "p", "li",
                  "h3", "h4", "h5", "h6")


def read_relations(root: html.HtmlElement) -> list[tuple[str, str]]:
    """Return (relation, cited text) for each regulation a status table or list relates.

    JDIH portals and the national databases print a regulation's relations as labels
    ("Mengubah", "Diubah oleh", "Dicabut dengan :") with the regulations they concern beside
    them (the next cell of a table row) or under them (a list or links after the label). The
    items are read up to the first neighbour that cites no regulation, so a label printed as a
    status value ("Status: Dicabut") or a filter in a sidebar relates nothing.
    """
    out: list[tuple[str, str]] = []
    seen: set[tuple[int, str]] = set()
    kept: list[html.HtmlElement] = []  # alive, so that no two items share an id()
    labels = 0
    for element in root.iter(*_RELATION_TAGS):
        own = (element.text or "").strip()
        if (not own.lower().startswith(RELATION_VERBS) or len(own) > 40
                or _has_block(element)):
            continue
        labels += 1
        if labels > _MAX_LABELS:  # a status block has a handful; a page of them is hostile
            break
        text = _flat(element)
        relation = relation_label(text)
        if relation is not None:
            items = _related_after(_label_box(element, text))
        elif (relation := relation_label(own)) is not None and len(element):
            items = _items(element, skip_text=True)  # <li>Dicabut oleh: <a>...</a></li>
        else:
            continue
        for item in items:
            if (id(item[1]), item[0]) not in seen:
                seen.add((id(item[1]), item[0]))
                kept.append(item[1])
                out.append((relation, item[0]))
    return out


Item = tuple[str, html.HtmlElement]


def _label_box(element: html.HtmlElement, text: str) -> html.HtmlElement:
    """Return the outermost element holding only the label (a badge's cell, a bold line's div)."""
    for _ in range(3):
        parent = element.getparent()
        if (element.getnext() is not None or (element.tail or "").strip() or parent is None
                or _flat(parent) != text):
            break
        element = parent
    return element


def _related_after(label: html.HtmlElement) -> list[Item]:
    items: list[Item] = []
    tail = _squash(label.tail or "").lstrip(":").strip()
    if tail:
        if not find_citations(tail):
            return items
        items.append((tail, label))
    sibling = label.getnext()
    while sibling is not None:
        text = _flat(sibling)
        if not isinstance(sibling.tag, str) or text in ("", *_SEPARATORS):
            sibling = sibling.getnext()
            continue
        if relation_label(text) is not None:
            break
        found = _items(sibling) if len(text) <= _MAX_ITEMS_TEXT else []
        if not found:  # nothing cited, or prose (a section, not a list of related rules)
            break
        items.extend(found)
        sibling = sibling.getnext()
    return items


def _items(container: html.HtmlElement, *, skip_text: bool = False) -> list[Item]:
    """Return the cited regulations a container lists: its list items, else its links."""
    for tag in ("li", "a"):
        found = [(_flat(e), e) for e in container.iter(tag) if e is not container]
        found = [item for item in found if find_citations(item[0])]
        if found:
            return found
    text = _flat(container)
    if skip_text:
        text = text[len(_squash(container.text or "")):]
    return [(piece, container) for piece in re.split(r"\s*;\s*", text) if find_citations(piece)]


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


def _flat(element: html.HtmlElement) -> str:
    """Return an element's text with its pieces apart ("7<br>Status" -> "7 Status")."""
    return _squash(" ".join(element.itertext()))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
