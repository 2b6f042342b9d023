/*
 * sentence_of_test.c -- kj_sentence_of (text.c), which tries its last
 * answer (d->sent_hint) and the sentence after it before it bisects the
 * sentences before or after the hint, checked against a linear search over
 * every sentence: on random layouts of sentences (empty ones, gaps between
 * them, sentences edge to edge, none at all) and random sequences of
 * offsets (forward in small and large steps, back, jumps anywhere, the
 * text's end and past it), with the hint left at any value, the answer is
 * the sentence holding the offset or -1 when none does.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "kj.h"
#include "rand_text.h"

/* the sentence holding i, one sentence at a time */
static int slow_sentence_of(const kj_sentence *s, size_t n, size_t i)
{
    for (size_t k = 0; k < n; k++)
        if (s[k].ns <= i && i < s[k].ne)
            return (int)k;
    return -1;
}

enum { MAXSENT = 64 };

int main(void)
{
    kj_sentence sent[MAXSENT];
    kiji_doc d;
    for (int round = 0; round < 4000; round++) {
        memset(&d, 0, sizeof d);
        size_t n = next_rand() % (MAXSENT + 1), at = next_rand() % 4;
        for (size_t k = 0; k < n; k++) {
            at += next_rand() % 3 == 0 ? next_rand() % 4 : 0; /* a gap before, mostly none */
            sent[k].ns = at;
            at += next_rand() % 5 == 0 ? 0 : 1 + next_rand() % 12; /* empty at times */
            sent[k].ne = at;
            sent[k].para = 0;
        }
        size_t end = at + 3;
        d.sent = sent;
        d.nsent = n;
        d.sent_hint = next_rand() % (n + 3); /* any value, some past the end */
        size_t i = next_rand() % (end + 1);
        for (int q = 0; q < 200; q++) {
            switch (next_rand() % 6) {
            case 0: /* forward a little */
                i += next_rand() % 4;
                break;
            case 1: /* forward by some sentences */
                i += next_rand() % 40;
                break;
            case 2: /* back a little */
                i -= i ? next_rand() % (i < 6 ? i + 1 : 6) : 0;
                break;
            case 3: /* back by some sentences */
                i -= i ? next_rand() % (i < 60 ? i + 1 : 60) : 0;
                break;
            case 4: /* anywhere */
                i = next_rand() % (end + 1);
                break;
            default: /* the same offset again */
                break;
            }
            if (i > end)
                i = end;
            int want = slow_sentence_of(sent, n, i);
            int got = kj_sentence_of(&d, i);
            CHECK_FEW(got == want, "round %d: %zu sentences, offset %zu: %d, want %d", round, n, i,
                      got, want);
            if (next_rand() % 50 == 0)
                d.sent_hint = next_rand() % (n + 3); /* a stale hint */
        }
    }
    printf("sentence_of_test: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
