/*
 * json.c -- the result JSON of a parse (README, "Result JSON"), written
 * straight into a buffer the doc keeps between parses (a warm doc does not
 * malloc here either).
 *
 * The bytes are exactly what jansson's json_dumpb gives for the same tree
 * built with json_object_set_new_nocheck in this key order, with
 * JSON_COMPACT | JSON_REAL_PRECISION(17), or JSON_INDENT(1) for
 * KIJI_JSON_PRETTY: the same string escapes (\" \\ \b \f \n \r \t, other
 * controls as \u00XX, everything else including '/' and non-ASCII as is), the
 * same integer ("%lld") and real ("%.17g", ".0" added when neither '.' nor
 * 'e' is present, '+' and leading zeros dropped from the exponent) forms, and
 * the same omissions: a key whose string value is NULL or not valid UTF-8, or
 * whose real is not finite, is left out, as json_string/json_real return
 * NULL for them. tests/json_test.c holds the jansson tree builder this
 * replaced and checks the two agree byte for byte.
 *
 * Spans are original byte offsets; a fact's "text" is the original bytes of
 * its span, so text == input[start:end] always holds.
 */
#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kj.h"

/* 2^53: integers up to this are exact in a double, so safe as JSON numbers
 * for every consumer. */
#define EXACT_INT ((int64_t)1 << 53)

/* Deepest nesting: root { facts [ fact { mentions [ span [ . */
#define JW_DEPTH 8

typedef struct jw {
    char *b;
    size_t n, cap;
    kiji_doc *d;
    bool pretty;
    bool oom;
    bool bad;             /* a key that is not valid UTF-8 */
    int depth;            /* open containers */
    bool first[JW_DEPTH]; /* no member written yet at this depth */
} jw;

/* Make room for k more bytes. On failure the writer keeps going in place
 * (writes are dropped) and reports KIJI_ERR_NOMEM at the end. */
static bool jw_grow(jw *w, size_t k)
{
    if (w->oom)
        return false;
    size_t cap = w->cap ? w->cap : 4096;
    while (cap < w->n + k)
        cap *= 2;
    char *b = realloc(w->b, cap);
    if (!b) {
        w->oom = true;
        return false;
    }
    w->b = b;
    w->cap = cap;
    w->d->json = b;
    w->d->json_cap = cap;
    return true;
}

/* The common case inline: the room is there. */
static inline bool jw_reserve(jw *w, size_t k)
{
    return w->n + k <= w->cap || jw_grow(w, k);
}

static inline void put(jw *w, const char *s, size_t k)
{
    if (jw_reserve(w, k)) {
        memcpy(w->b + w->n, s, k);
        w->n += k;
    }
}

static inline void putc1(jw *w, char c)
{
    if (jw_reserve(w, 1))
        w->b[w->n++] = c;
}

/* jansson's dump_indent: a newline and one space per level when pretty. */
static void indent(jw *w, int depth)
{
    if (!w->pretty)
        return;
    if (jw_reserve(w, (size_t)depth + 1)) {
        w->b[w->n++] = '\n';
        memset(w->b + w->n, ' ', (size_t)depth);
        w->n += (size_t)depth;
    }
}

/* Before a member of the innermost container: "," between members, and the
 * pretty-printer's newline and indentation. Inline: one of the most
 * frequent calls, and two tests in the compact form. */
static inline void member(jw *w)
{
    if (w->first[w->depth])
        w->first[w->depth] = false;
    else
        putc1(w, ',');
    indent(w, w->depth);
}

static void jw_open(jw *w, char c)
{
    putc1(w, c);
    w->depth++;
    w->first[w->depth] = true;
}

static void jw_close(jw *w, char c)
{
    bool empty = w->first[w->depth];
    w->depth--;
    if (!empty)
        indent(w, w->depth);
    putc1(w, c);
}

/* A key known to need no escaping (our own ASCII names). Inline, so that
 * the length of a literal key folds to a constant. */
static inline void key(jw *w, const char *k)
{
    member(w);
    size_t kl = __builtin_strlen(k);
    if (jw_reserve(w, kl + 4)) {
        char *p = w->b + w->n;
        *p++ = '"';
        memcpy(p, k, kl);
        p += kl;
        *p++ = '"';
        *p++ = ':';
        if (w->pretty)
            *p++ = ' ';
        w->n = (size_t)(p - w->b);
    }
}

/* "-9223372036854775808" is the longest integer: 20 bytes */
#define INT_MAX_LEN 20

