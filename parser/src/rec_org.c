/*
 * rec_org.c -- organizations and acronym definitions.
 *
 * Three passes over the text: acronym definitions in both orders
 * (北大西洋条約機構(NATO), NATO(北大西洋条約機構), NHK's ＯＥＣＤ＝経済協力開発機構,
 * the Royal United Services Institute (RUSI)); names that end in an
 * organization word (研究所, 省, Inc., Bank of England); and well-known names
 * and the acronyms defined earlier. A definition whose name is no
 * organization (国内総生産(GDP)) becomes a definition fact.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rec_entity.h"

/* The English legal forms that kj_org_base takes off a company's name. */
static const char *const legal_forms[] = {"Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.",
                                          "Company", "Ltd", "Ltd.", "Limited", "LLC", "L.L.C.",
                                          "PLC", "plc", "Plc", "AG", "SA", "S.A.", "NV", "N.V.",
                                          "GmbH", "LP", "L.P.", NULL};

/* Can a legal form of legal_forms start with the byte c? kj_org_base asks
 * before it compares the name's last word with each (most last words are
 * none); org_init checks that it holds every form's first letter. */
static inline bool legal_opener(unsigned char c)
{
    switch (c) {
    case 'A': case 'C': case 'G': case 'I': case 'L': case 'N': case 'P': case 'S': case 'p':
        return true;
    default:
        return false;
    }
}

int org_init(struct kj_entity *x)
{
    for (int i = 0; legal_forms[i]; i++)
        if (!legal_opener((unsigned char)legal_forms[i][0]))
            return -1;
    x->osuf_ja = ent_dict("ja/org_suffixes", 1);
    ent_first_list(x, ENT_F_OSUF, "ja/org_suffixes");
    x->ogeneric_ja = ent_dict("ja/org_generic", 1);
    x->ofollow_ja = ent_dict("ja/org_follow", 1);
    x->osuf_en = ent_dict("en/org_suffixes", 1);
    x->onot_en = ent_dict("en/org_not", 1);
    x->onot_ja = ent_dict("ja/org_not", 1);
    x->onat_en = ent_dict("en/org_national", 1);
    x->pqual_en = ent_dict("en/party_qualifiers", 1);
    x->ohead_en = ent_dict("en/org_heads", 1);
    x->paper_en = ent_dict("en/paper_words", 1);
    const kj_wordlist *heads = kj_wordlist_get("en/org_heads");
    if (!heads)
        return -1;
    size_t ncaps = 0;
    for (size_t i = 0; i < heads->n; i++) {
        char c = heads->lines[i][0];
        if (c >= 'A' && c <= 'Z' && !memchr(x->ohead_caps, c, ncaps))
            x->ohead_caps[ncaps++] = c;
    }
    x->ohead_caps[ncaps] = '\0';
    x->olead_ja = ent_dict("ja/org_lead", 1);
    x->firm_not_ja = ent_dict("ja/firm_not", 1);
    x->firm_stem_not_ja = ent_dict("ja/firm_stem_not", 1);
    x->org = kj_dict_new();
    x->org_full = kj_dict_new();
    x->media_endings = kj_wordlist_get("ja/media_endings");
    x->media_kinds = kj_wordlist_get("ja/media_kinds");
    x->firm_cues = kj_wordlist_get("ja/firm_cues");
    x->org_cued = kj_wordlist_get("ja/org_cued");
    if (!x->org_cued || x->org_cued->n > 8)
        return -1;
    for (size_t i = 0; i < x->org_cued->n; i++)
        if (!strchr(x->org_cued->lines[i], '\t'))
            return -1;
    if (!x->firm_cues || x->firm_cues->n > sizeof x->firm_cue_len / sizeof x->firm_cue_len[0])
        return -1;
    for (size_t i = 0; i < x->firm_cues->n; i++) {
        size_t n = strlen(x->firm_cues->lines[i]);
        x->firm_cue_len[i] = n;
        for (unsigned b = 0; b < 256; b++)
            if (n < 4 || (unsigned char)x->firm_cues->lines[i][n - 4] == b)
                x->firm_cue_end[b >> 6] |= 1ull << (b & 63);
    }
    if (!x->olead_ja || !x->firm_not_ja || !x->firm_stem_not_ja || !x->osuf_ja || !x->ogeneric_ja || !x->ofollow_ja || !x->osuf_en || !x->onot_en || !x->onot_ja || !x->onat_en || !x->pqual_en || !x->ohead_en || !x->paper_en || !x->org || !x->org_full ||
        !x->media_endings || !x->media_kinds)
        return -1;
    if (x->media_endings->n > sizeof x->media_len / sizeof x->media_len[0])
        return -1;
    for (size_t i = 0; i < x->media_endings->n; i++) {
        size_t n = strlen(x->media_endings->lines[i]);
        x->media_len[i] = n;
        for (unsigned b = 0; b < 256; b++)
            if (n == 0 || (unsigned char)x->media_endings->lines[i][n - 1] == b)
                x->media_last[b >> 6] |= 1ull << (b & 63);
    }
    if (x->media_kinds->n > sizeof x->media_kind_len / sizeof x->media_kind_len[0])
        return -1;
    x->media_kind_ntail = 0;
    bool tails = true;
    for (size_t i = 0; i < x->media_kinds->n; i++) {
        size_t n = x->media_kind_len[i] = strlen(x->media_kinds->lines[i]);
        const char *t = x->media_kinds->lines[i] + n - 3;
        int k = 0;
        if (n < 3) {
            tails = false;
            continue;
        }
        while (k < x->media_kind_ntail && memcmp(x->media_kind_tail[k], t, 3))
            k++;
        if (k == x->media_kind_ntail) {
            if (k == (int)(sizeof x->media_kind_tail / sizeof x->media_kind_tail[0])) {
                tails = false;
                continue;
            }
            memcpy(x->media_kind_tail[x->media_kind_ntail++], t, 3);
        }
    }
    if (!tails)
        x->media_kind_ntail = 0;
    const char *lists[2] = {"ja/orgs", "en/orgs"};
    int id = 0;
    for (int l = 0; l < 2; l++) {
        const kj_wordlist *wl = kj_wordlist_get(lists[l]);
        for (size_t i = 0; wl && i < wl->n; i++) {
            /* a form listed in both languages (NATO) joins the two lines */
            int32_t use = id;
            for (const char *p = wl->lines[i]; *p;) {
                const char *t = strchr(p, '\t');
                size_t n = t ? (size_t)(t - p) : strlen(p);
                int32_t v;
                if (n && kj_dict_get(x->org, p, n, &v)) {
                    use = v;
                    break;
                }
                p += n;
                if (*p == '\t')
                    p++;
            }
            if (use == id)
                id++;
            const char *p = wl->lines[i];
            const char *tab = strchr(p, '\t');
            size_t fl = tab ? (size_t)(tab - p) : strlen(p);
            if (fl && !kj_dict_add(x->org_full, p, fl, use))
                return -1;
            while (*p) {
                const char *t = strchr(p, '\t');
                size_t n = t ? (size_t)(t - p) : strlen(p);
                if (n && !kj_dict_add(x->org, p, n, use))
                    return -1;
                if (n && p[0] >= 'a' && p[0] <= 'z' && (n > 2 || (n == 2 && (p[1] < 'a' || p[1] > 'z'))))
                    x->org_lower_first |= 1u << (p[0] - 'a');
                ent_first_add(x, ENT_F_ORG, p, n);
                ent_pair_add(&x->org_pair, p, n);
                p += n;
                if (*p == '\t')
                    p++;
            }
        }
    }
    x->norgs = id;
    /* ja/org_short: a party's short form -> its line (org_short_named
     * reads the full form there; a line without one fails the start) */
    x->oshort_ja = kj_dict_new();
    const kj_wordlist *sl = x->oshort_lines = kj_wordlist_get("ja/org_short");
    if (!x->oshort_ja || !sl)
        return -1;
    for (size_t i = 0; i < sl->n; i++) {
        const char *p = sl->lines[i], *t = strchr(p, '\t');
        if (!t || t == p || !t[1] || !kj_dict_add(x->oshort_ja, p, (size_t)(t - p), (int32_t)i))
            return -1;
        ent_first_add(x, ENT_F_OSHORT, p, (size_t)(t - p));
    }
    return 0;
}

/* ---- helpers ----------------------------------------------------------------- */

static bool upper(uint32_t c)
{
    return c >= 'A' && c <= 'Z';
}

/* The first k in [i, end - 2] where t[k] is a, t[k + 1] is b and t[k + 2]
 * is c1 or c2 (said and says: s, a, then i or y); end when there is none.
 * Sixteen positions at a time in one vector (GCC's vector extension: SSE2
 * compares on x86-64, read by one movemask there, plain code elsewhere),
 * the last ones one by one: a pass that looks for a word reads far fewer
 * places than a memchr for its first letter stops at. */
static inline size_t next_trigram(const char *t, size_t i, size_t end, char a, char b, char c1,
                                  char c2)
{
    typedef unsigned char v16 __attribute__((vector_size(16)));
    for (; i + 18 <= end; i += 16) {
        v16 x, y, z;
        memcpy(&x, t + i, 16);
        memcpy(&y, t + i + 1, 16);
        memcpy(&z, t + i + 2, 16);
        v16 mv = (x == (unsigned char)a) & (y == (unsigned char)b) &
                 ((z == (unsigned char)c1) | (z == (unsigned char)c2));
#ifdef __SSE2__
        /* one bit a position, position i lowest */
        unsigned bits = (unsigned)_mm_movemask_epi8((__m128i)mv);
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
#else
        typedef uint64_t v2 __attribute__((vector_size(16)));
        v2 m = (v2)mv;
        if (m[0] | m[1]) {
            uint64_t m0 = m[0], m1 = m[1];
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            m0 = __builtin_bswap64(m0); /* position i lowest */
            m1 = __builtin_bswap64(m1);
#endif
            return i + (m0 ? (size_t)__builtin_ctzll(m0) / 8 : 8 + (size_t)__builtin_ctzll(m1) / 8);
        }
#endif
    }
    for (; i + 3 <= end; i++)
        if (t[i] == a && t[i + 1] == b && (t[i + 2] == c1 || t[i + 2] == c2))
            return i;
    return end;
}

/* An acronym token at [a, b): [新]? then A-Z, digits, & . - with at least two
 * capitals (NATO, UNIDIR, 新START, S&P), and lower-case letters only as a
 * few between them (PwC, KfW, WiMAX): a camel-case word (NewsWeb,
 * YouTube) is a name, not an acronym. */
static bool acronym(const kiji_doc *d, size_t a, size_t b)
{
    if (kj_at(d->norm, b, a, "新"))
        a += 3;
    if (b <= a || b - a > 16)
        return false;
    int caps = 0, lower = 0, run = 0, turns = 0, prev = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)d->norm[i];
        /* letters and digits alternate at most twice (G20, 3M, F-35A; not
         * a video id like A1bC2dE3) */
        int kind = (c >= '0' && c <= '9') ? 2 : (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (kind && prev && kind != prev && ++turns > 2)
            return false;
        if (kind)
            prev = kind;
        if (c >= 'a' && c <= 'z') {
            lower++;
            if (++run >= 3)
                return false;
            continue;
        }
        run = 0;
        if (upper(c))
            caps++;
        else if (!((c >= '0' && c <= '9') || c == '&' || c == '.' || c == '-'))
            return false;
    }
    return caps >= 2 && lower <= caps && upper((unsigned char)d->norm[a]);
}

/* A US politician's party-and-state tag at [a, b): D, R or I, a hyphen and
 * the state as a capitalized abbreviation or name (D-Ill, R-Ore., R-Iowa),
 * dotted initials (D-N.Y., R-W.Va.) or a postal code (R-AZ). It follows a
 * person's name and defines no acronym (cases/en/org_party_tag). */
static bool party_tag(const kiji_doc *d, size_t a, size_t b)
{
    static const char usps[] = "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA "
                               "MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX "
                               "UT VT VA WA WV WI WY";
    const char *p = d->norm;
    if (b - a < 4 || b - a > 12 || (p[a] != 'D' && p[a] != 'R' && p[a] != 'I') || p[a + 1] != '-' ||
        !upper((unsigned char)p[a + 2]))
        return false;
    size_t s = a + 2;
    if (b - s == 2 && upper((unsigned char)p[s + 1])) {
        for (size_t i = 0; i + 1 < sizeof usps; i += 3)
            if (usps[i] == p[s] && usps[i + 1] == p[s + 1])
                return true;
        return false;
    }
    /* Ill, Ore., Iowa: one capital, then lower case and a final period */
    size_t i = s + 1;
    while (i < b && p[i] >= 'a' && p[i] <= 'z')
        i++;
    if (i > s + 1 && (i == b || (i + 1 == b && p[i] == '.')))
        return true;
    /* N.Y., W.Va.: capitals (each with its lower case) each closed by a period */
    for (i = s; i < b;) {
        if (!upper((unsigned char)p[i]))
            return false;
        i++;
        while (i < b && p[i] >= 'a' && p[i] <= 'z')
            i++;
        if (i >= b || p[i] != '.')
            return false;
        i++;
    }
    return true;
}

/* The length of an English company name without its legal form (Chrysler
 * LLC, Acme Co Ltd, Acme, Inc. -> Chrysler, Acme): such variants name one
 * company, while other organization words (Apple Corps, Apple Computer) make
 * another (cases/en/organization). nl when there is none. */
size_t kj_org_base(const char *name, size_t nl)
{
    size_t b = nl;
    for (int round = 0; round < 2; round++) {
        size_t w = b;
        while (w > 0 && name[w - 1] != ' ')
            w--;
        if (w < 2 || w == b || !legal_opener((unsigned char)name[w]))
            break;
        bool hit = false;
        for (int i = 0; legal_forms[i] && !hit; i++)
            hit = ent_equals(name + w, b - w, legal_forms[i]);
        if (!hit)
            break;
        b = w - 1;
        if (b > 0 && name[b - 1] == ',')
            b--;
        /* Morgan Stanley and Co Inc: the "and" before Co goes with it */
        if (b > 5 && !memcmp(name + b - 4, " and", 4)) {
            b -= 4;
            break;
        }
        if (b > 3 && !memcmp(name + b - 2, " &", 2)) {
            b -= 2;
            break;
        }
    }
    return b;
}

/* The name without a Japanese legal form before or after it (株式会社X,
 * X株式会社), when a name of two characters or more is left. */
static inline __attribute__((always_inline)) void ja_legal_base(const char **name, size_t *nl)
{
    /* each form is 12 bytes and starts with E6 or E5 in UTF-8: a name too
     * short or with neither end written so is left alone (English names) */
    static const char *const legal[] = {"株式会社", "有限会社", "合同会社", NULL};
    const unsigned char *u = (const unsigned char *)*name;
    if (*nl < 18 || (u[0] < 0xE5 && u[*nl - 12] < 0xE5))
        return;
    for (int i = 0; legal[i]; i++) {
        size_t n = strlen(legal[i]);
        if (memcmp(*name, legal[i], n) == 0) {
            *name += n;
            *nl -= n;
            return;
        }
        if (memcmp(*name + *nl - n, legal[i], n) == 0) {
            *nl -= n;
            return;
        }
    }
}

/* The key form of a Japanese court's, prosecutor's or police body's name
 * in out (of cap bytes; its length, 0 when it does not fit): news writes
 * 東山地方裁判所 and 東山地裁, 南海県警察本部 and 南海県警, 北町警察署 and
 * 北町署 for one body (GUIDELINES: one fact per entity, named by its
 * fullest form), so each long form is read as its short one. A station
 * named with its force before it (南海県警北町警察署, 警視庁北町署) is the
 * station written alone: the key starts after the force (cases/ja/org). */
static size_t ja_body_key(const char *name, size_t nl, char *out, size_t cap)
{
    static const char *const form[][2] = {
        {"地方裁判所", "地裁"}, {"高等裁判所", "高裁"}, {"家庭裁判所", "家裁"},
        {"簡易裁判所", "簡裁"}, {"地方検察庁", "地検"}, {"高等検察庁", "高検"},
        {"県警察本部", "県警"}, {"府警察本部", "府警"}, {"道警察本部", "道警"},
        {"県警察", "県警"},     {"府警察", "府警"},     {"道警察", "道警"},
        {"警察署", "署"},       {NULL, NULL}};
    /* every form and every force holds 裁, 検 or 警: a name with none of
     * them (most names, asked for each) is its own key */
    bool body = false;
    for (size_t i = 0; i + 3 <= nl && !body; i++)
        body = (name[i] == '\xE8' && ((name[i + 1] == '\xA3' && name[i + 2] == '\x81') ||    /* 裁 */
                                     (name[i + 1] == '\xAD' && name[i + 2] == '\xA6'))) || /* 警 */
               (name[i] == '\xE6' && name[i + 1] == '\xA4' && name[i + 2] == '\x9C');     /* 検 */
    if (!body) {
        if (nl > cap)
            return 0;
        memcpy(out, name, nl);
        return nl;
    }
    size_t o = 0, force = 0;
    for (size_t i = 0; i < nl;) {
        size_t fl = 0;
        int f = 0;
        /* every form starts with a kanji of three bytes */
        for (; ((unsigned char)name[i] & 0xF0) == 0xE0 && form[f][0]; f++) {
            fl = strlen(form[f][0]);
            if (fl <= nl - i && memcmp(name + i, form[f][0], fl) == 0)
                break;
        }
        const char *w = name + i;
        size_t wl = (size_t)kj_u8_len((unsigned char)name[i]);
        if (wl > nl - i)
            wl = nl - i;
        if (((unsigned char)name[i] & 0xF0) == 0xE0 && form[f][0]) {
            w = form[f][1];
            wl = strlen(w);
            i += fl;
        } else {
            i += wl;
        }
        if (o + wl > cap)
            return 0;
        memcpy(out + o, w, wl);
        o += wl;
        /* the force: 県警, 府警, 道警 or 警視庁, with a station after it */
        if (!force && o >= 6 &&
            (kj_before(out, o, "県警") || kj_before(out, o, "府警") || kj_before(out, o, "道警") ||
             (o >= 9 && kj_before(out, o, "警視庁"))))
            force = o;
    }
    /* 南海県警北町署: two kanji at least between the force and 署 */
    if (force && o >= force + 9 && kj_before(out, o, "署")) {
        memmove(out, out + force, o - force);
        o -= force;
    }
    return o;
}

/* Does a possessive ('s or s') and one space stand right before name,
 * when name points into the text (org_for is also given copies)? */
static bool owner_before(const kiji_doc *d, const char *name)
{
    uintptr_t p = (uintptr_t)name, lo = (uintptr_t)d->norm;
    if (p < lo + 3 || p >= lo + d->norm_len)
        return false;
    size_t i = (size_t)(p - lo);
    const char *u = d->norm;
    if (u[i - 1] != ' ' && u[i - 1] != '\n')
        return false;
    return u[i - 2] == '\'' || (u[i - 2] == 's' && u[i - 3] == '\'');
}

/* How name (of nl bytes) relates to the organization o read before. */
typedef bool (*org_match)(estate *s, ent *o, const char *name, size_t nl);

/* The one organization among the last 256 entities that match accepts;
 * NULL when none or several. */
static ent *org_unique(estate *s, const char *name, size_t nl, org_match match)
{
    ent *hit = NULL;
    size_t from = s->ne > 256 ? s->ne - 256 : 0;
    for (size_t j = from; j < s->ne; j++) {
        s->d->work++;
        ent *o = s->e[j];
        if (o->type != KIJI_FACT_ORGANIZATION || !o->name || !match(s, o, name, nl))
            continue;
        if (hit && hit != o)
            return NULL;
        hit = o;
    }
    return hit;
}

/* kj_org_base of o's name, read once per name: org_short_of asks it of
 * the last 256 entities at each new name */
static size_t ent_org_base(ent *o)
{
    if (o->base_of != o->name) {
        o->baselen = kj_org_base(o->name, o->namelen);
        o->base_of = o->name;
    }
    return o->baselen;
}

/* o is named name then " of " and more (National Bank of Canada for
 * National Bank). */
static bool named_of(estate *s, const ent *o, const char *name, size_t nl)
{
    (void)s;
    return o->namelen >= nl + 5 && memcmp(o->name, name, nl) == 0 && memcmp(o->name + nl, " of ", 4) == 0;
}

/* o's name, its legal form aside, ends in the words of name and is longer
 * (Hanil Motors Corp for Motors). */
static bool named_ending(estate *s, ent *o, const char *name, size_t nl)
{
    (void)s;
    size_t ol = ent_org_base(o);
    return ol > nl + 1 && o->name[ol - nl - 1] == ' ' && memcmp(o->name + ol - nl, name, nl) == 0;
}

/* The organization read so far that name (of two words or more) is a
 * short form of, in one walk of the last 256 entities: the one whose name
 * ends in name's words (National Bank after the Alpine National Bank),
 * else, with of_head, the one named name then " of " and more (National
 * Bank after National Bank of Canada); NULL when none or several of the
 * kind that answers (GUIDELINES: one fact per entity). */
static ent *org_short_of(estate *s, const char *name, size_t nl, bool of_head)
{
    if (!memchr(name, ' ', nl))
        return NULL;
    of_head = of_head && nl >= 5;
    ent *tail = NULL, *of = NULL;
    bool tails = false, ofs = false; /* several of the kind */
    size_t from = s->ne > 256 ? s->ne - 256 : 0;
    for (size_t j = from; j < s->ne; j++) {
        s->d->work++;
        ent *o = s->e[j];
        if (o->type != KIJI_FACT_ORGANIZATION || !o->name)
            continue;
        if (!tails && named_ending(s, o, name, nl)) {
            tails = tail && tail != o;
            tail = o;
        }
        if (of_head && !ofs && named_of(s, o, name, nl)) {
            ofs = of && of != o;
            of = o;
        }
    }
    if (tail && !tails)
        return tail;
    return of && !ofs ? of : NULL;
}

/* o, with no acronym, is named name then only organization words, its
 * legal form aside (Qantas Airways Ltd for Qantas). */
static bool named_head(estate *s, ent *o, const char *name, size_t nl)
{
    if (o->acronym)
        return false;
    /* the cheap prefix test first: the legal form is read only for a name
     * that starts with the bare one */
    if (o->namelen <= nl + 1 || o->name[nl] != ' ' || memcmp(o->name, name, nl) != 0)
        return false;
    size_t ol = ent_org_base(o);
    if (ol <= nl + 1)
        return false;
    for (size_t w = nl + 1; w < ol;) {
        size_t x = w;
        while (x < ol && o->name[x] != ' ')
            x++;
        int32_t v;
        if (!kj_dict_get(s->x->osuf_en, o->name + w, x - w, &v))
            return false;
        w = x + 1;
    }
    return true;
}

/* o, with no acronym, is named name then one word or more and a legal
 * form (Columbia Gas System Inc for Columbia Gas). */
static bool named_lead(estate *s, ent *o, const char *name, size_t nl)
{
    (void)s;
    if (o->acronym || o->namelen <= nl + 1 || o->name[nl] != ' ' || memcmp(o->name, name, nl) != 0)
        return false;
    size_t ol = ent_org_base(o);
    return ol < o->namelen && ol > nl + 1;
}

/* The one organization read so far whose name is the well-known bare name
 * (of at most 40 bytes) then only organization words, its legal form aside
 * (Qantas Airways Ltd for Qantas, Reuters Holdings PLC for Reuters): the
 * bare name is a short form of it. NULL when none or several (Samsung
 * Electronics Co and Samsung Securities Co), or when another word stands between (Boeing
 * Commercial Airplanes, Senate Finance Committee: a part or a committee of
 * the body). */
static ent *org_head_of(estate *s, const char *name, size_t nl)
{
    if (nl == 0 || nl > 40)
        return NULL;
    return org_unique(s, name, nl, named_head);
}

static bool initials_of(const ent *e, const char *w, size_t n);

/* o, with no other acronym, has capitalized words whose initials name
 * spells (Financial News Network for FNN). */
static bool spelled_by(estate *s, ent *o, const char *name, size_t nl)
{
    (void)s; /* an org_match: named_head reads s, this test needs only o */
    return (!o->acronym || ent_equals(name, nl, o->acronym)) && initials_of(o, name, nl);
}

/* The entity of well-known organization v written as name: Qantas after
 * Qantas Airways Ltd is a short form of the one longer name read that adds
 * organization words only (GUIDELINES: one fact per entity), in English;
 * a listed acronym of two to five capitals (FNN) after the one name read
 * that it spells the initials of (Financial News Network) is that body. */
static ent *org_known(estate *s, int v, const char *name, size_t nl)
{
    char key[16];
    int n = ent_key_num(key, sizeof key, "#", v);
    ent *e = ent_get(s, KIJI_FACT_ORGANIZATION, key, (size_t)n);
    if (e)
        return e;
    if (s->d->lang == KJ_LANG_EN) {
        ent *head = org_head_of(s, name, nl);
        bool caps = nl >= 2 && nl <= 5;
        for (size_t i = 0; caps && i < nl; i++)
            caps = upper((unsigned char)name[i]);
        if (!head && caps)
            head = org_unique(s, name, nl, spelled_by);
        if (head) {
            ent_alias(s, KIJI_FACT_ORGANIZATION, key, (size_t)n, head);
            return head;
        }
    }
    return ent_make(s, KIJI_FACT_ORGANIZATION, key, (size_t)n);
}

/* The organization entity for a name or acronym: a well-known one when the
 * list has either form (or the name without its legal form), else one keyed
 * by the name without its legal form. */
static ent *org_for(estate *s, int type, const char *name, size_t nl, const char *acr,
                    size_t al)
{
    int32_t v;
    const char *written = name; /* in the text; name may become a copy */
    /* Securities and\nExchange Commission: a wrapped line is looked up as
     * one space, so the gazetteer finds it as the one-line form */
    if (nl && nl + 2 < 160 && memchr(name, '\n', nl)) {
        name = ent_strnorm(s->d, name, nl);
        nl = strlen(name);
    }
    /* the legal form is English (ja_legal_base reads the Japanese): a
     * Latin last letter, or the full stop of Inc. / Co. / S.A. */
    bool latin = nl && (ent_asc((unsigned char)name[nl - 1]) || name[nl - 1] == '.');
    if (type == KIJI_FACT_ORGANIZATION && latin && !kj_dict_get(s->x->org, name, nl, &v)) {
        size_t bl = kj_org_base(name, nl);
        if (bl < nl && bl > 0 && kj_dict_get(s->x->org, name, bl, &v)) {
            char key[16];
            int n = ent_key_num(key, sizeof key, "#", (int)v);
            return ent_make(s, type, key, (size_t)n);
        }
    }
    if (type == KIJI_FACT_ORGANIZATION &&
        ((nl && kj_dict_get(s->x->org, name, nl, &v)) ||
         (al && kj_dict_get(s->x->org, acr, al, &v)))) {
        char key[16];
        int n = ent_key_num(key, sizeof key, "#", (int)v);
        return nl && !al ? org_known(s, (int)v, name, nl) : ent_make(s, type, key, (size_t)n);
    }
    /* 任天堂株式会社: the well-known name with its legal form */
    const char *base = name;
    size_t basel = nl;
    bool ja = type == KIJI_FACT_ORGANIZATION && s->d->lang != KJ_LANG_EN;
    if (ja)
        ja_legal_base(&base, &basel);
    /* 読売新聞社 in a definition (YOMIURIONLINE(読売新聞社)): a known name
     * and 社 is that organization, as ja_seg reads it in running text */
    if (ja && basel == nl && nl > 6 && kj_before(name, nl, "社") && kj_dict_get(s->x->org, name, nl - 3, &v))
        basel = nl - 3;
    if (basel < nl && kj_dict_get(s->x->org, base, basel, &v)) {
        char key[16];
        int n = ent_key_num(key, sizeof key, "#", (int)v);
        return ent_make(s, type, key, (size_t)n);
    }
    char key[160], body[160]; /* body: ja_body_key's form of name */
    bool landed = false; /* the U.S. Air Force: not the Royal Air Force's tail */
    bool legal = false;  /* written with a legal form (Thomson McKinnon Inc) */
    if (nl) {
        if (nl + 2 >= sizeof key)
            return NULL;
        /* a wrapped line does not make another organization */
        name = ent_strnorm(s->d, name, nl);
        nl = strlen(name);
        if (type == KIJI_FACT_ORGANIZATION && nl &&
            (ent_asc((unsigned char)name[nl - 1]) || name[nl - 1] == '.')) {
            size_t bl = kj_org_base(name, nl);
            legal = bl < nl;
            if (bl > 0)
                nl = bl;
        }
        /* 株式会社ミドリ電機 and ミドリ電機, 任天堂株式会社 and 任天堂: the
         * legal form written before or after the name makes no other
         * company */
        if (ja)
            ja_legal_base(&name, &nl);
        /* 富山新聞社 and 富山新聞, 岩手日報社 and 岩手日報: the publisher
         * written with 社 is its paper (the fullest form names the fact,
         * as 朝日新聞社 does 朝日新聞 of data/ja/orgs.txt) */
        if (ja && nl > 9 && (kj_before(name, nl, "新聞社") || kj_before(name, nl, "日報社") ||
                             kj_before(name, nl, "新報社")))
            nl -= 3;
        size_t bodyl = ja ? ja_body_key(name, nl, body, sizeof body) : 0;
        if (bodyl) {
            name = body;
            nl = bodyl;
        }
        /* U.S. Air Force and Air Force: the country before a body's name
         * does not make another body (cases/en/org) */
        static const char *const land[] = {"U.S. ", "US ", "U.S ", "United States ", NULL};
        for (int i = 0; type == KIJI_FACT_ORGANIZATION && land[i]; i++) {
            size_t ll = strlen(land[i]);
            if (nl > ll + 2 && memcmp(name, land[i], ll) == 0 && name[ll] >= 'A' &&
                name[ll] <= 'Z') {
                name += ll;
                nl -= ll;
                landed = true;
                break;
            }
        }
        int n = ent_key_str(key, sizeof key, "n:", name, nl);
        ent *e = ent_get(s, type, key, (size_t)n);
        if (e)
            return e;
    }
    if (al) {
        int n = ent_key_str(key, sizeof key, "a:", acr, al);
        ent *e = ent_get(s, type, key, (size_t)n);
        if (e)
            return e;
    }
    if (!nl)
        return NULL;
    int n = ent_key_str(key, sizeof key, "n:", name, nl);
    /* National Bank after the Alpine National Bank: a name of two words or
     * more that ends exactly one longer organization already read is a
     * short mention of it (two such: the short form is left its own) */
    /* Vienna's Stock Exchange after the Stock Exchange of Malta: an
     * owner's possessive right before the name makes it another body */
    ent *tail = type == KIJI_FACT_ORGANIZATION && s->d->lang == KJ_LANG_EN && !al && !landed
                    ? org_short_of(s, name, nl, !owner_before(s->d, written))
                    : NULL;
    /* Columbia Gas after Columbia Gas System Inc: a name with no legal
     * form of its own that opens exactly one company's full name written
     * before it in the text is that company's short form (two such, as
     * a parent and its unit: left its own) */
    if (!tail && type == KIJI_FACT_ORGANIZATION && s->d->lang == KJ_LANG_EN && !al && !landed &&
        written >= s->d->norm && written < s->d->norm + s->d->norm_len &&
        !legal && !owner_before(s->d, written)) {
        ent *lead = org_unique(s, name, nl, named_lead);
        if (lead && lead->nm && lead->m[0].ns < (size_t)(written - s->d->norm))
            tail = lead;
    }
    if (tail) {
        ent_alias(s, type, key, (size_t)n, tail);
        return tail;
    }
    return ent_make(s, type, key, (size_t)n);
}

