#!/usr/bin/env python3
"""Quote and statement figures on corpus articles (issue 6).

Usage: bench/quote_stats.py KIJI [--ja N] [--en N] [--sample K] [--seed S]

Runs `KIJI parse --jsonl` on the first N Japanese articles of
../shared/corpus/ja_news.jsonl and the first N English ones of en_news.jsonl,
and prints per language: articles, quotes found, the share of quotes with a
speaker, the speaker notes given for the rest, and statements found. With
--sample K it prints K random quotes that have a speaker, half from each language
(quote, speaker name, the text around the quote), for a hand check of
speaker precision.
"""
import argparse
import collections
import json
import random
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def records(path, n):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(out) >= n:
                break
            r = json.loads(line)
            out.append({"id": r["id"], "date": (r.get("date") or "")[:10], "text": r["text"]})
    return out


def run(kiji, recs):
    inp = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    p = subprocess.run([kiji, "parse", "--jsonl", "-"], input=inp.encode("utf-8"),
                       capture_output=True, check=False)
    return [json.loads(l) for l in p.stdout.decode("utf-8").splitlines() if l.strip()]


def stats(lang, recs, results, sample):
    text_of = {r["id"]: r["text"].encode("utf-8") for r in recs}
    quotes = with_speaker = statements = 0
    notes = collections.Counter()
    picks = []
    for res in results:
        facts = res.get("facts", [])
        by_id = {f["id"]: f for f in facts}
        for f in facts:
            if f["type"] == "statement":
                statements += 1
            if f["type"] != "quote":
                continue
            quotes += 1
            sp = f.get("speaker")
            if isinstance(sp, int) and sp in by_id:
                with_speaker += 1
                raw = text_of.get(res.get("id"), b"")
                ctx = raw[max(0, f["start"] - 150):f["end"] + 150].decode("utf-8", "replace")
                picks.append((res.get("id"), f["text"], by_id[sp].get("name"), ctx))
            else:
                notes[f.get("speaker_note", "(none)")] += 1
    share = with_speaker / quotes if quotes else 0.0
    print(f"{lang}: {len(results)} articles, {quotes} quotes, {with_speaker} with a speaker "
          f"({share:.1%}), {statements} statements")
    for n, c in notes.most_common():
        print(f"    no speaker: {c:4d}  {n}")
    return picks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kiji")
    ap.add_argument("--ja", type=int, default=200)
    ap.add_argument("--en", type=int, default=100)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=6)
    a = ap.parse_args()
    picks = []
    for lang, name, n in (("ja", "ja_news.jsonl", a.ja), ("en", "en_news.jsonl", a.en)):
        recs = records(CORPUS / name, n)
        picks += [(lang,) + p for p in stats(lang, recs, run(a.kiji, recs), a.sample)]
    if a.sample:
        # half the sample from each language
        rnd = random.Random(a.seed)
        chosen = []
        for lang in ("ja", "en"):
            mine = [p for p in picks if p[0] == lang]
            chosen += rnd.sample(mine, min(a.sample // 2, len(mine)))
        for lang, rid, q, spk, ctx in chosen:
            print(f"\n[{lang} {rid}] speaker={spk}\n  quote: {q[:120]}\n  context: "
                  + ctx.replace("\n", " ")[:420])


if __name__ == "__main__":
    sys.exit(main())
