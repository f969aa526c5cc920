"""Documents the reader tests build for themselves: PDFs, Word files, RTF, Nexis exports, pages.

Every text here is constructed for the tests (a fictional town, fictional people); none
is copied from a published article.
"""

from __future__ import annotations

import io
from pathlib import Path

HEADLINE = "Council delays the harbour vote in Eastport"
PARAGRAPHS = [
    "EASTPORT, March 3 — The town council delayed its vote on the harbour plan on Tuesday, "
    "officials said, after residents “packed” the hall to object.",
    "The mayor, Ada Lind, called the plan a sensible compromise. Opponents called it a "
    "giveaway to developers and said they would keep up their campaign.",
    "A new vote is expected next month, the council's clerk said.",
]

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council delays the harbour vote in Eastport | The Eastport Courier</title>
<meta name="author" content="Sam Okafor">
<meta property="og:site_name" content="The Eastport Courier">
<meta property="article:published_time" content="2021-03-03T09:30:00+00:00">
<script>window.dataLayer = [{"page": "story"}];</script>
<style>.menu { display: flex }</style></head>
<body>
<div id="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies or
manage your preferences.</p><button>Accept</button></div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article>
<h1>Council delays the harbour vote in Eastport</h1>
<p class="byline">By Sam Okafor</p>
<p>EASTPORT, March 3 &mdash; The town council delayed its vote on the harbour plan on
Tuesday, officials said, after residents &ldquo;packed&rdquo; the hall to object.</p>
<p>The mayor, Ada Lind, called the plan a sensible compromise. Opponents called it a giveaway
to developers and said they would keep up their campaign &amp; their petition.</p>
<p>A new vote is expected next month, the council's clerk said. Residents who spoke at the
meeting asked for the plan's traffic study to be published in full before then.</p>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Harbour plan explained</a>
</li><li><a href="/b">Ferry timetable changes</a></li></ul></aside>
</article></main>
<div class="subscribe"><p>Subscribe to the Courier for unlimited access to local news.</p></div>
<footer><p>Copyright 2021 The Eastport Courier. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
</body></html>
"""


# --------------------------------------------------------------------------- PDF


def _pdf_string(text: str) -> bytes:
    out = b""
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte > 126:
            out += b"\\%03o" % byte
        else:
            out += bytes([byte])
    return b"(" + out + b")"


def make_pdf(pages: list[list[list[str]]], info: dict[str, str] | None = None) -> bytes:
    """A PDF with a real text layer (Helvetica): pages of paragraphs of lines.

    Lines are 14 points apart, paragraphs 24, as a word processor lays them out.
    """
    objects: list[bytes] = [b"", b""]  # catalog and page tree, filled in below
    font = len(objects) + 1
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")
    kids = []
    for paragraphs in pages:
        ops = [b"BT /F1 11 Tf 14 TL 72 750 Td"]
        for paragraph in paragraphs:
            ops.extend(_pdf_string(line) + b" Tj T*" for line in paragraph)
            ops.append(b"0 -10 Td")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                       b"<< /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, content))
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                  + b"] /Count %d >>" % len(kids))
    info_ref = b""
    if info:
        objects.append(b"<< " + b" ".join(b"/" + k.encode() + b" " + _pdf_string(v)
                                          for k, v in info.items()) + b" >>")
        info_ref = b" /Info %d 0 R" % len(objects)
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, info_ref, xref))
    return out


def article_pdf() -> bytes:
    """One page: a headline, a byline, and the story's paragraphs broken into lines."""
    return make_pdf([[
        [HEADLINE], ["By Sam Okafor"],
        ["EASTPORT, March 3 — The town council delayed its vote on the harbour plan on",
         "Tuesday, officials said, after residents “packed” the hall to ob-",
         "ject."],
        ["The mayor, Ada Lind, called the plan a sensible compromise. Opponents called it a",
         "giveaway to developers and said they would keep up their campaign."],
        ["A new vote is expected next month, the council's clerk said."],
    ]], info={"Title": HEADLINE, "Author": "Eastport Courier desk",
              "CreationDate": "D:20210304120000Z"})


