/*
 * text_run_test.c -- the runs of kana and kanji that the sentence splitter
 * (text.c: rule_breaks and kj_structure's bracket scan) steps over four
 * characters at a time (four_plain3), checked against the same scans
 * stepping one character at a time (p->sb_one_by_one): on random texts
 * strung together from kana, kanji, the characters those scans act on
 * (。 、 「 」 （ ） " ( ) and line breaks), characters of two and four
 * bytes and ASCII words, in Japanese and in English (and English texts
 * of long ASCII runs, which rule_breaks steps over sixteen entries at a
 * time), the sentences, the work count and the whole result JSON of both
 * are the same. A run the
 * fast step passes may hold no character the scans act on, and must end
 * where the steps one at a time would. The bracket scan that goes from one
 * of the stops rule_breaks noted to the next (p->sb_walk_all off) finds
 * the same sentences, 「」 and line breaks (d->qmarks) and result as the
 * scan reading every character.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "kj.h"
#include "rand_text.h"

/* single characters, so that a stop falls at every place of a run of
 * four; kana and kanji most often, so that runs are long */
static const char *const pieces[] = {"の",
                                     "に",
                                     "は",
                                     "た",
                                     "し",
                                     "て",
                                     "い",
                                     "る",
                                     "と",
                                     "が",
                                     "ア",
                                     "メ",
                                     "リ",
                                     "カ",
                                     "ー",
                                     "・",
                                     "日",
                                     "本",
                                     "政",
                                     "府",
                                     "首",
                                     "相",
                                     "東",
                                     "京",
                                     "都",
                                     "市",
                                     "長",
                                     "氏",
                                     "語",
                                     "話",
                                     "者",
                                     "年",
                                     "月",
                                     "円",
                                     "人",
                                     "会",
                                     "社",
                                     "田",
                                     "中",
                                     "山",
                                     "記",
                                     "者",
                                     "発",
                                     "表",
                                     "。",
                                     "、",
                                     "「",
                                     "」",
                                     "（",
                                     "）",
                                     "『",
                                     "』",
                                     "【",
                                     "】",
                                     "〈",
                                     "〉",
                                     "！",
                                     "？",
                                     "…",
                                     "\n",
                                     "\n\n",
                                     "(",
                                     ")",
                                     "\"",
                                     ".",
                                     "?",
                                     "!",
                                     " ",
                                     "é",
                                     "×",
                                     "Ω",
                                     "𠮷",
                                     "😀",
                                     "2026",
                                     "Tokyo",
                                     "Mr.",
                                     "said",
                                     "A",
                                     "3.5",
                                     "モーニング娘。",
                                     "ｶﾀｶﾅ",
                                     "１２",
                                     "\xE2\x80\x9C",
                                     "\xE2\x80\x9D",
                                     "\xE3\x80\x80"};
#define NPIECES (sizeof pieces / sizeof pieces[0])

/* ASCII words and spaces, and the ASCII characters the scans act on, for
 * English texts with long runs of ASCII (which rule_breaks steps over
 * sixteen bytes at a time); the last few are rarer */
static const char *const ascii_pieces[] = {
    "the ", "market ", "rose ", "in ", "Tokyo", " ",  "said", ", ", "Mr. ",
    "3.5",  "2026 ",   "was ",  "a ",  "bank",  "- ", "'s ",  ": ", "; ",
    ".",    "?",       "!",     "\"",  "(",     ")",  "\n",   "é",  "\r\n"};
#define NASCII (sizeof ascii_pieces / sizeof ascii_pieces[0])

/* A random text of n pieces, NUL-terminated in out (cap bytes); its
 * length. Now and then the same piece a few times over, for long runs.
 * An ASCII text draws mostly from ascii_pieces. */
static size_t random_text(char *out, size_t cap, int n, bool ascii)
{
    size_t len = 0;
    for (int k = 0; k < n; k++) {
        const char *w = pieces[next_rand() % 48]; /* kana and kanji */
        if (ascii)
            w = ascii_pieces[next_rand() % (next_rand() % 8 ? 18 : NASCII)];
        else if (next_rand() % 4 == 0)
            w = pieces[next_rand() % NPIECES];
        if (!append_pair(out, cap, &len, w, strlen(w), ""))
            break;
    }
    out[len] = 0;
    return len;
}

struct result {
    char json[1 << 17];
    size_t jl;
    kj_sentence sent[512];
    size_t nsent;
    uint64_t work;
    size_t qmarks[1024];
    size_t nqmarks, qmarks_end;
};

/* Parse text with the runs stepped four at a time or one at a time (slow),
 * and the bracket scan going from stop to stop or reading every character
 * (walk_all), into r; false on an error. */