/* v in decimal at o, which has room for INT_MAX_LEN bytes; returns the end. */
static inline char *int_at(char *o, int64_t v)
{
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    /* the digits are written straight into the buffer, last first, so
     * their count comes first */
    static const uint64_t pow10[20] = {1u,
                                       10u,
                                       100u,
                                       1000u,
                                       10000u,
                                       100000u,
                                       1000000u,
                                       10000000u,
                                       100000000u,
                                       1000000000u,
                                       10000000000u,
                                       100000000000u,
                                       1000000000000u,
                                       10000000000000u,
                                       100000000000000u,
                                       1000000000000000u,
                                       10000000000000000u,
                                       100000000000000000u,
                                       1000000000000000000u,
                                       10000000000000000000u};
    /* t = floor(log10(2) * bit length), 1233 / 4096 standing for log10(2):
     * the count is t or t + 1 (u | 1 keeps 0 at one digit) */
    unsigned bits = 64u - (unsigned)__builtin_clzll(u | 1);
    unsigned t = bits * 1233u >> 12;
    size_t nd = t + 1 - ((u | 1) < pow10[t]);
    if (v < 0)
        *o++ = '-';
    char *p = o + nd, *end = p;
    /* two digits per division */
    static const char pairs[] = "000102030405060708091011121314151617181920212223242526272829"
                                "303132333435363738394041424344454647484950515253545556575859"
                                "606162636465666768697071727374757677787980818283848586878889"
                                "90919293949596979899";
    while (u >= 10) {
        unsigned r = (unsigned)(u % 100);
        u /= 100;
        *--p = pairs[2 * r + 1];
        *--p = pairs[2 * r];
    }
    if (p > o)
        *--p = (char)('0' + u);
    return end;
}

/* Inline: the most frequent value (ids, offsets, sentence numbers), and a
 * call cost a fifth of its work. */
static inline void put_int(jw *w, int64_t v)
{
    if (jw_reserve(w, INT_MAX_LEN))
        w->n = (size_t)(int_at(w->b + w->n, v) - w->b);
}

/* Bytes that jansson escapes: the controls below 0x20, '"' and '\\'. */
/* clang-format off */
static const unsigned char needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1,
};
/* clang-format on */


/* None of the eight bytes of x is below 0x20, '"' or '\\', nor past ASCII
 * when high is 0x80..80 (high 0: the string is known valid UTF-8). For a
 * word x, (x - 0x01..) & ~x & 0x80.. is nonzero exactly when a byte of x
 * is 0, and (x - 0x20..) & ~x & 0x80.. when one is below 0x20. */
static inline bool plain8(uint64_t x, uint64_t high)
{
    const uint64_t ones = 0x0101010101010101u, tops = ones * 0x80;
    uint64_t qu = x ^ (ones * '"'), bs = x ^ (ones * '\\');
    return !(((x - ones * 0x20) & ~x & tops) | ((qu - ones) & ~qu & tops) |
             ((bs - ones) & ~bs & tops) | (x & high));
}

typedef unsigned char v16 __attribute__((vector_size(16)));
typedef uint64_t v2 __attribute__((vector_size(16)));

/* plain8 of sixteen bytes (GCC's vector extension: SSE2 compares on
 * x86-64, plain code elsewhere); ascii: a byte past ASCII is not plain. */
static inline bool plain16(v16 v, bool ascii)
{
    v16 m = (v < 0x20) | (v == '"') | (v == '\\');
    if (ascii)
        m |= v >= 0x80;
    v2 m2 = (v2)m;
    return !(m2[0] | m2[1]);
}

/* Write s[0..len) as a JSON string. checked: the bytes are known to be valid
 * UTF-8, so only the ASCII escapes are looked for. Returns false (having
 * written a partial string the caller rolls back) on invalid UTF-8. */
