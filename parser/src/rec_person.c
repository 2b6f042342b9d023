/*
 * rec_person.c -- persons with title and affiliation, and their later
 * mentions.
 *
 * Japanese: a katakana name (パベル・ポドビグ) or a kanji name that starts with
 * a known surname (石破茂, 植田和男) followed by a title or honorific, with an
 * optional country or organization between them (マクロン仏大統領, 植田和男日銀
 * 総裁); a title in apposition before the name (…の上級研究員、パベル・ポドビグ氏);
 * an affiliation before の (ドイツのメルツ首相). English: title + name (German
 * Chancellor Friedrich Merz), name + ", title of Org", and said-subjects.
 * Later surname-only mentions join the person with that surname mentioned
 * last before them (with a title after them, the last one holding it); 同氏
 * joins the person named last.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rec_entity.h"

/* The heads of a local government, written after its place's name (大阪
 * 市長, 大阪府知事): a municipality's first (MUNI_HEADS of them), then a
 * prefecture's. */
static const char *const local_heads[] = {"市長",   "町長",   "村長",   "区長", "県知事",
                                          "府知事", "都知事", "道知事", NULL};
#define MUNI_HEADS 4

/* The kinship words that name a relative before the relative's given
 * name (母・美加さん, 長女・優奈さん; kin_given_read, kin_kana_name): one
 * kanji of kin1_ja, or a word of kin2_ja. person_init notes their first
 * characters as the set ENT_F_KIN, their last as ENT_F_KIN_LAST (every
 * character of them is three bytes, every word of kin2_ja two kanji:
 * kin_word). */
static const char kin1_ja[] = "父母夫妻兄姉弟妹娘孫";
static const char *const kin2_ja[] = {"父親", "母親", "息子", "長男", "次男", "三男", "四男",
                                      "長女", "次女", "三女", "四女"};

/* The bit of kj_entity.notname_bits for the text [p, p + n) (n > 0):
 * a hash of all its bytes, four at a time. */
static inline uint32_t notname_bit(const char *p, size_t n)
{
    uint32_t h = (uint32_t)n * 0x9E3779B1u;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        uint32_t w;
        memcpy(&w, p + i, 4);
        h = (h ^ w) * 0x85EBCA77u;
        h ^= h >> 13;
    }
    for (; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 0xC2B2AE3Du;
    h ^= h >> 16;
    return h & (ENT_NOTNAME_BITS - 1);
}

/* The deputy's form of the title line t (副 and the title: 副署長 for 署長)
 * written into out (size bytes), its length; 0 for a title that opens with
 * a prefix of its own (元首相, 前社長, 副社長, 次期大統領) or does not fit.
 * The list names a deputy's title only where it reads otherwise. */
static size_t deputy_title(const char *t, char *out, size_t size)
{
    static const char *const pre[] = {"元", "前", "副", "次期", NULL};
    size_t len = strlen(t);
    for (int i = 0; pre[i]; i++)
        if (strncmp(t, pre[i], strlen(pre[i])) == 0)
            return 0;
    if (len == 0 || len + 3 > size)
        return 0;
    memcpy(out, "副", 3);
    memcpy(out + 3, t, len);
    return len + 3;
}

int person_init(struct kj_entity *x)
{
    for (int c = 0; c < 256; c++)
        x->asc_word[c] = ent_asc((unsigned char)c);
    x->title_ja = ent_dict("ja/titles", 1);
    /* 副署長, 副首相, 副局長: 副 (deputy) before a title of the list is
     * that deputy's title, written whole (not 署長 with 副 lost), in
     * title_ja and title_rev_ja alike (deputy_title) */
    const kj_wordlist *tw = kj_wordlist_get("ja/titles");
    for (size_t i = 0; x->title_ja && tw && i < tw->n; i++) {
        char key[TITLE_MAX];
        size_t len = deputy_title(tw->lines[i], key, sizeof key);
        int32_t v;
        if (len && !kj_dict_get(x->title_ja, key, len, &v) && !kj_dict_add(x->title_ja, key, len, 1))
            return -1;
    }
    x->honor_ja = ent_dict("ja/honorifics", 1);
    ent_first_list(x, ENT_F_TITLE, "ja/titles");
    ent_first_add(x, ENT_F_TITLE, "副", strlen("副")); /* deputy_title's forms */
    ent_first_list(x, ENT_F_HONOR, "ja/honorifics");
    ent_first_list(x, ENT_F_OCC, "ja/occupations");
    const kj_wordlist *occ = kj_wordlist_get("ja/occupations");
    for (size_t i = 0; occ && i < occ->n; i++) {
        const char *key = occ->lines[i], *tab = strchr(key, '\t');
        size_t len = kj_wordlist_key(key), st;
        if (len == 0 || (tab && strtol(tab + 1, NULL, 10) != 1))
            continue;
        /* the last character, noted as ent_first notes a first one (one
         * that is no whole character lets every character through) */
        uint32_t c = kj_u8_prev(key, len, &st);
        /* occ_before looks back as far as the longest entry (シンガー
         * ソングライター, 11 characters), counted in characters */
        int nch = 0;
        for (size_t j = 0; j < len; j++)
            nch += ((unsigned char)key[j] & 0xC0) != 0x80;
        if (nch > x->occ_back)
            x->occ_back = nch;
        size_t k = st;
        if (kj_u8_next(key, len, &k) != c || k != len || c < 0x80)
            ent_first_all(x, ENT_F_OCC_LAST);
        else if (c < 0x10000)
            x->first[c] |= ENT_F_OCC_LAST;
    }
    ent_first_list(x, ENT_F_SURNAME, "ja/surnames");
    ent_first_list(x, ENT_F_ZHSUR, "ja/surnames_zh");
    ent_first_list(x, ENT_F_OLEAD, "ja/org_lead");
    for (size_t i = 0; i + 3 <= sizeof kin1_ja - 1; i += 3)
        ent_first_add(x, ENT_F_KIN | ENT_F_KIN_LAST, kin1_ja + i, 3);
    for (size_t i = 0; i < sizeof kin2_ja / sizeof kin2_ja[0]; i++) {
        size_t n = strlen(kin2_ja[i]);
        ent_first_add(x, ENT_F_KIN, kin2_ja[i], n);
        ent_first_add(x, ENT_F_KIN_LAST, kin2_ja[i] + n - 3, 3);
    }
    x->anaphora_ja = ent_dict("ja/anaphora", 1);
    x->anaorg_ja = ent_dict("ja/anaphor_orgs", 1);
    x->surname_ja = ent_dict("ja/surnames", 1);
    x->notname_ja = ent_dict("ja/not_names", 1);
    x->thing_kind_ja = ent_dict("ja/thing_kinds", 1);
    x->thing_before_ja = ent_dict("ja/thing_before", 1);
    /* the last bytes of its words: thing_before reads back only after one */
    const kj_wordlist *tb = kj_wordlist_get("ja/thing_before");
    for (size_t i = 0; tb && i < tb->n; i++) {
        size_t n = strlen(tb->lines[i]);
        unsigned char lb = n ? (unsigned char)tb->lines[i][n - 1] : 0;
        x->thing_before_tail |= lb >= 0x80 && lb < 0xC0 ? UINT64_C(1) << (lb - 0x80) : ~UINT64_C(0);
        unsigned char l2 = n >= 3 ? (unsigned char)tb->lines[i][n - 2] : 0;
        x->thing_before_tail2 |= l2 >= 0x80 && l2 < 0xC0 && (unsigned char)tb->lines[i][n - 3] >= 0xE0
                                     ? UINT64_C(1) << (l2 - 0x80) : ~UINT64_C(0);
    }
    x->thing_follow_ja = ent_dict("ja/thing_follow", 1);
    const kj_wordlist *nn = kj_wordlist_get("ja/not_names");
    for (size_t i = 0; nn && i < nn->n; i++) {
        size_t n = kj_wordlist_key(nn->lines[i]);
        if (n) {
            uint32_t bit = notname_bit(nn->lines[i], n);
            x->notname_bits[bit >> 6] |= 1ull << (bit & 63);
        }
    }
    x->counter_ja = ent_dict("ja/counters", 1);
    x->rolemod_ja = ent_dict("ja/role_modifiers", 1);
    x->given_ja = ent_dict("ja/given_names", 1);
    const kj_wordlist *kata = kj_wordlist_get("ja/given_names_kata");
    if (x->given_ja && kata && !kj_dict_add_list(x->given_ja, kata, 1))
        return -1;
    x->given_en = ent_dict("en/given_names", 1);
    x->gend_ja = ent_dict("ja/given_endings", 1);
    const kj_wordlist *gend = kj_wordlist_get("ja/given_endings");
    for (size_t i = 0; gend && i < gend->n; i++) {
        const char *key = gend->lines[i];
        size_t len = kj_wordlist_key(key), st, k;
        if (len == 0)
            continue;
        /* as ENT_F_OCC_LAST is noted (above) */
        uint32_t c = kj_u8_prev(key, len, &st);
        k = st;
        if (kj_u8_next(key, len, &k) != c || k != len || c < 0x80)
            ent_first_all(x, ENT_F_GEND_LAST);
        else if (c < 0x10000)
            x->first[c] |= ENT_F_GEND_LAST;
    }
    x->occ_ja = ent_dict("ja/occupations", 1);
    x->honor_en = ent_dict("en/honorifics", 1);
    x->zhsur_ja = ent_dict("ja/surnames_zh", 1);
    x->zhgiven_ja = ent_dict("ja/given_chars_zh", 1);
    x->person_speech_ja = ent_dict("ja/person_speech", 1);
    x->firm_people_en = ent_dict("en/firm_people", 1);
    x->weak_title_en = ent_dict("en/weak_titles", 1);
    x->party_en = ent_dict("en/party_members", 1);
    x->title_verbs_en = kj_wordlist_get("en/title_verbs");
    x->kin_ja = kj_wordlist_get("ja/kin_endings");
    x->company_en = kj_wordlist_get("en/company_words");
    x->title_en = kj_dict_new();
    x->title_last_en = kj_dict_new();
    /* ja/titles lines as written, reversed: the longest title ending at a
     * position is one walk (title_before) */
    x->title_rev_ja = kj_dict_new();
    const kj_wordlist *tl = kj_wordlist_get("ja/titles");
    if (!x->title_rev_ja)
        return -1;
    for (size_t i = 0; tl && i < tl->n; i++) {
        char r[TITLE_MAX], dep[TITLE_MAX];
        size_t n = strlen(tl->lines[i]);
        if (n >= sizeof r)
            return -1; /* a title that long is a data error */
        for (size_t j = 0; j < n; j++)
            r[j] = tl->lines[i][n - 1 - j];
        if (n && !kj_dict_add(x->title_rev_ja, r, n, 1))
            return -1;
        size_t dn = deputy_title(tl->lines[i], dep, sizeof dep);
        for (size_t j = 0; j < dn; j++)
            r[j] = dep[dn - 1 - j];
        if (dn && !kj_dict_add(x->title_rev_ja, r, dn, 1))
            return -1;
    }
    if (!x->given_ja || !x->given_en || !x->gend_ja || !x->occ_ja || !x->notname_ja || !x->thing_kind_ja || !x->thing_before_ja || !x->thing_follow_ja || !x->counter_ja || !x->rolemod_ja || !x->title_ja || !x->honor_ja || !x->anaphora_ja || !x->anaorg_ja || !x->surname_ja || !x->honor_en ||
        !x->title_en || !x->title_last_en || !x->zhsur_ja || !x->zhgiven_ja ||
        !x->person_speech_ja || !x->firm_people_en || !x->weak_title_en || !x->party_en || !x->title_verbs_en || !x->kin_ja ||
        !x->company_en)
        return -1;
    for (size_t i = 0; i < x->title_verbs_en->n; i++) {
        unsigned char b = (unsigned char)x->title_verbs_en->lines[i][0];
        x->title_verb_first[b >> 6] |= 1ull << (b & 63);
    }
    /* English titles match case-insensitively: keys are stored lowercased */
    const kj_wordlist *wl = kj_wordlist_get("en/titles");
    for (size_t i = 0; wl && i < wl->n; i++) {
        char k[64];
        size_t n = strlen(wl->lines[i]);
        if (n >= sizeof k)
            continue;
        for (size_t j = 0; j <= n; j++) {
            char c = wl->lines[i][j];
            k[j] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        if (!kj_dict_add(x->title_en, k, n, 1))
            return -1;
        /* its last word (title_ending's first test) */
        size_t w = n;
        while (w > 0 && k[w - 1] != ' ')
            w--;
        if (n > w && !kj_dict_add(x->title_last_en, k + w, n - w, 1))
            return -1;
        unsigned f = (unsigned char)k[w] - 'a', l = (unsigned char)k[n - 1] - 'a';
        if (n > w && f < 26 && l < 26)
            x->title_last_fl[f] |= (uint32_t)1 << l;
    }
    return 0;
}

/* The longest line of ja/titles that ends at p and is at most max bytes
 * long, 0 when none: the text before p, reversed, against the reversed
 * lines. */
static size_t title_before(const estate *s, size_t p, size_t max)
{
    char r[TITLE_MAX];
    size_t m = kj_dict_maxlen(s->x->title_rev_ja);
    if (m > max)
        m = max;
    if (m > p)
        m = p;
    /* eight bytes a step while eight remain (a load, a byte swap and a
     * store: the eight before p - j reversed), then one at a time */
    size_t j = 0;
    for (; j + 8 <= m; j += 8) {
        uint64_t w;
        memcpy(&w, s->d->norm + p - j - 8, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        w = __builtin_bswap64(w);
        memcpy(r + j, &w, 8);
#else
        for (int b = 0; b < 8; b++)
            r[j + b] = s->d->norm[p - 1 - j - b];
#endif
    }
    for (; j < m; j++)
        r[j] = s->d->norm[p - 1 - j];
    return kj_dict_longest(s->x->title_rev_ja, r, m, 0, NULL);
}

/* ---- the person registry ------------------------------------------------------ */

typedef struct pctx {
    ent *last; /* for 同氏 */
} pctx;

/* Persons sharing one surname are kept under "S<i>:<surname>" keys, i below
 * SAME_SURNAME (a father and son, both 金X). More are rare in one article;
 * the bound keeps a lookup O(1) whatever the input repeats. */
#define SAME_SURNAME 8
/* Mentions read back per candidate when finding its last one before a
 * position: mentions come mostly in text order, so the last few decide. */
#define LAST_MENTIONS 32
/* Longest word town_seen looks up, plus one (names are shorter). */
#define TOWN_MAXLEN 48
/* Questions town_seen answers by a scan for the word before building
 * its index: each scan is one pass over the text, the index six, so no
 * document pays more than twice what the index alone costs. */
#define TOWN_SCANS 6
/* The size in bits of the per-document filter of registered surnames. */
#define SURNAME_BITS 2048

/* rec_person.c's state for one document (estate's town, made by
 * rec_persons): town_word's index, built on first use, and a filter of
 * the surnames surname_register saw. */
struct townidx {
    bool built;    /* pos, npos and cap are filled (town_index) */
    int scans;     /* questions town_scan answered before the index */
    /* those questions' words and answers, in order: a word asked again
     * (a surname the text repeats) is answered without another scan */
    char asked[TOWN_SCANS][TOWN_MAXLEN];
    uint8_t asked_len[TOWN_SCANS];
    bool asked_yes[TOWN_SCANS];
    uint32_t *pos; /* starts of the loc words, in d->norm */
    size_t npos;
    uint32_t *set[TOWN_MAXLEN]; /* by word length: pos index + 1, or 0 */
    size_t cap;                 /* slots of each set, a power of two */
    /* bit surname_bit(p, n) of every surname [p, p + n) given to
     * surname_register: a clear bit says no "S0:" key holds it, which is
     * what most surname lookups find (a set bit may be another's) */
    uint64_t surnames[SURNAME_BITS / 64];
    /* person has been asked for a name or surname whose text starts with
     * byte E3 (kana among others): every key of a person ("n:", "s:",
     * "S0:") is made there, from those texts, so without it no key holds
     * a katakana word */
    bool kana_keys;
};

/* The bit of townidx.surnames for the surname [p, p + n). */
static inline uint32_t surname_bit(const char *p, size_t n)
{
    if (n == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)p;
    uint32_t h = (uint32_t)n * 0x9E3779B1u ^ u[0] * 0x85EBCA77u ^ u[n - 1] * 0xC2B2AE3Du ^
                 u[n / 2] * 0x27D4EB2Fu;
    return (h ^ (h >> 15)) & (SURNAME_BITS - 1);
}

static inline bool surname_maybe(const estate *s, const char *p, size_t n)
{
    uint32_t b = surname_bit(p, n);
    return s->town->surnames[b >> 6] >> (b & 63) & 1;
}

/* Add e to the persons whose surname is [p, p + n). */
static void surname_register(estate *s, const char *p, size_t n, ent *e)
{
    char key[200];
    uint32_t b = surname_bit(p, n);
    s->town->surnames[b >> 6] |= 1ull << (b & 63);
    for (int i = 0; i < SAME_SURNAME; i++) {
        const char pre[4] = {'S', (char)('0' + i), ':', 0};
        int kl = ent_keyn(key, sizeof key, pre, 3, p, n);
        if (kl <= 0 || (size_t)kl >= sizeof key)
            return;
        ent *o = ent_get(s, KIJI_FACT_PERSON, key, (size_t)kl);
        if (o == e)
            return;
        if (!o) {
            ent_alias(s, KIJI_FACT_PERSON, key, (size_t)kl, e);
            return;
        }
    }
}

/* The start of e's last mention before pos, or SIZE_MAX when none. */
static size_t mentioned_before(kiji_doc *d, const ent *e, size_t pos)
{
    size_t best = SIZE_MAX;
    for (size_t i = e->nm, k = 0; i > 0 && k < LAST_MENTIONS; i--, k++) {
        d->work++;
        size_t ms = e->m[i - 1].ns;
        if (ms < pos && (best == SIZE_MAX || ms > best))
            best = ms;
    }
    return best;
}

/* The person a surname [p, p + n) at pos refers to: the reader takes the
 * one mentioned last before it (金正浩, then his son 金英哲, then 金氏: the
 * son), and with a title after the surname the last one holding that title
 * (金委員長). NULL when no person with that surname was mentioned before
 * pos; the caller then falls back to the one named first (cases/ja/person). */
static ent *surname_nearest(estate *s, const char *p, size_t n, size_t pos, const char *title,
                            bool *none)
{
    char key[200];
    ent *best = NULL, *tbest = NULL;
    size_t at = 0, tat = 0;
    *none = false;
    for (int i = 0; i < SAME_SURNAME; i++) {
        const char pre[4] = {'S', (char)('0' + i), ':', 0};
        int kl = ent_keyn(key, sizeof key, pre, 3, p, n);
        if (kl <= 0 || (size_t)kl >= sizeof key)
            return NULL;
        ent *e = ent_get(s, KIJI_FACT_PERSON, key, (size_t)kl);
        if (!e) {
            *none = i == 0; /* no person has this surname */
            break;
        }
        size_t m = mentioned_before(s->d, e, pos);
        if (m == SIZE_MAX)
            continue;
        if (!best || m > at) {
            best = e;
            at = m;
        }
        if (title && e->title && strcmp(title, e->title) == 0 && (!tbest || m > tat)) {
            tbest = e;
            tat = m;
        }
    }
    return tbest ? tbest : best;
}

/* The person whose surname alone is [ss, se) at ss, or NULL: the nearest
 * before it (surname_nearest), else the one the "s:" key names. */
static ent *surname_person_known(estate *s, size_t ss, size_t se, const char *title)
{
    kiji_doc *d = s->d;
    bool none;
    ent *e = surname_nearest(s, d->norm + ss, se - ss, ss, title, &none);
    if (e)
        return e;
    /* every "s:" key of a surname this short comes with its "S0:" key
     * (person: surname_register after each ent_alias), so without that
     * key there is no "s:" key either */
    if (none)
        return NULL;
    char skey[200];
    int sl = ent_key(skey, sizeof skey, "s:", d->norm + ss, se - ss);
    return ent_get(s, KIJI_FACT_PERSON, skey, (size_t)sl);
}

/* Inline: the bit test alone answers most calls (en_persons asks it of
 * every capitalized word), without the call's frame of key buffers. */
static inline __attribute__((always_inline)) ent *surname_person(estate *s, size_t ss, size_t se,
                                                                 const char *title)
{
    if (se - ss + 4 >= 200 || !surname_maybe(s, s->d->norm + ss, se - ss))
        return NULL;
    return surname_person_known(s, ss, se, title);
}

/* The person named [ns, ne) whose surname is [ss, se): the same name, or a
 * surname-only form of one named before, or a fuller form of one first
 * named by surname (メルツ, later フリードリヒ・メルツ). */
/* 猫田ひろし(本名・滝本邦夫), 赤田不二夫氏(本名:赤田藤雄): a name right
 * after (本名 and a ・ or : (or none) is the real name of the person whose
 * mention ends before the bracket (さん or 氏 may stand between): one
 * person, the stage name kept. That person, else NULL; reads the last 16
 * entities at most. */
static ent *stage_person(estate *s, size_t ns)
{
    const char *n = s->d->norm;
    size_t p = ns;
    if (p > s->lo && n[p - 1] == ':')
        p--;
    else if (p >= s->lo + 3 && kj_before(n, p, "・"))
        p -= 3;
    if (p < s->lo + 7 || !kj_before(n, p, "本名") || n[p - 7] != '(')
        return NULL;
    p -= 7;
    size_t q = p;
    if (q >= s->lo + 6 && kj_before(n, q, "さん"))
        q -= 6;
    else if (q >= s->lo + 3 && kj_before(n, q, "氏"))
        q -= 3;
    size_t from = s->ne > 16 ? s->ne - 16 : 0;
    for (size_t i = s->ne; i > from; i--) {
        ent *e = s->e[i - 1];
        if (e->type == KIJI_FACT_PERSON && e->nm && (e->m[e->nm - 1].ne == p || e->m[e->nm - 1].ne == q))
            return e;
    }
    return NULL;
}

static ent *person(estate *s, size_t ns, size_t ne, size_t ss, size_t se, const char *title)
{
    kiji_doc *d = s->d;
    const char *n = d->norm + ns;
    size_t nl = ne - ns;
    char key[200], nb[200];
    if (nl + 2 >= sizeof key || se - ss + 2 >= sizeof key)
        return NULL;
    /* 横綱千代, 元横綱千代: a title that is no surname (ja/titles, not
     * ja/surnames) begins no name run into it (横綱千代の富士) */
    uint32_t c0;
    size_t ra = ns, rx;
    if (nl > 6 && kj_is_kanji(c0 = ent_cp(d, ns, &rx))) {
        int32_t v;
        if (c0 == 0x5143 /* 元 */ || c0 == 0x524D /* 前 */)
            c0 = ent_cp(d, ra = rx, &rx);
        size_t rl = ent_first_has(s->x, ENT_F_TITLE, c0)
                        ? kj_dict_longest(s->x->title_ja, d->norm, ne, ra, &v)
                        : 0;
        if (rl && ra + rl < ne && !kj_dict_get(s->x->surname_ja, d->norm + ra, rl, &v) &&
            kj_is_kanji(ent_cp(d, ra + rl, &rx)))
            return NULL;
    }
    /* Howard\nBaker wrapped at a line end is the Howard Baker named before
     * (cases/en/person): the key is the name as ent_set_name writes it */
    int kl = ent_key(key, sizeof key, "n:", nb, ent_strnorm_to(nb, n, nl));
    if ((unsigned char)nb[0] == 0xE3 || (nl && (unsigned char)n[0] == 0xE3) ||
        (se > ss && (unsigned char)d->norm[ss] == 0xE3))
        s->town->kana_keys = true;
    ent *e = ent_get(s, KIJI_FACT_PERSON, key, (size_t)kl);
    if (e)
        return e;
    char skey[200];
    int sl = ent_key(skey, sizeof skey, "s:", d->norm + ss, se - ss);
    if (ss == ns && se == ne) {
        /* a surname alone: the person with that surname, unless the titles
         * say these are two people */
        e = surname_person(s, ss, se, title);
        if (e && !(title && e->title && strcmp(title, e->title) != 0 && e->namelen == e->surlen))
            return e;
    } else {
        /* a full name: upgrade a person known so far by the surname alone */
        char ukey[200];
        int ul = ent_key(ukey, sizeof ukey, "n:", d->norm + ss, se - ss);
        e = ent_get(s, KIJI_FACT_PERSON, ukey, (size_t)ul);
        if (e && e->namelen == se - ss) {
            ent_set_name(s, e, n, nl);
            ent_alias(s, KIJI_FACT_PERSON, key, (size_t)kl, e);
            return e;
        }
        /* 高垣さん after 高垣麗子さん: a name of kanji that reads as a
         * listed surname (高) and a given name is the whole surname of a
         * person named before (cases/ja/person_san) */
        bool kanji = nl <= 12;
        for (size_t q = ns; kanji && q < ne; q = rx)
            kanji = kj_is_kanji(ent_cp(d, q, &rx));
        if (kanji) {
            e = surname_person(s, ns, ne, title);
            if (e && e->namelen > nl)
                return e;
        }
    }
    if ((e = stage_person(s, ns)) != NULL) {
        /* the real surname alone later (鈴木 after 鈴木弘満) is this
         * person too */
        ent_alias(s, KIJI_FACT_PERSON, key, (size_t)kl, e);
        if (se > ss && !ent_get(s, KIJI_FACT_PERSON, skey, (size_t)sl)) {
            ent_alias(s, KIJI_FACT_PERSON, skey, (size_t)sl, e);
            surname_register(s, d->norm + ss, se - ss, e);
        }
        return e;
    }
    e = ent_make(s, KIJI_FACT_PERSON, key, (size_t)kl);
    ent_set_name(s, e, n, nl);
    e->surname = e->name + (ss - ns);
    e->surlen = se - ss;
    if (!ent_get(s, KIJI_FACT_PERSON, skey, (size_t)sl))
        ent_alias(s, KIJI_FACT_PERSON, skey, (size_t)sl, e);
    surname_register(s, d->norm + ss, se - ss, e);
    /* キム・チャングン is later キム氏: Korean and Chinese names put the family
     * name first, so the first part of a ・ name is a surname too */
    if (ss > ns) {
        size_t q = ns;
        /* Sheikh Omar al-Rashid al-Nuri is later Sheikh Omar */
        while (q < ss && !kj_at(d->norm, ss, q, "・") && d->norm[q] != ' ') {
            d->work++;
            q++;
        }
        if (q < ss && q > ns) {
            char fkey[200];
            int fl = ent_key(fkey, sizeof fkey, "s:", n, q - ns);
            if (!ent_get(s, KIJI_FACT_PERSON, fkey, (size_t)fl))
                ent_alias(s, KIJI_FACT_PERSON, fkey, (size_t)fl, e);
            surname_register(s, n, q - ns, e);
        }
    }
    return e;
}

static void set_role(estate *s, ent *e, const char *title, size_t tl, ent *aff)
{
    if (title && tl && !e->title) {
        e->title = ent_strnorm(s->d, title, tl);
        if (aff && !e->aff)
            e->aff = aff;
    }
}

/* ---- Japanese ----------------------------------------------------------------- */

/* ja_tail's party: the first 党 that ends b + k (k = 6, 9, 12) before
 * hi, k; 0 when there is none (most ends of a name). 党 (U+515A) whole
 * before hi is that entry of the table, never slow (three valid bytes, E5
 * 85 9A, written only as one character). */
static inline size_t party_end(const kiji_doc *d, size_t hi, size_t b)
{
    const uint32_t *cpx = d->cpx + b;
    size_t lim = hi < d->norm_len ? hi : d->norm_len;
    size_t room = lim > b ? lim - b : 0;
    if (room >= 6 && (cpx[3] & (KJ_CPX_SLOW | KJ_CPX_CP)) == 0x515A)
        return 6;
    if (room >= 9 && (cpx[6] & (KJ_CPX_SLOW | KJ_CPX_CP)) == 0x515A)
        return 9;
    if (room >= 12 && (cpx[9] & (KJ_CPX_SLOW | KJ_CPX_CP)) == 0x515A)
        return 12;
    return 0;
}

/* What follows a name: a title, an honorific, or a country / organization
 * then a title (仏大統領, 日銀総裁). Returns the end, 0 when none; the title
 * span in ts..te (te == ts for an honorific), the affiliation in aff.
 * ja_tail asks first, inline, whether anything can follow at b. */
static size_t ja_tail_read(estate *s, size_t b, size_t *ts, size_t *te, ent **aff)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    int32_t v;
    *aff = NULL;
    size_t bx;
    uint32_t bc = ent_cp(d, b, &bx);
    /* the sets of bc, asked below for titles, honorifics, places and
     * organizations */
    const ent_first bf = ent_first_of(x, bc);
    size_t n = (bf & ENT_F_TITLE) ? kj_dict_longest(x->title_ja, d->norm, s->hi, b, &v) : 0;
    size_t h = (bf & ENT_F_HONOR)
                   ? kj_dict_longest(x->honor_ja, d->norm, s->hi, b, &v)
                   : 0;
    /* 選手権, 大統領選: a longer common noun that begins with the title */
    if (n && kj_dict_longest(x->notname_ja, d->norm, s->hi, b, &v) > n)
        return 0;
    if (n && n >= h) {
        *ts = b;
        *te = b + n;
        return b + n;
    }
    /* 麻生太郎元外務大臣, 落合博満前監督: 元 or 前 (former) opens the
     * title, as in the listed 元首相; the name ends before it
     * (cases/ja/person_former) */
    /* 元 and 前 (kj_at): the code point bc, read whole before s->hi */
    bool former = (bc == 0x5143 || bc == 0x524D) && bx <= s->hi;
    /* 橋下新市長, 山田新社長: 新 (newly appointed) opens a title the same
     * way after a kanji name, not a place (新大阪 is one), nor a player's
     * (藤原新選手 is 藤原新); ライブドア新代表 names a company's head */
    size_t fps;
    bool fresh = bc == 0x65B0 && bx <= s->hi && b > s->lo && kj_is_kanji(ent_prev(d, b, &fps)) &&
                 !kj_at(d->norm, s->hi, bx, "選手");
    /* 小泉現首相, 山田現社長: 現 (current) before a title ends the name
     * too; it is no part of the role, which the title alone names */
    bool now = bc == 0x73FE && bx <= s->hi;
    if (!n && !h && (former || fresh || now)) {
        size_t fx;
        size_t fn = ent_first_has(x, ENT_F_TITLE, ent_cp(d, b + 3, &fx))
                        ? kj_dict_longest(x->title_ja, d->norm, s->hi, b + 3, &v)
                        : 0;
        if (fn && kj_dict_longest(x->notname_ja, d->norm, s->hi, b + 3, &v) <= fn) {
            *ts = now ? b + 3 : b;
            *te = b + 3 + fn;
            return b + 3 + fn;
        }
    }
    if (h) {
        *ts = *te = b;
        return b + h;
    }
    ent *e = NULL;
    /* 橋下徹前大阪府知事: 前 or 元 (former) before the place */
    size_t b0 = b;
    /* place_at and org_at find nothing, and do nothing, where no key of
     * theirs starts with the code point (most ends of a name): asked here,
     * without the calls */
    size_t m = (bf & ENT_F_PLACE_ANY) ? place_at(s, b, &e) : 0;
    if (!m && former) {
        ent *e2 = NULL;
        size_t m2 = place_at(s, b + 3, &e2);
        if (m2 && e2->kind != PL_COUNTRY) {
            b += 3;
            m = m2;
            e = e2;
        }
    }
    /* 松井一郎大阪市長, 吉村洋文大阪府知事: a city or prefecture then the
     * head of its government; 市長 shares 市 with the place (cases/ja/person) */
    if (m && e->kind != PL_COUNTRY && m > 3) {
        static const char *const seat[] = {"市", "町", "村", "区", NULL};
        for (int i = 0; seat[i]; i++)
            if (kj_at(d->norm, s->hi, b + m - 3, seat[i]) && kj_at(d->norm, s->hi, b + m, "長")) {
                ent_mention(s, e, b, b + m);
                *aff = e;
                *ts = b + m - 3;
                *te = b + m + 3;
                return b + m + 3;
            }
        if ((kj_at(d->norm, s->hi, b + m - 3, "県") || kj_at(d->norm, s->hi, b + m - 3, "府") ||
             kj_at(d->norm, s->hi, b + m - 3, "都") || kj_at(d->norm, s->hi, b + m - 3, "道")) &&
            kj_at(d->norm, s->hi, b + m, "知事")) {
            ent_mention(s, e, b, b + m);
            *aff = e;
            *ts = b + m;
            *te = b + m + 6;
            return b + m + 6;
        }
    }
    /* 大阪市長, 大阪府知事 after a place named without its suffix (大阪) */
    if (m && e->kind != PL_COUNTRY) {
        for (int i = 0; local_heads[i]; i++)
            if (kj_at(d->norm, s->hi, b + m, local_heads[i])) {
                size_t hl = strlen(local_heads[i]);
                /* 大阪市 read as a place of its own: that one */
                ent *e2 = ent_ending_at(s, b + m + 3);
                if (e2 && e2->type == KIJI_FACT_PLACE && e2->kind != PL_COUNTRY)
                    e = e2;
                else
                    ent_mention(s, e, b, b + m + (hl == 9 ? 3 : 0));
                *aff = e;
                *ts = b + m + (hl == 9 ? 3 : 0);
                *te = b + m + hl;
                return b + m + hl;
            }
    }
    /* 元 before anything else is left as it was */
    if (b != b0) {
        b = b0;
        m = 0;
    }
    /* サッカー欧州選手権: only a country names a role's affiliation here */
    if (m && e->kind != PL_COUNTRY)
        m = 0;
    /* 森田哲郎日本経団連会長: a body whose name opens with the country's
     * (日本経団連) is read whole where the country is followed by no title */
    if (m && (bf & ENT_F_ORG) && !kj_dict_longest(x->title_ja, d->norm, s->hi, b + m, &v)) {
        ent *o = NULL;
        size_t om = org_at(s, b, &o);
        if (om > m && o) {
            m = om;
            e = o;
        }
    }
    if (!m && (bf & ENT_F_ORG))
        m = org_at(s, b, &e);
    size_t tb = b + m; /* where the title starts */
    n = m ? kj_dict_longest(x->title_ja, d->norm, s->hi, tb, &v) : 0;
    /* 福島社民党首: the title shares the name's last kanji (党首 after
     * 社民党), as 市長 shares 市 above */
    if (m > 3 && !n) {
        size_t ls;
        if (kj_is_kanji(ent_prev(d, b + m, &ls))) {
            size_t n2 = kj_dict_longest(x->title_ja, d->norm, s->hi, ls, &v);
            if (n2 > b + m - ls) {
                tb = ls;
                n = n2;
            }
        }
    }
    /* 小沢民主代表, 谷垣自民総裁: a party's short form (data/ja/org_short)
     * right before a title is that party */
    /* org_short_named finds nothing where the text before s->hi is too
     * short for k = 6 or where no short form starts with the character
     * at b (its own first test, made here once for both calls) */
    bool oshort = b + 6 <= s->hi && ent_first_has(x, ENT_F_OSHORT, d->cpx[b] & KJ_CPX_CP);
    for (size_t k = 6; oshort && !m && k <= 9; k += 3) {
        ent *e2 = org_short_named(s, b, b + k);
        size_t n2 = e2 ? kj_dict_longest(x->title_ja, d->norm, s->hi, b + k, &v) : 0;
        if (n2) {
            e = e2;
            m = k;
            tb = b + k;
            n = n2;
        }
    }
    /* the party of two to four kanji after the name that the two tests
     * below look for ends in 党 (party_end), read once for both */
    size_t party = !m || !n ? party_end(d, s->hi, b) : 0;
    /* 鈴木一郎民主党代表: a party the suffix pass named by its 党 (two to
     * four kanji) right before a title (rec_org.c ja_seg starts it after
     * the name) */
    if (!m && party) {
        size_t k = party;
        size_t n2 = kj_dict_longest(x->title_ja, d->norm, s->hi, b + k, &v);
        ent *e2 = n2 ? ent_exactly(s, KIJI_FACT_ORGANIZATION, b, b + k) : NULL;
        if (e2) {
            e = e2;
            m = k;
            tb = b + k;
            n = n2;
        }
    }
    /* 鈴木一郎民主党の代表: a party named by its 党, の and a title that no
     * longer common word overrides (代表選 is an election) */
    for (size_t k = party; party && !n && k <= 12 && b + k + 3 < s->hi; k += 3) {
        if (!kj_at(d->norm, s->hi, b + k - 3, "党") || !kj_at(d->norm, s->hi, b + k, "の"))
            continue;
        size_t n2 = kj_dict_longest(x->title_ja, d->norm, s->hi, b + k + 3, &v);
        ent *e2 = n2 && kj_dict_longest(x->notname_ja, d->norm, s->hi, b + k + 3, &v) <= n2
                      ? ent_exactly(s, KIJI_FACT_ORGANIZATION, b, b + k)
                      : NULL;
        if (e2) {
            e = e2;
            m = k;
            tb = b + k + 3;
            n = n2;
        }
        break;
    }
    if (!m || !n)
        return 0;
    ent_mention(s, e, b, b + m);
    *aff = e;
    *ts = tb;
    *te = tb + n;
    return tb + n;
}

/* ja_tail_read, asked only where one of its findings can start at b: a
 * character that opens a title, an honorific, a place, an organization
 * or a party's short form, 元 前 新 or 現 opening a title, or a party's
 * 党 after one to three kanji. Most ends of a name (a particle) have none,
 * where ja_tail_read would return 0 having set *aff to NULL alone. */
static inline size_t ja_tail(estate *s, size_t b, size_t *ts, size_t *te, ent **aff)
{
    const kiji_doc *d = s->d;
    if (b >= d->norm_len || (d->cpx[b] & KJ_CPX_SLOW))
        return ja_tail_read(s, b, ts, te, aff);
    /* the entry holds the character whole: its code point is the one
     * ja_tail_read decodes and reads the short forms' set of */
    uint32_t bc = d->cpx[b] & KJ_CPX_CP;
    if (!(ent_first_of(s->x, bc) &
          (ENT_F_TITLE | ENT_F_HONOR | ENT_F_PLACE_ANY | ENT_F_ORG | ENT_F_OSHORT)) &&
        bc != 0x5143 && bc != 0x524D && bc != 0x65B0 && bc != 0x73FE && !party_end(d, s->hi, b)) {
        *aff = NULL;
        return 0;
    }
    return ja_tail_read(s, b, ts, te, aff);
}

/* The longest occupation of data/ja/occupations.txt (not a relation)
 * ending at p, within x->occ_back characters (the longest entry's length)
 * of kanji or katakana: its length in bytes, 0 when none. Asked by
 * occ_before alone, once the character before p may end one. */
static __attribute__((noinline)) size_t occ_before_read(estate *s, size_t p)
{
    kiji_doc *d = s->d;
    int32_t v;
    size_t q = p, best = 0;
    for (int k = 0; k < s->x->occ_back && q > s->lo; k++) {
        d->work++;
        size_t qs;
        uint32_t c = ent_prev(d, q, &qs);
        if (!(kj_is_kanji(c) || ent_kata(c)))
            break;
        q = qs;
        if (kj_dict_get(s->x->occ_ja, d->norm + q, p - q, &v) && v == 1)
            best = p - q;
    }
    return best;
}

/* occ_before_read's first step, inline: the character before p must be a
 * kanji or katakana in which an occupation ends (ENT_F_OCC_LAST), or
 * there is none (most names have a particle or punctuation before them). */
static inline size_t occ_before(estate *s, size_t p)
{
    if (p <= s->lo || s->x->occ_back <= 0)
        return 0;
    size_t qs;
    uint32_t c = ent_prev(s->d, p, &qs);
    if (!(kj_is_kanji(c) || ent_kata(c)) || !ent_first_has(s->x, ENT_F_OCC_LAST, c))
        return 0;
    return occ_before_read(s, p);
}

/* 同社, 同党, 同省 (同 + a word of ja/anaphor_orgs) ending at e: the
 * organization it names again, as rec_quote_ja.c anaphor_at resolves it
 * for a speaker. The latest organization mentioned before 同 that fits:
 * one whose mention ends in the word (同党 a …党, 同省 a …省, 同行 a
 * …銀行: stricter than a speaker's value-1 words, since an affiliation
 * wrongly given is worse than none; 同団体 is no 市議会), for 同社 any but
 * a public body (…省, …会, …党, 地裁, also by its full name: 東証 for
 * 東京証券取引所); never a source cited (Xによると). Read
 * back at most ANA_BACK mentions within ANA_WINDOW bytes; NULL when none
 * fits, or when 同 ends a word (共同, 合同). */
enum { ANA_BACK = 48, ANA_WINDOW = 1800 };

static ent *ja_anaphor_org(estate *s, size_t e)
{
    kiji_doc *d = s->d;
    size_t w = e, a = 0, wl = 0;
    int32_t v = 0;
    /* 同・山田太郎会長: 同 alone before ・ names again the organization
     * named last, whatever its kind (bare: no word to fit) */
    bool bare = e >= s->lo + 3 && kj_before(d->norm, e, "同") && kj_at(d->norm, s->hi, e, "・");
    if (bare)
        a = w = e - 3;
    for (int k = 0; !bare && k < 4 && w > s->lo + 3; k++) {
        d->work++;
        size_t ps;
        uint32_t c = ent_prev(d, w, &ps);
        if (!(kj_is_kanji(c) || ent_kata(c)))
            return NULL;
        w = ps;
        if (w >= s->lo + 3 && kj_before(d->norm, w, "同") &&
            kj_dict_get(s->x->anaorg_ja, d->norm + w, e - w, &v)) {
            a = w - 3;
            wl = e - w;
            break;
        }
    }
    if (!wl && !bare)
        return NULL;
    size_t ps;
    if (a > s->lo && kj_is_kanji(ent_prev(d, a, &ps)))
        return NULL; /* 共同, 合同: no anaphor */
    bool company = wl == 3 && kj_at(d->norm, s->hi, w, "社");
    static const char *const bodies[] = {"会",   "省",   "庁", "党", "局",
                                         "機構", "政府", "所", "裁", NULL};
    ent *best = NULL;
    size_t bne = 0, bns = 0;
    size_t i = ent_frozen_from(s, a);
    for (int n = 0; i > 0 && n < ANA_BACK; n++) {
        d->work++;
        const mref *m = &s->mr[--i];
        if (m->ne + ANA_WINDOW < a || (best && m->ne < bne))
            break;
        if (m->e->type != KIJI_FACT_ORGANIZATION)
            continue;
        /* 産経新聞によると、同社の…: the source cited names no company,
         * nor one cited with another (産経新聞・朝日新聞によると) */
        size_t f = m->ne;
        if (kj_at(d->norm, s->hi, f, "・"))
            for (int k = 0; k < 16 && f < s->hi; k++) {
                d->work++;
                size_t fx;
                uint32_t c = ent_cp(d, f, &fx);
                if (!(kj_is_kanji(c) || ent_kata(c) || c == 0x30FB))
                    break;
                f = fx;
            }
        if (kj_at(d->norm, s->hi, f, "によ"))
            continue;
        if (!company &&
            !(m->ne - m->ns >= wl && memcmp(d->norm + m->ne - wl, d->norm + w, wl) == 0))
            continue;
        bool body = false;
        /* the mention or the name it stands for (東証 for 東京証券取引所) */
        const char *nm = m->e->name;
        size_t nl = nm ? m->e->namelen : 0;
        for (int j = 0; company && bodies[j] && !body; j++)
            body = kj_before(d->norm, m->ne, bodies[j]) || (nl && kj_before(nm, nl, bodies[j]));
        if (body)
            continue; /* 同社 is a company, not the committee named before */
        /* of the mentions ending at one place the longest */
        if (!best || m->ns < bns) {
            best = m->e;
            bne = m->ne;
            bns = m->ns;
        }
    }
    return best;
}

/* A title written before the name: …(UNIDIR)の上級研究員、[name], 代表取締役・
 * [name], 鬼コーチの[name]. The title is returned in ts..te, and the
 * organization or country it belongs to in aff: the one before の, or the
 * name written right before the title (エムグラントフードサービス代表取締役). */
static void ja_apposition(estate *s, size_t a, size_t *ts, size_t *te, ent **aff)
{
    kiji_doc *d = s->d;
    *ts = *te = 0;
    *aff = NULL;
    bool no = false;
    size_t p = a - 3, held = 0; /* held: を務める's title, read once */
    /* 東京都の副知事である猪瀬直樹氏: である joins a title to the name as
     * の does */
    if (a >= s->lo + 9 && kj_before(d->norm, a, "である")) {
        p = a - 9;
        no = true;
    } else if (a >= s->lo + 12 && kj_before(d->norm, a, "を務める")) {
        /* 横浜FCのGMを務める奥寺康彦氏: a role the person holds, joined
         * as である joins it; a whole title of ja/titles only (not 監督 of
         * 総監督, コーチ of 担当コーチ), and no occupation (司会を務める,
         * 先発を務める; を務めた is a role once held) */
        p = a - 12;
        held = title_before(s, p, p - s->lo);
        size_t ps;
        uint32_t pc = p - held > s->lo ? ent_prev(d, p - held, &ps) : 0;
        if (!held || kj_is_kanji(pc) || ent_kata(pc))
            return;
        no = true;
    } else if (!kj_before(d->norm, a, "、") && !kj_before(d->norm, a, "・")) {
        /* 弁護士橋下徹氏, 司令官田中頼三: a title written right against
         * the name; like の, it names no organization of its own */
        if (!kj_before(d->norm, a, "の"))
            p = a;
        no = true;
    }
    size_t best = held ? held : title_before(s, p, p - s->lo);
    if (!best) {
        /* 歌手の田中れいなさん, 女優、森垣沙織: an occupation is the role
         * given with the name too; it belongs to no word written against
         * it (ロック歌手 names no company), only to an organization
         * already read there (NHKアナウンサー) */
        best = occ_before(s, p);
        if (best) {
            *ts = p - best;
            *te = p;
            if (kj_before(d->norm, p - best, "の")) {
                *aff = ent_ending_at(s, p - best - 3);
                if (!*aff) /* 同社の広報担当者: the one 同社 names */
                    *aff = ja_anaphor_org(s, p - best - 3);
            } else {
                /* フジテレビ・アナウンサー: or joined to it by ・ */
                size_t oe = p - best;
                if (oe >= s->lo + 3 && kj_before(d->norm, oe, "・"))
                    oe -= 3;
                ent *o = ent_ending_at(s, oe);
                if (o && o->type == KIJI_FACT_ORGANIZATION)
                    *aff = o;
            }
        }
        return;
    }
    *ts = p - best;
    *te = p;
    size_t q = p - best;
    /* 民主党の元代表・小沢一郎氏: a role's prefix (元 前 新 現) between の
     * and the title keeps the body before の as the affiliation */
    if (q >= s->lo + 6 &&
        (kj_before(d->norm, q, "元") || kj_before(d->norm, q, "前") ||
         kj_before(d->norm, q, "新") || kj_before(d->norm, q, "現")) &&
        kj_before(d->norm, q - 3, "の"))
        q -= 3;
    if (kj_before(d->norm, q, "の")) {
        size_t r = q - 3;
        ent *e = ent_ending_at(s, r);
        if (!e && r > s->lo && d->norm[r - 1] == ')')
            e = ent_ending_at(s, r - 1);
        if (!e) /* 同党の幹事長、X氏: the party 同党 names */
            e = ja_anaphor_org(s, r);
        *aff = e;
        return;
    }
    /* 株式会社ミドリ電機代表取締役社長の: an organization or place already
     * read, written right against the title, is the one it belongs to */
    ent *e = ent_ending_at(s, q);
    /* 同社社長の山田太郎氏: the organization 同社 names again */
    if (!e)
        e = ja_anaphor_org(s, q);
    /* 社民党首の福島瑞穂氏: an organization ending in the title's first
     * kanji (社民党, 党首) shares it, as in ja_tail */
    if (!e && p - q > 3) {
        ent *o = ent_ending_at(s, q + 3);
        if (o && o->type == KIJI_FACT_ORGANIZATION)
            e = o;
    }
    /* 自民総裁の谷垣禎一氏: a party's short form (data/ja/org_short) at
     * the start of the word written against the title */
    for (size_t k = 6; !e && k <= 9 && q >= s->lo + k; k += 3) {
        size_t ps;
        uint32_t pc = q - k > s->lo ? ent_prev(d, q - k, &ps) : 0;
        ent *o = kj_is_kanji(pc) || ent_kata(pc) ? NULL : org_short_named(s, q - k, q);
        if (o) {
            ent_mention(s, o, q - k, q);
            e = o;
        }
    }
    if (no) {
        if (e && e->type != KIJI_FACT_PERSON)
            *aff = e;
        return;
    }
    if (e) {
        *aff = e;
        return;
    }
    /* the organization's name written against the title */
    size_t r = q;
    int k = 0;
    while (r > s->lo && k < 30) {
        d->work++;
        size_t ps;
        uint32_t c = ent_prev(d, r, &ps);
        if (!(ent_kata(c) || kj_is_kanji(c) || c == 0x30FB || ent_word(c)))
            break;
        r = ps;
        k++;
    }
    /* ・次長, 元東北楽天…監督, 日本代表前監督: a ・ before the run and the
     * prefixes of a role (元 前 新 現) are no part of the organization */
    while (r < q && kj_at(d->norm, q, r, "・"))
        r += 3;
    static const char *const pre[] = {"元", "前", "新", "現", NULL};
    for (int i = 0; pre[i]; i++) {
        if (q > r + 3 && kj_before(d->norm, q, pre[i]))
            q -= 3;
        if (q > r + 3 && kj_at(d->norm, q, r, pre[i]))
            r += 3;
    }
    /* 読売ジャイアンツ終身名誉監督: 名誉 and 終身 before the title are
     * part of the role, not of the organization (at most two, 終身名誉) */
    for (int i = 0; i < 2 && q > r + 6; i++)
        if (kj_before(d->norm, q, "名誉") || kj_before(d->norm, q, "終身"))
            q -= 6;
    /* 競泳選手, 次長課長, 2008年賞金女王, 暴力団組長: a sport, a role, a
     * figure or a common noun is no organization (not_names.txt,
     * titles.txt, org_generic.txt) */
    /* 東北楽天ゴールデンイーグルス新監督: the name before 新 may be read
     * already */
    if (q > r && (e = ent_ending_at(s, q)) != NULL && e->type != KIJI_FACT_PERSON) {
        *aff = e;
        return;
    }
    /* 元日本代表, 前大阪府知事: what is left may be a place */
    ent *pe = NULL;
    if (q > r && place_at(s, r, &pe) == q - r && pe) {
        ent_mention(s, pe, r, q);
        *aff = pe;
        return;
    }
    int32_t v;
    bool word = kj_dict_get(s->x->notname_ja, d->norm + r, q - r, &v) ||
                kj_dict_get(s->x->title_ja, d->norm + r, q - r, &v) ||
                kj_dict_get(s->x->ogeneric_ja, d->norm + r, q - r, &v);
    for (size_t i = r; i < q && !word; i++)
        word = kj_is_digit((unsigned char)d->norm[i]);
    k = 0;
    for (size_t i = r; i < q; i++)
        k += ((unsigned char)d->norm[i] & 0xC0) != 0x80;
    /* 日本人活動家: a nationality, not an organization */
    if (k >= 2 && !word && !kj_before(d->norm, q, "人")) {
        char key[200];
        int kl = ent_key(key, sizeof key, "n:", d->norm + r, q - r);
        if (kl > 0 && (size_t)kl < sizeof key) {
            ent *o = ent_make(s, KIJI_FACT_ORGANIZATION, key, (size_t)kl);
            if (!o->name)
                ent_set_name(s, o, d->norm + r, q - r);
            ent_mention(s, o, r, q);
            *aff = o;
        }
    }
}

/* ドイツのメルツ首相: the place or organization before の. */
static ent *ja_of_before(estate *s, size_t a)
{
    /* 北朝鮮・金正日総書記 joins them with ・ */
    if (a < s->lo + 3 || !(kj_before(s->d->norm, a, "の") || kj_before(s->d->norm, a, "・")))
        return NULL;
    ent *e = ent_ending_at(s, a - 3);
    /* 世界保健機関(WHO)の: the acronym in brackets names it */
    if (!e && a >= s->lo + 4 && s->d->norm[a - 4] == ')')
        e = ent_ending_at(s, a - 4);
    /* 同社の佐藤社長: the organization 同社 names again */
    if (!e)
        e = ja_anaphor_org(s, a - 3);
    return e;
}

static bool kata_or_dot(uint32_t c)
{
    return ent_kata(c) || c == 0x30FB;
}

static bool is_hira(uint32_t c)
{
    return c >= 0x3041 && c <= 0x3096;
}

/* Does a word of dict end at e, starting at most max characters back?
 * Out of line: its callers' gates seldom let a position through. */
static __attribute__((noinline)) bool word_ends_at(estate *s, const kj_dict *dict, size_t e, int max)
{
    kiji_doc *d = s->d;
    size_t q = e;
    for (int n = 0; n < max && q > s->lo; n++) {
        d->work++;
        ent_prev(d, q, &q);
        int32_t v;
        if (kj_dict_get(dict, d->norm + q, e - q, &v))
            return true;
    }
    return false;
}

/* ゴルファー＝ポーラ・クリーマー, エース＝キム・ヨンギョン: NHK's and the
 * sports pages' ＝ after a role or common noun (ja/occupations, titles,
 * not_names, read back at most eight characters) is an apposition, not the
 * join of a double name (ジャン＝ピエール); e is where the = stands. */
static bool apposition_eq(estate *s, size_t e)
{
    const struct kj_entity *x = s->x;
    return word_ends_at(s, x->notname_ja, e, 8) || word_ends_at(s, x->occ_ja, e, 8) ||
           word_ends_at(s, x->title_ja, e, 8);
}

/* Whether the name at a follows a kind of thing and の (ワープロソフトの
 * 一太郎, 伝統行事の相馬野馬追): the word before の ends in a word of
 * ja/thing_kinds, read back at most eight characters */
static bool thing_kind_before(estate *s, size_t a)
{
    if (a < s->lo + 6 || !kj_before(s->d->norm, a, "の"))
        return false;
    return word_ends_at(s, s->x->thing_kind_ja, a - 3, 8);
}

/* Whether the name at a is a thing's named right after its kind (台風
 * 「エマ」, サイクロン・ナルギス, 愛犬ハナ): one of 「 『 ・ or a space may
 * stand between; the kind (ja/thing_before) is read back at most six
 * characters, and only after the last two bytes of one of its words.
 * Always inline: ja_candidate asks it at every start, and the call cost
 * more than the byte tests that answer most of them. */
static inline __attribute__((always_inline)) bool thing_before(estate *s, size_t a)
{
    kiji_doc *d = s->d;
    size_t e = a, q;
    if (e <= s->lo)
        return false;
    uint64_t tail = s->x->thing_before_tail;
    unsigned char lb = (unsigned char)d->norm[e - 1];
    /* 「 『 ・ (E3 80 8C, E3 80 8E, E3 83 BB) or a space between: the
     * character is decoded only after one of their last bytes */
    if (lb == ' ' || lb == 0x8C || lb == 0x8E || lb == 0xBB) {
        uint32_t c = ent_prev(d, e, &q);
        if (c == 0x300C || c == 0x300E || c == 0x30FB || c == ' ') {
            e = q;
            if (e <= s->lo)
                return false;
            lb = (unsigned char)d->norm[e - 1];
        }
    }
    /* no kind ends in the bytes before e: none read back (the byte before
     * the last read only when e - 2 is still in the text) */
    if (lb >= 0x80 && lb < 0xC0 ? !(tail >> (lb - 0x80) & 1) : tail != ~UINT64_C(0))
        return false;
    uint64_t tail2 = s->x->thing_before_tail2;
    unsigned char l2 = e >= 2 ? (unsigned char)d->norm[e - 2] : 0;
    if (tail2 != ~UINT64_C(0) && !(l2 >= 0x80 && l2 < 0xC0 && tail2 >> (l2 - 0x80) & 1))
        return false;
    return word_ends_at(s, s->x->thing_before_ja, e, 6);
}

/* "(1853年 - 1890年)", "(1950年3月1日 - )", "(1901年生まれ)" at p: a person's
 * life span. */
static bool lifespan(estate *s, size_t p)
{
    kiji_doc *d = s->d;
    if (p >= s->hi || d->norm[p] != '(')
        return false;
    int digits = 0;
    bool year = false;
    for (size_t q = p + 1; q < s->hi && q < p + 60; q++) {
        d->work++;
        char ch = d->norm[q];
        if (ch == ')' || ch == '\n' || ch == '(')
            return false;
        if (ch >= '0' && ch <= '9') {
            digits++;
            continue;
        }
        if (digits >= 3 && digits <= 4 && kj_at(d->norm, s->hi, q, "年"))
            year = true;
        digits = 0;
        if (year && (ch == '-' || ch == '~' || kj_at(d->norm, s->hi, q, "生") ||
                     kj_at(d->norm, s->hi, q, "〜") || kj_at(d->norm, s->hi, q, "–")))
            return true;
    }
    return false;
}

/* An occupation before the name (女優のX, 作家、X, 画家X) or a relation
 * after it (Xの妻): data/ja/occupations.txt. */
static bool occ_evidence(estate *s, size_t a, size_t b)
{
    kiji_doc *d = s->d;
    int32_t v;
    size_t p = a;
    if (p >= s->lo + 3 && (kj_before(d->norm, p, "の") || kj_before(d->norm, p, "、")))
        p -= 3;
    if (occ_before(s, p))
        return true;
    if (kj_at(d->norm, s->hi, b, "の")) {
        size_t m = kj_dict_longest(s->x->occ_ja, d->norm, s->hi, b + 3, &v);
        size_t mx;
        if (m && v == 2 && (b + 3 + m >= s->hi || !kj_is_kanji(ent_cp(d, b + 3 + m, &mx))))
            return true;
    }
    return false;
}

/* A particle or punctuation that may follow a name written bare. */
static inline bool name_follow(uint32_t c)
{
    /* a switch, not a loop over a list: asked at most name candidates,
     * and mostly of a character that is none of these */
    switch (c) {
    case 0x306F: /* は */
    case 0x304C: /* が */
    case 0x306E: /* の */
    case 0x3068: /* と */
    case 0x3092: /* を */
    case 0x306B: /* に */
    case 0x3082: /* も */
    case 0x3078: /* へ */
    case 0x3001: /* 、 */
    case 0x3002: /* 。 */
    case 0x3089: /* ら */
    case 0x3084: /* や */
    case 0x300C: /* 「 */
    case 0x300D: /* 」 */
    case 0x30FB: /* ・ */
    case '(':
    case ')':
        return true;
    default:
        return false;
    }
}

/* Whether the n bytes at a are a surname of surnames.txt, where listed
 * is such a length at a already known (0 if none). */
static bool surname_len(const estate *s, size_t a, size_t n, size_t listed)
{
    int32_t v;
    return (listed && n == listed) || kj_dict_get(s->x->surname_ja, s->d->norm + a, n, &v);
}

/* 松本清張は, 森喜朗が, 森 喜朗, 中島みゆきの: a known surname and a known
 * given name (data/ja/given_names.txt) that fill the written word, with no
 * title or honorific. The kanji run from a is split where both halves are
 * known, longest surname first; three kanji at least, and a one-kanji
 * surname takes a given name of two. Returns the name's end (0 if none) and
 * the surname's end in *se. sl is the longest surname at a: no surname
 * longer than it starts there, so those lookups are skipped. listed: the
 * length of a key of surnames.txt at a (the longest lookup's answer, 0 if
 * none), a surname without a second lookup. */
static size_t ja_fullname(estate *s, size_t a, size_t sl, size_t listed, size_t *se)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t pos[8];
    int n = 0;
    pos[0] = a;
    size_t r = a;
    /* ent_cls's reading with the table load inline (an entry not held
     * whole, and any place at or past norm_len, go to ent_cls), the steps
     * counted in a local and added to d->work once */
    const uint32_t *cpx = d->cpx;
    size_t lim = s->hi < d->norm_len ? s->hi : d->norm_len;
    uint64_t steps = 0;
    while (r < s->hi && n < 7) {
        steps++;
        size_t rn;
        uint32_t rv = r < lim ? cpx[r] : KJ_CPX_SLOW;
        if (rv < KJ_CPX_SLOW) {
            if (!(rv & KJ_CC_KANJI))
                break;
            rn = r + (rv >> KJ_CPX_LEN_SHIFT);
        } else if (!(ent_cls(d, r, &rn) & KJ_CC_KANJI)) {
            break;
        }
        r = rn;
        pos[++n] = r;
    }
    d->work += steps;
    if (n == 7 || n < 1)
        return 0; /* a longer run is a compound word, not a name */
    size_t nx = 0;
    uint32_t nc = r < s->hi ? ent_cp(d, r, &nx) : 0;
    int32_t v;
    /* (a surname ends at pos[k], k >= 1, only where sl > 0: no unknown
     * surname starts the run here) */
    if (!ent_kata(nc) && sl > 0 && n >= 3) {
        for (int k = n - 1; k >= 1; k--) {
            if (k == 1 && n - k < 2)
                break;
            if (pos[k] - a <= sl && surname_len(s, a, pos[k] - a, listed) &&
                kj_dict_get(x->given_ja, d->norm + pos[k], r - pos[k], &v)) {
                *se = pos[k];
                return r;
            }
        }
    }
    /* 田中健太郎は, 鳩山一郎が: a given name that ends like one
     * (data/ja/given_endings.txt), then a particle or punctuation, or
     * the 『 of a work, as in ja_candidate (松本時夫『…』: a byline), or
     * など ending a list of names (太宰治など) */
    if (n >= 3 && n <= 5 && (name_follow(nc) || nc == 0x300E || kj_at(d->norm, s->hi, r, "など"))) {
        int32_t ev = 0;
        /* every key read ends at r, in the run's last kanji: none where no
         * key ends in it (ENT_F_GEND_LAST) */
        size_t lx;
        bool may = ent_first_has(x, ENT_F_GEND_LAST, ent_cp(d, pos[n - 1], &lx));
        for (int j = n - 1; may && j >= n - 3 && j >= 1; j--)
            if (kj_dict_get(x->gend_ja, d->norm + pos[j], r - pos[j], &v) && v < 3)
                ev = v; /* (3: body_before_title's only) */
        for (int k = n - 1; ev && sl > 0 && k >= 1; k--) {
            if (n - k > 3 || (k == 1 && n - k < 2))
                break;
            if (pos[k] - a <= sl && surname_len(s, a, pos[k] - a, listed)) {
                *se = pos[k];
                return r;
            }
        }
        if (ev == 1 && n <= 5) {
            *se = pos[n == 5 ? 3 : 2];
            return r;
        }
        /* 民主党の鷺坂郁夫を: right after an organization and の, two
         * kanji and two that end like a given name (of value 2 too: 夫),
         * then a particle, are a member's name; a place there is not
         * enough (大阪の…), nor a listed common word */
        if (ev && n == 4 && a >= s->lo + 3 && kj_before(d->norm, a, "の") &&
            !kj_dict_get(x->notname_ja, d->norm + a, r - a, &v) &&
            !kj_dict_get(x->title_ja, d->norm + a, r - a, &v)) {
            ent *o = ent_ending_at(s, a - 3);
            if (o && o->type == KIJI_FACT_ORGANIZATION) {
                *se = pos[2];
                return r;
            }
        }
    }
    /* 鳩山由紀夫は with 鳩山 unknown: two or three kanji, a known given name
     * of two or three, then a particle or punctuation */
    for (int k = 2; k <= 3 && n >= 4 && n <= 5 && name_follow(nc); k++) {
        if (n - k >= 2 && kj_dict_get(x->given_ja, d->norm + pos[k], r - pos[k], &v) &&
            !kj_dict_get(x->given_ja, d->norm + a, pos[k] - a, &v)) {
            *se = pos[k];
            return r;
        }
    }
    if (r - a > sl || !surname_len(s, a, r - a, listed))
        return 0;
    *se = r;
    /* 森 喜朗: one space between surname and given name */
    if (nc == ' ' && nx < s->hi) {
        size_t g = nx, gn;
        int m = 0;
        while (g < s->hi && m < 4 && (ent_cls(d, g, &gn) & KJ_CC_KANJI)) {
            d->work++;
            g = gn;
            m++;
        }
        if (m >= 1 && m < 4 && kj_dict_get(x->given_ja, d->norm + nx, g - nx, &v)) {
            uint32_t gc = g < s->hi ? ent_cp(d, g, &gn) : 0;
            if (!ent_kata(gc) && gc != ' ')
                return g;
        }
        /* 福沢 章さん, 島村 武志 氏: an unlisted given name before さん or
         * 氏 (one space may come between); 牧田 亜紀子): one that ends like
         * a given name (given_endings.txt, values 1 and 2) before a
         * particle or punctuation; not a common word, title or occupation
         * (金本 球審は) */
        if (m >= 1 && m < 4 && (m >= 2 || r - a >= 6) &&
            !(kj_dict_get(x->gend_ja, d->norm + nx, g - nx, &v) && v == 0) &&
            !kj_dict_get(x->notname_ja, d->norm + nx, g - nx, &v) &&
            !kj_dict_get(x->title_ja, d->norm + nx, g - nx, &v) &&
            !kj_dict_get(x->occ_ja, d->norm + nx, g - nx, &v)) {
            size_t h = g < s->hi && d->norm[g] == ' ' ? g + 1 : g;
            if (kj_at(d->norm, s->hi, h, "さん") || kj_at(d->norm, s->hi, h, "氏"))
                return g;
            uint32_t gc = g < s->hi ? ent_cp(d, g, &gn) : 0;
            size_t l = g - 3;
            if ((name_follow(gc) || gc == '\n' || gc == ']') && gc != 0x30FB &&
                ((kj_dict_get(x->gend_ja, d->norm + l, g - l, &v) && (v == 1 || v == 2)) ||
                 (m == 3 && kj_dict_get(x->gend_ja, d->norm + l - 3, g - l + 3, &v) && (v == 1 || v == 2))))
                return g;
        }
        return 0;
    }
    /* 中島みゆきの: a given name in hiragana, then a particle or no kana */
    if (is_hira(nc)) {
        size_t m = kj_dict_longest(x->given_ja, d->norm, s->hi, r, &v);
        if (!m)
            return 0;
        size_t g = r + m, gn;
        uint32_t gc = g < s->hi ? ent_cp(d, g, &gn) : 0;
        static const uint32_t part[] = {0x306F, 0x304C, 0x306E, 0x3068, 0x3092, 0x306B, 0x3082, 0};
        bool ok = !is_hira(gc) && !kj_is_kanji(gc) && !ent_kata(gc);
        for (int i = 0; part[i]; i++)
            ok |= gc == part[i];
        /* 小林よしのり氏, 前田こずえさん, 井上よしゆき議員: an honorific or a
         * title after the name */
        if (!ok && g < s->hi)
            ok = kj_dict_longest(x->honor_ja, d->norm, s->hi, g, &v) ||
                 kj_dict_longest(x->title_ja, d->norm, s->hi, g, &v);
        if (ok && is_hira(ent_cp(d, r, &gn)))
            return g;
    }
    return 0;
}

