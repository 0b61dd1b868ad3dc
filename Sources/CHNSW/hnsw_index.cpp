#include "chnsw.h"
#include "mapped_graph.hpp"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

chnsw_index *chnsw_create(size_t dimension, size_t m, size_t ef_construction, size_t seed) {
    try {
        auto index = std::make_unique<chnsw_index>();
        index->space = std::make_unique<hnswlib::InnerProductSpace>(dimension);
        index->graph = std::make_unique<hnswlib::HierarchicalNSW<float>>(index->space.get(), 1024, m, ef_construction, seed);
        return index.release();
    } catch (...) {
        return nullptr;
    }
}

chnsw_index *chnsw_load(const char *path, size_t dimension) {
    try {
        auto index = std::make_unique<chnsw_index>();
        index->space = std::make_unique<hnswlib::InnerProductSpace>(dimension);
        index->graph = std::make_unique<hnswlib::HierarchicalNSW<float>>(index->space.get());
        // hnswlib's bare constructor leaves the pointers its destructor frees unset.
        index->graph->data_level0_memory_ = nullptr;
        index->graph->linkLists_ = nullptr;
        index->graph->visited_list_pool_ = nullptr;
        index->graph->cur_element_count = 0;
        index->graph->data_size_ = index->space->get_data_size();
        index->graph->fstdistfunc_ = index->space->get_dist_func();
        index->graph->dist_func_param_ = index->space->get_dist_func_param();
        return chnsw_map_graph(*index, path) ? index.release() : nullptr;
    } catch (...) {
        return nullptr;
    }
}

int chnsw_save(const chnsw_index *index, const char *path) {
    try {
        index->graph->saveIndex(path);
        return 0;
    } catch (...) {
        return 1;
    }
}

void chnsw_free(chnsw_index *index) { delete index; }

size_t chnsw_count(const chnsw_index *index) { return index->graph->cur_element_count; }

int chnsw_add(chnsw_index *index, const float *vectors, size_t first_label, size_t count, size_t threads) {
    auto &graph = *index->graph;
    const size_t dimension = *static_cast<size_t *>(index->space->get_dist_func_param());
    try {
        if (!chnsw_own_level0(*index)) return 1;
        size_t needed = graph.cur_element_count + count;
        // A quarter of headroom: hnswlib allocates the whole capacity again when it loads the saved graph.
        if (needed > graph.max_elements_) graph.resizeIndex(std::max(needed, graph.max_elements_ + graph.max_elements_ / 4));
        // hnswlib's addPoint locks what it touches, so rows can be added from several threads at once.
        std::atomic<size_t> next{0};
        std::atomic<bool> failed{false};
        auto work = [&] {
            for (size_t row; (row = next++) < count && !failed;) {
                try {
                    graph.addPoint(vectors + row * dimension, first_label + row);
                } catch (...) {
                    failed = true;
                }
            }
        };
        std::vector<std::thread> pool;
        for (size_t t = 1; t < std::max<size_t>(threads, 1); t++) pool.emplace_back(work);
        work();
        for (auto &thread : pool) thread.join();
        return failed ? 1 : 0;
    } catch (...) {
        return 1;
    }
}

size_t chnsw_search(const chnsw_index *index, const float *query, size_t ef, size_t count,
                    size_t *labels, float *dots) {
    try {
        // searchKnn searches with max(ef_, k) candidates; passing ef as k keeps ef per call, not shared state.
        auto found = index->graph->searchKnn(query, std::max(ef, count));
        while (found.size() > count) found.pop();
        size_t written = found.size();
        for (size_t slot = written; slot-- > 0; found.pop()) {
            labels[slot] = found.top().second;
            dots[slot] = 1 - found.top().first;
        }
        return written;
    } catch (...) {
        return 0;
    }
}
