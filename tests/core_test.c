/*
 * core_test.c -- the parser core: every bad-input status, the offset map
 * (text == input[start:end] through NFKC with full-width text, combining
 * marks, emoji and CRLF), sentence boundaries around quotes, metadata of a
 * wire-style article, the memory cap, doc reuse, and linear work on
 * pathological inputs (N vs 4N bytes, by the parser's work counter), and
 * the class bits of the decoded text against the predicates they stand for,
 * and the normalized text against ICU's NFKC on random texts.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "check.h"
#include "kiji.h"
#include "rec_entity.h"

static kiji_parser *P;
static kiji_doc *D;

static int parse(const char *s, size_t n, const char *published, kiji_error *err)
{
    kiji_meta m = {NULL, published, NULL};
    return kiji_parse(D, s, n, &m, err);
}

static void test_bad_input(void)
{
    kiji_error e;
    CHECK(parse("", 0, NULL, &e) == KIJI_ERR_EMPTY && e.code == KIJI_ERR_EMPTY, "empty");
    CHECK(parse(" \n\t\u3000 ", strlen(" \n\t\u3000 "), NULL, &e) == KIJI_ERR_EMPTY,
          "white space only");
    CHECK(parse("ab\0cd", 5, NULL, &e) == KIJI_ERR_NUL && e.offset == 2, "NUL at 2: %zu", e.offset);
    const char bad[] = "日本\xE3\x81"; /* truncated sequence at 6 */
    CHECK(parse(bad, sizeof bad - 1, NULL, &e) == KIJI_ERR_UTF8 && e.offset == 6,
          "truncated UTF-8 at 6: %zu", e.offset);
    CHECK(parse("a\xC0\xAF", 3, NULL, &e) == KIJI_ERR_UTF8 && e.offset == 1, "overlong");
    CHECK(parse("a\xED\xA0\x80", 4, NULL, &e) == KIJI_ERR_UTF8 && e.offset == 1, "surrogate");
    CHECK(parse("a\xF4\x90\x80\x80", 5, NULL, &e) == KIJI_ERR_UTF8, "above U+10FFFF");
    CHECK(parse("text", 4, "2026-13-01", &e) == KIJI_ERR_PUBLISHED, "month 13");
    CHECK(parse("text", 4, "2025-02-29", &e) == KIJI_ERR_PUBLISHED, "not a leap year");
    CHECK(parse("text", 4, "yesterday", &e) == KIJI_ERR_PUBLISHED, "not a date");
    CHECK(parse("text", 4, "2026-02-13T09:30:00+09:00", &e) == KIJI_OK, "RFC 3339 date-time");
    kiji_meta m = {NULL, NULL, "fr"};
    CHECK(kiji_parse(D, "text", 4, &m, &e) == KIJI_ERR_LANG, "lang fr");
    CHECK(kiji_parse(NULL, "x", 1, NULL, &e) == KIJI_ERR_ARG, "NULL doc");

    kiji_options o = {0};
    o.max_input = 16;
    kiji_parser *p = kiji_parser_new(&o, &e);
    kiji_doc *d = kiji_doc_new(p);
    CHECK(kiji_parse(d, "0123456789abcdefg", 17, NULL, &e) == KIJI_ERR_TOO_LARGE &&
              e.offset == 16,
          "too large");
    CHECK(kiji_parse(d, "0123456789abcdef", 16, NULL, &e) == KIJI_OK, "exactly the limit");
    kiji_doc_free(d);
    kiji_parser_free(p);

    /* The memory cap is a status, and the doc stays usable. */
    o.max_input = 0;
    o.max_memory = 100 * 1024;
    p = kiji_parser_new(&o, &e);
    d = kiji_doc_new(p);
    size_t n = 200 * 1024;
    char *big = malloc(n);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)('a' + i % 26);
    CHECK(kiji_parse(d, big, n, NULL, &e) == KIJI_ERR_MEMORY, "memory cap: %d", e.code);
    CHECK(kiji_parse(d, "small text.", 11, NULL, &e) == KIJI_OK, "usable after the cap");
    free(big);
    kiji_doc_free(d);
    kiji_parser_free(p);
}

/* Every fact and sentence span cuts the original input cleanly and the
 * fact text is exactly input[start:end]. */
