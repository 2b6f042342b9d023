/*
 * sort_test.c -- kj_sort (util.c), which leaves a list in order as it is,
 * merges the runs of a list of up to 8 KiB with scratch on the stack and
 * of a longer one in the caller's kept scratch (grown as needed, one buffer
 * for all rounds, as a warm doc keeps it), checked against a plain
 * insertion sort (stable): lists of 0-600 records (24 bytes, as the
 * mention lists; the longer ones take the kept-scratch path)
 * laid out as kj_sort's callers make them: in order, a sorted prefix and a
 * short random tail, a few sorted runs one after another, all random, and
 * reversed; keys from a small range, so many compare equal, and each
 * record's place in the input, so an equal pair out of input order fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kj.h"
#include "rand_text.h"

typedef struct {
    size_t ns, ne; /* the key: ns, then ne (as cmp_span) */
    size_t seq;    /* the place in the input: not compared */
} rec;

static int cmp_rec(const void *a, const void *b)
{
    const rec *x = a, *y = b;
    if (x->ns != y->ns)
        return x->ns < y->ns ? -1 : 1;
    return x->ne < y->ne ? -1 : x->ne > y->ne;
}

/* The reference: insertion sort, stable (an element moves left only past
 * a greater one). */
static void insertion_sort(rec *r, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        rec x = r[i];
        size_t j = i;
        while (j > 0 && cmp_rec(&r[j - 1], &x) > 0) {
            r[j] = r[j - 1];
            j--;
        }
        r[j] = x;
    }
}

static rec random_rec(size_t range)
{
    return (rec){(size_t)(next_rand() % range), (size_t)(next_rand() % 4), 0};
}

/* Fills r[0, n) in the layout `kind`. */
static void fill(rec *r, size_t n, int kind, size_t range)
{
    for (size_t i = 0; i < n; i++)
        r[i] = random_rec(range);
    switch (kind) {
    case 0: /* in order */
        insertion_sort(r, n);
        break;
    case 1: /* a sorted prefix, a random tail of up to 8 */
        insertion_sort(r, n > 8 ? n - (size_t)(next_rand() % 9) : 0);
        break;
    case 2: { /* a few sorted runs */
        size_t runs = 1 + (size_t)(next_rand() % 6);
        for (size_t a = 0; a < n;) {
            size_t len = n / runs + 1;
            if (len > n - a)
                len = n - a;
            insertion_sort(r + a, len);
            a += len;
        }
        break;
    }
    case 3: /* random */
        break;
    case 4: /* reversed */
        insertion_sort(r, n);
        for (size_t i = 0; i < n / 2; i++) {
            rec t = r[i];
            r[i] = r[n - 1 - i];
            r[n - 1 - i] = t;
        }
        break;
    }
    for (size_t i = 0; i < n; i++)
        r[i].seq = i;
}

int main(void)
{
    enum { MAXN = 600 };
    static rec got[MAXN], want[MAXN];
    kj_scratch scratch = {NULL, 0};
    int passed = 0, failed = 0;
    for (int round = 0; round < 4000; round++) {
        size_t n = (size_t)(next_rand() % (round % 10 == 0 ? MAXN + 1 : 40));
        int kind = (int)(next_rand() % 5);
        size_t range = 1 + (size_t)(next_rand() % (n + 2));
        fill(got, n, kind, range);
        memcpy(want, got, n * sizeof *got);
        insertion_sort(want, n);
        kj_sort(&scratch, got, n, sizeof *got, cmp_rec);
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++)
            ok = got[i].ns == want[i].ns && got[i].ne == want[i].ne && got[i].seq == want[i].seq;
        if (ok) {
            passed++;
        } else {
            failed++;
            if (failed <= 5)
                fprintf(stderr, "FAIL: round %d, %zu records, layout %d\n", round, n, kind);
        }
    }
    free(scratch.p);
    printf("sort_test: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
