/*
 * num.c -- exact decimal arithmetic (kj_num) and the number scanner.
 *
 * kj_num_scan reads one number at a position of d->norm: arabic digits with
 * thousands separators and decimals, kanji numerals (二〇二五, 五千三百,
 * 千二百三十四万五千), mixed forms (5300億, 1.2兆, 3万5000), vague counts
 * (数百, 十数), hiragana numerals between spaces (にせんにひゃく), powers (2^5,
 * 1.3x10^6), wire-style fractions (8-1/2) and English number words (three,
 * twenty-five, 1.2 billion, 530 bln, a dozen, half a million). Dotted runs
 * (192.168.1.2) and comma lists (22,24,26) are separate numbers; 12,34,567
 * is Indian grouping. Kanji inside words are not numbers:
 * a pure-kanji numeral must start after a non-kanji or a listed prefix (約,
 * 第 ...), must not begin a listed word (一方, 一部, 十分 ...) and must be
 * followed by a non-kanji or a listed counter/unit (tests/cases/ja/number).
 * Every scan reads a bounded number of characters.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kj.h"
#include "rec_numeric.h"

/* ---- kj_num ------------------------------------------------------------ */

static const int64_t pow10_tab[19] = {
    1LL,
    10LL,
    100LL,
    1000LL,
    10000LL,
    100000LL,
    1000000LL,
    10000000LL,
    100000000LL,
    1000000000LL,
    10000000000LL,
    100000000000LL,
    1000000000000LL,
    10000000000000LL,
    100000000000000LL,
    1000000000000000LL,
    10000000000000000LL,
    100000000000000000LL,
    1000000000000000000LL,
};

/* Canonical form: no trailing zeros in mant while exp < 0, positive exp
 * folded into mant. False when the value does not fit an int64. */
static bool num_norm(kj_num *n)
{
    if (n->mant == 0) {
        n->exp = 0;
        return true;
    }
    while (n->exp < 0 && n->mant % 10 == 0) {
        n->mant /= 10;
        n->exp++;
    }
    while (n->exp > 0) {
        if (__builtin_mul_overflow(n->mant, (int64_t)10, &n->mant))
            return false;
        n->exp--;
    }
    return n->exp >= -30;
}

bool kj_num_scale(kj_num *n, int k)
{
    if (k > 40 || k < -40)
        return false;
    kj_num r = *n;
    r.exp += k;
    if (!num_norm(&r))
        return false;
    *n = r;
    return true;
}

bool kj_num_mul(kj_num *r, kj_num a, kj_num b)
{
    kj_num x = {0, a.exp + b.exp, a.ok && b.ok};
    if (__builtin_mul_overflow(a.mant, b.mant, &x.mant))
        return false;
    if (!num_norm(&x))
        return false;
    *r = x;
    return true;
}

bool kj_num_add(kj_num *r, kj_num a, kj_num b)
{
    /* bring both to the smaller exponent */
    while (a.exp > b.exp) {
        if (__builtin_mul_overflow(a.mant, (int64_t)10, &a.mant))
            return false;
        a.exp--;
    }
    while (b.exp > a.exp) {
        if (__builtin_mul_overflow(b.mant, (int64_t)10, &b.mant))
            return false;
        b.exp--;
    }
    kj_num x = {0, a.exp, a.ok && b.ok};
    if (__builtin_add_overflow(a.mant, b.mant, &x.mant))
        return false;
    if (!num_norm(&x))
        return false;
    *r = x;
    return true;
}

void kj_num_str(kj_num n, char *buf, size_t size)
{
    char digits[32];
    if (size == 0)
        return;
    bool neg = n.mant < 0;
    uint64_t m = neg ? (uint64_t)0 - (uint64_t)n.mant : (uint64_t)n.mant;
    /* the digits of m, as "%llu" writes them (snprintf cost some 700
     * instructions a call, on every amount of the JSON output) */
    char rev[20];
    int nd = 0;
    uint64_t r = m;
    do {
        rev[nd++] = (char)('0' + r % 10);
        r /= 10;
    } while (r);
    for (int i = 0; i < nd; i++)
        digits[i] = rev[nd - 1 - i];
    size_t o = 0;
#define PUT(ch)                                                                                    \
    do {                                                                                           \
        if (o + 1 < size)                                                                          \
            buf[o++] = (ch);                                                                       \
    } while (0)
    if (neg)
        PUT('-');
    if (n.exp >= 0) {
        for (int i = 0; i < nd; i++)
            PUT(digits[i]);
        for (int i = 0; i < n.exp && m != 0; i++)
            PUT('0');
    } else {
        int frac = -n.exp;
        int intd = nd - frac;
        if (intd <= 0) {
            PUT('0');
            PUT('.');
            for (int i = 0; i < -intd; i++)
                PUT('0');
            for (int i = 0; i < nd; i++)
                PUT(digits[i]);
        } else {
            for (int i = 0; i < intd; i++)
                PUT(digits[i]);
            PUT('.');
            for (int i = intd; i < nd; i++)
                PUT(digits[i]);
        }
    }
#undef PUT
    buf[o] = '\0';
}

