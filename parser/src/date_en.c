/*
 * date_en.c -- the English temporal scanner: March 13, 2025; 13 March 2025;
 * Mar. 13; 2025-03-13; on Friday; last week; earlier this month; Q2; fiscal
 * 2025; mid-2011; the end of last year; 3 p.m. ET; 1213 GMT; two weeks ago;
 * for 10 years; almost nine years; annually.
 *
 * Matching runs on an ASCII-lowercased copy of d->norm (same offsets); case
 * is looked up in the original where it matters (May the month vs may the
 * verb). Only word starts are tried, each with a bounded look-ahead, so the
 * pass is linear.
 */
#include "rec_date.h"
#include "rec_numeric.h"
#include "rec_entity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

/* The last word and number-word lookups: the parts of a date ask for the
 * word at one position several times. */
typedef struct ecache {
    size_t wpos, wn;
    const kj_dword *ww;
    size_t npos, nend;
    int64_t nv;
    int nnd;
    bool nok;
    /* num at the last digit asked about: its answer and what it read */
    size_t dpos, dend;
    int64_t dv;
    int dnd;
    bool dok;
    /* the word try_at was started at, and whether it may start a number */
    size_t wnpos;
    bool wnum;
} ecache;

typedef struct ep {
    kj_dctx *c;
    const char *s, *lc;
    size_t len;
    ecache *k;
    bool caseless; /* the text has no capital letter (chat, captions, queries) */
    size_t cued;   /* a clock may start here as after "at" (right after a day) */
    size_t mcue;   /* a bare abbreviated month may start here (a month range's end) */
    size_t rfree;  /* a numeric date may start here after a dash (a range's end) */
    size_t dclk;   /* a clock range of bare hours may start here (right after its day) */
    int half;      /* does "and a half" occur in the text: 1, 0, -1 not yet looked for */
    bool every;    /* tests only: try every word start (dd->en_try_every) */
} ep;

static bool alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* Is the word at i capitalized, or is the text one where case says
 * nothing (no capital letter anywhere in it)? */
static bool cap(const ep *p, size_t i)
{
    return p->caseless || (p->s[i] >= 'A' && p->s[i] <= 'Z');
}

static char ch(const ep *p, size_t i)
{
    return i < p->len ? p->lc[i] : '\0';
}

static bool alnum_at(const ep *p, size_t i)
{
    return alpha(ch(p, i)) || digit(ch(p, i));
}

static bool wd_n(const ep *p, size_t i, const char *lit, size_t n, size_t *e)
{
    if (i + n > p->len)
        return false;
    /* the literals are short and most differ within a few bytes: a loop,
     * not a call of memcmp */
    for (size_t k = 0; k < n; k++)
        if (p->lc[i + k] != lit[k])
            return false;
    if (alpha(ch(p, i + n)) || (digit(ch(p, i + n)) && alpha(lit[n - 1])))
        return false;
    *e = i + n;
    return true;
}

/* lit (lowercase) at i, ending at a word boundary. Inlined at every call:
 * most tries fail on the first two letters (tested here, as wd_n would:
 * a literal of two letters or more needs i + 1 < len), and the literal's
 * length folds. */
static inline __attribute__((always_inline)) bool wd(const ep *p, size_t i, const char *lit,
                                                     size_t *e)
{
    return i < p->len && p->lc[i] == lit[0]
        && (__builtin_strlen(lit) < 2 || (i + 1 < p->len && p->lc[i + 1] == lit[1]))
        && wd_n(p, i, lit, __builtin_strlen(lit), e);
}

/* Skip spaces (and one line break: "the same\nyear-ago period"). */
static size_t sp(const ep *p, size_t i)
{
    size_t k = i;
    while (k < p->len && k - i < 8 && (p->lc[k] == ' ' || p->lc[k] == '\n' || p->lc[k] == '\t'))
        k++;
    return k;
}

/* The word ending at b (a letter before b) starts at *w; false for none
 * or one longer than 16 letters. */
static bool wd_ending_at(const ep *p, size_t b, size_t *w)
{
    size_t a = b;
    while (a > 0 && b - a < 17 && alpha(p->lc[a - 1]))
        a--;
    if (a == b || b - a > 16 || (a > 0 && (digit(p->lc[a - 1]) || p->lc[a - 1] == '-')))
        return false;
    *w = a;
    return true;
}

/* A weekday right after a verb in the past tense, with or without "on"
 * (launched on Tuesday, said Tuesday), is the one just past, however far
 * (GUIDELINES: past tense -> past): kj_dt_weekday's four-day tip would make
 * it next week's. A participle of a plan (scheduled, expected, set) or a
 * passive (be / been launched) names no past event. */
/* The kind (KJ_WV_*) of the word [w, b) in en/weekday_verbs, 0 for none;
 * the word ends at b (no letter or digit there), as wd reads a literal. */
static int wverb(const ep *p, size_t w, size_t b)
{
    int32_t v;
    if (alpha(ch(p, b)) || digit(ch(p, b)) || !kj_dict_get(p->c->dd->wverbs, p->lc + w, b - w, &v))
        return 0;
    return (int)v;
}

static void past_weekday(const ep *p, kj_tx *t, size_t i)
{
    kj_dctx *c = p->c;
    if (!c->py || !t->y || kj_days(t->y, t->m, t->d) <= kj_days(c->py, c->pm, c->pd) ||
        kj_dt_future(c, i))
        return;
    size_t b = i, w;
    while (b > 0 && p->lc[b - 1] == ' ')
        b--;
    if (b >= 3 && p->lc[b - 1] == 'n' && p->lc[b - 2] == 'o' && wd_ending_at(p, b, &w) && w == b - 2) {
        b = w;
        while (b > 0 && p->lc[b - 1] == ' ')
            b--;
    }
    if (!wd_ending_at(p, b, &w))
        return;
    /* a past form (-ed or irregular), not the participle of a plan */
    int kind = wverb(p, w, b);
    bool past = ((b - w >= 5 && p->lc[b - 1] == 'd' && p->lc[b - 2] == 'e') || kind == KJ_WV_PAST)
                && kind != KJ_WV_PLAN;
    /* to be launched, is staffed Saturday: a passive in the present or
     * to come (was replaced Sunday stays past) */
    size_t a = w, v;
    while (a > 0 && p->lc[a - 1] == ' ')
        a--;
    if (past && wd_ending_at(p, a, &v) && wverb(p, v, a) == KJ_WV_AUX)
        past = false;
    /* would be infused when markets opened on Friday: a modal earlier in
     * the sentence (240 bytes back at most) makes the clause a plan */
    for (size_t q = w; past && q > 0 && w - q < 240; q--) {
        char c0 = p->lc[q - 1];
        if (c0 == ';' || (c0 == '.' && (p->lc[q] == ' ' || p->lc[q] == '\n')))
            break;
        if (alpha(c0) && (q < 2 || !alpha(p->lc[q - 2]))) {
            size_t e = q - 1; /* a word longer than any modal ends past e */
            while (e < p->len && e - (q - 1) < 8 && alpha(p->lc[e]))
                e++;
            if (wverb(p, q - 1, e) == KJ_WV_MODAL)
                past = false;
        }
    }
    if (past)
        kj_dt_shift(t, KJ_G_DAY, -7);
}

/* A weekday after "would" earlier in its sentence (the budget would be
 * presented at a meeting on Thursday) is a plan reported in the
 * past: the day ahead within four days, as after "will", though the
 * sentence's "said" put it in the week just past (kj_dt_weekday). Not
 * "would have" (a past that did not happen) nor across ";", a sentence
 * end or a word that opens a clause of its own (since, before, when ...);
 * 240 bytes back at most. */
static void would_weekday(const ep *p, kj_tx *t, size_t i)
{
    kj_dctx *c = p->c;
    if (!c->py || !t->y)
        return;
    long pub = kj_days(c->py, c->pm, c->pd), z = kj_days(t->y, t->m, t->d);
    if (z >= pub || z + 7 - pub > 4)
        return;
    for (size_t q = i; q > 0 && i - q < 240; q--) {
        char c0 = p->lc[q - 1];
        if (c0 == ';' || (c0 == '.' && (p->lc[q] == ' ' || p->lc[q] == '\n')))
            return;
        size_t x;
        if (!alpha(c0) || (q >= 2 && alpha(p->lc[q - 2])))
            continue;
        /* a clause of its own between: a bid would come since a deal
         * was signed Friday */
        static const char *const subs[] = {"since", "before", "after", "when",
                                           "because", "while", "although", "but"};
        for (size_t k = 0; k < sizeof subs / sizeof *subs; k++)
            if (wd(p, q - 1, subs[k], &x))
                return;
        if (c0 == 'w' && wd(p, q - 1, "would", &x)) {
            if (wd(p, sp(p, x), "have", &x))
                return;
            kj_dt_shift(t, KJ_G_DAY, 7);
            return;
        }
    }
}

/* The look-up dword caches: the word entry at i. */
static void dword_fill(const ep *p, size_t i)
{
    ecache *k = p->k;
    k->wpos = i;
    k->wn = i < p->len ? kj_dt_word(p->c, true, i, &k->ww) : 0;
}

/* The word entry of this kind at i: its length, 0 for none. Inlined at
 * every call: most ask again at the same position and find no entry. */
static inline __attribute__((always_inline)) size_t dword(const ep *p, size_t i, int kind,
                                                         const kj_dword **w)
{
    ecache *k = p->k;
    if (k->wpos != i)
        dword_fill(p, i);
    size_t n = k->wn;
    const kj_dword *x = k->ww;
    if (!n || x->kind != kind || alpha(ch(p, i + n)))
        return 0;
    *w = x;
    return n;
}

/* Digits (1-4, optional st/nd/rd/th) or a number word. */
/* May a number start at i (i < len), by what precedes it? Not inside a
 * word or an amount ($5, 3.5, 1,200) nor as the 2 of 1⁄2 (½). */
static bool num_may_follow(const ep *p, size_t i)
{
    if (i > 0 && (digit(p->lc[i - 1]) || alpha(p->lc[i - 1]) || p->lc[i - 1] == '$'
                  || ((p->lc[i - 1] == '.' || p->lc[i - 1] == ',') && i > 1 && digit(p->lc[i - 2]))))
        return false;
    return !kj_before(p->lc, i, "\xe2\x81\x84");
}

/* num at a digit (i < len): at most six digits, then st / nd / rd / th. */
static bool num_at_digit(const ep *p, size_t i, int64_t *v, size_t *e, int *nd)
{
    if (!num_may_follow(p, i))
        return false;
    size_t k = i;
    int64_t x = 0;
    while (k < p->len && digit(p->lc[k]) && k - i < 6)
        x = x * 10 + (p->lc[k++] - '0');
    if (digit(ch(p, k)) || ((ch(p, k) == '.' || ch(p, k) == ',') && digit(ch(p, k + 1))))
        return false;
    *nd = (int)(k - i);
    if (wd(p, k, "st", e) || wd(p, k, "nd", e) || wd(p, k, "rd", e) || wd(p, k, "th", e))
        k = *e;
    *v = x;
    *e = k;
    return true;
}

static bool num(const ep *p, size_t i, int64_t *v, size_t *e, int *nd)
{
    if (i >= p->len)
        return false;
    /* digits: the readers ask about the same position in turn, so the
     * answer at the last one is kept (it depends on the text alone) */
    if (digit(p->lc[i])) {
        ecache *k = p->k;
        if (k->dpos != i) {
            k->dpos = i;
            k->dok = num_at_digit(p, i, &k->dv, &k->dend, &k->dnd);
        }
        if (!k->dok)
            return false;
        *v = k->dv;
        *e = k->dend;
        *nd = k->dnd;
        return true;
    }
    if (!num_may_follow(p, i))
        return false;
    if (!alpha(p->lc[i]))
        return false;
    ecache *k = p->k;
    if (k->wnpos == i && !k->wnum)
        return false;
    if (k->npos != i) {
        bool z;
        k->npos = i;
        k->nok = kj_dt_num(p->c, i, &k->nv, &k->nend, &k->nnd, &z);
    }
    if (!k->nok)
        return false;
    *v = k->nv;
    *e = k->nend;
    *nd = 0;
    return !alpha(ch(p, *e));
}

static int ordword(const ep *p, size_t i, size_t *e);
/* first .. fifth or 1st .. 5th at i (a whole word, as wd reads it), up to
 * max: its number, 0 for none (*e set only then). By the first byte, so
 * one test rules out most words (a loop over the literals tested each). */
static int nth_word(const ep *p, size_t i, int max, size_t *e)
{
    size_t x;
    int n = 0;
    switch (ch(p, i)) {
    case 'f':
        n = wd(p, i, "first", &x) ? 1 : wd(p, i, "fourth", &x) ? 4 : wd(p, i, "fifth", &x) ? 5 : 0;
        break;
    case 's':
        n = wd(p, i, "second", &x) ? 2 : 0;
        break;
    case 't':
        n = wd(p, i, "third", &x) ? 3 : 0;
        break;
    case '1':
        n = wd(p, i, "1st", &x) ? 1 : 0;
        break;
    case '2':
        n = wd(p, i, "2nd", &x) ? 2 : 0;
        break;
    case '3':
        n = wd(p, i, "3rd", &x) ? 3 : 0;
        break;
    case '4':
        n = wd(p, i, "4th", &x) ? 4 : 0;
        break;
    case '5':
        n = wd(p, i, "5th", &x) ? 5 : 0;
        break;
    }
    if (n == 0 || n > max)
        return 0;
    *e = x;
    return n;
}

static bool phrase_end(const ep *p, size_t q);
static int digits_at(const ep *p, size_t *k, size_t mx);
static bool spelled_year(const ep *p, size_t j, int *y, size_t *k);

/* A day spelled in words right after a month name at j (first,
 * twenty-first, the eleventh, twenty one) where the phrase ends after it,
 * its line ends before a capitalized word (a table's "Ended Jan four" over
 * its "Shr" row, as date_mdy reads a day in words) or a year in words
 * follows: the day, or 0. */
static int spelled_day(const ep *p, size_t j, size_t *e)
{
    size_t x;
    int64_t v;
    int nd;
    if (!alpha(ch(p, j)))
        return 0;
    if (wd(p, j, "the", &x)) {
        v = ordword(p, sp(p, x), e);
    } else if ((v = ordword(p, j, e)) == 0) {
        if (!num(p, j, &v, e, &nd) || nd != 0 || ch(p, *e) == '-')
            return 0;
    }
    size_t q = sp(p, *e), ye;
    int y;
    bool line_end = q < p->len && p->s[q] >= 'A' && p->s[q] <= 'Z' && memchr(p->s + *e, '\n', q - *e);
    if (v < 1 || v > 31 || !(phrase_end(p, q) || line_end || (q > *e && spelled_year(p, q, &y, &ye))))
        return 0;
    return (int)v;
}

/* Is the word right before the month at i, across one space or line
 * break, one of en/day_lead_words (on, by, effective, payable)? */
static bool day_lead(const ep *p, size_t i)
{
    size_t e = i;
    if (e > 0 && (p->lc[e - 1] == ' ' || p->lc[e - 1] == '\n'))
        e--;
    size_t b = e;
    while (b > 0 && e - b < 16 && alpha(p->lc[b - 1]))
        b--;
    return b < e && e < i && !(b > 0 && alnum_at(p, b - 1)) &&
           kj_dict_get(p->c->dd->day_lead, p->lc + b, e - b, NULL);
}

/* After "on" and a month ("on January eight by saying"), a word of
 * en/on_day_words at q ends the spelled day's phrase: a function word (by,
 * in, when) or the subject or verb of the clause it fronts ("on April one
 * will redeem", "on March one it said"); not "of": "on May two of them".
 * Other words of en/day_lead_words do as "on" does: "effective April one
 * when", "as of March One it". */
static bool on_day_word(const ep *p, size_t i, size_t q)
{
    /* or a verb in the past tense right before the month ("submitted
     * March one by", "was signed May two in"), as for weekdays */
    bool past = i >= 5 && p->lc[i - 1] == ' ' && kj_before(p->lc, i - 1, "ed") && alpha(p->lc[i - 4]) &&
                alpha(p->lc[i - 5]);
    if (!past && !day_lead(p, i))
        return false;
    /* the whole word at q, as wd reads a literal: no letter or digit
     * after it */
    size_t x = q;
    while (x < p->len && x - q < 16 && alpha(p->lc[x]))
        x++;
    return x > q && !alnum_at(p, x) && kj_dict_get(p->c->dd->on_day, p->lc + q, x - q, NULL);
}

/* A month name: full names anywhere (May and March only capitalized),
 * abbreviations only before a period or a number. */
static bool month(const ep *p, size_t i, int *m, size_t *e)
{
    const kj_dword *w;
    size_t n = dword(p, i, KJ_W_MONTHN, &w);
    if (!n)
        return false;
    size_t k = i + n;
    bool abbr = w->mod == 1, dayed = false;
    if (ch(p, k) == '.' && (abbr || (n == 4 && w->arg == 9))) {
        /* Mar. 13, Sept. 10: the period belongs to the abbreviation (not
         * to June or July at a sentence end) */
        k++;
    } else if (abbr) {
        size_t j = sp(p, k);
        const kj_dword *w2;
        /* Jan-Feb: an abbreviation before a dash and another month name;
         * Dec-2018, Dec/2018, Dec, 2018; from Sep to Nov; after its day
         * (1st Jan, 28-Nov) */
        size_t x, b = i;
        if (b > 0 && (p->lc[b - 1] == ' ' || p->lc[b - 1] == '-' || p->lc[b - 1] == '/'))
            b--;
        bool after_day = b < i && b > 0
                      && (digit(p->lc[b - 1])
                          || (b >= 3 && digit(p->lc[b - 3])
                              && (kj_before(p->lc, b, "st") || kj_before(p->lc, b, "nd")
                                  || kj_before(p->lc, b, "rd") || kj_before(p->lc, b, "th"))));
        /* in Jan, this Dec, the month of Oct, since Feb: after a word that
         * wants a period and before no capitalized word (in Mar del Plata,
         * in Jan Smith's film: only the end of the phrase or a function
         * word may follow); not after by or of (written by Jan) */
        bool cued = false;
        static const char *const mpre[] = {"in ",    "this ",  "last ",   "next ", "since ",
                                           "until ", "till ",  "during ", "early ", "late ",
                                           "mid-",   "from ",  "through ", "month of ", "after ",
                                           "before "};
        for (size_t q = 0; q < sizeof mpre / sizeof mpre[0] && !cued; q++)
            cued = kj_before(p->lc, i, mpre[q]);
        cued = cued || i == p->mcue;
        static const char *const mnext[] = {"and", "or", "to", "through", "until", "till",
                                            "of", "this", "last", "next", "when", "the",
                                            "for", "at", "with", "as", "but", "we", "i"};
        if (cued && alpha(ch(p, j))) {
            bool fw = false;
            for (size_t q = 0; q < sizeof mnext / sizeof mnext[0] && !fw; q++)
                fw = j > k && wd_n(p, j, mnext[q], strlen(mnext[q]), &x);
            cued = fw;
        }
        dayed = after_day || (j > k && spelled_day(p, j, &x) > 0);
        if (!dayed && !digit(ch(p, j)) && !cued
            && !(ch(p, k) == '-' && alpha(ch(p, k + 1)) && dword(p, k + 1, KJ_W_MONTHN, &w2) > 0)
            && !((ch(p, k) == '-' || ch(p, k) == '/') && digit(ch(p, k + 1)))
            && !(ch(p, k) == ',' && digit(ch(p, sp(p, k + 1))))
            && !((wd(p, j, "to", &x) || wd(p, j, "through", &x))
                 && dword(p, sp(p, x), KJ_W_MONTHN, &w2) > 0 && kj_before(p->lc, i, "from ")))
            return false;
    }
    if (!(p->s[i] >= 'A' && p->s[i] <= 'Z') && (w->arg == 5 || w->arg == 3 || abbr) &&
        p->c->d->dl_mpos != i + 1) {
        /* a text without capitals: may / march / jan are months before a
         * number or after in, of, since, until, by, early, late, mid, last,
         * next, this, from (not "it may rain", "they march on"); in the
         * dateline meta.c found (NEW YORK, march 2 -) in any text */
        size_t j = sp(p, k), x;
        /* in mixed case, lower-case march only after in early / in late /
         * in mid- (a line break after in too) and before no lower-case word ("in late march, it said";
         * not "came in late march on"): no verb fits there */
        size_t pl = kj_before(p->lc, i, "early ") ? 6
                  : kj_before(p->lc, i, "late ")  ? 5
                  : kj_before(p->lc, i, "mid-")   ? 4
                                                  : 0;
        bool part = pl && i >= pl + 3 && w->arg == 3 && !abbr && !alpha(ch(p, k))
                 && !(ch(p, j) >= 'a' && ch(p, j) <= 'z')
                 && (p->lc[i - pl - 1] == ' ' || p->lc[i - pl - 1] == '\n')
                 && kj_before(p->lc, i - pl - 1, "in") && (i == pl + 3 || !alpha(p->lc[i - pl - 4]));
        if (part)
            ;
        else if (!p->caseless
            || !(digit(ch(p, j)) || dayed || (j > k && spelled_day(p, j, &x) > 0)
                 || (i >= 2 && p->lc[i - 1] == '-' && digit(p->lc[i - 2]))
                 || ((ch(p, k) == '-' || ch(p, k) == '/') && digit(ch(p, k + 1))) || kj_before(p->lc, i, "in ") || kj_before(p->lc, i, "of ")
                 || kj_before(p->lc, i, "since ") || kj_before(p->lc, i, "until ")
                 || kj_before(p->lc, i, "by ") || kj_before(p->lc, i, "early ")
                 || kj_before(p->lc, i, "late ") || kj_before(p->lc, i, "mid-")
                 || kj_before(p->lc, i, "last ") || kj_before(p->lc, i, "next ")
                 || kj_before(p->lc, i, "this ") || kj_before(p->lc, i, "from ")))
            return false;
    }
    *m = w->arg;
    *e = k;
    return true;
}

/* num for the callers that want digits (nd >= 1): no number word is
 * looked up. */
static bool num_digits(const ep *p, size_t i, int64_t *v, size_t *e, int *nd)
{
    return digit(ch(p, i)) && num(p, i, v, e, nd);
}

static bool year4(const ep *p, size_t i, int *y, size_t *e)
{
    int64_t v;
    int nd;
    if (!num_digits(p, i, &v, e, &nd) || nd != 4 || v < 1800 || v > 2100 || alpha(ch(p, *e)))
        return false;
    if (ch(p, *e) == '%')
        return false;
    *y = (int)v;
    return true;
}

