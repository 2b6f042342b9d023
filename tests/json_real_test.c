/*
 * json_real_test.c -- the reals of the result JSON: the writer formats the
 * common ones (a mantissa below 2^53, up to 22 decimals, "%.17g" in fixed
 * form) itself instead of through strtod and snprintf. Here every value must
 * come out as the C library's way gives it: "value" as jansson dumps
 * json_real(strtod of the decimal) at JSON_REAL_PRECISION(17), and
 * "value_str" (the exact decimal) exactly when "%.17g" of that double differs
 * from it. Values: edge cases by hand (powers of ten, the largest mantissas,
 * ties, the ends of the fixed form) and many random ones of every length.
 */
#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "kj.h"
#include "rand_text.h"

static int checked, failed;

/* A small deterministic generator (xorshift64*). */
/* What the writer must give for n: the members "value" (and "value_str")
 * as the C library and jansson format them, written to want. */
static void expected(kj_num n, char *want, size_t size)
{
    int64_t m = n.mant;
    int32_t e = n.exp;
    while (m != 0 && m % 10 == 0 && e < 0) {
        m /= 10;
        e++;
    }
    kj_num s = {m, e, true};
    char buf[64], back[64];
    kj_num_str(s, buf, sizeof buf);
    double dv = kj_num_double(s);
    snprintf(back, sizeof back, "%.17g", dv);
    json_t *r = json_real(dv);
    char *v = r ? json_dumps(r, JSON_ENCODE_ANY | JSON_COMPACT | JSON_REAL_PRECISION(17)) : NULL;
    size_t o = 0;
    if (v)
        o = (size_t)snprintf(want, size, "\"value\":%s", v);
    if (strcmp(back, buf) != 0)
        snprintf(want + o, size - o, "%s\"value_str\":\"%s\"", o ? "," : "", buf);
    else
        want[o] = 0;
    free(v);
    json_decref(r);
}

static void check(kiji_doc *d, kj_num n)
{
    /* integers take the writer's integer path: only reals are of interest */
    int64_t m = n.mant;
    int32_t e = n.exp;
    while (m != 0 && m % 10 == 0 && e < 0) {
        m /= 10;
        e++;
    }
    if (e >= 0)
        return;
    d->facts[0].value = n;
    const char *out;
    size_t len;
    checked++;
    if (kiji_doc_json(d, 0, &out, &len) != KIJI_OK) {
        failed++;
        fprintf(stderr, "FAIL %" PRId64 "e%d: no JSON\n", n.mant, n.exp);
        return;
    }
    char want[256];
    expected(n, want, sizeof want);
    const char *at = strstr(out, "\"value\":");
    if (!at)
        at = strstr(out, "\"value_str\":");
    size_t wl = strlen(want);
    if (!at || strncmp(at, want, wl) != 0 || (at[wl] != ',' && at[wl] != '}')) {
        if (failed++ < 20)
            fprintf(stderr, "FAIL %" PRId64 "e%d: want %s, got %.80s\n", n.mant, n.exp, want,
                    at ? at : "(none)");
    }
}

static void run(kiji_doc *d, int rounds)
{
    static const int64_t mants[] = {
        1, 5, 9, 10, 11, 15, 25, 35, 45, 95, 99, 101, 125, 999, 1001,
        123456789, 999999999999999, 1000000000000001, 9999999999999999,
        9007199254740991, 9007199254740992, 9007199254740993, 4503599627370497,
        2251799813685249, 5000000000000001, 12345678901234567, INT64_MAX,
    };
    for (size_t i = 0; i < sizeof mants / sizeof mants[0]; i++)
        for (int32_t e = -26; e <= 2; e++) {
            check(d, (kj_num){mants[i], e, true});
            check(d, (kj_num){-mants[i], e, true});
        }
    for (int r = 0; r < rounds; r++) {
        uint64_t x = next_rand();
        int digits = 1 + (int)(next_rand() % 19);
        uint64_t lim = 1;
        for (int k = 0; k < digits; k++)
            lim *= 10;
        int64_t m = (int64_t)(x % lim);
        if (next_rand() & 1)
            m = -m;
        int32_t e = -(int32_t)(next_rand() % 25);
        check(d, (kj_num){m, e, true});
    }
}

int main(void)
{
    kiji_parser *p;
    kiji_doc *d = base_doc(&p);
    if (!d)
        return 2;
    d->facts[0].max.ok = false;
    d->nfacts = 1;
    run(d, 200000);
    /* a locale whose decimal point is a comma, when the system has one: the
     * writer must still match what the C library gives there */
    static const char *const comma[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE.utf8", "fr_FR.utf8"};
    for (size_t i = 0; i < sizeof comma / sizeof comma[0]; i++)
        if (setlocale(LC_NUMERIC, comma[i])) {
            run(d, 2000);
            setlocale(LC_NUMERIC, "C");
            break;
        }
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("%d passed, %d failed\n", checked - failed, failed);
    return failed ? 1 : 0;
}
