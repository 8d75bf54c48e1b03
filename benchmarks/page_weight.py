"""What a reader downloads, per page type: bytes over the wire (gzip) until the network is idle.

    .venv/bin/python -m benchmarks.page_weight [SITE_DIR] [--json OUT]

The measurement itself is shared with the browser tests (tests/support/page_weight.py).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tests.support.page_weight import measure, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    results = measure(args.site)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
