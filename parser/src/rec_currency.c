/*
 * rec_currency.c -- currencies named with no amount, the opt-in fact type
 * `currency` (kiji parse --facts +currency): ドル and 円 in 円安ドル高, "the
 * dollar fell", €. The names are the money recognizer's (ICU's names and
 * symbols, parser/data/{ja,en}/currencies); only text no money fact claimed
 * is read, on word edges (ポーランド is not ランド, フランス not フラン),
 * and words that name a currency only after an amount (元首相, "he won":
 * {ja,en}/currency_bare_stop) or that several currencies share (ペソ, francs)
 * are left out. Runs after the numeric recognizer, claims nothing.
 */
#include <string.h>

#include "kj.h"
#include "rec_numeric.h"

static bool is_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ・ (U+30FB) joins katakana words: レアル・マドリード, ドン・キホーテ */
static bool kata_join(uint32_t c)
{
    return kj_is_katakana(c) || c == 0x30FB;
}

/* The code index of a currency word of t at pos of s (len bytes), or -1:
 * a currency of its own, not a shared name, not a stop word. */
static int currency_word(const struct kj_numeric *nd, const kj_dict *t, const kj_dict *stop,
                         const char *s, size_t n, size_t pos, size_t *len)
{
    int32_t v;
    size_t m = kj_dict_longest(t, s, n, pos, &v);
    if (!m || KIND(v) != NW_CURRENCY || INDEX(v) == nd->none || INDEX(v) < 0 ||
        (size_t)INDEX(v) >= nd->ncodes || kj_dict_get(nd->shared, s + pos, m, NULL) ||
        kj_dict_get(stop, s + pos, m, NULL))
        return -1;
    *len = m;
    return INDEX(v);
}

/* Kanji words 円 and 人民元 may start beside the currency: 円安, 円高,
 * 円相場, 円建て, 円売り, 円買い, 円換算 (not 円滑, 円形, 円周). */
static const char *const kanji_next[] = {"安", "高", "相場", "建", "売", "買", "換算"};

/* A Japanese currency name at i (a chain of names is read whole: ユーロ
 * ドル, ドル円, 円安ドル高). *prev_end is where the last one ended. */
static size_t ja_name(kiji_doc *d, const kj_dict *stop, size_t i, size_t prev_end, int *idx)
{
    const struct kj_numeric *nd = d->p->numeric;
    const char *s = d->norm;
    size_t n = d->norm_len, m = 0;
    int x = currency_word(nd, nd->ja_after, stop, s, n, i, &m);
    if (x < 0)
        return 0;
    size_t e = i + m, k = i, lb = e;
    uint32_t first = kj_u8_next(s, n, &k);
    uint32_t last = kj_u8_prev(s, e, &lb);
    uint32_t pc = kj_u8_prev(s, i, NULL);
    k = e;
    uint32_t nc = e < n ? kj_u8_next(s, n, &k) : 0;
    size_t m2;
    bool chain_prev = prev_end == i;
    bool chain_next = e < n && currency_word(nd, nd->ja_after, stop, s, n, e, &m2) >= 0;
    if (kj_before(s, i, "ゼロ"))
        return 0; /* ゼロ円: an amount, zero */
    if (!chain_prev) {
        if (kj_is_katakana(first) && kata_join(pc))
            return 0;
        if (kj_is_kanji(first) && kj_is_kanji(pc) && pc != 0x5BFE /* 対 */)
            return 0;
        if (is_letter(first) && (is_letter(pc) || kj_is_digit(pc)))
            return 0;
    }
    if (!chain_next) {
        if (kj_is_katakana(last) && (kata_join(nc) || nc == 0x570F /* 圏 */ ||
                                     nc == 0x7BB1 /* 箱 */ || nc == 0x6C0F /* 氏 */))
            return 0;
        if (kj_is_kanji(last) && (kj_is_kanji(nc) || kata_join(nc))) {
            bool ok = false;
            for (size_t w = 0; !ok && w < sizeof kanji_next / sizeof *kanji_next; w++)
                ok = kj_at(s, n, e, kanji_next[w]);
            if (!ok)
                return 0;
        }
        if (kj_is_digit(nc))
            return 0; /* ユーロ2024: a name, not the currency */
    }
    *idx = x;
    return e;
}

/* The lower-case word ending at e (letters only, at most cap-1 bytes) in
 * buf: its start, or SIZE_MAX when none. */
