/*
 * rec_quote_ja.c -- Japanese quotes 「…」 and statements from unnamed sources.
 *
 * A bracket pair is a quote only on the evidence a reader uses: a quotative
 * と and a reporting verb after 」 (「…」と述べた), a speech nominal (との声),
 * a speaker right after (「…」と、X氏は指摘 / 「…」とX氏。), a quote that is a
 * sentence of its own, or a long partial quote inside reported speech
 * (…とは「…」についても協議されていると明らかにした). Terms and scare quotes
 * (いわゆる「核の傘」, 米国の「傘」を, 「ターンキー」能力) have none of it.
 * Invariant: each scan covers at most KJ_Q_WINDOW bytes from its start.
 */
#include <string.h>

#include "rec_quote.h"

#define OPEN 0x300C  /* 「 */
#define CLOSE 0x300D /* 」 */

typedef struct jcand {
    size_t o, c;     /* positions of 「 and 」 */
    size_t after;    /* first byte after 」 */
    int next;        /* the candidate this one is chained to, or -1 */
    bool quote;      /* accepted */
    bool partial;    /* embedded in reported speech */
    bool nominal;    /* との声, という書き込み: words of unnamed commenters */
    bool passive;    /* と批判を受けた: the clause's subject is not the speaker */
    bool standalone; /* the quote is a sentence of its own */
    size_t vs, ve;   /* reporting verb, empty if none */
    size_t rs, re;   /* where a speaker may stand after the quote */
    int pspeaker;    /* fact named in a parenthesis after the quote, or -1 */
} jcand;

static bool at(const kiji_doc *d, size_t i, const char *lit)
{
    return kj_at(d->norm, d->norm_len, i, lit);
}

static bool is_noun_char(uint32_t c)
{
    return kj_is_kanji(c) || kj_is_katakana(c) || c == 0x30FC /* ー */ || c == 0x30FB /* ・ */ ||
           kj_is_latin(c) || kj_is_digit(c);
}

/* A full stop, or the end of the line: where a clause stops. */
static bool is_stop(uint32_t c)
{
    return c == 0x3002 /* 。 */ || c == '\n' || c == 0 || c == '!' || c == '?';
}

/* After a person/organization mention ending at me: skip a title or honorific
 * (首相, 上級研究員, 氏, さん) and an age in parentheses; the position reached. */
static size_t skip_name_suffix(kiji_doc *d, size_t me, size_t end)
{
    size_t i = me;
    /* a reading in parentheses may come first: 鄭夢準(チョン・モンジュン)議員 */
    if (i < end && d->norm[i] == '(') {
        for (size_t j = i + 1; j < end && j < i + 60; j++) {
            d->work++;
            if (d->norm[j] == ')') {
                i = j + 1;
                break;
            }
        }
    }
    size_t r = i;
    uint32_t lastc = 0;
    for (int k = 0; k < 12 && r < end; k++) {
        size_t n;
        uint32_t c = kj_q_cp(d, r, &n);
        if (!kj_is_kanji(c) && !kj_is_katakana(c) && c != 0x30FC)
            break;
        r = n;
        lastc = c;
        d->work++;
    }
    /* a title ends like one (首相, 事務総長, 上級研究員, 氏); 李大統領晩餐会
     * is an event, not 李 with a title */
    static const char title_end[] = "氏相長員官領事手士者督師授家表任席裁官補佐官将";
    if (r > i) {
        char buf[8];
        size_t bl = 0;
        size_t ps;
        kj_u8_prev(d->norm, r, &ps);
        bl = r - ps < sizeof buf - 1 ? r - ps : 0;
        memcpy(buf, d->norm + ps, bl);
        buf[bl] = 0;
        (void)lastc;
        if (bl && strstr(title_end, buf))
            i = r;
        else if (kj_is_katakana(lastc) || lastc == 0x30FC)
            i = r; /* a katakana title: マネジャー, アナリスト */
    }
    static const char *const hon[] = {"さん", "ちゃん", "くん", "さま", NULL};
    for (int k = 0; hon[k]; k++) {
        if (at(d, i, hon[k])) {
            i += strlen(hon[k]);
            break;
        }
    }
    if (i < end && d->norm[i] == '(') {
        for (size_t j = i + 1; j < end && j < i + 40; j++) {
            d->work++;
            if (d->norm[j] == ')') {
                i = j + 1;
                break;
            }
        }
    }
    return i;
}

