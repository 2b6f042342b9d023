/*
 * rec_entity.c -- places, organizations, persons and acronym definitions:
 * the driver, the per-doc entity registry and the fact writer.
 *
 * Recognizers (rec_place.c, rec_org.c, rec_person.c) run in that order, so
 * persons can take a place or organization as affiliation. Each distinct
 * entity becomes ONE fact: name = its fullest form, span = first mention,
 * every mention listed. Registry lookups are hashed, so a run stays linear.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rec_entity.h"

/* ent_asc's table: digits (row 3), A-Z (rows 4-5), a-z (rows 6-7) */
/* clang-format off */
const uint8_t ent_asc_tab[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
/* clang-format on */

bool ent_stopword(const kiji_doc *d, size_t ns, size_t ne)
{
    return kj_dict_get(d->p->entity->stop_en, d->norm + ns, ne - ns, NULL);
}

bool ent_splits_word(const estate *s, size_t end)
{
    size_t ls;
    int32_t v;
    if (end <= s->lo || end >= s->hi)
        return false;
    ent_prev(s->d, end, &ls);
    return kj_dict_longest(s->x->splits_ja, s->d->norm, s->hi, ls, &v) > end - ls;
}

/* ---- word lists ---------------------------------------------------------- */

void ent_first_all(struct kj_entity *x, ent_first f)
{
    /* every code point's flag as well: ent_first_has then tests the flag alone */
    x->first_every |= f;
    for (size_t c = 0; c < 0x10000; c++)
        x->first[c] |= (uint16_t)f;
}

void ent_first_add(struct kj_entity *x, ent_first f, const char *key, size_t len)
{
    if (len == 0)
        return;
    unsigned char b = (unsigned char)key[0];
    if (b >= 0x80 && !(b >= 0xC2 && b <= 0xF4 && (size_t)kj_u8_len(b) <= len)) {
        ent_first_all(x, f);
        return;
    }
    size_t i = 0;
    uint32_t c = kj_u8_next(key, len, &i);
    if (c >= 0x10000)
        return; /* ent_first_has lets every such character through */
    x->first[c] |= (uint16_t)f;
    if (c == ' ')
        x->first['\n'] |= (uint16_t)f;
}

void ent_first_list(struct kj_entity *x, ent_first f, const char *list)
{
    const kj_wordlist *wl = kj_wordlist_get(list);
    for (size_t i = 0; wl && i < wl->n; i++)
        ent_first_add(x, f, wl->lines[i], kj_wordlist_key(wl->lines[i]));
}

void ent_stops_init(ent_stops *st, uint32_t want, const struct kj_entity *x, ent_first f,
                    uint32_t also, bool pass_unnamed)
{
    memset(st, 0, sizeof *st);
    st->mask = (x->first_every & f) ? UINT32_MAX : KJ_CPX_SLOW | want;
    /* a set always lets a character past U+FFFF through (ent_first_has) */
    st->wide = f || (also >= 0x80 && also != ENT_NO_CP);
    st->pass_unnamed = pass_unnamed;
    for (uint32_t c = 0; c < 0x10000; c++) {
        bool stop = c == also || (f && ent_first_has(x, f, c));
        uint32_t cls = kj_char_class(c);
        if (c < 0x80) {
            stop |= (cls & want) != 0;
            st->ascii[c] = stop;
        }
        if (stop)
            st->bits[c >> 6] |= 1ull << (c & 63);
        /* a hiragana character a key starts with (みんなの党) stops the
         * scan even where unnamed characters pass */
        if (c < 0x80 || (pass_unnamed && !(cls & KJ_CC_NAME) && !(stop && kj_is_hiragana(c))))
            continue;
        /* the scan's test of c's entry: v & mask (its classes want, or,
         * mask all ones, any entry: none is 0), or c in bits where bits
         * holds characters past ASCII (wide) */
        bool by_class = st->mask == UINT32_MAX || (cls & want) != 0;
        if (by_class || (st->wide && stop))
            st->cp_stop[c >> 6] |= 1ull << (c & 63);
    }
}

kj_dict *ent_dict(const char *list, int32_t def)
{
    kj_dict *t = kj_dict_new();
    if (!t)
        return NULL;
    const kj_wordlist *wl = kj_wordlist_get(list);
    if (wl && !kj_dict_add_list(t, wl, def)) {
        kj_dict_free(t);
        return NULL;
    }
    return t;
}

size_t ent_longest_ascii(const estate *s, const kj_dict *t, size_t pos, int32_t *v)
{
    const kiji_doc *d = s->d;
    unsigned char b = (unsigned char)d->norm[pos];
    if (!kj_dict_may_start(t, b))
        return 0;
    char buf[96];
    /* a key no longer than buf: read in place, line breaks as spaces, as
     * the copy below would give it (the copy holds any key that fits) */
    if (kj_dict_maxlen(t) <= sizeof buf)
        return kj_dict_longest_sp(t, d->norm, s->hi, pos, v);
    size_t n = s->hi - pos < sizeof buf ? s->hi - pos : sizeof buf;
    if (n > kj_dict_maxlen(t))
        n = kj_dict_maxlen(t);
    const char *nl = memchr(d->norm + pos, '\n', n);
    if (!nl)
        return kj_dict_longest(t, d->norm, s->hi, pos, v);
    /* English names wrap across lines: South\nKorea is South Korea */
    memcpy(buf, d->norm + pos, n);
    while (nl) {
        size_t k = (size_t)(nl - (d->norm + pos));
        buf[k] = ' ';
        nl = memchr(d->norm + pos + k + 1, '\n', n - k - 1);
    }
    return kj_dict_longest(t, buf, n, 0, v);
}

/* ---- the registry -------------------------------------------------------- */

/* A step of hkey: one 64-bit word into the hash. */
static inline uint64_t hmix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 29);
}