/* 温家宝は, 李明博が, 諸葛孔明の: a Chinese or Korean family name
 * (data/ja/surnames_zh.txt) and a given name of one or two characters that
 * are common in such names (data/ja/given_chars_zh.txt) fill the kanji run
 * (three kanji at least), then a particle or punctuation. Returns the name's
 * end (0 if none) and the family name's end in *se. */
static size_t ja_zhname(estate *s, size_t a, size_t *se)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    int32_t v;
    size_t sl = kj_dict_longest(x->zhsur_ja, d->norm, s->hi, a, &v);
    if (!sl)
        return 0;
    size_t r = a + sl, rn = r;
    int k = 0;
    uint32_t c = 0;
    bool loose = false, tail = false;
    while (r < s->hi) {
        d->work++;
        c = ent_cp(d, r, &rn);
        if (!kj_is_kanji(c))
            break;
        /* 馬英九氏, 陳水扁総統: 氏 or a title ends the given name */
        if (k == 2 && (kj_at(d->norm, s->hi, r, "氏") ||
                       (ent_first_has(x, ENT_F_TITLE, c) &&
                        kj_dict_longest(x->title_ja, d->norm, s->hi, r, &v) &&
                        kj_dict_longest(x->notname_ja, d->norm, s->hi, r, &v) == 0))) {
            tail = true;
            break;
        }
        if (k == 2)
            return 0;
        if (!kj_dict_get(x->zhgiven_ja, d->norm + r, rn - r, &v)) {
            /* before 氏 or a title one of the two given kanji may be any,
             * but not a role's prefix (秦明副報道局長) */
            if (loose || sl != 3 || kj_at(d->norm, s->hi, r, "副") ||
                kj_at(d->norm, s->hi, r, "元") || kj_at(d->norm, s->hi, r, "前") ||
                kj_at(d->norm, s->hi, r, "新") || kj_at(d->norm, s->hi, r, "現") ||
                kj_at(d->norm, s->hi, r, "故"))
                return 0;
            loose = true;
        }
        r = rn;
        k++;
        c = 0;
    }
    if (loose && !tail)
        return 0;
    /* one kanji of family name takes two of given name (全国民 is no name:
     * not_names.txt) */
    if (k == 0 || (sl == 3 && k < 2) || (!tail && !name_follow(c)) || c == 0x30FB)
        return 0;
    if (kj_dict_get(x->notname_ja, d->norm + a, r - a, &v))
        return 0;
    *se = a + sl;
    return r;
}

/* The text's own evidence that a word names a place: the word right before
 * では / 出身 / に住 / 在住 / 駅 / 区 / 空港 / 港 anywhere in the document.
 * Where those words start is found once; for each length of word asked
 * about, the bytes before every such start go into a hash set built on the
 * first question of that length. A document of N bytes costs at most one
 * pass per piece (town_finds) and one set per length (names are under 48 bytes),
 * however many names are asked about: scanning the whole text again for
 * every name was quadratic on a long text repeating one. */
static uint64_t town_hash(const char *p, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211ULL;
    return h;
}

/* The loc words, each found by one strstr pass for a piece of it, then
 * the bytes before the piece: where a piece is rarer than the word's
 * start, strstr (which first looks for the needle's first two bytes)
 * stops less often. で and に open with E3 81, as do half the hiragana:
 * では is found by the last byte of で and は, に住 and 在住 by 住, 空港
 * and 港 by 港. A before of "" is the piece alone. */
static const struct townfind {
    const char *piece;
    const char *before[3]; /* NULL-ended */
} town_finds[] = {
    {"\xA7\xE3\x81\xAF", {"\xE3\x81", NULL}}, /* では: the last byte of で, then は */
    {"出身", {"", NULL}},
    {"住", {"に", "在", NULL}},
    {"駅", {"", NULL}},
    {"区", {"", NULL}},
    {"港", {"空", "", NULL}},
};

static void town_index(estate *s, struct townidx *t)
{
    kiji_doc *d = s->d;
    size_t n = 0, cap = 16;
    uint32_t *pos = kj_alloc_raw(d, cap * sizeof *pos);
    for (size_t i = 0; i < sizeof town_finds / sizeof town_finds[0]; i++) {
        const struct townfind *f = &town_finds[i];
        size_t l = strlen(f->piece);
        for (const char *q = strstr(d->norm, f->piece); q; q = strstr(q + l, f->piece)) {
            d->work++;
            size_t at = (size_t)(q - d->norm);
            for (int k = 0; f->before[k]; k++) {
                size_t bl = strlen(f->before[k]);
                if (bl > at || memcmp(q - bl, f->before[k], bl) != 0)
                    continue;
                if (n == cap) {
                    uint32_t *np = kj_alloc_raw(d, 2 * cap * sizeof *np);
                    memcpy(np, pos, n * sizeof *pos);
                    pos = np;
                    cap *= 2;
                }
                pos[n++] = (uint32_t)(at - bl);
            }
        }
    }
    t->pos = pos;
    t->npos = n;
    t->cap = 16;
    while (t->cap < 2 * n)
        t->cap *= 2;
    t->built = true;
}

/* The loc words town_finds finds, whole: the word right before one of
 * them is what town_seen looks for. */
static const struct {
    char w[7];
    unsigned char l; /* bytes: one character or two */
} town_words[] = {{"では", 6}, {"出身", 6}, {"に住", 6}, {"在住", 6},
                  {"駅", 3},   {"区", 3},   {"空港", 6}, {"港", 3}};

/* Is the word [w, w + n) right before a loc word anywhere in the text?
 * One strstr pass for the word itself, where town_index makes one per
 * piece: the answer for the first few questions of a document (most ask
 * one or two), before the index pays. The pass looks for the word from
 * its second byte, then checks the first: strstr stops wherever the
 * needle's first two bytes are, and a kanji's lead and second byte are
 * shared by 64 characters, its second and third by few. */
static bool town_scan(kiji_doc *d, const char *w, size_t n)
{
    char k[TOWN_MAXLEN];
    if (n < 2)
        return false; /* a word is at least one kanji, three bytes */
    memcpy(k, w + 1, n - 1);
    k[n - 1] = '\0';
    for (const char *q = strstr(d->norm + 1, k); q; q = strstr(q + 1, k)) {
        d->work++;
        if (q[-1] != w[0])
            continue;
        size_t e = (size_t)(q - d->norm) + n - 1;
        for (size_t i = 0; i < sizeof town_words / sizeof town_words[0]; i++) {
            const char *tw = town_words[i].w;
            size_t l = town_words[i].l;
            if (e + l <= d->norm_len && memcmp(d->norm + e, tw, 3) == 0 &&
                (l == 3 || memcmp(d->norm + e + 3, tw + 3, 3) == 0))
                return true;
        }
    }
    return false;
}

static bool town_seen(estate *s, const char *w, size_t n)
{
    kiji_doc *d = s->d;
    struct townidx *t = s->town;
    if (!t->built && n > 0 && n < TOWN_MAXLEN && t->scans < TOWN_SCANS) {
        /* a repeated question counts as one still: the index is built
         * after as many questions as without the answers kept */
        int k = 0;
        while (k < t->scans && !(t->asked_len[k] == n && memcmp(t->asked[k], w, n) == 0))
            k++;
        if (k == t->scans) {
            memcpy(t->asked[k], w, n);
            t->asked_len[k] = (uint8_t)n;
            t->asked_yes[k] = town_scan(d, w, n);
        } else {
            t->asked_len[t->scans] = 0; /* no word: never matched */
        }
        t->scans++;
        return t->asked_yes[k];
    }
    if (!t->built)
        town_index(s, t);
    if (!t->npos || n == 0 || n >= TOWN_MAXLEN)
        return false;
    size_t mask = t->cap - 1;
    if (!t->set[n]) {
        uint32_t *set = kj_alloc(d, t->cap * sizeof *set);
        for (size_t i = 0; i < t->npos; i++) {
            d->work++;
            size_t e = t->pos[i];
            if (e < n)
                continue;
            /* one slot per distinct word: a text repeating 小田原では puts
             * the same key in many times */
            size_t h = (size_t)town_hash(d->norm + e - n, n) & mask;
            while (set[h] && memcmp(d->norm + t->pos[set[h] - 1] - n, d->norm + e - n, n) != 0) {
                d->work++;
                h = (h + 1) & mask;
            }
            if (!set[h])
                set[h] = (uint32_t)i + 1;
        }
        t->set[n] = set;
    }
    for (size_t h = (size_t)town_hash(w, n) & mask; t->set[n][h]; h = (h + 1) & mask) {
        d->work++;
        size_t e = t->pos[t->set[n][h] - 1];
        if (memcmp(d->norm + e - n, w, n) == 0)
            return true;
    }
    return false;
}

/* 小田原では…, 宮崎は: a kanji word that also names a town. Either the
 * gazetteer knows it with 県 / 市 / 府 after it (宮崎県), or the text
 * writes it as a location somewhere (小田原では, 小田原出身, 品川駅). */
static bool town_word(estate *s, size_t a, size_t b)
{
    kiji_doc *d = s->d;
    char w[TOWN_MAXLEN];
    size_t n = b - a;
    if (n + 3 >= sizeof w)
        return true;
    memcpy(w, d->norm + a, n);
    int32_t v;
    static const char *const sfx[] = {"県", "市", "府", NULL};
    for (int i = 0; sfx[i]; i++) {
        memcpy(w + n, sfx[i], 3);
        if (kj_dict_get(s->x->place, w, n + 3, &v))
            return true;
    }
    /* 藤沢 after 鈴木恒夫・藤沢市長: a municipality the text named before
     * (municipality_named) */
    static const char *const muni[] = {"市", "町", "村", NULL};
    for (int i = 0; muni[i]; i++) {
        char key[TOWN_MAXLEN + 8];
        memcpy(w + n, muni[i], 3);
        int kl = ent_key_str(key, sizeof key, "c", w, n + 3);
        if (kl > 0 && (size_t)kl < sizeof key && ent_get(s, KIJI_FACT_PLACE, key, (size_t)kl))
            return true;
    }
    return town_seen(s, d->norm + a, n);
}

/* 宮崎知事, 藤沢市長: a kanji word that names a prefecture or a city (known
 * with 県 / 府 / 都 or 市 after it, or written so as a place in the text)
 * before the head of its government is that office, not a person of the
 * same surname, unless a person of that surname was named (石川嘉延知事,
 * later 石川知事; cases/ja/person_seat_place). */
static bool seat_word(estate *s, size_t a, size_t b, const char *t, size_t tl)
{
    kiji_doc *d = s->d;
    static const char *const gov[] = {"県", "府", "都", NULL};
    static const char *const mayor[] = {"市", NULL};
    const char *const *sfx = NULL;
    if (tl == 6 && memcmp(t, "知事", 6) == 0)
        sfx = gov;
    else if (tl == 6 && memcmp(t, "市長", 6) == 0)
        sfx = mayor;
    char w[TOWN_MAXLEN];
    size_t n = b - a;
    if (!sfx || n < 6 || n + 3 >= sizeof w || surname_person(s, a, b, NULL))
        return false;
    memcpy(w, d->norm + a, n);
    int32_t v;
    for (int i = 0; sfx[i]; i++) {
        memcpy(w + n, sfx[i], 3);
        if (kj_dict_get(s->x->place, w, n + 3, &v) || town_seen(s, w, n + 3))
            return true;
    }
    return false;
}

/* One item of a 、 list: the kanji run [*ia, *ib) that ends at e (dir < 0)
 * or starts at e (dir > 0), of two to eight kanji; false when the run is
 * no such item (kana, a longer run, no 、 beyond it). */