/* first .. thirty-first as a word at i: the day it names (0 = none). */
static int ordword(const ep *p, size_t i, size_t *e)
{
    static const char *const u[] = {"first",      "second",      "third",      "fourth",
                                    "fifth",      "sixth",       "seventh",    "eighth",
                                    "ninth",      "tenth",       "eleventh",   "twelfth",
                                    "thirteenth", "fourteenth",  "fifteenth",  "sixteenth",
                                    "seventeenth", "eighteenth", "nineteenth"};
    char c0 = ch(p, i);
    /* every literal (and twenty, thirty) begins with e, f, n, s or t */
    if (c0 != 'e' && c0 != 'f' && c0 != 'n' && c0 != 's' && c0 != 't')
        return 0;
    /* A match is a whole word (wd ends at a non-letter): twenty / thirty
     * before a dash or space, or a word ending in st, nd, rd or th. Any
     * other word (most of them) is none of the literals. */
    size_t we = i;
    while (we < p->len && we - i < 12 && alpha(p->lc[we]))
        we++;
    if (we - i != 6 || c0 != 't') {
        char a = we - i >= 2 ? p->lc[we - 2] : '\0', b = p->lc[we - 1];
        if (we - i >= 12
            || !((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd')
                 || (a == 't' && b == 'h')))
            return 0;
    }
    if (wd(p, i, "twentieth", e))
        return 20;
    if (wd(p, i, "thirtieth", e))
        return 30;
    int base = kj_at(p->lc, p->len, i, "twenty") ? 20 : kj_at(p->lc, p->len, i, "thirty") ? 30 : 0;
    if (base) {
        size_t k = i + 6;
        if (ch(p, k) != '-' && ch(p, k) != ' ')
            return 0;
        for (int q = 0; q < (base == 30 ? 1 : 9); q++)
            if (wd(p, k + 1, u[q], e))
                return base + q + 1;
        return 0;
    }
    for (int q = 0; q < 19; q++)
        if (c0 == u[q][0] && wd(p, i, u[q], e))
            return q + 1;
    return 0;
}

/* Digits with st / nd / rd / th ending at e: 4th, 21st. */
static bool suffixed(const ep *p, size_t e, int nd)
{
    return nd > 0 && e >= 2 && alpha(p->lc[e - 1]);
}

/* ", 1995" or "of 1995" after a date ending at e: the year and its end. */
static bool of_year(const ep *p, size_t e, int *y, size_t *k);
static bool possessive(const ep *p, size_t e);

/* "that year", "the same year", "that same year" at j, where the date
 * before has a year: its end in *k. */
static bool anaphoric_year(const ep *p, size_t j, size_t *k)
{
    size_t x;
    if (!p->c->has_last || !p->c->last.y)
        return false;
    if (wd(p, j, "that", &x)) {
        if (wd(p, sp(p, x), "same", &x) && !wd(p, sp(p, x), "year", &x))
            return false;
    } else if (!(wd(p, j, "the", &x) && wd(p, sp(p, x), "same", &x))) {
        return false;
    }
    if (!wd(p, sp(p, x), "year", k))
        return false;
    return ch(p, *k) != '\'' && ch(p, *k) != '-' && !kj_at(p->lc, p->len, *k, "\xe2\x80\x99");
}

/* A bare month in a list of bare months whose last one carries the year
 * (March, July and October last year; June and November 2011; May
 * and June of that year): that year, the same for
 * each. e is where the month ends; sets t's year. At most twelve months
 * are walked. */
static bool list_year(ep *p, size_t e, kj_tx *t)
{
    int m2, y;
    size_t x, k;
    for (int n = 0; n < 12; n++) {
        size_t j = e;
        if (ch(p, j) == ',')
            j++;
        if (j == e && ch(p, j) != ' ')
            return false;
        j = sp(p, j);
        if (wd(p, j, "and", &x) || wd(p, j, "or", &x))
            j = sp(p, x);
        else if (j == e || ch(p, e) != ',')
            return false;
        if (!month(p, j, &m2, &e) || (m2 == 5 && p->s[j] != 'M'))
            return false;
        size_t q = sp(p, e);
        if (q == e)
            continue;
        if (year4(p, q, &y, &k) ||
            ((wd(p, q, "of", &x) || wd(p, q, "in", &x)) && year4(p, sp(p, x), &y, &k))) {
            if (digit(ch(p, k)))
                return false;
            t->y = y - (t->m > m2 ? 1 : 0); /* December, January and February 2025 */
            t->yset = true;
            return true;
        }
        size_t r = q;
        if (wd(p, r, "of", &x))
            r = sp(p, x);
        int off = wd(p, r, "next", &x) ? 1 : wd(p, r, "last", &x) ? -1 : wd(p, r, "this", &x) ? 0 : 9;
        if (off != 9 && p->c->py && wd(p, sp(p, x), "year", &k) && ch(p, k) != '\'' &&
            ch(p, k) != '-' && !kj_at(p->lc, p->len, k, "\xe2\x80\x99")) {
            t->y = p->c->py + off - (t->m > m2 ? 1 : 0);
            t->rel = true;
            return true;
        }
        if (anaphoric_year(p, r, &k)) {
            t->y = p->c->last.y - (t->m > m2 ? 1 : 0);
            t->rel = true;
            return true;
        }
    }
    return false;
}

/* Month-based dates: March / March 13 / March 13, 2025 / March 2025. */
/* A bare month that ends a range opened by the date just before (from
 * April 1 to September, March 15 through June): the first such month not
 * before the start, whatever the tense (cases/en/date). Sets t's year;
 * false when no dated start ends right before "to". */
static bool range_end_month(ep *p, size_t i, kj_tx *t)
{
    const kj_dctx *c = p->c;
    if (!c->has_last || !c->last.y || !c->last.m || c->last_end >= i || i - c->last_end > 10)
        return false;
    static const char *const to[] = {" to ", " through ", " until ", " till ", NULL};
    for (int k = 0; to[k]; k++) {
        size_t n = strlen(to[k]);
        if (i - c->last_end == n && kj_at(p->lc, p->len, c->last_end, to[k])) {
            t->y = c->last.y + (t->m < c->last.m ? 1 : 0);
            t->rel = true;
            return true;
        }
    }
    return false;
}

static size_t date_month(ep *p, size_t i, kj_tx *t)
{
    int m, y;
    size_t e, j, k;
    int64_t v;
    int nd;
    if (!month(p, i, &m, &e))
        return 0;
    t->m = m;
    t->mset = true;
    t->grain = KJ_G_MONTH;
    j = sp(p, e);
    if (year4(p, j, &y, &k)) {
        t->y = y;
        t->yset = true;
        return k;
    }
    /* June of 1992, June in 1992, December, 2018, Dec-2018, Dec/2018 */
    if (((wd(p, j, "of", &k) || wd(p, j, "in", &k)) && year4(p, sp(p, k), &y, &k))
        || (j == e && (ch(p, e) == ',' || ch(p, e) == '-' || ch(p, e) == '/')
            && year4(p, ch(p, e) == ',' ? sp(p, e + 1) : e + 1, &y, &k) && !digit(ch(p, k))
            && ch(p, k) != '-' && ch(p, k) != '/')) {
        t->y = y;
        t->yset = true;
        return k;
    }
    /* June next year, March of last year: that month of that year */
    {
        size_t r = j, x;
        if (wd(p, r, "of", &x))
            r = sp(p, x);
        int off = wd(p, r, "next", &x) ? 1 : wd(p, r, "last", &x) ? -1 : wd(p, r, "this", &x) ? 0 : 9;
        if (off != 9 && p->c->py && wd(p, sp(p, x), "year", &k) && ch(p, k) != '\''
            && !kj_at(p->lc, p->len, k, "\xe2\x80\x99") && ch(p, k) != '-'
            && (m != 5 || p->s[i] == 'M')) {
            t->y = p->c->py + off;
            t->rel = true;
            return k;
        }
    }
    /* June of that year, May of the same year: the year of the date
     * before (cases/en/date_month_list) */
    {
        size_t r = j, x;
        if (wd(p, r, "of", &x))
            r = sp(p, x);
        if (anaphoric_year(p, r, &k) && (m != 5 || p->s[i] == 'M')) {
            t->y = p->c->last.y;
            t->rel = true;
            return k;
        }
    }
    /* Jan-1, Sep/23: the day right after a dash or slash, where no other
     * part of a numeric date follows (Sep-23-2020 is date_mixed's) */
    size_t jd = j == e && (ch(p, e) == '-' || ch(p, e) == '/') && digit(ch(p, e + 1)) ? e + 1 : j;
    /* not the number of a compound modifier: the January 10-year bond
     * (a range's end, March 10-April 2, is capitalized) */
    bool ok = num_digits(p, jd, &v, &k, &nd) && nd >= 1 && nd <= 2 && v >= 1 && v <= 31 &&
              (jd == j || !(ch(p, k) == '-' || ch(p, k) == '/' || alpha(ch(p, k)) ||
                            (ch(p, k) == '.' && digit(ch(p, k + 1))))) &&
              !(ch(p, k) == '-' && !p->caseless && k + 1 < p->len && p->s[k + 1] >= 'a' &&
                p->s[k + 1] <= 'z');
    /* payable April one, from March one, 1988 (wire style spells days
     * one to nine), March ten two thousand and five: a number
     * word as the day, not after May ("May one day") unless a word of
     * en/day_lead_words comes before it ("payable May one to", "Pay May
     * One"); a dividend table's "Pay April three" ends its line, the next
     * line's label capitalized */
    if (!ok && j > e && alpha(ch(p, j)) && num(p, j, &v, &k, &nd) && nd == 0 && v >= 1
        && v <= 31 && (m != 5 || v >= 10 || (p->s[i] == 'M' && !p->caseless && day_lead(p, i)))) {
        size_t q = sp(p, k), x;
        int sy;
        ok = ch(p, k) != '-' &&
             (!alpha(ch(p, q)) || wd(p, q, "to", &x) || wd(p, q, "through", &x) ||
              wd(p, q, "until", &x) || wd(p, q, "and", &x) ||
              (q > k && spelled_year(p, q, &sy, &x)) || on_day_word(p, i, q) ||
              (q < p->len && p->s[q] >= 'A' && p->s[q] <= 'Z' && memchr(p->s + k, '\n', q - k)));
        if (!ok)
            v = 0;
    }
    if (!ok && j > e && wd(p, j, "the", &k) && (v = ordword(p, sp(p, k), &k)) > 0) {
        /* September the twenty-first: only where the phrase ends, or
         * before a year in words */
        size_t ye;
        ok = phrase_end(p, sp(p, k)) || (sp(p, k) > k && spelled_year(p, sp(p, k), &y, &ye));
        if (!ok)
            v = 0;
    }
    if (!ok && j > e && (v = ordword(p, j, &k)) > 0) {
        /* April ninth, January first 2000: only where no word follows (not
         * "the March second round") */
        size_t q = sp(p, k), x;
        ok = ch(p, k) != '-'
          && (!alpha(ch(p, q)) || wd(p, q, "at", &x) || wd(p, q, "to", &x)
              || wd(p, q, "through", &x) || wd(p, q, "until", &x) || wd(p, q, "till", &x)
              || wd(p, q, "and", &x) || wd(p, q, "of", &x));
    }
    if (ok) {
        if (v > kj_mdays(0, m))
            return 0; /* Feb 30, April 31: no date */
        t->d = (int)v;
        t->grain = KJ_G_DAY;
        e = k;
        if (of_year(p, k, &y, &k)) {
            if (v > kj_mdays(y, m))
                return 0; /* Feb 29, 2025 */
            t->y = y;
            t->yset = true;
            return k;
        }
        kj_dt_bare_md(p->c, t, i);
        /* last February 28: the latest such day before publication, next
         * March 5 the first after it, whatever the nearest one is */
        bool last = kj_before(p->lc, i, "last "), next = kj_before(p->lc, i, "next ");
        const kj_dctx *c = p->c;
        if ((last || next) && c->py) {
            bool before = t->m < c->pm || (t->m == c->pm && t->d < c->pd);
            bool after = t->m > c->pm || (t->m == c->pm && t->d > c->pd);
            t->y = last ? (before ? c->py : c->py - 1) : (after ? c->py : c->py + 1);
            /* last February 29: the leap year before (within eight) */
            for (int z = 0; z < 8 && t->d > kj_mdays(t->y, t->m); z++)
                t->y += last ? -1 : 1;
            t->rel = true;
        }
        return e;
    }
    /* "May" alone: only after a preposition (the verb is far more common) */
    if (m == 5) {
        size_t b = i;
        bool prep = false;
        const char *preps[] = {"in ", "by ", "since ", "until ", "last ", "next ", "this ",
                               "early ", "late ", "mid-", "of ", "from ", "to ", "through "};
        for (size_t q = 0; q < sizeof preps / sizeof preps[0] && !prep; q++)
            prep = kj_before(p->lc, b, preps[q]);
        /* or the end of a month range: shipment March-May (month_to) */
        if (i == p->mcue && p->s[i] == 'M')
            prep = true;
        /* or before "to" and a month: shipment for May to September
         * (the verb takes no month after "to") */
        const kj_dword *w2;
        size_t k2;
        if (!prep && p->s[i] == 'M' && wd(p, j, "to", &k2) && j > e &&
            dword(p, sp(p, k2), KJ_W_MONTHN, &w2) > 0)
            prep = true;
        if (!prep)
            return 0;
    }
    if (range_end_month(p, i, t))
        return e;
    if (list_year(p, e, t))
        return e;
    kj_dt_bare_month(p->c, t, i);
    return e;
}

/* A year in words after a day, where the phrase ends: two thousand (and
 * eighteen), nineteen seventy-eight, nineteen zero one / oh one. */
static bool spelled_year(const ep *p, size_t j, int *y, size_t *k)
{
    int64_t v, r;
    int nd;
    size_t e, x;
    if (!alpha(ch(p, j)) || !num(p, j, &v, &e, &nd) || nd != 0)
        return false;
    if (v >= 2000 && v <= 2099) {
        /* two thousand, two thousand and eighteen */
        if (!phrase_end(p, sp(p, e)))
            return false;
        *y = (int)v;
        *k = e;
        return true;
    }
    if (v < 11 || v > 20 || ch(p, e) != ' ')
        return false;
    x = e + 1;
    if (wd(p, x, "zero", &e) || wd(p, x, "oh", &e)) {
        if (ch(p, e) != ' ' || !num(p, e + 1, &r, &e, &nd) || nd != 0 || r < 1 || r > 9)
            return false;
    } else if (!num(p, x, &r, &e, &nd) || nd != 0 || r < 10 || r > 99) {
        return false;
    }
    if (!phrase_end(p, sp(p, e)))
        return false;
    *y = (int)(v * 100 + r);
    *k = e;
    return true;
}

static bool of_year(const ep *p, size_t e, int *y, size_t *k)
{
    size_t j = sp(p, e), x;
    if (ch(p, j) == ',')
        j = sp(p, j + 1);
    else if (j > e && (wd(p, j, "of", &x) || wd(p, j, "in", &x)))
        j = sp(p, x); /* 4 July of 1995, 28 June in 2020 */
    if (j > e && spelled_year(p, j, y, k))
        return true;
    if (j > e && ch(p, j) >= '1' && ch(p, j) <= '9') {
        /* 5 December 1391: a year before 1800 written with a day, where
         * the phrase ends (not 5 December 1500 troops) */
        int64_t v;
        int nd;
        if (num_digits(p, j, &v, k, &nd) && nd == 4 && v >= 1000 && v < 1800
            && phrase_end(p, sp(p, *k))) {
            *y = (int)v;
            return true;
        }
    }
    return year4(p, j, y, k);
}

/* 13 March [2025]; the 4th of July [of 1995], fourth of July; 16. Nov.
 * 2016 */
static size_t date_dm(ep *p, size_t i, kj_tx *t)
{
    int64_t v;
    int nd, m, y;
    size_t e, j, k, i0 = i;
    bool the = wd(p, i, "the", &e);
    if (the)
        i = sp(p, e);
    bool ord = false;
    if (num_digits(p, i, &v, &e, &nd) && nd >= 1 && nd <= 2) {
        ord = suffixed(p, e, nd);
    } else if ((v = ordword(p, i, &e)) > 0) {
        ord = true;
        nd = 0;
    } else {
        return 0;
    }
    if (v < 1 || v > 31 || (the && !ord))
        return 0;
    /* 16. Nov. 2016: a day with a period (the day-first style), only
     * before a month and its year */
    bool dot = nd && !ord && !the && ch(p, e) == '.' && ch(p, e + 1) == ' ';
    j = sp(p, dot ? e + 1 : e);
    bool of = false;
    if (j > e && wd(p, j, "of", &k) && (ord || !the)) {
        /* the fourth of July; 22 of Jan (plain digits and of: not before
         * the month's possessive, 5 of March's games) */
        j = sp(p, k);
        of = true;
    } else if (!nd || the) {
        return 0; /* a word ordinal or "the" needs "of": the fourth of July */
    }
    /* an abbreviated month after "of" and a day is cued (second of Aug) */
    size_t mc = p->mcue;
    if (of)
        p->mcue = j;
    /* 22april: digits glued to a full month name (not 22apr, 3rdmay) */
    bool glued = j == e && nd > 0 && !ord && !the && alpha(ch(p, j));
    const kj_dword *mw;
    bool mok = (j != e || glued) && month(p, j, &m, &k);
    if (mok && glued && dword(p, j, KJ_W_MONTHN, &mw) > 0 && mw->mod == 1)
        mok = false;
    p->mcue = mc;
    if (!mok || v > kj_mdays(0, m) || (dot && of))
        return 0;
    if (of && !ord && (ch(p, k) == '\'' || kj_at(p->lc, p->len, k, "\xe2\x80\x99")))
        return 0;
    i = i0;
    t->d = (int)v;
    t->m = m;
    t->mset = true;
    t->grain = KJ_G_DAY;
    if (of_year(p, k, &y, &e)) {
        if (v > kj_mdays(y, m))
            return 0; /* 29 February 2025 */
        t->y = y;
        t->yset = true;
        return e;
    }
    if (dot)
        return 0;
    kj_dt_bare_md(p->c, t, i);
    return k;
}

/* Does the phrase [i, i + n) end in "before" with a word after it (the
 * week before the vote, the day before easing)? Then "before" opens a
 * phrase of its own and the words name no date. */
static bool before_takes_word(const ep *p, size_t i, size_t n)
{
    size_t e = i + n, x;
    return n > 6 && wd(p, e - 6, "before", &x) && x == e && e < p->len && p->lc[e] == ' ' &&
           alpha(ch(p, e + 1));
}

/* The phrase ends at q: the text's end, or a punctuation mark that closes
 * a clause (not a quote, a dash or a decimal point). */
static bool phrase_end(const ep *p, size_t q)
{
    char c0 = ch(p, q);
    if (q >= p->len)
        return true;
    if (c0 == '.')
        return !digit(ch(p, q + 1));
    return c0 == ',' || c0 == '!' || c0 == '?' || c0 == ';' || c0 == ':' || c0 == ')';
}

/* on the 18th: a day of the month with no month, where nothing follows
 * that the ordinal could count (the 18th floor, the 4th quarter, the
 * 21st-century). The month comes from an explicit date just before, else the
 * nearest such day. */
static size_t date_nth(ep *p, size_t i, kj_tx *t)
{
    static const char *const pre[] = {"on ", "by ", "until ", "till ", "since ", "before ",
                                      "after ", "from ", "for "};
    size_t e, k, x;
    int64_t v;
    int nd;
    bool cue = false;
    if (!wd(p, i, "the", &e)) {
        /* on 22nd, on twenty-second: after "on" alone, and only where the
         * phrase ends (not on second thought, on 2nd base) */
        if (!kj_before(p->lc, i, "on "))
            return 0;
        if (num_digits(p, i, &v, &e, &nd)) {
            if (nd > 2 || !suffixed(p, e, nd))
                return 0;
        } else if ((v = ordword(p, i, &e)) == 0) {
            return 0;
        }
        k = sp(p, e);
        if (v < 1 || v > 31 || !phrase_end(p, k))
            return 0;
        t->d = (int)v;
        t->grain = KJ_G_DAY;
        kj_dt_bare_day(p->c, t, i);
        return e;
    }
    for (size_t q = 0; q < sizeof pre / sizeof pre[0] && !cue; q++)
        cue = kj_before(p->lc, i, pre[q]);
    if (!cue)
        return 0;
    k = sp(p, e);
    if (!num_digits(p, k, &v, &e, &nd)) {
        /* on the second, for the twenty-first: a spelled ordinal only
         * where the phrase ends (for the second time, on the first day
         * count something else) */
        if ((v = ordword(p, k, &e)) == 0)
            return 0;
        size_t q = sp(p, e);
        if (!phrase_end(p, q))
            return 0;
        t->d = (int)v;
        t->grain = KJ_G_DAY;
        kj_dt_bare_day(p->c, t, i);
        return e;
    }
    if (nd >= 1 && nd <= 2 && !suffixed(p, e, nd) && v >= 1 && v <= 31
        && (kj_before(p->lc, i, "on ") || kj_before(p->lc, i, "for "))) {
        /* on the 27, for the 27.: plain digits only at a sentence's end
         * (the 27 members, by the 27 are counts) */
        size_t q = sp(p, e);
        if (!phrase_end(p, q) || ch(p, q) == ',' || ch(p, q) == ';' || ch(p, q) == ':'
            || ch(p, q) == ')')
            return 0;
        t->d = (int)v;
        t->grain = KJ_G_DAY;
        kj_dt_bare_day(p->c, t, i);
        return e;
    }
    if (nd < 1 || nd > 2 || !suffixed(p, e, nd) || v < 1 || v > 31)
        return 0;
    size_t q = sp(p, e);
    if (ch(p, e) == '-' || ch(p, e) == '\''
        || (alpha(ch(p, q)) && !wd(p, q, "at", &x) && !wd(p, q, "and", &x) && !wd(p, q, "or", &x)
            && !wd(p, q, "to", &x) && !wd(p, q, "through", &x) && !wd(p, q, "until", &x)))
        return 0;
    t->d = (int)v;
    t->grain = KJ_G_DAY;
    kj_dt_bare_day(p->c, t, i);
    return e;
}

/* 2025-03-13 / 2025/3/13 */
static size_t date_iso(ep *p, size_t i, kj_tx *t)
{
    int y;
    size_t e, k;
    int64_t m, d;
    if (!year4(p, i, &y, &e))
        return 0;
    char sep = ch(p, e);
    if (sep != '-' && sep != '/' && sep != '.')
        return 0;
    k = e + 1;
    size_t a = k;
    m = 0;
    while (k < p->len && digit(p->lc[k]) && k - a < 2)
        m = m * 10 + (p->lc[k++] - '0');
    if (k == a || m < 1 || m > 12)
        return 0;
    if (ch(p, k) != sep) {
        /* 2021/7, 2015-3: a month (2011-12 is a range of years, read by
         * try_at; 2021/7/x and 2015-3.5 are not months) */
        if (sep == '.' || digit(ch(p, k)) || alpha(ch(p, k)) || ch(p, k) == '/' || ch(p, k) == '-'
            || (ch(p, k) == '.' && digit(ch(p, k + 1))) || ch(p, k) == ':' || ch(p, k) == '%'
            || (sep == '-' && k - a == 2 && m == (y + 1) % 100))
            return 0;
        t->y = y, t->m = (int)m;
        t->yset = t->mset = true;
        t->grain = KJ_G_MONTH;
        return k;
    }
    a = ++k;
    d = 0;
    while (k < p->len && digit(p->lc[k]) && k - a < 2)
        d = d * 10 + (p->lc[k++] - '0');
    if (k == a || d < 1 || d > kj_mdays(y, (int)m) || digit(ch(p, k)) || alpha(ch(p, k)))
        return 0;
    t->y = y, t->m = (int)m, t->d = (int)d;
    t->yset = t->mset = true;
    t->grain = KJ_G_DAY;
    return k;
}

/* 10/1/2018, 2-29-2020: month, day and a four-digit year with one
 * separator, / or - (the day first when the first number cannot be a
 * month: 23/08/2019); 3/2015, 11-2016: a month and its year. Not inside a
 * longer run of digits and separators (phone numbers, codes). */
static size_t date_mdy(ep *p, size_t i, kj_tx *t)
{
    if (!digit(ch(p, i)) || (i > 0 && (digit(p->lc[i - 1]) || alpha(p->lc[i - 1])
                                       || p->lc[i - 1] == '/'
                                       || (p->lc[i - 1] == '-' && i != p->rfree)
                                       || p->lc[i - 1] == '.')))
        return 0;
    int v[2] = {0, 0};
    size_t k = i;
    char sep = 0;
    bool my = false, pad = false;
    for (int q = 0; q < 2; q++) {
        size_t a = k;
        while (k < p->len && digit(p->lc[k]) && k - a < 5)
            v[q] = v[q] * 10 + (p->lc[k++] - '0');
        if (q == 1 && k - a == 4) {
            /* month and year: 3/2015 */
            my = true;
            k = a;
            break;
        }
        if (k == a || k - a > 2)
            return 0;
        pad = pad || (k - a == 2 && p->lc[a] == '0');
        if (!sep && (ch(p, k) == '/' || ch(p, k) == '-'))
            sep = p->lc[k];
        if (ch(p, k) != sep && !(q == 1 && sep == '/' && ch(p, k) == ',' && digit(ch(p, k + 1))))
            return 0; /* 11/12,2016: a comma before the year */
        k++;
    }
    int y;
    size_t e;
    if (ch(p, k - 1) == ',') {
        /* 11/12,2016, 08/12,15: the year's digits right after the comma */
        size_t a = k;
        y = digits_at(p, &k, 4);
        if ((k - a != 4 && k - a != 2) || alpha(ch(p, k)) || ch(p, k) == '/' || ch(p, k) == ','
            || ch(p, k) == '-' || (ch(p, k) == '.' && digit(ch(p, k + 1))) || my)
            return 0;
        if (k - a == 2) {
            int py = p->c->py ? p->c->py : 2000;
            y = 2000 + y <= py + 10 ? 2000 + y : 1900 + y;
        } else if (y < 1800 || y > 2100) {
            return 0;
        }
        e = k;
    } else if (!year4(p, k, &y, &e)) {
        /* 05/05/89, 9/11/01: a slash date with a two-digit year (20xx up
         * to ten years after publication, else 19xx); with dashes only
         * when a part is zero-padded (3-7-07, 09-18-15: a team's 9-18-5
         * record is never padded) */
        pad = pad || p->lc[k] == '0';
        if ((sep != '/' && !(sep == '-' && pad)) || my || !digit(ch(p, k)) || !digit(ch(p, k + 1))
            || digit(ch(p, k + 2)) || alpha(ch(p, k + 2)) || ch(p, k + 2) == '/'
            || ch(p, k + 2) == '-' || (ch(p, k + 2) == '.' && digit(ch(p, k + 3))))
            return 0;
        int yy = (p->lc[k] - '0') * 10 + (p->lc[k + 1] - '0');
        int py = p->c->py ? p->c->py : 2000;
        y = 2000 + yy <= py + 10 ? 2000 + yy : 1900 + yy;
        e = k + 2;
    } else if (ch(p, e) == sep || (ch(p, e) == '.' && digit(ch(p, e + 1)))) {
        return 0;
    }

    if (my) {
        /* 3/2015, 11-2016: a month */
        if (v[0] < 1 || v[0] > 12)
            return 0;
        t->y = y, t->m = v[0];
        t->yset = t->mset = true;
        t->grain = KJ_G_MONTH;
        return e;
    }
    int m = v[0], d = v[1];
    if (m > 12 && d <= 12)
        m = v[1], d = v[0];
    if (m < 1 || m > 12 || d < 1 || d > kj_mdays(y, m))
        return 0;
    t->y = y, t->m = m, t->d = d;
    t->yset = t->mset = true;
    t->grain = KJ_G_DAY;
    return e;
}

static int ordinal(const ep *p, size_t i, size_t *e)
{
    int n = nth_word(p, i, 4, e);
    if (n || ch(p, i) != 'q')
        return n;
    return wd(p, i, "q1", e) ? -1 : wd(p, i, "q2", e) ? -2 : wd(p, i, "q3", e) ? -3
         : wd(p, i, "q4", e) ? -4 : 0;
}

/* second quarter [of 2025] / Q2 [2025] / 4TH QTR / the last quarter of
 * 2025 (the fourth; "last quarter" alone counts back from publication, in
 * date_rel) */
static size_t date_quarter_at(ep *p, size_t i, kj_tx *t, int depth);

/* The second and third quarters of 1990, the first, second or third
 * quarter: an ordinal (q, at i, ending at e) listed before the ordinal
 * that carries the quarter word takes that one's year, or the year a bare
 * quarter has (cases/en/date_quarter_list). At most three more ordinals. */
static size_t quarter_list(ep *p, size_t i, size_t e, int q, kj_tx *t)
{
    size_t x, j = e;
    for (int n = 0; n < 3; n++) {
        bool comma = ch(p, j) == ',';
        if (comma)
            j++;
        size_t a = sp(p, j);
        if (a == j)
            return 0;
        if (wd(p, a, "and", &x) || wd(p, a, "or", &x))
            a = sp(p, x);
        else if (!comma)
            return 0;
        size_t e2;
        if (!nth_word(p, a, 4, &e2))
            return 0;
        size_t k = ch(p, e2) == '-' ? e2 + 1 : sp(p, e2);
        if (wd(p, k, "quarter", &x) || wd(p, k, "quarters", &x) || wd(p, k, "qtr", &x)) {
            kj_tx u;
            memset(&u, 0, sizeof u);
            size_t r = date_quarter_at(p, a, &u, 1);
            if (!r || u.grain != KJ_G_QUARTER)
                return 0;
            t->q = q;
            t->grain = KJ_G_QUARTER;
            if (r == x) { /* no year written: as a bare quarter */
                kj_dt_bare_quarter(p->c, t, i);
            } else {
                t->y = u.y;
                t->rel = u.rel;
            }
            return e;
        }
        j = e2;
    }
    return 0;
}

static size_t date_quarter(ep *p, size_t i, kj_tx *t)
{
    return date_quarter_at(p, i, t, 0);
}

static size_t date_quarter_at(ep *p, size_t i, kj_tx *t, int depth)
{
    size_t e, k;
    int q = ordinal(p, i, &e);
    bool last_of = false;
    if (!q && wd(p, i, "last", &k) &&
        (wd(p, sp(p, k), "quarter", &e) || wd(p, sp(p, k), "qtr", &e)) &&
        wd(p, sp(p, e), "of", &k)) {
        q = -4; /* as Q4: the quarter word is read */
        last_of = true;
    }
    if (!q)
        return 0;
    if (q > 0) {
        k = ch(p, e) == '-' ? e + 1 : sp(p, e);
        /* the second and third quarters: the plural after a list's last */
        size_t lb = i;
        while (lb > 0 && i - lb < 4 && (p->lc[lb - 1] == ' ' || p->lc[lb - 1] == '\n'))
            lb--;
        bool listed = lb < i && ((lb >= 4 && !alpha(p->lc[lb - 4]) && kj_before(p->lc, lb, "and")) ||
                                 (lb >= 3 && !alpha(p->lc[lb - 3]) && kj_before(p->lc, lb, "or")) ||
                                 (lb > 0 && p->lc[lb - 1] == ','));
        if (!wd(p, k, "quarter", &e) && !wd(p, k, "qtr", &e) &&
            !(listed && wd(p, k, "quarters", &e)))
            return q <= 4 && depth == 0 ? quarter_list(p, i, e, q, t) : 0;
    } else {
        q = -q;
    }
    t->q = q;
    int y;
    size_t j = sp(p, e);
    if (wd(p, j, "of", &k) && year4(p, sp(p, k), &y, &k)) {
        t->y = y;
        t->grain = KJ_G_QUARTER;
        return k;
    }
    /* the 1st quarter of last year; the third quarter this year and Q3
     * next year (not this year's, this year-end) */
    size_t k2;
    if (p->c->py) {
        k = wd(p, j, "of", &k) ? sp(p, k) : j;
        int off = wd(p, k, "last", &k2) ? -1 : wd(p, k, "this", &k2) ? 0
                : wd(p, k, "next", &k2) ? 1 : 9;
        if (off != 9 && wd(p, sp(p, k2), "year", &k2) && ch(p, k2) != '-' && !possessive(p, k2)) {
            t->y = p->c->py + off;
            t->grain = KJ_G_QUARTER;
            t->rel = true;
            return k2;
        }
    }
    if (last_of) {
        t->q = 0; /* the last quarter of the game: date_rel's to read */
        return 0;
    }
    if (year4(p, j, &y, &k) || (ch(p, e) == '-' && year4(p, e + 1, &y, &k))) {
        t->y = y;
        t->grain = KJ_G_QUARTER;
        return k;
    }
    kj_dt_bare_quarter(p->c, t, i);
    return e;
}

/* morning, afternoon, evening, night at j: its TIMEX part of day. */
static const char *tod_word(const ep *p, size_t j, size_t *e)
{
    return wd(p, j, "morning", e) ? "MO" : wd(p, j, "afternoon", e) ? "AF"
         : wd(p, j, "evening", e) ? "EV" : wd(p, j, "night", e) ? "NI" : NULL;
}

static bool holiday(const kj_dword *w, int y, int *m, int *d);

/* spring, summer, fall / autumn, winter at j: its TIMEX quarter of the
 * year (1 SP, 2 SU, 3 FA, 4 WI), 0 for none. */
static int season_word(const ep *p, size_t j, size_t *e)
{
    return wd(p, j, "spring", e) ? 1 : wd(p, j, "summer", e) ? 2
         : (wd(p, j, "fall", e) || wd(p, j, "autumn", e)) ? 3 : wd(p, j, "winter", e) ? 4 : 0;
}

/* this / last / next season sq: a winter is the year of its December (this
 * winter in February began the December before, as 今冬); last summer is
 * the latest one before the current season, next summer the first after. */
static void season_rel(kj_dctx *c, kj_tx *t, int sq, int off)
{
    t->grain = KJ_G_SEASON;
    t->q = sq;
    t->rel = true;
    if (!c->py)
        return;
    int cs = c->pm == 12 ? 4 : c->pm <= 2 ? 4 : (c->pm - 3) / 3 + 1;
    long cur = (long)(c->pm <= 2 ? c->py - 1 : c->py) * 4 + cs - 1, a;
    if (off == 0) {
        t->y = c->py - (sq == 4 && c->pm <= 3 ? 1 : 0);
        return;
    }
    if (off < 0)
        for (a = cur - 1; a % 4 != sq - 1; a--)
            ;
    else
        for (a = cur + 1; a % 4 != sq - 1; a++)
            ;
    t->y = (int)(a / 4);
}

/* this/last/next (current, past, previous, coming, upcoming) + week, month,
 * year, quarter, a month or a weekday. */
static size_t date_rel(ep *p, size_t i, kj_tx *t)
{
    size_t e, k;
    int off;
    if (wd(p, i, "this", &e) || wd(p, i, "current", &e))
        off = 0;
    else if (wd(p, i, "last", &e) || wd(p, i, "past", &e) || wd(p, i, "previous", &e))
        off = -1;
    else if (wd(p, i, "next", &e) || wd(p, i, "coming", &e) || wd(p, i, "upcoming", &e))
        off = 1;
    else
        return 0;
    size_t j = sp(p, e);
    kj_dctx *c = p->c;
    if (wd(p, j, "week", &k)) {
        kj_dt_rel(c, t, KJ_W_WEEK, off);
        return k;
    }
    /* this weekend, last weekend: the weekend that ends that ISO week */
    if (wd(p, j, "weekend", &k) || wd(p, j, "week-end", &k)) {
        kj_dt_rel(c, t, KJ_W_WEEK, off);
        t->weekend = true;
        return k;
    }
    /* this decade: the decade of publication (TIMEX 201); the next / last
     * decade are as often ten years counted from now, a length */
    if (off == 0 && wd(p, j, "decade", &k) && c->py && ch(p, k) != '\'' && ch(p, k) != '-') {
        t->y = c->py - c->py % 10;
        t->decade = true;
        t->rel = true;
        t->grain = KJ_G_YEAR;
        return k;
    }
    /* this summer, last winter (not "this fall in prices", "the last fall") */
    size_t x;
    int sq = season_word(p, j, &k);
    if (sq == 3 && ch(p, j) == 'f'
        && (kj_before(p->lc, i, "the ") || wd(p, sp(p, k), "in", &x) || wd(p, sp(p, k), "of", &x)
            || wd(p, sp(p, k), "from", &x) || wd(p, sp(p, k), "to", &x)))
        sq = 0;
    if (sq && ch(p, k) != '-') {
        season_rel(c, t, sq, off);
        return k;
    }
    if (wd(p, j, "month", &k)) {
        kj_dt_rel(c, t, KJ_W_MONTH, off);
        return k;
    }
    /* last fiscal year: the fiscal year numbered as the year (fiscal 2025
     * is FY2025), this calendar year: the year */
    if ((wd(p, j, "fiscal", &k) || wd(p, j, "calendar", &k)) && wd(p, sp(p, k), "year", &k)
        && !kj_before(p->lc, i, "the ") && ch(p, k) != '\'' && ch(p, k) != '-') {
        kj_dt_rel(c, t, KJ_W_YEAR, off);
        if (p->lc[j] == 'f')
            t->grain = KJ_G_FY;
        return k;
    }
    if (wd(p, j, "year", &k) || wd(p, j, "yr", &k)) {
        if (kj_before(p->lc, i, "the ")) /* the past year: a period */
            return 0;
        kj_dt_rel(c, t, KJ_W_YEAR, off);
        return k;
    }
    if (wd(p, j, "quarter", &k) || wd(p, j, "qtr", &k)) {
        t->grain = KJ_G_QUARTER;
        t->rel = true;
        if (c->py) {
            long qq = (long)c->py * 4 + (c->pm - 1) / 3 + off;
            t->y = (int)(qq / 4);
            t->q = (int)(qq % 4) + 1;
        }
        return k;
    }
    const kj_dword *w;
    size_t n;
    int m;
    /* last night: the day before publication, at night */
    if (off < 0 && wd(p, j, "night", &k)) {
        kj_dt_rel(c, t, KJ_W_DAY, -1);
        t->tod = "NI";
        t->grain = KJ_G_HOUR;
        return k;
    }
    /* this morning: the publication day, a part of the day */
    if (off == 0 && (n = dword(p, j, KJ_W_TOD, &w)) > 0) {
        kj_dt_rel(c, t, KJ_W_DAY, 0);
        t->tod = w->s;
        t->grain = KJ_G_HOUR;
        return j + n;
    }
    /* this Thanksgiving, last Christmas, next Easter: that named day of the
     * publication year, the last one before publication, the next after */
    size_t xi;
    if ((n = dword(p, j, KJ_W_MD, &w)) > 0 && cap(p, j) && c->py && !kj_before(p->lc, i, "the ")
        && !wd(p, sp(p, j + n), "island", &xi)) {
        long pz = kj_days(c->py, c->pm, c->pd), best = 0;
        int bm = 0, bd = 0, by = 0, hm, hd;
        for (int yy = c->py - 1; yy <= c->py + 1; yy++) {
            if (!holiday(w, yy, &hm, &hd))
                continue;
            long z = kj_days(yy, hm, hd);
            bool ok = off == 0 ? yy == c->py : off < 0 ? z < pz : z > pz;
            if (ok && (!by || (off < 0 ? z > best : z < best)))
                best = z, by = yy, bm = hm, bd = hd;
        }
        if (by) {
            t->y = by, t->m = bm, t->d = bd;
            t->grain = KJ_G_DAY;
            t->rel = true;
            return j + n;
        }
    }
    if (month(p, j, &m, &k) && !digit(ch(p, sp(p, k)))) {
        t->m = m;
        t->grain = KJ_G_MONTH;
        t->rel = true;
        if (c->py)
            t->y = off < 0 ? (m < c->pm ? c->py : c->py - 1)
                 : off > 0 ? (m > c->pm ? c->py : c->py + 1)
                           : c->py;
        return k;
    }
    if ((n = dword(p, j, KJ_W_WDAY, &w)) > 0 && w->mod == 0) {
        t->grain = KJ_G_DAY;
        t->rel = true;
        if (c->py) {
            long pd = kj_days(c->py, c->pm, c->pd);
            int w0 = kj_wday(pd);
            long d;
            if (off < 0)
                d = pd - ((w0 - w->arg + 6) % 7 + 1);
            else if (off > 0)
                d = pd + ((w->arg - w0 + 6) % 7 + 1);
            else
                d = pd + (w->arg - w0);
            kj_civil(d, &t->y, &t->m, &t->d);
        }
        return j + n;
    }
    return 0;
}

/* fiscal 2025 / fiscal year 2025 / fiscal 1985/86 / calendar 1986 / FY2025 */
static size_t date_fiscal(ep *p, size_t i, kj_tx *t)
{
    size_t e, k;
    int y;
    bool fiscal = wd(p, i, "fiscal", &e);
    if (!fiscal && !wd(p, i, "calendar", &e)) {
        if (i + 2 < p->len && memcmp(p->lc + i, "fy", 2) == 0 && year4(p, i + 2, &y, &k)) {
            t->y = y;
            t->grain = KJ_G_FY;
            return k;
        }
        return 0;
    }
    size_t j = sp(p, e);
    if (fiscal && wd(p, j, "year", &k))
        j = sp(p, k);
    if (!year4(p, j, &y, &k))
        return 0;
    /* fiscal 1985/86, fiscal 1986-1987: a split year, named by the year
     * it starts in (as 2025年度 is FY2025) */
    if (fiscal && (ch(p, k) == '/' || ch(p, k) == '-')) {
        int r = 0, v = 0;
        while (r < 5 && digit(ch(p, k + 1 + (size_t)r)))
            v = v * 10 + (ch(p, k + 1 + (size_t)r) - '0'), r++;
        char nx = ch(p, k + 1 + (size_t)r);
        if (((r == 2 && v == (y + 1) % 100) || (r == 4 && v == y + 1)) && !alpha(nx) &&
            !((nx == '/' || nx == '-') && digit(ch(p, k + 2 + (size_t)r))))
            k += 1 + (size_t)r;
    }
    t->y = y;
    t->yset = true;
    t->grain = fiscal ? KJ_G_FY : KJ_G_YEAR;
    return k;
}

/* GMT +8, UTC-05:00: a shift from GMT written after its zone word (*zone
 * "Z") at i makes *zone that offset; returns where it ends (i for none). */
static size_t zone_shift(const ep *p, size_t i, const char **zone)
{
    if (!*zone || strcmp(*zone, "Z") != 0)
        return i;
    size_t k = ch(p, i) == ' ' ? i + 1 : i;
    char sign = ch(p, k);
    if (sign != '+' && sign != '-')
        return i;
    k++;
    int h = 0, m = 0, nd = 0;
    while (nd < 2 && digit(ch(p, k))) {
        h = h * 10 + (ch(p, k) - '0');
        k++;
        nd++;
    }
    if (!nd || digit(ch(p, k)) || h > 14)
        return i;
    if (ch(p, k) == ':' && digit(ch(p, k + 1)) && digit(ch(p, k + 2)) && !digit(ch(p, k + 3))) {
        m = (ch(p, k + 1) - '0') * 10 + (ch(p, k + 2) - '0');
        k += 3;
    }
    if (m > 59 || alpha(ch(p, k)))
        return i;
    if (h || m) {
        char b[8];
        snprintf(b, sizeof b, "%c%02d:%02d", sign, h, m);
        const char *o = kj_strndup(p->c->d, b, strlen(b));
        if (!o)
            return i;
        *zone = o;
    }
    return k;
}

/* Does one of the `n` words of `list` end at i, with no letter before it? */
static bool word_ends_at(const ep *p, size_t i, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(list[k]);
        if (i >= len && memcmp(p->lc + i - len, list[k], len) == 0
            && (i == len || !alpha(p->lc[i - len - 1])))
            return true;
    }
    return false;
}

/* A word before i that announces a clock time: at 9:30, by 9:30 (a bare
 * 3:16 may be a verse or a ratio). */
static bool clock_cue(const ep *p, size_t i)
{
    static const char *const cue[] = {"at ",     "by ",    "from ",          "until ", "till ",
                                      "to ",     "@ ",     "@",              "around ", "about ",
                                      "circa ",  "approximately "};
    return word_ends_at(p, i, cue, sizeof cue / sizeof cue[0]);
}

/* "NNNN hours" is a 24-hour clock (a meeting set for 1900 hours, 0600
 * hours) when written with a leading zero or after a word that announces
 * a time: at, by, until, or "for" after set, scheduled, due; "for 1500
 * hours" alone is a duration (cases/en/date). */
static bool hours_clock(const ep *p, size_t i)
{
    static const char *const cue[] = {"at ", "by ", "until ", "till "};
    static const char *const sched[] = {"set", "scheduled", "slated", "due", "planned", "called",
                                        "fixed"};
    if (ch(p, i) == '0' || word_ends_at(p, i, cue, sizeof cue / sizeof cue[0]))
        return true;
    if (i < 5 || memcmp(p->lc + i - 4, "for ", 4) != 0 || p->lc[i - 5] != ' ')
        return false;
    /* the word before the space before "for" */
    return word_ends_at(p, i - 5, sched, sizeof sched / sizeof sched[0]);
}

/* A meridiem at j: 1 for pm / p.m., -1 for am / a.m., 0 for none; *e after it. */
static int meridiem(const ep *p, size_t j, size_t *e)
{
    if (ch(p, j) != 'a' && ch(p, j) != 'p')
        return 0;
    int r = ch(p, j) == 'p' ? 1 : -1;
    if (ch(p, j + 1) == '.' && ch(p, j + 2) == 'm' && ch(p, j + 3) == '.') {
        *e = j + 4;
        return alpha(ch(p, *e)) ? 0 : r;
    }
    if (wd(p, j + 1, "m", e) || (ch(p, j + 1) == '.' && wd(p, j + 2, "m", e)))
        return r;
    return 0;
}