static void check_invariants(const char *name, const char *in, size_t len)
{
    kiji_error e;
    int rc = parse(in, len, "2026-02-13", &e);
    CHECK(rc == KIJI_OK, "%s: parse: %s", name, e.text);
    if (rc)
        return;
    const char *out;
    size_t olen;
    CHECK(kiji_doc_json(D, 0, &out, &olen) == KIJI_OK, "%s: json", name);
    json_error_t je;
    json_t *r = json_loadb(out, olen, 0, &je);
    CHECK(r != NULL, "%s: result JSON re-parses: %s", name, je.text);
    json_t *facts = json_object_get(r, "facts");
    size_t i;
    json_t *f;
    int bad = 0;
    json_array_foreach(facts, i, f)
    {
        json_int_t s = json_integer_value(json_object_get(f, "start"));
        json_int_t t = json_integer_value(json_object_get(f, "end"));
        const char *txt = json_string_value(json_object_get(f, "text"));
        if (s < 0 || t < s || (size_t)t > len || !txt || strlen(txt) != (size_t)(t - s) ||
            memcmp(txt, in + s, (size_t)(t - s)) != 0)
            bad++;
    }
    CHECK(bad == 0, "%s: %d facts break text == input[start:end]", name, bad);
    for (size_t k = 0; k < kiji_doc_sentence_count(D); k++) {
        size_t s, t;
        kiji_doc_sentence(D, k, &s, &t);
        bool ok = s <= t && t <= len && (s == len || (in[s] & 0xC0) != 0x80) &&
                  (t == len || (in[t] & 0xC0) != 0x80);
        CHECK(ok, "%s: sentence %zu [%zu,%zu) cuts UTF-8", name, k, s, t);
    }
    json_decref(r);
}

static void test_offsets(void)
{
    static const char *const texts[] = {
        /* full-width digits, letters and brackets */
        "（共同）：政府は１３日、予算を５３００億ドル（約８１兆円）とすると発表した。",
        /* combining marks and decomposed kana */
        "Cafe\xCC\x81 prices rose 3%. \xE3\x81\x8B\xE3\x82\x99\xE3\x81\xAF 2025年3月に上昇した。",
        /* emoji, CRLF line ends, ideographic spaces */
        "東京\r\n\xF0\x9F\x98\x80 株価は約120億円。\r\n\r\n\u3000首相は「経済は回復している」と述べた。\r\n",
        /* compatibility characters that expand: ㍻ ① ﾊﾟﾘ */
        "㍻31年①の記録。ﾊﾟﾘで１，６７０発。",
        /* lone CR */
        "First line.\rSecond line with $5 billion.\r",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "offsets[%zu]", i);
        check_invariants(name, texts[i], strlen(texts[i]));
    }
}

static void test_sentences(void)
{
    const char *t = "首相は「増税はしない。景気を優先する」と述べた。市場は反応した。\n"
                    "次の段落です。";
    kiji_error e;
    CHECK(parse(t, strlen(t), NULL, &e) == KIJI_OK, "parse");
    CHECK(kiji_doc_sentence_count(D) == 3, "quote with 。 inside stays one sentence: %zu",
          kiji_doc_sentence_count(D));
    size_t s, en;
    kiji_doc_sentence(D, 0, &s, &en);
    const char *first = "首相は「増税はしない。景気を優先する」と述べた。";
    CHECK(s == 0 && en == strlen(first), "first sentence span [%zu,%zu)", s, en);

    /* English hard-wrapped copy: a wrap is not a sentence end. */
    const char *w = "The company said it expects\nearnings to rise. Sales fell.\n\n"
                    "    A new paragraph.";
    kiji_meta m = {NULL, NULL, "en"};
    CHECK(kiji_parse(D, w, strlen(w), &m, &e) == KIJI_OK, "parse en");
    CHECK(kiji_doc_sentence_count(D) == 3, "wrapped English: %zu sentences",
          kiji_doc_sentence_count(D));
    CHECK(strcmp(kiji_doc_lang(D), "en") == 0, "lang en");

    /* Initials and abbreviations do not end English sentences; a
     * capitalized word after Co. does. */
    const char *ab = "President George W. Bush met Gen. Smith. Northwind Inc. said sales rose. "
                     "He joined Dean Foods Co. The company agreed.";
    CHECK(kiji_parse(D, ab, strlen(ab), &m, &e) == KIJI_OK && kiji_doc_sentence_count(D) == 4,
          "abbreviations: %zu sentences", kiji_doc_sentence_count(D));

    /* An unclosed bracket cannot swallow the next line. */
    const char *u = "彼は「終わらない文\n次の行。";
    CHECK(parse(u, strlen(u), NULL, &e) == KIJI_OK && kiji_doc_sentence_count(D) == 2,
          "unclosed 「 ends at the line break: %zu", kiji_doc_sentence_count(D));
}