/* 10^0 .. 10^22, each exact in a double */
static const double exact_pow10_d[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                         1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                         1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

double kj_num_double(kj_num n)
{
    /* a mantissa below 2^53 and a power of ten up to 10^22 are exact
     * doubles, and the one rounding of their product or quotient gives
     * the decimal's nearest double, as strtod does (Clinger's fast path),
     * when strtod would read the point kj_num_str writes (the C locale's) */
    const int64_t exact = (int64_t)1 << 53;
    if (n.mant <= exact && n.mant >= -exact && n.exp >= -22 && n.exp <= 22) {
        const char *point = localeconv()->decimal_point;
        if (point[0] == '.' && !point[1])
            return n.exp >= 0 ? (double)n.mant * exact_pow10_d[n.exp]
                              : (double)n.mant / exact_pow10_d[-n.exp];
    }
    char buf[80];
    kj_num_str(n, buf, sizeof buf);
    return strtod(buf, NULL);
}

/* a / b to 15 significant digits (exact when the quotient terminates
 * sooner): fractions 3分の1, two thirds. */
bool kj_num_div(kj_num *r, kj_num a, kj_num b)
{
    if (b.mant == 0 || !a.ok || !b.ok)
        return false;
    bool neg = (a.mant < 0) != (b.mant < 0);
    unsigned __int128 num =
        a.mant < 0 ? (unsigned __int128)(-(a.mant + 1)) + 1 : (unsigned __int128)a.mant;
    unsigned __int128 den =
        b.mant < 0 ? (unsigned __int128)(-(b.mant + 1)) + 1 : (unsigned __int128)b.mant;
    unsigned __int128 q = num / den, rem = num % den;
    if (q > (unsigned __int128)INT64_MAX)
        return false;
    int64_t m = (int64_t)q;
    int exp = a.exp - b.exp;
    int sig = 0;
    for (int64_t x = m; x > 0; x /= 10)
        sig++;
    for (int steps = 0; rem != 0 && sig < 15 && steps < 40; steps++) {
        rem *= 10;
        m = m * 10 + (int64_t)(rem / den);
        rem %= den;
        exp--;
        if (m > 0)
            sig++;
    }
    if (rem * 2 >= den && rem != 0)
        m++;
    kj_num x = {neg ? -m : m, exp, true};
    if (!num_norm(&x))
        return false;
    *r = x;
    return true;
}

/* ---- helpers ------------------------------------------------------------ */

static const kj_num NUM_ZERO = {0, 0, true};

static kj_num num_int(int64_t v)
{
    kj_num n = {v, 0, true};
    return n;
}

static uint32_t peek(const kiji_doc *d, size_t i, size_t *next)
{
    if (i >= d->norm_len) {
        *next = i;
        return 0;
    }
    size_t j = i;
    uint32_t c = kj_u8_next(d->norm, d->norm_len, &j);
    *next = j;
    return c;
}

static uint32_t prev_char(const kiji_doc *d, size_t i, size_t *start)
{
    if (i == 0) {
        *start = 0;
        return 0;
    }
    return kj_u8_prev(d->norm, i, start);
}

int kj_kanji_digit(uint32_t c)
{
    switch (c) {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
        return 0;
    case 0x4E00: /* 一 */
    case 0x58F1: /* 壱 */
        return 1;
    case 0x4E8C: /* 二 */
    case 0x5F10: /* 弐 */
        return 2;
    case 0x4E09: /* 三 */
    case 0x53C2: /* 参 */
        return 3;
    case 0x56DB:
        return 4; /* 四 */
    case 0x4E94:
        return 5; /* 五 */
    case 0x516D:
        return 6; /* 六 */
    case 0x4E03:
        return 7; /* 七 */
    case 0x516B:
        return 8; /* 八 */
    case 0x4E5D:
        return 9; /* 九 */
    default:
        return -1;
    }
}

/* 十 百 千 -> 1 2 3 */
static int small_unit(uint32_t c)
{
    return c == 0x5341 ? 1 : c == 0x767E ? 2 : c == 0x5343 ? 3 : 0;
}

/* 万 億 兆 京 -> 4 8 12 16 */
static int big_unit(uint32_t c)
{
    return c == 0x4E07 ? 4 : c == 0x5104 ? 8 : c == 0x5146 ? 12 : c == 0x4EAC ? 16 : 0;
}

int kj_kanji_mult(uint32_t c)
{
    int k = small_unit(c);
    return k ? k : big_unit(c);
}

#define CH_SU 0x6570 /* 数 */

static bool is_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit_c(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_numeral_char(uint32_t c)
{
    /* all of them are 〇 or lie in U+4E00 (一) .. U+96F6 (零) */
    if (c != 0x3007 && (c < 0x4E00 || c > 0x96F6))
        return false;
    return kj_kanji_digit(c) >= 0 || small_unit(c) || big_unit(c) || c == CH_SU;
}

size_t kj_num_fold(const kiji_doc *d, size_t pos, char *buf, size_t *off, size_t size)
{
    const unsigned char *s = (const unsigned char *)d->norm;
    const unsigned char *fold = d->p->numeric->fold_byte;
    size_t n = 0, i = pos, len = d->norm_len;
    if (size == 0)
        return 0;
    /* at most size - 1 bytes out, and never past the text */
    size_t lim = size - 1;
    while (i < len && n < lim) {
        /* eight bytes at a time while they are ASCII above the control
         * bytes with no two spaces in a row and no space last: a lone
         * space between two other bytes folds to itself at its own
         * offset, so the block is copied with A-Z lower-cased */
        while (len - i >= 8 && lim - n >= 8 && s[i + 7] != ' ') {
            uint64_t w;
            memcpy(&w, s + i, 8);
            const uint64_t ones = 0x0101010101010101u, high = ones * 0x80;
            if ((w & high) || ((w - ones * 0x20) & ~w & high))
                break;
            /* exact per-byte masks (every byte below 0x80: no carry
             * crosses a byte): spaces, and the bytes A-Z */
            uint64_t y = w ^ (ones * 0x20);
            uint64_t sp = ~(((y & ~high) + ~high) | y) & high;
            if (sp & (sp << 8))
                break;
            uint64_t up = (w + ones * (0x80 - 'A')) & ~(w + ones * (0x80 - 'Z' - 1)) & high;
            w |= up >> 2;
            memcpy(buf + n, &w, 8);
            size_t *o = off + n;
            o[0] = i;
            o[1] = i + 1;
            o[2] = i + 2;
            o[3] = i + 3;
            o[4] = i + 4;
            o[5] = i + 5;
            o[6] = i + 6;
            o[7] = i + 7;
            n += 8;
            i += 8;
        }
        if (n == lim)
            break;
        /* the common bytes, a run of them up to the text's or the
         * buffer's end: copied, A-Z lower-cased (one bound per byte) */
        size_t stop = len - i < lim - n ? len : i + (lim - n);
        unsigned char f;
        while (i < stop && (f = fold[s[i]]) != 0) {
            off[n] = i;
            buf[n++] = (char)f;
            i++;
        }
        if (i == stop)
            break;
        unsigned char c = s[i];
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            off[n] = i;
            buf[n++] = (char)c;
            i++;
            continue;
        }
        /* a white-space run: one space (the end stays after the run's
         * first byte when the space fills the buffer); a second line
         * break in the run, or a line break followed by indentation (a new
         * paragraph or table row: "vs 3,877,210\n    Year"), ends the fold
         * before it */
        int breaks = c == '\n';
        bool indent = false;
        if (breaks && i + 1 < len && (s[i + 1] == ' ' || s[i + 1] == '\t'))
            break;
        off[n] = i;
        buf[n++] = ' ';
        i++;
        if (n == lim)
            break;
        while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) {
            if (s[i] == '\n' &&
                (++breaks > 1 || (i + 1 < len && (s[i + 1] == ' ' || s[i + 1] == '\t')))) {
                indent = true;
                break;
            }
            i++;
        }
        if (indent)
            break;
    }
    off[n] = i;
    buf[n] = '\0';
    return n;
}

/* ---- arabic digits -------------------------------------------------------- */

/* Digits from i: 1,670 / 1 670 (a thin space in the original) / 3.25.
 * Sets *ndig to the integer digits. At most 18 significant digits. */
