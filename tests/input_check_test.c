/*
 * input_check_test.c -- the check of the input text (strict UTF-8, no NUL
 * byte), which kj_normalize makes as it reads rather than in a pass of its
 * own, against a plain reference decoder: on random texts built from valid
 * pieces (ASCII runs of every length, CR LF, kana and kanji runs, two- and
 * four-byte characters, fullwidth forms, combining marks) with a few
 * corruptions (a random byte, a cut sequence, an overlong form, a
 * surrogate, a code point past U+10FFFF, a NUL byte) dropped anywhere,
 * kiji_parse must give the error code, offset and message of the first bad
 * byte, or no input error for a good text; also when the published date or
 * the language is bad too (the text's error comes first) and when the
 * memory cap is hit before the pass ends.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* The reference: the offset of the first sequence that is not strict
 * UTF-8 (RFC 3629) or is a NUL byte, with *nul set when it is a NUL; len
 * for a good text. */
static size_t first_bad(const unsigned char *s, size_t len, int *nul)
{
    size_t i = 0;
    *nul = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c == 0) {
            *nul = 1;
            return i;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp, min;
        if (c >= 0xC0 && c < 0xE0) {
            n = 2, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c < 0xF0) {
            n = 3, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c < 0xF8) {
            n = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return i;
        }
        if (len - i < n)
            return i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

static const char *const pieces[] = {
    "a",  "Tokyo ", "2026", "\r\n", "\r",   "\n",   "日本", "東京都の", "カタカナ", "。", "、",
    "é",  "\xc3\xa9", "𠮷", "１２", "ＡＢ", "（", "）", "e\xcc\x81", "が", "か\xe3\x82\x99",
    "ｶﾞ", "①", "ﬁ", " ", "\t"};
#define NPIECES (sizeof pieces / sizeof pieces[0])
static const char *const bad[] = {
    "\x80",         "\xbf",         "\xc0\xaf",         "\xc1\xbf",     "\xe0\x80\xaf",
    "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf",     "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80",
    "\xf5\x80\x80\x80", "\xff",     "\xe6\x97",         "\xe6",         "\xc3",
    "\xf0\xa0\xae", "\xe6\x97\x41", "\xe6\x41\xa5",     "\xc3\x41"};
#define NBAD (sizeof bad / sizeof bad[0])

static uint64_t seed = 88172645463325252ull;
static unsigned rnd(unsigned n)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return (unsigned)(seed % n);
}

static size_t add(char *out, size_t at, size_t cap, const char *s, size_t n)
{
    if (at + n >= cap)
        return at;
    memcpy(out + at, s, n);
    return at + n;
}

/* A random text; a long ASCII or kanji run now and then, so the
 * eight-byte and run paths of the pass are taken. */
static size_t random_text(char *out, size_t cap, unsigned corrupt)
{
    size_t n = 0, parts = 1 + rnd(40);
    for (size_t p = 0; p < parts; p++) {
        unsigned r = rnd(100);
        if (r < 8) {
            size_t k = 1 + rnd(40);
            for (size_t j = 0; j < k; j++)
                n = add(out, n, cap, "abcdefgh" + rnd(8), 1);
        } else if (r < 14) {
            size_t k = 1 + rnd(30);
            for (size_t j = 0; j < k; j++)
                n = add(out, n, cap, rnd(2) ? "語" : "の", 3);
        } else if (corrupt && r < 14 + corrupt) {
            if (rnd(4) == 0) {
                n = add(out, n, cap, "", 1); /* a NUL byte */
            } else if (rnd(3) == 0) {
                char b = (char)rnd(256);
                n = add(out, n, cap, &b, 1);
            } else {
                const char *s = bad[rnd(NBAD)];
                n = add(out, n, cap, s, strlen(s));
            }
        } else {
            const char *s = pieces[rnd(NPIECES)];
            n = add(out, n, cap, s, strlen(s));
        }
    }
    if (corrupt && rnd(8) == 0 && n < cap - 1) /* a cut sequence at the end */
        n = add(out, n, cap, "\xe6\x97", 1 + rnd(2));
    return n;
}

static void expect(kiji_doc *d, const char *text, size_t n, const kiji_meta *m, int other,
                   const char *what)
{
    kiji_error e;
    int nul;
    size_t at = first_bad((const unsigned char *)text, n, &nul);
    int rc = kiji_parse(d, text, n, m, &e);
    if (at == n) {
        CHECK_FEW(rc != KIJI_ERR_UTF8 && rc != KIJI_ERR_NUL && (!other || rc == other),
                  "%s: good text of %zu bytes: %d %s", what, n, rc, e.text);
        return;
    }
    char msg[128];
    if (nul)
        snprintf(msg, sizeof msg, "NUL byte at offset %zu", at);
    else
        snprintf(msg, sizeof msg, "invalid UTF-8 at byte offset %zu", at);
    int code = nul ? KIJI_ERR_NUL : KIJI_ERR_UTF8;
    CHECK_FEW(rc == code && e.code == code && e.offset == at && strcmp(e.text, msg) == 0,
              "%s: %zu bytes: want %d at %zu, got %d at %zu (%s)", what, n, code, at, rc,
              e.offset, e.text);
}

int main(void)
{
    kiji_parser *p;
    kiji_doc *d;
    if (!check_open(&p, &d))
        return 1;
    /* a cap the normalization of a long text cannot stay under */
    kiji_options small = {0};
    small.max_memory = 64 * 1024;
    kiji_error pe;
    kiji_parser *ps = kiji_parser_new(&small, &pe);
    kiji_doc *ds = ps ? kiji_doc_new(ps) : NULL;
    CHECK(ds != NULL, "small parser: %s", pe.text);
    if (!ds)
        return 1;

    static char text[4096];
    static char big[64 * 1024];
    kiji_meta badpub = {NULL, "2026-13-01", NULL}, badlang = {NULL, NULL, "fr"};
    for (int round = 0; round < 6000; round++) {
        size_t n = random_text(text, sizeof text, round % 4 ? 1 + (unsigned)round % 6 : 0);
        if (!n)
            continue;
        expect(d, text, n, NULL, 0, "plain");
        if (round % 3 == 0)
            expect(d, text, n, &badpub, KIJI_ERR_PUBLISHED, "bad published");
        if (round % 3 == 1)
            expect(d, text, n, &badlang, KIJI_ERR_LANG, "bad lang");
        if (round % 50 == 0) {
            /* the text after a long good one, past the small cap */
            size_t k = 0;
            while (k + 3 <= sizeof big - sizeof text)
                memcpy(big + k, "語", 3), k += 3;
            memcpy(big + k, text, n);
            expect(ds, big, k + n, NULL, 0, "memory cap");
        }
    }
    kiji_doc_free(ds);
    kiji_parser_free(ps);
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("input_check: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