/* Appends len pieces drawn from the first pool of alpha to t at n
 * (xorshift64 state *x); t must hold len times the longest piece more.
 * Returns the new length. */
static size_t random_pieces(char *t, size_t n, const char *const *alpha, size_t pool, size_t len,
                            uint64_t *x)
{
    for (size_t i = 0; i < len; i++) {
        *x ^= *x << 13, *x ^= *x >> 7, *x ^= *x << 17;
        const char *c = alpha[*x % pool];
        size_t cl = strlen(c);
        memcpy(t + n, c, cl);
        n += cl;
    }
    return n;
}

/* text.c finds Japanese sentence boundaries without ICU where the rules
 * leave no doubt: on random texts over the characters those rules look at
 * (terminators, closing brackets, spaces, separators, letters of each case,
 * digits, combining marks, format characters, a supplementary letter), the
 * boundaries it reports are ICU's exactly, or it leaves the text to ICU. */
static void test_sentence_breaks(void)
{
    static const char *const alpha[] = {
        "。", "!", "?", ".", ".", "」", "「", "』", "(", ")", "\"", "'", " ", " ",
        "\xe3\x80\x80", "\t", "\n", "\n", "a", "x", "A", "Z", "1", "9", "漢", "か", "カ",
        "、", ",", ":", ";", "-", "%", "・", "…", "\xc2\xa0", "\xc2\xbb", "\xe2\x80\x9d",
        "\xe2\x80\x99", "\xe0\xa5\xa4", "\xd6\x89", "\xf0\xa0\x80\x80", "\xf0\x9f\x98\x80",
        "\r", "\xe2\x80\xa9", "\xcc\x81", "\xe2\x80\x8e", "\xc2\xad"};
    const size_t na = sizeof alpha / sizeof alpha[0];
    const size_t easy = na - 5; /* the last five are left to ICU */
    uint64_t x = 88172645463325252ull;
    int checked = 0, bad = 0;
    char t[512];
    for (int k = 0; k < 4000; k++) {
        size_t n = (size_t)snprintf(t, sizeof t, "日本語の文。");
        n = random_pieces(t, n, alpha, k % 5 ? easy : na, 1 + k % 60, &x);
        kiji_error e;
        kiji_meta m = {NULL, NULL, "ja"};
        if (kiji_parse(D, t, n, &m, &e) != KIJI_OK)
            continue;
        int r = kj_text_breaks_agree(D);
        checked += r == 1;
        bad += r == 0;
    }
    CHECK(bad == 0 && checked > 2500, "sentence boundaries without ICU: %d differ, %d agree", bad,
          checked);
}

/* The same for English, where ICU also drops the boundaries after the
 * abbreviations of its list (@ss=standard): random texts over pieces of
 * abbreviations (whole, partial like Ph. of Ph.D., dotted initials, ones
 * glued to a word), words, spaces, terminators and quotes, then English
 * paragraphs of the kind news copy holds; every text the scanner decides
 * must get ICU's boundaries exactly. */
