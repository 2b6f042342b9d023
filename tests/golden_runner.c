/*
 * golden_runner.c -- whole-article golden tests. For golden/NAME.txt (first
 * line may be "@published YYYY-MM-DD"), parses the article and compares the
 * pretty result JSON with golden/NAME.json; a difference prints a unified
 * diff and fails. KIJI_UPDATE_GOLDEN=1 rewrites the .json instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golden_file.h"
#include "kiji.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: golden_runner ARTICLE.txt\n");
        return 2;
    }
    size_t len;
    char *text = slurp(argv[1], &len);
    if (!text) {
        perror(argv[1]);
        return 2;
    }
    char published[32];
    char *body = golden_body(text, len, published, sizeof published);
    kiji_error err;
    kiji_parser *p = kiji_parser_new(NULL, &err);
    kiji_doc *d = kiji_doc_new(p);
    kiji_meta meta = {NULL, published[0] ? published : NULL, NULL};
    if (kiji_parse(d, body, len - (size_t)(body - text), &meta, &err) != KIJI_OK) {
        fprintf(stderr, "parse failed: %s\n", err.text);
        return 1;
    }
    const char *out;
    size_t olen;
    kiji_doc_json(d, KIJI_JSON_PRETTY, &out, &olen);
    char want_path[4096];
    snprintf(want_path, sizeof want_path, "%.*s.json", (int)(strlen(argv[1]) - 4), argv[1]);
    int rc = 0;
    const char *upd = getenv("KIJI_UPDATE_GOLDEN");
    if (upd && *upd == '1') {
        FILE *f = fopen(want_path, "wb");
        if (!f || fwrite(out, 1, olen, f) != olen || fputc('\n', f) == EOF) {
            perror(want_path);
            rc = 2;
        }
        if (f)
            fclose(f);
        printf("updated %s\n1 passed, 0 failed\n", want_path);
    } else {
        size_t wlen;
        char *want = slurp(want_path, &wlen);
        if (want && wlen == olen + 1 && memcmp(want, out, olen) == 0) {
            printf("1 passed, 0 failed\n");
        } else {
            char tmp[] = "/tmp/kiji-golden-XXXXXX";
            int fd = mkstemp(tmp);
            FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
            if (f) {
                fwrite(out, 1, olen, f);
                fputc('\n', f);
                fclose(f);
                char cmd[8400];
                snprintf(cmd, sizeof cmd, "diff -u '%s' '%s' | head -120", want_path, tmp);
                if (system(cmd) < 0)
                    perror("diff");
                remove(tmp);
            }
            fprintf(stderr, "golden mismatch for %s (KIJI_UPDATE_GOLDEN=1 to accept)\n", argv[1]);
            printf("0 passed, 1 failed\n");
            rc = 1;
        }
        free(want);
    }
    kiji_doc_free(d);
    kiji_parser_free(p);
    free(text);
    return rc;
}