static bool scan_arabic(kiji_doc *d, size_t i, kj_num *v, size_t *end, int *ndig)
{
    const char *s = d->norm;
    size_t n = d->norm_len, j = i;
    int64_t m = 0;
    int sig = 0, run = 0;
    while (j < n && s[j] >= '0' && s[j] <= '9') {
        d->work++;
        if (++sig > 18)
            return false;
        m = m * 10 + (s[j] - '0');
        j++;
        run++;
    }
    if (run == 0)
        return false;
    int intd = run;
    /* Indian grouping: 12,34,567 (two-digit groups, then three) */
    if (run <= 2 && j + 3 < n && s[j] == ',' && is_digit_c(s[j + 1]) && is_digit_c(s[j + 2]) &&
        s[j + 3] == ',') {
        size_t k = j;
        int pairs = 0;
        while (k + 3 < n && s[k] == ',' && is_digit_c(s[k + 1]) && is_digit_c(s[k + 2]) &&
               s[k + 3] == ',' && pairs < 6) {
            k += 3;
            pairs++;
        }
        if (k + 3 < n && s[k] == ',' && is_digit_c(s[k + 1]) && is_digit_c(s[k + 2]) &&
            is_digit_c(s[k + 3]) && (k + 4 >= n || !is_digit_c(s[k + 4])) &&
            sig + 2 * pairs + 3 <= 18) {
            for (size_t x = j; x < k + 4; x++)
                if (is_digit_c(s[x])) {
                    m = m * 10 + (s[x] - '0');
                    sig++;
                    intd++;
                }
            d->work += k + 4 - j;
            j = k + 4;
            run = 4; /* no thousands groups after it */
        }
    }
    /* thousands groups: exactly three digits after each separator, and the
     * first run at most three */
    if (run <= 3) {
        char used = 0;
        while (j < n) {
            char sep = s[j];
            bool ok = sep == ',';
            size_t sepw = 1;
            if (kj_at(s, n, j, "\xE3\x80\x81") && (used == 'J' || (!used && run <= 2))) {
                /* 6、544, 1、234、567: 、 as a thousands separator only after
                 * a first group of one or two digits, since 100、200、300 is
                 * a list */
                sep = 'J';
                sepw = 3;
                ok = true;
            }
            if (sep == ' ' && d->orig && d->map_start) {
                /* a space when the original was not a plain space (U+2009
                 * and U+202F fold to one): 1 670; a plain space only in a
                 * run of at least two groups (1 234 567), since "on May 5
                 * 300 people" holds two numbers */
                ok = d->orig[d->map_start[j]] != ' ';
                if (!ok && (used == ' ' ||
                            (j + 8 <= n && s[j + 4] == ' ' && is_digit_c(s[j + 1]) &&
                             is_digit_c(s[j + 2]) && is_digit_c(s[j + 3]) && is_digit_c(s[j + 5]) &&
                             is_digit_c(s[j + 6]) && is_digit_c(s[j + 7]) &&
                             (j + 8 == n || !is_digit_c(s[j + 8])))))
                    ok = true;
            }
            if (!ok || (used && sep != used))
                break;
            size_t k = j + sepw;
            int g = 0;
            while (k < n && g < 4 && s[k] >= '0' && s[k] <= '9') {
                k++;
                g++;
            }
            if (g != 3)
                break;
            used = sep;
            if (sig + 3 > 18)
                return false;
            for (size_t x = j + sepw; x < k; x++)
                m = m * 10 + (s[x] - '0');
            sig += 3;
            intd += 3;
            j = k;
            d->work += 4;
        }
    }
    /* 8,26%: a comma before one or two digits and a percent sign is no
     * thousands separator but a decimal comma (cases/en/percent) */
    bool dec_comma = false;
    if (j + 2 < n && s[j] == ',' && is_digit_c(s[j + 1]) && j == i + (size_t)run && run <= 3) {
        size_t k = j + 2;
        if (k < n && is_digit_c(s[k]))
            k++;
        dec_comma = k < n && s[k] == '%';
    }
    int exp = 0;
    if (j + 1 < n && (s[j] == '.' || dec_comma) && s[j + 1] >= '0' && s[j + 1] <= '9' &&
        !(i >= 2 && s[i - 1] == '.' && is_digit_c(s[i - 2]))) {
        size_t dot = j;
        int64_t whole = m;
        int wsig = sig;
        j++;
        while (j < n && s[j] >= '0' && s[j] <= '9') {
            d->work++;
            if (++sig > 18)
                return false;
            m = m * 10 + (s[j] - '0');
            exp--;
            j++;
        }
        if (j + 1 < n && s[j] == '.' && is_digit_c(s[j + 1])) {
            /* 192.168.1.2, 3.2.1: dotted numbers, no decimal point */
            j = dot;
            m = whole;
            sig = wsig;
            exp = 0;
        }
    }
    v->mant = m;
    v->exp = exp;
    v->ok = true;
    num_norm(v);
    /* scientific notation: 1.3e6, 12.32e+14, -12e-1 (not 3e8a, 2e5x); an
     * exponent the value cannot take is not read */
    if (j + 1 < n && (s[j] == 'e' || s[j] == 'E')) {
        size_t k = j + 1;
        bool neg = false;
        if (k < n && (s[k] == '+' || s[k] == '-')) {
            neg = s[k] == '-';
            k++;
        }
        int e = 0, ed = 0;
        while (k < n && ed < 3 && s[k] >= '0' && s[k] <= '9') {
            e = e * 10 + (s[k] - '0');
            k++;
            ed++;
        }
        d->work += k - j;
        if (ed > 0 && ed < 3 && (k >= n || !is_alnum((unsigned char)s[k])) &&
            kj_num_scale(v, neg ? -e : e))
            j = k;
    }
    *end = j;
    *ndig = intd;
    return true;
}

/* ---- Japanese numerals ------------------------------------------------- */

typedef struct jstate {
    bool kanji, arabic, vague;
    int digits; /* integer digits of the first arabic run */
} jstate;

/* One group below 10^4: 五千三百, 5300, 3千, 千二百三十四, 数百, 十数. */
static bool ja_group(kiji_doc *d, size_t *pi, kj_num *out, jstate *st)
{
    size_t i = *pi;
    kj_num acc = NUM_ZERO;
    int last_unit = 4;
    bool got = false;
    for (int step = 0; step < 8; step++) {
        d->work++;
        size_t nx;
        uint32_t c = peek(d, i, &nx);
        if (kj_kanji_digit(c) == 0) {
            /* 一万零二百五十: 零 holds an empty place before 二百 */
            size_t n2, n3;
            uint32_t c2 = peek(d, nx, &n2);
            if (kj_kanji_digit(c2) > 0 && small_unit(peek(d, n2, &n3))) {
                i = nx;
                c = c2;
                nx = n2;
            }
        }
        kj_num coef = NUM_ZERO;
        bool have = false, positional = false, small = true;
        if (c >= '0' && c <= '9') {
            size_t e;
            int nd;
            if (!scan_arabic(d, i, &coef, &e, &nd))
                return false;
            if (!st->arabic)
                st->digits = nd;
            st->arabic = true;
            have = true;
            /* below 10: mant < 10^(1 - exp), which no int64 mantissa
             * reaches once -exp >= 18 */
            small = coef.exp < 0 ? -coef.exp >= 18 || coef.mant < 10 * pow10_tab[-coef.exp]
                                 : coef.mant < 10;
            i = e;
        } else if (kj_kanji_digit(c) >= 0) {
            int v = kj_kanji_digit(c);
            size_t nx2;
            uint32_t c2 = peek(d, nx, &nx2);
            if (kj_kanji_digit(c2) >= 0) {
                /* positional: 二〇二五 */
                int64_t m = v;
                int len = 1;
                size_t j = nx;
                for (;;) {
                    d->work++;
                    size_t jn;
                    uint32_t cj = peek(d, j, &jn);
                    if (kj_kanji_digit(cj) < 0)
                        break;
                    if (++len > 18)
                        return false;
                    m = m * 10 + kj_kanji_digit(cj);
                    j = jn;
                }
                coef = num_int(m);
                positional = true;
                i = j;
            } else {
                coef = num_int(v);
                i = nx;
            }
            st->kanji = true;
            have = true;
        } else if (c == CH_SU) {
            size_t nx2;
            uint32_t c2 = peek(d, nx, &nx2);
            if (!small_unit(c2) && !big_unit(c2))
                break;
            st->vague = true;
            st->kanji = true;
            coef = num_int(1);
            have = true;
            i = nx;
        }
        size_t nu;
        uint32_t cu = peek(d, i, &nu);
        int u = small_unit(cu);
        if (u && u < last_unit && !positional && (!have || small)) {
            if (!have)
                coef = num_int(1);
            kj_num t = coef;
            if (!kj_num_scale(&t, u) || !kj_num_add(&acc, acc, t))
                return false;
            last_unit = u;
            got = true;
            st->kanji = true;
            i = nu;
            size_t ns2;
            if (u == 1 && peek(d, i, &ns2) == CH_SU) {
                /* 十数: ten-odd */
                st->vague = true;
                i = ns2;
                break;
            }
            continue;
        }
        if (have) {
            if (got && !kj_num_add(&acc, acc, coef))
                return false;
            if (!got)
                acc = coef;
            got = true;
        }
        break;
    }
    if (!got)
        return false;
    *out = acc;
    *pi = i;
    return true;
}