/* Is [a, a + an) the words [b, b + bn) opens with (Jiji in Jiji Press)? */
static bool word_prefix(const char *a, size_t an, const char *b, size_t bn)
{
    return an < bn && b[an] == ' ' && memcmp(a, b, an) == 0;
}

/* Apple Computer after Apple Inc. (or before it) in English: two forms of
 * one line of orgs.txt, neither the other with words added (Jiji Press
 * after Jiji is its fuller form); the line's first form, its full name,
 * names the organization, not the longer of the two. */
static bool listed_full(estate *s, const ent *e, size_t ns, size_t ne, bool *full)
{
    int32_t v, w, f;
    const char *p = s->d->norm + ns;
    size_t n = ne - ns;
    /* the name written again (most mentions) is no second form */
    if (s->d->lang != KJ_LANG_EN || !e->name || (n == e->namelen && memcmp(p, e->name, n) == 0) ||
        word_prefix(e->name, e->namelen, p, n) ||
        word_prefix(p, n, e->name, e->namelen) ||
        !kj_dict_get(s->x->org, e->name, e->namelen, &v) || !kj_dict_get(s->x->org, p, n, &w) ||
        v != w)
        return false;
    if (kj_dict_get(s->x->org_full, p, n, &f))
        *full = true; /* the mention is the full name */
    else if (kj_dict_get(s->x->org_full, e->name, e->namelen, &f))
        *full = false; /* the name is */
    else
        return false;
    return true;
}

static void longer_name(estate *s, ent *e, size_t ns, size_t ne)
{
    bool full;
    if (listed_full(s, e, ns, ne, &full)) {
        if (full)
            ent_set_name(s, e, s->d->norm + ns, ne - ns);
        return;
    }
    if (!e->name || ne - ns > e->namelen)
        ent_set_name(s, e, s->d->norm + ns, ne - ns);
}

static size_t ja_country_label(estate *s, size_t a, size_t b);
static bool kata_firm_stem(estate *s, size_t a, size_t p, size_t e);
static bool station_end(estate *s, size_t a, size_t p);
static bool rail_place(estate *s, size_t a, size_t p);

/* Does the name [a, b) end in an organization word? */
static bool org_suffix_end(estate *s, size_t a, size_t b)
{
    const kiji_doc *d = s->d;
    int32_t v;
    if (d->lang == KJ_LANG_EN || (b > a && ent_asc((unsigned char)d->norm[b - 1]))) {
        size_t w = b;
        while (w > a && d->norm[w - 1] != ' ' && d->norm[w - 1] != '\n')
            w--;
        return kj_dict_get(s->x->osuf_en, d->norm + w, b - w, &v);
    }
    for (size_t p = a; p < b; p++) {
        s->d->work++;
        if ((d->norm[p] & 0xC0) != 0x80 && kj_dict_get(s->x->osuf_ja, d->norm + p, b - p, &v))
            /* 内蔵メモリ(ROM): a business word marked 4 needs its stem,
             * 署 marked 5 its force or full name */
            return p > a && (v != 4 || kata_firm_stem(s, ja_country_label(s, a, p), p, b)) &&
                   (v != 5 || station_end(s, a, p)) && (v != 6 || rail_place(s, a, p));
    }
    return false;
}

/* 米ゼネラル・モーターズ(GM), 米カリフォルニア工科大学: a one-kanji
 * country form that rec_places read as the country, written right before a
 * katakana or Latin name, says where the body is from and is no part of its
 * name (as Tokyo-based is not in English; GUIDELINES: such a form is a
 * mention of the country). A kanji name keeps it: 米国防総省, 英王立防衛
 * 安全保障研究所. The start of the name in [a, b): past the form, or a. */
static size_t ja_country_label(estate *s, size_t a, size_t b)
{
    const kiji_doc *d = s->d;
    int32_t v;
    if (b - a <= 3 || !kj_dict_get(s->x->abbr, d->norm + a, 3, &v))
        return a;
    size_t nx;
    uint32_t c = ent_cp(d, a + 3, &nx);
    if (!(ent_kata(c) && c != 0x30FC) && !(c >= 'A' && c <= 'Z'))
        return a;
    /* the place mention [a, a + 3) among those frozen */
    return ent_exactly(s, KIJI_FACT_PLACE, a, a + 3) ? a + 3 : a;
}

/* Start of the Japanese name that ends at b: back over name characters, not
 * into bytes a date or number took, at most 24 characters. */
static size_t ja_name_start(estate *s, size_t b)
{
    size_t a = b;
    int k = 0;
    while (a > s->lo && k < 24) {
        s->d->work++;
        size_t ps;
        uint32_t c = ent_prev(s->d, a, &ps);
        if (!ent_namechar(c) || ent_char_claimed(s->d, ps, a))
            break;
        a = ps;
        k++;
    }
    return a;
}

/* The words an acronym gives no letter: of, and, for, on, the, & (the
 * National Bank of Norland for NBN). */
static bool initial_free(const char *t, size_t tl)
{
    return (tl == 2 && !memcmp(t, "of", 2)) || (tl == 3 && !memcmp(t, "and", 3)) ||
           (tl == 3 && !memcmp(t, "for", 3)) || (tl == 1 && t[0] == '&') ||
           (tl == 2 && !memcmp(t, "on", 2)) || (tl == 3 && !memcmp(t, "the", 3));
}

/* Start of the English name of `want` significant words ending at b (the
 * Royal United Services Institute): of/the/and/for/on/& do not count (the
 * Council on Coastal Fisheries (CCF)). */
static size_t en_name_start(estate *s, size_t b, int want)
{
    kiji_doc *d = s->d;
    size_t a = b;
    int got = 0, steps = 0;
    while (a > s->lo && got < want && steps < 12) {
        steps++;
        d->work++;
        size_t w = a;
        while (w > s->lo && d->norm[w - 1] == ' ')
            w--;
        /* a name wrapped over a line ("Grain\nHandlers (NCGH)"),
         * not across the indented start of a paragraph */
        if (w == a && w > s->lo && d->norm[w - 1] == '\n') {
            size_t v = w - 1;
            while (v > s->lo && d->norm[v - 1] == ' ')
                v--;
            char pc = v > s->lo ? d->norm[v - 1] : '.';
            if (pc == '.' || pc == ',' || pc == ';' || pc == ':')
                break; /* "to a carrier.\nNorway's (NAS)" */
            w = v;
        }
        size_t e = w;
        while (w > s->lo && d->norm[w - 1] != ' ' && d->norm[w - 1] != '\n' && e - w < 40)
            w--;
        if (w == e)
            break;
        const char *t = d->norm + w;
        size_t tl = e - w;
        if (!ent_asc((unsigned char)t[0]) && t[0] != '&')
            break;
        bool conn = initial_free(t, tl) && (got > 0 || tl != 3 || memcmp(t, "the", 3) != 0);
        if (!conn)
            got++; /* gross domestic product (GDP): lowercase words count */
        a = w;
    }
    return got == want ? a : b;
}

/* Is [a, b) a word of two to five capitals (MCV), nothing else? */
static bool all_caps(const kiji_doc *d, size_t a, size_t b)
{
    if (b - a < 2 || b - a > 5)
        return false;
    for (size_t p = a; p < b; p++)
        if (d->norm[p] < 'A' || d->norm[p] > 'Z')
            return false;
    return true;
}

/* ---- pass A: definitions ------------------------------------------------------ */

/* Do the capitals acr [j, k) spell the name [a, b) with one letter more than
 * its words: each significant word's initial in turn, the extra capital a
 * later letter of the word before it (Singapore Airlines (SIA): S, i of
 * Singapore, A)? of / and / the / for / on / & count no initial, as in
 * en_name_start. */
static bool inner_initials(const kiji_doc *d, size_t a, size_t b, size_t j, size_t k)
{
    size_t q = j;
    int extra = 0;
    for (size_t w = a; w < b;) {
        size_t e = w;
        while (e < b && d->norm[e] != ' ' && d->norm[e] != '\n')
            e++;
        const char *t = d->norm + w;
        size_t tl = e - w;
        bool conn = initial_free(t, tl);
        if (!conn && tl > 0) {
            if (q >= k || (t[0] & 0xDF) != (d->norm[q] & 0xDF))
                return false;
            q++;
            /* the extra capital: a letter inside this word, when the
             * next capital is not the next word's initial */
            size_t nw = e;
            while (nw < b && (d->norm[nw] == ' ' || d->norm[nw] == '\n'))
                nw++;
            if (!extra && q < k && (nw >= b || (d->norm[nw] & 0xDF) != (d->norm[q] & 0xDF))) {
                for (size_t z = w + 1; z < e; z++)
                    if ((d->norm[z] & 0xDF) == (d->norm[q] & 0xDF)) {
                        q++;
                        extra = 1;
                        break;
                    }
            }
        }
        w = e;
        while (w < b && (d->norm[w] == ' ' || d->norm[w] == '\n'))
            w++;
    }
    return q == k && extra;
}

/* An English name with an organization word right before of / for / on
 * inside it: National Council of Grain Handlers, Institute for Ocean
 * Freight, Council on Coastal Fisheries. */
static bool institution_of(estate *s, size_t a, size_t b)
{
    const kiji_doc *d = s->d;
    size_t w = a;
    for (int words = 0; w < b && words < 16; words++) {
        size_t e = w;
        while (e < b && d->norm[e] != ' ' && d->norm[e] != '\n')
            e++;
        size_t nx = e < b ? e + 1 : b;
        size_t ne = nx;
        while (ne < b && d->norm[ne] != ' ' && d->norm[ne] != '\n')
            ne++;
        int32_t v;
        if (ne < b && ((ne - nx == 2 && !memcmp(d->norm + nx, "of", 2)) ||
                       (ne - nx == 3 && !memcmp(d->norm + nx, "for", 3)) ||
                       (ne - nx == 2 && !memcmp(d->norm + nx, "on", 2))) &&
            kj_dict_get(s->x->osuf_en, d->norm + w, e - w, &v))
            return true;
        w = nx;
    }
    return false;
}

/* Northern Grid Supply System (NGSS) ... NGSS said: a body
 * that speaks is an organization, though no organization word closes its
 * name (a program or a treaty defined so says nothing). Looks after the
 * definition at b for the acronym right before " said" or " says". Each
 * look reads the rest of the text, so a document gets a few (says_budget;
 * an article defines a handful of acronyms, a run of hundreds would make
 * the scan quadratic): past them the answer is no. */
static bool acronym_says(estate *s, size_t b, const char *acr, size_t al)
{
    kiji_doc *d = s->d;
    if (s->says_budget <= 0)
        return false;
    s->says_budget--;
    const char *p = d->norm + b, *end = d->norm + s->hi;
    while (al > 0 && (size_t)(end - p) >= al) {
        d->work++;
        const char *q = memchr(p, acr[0], (size_t)(end - p) - al + 1);
        if (!q)
            return false;
        const char *r = q + al;
        if (memcmp(q, acr, al) != 0) {
            p = q + 1;
            continue;
        }
        bool whole = (q == d->norm || !ent_asc((unsigned char)q[-1])) &&
                     (r == end || !ent_asc((unsigned char)*r));
        if (whole && end - r >= 5 && (r[0] == ' ' || r[0] == '\n') &&
            (!memcmp(r + 1, "said", 4) || !memcmp(r + 1, "says", 4)) &&
            (end - r == 5 || !ent_asc((unsigned char)r[5])))
            return true;
        p = r;
    }
    return false;
}

static void define_as(estate *s, size_t ns, size_t ne, size_t as, size_t ae, bool body);

static void define(estate *s, size_t ns, size_t ne, size_t as, size_t ae)
{
    define_as(s, ns, ne, as, ae, false);
}

/* body: the definition is an organization whatever its name's last word
 * (a word acronym: Petroleos Mexicanos (Pemex)) */
static void define_as(estate *s, size_t ns, size_t ne, size_t as, size_t ae, bool body)
{
    kiji_doc *d = s->d;
    if (ne <= ns)
        return;
    const char *acr = d->norm + as;
    size_t al = ae - as;
    int32_t v;
    /* 元アメリカ中央情報局(CIA)長官: former belongs to the role */
    if (ne - ns > 3 && (kj_at(d->norm, ne, ns, "元") || kj_at(d->norm, ne, ns, "前")) &&
        (kj_dict_get(s->x->org, d->norm + ns + 3, ne - ns - 3, &v) ||
         kj_dict_get(s->x->org, acr, al, &v)))
        ns += 3;
    /* 情報機関・連邦保安庁(FSB), 与党・自由民主党: a kind of body
     * (ja/org_lead) and the ・ after it are no part of the name */
    if (d->lang != KJ_LANG_EN) {
        size_t n = kj_dict_longest(s->x->olead_ja, d->norm, ne, ns, &v);
        if (n && ns + n < ne && (kj_at(d->norm, ne, ns + n, "・") || d->norm[ns + n] & 0x80))
            ns += n;
        if (ns + 3 < ne && kj_at(d->norm, ne, ns, "・"))
            ns += 3;
    }
    /* DeNA新卒採用(DeNA): a name that opens with its own "acronym" is
     * that body and a common noun after it, which the parenthesis only
     * names again: it defines nothing (cases/ja/organization) */
    if (ne - ns > al && !memcmp(d->norm + ns, acr, al))
        return;
    /* Local Area Network (LAN): a common noun in capitals
     * (data/en/org_not.txt) defines a term, no body */
    bool org = (org_suffix_end(s, ns, ne) &&
                !(d->lang == KJ_LANG_EN && kj_dict_get(s->x->onot_en, d->norm + ns, ne - ns, &v))) ||
               kj_dict_get(s->x->org, acr, al, &v) ||
               kj_dict_get(s->x->org, d->norm + ns, ne - ns, &v) ||
               (d->lang == KJ_LANG_EN && institution_of(s, ns, ne));
    /* Banque Lorraine (BL): a name pass_heads read there is a body */
    if (!org && d->lang == KJ_LANG_EN && ent_exactly(s, KIJI_FACT_ORGANIZATION, ns, ne))
        org = true;
    if (!org && d->lang == KJ_LANG_EN && upper((unsigned char)d->norm[ns]))
        org = body || acronym_says(s, ae, acr, al);
    int type = org ? KIJI_FACT_ORGANIZATION : KIJI_FACT_DEFINITION;
    ent *e = org_for(s, type, d->norm + ns, ne - ns, acr, al);
    if (!e)
        return;
    longer_name(s, e, ns, ne);
    if (!e->acronym)
        e->acronym = kj_strndup(d, acr, al);
    char key[40];
    int n = ent_key_str(key, sizeof key, "a:", acr, al);
    if (n > 0 && (size_t)n < sizeof key) {
        ent_alias(s, type, key, (size_t)n, e);
        s->nacronyms++;
    }
    char nkey[160];
    if (ne - ns + 2 < sizeof nkey) {
        n = ent_key_str(nkey, sizeof nkey, "n:", d->norm + ns, ne - ns);
        ent_alias(s, type, nkey, (size_t)n, e);
        /* British Broadcasting Corp (BBC), BBC a form of orgs.txt: the
         * entity is the listed one, so the name is read again later by
         * org_for under its key without the legal form (and a wrapped
         * line as one space); that key is this entity too, or the same
         * name would make a second organization */
        if (type == KIJI_FACT_ORGANIZATION && d->lang == KJ_LANG_EN) {
            char nb[160];
            size_t bl = ent_strnorm_to(nb, d->norm + ns, ne - ns);
            if (bl && (ent_asc((unsigned char)nb[bl - 1]) || nb[bl - 1] == '.'))
                bl = kj_org_base(nb, bl);
            if (bl > 0 && (bl < ne - ns || memchr(d->norm + ns, '\n', ne - ns))) {
                n = ent_key_str(nkey, sizeof nkey, "n:", nb, bl);
                if (!ent_get(s, type, nkey, (size_t)n))
                    ent_alias(s, type, nkey, (size_t)n, e);
            }
        }
    }
    ent_mention(s, e, ns, ne);
}

/* The acronym token ending at b, or b when none. */
static size_t token_before(estate *s, size_t b)
{
    size_t a = b;
    while (a > s->lo && b - a < 20) {
        unsigned char c = (unsigned char)s->d->norm[a - 1];
        if (!(ent_asc(c) || c == '&' || c == '.' || c == '-'))
            break;
        a--;
    }
    if (kj_before(s->d->norm, a, "新"))
        a -= 3;
    return a;
}

/* The length of the longest common word of ja/org_lead (与党, 野党) at p,
 * ending by end, or 0; *nx is the next character after p. A name starts
 * after such a word: the step pass_definitions and ja_seg take at each
 * character before the name's end. */
static size_t olead_at(estate *s, size_t p, size_t end, size_t *nx)
{
    int32_t v;
    s->d->work++;
    uint32_t c = ent_cp(s->d, p, nx);
    /* その後大阪府警は: the kanji of その後 (after that) opens the run */
    if (p >= s->lo + 6 && kj_before(s->d->norm, p, "その") && kj_at(s->d->norm, end, p, "後"))
        return 3;
    return ent_first_has(s->x, ENT_F_OLEAD, c)
               ? kj_dict_longest(s->x->olead_ja, s->d->norm, end, p, &v)
               : 0;
}

/* The Alberta Pipeline Safety Board (PSB): a place right
 * before the English name an acronym spells, with no capitalized word
 * before it, is the first words of the body's name, which the acronym
 * leaves out (the body is one organization: GUIDELINES). The start of the
 * name, a when none; looks back three words at most. */
static size_t place_head(estate *s, size_t a)
{
    kiji_doc *d = s->d;
    if (a < s->lo + 2 || (d->norm[a - 1] != ' ' && d->norm[a - 1] != '\n'))
        return a;
    size_t w = a - 1, best = a;
    for (int n = 0; n < 3 && w > s->lo; n++) {
        d->work++;
        size_t b = w;
        while (b > s->lo && a - b < 40 && ent_asc((unsigned char)d->norm[b - 1]))
            b--;
        if (b == w || !upper((unsigned char)d->norm[b]))
            break;
        ent *pl = NULL;
        if (place_at(s, b, &pl) == a - 1 - b)
            best = b; /* New South Wales over Wales */
        if (b == s->lo || (d->norm[b - 1] != ' ' && d->norm[b - 1] != '\n'))
            break;
        w = b - 1;
    }
    if (best == a)
        return a;
    /* the word before the place: none capitalized (the, for) */
    size_t q = best;
    while (q > s->lo && (d->norm[q - 1] == ' ' || d->norm[q - 1] == '\n') && best - q < 3)
        q--;
    size_t p = q;
    while (p > s->lo && q - p < 40 && ent_asc((unsigned char)d->norm[p - 1]))
        p--;
    return p < q && upper((unsigned char)d->norm[p]) ? a : best;
}

/* Does the word acronym w [0, n) spell the words [a, b) as the first
 * letters of each capitalized word in turn, one or more of each (Comex:
 * COMmodity EXchange; Pemex: PEtroleos MEXicanos)? of / and / the / de
 * count none. Each word tries its longest prefix first, then shorter: at
 * most six words and twelve letters, so the search stays small. */
static bool word_spells(const kiji_doc *d, const size_t *ws, const size_t *we, int nw, int i,
                        const char *w, size_t n)
{
    if (i == nw)
        return n == 0;
    if (n == 0)
        return false;
    const char *t = d->norm + ws[i];
    size_t tl = we[i] - ws[i];
    if (!upper((unsigned char)t[0]))
        return word_spells(d, ws, we, nw, i + 1, w, n);
    for (size_t m = tl < n ? tl : n; m >= 1; m--) {
        size_t k = 0;
        while (k < m && (t[k] | 0x20) == (w[k] | 0x20))
            k++;
        if (k == m && word_spells(d, ws, we, nw, i + 1, w + m, n - m))
            return true;
    }
    return false;
}

/* Petroleos Mexicanos (Pemex), Commodity Exchange (Comex): one word in
 * brackets, a capital then three to eleven lower-case letters, that the
 * capitalized words right before it spell by their first letters (two
 * words or more, the longest such name) defines a word acronym, and the
 * name is an organization (a term is given capitals: GDP). Returns the
 * name's start, or b when none. */
static size_t word_acronym_name(estate *s, size_t b, size_t j, size_t k)
{
    kiji_doc *d = s->d;
    if (k - j < 4 || k - j > 12 || !upper((unsigned char)d->norm[j]))
        return b;
    for (size_t q = j + 1; q < k; q++)
        if (d->norm[q] < 'a' || d->norm[q] > 'z')
            return b;
    enum { MAXW = 6 };
    size_t ws[MAXW], we[MAXW];
    int nw = 0;
    size_t p = b;
    while (nw < MAXW && p > s->lo) {
        size_t e = p, w = p;
        while (w > s->lo && e - w < 24 && ent_asc((unsigned char)d->norm[w - 1]))
            w--;
        if (w == e)
            break;
        size_t wl = e - w;
        bool conn = (wl == 2 && (!memcmp(d->norm + w, "of", 2) || !memcmp(d->norm + w, "de", 2))) ||
                    (wl == 3 && (!memcmp(d->norm + w, "and", 3) || !memcmp(d->norm + w, "the", 3)));
        if (!upper((unsigned char)d->norm[w]) && !conn)
            break;
        /* newest word first: shift the arrays as words are found */
        memmove(ws + 1, ws, (size_t)nw * sizeof ws[0]);
        memmove(we + 1, we, (size_t)nw * sizeof we[0]);
        ws[0] = w;
        we[0] = e;
        nw++;
        if (w == s->lo || (d->norm[w - 1] != ' ' && d->norm[w - 1] != '\n'))
            break;
        p = w - 1;
        if (p > s->lo && (d->norm[p - 1] == ' ' || d->norm[p - 1] == '\n'))
            break; /* two spaces or a blank: a new paragraph's indent */
    }
    /* the longest name: the earliest capitalized start, two words or more */
    for (int st = 0; st + 1 < nw; st++) {
        if (!upper((unsigned char)d->norm[ws[st]]) || ent_stopword(d, ws[st], we[st]))
            continue;
        int caps = 0;
        for (int q = st; q < nw; q++)
            caps += upper((unsigned char)d->norm[ws[q]]);
        if (caps >= 2 && upper((unsigned char)d->norm[ws[nw - 1]]) &&
            word_spells(d, ws, we, nw, st, d->norm + j, k - j))
            return ws[st];
    }
    return b;
}

/* Do the words [a, b) spell the capitals [j, k) by their initials, each
 * word but of / and / for / on / the / & capitalized and giving the next
 * capital, every capital used (Commodity Credit Corporation for CCC)? */
static bool exact_initials(const kiji_doc *d, size_t a, size_t b, size_t j, size_t k)
{
    size_t q = j;
    for (size_t w = a; w < b;) {
        size_t e = w;
        while (e < b && d->norm[e] != ' ' && d->norm[e] != '\n')
            e++;
        const char *t = d->norm + w;
        size_t tl = e - w;
        bool conn = initial_free(t, tl);
        if (!conn && tl > 0) {
            if (q >= k || !upper((unsigned char)t[0]) || t[0] != d->norm[q])
                return false;
            q++;
        }
        w = e;
        while (w < b && (d->norm[w] == ' ' || d->norm[w] == '\n'))
            w++;
    }
    return q == k;
}

/* The start of the name ending at b that one line of data/en/orgs.txt
 * lists with the capitals [j, k) (National Statistics Institute for
 * INSEE): the longest of at most eight words of ASCII letters, the first
 * capitalized, a wrapped line read as one space; b when none. */
static size_t listed_with(estate *s, size_t b, size_t j, size_t k)
{
    const kiji_doc *d = s->d;
    int32_t v, w;
    if (!kj_dict_get(s->x->org, d->norm + j, k - j, &v))
        return b;
    size_t best = b, p = b;
    for (int nw = 0; nw < 8 && p > s->lo; nw++) {
        size_t st = p;
        while (st > s->lo && p - st < 24 &&
               (ent_asc((unsigned char)d->norm[st - 1]) || d->norm[st - 1] == '-'))
            st--;
        if (st == p)
            break;
        char nb[160];
        if (upper((unsigned char)d->norm[st]) && b - st < sizeof nb) {
            size_t bl = ent_strnorm_to(nb, d->norm + st, b - st);
            if (bl && kj_dict_get(s->x->org, nb, bl, &w) && w == v)
                best = st;
        }
        if (st == s->lo || (d->norm[st - 1] != ' ' && d->norm[st - 1] != '\n'))
            break;
        p = st - 1;
    }
    return best;
}

/* The Harbour Pilots Federation, HPF, has ...; the dockers' union, KVB,
 * said: two to six capitals between commas (or a comma and the sentence's
 * full stop) right after a name whose capitalized words spell them by
 * their initials define that acronym, as brackets do; between commas after a common noun of a body (a word of
 * data/en/org_suffixes.txt in lower case: union, agency) they are that
 * body's name. So do capitals listed with the name on one line of
 * data/en/orgs.txt (listed_with). Anything else between commas (the city,
 * Paris,; Citibank, HSBC, and ...) defines nothing. i is the first comma. */
static void comma_acronym(estate *s, size_t i)
{
    kiji_doc *d = s->d;
    size_t j = i + 1;
    while (j < s->hi && j - i < 4 && (d->norm[j] == ' ' || d->norm[j] == '\n'))
        j++;
    size_t k = j;
    while (k < s->hi && k - j < 7 && upper((unsigned char)d->norm[k]))
        k++;
    if (j == i + 1 || k - j < 2 || k - j > 6 || k >= s->hi || (d->norm[k] != ',' && d->norm[k] != '.'))
        return;
    size_t a = en_name_start(s, i, (int)(k - j));
    if (a < i && exact_initials(d, a, i, j, k)) {
        define(s, place_head(s, a), i, j, k);
        return;
    }
    /* INSEE between commas after National Statistics Institute: a name
     * and the acronym listed on one line of orgs.txt (a French body's
     * acronym after an English rendering of its name) define it just the
     * same */
    a = listed_with(s, i, j, k);
    if (a < i) {
        define(s, a, i, j, k);
        return;
    }
    if (d->norm[k] != ',')
        return;
    /* the body's common noun: one lower-case word right before the comma */
    size_t w = i;
    while (w > s->lo && i - w < 16 && d->norm[w - 1] >= 'a' && d->norm[w - 1] <= 'z')
        w--;
    if (w == i || i - w < 3 || (w > s->lo && d->norm[w - 1] != ' ' && d->norm[w - 1] != '\n'))
        return;
    char cap[16];
    memcpy(cap, d->norm + w, i - w);
    cap[0] = (char)(cap[0] & 0xDF);
    int32_t v;
    if (!kj_dict_get(s->x->osuf_en, cap, i - w, &v))
        return;
    ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + j, k - j, NULL, 0);
    if (!e)
        return;
    char key[40];
    int n = ent_key_str(key, sizeof key, "a:", d->norm + j, k - j);
    if (n > 0 && (size_t)n < sizeof key) {
        ent_alias(s, KIJI_FACT_ORGANIZATION, key, (size_t)n, e);
        s->nacronyms++;
    }
    longer_name(s, e, j, k);
    ent_mention(s, e, j, k);
}

