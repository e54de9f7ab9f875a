#ifndef ENTENTE_CGSL_SHIM_H
#define ENTENTE_CGSL_SHIM_H

/* The GSL headers Entente uses, and accessors for GSL's type globals.
 * Swift 6 strict concurrency refuses to read GSL's mutable type globals
 * (gsl_rng_mt19937, gsl_qrng_sobol, ...), so each one the code uses is
 * exported through a static inline function returning it. */

#include <gsl/gsl_errno.h>
#include <gsl/gsl_version.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_matrix_double.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_linalg.h>

static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_qrng_type *cgsl_qrng_sobol(void) { return gsl_qrng_sobol; }
static inline const char *cgsl_version(void) { return gsl_version; }

/* mt19937's state as GSL lays it out (gsl/rng/mt.c). Entente fills all 624
 * words from a 64-bit key, because gsl_rng_set keeps only 32 bits of a seed. */
typedef struct {
    unsigned long mt[624];
    int mti;
} cgsl_mt19937_state;

static inline void cgsl_mt19937_set_words(gsl_rng *rng, const unsigned long *words) {
    cgsl_mt19937_state *state = (cgsl_mt19937_state *)rng->state;
    for (int i = 0; i < 624; i++) state->mt[i] = words[i] & 0xffffffffUL;
    state->mti = 624;
}

#endif
