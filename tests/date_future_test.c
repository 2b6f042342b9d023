/*
 * date_future_test.c -- kj_dt_future (rec_date.c), which remembers the
 * future words it has read (one range of the text, as a bit per byte) so
 * that dates written close together do not read their clause again,
 * checked against a plain reading of the whole clause for every question:
 * on random English and Japanese texts built from future words, near
 * misses ("willing", "Will" inside a name, "since"), sentence ends and
 * filler, asked about every character start in a random order that mixes
 * walks forward, walks back and jumps, both answer alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiji.h"
#include "rand_text.h"
#include "rec_date.h"

static int passed, failed;

static const char *const en_alpha[] = {
    "will ",         "willing ", "Will ",      "we'll ",     "I'll ",  "is due ", "plans to ",
    "plan ",         "shall ",   "is set to ", "since ",     "Since ", "June ",   "May 3 ",
    "the ",          "shares ",  "fell ",      "rose ",      "Smith ", "said. ",  "said. The ",
    "\"We ",         "\" ",      "\n",         ", ",         "it's ",  "'ll ",    "next ",
    "are going to ", "intend ",  "é ",         "on Monday ", "said. ", "said. ",  "said. The ",
    "said. The ",    "\n",       "\n",         "shares ",    "fell ",  "rose ",   "the ",
    "the ",          "June ",    "Smith "};
static const char *const ja_alpha[] = {
    "予定", "見通し", "計画", "開かれる", "を前に",   "する", "した", "3月", "来年",
    "。",   "、",     "\n",   "「",       "」",       "会議", "は",   "が",  "の",
    "政府", "A社",    "ｗ",   " ",        "ています", "。",   "。",   "\n",  "会議",
    "は",   "が",     "の",   "政府",     "A社",      "した"};

static void check(bool ok, const char *what, size_t at)
{
    if (ok) {
        passed++;
    } else if (failed++ < 10) {
        fprintf(stderr, "FAIL: %s at %zu\n", what, at);
    }
}

/* The clause read character by character from its first whole character,
 * every future word looked up where it may start. */
static bool plain_future(const kj_dctx *c, size_t pos)
{
    size_t a, b;
    kj_dt_clause(c, pos, &a, &b);
    bool en = c->d->lang == KJ_LANG_EN;
    if (en && pos >= 6 && memcmp(c->lc + pos - 6, "since ", 6) == 0)
        return false;
    while (a < b && ((unsigned char)c->s[a] & 0xC0) == 0x80)
        a++;
    for (size_t i = a; i < b; i += kj_u8_len((unsigned char)c->s[i])) {
        const kj_dword *w;
        bool apos =
            c->lc[i] == '\'' || (i + 3 <= c->len && memcmp(c->lc + i, "\xe2\x80\x99", 3) == 0);
        if (en && i > 0 && c->lc[i - 1] >= 'a' && c->lc[i - 1] <= 'z' && !apos)
            continue;
        size_t n = kj_dt_word(c, en, i, &w);
        if (!n || w->kind != KJ_W_FUTURE)
            continue;
        if (!en)
            return true;
        char pc = i > 0 && !apos ? c->lc[i - 1] : ' ', nc = c->lc[i + n];
        if (!(pc >= 'a' && pc <= 'z') && !(nc >= 'a' && nc <= 'z'))
            return true;
    }
    return false;
}

int main(void)
{
    rng = 97531u;
    kiji_error e;
    kiji_parser *p = kiji_parser_new(NULL, &e);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    if (!d) {
        fprintf(stderr, "date_future_test: no parser\n");
        return 1;
    }
    long yes = 0, no = 0;
    for (int doc = 0; doc < 400; doc++) {
        bool en = doc % 2 == 0;
        char text[4096];
        size_t tl = en ? random_word(text, sizeof text, en_alpha,
                                     sizeof en_alpha / sizeof *en_alpha, 20, 300)
                       : random_word(text, sizeof text, ja_alpha,
                                     sizeof ja_alpha / sizeof *ja_alpha, 20, 600);
        kiji_meta m = {.lang = en ? "en" : "ja", .published = "2026-03-04"};
        if (!tl || kiji_parse(d, text, tl, &m, &e) != KIJI_OK)
            continue;
        char *lc = malloc(d->norm_len + 1);
        if (!lc)
            return 1;
        for (size_t i = 0; i <= d->norm_len; i++) {
            char ch = i < d->norm_len ? d->norm[i] : 0;
            lc[i] = en && ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
        }
        kj_dctx c = {.d = d, .dd = d->p->date, .s = d->norm, .lc = lc, .len = d->norm_len};
        /* questions at character starts: walks forward and back, jumps */
        size_t pos = 0;
        for (int q = 0; q < 300 && d->norm_len > 0; q++) {
            uint64_t r = next_rand() % 10;
            if (r < 5)
                pos += 1 + next_rand() % 40;
            else if (r < 8)
                pos = pos > 40 ? pos - next_rand() % 40 : 0;
            else
                pos = next_rand() % d->norm_len;
            if (pos >= d->norm_len)
                pos = next_rand() % d->norm_len;
            while (pos > 0 && ((unsigned char)d->norm[pos] & 0xC0) == 0x80)
                pos--;
            bool want = plain_future(&c, pos), got = kj_dt_future(&c, pos);
            check(got == want, "kj_dt_future answered otherwise", pos);
            yes += want;
            no += !want;
        }
        free(lc);
    }
    if (yes == 0 || no == 0) {
        failed++;
        fprintf(stderr, "FAIL: the questions were all answered alike (%ld yes, %ld no)\n", yes, no);
    }
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("date_future_test: %d passed, %d failed (%ld future, %ld not)\n", passed, failed, yes,
           no);
    return failed ? 1 : 0;
}