/* Does [from, to) end with an unnamed source noun (財務省|当局者)? Then the
 * mention before it names the source's body, not the speaker. */
static bool ends_with_source(kiji_doc *d, const kj_qctx *x, size_t from, size_t to)
{
    for (size_t i = from; i < to;) {
        int32_t v;
        size_t n, l = kj_dict_longest(x->qd->ja_sources, d->norm, d->norm_len, i, &v);
        d->work++;
        if (l && i + l == to)
            return true;
        kj_q_cp(d, i, &n);
        i = n > i ? n : i + 1;
    }
    return false;
}

/* Is mention k the topic or subject of its clause (X氏は, X首相が)? */
static bool topic_marked(kiji_doc *d, const kj_qctx *x, int k, size_t end)
{
    /* a body that says something: 虚構新聞では「…」 (but not Twitter上では) */
    if (d->facts[x->m[k].fact].type == KIJI_FACT_ORGANIZATION && at(d, x->m[k].ne, "では"))
        return true;
    size_t i = skip_name_suffix(d, x->m[k].ne, end);
    if (ends_with_source(d, x, x->m[k].ne, i))
        return false;
    return at(d, i, "は") || at(d, i, "が") || at(d, i, "も") || at(d, i, "によると") ||
           at(d, i, "によれば") || at(d, i, "によりますと");
}

/* The last topic-marked mention in [lo, hi) outside any accepted quote. */
static int last_topic(kiji_doc *d, const kj_qctx *x, size_t lo, size_t hi, bool strict)
{
    if (hi > lo + KJ_Q_WINDOW)
        lo = hi - KJ_Q_WINDOW;
    int best = -1;
    for (int k = kj_q_mention_in(x, lo, hi); k >= 0 && (size_t)k < x->nm && x->m[k].ns < hi; k++) {
        d->work++;
        if (kj_q_in_quote(x, x->m[k].ns))
            continue;
        if (strict && at(d, x->m[k].ne, "では"))
            continue; /* a platform or paper of the sentence before */
        if (topic_marked(d, x, k, hi + 64 < d->norm_len ? hi + 64 : d->norm_len))
            best = k;
    }
    return best;
}

/* An unnamed source noun (関係者, 専門家) marked as topic in [lo, hi). */
static bool unnamed_topic(kiji_doc *d, const kj_qctx *x, size_t lo, size_t hi)
{
    if (hi > lo + KJ_Q_WINDOW)
        lo = hi - KJ_Q_WINDOW;
    for (size_t i = lo; i < hi;) {
        int32_t v;
        size_t n, l = kj_dict_longest(x->qd->ja_sources, d->norm, d->norm_len, i, &v);
        d->work++;
        if (l && (at(d, i + l, "は") || at(d, i + l, "が")))
            return true;
        kj_q_cp(d, i, &n);
        i = n > i ? n : i + 1;
    }
    return false;
}

/* Inside reads like speech by itself: long, or with a sentence inside. */
static bool speechlike(kiji_doc *d, size_t is, size_t ie, size_t minchars)
{
    size_t chars = 0;
    for (size_t i = is; i < ie;) {
        size_t n;
        uint32_t c = kj_q_cp(d, i, &n);
        if (c == 0x3001 || c == 0x3002 || c == '!' || c == '?')
            return true;
        chars++;
        i = n;
        d->work++;
    }
    return chars >= minchars;
}

/* Words of commenters named just after a verb or a particle (と書き込んで
 * いるユーザー, といった不安の声): within a few characters, before a comma. */
