/*
 * zone_test.c -- the gazetteer's time zones against ICU's own answer.
 *
 * kj_zones_load reads every canonical location zone once, with its region
 * from ICU's zoneinfo64 data, instead of asking ICU for each country's zones
 * (which walks all zones per country). For every ISO country, the zones
 * kj_zones_load gives that region, in order, must be exactly the ones
 * ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, country)
 * returns, and every zone must belong to some country's answer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>

#include "kj.h"

int main(void)
{
    kj_zone_list zl = {NULL, 0};
    if (!kj_zones_load(&zl)) {
        fprintf(stderr, "zone_test: kj_zones_load: out of memory\n");
        return 1;
    }
    int failures = 0;
    size_t matched = 0, countries = 0;
    const char *const *cc = uloc_getISOCountries();
    for (size_t i = 0; cc[i]; i++) {
        UErrorCode e = U_ZERO_ERROR;
        UEnumeration *en =
            ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, cc[i], NULL, &e);
        if (U_FAILURE(e)) {
            fprintf(stderr, "zone_test: ICU enumeration failed for %s: %s\n", cc[i],
                    u_errorName(e));
            failures++;
            continue;
        }
        countries++;
        size_t k = 0; /* next of kj's zones to look at */
        const char *id;
        while ((id = uenum_next(en, NULL, &e)) && U_SUCCESS(e)) {
            while (k < zl.n && strcmp(zl.z[k].region, cc[i]) != 0)
                k++;
            if (k == zl.n || strcmp(zl.z[k].id, id) != 0) {
                fprintf(stderr, "zone_test: %s: ICU has %s, kiji %s\n", cc[i], id,
                        k < zl.n ? zl.z[k].id : "nothing more");
                failures++;
                break;
            }
            matched++;
            k++;
        }
        for (; k < zl.n; k++)
            if (strcmp(zl.z[k].region, cc[i]) == 0) {
                fprintf(stderr, "zone_test: %s: kiji has %s, ICU does not\n", cc[i], zl.z[k].id);
                failures++;
            }
        uenum_close(en);
    }
    /* zones of no ISO country (none expected) would be read but never used */
    if (matched != zl.n) {
        fprintf(stderr, "zone_test: %zu zones loaded, %zu matched a country\n", zl.n, matched);
        failures++;
    }
    if (zl.n < 300) {
        fprintf(stderr, "zone_test: only %zu zones loaded\n", zl.n);
        failures++;
    }
    printf("zone_test: %zu zones over %zu countries, %d failure(s)\n", zl.n, countries, failures);
    kj_zones_free(&zl);
    return failures ? 1 : 0;
}
