/*
 * fuzz_date.c -- the date recognizer (rec_date.c, date_ja.c): dates,
 * durations and sets, resolved against the published date the head picks
 * (the table includes era boundaries: 2019-04-30/05-01, 1989-01-08); every
 * date value must be a real calendar date at its grain.
 * The parse runs with only these fact types reported (kiji_options.facts),
 * so the JSON and the checks in fuzz.c cover exactly this recognizer's
 * output; its dictionary and seeds steer the fuzzer to its words.
 * Options come from the input's first two bytes (fuzz.h).
 */
#include "fuzz.h"

#define MASK (KIJI_FACT_BIT(KIJI_FACT_DATE) | KIJI_FACT_BIT(KIJI_FACT_DURATION) | KIJI_FACT_BIT(KIJI_FACT_SET))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_run(data, size, MASK, NULL);
}