static bool commenters_after(kiji_doc *d, size_t from, size_t limit)
{
    static const char *const w[] = {"声", "意見", "書き込み", "コメント", "ツイート",
                                    "ユーザー", "人も", "人が", "人は", "反応", "話題", NULL};
    for (size_t i = from; i < limit && i < from + 24;) {
        size_t n;
        uint32_t c = kj_q_cp(d, i, &n);
        d->work++;
        if (c == 0x3001 || is_stop(c) || c == OPEN)
            break;
        for (int k = 0; w[k]; k++)
            if (at(d, i, w[k]))
                return true;
        i = n;
    }
    return false;
}

/* Find a reporting verb in [from, limit), stopping at a full stop or a new
 * quote; fills [*vs, *ve) and returns true. */
static bool find_verb(kiji_doc *d, const kj_qctx *x, size_t from, size_t limit, size_t *vs,
                      size_t *ve, size_t *stop, int32_t *value)
{
    size_t i = from;
    while (i < limit) {
        size_t n;
        uint32_t c = kj_q_cp(d, i, &n);
        d->work++;
        if (is_stop(c) || c == OPEN || c == CLOSE)
            break;
        int32_t v;
        size_t l = kj_dict_longest(x->qd->ja_verbs, d->norm, d->norm_len, i, &v);
        if (l) {
            *vs = i;
            *ve = i + l;
            *stop = i;
            *value = v;
            return true;
        }
        i = n;
    }
    *stop = i;
    return false;
}

/* Consume an inflection after a verb stem (付け加え|た, 指摘|する). */
static size_t inflection_end(kiji_doc *d, size_t e)
{
    static const char *const tails[] = {"している", "していた", "ている", "ていた", "する",
                                        "した", "た", "る", NULL};
    for (int k = 0; tails[k]; k++) {
        d->work++;
        if (at(d, e, tails[k]))
            return e + strlen(tails[k]);
    }
    return e;
}

