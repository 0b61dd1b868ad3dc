#pragma once

#include <hnswlib/hnswlib.h>
#include <sys/mman.h>
#include <memory>

struct chnsw_index {
    std::unique_ptr<hnswlib::InnerProductSpace> space;
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> graph;
    /// The graph file when its level-0 block is mapped rather than owned by hnswlib (see mapped_graph.hpp).
    void *mapping = nullptr;
    size_t mapping_size = 0;

    ~chnsw_index() {
        if (!mapping) return;
        // hnswlib frees its level-0 block; a mapped one is unmapped instead.
        graph->data_level0_memory_ = nullptr;
        graph.reset();
        munmap(mapping, mapping_size);
    }
};
