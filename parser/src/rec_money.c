/*
 * rec_money.c -- currency data for the numeric recognizer: ISO 4217 codes,
 * ICU's localized currency names (ja, en; plural names in en) and symbols
 * (incl. narrow ones that name one currency), then the word lists in
 * parser/data (ja/currencies, en/currencies, en/currency_symbols) on top,
 * so the lists win where ICU's choice differs (¥ is JPY, 元 CNY). Built once
 * per parser; read-only afterwards.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

#include "kj.h"
#include "rec_numeric.h"

#define PACK(k, i) ((int32_t)(((uint32_t)(k) << 24) | (uint32_t)(i)))

static bool is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Add a key to nd->before and record what it starts with for
 * kj_money_may_start. */
static bool before_add(struct kj_numeric *nd, const char *key, size_t len, int32_t v)
{
    if (len == 0 || !kj_dict_add(nd->before, key, len, v))
        return false;
    unsigned char b = (unsigned char)key[0];
    nd->before_byte[b] = true;
    if (b < 0x80 && len == 1) {
        nd->before_one[b] = true;
    } else if (b < 0x80) {
        unsigned char b2 = (unsigned char)key[1];
        nd->before_pair[b * 4 + b2 / 64] |= 1ull << (b2 % 64);
    } else {
        size_t i = 0;
        uint32_t cp = kj_u8_next(key, len, &i);
        if (b < 0xC0 || cp > 0xFFFF || cp == 0xFFFD)
            nd->before_wide = true; /* no whole BMP character first: no filter */
        else
            nd->before_cp[cp >> 6] |= 1ull << (cp & 63);
    }
    return true;
}

int kj_money_code(struct kj_numeric *nd, const char *code)
{
    for (size_t i = 0; i < nd->ncodes; i++)
        if (memcmp(nd->codes[i], code, 3) == 0)
            return (int)i;
    if (nd->ncodes == nd->capcodes) {
        size_t cap = nd->capcodes ? nd->capcodes * 2 : 256;
        char(*c)[4] = realloc(nd->codes, cap * sizeof *c);
        if (!c)
            return -1;
        nd->codes = c;
        nd->capcodes = cap;
    }
    memcpy(nd->codes[nd->ncodes], code, 3);
    nd->codes[nd->ncodes][3] = '\0';
    return (int)nd->ncodes++;
}

/* Add "key<TAB>CODE" lines as currency words. */
bool kj_money_list(struct kj_numeric *nd, kj_dict *t, const char *list, int kind)
{
    const kj_wordlist *wl = kj_wordlist_get(list);
    if (!wl)
        return false;
    for (size_t i = 0; i < wl->n; i++) {
        const char *line = wl->lines[i];
        const char *tab = strchr(line, '\t');
        if (!tab || strlen(tab + 1) != 3)
            continue;
        int idx = kj_money_code(nd, tab + 1);
        size_t n = (size_t)(tab - line);
        if (idx < 0 || (t == nd->before ? (n && !before_add(nd, line, n, PACK(kind, idx)))
                                        : !kj_numeric_add(nd, t, line, n, PACK(kind, idx))))
            return false;
    }
    return true;
}

static bool is_symbolic(const UChar *s, int32_t n)
{
    bool sym = false;
    for (int32_t i = 0; i < n; i++) {
        UChar c = s[i];
        if (c == '$' || u_charType(c) == U_CURRENCY_SYMBOL)
            sym = true;
        else if (c > 0x2FFF || !(u_isalpha(c)))
            return false;
    }
    return sym;
}

/* ICU name -> NFKC UTF-8 in out; lower case and single spaces for English,
 * no spaces for Japanese (ロシア ルーブル -> ロシアルーブル). */
static size_t icu_key(const UChar *name, int32_t n, bool en, char *out, size_t cap)
{
    UChar a[96], b[96];
    UErrorCode st = U_ZERO_ERROR;
    if (n <= 0 || n >= 96)
        return 0;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&st);
    if (U_FAILURE(st))
        return 0;
    int32_t m = unorm2_normalize(nfkc, name, n, a, 96, &st);
    if (U_FAILURE(st) || m >= 96)
        return 0;
    if (en) {
        m = u_strToLower(b, 96, a, m, "en", &st);
        if (U_FAILURE(st) || m >= 96)
            return 0;
    } else {
        memcpy(b, a, (size_t)m * sizeof *a);
    }
    int32_t k = 0;
    for (int32_t i = 0; i < m; i++) {
        if (b[i] == '(' || (b[i] >= '0' && b[i] <= '9'))
            return 0; /* "(1990-2002)": historical variants */
        if (b[i] == ' ' && (!en || k == 0 || a[k - 1] == ' '))
            continue;
        a[k++] = b[i];
    }
    int32_t len = 0;
    u_strToUTF8(out, (int32_t)cap - 1, &len, a, k, &st);
    if (U_FAILURE(st) || len <= 0 || (size_t)len >= cap)
        return 0;
    out[len] = '\0';
    return (size_t)len;
}

/* Add the ISO code, the ja and en names (en plural too) and the symbols
 * of one currency; a retired one (legacy) only by its names. */