/* The hash of a key of type type: the key eight bytes at a time (a byte a
 * time cost most of a lookup), the last piece read as one or two loads that
 * together cover its every byte; the length goes in first, so keys of one
 * length that differ in any byte give different words. */
static uint64_t hkey(int type, const char *k, size_t kl)
{
    uint64_t h = hmix(0x9E3779B97F4A7C15ull ^ (uint64_t)type, kl);
    size_t i = 0;
    for (; kl - i > 8; i += 8) {
        uint64_t w;
        memcpy(&w, k + i, 8);
        h = hmix(h, w);
    }
    /* the last 1 to 8 bytes, [i, kl) */
    size_t r = kl - i;
    const unsigned char *u = (const unsigned char *)k + i;
    uint64_t w = 0;
    if (r >= 4) {
        uint32_t a, b;
        memcpy(&a, u, 4);
        memcpy(&b, u + r - 4, 4);
        w = (uint64_t)a << 32 | b;
    } else if (r > 0) {
        w = (uint64_t)u[0] << 16 | (uint64_t)u[r / 2] << 8 | u[r - 1];
    }
    h = hmix(h, w);
    h = (h ^ (h >> 30)) * 0x94D049BB133111EBull;
    return h ^ (h >> 31);
}

static hslot *hfind(estate *s, int type, const char *k, size_t kl)
{
    size_t mask = s->hcap - 1;
    for (size_t i = hkey(type, k, kl) & mask;; i = (i + 1) & mask) {
        s->d->work++;
        hslot *h = &s->h[i];
        if (!h->k)
            return h;
        if (h->kl == kl && h->v->type == type && memcmp(h->k, k, kl) == 0)
            return h;
    }
}

/* the bit of org_fw for a first word */
static unsigned fw_bit(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return (h ^ (h >> 15)) & 1023;
}

/* the word of "n:" key k up to its first space */
static size_t fw_len(const char *k, size_t kl)
{
    size_t i = 2;
    while (i < kl && k[i] != ' ')
        i++;
    return i - 2;
}