/* A clock written with a period, British style: 8.30pm, 11.00 a.m., and
 * the 24-hour 16.30 GMT / 10.00 local time. The meridiem, a zone or
 * "local time" is required: 6.45 alone is a price or a decimal. */
static size_t dot_clock(const ep *p, size_t i, int64_t *h, int64_t *mi)
{
    if (i > 0 && (digit(p->lc[i - 1]) || alpha(p->lc[i - 1]) || p->lc[i - 1] == '.'
                  || p->lc[i - 1] == '$' || p->lc[i - 1] == ','))
        return 0;
    size_t k = i;
    int64_t x = 0;
    while (k < p->len && digit(p->lc[k]) && k - i < 3)
        x = x * 10 + (p->lc[k++] - '0');
    if (k == i || k - i > 2 || ch(p, k) != '.' || !digit(ch(p, k + 1)) || !digit(ch(p, k + 2))
        || digit(ch(p, k + 3)))
        return 0;
    int64_t m = (p->lc[k + 1] - '0') * 10 + (p->lc[k + 2] - '0');
    size_t e;
    int r = meridiem(p, sp(p, k + 3), &e);
    if (!r) {
        /* the zone itself is read by the caller after the minutes */
        const kj_dword *w;
        size_t j = sp(p, k + 3);
        if (x > 23 || m > 59 || j == k + 3)
            return 0;
        if (wd(p, j, "local time", &e)) {
            *h = x;
            *mi = m;
            return e;
        }
        if (dword(p, j, KJ_W_ZONE, &w) == 0)
            return 0;
        *h = x;
        *mi = m;
        return k + 3;
    }
    if (x < 1 || x > 12 || m > 59)
        return 0;
    *h = x == 12 ? (r > 0 ? 12 : 0) : (r > 0 ? x + 12 : x);
    *mi = m;
    return e;
}

/* A meridiem, noon or midnight written in [j, e). */
static bool has_meridiem(const ep *p, size_t j, size_t e)
{
    size_t x;
    for (size_t k = j; k < e && k < p->len; k++)
        if ((k == j || !alpha(p->lc[k - 1]))
            && (meridiem(p, k, &x) || wd(p, k, "noon", &x) || wd(p, k, "midnight", &x)
                || wd(p, k, "midday", &x)))
            return true;
    return false;
}

/* in the morning / in the afternoon / in the evening / at night at j:
 * -1 for the morning, 1 for the rest, 0 for none; *e after it. */
static int tod_after(const ep *p, size_t j, size_t *e)
{
    size_t k;
    if (wd(p, j, "at night", e))
        return 1;
    if (!wd(p, j, "in the", &k))
        return 0;
    k = sp(p, k);
    return wd(p, k, "morning", e) ? -1 : (wd(p, k, "afternoon", e) || wd(p, k, "evening", e)) ? 1 : 0;
}

/* A day word after a bare hour (at 8 tonight, at 5 tomorrow afternoon):
 * 1 when it names an afternoon, evening or night, -1 a morning, 0 a day
 * without its part, -2 for none. Nothing is consumed. */
static int day_after_hour(const ep *p, size_t j)
{
    size_t x;
    if (wd(p, j, "tonight", &x) || wd(p, j, "tonite", &x))
        return 1;
    bool day = wd(p, j, "today", &x) || wd(p, j, "tomorrow", &x) || wd(p, j, "yesterday", &x);
    if (!day && !wd(p, j, "this", &x))
        return -2;
    const char *tod = tod_word(p, sp(p, x), &x);
    if (!tod)
        return day ? 0 : -2;
    return tod[0] == 'M' ? -1 : 1;
}

/* o'clock at i, also written oclock or with a typographic apostrophe. */
static bool oclock(const ep *p, size_t i, size_t *e)
{
    return wd(p, i, "o'clock", e) || wd(p, i, "oclock", e) || wd(p, i, "o\xe2\x80\x99" "clock", e);
}

/* Clocks in words: half past seven, a quarter to nine, quarter after six,
 * 20 past 9, ten minutes to six, seven o'clock. The hour (1-12) is as
 * written unless a meridiem or a part of the day follows. Returns the end,
 * 0 for none. */
static size_t clock_words(ep *p, size_t i, int64_t *h, int64_t *mi)
{
    size_t e, k, x;
    int64_t m = 0, v;
    int nd, dir = 0;
    bool strong = false; /* quarter, half or minutes: "to" is no range */
    if (wd(p, i, "half", &e)) {
        m = 30, strong = true;
        if (!wd(p, sp(p, e), "past", &e))
            return 0;
        dir = 1;
    } else {
        size_t q = i;
        if (wd(p, i, "a", &e))
            q = sp(p, e);
        if (wd(p, q, "quarter", &e)) {
            m = 15, strong = true;
        } else if (q == i && num(p, i, &v, &e, &nd) && v >= 1 && v <= 59 && nd <= 2
                   && !(nd > 0 && suffixed(p, e, nd))) {
            m = v;
            size_t j = sp(p, e);
            if (wd(p, j, "minutes", &x) || wd(p, j, "minute", &x) || wd(p, j, "min", &x)
                || wd(p, j, "mins", &x))
                e = x, strong = true;
        } else
            return 0;
        k = sp(p, e);
        if (wd(p, k, "past", &e))
            dir = 1;
        else if (strong && (wd(p, k, "after", &e)))
            dir = 1;
        else if (strong && wd(p, k, "to", &e))
            dir = -1;
        else if (q == i && num(p, i, &v, &e, &nd) && v >= 1 && v <= 12 && nd <= 2) {
            /* seven o'clock (read above as minutes) */
            if (!oclock(p, k, &x))
                return 0;
            *h = v, *mi = 0;
            return x;
        } else
            return 0;
    }
    k = sp(p, e);
    /* a quarter past noon, 20 past 3pm: noon is 12, a meridiem may follow
     * the hour's digits (date_time reads it) */
    if (wd(p, k, "noon", &e) || wd(p, k, "midday", &e)) {
        *h = dir > 0 ? 12 : 11;
        *mi = dir > 0 ? m : 60 - m;
        return e;
    }
    if (!num(p, k, &v, &e, &nd) || v < 1 || v > 12 || nd > 2
        || (alpha(ch(p, e)) && !(nd > 0 && meridiem(p, e, &x))) || ch(p, e) == ':'
        || (ch(p, e) == '.' && digit(ch(p, e + 1))))
        return 0;
    x = sp(p, e);
    if (oclock(p, x, &k))
        e = k;
    *h = dir > 0 ? v : (v == 1 ? 12 : v - 1);
    *mi = dir > 0 ? m : 60 - m;
    return e;
}

/* Clock times: 3 p.m., 10:30 am, noon, 1213 GMT; an optional zone. */
static size_t date_time(ep *p, size_t i, kj_tx *t)
{
    size_t e, k;
    int64_t h, mi = 0;
    int nd;
    bool clock = false;
    char c0 = ch(p, i);
    if ((digit(c0) || c0 == 'h' || c0 == 'a' || c0 == 'q' || (p->k->wnpos == i && p->k->wnum))
        && (e = clock_words(p, i, &h, &mi)) > 0) {
        /* its meridiem or part of the day */
        size_t j = sp(p, e), m2;
        int r = meridiem(p, j, &m2);
        if (!r)
            r = tod_after(p, j, &m2);
        if (r) {
            if (r > 0 && h < 12)
                h += 12;
            else if (r < 0 && h == 12)
                h = 0;
            e = m2;
        }
        clock = true;
    } else if (digit(ch(p, i)) && (e = dot_clock(p, i, &h, &mi)) > 0) {
        clock = true;
    } else if (wd(p, i, "noon", &e) || wd(p, i, "midday", &e)) {
        h = 12;
        clock = true;
    } else if (wd(p, i, "noonish", &e)) {
        h = 12; /* noonish, 11ish: about that hour */
        t->qual = KJ_Q_APPROX;
        clock = true;
    } else if (num_digits(p, i, &h, &e, &nd) && nd <= 2 && h >= 1 && h <= 12
               && wd(p, e, "ish", &k) && (i == 0 || !alnum_at(p, i - 1))) {
        e = k;
        t->qual = KJ_Q_APPROX;
        clock = true;
    } else if (wd(p, i, "midnight", &e)) {
        h = 0;
        clock = true;
    } else if (num_digits(p, i, &h, &e, &nd)) {
        if (nd == 4 && (ch(p, e) == ' ' || ch(p, e) == '\n')) {
            /* 1213 GMT, 1805 local time */
            const kj_dword *w;
            size_t j = sp(p, e), lt;
            if (h / 100 > 23 || h % 100 > 59)
                return 0;
            if (wd(p, j, "local time", &lt) || wd(p, j, "hrs", &lt)
                || (wd(p, j, "hours", &lt) && hours_clock(p, i))) {
                size_t l2;
                if (wd(p, sp(p, lt), "local time", &l2) || wd(p, sp(p, lt), "local", &l2))
                    lt = l2; /* 1900 hours local */
                t->hh = (int)(h / 100);
                t->mi = (int)(h % 100);
                t->grain = t->mi ? KJ_G_MINUTE : KJ_G_HOUR;
                return lt;
            }
            int r0 = meridiem(p, j, &lt);
            if (r0 && h / 100 >= 1 && h / 100 <= 12
                && (p->s[j] == 'a' || p->s[j] == 'p' || ch(p, j + 1) == '.')) {
                /* 1140 a.m., 0930 pm (not the radio station 1140 AM) */
                mi = h % 100;
                h /= 100;
                h = h == 12 ? (r0 > 0 ? 12 : 0) : (r0 > 0 ? h + 12 : h);
                t->hh = (int)h;
                t->mi = (int)mi;
                t->grain = t->mi ? KJ_G_MINUTE : KJ_G_HOUR;
                return lt;
            }
            if (!dword(p, j, KJ_W_ZONE, &w))
                return 0;
            mi = h % 100;
            h /= 100;
            clock = true;
        } else if (nd >= 1 && nd <= 2 && h <= 24) {
            k = e;
            if (ch(p, k) == ':' && digit(ch(p, k + 1)) && digit(ch(p, k + 2)) && !digit(ch(p, k + 3))) {
                mi = (p->lc[k + 1] - '0') * 10 + (p->lc[k + 2] - '0');
                k += 3;
                /* 7:56:30 pm: seconds read, not kept */
                size_t j0 = k + 3, m0;
                if (ch(p, k) == ':' && digit(ch(p, k + 1)) && digit(ch(p, k + 2))
                    && !digit(ch(p, k + 3)) && ch(p, k + 1) <= '5' && meridiem(p, sp(p, j0), &m0))
                    k = j0;
            }
            size_t j = sp(p, k), m2;
            bool pm = wd(p, j, "p.m.", &m2) || wd(p, j, "pm", &m2) || wd(p, j, "p.m", &m2);
            bool am = !pm && (wd(p, j, "a.m.", &m2) || wd(p, j, "am", &m2) || wd(p, j, "a.m", &m2));
            if (!pm && !am && j == k
                && (k > e || (kj_before(p->lc, i, "at ") && h <= 12 && p->s[k] == p->lc[k]))
                && (clock_cue(p, i) || p->cued == i
                    || !(i >= 2 && p->lc[i - 1] == ' ' && alpha(p->lc[i - 2])))
                && (ch(p, k) == 'a' || ch(p, k) == 'p')
                && !alpha(ch(p, k + 1)) && !digit(ch(p, k + 1)) && !(ch(p, k + 1) == '.' && alpha(ch(p, k + 2)))) {
                /* at 8:45a, by 9:00p, 3:15p, at 7p: a one-letter meridiem
                 * after the minutes of a cued clock, or after "at" and an
                 * hour, or one after no word (John 3:16a is a verse) */
                pm = ch(p, k) == 'p';
                am = !pm;
                m2 = k + 1;
            }
            if (ch(p, j) == 'p' && ch(p, j + 1) == '.' && ch(p, j + 2) == 'm' && ch(p, j + 3) == '.')
                pm = true, m2 = j + 4;
            if (ch(p, j) == 'a' && ch(p, j + 1) == '.' && ch(p, j + 2) == 'm' && ch(p, j + 3) == '.')
                am = true, m2 = j + 4;
            int r;
            if (!pm && !am && h >= 1 && h <= 12 && (k > e || clock_cue(p, i))
                && (r = tod_after(p, j, &m2)) != 0) {
                /* at 8 in the morning, 7:30 in the evening */
                if (r > 0 && h < 12)
                    h += 12;
                else if (r < 0 && h == 12)
                    h = 0;
            } else if (!pm && !am && h >= 1 && h <= 12 && k == e
                       && (kj_before(p->lc, i, "in the morning at ")
                           || kj_before(p->lc, i, "in the afternoon at ")
                           || kj_before(p->lc, i, "in the evening at "))
                       && (k == p->len || strchr(".,;!?\n", ch(p, k)) != NULL)
                       && !(ch(p, k) == ',' && digit(ch(p, sp(p, k + 1))))) {
                /* in the afternoon at 7: the part of the day before "at"
                 * sets the half of the day of the hour that ends the phrase */
                if (!kj_before(p->lc, i, "morning at ") && h < 12)
                    h += 12;
                m2 = k;
            } else if (!pm && !am && h >= 1 && h <= 12 && j > k
                       && (kj_before(p->lc, i, "at ") || kj_before(p->lc, i, "by ")
                           || kj_before(p->lc, i, "around ") || kj_before(p->lc, i, "until "))
                       && (r = day_after_hour(p, j)) > -2) {
                /* at 8 tonight, at 5 tomorrow afternoon: the day follows */
                if (r > 0 && h < 12)
                    h += 12;
                m2 = k;
            } else if (!pm && !am) {
                /* 14:30, 23:59:59: a 24-hour clock needs its two minute digits
                 * (seconds read, not kept) and no more digits or colons */
                if (k == e || h > 23 || (nd == 1 && !clock_cue(p, i) && p->cued != i))
                    return 0;
                if (ch(p, k) == ':' && digit(ch(p, k + 1)) && digit(ch(p, k + 2)))
                    k += 3;
                const kj_dword *uw;
                if (ch(p, k) == ':' || digit(ch(p, k)) || (ch(p, k) == '.' && digit(ch(p, k + 1)))
                    || alpha(ch(p, k)) || dword(p, sp(p, k), KJ_W_UNIT, &uw) > 0)
                    return 0; /* 2:30 minutes is a length */
                m2 = k;
            } else if (h > 12 || (mi > 59))
                return 0;
            if (mi > 59)
                return 0;
            if (pm && h < 12)
                h += 12;
            if (am && h == 12)
                h = 0;
            e = m2;
            clock = true;
        }
    }
    if (!clock)
        return 0;
    t->hh = (int)h;
    t->mi = (int)mi;
    t->grain = mi ? KJ_G_MINUTE : KJ_G_HOUR;
    const kj_dword *w;
    size_t j = sp(p, e), n;
    /* 6:40 p.m. (GMT +8): the zone may stand in brackets */
    bool br = ch(p, j) == '(';
    size_t z = br ? j + 1 : j;
    if ((br || j > e) && (n = dword(p, z, KJ_W_ZONE, &w)) > 0) {
        const char *zone = w->s;
        size_t q = zone_shift(p, z + n, &zone);
        if (!br || ch(p, q) == ')') {
            t->zone = zone;
            e = br ? q + 1 : q;
        }
    }
    return e;
}

/* The minutes east of UTC of a resolved zone ("Z", "+05:30", "-05:00")
 * in *o; false for none or another form. */
static bool zone_minutes(const char *z, int *o)
{
    if (!z)
        return false;
    if (z[0] == 'Z' && !z[1])
        return (*o = 0), true;
    if ((z[0] != '+' && z[0] != '-') || !digit(z[1]) || !digit(z[2]) || z[3] != ':' ||
        !digit(z[4]) || !digit(z[5]) || z[6])
        return false;
    int m = ((z[1] - '0') * 10 + (z[2] - '0')) * 60 + (z[4] - '0') * 10 + (z[5] - '0');
    *o = z[0] == '-' ? -m : m;
    return true;
}

/* Resolve a fixed-offset or IANA zone into the "+hh:mm" of that date. */
static const char *zone_offset(kj_dctx *c, const kj_tx *t)
{
    if (!t->zone || t->zone[0] == 'Z' || t->zone[0] == '+' || t->zone[0] == '-')
        return t->zone;
    UChar id[32];
    u_uastrncpy(id, t->zone, 31);
    id[31] = 0;
    UErrorCode st = U_ZERO_ERROR;
    UCalendar *cal = ucal_open(id, -1, "en", UCAL_GREGORIAN, &st);
    if (U_FAILURE(st))
        return NULL;
    ucal_setDateTime(cal, t->y ? t->y : 2000, t->m ? t->m - 1 : 0, t->d ? t->d : 1, t->hh, t->mi,
                     0, &st);
    int32_t off = ucal_get(cal, UCAL_ZONE_OFFSET, &st) + ucal_get(cal, UCAL_DST_OFFSET, &st);
    ucal_close(cal);
    if (U_FAILURE(st) || !t->y)
        return NULL;
    char b[8];
    int mins = off / 60000;
    snprintf(b, sizeof b, "%c%02d:%02d", mins < 0 ? '-' : '+', (mins < 0 ? -mins : mins) / 60,
             (mins < 0 ? -mins : mins) % 60);
    return kj_strndup(c->d, b, strlen(b));
}

/* Any date at i (without the early/late/the end of prefix). */
/* Monday = 0 .. Sunday = 6 of the day z (days since 1970-01-01, a
 * Thursday). */
static int wday0(long z)
{
    return (int)(((z + 3) % 7 + 7) % 7);
}

/* The month and day of the named day w in year y: a fixed day (arg =
 * month * 100 + day), or by the rule in w->s: "M/N/W[+O]" the Nth (L =
 * last) weekday W (1 = Monday) of month M, O days on (Thanksgiving 11/4/4,
 * Black Friday 11/4/4+1), "easter[+-O]" O days from Easter Sunday (the
 * Gregorian computus). */
static bool holiday(const kj_dword *w, int y, int *m, int *d)
{
    const char *r = w->s;
    long z;
    if (strncmp(r, "easter", 6) == 0) {
        int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4, f = (b + 8) / 25;
        int g = (b - f + 1) / 3, h = (19 * a + b - dd - g + 15) % 30, i = c / 4, k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7, mm = (a + 11 * h + 22 * l) / 451;
        int mo = (h + l - 7 * mm + 114) / 31, da = (h + l - 7 * mm + 114) % 31 + 1;
        z = kj_days(y, mo, da) + atoi(r + 6);
    } else if (strchr(r, '/')) {
        int mo = atoi(r), wdy;
        const char *q = strchr(r, '/') + 1;
        bool last = *q == 'L';
        int nth = last ? 0 : atoi(q);
        q = strchr(q, '/');
        if (!q || mo < 1 || mo > 12 || (!last && (nth < 1 || nth > 5)))
            return false;
        wdy = atoi(q + 1);
        if (wdy < 1 || wdy > 7)
            return false;
        const char *o = strpbrk(q + 1, "+-");
        if (last) {
            z = kj_days(y, mo, kj_mdays(y, mo));
            z -= (((z + 3) % 7 + 7) % 7 + 1 - wdy + 7) % 7; /* 1970-01-01: a Thursday */
        } else {
            z = kj_days(y, mo, 1);
            z += (wdy - (((z + 3) % 7 + 7) % 7 + 1) + 7) % 7 + 7L * (nth - 1);
        }
        z += o ? atoi(o) : 0;
    } else {
        *m = w->arg / 100;
        *d = w->arg % 100;
        return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
    }
    int yy;
    kj_civil(z, &yy, m, d);
    return yy == y;
}

/* The weekend nearest the day t (the one before a Monday, else the one
 * ending its ISO week): t becomes that weekend. */
static void weekend_of_day(kj_tx *t)
{
    if (t->y && t->m && t->d) {
        long z = kj_days(t->y, t->m, t->d);
        if (wday0(z) == 0)
            z -= 7; /* a Monday holiday ends the weekend before it */
        kj_isoweek(z, &t->y, &t->wk);
    } else {
        t->y = 0;
    }
    t->m = t->d = 0;
    t->grain = KJ_G_WEEK;
    t->weekend = true;
}

/* Labor Day weekend, Easter weekend: the named day's weekend. Returns the
 * end. */
static size_t holiday_weekend(ep *p, size_t e, kj_tx *t)
{
    size_t x;
    if (ch(p, e) != ' ' || !(wd(p, e + 1, "weekend", &x) || wd(p, e + 1, "week-end", &x)))
        return e;
    weekend_of_day(t);
    return x;
}

/* Digits at *k (at most mx of them, at least one): their value, -1 for none. */
static int digits_at(const ep *p, size_t *k, size_t mx)
{
    size_t a = *k;
    int v = 0;
    while (*k < p->len && digit(p->lc[*k]) && *k - a < mx + 1)
        v = v * 10 + (p->lc[(*k)++] - '0');
    return *k == a || *k - a > mx ? -1 : v;
}

/* Numeric dates with a month name or with dots: 05-Aug-2016, 23/Sep/2020,
 * 28-Nov, 2019/aug/01, 2019-aug-1, Sep-23-2020; 13.5.2015 (day first, as
 * dotted dates are written), 2015.5.13. The same separator twice, nothing
 * that goes on with digits or separators around. */
static size_t date_mixed(ep *p, size_t i, kj_tx *t)
{
    if (i > 0 && (digit(p->lc[i - 1]) || alpha(p->lc[i - 1]) || p->lc[i - 1] == '/'
                  || p->lc[i - 1] == '-' || p->lc[i - 1] == '.'))
        return 0;
    size_t k = i, x;
    int y = 0, m = 0, d = 0;
    if (digit(ch(p, i))) {
        int a = digits_at(p, &k, 4);
        char sep = ch(p, k);
        if (a < 0 || (sep != '-' && sep != '/' && sep != '.'))
            return 0;
        bool four = k - i == 4;
        k++;
        if (sep == '.') {
            int b = digits_at(p, &k, 2);
            if (b < 0 || ch(p, k) != '.')
                return 0;
            k++;
            size_t c0 = k;
            int c = digits_at(p, &k, 4);
            if (c < 0)
                return 0;
            if (four && k - c0 <= 2)
                y = a, m = b, d = c; /* 2015.5.13 */
            else if (!four && k - i - (k - c0) <= 6 && k - c0 == 4)
                y = c, m = b, d = a; /* 13.5.2015 */
            else
                return 0;
        } else {
            if (!alpha(ch(p, k)) || !month(p, k, &m, &x))
                return 0;
            if (ch(p, x - 1) == '.') {
                /* on 28-Nov.: the period ends the sentence (not 05-Aug.-2016) */
                if (sep != '-' || (x < p->len && ch(p, x) != ' ' && ch(p, x) != '\n'))
                    return 0;
                x--;
            }
            k = x;
            if (ch(p, k) == sep && digit(ch(p, k + 1))) {
                k++;
                size_t c0 = k;
                int c = digits_at(p, &k, 4);
                if (c < 0)
                    return 0;
                if (four && k - c0 <= 2)
                    y = a, d = c; /* 2019-aug-1 */
                else if (!four && k - c0 == 4)
                    y = c, d = a; /* 05-Aug-2016 */
                else
                    return 0;
            } else if (!four && sep == '-') {
                d = a; /* 28-Nov: the year from the publication */
            } else {
                return 0;
            }
        }
    } else {
        /* Sep-23-2020 */
        if (!month(p, i, &m, &x) || ch(p, x - 1) == '.')
            return 0;
        k = x;
        char sep = ch(p, k);
        if ((sep != '-' && sep != '/') || !digit(ch(p, k + 1)))
            return 0;
        k++;
        d = digits_at(p, &k, 2);
        if (d < 0 || ch(p, k) != sep)
            return 0;
        k++;
        size_t c0 = k;
        y = digits_at(p, &k, 4);
        if (y < 0 || k - c0 != 4)
            return 0;
    }
    if (digit(ch(p, k)) || alpha(ch(p, k)) || ch(p, k) == '/' || ch(p, k) == '-'
        || ((ch(p, k) == '.' || ch(p, k) == ',') && digit(ch(p, k + 1))))
        return 0;
    if (m < 1 || m > 12 || d < 1 || d > kj_mdays(y ? y : 2000, m) || (y && (y < 1800 || y > 2100)))
        return 0;
    t->m = m, t->d = d;
    t->mset = true;
    t->grain = KJ_G_DAY;
    if (y) {
        t->y = y;
        t->yset = true;
    } else {
        kj_dt_bare_md(p->c, t, i);
    }
    return k;
}

/* A month and day with no year read from i to k: the nearest such day
 * (kj_dt_bare_md). Returns k. */
static size_t bare_md(ep *p, kj_tx *t, int m, int d, size_t i, size_t k)
{
    t->m = m, t->d = d;
    t->mset = true;
    t->grain = KJ_G_DAY;
    kj_dt_bare_md(p->c, t, i);
    return k;
}

/* A month and day with a slash and no year right after a weekday
 * (Friday 5/12, Thursday 29/03: the day first when the first number cannot
 * be a month); not inside a longer run of digits and separators. */
static size_t wday_md(ep *p, size_t i, kj_tx *t)
{
    int v[2] = {0, 0};
    size_t k = i;
    for (int q = 0; q < 2; q++) {
        size_t a = k;
        while (k < p->len && digit(p->lc[k]) && k - a < 3)
            v[q] = v[q] * 10 + (p->lc[k++] - '0');
        if (k == a || k - a > 2)
            return 0;
        if (q == 0 && ch(p, k++) != '/')
            return 0;
    }
    size_t x;
    if (digit(ch(p, k)) || alpha(ch(p, k)) || ch(p, k) == '/' || ch(p, k) == '-'
        || ((ch(p, k) == '.' || ch(p, k) == ',' || ch(p, k) == ':') && digit(ch(p, k + 1)))
        || wd(p, sp(p, k), "of", &x))
        return 0; /* on Sunday 2/3 of the seats: a fraction */
    int m = v[0], d = v[1];
    if (m > 12) {
        m = v[1];
        d = v[0];
    }
    if (m < 1 || m > 12 || d < 1 || d > kj_mdays(0, m))
        return 0;
    return bare_md(p, t, m, d, i, k);
}

/* The word lit (lower case) ends right before i, one or more spaces
 * between, and starts a word. */
static bool word_before(const ep *p, size_t i, const char *lit)
{
    size_t n = strlen(lit), b = i;
    while (b > 0 && p->lc[b - 1] == ' ')
        b--;
    if (b == i || b < n || memcmp(p->lc + b - n, lit, n) != 0)
        return false;
    return b == n || !alpha(p->lc[b - n - 1]);
}

/* on 4-22: a month and day with a dash after "on", only where the
 * phrase ends (on 4-2 in overtime is a score; 4.22 stays a decimal). */
static size_t md_on(ep *p, size_t i, kj_tx *t)
{
    size_t k = i;
    int m = digits_at(p, &k, 2);
    char sep = ch(p, k);
    if (m < 1 || m > 12 || sep != '-')
        return 0;
    k++;
    int d = digits_at(p, &k, 2);
    if (d < 1 || d > kj_mdays(0, m) || !phrase_end(p, sp(p, k))
        || ch(p, k) == ',' || (k < p->len && ch(p, k) != ' ' && ch(p, k) != '.'
                               && ch(p, k) != '!' && ch(p, k) != '?'))
        return 0;
    return bare_md(p, t, m, d, i, k);
}

/* 22/04: a day above 12 and a zero-padded month with a slash, which no
 * fraction, score or ratio writes; not in a longer chain. */
static size_t dm_padded(ep *p, size_t i, kj_tx *t)
{
    size_t k = i;
    if (i > 0 && (alpha(p->lc[i - 1]) || p->lc[i - 1] == '/' || p->lc[i - 1] == '.'
                  || p->lc[i - 1] == '-' || p->lc[i - 1] == ','))
        return 0;
    int d = digits_at(p, &k, 2);
    if (d <= 12 || d > 31 || k - i != 2 || ch(p, k) != '/' || ch(p, k + 1) != '0')
        return 0;
    size_t a = ++k;
    int m = digits_at(p, &k, 2);
    if (k - a != 2 || m < 1 || m > 9 || d > kj_mdays(0, m) || digit(ch(p, k)) || alpha(ch(p, k))
        || ch(p, k) == '/' || ch(p, k) == '-' || ch(p, k) == '%'
        || ((ch(p, k) == '.' || ch(p, k) == ',' || ch(p, k) == ':') && digit(ch(p, k + 1))))
        return 0;
    return bare_md(p, t, m, d, i, k);
}

static size_t wday_word(const ep *p, size_t i, const kj_dword **w, bool *plural, bool lower);

/* two Sundays from now, three Fridays ago, two Mondays later: the Nth such
 * weekday after (before) the publication day. */
static size_t wdays_off(ep *p, size_t i, kj_tx *t)
{
    int64_t v;
    int nd;
    size_t e, k, x;
    const kj_dword *w;
    bool plural;
    if (!num(p, i, &v, &e, &nd) || nd > 1 || v < 1 || v > 9 || suffixed(p, e, nd))
        return 0;
    k = sp(p, e);
    size_t n = k > e ? wday_word(p, k, &w, &plural, true) : 0;
    if (!n)
        return 0;
    k = sp(p, k + n);
    int dir = 0;
    if (wd(p, k, "from", &x) && (wd(p, sp(p, x), "now", &e) || wd(p, sp(p, x), "today", &e)))
        dir = 1;
    else if (wd(p, k, "later", &e))
        dir = 1;
    else if (wd(p, k, "ago", &e))
        dir = -1;
    if (!dir)
        return 0;
    kj_dctx *c = p->c;
    if (c->py) {
        long z = kj_days(c->py, c->pm, c->pd);
        int wdy = w->arg - 1;
        if (dir > 0)
            z += (wdy - wday0(z) + 6) % 7 + 1 + 7L * (v - 1);
        else
            z -= (wday0(z) - wdy + 6) % 7 + 1 + 7L * (v - 1);
        kj_civil(z, &t->y, &t->m, &t->d);
    }
    t->rel = true;
    t->grain = KJ_G_DAY;
    return e;
}

