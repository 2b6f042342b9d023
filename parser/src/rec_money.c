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
                                        : !kj_dict_add(t, line, n, PACK(kind, idx))))
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

bool kj_money_icu(struct kj_numeric *nd)
{
    UErrorCode st = U_ZERO_ERROR;
    kj_dict *code_stop = kj_dict_new();
    if (!code_stop || !kj_dict_add_list(code_stop, kj_wordlist_get("en/currency_code_stop"), 1)) {
        kj_dict_free(code_stop);
        return false;
    }
    UEnumeration *e = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &st);
    if (U_FAILURE(st))
        return false;
    bool ok = true;
    const char *code;
    int32_t clen;
    while (ok && (code = uenum_next(e, &clen, &st)) != NULL && U_SUCCESS(st)) {
        if (clen != 3)
            continue;
        UChar ucode[4];
        u_charsToUChars(code, ucode, 3);
        ucode[3] = 0;
        int idx = kj_money_code(nd, code);
        if (idx < 0) {
            ok = false;
            break;
        }
        /* ALL, TOP, CUP are words in a headline before a number */
        if (!code_stop || !kj_dict_get(code_stop, code, 3, NULL))
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
                ok = ok && kj_dict_add(after, key, kl, PACK(NW_CURRENCY, idx));
            if (!en && U_SUCCESS(s2) && s2 != U_USING_DEFAULT_WARNING && n > 0 && n < 90) {
                /* スイス フラン is also written スイス・フラン */
                UChar dot[96];
                int32_t m = 0;
                for (int32_t x = 0; x < n && m < 95; x++)
                    dot[m++] = name[x] == ' ' ? 0x30FB : name[x];
                if ((kl = icu_key(dot, m, false, key, sizeof key)) > 0)
                    ok = ok && kj_dict_add(after, key, kl, PACK(NW_CURRENCY, idx));
            }
            s2 = U_ZERO_ERROR;
            if (en) {
                name = ucurr_getPluralName(ucode, "en", &choice, "other", &n, &s2);
                if (U_SUCCESS(s2) && s2 != U_USING_DEFAULT_WARNING &&
                    (kl = icu_key(name, n, true, key, sizeof key)) > 0)
                    ok = ok && kj_dict_add(after, key, kl, PACK(NW_CURRENCY, idx));
                s2 = U_ZERO_ERROR;
            }
            /* symbols: $, A$, € ... and the narrow ones (₡, ₭) */
            static const UCurrNameStyle styles[] = {UCURR_SYMBOL_NAME, UCURR_NARROW_SYMBOL_NAME};
            for (int y = 0; y < 2 && ok; y++) {
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
    }
    uenum_close(e);
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
        if (is_letter(s[pos + len - 1]) && pos + len < d->norm_len &&
            is_letter(s[pos + len]))
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
