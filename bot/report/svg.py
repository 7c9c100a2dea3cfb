"""Hand-written SVG charts for the report: pure strings, no library, no script.

Every chart is drawn in a 360-unit-wide viewBox and scales to the width of the page
(CSS `width: 100%`), so it reads the same on a phone and on a desk. Labels are escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from bot.report.figures import Share, Spend

W = 360
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 16, 26
FONT = 'font-family="system-ui,sans-serif" font-size="10"'


@dataclass(frozen=True)
class Series:
    label: str
    color: str
    values: Sequence[float]


def _open(height: int, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {height}" '
        f'role="img" aria-label="{escape(label)}" class="chart">'
        f"<title>{escape(label)}</title>"
    )


def _num(v: float, money: bool) -> str:
    if money:
        return f"${v:,.0f}" if v >= 10 else f"${v:,.2f}"
    return f"{v:,.0f}"


def _nice_max(v: float) -> float:
    """A round top for the axis at or above v."""
    if v <= 0:
        return 1.0
    step = 1.0
    while step * 10 <= v:
        step *= 10
    while step > v:
        step /= 10
    for m in (1, 2, 2.5, 5, 10):
        if m * step >= v:
            return m * step
    return 10 * step


def _axes(height: int, days: Sequence[str], top: float, money: bool) -> list[str]:
    bottom = height - BOTTOM
    out = [
        f'<line x1="{LEFT}" y1="{bottom}" x2="{W - RIGHT}" y2="{bottom}" stroke="#888" />',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{W - RIGHT}" y2="{TOP}" stroke="#ddd" />',
        f'<text x="{LEFT - 3}" y="{TOP + 3}" text-anchor="end" {FONT}>{_num(top, money)}</text>',
        f'<text x="{LEFT - 3}" y="{bottom + 3}" text-anchor="end" {FONT}>0</text>',
    ]
    if days:
        ticks = {0, len(days) - 1}
        if len(days) > 2:
            ticks.add(len(days) // 2)
        step = (W - LEFT - RIGHT) / len(days)
        for i in sorted(ticks):
            x = LEFT + step * (i + 0.5)
            anchor = "start" if i == 0 else "end" if i == len(days) - 1 else "middle"
            if i == 0:
                x = LEFT
            elif i == len(days) - 1:
                x = W - RIGHT
            out.append(
                f'<text x="{x:.1f}" y="{bottom + 14}" text-anchor="{anchor}" {FONT}>'
                f"{escape(days[i][5:])}</text>"
            )
    return out


def day_bars(
    label: str,
    days: Sequence[str],
    series: Sequence[Series],
    marks: Sequence[bool] = (),
    money: bool = False,
    height: int = 170,
) -> str:
    """Stacked bars, one per day; a red tick above the days in `marks` (pauses)."""
    totals = [sum(s.values[i] for s in series) for i in range(len(days))]
    top = _nice_max(max(totals, default=0))
    plot_h = height - TOP - BOTTOM
    step = (W - LEFT - RIGHT) / max(1, len(days))
    bar = max(step * 0.8, 0.6)
    out = [_open(height, label), *_axes(height, days, top, money)]
    for i in range(len(days)):
        y = float(height - BOTTOM)
        x = LEFT + step * i + (step - bar) / 2
        for s in series:
            v = s.values[i]
            if v <= 0:
                continue
            h = plot_h * v / top
            y -= h
            out.append(
                f'<rect x="{x:.2f}" y="{y:.2f}" width="{bar:.2f}" height="{h:.2f}" '
                f'fill="{s.color}"><title>{escape(days[i])} {escape(s.label)}: '
                f"{_num(v, money) if money else int(v)}</title></rect>"
            )
        if i < len(marks) and marks[i]:
            out.append(
                f'<rect x="{x:.2f}" y="{TOP - 10}" width="{max(bar, 2):.2f}" height="5" '
                f'fill="#c0392b"><title>{escape(days[i])}: paused</title></rect>'
            )
    out.append("</svg>")
    return "".join(out)


def ranked_bars(label: str, shares: Sequence[Share], color: str) -> str:
    """Horizontal bars, largest first, each with its label and count."""
    row = 20
    height = max(1, len(shares)) * row + 8
    out = [_open(height, label)]
    if not shares:
        out.append(f'<text x="4" y="16" {FONT}>none in this period</text></svg>')
        return "".join(out)
    biggest = max(s.count for s in shares)
    label_w, count_w = 96, 44
    span = W - label_w - count_w
    for i, s in enumerate(shares):
        y = 4 + i * row
        w = max(1.0, span * s.count / biggest)
        out.append(
            f'<text x="{label_w - 4}" y="{y + 13}" text-anchor="end" {FONT}>'
            f"{escape(s.label[:18])}</text>"
            f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" '
            f'fill="{color}"><title>{escape(s.label)}: {s.count}</title></rect>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" {FONT}>{s.count:,}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def spend_chart(spend: Spend, height: int = 190) -> str:
    """Daily spend as bars, the month so far as a line, the budget as a dashed line."""
    days = [d.day for d in spend.days]
    peak = max((d.month_to_date_usd for d in spend.days), default=0.0)
    top = _nice_max(max(peak, spend.budget_usd or 0.0, 0.01))
    plot_h = height - TOP - BOTTOM
    step = (W - LEFT - RIGHT) / max(1, len(days))
    bar = max(step * 0.8, 0.6)
    out = [_open(height, "Spend per day against the monthly budget")]
    out += _axes(height, days, top, money=True)

    def y(v: float) -> float:
        return height - BOTTOM - plot_h * v / top

    points = []
    for i, d in enumerate(spend.days):
        x = LEFT + step * i + (step - bar) / 2
        v = d.posts_usd + d.mentions_usd
        if v > 0:
            out.append(
                f'<rect x="{x:.2f}" y="{y(v):.2f}" width="{bar:.2f}" '
                f'height="{plot_h * v / top:.2f}" fill="#7aa6d6"><title>{d.day}: '
                f"${v:.3f}</title></rect>"
            )
        if d.elapsed:
            points.append(f"{LEFT + step * (i + 0.5):.2f},{y(d.month_to_date_usd):.2f}")
    if points:
        out.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="#1f4e79" '
            'stroke-width="1.5" />'
        )
    if spend.budget_usd is not None:
        yb = y(spend.budget_usd)
        out.append(
            f'<line x1="{LEFT}" y1="{yb:.2f}" x2="{W - RIGHT}" y2="{yb:.2f}" '
            'stroke="#c0392b" stroke-dasharray="4 3" />'
            f'<text x="{W - RIGHT}" y="{yb - 3:.2f}" text-anchor="end" {FONT} '
            f'fill="#c0392b">budget ${spend.budget_usd:,.2f}</text>'
        )
    out.append("</svg>")
    return "".join(out)
