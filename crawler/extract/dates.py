"""Indonesian (and ISO/English) date parsing: a small, fast parser of our own.

Understands "Minggu, 24 November 2024", "24/11/2024 10:15 WITA", "24 Nov 2024",
"2024-11-24T10:15:00+08:00", "24 Nopember 2024", "Agt"/"Ags" for August, "Nov 24, 2024",
and the zone names WIB/WITA/WIT (+07/+08/+09).
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("januari", "jan", "january"),
        ("februari", "pebruari", "feb", "peb", "february", "febr"),
        ("maret", "mar", "march", "mrt"),
        ("april", "apr"),
        ("mei", "may"),
        ("juni", "jun", "june"),
        ("juli", "jul", "july"),
        ("agustus", "agu", "agt", "ags", "agus", "aug", "august"),
        ("september", "sep", "sept", "sepember"),
        ("oktober", "okt", "oct", "october", "oktokber"),
        ("november", "nopember", "nov", "nop", "novemver"),
        ("desember", "des", "dec", "december", "dese"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

ZONES: dict[str, dt.timezone] = {
    "wib": dt.timezone(dt.timedelta(hours=7)),
    "wita": dt.timezone(dt.timedelta(hours=8)),
    "wit": dt.timezone(dt.timedelta(hours=9)),
    "utc": dt.UTC,
    "gmt": dt.UTC,
    "z": dt.UTC,
}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_TIME = (
    r"(?:\s*(?:,|\||-|–|—|pukul|jam|pkl\.?|at)?\s*"
    r"(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:[:.](?P<ss>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?))?"
    r"(?:\s*(?P<zone>wita|wib|wit|utc|gmt|z|[+-]\d{2}:?\d{2})\b)?)?"
)
_ISO = re.compile(
    r"(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"  # also "2025/11/13"
    r"(?:[T\s](?P<hh>\d{2}):(?P<mi>\d{2})(?::(?P<ss>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|wib|wita|wit)?)?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}|\d{2})(?![\d/])" + _TIME,
    re.IGNORECASE,
)
_DAY_MONTH_YEAR = re.compile(
    r"(?<![\w])(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*(?P<mon>" + _MONTH_RE + r")\.?"
    r"(?:[\s,.]+|[-/])(?P<y>\d{4})(?!\d)" + _TIME,
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    r"(?<![\w])(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?P<y>\d{4})(?!\d)" + _TIME,
    re.IGNORECASE,
)


def parse_date_id(text: str | None) -> dt.datetime | dt.date | None:
    """Parse the first date in an Indonesian, ISO or English date string.

    Returns a `datetime` when a time of day is given (timezone-aware when the zone is known,
    e.g. WITA -> +08:00), a `date` when only the day is known, and None when nothing valid
    is found (including placeholders such as "30 November -0001").
    """
    if not text or not isinstance(text, str):
        return None
    text = text.strip()[:400]
    for pattern, month_from_name in (
        (_ISO, False),
        (_DAY_MONTH_YEAR, True),
        (_MONTH_DAY_YEAR, True),
        (_NUMERIC, False),
    ):
        for match in pattern.finditer(text):
            found = _build(match, month_from_name)
            if found is not None:
                return found
    return None


def parse_day(text: str | None) -> dt.date | None:
    """Parse the first date in a string and return only its calendar day."""
    found = parse_date_id(text)
    if isinstance(found, dt.datetime):
        return found.date()
    return found


def _build(match: re.Match[str], month_from_name: bool) -> dt.datetime | dt.date | None:
    groups = match.groupdict()
    month = MONTHS.get(groups["mon"].lower()) if month_from_name else int(groups["m"])
    year = int(groups["y"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    if not month or not 1800 <= year <= 2200:
        return None
    try:
        day = dt.date(year, month, int(groups["d"]))
    except ValueError:
        return None
    if groups.get("hh") is None:
        return day
    hour = int(groups["hh"])
    ampm = (groups.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return day
    zone = _zone(groups.get("zone"))
    return dt.datetime(
        year, month, day.day, hour, int(groups["mi"]), int(groups.get("ss") or 0), tzinfo=zone
    )


def _zone(name: str | None) -> dt.tzinfo | None:
    if not name:
        return None
    key = name.lower()
    if key in ZONES:
        return ZONES[key]
    sign = 1 if key[0] == "+" else -1
    digits = key[1:].replace(":", "")
    try:
        return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))
    except ValueError:
        return None