static void pass_definitions(estate *s)
{
    kiji_doc *d = s->d;
    for (size_t i = s->lo; i < s->hi; i++) {
        /* the loop acts only at the bytes ( < = , (ASCII, so never inside a
         * multibyte character): on to the next of them; d->norm ends in
         * its one NUL byte (kiji_parse refuses text holding another) */
        i += strcspn(d->norm + i, "(<=,");
        if (i >= s->hi)
            break;
        d->work++;
        char c = d->norm[i];
        if (c == '(') {
            size_t j = i + 1, k = j;
            while (k < s->hi && k - j < 96 && d->norm[k] != ')' && d->norm[k] != '(' &&
                   d->norm[k] != '\n')
                k++;
            if (k >= s->hi || d->norm[k] != ')' || k == j)
                continue;
            if (d->lang == KJ_LANG_EN && party_tag(d, j, k))
                continue;
            if (acronym(d, j, k)) {
                size_t a;
                if (d->lang == KJ_LANG_EN || (i > 0 && d->norm[i - 1] == ' ')) {
                    size_t b = i;
                    while (b > s->lo && (d->norm[b - 1] == ' ' || d->norm[b - 1] == '\n'))
                        b--;
                    /* <Harwick Marine Bank SA> (HMB): a name
                     * Reuters marks, wrapped or not, defines the acronym
                     * that follows it (cases/en/organization) */
                    size_t lt = b > s->lo && d->norm[b - 1] == '>' ? b - 1 : s->lo;
                    while (lt > s->lo && b - lt < 96 && d->norm[lt - 1] != '<' &&
                           d->norm[lt - 1] != '>' && d->norm[lt - 1] != '(') {
                        d->work++;
                        lt--;
                    }
                    if (lt > s->lo && lt + 1 < b && d->norm[lt - 1] == '<' &&
                        (d->norm[lt] & 0xDF) == (d->norm[j] & 0xDF) &&
                        upper((unsigned char)d->norm[lt]) && org_suffix_end(s, lt, b - 1)) {
                        define(s, lt, b - 1, j, k);
                        continue;
                    }
                    int caps = 0;
                    for (size_t q = j; q < k; q++)
                        caps += upper((unsigned char)d->norm[q]);
                    a = en_name_start(s, b, caps);
                    /* Electronic Arts Inc (EA): the legal form has no letter */
                    if (!(a < b && (d->norm[a] & 0xDF) == (d->norm[j] & 0xDF))) {
                        size_t lo2 = b - s->lo > 96 ? b - 96 : s->lo;
                        size_t b2 = lo2 + kj_org_base(d->norm + lo2, b - lo2);
                        a = b2 < b && b2 > lo2 ? en_name_start(s, b2, caps) : b2;
                        if (b2 >= b || a >= b2)
                            a = b;
                    }
                    /* Singapore Airlines (SIA): one capital more than
                     * words, the extra one a later letter of a word */
                    if (!(a < b && (d->norm[a] & 0xDF) == (d->norm[j] & 0xDF)) && caps >= 3 &&
                        caps == (int)(k - j)) {
                        size_t a2 = en_name_start(s, b, caps - 1);
                        if (a2 < b && org_suffix_end(s, a2, b) && inner_initials(d, a2, b, j, k))
                            a = a2;
                    }
                    if (a < b && (d->norm[a] & 0xDF) == (d->norm[j] & 0xDF))
                        define(s, place_head(s, a), b, j, k);
                } else {
                    a = ja_name_start(s, i);
                    /* 野党パキスタン人民党(PPP): the name starts after a
                     * common word of ja/org_lead, as in ja_seg */
                    for (size_t p = a; p < i;) {
                        size_t nx, n = olead_at(s, p, i, &nx);
                        if (n && p + n < i)
                            a = p + n;
                        p = nx;
                    }
                    a = ja_country_label(s, a, i);
                    if (a < i && !acronym(d, a, i))
                        define(s, a, i, j, k);
                }
            } else {
                if (d->lang == KJ_LANG_EN) {
                    size_t b = i;
                    while (b > s->lo && (d->norm[b - 1] == ' ' || d->norm[b - 1] == '\n') && i - b < 3)
                        b--;
                    size_t a = word_acronym_name(s, b, j, k);
                    if (a < b) {
                        define_as(s, a, b, j, k, true);
                        s->nword_acr++;
                        continue;
                    }
                }
                /* NATO(北大西洋条約機構), NATO (North Atlantic Treaty Organization) */
                size_t ti = i;
                while (ti > s->lo && d->norm[ti - 1] == ' ' && i - ti < 2)
                    ti--;
                size_t a = token_before(s, ti);
                bool allname = true;
                for (size_t q = j; q < k;) {
                    size_t nx;
                    uint32_t cp = ent_cp(d, q, &nx);
                    if (!ent_namechar(cp) && cp != ' ')
                        allname = false;
                    q = nx;
                }
                /* 1630 EST (2130 GMT): a clock time in brackets names
                 * nothing, and no name starts with a digit */
                bool digit = d->norm[j] >= '0' && d->norm[j] <= '9';
                /* AKB48(公式サイト): a well-known name before a note in
                 * brackets that is no organization's name defines nothing */
                int32_t kv;
                bool note = d->lang != KJ_LANG_EN && a < ti &&
                            kj_dict_get(s->x->org, d->norm + a, ti - a, &kv) &&
                            !org_suffix_end(s, j, k) &&
                            !kj_dict_get(s->x->org, d->norm + j, k - j, &kv);
                if (a < ti && acronym(d, a, ti) && allname && !digit && !note)
                    define(s, j, k, a, ti);
            }
        } else if (c == '<' && d->lang == KJ_LANG_EN) {
            /* Reuters marks companies: <Maserati>, <Consolidated TVX Mining
             * Corp>; an all-capital ticker (<DF>) is no name. The mark
             * may wrap at a line break between two words (<Airbus
             * Industrie>), not at one that opens a paragraph. */
            size_t k = i + 1;
            bool lower = false;
            while (k < s->hi && k - i < 64 && d->norm[k] != '>' && d->norm[k] != '<' &&
                   d->norm[k] != '^' && /* <Pratt^M: a carriage return typed out */
                   (d->norm[k] != '\n' ||
                    (k > i + 1 && d->norm[k - 1] != ' ' && k + 1 < s->hi &&
                     d->norm[k + 1] != ' ' && d->norm[k + 1] != '\n'))) {
                lower |= d->norm[k] >= 'a' && d->norm[k] <= 'z';
                k++;
            }
            /* an acronym in brackets right after the name: the ( branch
             * defines both at once (a known acronym's entity is the one) */
            size_t q = k + 1;
            while (q < s->hi && q - k < 4 && (d->norm[q] == ' ' || d->norm[q] == '\n'))
                q++;
            size_t r = q + 1;
            while (q < s->hi && d->norm[q] == '(' && r < s->hi && r - q < 12 && d->norm[r] != ')')
                r++;
            bool acr_next = q < s->hi && d->norm[q] == '(' && r < s->hi && d->norm[r] == ')' &&
                            acronym(d, q + 1, r) &&
                            (d->norm[q + 1] & 0xDF) == (d->norm[i + 1] & 0xDF) &&
                            org_suffix_end(s, i + 1, k);
            if (k < s->hi && d->norm[k] == '>' && lower && upper((unsigned char)d->norm[i + 1]) &&
                !acr_next) {
                /* <Siemens AG's> U.S. subsidiary: the mark closes on the
                 * owner's possessive, no part of the name (an 's inside
                 * it stays: <Gray's Printing Ltd>) */
                size_t ke = k;
                if (ke - i > 4 && d->norm[ke - 1] == 's' && d->norm[ke - 2] == '\'')
                    ke -= 2;
                else if (ke - i > 4 && d->norm[ke - 1] == '\'' && d->norm[ke - 2] == 's')
                    ke -= 1;
                ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + i + 1, ke - i - 1, NULL, 0);
                if (e) {
                    longer_name(s, e, i + 1, ke);
                    ent_mention(s, e, i + 1, ke);
                }
            }
        } else if (c == ',' && d->lang == KJ_LANG_EN) {
            comma_acronym(s, i);
        } else if (c == '=' && i > s->lo) {
            /* NHK: OECD=経済協力開発機構 */
            size_t a = token_before(s, i);
            if (a >= i || !acronym(d, a, i))
                continue;
            size_t k = i + 1;
            int n = 0;
            while (k < s->hi && n < 24) {
                size_t nx;
                uint32_t cp = ent_cp(d, k, &nx);
                if (!ent_namechar(cp) || ent_word(cp))
                    break;
                k = nx;
                n++;
            }
            if (k > i + 1)
                define(s, i + 1, k, a, i);
        }
    }
}

/* 航空会社, 人気アイドルグループ: 会社 and グループ take any common noun
 * before them. A name ending in 会社 is a company's own name only with its
 * legal form (任天堂株式会社); one ending in グループ is common when it ends
 * in a common word of org_generic.txt longer than グループ (研究グループ,
 * 犯人グループ), while ソフトバンクグループ stays (cases/ja/org); one
 * ending in 電力 likewise (低消費電力, while 東北電力 stays;
 * cases/ja/organization_power). */
static bool generic_head(estate *s, size_t a, size_t b)
{
    kiji_doc *d = s->d;
    static const char *const legal[] = {"株式会社", "有限会社", "合同会社", "合資会社",
                                        "合名会社", "相互会社", NULL};
    if (b - a > 6 && kj_before(d->norm, b, "会社")) {
        int32_t v;
        if (kj_dict_get(s->x->org, d->norm + a, b - a, &v))
            return false;
        for (int i = 0; legal[i]; i++) {
            size_t n = strlen(legal[i]);
            if (b - a >= n && memcmp(d->norm + b - n, legal[i], n) == 0)
                return b - a == n; /* 株式会社として: the form alone names none */
        }
        return true;
    }
    /* 低消費電力, 待機時消費電力: 電力 (power) the same way */
    size_t tail = kj_before(d->norm, b, "グループ") ? strlen("グループ")
                  : kj_before(d->norm, b, "電力")   ? strlen("電力")
                                                    : 0;
    if (!tail)
        return false;
    for (size_t p = a; p + tail < b;) {
        d->work++;
        int32_t v;
        if (kj_dict_get(s->x->ogeneric_ja, d->norm + p, b - p, &v))
            return true;
        size_t nx;
        ent_cp(d, p, &nx);
        p = nx;
    }
    return false;
}

/* ---- pass B: names ending in an organization word ---------------------------- */

static bool anaphoric(const char *p)
{
    static const char *const pre[] = {"同", "各", "両", "当", "本", "自", "他", "全", "諸", "某",
                                      "現", "元", "前", "旧", "一切", NULL};
    for (int i = 0; pre[i]; i++)
        if (ent_starts(p, pre[i]))
            return true;
    return false;
}

/* A name beginning with an anaphoric prefix is a common noun (同社,
 * 各国立大学, 同町観光協会, 現在病院) unless the prefix opens a word that
 * begins names: 自由党, 全国銀行協会, 全日本柔道連盟, 全米ライフル協会,
 * 同志社大学. */
static bool anaphoric_name(const kiji_doc *d, size_t a, size_t b)
{
    static const char *const opens[] = {"自由", "全国", "全日本", "全米", "同志社", NULL};
    if (!anaphoric(d->norm + a))
        return false;
    for (int i = 0; opens[i]; i++)
        if (kj_at(d->norm, b, a, opens[i]))
            return false;
    return true;
}

/* Whether [a, b) is kanji only (the caller bounds it to a few). */
static bool kanji_only(const kiji_doc *d, size_t a, size_t b)
{
    for (size_t q = a; q < b;) {
        size_t qx;
        if (!kj_is_kanji(ent_cp(d, q, &qx)))
            return false;
        q = qx;
    }
    return true;
}

/* The segment a..p ends with a person's name: katakana (a 前 or 元 between
 * them is the role's), or it is a surname of ja/surnames. */
static bool person_before(estate *s, size_t a, size_t p)
{
    const kiji_doc *d = s->d;
    int32_t v;
    if (p > a + 3 && (kj_before(d->norm, p, "前") || kj_before(d->norm, p, "元")))
        p -= 3;
    if (p <= a)
        return false;
    size_t ps;
    if (ent_kata(ent_prev(d, p, &ps)))
        return true;
    return kj_dict_get(s->x->surname_ja, d->norm + a, p - a, &v);
}

/* エルピーダメモリ, スカイマークエアラインズ, NECエレクトロニクス: a
 * business word in katakana marked 4 in ja/org_suffixes, starting at p and
 * ending at e, ends a company's name when the stem [a, p) before it is
 * katakana (・ inside) or Latin capitals and digits, two characters or more
 * and at most 24, the word ends the written word (メモリーカード goes on),
 * and neither the stem nor a tail of it that starts at a katakana
 * character is a common word of ja/firm_stem_not (フラッシュメモリ, NAND
 * フラッシュメモリ, ベンチャーキャピタル, ITソリューションズ are things). */
static bool kata_firm_stem(estate *s, size_t a, size_t p, size_t e)
{
    kiji_doc *d = s->d;
    size_t nx;
    if (e < s->hi && ent_kata(ent_cp(d, e, &nx)))
        return false;
    int k = 0;
    for (size_t q = a; q < p; q = nx, k++) {
        d->work++;
        uint32_t c = ent_cp(d, q, &nx);
        bool kata = ent_kata(c) && c != 0x30FC;
        if (k >= 24 || !(ent_kata(c) || c == 0x30FB || (c >= 'A' && c <= 'Z') || kj_is_digit(c)))
            return false;
        int32_t v;
        if ((q == a || kata) && kj_dict_get(s->x->firm_stem_not_ja, d->norm + q, p - q, &v))
            return false;
    }
    return k >= 2;
}

static bool ascii_letter(char c)
{
    unsigned char u = (unsigned char)c | 0x20;
    return u >= 'a' && u <= 'z';
}

/* モデル大分高校, ファン・サンミン延世大学, 河上和雄駿河台大学: [a, p)
 * before a known body or a place is a word run into the name, not part
 * of it: katakana only (・ inside) and no place, or a person's full
 * name (a listed surname, then a listed given name). Bounded by the
 * caller's run. */
static bool glued_word(estate *s, size_t a, size_t p)
{
    const kiji_doc *d = s->d;
    int32_t v;
    if (p <= a || kj_dict_longest(s->x->place, d->norm, p, a, &v))
        return false;
    bool kata = true;
    for (size_t q = a; q < p && kata;) {
        s->d->work++;
        size_t nx;
        uint32_t c = ent_cp(d, q, &nx);
        kata = ent_kata(c) || c == 0x30FB;
        q = nx;
    }
    if (kata)
        return true;
    size_t sl = kj_dict_longest(s->x->surname_ja, d->norm, p, a, &v);
    return sl && a + sl < p && kj_dict_get(s->x->given_ja, d->norm + a + sl, p - a - sl, &v);
}

/* IAEA理事会, AU委員会: a board, commission, council or secretariat of a
 * known body, written [p, b) after its name, is a body of its own (as
 * 欧州委員会 is not 欧州連合, nor 国連安全保障理事会 国連), no form of the
 * known one (ツイッター社 is). */
static bool organ_word(const kiji_doc *d, size_t p, size_t b)
{
    static const char *const organ[] = {"委員会", "理事会", "評議会", "事務局", "総会", NULL};
    for (int i = 0; organ[i]; i++) {
        size_t n = strlen(organ[i]);
        if (b - p == n && memcmp(d->norm + p, organ[i], n) == 0)
            return true;
    }
    return false;
}

/* 北の湖相撲協会理事長: one kanji [a, p) right after a kanji and の, before
 * a known body, ends a name written with の (a wrestler's 北の湖, 千代の
 * 富士), no part of the body's name; the body starts after it. */
static bool name_tail(const estate *s, size_t a, size_t p)
{
    const kiji_doc *d = s->d;
    size_t ax, ps;
    if (a < s->lo + 6 || !kj_is_kanji(ent_cp(d, a, &ax)) || ax != p || !kj_before(d->norm, a, "の"))
        return false;
    return kj_is_kanji(ent_prev(d, a - 3, &ps));
}

/* Where a police force's name (南海県警, 警視庁, 南海県警察) ends in [a, p)
 * with two to five kanji between it and p, the station word's start
 * (南海県警|北町|署); 0 when none. */
static size_t force_end(const kiji_doc *d, size_t a, size_t p)
{
    static const char *const force[] = {"県警", "府警", "道警", "警視庁", "県警察", "府警察", "道警察", NULL};
    size_t q = p;
    for (int k = 1; k <= 5 && q >= a + 6; k++) {
        size_t qs;
        if (!kj_is_kanji(ent_prev(d, q, &qs)) || q - qs != 3)
            break;
        q = qs;
        for (int f = 0; k >= 2 && force[f]; f++)
            if (q >= a + strlen(force[f]) && kj_before(d->norm, q, force[f]))
                return q;
    }
    return 0;
}

/* Does 署 at p end a police station's name in the run from a (the suffix
 * marked 5 in org_suffixes)? 署 alone also ends 部署 and 署名, so it needs
 * the force written right before two to five kanji (南海県警北町署, 警視庁
 * 西町署), or the station read under its full name (北町署 after
 * 北町警察署: ja_body_key reads both as one; a run read before the full
 * form is asked again by pass_stations_later). */
static bool station_end(estate *s, size_t a, size_t p)
{
    const kiji_doc *d = s->d;
    if (force_end(d, a, p))
        return true;
    char body[96], key[100];
    size_t bl = p + 3 - a < sizeof body ? ja_body_key(d->norm + a, p + 3 - a, body, sizeof body) : 0;
    if (bl < 9) /* two kanji and 署 at least */
        return false;
    int n = ent_key_str(key, sizeof key, "n:", body, bl);
    return n > 0 && (size_t)n < sizeof key && ent_get(s, KIJI_FACT_ORGANIZATION, key, (size_t)n);
}

/* 富山地方鉄道, 広島電気鉄道: is the stem [a, p) before a railway word a
 * place of the gazetteer, or a prefecture's name without its 県 or 府
 * (富山 for 富山県)? A railway word marked 6 in ja/org_suffixes ends a
 * company's name only there: 高速鉄道, 森林鉄道, 空港鉄道 are kinds of
 * railway, and a place inside a longer stem (近畿日本鉄道) names none. */
static bool rail_place(estate *s, size_t a, size_t p)
{
    const kiji_doc *d = s->d;
    int32_t v;
    if (p < a + 6)
        return false;
    if (kj_dict_get(s->x->place, d->norm + a, p - a, &v))
        return true;
    char key[40];
    size_t n = p - a;
    if (n + 3 > sizeof key || !kanji_only(d, a, p))
        return false;
    memcpy(key, d->norm + a, n);
    memcpy(key + n, "県", 3);
    if (kj_dict_get(s->x->place, key, n + 3, &v))
        return true;
    memcpy(key + n, "府", 3);
    return kj_dict_get(s->x->place, key, n + 3, &v);
}

/* Does the run [e, b) after a railway company's name name one of its
 * lines (広島電鉄宮島線, 富山地方鉄道富山市内軌道線): kanji, at most
 * eight, ending in 線? */
static bool line_after(const kiji_doc *d, size_t e, size_t b)
{
    if (b - e < 6 || b - e > 24 || !kj_before(d->norm, b, "線"))
        return false;
    return kanji_only(d, e, b);
}

static void ja_seg(estate *s, size_t a, size_t b)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    size_t best = 0, best_p = 0, best_cut = 0, sitting = 0;
    int chars = 0;
    bool station = false; /* a 署 that station_end refused */
    /* 旧日本軍, 旧三井銀行: 旧 (former) before a body's name is no part of
     * it, as 旧鳩ヶ谷市 is the city 鳩ヶ谷市 (rec_place.c): the name is
     * read after it, by the same rules as when written alone (旧海軍 is
     * none, as 海軍 is). Not where 旧 opens a word of its own, 旧制 (旧制
     * 高校: the old school system), 旧来, 旧式, 旧型, 旧姓, 旧称, 旧態 */
    if (b - a > 6 && kj_at(d->norm, b, a, "旧")) {
        static const char *const word[] = {"制", "来", "式", "型", "姓", "称", "態", NULL};
        bool own = false;
        for (int i = 0; word[i] && !own; i++)
            own = kj_at(d->norm, b, a + 3, word[i]);
        if (!own)
            a += 3;
    }
    for (size_t p = a; p < b; chars++) {
        d->work++;
        int32_t v;
        size_t nx;
        uint32_t c = ent_cp(d, p, &nx);
        /* a suffix needs a character of the name before it (ok below):
         * none is looked up at a */
        size_t n = chars > 0 && ent_first_has(x, ENT_F_OSUF, c)
                       ? kj_dict_longest(x->osuf_ja, d->norm, b, p, &v)
                       : 0;
        if (n) {
            size_t e = p + n, cut = 0;
            bool one = (nx == e); /* a one-character suffix: 省 党 社 庁 */
            bool ok = chars >= (one ? 2 : 1);
            /* 米軍, 英軍: a one-kanji country form before 軍 (not 中 and 日,
             * which stand for their country only beside another such form) */
            if (!ok && one && chars == 1 && kj_at(d->norm, b, p, "軍") && !kj_at(d->norm, b, a, "中") &&
                !kj_at(d->norm, b, a, "日"))
                ok = kj_dict_get(x->abbr, d->norm + a, p - a, &v);
            /* メディア各社, 同省: 各 and 同 make a common noun, unless the
             * kanji ends a place of two to four kanji written before the
             * suffix (日本軍: 本 is 日本's) */
            if (ok && one && p >= 3 && anaphoric(d->norm + p - 3)) {
                ok = false;
                for (size_t w = 6; w <= 12 && p >= a + w && !ok; w += 3) {
                    int32_t pv;
                    ok = kj_dict_get(x->place, d->norm + p - w, w, &pv);
                }
            }
            /* 中国南部広東省, ベトナム北部クアンニン省: a province that
             * rec_places read, ending with the suffix 省, is no ministry */
            if (ok && one && kj_at(d->norm, b, p, "省")) {
                const ent *pe = ent_ending_at(s, e);
                ok = !(pe && pe->type == KIJI_FACT_PLACE && pe->kind == PL_REGION);
            }
            /* one kanji, or a word marked 2 in the list (航空, 証券), ends a
             * name only at the end of the written word or before a word of
             * org_follow.txt: 航空宇宙局 and 有価証券報告書 go on */
            /* 清水建設, 佐川急便: a business word marked 3 ends a name only
             * after a surname of ja/surnames written alone before it (ダム
             * 建設, 住宅建設 are common nouns), at the end of the written
             * word or before a word of org_follow.txt */
            if (ok && v == 3) {
                int32_t sv;
                ok = kj_dict_get(x->surname_ja, d->norm + a, p - a, &sv) &&
                     (e == b || kj_dict_longest(x->ofollow_ja, d->norm, b, e, &sv) > 0);
            }
            if (ok && v == 4)
                ok = kata_firm_stem(s, ja_country_label(s, a, p), p, e);
            if (ok && v == 5) {
                ok = station_end(s, a, p);
                station |= !ok;
            }
            /* 富山地方鉄道: a railway word marked 6 ends a company's name
             * only after a place (rail_place), at the end of the written
             * word, before a word of org_follow.txt or before one of its
             * lines (富山地方鉄道富山市内軌道線) */
            bool line = false;
            if (ok && v == 6) {
                ok = rail_place(s, a, p);
                line = ok && e < b && line_after(d, e, b);
            }
            /* 広島電鉄宮島線: so does a word marked 2 (電鉄, 航空) after a
             * place, before one of its lines */
            if (ok && v == 2 && e < b && line_after(d, e, b) && rail_place(s, a, p))
                line = true;
            /* 東京都内病院, 県内大学, 国内銀行: a place and 内 (inside it)
             * before the suffix make a common noun, a body somewhere in
             * the place, not a name (町内会 and 村内 are left alone: 町内会
             * names a residents' association) */
            if (ok && p >= a + 6 && kj_before(d->norm, p, "内")) {
                static const char *const area[] = {"都", "道", "府", "県", "市", "区", "国", NULL};
                for (int i = 0; area[i] && ok; i++)
                    ok = !kj_before(d->norm, p - 3, area[i]);
            }
            if (ok && (one || v == 2 || v == 6) && e < b && !line)
                ok = kj_dict_longest(x->ofollow_ja, d->norm, b, e, &v) > 0;
            /* 公明離党: the kanji before a one-kanji suffix and the suffix
             * make a verb noun of org_generic.txt marked 2 (離党, 入党), no
             * name's end: the party's short form is acted on */
            if (ok && one && p >= a + 3) {
                int32_t gv;
                ok = !(kj_dict_get(x->ogeneric_ja, d->norm + p - 3, e - p + 3, &gv) && gv == 2);
            }
            /* 超会議会場, 抗議会見, 日本会議会員: the kanji before the suffix
             * and its first character make a word of org_generic.txt
             * marked 3 (会議, 抗議), and a character runs on after the
             * suffix: the word ends inside the suffix and its last
             * character opens the next word (会場, 会見), no body 議会 */
            if (ok && e < b && p >= a + 3) {
                int32_t gv;
                ok = !(kj_dict_get(x->ogeneric_ja, d->norm + p - 3, 3 + kj_u8_len((unsigned char)d->norm[p]), &gv) &&
                       gv == 3);
            }
            /* 雲南省地震政府: an event noun of org_generic.txt marked 4 (地震,
             * 洪水) right before 政府 names what happened, not whose
             * government it is: a place's government is named by the place */
            if (ok && kj_at(d->norm, b, p, "政府")) {
                for (size_t w = 6; w <= 9 && p >= a + w; w += 3) {
                    int32_t gv;
                    if (kj_dict_get(x->ogeneric_ja, d->norm + p - w, w, &gv) && gv == 4)
                        ok = false;
                }
            }
            /* チャン事務局長, ブリックス前事務局長: the suffix opens a title
             * of ja/titles. After a katakana name (or a surname) the title
             * belongs to the person; after anything else it is the role of
             * the organization named before it (日本高野連事務局長, IAEA
             * 事務局長), which ends there. */
            if (ok && e < b && kj_dict_longest(x->title_ja, d->norm, b, p, &v) > n) {
                ok = false;
                if (!person_before(s, a, p)) {
                    best = p;
                    best_cut = 0;
                    best_p = p;
                }
            }
            /* 山田春男市議会議員: a council's title (市議会議員, 県議会議長)
             * that opens one kanji before the suffix 議会 and runs past
             * it, after a listed surname and a listed given name (or one
             * or two kanji ending as given names do, ja/given_endings
             * value 1 or 2) filling the rest: the person's name and title,
             * no body 山田春男市議会 (長崎市議会議員 stays the city's) */
            if (ok && e < b && p >= a + 12 && kj_at(d->norm, b, p, "議会") &&
                kj_dict_longest(x->title_ja, d->norm, b, p - 3, &v) > e - (p - 3)) {
                int32_t sv;
                size_t q = p - 3;
                size_t sl = kj_dict_longest(x->surname_ja, d->norm, q, a, &sv);
                size_t gl = sl ? kj_dict_longest(x->given_ja, d->norm, q, a + sl, &sv) : 0;
                size_t g = a + sl;
                if (sl && (gl == q - g || ((q - g == 3 || q - g == 6) && kanji_only(d, g, q) &&
                                           kj_dict_get(x->gend_ja, d->norm + q - 3, 3, &sv) &&
                                           sv >= 1 && sv <= 2)))
                    ok = false;
            }
            /* 古賀伸明連合会長: a title (会長) that opens inside the suffix
             * (連合会) after a shorter suffix (連合) and runs past it, with a
             * person's name (a listed surname, then a listed given name or
             * one or two kanji) before: the
             * name, body and title of a person, no body 古賀伸明連合会 */
            if (ok && e < b && p > a) {
                for (size_t q = nx; q < e; q += kj_u8_len((unsigned char)d->norm[q])) {
                    d->work++;
                    int32_t tv, sv;
                    if (kj_dict_longest(x->title_ja, d->norm, b, q, &tv) <= e - q ||
                        !kj_dict_get(x->osuf_ja, d->norm + p, q - p, &sv))
                        continue;
                    size_t sl = kj_dict_longest(x->surname_ja, d->norm, p, a, &sv);
                    /* the given name listed, or one or two kanji (伸明) */
                    size_t gl = sl ? p - a - sl : 0;
                    bool kanji2 = gl == 3 || gl == 6;
                    for (size_t g = a + sl; kanji2 && g < p; g += 3) {
                        size_t gx;
                        kanji2 = kj_is_kanji(ent_cp(d, g, &gx)) && gx == g + 3;
                    }
                    if (sl && gl && (kanji2 || kj_dict_get(x->given_ja, d->norm + a + sl, gl, &sv)))
                        ok = false;
                    /* 芳野友子連合会長: four kanji with the surname unlisted
                     * when the body's short form (ja/org_short) is the
                     * shorter suffix: a name of two and two (rec_person.c
                     * unknown_before_org), unless the four open with a
                     * place or are a common word (関西経済連合会) */
                    else if (!sl && p - a == 12 && kanji_only(d, a, p) &&
                             kj_dict_get(x->oshort_ja, d->norm + p, q - p, &sv) &&
                             !kj_dict_longest(x->place, d->norm, p, a, &sv) &&
                             !kj_dict_get(x->notname_ja, d->norm + a, 6, &sv) &&
                             !kj_dict_get(x->notname_ja, d->norm + a + 6, 6, &sv))
                        ok = false;
                    break;
                }
            }
            /* 石破茂自民党総裁: a listed surname and a listed given name,
             * then a body of ja/orgs ending in the suffix and a title of
             * ja/titles right after it: the person's name, then the body
             * (read after the name: rec_person.c ja_tail) and the title;
             * 山田太郎記念財団 names no known body, so stays one;
             * 鈴木一郎民主党の代表: or の and the title */
            bool no = e == b && kj_at(d->norm, s->hi, e, "の");
            if (ok && (e < b || no) &&
                kj_dict_longest(x->title_ja, d->norm, no ? s->hi : b, no ? e + 3 : e, &v) > 0) {
                int32_t sv;
                /* 中旬麻生太郎自民党総裁: a common word of ja/org_lead (a
                 * date word) run into the name: the name starts after it,
                 * and the body after the name */
                size_t lx, ln = olead_at(s, a, p, &lx), na = a + ln;
                size_t sl = kj_dict_longest(x->surname_ja, d->norm, p, na, &sv);
                size_t gl = sl ? kj_dict_longest(x->given_ja, d->norm, p, na + sl, &sv) : 0;
                size_t ne = na + sl + gl;
                ent *ko = NULL;
                if (sl && gl && ne < p && org_at(s, ne, &ko) == e - ne) {
                    if (ln)
                        cut = ne;
                    else
                        ok = false;
                }
                /* 鈴木一郎民主党代表: a party named by its 党 (one to three
                 * kanji before it) after the name starts after the name */
                else if (sl && gl && ne < p && one && kj_at(d->norm, b, p, "党") &&
                         p - ne <= 9 && kanji_only(d, ne, p))
                    cut = ne;
                /* 小沢民主党代表: a listed surname alone, then a party of
                 * two kanji and 党 and a title: the person's surname, then
                 * the party (not a place: 大阪民主党 keeps its place) */
                else if (sl && !gl && p - ne == 6 && one && kj_at(d->norm, b, p, "党") &&
                         kanji_only(d, a, p) && !kj_dict_longest(x->place, d->norm, p, a, &sv))
                    cut = ne;
            }
            /* 世代大学生, ｗ大学, 実大学: 大学 before 生 (a student) or
             * after one character is no university's name unless a place
             * opens the run or the name is known (東京大学生, 早稲田大学生) */
            if (ok && kj_at(d->norm, b, p, "大学") && (chars == 1 || kj_at(d->norm, b, e, "生"))) {
                int32_t pv;
                ok = kj_dict_longest(x->place, d->norm, p, a, &pv) > 0 ||
                     kj_dict_get(x->org, d->norm + a, e - a, &pv);
            }
            /* 一般財団法人, 公益社団法人: before 法人 the word is a legal
             * form, which a name follows (一般財団法人日本気象協会) */
            if (ok && kj_at(d->norm, b, e, "法人"))
                ok = false;
            /* 臨時理事会, 緊急理事会: a sitting of the board, not a body
             * (nor is 議会 inside 臨時評議会) */
            if (ok && kj_before(d->norm, e, "会") &&
                (e == sitting || kj_before(d->norm, p, "臨時") || kj_before(d->norm, p, "緊急") ||
                 kj_before(d->norm, p, "定例"))) {
                ok = false;
                sitting = e;
            }
            if (ok) {
                best = e;
                best_p = p;
                best_cut = cut;
            }
        }
        p = nx;
    }
    /* 北町署 before 北町警察署: the run may name the station once the
     * full form is read later in the text */
    if (!best && station && s->nstation_wait < 8) {
        s->station_wait[s->nstation_wait].a = a;
        s->station_wait[s->nstation_wait].b = b;
        s->nstation_wait++;
    }
    if (!best)
        return;
    int32_t v;
    if (best_cut)
        a = best_cut;
    a = ja_country_label(s, a, best);
    /* 韓国与党セヌリ党: the name starts after a common word such as 与党 */
    for (size_t p = a; p < best;) {
        size_t nx, n = olead_at(s, p, best, &nx);
        if (n && p + n < best)
            a = p + n;
        /* 最大野党の, 子会社が: the common word is all there is */
        else if (n && p + n == best)
            return;
        /* 如水館高校対高知高校: 対 (versus) right after an organization
         * word pairs two names; the one before is read on its own (a
         * shorter stretch), the name starts after 対; so it does after
         * the parenthesis closing the first name's note (平工業高校(福島県)
         * 対松商学園高校) */
        else if (kj_at(d->norm, best, p, "対") &&
                 (p > a ? org_suffix_end(s, a, p) : p > 0 && (kj_before(d->norm, p, ")") || kj_before(d->norm, p, "）")))) {
            if (p > a)
                ja_seg(s, a, p);
            a = nx;
        }
        /* 住民vs新聞社: vs (versus) written alone pairs two sides; the
         * name starts after it, and the side before is read on its own
         * where it ends in an organization word */
        else if (best - p > 2 && (kj_at(d->norm, best, p, "vs") || kj_at(d->norm, best, p, "VS")) &&
                 !ascii_letter(d->norm[p + 2]) && (p == a || !ascii_letter(d->norm[p - 1]))) {
            if (p > a && org_suffix_end(s, a, p))
                ja_seg(s, a, p);
            a = nx = p + 2;
        }
        /* 新党日本120自民党, 改革クラブ85公明党: digits between a kanji or
         * katakana and a kanji end a row of a seat or result table; the
         * name starts after them (AKB48グループ and 2ちゃんねる keep
         * theirs) */
        else if (d->norm[p] >= '0' && d->norm[p] <= '9') {
            size_t q = p, ps, qx;
            while (q < best && d->norm[q] >= '0' && d->norm[q] <= '9')
                q++;
            /* 2大政党, ドイツ2大政党: "the two major parties" counts them */
            if (kj_at(d->norm, best, q, "大"))
                return;
            uint32_t pc = p > a ? ent_prev(d, p, &ps) : 0;
            if (q < best && (kj_is_kanji(pc) || ent_kata(pc)) && kj_is_kanji(ent_cp(d, q, &qx))) {
                /* the rows before the digits are read on their own (公明党
                 * of 公明党21共産党 in the call, 共産党 here); each call
                 * reads a shorter stretch */
                ja_seg(s, a, p);
                a = q;
            }
            nx = q;
        }
        p = nx;
    }
    /* 翻訳ロシア大統領府, 発表ロシア連邦保安庁: a word of two kanji or more
     * run into a country's katakana name that opens the body's name; the
     * name starts at the country (在日ロシア大使館, 駐日アメリカ大使館: 在
     * and 駐 say where the body sits; 日本リビア友好協会 and 中央アフリカ
     * 共和国 open with a place) */
    {
        size_t p = a;
        int k = 0;
        while (p < best && k < 6) {
            d->work++;
            size_t nx;
            if (!kj_is_kanji(ent_cp(d, p, &nx)))
                break;
            p = nx;
            k++;
        }
        size_t px;
        int32_t pv, av;
        size_t pn = k >= 2 && p < best && ent_kata(ent_cp(d, p, &px))
                        ? kj_dict_longest(x->place, d->norm, best, p, &pv)
                        : 0;
        if (pn && pv >= 0 && (size_t)pv < x->nplaces && x->places[pv].kind == PL_COUNTRY &&
            p + pn < best && !kj_at(d->norm, best, a, "在") && !kj_at(d->norm, best, a, "駐") &&
            kj_dict_longest(x->place, d->norm, best, a, &av) == 0 &&
            kj_dict_longest(x->org, d->norm, best, a, &av) <= p - a)
            a = p;
        /* ゴーサインドイツ議会: a katakana word run into a country's
         * katakana name of three characters or more that the body's
         * kanji words follow; the name starts at the country (a run that
         * opens with a place or a known name keeps it: ニュージーランド
         * 政府) */
        else if (k == 0 && kj_dict_longest(x->place, d->norm, best, a, &av) == 0 &&
                 kj_dict_longest(x->org, d->norm, best, a, &av) == 0) {
            size_t q = a;
            int kk = 0;
            while (q < best && kk < 12) {
                d->work++;
                size_t qx;
                /* モデル大分高校: a katakana word run into a place of
                 * two kanji or more that the body's words follow; the
                 * name starts at the place */
                uint32_t c = ent_cp(d, q, &qx);
                if (!ent_kata(c)) {
                    pn = kk >= 2 && kj_is_kanji(c)
                             ? kj_dict_longest(x->place, d->norm, best, q, &pv)
                             : 0;
                    if (pn >= 6 && q + pn < best)
                        a = q;
                    break;
                }
                if (kk >= 2) {
                    pn = kj_dict_longest(x->place, d->norm, best, q, &pv);
                    size_t cx;
                    if (pn >= 9 && pv >= 0 && (size_t)pv < x->nplaces && x->places[pv].kind == PL_COUNTRY &&
                        q + pn < best && kj_is_kanji(ent_cp(d, q + pn, &cx))) {
                        a = q;
                        break;
                    }
                }
                q = qx;
                kk++;
            }
        }
    }
    /* 元アメリカ中央情報局長官: former belongs to the role, not the name */
    if (best - a > 3 && (kj_at(d->norm, best, a, "元") || kj_at(d->norm, best, a, "前")) &&
        kj_dict_get(x->org, d->norm + a + 3, best - a - 3, &v))
        a += 3;
    if (kj_dict_get(x->ogeneric_ja, d->norm + a, best - a, &v) || anaphoric_name(d, a, best))
        return;
    /* 与党2党, 第2党, 12社: a count or a rank, not a name */
    {
        size_t q = kj_at(d->norm, best_p, a, "第") ? a + strlen("第") : a;
        while (q < best_p && d->norm[q] >= '0' && d->norm[q] <= '9')
            q++;
        if (q == best_p)
            return;
    }
    if (generic_head(s, a, best))
        return;
    /* 雲南省, 中国雲南省: a province's 省 is no ministry's; a place name, or
     * a place written before one, is a place, not an organization */
    if (kj_dict_get(x->place, d->norm + a, best - a, &v))
        return;
    for (size_t p = a; p < best;) {
        d->work++;
        size_t nx;
        ent_cp(d, p, &nx);
        if (p > a && kj_dict_get(x->place, d->norm + a, p - a, &v) &&
            kj_dict_get(x->place, d->norm + p, best - p, &v))
            return;
        p = nx;
    }
    /* 番組向上機構 in 放送倫理・番組向上機構(BPO): the tail of a name that
     * a definition read whole is no organization of its own */
    if (ent_covered(s, KIJI_FACT_ORGANIZATION, a, best))
        return;
    /* ラストラン朝日新聞, 上記読売新聞社, 2005共同通信社: a news outlet of
     * data/ja/orgs.txt starts where its known name starts, unless the run
     * whole is known, begins with a known name and a word of at most three
     * characters (スポーツ報知新聞; 早稲田大学卒業後毎日新聞社 is two
     * names) or with a place (a local paper's own name) */
    size_t kl = ent_longest(s, x->org, a, &v);
    if (!kj_dict_get(x->org, d->norm + a, best - a, &v) && (!kl || best - a - kl > 9)) {
        size_t q = best;
        if (best - a > 3 && kj_before(d->norm, best, "社"))
            q = best - 3;
        size_t p = a;
        for (int k = 0; k < 24 && p < q; k++) {
            d->work++;
            size_t nx;
            ent_cp(d, p, &nx);
            p = nx;
            if (p >= q)
                break;
            if (!kj_dict_get(x->org, d->norm + p, q - p, &v) &&
                !kj_dict_get(x->org, d->norm + p, best - p, &v))
                continue;
            bool media = kj_before(d->norm, q, "新聞") || kj_before(d->norm, q, "通信社") ||
                         kj_before(d->norm, q, "通信") || kj_before(d->norm, q, "日報");
            if ((media && !kj_dict_get(x->place, d->norm + a, p - a, &v)) || glued_word(s, a, p) ||
                name_tail(s, a, p))
                a = p;
            break;
        }
    }
    /* ツイッター社: a well-known name plus 社 is that organization; a run
     * listed whole (三菱UFJ銀行 after 三菱UFJ, 阪急電鉄 after 阪急) is its
     * own line's, as pass_known reads it (else two facts of one name) */
    ent *e = NULL;
    for (size_t p = kj_dict_get(x->org, d->norm + a, best - a, &v) ? a : best; p > a + 3 && !e;) {
        size_t ps;
        ent_prev(d, p, &ps);
        if (kj_dict_get(x->org, d->norm + a, ps - a, &v) && !organ_word(d, ps, best)) {
            char key[16];
            int kn = ent_key_num(key, sizeof key, "#", (int)v);
            e = ent_make(s, KIJI_FACT_ORGANIZATION, key, (size_t)kn);
        }
        if (best - ps > 9)
            break;
        p = ps;
    }
    if (!e)
        e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + a, best - a, NULL, 0);
    if (!e)
        return;
    longer_name(s, e, a, best);
    ent_mention(s, e, a, best);
    /* 南海県警北町署: the station is named with its force, and the force
     * is an organization named there too (GUIDELINES: every named one) */
    size_t st = kj_before(d->norm, best, "警察署") ? best - 9 : kj_before(d->norm, best, "署") ? best - 3 : 0;
    size_t q = st > a ? force_end(d, a, st) : 0;
    ent *f = q && !kj_dict_get(x->ogeneric_ja, d->norm + a, q - a, &v)
                 ? org_for(s, KIJI_FACT_ORGANIZATION, d->norm + a, q - a, NULL, 0)
                 : NULL;
    if (f && f != e) {
        longer_name(s, f, a, q);
        ent_mention(s, f, a, q);
    }
}