static size_t date_any(ep *p, size_t i, kj_tx *t)
{
    kj_tx_init(t);
    size_t e;
    const kj_dword *w;
    size_t n;
    if ((e = wdays_off(p, i, t)) > 0)
        return e;
    kj_tx_init(t);
    if ((e = date_mixed(p, i, t)) > 0 || (e = date_iso(p, i, t)) > 0
        || (e = date_mdy(p, i, t)) > 0 || (e = date_month(p, i, t)) > 0
        || (e = date_dm(p, i, t)) > 0 || (e = date_nth(p, i, t)) > 0)
        return e;
    kj_tx_init(t);
    /* on 11/20, on 22/04, by 23/12: a slash month and day after on (either
     * order), or after by / until / before / after / from when the first
     * number can only be the day (above 12) */
    if (digit(ch(p, i)) && (i == 0 || !digit(p->lc[i - 1]))) {
        bool on = word_before(p, i, "on");
        if (on && (e = md_on(p, i, t)) > 0)
            return e;
        kj_tx_init(t);
        if ((e = dm_padded(p, i, t)) > 0)
            return e;
        kj_tx_init(t);
        int v0 = 0;
        size_t k = i;
        while (k < p->len && digit(p->lc[k]) && k - i < 3)
            v0 = v0 * 10 + (p->lc[k++] - '0');
        if (ch(p, k) == '/' && (i < 4 || !alpha(p->lc[i - 4]) || !on)
            && (on || (v0 > 12 && (kj_before(p->lc, i, "by ") || kj_before(p->lc, i, "until ")
                                   || kj_before(p->lc, i, "before ")
                                   || kj_before(p->lc, i, "after ")
                                   || kj_before(p->lc, i, "from "))))
            && (e = wday_md(p, i, t)) > 0)
            return e;
        kj_tx_init(t);
    }
    if ((e = date_quarter(p, i, t)) > 0 || (e = date_rel(p, i, t)) > 0
        || (e = date_fiscal(p, i, t)) > 0)
        return e;
    kj_tx_init(t);
    /* tonight, last night, tomorrow morning: the day with its part of the
     * day, as 今夜 / 今朝 (grain hour, …TNI) */
    if (wd(p, i, "tonight", &e) || wd(p, i, "tonite", &e)) {
        if (kj_before(p->lc, i, "the "))
            return 0; /* The Tonight Show */
        kj_dt_rel(p->c, t, KJ_W_DAY, 0);
        t->tod = "NI";
        t->grain = KJ_G_HOUR;
        return e;
    }
    /* the week after next, the year after the next: two on */
    {
        size_t x, q;
        int kind = 0;
        if (wd(p, i, "the", &x)) {
            q = sp(p, x);
            kind = wd(p, q, "week", &x) ? KJ_W_WEEK : wd(p, q, "month", &x) ? KJ_W_MONTH
                 : wd(p, q, "year", &x) ? KJ_W_YEAR : 0;
            if (kind && wd(p, sp(p, x), "after", &x)) {
                q = sp(p, x);
                if (wd(p, q, "the", &x))
                    q = sp(p, x);
                if (wd(p, q, "next", &e) && !alpha(ch(p, sp(p, e)))) {
                    kj_dt_rel(p->c, t, kind, 2);
                    return e;
                }
            }
        }
    }
    /* H1 2016, 2016 H2, 2016-H2: the half year, as the year with mod start
     * / end (GUIDELINES: 2012年前半) */
    if ((ch(p, i) == 'h') && (ch(p, i + 1) == '1' || ch(p, i + 1) == '2') && !alnum_at(p, i + 2)
        && (i == 0 || !alnum_at(p, i - 1))) {
        int yy;
        size_t x = sp(p, i + 2);
        if (x > i + 2 && year4(p, x, &yy, &e) && !digit(ch(p, e))) {
            t->y = yy;
            t->yset = true;
            t->grain = KJ_G_YEAR;
            t->mod = ch(p, i + 1) == '1' ? KJ_MOD_START : KJ_MOD_END;
            return e;
        }
    }
    /* the nineteen seventies, the twenty twenties, the noughties: a decade
     * in words (TIMEX 197, 202, 200), after "the" (the seventies alone is
     * as often an age or a temperature, as the 70s) */
    {
        static const char *const tens[] = {"twenties", "thirties", "forties", "fifties",
                                           "sixties",  "seventies", "eighties", "nineties"};
        size_t q, x;
        int dy = 0;
        if (wd(p, i, "the", &x)) {
            q = sp(p, x);
            int cy = wd(p, q, "eighteen", &x) ? 18 : wd(p, q, "nineteen", &x) ? 19
                   : wd(p, q, "twenty", &x) ? 20 : 0;
            if (wd(p, q, "noughties", &e)) {
                dy = 2000;
            } else if (cy && (ch(p, x) == ' ' || ch(p, x) == '-')) {
                q = ch(p, x) == '-' ? x + 1 : sp(p, x);
                for (int k = 0; k < 8 && !dy; k++)
                    if (wd(p, q, tens[k], &e))
                        dy = cy * 100 + (k + 2) * 10;
            }
        }
        if (dy && ch(p, e) != '-' && ch(p, e) != '\'') {
            t->y = dy;
            t->decade = true;
            t->yset = true;
            t->grain = KJ_G_YEAR;
            return e;
        }
    }
    /* 2016H2 written as one word: the same half year */
    if (digit(ch(p, i)) && (i == 0 || !alnum_at(p, i - 1)) && ch(p, i + 4) == 'h'
        && (ch(p, i + 5) == '1' || ch(p, i + 5) == '2') && !alnum_at(p, i + 6)) {
        int64_t v;
        int nd;
        if (num_digits(p, i, &v, &e, &nd) && e == i + 4 && nd == 4 && v >= 1800 && v <= 2100) {
            t->y = (int)v;
            t->yset = true;
            t->grain = KJ_G_YEAR;
            t->mod = ch(p, i + 5) == '1' ? KJ_MOD_START : KJ_MOD_END;
            return i + 6;
        }
    }
    /* the weekend (over the weekend, at the weekend): the Saturday the
     * tense picks, as a bare weekday, and the weekend of its ISO week */
    if (wd(p, i, "the weekend", &e) || wd(p, i, "the week-end", &e)) {
        size_t j = sp(p, e), x;
        if (j > e && wd(p, j, "of", &x)) {
            /* the weekend of Halloween: that named day's weekend */
            const kj_dword *hw;
            size_t hn, q = sp(p, x);
            int hm, hd;
            if ((hn = dword(p, q, KJ_W_MD, &hw)) > 0 && cap(p, q)
                && holiday(hw, p->c->py ? p->c->py : 2000, &hm, &hd)) {
                kj_tx h;
                kj_tx_init(&h);
                h.m = hm, h.d = hd, h.grain = KJ_G_DAY;
                kj_dt_bare_md(p->c, &h, q);
                if (h.y && holiday(hw, h.y, &hm, &hd))
                    h.m = hm, h.d = hd;
                *t = h;
                weekend_of_day(t);
                return q + hn;
            }
        }
        if (ch(p, e) == '-' || (j > e && (wd(p, j, "of", &x) || wd(p, j, "edition", &x)
                                          || wd(p, j, "editions", &x) || wd(p, j, "show", &x))))
            return 0;
        kj_dt_weekday(p->c, t, 6, i);
        if (t->y) {
            kj_isoweek(kj_days(t->y, t->m, t->d), &t->y, &t->wk);
            t->m = t->d = 0;
        }
        t->grain = KJ_G_WEEK;
        t->weekend = true;
        return e;
    }
    /* summer 2020, the winter of 2019: the season of that year */
    int sq;
    if ((sq = season_word(p, i, &e)) > 0) {
        size_t j = sp(p, e), x;
        int y;
        if (j > e && wd(p, j, "of", &x))
            j = sp(p, x);
        if (j > e && year4(p, j, &y, &x) && !digit(ch(p, x)) && ch(p, x) != '-') {
            t->grain = KJ_G_SEASON;
            t->q = sq;
            t->y = y;
            t->yset = true;
            return x;
        }
        return 0;
    }
    if ((n = dword(p, i, KJ_W_DAY, &w)) > 0) {
        kj_dt_rel(p->c, t, KJ_W_DAY, w->arg);
        size_t j = sp(p, i + n);
        const char *tod = tod_word(p, j, &e);
        if (j > i + n && tod) {
            t->tod = tod;
            t->grain = KJ_G_HOUR;
            return e;
        }
        return i + n;
    }
    /* the same day, the next day: from the last date (the day before,
     * not where "before" takes a word: the day before easing) */
    if ((n = dword(p, i, KJ_W_ADAY, &w)) > 0) {
        if (before_takes_word(p, i, n))
            return 0;
        kj_dt_anaphor(p->c, t, KJ_G_DAY, w->arg);
        return i + n;
    }
    /* returned next day, remember this day, fell 2% on the day: the same
     * anaphor where the phrase ends (not next day delivery, the next
     * day's trading; not after a word that makes "this day" or "the day"
     * a span or an idiom: to this day = until now, later in the day, the
     * news of the day, by the day, won the day, five years to the day) */
    {
        static const char *const idiom[] = {
            "to",     "until",   "till",    "unto",    "of",      "in",      "by",
            "during", "all",     "through", "throughout", "over", "since",   "into",
            "carry",  "carried", "carries", "win",     "won",     "wins",    "save",
            "saved",  "saves",   "seize",   "seized",  "rule",    "ruled",   "call",
            "called", "make",    "made",    "the",     "a"};
        size_t x, y;
        int off = 9;
        if (wd(p, i, "next", &x) || wd(p, i, "following", &x))
            off = 1;
        else if (wd(p, i, "this", &x) || wd(p, i, "the", &x))
            off = 0;
        if (off != 9 && ch(p, x) == ' ' && wd(p, x + 1, "day", &y) && phrase_end(p, sp(p, y))
            && p->s[x + 1] == 'd') {
            /* the word before i */
            size_t b = i;
            while (b > 0 && (p->lc[b - 1] == ' ' || p->lc[b - 1] == '\n'))
                b--;
            size_t a = b;
            while (a > 0 && alpha(p->lc[a - 1]))
                a--;
            bool bad = false;
            for (size_t q = 0; q < sizeof idiom / sizeof idiom[0] && !bad; q++)
                bad = b - a == strlen(idiom[q]) && memcmp(p->lc + a, idiom[q], b - a) == 0;
            if (!bad) {
                kj_dt_anaphor(p->c, t, KJ_G_DAY, off);
                return y;
            }
        }
    }
    /* the following year, the previous month: from the last date; the
     * following week is the ISO week after the last date's day */
    if ((n = dword(p, i, KJ_W_AMONTH, &w)) > 0 || (n = dword(p, i, KJ_W_AYEAR, &w)) > 0) {
        if (ch(p, i + n) == '\'' || ch(p, i + n) == '-')
            return 0; /* the previous year's level: a comparison, not a date */
        if (!kj_dt_anaphor(p->c, t, w->kind == KJ_W_AMONTH ? KJ_G_MONTH : KJ_G_YEAR, w->arg)
            && p->c->has_last)
            return 0; /* in 2019 ... the following month: no month to count from */
        return i + n;
    }
    if ((n = dword(p, i, KJ_W_AWEEK, &w)) > 0) {
        if (before_takes_word(p, i, n))
            return 0;
        if (!kj_dt_anaphor(p->c, t, KJ_G_DAY, 7 * w->arg) && p->c->has_last)
            return 0;
        t->grain = KJ_G_WEEK;
        if (t->y && t->m && t->d)
            kj_isoweek(kj_days(t->y, t->m, t->d), &t->y, &t->wk);
        else
            t->y = 0;
        t->m = t->d = 0;
        return i + n;
    }
    /* Mon 13th, Fri 5/12: a capitalized abbreviation before its day */
    size_t nthp = 0;
    if ((n = dword(p, i, KJ_W_WDAY, &w)) > 0 && ch(p, i + n) == ' ' && digit(ch(p, i + n + 1))) {
        int64_t v;
        int nd;
        size_t x;
        if ((num_digits(p, i + n + 1, &v, &x, &nd) && nd <= 2 && suffixed(p, x, nd))
            || ch(p, x) == '/')
            nthp = i + n + 1;
    }
    /* Wed, 22 Jan: an abbreviation and a comma, capitalized (or in a text
     * without capitals), only before a date that names its day */
    bool acomma = n > 0 && w->mod != 0 && ch(p, i + n) == ',' && ch(p, i + n + 1) == ' '
               && ((p->s[i] >= 'A' && p->s[i] <= 'Z') || p->caseless);
    if (n > 0 && (w->mod == 0 || ch(p, i + n) == '.' || acomma
                  || (nthp && p->s[i] >= 'A' && p->s[i] <= 'Z'))) {
        /* A weekday is capitalized in edited text; a lower-case full name
         * (chat, captions) only after on / by / until or before at / a part
         * of the day ("on friday", "friday at 4pm") or its day (friday
         * the 26th, friday 5/12) */
        if (!cap(p, i) || (w->mod != 0 && !(p->s[i] >= 'A' && p->s[i] <= 'Z'))) {
            size_t j = sp(p, i + n), x;
            if ((w->mod != 0 && !acomma)
                || !(acomma || kj_before(p->lc, i, "on ") || kj_before(p->lc, i, "by ")
                     || kj_before(p->lc, i, "until ") || wd(p, j, "at", &x) || tod_word(p, j, &x)
                     || nthp || wd(p, j, "the", &x)))
                return 0;
        }
        size_t we = i + n + (w->mod == 1 && ch(p, i + n) == '.');
        /* the Sunday Express, The Sunday Times: after "the", a weekday
         * before a capitalized word starts a name (a newspaper) */
        if (i >= 4 && (kj_before(p->s, i, "the ") || kj_before(p->s, i, "The ")) &&
            (i == 4 || !alpha(p->s[i - 5])) && ch(p, we) == ' ' && we + 1 < p->len &&
            p->s[we + 1] >= 'A' && p->s[we + 1] <= 'Z')
            return 0;
        /* Monday, Feb. 18; Friday 2018-7-6: the date names the day, and
         * the weekday is part of it (not the one nearest publication) */
        size_t k = sp(p, ch(p, we) == ',' ? we + 1 : we), de;
        if (k > we && (digit(ch(p, k)) || alpha(ch(p, k)))) {
            kj_tx d;
            kj_tx_init(&d);
            if (((de = date_mixed(p, k, &d)) > 0 || (de = date_iso(p, k, &d)) > 0
                 || (de = date_mdy(p, k, &d)) > 0
                 || (de = date_month(p, k, &d)) > 0 || (de = date_dm(p, k, &d)) > 0)
                && d.grain == KJ_G_DAY && d.d) {
                *t = d;
                return de;
            }
            kj_tx_init(t);
            if (acomma)
                return 0;
            /* Friday 5/12, Thursday 29/03: a month and day with a slash
             * (a fraction or a score elsewhere) after its weekday */
            if (k == we + 1 && (de = wday_md(p, k, t)) > 0)
                return de;
            kj_tx_init(t);
            /* Friday the 13th, Thursday the twenty-first, Mon 13th: the
             * nearest month (within half a year) whose such day is that
             * weekday */
            size_t q, oe = 0;
            int64_t v = 0;
            int nd, dv = 0;
            if (wd(p, k, "the", &q)) {
                q = sp(p, q);
                if (num_digits(p, q, &v, &oe, &nd) && nd <= 2 && suffixed(p, oe, nd))
                    dv = (int)v;
                else if ((dv = ordword(p, q, &oe)) == 0 && alpha(ch(p, q))
                         && num(p, q, &v, &oe, &nd) && nd == 0 && ch(p, oe) != '-'
                         && phrase_end(p, sp(p, oe)))
                    dv = (int)v; /* Friday the fifteen, where the phrase ends */
            } else if (k == we + 1 && num_digits(p, k, &v, &oe, &nd) && nd <= 2 && suffixed(p, oe, nd)) {
                dv = (int)v;
            }
            kj_dctx *c = p->c;
            size_t after = sp(p, oe), ax;
            if (dv >= 1 && dv <= 31 && ch(p, oe) != '-' && c->py
                && (!alpha(ch(p, after))
                    || (after > oe && (wd(p, after, "at", &ax) || wd(p, after, "and", &ax)
                                       || wd(p, after, "or", &ax) || wd(p, after, "with", &ax)
                                       || wd(p, after, "to", &ax) || wd(p, after, "from", &ax)
                                       || wd(p, after, "until", &ax) || wd(p, after, "through", &ax)
                                       || wd(p, after, "between", &ax))))) {
                long pz = kj_days(c->py, c->pm, c->pd), best = -1;
                for (int r = -6; r <= 6; r++) {
                    long mm = (long)c->py * 12 + (c->pm - 1) + r;
                    int yy = (int)(mm / 12), mo = (int)(mm % 12) + 1;
                    if (dv > kj_mdays(yy, mo))
                        continue;
                    long z = kj_days(yy, mo, dv);
                    long dist = z > pz ? z - pz : pz - z;
                    if (wday0(z) == w->arg - 1 && (best < 0 || dist < best)) {
                        best = dist;
                        t->y = yy, t->m = mo, t->d = dv;
                    }
                }
                if (best >= 0) {
                    t->grain = KJ_G_DAY;
                    t->rel = true;
                    return oe;
                }
            }
        }
        kj_dt_weekday(p->c, t, w->arg, i);
        past_weekday(p, t, i);
        would_weekday(p, t, i);
        return we;
    }
    int hy;
    size_t hx;
    if ((n = dword(p, i, KJ_W_MD, &w)) > 0
        && (cap(p, i) || (ch(p, i + n) == ' ' && year4(p, i + n + 1, &hy, &hx)))
        && !wd(p, sp(p, i + n), "island", &e)) {
        /* (a lower-case name only before its year: easter 2018) */
        /* a named day (Christmas, Thanksgiving, Good Friday), [its year] */
        int y = p->c->py, m, d, yy;
        size_t k = i + n;
        if (!holiday(w, y ? y : 2000, &m, &d))
            return 0;
        t->m = m;
        t->d = d;
        t->grain = KJ_G_DAY;
        if (year4(p, sp(p, k), &yy, &e) && holiday(w, yy, &m, &d)) {
            t->y = yy, t->m = m, t->d = d;
            t->yset = t->mset = true;
            return holiday_weekend(p, e, t);
        }
        kj_dt_bare_md(p->c, t, i);
        /* a moving feast falls on another day in the year chosen */
        if (t->y && t->y != y && holiday(w, t->y, &m, &d))
            t->m = m, t->d = d;
        return holiday_weekend(p, k, t);
    }
    if (wd(p, i, "year-end", &e) || wd(p, i, "year end", &e) || wd(p, i, "yearend", &e)
        || wd(p, i, "end-year", &e)) {
        kj_dt_rel(p->c, t, KJ_W_YEAR, 0);
        t->mod = KJ_MOD_END;
        return e;
    }
    if (wd(p, i, "year", &e) && ch(p, e) == '\n' && wd(p, e + 1, "end", &e)) {
        kj_dt_rel(p->c, t, KJ_W_YEAR, 0);
        t->mod = KJ_MOD_END;
        return e;
    }
    int y;
    if ((e = date_time(p, i, t)) > 0) {
        const kj_dctx *c = p->c;
        if (c->py) {
            t->y = c->py, t->m = c->pm, t->d = c->pd;
            t->rel = true;
        }
        /* "until midnight yesterday (1100 GMT)": a clock with its zone in
         * brackets right after a time of a day converts it, on that day
         * (a day nearer than the publication's, if not its own across
         * the zone) */
        if (t->zone && i >= 2 && p->s[i - 1] == '(' && c->has_last && c->last_end + 2 == i &&
            p->s[i - 2] == ' ' && c->last.y && c->last.m && c->last.d && c->last.hh >= 0 &&
            !c->last.zone) {
            t->y = c->last.y, t->m = c->last.m, t->d = c->last.d;
            t->rel = c->last.rel;
        }
        t->zone = zone_offset(p->c, t);
        return e;
    }
    kj_tx_init(t);
    /* the '90s, the '80's: a decade of the century the publication year
     * is in or the one before (the apostrophe required: in their 90s is an
     * age) */
    if (digit(ch(p, i)) && i > 0 && (p->lc[i - 1] == '\'' || kj_before(p->lc, i, "\xe2\x80\x99"))
        && digit(ch(p, i + 1)) && ch(p, i + 1) == '0' && (i < 2 || !alpha(p->lc[i - 2]))) {
        size_t x = i + 2;
        if (ch(p, x) == '\'' && ch(p, x + 1) == 's')
            x++;
        if (ch(p, x) == 's' && !alpha(ch(p, x + 1)) && !digit(ch(p, x + 1))) {
            int py = p->c->py ? p->c->py : 2000, dy = (p->lc[i] - '0') * 10;
            int yy = py - py % 100 + dy;
            t->y = yy > py ? yy - 100 : yy;
            t->decade = true;
            t->rel = true;
            t->grain = KJ_G_YEAR;
            return x + 1;
        }
    }
    /* the 21st century, the nineteenth century: a century (TIMEX 20, as
     * 21世紀); not the adjective (a 19th-century house) nor a count (the
     * 3rd century of its history is as good a date, but "the 2nd century
     * in a row" is rare enough to leave) */
    {
        int64_t cv = 0;
        int cnd;
        size_t ce = 0, cx;
        if (digit(ch(p, i))) {
            if (!num_digits(p, i, &cv, &ce, &cnd) || cnd > 2 || !suffixed(p, ce, cnd))
                cv = 0;
        } else {
            cv = ordword(p, i, &ce);
        }
        if (cv >= 1 && cv <= 22 && ch(p, ce) == ' ' && wd(p, sp(p, ce), "century", &cx)
            && ch(p, cx) != '-' && ch(p, cx) != '\'') {
            t->y = (int)(cv - 1) * 100 + 1;
            t->century = true;
            t->yset = true;
            t->grain = KJ_G_YEAR;
            return cx;
        }
    }
    /* the 1990s, the 1990's: a decade (TIMEX 199) */
    size_t ds = ch(p, i + 4) == '\'' && ch(p, i + 5) == 's' ? 5 : 4;
    if (digit(ch(p, i)) && i + ds + 1 <= p->len && ch(p, i + ds) == 's' && !alpha(ch(p, i + ds + 1))
        && (i == 0 || (!digit(p->lc[i - 1]) && p->lc[i - 1] != '$')) && ch(p, i + 3) == '0') {
        int dy = 0;
        for (size_t k = i; k < i + 4 && digit(p->lc[k]); k++)
            dy = dy * 10 + (p->lc[k] - '0');
        if (dy >= 1800 && dy <= 2090 && digit(ch(p, i + 3)) && digit(ch(p, i + 1)) && digit(ch(p, i + 2))) {
            t->y = dy;
            t->decade = true;
            t->yset = true;
            t->grain = KJ_G_YEAR;
            return i + ds + 1;
        }
    }
    if (year4(p, i, &y, &e)) {
        /* not a piece of a code or phone number (138-2010-2015, 82-2100,
         * 2015-1-32): a dash or slash may join it only to another year or
         * a two-digit year end (2014-2018, 1987/88) */
        size_t r = 0, b = i;
        bool before = false;
        if (b >= 2 && (p->lc[b - 1] == '-' || p->lc[b - 1] == '/') && digit(p->lc[b - 2])) {
            for (b -= 1; b > 0 && digit(p->lc[b - 1]) && r < 6; b--)
                r++;
            if (r != 4 || (b >= 2 && (p->lc[b - 1] == '-' || p->lc[b - 1] == '/')
                           && digit(p->lc[b - 2])))
                return 0; /* a third number before: a chain */
            before = true;
        }
        if ((ch(p, e) == '-' || ch(p, e) == '/') && digit(ch(p, e + 1))) {
            for (r = 0; digit(ch(p, e + 1 + r)) && r < 6; r++)
                ;
            char nx = ch(p, e + 1 + r);
            if ((r != 2 && r != 4) || ((nx == '-' || nx == '/') && digit(ch(p, e + 2 + r))))
                return 0;
            /* 2010-2015-86: a year between two joined numbers is a code;
             * 2015-32: a two-digit end is a year only a few years on */
            if (before)
                return 0;
            int y2 = (p->lc[e + 1] - '0') * 10 + (p->lc[e + 2] - '0');
            if (r == 2 && (y2 <= y % 100 || y2 - y % 100 > 10) && !(y % 100 == 99 && y2 == 0))
                return 0;
        }
        /* 2015 - 32, 32 - 2015: a spaced dash to a number that is no year */
        {
            size_t q = e, n2 = 0;
            int nv = 0;
            if (ch(p, q) == ' ' && ch(p, q + 1) == '-' && ch(p, q + 2) == ' ') {
                for (q += 3; digit(ch(p, q)) && n2 < 6; q++)
                    n2++, nv = nv * 10 + (p->lc[q] - '0');
                if (n2 >= 1 && n2 != 4 && nv > 12 && !alpha(ch(p, q)))
                    return 0;
            }
            n2 = 0, nv = 0;
            if (i >= 4 && p->lc[i - 1] == ' ' && p->lc[i - 2] == '-' && p->lc[i - 3] == ' '
                && digit(p->lc[i - 4])) {
                int mul = 1;
                for (q = i - 4; n2 < 6 && digit(p->lc[q]); q--) {
                    n2++, nv += (p->lc[q] - '0') * mul, mul *= 10;
                    if (q == 0)
                        break;
                }
                if (n2 != 4 && nv > 12) /* 11 - 2016 may be a month */
                    return 0;
            }
        }
        /* the Russell 2000 Index, the Wilshire 5000 Index: a capitalized
         * name, the number and Index name an index (In 2000 Index funds:
         * a preposition before is a year's) */
        if (ch(p, e) == ' ' && e + 6 <= p->len && p->s[e + 1] == 'I' && wd(p, e + 1, "index", &r) &&
            !alpha(ch(p, r)) && i >= 3 && p->lc[i - 1] == ' ' && alpha(p->lc[i - 2])) {
            size_t ws = i - 2;
            while (ws > 0 && i - ws < 24 && alpha(p->lc[ws - 1]))
                ws--;
            static const char *const prep[] = {"in ", "since ", "by ", "of ", "the ", "for ",
                                               "until ", "from ", "to ", "and ", "after ", "before "};
            bool is_prep = false;
            for (size_t k = 0; k < sizeof prep / sizeof *prep; k++)
                if (wd(p, ws, prep[k], &r))
                    is_prep = true;
            if (!p->caseless && p->s[ws] >= 'A' && p->s[ws] <= 'Z' && !is_prep)
                return 0;
        }
        t->y = y;
        t->yset = true;
        t->grain = KJ_G_YEAR;
        return e;
    }
    return 0;
}

/* N units ago / earlier / later / from now; a duration otherwise. */
/* A decimal 2.5 / 3.75 / 2.125 (one to three decimals, whole part at most 5 digits)
 * starting at a word edge: whole part, fraction digits and their count. */
static bool decimal(const ep *p, size_t i, int64_t *v, int64_t *frac, int *fd, size_t *e)
{
    if (i >= p->len || !digit(p->lc[i]) || (i > 0 && (digit(p->lc[i - 1]) || alpha(p->lc[i - 1])
                                                       || p->lc[i - 1] == '.' || p->lc[i - 1] == '$')))
        return false;
    size_t k = i;
    int64_t x = 0, f = 0;
    while (k < p->len && digit(p->lc[k]) && k - i < 6)
        x = x * 10 + (p->lc[k++] - '0');
    if (k - i > 5 || ch(p, k) != '.' || !digit(ch(p, k + 1)))
        return false;
    size_t d = ++k;
    while (k < p->len && digit(p->lc[k]) && k - d < 4)
        f = f * 10 + (p->lc[k++] - '0');
    if (k - d > 3 || ch(p, k) == '.' || ch(p, k) == ',')
        return false;
    *v = x;
    *frac = f;
    *fd = (int)(k - d);
    *e = k;
    return true;
}

/* "in N units" at [st, end) reads as a date ahead: "in" before it, a
 * future-marked sentence, nothing before it in the sentence that makes it a
 * span (a number, an amount, a superlative: up 5% in two years, the lowest
 * in five years, the first time in a decade; an ability: able to finish
 * in a day, the time a thing takes), and no word after it but
 * "time" ("in two years' time") or a conjunction. *x = the end. */
static bool in_future(ep *p, size_t st, size_t end, size_t *x)
{
    if (st < 4 || !kj_before(p->lc, st, "in ") || alpha(p->lc[st - 4]))
        return false;
    size_t k = sp(p, end), y;
    if (wd(p, k, "time", &y))
        end = y, k = sp(p, y);
    if (alpha(ch(p, k)) && !wd(p, k, "and", &y) && !wd(p, k, "or", &y) && !wd(p, k, "but", &y)
        && !wd(p, k, "when", &y) && !wd(p, k, "if", &y))
        return false;
    /* back to the sentence start (at most 200 bytes): no number, no
     * superlative or "first" / "since" / "over" */
    size_t b = st - 3, lim = b > 200 ? b - 200 : 0;
    while (b > lim && p->lc[b - 1] != '.' && p->lc[b - 1] != '\n' && p->lc[b - 1] != ';') {
        b--;
        char c0 = p->lc[b];
        if (digit(c0) || c0 == '%' || c0 == '$' || kj_claim_at(p->c->d, b))
            return false;
        if (alpha(c0) && (b == 0 || !alpha(p->lc[b - 1]))) {
            size_t w0 = b, w1 = b;
            while (w1 < st && alpha(p->lc[w1]))
                w1++;
            if ((w1 - w0 > 4 && memcmp(p->lc + w1 - 3, "est", 3) == 0) || wd(p, w0, "first", &y)
                || wd(p, w0, "since", &y) || wd(p, w0, "over", &y) || wd(p, w0, "most", &y)
                || wd(p, w0, "last", &y) || wd(p, w0, "time", &y) || wd(p, w0, "able", &y)
                || wd(p, w0, "unable", &y) || wd(p, w0, "capable", &y))
                return false;
        }
    }
    if (!kj_dt_future(p->c, st))
        return false;
    *x = end;
    return true;
}

/* "over" at i means across a length, not more than it, after an amount
 * ("120 mln dlrs over three years", "4 pct over two years") or a verb of
 * spreading or paying ("is needed over two years", "repaid over ten
 * years"); "in over seven years", "took over two hours" stay "more than". */
static bool over_across(const ep *p, size_t i)
{
    size_t b = i;
    while (b > 0 && i - b < 4 && (p->lc[b - 1] == ' ' || p->lc[b - 1] == '\n'))
        b--;
    if (b == i || b == 0)
        return false;
    if (kj_claim_at(p->c->d, b - 1))
        return true;
    static const char *const v[] = {"needed", "spread", "phased", "paid", "repaid", "payable",
                                    "spent", "invested", "amortized", "amortised", "repayable",
                                    "staggered", "disbursed"};
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
        size_t n = strlen(v[k]);
        if (b >= n && memcmp(p->lc + b - n, v[k], n) == 0 && (b == n || !alpha(p->lc[b - n - 1])))
            return true;
    }
    return false;
}

/* A number in words ending in "and a half" at i (two and a half), or
 * hyphenated (five-and-a-half): its whole part and end. */
static bool words_half(ep *p, size_t i, int64_t *v, size_t *e)
{
    /* The number must end in "and a half": in a text without one (most)
     * no scan of a number at each word can find it. One search of the
     * text, on the first call. */
    if (p->half < 0) {
        p->half = 0;
        /* by its last letter, f, rarer than the others */
        const char *q = p->lc + (p->len < 9 ? p->len : 9), *end = p->lc + p->len;
        while (q < end && (q = memchr(q, 'f', (size_t)(end - q))) != NULL) {
            p->c->d->work++;
            if (memcmp(q - 9, "and a hal", 9) == 0 || memcmp(q - 9, "and-a-hal", 9) == 0) {
                p->half = 1;
                break;
            }
            q++;
        }
    }
    kj_numtok t;
    if (!p->half || !kj_num_scan(p->c->d, i, &t) || t.ns != i || !t.value.ok || t.vague
        || t.value.exp != -1 || t.value.mant % 10 != 5 || t.value.mant < 15
        || t.value.mant > 1000000 || t.ne < 10
        || !(kj_before(p->lc, t.ne, "and a half") || kj_before(p->lc, t.ne, "-and-a-half")))
        return false;
    *v = t.value.mant / 10;
    *e = t.ne;
    return true;
}

/* A number in words right before "and a quarter" or "and three
 * quarters" at i (two and a quarter hours): its whole part, and *e the end
 * of the word, where the caller reads the quarters. One word (or a
 * hyphened one, twenty-two) only. */
static bool words_quarter(ep *p, size_t i, int64_t *v, size_t *e)
{
    size_t w = i, x;
    while (w < p->len && w - i < 24 && (alpha(p->lc[w]) || p->lc[w] == '-'))
        w++;
    if (w == i || ch(p, w) != ' ' || ch(p, w + 1) != 'a'
        || !(wd(p, w + 1, "and a quarter", &x) || wd(p, w + 1, "and one quarter", &x)
             || wd(p, w + 1, "and three quarters", &x) || wd(p, w + 1, "and three quarter", &x)
             || wd(p, w + 1, "and three-quarters", &x)))
        return false;
    kj_numtok t;
    if (!kj_num_scan(p->c->d, i, &t) || t.ns != i || !t.value.ok || t.vague)
        return false;
    if (t.ne == w && t.value.exp == 0 && t.value.mant >= 0 && t.value.mant <= 100000)
        *v = t.value.mant;
    else if (t.ne > w && t.ne <= x && t.value.exp == -2 && t.value.mant >= 0
             && t.value.mant <= 10000000 && t.value.mant % 25 == 0)
        *v = t.value.mant / 100;
    else
        return false;
    *e = w;
    return true;
}

/* The place of a duration unit in the order of a compound length: Y M W D
 * H MI S (0-6), -1 for decades and centuries. */
static int unit_rank(const char *u)
{
    static const char *const r[] = {"Y", "M", "W", "D", "H", "MI", "S"};
    for (int q = 0; q < 7; q++)
        if (strcmp(u, r[q]) == 0)
            return q;
    return -1;
}

/* After the length "v u" ending at *end: more counted units, each finer
 * than the last, joined by nothing, a comma or "and" (1 hour and 30
 * minutes, 2 years 1 month 21 days; 1 hour fifteen: minutes with no word
 * where the phrase ends), or a coarser one with nothing between
 * (2 days 1 month), each unit once, but not between years, months or weeks
 * and clock units. Writes the ISO 8601 length (weeks become days
 * beside other units) and moves *end; false when none. Before ago / later /
 * from now it emits the date on [st, end) instead and sets *dated; before
 * earlier, before, after or from (a count from another date) it reads
 * nothing. */
static bool compound(ep *p, size_t st, const char *u, int64_t v, size_t *end, char *buf, size_t bn,
                     bool *dated)
{
    int last = unit_rank(u);
    if (last < 0)
        return false;
    int64_t cnt[7] = {0};
    bool used[7] = {false};
    cnt[last] = v;
    used[last] = true;
    size_t ce = *end, x;
    int parts = 1;
    for (int r = 0; r < 3; r++) {
        size_t h = sp(p, ce), e2, k2;
        bool joined = false;
        if (ch(p, h) == ',')
            h = sp(p, h + 1), joined = true;
        if (wd(p, h, "and", &x))
            h = sp(p, x), joined = true;
        int64_t v2;
        int nd2;
        const kj_dword *w2;
        if (!num(p, h, &v2, &e2, &nd2) || nd2 > 5 || suffixed(p, e2, nd2) || v2 < 0 || v2 > 100000)
            break;
        k2 = ch(p, e2) == '-' ? e2 + 1 : sp(p, e2);
        size_t n2 = dword(p, k2, KJ_W_UNIT, &w2);
        int u2 = n2 ? unit_rank(w2->s) : -1;
        if (u2 < 0 && last == 4 && ch(p, h - 1) != ',' && r == 0 && nd2 <= 2 && v2 >= 1 &&
            v2 < 60 && phrase_end(p, sp(p, e2))) {
            /* 1 hour fifteen, two hours 30.: a bare count below 60 right
             * after the hours where the phrase ends is their minutes */
            u2 = 5;
            k2 = e2;
            n2 = 0;
        }
        /* a coarser unit after a finer one only with nothing between
         * them (2 days 1 month; not 2 days and 1 month, a list) */
        if (u2 < 0 || used[u2] || (u2 <= last && (joined || h == ce)))
            break;
        int lo = u2 < last ? u2 : last, hi = u2 < last ? last : u2;
        if (lo <= 2 && hi >= 4)
            break; /* not from years, months or weeks straight to clock units */
        cnt[u2] = v2;
        used[u2] = true;
        last = u2;
        ce = k2 + n2;
        parts++;
    }
    if (parts < 2)
        return false;
    size_t a = sp(p, ce);
    bool ago = wd(p, a, "ago", &x);
    if (ago || wd(p, a, "later", &x) || wd(p, a, "from now", &x)) {
        /* 1 year and 2 months ago: a date at the finest calendar unit
         * (month or day); no date for clock units */
        if (cnt[4] || cnt[5] || cnt[6] || !p->c->py)
            return false;
        int sg = ago ? -1 : 1;
        kj_tx t;
        kj_tx_init(&t);
        if (cnt[2] || cnt[3]) {
            kj_dt_rel(p->c, &t, KJ_W_DAY, 0);
            kj_dt_shift(&t, KJ_G_MONTH, (int)(sg * (cnt[0] * 12 + cnt[1])));
            kj_dt_shift(&t, KJ_G_DAY, (int)(sg * (cnt[2] * 7 + cnt[3])));
        } else {
            kj_dt_rel(p->c, &t, KJ_W_MONTH, (int)(sg * (cnt[0] * 12 + cnt[1])));
        }
        kj_dt_emit(p->c, st, x, &t, NULL);
        *end = x;
        *dated = true;
        return true;
    }
    if (wd(p, a, "earlier", &x) || wd(p, a, "before", &x) || wd(p, a, "after", &x)
        || wd(p, a, "from", &x) || wd(p, a, "hence", &x))
        return false;
    if (cnt[2] && (cnt[0] || cnt[1] || cnt[3])) {
        cnt[3] += cnt[2] * 7;
        cnt[2] = 0;
    }
    static const char *const L[] = {"Y", "M", "W", "D", "H", "M", "S"};
    size_t o = 0;
    int wr = snprintf(buf, bn, "P");
    o = wr > 0 ? (size_t)wr : 0;
    for (int q = 0; q < 7 && o < bn; q++) {
        if (q == 4 && (cnt[4] || cnt[5] || cnt[6]))
            wr = snprintf(buf + o, bn - o, "T"), o += wr > 0 ? (size_t)wr : 0;
        if (cnt[q] && o < bn)
            wr = snprintf(buf + o, bn - o, "%lld%s", (long long)cnt[q], L[q]),
            o += wr > 0 ? (size_t)wr : 0;
    }
    if (o >= bn)
        return false;
    *end = ce;
    return true;
}

