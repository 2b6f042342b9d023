/*
 * rec_quote_en.c -- English quotes "…" / “…” and statements from unnamed or
 * collective sources (officials said, people familiar with the matter).
 *
 * A quoted span is a quote when a reporting verb closes it ("…," X said /
 * "…," said X), introduces it (X said: "…" / X commented, "…"), governs it
 * inside reported speech (hopes to open "a dozen more stores"), or
 * when it is a sentence of its own that continues the last speaker. Scare
 * quotes and titles (so-called "…", a film called "…" with no speaker) are
 * not. Invariant: each scan covers at most KJ_Q_WINDOW bytes from its start.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rec_entity.h"
#include "rec_quote.h"

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool word_start(const kiji_doc *d, size_t i)
{
    return i == 0 || !(is_alpha(d->norm[i - 1]) || d->norm[i - 1] == '-' ||
                       (unsigned char)d->norm[i - 1] >= 0x80);
}

static bool word_end(const kiji_doc *d, size_t e)
{
    return e >= d->norm_len || !(is_alpha(d->norm[e]) || d->norm[e] == '-');
}

/* A word from dict t (with value in mask) starting at i: its length or 0;
 * word_at where the caller knows the prefix test passed, word_in where
 * pre, t's key prefixes, is asked first: where none starts at i the lookup
 * is skipped. Always inline: the scans call it at every word, and the
 * prefix test is the common case. */
static inline __attribute__((always_inline)) size_t word_at(const kiji_doc *d, const kj_dict *t,
                                                            size_t i, int32_t *v)
{
    if (!word_start(d, i))
        return 0;
    size_t l = kj_dict_longest(t, d->norm, d->norm_len, i, v);
    return l && word_end(d, i + l) ? l : 0;
}

static inline __attribute__((always_inline)) size_t word_in(const kiji_doc *d, const kj_dict *t, const kj_qprefix *pre, size_t i,
                             int32_t *v)
{
    if (!kj_qprefix_may(pre, d->norm, d->norm_len, i))
        return 0;
    return word_at(d, t, i, v);
}

/* The word w at i, followed by a word end. Byte by byte: most probes fail
 * at the first byte, sooner than a length and a compare call would. */
static inline bool word_is(const kiji_doc *d, size_t i, const char *w)
{
    size_t n = 0;
    for (; w[n]; n++)
        if (i + n >= d->norm_len || d->norm[i + n] != w[n])
            return false;
    return word_end(d, i + n);
}

/* Does the text before i end with the word w (a whole word: Paris does
 * not end with is) and one space, all at or after lo? */
static bool word_then_space_before(const kiji_doc *d, size_t i, size_t lo, const char *w)
{
    size_t n = strlen(w);
    return i >= lo + n + 1 && d->norm[i - 1] == ' ' && kj_before(d->norm, i - 1, w) &&
           word_start(d, i - 1 - n);
}

static bool pronoun(const kiji_doc *d, size_t i)
{
    return word_is(d, i, "he") || word_is(d, i, "He") || word_is(d, i, "she") ||
           word_is(d, i, "She");
}

/* A paragraph break: a blank line, or a line break before an indented line
 * (Reuters copy indents every paragraph). */
static bool para_break(const kiji_doc *d, size_t i)
{
    if (d->norm[i] != '\n' || i + 1 >= d->norm_len)
        return false;
    char c = d->norm[i + 1];
    return c == '\n' || c == ' ' || c == '\t' || c == '\r';
}

typedef struct ecand {
    size_t o, ol; /* opening mark and its length */
    size_t c, cl; /* closing mark and its length */
} ecand;

typedef struct espeaker {
    int last;      /* last speaker fact, -1 = none */
    int last_para; /* the paragraph its quote ends in */
    size_t prev_end; /* end of the last quote mark pair seen */
    int prev_speaker; /* that quote's speaker (-1 none) */
    int prev_sent;    /* and its sentence */
} espeaker;

/* The person he/she stands for: the last person named before i outside
 * quotes, passing over the subject of a reported clause (Monsod said Ongpin
 * was looking …, "…," she said → Monsod, not Ongpin) and the object of a
 * preposition (met with President Suharto); "…," said Julien
 * Talavan, a spokesman → Talavan still counts. */
static int recent_person(kiji_doc *d, const kj_qctx *x, size_t i)
{
    size_t lo = i > 4 * KJ_Q_WINDOW ? i - 4 * KJ_Q_WINDOW : 0;
    /* walk the window in steps of one mention: bounded by its size */
    int k = kj_q_mention_in(x, lo, i), best = -1;
    for (; k >= 0 && (size_t)k < x->nm && x->m[k].ns < i; k++) {
        d->work++;
        if (d->facts[x->m[k].fact].type != KIJI_FACT_PERSON || kj_q_in_quote(x, x->m[k].ns))
            continue;
        /* back over a title (Central Bank Governor) to the word before */
        size_t b = x->m[k].ns, w = b;
        for (int t = 0; t < 5; t++) {
            while (b > lo && (d->norm[b - 1] == ' ' || d->norm[b - 1] == '\n'))
                b--;
            w = b;
            while (w > lo && is_alpha(d->norm[w - 1]) && b - w < 16)
                w--;
            if (t == 4 || w == b || !(d->norm[w] >= 'A' && d->norm[w] <= 'Z'))
                break;
            b = w;
            d->work++;
        }
        int32_t v;
        char after = x->m[k].ne < d->norm_len ? d->norm[x->m[k].ne] : 0;
        if (w < b && word_in(d, x->qd->en_verbs, &x->qd->en_verbs_pre, w, &v) == b - w && v == 1 && after != ',' &&
            after != '.' && after != '\n' && after != 0)
            continue;
        /* the object of a preposition (after meeting with President
         * Suharto) or the subject after "that" (told reporters that Sy
         * would sit; en/object_preps) is not whom a later he / she stands
         * for */
        if (w < b && kj_dict_get(x->qd->en_obj_preps, d->norm + w, b - w, &v))
            continue;
        best = x->m[k].fact;
    }
    return best;
}

/* Does person fact f hold a seat or a party card: a title of a lawmaker
 * (Sen., Rep., Senator, Congressman, Republican leader) or a chamber for
 * affiliation (en/lawmaker_bodies: Senate, House …)? party is "Democrat" or
 * "Republican" for a description that names one, which a title naming the
 * other refuses. */
static bool lawmaker(const kiji_doc *d, const kj_fact *f, const char *party)
{
    static const char *const marks[] = {"Sen.", "Senator", "senator", "Rep.", "Representative",
                                        "Congressman", "Congresswoman", "congressman",
                                        "Republican", "Democrat", "lawmaker", NULL};
    const kj_attr *t = kj_attr_get(f, "title");
    const char *ts = t && t->kind == KJ_ATTR_STR ? t->s : NULL;
    if (ts && party && strstr(ts, party[0] == 'D' ? "Republican" : "Democrat"))
        return false;
    for (int j = 0; ts && marks[j]; j++)
        if (strstr(ts, marks[j]))
            return true;
    if (f->affiliation < 0 || (size_t)f->affiliation >= d->nfacts)
        return false;
    const char *a = d->facts[f->affiliation].name;
    if (!a)
        return false;
    const kj_wordlist *w = d->p->quote->en_chambers;
    for (size_t k = 0; k < w->n; k++) {
        const char *line = w->lines[k];
        size_t n = kj_wordlist_key(line);
        const char *tab = strchr(line, '\t');
        bool opens = tab && strtol(tab + 1, NULL, 10) == 2;
        if (n == 0)
            continue;
        if (opens) {
            if (!strncmp(a, line, n) && a[n] == ' ')
                return true;
            continue;
        }
        for (const char *c = a; *c; c++)
            if (*c == line[0] && !strncmp(c, line, n))
                return true;
    }
    return false;
}

/* The number of mentions in x that start before pos (they are in text
 * order): the last one before pos is the one before that index. */
static size_t mentions_before(const kj_qctx *x, size_t pos)
{
    size_t a = 0, b = x->nm;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (x->m[mid].ns < pos)
            a = mid + 1;
        else
            b = mid;
    }
    return a;
}

/* "the Kansas senator said", "said the Illinois Democrat": the, a place,
 * then senator / congressman / lawmaker / Democrat / Republican … ([s, e)
 * the phrase after the, up to a comma) is the lawmaker named last before
 * the sentence (Senate majority leader Ann Lee; Rep. Tom Beale): the
 * fact or -1; looks back over at most 48 mentions. */
static int lawmaker_ref(kiji_doc *d, const kj_qctx *x, size_t s, size_t e)
{
    static const char *const nouns[] = {"senator", "Senator", "congressman", "congresswoman",
                                        "representative", "lawmaker", "legislator", "Democrat",
                                        "Republican", NULL};
    const char *c = memchr(d->norm + s, ',', e - s);
    size_t pe = c ? (size_t)(c - d->norm) : e, ws = pe;
    while (ws > s && is_alpha(d->norm[ws - 1]))
        ws--;
    if (ws <= s + 1 || (d->norm[ws - 1] != ' ' && d->norm[ws - 1] != '\n'))
        return -1;
    int j = 0;
    while (nouns[j] && !(strlen(nouns[j]) == pe - ws && !memcmp(d->norm + ws, nouns[j], pe - ws)))
        j++;
    if (!nouns[j] || kj_q_place_ends(x, ws - 1) != s)
        return -1;
    const char *party = d->norm[ws] == 'D' ? "Democrat" : d->norm[ws] == 'R' ? "Republican" : NULL;
    size_t sst = kj_q_sent_start(d, s);
    size_t a = mentions_before(x, sst);
    for (int k = (int)a - 1, n = 0; k >= 0 && n < 48; k--, n++) {
        d->work++;
        const kj_fact *f = &d->facts[x->m[k].fact];
        if (f->type == KIJI_FACT_PERSON && !kj_q_in_quote(x, x->m[k].ns) && lawmaker(d, f, party))
            return x->m[k].fact;
    }
    return -1;
}

/* "the bank chief said": a definite description that repeats the title of
 * a person named before (US bank chief Ben Bernanke) names that person.
 * [s, e) is the subject phrase; looks back over at most 48 mentions. */