def scanned_pdf() -> bytes:
    """Two pages with no text layer, as a scanner makes them (the pictures left out)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def protected_pdf(user_password: str = "secret") -> bytes:
    """The article PDF, locked with a password (RC4, which pypdf needs no extra library for)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(article_pdf())))
    writer.encrypt(user_password, owner_password="owner-only", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- Word


def make_docx(paragraphs: list[str], *, title: str = "", author: str = "",
              page_breaks_before: set[int] = frozenset()) -> bytes:
    """A .docx with these paragraphs ('' for an empty one), written by python-docx."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for i, text in enumerate(paragraphs):
        paragraph = document.add_paragraph()
        if i in page_breaks_before:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
        paragraph.add_run(text)
    document.core_properties.title = title
    document.core_properties.author = author
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def article_docx() -> bytes:
    return make_docx([HEADLINE, "By Sam Okafor", "", *PARAGRAPHS],
                     title=HEADLINE, author="A student")


# --------------------------------------------------------------------------- RTF


def rtf_escape(text: str, encoding: str = "cp1252") -> str:
    """Text as RTF: ASCII as is, other characters as \\'xx in the code page, else \\uN?."""
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append("".join(f"\\'{b:02x}" for b in ch.encode(encoding)))
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
    return "".join(out)


def make_rtf(paragraphs: list[str], *, code_page: int = 1252, encoding: str = "cp1252",
             title: str = "") -> bytes:
    info = "{\\info{\\title " + rtf_escape(title, encoding) + "}}" if title else ""
    body = "".join("\\pard " + rtf_escape(p, encoding) + "\\par\n" for p in paragraphs)
    return (f"{{\\rtf1\\ansi\\ansicpg{code_page}\\deff0{{\\fonttbl{{\\f0 Times New Roman;}}}}"
            f"{info}\n{body}}}\n").encode("ascii")


# --------------------------------------------------------------------------- Nexis Uni

NBSP = "\u00a0"
COVER = [
    "User Name: =student@example.edu",
    "Date and Time: Thursday, March 11, 2021 2:05:00 PM EST",
    "Job Number: 123456789",
    "Documents (3)",
    "1. Council delays the harbour vote in Eastport",
    "Client/Matter: -None-",
    "Search Terms: harbour AND Eastport",
    "Search Type: Terms and Connectors",
    "Narrowed by",
    "Content Type Narrowed by",
    "News Timeline: Mar 01, 2021 to Mar 10, 2021",
]


def nexis_story(title: str, outlet: str, date: str, byline: str, body: list[str], *,
                with_body_line: bool = True, ended: bool = True) -> list[str]:
    """One story as Nexis Uni lays it out: header block, 'Body', text, fields, end line."""
    lines = [title, outlet, date, f"Copyright 2021 {outlet}", f"Section:{NBSP}LOCAL; Pg. 4",
             f"Length:{NBSP}{sum(len(p.split()) for p in body)} words",
             f"Byline:{NBSP}{byline}"]
    if with_body_line:
        lines.append("Body")
    lines += body
    lines += ["Classification", f"Language:{NBSP}ENGLISH", f"Publication-Type:{NBSP}Newspaper",
              f"Subject:{NBSP}CITY GOVERNMENT (90%); PORTS (88%)",
              f"Load-Date:{NBSP}March 5, 2021"]
    if ended:
        lines.append("End of Document")
    return lines


def nexis_lines(*, broken: bool = True) -> list[str]:
    """A cover page and three stories; the second has lost its 'Body' line when broken."""
    return [
        *COVER,
        *nexis_story(HEADLINE, "The Eastport Courier", "March 3, 2021 Wednesday",
                     "Sam Okafor", PARAGRAPHS),
        *nexis_story("Ferry timetable changes for spring", "Harbour Weekly",
                     "March 4, 2021 Thursday", "Lee Varga",
                     ["The ferry will run every hour from April, the operator said."],
                     with_body_line=not broken),
        *nexis_story("Residents ask for the traffic study", "Eastport Evening Post",
                     "5 March 2021", "By Mira Chen",
                     ["Residents asked the council on Friday to publish the traffic study.",
                      "The clerk said the study would be released \u201cin due course\u201d."]),
    ]


def nexis_docx(lines: list[str] | None = None) -> bytes:
    lines = nexis_lines() if lines is None else lines
    breaks = {i for i, line in enumerate(lines) if i and lines[i - 1] == "End of Document"}
    breaks.add(len(COVER))
    return make_docx(lines, title="Files (3)", author="Nexis Uni", page_breaks_before=breaks)


def nexis_rtf(lines: list[str] | None = None) -> bytes:
    return make_rtf(nexis_lines() if lines is None else lines)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