/* 経産省・文科省, ・亀田総合病院・新東京病院: a ・ next to a kanji separates the
 * names of a list; between katakana it is inside one (デイリー・メール).
 * dot: the run holds a ・ (else it is one segment). */
/* 主婦と生活社, 主婦の友社: a well-known name (data/ja/orgs.txt) that
 * starts at most KNOWN_BACK characters before the run [a, b), across a
 * particle, and ends with it: pass_known reads it whole, and the run's
 * own name (生活社) is none. */
#define KNOWN_BACK 4
static bool known_across(estate *s, size_t a, size_t b)
{
    size_t q = a;
    for (int k = 0; k < KNOWN_BACK && q > s->lo; k++) {
        s->d->work++;
        size_t ps;
        uint32_t c = ent_prev(s->d, q, &ps);
        q = ps;
        /* only where a known name can start (ENT_F_ORG holds the first
         * character of every key of x->org) */
        int32_t v;
        if (ent_first_has(s->x, ENT_F_ORG, c) && ent_longest(s, s->x->org, q, &v) == b - q)
            return true;
    }
    return false;
}

static void ja_run(estate *s, size_t a, size_t b, bool dot)
{
    if (!dot) {
        if (b > a)
            ja_seg(s, a, b);
        return;
    }
    kiji_doc *d = s->d;
    size_t seg = a;
    for (size_t p = a; p < b;) {
        d->work++;
        size_t nx;
        ent_cp(d, p, &nx);
        if (kj_at(d->norm, b, p, "・")) {
            size_t ps, ax;
            uint32_t pc = p > a ? ent_prev(d, p, &ps) : 0;
            uint32_t ac = ent_cp(d, nx, &ax);
            if (p == a || kj_is_kanji(pc) || kj_is_kanji(ac) || ent_word(pc)) {
                if (p > seg)
                    ja_seg(s, seg, p);
                seg = nx;
            }
        }
        p = nx;
    }
    if (b > seg)
        ja_seg(s, seg, b);
}

static bool en_conn(const char *t, size_t tl)
{
    return (tl == 2 && !memcmp(t, "of", 2)) || (tl == 3 && !memcmp(t, "and", 3)) ||
           (tl == 1 && t[0] == '&') || (tl == 3 && !memcmp(t, "the", 3));
}

/* Saudi Press Agency SPA: capitals right after a name that spell its
 * capitalized words' initials define an acronym. */
static void initials(estate *s, ent *e, int st, int stop, const size_t *ws, const size_t *we,
                     const bool *cap, size_t ne)
{
    kiji_doc *d = s->d;
    char ini[16];
    size_t n = 0;
    for (int i = st; i <= stop && n + 1 < sizeof ini; i++)
        if (cap[i] && we[i] > ws[i])
            ini[n++] = d->norm[ws[i]];
    ini[n] = 0;
    if (n < 2 || ne + 1 + n > s->hi || d->norm[ne] != ' ' ||
        memcmp(d->norm + ne + 1, ini, n) != 0)
        return;
    size_t a = ne + 1, b = a + n;
    if (b < s->hi && ent_asc((unsigned char)d->norm[b]))
        return;
    if (!e->acronym)
        e->acronym = kj_strndup(d, ini, n);
    char key[24];
    int kl = ent_key_str(key, sizeof key, "a:", ini, strlen(ini));
    if (kl > 0 && (size_t)kl < sizeof key && !ent_get(s, KIJI_FACT_ORGANIZATION, key, (size_t)kl)) {
        ent_alias(s, KIJI_FACT_ORGANIZATION, key, (size_t)kl, e);
        s->nacronyms++;
    }
    ent_mention(s, e, a, b);
}

/* Words that close a company's name: after them "and" starts another. */
static bool corp_end(const kiji_doc *d, size_t a, size_t b)
{
    static const char *const w[] = {"Co", "Co.", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.",
                                    "PLC", "plc", "LLC", "Group", "AG", "SA", "NV", "Holdings", NULL};
    for (int i = 0; w[i]; i++)
        if (ent_equals(d->norm + a, b - a, w[i]))
            return true;
    return false;
}

/* Barnett Banks of Florida Inc: "of" (word i of the run) and a place
 * (up to three words) alone before a legal form (word last) stay in the name of the
 * capitalized words before them; "Florida Inc" is no company's name. */