static bool add_currency(struct kj_numeric *nd, kj_dict *code_stop, const char *code, bool legacy)
{
    UChar ucode[4];
    u_charsToUChars(code, ucode, 3);
    ucode[3] = 0;
    int idx = kj_money_code(nd, code);
    if (idx < 0)
        return false;
    bool ok = true;
    /* ALL, TOP, CUP are words in a headline before a number */
    if (!legacy && !kj_dict_get(code_stop, code, 3, NULL))
        ok = before_add(nd, code, 3, PACK(NW_CURRENCY, idx));
    char key[256];
    static const char *const locs[] = {"ja", "en"};
    for (int l = 0; l < 2 && ok; l++) {
        bool en = l == 1;
        kj_dict *after = en ? nd->en_after : nd->ja_after;
        UBool choice;
        int32_t n = 0;
        UErrorCode s2 = U_ZERO_ERROR;
        const UChar *name = ucurr_getName(ucode, locs[l], UCURR_LONG_NAME, &choice, &n, &s2);
        size_t kl;
        if (U_SUCCESS(s2) && s2 != U_USING_DEFAULT_WARNING &&
            (kl = icu_key(name, n, en, key, sizeof key)) > 0)
            ok = ok && kj_numeric_add(nd, after, key, kl, PACK(NW_CURRENCY, idx));
        if (!en && U_SUCCESS(s2) && s2 != U_USING_DEFAULT_WARNING && n > 0 && n < 90) {
            /* スイス フラン is also written スイス・フラン */
            UChar dot[96];
            int32_t m = 0;
            for (int32_t x = 0; x < n && m < 95; x++)
                dot[m++] = name[x] == ' ' ? 0x30FB : name[x];
            if ((kl = icu_key(dot, m, false, key, sizeof key)) > 0)
                ok = ok && kj_numeric_add(nd, after, key, kl, PACK(NW_CURRENCY, idx));
        }
        s2 = U_ZERO_ERROR;
        if (en) {
            name = ucurr_getPluralName(ucode, "en", &choice, "other", &n, &s2);
            if (U_SUCCESS(s2) && s2 != U_USING_DEFAULT_WARNING &&
                (kl = icu_key(name, n, true, key, sizeof key)) > 0)
                ok = ok && kj_numeric_add(nd, after, key, kl, PACK(NW_CURRENCY, idx));
            s2 = U_ZERO_ERROR;
        }
        /* symbols: $, A$, € ... and the narrow ones (₡, ₭) */
        static const UCurrNameStyle styles[] = {UCURR_SYMBOL_NAME, UCURR_NARROW_SYMBOL_NAME};
        for (int y = 0; y < 2 && ok && !legacy; y++) {
            s2 = U_ZERO_ERROR;
            name = ucurr_getName(ucode, locs[l], styles[y], &choice, &n, &s2);
            /* a narrow "$" or "¥" is ambiguous: keep only symbols of
             * their own (₡ is CRC alone) */
            if (y == 1 && n == 1 && (name[0] == '$' || name[0] == 0xA5 || name[0] == 0xA3))
                continue;
            if (U_SUCCESS(s2) && is_symbolic(name, n) &&
                (kl = icu_key(name, n, false, key, sizeof key)) > 0 &&
                !kj_dict_get(nd->before, key, kl, NULL))
                ok = ok && before_add(nd, key, kl, PACK(NW_CURRENCY, idx));
        }
    }
    return ok;
}

bool kj_money_icu(struct kj_numeric *nd)
{
    UErrorCode st = U_ZERO_ERROR;
    kj_dict *code_stop = kj_dict_new();
    if (!code_stop || !kj_dict_add_list(code_stop, kj_wordlist_get("en/currency_code_stop"), 1)) {
        kj_dict_free(code_stop);
        return false;
    }
    /* Pass 0: the current currencies, by code, name and symbol. Pass 1:
     * the retired ones a dated wire still writes (Spanish pesetas, Austrian
     * schillings, German marks), by their names only: their codes (ATS,
     * SIT, SUR) are words before a number and their symbols are shared
     * with the current ones. ICU's names of dated variants ("(1990-2002)")
     * are left out (icu_key). */
    bool ok = true;
    for (int pass = 0; pass < 2 && ok; pass++) {
        UEnumeration *e = ucurr_openISOCurrencies(
            pass == 0 ? UCURR_COMMON | UCURR_NON_DEPRECATED : UCURR_DEPRECATED, &st);
        if (U_FAILURE(st))
            break;
        const char *code;
        int32_t clen;
        while (ok && (code = uenum_next(e, &clen, &st)) != NULL && U_SUCCESS(st))
            if (clen == 3)
                ok = add_currency(nd, code_stop, code, pass == 1);
        uenum_close(e);
    }
    kj_dict_free(code_stop);
    return ok && U_SUCCESS(st);
}

/* A dollar sign after a country prefix or an ISO code, in any case and
 * maybe a space apart: "c $ 16.4" (C$), "hk $" (HK$), "AUD$ 15", "nzd$15".
 * Its length, 0 when the letters at pos are not such a prefix. */
