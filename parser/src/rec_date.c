/*
 * rec_date.c -- the temporal recognizer: dates, times, durations and sets in
 * Japanese and English, resolved against the publication date.
 *
 * This file holds what both scanners share: the word lists (dates.txt, with
 * English month and weekday names and Japanese era names from ICU), calendar
 * arithmetic, the resolution rules of GUIDELINES.md (nearest day preferring
 * the past, ISO weeks, fiscal years, anaphora) and fact output. The scanners
 * are date_ja.c and date_en.c. Invariant: every fact's bytes are unclaimed
 * when it is added (numbers taken by money/quantity are never dates) and are
 * claimed right after.
 */
#include "rec_date.h"
#include "rec_numeric.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

/* ---- calendar arithmetic ------------------------------------------------ */

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's
 * days_from_civil). */
long kj_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void kj_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int kj_mdays(int y, int m)
{
    static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 31;
    if (m == 2 && y > 0 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    if (m == 2 && y == 0)
        return 29; /* year unknown: 2月29日 may exist */
    return md[m - 1];
}

int kj_wday(long n)
{
    return (int)(((n % 7) + 7 + 3) % 7) + 1; /* 1970-01-01 was a Thursday */
}

void kj_isoweek(long n, int *wy, int *wk)
{
    long thu = n - (kj_wday(n) - 1) + 3;
    int y, m, d;
    kj_civil(thu, &y, &m, &d);
    *wy = y;
    *wk = (int)((thu - kj_days(y, 1, 1)) / 7) + 1;
}

void kj_tx_init(kj_tx *t)
{
    memset(t, 0, sizeof *t);
    t->hh = t->mi = -1;
}

/* ---- word lists ---------------------------------------------------------- */

static const struct {
    const char *name;
    int kind;
} kinds[] = {
    {"not", KJ_W_NOT},       {"day", KJ_W_DAY},         {"week", KJ_W_WEEK},
    {"month", KJ_W_MONTH},   {"year", KJ_W_YEAR},       {"fy", KJ_W_FY},
    {"aday", KJ_W_ADAY},     {"amonth", KJ_W_AMONTH},   {"ayear", KJ_W_AYEAR},
    {"set", KJ_W_SET},       {"mod", KJ_W_MOD},         {"tod", KJ_W_TOD},
    {"md", KJ_W_MD},         {"future", KJ_W_FUTURE},   {"monthname", KJ_W_MONTHN},
    {"weekday", KJ_W_WDAY},  {"unit", KJ_W_UNIT},       {"qual", KJ_W_QUAL},
    {"zone", KJ_W_ZONE},     {"ttod", KJ_W_TTOD},       {"season", KJ_W_SEASON},
    {"aweek", KJ_W_AWEEK},
};

static int mod_of(const char *s)
{
    if (strcmp(s, "start") == 0)
        return KJ_MOD_START;
    if (strcmp(s, "mid") == 0)
        return KJ_MOD_MID;
    if (strcmp(s, "end") == 0)
        return KJ_MOD_END;
    return KJ_MOD_NONE;
}

static int qual_of(const char *s)
{
    static const char *const q[] = {"none", "approx", "over", "at_least", "under", "at_most"};
    for (int i = 0; i < 6; i++)
        if (strcmp(s, q[i]) == 0)
            return i;
    return 0;
}

/* Mark the first two characters of a word of ja in the pair filter, and
 * the pair (a word of two characters) or the first three in jpair2 or
 * jtri. */
static void mark_pair(struct kj_datedata *dd, const char *key, size_t klen)
{
    size_t i = 0;
    uint32_t a = kj_u8_next(key, klen, &i);
    if (a >= 0x10000) {
        dd->jpair4 = true;
    } else if (i >= klen) {
        dd->jone[a >> 3] |= (uint8_t)(1u << (a & 7));
    } else {
        uint32_t b = kj_u8_next(key, klen, &i);
        size_t h = kj_dt_pair(a, b);
        dd->jpair[h >> 3] |= (uint8_t)(1u << (h & 7));
        if (i >= klen) {
            dd->jpair2[h >> 3] |= (uint8_t)(1u << (h & 7));
        } else {
            size_t t = kj_dt_triple(a, b, kj_u8_next(key, klen, &i));
            dd->jtri[t >> 3] |= (uint8_t)(1u << (t & 7));
        }
    }
}

/* The kinds of English words date_en.c looks up at a date's first position
 * (try_at, date_any, month, amount); the others (will, units, zones, parts
 * of the day) it reads only after another word, so they start nothing. */
static bool en_first_kind(int kind)
{
    switch (kind) {
    case KJ_W_MOD:
    case KJ_W_SET:
    case KJ_W_MONTHN:
    case KJ_W_DAY:
    case KJ_W_ADAY:
    case KJ_W_WDAY:
    case KJ_W_MD:
    case KJ_W_QUAL:
        return true;
    }
    return false;
}

/* Marks the first code point of key (n > 0 bytes) in a bitmap of one bit
 * per BMP code point, or sets *beyond when it lies past the BMP; returns
 * the code point. */
static uint32_t mark_first(uint8_t *bits, bool *beyond, const char *key, size_t n)
{
    size_t i = 0;
    uint32_t cp = kj_u8_next(key, n, &i);
    if (cp >= 0x10000)
        *beyond = true;
    else
        bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    return cp;
}

static int add_word(struct kj_datedata *dd, kj_dict *t, const char *key, size_t klen,
                    const kj_dword *w)
{
    if (dd->nw == dd->capw) {
        size_t cap = dd->capw ? dd->capw * 2 : 256;
        kj_dword *nw = realloc(dd->w, cap * sizeof *nw);
        if (!nw)
            return -1;
        dd->w = nw;
        dd->capw = cap;
    }
    dd->w[dd->nw] = *w;
    if (!kj_dict_add(t, key, klen, (int32_t)dd->nw))
        return -1;
    if (w->kind == KJ_W_FUTURE && klen > 0)
        mark_first(dd->futfirst, &dd->fut4, key, klen);
    if (t == dd->ja) {
        kj_dt_mark_start(dd, key);
        mark_pair(dd, key, klen);
    }
    else if (t == dd->en && en_first_kind(w->kind) && !kj_dt_en_first(dd, key, klen, KJ_EF_WORD))
        return -1;
    /* every kind: the test after "the" must know every entry that
     * begins with it, whichever kind a reader asks for */
    if (t == dd->en && !kj_dt_en_the(dd, key, klen))
        return -1;
    /* every kind too: "a" or "an" alone or before a byte that is no
     * letter (en keys are lower-cased: a capital counts as no letter,
     * which only sets the flag more often) */
    if (t == dd->en && klen > 0 && key[0] == 'a'
        && (klen == 1 || !(key[1] >= 'a' && key[1] <= 'z')
            || (key[1] == 'n' && (klen == 2 || !(key[2] >= 'a' && key[2] <= 'z')))))
        dd->en_article = true;
    dd->nw++;
    return 0;
}

/* A line "word<TAB>kind<TAB>arg[<TAB>mod]"; English keys are lowercased so
 * the English scanner matches on a lowercased copy of the text. */
static int load_list(struct kj_datedata *dd, kj_dict *t, const char *name, bool lower)
{
    const kj_wordlist *wl = kj_wordlist_get(name);
    if (!wl)
        return -1;
    for (size_t i = 0; i < wl->n; i++) {
        char buf[256], *col[4] = {0};
        snprintf(buf, sizeof buf, "%s", wl->lines[i]);
        int nc = 0;
        for (char *p = buf, *tok; nc < 4 && (tok = strsep(&p, "\t")) != NULL;)
            if (*tok)
                col[nc++] = tok;
        if (nc < 2)
            return -1;
        kj_dword w = {0};
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
            if (strcmp(col[1], kinds[k].name) == 0)
                w.kind = kinds[k].kind;
        if (!w.kind)
            return -1;
        const char *arg = col[2] ? col[2] : "0";
        switch (w.kind) {
        case KJ_W_SET:
        case KJ_W_TOD:
        case KJ_W_TTOD:
        case KJ_W_UNIT:
        case KJ_W_ZONE:
            snprintf(w.s, sizeof w.s, "%s", arg);
            break;
        case KJ_W_MOD:
            w.mod = mod_of(arg);
            break;
        case KJ_W_QUAL:
            w.arg = qual_of(arg);
            break;
        case KJ_W_MD:
            w.arg = atoi(arg) * 100 + (strchr(arg, '-') ? atoi(strchr(arg, '-') + 1) : 0);
            snprintf(w.s, sizeof w.s, "%s", arg); /* a moving feast's rule (date_en.c) */
            break;
        case KJ_W_SEASON:
            /* word season years SP */
            w.arg = atoi(arg);
            snprintf(w.s, sizeof w.s, "%s", col[3] ? col[3] : "");
            break;
        default:
            w.arg = atoi(arg);
        }
        if (col[3] && w.kind != KJ_W_SEASON)
            w.mod = mod_of(col[3]);
        if (lower)
            for (char *p = col[0]; *p; p++)
                if (*p >= 'A' && *p <= 'Z')
                    *p = (char)(*p - 'A' + 'a');
        if (add_word(dd, t, col[0], strlen(col[0]), &w) < 0)
            return -1;
    }
    return 0;
}

/* Symbol i of a date format as UTF-8 (lowercased when asked). */
static bool symbol(UDateFormat *f, UDateFormatSymbolType type, int i, char *out, size_t cap,
                   bool lower)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar b[64];
    int32_t n = udat_getSymbols(f, type, i, b, 64, &st);
    if (U_FAILURE(st) || n <= 0 || n >= 64)
        return false;
    if (lower) {
        UChar l[64];
        n = u_strToLower(l, 64, b, n, "en", &st);
        if (U_FAILURE(st) || n >= 64)
            return false;
        memcpy(b, l, (size_t)n * sizeof *b);
    }
    int32_t len = 0;
    u_strToUTF8(out, (int32_t)cap, &len, b, n, &st);
    return U_SUCCESS(st) && (size_t)len < cap;
}

/* English month and weekday names come from ICU's en locale; abbreviations
 * are marked (mod 1) so the scanner demands a day or a period after them
 * ("Mar. 13", never the verb "mar"). */
static int load_icu_names(struct kj_datedata *dd)
{
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_NONE, UDAT_SHORT, "en_US", NULL, 0, NULL, 0, &st);
    if (U_FAILURE(st))
        return -1;
    int rc = 0;
    char u[96];
    for (int i = 0; i < 12 && rc == 0; i++) {
        kj_dword w = {.kind = KJ_W_MONTHN, .arg = i + 1};
        if (symbol(f, UDAT_MONTHS, i, u, sizeof u, true))
            rc |= add_word(dd, dd->en, u, strlen(u), &w);
        w.mod = 1;
        if (rc == 0 && symbol(f, UDAT_SHORT_MONTHS, i, u, sizeof u, true)) {
            int32_t v;
            if (!kj_dict_get(dd->en, u, strlen(u), &v))
                rc |= add_word(dd, dd->en, u, strlen(u), &w);
        }
    }
    for (int i = UCAL_SUNDAY; i <= UCAL_SATURDAY && rc == 0; i++) {
        kj_dword w = {.kind = KJ_W_WDAY, .arg = (i + 5) % 7 + 1};
        if (symbol(f, UDAT_WEEKDAYS, i, u, sizeof u, true))
            rc |= add_word(dd, dd->en, u, strlen(u), &w);
        w.mod = 1;
        if (rc == 0 && symbol(f, UDAT_SHORT_WEEKDAYS, i, u, sizeof u, true))
            rc |= add_word(dd, dd->en, u, strlen(u), &w);
    }
    udat_close(f);
    return rc;
}

/* Add key (n bytes) to era for the era index idx, and its first character
 * to jera. */