bool ent_org_first_word(const estate *s, const char *key, size_t kl)
{
    unsigned b = fw_bit(key + 2, fw_len(key, kl));
    return (s->org_fw[b >> 6] >> (b & 63)) & 1;
}

static void hput(estate *s, int type, const char *k, size_t kl, ent *e)
{
    if (type == KIJI_FACT_ORGANIZATION && kl >= 2 && k[0] == 'n' && k[1] == ':') {
        unsigned b = fw_bit(k + 2, fw_len(k, kl));
        s->org_fw[b >> 6] |= (uint64_t)1 << (b & 63);
    }
    if ((s->hn + 1) * 2 > s->hcap) {
        hslot *old = s->h;
        size_t oldcap = s->hcap;
        s->hcap = oldcap ? oldcap * 2 : 32; /* an article names a few dozen */
        s->h = kj_alloc(s->d, s->hcap * sizeof *s->h);
        s->hn = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].k)
                hput(s, old[i].v->type, old[i].k, old[i].kl, old[i].v);
    }
    hslot *h = hfind(s, type, k, kl);
    if (!h->k) {
        h->k = kj_strndup(s->d, k, kl);
        h->kl = kl;
        s->hn++;
    }
    h->v = e;
}

ent *ent_get(estate *s, int type, const char *key, size_t kl)
{
    if (!s->hcap)
        return NULL;
    hslot *h = hfind(s, type, key, kl);
    return h->k ? h->v : NULL;
}

/* the k bytes of a, then the m bytes of b, into key (cap bytes), cut to
 * cap - 1 and terminated; returns k + m */
static int key_join(char *key, size_t cap, const char *a, size_t k, const char *b, size_t m)
{
    if (cap > 0) {
        size_t ka = k < cap - 1 ? k : cap - 1;
        memcpy(key, a, ka);
        size_t kb = m < cap - 1 - ka ? m : cap - 1 - ka;
        memcpy(key + ka, b, kb);
        key[ka + kb] = '\0';
    }
    return (int)(k + m);
}

int ent_key_num(char *key, size_t cap, const char *pfx, int v)
{
    /* the digits from the end of dig, the sign before them */
    char dig[12];
    size_t k = sizeof dig;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do {
        dig[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (v < 0)
        dig[--k] = '-';
    /* byte by byte, cut as key_join cuts: the prefix and the digits are a
     * few bytes, fewer than the calls of strlen and memcpy cost (a key is
     * made at every place and organization mention) */
    size_t pl = 0, n = 0;
    for (; pfx[pl]; pl++)
        if (n + 1 < cap)
            key[n++] = pfx[pl];
    for (size_t q = k; q < sizeof dig; q++)
        if (n + 1 < cap)
            key[n++] = dig[q];
    if (cap > 0)
        key[n] = '\0';
    return (int)(pl + sizeof dig - k);
}

int ent_key_str(char *key, size_t cap, const char *pfx, const char *p, size_t n)
{
    const char *z = memchr(p, '\0', n);
    return key_join(key, cap, pfx, strlen(pfx), p, z ? (size_t)(z - p) : n);
}

ent *ent_make(estate *s, int type, const char *key, size_t kl)
{
    ent *e = ent_get(s, type, key, kl);
    if (e)
        return e;
    /* the fields set in line, the rest zeroed (a memset call cost more) */
    e = kj_alloc_raw(s->d, sizeof *e);
    *e = (ent){.type = type, .place = -1, .fact = -1};
    if (s->ne == s->cape) {
        size_t nc = s->cape ? s->cape * 2 : 32;
        s->e = kj_grow(s->d, s->e, s->ne, nc, sizeof *s->e);
        s->cape = nc;
    }
    s->e[s->ne++] = e;
    hput(s, type, key, kl, e);
    return e;
}

void ent_alias(estate *s, int type, const char *key, size_t kl, ent *e)
{
    hput(s, type, key, kl, e);
}

size_t ent_strnorm_to(char *r, const char *p, size_t n)
{
    /* a wrapped line inside a name or title reads as one space */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i] == '\n' ? ' ' : p[i];
        if (c == ' ' && (k == 0 || r[k - 1] == ' '))
            continue;
        r[k++] = c;
    }
    while (k > 0 && r[k - 1] == ' ')
        k--;
    r[k] = 0;
    return k;
}