/* business days, a working day at i: its length, 0 for none. A count of
 * weekdays, which no ISO 8601 unit writes: the value is TIMEX's P3BD. */
static size_t bizday(const ep *p, size_t i)
{
    size_t x, e;
    if (!wd(p, i, "business", &x) && !wd(p, i, "working", &x))
        return 0;
    if (ch(p, x) != ' ' || (!wd(p, x + 1, "days", &e) && !wd(p, x + 1, "day", &e))
        || ch(p, e) == '-' || ch(p, e) == '\'')
        return 0;
    return e - i;
}

/* "another" ending at x, then a unit of time that ends the phrase (wait
 * another month?, another business day?; not another day of protests). */
static bool another_end(const ep *p, size_t x)
{
    size_t e, n;
    if (ch(p, x) != ' ')
        return false;
    if ((n = bizday(p, x + 1)) > 0)
        return phrase_end(p, sp(p, x + 1 + n));
    return (wd(p, x + 1, "day", &e) || wd(p, x + 1, "week", &e) || wd(p, x + 1, "month", &e)
            || wd(p, x + 1, "year", &e) || wd(p, x + 1, "hour", &e))
        && phrase_end(p, sp(p, e));
}

/* The low end of a range of lengths whose high end (v) starts at st:
 * "four to five years", "3-4 months", "3–4 months", "30 -- 40 days",
 * "between two and three hours" (its
 * start in *ls, its value in *lv). A change ("from four to five years") is
 * no range; the ends run upwards. Without "between", "5 and 10 years"
 * lists two lengths sharing the unit: *shared set, *le the low number's
 * end. A low end with decimals ("1.5 to 2 years") has them in *lf, *lfd
 * digits (0 for none). */
/* The end of a range's low end in digits before an en dash at b, closed
 * up or spaced on both sides (3–4 months; 30 -- 40 days, the dash as
 * typed "--"): that end, 0 for none. */
static size_t dash_low(const char *s, size_t b)
{
    size_t k = b;
    bool spaced = k >= 1 && s[k - 1] == ' ';
    if (spaced)
        k--;
    if (k >= 3 && memcmp(s + k - 3, "\xe2\x80\x93", 3) == 0)
        k -= 3;
    else if (k >= 2 && s[k - 1] == '-' && s[k - 2] == '-')
        k -= 2;
    else
        return 0;
    if (spaced) {
        if (k < 1 || s[k - 1] != ' ')
            return 0;
        k--;
    }
    return k >= 1 && digit(s[k - 1]) ? k : 0;
}

static bool range_low(ep *p, size_t st, int64_t v, int64_t hf, int hfd, size_t *ls, int64_t *lv,
                      int64_t *lf, int *lfd, bool *shared, size_t *le)
{
    const char *s = p->lc;
    size_t b = st, ne;
    bool between = false, alt = false;
    if (b >= 2 && s[b - 1] == '-' && digit(s[b - 2]) && digit(ch(p, st))) {
        ne = b - 1; /* 3-4 months */
    } else if (b >= 5 && s[b - 1] == '-' && kj_before(s, b - 1, "-to") && digit(s[b - 5]) &&
               digit(ch(p, st))) {
        ne = b - 4; /* 30-to-60-day */
    } else if (digit(ch(p, st)) && (ne = dash_low(s, b)) > 0) {
        /* 3–4 months, 30 -- 40 days */
    } else {
        while (b > 0 && st - b < 3 && (s[b - 1] == ' ' || s[b - 1] == '\n'))
            b--;
        if (b == st)
            return false;
        if (kj_before(s, b, "to"))
            ne = b - 2;
        else if (kj_before(s, b, "and"))
            ne = b - 3, between = true;
        else if (kj_before(s, b, "or"))
            ne = b - 2, alt = true;
        else
            return false;
        if (ne == 0 || (s[ne - 1] != ' ' && s[ne - 1] != '\n'))
            return false;
        while (ne > 0 && b - ne < 6 && (s[ne - 1] == ' ' || s[ne - 1] == '\n'))
            ne--;
        if (ne > 1 && s[ne - 1] == '-' && digit(s[ne - 2]))
            ne--; /* 30- to 60-day: the low end's unit left to the high end */
    }
    size_t ws = ne;
    while (ws > 0 && ne - ws < 24 && (alpha(s[ws - 1]) || digit(s[ws - 1]) || s[ws - 1] == '-'))
        ws--;
    p->c->d->work += st - ws;
    int64_t x, f = 0;
    size_t e;
    int nd, fd = 0;
    /* the high end in thousandths, its decimals too (2 to 2.5 years,
     * 1.5 to 2.555 hours): the low end lies below it */
    int64_t hv = v * 1000 + (hfd == 1 ? hf * 100 : hfd == 2 ? hf * 10 : hfd == 3 ? hf : 0);
    /* "1.5 to 2 years": the low end's whole digits before its point */
    size_t ds = ws;
    while (ds > 0 && ws - ds < 6 && (digit(s[ds - 1]) || (ds == ws && s[ds - 1] == '.')))
        ds--;
    if (ds + 1 < ws && s[ws - 1] == '.' && digit(s[ds]) && decimal(p, ds, &x, &f, &fd, &e) &&
        e == ne && !kj_claimed(p->c->d, ds, ne) &&
        x * 1000 + (fd == 1 ? f * 100 : fd == 2 ? f * 10 : f) < hv) {
        ws = ds;
    } else if (ws == ne ||
        (ws > 0 && (digit(s[ws - 1]) || s[ws - 1] == '.' || s[ws - 1] == ',' || s[ws - 1] == '$' ||
                    s[ws - 1] == '/')) ||
               !num(p, ws, &x, &e, &nd) || e != ne || nd > 3 || x <= 0 || x * 1000 >= hv ||
               kj_claimed(p->c->d, ws, ne)) {
        return false;
    }
    size_t q = ws;
    while (q > 0 && ws - q < 3 && (s[q - 1] == ' ' || s[q - 1] == '\n'))
        q--;
    *shared = false;
    *le = ne;
    /* "five or six years": adjacent numbers under ten are one range, as
     * 2、3年 is; other alternatives are two lengths ("5 or 10 years") */
    if (alt && (x + 1 != v || v >= 10))
        *shared = true;
    else if (between && (q == ws || !kj_before(s, q, "between") || (q > 7 && alpha(s[q - 8])))) {
        *shared = true;
    } else if (between) {
        ws = q - 7;
    } else if (q < ws && kj_before(s, q, "from") && (q == 4 || !alpha(s[q - 5]))) {
        return false;
    }
    *ls = ws;
    *lv = x;
    *lf = f;
    *lfd = fd;
    return true;
}

/* Quarters of a unit at j: "a quarter of a century", "three quarters of an
 * hour", "a quarter century", "a quarter-hour"; a bare "quarter" only where
 * lead is set (the past quarter century, nearly a quarter of an hour read
 * after their lead words). *qn = the quarters (1 or 3), *e = the end before
 * the unit word. Not "a quarter of the staff" nor "a quarter of a million":
 * the caller wants a unit at *e. */
static bool quarter_of(const ep *p, size_t j, bool lead, int *qn, size_t *e)
{
    size_t x = j, y, k;
    int n = 1;
    if (wd(p, x, "a", &y) || wd(p, x, "one", &y))
        x = sp(p, y);
    else if (wd(p, x, "three", &y))
        x = sp(p, y), n = 3;
    else if (!lead)
        return false;
    if (!(n == 3 ? wd(p, x, "quarters", &y) : wd(p, x, "quarter", &y)))
        return false;
    if (wd(p, sp(p, y), "of", &k) && (wd(p, sp(p, k), "a", &x) || wd(p, sp(p, k), "an", &x))) {
        *qn = n;
        *e = x;
        return true;
    }
    /* the closed-up form names the unit right after: a quarter century */
    if (n == 1 && (ch(p, y) == ' ' || ch(p, y) == '-')
        && (wd(p, y + 1, "century", &k) || wd(p, y + 1, "hour", &k))) {
        *qn = 1;
        *e = y;
        return true;
    }
    return false;
}

/* "one" at j and a unit of seconds at [k, k + n): one sec, or one second
 * where the phrase ends or a word of time or comparison follows (one
 * second from now, a one second time difference); not the ordinal of one
 * second place, one second-round vote. */
static bool one_second(const ep *p, size_t j, size_t k, size_t n)
{
    static const char *const next[] = {"from", "later", "ago", "earlier", "time",
                                       "delay", "and",  "or",  "after",   "before"};
    size_t x;
    if (!wd(p, j, "one", &x))
        return false;
    if (n <= 4)
        return true; /* sec, secs */
    size_t y = sp(p, k + n);
    if (phrase_end(p, y))
        return true;
    if (y == k + n)
        return false; /* second-round */
    for (size_t w = 0; w < sizeof next / sizeof next[0]; w++)
        if (wd(p, y, next[w], &x))
            return true;
    return false;
}

static size_t amount(ep *p, size_t i)
{
    kj_dctx *c = p->c;
    int64_t v = 0;
    int nd = 0;
    size_t e, k, n;
    bool vague = false, a = false, halfa = false;
    size_t x;
    const kj_dword *w;
    int q = KJ_Q_NONE;
    int64_t frac = 0;
    int fd = 0, qn = 0;
    size_t st = i, j = i;
    bool every = false;
    if (ch(p, j) == 'e' && (wd(p, j, "every", &e) || wd(p, j, "each", &e))) {
        /* every three weeks, each 2 days: a set */
        every = true;
        j = sp(p, e);
        if (!digit(ch(p, j)) && !alpha(ch(p, j)))
            return 0;
    } else if ((n = dword(p, j, KJ_W_QUAL, &w)) > 0) {
        q = w->arg;
        if (wd(p, j, "over", &x) && over_across(p, j)) {
            q = KJ_Q_NONE; /* "120 mln dlrs over three years": the length alone */
            st = sp(p, j + n);
        }
        j = sp(p, j + n);
    } else if (wd(p, j, "the next", &e) || wd(p, j, "the past", &e) || wd(p, j, "the last", &e)) {
        j = sp(p, e);
    }
    size_t hh;
    if (!every && (wd(p, j, "half", &hh) || (wd(p, j, "a", &x) && wd(p, sp(p, x), "half", &hh)))
        && (ch(p, hh) == ' ' || ch(p, hh) == '-')
        && (wd(p, hh + 1, "hour", &x) || wd(p, hh + 1, "day", &x)
            || (ch(p, hh) == ' '
                && (wd(p, hh + 1, "year", &x) || wd(p, hh + 1, "month", &x)
                    || wd(p, hh + 1, "week", &x))
                && (phrase_end(p, sp(p, x)) || kj_before(p->lc, st, "for "))))
        && !(j == i && (kj_before(p->lc, j, "first ") || kj_before(p->lc, j, "second ")
                        || kj_before(p->lc, j, "the ")))) {
        /* a half hour, half day: half the unit (not "the first half day");
         * half year, half a month only where the phrase ends or after for
         * (not the half year results, a period) */
        v = 0;
        halfa = true;
        e = hh;
    } else if (!every
               && ((wd(p, j, "whole", &x)
                    && (kj_before(p->lc, j, "for the ") || kj_before(p->lc, j, "for ")))
                   || (wd(p, j, "another", &x)
                       && (kj_before(p->lc, j, "for ") || another_end(p, x)))
                   || (wd(p, j, "full", &x) && kj_before(p->lc, j, "for "))
                   || (wd(p, j, "a", &hh) && wd(p, sp(p, hh), "full", &x)
                       && kj_before(p->lc, j, "for ")))
               && (ch(p, x) == ' ' || (ch(p, x) == '-' && kj_at(p->lc, p->len, x - 4, "full")))
               && (wd(p, x + 1, "day", &hh) || wd(p, x + 1, "week", &hh) || wd(p, x + 1, "hour", &hh)
                   || wd(p, x + 1, "month", &hh) || wd(p, x + 1, "year", &hh)
                   || bizday(p, x + 1) > 0)) {
        /* the whole week, for another month, for a full day: one unit */
        v = 1;
        a = true;
        e = x;
    } else if (!every && wd(p, j, "all", &x) && (ch(p, x) == ' ' || ch(p, x) == '-')
               && (wd(p, x + 1, "day", &hh) || wd(p, x + 1, "week", &hh)
                   || wd(p, x + 1, "month", &hh) || wd(p, x + 1, "year", &hh))) {
        /* talks went on all day, an all-week strike: one whole unit */
        v = 1;
        a = true;
        e = x;
    } else if (!every && quarter_of(p, j, j > i, &qn, &e)) {
        /* a quarter of a century: read in the unit below */
    } else if (wd(p, j, "a couple of", &e)
               || (wd(p, j, "couple of", &e) && !kj_before(p->lc, j, "the "))) {
        /* a couple of days: as vague as a few (not "the couple of"
         * anything, a pair of people) */
        vague = true;
    } else if (wd(p, j, "a", &e) || wd(p, j, "an", &e) || wd(p, j, "one", &e)) {
        /* "not a day goes by", "not one day off": a negated single unit
         * is no length (cases/en/duration) */
        if (j >= 4 && kj_before(p->lc, j, "not ") && (j == 4 || !alpha(p->lc[j - 5])))
            return 0;
        v = 1;
        a = true;
        /* half an hour, half a century: half the unit */
        if (wd(p, j, "a", &x) || wd(p, j, "an", &x)) {
            size_t hb = j;
            while (hb > 0 && p->lc[hb - 1] == ' ' && j - hb < 4)
                hb--;
            if (hb >= 4 && hb < j && kj_before(p->lc, hb, "half")
                && (hb == 4 || !alpha(p->lc[hb - 5]))) {
                v = 0;
                halfa = true;
                st = hb - 4;
            }
        }
    } else if (wd(p, j, "several", &e) || wd(p, j, "a few", &e) || wd(p, j, "few", &e)
               || wd(p, j, "many", &e)) {
        vague = true;
    } else if (q == KJ_Q_APPROX && j > i && wd(p, i, "some", &x) && kj_before(p->lc, i, "for ")
               && (wd(p, j, "days", &x) || wd(p, j, "weeks", &x) || wd(p, j, "months", &x)
                   || wd(p, j, "years", &x) || wd(p, j, "hours", &x) || wd(p, j, "minutes", &x))) {
        /* for some days: a vague length, as for several days */
        vague = true;
        q = KJ_Q_NONE;
        e = j;
    } else if (ch(p, j) == '1' && kj_at(p->lc, p->len, j + 1, "\xe2\x81\x84")
               && ch(p, j + 4) == '2' && !digit(ch(p, j + 5)) && (j == 0 || !digit(p->lc[j - 1]))) {
        /* ½ hour (NFKC 1⁄2): half the unit */
        v = 0;
        halfa = true;
        e = j + 5;
    } else if (alpha(ch(p, j)) && words_half(p, j, &v, &e)) {
        /* two and a half hours */
        halfa = true;
    } else if (alpha(ch(p, j)) && words_quarter(p, j, &v, &e)) {
        /* two and a quarter hours: the quarters are read after it */
    } else if (decimal(p, j, &v, &frac, &fd, &e)) {
        /* 2.5 hours, 3.75 years */
    } else if (!num(p, j, &v, &e, &nd) || v > 100000 || nd > 5 || suffixed(p, e, nd)) {
        return 0; /* the 21st century, the 15th day: ordinals, not lengths */
    }
    if (!fd && !halfa && !vague && !a && nd > 0 && ch(p, e) == '-' && ch(p, e + 1) == '1' &&
        ch(p, e + 2) == '/' && ch(p, e + 3) == '2' && !digit(ch(p, e + 4))) {
        /* 12-1/2 years, a 1-1/2-year supply: wire copy's mixed half */
        halfa = true;
        e += 4;
    } else if (!fd && !halfa && !vague && !a && nd == 1 && v == 1 && ch(p, e) == '/' &&
               ch(p, e + 1) == '2' && !digit(ch(p, e + 2)) && (j == 0 || p->lc[j - 1] != '/')) {
        /* 1/2 hour: half the unit */
        v = 0;
        halfa = true;
        e += 2;
    } else if (nd > 0 && j > 0 && p->lc[j - 1] == '/') {
        return 0; /* the 2 of 1/2: a denominator counts nothing */
    }
    if (!fd && !halfa && !vague && !a) {
        /* 3 ½ years */
        size_t h = sp(p, e);
        if (h > e && ch(p, h) == '1' && kj_at(p->lc, p->len, h + 1, "\xe2\x81\x84")
            && ch(p, h + 4) == '2' && !digit(ch(p, h + 5))) {
            halfa = true;
            e = h + 5;
        }
    }
    bool half = (fd == 1 && frac == 5) || halfa;
    k = ch(p, e) == '-' ? e + 1 : sp(p, e);
    if (!fd && (wd(p, k, "and a half", &n) || wd(p, k, "and half", &n))) {
        half = true;
        k = sp(p, n);
    } else if (!fd && !half && k == e + 1 && kj_at(p->lc, p->len, k, "and-a-half-")) {
        half = true; /* five-and-a-half-month, three-and-a-half weeks */
        k += 11;
    } else if (!fd && !half && k == e + 1 && kj_at(p->lc, p->len, k, "and-a-half ")) {
        half = true;
        k = sp(p, k + 10);
    }
    /* 2 and a quarter hours, four and three quarters years: quarters of
     * the unit, read in the unit below once the unit is known */
    int wq = 0;
    if (!fd && !half && !qn && !vague && !every && k > e && ch(p, k) == 'a') {
        if (wd(p, k, "and a quarter", &x) || wd(p, k, "and one quarter", &x))
            wq = 1;
        else if (wd(p, k, "and three quarters", &x) || wd(p, k, "and three quarter", &x)
                 || wd(p, k, "and three-quarters", &x))
            wq = 3;
        if (wq) {
            if (sp(p, x) == x || wd(p, sp(p, x), "of", &n))
                return 0; /* two and a quarter of the shares: a fraction */
            k = sp(p, x);
        }
    }
    /* three more years, two additional weeks, 2 extra days, a few more
     * hours: the length added is still a length of the unit */
    if (!every && !half && k > e
        && (wd(p, k, "more", &x) || wd(p, k, "additional", &x) || wd(p, k, "extra", &x))
        && sp(p, x) > x && dword(p, sp(p, x), KJ_W_UNIT, &w) > 0)
        k = sp(p, x);
    const char *u;
    if ((n = dword(p, k, KJ_W_UNIT, &w)) > 0) {
        /* "a second" / "the second": not a unit of time here (one
         * second, one sec are); nor the agency in "five SEC
         * commissioners" */
        if (strcmp(w->s, "S") == 0 && ((a && !one_second(p, j, k, n)) || p->s[k] == 'S'))
            return 0;
        u = w->s;
    } else if (!every && !fd && !half && (n = bizday(p, k)) > 0) {
        u = "BD";
    } else if (!every && !vague && !fd && !half && (wd(p, k, "nights", &x) || wd(p, k, "night", &x))
               && kj_before(p->lc, st, "for ")) {
        /* for two nights, for 1 night: a stay of that many days */
        n = x - k;
        u = "D";
    } else if (nd > 0 && !fd && p->s[k] == 'h' && !alnum_at(p, k + 1)
               && ch(p, k + 1) != '-' && ch(p, k + 1) != '\''
               && (k == e || (k == e + 1 && kj_before(p->lc, st, "for ")
                              && phrase_end(p, sp(p, k + 1))))) {
        /* 3h, 24h: a lower-case h right after the digits is hours (not
         * 3H, a grade, nor 4-H); spaced only after for where the phrase
         * ends (for 3 h.) */
        n = 1;
        u = "H";
    } else {
        return 0;
    }
    if (qn) {
        /* quarters of a unit in the next unit down: a quarter of a
         * century is 25 years, three quarters of an hour 45 minutes */
        static const char *const qu[][2] = {{"CE", "Y"}, {"Y", "M"}, {"D", "H"}, {"H", "MI"},
                                            {"MI", "S"}};
        static const int qf[] = {25, 3, 6, 15, 15};
        size_t r = 0;
        while (r < 5 && strcmp(u, qu[r][0]) != 0)
            r++;
        if (r == 5)
            return 0;
        v = (int64_t)qf[r] * qn;
        u = qu[r][1];
    }
    size_t end = k + n, end0 = end;
    bool wafter = false;
    if (!wq && !qn && !vague && !half && !fd && !every) {
        /* an hour and a quarter, a year and three quarters: the quarters
         * after the unit */
        size_t y = sp(p, end);
        if (y > end && ch(p, y) == 'a' && (wd(p, y, "and a quarter", &x) || wd(p, y, "and one quarter", &x)))
            wq = 1;
        else if (y > end && ch(p, y) == 'a'
                 && (wd(p, y, "and three quarters", &x) || wd(p, y, "and three-quarters", &x)))
            wq = 3;
        if (wq && wd(p, sp(p, x), "of", &y))
            wq = 0; /* an hour and a quarter of the budget */
        else if (wq)
            end = x, wafter = true;
    }
    if (wq) {
        /* in the unit below: two and a quarter hours is 135 minutes, a
         * year and three quarters 21 months; no whole number of a unit
         * below a week or a month's quarter */
        static const char *const wu[][2] = {{"CE", "Y"}, {"Y", "M"}, {"D", "H"}, {"H", "MI"},
                                            {"MI", "S"}};
        static const int wm[] = {100, 12, 24, 60, 60};
        size_t r = 0;
        while (r < 5 && strcmp(u, wu[r][0]) != 0)
            r++;
        if (r < 5 && v >= 0 && v <= 100000) {
            v = v * wm[r] + (int64_t)(wm[r] / 4) * wq;
            u = wu[r][1];
        } else if (wafter) {
            end = end0; /* two weeks and a quarter: the weeks alone */
        } else {
            return 0;
        }
    }
    if (strcmp(u, "QU") == 0) {
        /* two quarters, the past three quarters: three months each (not
         * "three quarters of the staff", a fraction) */
        size_t x2;
        if (a || vague || fd || half || v < 2 || every || wd(p, sp(p, k + n), "of", &x2))
            return 0;
        v *= 3;
        u = "M";
    }
    if (strcmp(u, "FN") == 0) {
        /* a fortnight is two weeks */
        if (fd)
            return 0;
        v = v * 2 + (half ? 1 : 0);
        half = false;
        u = "W";
    }
    if (every) {
        char is[32];
        if (vague || fd || half || a || strcmp(u, "DE") == 0 || strcmp(u, "CE") == 0)
            return 0;
        kj_dt_iso(is, sizeof is, v, u, false);
        kj_dt_set(c, i, end, kj_strndup(c->d, is, strlen(is)));
        return end - i;
    }
    if (ch(p, end) == '\'' && ch(p, end + 1) == 's')
        end += 2;
    else if (ch(p, end) == '\'' && !alpha(ch(p, end + 1)))
        end += 1;
    /* an hour and a half, a year and a half: the half after the unit */
    if (!vague && !half && !fd
        && (wd(p, sp(p, end), "and a half", &x)
            || (wd(p, sp(p, end), "and half", &x) && !wd(p, sp(p, x), "of", &k)))) {
        half = true;
        end = x;
    } else if (!vague && !half && !fd && kj_at(p->lc, p->len, end, "-and-a-half")
               && !alnum_at(p, end + 11)) {
        half = true; /* a year-and-a-half */
        end += 11;
    }
    /* 1 hour and 30 minutes, three years and six months, 2 years 1 month:
     * one length (cases/en/duration) */
    char ciso[32];
    bool dated = false;
    bool comp = !vague && !half && !fd && !every
             && compound(p, j, u, v, &end, ciso, sizeof ciso, &dated);
    if (dated)
        return end - i;
    /* a year-on-year rise, year-over-year, day-to-day, year-after-year: the
     * unit begins an adjective of comparison, no length */
    if (ch(p, end) == '-'
        && (kj_at(p->lc, p->len, end + 1, "on-") || kj_at(p->lc, p->len, end + 1, "over-")
            || kj_at(p->lc, p->len, end + 1, "to-") || kj_at(p->lc, p->len, end + 1, "by-")
            || kj_at(p->lc, p->len, end + 1, "after-")))
        return 0;
    size_t after = sp(p, end);
    /* a day high, a session low, a day trader: the single unit names a
     * kind of price or trader, no length */
    if (a && !comp && after > end && (wd(p, j, "a", &x) || wd(p, j, "an", &x)) &&
        (wd(p, after, "high", &x) || wd(p, after, "low", &x) || wd(p, after, "highs", &x) ||
         wd(p, after, "lows", &x) || wd(p, after, "trader", &x) || wd(p, after, "traders", &x)))
        return 0;
    int g = strcmp(u, "Y") == 0 ? KJ_G_YEAR : strcmp(u, "M") == 0 ? KJ_G_MONTH
          : strcmp(u, "W") == 0 ? KJ_G_WEEK : strcmp(u, "D") == 0 ? KJ_G_DAY : KJ_G_NONE;
    bool exact = !vague && !half && !fd && !comp && q == KJ_Q_NONE;
    /* three days after January 12, two weeks before Christmas, 3 days from
     * today: the day counted from that day; more than two weeks after
     * today, at least 2 days before March 5: that day, bounded (over /
     * at least it after, under / at most it before) */
    bool bound = !vague && !half && !fd && !comp && (q == KJ_Q_OVER || q == KJ_Q_AT_LEAST);
    if ((exact || bound) && g != KJ_G_NONE && !kj_before(p->lc, st, "for ")
        && (wd(p, after, "before", &x) || wd(p, after, "after", &x)
            || (exact && wd(p, after, "from", &x)))) {
        bool back = p->lc[after] == 'b';
        kj_tx d;
        size_t de = date_any(p, sp(p, x), &d);
        if (de > 0 && d.grain == KJ_G_DAY && d.y && d.m && d.d && !d.mod && !d.qual) {
            kj_dt_shift(&d, g, (int)(back ? -v : v));
            d.rel = true;
            if (bound)
                d.qual = !back ? q : q == KJ_Q_OVER ? KJ_Q_UNDER : KJ_Q_AT_MOST;
            kj_dt_emit(c, exact ? j : i, de, &d, NULL);
            return de - i;
        }
    }
    /* three weeks before the vote: counted from an event, no date */
    bool ago = wd(p, after, "ago", &x) || wd(p, after, "earlier", &x)
            || (wd(p, after, "before", &x) && !alpha(ch(p, sp(p, x))));
    bool later = !ago && (wd(p, after, "later", &x) || wd(p, after, "from now", &x)
                          || wd(p, after, "hence", &x));
    if (strcmp(u, "BD") == 0 && exact && !comp) {
        /* in two business days (a future clause), three working days ago:
         * the day that many weekdays from publication; "three business
         * days later" counts from an event, no date */
        bool fut = !ago && !later && in_future(p, st, end, &x);
        if (ago || later) {
            if (!ago && !wd(p, after, "from now", &k))
                return x - i;
            fut = !ago;
        }
        if (ago || fut) {
            kj_tx t;
            kj_tx_init(&t);
            t.rel = true;
            t.grain = KJ_G_DAY;
            if (c->py) {
                long z = kj_days(c->py, c->pm, c->pd);
                for (int64_t s1 = 0; s1 < v && s1 < 100000; s1++) {
                    z += ago ? -1 : 1;
                    while (wday0(z) >= 5)
                        z += ago ? -1 : 1;
                }
                kj_civil(z, &t.y, &t.m, &t.d);
            }
            size_t ts = fut && kj_before(p->lc, st, "in ") ? st - 3 : j;
            kj_dt_emit(c, ts, x, &t, NULL);
            return x - i;
        }
    }
    /* "the plant will reopen in 90 days", "it will repay the loan in three
     * years' time": a date ahead in a clause about the future; not a span
     * to compare over (lowest in five years, 5% in two years) */
    if (!ago && !later && exact && g != KJ_G_NONE && in_future(p, st, end, &x))
        later = true;
    /* "in 5 minutes" (a future clause), "3 hours from now": a time of the
     * publication day whose clock the text does not give, as 3時間後
     * (`…TXX:XX`); only within half a day, so the day stays that day */
    bool clk = strcmp(u, "H") == 0 || strcmp(u, "MI") == 0 || strcmp(u, "S") == 0;
    if (clk && exact && !ago && (strcmp(u, "H") == 0 ? v <= 12 : v <= 720)
        && (wd(p, after, "from now", &x) || in_future(p, st, end, &x))) {
        kj_tx t;
        kj_tx_init(&t);
        t.grain = strcmp(u, "H") == 0 ? KJ_G_HOUR : KJ_G_MINUTE;
        t.rel = true;
        t.y = c->py, t.m = c->pm, t.d = c->pd;
        size_t ts = kj_before(p->lc, st, "in ") && !wd(p, after, "from now", &k) ? st - 3 : j;
        kj_dt_emit(c, ts, x, &t, NULL);
        return x - i;
    }
    /* a decade ago, half a century ago, two and a half decades ago: the
     * year that many years back, as 25 years ago (within a millennium;
     * not the "a century" of a fraction's "quarter of a century") */
    size_t ds = j;
    if ((ago || later) && !vague && !fd && (strcmp(u, "DE") == 0 || strcmp(u, "CE") == 0)
        && !(a && kj_before(p->lc, i, "of "))) {
        int64_t per = u[0] == 'D' ? 10 : 100;
        if (v * per + (half ? per / 2 : 0) <= 1000) {
            v = v * per + (half ? per / 2 : 0);
            half = false;
            g = KJ_G_YEAR;
            if (st < i)
                ds = st; /* the span holds "half" */
        }
    }
    if ((ago || later) && !vague && !half && !fd) {
        if (g == KJ_G_NONE)
            return x - i;
        kj_tx t;
        kj_tx_init(&t);
        int kind = g == KJ_G_YEAR ? KJ_W_YEAR : g == KJ_G_MONTH ? KJ_W_MONTH
                 : g == KJ_G_WEEK ? KJ_W_WEEK : KJ_W_DAY;
        kj_dt_rel(c, &t, kind, (int)(ago ? -v : v));
        size_t ts = ds;
        if (later && kj_before(p->lc, st, "in "))
            ts = st - 3; /* the span holds "in" */
        kj_dt_emit(c, ts, x, &t, NULL);
        return x - i;
    }
    /* "$5 million a year", "twice a year": a rate, not a length */
    if (a && i > 0) {
        size_t b = i;
        while (b > 0 && p->lc[b - 1] == ' ')
            b--;
        /* once-a-day, twice-a-week: the same rate written as one word */
        if (b > 5 && p->lc[b - 1] == '-' &&
            (kj_before(p->lc, b - 1, "once") || kj_before(p->lc, b - 1, "twice")))
            return 0;
        if (b > 0 && (kj_claim_at(c->d, b - 1) || digit(p->lc[b - 1]) || kj_before(p->lc, b, "once")
                      || kj_before(p->lc, b, "twice") || kj_before(p->lc, b, "times")
                      || kj_before(p->lc, b, "per")))
            return 0;
        /* "500,000 tonnes of wheat a year", "$300 million in fuel a year":
         * an amount up to four words before "a year" makes it the rate's
         * too, unless a preposition right before takes the length (no
         * interest for a year, within a year) */
        static const char *const prep[] = {"for",   "in",     "within", "than", "over", "after",
                                           "about", "nearly", "almost", "only", "just"};
        bool takes = !(kj_at(p->lc, p->len, i, "a ") || kj_at(p->lc, p->len, i, "an "));
        size_t pb = b; /* past a line break too (wire copy is wrapped) */
        while (pb > 0 && (p->lc[pb - 1] == ' ' || p->lc[pb - 1] == '\n') && b - pb < 4)
            pb--;
        for (size_t pk = 0; pk < sizeof prep / sizeof prep[0] && !takes; pk++) {
            size_t pn = strlen(prep[pk]);
            takes = pb >= pn && kj_before(p->lc, pb, prep[pk]) &&
                    (pb == pn || !alpha(p->lc[pb - pn - 1]));
        }
        size_t pw = pb;
        for (int words = 0; !takes && words < 4 && pw > 0 && alpha(p->lc[pw - 1]); words++) {
            while (pw > 0 && alpha(p->lc[pw - 1]) && pb - pw < 64)
                pw--;
            size_t ws = pw;
            while (pw > 0 && (p->lc[pw - 1] == ' ' || p->lc[pw - 1] == '\n') && ws - pw < 4)
                pw--;
            if (pw == ws || pw == 0)
                break;
            uint8_t ct = kj_claim_at(c->d, pw - 1);
            if (ct == KIJI_FACT_MONEY || ct == KIJI_FACT_QUANTITY || ct == KIJI_FACT_PERCENT)
                return 0;
        }
    }
    /* a bare "one year" after "the": "the one year" is rare; keep it */
    char iso[32];
    if (vague)
        kj_dt_duration(c, st, end, NULL, q);
    else {
        if (fd && !half) {
            /* a decimal fraction on the unit, as ISO 8601 allows: PT1.25H */
            bool tm = strcmp(u, "H") == 0 || strcmp(u, "MI") == 0 || strcmp(u, "S") == 0;
            const char *l = strcmp(u, "MI") == 0 ? "M" : u;
            if (strcmp(u, "DE") == 0 || strcmp(u, "CE") == 0)
                return 0;
            snprintf(iso, sizeof iso, "P%s%lld.%0*lld%s", tm ? "T" : "", (long long)v, fd,
                     (long long)frac, l);
        } else {
            if (comp)
                snprintf(iso, sizeof iso, "%s", ciso);
            else if (strcmp(u, "BD") == 0)
                snprintf(iso, sizeof iso, "P%lldBD", (long long)v);
            else
                kj_dt_iso(iso, sizeof iso, v, u, half);
        }
        size_t ls, le;
        int64_t lv, lf;
        int lfd;
        bool shared;
        char lo[32];
        /* the high end may have decimals (2 to 2.5 years), not a
         * spelled half (two to two and a half years) */
        if ((fd || !half) && !comp && !a && strcmp(u, "BD") != 0 && q == KJ_Q_NONE && st == j &&
            range_low(p, st, v, frac, fd, &ls, &lv, &lf, &lfd, &shared, &le)) {
            bool tm = strcmp(u, "H") == 0 || strcmp(u, "MI") == 0 || strcmp(u, "S") == 0;
            if (lfd == 1 && lf == 5)
                kj_dt_iso(lo, sizeof lo, lv, u, true); /* 1.5 years: as "a year and a half" */
            else if (lfd && (strcmp(u, "DE") == 0 || strcmp(u, "CE") == 0))
                return 0;
            else if (lfd)
                snprintf(lo, sizeof lo, "P%s%lld.%0*lld%s", tm ? "T" : "", (long long)lv, lfd,
                         (long long)lf, strcmp(u, "MI") == 0 ? "M" : u);
            else
                kj_dt_iso(lo, sizeof lo, lv, u, false);
            if (shared) {
                /* "5 and 10 years": two lengths, the unit shared */
                kj_dt_duration(c, ls, le, lo, KJ_Q_NONE);
                kj_dt_duration(c, st, end, iso, q);
                return end - i;
            }
            /* "four to five years", "3-4 months": one length, the low
             * end's value and the high end's as max */
            kj_dt_duration_max(c, ls, end, lo, iso, KJ_Q_NONE);
            return end - i;
        }
        kj_dt_duration(c, st, end, iso, q);
    }
    return end - i;
}

