"""What a reader downloads, per page type and for a first search: bytes over the wire (gzip).

    .venv/bin/python -m benchmarks.page_weight [SITE_DIR] [--json OUT]

The measurement itself is shared with the browser tests (tests/support/page_weight.py).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tests.support.page_weight import CHROMIUM, CHROMIUM_ARGS, first_searches, measure, search_table, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = {"pages": measure(args.site, browser=browser), "first_search": first_searches(args.site, browser)}
        browser.close()
    print(table(results["pages"]))
    print()
    print(search_table(results["first_search"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