char *ent_strnorm(kiji_doc *d, const char *p, size_t n)
{
    /* the bytes past the name's NUL zeroed, as kj_alloc would leave
     * them, but only where a space was dropped (most names have none:
     * no memset call) */
    char *r = kj_alloc_raw(d, n + 1);
    size_t k = ent_strnorm_to(r, p, n);
    if (k < n)
        memset(r + k + 1, 0, n - k);
    return r;
}

void ent_set_name(estate *s, ent *e, const char *p, size_t n)
{
    e->name = ent_strnorm(s->d, p, n);
    e->namelen = n;
}

static int cmp_mref(const void *a, const void *b);

static uint64_t mhash(const ent *e, size_t off)
{
    /* splitmix64's finalizer: every input bit reaches the low bits the
     * table uses, so mentions at regular offsets do not cluster */
    uint64_t x = (uint64_t)(uintptr_t)e ^ ((uint64_t)off * 0x9E3779B97F4A7C15ull);
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/* The slot of (e, off) in the mention set: the one holding it, or the
 * empty one where it would go (the set is at most half full: mk_grow). */
static inline size_t mk_slot(estate *s, const ent *e, size_t off)
{
    size_t mask = s->mkcap - 1;
    for (size_t i = mhash(e, off) & mask;; i = (i + 1) & mask) {
        s->d->work++;
        if (!s->mk[i].e || (s->mk[i].e == e && s->mk[i].off == off))
            return i;
    }
}

/* The mention set with twice the slots (64 at first), its keys moved. */
static __attribute__((noinline)) void mk_grow(estate *s)
{
    struct mkey *old = s->mk;
    size_t oldcap = s->mkcap;
    s->mkcap = oldcap ? oldcap * 2 : 64;
    s->mk = kj_alloc(s->d, s->mkcap * sizeof *s->mk);
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].e)
            s->mk[mk_slot(s, old[i].e, old[i].off)] = old[i];
}

bool ent_mention(estate *s, ent *e, size_t ns, size_t ne)
{
    /* room for the two keys below first, so the slots found stay valid */
    if ((s->mkn + 2) * 2 > s->mkcap)
        mk_grow(s);
    /* the same name found again by another pass, or a longer or shorter
     * form at the same start or end: the start as ns * 2, the end as
     * ne * 2 + 1 */
    size_t a = mk_slot(s, e, ns * 2);
    if (s->mk[a].e)
        return false;
    size_t b = mk_slot(s, e, ne * 2 + 1);
    if (s->mk[b].e)
        return false;
    if (e->nm && e->m[e->nm - 1].ns < ne && ns < e->m[e->nm - 1].ne)
        return false;
    s->mk[a] = (struct mkey){e, ns * 2};
    /* both keys may have found the one empty slot: the end probes on */
    if (b == a)
        b = mk_slot(s, e, ne * 2 + 1);
    s->mk[b] = (struct mkey){e, ne * 2 + 1};
    s->mkn += 2;
    if (e->nm == e->capm) {
        size_t nc = e->capm ? e->capm * 2 : 4;
        e->m = kj_grow(s->d, e->m, e->nm, nc, sizeof *e->m);
        e->capm = nc;
    }
    e->m[e->nm].ns = ns;
    e->m[e->nm].ne = ne;
    e->nm++;
    if (e->type == KIJI_FACT_PLACE || e->type == KIJI_FACT_ORGANIZATION) {
        if (s->nmr == s->capmr) {
            size_t nc = s->capmr ? s->capmr * 2 : 64;
            s->mr = kj_grow(s->d, s->mr, s->nmr, nc, sizeof *s->mr);
            s->capmr = nc;
        }
        s->mr[s->nmr++] = (mref){ns, ne, e};
    }
    return true;
}