static size_t prefixed_dollar(const struct kj_numeric *nd, const kiji_doc *d, size_t pos,
                              int32_t *v)
{
    const unsigned char *s = (const unsigned char *)d->norm;
    size_t n = d->norm_len, e = pos;
    char key[8];
    if (pos > 0 && (is_letter(s[pos - 1]) || is_digit(s[pos - 1])))
        return 0;
    while (e < n && e - pos < 4 && is_letter(s[e])) {
        key[e - pos] = (char)((s[e] >= 'a' && s[e] <= 'z') ? s[e] - 32 : s[e]);
        e++;
    }
    size_t l = e - pos;
    if (l == 0 || l > 3)
        return 0;
    size_t k = e < n && s[e] == ' ' ? e + 1 : e;
    if (k >= n || s[k] != '$')
        return 0;
    /* a lone letter a space apart is a word, not a prefix: "a $5 bill",
     * "Adelaide's $4 billion", "U.S $10" */
    if (l == 1 && k > e) {
        size_t b = pos;
        while (b > 0 && s[b - 1] == ' ')
            b--;
        if (key[0] == 'A' || (b > 0 && (s[b - 1] == '\'' || s[b - 1] == '.')))
            return 0;
    }
    key[l] = '$';
    if (kj_dict_get(nd->before, key, l + 1, v))
        return k + 1 - pos;
    if (l == 3 && kj_dict_get(nd->before, key, 3, v))
        return k + 1 - pos;
    return 0;
}

/* The currency symbol or code before a number at pos: its length. */
size_t kj_money_symbol(const kiji_doc *d, size_t pos, int32_t *v)
{
    const struct kj_numeric *nd = d->p->numeric;
    if (is_letter((unsigned char)d->norm[pos])) {
        size_t pl = prefixed_dollar(nd, d, pos, v);
        if (pl)
            return pl;
    }
    size_t len = kj_dict_longest(nd->before, d->norm, d->norm_len, pos, v);
    if (!len)
        return 0;
    const unsigned char *s = (const unsigned char *)d->norm;
    /* letters in the key need word edges: "USD 200" but not "XUSD" */
    if (is_letter(s[pos])) {
        if (pos > 0 && (is_letter(s[pos - 1]) || is_digit(s[pos - 1])))
            return 0;
        if (is_letter(s[pos + len - 1]) && pos + len < d->norm_len && is_letter(s[pos + len]))
            return 0;
    }
    return len;
}

bool kj_money_may_start(const struct kj_numeric *nd, const kiji_doc *d, size_t pos, uint32_t cp)
{
    const unsigned char *s = (const unsigned char *)d->norm;
    unsigned char b = s[pos];
    if (b >= 0x80)
        return kj_money_cp_may_start(nd, b, cp);
    size_t n = d->norm_len, e = pos;
    /* a key of `before` here: the one byte ($) or its first two (USD, Rs) */
    if (nd->before_one[b])
        return true;
    if (pos + 1 < n && (nd->before_pair[b * 4 + s[pos + 1] / 64] >> (s[pos + 1] % 64) & 1))
        return true;
    if (!is_letter(b))
        return false;
    /* prefixed_dollar: one to three letters, maybe a space, then $ */
    while (e < n && e - pos < 4 && is_letter(s[e]))
        e++;
    if (e - pos > 3)
        return false;
    if (e < n && s[e] == ' ')
        e++;
    return e < n && s[e] == '$';
}

/* ---- currency names several currencies share ---------------------------- */

bool kj_money_shared_init(struct kj_numeric *nd)
{
    nd->none = kj_money_code(nd, "XXX");
    nd->shared = kj_dict_new();
    if (nd->none < 0 || !nd->shared)
        return false;
    static const char *const lists[] = {"ja/currency_shared", "en/currency_shared"};
    for (int l = 0; l < 2; l++) {
        const kj_wordlist *wl = kj_wordlist_get(lists[l]);
        if (!wl)
            return false;
        kj_dict *after = l ? nd->en_after : nd->ja_after;
        nd->shared_wl[l] = wl;
        for (size_t i = 0; i < wl->n && i < (1u << 24) - 1; i++) {
            const char *line = wl->lines[i];
            const char *tab = strchr(line, '\t');
            if (!tab || tab == line)
                continue;
            size_t n = (size_t)(tab - line);
            const char *code = tab + 1, *tab2 = strchr(code, '\t');
            size_t cl = tab2 ? (size_t)(tab2 - code) : strlen(code);
            char iso[4];
            int idx = nd->none;
            if (cl == 3) {
                memcpy(iso, code, 3);
                iso[3] = '\0';
                idx = kj_money_code(nd, iso);
            }
            if (idx < 0 || !kj_numeric_add(nd, after, line, n, PACK(NW_CURRENCY, idx)) ||
                !kj_dict_add(nd->shared, line, n,
                             (int32_t)(((uint32_t)l << 24) | (uint32_t)(i + 1))) ||
                (l == 0 && !kj_dict_add(nd->ja_follow, line, n, 1)))
                return false;
        }
    }
    return true;
}