static bool add_era(struct kj_datedata *dd, const char *key, size_t n, int idx)
{
    if (!kj_dict_add(dd->era, key, n, idx))
        return false;
    if (n == 0)
        return true;
    uint32_t cp = mark_first(dd->jera, &dd->era4, key, n);
    if (cp < 0x80 && n > 1)
        dd->jera_long[cp] = true;
    return true;
}

/* Japanese era names and the Gregorian year of each era's first year, from
 * ICU's Japanese calendar, newest first. Eras from 明治 on (the first
 * nera_modern) are read in every form; the older ones (大化 .. 慶応) only as
 * a word of their own before N年 (文化, 天保 ... are common words too). The
 * Latin initial of a modern era's English name (Reiwa -> R) gives the
 * abbreviation of R7 / H31. */
static int load_eras(struct kj_datedata *dd)
{
    static const char *loc = "ja_JP@calendar=japanese";
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *fj = udat_open(UDAT_NONE, UDAT_SHORT, loc, NULL, 0, NULL, 0, &st);
    UDateFormat *fe = udat_open(UDAT_NONE, UDAT_SHORT, "en@calendar=japanese", NULL, 0, NULL, 0, &st);
    UCalendar *cal = ucal_open(NULL, 0, loc, UCAL_DEFAULT, &st);
    int rc = U_FAILURE(st) ? -1 : 0;
    int n = rc == 0 ? udat_countSymbols(fj, UDAT_ERAS) : 0;
    size_t cap = sizeof dd->era_y1 / sizeof dd->era_y1[0];
    for (int i = n - 1; i >= 0 && rc == 0 && dd->nera < cap; i--) {
        ucal_clear(cal);
        ucal_set(cal, UCAL_ERA, i);
        ucal_set(cal, UCAL_YEAR, 1);
        int y1 = ucal_get(cal, UCAL_EXTENDED_YEAR, &st);
        if (U_FAILURE(st)) {
            rc = -1;
            break;
        }
        if (y1 >= 1868)
            dd->nera_modern = dd->nera + 1;
        char u[96];
        int idx = (int)dd->nera;
        dd->era_y1[dd->nera++] = y1;
        if (symbol(fj, UDAT_ERAS, i, u, sizeof u, false)) {
            if (!add_era(dd, u, strlen(u), idx))
                rc = -1;
            kj_dt_mark_start(dd, u);
        }
        if (rc == 0 && y1 >= 1868 && symbol(fe, UDAT_ERAS, i, u, sizeof u, false)
            && u[0] >= 'A' && u[0] <= 'Z') {
            if (!add_era(dd, u, 1, idx))
                rc = -1;
            kj_dt_mark_start(dd, u);
        }
    }
    ucal_close(cal);
    udat_close(fe);
    udat_close(fj);
    return rc;
}

/* Fill dd->jword (rec_date.h) from the other tables, once all are built;
 * nd (the parser's numeric tables) may be NULL. */
static void mark_word_only(struct kj_datedata *dd, const struct kj_numeric *nd)
{
    if (dd->jpair4)
        return;
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        size_t b = cp >> 3;
        uint8_t bit = (uint8_t)(1u << (cp & 7));
        if (!(dd->jstart[b] & bit) || (dd->jlit[b] & bit) || (dd->jone[b] & bit))
            continue;
        if (cp >= '0' && cp <= '9') {
            if (dd->jera[b] & bit)
                continue;
        } else if (cp < 0x80) {
            bool letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
            if (!letter || dd->jera_long[cp])
                continue;
        } else if (!nd || (dd->jera[b] & bit) || (nd->num_cp[cp >> 6] >> (cp & 63) & 1)) {
            continue;
        }
        dd->jword[b] |= bit;
    }
}

/* Fill dd->jscan from jstart and jword, once both are final. */
static void fill_scan(struct kj_datedata *dd)
{
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        size_t b = cp >> 3;
        uint8_t bit = (uint8_t)(1u << (cp & 7));
        unsigned t = (dd->jstart[b] & bit) ? JSCAN_START : 0;
        if (dd->jword[b] & bit)
            t |= JSCAN_WORD | (cp >= '0' && cp <= '9' ? JSCAN_AFTER_DIGIT
                               : cp < 0x80           ? JSCAN_AFTER_ALNUM
                               : kj_is_hiragana(cp)  ? JSCAN_AFTER_NOSP
                                                     : JSCAN_AFTER_ANY);
        dd->jscan[cp] = (uint8_t)t;
    }
}

int kj_date_init(kiji_parser *p)
{
    struct kj_datedata *dd = calloc(1, sizeof *dd);
    if (!dd)
        return -1;
    p->date = dd;
    dd->ja = kj_dict_new();
    dd->en = kj_dict_new();
    dd->era = kj_dict_new();
    dd->jstart = calloc(0x10000 / 8, 1);
    dd->jlit = calloc(0x10000 / 8, 1);
    dd->jpair = calloc(0x10000 / 8, 1);
    dd->jone = calloc(0x10000 / 8, 1);
    dd->jpair2 = calloc(0x10000 / 8, 1);
    dd->jtri = calloc(0x10000 / 8, 1);
    dd->jera = calloc(0x10000 / 8, 1);
    dd->jword = calloc(0x10000 / 8, 1);
    dd->futfirst = calloc(0x10000 / 8, 1);
    dd->jscan = calloc(0x10000, 1);
    dd->efirst = kj_dict_new();
    dd->ethe = kj_dict_new();
    dd->wverbs = kj_dict_new();
    if (!dd->wverbs || !kj_dict_add_list(dd->wverbs, kj_wordlist_get("en/weekday_verbs"), 0))
        return -1;
    dd->on_day = kj_dict_new();
    dd->day_lead = kj_dict_new();
    dd->day_gap = kj_dict_new();
    dd->day_change = kj_dict_new();
    dd->day_length = kj_dict_new();
    dd->sono_hedges = kj_wordlist_get("ja/sono_hedges");
    dd->incident_words = kj_wordlist_get("ja/incident_words");
    dd->dou_words = kj_wordlist_get("ja/dou_words");
    if (!dd->incident_words || !dd->dou_words ||
        !dd->on_day || !kj_dict_add_list(dd->on_day, kj_wordlist_get("en/on_day_words"), 1) ||
        !dd->day_lead || !kj_dict_add_list(dd->day_lead, kj_wordlist_get("en/day_lead_words"), 1) ||
        !dd->day_gap || !kj_dict_add_list(dd->day_gap, kj_wordlist_get("ja/day_gap_words"), 1) ||
        !dd->day_change ||
        !kj_dict_add_list(dd->day_change, kj_wordlist_get("ja/day_change_words"), 1) ||
        !dd->day_length ||
        !kj_dict_add_list(dd->day_length, kj_wordlist_get("ja/day_length_words"), 1) ||
        !dd->sono_hedges)
        return -1;
    dd->day_rate = kj_dict_new();
    dd->weekday_roles = kj_dict_new();
    dd->weekday_slots = kj_dict_new();
    if (!dd->weekday_slots || !kj_dict_add_list(dd->weekday_slots, kj_wordlist_get("ja/weekday_slots"), 1))
        return -1;
    dd->title_kinds = kj_wordlist_get("ja/title_kinds");
    if (!dd->day_rate || !kj_dict_add_list(dd->day_rate, kj_wordlist_get("ja/day_rate_words"), 1) ||
        !dd->weekday_roles || !dd->title_kinds ||
        !kj_dict_add_list(dd->weekday_roles, kj_wordlist_get("ja/weekday_roles"), 1))
        return -1;
    dd->title_kind_len = calloc(dd->title_kinds->n + 1, sizeof *dd->title_kind_len);
    if (!dd->title_kind_len)
        return -1;
    for (size_t k = 0; k < dd->title_kinds->n; k++) {
        size_t n = strlen(dd->title_kinds->lines[k]); /* a line is not empty */
        unsigned char last = (unsigned char)dd->title_kinds->lines[k][n - 1];
        dd->title_kind_len[k] = n;
        dd->title_kind_last[last >> 3] |= (uint8_t)(1u << (last & 7));
    }
    dd->unit_words = kj_dict_new();
    dd->press_cues = kj_dict_new();
    if (!dd->unit_words || !kj_dict_add_list(dd->unit_words, kj_wordlist_get("ja/unit_words"), 1) ||
        !dd->press_cues || !kj_dict_add_list(dd->press_cues, kj_wordlist_get("ja/press_cues"), 1))
        return -1;
    dd->era_words = kj_dict_new();
    dd->day_compounds = kj_dict_new();
    dd->video_words = kj_wordlist_get("ja/video_words");
    dd->announce_verbs = kj_wordlist_get("ja/announce_verbs");
    if (!dd->announce_verbs ||
        !dd->era_words || !kj_dict_add_list(dd->era_words, kj_wordlist_get("ja/era_words"), 1) ||
        !dd->day_compounds ||
        !kj_dict_add_list(dd->day_compounds, kj_wordlist_get("ja/day_compounds"), 1) ||
        !dd->video_words)
        return -1;
    if (!dd->ja || !dd->en || !dd->era || !dd->jstart || !dd->jlit || !dd->jpair || !dd->jone ||
        !dd->jpair2 || !dd->jtri ||
        !dd->jera || !dd->jword || !dd->futfirst || !dd->jscan || !dd->efirst || !dd->ethe)
        return -1;
    kj_date_ja_starts(dd);
    if (kj_date_en_starts(dd, p->numeric) < 0)
        return -1;
    if (load_list(dd, dd->ja, "ja/dates", false) < 0 || load_list(dd, dd->en, "en/dates", true) < 0)
        return -1;
    if (load_icu_names(dd) < 0 || load_eras(dd) < 0)
        return -1;
    mark_word_only(dd, p->numeric);
    fill_scan(dd);
    dd->efirst_max = kj_dict_maxlen(dd->efirst);
    dd->ethe_max = kj_dict_maxlen(dd->ethe);
    for (unsigned b = 0; b < 256; b++)
        if (kj_dict_may_start(dd->en, (unsigned char)b))
            dd->en_may[b >> 5] |= 1u << (b & 31);
    return 0;
}

void kj_date_free(kiji_parser *p)
{
    struct kj_datedata *dd = p ? p->date : NULL;
    if (!dd)
        return;
    kj_dict_free(dd->ja);
    kj_dict_free(dd->en);
    kj_dict_free(dd->era);
    kj_dict_free(dd->efirst);
    kj_dict_free(dd->ethe);
    kj_dict_free(dd->wverbs);
    kj_dict_free(dd->on_day);
    kj_dict_free(dd->day_lead);
    kj_dict_free(dd->day_gap);
    kj_dict_free(dd->day_change);
    kj_dict_free(dd->day_length);
    kj_dict_free(dd->day_rate);
    kj_dict_free(dd->weekday_roles);
    kj_dict_free(dd->weekday_slots);
    kj_dict_free(dd->unit_words);
    kj_dict_free(dd->press_cues);
    kj_dict_free(dd->era_words);
    kj_dict_free(dd->day_compounds);
    free(dd->jstart);
    free(dd->jlit);
    free(dd->jpair);
    free(dd->jone);
    free(dd->jpair2);
    free(dd->jtri);
    free(dd->jera);
    free(dd->jword);
    free(dd->jscan);
    free(dd->futfirst);
    free(dd->title_kind_len);
    free(dd->w);
    free(dd);
    p->date = NULL;
}

void kj_dt_mark_start(struct kj_datedata *dd, const char *u)
{
    size_t i = 0, n = strlen(u);
    if (!n || !dd->jstart)
        return;
    uint32_t cp = kj_u8_next(u, n, &i);
    if (cp >= 0x10000)
        dd->start4 = true;
    else
        dd->jstart[cp >> 3] |= (uint8_t)(1u << (cp & 7));
}

