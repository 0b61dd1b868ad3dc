#include "chnsw.h"

#include <cmath>
#include <random>
#include <vector>

void chnsw_principal_axes(const float *vectors, size_t count, size_t dimension, size_t components,
                          float *mean, float *axes) {
    std::vector<double> centre(dimension, 0);
    for (size_t row = 0; row < count; row++)
        for (size_t i = 0; i < dimension; i++) centre[i] += vectors[row * dimension + i];
    for (size_t i = 0; i < dimension; i++) mean[i] = float(centre[i] /= double(std::max<size_t>(count, 1)));

    // Covariance (upper triangle accumulated, then mirrored).
    std::vector<double> covariance(dimension * dimension, 0);
    std::vector<double> x(dimension);
    for (size_t row = 0; row < count; row++) {
        for (size_t i = 0; i < dimension; i++) x[i] = vectors[row * dimension + i] - centre[i];
        for (size_t i = 0; i < dimension; i++) {
            double xi = x[i];
            double *line = &covariance[i * dimension];
            for (size_t j = i; j < dimension; j++) line[j] += xi * x[j];
        }
    }
    for (size_t i = 0; i < dimension; i++)
        for (size_t j = 0; j < i; j++) covariance[i * dimension + j] = covariance[j * dimension + i];

    // Subspace iteration: Q ← orthonormalize(C Q), from a random start; 8 rounds are enough for
    // the leading axes to settle (only the spanned subspace matters for nearest-neighbour search).
    std::mt19937_64 random(17);
    std::normal_distribution<double> normal;
    std::vector<double> q(components * dimension), next(components * dimension);
    for (auto &value : q) value = normal(random);
    auto orthonormalize = [&](std::vector<double> &basis) {
        for (size_t a = 0; a < components; a++) {
            double *va = &basis[a * dimension];
            for (size_t b = 0; b < a; b++) {
                const double *vb = &basis[b * dimension];
                double dot = 0;
                for (size_t i = 0; i < dimension; i++) dot += va[i] * vb[i];
                for (size_t i = 0; i < dimension; i++) va[i] -= dot * vb[i];
            }
            double norm = 0;
            for (size_t i = 0; i < dimension; i++) norm += va[i] * va[i];
            norm = std::sqrt(norm);
            for (size_t i = 0; i < dimension; i++) va[i] = norm > 0 ? va[i] / norm : 0;
        }
    };
    orthonormalize(q);
    for (int round = 0; round < 8; round++) {
        for (size_t a = 0; a < components; a++) {
            const double *va = &q[a * dimension];
            for (size_t i = 0; i < dimension; i++) {
                const double *line = &covariance[i * dimension];
                double sum = 0;
                for (size_t j = 0; j < dimension; j++) sum += line[j] * va[j];
                next[a * dimension + i] = sum;
            }
        }
        orthonormalize(next);
        q.swap(next);
    }
    for (size_t k = 0; k < components * dimension; k++) axes[k] = float(q[k]);
}

void chnsw_project(const float *axes, size_t components, size_t dimension, const float *vectors, size_t count,
                   float *projected) {
    for (size_t row = 0; row < count; row++) {
        const float *vector = vectors + row * dimension;
        float *out = projected + row * components;
        float norm = 0;
        for (size_t axis = 0; axis < components; axis++) {
            const float *line = axes + axis * dimension;
            // Eight partial sums let the compiler vectorize without reassociating floats itself.
            float partial[8] = {0, 0, 0, 0, 0, 0, 0, 0};
            size_t i = 0;
            for (; i + 8 <= dimension; i += 8)
                for (size_t lane = 0; lane < 8; lane++) partial[lane] += line[i + lane] * vector[i + lane];
            float sum = 0;
            for (size_t lane = 0; lane < 8; lane++) sum += partial[lane];
            for (; i < dimension; i++) sum += line[i] * vector[i];
            out[axis] = sum;
            norm += sum * sum;
        }
        if (norm > 0) {
            float scale = 1 / std::sqrt(norm);
            for (size_t axis = 0; axis < components; axis++) out[axis] *= scale;
        }
    }
}
