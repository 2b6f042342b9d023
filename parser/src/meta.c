/*
 * meta.c -- the article's own metadata: lead credit and dateline at the top,
 * trailer lines at the bottom (原題, credits, ©, URL, sign-off).
 *
 * Works on the normalized text, line by line from each end, and leaves
 * [d->body_ns, d->body_ne) as the span between lead and trailer. Agencies
 * and credit labels come from parser/data/agencies.txt and credits.txt.
 * Every scan is bounded: at most LEAD_LINES lines from the top and
 * TRAILER_LINES from the bottom, each looked at once.
 */
#define _GNU_SOURCE /* memrchr */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kj.h"

#define LEAD_LINES 3
#define TRAILER_LINES 12
#define LINK_LINES 8
#define LINK_BYTES 4096

typedef struct pair {
    const char *key;
    size_t klen;
    const char *val; /* points into the word list line, after the tab */
} pair;

struct kj_meta_data {
    pair *agencies;
    size_t nagencies;
    pair *credits;
    size_t ncredits;
};

static pair *load_pairs(const char *name, size_t *n)
{
    const kj_wordlist *wl = kj_wordlist_get(name);
    if (!wl)
        return NULL;
    pair *v = calloc(wl->n ? wl->n : 1, sizeof *v);
    if (!v)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < wl->n; i++) {
        const char *tab = strchr(wl->lines[i], '\t');
        if (!tab)
            continue;
        v[k].key = wl->lines[i];
        v[k].klen = (size_t)(tab - wl->lines[i]);
        v[k].val = tab + 1;
        k++;
    }
    *n = k;
    return v;
}

int kj_meta_init(kiji_parser *p)
{
    p->meta = calloc(1, sizeof *p->meta);
    if (!p->meta)
        return KIJI_ERR_NOMEM;
    p->meta->agencies = load_pairs("agencies", &p->meta->nagencies);
    p->meta->credits = load_pairs("credits", &p->meta->ncredits);
    if (!p->meta->agencies || !p->meta->credits)
        return KIJI_ERR_NOMEM;
    return KIJI_OK;
}

void kj_meta_free(kiji_parser *p)
{
    if (!p->meta)
        return;
    free(p->meta->agencies);
    free(p->meta->credits);
    free(p->meta);
    p->meta = NULL;
}

/* The longest agency credit that s[0, n) equals exactly (whole), or that it
 * ends with (suffix) when suffix is true. Returns the pair or NULL. */
static const pair *agency_match(const kiji_doc *d, const char *s, size_t n, bool suffix,
                                size_t *klen)
{
    const struct kj_meta_data *m = d->p->meta;
    const pair *best = NULL;
    for (size_t i = 0; i < m->nagencies; i++) {
        const pair *a = &m->agencies[i];
        if (a->klen > n)
            continue;
        bool hit = suffix ? memcmp(s + n - a->klen, a->key, a->klen) == 0
                          : (a->klen == n && memcmp(s, a->key, n) == 0);
        if (hit && (!best || a->klen > best->klen))
            best = a;
    }
    if (best && klen)
        *klen = best->klen;
    return best;
}

static void set_agency(kiji_doc *d, const pair *a, const char *credit, size_t clen)
{
    if (d->agency)
        return;
    d->agency = a->val;
    d->credit = kj_strndup(d, credit, clen);
}

static size_t line_end(const kiji_doc *d, size_t s)
{
    const char *nl = memchr(d->norm + s, '\n', d->norm_len - s);
    return nl ? (size_t)(nl - d->norm) : d->norm_len;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

static const char *find_lit(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    if (m > n)
        return NULL;
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, lit, m) == 0)
            return s + i;
    return NULL;
}

static void credit_names(kiji_doc *d, const char *role, const char *s, size_t n);

/* A byline line "By Jane Doe" / "By Jane Doe and John Roe": 2-4 capitalized
 * words per name, nothing else on the line. Adds writing credits. */