bool kj_dt_en_first(struct kj_datedata *dd, const char *key, size_t len, int32_t bits)
{
    size_t n = 0;
    while (n < len && key[n] >= 'a' && key[n] <= 'z')
        n++;
    int32_t v = 0;
    if (n == 0)
        return true;
    if (n == 1)
        dd->efirst3[(key[0] - 'a') * 27 + 26] = (1u << 27) - 1;
    else {
        dd->efirst3[(key[0] - 'a') * 27 + (key[1] - 'a')] |= 1u << (n > 2 ? key[2] - 'a' : 26);
        dd->eflen[(key[0] - 'a') * 26 + (key[1] - 'a')] |= 1u << (n < 31 ? n : 31);
        if (n > 2)
            dd->eflast[(key[0] - 'a') * 26 + (key[1] - 'a')] |= 1u << (key[n - 1] - 'a');
    }
    kj_dict_get(dd->efirst, key, n, &v);
    if (n <= 3)
        dd->efshort[kj_dt_ef_short_at(key, n)] = (uint8_t)(KJ_EF_SHORT_IN | v | bits);
    return kj_dict_add(dd->efirst, key, n, v | bits);
}

bool kj_dt_en_the(struct kj_datedata *dd, const char *key, size_t len)
{
    /* "the" and white space: a key that goes on otherwise (theft,
     * the-) matches only text that worth_trying (date_en.c) lets through
     * without this test */
    if (len < 3 || memcmp(key, "the", 3) != 0)
        return true;
    size_t k = 3;
    if (k < len && key[k] != ' ' && key[k] != '\n' && key[k] != '\t')
        return true;
    while (k < len && (key[k] == ' ' || key[k] == '\n' || key[k] == '\t'))
        k++;
    if (k == len) {
        dd->ethe_any = true;
        return true;
    }
    size_t a = k;
    while (k < len && key[k] >= 'a' && key[k] <= 'z')
        k++;
    /* a digit or a sign after "the ": the text's next byte is no letter
     * there, which the test lets through. The scanner's words come first
     * (kj_date_en_starts) and keep their value. */
    int32_t v;
    if (k == a || (kj_dict_get(dd->ethe, key + a, k - a, &v) && v == KJ_ETHE_READ))
        return true;
    return kj_dt_ethe_add(dd, key + a, k - a, KJ_ETHE_ENTRY);
}

bool kj_dt_ethe_add(struct kj_datedata *dd, const char *w, size_t n, int32_t v)
{
    bool letters = n > 0;
    for (size_t k = 0; k < n && letters; k++)
        letters = w[k] >= 'a' && w[k] <= 'z';
    /* the text's run of a-z after "the" matches no other key */
    if (letters && n == 1)
        dd->ethe1 |= 1u << (w[0] - 'a');
    else if (letters)
        dd->ethe3[(w[0] - 'a') * 26 + (w[1] - 'a')] |= 1u << (n > 2 ? w[2] - 'a' : 26);
    return kj_dict_add(dd->ethe, w, n, v);
}

size_t kj_dt_word(const kj_dctx *c, bool en, size_t pos, const kj_dword **w)
{
    int32_t v = 0;
    const char *s = en ? c->lc : c->s;
    /* English news wraps its lines inside phrases: a line break reads as
     * the space of a key of several words (less\nthan, by\nthe end of) */
    size_t n = en ? kj_dict_longest_sp(c->dd->en, s, c->len, pos, &v)
                  : kj_dict_longest(c->dd->ja, s, c->len, pos, &v);
    if (n == 0 || v < 0 || (size_t)v >= c->dd->nw)
        return 0;
    *w = &c->dd->w[v];
    return n;
}

/* ---- resolution ---------------------------------------------------------- */

/* A sentence break inside what the splitter gave as one sentence: white
 * space after . ! ? (and closing quotes) and before a capital letter.
 * Inlined in clause's two loops, which test every byte of up to a window
 * either side of a date and find white space at few. */
static inline __attribute__((always_inline)) bool en_break(const kj_dctx *c, size_t i)
{
    if (i + 1 >= c->len || (c->s[i] != ' ' && c->s[i] != '\n'))
        return false;
    char nx = c->s[i + 1];
    if (!(nx >= 'A' && nx <= 'Z'))
        return false;
    size_t k = i;
    while (k > 0 && i - k < 3 && (c->s[k - 1] == '\'' || c->s[k - 1] == '"'))
        k--;
    if (k < 2)
        return false;
    char pc = c->s[k - 1], pp = c->s[k - 2];
    return (pc == '.' || pc == '!' || pc == '?') && ((pp >= 'a' && pp <= 'z') || pp == '\'' || pp == '"');
}

/* The clause around pos: its sentence, cut at a ". X" inside it (English
 * sentences the splitter merged) and at most WIN bytes either side, so a
 * "will" two sentences away never moves a date forward. */
#define WIN 300
static void clause(const kj_dctx *c, size_t pos, size_t *a, size_t *b)
{
    const kiji_doc *d = c->d;
    int si = kj_sentence_of(d, pos);
    size_t lo = si >= 0 ? d->sent[si].ns : 0, hi = si >= 0 ? d->sent[si].ne : c->len;
    if (hi > c->len)
        hi = c->len;
    *a = pos > lo + WIN ? pos - WIN : lo;
    *b = hi > pos + WIN ? pos + WIN : hi;
    if (d->lang != KJ_LANG_EN)
        return;
    kj_dt_en_cut(c, pos, a, b);
}

/* Is byte b a sentence's last mark (. ! ?)? */
static inline bool end_mark(char b)
{
    return b == '.' || b == '!' || b == '?';
}

void kj_dt_en_cut(const kj_dctx *c, size_t pos, size_t *a, size_t *b)
{
    /* en_break holds at i only with a mark at one of i - 4 .. i - 1 (up
     * to three quotes between it and i): the marks are found first, and
     * en_break asked only at the four bytes after each, nearest pos
     * first. The last i > *a with en_break(i - 1): the breaks x = i - 1
     * in [*a, pos), from pos - 1 down. */
    const char *s = c->s;
    if (pos > *a) {
        size_t lo = *a, x_next = pos; /* every x >= x_next is asked */
        size_t j = pos - 1;           /* marks at j - 1 and below */
        size_t jlo = lo > 4 ? lo - 4 : 0;
        while (j > jlo) {
            j--;
            if (!end_mark(s[j]))
                continue;
            size_t top = j + 4 < x_next ? j + 4 + 1 : x_next;
            for (size_t x = top; x > j + 1 && x > lo; x--)
                if (en_break(c, x - 1)) {
                    *a = x;
                    goto fwd;
                }
            x_next = j + 1 > lo ? j + 1 : lo;
        }
    }
fwd:;
    /* the first i in [pos, *b) with en_break(i) */
    size_t hi = *b, i_next = pos; /* every i < i_next is asked */
    for (size_t j = pos > 4 ? pos - 4 : 0; j + 1 < hi; j++) {
        if (!end_mark(s[j]))
            continue;
        size_t from = j + 1 > i_next ? j + 1 : i_next;
        size_t to = j + 5 < hi ? j + 5 : hi;
        for (size_t i = from; i < to; i++)
            if (en_break(c, i)) {
                *b = i;
                return;
            }
        if (to > i_next)
            i_next = to;
    }
}

/* Can a KJ_W_FUTURE key of the list kj_dt_word reads begin at i (i <
 * c->len)? By the key's first character (dd->futfirst): the longest key
 * there (kj_dt_word's answer) is no such key where none begins. The
 * lowercased text differs from d->norm only in ASCII letters, so a
 * character past ASCII is read from the decoded-character table. */
static bool future_may_start(const kj_dctx *c, size_t i)
{
    const struct kj_datedata *dd = c->dd;
    unsigned char b = (unsigned char)c->lc[i];
    uint32_t cp = b;
    if (b >= 0x80) {
        size_t k = i;
        cp = kj_cp_next(c->d, c->len, &k);
    }
    if (cp >= 0x10000)
        return dd->fut4;
    return dd->futfirst[cp >> 3] & (1u << (cp & 7));
}

/* Does a KJ_W_FUTURE word start at a character in [from, to)? Reads from
 * from up to the first one (*at) or to the end (*end, the first position
 * at or past to). */
static bool future_scan(kj_dctx *c, size_t from, size_t to, size_t *at, size_t *end)
{
    kiji_doc *d = c->d;
    bool en = d->lang == KJ_LANG_EN;
    size_t i = from;
    while (i < to) {
        d->work++;
        const kj_dword *w;
        /* inside an English word nothing below can hold: no look-up */
        bool apos = c->lc[i] == '\'' || kj_at(c->lc, c->len, i, "\xe2\x80\x99");
        bool inword = en && i > 0 && c->lc[i - 1] >= 'a' && c->lc[i - 1] <= 'z' && !apos;
        size_t n = inword || !future_may_start(c, i) ? 0 : kj_dt_word(c, en, i, &w);
        if (n && w->kind == KJ_W_FUTURE) {
            /* English words need word boundaries: "will" not "willing" */
            bool ok = true;
            if (en) {
                /* a contraction ('ll) follows its word: "I'll", "we'll" */
                char pc = i > 0 && !apos ? c->lc[i - 1] : ' ', nc = c->lc[i + n];
                ok = !(pc >= 'a' && pc <= 'z') && !(nc >= 'a' && nc <= 'z');
            }
            if (ok) {
                *at = i;
                return true;
            }
        }
        i += kj_u8_len((unsigned char)c->s[i]);
        /* the rest of an English word: each letter after a letter is
         * inside the word (a letter is no apostrophe), a step with no
         * look-up, counted as the loop counts it */
        if (en)
            while (i < to && c->lc[i - 1] >= 'a' && c->lc[i - 1] <= 'z' && c->lc[i] >= 'a'
                   && c->lc[i] <= 'z') {
                d->work++;
                i++;
            }
    }
    *end = i;
    return false;
}

/* [x, y) read with no future word in it: joined to the span kj_dt_future
 * remembers when the two meet, else in its place. */
static void future_clean(kj_dctx *c, size_t x, size_t y)
{
    if (y <= x)
        return;
    if (c->fut_cb > c->fut_ca && x <= c->fut_cb && y >= c->fut_ca) {
        c->fut_ca = x < c->fut_ca ? x : c->fut_ca;
        c->fut_cb = y > c->fut_cb ? y : c->fut_cb;
    } else {
        c->fut_ca = x;
        c->fut_cb = y;
    }
}

/* Does lc[..pos) end with "deadline of " (any white space: the line may
 * break between the words)? The date of a deadline is one still ahead
 * when it is set ("bids are due by a deadline of May"). English. */
static bool deadline_of_before(const char *lc, size_t pos)
{
    size_t k = pos;
    for (int part = 0; part < 2; part++) {
        size_t w = k;
        while (w > 0 && k - w < 4 && (lc[w - 1] == ' ' || lc[w - 1] == '\n'))
            w--;
        if (w == k)
            return false;
        const char *word = part == 0 ? "of" : "deadline";
        size_t n = strlen(word);
        if (!kj_before(lc, w, word))
            return false;
        k = w - n;
    }
    return k == 0 || !(lc[k - 1] >= 'a' && lc[k - 1] <= 'z');
}

