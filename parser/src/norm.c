/*
 * norm.c -- NFKC normalization with an exact map back to original bytes.
 *
 * The input is cut into normalization chunks: a code point with a boundary
 * before it plus the code points that may combine with it. Each chunk is
 * normalized on its own (the result equals normalizing the whole text, by
 * the definition of a boundary), and every byte it yields maps to the chunk's
 * original [start, end). So a normalized span [s, e) maps back to
 * [map_start[s], the end of e-1's chunk), which always cuts the input on
 * code point boundaries. Only the starts are kept: chunks tile the input
 * and each yields at least one byte (no NFKC mapping is empty), so a
 * chunk's end is the start of the chunk of the first byte after it
 * (kj_span_orig). CR LF and lone CR become LF. The decoded table (d->cpx,
 * chars.c) is written along with the text. A chunk is cut after
 * MAX_CHUNK code points so a run of a million combining marks costs linear
 * time (ICU's canonical reordering is quadratic in a chunk).
 *
 * The input is checked as it is read: strict UTF-8 (kj_u8_seq) and no NUL
 * byte. Every sequence is checked, left to right, before it is used, so the
 * first bad one stops the pass with the error and offset kiji_parse reports
 * (KIJI_ERR_NUL or KIJI_ERR_UTF8, as a separate check before would).
 */
#include <stdio.h>
#include <string.h>

#include <unicode/ustring.h>

#include "kj.h"

#define MAX_CHUNK 32

/* Per-BMP-code-point flags, computed once per parser. */
#define NF_BOUNDARY 1 /* has a normalization boundary before it */
#define NF_STABLE 2   /* NFKC of the code point alone is itself */
#define NF_ASCII 4    /* NFKC of the code point alone is the one byte ascii_of */
/* bits 3-7: the code point's classes (KJ_NF_CC_SHIFT, kj.h) */

/* The ASCII character a fullwidth form (U+FF01-U+FF5E) or a space stands
 * for: the only single-byte results of NFKC common in news text (（ ） ！ ？
 * ０-９ and the ideographic space U+3000). kj_norm_init sets NF_ASCII only
 * where ICU's NFKC of the code point alone is exactly this byte. */
static inline char ascii_of(uint32_t c)
{
    return c >= 0xFF01 && c <= 0xFF5E ? (char)(c - 0xFEE0) : ' ';
}

/* Is NFKC of the BMP code point c alone the single character ascii_of(c)? */
static bool nfkc_is_ascii(const UNormalizer2 *nfkc, uint32_t c)
{
    UChar u = (UChar)c, r[8];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = unorm2_normalize(nfkc, &u, 1, r, (int32_t)(sizeof r / sizeof r[0]), &st);
    return U_SUCCESS(st) && n == 1 && r[0] == (UChar)ascii_of(c);
}

int kj_norm_init(kiji_parser *p, kiji_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    p->nfkc = unorm2_getNFKCInstance(&st);
    if (U_FAILURE(st)) {
        if (err) {
            err->code = KIJI_ERR_ICU;
            snprintf(err->text, sizeof err->text, "unorm2_getNFKCInstance: %s", u_errorName(st));
        }
        return KIJI_ERR_ICU;
    }
    for (uint32_t c = 0; c < 0x10000; c++) {
        uint8_t f = 0;
        if (c >= 0xD800 && c <= 0xDFFF) {
            p->nfkc_tab[c] = NF_BOUNDARY;
            continue;
        }
        if (unorm2_hasBoundaryBefore(p->nfkc, (UChar32)c))
            f |= NF_BOUNDARY;
        UChar u = (UChar)c;
        st = U_ZERO_ERROR;
        if (unorm2_isNormalized(p->nfkc, &u, 1, &st) && U_SUCCESS(st))
            f |= NF_STABLE;
        else if ((c == 0x3000 || (c >= 0xFF01 && c <= 0xFF5E)) && nfkc_is_ascii(p->nfkc, c))
            f |= NF_ASCII;
        if (c >= 0x80)
            f |= (uint8_t)(kj_char_class(c) >> KJ_NF_CC_FIRST << KJ_NF_CC_SHIFT);
        p->nfkc_tab[c] = f;
    }
    for (unsigned f = 0; f < 256; f++)
        p->nfkc_cpx3[f] = (uint32_t)(f >> KJ_NF_CC_SHIFT) << KJ_NF_CC_FIRST |
                          (uint32_t)3 << KJ_CPX_LEN_SHIFT;
    return KIJI_OK;
}

