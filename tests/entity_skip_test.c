/*
 * entity_skip_test.c -- ent_skip_stops (rec_entity.h), which reads
 * ASCII eight bytes at a time and answers past ASCII from one bitmap
 * (cp_stop, built at init), checked against a plain character-by-
 * character scan that tests the entry's classes and the stop sets as the
 * bitmap's init read them: on random stop sets and random texts of a
 * small alphabet mixing ASCII words, line breaks, Japanese and characters
 * past U+FFFF, both stop at the same place from every start, for several
 * ends, with and without stepping over unnamed characters. ent_skip_last,
 * which tests hi once per four characters, is checked the same way against
 * its loop of one test per character (the position and the last entry).
 * The byte table of ASCII letters and digits (kj_entity.asc_word) is
 * checked against the entries of cpx it stands for in en_persons.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "rand_text.h"
#include "rec_entity.h"

/* ASCII letters of both cases, a digit, space, line break, punctuation,
 * characters past ASCII with and without a name class, and two past
 * U+FFFF (a kanji of CJK extension B, an emoji) */
static const char *const alphabet[] = {"A",  "B",  "N",  "a",  "n",  "t",  "o",  "e",  "7",
                                       " ",  " ",  "\n", ".",  ",",  "(",  "&",  "日", "ア",
                                       "の", "・", "é",  "新", "国", "ー", "。", "𠀋", "😀"};
#define NALPHA (sizeof alphabet / sizeof alphabet[0])

/* ent_skip_stops read one character at a time: the first character at
 * or after i (< hi) that st stops at or the table does not hold whole;
 * with pass_unnamed, characters past ASCII with no name class never stop
 * it, but hiragana that st's first sets hold does. */
static size_t plain_skip(const kiji_doc *d, size_t i, size_t hi, const ent_stops *st)
{
    bool pass_unnamed = st->pass_unnamed;
    if (hi > d->norm_len)
        hi = d->norm_len;
    while (i < hi) {
        unsigned char b = (unsigned char)d->norm[i];
        if (b < 0x80) {
            if (st->ascii[b])
                return i;
            i++;
            continue;
        }
        uint32_t v = d->cpx[i];
        if (v & KJ_CPX_SLOW)
            return i;
        uint32_t c = v & KJ_CPX_CP;
        if (pass_unnamed && !(v & KJ_CC_NAME) &&
            !(kj_is_hiragana(c) && (st->bits[c >> 6] >> (c & 63) & 1))) {
            i += v >> KJ_CPX_LEN_SHIFT;
            continue;
        }
        if ((v & st->mask) || (st->wide && (c >= 0x10000 || (st->bits[c >> 6] >> (c & 63) & 1))))
            return i;
        i += v >> KJ_CPX_LEN_SHIFT;
    }
    return i;
}

/* ent_skip_last one character per test of hi: its position and, in *last,
 * the entry of the last character stepped over. */
static size_t plain_skip_last(const kiji_doc *d, size_t i, size_t hi, uint32_t want, uint32_t *last)
{
    if (hi > d->norm_len)
        hi = d->norm_len;
    while (i < hi) {
        uint32_t v = d->cpx[i];
        if (v & (KJ_CPX_SLOW | want))
            break;
        *last = v;
        i += v >> KJ_CPX_LEN_SHIFT;
    }
    return i;
}