static void test_sentence_breaks_en(void)
{
    static const char *const alpha[] = {
        "Mr.", "Mrs.", "Ph.D.", "Ph.", "U.S.", "U.S.A.", "U.", "S.", "S.A.", "S.p.A.", "Lt.",
        "Lt.Cdr.", "Hon.", "Hon.B.A.", "a.m.", "p.m.", "A.M.", "No.", "Inc.", "Co.", "Gen.",
        "e.g.", "E.g.", "i.e.", "D.C.", "Dec.", "vs.", "A.", "B", "x.", "Xmr.", "D",
        "Smith", "the", "said", "42", " ", " ", " ", "  ", ".", ".", "?", "!", "\"", "'",
        ")", "(", ",", ":", "\n", "\xe2\x80\x9d", "\xc2\xa0", "\xc3\xa9", "\t"};
    static const char *const real[] = {
        "Mr. Tanaka joined the board in 2019. He said the U.S. market was slow. "
        "Sales rose 4% to $1.2 billion.",
        "The meeting starts at 9 a.m. Tuesday. Dr. Lee and Ph.D. students from St. Paul attend.",
        "Northwind Inc. said on Monday it would cut 300 jobs. \"We have no choice,\" Mrs. Cole "
        "said. Shares fell!",
        "Gen. Ito (ret.) met Lt.Cdr. Ross at 5 p.m. on Jan. 4. Then they left.\n\nA new part.",
        "The U.S.A. and the U.K. agreed. E.g. trade, i.e. tariffs. Prices vs. wages rose 2.5%.",
        "Acme S.p.A. posted a loss. Its Hon.B.A. chair quit? No. He stayed."};
    const size_t na = sizeof alpha / sizeof alpha[0];
    uint64_t x = 2463534242ull;
    int checked = 0, bad = 0;
    char t[768];
    kiji_meta m = {NULL, NULL, "en"};
    for (int k = 0; k < 6000; k++) {
        size_t n = random_pieces(t, 0, alpha, na, 1 + k % 50, &x);
        kiji_error e;
        if (kiji_parse(D, t, n, &m, &e) != KIJI_OK)
            continue;
        int r = kj_text_breaks_agree(D);
        checked += r == 1;
        bad += r == 0;
    }
    for (size_t k = 0; k < sizeof real / sizeof real[0]; k++) {
        kiji_error e;
        int r = kiji_parse(D, real[k], strlen(real[k]), &m, &e) == KIJI_OK
                    ? kj_text_breaks_agree(D)
                    : 0;
        checked += r == 1;
        bad += r != 1;
    }
    CHECK(bad == 0 && checked > 5000, "English sentence boundaries without ICU: %d differ, %d agree",
          bad, checked);
}

static json_t *parse_json(const char *t, const char *published)
{
    kiji_error e;
    if (parse(t, strlen(t), published, &e) != KIJI_OK)
        return NULL;
    const char *out;
    size_t n;
    if (kiji_doc_json(D, 0, &out, &n) != KIJI_OK)
        return NULL;
    return json_loadb(out, n, 0, NULL);
}

static const char *jstr(json_t *r, const char *a, const char *b)
{
    json_t *o = json_object_get(r, a);
    return json_string_value(b ? json_object_get(o, b) : o);
}