static bool scan_ja(kiji_doc *d, size_t pos, kj_numtok *t, jstate *st)
{
    size_t i = pos;
    kj_num total = NUM_ZERO;
    if (d->lang == KJ_LANG_EN && is_digit_c(d->norm[pos])) {
        /* most numbers of English text ("1,670 shares", "3.25%"): arabic
         * digits with an ASCII byte after them, and after up to three
         * spaces, so no numeral, unit or 余 the loop below reads; it would
         * read the one group (ja_group's first step) and stop. The NUL
         * after the text is ASCII too. Otherwise the loop reads from the
         * start again, with the work count as it was (Japanese text, where
         * most numbers have a kanji after them, goes there at once). */
        uint64_t w0 = d->work;
        kj_num g;
        size_t e;
        int nd;
        d->work++; /* ja_group's step */
        if (!scan_arabic(d, pos, &g, &e, &nd))
            return false;
        const unsigned char *u = (const unsigned char *)d->norm;
        size_t gs = e;
        while (gs < d->norm_len && gs - e < 3 && u[gs] == ' ')
            gs++;
        if (u[e] < 0x80 && u[gs] < 0x80) {
            st->digits = nd;
            st->arabic = true;
            if (!kj_num_add(&total, total, g))
                return false;
            t->ns = pos;
            t->ne = e;
            t->value = total;
            return true;
        }
        d->work = w0;
    }
    int last_big = 100;
    bool got = false;
    for (int step = 0; step < 6; step++) {
        size_t gi = i;
        kj_num g;
        if (!ja_group(d, &gi, &g, st))
            break;
        size_t nb, gj = gi;
        /* 500余万, 10余り万: "and more" before the unit (each word a
         * multi-byte character first: not after an ASCII byte, which
         * ends most groups of English text) */
        static const char *const yo[] = {"余り", "あまり", "余"};
        bool yo_may = gi < d->norm_len && (unsigned char)d->norm[gi] >= 0x80;
        for (int y = 0; yo_may && y < 3; y++) {
            size_t l = strlen(yo[y]);
            size_t nb2;
            if (kj_at(d->norm, d->norm_len, gi, yo[y]) && big_unit(peek(d, gi + l, &nb2))) {
                gj = gi + l;
                break;
            }
        }
        size_t sp, sp2, gs = gi;
        while (gs < d->norm_len && gs - gi < 3 && d->norm[gs] == ' ')
            gs++;
        if (gj == gi && gs > gi && gi > pos && is_digit_c(d->norm[gi - 1]) &&
            big_unit(peek(d, gs, &sp))) {
            /* "48.2 万", "48.2 万円", "7  万  円": spaces after digits, when
             * no other word than a counter or currency starts at the unit
             * (2025 万博) */
            uint32_t fc = peek(d, sp, &sp2);
            const struct kj_numeric *nd = d->p->numeric;
            int32_t fv;
            if (!kj_is_kanji(fc) || is_numeral_char(fc) ||
                (nd && nd->ja_after &&
                 kj_dict_longest(nd->ja_after, d->norm, d->norm_len, sp, &fv)))
                gj = gs;
        }
        int b = big_unit(peek(d, gj, &nb));
        if (b && b < last_big) {
            if (!kj_num_scale(&g, b) || !kj_num_add(&total, total, g))
                return false;
            last_big = b;
            st->kanji = true;
            i = nb;
            got = true;
            size_t nb2;
            int b2 = big_unit(peek(d, i, &nb2));
            if (b == 4 && b2 > 4 && b2 < 100 && kj_num_scale(&total, b2)) {
                /* 1万億: ten thousand hundred-millions */
                last_big = b2;
                i = nb2;
            }
            continue;
        }
        if (b && got && last_big == 4 && b > last_big) {
            /* 一万五千億: 万 groups stacked under 億 */
            if (!kj_num_add(&total, total, g) || !kj_num_scale(&total, b))
                return false;
            last_big = b;
            i = nb;
            continue;
        }
        if (got && b)
            break; /* 3万5万: not one number */
        if (!kj_num_add(&total, total, g))
            return false;
        i = gi;
        got = true;
        break;
    }
    if (!got)
        return false;
    t->ns = pos;
    t->ne = i;
    t->value = total;
    return true;
}

/* ---- hiragana numerals ------------------------------------------------- */

/* にせんにひゃくごじゅうろく (2256): numerals spelled in hiragana, as in a
 * transcript. Read only as a whole run between spaces (or the text's ends
 * or punctuation), every kana a numeral morpheme and the morphemes in
 * numeral order, so words (いちご, にく, さんま) and particles (に) never
 * start one. */
static const struct {
    const char *kana;
    int v; /* 0..9 digit, 10 100 1000 small units, -4 -8 -12 big units */
} HIRA[] = {
    {"きゅう", 9},   {"じゅう", 10}, {"ひゃく", 100}, {"びゃく", 100}, {"ぴゃく", 100},
    {"ちょう", -12}, {"せん", 1000}, {"ぜん", 1000},  {"まん", -4},    {"おく", -8},
    {"いち", 1},     {"いっ", 1},    {"さん", 3},     {"よん", 4},     {"ろく", 6},
    {"ろっ", 6},     {"なな", 7},    {"しち", 7},     {"はち", 8},     {"はっ", 8},
    {"れい", 0},     {"ぜろ", 0},    {"に", 2},       {"ご", 5},
};

size_t kj_num_hira_count(void)
{
    return sizeof HIRA / sizeof *HIRA;
}

const char *kj_num_hira_morpheme(size_t h, int *v)
{
    if (h >= sizeof HIRA / sizeof *HIRA)
        return NULL;
    *v = HIRA[h].v;
    return HIRA[h].kana;
}

/* Every morpheme of HIRA begins with one kana of three bytes, and most
 * differ there: the three bytes at s[i] are compared first, and the
 * morpheme's length read only where they match. */
size_t kj_num_hira_at(const char *s, size_t n, size_t i, int *v)
{
    size_t best = 0;
    if (i > n || n - i < 3)
        return 0;
    for (size_t h = 0; h < sizeof HIRA / sizeof *HIRA; h++) {
        const char *k = HIRA[h].kana;
        if (k[0] != s[i] || k[1] != s[i + 1] || k[2] != s[i + 2])
            continue;
        size_t l = strlen(k);
        if (l > best && kj_at(s, n, i, k)) {
            best = l;
            *v = HIRA[h].v;
        }
    }
    return best;
}

static bool hira_edge(const kiji_doc *d, size_t i, bool before)
{
    size_t ps, nx;
    uint32_t c = before ? prev_char(d, i, &ps) : peek(d, i, &nx);
    return c == 0 || c == ' ' || c == '\n' || c == 0x3002 || c == 0x3001 || c == '.' || c == ',' ||
           c == '?' || c == '!';
}

static bool scan_hiragana(kiji_doc *d, size_t pos, kj_numtok *t)
{
    const char *s = d->norm;
    size_t n = d->norm_len, i = pos;
    if (!hira_edge(d, pos, true))
        return false;
    int64_t total = 0, group = 0, digit = -1;
    int last_small = 10000, last_big = 100, parts = 0, first_v = -1;
    bool multi_kana = false;
    while (i < n && !hira_edge(d, i, false)) {
        d->work++;
        int v = 0;
        size_t best = kj_num_hira_at(s, n, i, &v);
        if (!best || ++parts > 16)
            return false;
        if (best > 3)
            multi_kana = true;
        if (parts == 1)
            first_v = v;
        if (v >= 0 && v < 10) {
            if (digit >= 0)
                return false; /* two digits in a row: a word */
            digit = v;
        } else if (v >= 10) {
            if (v >= last_small)
                return false;
            group += (digit >= 0 ? digit : 1) * v;
            digit = -1;
            last_small = v;
        } else {
            int b = -v;
            int64_t g = group + (digit >= 0 ? digit : 0);
            int64_t mul = 1;
            for (int x = 0; x < b; x++)
                mul *= 10;
            if (b >= last_big || g <= 0 || __builtin_mul_overflow(g, mul, &g) ||
                __builtin_add_overflow(total, g, &total))
                return false;
            group = 0;
            digit = -1;
            last_small = 10000;
            last_big = b;
        }
        i += best;
    }
    /* one morpheme alone is a numeral only as a digit of two kana (ろく,
     * なな); に, ご, さん, せん, まん alone are particles and words */
    if (parts == 0 ||
        (parts == 1 && (!multi_kana || first_v < 0 || first_v >= 10 || kj_at(s, n, pos, "さん"))))
        return false;
    total += group + (digit >= 0 ? digit : 0);
    t->ns = pos;
    t->ne = i;
    t->value.mant = total;
    t->value.exp = 0;
    t->value.ok = true;
    t->kanji = true;
    return true;
}