static bool list_item(estate *s, size_t e, int dir, size_t *ia, size_t *ib)
{
    kiji_doc *d = s->d;
    size_t p = e, n = 0, nx;
    if (dir > 0) {
        while (p < s->hi && n <= 8 && kj_is_kanji(ent_cp(d, p, &nx)))
            p = nx, n++;
        *ia = e, *ib = p;
    } else {
        while (p > s->lo && n <= 8 && kj_is_kanji(ent_prev(d, p, &nx)))
            p = nx, n++;
        *ia = p, *ib = e;
    }
    return n >= 2 && n <= 8;
}

/* 酒田、若松、小名浜: a surname alone among 、 items of which one is a
 * town (town_word) or two are kanji words no surname starts is one of a
 * list of places or things, not of persons (one such word may be a
 * player's given name, 中澤、闘莉王、長友, or a clause before the list,
 * 全員、橋下に). Up to eight items each way. */
static bool thing_list(estate *s, size_t a, size_t b)
{
    kiji_doc *d = s->d;
    int odd = 0;
    for (int dir = -1; dir <= 1; dir += 2) {
        size_t e = dir < 0 ? a : b, ps;
        for (int k = 0; k < 8; k++) {
            size_t ia, ib;
            if (dir < 0) {
                if (e <= s->lo || ent_prev(d, e, &ps) != 0x3001)
                    break;
                e = ps;
            } else {
                size_t nx;
                if (e >= s->hi || ent_cp(d, e, &nx) != 0x3001)
                    break;
                e = nx;
            }
            if (!list_item(s, e, dir, &ia, &ib))
                break;
            int32_t v;
            size_t sl = kj_dict_longest(s->x->surname_ja, d->norm, ib, ia, &v);
            if (town_word(s, ia, ib))
                return true;
            if (sl < 6 && ++odd >= 2)
                return true;
            e = dir < 0 ? ia : ib;
        }
    }
    return false;
}

/* 山田は, 佐々木が: a surname of two kanji or more (data/ja/surnames.txt)
 * that is the whole kanji run, then a particle. Places and organizations
 * with the same name (宮崎, 三井) are claimed before persons are looked for,
 * so what is left here reads as a person. */
static size_t ja_surname_alone(estate *s, size_t a, size_t sl)
{
    kiji_doc *d = s->d;
    if (sl < 6)
        return 0;
    size_t b = a + sl, bx = b, ps;
    uint32_t nc = b < s->hi ? ent_cp(d, b, &bx) : 0;
    static const uint32_t after[] = {0x306F, 0x304C, 0x306E, 0x3068, 0x3092, 0x306B,
                                     0x3082, 0x3089, 0x3084, 0x3001, 0x30FB, 0};
    bool ok = false;
    for (int i = 0; after[i]; i++)
        ok |= nc == after[i];
    /* 「…」と答えた長谷部。: a sentence may end in the surname of a person
     * named before (as a new name it could be any word) */
    if (!ok && nc == 0x3002)
        ok = surname_person(s, a, b, NULL) != NULL;
    /* 名波「…」 at a line's start: a transcript names its speakers so */
    if (!ok && nc == 0x300C && (a == 0 || d->norm[a - 1] == '\n'))
        ok = surname_person(s, a, b, NULL) != NULL;
    int32_t v;
    if (!ok || kj_dict_get(s->x->notname_ja, d->norm + a, sl, &v))
        return 0; /* 一見、 甲斐も: words (not_names.txt) */
    /* ・ joins names: 山田・佐藤 but not 山田・ヤマダ */
    if (nc == 0x30FB && bx < s->hi) {
        size_t nx2;
        if (!kj_is_kanji(ent_cp(d, bx, &nx2)))
            return 0;
    }
    /* ABC山田は, ナントカ山田: part of a longer word */
    if (a > s->lo) {
        uint32_t p = ent_prev(d, a, &ps);
        if (ent_kata(p) || ent_word(p))
            return 0;
    }
    /* 宮崎は after 宮崎大輔: a person of that surname named before is
     * who the word names, though the gazetteer knows the town (宮崎県),
     * unless the text writes it as a location (宮崎では, 宮崎出身) */
    ent *known = surname_person(s, a, b, NULL);
    if (town_word(s, a, b) && (!known || town_seen(s, d->norm + a, b - a)))
        return 0;
    if (!known && thing_list(s, a, b))
        return 0;
    return b;
}

/* パウルは, マリアと: a katakana word that is a Western or Russian given
 * name (data/ja/given_names_kata.txt) written alone, then a particle or
 * punctuation. */
static bool ja_kata_given(estate *s, size_t a, size_t b)
{
    kiji_doc *d = s->d;
    int32_t v;
    size_t bx, ps;
    uint32_t nc = b < s->hi ? ent_cp(d, b, &bx) : 0;
    if (!name_follow(nc) || nc == 0x30FB || nc == '(')
        return false;
    /* 谷岡エリカ: the end of a name whose surname is not known */
    if (a > s->lo && kj_is_kanji(ent_prev(d, a, &ps)))
        return false;
    return kj_dict_get(s->x->given_ja, d->norm + a, b - a, &v);
}

/* A verb that only a person speaks with, of ja/person_speech: 語った,
 * 話した, 明かした (an organization 発表 / 説明 / コメント as often). */
static bool human_speech(estate *s, size_t p)
{
    int32_t v;
    return kj_dict_longest(s->x->person_speech_ja, s->d->norm, s->hi, p, &v) > 0;
}

/* Whether the kanji run [a, q), whose first two kanji end at b (< q),
 * is those two, the surname of a person named before, and a title of
 * ja/titles filling the rest that opens no longer common word (市議会):
 * 與那原市議 after 與那原健司. Its caller asks surname_person's bit test
 * (surname_maybe) first: most two-kanji words name no one read before. */
static bool title_after_surname(estate *s, size_t a, size_t b, size_t q)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t bx;
    int32_t v;
    if (!ent_first_has(x, ENT_F_TITLE, ent_cp(d, b, &bx)) ||
        kj_dict_longest(x->title_ja, d->norm, q, b, &v) != q - b ||
        kj_dict_longest(x->notname_ja, d->norm, s->hi, b, &v) > q - b)
        return false;
    return surname_person(s, a, b, NULL) != NULL && !ent_overlaps(s, a, q);
}

/* Four kanji at a: fills p with the five character boundaries. */
static bool four_kanji_at(estate *s, size_t a, size_t p[5])
{
    p[0] = a;
    for (int k = 0; k < 4; k++) {
        if (p[k] >= s->hi || !(ent_cls(s->d, p[k], &p[k + 1]) & KJ_CC_KANJI))
            return false;
    }
    return true;
}

/* The four kanji at p (four_kanji_at) split as an unknown surname and a
 * given name of two each: the last kanji (or two) end given names
 * (given_endings.txt, value 1 or 2) or make a listed one, the whole is no common word and the
 * last two are neither a known surname nor a title. Its callers ask it
 * after their own tests of what follows, which turn most runs away with
 * fewer lookups. */
static bool four_kanji_name(estate *s, const size_t p[5])
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t a = p[0], b = p[4];
    int32_t v, ev = 0, ev2;
    if (!kj_dict_get(x->gend_ja, d->norm + p[3], b - p[3], &ev))
        ev = 0;
    if (kj_dict_get(x->gend_ja, d->norm + p[2], b - p[2], &ev2))
        ev = ev2;
    /* 平中亮太監督: or the last two are a listed given name */
    if ((ev < 1 || ev > 2) && kj_dict_get(x->given_ja, d->norm + p[2], b - p[2], &ev2))
        ev = 1;
    return ev >= 1 && ev <= 2 && !kj_dict_get(x->notname_ja, d->norm + a, b - a, &v) &&
           !kj_dict_get(x->surname_ja, d->norm + p[2], b - p[2], &v) &&
           !kj_dict_get(x->title_ja, d->norm + p[2], b - p[2], &v);
}

/* Whether a word of ja/not_names opens in the name [a, b) and runs past b
 * (原作者: 原作; 本田同様: 同様). */
static bool word_across(estate *s, size_t a, size_t b)
{
    kiji_doc *d = s->d;
    int32_t v;
    size_t q, qn;
    for (q = a; q < b; q = qn) {
        ent_cp(d, q, &qn);
        if (qn <= q)
            return false;
        if (kj_dict_longest(s->x->notname_ja, d->norm, s->hi, q, &v) > b - q)
            return true;
    }
    return false;
}

/* Four kanji at a (four_kanji_at fills p) and a title right after them
 * that no longer common word overrides (日本代表監督): the title's length,
 * or 0. */
static size_t four_kanji_title(estate *s, size_t a, size_t p[5])
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    if (!four_kanji_at(s, a, p))
        return 0;
    size_t b = p[4], bx;
    int32_t v;
    uint32_t bc = b < s->hi ? ent_cp(d, b, &bx) : 0;
    size_t n = ent_first_has(x, ENT_F_TITLE, bc)
                   ? kj_dict_longest(x->title_ja, d->norm, s->hi, b, &v)
                   : 0;
    if (!n || kj_dict_longest(x->notname_ja, d->norm, s->hi, b, &v) > n)
        return 0;
    return n;
}

/* 柱谷哲也監督, 宮坂隆夫教授: four kanji then a title are an unknown
 * surname and a given name of two each (four_kanji_name), as 氏 after four
 * kanji is read (a known surname is read elsewhere; 日本代表監督 and
 * 経済産業大臣 end in no given name). On success *se is the surname's end and
 * *e the name's. */
static bool unknown_before_title(estate *s, size_t a, size_t *se, size_t *e)
{
    size_t p[5];
    if (!four_kanji_title(s, a, p) || !four_kanji_name(s, p))
        return false;
    *se = p[2];
    *e = p[4];
    return true;
}

/* 京都市の門川昌史市長, 東京大学の早野龍五教授; 桃井恒和社長は at a
 * sentence's start: four kanji before a title (as unknown_before_title
 * reads one), after an organization or a place and の or ・ or at the
 * start of a sentence, with a particle or punctuation after the title, are an
 * unknown surname and a given name of two each when the given name ends
 * as given names do, the endings of value 3 that common words share too
 * (歴史, 式典: their 0 lines) counted here, or is a listed one. Neither
 * half may be a common word, the first no place, the second no surname,
 * title or occupation (日本の金田外務副大臣, 北朝鮮の看板女性アナ). On
 * success *se is the surname's end and *e the name's. */
static bool body_before_title(estate *s, size_t a, size_t *se, size_t *e)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t p[5];
    size_t n = four_kanji_title(s, a, p);
    if (!n)
        return false;
    size_t b = p[4], bx, px;
    int32_t v;
    if (b + n >= s->hi || !name_follow(ent_cp(d, b + n, &bx)))
        return false;
    bool ok = false;
    if (a <= s->lo) {
        ok = true;
    } else {
        uint32_t pc = ent_prev(d, a, &px);
        if (pc == 0x3002 || pc == '\n' || pc == ' ') {
            ok = true;
        } else if ((pc == 0x306E || pc == 0x30FB) && px > s->lo) {
            /* 中日ドラゴンズ・井端弘和内野手: a team's or a body's name
             * joined to the name by ・ as by の */
            ent *o = ent_ending_at(s, px);
            ok = o && (o->type == KIJI_FACT_ORGANIZATION || o->type == KIJI_FACT_PLACE);
        }
    }
    if (!ok || ent_overlaps(s, a, b))
        return false;
    int32_t ev = 0, ev2;
    if (!kj_dict_get(x->gend_ja, d->norm + p[3], b - p[3], &ev))
        ev = 0;
    if (kj_dict_get(x->gend_ja, d->norm + p[2], b - p[2], &ev2))
        ev = ev2;
    if (ev < 1 && kj_dict_get(x->given_ja, d->norm + p[2], b - p[2], &ev2))
        ev = 1;
    if (ev < 1 || kj_dict_get(x->notname_ja, d->norm + a, b - a, &v) ||
        kj_dict_get(x->notname_ja, d->norm + a, p[2] - a, &v) ||
        kj_dict_get(x->notname_ja, d->norm + p[2], b - p[2], &v) ||
        kj_dict_get(x->place, d->norm + a, p[2] - a, &v) ||
        kj_dict_get(x->place, d->norm + a, b - a, &v) ||
        kj_dict_get(x->surname_ja, d->norm + p[2], b - p[2], &v) ||
        kj_dict_get(x->title_ja, d->norm + p[2], b - p[2], &v) ||
        kj_dict_get(x->occ_ja, d->norm + p[2], b - p[2], &v) || word_across(s, a, b))
        return false;
    *se = p[2];
    *e = b;
    return true;
}

/* 十倉雅和経団連会長, 芳野友子連合会長: four kanji, then a known body (ja/orgs
 * or ja/org_short) and a title, are an unknown surname and a given name
 * of two each: the body and title are the evidence, so the given name need
 * not end as given names do (four_kanji_name) when neither half is a
 * common word, the first is no place and the second no surname or title
 * (関西経済連合会長 names none). On success *se is the surname's end and *e
 * the name's; ja_tail reads the body and title after. */
static bool unknown_before_org(estate *s, size_t a, size_t *se, size_t *e)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t p[5];
    if (!four_kanji_at(s, a, p))
        return false;
    size_t b = p[4];
    int32_t v;
    ent *o = NULL;
    size_t m = ent_first_has(x, ENT_F_ORG, d->cpx[b] & KJ_CPX_CP) ? org_at(s, b, &o) : 0;
    bool oshort = false; /* a short form (自民, 連合) is a weaker cue */
    for (size_t k = 6; !m && k <= 9 && b + k <= s->hi; k += 3)
        if (kj_dict_get(x->oshort_ja, d->norm + b, k, &v))
            m = k, oshort = true; /* (looked up only: ja_tail names the body) */
    /* (a body's name read over the four kanji keeps them: 関西経済連合会) */
    if (!m || !kj_dict_longest(x->title_ja, d->norm, s->hi, b + m, &v) || ent_overlaps(s, a, b))
        return false;
    /* 意向表明自民総裁: after a short form the given name must end as
     * given names do */
    if (!four_kanji_name(s, p) &&
        (oshort || kj_dict_get(x->notname_ja, d->norm + a, p[2] - a, &v) ||
         kj_dict_get(x->notname_ja, d->norm + p[2], b - p[2], &v) ||
         kj_dict_longest(x->place, d->norm, b, a, &v) ||
         kj_dict_get(x->surname_ja, d->norm + p[2], b - p[2], &v) ||
         kj_dict_get(x->title_ja, d->norm + p[2], b - p[2], &v) ||
         kj_dict_get(x->notname_ja, d->norm + a, b - a, &v) || word_across(s, a, b)))
        return false;
    *se = p[2];
    *e = b;
    return true;
}

/* Can unknown_before_org find its body at b, where its four kanji end?
 * Only where an organization (ENT_F_ORG) or a short form (ENT_F_OSHORT)
 * can start with the character: asked first, inline (an entry the table
 * does not hold whole goes to the full test). */
static inline bool org_may_start_at(const estate *s, size_t b)
{
    uint32_t v = s->d->cpx[b];
    return (v & KJ_CPX_SLOW) || (ent_first_of(s->x, v & KJ_CPX_CP) & (ENT_F_ORG | ENT_F_OSHORT));
}

/* 萩谷拓輝(トヨタ自動車)が: four kanji, then an organization alone in
 * parentheses and a particle, are an unknown surname and a given name
 * (four_kanji_name: the team or employer in parentheses is the evidence the
 * title gives in unknown_before_title) unless the given name's part opens a
 * common word or ends in a title. On success *se is the surname's end, *e
 * the name's and *aff the organization. */
static bool unknown_before_aff(estate *s, size_t a, size_t *se, size_t *e, ent **aff)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t p[5];
    if (!four_kanji_at(s, a, p))
        return false;
    size_t b = p[4];
    if (b + 1 >= s->hi || d->norm[b] != '(')
        return false;
    size_t q = b + 1;
    while (q < s->hi && q - b < 48 && d->norm[q] != ')' && d->norm[q] != '\n' &&
           d->norm[q] != '(')
        q++;
    if (q >= s->hi || d->norm[q] != ')' || q == b + 1)
        return false;
    ent *o = ent_ending_at(s, q);
    if (!o || o->type != KIJI_FACT_ORGANIZATION || !ent_overlaps(s, b + 1, b + 2))
        return false;
    size_t qx;
    if (q + 1 >= s->hi || !name_follow(ent_cp(d, q + 1, &qx)))
        return false;
    int32_t v;
    if (!four_kanji_name(s, p) || kj_dict_longest(x->notname_ja, d->norm, b, p[2], &v) ||
        kj_dict_longest(x->title_ja, d->norm, b, p[3], &v))
        return false;
    *se = p[2];
    *e = b;
    *aff = o;
    return true;
}

/* 須藤栞(しおり)さん, 室伏陸斗(むろふし・りくと)監督: a reading in
 * hiragana (・ or a space may part surname and given name) in brackets at
 * b, then an honorific or a title: the kanji before it are a name, the
 * writer glossing how it is read. True if so. */
static const char body_ends[] = "会社団省庁局部課院所党校館園寺宮店市町村県区府都道";

static bool reading_before_role(estate *s, size_t b)
{
    kiji_doc *d = s->d;
    if (b + 1 >= s->hi || d->norm[b] != '(')
        return false;
    size_t q = b + 1, qn;
    int n = 0;
    while (q < s->hi && n < 17) {
        uint32_t qc = ent_cp(d, q, &qn);
        if (!is_hira(qc) && !((qc == 0x30FB || qc == ' ') && n > 0))
            break;
        q = qn;
        n++;
    }
    if (n < 2 || n > 16 || q >= s->hi || d->norm[q] != ')' || !is_hira(ent_prev(d, q, &qn)))
        return false;
    int32_t v;
    return kj_dict_longest(s->x->honor_ja, d->norm, s->hi, q + 1, &v) ||
           kj_dict_longest(s->x->title_ja, d->norm, s->hi, q + 1, &v);
}

/* Verbs a person is the agent of, passive, after Xに「…」と: 言われ,
 * 褒められ (an organization's words are 指摘され or 発表され as often). */
static const char *const passive_speech[] = {"言われ", "褒められ", "ほめられ", "叱られ",
                                             "怒られ", "諭され",   "励まされ", NULL};

/* ヒロシゲに「どうぞ」と言われ, ヒロシゲいわく「…」: the word at a..b, then に
 * and a quote closed by と and a verb of passive_speech, or いわく and a
 * quote; the agent is the speaker. */
static bool ja_kata_agent(estate *s, size_t b)
{
    kiji_doc *d = s->d;
    size_t q = b + strlen("に");
    if (kj_at(d->norm, s->hi, b, "いわく")) {
        q = b + strlen("いわく");
        if (kj_at(d->norm, s->hi, q, "、"))
            q += strlen("、");
        return kj_at(d->norm, s->hi, q, "「");
    }
    if (!kj_at(d->norm, s->hi, b, "に") || !kj_at(d->norm, s->hi, q, "「"))
        return false;
    int depth = 0;
    for (size_t r = q; r < s->hi && r < q + 900; r++) {
        d->work++;
        if (kj_at(d->norm, s->hi, r, "「"))
            depth++;
        else if (kj_at(d->norm, s->hi, r, "」") && --depth == 0) {
            size_t t = r + strlen("」");
            if (!kj_at(d->norm, s->hi, t, "と"))
                return false;
            t += strlen("と");
            for (int k = 0; passive_speech[k]; k++)
                if (kj_at(d->norm, s->hi, t, passive_speech[k]))
                    return true;
            return false;
        }
    }
    return false;
}

/* ローラは「…」と語った, 「…」とヒカキンは話した: a one-word katakana name
 * (a stage name) at a..b that speaks in the sentence with a verb only a
 * person uses (cases/ja/person), or is the agent of one (ヒロシゲに「…」と
 * 言われ; cases/ja/person_kata_agent). With any_before (a listed surname and a given
 * name of kana, a name's shape of its own) the word need not open its
 * clause (紹介された岡田ゆうすけは「…」と語った). */
static __attribute__((noinline)) bool ja_kata_speaker_read(estate *s, size_t a, size_t b,
                                                          bool any_before)
{
    kiji_doc *d = s->d;
    size_t ps;
    if (b - a < 6 || b - a > 30)
        return false;
    /* は or が after the word, asked first: most katakana words have
     * neither, and the test is cheaper than the one of the clause start */
    bool agent = false;
    if (!(kj_at(d->norm, s->hi, b, "は") || kj_at(d->norm, s->hi, b, "が"))) {
        if (!(kj_at(d->norm, s->hi, b, "に") || kj_at(d->norm, s->hi, b, "いわく")))
            return false;
        agent = true;
    }
    /* the word opens its clause (奇抜なアイデアは is a noun phrase; 米アップル
     * a company): nothing, punctuation, の or 」と before it */
    if (a > s->lo && !any_before) {
        uint32_t pc = ent_prev(d, a, &ps);
        static const uint32_t open[] = {0x3001, 0x3002, 0x300D, 0x300F, 0x306E, 0x3068,
                                        ')', ' ', '\n', 0};
        bool ok = false;
        for (int i = 0; open[i]; i++)
            ok |= pc == open[i];
        if (!ok || (pc == 0x3068 && !kj_before(d->norm, a - 3, "」")))
            return false;
    }
    if (agent)
        return ja_kata_agent(s, b);
    size_t p = b + 3;
    /* 「…」とローラは(笑顔で)話した */
    if (a >= s->lo + 6 && kj_before(d->norm, a, "と") && kj_before(d->norm, a - 3, "」")) {
        for (size_t q = p; q < s->hi && q < p + 30; q++) {
            d->work++;
            if (human_speech(s, q))
                return true;
            if (kj_at(d->norm, s->hi, q, "。") || kj_at(d->norm, s->hi, q, "「"))
                break;
        }
        return false;
    }
    /* ローラは(13日、)「…」と語った: the quote opens at once or after a
     * short date and a comma (not カメラが遠望に終始したことから、「…」) */
    size_t q = p;
    while (q < s->hi && q < p + 16 && !kj_at(d->norm, s->hi, q, "「") &&
           !kj_at(d->norm, s->hi, q, "。"))
        q++;
    if (q > p && !kj_before(d->norm, q, "、"))
        return false;
    if (!kj_at(d->norm, s->hi, q, "「"))
        return false;
    int depth = 0;
    for (size_t r = q; r < s->hi && r < q + 900; r++) {
        d->work++;
        if (kj_at(d->norm, s->hi, r, "「"))
            depth++;
        else if (kj_at(d->norm, s->hi, r, "」") && --depth == 0) {
            size_t t = r + 3;
            if (!kj_at(d->norm, s->hi, t, "と"))
                return false;
            t += 3;
            if (kj_at(d->norm, s->hi, t, "、"))
                t += 3;
            return human_speech(s, t);
        }
    }
    return false;
}

/* ja_kata_speaker_read's first test, inline (asked at most katakana
 * words, which few of those particles follow): は (E3 81 AF), が (E3 81
 * 8C), に (E3 81 AB) or the い (E3 81 84) of いわく, whole before s->hi,
 * at b. */
static inline bool ja_kata_speaker(estate *s, size_t a, size_t b, bool any_before)
{
    const unsigned char *u = (const unsigned char *)s->d->norm + b;
    if (b + 3 > s->hi || u[0] != 0xE3 || u[1] != 0x81 ||
        (u[2] != 0xAF && u[2] != 0x8C && u[2] != 0xAB && u[2] != 0x84))
        return false;
    return ja_kata_speaker_read(s, a, b, any_before);
}

/* Whether the katakana word at a..b ends in a common noun of ja/not_names
 * of min bytes or more (three characters: 9) after two or more characters
 * of its own (アパホテル, ミキハウスグループ, ウィキペディアサッカー): the
 * word names a body or a thing, no person. */
static bool kata_ends_common(estate *s, size_t a, size_t b, size_t min)
{
    kiji_doc *d = s->d;
    size_t q = a, qn;
    for (int kq = 0; q < b && kq < 30; kq++) {
        ent_cp(d, q, &qn);
        q = qn;
        if (kq >= 1 && b - q >= min && kj_dict_get(s->x->notname_ja, d->norm + q, b - q, &(int32_t){0}))
            return true;
    }
    return false;
}

/* Whether the character at p (avail bytes of the text from p) is one of
 * set, a string of setlen bytes of three-byte characters: what kj_at asks
 * of each in a list of strings, where it costs a strlen and a memcmp call
 * each, here three bytes compared inline. */
static bool char3_in(const char *p, size_t avail, const char *set, size_t setlen)
{
    if (avail < 3)
        return false;
    /* the character's bytes loaded once; its last byte first, where
     * kanji of one block differ most */
    char a = p[0], b = p[1], c = p[2];
    for (size_t i = 0; i + 3 <= setlen; i += 3)
        if (set[i + 2] == c && set[i + 1] == b && set[i] == a)
            return true;
    return false;
}

/* Is [p, p + n) a kinship word: a kanji of kin1_ja (n = 3) or a word
 * of kin2_ja (n = 6, two kanji each)? The caller has the n bytes. */
static bool kin_word(const char *p, size_t n)
{
    if (n == 3)
        return char3_in(p, 3, kin1_ja, sizeof kin1_ja - 1);
    for (size_t k = 0; n == 6 && k < sizeof kin2_ja / sizeof kin2_ja[0]; k++)
        if (memcmp(p, kin2_ja[k], 6) == 0)
            return true;
    return false;
}

/* May [q, e) be a key of x->notname_ja: kj_dict_may_end's filter (its
 * length and last byte), then notname_bits (the whole text). */
static inline bool notname_may(const struct kj_entity *x, const char *norm, size_t q, size_t e)
{
    if (!kj_dict_may_end(x->notname_ja, e - q, (unsigned char)norm[e - 1]))
        return false;
    uint32_t bit = notname_bit(norm + q, e - q);
    return x->notname_bits[bit >> 6] >> (bit & 63) & 1;
}

/* Can a key of ja/not_names that starts at q (< b) end where a part of
 * the katakana run [q, b) ends: at one of the n ・ at dots (in order, none
 * before q) or at b? Asked of notname_may at each such end, a few in a
 * run: where it says no, the longest key at q ends at none of them, so
 * its walk (long in katakana, where many keys share their first
 * characters) can go. */
static bool part_end_may(const struct kj_entity *x, const char *norm, size_t q, const size_t *dots,
                         int n, size_t b)
{
    for (int i = 0; i < n; i++)
        if (dots[i] > q && notname_may(x, norm, q, dots[i]))
            return true;
    return notname_may(x, norm, q, b);
}

/* 道重さゆみさん, 今井メロさん, 和田アキ子さん: a given name in kana the
 * list lacks after a surname at b, up to the さん or 氏 right after it:
 * its end, or 0. Hiragana: two to four after a listed surname (listed),
 * three or four after an unlisted one, not opening with a particle or an
 * adjective's ending (鈴木のおばさん, 面白いおばさん), nor ending in a
 * kinship word (近所おばさん) nor holding a verb's ending (前置きしたさんま). Katakana, after a listed surname only: two
 * or three, ー counted, and a 子 may close them (アキ子); a common
 * katakana word is none (中村マネージャーさん has four and more). */
static size_t kana_given_end(estate *s, size_t b, bool listed)
{
    kiji_doc *d = s->d;
    static const char lead[] = "のはがをにでへやともいしくなっただてよか";
    static const char *const verb[] = {"した", "して", "った", "って", "れた", "れて", "きた", "ます", NULL};
    size_t q = b, qn;
    uint32_t c = ent_cp(d, b, &qn);
    int n = 0;
    if (is_hira(c)) {
        if (char3_in(d->norm + b, s->hi - b, lead, sizeof lead - 1))
            return 0;
        /* the run ends before the さん (ふみさんが: the particle after it
         * is no part of the name) */
        while (n < 5 && q < s->hi && is_hira(ent_cp(d, q, &qn)) &&
               !(n >= 2 && kj_at(d->norm, s->hi, q, "さん"))) {
            q = qn;
            n++;
        }
        if (n < (listed ? 2 : 3) || n > 4)
            return 0;
        const kj_wordlist *kin = s->x->kin_ja; /* ja/kin_endings */
        for (size_t k = 0; k < kin->n; k++)
            if (kj_before(d->norm, q, kin->lines[k]))
                return 0;
        /* 前置きしたさんまは: a verb's ending, then a name of kana */
        for (size_t p = b; p + 6 <= q; p += 3)
            for (int k = 0; verb[k]; k++)
                if (kj_at(d->norm, q, p, verb[k]))
                    return 0;
    } else if (listed && ent_kata(c)) {
        while (n < 4 && q < s->hi && ent_kata(ent_cp(d, q, &qn))) {
            q = qn;
            n++;
        }
        if (n < 2 || n > 3)
            return 0;
        if (kj_at(d->norm, s->hi, q, "子"))
            q += 3;
    } else {
        return 0;
    }
    return kj_at(d->norm, s->hi, q, "さん") || kj_at(d->norm, s->hi, q, "氏") ? q : 0;
}

/* 女優の二階堂ふみが: a given name of two to max hiragana the list
 * lacks after a listed surname ending at b, written bare, then a particle
 * or punctuation; asked only with an occupation before the name (max 3),
 * or with the name speaking a quote (岡田ゆうすけは「…」と語った, max 4;
 * ja_candidate). The shortest such run is taken (ふみが, not ふみがの).
 * Not a run that opens with a particle or the ending of a word (佐藤のは,
 * 佐藤らが, 佐藤しかいない), nor with an honorific (佐藤さんが), nor a
 * particle of its own (山田さえも, 佐藤まで, 鈴木ほどの): its end, or 0. */
static size_t occ_kana_given_end(estate *s, size_t b, int max)
{
    kiji_doc *d = s->d;
    static const char lead[] = "のはがをにでへやともいしくなっただてよからえ";
    static const char *const func[] = {"さえ", "すら", "まで", "ほど", "ばかり", "ぐらい", "こそ", "ごと",
                                       "ずつ", "ども", "ぶり", "ほか", "あて", "まみれ", "ゆえ", NULL};
    int32_t v;
    size_t q = b, qn;
    if (char3_in(d->norm + b, s->hi - b, lead, sizeof lead - 1) ||
        kj_dict_longest(s->x->honor_ja, d->norm, s->hi, b, &v))
        return 0;
    for (int k = 0; func[k]; k++)
        if (kj_at(d->norm, s->hi, b, func[k]))
            return 0;
    for (int n = 1; n <= max && q < s->hi && is_hira(ent_cp(d, q, &qn)); n++) {
        q = qn;
        if (n < 2 || q >= s->hi)
            continue;
        size_t nx;
        uint32_t nc = ent_cp(d, q, &nx);
        if (!name_follow(nc))
            continue;
        /* ふみから, ふみまで: the run's last kana opens a particle of two */
        static const char *const part2[] = {"から", "まで", "より", "など", "だけ", "ほど", "しか", NULL};
        bool p2 = false;
        for (int k = 0; part2[k]; k++)
            p2 |= kj_at(d->norm, s->hi, q - 3, part2[k]);
        if (p2)
            continue;
        /* 二階堂ふみが出演: after the particle, no more of the run (a
         * particle of two kana, ふみからは, is no end) */
        if (is_hira(nc) && nx < s->hi && is_hira(ent_cp(d, nx, &qn)) &&
            !name_follow(ent_cp(d, nx, &qn)))
            continue;
        const kj_wordlist *kin = s->x->kin_ja; /* ja/kin_endings */
        for (size_t k = 0; k < kin->n; k++)
            if (kj_before(d->norm, q, kin->lines[k]))
                return 0;
        return q;
    }
    return 0;
}

/* ハーマン健さん, ロペス瑠美選手: a given name of one or two kanji after a
 * katakana surname [a, b) of two to six characters, up to the さん, 氏 or
 * title of ja/titles right after it: its end, or 0. The surname is no
 * known organization or place (a common katakana word ja_candidate turned
 * away before); the kanji open no title (ロシア大統領), counter, common
 * word of ja/not_names or place (チーム監督, メンバー全員), start with no
 * prefix of a role (元社長, 新監督) nor a word of ja/role_modifiers
 * (ニトリ広報室長) and end in none of the kanji that end common nouns
 * (ラグビー部監督, コンビニ店員さん). A katakana given name
 * (川辺エリカ高森氏) is no surname. */
static __attribute__((noinline)) size_t kata_kanji_given_read(estate *s, size_t a, size_t b)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    static const char prefix[] = "元前新現副同各両全総旧故次主首名鬼若老長代一二三四五六七八九十百千万数第";
    static const char last[] = "部課局社会所界家側陣軍党省庁室店館場校院団員組隊班系派業産製版語者的屋友学"
                               "車船機品式型用内外中上下後間籍勢人国州県市町村区都府道線駅";
    /* マリア姉さん, ミャル子さん: a kinship word, or 子 closing a kana
     * given name (kana_given_end's), alone after the katakana; 大 alone
     * is a university (ハーバード大教授), not a name (大輔 is) */
    static const char kin[] = "姉兄弟妹父母夫妻娘嫁子孫";
    int32_t v;
    size_t n = (b - a) / 3, qn;
    if (n < 2 || n > 6 || (b - a) % 3 || b >= s->hi)
        return 0;
    if (!kj_is_kanji(ent_cp(d, b, &qn)))
        return 0;
    size_t q = b;
    for (int g = 1; g <= 2; g++) {
        size_t k;
        if (!kj_is_kanji(ent_cp(d, q, &k)))
            return 0;
        size_t q0 = q; /* the kanji before the cue, tested once a cue is found */
        q = k;
        size_t tn = 0;
        if (q < s->hi && !kj_at(d->norm, s->hi, q, "さん") && !kj_at(d->norm, s->hi, q, "氏")) {
            tn = ent_first_has(x, ENT_F_TITLE, ent_cp(d, q, &(size_t){0}))
                     ? kj_dict_longest(x->title_ja, d->norm, s->hi, q, &v)
                     : 0;
            if (!tn || kj_dict_longest(x->notname_ja, d->norm, s->hi, q, &v) > tn)
                continue;
        } else if (q >= s->hi) {
            return 0;
        }
        /* a cue follows: only now the look-ups on the surname and the
         * kanji after it (most katakana runs have no cue; each test
         * below refuses, so their order does not change the answer) */
        if (kj_dict_get(x->org, d->norm + a, b - a, &v) ||
            kj_dict_get(x->place, d->norm + a, b - a, &v) ||
            kj_dict_get(x->notname_ja, d->norm + a, b - a, &v) ||
            kj_dict_get(x->given_ja, d->norm + a, b - a, &v))
            return 0; /* 川辺エリカ高森氏: a given name (エリカ), then another's surname */
        if (kj_dict_longest(x->title_ja, d->norm, s->hi, b, &v) ||
            kj_dict_longest(x->notname_ja, d->norm, s->hi, b, &v) ||
            kj_dict_longest(x->counter_ja, d->norm, s->hi, b, &v) ||
            kj_dict_longest(x->rolemod_ja, d->norm, s->hi, b, &v) ||
            kj_dict_longest(x->place, d->norm, s->hi, b, &v) ||
            char3_in(d->norm + b, s->hi - b, prefix, sizeof prefix - 1))
            return 0;
        /* the kanji before the cue: none ends a common noun */
        bool bad = char3_in(d->norm + q0, q - q0, last, sizeof last - 1) ||
                   (g == 1 && (char3_in(d->norm + q0, q - q0, kin, sizeof kin - 1) ||
                               kj_at(d->norm, q, q0, "大")));
        /* 木下, 井上: a listed surname may end in 下 or 上 */
        bool sur = kj_dict_get(x->surname_ja, d->norm + b, q - b, &v);
        if ((bad && !sur) || kj_dict_get(x->notname_ja, d->norm + b, q - b, &v) ||
            kj_dict_get(x->place, d->norm + b, q - b, &v) || kj_dict_get(x->org, d->norm + b, q - b, &v))
            return 0;
        /* パドレス斎藤投手: a team and a listed surname before a title
         * (ボンバー鈴木さん, ダンカン木下氏 are stage names: さん or 氏 only) */
        if (tn && sur)
            return 0;
        /* ブラザーズ今村さん after 今村良一: the surname of a person
         * named before, and a group's name ahead of it */
        if (surname_person(s, b, q, NULL))
            return 0;
        /* 氏名, 氏族: 氏 opening a word is no honorific */
        if (kj_at(d->norm, s->hi, q, "氏") && q + 3 < s->hi && kj_is_kanji(ent_cp(d, q + 3, &k)))
            return 0;
        return q;
    }
    return 0;
}

/* kata_kanji_given_read's first tests, inline (asked after most katakana
 * words): two to six katakana of three bytes each, then a kanji before
 * s->hi (KJ_CC_KANJI, read from an entry the table holds whole; any other
 * entry goes to the full test). */
static inline size_t kata_kanji_given_end(estate *s, size_t a, size_t b)
{
    size_t n = (b - a) / 3;
    if (n < 2 || n > 6 || (b - a) % 3 || b >= s->hi || b >= s->d->norm_len)
        return 0;
    uint32_t v = s->d->cpx[b];
    if (!(v & KJ_CPX_SLOW) && !(v & KJ_CC_KANJI))
        return 0;
    return kata_kanji_given_read(s, a, b);
}

/* The start of the run of katakana ending at e, read back at most seven
 * characters; *k gets how many were read. */
static size_t kata_back(estate *s, size_t e, int *k)
{
    size_t q = e;
    *k = 0;
    while (q > s->lo && *k < 7) {
        s->d->work++;
        size_t ps;
        uint32_t c = ent_prev(s->d, q, &ps);
        if (!ent_kata(c))
            break;
        q = ps;
        (*k)++;
    }
    return q;
}
/* Where a stage name of katakana and a verb's or adjective's ending る or
 * い (ビビる) starts before the listed surname at a: two to six katakana
 * before the kana, nothing of them claimed, the character before them no
 * katakana; a when there is none. */
static size_t stage_start(estate *s, size_t a)
{
    kiji_doc *d = s->d;
    if (a < s->lo + 9 || !(kj_before(d->norm, a, "る") || kj_before(d->norm, a, "い")))
        return a;
    int k;
    size_t q = kata_back(s, a - 3, &k);
    if (k < 2 || k > 6 || ent_char_claimed(d, q, a - 3))
        return a;
    /* よくキレる田中さん: after an adverb's kana the verb is a description
     * of the person, not a part of the name; a particle may stand there
     * (司会のビビる大木さん) */
    size_t ps;
    uint32_t pc = q > s->lo ? ent_prev(d, q, &ps) : 0;
    if (kj_is_hiragana(pc) && !name_follow(pc))
        return a;
    return q;
}

/* お笑い芸人のカンニング竹山が, タレントのラサール石井は: where a stage name
 * of two to six katakana written against the listed surname at a starts,
 * when an occupation and の or 、 stand right before the katakana (the
 * occupation is the evidence a bare name needs); a when there is none.
 * The katakana are nothing claimed, no known organization, place, given
 * name, title or occupation, and the character before them is no
 * katakana; the surname ends at end. */
#define STAGE_AGAIN 4096 /* bytes after a stage name where it is looked for again */

/* Is the text [q, end) written again wholly inside [lo, hi)? Each start
 * position counts one step of work; its first four bytes are compared as
 * one word before the rest (a stage name holds at least two katakana and
 * a kanji, nine bytes). The steps counted end at the match. */
static bool written_again(kiji_doc *d, size_t q, size_t end, size_t lo, size_t hi)
{
    size_t n = end - q;
    if (n < 4 || hi < lo + n)
        return false;
    uint32_t first, w;
    memcpy(&first, d->norm + q, 4);
    for (size_t j = lo; j + n <= hi; j++) {
        memcpy(&w, d->norm + j, 4);
        if (w == first && memcmp(d->norm + j + 4, d->norm + q + 4, n - 4) == 0) {
            d->work += j - lo + 1;
            return true;
        }
    }
    d->work += hi - lo - n + 1;
    return false;
}

