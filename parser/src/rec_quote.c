/*
 * rec_quote.c -- the attribution layer: direct quotes with their speakers
 * (KIJI_FACT_QUOTE) and statements from unnamed or collective sources
 * (KIJI_FACT_STATEMENT), Japanese and English, per GUIDELINES.md.
 *
 * Runs after the entity recognizer: a speaker is the person or organization
 * fact one of whose mentions sits where a reader finds the speaker (X氏は
 * 「…」と述べた, 「…」と、X氏は指摘, "…," said X). When no fact covers that
 * place the quote says so (speaker null + speaker_note); the nearest name is
 * never guessed. Every scan is bounded by a window of WINDOW bytes, so the
 * work is linear in the input. The Japanese rules are in rec_quote_ja.c, the
 * English ones in rec_quote_en.c; this file holds what both share.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "rec_quote.h"

static void prefix_add(kj_qprefix *f, const char *key, size_t len)
{
    const unsigned char *u = (const unsigned char *)key;
    if (len == 0)
        return;
    if (len == 1) {
        for (unsigned b = 0; b < 256; b++) {
            unsigned p = (unsigned)u[0] << 8 | b;
            f->pair[p >> 6] |= (uint64_t)1 << (p & 63);
        }
    } else {
        unsigned p = (unsigned)u[0] << 8 | u[1];
        f->pair[p >> 6] |= (uint64_t)1 << (p & 63);
    }
    if (len < 4)
        f->no_quad = true;
    else {
        unsigned h4 = kj_qprefix_hash4(u);
        f->quad[h4 >> 6] |= (uint64_t)1 << (h4 & 63);
    }
    if (len < 3) {
        f->short_first[u[0]] = true;
        return;
    }
    unsigned h = kj_qprefix_hash(u);
    f->tri[h >> 6] |= (uint64_t)1 << (h & 63);
}

/* The list name as a dict; with capitalize, each lower-case key also with
 * its first letter upper-cased. When pre is given it gets every key the
 * dict holds (kj_dict_add_list's keys: the text before a tab, trailing
 * spaces trimmed). */
static kj_dict *load(const char *name, int32_t def, bool capitalize, kj_qprefix *pre)
{
    const kj_wordlist *wl = kj_wordlist_get(name);
    kj_dict *t = kj_dict_new();
    if (!t || !wl || !kj_dict_add_list(t, wl, def)) {
        kj_dict_free(t);
        return NULL;
    }
    for (size_t i = 0; pre && i < wl->n; i++)
        prefix_add(pre, wl->lines[i], kj_wordlist_key(wl->lines[i]));
    if (!capitalize)
        return t;
    /* English lists are lower case; a sentence-initial word is capitalized
     * (Officials said, Analysts say). */
    for (size_t i = 0; i < wl->n; i++) {
        const char *line = wl->lines[i];
        const char *tab = strchr(line, '\t');
        size_t len = tab ? (size_t)(tab - line) : strlen(line);
        int32_t v = tab ? (int32_t)strtol(tab + 1, NULL, 10) : def;
        char buf[128];
        if (len == 0 || len >= sizeof buf || line[0] < 'a' || line[0] > 'z')
            continue;
        memcpy(buf, line, len);
        buf[0] = (char)(buf[0] - 'a' + 'A');
        if (!kj_dict_add(t, buf, len, v)) {
            kj_dict_free(t);
            return NULL;
        }
        if (pre)
            prefix_add(pre, buf, len);
    }
    return t;
}

#define NO_PRE ((size_t)-1)
/* The dicts of struct kj_quotedata: the list, where the dict goes, where
 * its kj_qprefix goes (NO_PRE: none), the default value, and whether each
 * lower-case key is added capitalized too (load). */
