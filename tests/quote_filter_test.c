/*
 * quote_filter_test.c -- the filters of kj_q_source_may_start (rec_quote_ja.c):
 * on random texts built from the characters of the unnamed-source list and
 * others (kana, punctuation, Latin, a character past the BMP), the position
 * it returns is never past one where kj_dict_longest finds a key of
 * ja_sources before hi, and it does step over some positions.
 */
#include <stdio.h>
#include <stdlib.h>

#include "kiji.h"
#include "rand_text.h"
#include "rec_quote.h"

static int passed, failed;

/* pieces of keys (関係者, 当局者, 専門家, 一部報道, ネットユーザー), their
 * first characters with other second ones, kana, punctuation, Latin, a
 * line break and a character past the BMP */
static const char *const alphabet[] = {"関", "係", "者", "当", "局", "専",   "門",   "家",    "一",
                                       "部", "報", "道", "ネ", "ッ", "ト",   "ユ",   "ー",    "ザ",
                                       "日", "本", "は", "が", "の", "、",   "。",   "「",    "」",
                                       "A",  "7",  " ",  "\n", "𠮷", "関係", "一部", "ネット"};
#define NALPHA (sizeof alphabet / sizeof alphabet[0])

int main(void)
{
    rng = 271828u;
    kiji_error e;
    kiji_parser *p = kiji_parser_new(NULL, &e);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    if (!d || !p->quote) {
        fprintf(stderr, "quote_filter_test: no parser\n");
        return 1;
    }
    kj_qctx x = {.qd = p->quote};
    long stepped = 0, found = 0;
    for (int doc = 0; doc < 400; doc++) {
        char text[4096];
        size_t tl = random_word(text, sizeof text, alphabet, NALPHA, 20, 600);
        if (kiji_parse(d, text, tl, NULL, &e) != KIJI_OK)
            continue;
        /* from every start, to the end of the text and to a bound inside */
        for (size_t from = 0; from < d->norm_len; from++) {
            size_t hi = from + (size_t)(next_rand() % 64);
            if (hi > d->norm_len)
                hi = d->norm_len;
            size_t r = kj_q_source_may_start(d, &x, from, hi);
            size_t want = hi;
            for (size_t i = from; i < hi; i++) {
                int32_t v;
                if (kj_dict_longest(p->quote->ja_sources, d->norm, d->norm_len, i, &v)) {
                    want = i;
                    break;
                }
            }
            if (want < hi)
                found++;
            /* none found: any answer will do (it may step past hi, over
             * a character that starts before it) */
            if (r <= want || want == hi) {
                passed++;
                stepped += r > from;
            } else if (failed++ < 10) {
                fprintf(stderr, "FAIL: from %zu to %zu: %zu, past a key at %zu in \"%s\"\n", from,
                        hi, r, want, text);
            }
        }
    }
    /* the filters must do something, and the texts must hold keys */
    if (stepped == 0 || found == 0) {
        fprintf(stderr, "FAIL: stepped %ld, keys found %ld\n", stepped, found);
        failed++;
    }
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("quote_filter_test: %d passed, %d failed (%ld keys found)\n", passed, failed, found);
    return failed ? 1 : 0;
}