/* ---- kanji guards ----------------------------------------------------- */

static bool prefix_ok(const kiji_doc *d, size_t pos)
{
    const struct kj_numeric *nd = d->p->numeric;
    if (!nd || !nd->ja_prefix)
        return false;
    for (size_t k = 0; k < nd->ja_prefix->n; k++) {
        if (kj_before(d->norm, pos, nd->ja_prefix->lines[k]))
            return true;
    }
    return false;
}

static bool ja_mixed(kiji_doc *d, size_t pos, kj_num whole, kj_num *x, size_t *end);

/* A proper fraction a/b at i with a common denominator (halves, thirds,
 * quarters, fifths, eighths, tenths, sixteenths ... hundredths): 1/4, 3/5.
 * Not 9/11, 24/7 or a date 12/3; not inside 1/2/3. */
static bool proper_fraction(const kiji_doc *d, size_t i, kj_num *v, size_t *end)
{
    const char *s = d->norm;
    size_t n = d->norm_len, j = i;
    int a = 0, b = 0, da = 0, db = 0;
    while (j < n && da < 3 && is_digit_c(s[j]))
        a = a * 10 + (s[j++] - '0'), da++;
    if (da == 0 || da > 2 || j >= n || s[j] != '/')
        return false;
    j++;
    while (j < n && db < 4 && is_digit_c(s[j]))
        b = b * 10 + (s[j++] - '0'), db++;
    if (db == 0 || db > 3 ||
        (j < n && (is_digit_c(s[j]) || s[j] == '/' || is_alnum((unsigned char)s[j]))))
        return false;
    static const int dens[] = {2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100};
    bool ok = false;
    for (size_t k = 0; k < sizeof dens / sizeof *dens; k++)
        ok = ok || b == dens[k];
    if (!ok || a <= 0 || a >= b)
        return false;
    if (!kj_num_div(v, num_int(a), num_int(b)))
        return false;
    *end = j;
    return true;
}

/* Digits followed by /: a proper fraction (3/4) or a whole number and one
 * (10 1/2). */
static bool slash_fraction(kiji_doc *d, kj_numtok *t)
{
    const char *s = d->norm;
    size_t n = d->norm_len, ps;
    uint32_t pc = prev_char(d, t->ns, &ps);
    if (pc == '/' || t->value.exp != 0)
        return false;
    kj_num f;
    size_t e;
    d->work++;
    if (t->ne < n && s[t->ne] == '/') {
        if (!proper_fraction(d, t->ns, &f, &e))
            return false;
        t->value = f;
        t->ne = e;
        return true;
    }
    size_t sp = t->ne;
    while (sp < n && sp - t->ne < 3 && s[sp] == ' ')
        sp++;
    if (sp == t->ne && sp + 1 < n && s[sp] == '-' && is_digit_c(s[sp + 1]))
        sp++; /* 8-1/2 pct: a whole number and a fraction, in wire style */
    if (sp > t->ne && sp < n && is_digit_c(s[sp]) && proper_fraction(d, sp, &f, &e) &&
        kj_num_add(&f, f, t->value)) {
        t->value = f;
        t->ne = e;
        return true;
    }
    return false;
}

/* The digits at pos follow a comma inside a list, not a thousands group:
 * 24 in 22,24,26 (a group has exactly three digits). */
static bool comma_list(const kiji_doc *d, size_t pos)
{
    const char *s = d->norm;
    size_t k = pos;
    while (k < d->norm_len && k - pos < 4 && is_digit_c(s[k]))
        k++;
    if (k - pos == 3 || s[pos] == '0')
        return false;
    /* three items or more, none of three digits after a comma (5,00 and
     * 2,452,3000 are no lists) */
    size_t b = pos;
    while (b > 0 && pos - b < 24 && (is_digit_c(s[b - 1]) || s[b - 1] == ','))
        b--;
    int commas = 0, run = 0;
    for (size_t x = b; x < d->norm_len && x - b < 48 && (is_digit_c(s[x]) || s[x] == ','); x++) {
        if (s[x] == ',') {
            if (commas > 0 && run == 3)
                return false;
            commas++;
            run = 0;
        } else {
            run++;
        }
    }
    return commas >= 2 && run != 3;
}

/* The digits at pos are one part of a dotted run of three parts or more
 * (192.168.1.2): two dots in the run. */
static bool dotted(const kiji_doc *d, size_t pos)
{
    const char *s = d->norm;
    int dots = 0;
    size_t b = pos;
    while (b > 0 && pos - b < 24 && (is_digit_c(s[b - 1]) || s[b - 1] == '.'))
        dots += s[--b] == '.';
    for (size_t k = pos; k < d->norm_len && k - pos < 24 && (is_digit_c(s[k]) || s[k] == '.'); k++)
        dots += s[k] == '.' && k + 1 < d->norm_len && is_digit_c(s[k + 1]);
    return dots >= 2;
}

/* The word ending at e (before a hyphen) is an English cardinal word:
 * three-nought-four reads as three numbers. */
static bool number_word_before(const kiji_doc *d, size_t e)
{
    const struct kj_numeric *nd = d->p->numeric;
    size_t b = e;
    char low[16];
    while (b > 0 && e - b < sizeof low - 1 && is_alnum((unsigned char)d->norm[b - 1]) &&
           !is_digit_c(d->norm[b - 1]))
        b--;
    if (b == e || e - b >= sizeof low - 1 || (b > 0 && is_alnum((unsigned char)d->norm[b - 1])))
        return false;
    for (size_t i = b; i < e; i++)
        low[i - b] =
            (char)((d->norm[i] >= 'A' && d->norm[i] <= 'Z') ? d->norm[i] + 32 : d->norm[i]);
    int32_t v;
    return nd && kj_dict_get(nd->en_words, low, e - b, &v) && v >= 0 && v < 100;
}

/* b^e (|e| < 1000, b > 0) to 15 significant digits; false when the value
 * leaves 1e-25 .. 1e30. */
static bool num_pow(kiji_doc *d, kj_num b, int e, kj_num *out)
{
    long double base = kj_num_double(b), r = 1;
    int ae = e < 0 ? -e : e;
    if (ae >= 1000 || !(base > 0))
        return false;
    for (int p = 0; p < ae && r < 1e30L && r > 1e-30L; p++)
        r *= base;
    d->work += (size_t)ae;
    if (e < 0 && r != 0)
        r = 1 / r;
    if (!(r > 0) || r >= 1e30L || r < 1e-25L)
        return false;
    char buf[48];
    snprintf(buf, sizeof buf, "%.14Le", r);
    int64_t m = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (is_digit_c(*p))
            m = m * 10 + (*p - '0');
    if (*p != 'e')
        return false;
    kj_num x = {m, atoi(p + 1) - 14, true};
    if (!kj_num_scale(&x, 0))
        return false;
    *out = x;
    return true;
}

/* A power after a number: 2^5, 1.1^23, 2.5^-1, 1.3x10^6, 6.23x10^-4 (the
 * sign of the base is the caller's: -2.5^-1 = -(2.5^-1)). A value beyond
 * 15 significant digits is rounded there. */
