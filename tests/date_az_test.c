/*
 * date_az_test.c -- kj_az_end (rec_date.h), which measures a run of a-z
 * eight bytes a round, checked against the loop of one byte a test: on
 * random texts of letters of both cases, the bytes next to a-z ('`', '{',
 * '@', '['), digits, white space, punctuation and bytes past ASCII (whose
 * low seven bits are letters: a carry or a sign bit would show), from
 * every start and for several limits, both end at the same byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "rand_text.h"
#include "rec_date.h"

/* runs of a-z are long in half the pieces, so the eight-byte round runs
 * over whole windows, and part of its window, both */
static const char *const alphabet[] = {"a", "z",    "m",    "q", "abcdefgh", "wxyz", "`",    "{",
                                       "@", "[",    "A",    "Z", "0",        "9",    " ",    "\n",
                                       "-", "\xe1", "\xfa", "é", "日",       "\x7f", "\x80", "s"};
#define NALPHA (sizeof alphabet / sizeof alphabet[0])

static size_t plain_az_end(const char *s, size_t i, size_t lim)
{
    while (i < lim && (unsigned char)(s[i] - 'a') < 26)
        i++;
    return i;
}

int main(void)
{
    rng = 1357u;
    long inside = 0;
    for (int round = 0; round < 4000; round++) {
        char text[512];
        size_t tl = random_word(text, sizeof text, alphabet, NALPHA, 1, 80);
        for (size_t i = 0; i <= tl; i++) {
            size_t lims[3] = {tl, i + next_rand() % (tl - i + 1), i + (tl - i < 13 ? tl - i : 13)};
            for (int k = 0; k < 3; k++) {
                size_t want = plain_az_end(text, i, lims[k]);
                size_t got = kj_az_end(text, i, lims[k]);
                CHECK_FEW(got == want, "kj_az_end from %zu to %zu: %zu, not %zu", i, lims[k], got,
                          want);
                inside += want > i + 8;
            }
        }
    }
    /* the eight-byte round has read past a whole window of letters */
    CHECK(inside > 0, "no run longer than eight letters");
    printf("date_az_test: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