bool kj_dt_future(kj_dctx *c, size_t pos)
{
    kiji_doc *d = c->d;
    size_t a, b;
    clause(c, pos, &a, &b);
    bool en = d->lang == KJ_LANG_EN;
    /* "since December" starts a span that reaches the present: a past
     * date whatever the rest of the clause says */
    if (en && kj_before(c->lc, pos, "since "))
        return false;
    if (en && deadline_of_before(c->lc, pos))
        return true;
    /* Whether a future word starts at a character of [a, b) depends on
     * the text alone: the clauses of nearby dates overlap, and what an
     * earlier call read is not read again (the span known to hold none,
     * the last one found). A scan that starts at the end of a span read
     * before starts at a character, as one from a would reach it. */
    if (c->fut_found && c->fut_at >= a && c->fut_at < b)
        return true;
    size_t ca = c->fut_ca, cb = c->fut_cb, at, end;
    if (cb <= ca)
        ca = cb = SIZE_MAX; /* nothing remembered: one scan of [a, b) */
    if (a < ca) {
        size_t to = b < ca ? b : ca;
        if (future_scan(c, a, to, &at, &end)) {
            c->fut_found = true;
            c->fut_at = at;
            return true;
        }
        future_clean(c, a, end);
    }
    if (cb != SIZE_MAX && b > cb) {
        size_t from = a > cb ? a : cb;
        if (future_scan(c, from, b, &at, &end)) {
            c->fut_found = true;
            c->fut_at = at;
            return true;
        }
        future_clean(c, from, end);
    }
    return false;
}

void kj_dt_shift(kj_tx *t, int grain, int n)
{
    if (!t->y)
        return;
    switch (grain) {
    case KJ_G_YEAR:
    case KJ_G_FY:
        t->y += n;
        break;
    case KJ_G_MONTH: {
        if (!t->m)
            return;
        long mm = (long)t->y * 12 + (t->m - 1) + n;
        t->y = (int)(mm / 12);
        t->m = (int)(mm % 12) + 1;
        if (t->d > kj_mdays(t->y, t->m))
            t->d = kj_mdays(t->y, t->m);
        break;
    }
    case KJ_G_WEEK:
    case KJ_G_DAY: {
        if (!t->m || !t->d)
            return;
        long z = kj_days(t->y, t->m, t->d) + (grain == KJ_G_WEEK ? 7L * n : n);
        kj_civil(z, &t->y, &t->m, &t->d);
        break;
    }
    }
}

/* Relative to the publication date: kind is a KJ_W_DAY .. KJ_W_FY. */
void kj_dt_rel(kj_dctx *c, kj_tx *t, int kind, int off)
{
    t->rel = true;
    bool known = c->py > 0;
    switch (kind) {
    case KJ_W_DAY:
        t->grain = KJ_G_DAY;
        if (known) {
            t->y = c->py, t->m = c->pm, t->d = c->pd;
            kj_dt_shift(t, KJ_G_DAY, off);
        }
        break;
    case KJ_W_WEEK:
        t->grain = KJ_G_WEEK;
        if (known) {
            int wy, wk;
            kj_isoweek(kj_days(c->py, c->pm, c->pd) + 7L * off, &wy, &wk);
            t->y = wy, t->wk = wk;
        }
        break;
    case KJ_W_MONTH:
        t->grain = KJ_G_MONTH;
        if (known) {
            t->y = c->py, t->m = c->pm;
            kj_dt_shift(t, KJ_G_MONTH, off);
        }
        break;
    case KJ_W_YEAR:
        t->grain = KJ_G_YEAR;
        if (known)
            t->y = c->py + off;
        break;
    case KJ_W_FY:
        /* the Japanese fiscal year runs April to March: 2026-02 is FY2025 */
        t->grain = KJ_G_FY;
        if (known)
            t->y = (c->pm >= 4 ? c->py : c->py - 1) + off;
        break;
    }
}

/* The last date is close enough to lend its month or year: same paragraph,
 * this sentence or the one before (7月20日。22日には -> July 22). */
bool kj_dt_last_near(kj_dctx *c, size_t pos)
{
    if (!c->has_last)
        return false;
    int si = kj_sentence_of(c->d, pos);
    if (si < 0 || c->last_sent < 0)
        return false;
    return si - c->last_sent <= 1 && c->d->sent[si].para == c->last_para;
}

/* 読んだ, 死んだ, つかんだ, 及んだ: the だ ending at e is a past tense
 * after ん, unless the ん is the explanatory one after a dictionary form
 * or な (するんだ, 行くんだ, いいんだ, 問題なんだ). lo is the sentence start. */
static bool nda_past(kj_dctx *c, size_t lo, size_t e)
{
    size_t ps;
    if (e <= lo || kj_u8_prev(c->s, e, &ps) != 0x3093 || ps <= lo) /* ん */
        return false;
    uint32_t ch = kj_u8_prev(c->s, ps, &ps);
    static const uint32_t expl[] = {0x3044, 0x3046, 0x304F, 0x3050, 0x3059, 0x305A, 0x3064,
                                    0x3065, 0x306A, 0x306C, 0x3075, 0x3076, 0x3077, 0x3080,
                                    0x3086, 0x308B}; /* いうくぐすずつづなぬふぶぷむゆる */
    for (size_t k = 0; k < sizeof expl / sizeof expl[0]; k++)
        if (ch == expl[k])
            return false;
    return kj_is_kanji(ch) || (ch >= 0x3041 && ch <= 0x3096);
}

/* The last character of the Japanese sentence holding pos before its
 * closing marks and spaces (。 ! ? 」 』 ), at most eight back: its code
 * point in *ch, where it starts in *at, the sentence's start in *lo;
 * false when there is none. */
static bool sentence_last_ja(kj_dctx *c, size_t pos, uint32_t *ch, size_t *at, size_t *lo)
{
    const kiji_doc *d = c->d;
    int si = kj_sentence_of(d, pos);
    if (si < 0)
        return false;
    *lo = d->sent[si].ns;
    size_t i = d->sent[si].ne < c->len ? d->sent[si].ne : c->len;
    for (int k = 0; k < 8 && i > *lo; k++) {
        size_t ps;
        uint32_t u = kj_u8_prev(c->s, i, &ps);
        c->d->work++;
        if (!(u == 0x3002 || u == '!' || u == '?' || u == 0x300D || u == 0x300F || u == ')' ||
              u == ' ' || u == '\n' || u == 0x3000)) {
            *ch = u;
            *at = ps;
            return true;
        }
        i = ps;
    }
    return false;
}

/* Does the Japanese sentence holding pos end in the past tense (…した。,
 * …だった」, …を読んだ。)? Closing marks and spaces after the predicate are
 * skipped. */
static bool ends_past_ja(kj_dctx *c, size_t pos)
{
    uint32_t ch;
    size_t at, lo;
    if (!sentence_last_ja(c, pos, &ch, &at, &lo))
        return false;
    if (ch == 0x305F) /* た */
        return true;
    if (ch == 0x3060) /* だ: past only in …んだ (読んだ, つかんだ) */
        return nda_past(c, lo, at);
    return false;
}

bool kj_dt_ends_past_ja(kj_dctx *c, size_t pos)
{
    return ends_past_ja(c, pos);
}

/* 水曜日の会合で決めた, 月曜日に開かれた会議で: the weekday ending at
 * end tells of a past event when its own clause (at most 20 characters
 * on, to the first 、 or 。) holds a verb in the past tense that closes
 * a clause, or ends the sentence in the past tense, with no future word
 * (予定, 方針) from the weekday to there (GUIDELINES: past tense ->
 * past). 水曜日に会合を開くと発表した: 開く is the day's own verb. */
static bool past_clause_between(kj_dctx *c, size_t x, size_t y);

bool kj_dt_weekday_past_ja(kj_dctx *c, size_t pos, size_t end)
{
    size_t e = end, at, fe;
    bool stop = false;
    for (int k = 0; k < 20 && e < c->len; k++) {
        c->d->work++;
        if (kj_at(c->s, c->len, e, "、") || kj_at(c->s, c->len, e, "。")) {
            stop = true;
            break;
        }
        e += kj_u8_len((unsigned char)c->s[e]);
    }
    if (!stop)
        return false;
    bool past = kj_at(c->s, c->len, e, "。") && kj_before(c->s, e, "た") && ends_past_ja(c, pos);
    /* 水曜日に会合を開くと発表した, 開くことを決めた: a verb quoted or
     * made a noun before the sentence's た is the day's own, not past */
    for (size_t q = end; past && q < e;) {
        c->d->work++;
        if (kj_at(c->s, c->len, q, "と") || kj_at(c->s, c->len, q, "こと") ||
            kj_at(c->s, c->len, q, "よう"))
            past = false;
        q += kj_u8_len((unsigned char)c->s[q]);
    }
    /* one more character: what follows the た */
    if (!past)
        past = past_clause_between(c, end, e + kj_u8_len((unsigned char)c->s[e]));
    return past && !future_scan(c, pos, e, &at, &fe);
}

/* A digit (ASCII or full-width) at i: its length, else 0. */
static size_t digit_at(const kj_dctx *c, size_t i)
{
    if (i < c->len && c->s[i] >= '0' && c->s[i] <= '9')
        return 1;
    if (i + 3 <= c->len && (unsigned char)c->s[i] == 0xEF && (unsigned char)c->s[i + 1] == 0xBC &&
        (unsigned char)c->s[i + 2] >= 0x90 && (unsigned char)c->s[i + 2] <= 0x99)
        return 3;
    return 0;
}

/* 来年, 来春, 来月, 来週, 来季, 来期 (not 来日, "a visit to Japan"): a
 * kanji of the coming period at i. */
static bool next_season(const kj_dctx *c, size_t i)
{
    static const char *const w[] = {"年", "春", "夏", "秋", "冬", "月", "週", "季", "期"};
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (kj_at(c->s, c->len, i, w[k]))
            return true;
    return false;
}

/* 5日、マツコが17日放送予定の番組で…と発言した: the future word found at
 * c->fut_at speaks of the other day written between (17日), not of the day
 * at pos that opens the sentence with its comma; so does one after a month
 * (3日、…が運賃を10月に改定する方針だと報じた). True when a day N日 set off
 * by 、 at pos is followed, before the future word, by words and then
 * another N日 or an N月, or a coming period (13日、来春放送予定のアニメ). */
static bool future_of_other_day(kj_dctx *c, size_t pos)
{
    size_t i = pos, n, fa = c->fut_at;
    if (fa <= pos || fa > c->len)
        return false;
    while ((n = digit_at(c, i)) > 0)
        i += n;
    if (i == pos || !kj_at(c->s, c->len, i, "日、"))
        return false;
    i += strlen("日、");
    if (digit_at(c, i))
        return false; /* 15日、16日に開かれる予定: two days of one event */
    for (bool dig = false; i < fa; i += kj_u8_len((unsigned char)c->s[i])) {
        c->d->work++;
        if (digit_at(c, i))
            dig = true;
        else if (dig && ((kj_at(c->s, c->len, i, "日") && !kj_at(c->s, c->len, i, "日間")) ||
                         (kj_at(c->s, c->len, i, "月") && !kj_at(c->s, c->len, i, "月間"))))
            return true;
        else if (kj_at(c->s, c->len, i, "来") && next_season(c, i + strlen("来")))
            return true; /* 13日、来春放送予定の…: the plan is next spring's */
        else
            dig = false;
    }
    return false;
}

/* Is the future word at c->fut_at the object of a verb in the past tense
 * in its clause (方針を採ったと, 予定だったが)? At most 12 characters on, not
 * past a 、 or 。. */
static bool future_word_past(kj_dctx *c)
{
    size_t i = c->fut_at;
    for (int k = 0; k < 12 && i < c->len; k++) {
        c->d->work++;
        if (kj_at(c->s, c->len, i, "、") || kj_at(c->s, c->len, i, "。"))
            return false;
        if (kj_at(c->s, c->len, i, "た")) {
            size_t j = i + strlen("た");
            return kj_at(c->s, c->len, j, "と") || kj_at(c->s, c->len, j, "が") ||
                   kj_at(c->s, c->len, j, "、") || kj_at(c->s, c->len, j, "。");
        }
        i += kj_u8_len((unsigned char)c->s[i]);
    }
    return false;
}