static size_t kata_stage_start(estate *s, size_t a, size_t end)
{
    kiji_doc *d = s->d;
    int k;
    size_t q = kata_back(s, a, &k);
    if (k < 2 || k > 6 || ent_char_claimed(d, q, a))
        return a;
    bool occ = q >= s->lo + 3 && (kj_before(d->norm, q, "の") || kj_before(d->norm, q, "、")) &&
               occ_before(s, q - 3);
    int32_t v;
    const struct kj_entity *x = s->x;
    if (kj_dict_get(x->org, d->norm + q, a - q, &v) || kj_dict_get(x->place, d->norm + q, a - q, &v) ||
        kj_dict_get(x->title_ja, d->norm + q, a - q, &v) ||
        kj_dict_get(x->occ_ja, d->norm + q, a - q, &v) ||
        kj_dict_get(x->given_ja, d->norm + q, a - q, &v))
        return a;
    /* ラサール石井が … ラサール石井の: with no occupation before it, the
     * whole name written twice, within STAGE_AGAIN bytes before or after,
     * is the evidence; a common word (ja/not_names: マネージャー森川, ファン
     * 田中) never is */
    if (!occ) {
        /* (テレビユー福島: a common word opening the katakana too) */
        if (kj_dict_longest(x->notname_ja, d->norm, a, q, &v))
            return a;
        /* テレビユー福島, ベガルタ仙台: a place after the katakana names a
         * station or a team; オセロ中島 after 中島知子: a group's name
         * before a member named before is no second person */
        ent *pl = NULL;
        if (kj_dict_get(x->place, d->norm + a, end - a, &v) || place_at_word(s, a, &pl) == end - a)
            return a;
        const ent *sp = surname_person(s, a, end, NULL);
        if (sp && !(sp->name && sp->namelen == end - q && memcmp(sp->name, d->norm + q, end - q) == 0))
            return a;
        size_t lo = q > STAGE_AGAIN ? q - STAGE_AGAIN : 0;
        size_t hi = end + STAGE_AGAIN < d->norm_len ? end + STAGE_AGAIN : d->norm_len;
        /* before: starting before the name, perhaps running into it */
        size_t bhi = q - 1 + (end - q) < hi ? q - 1 + (end - q) : hi;
        return written_again(d, q, end, lo, bhi) || written_again(d, q, end, end, hi) ? q : a;
    }
    /* マネージャー森川, ファン田中: a common word (ja/not_names) is a role
     * before the surname unless the whole name is written again, as a
     * stage name is (カンニング竹山 … カンニング竹山): looked for in the
     * next STAGE_AGAIN bytes only */
    if (kj_dict_get(x->notname_ja, d->norm + q, a - q, &v)) {
        size_t hi = end + STAGE_AGAIN < d->norm_len ? end + STAGE_AGAIN : d->norm_len;
        return written_again(d, q, end, end, hi) ? q : a;
    }
    return q;
}

/* At p a match line's "versus": " vs " (vs. VS, with or without the
 * spaces) or 対 then a listed surname (亀田興毅 vs 内藤大助, 山中一樹対島田剛). */
static bool match_vs(estate *s, size_t p)
{
    kiji_doc *d = s->d;
    size_t q = p;
    if (q < s->hi && d->norm[q] == ' ')
        q++;
    if (q + 2 <= s->hi && (d->norm[q] == 'v' || d->norm[q] == 'V') &&
        (d->norm[q + 1] == 's' || d->norm[q + 1] == 'S')) {
        q += 2;
        if (q < s->hi && d->norm[q] == '.')
            q++;
        return q >= s->hi || !ent_asc((unsigned char)d->norm[q]);
    }
    int32_t v;
    return kj_at(d->norm, s->hi, p, "対") &&
           kj_dict_longest(s->x->surname_ja, d->norm, s->hi, p + 3, &v) >= 6;
}

/* Is the katakana run [a, a + n) written at j, filling its katakana word
 * there (no katakana before it)? */
static bool firm_run_at(const estate *s, size_t a, size_t n, size_t j)
{
    size_t jx;
    return j >= s->lo && memcmp(s->d->norm + j, s->d->norm + a, n) == 0 &&
           !(j > s->lo && ent_kata(ent_prev(s->d, j, &jx)));
}

/* Whether the text writes the katakana run [a, b) somewhere as a firm's:
 * before 社員 or の社員 (サクラミの社員, 元サクラミ社員, 「サクラミ」の社員),
 * the run filling its katakana word. One whole-text search, s->firm_budget
 * of them a document: for each 社員 (found by the last byte of 社, rarer
 * in the text than the lead byte that every kana has), the run is looked
 * for right before it, before its の, its 」 or 』, or its 」の or 』の. */
static bool firm_staff(estate *s, size_t a, size_t b)
{
    const kiji_doc *d = s->d;
    const char *u = d->norm;
    size_t n = b - a;
    if (n < 6 || s->firm_budget <= 0)
        return false;
    s->firm_budget--;
    /* the 社員 at k: k >= lo + n, k + 6 <= hi; its byte 0xBE at k + 2 */
    for (size_t i = s->lo + n + 2; i + 4 <= s->hi;) {
        const char *h = memchr(u + i, 0xBE, s->hi - i - 3);
        if (!h)
            break;
        size_t k = (size_t)(h - u) - 2;
        i = k + 3;
        s->d->work++;
        if (!kj_at(u, s->hi, k, "社員"))
            continue;
        if (firm_run_at(s, a, n, k - n))
            return true;
        bool no = kj_before(u, k, "の");
        if ((no || kj_before(u, k, "」") || kj_before(u, k, "』")) && k - 3 >= n &&
            firm_run_at(s, a, n, k - 3 - n))
            return true;
        if (no && (kj_before(u, k - 3, "」") || kj_before(u, k - 3, "』")) && k - 6 >= n &&
            firm_run_at(s, a, n, k - 6 - n))
            return true;
    }
    return false;
}

/* セガサミー会長 after セガサミーホールディングス: the katakana run [a, b)
 * is the head of a company read before, whose name is the run and then a
 * company's word (ホールディングス, グループ, 社; グッドウィル会長 after
 * both グッドウィルグループ and グッドウィル社: the group's companies,
 * the first of them), or a team whose name is kanji (its home) and then
 * the run (レッズ監督 after 浦和レッズ): that body, else NULL. Not where a
 * person read before bears the run as a name or its last part (マンデラ
 * 財団 after ネルソン・マンデラ: a body named after a person, who keeps the
 * mentions). An organization of exactly the run's name is that body too,
 * and so is a run the text writes elsewhere before 社員 or の社員
 * (サクラミ社長 where サクラミの社員 is written: the firm, which becomes an
 * organization; firm_staff). Reads the last 256 entities at most. */
static ent *ja_org_head(estate *s, size_t a, size_t b)
{
    static const char *const firm[] = {"ホールディングス", "ホールディング", "グループ", "社",
                                       "株式会社", "コーポレーション", "カンパニー", NULL};
    const char *run = s->d->norm + a;
    size_t k = b - a;
    ent *hit = NULL;
    size_t from = s->ne > 256 ? s->ne - 256 : 0;
    for (size_t i = from; i < s->ne; i++) {
        s->d->work++;
        ent *o = s->e[i];
        if (!o->name || o->namelen < k)
            continue;
        if (o->type == KIJI_FACT_PERSON && memcmp(o->name + o->namelen - k, run, k) == 0)
            return NULL;
        if (o->type != KIJI_FACT_ORGANIZATION)
            continue;
        bool word = false;
        if (o->namelen == k)
            word = memcmp(o->name, run, k) == 0;
        else if (memcmp(o->name, run, k) == 0)
            for (int w = 0; firm[w] && !word; w++)
                word = o->namelen - k == strlen(firm[w]) && memcmp(o->name + k, firm[w], o->namelen - k) == 0;
        else if (k >= 9 && memcmp(o->name + o->namelen - k, run, k) == 0) {
            /* 浦和レッズ: all kanji before the run */
            word = true;
            for (size_t q = 0; word && q < o->namelen - k;)
                word = kj_is_kanji(kj_u8_next(o->name, o->namelen - k, &q));
        }
        if (word && !hit)
            hit = o;
    }
    if (!hit && firm_staff(s, a, b)) {
        char key[200];
        int kl = ent_key(key, sizeof key, "n:", run, k);
        if (kl > 0 && (size_t)kl < sizeof key) {
            hit = ent_make(s, KIJI_FACT_ORGANIZATION, key, (size_t)kl);
            if (!hit->name)
                ent_set_name(s, hit, run, k);
        }
    }
    return hit;
}

/* Whether a list of names closes within 24 characters of pos: the run of
 * kanji, katakana, ・ and 、 from pos (names and their separators) reaches
 * 各氏, 両氏, a count of persons and 氏 (3氏, 三氏), each after an optional
 * の, or ら (*ra set: ら also follows lists of things).
 * (岡田克也・二階俊博・野田毅の各氏, 二階俊博、野田毅の2氏) */
static bool ja_list_closes(const kiji_doc *d, size_t pos, size_t hi, bool *ra)
{
    size_t q = pos, qn;
    *ra = false;
    for (int k = 0; q < hi && k < 24; k++) {
        uint32_t c = ent_cp(d, q, &qn);
        if (kj_at(d->norm, hi, q, "各氏") || kj_at(d->norm, hi, q, "両氏") ||
            kj_at(d->norm, hi, q, "の各氏"))
            return true;
        if (kj_at(d->norm, hi, q, "ら"))
            return (*ra = true);
        size_t r = kj_at(d->norm, hi, q, "の") ? q + 3 : q, rn;
        uint32_t rc = r < hi ? ent_cp(d, r, &rn) : 0;
        static const char kn[] = "二三四五六七八九十";
        if (((rc >= '2' && rc <= '9') || (r < hi && char3_in(d->norm + r, hi - r, kn, sizeof kn - 1))) &&
            kj_at(d->norm, hi, rn, "氏"))
            return true;
        if (!(kj_is_kanji(c) || ent_kata(c) || c == 0x30FB || c == 0x3001))
            return false;
        q = qn;
    }
    return false;
}

/* Whether the four kanji [a, q), split two and two at q2, stand in a list
 * of persons: a ・ or 、 before a or at q, and the list closed by 各氏,
 * 両氏, N氏 or ら (ja_list_closes) from q, before ら the second half a
 * listed given name or ending like one; neither half a word of
 * not_names.txt, a title or an occupation (国土交通、経済産業の各省 is no
 * list of names). */
static bool ja_list_member(const estate *s, size_t a, size_t q, size_t q2)
{
    const kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    if (q >= s->hi)
        return false;
    bool before = a >= s->lo + 3 && (kj_before(d->norm, a, "・") || kj_before(d->norm, a, "、"));
    bool after = kj_at(d->norm, s->hi, q, "・") || kj_at(d->norm, s->hi, q, "、") ||
                 kj_at(d->norm, s->hi, q, "両氏");
    bool ra;
    if (!(before || after) || !ja_list_closes(d, q, s->hi, &ra))
        return false;
    int32_t v;
    /* before ら (世界経済、国際金融ら) the second half must read as a given
     * name: listed, or ending in a kanji of given_endings.txt */
    if (ra && !kj_dict_get(x->given_ja, d->norm + q2, q - q2, &v) &&
        !(kj_dict_get(x->gend_ja, d->norm + q - 3, 3, &v) && v > 0 && v < 3))
        return false;
    const size_t hs[2] = {a, q2}, he[2] = {q2, q};
    for (int k = 0; k < 2; k++)
        if (kj_dict_get(x->notname_ja, d->norm + hs[k], he[k] - hs[k], &v) ||
            kj_dict_get(x->title_ja, d->norm + hs[k], he[k] - hs[k], &v) ||
            kj_dict_get(x->occ_ja, d->norm + hs[k], he[k] - hs[k], &v))
            return false;
    return !kj_dict_get(x->notname_ja, d->norm + a, q - a, &v);
}

/* Does ・ or の end right before a (a >= 3)? Asked at kanji after every
 * の, so the bytes are compared in line: ・ is E3 83 BB, の E3 81 AE. */
static inline bool dot_or_no_before(const char *norm, size_t a)
{
    const unsigned char *j = (const unsigned char *)norm + a - 3;
    return j[0] == 0xE3 && ((j[1] == 0x83 && j[2] == 0xBB) || (j[1] == 0x81 && j[2] == 0xAE));
}

/* 母・美加さん, 父親・勝彦氏, 妻・和歌子容疑者: a kinship word (one ending
 * in 父 母 夫 妻 兄 姉 弟 妹 娘 孫, or 父親 母親 息子 長男 次女 …), a ・ (or
 * の, the kanji then a listed given name or ending as one: 妻の紀代美さん) and
 * one to three kanji before an honorific of ja/honorifics (本人 apart)
 * name a relative by the given name alone: the kanji's end, or 0. Not a
 * title, occupation, word of ja/not_names, place, organization or a kin
 * word there, nor a role's prefix opening it; not a listed surname alone
 * or a listed surname and a listed given name (山田太郎: the full name's
 * own reading). (cases/ja/person_kin_dot) */
static __attribute__((noinline)) size_t kin_given_read(const estate *s, size_t a)
{
    const kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    static const char prefix[] = "元前新現副故同各両全";
    /* 妻の恵理子さん: の joins them as ・ does */
    if (a < s->lo + 6 || !dot_or_no_before(d->norm, a))
        return 0;
    /* every kin word ends in a kanji led by E5 to E8 (父 E7, 母 E6, 子 E5,
     * 親 E8): a katakana name's ・ (ジョン・スミス) stops here */
    unsigned char k0 = (unsigned char)d->norm[a - 6];
    if (k0 < 0xE5 || k0 > 0xE8)
        return 0;
    /* the two-kanji kin words end in 親 子 男 女: the list is read after
     * one of those alone */
    if (!kin_word(d->norm + a - 6, 3) &&
        !(a >= s->lo + 9 && char3_in(d->norm + a - 6, 3, "親子男女", 12) && kin_word(d->norm + a - 9, 6)))
        return 0;
    /* the honorific may be kanji (容疑者): tried after each kanji */
    size_t q = a, qn, hn = 0;
    int32_t v;
    for (int n = 0; n < 3 && !hn && q < s->hi && kj_is_kanji(ent_cp(d, q, &qn)) &&
                    !kj_at(d->norm, s->hi, q, "氏");
         n++) {
        q = qn;
        hn = kj_dict_longest(x->honor_ja, d->norm, s->hi, q, &v);
    }
    if (!hn || kj_at(d->norm, s->hi, q, "本人"))
        return 0;
    if (char3_in(d->norm + a, q - a, prefix, sizeof prefix - 1) ||
        (q - a == 3 && char3_in(d->norm + a, 3, kin1_ja, sizeof kin1_ja - 1)) ||
        kj_dict_get(x->title_ja, d->norm + a, q - a, &v) ||
        kj_dict_get(x->occ_ja, d->norm + a, q - a, &v) ||
        kj_dict_get(x->notname_ja, d->norm + a, q - a, &v) ||
        kj_dict_get(x->place, d->norm + a, q - a, &v) || kj_dict_get(x->org, d->norm + a, q - a, &v) ||
        kj_dict_get(x->surname_ja, d->norm + a, q - a, &v))
        return 0;
    size_t sl = kj_dict_longest(x->surname_ja, d->norm, q, a, &v);
    if (sl && a + sl < q && kj_dict_get(x->given_ja, d->norm + a + sl, q - a - sl, &v))
        return 0;
    /* after の (母の友人さん is no name) the kanji must be a listed given
     * name or end as given names do (ja/given_endings, values 1 to 3) */
    if (kj_before(d->norm, a, "の") && !kj_dict_get(x->given_ja, d->norm + a, q - a, &v)) {
        size_t lx = q - 3;
        if (!kj_dict_get(x->gend_ja, d->norm + lx, q - lx, &v) || v < 1)
            return 0;
    }
    return q;
}

/* kin_given_read's kin test, inline (asked at kanji after every ・ and
 * の): the character before the ・ or の (whole in the table: a-6 is its
 * start when it is one of three bytes) must end a kinship word
 * (ENT_F_KIN_LAST); an entry the table does not hold whole goes to the
 * full test. */
static inline size_t kin_given_end(const estate *s, size_t a)
{
    if (a < s->lo + 6 || !dot_or_no_before(s->d->norm, a))
        return 0;
    uint32_t v = s->d->cpx[a - 6];
    if (!(v & KJ_CPX_SLOW) && !ent_first_has(s->x, ENT_F_KIN_LAST, v & KJ_CPX_CP))
        return 0;
    return kin_given_read(s, a);
}

/* The length of a ・, ＝ (= after NFKC) or の at b before hi, or 0. */
static inline size_t kin_mark_at(const kiji_doc *d, size_t hi, size_t b)
{
    if (b < hi && d->norm[b] == '=')
        return 1;
    return kj_at(d->norm, hi, b, "・") || kj_at(d->norm, hi, b, "の") ? 3 : 0;
}

/* 妻・いづみさん, 母＝りえさん, 長女のあやちゃん: a kinship word (kin1_ja,
 * kin2_ja) written alone at a, then ・, ＝ or の, two to four hiragana
 * and さん, ちゃん or くん name a relative by a given name in hiragana
 * (the hiragana, as kin_given_read names one in kanji). Not a run
 * opening with お or a particle (母のおばさん), ending as a kinship word
 * does (ja/kin_endings: 父のおじさん) or written as a common noun of
 * family (娘のあかちゃん, 父のだんなさん), nor one holding a verb's ending
 * (母のいったさん); after the honorific a particle, punctuation or no
 * hiragana. Asked at a start whose character opens a kinship word
 * (ENT_F_KIN). Returns the name's end, or 0. (cases/ja/person_kin_kana) */
static __attribute__((noinline)) size_t kin_kana_name(estate *s, size_t a, pctx *pc)
{
    kiji_doc *d = s->d;
    static const char *const nouns[] = {"あか", "みな", "ぼっ", "むすこ", "むすめ", "だんな",
                                        "よめ", "かあ", "とう", "あん", NULL};
    static const char *const verb[] = {"した", "して", "った", "って", "れた", "れて", "きた", "ます", NULL};
    static const char lead[] = "のはがをにでへやっゃゅょんゎぁぃぅぇぉお";
    static const char after[] = "はがをにのともやへでらたかよ";
    /* the kinship word, one kanji or two (every kin2_ja word is two),
     * then its mark: the mark read first, most starts have none */
    size_t b = a + 3, m;
    if (!(m = kin_mark_at(d, s->hi, b)) && !(m = kin_mark_at(d, s->hi, b += 3)))
        return 0;
    if (!kin_word(d->norm + a, b - a))
        return 0;
    b += m;
    if (b + 12 > s->hi || char3_in(d->norm + b, 3, lead, sizeof lead - 1))
        return 0;
    /* the shortest run of two to four hiragana before an honorific */
    size_t q = b, qn, h = 0;
    for (int n = 0; n < 4 && q < s->hi && is_hira(ent_cp(d, q, &qn)) && !h; n++) {
        q = qn;
        if (n >= 1)
            h = kj_at(d->norm, s->hi, q, "さん") ? 6 : kj_at(d->norm, s->hi, q, "ちゃん") ? 9
                : kj_at(d->norm, s->hi, q, "くん")                                   ? 6
                                                                                     : 0;
    }
    if (!h)
        return 0;
    size_t r = q + h, rn;
    if (r < s->hi && is_hira(ent_cp(d, r, &rn)) && !char3_in(d->norm + r, 3, after, sizeof after - 1))
        return 0;
    const kj_wordlist *kin = s->x->kin_ja; /* ja/kin_endings */
    for (size_t k = 0; k < kin->n; k++)
        if (kj_before(d->norm, q, kin->lines[k]))
            return 0;
    for (int k = 0; nouns[k]; k++)
        if (kj_before(d->norm, q, nouns[k]))
            return 0;
    for (size_t p = b; p + 6 <= q; p += 3)
        for (int k = 0; verb[k]; k++)
            if (kj_at(d->norm, q, p, verb[k]))
                return 0;
    if (kj_claimed(d, b, q) || ent_overlaps(s, b, q))
        return 0;
    ent *e = person(s, b, q, b, q, NULL);
    if (!e)
        return 0;
    ent_mention(s, e, b, q);
    pc->last = e;
    return q;
}

/* 、千秋は「…」: a stage name that is a listed given name alone (two or
 * three kanji, ja/given_names), after 、 or 。 or a line's start and
 * right before は, が or も and the quote (a 、 may stand between), names
 * a person; not a title, occupation, word of ja/not_names, place or
 * organization. Returns the name's end, or 0. (cases/ja/person_stage_given)
 * stage_given_end asks clause_opens_at first, inline, then this for the
 * rest. */
static __attribute__((noinline)) size_t stage_given_read(const estate *s, size_t a)
{
    const kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t q = a, qn;
    int n = 0;
    /* the kanji run: an entry the table holds whole read in line
     * (KJ_CC_KANJI is kj_is_kanji), any other by ent_cp */
    size_t lim = s->hi < d->norm_len ? s->hi : d->norm_len;
    while (n < 4 && q < s->hi) {
        uint32_t v = q < lim ? d->cpx[q] : KJ_CPX_SLOW;
        if (v < KJ_CPX_SLOW) {
            if (!(v & KJ_CC_KANJI))
                break;
            qn = q + (v >> KJ_CPX_LEN_SHIFT);
        } else if (!kj_is_kanji(ent_cp(d, q, &qn))) {
            break;
        }
        q = qn;
        n++;
    }
    if (n < 2 || n > 3)
        return 0;
    size_t r = q + 3; /* past は, が or も */
    if (!(kj_at(d->norm, s->hi, q, "は") || kj_at(d->norm, s->hi, q, "が") ||
          kj_at(d->norm, s->hi, q, "も")))
        return 0;
    if (kj_at(d->norm, s->hi, r, "、"))
        r += strlen("、");
    if (!kj_at(d->norm, s->hi, r, "「"))
        return 0;
    int32_t v;
    if (!kj_dict_get(x->given_ja, d->norm + a, q - a, &v) ||
        kj_dict_get(x->title_ja, d->norm + a, q - a, &v) ||
        kj_dict_get(x->occ_ja, d->norm + a, q - a, &v) ||
        kj_dict_get(x->notname_ja, d->norm + a, q - a, &v) ||
        kj_dict_get(x->place, d->norm + a, q - a, &v) || kj_dict_get(x->org, d->norm + a, q - a, &v))
        return 0;
    return q;
}

/* Does a stage name's clause open at a: at s->lo, or after 、 (E3 80 81),
 * 。 (E3 80 82) or a line break? Read from the bytes (valid UTF-8, where
 * those bytes are those characters alone), inline at every kanji start
 * that asks: most fail here, without the call. */
static inline bool clause_opens_at(const estate *s, size_t a)
{
    if (a <= s->lo)
        return true;
    const unsigned char *u = (const unsigned char *)s->d->norm;
    if (u[a - 1] == '\n')
        return true;
    return a >= 3 && u[a - 3] == 0xE3 && u[a - 2] == 0x80 && (u[a - 1] == 0x81 || u[a - 1] == 0x82);
}

static inline size_t stage_given_end(const estate *s, size_t a)
{
    return clause_opens_at(s, a) ? stage_given_read(s, a) : 0;
}

/* 同会長 after X会長 and then Y記者: the title in [t, te) after 同 (not
 * 氏) names the person mentioned last before it whose title ends with it
 * (国土交通大臣 … 同大臣), over the last 256 entities; NULL when no one
 * holds it (then the person named last is meant). */
static ent *titled_last(estate *s, size_t t, size_t te)
{
    const kiji_doc *d = s->d;
    size_t tl = te - t;
    if (tl == 0 || kj_at(d->norm, te, t, "氏"))
        return NULL;
    ent *best = NULL;
    size_t best_at = 0;
    size_t from = s->ne > 256 ? s->ne - 256 : 0;
    for (size_t i = from; i < s->ne; i++) {
        ent *f = s->e[i];
        if (f->type != KIJI_FACT_PERSON || !f->title || !f->nm)
            continue;
        size_t fl = strlen(f->title);
        if (fl < tl || memcmp(f->title + fl - tl, d->norm + t, tl) != 0)
            continue;
        /* its last mention before the anaphor */
        size_t at = 0;
        for (size_t k = f->nm; k > 0; k--)
            if (f->m[k - 1].ne <= t) {
                at = f->m[k - 1].ns + 1;
                break;
            }
        if (at > best_at) {
            best_at = at;
            best = f;
        }
    }
    return best;
}

/* The end of the kanji run at q, at most max + 1 characters read; its
 * length in *n. */
static size_t byline_run(kiji_doc *d, size_t q, size_t hi, int max, int *n)
{
    *n = 0;
    while (q < hi && *n <= max) {
        size_t qn;
        if (!(ent_cls(d, q, &qn) & KJ_CC_KANJI))
            break;
        q = qn;
        (*n)++;
    }
    return q;
}

/* Whether a byline's name may start at a: it opens the sentence, or it
 * follows co-writers' names of two to six kanji, each before its 、, that
 * open it (石川勝義、傳田賢史『…』; up to six). */
static bool byline_opens(estate *s, size_t a)
{
    kiji_doc *d = s->d;
    size_t q = a;
    for (int k = 0; k < 7; k++) {
        if (q == s->lo || kj_before(d->norm, q, "。") || (q > 0 && d->norm[q - 1] == '\n'))
            return true;
        if (q < s->lo + 3 || !kj_before(d->norm, q, "、"))
            return false;
        q -= 3;
        int n = 0;
        size_t st;
        while (q > s->lo && n < 7 && kj_is_kanji(ent_prev(d, q, &st))) {
            q = st;
            n++;
        }
        if (n < 2 || n > 6)
            return false;
    }
    return false;
}

/* Where the 『 of a byline's headline starts after a name ending at r (0 if
 * none): right there, after a parenthesis (南敦子(毎日jp)『), or after 、
 * and co-writers' names of two to six kanji (up to six). */
static size_t byline_quote(estate *s, size_t r)
{
    kiji_doc *d = s->d;
    for (int k = 0; k < 7 && r < s->hi; k++) {
        if (d->norm[r] == '(') {
            size_t q = r + 1;
            while (q < s->hi && q < r + 60 && d->norm[q] != ')')
                q++;
            if (q >= s->hi || d->norm[q] != ')')
                return 0;
            r = q + 1;
        }
        if (kj_at(d->norm, s->hi, r, "『"))
            return r;
        if (!kj_at(d->norm, s->hi, r, "、"))
            return 0;
        int n;
        size_t e = byline_run(d, r + 3, s->hi, 6, &n);
        if (n < 2 || n > 6)
            return 0;
        r = e;
    }
    return 0;
}

/* 林容史『…』。東京新聞、2006年10月14日。: a cited article's byline. A
 * run of three to five kanji opening a sentence right before the 『 of a
 * headline (or with co-writers and 、 around it, or a parenthesis before
 * the 『: 石川勝義、傳田賢史『, 南敦子(毎日jp)『) whose 』 is followed by
 * 。, a publisher, 、 and a date's digit
 * (a list of sources) is the writer's name where it splits into a
 * surname of surnames.txt (林) and one to three kanji, a surname of one to
 * three kanji and a given name of given_names.txt or one ending like one
 * (隅俊之, 下桐実雅子: given_endings.txt, values 1 and 2; 3 in four kanji
 * or five, as before a title: 重石岳史), or a family
 * name of surnames_zh.txt and two kanji (金秀蓮); not where the run
 * starts with a known place or organization (北京時事, 東京夕刊: a
 * dateline) or the part after the surname is a common word (鈴木撮影: a
 * credit). Returns the name's end (0 if none), the surname's in *se.
 * (cases/ja/person_byline_cited) */
static size_t ja_byline(estate *s, size_t a, size_t *se)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    if (!byline_opens(s, a))
        return 0;
    size_t pos[7]; /* a start and up to six ends */
    int n = 0;
    size_t r = a;
    pos[0] = a;
    while (r < s->hi && n < 6) {
        size_t rn;
        if (!(ent_cls(d, r, &rn) & KJ_CC_KANJI))
            break;
        r = rn;
        pos[++n] = r;
    }
    size_t oq = n >= 3 && n <= 5 ? byline_quote(s, r) : 0;
    if (!oq)
        return 0;
    /* the headline's 』, then 。, a publisher, 、 and a digit */
    size_t q = oq + 3, lim = d->norm_len, qn;
    if (lim > oq + 900)
        lim = oq + 900;
    while (q < lim && d->norm[q] != '\n' && !kj_at(d->norm, lim, q, "』") &&
           !kj_at(d->norm, lim, q, "『")) {
        ent_cp(d, q, &qn);
        q = qn;
    }
    if (!kj_at(d->norm, lim, q, "』。"))
        return 0;
    q += 6;
    size_t plim = q + 120 < d->norm_len ? q + 120 : d->norm_len;
    bool dated = false;
    while (q < plim && d->norm[q] != '\n' && !kj_at(d->norm, plim, q, "。")) {
        if (kj_at(d->norm, plim, q, "、")) {
            dated = q + 3 < d->norm_len && d->norm[q + 3] >= '0' && d->norm[q + 3] <= '9';
            break;
        }
        ent_cp(d, q, &qn);
        q = qn;
    }
    if (!dated)
        return 0;
    int32_t v;
    if (kj_dict_longest(x->place, d->norm, r, a, &v) || kj_dict_longest(x->org, d->norm, r, a, &v) ||
        kj_dict_get(x->notname_ja, d->norm + a, r - a, &v))
        return 0;
    /* split: a listed surname first (longest), then a known given name */
    size_t split = 0;
    for (int k = n - 1 < 3 ? n - 1 : 3; k >= 1 && !split; k--)
        if (n - k <= 3 && kj_dict_get(x->surname_ja, d->norm + a, pos[k] - a, &v))
            split = pos[k];
    /* two kanji of surname first, then one, then three (河崎真澄, 隅俊之) */
    static const int klen[3] = {2, 1, 3};
    for (int pass = 0; pass < 2 && !split; pass++)
        for (int t = 0; t < 3 && !split; t++) {
            int k = klen[t];
            if (k >= n || n - k > 3)
                continue;
            if (pass == 0 && kj_dict_get(x->given_ja, d->norm + pos[k], r - pos[k], &v))
                split = pos[k];
            for (int j = n - 1; pass == 1 && j >= k && !split; j--)
                if (kj_dict_get(x->gend_ja, d->norm + pos[j], r - pos[j], &v) &&
                    (v == 1 || v == 2 || (v == 3 && n >= 4)))
                    split = pos[k];
        }
    if (!split && n == 3 && kj_dict_get(x->zhsur_ja, d->norm + a, pos[1] - a, &v))
        split = pos[1];
    if (!split)
        return 0;
    if ((kj_dict_get(x->gend_ja, d->norm + split, r - split, &v) && v == 0) ||
        kj_dict_get(x->notname_ja, d->norm + split, r - split, &v) ||
        kj_dict_get(x->title_ja, d->norm + split, r - split, &v) ||
        kj_dict_get(x->occ_ja, d->norm + split, r - split, &v))
        return 0;
    *se = split;
    return r;
}

