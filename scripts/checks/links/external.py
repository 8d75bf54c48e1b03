"""External links, fetched only on request (network): per-host limits, timeouts, Retry-After, a cache."""

from __future__ import annotations

import email.utils
import json
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

OK_TTL = 24 * 3600
FAILURE_TTL = 3600
USER_AGENT = "ai-explained-linkcheck/1 (+https://github.com/the-ai-alliance)"


@dataclass
class ExternalResult:
    url: str
    ok: bool
    code: int | None = None
    final_url: str = ""
    message: str = ""
    checked: float = 0.0
    severity: str = ""  # "" fine, "warning" or "error"

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "code": self.code,
            "final_url": self.final_url,
            "message": self.message,
            "checked": self.checked,
            "severity": self.severity,
        }


def check_external(
    urls: list[str],
    cache_file: Path | None,
    *,
    timeout: float = 10.0,
    workers: int = 8,
    per_host: int = 2,
    max_retry_wait: float = 10.0,
    retries: int = 2,
) -> dict[str, ExternalResult]:
    cache = _load_cache(cache_file)
    now = time.time()
    results: dict[str, ExternalResult] = {}
    todo = []
    for url in dict.fromkeys(urls):
        cached = cache.get(url)
        if cached and now - cached.get("checked", 0) < (OK_TTL if cached.get("ok") else FAILURE_TTL):
            results[url] = ExternalResult(url, **{k: cached[k] for k in ("ok", "code", "final_url", "message", "checked", "severity")})
        else:
            todo.append(url)
    fetcher = _Fetcher(timeout, per_host, max_retry_wait, retries)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(fetcher.check, _interleave_hosts(todo)):
            results[result.url] = result
            cache[result.url] = result.as_dict()
    _save_cache(cache_file, cache)
    return results


def _interleave_hosts(urls: list[str]) -> list[str]:
    """Round-robin over hosts, so the pool's workers rarely wait on one host's limit."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_host[urlsplit(url).netloc.lower()].append(url)
    queues = list(by_host.values())
    ordered = []
    while queues:
        ordered += [queue.pop(0) for queue in queues]
        queues = [queue for queue in queues if queue]
    return ordered


class _Fetcher:
    def __init__(self, timeout: float, per_host: int, max_retry_wait: float, retries: int):
        self.timeout, self.per_host = timeout, per_host
        self.max_retry_wait, self.retries = max_retry_wait, retries
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        self._local = threading.local()

    def _host_limit(self, url: str) -> threading.BoundedSemaphore:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            return self._hosts.setdefault(host, threading.BoundedSemaphore(self.per_host))

    def _session(self):
        import requests  # only external mode needs it

        if not hasattr(self._local, "session"):
            session = requests.Session()
            session.headers["User-Agent"] = USER_AGENT
            self._local.session = session
        return self._local.session

    def check(self, url: str) -> ExternalResult:
        import requests

        try:
            with self._host_limit(url):
                response = self._request_with_retries(url)
        except requests.Timeout:
            return self._result(url, False, message=f"timed out after {self.timeout:g} s", severity="error")
        except requests.RequestException as exc:
            return self._result(url, False, message=f"cannot fetch: {type(exc).__name__}: {_short(exc)}", severity="error")
        code = response.status_code
        if code == 429:
            return self._result(url, False, code, message="HTTP 429: still rate-limited after retrying", severity="warning")
        if code >= 400:
            return self._result(url, False, code, message=f"HTTP {code}", severity="error")
        if response.history:
            return self._result(url, True, code, response.url, f"redirects ({response.history[0].status_code}) to {response.url}", "warning")
        return self._result(url, True, code)

    def _request_with_retries(self, url: str):
        for attempt in range(self.retries + 1):
            response = self._request(url)
            if response.status_code != 429 or attempt == self.retries:
                return response
            wait = _retry_after(response.headers.get("Retry-After"))
            if wait is None or wait > self.max_retry_wait:
                return response
            time.sleep(wait)
        return response

    def _request(self, url: str):
        session = self._session()
        response = session.head(url, allow_redirects=True, timeout=self.timeout)
        response.close()
        # Some servers refuse HEAD but serve GET; stream so the body is not downloaded.
        if response.status_code in (403, 405, 501):
            response = session.get(url, allow_redirects=True, timeout=self.timeout, stream=True)
            response.close()
        return response

    def _result(self, url, ok, code=None, final_url="", message="", severity="") -> ExternalResult:
        return ExternalResult(url, ok, code, final_url, message, time.time(), severity)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return 1.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 160 else text[:157] + "..."


def _load_cache(cache_file: Path | None) -> dict:
    if cache_file is None or not cache_file.is_file():
        return {}
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged cache only costs a re-check
    return data if isinstance(data, dict) else {}


def _save_cache(cache_file: Path | None, cache: dict) -> None:
    if cache_file is None:
        return
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    # Keeps the cache folder out of git without touching the project's .gitignore.
    ignore = cache_file.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")
    cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True) + "\n", encoding="utf-8")
