/*
 * util.c -- the doc arena, UTF-8 helpers and the kj_dict byte trie.
 *
 * The arena hands out zeroed memory from a list of chunks that survive
 * between parses (a warm doc mallocs nothing); crossing the cap jumps back
 * to kiji_parse. The trie is built once per parser and only read after.
 */
#include <stdlib.h>
#include <string.h>

#include "kj.h"

#define CHUNK_MIN ((size_t)64 * 1024)

static void oom(kiji_doc *d)
{
    longjmp(*d->oom, KIJI_ERR_MEMORY);
}

void *kj_alloc(kiji_doc *d, size_t n)
{
    void *p = kj_alloc_raw(d, n);
    memset(p, 0, n);
    return p;
}

void *kj_alloc_raw(kiji_doc *d, size_t n)
{
    kj_arena *a = &d->arena;
    n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    if (n == 0)
        n = sizeof(max_align_t);
    kj_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        /* Reuse a spare chunk from an earlier parse if one is big enough. */
        kj_chunk **pp = &a->spare, *nc = NULL;
        for (; *pp; pp = &(*pp)->next) {
            if ((*pp)->size >= n) {
                nc = *pp;
                *pp = nc->next;
                break;
            }
        }
        if (!nc) {
            size_t sz = n > CHUNK_MIN ? n : CHUNK_MIN;
            if (c && c->size * 2 > sz)
                sz = c->size * 2;
            if (a->total + sz > a->cap) {
                if (a->total + n > a->cap)
                    oom(d);
                sz = n;
            }
            nc = malloc(sizeof(kj_chunk) + sz);
            if (!nc)
                longjmp(*d->oom, KIJI_ERR_NOMEM);
            nc->size = sz;
            a->total += sz;
        }
        nc->used = 0;
        nc->next = a->head;
        a->head = nc;
        c = nc;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

void kj_arena_reset(kj_arena *a)
{
    while (a->head) {
        kj_chunk *c = a->head;
        a->head = c->next;
        c->next = a->spare;
        a->spare = c;
    }
}

void kj_arena_free(kj_arena *a)
{
    kj_arena_reset(a);
    while (a->spare) {
        kj_chunk *c = a->spare;
        a->spare = c->next;
        free(c);
    }
    a->total = 0;
}

char *kj_strndup(kiji_doc *d, const char *s, size_t n)
{
    char *r = kj_alloc(d, n + 1);
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

void *kj_grow(kiji_doc *d, void *old, size_t n, size_t newcap, size_t elem)
{
    char *r = kj_alloc_raw(d, newcap * elem);
    if (old && n)
        memcpy(r, old, n * elem);
    else
        n = 0;
    if (newcap > n)
        memset(r + n * elem, 0, (newcap - n) * elem);
    return r;
}

/* ---- strict UTF-8 -------------------------------------------------------- */

size_t kj_u8_seq(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    size_t n;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (avail < n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[k] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* ---- kj_dict: a byte trie with sorted edge arrays ----------------------- */

typedef struct tnode {
    uint32_t first; /* index of the first edge in edges[] */
    uint16_t nedges;
    uint16_t capedges;
    int32_t value;
    bool term;
    /* When every edge byte lies in [base, base + 63] (always true below a
     * UTF-8 lead byte: the children are continuation bytes), bit k of mask
     * says that base + k has an edge, and the edge's index is the number of
     * lower bits set: one step instead of a binary search. 0 = no window. */
    unsigned char base;
    uint64_t mask;
} tnode;

typedef struct tedge {
    unsigned char byte;
    uint32_t child;
} tedge;

struct kj_dict {
    tnode *nodes;
    size_t nnodes, capnodes;
    tedge *edges;
    size_t nedges, capedges;
    /* Lookup filters, kept up to date by kj_dict_add: most lookups start at
     * a character no key starts with and end here without a trie step. */
    uint32_t root[256];    /* child of the root for a first byte, 0 = none */
    uint64_t first[1024];  /* bit c: a key starts with BMP code point c */
    bool nofilter;         /* a key does not start with a whole BMP char */
    size_t maxlen;         /* the longest key's length */
};

static bool push_node(kj_dict *t)
{
    if (t->nnodes == t->capnodes) {
        size_t cap = t->capnodes ? t->capnodes * 2 : 256;
        tnode *n = realloc(t->nodes, cap * sizeof *n);
        if (!n)
            return false;
        t->nodes = n;
        t->capnodes = cap;
    }
    memset(&t->nodes[t->nnodes++], 0, sizeof(tnode));
    return true;
}

kj_dict *kj_dict_new(void)
{
    kj_dict *t = calloc(1, sizeof *t);
    if (!t || !push_node(t)) {
        free(t);
        return NULL;
    }
    return t;
}

void kj_dict_free(kj_dict *t)
{
    if (!t)
        return;
    free(t->nodes);
    free(t->edges);
    free(t);
}

/* Bits set in x (SWAR: no popcnt instruction is assumed). */
static inline unsigned bits(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (unsigned)((x * 0x0101010101010101ull) >> 56);
}

static inline long find_edge(const kj_dict *t, const tnode *n, unsigned char b)
{
    if (n->mask) {
        unsigned k = (unsigned)b - n->base;
        if (k >= 64 || !((n->mask >> k) & 1))
            return -1;
        return (long)t->edges[n->first + bits(n->mask & ((1ull << k) - 1))].child;
    }
    if (n->nedges == 0)
        return -1; /* t->edges may still be NULL: no pointer arithmetic on it */
    size_t lo = 0, hi = n->nedges;
    const tedge *e = t->edges + n->first;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e[mid].byte == b)
            return (long)e[mid].child;
        if (e[mid].byte < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Insert an edge keeping the node's edges sorted. A node whose edge block is
 * full moves its block to the end of edges[] with double the room. */
static bool add_edge(kj_dict *t, uint32_t node, unsigned char b, uint32_t child)
{
    tnode *n = &t->nodes[node];
    if (n->nedges == n->capedges) {
        uint16_t cap = n->capedges ? (uint16_t)(n->capedges * 2) : 2;
        if (cap > 256)
            cap = 256;
        if (t->nedges + cap > t->capedges) {
            size_t nc = t->capedges ? t->capedges * 2 : 1024;
            while (nc < t->nedges + cap)
                nc *= 2;
            tedge *e = realloc(t->edges, nc * sizeof *e);
            if (!e)
                return false;
            t->edges = e;
            t->capedges = nc;
        }
        memcpy(t->edges + t->nedges, t->edges + n->first, n->nedges * sizeof(tedge));
        n->first = (uint32_t)t->nedges;
        n->capedges = cap;
        t->nedges += cap;
    }
    tedge *e = t->edges + n->first;
    uint16_t k = n->nedges;
    while (k > 0 && e[k - 1].byte > b) {
        e[k] = e[k - 1];
        k--;
    }
    e[k].byte = b;
    e[k].child = child;
    n->nedges++;
    /* the edges are sorted: the window holds them all when the last is
     * within 63 of the first */
    n->base = e[0].byte;
    n->mask = 0;
    if (e[n->nedges - 1].byte - e[0].byte < 64)
        for (uint16_t j = 0; j < n->nedges; j++)
            n->mask |= 1ull << (e[j].byte - e[0].byte);
    return true;
}

bool kj_dict_add(kj_dict *t, const char *key, size_t len, int32_t value)
{
    uint32_t cur = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)key[i];
        long c = find_edge(t, &t->nodes[cur], b);
        if (c < 0) {
            if (!push_node(t))
                return false;
            uint32_t child = (uint32_t)(t->nnodes - 1);
            if (!add_edge(t, cur, b, child))
                return false;
            c = child;
        }
        cur = (uint32_t)c;
    }
    t->nodes[cur].term = true;
    t->nodes[cur].value = value;
    if (len > t->maxlen)
        t->maxlen = len;
    if (len > 0) {
        unsigned char b = (unsigned char)key[0];
        long c = find_edge(t, &t->nodes[0], b);
        t->root[b] = (uint32_t)c;
        size_t n = (size_t)kj_u8_len(b);
        if (b >= 0x80 && (b < 0xC0 || n > 3 || n > len)) {
            t->nofilter = true;
        } else if (b >= 0x80) {
            size_t i = 0;
            uint32_t cp = kj_u8_next(key, len, &i);
            t->first[cp >> 6] |= 1ull << (cp & 63);
        }
    }
    return true;
}

bool kj_dict_add_list(kj_dict *t, const kj_wordlist *wl, int32_t def)
{
    if (!wl)
        return false;
    for (size_t i = 0; i < wl->n; i++) {
        const char *line = wl->lines[i];
        const char *tab = strchr(line, '\t');
        int32_t v = def;
        size_t n = tab ? (size_t)(tab - line) : strlen(line);
        if (tab)
            v = (int32_t)strtol(tab + 1, NULL, 10);
        while (n > 0 && (line[n - 1] == ' '))
            n--;
        if (n && !kj_dict_add(t, line, n, v))
            return false;
    }
    return true;
}

/* The walk of kj_dict_longest from cur, the node of s[pos]. Out of line:
 * most lookups end in the filters of kj_dict_longest, which then need no
 * stack frame. */
static __attribute__((noinline)) size_t walk_longest(const kj_dict *t, const char *s, size_t len,
                                                     size_t pos, uint32_t cur, int32_t *value)
{
    const tnode *nodes = t->nodes;
    size_t best = 0;
    uint32_t at = 0;
    if (nodes[cur].term) {
        best = 1;
        at = cur;
    }
    for (size_t i = pos + 1; i < len; i++) {
        long c = find_edge(t, &nodes[cur], (unsigned char)s[i]);
        if (c < 0)
            break;
        cur = (uint32_t)c;
        if (nodes[cur].term) {
            best = i + 1 - pos;
            at = cur;
        }
    }
    if (best && value)
        *value = nodes[at].value;
    return best;
}

size_t kj_dict_longest(const kj_dict *t, const char *s, size_t len, size_t pos, int32_t *value)
{
    if (pos >= len)
        return 0;
    unsigned char b = (unsigned char)s[pos];
    uint32_t cur = t->root[b];
    if (!cur)
        return 0;
    if (b >= 0x80 && !t->nofilter) {
        /* every key starts with a whole BMP character: test it first */
        const unsigned char *u = (const unsigned char *)s + pos;
        uint32_t cp;
        if (b < 0xC0 || b >= 0xF0)
            return 0;
        if (b < 0xE0) {
            if (len - pos < 2)
                return 0;
            cp = ((uint32_t)(b & 0x1F) << 6) | (u[1] & 0x3F);
        } else {
            if (len - pos < 3)
                return 0;
            cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        }
        if (!(t->first[cp >> 6] & (1ull << (cp & 63))))
            return 0;
    }
    return walk_longest(t, s, len, pos, cur, value);
}

bool kj_dict_may_start(const kj_dict *t, unsigned char b)
{
    return t->root[b] != 0;
}

size_t kj_dict_maxlen(const kj_dict *t)
{
    return t->maxlen;
}

bool kj_dict_get(const kj_dict *t, const char *key, size_t len, int32_t *value)
{
    uint32_t cur = 0;
    if (len > 0) {
        unsigned char b = (unsigned char)key[0];
        cur = t->root[b];
        if (!cur)
            return false;
        if (b >= 0x80 && !t->nofilter) {
            /* kj_dict_longest's filter: a key equal to this one would start
             * with a whole BMP character whose bit is set */
            const unsigned char *u = (const unsigned char *)key;
            uint32_t cp;
            if (b < 0xC0 || b >= 0xF0)
                return false;
            if (b < 0xE0) {
                if (len < 2)
                    return false;
                cp = ((uint32_t)(b & 0x1F) << 6) | (u[1] & 0x3F);
            } else {
                if (len < 3)
                    return false;
                cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
            }
            if (!(t->first[cp >> 6] & (1ull << (cp & 63))))
                return false;
        }
    }
    for (size_t i = 1; i < len; i++) {
        long c = find_edge(t, &t->nodes[cur], (unsigned char)key[i]);
        if (c < 0)
            return false;
        cur = (uint32_t)c;
    }
    if (!t->nodes[cur].term)
        return false;
    if (value)
        *value = t->nodes[cur].value;
    return true;
}
