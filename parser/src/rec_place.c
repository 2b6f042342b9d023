/*
 * rec_place.c -- countries, world regions, states and cities.
 *
 * The gazetteer is built at init from ICU: every ISO country's display name
 * in ja and en (plus CLDR's short and variant forms), the M49 continents and
 * subcontinents, and the exemplar cities of the time zones; word lists in
 * parser/data add what ICU lacks (米国, 欧州, ミュンヘン, prefectures, states).
 * Matches must sit on word boundaries: ポーランド is not ランド, 英語 is not 英国,
 * and a one-kanji form (米, 仏) counts only inside a compound (cases/ja/place).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <unicode/ucal.h>
#include <unicode/udata.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/uregion.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "rec_entity.h"

/* ICU's region and zone display data live in these trees of icudt. */
#define ICU_TREE_REGION U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region"
#define ICU_TREE_ZONE U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "zone"

/* ---- building the gazetteer ------------------------------------------------ */

static int place_new(struct kj_entity *x, const char *code, int kind, const char *ja,
                     const char *en)
{
    if (x->nplaces == x->capplaces) {
        size_t nc = x->capplaces ? x->capplaces * 2 : 512;
        kj_place *np = realloc(x->places, nc * sizeof *np);
        if (!np)
            return -1;
        x->places = np;
        x->capplaces = nc;
    }
    kj_place *p = &x->places[x->nplaces];
    memset(p, 0, sizeof *p);
    snprintf(p->code, sizeof p->code, "%s", code);
    p->kind = (uint8_t)kind;
    p->canon_ja = ja ? strdup(ja) : NULL;
    p->canon_en = en ? strdup(en) : NULL;
    if ((ja && !p->canon_ja) || (en && !p->canon_en))
        return -1;
    return (int)x->nplaces++;
}

/* The country or world-region entry of a code, made on first use. */
static int place_code(struct kj_entity *x, const char *code, int kind)
{
    for (size_t i = 0; i < x->nplaces; i++)
        if (x->places[i].kind == kind && strcmp(x->places[i].code, code) == 0)
            return (int)i;
    return place_new(x, code, kind, NULL, NULL);
}

/* ent_pair's (rec_entity.h): a key from an ASCII letter or digit on is
 * noted by its first word, another ASCII key not at all */
void ent_pair_add(ent_pair *p, const char *key, size_t len)
{
    const unsigned char *u = (const unsigned char *)key;
    uint32_t c[2];
    size_t i = 0;
    int k = 0;
    if (len == 0)
        return;
    if (u[0] < 0x80) {
        uint32_t h = 0;
        size_t n = 0;
        while (n < len && ent_asc(u[n]))
            h = ent_word_hash(h, u[n++]);
        if (n == 0)
            return;
        /* the word alone (or and a space), or the word, a space and a byte */
        uint32_t x = n + 1 < len && u[n] == ' ' ? ent_word_hash(ent_word_hash(h, ' '), u[n + 1])
                                                : ent_word_hash(h, 0);
        x >>= 16;
        p->next[x >> 6] |= 1ull << (x & 63);
        h >>= 16;
        p->word[h >> 6] |= 1ull << (h & 63);
        if (n > p->wordmax)
            p->wordmax = n;
        return;
    }
    while (k < 2 && i < len) {
        /* a sequence that valid text does not hold as this code point */
        if (u[i] >= 0x80 && kj_u8_seq(u + i, len - i) == 0) {
            memset(p->one, 0xFF, sizeof p->one);
            return;
        }
        c[k++] = kj_u8_next(key, len, &i);
    }
    if (k == 1 && c[0] < 0x10000) {
        p->one[c[0] >> 6] |= 1ull << (c[0] & 63);
    } else if (k == 2) {
        uint32_t h = ent_pair_hash(c[0], c[1]);
        p->bits[h >> 6] |= 1ull << (h & 63);
    }
}

bool ent_pair_next(const ent_pair *p, uint32_t h, unsigned char b)
{
    uint32_t a = ent_word_hash(h, 0) >> 16;
    uint32_t c = ent_word_hash(ent_word_hash(h, ' '), b == '\n' ? ' ' : b) >> 16;
    return (p->next[a >> 6] >> (a & 63) & 1) || (p->next[c >> 6] >> (c & 63) & 1);
}

