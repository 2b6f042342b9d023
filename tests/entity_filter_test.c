/*
 * entity_filter_test.c -- the filters of the entity lookups (ent_pair,
 * rec_entity.h): on random keys and random texts of a small alphabet, the
 * first-two-code-point filter never refuses a position where the
 * dictionary finds a key starting past ASCII, the first-word filter never
 * one where it finds a key starting with an ASCII letter or digit that
 * ends outside a Latin word (what full_at and org_at_cp keep), and both
 * do refuse some positions. Also the registry's ent_key_num, which writes
 * byte by byte what snprintf(key, cap, "%s%d", pfx, v) writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "rand_text.h"
#include "rec_entity.h"

/* kanji, katakana, hiragana, ・, ー, Latin, a digit and a space */
static const char *const alphabet[] = {"日", "本", "東", "京", "市", "省", "ア", "メ", "リ",
                                       "カ", "ー", "・", "の", "は", "A",  "b",  "7",  " "};
#define NALPHA (sizeof alphabet / sizeof alphabet[0])

/* Latin letters (two past ASCII), digits, space, line break, and the
 * punctuation that keys hold (U.S., Rolls-Royce, AT&T) */
static const char *const latin[] = {"S", "o",  "u", "th", "G", "a", "7", "0", " ",
                                    " ", "\n", ".", "-",  "&", "é", "ß", "日"};
#define NLATIN (sizeof latin / sizeof latin[0])

/* The first-word filter against the lookup full_at and org_at_cp make:
 * returns the positions it refused (failures counted in failed). */
static long latin_round(kiji_doc *d)
{
    kiji_error e;
    long refused = 0;
    kj_dict *t = kj_dict_new();
    ent_pair *pr = calloc(1, sizeof *pr);
    if (!t || !pr) {
        failed++;
        free(pr);
        kj_dict_free(t);
        return 0;
    }
    for (int k = 0; k < 30; k++) {
        char key[64];
        size_t kl = random_word(key, sizeof key, latin, NLATIN, 1, 6);
        /* keys hold no line break: the lookup reads one as a space */
        for (size_t q = 0; q < kl; q++)
            key[q] = key[q] == '\n' ? ' ' : key[q];
        if (kl && kj_dict_add(t, key, kl, k))
            ent_pair_add(pr, key, kl);
    }
    for (int doc = 0; doc < 10; doc++) {
        char text[2048];
        size_t tl = random_word(text, sizeof text, latin, NLATIN, 100, 400);
        if (kiji_parse(d, text, tl, NULL, &e) != KIJI_OK)
            continue;
        for (size_t i = 0; i < d->norm_len;) {
            size_t nx;
            uint32_t c = ent_cp(d, i, &nx);
            int32_t v;
            size_t n = kj_dict_longest_sp(t, d->norm, d->norm_len, i, &v);
            bool may = ent_pair_may(pr, d, i, c);
            if (c < 0x80 && ent_asc((unsigned char)c) && n > 0) {
                size_t ls, ax;
                uint32_t last = ent_prev(d, i + n, &ls);
                uint32_t nc = ent_cp(d, i + n, &ax);
                if (!(ent_word(last) && ent_word(nc))) {
                    CHECK_FEW(may, "refused a Latin key of %zu bytes at %zu", n, i);
                }
            }
            refused += c < 0x80 && !may;
            i = nx > i ? nx : i + 1;
        }
    }
    free(pr);
    kj_dict_free(t);
    return refused;
}

/* ent_key_num against snprintf, for every room from none to more than
 * enough, on values of every length and sign. */
static void key_num_round(void)
{
    static const char *const pfx[] = {"", "#", "p", "a:"};
    static const int vals[] = {0, 7, -3, 42, 1000, -99999, 2147483647, -2147483647 - 1};
    for (size_t a = 0; a < sizeof pfx / sizeof pfx[0]; a++)
        for (size_t b = 0; b < sizeof vals / sizeof vals[0]; b++)
            for (size_t cap = 0; cap <= 16; cap++) {
                char got[16] = "~~~~~~~~~~~~~~~", want[16] = "~~~~~~~~~~~~~~~";
                int gn = ent_key_num(got, cap, pfx[a], vals[b]);
                int wn = snprintf(want, cap, "%s%d", pfx[a], vals[b]);
                CHECK_FEW(gn == wn && memcmp(got, want, sizeof got) == 0,
                          "ent_key_num(%zu, \"%s\", %d) wrote \"%.*s\"", cap, pfx[a], vals[b],
                          (int)sizeof got, got);
            }
}

int main(void)
{
    rng = 12345u;
    kiji_error e;
    kiji_parser *p = kiji_parser_new(NULL, &e);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    if (!d) {
        fprintf(stderr, "entity_filter_test: no parser\n");
        return 1;
    }
    long refused = 0, found = 0;
    for (int round = 0; round < 40; round++) {
        kj_dict *t = kj_dict_new();
        ent_pair *pr = calloc(1, sizeof *pr);
        if (!t || !pr)
            return 1;
        for (int k = 0; k < 30; k++) {
            char key[64];
            size_t kl = random_word(key, sizeof key, alphabet, NALPHA, 1, 4);
            if (kl && kj_dict_add(t, key, kl, k))
                ent_pair_add(pr, key, kl);
        }
        for (int doc = 0; doc < 10; doc++) {
            char text[2048];
            size_t tl = random_word(text, sizeof text, alphabet, NALPHA, 100, 300);
            text[0] = text[0] == ' ' ? 'x' : text[0];
            if (kiji_parse(d, text, tl, NULL, &e) != KIJI_OK)
                continue;
            for (size_t i = 0; i < d->norm_len;) {
                size_t nx;
                uint32_t c = ent_cp(d, i, &nx);
                int32_t v;
                size_t n = kj_dict_longest(t, d->norm, d->norm_len, i, &v);
                bool may = ent_pair_may(pr, d, i, c);
                if (c >= 0x80 && n > 0) {
                    found++;
                    if (may) {
                        passed++;
                    } else {
                        if (failed++ < 10)
                            fprintf(stderr, "FAIL: refused a key of %zu bytes at %zu\n", n, i);
                    }
                }
                refused += !may;
                i = nx > i ? nx : i + 1;
            }
        }
        free(pr);
        kj_dict_free(t);
    }
    key_num_round();
    long latin_refused = 0;
    int latin_passed = passed;
    for (int round = 0; round < 40; round++)
        latin_refused += latin_round(d);
    if (latin_refused == 0 || passed == latin_passed) {
        failed++;
        fprintf(stderr, "FAIL: the first-word filter refused %ld positions, passed %d keys\n",
                latin_refused, passed - latin_passed);
    }
    if (refused == 0 || found == 0) {
        failed++;
        fprintf(stderr, "FAIL: the filter refused %ld positions, the lookups found %ld keys\n",
                refused, found);
    }
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("entity_filter_test: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
