#!/usr/bin/env python3
"""Score kiji on other extractors' own test suites (../shared/peer-specs).

usage: bench/conformance.py [SHARED_DIR] [--kiji PATH] [--md bench/CONFORMANCE.md]
                            [--only SUBSTRING] [--fails N] [--dump-fails FILE]
                            [--save-input FILE]

Every case input goes through ONE long-running `kiji parse --jsonl --facts +number -`
process (records {"id","date","text"}; the case's reference date is "date"), but
the Recognizers-Text CurrencyModel cases, which go through a second one with
`--facts +number,+currency` (a currency named with no amount, which those files
report with a null value, is kiji's opt-in `currency` fact).
Each suite file is scored by the matching rule in bench/CONFORMANCE.md:

  an expected result is FOUND when a kiji fact of an accepted type overlaps its
  span (whole input for tagger-level suites that give no offsets) and has the
  same normalized value (and currency / unit / range bounds where the suite
  gives them); a case PASSES when every expected result is found and kiji
  reports nothing else of that category (numeric: number, money, quantity,
  percent; temporal: date, duration, set) that the suite did not ask for.

Prints per-file pass counts beside the peer's own rate and, with --md, writes
the table to bench/CONFORMANCE.md between its "BEGIN TABLE"/"END TABLE"
markers. Standard library only. Exits 0 with a message when SHARED_DIR is
absent.
"""
import argparse
import collections
import datetime as dt
import json
import os
import re
import subprocess
import sys
from decimal import Decimal, InvalidOperation

NUMERIC = ("number", "money", "quantity", "percent")
TEMPORAL = ("date", "duration", "set")

# ---------------------------------------------------------------- helpers


def load_json(path):
    with open(path, "rb") as f:
        return json.loads(f.read().decode("utf-8-sig"))


def num(x):
    """A Decimal from a JSON number or numeric string ('1,000', '9%', '1/4'), else None."""
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return Decimal(repr(x)) if isinstance(x, float) else Decimal(x)
    s = str(x).strip().replace(",", "").rstrip("%")
    m = re.fullmatch(r"(-?[\d.]+)/([\d.]+)", s)
    try:
        if m:
            return Decimal(m.group(1)) / Decimal(m.group(2))
        return Decimal(s)
    except InvalidOperation:
        return None


def num_eq(a, b):
    a, b = num(a), num(b)
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= abs(b) * Decimal("1e-6")


def fact_value(f, key="value"):
    """A numeric fact's exact value: value_str when present (beyond 2^53)."""
    s = f.get(key + "_str")
    return s if s is not None else f.get(key)


def u16_offsets(text):
    """byte offset -> UTF-16 offset table for text (peer offsets are UTF-16)."""
    table = {}
    b = u = 0
    for ch in text:
        table[b] = u
        b += len(ch.encode("utf-8"))
        u += 2 if ord(ch) > 0xFFFF else 1
    table[b] = u
    return table


def overlaps(f, start, end):
    """f carries UTF-16 offsets s16/e16; [start, end) is the expected span."""
    if start is None:
        return True
    return f["s16"] < end and start < f["e16"]


# ------------------------------------------------ currency and unit names

# Recognizers-Text and duckling unit names that carry no ISO code.
CURRENCY_NAMES = {
    "dollar": "USD", "united states dollar": "USD", "us dollar": "USD", "usd": "USD",
    "japanese yen": "JPY", "yen": "JPY", "euro": "EUR", "eur": "EUR",
    "british pound": "GBP", "pound": "GBP", "gbp": "GBP", "pound sterling": "GBP",
    "chinese yuan": "CNY", "yuan": "CNY", "renminbi": "CNY",
    "south korean won": "KRW", "korean won": "KRW", "russian ruble": "RUB",
    "australian dollar": "AUD", "canadian dollar": "CAD", "hong kong dollar": "HKD",
    "swiss franc": "CHF", "indian rupee": "INR", "inr": "INR",
}
# Minor units: the amount is the major unit / 100 in that currency.
MINOR_UNITS = {"cent": "USD", "penny": "GBP", "pence": "GBP", "cents": "USD"}

# Recognizers-Text Dimension unit names -> units kiji writes (NFKC, as written).
DIMENSION_UNITS = {
    "Kilometer": {"km", "キロ", "キロメートル", "kilometers", "kilometres", "kilometer"},
    "Meter": {"m", "メートル", "meters", "metres", "meter"},
    "Centimeter": {"cm", "センチ", "センチメートル", "centimeters"},
    "Millimeter": {"mm", "ミリ", "ミリメートル", "millimeters"},
    "Mile": {"mile", "miles", "マイル", "mi"},
    "Foot": {"ft", "feet", "foot", "フィート"},
    "Inch": {"in", "inch", "inches", "インチ"},
    "Kilogram": {"kg", "キロ", "キログラム", "kilograms", "kilos"},
    "Gram": {"g", "グラム", "grams"},
    "Milligram": {"mg", "ミリグラム", "milligrams"},
    "Ton": {"t", "トン", "tons", "tonnes", "ton", "tonne"},
    "Metric ton": {"t", "トン", "tonnes", "metric tons"},
    "Pound": {"lb", "lbs", "pounds", "ポンド"},
    "Liter": {"l", "L", "リットル", "liters", "litres"},
    "Milliliter": {"ml", "mL", "ミリリットル", "milliliters"},
    "Barrel": {"barrels", "barrel", "バレル"},
    "Gallon": {"gallons", "gallon", "ガロン"},
    "Hectare": {"ha", "ヘクタール", "hectares"},
    "Square kilometer": {"km2", "km²", "平方キロ", "平方キロメートル", "square kilometers"},
    "Square meter": {"m2", "m²", "平方メートル", "square meters"},
    "Acre": {"acres", "acre", "エーカー"},
}


def unit_ok(expected_unit, kiji_unit):
    """Dimension unit: documented name table; unknown names are not compared."""
    if not expected_unit:
        return True
    forms = DIMENSION_UNITS.get(expected_unit)
    if forms is None:
        return True
    return (kiji_unit or "") in forms or (kiji_unit or "").lower() in {x.lower() for x in forms}


def currency_of(unit, iso):
    """(ISO code or None, scale) for a peer's unit/isoCurrency."""
    if iso:
        return iso, 1
    u = (unit or "").strip().lower()
    if u in MINOR_UNITS:
        return MINOR_UNITS[u], Decimal("0.01")
    if re.fullmatch(r"[A-Z]{3}", unit or ""):
        return unit, 1
    return CURRENCY_NAMES.get(u), 1


# ------------------------------------------------------ temporal helpers

def split_iso_duration(v):
    """'P1Y2M', 'PT1.5H', 'P2W' -> seconds (Y=365d, M=30d, W=7d); None if not one."""
    if not isinstance(v, str):
        return None
    m = re.fullmatch(r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?"
                     r"(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?", v)
    if not m or v in ("P", "PT"):
        return None
    mult = [365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1]
    return sum(Decimal(g) * k for g, k in zip(m.groups(), mult) if g)


def dur_eq(a, b):
    """Two ISO durations of the same length: equal in seconds, or both in
    calendar units (Y, M) and equal in months (P1.5Y = P18M, P0.5Y = P6M:
    a year is twelve months, which the 365-day/30-day seconds miss)."""
    sa, sb = split_iso_duration(a), split_iso_duration(b)
    if sa is None or sb is None:
        return False
    if sa == sb:
        return True
    cal = r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?"
    ma = re.fullmatch(cal, a)
    mb = re.fullmatch(cal, b)
    if not ma or not mb:
        return False
    months = lambda m: sum(Decimal(g) * k for g, k in zip(m.groups(), (12, 1)) if g)
    return months(ma) == months(mb)


DUCKLING_UNIT = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400,
                 "month": 30 * 86400, "quarter": 90 * 86400, "year": 365 * 86400}


def xmatch(expected, got):
    """TIMEX-like comparison: an X in the expected value matches any character
    kiji put there (kiji resolves what the peer leaves unknown)."""
    if not isinstance(got, str) or len(expected) != len(got):
        return False
    return all(e == g or e == "X" for e, g in zip(expected, got))


def trim_x(v):
    """'XXXX-07-XX' -> 'XXXX-07', '2021-XX-XX' -> '2021': drop unknown tails."""
    while True:
        w = re.sub(r"-X+$", "", v)
        if w == v:
            return v
        v = w