static bool is_kata(uint32_t c)
{
    return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Is the ASCII word s[b, e) in dict, compared in lower case? A word of 16
 * bytes or more is in none of the word lists asked here. */
static bool word_in(const kj_dict *dict, const unsigned char *s, size_t b, size_t e)
{
    char low[16];
    if (e - b >= sizeof low)
        return false;
    for (size_t k = b; k < e; k++)
        low[k - b] = (char)lower(s[k]);
    return kj_dict_get(dict, low, e - b, NULL);
}

/* Does the money fact f hold a shared currency name written bare, right
 * after its number (500 pesos, 200 million dinars, 10億ディナール), not
 * after a country word (Iraqi dinars, フィリピンペソ: ICU's names, read as
 * that currency already)? The word in [*ws, *we). */
static bool shared_word(const kiji_doc *d, const kj_fact *f, size_t *ws, size_t *we)
{
    const struct kj_numeric *nd = d->p->numeric;
    const unsigned char *s = (const unsigned char *)d->norm;
    size_t i = f->ns;
    if (d->lang == KJ_LANG_EN) {
        size_t prev_s = SIZE_MAX, prev_e = 0; /* the word before, if letters */
        bool prev_num = false;
        while (i < f->ne) {
            if (!is_letter(s[i])) {
                if (is_digit(s[i]))
                    prev_num = true, prev_s = SIZE_MAX;
                i++;
                continue;
            }
            size_t b = i;
            while (i < f->ne && is_letter(s[i]))
                i++;
            if (word_in(nd->shared, s, b, i)) {
                bool bare = prev_num && prev_s == SIZE_MAX;
                if (prev_s != SIZE_MAX) /* ten dinars, 200 million dinars */
                    bare = word_in(nd->en_words, s, prev_s, prev_e);
                if (bare && (b == 0 || s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == '-' ||
                             is_digit(s[b - 1]))) {
                    *ws = b;
                    *we = i;
                    return true;
                }
            }
            prev_s = b;
            prev_e = i;
            prev_num = false;
        }
        return false;
    }
    while (i < f->ne) {
        size_t nx = i;
        uint32_t c = kj_u8_next(d->norm, f->ne, &nx);
        if (!is_kata(c)) {
            i = nx;
            continue;
        }
        size_t b = i;
        while (i < f->ne) {
            size_t k = i;
            if (!is_kata(kj_u8_next(d->norm, f->ne, &k)))
                break;
            i = k;
        }
        if (b > f->ns && kj_dict_get(nd->shared, d->norm + b, i - b, NULL)) {
            *ws = b;
            *we = i;
            return true;
        }
    }
    return false;
}

/* The country the article speaks of around [ns, ne): the code of the
 * nearest place mention before it (a country, or a city or region with its
 * country's code), else of the first one after it; NULL when none. */
/* The mentions of the places with a two-letter country code, in text
 * order (ties in fact and mention order), built once per article when
 * the first amount asks country_near: each amount then finds its
 * neighbours by binary search instead of reading every fact (a long
 * document of many amounts and places made that quadratic). */
typedef struct country_mention {
    size_t ns, ne, ord;
    const char *code;
} country_mention;

typedef struct country_mentions {
    country_mention *v;
    size_t n;
    bool built;
} country_mentions;

static int cm_cmp(const void *a, const void *b)
{
    const country_mention *x = a, *y = b;
    if (x->ns != y->ns)
        return x->ns < y->ns ? -1 : 1;
    return x->ord < y->ord ? -1 : x->ord > y->ord;
}

static void cm_build(kiji_doc *d, country_mentions *c)
{
    c->built = true;
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t ord = 0;
        for (size_t i = 0; i < d->nfacts; i++) {
            kj_fact *f = kj_fact_at(d, (int)i);
            d->work++;
            if (!f || f->dropped || f->type != KIJI_FACT_PLACE)
                continue;
            const kj_attr *a = kj_attr_get(f, "code");
            if (!a || !a->s || strlen(a->s) != 2 || !is_letter((unsigned char)a->s[0]))
                continue;
            for (size_t m = 0; m < f->nmentions; m++, ord++)
                if (pass == 1)
                    c->v[c->n++] =
                        (country_mention){f->mentions[m].ns, f->mentions[m].ne, ord, a->s};
            n = ord;
        }
        if (pass == 0) {
            if (n == 0)
                return;
            c->v = kj_alloc(d, n * sizeof *c->v);
        }
    }
    kj_sort(&d->sort, c->v, c->n, sizeof *c->v, cm_cmp);
}

/* The index of the first element of v[0..n), sorted by start, that
 * starts at or after pos: v's elements are size bytes each and open with
 * their start offset (a size_t), as money_ref and country_mention do. */