static bool byline(kiji_doc *d, size_t s, size_t e)
{
    const char *t = d->norm;
    while (s < e && (t[s] == ' ' || t[s] == '\t'))
        s++;
    while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t'))
        e--;
    if (e - s < 6 || e - s > 120 || !kj_at(t, e, s, "By "))
        return false;
    size_t i = s + 3;
    int words = 0;
    while (i < e) {
        size_t w = i;
        if (kj_at(t, e, i, "and ")) {
            if (words < 2)
                return false;
            words = 0;
            i += 4;
            continue;
        }
        if (!(t[i] >= 'A' && t[i] <= 'Z'))
            return false;
        while (i < e && t[i] != ' ' && t[i] != ',') {
            char c = t[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' ||
                  c == '\''))
                return false;
            i++;
        }
        if (i == w || ++words > 4)
            return false;
        while (i < e && (t[i] == ' ' || t[i] == ','))
            i++;
    }
    if (words < 2)
        return false;
    credit_names(d, "writing", t + s + 3, e - s - 3);
    return true;
}

/* Lead credit at the start of line [s, e). Returns the body start (after the
 * credit) or s when the line has none. */
static size_t lead_credit(kiji_doc *d, size_t s, size_t e)
{
    const char *t = d->norm;
    size_t i = s;
    while (i < e && (t[i] == ' ' || t[i] == '\t'))
        i++;
    /* (ブルームバーグ): / (ロイター) */
    if (i < e && t[i] == '(') {
        const char *close = memchr(t + i, ')', e - i);
        if (close && (size_t)(close - t) - i - 1 <= 64) {
            size_t cs = i + 1, ce = (size_t)(close - t);
            const pair *a = agency_match(d, t + cs, ce - cs, false, NULL);
            if (a) {
                set_agency(d, a, t + cs, ce - cs);
                size_t b = ce + 1;
                while (b < e && (t[b] == ':' || t[b] == ' ' || t[b] == '-'))
                    b++;
                return b;
            }
        }
    }
    /* 【ワシントン共同】 */
    if (kj_at(t, e, i, "【")) {
        const char *close = find_lit(t + i, e - i < 128 ? e - i : 128, "】");
        if (close) {
            size_t cs = i + strlen("【"), ce = (size_t)(close - t), klen = 0;
            const pair *a = agency_match(d, t + cs, ce - cs, true, &klen);
            if (a) {
                set_agency(d, a, t + ce - klen, klen);
                return ce + strlen("】");
            }
        }
    }
    /* [東京 5日 ロイター] - */
    if (i < e && t[i] == '[') {
        const char *close = memchr(t + i, ']', e - i);
        if (close && (size_t)(close - t) - i <= 96) {
            size_t cs = i + 1, ce = (size_t)(close - t), klen = 0;
            const pair *a = agency_match(d, t + cs, ce - cs, true, &klen);
            if (a) {
                set_agency(d, a, t + ce - klen, klen);
                const char *sp = memchr(t + cs, ' ', ce - cs);
                if (sp) {
                    int day = atoi(sp + 1);
                    if (day >= 1 && day <= 31 && find_lit(sp, (size_t)(t + ce - sp), "日"))
                        d->dl_day = day;
                }
                size_t b = ce + 1;
                while (b < e && (t[b] == ' ' || t[b] == '-'))
                    b++;
                return b;
            }
        }
    }
    /* TOKYO (Reuters) - / CHICAGO, Feb 26 (Reuters) - / Caracas, feb 26 -:
     * a place in capitals, or capitalized (mixed) when a day follows */
    size_t j = i;
    while (j < e && j - i < 64 && ((t[j] >= 'A' && t[j] <= 'Z') || t[j] == ' ' || t[j] == '.' ||
                                   t[j] == '\'' || t[j] == '-'))
        j++;
    bool mixed = false;
    if (j > i && j < e && t[j] >= 'a' && t[j] <= 'z') {
        /* a capitalized place up to a comma near the line start; most lines
         * have none, so memchr finds it before the letters are read */
        const char *cm = memchr(t + i, ',', e - i < 40 ? e - i : 40);
        size_t c = cm ? (size_t)(cm - t) : j;
        while (j < c && ((t[j] >= 'A' && t[j] <= 'Z') || (t[j] >= 'a' && t[j] <= 'z') ||
                         t[j] == ' ' || t[j] == '.' || t[j] == '\'' || t[j] == '-'))
            j++;
        if (j < c || !cm)
            return s;
        mixed = true;
    }
    if (j - i >= 2) {
        size_t k = j;
        static const char *const mon[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
        /* WESTPORT, Conn., Feb 26 - / CALGARY, Alberta, March 2 -: a state,
         * province or country between the place and its month, capitalized
         * words up to a comma at most 24 bytes on; kept only when a day
         * follows it. An abbreviation's period may end the part instead of
         * a comma (RICHMOND, Va. Feb 26 -): then the month starts one
         * space after it. */
        size_t k0 = k, m0 = k + 2; /* m0: where the day or month starts */
        if (k + 3 < e && t[k] == ',' && t[k + 1] == ' ' && t[k + 2] >= 'A' && t[k + 2] <= 'Z') {
            size_t r = k + 2, dot = 0;
            while (r < e && r - k < 26 &&
                   ((t[r] >= 'A' && t[r] <= 'Z') || (t[r] >= 'a' && t[r] <= 'z') || t[r] == '.' ||
                    (t[r] == ' ' && r + 1 < e && t[r + 1] >= 'A' && t[r + 1] <= 'Z'))) {
                if (!dot && t[r] == '.' && r + 1 < e && t[r + 1] == ' ')
                    dot = r + 1;
                r++;
            }
            if (r + 2 < e && t[r] == ',' && t[r + 1] == ' ')
                k = r, m0 = r + 2;
            else if (dot)
                k = dot, m0 = dot + 1;
        }
        if (m0 < e && (m0 == k + 1 || (t[k] == ',' && t[k + 1] == ' '))) {
            /* the day first or after the month (AMSTERDAM, 2 March -;
             * CHICAGO, March  2 -) */
            size_t ms = m0, q;
            int day = 0;
            if (kj_is_digit((unsigned char)t[ms])) {
                day = atoi(t + ms);
                while (ms < e && ms - m0 < 2 && kj_is_digit((unsigned char)t[ms]))
                    ms++;
                if (ms < e && t[ms] == ' ')
                    ms++;
                else
                    day = 0;
            }
            for (int m = 0; m < 12 && ms + 3 < e && (day || ms == m0); m++) {
                /* the month in any case (NEW YORK, march 2 -; MARCH 2;
                 * FEb 26, a typing slip) */
                if ((t[ms] | 0x20) != mon[m][0] || (t[ms + 1] | 0x20) != mon[m][1] ||
                    (t[ms + 2] | 0x20) != mon[m][2])
                    continue;
                q = ms + 3;
                while (q < e && q - ms < 10 && ((t[q] >= 'a' && t[q] <= 'z') || (t[q] >= 'A' && t[q] <= 'Z') ||
                                 t[q] == '.'))
                    q++;
                if (!day) {
                    size_t dg = q;
                    while (dg < e && dg - q < 2 && t[dg] == ' ')
                        dg++;
                    if (dg > q && dg < e && kj_is_digit((unsigned char)t[dg])) {
                        day = atoi(t + dg);
                        q = dg;
                        while (q < e && kj_is_digit((unsigned char)t[q]))
                            q++;
                    }
                }
                if (day >= 1 && day <= 31) {
                    d->dl_month = m + 1;
                    d->dl_day = day;
                    d->dl_mpos = ms + 1;
                    k = q;
                }
                break;
            }
        }
        if (!d->dl_day)
            k = k0;
        if (mixed && !d->dl_day)
            return s; /* "Officials said (Reuters) -" is no dateline */
        while (k < e && t[k] == ' ')
            k++;
        if (k < e && t[k] == '(') {
            const char *close = memchr(t + k, ')', e - k);
            if (close && (size_t)(close - t) - k <= 40) {
                size_t cs = k + 1, ce = (size_t)(close - t);
                const pair *a = agency_match(d, t + cs, ce - cs, false, NULL);
                if (a) {
                    set_agency(d, a, t + cs, ce - cs);
                    k = ce + 1;
                }
            }
        }
        while (k < e && t[k] == ' ')
            k++;
        if (k < e && (t[k] == '-' || kj_at(t, e, k, "—") || kj_at(t, e, k, "–")) &&
            (d->dl_day || d->agency)) {
            k += (size_t)kj_u8_len((unsigned char)t[k]);
            while (k < e && t[k] == ' ')
                k++;
            return k;
        }
        d->dl_month = 0;
        d->dl_day = 0;
        d->dl_mpos = 0;
    }
    return s;
}

static void add_credit(kiji_doc *d, const char *role, const char *name, size_t n)
{
    while (n > 0 && (name[n - 1] == '.' || name[n - 1] == ' ' || name[n - 1] == ','))
        n--;
    while (n > 0 && (*name == ' ' || *name == ':')) {
        name++;
        n--;
    }
    if (n == 0 || n > 128)
        return;
    /* doubling: a line of thousands of credits grows the list in linear
     * time and arena (one more slot at a time copied it for every credit;
     * fuzz/regressions/quadratic/credit-line-repeated) */
    if (d->ncredits == d->credits_cap) {
        size_t cap = d->credits_cap ? d->credits_cap * 2 : 8;
        d->credits = kj_grow_raw(d, d->credits, d->ncredits, cap, sizeof *d->credits);
        d->credits_cap = cap;
    }
    d->credits[d->ncredits].role = role;
    d->credits[d->ncredits].name = kj_strndup(d, name, n);
    d->ncredits++;
}

/* Names after a credit label, up to the end of the segment: split on 、 , ;
 * " and ". */
static void credit_names(kiji_doc *d, const char *role, const char *s, size_t n)
{
    size_t i = 0, st = 0;
    while (i <= n) {
        size_t cut = 0;
        if (i == n)
            cut = 1;
        else if (kj_at(s, n, i, "、"))
            cut = strlen("、");
        else if (s[i] == ',' || s[i] == ';')
            cut = 1;
        else if (kj_at(s, n, i, " and "))
            cut = 5;
        if (cut) {
            add_credit(d, role, s + st, i - st);
            i += cut;
            st = i;
            if (i >= n)
                break;
        } else {
            i++;
        }
    }
}

static bool is_url_token(const char *s, size_t n)
{
    if (n < 4 || n > 512)
        return false;
    size_t i = 0;
    if (kj_at(s, n, 0, "https://"))
        i = 8;
    else if (kj_at(s, n, 0, "http://"))
        i = 7;
    size_t dots = 0, host_end = n;
    for (size_t k = i; k < n; k++) {
        char c = s[k];
        if (c == '/') {
            host_end = k;
            break;
        }
        if (c == '.') {
            /* every host label holds a character: "...JR" is an ellipsis */
            if (k == i || s[k - 1] == '.')
                return false;
            dots++;
        } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '-'))
            return false;
    }
    if (dots == 0)
        return false;
    /* the top-level domain is letters */
    size_t k = host_end;
    size_t letters = 0;
    while (k > i && s[k - 1] != '.') {
        char c = s[k - 1];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return false;
        letters++;
        k--;
    }
    return letters >= 2;
}