static bool put_str(jw *w, const char *str, size_t len, bool checked)
{
    /* Worst case: every byte a 6-byte \u00XX escape, plus the quotes. */
    if (!jw_reserve(w, len * 6 + 2))
        return true;
    const unsigned char *s = (const unsigned char *)str, *end = s + len;
    char *o = w->b + w->n;
    *o++ = '"';
    const uint64_t high = checked ? 0 : 0x8080808080808080u;
    /* Bytes copied as they are, sixteen or eight at a time while they
     * need no escape (and are ASCII unless the string is known valid). A
     * string of 4-16 bytes is tested at once, in one vector: one of 4-7 as
     * the word of its first four and last four bytes, one of 8-16 as its
     * first eight and last eight. The last 1-15 bytes of a longer one are
     * tested with its last sixteen, the last 1-7 with its last eight: when
     * all are plain, those before s were written as they are, one byte
     * each, so they are the last output bytes and the overlap is rewritten
     * with the same bytes. */
    if (len >= 4 && len <= 16) {
        v2 words;
        if (len >= 8) {
            uint64_t a, b;
            memcpy(&a, s, 8);
            memcpy(&b, end - 8, 8);
            words = (v2){a, b};
        } else {
            uint32_t a, b;
            memcpy(&a, s, 4);
            memcpy(&b, end - 4, 4);
            uint64_t x = (uint64_t)a | (uint64_t)b << 32;
            words = (v2){x, x};
        }
        if (plain16((v16)words, !checked)) {
            if (len >= 8) {
                memcpy(o, s, 8);
                memcpy(o + len - 8, end - 8, 8);
            } else {
                memcpy(o, s, 4);
                memcpy(o + len - 4, end - 4, 4);
            }
            o += len;
            s = end;
        }
    }
    while (s < end) {
        /* sixteen at a time first, in one vector, and the last 1-15
         * bytes of a string of sixteen or more with its last sixteen (as
         * the last eight below) */
        if (end - s >= 16) {
            v16 v;
            memcpy(&v, s, 16);
            if (plain16(v, !checked)) {
                memcpy(o, s, 16);
                o += 16;
                s += 16;
                continue;
            }
        } else if (len >= 16) {
            const unsigned char *t = end - 16;
            v16 v;
            memcpy(&v, t, 16);
            if (plain16(v, !checked)) {
                memcpy(o - (s - t), t, 16);
                o += end - s;
                s = end;
                break;
            }
        }
        if (end - s >= 8) {
            uint64_t x;
            memcpy(&x, s, 8);
            if (plain8(x, high)) {
                memcpy(o, s, 8);
                o += 8;
                s += 8;
                continue;
            }
        } else if (len >= 8) {
            const unsigned char *t = end - 8;
            uint64_t x;
            memcpy(&x, t, 8);
            if (plain8(x, high)) {
                memcpy(o - (s - t), t, 8);
                o += end - s;
                s = end;
                break;
            }
        }
        /* a byte of these eight (or of the last few) needs a look: all of
         * them one by one, so the next word test starts past it */
        const unsigned char *stop = end - s >= 8 ? s + 8 : end;
        while (s < stop) {
            unsigned char c = *s;
            if (!needs_escape[c] && (c < 0x80 || checked)) {
                *o++ = (char)c;
                s++;
                continue;
            }
            if (c >= 0x80) {
                /* kana and kanji inline, as in str_valid: a lead E1-EC or
                 * EE-EF and two continuation bytes are valid as they stand */
                if ((unsigned)(c - 0xE1) <= 0xEF - 0xE1 && c != 0xED && end - s >= 3 &&
                    (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
                    o[0] = (char)c;
                    o[1] = (char)s[1];
                    o[2] = (char)s[2];
                    o += 3;
                    s += 3;
                    continue;
                }
                size_t k = kj_u8_seq(s, (size_t)(end - s));
                if (!k)
                    return false;
                memcpy(o, s, k);
                o += k;
                s += k;
                continue;
            }
            *o++ = '\\';
            switch (c) {
            case '"':
                *o++ = '"';
                break;
            case '\\':
                *o++ = '\\';
                break;
            case '\b':
                *o++ = 'b';
                break;
            case '\f':
                *o++ = 'f';
                break;
            case '\n':
                *o++ = 'n';
                break;
            case '\r':
                *o++ = 'r';
                break;
            case '\t':
                *o++ = 't';
                break;
            default:
                *o++ = 'u';
                *o++ = '0';
                *o++ = '0';
                *o++ = "0123456789ABCDEF"[c >> 4];
                *o++ = "0123456789ABCDEF"[c & 15];
            }
            s++;
        }
    }
    *o++ = '"';
    w->n = (size_t)(o - w->b);
    return true;
}

/* "key": "value", or nothing at all when s is NULL or not valid UTF-8 (the
 * member is rolled back). Returns whether the member was written. Always
 * inline, like kv_str and kv_int, so that key's strlen of a literal key
 * folds to a constant. */
static inline __attribute__((always_inline)) bool kv_strn(jw *w, const char *k, const char *s,
                                                          size_t len, bool checked)
{
    if (!s)
        return false;
    size_t at = w->n;
    bool first = w->first[w->depth];
    key(w, k);
    if (put_str(w, s, len, checked))
        return true;
    w->n = at;
    w->first[w->depth] = first;
    return false;
}

static inline __attribute__((always_inline)) bool kv_str(jw *w, const char *k, const char *s)
{
    return kv_strn(w, k, s, s ? strlen(s) : 0, false);
}

/* "key": "name" for a name of our own that needs no escaping (a fact
 * type's or a qualifier's: lowercase ASCII letters and '_', as
 * tests/json_test checks), copied as it is; nothing when name is NULL.
 * Returns whether the member was written. */
static inline __attribute__((always_inline)) bool kv_name(jw *w, const char *k, const char *name)
{
    if (!name)
        return false;
    key(w, k);
    size_t n = strlen(name);
    if (jw_reserve(w, n + 2)) {
        char *o = w->b + w->n;
        *o++ = '"';
        memcpy(o, name, n);
        o += n;
        *o++ = '"';
        w->n = (size_t)(o - w->b);
    }
    return true;
}

static inline __attribute__((always_inline)) void kv_int(jw *w, const char *k, int64_t v)
{
    key(w, k);
    put_int(w, v);
}

/* jansson's jsonp_dtostr at precision 17, from the "%.17g" text. */
static void put_real(jw *w, const char *g)
{
    char buf[40];
    size_t len = strlen(g);
    if (len + 3 > sizeof buf)
        len = sizeof buf - 3;
    memcpy(buf, g, len);
    buf[len] = 0;
    const char *point = localeconv()->decimal_point;
    if (*point != '.') {
        char *pos = strchr(buf, *point);
        if (pos)
            *pos = '.';
    }
    if (!strchr(buf, '.') && !strchr(buf, 'e')) {
        buf[len++] = '.';
        buf[len++] = '0';
        buf[len] = 0;
    }
    char *start = strchr(buf, 'e');
    if (start) {
        start++;
        char *end = start + 1;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, len - (size_t)(end - buf) + 1);
            len -= (size_t)(end - start);
        }
    }
    put(w, buf, len);
}