static bool add_key(struct kj_entity *x, const char *k, int idx, bool upper)
{
    size_t n = strlen(k);
    if (n == 0)
        return true;
    if (!kj_dict_add(x->place, k, n, idx))
        return false;
    ent_first_add(x, ENT_F_PLACE, k, n);
    ent_pair_add(&x->place_pair, k, n);
    /* datelines shout: CHICAGO, BAHRAIN */
    if (upper && n < 64) {
        char u[64];
        bool ascii = true;
        for (size_t i = 0; i <= n; i++) {
            unsigned char c = (unsigned char)k[i];
            if (c >= 0x80)
                ascii = false;
            u[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        if (ascii && !kj_dict_add(x->place, u, n, idx))
            return false;
        if (ascii) {
            ent_first_add(x, ENT_F_PLACE, u, n);
            ent_pair_add(&x->place_pair, u, n);
        }
    }
    return true;
}

static void u8(const UChar *s, int32_t n, char *out, size_t size)
{
    UErrorCode e = U_ZERO_ERROR;
    out[0] = 0;
    if (n > 0) {
        u_strToUTF8(out, (int32_t)size, NULL, s, n, &e);
        if (U_FAILURE(e))
            out[0] = 0;
    }
    out[size - 1] = 0;
}

static void display(const char *code, const char *lang, char *out, size_t size)
{
    char loc[16];
    snprintf(loc, sizeof loc, "und_%s", code);
    UChar buf[128];
    UErrorCode e = U_ZERO_ERROR;
    int32_t n = uloc_getDisplayCountry(loc, lang, buf, 128, &e);
    if (U_FAILURE(e) || e == U_USING_DEFAULT_WARNING || n >= 128)
        n = 0;
    u8(buf, n, out, size);
    if (strcmp(out, code) == 0)
        out[0] = 0;
}

/* CLDR's "Countries%short" / "%variant" tables (英国, UK, US). */
static bool iso_country(const char *key)
{
    const char *const *cc = uloc_getISOCountries();
    for (size_t i = 0; cc[i]; i++)
        if (strcmp(cc[i], key) == 0)
            return true;
    return false;
}

static bool alt_names(struct kj_entity *x, const char *lang, const char *table)
{
    UErrorCode e = U_ZERO_ERROR;
    UResourceBundle *r = ures_openDirect(ICU_TREE_REGION, lang, &e);
    if (U_FAILURE(e))
        return true;
    UResourceBundle *t = ures_getByKey(r, table, NULL, &e);
    bool ok = true;
    while (U_SUCCESS(e) && ures_hasNext(t)) {
        const char *key;
        int32_t n;
        const UChar *v = ures_getNextString(t, &n, &key, &e);
        if (U_FAILURE(e) || !key || strlen(key) != 2)
            continue;
        /* 国連 / UN, EU: CLDR keeps short names of bodies that are no
         * country (UN, EU, EZ); only ISO 3166 codes name places */
        if (!iso_country(key))
            continue;
        char name[128];
        u8(v, n, name, sizeof name);
        int idx = place_code(x, key, PL_COUNTRY);
        if (idx < 0 || !add_key(x, name, idx, lang[0] == 'e'))
            ok = false;
    }
    ures_close(t);
    ures_close(r);
    return ok;
}

static const char *const not_cities[] = {
    "Christmas", "Easter", "Wake", "Midway", "Johnston", "Chatham", "Currie", "Eucla",
    "Lord Howe", "Regina", "Palmer", "Davis", "Casey", "Troll", "Center", "Creston",
    "Dawson", "Resolute", "Norfolk", "Cocos", "Chagos", "Macquarie", "Marengo", "Knox",
    "Salem", "Beulah", "Vevay", "Monticello", "Petersburg", "Tell City", "Winamac", "Adak",
    NULL};

static bool bad_city(const char *s)
{
    for (int i = 0; not_cities[i]; i++)
        if (strcmp(s, not_cities[i]) == 0)
            return true;
    return false;
}

/* The canonical location zones (Europe/Paris) with their regions, in ICU's
 * order (kj.h). Asking ICU for one country's zones walks every zone and looks
 * up its region, so doing that per country cost most of the parser's
 * start-up; the regions come instead from zoneinfo64's Regions array,
 * parallel to its Names, which is where ICU's TimeZone::getRegion reads them.
 * tests/zone_test.c checks the list against ICU's per-country answer. */
void kj_zones_free(kj_zone_list *zl)
{
    for (size_t i = 0; i < zl->n; i++)
        free(zl->z[i].id);
    free(zl->z);
    zl->z = NULL;
    zl->n = 0;
}

/* Index of `id` in zoneinfo64's Names (sorted by code unit), or -1. */
static int32_t zone_index(UResourceBundle *names, const char *id)
{
    UChar want[64];
    int32_t wn = (int32_t)strlen(id);
    if (wn >= (int32_t)(sizeof want / sizeof *want))
        return -1;
    u_charsToUChars(id, want, wn);
    int32_t lo = 0, hi = ures_getSize(names) - 1;
    while (lo <= hi) {
        int32_t mid = lo + (hi - lo) / 2, n = 0;
        UErrorCode e = U_ZERO_ERROR;
        const UChar *s = ures_getStringByIndex(names, mid, &n, &e);
        if (U_FAILURE(e))
            return -1;
        int c = u_strCompare(s, n, want, wn, false);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* false only when out of memory; ICU data that is missing leaves zl empty */
bool kj_zones_load(kj_zone_list *zl)
{
    UErrorCode e = U_ZERO_ERROR;
    UEnumeration *en = ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, NULL,
                                                      NULL, &e);
    UResourceBundle *top = U_SUCCESS(e) ? ures_openDirect(NULL, "zoneinfo64", &e) : NULL;
    UResourceBundle *names = U_SUCCESS(e) ? ures_getByKey(top, "Names", NULL, &e) : NULL;
    UResourceBundle *regions = U_SUCCESS(e) ? ures_getByKey(top, "Regions", NULL, &e) : NULL;
    int32_t count = U_SUCCESS(e) ? uenum_count(en, &e) : 0;
    bool ok = true;
    if (U_SUCCESS(e) && count > 0 && (zl->z = calloc((size_t)count, sizeof *zl->z))) {
        const char *id;
        while (zl->n < (size_t)count && (id = uenum_next(en, NULL, &e)) && U_SUCCESS(e)) {
            int32_t idx = zone_index(names, id), n = 0;
            UErrorCode e2 = U_ZERO_ERROR;
            const UChar *r = idx >= 0 ? ures_getStringByIndex(regions, idx, &n, &e2) : NULL;
            if (!r || U_FAILURE(e2) || n < 1 || n > 3)
                continue;
            kj_zone *z = &zl->z[zl->n];
            u_UCharsToChars(r, z->region, n);
            z->region[n] = 0;
            if (!(z->id = strdup(id))) {
                ok = false;
                break;
            }
            zl->n++;
        }
    } else if (U_SUCCESS(e) && count > 0)
        ok = false;
    ures_close(regions);
    ures_close(names);
    ures_close(top);
    uenum_close(en);
    return ok;
}

/* Exemplar cities of every canonical time zone of a country: Europe/Paris
 * gives パリ (ja zoneStrings "ec") and Paris. */
static bool zone_cities(struct kj_entity *x, const char *cc, const kj_zone_list *zl,
                        UResourceBundle *zja, UResourceBundle *zen)
{
    bool ok = true;
    for (size_t zi = 0; zi < zl->n; zi++) {
        if (strcmp(zl->z[zi].region, cc) != 0)
            continue;
        const char *id = zl->z[zi].id;
        /* America/Indiana/Knox and the like name counties, not cities */
        const char *slash = strchr(id, '/');
        if (!slash || strchr(slash + 1, '/') || strncmp(id, "Antarctica", 10) == 0 ||
            strncmp(id, "Etc", 3) == 0)
            continue;
        char key[96], en_name[96], ja_name[128];
        snprintf(key, sizeof key, "%s", id);
        for (char *p = key; *p; p++)
            if (*p == '/')
                *p = ':';
        snprintf(en_name, sizeof en_name, "%s", slash + 1);
        for (char *p = en_name; *p; p++)
            if (*p == '_')
                *p = ' ';
        ja_name[0] = 0;
        UErrorCode e2 = U_ZERO_ERROR;
        UResourceBundle *z = ures_getByKey(zja, key, NULL, &e2);
        int32_t n = 0;
        const UChar *v = U_SUCCESS(e2) ? ures_getStringByKey(z, "ec", &n, &e2) : NULL;
        if (v && U_SUCCESS(e2))
            u8(v, n, ja_name, sizeof ja_name);
        ures_close(z);
        if (zen) {
            e2 = U_ZERO_ERROR;
            z = ures_getByKey(zen, key, NULL, &e2);
            v = U_SUCCESS(e2) ? ures_getStringByKey(z, "ec", &n, &e2) : NULL;
            if (v && U_SUCCESS(e2))
                u8(v, n, en_name, sizeof en_name);
            ures_close(z);
        }
        if (bad_city(en_name))
            continue;
        int idx = place_new(x, cc, PL_CITY, ja_name[0] ? ja_name : NULL, en_name);
        if (idx < 0 || !add_key(x, en_name, idx, true) || !add_key(x, ja_name, idx, false))
            ok = false;
    }
    return ok;
}

/* "name<TAB>code[<TAB>kind[<TAB>other]]" lines; other names a place loaded
 * before (Doha after ja/cities' ドーハ), and the line adds its name to that
 * place rather than making another. */
static bool load_list(struct kj_entity *x, const char *list, int defkind, bool upper)
{
    const kj_wordlist *wl = kj_wordlist_get(list);
    if (!wl)
        return true;
    for (size_t i = 0; i < wl->n; i++) {
        const char *line = wl->lines[i];
        const char *t1 = strchr(line, '\t');
        if (!t1)
            continue;
        char name[128], code[8], kind[16] = "";
        size_t nl = (size_t)(t1 - line);
        if (nl >= sizeof name)
            continue;
        memcpy(name, line, nl);
        name[nl] = 0;
        const char *t2 = strchr(t1 + 1, '\t');
        size_t cl = t2 ? (size_t)(t2 - t1 - 1) : strlen(t1 + 1);
        if (cl >= sizeof code)
            continue;
        memcpy(code, t1 + 1, cl);
        code[cl] = 0;
        const char *t3 = t2 ? strchr(t2 + 1, '\t') : NULL;
        if (t2)
            snprintf(kind, sizeof kind, "%.*s", (int)(t3 ? (size_t)(t3 - t2 - 1) : strlen(t2 + 1)),
                     t2 + 1);
        int k = defkind;
        if (strcmp(kind, "world") == 0)
            k = PL_WORLD;
        else if (strcmp(kind, "city") == 0)
            k = PL_CITY;
        else if (strcmp(kind, "region") == 0)
            k = PL_REGION;
        else if (strcmp(kind, "country") == 0)
            k = PL_COUNTRY;
        int idx = -1;
        int32_t same;
        if (t3 && kj_dict_get(x->place, t3 + 1, strlen(t3 + 1), &same) && same >= 0 &&
            (size_t)same < x->nplaces && strcmp(x->places[same].code, code) == 0) {
            idx = (int)same;
            kj_place *p = &x->places[idx];
            if (upper && !p->canon_en && !(p->canon_en = strdup(name)))
                return false;
        } else if (k == PL_COUNTRY || k == PL_WORLD) {
            idx = place_code(x, code, k);
        } else {
            /* 沖縄, 埼玉: a prefecture written without 県 is the place its
             * 県 line (listed before it) names, one fact for both forms */
            char ken[sizeof name + 3];
            int32_t pv;
            if (k == PL_REGION && !upper) {
                memcpy(ken, name, nl);
                memcpy(ken + nl, "県", 3);
                if (kj_dict_get(x->place, ken, nl + 3, &pv))
                    idx = (int)pv;
            }
            if (idx < 0)
                idx = place_new(x, code, k, upper ? NULL : name, upper ? name : NULL);
        }
        if (idx < 0 || !add_key(x, name, idx, upper))
            return false;
    }
    return true;
}

int place_init(struct kj_entity *x)
{
    x->place = kj_dict_new();
    x->abbr = kj_dict_new();
    x->abbr_follow = ent_dict("ja/abbr_follow", 1);
    x->abbr_splits = ent_dict("ja/abbr_splits", 1);
    x->demonym = kj_dict_new();
    if (!x->place || !x->abbr || !x->abbr_follow || !x->abbr_splits || !x->demonym)
        return -1;

    /* cities first: a country of the same name (Kuwait, Singapore) wins */
    UErrorCode e = U_ZERO_ERROR;
    UResourceBundle *zja = ures_openDirect(ICU_TREE_ZONE, "ja", &e);
    UResourceBundle *zsja = U_SUCCESS(e) ? ures_getByKey(zja, "zoneStrings", NULL, &e) : NULL;
    UErrorCode e2 = U_ZERO_ERROR;
    UResourceBundle *zen = ures_openDirect(ICU_TREE_ZONE, "en", &e2);
    UResourceBundle *zsen = U_SUCCESS(e2) ? ures_getByKey(zen, "zoneStrings", NULL, &e2) : NULL;
    if (U_FAILURE(e2)) {
        ures_close(zsen);
        zsen = NULL;
    }
    kj_zone_list zl = {NULL, 0};
    bool ok = kj_zones_load(&zl);
    const char *const *cc = uloc_getISOCountries();
    if (U_SUCCESS(e) && zsja)
        for (size_t i = 0; cc[i] && ok; i++)
            ok = zone_cities(x, cc[i], &zl, zsja, zsen);
    kj_zones_free(&zl);
    ures_close(zsja);
    ures_close(zja);
    ures_close(zsen);
    ures_close(zen);
    if (!ok)
        return -1;
    if (!load_list(x, "ja/cities", PL_CITY, false) || !load_list(x, "ja/regions", PL_REGION, false) ||
        !load_list(x, "en/regions", PL_REGION, true))
        return -1;

    for (size_t i = 0; cc[i]; i++) {
        if (strcmp(cc[i], "AQ") == 0)
            continue;
        char ja[128], en[128];
        display(cc[i], "ja", ja, sizeof ja);
        display(cc[i], "en", en, sizeof en);
        int idx = place_code(x, cc[i], PL_COUNTRY);
        if (idx < 0)
            return -1;
        kj_place *p = &x->places[idx];
        if (ja[0] && !p->canon_ja && !(p->canon_ja = strdup(ja)))
            return -1;
        if (en[0] && !p->canon_en && !(p->canon_en = strdup(en)))
            return -1;
        if (!add_key(x, ja, idx, false) || !add_key(x, en, idx, true))
            return -1;
    }
    if (!alt_names(x, "ja", "Countries%short") || !alt_names(x, "en", "Countries%short") ||
        !alt_names(x, "en", "Countries%variant"))
        return -1;

    /* M49 continents and subcontinents (ヨーロッパ 150, Eastern Asia 030) */
    URegionType types[] = {URGN_CONTINENT, URGN_SUBCONTINENT};
    for (int t = 0; t < 2; t++) {
        e = U_ZERO_ERROR;
        UEnumeration *re = uregion_getAvailable(types[t], &e);
        const char *code;
        while (U_SUCCESS(e) && (code = uenum_next(re, NULL, &e))) {
            char ja[128], en[128];
            display(code, "ja", ja, sizeof ja);
            display(code, "en", en, sizeof en);
            int idx = place_code(x, code, PL_WORLD);
            if (idx < 0)
                return -1;
            kj_place *p = &x->places[idx];
            if (ja[0] && !p->canon_ja && !(p->canon_ja = strdup(ja)))
                return -1;
            if (en[0] && !p->canon_en && !(p->canon_en = strdup(en)))
                return -1;
            if (!add_key(x, ja, idx, false) || !add_key(x, en, idx, true))
                return -1;
        }
        uenum_close(re);
    }
    if (!load_list(x, "ja/places", PL_COUNTRY, false) || !load_list(x, "en/places", PL_COUNTRY, true))
        return -1;

    /* one-kanji forms and demonyms point at the country entries */
    const char *lists[2] = {"ja/country_abbr", "en/demonyms"};
    kj_dict *dst[2] = {x->abbr, x->demonym};
    for (int l = 0; l < 2; l++) {
        const kj_wordlist *wl = kj_wordlist_get(lists[l]);
        for (size_t i = 0; wl && i < wl->n; i++) {
            const char *tab = strchr(wl->lines[i], '\t');
            if (!tab)
                continue;
            int idx = place_code(x, tab + 1, PL_COUNTRY);
            if (idx < 0 || !kj_dict_add(dst[l], wl->lines[i], (size_t)(tab - wl->lines[i]), idx))
                return -1;
            if (dst[l] == x->abbr)
                ent_first_add(x, ENT_F_ABBR, wl->lines[i], (size_t)(tab - wl->lines[i]));
        }
    }
    for (int b = 0; b < 0x80; b++)
        if (ent_asc((unsigned char)b) && kj_dict_may_start(x->abbr, (unsigned char)b))
            x->abbr_latin = true;
    return 0;
}

/* ---- matching -------------------------------------------------------------- */

ent *place_entity(estate *s, int idx)
{
    char key[16];
    int n = ent_key_num(key, sizeof key, "p", idx);
    ent *e = ent_make(s, KIJI_FACT_PLACE, key, (size_t)n);
    if (e->place < 0) {
        const kj_place *p = &s->x->places[idx];
        e->place = idx;
        e->code = p->code;
        e->kind = p->kind;
    }
    return e;
}

static void use_name(estate *s, ent *e, size_t ns, size_t ne, bool full)
{
    /* a shouted headline (SAUDI ARABIA) gives way to the body's form */
    bool caps = e->full_seen && e->name && e->name[0] >= 'A' && e->name[0] <= 'Z';
    for (const char *c = e->name; caps && *c; c++)
        if (*c >= 'a' && *c <= 'z')
            caps = false;
    if (full && caps && ne - ns == e->namelen) {
        for (size_t i = ns; i < ne; i++)
            if (s->d->norm[i] >= 'a' && s->d->norm[i] <= 'z')
                e->full_seen = false;
    }
    if (full && !e->full_seen) {
        ent_set_name(s, e, s->d->norm + ns, ne - ns);
        e->full_seen = true;
    } else if (!e->name) {
        const kj_place *p = &s->x->places[e->place];
        const char *c = s->d->lang == KJ_LANG_EN ? p->canon_en : p->canon_ja;
        if (!c)
            c = p->canon_ja ? p->canon_ja : p->canon_en;
        if (c)
            ent_set_name(s, e, c, strlen(c));
        else
            ent_set_name(s, e, s->d->norm + ns, ne - ns);
    }
}

static bool is_abbr(estate *s, size_t pos, size_t *end)
{
    int32_t v;
    size_t n = kj_dict_longest(s->x->abbr, s->d->norm, s->hi, pos, &v);
    *end = pos + n;
    return n > 0;
}

/* 中, 日, 朝 ... stand for a country only next to another one-kanji form. */
static bool pair_only(const char *p)
{
    static const char *const amb[] = {"中", "日", "朝", "西", "比", "加", "印", "越",
                                      "泰", "墨", "伯", "葡", "蘭", NULL};
    for (int i = 0; amb[i]; i++)
        if (ent_starts(p, amb[i]))
            return true;
    return false;
}

/* A one-kanji country at pos (仏 in 仏大統領, 英 and 仏 in 英仏): its length. */
/* 東日本, 西日本, 北日本, 南日本 are regions of Japan (東日本大震災), not
 * Japan: neither 日本 nor 日 there is the country. pc is the code point
 * before pos. */
static bool dir_japan(const estate *s, size_t pos, uint32_t pc)
{
    return (pc == 0x6771 || pc == 0x897F || pc == 0x5317 || pc == 0x5357) && pos > s->lo &&
           kj_at(s->d->norm, s->hi, pos, "日本");
}

/* Is the 日 at pos a day counter (18日中に, 一日中, 11日中山), after a digit
 * or a kanji numeral? Then it is no Japan and pairs with no 中. */
static bool day_counter(const estate *s, size_t pos)
{
    if (pos <= s->lo || !kj_at(s->d->norm, s->hi, pos, "日"))
        return false;
    size_t ps;
    uint32_t pc = ent_prev(s->d, pos, &ps);
    if (pc >= '0' && pc <= '9')
        return true;
    static const uint32_t num[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
                                   0x516B, 0x4E5D, 0x5341, 0x6570, 0x3007}; /* 一..十 数 〇 */
    for (size_t k = 0; k < sizeof num / sizeof num[0]; k++)
        if (pc == num[k])
            return true;
    return false;
}

/* Can the one-kanji form at ps (just before pos) open a pair with the one at
 * pos? Not when a digit or another kanji word runs into it: 一日中, 本日中,
 * 22日朝 and 同日朝 hold 日中 and 日朝 as time words, not Japan and China or
 * North Korea. And 中日 and 朝日 are no pair: Japanese text names Japan
 * first (日中, 日朝), so those are 中日 (the Chunichi paper and team) and
 * 朝日 (the Asahi paper), as 日日 is a paper's name (cases/ja/place), and
 * 西日 is west (西日暮里, cases/ja/place_west).
 * Looks at most one character before ps. */
static bool pair_opens(estate *s, size_t ps, size_t pos)
{
    const kiji_doc *d = s->d;
    if (kj_at(d->norm, s->hi, pos, "日") &&
        (kj_at(d->norm, s->hi, ps, "中") || kj_at(d->norm, s->hi, ps, "朝") ||
         kj_at(d->norm, s->hi, ps, "日") || kj_at(d->norm, s->hi, ps, "西")))
        return false;
    if (ps <= s->lo)
        return true;
    size_t pps, e;
    uint32_t c = ent_prev(d, ps, &pps);
    if (c >= '0' && c <= '9')
        return false;
    /* 在 is "based in": 在日米軍 is the US forces in Japan */
    return !kj_is_kanji(c) || c == 0x5728 || (is_abbr(s, pps, &e) && e == ps);
}

/* Is the pair of one-kanji forms [a, b) the start of a person's name rather
 * than two countries? A listed surname made of the two that runs on into
 * another kanji (中西哲生, 中西庸; 日比谷 too is no pair), or a one-kanji
 * Chinese or Korean surname before a listed given name of two or more kanji
 * that ends the run (韓英恵). */
static bool pair_names(estate *s, size_t a, size_t b)
{
    const kiji_doc *d = s->d;
    int32_t v;
    size_t nx;
    size_t n = kj_dict_longest(s->x->surname_ja, d->norm, s->hi, a, &v);
    if (n >= b - a && kj_is_kanji(ent_cp(d, a + n, &nx)))
        return true;
    size_t m = kj_dict_longest(s->x->zhsur_ja, d->norm, s->hi, a, &v);
    if (!m || m >= b - a)
        return false;
    size_t g = kj_dict_longest(s->x->given_ja, d->norm, s->hi, a + m, &v);
    return a + m + g > b && !kj_is_kanji(ent_cp(d, a + m + g, &nx));
}

/* Does an ordinary word (ja/abbr_splits: 独自, 加入) start at pos and run
 * past the one-kanji form of n bytes there? */
static bool abbr_word(const estate *s, size_t pos, size_t n)
{
    int32_t v;
    return kj_dict_longest(s->x->abbr_splits, s->d->norm, s->hi, pos, &v) > n;
}

static size_t abbr_at(estate *s, size_t pos, int32_t *idx)
{
    const kiji_doc *d = s->d;
    size_t n = kj_dict_longest(s->x->abbr, d->norm, s->hi, pos, idx);
    if (!n || abbr_word(s, pos, n))
        return 0; /* 米独自: 独自 is "its own", no Germany */
    size_t ps, e2;
    uint32_t pc = ent_prev(d, pos, &ps);
    if (dir_japan(s, pos, pc) || day_counter(s, pos))
        return 0;
    bool left_pair = pos > s->lo && kj_is_kanji(pc) && is_abbr(s, ps, &e2) && e2 == pos &&
                     pair_opens(s, ps, pos) && !pair_names(s, ps, pos + n);
    if (kj_is_kanji(pc) && !left_pair && pos > s->lo)
        return 0; /* 欧米, 単独, 訪米 */
    size_t end = pos + n, e3;
    /* 西 before 海岸, 部, 側 or 日本 is west, not Spain (米西海岸) */
    static const char *const dir_follow[] = {"海岸", "部", "側", "日本", "半球", "端"};
    if (kj_at(d->norm, s->hi, pos, "西")) {
        for (size_t k = 0; k < sizeof dir_follow / sizeof dir_follow[0]; k++)
            if (kj_at(d->norm, s->hi, end, dir_follow[k]))
                return 0;
        /* nor before a full place name longer than a one-kanji form: 西中国
         * is the west of the Chugoku region, no Spain and China */
        int32_t fv;
        size_t fe;
        size_t fn = kj_dict_longest(s->x->place, d->norm, s->hi, end, &fv);
        if (fn && !(is_abbr(s, end, &fe) && fe >= end + fn))
            return 0;
    }
    bool right_pair = is_abbr(s, end, &e3) && !abbr_word(s, end, e3 - end) &&
                      pair_opens(s, pos, end) && !pair_names(s, pos, e3);
    if (left_pair || right_pair)
        return n;
    if (pair_only(d->norm + pos))
        return 0;
    int32_t v;
    if (kj_dict_longest(s->x->abbr_follow, d->norm, s->hi, end, &v) > 0)
        return n;
    /* 米アップル, 英BBC, 独シーメンス: the country of a company or an outlet
     * named in katakana or Latin capitals right after it; not a currency
     * (米ドル, 英ポンド), and 西 / 朝 before katakana are west and morning
     * (西ドイツ, 朝ドラ) */
    size_t nx;
    uint32_t nc = ent_cp(d, end, &nx);
    if (((ent_kata(nc) && nc != 0x30FC) || (nc >= 'A' && nc <= 'Z')) &&
        !kj_at(d->norm, s->hi, pos, "西") && !kj_at(d->norm, s->hi, pos, "朝") &&
        !kj_at(d->norm, s->hi, end, "ドル") && !kj_at(d->norm, s->hi, end, "ポンド") &&
        !kj_at(d->norm, s->hi, end, "セント") && !kj_at(d->norm, s->hi, end, "ペンス"))
        return n;
    /* 英仏両国: the second of a pair was handled above */
    return 0;
}

static inline bool upper_ascii(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Can a full place name start at pos (first and pc the code points at and
 * before it)? Tested before the lookup: inside a word nothing starts. */
static inline bool full_may_start(const estate *s, size_t pos, uint32_t first, uint32_t pc)
{
    if (ent_word(first) && pos > s->lo && (ent_word(pc) || pc == '-'))
        return false;
    if (ent_kata(first) && (ent_kata(pc) || pc == 0x30FB))
        return false; /* ポーランド is not ランド */
    /* W.Va.: no Va. after an initial and its period */
    if (pc == '.' && pos >= s->lo + 2 && upper_ascii((unsigned char)s->d->norm[pos - 2]) &&
        (pos == s->lo + 2 || !ent_word((unsigned char)s->d->norm[pos - 3])))
        return false;
    return ent_first_has(s->x, ENT_F_PLACE, first);
}

/* A full place name at pos on word boundaries: its length. first and pc
 * are the code points at and before pos (ent_cp, ent_prev). */
/* Do two or three ASCII digits at pos, then は が の を と も, follow a place
 * written in kanji as one name (東京03の, a comedy group)? A dateline's day
 * (東京1日), an address (東京都1-2-3) and a count with its counter have a
 * kanji or a sign after the digits and stay places. */
static bool digits_name(const estate *s, size_t pos)
{
    const char *t = s->d->norm;
    size_t q = pos;
    while (q < s->hi && q - pos < 5 && t[q] >= '0' && t[q] <= '9')
        q++;
    if (q - pos < 2 || q - pos > 3 || q >= s->hi)
        return false;
    size_t nx;
    uint32_t c = ent_cp(s->d, q, &nx);
    return c == 0x306F || c == 0x304C || c == 0x306E || c == 0x3092 || c == 0x3068 || c == 0x3082;
}

/* 大分ふっくらした, 大分よくなった: a place name that is also an adverb
 * (大分 read だいぶ, "considerably") is the adverb when kana other than a
 * particle follow it (大分の, 大分では, 大分から stay the city). */
static bool adverb_place(const estate *s, size_t pos, size_t n)
{
    static const char *const adverbs[] = {"大分", NULL};
    static const char *const particles[] = {"は", "が", "の", "を", "に", "へ", "と", "も", "や",
                                            "で", "から", "まで", "より", "など", "だ", "か",
                                            "ら", NULL};
    const kiji_doc *d = s->d;
    bool hit = false;
    for (int i = 0; adverbs[i] && !hit; i++)
        hit = strlen(adverbs[i]) == n && memcmp(d->norm + pos, adverbs[i], n) == 0;
    if (!hit || pos + n >= s->hi)
        return false;
    size_t nx;
    if (!kj_is_hiragana(ent_cp(d, pos + n, &nx)))
        return false;
    for (int i = 0; particles[i]; i++)
        if (kj_at(d->norm, s->hi, pos + n, particles[i]))
            return false;
    return true;
}

/* 最多タイ, 日本タイ記録, 2位タイ, 3勝3敗のタイ, 59-59のタイ: タイ at pos
 * (n bytes) is a tie in sport, no Thailand: before 記録, after 最多 最高
 * 最長 最少 最速 首位 or N位, or after a score's の (a digit or 敗
 * before it). タイ王者 (a Thai champion) and タイの首相 stay places. */
static bool tie_not_thai(const estate *s, size_t pos, size_t n)
{
    static const char *const before[] = {"最多", "最高", "最長", "最少", "最速", "首位", NULL};
    const char *t = s->d->norm;
    if (n != strlen("タイ") || memcmp(t + pos, "タイ", n) != 0)
        return false;
    if (kj_at(t, s->hi, pos + n, "記録"))
        return true;
    for (int i = 0; before[i]; i++)
        if (pos >= s->lo + strlen(before[i]) && kj_before(t, pos, before[i]))
            return true;
    size_t b;
    if (pos >= s->lo + strlen("位") && kj_before(t, pos, "位")
        && kj_is_digit(ent_prev(s->d, pos - strlen("位"), &b)))
        return true; /* 2位タイ */
    if (pos < s->lo + strlen("の") || !kj_before(t, pos, "の"))
        return false;
    size_t q = pos - strlen("の");
    return kj_is_digit(ent_prev(s->d, q, &b)) || (q >= s->lo + strlen("敗") && kj_before(t, q, "敗"));
}

/* A香港型, Aソ連型, B香港型: a flu strain named after a place (a type
 * letter, the place, 型) names no place: the place [pos, pos + n), the
 * caller having read A to C right before it. */
static __attribute__((noinline)) bool strain_name(const estate *s, size_t pos, size_t n)
{
    if (!kj_at(s->d->norm, s->hi, pos + n, "型"))
        return false;
    return pos == s->lo + 1 || !ent_asc((unsigned char)s->d->norm[pos - 2]);
}

static size_t full_at(estate *s, size_t pos, uint32_t first, uint32_t pc, int32_t *idx)
{
    const kiji_doc *d = s->d;
    size_t nx;
    if (!full_may_start(s, pos, first, pc) || !ent_pair_may(&s->x->place_pair, d, pos, first))
        return 0;
    size_t n = ent_longest(s, s->x->place, pos, idx);
    if (!n)
        return 0;
    size_t lstart;
    uint32_t last = ent_prev(d, pos + n, &lstart);
    uint32_t nc = ent_cp(d, pos + n, &nx);
    if (ent_word(last) && ent_word(nc))
        return 0;
    if (ent_kata(last) && (ent_kata(nc) || nc == 0x30FB))
        return 0;
    if (kj_is_kanji(last) && kj_at(d->norm, s->hi, pos + n, "語"))
        return 0; /* 中国語 is a language */
    /* 日本橋の: a district of Tokyo and of Osaka, no Japan (和歌山県橋本市
     * goes on into a town) */
    if (kj_is_kanji(last) && kj_at(d->norm, s->hi, pos + n, "橋")) {
        size_t bx;
        ent_cp(d, pos + n, &bx);
        if (!kj_is_kanji(ent_cp(d, bx, &bx)))
            return 0;
    }
    if (ent_splits_word(s, pos + n))
        return 0; /* 大津波警報: 津波 is a tsunami, no 大津 (ja/name_splits) */
    if (dir_japan(s, pos, pc))
        return 0;
    if (kj_is_kanji(last) && digits_name(s, pos + n))
        return 0; /* 東京03の: a comedy group, no Tokyo */
    if (adverb_place(s, pos, n))
        return 0; /* 大分ふっくらした: the adverb だいぶ */
    if (tie_not_thai(s, pos, n))
        return 0;
    if (pc >= 'A' && pc <= 'C' && strain_name(s, pos, n))
        return 0;
    return n;
}

/* Can place_at_cp find anything at pos? Where not it returns 0 and does
 * nothing else, so a scan may move on without the call. */
static inline bool place_may_start(const estate *s, size_t pos, uint32_t first, uint32_t pc)
{
    if (!ent_first_has(s->x, ENT_F_PLACE_ANY, first))
        return false;
    return ent_first_has(s->x, ENT_F_ABBR, first) ||
           (full_may_start(s, pos, first, pc) && ent_pair_may(&s->x->place_pair, s->d, pos, first));
}

/* Does one of the words in w (NULL-ended) start at pos? Its length, or 0. */
static size_t word_at(const estate *s, size_t pos, const char *const *w)
{
    for (int i = 0; w[i]; i++)
        if (kj_at(s->d->norm, s->hi, pos, w[i]))
            return strlen(w[i]);
    return 0;
}

/* 中国から関東甲信まで / 関東から中国にかけて: 中国 at pos as one end of a
 * stretch (から … まで/にかけて) whose other end is a region of Japan is
 * the Chugoku region. The far end must be closed (まで, にかけて, or a
 * case particle after REGから中国), since 中国から九州に飛来 is China. */
static bool chugoku_span(const estate *s, const char *const *reg, size_t pos, size_t e)
{
    static const char *const end[] = {"まで", "にかけて", NULL};
    static const char *const back_end[] = {"まで", "にかけて", "が", "で", NULL};
    static const char *const tail[] = {"甲信越", "甲信", "地方", NULL};
    const char *t = s->d->norm;
    size_t kl = strlen("から");
    size_t rl = kj_at(t, s->hi, e, "から") ? word_at(s, e + kl, reg) : 0;
    if (rl) {
        size_t q = e + kl + rl;
        q += word_at(s, q, tail);
        if (word_at(s, q, end))
            return true;
    }
    if (pos < s->lo + kl || !kj_before(t, pos, "から") || !word_at(s, e, back_end))
        return false;
    for (int b = 0; reg[b]; b++) {
        size_t l = strlen(reg[b]);
        if (pos >= s->lo + kl + l && kj_before(t, pos - kl, reg[b]))
            return true;
    }
    return false;
}

/* 九州、四国、中国 / 中国・四国地方: 中国 at pos listed (、 ・ や と) right
 * next to another region of Japan is the Chugoku region, not China;
 * so is 中国 at one end of a stretch to another region (chugoku_span). */
static bool chugoku_listed(const estate *s, size_t pos)
{
    static const char *const reg[] = {"四国", "九州", "近畿", "関東", "関西", "東北", "北陸", "東海", NULL};
    static const char *const sep[] = {"、", "・", "や", "と", NULL};
    const char *t = s->d->norm;
    size_t e = pos + strlen("中国");
    if (chugoku_span(s, reg, pos, e))
        return true;
    for (int a = 0; sep[a]; a++) {
        size_t sl = strlen(sep[a]);
        for (int b = 0; reg[b]; b++) {
            size_t rl = strlen(reg[b]);
            if (kj_at(t, s->hi, e, sep[a]) && kj_at(t, s->hi, e + sl, reg[b]))
                return true;
            if (pos >= s->lo + sl + rl && kj_before(t, pos, sep[a]) &&
                kj_before(t, pos - sl, reg[b]))
                return true;
        }
    }
    return false;
}

/* place_at with the code points at and before pos known. */
static size_t place_at_cp(estate *s, size_t pos, uint32_t first, uint32_t pc, ent **out)
{
    int32_t idx;
    size_t n = full_at(s, pos, first, pc, &idx);
    bool full = n > 0;
    if (!n && ent_first_has(s->x, ENT_F_ABBR, first))
        n = abbr_at(s, pos, &idx);
    if (!n)
        return 0;
    int32_t cg;
    if (full && n == strlen("中国") && kj_at(s->d->norm, s->hi, pos, "中国") && chugoku_listed(s, pos) &&
        kj_dict_get(s->x->place, "中国地方", strlen("中国地方"), &cg) && cg >= 0)
        idx = cg;
    ent *e = place_entity(s, idx);
    /* 埼玉 for 埼玉県: the short form names the place only until the 県
     * form is read (regions.txt lists both as one place) */
    const char *canon = s->x->places[idx].canon_ja;
    if (full && canon && strlen(canon) == n + 3 && memcmp(canon, s->d->norm + pos, n) == 0 &&
        strcmp(canon + n, "県") == 0) {
        if (!e->name)
            ent_set_name(s, e, s->d->norm + pos, n);
    } else {
        /* Ore. for Oregon: an abbreviation of a state that regions.txt
         * joins to its full form is no full form; the fact takes the
         * state's name unless the text writes it */
        const char *ce = s->x->places[idx].canon_en;
        if (full && s->d->lang == KJ_LANG_EN && s->x->places[idx].kind == PL_REGION && ce &&
            s->d->norm[pos + n - 1] == '.' && (strlen(ce) != n || memcmp(ce, s->d->norm + pos, n) != 0))
            full = false;
        use_name(s, e, pos, pos + n, full);
    }
    *out = e;
    return n;
}

size_t place_at(estate *s, size_t pos, ent **out)
{
    size_t nx, ps;
    uint32_t first = ent_cp(s->d, pos, &nx);
    return place_at_cp(s, pos, first, ent_prev(s->d, pos, &ps), out);
}

/* place_at as if a word started at pos (a place written against a
 * katakana name: レイ・ネーギンニューオーリンズ市長, rec_person.c) */
size_t place_at_word(estate *s, size_t pos, ent **out)
{
    size_t nx;
    uint32_t first = ent_cp(s->d, pos, &nx);
    return place_at_cp(s, pos, first, 0, out);
}

size_t country_len(estate *s, size_t pos)
{
    int32_t idx;
    size_t n = ent_longest(s, s->x->place, pos, &idx);
    return n && s->x->places[idx].kind == PL_COUNTRY ? n : 0;
}

ent *country_span(estate *s, size_t pos, size_t end)
{
    int32_t idx;
    if (end <= pos || ent_longest(s, s->x->place, pos, &idx) != end - pos ||
        s->x->places[idx].kind != PL_COUNTRY)
        return NULL;
    ent *e = place_entity(s, idx);
    use_name(s, e, pos, end, true);
    return e;
}

/* Is the Japanese region written as [pos - len, pos) a prefecture: written
 * with 都 道 府 県, or a short form of one (埼玉 for 埼玉県)? Areas such as
 * 関東 and 首都圏 hold no municipality right after them (首都圏新都市鉄道). */
static bool prefecture_at(const estate *s, const ent *e, size_t pos, size_t len)
{
    static const char *const end[] = {"県", "府", "都", "道"};
    const char *canon =
        e->place >= 0 && (size_t)e->place < s->x->nplaces ? s->x->places[e->place].canon_ja : NULL;
    size_t cl = canon ? strlen(canon) : 0;
    for (size_t k = 0; k < sizeof end / sizeof end[0]; k++)
        if ((len >= 3 && kj_at(s->d->norm, pos, pos - 3, end[k])) ||
            (cl >= 3 && strcmp(canon + cl - 3, end[k]) == 0))
            return true;
    return false;
}

/* 地区, 選挙区, 投票区, 激戦区, 教区, 学区, 管区, 校区, 街区, 漁区, 鉱区,
 * 工区 (and 原子力村, 選手村, 農村, 漁村, 無医村, 寒村): a common noun
 * ending in 区 or 村 at i, the kanji right before it one of a kind of
 * district (or village) no ward's or village's own name ends in; the
 * name [pos, i) is then no municipality (舟山地区, インド統治地区,
 * 激戦区, 原子力村; cases/ja/place_district_nouns). */
static bool district_noun(const estate *s, size_t pos, size_t i)
{
    static const char *const ku[] = {"地", "挙", "票", "戦", "教", "学", "管",
                                     "校", "街", "漁", "鉱", "工", NULL};
    static const char *const mura[] = {"力", "手", "農", "漁", "医", "寒", NULL};
    const char *t = s->d->norm;
    const char *const *w = kj_at(t, s->hi, i, "区") ? ku : kj_at(t, s->hi, i, "村") ? mura : NULL;
    for (int z = 0; w && w[z]; z++)
        if (i >= pos + 3 && kj_before(t, i, w[z]))
            return true;
    return false;
}

/* 山口県下関市, 大阪市: a kanji run ending in 市 (or 町 / 村 after a
 * prefecture) after a prefecture or a known city is a city of that country.
 * 北海道山越郡長万部町: a town or village after its county (one to four
 * kanji and 郡) is named without the county; *town is where its name starts
 * (pos when no county comes first). */
static size_t city_suffix(estate *s, size_t pos, const ent *before, size_t before_len,
                          size_t *town)
{
    kiji_doc *d = s->d;
    size_t i = pos, nx, ts = pos;
    int k = 0;
    *town = pos;
    if (before && before->kind == PL_CITY && kj_at(d->norm, s->hi, pos, "市"))
        i = pos; /* 大阪 + 市 */
    else if (!before || before->kind != PL_REGION || !before->code || strcmp(before->code, "JP") ||
             !prefecture_at(s, before, pos, before_len))
        return 0;
    while (i < s->hi && k < 5) {
        d->work++;
        if (kj_at(d->norm, s->hi, i, "市")) {
            /* 大和郡山市, 小郡市: a county holds towns and villages, no
             * city; the 郡 was the city's own */
            ts = pos;
            size_t after;
            uint32_t c2 = ent_cp(d, i + 3, &after);
            /* 市場, 市況 are other words */
            if (c2 == 0x5834 || c2 == 0x6CC1)
                return 0;
            /* 沖縄都市モノレール, 県朝市: 都市 (a city), 朝市 and 夜市 (markets)
             * are common nouns, no municipality */
            if (i == pos + 3 && (kj_at(d->norm, i, pos, "都") || kj_at(d->norm, i, pos, "朝") ||
                                 kj_at(d->norm, i, pos, "夜")))
                return 0;
            return i + 3 - pos;
        }
        /* 山越郡: the county; the town's name starts after it (市 and 区
         * are no county's) */
        if (k >= 1 && ts == pos && before->kind == PL_REGION && kj_at(d->norm, s->hi, i, "郡")) {
            size_t gx;
            if (!kj_is_kanji(ent_cp(d, i + 3, &gx)))
                return 0;
            ts = i + 3;
            i = ts;
            k = 0;
            continue;
        }
        /* 宮城県南三陸町, 福島県大熊町: a town or village after its prefecture
         * (or its county), and 東京都世田谷区: a special ward of Tokyo;
         * 町長 and 町民 still end the name there (cases/ja/place) */
        if (k >= 1 && before->kind == PL_REGION && (ts == pos || !kj_at(d->norm, s->hi, i, "区")) &&
            (kj_at(d->norm, s->hi, i, "町") || kj_at(d->norm, s->hi, i, "村") ||
             kj_at(d->norm, s->hi, i, "区"))) {
            size_t after;
            uint32_t c2 = ent_cp(d, i + 3, &after);
            static const char *const ok2[] = {"長", "議", "民", "役", "内", "立", "在", "出", "沖", NULL};
            /* 東京都渋谷区神泉町, 東京都中央区銀座: an address goes on
             * from the ward to its district; a ward's name holds no
             * other 区, so the run ends there (十日町市 goes on past a
             * 町) */
            bool okk = !kj_is_kanji(c2) || (ts == pos && kj_at(d->norm, s->hi, i, "区"));
            if (district_noun(s, ts, i))
                okk = false;
            for (int z = 0; ok2[z] && !okk; z++)
                okk = kj_at(d->norm, s->hi, i + 3, ok2[z]);
            static const char *const no[] = {"全", "各", "同", "当", "他", "両", "旧", "新", "市", "郡", NULL};
            for (int z = 0; no[z] && okk; z++)
                if (kj_at(d->norm, i, ts, no[z]))
                    okk = false;
            /* 東京都選挙区, 東京都地区, 特区, 学区: a kind of district, no ward */
            static const char *const nok[] = {"選", "比", "地", "特", "学", "管", "行", "小", NULL};
            for (int z = 0; nok[z] && okk && kj_at(d->norm, s->hi, i, "区"); z++)
                if (kj_at(d->norm, i, ts, nok[z]))
                    okk = false;
            if (okk) {
                *town = ts;
                return i + 3 - pos; /* else 十日町市: the run goes on */
            }
        }
        uint32_t c = ent_cp(d, i, &nx);
        if (!kj_is_kanji(c))
            return 0;
        i = nx;
        k++;
    }
    return 0;
}

/* Can municipality find a name at pos? Only at a kanji (kanji: the
 * character at pos is one) that opens a word; pc_kanji and pc_digit say
 * whether the one before pos is a kanji or a digit. */
static inline bool municipality_may_start(const estate *s, size_t pos, bool kanji, bool pc_kanji,
                                          bool pc_digit)
{
    if (pos > s->lo && pc_kanji)
        return false;
    /* 震度5弱氷見市: after a figure the kanji go on from it */
    if (pos > s->lo && pc_digit)
        return false;
    return kanji;
}

/* municipality past its scan: 市 町 村 or 区 (w, its code point) at i
 * (ending at nx) after the kanji [pos, i): the name's length, or 0 where
 * the words around make it no municipality. */
static size_t municipality_at(estate *s, size_t pos, size_t i, size_t nx, uint32_t w)
{
    kiji_doc *d = s->d;
    size_t ax;
    uint32_t a = ent_cp(d, nx, &ax);
    /* 市場, 町長, 区別, 都市: other words */
    /* 小選挙区, 比例区: electoral districts, not wards; 特区, 特別区: a
     * special zone or the kind of ward */
    static const char *const no[] = {
        "都", "同", "各", "全", "地", "選挙", "小選挙", "中選挙", "大選挙", "比例",
        "本", "当", "両", "他", "自", "旧",   "現",     "新",     "農",     "漁",
        "山", "市", "町", "村", "区", "朝",   "夜",     "特",     NULL};
    /* 高松市在住, 高松市出身, 高松市内, 高松市役所, 高松市立: the city
     * before a word about it; 市長 and 市議 stay out (a surname's
     * 鈴木市長 is the mayor), and 市民 (一般市民 are citizens; cases/ja/place) */
    static const char *const on[] = {"在", "出", "内", "役", "立", NULL};
    bool goes_on = false;
    for (int z = 0; on[z] && !goes_on && w == 0x5E02; z++)
        goes_on = kj_at(d->norm, s->hi, nx, on[z]);
    if (kj_is_kanji(a) && !goes_on)
        return 0;
    for (int z = 0; no[z]; z++)
        if (kj_at(d->norm, i, pos, no[z]))
            return 0;
    size_t qs;
    uint32_t last = ent_prev(d, i, &qs);
    if (kj_at(d->norm, i, qs, "都") || kj_at(d->norm, i, qs, "下"))
        return 0;
    /* 四ヶ村, 十数ヶ町: a count of villages or towns, not one (五ヶ瀬町
     * goes on past its ヶ) */
    if (last == 0x30F6 || last == 0x30B1) {
        size_t k = pos;
        while (k < qs) {
            size_t kx;
            uint32_t c = ent_cp(d, k, &kx);
            if (!(c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 ||
                  c == 0x516D || c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341 ||
                  c == 0x767E || c == 0x6570 || c == 0x4F55 || c == 0x5E7E))
                break;
            k = kx;
        }
        if (k == qs)
            return 0;
    }
    /* 五つの鉾町, 三つの村: a count of things right before (a numeral, つ
     * and の) makes the word a kind of district, several of them, no one
     * municipality */
    if (pos >= s->lo + 9 && kj_before(d->norm, pos, "つの")) {
        size_t ns;
        uint32_t nc = ent_prev(d, pos - 6, &ns);
        if ((nc >= '0' && nc <= '9') || nc == 0x4E00 || nc == 0x4E8C || nc == 0x4E09 ||
            nc == 0x56DB || nc == 0x4E94 || nc == 0x516D || nc == 0x4E03 || nc == 0x516B ||
            nc == 0x4E5D || nc == 0x6570 || nc == 0x5E7E) /* 一..九 数 幾 */
            return 0;
    }
    /* 野村, 中村, 北村: a surname of the list (data/ja/surnames.txt)
     * is a person's name here; the village after its prefecture
     * is city_suffix's (cases/ja/place). 三村, 浅村, 香村: one kanji
     * and 村 written alone is a surname too, listed or not (a village
     * of one kanji is named after its prefecture) */
    int32_t v;
    if (kj_dict_get(s->x->surname_ja, d->norm + pos, nx - pos, &v))
        return 0;
    if (w == 0x6751 && qs == pos)
        return 0;
    /* 監督中村に, 先輩野村が: a title of ja/titles (or 先輩, 後輩) written
     * against a listed surname is a person's name, no municipality */
    for (size_t k = pos + 6; k + 3 < nx && k <= pos + 15; k += 3)
        if (kj_dict_get(s->x->surname_ja, d->norm + k, nx - k, &v) &&
            (kj_dict_get(s->x->title_ja, d->norm + pos, k - pos, &v) ||
             (k == pos + 6 && (kj_at(d->norm, k, pos, "先輩") || kj_at(d->norm, k, pos, "後輩")))))
            return 0;
    if (district_noun(s, pos, i))
        return 0;
    return nx - pos;
}

/* Is the entry v (d->cpx) a valid one of 市 町 村 区 (U+5E02 U+753A U+6751
 * U+533A)? */
static inline bool muni_suffix(uint32_t v)
{
    uint32_t w = v & (KJ_CPX_SLOW | KJ_CPX_CP);
    /* the four land on four slots of w * 0x9E3779B1 >> 30: one compare
     * with the one that may be w */
    static const uint32_t slot[4] = {0x753A, 0x6751, 0x5E02, 0x533A};
    return slot[(uint32_t)(w * 0x9E3779B1u) >> 30] == w;
}

/* 高松市, 相模原町: a Japanese municipality written with its own kanji name
 * (one to three kanji at the start of a word, then 市 町 村 区) at pos,
 * where the caller found that municipality_may_start (municipality, below,
 * tries its inline filter first, then this). The scan counts its
 * steps in a local, added to d->work once: a store to d->work at each
 * step (a size_t, as the doc's lengths are) made the compiler read the
 * doc's fields again at the next. */
static __attribute__((noinline)) size_t municipality_read(estate *s, size_t pos)
{
    kiji_doc *d = s->d;
    size_t i = pos, hi = s->hi, n = 0;
    uint64_t steps = 0;
    /* the table and the text's length in locals: the decode below (a
     * call) would make the compiler read them again at each step */
    const uint32_t *cpx = d->cpx;
    size_t len = d->norm_len;
    /* 鳩ヶ谷市, 茅ケ崎市, 二ツ井町: the small ヶ (or ケ, or ツ) between two
     * kanji is part of the name, so no name starts right after it (谷市,
     * 井町 are none) */
    size_t qs, qq;
    const unsigned char *ub = (const unsigned char *)d->norm;
    /* ヶ is E3 83 B6, ケ E3 82 B1, ツ E3 83 84: the bytes are read before
     * the code point */
    if (pos >= s->lo + 3 &&
        ((ub[pos - 1] == 0xB6 && ub[pos - 2] == 0x83) || (ub[pos - 1] == 0xB1 && ub[pos - 2] == 0x82) ||
         (ub[pos - 1] == 0x84 && ub[pos - 2] == 0x83)) &&
        ub[pos - 3] == 0xE3) {
        uint32_t pv = ent_prev(d, pos, &qs);
        if ((pv == 0x30F6 || pv == 0x30B1 || pv == 0x30C4) && qs > s->lo && kj_is_kanji(ent_prev(d, qs, &qq)))
            return 0;
    }
    for (int k = 0; k < 4 && i < hi; k++) {
        steps++;
        size_t nx;
        uint32_t v = i < len ? cpx[i] : KJ_CPX_SLOW;
        if (v < KJ_CPX_SLOW) {
            uint32_t cv = v & KJ_CPX_CP;
            if (k >= 1 && k <= 2 && (cv == 0x30F6 || cv == 0x30B1 || cv == 0x30C4)) {
                /* the ヶ of 鳩ヶ谷市 (the ツ of 二ツ井町): on to the kanji
                 * after it */
                i += v >> KJ_CPX_LEN_SHIFT;
                continue;
            }
            if (!(v & KJ_CC_KANJI)) /* kj_is_kanji */
                break;
            nx = i + (v >> KJ_CPX_LEN_SHIFT);
        } else {
            /* ent_cpc decodes what the table does not hold whole */
            uint32_t cls;
            ent_cpc(d, i, &nx, &cls);
            if (!(cls & KJ_CC_KANJI))
                break;
        }
        /* 市 町 村 区 (U+5E02 U+753A U+6751 U+533A), read from a valid
         * entry (so written as those three bytes), whole before hi */
        uint32_t w = v & (KJ_CPX_SLOW | KJ_CPX_CP);
        if (k >= 1 && (w == 0x5E02 || w == 0x753A || w == 0x6751 || w == 0x533A) && nx <= hi) {
            n = municipality_at(s, pos, i, nx, w);
            break;
        }
        i = nx;
    }
    d->work += steps;
    return n;
}

/* municipality_read's answer, 0, known inline at most kanji: where the
 * characters at pos, pos + 3 and pos + 6 are whole three-byte entries,
 * its loop reads the entries at pos + 3, pos + 6 and pos + 9 for k = 1 to
 * 3 and no others (ヶ and ケ are three bytes too): with none of 市 町 村
 * 区 among them it finds nothing. (x->muni_slow turns this off: tests
 * compare.) */
static inline size_t municipality(estate *s, size_t pos)
{
    kiji_doc *d = s->d;
    const uint32_t *cpx = d->cpx;
    if (pos + 12 <= d->norm_len && !s->x->muni_slow) {
        uint32_t a = cpx[pos], b = cpx[pos + 3], c = cpx[pos + 6], e = cpx[pos + 9];
        if (!((a | b | c) & KJ_CPX_SLOW) && ((a & b & c) >> KJ_CPX_LEN_SHIFT) == 3 &&
            !muni_suffix(b) && !muni_suffix(c) && !muni_suffix(e)) {
            d->work++;
            return 0;
        }
    }
    return municipality_read(s, pos);
}

/* Seattle, Washington; Albany, New York: a US state that shares its name
 * with a city (the gazetteer's entry) is the state right after a city and
 * a comma, unless D.C. follows. */
static bool state_after_city(estate *s, const ent *e, size_t i, size_t n, const ent *prev,
                             size_t prev_end)
{
    kiji_doc *d = s->d;
    if (d->lang != KJ_LANG_EN || e->kind != PL_CITY || !e->code || strcmp(e->code, "US") != 0)
        return false;
    if (!((n == 10 && memcmp(d->norm + i, "Washington", 10) == 0) ||
          (n == 8 && memcmp(d->norm + i, "New York", 8) == 0)))
        return false;
    if (i < s->lo + 3 || d->norm[i - 1] != ' ' || d->norm[i - 2] != ',')
        return false;
    if (kj_at(d->norm, s->hi, i + n, ", D.C.") || kj_at(d->norm, s->hi, i + n, " D.C."))
        return false;
    if (!prev || prev_end != i - 2 || prev->kind != PL_CITY || prev == e)
        return false;
    /* the state closes the phrase (Seattle, Washington, in ... / Albany,
     * New York.): not a list of cities (Chicago, New York and Boston;
     * Chicago, New York, Boston) */
    size_t k = i + n;
    char c = k < s->hi ? d->norm[k] : '.';
    if (c == '.' || c == ';' || c == ')')
        return true;
    if (c != ',' || k + 2 >= s->hi || d->norm[k + 1] != ' ')
        return false;
    char w = d->norm[k + 2];
    return w >= 'a' && w <= 'z' && !kj_at(d->norm, s->hi, k + 2, "and ") &&
           !kj_at(d->norm, s->hi, k + 2, "or ");
}

/* A place the gazetteer lacks (or a city of its own inside a longer
 * name), keyed by the name as written with a kind prefix (c city, r
 * region: Washington the state never merges with the city), mentioned at
 * [ns, ne). */
static void named_place(estate *s, char pfx, size_t ns, size_t ne, const char *code, int kind)
{
    kiji_doc *d = s->d;
    char key[128];
    char pre[2] = {pfx, '\0'};
    int kl = ent_key_str(key, sizeof key, pre, d->norm + ns, ne - ns);
    if (kl <= 0 || (size_t)kl >= sizeof key)
        return;
    ent *e = ent_make(s, KIJI_FACT_PLACE, key, (size_t)kl);
    if (!e->name) {
        ent_set_name(s, e, d->norm + ns, ne - ns);
        e->code = code;
        e->kind = kind;
    }
    ent_mention(s, e, ns, ne);
}

ent *municipality_named(estate *s, size_t ns, size_t ne)
{
    kiji_doc *d = s->d;
    char key[128];
    int kl = ent_key_str(key, sizeof key, "c", d->norm + ns, ne - ns);
    if (kl <= 0 || (size_t)kl >= sizeof key)
        return NULL;
    named_place(s, 'c', ns, ne, "JP", PL_CITY);
    return ent_make(s, KIJI_FACT_PLACE, key, (size_t)kl);
}

/* TORRANCE, Calif., March 3 -: the capitals that open an English
 * dateline, then a state or a country and a comma, name a city of that
 * country even when the gazetteer does not know it (cases/en/place). */
static void dateline_city(estate *s)
{
    kiji_doc *d = s->d;
    size_t i = d->body_ne > d->body_ns ? d->body_ns : s->lo, j;
    /* meta.c took the dateline off the body: its line holds the month */
    if (d->dl_mpos && d->dl_mpos - 1 <= d->body_ns) {
        i = d->dl_mpos - 1;
        while (i > s->lo && d->dl_mpos - 1 - i < 80 && d->norm[i - 1] != '\n')
            i--;
    }
    j = i;
    while (j < s->hi && j - i < 40) {
        char ch = d->norm[j];
        if (!((ch >= 'A' && ch <= 'Z') || (j > i && (ch == ' ' || ch == '.' || ch == '-'))))
            break;
        j++;
    }
    if (j - i < 3 || j + 2 >= s->hi || d->norm[j] != ',' || d->norm[j + 1] != ' ' ||
        d->norm[j - 1] == ' ')
        return;
    ent *e = NULL;
    if (place_at(s, i, &e) >= j - i)
        return; /* BOISE, Idaho: a city the gazetteer knows */
    size_t n = place_at(s, j + 2, &e);
    if (!n || !e || !e->code || !e->code[0] || e->kind == PL_CITY || e->kind == PL_WORLD ||
        j + 2 + n >= s->hi || d->norm[j + 2 + n] != ',')
        return;
    named_place(s, 'c', i, j, e->code, PL_CITY);
}

/* Does the text before b end with a direction written with 部 (北部,
 * 南西部, 中部), then maybe の? */
static bool direction_before(const estate *s, size_t b)
{
    const char *t = s->d->norm;
    if (b >= s->lo + 3 && kj_before(t, b, "の"))
        b -= 3;
    if (b < s->lo + 6 || !kj_before(t, b, "部"))
        return false;
    size_t ps;
    uint32_t c = ent_prev(s->d, b - 3, &ps);
    return c == 0x6771 || c == 0x897F || c == 0x5357 || c == 0x5317 || c == 0x4E2D; /* 東西南北中 */
}

/* The last foreign country rec_places read before p in the same sentence
 * (its mention's end in *end), or NULL: the sentence read back at most 600
 * bytes, the mentions read last first, at most 16 of them. The sentence's
 * start ss is read back only as far as the place mention asked about (none
 * read before p: no reading at all), each byte once a call. */
static const ent *country_before(const estate *s, size_t p, size_t *end)
{
    const char *t = s->d->norm;
    size_t lim = p - s->lo > 600 ? p - 600 : s->lo, ss = p;
    for (size_t k = s->nmr, n = 0; k > 0 && n < 16; k--, n++) {
        const mref *m = &s->mr[k - 1];
        if (m->ne > p || m->e->type != KIJI_FACT_PLACE)
            continue;
        while (ss > lim && ss > m->ns && t[ss - 1] != '\n' &&
               !(ss >= lim + 3 && kj_before(t, ss, "。")))
            ss--;
        if (m->ns < ss)
            return NULL;
        if (m->e->kind == PL_COUNTRY && m->e->code && strcmp(m->e->code, "JP") != 0) {
            *end = m->ne;
            return m->e;
        }
    }
    return NULL;
}

/* A mention of the place e as written at [ns, ne): the country that opens
 * a run with a state (カナダ in カナダ・ブリティッシュコロンビア州), a
 * listed state. */
static void mention_written(estate *s, ent *e, size_t ns, size_t ne)
{
    use_name(s, e, ns, ne, true);
    ent_mention(s, e, ns, ne);
}

/* A foreign state or province written in katakana before 州 (or 省) at p:
 * ブリティッシュコロンビア州 in カナダ・ブリティッシュコロンビア州,
 * チワワ州 in メキシコ北部チワワ州. A listed one (ja/regions.txt) is that
 * place, wherever its country is written; an unlisted one is a region of
 * the country written right before it (アメリカコネチカット州, メキシコ・
 * キンタナロー州) or else of the last foreign country read in the same
 * sentence (country_before). The katakana keeps
 * its inner ・ (ナングロ・アチェ・ダルサラーム州) only right after a
 * country, の or a direction; elsewhere a run such as a person's name and a
 * state (…・バイエルン州知事) gives its last part alone, and that only when
 * listed. 省 after katakana names a ministry (エネルギー省) unless a
 * direction comes first (ベトナム北部クアンニン省). A one-kanji direction
 * that opens a word, or follows the country, opens the name (インドネシアの
 * 北スマトラ州). Mentions what it finds
 * and returns the end of 州, or 0 (cases/ja/place_kata_state). */
static __attribute__((noinline)) size_t kata_state(estate *s, size_t p)
{
    kiji_doc *d = s->d;
    const char *t = d->norm;
    size_t r = p, ps, nx;
    bool dot = false;
    /* the katakana run before p, at most 24 characters */
    for (int k = 0; k < 24 && r > s->lo; k++) {
        uint32_t c = ent_prev(d, r, &ps);
        if (!ent_kata(c) && c != 0x30FB)
            break;
        r = ps;
    }
    while (r < p && kj_at(t, p, r, "・"))
        r += 3; /* 地元・フロリダ州: the ・ before is no part of it */
    if (r >= p || kj_before(t, p, "・"))
        return 0;
    bool shou = kj_at(t, s->hi, p, "省");
    size_t e = p + 3;
    if (ent_char_claimed(d, r, e))
        return 0;
    size_t cend = 0; /* asked only past the cheap refusals above */
    const ent *country = country_before(s, p, &cend);
    /* a country that opens the run: アメリカコネチカット州 */
    size_t rs = r;
    ent *own = NULL;
    size_t cl = country_len(s, r);
    if (cl && r + cl < p) {
        /* after ・, or before a listed state: アルバイ州 is no アルバ */
        int32_t idx, sv;
        size_t after = kj_at(t, p, r + cl, "・") ? r + cl + 3 : r + cl;
        bool split = after > r + cl || (kj_dict_get(s->x->place, t + after, e - after, &sv) &&
                                        sv >= 0 && s->x->places[sv].kind == PL_REGION);
        if (split && after < p && ent_longest(s, s->x->place, r, &idx) == cl) {
            own = place_entity(s, idx);
            rs = after;
        }
    }
    size_t past_dot = rs; /* the end of the last ・ in [rs, p) */
    for (size_t q = rs; q < p; q = nx)
        if (ent_cp(d, q, &nx) == 0x30FB) {
            dot = true;
            past_dot = nx;
        }
    uint32_t before = ent_prev(d, r, &ps);
    if (before == '=' || before == 0xFF1D)
        return 0; /* ノルトライン=ヴェストファーレン州: the name starts before */
    bool lead = own || (country && cend == r) || before == 0x306E /* の */ ||
                direction_before(s, r);
    if (dot && !lead)
        rs = past_dot; /* the last part after the last ・ */
    /* 北スマトラ州: a one-kanji direction that opens the name (not in a
     * kanji word, or right after the country) */
    size_t ns = rs;
    if (rs == r && !own && (before == 0x5317 || before == 0x5357 || before == 0x6771 || before == 0x897F)) {
        size_t pps;
        uint32_t b2 = ent_prev(d, ps, &pps);
        if (!kj_is_kanji(b2) || (country && cend == ps))
            ns = ps;
    }
    if (rs >= p)
        return 0;
    int32_t idx;
    if (!shou && kj_dict_get(s->x->place, t + rs, e - rs, &idx) && idx >= 0 &&
        s->x->places[idx].kind == PL_REGION) {
        if (own)
            mention_written(s, own, r, r + cl);
        mention_written(s, place_entity(s, idx), rs, e);
        return e;
    }
    if (dot && !lead)
        return 0;
    if (shou && !direction_before(s, r))
        return 0;
    /* ケント州立大学 is named after a town; アジア州 is a continent */
    if (kj_at(t, s->hi, e, "立") || ent_longest(s, s->x->place, rs, &idx) == p - rs)
        return 0;
    const ent *of = own ? own : country;
    if (!of || !of->code || !of->code[0])
        return 0;
    if (own)
        mention_written(s, own, r, r + cl);
    named_place(s, 'r', ns, e, of->code, PL_REGION);
    return e;
}

/* The Japanese scan of rec_places past a character at which it found
 * nothing (code point *c, its entry's classes *cls, ending at i): the
 * kanji and katakana that follow, up to the first at which a place or a
 * municipality may start, are characters at which the scan, with the one
 * before known, would only move on. Steps over them as it would, one step
 * of work each, and returns where the scan goes on, with *c and *cls the
 * last character's (unchanged when it stepped over none): the scan reads
 * most characters of a kanji or katakana word so. The tests are the scan's
 * own, read from the entries' classes (KJ_CC_KANJI is kj_is_kanji,
 * KJ_CC_KATA ent_kata), for a character past ASCII and past lo. */
static inline size_t ja_quiet(estate *s, size_t i, uint32_t *c, uint32_t *cls)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t hi = s->hi < d->norm_len ? s->hi : d->norm_len;
    uint32_t pc = *c, pcls = *cls;
    size_t steps = 0;
    while (i < hi) {
        uint32_t v = d->cpx[i];
        /* kanji and katakana only: neither is a Latin word character */
        if ((v & KJ_CPX_SLOW) || !(v & (KJ_CC_KANJI | KJ_CC_KATA)))
            break;
        uint32_t cp = v & KJ_CPX_CP;
        /* place_may_start: a one-kanji form (abbr_at), or a full name
         * (full_may_start: not katakana after katakana or ・) */
        if (ent_first_has(x, ENT_F_ABBR, cp))
            break;
        if (ent_first_has(x, ENT_F_PLACE, cp) &&
            !((v & KJ_CC_KATA) && ((pcls & KJ_CC_KATA) || pc == 0x30FB)))
            break;
        /* municipality_may_start: a kanji not after a kanji or a digit */
        if ((v & KJ_CC_KANJI) && !(pcls & KJ_CC_KANJI) && !kj_is_digit(pc))
            break;
        steps++;
        pc = cp;
        pcls = v & ENT_CC;
        i += v >> KJ_CPX_LEN_SHIFT;
    }
    d->work += steps;
    *c = pc;
    *cls = pcls;
    return i;
}

/* rec_places' scan for English text (en) or other text: called with a
 * constant, so each language's loop holds only its own tests. */
/* The Gulf of Mexico, the Sea of Japan: a body of water named after the
 * place at pos is a place of its own, not that place. Returns where its
 * name starts ("Gulf of " right before pos), else pos. */
static size_t water_of(const estate *s, size_t pos)
{
    static const char *const water[] = {"Gulf of ", "Sea of ", "Bay of ", "Strait of ",
                                        "Straits of ", NULL};
    const char *t = s->d->norm;
    /* each ends in " of " and is 7 bytes or more: most places have none */
    if (pos < s->lo + 7 || memcmp(t + pos - 4, " of ", 4) != 0)
        return pos;
    for (int k = 0; water[k]; k++) {
        size_t n = strlen(water[k]);
        if (pos >= s->lo + n && memcmp(t + pos - n, water[k], n) == 0 &&
            (pos == s->lo + n || !ent_asc((unsigned char)t[pos - n - 1])))
            return pos - n;
    }
    return pos;
}

/* Is no ASCII byte but A-Z a stop of st? Read as words of st->ascii (its
 * entries 0 or 1), once a scan. */
static __attribute__((noinline)) bool stops_capitals_only(const ent_stops *st)
{
    uint64_t any = 0;
    for (unsigned c = 0; c < 128; c += 8) {
        uint64_t w;
        memcpy(&w, st->ascii + c, 8);
        if (c + 8 <= 'A' || c > 'Z')
            any |= w;
    }
    any |= st->ascii['A' - 1];
    for (unsigned c = 'Z' + 1; c < 96; c++)
        any |= st->ascii[c];
    return !any;
}

/* The first byte at or after i that is A-Z or past ASCII, where eight
 * bytes from there are before hi (and the text's end), else the last
 * position of i so read: the bytes it passes are ASCII, no capital. Eight
 * bytes a test: for an ASCII byte b, b + 0x3F has bit 7 from 'A' on and b
 * + 0x25 from the byte after 'Z' on; a byte past ASCII has bit 7 itself.
 * No sum carries into the next byte below the first byte past ASCII (the
 * word is read with byte i lowest), so the lowest bit set is the byte. */
static inline size_t to_capital(const kiji_doc *d, size_t i, size_t hi)
{
    const unsigned char *u = (const unsigned char *)d->norm;
    const uint64_t h = 0x8080808080808080u;
    if (hi > d->norm_len)
        hi = d->norm_len;
#ifdef __SSE2__
    /* sixteen bytes a test where there is SSE2: a capital's compare and
     * each byte's bit 7, one movemask (one bit a byte, byte i lowest) */
    typedef unsigned char v16 __attribute__((vector_size(16)));
    while (i < hi && hi - i >= 16) {
        v16 v;
        memcpy(&v, u + i, 16);
        v16 caps = (v16)((v16)(v - 'A') <= 'Z' - 'A');
        unsigned m = (unsigned)_mm_movemask_epi8((__m128i)(caps | v));
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    while (i < hi && hi - i >= 8) {
        uint64_t w;
        memcpy(&w, u + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap64(w); /* byte i lowest */
#endif
        uint64_t m = (((w + 0x3F3F3F3F3F3F3F3Fu) & ~(w + 0x2525252525252525u)) | w) & h;
        if (m)
            return i + ((size_t)__builtin_ctzll(m) >> 3);
        i += 8;
    }
    return i;
}

static inline __attribute__((always_inline)) void scan_places(estate *s, bool en)
{
    kiji_doc *d = s->d;
    size_t i = s->lo, end = SIZE_MAX;
    const ent *prev = NULL; /* the last gazetteer place read, and its end */
    size_t prev_end = 0;
    uint32_t c = 0;
    /* English: no ASCII stop but a capital (to_capital may pass the rest) */
    bool caps = en && stops_capitals_only(&s->x->place_stops_en);
    while (i < s->hi) {
        /* the loop moves on at once past a character that is not kanji,
         * katakana or a Latin word character (see below); in English it
         * acts only where place_at_cp can find a place (full_at looks one
         * up only where ENT_F_PLACE has the character, abbr_at only where
         * ENT_F_ABBR has it: municipalities are Japanese) */
        size_t from = i;
        uint32_t skipped = 0;
        if (en)
            i = ent_skip_stops(d, caps ? to_capital(d, i, s->hi) : i, s->hi,
                               &s->x->place_stops_en);
        else
            i = ent_skip_last(d, i, s->hi, KJ_CC_KANJI | KJ_CC_KATA | KJ_CC_WORD, &skipped);
        if (i >= s->hi)
            break;
        d->work++;
        size_t nx;
        /* where ent_skip_last stepped over characters, the one before i is
         * the last of them: no kanji, katakana or word character */
        bool after_other = !en && i != from;
        uint32_t pc = after_other ? skipped & KJ_CPX_CP : ent_prev_in(d, i, end, c), cls;
        c = ent_cpc(d, i, &nx, &cls);
        end = nx;
        if (!(cls & (KJ_CC_KANJI | KJ_CC_KATA | KJ_CC_WORD))) {
            i = nx;
            continue;
        }
        if (c < 0x80 && ent_asc((unsigned char)c) && i > s->lo && (ent_word(pc) || pc == '-') &&
            !s->x->abbr_latin) {
            /* inside a Latin word no place starts (full_at refuses the
             * start, no one-kanji form and no municipality starts with a
             * Latin letter): on to the word's end */
            while (nx < s->hi && ent_asc((unsigned char)d->norm[nx]))
                nx++;
            c = (unsigned char)d->norm[nx - 1];
            i = end = nx;
            continue;
        }
        /* in Japanese, where neither a place (place_may_start) nor a
         * municipality (a kanji opening a kanji run, not after a figure)
         * can start: on (English stops only where a place may start) */
        bool may_place = place_may_start(s, i, c, pc);
        bool kanji = (cls & KJ_CC_KANJI) != 0;
        bool may_town = !en && kanji &&
                        municipality_may_start(s, i, kanji, !after_other && kj_is_kanji(pc),
                                               !after_other && kj_is_digit(pc));
        if ((!may_place && !may_town) || ent_char_claimed(d, i, nx)) {
            i = nx;
            if (!en)
                i = end = ja_quiet(s, i, &c, &cls);
            continue;
        }
        ent *e = NULL;
        size_t n = may_place ? place_at_cp(s, i, c, pc, &e) : 0;
        /* 旧鳩ヶ谷市: a former municipality is a named city all the same;
         * 旧 is no part of its name */
        if (!n && may_town && kj_at(d->norm, s->hi, i, "旧") &&
            (n = municipality(s, i + 3)) > 0) {
            named_place(s, 'c', i + 3, i + 3 + n, "JP", PL_CITY);
            i += 3 + n;
            continue;
        }
        /* 同県能代市, 同府豊中市: the prefecture named before, then a
         * municipality of it */
        if (!n && may_town && c == 0x540C /* 同 */ &&
            (kj_at(d->norm, s->hi, i + 3, "県") || kj_at(d->norm, s->hi, i + 3, "府") ||
             kj_at(d->norm, s->hi, i + 3, "道") || kj_at(d->norm, s->hi, i + 3, "都")) &&
            (n = municipality(s, i + 6)) > 0) {
            named_place(s, 'c', i + 6, i + 6 + n, "JP", PL_CITY);
            i += 6 + n;
            continue;
        }
        if (!n && may_town && (n = municipality(s, i)) > 0) {
            named_place(s, 'c', i, i + n, "JP", PL_CITY);
            i += n;
            continue;
        }
        if (!n) {
            /* 州 or 省 after katakana: a foreign state (kata_state) */
            size_t ke = !en && (c == 0x5DDE || c == 0x7701) && ent_kata(pc) ? kata_state(s, i) : 0;
            if (ke) {
                i = end = ke; /* c is still the 州 or 省 that ends there */
                continue;
            }
            i = nx;
            if (!en)
                i = end = ja_quiet(s, i, &c, &cls);
            continue;
        }
        size_t town;
        size_t cn = city_suffix(s, i + n, e, n, &town);
        if (cn) {
            /* the city's own entity, keyed by its name (a town's without
             * its county) */
            size_t cs = e->kind == PL_CITY ? i : town;
            size_t ce = i + n + cn;
            if (e->kind != PL_CITY)
                ent_mention(s, e, i, i + n);
            /* ニューオーリンズ市: the known city keeps its own country */
            const char *cc = e->kind == PL_CITY && e->code ? e->code : "JP";
            named_place(s, 'c', cs, ce, cc, PL_CITY);
            i = ce;
            continue;
        }
        if (state_after_city(s, e, i, n, prev, prev_end)) {
            /* Seattle, Washington: the state, an entity of its own */
            named_place(s, 'r', i, i + n, e->code, PL_REGION);
            i += n;
            continue;
        }
        size_t ws = en ? water_of(s, i) : i;
        if (ws < i) {
            /* the Gulf of Mexico: a place with no code of its own */
            named_place(s, 'w', ws, i + n, "-", PL_WORLD);
            i += n;
            continue;
        }
        ent_mention(s, e, i, i + n);
        prev = e;
        prev_end = i + n;
        i += n;
    }
}

/* The state of a US politician's party tag, (D-Ill.), (R-Ore), (D-N.Y.),
 * (R-Iowa), (R-AZ): a state written as regions.txt has it, or without its
 * final period, or a postal code (en/state_postal.txt). Read only inside
 * such a tag, as Ill or AZ alone name nothing (cases/en/place_party_tag). */
static void party_state(estate *s, size_t ns, size_t ne)
{
    kiji_doc *d = s->d;
    char buf[24];
    size_t n = ne - ns;
    if (n + 2 > sizeof buf)
        return;
    memcpy(buf, d->norm + ns, n);
    buf[n] = '\0';
    const kj_wordlist *wl = kj_wordlist_get("en/state_postal");
    if (n == 2 && wl)
        for (size_t k = 0; k < wl->n; k++) {
            const char *l = wl->lines[k];
            if (l[0] == buf[0] && l[1] == buf[1] && l[2] == '\t') {
                n = strlen(l + 3);
                if (n + 2 > sizeof buf)
                    return;
                memcpy(buf, l + 3, n + 1);
                break;
            }
        }
    int32_t idx;
    bool found = kj_dict_get(s->x->place, buf, n, &idx);
    if (!found && buf[n - 1] != '.') {
        buf[n] = '.';
        found = kj_dict_get(s->x->place, buf, n + 1, &idx);
    }
    if (found && idx >= 0 && s->x->places[idx].kind == PL_REGION) {
        ent *e = place_entity(s, idx);
        use_name(s, e, ns, ne, false);
        ent_mention(s, e, ns, ne);
    } else if (ne - ns == 2 && n > 2) {
        /* NY, WA, GA: a state whose name is a city's or a country's */
        named_place(s, 'r', ns, ne, "US", PL_REGION);
    }
}

static void party_tags(estate *s)
{
    const kiji_doc *d = s->d;
    const char *p = d->norm;
    for (size_t i = s->lo; i + 5 < s->hi; i++) {
        /* the next ( at once (memchr), most of the text has none */
        const char *o = memchr(p + i, '(', s->hi - 5 - i);
        if (!o)
            break;
        i = (size_t)(o - p);
        if ((p[i + 1] != 'D' && p[i + 1] != 'R' && p[i + 1] != 'I') || p[i + 2] != '-' ||
            p[i + 3] < 'A' || p[i + 3] > 'Z')
            continue;
        size_t b = i + 3;
        while (b < s->hi && b - i < 16 &&
               ((p[b] >= 'A' && p[b] <= 'Z') || (p[b] >= 'a' && p[b] <= 'z') || p[b] == '.'))
            b++;
        if (b < s->hi && p[b] == ')')
            party_state(s, i + 3, b);
    }
}

/* The two scans as functions of their own: each inlines its tests
 * (ent_pair_may among them) within the compiler's limits on one
 * function's growth, which the two inlined into rec_places went past. */
static __attribute__((noinline)) void scan_places_en(estate *s)
{
    scan_places(s, true);
}

static __attribute__((noinline)) void scan_places_ja(estate *s)
{
    scan_places(s, false);
}

void rec_places(estate *s)
{
    if (s->d->lang == KJ_LANG_EN) {
        scan_places_en(s);
        dateline_city(s);
        party_tags(s);
    } else {
        scan_places_ja(s);
    }
}

/* The capitalized words (up to three) that end at e, each letters with
 * inner ' . - (Coeur D'Alene, St. Thomas, Hoffman Estates), one space or
 * line break apart: their start, or e when none. */
static size_t caps_before(const kiji_doc *d, size_t lo, size_t e)
{
    size_t start = e, k = e;
    for (int w = 0; w < 3; w++) {
        size_t j = k;
        while (j > lo) {
            char ch = d->norm[j - 1];
            if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '\'' || ch == '.' ||
                  ch == '-'))
                break;
            j--;
        }
        if (j == k || d->norm[j] < 'A' || d->norm[j] > 'Z')
            break;
        start = j;
        if (j < lo + 2 || (d->norm[j - 1] != ' ' && d->norm[j - 1] != '\n'))
            break;
        k = j - 1;
    }
    return start;
}

/* Bluffton, Ohio; Toulouse, France: capitalized words the gazetteer lacks,
 * a comma, then a state or a country name a city of it (or a county, a
 * region). Run once every entity is known, so a person (Sen. Lloyd
 * Bentsen, Texas Democrat) or an organization there is never taken; a
 * country only after a lowercase word or ( and before no capital or 's,
 * as lists (Poland, Czechoslovakia) and openers (However, Kuwait) are
 * common there (cases/en/place). */
void place_cities_before(estate *s)
{
    kiji_doc *d = s->d;
    if (d->lang != KJ_LANG_EN)
        return;
    long steps = 4096; /* person mentions read, in all */
    size_t nents = s->ne;
    for (size_t i = 0; i < nents; i++) {
        ent *r = s->e[i];
        if (r->type != KIJI_FACT_PLACE || !r->code || r->code[0] < 'A' || r->code[0] > 'Z' ||
            (r->kind != PL_REGION && r->kind != PL_COUNTRY))
            continue;
        bool country = r->kind == PL_COUNTRY;
        for (size_t m = 0; m < r->nm; m++) {
            d->work++;
            size_t rs = r->m[m].ns, re = r->m[m].ne;
            if (rs < s->lo + 4 || d->norm[rs - 1] != ' ' || d->norm[rs - 2] != ',')
                continue;
            size_t ce = rs - 2, cs = caps_before(d, s->lo, ce);
            if (cs == ce || kj_at(d->norm, ce, cs, "County"))
                continue;
            /* what closes the state or country: punctuation, a lowercase
             * word or a line's end; a country takes no capital after it
             * (Dalian, U.S. Secretary) and no 's */
            char after = re < s->hi ? d->norm[re] : '.';
            char next = re + 1 < s->hi ? d->norm[re + 1] : ' ';
            if (after == '\'' || ((after == ' ' || after == '\n') && next >= 'A' && next <= 'Z' &&
                                  (country || d->norm[re - 1] != '.')))
                continue;
            /* what opens the city: a lowercase word, ( or, for a state, a
             * comma (Trust Co, Glenmora, La.) or a sentence's start when
             * the state closes with a comma (Valley Cottage, N.Y., based) */
            size_t p = cs;
            while (p > s->lo && (d->norm[p - 1] == ' ' || d->norm[p - 1] == '\n'))
                p--;
            char before = p > s->lo ? d->norm[p - 1] : '.';
            bool ok = (before >= 'a' && before <= 'z') || before == '(';
            if (!country && !ok) {
                size_t w = cs;
                while (w < ce && d->norm[w] != ' ' && d->norm[w] != '\n')
                    w++;
                ok = before == ',' ||
                     ((before == '.' || before == '"' || p == s->lo) && after == ',' &&
                      !ent_stopword(d, cs, w) && !(w - cs > 2 && kj_at(d->norm, w, w - 2, "ly")));
            }
            /* capitals alone are an acronym (to join GATT, China), save
             * in a dateline (COEUR D'ALENE, Idaho, March 2) */
            bool lower = false;
            for (size_t b = cs; b < ce && !lower; b++)
                lower = d->norm[b] >= 'a' && d->norm[b] <= 'z';
            if (!ok || (!lower && p != s->lo))
                continue;
            /* a place or organization there (ent_overlaps), or a person:
             * persons are not indexed by position, so their mentions are
             * read, a bounded number of steps (past it: taken) */
            bool taken = ent_overlaps(s, cs, ce);
            for (size_t k = 0; k < nents && !taken; k++) {
                const ent *e = s->e[k];
                if (e->type != KIJI_FACT_PERSON)
                    continue;
                for (size_t j = 0; j < e->nm && !taken; j++) {
                    d->work++;
                    taken = (e->m[j].ns < ce && cs < e->m[j].ne) || --steps <= 0;
                }
            }
            if (taken || kj_claimed(d, cs, ce))
                continue;
            bool county = ce - cs > 7 && kj_at(d->norm, ce, ce - 7, " County");
            named_place(s, county ? 'r' : 'c', cs, ce, r->code, county ? PL_REGION : PL_CITY);
        }
    }
}