static const struct qdict {
    const char *name;
    size_t at, pre;
    int32_t def;
    bool capitalize;
} qdicts[] = {
    {"ja/speech_verbs", offsetof(struct kj_quotedata, ja_verbs), NO_PRE, 1, false},
    {"ja/quote_after", offsetof(struct kj_quotedata, ja_after), NO_PRE, 1, false},
    {"ja/statement_sources", offsetof(struct kj_quotedata, ja_sources), NO_PRE, 1, false},
    {"ja/source_cues", offsetof(struct kj_quotedata, ja_cues), NO_PRE, 2, false},
    {"ja/source_modifiers", offsetof(struct kj_quotedata, ja_mods), NO_PRE, 1, false},
    {"en/speech_verbs", offsetof(struct kj_quotedata, en_verbs),
     offsetof(struct kj_quotedata, en_verbs_pre), 1, true},
    {"en/statement_sources", offsetof(struct kj_quotedata, en_sources),
     offsetof(struct kj_quotedata, en_sources_pre), 1, true},
    {"en/statement_modifiers", offsetof(struct kj_quotedata, en_mods), NO_PRE, 1, true},
    {"en/source_context", offsetof(struct kj_quotedata, en_context), NO_PRE, 0, true},
    {"ja/speech_nouns", offsetof(struct kj_quotedata, ja_nominal), NO_PRE, 1, false},
    {"ja/commenter_words", offsetof(struct kj_quotedata, ja_commenters), NO_PRE, 1, false},
    {"ja/buzz_words", offsetof(struct kj_quotedata, ja_buzz), NO_PRE, 1, false},
    {"ja/publisher_cues", offsetof(struct kj_quotedata, ja_pub_cues), NO_PRE, 1, false},
    {"ja/writing_nouns", offsetof(struct kj_quotedata, ja_writings), NO_PRE, 1, false},
    {"ja/anaphor_roles", offsetof(struct kj_quotedata, ja_roles), NO_PRE, 1, false},
    {"ja/anaphor_writings", offsetof(struct kj_quotedata, ja_ana_writ), NO_PRE, 1, false},
    {"ja/anaphor_orgs", offsetof(struct kj_quotedata, ja_ana_org), NO_PRE, 1, false},
    {"ja/ask_verbs", offsetof(struct kj_quotedata, ja_ask), NO_PRE, 1, false},
    {"en/object_preps", offsetof(struct kj_quotedata, en_obj_preps), NO_PRE, 1, false},
    {"en/demonyms", offsetof(struct kj_quotedata, en_demonyms), NO_PRE, 1, false},
    {"en/anaphor_orgs", offsetof(struct kj_quotedata, en_ana_org), NO_PRE, 1, true},
    {"en/company_words", offsetof(struct kj_quotedata, en_company), NO_PRE, 1, false},
    {"ja/outlet_kinds", offsetof(struct kj_quotedata, ja_outlet_kinds), NO_PRE, 1, false},
};

static kj_dict **qdict_slot(struct kj_quotedata *q, const struct qdict *t)
{
    return (kj_dict **)(void *)((char *)q + t->at);
}