static inline uint8_t flags_of(const kiji_parser *p, uint32_t c)
{
    if (c < 0x10000)
        return p->nfkc_tab[c];
    uint8_t f = 0;
    if (unorm2_hasBoundaryBefore(p->nfkc, (UChar32)c))
        f |= NF_BOUNDARY;
    UChar u[2];
    u[0] = U16_LEAD(c);
    u[1] = U16_TRAIL(c);
    UErrorCode st = U_ZERO_ERROR;
    if (unorm2_isNormalized(p->nfkc, u, 2, &st) && U_SUCCESS(st))
        f |= NF_STABLE;
    return f;
}

/* Is one of the eight bytes at u (maybe unaligned) a CR, a NUL or not
 * ASCII? */
static inline bool cr_nul_or_wide8(const unsigned char *u)
{
    uint64_t w, x;
    memcpy(&w, u, 8);
    x = w ^ 0x0D0D0D0D0D0D0D0Du; /* a CR byte becomes 0 */
    /* (v - 0x01..) & ~v & 0x80.. is nonzero exactly when a byte of v is 0 */
    return ((w | ((x - 0x0101010101010101u) & ~x) | ((w - 0x0101010101010101u) & ~w)) &
            0x8080808080808080u) != 0;
}

/* Is one of the sixteen bytes at u (maybe unaligned) a CR, a NUL or not
 * ASCII? cr_nul_or_wide8 on a vector of sixteen (GCC's vector extension:
 * SSE2 compares on x86-64, plain code elsewhere); the answer is the OR of
 * the two halves of the mask the comparisons give. */
static inline bool cr_nul_or_wide16(const unsigned char *u)
{
    typedef unsigned char v16 __attribute__((vector_size(16)));
    typedef uint64_t v2 __attribute__((vector_size(16)));
    v16 v;
    memcpy(&v, u, 16);
    v2 m = (v2)((v == '\r') | (v == 0) | (v >= 0x80));
    return (m[0] | m[1]) != 0;
}

/* The normalized text being written, its offset maps and its decoded
 * table (d->cpx, chars.c): x[0, done) is filled, x[done, len) not yet;
 * x holds cap entries like the rest. */
typedef struct out {
    kiji_doc *d;
    char *buf;
    size_t len, cap;
    size_t *ms;
    uint32_t *x;
    size_t done;
} out;

static void grow(out *o, size_t n)
{
    size_t cap = o->cap * 2;
    while (cap < o->len + n + 1)
        cap *= 2;
    o->buf = kj_grow(o->d, o->buf, o->len, cap, 1);
    o->ms = kj_grow(o->d, o->ms, o->len, cap, sizeof(size_t));
    kj_chars_reserve(o->d, cap, o->done);
    o->x = o->d->cpx;
    o->cap = cap;
}

static inline void reserve(out *o, size_t n)
{
    if (o->len + n + 1 > o->cap)
        grow(o, n);
}

/* n bytes of output that all map back to the chunk that starts at orig[os].
 * Mostly one character of 1-3 bytes, so a plain loop beats a memcpy call,
 * and three bytes (kana, kanji) are written without one. */
