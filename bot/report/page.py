"""The report as one self-contained HTML page: inline CSS and SVG, no script, no link
to fetch, readable on a phone. Pure: a Report in, a string out."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.report import svg
from bot.report.figures import SMALL, Report, Share

SENT, FAILED, UNKNOWN = "#2b7a3d", "#c0392b", "#e0a100"
REPLY = "#2b6cb0"
SKIP_COLORS = ("#9b59b6", "#7f8c8d", "#16a085", "#d35400", "#34495e", "#bdc3c7", "#8e6c3a")

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#222;
background:#fafafa;line-height:1.4}
main{max-width:760px;margin:0 auto;padding:12px 14px 40px}
h1{font-size:1.35rem;margin:.4em 0}h2{font-size:1.1rem;margin:1.4em 0 .4em}
.meta{color:#555;font-size:.9rem}
.chart{width:100%;height:auto;display:block;background:#fff;border:1px solid #e4e4e4;
border-radius:6px}
.legend{list-style:none;padding:0;margin:.3em 0;font-size:.85rem}
.legend li{display:inline-block;margin:0 .9em .2em 0}
.sw{display:inline-block;width:.8em;height:.8em;margin-right:.3em;border-radius:2px;
vertical-align:-1px}
.figures{display:flex;flex-wrap:wrap;gap:8px;margin:.6em 0}
.figures div{flex:1 1 140px;background:#fff;border:1px solid #e4e4e4;border-radius:6px;
padding:8px}
.figures b{display:block;font-size:1.3rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;background:#fff}
th,td{border-bottom:1px solid #e4e4e4;padding:4px;text-align:left;word-break:break-word}
th{white-space:nowrap;word-break:normal}
.empty{font-size:1.1rem;background:#fff;border:1px solid #e4e4e4;padding:12px;
border-radius:6px}
.privacy{font-size:.85rem;color:#444;background:#fff8e1;border:1px solid #f0d98c;
padding:8px 10px;border-radius:6px}
"""


def _legend(items: Sequence[tuple[str, str]]) -> str:
    lis = "".join(
        f'<li><span class="sw" style="background:{c}"></span>{escape(label)}</li>'
        for label, c in items
    )
    return f'<ul class="legend">{lis}</ul>'


def _figure(value: str, label: str) -> str:
    return f"<div><b>{escape(value)}</b>{escape(label)}</div>"


def _privacy(r: Report) -> str:
    return (
        '<p class="privacy"><b>Privacy.</b> People who may be in danger (the bot sends '
        "them only the neutral message, or nothing) appear in this report as one total "
        f"for the whole period: <b>{r.protected_total:,} protected mentions</b>. They are "
        "never shown by day, country, language or reason, and the spend on reading and "
        "answering mentions is spread evenly over each month's days so that it cannot "
        f"count them either. Countries and languages with fewer than {SMALL} replies are "
        'counted together as "other". No mention text and no handle is in this report.'
        "</p>"
    )


def _ranked(title: str, shares: Sequence[Share], color: str) -> str:
    return f"<h2>{escape(title)}</h2>" + svg.ranked_bars(title, shares, color)