/* A day and its clock time as one date: "Friday at 3 p.m.", "tomorrow
 * 8:00am", "March 13, 2025 at 14:00"; and a clock before its day: "3pm
 * tomorrow", "10 a.m. on Friday". Returns the new end (e when nothing). */
static size_t day_and_time(ep *p, size_t e, kj_tx *t)
{
    size_t k, k2, k3;
    bool tod = t->grain == KJ_G_HOUR && t->hh < 0 && t->tod && t->d;
    if ((t->grain == KJ_G_DAY && t->d) || tod) {
        k = ch(p, e) == ',' ? e + 1 : e;
        k = sp(p, k);
        char c0 = ch(p, k);
        /* Thursday before 5pm, tomorrow by 2 in the afternoon, Feb 1st no
         * later than 6:00: the day's clock with the bound as the date's
         * qualifier (before → under, after / later than → over, by / no
         * later than → at_most) */
        int bq = KJ_Q_NONE;
        size_t bk;
        if (k > e && (c0 == 'b' || c0 == 'a' || c0 == 'n' || c0 == 'l' || c0 == 'e')) {
            if (wd(p, k, "before", &bk) || wd(p, k, "earlier than", &bk))
                bq = KJ_Q_UNDER;
            else if (wd(p, k, "after", &bk) || wd(p, k, "later than", &bk))
                bq = KJ_Q_OVER;
            else if (wd(p, k, "by", &bk) || wd(p, k, "no later than", &bk))
                bq = KJ_Q_AT_MOST;
        }
        if (bq != KJ_Q_NONE && digit(ch(p, sp(p, bk)))) {
            kj_tx tt;
            kj_tx_init(&tt);
            k2 = sp(p, bk);
            p->cued = k2;
            k3 = date_time(p, k2, &tt);
            p->cued = SIZE_MAX;
            if (k3 == 0 || tt.hh < 0 || tt.d || (tt.grain != KJ_G_HOUR && tt.grain != KJ_G_MINUTE))
                return e;
            if (tod && t->tod[0] != 'M' && tt.hh < 12 && tt.hh >= 1 && !has_meridiem(p, k2, k3)
                && (t->tod[0] != 'N' || tt.hh >= 6))
                tt.hh += 12; /* tonight before 9 */
            t->tod = NULL;
            t->hh = tt.hh, t->mi = tt.mi, t->grain = tt.grain, t->zone = tt.zone;
            t->zone = zone_offset(p->c, t);
            t->qual = bq;
            return k3;
        }
        if (!digit(c0) && c0 != 'a' && c0 != '@' && c0 != 'n' && c0 != 'm')
            return e; /* a clock starts with a digit, at, @, noon or midnight */
        bool at = false;
        if (wd(p, k, "at", &k2) || (tod && wd(p, k, "around", &k2)))
            k = sp(p, k2), at = true;
        else if (ch(p, k) == '@')
            k = sp(p, k + 1), at = true;
        kj_tx tt;
        kj_tx_init(&tt);
        p->cued = k; /* Thursday 8:00 GMT: the day cues its clock */
        k3 = k == e ? 0 : date_time(p, k, &tt);
        p->cued = SIZE_MAX;
        if (k3 == 0) {
            /* tonight at 8, last night around 11: the evening's hour */
            int64_t h;
            int nd;
            if (!tod && at && digit(ch(p, k)) && (k == 0 || !digit(p->lc[k - 1]))) {
                /* Friday at 4: the hour as written, where the phrase ends
                 * after it (not Friday at 4 percent, at 4,120, at 7-1/4,
                 * closed on Friday at 6.45) */
                h = 0;
                k3 = k;
                while (digit(ch(p, k3)) && k3 - k < 3)
                    h = h * 10 + (p->lc[k3++] - '0');
                if (k3 - k > 2 || h < 1 || h > 12)
                    return e;
                if (strchr(" \n.,;!?)", ch(p, k3)) == NULL
                    || ((ch(p, k3) == '.' || ch(p, k3) == ',') && digit(ch(p, k3 + 1))))
                    return e;
                size_t q = sp(p, k3), x;
                if (!alpha(ch(p, q)) || wd(p, q, "and", &x) || wd(p, q, "or", &x)
                    || wd(p, q, "with", &x) || wd(p, q, "for", &x)) {
                    t->hh = (int)h, t->mi = 0, t->grain = KJ_G_HOUR;
                    return k3;
                }
                return e;
            }
            if (!tod || !at || !num(p, k, &h, &k3, &nd) || nd > 2
                || h < 1 || h > 11 || alpha(ch(p, k3)) || ch(p, k3) == ':'
                || (t->tod[0] == 'M' && h < 5))
                return e;
            /* Monday morning at 10: the morning's hour as written; tonight
             * around 3: a night hour below 6 as written too */
            tt.hh = (int)h + (t->tod[0] == 'M' || (t->tod[0] == 'N' && h < 6) ? 0 : 12);
            tt.mi = 0, tt.grain = KJ_G_HOUR;
        } else if (tod && t->tod[0] != 'M' && tt.hh < 12 && tt.hh >= 1
                   && !has_meridiem(p, k, k3) && (t->tod[0] != 'N' || tt.hh >= 6)) {
            tt.hh += 12; /* this evening at 7:30 */
        }
        t->tod = NULL;
        t->hh = tt.hh, t->mi = tt.mi, t->grain = tt.grain, t->zone = tt.zone;
        t->zone = zone_offset(p->c, t);
        return k3;
    }
    if ((t->grain == KJ_G_HOUR || t->grain == KJ_G_MINUTE) && t->hh >= 0 && !t->mset &&
        ch(p, e) == '/' && digit(ch(p, e + 1))) {
        /* 0900 EST/1400 GMT, May 20: the same moment in a second zone,
         * whose day gives the first clock's (the end stays: the second
         * clock is a date of its own) */
        kj_tx tt;
        kj_tx_init(&tt);
        size_t te = date_time(p, e + 1, &tt);
        int o1, o2;
        if (te > 0 && (tt.grain == KJ_G_HOUR || tt.grain == KJ_G_MINUTE) && tt.hh >= 0 &&
            !tt.mset && zone_minutes(t->zone, &o1) && zone_minutes(zone_offset(p->c, &tt), &o2) &&
            day_and_time(p, te, &tt) > te && tt.mset && tt.y && tt.m && tt.d) {
            /* minutes the first clock's day is after the second's */
            int dm = (t->hh * 60 + (t->mi > 0 ? t->mi : 0) - o1) -
                     (tt.hh * 60 + (tt.mi > 0 ? tt.mi : 0) - o2);
            if (dm % 1440 == 0 && dm >= -1440 && dm <= 1440) {
                int y, m, d;
                kj_civil(kj_days(tt.y, tt.m, tt.d) - dm / 1440, &y, &m, &d);
                t->y = y, t->m = m, t->d = d, t->rel = tt.rel;
                t->yset = tt.yset, t->mset = tt.mset;
            }
        }
        return e;
    }
    if ((t->grain == KJ_G_HOUR || t->grain == KJ_G_MINUTE) && t->hh >= 0) {
        /* 16:15 UTC, June 1st: a comma before a day with its month */
        bool comma = ch(p, e) == ',';
        k = sp(p, comma ? e + 1 : e);
        if (k == e || (comma && (k == e + 1 || p->s[k] < 'A' || p->s[k] > 'Z')))
            return e;
        k2 = k;
        if (!comma && wd(p, k, "on", &k2))
            k2 = sp(p, k2);
        kj_tx d;
        if ((k3 = date_any(p, k2, &d)) == 0 || !d.d ||
            !(d.grain == KJ_G_DAY || (d.grain == KJ_G_HOUR && d.hh < 0)) ||
            (comma && (d.grain != KJ_G_DAY || !d.mset)))
            return e; /* 3pm tomorrow, 8am this morning */
        t->y = d.y, t->m = d.m, t->d = d.d, t->rel = d.rel;
        t->yset = d.yset, t->mset = d.mset;
        return k3;
    }
    return e;
}

/* A day and its part of the day: Monday morning, next Friday night, March
 * 3 evening (grain hour, …TMO, as tomorrow morning); not before a noun
 * (Monday night football, Sunday morning talk shows): only an end of
 * phrase or a function word may follow. Returns the new end, or e. */
static size_t day_tod(ep *p, size_t e, kj_tx *t)
{
    static const char *const fw[] = {
        "at",    "in",    "on",    "and",   "or",    "but",   "when",  "after", "before",
        "as",    "with",  "by",    "for",   "from",  "to",    "that",  "the",   "a",
        "he",    "she",   "they",  "it",    "we",    "i",     "said",  "was",   "were",
        "is",    "will",  "local", "until", "while", "amid",  "near",  "outside", "into",
        "around", "about", "had",  "has",   "have",  "his",   "her",   "their", "its",
        "there", "when",  "saying", "told", "under", "over",  "during", "if",   "last"};
    size_t j = sp(p, e), k, x;
    const char *tod;
    if (j == e || j > e + 1 || t->grain != KJ_G_DAY || !t->d || !(tod = tod_word(p, j, &k))
        || ch(p, k) == '-')
        return e;
    size_t n = sp(p, k);
    if (n > k && alpha(ch(p, n))) {
        bool ok = false;
        for (size_t q = 0; q < sizeof fw / sizeof fw[0] && !ok; q++)
            ok = wd_n(p, n, fw[q], strlen(fw[q]), &x);
        if (!ok)
            return e;
    }
    t->tod = tod;
    t->grain = KJ_G_HOUR;
    return k;
}

/* A clock range: "5 to 6pm", "from 3 p.m. until 5 p.m.", "between 4pm and
 * 5pm", "1-3 pm", "14:00-16:30", then optionally its day ("3:00 to 4:00
 * tomorrow"). A start without a meridiem takes the end's afternoon when
 * that keeps it before the end. One date with max; returns its end, 0 when
 * none. */
static size_t clock_range_parse(ep *p, size_t i, kj_tx *pa, kj_tx *pb)
{
    size_t j = i, e, k, k2;
    bool between = false, led = false;
    char c0 = ch(p, i);
    if (c0 == 'f' && wd(p, i, "from", &e))
        j = sp(p, e), led = true;
    else if (c0 == 'b' && wd(p, i, "between", &e))
        j = sp(p, e), between = true, led = true;
    if (!digit(ch(p, j)))
        return 0;
    /* most numbers are no clock: one or two digits, then (after :MM and a
     * meridiem) a dash or to / and / until / till */
    size_t q0 = j;
    while (digit(ch(p, q0)) && q0 - j < 3)
        q0++;
    if (q0 - j > 2)
        return 0;
    if (ch(p, q0) == ':')
        q0 += 3;
    q0 = sp(p, q0);
    if (ch(p, q0) == 'a' || ch(p, q0) == 'p') {
        char n1 = ch(p, q0 + 1);
        if (n1 == 'm' || n1 == '.')
            q0 = sp(p, q0 + (n1 == '.' ? 4 : 2));
    }
    char nc = ch(p, q0);
    if (nc != '-' && nc != 't' && nc != 'a' && nc != 'u')
        return 0;
    kj_tx a, b;
    kj_tx_init(&a);
    kj_tx_init(&b);
    bool bare = false;
    if ((e = date_time(p, j, &a)) == 0) {
        int64_t h, mi = 0;
        int nd;
        if (!num(p, j, &h, &e, &nd) || nd > 2 || h > 23)
            return 0;
        if (ch(p, e) == ':' && digit(ch(p, e + 1)) && digit(ch(p, e + 2)) && !digit(ch(p, e + 3))) {
            mi = (p->lc[e + 1] - '0') * 10 + (p->lc[e + 2] - '0');
            e += 3;
        }
        if (mi > 59)
            return 0;
        a.hh = (int)h, a.mi = (int)mi;
        a.grain = mi ? KJ_G_MINUTE : KJ_G_HOUR;
    }
    /* from 7:00 to 8:00pm: a start without its own meridiem */
    bare = a.hh <= 12 && !has_meridiem(p, j, e);
    k = sp(p, e);
    if (ch(p, k) == '-' && k == e)
        k = k + 1;
    else if (ch(p, k) == '-' && ch(p, k + 1) == ' ')
        k = sp(p, k + 1); /* 2:00 - 2:30 pm */
    else if (between ? wd(p, k, "and", &k2) : (wd(p, k, "to", &k2) || wd(p, k, "until", &k2)
                                              || wd(p, k, "till", &k2)))
        k = sp(p, k2);
    else
        return 0;
    size_t end = date_time(p, k, &b);
    bool dayed = false; /* a bare end whose day follows: from 10:30 to 3 on May 5 */
    if (!end && !a.zone) {
        /* between 7 and 9 in the evening, from 6 to 8 tonight, from 8am-3
         * yesterday afternoon, between 7 and 9:30 last night: bare hours
         * with their part of the day or their day after the end */
        int64_t h, bm = 0;
        int nd, r = 0;
        size_t e2, x, m2;
        if (num(p, k, &h, &e2, &nd) && nd > 0 && nd <= 2 && h >= 1 && h <= 12
            && !alpha(ch(p, e2)) && !(ch(p, e2) == '.' && alnum_at(p, e2 + 1))) {
            if (ch(p, e2) == ':' && digit(ch(p, e2 + 1)) && digit(ch(p, e2 + 2))
                && !digit(ch(p, e2 + 3)) && ch(p, e2 + 3) != ':') {
                bm = (p->lc[e2 + 1] - '0') * 10 + (p->lc[e2 + 2] - '0');
                e2 += 3;
            }
            x = sp(p, e2);
            kj_tx dd;
            if (ch(p, e2) == ':' || bm > 59)
                r = -3;
            else if ((r = tod_after(p, x, &m2)) != 0)
                end = bare ? m2 : 0;
            else if (x > e2 && (led || a.mi || bm || !bare) /* 1-2 yesterday: a score */
                     && ((r = day_after_hour(p, x)) > -2
                         || (wd(p, x, "last", &m2) && wd(p, sp(p, m2), "night", &m2) && (r = 1))))
                end = e2;
            else if (x > e2 && bare && (led || a.mi || bm) /* 2-1 on Sunday: a score */
                     && (wd(p, x, "on", &m2) || wd(p, x, "of", &m2))
                     && date_any(p, sp(p, m2), &dd) > 0 && dd.grain == KJ_G_DAY && dd.d)
                end = e2, r = 0, dayed = true;
            else if (i == p->dclk && bare && ch(p, x) != '-' && ch(p, x) != '/'
                     && (x == p->len || strchr(".,;!?)\n", ch(p, x)) != NULL)
                     && !((ch(p, x) == '.' || ch(p, x) == ',') && digit(ch(p, x + 1))))
                end = e2, r = 0, dayed = true; /* Monday 11-4, Wednesday from 10-4 */
            if (end) {
                b.hh = (int)h, b.mi = (int)bm, b.grain = bm ? KJ_G_MINUTE : KJ_G_HOUR;
                if (r > 0) {
                    if (a.hh < 12 && bare)
                        a.hh += 12;
                    if (b.hh < 12)
                        b.hh += 12;
                } else if (r < 0 && b.hh == 12) {
                    b.hh = 0;
                }
            }
        }
    }
    if (!end || b.hh < 0)
        return 0;
    if (bare && b.hh >= 12 && a.hh < 12 && has_meridiem(p, k, end)
        && (a.hh + 12) * 60 + a.mi < b.hh * 60 + b.mi)
        a.hh += 12;
    if (dayed && b.hh < 12 && a.hh * 60 + a.mi >= b.hh * 60 + b.mi
        && a.hh * 60 + a.mi < (b.hh + 12) * 60 + b.mi)
        b.hh += 12; /* from 10:30 to 3 on May 5: the end in the afternoon */
    if (a.hh * 60 + a.mi >= b.hh * 60 + b.mi)
        return 0;
    *pa = a;
    *pb = b;
    return end;
}

static size_t clock_range(ep *p, size_t i)
{
    kj_tx a, b;
    size_t end = clock_range_parse(p, i, &a, &b);
    if (!end)
        return 0;
    kj_dctx *c = p->c;
    if (c->py) {
        a.y = b.y = c->py, a.m = b.m = c->pm, a.d = b.d = c->pd;
        a.rel = b.rel = true;
    }
    /* its day after it: tomorrow, on Friday */
    size_t q = sp(p, end), q2 = q, q3;
    kj_tx d;
    if (q > end && (wd(p, q, "on", &q2) || wd(p, q, "of", &q2)))
        q2 = sp(p, q2);
    if (q > end && (q3 = date_any(p, q2, &d)) > 0 && d.d
        && (d.grain == KJ_G_DAY || (d.grain == KJ_G_HOUR && d.hh < 0))) {
        /* tomorrow, on Friday, yesterday afternoon, of April 22 */
        a.y = b.y = d.y, a.m = b.m = d.m, a.d = b.d = d.d;
        a.rel = b.rel = d.rel;
        a.yset = b.yset = d.yset;
        a.mset = b.mset = d.mset;
        /* from 7 to 9:30 last night: the evening's hours */
        if (d.tod && d.tod[0] != 'M' && b.hh < 12 && !has_meridiem(p, i, end)) {
            a.hh += 12;
            b.hh += 12;
        }
        end = q3;
    }
    b.zone = zone_offset(c, &b);
    a.zone = b.zone;
    kj_dt_emit(c, i, end, &a, &b);
    return end - i;
}

/* The connector of a day range at e: -, to, through, until, till (and after
 * between); returns where the end starts, 0 when none. */
static size_t range_to(const ep *p, size_t e, bool between)
{
    size_t q = sp(p, e), x;
    if (ch(p, e) == '-' && ch(p, e + 1) != '-')
        return e + 1;
    if (ch(p, q) == '-' && ch(p, q + 1) == ' ')
        return sp(p, q + 1);
    if (between ? wd(p, q, "and", &x)
                : (wd(p, q, "to", &x) || wd(p, q, "through", &x) || wd(p, q, "thru", &x)
                   || wd(p, q, "until", &x) || wd(p, q, "till", &x)))
        return sp(p, x);
    return 0;
}

/* The end of a day range after the day t ending at e: a later day of the
 * month (Nov. 22 to 25, April 9th through 17th, 2 to 4 March 2025) or a
 * later month and day (Nov 18-Dec 19, 2015; Feb 28th to March 1st), within
 * a year. A year written at either end is the other's too. Fills *b, may
 * set t's year; returns the end, 0 when none. */
static size_t day_range_end(ep *p, size_t e, kj_tx *t, kj_tx *b)
{
    size_t k = range_to(p, e, false), me = 0, k2;
    if (!k)
        return 0;
    kj_tx m;
    kj_tx_init(&m);
    int y;
    if (alpha(ch(p, k)) && !wd(p, k, "the", &k2))
        me = date_month(p, k, &m);
    if (!me && !(me = date_dm(p, k, &m))) {
        int64_t v;
        int nd;
        if (!((num_digits(p, k, &v, &me, &nd) && nd >= 1 && nd <= 2) || (v = ordword(p, k, &me)) > 0))
            return 0;
        if (v <= t->d || v > kj_mdays(t->y, t->m) || alpha(ch(p, me)) || ch(p, me) == '-'
            || ch(p, me) == '/')
            return 0;
        m = *t;
        m.d = (int)v;
        if (!t->yset && of_year(p, me, &y, &k2) && v <= kj_mdays(y, t->m)) {
            t->y = m.y = y;
            t->yset = m.yset = true;
            me = k2;
        }
    }
    if (m.grain != KJ_G_DAY || !m.m || !m.d || !t->m || !t->d)
        return 0;
    bool before = m.m < t->m || (m.m == t->m && m.d <= t->d);
    if (m.yset && !t->yset) {
        t->y = before ? m.y - 1 : m.y;
        if (t->d > kj_mdays(t->y, t->m))
            return 0;
    } else if (!m.yset) {
        m.y = t->y && before ? t->y + 1 : t->y;
    }
    if (t->y && m.y) {
        long span = kj_days(m.y, m.m, m.d) - kj_days(t->y, t->m, t->d);
        if (span <= 0 || span > 366)
            return 0;
    }
    *b = m;
    return me;
}

/* The connector between two numeric dates at e: ~ or - (spaced or not)
 * or to. Returns where the end starts (a digit), 0 when
 * none. */
static size_t num_range_to(const ep *p, size_t e)
{
    size_t q = sp(p, e), x;
    if ((ch(p, e) == '~' || ch(p, e) == '-') && digit(ch(p, e + 1)))
        return e + 1;
    if ((ch(p, q) == '-' || ch(p, q) == '~') && ch(p, q + 1) == ' ' && digit(ch(p, sp(p, q + 1))))
        return sp(p, q + 1);
    if (wd(p, q, "to", &x) && digit(ch(p, sp(p, x))))
        return sp(p, x);
    return 0;
}

/* The connector of a month range after the month ending at e: to, or a dash before the next month (June-August).
 * Returns where the end month starts, 0 when none. */
static size_t month_to(const ep *p, size_t e)
{
    size_t q = sp(p, e), x;
    if (ch(p, e) == '-' && alpha(ch(p, e + 1)))
        return e + 1;
    /* "through", "until" and "between ... and" keep two dates, as the
     * dev-en gold writes "from 2009 to 2011" and "between 2014 and 2016" */
    if (wd(p, q, "to", &x))
        return sp(p, x);
    return 0;
}

/* A day range written day first: "9-12 June", "from 2 to 4 March 2025",
 * "between 10 and 14 May". One date with max; returns the end, 0 when none. */
static size_t dm_range(ep *p, size_t i)
{
    size_t j = i, e, k;
    bool between = false;
    if (wd(p, i, "from", &e))
        j = sp(p, e);
    else if (wd(p, i, "between", &e))
        j = sp(p, e), between = true;
    int64_t v;
    int nd;
    if (!digit(ch(p, j)) || !num(p, j, &v, &e, &nd) || nd > 2 || v < 1 || v > 31)
        return 0;
    if (!(k = range_to(p, e, between)))
        return 0;
    kj_tx m, a;
    kj_tx_init(&m);
    size_t me = date_dm(p, k, &m);
    /* from 4 to January 22, 1995: the end's month written after it */
    if (!me && j > i && !between && alpha(ch(p, k)))
        me = date_month(p, k, &m);
    if (!me || m.grain != KJ_G_DAY || m.d <= v)
        return 0;
    a = m;
    a.d = (int)v;
    kj_dt_emit(p->c, i, me, &a, &m);
    return me;
}

/* Two days sharing a month: 18 and 19 June, 3 or 4 March 2025. The first
 * is a date of its own in the second's month and year; returns its end
 * (the second is read next), 0 when none. */
static size_t dm_pair(ep *p, size_t i)
{
    int64_t v;
    int nd;
    size_t e, k, x;
    if (!num_digits(p, i, &v, &e, &nd) || nd > 2 || v < 1 || v > 31 || alpha(ch(p, e)))
        return 0;
    k = sp(p, e);
    if (k == e || !(wd(p, k, "and", &x) || wd(p, k, "or", &x)))
        return 0;
    kj_tx m, a;
    kj_tx_init(&m);
    size_t me = date_dm(p, sp(p, x), &m);
    if (!me || m.grain != KJ_G_DAY || m.d <= v || (m.y && v > kj_mdays(m.y, m.m)))
        return 0;
    a = m;
    a.d = (int)v;
    kj_dt_emit(p->c, i, e, &a, NULL);
    return e;
}

/* A range of slash dates whose end writes the year: 5/1-5/7/2020,
 * 10/1 - 11/2/2017, 5/1 to 5/7, 2020 (the start takes the end's year, the
 * year before when it is later in the year). A month and day alone stay
 * unread (a fraction or a bond price: from 1/2 to 3/4). One date with max;
 * returns the end, 0 when none. */
/* a/b reads as a fraction (1/2, 3/4, 5/8: prices and shares): a below b
 * and b a power of two up to 64 or 3 */
static bool fraction(int a, int b)
{
    return a < b && (b == 2 || b == 3 || b == 4 || b == 8 || b == 16 || b == 32 || b == 64);
}

static size_t md_range(ep *p, size_t i)
{
    if (i > 0 && (digit(p->lc[i - 1]) || alpha(p->lc[i - 1]) || p->lc[i - 1] == '/'
                  || p->lc[i - 1] == '-' || p->lc[i - 1] == '.'))
        return 0;
    size_t k = i;
    int m = digits_at(p, &k, 2), d;
    if (m < 1 || m > 12 || ch(p, k) != '/')
        return 0;
    k++;
    d = digits_at(p, &k, 2);
    if (d < 1 || d > kj_mdays(0, m) || ch(p, k) == '/')
        return 0;
    size_t k2 = num_range_to(p, k);
    if (!k2)
        return 0;
    kj_tx a, b;
    kj_tx_init(&a);
    kj_tx_init(&b);
    p->rfree = k2;
    size_t e = date_mdy(p, k2, &b);
    p->rfree = SIZE_MAX;
    if (!e) {
        /* 5/7, 2020 */
        size_t q = k2, x;
        int m2 = digits_at(p, &q, 2), d2, y;
        if (m2 < 1 || m2 > 12 || ch(p, q) != '/')
            return 0;
        q++;
        d2 = digits_at(p, &q, 2);
        if (d2 >= 1 && d2 <= kj_mdays(0, m2) && ch(p, q) != ','
            && (kj_before(p->lc, i, "from ") || kj_before(p->lc, i, "between "))
            && (q == p->len || strchr(".;!?)\n", ch(p, q)) != NULL)
            && !(ch(p, q) == '.' && digit(ch(p, q + 1))) && !fraction(m, d) && !fraction(m2, d2)) {
            /* from 10/1 to 11/7, between 10/1-11/7 where the phrase ends:
             * the start the nearest such day, the end the first after it */
            kj_tx_init(&a);
            a.m = m, a.d = d, a.mset = true, a.grain = KJ_G_DAY;
            kj_dt_bare_md(p->c, &a, i);
            b = a;
            b.m = m2, b.d = d2;
            if (b.y && (m2 < m || (m2 == m && d2 <= d)))
                b.y++;
            if (b.y && d2 > kj_mdays(b.y, m2))
                return 0;
            kj_dt_emit(p->c, i, q, &a, &b);
            return q;
        }
        if (d2 < 1 || ch(p, q) != ',' || !year4(p, sp(p, q + 1), &y, &x) || d2 > kj_mdays(y, m2)
            || digit(ch(p, x)) || ch(p, x) == '-' || ch(p, x) == '/')
            return 0;
        b.y = y, b.m = m2, b.d = d2;
        b.yset = b.mset = true;
        b.grain = KJ_G_DAY;
        e = x;
    }
    if (b.grain != KJ_G_DAY || !b.yset)
        return 0;
    a = b;
    a.m = m, a.d = d;
    if (m > b.m || (m == b.m && d >= b.d))
        a.y = b.y - 1;
    if (d > kj_mdays(a.y, m) || kj_days(b.y, b.m, b.d) - kj_days(a.y, a.m, a.d) > 366)
        return 0;
    kj_dt_emit(p->c, i, e, &a, &b);
    return e;
}

/* A day, then its clock range: "Tuesday from 2:00 to 2:30 pm", "tomorrow
 * 10am-12pm", "tonight from 7 to 7:30" (an evening's bare hours are in the
 * afternoon). Emits one date with max on [i, end); returns end, 0 when no
 * range follows. */
/* A score or a vote in the clause before i (at most 80 bytes back): "won
 * on Sunday 11-4", "the board voted Monday 5-2" keep their bare numbers. */
static bool score_before(const ep *p, size_t i)
{
    static const char *const sw[] = {"won",    "win",   "wins",    "beat",   "beats",  "lost",
                                     "lose",   "loses", "defeated", "defeat", "vote",   "voted",
                                     "votes",  "score", "scored",  "edged",  "routed", "led",
                                     "leads",  "victory", "game",  "match",  "series", "tie"};
    size_t lim = i > 80 ? i - 80 : 0, x;
    for (size_t b = i; b > lim;) {
        b--;
        char c0 = p->lc[b];
        if (c0 == '.' || c0 == '\n' || c0 == ';' || c0 == '!' || c0 == '?')
            return false;
        if (!alpha(c0) || (b > 0 && alpha(p->lc[b - 1])))
            continue;
        for (size_t n = 0; n < sizeof sw / sizeof *sw; n++)
            if (wd(p, b, sw[n], &x))
                return true;
    }
    return false;
}

static size_t day_clock_range(ep *p, size_t i, size_t e, kj_tx *t)
{
    bool tod = t->grain == KJ_G_HOUR && t->hh < 0 && t->tod;
    if (!(t->grain == KJ_G_DAY || tod) || !t->d)
        return 0;
    size_t k = ch(p, e) == ',' ? e + 1 : e, k2;
    k = sp(p, k);
    if (k == e && ch(p, k) != ',')
        return 0;
    if (wd(p, k, "at", &k2) || wd(p, k, "on", &k2))
        k = sp(p, k2);
    kj_tx a, b;
    kj_tx_init(&a);
    kj_tx_init(&b);
    char c0 = ch(p, k);
    if (!digit(c0) && c0 != 'f' && c0 != 'b')
        return 0;
    /* bare hours after their day read as a clock range where the phrase
     * ends (Monday 11-4., next Monday 6-8?; not the vote of Monday 11-4 to
     * approve) */
    p->dclk = score_before(p, i) ? SIZE_MAX : k;
    size_t end = clock_range_parse(p, k, &a, &b);
    p->dclk = SIZE_MAX;
    if (!end)
        return 0;
    if (tod && t->tod[0] != 'M' && b.hh < 12 && !has_meridiem(p, k, end)) {
        a.hh += 12;
        b.hh += 12;
    }
    a.y = b.y = t->y, a.m = b.m = t->m, a.d = b.d = t->d;
    a.rel = b.rel = t->rel;
    a.yset = b.yset = t->yset;
    a.mset = b.mset = t->mset;
    b.zone = zone_offset(p->c, &b);
    a.zone = b.zone;
    kj_dt_emit(p->c, i, end, &a, &b);
    return end;
}

/* the first week of May, the last week of 2016, the 3rd week of next
 * month: an ISO week. Of a month, its weeks are those whose Thursday falls
 * in it (the ISO rule for years): the first holds day 1 unless day 1 is a
 * Friday or later, the last holds the last day unless that is a Wednesday
 * or earlier; of a year, ISO week N or its last ISO week. Emits it; returns the end, 0 when none. */
static size_t week_of(ep *p, size_t i)
{
    size_t j = i, e = 0;
    if (wd(p, j, "the", &e))
        j = sp(p, e);
    int n = nth_word(p, j, 4, &e);
    if (!n && wd(p, j, "last", &e))
        n = -1;
    if (!n)
        return 0;
    j = sp(p, e);
    if (!wd(p, j, "week", &e))
        return 0;
    j = sp(p, e);
    if (!wd(p, j, "of", &e))
        return 0;
    kj_tx t, w;
    size_t de = date_any(p, sp(p, e), &t);
    if (!de || t.mod || !t.y || t.decade)
        return 0;
    kj_tx_init(&w);
    if (t.grain == KJ_G_MONTH && t.m) {
        /* a week belongs to the month holding most of its days (its
         * Thursday), as an ISO week to its year */
        long z = n > 0 ? kj_days(t.y, t.m, 1) : kj_days(t.y, t.m, kj_mdays(t.y, t.m));
        int wdi = wday0(z);
        if (n > 0)
            z += (wdi > 3 ? 7L : 0L) + 7L * (n - 1);
        else if (wdi < 3)
            z -= 7;
        kj_isoweek(z, &w.y, &w.wk);
    } else if (t.grain == KJ_G_YEAR) {
        w.y = t.y;
        if (n > 0)
            w.wk = n;
        else
            kj_isoweek(kj_days(t.y, 12, 28), &w.y, &w.wk);
    } else {
        return 0;
    }
    w.grain = KJ_G_WEEK;
    w.rel = t.rel;
    kj_dt_emit(p->c, i, de, &w, NULL);
    return de;
}

/* the rest of the week, the remainder of this month, rest of my week,
 * rest of year: the publication day to the last day of its ISO week, its
 * month or its year, one date with max (the last day alone when the
 * publication day is that day). Not "the rest of the week's games", "the
 * rest of the year-end". Emits it; returns the end, 0 when none. */