def date_eq(expected, got):
    """Compare an expected ISO/TIMEX date(-time) with kiji's value, at the
    expected grain. Times compare HH:MM; a missing :MM means on the hour."""
    if not isinstance(got, str) or not isinstance(expected, str):
        return False
    e, g = expected, got
    if "T" in e:
        ed, et = e.split("T", 1)
        if "T" not in g:
            return False
        gd, gt = g.split("T", 1)
        et, gt = norm_time(et), norm_time(gt)
        if et and not ed and et[:2].isdigit() and 24 < int(et[:2]) < 30:
            # ja-timex T25-30 (a clock past 24, no date): kiji writes the
            # same instant as 01:30 of the next day
            et = "%02d%s" % (int(et[:2]) - 24, et[2:])
        if et is None or gt is None or not xmatch(et, gt):
            return False
        if not ed:
            return True
        return date_part_eq(ed, gd)
    return date_part_eq(e, g.split("T", 1)[0] if "T" in g and "T" not in e and len(g) > 10 else g)


def norm_time(t):
    t = re.sub(r"(Z|[+-]\d\d:?\d\d)$", "", t)
    t = t.replace("-", ":")  # ja-timex writes T08-30-XX
    parts = t.split(":")
    hh = parts[0] if parts else ""
    mm = parts[1] if len(parts) > 1 else "00"
    if mm == "XX":
        mm = "00"
    if not re.fullmatch(r"[\dX]{2}", hh or "") or not re.fullmatch(r"[\dX]{2}", mm):
        return None
    return hh + ":" + mm


def date_part_eq(e, g):
    e = trim_x(e)
    if xmatch(e, g):
        return True
    # kiji may give a finer grain than a peer that only asks for the year/month
    return False


# ----------------------------------------------------------- suite model

class Case:
    __slots__ = ("cid", "text", "date", "expected", "none", "category", "note", "result",
                 "why", "extra_ok", "inside")

    def __init__(self, cid, text, date, expected, category, none=False, note=""):
        self.cid, self.text, self.date = cid, text, date
        self.expected = expected    # list of matcher callables: fact -> bool (+ span)
        self.category = category    # NUMERIC or TEMPORAL
        self.none = none            # must find nothing of the category
        self.note = note
        self.result = None
        self.why = ""
        self.extra_ok = None    # predicate: is this unmatched fact an extra? (None = all)
        self.inside = ()        # fact types whose span may swallow an expected result


class Exp:
    """One expected result: a span (UTF-16, end exclusive, or None) and a test."""
    __slots__ = ("start", "end", "types", "test", "desc", "period")

    def __init__(self, start, end, types, test, desc):
        self.start, self.end, self.types, self.test, self.desc = start, end, types, test, desc
        self.period = False     # a peer date range: two kiji dates may stand for its ends


class Suite:
    def __init__(self, name, category, peer_rate, lang, kind):
        self.name, self.category, self.peer_rate = name, category, peer_rate
        self.lang, self.kind, self.cases = lang, kind, []


# ------------------------------------------------- Recognizers-Text loaders

def rt_number_exp(r, kind):
    res = r.get("Resolution") or {}
    start, end = r.get("Start"), r.get("End")
    end = end + 1 if end is not None else None
    desc = "%s %s %s" % (r.get("Text"), r.get("TypeName"), json.dumps(res, ensure_ascii=False))
    if kind == "numberrange":
        m = re.fullmatch(r"([\[(])\s*([^,]*),\s*([^\])]*)([\])])", res.get("value", ""))
        if not m:
            return None
        lo, hi = m.group(2).strip(), m.group(3).strip()

        def test(f, lo=lo, hi=hi, lb=m.group(1), rb=m.group(4)):
            q = f.get("qualifier")
            if lo and hi:
                return num_eq(fact_value(f), lo) and num_eq(fact_value(f, "max"), hi)
            if lo:
                return num_eq(fact_value(f), lo) and q == ("at_least" if lb == "[" else "over")
            return num_eq(fact_value(f), hi) and q == ("at_most" if rb == "]" else "under")
        return Exp(start, end, NUMERIC, test, desc)
    if kind == "percent":
        v = res.get("value")
        if v in (None, "null"):
            # a percentage word with no number ("a small percent"): GUIDELINES.md
            # writes a vague share (数%, a few percent) as a percent with no
            # value and vague: true, as it writes vague counts (数百, dozens)
            return Exp(start, end, ("percent",),
                       lambda f: f.get("vague") is True and f.get("value") is None, desc)
        return Exp(start, end, ("percent",),
                   lambda f, v=v: num_eq(fact_value(f), v), desc)
    if kind == "currency":
        iso, scale = currency_of(res.get("unit"), res.get("isoCurrency"))
        v = num(res.get("value"))
        if v is None:
            # a currency named with no amount ("the dollar fell"): kiji's opt-in
            # `currency` fact (--facts +currency, turned on for these files)
            return Exp(start, end, ("currency",),
                       lambda f, iso=iso: iso is None or f.get("currency") == iso, desc)
        v = v * scale

        def test(f, v=v, iso=iso):
            return num_eq(fact_value(f), v) and (iso is None or f.get("currency") == iso)
        return Exp(start, end, ("money",), test, desc)
    if kind == "dimension":
        v, unit = res.get("value"), res.get("unit")
        return Exp(start, end, ("quantity",),
                   lambda f, v=v, unit=unit: num_eq(fact_value(f), v) and unit_ok(unit, f.get("unit")),
                   desc)
    # number: any numeric fact carrying the value (a number inside 8トン is a quantity)
    v = res.get("value")
    return Exp(start, end, NUMERIC, lambda f, v=v: num_eq(fact_value(f), v), desc)


def load_rt_numeric(root, rel, kind, peer_rate):
    path = os.path.join(root, "recognizers-text", rel)
    lang = "ja" if "/Japanese/" in rel else "en"
    s = Suite("RT " + rel.replace("NumberWithUnit/", "").replace("Number/", ""), "numeric",
              peer_rate, lang, kind)
    for i, c in enumerate(load_json(path)):
        exps = []
        for r in c.get("Results", []):
            e = rt_number_exp(r, kind)
            if e:
                exps.append(e)
        case = Case("%s#%d" % (rel, i), c["Input"], None, exps, NUMERIC,
                    none=not c.get("Results"))
        case.extra_ok = RT_EXTRA.get(kind)
        if kind == "currency":
            case.category = NUMERIC + ("currency",)
        if kind == "number":
            case.inside = TEMPORAL
        s.cases.append(case)
    return s


def is_dimension(f):
    u = f.get("unit") or ""
    return any(u in forms or u.lower() in {x.lower() for x in forms}
               for forms in DIMENSION_UNITS.values())


# What counts as "something else of that category" per Recognizers-Text model:
# each model reports only its own kind, so a kiji percent in a CurrencyModel
# sentence is not an extra; a DimensionModel extra is a quantity in a physical
# unit (kiji's counters like 人, tests are not dimensions); a NumberRangeModel
# extra is a range or a bounded (over/under) amount.
RT_EXTRA = {
    "percent": lambda f: f["type"] == "percent",
    "currency": lambda f: f["type"] in ("money", "currency"),
    "dimension": lambda f: f["type"] == "quantity" and is_dimension(f),
    "numberrange": lambda f: f.get("max") is not None or f.get("qualifier") in (
        "over", "at_least", "under", "at_most"),
}


# A window counted from now: next 3 days, the past two weeks, last 2 minutes.
# Japanese: 今後5日間, 過去5年間, ここ2日間, 2週間以内, 向こう3日間, これから数週間,
# 次の1時間, 前の三時間, この5分間, 後五分間 (あと5分間).
WINDOW = re.compile(r"\b(next|last|past|previous|coming|following|upcoming|within)\b"
                    r"|今後|過去|ここ|以内|向こう|これから|次の|前の|この|^後", re.I)


VAGUE_UNITS = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W",
               "month": "M", "year": "Y"}


def vague_len(text, cands):
    """a few minutes, several weeks: Recognizers-Text writes a vague count as
    3 (PT3M, P3W); GUIDELINES.md writes the vague length with no value. A
    kiji duration with no value whose text counts vaguely in the same unit
    stands for it. "a couple of days" is the same vague count, written as 2
    (P2D)."""
    m = re.search(r"\b(few|several|some|couple of)\s+(second|minute|hour|day|week|month|year)s?\b",
                  (text or "").lower())
    if not m:
        return False
    u = VAGUE_UNITS[m.group(2)]
    n = "2" if m.group(1) == "couple of" else "3"
    want = "PT" + n + u[1] if u.startswith("T") else "P" + n + u
    return want in cands