static int cmp_mref(const void *a, const void *b)
{
    const mref *x = a, *y = b;
    if (x->ne != y->ne)
        return x->ne < y->ne ? -1 : 1;
    /* the longer mention first: 英王立防衛安全保障研究所 before 研究所 */
    return x->ns < y->ns ? -1 : x->ns > y->ns;
}

/* Lookups by position see the mentions found before the last freeze:
 * sorting once per stage keeps a run O(n log n) however the stages
 * interleave adds and lookups. */
void ent_freeze(estate *s)
{
    if (s->nmr)
        kj_sort(&s->d->sort, s->mr, s->nmr, sizeof *s->mr, cmp_mref);
    s->nfrozen = s->nmr;
}

size_t ent_frozen_from(estate *s, size_t ne)
{
    /* the table and the steps in locals, the steps added once: a store to
     * d->work at each step made the compiler read s->mr again at the next */
    const mref *mr = s->mr;
    size_t lo = 0, hi = s->nfrozen;
    uint64_t steps = 0;
    while (lo < hi) {
        steps++;
        size_t mid = (lo + hi) / 2;
        if (mr[mid].ne < ne)
            lo = mid + 1;
        else
            hi = mid;
    }
    s->d->work += steps;
    return lo;
}

ent *ent_ending_at(estate *s, size_t ne)
{
    size_t lo = ent_frozen_from(s, ne);
    /* prefer an organization over a place inside it */
    ent *best = NULL;
    size_t bns = 0;
    for (size_t i = lo; i < s->nfrozen && s->mr[i].ne == ne && i < lo + 8; i++) {
        if (!best || s->mr[i].ns < bns) {
            best = s->mr[i].e;
            bns = s->mr[i].ns;
        }
    }
    return best;
}

ent *ent_exactly(estate *s, int type, size_t ns, size_t ne)
{
    /* few frozen mentions end at one position */
    size_t lo = ent_frozen_from(s, ne);
    for (size_t i = lo; i < s->nfrozen && s->mr[i].ne == ne && i < lo + 8; i++)
        if (s->mr[i].ns == ns && s->mr[i].e->type == type)
            return s->mr[i].e;
    return NULL;
}

bool ent_covered(estate *s, int type, size_t ns, size_t ne)
{
    /* mentions are short (names), so look back a bounded window */
    size_t lo = ent_frozen_from(s, ne);
    for (size_t i = lo; i < s->nfrozen && i < lo + 16; i++) {
        const mref *m = &s->mr[i];
        if (m->e->type == type && m->ns <= ns && m->ne >= ne && (m->ne - m->ns) > (ne - ns))
            return true;
        if (m->ns > ne + 256)
            break;
    }
    return false;
}

bool ent_overlaps(estate *s, size_t ns, size_t ne)
{
    size_t lo = ent_frozen_from(s, ns + 1);
    /* as in ent_frozen_from: locals, the steps added once */
    const mref *mr = s->mr;
    size_t nf = s->nfrozen;
    uint64_t steps = 0;
    bool hit = false;
    for (size_t i = lo; i < nf && i < lo + 32; i++) {
        steps++;
        if (mr[i].ns < ne && ns < mr[i].ne) {
            hit = true;
            break;
        }
        if (mr[i].ne > ne + 512)
            break;
    }
    s->d->work += steps;
    return hit;
}

/* ---- facts --------------------------------------------------------------- */

static int cmp_span(const void *a, const void *b)
{
    const kj_span *x = a, *y = b;
    if (x->ns != y->ns)
        return x->ns < y->ns ? -1 : 1;
    return x->ne < y->ne ? -1 : x->ne > y->ne;
}