static inline void emit(out *o, const char *s, size_t n, size_t os)
{
    reserve(o, n);
    char *b = o->buf + o->len;
    size_t *ms = o->ms + o->len;
    if (n == 3) {
        b[0] = s[0];
        b[1] = s[1];
        b[2] = s[2];
        ms[0] = ms[1] = ms[2] = os;
        o->len += 3;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        b[i] = s[i];
        ms[i] = os;
    }
    o->len += n;
}

/* The code point of the three-byte sequence b0 b1 b2. */
static inline uint32_t three(unsigned char b0, unsigned char b1, unsigned char b2)
{
    return ((uint32_t)(b0 & 0x0F) << 12) | ((uint32_t)(b1 & 0x3F) << 6) | (b2 & 0x3F);
}

/* Are b1 b2 continuation bytes and the three-byte sequence lead b1 b2,
 * whose code point is cp, not an overlong form? (A surrogate passes: its
 * flags in nfkc_tab are only NF_BOUNDARY, so the runs below never copy one
 * and the general path refuses it.) */
static inline bool three_ok(unsigned char b1, unsigned char b2, uint32_t cp)
{
    return ((b1 & 0xC0) == 0x80) & ((b2 & 0xC0) == 0x80) & (cp >= 0x800);
}

/* The first invalid sequence or NUL byte at src[at]: the error kiji_parse
 * reports for it (the input is checked as it is normalized). */
static int bad_input(kiji_error *err, const char *src, size_t at)
{
    int code = src[at] == 0 ? KIJI_ERR_NUL : KIJI_ERR_UTF8;
    if (err && !err->code) {
        err->code = code;
        err->offset = at;
        if (code == KIJI_ERR_NUL)
            snprintf(err->text, sizeof err->text, "NUL byte at offset %zu", at);
        else
            snprintf(err->text, sizeof err->text, "invalid UTF-8 at byte offset %zu", at);
    }
    return code;
}

/* The code point at src[*i] and *i past it, or (uint32_t)-1 when no valid
 * sequence starts there or it is a NUL byte (*i unchanged). */
static inline uint32_t next_checked(const char *src, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)src;
    size_t k = *i;
    unsigned c = u[k];
    if (c < 0x80) {
        if (!c)
            return (uint32_t)-1;
        *i = k + 1;
        return c;
    }
    if ((c & 0xF0) == 0xE0 && len - k >= 3) { /* the common case, inline */
        uint32_t cp = three(u[k], u[k + 1], u[k + 2]);
        if (!three_ok(u[k + 1], u[k + 2], cp) || (cp >= 0xD800 && cp <= 0xDFFF))
            return (uint32_t)-1;
        *i = k + 3;
        return cp;
    }
    size_t n = kj_u8_seq(u + k, len - k);
    if (!n)
        return (uint32_t)-1;
    return kj_u8_next(src, len, i);
}

/* The decoded entries (d->cpx) of a three-byte character: e, its entry
 * (cp | p->nfkc_cpx3[its flags]), and its continuation entries; what
 * kj_chars_fill writes for it, the classes read from the same table. */
static inline void put_entry3(uint32_t *x, uint32_t e)
{
    x[0] = e;
    /* the two continuation entries with one store */
    static const uint32_t cont[2] = {KJ_CPX_SLOW | (uint32_t)1 << KJ_CPX_BACK_SHIFT,
                                     KJ_CPX_SLOW | (uint32_t)2 << KJ_CPX_BACK_SHIFT};
    memcpy(x + 1, cont, sizeof cont);
}

/* Is the character after the one that ends at u[0] a three-byte sequence:
 * a lead byte E0-EF at u[1] and continuation bytes at u[2] and u[3]? One
 * four-byte load and one mask, the same for either byte order. */
static inline bool next3(const unsigned char *u)
{
    static const unsigned char mask4[4] = {0, 0xF0, 0xC0, 0xC0}, bits4[4] = {0, 0xE0, 0x80, 0x80};
    uint32_t m4, b4, w;
    memcpy(&m4, mask4, 4);
    memcpy(&b4, bits4, 4);
    memcpy(&w, u, 4);
    return (w & m4) == b4;
}