static bool power_after(kiji_doc *d, kj_numtok *t)
{
    const char *s = d->norm;
    size_t n = d->norm_len, i = t->ne;
    bool ten = false;
    if (i + 4 <= n && (s[i] == 'x' || s[i] == 'X') && memcmp(s + i + 1, "10^", 3) == 0) {
        ten = true;
        i += 4;
    } else if (kj_at(s, n, i,
                     "\xC3\x97"
                     "10^")) { /* ×10^ */
        ten = true;
        i += 5;
    } else if (i < n && s[i] == '^') {
        i++;
    } else {
        return false;
    }
    bool neg = false;
    size_t k = i;
    while (k < n && k - i < 3 && (s[k] == '+' || s[k] == '-')) {
        neg ^= s[k] == '-';
        k++;
    }
    int e = 0, ed = 0;
    while (k < n && ed < 4 && is_digit_c(s[k])) {
        e = e * 10 + (s[k] - '0');
        k++;
        ed++;
    }
    if (ed == 0 || ed > 3 || (k < n && is_alnum((unsigned char)s[k])))
        return false;
    d->work += k - t->ne;
    kj_num x = t->value;
    if (ten) {
        if (!kj_num_scale(&x, neg ? -e : e))
            return false;
    } else if (!num_pow(d, t->value, neg ? -e : e, &x)) {
        return false;
    }
    t->value = x;
    t->ne = k;
    return true;
}

/* The digits at pos count wins or losses (3勝, 12敗). */
static bool record_after(const kiji_doc *d, size_t pos)
{
    size_t k = pos;
    while (k < d->norm_len && k - pos < 4 && is_digit_c(d->norm[k]))
        k++;
    return kj_at(d->norm, d->norm_len, k, "勝") || kj_at(d->norm, d->norm_len, k, "敗");
}

/* The size joiner at k (×, or x / X / * between digits, spaces or a
 * unit): its end, or 0. Spaces before it are skipped, one or two. */
static size_t dim_joiner(const kiji_doc *d, size_t k)
{
    const char *s = d->norm;
    size_t n = d->norm_len, k0 = k;
    while (k < n && k - k0 < 2 && s[k] == ' ')
        k++;
    if (kj_at(s, n, k, "\xC3\x97")) /* × */
        return k + 2;
    if (k < n && (s[k] == 'x' || s[k] == 'X' || s[k] == '*'))
        return k + 1;
    return 0;
}

/* W69×H136×D17mm, W69mm x H136mm: the digits at pos follow a side's label
 * (W, H, D or L, after no other letter) in a size, joined by a joiner
 * (dim_joiner) to a side before the label or to a labelled side after the
 * number and its unit (a bounded look: 4 digits, 2 letters, 2 spaces). */
static bool dim_label_before(const kiji_doc *d, size_t pos)
{
    const char *s = d->norm;
    size_t n = d->norm_len;
    char lb = s[pos - 1];
    if (lb != 'W' && lb != 'H' && lb != 'D' && lb != 'L')
        return false;
    /* a joiner before the label: x between a side and the label (136xD17)
     * or × / a spaced x */
    size_t b = pos - 1;
    if (b >= 2 && (s[b - 1] == 'x' || s[b - 1] == 'X' || s[b - 1] == '*') &&
        (is_digit_c(s[b - 2]) || s[b - 2] == 'm' || s[b - 2] == ' '))
        return true;
    if (b >= 1 && is_alnum((unsigned char)s[b - 1]))
        return false;
    while (b > 0 && pos - 1 - b < 2 && s[b - 1] == ' ')
        b--;
    if (kj_before(s, b, "\xC3\x97") ||
        (b < pos - 1 && b >= 1 && (s[b - 1] == 'x' || s[b - 1] == 'X')))
        return true;
    /* a labelled side after this one */
    size_t k = pos;
    while (k < n && k - pos < 6 && (is_digit_c(s[k]) || s[k] == '.'))
        k++;
    for (int u = 0; u < 2 && k < n && (s[k] == 'm' || s[k] == 'c'); u++)
        k++;
    size_t j = dim_joiner(d, k);
    while (j && j < n && s[j] == ' ' && j - k < 5)
        j++;
    return j && j + 1 < n && (s[j] == 'W' || s[j] == 'H' || s[j] == 'D' || s[j] == 'L') &&
           is_digit_c(s[j + 1]);
}

/* scan_unsigned where the caller has read the character before pos: pc,
 * which starts at ps (prev_char(d, pos, &ps)). scan_at reads it for its
 * sign test at every number, so the scan does not decode it again. */
