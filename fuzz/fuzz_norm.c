/*
 * fuzz_norm.c -- the NFKC stage and its offset map (norm.c), called
 * directly through the private API on valid UTF-8 without NUL (what
 * kiji_parse lets through).
 *
 * Round-trip invariant: the map cuts d->norm into chunks, each mapping to
 * one original span [ms, me) on code point boundaries; the chunks are in
 * order and do not overlap; NFKC of each original span (CR LF and CR read
 * as LF) is exactly the chunk's normalized bytes, and original text between
 * chunks normalizes to nothing. When no chunk was cut at norm.c's
 * MAX_CHUNK code points, the whole d->norm also equals ICU's NFKC of the
 * whole input. kj_span_orig of every code point lands on boundaries.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>

#include "fuzz.h"
#include "kj.h"

#define MAX_CHUNK 32 /* norm.c's cut; a chunk this long skips the whole-text check */

/* NFKC of s[0, n) with CR LF and lone CR read as LF, in malloc'd UTF-8. */
static char *nfkc(const UNormalizer2 *nf, const char *s, size_t n, size_t *outlen)
{
    char *lf = malloc(n + 1);
    FZ_CHECK(lf, "malloc");
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            lf[k++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else {
            lf[k++] = s[i];
        }
    }
    UErrorCode st = U_ZERO_ERROR;
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, lf, (int32_t)k, &st);
    UChar *u = malloc(((size_t)ulen + 1) * sizeof *u);
    FZ_CHECK(u, "malloc");
    st = U_ZERO_ERROR;
    u_strFromUTF8(u, ulen + 1, NULL, lf, (int32_t)k, &st);
    FZ_CHECK(U_SUCCESS(st), "u_strFromUTF8: %s", u_errorName(st));
    free(lf);
    st = U_ZERO_ERROR;
    int32_t rlen = unorm2_normalize(nf, u, ulen, NULL, 0, &st);
    UChar *r = malloc(((size_t)rlen + 1) * sizeof *r);
    FZ_CHECK(r, "malloc");
    st = U_ZERO_ERROR;
    unorm2_normalize(nf, u, ulen, r, rlen + 1, &st);
    FZ_CHECK(U_SUCCESS(st), "unorm2_normalize: %s", u_errorName(st));
    free(u);
    int32_t olen = 0;
    st = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &olen, r, rlen, &st);
    char *out = malloc((size_t)olen + 1);
    FZ_CHECK(out, "malloc");
    st = U_ZERO_ERROR;
    u_strToUTF8(out, olen + 1, NULL, r, rlen, &st);
    FZ_CHECK(U_SUCCESS(st), "u_strToUTF8: %s", u_errorName(st));
    free(r);
    *outlen = (size_t)olen;
    return out;
}

static size_t code_points(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static kiji_doc *d;
    if (!d) {
        d = kiji_doc_new(fz_parser(0, false));
        FZ_CHECK(d, "kiji_doc_new");
    }
    if (size == 0 || size > KIJI_DEFAULT_MAX_INPUT || memchr(data, 0, size) ||
        !fz_utf8_valid(data, size))
        return 0; /* kiji_parse refuses these before normalizing */

    jmp_buf jb;
    d->oom = &jb;
    if (setjmp(jb))
        fz_fail(__FILE__, __LINE__, "oom", "the arena cap was hit by %zu bytes", size);
    kj_arena_reset(&d->arena);
    d->orig = kj_strndup(d, (const char *)data, size);
    d->orig_len = size;
    kiji_error err = {0};
    int rc = kj_normalize(d, &err);
    FZ_CHECK(rc == KIJI_OK, "kj_normalize: %s", err.text);
    d->oom = NULL;

    const char *orig = d->orig, *norm = d->norm;
    size_t olen = d->orig_len, nlen = d->norm_len;
    const uint8_t *ou = (const uint8_t *)orig;
    FZ_CHECK(norm[nlen] == '\0', "norm is not terminated");
    FZ_CHECK(fz_utf8_valid(norm, nlen), "norm is not valid UTF-8");
    FZ_CHECK(!memchr(norm, '\r', nlen), "a CR survived normalization");
    FZ_CHECK(d->map_start[nlen] == olen, "the sentinel is not %zu", olen);

    const UNormalizer2 *nf = d->p->nfkc;
    size_t cursor = 0; /* original bytes accounted for */
    bool cut = false;
    size_t i = 0;
    while (i < nlen) {
        size_t ms = d->map_start[i], me = kj_map_end(d, i);
        FZ_CHECK(ms < me && me <= olen, "norm byte %zu maps to [%zu, %zu)", i, ms, me);
        FZ_CHECK(fz_boundary(ou, olen, ms) && fz_boundary(ou, olen, me),
                 "norm byte %zu maps inside a code point: [%zu, %zu)", i, ms, me);
        FZ_CHECK(((unsigned char)norm[i] & 0xC0) != 0x80,
                 "a chunk starts inside a normalized code point at %zu", i);
        FZ_CHECK(ms >= cursor, "chunk at norm %zu maps to [%zu, %zu), overlapping %zu", i, ms, me,
                 cursor);
        size_t j = i;
        while (j < nlen && d->map_start[j] == ms && kj_map_end(d, j) == me)
            j++;
        if (ms > cursor) {
            size_t gl;
            char *gap = nfkc(nf, orig + cursor, ms - cursor, &gl);
            FZ_CHECK(gl == 0, "original [%zu, %zu) normalizes to %zu bytes but maps to none",
                     cursor, ms, gl);
            free(gap);
        }
        size_t el;
        char *want = nfkc(nf, orig + ms, me - ms, &el);
        FZ_CHECK(el == j - i && memcmp(want, norm + i, el) == 0,
                 "chunk [%zu, %zu) -> norm [%zu, %zu) is not NFKC of its original bytes", ms, me,
                 i, j);
        free(want);
        if (code_points(orig + ms, me - ms) >= MAX_CHUNK)
            cut = true;
        cursor = me;
        i = j;
    }
    if (cursor < olen) {
        size_t gl;
        char *gap = nfkc(nf, orig + cursor, olen - cursor, &gl);
        FZ_CHECK(gl == 0, "the tail [%zu, %zu) normalizes to %zu bytes but maps to none", cursor,
                 olen, gl);
        free(gap);
    }
    if (!cut) {
        size_t wl;
        char *whole = nfkc(nf, orig, olen, &wl);
        FZ_CHECK(wl == nlen && memcmp(whole, norm, wl) == 0,
                 "chunked NFKC (%zu bytes) differs from whole-text NFKC (%zu bytes)", nlen, wl);
        free(whole);
    }

    /* Every normalized code point maps back onto whole original ones. */
    size_t prev = 0;
    for (size_t a = 0; a < nlen;) {
        size_t b = a + (size_t)kj_u8_len((unsigned char)norm[a]);
        FZ_CHECK(b <= nlen, "kj_u8_len runs past the end at %zu", a);
        size_t s, e;
        kj_span_orig(d, a, b, &s, &e);
        FZ_CHECK(s < e && e <= olen && fz_boundary(ou, olen, s) && fz_boundary(ou, olen, e),
                 "kj_span_orig(%zu, %zu) = [%zu, %zu)", a, b, s, e);
        FZ_CHECK(s >= prev, "spans go backwards at %zu", a);
        prev = s;
        a = b;
    }
    size_t s, e;
    kj_span_orig(d, nlen, nlen, &s, &e);
    FZ_CHECK(s == olen && e == olen, "the empty span at the end maps to [%zu, %zu)", s, e);
    return 0;
}
