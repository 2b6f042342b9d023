/*
 * date_future_test.c -- kj_dt_future remembers what it has read of a text
 * (a span with no future word, the last one found): on random English and
 * Japanese texts of a small alphabet, asked at random positions in random
 * order, it answers as a fresh context that remembers nothing does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiji.h"
#include "rand_text.h"
#include "rec_date.h"

static int passed, failed, future; /* future: answers true */

static const char *const alpha_en[] = {"will ",  "willing ", "plans ", "to ",     "said ",
                                       "Monday ", "I'll ",    "we'll",  "expects ", "is ",
                                       "the ",   "deal ",    "since ", ". The ", ", ",
                                       "next ",  "year ",    "\xe2\x80\x99ll ", "going to ", "7 "};
static const char *const alpha_ja[] = {"予定", "する", "した", "方針", "来年", "。", "、",
                                       "見通し", "明日", "会議", "は", "を", "3日", "ア"};

static void run(kiji_doc *d, const char *lang, const char *const *alphabet, size_t n, int docs)
{
    kiji_error e;
    kiji_meta m = {.published = "2026-02-13", .lang = lang};
    for (int doc = 0; doc < docs; doc++) {
        char text[4096];
        size_t tl = random_word(text, sizeof text, alphabet, n, 50, 400);
        if (kiji_parse(d, text, tl, &m, &e) != KIJI_OK || !d->p->date || d->norm_len == 0)
            continue;
        char *lc = malloc(d->norm_len + 1);
        if (!lc)
            return;
        for (size_t i = 0; i <= d->norm_len; i++) {
            char ch = i < d->norm_len ? d->norm[i] : '\0';
            lc[i] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
        }
        bool en = d->lang == KJ_LANG_EN;
        kj_dctx c = {.d = d, .dd = d->p->date, .s = d->norm, .lc = en ? lc : d->norm,
                     .len = d->norm_len};
        for (int q = 0; q < 60; q++) {
            size_t pos = (size_t)(next_rand() % d->norm_len);
            kj_dctx fresh = {.d = d, .dd = d->p->date, .s = d->norm, .lc = c.lc, .len = c.len};
            bool got = kj_dt_future(&c, pos), want = kj_dt_future(&fresh, pos);
            if (got == want) {
                passed++;
                future += got;
            } else {
                failed++;
                fprintf(stderr, "date_future_test: %s doc %d pos %zu: remembered %d, fresh %d\n",
                        lang, doc, pos, got, want);
            }
        }
        free(lc);
    }
}

int main(void)
{
    rng = 424242u;
    kiji_error e;
    kiji_parser *p = kiji_parser_new(NULL, &e);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    if (!d) {
        fprintf(stderr, "date_future_test: no parser\n");
        return 1;
    }
    run(d, "en", alpha_en, sizeof alpha_en / sizeof alpha_en[0], 300);
    run(d, "ja", alpha_ja, sizeof alpha_ja / sizeof alpha_ja[0], 300);
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("date_future_test: %d passed (%d future), %d failed\n", passed, future, failed);
    /* both answers must occur for the comparison to mean anything */
    return failed || future == 0 || future == passed;
}