static int titled_person(kiji_doc *d, const kj_qctx *x, size_t s, size_t e)
{
    while (e > s && (d->norm[e - 1] == ' ' || d->norm[e - 1] == '\n' || d->norm[e - 1] == ','))
        e--;
    if (!(word_is(d, s, "the") || word_is(d, s, "The")) || e <= s + 4 || e - s > 64)
        return -1;
    s += 4;
    size_t a = mentions_before(x, s);
    for (int k = (int)a - 1, n = 0; k >= 0 && n < 48; k--, n++) {
        d->work++;
        const kj_fact *f = &d->facts[x->m[k].fact];
        if (f->type != KIJI_FACT_PERSON || kj_q_in_quote(x, x->m[k].ns))
            continue;
        const kj_attr *t = kj_attr_get(f, "title");
        if (t && t->s && strlen(t->s) == e - s && strncasecmp(t->s, d->norm + s, e - s) == 0)
            return x->m[k].fact;
    }
    return lawmaker_ref(d, x, s, e);
}

/* "…," the minister said: "the" and one role word of en/titles that is
 * no unnamed source's (not the official, the analyst) stand for the
 * speaker of the quote before, a person, when no person is named outside
 * quotes since that quote and the person's title, if any, ends in the
 * word (a quote before by Sheikh Ali or by Oil Minister Ali, then "the
 * minister said"; GUIDELINES: the speaker is found the way a reader finds
 * it). [s, e) is the subject phrase, o the quote's opening mark. The fact
 * or -1. */
