"""Run every extraction benchmark: `.venv/bin/python -m bench.extraction`."""

from __future__ import annotations

import sys

from bench.extraction import detailtext, maintext, ocr, regulations, speed


def main() -> None:
    """Print main-text F1, detail-page text F1, regulation parsing accuracy, speed, OCR."""
    argv = sys.argv
    for module in (maintext, detailtext, regulations, speed, ocr):
        sys.argv = [argv[0]]
        print(f"\n### {module.__name__}")
        module.main()
    sys.argv = argv


if __name__ == "__main__":
    main()