/* The code point of the three-byte sequence at u that next3 checked:
 * three() less its masks, the lead and continuation bits taken off with
 * one subtraction. */
static inline uint32_t three_checked(const unsigned char *u)
{
    return ((uint32_t)u[0] << 12) + ((uint32_t)u[1] << 6) + u[2] -
           ((0xE0u << 12) + (0x80u << 6) + 0x80u);
}

/* put_mixed's store of the three-byte character at u[k] (entry e) at
 * output offset j: its bytes in ob, its maps (all k) in ms and its decoded
 * entries in x. Four bytes, one store: the fourth is the next character's
 * lead, overwritten by whatever is written next. In bounds as put_mixed
 * takes a character only where k + 6 <= len and j + 6 <= room: the load
 * ends at u[k + 3], the store at ob[j + 3]. */
static inline void put_char3(char *ob, size_t *ms, uint32_t *x, size_t j, const unsigned char *u,
                             size_t k, uint32_t e)
{
    memcpy(ob + j, u + k, 4);
    ms[j] = ms[j + 1] = ms[j + 2] = k;
    put_entry3(x + j, e);
}

/* The run of characters that starts at src[i] (see kj_normalize), written
 * as it is found to ob, ms and x (the output position of src[i]): ASCII
 * and three-byte characters (kana, kanji, CJK punctuation), each NFKC on
 * its own (NF_STABLE) and followed by a character of those kinds with a
 * boundary before it, so a chunk of its own that the general path would
 * copy as it is. No CR or NUL is taken (kj_normalize turns CR LF into LF;
 * a NUL is an error), nor an invalid or overlong sequence (a surrogate is
 * never NF_STABLE), and the output is the input byte for byte, so the
 * offset maps are the input positions. A character is taken only six
 * bytes or more before the end of the input and of room (the output bytes
 * that fit without growing): it and the next are in bounds and it fits.
 * The run stops before eight plain ASCII bytes it did not start at
 * (kj_normalize copies those faster) and at a character it cannot take,
 * which the general path then checks and writes. Returns where it
 * stopped, with the characters written in *chars. A function of its own
 * so that its few variables stay in registers. */