static bool place_of_corp(estate *s, int i, int last, const size_t *ws, const size_t *we,
                          const bool *cap)
{
    const kiji_doc *d = s->d;
    if (i < 1 || i + 2 > last || i + 4 < last || !cap[i - 1] || !cap[i + 1] || we[i] - ws[i] != 2 ||
        memcmp(d->norm + ws[i], "of", 2) || !corp_end(d, ws[last], we[last]) ||
        ent_stopword(d, ws[i - 1], we[i - 1]))
        return false;
    /* Chairman of Florida Inc: a role before "of", no name */
    char low[32];
    size_t hn = we[i - 1] - ws[i - 1];
    if (hn >= sizeof low)
        return false;
    for (size_t k = 0; k < hn; k++) {
        char c = d->norm[ws[i - 1] + k];
        low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (kj_dict_get(s->x->title_last_en, low, hn, NULL))
        return false;
    ent *pl = NULL;
    return place_at(s, ws[i + 1], &pl) == we[last - 1] - ws[i + 1];
}

/* Morgan Stanley and Co Inc, Smith and Sons: "and" before Co / Company /
 * Sons (word i + 1 of the run, not past stop) joins one firm's name. */
static bool and_co(const kiji_doc *d, int i, int stop, const size_t *ws, const size_t *we)
{
    if (i + 1 > stop)
        return false;
    const char *t = d->norm + ws[i + 1];
    size_t n = we[i + 1] - ws[i + 1];
    return ent_equals(t, n, "Co") || ent_equals(t, n, "Co.") || ent_equals(t, n, "Company") ||
           ent_equals(t, n, "Sons");
}

/* Goldman, Sachs and Co; Sears, Roebuck and Co: the partner named before
 * a comma opens the firm's name that starts at ns ("Sachs and Co"). One
 * capitalized word with a lowercase letter, not after another comma (a
 * list), not a place, a sentence opener or a stopword (In Chicago, Smith
 * and Co). Returns the name's start: ns, or the partner's. */
static size_t comma_partner(estate *s, size_t ns)
{
    const kiji_doc *d = s->d;
    if (ns < s->lo + 5 || d->norm[ns - 1] != ' ' || d->norm[ns - 2] != ',')
        return ns;
    size_t e = ns - 2, w = e;
    bool lower = false;
    while (w > s->lo && e - w < 24 && ent_asc((unsigned char)d->norm[w - 1]) &&
           !kj_is_digit((unsigned char)d->norm[w - 1]))
        lower |= d->norm[--w] >= 'a' && d->norm[w] <= 'z';
    if (e - w < 3 || !lower || !upper((unsigned char)d->norm[w]))
        return ns;
    char pc = w > s->lo ? d->norm[w - 1] : ' ';
    if (pc != ' ' && pc != '\n' && pc != '<' && pc != '(')
        return ns;
    size_t b = w;
    while (b > s->lo && (d->norm[b - 1] == ' ' || d->norm[b - 1] == '\n'))
        b--;
    if (b > s->lo && d->norm[b - 1] == ',')
        return ns;
    /* chairman Thomas Keene, Keene and Co: the word ends a person's name */
    size_t pw = b;
    while (pw > s->lo && ent_asc((unsigned char)d->norm[pw - 1]))
        pw--;
    if (b < w && pw < b && upper((unsigned char)d->norm[pw]))
        return ns;
    int32_t v;
    ent *pl = NULL;
    if (ent_stopword(d, w, e) || kj_dict_get(d->p->openers, d->norm + w, e - w, &v) ||
        place_at(s, w, &pl) >= e - w || ent_char_claimed(d, w, w + 1))
        return ns;
    return w;
}

/* The bytes that end a word of an English capitalized run (en_run): one
 * load per byte of the word instead of a dozen comparisons. */
static const bool en_stop_byte[256] = {
    [' '] = true, ['\n'] = true, [','] = true, [';'] = true, [':'] = true, ['"'] = true,
    ['('] = true, [')'] = true,   ['<'] = true, ['>'] = true, ['`'] = true, ['\''] = true,
};

/* Trade Representative's Office, Attorney General's Office: the possessive
 * of a title's last word (title_last_en) right before Office is a body's
 * name (cases/en/org_title_office); Smith's Office is no name. */
static bool title_poss_office(estate *s, size_t w, size_t e, size_t q)
{
    const kiji_doc *d = s->d;
    char low[32];
    size_t hn = e - w;
    if (hn >= sizeof low || !upper((unsigned char)d->norm[w]) || q + 6 > s->hi ||
        memcmp(d->norm + q, "Office", 6) != 0 ||
        (q + 6 < s->hi && ((d->norm[q + 6] >= 'a' && d->norm[q + 6] <= 'z') || d->norm[q + 6] == '\'')))
        return false;
    for (size_t k = 0; k < hn; k++) {
        char c = d->norm[w + k];
        low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return kj_dict_get(s->x->title_last_en, low, hn, NULL);
}

/* Moody's Investors Service Inc, Oliver's Stores Inc: a possessive word
 * [w, e) that opens a run of capitalized words ending in a legal form is
 * the name's own, unless it is an acronym (UAW's), a place (Poland's
 * National Bank) or a name the text also writes without 's (Nacco's North
 * American Coal Co after Nacco Industries Inc; Sugarman's Giant Group Ltd
 * after Burt Sugarman): the owner's, not the name's (cases/en/organization).
 * *budget bounds the searches of the text for the word. */
static bool poss_opens_name(estate *s, size_t w, size_t e, int *budget)
{
    kiji_doc *d = s->d;
    bool lower = false;
    for (size_t b = w + 1; b < e; b++)
        lower |= d->norm[b] >= 'a' && d->norm[b] <= 'z';
    if (!lower || e + 3 >= s->hi || (d->norm[e + 2] != ' ' && d->norm[e + 2] != '\n'))
        return false;
    /* up to four capitalized words, the last a legal form */
    size_t q = e + 3;
    bool legal = false;
    for (int k = 0; k < 4 && !legal; k++) {
        if (q >= s->hi || !upper((unsigned char)d->norm[q]))
            return false;
        size_t r = q;
        while (r < s->hi && !en_stop_byte[(unsigned char)d->norm[r]] && r - q < 24)
            r++;
        size_t t = r > q && d->norm[r - 1] == '.' ? r - 1 : r;
        legal = corp_end(d, q, t) && t > q + 1;
        if (r >= s->hi || (d->norm[r] != ' ' && d->norm[r] != '\n'))
            break;
        q = r + 1;
    }
    if (!legal || *budget <= 0)
        return false;
    ent *pl = NULL;
    if (place_at(s, w, &pl) >= e - w)
        return false;
    --*budget;
    /* the word elsewhere, whole and not before 's */
    size_t n = e - w;
    for (size_t i = s->lo; i + n <= s->hi;) {
        const char *h = memchr(d->norm + i, d->norm[w], s->hi - i - n + 1);
        if (!h)
            break;
        size_t j = (size_t)(h - d->norm);
        d->work++;
        if (j != w && memcmp(h, d->norm + w, n) == 0 &&
            (j == 0 || !ent_asc((unsigned char)d->norm[j - 1])) &&
            (j + n >= s->hi ||
             (!ent_asc((unsigned char)d->norm[j + n]) &&
              !(d->norm[j + n] == '\'' && j + n + 1 < s->hi && d->norm[j + n + 1] == 's'))))
            return false;
        i = j + 1;
    }
    return true;
}

/* Tokyo-based, Kremlin-owned, State-run: a capitalized word whose last
 * hyphenated part is lower case describes the name that follows. */
static bool modifier_word(const kiji_doc *d, size_t ws, size_t we)
{
    size_t h = we;
    while (h > ws && d->norm[h - 1] != '-')
        h--;
    if (h <= ws + 1 || we - h < 2)
        return false;
    for (size_t k = h; k < we; k++)
        if (d->norm[k] < 'a' || d->norm[k] > 'z')
            return false;
    return true;
}

/* New York-based, Hong Kong-listed, State-run: modifier_word whose
 * lowercase part is a participle (ends in -ed, or run / held / born), so a
 * word inside a run ends what comes before it (not Co-operation). */
static bool participle_modifier(const kiji_doc *d, size_t ws, size_t we)
{
    if (!modifier_word(d, ws, we))
        return false;
    const char *w = d->norm + ws;
    size_t n = we - ws;
    return (n >= 3 && w[n - 2] == 'e' && w[n - 1] == 'd') ||
           (n >= 4 && (!memcmp(w + n - 4, "-run", 4) || !memcmp(w + n - 4, "held", 4) ||
                       !memcmp(w + n - 4, "born", 4)));
}

/* English: a run of capitalized words (with of/and/& inside, one line break
 * allowed between words) whose last organization word ends the name.
 * "Bank of England" keeps a one-word of-tail; "Governor of the Bank of
 * England" starts after the last of/the before the organization word. */
/* A possessive and Day after a run (International Workers' Day, Veterans'
 * Day, Founder's Day): the run names a holiday, not an organization. */
static bool holiday_after(const kiji_doc *d, size_t e, size_t hi)
{
    if (e >= hi || d->norm[e] != '\'')
        return false;
    e++;
    if (e < hi && d->norm[e] == 's')
        e++;
    return hi - e >= 4 && !memcmp(d->norm + e, " Day", 4) &&
           (hi - e == 4 || !ent_asc((unsigned char)d->norm[e + 4]));
}

/* The Bundesbank, KeyCorp, Commerzbank: one capitalized word [ws, we)
 * (its run's last, after stopwords alone) that ends in bank or corp glued
 * to a stem of three letters or more, some of them lowercase, names a bank
 * or a company. At a sentence's start (Riverbank, Interbank) only with a
 * capital inside (RepublicBank, UtiliCorp). */
static inline bool glued_org(const kiji_doc *d, size_t lo, size_t ws, size_t we)
{
    size_t n = we - ws;
    const char *w = d->norm + ws;
    if (n < 7 || n > 24)
        return false;
    const char *tail = w + n - 4;
    char t0 = (char)(tail[0] | 0x20);
    if (!((t0 == 'b' && tail[1] == 'a' && tail[2] == 'n' && tail[3] == 'k') ||
          (t0 == 'c' && tail[1] == 'o' && tail[2] == 'r' && tail[3] == 'p')))
        return false;
    bool lower = false, inner_cap = tail[0] == 'B' || tail[0] == 'C';
    for (size_t i = 1; i < n - 4; i++) {
        char c = w[i];
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            inner_cap = true;
        else
            return false;
    }
    if (!lower)
        return false;
    size_t p = ws;
    int sp = 0;
    while (p > lo && (d->norm[p - 1] == ' ' || d->norm[p - 1] == '\n') && sp < 8) {
        p--;
        sp++;
    }
    char pc = p > lo ? d->norm[p - 1] : '.';
    bool initial = pc == '.' || pc == '!' || pc == '?' || pc == '"' || pc == '-' || sp > 1;
    return !initial || inner_cap;
}

/* Is [ns, ne) exactly a place mention read before (rec_places)? A binary
 * search of the frozen mentions and a few steps. */
static bool place_exactly(estate *s, size_t ns, size_t ne)
{
    return ent_exactly(s, KIJI_FACT_PLACE, ns, ne) != NULL;
}

/* Is [w, e) then ' the plural possessive of an agent noun (Seafarers,
 * Teamsters, Employees) before up to four capitalized words that hold an
 * organization word and no legal form? (en_run) */
static bool members_poss(estate *s, size_t w, size_t e)
{
    const kiji_doc *d = s->d;
    if (e < w + 5 || e + 3 >= s->hi || (d->norm[e + 1] != ' ' && d->norm[e + 1] != '\n') ||
        d->norm[e - 1] != 's')
        return false;
    const char *t = d->norm + e - 3;
    if (!((t[0] == 'e' || t[0] == 'o') && t[1] == 'r') && !(t[0] == 'e' && t[1] == 'e'))
        return false;
    size_t q = e + 2;
    bool body = false;
    for (int k = 0; k < 4 && q < s->hi && upper((unsigned char)d->norm[q]); k++) {
        size_t r = q;
        while (r < s->hi && !en_stop_byte[(unsigned char)d->norm[r]] && r - q < 24)
            r++;
        size_t u = r > q + 1 && d->norm[r - 1] == '.' ? r - 1 : r;
        int32_t v;
        if (corp_end(d, q, u))
            return false;
        body |= kj_dict_get(s->x->osuf_en, d->norm + q, u - q, &v);
        if (r >= s->hi || (d->norm[r] != ' ' && d->norm[r] != '\n'))
            break;
        q = r + 1;
    }
    return body;
}

/* A word of an organization's for-tail (Institute for Coastal
 * Studies): capitalized, no stopword (for The Sunday Express) and no given
 * name (for Acquisition Ann Lee: the person after the office). */
static bool for_tail_word(estate *s, size_t ws, size_t we)
{
    const kiji_doc *d = s->d;
    int32_t v;
    return upper((unsigned char)d->norm[ws]) && !ent_stopword(d, ws, we) &&
           !kj_dict_get(s->x->given_en, d->norm + ws, we - ws, &v);
}

/* County, District: a for-tail ending in one names where a court or board
 * sits, not the body (Circuit Court for Harlan County). */
static bool place_word(const kiji_doc *d, size_t ws, size_t we)
{
    static const char *const w[] = {"County", "District", "Province", "State", "Region", NULL};
    for (int i = 0; w[i]; i++)
        if (ent_equals(d->norm + ws, we - ws, w[i]))
            return true;
    return false;
}

/* Is the word [ws, we) a title's word (Governor, Chairman, Minister)? */
static bool title_word(estate *s, size_t ws, size_t we)
{
    char low[32];
    size_t n = we - ws;
    if (n == 0 || n >= sizeof low)
        return false;
    for (size_t k = 0; k < n; k++) {
        char c = s->d->norm[ws + k];
        low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    int32_t v;
    return kj_dict_get(s->x->title_en, low, n, &v) || kj_dict_get(s->x->title_last_en, low, n, &v);
}

static size_t en_run(estate *s, size_t a)
{
    kiji_doc *d = s->d;
    const struct kj_entity *x = s->x;
    enum { MAXW = 16 };
    size_t ws[MAXW], we[MAXW];
    bool cap[MAXW], org[MAXW];
    int nw = 0, ncap = 0;
    size_t w = a;
    while (w < s->hi && nw < MAXW) {
        d->work++;
        size_t e = w;
        if (d->norm[w] == '(' && ncap > 0) {
            /* Cheung Kong (Holdings) Ltd: one capitalized word in brackets */
            size_t q = w + 1;
            while (q < s->hi && q - w < 24 && ent_asc((unsigned char)d->norm[q]))
                q++;
            if (q < s->hi && d->norm[q] == ')' && q > w + 1 && upper((unsigned char)d->norm[w + 1]) &&
                q + 1 < s->hi && d->norm[q + 1] == ' ') {
                ws[nw] = w;
                we[nw] = q + 1;
                cap[nw] = true;
                org[nw] = false;
                nw++;
                w = q + 2;
                continue;
            }
            break;
        }
        size_t elim = s->hi - w > 48 ? w + 48 : s->hi; /* at most 48 bytes */
        while (e < elim && !en_stop_byte[(unsigned char)d->norm[e]])
            e++;
        /* the length cap must not cut a character (Engla記事…) */
        while (e > w && e < s->hi && ((unsigned char)d->norm[e] & 0xC0) == 0x80)
            e--;
        /* a possessive ends the name: Sumitomo Bank Ltd's */
        bool poss = e < s->hi && d->norm[e] == '\'' && e + 1 < s->hi && d->norm[e + 1] == 's';
        if (poss && e + 3 < s->hi && (d->norm[e + 2] == ' ' || d->norm[e + 2] == '\n')) {
            /* Standard and Poor's Corp, Albertson's Inc: a possessive right
             * before a legal form is the name's own (cases/en/organization) */
            size_t q = e + 3, r = q;
            while (r < s->hi && !en_stop_byte[(unsigned char)d->norm[r]] && r - q < 8)
                r++;
            if (r > q && d->norm[r - 1] == '.')
                r--;
            if (corp_end(d, q, r) || title_poss_office(s, w, e, q) ||
                (nw <= 1 && upper((unsigned char)d->norm[q]) &&
                                      (nw == 0 || modifier_word(d, ws[0], we[0])) &&
                                      poss_opens_name(s, w, e, &s->poss_budget))) {
                e += 2;
                poss = false;
            }
        }
        /* Federation of Growers' Associations of Ontario, Tea Importers'
         * Association: a plural possessive right before an organization
         * word goes on with the run (the Rangers' Harbor Foods Inc names the
         * owner: not before a name) */
        if (!poss && e + 3 < s->hi && d->norm[e] == '\'' && e > w + 2 && d->norm[e - 1] == 's' &&
            d->norm[e + 1] == ' ' && upper((unsigned char)d->norm[e + 2]) && ncap > 0) {
            size_t q = e + 2, r = q;
            while (r < s->hi && !en_stop_byte[(unsigned char)d->norm[r]] && r - q < 24)
                r++;
            int32_t ov;
            if (kj_dict_get(x->osuf_en, d->norm + q, r - q, &ov))
                e++;
        }
        /* Seafarers' International Union, Teamsters' National Council: an
         * agent noun's plural possessive opens a members' body when the
         * capitalized words after it reach an organization word and no
         * legal form (the band members' Orchard Records Inc is owned) */
        if (!poss && e < s->hi && d->norm[e] == '\'' && members_poss(s, w, e))
            e++;
        size_t te = e;
        int32_t v;
        bool para_end = false;
        if (te > w + 1 && d->norm[te - 1] == '.') {
            /* Inc. / Co. keep their period inside a sentence, not at its end */
            bool suf = kj_dict_get(x->osuf_en, d->norm + w, te - w, &v);
            size_t q = te;
            while (q < s->hi && (d->norm[q] == ' ' || d->norm[q] == '\n'))
                q++;
            bool end = q >= s->hi || (d->norm[q] >= 'A' && d->norm[q] <= 'Z') || q > te + 1;
            bool initials = te - w >= 4 && d->norm[te - 3] == '.'; /* E.B.I. */
            if (!initials && (!suf || end))
                te--;
            /* Hollis Creek Partners L.P. then an indented line: the period
             * kept with the initials also ends the paragraph (U.S. Steel
             * on one line, or wrapped with a bare line break, goes on) */
            para_end = q > te + 1;
        }
        if (te == w)
            break;
        const char *t = d->norm + w;
        size_t tl = te - w;
        bool c = upper((unsigned char)t[0]) || (kj_is_digit((unsigned char)t[0]) && ncap);
        bool conn = ncap > 0 && en_conn(t, tl);
        /* Council for Rural Housing, Bank for Grain Exporters: "for"
         * goes on after an organization word that is no legal form (the
         * right-to-left pass keeps its tail) */
        if (!c && !conn && tl == 3 && !memcmp(t, "for", 3) && nw > 0 && org[nw - 1] &&
            !corp_end(d, ws[nw - 1], we[nw - 1]) &&
            !ent_equals(d->norm + ws[nw - 1], we[nw - 1] - ws[nw - 1], "Limited"))
            conn = true;
        if (!c && !conn) {
            /* the Harbour Times newspaper: a publication named before the
             * word for it (its last capitalized word acts as the
             * organization word; cases/en/organization) */
            if (nw > 0 && cap[nw - 1] && !para_end &&
                ((tl == 9 && !memcmp(t, "newspaper", 9)) || (tl == 8 && !memcmp(t, "magazine", 8))))
                org[nw - 1] = true;
            break;
        }
        ws[nw] = w;
        we[nw] = te;
        cap[nw] = c;
        org[nw] = c && kj_dict_get(x->osuf_en, t, tl, &v);
        /* Texas Commerce Bank-Houston: an organization word joined by a
         * hyphen to a place's name (the place lists) names the body's branch
         * there and ends a name as the word alone does */
        const char *hy = c && !org[nw] && tl > 4 ? memchr(t + 1, '-', tl - 2) : NULL;
        if (hy && upper((unsigned char)hy[1]) && kj_dict_get(x->osuf_en, t, (size_t)(hy - t), &v) &&
            kj_dict_get(x->place, hy + 1, (size_t)(t + tl - hy - 1), &v))
            org[nw] = true;
        nw++;
        ncap += c;
        if (poss || te < e || e >= s->hi || para_end)
            break;
        /* one space or one line break (Reuters wraps lines) between words */
        size_t q = e;
        int nl = 0;
        while (q < s->hi && (d->norm[q] == ' ' || d->norm[q] == '\n') && q - e < 8)
            nl += d->norm[q++] == '\n';
        if (d->norm[e] != ' ' && d->norm[e] != '\n')
            break;
        /* a blank line, or a line break before an indented line (a new
         * paragraph or list entry of wire copy), ends the name: "Acme -
         * New York" then " Beta Trust - Boston" are two lines (cases/en/org) */
        if (nl > 1 || (nl == 1 && d->norm[q - 1] == ' '))
            break;
        w = q;
    }
    while (nw > 0 && !cap[nw - 1])
        nw--;
    /* the Swedish AB also heads a name (AB Investor, Forvaltnings AB
     * Providentia): one with a capitalized word after it ends no name
     * here (Skanska AB does) */
    for (int i = 0; i + 1 < nw; i++)
        if (org[i] && cap[i + 1] && ent_equals(d->norm + ws[i], we[i] - ws[i], "AB")) {
            org[i] = false;
            /* AB Investor, AB Volvo: the one capitalized word it heads
             * ends the name (an organization word after it goes on:
             * AB Investor Group; a date is none: four AB Tuesday) */
            if (i + 1 < nw && ent_asc((unsigned char)d->norm[ws[i + 1] + 1]) &&
                (i + 2 >= nw || !org[i + 2]) && !kj_claimed(d, ws[i + 1], we[i + 1]))
                org[i + 1] = true;
        }
    /* Solaris Asset Management: Management ends a name only as the run's
     * last word (a Bureau of Management and Planning goes on; a Retail
     * Management System is a product) */
    for (int i = 0; i + 1 < nw; i++)
        if (org[i] && ent_equals(d->norm + ws[i], we[i] - ws[i], "Management"))
            org[i] = false;
    size_t ret = nw ? we[nw - 1] : a + 1;
    if (nw && holiday_after(d, we[nw - 1], s->hi))
        return ret;
    /* the Bundesbank: one glued bank or company word (glued_org) */
    int g = nw - 1;
    bool glued = nw && cap[g] && glued_org(d, s->lo, ws[g], we[g]);
    for (int k = 0; glued && k < g; k++)
        glued = cap[k] && ent_stopword(d, ws[k], we[k]);
    if (glued) {
        ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + ws[g], we[g] - ws[g], NULL, 0);
        if (e) {
            longer_name(s, e, ws[g], we[g]);
            ent_mention(s, e, ws[g], we[g]);
        }
        return ret;
    }
    /* right to left: "the Labour Ministry and the Bank of England" holds two */
    int lim = nw;
    for (int round = 0; round < 4 && lim > 1; round++) {
        int last = -1;
        for (int i = 1; i < lim; i++)
            if (org[i])
                last = i;
        /* Bank of America opening the run: the word alone names nothing,
         * its of-tail does (below: one word, a place of more words, or
         * words joined by and: the Ministry of Fisheries and Forests
         * opens a run when "the" before it is lower case) */
        bool head_open = false; /* an organization word opens a run of four words or more */
        if (last < 0 && org[0] && lim >= 3 && !cap[1] && !memcmp(d->norm + ws[1], "of", 2) &&
            cap[2]) {
            last = 0;
            head_open = lim > 3;
        }
        /* Institute for Coastal Studies opening the run: its for-tail
         * (below) makes the name */
        if (last < 0 && org[0] && lim >= 3 && !cap[1] &&
            ent_equals(d->norm + ws[1], we[1] - ws[1], "for"))
            last = 0;
        if (last < 0)
            break;
        int stop = last;
        /* Bank of England, Industrial Bank of Japan: one capitalized word after of */
        /* (not after a legal form: "Krone AG of Austria", "Foo Corp
         * of Canada" name where the company is) */
        if (last + 2 < lim && !cap[last + 1] && !memcmp(d->norm + ws[last + 1], "of", 2) &&
            cap[last + 2] && !corp_end(d, ws[last], we[last])) {
            stop = last + 2;
            /* Reserve Bank of San Francisco: a place of more words
             * after of is the tail whole, not its first word */
            ent *pl = NULL;
            size_t pn = place_at(s, ws[stop], &pl);
            for (int k = stop + 1; pn > 0 && k < lim && k < stop + 4; k++)
                if (we[k] == ws[last + 2] + pn) {
                    stop = k;
                    break;
                }
            if (stop + 1 < lim && org[stop + 1])
                stop++;
        }
        /* Institute for Coastal Studies: a for-tail of up to four
         * capitalized words, not a place (the Fund for Mexico names a loan) */
        if (last + 2 < lim && !cap[last + 1] && we[last + 1] - ws[last + 1] == 3 &&
            !memcmp(d->norm + ws[last + 1], "for", 3)) {
            int k = last + 2;
            while (k < lim && k < last + 6 && for_tail_word(s, ws[k], we[k]))
                k++;
            /* Secretary of the Navy for Procurement: after an
             * office's of-phrase the for-tail is the office's */
            for (int i = 0; i < last && k > last + 2; i++)
                if (!cap[i] && (ent_equals(d->norm + ws[i], we[i] - ws[i], "of") ||
                                ent_equals(d->norm + ws[i], we[i] - ws[i], "the")))
                    k = last + 2;
            ent *pl = NULL;
            if (k > last + 2 && place_at(s, ws[last + 2], &pl) == 0 &&
                !place_word(d, ws[k - 1], we[k - 1]))
                stop = k - 1;
        }
        /* the Federal District Court for the Western District of Oregon: a
         * court's "for the ... District" names its district, a part of the
         * court's name (a bare for-tail place still is not, above) */
        if (last + 3 < lim && ent_equals(d->norm + ws[last], we[last] - ws[last], "Court") &&
            ent_equals(d->norm + ws[last + 1], we[last + 1] - ws[last + 1], "for") &&
            ent_equals(d->norm + ws[last + 2], we[last + 2] - ws[last + 2], "the")) {
            int k = last + 3;
            while (k < lim && k < last + 6 && cap[k] &&
                   !ent_equals(d->norm + ws[k], we[k] - ws[k], "District"))
                k++;
            if (k < lim && ent_equals(d->norm + ws[k], we[k] - ws[k], "District")) {
                stop = k;
                if (k + 2 < lim && !cap[k + 1] &&
                    ent_equals(d->norm + ws[k + 1], we[k + 1] - ws[k + 1], "of") && cap[k + 2])
                    stop = k + 2;
            }
        }
        /* Department of Parks and Recreation: the of-tail may join with and */
        /* (not into a place of more words: the Bank of England and New
         * Zealand officials) */
        while (stop > last && stop + 2 < lim && !cap[stop + 1] &&
               !memcmp(d->norm + ws[stop + 1], "and", 3) && cap[stop + 2] && stop < last + 5) {
            ent *pl = NULL;
            if (place_at(s, ws[stop + 2], &pl) > we[stop + 2] - ws[stop + 2])
                break;
            stop += 2;
        }
        /* the Federation of Coastal Hauliers, the Office of Rail
         * Safety: a run that an organization word opens is its name when
         * the tail reaches the run's end, one or two capitalized words
         * after it that are no title's (the Bank of Japan Governor Tom
         * Aki names a person after the bank: left alone, unless a
         * title word follows the tail: the Bank of Norland Governor Tom
         * Aki, the Federation of Coastal Hauliers Chairman Tom Aki, names
         * a body the gazetteer may not know, up to the title) */
        if (head_open && stop < lim - 1) {
            int k = stop + 1;
            while (k < lim && k < stop + 4 && cap[k] && !title_word(s, ws[k], we[k]))
                k++;
            if (k < lim && cap[k] && title_word(s, ws[k], we[k])) {
                stop = k - 1;
                head_open = false;
            }
        }
        if (head_open && stop < lim - 1) {
            bool whole = stop + 3 >= lim;
            for (int k = stop + 1; whole && k < lim; k++)
                whole = cap[k] && !title_word(s, ws[k], we[k]);
            if (!whole)
                break;
            stop = lim - 1;
        }
        int st = 0;
        for (int i = 0; i < last; i++) {
            if (!cap[i] &&
                (!memcmp(d->norm + ws[i], "of", 2) || !memcmp(d->norm + ws[i], "the", 3)) &&
                !(i > 0 && org[i - 1]) && !place_of_corp(s, i, last, ws, we, cap))
                st = i + 1;
            /* Hanil Group and Northwind Motors Corp: two companies; so
             * are Kestrel Airlines and Moorland Airlines (the same
             * organization word closes both names) */
            if (!cap[i] && !memcmp(d->norm + ws[i], "and", 3) && i > 0 &&
                (corp_end(d, ws[i - 1], we[i - 1]) ||
                 /* AB Investor and ...: the word AB heads closes it */
                 (i > 1 && org[i - 1] && ent_equals(d->norm + ws[i - 2], we[i - 2] - ws[i - 2], "AB")) ||
                 (org[i - 1] && we[i - 1] - ws[i - 1] == we[last] - ws[last] &&
                  !memcmp(d->norm + ws[i - 1], d->norm + ws[last], we[last] - ws[last]))))
                st = i + 1;
            /* Whitcombe and KLD Holdings Inc: an acronym of two capitals
             * or more after "and", a mixed-case word before it, opens a
             * company of its own (not AT and T, nor Food and Drug) */
            if (!cap[i] && !memcmp(d->norm + ws[i], "and", 3) && i > 0 && i + 1 < last &&
                all_caps(d, ws[i + 1], we[i + 1]) && !all_caps(d, ws[i - 1], we[i - 1]))
                st = i + 1;
            /* Bank of Boston and Acme Inc: a name closed by its of-tail */
            if (!cap[i] && !memcmp(d->norm + ws[i], "and", 3) && i >= 3 && cap[i - 1] &&
                !cap[i - 2] && !memcmp(d->norm + ws[i - 2], "of", 2) && org[i - 3])
                st = i + 1;
            /* Apple and Apple Corps: a well-known name before "and" is one;
             * so is one after it (a person's name and World Health
             * Organization staff: the latter alone, cases/en/organization) */
            int32_t kv;
            if (!cap[i] && !memcmp(d->norm + ws[i], "and", 3) && i > st &&
                !and_co(d, i, stop, ws, we) &&
                (kj_dict_get(x->org, d->norm + ws[st], we[i - 1] - ws[st], &kv) ||
                 (i + 1 <= stop &&
                  kj_dict_get(x->org, d->norm + ws[i + 1], we[stop] - ws[i + 1], &kv))))
                st = i + 1;
        }
        /* New York-based ITT Corp, Hong Kong-listed Cathay Pacific: a
         * modifier after the first word ends the words it describes too */
        for (int k = last - 1; k > st; k--)
            if (cap[k] && participle_modifier(d, ws[k], we[k])) {
                st = k + 1;
                break;
            }
        while (st < last && (!cap[st] || ent_stopword(d, ws[st], we[st]) ||
                             modifier_word(d, ws[st], we[st])))
            st++;
        if (st > last || (st == last && stop == last))
            break; /* an organization word alone (Bank) names nothing */
        size_t ns = ws[st], ne = we[stop];
        if (st == 0 && stop >= 2 && !cap[1] && ent_equals(d->norm + ws[1], we[1] - ws[1], "and") &&
            and_co(d, 1, stop, ws, we))
            ns = comma_partner(s, ns);
        /* a Bank Holding Company Act, a Public Borrowing Administration
         * act: a name right before Act names a law, not a body (a body
         * the gazetteer knows stays: the Federal Reserve Act) */
        size_t q = ne;
        while (q < s->hi && q - ne < 3 && (d->norm[q] == ' ' || d->norm[q] == '\n'))
            q++;
        int32_t kv;
        bool law = q > ne && s->hi - q >= 3 &&
                   (!memcmp(d->norm + q, "Act", 3) || !memcmp(d->norm + q, "act", 3)) &&
                   (s->hi - q == 3 || !ent_asc((unsigned char)d->norm[q + 3])) &&
                   !kj_dict_get(x->org, d->norm + ns, ne - ns, &kv);
        /* the Ministry of Coastal Shipping and Fisheries (MCSF), read
         * whole by its definition: not its first words again */
        bool inside = ent_covered(s, KIJI_FACT_ORGANIZATION, ns, ne);
        /* the Soviet Union: a place already read there, whole, is no body
         * (its last word is an organization word by chance) */
        if (!inside && !law && place_exactly(s, ns, ne))
            inside = true;
        /* But Trade Union leaders: a common noun written in capitals,
         * the whole name, is no body (data/en/org_not.txt; the Trade
         * Union Congress is one) */
        if (!inside && !law && kj_dict_get(x->onot_en, d->norm + ns, ne - ns, &kv))
            inside = true;
        ent *e = law || inside ? NULL
                               : org_for(s, KIJI_FACT_ORGANIZATION, d->norm + ns, ne - ns, NULL, 0);
        if (e) {
            longer_name(s, e, ns, ne);
            ent_mention(s, e, ns, ne);
            initials(s, e, st, stop, ws, we, cap, ne);
        }
        lim = st;
        while (lim > 0 && !cap[lim - 1])
            lim--;
    }
    return ret;
}

/* A scan at i (code point *c, the one before it pc, the next at nx) inside
 * a Latin word, where no organization starts: move the scan (*i, *end, *c)
 * to the word's end and say so. */
static inline bool skip_latin_word(const estate *s, size_t *i, size_t *end, uint32_t *c,
                                   uint32_t pc, size_t nx)
{
    const kiji_doc *d = s->d;
    if (!(*c < 0x80 && ent_asc((unsigned char)*c) && *i > s->lo && ent_word(pc)))
        return false;
    while (nx < s->hi && ent_asc((unsigned char)d->norm[nx]))
        nx++;
    *c = (unsigned char)d->norm[nx - 1];
    *i = *end = nx;
    return true;
}

/* Bit 7 of each of the eight ASCII bytes in w that is A-Z: for a byte b
 * below 0x80, b + 0x3F has bit 7 set from 'A' on and b + 0x25 from the
 * byte after 'Z' on; neither sum carries into the next byte. */
static inline uint64_t upper_bits8(uint64_t w)
{
    return (w + 0x3F3F3F3F3F3F3F3Fu) & ~(w + 0x2525252525252525u) & 0x8080808080808080u;
}

/* Do the eight ASCII bytes in w hold one of A-Z? */
static inline bool upper8(uint64_t w)
{
    return upper_bits8(w) != 0;
}

/* ent_skip(d, i, hi, KJ_CC_UPPER), reading ASCII sixteen bytes at a time
 * (SSE2) or eight: an ASCII byte has an entry of its own, one byte long
 * and never slow, whose classes hold KJ_CC_UPPER for A-Z alone. */
static inline size_t skip_to_upper(const kiji_doc *d, size_t i, size_t hi)
{
    if (hi > d->norm_len)
        hi = d->norm_len;
    const unsigned char *u = (const unsigned char *)d->norm;
    while (i < hi) {
#ifdef __SSE2__
        /* sixteen bytes a test where there is SSE2 (the ASCII bytes before
         * the first capital or byte past ASCII are passed at once, one
         * entry each), else eight; the last few one entry at a time */
        if (hi - i >= 16) {
            typedef unsigned char v16 __attribute__((vector_size(16)));
            v16 v;
            memcpy(&v, u + i, 16);
            v16 caps = (v16)((v16)(v - 'A') <= 'Z' - 'A');
            unsigned m = (unsigned)_mm_movemask_epi8((__m128i)(caps | v));
            if (!m) {
                i += 16;
                continue;
            }
            i += (size_t)__builtin_ctz(m);
        }
#else
        if (hi - i >= 8) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (!(w & 0x8080808080808080u) && !upper8(w)) {
                i += 8;
                continue;
            }
        }
#endif
        uint32_t v = d->cpx[i];
        if (v & (KJ_CPX_SLOW | KJ_CC_UPPER))
            break;
        i += v >> KJ_CPX_LEN_SHIFT;
    }
    return i;
}

/* The name run that pass_suffixes reads from a, when it is plain: every
 * character to its end (the first with no name class, hi, or the 48th
 * character) is one the table holds whole, none is claimed and none is ・
 * or &. Then its end is *b, *suf says whether the set f (ENT_F_OSUF) has one of its
 * characters past the first, *lastc is its last one and *cls the classes of
 * its characters together; false, with nothing set, when the run is not
 * plain (the exact loop in pass_suffixes reads it). hi is s->hi, or the
 * text's end before it: the caller reads both once for the whole pass.
 * *claim is ent_next_claim's answer for some position at or before a,
 * moved on here when a has passed it. */
static inline bool plain_run(estate *s, size_t a, size_t hi, ent_first f, size_t *claim,
                             size_t *b, bool *suf, uint32_t *lastc, uint32_t *cls)
{
    kiji_doc *d = s->d;
    /* a slow entry, here or where the run ends, sends the run to the exact
     * loop (ent_cpc reads a slow entry past the run's end as it reads the
     * rest): each loop tests it before the name class. The caller read a
     * name character at a (so a < hi): read first, it needs no test for
     * *suf; were it none, the exact loop would answer. */
    if (a >= hi)
        return false;
    uint32_t v0 = d->cpx[a];
    if ((v0 & KJ_CPX_SLOW) || !(v0 & KJ_CC_NAME))
        return false;
    size_t p = a + (v0 >> KJ_CPX_LEN_SHIFT);
    int n = 1;
    uint32_t any = v0, last = v0 & KJ_CPX_CP;
    const struct kj_entity *x = s->x;
    bool has = (x->first_every & f) != 0;
    while (!has && p < hi && n < 48) {
        uint32_t v = d->cpx[p];
        if (v & KJ_CPX_SLOW)
            return false;
        if (!(v & KJ_CC_NAME))
            break;
        any |= v;
        last = v & KJ_CPX_CP;
        has = ent_first_has(x, f, last);
        p += v >> KJ_CPX_LEN_SHIFT;
        n++;
    }
    /* has is true only where the loop above stopped for it (it breaks
     * before it sets has): the rest of the run needs no lookup */
    if (has) {
        while (p < hi && n < 48) {
            uint32_t v = d->cpx[p];
            if (v & KJ_CPX_SLOW)
                return false;
            if (!(v & KJ_CC_NAME))
                break;
            any |= v;
            last = v & KJ_CPX_CP;
            p += v >> KJ_CPX_LEN_SHIFT;
            n++;
        }
    }
    if (*claim < a)
        *claim = ent_next_claim(d, a);
    if ((any & KJ_CC_DOT) || *claim < p)
        return false;
    d->work += (uint64_t)n + 1;
    *b = p;
    *suf = has;
    *lastc = last;
    *cls = any;
    return true;
}

/* Where pass_media may act: the stretches of text that pass_suffixes read
 * and found katakana or ・ in (KJ_CC_KATA, KJ_CC_DOT), in text order, a
 * stretch that touches the one before joined to it. pass_suffixes steps
 * over no character with those classes unread (ent_skip_last passes only
 * entries without a name class, skip_latin_word only ASCII), so outside
 * the stretches pass_media has only characters to move past: it reads the
 * stretches alone, instead of scanning the whole text a third time. The
 * array is arena memory, grown as kj_grow grows the registry's. */
typedef struct kata_spans {
    struct kata_span {
        size_t a, b;
    } * v;
    size_t n, cap;
} kata_spans;

#define ENT_KATA_DOT (KJ_CC_KATA | KJ_CC_DOT)

/* Make room for one more stretch in k. */
static void kata_grow(kiji_doc *d, kata_spans *k)
{
    size_t nc = k->cap ? k->cap * 2 : 32;
    k->v = kj_grow_raw(d, k->v, k->n, nc, sizeof *k->v);
    k->cap = nc;
}

/* Note [a, b) (a at or past the start of the last stretch noted). */
static inline void kata_note(kiji_doc *d, kata_spans *k, size_t a, size_t b)
{
    if (k->n && a <= k->v[k->n - 1].b) {
        if (b > k->v[k->n - 1].b)
            k->v[k->n - 1].b = b;
        return;
    }
    if (k->n == k->cap)
        kata_grow(d, k);
    k->v[k->n].a = a;
    k->v[k->n].b = b;
    k->n++;
}

/* ent_covered(s, KIJI_FACT_ORGANIZATION, ns, ne) for a scan whose ne only
 * grows while the frozen mentions stay as they are (no ent_freeze during
 * it): the first frozen mention ending at or after ne, which ent_covered
 * finds by a binary search at each call, is kept in *from and moved on
 * from where the last call left it, so the scan reads each mention once
 * for it. The window read from there is ent_covered's. */
static inline bool org_covered_on(estate *s, size_t *from, size_t ns, size_t ne)
{
    size_t lo = *from, nf = s->nfrozen;
    const mref *mr = s->mr;
    while (lo < nf && mr[lo].ne < ne)
        lo++;
    *from = lo;
    for (size_t i = lo; i < nf && i < lo + 16; i++) {
        const mref *m = &mr[i];
        if (m->e->type == KIJI_FACT_ORGANIZATION && m->ns <= ns && m->ne >= ne &&
            (m->ne - m->ns) > (ne - ns))
            return true;
        if (m->ns > ne + 256)
            break;
    }
    return false;
}

/* pass_suffixes for English text (en) or other text: called with a
 * constant, so each language's loop holds only its own tests. Other text
 * notes its katakana in *kata (kata_spans); English needs none (pass_media
 * reads no English text). */
static inline __attribute__((always_inline)) void scan_suffixes(estate *s, bool en,
                                                                kata_spans *kata)
{
    kiji_doc *d = s->d;
    size_t i = s->lo, end = SIZE_MAX;
    size_t claim = en ? 0 : ent_next_claim(d, i); /* plain_run's */
    size_t covered_from = 0; /* English: org_covered_on's place in the frozen mentions */
    /* plain_run's bounds, read once: nothing in the pass moves them */
    size_t run_hi = s->hi < d->norm_len ? s->hi : d->norm_len;
    uint32_t c = 0;
    /* English acts only at a capital letter, other text also at a name
     * character (A-Z is one): elsewhere the loop below moves on to the
     * next character and does nothing else */
    while (i < s->hi) {
        size_t from = i;
        uint32_t skipped = 0;
        if (en)
            i = skip_to_upper(d, i, s->hi);
        else
            i = ent_skip_last(d, i, s->hi, KJ_CC_NAME, &skipped);
        if (i >= s->hi)
            break;
        d->work++;
        size_t nx;
        /* where ent_skip_last stepped over characters, the one before i is
         * the last of them, and no name character */
        bool after_other = !en && i != from;
        uint32_t pc = after_other ? skipped & KJ_CPX_CP : ent_prev_in(d, i, end, c), cls;
        c = ent_cpc(d, i, &nx, &cls);
        end = nx;
        /* inside a Latin word neither a capitalized run nor a name run
         * starts (both need no name character before them) */
        if (skip_latin_word(s, &i, &end, &c, pc, nx))
            continue;
        if (upper(c) && (i == s->lo || !(ent_word(pc) || pc == '.' || pc == '-' || pc == '\'')) &&
            !(en ? org_covered_on(s, &covered_from, i, nx)
                 : ent_covered(s, KIJI_FACT_ORGANIZATION, i, nx))) {
            /* English capitalized run (also inside Japanese text: no harm),
             * not inside a name already read (<Scott's Hospitality Inc>) */
            size_t e = en_run(s, i);
            if (en) {
                i = e > i ? e : nx;
                continue;
            }
        }
        if (!en && (cls & KJ_CC_NAME) && (after_other || !ent_namechar(pc))) {
            size_t a = i, b = i;
            bool dot = false;
            /* some character of the run past its first can start an
             * organization word (ENT_F_OSUF): without one ja_seg finds no
             * name in it (a suffix follows a character of the name) */
            bool suf = false;
            uint32_t lastc = c; /* the character ending at b */
            uint32_t rcls = 0;  /* the classes of the run's characters */
            if (!plain_run(s, i, run_hi, ENT_F_OSUF, &claim, &b, &suf, &lastc, &rcls)) {
                int n = 0;
                while (b < s->hi && n < 48) {
                    d->work++;
                    size_t bn;
                    uint32_t bcls, bc = ent_cpc(d, b, &bn, &bcls);
                    if (!(bcls & KJ_CC_NAME)) /* ent_namechar */
                        break;
                    if (ent_char_claimed(d, b, bn)) {
                        if (b == a)
                            a = bn;
                        else
                            break;
                    }
                    dot |= bc == 0x30FB && b >= a;
                    suf |= n > 0 && ent_first_has(s->x, ENT_F_OSUF, bc);
                    rcls |= bcls;
                    lastc = bc;
                    b = bn;
                    n++;
                }
            }
            if (b > a && suf && !known_across(s, a, b))
                ja_run(s, a, b, dot);
            if (b > i) {
                if (rcls & ENT_KATA_DOT)
                    kata_note(d, kata, i, b);
                /* the next ent_prev_in finds the run's last character */
                i = end = b;
                c = lastc;
            } else {
                if (cls & ENT_KATA_DOT)
                    kata_note(d, kata, i, nx);
                i = nx;
            }
            continue;
        }
        if (!en && (cls & ENT_KATA_DOT))
            kata_note(d, kata, i, nx);
        i = nx;
    }
}

static void pass_suffixes(estate *s, kata_spans *kata)
{
    if (s->d->lang == KJ_LANG_EN)
        scan_suffixes(s, true, NULL);
    else
        scan_suffixes(s, false, kata);
}

/* 北町署によると … 北町警察署は: a station written short before its full
 * form names it as the full form does (ja_body_key reads both as one),
 * but station_end finds the full form only once it is read. The runs
 * ending in 署 that named nothing (ja_seg noted up to 8) are read again
 * after the whole text: where the full form was read, station_end now
 * finds it (部署, 署名 still name none). */
static void pass_stations_later(estate *s)
{
    int n = s->nstation_wait;
    size_t a[8], b[8];
    for (int i = 0; i < n; i++) {
        a[i] = s->station_wait[i].a;
        b[i] = s->station_wait[i].b;
    }
    for (int i = 0; i < n; i++)
        ja_seg(s, a[i], b[i]);
    s->nstation_wait = 0;
}

/* ---- pass C: well-known names and defined acronyms ---------------------------- */

/* Can org_at_cp find anything at pos (first and pc the code points at and
 * before it)? Where not it returns 0 and does nothing else. Tested inline
 * at every call: most calls end here, and then make no stack frame. */
static inline bool org_may_start(const estate *s, size_t pos, uint32_t first, uint32_t pc)
{
    if (!ent_first_has(s->x, ENT_F_ORG, first))
        return false;
    /* the start is tested before the lookup: inside a word nothing starts */
    if (ent_word(first) && pos > s->lo && ent_word(pc))
        return false;
    /* inside a katakana name (ソニー・ミュージック) nothing starts; a ・
     * after a kanji parts a list or a descriptor from the name (通信大手・
     * ソフトバンク, 経産省・トヨタ), as in ja_run */
    if (ent_kata(first) && pos > s->lo && (ent_kata(pc) || pc == 0x30FB)) {
        size_t ds;
        if (pc != 0x30FB || pos < s->lo + 6 || !kj_is_kanji(ent_prev(s->d, pos - 3, &ds)))
            return false;
    }
    /* 3月15日経済産業省, 50日経った: a 日 after a digit counts days, so no
     * name (日経) starts at it (cases/ja/organization) */
    if (first == 0x65E5 && pos > s->lo && kj_is_digit(pc))
        return false;
    return ent_pair_may(&s->x->org_pair, s->d, pos, first);
}

/* Does the 選 at e close a one-word election (参院選, 衆院選, 知事選), not
 * 選挙 (参議院選挙: the house and the word for an election) or another
 * 選 word (選手, 選出, 選抜)? The body named before it is then no mention:
 * the word names the election. */
static bool election_after(const kiji_doc *d, size_t e, size_t hi)
{
    if (!kj_at(d->norm, hi, e, "選"))
        return false;
    size_t nx;
    uint32_t c = ent_cp(d, e + strlen("選"), &nx);
    static const uint32_t word[] = {0x6319, 0x624B, 0x51FA, 0x629C, 0x8003, 0x5B9A, 0x629E,
                                    0x4EFB, 0x5225, 0x66F2, 0x8005, 0x5916, 0x7403};
    /* 挙 手 出 抜 考 定 択 任 別 曲 者 外 球 */
    for (size_t k = 0; k < sizeof word / sizeof word[0]; k++)
        if (c == word[k])
            return false;
    return true;
}

/* org_at_cp past org_may_start: the lookup, and the entity of what it
 * finds on word boundaries. */
/* Is [a, b) one capitalized Latin word, or an initial (J.)? */
static bool cap_latin_word(const kiji_doc *d, size_t a, size_t b)
{
    if (b <= a || !upper((unsigned char)d->norm[a]))
        return false;
    if (b - a == 2 && d->norm[a + 1] == '.')
        return true;
    for (size_t i = a + 1; i < b; i++)
        if (d->norm[i] < 'a' || d->norm[i] > 'z')
            return false;
    return true;
}

/* Henry Ford, Edsel B. Ford Jr.: a known name of one Latin word right
 * after a given name of en/given_names, one middle name or initial
 * between them or none, is that person's surname, no mention of the
 * company (cases/en/person_known_surname). */
static bool given_before(estate *s, size_t pos, size_t n)
{
    const kiji_doc *d = s->d;
    if (!cap_latin_word(d, pos, pos + n) || pos < s->lo + 3 || d->norm[pos - 1] != ' ')
        return false;
    size_t e = pos - 1;
    for (int w = 0; w < 2 && e > s->lo; w++) {
        size_t b = e;
        if (d->norm[b - 1] == '.')
            b--; /* an initial's full stop */
        while (b > s->lo && e - b < 16 && ent_asc((unsigned char)d->norm[b - 1]))
            b--;
        if (!cap_latin_word(d, b, e))
            return false;
        int32_t v;
        if (e - b > 2 && kj_dict_get(s->x->given_en, d->norm + b, e - b, &v) &&
            !ent_stopword(d, b, e))
            return true;
        if (b < s->lo + 3 || d->norm[b - 1] != ' ')
            return false;
        e = b - 1;
    }
    return false;
}

/* Does the text [lo, hi) hold w (wl bytes)? */
static bool text_has(const kiji_doc *d, size_t lo, size_t hi, const char *w, size_t wl)
{
    if (!wl)
        return false;
    for (size_t i = lo; i + wl <= hi;) {
        const char *f = memchr(d->norm + i, w[0], hi - wl + 1 - i);
        if (!f)
            return false;
        i = (size_t)(f - d->norm);
        if (memcmp(f, w, wl) == 0)
            return true;
        i++;
    }
    return false;
}

/* May the Latin form [pos, pos + n) of orgs.txt name its body here? Most
 * forms may. A form of ja/org_cued (AU: also the astronomical unit and
 * Australia's code) names it only where the text writes the line's word
 * (アフリカ, in アフリカ連合 or 南アフリカ too; the search runs once a
 * text). A form of one or two lower-case letters (au, the mobile brand)
 * is a word in Latin text (au pair): it names the body only in Japanese
 * text and right before hiragana or punctuation (auが, ドコモ、au、), not
 * run into a product or service name (au版, auショップ, au Wi-Fi,
 * auお客さまサポート). */
static bool cued_form(estate *s, size_t pos, size_t n)
{
    const kiji_doc *d = s->d;
    const char *u = d->norm + pos;
    if (n <= 2 && u[0] >= 'a' && u[0] <= 'z' && (n < 2 || (u[1] >= 'a' && u[1] <= 'z'))) {
        if (d->lang != KJ_LANG_JA || pos + n >= s->hi)
            return d->lang == KJ_LANG_JA;
        size_t nx;
        uint32_t c = ent_cp(d, pos + n, &nx);
        /* お and ご open a noun (auお客さまサポート: a service's name) */
        return (kj_is_hiragana(c) && c != 0x304A && c != 0x3054) || c == 0x3001 || c == 0x3002 || c == 0x300D || c == 0x300F ||
               c == 0x30FB || c == ')' || c == '!' || c == '?' || c == '\n';
    }
    const kj_wordlist *wl = s->x->org_cued;
    for (size_t k = 0; k < wl->n && k < 8; k++) {
        const char *t = strchr(wl->lines[k], '\t');
        if (!t || (size_t)(t - wl->lines[k]) != n || memcmp(wl->lines[k], u, n) != 0)
            continue;
        if (!s->cued_seen[k])
            s->cued_seen[k] = text_has(d, s->lo, s->hi, t + 1, strlen(t + 1)) ? 1 : -1;
        return s->cued_seen[k] > 0;
    }
    return true;
}

/* Does the text use the acronym [pos, pos + n), a known name that is also
 * a title of ja/titles (GM: General Motors, the general manager), as a
 * role anywhere: before a word only a role takes (GMを務める, GM代行,
 * GMに就任, GMになった, GMを辞任) or after a person's の (清武氏のGM)? An
 * article uses such a form one way, so one role use makes every one of
 * its mentions the title. One search a text for each of up to 4 forms;
 * a fifth is taken as no role (only GM is both a name and a title now). */
static __attribute__((noinline)) bool role_acronym(estate *s, size_t pos, size_t n)
{
    static const char *const after[] = {"を務め", "代行", "に就任", "就任", "になっ", "を辞任", "を退任", NULL};
    static const char *const before[] = {"氏の", "さんの", NULL};
    const kiji_doc *d = s->d;
    if (n == 0 || n >= sizeof s->role_acr[0].form)
        return false;
    size_t k = 0;
    for (; k < 4 && s->role_acr[k].seen; k++)
        if (strlen(s->role_acr[k].form) == n && memcmp(s->role_acr[k].form, d->norm + pos, n) == 0)
            return s->role_acr[k].seen > 0;
    if (k == 4)
        return false;
    /* one pass over the form's occurrences, the words around each read
     * in place */
    const char *t = d->norm;
    bool role = false;
    for (size_t i = s->lo; !role && i + n <= s->hi; i++) {
        const char *f = memchr(t + i, t[pos], s->hi - n + 1 - i);
        if (!f)
            break;
        i = (size_t)(f - t);
        if (memcmp(f, t + pos, n) != 0)
            continue;
        for (int j = 0; after[j] && !role; j++)
            role = kj_at(t, s->hi, i + n, after[j]);
        for (int j = 0; before[j] && !role; j++)
            role = i >= s->lo + strlen(before[j]) && kj_before(t, i, before[j]);
    }
    memcpy(s->role_acr[k].form, d->norm + pos, n);
    s->role_acr[k].form[n] = '\0';
    s->role_acr[k].seen = role ? 1 : -1;
    return role;
}

static __attribute__((noinline)) size_t org_lookup(estate *s, size_t pos, ent **out)
{
    kiji_doc *d = s->d;
    int32_t v;
    size_t nx;
    size_t n = ent_longest(s, s->x->org, pos, &v);
    if (!n)
        return 0;
    if ((unsigned char)d->norm[pos] < 0x80 && n <= 5 && !cued_form(s, pos, n))
        return 0;
    /* Treasury bills, Treasury Secretary: a known name that is the
     * adjective of a thing or a title names no body (data/en/org_not.txt) */
    int32_t w0;
    size_t nn = d->norm[pos] >= 'A' && d->norm[pos] <= 'Z' ? ent_longest(s, s->x->onot_en, pos, &w0) : 0;
    if (nn > n && (pos + nn >= s->hi || !ent_word((unsigned char)d->norm[pos + nn])))
        return 0;
    /* 東大阪, 北大西洋, 東北大会: a longer word that opens with a known
     * short form (東大, 北大, 東北大) names something else
     * (data/ja/org_not.txt) */
    if ((unsigned char)d->norm[pos] >= 0x80 && ent_longest(s, s->x->onot_ja, pos, &w0) > n)
        return 0;
    /* 千葉大輔: a short form ending in 大 (千葉大, 神戸大) whose 大 opens a
     * listed given name running past it is a person's name */
    if (n > 3 && kj_before(d->norm, pos + n, "大") &&
        kj_dict_longest(s->x->given_ja, d->norm, s->hi, pos + n - 3, &w0) > 3)
        return 0;
    /* 山田GM: a known acronym that is also a title of ja/titles (GM, the
     * general manager) right after a surname of ja/surnames is the title,
     * as it is anywhere in a text that uses it as a role (role_acronym) */
    if (pos > s->lo && (unsigned char)d->norm[pos] < 0x80 && kj_dict_get(s->x->title_ja, d->norm + pos, n, &w0)) {
        if (d->lang == KJ_LANG_JA && role_acronym(s, pos, n))
            return 0;
        size_t q = pos;
        for (int k = 0; k < 4 && q > s->lo; k++) {
            size_t qs;
            if (!kj_is_kanji(ent_prev(d, q, &qs)))
                break;
            q = qs;
            if (kj_dict_get(s->x->surname_ja, d->norm + q, pos - q, &w0))
                return 0;
        }
    }
    size_t ls;
    uint32_t last = ent_prev(d, pos + n, &ls);
    uint32_t nc = ent_cp(d, pos + n, &nx);
    if (ent_word(last) && ent_word(nc))
        return 0;
    if (given_before(s, pos, n))
        return 0;
    /* Daimler-Benz: a known Latin name, a hyphen and a capitalized word
     * (a capital, then lower case) name another company, the whole
     * compound (Boeing-Airbus: two known names stay two; a glued slug
     * with more capitals is no name) */
    if (nc == '-' && last < 0x80 && ent_word(last) && pos + n + 1 < s->hi &&
        upper((unsigned char)d->norm[pos + n + 1])) {
        size_t b = pos + n + 2;
        while (b < s->hi && b - pos < 48 && d->norm[b] >= 'a' && d->norm[b] <= 'z')
            b++;
        int32_t w;
        bool word = b > pos + n + 2 &&
                    (b >= s->hi || (d->norm[b] != '-' && !ent_word((unsigned char)d->norm[b])));
        if (word && !ent_longest(s, s->x->org, pos + n + 1, &w)) {
            ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + pos, b - pos, NULL, 0);
            if (!e)
                return 0;
            longer_name(s, e, pos, b);
            *out = e;
            return b - pos;
        }
    }
    /* ソニー・ミュージック goes on past the known ソニー; a known name
     * that starts with a kanji ends at its ・ (日テレ・ベレーザ: the
     * broadcaster's team, no name of a person テレ・ベレーザ) */
    if (ent_kata(last) && (ent_kata(nc) || (nc == 0x30FB && !kj_is_kanji(ent_cp(d, pos, &nx)))))
        return 0;
    if (kj_is_kanji(last) && election_after(d, pos + n, s->hi))
        return 0;
    /* the French Treasury: another country's demonym right before a body
     * every government has (data/en/org_national.txt) names that
     * country's own, no mention of the U.S. one */
    int32_t w1, dv;
    if (pos >= 2 && d->norm[pos - 1] == ' ' && kj_dict_get(s->x->onat_en, d->norm + pos, n, &w1)) {
        size_t w = pos - 1;
        while (w > s->lo && pos - w < 24 && ent_word((unsigned char)d->norm[w - 1]))
            w--;
        /* West German, South Korean: a demonym of two words */
        size_t w2 = w;
        if (w2 >= s->lo + 2 && d->norm[w2 - 1] == ' ') {
            w2--;
            while (w2 > s->lo && w - w2 < 16 && ent_word((unsigned char)d->norm[w2 - 1]))
                w2--;
            if (!kj_dict_get(s->x->demonym, d->norm + w2, pos - 1 - w2, &dv))
                w2 = w;
        }
        if (w < pos - 1 && kj_dict_get(s->x->demonym, d->norm + w2, pos - 1 - w2, &dv) &&
            dv >= 0 && (size_t)dv < s->x->nplaces && strcmp(s->x->places[dv].code, "US") != 0) {
            ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + w2, pos + n - w2, NULL, 0);
            if (e) {
                longer_name(s, e, w2, pos + n);
                *out = e;
                return n;
            }
        }
    }
    ent *e = org_known(s, (int)v, d->norm + pos, n);
    longer_name(s, e, pos, pos + n);
    *out = e;
    return n;
}