def render(r: Report) -> str:
    head = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>#CloseTheCamps bot report {escape(r.period)}</title>"
        f"<style>{CSS}</style></head><body><main>"
        f"<h1>#CloseTheCamps bot: {escape(r.period)}</h1>"
        f'<p class="meta">Platform {escape(r.platform)} · days in {escape(r.timezone)} · '
        f"made {escape(r.generated_at)} from the state database</p>"
    )
    if r.empty:
        return (
            head + '<p class="empty">Nothing was recorded in this period: no posts, no '
            "mentions, no pauses and no spend.</p>" + _privacy(r) + "</main></body></html>"
        )
    days = [d.day for d in r.posts]
    sent = sum(d.sent for d in r.posts)
    failed = sum(d.failed for d in r.posts)
    replies = sum(d.reply for d in r.mentions)
    skipped = sum(sum(d.skip.values()) for d in r.mentions)
    parts = [
        head,
        '<div class="figures">',
        _figure(f"{sent:,}", "posts sent"),
        _figure(f"{failed:,}", "posts failed"),
        _figure(f"{replies:,}", "mentions answered"),
        _figure(f"{skipped:,}", "mentions skipped"),
        _figure(f"{r.protected_total:,}", "protected (period total)"),
        _figure(f"${r.spend.period_usd:,.2f}", "spent in the period"),
        "</div>",
        _privacy(r),
        f"<h2>Posts per day on {escape(r.platform)}</h2>",
        svg.day_bars(
            "Posts per day",
            days,
            [
                svg.Series("sent", SENT, [d.sent for d in r.posts]),
                svg.Series("failed", FAILED, [d.failed for d in r.posts]),
                svg.Series("outcome unknown", UNKNOWN, [d.unknown for d in r.posts]),
            ],
            [bool(d.pauses) for d in r.posts],
        ),
        _legend(
            [
                ("sent", SENT),
                ("failed", FAILED),
                ("outcome unknown", UNKNOWN),
                ("paused (mark above the day)", FAILED),
            ]
        ),
        _pauses(r),
        "<h2>Mentions per day by decision</h2>",
        svg.day_bars(
            "Mentions per day by decision (protected mentions not shown)",
            days,
            [svg.Series("reply", REPLY, [d.reply for d in r.mentions])]
            + [
                svg.Series(f"skip: {reason}", SKIP_COLORS[i % len(SKIP_COLORS)], _skips(r, reason))
                for i, reason in enumerate(r.skip_reasons)
            ],
        ),
        _legend(
            [("reply", REPLY)]
            + [
                (f"skip: {reason}", SKIP_COLORS[i % len(SKIP_COLORS)])
                for i, reason in enumerate(r.skip_reasons)
            ]
        ),
        f"<p>Protected in the whole period: <b>{r.protected_total:,}</b> (never split).</p>",
        _ranked("Replies by country", r.countries, REPLY),
        _ranked("Replies by language", r.languages, "#5a8dc8"),
        "<h2>Spend against the monthly budget</h2>",
        svg.spend_chart(r.spend),
        _legend([("spend that day", "#7aa6d6"), ("month so far", "#1f4e79"), ("budget", FAILED)]),
        _spend_figures(r),
        "<h2>Posts that went out most</h2>",
        _top_posts(r),
        _ranked("Posts sent by category", r.categories, SENT),
        _ranked("Posts sent by language", r.post_languages, "#4f9a60"),
        "</main></body></html>",
    ]
    return "".join(parts)


def _skips(r: Report, reason: str) -> list[float]:
    return [d.skip.get(reason, 0) for d in r.mentions]


def _pauses(r: Report) -> str:
    if not r.pauses:
        return "<p>No pauses began in this period.</p>"
    rows = "".join(
        f"<tr><td>{escape(p.day)}</td><td>{escape(p.endpoint)}</td><td>{escape(p.reason)}</td>"
        f"<td>{p.minutes:,} min</td></tr>"
        for p in r.pauses
    )
    return (
        f"<table><tr><th>day</th><th>calls paused</th><th>why</th><th>for</th></tr>{rows}</table>"
    )


def _spend_figures(r: Report) -> str:
    s = r.spend
    budget = f"${s.budget_usd:,.2f}" if s.budget_usd is not None else "no budget set"
    return (
        '<div class="figures">'
        + _figure(f"${s.month_spent_usd:,.2f}", f"spent in {s.month} so far")
        + _figure(f"${s.projected_usd:,.2f}", f"projected for all of {s.month}")
        + _figure(budget, "monthly budget")
        + "</div>"
    )


def _top_posts(r: Report) -> str:
    if not r.top_posts:
        return "<p>No posts went out in this period.</p>"
    rows = "".join(
        f"<tr><td>{escape(t.post_id)}</td><td>{escape(t.category or 'not in messages/')}</td>"
        f"<td>{escape(t.language or '')}</td><td>{t.count:,}</td></tr>"
        for t in r.top_posts
    )
    return (
        f"<table><tr><th>post</th><th>category</th><th>lang</th><th>times</th></tr>{rows}</table>"
    )