static size_t word_before(const kiji_doc *d, size_t e, char *buf, size_t cap, size_t *len)
{
    size_t b = e;
    while (b > 0 && e - b < cap - 1 && is_letter((unsigned char)d->norm[b - 1]))
        b--;
    if (b == e || (b > 0 && is_letter((unsigned char)d->norm[b - 1])))
        return SIZE_MAX;
    for (size_t k = b; k < e; k++) {
        unsigned char c = (unsigned char)d->norm[k];
        buf[k - b] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    *len = e - b;
    return b;
}

/* A number word that counts: one, twenty, hundred, million, mln, dozen,
 * a, half, hundreds (not "and" or "point" of en/numbers, nor an
 * ordinal). */
static bool count_word(const struct kj_numeric *nd, const char *w, size_t n)
{
    int32_t v;
    return kj_dict_get(nd->en_words, w, n, &v) && v != 5003 && v != 5004 && v < 6000;
}

/* Does an amount end right before i, so the currency word belongs to it
 * (the money recognizer's, or a vague amount)? "$99 (USD)", "5.9 billion
 * dollars", "a multi-million dlr suit", "billions of dollars", "yen
 * 154.65/dlr". */
static bool after_amount(const kiji_doc *d, size_t i)
{
    const struct kj_numeric *nd = d->p->numeric;
    const char *s = d->norm;
    size_t e = i;
    if (e > 1 && (s[e - 1] == '-' || s[e - 1] == '/') && s[e - 2] != ' ')
        e--; /* glued: 5.0-mln-dlr, 154.65/dlr (not a dateline's " - ") */
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '('))
        e--;
    if (e > 0 && kj_is_digit((unsigned char)s[e - 1]))
        return true;
    char w[16];
    size_t n = 0, b = word_before(d, e, w, sizeof w, &n);
    if (b == SIZE_MAX)
        return false;
    if (count_word(nd, w, n))
        return true;
    if (n != 2 || memcmp(w, "of", 2) != 0)
        return false;
    while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\n'))
        b--;
    return word_before(d, b, w, sizeof w, &n) != SIZE_MAX && count_word(nd, w, n);
}

/* A plain dollar word (dollar, dlrs) after a capitalized word other than a
 * determiner names some country's dollar the text does not give whole:
 * "40 mln Canadian dlr", "Taiwan dollars". */
static bool other_dollar(const kiji_doc *d, size_t i, const char *buf, size_t m)
{
    if (m < 3 || m > 7 || buf[0] != 'd' || (memcmp(buf, "dlr", 3) != 0 && memcmp(buf, "dol", 3) != 0))
        return false;
    size_t e = i;
    while (e > 0 && (d->norm[e - 1] == ' ' || d->norm[e - 1] == '\n'))
        e--;
    char w[16];
    size_t n = 0, b = word_before(d, e, w, sizeof w, &n);
    if (b == SIZE_MAX || !(d->norm[b] >= 'A' && d->norm[b] <= 'Z'))
        return false;
    /* a capital that starts a sentence or a dateline's text says nothing:
     * "Early dollar trade" */
    size_t p = b;
    while (p > 0 && (d->norm[p - 1] == ' ' || d->norm[p - 1] == '\n'))
        p--;
    if (p == 0 || strchr(".!?-:\"", d->norm[p - 1]))
        return false;
    static const char *const det[] = {"the", "a", "an", "this", "that", "its", "their", "our"};
    for (size_t k = 0; k < sizeof det / sizeof *det; k++)
        if (strlen(det[k]) == n && memcmp(w, det[k], n) == 0)
            return false;
    return true;
}

/* An English currency word at i (a word start): "dollar", "U.S. dollars",
 * "euro", "sterling", "JPY". A three-letter ISO code is read only in
 * capitals (not "cad"); "euro zone", "euro area", "Euro 2024" and
 * "dollar-denominated" are not the currency named. */
static size_t en_name(kiji_doc *d, const kj_dict *stop, size_t i, int *idx)
{
    const struct kj_numeric *nd = d->p->numeric;
    char buf[64];
    size_t off[64];
    size_t want = kj_dict_maxlen(nd->en_after) + 3;
    size_t n = kj_num_fold(d, i, buf, off, want < sizeof buf ? want : sizeof buf);
    size_t m = 0;
    int x = n ? currency_word(nd, nd->en_after, stop, buf, n, 0, &m) : -1;
    if (x < 0 || (m < n && (is_letter((unsigned char)buf[m]) || kj_is_digit((unsigned char)buf[m]) ||
                            buf[m] == '-')))
        return 0;
    size_t e = off[m];
    if (after_amount(d, i) || other_dollar(d, i, buf, m))
        return 0;
    /* a capitalized currency word before a capitalized word is a name:
     * "Sterling Software", "Dollar General"; a word in capitals longer
     * than a code, a dateline's town (STERLING, Va.) or a headline's */
    bool caps = m > 3;
    for (size_t k = i; caps && k < e; k++)
        caps = !(d->norm[k] >= 'a' && d->norm[k] <= 'z');
    if (caps)
        return 0;
    if (d->norm[i] >= 'A' && d->norm[i] <= 'Z' && e + 1 < d->norm_len && d->norm[e] == ' ' &&
        d->norm[e + 1] >= 'A' && d->norm[e + 1] <= 'Z')
        return 0;
    const char *code = nd->codes[x];
    if (m == 3 && (buf[0] & ~32) == code[0] && (buf[1] & ~32) == code[1] &&
        (buf[2] & ~32) == code[2] && memcmp(d->norm + i, code, 3) != 0)
        return 0;
    const char *s = d->norm;
    size_t dn = d->norm_len, k = e < dn && s[e] == ' ' ? e + 1 : e;
    if (k < dn && kj_is_digit((unsigned char)s[k]))
        return 0;
    static const char *const area[] = {"zone", "Zone", "area", "Area"};
    for (size_t w = 0; k > e && w < sizeof area / sizeof *area; w++)
        if (kj_at(s, dn, k, area[w]) && (k + 4 >= dn || !is_letter((unsigned char)s[k + 4])))
            return 0;
    *idx = x;
    return e;
}