/* A place seen only inside an organization's name (日本 in 新日本プロレス,
 * Hong Kong in Hong Kong Hilton Hotel) is not a place of the article. */
static void drop_inner_places(estate *s, ent *e)
{
    size_t k = 0;
    for (size_t i = 0; i < e->nm; i++)
        if (!ent_covered(s, KIJI_FACT_ORGANIZATION, e->m[i].ns, e->m[i].ne))
            e->m[k++] = e->m[i];
    if (k > 0)
        e->nm = k;
    else
        e->nm = 0;
}


static void emit(estate *s)
{
    kiji_doc *d = s->d;
    for (size_t i = 0; i < s->ne; i++)
        if (s->e[i]->aff)
            s->e[i]->aff->is_aff = true;
    for (size_t i = 0; i < s->ne; i++) {
        ent *e = s->e[i];
        if (e->type == KIJI_FACT_PLACE && e->nm) {
            kj_span first = e->m[0];
            drop_inner_places(s, e);
            if (e->nm == 0 && e->is_aff) {
                e->nm = 1;
                e->m[0] = first;
            }
        }
        if (e->nm == 0 || !e->name)
            continue;
        kj_sort(&s->d->sort, e->m, e->nm, sizeof *e->m, cmp_span);
        int idx = kj_fact_add(d, e->type, e->m[0].ns, e->m[0].ne);
        if (idx < 0)
            return;
        e->fact = idx;
        kj_fact *f = kj_fact_at(d, idx);
        f->name = e->name;
        for (size_t j = 0; j < e->nm; j++)
            kj_mention_add(d, f, e->m[j].ns, e->m[j].ne);
        if (e->type == KIJI_FACT_PLACE) {
            if (e->code && e->code[0] && e->code[0] != '-')
                kj_attr_str(d, f, "code", e->code);
            if (e->kind == PL_CITY)
                kj_attr_str(d, f, "kind", "city");
            else if (e->kind == PL_REGION)
                kj_attr_str(d, f, "kind", "region");
        }
        if (e->acronym)
            kj_attr_str(d, f, "acronym", e->acronym);
        if (e->title)
            kj_attr_str(d, f, "title", e->title);
    }
    for (size_t i = 0; i < s->ne; i++) {
        ent *e = s->e[i];
        if (e->fact >= 0 && e->aff && e->aff->fact >= 0)
            kj_fact_at(d, e->fact)->affiliation = e->aff->fact;
    }
}

/* The agency of the metadata (Bloomberg / ブルームバーグ) is an organization:
 * reuse the body's fact when the article names it, else add one on the
 * credit as written. */
static void agency(estate *s)
{
    kiji_doc *d = s->d;
    const char *forms[2] = {d->credit, d->agency};
    for (int k = 0; k < 2; k++) {
        const char *a = forms[k];
        if (!a || !*a)
            continue;
        for (size_t i = 0; i < s->ne; i++) {
            ent *e = s->e[i];
            if (e->type == KIJI_FACT_ORGANIZATION && e->fact >= 0 && e->name &&
                strcmp(e->name, a) == 0) {
                d->agency_fact = e->fact;
                return;
            }
        }
    }
    /* a well-known form of the same organization (Bloomberg = ブルームバーグ) */
    for (int k = 0; k < 2; k++) {
        const char *a = forms[k];
        if (!a || !*a)
            continue;
        int32_t v;
        if (kj_dict_get(s->x->org, a, strlen(a), &v)) {
            char key[16];
            int n = snprintf(key, sizeof key, "#%d", (int)v);
            ent *e = ent_get(s, KIJI_FACT_ORGANIZATION, key, (size_t)n);
            if (e && e->fact >= 0) {
                d->agency_fact = e->fact;
                return;
            }
        }
    }
    const char *a = d->credit && *d->credit ? d->credit : d->agency;
    if (!a || !*a)
        return;
    /* the credit's span in the text, when it is there (the lead) */
    const char *hit = strstr(d->norm, a);
    size_t ns = hit ? (size_t)(hit - d->norm) : 0, ne = hit ? ns + strlen(a) : 0;
    int idx = kj_fact_add(d, KIJI_FACT_ORGANIZATION, ns, ne);
    if (idx < 0)
        return;
    kj_fact *f = kj_fact_at(d, idx);
    f->name = kj_strndup(d, a, strlen(a));
    if (hit)
        kj_mention_add(d, f, ns, ne);
    d->agency_fact = idx;
}