/* 報じた, 報じ、, 伝えて: a verb of reporting at i in a form that tells
 * the report as done (た, a 、 or て chaining it to what followed: 報じ、
 * 話題になっている); not 報じる, 伝える, 伝えたい. Its length, else 0. */
static size_t report_done_at(const kj_dctx *c, size_t i)
{
    static const char *const v[] = {"報じ", "伝え", "報道し"};
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
        if (!kj_at(c->s, c->len, i, v[k]))
            continue;
        size_t j = i + strlen(v[k]);
        if ((kj_at(c->s, c->len, j, "た") && !kj_at(c->s, c->len, j, "たい")) ||
            kj_at(c->s, c->len, j, "、") || kj_at(c->s, c->len, j, "て"))
            return j - i;
    }
    return 0;
}

/* 1日、通信社は…総会を前に…を出したと報じ、話題となっている: a verb of
 * reporting after the future word at c->fut_at, later in its sentence
 * (at most 80 characters on), tells that word as the content of a report
 * already made: it speaks of what was reported, not of the day. */
static bool future_word_reported(kj_dctx *c)
{
    int si = kj_sentence_of(c->d, c->fut_at);
    if (si < 0)
        return false;
    size_t e = c->d->sent[si].ne < c->len ? c->d->sent[si].ne : c->len;
    size_t i = c->fut_at;
    for (int k = 0; k < 80 && i < e; k++) {
        c->d->work++;
        if (report_done_at(c, i))
            return true;
        i += kj_u8_len((unsigned char)c->s[i]);
    }
    return false;
}

/* 16日の地元紙が報じ、…, 16日付の同紙が伝えた: the day is the day of a
 * report already made, its verb at most 16 characters on with no 、 or 。
 * between; a future word elsewhere in the sentence speaks of what was
 * reported. Japanese. */
static bool day_of_report(kj_dctx *c, size_t pos)
{
    size_t i = pos, n;
    while ((n = digit_at(c, i)) > 0)
        i += n;
    if (i == pos || !(kj_at(c->s, c->len, i, "日の") || kj_at(c->s, c->len, i, "日付の") ||
                      kj_at(c->s, c->len, i, "日に")))
        return false;
    for (int k = 0; k < 16 && i < c->len; k++) {
        c->d->work++;
        if (kj_at(c->s, c->len, i, "、") || kj_at(c->s, c->len, i, "。"))
            return false;
        if (report_done_at(c, i))
            return true;
        i += kj_u8_len((unsigned char)c->s[i]);
    }
    return false;
}

/* Does pos's sentence end in a verb of stating or announcing in the past
 * tense (…と発表した。, …を明らかにした。, …と述べた」)? The subject's
 * day then is the day of that statement, not of what it announces
 * (会議は25日、開かれる見通しとなった states no one's statement). The
 * verbs are ja/announce_verbs. */
static bool ends_reported_ja(kj_dctx *c, size_t pos)
{
    const kj_wordlist *v = c->dd->announce_verbs;
    uint32_t ch;
    size_t at, lo;
    if (!sentence_last_ja(c, pos, &ch, &at, &lo) || ch != 0x305F) /* た */
        return false;
    for (size_t j = 0; j < v->n; j++)
        if (at >= lo + strlen(v->lines[j]) && kj_before(c->s, at, v->lines[j]))
            return true;
    return false;
}

/* 2日、共同通信は…方針を採ったと伝えた: a day set off by 、 that opens
 * a sentence, or a clause (after 、), or follows the sentence's subject
 * (トヨタ自動車は5日、…減益になる見通しだと発表した; 同社が5日、; 政府も5日、)
 * is the day the story tells of (a report, a statement) when
 * the sentence ends in the past tense or the future word later in it
 * (方針, 予定) is itself told in the past (方針を採ったと伝え、…醸している):
 * that word speaks of what was reported, not of the day. */
static bool lead_day_past(kj_dctx *c, size_t pos)
{
    int si = kj_sentence_of(c->d, pos);
    if (si < 0)
        return false;
    bool opens = c->d->sent[si].ns == pos || kj_before(c->s, pos, "、");
    if (!opens && !((kj_before(c->s, pos, "は") || kj_before(c->s, pos, "が") ||
                     kj_before(c->s, pos, "も")) &&
                    ends_reported_ja(c, pos)))
        return false;
    size_t i = pos, n;
    while ((n = digit_at(c, i)) > 0)
        i += n;
    return i != pos && kj_at(c->s, c->len, i, "日、") &&
           (ends_past_ja(c, pos) || (c->fut_at > pos && (future_word_past(c) || future_word_reported(c))));
}

/* Is there a 、 in [x, y) (y - x bounded by the clause's window)? */
static bool comma_between(kj_dctx *c, size_t x, size_t y)
{
    for (size_t i = x; i < y && i < c->len && y - x <= 2 * WIN; i++) {
        c->d->work++;
        if (kj_at(c->s, c->len, i, "、"))
            return true;
    }
    return false;
}

/* 4月8日から開催予定だった大会も、23日に中止が発表された (published March
 * 24): the near date lies ahead of publication (a plan, as 来月3日 is),
 * and its month would put the day after publication too, but the
 * sentence tells of the day in the past tense and no future word follows
 * it; the day is read from the publication date as usual (March 23). A
 * near date in the past keeps lending its month (今月3日、…（日本時間13日）
 * に出場する選手を発表した is this month's 13th). */
static bool planned_month_past_day(kj_dctx *c, const kj_tx *t, size_t pos)
{
    if (c->d->lang == KJ_LANG_EN)
        return false;
    long pub;
    if (c->py && c->pm && c->pd && c->last.y)
        pub = (long)c->py * 10000 + c->pm * 100 + c->pd;
    else if (!c->py && c->has_lead && c->lead.m && c->lead.d && c->last.y == c->lead.y)
        /* no publication date: the lead's month and day (the story's own
         * day) stands for it, in the same (maybe unknown) year */
        pub = (long)c->lead.y * 10000 + c->lead.m * 100 + c->lead.d;
    else
        return false;
    long cand = (long)c->last.y * 10000 + c->last.m * 100 + t->d;
    long last = (long)c->last.y * 10000 + c->last.m * 100 + c->last.d;
    /* the near date itself lies ahead (a plan), and is no list's head
     * (5月3日・10日号 shares its month) */
    if (!c->last.d || last <= pub || cand <= pub || c->last_end > pos || pos - c->last_end <= 4 ||
        !ends_past_ja(c, pos))
        return false;
    size_t a, b, at, end;
    clause(c, pos, &a, &b);
    if (future_scan(c, pos, b, &at, &end))
        return false;
    /* the near date is a plan: a future word after it (開催予定だった), or
     * its own sentence, an earlier one, does not end in the past tense
     * (来月3日より…に挑む代表。); 4月1日…、1日に…を持った keeps April */
    int sl = kj_sentence_of(c->d, c->last_end - 1), sp = kj_sentence_of(c->d, pos);
    size_t from = pos - c->last_end > 2 * WIN ? pos - 2 * WIN : c->last_end;
    return future_scan(c, from, pos, &at, &end) ||
           (sl >= 0 && sl < sp && !ends_past_ja(c, c->last_end - 1));
}

/* 13日に発表する予定だったという, 20日に開く方針だったが: the future word
 * after the day (its own clause, read by kj_dt_future) is told in the past
 * tense right after it (だった, でした): the plan was for that day, which
 * may have come or not; the day is the nearest one (GUIDELINES), neither
 * the past nor the future preferred. Japanese. */
static bool plan_told_past(kj_dctx *c, size_t pos)
{
    if (!c->fut_found || c->fut_at <= pos || c->fut_at >= c->len)
        return false;
    /* 開かれる予定だった: the word told in the past may be a later one
     * of a run of future words; at most eight characters on, in the
     * clause */
    size_t i = c->fut_at;
    for (int k = 0; k < 8 && i < c->len; k++) {
        c->d->work++;
        if (kj_at(c->s, c->len, i, "、") || kj_at(c->s, c->len, i, "。"))
            return false;
        const kj_dword *w;
        size_t n = kj_dt_word(c, false, i, &w);
        if (n && w->kind == KJ_W_FUTURE &&
            (kj_at(c->s, c->len, i + n, "だった") || kj_at(c->s, c->len, i + n, "でした")))
            return true;
        i += kj_u8_len((unsigned char)c->s[i]);
    }
    return false;
}

/* 5月に結婚した女優が、12日、…告白した; 3月に開かれた会議を受け、15日に:
 * a verb in the past tense that closes a clause (…した + a noun, の, が,
 * と, 、, 「) between x and y. Its た (or the だ of 読んだ) follows a verb's
 * stem (a kana of the i or e row, っ, ん), which leaves また, 新たな,
 * ために, 私たち alone. At most 2 * WIN bytes are read. */
static bool past_clause_between(kj_dctx *c, size_t x, size_t y)
{
    if (y > c->len)
        y = c->len;
    size_t i = y > x + 2 * WIN ? y - 2 * WIN : x;
    while (i < y && ((unsigned char)c->s[i] & 0xC0) == 0x80)
        i++;
    uint32_t pv = 0;
    for (size_t k = i; k < y;) {
        c->d->work++;
        uint32_t ch = kj_u8_next(c->s, y, &k);
        bool past = false;
        if (ch == 0x3060) /* だ of 読んだ */
            past = pv == 0x3093;
        else if (ch == 0x305F) /* た after っ ん or a kana of the i or e row */
            past = pv == 0x3063 || pv == 0x3093 || pv == 0x3044 || pv == 0x304D || pv == 0x304E ||
                   pv == 0x3057 || pv == 0x3058 || pv == 0x3061 || pv == 0x306B || pv == 0x3072 ||
                   pv == 0x3073 || pv == 0x307F || pv == 0x308A || pv == 0x3048 || pv == 0x3051 ||
                   pv == 0x3052 || pv == 0x305B || pv == 0x3066 || pv == 0x3067 || pv == 0x306D ||
                   pv == 0x3079 || pv == 0x3081 || pv == 0x308C;
        pv = ch;
        if (!past || k >= y)
            continue;
        size_t j = k;
        uint32_t nx = kj_u8_next(c->s, y, &j);
        if (kj_is_kanji(nx) || kj_is_katakana(nx) || nx == 0x306E || nx == 0x304C || /* の が */
            nx == 0x3068 || nx == 0x3001 || nx == 0x300C)                           /* と 、 「 */
            return true;
    }
    return false;
}

/* 昨年10月、…自殺した。3日、…が発覚した (published in July): a month
 * with no day in an earlier sentence sets a scene; it is no dated
 * narration a later bare day continues, so that day is read from the
 * publication date (3日 is July's). In its own sentence the month still
 * lends itself (10月に入り、3日には). Japanese, with a publication date
 * or, without one, a lead month and day. */
static bool month_only_before(kj_dctx *c, size_t pos)
{
    /* with no publication date, the first sentence's month and day (the
     * story's own day) takes the publication date's place: …は10月26日、
     * …。負債総額は7月末現在で…。…25日深夜に -> October 25 */
    bool anchor = c->py || (c->has_lead && c->lead.m && c->lead.d);
    if (c->d->lang == KJ_LANG_EN || !anchor || c->last.d || c->last.grain != KJ_G_MONTH)
        return false;
    return kj_sentence_of(c->d, pos) != c->last_sent || past_clause_between(c, c->last_end, pos);
}