static void decide(kiji_doc *d, const kj_qctx *x, jcand *cs, size_t nc, size_t i)
{
    jcand *c = &cs[i];
    size_t is = c->o + 3, ie = c->c, a = c->after;
    size_t send = kj_q_sent_end(d, c->o);
    size_t limit = a + KJ_Q_WINDOW < send ? a + KJ_Q_WINDOW : send;
    if (limit < a)
        limit = a;
    size_t n;

    /* 「A」「B」といった声, 「A」と「B」と述べた: A shares B's fate. */
    size_t b = a;
    uint32_t c0 = kj_q_cp(d, b, &n);
    if (at(d, b, "ことや"))
        b += strlen("ことや");
    else if (c0 == 0x3001 || c0 == 0x30FB || at(d, b, "や") || at(d, b, "と"))
        b = n;
    b = kj_q_skip_space(d, b, limit);
    if (i + 1 < nc && cs[i + 1].o == b) {
        const jcand *nx = &cs[i + 1];
        c->next = (int)i + 1;
        c->quote = nx->quote && (nx->nominal || nx->standalone || nx->vs < nx->ve ||
                                 speechlike(d, is, ie, 4));
        c->nominal = nx->nominal;
        c->passive = nx->passive;
        c->vs = nx->vs;
        c->ve = nx->ve;
        c->rs = nx->rs;
        c->re = nx->re;
        c->pspeaker = nx->pspeaker;
        c->partial = nx->partial;
        return;
    }

    int32_t v = 0;
    size_t l = kj_dict_longest(x->qd->ja_after, d->norm, d->norm_len, a, &v);
    if (l && v == 3)
        return;
    if (l && v == 4) {
        /* 「…」という。 closes a sentence: hearsay speech, not a name */
        uint32_t f = kj_q_cp(d, a + l, &n);
        c->quote = (at(d, a, "という") && (is_stop(f) || a + l >= send)) ||
                   speechlike(d, is, ie, 8);
        /* 「…」「…」など, といった不安の声: what people wrote */
        c->nominal = c->quote && ((at(d, a, "など") && !at(d, a, "などと")) ||
                                  commenters_after(d, a + l, limit));
        return;
    }
    if (l && (v == 2 || v == 5)) {
        c->quote = true;
        c->nominal = v == 2;
        return;
    }
    if (l && v == 1) {
        size_t p = a + l, stop;
        if (at(d, p, "、"))
            p += 3;
        c->rs = p;
        int32_t vv = 0;
        if (find_verb(d, x, p, limit, &c->vs, &c->ve, &stop, &vv)) {
            c->re = c->vs;
            /* 「…」と韓国メディアから声が挙がったと、産経新聞が報じた: a
             * second quotative と means the verb reports another clause */
            for (size_t r = p; r + 6 <= c->vs; r++) {
                d->work++;
                if (at(d, r, "と、")) {
                    c->re = c->rs;
                    c->vs = c->ve = 0;
                    c->quote = speechlike(d, is, ie, 4);
                    return;
                }
            }
            c->quote = true;
            c->passive = vv == 2;
            /* と指摘する声, と批判する書き込み: commenters again */
            if (commenters_after(d, c->ve, limit))
                c->nominal = true;
            return;
        }
        c->re = c->rs; /* no verb: a name after と speaks only in 「…」とX氏。 */
        /* 「…」と(経済産業省の)X局長。 -- the speaker closes a short clause */
        if (stop < p + 90) {
            for (int k = kj_q_mention_in(x, p, stop); k >= 0 && (size_t)k < x->nm &&
                                                      x->m[k].ns < stop;
                 k++) {
                d->work++;
                if (skip_name_suffix(d, x->m[k].ne, stop) >= stop) {
                    c->quote = true;
                    c->re = stop;
                    return;
                }
            }
        }
        c->quote = speechlike(d, is, ie, 8);
        /* 「…」とネット上で話題: what people say */
        c->nominal = c->quote && commenters_after(d, p, limit);
        return;
    }

    /* 「…」(高英起・編集長): the speaker in a parenthesis */
    if (d->norm[a] == '(') {
        int k = kj_q_mention_in(x, a + 1, a + 2);
        /* 「笑っていいとも!」(フジテレビ系列): a title and its broadcaster */
        if (k >= 0 && d->facts[x->m[k].fact].type == KIJI_FACT_ORGANIZATION)
            return;
        if (k >= 0) {
            c->quote = true;
            c->pspeaker = x->m[k].fact;
            return;
        }
        /* (name:affiliation) credits the words even when the name is not
         * a known person */
        for (size_t p = a + 1; p < limit && p < a + 60 && d->norm[p] != ')'; p++) {
            d->work++;
            if (d->norm[p] == ':') {
                c->quote = speechlike(d, is, ie, 4);
                return;
            }
        }
    }

    /* a sentence made of the quote alone */
    uint32_t f = kj_q_cp(d, a, &n);
    size_t sst = kj_q_sent_start(d, c->o);
    if ((is_stop(f) || a >= send) && kj_q_skip_space(d, sst, c->o) == c->o) {
        c->quote = c->c > is;
        c->standalone = true;
        return;
    }

    /* a partial quote inside reported speech: long enough to be someone's
     * words, and the sentence reports speech with と + a verb */
    /* a partial quote is followed by a particle (「…」についても); a name
     * runs into a noun (「…切手セット」3種) */
    if (!kj_is_hiragana(f) || kj_before(d->norm, c->o, "いわゆる") ||
        kj_before(d->norm, c->o, "所謂") || kj_before(d->norm, c->o, "通称") ||
        !speechlike(d, is, ie, 10))
        return;
    for (size_t p = a; p < limit;) {
        uint32_t ch = kj_q_cp(d, p, &n);
        d->work++;
        if (ch == 0x3002 || ch == '\n' || ch == OPEN)
            break;
        if (ch == 0x3068 /* と */) {
            size_t q = n;
            if (at(d, q, "、"))
                q += 3;
            int32_t vv;
            size_t vl = kj_dict_longest(x->qd->ja_verbs, d->norm, d->norm_len, q, &vv);
            if (vl) {
                c->quote = true;
                c->partial = true;
                c->passive = vv == 2;
                c->vs = q;
                c->ve = q + vl;
                return;
            }
        }
        p = n;
    }
}