int kj_quote_init(kiji_parser *p)
{
    struct kj_quotedata *q = calloc(1, sizeof *q);
    if (!q)
        return KIJI_ERR_NOMEM;
    p->quote = q;
    for (int c = 0; c < 256; c++)
        q->en_in_word[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c >= 0x80;
    bool ok = true;
    for (size_t i = 0; i < sizeof qdicts / sizeof qdicts[0]; i++) {
        const struct qdict *t = &qdicts[i];
        kj_qprefix *pre = t->pre == NO_PRE ? NULL : (kj_qprefix *)(void *)((char *)q + t->pre);
        kj_dict **slot = qdict_slot(q, t);
        *slot = load(t->name, t->def, t->capitalize, pre);
        ok = ok && *slot;
    }
    q->ja_post_places = kj_wordlist_get("ja/post_places");
    q->ja_settings = kj_wordlist_get("ja/speech_settings");
    q->en_naming_adv = kj_wordlist_get("en/naming_adverbs");
    q->en_naming_words = kj_wordlist_get("en/naming_words");
    q->en_links = kj_wordlist_get("en/source_links");
    q->en_chambers = kj_wordlist_get("en/lawmaker_bodies");
    q->en_openers = kj_wordlist_get("en/clause_openers");
    q->ja_people = kj_wordlist_get("ja/unnamed_people");
    q->ja_voice_sounds = kj_wordlist_get("ja/voice_sounds");
    q->ja_voice_idioms = kj_wordlist_get("ja/voice_idioms");
    q->ja_platforms = kj_wordlist_get("ja/post_platforms");
    q->ja_scopes = kj_wordlist_get("ja/source_scopes");
    if (!ok || !q->ja_post_places || !q->ja_settings || !q->en_naming_adv || !q->en_naming_words || !q->en_links ||
        !q->en_chambers ||
        !q->en_openers || !q->ja_people || !q->ja_voice_sounds || !q->ja_voice_idioms ||
        !q->ja_platforms || !q->ja_scopes || !kj_quote_ja_init(q)) {
        kj_quote_free(p);
        return KIJI_ERR_NOMEM;
    }
    const kj_wordlist *cw = kj_wordlist_get("en/source_context");
    for (size_t i = 0; i < cw->n; i++) {
        const char *tab = strchr(cw->lines[i], '\t');
        unsigned char b = (unsigned char)cw->lines[i][0];
        if (tab && strtol(tab + 1, NULL, 10) == KJ_QC_DET) {
            q->en_det_first[b] = true;
            if (b >= 'a' && b <= 'z')
                q->en_det_first[b - 'a' + 'A'] = true;
        }
    }
    for (unsigned c = 0; c < 256; c++) {
        const uint64_t *row = &q->en_sources_pre.pair[c << 2]; /* pairs c << 8 | b */
        bool first = row[0] | row[1] | row[2] | row[3];
        q->en_src_scan[c] = (uint8_t)((q->en_in_word[c] ? KJ_QS_WORD : 0) | (first ? KJ_QS_FIRST : 0));
    }
    const uint64_t *first = kj_dict_first(q->ja_sources);
    for (uint32_t c = 0; c < 0x10000; c++) {
        bool may = c < 0x80 ? kj_dict_may_start(q->ja_sources, (unsigned char)c)
                            : !first || (first[c >> 6] >> (c & 63) & 1);
        if (may) {
            q->ja_sources_first[c >> 6] |= (uint64_t)1 << (c & 63);
            uint32_t cc = kj_char_class(c);
            q->ja_sources_cc |= cc ? cc : ~(uint32_t)0;
        }
    }
    /* the first two characters of every key, as source_may_start reads
     * them from d->cpx */
    const kj_wordlist *wl = kj_wordlist_get("ja/statement_sources");
    q->ja_sources_two_ok = wl != NULL;
    for (size_t i = 0; wl && i < wl->n; i++) {
        const char *key = wl->lines[i];
        size_t len = kj_wordlist_key(key), j = 0;
        if (len == 0)
            continue; /* kj_dict_add_list adds no empty key */
        uint32_t c = kj_u8_next(key, len, &j);
        size_t j1 = j;
        uint32_t c2 = kj_u8_next(key, len, &j);
        /* a key of one character, or one whose first two are not both
         * whole, valid sequences, leaves the pair filter off */
        bool whole1 =
            (unsigned char)key[0] < 0x80 || kj_u8_seq((const unsigned char *)key, len) == j1;
        bool whole2 = j1 < len && ((unsigned char)key[j1] < 0x80 ||
                                   kj_u8_seq((const unsigned char *)key + j1, len - j1) == j - j1);
        if (c >= 0x10000 || !whole1 || !whole2) {
            q->ja_sources_two_ok = false;
            continue;
        }
        unsigned h = kj_q_two_hash(c, c2);
        q->ja_sources_two[h >> 6] |= (uint64_t)1 << (h & 63);
    }
    return KIJI_OK;
}

void kj_quote_free(kiji_parser *p)
{
    struct kj_quotedata *q = p ? p->quote : NULL;
    if (!q)
        return;
    for (size_t i = 0; i < sizeof qdicts / sizeof qdicts[0]; i++)
        kj_dict_free(*qdict_slot(q, &qdicts[i]));
    free(q);
    p->quote = NULL;
}

/* ---- shared helpers ------------------------------------------------------ */

bool kj_q_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000;
}

size_t kj_q_skip_space(kiji_doc *d, size_t i, size_t end)
{
    while (i < end) {
        size_t n;
        uint32_t c = kj_q_cp(d, i, &n);
        if (!kj_q_space(c))
            break;
        i = n;
        d->work++;
    }
    return i;
}

size_t kj_q_sent_start(const kiji_doc *d, size_t i)
{
    int s = kj_sentence_of(d, i);
    return s >= 0 ? d->sent[s].ns : (i > KJ_Q_WINDOW ? i - KJ_Q_WINDOW : 0);
}

size_t kj_q_sent_end(const kiji_doc *d, size_t i)
{
    int s = kj_sentence_of(d, i);
    size_t e = s >= 0 ? d->sent[s].ne : d->norm_len;
    return e;
}

int kj_q_para(const kiji_doc *d, size_t i)
{
    int s = kj_sentence_of(d, i);
    return s >= 0 ? d->sent[s].para : -1;
}

static int cmp_mref(const void *a, const void *b)
{
    const kj_mref *x = a, *y = b;
    if (x->ns != y->ns)
        return x->ns < y->ns ? -1 : 1;
    return x->ne > y->ne ? -1 : x->ne < y->ne;
}

static int cmp_mref_end(const void *a, const void *b)
{
    const kj_mref *x = a, *y = b;
    if (x->ne != y->ne)
        return x->ne < y->ne ? -1 : 1;
    return x->ns < y->ns ? -1 : x->ns > y->ns;
}