/* Does the line starting at s begin, after blanks, with lit? */
static bool line_starts(const kiji_doc *d, size_t s, size_t e, const char *lit)
{
    while (s < e && (d->norm[s] == ' ' || d->norm[s] == '\t'))
        s++;
    return kj_at(d->norm + s, e - s, 0, lit);
}

/* Is the trailer line [s, e) part of a list of links to other pages?
 * Japanese portals end an article with 【関連記事】 or ■関連情報 and bullet
 * lines (・headline), each with its URL on the line or the next one: those
 * URLs name other articles, not this one's source (cases/ja/meta).
 * Looks up at most LINK_LINES lines and LINK_BYTES bytes above s. */
static bool link_list_line(kiji_doc *d, size_t s, size_t e)
{
    if (line_starts(d, s, e, "・"))
        return true;
    size_t ls = s, scanned = 0;
    bool first = true;
    for (int ln = 0; ln < LINK_LINES && ls > d->body_ns && scanned < LINK_BYTES; ln++) {
        size_t le = ls - 1; /* the newline ending the line above */
        /* the line's start, past the last line break before le, within
         * the bytes left to scan */
        size_t n = le - d->body_ns < LINK_BYTES - scanned ? le - d->body_ns : LINK_BYTES - scanned;
        const char *nl = memrchr(d->norm + le - n, '\n', n);
        ls = nl ? (size_t)(nl - d->norm) + 1 : le - n;
        scanned += le - ls;
        d->work += le - ls;
        if (blank(d->norm + ls, le - ls))
            continue;
        if (line_starts(d, ls, le, "【関連") || line_starts(d, ls, le, "■関連"))
            return true;
        /* the headline line just above a bare URL */
        if (first && line_starts(d, ls, le, "・"))
            return true;
        first = false;
    }
    return false;
}