/* Powers of ten a double holds exactly: 10^22 is the last. */
static const double exact_pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* m * 10^e for the common reals of news text (a mantissa below 2^53, a few
 * decimals, shown in "%.17g"'s fixed form) without strtod and snprintf: *dv
 * is strtod's value of the decimal, g its "%.17g" text in the C locale.
 * Returns false (g and *dv unset) outside that range; the caller formats
 * those through the C library. tests/json_real_test.c compares the two on
 * many values. */
static bool fast_real(int64_t m, int32_t e, double *dv, char *g, size_t size)
{
    if (m == 0 || e >= 0 || e < -22 || m > EXACT_INT || m < -EXACT_INT || size < 32)
        return false;
    const char *point = localeconv()->decimal_point;
    if (point[0] != '.' || point[1])
        return false;
    uint64_t am = m < 0 ? (uint64_t)0 - (uint64_t)m : (uint64_t)m;
    /* Both operands exact, so the one rounding of the division gives the
     * decimal's nearest double, as strtod does (Clinger's fast path). */
    double x = (double)am / exact_pow10[-e];
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int be = (int)(bits >> 52 & 0x7FF);
    if (be == 0)
        return false; /* subnormal: no such value in this range anyway */
    /* x = mant * 2^bexp exactly */
    uint64_t mant = (bits & (((uint64_t)1 << 52) - 1)) | (uint64_t)1 << 52;
    int bexp = be - 1075;
    /* p: the decimal exponent of x's first digit, first that of the decimal
     * (x may fall just below it: then x * 10^(16 - p) has 16 digits before
     * rounding and p is one less); q: x * 10^(16 - p) rounded to an integer,
     * ties to even as glibc's printf rounds */
    int nd = 0;
    for (uint64_t t = am; t; t /= 10)
        nd++;
    int p = nd - 1 + e;
    const uint64_t lo17 = 10000000000000000u, hi17 = 100000000000000000u;
    if (bexp > 0 || bexp <= -128)
        return false;
    unsigned sh = (unsigned)-bexp;
    unsigned __int128 q;
    for (int tries = 0;; tries++) {
        int s = 16 - p;
        if (p < -4 || p > 16)
            return false;
        /* below 2^53 * 10^20 < 2^120 */
        unsigned __int128 n = (unsigned __int128)mant * (uint64_t)exact_pow10[s < 19 ? s : 19];
        if (s == 20)
            n *= 10;
        q = n >> sh;
        if (q < lo17) { /* x is below the decimal's power of ten */
            if (tries)
                return false;
            p--;
            continue;
        }
        if (sh) {
            unsigned __int128 rem = n - (q << sh), half = (unsigned __int128)1 << (sh - 1);
            if (rem > half || (rem == half && (q & 1)))
                q++;
        }
        break;
    }
    if (q > hi17)
        return false;
    if (q == hi17) { /* rounded up to the next power of ten */
        q = lo17;
        p++;
        if (p > 16)
            return false;
    }
    char dig[17];
    uint64_t d17 = (uint64_t)q;
    for (int i = 16; i >= 0; i--) {
        dig[i] = (char)('0' + d17 % 10);
        d17 /= 10;
    }
    int nz = 17;
    while (nz > 1 && dig[nz - 1] == '0')
        nz--;
    size_t o = 0;
    if (m < 0)
        g[o++] = '-';
    if (p >= 0) {
        for (int i = 0; i <= p; i++)
            g[o++] = dig[i];
        if (nz > p + 1) {
            g[o++] = '.';
            for (int i = p + 1; i < nz; i++)
                g[o++] = dig[i];
        }
    } else {
        g[o++] = '0';
        g[o++] = '.';
        for (int i = 0; i < -p - 1; i++)
            g[o++] = '0';
        for (int i = 0; i < nz; i++)
            g[o++] = dig[i];
    }
    g[o] = 0;
    *dv = m < 0 ? -x : x;
    return true;
}

/* A number: an integer when exact within 2^53, else a real plus the exact
 * decimal under skey when the real does not print back the same. Returns
 * bit 0 when k was written, bit 1 when skey was. */
static unsigned kv_num(jw *w, const char *k, const char *skey, kj_num v)
{
    int64_t m = v.mant;
    int32_t e = v.exp;
    /* Strip trailing zeros of the mantissa into the exponent. */
    while (m != 0 && m % 10 == 0 && e < 0) {
        m /= 10;
        e++;
    }
    if (e >= 0) {
        bool fits = true;
        int64_t x = m;
        for (int32_t i = 0; i < e && fits; i++) {
            if (x > INT64_MAX / 10 || x < INT64_MIN / 10)
                fits = false;
            else
                x *= 10;
        }
        if (fits && x <= EXACT_INT && x >= -EXACT_INT) {
            kv_int(w, k, x);
            return 1;
        }
    }
    char buf[64], back[64];
    kj_num n = {m, e, true};
    kj_num_str(n, buf, sizeof buf);
    double dv;
    if (!fast_real(m, e, &dv, back, sizeof back)) {
        dv = kj_num_double(n);
        snprintf(back, sizeof back, "%.17g", dv);
    }
    unsigned got = 0;
    if (isfinite(dv)) {
        key(w, k);
        put_real(w, back);
        got |= 1;
    }
    /* A double cannot hold every decimal exactly: give the exact form too. */
    if (strcmp(back, buf) != 0 && kv_str(w, skey, buf))
        got |= 2;
    return got;
}

static void put_span(jw *w, size_t s, size_t e)
{
    jw_open(w, '[');
    member(w);
    put_int(w, (int64_t)s);
    member(w);
    put_int(w, (int64_t)e);
    jw_close(w, ']');
}

/* The most numerous part of the output. Compact, the list is written at
 * once into room reserved for all of it: "[", then "[start,end]" per
 * mention with a comma between, then "]" (at most 44 bytes a mention), the
 * bytes the general path below writes through jw_open, member, put_span
 * and jw_close, which leave the writer's state as they found it. */
#define MENTION_MAX_LEN (2 * INT_MAX_LEN + 4)

static void put_mentions(jw *w, const kiji_doc *d, const kj_fact *f)
{
    size_t n = f->nmentions;
    if (!w->pretty && n <= (SIZE_MAX - 2) / MENTION_MAX_LEN &&
        jw_reserve(w, n * MENTION_MAX_LEN + 2)) {
        char *p = w->b + w->n;
        *p++ = '[';
        for (size_t i = 0; i < n; i++) {
            size_t s, e;
            kj_span_orig(d, f->mentions[i].ns, f->mentions[i].ne, &s, &e);
            if (i)
                *p++ = ',';
            *p++ = '[';
            p = int_at(p, (int64_t)s);
            *p++ = ',';
            p = int_at(p, (int64_t)e);
            *p++ = ']';
        }
        *p++ = ']';
        w->n = (size_t)(p - w->b);
        return;
    }
    jw_open(w, '[');
    for (size_t i = 0; i < f->nmentions; i++) {
        size_t s, e;
        kj_span_orig(d, f->mentions[i].ns, f->mentions[i].ne, &s, &e);
        member(w);
        put_span(w, s, e);
    }
    jw_close(w, ']');
}

/* The original bytes [s, e) are valid UTF-8 when the whole input is (checked
 * at parse) and neither end falls inside a character. */
static bool orig_span_valid(const kiji_doc *d, size_t s, size_t e)
{
    const unsigned char *o = (const unsigned char *)d->orig;
    if (s > e || e > d->orig_len)
        return false;
    return (s == d->orig_len || (o[s] & 0xC0) != 0x80) &&
           (e == d->orig_len || (o[e] & 0xC0) != 0x80);
}

/* The fixed keys a fact object holds: an attribute never overrides one. */
typedef struct keyset {
    const char *k[16];
    int n;
    /* bit b & 63 for the first byte b of each key: a name whose first byte
     * has no bit here is none of them (most attributes: currency, unit) */
    uint64_t first;
} keyset;

static bool has_key(const keyset *ks, const char *k)
{
    if (!(ks->first >> ((unsigned char)k[0] & 63) & 1))
        return false;
    for (int i = 0; i < ks->n; i++)
        if (ks->k[i][0] == k[0] && strcmp(ks->k[i], k) == 0)
            return true;
    return false;
}

/* Is the string s valid UTF-8? One pass to its NUL, the common
 * three-byte sequences (kana, kanji) checked inline: a lead E1-EC or EE-EF
 * and two continuation bytes are valid as they stand (only E0 and ED have
 * narrower second bytes); kj_u8_seq decides the rest, from the bytes
 * before the NUL (a sequence never holds one, and is at most four long). */
static bool str_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        unsigned char c = *p;
        if (c < 0x80) {
            if (!c)
                return true;
            p++;
            continue;
        }
        if ((unsigned)(c - 0xE1) <= 0xEF - 0xE1 && c != 0xED && (p[1] & 0xC0) == 0x80 &&
            (p[2] & 0xC0) == 0x80) {
            p += 3;
            continue;
        }
        size_t n = 1; /* the bytes before the NUL, up to four */
        while (n < 4 && p[n])
            n++;
        size_t k = kj_u8_seq(p, n);
        if (!k)
            return false;
        p += k;
    }
}