static bool scan_unsigned_after(kiji_doc *d, size_t pos, kj_numtok *t, bool check_prev,
                                bool en_known, uint32_t pc, size_t ps)
{
    memset(t, 0, sizeof *t);
    const struct kj_numeric *nd = d->p->numeric;
    size_t nx;
    uint32_t c = peek(d, pos, &nx);
    d->work++;
    if (c == '.' && nx < d->norm_len && d->norm[nx] >= '0' && d->norm[nx] <= '9' && !is_alnum(pc) &&
        pc != '.' && pc != ',') {
        /* ".08", "$.50": a decimal without its leading zero */
        kj_num v;
        size_t e;
        int nd2;
        if (!scan_arabic(d, nx, &v, &e, &nd2) || v.exp != 0)
            return false;
        if (!kj_num_scale(&v, -(int)(e - nx)))
            return false;
        t->ns = pos;
        t->ne = e;
        t->value = v;
        return true;
    }
    if (c >= '0' && c <= '9') {
        if (check_prev) {
            /* DeNA3勝2敗: a won-lost count may follow a team's Latin name */
            if (is_alnum(pc) && !((pc < '0' || pc > '9') &&
                                  (record_after(d, pos) || dim_label_before(d, pos))))
                return false;
            /* inside 1,670 or 3.25; but 24 in 22,24,26 and 168 in
             * 192.168.1.2 start numbers */
            if (pc == ',' || pc == '.') {
                size_t pps;
                uint32_t ppc = prev_char(d, ps, &pps);
                if (ppc >= '0' && ppc <= '9' && !(pc == ',' ? comma_list(d, pos) : dotted(d, pos)))
                    return false;
            }
        }
        jstate st = {0};
        if (!scan_ja(d, pos, t, &st))
            return false;
        t->kanji = st.kanji;
        t->vague = st.vague;
        t->digits = st.digits;
        kj_num fd;
        size_t fe;
        int fnd;
        if (!st.kanji && kj_at(d->norm, d->norm_len, t->ne, "\xE2\x81\x84") &&
            scan_arabic(d, t->ne + 3, &fd, &fe, &fnd) && kj_num_div(&fd, t->value, fd)) {
            /* ⅔ is 2⁄3 after NFKC (U+2044 FRACTION SLASH) */
            t->value = fd;
            t->ne = fe;
            return true;
        }
        if (!st.kanji && slash_fraction(d, t)) {
            /* 3-1/2 billion dlrs: the scale word after the fraction */
            if (nd)
                kj_num_en_scale(d, t);
            return true;
        }
        if (!st.kanji && power_after(d, t))
            return true;
        if (!st.kanji && nd)
            kj_num_en_scale(d, t);
        if (t->vague)
            t->value.ok = false;
        return true;
    }
    if (is_numeral_char(c)) {
        if (big_unit(c))
            return false; /* 万 alone does not start a number (万一, 万全) */
        if (check_prev && ((kj_is_kanji(pc) && is_numeral_char(pc)) || (pc >= '0' && pc <= '9')))
            return false; /* inside a numeral: 万一, 50千 */
        if (check_prev && pc == 0x4F55)
            return false; /* 何百万人, 何十倍: 何 makes a vague count with no value */
        /* after another kanji (統一, 唯一, 同一) only before a counter or
         * unit: 男性二人 */
        bool need_follow = check_prev && kj_is_kanji(pc) && !prefix_ok(d, pos);
        /* 単一チーム, 同一人物: 一 ends a word there (single, same), so a
         * counter after it counts nothing (cases/ja/quantity_one) */
        if (need_follow && c == 0x4E00 /* 一 */) {
            static const uint32_t one_words[] = {0x5358 /* 単 */, 0x540C /* 同 */, 0x7D71 /* 統 */,
                                                 0x5747 /* 均 */, 0x753B /* 画 */, 0x968F /* 随 */,
                                                 0x9010 /* 逐 */, 0x629E /* 択 */, 0};
            for (int k = 0; one_words[k]; k++)
                if (pc == one_words[k])
                    return false;
            /* 卓球一本で, 左足一本で: X alone, no count of one (ja/alone_before) */
            if (nd && nd->ja_alone && kj_at(d->norm, d->norm_len, pos, "一本"))
                for (size_t k = 0; k < nd->ja_alone->n; k++)
                    if (kj_before(d->norm, pos, nd->ja_alone->lines[k]))
                        return false;
        }
        if (nd && nd->ja_stop) {
            int32_t v;
            size_t len = kj_dict_longest(nd->ja_stop, d->norm, d->norm_len, pos, &v);
            if (len && v == 1)
                return false; /* 一方, 一部, 十分, 二国間 */
        }
        jstate st = {0};
        if (!scan_ja(d, pos, t, &st))
            return false;
        if (need_follow && st.arabic)
            return false;
        /* 千代の富士, 千代大海, 三千代, 百代: a hundred or more before 代 counts
         * no decades or generations; the kanji spell a name or a word */
        if (!st.arabic && !st.vague && kj_at(d->norm, d->norm_len, t->ne, "代") &&
            kj_num_double(t->value) >= 100)
            return false;
        /* without the look-behind (a fraction's numerator 五分の一) the
         * context already says number */
        if (check_prev && !st.arabic && nd && nd->ja_follow) {
            size_t fe;
            uint32_t fc = peek(d, t->ne, &fe);
            int32_t v;
            kj_num mx;
            size_t me;
            if ((need_follow || (kj_is_kanji(fc) && !is_numeral_char(fc))) &&
                !kj_dict_longest(nd->ja_follow, d->norm, d->norm_len, t->ne, &v) &&
                !(fc == 0x53C8 /* 又 */ && ja_mixed(d, t->ne, t->value, &mx, &me)))
                return false; /* 千葉, 四国, 九州, 一連 */
        }
        t->kanji = true;
        t->vague = st.vague;
        t->digits = st.digits;
        if (t->vague)
            t->value.ok = false;
        return true;
    }
    if (kj_is_hiragana(c) && check_prev)
        return scan_hiragana(d, pos, t);
    if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && nd && nd->en_words) {
        if (check_prev && (is_alnum(pc) || pc == '\'' || (pc == '-' && !number_word_before(d, ps))))
            return false;
        return en_known ? kj_num_scan_en_known(d, pos, t) : kj_num_scan_en(d, pos, t);
    }
    return false;
}

static bool scan_unsigned(kiji_doc *d, size_t pos, kj_numtok *t, bool check_prev, bool en_known)
{
    size_t ps;
    uint32_t pc = prev_char(d, pos, &ps);
    return scan_unsigned_after(d, pos, t, check_prev, en_known, pc, ps);
}

/* A decimal point written 点 or ・ after a whole number, with the digits
 * after it in the same script: 四点八, 〇・〇八, 21点2, 0・08. Not when a
 * kanji follows the digits (一・二審, 3点2敗: two numbers and a noun). */
static void ja_decimal(kiji_doc *d, kj_numtok *t)
{
    const char *s = d->norm;
    size_t n = d->norm_len, ps;
    size_t w;
    if (kj_at(s, n, t->ne, "点"))
        w = strlen("点");
    else if (kj_at(s, n, t->ne, "・"))
        w = strlen("・");
    else
        return;
    if (t->value.exp != 0 || t->ne == t->ns)
        return;
    uint32_t last = prev_char(d, t->ne, &ps);
    bool arabic = last >= '0' && last <= '9';
    if (!arabic && !is_numeral_char(last))
        return;
    int64_t m = 0;
    int k = 0;
    size_t i = t->ne + w, nx;
    for (;;) {
        d->work++;
        uint32_t c = peek(d, i, &nx);
        int v = arabic ? ((c >= '0' && c <= '9') ? (int)(c - '0') : -1) : kj_kanji_digit(c);
        if (v < 0 || k >= 15)
            break;
        m = m * 10 + v;
        k++;
        i = nx;
    }
    uint32_t c = peek(d, i, &nx);
    if (k == 0 || (c >= '0' && c <= '9') || kj_is_kanji(c) || is_alnum(c))
        return;
    kj_num f = {m, -k, true}, x;
    if (!kj_num_add(&x, t->value, f))
        return;
    t->value = x;
    t->ne = i;
}

/* M と N分のK, M また N分のK, M 又 N分のK: a whole number and a fraction.
 * The fraction's end in *end and the sum in *x. */
static bool ja_mixed(kiji_doc *d, size_t pos, kj_num whole, kj_num *x, size_t *end)
{
    static const char *const conj[] = {"と", "また", "又"};
    const char *s = d->norm;
    size_t n = d->norm_len;
    for (size_t c = 0; c < sizeof conj / sizeof *conj; c++) {
        if (!kj_at(s, n, pos, conj[c]))
            continue;
        kj_numtok den, f;
        size_t at = pos + strlen(conj[c]);
        if (scan_unsigned(d, at, &den, false, false) && den.value.ok && !den.vague && !den.word &&
            kj_at(s, n, den.ne, "分の") &&
            scan_unsigned(d, den.ne + strlen("分の"), &f, false, false) && f.value.ok && !f.vague &&
            !f.word && kj_num_div(x, f.value, den.value) && kj_num_add(x, *x, whole)) {
            *end = f.ne;
            return true;
        }
        return false;
    }
    return false;
}

static bool scan_at(kiji_doc *d, size_t pos, kj_numtok *t, bool check_prev, bool en_known);

/* Japanese forms around a number: ダース (dozens), Xの Y乗 (powers), N分のM
 * (fractions) and the mixed M と N分のK. */
static void ja_after(kiji_doc *d, kj_numtok *t)
{
    const char *s = d->norm;
    size_t n = d->norm_len;
    if (!t->value.ok || t->vague || t->word)
        return;
    /* every form below is read at t->ne (ja_decimal first, which moves
     * t->ne only past a form of its own) and begins with one of 点 ・ ダ
     * の 分 と ま 又, whose UTF-8 starts E7 82, E3 83, E3 83, E3 81, E5 88,
     * E3 81, E3 81, E5 8F: any other two bytes there (an ASCII byte, as
     * after most numbers in English text) begin none of them */
    if (t->ne + 1 >= n)
        return;
    unsigned lead = (unsigned)(unsigned char)s[t->ne] << 8 | (unsigned char)s[t->ne + 1];
    if (lead != 0xE381 && lead != 0xE383 && lead != 0xE588 && lead != 0xE58F && lead != 0xE782)
        return;
    ja_decimal(d, t);
    if (kj_at(s, n, t->ne, "ダース")) {
        kj_num x;
        if (kj_num_mul(&x, t->value, num_int(12))) {
            t->value = x;
            t->ne += strlen("ダース");
        }
        return;
    }
    kj_numtok f;
    if (kj_at(s, n, t->ne, "の") && t->ne + strlen("の") < n) {
        /* 2.5の-1乗, 1.1の23乗: a power */
        kj_numtok ex;
        kj_num x;
        size_t at = t->ne + strlen("の");
        if (scan_at(d, at, &ex, false, false) && ex.value.ok && !ex.vague && ex.value.exp == 0 &&
            kj_at(s, n, ex.ne, "乗") &&
            num_pow(d, t->value,
                    (int)(ex.value.mant > 999    ? 1000
                          : ex.value.mant < -999 ? -1000
                                                 : ex.value.mant),
                    &x)) {
            t->value = x;
            t->ne = ex.ne + strlen("乗");
            return;
        }
    }
    /* 71勝62敗11分の3位: draws in a won-lost record, not a fraction */
    if (kj_at(s, n, t->ne, "分の") && !kj_record_before(s, t->ns) &&
        scan_unsigned(d, t->ne + strlen("分の"), &f, false, false) && f.value.ok && !f.vague &&
        !f.word) {
        kj_num x;
        if (kj_num_div(&x, f.value, t->value)) {
            t->value = x;
            t->ne = f.ne;
            t->kanji = true;
        }
        return;
    }
    kj_num x;
    size_t e;
    if (ja_mixed(d, t->ne, t->value, &x, &e)) {
        t->value = x;
        t->ne = e;
    }
}