def rt_timex_test(timex, values, rtype, window=False):
    """Test for a Recognizers-Text datetime result: kiji's value equals the
    TIMEX, or (ambiguous XXXX-/past-future pairs) one of the resolved values;
    ranges compare start and end-1 with kiji's value and max. A window
    (next 3 days: `(2016-11-08,2016-11-11,P3D)`) also accepts kiji's
    duration of that length, GUIDELINES.md's writing of it."""
    cands = set()
    if timex:
        cands.add(timex)
    for v in values or []:
        if v.get("value"):
            cands.add(v["value"])
        if v.get("timex"):
            cands.add(v["timex"])
    ranges = []
    sp_t = lambda x: x.replace(" ", "T") if re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?", x) else x
    for v in values or []:
        if v.get("start") and v.get("end"):
            # resolved datetimes written with a space: the ISO value with a T
            ranges.append((sp_t(v["start"]), sp_t(v["end"])))
    m = re.fullmatch(r"\(([^,]+),([^,]+),(P[^)]+)\)", timex or "")
    if m:
        ranges.append((m.group(1), m.group(2)))

    def test(f):
        val = f.get("value")
        if f["type"] == "duration" and window and m and re.match(r"PT?\d", m.group(3)):
            return dur_eq(m.group(3), val)
        if f["type"] == "duration" and val is None and vague_len(f.get("text"), cands):
            return True
        if f["type"] in ("duration", "set"):
            d = split_iso_duration(val)
            if f["type"] == "set" and d is not None and any(
                    split_iso_duration(set_period(c)) == d for c in cands):
                return True
            return any(dur_eq(c, val) for c in cands)
        for c in cands:
            if c.startswith("P"):
                continue
            # equal TIMEX strings (2016-11-07TEV); RT resolves datetimes as
            # "2016-11-08 09:00:00": the same ISO value with a space for the T
            if date_eq(c, val) or val == c or (re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?", c)
                                   and date_eq(c.replace(" ", "T"), val)):
                return True
            # 二年前 / two years ago: RT resolves to the exact day (2014-11-07), kiji's
            # guideline keeps the grain the text gives (2014): a relative kiji value
            # that is a whole-field prefix of the peer's date counts.
            if f.get("relative") and isinstance(val, str) and re.fullmatch(r"\d{4}(-\d\d)?", val) \
                    and re.match(r"\d{4}-\d\d-\d\d", c) and c.startswith(val + "-"):
                return True
            # in two weeks: the same at week grain (the ISO week holding the day)
            wk = re.fullmatch(r"(\d{4})-W(\d\d)", val) if isinstance(val, str) else None
            if f.get("relative") and wk and re.fullmatch(r"\d{4}-\d\d-\d\d", c):
                try:
                    iy, iw, _ = dt.date.fromisoformat(c).isocalendar()
                except ValueError:
                    continue
                if (iy, iw) == (int(wk.group(1)), int(wk.group(2))):
                    return True
        # in 5 minutes, 3 hours from now: RT counts from the reference time,
        # kiji from a publication day whose clock it does not know
        # (GUIDELINES.md: `…TXX:XX`, as 3時間後): the same day is the same
        ux = re.fullmatch(r"(\d{4}-\d\d-\d\d)TXX:XX", val) if isinstance(val, str) else None
        if ux and f.get("relative") and any(re.match(re.escape(ux.group(1)) + r"[T ]\d", c)
                                            for c in cands):
            return True
        # end of tomorrow: RT writes the day's last second (T23:59:59),
        # GUIDELINES.md the day with mod end
        if f.get("mod") == "end" and isinstance(val, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", val) \
                and any(re.fullmatch(re.escape(val) + r"[T ]23:59:59", c) for c in cands):
            return True
        # tuesday afternoon: XXXX-WXX-2TAF resolved to that day's afternoon
        # hours; kiji writes the day with the TIMEX part of day
        tod = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)", val) if isinstance(val, str) else None
        if tod and any(c.endswith("T" + tod.group(2)) for c in cands) and any(
                a[:10] == tod.group(1) for a, _ in ranges):
            return True
        for a, b in ranges:
            if (date_eq(a, val) or starts_at(a, val)) and f.get("max") is not None \
                    and end_eq(b, f.get("max")):
                return True
            if granule_covers(val, a, b):
                return True
            # 2018年の前半 / 後半: GUIDELINES writes the year with mod start / end
            if isinstance(val, str) and re.fullmatch(r"\d{4}", val) and f.get("mod") in ("start", "end"):
                y = int(val)
                half = (("%d-01-01" % y, "%d-07-01" % y) if f["mod"] == "start"
                        else ("%d-07-01" % y, "%d-01-01" % (y + 1)))
                if (a[:10], b[:10]) == half:
                    return True
        return False

    def pair(v1, v2):
        """Two kiji dates as the ends of a peer range: the first is its start
        (or a year / month starting there), the second its end."""
        for a, b in ranges:
            start = date_eq(a, v1) or (isinstance(v1, str) and (
                re.fullmatch(r"\d{4}", v1) and a[:10] == v1 + "-01-01"
                or re.fullmatch(r"\d{4}-\d\d", v1) and a[:10] == v1 + "-01"))
            end = end_eq(b, v2) or date_eq(b, v2) or (isinstance(v2, str) and (
                re.fullmatch(r"\d{4}", v2) and b[:10] in (v2 + "-12-31", "%d-01-01" % (int(v2) + 1))))
            if start and end:
                return True
        return False
    test.pair = pair

    def startlen(v1, v2):
        """A kiji clock and a kiji duration as a peer time range written as
        its start and length (from 2pm for 2 hours: (T14,T16:00:00,PT2H))."""
        if not m or not m.group(3).startswith("PT"):
            return False
        return date_eq(m.group(1), v1) and dur_eq(m.group(3), v2)
    test.startlen = startlen
    return test


def set_period(timex):
    """A Recognizers-Text set written as the instant it repeats (毎週月曜日 →
    XXXX-WXX-1, 毎日午後3時 → T15) is the period kiji writes: a weekday every
    week (P1W), a clock every day (P1D)."""
    if re.fullmatch(r"XXXX-WXX-([1-7]|WE)(T[\d:]+|T(MO|AF|EV|NI))?", timex or ""):
        return "P1W"
    if re.fullmatch(r"T(\d\d(:\d\d){0,2}|MO|AF|EV|NI)", timex or ""):
        return "P1D"
    # every weekend: P1WE, a weekend every week
    m = re.fullmatch(r"P(\d+)WE", timex or "")
    if m:
        return "P%sW" % m.group(1)
    return timex


def starts_at(start, val):
    """A kiji year or month range start ('2018-03' in 2018-03..2018-05) whose
    first day is the peer's range start (2018-03-01): the same start."""
    if not isinstance(val, str) or not re.fullmatch(r"\d{4}(-\d\d)?", val):
        return False
    first = val + ("-01" if len(val) == 7 else "-01-01")
    return start[:10] == first


def end_eq(excl_end, kmax):
    """Peer range ends are exclusive days; kiji's max is inclusive at its grain.
    A clock end (T18, 2016-11-07T18:00) is the end time itself: compared as is."""
    if "T" in excl_end:
        return date_eq(excl_end, kmax)
    try:
        d = dt.date.fromisoformat(excl_end[:10]) - dt.timedelta(days=1)
    except ValueError:
        return False
    s = d.isoformat()
    return isinstance(kmax, str) and (s.startswith(kmax) or kmax == excl_end[:len(kmax)])