static void test_metadata(void)
{
    const char *t = "(ブルームバーグ):日本の輸出は3月に増えた。\n"
                    "政府は対策をまとめた。\n"
                    "原題:Japan Exports Rise as Demand Returns (3)(抜粋)\n"
                    "--取材協力:Taro Yamada、Jane Roe.もっと読むにはこちら bloomberg.com/jp\n"
                    "©2026 Bloomberg L.P.";
    json_t *r = parse_json(t, NULL);
    CHECK(r != NULL, "metadata article parses");
    if (!r)
        return;
    CHECK(jstr(r, "source", "agency") && strcmp(jstr(r, "source", "agency"), "Bloomberg") == 0,
          "agency");
    CHECK(jstr(r, "source", "credit") && strcmp(jstr(r, "source", "credit"), "ブルームバーグ") == 0,
          "credit");
    CHECK(jstr(r, "source", "copyright") &&
              strcmp(jstr(r, "source", "copyright"), "©2026 Bloomberg L.P.") == 0,
          "copyright");
    CHECK(jstr(r, "source", "url") && strcmp(jstr(r, "source", "url"), "bloomberg.com/jp") == 0,
          "url");
    CHECK(jstr(r, "title", "original") &&
              strcmp(jstr(r, "title", "original"), "Japan Exports Rise as Demand Returns") == 0,
          "title: %s", jstr(r, "title", "original"));
    CHECK(json_integer_value(json_object_get(json_object_get(r, "title"), "revision")) == 3,
          "revision");
    json_t *cr = json_object_get(r, "credits");
    CHECK(json_array_size(cr) == 2, "two credits: %zu", json_array_size(cr));
    CHECK(json_array_size(cr) == 2 &&
              strcmp(json_string_value(json_object_get(json_array_get(cr, 1), "name")),
                     "Jane Roe") == 0 &&
              strcmp(json_string_value(json_object_get(json_array_get(cr, 0), "role")),
                     "reporting") == 0,
          "credit names and role");
    CHECK(strcmp(jstr(r, "published_source", NULL), "copyright") == 0 &&
              strcmp(jstr(r, "published", NULL), "2026") == 0,
          "published from copyright: %s", jstr(r, "published", NULL));
    json_decref(r);

    r = parse_json("【ワシントン共同】米政府は5日、新たな制裁を発表した。", "2026-03-05");
    CHECK(r && strcmp(jstr(r, "source", "agency"), "Kyodo") == 0 &&
              strcmp(jstr(r, "source", "credit"), "共同") == 0 &&
              strcmp(jstr(r, "published_source", NULL), "envelope") == 0,
          "Kyodo lead");
    json_decref(r);
    r = parse_json("[東京 5日 ロイター] - 日銀は金利を据え置いた。", NULL);
    CHECK(r && strcmp(jstr(r, "source", "agency"), "Reuters") == 0, "Reuters ja lead");
    json_decref(r);
    r = parse_json("LONDON, March 4 (Reuters) - Shares fell on Tuesday.\n", NULL);
    CHECK(r && strcmp(jstr(r, "source", "agency"), "Reuters") == 0 &&
              json_integer_value(json_array_get(json_object_get(r, "body"), 0)) == 28,
          "Reuters en dateline, body after the dash");
    json_decref(r);
    r = parse_json("Rates Hold Steady\nBy Jane Doe and John Q. Roe\nWASHINGTON (Reuters) - "
                   "The Fed held rates.\n", NULL);
    json_t *bc = r ? json_object_get(r, "credits") : NULL;
    CHECK(json_array_size(bc) == 2 &&
              strcmp(json_string_value(json_object_get(json_array_get(bc, 0), "name")),
                     "Jane Doe") == 0 &&
              strcmp(json_string_value(json_object_get(json_array_get(bc, 1), "name")),
                     "John Q. Roe") == 0 &&
              strcmp(json_string_value(json_object_get(json_array_get(bc, 0), "role")),
                     "writing") == 0 &&
              strcmp(jstr(r, "source", "agency"), "Reuters") == 0,
          "byline credits and the dateline after it");
    json_decref(r);
    r = parse_json("By the end of the year, Sales Rose.\n", NULL);
    CHECK(r && json_array_size(json_object_get(r, "credits")) == 0, "a sentence is no byline");
    json_decref(r);
    r = parse_json("OPEC SEES OUTPUT CUT\n\nVIENNA, March 1 - Ministers met today.\n REUTER\n", NULL);
    CHECK(r && strcmp(jstr(r, "source", "agency"), "Reuters") == 0 &&
              strcmp(jstr(r, "source", "credit"), "REUTER") == 0,
          "REUTER sign-off");
    json_decref(r);
}

/* Work for 4N bytes must stay within 5x the work for N bytes. */
static void linear(const char *name, const char *unit)
{
    size_t ul = strlen(unit), n1 = 64 * 1024, n4 = 4 * n1;
    char *b = malloc(n4 + 8);
    size_t len = 0;
    uint64_t w[2];
    for (int k = 0; k < 2; k++) {
        size_t target = k ? n4 : n1;
        len = 0;
        while (len + ul <= target) {
            memcpy(b + len, unit, ul);
            len += ul;
        }
        kiji_error e;
        int rc = parse(b, len, "2026-02-13", &e);
        CHECK(rc == KIJI_OK, "%s: parse %zu bytes: %s", name, len, e.text);
        w[k] = kiji_doc_work(D);
    }
    double ratio = w[0] ? (double)w[1] / (double)w[0] : 0;
    CHECK(w[0] > 0 && ratio <= 5.0, "%s: work N=%llu 4N=%llu ratio %.2f > 5", name,
          (unsigned long long)w[0], (unsigned long long)w[1], ratio);
    free(b);
}

/* As linear, with a unit that differs each time: "A Bakela spokesman said
 * so. " names a new body in every sentence (pass_spokes compares each with
 * the organizations named before it). */
