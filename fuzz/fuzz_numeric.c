/*
 * fuzz_numeric.c -- the numeric recognizer (rec_numeric.c, num.c):
 * numbers, money, quantities and percentages, with their values, ranges,
 * qualifiers, currencies, units and conversion equivalents, and the
 * currencies named with no amount (rec_currency.c).
 * The parse runs with only these fact types reported (kiji_options.facts),
 * so the JSON and the checks in fuzz.c cover exactly this recognizer's
 * output; its dictionary and seeds steer the fuzzer to its words.
 * Options come from the input's first two bytes (fuzz.h).
 */
#include "fuzz.h"

#define MASK (KIJI_FACT_BIT(KIJI_FACT_NUMBER) | KIJI_FACT_BIT(KIJI_FACT_MONEY) | KIJI_FACT_BIT(KIJI_FACT_QUANTITY) | KIJI_FACT_BIT(KIJI_FACT_PERCENT) | KIJI_FACT_BIT(KIJI_FACT_CURRENCY))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_run(data, size, MASK, NULL);
}