/* Look for a URL token in [s, e); returns whether there is one, sets
 * *us, *ue to it, and *listed when the line belongs to a list of links.
 * The caller keeps it only for a line that is trailer material. */
static bool find_url(kiji_doc *d, size_t s, size_t e, size_t *us, size_t *ue, bool *listed)
{
    *us = *ue = 0;
    *listed = false;
    const char *t = d->norm;
    size_t i = s;
    while (i < e) {
        /* a token (a run of ASCII but the space) holding no dot is none:
         * go to the token of the next dot, from its start (back to i at
         * most: each byte is read about twice in all) */
        const char *dot = memchr(t + i, '.', e - i);
        if (!dot)
            break;
        size_t st = (size_t)(dot - t);
        while (st > i && t[st - 1] != ' ' && (unsigned char)t[st - 1] < 0x80)
            st--;
        i = (size_t)(dot - t) + 1;
        while (i < e && t[i] != ' ' && (unsigned char)t[i] < 0x80)
            i++;
        size_t en = i;
        while (en > st && (t[en - 1] == '.' || t[en - 1] == ','))
            en--;
        /* a URL's host holds a dot (is_url_token): a token without one
         * (most words of a trailer line) is none */
        if (en > st && memchr(t + st, '.', en - st) && is_url_token(t + st, en - st)) {
            *us = st;
            *ue = en;
            *listed = link_list_line(d, s, e);
            return true;
        }
    }
    return false;
}