static bool attr_valid(const kj_attr *a)
{
    return a->kind != KJ_ATTR_STR || !a->s || str_valid(a->s);
}

/* An earlier attribute of the same name made it into the object. */
static bool attr_shadowed(const kj_fact *f, const kj_attr *a)
{
    for (const kj_attr *b = f->attrs; b != a; b = b->next)
        if (strcmp(b->key, a->key) == 0 && attr_valid(b))
            return true;
    return false;
}

/* An attribute's key, escaped like any string (recognizers name them).
 * Most are our own names of plain ASCII of 4 to 16 bytes (unit,
 * currency): tested (plain16) and copied as two words that may overlap
 * when none of their bytes needs a look (a control, '"', '\\' or past
 * ASCII; 0x7F is plain, as in put_str); any other takes put_str. */
static void attr_key(jw *w, const char *k)
{
    member(w);
    size_t n = strlen(k);
    if (n >= 4 && n <= 16 && jw_reserve(w, n + 4)) {
        char *o = w->b + w->n + 1;
        v2 words;
        if (n >= 8) {
            uint64_t a, b;
            memcpy(&a, k, 8);
            memcpy(&b, k + n - 8, 8);
            memcpy(o, &a, 8);
            memcpy(o + n - 8, &b, 8);
            words = (v2){a, b};
        } else {
            uint32_t a, b;
            memcpy(&a, k, 4);
            memcpy(&b, k + n - 4, 4);
            memcpy(o, &a, 4);
            memcpy(o + n - 4, &b, 4);
            uint64_t x = (uint64_t)a | (uint64_t)b << 32;
            words = (v2){x, x};
        }
        /* written in any case: put_str writes over them */
        if (plain16((v16)words, true)) {
            o[-1] = '"';
            o += n;
            *o++ = '"';
            *o++ = ':';
            if (w->pretty)
                *o++ = ' ';
            w->n = (size_t)(o - w->b);
            return;
        }
    }
    if (!put_str(w, k, n, false))
        w->bad = true; /* jansson's dump fails on such a key as well */
    if (w->pretty)
        put(w, ": ", 2);
    else
        putc1(w, ':');
}