/* ネットユーザーからは「…」 after the topic: the words are others'. */
static bool others_between(kiji_doc *d, size_t from, size_t to)
{
    static const char *const m[] = {"からは", "からも", "では、", "では「", "上では", NULL};
    if (to > from + KJ_Q_WINDOW)
        from = to - KJ_Q_WINDOW;
    for (size_t i = from; i < to; i++) {
        d->work++;
        for (int k = 0; m[k]; k++)
            if (at(d, i, m[k]))
                return true;
    }
    return false;
}

/* Is sentence s's paragraph the same as that of position i? */
static bool same_para(const kiji_doc *d, int s, size_t i)
{
    int t = kj_sentence_of(d, i);
    return s >= 0 && t >= 0 && d->sent[s].para == d->sent[t].para;
}

void kj_quote_ja(kiji_doc *d, kj_qctx *x, size_t from, size_t to)
{
    /* 1. top-level 「」 pairs; a line break closes anything left open */
    size_t cap = 16, nc = 0;
    jcand *cs = kj_alloc(d, cap * sizeof *cs);
    int depth = 0;
    size_t open = 0;
    for (size_t i = from; i < to;) {
        size_t n;
        uint32_t c = kj_q_cp(d, i, &n);
        d->work++;
        if (c == '\n') {
            depth = 0;
        } else if (c == OPEN) {
            if (depth == 0)
                open = i;
            if (depth < 64)
                depth++;
        } else if (c == CLOSE && depth > 0) {
            if (--depth == 0) {
                if (nc == cap) {
                    cs = kj_grow(d, cs, nc, cap * 2, sizeof *cs);
                    cap *= 2;
                }
                cs[nc++] = (jcand){.o = open, .c = i, .after = n, .next = -1, .pspeaker = -1};
            }
        }
        i = n;
    }

    /* 2. decide right to left, so a chain 「A」「B」と inherits from B */
    for (size_t i = nc; i > 0; i--)
        decide(d, x, cs, nc, i - 1);

    /* 3. speakers left to right: a continuing quote keeps the last speaker */
    int last = -1, last_sent = -1, last_para = -1;
    for (size_t i = 0; i < nc; i++) {
        jcand *c = &cs[i];
        if (!c->quote)
            continue;
        int sent = kj_sentence_of(d, c->o);
        int para = kj_q_para(d, c->o);
        size_t sst = kj_q_sent_start(d, c->o);
        int speaker = -1;
        const char *note = NULL;
        bool subject = false; /* the sentence names who speaks */

        if (c->pspeaker >= 0) {
            speaker = c->pspeaker;
            subject = true;
        }
        if (speaker < 0 && c->re > c->rs) {
            int k = kj_q_mention_in(x, c->rs, c->re);
            for (; k >= 0 && (size_t)k < x->nm && x->m[k].ns < c->re; k++) {
                d->work++;
                size_t e = skip_name_suffix(d, x->m[k].ne, c->re + 3);
                if (topic_marked(d, x, k, c->re + 3) || e >= c->re) {
                    speaker = x->m[k].fact;
                    subject = true;
                    break;
                }
            }
            if (speaker < 0 && unnamed_topic(d, x, c->rs, c->re)) {
                note = "the speaker is an unnamed source";
                subject = true;
            }
        }
        if (speaker < 0 && !subject && c->passive) {
            note = "the subject of a passive reporting verb (批判を受けた) is not the speaker";
            subject = true;
        }
        if (speaker < 0 && !subject && c->nominal) {
            note = "words of unnamed commenters (との声, といった書き込み)";
            subject = true;
        }
        if (speaker < 0 && !subject && c->ve > c->vs) {
            /* 「…」と呟いた有吉。 -- the speaker right after the verb */
            size_t te = inflection_end(d, c->ve);
            int k = kj_q_mention_in(x, te, te + 1);
            if (k >= 0) {
                speaker = x->m[k].fact;
                subject = true;
            }
        }
        if (speaker < 0 && !subject) {
            int k = last_topic(d, x, sst, c->o, false);
            if (k >= 0 && others_between(d, x->m[k].ne, c->o)) {
                note = "spoken by unnamed people (からは, では)";
                subject = true;
            } else if (k >= 0) {
                speaker = x->m[k].fact;
                subject = true;
            } else if (unnamed_topic(d, x, sst, c->o)) {
                note = "the speaker is an unnamed source";
                subject = true;
            }
        }
        if (speaker < 0 && !subject && others_between(d, sst, c->o)) {
            note = "spoken by unnamed people (からは, では)";
            subject = true;
        }
        if (speaker < 0 && !subject) {
            /* 「…」と続けた: the sentence names nobody, so the speaker is the
             * one of the quote before it in this sentence, the topic of the
             * sentence before, or the last speaker of this paragraph or the
             * one before */
            if (last >= 0 && last_sent == sent) {
                speaker = last;
            } else if (sent > 0 && same_para(d, sent - 1, c->o)) {
                int k = last_topic(d, x, d->sent[sent - 1].ns, d->sent[sent - 1].ne, true);
                if (k >= 0)
                    speaker = x->m[k].fact;
            }
            /* a quote paragraph right after the speaker's own paragraph
             * (X氏は「…」と述べた。⏎「…」) still continues X */
            if (speaker < 0 && last >= 0 && para >= 0 && last_para >= 0 &&
                para - last_para <= 1)
                speaker = last;
            if (speaker < 0)
                note = "no speaker is named in the sentence or the one before it";
        }
        kj_q_emit(d, x, c->o + 3, c->c, speaker, note, c->vs, c->ve, c->partial);
        if (speaker >= 0) {
            last = speaker;
            last_sent = sent;
            last_para = para;
        }
    }
}