static __attribute__((noinline)) size_t put_mixed(const kiji_parser *p, const unsigned char *u,
                                                  size_t i, size_t len, size_t room, char *ob,
                                                  size_t *ms, uint32_t *x, size_t *chars)
{
    const uint8_t *tab = p->nfkc_tab;
    const uint32_t *ax = p->cpx_ascii, *e3 = p->nfkc_cpx3;
    size_t lim = len - i < room ? len : i + room;
    size_t k = i, nc = 0;
    uint32_t cp = 0;
    uint8_t f = 0;
    if (lim - i < 6)
        goto done;
    lim -= 6; /* the last position a character is taken at */
    if (u[k] >= 0x80) {
        if ((u[k] & 0xF0) != 0xE0)
            goto done;
        cp = three(u[k], u[k + 1], u[k + 2]);
        if (!three_ok(u[k + 1], u[k + 2], cp))
            goto done;
        f = tab[cp];
        goto kanji;
    }
    for (;;) {
        /* the ASCII character u[k] */
        for (;;) {
            unsigned b = u[k];
            if (!(tab[b] & NF_STABLE) || b == '\r' || b == 0 ||
                (k > i && len - k >= 8 && !cr_nul_or_wide8(u + k)))
                goto done;
            unsigned nb = u[k + 1];
            size_t j = k - i;
            if (nb < 0x80) {
                if (!nb || !(tab[nb] & NF_BOUNDARY))
                    goto done;
                ob[j] = (char)b;
                ms[j] = k;
                x[j] = ax[b];
                nc++;
                if (++k > lim)
                    goto done;
                continue;
            }
            if (!next3(u + k))
                goto done;
            uint32_t c = three_checked(u + k + 1);
            uint8_t g = tab[c];
            if (c < 0x800 || !(g & NF_BOUNDARY))
                goto done;
            ob[j] = (char)b;
            ms[j] = k;
            x[j] = ax[b];
            nc++;
            cp = c;
            f = g;
            if (++k > lim)
                goto done;
            break;
        }
    kanji:
        /* the three-byte character cp (flags f) at u[k]; the characters
         * taken here are not counted in nc: each is three bytes */
        if (!(f & NF_STABLE))
            goto done;
        uint32_t e = cp | e3[f]; /* its d->cpx entry */
        /* {k, k}: the maps of two of its bytes, one vector store */
        typedef size_t pos2 __attribute__((vector_size(2 * sizeof(size_t))));
        const pos2 three2 = {3, 3};
        pos2 kk = {k, k};
        for (;;) {
            size_t j = k - i;
            if (!next3(u + k + 2)) {
                unsigned nb = u[k + 3];
                if (nb >= 0x80 || !nb || !(tab[nb] & NF_BOUNDARY))
                    goto done;
                put_char3(ob, ms, x, j, u, k, e);
                k += 3;
                if (k > lim)
                    goto done;
                break;
            }
            uint32_t c = three_checked(u + k + 3);
            uint8_t g = tab[c];
            /* the next one is taken as well when NF_STABLE: one test of
             * both flags; when it only has a boundary before it, this
             * character is still a chunk of its own and the run ends */
            if (c < 0x800 || (g & (NF_BOUNDARY | NF_STABLE)) != (NF_BOUNDARY | NF_STABLE)) {
                if (c >= 0x800 && (g & NF_BOUNDARY)) {
                    put_char3(ob, ms, x, j, u, k, e);
                    k += 3;
                }
                goto done;
            }
            /* put_char3, its maps stored as the pair kk and one more */
            memcpy(ob + j, u + k, 4);
            memcpy(ms + j, &kk, sizeof kk);
            ms[j + 2] = k;
            put_entry3(x + j, e);
            kk += three2;
            k += 3;
            e = c | e3[g];
            if (k > lim)
                goto done;
        }
    }
done:
    /* nc ASCII characters, the rest of the bytes three-byte characters */
    *chars = nc + (k - i - nc) / 3;
    return k;
}

/* Normalize orig[s, e) through UTF-16 and emit the result. */
static int emit_normalized(out *o, const char *src, size_t s, size_t e, kiji_error *err)
{
    UChar in[MAX_CHUNK * 2 + 4], res[MAX_CHUNK * 18 + 64];
    char u8[sizeof res / sizeof res[0] * 3 + 4];
    int32_t ilen = 0, rlen, olen = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(in, (int32_t)(sizeof in / sizeof in[0]), &ilen, src + s, (int32_t)(e - s), &st);
    if (U_SUCCESS(st))
        rlen = unorm2_normalize(o->d->p->nfkc, in, ilen, res, (int32_t)(sizeof res / sizeof res[0]),
                                &st);
    if (U_SUCCESS(st))
        u_strToUTF8(u8, (int32_t)sizeof u8, &olen, res, rlen, &st);
    if (U_FAILURE(st)) {
        if (err && !err->code) {
            err->code = KIJI_ERR_ICU;
            err->offset = s;
            snprintf(err->text, sizeof err->text, "NFKC normalization failed: %s",
                     u_errorName(st));
        }
        return KIJI_ERR_ICU;
    }
    emit(o, u8, (size_t)olen, s);
    return KIJI_OK;
}