/* total 55.8 (33.7).        REUTER: a sign-off set after a run of four
 * spaces or more at the end of the last line of text (a table's last row)
 * is the agency's, and the body ends before the spaces. */
static void signoff_in_line(kiji_doc *d, size_t s, size_t e)
{
    const char *t = d->norm;
    while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t'))
        e--;
    size_t w = e;
    while (w > s && e - w <= 16 && t[w - 1] != ' ')
        w--;
    size_t sp = w;
    while (sp > s && t[sp - 1] == ' ')
        sp--;
    if (w - sp < 4 || sp == s || e - w > 16)
        return;
    for (size_t i = w; i < e; i++)
        if (t[i] < 'A' || t[i] > 'Z')
            return; /* the sign-off is written in capitals */
    const pair *a = agency_match(d, t + w, e - w, false, NULL);
    if (!a)
        return;
    set_agency(d, a, t + w, e - w);
    d->body_ne = sp;
}

/* Is the line l[0, n), holding a domain at [us, ue), a sentence of running
 * text that names a site ("Rounding out the list were Example.com and
 * Target at 6 percent each.") rather than a trailer line ("Read more at
 * example.com", a line that is just a URL)? It is when it ends with a full
 * stop after a word past the domain, and holds a run of three
 * lower-case words outside the domain (a clause: "points to the rise"), in
 * six words or more. A credit written as such a sentence ("First published
 * on example.com with our thanks.") reads the same and stays in the body. */