/* A currency symbol at i with no amount after it: € and £ alone, "US$"
 * in "the US$ rally"; not a code of letters (USD: en_name reads those),
 * not the backslash some fonts draw as ¥, not "Rs." */
static size_t symbol_name(kiji_doc *d, size_t i, int *idx)
{
    const struct kj_numeric *nd = d->p->numeric;
    const char *s = d->norm;
    size_t n = d->norm_len, k = i;
    uint32_t c = kj_u8_next(s, n, &k);
    if (s[i] == '\\' || !kj_money_may_start(nd, d, i, c))
        return 0;
    int32_t v;
    size_t m = kj_money_symbol(d, i, &v);
    if (!m || KIND(v) != NW_CURRENCY || INDEX(v) == nd->none || INDEX(v) < 0 ||
        (size_t)INDEX(v) >= nd->ncodes)
        return 0;
    bool sym = false;
    for (size_t j = i; j < i + m; j++)
        if (!is_letter((unsigned char)s[j]) && s[j] != '.' && s[j] != ' ')
            sym = true;
    size_t e = i + m, a = e < n && s[e] == ' ' ? e + 1 : e;
    if (!sym || (a < n && (kj_is_digit((unsigned char)s[a]) || s[a] == '.' || s[a] == '-')))
        return 0;
    /* glued to a word it is part of a name: クイズ$ミリオネア */
    size_t k2 = e;
    uint32_t nc = e < n ? kj_u8_next(s, n, &k2) : 0, pc = kj_u8_prev(s, i, NULL);
    if (is_letter(nc) || kj_is_katakana(nc) || kj_is_kanji(nc) || kj_is_hiragana(nc) ||
        is_letter(pc) || kj_is_katakana(pc))
        return 0;
    *idx = INDEX(v);
    return e;
}

static bool claimed(const kiji_doc *d, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if (kj_claim_at(d, i))
            return true;
    return false;
}

void kj_rec_currency(kiji_doc *d)
{
    const struct kj_numeric *nd = d->p->numeric;
    if (!nd || !nd->ja_bare_stop || !nd->en_bare_stop ||
        !(d->p->opt.facts & KIJI_FACT_BIT(KIJI_FACT_CURRENCY)))
        return;
    const char *s = d->norm;
    size_t n = d->norm_len, i = 0, prev_end = SIZE_MAX;
    while (i < n) {
        d->work++;
        unsigned char c = (unsigned char)s[i];
        size_t nx = i;
        kj_u8_next(s, n, &nx);
        if (nx <= i)
            nx = i + 1;
        if (kj_claim_at(d, i) || c <= ' ' || kj_is_digit(c)) {
            i = nx;
            continue;
        }
        int idx = -1;
        size_t e = symbol_name(d, i, &idx);
        if (!e && is_letter(c) && d->lang == KJ_LANG_EN &&
            (i == 0 || !(is_letter((unsigned char)s[i - 1]) || kj_is_digit((unsigned char)s[i - 1]))))
            e = en_name(d, nd->en_bare_stop, i, &idx);
        if (!e && d->lang != KJ_LANG_EN && (c >= 0x80 || is_letter(c)))
            e = ja_name(d, nd->ja_bare_stop, i, prev_end, &idx);
        if (e > i && idx >= 0 && !claimed(d, i, e)) {
            int f = kj_fact_add(d, KIJI_FACT_CURRENCY, i, e);
            if (f >= 0)
                kj_attr_str(d, kj_fact_at(d, f), "currency", nd->codes[idx]);
            prev_end = e;
            i = e;
            continue;
        }
        /* the rest of an English word is no word start */
        if (is_letter(c)) {
            while (i < n && is_letter((unsigned char)s[i])) {
                d->work++;
                i++;
            }
            continue;
        }
        i = nx;
    }
}
