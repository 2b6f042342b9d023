#!/usr/bin/env python3
"""Measure kiji's person / organization / place recognition on public gold
data from ../shared/corpus (never copied into this repository).

  bench/entity_eval.py [--kiji build/tools/kiji] [--corpus ../shared/corpus]

1. meantime_en: the 120 English Wikinews articles of NewsReader MEANTIME.
   Gold = ENTITY_MENTIONs of syntactic type NAM / PRE.NAM that refer to a
   PER, ORG or LOC entity, inside the sentences MEANTIME annotates (it covers
   only the first sentences of each article). kiji's mentions there are
   scored by span overlap with a gold mention of the same type.
2. ner-wikipedia-dataset (Stockmark, Japanese Wikipedia sentences):
   人名 -> person, 法人名 + 政治的組織名 + その他の組織名 -> organization,
   地名 -> place; span overlap. Measured in the same run: a dictionary
   baseline, MeCab with ipadic, whose 名詞,固有名詞,人名 / 組織 / 地域 tokens
   (adjacent tokens of one class merged) are its entities.

Prints Markdown tables (precision, recall, F1, counts) for bench/RESULTS.md.
Exits 0 with a note when the corpus or MeCab is missing.
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TYPES = ("person", "organization", "place")
MEANTIME = {"PER": "person", "ORG": "organization", "LOC": "place"}
WIKI = {"人名": "person", "法人名": "organization", "政治的組織名": "organization",
        "その他の組織名": "organization", "地名": "place"}
MECAB = {"人名": "person", "組織": "organization", "地域": "place"}


def run_kiji(kiji, records):
    """records: list of {"id","text","lang",...}; returns id -> result."""
    inp = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    out = subprocess.run([kiji, "parse", "--jsonl", "-"], input=inp.encode("utf-8"),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    res = {}
    for line in out.stdout.decode("utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            res[r.get("id")] = r
    return res


def char_spans(text, result):
    """kiji's entity mentions as (type, char_start, char_end)."""
    b = text.encode("utf-8")
    # byte offset -> char offset
    b2c = {}
    ci = 0
    for bi in range(len(b) + 1):
        if bi == len(b) or (b[bi] & 0xC0) != 0x80:
            b2c[bi] = ci
            ci += 1
    out = []
    for f in result.get("facts", []):
        if f.get("type") not in TYPES:
            continue
        for s, e in f.get("mentions") or [[f["start"], f["end"]]]:
            if s in b2c and e in b2c:
                out.append((f["type"], b2c[s], b2c[e]))
    return out


class Tally:
    def __init__(self):
        self.t = {k: [0, 0, 0, 0] for k in TYPES}  # pred, pred_ok, gold, gold_ok

    def add(self, gold, pred):
        for t in TYPES:
            g = [x for x in gold if x[0] == t]
            p = [x for x in pred if x[0] == t]
            row = self.t[t]
            row[0] += len(p)
            row[2] += len(g)
            row[1] += sum(1 for x in p if any(x[1] < y[2] and y[1] < x[2] for y in g))
            row[3] += sum(1 for y in g if any(x[1] < y[2] and y[1] < x[2] for x in p))

    def rows(self):
        for t in TYPES:
            p, pok, g, gok = self.t[t]
            P = pok / p if p else 0.0
            R = gok / g if g else 0.0
            F = 2 * P * R / (P + R) if P + R else 0.0
            yield t, P, R, F, g, p


def table(title, tallies):
    names = list(tallies)
    print(f"\n{title}\n")
    head = "| type | gold |" + "".join(f" {n} P | {n} R | {n} F1 | {n} found |" for n in names)
    print(head)
    print("|" + "---|" * (2 + 4 * len(names)))
    rows = {n: list(tallies[n].rows()) for n in names}
    for i, t in enumerate(TYPES):
        g = rows[names[0]][i][4]
        cells = "".join(f" {r[1]:.3f} | {r[2]:.3f} | {r[3]:.3f} | {r[5]} |"
                        for r in (rows[n][i] for n in names))
        print(f"| {t} | {g} |{cells}")