/* 15日に新方針を発表した, 10日、…の計画を明かした: in a Japanese sentence
 * that ends in the past tense, a future noun (方針, 計画, 予定; 計画案)
 * taken as the object (を) of the verb is what was announced on the day,
 * not a plan for it. The day must stand on its own (15日に, 15日、,
 * 15日は), not modify a noun (15日の予定を変えた); a future word after a
 * verb's dictionary form or ない (会議を開く予定を, 開かない方針を) still
 * speaks of that verb, and so maybe of the day. True when every future
 * word of the clause is such an object. */
static bool future_noun_done(kj_dctx *c, size_t pos)
{
    size_t i = pos, n, a, b, at, end;
    while ((n = digit_at(c, i)) > 0)
        i += n;
    if (i == pos || !(kj_at(c->s, c->len, i, "日に") || kj_at(c->s, c->len, i, "日、") ||
                      kj_at(c->s, c->len, i, "日は")))
        return false;
    if (!ends_past_ja(c, pos))
        return false;
    clause(c, pos, &a, &b);
    bool any = false;
    for (size_t from = a; from < b && future_scan(c, from, b, &at, &end);) {
        const kj_dword *w;
        size_t wn = kj_dt_word(c, false, at, &w), ps;
        size_t e = at + (wn ? wn : 1);
        uint32_t pv = kj_u8_prev(c->s, at, &ps);
        static const uint32_t verb_end[] = {0x3046, 0x304F, 0x3050, 0x3059, 0x3064, 0x306C,
                                            0x3076, 0x3080, 0x308B}; /* うくぐすつぬぶむる */
        for (size_t k = 0; k < sizeof verb_end / sizeof verb_end[0]; k++)
            if (pv == verb_end[k])
                return false;
        if (kj_before(c->s, at, "ない"))
            return false;
        if (kj_at(c->s, c->len, e, "案"))
            e += strlen("案");
        if (!kj_at(c->s, c->len, e, "を"))
            return false;
        any = true;
        from = e;
    }
    return any;
}

/* 12日に放送された番組では、…を迎えるも…: the day's own verb, at most ten
 * characters on in its clause (no 、 or 。 between), is in the past tense
 * with no future word before it; a future word further on speaks of
 * something else. Japanese. */
static bool own_verb_past(kj_dctx *c, size_t pos)
{
    size_t i = pos, n, at, end;
    while ((n = digit_at(c, i)) > 0)
        i += n;
    if (i == pos || !kj_at(c->s, c->len, i, "日に"))
        return false;
    i += strlen("日に");
    size_t e = i;
    for (int k = 0; k < 10 && e < c->len; k++) {
        c->d->work++;
        if (kj_at(c->s, c->len, e, "、") || kj_at(c->s, c->len, e, "。"))
            break;
        e += kj_u8_len((unsigned char)c->s[e]);
    }
    /* one more character: what follows the た */
    if (e < c->len)
        e += kj_u8_len((unsigned char)c->s[e]);
    return past_clause_between(c, i, e) && !future_scan(c, pos, e, &at, &end);
}

void kj_dt_bare_day(kj_dctx *c, kj_tx *t, size_t pos)
{
    t->grain = KJ_G_DAY;
    if (kj_dt_last_near(c, pos) && c->last.mset && c->last.m && t->d <= kj_mdays(c->last.y, c->last.m) &&
        !planned_month_past_day(c, t, pos) && !month_only_before(c, pos)) {
        t->y = c->last.y;
        t->m = c->last.m;
        t->rel = true;
        return;
    }
    /* 開幕は3月20日で、21日は休み、23日まで: a later day in the sentence of a
     * month and day, after a bare day that took that month, takes it too */
    const kj_tx *lm = &c->last_month;
    if (c->has_last && c->has_last_month && !c->last.mset && c->last.grain == KJ_G_DAY &&
        c->last.m == lm->m && c->last.y == lm->y && lm->m && lm->d && t->d > c->last.d &&
        t->d <= kj_mdays(lm->y, lm->m) && c->last_sent == c->last_month_sent &&
        kj_sentence_of(c->d, pos) == c->last_sent) {
        t->y = lm->y;
        t->m = lm->m;
        t->rel = true;
        return;
    }
    if (!c->py) {
        /* no publication date to fall back on: the last month the
         * article wrote is the only reference a reader has, in a later
         * sentence or paragraph too (8月28日に…。…事件当日の28日 -> August
         * 28 of an unknown year, written XXXX-08-28 as docs/DATES.md
         * does), as a dated article's near day takes its month */
        /* the first sentence's month and day (…は10月26日、…を申請した)
         * date the story a later bare day tells of, as a publication date
         * would: a month written since for background (負債総額は7月末現在
         * で) lends it none (25日深夜 is October's); with no such lead the
         * last month */
        const kj_tx *l = &c->last_month;
        if (c->has_lead && c->lead.m && c->lead.d) {
            /* the lead's month; a day early in the month after a lead late
             * in one is the next month's (lead 10月29日: 1日 is November's) */
            int m = c->lead.m, y = c->lead.y;
            if (c->lead.d >= 25 && t->d <= 5 && t->d + kj_mdays(y, m) - c->lead.d <= 7) {
                m++;
                if (m > 12)
                    m = 1, y = y ? y + 1 : 0;
            }
            /* the last month is that one: its year (before the day is
             * checked against the month: 29日 after 2024年2月13日 and
             * 2025年2月 is no February 29; regressions/parse/
             * lead-month-leap-day) */
            if (c->has_last_month && l->m == m && l->y)
                y = l->y;
            if (t->d <= kj_mdays(y, m)) {
                t->y = y;
                t->m = m;
                t->rel = true;
                return;
            }
        }
        if (c->has_last_month && l->m && t->d <= kj_mdays(l->y, l->m)) {
            t->y = l->y;
            t->m = l->m;
            t->rel = true;
        }
        return;
    }
    t->rel = true;
    bool ja = c->d->lang != KJ_LANG_EN;
    bool fut = kj_dt_future(c, pos) && !(ja && (future_of_other_day(c, pos) || lead_day_past(c, pos)));
    if (fut && ja && c->fut_at < pos && comma_between(c, c->fut_at, pos) && ends_past_ja(c, pos)) {
        /* 貸与される予定のパンダの費用負担を表明し、28日に報じた: a future
         * word in an earlier clause (a 、 between) of a sentence that ends
         * in the past tense speaks of its own clause, not of the day; a
         * future word after the day still counts (28日に開かれる会議) */
        size_t a, b, at, end;
        clause(c, pos, &a, &b);
        fut = future_scan(c, pos, b, &at, &end);
    }
    if (fut && ja && (future_noun_done(c, pos) || own_verb_past(c, pos) || day_of_report(c, pos)))
        fut = false;
    kj_tx m = {.y = c->py, .m = c->pm, .d = 1};
    if (fut && ja && plan_told_past(c, pos)) {
        /* the nearest such day, ties to the past: published on the 20th,
         * 13日に…予定だった is this month's 13th, 28日に…予定だった this
         * month's 28th */
        kj_tx pm = m;
        kj_dt_shift(&pm, KJ_G_MONTH, -1);
        int dmon = kj_mdays(m.y, m.m), dprev = kj_mdays(pm.y, pm.m);
        if (t->d > c->pd) {
            fut = t->d - c->pd < c->pd + dprev - t->d;
            if (!fut)
                m = pm;
        } else {
            fut = dmon - c->pd + t->d < c->pd - t->d;
            if (fut)
                kj_dt_shift(&m, KJ_G_MONTH, 1);
        }
        for (int k = 0; k < 2 && t->d > kj_mdays(m.y, m.m); k++)
            kj_dt_shift(&m, KJ_G_MONTH, fut ? 1 : -1);
        t->y = m.y;
        t->m = m.m;
        return;
    }
    /* the past is preferred, but not over a day at most three days ahead
     * in a Japanese sentence that does not end in the past tense:
     * published on the 17th, 18日から放送される is tomorrow's */
    bool soon = t->d > c->pd && t->d <= c->pd + 3 && c->d->lang != KJ_LANG_EN &&
                !ends_past_ja(c, pos);
    if (fut && t->d < c->pd)
        kj_dt_shift(&m, KJ_G_MONTH, 1);
    else if (!fut && !soon && t->d > c->pd)
        kj_dt_shift(&m, KJ_G_MONTH, -1);
    /* 31日 in a 30-day month: one more month in the same direction */
    for (int k = 0; k < 2 && t->d > kj_mdays(m.y, m.m); k++)
        kj_dt_shift(&m, KJ_G_MONTH, fut ? 1 : -1);
    t->y = m.y;
    t->m = m.m;
}

/* 2010年度は3月, 2010年度の6月15日: a bare month right after a fiscal
 * year (April to March) is in it; January to March are the next year's.
 * Sets t->y and returns true when one is there. */
static bool fy_month(kj_dctx *c, kj_tx *t, size_t pos)
{
    if (!c->last_fy || c->last_fy_end > pos || pos - c->last_fy_end > 6 || t->m < 1 || t->m > 12)
        return false;
    size_t g = c->last_fy_end;
    if (kj_at(c->s, pos, g, "は") || kj_at(c->s, pos, g, "の"))
        g += strlen("は");
    if (kj_at(c->s, pos, g, "、"))
        g += strlen("、");
    if (g != pos)
        return false;
    int y = t->m <= 3 ? c->last_fy + 1 : c->last_fy;
    if (t->d > kj_mdays(y, t->m))
        return false;
    t->y = y;
    t->rel = true;
    return true;
}

/* 2007年11月に…。1月30日には… (or 2月末には…): a month (and day) with
 * no year, in the sentence after a date late in a year (November, December) and early in
 * the year itself (January, February), nine or more months back, is the
 * next year's: a story told in order crosses the new year, and one that
 * goes back most of a year writes the year. Japanese only; not when the
 * next year would lie past a known publication year. */
static bool turn_of_year(const kj_dctx *c, const kj_tx *t)
{
    if (c->d->lang == KJ_LANG_EN || c->last.m - t->m < 9)
        return false;
    return !c->py || c->last.y < c->py;
}

void kj_dt_bare_month(kj_dctx *c, kj_tx *t, size_t pos)
{
    t->grain = t->grain ? t->grain : KJ_G_MONTH;
    if (fy_month(c, t, pos))
        return;
    if (kj_dt_last_near(c, pos) && c->last.yset && c->last.y && c->last.m) {
        t->y = c->last.y;
        if (turn_of_year(c, t))
            t->y++;
        t->rel = true;
        c->anchored_at = pos + 1;
        return;
    }
    /* April 1989 ... in May, June and September: a month listed right
     * after such a month, later in the year, takes its year too */
    if (c->has_last && c->last.y && c->last.m && c->last.m < t->m && c->last.grain == KJ_G_MONTH &&
        c->anchored_at && c->anchored_at <= c->last_end && c->last_end - c->anchored_at < 12 &&
        c->last_end < pos && pos - c->last_end <= 6) {
        static const char *const list[] = {", ",     ",\n",    " and ", "\nand ",
                                           " and\n", ", and ", " or ",  ", or "};
        for (size_t k = 0; k < sizeof list / sizeof *list; k++)
            if (pos - c->last_end == strlen(list[k]) && kj_at(c->s, pos, c->last_end, list[k])) {
                t->y = c->last.y;
                t->rel = true;
                c->anchored_at = pos + 1;
                return;
            }
    }
    /* 今年は3月の, 2011年、4月に, 1981年(昭和56年)4月: a year just
     * before the month, with at most は, 、 or a parenthesis between, is
     * the month's (not a fiscal year's, whose months run into the next;
     * not a year in another clause: 2010年に始まった工事は、6月末) */
    if (c->has_last && c->last.grain == KJ_G_YEAR && c->last.yset && c->last.y && !c->last.m &&
        c->last_end <= pos && pos - c->last_end <= 24) {
        size_t g = c->last_end;
        if (kj_at(c->s, pos, g, "("))
            while (g < pos && c->s[g] != ')')
                g++, c->d->work++;
        if (g < pos && c->s[g] == ')')
            g++;
        if (kj_at(c->s, pos, g, "は"))
            g += strlen("は");
        if (kj_at(c->s, pos, g, "、"))
            g += strlen("、");
        if (g == pos) {
            t->y = c->last.y;
            t->rel = true;
            return;
        }
    }
    if (!c->py)
        return;
    t->rel = true;
    int dp = (c->pm - t->m + 12) % 12, df = (t->m - c->pm + 12) % 12;
    if (dp == 0)
        t->y = c->py;
    /* news mostly reports the past: the last such month, unless the next
     * one is at most a quarter away and nearer, or the clause is future-
     * marked (予定, will) and the next one is not much farther (January's
     * figures ... are expected to: still last January) */
    else if ((df <= 3 && df < dp) || (df < dp + 6 && kj_dt_future(c, pos)))
        t->y = t->m > c->pm ? c->py : c->py + 1;
    else
        t->y = t->m < c->pm ? c->py : c->py - 1;
}