static size_t ja_candidate(estate *s, size_t a, pctx *pc)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t nx;
    uint32_t c = ent_cp(d, a, &nx);
    /* c, a kanji: asked below again and again, read once */
    const bool kanji = kj_is_kanji(c);
    size_t ends[5];
    int nends = 0;
    size_t hira_end = 0, unl_kana = 0;
    size_t kg_end = 0, kg_sur = 0; /* ハーマン健: the name's end, its surname's */
    size_t sur = a, sl = 0, listed = 0;
    ent *dot_aff = NULL; /* the country after a name's last ・ */
    size_t dot_ts = 0, dot_te = 0;
    /* C・スミヨン, J・F・ケネディ: Latin initials, each with its ・, before
     * the katakana name belong to it (ja_initials found them) */
    size_t ini = a;
    size_t dots[30]; /* where each ・ of the run starts, in order */
    int ndots = 0;
    /* the first initial is the byte at a, which c holds whole there: at
     * the kanji and katakana of most starts the loop is not entered */
    if ((c >= 'A' && c <= 'Z') || a >= d->norm_len)
        for (int k = 0; k < 3 && ini + 4 < s->hi && d->norm[ini] >= 'A' && d->norm[ini] <= 'Z' &&
                        kj_at(d->norm, s->hi, ini + 1, "・");
             k++) {
            dots[ndots++] = ini + 1;
            ini += 4;
        }
    if (ini > a && !ent_kata(ent_cp(d, ini, &(size_t){0})))
        return 0;
    bool kata = ent_kata(c) || ini > a;
    /* 台風「エマ」, 愛犬ハナ: a storm's or a pet's name */
    if (thing_before(s, a))
        return 0;
    if (kata) {
        size_t b = ini, lastdot = ini;
        int k = 0;
        /* the steps, added to d->work after the loop: a store to it (a
         * size_t, as s->hi is) at each step made the compiler read s->hi
         * and the doc's fields again at the next */
        uint64_t steps = 0;
        /* a katakana letter or ー held whole in d->cpx (KJ_CC_KATA is
         * ent_kata) is stepped over at one test of its entry; ・ and any
         * other character go the way below */
        const uint32_t *cpx = d->cpx;
        size_t lim = s->hi < d->norm_len ? s->hi : d->norm_len;
        while (b < s->hi && k < 30) {
            steps++;
            if (b < lim) {
                uint32_t bv = cpx[b];
                if ((bv & (KJ_CPX_SLOW | KJ_CC_KATA)) == KJ_CC_KATA) {
                    b += bv >> KJ_CPX_LEN_SHIFT;
                    k++;
                    continue;
                }
            }
            size_t bn;
            uint32_t bc = ent_cp(d, b, &bn);
            if (!kata_or_dot(bc)) {
                /* ジョージ・W・ブッシュ: a Latin initial between two ・ */
                if (bc >= 'A' && bc <= 'Z' && b > a && kj_before(d->norm, b, "・") &&
                    kj_at(d->norm, s->hi, bn, "・")) {
                    b = bn;
                    k++;
                    continue;
                }
                /* ジャン＝ピエール, レヴィ＝ストロース: ＝ (= once
                 * normalized) between two katakana joins a double name
                 * inside one part; it is no ・, so no part ends there */
                if (bc == '=' && b > a && ent_kata(ent_prev(d, b, &(size_t){0})) &&
                    ent_kata(ent_cp(d, bn, &(size_t){0})) && !apposition_eq(s, b)) {
                    b = bn;
                    k++;
                    continue;
                }
                break;
            }
            if (bc == 0x30FB) {
                lastdot = bn;
                dots[ndots++] = b;
            }
            b = bn;
            k++;
        }
        d->work += steps;
        if (b <= a || kj_before(d->norm, b, "・"))
            return 0;
        /* アパホテル社長, ミキハウスグループ社長: one katakana word before
         * 社長, 会長 or 代表 that ends in a common noun of ja/not_names of
         * three characters or more (ホテル, グループ) after two or more of
         * its own is the body whose head the title names, no name
         * (ラフヘッド大将 and マンゴールド監督 are names: the test needs a
         * head's title) */
        if (ndots == 0 && ini == a && b < s->hi &&
            (kj_at(d->norm, s->hi, b, "社長") || kj_at(d->norm, s->hi, b, "会長") ||
             kj_at(d->norm, s->hi, b, "代表")) &&
            kata_ends_common(s, a, b, 9))
            return 0;
        /* 千葉ロッテ・ジョーダン外野手: a first part that is a known organization
         * before a title or honorific is the player's team; the name starts
         * after its ・ (ライブドア・ドット・コム stays whole). That ・ is the
         * run's first (dots[0], whole before b), or there is none: fd = b. */
        size_t fd = ndots > 0 ? dots[0] : b;
        int32_t ov;
        if (fd > a && fd + 3 < b && kj_dict_get(x->org, d->norm + a, fd - a, &ov) &&
            (kj_dict_longest(x->title_ja, d->norm, s->hi, b, &ov) ||
             kj_dict_longest(x->honor_ja, d->norm, s->hi, b, &ov)))
            a = fd + 3;
        /* レイ・ネーギンニューオーリンズ市長, メドベージェフロシア大統領: a
         * known place of three characters or more ending the last part
         * right before a title of ja/titles is the role's place; the name
         * (two characters at least) ends before it, and is checked below
         * as a name (サッカーブラジル代表 is none) */
        if (!dot_aff && b < s->hi && kj_is_kanji(ent_cp(d, b, &(size_t){0}))) {
            int32_t tv;
            size_t tn = ent_first_has(x, ENT_F_TITLE, ent_cp(d, b, &(size_t){0}))
                            ? kj_dict_longest(x->title_ja, d->norm, s->hi, b, &tv)
                            : 0;
            if (tn && kj_dict_longest(x->notname_ja, d->norm, s->hi, b, &tv) > tn)
                tn = 0;
            size_t q = lastdot;
            int nq = 0;
            for (int kq = 0; tn && q < b && kq < 30; kq++) {
                size_t qn;
                ent_cp(d, q, &qn);
                ent *pe = NULL;
                if (nq >= 2 && b - q >= 9 && kj_dict_get(x->place, d->norm + q, b - q, &tv) &&
                    place_at_word(s, q, &pe) == b - q && pe) {
                    /* ウィキペディアサッカーエクアドル代表: the part before
                     * the place ends in a common noun (サッカー), so the
                     * place and title name a team, no person's role; one
                     * of four characters at least (イワノフスキー ends in
                     * スキー and is a name) */
                    ent_mention(s, pe, q, b);
                    if (kata_ends_common(s, lastdot, q, 12))
                        return 0;
                    dot_aff = pe;
                    dot_ts = b;
                    dot_te = b + tn;
                    b = q;
                    break;
                }
                q = qn;
                nq++;
            }
        }
        /* サッカー選手, ネット・ユーザー: common nouns, not names;
         * ドキドキ・ワクワク: parts that are all doubled words are mimetics,
         * not a name (スシロ・バンバン・ユドヨノ has one doubled part);
         * セ・パ, パ投手: parts of one character each are abbreviations
         * (the two baseball leagues), not a name (イ・ラン has a longer
         * part) */
        int parts = 0, doubled = 0, single = 0;
        int j = 0; /* dots[j]: the first ・ at or after q, if any */
        for (size_t q = a; q < b;) {
            while (j < ndots && dots[j] < q)
                j++;
            if (part_end_may(x, d->norm, q, dots + j, ndots - j, b)) {
                int32_t v;
                size_t m = kj_dict_longest(x->notname_ja, d->norm, b, q, &v);
                if (m && (q + m == b || kj_at(d->norm, b, q + m, "・")))
                    return 0;
            }
            size_t q0 = q;
            q = j < ndots ? dots[j] : b; /* the part's end */
            size_t h = (q - q0) / 2;
            parts++;
            if (q - q0 >= 12 && (q - q0) % 6 == 0 && memcmp(d->norm + q0, d->norm + q0 + h, h) == 0)
                doubled++;
            single += q - q0 == 3;
            q += 3;
        }
        if ((parts >= 2 && doubled == parts) || single == parts)
            return 0;
        /* フジ・アナ: a last part that is a title (アナ of titles.txt) is a
         * role of the part before it, no name */
        for (int z = ndots - 1; z >= 0; z--) {
            if (dots[z] >= b)
                continue;
            size_t ls = dots[z] + 3;
            int32_t v;
            if (dots[z] >= a && ls < b && kj_dict_longest(x->title_ja, d->norm, b, ls, &v) == b - ls)
                return 0;
            break;
        }
        /* エリツィン・ロシア前大統領: a country after the last ・ and a title
         * (前 or 元 may open it) is the role's country; the name ends at
         * that ・ (cases/ja/person_dot_country) */
        if (!dot_aff && ndots > 0 && dots[ndots - 1] > a) {
            /* ブッシュ・アメリカ合衆国大統領: the country may run on in kanji
             * past the katakana (country_len) */
            size_t cl = country_len(s, lastdot), ce_end = b;
            if (cl > b - lastdot && b < s->hi && kj_is_kanji(ent_cp(d, b, &(size_t){0})))
                ce_end = lastdot + cl;
            size_t t =
                ce_end + (kj_at(d->norm, s->hi, ce_end, "前") || kj_at(d->norm, s->hi, ce_end, "元")
                              ? 3
                              : 0);
            int32_t tv;
            size_t tn = kj_dict_longest(x->title_ja, d->norm, s->hi, t, &tv);
            ent *ce = tn && kj_dict_longest(x->notname_ja, d->norm, s->hi, t, &tv) <= tn
                          ? country_span(s, lastdot, ce_end)
                          : NULL;
            if (ce) {
                ent_mention(s, ce, lastdot, ce_end);
                dot_aff = ce;
                dot_ts = ce_end;
                dot_te = t + tn;
                b = dots[--ndots];
                lastdot = ndots ? dots[ndots - 1] + 3 : a;
            }
        }
        ends[nends++] = b;
        sur = lastdot;
        /* ハーマン健さん: a kanji given name after the katakana surname,
         * tried after the surname alone (cases/ja/person_kata_kanji) */
        if (!dot_aff && ndots == 0 && ini == a && (kg_end = kata_kanji_given_end(s, a, b)) > 0) {
            kg_sur = b;
            ends[nends++] = kg_end;
        }
    } else if (kanji) {
        int32_t v;
        /* 母・美加さん: a relative's given name alone (kin_given_end);
         * asked only after a ・, kin_given_end's own first test, which
         * most kanji starts fail: made here, it spares the call */
        size_t kq = a >= s->lo + 6 && dot_or_no_before(d->norm, a)
                        ? kin_given_end(s, a)
                        : 0;
        if (!kq)
            kq = stage_given_end(s, a);
        if (kq) {
            if (ent_overlaps(s, a, kq))
                return 0;
            /* 息子・潤氏 after 中内潤氏: the given name of a person named
             * before, surname and given name (the last 64 entities) */
            ent *e = NULL;
            size_t gl = kq - a;
            for (size_t i = s->ne, k = 0; i > 0 && k < 64 && !e; i--, k++) {
                ent *f = s->e[i - 1];
                if (f->type == KIJI_FACT_PERSON && f->name && f->surlen &&
                    f->namelen == f->surlen + gl && memcmp(f->name + f->surlen, d->norm + a, gl) == 0)
                    e = f;
            }
            if (!e)
                e = person(s, a, kq, a, kq, NULL);
            if (!e)
                return 0;
            ent_mention(s, e, a, kq);
            pc->last = e;
            return kq;
        }
        /* asked at every kanji that opens a run: the call only where a
         * surname starts with it */
        sl = ent_first_has(x, ENT_F_SURNAME, c)
                 ? kj_dict_longest(x->surname_ja, d->norm, s->hi, a, &v)
                 : 0;
        /* 高垣麗子さん, 森垣麗子氏: a listed surname of one kanji (高, 森)
         * opening four kanji whose last two are a listed given name (麗子)
         * while no listed given name opens the last three (垣…) is a
         * surname of two the list lacks, split two and two as
         * four_kanji_name does (林真理子 keeps 林: 真理子 is listed;
         * cases/ja/person_san) */
        size_t p4[5];
        if (sl == 3 && four_kanji_at(s, a, p4) &&
            (p4[4] >= s->hi || !(ent_cls(d, p4[4], &(size_t){0}) & KJ_CC_KANJI) ||
             kj_at(d->norm, s->hi, p4[4], "氏")) &&
            kj_dict_get(x->given_ja, d->norm + p4[2], p4[4] - p4[2], &v) &&
            !kj_dict_longest(x->given_ja, d->norm, p4[4], p4[1], &v) &&
            !kj_dict_get(x->notname_ja, d->norm + a, p4[2] - a, &v))
            sl = p4[2] - a;
        /* 高垣は after 高垣麗子さん: the two kanji alone before a particle
         * are the surname of two read there (above), that person again */
        if (sl == 3 && a + 3 < s->hi) {
            size_t q1, qn;
            ent *sp;
            if ((ent_cls(d, a + 3, &q1) & KJ_CC_KANJI) && q1 < s->hi && d->norm[q1] != '(' &&
                name_follow(ent_cp(d, q1, &qn)) && (sp = surname_person(s, a, q1, NULL)) != NULL &&
                !ent_overlaps(s, a, q1)) {
                ent_mention(s, sp, a, q1);
                pc->last = sp;
                return q1;
            }
        }
        listed = sl;
        size_t b = a + sl;
        if (sl)
            ends[nends++] = b;
        for (int k = 0; sl && k < 3 && b < s->hi; k++) {
            size_t bn;
            uint32_t bc = ent_cp(d, b, &bn);
            if (!kj_is_kanji(bc))
                break;
            b = bn;
            ends[nends++] = b;
        }
        /* 槙原寛己氏, 定岡正二氏: four kanji and 氏 (or さん) are a surname
         * and a given name of two each even when the surname is not known
         * (three kanji split either way, so they are left alone;
         * cases/ja/person) */
        bool short_run = false;
        if (!sl) {
            size_t q = a, qn, q4 = a; /* q4: the end of the fourth kanji */
            int m = 0;
            /* ent_cpc's reading, its table load inline and the decode of
             * an entry it does not hold whole (a call) apart, so that the
             * loop keeps the table and its bound in registers; at or past
             * norm_len ent_cpc gives no class, which ends the run */
            const uint32_t *cpx = d->cpx;
            size_t lim = s->hi < d->norm_len ? s->hi : d->norm_len;
            while (q < lim && m < 5) {
                /* 氏 (a kanji) ends the run: read as a code point, where
                 * the character lies whole before s->hi (kj_at) */
                uint32_t qv = cpx[q], qcls, qc;
                if (qv < KJ_CPX_SLOW) {
                    qn = q + (qv >> KJ_CPX_LEN_SHIFT);
                    qcls = qv & ENT_CC;
                    qc = qv & KJ_CPX_CP;
                } else {
                    qc = ent_cpc(d, q, &qn, &qcls);
                }
                if (!(qcls & KJ_CC_KANJI) || (qc == 0x6C0F && qn <= s->hi))
                    break;
                q = qn;
                if (++m == 4)
                    q4 = q;
            }
            /* the whole kanji run from a: one or two characters */
            short_run = m < 3 && !kj_at(d->norm, s->hi, q, "氏");
            size_t q1 = a, q2 = a;
            ent *oaff = NULL, *sp = NULL;
            if (m == 4) {
                ent_cp(d, a, &q1);
                ent_cp(d, q1, &q2);
            }
            /* the end of the first two kanji, where a surname of two the
             * list lacks ends */
            size_t two = a, t1 = a;
            char key4[200];
            if (m >= 3) {
                ent_cp(d, a, &t1);
                ent_cp(d, t1, &two);
            }
            /* 突然中野氏, 直接江川氏: a word, then a known surname. さん
             * marks a person as 氏 does (筑紫哲也さん), but it also follows
             * common nouns (人気生主さん): neither half may be a word of
             * not_names.txt there (cases/ja/person_san) */
            bool san = m == 4 && kj_at(d->norm, s->hi, q, "さん");
            if (san && (kj_dict_get(x->notname_ja, d->norm + a, q2 - a, &v) ||
                        kj_dict_get(x->notname_ja, d->norm + q2, q - q2, &v)))
                san = false;
            /* ゴルフ場支配人さん, 球場経営者さん: a run ending in a title or
             * an occupation of three or two kanji is a job addressed with
             * さん, no name */
            if (san && (kj_dict_get(x->title_ja, d->norm + q1, q - q1, &v) ||
                        kj_dict_get(x->occ_ja, d->norm + q1, q - q1, &v) ||
                        kj_dict_get(x->title_ja, d->norm + q2, q - q2, &v) ||
                        kj_dict_get(x->occ_ja, d->norm + q2, q - q2, &v)))
                san = false;
            if (m == 4 && (kj_at(d->norm, s->hi, q, "氏") || san) &&
                !kj_dict_get(x->notname_ja, d->norm + a, q - a, &v) &&
                !kj_dict_get(x->surname_ja, d->norm + q2, q - q2, &v)) {
                sl = q2 - a;
                ends[nends++] = q;
            } else if (m >= 4 && !kj_at(d->norm, s->hi, q, "氏") && q4 < s->hi &&
                       ent_first_has(x, ENT_F_TITLE, ent_cp(d, q4, &q1)) &&
                       unknown_before_title(s, a, &q2, &q)) {
                /* (unknown_before_title reads its four kanji to q4 and
                 * wants a title at q4, which can start only with a
                 * character of ENT_F_TITLE: asked here first) */
                /* 柱谷哲也監督, 宮坂隆夫教授 with the surname unknown */
                sl = q2 - a;
                ends[nends++] = q;
            } else if (m >= 4 && !kj_at(d->norm, s->hi, q, "氏") && q4 < s->hi &&
                       ent_first_has(x, ENT_F_TITLE, ent_cp(d, q4, &q1)) &&
                       body_before_title(s, a, &q2, &q)) {
                /* 京都市の門川昌史市長 with the surname unknown */
                sl = q2 - a;
                ends[nends++] = q;
            } else if (m >= 4 && !kj_at(d->norm, s->hi, q, "氏") && q4 < s->hi &&
                       org_may_start_at(s, q4) && unknown_before_org(s, a, &q2, &q)) {
                /* 十倉雅和経団連会長 with the surname unknown */
                sl = q2 - a;
                ends[nends++] = q;
            } else if (m >= 3 && ent_first_has(x, ENT_F_TITLE, ent_cp(d, two, &qn)) &&
                       kj_dict_longest(x->title_ja, d->norm, s->hi, two, &v) &&
                       surname_person(s, a, two, NULL) != NULL &&
                       !ent_get(s, KIJI_FACT_PERSON, key4,
                                (size_t)ent_key(key4, sizeof key4, "n:", d->norm + a, q - a))) {
                /* 須藤市議 after 須藤栞(しおり)さん: two kanji the list
                 * lacks, read as a person's surname earlier in the text,
                 * then a title are that person again (not where the whole
                 * run is a person's name: 青山侍従さん, a handle) */
                sl = two - a;
                ends[nends++] = two;
            } else if ((m == 3 || m == 4) && reading_before_role(s, q) && two - t1 == t1 - a &&
                       memcmp(d->norm + a, d->norm + t1, t1 - a) != 0 &&
                       !char3_in(d->norm + q - 3, 3, body_ends, sizeof body_ends - 1) &&
                       !kj_dict_get(x->notname_ja, d->norm + a, q - a, &v)) {
                /* 須藤栞(しおり)さん, 室伏陸斗(むろふし・りくと)監督 with
                 * the surname unknown: three or four kanji glossed with
                 * their reading are a surname of two and a given name; a
                 * last kanji that ends the name of a body, a temple or a
                 * town (同好会(どうこうかい)会長, 松風町(まつかぜちょう)町長)
                 * ends no name, nor does one kanji written twice (a
                 * child's made-up given name) */
                sl = two - a;
                ends[nends++] = q;
            } else if (m == 4 && q + 1 < s->hi && d->norm[q] == '(' &&
                       unknown_before_aff(s, a, &q2, &q, &oaff)) {
                /* (its four kanji end at q, where unknown_before_aff
                 * wants the parenthesis: asked here first) */
                /* 萩谷拓輝(トヨタ自動車)が with the surname unknown */
                if (ent_overlaps(s, a, q))
                    return 0;
                ent *e = person(s, a, q, a, q2, NULL);
                if (!e)
                    return 0;
                if (!e->aff)
                    e->aff = oaff;
                ent_mention(s, e, a, q);
                pc->last = e;
                return q;
            } else if ((m == 4 || (m == 5 && q4 + 3 == q && kj_at(d->norm, s->hi, q4, "両"))) &&
                       ja_list_member(s, a, q4, a + 6)) {
                /* 槙原寛己、定岡正二らが, 槙原寛己・定岡正二の各氏: four
                 * kanji in a list of persons are a name of two and two with
                 * the surname unknown (cases/ja/person_list) */
                if (ent_overlaps(s, a, q4))
                    return 0;
                ent *e = person(s, a, q4, a, a + 6, NULL);
                if (!e)
                    return 0;
                ent_mention(s, e, a, q4);
                pc->last = e;
                return q4;
            } else if (m >= 3 && m < 5 && two < q && surname_maybe(s, d->norm + a, two - a) &&
                       title_after_surname(s, a, two, q)) {
                /* 與那原市議 after 與那原健司: two kanji the list lacks, the
                 * surname of a person named before, then a title that
                 * ends the run (cases/ja/person_surname_unlisted) */
                sl = two - a;
                ends[nends++] = two;
            } else if (m >= 2 && m < 5 && q < s->hi && d->norm[q] != '(' &&
                       name_follow(ent_cp(d, q, &q1)) &&
                       (sp = surname_person(s, a, q, NULL)) != NULL && !ent_overlaps(s, a, q)) {
                /* 萩谷は after 萩谷拓輝: a surname the list lacks, read as
                 * a person's earlier in the text, written alone before a
                 * particle (the person asked first: surname_person's bit
                 * set turns most words away before ent_overlaps' search);
                 * so is a ring name of three or four kanji, a wrestler's
                 * whole name (琴風山は after 大関琴風山) */
                ent_mention(s, sp, a, q);
                pc->last = sp;
                return q;
            } else if (m == 2 &&
                       (kj_at(d->norm, s->hi, q, "氏") ||
                        (ent_first_has(x, ENT_F_HONOR, ent_cp(d, q, &(size_t){0})) &&
                         kj_dict_longest(x->honor_ja, d->norm, s->hi, q, &v))) &&
                       surname_person(s, a, q, NULL)) {
                /* 槙原氏 after 槙原寛己氏: the surname read there; 慶子さん
                 * after 母・慶子さん (kin_given_end): the given name a
                 * relative was named by alone */
                sl = q - a;
                ends[nends++] = q;
            } else if (m == 2 && (unl_kana = kana_given_end(s, q, false)) > 0 &&
                       !kj_dict_get(x->notname_ja, d->norm + a, q - a, &v)) {
                /* 道重さゆみさん: two kanji the list lacks and a hiragana
                 * given name before さん or 氏 (cases/ja/person_hiragana) */
                sl = q - a;
                b = q;
                ends[nends++] = q;
            }
        }
        /* No known surname at a and a kanji run of one or two characters
         * (most starts: 政府, 日本): nothing below can take it. No end was
         * set, so no title or honorific is tried, and the bare names need
         * three kanji at least: ja_fullname with no surname (sl 0) a run of
         * three, ja_zhname a family name (BMP kanji: dict_test checks) and a
         * given name of two kanji after one or one after two. */
        if (!sl && short_run)
            return 0;
        /* 山田さつきさん, 佐藤ひろみ市議: a hiragana given name
         * (given_names.txt) after the surname, tried with a title or
         * honorific after it only (the bare form is ja_fullname's) */
        size_t hx;
        if (unl_kana) {
            hira_end = unl_kana;
        } else if (sl && nends == 1 && listed == sl && b < s->hi && ent_kata(ent_cp(d, b, &hx))) {
            /* 今井メロさん, 和田アキ子さん: a katakana given name */
            hira_end = kana_given_end(s, b, true);
        } else if (sl && nends == 1 && b < s->hi && is_hira(ent_cp(d, b, &hx))) {
            size_t m = kj_dict_longest(x->given_ja, d->norm, s->hi, b, &v);
            if (m && is_hira(ent_cp(d, b, &hx)))
                hira_end = b + m;
            /* 佐藤あやのさん, 井上ゆみこ氏: one or two hiragana more after a
             * listed given name (あや), then さん or 氏, are the name's own
             * (the の is no particle: none stands before さん), four at
             * most in all */
            size_t mx = b + m, mn;
            for (int k = 0; m && m <= 9 && k < 2 && mx < s->hi && is_hira(ent_cp(d, mx, &mn)) &&
                            !kj_at(d->norm, s->hi, mx, "さん");
                 k++) {
                mx = mn;
                if (mx - b <= 12 && (kj_at(d->norm, s->hi, mx, "さん") || kj_at(d->norm, s->hi, mx, "氏"))) {
                    hira_end = mx;
                    break;
                }
            }
            /* 田中れいなさん: two to four hiragana the list lacks between a
             * listed surname and さん; not when the first is a particle
             * (鈴木のおばさん, 山田とおばさん; cases/ja/person_hiragana) */
            static const char particles[] = "のはがをにでへやとも";
            if (!m && listed == sl && !char3_in(d->norm + b, s->hi - b, particles, sizeof particles - 1)) {
                size_t q = b;
                int n = 0;
                /* the run ends before the さん, whatever follows it
                 * (佐藤ふみさんが) */
                while (n < 5 && q < s->hi && is_hira(ent_cp(d, q, &hx)) &&
                       !(n >= 2 && kj_at(d->norm, s->hi, q, "さん"))) {
                    q = hx;
                    n++;
                }
                if (n >= 2 && n <= 4 && (kj_at(d->norm, s->hi, q, "さん") || kj_at(d->norm, s->hi, q, "氏")))
                    hira_end = q;
            }
        }
    } else {
        return 0;
    }
    for (int k = 0; k < nends + (hira_end > 0); k++) {
        size_t b = k < nends ? ends[k] : hira_end;
        /* 川崎市代表, 小田原市代表: a surname and 市 (区 町 村 県 府)
         * before a title names a town's team or delegate, not a person
         * (cases/ja/person) */
        if (k == 1 && k < nends && sl && ends[0] == a + sl && kanji) {
            static const char town[] = "市区町村県府";
            if (char3_in(d->norm + ends[0], s->hi - ends[0], town, sizeof town - 1))
                continue;
        }
        /* 宮城両県知事, 鈴木両氏: 両 (both) before a title or honorific
         * counts the names of a list (両県, 両市 with the kind of
         * place); it ends no name */
        if (kanji && b > a + 3 &&
            (kj_before(d->norm, b, "両") ||
             (b > a + 6 && kj_at(d->norm, b, b - 6, "両") &&
              char3_in(d->norm + b - 3, 3, "県府市町村国党", sizeof "県府市町村国党" - 1))))
            continue;
        size_t ts = 0, te = 0;
        ent *aff = NULL;
        /* キム・チャングン(62才)容疑者, 鄭夢準(チョン・モンジュン)議員 */
        size_t tb = b;
        /* 田中・鈴木両氏, 福見友子、中村美里両選手: the last name of the
         * list takes the honorific or title (not 宮城両県知事, where 両
         * counts places) */
        {
            int32_t hv;
            if (kanji && kj_at(d->norm, s->hi, b, "両") &&
                !char3_in(d->norm + b + 3, s->hi - b - 3, "県府市町村国党", sizeof "県府市町村国党" - 1) &&
                (kj_dict_longest(x->honor_ja, d->norm, s->hi, b + 3, &hv) ||
                 kj_dict_longest(x->title_ja, d->norm, s->hi, b + 3, &hv)))
                tb = b + 3;
        }
        if (b < s->hi && d->norm[b] == '(') {
            size_t q = b + 1;
            while (q < s->hi && q - b < 48 && d->norm[q] != ')' && d->norm[q] != '\n' &&
                   d->norm[q] != '(')
                q++;
            if (q < s->hi && d->norm[q] == ')')
                tb = q + 1;
        }
        size_t end = dot_aff ? dot_te : ja_tail(s, tb, &ts, &te, &aff);
        if (dot_aff) {
            ts = dot_ts;
            te = dot_te;
            aff = dot_aff;
        }
        /* 黒岩祐治・神奈川県知事, 橋下徹・大阪府知事: a kanji name, a dot, then
         * the place or body and the title that are that person's own; only
         * a title counts there (田中・鈴木両氏 is two names; cases/ja/person) */
        if (!end && kanji && kj_at(d->norm, s->hi, b, "・")) {
            size_t tx;
            if (kj_is_kanji(ent_cp(d, b + 3, &tx))) {
                end = ja_tail(s, b + 3, &ts, &te, &aff);
                if (end && te <= ts) {
                    end = 0;
                    aff = NULL;
                }
                /* 鈴木恒夫・藤沢市長: one to three kanji and the head of a
                 * municipality after the name's ・ are that town, even one
                 * named like a surname, which the gazetteer leaves out */
                /* (橋下徹・新市長: 新 前 元 現 open the role, no town) */
                if (!end && !char3_in(d->norm + b + 3, s->hi - b - 3, "新前元現副同各両全",
                                      sizeof "新前元現副同各両全" - 1)) {
                    size_t q = b + 3, qx;
                    int kk = 0;
                    while (kk < 4 && q < s->hi && kj_is_kanji(ent_cp(d, q, &qx))) {
                        int h = 0;
                        while (kk > 0 && h < MUNI_HEADS &&
                               !kj_at(d->norm, s->hi, q, local_heads[h]))
                            h++;
                        if (kk > 0 && h < MUNI_HEADS) {
                            size_t hx2;
                            if (q + 6 < s->hi && kj_is_kanji(ent_cp(d, q + 6, &hx2)))
                                break;
                            aff = municipality_named(s, b + 3, q + 3);
                            if (aff) {
                                ts = q;
                                te = end = q + 6;
                            }
                            break;
                        }
                        q = qx;
                        kk++;
                    }
                }
            }
        }
        if (end && te > ts && kj_at(d->norm, s->hi, end, "・"))
            return 0; /* …代表取締役・井戸実氏: the run names the company */
        if (!end && b < s->hi && d->norm[b] == ':' && a > s->lo && d->norm[a - 1] == '(') {
            /* (岩田宗一:TBS報道局解説委員), (高英起:デイリーNK) */
            size_t q = b + 1;
            while (q < s->hi && q - b < 60 && d->norm[q] != ')' && d->norm[q] != '\n')
                q++;
            if (q >= s->hi || d->norm[q] != ')' || q == b + 1)
                continue;
            size_t best = title_before(s, q, q - b - 2);
            size_t oe = q - best;
            /* (山田: TBS): the body starts after the spaces; none left
             * ((山田: )) is no body, as (山田:) is none */
            size_t ob = b + 1;
            while (ob < oe && d->norm[ob] == ' ')
                ob++;
            if (ob >= oe)
                continue;
            ent *o = ent_ending_at(s, oe);
            if (!o || o->type == KIJI_FACT_PERSON) {
                char key[200];
                int kl = ent_key(key, sizeof key, "n:", d->norm + ob, oe - ob);
                if (kl <= 0 || (size_t)kl >= sizeof key)
                    continue;
                o = ent_make(s, KIJI_FACT_ORGANIZATION, key, (size_t)kl);
                if (!o->name)
                    ent_set_name(s, o, d->norm + ob, oe - ob);
                ent_mention(s, o, ob, oe);
            }
            if (ent_overlaps(s, a, b))
                return 0;
            ent *e = person(s, a, b, a, a + sl, NULL);
            if (!e)
                return 0;
            if (best)
                set_role(s, e, d->norm + oe, best, o);
            else if (!e->aff)
                e->aff = o;
            ent_mention(s, e, a, b);
            pc->last = e;
            return q + 1;
        }
        if (!end)
            continue;
        /* フランス大統領, 金融庁長官: a place or an organization, not a name */
        if (ent_overlaps(s, a, b))
            return 0;
        /* セガサミー会長 after セガサミーホールディングス: the company's short
         * name, no person */
        if (kata && sur == a) {
            ent *o = ja_org_head(s, a, b);
            if (o) {
                ent_mention(s, o, a, b);
                return b;
            }
        }
        int32_t v;
        if (kj_dict_get(x->title_ja, d->norm + a, b - a, &v))
            return 0;
        if (te > ts && kanji && seat_word(s, a, b, d->norm + ts, te - ts))
            return 0;
        /* 原作者, 王様: a common word that begins with a surname and runs
         * past the name (原作, 王様 in ja/not_names) holds no name */
        /* 本田同様: nor does one that opens inside the name and runs past
         * it (同様 in ja/not_names) */
        if (kanji && word_across(s, a, b))
            return 0;
        const char *title = te > ts ? d->norm + ts : NULL;
        char tbuf[64];
        if (title && te - ts < sizeof tbuf) {
            memcpy(tbuf, title, te - ts);
            tbuf[te - ts] = 0;
        }
        /* ビビる大木さん: a stage name that opens with katakana and the
         * ending る or い of a verb or adjective, against a listed surname
         * and its cue, is the whole name; the surname is the later
         * mention (cases/ja/person_stage) */
        size_t sa = a;
        if (!kata && sl)
            sa = stage_start(s, a);
        ent *e = person(s, sa, b, kata ? sur : a, kata ? (kg_end && b == kg_end ? kg_sur : b) : a + sl,
                        title ? tbuf : NULL);
        if (!e)
            return 0;
        a = sa;
        size_t ats, ate;
        ent *aaff;
        if (!title) {
            ja_apposition(s, a, &ats, &ate, &aaff);
            if (ate > ats)
                set_role(s, e, d->norm + ats, ate - ats, aaff);
        } else {
            if (!aff)
                aff = ja_of_before(s, a);
            set_role(s, e, title, te - ts, aff);
        }
        ent_mention(s, e, a, b);
        pc->last = e;
        return end;
    }
    /* No title or honorific: a name that can only be a name still is one
     * (ロバート・キャロルは, 女優の山東昭子が). */
    size_t b = 0, fse = a + sl;
    if (kata && sur > a) {
        /* every part of a ・ name has two characters or more */
        size_t p = a;
        int len = 0;
        bool ok = true;
        while (p < ends[0]) {
            size_t px;
            uint32_t pc2 = ent_cp(d, p, &px);
            if (pc2 == 0x30FB) {
                ok &= len >= 2;
                len = 0;
            } else {
                len++;
            }
            p = px;
        }
        if (ok && len >= 2)
            b = ends[0];
        /* レイセオン・ミサイルシステムズ: a part that ends in a common noun
         * of three characters or more */
        for (size_t q = a, qs = a; b && q < ends[0];) {
            d->work++;
            size_t qn;
            uint32_t qc = ent_cp(d, q, &qn);
            if (qc == 0x30FB) {
                qs = qn;
            } else if (q >= qs + 6) {
                size_t pe = q;
                while (pe < ends[0] && !kj_at(d->norm, ends[0], pe, "・"))
                    pe++;
                int32_t v2;
                if (pe - q >= 12 && kj_dict_longest(x->notname_ja, d->norm, pe, q, &v2) == pe - q)
                    b = 0;
            }
            q = qn;
        }
        /* ロッテ・リカー: a part that is a known organization or place */
        for (size_t q = a; b && q < ends[0];) {
            int32_t v2;
            size_t n2 = kj_dict_longest(x->org, d->norm, ends[0], q, &v2);
            size_t n3 = kj_dict_longest(s->x->place, d->norm, ends[0], q, &v2);
            size_t m = n2 > n3 ? n2 : n3;
            if (m && (q + m == ends[0] || kj_at(d->norm, ends[0], q + m, "・")))
                b = 0;
            while (q < ends[0] && !kj_at(d->norm, ends[0], q, "・"))
                q++;
            q += 3;
        }
        /* スマート・グリッド技術, トミー・ジョン手術: a ・ name right before a
         * kanji noun of ja/thing_follow names a thing */
        int32_t tv;
        if (b && kj_is_kanji(ent_cp(d, b, &(size_t){0})) &&
            kj_dict_longest(x->thing_follow_ja, d->norm, s->hi, b, &tv))
            b = 0;
        /* 「ゴロウ・デラックスSP」: a name opening a bracket and running
         * into Latin letters is a title's (アンゲラ・メルケルCDU党首 is no
         * title); 州都バンダ・アチェ: one written against a capital is a
         * city */
        if (b && b < s->hi && a > s->lo && (kj_before(d->norm, a, "「") || kj_before(d->norm, a, "『")) &&
            ((d->norm[b] >= 'A' && d->norm[b] <= 'Z') || (d->norm[b] >= 'a' && d->norm[b] <= 'z')))
            b = 0;
        static const char *const capital[] = {"首都", "州都", "県都", "省都", NULL};
        for (int ci = 0; b && capital[ci]; ci++)
            if (a >= s->lo + 6 && kj_before(d->norm, a, capital[ci]))
                b = 0;
        /* 「デイリー・ポスト」紙: a bracketed title named as a paper,
         * a magazine or a station is no person; TBS「サンデー・ジャポン」:
         * nor is one written right after an organization (a channel's
         * show, a publisher's title) */
        if (b && a > s->lo && (kj_before(d->norm, a, "「") || kj_before(d->norm, a, "『"))) {
            size_t k = b;
            if (kj_at(d->norm, s->hi, k, "」") || kj_at(d->norm, s->hi, k, "』")) {
                k += 3;
                ent *o = a >= s->lo + 4 ? ent_ending_at(s, a - 3) : NULL;
                if (kj_at(d->norm, s->hi, k, "紙") || kj_at(d->norm, s->hi, k, "誌") ||
                    kj_at(d->norm, s->hi, k, "局") || kj_at(d->norm, s->hi, k, "社") ||
                    (o && o->type == KIJI_FACT_ORGANIZATION))
                    b = 0;
            }
        }
    } else if (kata && sur == a && ja_kata_given(s, a, ends[0])) {
        /* パウルは: a given name alone */
        b = ends[0];
    } else if (kata && sur == a && ja_kata_speaker(s, a, ends[0], false)) {
        /* ローラは「…」と語った */
        b = ends[0];
    } else if (kanji && (b = ja_fullname(s, a, sl, listed, &fse)) > a) {
        /* 松本清張は: both halves known */
    } else if (kanji && ent_first_has(x, ENT_F_ZHSUR, c) &&
               (b = ja_zhname(s, a, &fse)) > a) {
        /* 温家宝は (ja_zhname reads a family name at a first: asked only
         * where one starts with c) */
    } else if (kanji && nends == 1 && (b = ja_surname_alone(s, a, sl)) > a) {
        /* 山田は */
        fse = b;
    } else if (kanji && sl >= 6 && nends >= 2 && nends <= 4) {
        /* surname of two kanji or more, a given name of one to three, then a
         * particle or punctuation */
        b = ends[nends - 1];
        size_t bx;
        uint32_t nc = ent_cp(d, b, &bx);
        /* 渡辺圭『…』: a name written against the 『 of a work is its
         * author's (a byline before a cited article's headline;
         * cases/ja/person_byline) */
        bool okn = name_follow(nc) || nc == 0x300E;
        size_t ls;
        ent_prev(d, b, &ls);
        /* last kanji that end common nouns, not given names (橋下改革, 小野賞,
         * 福島牛 is beef and 福島産米 rice from a place); 高 ends a high
         * school's short name (桐生高, 佐野松陽高), as 校 and 中 do */
        static const char notname[] = "町村市区県駅線川山寺家社党軍橋島湖谷城港園院会所部的"
                                      "革権閣政策案派側陣流論化戦氏様式者長選票判件題業品母"
                                      "父夫妻兄姉弟妹組中機船器料費税法省庁局署校店館場室株"
                                      "価率額量性制層界圏州語版書誌紙剤薬病著編訳画間賞杯祭"
                                      "表牛米追高";
        if (okn && char3_in(d->norm + ls, b - ls, notname, sizeof notname - 1))
            okn = false;
        /* 三輪車: one kanji after the surname that makes a common noun of
         * it (a longer given name may end in it: 市川中車) */
        if (okn && ls == a + sl && kj_at(d->norm, b, ls, "車"))
            okn = false;
        /* 大津波が: the surname's last kanji and the next make 津波
         * (ja/name_splits) */
        if (okn && sl >= 3 && ent_splits_word(s, a + sl))
            okn = false;
        /* 中村政治は, 吉田構造が: the part after the surname is a common
         * word (a 0 line of given_endings.txt, or not_names.txt); 清水建設,
         * 佐川急便: or a word of two kanji or more that ends an
         * organization's name (ja/org_suffixes) */
        for (size_t g = a + sl; okn && g < b;) {
            int32_t gv;
            if ((kj_dict_get(x->gend_ja, d->norm + g, b - g, &gv) && gv == 0) ||
                kj_dict_get(x->notname_ja, d->norm + g, b - g, &gv) ||
                (b - g >= 6 && kj_dict_get(x->osuf_ja, d->norm + g, b - g, &gv)))
                okn = false;
            size_t gx;
            ent_cp(d, g, &gx);
            g = gx;
        }
        if (okn && town_word(s, a, b))
            okn = false; /* 小田原では */
        if (!okn)
            b = 0;
    }
    /* 女優のマドンナは, 作家、田中一が, マドンナの娘: an occupation or a relation */
    if (!b && nends && (kata ? sur == a : sl > 0) && ends[nends - 1] - a <= 45) {
        size_t r = kata ? ends[0] : ends[nends - 1];
        size_t g3;
        size_t rx;
        uint32_t rc = r < s->hi ? ent_cp(d, r, &rx) : 0;
        if (!kj_is_kanji(rc) && occ_evidence(s, a, r)) {
            b = r;
            fse = kata ? a : a + sl;
            if (!kata && r - a > sl && kanji)
                fse = a + sl;
            /* 女優の二階堂ふみが: a hiragana given name after the surname
             * (cases/ja/person_hiragana_occupation) */
            size_t g;
            if (!kata && r - a == sl && listed == sl && is_hira(rc) &&
                (g = occ_kana_given_end(s, r, 3)) > r)
                b = g;
        } else if (!kata && r - a == sl && listed == sl && is_hira(rc) &&
                   (g3 = occ_kana_given_end(s, r, 4)) > r && ja_kata_speaker(s, a, g3, true)) {
            /* 岡田ゆうすけは「…」と語った: a listed surname, a given name
             * of hiragana and a verb only a person speaks with
             * (cases/ja/person_hiragana_speaker) */
            b = g3;
            fse = a + sl;
        } else if (!kj_is_kanji(rc) && !kata && r - a == sl && name_follow(rc)) {
            /* 芸人のカンニング竹山が: a stage name of katakana and the
             * surname alone, after an occupation (cases/ja/person_stage);
             * the surname is the later mention */
            size_t ka = kata_stage_start(s, a, r);
            if (ka < a && !ent_overlaps(s, ka, r)) {
                ent *e = person(s, ka, r, a, r, NULL);
                if (!e)
                    return 0;
                size_t ats, ate;
                ent *aaff;
                ja_apposition(s, ka, &ats, &ate, &aaff);
                if (ate > ats)
                    set_role(s, e, d->norm + ats, ate - ats, aaff);
                ent_mention(s, e, ka, r);
                pc->last = e;
                return r;
            }
        }
    }
    /* ゴッホ(1853年 - 1890年)は, 田中一(1901年 - )は: a life span in
     * parentheses; a kanji name begins with a known surname */
    if (!b && nends && (kata || sl) && ends[nends - 1] - a <= 45) {
        size_t r = kata ? ends[0] : ends[nends - 1];
        if (lifespan(s, r)) {
            b = r;
            fse = kata ? sur : a + sl;
        }
    }
    /* 亀田興毅 vs 内藤大助, 山中一樹対島田剛: a match line pits two
     * people; a listed surname of two kanji or more and a given name of two
     * or three kanji before it make a full name */
    if (!b && !kata && sl >= 6 && kanji) {
        for (int k = nends - 1; k >= 0 && !b; k--) {
            size_t r = ends[k];
            int32_t gv;
            if (r - (a + sl) >= 6 && r - (a + sl) <= 9 && match_vs(s, r) &&
                !kj_dict_get(x->notname_ja, d->norm + a + sl, r - a - sl, &gv) &&
                !kj_dict_get(x->title_ja, d->norm + a + sl, r - a - sl, &gv) &&
                !(kj_dict_get(x->gend_ja, d->norm + a + sl, r - a - sl, &gv) && gv == 0)) {
                b = r;
                fse = a + sl;
            }
        }
    }
    /* 林容史『…』。東京新聞、2006年10月14日。: a cited article's byline */
    if (!b && !kata && kanji) {
        /* (byline_opens, ja_byline's first test, wants 、 。 or a line
         * break before a, or a at s->lo: clause_opens_at, inline, first) */
        size_t bse = 0, be = clause_opens_at(s, a) ? ja_byline(s, a, &bse) : 0;
        if (be > a) {
            b = be;
            fse = bse;
        }
    }
    if (!b || ent_overlaps(s, a, b))
        return 0;
    /* ワープロソフトの一太郎, 伝統行事の相馬野馬追: a thing named after its
     * kind (ja/thing_kinds.txt) */
    if (!kata && thing_kind_before(s, a))
        return 0;
    int32_t v;
    /* 聖人君子, 一姫二太郎: idioms that split like a name (not_names.txt) */
    if (kj_dict_get(x->org, d->norm + a, b - a, &v) || kj_dict_get(x->title_ja, d->norm + a, b - a, &v) ||
        kj_dict_get(x->notname_ja, d->norm + a, b - a, &v))
        return 0;
    ent *e = person(s, a, b, kata ? sur : a, kata ? b : fse, NULL);
    if (!e)
        return 0;
    /* 韓国五輪代表の洪明甫監督: a title written right after the name (only
     * ja_zhname's names end before a kanji) is the role, before one
     * written ahead of it */
    size_t ats, ate, tend = 0, bx;
    ent *aaff;
    if (kj_is_kanji(ent_cp(d, b, &bx)))
        tend = ja_tail(s, b, &ats, &ate, &aaff);
    if (tend && ate > ats) {
        if (!aaff)
            aaff = ja_of_before(s, a);
        set_role(s, e, d->norm + ats, ate - ats, aaff);
    } else {
        tend = 0;
        ja_apposition(s, a, &ats, &ate, &aaff);
        if (ate > ats)
            set_role(s, e, d->norm + ats, ate - ats, aaff);
    }
    ent_mention(s, e, a, b);
    pc->last = e;
    return tend ? tend : b;
}

/* Where ja_persons goes on after the character ending at i, of the classes
 * cls: past the rest of its run. A kanji after a kanji, or a katakana or ・
 * after a katakana or ・, starts no name, and the loop asks nothing else
 * there but whether 同 (a kanji) begins an anaphor, so it stops at 同, at
 * any other character and at an entry ent_cp must decode. *c and *end: the
 * last character stepped over and where it ends (untouched when none), as
 * the loop keeps them for ent_prev_in. */
static inline size_t ja_run_rest(kiji_doc *d, size_t i, size_t hi, uint32_t cls, uint32_t *c,
                                 size_t *end)
{
    if (!(cls & (KJ_CC_KANJI | KJ_CC_KATA)))
        return i;
    if (hi > d->norm_len)
        hi = d->norm_len;
    const uint32_t *x = d->cpx;
    uint64_t work = 0;
    if (cls & KJ_CC_KANJI) {
        /* a run of kanji: one test of the entry (kanji and not slow), and
         * 同 */
        while (i < hi) {
            uint32_t v = x[i];
            if ((v & (KJ_CPX_SLOW | KJ_CC_KANJI)) != KJ_CC_KANJI ||
                (v & KJ_CPX_CP) == 0x540C /* 同 */)
                break;
            work++;
            *c = v & KJ_CPX_CP;
            i += v >> KJ_CPX_LEN_SHIFT;
            *end = i;
        }
    } else {
        while (i < hi) {
            uint32_t v = x[i];
            uint32_t cp = v & KJ_CPX_CP;
            /* KJ_CC_DOT is & too, which is no ・; 同 is no katakana */
            if ((v & KJ_CPX_SLOW) || !(v & (KJ_CC_KATA | KJ_CC_DOT)) ||
                ((v & KJ_CC_DOT) && cp != 0x30FB))
                break;
            work++;
            *c = cp;
            i += v >> KJ_CPX_LEN_SHIFT;
            *end = i;
        }
    }
    d->work += work;
    return i;
}