/* kj_sort of the n mentions at v: kj_merge_sort (inline) with scratch on
 * the stack, so that cmp is inlined too, when they fit there (most
 * documents); kj_sort with its kept buffer past that. Both are the same
 * stable sort, so the order is the same either way. */
#define MREF_STACK 256
static inline __attribute__((always_inline)) void sort_mrefs(kiji_doc *d, kj_mref *v, size_t n,
                                                             int (*cmp)(const void *,
                                                                        const void *))
{
    if (n > MREF_STACK) {
        kj_sort(&d->sort, v, n, sizeof *v, cmp);
        return;
    }
    kj_mref tmp[MREF_STACK];
    kj_merge_sort(v, tmp, n, sizeof *v, cmp);
}

/* Every mention of every person and organization fact, by position. */
static void build_mentions(kiji_doc *d, kj_qctx *x)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nfacts; i++) {
        const kj_fact *f = &d->facts[i];
        if (f->dropped || (f->type != KIJI_FACT_PERSON && f->type != KIJI_FACT_ORGANIZATION))
            continue;
        n += f->nmentions ? f->nmentions : 1;
    }
    x->m = kj_alloc(d, (n ? n : 1) * sizeof *x->m);
    x->nm = 0;
    for (size_t i = 0; i < d->nfacts; i++) {
        const kj_fact *f = &d->facts[i];
        if (f->dropped || (f->type != KIJI_FACT_PERSON && f->type != KIJI_FACT_ORGANIZATION))
            continue;
        if (f->nmentions == 0) {
            x->m[x->nm++] = (kj_mref){f->ns, f->ne, (int)i};
            continue;
        }
        for (size_t k = 0; k < f->nmentions; k++) {
            x->m[x->nm++] = (kj_mref){f->mentions[k].ns, f->mentions[k].ne, (int)i};
            d->work++;
        }
    }
    sort_mrefs(d, x->m, x->nm, cmp_mref);
    /* the ends of place mentions, for a place's unnamed members */
    n = 0;
    for (size_t i = 0; i < d->nfacts; i++) {
        const kj_fact *f = &d->facts[i];
        if (!f->dropped && f->type == KIJI_FACT_PLACE)
            n += f->nmentions ? f->nmentions : 1;
    }
    x->pe = kj_alloc(d, (n ? n : 1) * sizeof *x->pe);
    x->npe = 0;
    for (size_t i = 0; i < d->nfacts; i++) {
        const kj_fact *f = &d->facts[i];
        if (f->dropped || f->type != KIJI_FACT_PLACE)
            continue;
        if (f->nmentions == 0)
            x->pe[x->npe++] = (kj_mref){f->ns, f->ne, (int)i};
        for (size_t k = 0; k < f->nmentions; k++) {
            x->pe[x->npe++] = (kj_mref){f->mentions[k].ns, f->mentions[k].ne, (int)i};
            d->work++;
        }
    }
    sort_mrefs(d, x->pe, x->npe, cmp_mref_end);
}

/* The first of v[0, n) whose start (by_end: end) is at or after pos; v is
 * sorted on that field. */
static size_t mref_lower(const kj_mref *v, size_t n, size_t pos, bool by_end)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if ((by_end ? v[mid].ne : v[mid].ns) < pos)
            a = mid + 1;
        else
            b = mid;
    }
    return a;
}

size_t kj_q_place_ends(const kj_qctx *x, size_t e)
{
    size_t a = mref_lower(x->pe, x->npe, e, true);
    return a < x->npe && x->pe[a].ne == e ? x->pe[a].ns : e;
}

size_t kj_q_mention_from(const kj_qctx *x, size_t pos)
{
    return mref_lower(x->m, x->nm, pos, false);
}

/* Index of the first mention starting at or after lo and before hi, or -1. */
int kj_q_mention_in(const kj_qctx *x, size_t lo, size_t hi)
{
    size_t a = kj_q_mention_from(x, lo);
    return (a < x->nm && x->m[a].ns < hi) ? (int)a : -1;
}

/* The last mention starting in [lo, hi) (bounded by the window). */
int kj_q_mention_last(kiji_doc *d, const kj_qctx *x, size_t lo, size_t hi)
{
    int k = kj_q_mention_in(x, lo, hi), last = -1;
    while (k >= 0 && (size_t)k < x->nm && x->m[k].ns < hi) {
        last = k;
        k++;
        d->work++;
    }
    return last;
}

