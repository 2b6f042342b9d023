/*
 * numeric_quiet_test.c -- kj_num_quiet_end (rec_numeric.h), which tests one
 * byte table (quiet_stop: start_cp and ASCII) per character, checked
 * against a loop that tests the byte, the entry and start_cp in turn: on
 * random texts of a small alphabet mixing kanji numerals and other kanji,
 * hiragana (some begin a numeral), katakana, currency signs, ASCII, spaces,
 * line breaks and characters past U+FFFF, both end the run at the same
 * place from every start past ASCII. Random bytes are claimed, some inside
 * a character: the run passes claimed characters as the scan would byte by
 * byte, so the claims change neither end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "rand_text.h"
#include "rec_numeric.h"

static const char *const alphabet[] = {"一", "二", "十", "百", "万", "億", "円", "約", "の", "に",
                                       "さ", "ご", "を", "は", "ア", "マ", "イ", "グ", "ト", "ー",
                                       "日", "本", "経", "済", "€",  "£",  "¥",  "$",  "1",  "a",
                                       " ",  "\n", "、", "。", "𠀋", "😀",  "é"};
#define NALPHA (sizeof alphabet / sizeof alphabet[0])

/* The run's end read plainly: the byte first (the NUL after the text ends
 * the run), then the entry, start_cp. */
static size_t plain_quiet_end(const struct kj_numeric *nd, const kiji_doc *d, size_t i)
{
    const unsigned char *u = (const unsigned char *)d->norm;
    if (nd->before_wide)
        return i;
    if ((i == 0 || u[i - 1] == ' ' || u[i - 1] == '\n') && kj_is_hiragana(d->cpx[i] & KJ_CPX_CP) &&
        kj_num_hira_first(nd, d->cpx[i] & KJ_CPX_CP))
        return i;
    while (u[i] >= 0x80) {
        uint32_t v = d->cpx[i];
        if (v >= KJ_CPX_SLOW)
            break;
        uint32_t cp = v & KJ_CPX_CP;
        if (cp <= 0xFFFF && (nd->start_cp[cp >> 6] >> (cp & 63) & 1))
            break;
        i += v >> KJ_CPX_LEN_SHIFT;
    }
    return i;
}

int main(void)
{
    rng = 97531u;
    kiji_error e;
    kiji_parser *p = kiji_parser_new(NULL, &e);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    if (!d || !p->numeric) {
        fprintf(stderr, "numeric_quiet_test: no parser\n");
        return 1;
    }
    const struct kj_numeric *nd = p->numeric;
    long runs = 0;
    for (int doc = 0; doc < 400; doc++) {
        char text[2048];
        size_t tl = random_word(text, sizeof text, alphabet, NALPHA, 20, 300);
        if (!tl || kiji_parse(d, text, tl, NULL, &e) != KIJI_OK)
            continue;
        /* claims beside the recognizers' own: a byte here and there, some
         * inside a character */
        for (int k = 0; k < 6 && d->norm_len; k++)
            d->claim[next_rand() % d->norm_len] = KIJI_FACT_MONEY;
        for (size_t i = 0; i < d->norm_len; i++) {
            if ((unsigned char)d->norm[i] < 0x80)
                continue;
            size_t want = plain_quiet_end(nd, d, i);
            size_t got = kj_num_quiet_end(nd, d, i);
            CHECK_FEW(got == want, "kj_num_quiet_end ended elsewhere at %zu", i);
            runs += want > i;
        }
    }
    if (runs == 0) {
        failed++;
        fprintf(stderr, "FAIL: no run passed a character\n");
    }
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("numeric_quiet_test: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
