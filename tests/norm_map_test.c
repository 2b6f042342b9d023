/*
 * norm_map_test.c -- the source positions kj_normalize records for an
 * ASCII run (d->map_start), which it fills eight at a time as vectors in a
 * long run and one by one in a short one, checked against what they must
 * be: on random texts of ASCII words of every length (so runs of every
 * length modulo eight, short and long), mixed with line breaks, CR LF,
 * characters past ASCII and NFKC-changed ones, every output byte whose
 * position is an ASCII byte of the input is that byte (a CR reads as the
 * line break it becomes), two such bytes in a row come from two input bytes
 * in a row, and a text of ASCII alone (no CR) maps each byte to itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "rand_text.h"

/* letters, a digit and punctuation for the words; the rest join them */
static const char *const letters[] = {"a", "e", "t", "n", "S", "R", "7", "2", "-", ","};
#define NLETTERS (sizeof letters / sizeof letters[0])
static const char *const joins[] = {" ",    " ",  "\n", "\r\n", "\r", ". ",  "\xc3\xa9",
                                    "日本", "ｶﾞ", "ﬁ",  "①",    "é",  "\t  "};
#define NJOINS (sizeof joins / sizeof joins[0])

/* A random text of up to cap - 1 bytes; ascii_only leaves out every join
 * past ASCII and the CR. */
static size_t random_text(char *out, size_t cap, bool ascii_only)
{
    size_t len = 0;
    int words = 1 + (int)(next_rand() % 12);
    for (int w = 0; w < words; w++) {
        char word[80];
        /* mostly short words, now and then a long run (16 to 70 bytes) */
        int maxlen = next_rand() % 4 == 0 ? 70 : 9;
        size_t n = random_word(word, sizeof word, letters, NLETTERS, 1, maxlen);
        const char *j = joins[next_rand() % NJOINS];
        if (ascii_only)
            j = next_rand() % 2 ? " " : "\n";
        if (!append_pair(out, cap, &len, word, n, j))
            break;
    }
    out[len] = 0;
    return len;
}

int main(void)
{
    kiji_error err;
    kiji_options all = {.facts = 0xFFFFFFFFu};
    kiji_parser *p;
    kiji_doc *d;
    if (!check_open_with(&all, &p, &d))
        return 1;
    /* the English of the words is what kiji_parse detects; a text it
     * refuses is counted and skipped */
    const char *prefix = "The council said on Monday that ";
    size_t plen = strlen(prefix);
    long parsed = 0, long_runs = 0;
    char text[1200];
    for (int round = 0; round < 3000; round++) {
        bool ascii_only = round % 3 == 0;
        memcpy(text, prefix, plen);
        size_t len = plen + random_text(text + plen, sizeof text - plen, ascii_only);
        kiji_meta m = {NULL, NULL, "en"};
        if (kiji_parse(d, text, len, &m, &err) != KIJI_OK)
            continue;
        parsed++;
        const char *o = d->orig;
        size_t run = 0;
        for (size_t k = 0; k < d->norm_len; k++) {
            size_t s = d->map_start[k];
            CHECK_FEW(s < d->orig_len, "a position past the input at %zu", k);
            if (s >= d->orig_len)
                break;
            unsigned char b = (unsigned char)o[s];
            if (ascii_only)
                CHECK_FEW(s == k && d->norm[k] == o[k], "an ASCII text moved at %zu", k);
            if (b < 0x80) {
                char want = b == '\r' ? '\n' : (char)b;
                CHECK_FEW(d->norm[k] == want, "an ASCII byte read from elsewhere at %zu", k);
                if (k > 0 && b != '\r' && (unsigned char)d->norm[k - 1] < 0x80 &&
                    d->map_start[k - 1] < s && (unsigned char)o[d->map_start[k - 1]] < 0x80 &&
                    o[d->map_start[k - 1]] != '\r')
                    CHECK_FEW(d->map_start[k - 1] + 1 == s, "two ASCII bytes not in a row at %zu",
                              k);
                run = (unsigned char)d->norm[k] < 0x80 ? run + 1 : 0;
                long_runs += run == 16;
            } else {
                run = 0;
            }
        }
    }
    if (parsed < 1000 || long_runs < 100) {
        failed++;
        fprintf(stderr, "FAIL: %ld texts parsed, %ld long runs\n", parsed, long_runs);
    }
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("norm_map_test: %d passed, %d failed (%ld texts, %ld long runs)\n", passed, failed,
           parsed, long_runs);
    return failed ? 1 : 0;
}