/* org_at with the code points at and before pos known (ent_cp, ent_prev). */
static inline size_t org_at_cp(estate *s, size_t pos, uint32_t first, uint32_t pc, ent **out)
{
    return org_may_start(s, pos, first, pc) ? org_lookup(s, pos, out) : 0;
}

size_t org_at(estate *s, size_t pos, ent **out)
{
    size_t nx, ps;
    uint32_t first = ent_cp(s->d, pos, &nx);
    return org_at_cp(s, pos, first, ent_prev(s->d, pos, &ps), out);
}

ent *org_short_named(estate *s, size_t pos, size_t end)
{
    int32_t v;
    /* most calls start at no short form's first character */
    if (end <= pos || end > s->hi ||
        !ent_first_has(s->x, ENT_F_OSHORT, s->d->cpx[pos] & KJ_CPX_CP) ||
        !kj_dict_get(s->x->oshort_ja, s->d->norm + pos, end - pos, &v))
        return NULL;
    /* 関西経済連合会長: the short form inside a longer body already read
     * (関西経済連合会) is part of that name, no body of its own */
    if (ent_covered(s, KIJI_FACT_ORGANIZATION, pos, end))
        return NULL;
    /* the full form, as the suffix pass or pass_known would name it
     * (民主党 by its 党, 社民党 by its line in orgs.txt) */
    const char *full = strchr(s->x->oshort_lines->lines[v], '\t') + 1;
    ent *e = org_for(s, KIJI_FACT_ORGANIZATION, full, strlen(full), NULL, 0);
    if (e)
        longer_name(s, e, pos, end); /* named as written when nothing longer is */
    return e;
}

/* pass_known's next stop from i (< hi): ent_skip_stops(d, i, hi,
 * stops: known_stops or known_stops_latin), which also steps over every character past ASCII with no
 * name class (the table holds it whole; known_stops passes unnamed
 * characters): pass_known does nothing at one (ent_namechar) but move on,
 * so it need not stop there. It steps over one more kind of
 * character: one past ASCII that the table holds whole, not 新, where the
 * two-character filter of org_pair (ent_pair_may, org_may_start's last
 * test) says no known name starts. There org_at_cp finds nothing, and no
 * acronym starts (A-Z or 新 first), so pass_known would only move on to
 * the next character: most kanji that ENT_F_ORG lets through (国, 日) are
 * such, and the stop cost more than the filter. Each such character
 * counts one step of d->work, as the stop counted it. */
static inline size_t skip_known(kiji_doc *d, size_t i, size_t hi, const struct kj_entity *x,
                                const ent_stops *stops)
{
    for (;;) {
        i = ent_skip_stops(d, i, hi, stops);
        if (i >= hi || i >= d->norm_len || (unsigned char)d->norm[i] < 0x80)
            return i;
        uint32_t v = d->cpx[i];
        uint32_t c = v & KJ_CPX_CP;
        if ((v & KJ_CPX_SLOW) || c == 0x65B0 /* 新 */)
            return i;
        size_t nx = i + (v >> KJ_CPX_LEN_SHIFT);
        if (ent_pair_may_wide(&x->org_pair, d, c, nx))
            return i;
        d->work++;
        i = nx;
    }
}

static void pass_known(estate *s)
{
    kiji_doc *d = s->d;
    /* the stops: known_stops_latin outside Japanese text (no stop at a
     * lower-case letter that opens only a key like au) */
    const ent_stops *stops =
        d->lang == KJ_LANG_JA ? &s->x->known_stops : &s->x->known_stops_latin;
    ent_freeze(s);
    size_t i = s->lo, end = SIZE_MAX;
    uint32_t c = 0;
    while (i < s->hi) {
        /* the loop acts only where a known name starts (org_at_cp looks it
         * up only when ENT_F_ORG has the character, and only at a name
         * character) or an acronym (A-Z or 新 first): past any other
         * character it moves on */
        i = skip_known(d, i, s->hi, s->x, stops);
        if (i >= s->hi)
            break;
        d->work++;
        size_t nx;
        uint32_t pc = ent_prev_in(d, i, end, c);
        c = ent_cp(d, i, &nx);
        end = nx;
        /* hiragana stops here only where a listed name starts with it
         * (みんなの党: known_stops) */
        if (!ent_namechar(c) && !(kj_is_hiragana(c) && ent_first_has(s->x, ENT_F_ORG, c))) {
            i = nx;
            continue;
        }
        /* inside a Latin word neither a known name (org_at refuses the
         * start) nor an acronym (it needs no letter before it) starts */
        if (skip_latin_word(s, &i, &end, &c, pc, nx))
            continue;
        ent *e = NULL;
        size_t n = org_at_cp(s, i, c, pc, &e);
        /* a two-kanji name inside a kanji word is another word (全国会議) */
        if (n && kj_is_kanji(c) && kj_is_kanji(pc) && i > s->lo && n <= 6)
            n = 0;
        /* 国連 inside 国連軍縮研究所 is part of another name */
        if (n && ent_covered(s, KIJI_FACT_ORGANIZATION, i, i + n))
            n = 0;
        /* Standard and Poor's 500: a possessive name and a number name an
         * index of the firm's, not the firm */
        if (n >= 3 && i + n + 1 < s->hi && d->norm[i + n - 2] == '\'' &&
            d->norm[i + n - 1] == 's' && d->norm[i + n] == ' ' &&
            kj_is_digit((unsigned char)d->norm[i + n + 1]))
            n = 0;
        /* 日本IBM, 日本コカ・コーラ: 日本 run into a foreign company's
         * name names its Japanese arm, one company (米アップル stays the
         * country and the company) */
        if (n && (ent_asc((unsigned char)d->norm[i]) || kj_is_katakana(c)) &&
            kj_before(d->norm, i, "日本") && i - strlen("日本") >= s->lo) {
            size_t js = i - strlen("日本"), ps;
            uint32_t jc = js > s->lo ? ent_prev(d, js, &ps) : 0;
            ent *j = kj_is_kanji(jc)
                         ? NULL
                         : org_for(s, KIJI_FACT_ORGANIZATION, d->norm + js, i + n - js, NULL, 0);
            if (j) {
                e = j;
                i = js;
                n += strlen("日本");
                longer_name(s, e, i, i + n);
            }
        }
        if (n) {
            ent_mention(s, e, i, i + n);
            i += n;
            continue;
        }
        /* an acronym defined earlier (NATO, IFRI, 新START); with none
         * defined, no token finds one */
        if (s->nacronyms && (upper(c) || kj_at(d->norm, s->hi, i, "新")) && !ent_word(pc)) {
            size_t b = kj_at(d->norm, s->hi, i, "新") ? i + 3 : i;
            while (b < s->hi && b - i < 20 &&
                   (ent_asc((unsigned char)d->norm[b]) || d->norm[b] == '&'))
                b++;
            if (b > i && (acronym(d, i, b) || (s->nword_acr && b - i >= 4 && b - i <= 12))) {
                char key[40];
                int kl = ent_key_str(key, sizeof key, "a:", d->norm + i, b - i);
                if (kl > 0 && (size_t)kl < sizeof key) {
                    ent *a = ent_get(s, KIJI_FACT_ORGANIZATION, key, (size_t)kl);
                    if (!a)
                        a = ent_get(s, KIJI_FACT_DEFINITION, key, (size_t)kl);
                    if (a) {
                        ent_mention(s, a, i, b);
                        i = b;
                        continue;
                    }
                }
            }
        }
        i = nx;
    }
}

/* ---- pass D: news outlets named by what they do ------------------------------ */

/* Does the katakana name [a, b) end in a news outlet's word
 * (data/ja/media_endings.txt) with a word of its own before it? */
static bool media_name(const estate *s, size_t a, size_t b)
{
    kiji_doc *d = s->d;
    const kj_wordlist *wl = s->x->media_endings; /* looked up once, in org_init */
    /* no ending ends in the name's last byte (media_last): none matches
     * (b > a: the caller read three characters at least) */
    unsigned char z = (unsigned char)d->norm[b - 1];
    if (!(s->x->media_last[z >> 6] >> (z & 63) & 1))
        return false;
    for (size_t i = 0; i < wl->n; i++) {
        d->work++;
        size_t n = s->x->media_len[i];
        if (b - a >= n + 6 && memcmp(d->norm + b - n, wl->lines[i], n) == 0)
            return true;
    }
    return false;
}

static bool firm_ends(const estate *s, size_t b);
static bool firm_not(estate *s, size_t a, size_t b);

/* Does a word of ja/firm_cues (訪問介護大手・, 所属事務所の) end at i? Each
 * ends in ・ or の: that test first, as the scan asks at every katakana
 * name after の. */
static bool firm_cue_before(const estate *s, size_t i)
{
    const char *u = s->d->norm;
    if (i < s->lo + 6 || (!kj_before(u, i, "・") && !kj_before(u, i, "の")))
        return false;
    /* no cue's byte there (firm_cue_end): the loop would find none */
    unsigned char e = (unsigned char)u[i - 4];
    if (!(s->x->firm_cue_end[e >> 6] >> (e & 63) & 1))
        return false;
    const kj_wordlist *wl = s->x->firm_cues;
    for (size_t k = 0; k < wl->n; k++) {
        s->d->work++;
        size_t n = s->x->firm_cue_len[k];
        /* before the compare, the last byte of the character before the
         * cue's ・ or の (most cues differ there) and the cue's first */
        if (i >= s->lo + n && (n < 4 || u[i - 4] == wl->lines[k][n - 4]) &&
            u[i - n] == wl->lines[k][0] && memcmp(u + i - n, wl->lines[k], n) == 0)
            return true;
    }
    return false;
}

/* One step of pass_media's scan at i (before hi): past characters neither
 * katakana nor ・ it only moves on, and the last of them leaves *prev (the
 * character before i is katakana or ・) false; at a katakana name it reads
 * the name. Returns where the scan goes on. */
static size_t media_at(estate *s, size_t i, size_t hi, bool *prev)
{
    kiji_doc *d = s->d;
    size_t j = ent_skip(d, i, hi, KJ_CC_KATA | KJ_CC_DOT);
    if (j != i) {
        *prev = false;
        return j;
    }
    d->work++;
    size_t nx;
    uint32_t c = ent_cp(d, i, &nx);
    /* 訪問介護大手・コムスン: the ・ of a cue opens no name of its own; the
     * name after it is read as a company's (cue) */
    bool cue = false;
    if (c == 0x30FB && !*prev && nx < hi && firm_cue_before(s, nx)) {
        i = nx;
        c = ent_cp(d, i, &nx);
        cue = true;
    }
    if (!ent_kata(c) || (*prev && !cue)) {
        *prev = ent_kata(c) || c == 0x30FB;
        return nx;
    }
    cue = cue || firm_cue_before(s, i);
    size_t b = i;
    int k = 0;
    /* the run of katakana and ・: an entry the table holds whole is read
     * in line (KJ_CC_KATA is ent_kata), any other goes to ent_cp; the
     * steps counted in a local, added to d->work once */
    const uint32_t *cpx = d->cpx;
    size_t lim = s->hi < d->norm_len ? s->hi : d->norm_len;
    uint64_t steps = 0;
    while (b < s->hi && k < 30) {
        steps++;
        size_t bn;
        uint32_t bv = b < lim ? cpx[b] : KJ_CPX_SLOW;
        if (bv < KJ_CPX_SLOW) {
            if (!(bv & KJ_CC_KATA) && (bv & KJ_CPX_CP) != 0x30FB)
                break;
            bn = b + (bv >> KJ_CPX_LEN_SHIFT);
        } else {
            uint32_t bc = ent_cp(d, b, &bn);
            if (!(ent_kata(bc) || bc == 0x30FB))
                break;
        }
        b = bn;
        k++;
    }
    d->work += steps;
    *prev = false;
    size_t ax;
    uint32_t after = b < s->hi ? ent_cp(d, b, &ax) : 0;
    bool media = false;
    if (k >= 3 && !kj_before(d->norm, b, "・")) {
        size_t w = 0;
        if (kj_at(d->norm, s->hi, b, "紙"))
            w = 3;
        else if (kj_at(d->norm, s->hi, b, "通信") && !kj_at(d->norm, s->hi, b, "通信社"))
            w = 6;
        size_t wx;
        int32_t cv;
        /* モバイル通信, パソコン通信, データ通信: a common katakana noun
         * (data/ja/not_names.txt) before 通信 or 紙 is a kind of
         * communication or paper, no outlet's name */
        if (w && kj_dict_get(s->x->notname_ja, d->norm + i, b - i, &cv))
            w = 0;
        if (w)
            media = b + w >= s->hi || !kj_is_kanji(ent_cp(d, b + w, &wx));
        /* ガジェット通信: an agency's name holds 通信 */
        if (media && w == 6)
            b += 6;
        else if ((after == 0x306F || after == 0x304C || after == 0x306E || after == 0x3001 ||
                  kj_at(d->norm, s->hi, b, "によると")) &&
                 media_name(s, i, b))
            media = true;
    }
    /* 訪問介護大手・コムスンは, 所属事務所のミドリプロは: a katakana name of
     * two characters or more after a word of ja/firm_cues that says what
     * the company is, closed by a particle, punctuation or など, is that
     * company; not a common word of ja/firm_not (大手・メーカー, 所属事務所の
     * スタッフ: firm_not also reads not_names and places) */
    if (cue && !media && k >= 2 && k < 30 && !kj_before(d->norm, b, "・") &&
        (firm_ends(s, b) || kj_at(d->norm, s->hi, b, "など")) && !firm_not(s, i, b))
        media = true;
    /* 株式会社ドワンゴ: a company's legal form written before a katakana
     * name makes it a company, the form part of its name (cases/ja/org) */
    bool named = !media && k >= 2 && !kj_before(d->norm, b, "・");
    /* the three forms are four kanji (12 bytes) ending in 会社: that test
     * first, inline (the loop runs at katakana names) */
    if (named && i - s->lo >= 12 && kj_before(d->norm, i, "会社") &&
        (kj_before(d->norm, i, "株式会社") || kj_before(d->norm, i, "有限会社") ||
         kj_before(d->norm, i, "合同会社"))) {
        i -= 12;
        media = true;
    }
    int32_t v;
    if (media && !ent_overlaps(s, i, b) && !kj_dict_get(s->x->notname_ja, d->norm + i, b - i, &v)) {
        ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + i, b - i, NULL, 0);
        if (e) {
            longer_name(s, e, i, b);
            ent_mention(s, e, i, b);
        }
    }
    return b;
}

/* ワシントン・ポスト紙, ロイター通信, ニューヨーク・タイムズは: a katakana name
 * of three characters or more that a paper's or agency's word follows, or
 * that ends in a news outlet's word (data/ja/media_endings.txt) before a
 * particle, is a news outlet (the name without 紙, with 通信;
 * cases/ja/organization).
 * ファッション誌 is a kind of magazine, so 誌 is not enough.
 * Only the stretches pass_suffixes noted (kata_spans) hold katakana or ・:
 * the scan reads them alone. */
static void pass_media(estate *s, const kata_spans *kata)
{
    kiji_doc *d = s->d;
    if (d->lang == KJ_LANG_EN)
        return;
    ent_freeze(s);
    size_t i = s->lo;
    bool prev = false; /* the character before i is katakana or ・ */
    for (size_t r = 0; r < kata->n; r++) {
        size_t hi = kata->v[r].b; /* this stretch's end */
        if (hi <= i)
            continue;
        /* between stretches no character is katakana or ・: moving past
         * them leaves prev false */
        if (kata->v[r].a > i) {
            i = kata->v[r].a;
            prev = false;
        }
        while (i < hi)
            i = media_at(s, i, hi, &prev);
    }
}

/* 株式会社VOYAGE GROUP, 株式会社Yomuca: a company's legal form written
 * before a name in Latin letters (words of letters, digits, & . -, each
 * after the first opening with a capital, one space between them) makes
 * it a company, the form part of its name, as before a katakana name
 * (media_at). The form must open the written word: after a kanji, kana
 * or Latin name it closes that one (ソニー株式会社). Bounded: each form is
 * read once, six words at most (cases/ja/org_legal_latin). */
static void pass_legal_latin(estate *s)
{
    kiji_doc *d = s->d;
    if (d->lang == KJ_LANG_EN)
        return;
    ent_freeze(s);
    const char *t = d->norm;
    static const char *const legal[] = {"株式会社", "有限会社", "合同会社", NULL};
    for (const char *q = strstr(t + s->lo, "会社"); q && (size_t)(q - t) + 6 < s->hi;
         q = strstr(q + 6, "会社")) {
        d->work++;
        size_t e = (size_t)(q - t) + 6;
        if (e < s->lo + 12)
            continue;
        size_t a = e - 12;
        bool form = false;
        for (int i = 0; legal[i] && !form; i++)
            form = memcmp(t + a, legal[i], 12) == 0;
        size_t ps;
        if (!form || (a > s->lo && ent_namechar(ent_prev(d, a, &ps))))
            continue;
        size_t p = e < s->hi && t[e] == ' ' ? e + 1 : e, end = p;
        for (int w = 0; w < 6 && p < s->hi; w++) {
            d->work++;
            unsigned char c = (unsigned char)t[p];
            if (!((c >= 'A' && c <= 'Z') || (w == 0 && c >= 'a' && c <= 'z')))
                break;
            size_t x = p;
            while (x < s->hi && (ent_asc((unsigned char)t[x]) || t[x] == '&' || t[x] == '.' || t[x] == '-'))
                x++;
            end = x;
            if (x + 1 < s->hi && t[x] == ' ' && t[x + 1] >= 'A' && t[x + 1] <= 'Z')
                p = x + 1;
            else
                break;
        }
        if (end < p + 2 || ent_overlaps(s, a, end))
            continue;
        ent *o = org_for(s, KIJI_FACT_ORGANIZATION, t + a, end - a, NULL, 0);
        if (o) {
            longer_name(s, o, a, end);
            ent_mention(s, o, a, end);
        }
    }
}

/* Does a kind of news outlet (data/ja/media_kinds.txt) end at q? */
static bool media_kind_before(const estate *s, size_t q)
{
    const kj_wordlist *wl = s->x->media_kinds;
    if (s->x->media_kind_ntail) {
        int k = 0;
        if (q < s->lo + 3)
            return false;
        while (k < s->x->media_kind_ntail && memcmp(s->d->norm + q - 3, s->x->media_kind_tail[k], 3))
            k++;
        if (k == s->x->media_kind_ntail)
            return false;
    }
    for (size_t i = 0; i < wl->n; i++) {
        s->d->work++;
        size_t n = s->x->media_kind_len[i];
        /* the last byte first: most brackets follow no kind of outlet */
        if (n && q >= s->lo + n && s->d->norm[q - 1] == wl->lines[i][n - 1] &&
            memcmp(s->d->norm + q - n, wl->lines[i], n) == 0)
            return true;
    }
    return false;
}

/* Does a mention overlap [ns, ne), other than a place inside it (韓国 in
 * 「韓国経済」: a place inside an organization's name is dropped at the
 * end, rec_entity.c drop_inner_places)? */
static bool overlaps_but_inner_place(estate *s, size_t ns, size_t ne)
{
    size_t lo = ent_frozen_from(s, ns + 1);
    for (size_t i = lo; i < s->nfrozen && i < lo + 32; i++) {
        s->d->work++;
        const mref *m = &s->mr[i];
        if (m->ns < ne && ns < m->ne &&
            !(m->e->type == KIJI_FACT_PLACE && m->ns >= ns && m->ne <= ne && m->ne - m->ns < ne - ns))
            return true;
        if (m->ne > ne + 512)
            break;
    }
    return false;
}

/* 韓国のニュースサイト「デイリアン」は, 英字紙「デイリー・タイムス」によると: the
 * name in 「」 right after a kind of news outlet (data/ja/media_kinds.txt)
 * is that outlet when a particle, 、 or によると follows (cases/ja/
 * organization). The name holds no punctuation and at most 20 characters:
 * a headline or a quote is none; a space only between Latin letters or
 * digits (英国紙「Daily Mail」). A place inside it is part of the name
 * (韓国紙「ソウル経済」). */
static void pass_media_kind(estate *s)
{
    kiji_doc *d = s->d;
    if (d->lang == KJ_LANG_EN)
        return;
    ent_freeze(s);
    const char *close = "」";
    /* kj_structure noted the line breaks, 「 and 」 that start before
     * qmarks_end (d->qmarks, in order): the scan takes the 「 from there,
     * and reads the text only past qmarks_end */
    size_t km = 0;
    for (size_t i = s->lo; i + 3 <= s->hi;) {
        size_t at;
        if (i < d->qmarks_end) {
            while (km < d->nqmarks && (d->qmarks[km] < i || d->norm[d->qmarks[km]] == '\n' ||
                                       (unsigned char)d->norm[d->qmarks[km] + 2] != 0x8C))
                km++;
            if (km < d->nqmarks) {
                at = d->qmarks[km++] + 2;
                if (at >= s->hi)
                    break;
                d->work++;
            } else {
                i = d->qmarks_end;
                continue;
            }
        } else {
            /* 「 is E3 80 8C: look for its last byte, rare in kana and
             * kanji, rather than its first, which most of them share */
            const char *p = i + 2 < s->hi ? memchr(d->norm + i + 2, 0x8C, s->hi - i - 2) : NULL;
            if (!p)
                break;
            at = (size_t)(p - d->norm);
            i = at + 1;
            d->work++;
            if ((unsigned char)d->norm[at - 2] != 0xE3 || (unsigned char)d->norm[at - 1] != 0x80)
                continue;
        }
        i = at - 1; /* just past the bracket's first byte, as before */
        if (!media_kind_before(s, i - 1))
            continue;
        size_t a = i + 2, b = a;
        int k = 0;
        bool ok = true;
        while (b < s->hi && k <= 20) {
            d->work++;
            if (kj_at(d->norm, s->hi, b, close))
                break;
            size_t nx;
            uint32_t c = ent_cp(d, b, &nx);
            if (c == ' ' && b > a && nx < s->hi && ent_asc((unsigned char)d->norm[b - 1]) &&
                ent_asc((unsigned char)d->norm[nx])) {
                b = nx;
                k++;
                continue;
            }
            if (c == 0x3001 || c == 0x3002 || c == 0x300C || c == '\n' || c == ' ' || c == 0x3000) {
                ok = false;
                break;
            }
            b = nx;
            k++;
        }
        if (!ok || k == 0 || k > 20 || b >= s->hi || !kj_at(d->norm, s->hi, b, close))
            continue;
        size_t q = b + 3, qx;
        uint32_t after = q < s->hi ? ent_cp(d, q, &qx) : 0;
        if (!(after == 0x306F || after == 0x304C || after == 0x306E || after == 0x3001 ||
              after == 0x3082 || after == 0x3067 || after == 0x306B ||
              kj_at(d->norm, s->hi, q, "によると") || kj_at(d->norm, s->hi, q, "によれば")))
            continue;
        int32_t v;
        if (overlaps_but_inner_place(s, a, b) || kj_dict_get(s->x->notname_ja, d->norm + a, b - a, &v))
            continue;
        ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + a, b - a, NULL, 0);
        if (e) {
            longer_name(s, e, a, b);
            ent_mention(s, e, a, b);
        }
        i = b;
    }
}

