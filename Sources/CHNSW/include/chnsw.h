#ifndef CHNSW_H
#define CHNSW_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An hnswlib graph over unit vectors in the inner-product space; each vector's label is its row number.
typedef struct chnsw_index chnsw_index;

chnsw_index *chnsw_create(size_t dimension, size_t m, size_t ef_construction, size_t seed);
/// NULL when the file is missing or unreadable.
chnsw_index *chnsw_load(const char *path, size_t dimension);
/// 0 on success.
int chnsw_save(const chnsw_index *index, const char *path);
void chnsw_free(chnsw_index *index);
size_t chnsw_count(const chnsw_index *index);
/// Adds `count` row-major vectors labelled first_label, first_label + 1, … on `threads` threads. 0 on success.
int chnsw_add(chnsw_index *index, const float *vectors, size_t first_label, size_t count, size_t threads);
/// The (at most) `count` nearest rows found with a candidate list of `ef`, best first, with their dot
/// products; returns how many were written.
size_t chnsw_search(const chnsw_index *index, const float *query, size_t ef, size_t count,
                    size_t *labels, float *dots);

/// The `components` leading principal axes (row-major, components × dimension, orthonormal) of the
/// `count` row-major vectors, and their mean; by subspace iteration on the covariance.
void chnsw_principal_axes(const float *vectors, size_t count, size_t dimension, size_t components,
                          float *mean, float *axes);

/// Each of `count` row-major vectors projected on `components` axes (as from chnsw_principal_axes) and
/// normalized to unit length (left zero when the projection is zero).
void chnsw_project(const float *axes, size_t components, size_t dimension, const float *vectors, size_t count,
                   float *projected);

#ifdef __cplusplus
}
#endif

#endif
