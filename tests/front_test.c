/*
 * front_test.c -- the front end's fast paths against the plain decoder:
 * d->cpx (kj_chars: ASCII runs, runs of three-byte characters, classes
 * read from the parser's per-code-point table) entry by entry against
 * kj_u8_seq, kj_u8_next and kj_char_class, the input check against a
 * strict decoder, and the quote marks kj_structure notes (d->qmarks)
 * against a byte scan, on random texts over pieces that start, end and
 * break those runs.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "kj.h"

static kiji_parser *P;
static kiji_doc *D;

static uint64_t next(uint64_t *x)
{
    *x ^= *x << 13, *x ^= *x >> 7, *x ^= *x << 17;
    return *x;
}

/* Appends len pieces drawn from alpha (na of them) to t at n; t must hold
 * len times the longest piece more. Returns the new length. */
static size_t pieces(char *t, size_t n, const char *const *alpha, size_t na, size_t len,
                     uint64_t *x)
{
    for (size_t i = 0; i < len; i++) {
        const char *c = alpha[next(x) % na];
        size_t cl = strlen(c);
        memcpy(t + n, c, cl);
        n += cl;
    }
    return n;
}

/* The entry kj_chars must give byte i of the normalized text, from the
 * plain decoder (kj_u8_seq measures multi-byte sequences only): a
 * sequence start holds its code point, classes and length, a continuation
 * byte KJ_CPX_SLOW and its distance back. */
static uint32_t want_entry(const char *s, size_t n, size_t i)
{
    size_t back = 0;
    while (back < 3 && back < i && ((unsigned char)s[i - back] & 0xC0) == 0x80)
        back++;
    size_t a = i - back;
    size_t len = kj_u8_seq((const unsigned char *)s + a, n - a); /* 0 for ASCII */
    if (back && len > back)
        return KJ_CPX_SLOW | (uint32_t)back << KJ_CPX_BACK_SHIFT;
    unsigned char b = (unsigned char)s[i];
    len = b < 0x80 ? 1 : kj_u8_seq((const unsigned char *)s + i, n - i);
    if (!len)
        return KJ_CPX_SLOW;
    size_t j = i;
    uint32_t c = kj_u8_next(s, n, &j);
    return c | kj_char_class(c) | (uint32_t)len << KJ_CPX_LEN_SHIFT;
}

static void test_chars(void)
{
    static const char *const alpha[] = {
        "a",  "Z",  "7",  " ",  ".",  "&",  "\n", "the quick brown fox ", "ABCDEFGHIJ",
        "か", "カ", "ー", "・", "漢", "々", "〇", "。", "「", "」", "㐀", "\xe4\xb6\xbf",
        "\xe9\xbf\xbf", "\xef\xa4\x80", "\xef\xab\xbf", "\xe0\xa4\x95", "\xed\x9f\xbb",
        "\xe2\x80\x94", "é",  "Ω",  "\xf0\x9f\x98\x80", "\xf0\xa0\x80\x80",
        "東京都千代田区", "カタカナ", "ひらがな"};
    const size_t na = sizeof alpha / sizeof alpha[0];
    static char t[4096];
    uint64_t x = 0x2545F4914F6CDD1Dull;
    size_t bad = 0, bytes = 0;
    int checked = 0;
    for (int k = 0; k < 4000; k++) {
        size_t n = pieces(t, 0, alpha, na, 1 + k % 120, &x);
        kiji_error e;
        kiji_meta m = {NULL, NULL, k % 2 ? "ja" : "en"};
        if (kiji_parse(D, t, n, &m, &e) != KIJI_OK)
            continue;
        checked++;
        for (size_t i = 0; i < D->norm_len; i++) {
            uint32_t w = want_entry(D->norm, D->norm_len, i);
            if (D->cpx[i] != w && bad++ < 5)
                fprintf(stderr, "text %d byte %zu: %08x, want %08x\n", k, i, D->cpx[i], w);
        }
        bad += D->cpx[D->norm_len] != KJ_CPX_SLOW;
        bytes += D->norm_len;
    }
    CHECK(bad == 0 && checked > 3900, "chars: %zu wrong entries in %zu bytes of %d texts", bad,
          bytes, checked);
}