static size_t rest_of(ep *p, size_t i)
{
    kj_dctx *c = p->c;
    size_t j = i, e = 0;
    if (wd(p, j, "the", &e))
        j = sp(p, e);
    if (!wd(p, j, "rest", &e) && !wd(p, j, "remainder", &e))
        return 0;
    j = sp(p, e);
    if (!wd(p, j, "of", &e))
        return 0;
    j = sp(p, e);
    if (wd(p, j, "the", &e) || wd(p, j, "this", &e) || wd(p, j, "my", &e))
        j = sp(p, e);
    int kind = wd(p, j, "week", &e) ? KJ_W_WEEK : wd(p, j, "month", &e) ? KJ_W_MONTH
             : wd(p, j, "year", &e) ? KJ_W_YEAR : 0;
    if (!kind || ch(p, e) == '-' || ch(p, e) == '\'' || possessive(p, e))
        return 0;
    /* a story told about another year or month (In 2019 he was hurt and
     * missed the rest of the year): a date of this or the previous
     * sentence of the paragraph outside the publication's year (month)
     * is the period meant, which the text does not bound */
    int si = kj_sentence_of(c->d, i);
    if (c->has_last && c->last.y && si >= 0 && (c->last_sent == si || c->last_sent == si - 1)
        && c->last_para == c->d->sent[si].para
        && (c->last.y != c->py || (kind != KJ_W_YEAR && c->last.m && c->last.m != c->pm)))
        return 0;
    kj_tx t, b;
    kj_tx_init(&t);
    kj_dt_rel(c, &t, KJ_W_DAY, 0);
    if (!c->py) { /* no publication date: a day, unknown */
        kj_dt_emit(c, i, e, &t, NULL);
        return e;
    }
    b = t;
    long z = kj_days(c->py, c->pm, c->pd);
    if (kind == KJ_W_WEEK)
        kj_civil(z + (7 - kj_wday(z)), &b.y, &b.m, &b.d);
    else if (kind == KJ_W_MONTH)
        b.d = kj_mdays(c->py, c->pm);
    else
        b.m = 12, b.d = 31;
    bool one = b.y == t.y && b.m == t.m && b.d == t.d;
    kj_dt_emit(c, i, e, one ? &b : &t, one ? NULL : &b);
    return e;
}

/* A capitalized weekday at i, abbreviated or not (Tue, Thur.): its number
 * 1 (Monday) - 7, *e after it and its dot; 0 for none. */
static int cap_wday(const ep *p, size_t i, size_t *e)
{
    const kj_dword *w;
    size_t n = dword(p, i, KJ_W_WDAY, &w);
    if (!n || !cap(p, i))
        return 0;
    *e = i + n + (w->mod != 0 && ch(p, i + n) == '.');
    return w->arg;
}

/* The days of a week: (next) week between Monday and (Thursday), (last)
 * week from Tue to Thu: one date with max in that ISO week (off from the
 * publication's).
 * a is after "week". Emits it; returns the end, 0 when none. */
static size_t week_days(ep *p, size_t i, size_t a, int off)
{
    kj_dctx *c = p->c;
    size_t x, r, y, e;
    bool btw = wd(p, a, "between", &x);
    if (!btw && !wd(p, a, "from", &x))
        return 0;
    int w1 = cap_wday(p, sp(p, x), &r), w2;
    if (!w1)
        return 0;
    y = sp(p, r);
    if (btw ? !wd(p, y, "and", &x)
            : !wd(p, y, "to", &x) && !wd(p, y, "through", &x) && !wd(p, y, "until", &x)
                  && !wd(p, y, "till", &x))
        return 0;
    if (!(w2 = cap_wday(p, sp(p, x), &e)) || w2 <= w1)
        return 0;
    kj_tx t, b;
    kj_tx_init(&t);
    t.rel = true;
    t.grain = KJ_G_DAY;
    if (!c->py) { /* no publication date: a day, unknown */
        kj_dt_emit(c, i, e, &t, NULL);
        return e;
    }
    long z = kj_days(c->py, c->pm, c->pd);
    z += 7L * off - wday0(z);
    b = t;
    kj_civil(z + w1 - 1, &t.y, &t.m, &t.d);
    kj_civil(z + w2 - 1, &b.y, &b.m, &b.d);
    kj_dt_emit(c, i, e, &t, &b);
    return e;
}

/* A weekday placed in a month or a week: "the first Friday of next month",
 * "the last Monday in May 2025" (the Nth or last such day of that month;
 * "the second Sunday" alone: of the month just named, else of the
 * publication month);
 * "Tuesday of next week", "Friday next week", "Monday this week" (that day
 * of that ISO week). Emits the day; returns the end, 0 when none. */
static size_t wday_in(ep *p, size_t i)
{
    kj_dctx *c = p->c;
    const kj_dword *w;
    size_t j = i, e = 0, n;
    int k = 0;
    /* next week on Friday, this week Monday, last week, Sunday: that ISO
     * week's day */
    {
        size_t a, x;
        int off = wd(p, i, "next", &a) ? 1 : wd(p, i, "last", &a) ? -1 : wd(p, i, "this", &a) ? 0 : 9;
        size_t we;
        if (off != 9 && wd(p, sp(p, a), "week", &we) && (e = week_days(p, i, sp(p, we), off)) > 0)
            return e;
        if (off != 9 && wd(p, sp(p, a), "week", &a)) {
            a = ch(p, a) == ',' ? sp(p, a + 1) : sp(p, a);
            bool on = wd(p, a, "on", &x);
            if (on)
                a = sp(p, x);
            /* a full day name after "on" in lower case too (this week on
             * saturday) */
            if ((n = dword(p, a, KJ_W_WDAY, &w)) > 0 && (cap(p, a) || (on && w->mod == 0))
                && (w->mod == 0 || ch(p, a + n) == '.')) {
                kj_tx t;
                kj_tx_init(&t);
                /* with no publication date the day stays unknown, but
                 * the phrase is still one date */
                if (c->py) {
                    long z = kj_days(c->py, c->pm, c->pd);
                    z += 7L * off - wday0(z) + (w->arg - 1);
                    kj_civil(z, &t.y, &t.m, &t.d);
                }
                t.rel = true;
                t.grain = KJ_G_DAY;
                e = day_tod(p, a + n, &t);
                kj_dt_emit(c, i, e, &t, NULL);
                return e;
            }
        }
    }
    if (wd(p, j, "the", &e))
        j = sp(p, e);
    k = nth_word(p, j, 5, &e);
    if (!k && wd(p, j, "last", &e))
        k = -1;
    if (k)
        j = sp(p, e);
    else if (j != i)
        return 0;
    if ((n = dword(p, j, KJ_W_WDAY, &w)) == 0 || (!cap(p, j) && w->mod != 0))
        return 0;
    int wdy = w->arg - 1;
    size_t a = sp(p, j + n), x;
    kj_tx t;
    kj_tx_init(&t);
    if (k > 0 && phrase_end(p, a)) {
        /* the second Sunday, with no month: that day of the month of a
         * date just before, else of the publication month (as a bare
         * weekday is the day in the week around publication); no date
         * when the month has no fifth such day */
        int my = 0, mm = 0;
        if (kj_dt_last_near(c, i) && c->last.mset && c->last.y && c->last.m)
            my = c->last.y, mm = c->last.m;
        else if (c->py)
            my = c->py, mm = c->pm;
        if (!my)
            return 0;
        long z = kj_days(my, mm, 1);
        z += (wdy - wday0(z) + 7) % 7 + 7L * (k - 1);
        kj_civil(z, &t.y, &t.m, &t.d);
        e = j + n;
        if (t.m != mm)
            return e; /* read, but no such day: not the weekday alone either */
        t.rel = true;
        t.grain = KJ_G_DAY;
        kj_dt_emit(c, i, e, &t, NULL);
        return e;
    }
    if (k) {
        if (!wd(p, a, "of", &x) && !wd(p, a, "in", &x))
            return 0;
        kj_tx m;
        size_t de = date_any(p, sp(p, x), &m);
        if (!de || m.grain != KJ_G_MONTH || m.mod)
            return 0;
        if (m.y && m.m) {
            long z;
            if (k > 0) {
                z = kj_days(m.y, m.m, 1);
                z += (wdy - wday0(z) + 7) % 7 + 7L * (k - 1);
            } else {
                z = kj_days(m.y, m.m, kj_mdays(m.y, m.m));
                z -= (wday0(z) - wdy + 7) % 7;
            }
            kj_civil(z, &t.y, &t.m, &t.d);
            if (t.m != m.m)
                return 0; /* no fifth Friday that month */
        } else {
            /* a month whose year is unknown (no publication date): the
             * phrase is one day, its date unknown */
            t.y = m.y;
            t.m = m.m;
        }
        t.rel = m.rel;
        t.grain = KJ_G_DAY;
        kj_dt_emit(c, i, de, &t, NULL);
        return de;
    }
    /* Wednesday evening next week */
    const char *tod = tod_word(p, a, &x);
    if (tod && a == j + n + 1)
        a = sp(p, x);
    else
        tod = NULL;
    if (wd(p, a, "of", &x))
        a = sp(p, x);
    int off = wd(p, a, "next", &x) ? 1 : wd(p, a, "last", &x) ? -1 : wd(p, a, "this", &x) ? 0 : 9;
    if (off == 9 || !wd(p, sp(p, x), "week", &e) || ch(p, e) == '\'' || ch(p, e) == '-')
        return 0;
    if (c->py) {
        long z = kj_days(c->py, c->pm, c->pd);
        z += 7L * off - wday0(z) + wdy;
        kj_civil(z, &t.y, &t.m, &t.d);
    }
    t.rel = true;
    t.grain = KJ_G_DAY;
    if (tod)
        t.tod = tod, t.grain = KJ_G_HOUR;
    kj_dt_emit(c, i, e, &t, NULL);
    return e;
}

/* A full weekday name at i, or its plural (Tuesdays): its length. */
static size_t wday_word(const ep *p, size_t i, const kj_dword **w, bool *plural, bool lower)
{
    ecache *k = p->k;
    if (k->wpos != i) {
        k->wpos = i;
        k->wn = i < p->len ? kj_dt_word(p->c, true, i, &k->ww) : 0;
    }
    size_t n = k->wn;
    if (!n || k->ww->kind != KJ_W_WDAY || k->ww->mod != 0 || !(lower || cap(p, i)))
        return 0;
    *w = k->ww;
    *plural = ch(p, i + n) == 's' && !alpha(ch(p, i + n + 1));
    if (!*plural && alpha(ch(p, i + n)))
        return 0;
    return n + (*plural ? 1 : 0);
}

/* every Monday, each Friday at 4pm, every other Tuesday, on Tuesdays at
 * 9am: a weekly set; every morning / every night: a daily one. No date of
 * their own (as 毎週月曜日). Returns the end, 0 for none. */
static size_t wday_set(ep *p, size_t i)
{
    const kj_dword *w;
    bool plural = false, every = false, other = false;
    size_t j = i, e, n, x;
    if (wd(p, i, "every", &e) || wd(p, i, "each", &e)) {
        every = true;
        j = sp(p, e);
        if (wd(p, j, "other", &x))
            other = true, j = sp(p, x);
        if (!other && (wd(p, j, "weekend", &x) || wd(p, j, "week-end", &x))) {
            kj_dt_set(p->c, i, x, "P1W"); /* every weekend */
            return x;
        }
        if (!other && tod_word(p, j, &x) && ch(p, x) != '-') {
            /* every evening at 7:13 p.m.: the clock is the set's */
            size_t k = sp(p, x), y;
            kj_tx tt;
            kj_tx_init(&tt);
            if (wd(p, k, "at", &y) && (y = date_time(p, sp(p, y), &tt)) > 0)
                x = y;
            kj_dt_set(p->c, i, x, "P1D");
            return x;
        }
    }
    /* every monday: a lower-case full name after every / each (chat) */
    if ((n = wday_word(p, j, &w, &plural, every)) == 0)
        return 0;
    e = j + n;
    /* Friday mornings, Tuesday afternoons: that part of every such day */
    size_t pm;
    if (!plural && !every && ch(p, e) == ' '
        && (wd(p, e + 1, "mornings", &pm) || wd(p, e + 1, "afternoons", &pm)
            || wd(p, e + 1, "evenings", &pm) || wd(p, e + 1, "nights", &pm))) {
        plural = true;
        e = pm;
    }
    if (plural == every)
        return 0;
    /* Tuesdays at 9am, every Monday at 4 p.m.: the clock is the set's */
    size_t k = sp(p, e);
    if (wd(p, k, "at", &x)) {
        kj_tx tt;
        kj_tx_init(&tt);
        size_t ce = date_time(p, sp(p, x), &tt);
        if (ce > 0)
            e = ce;
    }
    kj_dt_set(p->c, i, e, other ? "P2W" : "P1W");
    return e;
}

/* A month name right after a year (2017 April, 2016 november): that month
 * of the year in t; not May (in 2016 May became leader), not before a
 * day or a capitalized word (2016 March Madness). Returns true with *e. */
static bool year_month(ep *p, size_t j, kj_tx *t, size_t *e)
{
    int m;
    size_t x, q;
    if (!month(p, j, &m, &x) || m == 5 || ch(p, x - 1) == '.' || ch(p, x) == '-')
        return false;
    q = sp(p, x);
    if (digit(ch(p, q)) || (q > x && p->s[q] >= 'A' && p->s[q] <= 'Z'))
        return false;
    t->m = m;
    t->mset = true;
    t->grain = KJ_G_MONTH;
    *e = x;
    return true;
}

/* The set word [i, i + n) (daily, weekly) is a newspaper's name or a
 * newspaper: written in title case after a word or a comma (China Daily,
 * the Weekly Standard; a sentence may open with Weekly auctions), or
 * after the / a / an / 's and one or two lower-case words and before a
 * name (the local daily al-Qabas, a leading weekly Der Spiegel). */
static bool set_paper(const ep *p, size_t i, size_t n)
{
    size_t b = i;
    while (b > 0 && i - b < 8 && (p->lc[b - 1] == ' ' || p->lc[b - 1] == '\n'))
        b--;
    if (!p->caseless && p->s[i] >= 'A' && p->s[i] <= 'Z' && n > 1 && p->s[i + 1] >= 'a'
        && p->s[i + 1] <= 'z' && b > 0 && b < i
        && (alpha(p->lc[b - 1]) || digit(p->lc[b - 1]) || p->lc[b - 1] == ','))
        return true;
    /* a name after it: a word with a capital letter, on the same line */
    size_t k = i + n;
    if (p->caseless || ch(p, k) != ' ')
        return false;
    bool name = false;
    for (size_t e = k + 1; e < p->len && e - k < 24 && (alpha(p->s[e]) || p->s[e] == '-'); e++)
        name = name || (p->s[e] >= 'A' && p->s[e] <= 'Z');
    if (!name)
        return false;
    /* back over one or two lower-case words to the determiner */
    size_t w = i;
    for (int words = 0; words < 2; words++) {
        if (w < 2 || (p->lc[w - 1] != ' ' && p->lc[w - 1] != '\n'))
            return false;
        size_t a = w - 1;
        while (a > 0 && w - a < 20 && p->s[a - 1] >= 'a' && p->s[a - 1] <= 'z')
            a--;
        if (a == w - 1 || (a > 0 && alpha(p->s[a - 1])))
            return false;
        if (word_before(p, a, "the") || word_before(p, a, "a") || word_before(p, a, "an") ||
            kj_before(p->lc, a, "'s "))
            return true;
        w = a;
    }
    return false;
}

/* The set word [i, i + n) after 's names the owner's newspaper, not a
 * recurrence, as a noun: in title case (Britain's Daily), before a
 * name (the emirate's daily Al-Qabas), or with no word after it that it
 * could modify: a punctuation mark or the text's end (the emirate's
 * daily.), or a verb in the past (en/weekday_verbs kind 1 or a word in
 * -ed: the emirate's daily said, reported). Before any other word it
 * modifies it (the central bank's daily operations: a set). */
static bool poss_paper(const ep *p, size_t i, size_t n)
{
    if (!kj_before(p->lc, i, "'s "))
        return false;
    if (p->caseless || (p->s[i] >= 'A' && p->s[i] <= 'Z'))
        return true;
    size_t w = sp(p, i + n);
    if (!alpha(ch(p, w)) || (p->s[w] >= 'A' && p->s[w] <= 'Z'))
        return true;
    size_t b = w;
    while (b < p->len && b - w < 24 && alpha(p->lc[b]))
        b++;
    return wverb(p, w, b) == KJ_WV_PAST || (b - w > 3 && p->lc[b - 2] == 'e' && p->lc[b - 1] == 'd');
}

static size_t try_at(ep *p, size_t i)
{
    kj_dctx *c = p->c;
    p->rfree = SIZE_MAX;
    const kj_dword *w = NULL; /* set by dword whenever it returns more than 0 */
    size_t n, e, j;
    kj_tx t;
    /* early / mid- / late / the end of + a date */
    int mod = KJ_MOD_NONE;
    j = i;
    if ((n = dword(p, i, KJ_W_MOD, &w)) > 0 || (wd(p, i, "mid", &e) && ch(p, e) == '-' && (n = 3))) {
        mod = n == 3 && wd(p, i, "mid", &e) ? KJ_MOD_MID : w->mod;
        j = i + n;
        j = ch(p, j) == '-' ? j + 1 : sp(p, j);
    } else {
        /* the end of with a line break inside it (by the end\nof this
         * month, before the\nend of March), which the list's keys with
         * single spaces miss: the same mod */
        size_t x = i, y;
        if (wd(p, x, "the", &y) && sp(p, y) > y)
            x = sp(p, y);
        if (wd(p, x, "end", &y) && sp(p, y) > y && wd(p, sp(p, y), "of", &y)) {
            mod = KJ_MOD_END;
            j = sp(p, y);
        }
    }
    size_t inthe = mod ? j : SIZE_MAX; /* where "in the week" may start */
    if (wd(p, j, "earlier", &e) || wd(p, j, "later", &e)) {
        size_t k = sp(p, e);
        if (!mod)
            inthe = k;
        if (wd(p, k, "this", &e))
            j = k;
    }
    /* earlier in the week, late in the year: the current one, as "earlier
     * this week" (the last date is a poor guide: a January story that looks
     * back on December and then on "early in the year" means January) */
    size_t k0;
    if (inthe != SIZE_MAX && wd(p, inthe, "in the", &k0)) {
        size_t k1 = sp(p, k0);
        int g = wd(p, k1, "year", &e) ? KJ_G_YEAR : wd(p, k1, "month", &e) ? KJ_G_MONTH
              : wd(p, k1, "week", &e) ? KJ_G_WEEK : 0;
        if (g && ch(p, e) != '-' && ch(p, e) != '\'') {
            kj_tx_init(&t);
            kj_dt_rel(c, &t, g == KJ_G_WEEK ? KJ_W_WEEK : g == KJ_G_MONTH ? KJ_W_MONTH : KJ_W_YEAR,
                      0);
            t.mod = mod;
            kj_dt_emit(c, i, e, &t, NULL);
            return e - i;
        }
    }
    /* the end of the year / the month / the week: the current one */
    if (mod && wd(p, j, "the", &k0)) {
        size_t k1 = sp(p, k0);
        int kind = wd(p, k1, "year", &e) ? KJ_W_YEAR : wd(p, k1, "month", &e) ? KJ_W_MONTH
                 : wd(p, k1, "week", &e) ? KJ_W_WEEK : 0;
        if (kind && ch(p, e) != '-') {
            kj_tx_init(&t);
            kj_dt_rel(c, &t, kind, 0);
            t.mod = mod;
            kj_dt_emit(c, i, e, &t, NULL);
            return e - i;
        }
    }
    if (!mod && ((n = week_of(p, i)) > 0 || (n = wday_in(p, i)) > 0 || (n = wday_set(p, i)) > 0
                 || (n = rest_of(p, i)) > 0))
        return n - i;
    /* the night of Oct. 7, the morning of March 3: that day's part */
    if (!mod && ch(p, i) == 't' && wd(p, i, "the", &e)) {
        size_t q = sp(p, e), x;
        const char *tod = tod_word(p, q, &x);
        if (tod && wd(p, sp(p, x), "of", &x)) {
            kj_tx d;
            size_t de = date_any(p, sp(p, x), &d);
            if (de > 0 && d.grain == KJ_G_DAY && d.d && !d.mod) {
                d.tod = tod;
                d.grain = KJ_G_HOUR;
                kj_dt_emit(c, i, de, &d, NULL);
                return de - i;
            }
        }
    }
    if (!mod && (n = clock_range(p, i)) > 0)
        return n;
    if (!mod && (n = dm_range(p, i)) > 0)
        return n - i;
    if (!mod && digit(ch(p, i)) && ((n = md_range(p, i)) > 0 || (n = dm_pair(p, i)) > 0))
        return n - i;
    if ((e = date_any(p, j, &t)) > 0) {
        if (mod)
            t.mod = mod;
        /* this friday 5/12, next Friday 29/03: the slash date after the
         * weekday names the day, as after a bare weekday (Friday 5/12) */
        if (!mod && t.grain == KJ_G_DAY && ch(p, e) == ' ' && digit(ch(p, e + 1))) {
            size_t wb = e;
            const kj_dword *ww;
            kj_tx t2;
            kj_tx_init(&t2);
            while (wb > i && e - wb < 12 && alpha(p->lc[wb - 1]))
                wb--;
            size_t e2;
            if (wb > i && dword(p, wb, KJ_W_WDAY, &ww) == e - wb
                && (e2 = wday_md(p, e + 1, &t2)) > 0) {
                t = t2;
                e = e2;
            }
        }
        size_t rq = 0;
        if (!mod && (rq = day_clock_range(p, i, e, &t)) > 0)
            return rq - i;
        /* 6am every day, 3pm daily: a daily set at that clock, no date */
        if (!mod && (t.grain == KJ_G_HOUR || t.grain == KJ_G_MINUTE) && t.hh >= 0 && t.rel && !t.yset && !t.mset) {
            size_t k = sp(p, e), y;
            const kj_dword *sw;
            size_t sn;
            if (k > e && (sn = dword(p, k, KJ_W_SET, &sw)) > 0 && strcmp(sw->s, "P1D") == 0
                && !wd(p, k, "twice a day", &y) && !wd(p, k, "once a day", &y)) {
                kj_dt_set(c, i, k + sn, "P1D");
                return k + sn - i;
            }
        }
        if (!mod) {
            size_t te = day_tod(p, e, &t);
            /* Monday morning from 10am to noon */
            if (te > e && (rq = day_clock_range(p, i, te, &t)) > 0)
                return rq - i;
            e = day_and_time(p, te, &t);
        }
        /* Nov. 22 to 25, 2025-26: one date with max */
        kj_tx b = t, *max = NULL;
        int64_t v;
        int nd;
        size_t k = e, k2, e2;
        (void)v, (void)nd;
        /* the dash after a dateline's date (NEW YORK, March 3 - Jan 31
         * end) ends the dateline: no range across it */
        bool dl_dash = p->c->d->dl_mpos == i + 1 && ch(p, sp(p, e)) == '-';
        if (t.grain == KJ_G_DAY && t.mset && !mod && !dl_dash &&
            (k2 = day_range_end(p, e, &t, &b)) > 0) {
            max = &b;
            e = k2;
        } else if (t.grain == KJ_G_DAY && t.yset && !mod && (k2 = num_range_to(p, k)) > 0
                   && ((e2 = date_iso(p, k2, &b)) > 0 || ((p->rfree = k2), (e2 = date_mdy(p, k2, &b)) > 0))
                   && kj_days(b.y, b.m, b.d) > kj_days(t.y, t.m, t.d)) {
            /* 2013/12/26~2014/1/7, 10/1/2018 - 10/7/2018: one date with max */
            max = &b;
            e = e2;
        } else if (t.grain == KJ_G_MONTH && t.mset && (k2 = month_to(p, k)) > 0) {
            /* from March to May, June-August 1992: a year written at the
             * end is the start's too (the year before when the start month
             * is later: Nov-Feb 2017) */
            kj_tx m2;
            kj_tx_init(&m2);
            p->mcue = k2; /* from Sep to Nov */
            size_t k3 = date_month(p, k2, &m2);
            p->mcue = SIZE_MAX;
            if (k3 > 0 && m2.grain == KJ_G_MONTH) {
                if (!m2.yset) {
                    m2.y = m2.m >= t.m ? t.y : (t.y ? t.y + 1 : 0);
                } else if (!t.yset) {
                    t.y = m2.m >= t.m ? m2.y : m2.y - 1;
                    t.yset = true;
                    t.rel = m2.rel;
                }
                if (!t.y || !m2.y || m2.y * 12 + m2.m > t.y * 12 + t.m) {
                    b = m2;
                    max = &b;
                    e = k3;
                }
            }
        } else if (t.grain == KJ_G_MONTH && t.mset && !t.yset && kj_before(p->lc, i, "between ") &&
                   wd(p, sp(p, k), "and", &k2)) {
            /* between June and August of 2010: two dates (see
             * month_to), the year written at the end is the start's too
             * (the year before when the start month is later) */
            kj_tx m2;
            kj_tx_init(&m2);
            k2 = sp(p, k2);
            p->mcue = k2;
            size_t k3 = date_month(p, k2, &m2), me = 0;
            int mm;
            /* the year written after the end month: 2007, of 2007, last year */
            bool written = k3 > 0 && month(p, k2, &mm, &me) && k3 > me;
            p->mcue = SIZE_MAX;
            if (written && m2.grain == KJ_G_MONTH && m2.y) {
                t.y = m2.m >= t.m ? m2.y : m2.y - 1;
                t.yset = true;
                t.rel = m2.rel;
            }
        } else if (t.grain == KJ_G_YEAR && !t.decade && (ch(p, k) == '-' || ch(p, k) == ' ')
                   && ch(p, (k2 = k + 1)) == 'q'
                   && ch(p, k2 + 1) >= '1' && ch(p, k2 + 1) <= '4' && !alpha(ch(p, k2 + 2))
                   && !digit(ch(p, k2 + 2))) {
            /* 2017 Q1, 2019-Q1: the quarter of that year */
            t.q = ch(p, k2 + 1) - '0';
            t.grain = KJ_G_QUARTER;
            e = k2 + 2;
        } else if (t.grain == KJ_G_YEAR && !t.decade && !t.century && !mod && ch(p, k) == ' '
                   && alpha(ch(p, k + 1)) && year_month(p, k + 1, &t, &k2)) {
            /* 2017 April: the month of that year */
            e = k2;
        } else if (t.grain == KJ_G_YEAR && !t.decade && !mod && (ch(p, k) == '-' || ch(p, k) == ' ')
                   && ch(p, k + 1) == 'h' && (ch(p, k + 2) == '1' || ch(p, k + 2) == '2')
                   && !alnum_at(p, k + 3)) {
            /* 2016 H2: the half year */
            t.mod = ch(p, k + 2) == '1' ? KJ_MOD_START : KJ_MOD_END;
            e = k + 3;
        } else if (t.grain == KJ_G_YEAR && !mod && (ch(p, k) == '-' || ch(p, k) == '/')
                   && digit(ch(p, k + 1)) && digit(ch(p, k + 2)) && !digit(ch(p, k + 3))) {
            int y2 = t.y - t.y % 100 + (p->lc[k + 1] - '0') * 10 + (p->lc[k + 2] - '0');
            if (y2 > t.y && y2 - t.y <= 10) { /* 2015-16, 2014-18 */
                b.y = y2;
                max = &b;
                e = k + 3;
            }
        }
        kj_dt_emit(c, i, e, &t, max);
        return e - i;
    }
    if (mod)
        return 0;
    if ((n = amount(p, i)) > 0)
        return n;
    if ((n = dword(p, i, KJ_W_SET, &w)) > 0) {
        /* "the emirate's daily said", "a weekly": a newspaper, not a
         * recurrence (the bank's daily operations: a recurrence) */
        if (word_before(p, i, "the") || word_before(p, i, "a") || poss_paper(p, i, n)
            || word_before(p, i, "an") || set_paper(p, i, n))
            return n;
        /* every day at 7 p.m., everyday 6am: the clock is the set's (as
         * 毎日午後3時) */
        size_t se = i + n;
        if (strcmp(w->s, "P1D") == 0) {
            size_t k = sp(p, se), y;
            kj_tx tt;
            kj_tx_init(&tt);
            if (wd(p, k, "at", &y))
                k = sp(p, y);
            if (k > se && digit(ch(p, k)) && (y = date_time(p, k, &tt)) > 0
                && (tt.hh >= 0) && (wd(p, sp(p, se), "at", &e) || has_meridiem(p, k, y)))
                se = y;
        }
        kj_dt_set(c, i, se, w->s);
        return se - i;
    }
    return 0;
}

int kj_date_en_starts(struct kj_datedata *dd, const struct kj_numeric *nd)
{
    /* The words try_at and the parts test by name at a date's first
     * position (word entries of en are added as they load): a match of a
     * literal or an entry at i ends at a non-letter or goes on with one,
     * so the word at i is its first word. "fy" (FY2025) is compared as a
     * prefix; it is here for the word "fy" that FY2025's digits follow. */
    static const char *const lit[] = {
        "mid",      "earlier",   "later",    "from",     "between",   "the",     "first",
        "second",   "third",     "fourth",   "fifth",    "sixth",     "seventh", "eighth",
        "ninth",    "tenth",     "eleventh", "twelfth",  "thirteenth", "fourteenth",
        "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
        "thirtieth", "twenty",   "thirty",   "q",        "this",      "current", "last",
        "past",     "previous",  "next",     "coming",   "fiscal",    "calendar", "fy",
        "tonight",  "tonite",    "year",     "yearend",  "end",       "noon",    "midday",
        "midnight", "every",     "each",     "a",        "an",        "one",     "several",
        "few",      "many",      "spring",   "summer",   "fall",      "autumn",  "winter",
        "half",     "quarter",   "all",      "mondays",   "tuesdays", "wednesdays",
        "thursdays", "fridays",  "saturdays", "sundays",  "h",        "whole",   "another",
        "full",     "noonish",  "rest",    "remainder", "upcoming", "couple"};
    for (size_t k = 0; k < sizeof lit / sizeof lit[0]; k++)
        if (!kj_dt_en_first(dd, lit[k], strlen(lit[k]), KJ_EF_WORD | KJ_EF_LIT))
            return -1;
    /* What the readers that start at "the" read right after it, word by
     * word (digits after "the" are let through without a look-up):
     *   week_of      the first / second / third / fourth / last week of
     *   wday_in      the first .. fifth / last Friday [of, in]
     *   rest_of      the rest / remainder of
     *   try_at       the morning / afternoon / evening / night of + a date
     *   date_dm, date_nth (ordword)   the first .. nineteenth, twentieth,
     *                thirtieth, twenty-, thirty- [of May]
     *   date_any     the week / month / year after next; the eighteen /
     *                nineteen / twenty seventies, the noughties; the
     *                weekend, the week-end; the day (the same anaphor)
     *   amount       the next / past / last three years
     *   try_at       the end of with a line break in it (the\nend of)
     * and every entry of en that begins with "the" (the end of, the next
     * day: kj_dt_en_the at load), which the readers look up at i (dword,
     * month, wday_word). The other readers fail at "the" itself: they
     * want a digit, a literal or an entry of their own there, and "the"
     * starts no number (it is no word of en/numbers). */
    static const char *const after_the[] = {
        "first",     "second",     "third",     "fourth",      "fifth",      "sixth",
        "seventh",   "eighth",     "ninth",     "tenth",       "eleventh",   "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth",  "seventeenth", "eighteenth",
        "nineteenth", "twentieth", "thirtieth", "twenty",      "thirty",     "last",
        "rest",      "remainder",  "morning",   "afternoon",   "evening",    "night",
        "week",      "month",      "year",      "eighteen",    "nineteen",   "noughties",
        "weekend",   "day",        "next",      "past",        "end"};
    for (size_t k = 0; k < sizeof after_the / sizeof after_the[0]; k++)
        if (!kj_dt_ethe_add(dd, after_the[k], strlen(after_the[k]), KJ_ETHE_READ))
            return -1;
    /* the signs kj_num_scan reads before a number word (minus zero) */
    if (!kj_dt_en_first(dd, "minus", 5, KJ_EF_NUM) || !kj_dt_en_first(dd, "negative", 8, KJ_EF_NUM))
        return -1;
    /* number words (amount: "three years"): kj_num_scan reads one only
     * where the word at i is in en/numbers; marked KJ_EF_NUM_NONE where
     * the key is one word that starts no number (and, first): there
     * kj_num_may_start says no wherever the word is the whole word */
    const kj_wordlist *wl = kj_wordlist_get("en/numbers");
    if (!wl)
        return -1;
    for (size_t k = 0; k < wl->n; k++) {
        char low[32];
        size_t n = 0, az = 0;
        for (const char *q = wl->lines[k]; *q && *q != '\t' && n + 1 < sizeof low; q++)
            low[n++] = *q >= 'A' && *q <= 'Z' ? (char)(*q - 'A' + 'a') : *q;
        while (az < n && low[az] >= 'a' && low[az] <= 'z')
            az++;
        int32_t bits = KJ_EF_NUM;
        if (az == n && kj_num_en_word_starts_none(nd, low, n))
            bits |= KJ_EF_NUM_NONE;
        if (!kj_dt_en_first(dd, low, n, bits))
            return -1;
    }
    return 0;
}

/* A word of a filter's list, with its length. */
typedef struct {
    const char *w;
    size_t n;
} elit;

/* Is the run of lower-case letters at j (read up to cap letters) one of
 * the nlit words of lit? */
static bool word_in(const ep *p, size_t j, size_t cap, const elit *lit, size_t nlit)
{
    size_t r = j >= p->len ? j : kj_az_end(p->lc, j, p->len - j > cap ? j + cap : p->len);
    for (size_t k = 0; k < nlit; k++)
        if (r - j == lit[k].n && p->lc[j] == lit[k].w[0] && memcmp(p->lc + j, lit[k].w, lit[k].n) == 0)
            return true;
    return false;
}

/* Can a date start at the article "a" or "an" (at i, ending at e before
 * white space or a digit)? What the readers that start at an article read right after
 * it, reader by reader:
 *   amount       a / an + a unit of time, an entry of en (a week, an hour,
 *                a decade, a fortnight); a / an + business / working day
 *                (bizday); for a night / nights; a half hour, a half day;
 *                for a full day; a couple of days; a few weeks; a / an
 *                and a half (the half after the count)
 *   clock_words  a quarter past / to
 *   num, words_half, and every reader that reads a number at i
 *                (kj_num_scan): "a" + a word of en/numbers (a dozen, a
 *                hundred, a third), which kj_num_may_start tests exactly
 *   dword at i   an entry of en that begins with the article (none in
 *                en/dates now; the test follows the list)
 * The other readers fail at the article itself: they want a digit, a
 * literal of their own or an entry of their own there (a digit after an
 * article is none of the above: "a 25% stake" starts no date there). */
