/*
 * numeric_hira_test.c -- kj_num_hira_at (rec_numeric.h), which compares
 * the first three bytes of each of scan_hiragana's morphemes before it
 * reads the morpheme's length, checked against the plain loop it
 * replaced (the length of every morpheme, then the whole morpheme
 * compared): on random texts of a small alphabet mixing the morphemes'
 * kana, other kana, ASCII and cut multi-byte characters, both find the
 * same morpheme (length and value) at every position, for several ends
 * of the text, the last ones cutting a character in two.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "rand_text.h"
#include "rec_numeric.h"

/* the morphemes' kana, others that share their first bytes (か, ぎ,
 * ょ), ASCII, a kanji, and the first two bytes of に alone */
static const char *const alphabet[] = {"に", "ご", "さ", "ん", "ひ", "ゃ",      "く", "び", "ぴ",
                                       "ち", "ょ", "う", "せ", "ぜ", "ま",      "お", "い", "っ",
                                       "よ", "ろ", "な", "し", "は", "れ",      "き", "ゅ", "じ",
                                       "か", "ぎ", "a",  " ",  "十", "\xE3\x81"};
#define NALPHA (sizeof alphabet / sizeof alphabet[0])

/* The loop kj_num_hira_at replaced: the longest morpheme at s[i]. */
static size_t plain_hira_at(const char *s, size_t n, size_t i, int *v)
{
    size_t best = 0;
    for (size_t h = 0; h < kj_num_hira_count(); h++) {
        int hv = 0;
        const char *k = kj_num_hira_morpheme(h, &hv);
        size_t l = strlen(k);
        if (l > best && i <= n && n - i >= l && memcmp(s + i, k, l) == 0) {
            best = l;
            *v = hv;
        }
    }
    return best;
}

int main(void)
{
    char text[256];
    for (int round = 0; round < 4000; round++) {
        size_t len = random_word(text, sizeof text, alphabet, NALPHA, 1, 40);
        for (size_t cut = 0; cut < 4 && cut <= len; cut++) {
            size_t n = len - cut;
            for (size_t i = 0; i <= n; i++) {
                int v1 = -100, v2 = -100;
                size_t a = kj_num_hira_at(text, n, i, &v1);
                size_t b = plain_hira_at(text, n, i, &v2);
                bool ok = a == b && (a == 0 || v1 == v2);
                CHECK_FEW(ok, "round %d, at %zu of %zu: %zu (%d) vs %zu (%d)", round, i, n, a, v1,
                          b, v2);
            }
        }
    }
    /* every morpheme found whole where it stands alone */
    for (size_t h = 0; h < kj_num_hira_count(); h++) {
        int hv = 0, v = -100;
        const char *k = kj_num_hira_morpheme(h, &hv);
        size_t l = kj_num_hira_at(k, strlen(k), 0, &v);
        CHECK_FEW(l == strlen(k) && v == hv, "morpheme %zu alone", h);
    }
    printf("numeric_hira: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
