#!/usr/bin/env python3
"""Page weight of the public pages: HTML + CSS + JS bytes (before images), per page and mode.

Usage: page_weight.py BASE_URL   (e.g. http://127.0.0.1:5601)
Fetches each page as an anonymous visitor (standard mode, then elder mode via the fh-mode cookie),
adds the bytes of every same-origin stylesheet and script it links, and fails (exit 1) when a page
is 100 KB or more. Also prints the median and 95th percentile time to first byte of the page when
served from the output cache (200 sequential requests after a warm-up). Standard library only.
"""
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BUDGET = 100 * 1024
PAGES = [
    ("portal home", "/"),
    ("portal column 政务公开", "/zwgk"),
    ("portal column 重点领域", "/zwgk/zdly"),
    ("portal column 政策文件", "/zwgk/zcwj"),
    ("portal page 公开目录", "/zwgk/gkml"),
    ("portal policy 42号", "/zwgk/zcwj/2018/fzbf-2018-42"),
    ("portal interpretation", "/zwgk/zcjd/2018/zcjd-2018-42"),
    ("portal news article", "/zwyw/2018/2018-12345-rx"),
    ("portal search", "/search?q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80"),
    ("portal gazette", "/gazette/"),
    ("portal 404", "/no-such-page"),
    ("czj home", "/czj/"),
    ("czj column", "/czj/tzgg"),
    ("czj policy", "/czj/zfxxgk/zcwj/2018/czj-2018-yjsgc"),
    ("ylj home", "/ylj/"),
]


def fetch(url, cookie):
    req = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def assets(base, page_url, html):
    text = html.decode("utf-8", "replace")
    links = re.findall(r'<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"', text)
    links += re.findall(r'<script[^>]+src="([^"]+)"', text)
    for href in links:
        url = urllib.parse.urljoin(page_url, href)
        if url.startswith(base):
            yield url
        else:
            yield "EXTERNAL " + url


def ttfb(url, cookie, n=200):
    fetch(url, cookie)
    times = []
    for _ in range(n):
        req = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                r.read(1)
                times.append(time.perf_counter() - start)
                r.read()
        except urllib.error.HTTPError as e:
            times.append(time.perf_counter() - start)
            e.read()
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.95) - 1] * 1000


def main():
    base = sys.argv[1].rstrip("/")
    over = False
    print(f"{'page':28} {'mode':7} {'status':>6} {'HTML':>8} {'CSS':>8} {'JS':>6} {'total':>8}  cached TTFB p50 / p95")
    for mode, cookie in (("normal", None), ("elder", "fh-mode=elder")):
        for name, path in PAGES:
            url = base + path
            status, html = fetch(url, cookie)
            css = js = 0
            for asset in assets(base, url, html):
                if asset.startswith("EXTERNAL"):
                    print(f"  {name}: {asset}")
                    over = True
                    continue
                _, body = fetch(asset, cookie)
                if re.search(r"\.js(\?|$)", asset):
                    js += len(body)
                else:
                    css += len(body)
            total = len(html) + css + js
            p50, p95 = ttfb(url, cookie)
            flag = "  OVER BUDGET" if total >= BUDGET else ""
            over = over or total >= BUDGET
            print(f"{name:28} {mode:7} {status:>6} {len(html):>8} {css:>8} {js:>6} {total:>8}  {p50:6.2f} / {p95:6.2f} ms{flag}")
    print(f"budget: every page < {BUDGET} bytes of HTML+CSS+JS; JavaScript total < 20480 bytes")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