static int role_goes_on(kiji_doc *d, const kj_qctx *x, const espeaker *sp, size_t s, size_t e, size_t o)
{
    while (e > s && (d->norm[e - 1] == ' ' || d->norm[e - 1] == '\n'))
        e--;
    if (sp->prev_speaker < 0 || (size_t)sp->prev_speaker >= d->nfacts || sp->prev_end > o ||
        d->facts[sp->prev_speaker].type != KIJI_FACT_PERSON ||
        !(word_is(d, s, "the") || word_is(d, s, "The")) || e <= s + 5 || e - s > 28)
        return -1;
    size_t w = s + 4, wl = e - w;
    for (size_t j = w; j < e; j++)
        if (!is_alpha(d->norm[j]))
            return -1;
    int32_t v;
    if (word_in(d, x->qd->en_sources, &x->qd->en_sources_pre, w, &v) == wl)
        return -1;
    /* a line of en/titles, case aside: the entity recognizer's title_en
     * holds them lowercased (wl < 24: e - s <= 28) */
    char low[32];
    for (size_t j = 0; j < wl; j++) {
        char c = d->norm[w + j];
        low[j] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (!kj_dict_get(d->p->entity->title_en, low, wl, &v))
        return -1;
    const kj_attr *t = kj_attr_get(&d->facts[sp->prev_speaker], "title");
    if (t && t->kind == KJ_ATTR_STR && t->s) {
        size_t tl2 = strlen(t->s);
        if (tl2 < wl || strncasecmp(t->s + tl2 - wl, d->norm + w, wl) != 0 ||
            (tl2 > wl && t->s[tl2 - wl - 1] != ' '))
            return -1;
    }
    for (int k = kj_q_mention_in(x, sp->prev_end, o); k >= 0 && (size_t)k < x->nm && x->m[k].ns < o; k++) {
        d->work++;
        if (x->m[k].ns >= sp->prev_end && d->facts[x->m[k].fact].type == KIJI_FACT_PERSON &&
            !kj_q_in_quote(x, x->m[k].ns))
            return -1;
    }
    return sp->prev_speaker;
}

/* Where the last "the" in [lo, hi) starts (Addressing a conference, the
 * bank chief said), or hi. */
static size_t last_the(kiji_doc *d, size_t lo, size_t hi)
{
    size_t lim = hi > lo + 64 ? hi - 64 : lo;
    for (size_t i = hi; i > lim; i--) {
        d->work++;
        if ((word_is(d, i - 1, "the") || word_is(d, i - 1, "The")) && word_start(d, i - 1))
            return i - 1;
    }
    return hi;
}

/* The subject right before a verb at v is a "the" phrase at th (after a
 * comma that closes a clause), and the person mention ending at me stands
 * before that comma: the person is not the subject (a body there may be
 * what "the company" names again). */
static bool the_subject(const kiji_doc *d, size_t me, size_t th, size_t v)
{
    if (th >= v || me > th || v - th > 40)
        return false;
    for (size_t i = th; i < v; i++)
        if (d->norm[i] == ',' || d->norm[i] == '"' || d->norm[i] == ';')
            return false;
    size_t b = th;
    while (b > me && (d->norm[b - 1] == ' ' || d->norm[b - 1] == '\n'))
        b--;
    return b > me && d->norm[b - 1] == ',';
}

/* "a Finance Ministry official said": the body is named, its speaker is
 * not. A spokesperson speaks for the body (GUIDELINES.md), so the body
 * stays the speaker then. */
static bool unnamed_member(kiji_doc *d, const kj_qctx *x, size_t me)
{
    size_t p = kj_q_skip_space(d, me, me + 4 < d->norm_len ? me + 4 : d->norm_len);
    int32_t v;
    size_t l = word_in(d, x->qd->en_sources, &x->qd->en_sources_pre, p, &v);
    return l && !word_is(d, p, "spokesman") && !word_is(d, p, "spokeswoman") &&
           !word_is(d, p, "spokesperson");
}

/* "analysts at Barclays said", "a trader with Lakeside Bank said", "an
 * aide to Senator Hale said": the mention starting at ms follows a source
 * word of statement_sources.txt and at / with / from / to, so the body or
 * person is named and the speaker is not. */
static bool source_at(kiji_doc *d, const kj_qctx *x, size_t ms)
{
    size_t b = ms;
    while (b > 0 && ms - b < 4 && d->norm[b - 1] == ' ')
        b--;
    /* an official at a Harbor Bank: the article before the name */
    static const char *const art[] = {" a", " an", " the", "\na", "\nan", "\nthe", NULL};
    for (int k = 0; art[k]; k++) {
        size_t n = strlen(art[k]);
        if (b > n && kj_before(d->norm, b, art[k])) {
            b -= n - 1;
            while (b > 0 && ms - b < 12 && (d->norm[b - 1] == ' ' || d->norm[b - 1] == '\n'))
                b--;
            break;
        }
    }
    size_t p = b;
    while (p > 0 && d->norm[p - 1] >= 'a' && d->norm[p - 1] <= 'z' && b - p < 4)
        p--;
    if (!((b - p == 2 && (!memcmp(d->norm + p, "at", 2) || !memcmp(d->norm + p, "to", 2))) ||
          (b - p == 4 && (!memcmp(d->norm + p, "with", 4) || !memcmp(d->norm + p, "from", 4)))))
        return false;
    size_t we = p;
    while (we > 0 && p - we < 4 && d->norm[we - 1] == ' ')
        we--;
    size_t ws = we;
    while (ws > 0 && we - ws < 16 && ((d->norm[ws - 1] | 0x20) >= 'a' && (d->norm[ws - 1] | 0x20) <= 'z'))
        ws--;
    char w[16];
    if (we == ws || we - ws >= sizeof w || (ws > 0 && d->norm[ws - 1] != ' ' && d->norm[ws - 1] != '\n'))
        return false;
    for (size_t i = ws; i < we; i++)
        w[i - ws] = (char)(d->norm[i] | 0x20);
    int32_t v;
    return kj_dict_get(x->qd->en_sources, w, we - ws, &v) && memcmp(w, "spokes", 6) != 0;
}

/* he/she: the person named most recently outside quotes, else the last
 * speaker. */
/* "…," it said / The company said: "…": "it" and "the company" stand for
 * the organization the text last named as the one acting, when no person
 * was named after it (Harlow Mining Corp said …; "…," it said). Returns
 * the fact or -1. The look-back is bounded by a window. */
static bool it_word(const kiji_doc *d, size_t i)
{
    return word_is(d, i, "it") || word_is(d, i, "It") || word_is(d, i, "the company") ||
           word_is(d, i, "The company");
}

static int org_subject(kiji_doc *d, const kj_qctx *x, size_t i)
{
    size_t lo = i > 600 ? i - 600 : 0;
    int org = -1;
    for (int k = kj_q_mention_in(x, lo, i); k >= 0 && (size_t)k < x->nm && x->m[k].ns < i; k++) {
        d->work++;
        if (kj_q_in_quote(x, x->m[k].ns))
            continue;
        int t = d->facts[x->m[k].fact].type;
        /* the organization opens its sentence (Harlow Mining Corp,
         * posting a loss, said …; The agency's board met): told Reuters or
         * a loan from the IMF name an object, not the actor */
        size_t b = x->m[k].ns;
        while (b > lo && (d->norm[b - 1] == ' ' || d->norm[b - 1] == '\n'))
            b--;
        if (b >= 4 && (word_is(d, b - 3, "the") || word_is(d, b - 3, "The")) &&
            (d->norm[b - 4] == ' ' || d->norm[b - 4] == '\n'))
            b -= 4;
        else if (b == 3 && word_is(d, 0, "The"))
            b = 0;
        while (b > lo && (d->norm[b - 1] == ' ' || d->norm[b - 1] == '\n'))
            b--;
        bool opens = b == 0 || d->norm[b - 1] == '.' || d->norm[b - 1] == '-' ||
                     d->norm[b - 1] == ';' || d->norm[b - 1] == '"';
        if (t == KIJI_FACT_ORGANIZATION && opens)
            org = x->m[k].fact;
        else if (t == KIJI_FACT_PERSON)
            org = -1;
    }
    return org;
}

/* Does the organization f belong to the kind of en/anaphor_orgs value v
 * and word [w, w + wl): (1) its name ends in a word of en/company_words
 * (Harlow Mining Corp, Acme Ltd), (2) its name holds the word capitalized
 * as a whole word (the bank: Lakeside Bank)? The name is its fullest form,
 * else its first span; bounded by the name's length. */
static bool org_of_kind(kiji_doc *d, const kj_qctx *x, const kj_fact *f, int32_t v, size_t w, size_t wl)
{
    const char *nm = f->name ? f->name : d->norm + f->ns;
    size_t n = f->name ? strlen(f->name) : f->ne - f->ns;
    d->work += n;
    for (size_t i = 0; i < n;) {
        while (i < n && (nm[i] == ' ' || nm[i] == '\n'))
            i++;
        size_t e = i;
        while (e < n && nm[e] != ' ' && nm[e] != '\n')
            e++;
        if (e == i)
            break;
        int32_t cv;
        if (v == 1 && e == n && kj_dict_get(x->qd->en_company, nm + i, e - i, &cv))
            return true;
        if (v == 2 && e - i == wl && (nm[i] | 0x20) == (d->norm[w] | 0x20) && nm[i] >= 'A' &&
            nm[i] <= 'Z' && !memcmp(nm + i + 1, d->norm + w + 1, wl - 1))
            return true;
        i = e;
    }
    return false;
}

/* The one organization named before i outside quotes that is of kind v
 * for the word [w, w + wl) (org_of_kind), or -1 when none or more than
 * one is; the mentions before i are each looked at once. */
static int one_org_of_kind(kiji_doc *d, const kj_qctx *x, size_t i, int32_t v, size_t w, size_t wl)
{
    int found = -1;
    for (int k = kj_q_mention_in(x, 0, i); k >= 0 && (size_t)k < x->nm && x->m[k].ns < i; k++) {
        d->work++;
        int f = x->m[k].fact;
        if (f == found || d->facts[f].type != KIJI_FACT_ORGANIZATION || kj_q_in_quote(x, x->m[k].ns) ||
            !org_of_kind(d, x, &d->facts[f], v, w, wl))
            continue;
        if (found >= 0)
            return -1;
        found = f;
    }
    return found;
}

/* "…," the company said / The trust said "…": "the" + a word of
 * en/anaphor_orgs at i, then only spaces up to the verb at v, names again
 * the one organization of that kind named before i outside quotes
 * (GUIDELINES.md: the organization as speaker). The fact, or -1 when no
 * organization or more than one fits (the bank, after two banks). The
 * mentions before i are each looked at once. */
static int kind_org(kiji_doc *d, const kj_qctx *x, size_t i, size_t v)
{
    if (!(word_is(d, i, "the") || word_is(d, i, "The")) || i + 4 >= v || d->norm[i + 3] != ' ')
        return -1;
    size_t w = i + 4;
    int32_t kv;
    size_t wl = kj_dict_longest(x->qd->en_ana_org, d->norm, d->norm_len, w, &kv);
    if (!wl || !word_end(d, w + wl) || kj_q_skip_space(d, w + wl, v) != v)
        return -1;
    return one_org_of_kind(d, x, i, kv, w, wl);
}

/* "…," Montagu said: one capitalized word at i, then only spaces up to the
 * verb at v, that is no mention but a whole word of the name of exactly
 * one organization named before i outside quotes (Samuel Montagu and Co
 * Ltd), and no company word of en/company_words: a short form of that
 * organization. The fact or -1; the mentions before i are each looked at
 * once. */
static int short_org(kiji_doc *d, const kj_qctx *x, size_t i, size_t v)
{
    size_t e = i;
    while (e < v && e - i < 32 && is_alpha(d->norm[e]))
        e++;
    int32_t cv;
    if (e - i < 3 || d->norm[i] < 'A' || d->norm[i] > 'Z' || !word_end(d, e) ||
        kj_q_skip_space(d, e, v) != v || kj_dict_get(x->qd->en_company, d->norm + i, e - i, &cv))
        return -1;
    /* the text word is capitalized: kind 2 asks for it as a whole word of
     * the name */
    return one_org_of_kind(d, x, i, 2, i, e - i);
}

/* A Fed spokesman told a briefing …; He said "…": a body named right before
 * spokesman / spokeswoman / spokesperson in [after, i), in i's sentence or
 * the one before, outside quotes and with no person named after it, is the
 * one he or she speaks for (GUIDELINES.md: a spokesperson's quote has the
 * organization as speaker). The fact or -1; the look-back is bounded by
 * KJ_Q_WINDOW. */
static int spokes_body(kiji_doc *d, const kj_qctx *x, size_t i, size_t after)
{
    size_t lo = kj_q_sent_start(d, i);
    while (lo > 0 && i - lo < KJ_Q_WINDOW && (d->norm[lo - 1] == ' ' || d->norm[lo - 1] == '\n'))
        lo--;
    lo = lo > 0 ? kj_q_sent_start(d, lo - 1) : 0;
    if (i > KJ_Q_WINDOW && lo < i - KJ_Q_WINDOW)
        lo = i - KJ_Q_WINDOW;
    if (lo < after)
        lo = after;
    int best = -1;
    for (int k = kj_q_mention_in(x, lo, i); k >= 0 && (size_t)k < x->nm && x->m[k].ns < i; k++) {
        d->work++;
        if (x->m[k].ns < lo || kj_q_in_quote(x, x->m[k].ns))
            continue;
        int t = d->facts[x->m[k].fact].type;
        size_t p = x->m[k].ne;
        if (t == KIJI_FACT_PERSON)
            best = -1;
        else if (t == KIJI_FACT_ORGANIZATION && p + 7 <= d->norm_len &&
                 (d->norm[p] == ' ' || d->norm[p] == '\n') && !memcmp(d->norm + p + 1, "spokes", 6))
            best = x->m[k].fact;
    }
    return best;
}

/* The spokesman / spokeswoman / spokesperson word [i, e) brings in a
 * named spokesperson: a body right before it (a Treasury spokesman, the
 * Fed's spokesman), a person right after it (spokesman John Doe) or a
 * name after for / of (a spokesman for Keidanren, a spokeswoman for the
 * New York exchange); not a spokesman for the tax office. */
static bool spokes_named(kiji_doc *d, const kj_qctx *x, size_t i, size_t e)
{
    if (i >= 2 && (d->norm[i - 1] == ' ' || d->norm[i - 1] == '\n')) {
        size_t oe = i - 1; /* where the word before ends */
        if (oe >= 3 && d->norm[oe - 1] == 's' && d->norm[oe - 2] == '\'')
            oe -= 2; /* the Fed's spokesman */
        int k = kj_q_mention_at(x, oe - 1);
        if (k >= 0 && x->m[k].ne == oe && d->facts[x->m[k].fact].type == KIJI_FACT_ORGANIZATION)
            return true;
    }
    size_t n = d->norm_len, p = e;
    if (p < n && d->norm[p] == ',')
        p++;
    for (int s = 0; s < 2 && p < n && (d->norm[p] == ' ' || d->norm[p] == '\n'); s++)
        p++;
    if (p == e || p >= n)
        return false;
    int k = kj_q_mention_at(x, p);
    if (k >= 0 && x->m[k].ns == p && d->facts[x->m[k].fact].type == KIJI_FACT_PERSON)
        return true;
    if (p > e + 1 || !(word_is(d, p, "for") || word_is(d, p, "of")))
        return false;
    p += d->norm[p] == 'f' ? 3 : 2;
    for (int w = 0; w < 2; w++) {
        size_t s0 = p;
        for (int s = 0; s < 2 && p < n && (d->norm[p] == ' ' || d->norm[p] == '\n'); s++)
            p++;
        if (p == s0 || p >= n)
            return false;
        if (w == 0 && word_is(d, p, "the"))
            p += 3;
        else
            break;
    }
    k = kj_q_mention_at(x, p);
    if (k >= 0 && x->m[k].ns == p)
        return true;
    return d->norm[p] >= 'A' && d->norm[p] <= 'Z';
}

/* The kind (KJ_QC_*) of the word of en/source_context at i, its length in
 * *len; 0 for none. */
static int context_word(const kiji_doc *d, const kj_qctx *x, size_t i, size_t *len)
{
    int32_t v;
    size_t l = kj_dict_longest(x->qd->en_context, d->norm, d->norm_len, i, &v);
    if (!l || !word_end(d, i + l))
        return 0;
    *len = l;
    return (int)v;
}

/* The source word ending at e is the head of its phrase, no modifier (a
 * lower official price): punctuation, a speech verb or a preposition or
 * relative pronoun follows. */
static bool source_head(kiji_doc *d, const kj_qctx *x, size_t e)
{
    if (e >= d->norm_len)
        return true;
    if (d->norm[e] != ' ' && d->norm[e] != '\n')
        return d->norm[e] != '-';
    size_t w = e + 1;
    int32_t v;
    size_t l = word_in(d, x->qd->en_verbs, &x->qd->en_verbs_pre, w, &v);
    if (l && v == 1)
        return true;
    d->work++;
    return w < d->norm_len && d->norm[w] >= 'a' && d->norm[w] <= 'z' &&
           context_word(d, x, w, &l) == KJ_QC_AFTER;
}

/* One analyst said …. "…," he said: an unnamed single source (one, a, an
 * or another, up to three words, then a singular word of
 * statement_sources.txt) outside quotes in the sentence before the one at
 * i or in its own sentence before i, with no person named after it, is
 * whom he / she stands for; not an apposition after a comma (Mary Kolb, a
 * trader,) (cases/en/quote_unnamed). */
static bool unnamed_before(kiji_doc *d, const kj_qctx *x, size_t i)
{
    size_t sst = kj_q_sent_start(d, i);
    size_t lo = sst > 0 ? kj_q_sent_start(d, sst - 1) : sst;
    if (i > 2 * KJ_Q_WINDOW && lo < i - 2 * KJ_Q_WINDOW)
        lo = i - 2 * KJ_Q_WINDOW;
    size_t found = 0;
    bool any = false;
    /* one step of d->work per byte, counted at once (nothing in the loop
     * reads it); most bytes are no determiner's first (en_det_first), a
     * test of one table through locals */
    d->work += i > lo ? i - lo : 0;
    const bool *det_first = x->qd->en_det_first;
    const unsigned char *u = (const unsigned char *)d->norm;
    for (size_t p = lo; p < i; p++) {
        if (!det_first[u[p]])
            continue;
        /* a determiner of en/source_context (one, a, an, another) */
        size_t dl = 0;
        if (!word_start(d, p) || context_word(d, x, p, &dl) != KJ_QC_DET || kj_q_in_quote(x, p))
            continue;
        size_t b = p;
        while (b > lo && (d->norm[b - 1] == ' ' || d->norm[b - 1] == '\n'))
            b--;
        if (b > lo && d->norm[b - 1] == ',')
            continue; /* Mary Kolb, a trader, …: an apposition */
        size_t w = p + dl;
        for (int n = 0; n < 4 && w < i && d->norm[w] == ' '; n++) {
            w++;
            int32_t v;
            size_t l = word_in(d, x->qd->en_sources, &x->qd->en_sources_pre, w, &v);
            if (l && d->norm[w + l - 1] != 's' && source_head(d, x, w + l)) {
                found = w + l;
                any = true;
                break;
            }
            size_t e = w;
            while (e < i && e - w < 24 && is_alpha(d->norm[e]))
                e++;
            if (e == w || (e < i && d->norm[e] != ' '))
                break;
            w = e;
        }
    }
    if (!any)
        return false;
    int k = kj_q_mention_in(x, found, i);
    for (; k >= 0 && (size_t)k < x->nm && x->m[k].ns < i; k++) {
        d->work++;
        if (d->facts[x->m[k].fact].type == KIJI_FACT_PERSON && !kj_q_in_quote(x, x->m[k].ns))
            return false;
    }
    return true;
}

static int carry(kiji_doc *d, const kj_qctx *x, const espeaker *sp, size_t i, const char **note)
{
    int o = spokes_body(d, x, i, 0);
    if (o >= 0)
        return o;
    if (unnamed_before(d, x, i)) {
        *note = "the speaker is an unnamed source";
        return -1;
    }
    int r = recent_person(d, x, i);
    return r >= 0 ? r : sp->last;
}

/* Harlan adviser Mark Toller, Dole aide Ann Lee: a one-word person
 * mention k, one lower-case role word, then a person named in full
 * before hi: that person holds the role and k only says whose it is. The
 * mention index of the holder, or k. The word is no preposition
 * (en/object_preps), speech verb or joining word (Reagan and Bush, Baker
 * told Dole). */
static int role_holder(kiji_doc *d, const kj_qctx *x, int k, size_t hi)
{
    static const char *const joins[] = {"and", "or", "nor", "but", "to", "in", "as", "than", "after",
                                        "before", "who", "was", "is", "has", "had", "told", "met",
                                        "versus", "vs", "into", "over", "not", "also", NULL};
    size_t ns = x->m[k].ns, p = x->m[k].ne;
    if (p >= hi || (d->norm[p] != ' ' && d->norm[p] != '\n') || memchr(d->norm + ns, ' ', p - ns) ||
        memchr(d->norm + ns, '\n', p - ns))
        return k;
    size_t w = ++p;
    while (p < hi && p - w <= 14 && d->norm[p] >= 'a' && d->norm[p] <= 'z')
        p++;
    d->work += p - w;
    if (p - w < 3 || p >= hi || (d->norm[p] != ' ' && d->norm[p] != '\n'))
        return k;
    int32_t v;
    if (kj_dict_get(x->qd->en_obj_preps, d->norm + w, p - w, &v) ||
        word_in(d, x->qd->en_verbs, &x->qd->en_verbs_pre, w, &v) == p - w ||
        !memcmp(d->norm + p - 3, "ing", 3) || !memcmp(d->norm + p - 2, "ed", 2))
        return k;
    for (int j = 0; joins[j]; j++)
        if (strlen(joins[j]) == p - w && !memcmp(d->norm + w, joins[j], p - w))
            return k;
    int h = kj_q_mention_at(x, p + 1);
    if (h < 0 || x->m[h].ns != p + 1 || x->m[h].ne > hi ||
        d->facts[x->m[h].fact].type != KIJI_FACT_PERSON || x->m[h].fact == x->m[k].fact ||
        (!memchr(d->norm + x->m[h].ns, ' ', x->m[h].ne - x->m[h].ns) &&
         !memchr(d->norm + x->m[h].ns, '\n', x->m[h].ne - x->m[h].ns)))
        return k;
    return h;
}

/* The speaker mention in [lo, hi) outside quotes: a person before an
 * organization (Harbor Air Chief Executive Nora Quinn stated; Peter
 * Vance, chairman of Lakeside Dairy, said), the first or the last person as
 * asked, else the first organization. */
static int pick_mention(kiji_doc *d, const kj_qctx *x, size_t lo, size_t hi, bool last_person)
{
    int person = -1, org = -1;
    /* a mention may start before lo when a sentence break fell inside the
     * name (President George W. | Bush, …, said) */
    size_t from = lo > KJ_Q_NAME_MAX ? lo - KJ_Q_NAME_MAX : 0;
    for (int k = kj_q_mention_in(x, from, hi); k >= 0 && (size_t)k < x->nm && x->m[k].ns < hi;
         k++) {
        d->work++;
        if (x->m[k].ne <= lo || kj_q_in_quote(x, x->m[k].ns))
            continue;
        if (d->facts[x->m[k].fact].type == KIJI_FACT_PERSON) {
            if (person < 0 || last_person)
                person = k;
        } else if (org < 0) {
            org = k;
        }
    }
    if (person >= 0 && !last_person)
        person = role_holder(d, x, person, hi);
    return person >= 0 ? person : org;
}

/* "…," said a banker who had heard of Lee's offer: a source word of
 * statement_sources.txt among the first three words after the verb at s,
 * then two or more words and no comma before the person mention at ms, is
 * the unnamed speaker; the person belongs to the clause after it (said
 * analyst Ann Lee, said an official, Ann Lee: the name is the speaker;
 * cases/en/quote). */
static bool source_before_name(kiji_doc *d, const kj_qctx *x, size_t s, size_t ms)
{
    int words = 0, after = -1;
    for (size_t i = s; i < ms; i++) {
        d->work++;
        char c = d->norm[i];
        if (c == ',' || c == ';' || c == ':')
            return false;
        if (!word_start(d, i) || c == ' ' || c == '\n')
            continue;
        int32_t v;
        size_t l = after < 0 && words < 3 ? word_in(d, x->qd->en_sources, &x->qd->en_sources_pre, i, &v) : 0;
        if (l && !(l >= 6 && memcmp(d->norm + i, "spokes", 6) == 0)) {
            after = 0;
            i += l - 1;
        } else if (after >= 0) {
            after++;
        }
        words++;
    }
    return after >= 2;
}

/* told / tells / asked at v: the name after the verb is the one spoken to
 * (a spokesman told Reuters "…"), never the speaker (cases/en/quote). */
static bool addressee_verb(const kiji_doc *d, size_t v)
{
    return word_is(d, v, "told") || word_is(d, v, "tells") || word_is(d, v, "tell") ||
           word_is(d, v, "asked") || word_is(d, v, "asks");
}

/* "he said" / "she added" right before position v (a speech verb). */
static bool pronoun_before(const kiji_doc *d, size_t v, size_t lo)
{
    size_t t = v;
    while (t > lo && d->norm[t - 1] == ' ')
        t--;
    return t >= lo + 2 && t - 2 >= lo &&
           ((t >= 3 && pronoun(d, t - 3) && word_start(d, t - 3)) ||
            (t >= 2 && pronoun(d, t - 2) && word_start(d, t - 2)));
}

/* The source predicted X would need "…": a clause opening with an
 * article (The / A / An) before the verb at v has its subject there, so
 * the name after the verb opens the reported clause, no inverted speaker
 * (said X: "…"). */
static bool subject_before(const kiji_doc *d, size_t s0, size_t v)
{
    return v > s0 + 4 &&
           (word_is(d, s0, "The") || word_is(d, s0, "A") || word_is(d, s0, "An"));
}

/* A speech verb (value 1) in [from, hi) at a word start, stopping at a
 * quote mark; its position or hi. */
static size_t find_verb(kiji_doc *d, const kj_qctx *x, size_t from, size_t hi, size_t *len)
{
    for (size_t i = from; i < hi; i++) {
        d->work++;
        char c = d->norm[i];
        if ((c == '"' && !kj_dq_apostrophe(d->norm, d->norm_len, i)) || kj_at(d->norm, d->norm_len, i, "``") ||
            kj_at(d->norm, d->norm_len, i, "''") || kj_at(d->norm, d->norm_len, i, "\xe2\x80\x9c") ||
            kj_at(d->norm, d->norm_len, i, "\xe2\x80\x9d"))
            break;
        int32_t v;
        size_t l = word_in(d, x->qd->en_verbs, &x->qd->en_verbs_pre, i, &v);
        if (l && v == 1) {
            *len = l;
            return i;
        }
    }
    *len = 0;
    return hi;
}

/* A short run of capitalized words with no punctuation reads as a title or
 * a name (the film "Blue River"), not as someone's words. */
static bool title_like(kiji_doc *d, size_t is, size_t ie)
{
    int words = 0;
    while (ie > is && (d->norm[ie - 1] == '.' || d->norm[ie - 1] == ','))
        ie--;
    for (size_t i = is; i < ie; i++) {
        d->work++;
        char c = d->norm[i];
        if (c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == ':')
            return false;
        if (i == is || d->norm[i - 1] == ' ') {
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9'))
                return false;
            words++;
        }
    }
    return words <= 5;
}

static size_t word_before(const kiji_doc *d, size_t e, size_t lo);

/* A broadcast's title in quotes (GUIDELINES: titles are no quotes): a
 * title-cased run of at most seven words (small words such as the, on,
 * with may stay lower case; a colon may part it) right after a word for a
 * programme and an optional comma (the CBS News program, "Face the
 * Nation,"), or after "on" and an optional possessive (appearing on ABC's
 * "This Week With David Brinkley"; cases/en/quote). */
static bool programme_title(kiji_doc *d, size_t o, size_t is, size_t ie, size_t lo)
{
    static const char *const small[] = {"the", "a", "an", "of", "on", "in", "and", "with", "for", "to", "at"};
    static const char *const shows[] = {"program", "programme", "show", "series", "broadcast"};
    while (ie > is && (d->norm[ie - 1] == '.' || d->norm[ie - 1] == ','))
        ie--;
    if (ie <= is || ie - is > 64 || !(d->norm[is] >= 'A' && d->norm[is] <= 'Z'))
        return false;
    int words = 0;
    for (size_t i = is; i < ie; i++) {
        d->work++;
        char c = d->norm[i];
        if (c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == '"')
            return false;
        if (i > is && d->norm[i - 1] != ' ' && d->norm[i - 1] != '\n')
            continue;
        if (++words > 7)
            return false;
        if (c >= 'A' && c <= 'Z')
            continue;
        bool sm = false;
        for (size_t k = 0; k < sizeof small / sizeof *small && !sm; k++)
            sm = word_is(d, i, small[k]);
        if (!sm)
            return false;
    }
    size_t e = o;
    while (e > lo && (d->norm[e - 1] == ' ' || d->norm[e - 1] == '\n'))
        e--;
    bool comma = e > lo && d->norm[e - 1] == ',';
    if (!comma && e >= lo + 3 && d->norm[e - 1] == 's' && d->norm[e - 2] == '\'') {
        /* on ABC's "…": a possessive after "on" */
        size_t n = e - 2;
        while (n > lo && n + 24 > e && d->norm[n - 1] != ' ' && d->norm[n - 1] != '\n')
            n--;
        if (n < lo + 3 || !(d->norm[n] >= 'A' && d->norm[n] <= 'Z'))
            return false;
        size_t w = word_before(d, n, lo);
        return w != SIZE_MAX && word_is(d, w, "on");
    }
    size_t w = word_before(d, comma ? e - 1 : e, lo);
    if (w == SIZE_MAX)
        return false;
    for (size_t k = 0; k < sizeof shows / sizeof *shows; k++)
        if (word_is(d, w, shows[k]))
            return true;
    return !comma && word_is(d, w, "on");
}

/* "commonly called", "also known as" (an adverb of en/naming_adverbs and
 * a space before the verb): a name, not words said. */
static bool naming(const kiji_doc *d, size_t v, size_t lo)
{
    if (!word_is(d, v, "called") && !word_is(d, v, "termed") && !word_is(d, v, "described"))
        return false;
    const kj_wordlist *adv = d->p->quote->en_naming_adv;
    for (size_t k = 0; k < adv->n; k++)
        if (word_then_space_before(d, v, lo, adv->lines[k]))
            return true;
    return false;
}

/* under the name "Polar Line", a plan called "Fast Track": a word of
 * en/naming_words right before the opening mark at o (spaces between,
 * a word start before it) gives the quote as a name, not words said
 * (cases/en/quote_name). */
static bool name_quote(const kiji_doc *d, size_t o, size_t lo)
{
    size_t e = o;
    while (e > lo && o - e < 3 && (d->norm[e - 1] == ' ' || d->norm[e - 1] == '\n'))
        e--;
    if (e == o)
        return false;
    const kj_wordlist *w = d->p->quote->en_naming_words;
    for (size_t k = 0; k < w->n; k++) {
        size_t n = strlen(w->lines[k]);
        if (e >= lo + n && kj_before(d->norm, e, w->lines[k]) && word_start(d, e - n))
            return true;
    }
    return false;
}

/* The word ending at j starts with a lower-case letter (company.), so a
 * full stop there ends a sentence, unlike Inc. or Mr. */
static bool lower_word_before(const kiji_doc *d, size_t j, size_t lo)
{
    size_t w = j;
    while (w > lo && is_alpha(d->norm[w - 1]) && j - w < 24)
        w--;
    return w < j && d->norm[w] >= 'a' && d->norm[w] <= 'z';
}

/* Does the full stop at j end the words after "said" that started at lo?
 * After a lowercase word (said the company.), and after a capitalized
 * word of two or more letters that is no abbreviation of
 * en/abbreviations (said Clements. | Mary Pike, ...); not after Inc. or
 * an initial (said Apple Inc. CEO Steve Jobs). */
static bool attribution_stop(const kiji_doc *d, size_t j, size_t lo)
{
    if (lower_word_before(d, j, lo))
        return true;
    size_t w = j;
    while (w > lo && is_alpha(d->norm[w - 1]) && j - w < 24)
        w--;
    int32_t kind;
    /* U.S.: the letter after an inner full stop is an initial */
    return j - w >= 2 && (w == 0 || d->norm[w - 1] != '.') &&
           (j + 1 >= d->norm_len || d->norm[j + 1] == ' ' || d->norm[j + 1] == '\n') &&
           !kj_dict_get(d->p->abbrev, d->norm + w, j - w, &kind);
}

/* At least n words in [is, ie). */
static bool words_at_least(kiji_doc *d, size_t is, size_t ie, int n)
{
    int w = 0;
    for (size_t i = is; i < ie && w < n; i++) {
        d->work++;
        if (is_alpha(d->norm[i]) && (i == is || !is_alpha(d->norm[i - 1])))
            w++;
    }
    return w >= n;
}

/* Nothing but spaces between a (after the closing mark) and the sentence
 * end or a line break: the quote closes its sentence. */
static bool ends_sentence(const kiji_doc *d, size_t a, size_t send)
{
    while (a < send && d->norm[a] == ' ')
        a++;
    return a >= send || d->norm[a] == '\n';
}

/* Under 10 bytes once a closing . ! ? is left out, and no comma: a word
 * or two that may be a scare quote or a term as well as someone's words. */
static bool short_quote(const kiji_doc *d, size_t is, size_t ie)
{
    while (ie > is && (d->norm[ie - 1] == '.' || d->norm[ie - 1] == '!' || d->norm[ie - 1] == '?'))
        ie--;
    return ie - is < 10 && !memchr(d->norm + is, ',', ie - is);
}

/* The start of the word that ends right before e (spaces skipped), or
 * SIZE_MAX when something else (punctuation, a digit) stands there. */
static size_t word_before(const kiji_doc *d, size_t e, size_t lo)
{
    while (e > lo && (d->norm[e - 1] == ' ' || d->norm[e - 1] == '\n'))
        e--;
    size_t w = e;
    while (w > lo && is_alpha(d->norm[w - 1]) && e - w < 24)
        w--;
    return w < e && word_start(d, w) ? w : SIZE_MAX;
}

/* The short quote opening at o is a term: a determiner or possessive
 * stands right before it (the "last" offer, a "hold", an "ouster", the
 * board's "best" bid; cases/en/quote_short). */
static bool term_quote(kiji_doc *d, const kj_qctx *x, size_t o, size_t lo)
{
    size_t e = o;
    while (e > lo && d->norm[e - 1] == ' ')
        e--;
    if (e >= lo + 3 && d->norm[e - 1] == 's' && d->norm[e - 2] == '\'' && is_alpha(d->norm[e - 3]))
        return true;
    size_t w = word_before(d, o, lo), l;
    if (w == SIZE_MAX)
        return false;
    int k = context_word(d, x, w, &l);
    return (k == KJ_QC_DET || k == KJ_QC_POSS) && w + l == e;
}

/* The short quote [o, a) (marks included) is the complement of a saying
 * or calling verb in its clause [lo, o), as GUIDELINES asks of a short
 * partial quote: after a linking word (said the cuts were "overdue",
 * described as "better", was still "likely"), right after a speech verb
 * or a colon, or after a calling verb and its object (called the yen
 * "unlimited", up to 12 words, no punctuation); or it closes its clause
 * (would answer the union "next week."). Not when a word other than a
 * preposition or conjunction follows (had "captured" 40 villages,
 * wants "flexible" credit lines): a modifier or a verb in
 * scare quotes (cases/en/quote_short). comma: the quote's words end with
 * the clause's comma inside the marks (were "small," adding), which
 * closes the clause as a comma after them does. */
static bool complement(kiji_doc *d, const kj_qctx *x, size_t o, size_t a, size_t lo, size_t hi,
                       bool comma)
{
    size_t n = a;
    while (n < hi && d->norm[n] == ' ')
        n++;
    size_t l;
    if (comma) {
        /* the word after the quote opens the next clause */
    } else if (n < hi && (is_alpha(d->norm[n]) || (d->norm[n] >= '0' && d->norm[n] <= '9'))) {
        int k = d->norm[n] >= 'a' && d->norm[n] <= 'z' ? context_word(d, x, n, &l) : 0;
        if (k != KJ_QC_AFTER && k != KJ_QC_NEXT && k != KJ_QC_LINK)
            return false;
    } else if (n >= hi || d->norm[n] != ',') {
        return true; /* the quote closes its clause */
    }
    size_t e = o;
    while (e > lo && (d->norm[e - 1] == ' ' || d->norm[e - 1] == '\n'))
        e--;
    if (e > lo && d->norm[e - 1] == ':')
        return true;
    size_t w = word_before(d, o, lo);
    for (int adv = 0; adv < 2 && w != SIZE_MAX; adv++) {
        int k = context_word(d, x, w, &l);
        if (k != KJ_QC_ADV && !word_is(d, w, "also"))
            break;
        w = word_before(d, w, lo);
    }
    if (w == SIZE_MAX)
        return false;
    int32_t v;
    if (context_word(d, x, w, &l) == KJ_QC_LINK ||
        (word_in(d, x->qd->en_verbs, &x->qd->en_verbs_pre, w, &v) && v == 1))
        return true;
    /* called the handling of claims by the insurer "shameful":
     * tokens back from the quote, none holding punctuation of a clause
     * break (the country's and 1986 may stand in the object) */
    size_t t = e;
    for (int words = 0; words < 13 && t > lo; words++) {
        size_t b = t;
        while (b > lo && d->norm[b - 1] != ' ' && d->norm[b - 1] != '\n' && t - b < 40) {
            d->work++;
            if (!d->norm[b - 1] || strchr(",;:\"`()", d->norm[b - 1]))
                return false;
            b--;
        }
        if (b == t)
            return false;
        if (context_word(d, x, b, &l) == KJ_QC_CALL && b + l == t)
            return true;
        t = b;
        while (t > lo && (d->norm[t - 1] == ' ' || d->norm[t - 1] == '\n'))
            t--;
    }
    return false;
}

static void one_quote(kiji_doc *d, kj_qctx *x, const ecand *q, espeaker *sp)
{
    size_t is = q->o + q->ol, ie = q->c, a = q->c + q->cl;
    while (is < ie && (d->norm[is] == ' ' || d->norm[is] == '\n'))
        is++;
    while (ie > is && (d->norm[ie - 1] == ' ' || d->norm[ie - 1] == '\n'))
        ie--;
    bool comma = false;
    if (ie > is && d->norm[ie - 1] == ',') { /* "…," X said: the comma is the sentence's */
        ie--;
        comma = true;
    }
    if (ie <= is)
        return;
    if (kj_before(d->norm, q->o, "so-called ") || kj_before(d->norm, q->o, "so called ") ||
        name_quote(d, q->o, kj_q_sent_start(d, q->o)))
        return;
    if (programme_title(d, q->o, is, ie, kj_q_sent_start(d, q->o))) {
        kj_q_mark(d, x, is, ie);
        return;
    }
    char last = d->norm[q->c - 1];
    bool closed = comma || last == '.' || last == '!' || last == '?';
    int para = kj_q_para(d, q->o);
    int sent = kj_sentence_of(d, q->o);
    size_t sst = kj_q_sent_start(d, q->o);
    size_t send = kj_q_sent_end(d, a > 0 ? a - 1 : 0);
    if (send < a)
        send = a;
    size_t hi = a + 200 < send ? a + 200 : send;
    /* "How can it go on?" Ann Lee asked: the splitter ends a sentence at
     * ?" or !" whatever follows; the words after it on the same line may
     * still be the quote's attribution, looked for in the next sentence
     * only when it opens with the speaker (see the after branch) */
    size_t next_from = SIZE_MAX;
    bool next_line = false;
    if (last == '?' || last == '!') {
        size_t n = a;
        while (n < d->norm_len && n - a < 4 && (d->norm[n] == ' ' || d->norm[n] == '\n')) {
            if (d->norm[n] == '\n') {
                if (next_line || para_break(d, n))
                    break;
                next_line = true;
            }
            n++;
        }
        if (n < d->norm_len && n > a && (d->norm[n - 1] == ' ' || d->norm[n - 1] == '\n')) {
            size_t ne = kj_q_sent_end(d, n);
            next_from = n;
            if (ne > hi)
                hi = a + 200 < ne ? a + 200 : ne;
        }
    }
    /* a short quote inside its sentence may be a term or a scare quote */
    bool shrt = short_quote(d, is, ie) && kj_q_skip_space(d, sst, q->o) != q->o;
    if (shrt && term_quote(d, x, q->o, sst))
        return;

    int speaker = -1;
    const char *note = NULL;
    size_t vs = 0, ve = 0;
    bool partial = false, ok = false;

    /* after: "…," X said / "…," said X / "…", he added; a quote inside
     * (``… `well, …,''' he said) leaves its closing ' after the closer */
    size_t p = a < hi && d->norm[a] == '\'' && memchr(d->norm + is, '`', ie - is) ? a + 1 : a;
    p = kj_q_skip_space(d, p, hi);
    if (p < hi && d->norm[p] == ',') {
        p = kj_q_skip_space(d, p + 1, hi);
        closed = true;
    }
    int32_t v;
    size_t vl = word_in(d, x->qd->en_verbs, &x->qd->en_verbs_pre, p, &v);
    /* across the sentence break after ?" only X said / X, the mayor,
     * asked / he asked: a name or a pronoun opening it, the verb within
     * a few words of it (not: That is what Ann Lee asked) */
    bool next_ok = false;
    if (p >= next_from && !(vl && v == 1)) {
        size_t l, vp = find_verb(d, x, p, hi, &l);
        int k = kj_q_mention_in(x, p, p + 1);
        size_t ne = k >= 0 ? x->m[k].ne : p + (pronoun(d, p) ? 2 : 0);
        /* on the next line only a verb with nothing reported after it
         * (Ann Lee asked. / Ann Lee recalled asking, "…"): Ann Lee said
         * the vote was close opens a statement of its own */
        size_t t = vp + l;
        while (t < hi && d->norm[t] == ' ')
            t++;
        int32_t v2; /* recalled asking, "…": the second verb */
        size_t l2 = t < hi ? word_in(d, x->qd->en_verbs, &x->qd->en_verbs_pre, t, &v2) : 0;
        if (l2 && v2 == 1)
            for (t += l2; t < hi && d->norm[t] == ' ';)
                t++;
        bool bare = t >= hi || d->norm[t] == ',' || d->norm[t] == ':' || d->norm[t] == '.';
        if (!l || (k < 0 && !pronoun(d, p)) || vp < ne || vp - ne > 40 || (next_line && !bare))
            hi = p;
        else
            next_ok = next_line;
    }
    if (closed && vl && v == 1) {
        ok = true;
        vs = p;
        ve = p + vl;
        /* said X / said the chairman of Orion Motors LLC Dan Hale: the first
         * person after the verb, or a body named right at it (said GM) */
        size_t s = kj_q_skip_space(d, ve, hi);
        /* the window may cross a sentence break the splitter put after an
         * abbreviation (said Apple Inc. | CEO Steve Jobs), not a real one
         * (said the company. | John …) */
        size_t lim = s + 120 < d->norm_len ? s + 120 : d->norm_len;
        for (size_t j = s; j < lim; j++) {
            d->work++;
            char ch = d->norm[j];
            if ((ch == '"' && !kj_dq_apostrophe(d->norm, d->norm_len, j)) || ch == '`' || ch == ';' ||
                (ch == '\n' && para_break(d, j)) ||
                (ch == '.' && attribution_stop(d, j, s))) {
                lim = j;
                break;
            }
        }
        int k = kj_q_mention_in(x, s, s + 1), kp = pick_mention(d, x, s, lim, false);
        if (pronoun(d, s))
            speaker = carry(d, x, sp, q->o, &note);
        else if (kp >= 0 && d->facts[x->m[kp].fact].type == KIJI_FACT_PERSON &&
                 source_before_name(d, x, s, x->m[kp].ns))
            note = "the speaker is not a named person or organization";
        else if (kp >= 0 && d->facts[x->m[kp].fact].type == KIJI_FACT_PERSON)
            speaker = x->m[kp].fact;
        else if (k >= 0)
            speaker = x->m[k].fact;
        else if ((speaker = titled_person(d, x, s, lim)) < 0)
            note = "the speaker is not a named person or organization";
    } else if (closed && p < hi && (comma || next_ok || !memchr(d->norm + a, '\n', p - a))) {
        /* a quote closed by its own full stop and a line break ends its
         * sentence: what follows is not its attribution */
        size_t l, vp = find_verb(d, x, p, hi, &l);
        if (l && vp - p <= 120) {
            ok = true;
            vs = vp;
            ve = vp + l;
            int k = pick_mention(d, x, p, vp, false);
            if (pronoun(d, p))
                speaker = carry(d, x, sp, q->o, &note);
            else if (k < 0 && it_word(d, p) && (vp == p + 3 || vp == p + 12) &&
                     (speaker = org_subject(d, x, q->o)) >= 0)
                ; /* "…," it said */
            else if (k < 0 && (speaker = kind_org(d, x, p, vp)) >= 0)
                ; /* "…," the bank said */
            else if (k < 0 && (speaker = short_org(d, x, p, vp)) >= 0)
                ; /* "…," Montagu said */
            else if (k >= 0 && !unnamed_member(d, x, x->m[k].ne) && !source_at(d, x, x->m[k].ns) &&
                     !(d->facts[x->m[k].fact].type == KIJI_FACT_PERSON &&
                       source_before_name(d, x, p, x->m[k].ns)))
                speaker = x->m[k].fact; /* not: an aide to Senator Ann Lee said */
            else if (k >= 0)
                note = "the speaker is an unnamed member of the organization";
            else if ((speaker = titled_person(d, x, p, vp)) < 0 &&
                     (speaker = role_goes_on(d, x, sp, p, vp, q->o)) < 0)
                note = "the speaker is not a named person or organization";
        }
    }

    /* "…", releasing a statement saying: a participle after a quote inside
     * its sentence does not name the speaker, the clause before may (Ana
     * Ruiz said she too was "stunned", issuing …); kept when it does not */
    const int a_speaker = speaker;
    const char *const a_note = note;
    const size_t a_vs = vs, a_ve = ve;
    const bool a_ok = ok;
    size_t pe = p;
    while (pe < hi && pe - p < 24 && d->norm[pe] >= 'a' && d->norm[pe] <= 'z')
        pe++;
    if (ok && kj_q_skip_space(d, sst, q->o) != q->o &&
        ((ve >= vs + 4 && memcmp(d->norm + ve - 3, "ing", 3) == 0) ||
         (pe >= p + 4 && word_end(d, pe) && memcmp(d->norm + pe - 3, "ing", 3) == 0)))
        ok = false;

    /* before: X said: "…" / X commented, "…" / said X planned "…" */
    if (!ok) {
        size_t cs = q->o > sst + KJ_Q_WINDOW ? q->o - KJ_Q_WINDOW : sst;
        if (sp->prev_end > cs && sp->prev_end <= q->o)
            cs = sp->prev_end; /* the clause starts after the quote before */
        size_t t = q->o;
        while (t > cs && (d->norm[t - 1] == ' ' || d->norm[t - 1] == '\n'))
            t--;
        bool intro = t > cs && (d->norm[t - 1] == ':' || d->norm[t - 1] == ',');
        /* the last speech verb of the clause before the quote */
        size_t best = 0, bl = 0;
        bool he_said = false; /* …, he said, adding "…" */
        const bool *in_word = x->qd->en_in_word;
        const unsigned char *u = (const unsigned char *)d->norm;
        for (size_t i = cs; i < t; i++) {
            d->work++;
            int32_t vv;
            size_t l = word_in(d, x->qd->en_verbs, &x->qd->en_verbs_pre, i, &vv);
            if (l && vv == 1 && !kj_q_in_quote(x, i)) {
                best = i;
                bl = l;
                he_said = he_said || pronoun_before(d, i, cs);
                i += l - 1;
                continue;
            }
            /* no word starts right after a word byte (word_start): the
             * positions up to the next other byte are passed by, counted
             * as the steps they were */
            size_t j = i;
            while (j + 1 < t && in_word[u[j]])
                j++;
            d->work += j - i;
            i = j;
        }
        size_t acc = 0;
        for (size_t i = cs; i + 13 <= t; i++) {
            d->work++;
            /* the first letter before the two compares: most bytes are no a */
            if ((d->norm[i] == 'a' || d->norm[i] == 'A') &&
                (word_is(d, i, "according to") || word_is(d, i, "According to")))
                acc = i + 13;
        }
        if (bl && naming(d, best, cs))
            return; /* commonly called "apps" */
        if (bl && (intro || !title_like(d, is, ie)) &&
            !(shrt && !complement(d, x, q->o, a, cs, send, comma))) {
            ok = true;
            partial = !intro;
            vs = best;
            ve = best + bl;
            size_t s0 = kj_q_skip_space(d, cs, best);
            int k = pick_mention(d, x, cs, best, false);
            if (pronoun(d, s0) || pronoun_before(d, best, cs) || he_said)
                speaker = carry(d, x, sp, q->o, &note);
            else if (k >= 0 && source_at(d, x, x->m[k].ns))
                note = "the speaker is an unnamed member of the organization";
            else if (k >= 0 && d->facts[x->m[k].fact].type == KIJI_FACT_PERSON &&
                     the_subject(d, x->m[k].ne, last_the(d, cs, best), best)) {
                /* asked if he thought Gates would win, the senator shot
                 * back: "…": the name is in the clause before the subject */
                if ((speaker = titled_person(d, x, last_the(d, cs, best), best)) < 0)
                    note = "the speaker is not a named person or organization";
            } else if (k >= 0)
                speaker = x->m[k].fact;
            else if (it_word(d, s0) && (best == s0 + 3 || best == s0 + 12) &&
                     (speaker = org_subject(d, x, s0)) >= 0)
                ; /* It said: "…" */
            else if ((speaker = kind_org(d, x, s0, best)) >= 0)
                ; /* The trust said "…" */
            else if (!addressee_verb(d, best) && !subject_before(d, s0, best) &&
                     (k = kj_q_mention_in(x, kj_q_skip_space(d, best + bl, t), t)) >= 0 &&
                     x->m[k].ns == kj_q_skip_space(d, best + bl, t))
                speaker = x->m[k].fact; /* said X: "…" (told X "…": X is spoken to) */
            else if (cs == sp->prev_end && sp->prev_speaker >= 0 && sp->prev_sent == sent)
                speaker = sp->prev_speaker; /* "…", releasing a statement saying "…" */
            else if ((speaker = titled_person(d, x, last_the(d, cs, best), best)) < 0)
                note = "the speaker is not a named person or organization";
        } else if (intro && !acc && words_at_least(d, is, ie, 5) && !title_like(d, is, ie) &&
                   (closed ? ends_sentence(d, a, send)
                           : a < d->norm_len && d->norm[a] == '.' &&
                                 ends_sentence(d, a + 1, send > a + 1 ? send : a + 1))) {
            /* When the talks ended, Ortega sent a note to the members,
             * "we held our ground …". A clause that names a person first
             * (no pronoun), then the words closing the sentence
             * (cases/en/quote) */
            size_t s0 = kj_q_skip_space(d, cs, t);
            int k = pick_mention(d, x, s0, t, false);
            if (k >= 0 && !pronoun(d, s0) && d->facts[x->m[k].fact].type == KIJI_FACT_PERSON) {
                ok = true;
                speaker = x->m[k].fact;
            }
        } else if (acc) {
            int k = kj_q_mention_in(x, kj_q_skip_space(d, acc, t), t);
            ok = true;
            partial = !intro;
            if (k >= 0)
                speaker = x->m[k].fact;
            else
                note = "attributed to an unnamed source";
        }
    }

    if (!ok && a_ok) {
        ok = true;
        speaker = a_speaker;
        note = a_note;
        vs = a_vs;
        ve = a_ve;
        partial = false;
    }

    /* a sentence of its own: the last speaker goes on */
    size_t a2 = a;
    while (a2 < send && d->norm[a2] == ' ')
        a2++;
    if (!ok && closed && kj_q_skip_space(d, sst, q->o) == q->o &&
        (a2 >= send || d->norm[a2] == '\n')) {
        ok = true;
        /* A Fed spokesman added:|"…": the body spoken for since the last
         * quote */
        int o = spokes_body(d, x, q->o, sp->prev_end);
        if (o >= 0)
            speaker = o;
        else if (sp->last >= 0 && para >= 0 && para - sp->last_para <= 2)
            speaker = sp->last;
        else
            note = "no speaker is named in the sentence or the one before it";
    }
    sp->prev_end = a;
    sp->prev_speaker = -1;
    sp->prev_sent = sent;
    if (!ok)
        return;
    sp->prev_speaker = speaker;
    if (speaker < 0 && !note)
        note = "he or she refers to no person named before";
    kj_q_emit(d, x, is, ie, speaker, note, vs, ve, partial);
    if (speaker >= 0) {
        sp->last = speaker;
        /* a quote of several paragraphs: the ones after count from its
         * end (cases/en/quote_short) */
        int qpe = kj_q_para(d, ie > is ? ie - 1 : is);
        sp->last_para = qpe >= para ? qpe : para;
    }
}

/* The bytes kj_quote_en stops at (strcspn's set). */
static const char quote_stops[] = "\n\"`'\xE2";

void kj_quote_en(kiji_doc *d, kj_qctx *x, size_t from, size_t to)
{
    espeaker sp = {-1, -1, 0, -1, -1};
    bool open = false;
    ecand q = {0};
    for (size_t i = from; i < to; i++) {
        d->work++;
        char c = d->norm[i];
        /* only these bytes can start a paragraph break or a quote mark:
         * go past the others in a tight loop */
        if (c != '\n' && c != '"' && c != '`' && c != '\'' && (unsigned char)c != 0xE2) {
            const unsigned char *u = (const unsigned char *)d->norm, *p = u + i + 1,
                                *pe = u + to;
            /* strcspn (sixteen bytes a step in glibc): d->norm is
             * NUL-terminated, so the search stops at its end at the
             * latest, once, past to; a NUL inside the text is no quote
             * byte, so the search goes on after it */
            while (p < pe) {
                p += strcspn((const char *)p, quote_stops);
                if (p >= pe || *p)
                    break;
                p++;
            }
            if (p > pe)
                p = pe;
            size_t j = (size_t)(p - u);
            d->work += j - i - 1;
            i = j - 1;
            continue;
        }
        if (para_break(d, i)) {
            /* an unclosed quote ends with its paragraph; when the next
             * paragraph opens with a quote mark, the words go on there
             * (wire style leaves a quote open at a paragraph's end when
             * the same speaker goes on), and this paragraph's part is a
             * quote of its own */
            size_t n = i + 1;
            while (n < d->norm_len && n - i < 16 && (d->norm[n] == ' ' || d->norm[n] == '\n' ||
                                                     d->norm[n] == '\t' || d->norm[n] == '\r'))
                n++;
            if (open && n < d->norm_len && (d->norm[n] == '"' || kj_at(d->norm, d->norm_len, n, "``") ||
                                            kj_at(d->norm, d->norm_len, n, "\xe2\x80\x9c"))) {
                q.c = i;
                q.cl = 0;
                one_quote(d, x, &q, &sp);
            }
            open = false;
            continue;
        }
        /* “…”, and ``…'' as in tokenized wire copy */
        bool tick = kj_at(d->norm, d->norm_len, i, "``");
        bool ticks = kj_at(d->norm, d->norm_len, i, "''");
        /* ''I am sure,'' he said: two single quotes at a word's start, with
         * no quote open, open one as `` does */
        bool topen = ticks && !open && i + 2 < d->norm_len && is_alpha(d->norm[i + 2]) &&
                     (i == 0 || d->norm[i - 1] == ' ' || d->norm[i - 1] == '\n' ||
                      d->norm[i - 1] == ':' || d->norm[i - 1] == '(');
        bool lq = tick || topen || kj_at(d->norm, d->norm_len, i, "\xe2\x80\x9c");
        bool rq = (ticks && !topen) || kj_at(d->norm, d->norm_len, i, "\xe2\x80\x9d");
        if (c == '"' && kj_dq_apostrophe(d->norm, d->norm_len, i))
            continue;
        if (c == '"' || lq || rq) {
            size_t len = c == '"' ? 1 : (tick || ticks) ? 2 : 3;
            if (!open && !rq) {
                open = true;
                q.o = i;
                q.ol = len;
            } else if (open && !lq) {
                open = false;
                q.c = i;
                q.cl = len;
                one_quote(d, x, &q, &sp);
            } else if (open && lq) {
                q.o = i; /* a stray opening: restart */
            }
            i += len - 1;
        }
    }
}

/* ---- statements -------------------------------------------------------- */

/* Words that may stand between a source and its verb (en/source_links:
 * analysts in oil markets estimate, bankers have estimated, traders and
 * analysts say). */
static bool linking(const kiji_doc *d, size_t i)
{
    if (d->norm[i] == ',')
        return true;
    const kj_wordlist *w = d->p->quote->en_links;
    for (size_t k = 0; k < w->n; k++)
        if (word_is(d, i, w->lines[k]))
            return true;
    return false;
}

static bool clause_start(const kiji_doc *d, size_t ms, size_t sst)
{
    size_t t = ms;
    while (t > sst && (d->norm[t - 1] == ' ' || d->norm[t - 1] == '\n'))
        t--;
    if (t <= sst)
        return true;
    char c = d->norm[t - 1];
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == '-' || c == '"')
        return true;
    /* a closing mark of wire copy's ``…'' or a typographic ” */
    if ((c == '\'' && t >= sst + 2 && d->norm[t - 2] == '\'') ||
        (t >= sst + 3 && kj_before(d->norm, t, "\xe2\x80\x9d")))
        return true;
    /* a sentence may open on its conjunction (en/clause_openers): But the
     * aide to the minister said */
    const kj_wordlist *w = d->p->quote->en_openers;
    for (size_t k = 0; k < w->n; k++)
        if (ms >= strlen(w->lines[k]) + 1 && word_then_space_before(d, t + 1, 0, w->lines[k]))
            return true;
    return false;
}