void kj_dt_bare_md(kj_dctx *c, kj_tx *t, size_t pos)
{
    t->grain = t->grain ? t->grain : KJ_G_DAY;
    if (fy_month(c, t, pos))
        return;
    /* the year of the last date mentioned, unless the day is not in it
     * (2月29日 after a date in a common year: resolved as if alone) */
    if (kj_dt_last_near(c, pos) && c->last.yset && c->last.y && c->last.m &&
        t->d <= kj_mdays(c->last.y, t->m)) {
        t->y = c->last.y;
        if (turn_of_year(c, t))
            t->y++;
        t->rel = true;
        return;
    }
    if (!c->py)
        return;
    t->rel = true;
    long p = kj_days(c->py, c->pm, c->pd);
    long best = 0;
    int by = c->py;
    bool have = false;
    /* future-marked: the next such date unless it lies more than half a
     * year farther than the last one (as for a bare month: "will hire by
     * October 1" in March is this October); else (or when there is none)
     * the nearest, ties to the past: news reports what happened */
    long next = -1, prev = -1;
    int ny = 0;
    for (int y = c->py - 1; y <= c->py + 1; y++) {
        if (t->d > kj_mdays(y, t->m))
            continue;
        long dist = kj_days(y, t->m, t->d) - p;
        if (dist >= 0 && (next < 0 || dist < next)) {
            next = dist;
            ny = y;
        } else if (dist < 0 && (prev < 0 || -dist < prev)) {
            prev = -dist;
        }
    }
    /* the tense last: only where the next one is near enough to win
     * (the clause scan is the costly part) */
    bool ahead = next >= 0 && (prev < 0 || next < prev + 183) && kj_dt_future(c, pos);
    if (ahead) {
        by = ny;
        have = true;
    }
    for (int y = c->py - 1; y <= c->py + 1 && !ahead; y++) {
        if (t->d > kj_mdays(y, t->m))
            continue;
        long dist = kj_days(y, t->m, t->d) - p;
        long a = dist < 0 ? -dist : dist;
        if (!have || a < best || (a == best && dist < 0)) {
            best = a;
            by = y;
            have = true;
        }
    }
    /* 2月29日 with no leap year near: the year stays unknown */
    t->y = have ? by : 0;
}

void kj_dt_weekday(kj_dctx *c, kj_tx *t, int wd, size_t pos)
{
    t->grain = KJ_G_DAY;
    t->rel = true;
    if (!c->py)
        return;
    long p = kj_days(c->py, c->pm, c->pd);
    int w0 = kj_wday(p);
    int dp = (w0 - wd + 7) % 7, df = (wd - w0 + 7) % 7;
    /* the nearer one, with the tense tipping four days either way: on a
     * Saturday "Wednesday" is the one just past, on a Tuesday it is
     * tomorrow; "will ... Tuesday" on a Friday is next week's. That is
     * kj_dt_future(c, pos) ? df <= 4 : dp > 4 with dp + df = 7 (or both
     * 0, the day itself either way): the tense decides only at df 3 or
     * 4, so the clause is read only there (it is the costly part) */
    bool fut = df != 0 && (df <= 2 || (df <= 4 && kj_dt_future(c, pos)));
    long n = fut ? p + df : p - dp;
    kj_civil(n, &t->y, &t->m, &t->d);
}

void kj_dt_bare_quarter(kj_dctx *c, kj_tx *t, size_t pos)
{
    /* GUIDELINES: 第2四半期 in February -> the publication year's Q2. But
     * results are reported after the quarter: "the fourth quarter" in March
     * is last year's (MEANTIME), unless the clause is about the future. */
    t->grain = KJ_G_QUARTER;
    t->rel = true;
    t->y = c->py;
    if (c->py && t->q >= (c->pm - 1) / 3 + 3 && !kj_dt_future(c, pos))
        t->y = c->py - 1;
}

bool kj_dt_anaphor(kj_dctx *c, kj_tx *t, int grain, int off)
{
    t->rel = true;
    t->grain = grain;
    const kj_tx *l = grain == KJ_G_DAY ? &c->last_day : &c->last;
    bool have = grain == KJ_G_DAY ? c->has_last_day : c->has_last;
    if (have && l->y && (grain == KJ_G_YEAR || l->m) && (grain != KJ_G_DAY || l->d)) {
        t->y = l->y;
        t->m = grain == KJ_G_YEAR ? 0 : l->m;
        t->d = grain == KJ_G_DAY ? l->d : 0;
        t->yset = l->yset;
        t->mset = l->mset && grain != KJ_G_YEAR;
        kj_dt_shift(t, grain, off);
        return true;
    }
    /* the last date has a month (and day) but no year, as in an article with
     * no publication date (8月29日 ... この日 -> XXXX-08-29): the anaphor
     * takes what is known; a shift stays inside that month or year, since
     * beyond it the unknown year decides (翌日 of XXXX-02-28) */
    if (have && !l->y && l->m && grain != KJ_G_YEAR && (grain != KJ_G_DAY || l->d)) {
        int m = l->m, dd = grain == KJ_G_DAY ? l->d : 0;
        if (grain == KJ_G_DAY)
            dd += off;
        else
            m += off;
        /* 2001 is a common year: the shortest length of month m */
        if (m >= 1 && m <= 12 && (grain != KJ_G_DAY || (dd >= 1 && dd <= kj_mdays(2001, m)))) {
            t->y = 0;
            t->m = m;
            t->d = dd;
            t->yset = false;
            t->mset = l->mset;
            return true;
        }
    }
    /* only a day before, with neither month nor year known (30日午後 …
     * 同日午後6時 -> XXXX-XX-30T18:00): the day; a shift stays inside the
     * 28 days every month has */
    if (grain == KJ_G_DAY && have && !l->y && !l->m && l->d
        && (off == 0 || (l->d + off >= 1 && l->d + off <= 28))) {
        t->y = t->m = 0;
        t->d = l->d + off;
        t->yset = t->mset = false;
        return true;
    }
    /* only a month or year before (昨年12月に…その翌日): the day after a day
     * of that month or year, whose day the text does not give (the
     * publication date would be a wrong day, not an unknown one) */
    if (grain == KJ_G_DAY && !have && c->has_last && c->last.y && !c->last.d && !c->last.mod
        && !c->last.decade
        && ((c->last.grain == KJ_G_MONTH && c->last.m) || c->last.grain == KJ_G_YEAR)) {
        t->y = c->last.y;
        t->m = c->last.m;
        t->d = 0;
        t->yset = c->last.yset;
        t->mset = c->last.mset;
        return true;
    }
    /* nothing to refer back to: この日 at the top of a story is the day of
     * publication */
    kj_dt_rel(c, t, grain == KJ_G_DAY ? KJ_W_DAY : grain == KJ_G_MONTH ? KJ_W_MONTH : KJ_W_YEAR,
              off);
    return false;
}

/* ---- output ---------------------------------------------------------------- */

static const char *const grain_names[] = {"",       "year",   "month",   "week",
                                          "day",    "hour",   "minute",  "quarter",
                                          "fiscal_year", "season"};
static const char *const mod_names[] = {"", "start", "mid", "end"};

/* b (n bytes) gets the k bytes of o, cut to n - 1 and terminated as
 * snprintf cuts */
static void put_cut(char *b, size_t n, const char *o, size_t k)
{
    if (n == 0)
        return;
    if (k > n - 1)
        k = n - 1;
    memcpy(b, o, k);
    b[k] = '\0';
}

/* two digits of v % 100 at o, or XX when v is unknown (not above 0) */
static void two_digits(char *o, int v)
{
    if (v > 0) {
        v %= 100;
        o[0] = (char)('0' + v / 10);
        o[1] = (char)('0' + v % 10);
    } else {
        o[0] = 'X';
        o[1] = 'X';
    }
}

/* YYYY (parts 1), YYYY-MM (2) or YYYY-MM-DD (3), XX for an unknown part:
 * written digit by digit, not by snprintf, as every date fact asks for it */
static void ymd(char *b, size_t n, int y, int m, int d, int parts)
{
    char o[10];
    size_t k = 4;
    if (y > 0 && y <= 9999) {
        o[0] = (char)('0' + y / 1000);
        o[1] = (char)('0' + y / 100 % 10);
        o[2] = (char)('0' + y / 10 % 10);
        o[3] = (char)('0' + y % 10);
    } else {
        memcpy(o, "XXXX", 4);
    }
    if (parts != 1) {
        o[k++] = '-';
        two_digits(o + k, m);
        k += 2;
    }
    if (parts != 1 && parts != 2) {
        o[k++] = '-';
        two_digits(o + k, d);
        k += 2;
    }
    put_cut(b, n, o, k);
}

static void format(char *b, size_t n, const kj_tx *t)
{
    char ys[12];
    ymd(ys, sizeof ys, t->y, 0, 0, 1);
    switch (t->grain) {
    case KJ_G_YEAR:
        if (t->century && t->y > 0)
            snprintf(b, n, "%s%02d", t->bc ? "BC" : "", (t->y / 100) % 100);
        else if (t->bc && t->y > 0)
            snprintf(b, n, "BC%04d", t->y % 10000);
        else if (t->decade && t->y > 0)
            snprintf(b, n, "%03d", (t->y / 10) % 1000);
        else
            put_cut(b, n, ys, strlen(ys));
        break;
    case KJ_G_MONTH:
        ymd(b, n, t->y, t->m, 0, 2);
        break;
    case KJ_G_WEEK:
        if (t->wk)
            snprintf(b, n, "%s-W%02d%s", ys, t->wk % 100, t->weekend ? "-WE" : "");
        else
            snprintf(b, n, "%s-WXX%s", ys, t->weekend ? "-WE" : "");
        break;
    case KJ_G_QUARTER:
        /* last quarter with no publication date to count from: the
         * quarter is as unknown as the year (XXXX-QX) */
        if (t->q >= 1 && t->q <= 4)
            snprintf(b, n, "%s-Q%d", ys, t->q);
        else
            snprintf(b, n, "%s-QX", ys);
        break;
    case KJ_G_FY:
        snprintf(b, n, "FY%s", ys);
        break;
    case KJ_G_SEASON: {
        static const char *const sn[] = {"SP", "SU", "FA", "WI"};
        snprintf(b, n, "%s-%s", ys, sn[(t->q + 3) % 4]);
        break;
    }
    case KJ_G_HOUR:
    case KJ_G_MINUTE: {
        char day[24];
        ymd(day, sizeof day, t->y, t->m, t->d, 3);
        if (t->hh < 0)
            snprintf(b, n, "%sT%s", day, t->tod ? t->tod : "XX:XX");
        else
            snprintf(b, n, "%sT%02d:%02d%s", day, t->hh % 100, t->mi > 0 ? t->mi % 100 : 0,
                     t->zone ? t->zone : "");
        break;
    }
    default:
        ymd(b, n, t->y, t->m, t->d, 3);
    }
    /* 紀元前44年3月15日: TIMEX's BC before the date (the year grain writes
     * its own) */
    if (t->bc && t->grain != KJ_G_YEAR && n > 2 && strlen(b) + 2 < n) {
        memmove(b + 2, b, strlen(b) + 1);
        b[0] = 'B';
        b[1] = 'C';
    }
}