static bool after_article(const ep *p, size_t i, size_t e)
{
    static const elit lit[] = {{"business", 8}, {"working", 7}, {"night", 5}, {"nights", 6},
                               {"half", 4},     {"full", 4},    {"couple", 6}, {"few", 3},
                               {"and", 3},      {"quarter", 7}};
    size_t q = sp(p, e);
    if (word_in(p, q, 9, lit, sizeof lit / sizeof lit[0]))
        return true;
    /* an entry at q or at i, on the terms of dword and wday_word: the
     * longest key there, ending before a non-letter or a plural s (Mar in
     * "market" is none) */
    const kj_dword *w;
    size_t n = kj_dt_word(p->c, true, q, &w);
    if (n > 0 && (!alpha(ch(p, q + n)) || (ch(p, q + n) == 's' && !alpha(ch(p, q + n + 1)))))
        return true;
    /* a key found at the article is a prefix of the text there: "a" or
     * "an" alone or with the byte after it (white space or a digit), so
     * no look-up where en has no such key (dd->en_article) */
    if (p->c->dd->en_article) {
        n = kj_dt_word(p->c, true, i, &w);
        if (n > 0 && (!alpha(ch(p, i + n)) || (ch(p, i + n) == 's' && !alpha(ch(p, i + n + 1)))))
            return true;
    }
    return kj_num_may_start(p->c->d, i);
}

static bool worth_trying_word(const ep *p, size_t i, size_t e);

/* What one_next and ordinal_next let through before reading the next
 * word: anything but a lower-case word after white space, or an entry of
 * en at i (the word at i, ending at e). Else false, with *q at the next
 * word. */
static bool next_not_word(const ep *p, size_t i, size_t e, size_t *q)
{
    *q = sp(p, e);
    if (*q >= p->len || (unsigned char)(p->lc[*q] - 'a') >= 26)
        return true;
    if (p->k->wpos != i)
        dword_fill(p, i);
    return p->k->wn > 0;
}

/* Can a date start at "one" (at i, ending at e)? What the readers that read
 * it at i read right after it (at q, past white space):
 *   amount       a dash or white space, then a unit (an entry of en),
 *                bizday (business / working day), night / nights,
 *                "and a half" / "and half" before one, or more /
 *                additional / extra before a unit (one more year)
 *   clock_words  the number num reads at i (one, or more words of it),
 *                then minutes / minute / min / mins, past (after and to
 *                after minutes), or o'clock / oclock
 *   wdays_off    the number num reads at i, then a weekday (an entry)
 *   dword at i   an entry of en that begins with "one"
 * Where num reads more than the word (one hundred), the word at q is a
 * number's (a word of dd->efirst marked KJ_EF_NUM). The other readers
 * fail at "one" itself: they want a digit, "the", a literal or an entry
 * of their own there. So anything but a lower-case word after white
 * space is let through; a word is let through when it is one of those
 * above, a number's or begins an entry of en. Any other (one of them,
 * one person) starts no date here. */
static bool one_next(const ep *p, size_t i, size_t e)
{
    static const elit lit[] = {{"o", 1},       {"to", 2},       {"and", 3},       {"min", 3},
                               {"mins", 4},    {"past", 4},     {"more", 4},      {"after", 5},
                               {"extra", 5},   {"night", 5},    {"minute", 6},    {"nights", 6},
                               {"oclock", 6},  {"minutes", 7},  {"working", 7},   {"business", 8},
                               {"additional", 10}};
    size_t q;
    if (next_not_word(p, i, e, &q) || word_in(p, q, 11, lit, sizeof lit / sizeof lit[0]))
        return true;
    const struct kj_datedata *dd = p->c->dd;
    size_t r = q, max = dd->efirst_max;
    while (r < p->len && r - q <= max && (unsigned char)(p->lc[r] - 'a') < 26)
        r++;
    int32_t v;
    if (r - q <= max && kj_dict_get(dd->efirst, p->lc + q, r - q, &v) && (v & KJ_EF_NUM))
        return true;
    const kj_dword *w;
    return kj_dt_word(p->c, true, q, &w) > 0;
}

/* Can a date start at a one-word ordinal (first .. nineteenth, twentieth,
 * thirtieth: ordword's whole word, at i, ending at e) that starts no
 * number? What the readers that read it at i read right after it:
 *   week_of       first .. fourth, white space, week
 *   wday_in       first .. fifth, white space, a weekday (an entry of en)
 *   date_quarter  first .. fourth, a dash or white space, quarter / qtr
 *   date_dm       white space, of (the fourth of July)
 *   date_nth      after "on ", where the phrase ends: no letter follows
 *   date_any      white space, century (the nineteenth century)
 *   dword at i    an entry of en that begins with the ordinal
 * The other readers fail at the word itself: they want a digit, "the", a
 * literal or an entry of their own there, or a number (num and the clock
 * words ask about one only where worth_trying_word found that a number
 * starts: p->k->wnum). So anything but a lower-case word after white
 * space is let through; a word is let through when it is one of those
 * above or begins an entry of en. Any other (the first time, the third
 * straight year) starts no date here. */
static bool ordinal_next(const ep *p, size_t i, size_t e)
{
    /* and / or: a listed ordinal (the second and third quarters) */
    static const elit lit[] = {{"of", 2},      {"qtr", 3},     {"week", 4}, {"quarter", 7},
                               {"quarters", 8}, {"century", 7}, {"and", 3},  {"or", 2}};
    size_t q;
    if (next_not_word(p, i, e, &q) || word_in(p, q, 8, lit, sizeof lit / sizeof lit[0]))
        return true;
    const kj_dword *w;
    return kj_dt_word(p->c, true, q, &w) > 0;
}

/* Can a date start at "another", "full" or "whole" (at i, ending at e)?
 * Only amount reads them at i (for another month, for a full day, the
 * whole week) besides an entry of en at i, and only before a space or a
 * dash and then day, week, hour, month, year or bizday (business / working
 * day). Anything else (another company, full year results) starts no date
 * here. */
static bool one_unit_next(const ep *p, size_t i, size_t e)
{
    static const elit lit[] = {{"day", 3},   {"week", 4},    {"hour", 4},    {"year", 4},
                               {"month", 5}, {"working", 7}, {"business", 8}};
    ecache *cache = p->k;
    if (cache->wpos != i)
        dword_fill(p, i);
    if (cache->wn > 0)
        return true;
    return e + 1 < p->len && (p->lc[e] == ' ' || p->lc[e] == '-')
        && word_in(p, e + 1, 9, lit, sizeof lit / sizeof lit[0]);
}

/* Can a date start at "several", "many" or "few" (at i, ending at e)?
 * Only amount reads them at i (a vague count: several days, many years)
 * besides an entry of en at i; after the word it wants, at k (after a dash
 * or white space), "and a half" / "and half", more / additional / extra
 * (many more years) or a unit: an entry of en (dword of the unit kind) or
 * bizday (business / working day). Nights and
 * a bare h follow only a count in digits or an exact one. Anything else
 * (several times, many of them) starts no date here. */
static bool vague_next(const ep *p, size_t i, size_t e)
{
    static const elit lit[] = {{"and", 3},     {"more", 4},     {"extra", 5},
                               {"working", 7}, {"business", 8}, {"additional", 10}};
    ecache *cache = p->k;
    if (cache->wpos != i)
        dword_fill(p, i);
    if (cache->wn > 0)
        return true;
    size_t k = ch(p, e) == '-' ? e + 1 : sp(p, e);
    if (k >= p->len || word_in(p, k, 11, lit, sizeof lit / sizeof lit[0]))
        return true;
    const kj_dword *w;
    return kj_dt_word(p->c, true, k, &w) > 0;
}

/* Can a date start at "this" (at i, ending at e)? What the readers that
 * read "this" at i read right after it and its white space (at j):
 *   date_rel     this week / weekend / week-end / decade / month / year /
 *                yr / quarter / qtr / spring / summer / fall / autumn /
 *                winter; this fiscal / calendar year; an entry of en at j
 *                (a part of the day: this morning; a named day: this
 *                Thanksgiving; a month name; a weekday name)
 *   wday_in      this week + a weekday
 *   date_any     this day (the anaphor)
 *   dword at i   an entry of en that begins with "this"
 * The other readers fail at "this" itself: they want a digit, a literal of
 * their own or an entry of their own there, and "this" starts no number.
 * Anything but a lower-case word after white space is let through; so are
 * the parts of the day by name (tod_word), which date_rel finds as
 * entries. Any other word (this is, this was, this deal) starts no date
 * here. */
static bool this_next(const ep *p, size_t i, size_t e)
{
    static const elit lit[] = {
        {"yr", 2},      {"day", 3},     {"qtr", 3},     {"week", 4},     {"year", 4},
        {"fall", 4},    {"month", 5},   {"night", 5},   {"decade", 6},   {"spring", 6},
        {"summer", 6},  {"autumn", 6},  {"winter", 6},  {"fiscal", 6},   {"weekend", 7},
        {"quarter", 7}, {"morning", 7}, {"evening", 7}, {"calendar", 8}, {"afternoon", 9}};
    if (e >= p->len || (p->lc[e] != ' ' && p->lc[e] != '\n' && p->lc[e] != '\t'))
        return true;
    ecache *k = p->k;
    if (k->wpos != i)
        dword_fill(p, i);
    if (k->wn > 0)
        return true;
    size_t j = sp(p, e);
    if (j >= p->len || (unsigned char)(p->lc[j] - 'a') >= 26)
        return true;
    if (word_in(p, j, 10, lit, sizeof lit / sizeof lit[0]))
        return true;
    const kj_dword *w;
    return kj_dt_word(p->c, true, j, &w) > 0;
}

/* Can a date start at a qualifier of en (over, about, under, within; the
 * entry at i, ending at e) that is no literal and no number word? Only
 * amount reads that entry at i (dword of the qualifier kind; every other
 * reader wants another kind of entry there), and only before what it reads
 * right after the entry and its white space (at j):
 *   a digit      num, decimal, the 1 of 1/2 (NFKC of the half sign)
 *   a word       half, a / an (a half, a full, a couple of, a few), whole,
 *                another, full, all, couple, one, several, few, many;
 *                after "some" a plural unit (for some days)
 *   a number     num and words_half at j read one through kj_num_scan,
 *                which reads nothing where kj_num_may_start says no
 * Anything else (over the years, about the deal, under pressure) starts no
 * date here. */
static bool qual_next(const ep *p, size_t e)
{
    static const elit lit[] = {
        {"a", 1},       {"an", 2},      {"one", 3},  {"all", 3},   {"few", 3},   {"half", 4},
        {"full", 4},    {"many", 4},    {"whole", 5}, {"couple", 6}, {"another", 7},
        {"several", 7}, {"days", 4},    {"weeks", 5}, {"years", 5},  {"hours", 5},
        {"months", 6},  {"minutes", 7}};
    size_t j = sp(p, e);
    if (j >= p->len || digit(p->lc[j]))
        return j < p->len;
    if ((unsigned char)(p->lc[j] - 'a') >= 26)
        return false;
    if (word_in(p, j, 8, lit, sizeof lit / sizeof lit[0]))
        return true;
    return kj_num_may_start(p->c->d, j);
}

/* Can a date start at "the" (at i) before the one-word ordinal at [q, r)
 * (first .. nineteenth, twentieth, thirtieth) and white space? What the
 * readers that start at "the" read after such an ordinal (of those that
 * dd->ethe lets through, only these read one):
 *   week_of      the first .. fourth week of
 *   wday_in      the first .. fifth Friday: an entry of en after the
 *                white space (dword of the weekday kind)
 *   date_dm      the fourth of July
 *   date_nth     the second, where the phrase ends (no letter follows)
 *   dword at i   an entry of en that begins with "the" and the ordinal
 *                (the first half of)
 * So after the white space a word must be "week", "of" or begin an entry,
 * or an entry must start at i; anything else (the first time, the third
 * straight year) starts no date here. Anything other than a one-word
 * ordinal and a letter after the white space is let through. */
static bool the_ordinal_next(const ep *p, size_t i, size_t q, size_t r)
{
    size_t oe;
    if (r >= p->len || (p->lc[r] != ' ' && p->lc[r] != '\n' && p->lc[r] != '\t')
        || ordword(p, q, &oe) == 0 || oe != r)
        return true;
    size_t a = sp(p, r), b = a;
    if (a >= p->len || (unsigned char)(p->lc[a] - 'a') >= 26)
        return true;
    while (b < p->len && b - a < 5 && (unsigned char)(p->lc[b] - 'a') < 26)
        b++;
    if ((b - a == 4 && memcmp(p->lc + a, "week", 4) == 0) || (b - a == 2 && memcmp(p->lc + a, "of", 2) == 0))
        return true;
    ecache *k = p->k;
    if (k->wpos != i)
        dword_fill(p, i);
    if (k->wn > 0)
        return true;
    const kj_dword *w;
    return kj_dt_word(p->c, true, a, &w) > 0;
}

/* Can clock_range_parse or dm_range read the number at j, after "from" or
 * "between" and white space? Both want one or two digits there:
 *   clock_range_parse  at most two digits, then ':' and the minutes, or
 *                (after white space) a meridiem, a dash, to, and, until,
 *                till: the byte after the digits is ':', white space, a
 *                letter or '-'
 *   dm_range     num's one or two digits (num reads no number followed
 *                by a digit, or by '.' or ',' and a digit), then an
 *                ordinal suffix or range_to: a dash, or white space and a
 *                dash or a word (to, and, through): the byte after the
 *                digits is a letter, '-' or white space
 * Anything else (from 980,000, between 6.2 and, from 1986) is read by
 * neither. */
static bool range_next(const ep *p, size_t j)
{
    size_t r = j;
    while (r < p->len && r - j < 3 && digit(p->lc[r]))
        r++;
    if (r == j || r - j > 2)
        return false;
    if (r >= p->len)
        return true;
    char c = p->lc[r];
    return c == ' ' || c == '\n' || c == '\t' || c == '-' || c == ':'
        || (unsigned char)(c - 'a') < 26;
}

/* The letter a byte of lc is: 0-25 for a-z, 26 for any other byte (the
 * column of no letter in dd->efirst3) */
/* clang-format off */
static const uint8_t az_code[256] = {
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26,  0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14,
    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
};
/* clang-format on */

/* Can a word of dd->efirst (a run of a-z) begin at i, with the letter a
 * (0-25)? Only if its first three letters (or its two, or its one) are
 * those of one: efirst3 has the bit of every such beginning. The letters
 * after a as az_code has them (26: no letter, or past the text); most
 * words have both within the text, read with one test of the bound. The
 * letter after a goes to *b1. */
static inline __attribute__((always_inline)) bool ef_begins(const ep *p, size_t i, unsigned a,
                                                            unsigned *b1)
{
    const unsigned char *u = (const unsigned char *)p->lc;
    unsigned b2;
    if (i + 2 < p->len) {
        *b1 = az_code[u[i + 1]];
        b2 = az_code[u[i + 2]];
    } else {
        *b1 = i + 1 < p->len ? az_code[u[i + 1]] : 26;
        b2 = 26;
    }
    return p->c->dd->efirst3[a * 27 + *b1] >> b2 & 1;
}

/* worth_trying at a word whose first letters ef_begins found those of a
 * word of efirst: a (0-25) at i, b1 after it. The run of a-z, read up to
 * one letter past the longest word: its length and last letter rule out
 * most words that pass the above; worth_trying_word does the rest. The
 * run's end (or a point inside it past i) goes to *run. */
static inline __attribute__((always_inline)) bool worth_trying_az(const ep *p, size_t i, unsigned a,
                                                                  unsigned b1, size_t *run)
{
    const struct kj_datedata *dd = p->c->dd;
    size_t max = dd->efirst_max;
    size_t wlim = p->len - i > max ? i + max + 1 : p->len;
    size_t e = kj_az_end(p->lc, i, wlim);
    *run = e;
    if (e - i > max || (b1 < 26 && !(dd->eflen[a * 26 + b1] >> (e - i < 31 ? e - i : 31) & 1))
        || (e - i > 2 && !(dd->eflast[a * 26 + b1] >> (p->lc[e - 1] - 'a') & 1)))
        return false;
    return worth_trying_word(p, i, e);
}

/* worth_trying at a byte that is no letter a-z */
static inline __attribute__((always_inline)) bool worth_trying_other(const ep *p, size_t i)
{
    unsigned char b = (unsigned char)p->lc[i];
    if (b >= '0' && b <= '9')
        return true;
    /* no letter, no digit: an entry of en at i (found through kj_dt_word
     * alone, as worth_trying_word), or a number kj_num_scan reads */
    if (!(p->c->dd->en_may[b >> 5] >> (b & 31) & 1))
        return false;
    ecache *k = p->k;
    if (k->wpos != i)
        dword_fill(p, i);
    return k->wn > 0 || kj_num_may_start(p->c->d, i);
}

/* Can try_at match at i, a word start? Every way it matches begins with a
 * digit, a word of dd->efirst, an entry of en (whose first byte, when it
 * is no letter, kj_dict_may_start knows) or a number: everything else is
 * skipped without a look-up of each literal. Inlined, as far as the tests
 * of a word's first letters, length and last letter, which rule out most
 * words. Where it reads the run of a-z at i, its end (or a point inside
 * it past i) goes to *run; *run is left as it is otherwise. The scanner
 * calls its parts itself (it reads the first letters for bounded too). */
static inline __attribute__((always_inline)) bool worth_trying(const ep *p, size_t i, size_t *run)
{
    unsigned a = az_code[(unsigned char)p->lc[i]], b1;
    if (a >= 26)
        return worth_trying_other(p, i);
    return ef_begins(p, i, a, &b1) && worth_trying_az(p, i, a, b1, run);
}

/* The rest of worth_trying at a word (a-z at i, to e) whose first
 * letters, length and last letter may be those of a word of efirst. */
static bool worth_trying_word(const ep *p, size_t i, size_t e)
{
    const struct kj_datedata *dd = p->c->dd;
    int32_t v = 0;
    if (e - i <= 3) {
        /* a short word (the, a, and): efshort holds what the look-up
         * below would find */
        uint8_t f = dd->efshort[kj_dt_ef_short_at(p->lc + i, e - i)];
        if (!f)
            return false;
        v = f & ~KJ_EF_SHORT_IN;
    } else if (!kj_dict_get(dd->efirst, p->lc + i, e - i, &v)) {
        return false;
    }
    /* a number word that starts no number as the whole word (and,
     * first): kj_num_may_start says no at i when the run [i, e) is the
     * whole word of d->norm too, as it is where the run ends before the
     * end of the text read (lc is d->norm lower-cased) */
    bool num_none = (v & KJ_EF_NUM_NONE) && (e < p->len || p->len == p->c->d->norm_len);
    /* num need not ask kj_dt_num about a word here that starts no number
     * (kj_dt_num reads a word through kj_num_scan, which asks
     * kj_num_may_start first) */
    p->k->wnpos = i;
    p->k->wnum = (v & KJ_EF_NUM) != 0 && !num_none;
    /* "the" and a word: a date starts here only if that word is one of
     * dd->ethe (most "the"s are before a noun) */
    if (e - i == 3 && !dd->ethe_any && p->lc[i] == 't' && p->lc[i + 1] == 'h' && p->lc[i + 2] == 'e'
        && e < p->len && (p->lc[e] == ' ' || p->lc[e] == '\n' || p->lc[e] == '\t')) {
        size_t q = sp(p, e), r = q, tmax = dd->ethe_max;
        /* a word whose first letters begin no word of ethe is none (the
         * company, the government): no run or look-up for it */
        unsigned a0 = q < p->len ? (unsigned)((unsigned char)p->lc[q] - 'a') : 26;
        if (a0 < 26) {
            unsigned a1 = q + 1 < p->len ? (unsigned)((unsigned char)p->lc[q + 1] - 'a') : 26;
            unsigned a2 = a1 < 26 && q + 2 < p->len
                              ? (unsigned)((unsigned char)p->lc[q + 2] - 'a')
                              : 26;
            bool may = a1 >= 26 ? (dd->ethe1 >> a0 & 1)
                                : (dd->ethe3[a0 * 26 + a1] >> (a2 < 26 ? a2 : 26) & 1);
            if (!may)
                return false;
        }
        size_t rlim = p->len - q > tmax ? q + tmax + 1 : p->len;
        r = kj_az_end(p->lc, q, rlim);
        int32_t tv;
        if (r > q && (r - q > tmax || !kj_dict_get(dd->ethe, p->lc + q, r - q, &tv)))
            return false;
        /* a word only entries have after "the" (the same day, the
         * previous year, the end of): no reader reads it there, so a date
         * starts only where an entry does (every reader finds one through
         * kj_dt_word at i, as dword_fill) */
        if (r > q && tv == KJ_ETHE_ENTRY) {
            ecache *k = p->k;
            if (k->wpos != i)
                dword_fill(p, i);
            if (k->wn == 0)
                return false;
        }
        if (r > q && !the_ordinal_next(p, i, q, r))
            return false;
        /* digits after "the": the readers that read them there (date_dm,
         * date_nth: num_digits of one or two digits; week_of, wday_in:
         * 1st .. 5th) read at most two, so after three or more (the 1986
         * season, the 747) only an entry at i starts a date */
        if (r == q && q + 2 < p->len && digit(p->lc[q]) && digit(p->lc[q + 1])
            && digit(p->lc[q + 2])) {
            ecache *k = p->k;
            if (k->wpos != i)
                dword_fill(p, i);
            if (k->wn == 0)
                return false;
        }
    }
    /* "all" is read at i only by amount, before day, week, month or year
     * (all day, an all-week strike); an entry may begin with it */
    if (e - i == 3 && memcmp(p->lc + i, "all", 3) == 0) {
        ecache *k = p->k;
        size_t x;
        if (k->wpos != i)
            dword_fill(p, i);
        if (k->wn == 0 && !(e + 1 < p->len && (p->lc[e] == ' ' || p->lc[e] == '-')
                            && (wd(p, e + 1, "day", &x) || wd(p, e + 1, "week", &x)
                                || wd(p, e + 1, "month", &x) || wd(p, e + 1, "year", &x))))
            return false;
    }
    /* "this" and a word: only before a word this_next knows. So for
     * "current": of the readers only date_rel reads it at i, as it reads
     * "this" (the same offset, the same words after it), and this_next
     * tests the entries at i too */
    if (((e - i == 4 && memcmp(p->lc + i, "this", 4) == 0)
         || (e - i == 7 && memcmp(p->lc + i, "current", 7) == 0))
        && !this_next(p, i, e))
        return false;
    /* "year" (a unit, which the readers read only after a count) is read
     * at i only by date_any as year-end, year end or year and a line
     * break and end; else only an entry at i of another kind than a unit
     * starts a date (the year ended, year-ago figures start none) */
    if (e - i == 4 && memcmp(p->lc + i, "year", 4) == 0 && !(v & KJ_EF_NUM)) {
        size_t x;
        if (e + 1 < p->len && (p->lc[e] == '-' || p->lc[e] == ' ' || p->lc[e] == '\n')
            && wd(p, e + 1, "end", &x))
            return true;
        ecache *k = p->k;
        if (k->wpos != i)
            dword_fill(p, i);
        return k->wn > 0 && k->ww->kind != KJ_W_UNIT;
    }
    /* "another", "full", "whole" (no number words): only before what
     * one_unit_next knows */
    if (!(v & KJ_EF_NUM)
        && ((e - i == 7 && memcmp(p->lc + i, "another", 7) == 0)
            || (e - i == 4 && memcmp(p->lc + i, "full", 4) == 0)
            || (e - i == 5 && memcmp(p->lc + i, "whole", 5) == 0))
        && !one_unit_next(p, i, e))
        return false;
    /* "several", "many", "few" (no number words): only before what
     * vague_next knows */
    if (!(v & KJ_EF_NUM)
        && ((e - i == 7 && memcmp(p->lc + i, "several", 7) == 0)
            || (e - i == 4 && memcmp(p->lc + i, "many", 4) == 0)
            || (e - i == 3 && memcmp(p->lc + i, "few", 3) == 0))
        && !vague_next(p, i, e))
        return false;
    /* "a" / "an" and a word: only before a word after_article knows. Or
     * right before a digit (a330, an124): there no reader reads the
     * article as a literal (wd refuses a literal that ends in a letter
     * before a digit), so only an entry at i or a number read at i start
     * a date, which after_article tests too */
    if (p->lc[i] == 'a' && (e - i == 1 || (e - i == 2 && p->lc[i + 1] == 'n')) && e < p->len
        && (p->lc[e] == ' ' || p->lc[e] == '\n' || p->lc[e] == '\t' || digit(p->lc[e]))
        && !after_article(p, i, e))
        return false;
    /* "from" and "between" (read as literals only: no number word, no
     * entry begins with them unless one is found at i): the readers that
     * read them at i, clock_range_parse and dm_range, want a digit after
     * them and their white space ("from 3 p.m.", "between 10 and 14
     * May"); most are before a noun, and most digits after them are an
     * amount (from 980,000, from 6.2 pct), which range_next rules out */
    if ((v & (KJ_EF_LIT | KJ_EF_NUM)) == KJ_EF_LIT
        && ((e - i == 4 && memcmp(p->lc + i, "from", 4) == 0)
            || (e - i == 7 && memcmp(p->lc + i, "between", 7) == 0))
        && !range_next(p, sp(p, e))) {
        ecache *k = p->k;
        if (k->wpos != i)
            dword_fill(p, i);
        return k->wn > 0;
    }
    /* a word that is only a number's first word (and, point, minus) starts
     * a date only as a number kj_num_scan reads, which it reads only where
     * kj_num_may_start says so (it tests that first) */
    if (!(v & KJ_EF_WORD))
        return !num_none && kj_num_may_start(p->c->d, i);
    /* a word that only begins entries of en (as, at, new: as many as, at
     * least, new year's day) and no literal or number starts a date only
     * where one of those entries does: the readers find an entry at i
     * through kj_dt_word alone (dword, wday_word, month). Not where that
     * entry is a unit of time (day, hours, decade): the readers read a
     * unit only after a number (amount, compound, date_time), never at the
     * date's first position. A qualifier only before what qual_next
     * knows. */
    if (!(v & (KJ_EF_LIT | KJ_EF_NUM))) {
        ecache *k = p->k;
        if (k->wpos != i)
            dword_fill(p, i);
        if (k->wn == 0 || k->ww->kind == KJ_W_UNIT)
            return false;
        return k->ww->kind != KJ_W_QUAL || qual_next(p, i + k->wn);
    }
    /* "one": only before what one_next knows */
    if (e - i == 3 && memcmp(p->lc + i, "one", 3) == 0 && !one_next(p, i, e))
        return false;
    /* a one-word ordinal (first, third) that starts no number: only
     * before what ordinal_next knows */
    size_t oe;
    if (e - i >= 5 && !p->k->wnum && ordword(p, i, &oe) > 0 && oe == e && !ordinal_next(p, i, e))
        return false;
    return true;
}

/* 's (with ' " or U+2019 as the apostrophe) ending a word at e: Monday's */
static bool possessive(const ep *p, size_t e)
{
    size_t a = ch(p, e) == '\'' || ch(p, e) == '"' ? 1
             : kj_at(p->lc, p->len, e, "\xe2\x80\x99") ? 3 : 0;
    return a && ch(p, e + a) == 's' && !alpha(ch(p, e + a + 1));
}

/* since 2015, after Feb, before Monday, by 2030, around 1990: a bound word
 * right before a date is the date's qualifier and part of its text (since
 * → at_least, after → over, before → under, by → at_most, around / about /
 * circa → approx). Tries the date after the word; returns the bytes read
 * from i (0 when no date follows). */
static inline __attribute__((always_inline)) size_t bounded(ep *p, size_t i)
{
    /* by first letter, each word tested with wd (its length folds) */
    size_t e = 0;
    int q = KJ_Q_NONE;
    switch (ch(p, i)) {
    case 's':
        q = wd(p, i, "since", &e) ? KJ_Q_AT_LEAST : KJ_Q_NONE;
        break;
    case 'a':
        q = wd(p, i, "after", &e)    ? KJ_Q_OVER
          : wd(p, i, "around", &e) ? KJ_Q_APPROX
          : wd(p, i, "about", &e)  ? KJ_Q_APPROX
                                   : KJ_Q_NONE;
        break;
    case 'b':
        q = wd(p, i, "before", &e) ? KJ_Q_UNDER : wd(p, i, "by", &e) ? KJ_Q_AT_MOST : KJ_Q_NONE;
        break;
    case 'c':
        q = wd(p, i, "circa", &e) ? KJ_Q_APPROX : KJ_Q_NONE;
        break;
    }
    /* the word and the date on one line, or the line wrapped between them
     * (by\nthe end of 1988; not a paragraph's indented start) */
    if (!q || !(ch(p, e) == ' ' || (ch(p, e) == '\n' && alnum_at(p, e + 1))))
        return 0;
    size_t k = sp(p, e);
    kiji_doc *d = p->c->d;
    size_t run;
    if (k >= p->len || kj_claim_at(d, k) || (!worth_trying(p, k, &run) && !p->every))
        return 0;
    size_t nf = d->nfacts;
    size_t n = try_at(p, k);
    if (n == 0)
        return 0;
    for (size_t x = nf; x < d->nfacts; x++) {
        kj_fact *f = kj_fact_at(d, (int)x);
        /* after Monday's vote: the bound is the vote's, not the day's */
        if (f->type == KIJI_FACT_DATE && f->ns == k && !f->qualifier && !possessive(p, f->ne)) {
            f->ns = i;
            f->qualifier = q;
            kj_claim(d, i, k, KIJI_FACT_DATE);
            break;
        }
    }
    return k + n - i;
}

/* Can bounded read a word that begins with the letters a and b1 (as
 * az_code has them; b1 26 where the word ends after a or the text does)?
 * Its words begin si, af, ar, ab, be, by or ci: by the first letter, the
 * bits of the second. */
static inline bool bound_may(unsigned a, unsigned b1)
{
    static const uint32_t second[26] = {
        ['a' - 'a'] = 1u << ('f' - 'a') | 1u << ('r' - 'a') | 1u << ('b' - 'a'),
        ['b' - 'a'] = 1u << ('e' - 'a') | 1u << ('y' - 'a'),
        ['c' - 'a'] = 1u << ('i' - 'a'),
        ['s' - 'a'] = 1u << ('i' - 'a'),
    };
    return a < 26 && (second[a] >> b1 & 1);
}

/* The scanner; with every (tests only: dd->en_try_every) try_at is tried
 * at every word start that is not claimed, whatever worth_trying says,
 * here and in bounded. Inlined twice, so the filtered loop tests no flag. */
static inline __attribute__((always_inline)) void scan_en(kj_dctx *c, bool every)
{
    ecache k = {.wpos = SIZE_MAX, .npos = SIZE_MAX, .dpos = SIZE_MAX, .wnpos = SIZE_MAX};
    ep p = {.c = c, .s = c->s, .lc = c->lc, .len = c->len, .k = &k, .caseless = true,
            .cued = SIZE_MAX, .mcue = SIZE_MAX, .rfree = SIZE_MAX,
            .dclk = SIZE_MAX, .half = -1, .every = every};
    for (size_t q = 0; q < c->len && p.caseless; q++)
        if (c->s[q] >= 'A' && c->s[q] <= 'Z')
            p.caseless = false;
    size_t i = 0;
    /* the word starts tried, added to d->work once at the end */
    uint64_t steps = 0;
    while (i < c->len) {
        steps++;
        size_t n = 0, run = 0;
        /* i is a word start: the text's first byte, or the byte after the
         * run the step below goes over, whose last byte (i - 1) is no
         * ASCII letter or digit of d->norm nor of lc */
        const unsigned char *u = (const unsigned char *)c->s;
        if (!kj_claim_at(c->d, i)) {
            /* worth_trying, in its parts: most word starts are a word
             * whose first letters begin no word of efirst (ef_begins) nor
             * one of bounded, in which nothing starts: over it and the
             * byte after it at once. With every, worth_trying runs all the
             * same: what it leaves for try_at (k->wnpos, k->wnum:
             * date_time reads a number word as a clock only where it
             * marked one) stays as it is */
            unsigned a = az_code[(unsigned char)p.lc[i]], b1 = 26;
            bool tried;
            if (a < 26) {
                bool ef = ef_begins(&p, i, a, &b1);
                if (!ef && !every && !bound_may(a, b1)) {
                    /* on from after b1 where it is a letter */
                    size_t j = i + 1 + (b1 < 26);
                    while (ent_asc(u[j]))
                        j++;
                    i = j + 1;
                    continue;
                }
                tried = (ef && worth_trying_az(&p, i, a, b1, &run)) || every;
            } else {
                tried = worth_trying_other(&p, i) || every;
                /* an ASCII byte, no letter or digit, where nothing
                 * starts (white space after a comma, a dash): over it at
                 * once */
                if (!tried && u[i] < 0x80) {
                    i++;
                    continue;
                }
            }
            if (tried)
                n = try_at(&p, i);
            /* try_at may have claimed i */
            if (n == 0 && bound_may(a, b1) && (!tried || !kj_claim_at(c->d, i)))
                n = bounded(&p, i);
        }
        /* with nothing read at i, the run of a-z worth_trying read from i
         * (letters of d->norm: lc is its ASCII-lowercased copy) is
         * stepped over at once */
        i += n ? n : run > i ? run - i : (size_t)kj_u8_len((unsigned char)c->s[i]);
        /* the rest of a word starts nothing: on from a letter or digit
         * (ent_asc: an ASCII byte of the class KJ_CC_WORD, which a byte
         * of a longer sequence never is) past the run and the byte after
         * it, through locals. No bound in the loop: i <= len <=
         * d->norm_len here, and the NUL after the text (d->norm[norm_len])
         * is no word byte, so the run ends by norm_len + 1 (one word past
         * the body at most, once: an i past len ends the scan) */
        if (ent_asc(u[i - 1])) {
            while (ent_asc(u[i]))
                i++;
            i++;
        }
    }
    c->d->work += steps;
}

/* The scanner with no filter, for tests: out of the way of the other. */
static __attribute__((noinline, cold)) void scan_en_every(kj_dctx *c)
{
    scan_en(c, true);
}

void kj_date_scan_en(kj_dctx *c)
{
    if (c->dd->en_try_every) {
        scan_en_every(c);
        return;
    }
    scan_en(c, false);
}