/* ---- statements -------------------------------------------------------- */

/* Start of the source phrase before a modifier (事情に詳しい, 欧州の核協議を
 * 知る) ending at s: noun runs joined by の, or a demonstrative (この件). */
static size_t modifier_start(kiji_doc *d, const kj_qctx *x, size_t s)
{
    size_t t = s, best = s;
    for (int k = 0; k < 10 && t > 0; k++) {
        size_t ps;
        kj_u8_prev(d->norm, t, &ps);
        t = ps;
        d->work++;
        int32_t v;
        if (kj_dict_get(x->qd->ja_mods, d->norm + t, s - t, &v)) {
            best = t;
            break;
        }
    }
    if (best == s)
        return s;
    size_t p = best;
    for (int k = 0; k < 24 && p > 0; k++) {
        size_t ps;
        uint32_t c = kj_u8_prev(d->norm, p, &ps);
        d->work++;
        if (is_noun_char(c)) {
            p = ps;
            continue;
        }
        if (c == 0x306E /* の */ && ps > 0) {
            size_t pp;
            uint32_t b = kj_u8_prev(d->norm, ps, &pp);
            if (is_noun_char(b)) {
                p = ps;
                continue;
            }
            if (kj_before(d->norm, p, "この") || kj_before(d->norm, p, "その") ||
                kj_before(d->norm, p, "あの"))
                p = pp;
        }
        break;
    }
    return p;
}