/* kj_normalize writes the decoded entries of the runs it copies as they
 * are and leaves the rest to kj_chars_fill: the table after a parse
 * against the plain decoder and against kj_chars, the whole-text pass, on
 * random texts mixing such runs with what NFKC changes (fullwidth forms,
 * compatibility characters that grow, combining marks, CR), long enough
 * that the output outgrows its first buffers in the middle of a run. */
static void test_chars_norm(void)
{
    static const char *const alpha[] = {
        "東京都千代田区霞が関", "カタカナ", "ひらがなの", "。", "「", "」", "漢", "a", " ",
        "abc def ", "\xef\xbc\xa1", "\xef\xbc\x91", "\xe3\x80\x80", "\xe3\x8d\xbb",
        "\xe3\x8c\x80", "\xe2\x91\xa0", "\xef\xbd\xb6\xef\xbe\x9e", "\xef\xac\x81",
        "e\xcc\x81", "\xe3\x81\x8b\xe3\x82\x99", "\r\n", "\r", "\n", "\xf0\x9f\x98\x80",
        "\xe0\xa4\x95", "\xed\x9f\xbb", "\xef\xa4\x80", "é"};
    const size_t na = sizeof alpha / sizeof alpha[0];
    static char t[16384];
    static uint32_t saved[16384 * 4];
    uint64_t x = 0x853C49E6748FEA9Bull;
    size_t bad = 0, bytes = 0;
    int checked = 0;
    for (int k = 0; k < 1500; k++) {
        /* some texts lead with characters that grow under NFKC (㍻, ㌀)
         * so that a later run meets the end of the first buffers */
        size_t n = 0;
        if (k % 3 == 0)
            for (int r = 0; r < 8 + k % 40; r++) {
                memcpy(t + n, alpha[13 + r % 2], 3);
                n += 3;
            }
        n = pieces(t, n, alpha, na, 1 + k % 400, &x);
        kiji_error e;
        kiji_meta m = {NULL, NULL, k % 2 ? "ja" : "en"};
        if (kiji_parse(D, t, n, &m, &e) != KIJI_OK)
            continue;
        checked++;
        size_t nl = D->norm_len;
        if (nl + 1 > sizeof saved / sizeof saved[0]) {
            bad++;
            continue;
        }
        for (size_t i = 0; i < nl; i++) {
            uint32_t w = want_entry(D->norm, nl, i);
            if (D->cpx[i] != w && bad++ < 5)
                fprintf(stderr, "norm text %d byte %zu: %08x, want %08x\n", k, i, D->cpx[i], w);
        }
        bad += D->cpx[nl] != KJ_CPX_SLOW;
        memcpy(saved, D->cpx, (nl + 1) * sizeof saved[0]);
        kj_chars(D);
        bad += memcmp(saved, D->cpx, (nl + 1) * sizeof saved[0]) != 0;
        bytes += nl;
    }
    CHECK(bad == 0 && checked > 1400, "chars after NFKC: %zu wrong in %zu bytes of %d texts", bad,
          bytes, checked);
}

/* Where s[0, n) stops being strict UTF-8 (RFC 3629) with no NUL byte:
 * the offset of the first NUL or of the first byte that starts no valid
 * sequence, or n. */
static size_t strict_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c == 0)
            return i;
        size_t len = 0;
        if (c < 0x80)
            len = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4;
        if (!len || len > n - i)
            return i;
        uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return n;
}

/* The input check accepts exactly strict UTF-8 without NUL and reports
 * the first NUL or bad byte where a plain decoder finds it: random texts
 * over valid pieces (runs of kana and kanji long enough for its rounds of
 * four characters), with one byte now and then replaced by a random one. */