def granule_covers(val, a, b):
    """kiji '2016-11' (month), '2016-W45' (week), '2016-Q4' (quarter), '201'
    (decade) or '20' (century) covers the peer range [2016-11-01, 2016-12-01) exactly."""
    if not isinstance(val, str):
        return False
    if re.fullmatch(r"\d{3}", val):
        # a decade (1990年代 -> TIMEX 199) is [1990-01-01, 2000-01-01); the peer
        # may leave the century unknown (70年代 -> XX70-01-01)
        return xmatch(a[:10], val + "0-01-01") and xmatch(b[:10], "%03d0-01-01" % (int(val) + 1))
    if re.fullmatch(r"\d\d", val):
        # a century (15世紀 -> TIMEX 14) is [1400-01-01, 1500-01-01)
        return a[:10] == val + "00-01-01" and b[:10] == "%02d00-01-01" % (int(val) + 1)
    try:
        a0, b0 = dt.date.fromisoformat(a[:10]), dt.date.fromisoformat(b[:10])
    except ValueError:
        return False
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?", val)
    if m:
        y, mo = int(m.group(1)), m.group(2)
        if mo:
            s = dt.date(y, int(mo), 1)
            e = dt.date(y + (int(mo) == 12), int(mo) % 12 + 1, 1)
        else:
            s, e = dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
        return (s, e) == (a0, b0)
    m = re.fullmatch(r"(\d{4})-W(\d\d)", val)
    if m:
        s = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return (s, s + dt.timedelta(days=7)) == (a0, b0)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", val)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        s = dt.date(y, 3 * q - 2, 1)
        e = dt.date(y + (q == 4), (3 * q) % 12 + 1, 1)
        return (s, e) == (a0, b0)
    return False


RT_TYPE = {"date": ("date",), "daterange": ("date",), "datetime": ("date",),
           "datetimerange": ("date",), "time": ("date",), "timerange": ("date",),
           "duration": ("duration",), "set": ("set",), "datetimepoint": ("date",),
           "dateperiod": ("date",), "timeperiod": ("date",), "datetimeperiod": ("date",)}


def rt_ref_date(c):
    ref = (c.get("Context") or {}).get("ReferenceDateTime")
    return ref[:19] if ref else None


def load_rt_datetime(root, rel, peer_rate):
    path = os.path.join(root, "recognizers-text", rel)
    lang = "ja" if "/Japanese/" in rel else "en"
    level = "model" if rel.endswith("Model.json") else (
        "extractor" if rel.endswith("Extractor.json") else "parser")
    s = Suite("RT " + rel.replace("DateTime/", ""), "date", peer_rate, lang, level)
    for i, c in enumerate(load_json(path)):
        exps = []
        for r in c.get("Results", []):
            if level == "model":
                start, end = r.get("Start"), r.get("End", 0) + 1
                tn = r.get("TypeName", "").split(".")[-1]
                vals = (r.get("Resolution") or {}).get("values") or []
                timex = vals[0].get("timex") if vals else None
                types = RT_TYPE.get(tn, TEMPORAL)
                window = tn in ("daterange", "datetimerange", "timerange") and bool(
                    WINDOW.search(r.get("Text") or "")) and bool(re.fullmatch(
                        r"\([^,]+,[^,]+,P[^)]+\)", timex or ""))
                if window:
                    types = ("date", "duration")
                test = rt_timex_test(timex, vals, tn, window) if vals else (lambda f: True)
                desc = "%s %s %s" % (r.get("Text"), tn, timex)
            else:
                start = r.get("Start")
                end = start + r.get("Length", 0) if start is not None else None
                tn = (r.get("Type") or "").lower()
                types = RT_TYPE.get(tn, TEMPORAL)
                window = tn in ("daterange", "datetimerange", "timerange") and bool(
                    WINDOW.search(r.get("Text") or ""))
                if window:
                    types = ("date", "duration")
                if level == "parser" and r.get("Value"):
                    v = r["Value"]
                    vals = [{"value": (v.get(k) or {}).get(tn) or next(iter((v.get(k) or {}).values()), None)}
                            for k in ("FutureResolution", "PastResolution") if v.get(k)]
                    vals = [x for x in vals if isinstance(x["value"], str)]
                    # a range resolves to {startDate, endDate}: the same
                    # [start, end) as a model file's start / end
                    for k in ("FutureResolution", "PastResolution"):
                        res = v.get(k) or {}
                        if isinstance(res.get("startDate"), str) and isinstance(res.get("endDate"), str):
                            vals.append({"start": res["startDate"], "end": res["endDate"]})
                    test = rt_timex_test(v.get("Timex"), vals, tn, window and bool(
                        re.fullmatch(r"\([^,]+,[^,]+,P[^)]+\)", v.get("Timex") or "")))
                    desc = "%s %s %s" % (r.get("Text"), tn, v.get("Timex"))
                else:
                    test = lambda f: True
                    desc = "%s %s" % (r.get("Text"), tn)
            if tn in ("duration",) and lang == "ja":
                types = ("duration",)
            exps.append(Exp(start, end, types, test, desc))
            exps[-1].period = tn in ("daterange", "datetimerange", "timerange", "dateperiod",
                                     "datetimeperiod", "timeperiod")
        case = Case("%s#%d" % (rel, i), c["Input"], rt_ref_date(c), exps, TEMPORAL,
                    none=not c.get("Results"))
        if "/Duration" in rel:
            case.extra_ok = lambda f: f["type"] == "duration"
        elif "/DatePeriod" in rel:
            # "in 3 weeks" is a day ahead that RT's Date model reports
            # (DateExtractor: i will leave in 3 weeks), so its period files
            # list it as nothing: kiji's date for it is no extra there
            case.extra_ok = lambda f: f["type"] == "date" and not re.fullmatch(
                r"in \w+ (day|week|month|year)s?", (f.get("text") or "").lower())
        elif "/Date" in rel and level != "model":
            case.extra_ok = lambda f: f["type"] == "date"
        s.cases.append(case)
    return s


# ------------------------------------------------------------ duckling

def duck_ref(ref):
    return ref[:19] if ref else None


def load_duckling(root, name, peer_rate):
    path = os.path.join(root, "duckling", "json", name + ".json")
    d = load_json(path)
    dim, lang = d["dimension"], d["lang"].lower()
    category = "date" if dim in ("Time", "Duration") else "numeric"
    cat = TEMPORAL if category == "date" else NUMERIC
    s = Suite("duckling " + name, category, peer_rate, lang, "tagger")
    for i, c in enumerate(d["cases"]):
        e = c["expected"]
        if c.get("latent"):
            continue
        ref = duck_ref(c.get("reference_time") or d.get("default_reference_time"))
        if dim == "Numeral":
            exp = Exp(None, None, NUMERIC, lambda f, v=e["value"]: num_eq(fact_value(f), v),
                      "value %s" % e["value"])
        elif dim == "AmountOfMoney":
            iso, scale = currency_of(e.get("unit"), None)
            if e.get("unit") == "Unnamed":
                iso = None

            def test(f, e=e, iso=iso, scale=scale):
                if iso and f.get("currency") != iso:
                    return False
                if e["type"] == "value":
                    return num_eq(fact_value(f), num(e["value"]) * scale)
                lo, hi = e.get("from"), e.get("to")
                q = f.get("qualifier")
                if lo is not None and hi is not None:
                    return num_eq(fact_value(f), num(lo) * scale) and \
                        num_eq(fact_value(f, "max"), num(hi) * scale)
                if lo is not None:
                    return num_eq(fact_value(f), num(lo) * scale) and q in ("over", "at_least")
                return num_eq(fact_value(f), num(hi) * scale) and q in ("under", "at_most")
            exp = Exp(None, None, ("money",), test, json.dumps(e))
        elif dim == "Duration":
            secs = Decimal(str(e["value"])) * DUCKLING_UNIT[e["unit"]]
            # 27 months = P2Y3M: years and months compare in months (dur_eq)
            cal = {"month": "P%sM", "year": "P%sY"}.get(e["unit"])
            exp = Exp(None, None, ("duration",),
                      lambda f, secs=secs, cal=cal, v=e["value"]: split_iso_duration(
                          f.get("value")) == secs or bool(cal and dur_eq(cal % v, f.get("value"))),
                      "%s %s" % (e["value"], e["unit"]))
        elif e["type"] == "interval" and e.get("from") and e.get("to") and WINDOW.search(c["text"]):
            # last 2 days, next 3 months: the window or kiji's duration of its length
            exp = Exp(None, None, ("date", "duration"), duck_window_test(e), json.dumps(e))
        else:  # Time
            exp = Exp(None, None, ("date",), duck_time_test(e), json.dumps(e))
            exp.period = hasattr(exp.test, "pair")
        s.cases.append(Case("%s#%d" % (name, i), c["text"], ref, [exp], cat))
    for j, t in enumerate(d.get("negative", [])):
        s.cases.append(Case("%s#neg%d" % (name, j), t, duck_ref(d.get("default_reference_time")),
                            [], cat, none=True))
    only = {"AmountOfMoney": "money", "Time": "date", "Duration": "duration"}.get(dim)
    if only:
        for c in s.cases:
            c.extra_ok = lambda f, only=only: f["type"] == only
    return s