static size_t head_word_end(const estate *s, size_t w);

/* The English articles "the" and "The" that pass_papers and
 * pass_party_members read from: the position of each one's h, in text
 * order (arena memory). Both passes looked for them with a memchr for
 * each h of the text; the search is made once for the two now, for each
 * he and a space (next_trigram). */
typedef struct the_words {
    size_t *h;
    size_t n, cap;
} the_words;

/* Fill w (empty) with the text's the and The: a t or T before the h, an e
 * after it and then a space or a line break, and no ASCII letter or digit
 * before the t; the t at or past lo, the space before hi. English only. */
static void find_the_words(estate *s, the_words *w)
{
    kiji_doc *d = s->d;
    const char *t = d->norm;
    if (d->lang != KJ_LANG_EN)
        return;
    size_t i = s->lo + 1;
    while (i + 2 < s->hi) {
        /* each "he " and "he\n" (the space before hi) */
        size_t h = next_trigram(t, i, s->hi, 'h', 'e', ' ', '\n');
        if (h >= s->hi)
            break;
        i = h + 1;
        d->work++;
        if ((t[h - 1] != 't' && t[h - 1] != 'T') ||
            (h >= s->lo + 2 && ent_asc((unsigned char)t[h - 2])))
            continue;
        if (w->n == w->cap) {
            size_t nc = w->cap ? w->cap * 2 : 64;
            w->h = kj_grow_raw(d, w->h, w->n, nc, sizeof *w->h);
            w->cap = nc;
        }
        w->h[w->n++] = h;
    }
}

/* The Sunday Express, the Halden Herald: "the" (or "The"), then a run of
 * one to three capitalized words (stopwords too: Sunday) closed by a word
 * of data/en/paper_words.txt (Courier, Star only right after Weekly,
 * Evening and the like), with no capitalized word after it, names a
 * newspaper, an organization; its name leaves the article out, so both
 * spellings are one paper. A run that another name already holds (The New
 * York Times of data/en/orgs.txt, a company read by its legal form) but
 * for a place inside it (The Halden Herald after Halden), or that a date
 * or a number claimed, names none. Each "the" is read once, five words
 * at most (cases/en/org_newspaper). */
static void pass_papers(estate *s, const the_words *thes)
{
    kiji_doc *d = s->d;
    if (d->lang != KJ_LANG_EN)
        return;
    ent_freeze(s);
    size_t i = s->lo + 1; /* a paper read ends at i: a the before it is inside */
    for (size_t k = 0; k < thes->n; k++) {
        size_t h = thes->h[k];
        if (h < i)
            continue;
        i = h + 1;
        d->work++;
        /* the capitalized run after it: one space or one line break
         * between words, up to a lowercase word or one that ends in
         * punctuation (five words: too long a run for a paper's name) */
        size_t a = h + 3, w = a, ne = a, last = a, prev = a, prev_e = a;
        int words = 0;
        while (w < s->hi && words < 5) {
            if (!upper((unsigned char)d->norm[w]))
                break;
            size_t e = head_word_end(s, w);
            if (e == w)
                break;
            size_t te = e;
            while (te > w && d->norm[te - 1] == '.')
                te--;
            bool poss = te - w > 2 && d->norm[te - 1] == 's' && d->norm[te - 2] == '\'';
            if (poss)
                te -= 2; /* the Sunday Express's poll */
            if (te == w)
                break;
            words++;
            prev = last;
            prev_e = ne;
            last = w;
            ne = te;
            if (te < e || (e < s->hi && d->norm[e] != ' ' && d->norm[e] != '\n'))
                break;
            size_t q = e;
            int nl = 0;
            while (q < s->hi && (d->norm[q] == ' ' || d->norm[q] == '\n') && q - e < 8)
                nl += d->norm[q++] == '\n';
            if (nl > 1 || (nl == 1 && d->norm[q - 1] == ' ') || q - e > 1 + (size_t)nl)
                break;
            w = q;
        }
        /* the closing word's value: 1 closes a name, 2 only right after
         * a word of value 4 (the Weekly Courier, not the Network Courier) */
        int32_t v, pv;
        if (words < 2 || words > 4 || !kj_dict_get(s->x->paper_en, d->norm + last, ne - last, &v) ||
            !((v & 1) || ((v & 2) && kj_dict_get(s->x->paper_en, d->norm + prev, prev_e - prev, &pv) &&
                          (pv & 4))) ||
            kj_claimed(d, a, ne) || overlaps_but_inner_place(s, a, ne))
            continue;
        ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + a, ne - a, NULL, 0);
        if (e) {
            longer_name(s, e, a, ne);
            ent_mention(s, e, a, ne);
        }
        i = ne;
    }
}

/* ---- pass E: companies named after a one-kanji country --------------------- */

/* Can c stand in a company's name run after a one-kanji country: katakana,
 * ー, ・, Latin letters, digits, &? */
static bool firm_char(uint32_t c)
{
    return ent_kata(c) || c == 0x30FB || kj_is_latin(c) || kj_is_digit(c) || c == '&';
}

/* Does a particle or a punctuation mark start at b, so the run before it is
 * a whole name (米オープンAIは, 独BASF、)? */
static bool firm_ends(const estate *s, size_t b)
{
    static const uint32_t stop[] = {0x306F, 0x304C, 0x306E, 0x3092, 0x306B, 0x3067, 0x3068,
                                    0x3082, 0x3078, 0x3084, /* は が の を に で と も へ や */
                                    0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x300D, 0x300F, 0xFF09,
                                    0xFF08, 0x3011, '(', ')', ',', '.', '\n', ' ', 0x3000};
    if (b >= s->hi)
        return true;
    size_t nx;
    uint32_t c = ent_cp(s->d, b, &nx);
    for (size_t k = 0; k < sizeof stop / sizeof stop[0]; k++)
        if (c == stop[k])
            return true;
    return false;
}

/* Is the run [a, b) after a one-kanji country no company: a place
 * (英ロンドン, and a state or city named without 州 / 市: 米テキサス), a
 * common noun or currency (data/ja/not_names.txt whole, data/ja/firm_not.txt
 * as the run or its katakana tail: 米メディア, 米ソーシャルメディア, 米GDP), or a person
 * whose first name part is a listed given name (米アレッサンドロ・ウルフ)? */
static bool firm_not(estate *s, size_t a, size_t b)
{
    kiji_doc *d = s->d;
    int32_t v;
    const struct kj_entity *x = s->x;
    if (kj_dict_get(x->notname_ja, d->norm + a, b - a, &v) || kj_dict_get(x->place, d->norm + a, b - a, &v))
        return true;
    char key[160];
    static const char *const admin[] = {"州", "市", "県", "省"};
    for (size_t k = 0; k < sizeof admin / sizeof admin[0] && b - a + 3 < sizeof key; k++) {
        memcpy(key, d->norm + a, b - a);
        memcpy(key + (b - a), admin[k], 3);
        if (kj_dict_get(x->place, key, b - a + 3, &v))
            return true;
    }
    /* the whole run, or a katakana tail (AI in オープンAI is no tail) */
    for (size_t q = a; q < b;) {
        d->work++;
        size_t nx;
        uint32_t c = ent_cp(d, q, &nx);
        if ((q == a || ent_kata(c)) && kj_dict_get(x->firm_not_ja, d->norm + q, b - q, &v))
            return true;
        q = nx;
    }
    size_t dot = a;
    while (dot < b && !kj_at(d->norm, b, dot, "・"))
        dot++;
    return dot < b && dot > a && kj_dict_get(x->given_ja, d->norm + a, dot - a, &v);
}

/* 米オープンAIは, 仏ダノンは, 独BASF、: a katakana or Latin run (・ and digits
 * inside) written right after a one-kanji country form that rec_places read
 * as the country (米, 英, 仏, 独, 露, 韓 ...; not after a kanji: 雪印メグミルク,
 * 強豪アルゼンチン) and closed by a particle or punctuation is a company of
 * that country; the country stays a place. Not a place, currency, common
 * noun or person (firm_not), nor a run already read (アップル, BBC, ロンドン);
 * a kanji after the run (米アップル株, 米トランプ大統領) leaves it to the
 * other passes. The scan reads the frozen place mentions once and each run
 * up to 30 characters (cases/ja/org_country_firm). */
static void pass_country_firms(estate *s)
{
    kiji_doc *d = s->d;
    if (d->lang == KJ_LANG_EN)
        return;
    ent_freeze(s);
    size_t nf = s->nfrozen;
    for (size_t i = 0; i < nf; i++) {
        d->work++;
        const mref m = s->mr[i];
        if (m.e->type != KIJI_FACT_PLACE || m.ne - m.ns != 3)
            continue;
        int32_t v;
        if (!kj_dict_get(s->x->abbr, d->norm + m.ns, 3, &v))
            continue;
        size_t ps;
        if (m.ns > s->lo && kj_is_kanji(ent_prev(d, m.ns, &ps)))
            continue; /* 日韓スワップ: the second of a pair of countries */
        size_t a = m.ne, b = a, nx;
        int k = 0;
        uint32_t c = ent_cp(d, a, &nx);
        if (!(ent_kata(c) && c != 0x30FC) && !kj_is_latin(c))
            continue;
        uint32_t last = 0;
        while (b < s->hi && k < 30) {
            c = ent_cp(d, b, &nx);
            if (!firm_char(c))
                break;
            last = c;
            b = nx;
            k++;
        }
        if (k < 2 || k >= 30 || last == 0x30FB || !firm_ends(s, b))
            continue;
        if (ent_overlaps(s, a, b) || firm_not(s, a, b))
            continue;
        ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + a, b - a, NULL, 0);
        if (e) {
            longer_name(s, e, a, b);
            ent_mention(s, e, a, b);
        }
    }
}

/* o is the company named name with its legal form (Texaco Inc for
 * Texaco), or by the acronym name (Pemex for Petroleos Mexicanos). */
static bool firm_named(estate *s, ent *o, const char *name, size_t nl)
{
    (void)s;
    size_t bl = ent_org_base(o);
    return (bl == nl && bl < o->namelen && memcmp(o->name, name, nl) == 0) ||
           (o->acronym && ent_equals(name, nl, o->acronym));
}

/* Halvik Canada said: a capitalized word [w, p) and a country's name
 * ending at ce, the two the subject of said / says, name a company's
 * subsidiary speaking even where the company is named nowhere else; not a
 * given name (Jean Canada), nor the end of a longer capitalized run
 * (Minister Tom Brandt Canada), a sentence's opener (ent_stopword, as
 * the caller tests) or a demonym. */
static bool subsidiary_says(estate *s, size_t w, size_t p, size_t ce)
{
    const kiji_doc *d = s->d;
    int32_t v;
    if (!(kj_at(d->norm, s->hi, ce, " said") || kj_at(d->norm, s->hi, ce, " says") ||
          kj_at(d->norm, s->hi, ce, "\nsaid") || kj_at(d->norm, s->hi, ce, "\nsays")) ||
        (ce + 5 < s->hi && ent_asc((unsigned char)d->norm[ce + 5])))
        return false;
    if (kj_dict_get(s->x->given_en, d->norm + w, p - w, &v) ||
        kj_dict_get(s->x->demonym, d->norm + w, p - w, &v))
        return false;
    size_t b = w;
    while (b > s->lo && w - b < 3 && (d->norm[b - 1] == ' ' || d->norm[b - 1] == '\n'))
        b--;
    /* another word right before; a full stop ends a sentence, but not
     * an initial's (J. Halvik Canada) */
    if (b > s->lo && (ent_asc((unsigned char)d->norm[b - 1]) ||
                      (d->norm[b - 1] == '.' && b - 1 > s->lo && upper((unsigned char)d->norm[b - 2]))))
        return false;
    return b < w || b == s->lo;
}

/* Is [w, ce) the name of a subsidiary read before (Halvik Canada said,
 * then Halvik Canada last changed its prices)? */
static bool subsidiary_read(estate *s, size_t w, size_t ce)
{
    char name[48], key[64];
    if (ce - w >= sizeof name)
        return false;
    size_t nl = ent_strnorm_to(name, s->d->norm + w, ce - w); /* a wrapped line as a space */
    int kl = ent_key_str(key, sizeof key, "n:", name, nl);
    return kl > 0 && (size_t)kl < sizeof key &&
           ent_get(s, KIJI_FACT_ORGANIZATION, key, (size_t)kl) != NULL;
}

/* Texaco Canada, Ford Australia, Pemex Japan representative: a company's
 * one-word name right before a country's (or a world region's: Ford
 * Europe) names its subsidiary there, one organization, not the company
 * and a place; so does Air before a country or a city name an airline
 * (Air Canada, Air Berlin) (Shell Canada Ltd, with its
 * legal form, is en_run's). The word must be a company of the same text:
 * an organization mention there (Ford), the name of one read with its
 * legal form or acronym (Texaco Inc, Pemex), or a well-known one; so a
 * sentence opener, a person or a place before a country (But Italy,
 * Brandt Canada, Paris France) stays apart, and so does a company told
 * something (told Reuters Taiwan would). The mention of the company
 * on the word moves to the subsidiary. One walk of the frozen mentions,
 * each looking back over one word (cases/en/org_subsidiary). */
static void pass_country_subsidiaries(estate *s)
{
    kiji_doc *d = s->d;
    if (d->lang != KJ_LANG_EN)
        return;
    ent_freeze(s);
    size_t nf = s->nfrozen;
    size_t gone[32]; /* frozen mentions of companies moved to a subsidiary */
    int ngone = 0;
    for (size_t i = 0; i < nf && ngone < 32; i++) {
        d->work++;
        const mref m = s->mr[i];
        if (m.e->type != KIJI_FACT_PLACE || m.e->kind == PL_REGION || m.ns < s->lo + 3 ||
            d->norm[m.ns - 1] != ' ')
            continue;
        /* a letter, hyphen or apostrophe going on: not the country's name whole */
        if (m.ne < s->hi && (ent_asc((unsigned char)d->norm[m.ne]) || d->norm[m.ne] == '-'))
            continue;
        size_t p = m.ns - 1, w = p;
        while (w > s->lo && p - w < 24 && ent_asc((unsigned char)d->norm[w - 1]))
            w--;
        if (p - w < 2 || p - w >= 24 || !upper((unsigned char)d->norm[w]) ||
            (w > s->lo && d->norm[w - 1] != ' ' && d->norm[w - 1] != '\n' &&
             d->norm[w - 1] != '(' && d->norm[w - 1] != '"'))
            continue;
        if (ent_stopword(d, w, p) || title_word(s, w, p) ||
            ent_covered(s, KIJI_FACT_ORGANIZATION, m.ns, m.ne))
            continue;
        /* Air Canada, Air India, Air Berlin: Air opening a capitalized run
         * before a country, a world region or a city names an airline
         * (Texas Air, Burlington Air Express go on from a name before) */
        if (p - w == 3 && !memcmp(d->norm + w, "Air", 3)) {
            size_t b = w;
            while (b > s->lo && w - b < 2 && (d->norm[b - 1] == ' ' || d->norm[b - 1] == '\n'))
                b--;
            size_t bw = b;
            while (bw > s->lo && b - bw < 24 && ent_asc((unsigned char)d->norm[bw - 1]))
                bw--;
            if (bw < b && upper((unsigned char)d->norm[bw]) && !ent_stopword(d, bw, b))
                continue;
            ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + w, m.ne - w, NULL, 0);
            if (e) {
                longer_name(s, e, w, m.ne);
                ent_mention(s, e, w, m.ne);
            }
            continue;
        }
        /* Texaco Canada, Ford Europe: a company's subsidiary is named by a
         * country or a world region, not a city (Paris, London) */
        if (m.e->kind == PL_CITY)
            continue;
        /* told Reuters Taiwan would: the company is told, the country starts
         * what it is told */
        static const char *const tell[] = {"told ", "tell ", "tells ", "telling ", NULL};
        bool told = false;
        for (int t = 0; tell[t] && !told; t++) {
            size_t tl = strlen(tell[t]);
            told = w >= s->lo + tl && memcmp(d->norm + w - tl, tell[t], tl) == 0 &&
                   (w == s->lo + tl || !ent_asc((unsigned char)d->norm[w - tl - 1]));
        }
        if (told)
            continue;
        /* the company: a mention on the word, else one named by it */
        ent *firm = ent_exactly(s, KIJI_FACT_ORGANIZATION, w, p);
        int32_t v;
        if (!firm && ent_overlaps(s, w, p))
            continue;
        if (!firm && !org_unique(s, d->norm + w, p - w, firm_named) &&
            !kj_dict_get(s->x->org, d->norm + w, p - w, &v) && !subsidiary_says(s, w, p, m.ne) &&
            !subsidiary_read(s, w, m.ne))
            continue;
        ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + w, m.ne - w, NULL, 0);
        if (!e || e == firm)
            continue;
        if (firm) {
            /* the word's mention is the subsidiary's now */
            size_t k = 0;
            for (size_t j = 0; j < firm->nm; j++)
                if (!(firm->m[j].ns == w && firm->m[j].ne == p))
                    firm->m[k++] = firm->m[j];
            firm->nm = k;
            for (size_t j = ent_frozen_from(s, p); j < nf && s->mr[j].ne == p; j++)
                if (s->mr[j].e == firm && s->mr[j].ns == w && ngone < 32)
                    gone[ngone++] = j;
        }
        longer_name(s, e, w, m.ne);
        ent_mention(s, e, w, m.ne);
    }
    /* drop the moved mentions from the index, in one walk */
    if (ngone) {
        size_t k = 0;
        for (size_t j = 0; j < s->nmr; j++) {
            d->work++;
            bool drop = false;
            for (int q = 0; q < ngone && !drop; q++)
                drop = gone[q] == j;
            if (!drop)
                s->mr[k++] = s->mr[j];
        }
        s->nmr = k;
        ent_freeze(s);
    }
}

/* Is [a, b) a stock ticker as Reuters writes it in angle brackets: one to
 * six capitals, then maybe a period and one to three capitals of the
 * exchange (TATE, RHON.PA, NKKT.T)? */
static bool ticker(const kiji_doc *d, size_t a, size_t b)
{
    size_t q = a;
    while (q < b && q - a < 7 && d->norm[q] >= 'A' && d->norm[q] <= 'Z')
        q++;
    if (q == a || q - a > 6)
        return false;
    if (q == b)
        return true;
    if (d->norm[q] != '.' || b - q < 2 || b - q > 4)
        return false;
    for (q++; q < b; q++)
        if (d->norm[q] < 'A' || d->norm[q] > 'Z')
            return false;
    return true;
}

/* Can the byte c stand in a capitalized word of a company's name before
 * its ticker (Rhone-Poulenc, H.J. Heinz, Ashton-Tate)? */
static bool ticker_name_char(unsigned char c)
{
    return ent_asc(c) || c == '-' || c == '.' || c == '&' || c == '\'';
}

/* The capitalized words (at most six, one space or line break between
 * them) that end at ne, read back for a company's name written right
 * before its ticker or its apposition: their start, or ne when none may
 * be a name. None when a joining word goes on before them after a
 * capitalized word (BBC AG Brown Boveri und Cie, Wyrough and Loser Inc of
 * Trenton: the name starts earlier; a unit of Burlington Northern starts
 * after of), when a sentence's full stop parts them (the U.S. Acme: a
 * word ending in a period, not initials), when they end in a possessive
 * (Texas Air Corp's <TXN> names the owner of what follows) or are a
 * title's or a stopword alone. A leading stopword (The) is no part of
 * the name. */
static size_t name_before(const estate *s, size_t ne)
{
    const kiji_doc *d = s->d;
    size_t ns = ne, start = ne;
    int nw = 0;
    bool joined = false;
    while (nw < 6 && ns > s->lo) {
        size_t b = ns;
        while (b > s->lo && ns - b < 40 && ticker_name_char((unsigned char)d->norm[b - 1]))
            b--;
        if (b == ns || ns - b >= 40)
            break;
        if (!upper((unsigned char)d->norm[b])) {
            /* a joining word (Procter & Gamble) after a capitalized word */
            static const char *const join[] = {"of", "and", "und", "et", "de", "du",
                                               "des", "della", "y", "van", "von", "&", NULL};
            for (int k = 0; join[k] && !joined; k++)
                joined = ent_equals(d->norm + b, ns - b, join[k]);
            size_t p = b;
            if (p > s->lo && (d->norm[p - 1] == ' ' || d->norm[p - 1] == '\n'))
                p--;
            size_t pw = p;
            while (pw > s->lo && p - pw < 40 && ent_asc((unsigned char)d->norm[pw - 1]))
                pw--;
            joined &= pw < p && upper((unsigned char)d->norm[pw]);
            break;
        }
        /* a full stop after a word before the last: the sentence before */
        if (nw > 0 && d->norm[ns - 1] == '.' && !memchr(d->norm + b, '.', ns - 1 - b))
            break;
        ns = b;
        start = b;
        nw++;
        if (ns == s->lo || (d->norm[ns - 1] != ' ' && d->norm[ns - 1] != '\n'))
            break;
        ns--;
    }
    if (nw == 0 || joined)
        return ne;
    ns = start;
    size_t we = ns;
    while (we < ne && d->norm[we] != ' ' && d->norm[we] != '\n')
        we++;
    if (we < ne && ent_stopword(d, ns, we)) {
        ns = we + 1;
        while (ns < ne && (d->norm[ns] == ' ' || d->norm[ns] == '\n'))
            ns++;
    }
    if (ns >= ne || !upper((unsigned char)d->norm[ns]) || ent_stopword(d, ns, ne) ||
        (ne - ns > 2 && d->norm[ne - 1] == 's' && d->norm[ne - 2] == '\'') ||
        d->norm[ne - 1] == '\'' || title_word((estate *)s, ns, ne))
        return ne;
    return ns;
}

/* o's name opens with the words of name and goes on (Supermac
 * Technology for Supermac). */
static bool named_first(estate *s, ent *o, const char *name, size_t nl)
{
    (void)s;
    return o->namelen > nl + 1 && o->name[nl] == ' ' && memcmp(o->name, name, nl) == 0;
}

/* Reads the company named [ns, ne) unless a name read before overlaps it
 * (a place inside it is part of its name): the one organization read
 * before whose name opens with those words (Supermac after Supermac
 * Technology) or whose initials they spell, else one of that name. */
static void firm_at(estate *s, size_t ns, size_t ne)
{
    if (overlaps_but_inner_place(s, ns, ne) || kj_claimed(s->d, ns, ne))
        return;
    const char *name = s->d->norm + ns;
    size_t nl = ne - ns;
    ent *e = memchr(name, '\n', nl) ? NULL : org_unique(s, name, nl, named_first);
    /* KDS, a radar parts maker, after Kolm Defense Systems Inc: the
     * initials of one name read before */
    bool caps = nl >= 2 && nl <= 5;
    for (size_t i = 0; caps && i < nl; i++)
        caps = upper((unsigned char)name[i]);
    if (!e && caps)
        e = org_unique(s, name, nl, spelled_by);
    if (e) {
        ent_mention(s, e, ns, ne);
        return;
    }
    e = org_for(s, KIJI_FACT_ORGANIZATION, s->d->norm + ns, ne - ns, NULL, 0);
    if (e) {
        longer_name(s, e, ns, ne);
        ent_mention(s, e, ns, ne);
    }
}

/* The byte c in ASCII lower case (case-blind name tests below). */
static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Do the n bytes at a and b match in any case? */
static bool same_ci(const char *a, const char *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (fold((unsigned char)a[k]) != fold((unsigned char)b[k]))
            return false;
    return true;
}

/* The start of the last word of [ns, ne) when it is a company's legal
 * form in capitals (BRELTON CORP, VANSKE FOODS INC) after another word,
 * else ne. */
static size_t caps_legal_form(const kiji_doc *d, size_t ns, size_t ne)
{
    static const char *const w[] = {"INC", "CORP", "CO", "COS", "LTD", "PLC", "NV", "N.V.",
                                    "AG", "SA", "S.A.", "LP", "L.P.", "CORPORATION",
                                    "COMPANY", "LIMITED", NULL};
    size_t b = ne;
    while (b > ns && ne - b < 16 && d->norm[b - 1] != ' ')
        b--;
    if (b <= ns + 1 || d->norm[b - 1] != ' ')
        return ne;
    for (int k = 0; w[k]; k++)
        if (ent_equals(d->norm + b, ne - b, w[k]))
            return b;
    return ne;
}

/* BRELTON CORP <BRL> 4TH QTR NET: a headline in capitals [ns, ne) whose
 * last word is a legal form names the company, also when the story is a
 * table of figures that never writes it again, when it opens the
 * headline's line. A mention of the one
 * organization read before whose name opens with the headline's words
 * but the legal form, in any case (Brelton Corp, Brelton); none when
 * another's name only shares the first word (BRELTON GAS SYSTEM INC
 * before Brelton Gas Systems Inc: a spelling apart, no new company);
 * else a company named as written. */
static void head_firm(estate *s, size_t ns, size_t ne)
{
    kiji_doc *d = s->d;
    size_t lf = caps_legal_form(d, ns, ne);
    /* the name opens the headline: TARVO INC <TRV> SUES MEDLIN CORP
     * <MDL> reads no SUES into the second name */
    if (lf >= ne || (ns > s->lo && d->norm[ns - 1] != '\n') || memchr(d->norm + ns, '\n', ne - ns) ||
        overlaps_but_inner_place(s, ns, ne) || kj_claimed(d, ns, ne))
        return;
    size_t bl = lf - 1 - ns; /* the words before the legal form */
    size_t fw = 0;
    while (fw < bl && d->norm[ns + fw] != ' ')
        fw++;
    ent *hit = NULL;
    bool kin = false;
    size_t from = s->ne > 256 ? s->ne - 256 : 0;
    for (size_t j = from; j < s->ne; j++) {
        d->work++;
        ent *o = s->e[j];
        if (o->type != KIJI_FACT_ORGANIZATION || !o->name || o->namelen < fw ||
            (o->namelen > fw && o->name[fw] != ' ') || !same_ci(o->name, d->norm + ns, fw))
            continue;
        if (o->namelen >= bl && (o->namelen == bl || o->name[bl] == ' ') &&
            same_ci(o->name, d->norm + ns, bl)) {
            if (hit && hit != o)
                return;
            hit = o;
        } else {
            kin = true;
        }
    }
    if (!hit && kin)
        return;
    if (hit) {
        ent_mention(s, hit, ns, ne);
        return;
    }
    hit = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + ns, ne - ns, NULL, 0);
    if (hit) {
        longer_name(s, hit, ns, ne);
        ent_mention(s, hit, ns, ne);
    }
}

/* Rhone-Poulenc <RHON.PA> said, toy makers such as Brill-Ode
 * <BRLO>: Reuters writes a listed company's ticker in angle brackets
 * right after its name, so the capitalized words right before one
 * (name_before) are a company, read here when no pass read a name there;
 * not words in capitals only, a headline's (cases/en/org_ticker). */
static void pass_tickers(estate *s)
{
    kiji_doc *d = s->d;
    if (d->lang != KJ_LANG_EN)
        return;
    bool frozen = false;
    for (size_t i = s->lo + 1; i + 2 < s->hi;) {
        const char *h = memchr(d->norm + i, '<', s->hi - i - 2);
        if (!h)
            break;
        size_t lt = (size_t)(h - d->norm);
        i = lt + 1;
        d->work++;
        size_t gt = lt + 1;
        while (gt < s->hi && gt - lt < 12 && d->norm[gt] != '>')
            gt++;
        if (gt >= s->hi || d->norm[gt] != '>' || !ticker(d, lt + 1, gt))
            continue;
        /* one space or one line break before the bracket */
        size_t ne = lt;
        if (ne > s->lo && (d->norm[ne - 1] == ' ' || d->norm[ne - 1] == '\n'))
            ne--;
        size_t ns = name_before(s, ne);
        /* DEAN FOODS <DF> SEES: a headline in capitals, whose name the
         * story writes again as it is (Dean Foods Co); one that ends in
         * a legal form is read by head_firm */
        bool lower = false;
        for (size_t q = ns; q < ne && !lower; q++)
            lower = d->norm[q] >= 'a' && d->norm[q] <= 'z';
        if (!frozen) {
            ent_freeze(s); /* the overlap test sees the names read so far */
            frozen = true;
        }
        if (lower)
            firm_at(s, ns, ne);
        else if (ns < ne)
            head_firm(s, ns, ne);
    }
}

/* Is [a, b) a word naming what a company is, the head of an apposition
 * (a maker of circuit boards, a privately held firm)? */
static bool firm_kind(const char *t, size_t n)
{
    static const char *const w[] = {"company", "firm", "subsidiary", "unit", "maker",
                                    "manufacturer", "group", "organization", "organisation",
                                    "concern", "retailer", "airline", "carrier", "insurer",
                                    "lender", "producer", "supplier", "distributor",
                                    "publisher", "conglomerate", "brokerage", NULL};
    for (int i = 0; w[i]; i++)
        if (ent_equals(t, n, w[i]))
            return true;
    return false;
}

/* May the word [a, b) follow the head of a company's apposition, so the
 * head ends its noun phrase (a maker of, a firm that, a firm based in; a
 * company spokesman is a person)? */
static bool firm_kind_tail(const char *t, size_t n)
{
    static const char *const w[] = {"of", "that", "which", "based", "with", "in", "for",
                                    "owned", "controlled", "whose", "headquartered", NULL};
    for (int i = 0; w[i]; i++)
        if (ent_equals(t, n, w[i]))
            return true;
    return false;
}

/* Nortek, a small copper mining company in which; Ionic, a maker of circuit
 * boards; Velmar, a state trading organization: the capitalized words
 * (name_before) right before a comma and an apposition of a or an, at
 * most five words, whose head names what a company is (firm_kind) and
 * ends its noun phrase (a punctuation mark or a word of firm_kind_tail
 * after it: Norway, a company spokesman said names no company) are a
 * company, read here when no pass read a name there. Not a person's
 * name that opens with a given name (John Hale, a maker of films). Each
 * comma looks on over at most seven words (cases/en/org_apposition). */