static bool parse(kiji_parser *p, kiji_doc *d, bool slow, bool walk_all, const char *lang,
                  const char *text, size_t tl, struct result *r)
{
    kiji_error e;
    kiji_meta m = {.published = "2026-02-13", .lang = lang};
    p->sb_one_by_one = slow;
    p->sb_walk_all = walk_all;
    int rc = kiji_parse(d, text, tl, &m, &e);
    p->sb_one_by_one = false;
    p->sb_walk_all = false;
    const char *js;
    size_t jl;
    if (rc != KIJI_OK || kiji_doc_json(d, 0, &js, &jl) != KIJI_OK || jl + 1 > sizeof r->json ||
        d->nsent > sizeof r->sent / sizeof r->sent[0] ||
        d->nqmarks > sizeof r->qmarks / sizeof r->qmarks[0])
        return false;
    memset(r->qmarks, 0, sizeof r->qmarks);
    for (size_t k = 0; k < d->nqmarks; k++)
        r->qmarks[k] = d->qmarks[k];
    r->nqmarks = d->nqmarks;
    r->qmarks_end = d->qmarks_end;
    memcpy(r->json, js, jl + 1);
    r->jl = jl;
    memset(r->sent, 0, sizeof r->sent);
    for (size_t k = 0; k < d->nsent; k++)
        r->sent[k] = d->sent[k];
    r->nsent = d->nsent;
    r->work = d->work;
    return true;
}

static bool same_sentences(const struct result *a, const struct result *b)
{
    if (a->nsent != b->nsent)
        return false;
    for (size_t k = 0; k < a->nsent; k++)
        if (a->sent[k].ns != b->sent[k].ns || a->sent[k].ne != b->sent[k].ne ||
            a->sent[k].para != b->sent[k].para)
            return false;
    return true;
}

int main(void)
{
    rng = 24680u;
    kiji_error e;
    kiji_parser *p = kiji_parser_new(NULL, &e);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    static char text[4096];
    static struct result fast, slow, walked;
    if (!d) {
        fprintf(stderr, "text_run_test: no parser\n");
        return 1;
    }
    size_t sentences = 0, stopped = 0;
    for (int round = 0; round < 3000; round++) {
        const char *lang = round % 4 == 3 ? "en" : "ja";
        size_t tl = random_text(text, sizeof text, 8 + (int)(next_rand() % 200), round % 8 == 7);
        if (!tl)
            continue;
        bool a = parse(p, d, false, false, lang, text, tl, &fast);
        bool b = parse(p, d, true, false, lang, text, tl, &slow);
        bool c = parse(p, d, false, true, lang, text, tl, &walked);
        CHECK_FEW(a && b && c, "a parse failed (%d %d %d):\n%s", a, b, c, text);
        if (!a || !b || !c)
            continue;
        /* the bracket scan from stop to stop (rule_breaks decided the
         * text) against the scan reading every character */
        stopped += kj_text_breaks_agree(d) >= 0;
        CHECK_FEW(same_sentences(&fast, &walked),
                  "the scan from stop to stop splits other sentences (%zu, %zu read whole):\n%s",
                  fast.nsent, walked.nsent, text);
        CHECK_FEW(fast.nqmarks == walked.nqmarks && fast.qmarks_end == walked.qmarks_end &&
                      memcmp(fast.qmarks, walked.qmarks, sizeof fast.qmarks) == 0,
                  "the scan from stop to stop notes other 「」 and line breaks:\n%s", text);
        CHECK_FEW(fast.jl == walked.jl && memcmp(fast.json, walked.json, fast.jl) == 0,
                  "the scan from stop to stop gives another result:\n%s", text);
        sentences += fast.nsent;
        CHECK_FEW(same_sentences(&fast, &slow),
                  "the runs four at a time split other sentences (%zu, %zu one at a time):\n%s",
                  fast.nsent, slow.nsent, text);
        CHECK_FEW(fast.work == slow.work, "work %llu four at a time, %llu one at a time:\n%s",
                  (unsigned long long)fast.work, (unsigned long long)slow.work, text);
        CHECK_FEW(fast.jl == slow.jl && memcmp(fast.json, slow.json, fast.jl) == 0,
                  "the runs four at a time give another result:\n%s", text);
    }
    /* the texts must hold sentences for the comparison to mean anything */
    CHECK(sentences > 8000, "few sentences in the random texts: %zu", sentences);
    CHECK(stopped > 1000, "few texts scanned from stop to stop: %zu", stopped);
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("text_run_test: %d passed, %d failed (%zu sentences, %zu texts from stop to stop)\n", passed, failed,
           sentences, stopped);
    return failed ? 1 : 0;
}