/* The literal s at p; returns its end. Inline, so that the length folds
 * to a constant. */
static inline char *lit(char *p, const char *s)
{
    size_t n = __builtin_strlen(s);
    memcpy(p, s, n);
    return p + n;
}

/* The most put_fact's compact start takes: {"id":N,"type":"" (the type
 * name's length apart), and ,"start":N,"end":N,"sentence":N. */
#define FACT_HEAD_LEN (sizeof "{\"id\":,\"type\":\"\"" + INT_MAX_LEN)
#define FACT_SPAN_LEN (sizeof ",\"start\":,\"end\":,\"sentence\":" + 3 * INT_MAX_LEN)

static void put_fact(jw *w, const kiji_doc *d, const kj_fact *f)
{
    keyset ks;
    ks.n = 0;
    ks.first = 0;
    /* Mark where the fixed keys went by name, to test attributes against. */
#define MARK(name) (ks.first |= 1ull << ((unsigned char)(name)[0] & 63), ks.k[ks.n++] = (name))
    /* The compact form of the members every fact starts with written at
     * once, into room reserved for them all; the general way below. */
    const char *type = kiji_fact_type_name(f->type);
    size_t tl = type ? strlen(type) : 0;
    if (!w->pretty && type && jw_reserve(w, FACT_HEAD_LEN + tl)) {
        char *p = w->b + w->n;
        p = lit(p, "{\"id\":");
        p = int_at(p, f->id);
        p = lit(p, ",\"type\":\"");
        memcpy(p, type, tl);
        p += tl;
        *p++ = '"';
        w->n = (size_t)(p - w->b);
        w->depth++;
        w->first[w->depth] = false;
    } else {
        jw_open(w, '{');
        kv_int(w, "id", f->id);
        kv_name(w, "type", type);
    }
    MARK("id");
    if (type)
        MARK("type");
    /* A span cut inside a character is no valid string: no "text" then. */
    if (orig_span_valid(d, f->start, f->end) &&
        kv_strn(w, "text", d->orig + f->start, f->end - f->start, true))
        MARK("text");
    if (!w->pretty && jw_reserve(w, FACT_SPAN_LEN)) {
        /* ",start":N,"end":N(,"sentence":N): "id" came before */
        char *p = w->b + w->n;
        p = lit(p, ",\"start\":");
        p = int_at(p, (int64_t)f->start);
        p = lit(p, ",\"end\":");
        p = int_at(p, (int64_t)f->end);
        if (f->sentence >= 0) {
            p = lit(p, ",\"sentence\":");
            p = int_at(p, f->sentence);
        }
        w->n = (size_t)(p - w->b);
    } else {
        kv_int(w, "start", (int64_t)f->start);
        kv_int(w, "end", (int64_t)f->end);
        if (f->sentence >= 0)
            kv_int(w, "sentence", f->sentence);
    }
    MARK("start");
    MARK("end");
    if (f->sentence >= 0)
        MARK("sentence");
    if (f->name && kv_str(w, "name", f->name))
        MARK("name");
    if (f->value.ok) {
        unsigned got = kv_num(w, "value", "value_str", f->value);
        if (got & 1)
            MARK("value");
        if (got & 2)
            MARK("value_str");
    }
    if (f->max.ok) {
        unsigned got = kv_num(w, "max", "max_str", f->max);
        if (got & 1)
            MARK("max");
        if (got & 2)
            MARK("max_str");
    }
    const char *q = kj_qualifier_name(f->qualifier);
    if (q && kv_name(w, "qualifier", q))
        MARK("qualifier");
    if (f->equivalent > 0) {
        kv_int(w, "equivalent", f->equivalent);
        MARK("equivalent");
    }
    if (f->speaker > 0) {
        kv_int(w, "speaker", f->speaker);
        MARK("speaker");
    }
    if (f->affiliation > 0) {
        kv_int(w, "affiliation", f->affiliation);
        MARK("affiliation");
    }
    bool mentions_done = false;
    for (const kj_attr *a = f->attrs; a; a = a->next) {
        /* Core fields above win over an attribute of the same name, and the
         * first attribute of a name over later ones; a string that is not
         * valid UTF-8 is no member at all. */
        if (has_key(&ks, a->key) || !attr_valid(a) || attr_shadowed(f, a))
            continue;
        if (f->nmentions && strcmp(a->key, "mentions") == 0) {
            /* The mentions replace this member's value in place. */
            attr_key(w, a->key);
            put_mentions(w, d, f);
            mentions_done = true;
            continue;
        }
        attr_key(w, a->key);
        switch (a->kind) {
        case KJ_ATTR_STR:
            if (a->s)
                put_str(w, a->s, strlen(a->s), true);
            else
                put(w, "null", 4);
            break;
        case KJ_ATTR_INT:
            put_int(w, a->i);
            break;
        case KJ_ATTR_BOOL:
            if (a->i)
                put(w, "true", 4);
            else
                put(w, "false", 5);
            break;
        default:
            put(w, "null", 4);
        }
    }
    if (f->nmentions && !mentions_done) {
        key(w, "mentions");
        put_mentions(w, d, f);
    }
    jw_close(w, '}');
#undef MARK
}