static void pass_appositions(estate *s)
{
    kiji_doc *d = s->d;
    if (d->lang != KJ_LANG_EN)
        return;
    bool frozen = false;
    for (size_t i = s->lo + 1; i + 4 < s->hi;) {
        const char *h = memchr(d->norm + i, ',', s->hi - i - 4);
        if (!h)
            break;
        size_t c = (size_t)(h - d->norm);
        i = c + 1;
        d->work++;
        size_t q = c + 1;
        if (d->norm[q] != ' ' && d->norm[q] != '\n')
            continue;
        q++;
        if (d->norm[q] != 'a' ||
            !(d->norm[q + 1] == ' ' || d->norm[q + 1] == '\n' ||
              (d->norm[q + 1] == 'n' && q + 2 < s->hi &&
               (d->norm[q + 2] == ' ' || d->norm[q + 2] == '\n'))))
            continue;
        q += d->norm[q + 1] == 'n' ? 3 : 2;
        /* the words of the noun phrase, up to its head */
        bool head = false;
        for (int k = 0; k < 7 && q < s->hi && !head; k++) {
            size_t e = q;
            while (e < s->hi && e - q < 32 &&
                   (ent_asc((unsigned char)d->norm[e]) || d->norm[e] == '-'))
                e++;
            if (e == q || e - q >= 32 || k >= 6)
                break;
            bool kind = firm_kind(d->norm + q, e - q);
            size_t r = e;
            if (r < s->hi && (d->norm[r] == ' ' || d->norm[r] == '\n')) {
                r++;
                size_t re = r;
                while (re < s->hi && re - r < 16 && ent_asc((unsigned char)d->norm[re]))
                    re++;
                head = kind && firm_kind_tail(d->norm + r, re - r);
                q = r;
            } else {
                head = kind && r < s->hi && strchr(",.;)", d->norm[r]);
                if (!head)
                    break;
            }
        }
        if (!head)
            continue;
        size_t ns = name_before(s, c);
        if (ns >= c)
            continue;
        size_t fw = ns;
        while (fw < c && ent_asc((unsigned char)d->norm[fw]))
            fw++;
        int32_t v;
        if (fw < c && kj_dict_get(s->x->given_en, d->norm + ns, fw - ns, &v))
            continue;
        if (!frozen) {
            ent_freeze(s); /* the overlap test sees the names read so far */
            frozen = true;
        }
        firm_at(s, ns, c);
    }
}

/* Does the organization e's name hold the words [ns, ne) whole (Hutton
 * in E.F. Hutton Group Inc)? */
static bool name_holds(const ent *e, const char *w, size_t n)
{
    for (size_t i = 0; e->namelen >= n && i + n <= e->namelen; i++)
        if ((i == 0 || e->name[i - 1] == ' ') && !memcmp(e->name + i, w, n) &&
            (i + n == e->namelen || e->name[i + n] == ' '))
            return true;
    return false;
}

/* Are the capitals w[0, n) the initials of e's capitalized words, its
 * legal form's with them or not (HMC: Harwick Mills Corp; GTA:
 * Grain Tariff Authority)? */
static bool initials_of(const ent *e, const char *w, size_t n)
{
    size_t k = 0, words = 0;
    for (size_t i = 0; i < e->namelen; i++) {
        if (i > 0 && e->name[i - 1] != ' ')
            continue;
        if (!upper((unsigned char)e->name[i]))
            continue;
        words++;
        if (k < n && e->name[i] == w[k])
            k++;
        else if (k < n)
            return false;
    }
    return k == n && n >= 2 && words >= n && words <= n + 1;
}

/* Is [p, p + n) an English article, a / an / the, capitalized or not? */
static bool en_article(const char *p, size_t n)
{
    if (n < 1 || n > 3 || (p[0] | 0x20) != (n == 3 ? 't' : 'a'))
        return false;
    return n == 1 || !memcmp(p + 1, n == 2 ? "n" : "he", n - 1);
}

/* A mention [ns, ne) of organization e found before it, or, when e is
 * NULL, of a new organization of that name (pass_spokes, pass_says). */
static void mention_or_new(estate *s, ent *e, size_t ns, size_t ne)
{
    kiji_doc *d = s->d;
    if (!e) {
        e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + ns, ne - ns, NULL, 0);
        if (e)
            longer_name(s, e, ns, ne);
    }
    if (e)
        ent_mention(s, e, ns, ne);
}

/* "a Treasury spokesman", "A Viacom spokeswoman": up to three capitalized
 * words between an article and spokesman / spokeswoman / spokesperson
 * name the body the spokesperson speaks for (GUIDELINES: the body is the
 * speaker): an organization named before whose name holds the words, else
 * a new one. Not a place, a demonym (a Soviet spokesman) or a lone
 * organization word (a Bank spokesman). */
static void pass_spokes(estate *s)
{
    kiji_doc *d = s->d;
    bool frozen = false;
    /* the k of "spokes" (rarer than its s) finds each one */
    for (size_t i = s->lo + 3; i + 3 < s->hi;) {
        const char *h = memchr(d->norm + i, 'k', s->hi - i - 3);
        if (!h)
            break;
        size_t k = (size_t)(h - d->norm) - 3;
        i = k + 4;
        if (memcmp(d->norm + k, "spokes", 6) != 0)
            continue;
        i = k + 6;
        d->work++;
        if (!(kj_at(d->norm, s->hi, i, "man") || kj_at(d->norm, s->hi, i, "woman") ||
              kj_at(d->norm, s->hi, i, "person")) ||
            k < s->lo + 4 || (d->norm[k - 1] != ' ' && d->norm[k - 1] != '\n'))
            continue;
        if (!frozen) {
            ent_freeze(s); /* ent_covered sees the names read so far */
            frozen = true;
        }
        /* the capitalized words before it, back to an article */
        size_t ne = k - 1, ns = ne;
        int nw = 0;
        bool art = false;
        while (nw < 4 && ns > s->lo) {
            size_t b = ns;
            while (b > s->lo && d->norm[b - 1] != ' ' && d->norm[b - 1] != '\n' && ns - b < 32)
                b--;
            if (en_article(d->norm + b, ns - b)) {
                art = nw > 0;
                break;
            }
            if (b == ns || !upper((unsigned char)d->norm[b]) || nw == 3 || b == s->lo)
                break;
            nw++;
            ns = b;
            if (ns > s->lo)
                ns--;
            if (ns == s->lo || (d->norm[ns] != ' ' && d->norm[ns] != '\n'))
                break;
        }
        if (!art)
            continue;
        ns++;
        while (ns < ne && (d->norm[ns] == ' ' || d->norm[ns] == '\n'))
            ns++;
        int32_t v;
        ent *pl = NULL;
        if (ns >= ne || ne - ns > 48 || ent_covered(s, KIJI_FACT_ORGANIZATION, ns, ne) ||
            place_at(s, ns, &pl) > 0 || kj_dict_get(s->x->demonym, d->norm + ns, ne - ns, &v) ||
            kj_dict_get(s->x->osuf_en, d->norm + ns, ne - ns, &v) ||
            memchr(d->norm + ns, '\n', ne - ns))
            continue;
        ent *e = NULL;
        /* an organization already named (past the budget, none: the body
         * is made or found by its own name below) */
        for (size_t j = 0; j < s->ne && !e && s->spokes_budget > 0; j++) {
            d->work++;
            s->spokes_budget--;
            ent *o = s->e[j];
            if (o->type == KIJI_FACT_ORGANIZATION &&
                (name_holds(o, d->norm + ns, ne - ns) || initials_of(o, d->norm + ns, ne - ns) ||
                 (o->acronym && ent_equals(d->norm + ns, ne - ns, o->acronym))))
                e = o;
        }
        mention_or_new(s, e, ns, ne);
    }
}

/* "..., SIA said.", AMC says: an acronym of two to five capitals that is
 * the subject of said / says is a body speaking (GUIDELINES: a body may be
 * a quote's speaker); so is one before officials / sources / spokesman
 * (FAA officials said: the member is an unnamed source, rec_quote_en). Its organization named before (by its acronym or
 * its initials) gets the mention, else it is a new one. Not a title
 * (CEO), a place (US, UK), a stopword, nor a token with periods; a
 * headline in capitals writes SAID, so it is never met. */
static void pass_says(estate *s)
{
    kiji_doc *d = s->d;
    if (d->lang != KJ_LANG_EN)
        return;
    bool frozen = false;
    for (size_t i = s->lo + 3; i + 5 <= s->hi;) {
        /* each sai and say (the s before hi - 4) */
        size_t k = next_trigram(d->norm, i, s->hi - 2, 's', 'a', 'i', 'y');
        if (k + 4 >= s->hi)
            break;
        i = k + 1;
        d->work++;
        if (!(kj_at(d->norm, s->hi, k, "said") || kj_at(d->norm, s->hi, k, "says")) ||
            (k + 4 < s->hi && ent_asc((unsigned char)d->norm[k + 4])) ||
            (d->norm[k - 1] != ' ' && d->norm[k - 1] != '\n'))
            continue;
        size_t ne = k - 1, ns = ne;
        /* FAA officials said, UAW sources said: the body of an unnamed
         * member speaking (GUIDELINES: the member is a statement) */
        static const char *const members[] = {"officials", "official", "sources", "spokesman",
                                              "spokeswoman", "executives", NULL};
        for (int m = 0; members[m]; m++) {
            size_t ml = strlen(members[m]);
            if (ne - s->lo > ml + 3 && !memcmp(d->norm + ne - ml, members[m], ml) &&
                (d->norm[ne - ml - 1] == ' ' || d->norm[ne - ml - 1] == '\n')) {
                ne -= ml + 1;
                ns = ne;
                break;
            }
        }
        while (ns > s->lo && ne - ns < 6 && upper((unsigned char)d->norm[ns - 1]))
            ns--;
        /* Westpac officials said, after Westpac Banking Corp: one
         * capitalized word before a member word, the first word of an
         * organization read before, is a mention of it (never a new one) */
        bool short_form = false;
        if (ne - ns <= 1 && ne < k - 1) {
            size_t p = ne;
            while (p > s->lo && ne - p < 24 && d->norm[p - 1] >= 'a' && d->norm[p - 1] <= 'z')
                p--;
            int32_t dv; /* French officials: a demonym names no company */
            if (p > s->lo && upper((unsigned char)d->norm[p - 1]) && ne - p >= 2 &&
                !kj_dict_get(s->x->demonym, d->norm + p - 1, ne - p + 1, &dv)) {
                ns = p - 1;
                short_form = true;
            }
        }
        if (ne - ns < 2 || (ne - ns > 5 && !short_form))
            continue;
        if (ns > s->lo) {
            unsigned char c = (unsigned char)d->norm[ns - 1];
            if (c != ' ' && c != '\n' && c != '(' && c != '"')
                continue;
        }
        /* Consolidated TVX said: the end of a longer name */
        size_t pe = ns;
        while (pe > s->lo && (d->norm[pe - 1] == ' ' || d->norm[pe - 1] == '\n') && ns - pe < 4)
            pe--;
        size_t pb = pe;
        while (pb > s->lo && ent_asc((unsigned char)d->norm[pb - 1]) && pe - pb < 32)
            pb--;
        if (pb < pe && pe < ns && upper((unsigned char)d->norm[pb]) && !ent_stopword(d, pb, pe))
            continue;
        /* HRI and CPA said: a joint subject has no single speaker
         * (GUIDELINES), and the capitals may name nothing */
        if (pe < ns && ((pe - pb == 3 && !memcmp(d->norm + pb, "and", 3)) ||
                        (pe - pb == 2 && !memcmp(d->norm + pb, "or", 2))))
            continue;
        if (!frozen) {
            ent_freeze(s); /* ent_covered sees the names read so far */
            frozen = true;
        }
        int32_t v;
        ent *pl = NULL;
        char low[32]; /* title_en holds lower case keys */
        for (size_t j = 0; j < ne - ns; j++)
            low[j] = (char)(upper((unsigned char)d->norm[ns + j]) ? d->norm[ns + j] + 32
                                                                  : d->norm[ns + j]);
        if (ent_covered(s, KIJI_FACT_ORGANIZATION, ns, ne) || ent_stopword(d, ns, ne) ||
            place_at(s, ns, &pl) > 0 || kj_dict_get(s->x->title_en, low, ne - ns, &v) ||
            kj_dict_get(s->x->honor_en, low, ne - ns, &v) ||
            kj_dict_get(s->x->honor_en, d->norm + ns, ne - ns, &v))
            continue;
        ent *e = NULL;
        /* the same acronym or a name opening with it (WEDGE Group Inc)
         * first, then a name it spells the initials of */
        for (int pass = 0; pass < 2 && !e; pass++) {
            for (size_t j = 0; j < s->ne && !e && s->spokes_budget > 0; j++) {
                d->work++;
                s->spokes_budget--;
                ent *o = s->e[j];
                if (o->type != KIJI_FACT_ORGANIZATION || !o->name)
                    continue;
                if (pass == 0 ? (o->acronym && ent_equals(d->norm + ns, ne - ns, o->acronym)) ||
                                    (o->namelen > ne - ns && !memcmp(o->name, d->norm + ns, ne - ns) &&
                                     o->name[ne - ns] == ' ') ||
                                    ent_equals(d->norm + ns, ne - ns, o->name)
                              : initials_of(o, d->norm + ns, ne - ns))
                    e = o;
            }
        }
        if (short_form) {
            /* exactly one organization opens with the word */
            size_t n = 0;
            for (size_t j = 0; j < s->ne && n < 2; j++) {
                const ent *o = s->e[j];
                n += o->type == KIJI_FACT_ORGANIZATION && o->name && o->namelen > ne - ns &&
                     !memcmp(o->name, d->norm + ns, ne - ns) && o->name[ne - ns] == ' ';
            }
            if (!e || n != 1 || e->namelen <= ne - ns || e->name[ne - ns] != ' ')
                continue;
        }
        mention_or_new(s, e, ns, ne);
    }
}

/* The first position from i on where two capitals A-Z stand side by
 * side, hi when none, reading ASCII text eight bytes at a time and the
 * rest a byte at a time. A run of just two split across two words of
 * eight may be passed over; a run of three or more never is, as it shows
 * a pair inside one word (pass_initials_later wants those alone). */
static size_t caps_pair(const kiji_doc *d, size_t i, size_t hi)
{
    const unsigned char *u = (const unsigned char *)d->norm;
    while (i + 1 < hi) {
#ifdef __SSE2__
        /* sixteen bytes at once where there is SSE2, read as the two words
         * of eight below would be: ASCII with no pair inside either (the
         * bit of byte 7's pair with byte 8 left out), both passed */
        if (hi - i >= 16) {
            typedef unsigned char v16 __attribute__((vector_size(16)));
            v16 v;
            memcpy(&v, u + i, 16);
            unsigned c = (unsigned)_mm_movemask_epi8((__m128i)((v16)(v - 'A') <= 'Z' - 'A'));
            if (!_mm_movemask_epi8((__m128i)v) && !(c & (c >> 1) & 0x7F7Fu)) {
                i += 16;
                continue;
            }
        }
#endif
        if (hi - i >= 8) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (!(w & 0x8080808080808080u)) {
                /* the bit of each byte that is A-Z, then of each byte
                 * whose next one is A-Z too: the shift moves byte k + 1's
                 * bit to byte k on a little-endian load, byte k - 1's on
                 * a big-endian one, a pair either way */
                uint64_t m = upper_bits8(w);
                if (!(m & (m >> 8))) {
                    i += 8;
                    continue;
                }
            }
        }
        if (upper(u[i]) && upper(u[i + 1]))
            return i;
        i++;
    }
    return hi;
}

/* Is [a, b) a word of two capitals or more and nothing else (a
 * headline's TO, UAW)? */
static bool caps_word(const kiji_doc *d, size_t a, size_t b)
{
    if (b - a < 2)
        return false;
    for (size_t i = a; i < b; i++)
        if (!upper((unsigned char)d->norm[i]))
            return false;
    return true;
}

/* The United Auto Workers union ... the UAW: three to five capitals
 * written after an organization, spelling the initials of its
 * capitalized words, are a mention of it, not another body, also where no
 * parenthesis defined them (cases/en/org_initials_later). Exactly one
 * organization read before must spell them, one with no acronym of its
 * own (pass_known finds a defined one); not in a line of capitals (a
 * headline), nor a title (CEO) or a stopword, nor a ticker in angle
 * brackets (<HMC>: pass_tickers) or a product's slashed name (HMC/Net). */
static void pass_initials_later(estate *s)
{
    kiji_doc *d = s->d;
    if (d->lang != KJ_LANG_EN)
        return;
    /* the candidates, each with its first mention: the organizations of
     * three to six capitalized words (initials_of lets a legal form's
     * word be one more than the capitals) */
    enum { MAXC = 16 };
    ent *cand[MAXC];
    size_t first[MAXC], nc = 0;
    for (size_t j = 0; j < s->ne && nc < MAXC; j++) {
        ent *o = s->e[j];
        d->work++;
        if (o->type != KIJI_FACT_ORGANIZATION || !o->name || o->acronym || o->nm == 0 ||
            o->namelen > 96)
            continue;
        int words = 0;
        for (size_t i = 0; i < o->namelen; i++)
            words += (i == 0 || o->name[i - 1] == ' ') && upper((unsigned char)o->name[i]);
        if (words < 3 || words > 6)
            continue;
        size_t f = o->m[0].ns;
        for (size_t m = 1; m < o->nm; m++)
            if (o->m[m].ns < f)
                f = o->m[m].ns;
        cand[nc] = o;
        first[nc++] = f;
    }
    if (nc == 0)
        return;
    ent_freeze(s); /* ent_overlaps sees the names read so far */
    /* a run of three capitals or more holds two side by side: the scan
     * goes from one such pair to the next, and takes the run around it */
    size_t done = s->lo; /* the runs before it are taken */
    for (size_t j = caps_pair(d, s->lo, s->hi); j < s->hi; j = caps_pair(d, j, s->hi)) {
        d->work++;
        size_t i = j, r = j + 2;
        while (i > done && upper((unsigned char)d->norm[i - 1]))
            i--;
        while (r < s->hi && upper((unsigned char)d->norm[r]))
            r++;
        done = j = r;
        if (i > s->lo && (ent_asc((unsigned char)d->norm[i - 1]) || d->norm[i - 1] == '.' ||
                          d->norm[i - 1] == '-' || d->norm[i - 1] == '&' ||
                          d->norm[i - 1] == '<' || d->norm[i - 1] == '/'))
            continue;
        size_t b = i + (r - i < 7 ? r - i : 7);
        size_t a = i;
        if (b - a < 3 || b - a > 5 ||
            (b < s->hi && (ent_asc((unsigned char)d->norm[b]) || d->norm[b] == '&' ||
                           d->norm[b] == '>' || d->norm[b] == '/' ||
                           (d->norm[b] == '.' && b + 1 < s->hi &&
                            ent_asc((unsigned char)d->norm[b + 1])))))
            continue;
        /* the words on either side: a word of capitals makes a headline */
        size_t pe = a;
        while (pe > s->lo && a - pe < 3 && !ent_asc((unsigned char)d->norm[pe - 1]))
            pe--;
        size_t pb = pe;
        while (pb > s->lo && pe - pb < 16 && ent_asc((unsigned char)d->norm[pb - 1]))
            pb--;
        size_t nb = b;
        while (nb < s->hi && nb - b < 3 && !ent_asc((unsigned char)d->norm[nb]))
            nb++;
        size_t nx = nb;
        while (nx < s->hi && nx - nb < 16 && ent_asc((unsigned char)d->norm[nx]))
            nx++;
        if (caps_word(d, pb, pe) || caps_word(d, nb, nx))
            continue;
        char low[8];
        int32_t v;
        for (size_t k = a; k < b; k++)
            low[k - a] = (char)(d->norm[k] + 32);
        if (ent_overlaps(s, a, b) || ent_stopword(d, a, b) ||
            kj_dict_get(s->x->title_en, low, b - a, &v))
            continue;
        ent *e = NULL;
        int hits = 0;
        for (size_t c = 0; c < nc; c++)
            if (first[c] < a && initials_of(cand[c], d->norm + a, b - a)) {
                e = cand[c];
                hits++;
            }
        if (hits == 1)
            ent_mention(s, e, a, b);
    }
}

/* The Romance particles that join the words of a name that a word of
 * en/org_heads opens (Banque Lorraine de Nancy, Banque Rurale a Metz SA,
 * Caisse Regionale des Vignerons Unis). */
static bool head_particle(const char *t, size_t n)
{
    static const char *const w[] = {"de", "du", "des", "di", "del", "della", "dei", "degli",
                                    "da", "do", "dos", "das", "la", "le", "les", "et", "y",
                                    "a", "per", "pour", NULL};
    for (int i = 0; w[i]; i++)
        if (ent_equals(t, n, w[i]))
            return true;
    return false;
}

/* The end of the Latin word at w (letters, digits, - & . and an
 * apostrophe inside: d'Aide, l'Equipement), at most 40 bytes. */
static size_t head_word_end(const estate *s, size_t w)
{
    const kiji_doc *d = s->d;
    size_t e = w;
    while (e < s->hi && e - w < 40) {
        unsigned char c = (unsigned char)d->norm[e];
        if (!(ent_asc(c) || c == '-' || c == '&' || c == '.' ||
              (c == '\'' && e > w && e + 1 < s->hi && ent_asc((unsigned char)d->norm[e + 1]))))
            break;
        e++;
    }
    return e;
}

/* Banque Lorraine de Nancy (BLN), Caisse d'Epargne a l'Usage des Marins
 * Bretons, Credit Alsacien, Statistics Norland: a word of
 * data/en/org_heads.txt that opens a capitalized run (not after another
 * capitalized word but a stopword: a Farm Credit Office is read by its
 * last word) heads a body's name, the capitalized words after it joined
 * by the particles of head_particle, up to a title's word (Banque
 * Lorraine Chairman Tom Aki), a sentence's or a line's end. A head
 * word with no capitalized word after it names nothing (Credit markets).
 * An acronym in brackets right after the name is defined as its. */
static void pass_heads(estate *s)
{
    kiji_doc *d = s->d;
    if (d->lang != KJ_LANG_EN)
        return;
    /* where each capital that opens a head word next stands (memchr),
     * moved on only once the pass has gone past it */
    const char *hc = s->x->ohead_caps;
    size_t ncaps = strlen(hc), next[26];
    for (size_t k = 0; k < ncaps; k++) {
        const char *f = memchr(d->norm + s->lo, hc[k], s->hi - s->lo);
        next[k] = f ? (size_t)(f - d->norm) : s->hi;
    }
    size_t i = s->lo;
    for (;;) {
        size_t at = s->hi;
        for (size_t k = 0; k < ncaps; k++) {
            if (next[k] < i) {
                const char *f = memchr(d->norm + i, hc[k], s->hi - i);
                next[k] = f ? (size_t)(f - d->norm) : s->hi;
            }
            if (next[k] < at)
                at = next[k];
        }
        if (at >= s->hi)
            break;
        i = at;
        d->work++;
        if (i > s->lo && (ent_asc((unsigned char)d->norm[i - 1]) || d->norm[i - 1] == '-' ||
                          d->norm[i - 1] == '\'')) {
            i++;
            continue;
        }
        size_t he = head_word_end(s, i);
        int32_t v;
        if (!kj_dict_get(s->x->ohead_en, d->norm + i, he - i, &v)) {
            i = he > i ? he : i + 1;
            continue;
        }
        /* the word before: none, lowercase, a stopword (the, In) or not a word */
        size_t p = i;
        while (p > s->lo && i - p < 2 && (d->norm[p - 1] == ' ' || d->norm[p - 1] == '\n'))
            p--;
        size_t pw = p;
        while (pw > s->lo && p - pw < 40 && ent_asc((unsigned char)d->norm[pw - 1]))
            pw--;
        if (p < i && pw < p && upper((unsigned char)d->norm[pw]) && !ent_stopword(d, pw, p)) {
            i = he;
            continue;
        }
        size_t ne = he, w = he;
        int words = 0, caps = 0;
        while (w < s->hi && words < 10) {
            /* one space or one line break (not before an indented line) */
            size_t q = w;
            int nl = 0;
            while (q < s->hi && (d->norm[q] == ' ' || d->norm[q] == '\n') && q - w < 8)
                nl += d->norm[q++] == '\n';
            if (q == w || nl > 1 || (nl == 1 && d->norm[q - 1] == ' ') || q >= s->hi)
                break;
            size_t e = head_word_end(s, q);
            if (e == q)
                break;
            size_t te = e;
            bool stop = d->norm[te - 1] == '.';
            while (te > q && d->norm[te - 1] == '.')
                te--; /* a sentence's full stop ends the name */
            bool poss = te - q > 2 && d->norm[te - 1] == 's' && d->norm[te - 2] == '\'';
            if (poss)
                te -= 2; /* Banque Lorraine's: the possessive ends it */
            if (te == q)
                break;
            const char *t = d->norm + q;
            size_t tl = te - q;
            bool cap = upper((unsigned char)t[0]) ||
                       (tl > 2 && (t[0] == 'd' || t[0] == 'l') && t[1] == '\'' &&
                        upper((unsigned char)t[2]));
            if (cap && (title_word(s, q, te) || ent_stopword(d, q, te) ||
                        kj_claimed(d, q, te)))
                break;
            if (!cap && !head_particle(t, tl))
                break;
            words++;
            if (cap) {
                caps++;
                ne = te;
            }
            if (stop || poss || te < e)
                break;
            w = e;
        }
        /* Credit Bank of Moscow: an of-tail goes on past the particles;
         * the run is the organization-word pass's (en_run), whole */
        size_t q = ne;
        while (q < s->hi && q - ne < 2 && (d->norm[q] == ' ' || d->norm[q] == '\n'))
            q++;
        bool of_tail = s->hi - q > 3 && !memcmp(d->norm + q, "of", 2) &&
                       (d->norm[q + 2] == ' ' || d->norm[q + 2] == '\n') &&
                       upper((unsigned char)d->norm[q + 3]);
        if (caps == 0 || of_tail) {
            i = he;
            continue;
        }
        /* an acronym in brackets after it: Banque Lorraine de Nancy (BLN) */
        size_t k = q + 1;
        while (q < s->hi && d->norm[q] == '(' && k < s->hi && k - q < 14 && d->norm[k] != ')')
            k++;
        if (q < s->hi && d->norm[q] == '(' && k < s->hi && d->norm[k] == ')' &&
            acronym(d, q + 1, k) && d->norm[q + 1] == d->norm[i]) {
            define_as(s, i, ne, q + 1, k, true);
        } else {
            ent *e = org_for(s, KIJI_FACT_ORGANIZATION, d->norm + i, ne - i, NULL, 0);
            if (e) {
                longer_name(s, e, i, ne);
                ent_mention(s, e, i, ne);
            }
        }
        i = ne;
    }
}

/* Does organization o's name open with name as whole words but its last,
 * which may go on in letters (Christian Democratic Union for Christian
 * Democrat)? (pass_party_members) */
static bool named_party(estate *s, ent *o, const char *name, size_t nl)
{
    (void)s;
    return o->namelen > nl && !memcmp(o->name, name, nl) && ent_asc((unsigned char)o->name[nl]);
}

/* "the Christian Democrats", "The conservative Social Democrats", "the
 * Tories", "the German Social Democrats": the article, up to two
 * lower-case words or demonyms (en/demonyms, left out of the name), one
 * or two capitalized party qualifiers (en/party_qualifiers) and a party
 * member's plural (en/party_members, ending in s), or a plural that names
 * the party by itself (party_qualifiers value 2: the Conservatives),
 * name the party, an organization
 * (GUIDELINES: parties are organizations). An organization read before
 * whose name opens with the qualifiers and the member's singular
 * (Christian Democratic Union for the Christian Democrats) is the one
 * meant; else a new one of the words as written. With no qualifier (the
 * Democrats) or another word before the plural (House Democrats, Senate
 * Republicans, Three Democrats) the words name members, no organization
 * (cases/en/org_party_members). */
static void pass_party_members(estate *s, const the_words *thes)
{
    kiji_doc *d = s->d;
    if (d->lang != KJ_LANG_EN)
        return;
    const char *p = d->norm;
    /* from one the or The to the next whose h is at or past from (one
     * byte past the last h read, two past a name read) and at most at
     * hi - 5 */
    size_t from = s->lo + 1;
    for (size_t ti = 0; ti < thes->n && thes->h[ti] + 5 <= s->hi; ti++) {
        if (thes->h[ti] < from)
            continue;
        size_t i = thes->h[ti] - 1; /* the t */
        from = i + 2;
        d->work++;
        size_t q = i + 4, ns = 0, ne = 0;
        int lower = 0, quals = 0;
        for (int k = 0; k < 5 && q < s->hi; k++) {
            d->work++;
            bool up = upper((unsigned char)p[q]);
            /* a lower-case word after a qualifier or two others ends the
             * run, whatever its length */
            if (!up && (quals || lower == 2))
                break;
            size_t e = q;
            while (e < s->hi && e - q < 24 && ascii_letter(p[e]))
                e++;
            if (e == q || (e < s->hi && (ascii_letter(p[e]) || p[e] == '-')))
                break;
            int32_t v = 0, dv;
            size_t dl = up && !quals && lower < 2
                            ? kj_dict_longest(s->x->demonym, p, s->hi, q, &dv)
                            : 0;
            if (dl > e - q && q + dl < s->hi && !ascii_letter(p[q + dl]))
                e = q + dl; /* West German */
            else if (dl != e - q)
                dl = 0;
            if (!up || dl) {
                lower++; /* the ruling, the German: no part of the name */
            } else if (kj_dict_get(s->x->pqual_en, p + q, e - q, &v) && v == 1 && quals < 2) {
                if (!quals)
                    ns = q;
                quals++;
            } else {
                int32_t w;
                if (quals && p[e - 1] == 's' && kj_dict_get(s->x->party_en, p + q, e - q, &w))
                    ne = e;
                else if (!quals && v == 2)
                    ns = q, ne = e;
                break;
            }
            if (e >= s->hi || (p[e] != ' ' && p[e] != '\n'))
                break;
            q = e + 1;
        }
        if (!ne || ent_overlaps(s, ns, ne))
            continue;
        ent *o = NULL;
        if (quals) {
            /* the qualifiers and the member's singular, one space apart */
            char key[96];
            size_t kl = 0;
            for (size_t j = ns; j < ne - 1 && kl < sizeof key; j++)
                key[kl++] = p[j] == '\n' ? ' ' : p[j];
            if (kl < sizeof key)
                o = org_unique(s, key, kl, named_party);
        }
        mention_or_new(s, o, ns, ne);
        from = ne + 2;
    }
}

void rec_orgs(estate *s)
{
    ent_freeze(s); /* ja_country_label sees the places read */
    pass_heads(s);
    ent_freeze(s); /* define_as sees the names pass_heads read */
    pass_definitions(s);
    ent_freeze(s); /* pass_suffixes skips names inside those just read */
    kata_spans kata = {NULL, 0, 0};
    pass_suffixes(s, &kata);
    pass_stations_later(s);
    pass_known(s);
    pass_media(s, &kata);
    pass_legal_latin(s);
    pass_media_kind(s);
    the_words thes = {NULL, 0, 0};
    find_the_words(s, &thes);
    pass_papers(s, &thes);
    pass_country_firms(s);
    pass_country_subsidiaries(s);
    pass_tickers(s);
    pass_appositions(s);
    pass_spokes(s);
    pass_says(s);
    ent_freeze(s); /* pass_party_members skips names read */
    pass_party_members(s, &thes);
    pass_initials_later(s);
}
