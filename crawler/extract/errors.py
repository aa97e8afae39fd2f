"""Errors of the extraction package.

Extraction never raises on bad input through its public functions (`extract`, `extract_all`,
`extract_pdf`, ...): they return None, an empty result, or a result with an `error` message.
These classes exist for the few internal steps that must signal a reason upward:

    ExtractError            base of everything below
    ├── DecodeError         bytes cannot be turned into text (reserved; decoding falls back
    │                       to windows-1252 with replacement characters instead of raising)
    └── PdfError            a PDF cannot be opened (broken, encrypted); `extract_pdf` turns it
                            into `PdfText.error`
"""


class ExtractError(Exception):
    """Base class of extraction errors."""


class DecodeError(ExtractError):
    """The bytes cannot be decoded as text with any plausible encoding."""


class PdfError(ExtractError):
    """The PDF cannot be opened or read; the message says why and what to do."""