/* ja_candidate's answer, 0, known without the call for the commonest starts
 * in Japanese text: a kanji i (c, its classes cls, ending at nx) that opens
 * no surname of surnames.txt and is no 氏, then no kanji (来た, 前に), or
 * one more kanji that is no 氏, then no kanji (政府, 日本), where the two
 * are no surname of a person named before (surname_person's bit set).
 * There ja_candidate finds no surname, reads the kanji run as one or two
 * characters with no 氏 after them, finds no person by that surname and
 * returns 0 at its short_run exit, having counted no step and touched no
 * entity; the call, its frame and its run walk cost some 100 instructions
 * at every such start. */
static inline bool ja_short_run(const estate *s, size_t i, uint32_t c, uint32_t cls, size_t nx)
{
    const kiji_doc *d = s->d;
    if (!(cls & KJ_CC_KANJI) || c == 0x6C0F /* 氏 */ || ent_first_has(s->x, ENT_F_SURNAME, c))
        return false;
    /* 母・優奈さん: a relative's given name (kin_given_end, asked after
     * a ・ only) */
    if (i >= s->lo + 6 && dot_or_no_before(d->norm, i) &&
        kin_given_end(s, i))
        return false;
    /* 、千秋は「: a stage name (stage_given_end) */
    if (stage_given_end(s, i))
        return false;
    size_t lim = s->hi < d->norm_len ? s->hi : d->norm_len, n2, n3;
    uint32_t cls2;
    if (nx >= lim)
        return true;
    uint32_t c2 = ent_cpc(d, nx, &n2, &cls2);
    if (!(cls2 & KJ_CC_KANJI))
        return true;
    if (c2 == 0x6C0F || (n2 < lim && (ent_cls(d, n2, &n3) & KJ_CC_KANJI)))
        return false;
    return !surname_maybe(s, d->norm + i, n2 - i);
}

/* The start of up to three Latin initials, each followed by ・, that end
 * at the katakana at i (J・F・ケネディ: the J), or i when there are none or
 * a letter or digit runs into the first (ABC・ニュース). */
static size_t ja_initials(const estate *s, size_t i)
{
    const char *t = s->d->norm;
    size_t q = i;
    for (int k = 0; k < 3 && q >= s->lo + 4 && kj_at(t, q, q - 3, "・") && t[q - 4] >= 'A' &&
                    t[q - 4] <= 'Z';
         k++)
        q -= 4;
    /* ジョージ・W・ブッシュ: initials inside a name are its start's */
    if (q < i && q >= s->lo + 3 && kj_before(t, q, "・"))
        return i;
    if (q < i && q > s->lo && ((t[q - 1] >= '0' && t[q - 1] <= '9') || ((t[q - 1] | 0x20) >= 'a' && (t[q - 1] | 0x20) <= 'z')))
        return i;
    return q;
}

/* 香川真司(ドルトムント)が, 山田太郎(トヨタ自動車)は: an organization alone in
 * parentheses right after a person's name, then a particle or 、, is the
 * team or employer the person belongs to (GUIDELINES: the organization
 * given with the name), when no other affiliation is known. The first four
 * mentions of each person are read; an organization's mentions are
 * weighed up to 64. */
static void paren_affiliations(estate *s)
{
    kiji_doc *d = s->d;
    for (size_t i = 0; i < s->ne; i++) {
        ent *e = s->e[i];
        if (e->type != KIJI_FACT_PERSON || e->aff)
            continue;
        for (size_t j = 0; j < e->nm && j < 4 && !e->aff; j++) {
            size_t b = e->m[j].ne;
            if (b + 1 >= s->hi || d->norm[b] != '(')
                continue;
            size_t q = b + 1;
            while (q < s->hi && q - b < 64 && d->norm[q] != ')' && d->norm[q] != '\n' &&
                   d->norm[q] != '(')
                q++;
            d->work += q - b;
            if (q >= s->hi || d->norm[q] != ')' || q == b + 1)
                continue;
            ent *o = ent_ending_at(s, q);
            if (!o || o->type != KIJI_FACT_ORGANIZATION)
                continue;
            bool fills = false;
            for (size_t k = 0; k < o->nm && k < 64 && !fills; k++)
                fills = o->m[k].ns == b + 1 && o->m[k].ne == q;
            size_t qx;
            uint32_t c = q + 1 < s->hi ? ent_cp(d, q + 1, &qx) : 0;
            if (fills && (name_follow(c) || c == 0x3001))
                e->aff = o;
        }
        /* 浦和レッズの山田太郎は, 自民党の石破茂が: a person named with no
         * role right after an organization and の belongs to it (GUIDELINES:
         * the organization given with the name); one with a title took its
         * affiliation with it, or has none (プーチン大統領) */
        for (size_t j = 0; j < e->nm && j < 4 && !e->aff && !e->title; j++) {
            size_t a = e->m[j].ns;
            if (a < s->lo + 6 || !kj_before(d->norm, a, "の"))
                continue;
            ent *o = ent_ending_at(s, a - 3);
            if (o && o->type == KIJI_FACT_ORGANIZATION)
                e->aff = o;
        }
    }
}

/* After a kanji word and ・ (担当・ホームズ事務次長, 父・ファルサさん): does
 * the run of katakana and ・ from i (30 characters at most) end right
 * before a title of ja/titles (no longer word of ja/not_names opening
 * there), an honorific of ja/honorifics or a parenthesis (an age)?
 * (cases/ja/person_dot_role) */
static bool kata_dot_cue(estate *s, size_t i)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t q = i, qn;
    int k = 0;
    while (q < s->hi && k < 30 && kata_or_dot(ent_cp(d, q, &qn))) {
        q = qn;
        k++;
    }
    if (q >= s->hi || k < 2 || kj_before(d->norm, q, "・"))
        return false;
    int32_t v;
    size_t tn;
    if (d->norm[q] == '(' || kj_dict_longest(x->honor_ja, d->norm, s->hi, q, &v))
        return true;
    tn = kj_dict_longest(x->title_ja, d->norm, s->hi, q, &v);
    return tn && kj_dict_longest(x->notname_ja, d->norm, s->hi, q, &v) <= tn;
}

/* 二階俊博氏, 岡田克也・二階俊博・野田毅の各氏: a listed surname that reads
 * as a kanji numeral and a counter (二階: the numeric pass claimed it as a
 * quantity) opening a name with a person's cue after it: an honorific or
 * a title (両 before either), or a ・ or 、 list of names closed by 各氏,
 * 両氏, N氏 or ら. The name is a given name of one to three kanji or two
 * to four hiragana after the surname, or the surname alone before an
 * honorific or a title where a person of that surname was named before.
 * The claim is lifted and ja_candidate reads the name; where it makes a
 * person there, the quantity is dropped, else the claim is put back.
 * 二階の窓, 二階建て (no given name, no cue) stay counts. Returns the end
 * ja_candidate gave, or 0. s->recount_budget bounds the fact searches
 * per document. (cases/ja/person_count_surname) */
static size_t ja_count_surname(estate *s, size_t i, pctx *pc)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    if (s->recount_budget <= 0 || kj_claim_at(d, i) != KIJI_FACT_QUANTITY)
        return 0;
    int32_t v;
    size_t sl = kj_dict_longest(x->surname_ja, d->norm, s->hi, i, &v);
    size_t qe = i;
    while (qe < i + sl && kj_claim_at(d, qe) == KIJI_FACT_QUANTITY)
        qe++;
    if (!sl || qe < i + 6 || kj_claim_at(d, qe) != 0)
        return 0;
    size_t se = i + sl, b = se, bn;
    bool cue = false;
    bool list_before = i >= s->lo + 3 && (kj_before(d->norm, i, "・") || kj_before(d->norm, i, "、"));
    /* the surname alone, a person of that surname named before */
    for (int k = 0; k < 5 && !cue && b < s->hi; k++) {
        if (b > se || surname_person(s, i, se, NULL)) {
            size_t tb = kj_at(d->norm, s->hi, b, "両") ? b + 3 : b;
            size_t tn = kj_dict_longest(x->title_ja, d->norm, s->hi, tb, &v);
            if (tn && kj_dict_longest(x->notname_ja, d->norm, s->hi, tb, &v) > tn)
                tn = 0;
            cue = tn || kj_dict_longest(x->honor_ja, d->norm, s->hi, tb, &v);
            if (!cue && b > se && (list_before || kj_at(d->norm, s->hi, b, "・") ||
                                   kj_at(d->norm, s->hi, b, "、")))
                cue = ja_list_closes(d, b, s->hi, &(bool){false});
            if (cue)
                break;
        }
        uint32_t c = ent_cp(d, b, &bn);
        bool hira = is_hira(c);
        if (!(kj_is_kanji(c) || hira) || (b > se && hira != is_hira(ent_cp(d, se, &(size_t){0}))) ||
            (!hira && k >= 3) || c == 0x6C0F)
            break;
        b = bn;
    }
    if (!cue)
        return 0;
    s->recount_budget--;
    memset(d->claim + i, 0, qe - i);
    size_t e = ja_candidate(s, i, pc);
    const ent *p = pc->last;
    bool ok = e > i && p && p->type == KIJI_FACT_PERSON && p->nm && p->m[p->nm - 1].ns == i &&
              p->m[p->nm - 1].ne >= se;
    if (!ok) {
        memset(d->claim + i, KIJI_FACT_QUANTITY, qe - i);
        return e > i ? e : 0;
    }
    for (size_t k = 0; k < d->nfacts; k++) {
        kj_fact *f = &d->facts[k];
        if (f->type == KIJI_FACT_QUANTITY && !f->dropped && f->ns == i && f->ne == qe)
            f->dropped = true;
    }
    return e;
}

/* Is the 年 at p a school grade's (小学4年, 中学2年, 高校3年, 大学1年)?
 * One or two digits, and the school word before them. */
static bool grade_before(const kiji_doc *d, size_t p)
{
    size_t q = p;
    for (int k = 0; k < 2 && q > 0 && d->norm[q - 1] >= '0' && d->norm[q - 1] <= '9'; k++)
        q--;
    return q < p && (kj_before(d->norm, q, "小学") || kj_before(d->norm, q, "中学") ||
                     kj_before(d->norm, q, "高校") || kj_before(d->norm, q, "大学"));
}

/* A name read from q, where something glued before it (a date, a school
 * grade) ends: an unclaimed kanji must open it. Returns its end, or 0. */
static size_t name_from(estate *s, size_t q, pctx *pc)
{
    size_t qx;
    if (q >= s->hi || !(ent_cls(s->d, q, &qx) & KJ_CC_KANJI) || kj_claimed(s->d, q, qx))
        return 0;
    size_t e = ja_candidate(s, q, pc);
    return e > q ? e : 0;
}

/* The ranks of sumo wrestlers that stand against a ring name (横綱白鵬,
 * 大関・琴奨菊): a closed set; 前頭 comes with a side and a number (東前頭
 * 4枚目の) and is read by rank_position. 平幕 is left out: it opens common
 * compounds as often (平幕優勝, 平幕同士). */
static const char *const sumo_ranks[] = {"横綱", "大関", "関脇", "小結", NULL};

/* 東前頭4枚目の, 西前頭十枚目: a wrestler's full position, a side, 前頭,
 * a number in digits or kanji numerals and 枚目, with の after it or
 * not. The end of it, 0 when none. */
static size_t rank_position(kiji_doc *d, size_t hi, size_t r)
{
    static const char numerals[] = "一二三四五六七八九十";
    if (!kj_at(d->norm, hi, r, "東") && !kj_at(d->norm, hi, r, "西"))
        return 0;
    r += 3;
    if (!kj_at(d->norm, hi, r, "前頭"))
        return 0;
    r += 6;
    size_t q = r;
    for (int n = 0; n < 3 && q < hi; n++) {
        size_t qx;
        uint32_t c = ent_cp(d, q, &qx);
        bool num = kj_is_digit(c);
        for (const char *m = numerals; !num && *m && qx - q == 3 && qx <= hi; m += 3)
            num = memcmp(m, d->norm + q, 3) == 0;
        if (!num)
            break;
        q = qx;
    }
    if (q == r || !kj_at(d->norm, hi, q, "枚目"))
        return 0;
    q += 6;
    if (kj_at(d->norm, hi, q, "の"))
        q += 3;
    return q;
}

/* Can ja_rank_name match at the character c: a rank's first kanji, 元 or
 * 新 before one, or the side of a full position (横 大 関 小 元 新 東 西)?
 * Asked at most name starts, so the low six bits of each, distinct, are
 * tested first as one bit of a word: most other characters fail there
 * without the eight comparisons. */
static inline bool rank_may_start(uint32_t c)
{
    const uint64_t low = 1ull << (0x6A2A & 63) | 1ull << (0x5927 & 63) | 1ull << (0x95A2 & 63) |
                         1ull << (0x5C0F & 63) | 1ull << (0x5143 & 63) | 1ull << (0x65B0 & 63) |
                         1ull << (0x6771 & 63) | 1ull << (0x897F & 63);
    if (!(low >> (c & 63) & 1))
        return false;
    return c == 0x6A2A /* 横 */ || c == 0x5927 /* 大 */ || c == 0x95A2 /* 関 */ ||
           c == 0x5C0F /* 小 */ || c == 0x5143 /* 元 */ || c == 0x65B0 /* 新 */ ||
           c == 0x6771 /* 東 */ || c == 0x897F /* 西 */;
}

/* 横綱朝青龍が, 新大関琴欧州を, 元横綱・北の湖の: a sumo rank (元 or 新
 * may open it, a ・ may follow it; or a position, 東前頭4枚目の) before
 * a ring name of two to five kanji, with at most one の or ノ before its
 * last kanji (北の湖, 三重ノ海), that kana or punctuation ends, is that
 * wrestler with the rank as his title (大関 is a surname too: without
 * this 大関魁皇 read as one name). No common word, title or occupation opens the ring name (大関
 * 昇進, 横綱自身: ja/not_names); before a given name (大関暁夫: ja/given_
 * names, or a last kanji of ja/given_endings) a rank that is a listed
 * surname is the surname. Returns the name's end, 0 when none. */
static __attribute__((noinline)) size_t ja_rank_name(estate *s, size_t i, pctx *pc)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t r = i;
    if (kj_at(d->norm, s->hi, r, "元") || kj_at(d->norm, s->hi, r, "新"))
        r += 3;
    int k = 0;
    while (sumo_ranks[k] && !kj_at(d->norm, s->hi, r, sumo_ranks[k]))
        k++;
    size_t te = r + 6, ns = te;
    if (!sumo_ranks[k]) {
        /* 東前頭4枚目の若葉山: the position is the title */
        ns = r == i ? rank_position(d, s->hi, r) : 0;
        if (!ns)
            return 0;
        te = kj_at(d->norm, s->hi, ns - 3, "の") ? ns - 3 : ns;
    } else if (kj_at(d->norm, s->hi, ns, "・")) {
        ns += 3;
    }
    size_t q = ns, qx, last = ns;
    int kanji = 0;
    bool no = false;
    for (int n = 0; q < s->hi && n < 6; n++) {
        uint32_t c = ent_cp(d, q, &qx);
        if (kj_is_kanji(c)) {
            last = q;
            q = qx;
            kanji++;
            continue;
        }
        if ((c != 0x306E /* の */ && c != 0x30CE /* ノ */) || no || kanji == 0 || qx >= s->hi)
            break;
        /* 北の湖, 三重ノ海: one kanji after the の, then no more; 白鵬の
         * 優勝 may be no name at all, so two or more read none */
        size_t q2, q3;
        if (!kj_is_kanji(ent_cp(d, qx, &q2)))
            break;
        if (q2 < s->hi && kj_is_kanji(ent_cp(d, q2, &q3)))
            return 0;
        no = true;
        last = qx;
        q = q2;
        kanji++;
        break;
    }
    if (kanji < 2 || kanji > 5)
        return 0;
    /* kana or punctuation after it (大関初白星-大相撲 names no wrestler) */
    if (q < s->hi) {
        uint32_t c = ent_cp(d, q, &qx);
        if (!(is_hira(c) || c == 0x3001 || c == 0x3002 || c == 0x300C || c == 0x300D ||
              c == 0x30FB || c == '(' || c == ')' || c == ','))
            return 0;
    }
    int32_t v;
    if (kj_dict_longest(x->notname_ja, d->norm, q, ns, &v) ||
        kj_dict_longest(x->title_ja, d->norm, q, ns, &v) ||
        kj_dict_longest(x->occ_ja, d->norm, q, ns, &v))
        return 0;
    if (!no && kj_dict_get(x->surname_ja, d->norm + r, 6, &v) &&
        (kj_dict_get(x->given_ja, d->norm + ns, q - ns, &v) ||
         (kj_dict_get(x->gend_ja, d->norm + last, q - last, &v) && v >= 1 && v <= 2)))
        return 0;
    /* 琴欧州: a place read inside the ring name (欧州) leaves it a name;
     * a fact or an entity read from its first kanji does not */
    if (kj_claimed(d, ns, ns + 3) || ent_overlaps(s, ns, ns + 3))
        return 0;
    ent *e = person(s, ns, q, ns, q, NULL);
    if (!e)
        return 0;
    set_role(s, e, d->norm + i, te - i, NULL);
    ent_mention(s, e, ns, q);
    pc->last = e;
    return q;
}

/* The starts of the places and organizations read before this pass (the
 * frozen mentions), in order, for the headline rule of ja_persons
 * (鹿児島撤退伊藤知事), which asks at each kanji run's start whether one
 * starts there. */
static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static size_t *body_starts(estate *s, size_t *n)
{
    size_t *a = s->nfrozen ? kj_alloc(s->d, s->nfrozen * sizeof *a) : NULL;
    *n = 0;
    for (size_t k = 0; k < s->nfrozen; k++)
        if (s->mr[k].e->type == KIJI_FACT_PLACE || s->mr[k].e->type == KIJI_FACT_ORGANIZATION)
            a[(*n)++] = s->mr[k].ns;
    if (*n > 1)
        kj_sort(&s->d->sort, a, *n, sizeof *a, cmp_size);
    s->d->work += s->nfrozen;
    return a;
}

/* A cursor into the sorted starts a[0, n): k moves on as the pass does;
 * prev and next are a[k - 1] and a[k] (0 and SIZE_MAX where there is
 * none), between which no start lies. */
typedef struct bodies {
    const size_t *a;
    size_t n, k, prev, next;
} bodies;

/* Does one of a[0, n) equal i? *k is a cursor that moves on as i does
 * (the pass reads forward; where it went back, a binary search finds the
 * place again). */
static bool body_starts_read(kiji_doc *d, const size_t *a, size_t n, size_t *k, size_t i)
{
    if (*k > 0 && a[*k - 1] >= i) {
        size_t lo = 0, hi = *k;
        while (lo < hi) {
            d->work++;
            size_t mid = (lo + hi) / 2;
            if (a[mid] < i)
                lo = mid + 1;
            else
                hi = mid;
        }
        *k = lo;
    }
    while (*k < n && a[*k] < i) {
        d->work++;
        (*k)++;
    }
    return *k < n && a[*k] == i;
}

/* body_starts_read through the cursor b: asked at every kanji start, most
 * of which lie strictly between two starts, where the answer is no and the
 * cursor stays (inline, two tests) */
static inline bool body_starts_at(kiji_doc *d, bodies *b, size_t i)
{
    if (i > b->prev && i < b->next)
        return false;
    bool at = body_starts_read(d, b->a, b->n, &b->k, i);
    b->prev = b->k > 0 ? b->a[b->k - 1] : 0;
    b->next = b->k < b->n ? b->a[b->k] : SIZE_MAX;
    return at;
}

static void ja_persons(estate *s)
{
    kiji_doc *d = s->d;
    pctx pc = {0};
    size_t i = s->lo, end = SIZE_MAX;
    uint32_t c = 0;
    bodies bs = {0};
    bs.a = body_starts(s, &bs.n);
    bs.next = bs.n ? bs.a[0] : SIZE_MAX;
    while (i < s->hi) {
        /* 同 and every start below are kanji or katakana: past any other
         * character the loop only moves on */
        size_t from = i;
        uint32_t skipped = 0;
        i = ent_skip_last(d, i, s->hi, KJ_CC_KANJI | KJ_CC_KATA, &skipped);
        if (i >= s->hi)
            break;
        d->work++;
        size_t nx;
        /* where ent_skip_last stepped over characters, the one before i is
         * the last of them, as ent_prev would decode it */
        uint32_t p = i != from ? skipped & KJ_CPX_CP : ent_prev_in(d, i, end, c), cls;
        c = ent_cpc(d, i, &nx, &cls);
        end = nx;
        int32_t v;
        size_t n;
        /* 同 (kj_at: the character whole before s->hi), read from c */
        if (c == 0x540C && nx <= s->hi &&
            (n = kj_dict_longest(s->x->anaphora_ja, d->norm, s->hi, i, &v)) > 0) {
            ent *who = titled_last(s, i + strlen("同"), i + n);
            if (!who)
                who = pc.last;
            if (who)
                ent_mention(s, who, i, i + n);
            i += n;
            continue;
        }
        /* C・スミヨン: the katakana after Latin initials and their ・
         * (ja_initials) open the name at the first initial */
        if ((cls & KJ_CC_KATA) && p == 0x30FB) {
            size_t q = ja_initials(s, i);
            if (q < i && !ent_char_claimed(d, q, q + 1)) {
                size_t e = ja_candidate(s, q, &pc);
                if (e > i) {
                    i = e;
                    continue;
                }
            }
        }
        /* 岡村剛毅対堀田慎介: after a person's name and 対 (match_vs
         * ended it there) the other side's name starts at the kanji after
         * 対, which the rest of the run would skip */
        if (c == 0x5BFE && nx < s->hi && pc.last && pc.last->nm && pc.last->m[pc.last->nm - 1].ne == i) {
            i = nx;
            continue;
        }
        bool vs = p == 0x5BFE && pc.last && pc.last->nm && i >= s->lo + 3 &&
                  pc.last->m[pc.last->nm - 1].ne == i - 3;
        /* 担当・ホームズ事務次長: katakana after a kanji word and its ・
         * open a name, as after any other kanji, when a title or an
         * honorific follows the katakana (kata_dot_cue); not after a
         * person's name (宮本慎也・ヤクルトスワローズ選手: the team) */
        bool kdot = (cls & KJ_CC_KATA) && p == 0x30FB && i >= s->lo + 6 &&
                    kj_is_kanji(ent_prev(d, i - 3, &(size_t){0})) &&
                    !(pc.last && pc.last->nm && pc.last->m[pc.last->nm - 1].ne == i - 3) &&
                    kata_dot_cue(s, i);
        bool start = ((cls & KJ_CC_KATA) && (kdot || !(i > s->lo && kata_or_dot(p)))) ||
                     ((cls & KJ_CC_KANJI) && (vs || !(i > s->lo && kj_is_kanji(p))));
        /* whether a fact claims the character at i, read once: no pass
         * below changes a claim (ja_count_surname puts back the claim it
         * lifts where it returns no name) */
        bool claimed = start && ent_char_claimed(d, i, nx);
        /* 二階俊博氏: a surname claimed as a count (ja_count_surname) */
        if (claimed && (cls & KJ_CC_KANJI)) {
            size_t e = ja_count_surname(s, i, &pc);
            if (e > i) {
                i = e;
                continue;
            }
        }
        /* 鹿児島撤退伊藤知事: a headline's run of a place or organization
         * read before (a mention starting here), a predicate of
         * ja/org_lead and a name: the name starts after the predicate */
        if (start && (cls & KJ_CC_KANJI) && body_starts_at(d, &bs, i) &&
            ent_overlaps(s, i, nx)) {
            size_t q = 0, m, mx, lo = ent_frozen_from(s, i + 1);
            for (size_t k = lo; k < s->nfrozen && k < lo + 16 && s->mr[k].ns <= i + 36; k++)
                if (s->mr[k].ns == i && s->mr[k].ne > q && s->mr[k].ne < s->hi &&
                    (s->mr[k].e->type == KIJI_FACT_PLACE || s->mr[k].e->type == KIJI_FACT_ORGANIZATION))
                    q = s->mr[k].ne;
            if (q > i && (ent_cls(d, q, &mx) & KJ_CC_KANJI) && !ent_overlaps(s, q, mx) &&
                ent_first_has(s->x, ENT_F_OLEAD, ent_cp(d, q, &mx)) &&
                (m = kj_dict_longest(s->x->olead_ja, d->norm, s->hi, q, &v)) > 0 && q + m < s->hi &&
                (ent_cls(d, q + m, &mx) & KJ_CC_KANJI) && !ent_overlaps(s, q + m, mx)) {
                size_t e = ja_candidate(s, q + m, &pc);
                if (e > q + m) {
                    i = e;
                    continue;
                }
            }
        }
        /* 昨年野村克也氏, ３日山田太郎民主党代表は: a date written against
         * the name (its kanji claimed by the date pass) is no part of it;
         * the name starts where the date's claim ends (at most eight
         * characters on) */
        if (claimed && (cls & KJ_CC_KANJI) && kj_claim_at(d, i) == KIJI_FACT_DATE) {
            size_t q = i, qx;
            for (int k = 0; q < s->hi && k < 8 && kj_claim_at(d, q) == KIJI_FACT_DATE; k++) {
                ent_cp(d, q, &qx);
                q = qx;
            }
            size_t e = q > i ? name_from(s, q, &pc) : 0;
            if (e) {
                i = e;
                continue;
            }
        }
        /* 小学4年山田花子さん, 高校3年生田中一郎君: a school grade written
         * against the name is no part of it; the name starts after 年 (or
         * 年生) */
        if (start && c == 0x5E74 && grade_before(d, i)) {
            size_t q = nx;
            if (kj_at(d->norm, s->hi, q, "生"))
                q += 3;
            size_t e = name_from(s, q, &pc);
            if (e) {
                i = e;
                continue;
            }
        }
        if (start && !claimed) {
            /* (アシスタント)コーチイビツァ・オリッチ: a katakana title ends
             * inside the run before its first ・, the name starts there */
            if (cls & KJ_CC_KATA) {
                size_t dot = i, mx;
                int k = 0;
                /* ent_cls's reading with its table load inline (the decode
                 * of an entry not held whole, a call, apart): the table
                 * and the bound stay in registers; at or past norm_len
                 * ent_cls gives no class, which ends the run */
                const uint32_t *cpx = d->cpx;
                size_t lim = s->hi < d->norm_len ? s->hi : d->norm_len;
                while (dot < lim && k < 24) {
                    uint32_t dv = cpx[dot];
                    if (dv < KJ_CPX_SLOW) {
                        if (!(dv & KJ_CC_KATA))
                            break;
                        mx = dot + (dv >> KJ_CPX_LEN_SHIFT);
                    } else if (!(ent_cls(d, dot, &mx) & KJ_CC_KATA)) {
                        break;
                    }
                    dot = mx;
                    k++;
                }
                size_t found = 0;
                for (size_t q = nx; k < 24 && kj_at(d->norm, s->hi, dot, "・") && q + 6 <= dot;) {
                    d->work++;
                    if (title_before(s, q, q - i) > 0 && !kj_claimed(d, q, q + 3)) {
                        size_t e2 = ja_candidate(s, q, &pc);
                        if (e2 > q) {
                            found = e2;
                            break;
                        }
                    }
                    ent_cp(d, q, &mx);
                    q = mx;
                }
                if (found) {
                    i = found;
                    continue;
                }
            }
            /* 急遽槙原氏の, 当初太田氏を: an adverb of ja/org_lead written
             * against a name is no part of it, even where the whole run
             * would pass for one (lead: that adverb's length, 0 when
             * none, which the title test below asks for again) */
            size_t lead = (cls & KJ_CC_KANJI) && ent_first_has(s->x, ENT_F_OLEAD, c)
                              ? kj_dict_longest(s->x->olead_ja, d->norm, s->hi, i, &v)
                              : 0;
            if (lead) {
                size_t m = lead, mx;
                if (i + m < s->hi && (ent_cls(d, i + m, &mx) & KJ_CC_KANJI) &&
                    !kj_claimed(d, i + m, mx)) {
                    size_t e2 = ja_candidate(s, i + m, &pc);
                    if (e2 > i + m) {
                        i = e2;
                        continue;
                    }
                }
            }
            /* 故木下順二さん: 故 (the late) written against a name is no
             * part of it (故・X, with the dot, starts the name at X
             * anyway; 事故, 何故 hold it inside a run, where no name
             * starts); 故郷, 故意 start none at their second kanji
             * (cases/ja/person_late) */
            if (c == 0x6545 && nx < s->hi) {
                size_t mx;
                if ((ent_cls(d, nx, &mx) & KJ_CC_KANJI) && !kj_claimed(d, nx, mx)) {
                    size_t e2 = ja_candidate(s, nx, &pc);
                    if (e2 > nx) {
                        i = e2;
                        continue;
                    }
                }
            }
            /* 横綱白鵬, 大関魁皇: a sumo rank before a ring name (asked
             * where a rank, or 元 or 新 before one, can start) */
            size_t e = 0;
            if (rank_may_start(c))
                e = ja_rank_name(s, i, &pc);
            if (!e)
                e = ja_short_run(s, i, c, cls, nx) ? 0 : ja_candidate(s, i, &pc);
            if (e > i) {
                i = e;
                continue;
            }
            /* 司令官田中頼三, 漫画家麻生周一: a title or an occupation written
             * against the name */
            if (cls & KJ_CC_KANJI) {
                /* the sets c opens a key of, read once for the three tests */
                ent_first fc = ent_first_of(s->x, c);
                /* 母・りえさん: a relative's given name in hiragana (asked
                 * here, where ja_candidate found none at the kinship word) */
                if ((fc & ENT_F_KIN) && (e = kin_kana_name(s, i, &pc)) > i) {
                    i = e;
                    continue;
                }
                size_t m = (fc & ENT_F_TITLE) ? kj_dict_longest(s->x->title_ja, d->norm, s->hi, i, &v) : 0;
                size_t m2 = (fc & ENT_F_OCC)
                                ? kj_dict_longest(s->x->occ_ja, d->norm, s->hi, i, &v)
                                : 0;
                if (m2 > m && v == 1)
                    m = m2;
                /* 一方田中社長は, 今後山田氏が, その後田中元社長は: a
                 * conjunction or a time adverb (ja/org_lead) run into the
                 * name; 後 after の is "after" where no name starts at it */
                if (!m)
                    m = lead;
                if (!m && c == 0x5F8C && p == 0x306E)
                    m = nx - i;
                /* 先輩中村に, 後輩山田が: a senior or a junior written
                 * against the name (no title: the relation is no role) */
                if (!m && (c == 0x5148 || c == 0x5F8C) && kj_at(d->norm, s->hi, i + 3, "輩"))
                    m = 6;
                /* 同社社長山田太郎氏: 同 and one kanji (同社, 同省, 同党)
                 * name the body met before, its title and the name are
                 * written against it */
                size_t mx, tx;
                if (!m && c == 0x540C && nx < s->hi && (ent_cls(d, nx, &mx) & KJ_CC_KANJI) &&
                    mx < s->hi && ent_first_has(s->x, ENT_F_TITLE, ent_cp(d, mx, &tx)) &&
                    (m = kj_dict_longest(s->x->title_ja, d->norm, s->hi, mx, &v)) > 0)
                    m += mx - i;
                if (m && i + m < s->hi && (ent_cls(d, i + m, &mx) & KJ_CC_KANJI) &&
                    !kj_claimed(d, i + m, mx)) {
                    e = ja_candidate(s, i + m, &pc);
                    if (e > i + m) {
                        i = e;
                        continue;
                    }
                }
            }
        }
        i = ja_run_rest(d, nx, s->hi, cls, &c, &end);
    }
    /* ドルジコワはみている: a later bare surname of a katakana name. With
     * no person key that starts like a katakana word (kana_keys) no lookup
     * below finds one, and the pass has nothing else to do. */
    if (!s->town->kana_keys) {
        paren_affiliations(s);
        return;
    }
    i = s->lo;
    bool after_kata = false; /* the character before i is katakana or ・ */
    while (i < s->hi) {
        /* past characters neither katakana nor ・ the loop only moves on
         * (by the length kj_u8_len gives a valid sequence), and the last
         * of them leaves after_kata false */
        size_t j = ent_skip(d, i, s->hi, KJ_CC_KATA | KJ_CC_DOT);
        if (j != i) {
            after_kata = false;
            i = j;
            continue;
        }
        d->work++;
        size_t nx;
        if ((unsigned char)d->norm[i] != 0xE3) {
            /* katakana and ・ are U+30A1-U+30FC, E3 82 xx and E3 83 xx:
             * any other first byte is past at once */
            size_t n = (size_t)kj_u8_len((unsigned char)d->norm[i]);
            i = n > d->norm_len - i ? d->norm_len : i + n;
            after_kata = false;
            continue;
        }
        c = ent_cp(d, i, &nx);
        if (!ent_kata(c) || after_kata) {
            after_kata = kata_or_dot(c);
            i = nx;
            continue;
        }
        size_t b = i;
        int k = 0;
        while (b < s->hi && k < 30) {
            size_t bn;
            uint32_t bc = ent_cp(d, b, &bn);
            if (!kata_or_dot(bc))
                break;
            b = bn;
            k++;
        }
        char key[200];
        if (b - i + 2 < sizeof key) {
            ent *e = surname_person(s, i, b, NULL);
            if (!e) {
                int kl = ent_key(key, sizeof key, "n:", d->norm + i, b - i);
                e = ent_get(s, KIJI_FACT_PERSON, key, (size_t)kl);
            }
            if (e)
                ent_mention(s, e, i, b);
        }
        /* the run ends in katakana or ・ */
        after_kata = b > i;
        i = b > i ? b : nx;
    }
    paren_affiliations(s);
}

/* ---- English ------------------------------------------------------------------- */

typedef struct tok {
    size_t ns, ne;
} tok;

/* title_ending: the longest span of tokens it looks up, in bytes, plus one */
enum { TITLE_SPAN_MAX = 64 };

/* cap_word past its first letter: a word of two characters or more that
 * is all capitals is a headline word unless it spells initials. */
static bool not_headline(const kiji_doc *d, tok t)
{
    /* all-capital headline words are not names (DEAN FOODS): a lower-case
     * letter anywhere makes a name word */
    for (size_t i = t.ns; i < t.ne; i++) {
        unsigned char x = (unsigned char)d->norm[i];
        if (x >= 'a' && x <= 'z')
            return true;
    }
    /* J. and H.W. / R.J. (initials: capitals, each but the last of a
     * token without its final period followed by a period) are name
     * words */
    bool initials = true;
    for (size_t i = t.ns + 1; i < t.ne && initials; i += 2)
        initials = d->norm[i] == '.';
    return initials;
}

/* A capitalized word. Inline: it is asked of every token, several times,
 * and most start with no capital. */
static inline bool cap_word(const kiji_doc *d, tok t)
{
    unsigned char c = (unsigned char)d->norm[t.ns];
    if (!(c >= 'A' && c <= 'Z'))
        return false;
    return t.ne - t.ns <= 1 || not_headline(d, t);
}

/* en_persons' per-token classes (cls[]) */
enum { TOK_CAP = 1, TOK_THE = 2 };

static bool tok_is(const kiji_doc *d, tok t, const char *w)
{
    size_t n = strlen(w);
    return t.ne - t.ns == n && memcmp(d->norm + t.ns, w, n) == 0;
}

/* Is the word [ws, we) (a surname) written alone elsewhere in the text:
 * whole, with no capitalized word right before or after it (Marlow said,
 * at Marlow's request; not Anna Marlow, not Marlow Foundation)? The
 * appointment of Dennis Marlow then names the person the text calls Marlow,
 * where from Ryan Milk alone may be a company. Each call is one linear
 * search of the text; s->alone_budget bounds the calls per document. */
static bool surname_alone(estate *s, size_t ws, size_t we)
{
    const kiji_doc *d = s->d;
    size_t n = we - ws;
    if (n < 3 || s->alone_budget <= 0)
        return false;
    s->alone_budget--;
    const char *u = d->norm;
    for (size_t i = s->lo; i + n <= s->hi;) {
        const char *h = memchr(u + i, u[ws], s->hi - i - n + 1);
        if (!h)
            break;
        size_t j = (size_t)(h - u);
        i = j + 1;
        s->d->work++;
        if (j == ws || memcmp(h, u + ws, n) != 0 || (j > 0 && ent_asc((unsigned char)u[j - 1])) ||
            (j + n < s->hi && ent_asc((unsigned char)u[j + n])))
            continue;
        /* the word before, past one space or line break */
        size_t p = j;
        if (p > s->lo && (u[p - 1] == ' ' || u[p - 1] == '\n'))
            p--;
        if (p < j && p > s->lo && ent_asc((unsigned char)u[p - 1])) {
            size_t q = p;
            while (q > s->lo && j - q < 40 && (ent_asc((unsigned char)u[q - 1]) || u[q - 1] == '.'))
                q--;
            if ((u[q] >= 'A' && u[q] <= 'Z'))
                continue;
        }
        /* the word after */
        size_t r = j + n;
        if (r + 1 < s->hi && (u[r] == ' ' || u[r] == '\n') && (u[r + 1] >= 'A' && u[r + 1] <= 'Z'))
            continue;
        return true;
    }
    return false;
}

/* the Kadoorie family, the Rothschild clan: a surname before one of these
 * names the family, not a person */
static bool family_word(const kiji_doc *d, tok t)
{
    return tok_is(d, t, "family") || tok_is(d, t, "families") || tok_is(d, t, "clan") ||
           tok_is(d, t, "dynasty");
}

static bool stopword(const kiji_doc *d, tok t)
{
    return ent_stopword(d, t.ns, t.ne);
}

/* Is the four-letter word at a, with the period after it, an English
 * title (Capt., Sens.)? */