static bool running_text(const char *l, size_t n, size_t us, size_t ue)
{
    if (n < 2 || l[n - 1] != '.')
        return false;
    size_t w = n - 1;
    while (w > 0 && ((l[w - 1] >= 'a' && l[w - 1] <= 'z') || (l[w - 1] >= 'A' && l[w - 1] <= 'Z') ||
                     kj_is_digit((unsigned char)l[w - 1])))
        w--;
    /* the last word is letters or digits ("each.", "in 2009."), a whole
     * token after the domain; a telephone number (555-0100.) is not */
    if (n - 1 - w < 2 || (w > 0 && l[w - 1] != ' ') || w < ue)
        return false;
    size_t words = 0, run = 0, best = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && l[i] == ' ')
            i++;
        size_t ws = i;
        while (i < n && l[i] != ' ')
            i++;
        if (i == ws)
            break;
        words++;
        /* a lower-case word: letters, perhaps with a closing comma or
         * full stop, outside the domain */
        size_t we = i;
        if (we > ws && (l[we - 1] == ',' || l[we - 1] == '.'))
            we--;
        bool lower = we > ws && (ws >= ue || i <= us);
        for (size_t k = ws; lower && k < we; k++)
            lower = l[k] >= 'a' && l[k] <= 'z';
        run = lower ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best >= 3 && words >= 6;
}

/* One trailer line [s, e). Returns true if it is trailer material.
 * *url_seen says a line below already held a URL. */
static bool trailer_line(kiji_doc *d, size_t s, size_t e, bool *url_seen)
{
    const char *t = d->norm;
    const struct kj_meta_data *m = d->p->meta;
    while (s < e && (t[s] == ' ' || t[s] == '\t'))
        s++;
    while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t'))
        e--;
    size_t n = e - s;
    const char *l = t + s;
    if (kj_at(l, n, 0, "原題:") || kj_at(l, n, 0, "原文:")) {
        size_t a = strlen("原題:"), b = n;
        bool changed = true;
        while (changed) {
            changed = false;
            while (b > a && l[b - 1] == ' ')
                b--;
            if (b >= a + strlen("(抜粋)") && kj_before(l, b, "(抜粋)")) {
                d->title_excerpt = true;
                b -= strlen("(抜粋)");
                changed = true;
            } else if (b > a + 9 && kj_before(l, b, "(excerpt)")) {
                d->title_excerpt = true;
                b -= 9;
                changed = true;
            } else if (b > a + 2 && l[b - 1] == ')') {
                size_t k = b - 1;
                while (k > a && kj_is_digit((unsigned char)l[k - 1]) && b - k < 5)
                    k--;
                if (k < b - 1 && k > a && l[k - 1] == '(') {
                    d->title_revision = atoi(l + k);
                    b = k - 1;
                    changed = true;
                }
            }
        }
        while (b > a && l[b - 1] == ' ')
            b--;
        if (b > a)
            d->title_original = kj_strndup(d, l + a, b - a);
        return true;
    }
    if (kj_at(l, n, 0, "©") || kj_at(l, n, 0, "(C)") || kj_at(l, n, 0, "Copyright")) {
        d->copyright = kj_strndup(d, l, n);
        return true;
    }
    /* sign-off: " REUTER", or " REUTER..." with the wire's
     * continuation dots (the credit is the word without them) */
    {
        size_t an = n;
        while (an > 0 && n - an < 3 && l[an - 1] == '.')
            an--;
        if (an < n && n - an != 3)
            an = n;
        const pair *a = agency_match(d, l, an, false, NULL);
        if (a && an <= 16) {
            set_agency(d, a, l, an);
            return true;
        }
    }
    bool any = false;
    size_t i = 0;
    while (i < n && (l[i] == '-' || l[i] == ' ' || l[i] == '(' || kj_at(l, n, i, "—"))) {
        i += kj_at(l, n, i, "—") ? strlen("—") : 1;
    }
    /* credit labels: 取材協力:Name. / (Reporting by X; Editing by Y) */
    for (size_t seg = i; seg < n;) {
        const pair *best = NULL;
        for (size_t k = 0; k < m->ncredits; k++) {
            const pair *c = &m->credits[k];
            if (kj_at(l, n, seg, "") && c->klen <= n - seg && memcmp(l + seg, c->key, c->klen) == 0 &&
                (!best || c->klen > best->klen))
                best = &m->credits[k];
        }
        if (!best)
            break;
        size_t ns = seg + best->klen;
        if (ns < n && l[ns] == ':')
            ns++;
        /* The names end at ; or ) or a full stop, or where Latin names give
         * way to Japanese text (".もっと読むにはこちら"). */
        size_t ne = ns;
        bool latin = ns < n && (unsigned char)l[ns] < 0x80;
        while (ne < n) {
            unsigned char c = (unsigned char)l[ne];
            if (c == ';' || c == ')' || kj_at(l, n, ne, "。"))
                break;
            if (c == '.' && (ne + 1 >= n || (unsigned char)l[ne + 1] >= 0x80))
                break;
            if (c >= 0x80 && latin && !kj_at(l, n, ne, "、"))
                break;
            ne += (size_t)kj_u8_len(c);
        }
        if (ne > n)
            ne = n;
        credit_names(d, best->val, l + ns, ne - ns);
        any = true;
        seg = ne;
        while (seg < n && (l[seg] == ';' || l[seg] == ' ' || l[seg] == '.' || l[seg] == ')'))
            seg++;
    }
    size_t us = 0, ue = 0;
    bool listed = false;
    bool url_here = !*url_seen && find_url(d, s, e, &us, &ue, &listed);
    if (url_here)
        *url_seen = true;
    /* a line that is just a link block such as "もっと読むにはこちら url";
     * in a longer line only a link written out with its scheme
     * ("次のURLをご確認ください。 http://…") is the source, and a bare
     * domain inside a body paragraph ("asahi.com『見出し』。朝日新聞社、")
     * names a cited page, not this article; so does a domain in a
     * sentence of running text, which ends the trailer */
    bool trailer = any || (url_here && n < 200 && !running_text(l, n, us - s, ue - s));
    if (url_here && !listed &&
        (trailer || kj_at(t + us, ue - us, 0, "http://") || kj_at(t + us, ue - us, 0, "https://")))
        d->url = kj_strndup(d, t + us, ue - us);
    return trailer;
}