/* 14日発売の, 16日放送の, 10日付の: a day (ending at e) followed by one or
 * two kanji of a verbal noun and の dates that noun only (an attribute),
 * not the story's event; not a part of the day or a bound (14日夜の,
 * 14日以降の, 14日午前の, 14日前の). */
static bool attributive_day(const kj_dctx *c, size_t e)
{
    static const char *const stop[] = {"以", "前", "後", "夜", "朝", "昼", "午", "夕", "未",
                                       "深", "早", "頃", "時", "中", "現", "当"};
    if (e < 3 || memcmp(c->s + e - 3, "日", 3) != 0)
        return false;
    for (size_t k = 0; k < sizeof stop / sizeof stop[0]; k++)
        if (e + 3 <= c->len && memcmp(c->s + e, stop[k], 3) == 0)
            return false;
    size_t j = e;
    int n = 0;
    while (n < 3 && j < c->len) {
        size_t q = j;
        uint32_t ch = kj_cp_next(c->d, c->len, &q);
        if (!kj_is_kanji(ch))
            break;
        j = q;
        n++;
    }
    return n >= 1 && n <= 2 && j + 3 <= c->len && memcmp(c->s + j, "の", 3) == 0;
}

bool kj_dt_emit(kj_dctx *c, size_t ns, size_t ne, const kj_tx *t, const kj_tx *max)
{
    kiji_doc *d = c->d;
    if (ne <= ns || kj_claimed(d, ns, ne))
        return false;
    int idx = kj_fact_add(d, KIJI_FACT_DATE, ns, ne);
    if (idx < 0)
        return false;
    kj_fact *f = kj_fact_at(d, idx);
    f->qualifier = t->qual;
    /* 25時30分: 1:30 on the next day */
    kj_tx late[2];
    if (t->hh > 24 && t->hh < 48) {
        late[0] = *t;
        late[0].hh -= 24;
        kj_dt_shift(&late[0], KJ_G_DAY, 1);
        t = &late[0];
    }
    if (max && max->hh > 24 && max->hh < 48) {
        late[1] = *max;
        late[1].hh -= 24;
        kj_dt_shift(&late[1], KJ_G_DAY, 1);
        max = &late[1];
    }
    char b[48];
    format(b, sizeof b, t);
    kj_attr_str(d, f, "value", kj_strndup(d, b, strlen(b)));
    kj_attr_str(d, f, "grain", grain_names[t->grain]);
    kj_attr_bool(d, f, "relative", t->rel);
    if (t->mod > 0 && t->mod <= KJ_MOD_END)
        kj_attr_str(d, f, "mod", mod_names[t->mod]);
    if (max) {
        format(b, sizeof b, max);
        kj_attr_str(d, f, "max", kj_strndup(d, b, strlen(b)));
    }
    kj_claim(d, ns, ne, KIJI_FACT_DATE);
    if (t->grain == KJ_G_FY && !max && t->y > 0) {
        c->last_fy = t->y;
        c->last_fy_end = ne;
    }
    if (t->grain != KJ_G_WEEK && t->grain != KJ_G_QUARTER && t->grain != KJ_G_FY
        && t->grain != KJ_G_SEASON && !t->century && !t->bc) {
        c->last = max ? *max : *t;
        c->has_last = true;
        c->last_end = ne;
        int si = kj_sentence_of(d, ns);
        c->last_sent = si;
        c->last_para = si >= 0 ? d->sent[si].para : -1;
        if (c->last.d && c->last.m) {
            /* 16日放送の番組で…今月14日発売の週刊誌で…この日: a day that only
             * dates a noun, earlier than the day written before it, is
             * background; the story's day stays the one この日 names */
            if (c->has_last_day && c->last_day.y == c->last.y && c->last_day.d
                && kj_days(c->last.y, c->last.m, c->last.d)
                       < kj_days(c->last_day.y, c->last_day.m, c->last_day.d)
                && attributive_day(c, ne)) {
                if (!c->has_story_day)
                    c->story_day = c->last_day;
                c->has_story_day = true;
            } else {
                c->has_story_day = false;
            }
            c->last_day = c->last;
            c->has_last_day = true;
        } else if (c->last.d && !c->last.m && !c->last.y) {
            /* 30日 with no month known (no publication date): 同日 is still
             * that day */
            c->has_story_day = false;
            c->last_day = c->last;
            c->has_last_day = true;
        }
        if (c->last.mset && c->last.m) {
            c->last_month = c->last;
            c->has_last_month = true;
            c->last_month_sent = si;
        }
        if (!c->has_lead && c->last.mset && c->last.m && c->last.d && si == 0) {
            c->lead = c->last;
            c->has_lead = true;
        }
    }
    return true;
}

bool kj_dt_duration(kj_dctx *c, size_t ns, size_t ne, const char *iso, int qual)
{
    return kj_dt_duration_max(c, ns, ne, iso, NULL, qual);
}

bool kj_dt_duration_max(kj_dctx *c, size_t ns, size_t ne, const char *iso, const char *max,
                        int qual)
{
    kiji_doc *d = c->d;
    if (ne <= ns || kj_claimed(d, ns, ne))
        return false;
    int idx = kj_fact_add(d, KIJI_FACT_DURATION, ns, ne);
    if (idx < 0)
        return false;
    kj_fact *f = kj_fact_at(d, idx);
    if (iso)
        kj_attr_str(d, f, "value", kj_strndup(d, iso, strlen(iso)));
    if (max)
        kj_attr_str(d, f, "max", kj_strndup(d, max, strlen(max)));
    f->qualifier = qual;
    kj_claim(d, ns, ne, KIJI_FACT_DURATION);
    return true;
}

bool kj_dt_set(kj_dctx *c, size_t ns, size_t ne, const char *iso)
{
    kiji_doc *d = c->d;
    if (ne <= ns || kj_claimed(d, ns, ne))
        return false;
    int idx = kj_fact_add(d, KIJI_FACT_SET, ns, ne);
    if (idx < 0)
        return false;
    kj_attr_str(d, kj_fact_at(d, idx), "value", iso);
    kj_claim(d, ns, ne, KIJI_FACT_SET);
    return true;
}

void kj_dt_iso(char *b, size_t n, int64_t k, const char *u, bool half)
{
    if (k < 0 || k > 100000000)
        k = 0;
    long long v = (long long)k;
    if (strcmp(u, "Y") == 0)
        half ? snprintf(b, n, "P%lldM", v * 12 + 6) : snprintf(b, n, "P%lldY", v);
    else if (strcmp(u, "DE") == 0)
        snprintf(b, n, "P%lldY", v * 10 + (half ? 5 : 0));
    else if (strcmp(u, "CE") == 0)
        snprintf(b, n, "P%lldY", v * 100 + (half ? 50 : 0));
    else if (strcmp(u, "M") == 0)
        half ? snprintf(b, n, "P%lldD", v * 30 + 15) : snprintf(b, n, "P%lldM", v);
    else if (strcmp(u, "W") == 0)
        half ? snprintf(b, n, "P%lldDT12H", v * 7 + 3) : snprintf(b, n, "P%lldW", v);
    else if (strcmp(u, "D") == 0)
        half ? snprintf(b, n, "PT%lldH", v * 24 + 12) : snprintf(b, n, "P%lldD", v);
    else if (strcmp(u, "H") == 0)
        half ? snprintf(b, n, "PT%lldM", v * 60 + 30) : snprintf(b, n, "PT%lldH", v);
    else if (strcmp(u, "MI") == 0)
        half ? snprintf(b, n, "PT%lldS", v * 60 + 30) : snprintf(b, n, "PT%lldM", v);
    else
        half ? snprintf(b, n, "PT%lld.5S", v) : snprintf(b, n, "PT%lldS", v);
}

bool kj_dt_num(kj_dctx *c, size_t pos, int64_t *v, size_t *end, int *ndig, bool *lead0)
{
    const char *s = c->s;
    if (pos >= c->len)
        return false;
    if (s[pos] >= '0' && s[pos] <= '9') {
        size_t i = pos;
        int64_t x = 0;
        while (i < c->len && s[i] >= '0' && s[i] <= '9' && i - pos < 10) {
            x = x * 10 + (s[i] - '0');
            i++;
        }
        if (i - pos >= 10)
            return false;
        *v = x;
        *end = i;
        *ndig = (int)(i - pos);
        *lead0 = s[pos] == '0' && i - pos > 1;
        return true;
    }
    kj_numtok t;
    if (!kj_num_scan(c->d, pos, &t) || t.ns != pos || !t.value.ok || t.vague)
        return false;
    kj_num n = t.value;
    if (n.exp < 0 || n.exp > 9 || n.mant < 0 || n.mant > 1000000000)
        return false;
    int64_t x = n.mant;
    for (int k = 0; k < n.exp; k++) {
        if (x > 1000000000)
            return false;
        x *= 10;
    }
    if (x > 1000000000)
        return false;
    /* a kanji or word numeral only: digit strings are read above */
    for (size_t i = t.ns; i < t.ne; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return false;
    *v = x;
    *end = t.ne;
    *ndig = 0;
    *lead0 = false;
    return true;
}

/* ---- entry point ------------------------------------------------------------ */

/* s[0..n) into out with A-Z lower-cased and every other byte as it is.
 * Sixteen bytes at a time in the compiler's vectors (SSE2 on x86-64, a
 * pair of words elsewhere): a byte b is A-Z when b - 'A', wrapping, is
 * below 26, and then gets 0x20; the bytes after the last sixteen one at a
 * time. */
typedef unsigned char lower_v16 __attribute__((vector_size(16)));

static void lower_ascii(const char *s, size_t n, char *out)
{
    size_t i = 0;
    for (; n - i >= 16; i += 16) {
        lower_v16 x;
        memcpy(&x, s + i, 16);
        lower_v16 up = (lower_v16)((lower_v16)(x - 'A') < 26);
        x |= up & 0x20;
        memcpy(out + i, &x, 16);
    }
    for (; i < n; i++) {
        char ch = s[i];
        out[i] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
    }
}

void kj_rec_date(kiji_doc *d)
{
    if (!d->p->date || !d->norm)
        return;
    kj_dctx c = {.d = d, .dd = d->p->date, .s = d->norm, .len = d->norm_len};
    c.last_sent = -1;
    c.last_month_sent = -1;
    /* the trailer (原題, ©2026, URLs) holds no dates of the story */
    if (d->body_ne > d->body_ns && d->body_ne <= d->norm_len)
        c.len = d->body_ne;
    if (d->pub_y > 0 && d->pub_m >= 1 && d->pub_m <= 12 && d->pub_d >= 1
        && d->pub_d <= kj_mdays(d->pub_y, d->pub_m)) {
        c.py = d->pub_y;
        c.pm = d->pub_m;
        c.pd = d->pub_d;
    }
    if (d->lang == KJ_LANG_EN) {
        /* every byte written: the text's, then its NUL (no memset of
         * the whole text first) */
        char *lc = kj_alloc_raw(d, d->norm_len + 1);
        lower_ascii(d->norm, d->norm_len, lc);
        lc[d->norm_len] = '\0';
        c.lc = lc;
        kj_date_scan_en(&c);
    } else {
        c.lc = d->norm;
        kj_date_scan_ja(&c);
    }
}