/* From i on (i < to), past the positions where no key of en_sources starts
 * (kj_qprefix_may of en_sources_pre: its pair of first bytes, then its
 * first byte of a short key or hash of three, then its hash of four;
 * word_in finds nothing there) and
 * the run of word bytes after each, stepping as the loop of
 * kj_statement_en does there; the first position the prefixes let pass,
 * or one within a byte of the text's end, or to or past it. A loop of its
 * own: the text stays in registers (d->work, stored in the loop, would
 * make every load of d->norm a new one). */
static size_t skip_refused(kiji_doc *d, const struct kj_quotedata *q, size_t i, size_t to)
{
    const unsigned char *u = (const unsigned char *)d->norm;
    const kj_qprefix *pre = &q->en_sources_pre;
    const uint8_t *scan = q->en_src_scan;
    size_t len = d->norm_len, lim = to < len ? to : len, i0 = i;
    /* a position is tried while i < to and i + 2 <= len */
    size_t stop = len < 2 ? 0 : to < len - 1 ? to : len - 1;
    if (i >= stop)
        return i;
    for (;;) {
        const unsigned char *w = u + i;
        unsigned k = scan[w[0]];
        /* kj_qprefix_may, with its bounds known here (two bytes at i),
         * after the one load that rules out a byte no key starts with */
        if (k & KJ_QS_FIRST) {
            unsigned pr = (unsigned)w[0] << 8 | w[1];
            if (pre->pair[pr >> 6] >> (pr & 63) & 1) {
                if (pre->short_first[w[0]])
                    break;
                if (len - i >= 3) {
                    unsigned h = kj_qprefix_hash(w);
                    /* and where every key has four bytes, their hash:
                     * what it refuses, the lookup would find nothing at */
                    if (pre->tri[h >> 6] >> (h & 63) & 1) {
                        if (pre->no_quad)
                            break;
                        if (len - i >= 4) {
                            unsigned h4 = kj_qprefix_hash4(w);
                            if (pre->quad[h4 >> 6] >> (h4 & 63) & 1)
                                break;
                        }
                    }
                }
            }
        }
        /* past the run of word bytes and the byte after it: the NUL after
         * the text ends every run */
        if (k & KJ_QS_WORD) {
            do
                w++;
            while (scan[*w] & KJ_QS_WORD);
        }
        i = (size_t)(w - u) + 1;
        if (i >= stop) {
            /* kj_statement_en cuts a run at the last byte before lim */
            if (i > lim)
                i = lim;
            break;
        }
    }
    /* one step a byte passed, as kj_statement_en counts them */
    d->work += i - i0;
    return i;
}

