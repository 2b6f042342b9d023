/*
 * chars.c -- the decoded text: one entry per byte of d->norm, built once
 * per parse, so that the recognizers' scans read a code point and its
 * length with one load instead of decoding UTF-8 again in every pass, and
 * its classes (KJ_CC_*), so an entity scan steps over characters where it
 * has nothing to do without testing code point ranges. kj_normalize fills
 * it as it writes d->norm: the entries of the runs it copies as they are
 * (ASCII, kana, kanji) directly, the rest through kj_chars_fill, so the
 * text is not walked a second time; kj_chars is the same table in one
 * pass over the finished text (front_test compares the two).
 *
 * Invariant: kj_cp_next and kj_cp_prev (kj.h) return exactly what
 * kj_u8_next and kj_u8_prev return on d->norm; an entry answers only where
 * that is certain (a strictly valid sequence), anything else goes to the
 * decoder. The table lives outside the arena, in a buffer the warm doc
 * keeps between parses (no malloc per article once it is big enough).
 */
#include <stdlib.h>
#include <string.h>

#include "kj.h"

/* The entries of ASCII characters less the byte itself: length 1 (L) and
 * the classes (KJ_CC_*): letters and digits are Latin word characters
 * (ent_word), A-Z also upper, & a name character. */
#define L ((uint32_t)1 << KJ_CPX_LEN_SHIFT)
#define W (KJ_CC_WORD | L)
#define U (KJ_CC_WORD | KJ_CC_UPPER | L)
#define A (KJ_CC_DOT | L)
/* one row per 16 characters */
/* clang-format off */
static const uint32_t ascii_cx[128] = {
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, A, L, L, L, L, L, L, L, L, L,
    W, W, W, W, W, W, W, W, W, W, L, L, L, L, L, L,
    L, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, L, L, L, L, L,
    L, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, L, L, L, L, L,
};
/* clang-format on */
#undef W
#undef U
#undef A
#undef L

/* Are the eight bytes at u all ASCII? (u may be unaligned) */
static inline bool ascii8(const unsigned char *u)
{
    uint64_t w;
    memcpy(&w, u, 8);
    return !(w & 0x8080808080808080u);
}

/* The classes of a code point (KJ_CC_*): the predicates named at their
 * definitions in kj.h, so that a scan may test the bit in their place. */