void kj_statement_ja(kiji_doc *d, kj_qctx *x, size_t from, size_t to)
{
    const struct kj_quotedata *q = x->qd;
    for (size_t i = from; i < to;) {
        size_t n;
        kj_q_cp(d, i, &n);
        d->work++;
        int32_t v;
        size_t l = kj_dict_longest(q->ja_sources, d->norm, d->norm_len, i, &v);
        if (!l || kj_q_in_quote(x, i)) {
            i = n;
            continue;
        }
        size_t e = i + l, nn;
        uint32_t after = kj_q_cp(d, e, &nn);
        if (is_noun_char(after)) { /* 関係者会議 */
            i = e;
            continue;
        }
        /* a noun run before belongs to the source (業界関係者, 政府高官);
         * a named body there makes it a named source (米国防総省当局者) */
        size_t s = i;
        for (int k = 0; k < 8 && s > 0; k++) {
            size_t ps;
            uint32_t c = kj_u8_prev(d->norm, s, &ps);
            if (!kj_is_kanji(c) && !kj_is_katakana(c) && c != 0x30FC)
                break;
            s = ps;
            d->work++;
        }
        bool is_named = false;
        int named = kj_q_mention_in(x, s > KJ_Q_NAME_MAX ? s - KJ_Q_NAME_MAX : 0, i);
        for (; named >= 0 && (size_t)named < x->nm && x->m[named].ns < i; named++) {
            d->work++;
            if (x->m[named].ne > s) /* overlaps the noun run */
                is_named = true;
        }
        if (!is_named && s >= 3 && kj_before(d->norm, s, "の")) {
            size_t ps;
            kj_u8_prev(d->norm, s, &ps);
            size_t pe = ps;
            if (pe > 0 && d->norm[pe - 1] == ')') { /* フランス国際関係研究所(IFRI)の */
                for (size_t j = pe - 1; j > 0 && pe - j < 24; j--) {
                    d->work++;
                    if (d->norm[j] == '(') {
                        pe = j;
                        break;
                    }
                }
            }
            int k = kj_q_mention_at(x, pe > 0 ? pe - 1 : 0);
            if (k >= 0 && x->m[k].ne == pe)
                is_named = true;
        }
        if (is_named) {
            i = e;
            continue;
        }
        size_t ms = modifier_start(d, x, s);
        int32_t cv = 0;
        size_t cl = kj_dict_longest(q->ja_cues, d->norm, d->norm_len, e, &cv);
        if (cl && cv == 1) {
            kj_q_statement(d, ms, e, ms, e);
            i = e;
            continue;
        }
        if (!cl) {
            i = e;
            continue;
        }
        size_t p = e + cl;
        if (at(d, p, "、"))
            p += 3;
        int32_t vv;
        size_t vl = kj_dict_longest(q->ja_verbs, d->norm, d->norm_len, p, &vv);
        size_t ve = 0;
        if (vl) {
            ve = p + vl;
        } else {
            /* 関係者は、協議は続いていると述べた: a quotative と then a verb */
            size_t send = kj_q_sent_end(d, i), lim = p + KJ_Q_WINDOW < send ? p + KJ_Q_WINDOW : send;
            size_t last_to = 0;
            for (size_t r = p; r < lim;) {
                size_t rn;
                uint32_t c = kj_q_cp(d, r, &rn);
                d->work++;
                if (c == 0x3002 || c == '\n')
                    break;
                if (c == 0x3068 /* と */) {
                    last_to = rn;
                } else if ((vl = kj_dict_longest(q->ja_verbs, d->norm, d->norm_len, r, &vv))) {
                    /* after a quotative と, or closing the sentence
                     * (高官は…意欲を示した。) */
                    size_t te = inflection_end(d, r + vl), tn;
                    uint32_t tc = kj_q_cp(d, te, &tn);
                    if ((last_to && r <= last_to + 6) || tc == 0x3002 || te >= send) {
                        ve = r + vl;
                        break;
                    }
                }
                r = rn;
            }
            if (!ve) {
                i = e;
                continue;
            }
            ve = 0; /* the span stays on the source phrase when the verb is far */
        }
        /* 匿名を条件に関係者は語った: the condition belongs to the statement */
        size_t ss = ms, k = ms;
        if (kj_before(d->norm, k, "、"))
            k -= 3;
        if (kj_before(d->norm, k, "匿名を条件に"))
            ss = k - strlen("匿名を条件に");
        /* the verb joins a bare source (関係者は付け加えた, 専門家は指摘する);
         * a described one stands alone (事情に詳しい関係者) */
        if (ve && ms == s)
            kj_q_statement(d, ss, inflection_end(d, ve), ms, e);
        else
            kj_q_statement(d, ss, e, ms, e);
        i = e;
    }
}