int main(void)
{
    rng = 2468u;
    kiji_error e;
    kiji_parser *p = kiji_parser_new(NULL, &e);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    ent_stops *st = calloc(1, sizeof *st), *st2 = calloc(1, sizeof *st2);
    /* the first sets' table, holding one set (ENT_F_TITLE) */
    struct kj_entity *fx = calloc(1, sizeof *fx);
    if (!d || !st || !st2 || !fx) {
        fprintf(stderr, "entity_skip_test: no parser\n");
        return 1;
    }
    /* every printable ASCII byte, for asc_word (below) */
    char ascii[96];
    for (int c = ' '; c < 127; c++)
        ascii[c - ' '] = (char)c;
    if (kiji_parse(d, ascii, 127 - ' ', NULL, &e) == KIJI_OK)
        for (size_t i = 0; i <= d->norm_len; i++)
            CHECK(p->entity->asc_word[(unsigned char)d->norm[i]] ==
                      ((d->cpx[i] & (KJ_CPX_SLOW | (7u << KJ_CPX_LEN_SHIFT) | KJ_CC_WORD)) ==
                       ((1u << KJ_CPX_LEN_SHIFT) | KJ_CC_WORD)),
                  "asc_word and cpx disagree at byte %u", (unsigned char)d->norm[i]);
    static const uint32_t wants[] = {0, KJ_CC_UPPER, KJ_CC_KANJI | KJ_CC_KATA, KJ_CC_NAME};
    long stops = 0;
    for (int round = 0; round < 64; round++) {
        memset(fx, 0, sizeof *fx);
        for (int k = 0; k < 12; k++) {
            char key[64];
            size_t kl = random_word(key, sizeof key, alphabet, NALPHA, 1, 4);
            if (kl)
                ent_first_add(fx, ENT_F_TITLE, key, kl);
        }
        /* a set that lets every character through (a key that starts
         * mid-character) stops at every entry */
        if (round % 7 == 6)
            ent_first_all(fx, ENT_F_TITLE);
        /* the set asked for, or none; the other sets of the table are empty */
        ent_first f = (round & 4) ? ENT_F_TITLE : (round & 16) ? ENT_F_TITLE | ENT_F_HONOR : 0;
        ent_stops_init(st, wants[round % 4], fx, f, (round & 8) ? 0x65E5 : ENT_NO_CP,
                       (round & 32) != 0);
        ent_stops_init(st2, wants[round % 4], fx, f, (round & 8) ? 0x65E5 : ENT_NO_CP,
                       (round & 32) == 0);
        for (int doc = 0; doc < 8; doc++) {
            char text[2048];
            size_t tl = random_word(text, sizeof text, alphabet, NALPHA, 50, 400);
            if (!tl || kiji_parse(d, text, tl, NULL, &e) != KIJI_OK)
                continue;
            /* en_persons' tokenize reads runs of ASCII letters and digits
             * by the byte through asc_word, where it read the entries of
             * cpx: one-byte sequences of KJ_CC_WORD. Both agree at every
             * byte, the NUL after the text included. */
            const uint32_t amask = KJ_CPX_SLOW | ((uint32_t)7 << KJ_CPX_LEN_SHIFT) | KJ_CC_WORD;
            const uint32_t aword = ((uint32_t)1 << KJ_CPX_LEN_SHIFT) | KJ_CC_WORD;
            for (size_t i = 0; i <= d->norm_len; i++)
                CHECK_FEW(p->entity->asc_word[(unsigned char)d->norm[i]] ==
                              ((d->cpx[i] & amask) == aword),
                          "asc_word and cpx disagree at %zu", i);
            for (size_t i = 0; i < d->norm_len;) {
                size_t nx;
                ent_cp(d, i, &nx);
                size_t ends[3] = {d->norm_len, i + 1 + next_rand() % 40, i + 13};
                for (int k = 0; k < 3; k++) {
                    /* ent_skip_last, four characters per test of hi */
                    uint32_t lw = wants[(round + k) % 4] | (k == 2 ? KJ_CC_WORD : 0);
                    uint32_t want_last = 7, got_last = 7;
                    size_t want = plain_skip_last(d, i, ends[k], lw, &want_last);
                    size_t got = ent_skip_last(d, i, ends[k], lw, &got_last);
                    CHECK_FEW(got == want && got_last == want_last,
                              "ent_skip_last stopped elsewhere at %zu", i);
                    for (int pu = 0; pu < 2; pu++) {
                        const ent_stops *sp = pu ? st2 : st;
                        want = plain_skip(d, i, ends[k], sp);
                        got = ent_skip_stops(d, i, ends[k], sp);
                        CHECK_FEW(got == want, "ent_skip_stops stopped elsewhere at %zu", i);
                        stops += want < d->norm_len;
                    }
                }
                i = nx > i ? nx : i + 1;
            }
        }
    }
    if (stops == 0) {
        failed++;
        fprintf(stderr, "FAIL: no scan stopped before the end\n");
    }
    free(fx);
    free(st);
    free(st2);
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("entity_skip_test: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