static inline uint32_t cp_class(uint32_t c)
{
    if (c < 0x80)
        return ascii_cx[c] & ~((uint32_t)1 << KJ_CPX_LEN_SHIFT);
    uint32_t k = 0;
    if (kj_is_kanji(c))
        k |= KJ_CC_KANJI;
    if ((c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC)
        k |= KJ_CC_KATA;
    if (kj_is_latin(c) || kj_is_digit(c))
        k |= KJ_CC_WORD;
    if (c == 0x30FB)
        k |= KJ_CC_DOT;
    return k;
}

uint32_t kj_char_class(uint32_t c)
{
    return cp_class(c) | (kj_text_acts_on(c) ? KJ_CC_BREAK : 0);
}

void kj_chars_init(kiji_parser *p)
{
    for (uint32_t b = 0; b < 128; b++)
        p->cpx_ascii[b] = b | kj_char_class(b) | (uint32_t)1 << KJ_CPX_LEN_SHIFT;
}

void kj_chars_reserve(kiji_doc *d, size_t n, size_t keep)
{
    /* 4 bytes per byte of the normalized text, under the document's cap
     * like everything else a parse holds (the arena already holds 17 bytes
     * per byte of the normalized text's capacity in it and the offset
     * maps, so this is never the first limit reached) */
    if (n > d->arena.cap / sizeof(uint32_t))
        longjmp(*d->oom, KIJI_ERR_MEMORY);
    if (d->cpx_cap >= n)
        return;
    size_t cap = n > 4096 ? n : 4096;
    uint32_t *x = malloc(cap * sizeof *x);
    if (!x)
        longjmp(*d->oom, KIJI_ERR_NOMEM);
    if (keep)
        memcpy(x, d->cpx, keep * sizeof *x);
    free(d->cpx);
    d->cpx = x;
    d->cpx_cap = cap;
}

void kj_chars_fill(kiji_doc *d, const char *text, size_t from, size_t to)
{
    const unsigned char *u = (const unsigned char *)text;
    uint32_t *x = d->cpx;
    const uint8_t *cc = d->p->nfkc_tab;
    const uint32_t *ax = d->p->cpx_ascii; /* the entry of an ASCII byte */
    size_t i = from, n = to;
    while (i < n) {
        unsigned char b = u[i];
        if (b < 0x80) {
            /* an ASCII run: its end found eight bytes at a time (English
             * text is mostly ASCII), then its entries four a round */
            size_t e = i + 1;
            while (n - e >= 8 && ascii8(u + e))
                e += 8;
            while (e < n && u[e] < 0x80)
                e++;
            for (; e - i >= 4; i += 4) {
                x[i] = ax[u[i]];
                x[i + 1] = ax[u[i + 1]];
                x[i + 2] = ax[u[i + 2]];
                x[i + 3] = ax[u[i + 3]];
            }
            for (; i < e; i++)
                x[i] = ax[u[i]];
            continue;
        }
        /* a run of the common three-byte sequences (kana, kanji, CJK
         * punctuation) checked inline: E1-EC and EE-EF take any two
         * continuation bytes (E0 and ED have narrower second bytes:
         * kj_u8_seq decides those); the classes read from the table
         * kj_norm_init fills */
        size_t at = i;
        while (n - i >= 3) {
            b = u[i];
            if ((unsigned)(b - 0xE1) > 0xEF - 0xE1 || b == 0xED ||
                ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80)) >= 0x40)
                break;
            uint32_t c = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(u[i + 1] & 0x3F) << 6) |
                (u[i + 2] & 0x3F);
            x[i] = c | (uint32_t)(cc[c] >> KJ_NF_CC_SHIFT) << KJ_NF_CC_FIRST |
                   (uint32_t)3 << KJ_CPX_LEN_SHIFT;
            x[i + 1] = KJ_CPX_SLOW | (uint32_t)1 << KJ_CPX_BACK_SHIFT;
            x[i + 2] = KJ_CPX_SLOW | (uint32_t)2 << KJ_CPX_BACK_SHIFT;
            i += 3;
        }
        if (i > at)
            continue;
        size_t len = kj_u8_seq(u + i, n - i);
        if (!len) {
            /* not a valid sequence: the decoder answers here */
            x[i] = KJ_CPX_SLOW;
            i++;
            continue;
        }
        size_t j = i;
        uint32_t c = kj_u8_next(text, n, &j);
        /* a BMP code point's classes from the table (kj_char_class's, as
         * for the three-byte run above), a longer one's computed (no
         * KJ_CC_BREAK there) */
        uint32_t k =
            c < 0x10000 ? (uint32_t)(cc[c] >> KJ_NF_CC_SHIFT) << KJ_NF_CC_FIRST : cp_class(c);
        x[i] = c | k | (uint32_t)len << KJ_CPX_LEN_SHIFT;
        x[i + 1] = KJ_CPX_SLOW | (uint32_t)1 << KJ_CPX_BACK_SHIFT;
        if (len > 2)
            x[i + 2] = KJ_CPX_SLOW | (uint32_t)2 << KJ_CPX_BACK_SHIFT;
        if (len > 3)
            x[i + 3] = KJ_CPX_SLOW | (uint32_t)3 << KJ_CPX_BACK_SHIFT;
        i += len;
    }
}

void kj_chars(kiji_doc *d)
{
    kj_chars_reserve(d, d->norm_len + 1, 0);
    kj_chars_fill(d, d->norm, 0, d->norm_len);
    d->cpx[d->norm_len] = KJ_CPX_SLOW;
}

uint32_t kj_cp_next_slow(const kiji_doc *d, size_t lim, size_t *i)
{
    return kj_u8_next(d->norm, lim, i);
}

uint32_t kj_cp_prev_slow(const kiji_doc *d, size_t i, size_t *start)
{
    return kj_u8_prev(d->norm, i, start);
}

bool kj_chars_utf16(const kiji_doc *d, UChar *out, size_t cap, int32_t *n16)
{
    const uint32_t *x = d->cpx;
    size_t n = d->norm_len, k = 0;
    /* UTF-16 never takes more units than UTF-8 takes bytes */
    if (cap < n + 1 || n >= INT32_MAX)
        return false;
    const unsigned char *u = (const unsigned char *)d->norm;
    for (size_t i = 0; i < n;) {
        uint32_t v = x[i];
        if (v >= KJ_CPX_SLOW)
            return false;
        uint32_t c = v & KJ_CPX_CP;
        if (c < 0x80) {
            out[k++] = (UChar)c;
            i++;
            /* the rest of an ASCII run eight bytes at a time (English) */
            while (n - i >= 8 && ascii8(u + i)) {
                for (size_t j = 0; j < 8; j++)
                    out[k + j] = u[i + j];
                i += 8;
                k += 8;
            }
            continue;
        }
        if (c < 0x10000) {
            out[k++] = (UChar)c;
        } else {
            out[k++] = (UChar)(0xD7C0 + (c >> 10));
            out[k++] = (UChar)(0xDC00 | (c & 0x3FF));
        }
        i += v >> KJ_CPX_LEN_SHIFT;
    }
    out[k] = 0;
    *n16 = (int32_t)k;
    return true;
}