static void linear_bodies(void)
{
    static const char cons[] = "BCDFGHJKLMNPRSTVWZ", vow[] = "aeiou";
    size_t n1 = 64 * 1024, n4 = 4 * n1;
    char *b = malloc(n4 + 64);
    CHECK(b != NULL, "bodies: malloc");
    if (!b)
        return;
    uint64_t w[2];
    for (int k = 0; k < 2; k++) {
        size_t target = k ? n4 : n1, len = 0;
        for (unsigned i = 0; len + 40 <= target; i++) {
            char name[16];
            unsigned x = i;
            for (int sy = 0; sy < 4; sy++, x /= 90) {
                name[2 * sy] = cons[x % 18];
                name[2 * sy + 1] = vow[x / 18 % 5];
            }
            name[8] = '\0';
            for (int c = 1; c < 8; c++)
                name[c] = (char)(name[c] >= 'A' && name[c] <= 'Z' ? name[c] + 32 : name[c]);
            len += (size_t)snprintf(b + len, 40, "A %s spokesman said so. ", name);
        }
        kiji_error e;
        int rc = parse(b, len, "2026-02-13", &e);
        CHECK(rc == KIJI_OK, "bodies: parse %zu bytes: %s", len, e.text);
        w[k] = kiji_doc_work(D);
    }
    double ratio = w[0] ? (double)w[1] / (double)w[0] : 0;
    CHECK(w[0] > 0 && ratio <= 5.0, "bodies: work N=%llu 4N=%llu ratio %.2f > 5",
          (unsigned long long)w[0], (unsigned long long)w[1], ratio);
    free(b);
}

static void test_pathological(void)
{
    linear("nested brackets", "「（『");
    linear("closing brackets", "」）』");
    linear("digits", "1");
    linear("kanji numerals", "一二三四五六七八九十百千万億兆");
    linear("one long sentence", "欧州は再軍備を急ぎ、");
    linear("quotes", "「核の傘」と");
    /* every date word in a 「」 asks whether a work's title elsewhere
     * repeats it (date_ja.c work_named_elsewhere) */
    linear("dated quotes and titles", "ドラマ「明日、春が来たら」。「今日は晴れだ」。「明日、春が来たら」が");
    linear("english", "the 3 billion dollars said ");
    linear("combining marks", "e\xCC\x81\xCC\x81\xCC\x81");
    linear("newlines", "a\n");
    linear("mixed article", "ドイツのメルツ首相は13日、「約400発だ」と述べた。\n");
    linear("acronym definitions", "The Northern Grid Supply System (NGSS) met. ");
    linear_bodies();
}

/* The entity scans step over characters by the class bits of d->cpx
 * (ent_skip), the sentence scans of kj_structure by KJ_CC_BREAK: each bit
 * must be exactly its predicate, on every code point the normalized text
 * can hold. */