/* ---- entry points --------------------------------------------------------- */

int kj_entity_init(kiji_parser *p)
{
    struct kj_entity *x = calloc(1, sizeof *x);
    if (!x)
        return -1;
    p->entity = x;
    if (place_init(x) || org_init(x) || person_init(x))
        return -1;
    x->stop_en = ent_dict("en/name_stopwords", 1);
    x->splits_ja = ent_dict("ja/name_splits", 1);
    if (!x->stop_en || !x->splits_ja)
        return -1;
    ent_stops_init(&x->known_stops, KJ_CC_UPPER, x, ENT_F_ORG, 0x65B0, true);
    x->known_stops_latin = x->known_stops;
    for (uint32_t c = 'a'; c <= 'z'; c++)
        if (!(x->org_lower_first >> (c - 'a') & 1)) {
            x->known_stops_latin.ascii[c] = 0;
            x->known_stops_latin.bits[c >> 6] &= ~(1ull << (c & 63));
        }
    ent_stops_init(&x->place_stops_en, 0, x, ENT_F_PLACE_ANY, ENT_NO_CP, false);
    return 0;
}

void kj_entity_free(kiji_parser *p)
{
    struct kj_entity *x = p ? p->entity : NULL;
    if (!x)
        return;
    for (size_t i = 0; i < x->nplaces; i++) {
        free(x->places[i].canon_ja);
        free(x->places[i].canon_en);
    }
    free(x->places);
    kj_dict *all[] = {x->place,    x->abbr,        x->abbr_follow, x->demonym,  x->title_ja,
                      x->honor_ja, x->anaphora_ja, x->anaorg_ja, x->title_en,  x->honor_en, x->surname_ja,
                      x->osuf_ja,  x->ogeneric_ja, x->ofollow_ja,  x->osuf_en,  x->onot_en, x->onot_ja, x->onat_en, x->pqual_en, x->ohead_en,
                      x->firm_not_ja, x->firm_stem_not_ja, x->org, x->org_full, x->oshort_ja, x->olead_ja, x->notname_ja,
                      x->given_ja, x->given_en, x->gend_ja, x->occ_ja, x->zhsur_ja, x->zhgiven_ja,
                      x->stop_en, x->title_rev_ja, x->title_last_en, x->splits_ja,
                      x->abbr_splits, x->person_speech_ja, x->firm_people_en, x->counter_ja,
                      x->rolemod_ja, x->weak_title_en, x->party_en, x->paper_en, x->thing_kind_ja, x->thing_before_ja, x->thing_follow_ja};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i])
            kj_dict_free(all[i]);
    free(x);
    p->entity = NULL;
}

void kj_rec_entity(kiji_doc *d)
{
    if (!d->p->entity)
        return;
    estate s = {0};
    s.d = d;
    s.x = d->p->entity;
    s.lo = 0;
    s.hi = d->norm_len;
    /* the trailer (原題, copyright) repeats names in another language */
    if (d->body_ne > d->body_ns) {
        s.hi = d->body_ne;
    }
    d->agency_fact = -1;
    s.poss_budget = 8;
    s.says_budget = 8;
    s.alone_budget = 8;
    s.firm_budget = 8;
    s.recount_budget = 16;
    s.spokes_budget = 4096;
    rec_places(&s);
    rec_orgs(&s);
    ent_freeze(&s);
    rec_persons(&s);
    place_cities_before(&s);
    ent_freeze(&s);
    emit(&s);
    agency(&s);
}