static size_t span_from(kiji_doc *d, const void *v, size_t n, size_t size, size_t pos)
{
    const unsigned char *p = v;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, ns;
        memcpy(&ns, p + mid * size, sizeof ns);
        d->work++;
        if (ns < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first of c's mentions starting at or after pos. */
static size_t cm_from(kiji_doc *d, const country_mentions *c, size_t pos)
{
    return span_from(d, c->v, c->n, sizeof *c->v, pos);
}

/* The country of the place mentioned nearest before [ns, ne) (the latest
 * mention ending by ns), else nearest after it (the first starting at or
 * after ne). */
static const char *country_near(kiji_doc *d, country_mentions *c, size_t ns, size_t ne)
{
    if (!c->built)
        cm_build(d, c);
    for (size_t k = cm_from(d, c, ns); k-- > 0;) {
        d->work++;
        if (c->v[k].ne <= ns)
            return c->v[k].code;
    }
    size_t k = cm_from(d, c, ne);
    return k < c->n ? c->v[k].code : NULL;
}

/* Does ICU's name of currency code (long or plural, in the text's
 * language) have the word? */
static bool name_has(const UChar *code, bool en, const char *word, size_t wl)
{
    for (int k = 0; k < (en ? 2 : 1); k++) {
        UBool choice;
        int32_t n = 0;
        UErrorCode st = U_ZERO_ERROR;
        const UChar *name =
            k == 0 ? ucurr_getName(code, en ? "en" : "ja", UCURR_LONG_NAME, &choice, &n, &st)
                   : ucurr_getPluralName(code, "en", &choice, "other", &n, &st);
        char key[256];
        size_t kl;
        if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING ||
            (kl = icu_key(name, n, en, key, sizeof key)) == 0)
            continue;
        for (size_t i = 0; i + wl <= kl; i++)
            if (memcmp(key + i, word, wl) == 0 && (!en || i == 0 || key[i - 1] == ' ') &&
                (!en || i + wl == kl || key[i + wl] == ' '))
                return true;
    }
    return false;
}

/* Does ICU's name of currency code have one of the other words the
 * shared word's list line gives in its third column (crowns: krona kronor
 * krone kroner koruna), space-separated? */
static bool alias_has(const struct kj_numeric *nd, const UChar *code, bool en, const char *word,
                      size_t wl)
{
    int32_t v;
    if (!kj_dict_get(nd->shared, word, wl, &v) || v <= 0)
        return false;
    const kj_wordlist *list = nd->shared_wl[(uint32_t)v >> 24 & 1];
    size_t line = ((uint32_t)v & 0xFFFFFF) - 1;
    if (!list || line >= list->n)
        return false;
    const char *a = strchr(list->lines[line], '\t');
    a = a ? strchr(a + 1, '\t') : NULL;
    while (a && *a) {
        while (*a == '\t' || *a == ' ')
            a++;
        size_t n = strcspn(a, " \t");
        if (n && name_has(code, en, a, n))
            return true;
        a += n;
    }
    return false;
}

/* Is money fact f an amount written with no currency word of its own, its
 * letters all number or scale words ("127.5 mln", "4.2 billion", "two
 * billion")? */
static bool bare_amount(const kiji_doc *d, const kj_fact *f)
{
    const struct kj_numeric *nd = d->p->numeric;
    const unsigned char *s = (const unsigned char *)d->norm;
    bool any = false; /* a figure or a number word */
    for (size_t i = f->ns; i < f->ne;) {
        if (is_digit(s[i]) || is_letter(s[i]))
            any = true;
        if (!is_letter(s[i])) {
            if (s[i] >= 0x80 || s[i] == '$')
                return false;
            i++;
            continue;
        }
        size_t b = i;
        while (i < f->ne && is_letter(s[i]))
            i++;
        if (!word_in(nd->en_words, s, b, i))
            return false;
    }
    return any;
}

/* The longest bare amount resolve_compared looks for, in bytes ("127.5
 * mln", "four hundred and twenty billion"), and the widest gap between it
 * and the amount it is compared with. */
#define COMPARED_MAX 128
#define COMPARED_GAP 160 /* rec_numeric's reach for a bare figure in its sentence */

/* The article's money facts in text order, built once when the first
 * currency changes (kj_money_resolve), so that each change looks only at
 * the facts around it: each fact's neighbours in a list, not every fact. */
typedef struct money_ref {
    size_t ns;
    size_t idx;
} money_ref;

typedef struct money_refs {
    money_ref *r;
    size_t n;
    bool built;
} money_refs;

static int ref_cmp(const void *a, const void *b)
{
    const money_ref *x = a, *y = b;
    if (x->ns != y->ns)
        return x->ns < y->ns ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static void refs_build(kiji_doc *d, money_refs *m)
{
    m->built = true;
    size_t n = 0;
    for (size_t j = 0; j < d->nfacts; j++) {
        const kj_fact *g = kj_fact_at(d, (int)j);
        if (g && !g->dropped && g->type == KIJI_FACT_MONEY)
            n++;
    }
    d->work += d->nfacts;
    if (n == 0)
        return;
    m->r = kj_alloc(d, n * sizeof *m->r);
    for (size_t j = 0; j < d->nfacts; j++) {
        const kj_fact *g = kj_fact_at(d, (int)j);
        if (g && !g->dropped && g->type == KIJI_FACT_MONEY)
            m->r[m->n++] = (money_ref){g->ns, j};
    }
    kj_sort(&d->sort, m->r, m->n, sizeof *m->r, ref_cmp);
}

/* A bare amount compared with f in its phrase ("154.7 mln pesos vs 127.5
 * mln"), or going on with it in the next sentence, took f's currency when
 * it was read: it takes f's resolved one too, and where f had none
 * before (old NULL: 400 mln crowns, read as SEK from the dateline), the
 * amount, which had none either, takes it. Only the money facts
 * starting in reach of f are looked at. */
/* Has this resolve_compared call just set fact j's currency (to iso, the
 * very string it sets)? */
static bool resolved_here(kiji_doc *d, size_t j, const char *iso)
{
    const kj_fact *g = kj_fact_at(d, (int)j);
    const kj_attr *at = g ? kj_attr_get(g, "currency") : NULL;
    return at && at->s == iso;
}

static void resolve_compared(kiji_doc *d, money_refs *m, size_t fi, const char *old,
                             const char *iso)
{
    if (!m->built)
        refs_build(d, m);
    kj_fact *f = kj_fact_at(d, (int)fi);
    size_t ns = f->ns, ne = f->ne;
    int sent = f->sentence;
    size_t from = ns > COMPARED_MAX + COMPARED_GAP ? ns - COMPARED_MAX - COMPARED_GAP : 0;
    size_t lo = span_from(d, m->r, m->n, sizeof *m->r, from);
    /* reach: the end of f or of the last bare amount this loop resolved
     * after it, and that one's sentence: a table's rows
     * go on from one to the next ("Shr 11 cts / Loss 739,146 / Revs
     * 11,754,251") */
    size_t reach = ne;
    int rsent = sent;
    for (size_t k = lo; k < m->n && m->r[k].ns <= reach + COMPARED_GAP; k++) {
        d->work++;
        size_t j = m->r[k].idx;
        kj_fact *g = kj_fact_at(d, (int)j);
        if (j == fi || !g || g->dropped || g->ne - g->ns > COMPARED_MAX)
            continue;
        /* the next sentence going on with the figures ("a 900 mln franc
         * issue. Another bank leads a 400 mln issue"; "Net 8.2 mln pesos /
         * Revs 61.3 mln vs 55.9 mln"): only a bare amount right after f
         * or after one this loop has just resolved, in the sentence of
         * that one or the next */
        bool later = g->sentence != sent;
        if (later && (g->sentence < rsent || g->sentence > rsent + 1 || g->ns < ne || k == 0 ||
                      !(m->r[k - 1].idx == fi || resolved_here(d, m->r[k - 1].idx, iso))))
            continue;
        size_t from_end = later ? reach : ne;
        size_t gap = g->ns >= from_end ? g->ns - from_end : ns >= g->ne ? ns - g->ne : SIZE_MAX;
        /* old NULL: f had no currency when g took f's, so g has none */
        const kj_attr *at = kj_attr_get(g, "currency");
        const char *gs = at ? at->s : NULL;
        if (gap > COMPARED_GAP || (old ? !gs || strcmp(gs, old) != 0 : gs != NULL) ||
            !bare_amount(d, g))
            continue;
        if (at)
            ((kj_attr *)at)->s = iso;
        else
            kj_attr_str(d, g, "currency", iso);
        /* the chain goes on from the last amount resolved, in f's
         * sentence too: a note's list of figures runs into the next
         * sentence from its last one ("interest 52.60 mln vs 48.10 mln.
         * Net excludes a charge of 77.4 mln") */
        if (g->ne > reach) {
            reach = g->ne;
            rsent = g->sentence;
        }
    }
}

/* The currency an English article names in full with a shared word: the
 * first "<Word> word" of the text that is a currency name ("amounts are
 * in Philippine pesos": PHP), NULL when none. The words an article's
 * money facts use are gathered first and answered in one pass over the
 * text, however many there are. */
typedef struct named_memo {
    char word[64]; /* lower case */
    size_t wl;
    const char *named;
    bool done;
} named_memo;

#define NAMED_MEMO 32

/* One pass over the text answering every open entry of memo[0..n). */
static void named_scan(kiji_doc *d, named_memo *memo, size_t n)
{
    const struct kj_numeric *nd = d->p->numeric;
    const unsigned char *s = (const unsigned char *)d->norm;
    size_t len = d->norm_len, left = 0;
    uint32_t first = 0; /* the first letters of the open words */
    for (size_t k = 0; k < n; k++)
        if (!memo[k].done && memo[k].wl) {
            first |= 1u << (memo[k].word[0] - 'a');
            left++;
        }
    d->work += len;
    for (size_t i = 2; i < len && left; i++) {
        if (s[i - 1] != ' ' || !is_letter(s[i - 2]) || !is_letter(s[i]) ||
            !(first >> (lower(s[i]) - 'a') & 1))
            continue;
        size_t e = i;
        while (e < len && is_letter(s[e]))
            e++;
        for (size_t k = 0; k < n; k++) {
            named_memo *m = &memo[k];
            size_t j = 0;
            if (m->done || m->wl != e - i)
                continue;
            while (j < m->wl && lower(s[i + j]) == (unsigned char)m->word[j])
                j++;
            if (j < m->wl)
                continue;
            size_t b = i - 1;
            while (b > 0 && is_letter(s[b - 1]))
                b--;
            char key[48];
            size_t kl = e - b;
            if (kl >= sizeof key)
                break;
            for (size_t q = 0; q < kl; q++)
                key[q] = (char)lower(s[b + q]);
            int32_t v;
            if (kj_dict_get(nd->en_after, key, kl, &v) && KIND(v) == NW_CURRENCY &&
                INDEX(v) != nd->none && (size_t)INDEX(v) < nd->ncodes) {
                m->named = nd->codes[INDEX(v)];
                m->done = true;
                left--;
            }
            break;
        }
    }
    for (size_t k = 0; k < n; k++)
        memo[k].done = true;
}

/* Copies fact f's shared currency word, lower case, into m; false when f
 * has none or it does not fit. */
static bool fact_word(const kiji_doc *d, const kj_fact *f, named_memo *m)
{
    size_t ws, we;
    if (!f || f->dropped || f->type != KIJI_FACT_MONEY || !shared_word(d, f, &ws, &we) ||
        we - ws >= sizeof m->word)
        return false;
    m->wl = we - ws;
    for (size_t k = 0; k < m->wl; k++)
        m->word[k] = (char)lower((unsigned char)d->norm[ws + k]);
    m->word[m->wl] = '\0';
    m->named = NULL;
    m->done = false;
    return true;
}

/* Gathers the distinct shared words of the article's money facts into
 * memo (at most NAMED_MEMO) and answers them all in one pass. */
static size_t named_gather(kiji_doc *d, named_memo *memo, size_t nfacts)
{
    size_t n = 0;
    for (size_t i = 0; i < nfacts && n < NAMED_MEMO; i++) {
        if (!fact_word(d, kj_fact_at(d, (int)i), &memo[n]))
            continue;
        size_t k = 0;
        while (k < n &&
               !(memo[k].wl == memo[n].wl && memcmp(memo[k].word, memo[n].word, memo[n].wl) == 0))
            k++;
        n += k == n;
    }
    if (n)
        named_scan(d, memo, n);
    return n;
}

/* The answer for word w (lower case, wl bytes): from the gathered memo, or
 * a pass of its own for a word beyond it. */
static const char *word_named(kiji_doc *d, const named_memo *memo, size_t nmemo, const char *w,
                              size_t wl)
{
    for (size_t k = 0; k < nmemo; k++)
        if (memo[k].wl == wl && memcmp(memo[k].word, w, wl) == 0)
            return memo[k].named;
    named_memo one = {.wl = wl};
    memcpy(one.word, w, wl);
    named_scan(d, &one, 1);
    return one.named;
}

/* The country of an English dateline's place ("OTTAWA, March 2 -",
 * "CALGARY, Alberta, March 2 -"): the code of a place mentioned on the
 * dateline's line before its month; NULL when none. */
static const char *dateline_country(kiji_doc *d)
{
    if (d->lang != KJ_LANG_EN || (d->dl_mpos && d->dl_mpos - 1 > d->norm_len))
        return NULL;
    size_t m = d->dl_mpos ? d->dl_mpos - 1 : 0, ls = m;
    while (d->dl_mpos && ls > 0 && m - ls < 80 && d->norm[ls - 1] != '\n')
        ls--;
    for (size_t i = 0; i < d->nfacts; i++) {
        kj_fact *f = kj_fact_at(d, (int)i);
        if (!f || f->dropped || f->type != KIJI_FACT_PLACE)
            continue;
        const kj_attr *a = kj_attr_get(f, "code");
        for (size_t k = 0; a && a->s && k < f->nmentions; k++) {
            size_t ns = f->mentions[k].ns, ne = f->mentions[k].ne;
            if (d->dl_mpos && ns >= ls && ne <= m)
                return a->s;
            /* CALGARY, Alberta, March 2 - (no month right after the
             * city): a place in capitals opening a line near the top,
             * then a comma */
            bool caps = ne > ns + 2;
            for (size_t j = ns; caps && j < ne; j++)
                caps = !(d->norm[j] >= 'a' && d->norm[j] <= 'z');
            if (!d->dl_mpos && caps && ns < 400 && (ns == 0 || d->norm[ns - 1] == '\n') &&
                ne < d->norm_len && d->norm[ne] == ',')
                return a->s;
        }
    }
    return NULL;
}

/* Does money fact f end in a plain dollar word of en/plain_dollar (dlrs,
 * dollars, mln-dlr) or its cents (cts, cents: Shr 34 cts vs 1.19 dlrs),
 * two letters or more, with no U.S. / US / American in its span? */
static bool plain_dollar_fact(const kiji_doc *d, const kj_fact *f)
{
    const char *s = d->norm;
    size_t e = f->ne, b = e;
    while (b > f->ns && is_letter((unsigned char)s[b - 1]))
        b--;
    size_t n = e - b;
    char w[32];
    if (n < 2 || n >= sizeof w)
        return false;
    for (size_t k = 0; k < n; k++)
        w[k] = (char)lower((unsigned char)s[b + k]);
    if (!kj_dict_get(d->p->numeric->en_plain_dollar, w, n, NULL))
        return false;
    for (size_t i = f->ns; i + 2 <= e; i++)
        if ((s[i] == 'U' && s[i + 1] == '.') || (s[i] == 'U' && s[i + 1] == 'S') || s[i] == '$' ||
            (s[i] == 'A' && s[i + 1] == 'm'))
            return false;
    return true;
}

/* The currency of country cc (ISO 3166 alpha-2) at the publication date,
 * into code, when ICU's name of it (or the list's third column) has the
 * shared word. */
static bool shared_code(kiji_doc *d, const struct kj_numeric *nd, const char *cc, const char *word,
                        size_t wl, UChar code[8])
{
    char loc[8] = "und_";
    memcpy(loc + 4, cc, 2);
    loc[6] = '\0';
    UErrorCode st = U_ZERO_ERROR;
    int32_t n;
    if (d->pub_y > 0 && d->pub_m > 0 && d->pub_d > 0)
        n = ucurr_forLocaleAndDate(
            loc, (UDate)kj_days(d->pub_y, d->pub_m, d->pub_d) * 86400000.0 + 43200000.0, 1, code, 8,
            &st);
    else
        n = ucurr_forLocale(loc, code, 8, &st);
    if (U_FAILURE(st) || n != 3)
        return false;
    code[3] = 0;
    return name_has(code, d->lang == KJ_LANG_EN, word, wl) ||
           alias_has(nd, code, d->lang == KJ_LANG_EN, word, wl);
}

void kj_money_resolve(kiji_doc *d)
{
    const struct kj_numeric *nd = d->p->numeric;
    if (!nd || !nd->shared)
        return;
    size_t nfacts = d->nfacts;
    money_refs refs = {0};
    country_mentions cms = {0};
    named_memo memo[NAMED_MEMO];
    size_t nmemo = d->lang == KJ_LANG_EN ? named_gather(d, memo, nfacts) : 0;
    /* Reuters under a Canadian, Australian or New Zealand dateline
     * writes that country's dollars plain (OTTAWA: 600 mln dlrs; SYDNEY:
     * 40 mln dlrs) and the US dollar as U.S. dlrs */
    const char *dc = dateline_country(d);
    const char *own = !dc                     ? NULL
                      : strcmp(dc, "CA") == 0 ? "CAD"
                      : strcmp(dc, "AU") == 0 ? "AUD"
                      : strcmp(dc, "NZ") == 0 ? "NZD"
                                              : NULL;
    for (size_t i = 0; own && i < nfacts; i++) {
        kj_fact *f = kj_fact_at(d, (int)i);
        const kj_attr *cur =
            f && !f->dropped && f->type == KIJI_FACT_MONEY ? kj_attr_get(f, "currency") : NULL;
        if (cur && cur->s && strcmp(cur->s, "USD") == 0 && plain_dollar_fact(d, f)) {
            char *iso = kj_alloc(d, 4);
            memcpy(iso, own, 4);
            ((kj_attr *)cur)->s = iso;
            resolve_compared(d, &refs, i, "USD", iso);
        }
    }
    for (size_t i = 0; i < nfacts; i++) {
        kj_fact *f = kj_fact_at(d, (int)i);
        size_t ws, we;
        if (!f || f->dropped || f->type != KIJI_FACT_MONEY || !shared_word(d, f, &ws, &we))
            continue;
        char word[64];
        size_t wl = we - ws;
        if (wl >= sizeof word)
            continue;
        for (size_t k = 0; k < wl; k++)
            word[k] = (char)lower((unsigned char)d->norm[ws + k]);
        word[wl] = '\0';
        const kj_attr *cur = kj_attr_get(f, "currency");
        const char *old = cur && cur->s ? cur->s : NULL;
        const char *named = d->lang == KJ_LANG_EN ? word_named(d, memo, nmemo, word, wl) : NULL;
        if (named) {
            if (!old || strcmp(old, named) != 0) {
                char *iso = kj_alloc(d, 4);
                memcpy(iso, named, 4);
                if (cur)
                    ((kj_attr *)cur)->s = iso;
                else
                    kj_attr_str(d, f, "currency", iso);
                resolve_compared(d, &refs, i, old, iso);
            }
            continue;
        }
        /* the country named nearest (before, else after); when its
         * currency has no such word, the dateline's country (STOCKHOLM,
         * then a London-based financier, then 400 crowns: SEK) */
        const char *cands[2] = {country_near(d, &cms, f->ns, f->ne), dc};
        UChar code[8];
        bool found = false;
        for (int c = 0; c < 2 && !found; c++)
            found = cands[c] && (c == 0 || !cands[0] || strcmp(cands[0], cands[c]) != 0) &&
                    shared_code(d, nd, cands[c], word, wl, code);
        if (!found)
            continue;
        char *iso = kj_alloc(d, 4);
        u_UCharsToChars(code, iso, 3);
        iso[3] = '\0';
        f = kj_fact_at(d, (int)i);
        const kj_attr *at = kj_attr_get(f, "currency");
        if (at)
            ((kj_attr *)at)->s = iso; /* attributes are a list: set in place */
        else
            kj_attr_str(d, f, "currency", iso);
        if (!old || strcmp(old, iso) != 0)
            resolve_compared(d, &refs, i, old, iso);
    }
}