def duck_grain_value(iso, grain):
    """duckling's instant + grain -> the ISO value kiji writes at that grain."""
    d = dt.datetime.fromisoformat(iso)
    if grain == "year":
        return "%04d" % d.year
    if grain == "quarter":
        return "%04d-Q%d" % (d.year, (d.month - 1) // 3 + 1)
    if grain == "month":
        return "%04d-%02d" % (d.year, d.month)
    if grain == "week":
        y, w, _ = d.isocalendar()
        return "%04d-W%02d" % (y, w)
    if grain == "day":
        return d.date().isoformat()
    return d.strftime("%Y-%m-%dT%H:%M")


def duck_window_test(e):
    """duckling writes "last 2 days" as the interval [from, to); kiji as the
    duration P2D: its length in the interval's grain."""
    g = e.get("grain", "day")
    timed = duck_time_test(e)
    a, b = dt.datetime.fromisoformat(e["from"]), dt.datetime.fromisoformat(e["to"])
    months = (b.year - a.year) * 12 + b.month - a.month
    length = {"year": "P%dY" % (months // 12), "quarter": "P%dM" % months,
              "month": "P%dM" % months, "week": "P%dW" % ((b - a).days // 7),
              "day": "P%dD" % (b - a).days}.get(g, "PT%dS" % int((b - a).total_seconds()))

    def test(f):
        if f["type"] == "duration":
            return dur_eq(length, f.get("value"))
        return timed(f)
    return test


def kiji_extent(val):
    """[start, end) dates of a kiji year, month or ISO week value."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?", val)
    if m:
        y = int(m.group(1))
        if m.group(2):
            mo = int(m.group(2))
            return dt.date(y, mo, 1), dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", val)
    if m:
        try:
            mon = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        if m.group(3):
            return mon + dt.timedelta(days=5), mon + dt.timedelta(days=7)
        return mon, mon + dt.timedelta(days=7)
    return None


def duck_part_of(val, mod, lo, hi):
    """duckling writes a part of a period as its own interval: the end of
    this week [Fri, Mon), early March [1, 11), the end of the year [Sep,
    Jan), tonight [18:00, 24:00), this weekend [Fri 18:00, Mon). kiji writes
    the period with GUIDELINES.md's mod (start / mid / end), the day with its
    TIMEX part of day (…TNI), the weekend of the ISO week (…-WE): the same
    part when the interval lies inside kiji's period on the mod's side."""
    a, b = dt.datetime.fromisoformat(lo), dt.datetime.fromisoformat(hi)
    tod = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)", val)
    if tod:
        span = {"MO": (0, 12), "AF": (12, 19), "EV": (18, 24), "NI": (18, 24)}[tod.group(2)]
        return a.date().isoformat() == tod.group(1) and span[0] <= a.hour < span[1] \
            and (b - a) <= dt.timedelta(hours=12)
    ext = kiji_extent(val)
    if not ext:
        return False
    s, e = ext
    if val.endswith("-WE"):
        # duckling's weekend starts on the Friday evening
        return a.date() == s - dt.timedelta(days=1) and a.hour >= 18 and b.date() == e
    ad, bd = a.date(), (b - dt.timedelta(seconds=1)).date()
    if not (s <= ad and bd < e) or (ad == s and bd == e - dt.timedelta(days=1)):
        return False
    if mod == "start":
        return ad == s
    if mod == "end":
        return bd == e - dt.timedelta(days=1)
    if mod == "mid":
        return ad > s and bd < e - dt.timedelta(days=1)
    return False


def duck_time_test(e):
    g = e.get("grain", "day")
    step = {"second": dt.timedelta(seconds=1), "minute": dt.timedelta(minutes=1),
            "hour": dt.timedelta(hours=1)}.get(g, dt.timedelta(days=1))

    def test(f):
        val = f.get("value")
        if e["type"] == "value":
            want = duck_grain_value(e["value"], g)
            if date_eq(want, val):
                return True
            # a week ago, three months ago: kiji keeps the text's grain (the
            # relative-dates mapping of Recognizers-Text, same rule)
            if f.get("relative") and isinstance(val, str) and g == "day":
                if re.fullmatch(r"\d{4}(-\d\d)?", val) and want.startswith(val + "-"):
                    return True
                wk = re.fullmatch(r"(\d{4})-W(\d\d)", val)
                if wk:
                    iy, iw, _ = dt.date.fromisoformat(want[:10]).isocalendar()
                    return (iy, iw) == (int(wk.group(1)), int(wk.group(2)))
            return False
        lo, hi = e.get("from"), e.get("to")
        if lo and hi and isinstance(val, str) and duck_part_of(val, f.get("mod"), lo, hi):
            return True
        if lo and not date_eq(duck_grain_value(lo, g), val):
            return False
        if lo and hi:
            kmax = f.get("max")
            if kmax is None:
                return False
            # to is exclusive: one grain before it
            end = dt.datetime.fromisoformat(hi)
            return date_eq(duck_grain_value((end - step).isoformat(), g), kmax)
        if hi and not lo:
            return date_eq(duck_grain_value(hi, g), val)
        return True

    def pair(v1, v2):
        """2020年から2021年まで: kiji's two dates as the interval's ends."""
        end = dt.datetime.fromisoformat(e["to"]) - step
        return date_eq(duck_grain_value(e["from"], g), v1) and \
            date_eq(duck_grain_value(end.isoformat(), g), v2)
    if e["type"] == "interval" and e.get("from") and e.get("to"):
        test.pair = pair
    return test


# ------------------------------------------------------------ ja-timex

JT_REF = "2021-07-18"   # the reference ja-timex's own parser tests use


def jt_resolve(value, mod, ref=JT_REF):
    """ja-timex leaves relative expressions as DURATION + mod BEFORE/AFTER/NOW
    (来年 = P1Y AFTER). kiji resolves them: the date ref -/+ value at the grain
    of value's unit. Returns the set of kiji values that count as equal."""
    m = re.fullmatch(r"P(T?)([\d.]+)([YMWDHS])", value or "")
    if not m:
        return set()
    t, n, u = m.group(1), Decimal(m.group(2)), m.group(3)
    r = dt.datetime.fromisoformat(ref)
    sign = -1 if mod == "BEFORE" else (1 if mod == "AFTER" else 0)
    out = set()
    if not t and u == "M" and n == Decimal("0.5"):
        u, n = "D", Decimal(15)   # 半月 (P0.5M): kiji's P15D
    if not t and u in "YM":
        months = n * (12 if u == "Y" else 1)
        if months != int(months):
            return out
        k = r.year * 12 + (r.month - 1) + sign * int(months)
        y, mo = divmod(k, 12)
        mo += 1
        if u == "Y" and months % 12 == 0:
            out.add("%04d" % y)
        else:
            out.add("%04d-%02d" % (y, mo))
        return out
    sec = {"W": 7 * 86400, "D": 86400, "H": 3600, "M": 60, "S": 1}[u] if (t or u in "WD") else None
    if sec is None:
        return out
    x = r + dt.timedelta(seconds=float(n * sec * sign))
    if not t:
        if u == "W":
            y, w, _ = x.isocalendar()
            out.add("%04d-W%02d" % (y, w))
        out.add(x.date().isoformat())
    else:
        out.add(x.strftime("%Y-%m-%dT%H:%M"))
        out.add(x.strftime("%Y-%m-%dT%H"))
    return out


def jt_clock_today(value, got, ref=JT_REF):
    """1時間半後, 半日前 (PT1.5H / P0.5D, under a day): kiji reads an offset in
    hours or minutes on the publication day with its clock unknown (docs/DATES.md:
    3時間前 is a time of the publication day), 2021-07-18TXX:XX; ja-timex leaves
    the same offset unresolved. The reference has no clock either, so the two
    say the same thing: the runner's midnight reference is not compared."""
    m = re.fullmatch(r"P(T?)([\d.]+)([DHMS])", value or "")
    if not m or (not m.group(1) and m.group(3) != "D"):
        return False
    n = Decimal(m.group(2)) * {"D": 86400, "H": 3600, "M": 60, "S": 1}[m.group(3)]
    return 0 < n < 86400 and got in (ref + "TXX:XX", ref + "TXX")


# The one kind of kiji fact each ja-timex tagger's tests speak about (Reltime
# covers kiji dates and durations alike).
JT_TAGGER_KIND = {"AbstimeTagger": "date", "DurationTagger": "duration", "SetTagger": "set"}

# ja-timex's mods and kiji's: GUIDELINES.md's mod (start / mid / end) or
# the qualifier a date shares with amounts (2021年以前: on or before, at most
# 2021; 7月以来: on or after, at least July)
JT_MOD = {"START": "start", "MID": "mid", "END": "end", "APPROX": "approx",
          "ABOUT": "approx", "ON_OR_BEFORE": "at_most", "ON_OR_AFTER": "at_least"}


def jt_mod_ok(f, mod):
    if mod == "APPROX" and (f.get("text") or "").endswith("近く") and f.get("qualifier") == "under":
        # 1年近く: ja-timex writes "nearly" as APPROX, kiji (GUIDELINES.md:
        # nearly / almost -> under) as under; the same word, the same meaning
        return True
    return f.get("mod") == JT_MOD[mod] or f.get("qualifier") == JT_MOD[mod]


def jt_item_test(want):
    """want: dict of attribute -> expected (value, type, mod, text) for one result."""
    typ, value, mod = want.get("type"), want.get("value"), want.get("mod", "?")
    text = want.get("text")

    def test(f):
        if want.get("_tagger") == "AbstimeTagger" and f["type"] != "date":
            # AbstimeTagger reports only dates and times: a kiji length with
            # the same words (2000年近く, nearly 2000 years) is another reading
            return False
        if text is not None and f.get("text") != text and not text_loose_eq(text, f.get("text")):
            # one kiji range fact (10日-20日, value + max) stands for ja-timex's two
            if not (f.get("_range") and text in (f.get("text") or "")):
                return False
        k = f["type"]
        val = f.get("value")
        if value is None:
            if mod in ("BEFORE", "AFTER", "NOW"):
                return k == "date" and bool(f.get("relative"))
            if mod in JT_MOD:
                return jt_mod_ok(f, mod)
            return True
        if typ == "SET" or (typ is None and want.get("_tagger") == "SetTagger"):
            return k == "set" and dur_eq(val, value)
        if mod in ("BEFORE", "AFTER", "NOW") and value.startswith("P"):
            if k == "date" and f.get("relative") and re.fullmatch(r"\d\d", val or ""):
                # 今世紀 (P0Y NOW): kiji's century holding the resolved year
                return any(y[:2] == val for y in jt_resolve(value, mod))
            return k == "date" and (val in jt_resolve(value, mod) or jt_clock_today(value, val))
        if mod == "?" and want.get("_tagger") in ("ReltimeTagger", None) and value.startswith("P") \
                and typ in (None, "DURATION"):
            # the test asserts the value only: 再来年 is P2Y (AFTER) in ja-timex,
            # the date 2023 in kiji; either reading counts (ReltimeTagger and
            # the parser, which reports the same reltime: 一昨年 → P2Y)
            if k == "date" and f.get("relative"):
                return val in jt_resolve(value, "BEFORE") | jt_resolve(value, "AFTER") | \
                    jt_resolve(value, "NOW") or jt_clock_today(value, val)
        if value.startswith("P"):
            ok = k == "duration" and dur_eq(val, value)
            if ok and mod in JT_MOD:
                return jt_mod_ok(f, mod)
            return ok
        if k != "date":
            return False
        cm = re.fullmatch(r"(BC)?(\d\d)XX", value)
        if cm:
            # a century: ja-timex 18XX / BC01XX, kiji (TIMEX) 18 / BC01
            return val == (cm.group(1) or "") + cm.group(2)
        wd = re.fullmatch(r"XXXX-WXX-([1-7])", value)
        if wd:
            # a bare weekday: ja-timex leaves it unresolved, kiji resolves it
            # to a day; any day on that weekday counts
            try:
                return dt.date.fromisoformat(val or "").isoweekday() == int(wd.group(1))
            except ValueError:
                return False
        if not date_eq(value, val):
            return False
        if mod in JT_MOD and mod != "APPROX":
            return f.get("mod") == JT_MOD[mod]
        return True
    return test


# The kanji numerals ja-timex's ignore_kansuji leaves unread (一昨日 and
# 一昨年 are words, not numerals: the option still reads them).
JT_KANSUJI = re.compile(r"[〇零一二三四五六七八九十百千万億兆]")


def jt_kansuji(f):
    return bool(JT_KANSUJI.search((f.get("text") or "").replace("一昨", "")))


def jt_no_kansuji(e):
    """An expected result of an ignore_kansuji case: kiji facts with a kanji
    numeral cannot stand for it (ja-timex read none)."""
    test = e.test
    e.test = lambda f, test=test: not jt_kansuji(f) and test(f)
    return e


def text_loose_eq(a, b):
    """ja-timex reports text with kanji numerals already turned into digits."""
    return b is not None and re.sub(r"\s", "", a) == re.sub(r"\s", "", b)


def load_ja_timex(root, peer_rate):
    d = load_json(os.path.join(root, "ja-timex", "ja_timex_cases.json"))
    suites = {}
    for i, c in enumerate(d["cases"]):
        runner = c["runner"].split("(")[0]
        if "custom_tagger" in c["runner"]:
            continue   # needs a test-defined tagger; skipped by ja-timex too
        key = runner if c["level"] == "tagger" else (
            "TimexParser (must find nothing)" if any(
                e["path"] == "count" and e["value"] == 0 for e in c["expect"]) else "TimexParser")
        s = suites.get(key)
        if s is None:
            s = suites[key] = Suite("ja-timex " + key, "date", peer_rate, "ja",
                                    c["level"])
        ref = JT_REF
        exps, none, unscored, count = [], False, [], None
        if c["level"] == "tagger":
            want = {"_tagger": runner}
            for e in c["expect"]:
                if e["path"] == "result" and e["op"] == "is":
                    none = True
                elif e["path"] in ("value", "type", "text") and e["op"] == "==":
                    want[e["path"]] = e["value"]
                elif e["path"] == "mod":
                    want["mod"] = e["value"] if e["op"] == "==" else None
                else:
                    unscored.append(e["path"])
            if not none:
                exps.append(Exp(None, None, TEMPORAL, jt_item_test(want),
                                json.dumps({k: v for k, v in want.items() if k[0] != "_"},
                                           ensure_ascii=False)))
        else:
            items = collections.defaultdict(dict)
            count = None
            for e in c["expect"]:
                m = re.fullmatch(r"\[(\d+)\]\.(\w+)", e["path"])
                if e["path"] == "count":
                    count = e["value"]
                elif m and m.group(2) in ("value", "type", "text", "mod") and e["op"] == "==":
                    items[int(m.group(1))][m.group(2)] = e["value"]
                elif m:
                    items[int(m.group(1))].setdefault("_seen", True)
                    unscored.append(m.group(2))
            none = count == 0
            n = max([count or 0] + [k + 1 for k in items])
            for k in range(n):
                want = items.get(k, {})
                exps.append(Exp(None, None, TEMPORAL, jt_item_test(want),
                                json.dumps({a: v for a, v in want.items() if a[0] != "_"},
                                           ensure_ascii=False)))
        note = ("not scored: " + ",".join(sorted(set(unscored)))) if unscored else ""
        case = Case("ja-timex:%s:%d" % (c["file"], c["line"]), c["text"], ref, exps,
                    TEMPORAL, none=none, note=note)
        only = JT_TAGGER_KIND.get(runner) if c["level"] == "tagger" else None
        if c["level"] != "tagger" and count is None:
            # a parser test that asserts no count asserts only the results it
            # names (as ja-timex's own test does): more results are no extras
            case.extra_ok = lambda f: False
        elif only == "date":
            # AbstimeTagger alone: only an absolute date can be an extra (今朝
            # is a relative date in kiji, ReltimeTagger's kind in ja-timex)
            case.extra_ok = lambda f: f["type"] == "date" and not f.get("relative")
        elif only:
            # a tagger test runs that tagger alone: only its kind can be an extra
            case.extra_ok = lambda f, only=only: f["type"] == only
        if "ignore_kansuji=True" in c["runner"]:
            # the test switches ja-timex's kanji numerals off (三時間, 週三回
            # are then not read at all): a kiji fact whose number is written
            # in kanji is outside what the case asks, neither found nor extra
            prev = case.extra_ok
            case.extra_ok = lambda f, prev=prev: not jt_kansuji(f) and (prev is None or prev(f))
            case.expected = [jt_no_kansuji(e) for e in case.expected]
        s.cases.append(case)
    order = ["AbstimeTagger", "ReltimeTagger", "DurationTagger", "SetTagger", "TimexParser",
             "TimexParser (must find nothing)"]
    return [suites[k] for k in order if k in suites]


# ------------------------------------------------------------ chrono

def load_chrono(root, peer_rate):
    d = load_json(os.path.join(root, "chrono", "chrono_ja_cases.json"))
    s = Suite("chrono ja", "date", peer_rate, "ja", "sentence")
    for i, c in enumerate(d["cases"]):
        ref = c.get("ref") or "2012-08-10T00:00:00"
        if c.get("expect_none"):
            s.cases.append(Case("chrono:%s:%d" % (c["file"], c["line"]), c["text"], ref[:19],
                                [], TEMPORAL, none=True))
            continue
        chk = {x["path"]: x.get("value") for x in c["checks"] if x["op"] in ("toBe", "toBeDate")}
        start = chk.get("index")
        end = start + len(chk["text"]) if start is not None and "text" in chk else None
        exps = [Exp(start, end, ("date",), chrono_test(chk), json.dumps(
            {k: v for k, v in chk.items() if "certain" not in k}, ensure_ascii=False))]
        s.cases.append(Case("chrono:%s:%d" % (c["file"], c["line"]), c["text"], ref[:19], exps,
                            TEMPORAL))
    return s


def chrono_parts(val):
    m = re.match(r"(\d{4}|X{4})(?:-(\d\d|XX))?(?:-(\d\d|XX))?(?:T(\d\d)(?::(\d\d))?(?::(\d\d))?)?",
                 val or "")
    if not m:
        return {}
    keys = ("year", "month", "day", "hour", "minute", "second")
    return {k: int(v) for k, v in zip(keys, m.groups()) if v and "X" not in v}


def chrono_test(chk):
    """chrono's start.* / end.* components must agree with kiji's value / max
    (components kiji leaves out at its grain are not compared unless chrono
    marks them certain... chrono always fills them, so a day-grain kiji value
    is compared on year, month, day only, except when chrono asks for hour)."""
    def test(f):
        if "text" in chk and f.get("text") != chk["text"]:
            return False
        for side, key in (("start", "value"), ("end", "max")):
            want = {k.split(".")[1]: v for k, v in chk.items()
                    if k.startswith(side + ".") and k.count(".") == 1
                    and k.split(".")[1] in ("year", "month", "day", "hour", "minute")}
            if not want:
                continue
            got = chrono_parts(f.get(key))
            if side == "end" and f.get(key) is None:
                return False
            for k, v in want.items():
                if k in ("minute",) and v == 0 and k not in got:
                    continue
                if got.get(k) != v:
                    return False
        return True
    return test


# ------------------------------------------------------- normalizeNumExp

def load_nne(root, peer_rate):
    d = load_json(os.path.join(root, "normalizenumexp", "normalizenumexp_cases.json"))
    cases = d["cases"] if isinstance(d, dict) else d
    s = Suite("normalizeNumExp (numerical)", "numeric", peer_rate, "ja", "sentence")
    for i, c in enumerate(cases):
        if "expect" not in c:
            continue   # an assertion the converter could not read (unparsed_expect)
        exps = []
        for e in c["expect"]:
            if e.get("type") != "numerical":
                continue
            lo, hi = e.get("value_lower_bound"), e.get("value_upper_bound")
            counter = e.get("counter")

            def test(f, lo=lo, hi=hi, counter=counter):
                v = fact_value(f)
                if lo is not None and hi is not None and num(lo) != num(hi):
                    if not (num_eq(v, lo) and num_eq(fact_value(f, "max"), hi)):
                        # 約N: normalizeNumExp widens the bounds; kiji keeps N + approx
                        if f.get("qualifier") != "approx":
                            return False
                elif lo is not None and abs(lo) != float("inf"):
                    if not num_eq(v, lo):
                        return False
                elif hi is not None and not num_eq(v, hi):
                    return False
                return True
            exps.append(Exp(e.get("position_start"), e.get("position_end"), NUMERIC, test,
                            "%s %s [%s,%s]" % (e.get("original_expr"), counter, lo, hi)))
        s.cases.append(Case("nne:%d" % c.get("line", i), c["text"], None, exps, NUMERIC,
                            none=not exps))
    return s


# ------------------------------------------------------------ running

def run_kiji(kiji, cases, env, save_input=None, facts="+number", append=False):
    """One kiji process for the cases; results keyed by id (a rejected record,
    e.g. an empty input, prints no line and so has no facts). save_input names
    a file to keep the records in (to diff kiji's raw output across builds),
    appended to when append; facts is the --facts option."""
    lines = []
    for c in cases:
        rec = {"id": c.cid, "text": c.text}
        if c.date:
            rec["date"] = c.date
        if c.cid.startswith("ja-timex:"):
            # a Japanese library's suite: its ASCII-only inputs (7/18, 11:10 PM)
            # are Japanese text, as they would be inside an article
            rec["lang"] = "ja"
        lines.append(json.dumps(rec, ensure_ascii=False))
    if save_input:
        with open(save_input, "a" if append else "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
    p = subprocess.run([kiji, "parse", "--jsonl", "--facts", facts, "-"],
                       input="\n".join(lines) + "\n", capture_output=True, text=True, env=env)
    out = {}
    for line in p.stdout.splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        out[r.get("id")] = r.get("facts", [])
    return out, p.returncode, p.stderr


def score(case, facts):
    tab = u16_offsets(case.text)
    for f in facts:
        f["s16"] = tab.get(f.get("start"), 0)
        f["e16"] = tab.get(f.get("end"), 0)
    cat = [f for f in facts if f.get("type") in case.category]
    # A kiji range (value + max) may stand for a peer's two results, start and
    # end: each range fact also offers its end as a candidate (same fact).
    cands = [(j, f) for j, f in enumerate(cat)]
    for j, f in enumerate(cat):
        if f.get("max") is not None and f["type"] in TEMPORAL:
            g = dict(f, value=f["max"], _range=True)
            g.pop("max")
            cands.append((j, g))
            cands[j] = (j, dict(f, _range=True))
    inside = [f for f in facts if f.get("type") in case.inside]
    used, used_c = set(), set()
    missing = []
    for e in case.expected:
        hit = None
        if e.period:
            # 4日から22日まで: kiji writes the two ends as two dates (GUIDELINES:
            # "both ends are dates, or one date with max"); two unused dates
            # inside the peer's span stand for its start and end
            pair = None
            ins = [(ci, f) for ci, (j, f) in enumerate(cands) if ci not in used_c
                   and f["type"] in ("date", "duration") and not f.get("_range")
                   and (e.start is None or e.start <= f["s16"] and f["e16"] <= e.end)]
            for a in range(len(ins)):
                for b in range(a + 1, len(ins)):
                    f1, f2 = ins[a][1], ins[b][1]
                    if f1["s16"] >= f2["s16"]:
                        continue
                    try:
                        ok = False
                        kinds = (f1["type"], f2["type"])
                        sl = getattr(e.test, "startlen", None)
                        if kinds == ("date", "date"):
                            pt = getattr(e.test, "pair", None)
                            ok = pt(f1.get("value"), f2.get("value")) if pt else True
                        elif sl and kinds == ("date", "duration"):
                            ok = sl(f1.get("value"), f2.get("value"))
                        elif sl and kinds == ("duration", "date"):
                            ok = sl(f2.get("value"), f1.get("value"))
                    except (ValueError, TypeError, InvalidOperation, KeyError, OverflowError):
                        ok = False
                    if ok:
                        pair = (ins[a][0], ins[b][0])
                        break
                if pair:
                    break
            if pair:
                for ci in pair:
                    used_c.add(ci)
                    used.add(cands[ci][0])
                continue
        for ci, (j, f) in enumerate(cands):
            if ci in used_c or f["type"] not in e.types or not overlaps(f, e.start, e.end):
                continue
            try:
                ok = e.test(f)
            except (ValueError, TypeError, InvalidOperation, KeyError, OverflowError):
                ok = False
            if ok:
                hit = ci
                break
        if hit is None and e.start is not None and any(
                f["s16"] <= e.start and e.end <= f["e16"] for f in inside):
            # numbers inside a date (2018年5月17日) belong to the date fact in kiji
            continue
        if hit is None:
            missing.append(e.desc)
        else:
            used_c.add(hit)
            used.add(cands[hit][0])
    extra = [f for j, f in enumerate(cat) if j not in used
             and (case.extra_ok is None or case.extra_ok(f))]
    case.result = not missing and not extra
    got = ["%s:%s=%s%s" % (f["type"], f.get("text"), f.get("value"),
                           "" if f.get("max") is None else "..%s" % f.get("max")) for f in extra]
    parts = []
    if missing:
        parts.append("missing " + "; ".join(missing))
    if extra:
        parts.append("extra " + "; ".join(got))
    case.why = " | ".join(parts)
    return case.result


PEER = {
    "Number/Japanese/NumberModel.json": "582/764",
    "Number/Japanese/PercentModel.json": "114/204",
    "Number/Japanese/NumberRangeModel.json": "- (no JS model)",
    "NumberWithUnit/Japanese/CurrencyModel.json": "65/68",
    "NumberWithUnit/Japanese/DimensionModel.json": "- (no JS model)",
    "Number/English/NumberModel.json": "199/235",
    "Number/English/PercentModel.json": "17/20",
    "Number/English/NumberRangeModel.json": "- (no JS model)",
    "NumberWithUnit/English/CurrencyModel.json": "148/180",
    "NumberWithUnit/English/DimensionModel.json": "81/100",
    "DateTime/English/DateTimeModel.json": "608/985",
    # replayed by bench/rt_replay.sh (the peer's extractors and parsers, run
    # the way its own spec runner runs them)
    "DateTime/English/DateExtractor.json": "133/148",
    "DateTime/English/DateParser.json": "118/137",
    "DateTime/English/DatePeriodExtractor.json": "311/359",
    "DateTime/English/DatePeriodParser.json": "166/252",
    "DateTime/English/DurationExtractor.json": "60/64",
    "DateTime/English/DurationParser.json": "50/56",
}


def build_suites(root):
    suites = []
    for rel, kind in (("Number/Japanese/NumberModel.json", "number"),
                      ("Number/Japanese/PercentModel.json", "percent"),
                      ("Number/Japanese/NumberRangeModel.json", "numberrange"),
                      ("NumberWithUnit/Japanese/CurrencyModel.json", "currency"),
                      ("NumberWithUnit/Japanese/DimensionModel.json", "dimension"),
                      ("Number/English/NumberModel.json", "number"),
                      ("Number/English/PercentModel.json", "percent"),
                      ("Number/English/NumberRangeModel.json", "numberrange"),
                      ("NumberWithUnit/English/CurrencyModel.json", "currency"),
                      ("NumberWithUnit/English/DimensionModel.json", "dimension")):
        suites.append(load_rt_numeric(root, rel, kind, PEER.get(rel, "-")))
    suites.append(load_duckling(root, "Numeral_JA", "all (own corpus)"))
    suites.append(load_duckling(root, "Numeral_EN", "all (own corpus)"))
    suites.append(load_duckling(root, "AmountOfMoney_EN", "all (own corpus)"))
    suites.append(load_nne(root, "all (own tests)"))
    suites.extend(load_ja_timex(root, "all (529/530 overall)"))
    suites.append(load_chrono(root, "84/84"))
    for lang in ("Japanese", "English"):
        for f in ("DateExtractor", "DateParser", "DatePeriodExtractor", "DatePeriodParser",
                  "DurationExtractor", "DurationParser", "DateTimeModel"):
            rel = "DateTime/%s/%s.json" % (lang, f)
            rate = PEER.get(rel, "- (no JS ja model)" if lang == "Japanese" else "not replayed")
            suites.append(load_rt_datetime(root, rel, rate))
    suites.append(load_duckling(root, "Time_EN", "all (own corpus)"))
    suites.append(load_duckling(root, "Time_JA", "all (own corpus)"))
    suites.append(load_duckling(root, "Duration_EN", "all (own corpus)"))
    suites.append(load_duckling(root, "Duration_JA", "all (own corpus)"))
    return suites


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("shared", nargs="?", default=os.path.join(repo, "..", "shared"))
    ap.add_argument("--kiji", default=os.path.join(repo, "build", "tools", "kiji"))
    ap.add_argument("--md", help="write the table into this markdown file")
    ap.add_argument("--only", help="run only suites whose name contains this")
    ap.add_argument("--fails", type=int, default=0, help="print N failing cases per suite")
    ap.add_argument("--dump-fails", help="write every failing case as JSON lines here")
    ap.add_argument("--save-input", help="write the records given to kiji (JSON lines) here")
    a = ap.parse_args()

    root = os.path.join(a.shared, "peer-specs")
    if not os.path.isdir(root):
        print("conformance: %s not found: no peer suites to score (pass SHARED_DIR)" % root)
        return 0
    if not os.access(a.kiji, os.X_OK):
        print("conformance: kiji binary %s not found (build first, or pass --kiji)" % a.kiji,
              file=sys.stderr)
        return 2
    suites = build_suites(root)
    if a.only:
        suites = [s for s in suites if a.only.lower() in s.name.lower()]
    # the Recognizers-Text currency files name currencies with no amount
    # (a null value): kiji reports those only with --facts +currency, so
    # their cases go through a second process with it on
    cur = [c for s in suites if s.name.startswith("RT ") and s.kind == "currency" for c in s.cases]
    curids = {c.cid for c in cur}
    allcases = [c for s in suites for c in s.cases if c.cid not in curids]
    env = dict(os.environ)
    facts, rc, err = run_kiji(a.kiji, allcases, env, a.save_input)
    if cur and rc in (0, 1):
        f2, rc, err = run_kiji(a.kiji, cur, env, a.save_input, facts="+number,+currency",
                               append=True)
        facts.update(f2)
    if rc not in (0, 1):
        print("conformance: kiji exited %d: %s" % (rc, err[-2000:]), file=sys.stderr)
        return 2

    rows = []
    dump = open(a.dump_fails, "w", encoding="utf-8") if a.dump_fails else None
    for s in suites:
        ok = sum(score(c, facts.get(c.cid, [])) for c in s.cases)
        n = len(s.cases)
        rows.append((s, ok, n))
        print("%-48s %5d / %-5d %6.1f%%   peer: %s" % (s.name, ok, n, 100.0 * ok / max(n, 1),
                                                        s.peer_rate))
        fails = [c for c in s.cases if not c.result]
        for c in fails[:a.fails]:
            print("    FAIL %s  %r\n         %s" % (c.cid, c.text[:80], c.why[:300]))
        if dump:
            for c in fails:
                dump.write(json.dumps({"suite": s.name, "id": c.cid, "text": c.text,
                                       "date": c.date, "why": c.why, "note": c.note},
                                      ensure_ascii=False) + "\n")
    if dump:
        dump.close()
    if a.md:
        write_md(a.md, rows)
    return 0


def write_md(path, rows):
    table = ["| suite file | lang | cases | kiji pass | kiji % | peer's own rate |",
             "|---|---|---:|---:|---:|---|"]
    for s, ok, n in rows:
        table.append("| %s | %s | %d | %d | %.1f%% | %s |" % (s.name, s.lang, n, ok,
                                                              100.0 * ok / max(n, 1), s.peer_rate))
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, cwd=os.path.dirname(os.path.abspath(path))).stdout.strip()
    except OSError:
        head = "?"
    stamp = "\nMeasured %s UTC on the working tree at commit %s (recognizers as in the tree)." % (
        dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M"), head or "?")
    block = "<!-- BEGIN TABLE (written by bench/conformance.py) -->\n" + "\n".join(table) + \
        "\n" + stamp + "\n<!-- END TABLE -->"
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        text = "# Conformance against peers\n\n<!-- BEGIN TABLE -->\n<!-- END TABLE -->\n"
    new = re.sub(r"<!-- BEGIN TABLE.*?<!-- END TABLE -->", lambda m: block, text, flags=re.S)
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


if __name__ == "__main__":
    sys.exit(main())