void kj_metadata(kiji_doc *d)
{
    const char *t = d->norm;
    size_t len = d->norm_len;
    d->dl_month = d->dl_day = 0;
    d->dl_mpos = 0;
    d->body_ns = 0;
    d->body_ne = len;

    /* Lead: the credit may follow a headline line, so try the first lines. */
    size_t s = 0;
    for (int ln = 0; ln < LEAD_LINES && s < len; ln++) {
        size_t e = line_end(d, s);
        d->work += e - s;
        if (!blank(t + s, e - s)) {
            if (d->lang == KJ_LANG_EN && byline(d, s, e)) {
                d->body_ns = e < len ? e + 1 : e;
                s = e + 1;
                continue;
            }
            size_t b = lead_credit(d, s, e);
            if (b != s) {
                d->body_ns = b;
                break;
            }
        }
        s = e + 1;
    }

    /* Trailer: lines from the end while they are trailer material. */
    size_t e = len;
    bool url_seen = false;
    for (int ln = 0; ln < TRAILER_LINES && e > d->body_ns; ln++) {
        /* the line's start: past the last line break before e */
        const char *nl = memrchr(t + d->body_ns, '\n', e - d->body_ns);
        size_t ls = nl ? (size_t)(nl - t) + 1 : d->body_ns;
        d->work += e - ls;
        if (!blank(t + ls, e - ls)) {
            if (!trailer_line(d, ls, e, &url_seen)) {
                if (d->body_ne == len)
                    signoff_in_line(d, ls, e);
                break;
            }
            d->body_ne = ls;
        }
        if (ls == 0)
            break;
        e = ls - 1;
    }

    /* Publication date fallback: dateline day with copyright year. */
    if (!d->pub_y) {
        int year = 0;
        if (d->copyright) {
            const char *c = d->copyright;
            for (; *c; c++) {
                if (kj_is_digit((unsigned char)c[0]) && kj_is_digit((unsigned char)c[1]) &&
                    kj_is_digit((unsigned char)c[2]) && kj_is_digit((unsigned char)c[3])) {
                    year = atoi(c);
                    break;
                }
            }
        }
        if (year >= 1900 && year <= 2999) {
            d->pub_y = year;
            d->pub_source = "copyright";
            if (d->dl_month && d->dl_day) {
                d->pub_m = d->dl_month;
                d->pub_d = d->dl_day;
                d->pub_source = "dateline";
            }
        }
    }
}