/* A mention that covers position i, or -1. */
int kj_q_mention_at(const kj_qctx *x, size_t i)
{
    size_t lo = i > KJ_Q_NAME_MAX ? i - KJ_Q_NAME_MAX : 0;
    int k = kj_q_mention_in(x, lo, i + 1);
    int hit = -1;
    while (k >= 0 && (size_t)k < x->nm && x->m[k].ns <= i) {
        if (x->m[k].ne > i)
            hit = k;
        k++;
    }
    return hit;
}

bool kj_q_in_quote(const kj_qctx *x, size_t i)
{
    /* quotes are found in text order: binary search their insides */
    size_t a = 0, b = x->nq;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (x->q[mid].ie <= i)
            a = mid + 1;
        else
            b = mid;
    }
    return a < x->nq && x->q[a].is <= i && i < x->q[a].ie;
}

/* Record a quote fact. speaker < 0 needs a note. */
void kj_q_emit(kiji_doc *d, kj_qctx *x, size_t is, size_t ie, int speaker, const char *note,
               size_t vs, size_t ve, bool partial)
{
    /* 「」 or 「 」 quotes nothing: no fact (and none with an empty span) */
    if (kj_q_skip_space(d, is, ie) >= ie)
        return;
    /* the text is the words inside the brackets: a space before the
     * closing bracket (「…すごい 」) is layout, not words (bounded by is,
     * as the span holds a non-space) */
    const unsigned char *u = (const unsigned char *)d->norm;
    for (;;) {
        if (u[ie - 1] == ' ' || u[ie - 1] == '\t' || u[ie - 1] == '\n' || u[ie - 1] == '\r')
            ie--;
        else if (ie - is >= 3 && u[ie - 3] == 0xe3 && u[ie - 2] == 0x80 && u[ie - 1] == 0x80)
            ie -= 3;
        else
            break;
        d->work++;
    }
    int idx = kj_fact_add(d, KIJI_FACT_QUOTE, is, ie);
    if (idx < 0)
        return;
    kj_fact *f = kj_fact_at(d, idx);
    if (speaker >= 0) {
        f->speaker = speaker;
    } else {
        kj_attr_null(d, f, "speaker");
        kj_attr_str(d, f, "speaker_note", note ? note : "no speaker is named where a reader looks for one");
    }
    if (ve > vs)
        kj_attr_strn(d, f, "verb", d->norm + vs, ve - vs);
    kj_attr_bool(d, f, "partial", partial);
    kj_q_mark(d, x, is, ie);
}

/* Keep is..ie as quoted text (names inside it speak no words outside)
 * without a quote fact: a title in quotes. */
void kj_q_mark(kiji_doc *d, kj_qctx *x, size_t is, size_t ie)
{
    if (x->nq == x->capq) {
        size_t cap = x->capq ? x->capq * 2 : 64;
        x->q = kj_grow(d, x->q, x->nq, cap, sizeof *x->q);
        x->capq = cap;
    }
    x->q[x->nq++] = (kj_qspan){is, ie};
}

void kj_q_statement(kiji_doc *d, size_t ns, size_t ne, size_t ss, size_t se)
{
    if (se <= ss || ne <= ns)
        return;
    /* one statement per source phrase: the recognizers may meet it twice
     * (as a quote's speaker slot and as a source) */
    for (size_t i = d->nfacts; i > 0 && i + 16 > d->nfacts; i--) {
        const kj_fact *g = &d->facts[i - 1];
        if (g->type == KIJI_FACT_STATEMENT && g->ns < ne && ns < g->ne)
            return;
    }
    int idx = kj_fact_add(d, KIJI_FACT_STATEMENT, ns, ne);
    if (idx < 0)
        return;
    kj_fact *f = kj_fact_at(d, idx);
    kj_attr_strn(d, f, "source", d->norm + ss, se - ss);
    kj_attr_bool(d, f, "anonymous", true);
}

void kj_rec_quote(kiji_doc *d)
{
    const struct kj_quotedata *q = d->p->quote;
    if (!q || d->norm_len == 0)
        return;
    kj_qctx x = {0};
    x.qd = q;
    build_mentions(d, &x);
    size_t end = d->body_ne > 0 && d->body_ne <= d->norm_len ? d->body_ne : d->norm_len;
    if (d->lang == KJ_LANG_EN) {
        kj_quote_en(d, &x, 0, end);
        kj_statement_en(d, &x, 0, end);
    } else {
        kj_quote_ja(d, &x, 0, end);
        kj_statement_ja(d, &x, 0, end);
    }
}