/* The start of the run of statement modifiers (statement_modifiers.txt
 * or a demonym of en/demonyms: a senior Soviet official, at most three
 * words) right before the source word at i, within the
 * sentence from sst; i itself when there is none. */
static size_t mods_before(kiji_doc *d, const struct kj_quotedata *q, size_t i, size_t sst)
{
    size_t ms = i;
    for (int k = 0; k < 3 && ms > sst + 1; k++) {
        size_t t = ms - 1;
        /* wire copy wraps its lines anywhere: company\nofficials */
        if (d->norm[t] != ' ' && d->norm[t] != '\n')
            break;
        size_t ws = t;
        while (ws > sst && d->norm[ws - 1] != ' ' && d->norm[ws - 1] != '\n' && t - ws < 24)
            ws--;
        d->work += t - ws + 1;
        int32_t mv;
        if (t > ws && (kj_dict_get(q->en_mods, d->norm + ws, t - ws, &mv) ||
                       kj_dict_get(q->en_demonyms, d->norm + ws, t - ws, &mv)))
            ms = ws;
        else
            break;
    }
    return ms;
}

/* A word (letters or digits) ends right before w, spaces and line breaks
 * skipped, within the sentence from sst: the subject of the verb at w. */
static bool subject_word_before(const kiji_doc *d, size_t w, size_t sst)
{
    size_t t = w;
    while (t > sst && w - t < 8 && (d->norm[t - 1] == ' ' || d->norm[t - 1] == '\n'))
        t--;
    return t > sst && t < w && (is_alpha(d->norm[t - 1]) || (d->norm[t - 1] >= '0' && d->norm[t - 1] <= '9'));
}