int kj_normalize(kiji_doc *d, kiji_error *err)
{
    const char *src = d->orig;
    size_t len = d->orig_len;
    out o = {d, NULL, 0, 0, NULL, NULL, 0};
    o.cap = len + 64;
    o.buf = kj_alloc_raw(d, o.cap); /* written before read, like the maps */
    /* every entry up to the sentinel is written before it is read */
    o.ms = kj_alloc_raw(d, o.cap * sizeof(size_t));
    kj_chars_reserve(d, o.cap, 0);
    o.x = d->cpx;

    /* c is the code point at i, decoded up to j, when have is set: the
     * look-ahead that ended the previous chunk, so each code point is
     * decoded once. */
    size_t i = 0, j = 0;
    uint32_t c = 0;
    bool have = false;
    while (i < len) {
        d->work++;
        unsigned char b = (unsigned char)src[i];
        if (b == '\r') {
            size_t e = (i + 1 < len && src[i + 1] == '\n') ? i + 2 : i + 1;
            emit(&o, "\n", 1, i);
            i = e;
            have = false;
            continue;
        }
        /* A run of ASCII that starts with eight bytes of no CR or NUL:
         * every byte is a chunk of its own, already NFKC (ASCII is stable
         * and has a boundary before every character); the run's last byte
         * takes put_mixed's way below, since a combining mark may follow
         * it. A shorter run (digits amid kanji) goes that way whole. */
        if (len - i >= 8 && !cr_nul_or_wide8((const unsigned char *)src + i)) {
            /* f: the first CR, NUL or non-ASCII byte past the eight (or
             * len); the run ends at a CR or NUL, or before the byte that
             * precedes a non-ASCII one (or the last byte). Sixteen bytes,
             * then eight, at a time while none is. */
            size_t f = i + 8;
            while (len - f >= 16 && !cr_nul_or_wide16((const unsigned char *)src + f))
                f += 16;
            while (len - f >= 8 && !cr_nul_or_wide8((const unsigned char *)src + f))
                f += 8;
            while (f < len && (unsigned char)(src[f] - 1) < 0x7F && src[f] != '\r')
                f++;
            size_t e = f < len && (src[f] == '\r' || src[f] == 0) ? f : f - 1;
            reserve(&o, e - i);
            /* the decoded entries of the text before the run; the run's are
             * written with its maps below */
            kj_chars_fill(d, o.buf, o.done, o.len);
            memcpy(o.buf + o.len, src + i, e - i);
            size_t *ms = o.ms + o.len;
            uint32_t *x = o.x + o.len;
            const unsigned char *u = (const unsigned char *)src + i;
            const uint32_t *ax = d->p->cpx_ascii;
            size_t k = 0;
            if (e - i >= 16) {
                /* eight bytes a round, as four vectors of two positions
                 * (the compiler keeps the stores of the loop below scalar:
                 * an add and a store a byte); memcpy, as ms need not be
                 * 16-byte aligned. Only for a long run: on a short one (digits
                 * amid kanji) the set-up costs about what it saves */
                typedef size_t pos2 __attribute__((vector_size(2 * sizeof(size_t))));
                pos2 p0 = {i, i + 1}, p1 = {i + 2, i + 3}, p2 = {i + 4, i + 5},
                     p3 = {i + 6, i + 7};
                const pos2 step = {8, 8};
                for (; k + 8 <= e - i; k += 8) {
                    memcpy(ms + k, &p0, sizeof p0);
                    memcpy(ms + k + 2, &p1, sizeof p1);
                    memcpy(ms + k + 4, &p2, sizeof p2);
                    memcpy(ms + k + 6, &p3, sizeof p3);
                    p0 += step;
                    p1 += step;
                    p2 += step;
                    p3 += step;
                    x[k] = ax[u[k]];
                    x[k + 1] = ax[u[k + 1]];
                    x[k + 2] = ax[u[k + 2]];
                    x[k + 3] = ax[u[k + 3]];
                    x[k + 4] = ax[u[k + 4]];
                    x[k + 5] = ax[u[k + 5]];
                    x[k + 6] = ax[u[k + 6]];
                    x[k + 7] = ax[u[k + 7]];
                }
            }
            /* the rest (all of a short run): four bytes a round */
            for (; k + 4 <= e - i; k += 4) {
                size_t q = i + k;
                ms[k] = q;
                ms[k + 1] = q + 1;
                ms[k + 2] = q + 2;
                ms[k + 3] = q + 3;
                x[k] = ax[u[k]];
                x[k + 1] = ax[u[k + 1]];
                x[k + 2] = ax[u[k + 2]];
                x[k + 3] = ax[u[k + 3]];
            }
            for (; k < e - i; k++) {
                ms[k] = i + k;
                x[k] = ax[u[k]];
            }
            o.len += e - i;
            o.done = o.len;
            d->work += e - i - 1;
            i = e;
            have = false;
            continue;
        }
        /* A run of ASCII and three-byte characters, each a chunk NFKC
         * keeps as it is (put_mixed), copied as the general path below
         * would copy it; the character it stops at takes that path, which
         * checks it (and grows the buffers when they are full). */
        if (b < 0x80 || (b & 0xF0) == 0xE0) {
            size_t room = o.cap - o.len - 1; /* what fits without reserve growing */
            size_t chars;
            size_t k = put_mixed(d->p, (const unsigned char *)src, i, len, room, o.buf + o.len,
                                 o.ms + o.len, o.x + o.len, &chars);
            if (k > i) {
                /* the decoded entries of the text before the run */
                kj_chars_fill(d, o.buf, o.done, o.len);
                o.len += k - i;
                o.done = o.len;
                d->work += chars - 1; /* one per chunk, as below */
                i = k;
                have = false;
                continue;
            }
        }
        /* A chunk: this code point plus followers with no boundary before. */
        if (!have) {
            j = i;
            c = next_checked(src, len, &j);
            if (c == (uint32_t)-1)
                return bad_input(err, src, i);
        }
        have = false;
        size_t s = i;
        uint32_t c0 = c; /* c becomes the next chunk's first below */
        uint8_t first = flags_of(d->p, c0);
        int n = 1;
        size_t e = j;
        while (e < len && n < MAX_CHUNK) {
            size_t k = e;
            uint32_t c2 = next_checked(src, len, &k);
            if (c2 == (uint32_t)-1)
                return bad_input(err, src, e);
            if (c2 == '\r')
                break;
            if (flags_of(d->p, c2) & NF_BOUNDARY) {
                c = c2; /* the next chunk's first code point */
                j = k;
                have = true;
                break;
            }
            e = k;
            n++;
            d->work++;
        }
        if (n == 1 && (first & NF_STABLE)) {
            emit(&o, src + s, e - s, s);
        } else if (n == 1 && (first & NF_ASCII)) {
            char a = ascii_of(c0);
            emit(&o, &a, 1, s);
        } else {
            int rc = emit_normalized(&o, src, s, e, err);
            if (rc)
                return rc;
        }
        i = e;
    }
    reserve(&o, 1);
    o.buf[o.len] = 0;
    kj_chars_fill(d, o.buf, o.done, o.len);
    o.x[o.len] = KJ_CPX_SLOW;
    o.ms[o.len] = len; /* sentinel: the end of the input */
    d->norm = o.buf;
    d->norm_len = o.len;
    d->map_start = o.ms;
    return KIJI_OK;
}

size_t kj_map_end(const kiji_doc *d, size_t i)
{
    /* the start of the chunk of the first byte after i's chunk, or the
     * sentinel; a chunk is at most MAX_CHUNK code points, so at most
     * MAX_CHUNK * 18 bytes (NFKC's longest expansion of one) */
    size_t s = d->map_start[i];
    while (i < d->norm_len && d->map_start[i] == s)
        i++;
    return d->map_start[i];
}

void kj_span_orig(const kiji_doc *d, size_t ns, size_t ne, size_t *start, size_t *end)
{
    if (ns > d->norm_len)
        ns = d->norm_len;
    if (ne > d->norm_len)
        ne = d->norm_len;
    if (ne <= ns) {
        *start = *end = d->map_start[ns];
        return;
    }
    *start = d->map_start[ns];
    *end = kj_map_end(d, ne - 1);
}