static void test_classes(void)
{
    size_t cap = 0x11000 * 4 + 64, n = 0;
    char *t = malloc(cap);
    CHECK(t != NULL, "malloc");
    if (!t)
        return;
    for (uint32_t c = 0x20; c < 0x30000; c++) {
        if ((c >= 0x7F && c < 0xA0) || (c >= 0xD800 && c <= 0xDFFF) ||
            (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
            continue;
        if (c >= 0x10000 && c != 0x1F600 && c != 0x20000 && c != 0x2A6D6 && c != 0x2FA1F)
            continue;
        if (c < 0x80) {
            t[n++] = (char)c;
        } else if (c < 0x800) {
            t[n++] = (char)(0xC0 | c >> 6);
            t[n++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            t[n++] = (char)(0xE0 | c >> 12);
            t[n++] = (char)(0x80 | (c >> 6 & 0x3F));
            t[n++] = (char)(0x80 | (c & 0x3F));
        } else {
            t[n++] = (char)(0xF0 | c >> 18);
            t[n++] = (char)(0x80 | (c >> 12 & 0x3F));
            t[n++] = (char)(0x80 | (c >> 6 & 0x3F));
            t[n++] = (char)(0x80 | (c & 0x3F));
        }
        if (c % 64 == 0)
            t[n++] = '\n';
    }
    kiji_error e;
    int st = parse(t, n, NULL, &e);
    CHECK(st == KIJI_OK, "classes: parse %d", st);
    size_t bad = 0, seen = 0;
    for (size_t i = 0; st == KIJI_OK && i < D->norm_len; i++) {
        uint32_t v = D->cpx[i];
        if (v >= KJ_CPX_SLOW)
            continue;
        uint32_t c = v & KJ_CPX_CP;
        seen++;
        bad += !(v & KJ_CC_KANJI) != !kj_is_kanji(c);
        bad += !(v & KJ_CC_KATA) != !ent_kata(c);
        bad += !(v & KJ_CC_WORD) != !ent_word(c);
        bad += !(v & KJ_CC_NAME) != !ent_namechar(c);
        bad += !(v & KJ_CC_UPPER) != !(c >= 'A' && c <= 'Z');
        bad += !(v & KJ_CC_BREAK) != !kj_text_acts_on(c);
        bad += (v >> KJ_CPX_LEN_SHIFT) != (uint32_t)kj_u8_len((unsigned char)D->norm[i]);
    }
    CHECK(seen > 60000 && bad == 0, "classes: %zu characters, %zu wrong bits", seen, bad);
    free(t);
    /* kj_isalnum's ranges answered without ICU */
    size_t alnum_bad = 0;
    for (uint32_t c = 0; c < 0x110000; c++)
        alnum_bad += !kj_isalnum(c) != !u_isalnum((UChar32)c);
    CHECK(alnum_bad == 0, "classes: kj_isalnum differs from u_isalnum at %zu code points",
          alnum_bad);
}

/* norm.c copies characters NFKC leaves alone and writes fullwidth forms
 * and spaces as their ASCII byte without calling ICU: on random texts over
 * such characters, characters ICU must handle (combining marks, halfwidth
 * katakana with their sound marks, squared words, ellipses) and CR, the
 * normalized text is ICU's NFKC of the whole input with CR LF and CR as LF. */
static void test_nfkc(void)
{
    static const char *const alpha[] = {
        "a", "Z", "7", " ", ".", "\r", "\n", "\r\n", "（", "）", "！", "？", "１", "９", "Ａ", "ｚ",
        "～", "＂", "＼", "\xe3\x80\x80", "\xc2\xa0", "\xe2\x80\x82", "か", "カ", "漢", "。",
        "「", "」", "\xe3\x82\x99", "\xe3\x82\x9a", "\xcc\x81", "\xcc\xa3", "ﾊ", "ﾟ", "ﾞ", "㍻",
        "①", "…", "\xef\xbc\x81\xcc\x81", "\xe2\x84\xab", "\xef\xa9\xb0", "\xf0\x9f\x98\x80",
        "é", "\xe1\x84\x80", "\xe1\x85\xa1"};
    const size_t na = sizeof alpha / sizeof alpha[0];
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&st);
    CHECK(U_SUCCESS(st), "unorm2_getNFKCInstance");
    if (U_FAILURE(st))
        return;
    uint64_t x = 0x9E3779B97F4A7C15ull;
    static char t[1024], lf[1024], want[4096];
    static UChar u[1024], r[4096];
    int bad = 0, checked = 0;
    for (int k = 0; k < 3000; k++) {
        size_t n = random_pieces(t, 0, alpha, na, 1 + k % 80, &x);
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (t[i] == '\r' && i + 1 < n && t[i + 1] == '\n')
                continue;
            lf[m++] = t[i] == '\r' ? '\n' : t[i];
        }
        int32_t un = 0, rn = 0, wn = 0;
        st = U_ZERO_ERROR;
        u_strFromUTF8(u, 1024, &un, lf, (int32_t)m, &st);
        rn = unorm2_normalize(nfkc, u, un, r, 4096, &st);
        u_strToUTF8(want, (int32_t)sizeof want, &wn, r, rn, &st);
        kiji_error e;
        if (U_FAILURE(st) || parse(t, n, NULL, &e) != KIJI_OK)
            continue;
        checked++;
        bad += D->norm_len != (size_t)wn || memcmp(D->norm, want, (size_t)wn) != 0;
    }
    CHECK(bad == 0 && checked > 2900, "NFKC: %d of %d texts differ from ICU's", bad, checked);
}

static void test_reuse(void)
{
    /* A warm doc gives the same result twice. */
    const char *t = "(ブルームバーグ):政府は13日、5300億ドル(約81兆円)の予算を発表した。";
    const char *out;
    size_t n;
    kiji_error e;
    parse(t, strlen(t), "2026-02-13", &e);
    kiji_doc_json(D, 0, &out, &n);
    char *first = strndup(out, n);
    parse("other text.", 11, NULL, &e);
    parse(t, strlen(t), "2026-02-13", &e);
    kiji_doc_json(D, 0, &out, &n);
    CHECK(strlen(first) == n && memcmp(first, out, n) == 0, "same result after reuse");
    free(first);
}

int main(void)
{
    if (!check_open(&P, &D))
        return 1;
    test_bad_input();
    test_offsets();
    test_sentences();
    test_sentence_breaks();
    test_sentence_breaks_en();
    test_metadata();
    test_pathological();
    test_reuse();
    test_classes();
    test_nfkc();
    kiji_doc_free(D);
    kiji_parser_free(P);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