/* "%04d-%02d-%02d", "%04d-%02d" or "%04d" as the month and day are given,
 * for a year of 1-9999 and a month and day of 0-99 (buf holds 11 bytes). */
static void date_str(char *buf, int y, int m, int d)
{
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    size_t n = 4;
    if (m) {
        buf[n++] = '-';
        buf[n++] = (char)('0' + m / 10);
        buf[n++] = (char)('0' + m % 10);
        if (d) {
            buf[n++] = '-';
            buf[n++] = (char)('0' + d / 10);
            buf[n++] = (char)('0' + d % 10);
        }
    }
    buf[n] = 0;
}

static void put_doc(jw *w, const kiji_doc *d)
{
    jw_open(w, '{');
    kv_int(w, "schema", KIJI_SCHEMA);
    if (d->id)
        kv_str(w, "id", d->id);
    kv_str(w, "lang", d->lang == KJ_LANG_EN ? "en" : "ja");
    if (d->pub_y) {
        char buf[32];
        if (d->pub_y > 0 && d->pub_y <= 9999 && d->pub_m >= 0 && d->pub_m <= 99 &&
            d->pub_d >= 0 && d->pub_d <= 99)
            date_str(buf, d->pub_y, d->pub_m, d->pub_d);
        else if (d->pub_m && d->pub_d)
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->pub_y, d->pub_m, d->pub_d);
        else if (d->pub_m)
            snprintf(buf, sizeof buf, "%04d-%02d", d->pub_y, d->pub_m);
        else
            snprintf(buf, sizeof buf, "%04d", d->pub_y);
        kv_str(w, "published", buf);
    } else {
        key(w, "published");
        put(w, "null", 4);
    }
    kv_str(w, "published_source", d->pub_source ? d->pub_source : "none");

    key(w, "source");
    jw_open(w, '{');
    kv_str(w, "agency", d->agency);
    kv_str(w, "credit", d->credit);
    kv_str(w, "copyright", d->copyright);
    kv_str(w, "url", d->url);
    jw_close(w, '}');

    key(w, "title");
    jw_open(w, '{');
    kv_str(w, "original", d->title_original);
    if (d->title_revision)
        kv_int(w, "revision", d->title_revision);
    if (d->title_excerpt) {
        key(w, "excerpt");
        put(w, "true", 4);
    }
    jw_close(w, '}');

    key(w, "credits");
    jw_open(w, '[');
    for (size_t i = 0; i < d->ncredits; i++) {
        member(w);
        jw_open(w, '{');
        kv_str(w, "role", d->credits[i].role);
        kv_str(w, "name", d->credits[i].name);
        jw_close(w, '}');
    }
    jw_close(w, ']');

    size_t bs, be;
    kj_span_orig(d, d->body_ns, d->body_ne, &bs, &be);
    key(w, "body");
    put_span(w, bs, be);
    kv_int(w, "sentences", (int64_t)d->nsent);

    key(w, "limits");
    jw_open(w, '[');
    if (d->facts_truncated) {
        member(w);
        put_str(w, "max_facts", 9, true);
    }
    jw_close(w, ']');

    key(w, "facts");
    jw_open(w, '[');
    for (size_t i = 0; i < d->nfacts; i++) {
        member(w);
        put_fact(w, d, &d->facts[i]);
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

int kiji_doc_json(kiji_doc *d, unsigned flags, const char **out, size_t *len)
{
    if (!d || !out)
        return KIJI_ERR_ARG;
    jw w = {.b = d->json, .cap = d->json_cap, .d = d, .pretty = (flags & KIJI_JSON_PRETTY) != 0};
    w.first[0] = true;
    put_doc(&w, d);
    if (w.oom || !jw_reserve(&w, 1))
        return KIJI_ERR_NOMEM;
    if (w.bad)
        return KIJI_ERR_JSON;
    w.b[w.n] = 0;
    d->json_len = w.n;
    *out = w.b;
    if (len)
        *len = w.n;
    return KIJI_OK;
}