static bool title_dot4(const estate *s, size_t a)
{
    char low[5];
    for (int i = 0; i < 5; i++) {
        char c = s->d->norm[a + (size_t)i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return kj_dict_get(s->x->title_en, low, 5, NULL);
}
/* Words of d->norm in [lo, hi): letters, digits, and inner . - '
 * The steps are counted in a local and added to d->work once: through the
 * pointer, every store to out[] would make the count a load and a store
 * at each byte. */
static size_t tokenize(estate *s, tok *out, size_t max)
{
    const kiji_doc *d = s->d;
    const unsigned char *u = (const unsigned char *)d->norm;
    /* the class table: KJ_CC_WORD is ent_asc of an ASCII byte and
     * kj_is_latin of any other character (kj_is_digit is ASCII alone);
     * entries with KJ_CPX_SLOW (never ASCII) are decoded by ent_cp */
    const uint32_t *cx = d->cpx;
    const size_t hi = s->hi;
    const uint8_t *asc = s->x->asc_word;
    uint64_t work = 0;
    size_t n = 0, i = s->lo;
    while (i < hi && n < max) {
        work++;
        uint32_t v = cx[i];
        if (!(v & (KJ_CPX_SLOW | KJ_CC_WORD))) {
            i += v >> KJ_CPX_LEN_SHIFT;
            continue;
        }
        if (v & KJ_CPX_SLOW) {
            size_t nx;
            uint32_t cp = ent_cp(d, i, &nx);
            if (!kj_is_latin(cp)) {
                i = nx;
                continue;
            }
        }
        size_t a = i;
        bool at_space = false;
        while (i < hi) {
            /* a run of one-byte word characters (ASCII letters, digits),
             * most of a word: one step each, with one byte load and one
             * test of asc_word (the entries of cx there, one-byte
             * sequences of KJ_CC_WORD, say the same, in more instructions).
             * No bound in the loop: the NUL byte after the text
             * (d->norm[d->norm_len]) ends every run, and a run that goes on
             * past hi is cut there after it; tokenize runs once, so at most
             * one word past hi is read */
            size_t r = i;
            while (asc[u[r]])
                r++;
            if (r > hi)
                r = hi;
            work += r - i;
            i = r;
            if (i >= hi)
                break;
            work++;
            /* a space, after most words: it ends the word, keeps no period
             * and is stepped over below */
            if (u[i] == ' ') {
                at_space = true;
                break;
            }
            uint32_t w = cx[i];
            if ((w & (KJ_CPX_SLOW | KJ_CC_WORD)) == KJ_CC_WORD) {
                i += w >> KJ_CPX_LEN_SHIFT; /* most characters of a word: asked first */
                continue;
            }
            unsigned char x = u[i];
            if (w & KJ_CPX_SLOW) {
                size_t nx;
                if (!kj_is_latin(ent_cp(d, i, &nx)))
                    break;
                i = nx;
            } else if ((x == '.' || x == '-' || x == '\'') && i + 1 < hi && ent_asc(u[i + 1])) {
                i++;
            } else {
                break;
            }
        }
        if (at_space) {
            /* the step the loop above would take over the space, counted
             * as there (one step, none once out[] is full) */
            out[n++] = (tok){a, i};
            if (n < max) {
                work++;
                i++;
            }
            continue;
        }
        /* U.S. / Mr. keep their final period; a sentence end does not;
         * nor do Capt. / Sens., titles of four letters (en/titles) */
        if (i < hi && u[i] == '.' && cap_word(d, (tok){a, i}) &&
            (i - a <= 3 || (i - a == 4 && title_dot4(s, a))))
            i++;
        out[n++] = (tok){a, i};
    }
    s->d->work += work;
    return n;
}

/* Only spaces (one line break at most) between two tokens. */
static inline bool adjacent(const kiji_doc *d, tok a, tok b)
{
    const char *u = d->norm;
    /* one byte between, as between most words: no loop */
    if (b.ns == a.ne + 1)
        return u[a.ne] == ' ' || u[a.ne] == '\n';
    if (b.ns <= a.ne || b.ns - a.ne > 3)
        return false;
    for (size_t i = a.ne; i < b.ns; i++)
        if (u[i] != ' ' && u[i] != '\n')
            return false;
    return true;
}

static bool poss(const kiji_doc *d, tok t)
{
    return t.ne - t.ns > 2 && d->norm[t.ne - 2] == '\'' && d->norm[t.ne - 1] == 's';
}

/* A word naming a building or a site after the person it honours: John
 * F. Kennedy airport, George Bush Intercontinental Airport, Joe Robbie
 * Stadium (any case: Reuters writes airport lowercase). */
static inline bool facility_word(const kiji_doc *d, tok t)
{
    static const struct {
        const char *w;
        size_t n;
    } w[] = {{"airport", 7},  {"stadium", 7}, {"arena", 5},  {"school", 6},
             {"hospital", 8}, {"library", 7}, {"museum", 6}, {"bridge", 6}};
    size_t n = t.ne - t.ns;
    if (n < 5 || n > 8)
        return false;
    char c = (char)(d->norm[t.ns] | 0x20);
    if (c != 'a' && c != 's' && c != 'h' && c != 'l' && c != 'm' && c != 'b')
        return false;
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (w[k].n == n && w[k].w[0] == c && strncasecmp(d->norm + t.ns, w[k].w, n) == 0)
            return true;
    return false;
}

/* A lowercase body or its paper right after a single capitalized word
 * names it after a person (the Tower commission, the Tower report): the
 * word is no mention of that person (cases/en/person_body). */
static bool body_word(const kiji_doc *d, tok t)
{
    const char *s = d->norm + t.ns;
    switch (t.ne - t.ns) { /* by length: the test runs at every capitalized word */
    case 5:
        return memcmp(s, "board", 5) == 0 || memcmp(s, "panel", 5) == 0;
    case 6:
        return memcmp(s, "report", 6) == 0;
    case 7:
        return memcmp(s, "inquiry", 7) == 0;
    case 10:
        return memcmp(s, "commission", 10) == 0;
    default:
        return false;
    }
}

/* Lowercase words before a lowercase title head: bank chief, central bank
 * president (at most two, never function words). company CEO, firm
 * chairman: the generic company or firm refers back to an employer named
 * before and is no part of the title (GUIDELINES: the role given with the
 * name); a bank or an exchange is the body itself (bank chief). */
static int lower_ext(const kiji_doc *d, const tok *t, int q)
{
    static const char *const fw[] = {"the", "a", "an", "of", "at", "in", "on", "for", "to",
                                     "said", "says", "and", "with", "by", "from", "as", "that",
                                     "is", "was", "were", "has", "have", "had", "its", "their",
                                     "his", "her", "including", "former", "new", "then",
                                     "current", "while", "include", "includes", "left", NULL};
    int k = 0;
    while (q > 0 && k < 2) {
        tok w = t[q - 1];
        unsigned char c = (unsigned char)d->norm[w.ns];
        if (!(c >= 'a' && c <= 'z') || t[q].ns - w.ne != 1 || d->norm[w.ne] != ' ')
            break;
        bool f = false;
        for (int i = 0; fw[i]; i++)
            if (tok_is(d, w, fw[i]))
                f = true;
        /* the firm's chief executive: the possessive names the employer;
         * embattled chief of staff, deposed president: a participle
         * describes the person, it is no part of the office */
        if (f || tok_is(d, w, "company") || tok_is(d, w, "firm") ||
            (w.ne - w.ns > 2 && d->norm[w.ne - 2] == '\'' && d->norm[w.ne - 1] == 's') ||
            (w.ne - w.ns > 3 && d->norm[w.ne - 2] == 'e' && d->norm[w.ne - 1] == 'd'))
            break;
        q--;
        k++;
    }
    return q;
}

/* Does token k open its sentence (after . ? ! or a quote mark, a line
 * break and indentation, or at the start)? */
static bool sentence_initial(const estate *s, const tok *t, int k)
{
    const kiji_doc *d = s->d;
    size_t p = t[k].ns;
    int n = 0;
    while (p > s->lo && (d->norm[p - 1] == ' ' || d->norm[p - 1] == '\n') && n < 8) {
        p--;
        n++;
    }
    if (p <= s->lo)
        return true;
    char c = d->norm[p - 1];
    return c == '.' || c == '?' || c == '!' || c == '"' || n > 1;
}

/* Does its at a refer back to the mention ending at e? Both in one
 * sentence, at most ITS_SPAN bytes apart, and every capitalized word
 * between part of a mention (Brandtex said it would promote its chief
 * operating officer: an unread name may be the body meant). */
enum { ITS_SPAN = 240 };
static bool its_clear(estate *s, size_t e, size_t a)
{
    const kiji_doc *d = s->d;
    if (a < e || a - e > ITS_SPAN)
        return false;
    for (size_t p = e; p < a; p++) {
        unsigned char c = (unsigned char)d->norm[p];
        if ((c == '.' || c == '?' || c == '!') && p + 1 < a &&
            (d->norm[p + 1] == ' ' || d->norm[p + 1] == '\n'))
            return false;
        if (c >= 'A' && c <= 'Z' && p > e && !ent_word((unsigned char)d->norm[p - 1]) &&
            !ent_overlaps(s, p, p + 1))
            return false;
    }
    return true;
}

/* company CEO Steve Jobs, the bank's chairman Erik Lund, its president
 * Ann Lee: the generic company, firm or bank (a possessive after the), or
 * its, right before a title
 * refers back to the employer: the organization mentioned last before
 * word w (for a bank, the last with Bank in its name). Read back at most
 * ANA_BACK mentions within ANA_WINDOW bytes; NULL when the word is no
 * such reference or none fits. Capitalized words between the body and
 * its end the reference, up to byte clear (named Ann Lee as its
 * president: the name being read is no other body). */
static ent *en_firm_anaphor(estate *s, const tok *t, int w, size_t clear)
{
    kiji_doc *d = s->d;
    /* most words before a title are none of the five: their first letter
     * says so without a compare */
    char c = d->norm[t[w].ns];
    if (c != 'c' && c != 'f' && c != 'b' && c != 'C' && c != 'F' && c != 'i' && c != 'I')
        return NULL;
    bool bank = false;
    /* its president Nora Keld: its refers back to the body named last,
     * unless a place was named after it (Canada and its prime minister) */
    bool its = tok_is(d, t[w], "its") || tok_is(d, t[w], "Its");
    bool ref = its || tok_is(d, t[w], "company") || tok_is(d, t[w], "firm");
    /* Company chairman Ann Lee: capitalized only because it opens the
     * sentence */
    if (!ref && (tok_is(d, t[w], "Company") || tok_is(d, t[w], "Firm")) && sentence_initial(s, t, w))
        ref = true;
    /* the company's, the bank's: a possessive after the article only (a
     * bank's chairman is any bank's) */
    if (!ref && w > 0 &&
        (tok_is(d, t[w], "company's") || tok_is(d, t[w], "firm's") ||
         (bank = tok_is(d, t[w], "bank's"))) &&
        (tok_is(d, t[w - 1], "the") || tok_is(d, t[w - 1], "The")))
        ref = true;
    /* a parent company, another firm: some other body */
    if (!ref || (w > 0 && (tok_is(d, t[w - 1], "a") || tok_is(d, t[w - 1], "an") ||
                           tok_is(d, t[w - 1], "another") || tok_is(d, t[w - 1], "parent") ||
                           tok_is(d, t[w - 1], "holding") || tok_is(d, t[w - 1], "other"))))
        return NULL;
    size_t a = t[w].ns;
    size_t i = ent_frozen_from(s, a);
    for (int n = 0; i > 0 && n < ANA_BACK; n++) {
        d->work++;
        const mref *m = &s->mr[--i];
        if (m->ne + ANA_WINDOW < a)
            break;
        if (its && m->ne <= a && m->e->type == KIJI_FACT_PLACE)
            return NULL;
        if (m->ne > a || m->e->type != KIJI_FACT_ORGANIZATION || !m->e->name)
            continue;
        if (its && !its_clear(s, m->ne, clear < a ? clear : a))
            return NULL;
        if (!bank || strstr(m->e->name, "Bank") || strstr(m->e->name, "bank"))
            return m->e;
    }
    return NULL;
}

/* The name in "the union's chairman, Karl Brandt, said" ends the
 * apposition at e: a comma, a full stop or a speech verb follows, not a
 * noun it modifies (vice president, South Asian marketing). */
static bool apposed_name_end(const kiji_doc *d, size_t e)
{
    if (e >= d->norm_len)
        return true;
    char c = d->norm[e];
    if (c == ',' || c == '.' || c == ';' || c == ')')
        return true;
    static const char *const v[] = {" said", " says", " told", "\nsaid", "\nsays", "\ntold", NULL};
    for (int i = 0; v[i]; i++) {
        size_t n = strlen(v[i]);
        if (e + n <= d->norm_len && memcmp(d->norm + e, v[i], n) == 0 &&
            (e + n == d->norm_len || !ent_word((unsigned char)d->norm[e + n])))
            return true;
    }
    return false;
}

/* Is an organization already read named by the words [a, b) and a
 * company word of en/company_words after them (American Express Co, Acme
 * Inc)? A fixed number of registry lookups. */
static ent *org_named_ent(estate *s, size_t a, size_t b)
{
    const kj_wordlist *suf = s->x->company_en;
    char key[128] = "n:"; /* org_for's key: "n:" and the name */
    if (b <= a || b - a > 96)
        return NULL;
    size_t k = 2 + ent_strnorm_to(key + 2, s->d->norm + a, b - a);
    /* every key tried below starts with the run's first word */
    if (!ent_org_first_word(s, key, k))
        return NULL;
    /* keys leave out the legal form (rec_org.c kj_org_base) */
    ent *o = ent_get(s, KIJI_FACT_ORGANIZATION, key, k);
    if (o)
        return o;
    key[k++] = ' ';
    for (size_t i = 0; i < suf->n; i++) {
        size_t sl = strlen(suf->lines[i]);
        if (k + sl >= sizeof key)
            continue;
        memcpy(key + k, suf->lines[i], sl);
        o = ent_get(s, KIJI_FACT_ORGANIZATION, key, k + sl);
        if (o)
            return o;
    }
    return NULL;
}

static bool org_named(estate *s, size_t a, size_t b)
{
    return org_named_ent(s, a, b) != NULL;
}

/* How many of the latest entities a said-subject's short form is looked
 * for among: news articles read far fewer, and a long text stays linear. */
#define ORG_SHORT_REACH 256

/* Computer Terminal said, after Computer Terminal Systems Inc: the words
 * [a, b) are the first whole words of an organization already read. One
 * pass over the latest ORG_SHORT_REACH entities, made only for a
 * said-subject with no title; *count gets how many organizations there
 * open with those words. */
static ent *org_short_count(estate *s, size_t a, size_t b, bool *surname, int *count)
{
    char key[128];
    *surname = false;
    *count = 0;
    if (b <= a || b - a > 96)
        return NULL;
    size_t k = ent_strnorm_to(key, s->d->norm + a, b - a);
    ent *hit = NULL;
    int n = 0;
    for (size_t i = s->ne > ORG_SHORT_REACH ? s->ne - ORG_SHORT_REACH : 0; i < s->ne; i++) {
        ent *o = s->e[i];
        if (o->type == KIJI_FACT_PERSON && o->surname && o->surlen == k &&
            memcmp(o->surname, key, k) == 0)
            *surname = true;
        if (o->type == KIJI_FACT_ORGANIZATION && o->namelen > k && o->name[k] == ' ' &&
            memcmp(o->name, key, k) == 0 && o != hit) {
            hit = o;
            n++;
        }
    }
    *count = n;
    return n == 1 ? hit : n ? s->e[0] : NULL;
}

/* org_short_count's answer alone: *surname set, and the organization
 * whose first words [a, b) are, or s->e[0] when several such are read. */
static ent *org_short_ent(estate *s, size_t a, size_t b, bool *surname)
{
    int n;
    return org_short_count(s, a, b, surname, &n);
}

/* The one organization read before whose first words [a, b) are, where
 * they are no person's surname: NULL when none, several or a surname. */
static ent *org_short_one(estate *s, size_t a, size_t b)
{
    bool sur;
    int n;
    ent *o = org_short_count(s, a, b, &sur, &n);
    return n == 1 && !sur && o->type == KIJI_FACT_ORGANIZATION ? o : NULL;
}

static bool org_short_form(estate *s, size_t a, size_t b)
{
    bool sur;
    return org_short_ent(s, a, b, &sur) != NULL;
}

/* Hollowell said, after Hollowell Whampoa Ltd: a said-subject that is the
 * first words of exactly one organization read before, and no surname of
 * a person read nor a place, is a mention of it. */
static void org_short_mention(estate *s, size_t a, size_t b)
{
    bool sur;
    ent *o = org_short_ent(s, a, b, &sur);
    if (!o || sur || o->type != KIJI_FACT_ORGANIZATION || ent_overlaps(s, a, b))
        return;
    /* exactly one: a second prefix match leaves it (org_short_ent gives
     * s->e[0] then, which must be that one organization to count) */
    size_t k = b - a, n = 0;
    for (size_t i = s->ne > ORG_SHORT_REACH ? s->ne - ORG_SHORT_REACH : 0; i < s->ne && n < 2; i++) {
        const ent *e = s->e[i];
        n += e->type == KIJI_FACT_ORGANIZATION && e->namelen > k && e->name[k] == ' ' &&
             memcmp(e->name, s->d->norm + a, k) == 0;
    }
    if (n == 1)
        ent_mention(s, o, a, b);
}

/* Halvik after Halvik Corp, Hollowell after Hollowell Whampoa Ltd: the
 * organization read before that the capitalized words [a, b) name by
 * itself or as its first words (exactly one such, no person's surname),
 * NULL when none or when another name holds the words. */
static ent *org_read_before(estate *s, size_t a, size_t b)
{
    if (b <= a || ent_overlaps(s, a, b))
        return NULL;
    ent *o = org_named_ent(s, a, b);
    if (o)
        return o->type == KIJI_FACT_ORGANIZATION ? o : NULL;
    return org_short_one(s, a, b);
}

static bool func_word(const kiji_doc *d, tok t)
{
    static const char *const fw[] = {
        "who",  "which",  "that",    "is",     "was",    "also",    "and",      "has",       "had",
        "will", "would",  "said",    "says",   "as",     "now",     "formerly", "currently", "be",
        "been", "become", "becomes", "became", "remain", "remains", NULL};
    for (int i = 0; fw[i]; i++)
        if (tok_is(d, t, fw[i]))
            return true;
    return false;
}

static bool particle(const kiji_doc *d, tok t)
{
    /* every particle opens with one of these letters: most words stop at
     * this test */
    char c = d->norm[t.ns];
    if (c != 'a' && c != 'b' && c != 'v' && c != 'd')
        return false;
    return tok_is(d, t, "al") || tok_is(d, t, "bin") || tok_is(d, t, "van") ||
           tok_is(d, t, "von") || tok_is(d, t, "de") || tok_is(d, t, "da") || tok_is(d, t, "del") ||
           tok_is(d, t, "der") || tok_is(d, t, "di") ||
           (t.ne - t.ns > 3 && c == 'a' && d->norm[t.ns + 1] == 'l' && d->norm[t.ns + 2] == '-');
}

/* Orvane Cinemas named Ann Lee as its president: a verb that gives the
 * person after it a role (active voice, any tense). */
static bool naming_verb(const kiji_doc *d, tok w)
{
    static const char *const v[] = {"named",  "names",     "name",     "elected",   "elects",
                                    "elect",  "appointed", "appoints", "appoint",   "hired",
                                    "hires",  "picked",    "picks",    "promoted",  "promotes",
                                    "tapped", "taps",      "chose",    "chosen",    "selected",
                                    NULL};
    /* the first letter before a whole compare: most verbs stop there */
    char c = d->norm[w.ns];
    for (int i = 0; v[i]; i++)
        if (v[i][0] == c && tok_is(d, w, v[i]))
            return true;
    return false;
}

/* Ann Lee has been elected president: the token after a verb phrase of
 * en/title_verbs written right at token j (words parted by one space),
 * else -1. A few phrases of a few words: a bounded compare each. */
static int title_verb_end(const estate *s, const tok *t, int n, int j)
{
    const kiji_doc *d = s->d;
    const kj_wordlist *wl = s->x->title_verbs_en;
    if (j >= n)
        return -1;
    char c = d->norm[t[j].ns];
    /* a word no phrase starts with (said, told): no phrase compared */
    unsigned char uc = (unsigned char)c;
    if (!(s->x->title_verb_first[uc >> 6] >> (uc & 63) & 1))
        return -1;
    for (size_t i = 0; i < wl->n; i++) {
        const char *ph = wl->lines[i];
        /* the first letter before the length: most phrases stop there */
        if (ph[0] != c)
            continue;
        size_t l = strlen(ph);
        if (t[j].ns + l > s->hi || memcmp(d->norm + t[j].ns, ph, l) != 0)
            continue;
        for (int z = j; z < n && z < j + 5 && t[z].ne <= t[j].ns + l; z++)
            if (t[z].ne == t[j].ns + l)
                return z + 1 < n ? z + 1 : -1;
    }
    return -1;
}

static int title_ending_looked_up(estate *s, const tok *t, int k);

/* Longest English title (lowercased dict) ending at token k: its first
 * token. Inline as far as the tests that rule out most words, which
 * need no copy of the word (title_ending_looked_up does the rest). */
static inline int title_ending(estate *s, const tok *t, int k)
{
    const kiji_doc *d = s->d;
    /* every span tried is its tokens joined by one space (a line break
     * reads as one: adjacency below), so a key that matches ends in
     * t[k]'s own text after its last space; a word that ends no title
     * (title_last_en) ends no span either, and a token of 64 bytes or
     * more makes every span too long (TITLE_SPAN_MAX) */
    size_t kn = t[k].ne - t[k].ns;
    if (kn >= TITLE_SPAN_MAX)
        return -1;
    /* most words end no title: a key that is the word has its first and
     * last letter, and title_last_fl holds every such pair (a word that
     * begins or ends with no letter is looked up) */
    unsigned char c0 = (unsigned char)d->norm[t[k].ns], c1 = (unsigned char)d->norm[t[k].ne - 1];
    unsigned f = (c0 >= 'A' && c0 <= 'Z' ? c0 + 32u : c0) - 'a';
    unsigned l = (c1 >= 'A' && c1 <= 'Z' ? c1 + 32u : c1) - 'a';
    if (f < 26 && l < 26 && !(s->x->title_last_fl[f] >> l & 1))
        return -1;
    return title_ending_looked_up(s, t, k);
}

/* title_ending past its first tests (the word at k is shorter than
 * TITLE_SPAN_MAX): the word looked up, then the spans of up to four
 * tokens ending at it. */
static int title_ending_looked_up(estate *s, const tok *t, int k)
{
    const kiji_doc *d = s->d;
    /* the spans all end at token k: the longest one that qualifies is
     * lowercased once, the shorter ones are its tails */
    char low[TITLE_SPAN_MAX];
    size_t kn = t[k].ne - t[k].ns;
    for (size_t i = 0; i < kn; i++) {
        char c = d->norm[t[k].ns + i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (!kj_dict_get(s->x->title_last_en, low, kn, NULL))
        return -1;
    size_t base = SIZE_MAX;
    for (int len = 4; len >= 1; len--) {
        int a = k - len + 1;
        if (a < 0)
            continue;
        bool adj = true;
        for (int j = a; j < k; j++)
            if (t[j + 1].ns - t[j].ne > 1 || (d->norm[t[j].ne] != ' ' && d->norm[t[j].ne] != '\n'))
                adj = false;
        if (!adj || t[k].ne - t[a].ns >= TITLE_SPAN_MAX)
            continue;
        size_t n = t[k].ne - t[a].ns;
        if (base == SIZE_MAX) {
            base = t[a].ns;
            for (size_t i = 0; i < n; i++) {
                char c = d->norm[t[a].ns + i];
                low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c == '\n' ? ' ' : c);
            }
        }
        int32_t v;
        if (kj_dict_get(s->x->title_en, low + (t[a].ns - base), n, &v))
            return a;
    }
    return -1;
}

/* John Harlow, its chairman,: a title in the apposition that opens at
 * token j (right after the name's comma), up to the next comma, full
 * stop or semicolon and at most eight words; or an apposition that only
 * a person takes: an age of one to three digits before a comma (John
 * Harlow, 71,) or who (John Harlow, who founded it). */
static bool apposed_title(estate *s, const tok *t, int n, int j)
{
    const kiji_doc *d = s->d;
    if (j < n && tok_is(d, t[j], "who"))
        return true;
    if (j < n && t[j].ne - t[j].ns <= 3 && t[j].ne < s->hi && d->norm[t[j].ne] == ',') {
        bool age = true;
        for (size_t z = t[j].ns; z < t[j].ne; z++)
            age = age && kj_is_digit((unsigned char)d->norm[z]);
        if (age)
            return true;
    }
    for (int q = j; q < n && q < j + 8; q++) {
        if (q > j) {
            bool stop = false;
            for (size_t z = t[q - 1].ne; z < t[q].ns; z++)
                if (d->norm[z] == ',' || d->norm[z] == '.' || d->norm[z] == ';')
                    stop = true;
            if (stop)
                break;
        }
        if (title_ending(s, t, q) >= 0)
            return true;
    }
    return false;
}

/* One capitalized word is a name after a title right before it (President
 * Reagan, Energy Minister Subroto, system spokesman Beesley): [ts, te) is
 * the title, a the word's start, j the token after the run. Not after a
 * one-word title that also starts names of things (en/weak_titles: General
 * Binding, Chief Justice, King Jr.; official, also an adjective: official
 * Opec prices),
 * not when a possessive name was cut off the run
 * (President Barack Obama's: the name is two words) and not a suffix. */
static bool title_one(estate *s, const tok *t, int n, int j, size_t ts, size_t te, size_t a)
{
    const kiji_doc *d = s->d;
    if (te <= ts || te > a || a - te > 1)
        return false;
    if (kj_dict_get(s->x->weak_title_en, d->norm + ts, te - ts, NULL))
        return false; /* en/weak_titles */
    /* official, also an adjective, heads no title of one name word
     * (below official Opec prices) */
    if (te - ts >= 8 && strncasecmp(d->norm + te - 8, "official", 8) == 0 &&
        (te - ts == 8 || d->norm[te - 9] == ' ' || d->norm[te - 9] == '\n'))
        return false;
    if (j < n && adjacent(d, t[j - 1], t[j]) && cap_word(d, t[j]))
        return false;
    static const char *const sfx[] = {"Jr", "Jr.", "Sr", "Sr.", NULL};
    for (int i = 0; sfx[i]; i++)
        if (tok_is(d, t[j - 1], sfx[i]))
            return false;
    return true;
}

/* Kestrel Hartley analyst Mira Telford, Banque Orlane economist: capitalized
 * words [k, j) right before a one-word lowercase title and a capitalized
 * name are the employer's name, not a person, unless they open with a
 * given name (data/en/given_names.txt), open the sentence (Automotive
 * analyst) or name a person met before. */
static bool employer_before(estate *s, const tok *t, int n, int k, int j)
{
    const kiji_doc *d = s->d;
    int32_t v;
    if (j + 1 >= n || !adjacent(d, t[j - 1], t[j]) || !adjacent(d, t[j], t[j + 1]) ||
        cap_word(d, t[j]) || !cap_word(d, t[j + 1]) || stopword(d, t[j + 1]))
        return false;
    if (title_ending(s, t, j) != j)
        return false;
    /* a firm's people (en/firm_people): Social Affairs minister, Senate
     * Republican leader name an office, not an employer */
    if (!kj_dict_get(s->x->firm_people_en, d->norm + t[j].ns, t[j].ne - t[j].ns, NULL))
        return false;
    /* Automotive analyst, Republican chairman: an adjective (-ive, -al,
     * -ic, -an) alone is no firm's name, nor after another word when it
     * is a demonym or a party's (Senate Republican spokesman); after
     * another word it may end one (Orbis Capital analyst). AC and R
     * chairman: a letter after and is the tail of a name the run does
     * not hold */
    size_t le = t[j - 1].ne, ll = le - t[j - 1].ns;
    static const char *const adj[] = {"ive", "al", "ic", "an", NULL};
    bool one = j - 1 == k;
    bool party = !one && (kj_dict_get(s->x->party_en, d->norm + t[j - 1].ns, ll, &v) ||
                          kj_dict_get(s->x->demonym, d->norm + t[j - 1].ns, ll, &v));
    for (int i = 0; adj[i] && (one || party); i++) {
        size_t al = strlen(adj[i]);
        if (ll > al + 2 && memcmp(d->norm + le - al, adj[i], al) == 0)
            return false;
    }
    if (t[k].ne - t[k].ns < 2 ||
        (k > 0 && (tok_is(d, t[k - 1], "and") || tok_is(d, t[k - 1], "of"))))
        return false;
    /* a word opening the sentence may be an adjective or a desk's name
     * (Automotive analyst, Research director); two words or more there
     * are a firm's name as they are elsewhere (Orbis Capital analyst) */
    if (kj_dict_get(s->x->given_en, d->norm + t[k].ns, t[k].ne - t[k].ns, &v) ||
        (one && sentence_initial(s, t, k)))
        return false;
    /* Reagan spokesman after President Reagan: a person named before */
    return !surname_person(s, t[k].ns, t[j - 1].ne, NULL);
}

/* president of Halvik, Tom Rask; Tom Rask, chairman of Orvane: the one
 * or two capitalized words [a, b) after a firm's title (data/en/
 * firm_people.txt, at token h) and "of", closed by a comma or the
 * sentence's end, that no other name holds, name an organization of
 * their own when no word is a stopword or a title's, the first no given
 * name and the words no person's surname nor the first words of names
 * read before (org_read_before takes exactly one); NULL when not. */
static ent *org_after_title(estate *s, const tok *t, int h, int a, int b)
{
    const kiji_doc *d = s->d;
    int32_t v;
    size_t ns = t[a].ns, ne = t[b].ne;
    if (b < a || b - a > 1 || ne >= s->hi || ne - ns > 96 ||
        (d->norm[ne] != ',' && d->norm[ne] != '.') ||
        !kj_dict_get(s->x->firm_people_en, d->norm + t[h].ns, t[h].ne - t[h].ns, NULL) ||
        kj_dict_get(s->x->given_en, d->norm + ns, t[a].ne - ns, &v) || ent_overlaps(s, ns, ne) ||
        kj_claimed(d, ns, ne) || surname_person(s, ns, ne, NULL))
        return NULL;
    /* Orvane after Orvane Mills Inc and Orvane Foods Ltd: the first words
     * of more than one name read before name none of them, nor a new one */
    bool sur;
    if (org_short_ent(s, ns, ne, &sur))
        return NULL;
    for (int q = a; q <= b; q++)
        if (!cap_word(d, t[q]) || stopword(d, t[q]) || t[q].ne - t[q].ns < 2 ||
            title_ending(s, t, q) >= 0 || poss(d, t[q]))
            return NULL;
    char nb[128], key[160];
    size_t nl = ent_strnorm_to(nb, d->norm + ns, ne - ns);
    int kl = ent_key(key, sizeof key, "n:", nb, nl);
    if (kl <= 0 || (size_t)kl >= sizeof key)
        return NULL;
    ent *o = ent_make(s, KIJI_FACT_ORGANIZATION, key, (size_t)kl);
    if (!o->name)
        ent_set_name(s, o, d->norm + ns, ne - ns);
    return o;
}

static void en_persons(estate *s)
{
    kiji_doc *d = s->d;
    size_t max = (s->hi - s->lo) / 2 + 1;
    /* not zeroed: tokenize writes t[0, n) and nothing reads past n */
    tok *t = kj_alloc_raw(d, max * sizeof *t);
    int n = (int)tokenize(s, t, max);
    /* cls[k]: what the loops below ask of token k at every token, once:
     * TOK_CAP is cap_word, TOK_THE is "the" or "The" (t[] is final here) */
    uint8_t *cls = kj_alloc(d, (size_t)(n > 0 ? n : 1));
    /* caps[0, ncap): the tokens with TOK_CAP, thes[0, nthe) those with
     * TOK_THE, in order: the loops below that stop only at those go from
     * one to the next, not through every token */
    int *caps = kj_alloc_raw(d, (size_t)(n > 0 ? n : 1) * sizeof *caps);
    int *thes = kj_alloc_raw(d, (size_t)(n > 0 ? n : 1) * sizeof *thes);
    int ncap = 0, nthe = 0;
    for (int q = 0; q < n; q++) {
        /* most tokens start with a small letter other than t: they have no
         * class (cls[] is zeroed), found at one test of the first byte */
        const char *w = d->norm + t[q].ns;
        unsigned char c0 = (unsigned char)w[0];
        uint8_t k = 0;
        if ((unsigned char)(c0 - 'A') >= 26 && c0 != 't')
            continue;
        if (c0 >= 'A' && c0 <= 'Z' && cap_word(d, t[q])) {
            k = TOK_CAP;
            caps[ncap++] = q;
        }
        if ((c0 == 't' || c0 == 'T') && t[q].ne - t[q].ns == 3 && w[1] == 'h' && w[2] == 'e') {
            k |= TOK_THE;
            thes[nthe++] = q;
        }
        cls[q] = k;
    }
    /* opens[k]: token k opens a person's name of two words or more read
     * below (the Tom of Tom Brandt), which the later one-word mentions
     * leave alone */
    bool *opens = kj_alloc(d, (size_t)(n > 0 ? n : 1) * sizeof *opens);
    int k = 0;
    struct {
        int k;
        ent *e;
        size_t tl; /* strlen(e->title), set once the titles are final */
    } last[8]; /* the last persons named with a title, for "the minister" */
    int nlast = 0;
    /* the steps of the loops below in a local, added to d->work after
     * each (a store to it at each token would be a load and a store) */
    uint64_t steps = 0;
    int ci = 0; /* caps[ci]: the first token with TOK_CAP at k or after */
    while (k < n) {
        steps++;
        /* most tokens open no name: on to the next with a capital at
         * once (k only grows), a step for each token passed */
        if (!(cls[k] & TOK_CAP)) {
            while (ci < ncap && caps[ci] <= k)
                ci++;
            int nk = ci < ncap ? caps[ci] : n;
            steps += (uint64_t)(nk - k - 1);
            k = nk;
            continue;
        }
        /* a name: 2-4 capitalized tokens (particles inside) */
        int32_t v;
        /* Jan de Vries, Jan Smit: a given name that is also a stopword (a
         * month's short form) opens a name before a particle and a
         * capitalized word, or before a capitalized word alone (a month
         * comes before a day's number, not a capitalized word) */
        if (!(cls[k] & TOK_CAP) ||
            (stopword(d, t[k]) &&
             !(k + 1 < n && adjacent(d, t[k], t[k + 1]) &&
               ((k + 2 < n && particle(d, t[k + 1]) && adjacent(d, t[k + 1], t[k + 2]) &&
                 cap_word(d, t[k + 2])) ||
                (cap_word(d, t[k + 1]) && !stopword(d, t[k + 1]))) &&
               kj_dict_get(s->x->given_en, d->norm + t[k].ns, t[k].ne - t[k].ns, &v)))) {
            k++;
            continue;
        }
        int j = k + 1;
        while (j < n && j - k < 12 && adjacent(d, t[j - 1], t[j]) && !poss(d, t[j - 1]) &&
               (((cls[j] & TOK_CAP) && !stopword(d, t[j])) || particle(d, t[j])))
            j++;
        /* Sumitomo's Tsukihara: a possessive before another name is no
         * name; President Barack Obama's aides: before a common word it
         * ends the name (read without 's), and so it does before a
         * name when a given name opens it (Robert Maxwell's Harwick
         * Printing Corp: the owner) */
        if (poss(d, t[j - 1]) && j - 1 > k &&
            ((j < n && adjacent(d, t[j - 1], t[j]) && cap_word(d, t[j]) &&
              !kj_dict_get(s->x->given_en, d->norm + t[k].ns, t[k].ne - t[k].ns, &v)) ||
             ent_overlaps(s, t[j - 1].ns, t[j - 1].ne - 2)))
            j--; /* (George Shultz China's troubles: a place's) */
        /* a facility named after a person is no person: the run ends in
         * its word or runs into it (cases/en/person) */
        if ((j - 1 > k && facility_word(d, t[j - 1])) ||
            (j < n && adjacent(d, t[j - 1], t[j]) && !poss(d, t[j - 1]) &&
             facility_word(d, t[j])) ||
            (j == k + 1 && j < n && adjacent(d, t[k], t[j]) && !poss(d, t[k]) &&
             body_word(d, t[j]))) {
            k = j;
            continue;
        }
        /* General Binding will carry, after General Binding Corp: a run of
         * two words or more that is exactly an organization's name read
         * before, its legal form aside, is a mention of it whatever
         * follows (one word could be a surname; General is no title here) */
        if (j - k >= 2 &&
            !(kj_dict_get(s->x->given_en, d->norm + t[k].ns, t[k].ne - t[k].ns, &v) &&
              ((k > 0 && adjacent(d, t[k - 1], t[k]) && title_ending(s, t, k - 1) >= 0) ||
               (t[j - 1].ne < s->hi && d->norm[t[j - 1].ne] == ',' && apposed_title(s, t, n, j))))) {
            /* (a given name first, after a title or before a comma and
             * an apposed title, is the person the company is named for:
             * chairman John Harlow, John Harlow, its chairman, of John
             * Harlow Inc; sole manager Thomson McKinnon is the firm. A
             * comma alone introduces no person: a fine for Dean Witter, a
             * big broker, after Dean Witter Reynolds Inc) */
            size_t ra = t[k].ns, rb = t[j - 1].ne;
            if (poss(d, t[j - 1]))
                rb -= 2;
            bool overlap = ent_overlaps(s, ra, rb);
            ent *o = overlap ? NULL : org_named_ent(s, ra, rb);
            /* not charging Dean Witter with, after Dean Witter Reynolds
             * Inc: likewise the first words of exactly one company's
             * name with a legal form written before it, no person's
             * surname (org_short_ent); not where the name goes on with
             * "and" (Harlow Minerals and Chemical said) */
            bool and_cap = rb + 5 < s->hi && kj_at(d->norm, s->hi, rb, " and ") &&
                           d->norm[rb + 5] >= 'A' && d->norm[rb + 5] <= 'Z';
            if (!o && !and_cap && !overlap) {
                /* (org_named_ent found none here: what org_read_before
                 * would answer) */
                ent *f = org_short_one(s, ra, rb);
                size_t fl = f ? kj_org_base(f->name, f->namelen) : 0;
                if (f && f->m && f->m[0].ns < ra && fl < f->namelen && fl > rb - ra + 1)
                    o = f;
            }
            if (o && o->type == KIJI_FACT_ORGANIZATION && o->m) {
                ent_mention(s, o, ra, rb);
                k = j;
                continue;
            }
        }
        /* titles inside the run: the name follows the last one */
        int last_title_end = -1, title_start = -1;
        for (int q = k; q < j; q++) {
            int a = title_ending(s, t, q);
            if (a >= k || (a >= 0 && q == k)) {
                last_title_end = q;
                title_start = a;
            }
        }
        if (last_title_end < 0 && employer_before(s, t, n, k, j)) {
            k = j; /* the name after the title takes it as its affiliation */
            continue;
        }
        int ns = last_title_end >= 0 ? last_title_end + 1 : k;
        /* honorifics are not part of the name */
        bool hon = false;
        while (ns < j && kj_dict_get(s->x->honor_en, d->norm + t[ns].ns, t[ns].ne - t[ns].ns, &v)) {
            ns++;
            hon = true;
        }
        /* Governor of the Bank of Canada Paul Arden: the
         * organization before the name is the affiliation */
        ent *lead = NULL;
        int lead_start = -1;
        bool set_lead = false;
        while (ns < j - 1 && ent_overlaps(s, t[ns].ns, t[ns].ne)) {
            if (lead_start < 0)
                lead_start = ns;
            ent *e2 = ent_ending_at(s, t[ns].ne);
            if (e2)
                lead = e2;
            ns++;
        }
        /* back to the first token of that organization (Bank of Canada),
         * at most a name's length (12 tokens) back: entities written
         * edge to edge would otherwise walk to the article's start for
         * every name (quadratic; fuzz/regressions/quadratic) */
        for (int back = 0; back < 12 && lead_start > 0 && lead &&
                           ent_overlaps(s, t[lead_start - 1].ns, t[lead_start - 1].ne);
             back++)
            lead_start--;
        if (lead_start >= 0 && !lead) {
            k = j;
            continue;
        }
        /* Secretary of State Hillary Clinton, Minister of Foreign Affairs
         * Taro Aso, Commissioner for Trade Alan Brooks: after "title of
         * (the)" or "title for" the capitalized words name the office up
         * to the person's given name (data/en/given_names.txt), or, with
         * none known, the last two of three words; an organization there
         * is the lead above (cases/en/person) */
        if (title_start < 0 && ns == k && !lead && j - k >= 3 && k >= 2) {
            int o = k - 1;
            if (tok_is(d, t[o], "the") && o >= 2)
                o--;
            bool of = tok_is(d, t[o], "of"), fo = tok_is(d, t[o], "for");
            int a2 = o >= 1 && (of || fo) && adjacent(d, t[o - 1], t[o]) ? title_ending(s, t, o - 1)
                                                                         : -1;
            int p = -1;
            for (int q = k + 1; a2 >= 0 && q < j - 1 && p < 0; q++)
                if (kj_dict_get(s->x->given_en, d->norm + t[q].ns, t[q].ne - t[q].ns, &v))
                    p = q;
            /* Louw de Graaf, Hans van den Broek: with no given name known,
             * the word before the first particle opens the name */
            for (int q = k + 2; a2 >= 0 && q < j - 1 && p < 0; q++)
                if (particle(d, t[q]) && !cap_word(d, t[q]))
                    p = q - 1;
            /* Chief Inspector of Mines Ahmad Tolu: after a capitalized
             * title's "of" too (chief investment officer of Harbin Value
             * Management names a firm) */
            if (a2 >= 0 && p < 0 && (fo || (of && cap_word(d, t[a2]))) && o == k - 1 && j - k == 3 &&
                !poss(d, t[j - 1]))
                p = k + 1;
            if (p > k) {
                title_start = a2;
                last_title_end = p - 1;
                ns = p;
            }
        }
        int len = j - ns;
        if (len < 1 || len > 4) {
            k = j;
            continue;
        }
        /* General Binding Corp: a name never ends in an organization word */
        if (kj_dict_get(s->x->osuf_en, d->norm + t[j - 1].ns, t[j - 1].ne - t[j - 1].ns, &v)) {
            k = j;
            continue;
        }
        /* the Christian Democrats, a Christian Democrat: nor in a party's
         * member word (en/party_members), a given name before it or not */
        size_t pe = poss(d, t[j - 1]) ? t[j - 1].ne - 2 : t[j - 1].ne;
        if (kj_dict_get(s->x->party_en, d->norm + t[j - 1].ns, pe - t[j - 1].ns, &v)) {
            k = j;
            continue;
        }
        size_t a = t[ns].ns, b = t[j - 1].ne;
        if (poss(d, t[j - 1]) && b - a > 2)
            b -= 2; /* President Reagan's: the name without 's */
        /* Saudi Arabia said: a place or an organization, not a person */
        if (ent_overlaps(s, a, b)) {
            k = j;
            continue;
        }
        /* a title before the run (lowercase: chairman Kenneth Douglas) */
        if (title_start < 0 && ns == k && k > 0 && adjacent(d, t[k - 1], t[k])) {
            int a2 = title_ending(s, t, k - 1);
            if (a2 >= 0) {
                title_start = a2;
                last_title_end = k - 1;
            }
        }
        /* Oman's Oil Minister, Sheikh Omar al-Nuri; the union's
         * chairman, Karl Brandt: a title in apposition before a full name */
        if (title_start < 0 && (ns > k || (j - k >= 2 && apposed_name_end(d, t[j - 1].ne))) && k > 0 && t[k].ns == t[k - 1].ne + 2 &&
            d->norm[t[k - 1].ne] == ',' && d->norm[t[k - 1].ne + 1] == ' ') {
            int a2 = title_ending(s, t, k - 1);
            if (a2 >= 0) {
                title_start = a2;
                last_title_end = k - 1;
            }
        }
        /* the former president of Halvik Corp, Tom Rask: a title of (the)
         * an organization in apposition before a full name; the
         * organization is the affiliation */
        if (title_start < 0 && !lead && (ns > k || (j - k >= 2 && apposed_name_end(d, t[j - 1].ne))) &&
            k >= 3 && t[k].ns == t[k - 1].ne + 2 && d->norm[t[k - 1].ne] == ',' &&
            d->norm[t[k - 1].ne + 1] == ' ') {
            ent *o = ent_ending_at(s, t[k - 1].ne);
            size_t os = SIZE_MAX;
            for (size_t m = 0; o && o->type == KIJI_FACT_ORGANIZATION && m < o->nm; m++)
                if (o->m[m].ne == t[k - 1].ne)
                    os = o->m[m].ns;
            /* the former president of Halvik, Tom Rask, after Halvik
             * Corp: the short form of an organization read before, up to
             * three capitalized words, is that organization */
            bool short_form = false;
            if (!o && cap_word(d, t[k - 1]) && !stopword(d, t[k - 1])) {
                int r = k - 1;
                while (r > 0 && k - 1 - r < 2 && adjacent(d, t[r - 1], t[r]) && cap_word(d, t[r - 1]) &&
                       !stopword(d, t[r - 1]))
                    r--;
                o = org_read_before(s, t[r].ns, t[k - 1].ne);
                /* read for the first time: after a firm's title and of */
                int w = r - 1;
                if (!o && w >= 2 && tok_is(d, t[w], "of") && adjacent(d, t[w - 1], t[w]) &&
                    adjacent(d, t[w], t[r]) && title_ending(s, t, w - 1) >= 0)
                    o = org_after_title(s, t, w - 1, r, k - 1);
                if (o) {
                    os = t[r].ns;
                    short_form = true;
                }
            }
            int q = k - 1;
            while (os != SIZE_MAX && q > 0 && k - q < 12 && t[q].ns > os)
                q--;
            if (os != SIZE_MAX && t[q].ns == os && q >= 2) {
                int w = q - 1;
                if (tok_is(d, t[w], "the") && w >= 2 && adjacent(d, t[w], t[w + 1]))
                    w--;
                int a2 = tok_is(d, t[w], "of") && adjacent(d, t[w], t[w + 1]) &&
                                 adjacent(d, t[w - 1], t[w])
                             ? title_ending(s, t, w - 1)
                             : -1;
                if (a2 >= 0) {
                    title_start = a2;
                    last_title_end = w - 1;
                    lead = o;
                    set_lead = true;
                    if (short_form)
                        ent_mention(s, o, os, t[k - 1].ne);
                }
            }
        }
        if (lead && title_start < 0 && lead_start >= 2 && tok_is(d, t[lead_start - 1], "the") &&
            tok_is(d, t[lead_start - 2], "of") && lead_start >= 3) {
            int a2 = title_ending(s, t, lead_start - 3);
            if (a2 >= 0) {
                set_lead = true;
                title_start = a2;
                last_title_end = lead_start - 3;
            }
        }
        size_t ts = 0, te = 0;
        ent *aff = NULL;
        bool of_org = false;
        if (title_start >= 0) {
            /* Oil Minister, Economic Planning Secretary: capitalized words
             * before the head belong to the title, a demonym or place does not */
            int q = title_start;
            /* bank chief, central bank president: lowercase words before a
             * lowercase head belong to the title */
            if (!cap_word(d, t[q]))
                q = lower_ext(d, t, q);
            /* chairman and managing director Ann Ruiz: and between
             * two titles written alike joins them (an acronym counts as
             * lowercase: president and CEO); the prime minister and
             * President Reagan are two people */
            if (q >= 2 && tok_is(d, t[q - 1], "and") && adjacent(d, t[q - 2], t[q - 1]) &&
                adjacent(d, t[q - 1], t[q])) {
                int a3 = title_ending(s, t, q - 2);
                if (a3 >= 0 && cap_word(d, t[a3]) == cap_word(d, t[q]))
                    q = a3;
            }
            /* Penn Traffic president: the short form of an organization
             * read before (Penn Traffic Co) is the employer, not title */
            ent *named = NULL;
            for (int w = q - 1; w >= 0 && w >= q - 3 && !named && !set_lead; w--) {
                if (!cap_word(d, t[w]) || !adjacent(d, t[w], t[w + 1]))
                    break;
                named = org_named_ent(s, t[w].ns, t[q - 1].ne);
                /* Treasury Secretary: before a capitalized head a body
                 * named just so (no longer name read before) stays in the
                 * title, as Oil Minister does */
                if (named && cap_word(d, t[q]) && named->namelen == t[q - 1].ne - t[w].ns)
                    named = NULL;
            }
            int q0 = q;
            while (!named && q > 0 && cap_word(d, t[q - 1]) && !set_lead && !poss(d, t[q - 1]) &&
                   adjacent(d, t[q - 1], t[q]) && !stopword(d, t[q - 1])) {
                int32_t dv;
                size_t dn = kj_dict_longest(s->x->demonym, d->norm, t[q - 1].ne + 1, t[q - 1].ns, &dv);
                if (dn == t[q - 1].ne - t[q - 1].ns || ent_ending_at(s, t[q - 1].ne) ||
                    (d->norm[t[q - 1].ne - 1] == '.' && ent_ending_at(s, t[q - 1].ne - 1)))
                    break;
                /* Company chairman Ann Lee: the generic company opening
                 * the sentence refers back to the employer (en_firm_anaphor) */
                if ((tok_is(d, t[q - 1], "Company") || tok_is(d, t[q - 1], "Firm")) &&
                    sentence_initial(s, t, q - 1))
                    break;
                /* Mr Justice Smith: the honorific is no part of the title */
                if (kj_dict_get(s->x->honor_en, d->norm + t[q - 1].ns, t[q - 1].ne - t[q - 1].ns, &dv))
                    break;
                /* Saudi Arabian: a two-word demonym */
                if (q >= 2 && kj_dict_get(s->x->demonym, d->norm + t[q - 2].ns,
                                          t[q - 1].ne - t[q - 2].ns, &dv))
                    break;
                q--;
            }
            ts = t[q].ns;
            te = t[last_title_end].ne;
            /* Kestrel Hartley analyst: the capitalized words before a lowercase
             * title name the employer (employer_before) */
            if (q < q0 && q0 == title_start && !cap_word(d, t[q0]) &&
                employer_before(s, t, n, q, q0) && !ent_ending_at(s, t[q0 - 1].ne)) {
                size_t os = t[q].ns, oe = t[q0 - 1].ne;
                char key[160];
                int kl = ent_key(key, sizeof key, "n:", d->norm + os, oe - os);
                if (kl > 0 && (size_t)kl < sizeof key) {
                    aff = ent_make(s, KIJI_FACT_ORGANIZATION, key, (size_t)kl);
                    if (!aff->name)
                        ent_set_name(s, aff, d->norm + os, oe - os);
                    ent_mention(s, aff, os, oe);
                    ts = t[q0].ns;
                    q = 0; /* nothing more before it */
                }
            }
            /* acquired by Acme Management. Analyst Ann Lee: a full stop
             * between the words and the title parts them (Acme Corp.
             * Chairman: the period of a legal form does not) */
            if (q > 0 && d->norm[t[q - 1].ne] == '.' &&
                !kj_dict_get(s->x->osuf_en, d->norm + t[q - 1].ns, t[q - 1].ne + 1 - t[q - 1].ns, NULL))
                q = 0;
            if (q > 0) {
                /* Saudi Arabian / German / Dean Foods before the title */
                int dw = q - 1;
                for (int w = (q >= 2 ? q - 2 : q - 1); w < q && !aff; w++) {
                    int32_t dv;
                    size_t span = t[q - 1].ne - t[w].ns;
                    if (kj_dict_get(s->x->demonym, d->norm + t[w].ns, span, &dv)) {
                        aff = place_entity(s, dv);
                        dw = w;
                    }
                }
                if (!aff)
                    aff = named ? named : ent_ending_at(s, t[q - 1].ne);
                /* the mayor told Bloomberg Interior Secretary Aldo Ferrante: the
                 * organization told is the listener, not the employer */
                if (aff && aff->type == KIJI_FACT_ORGANIZATION) {
                    int w = q - 1;
                    for (int back = 0; back < 8 && w > 0 && adjacent(d, t[w - 1], t[w]) &&
                                       ent_overlaps(s, t[w - 1].ns, t[w - 1].ne);
                         back++)
                        w--;
                    if (w > 0 && (tok_is(d, t[w - 1], "told") || tok_is(d, t[w - 1], "tell") ||
                                  tok_is(d, t[w - 1], "tells") || tok_is(d, t[w - 1], "telling")))
                        aff = NULL;
                }
                /* Apple Inc. CEO: the name may end before the period */
                if (!aff && d->norm[t[q - 1].ne - 1] == '.')
                    aff = ent_ending_at(s, t[q - 1].ne - 1);
                if (!aff && poss(d, t[q - 1]))
                    aff = ent_ending_at(s, t[q - 1].ne - 2); /* Oman's Oil Minister */
                if (!aff)
                    aff = en_firm_anaphor(s, t, q - 1, t[q - 1].ns);
                if (aff && aff->type == KIJI_FACT_PLACE && !aff->name) {
                    const kj_place *p = &s->x->places[aff->place];
                    const char *c = p->canon_en ? p->canon_en : p->code;
                    ent_set_name(s, aff, c, strlen(c));
                    ent_mention(s, aff, t[dw].ns, t[q - 1].ne);
                }
            }
        }
        if (set_lead)
            aff = lead;
        /* Name, title of/at Org, -- or Name has been elected title of
         * Org (en/title_verbs): the title right after the verb phrase */
        bool said = false;
        int jv = te == 0 && b + 2 < s->hi && d->norm[b] == ' ' ? title_verb_end(s, t, n, j) : -1;
        /* Orvane Cinemas named Ann Lee as its president: a naming verb
         * before the name gives the title after as / its, its employer
         * the body its refers to */
        bool namer = jv < 0 && te == 0 && ns >= 1 && j < n && b + 2 < s->hi && d->norm[b] == ' ' &&
                     adjacent(d, t[ns - 1], t[ns]) && naming_verb(d, t[ns - 1]) &&
                     (tok_is(d, t[j], "as") || tok_is(d, t[j], "its"));
        if (te == 0 && b + 2 < s->hi && (d->norm[b] == ',' || jv > j || namer)) {
            const int j0 = j;
            if (jv > j)
                j = jv;
            /* Tom Brandt, 54, president of Orvane Cinemas: an age of one
             * to three digits in apposition goes before the title */
            else if (j + 1 < n && t[j].ns == b + 2 && t[j].ne - t[j].ns <= 3 &&
                     t[j].ne < s->hi && d->norm[t[j].ne] == ',') {
                bool age = true;
                for (size_t z = t[j].ns; z < t[j].ne; z++)
                    age = age && kj_is_digit((unsigned char)d->norm[z]);
                if (age)
                    j++;
            }
            int q = j;
            int h = -1;
            /* joined the firm in March 2001 as chief financial officer: after
             * joined a time phrase may stand between the employer and the
             * title, so the title is looked for further on */
            bool joined = jv > j0 && (tok_is(d, t[j - 1], "joined") || tok_is(d, t[j - 1], "join"));
            while (q < n && q < j + (joined ? 12 : 8)) {
                if (t[q].ns > b + 2 + 80)
                    break;
                bool stop = false;
                for (size_t z = t[q - 1].ne; z < t[q].ns && q > j; z++)
                    if (d->norm[z] == ',' || d->norm[z] == '.' || d->norm[z] == ';')
                        stop = true;
                if (stop)
                    break;
                /* Ann Lee, who told the chairman ...: a verb that
                 * opens another clause; a title after it is someone else's */
                if (tok_is(d, t[q], "said") || tok_is(d, t[q], "says") ||
                    tok_is(d, t[q], "told") || tok_is(d, t[q], "added") ||
                    tok_is(d, t[q], "met") || tok_is(d, t[q], "thanked") ||
                    tok_is(d, t[q], "called") || tok_is(d, t[q], "asked"))
                    break;
                if (title_ending(s, t, q) >= 0)
                    h = q;
                /* of / at / for after the title starts its organization;
                 * before any title it is inside one (Bank of Ghana vice
                 * president) */
                if ((tok_is(d, t[q], "of") || tok_is(d, t[q], "at") || tok_is(d, t[q], "for")) &&
                    (h >= 0 || !cap_word(d, t[q - 1]) || q + 1 >= n || !cap_word(d, t[q + 1])))
                    break;
                /* an analyst with Dean Witter: with after the title starts
                 * the employer too */
                if (h >= 0 && tok_is(d, t[q], "with"))
                    break;
                /* former Orvane president to head the new unit: to and a
                 * verb after the title open what the person will do, and a
                 * title there (head) is no role held (adviser to the
                 * minister keeps its article) */
                if (h >= 0 && tok_is(d, t[q], "to") && q + 1 < n && adjacent(d, t[q], t[q + 1]) &&
                    !cap_word(d, t[q + 1]) && !tok_is(d, t[q + 1], "the") &&
                    !tok_is(d, t[q + 1], "a") && !tok_is(d, t[q + 1], "an") &&
                    !tok_is(d, t[q + 1], "its") && !tok_is(d, t[q + 1], "his") &&
                    !tok_is(d, t[q + 1], "her") && !tok_is(d, t[q + 1], "their"))
                    break;
                q++;
            }
            /* Vehicul Dabrow, a regional official said: an indefinite
             * title right before said / says / told is the clause's own
             * unnamed speaker, no apposition of the words before the comma */
            if (h >= 0 && h + 1 < n && (tok_is(d, t[j], "a") || tok_is(d, t[j], "an")) &&
                adjacent(d, t[h], t[h + 1]) &&
                (tok_is(d, t[h + 1], "said") || tok_is(d, t[h + 1], "says") ||
                 tok_is(d, t[h + 1], "told")))
                h = -1;
            /* Orvane Cinemas, run by chairman Tom Brandt:
             * a title right before a capitalized name is that name's */
            if (h >= 0 && h + 1 < n && adjacent(d, t[h], t[h + 1]) && cap_word(d, t[h + 1]))
                h = -1;
            /* after a verb phrase the title follows at once (an article or
             * as between): was named after his father gives none */
            int nz = -1; /* after a naming verb: the title's first token */
            if (h >= 0 && (jv > j0 || namer)) {
                int ts0 = title_ending(s, t, h);
                int z = j;
                if (z < h && (tok_is(d, t[z], "the") || tok_is(d, t[z], "a") ||
                              tok_is(d, t[z], "an") || tok_is(d, t[z], "as") ||
                              tok_is(d, t[z], "its") || tok_is(d, t[z], "their")))
                    z++;
                /* named Ann Lee as its new president: its after as, and
                 * new before the title, no part of it */
                if (namer && z < h && tok_is(d, t[z - 1], "as") && tok_is(d, t[z], "its"))
                    z++;
                if (namer && z < h && tok_is(d, t[z], "new"))
                    z++;
                /* as its treasurer and general counsel: a title and
                 * another after it */
                if (namer && ts0 > z + 1 && tok_is(d, t[ts0 - 1], "and") && title_ending(s, t, ts0 - 2) == z)
                    ts0 = z;
                if (namer)
                    nz = z;
                /* Ann Lee has joined Orvane Cinemas as president: after
                 * joined the employer comes first, the title right after
                 * its as (joined the chairman in ... gives none) */
                /* as a consultant: an article may stand after as */
                int as = ts0 - 1;
                if (as > j + 1 && (tok_is(d, t[as], "a") || tok_is(d, t[as], "an")))
                    as--;
                if (joined)
                    z = ts0 > j + 1 && as > j && tok_is(d, t[as], "as") ? ts0 : -1;
                if (ts0 != z || !adjacent(d, t[j0 - 1], t[j0]))
                    h = -1;
            }
            if (h >= 0) {
                int st = j;
                /* Orion's chief executive, the Nordic Investment Bank president */
                for (int z = j; z < h; z++) {
                    size_t ze = poss(d, t[z]) ? t[z].ne - 2 : t[z].ne;
                    ent *o = ent_ending_at(s, ze);
                    /* Tom Brandt, former Orvane president, after Orvane
                     * Inc: the short form of a company read before (no
                     * mention of its own there) is the employer too */
                    for (int w = z; !o && w >= j && w > z - 3 && cap_word(d, t[w]) &&
                                    (w == z || adjacent(d, t[w], t[w + 1]));
                         w--)
                        if ((o = org_named_ent(s, t[w].ns, ze)) != NULL &&
                            !ent_overlaps(s, t[w].ns, ze))
                            ent_mention(s, o, t[w].ns, ze);
                    if (o && o->type != KIJI_FACT_PERSON) {
                        aff = o;
                        st = z + 1;
                    } else if (poss(d, t[z])) {
                        st = z + 1;
                    }
                }
                while (st < h && (tok_is(d, t[st], "the") || tok_is(d, t[st], "a") ||
                                  tok_is(d, t[st], "an")))
                    st++;
                /* John Henske, who is also chairman; Ann Lee, who will
                 * become president: the title starts after the clause's
                 * own words */
                for (int z = st; z < h; z++)
                    /* treasurer and vice-president: and between two
                     * titles joins them */
                    if (func_word(d, t[z]) &&
                        !(tok_is(d, t[z], "and") && z > st && title_ending(s, t, z - 1) >= 0))
                        st = z + 1;
                /* joined ... as a director: the article after as is no
                 * part of the title */
                if (st < h && st > j && tok_is(d, t[st - 1], "as") &&
                    (tok_is(d, t[st], "a") || tok_is(d, t[st], "an")))
                    st++;
                if (nz > st)
                    st = nz;
                if (namer && !aff) {
                    int w = st - 1;
                    if (w > j && tok_is(d, t[w], "new"))
                        w--;
                    if (w >= j && tok_is(d, t[w], "its"))
                        aff = en_firm_anaphor(s, t, w, t[ns].ns);
                }
                ts = t[st].ns;
                te = t[h].ne;
                bool of = h + 2 < n && tok_is(d, t[h + 1], "of");
                /* an official with Velmar: with names the employer when an
                 * organization follows (no place, no lowercase phrase) */
                bool with = h + 2 < n && tok_is(d, t[h + 1], "with");
                if (h + 2 < n && (of || with || tok_is(d, t[h + 1], "at") || tok_is(d, t[h + 1], "for"))) {
                    int o = h + 2;
                    if (tok_is(d, t[o], "the") && o + 1 < n)
                        o++;
                    /* the organization mention that starts there */
                    /* the longest organization there (Long-Term Credit Bank of
                     * Japan Ltd, not Japan), else a place */
                    ent *pl = NULL;
                    for (int z = o; z < n && z < o + 10; z++) {
                        size_t ze = poss(d, t[z]) ? t[z].ne - 2 : t[z].ne;
                        if (d->norm[ze - 1] == '.' && !ent_ending_at(s, ze))
                            ze--; /* Ltd. at a sentence end */
                        ent *e = ent_ending_at(s, ze);
                        if (e && e->type == KIJI_FACT_ORGANIZATION)
                            aff = e;
                        else if (e && e->type == KIJI_FACT_PLACE && !pl)
                            pl = e;
                        if (z + 1 < n && !adjacent(d, t[z], t[z + 1]))
                            break;
                    }
                    /* Tom Rask, former president of Halvik, after Halvik
                     * Corp: the short form of an organization read before,
                     * no place, is the employer */
                    if (!aff && !pl && cap_word(d, t[o])) {
                        int z = o;
                        while (z + 1 < n && z - o < 2 && adjacent(d, t[z], t[z + 1]) && !poss(d, t[z]) &&
                               cap_word(d, t[z + 1]) && !stopword(d, t[z + 1]))
                            z++;
                        size_t ze = poss(d, t[z]) ? t[z].ne - 2 : t[z].ne;
                        /* the whole capitalized run, not its first words */
                        bool more = z + 1 < n && adjacent(d, t[z], t[z + 1]) && !poss(d, t[z]) &&
                                    cap_word(d, t[z + 1]);
                        ent *sf = more || stopword(d, t[o]) ? NULL : org_read_before(s, t[o].ns, ze);
                        if (!sf && !more && of && o == h + 2)
                            sf = org_after_title(s, t, h, o, z);
                        if (sf) {
                            aff = sf;
                            ent_mention(s, sf, t[o].ns, ze);
                        }
                    }
                    if (!aff && !with)
                        aff = pl;
                    if (!aff && of && !cap_word(d, t[o])) {
                        /* deputy head of the regional board of water and
                         * soil quality research: the lower-case phrase up
                         * to the apposition's comma, twelve words at most */
                        int z = o;
                        while (z < n && z < o + 12 && !cap_word(d, t[z]) &&
                               t[z].ns - t[z - 1].ne == 1 &&
                               (d->norm[t[z - 1].ne] == ' ' || d->norm[t[z - 1].ne] == '\n')) {
                            /* president of the cable company and
                             * executive vice president of …: and before
                             * another title starts a second role */
                            bool second = false;
                            for (int w = z + 1; tok_is(d, t[z], "and") && w < n && w < z + 5; w++)
                                second = second || title_ending(s, t, w) >= 0;
                            if (second)
                                break;
                            z++;
                        }
                        /* president of the cable company: the firm
                         * spoken of, no part of the role (its "the
                         * company" later is no mention of the person;
                         * of the merged group stays, cases/en/person) */
                        static const char *const firm[] = {"company", "corporation", "firm",
                                                           "concern", NULL};
                        bool body = false;
                        for (int f = 0; firm[f] && o > h + 2 && z > o; f++)
                            body = body || tok_is(d, t[z - 1], firm[f]);
                        /* leader of the moderate Tarvel Workers group:
                         * lower-case words running into a capitalized
                         * name describe that body, no office of the role */
                        if (z < n && z < o + 12 && cap_word(d, t[z]) && adjacent(d, t[z - 1], t[z]))
                            body = true;
                        if (!body)
                            te = t[z - 1].ne;
                    }
                }
                /* Olin Corp said Ann Lee, 54, president, will retire: the
                 * organization saying so right before said / says (that)
                 * is the employer when the title names no body of its own */
                int sv = k - 1;
                if (sv >= 1 && tok_is(d, t[sv], "that") && adjacent(d, t[sv - 1], t[sv]))
                    sv--;
                if (!aff && ns == k && sv >= 1 && adjacent(d, t[sv], t[sv + 1]) &&
                    adjacent(d, t[sv - 1], t[sv]) &&
                    (tok_is(d, t[sv], "said") || tok_is(d, t[sv], "says")) &&
                    !(h + 1 < n && (tok_is(d, t[h + 1], "of") || tok_is(d, t[h + 1], "at") ||
                                    tok_is(d, t[h + 1], "for") || tok_is(d, t[h + 1], "with")))) {
                    size_t oe = t[sv - 1].ne;
                    ent *o = ent_ending_at(s, oe);
                    if (!o && d->norm[oe - 1] == '.')
                        o = ent_ending_at(s, oe - 1); /* Olin Corp. said */
                    if (o && o->type == KIJI_FACT_ORGANIZATION)
                        aff = o;
                }
            }
            j = j0;
        }
        /* Kenji Arata of Harbor Trust Bank */
        if (te == 0 && !aff && j + 1 < n && tok_is(d, t[j], "of") && adjacent(d, t[j - 1], t[j])) {
            for (int z = j + 1; z < n && z < j + 8 && !aff; z++) {
                ent *o = ent_ending_at(s, t[z].ne);
                if (o && o->type == KIJI_FACT_ORGANIZATION && o->m && o->m[0].ns <= t[j + 1].ns + 4)
                    aff = o;
                if (z + 1 < n && !adjacent(d, t[z], t[z + 1]))
                    break;
            }
            if (aff && len >= 2)
                of_org = true;
        }
        if (j < n && tok_is(d, t[j], "said") && adjacent(d, t[j - 1], t[j]))
            said = true;
        if (ns > 0 && tok_is(d, t[ns - 1], "said") && adjacent(d, t[ns - 1], t[ns]))
            said = true;
        if (j < n && (tok_is(d, t[j], "told") || tok_is(d, t[j], "says")) && adjacent(d, t[j - 1], t[j]))
            said = true;
        ent *known = NULL;
        {
            char key[200];
            int kl = ent_key(key, sizeof key, "s:", d->norm + a, b - a);
            if (len == 1 && kl > 0 && (size_t)kl < sizeof key)
                known = ent_get(s, KIJI_FACT_PERSON, key, (size_t)kl);
        }
        /* the subject before said / says / told (said Iranian forces
         * names no company) */
        bool subj = j < n && adjacent(d, t[j - 1], t[j]) &&
                    (tok_is(d, t[j], "said") || tok_is(d, t[j], "says") || tok_is(d, t[j], "told"));
        if (subj && len == 1 && !known && !hon && te <= ts)
            org_short_mention(s, a, b);
        /* Citibank, committee chairman: one word and an apposition is not
         * enough (a title before the name is) */
        if (len == 1 && !known && !hon && !title_one(s, t, n, j, ts, te, a)) {
            k = j;
            continue;
        }
        /* Ellen Milligan: a known given name and one or two more capitalized
         * words */
        bool given = false;
        if (len >= 2 && len <= 4 && ns == k) {
            given = kj_dict_get(s->x->given_en, d->norm + t[ns].ns, t[ns].ne - t[ns].ns, &v);
            /* Antonio Padua de Seixas: a lowercase particle inside does
             * not count among the three words */
            int words = 1;
            for (int q = ns + 1; q < j; q++) {
                bool inner = q < j - 1 && particle(d, t[q]) && !cap_word(d, t[q]);
                given &= inner || (cap_word(d, t[q]) && t[q].ne - t[q].ns >= 2);
                words += !inner;
            }
            given &= words <= 3;
            /* from Ryan Milk, in Christian Democrats: after a preposition of
             * place or source, a company or a place as often as a person */
            static const char *const prep[] = {"from", "of", "at", "in", "into", "on", "to", NULL};
            bool after = false;
            for (int q = 0; given && prep[q] && ns > 0; q++)
                after |= tok_is(d, t[ns - 1], prep[q]);
            /* the appointment of Dennis Marlow ... Marlow said: the surname
             * alone elsewhere makes the name a person's all the same */
            if (after)
                given = surname_alone(s, t[j - 1].ns, t[j - 1].ne);
        }
        /* Savings Corp of Santa Rosa said: after "of", the place or
         * body something belongs to (Chief Inspector of Mines X said: a
         * title's, which the title rules read) */
        if (said && ns > 0 && tok_is(d, t[ns - 1], "of") && te <= ts &&
            !(ns >= 2 && title_ending(s, t, ns - 2) >= 0))
            said = false;
        bool ok = (te > ts) || (said && len >= 2) || known || of_org || given ||
                  (hon && len >= 1); /* Mr. Merz, Sheikh Omar */
        /* American Express said, after American Express Co: the company */
        if (ok && te <= ts && !known && !of_org && !given && !hon &&
            (org_named(s, a, b) || org_short_form(s, a, b)))
            ok = false;
        /* Prime said Prime Medusa/pc is, after Prime Computer Inc: words
         * after said that open with the first word of an organization
         * read before name its product or unit, no person (a given name
         * first stays a person: Arvin Corp said Arvin Lee has ...) */
        if (ok && said && len >= 2 && te <= ts && !known && !of_org && !given && !hon &&
            org_short_form(s, t[ns].ns, t[ns].ne))
            ok = false;
        if (subj && said && !ok && te <= ts && !known && !hon && !memchr(d->norm + a, '\n', b - a))
            org_short_mention(s, a, b);
        if (len == 1 && !known && te <= ts && !hon)
            ok = false;
        /* the Kadoorie family after Michael Kadoorie: the family */
        if (ok && len == 1 && te <= ts && !hon && j < n && adjacent(d, t[j - 1], t[j]) &&
            family_word(d, t[j]))
            ok = false;
        if (!ok) {
            k = j;
            continue;
        }
        ent *e = person(s, a, b, t[j - 1].ns, b, NULL);
        if (e) {
            if (te > ts)
                set_role(s, e, d->norm + ts, te - ts, aff);
            else if (of_org && !e->aff)
                e->aff = aff;
            ent_mention(s, e, a, b);
            if (len >= 2)
                opens[ns] = true;
            if (e->title && nlast < 8) {
                last[nlast].k = j;
                last[nlast++].e = e;
            } else if (e->title) {
                memmove(last, last + 1, 7 * sizeof last[0]);
                last[7].k = j;
                last[7].e = e;
            }
        }
        k = j;
    }
    /* the minister, the chancellor: the last person named before whose
     * title ends in that word. The titles are final here (ent_mention
     * below sets none): their lengths once, not at every token */
    for (int q = 0; q < nlast; q++)
        last[q].tl = strlen(last[q].e->title);
    d->work += steps;
    steps = 0;
    /* a step for each token the loop would pass (k from 1 to n - 1), taken
     * at the tokens after a "the" alone */
    if (nlast && n > 1)
        steps += (uint64_t)(n - 1);
    for (int h = 0; h < nthe && nlast; h++) {
        k = thes[h] + 1;
        if (k >= n || !adjacent(d, t[k - 1], t[k]) || (cls[k] & TOK_CAP))
            continue;
        size_t l = t[k].ne - t[k].ns;
        ent *best = NULL;
        for (int q = 0; q < nlast; q++) {
            const ent *e = last[q].e;
            size_t tl = last[q].tl;
            if (last[q].k > k || tl < l || (tl > l && e->title[tl - l - 1] != ' '))
                continue;
            bool same = true;
            for (size_t z = 0; z < l && same; z++) {
                char c1 = e->title[tl - l + z];
                c1 = (char)(c1 >= 'A' && c1 <= 'Z' ? c1 + 32 : c1);
                same = c1 == d->norm[t[k].ns + z];
            }
            if (same)
                best = last[q].e;
        }
        /* followed by a capitalized name: a title in apposition, not a mention */
        if (best && !(k + 1 < n && adjacent(d, t[k], t[k + 1]) && cap_word(d, t[k + 1])))
            ent_mention(s, best, t[k - 1].ns, t[k].ne);
    }
    d->work += steps;
    steps = 0;
    /* later surname mentions: Merz */
    /* at the tokens with TOK_CAP alone (caps[]), past any a step below
     * took with it (k++); a step for each token, as the walk through all
     * of them would take */
    steps += (uint64_t)n;
    int kdone = -1; /* the last token read or taken */
    for (int ck = 0; ck < ncap; ck++) {
        if (caps[ck] <= kdone)
            continue;
        k = caps[ck];
        kdone = k;
        ent *e = surname_person(s, t[k].ns, t[k].ne, NULL);
        /* Jan 5 after Jan de Vries: a stopword is no later mention; nor is
         * the Kadoorie family, which names the family, not the person */
        if (!e || stopword(d, t[k]))
            continue;
        /* Ford said, after Henry Ford: a word read as an organization's
         * mention is the company's, not the person's surname; so is one
         * inside an organization's name (Dean of Dean Foods Co, with a
         * Howard Dean named too) */
        if (ent_exactly(s, KIJI_FACT_ORGANIZATION, t[k].ns, poss(d, t[k]) ? t[k].ne - 2 : t[k].ne) ||
            ent_covered(s, KIJI_FACT_ORGANIZATION, t[k].ns, t[k].ne))
            continue;
        /* Tom Keller and Tom Brandt: the Tom that opens another
         * person's full name is no mention of the first */
        if (opens[k] && k + 1 < n && adjacent(d, t[k], t[k + 1]))
            continue;
        /* nomination of Robert Gates after Robert Dole: a first name with
         * a capitalized word after it opens someone else's name (the
         * surname of the person read before stays a mention: Dole Fruit) */
        if (k + 1 < n && adjacent(d, t[k], t[k + 1]) && cap_word(d, t[k + 1]) &&
            !stopword(d, t[k + 1]) && e->surname &&
            !(e->surlen == t[k].ne - t[k].ns && !memcmp(e->surname, d->norm + t[k].ns, e->surlen))) {
            /* Ted Bates again, not read as a name there: the whole name is
             * one mention, not two */
            size_t fl = t[k + 1].ne - t[k].ns;
            if (e->namelen == fl && !memcmp(e->name, d->norm + t[k].ns, t[k].ne - t[k].ns) &&
                e->name[t[k].ne - t[k].ns] == ' ' && e->surlen == t[k + 1].ne - t[k + 1].ns &&
                !memcmp(e->surname, d->norm + t[k + 1].ns, e->surlen)) {
                ent_mention(s, e, t[k].ns, t[k + 1].ne);
                kdone = k + 1; /* the next token taken, with no step */
                steps--;
            }
            continue;
        }
        if (k + 1 < n && adjacent(d, t[k], t[k + 1]) && family_word(d, t[k + 1]))
            continue;
        /* the Tower commission after John Tower: the body, not him */
        if (k + 1 < n && adjacent(d, t[k], t[k + 1]) && !poss(d, t[k]) && body_word(d, t[k + 1]) &&
            !(k > 0 && adjacent(d, t[k - 1], t[k]) && cap_word(d, t[k - 1]) && !stopword(d, t[k - 1])))
            continue;
        /* Louw de Graaf, then De Graaf said: a capitalized word before the
         * particle of a name read as particle and surname gives the
         * fuller form (a title's word, Minister de Graaf, is none) */
        size_t pl = k >= 2 ? t[k - 1].ne - t[k - 1].ns : 0;
        if (k >= 2 && particle(d, t[k - 1]) && !cap_word(d, t[k - 1]) && cap_word(d, t[k - 2]) &&
            !stopword(d, t[k - 2]) && adjacent(d, t[k - 2], t[k - 1]) &&
            adjacent(d, t[k - 1], t[k]) && e->surlen == t[k].ne - t[k].ns &&
            e->namelen == pl + 1 + e->surlen &&
            strncasecmp(e->name, d->norm + t[k - 1].ns, pl) == 0 && title_ending(s, t, k - 2) < 0) {
            ent_set_name(s, e, d->norm + t[k - 2].ns, t[k].ne - t[k - 2].ns);
            e->surname = e->name + (e->namelen - e->surlen);
            ent_mention(s, e, t[k - 2].ns, t[k].ne);
            continue;
        }
        ent_mention(s, e, t[k].ns, t[k].ne);
    }
    d->work += steps;
}

/* Sens. Ann Wolde (D-Ore.) and Tom Ruiz: a plural title (a title ending in
 * s.) is also the title of the name joined to its own by "and". Bounded:
 * plural titles are rare, so at most 16 are followed (cases/en/person). */
static void plural_title(estate *s)
{
    const kiji_doc *d = s->d;
    int left = 16;
    for (size_t i = 0; i < s->ne && left > 0; i++) {
        const ent *e = s->e[i];
        size_t tl = e->title ? strlen(e->title) : 0;
        if (e->type != KIJI_FACT_PERSON || tl < 4 || e->nm == 0 || e->title[tl - 1] != '.' ||
            e->title[tl - 2] != 's' || e->title[0] < 'A' || e->title[0] > 'Z')
            continue;
        left--;
        size_t q = e->m[0].ne;
        while (q < s->hi && (d->norm[q] == ' ' || d->norm[q] == '\n'))
            q++;
        if (q < s->hi && d->norm[q] == '(') {
            size_t c = q;
            while (c < s->hi && c - q < 40 && d->norm[c] != ')')
                c++;
            if (c >= s->hi || d->norm[c] != ')')
                continue;
            q = c + 1;
            while (q < s->hi && (d->norm[q] == ' ' || d->norm[q] == '\n'))
                q++;
        }
        if (!kj_at(d->norm, s->hi, q, "and ") && !kj_at(d->norm, s->hi, q, "and\n"))
            continue;
        q += 4;
        while (q < s->hi && (d->norm[q] == ' ' || d->norm[q] == '\n'))
            q++;
        for (size_t k = 0; k < s->ne; k++) {
            ent *f = s->e[k];
            s->d->work++;
            if (f != e && f->type == KIJI_FACT_PERSON && !f->title && f->nm && f->m[0].ns == q) {
                f->title = e->title;
                break;
            }
        }
    }
}

void rec_persons(estate *s)
{
    s->town = kj_alloc(s->d, sizeof *s->town);
    if (s->d->lang == KJ_LANG_EN) {
        en_persons(s);
        plural_title(s);
    } else
        ja_persons(s);
}