static void test_utf8(void)
{
    static const char *const alpha[] = {
        "a", " ", "abcdefgh", "か", "漢字", "\xe0\xa4\x95", "\xed\x9f\xbf", "\xee\x80\x80",
        "\xef\xbf\xbd", "é", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf", "\n", "ひらがなと漢字の文"};
    const size_t na = sizeof alpha / sizeof alpha[0];
    static char t[2048];
    uint64_t x = 0x9E3779B97F4A7C15ull;
    int bad = 0, rejected = 0;
    for (int k = 0; k < 6000; k++) {
        size_t n = pieces(t, 0, alpha, na, 1 + k % 60, &x);
        if (k % 3) {
            size_t at = next(&x) % n;
            t[at] = (char)(next(&x) & 0xFF);
        }
        kiji_error e;
        kiji_meta m = {NULL, NULL, "ja"};
        int st = kiji_parse(D, t, n, &m, &e);
        size_t stop = strict_utf8((const unsigned char *)t, n);
        bool refused = st == KIJI_ERR_UTF8 || st == KIJI_ERR_NUL;
        rejected += refused;
        if (stop == n)
            bad += refused;
        else
            bad += st != (t[stop] ? KIJI_ERR_UTF8 : KIJI_ERR_NUL) || e.offset != stop;
    }
    CHECK(bad == 0 && rejected > 1000, "utf8: %d texts judged wrongly (%d rejected)", bad,
          rejected);
}

/* The line breaks, 「 and 」 kj_structure notes for kj_quote_ja
 * (d->qmarks) against a byte scan of the normalized text up to where its
 * bracket scan got (d->qmarks_end), on random Japanese texts over pieces
 * that open, close and break quotes and sentences. */
static void test_qmarks(void)
{
    static const char *const alpha[] = {
        "「",       "」", "『",   "』", "\n",           "\r\n",         "。", "、",       "！",
        "？",       "(",  ")",    "（", "）",           "\"",           "“",  "”",        "…",
        "—",        " ",  "　",   "a",  "Mr. ",         ". ",           "は", "と述べた", "東京",
        "カタカナ", "ｶﾞ", "１２", "漢", "\xe2\x80\x8c", "\xe3\x80\x80", "〇", "々",       "é",
        "\xcc\x81"};
    const size_t na = sizeof alpha / sizeof alpha[0];
    static char t[4096];
    uint64_t x = 0x9E3779B97F4A7C15ull;
    int bad = 0, checked = 0, whole = 0;
    for (int k = 0; k < 3000; k++) {
        size_t n = pieces(t, 0, alpha, na, 1 + k % 150, &x);
        kiji_error e;
        kiji_meta m = {NULL, NULL, "ja"};
        if (kiji_parse(D, t, n, &m, &e) != KIJI_OK)
            continue;
        checked++;
        const unsigned char *u = (const unsigned char *)D->norm;
        size_t end = D->qmarks_end, j = 0;
        bool ok = end <= D->norm_len;
        for (size_t i = 0; ok && i < end; i++) {
            bool mark = u[i] == '\n' || (i + 3 <= D->norm_len && u[i] == 0xE3 && u[i + 1] == 0x80 &&
                                         (u[i + 2] == 0x8C || u[i + 2] == 0x8D));
            if (mark)
                ok = j < D->nqmarks && D->qmarks[j++] == i;
        }
        ok = ok && j == D->nqmarks;
        bad += !ok;
        whole += end == D->norm_len;
    }
    CHECK(bad == 0 && checked > 2900 && whole > checked / 2,
          "qmarks: %d of %d texts wrong (%d scanned whole)", bad, checked, whole);
}

int main(void)
{
    if (!check_open(&P, &D))
        return 1;
    test_chars();
    test_chars_norm();
    test_utf8();
    test_qmarks();
    kiji_doc_free(D);
    kiji_parser_free(P);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