def meantime(kiji, corpus):
    xmls = sorted((corpus / "meantime_en" / "intra-doc_annotation").glob("*/*.xml"))
    recs = {}
    with open(corpus / "en_news.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"].startswith("meantime:"):
                recs[r["id"]] = r
    docs = []
    for x in xmls:
        rid = "meantime:" + x.name.split("_", 1)[0]
        if rid not in recs:
            continue
        r = recs[rid]
        text = r["title"] + "\n\n" + r["text"] + "\n"
        root = ET.parse(x).getroot()
        toks = {}
        order = []
        for t in root.iter("token"):
            toks[t.get("t_id")] = (t.text or "", int(t.get("sentence")))
            order.append(t.get("t_id"))
        # align tokens to the text in order
        pos, span = 0, {}
        for tid in order:
            w = toks[tid][0]
            k = text.find(w, pos)
            if k < 0 or k - pos > 40:
                continue
            span[tid] = (k, k + len(w))
            pos = k + len(w)
        mk = root.find("Markables")
        ent_type = {e.get("m_id"): e.get("ent_type") for e in mk.iter("ENTITY")}
        refers = {}
        rel = root.find("Relations")
        for r2 in (rel.iter("REFERS_TO") if rel is not None else []):
            s, t = r2.find("source"), r2.find("target")
            if s is not None and t is not None:
                refers[s.get("m_id")] = t.get("m_id")
        maxsent = -1
        for m in mk:
            for a in m.iter("token_anchor"):
                if a.get("t_id") in toks:
                    maxsent = max(maxsent, toks[a.get("t_id")][1])
        scope = max((span[t][1] for t in order if t in span and toks[t][1] <= maxsent), default=0)
        gold = []
        for m in mk.iter("ENTITY_MENTION"):
            if m.get("syntactic_type") not in ("NAM", "PRE.NAM"):
                continue
            typ = MEANTIME.get(ent_type.get(refers.get(m.get("m_id"), ""), ""))
            ids = [a.get("t_id") for a in m.iter("token_anchor") if a.get("t_id") in span]
            if typ and ids:
                gold.append((typ, span[ids[0]][0], span[ids[-1]][1]))
        docs.append({"id": rid, "text": text, "date": r.get("date"), "lang": "en",
                     "gold": gold, "scope": scope})
    res = run_kiji(kiji, [{"id": d["id"], "text": d["text"], "date": d["date"], "lang": "en"}
                          for d in docs])
    tally = Tally()
    for d in docs:
        pred = [p for p in char_spans(d["text"], res.get(d["id"], {})) if p[2] <= d["scope"]]
        tally.add(d["gold"], pred)
    return len(docs), tally


def mecab_spans(text, mecab):
    out, pos, cur = [], 0, None
    for line in mecab.splitlines():
        if line == "EOS" or "\t" not in line:
            continue
        surf, feat = line.split("\t", 1)
        f = feat.split(",")
        k = text.find(surf, pos)
        if k < 0:
            continue
        pos = k + len(surf)
        typ = MECAB.get(f[2]) if len(f) > 2 and f[0] == "名詞" and f[1] == "固有名詞" else None
        if typ and cur and cur[0] == typ and cur[2] == k:
            cur = (typ, cur[1], pos)
            out[-1] = cur
        elif typ:
            cur = (typ, k, pos)
            out.append(cur)
        else:
            cur = None
    return out


def wiki(kiji, corpus):
    data = json.load(open(corpus / "ner-wikipedia-dataset" / "ner.json", encoding="utf-8"))
    recs = [{"id": str(i), "text": d["text"], "lang": "ja"} for i, d in enumerate(data)]
    res = run_kiji(kiji, recs)
    tk, tm = Tally(), Tally()
    have_mecab = shutil.which("mecab") is not None
    mec = []
    if have_mecab:
        inp = "".join(re.sub(r"\s+", " ", d["text"]) + "\n" for d in data)
        out = subprocess.run(["mecab"], input=inp.encode("utf-8"), stdout=subprocess.PIPE,
                             check=True).stdout.decode("utf-8")
        mec = out.split("EOS\n")
    for i, d in enumerate(data):
        gold = [(WIKI[e["type"]], e["span"][0], e["span"][1]) for e in d["entities"]
                if e["type"] in WIKI]
        tk.add(gold, char_spans(d["text"], res.get(str(i), {})))
        if have_mecab and i < len(mec):
            tm.add(gold, mecab_spans(re.sub(r"\s+", " ", d["text"]), mec[i]))
    return len(data), tk, (tm if have_mecab else None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiji", default="build/tools/kiji")
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    a = ap.parse_args()
    corpus = Path(a.corpus)
    if not corpus.is_dir():
        print(f"no corpus at {corpus}: nothing measured")
        return 0
    n, t = meantime(a.kiji, corpus)
    table(f"meantime_en: {n} articles, named mentions (NAM, PRE.NAM) in the annotated "
          "sentences, span overlap", {"kiji": t})
    n, tk, tm = wiki(a.kiji, corpus)
    tabs = {"kiji": tk}
    if tm:
        tabs["MeCab+ipadic"] = tm
    else:
        print("\n(mecab not installed: baseline not measured)")
    table(f"ner-wikipedia-dataset: {n} sentences, span overlap", tabs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