void kj_statement_en(kiji_doc *d, kj_qctx *x, size_t from, size_t to)
{
    const struct kj_quotedata *q = x->qd;
    /* the last spokesperson brought in (not "the spokesman") had a body
     * or a name */
    bool sp_named = false;
    for (size_t i = from; i < to; i++) {
        i = skip_refused(d, q, i, to);
        if (i >= to)
            break;
        d->work++;
        int32_t v;
        /* skip_refused tried the prefixes at i unless i + 2 > norm_len */
        size_t l = i + 2 <= d->norm_len ? word_at(d, q->en_sources, i, &v)
                                        : word_in(d, q->en_sources, &q->en_sources_pre, i, &v);
        if (!l || kj_q_in_quote(x, i)) {
            /* no word starts right after a letter, '-' or a non-ASCII byte
             * (word_start): word_in refuses those positions, so go past
             * them */
            size_t lim = to < d->norm_len ? to : d->norm_len;
            if (i + 1 >= lim)
                continue;
            /* through pointers held in registers: one load and one test a
             * byte, and no bound: the NUL after the text (no word byte)
             * ends every run, which is cut at pe after it (one call, so
             * at most one word past lim is read) */
            const bool *in_word = q->en_in_word;
            const unsigned char *u = (const unsigned char *)d->norm, *p = u + i,
                                *pe = u + lim - 1;
            while (in_word[*p])
                p++;
            if (p > pe)
                p = pe;
            size_t j = (size_t)(p - u);
            d->work += j - i;
            i = j;
            continue;
        }
        size_t e = i + l;
        /* analysts' forecasts, an economist's note: a possessive source
         * owns the noun after it and says nothing itself */
        if (e < d->norm_len && (d->norm[e] == '\'' || (d->norm_len - e >= 3 &&
                                                       !memcmp(d->norm + e, "\xE2\x80\x99", 3)))) {
            i = e - 1;
            continue;
        }
        /* the spokesman again (A Treasury spokesman said … The spokesman
         * said) is the spokesperson brought in last, by any earlier
         * sentence: when that one's body or name was given, this one is
         * named too, as it was the first time (GUIDELINES: a named
         * source is no statement) */
        if (l >= 6 && !memcmp(d->norm + i, "spokes", 6)) {
            if (i >= 4 && (d->norm[i - 1] == ' ' || d->norm[i - 1] == '\n') &&
                (word_is(d, i - 4, "the") || word_is(d, i - 4, "The")) && word_start(d, i - 4)) {
                if (sp_named) {
                    i = e - 1;
                    continue;
                }
            } else {
                sp_named = spokes_named(d, x, i, e);
            }
        }
        size_t sst = kj_q_sent_start(d, i), send = kj_q_sent_end(d, i);
        size_t ms = i;
        /* an unnamed member of a named body is an unnamed source: a
         * Commerce Department official said, Finance Ministry sources said
         * (the body stays an organization of its own); the phrase takes
         * the body and its modifiers (a senior Treasury official) */
        if (i > sst + 1 && (d->norm[i - 1] == ' ' || d->norm[i - 1] == '\n')) {
            int k = kj_q_mention_at(x, i - 2);
            if (k >= 0 && x->m[k].ne == i - 1 && x->m[k].ns >= sst &&
                d->facts[x->m[k].fact].type == KIJI_FACT_ORGANIZATION) {
                /* but a body's spokesman speaks for the body, which is
                 * named (GUIDELINES: a spokesperson's quote has the
                 * organization as speaker) */
                if (d->norm_len - i > 6 && !memcmp(d->norm + i + 1, "pokes", 5)) {
                    i = e - 1;
                    continue;
                }
                ms = x->m[k].ns;
            } else if (k < 0) {
                /* so is one of a place (Beijing officials said, as
                 * Japanese officials said), in the sentence */
                size_t ps = kj_q_place_ends(x, i - 1);
                if (ps < i - 1 && ps >= sst)
                    ms = ps;
            }
        }
        /* modifiers before: the, other, senior, one */
        ms = mods_before(d, q, ms, sst);
        /* an apposition to a named person is that person, not an unnamed
         * source (Jane Doe, a senior analyst at a bank, said) */
        size_t cm = ms;
        while (cm > sst && (d->norm[cm - 1] == ' ' || d->norm[cm - 1] == '\n'))
            cm--;
        if (cm > sst + 1 && d->norm[cm - 1] == ',') {
            int k = kj_q_mention_at(x, cm - 2);
            if (k >= 0 && x->m[k].ne == cm - 1 && d->facts[x->m[k].fact].type == KIJI_FACT_PERSON) {
                i = e - 1;
                continue;
            }
        }
        /* a title before a name (according to analyst Jane Roe, Analyst
         * John Doe said, an analyst, John Doe, said): the person is named,
         * the source is no statement */
        size_t np = e;
        if (np < send && d->norm[np] == ',')
            np++;
        while (np < send && np - e < 3 && (d->norm[np] == ' ' || d->norm[np] == '\n'))
            np++;
        if (np > e && np < send) {
            int k = kj_q_mention_at(x, np);
            if (k >= 0 && x->m[k].ns == np && d->facts[x->m[k].fact].type == KIJI_FACT_PERSON) {
                i = e - 1;
                continue;
            }
        }
        size_t hi = e + 120 < send ? e + 120 : send;
        /* ", said officials / said one economist: said inverted after a
         * quote or a clause, no subject word before it (Lee said
         * fund managers were buying: Lee says it) */
        size_t b = ms;
        while (b > sst && d->norm[b - 1] == ' ')
            b--;
        size_t w0 = b;
        while (w0 > sst && is_alpha(d->norm[w0 - 1]) && b - w0 < 16)
            w0--;
        int32_t bv;
        if (b > w0 && word_in(d, q->en_verbs, &q->en_verbs_pre, w0, &bv) == b - w0 && bv == 1 &&
            (word_is(d, w0, "said") || word_is(d, w0, "says") || word_is(d, w0, "added")) &&
            !subject_word_before(d, w0, sst)) {
            kj_q_statement(d, w0, e, ms, e);
            i = e - 1;
            continue;
        }
        /* according to officials; a daily quoted anonymous port sources
         * (as saying), quoting diplomats: the source is cited */
        if (kj_before(d->norm, b, "according to") || kj_before(d->norm, b, "According to") ||
            ((kj_before(d->norm, b, " quoted") || kj_before(d->norm, b, " quoting") ||
              kj_before(d->norm, b, "Quoting")) &&
             b < d->norm_len && d->norm[b] == ' ')) {
            kj_q_statement(d, ms, e, ms, e);
            i = e - 1;
            continue;
        }
        if (!clause_start(d, ms, sst)) {
            i = e - 1;
            continue;
        }
        /* source … verb, with only linking words between */
        size_t p = kj_q_skip_space(d, e, hi);
        if (p >= hi) {
            i = e - 1;
            continue;
        }
        int32_t vv = 0;
        size_t vl = word_in(d, q->en_verbs, &q->en_verbs_pre, p, &vv);
        size_t vp = p;
        /* a source ending in its preposition (person familiar with, people
         * close to) goes on through the preposition's object */
        bool open = e > i + 3 && (kj_before(d->norm, e, " with") || kj_before(d->norm, e, " to") ||
                                  kj_before(d->norm, e, " on"));
        if (!vl && (open || linking(d, p))) {
            for (size_t r = p; r < hi; r++) {
                d->work++;
                char c = d->norm[r];
                if (c == '"' || c == ';')
                    break;
                if ((vl = word_in(d, q->en_verbs, &q->en_verbs_pre, r, &vv))) {
                    vp = r;
                    break;
                }
            }
        }
        /* brokers were said to be holding off: a passive hedge, the brokers
         * are talked about and say nothing (GUIDELINES) */
        if (!vl || (vp > p && word_is(d, vp, "said") &&
                    (word_then_space_before(d, vp, p, "were") ||
                     word_then_space_before(d, vp, p, "was") ||
                     word_then_space_before(d, vp, p, "are") ||
                     word_then_space_before(d, vp, p, "is") ||
                     word_then_space_before(d, vp, p, "been")))) {
            i = e - 1;
            continue;
        }
        /* Most dealers are optimistic …, he said: a pronoun right before
         * the verb found past the source is that verb's subject;
         * officials agreed to buy 60 aircraft: an infinitive after the
         * verb makes it an act, nothing said */
        size_t ve2 = kj_q_skip_space(d, vp + vl, hi);
        if ((vp > p && (pronoun_before(d, vp, p) || word_then_space_before(d, vp, p, "they") ||
                        word_then_space_before(d, vp, p, "we"))) ||
            (ve2 > vp + vl && word_is(d, ve2, "to"))) {
            i = e - 1;
            continue;
        }
        /* the source runs through a prepositional phrase (analysts in
         * international oil markets), not through a parenthesis */
        size_t se = e;
        if (vp > p && (open || word_is(d, p, "in") || word_is(d, p, "at") || word_is(d, p, "of") ||
                       word_is(d, p, "familiar") || word_is(d, p, "close") || word_is(d, p, "to"))) {
            se = vp;
            while (se > e && d->norm[se - 1] == ' ')
                se--;
            static const char *const aux[] = {" have", " has", " had", " also", NULL};
            for (int k = 0; aux[k]; k++) {
                if (se > e + strlen(aux[k]) && kj_before(d->norm, se, aux[k]))
                    se -= strlen(aux[k]);
            }
        }
        kj_q_statement(d, ms, vp + vl, ms, se);
        i = vp + vl - 1;
    }
}