static bool scan_at(kiji_doc *d, size_t pos, kj_numtok *t, bool check_prev, bool en_known)
{
    const char *s = d->norm;
    size_t n = d->norm_len, ps;
    uint32_t pc = prev_char(d, pos, &ps);
    /* a sign: -5, −5 (U+2212), マイナス5, minus five; never after a letter
     * or digit (3-5 is a range, A-1 a name) */
    size_t after = 0;
    /* nor is an ASCII hyphen right after a kanji or katakana one: in
     * Japanese it joins two parts (構造主義の父-100歳, 1等-2億円) */
    bool dash = s[pos] == '-' && (kj_is_kanji(pc) || kj_is_katakana(pc));
    if (!is_alnum(pc) && pc != '-' && !dash) {
        if (s[pos] == '-' && pos + 1 < n && (is_digit_c(s[pos + 1]) || s[pos + 1] == '.'))
            after = pos + 1;
        else if (kj_at(s, n, pos, "\xE2\x88\x92") && pos + 3 < n && is_digit_c(s[pos + 3]))
            after = pos + 3;
        else if (kj_at(s, n, pos, "マイナス"))
            after = pos + strlen("マイナス");
        else if ((kj_at(s, n, pos, "minus ") || kj_at(s, n, pos, "Minus ")))
            after = pos + 6;
        else if ((kj_at(s, n, pos, "negative ") || kj_at(s, n, pos, "Negative ")))
            after = pos + 9;
    }
    if (after) {
        if (!scan_unsigned(d, after, t, false, false))
            return false;
        ja_after(d, t);
        t->value.mant = -t->value.mant;
        t->ns = pos;
        return true;
    }
    if (!scan_unsigned_after(d, pos, t, check_prev, en_known, pc, ps))
        return false;
    ja_after(d, t);
    return true;
}

/* Whether a number (or its sign) can start at pos, from the characters
 * there alone: digits, '.', '-', U+2212, マ(イナス), kanji numerals,
 * hiragana after a space, a Latin letter when a number word or a sign word
 * (minus, negative) starts there. Callers try many positions; this keeps
 * the cost of the others to a few byte tests. Exact: scan_at fails at
 * every position it rejects. *en_known is set when it accepts a letter
 * for its number word (kj_num_en_may_start held). */
bool kj_num_may_start_en(const kiji_doc *d, size_t pos, bool *en_known)
{
    const char *s = d->norm;
    size_t n = d->norm_len;
    unsigned char c = (unsigned char)s[pos];
    if (c < 0x80) {
        /* nothing ASCII starts right after a letter or digit (A320, x5)
         * but a won-lost count after a team's name (DeNA3勝) */
        if (pos > 0 && is_alnum((unsigned char)s[pos - 1]))
            return c >= '0' && c <= '9' && !is_digit_c(s[pos - 1]) &&
                   (record_after(d, pos) || dim_label_before(d, pos));
        if (c >= '0' && c <= '9')
            return true;
        /* '.' starts a decimal only before a digit (.08); '-' a sign only
         * before a digit or a decimal's '.' (-5, -.5): scan_unsigned
         * reads neither byte otherwise */
        if (c == '.' || c == '-') {
            unsigned char b = pos + 1 < n ? (unsigned char)s[pos + 1] : 0;
            return (b >= '0' && b <= '9') || (c == '-' && b == '.');
        }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return false;
        /* a letter: scan_at reads a sign word or scan_unsigned hands the
         * word to kj_num_scan_en, which fails unless its first word is a
         * number word */
        if ((c == 'm' || c == 'M') && kj_at(s, n, pos + 1, "inus "))
            return true;
        if ((c == 'n' || c == 'N') && kj_at(s, n, pos + 1, "egative "))
            return true;
        *en_known = kj_num_en_may_start(d, pos);
        return *en_known;
    }
    if (c < 0xE2 || c > 0xE9)
        return false; /* numerals and signs lie in U+2000..U+9FFF */
    size_t nx = pos;
    uint32_t u = kj_u8_next(s, n, &nx);
    const struct kj_numeric *nd = d->p->numeric;
    if (nd)
        return kj_num_cp_may_start(nd, d, pos, u);
    if (kj_is_hiragana(u))
        return pos == 0 || s[pos - 1] == ' ' || s[pos - 1] == '\n';
    return u == 0x2212 || u == 0x30DE /* マ */ || is_numeral_char(u);
}

bool kj_num_may_start(const kiji_doc *d, size_t pos)
{
    bool en_known = false;
    return kj_num_may_start_en(d, pos, &en_known);
}

void kj_num_init(struct kj_numeric *nd)
{
    memset(nd->num_cp, 0, sizeof nd->num_cp);
    for (unsigned c = 0; c < 256; c++)
        nd->fold_byte[c] = (unsigned char)(c <= ' ' ? 0 : c - 'A' < 26u ? c + 32 : c);
    for (uint32_t u = 0x2000; u <= 0x9FFF; u++)
        if (u == 0x2212 || u == 0x30DE /* マ */ || is_numeral_char(u))
            nd->num_cp[u >> 6] |= 1ull << (u & 63);
    memset(nd->hira_first, 0, sizeof nd->hira_first);
    for (size_t h = 0; h < sizeof HIRA / sizeof *HIRA; h++) {
        size_t k = 0;
        uint32_t k0 = kj_u8_next(HIRA[h].kana, strlen(HIRA[h].kana), &k) - 0x3040;
        if (k0 < 128)
            nd->hira_first[k0 >> 6] |= 1ull << (k0 & 63);
    }
}

bool kj_num_scan(kiji_doc *d, size_t pos, kj_numtok *t)
{
    bool en_known = false;
    if (pos >= d->norm_len || !kj_num_may_start_en(d, pos, &en_known))
        return false;
    return kj_num_scan_checked(d, pos, t, en_known);
}

bool kj_num_scan_checked(kiji_doc *d, size_t pos, kj_numtok *t, bool en_known)
{
    /* where kj_num_may_start_en read the first number word (a letter with
     * no sign word at pos), scan_at reads no sign and scan_unsigned hands
     * pos to the English scanner, which need not test that word again */
    return scan_at(d, pos, t, true, en_known);
}

/* The scanner without the look-behind, for a number glued to a letter the
 * caller has already read (M7, US$5). */
bool kj_num_scan_glued(kiji_doc *d, size_t pos, kj_numtok *t)
{
    if (pos >= d->norm_len)
        return false;
    return scan_at(d, pos, t, false, false);
}
