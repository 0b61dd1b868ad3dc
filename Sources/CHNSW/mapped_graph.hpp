#pragma once

// A header, included by hnsw_index.cpp only: hnswlib's headers define functions that are not inline,
// so they may be compiled into one translation unit.
#include "chnsw_index.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cstring>

// hnswlib's loadIndex reads the level-0 block (every vector and its links: nearly the whole file, a
// gigabyte at a million tracks) into fresh heap pages, checking the file with a seek per element on
// the way. Mapping it instead makes loading cost page tables rather than a copy, and the pages stay
// the page cache's: resident only once a search touches them, droppable, shared with other processes.
// The kernel is asked to read the file ahead in the background, so the first searches seldom wait for
// the disk (mapping everything up front instead made a cold start read 2 GB before answering at 10^6).
// Read-only: searches never write, and adding points first copies the block (chnsw_own_level0). The
// few upper-level link lists are copied as hnswlib does. The layout read is saveIndex's in hnswlib 0.6.2.
namespace {
struct Cursor {
    const char *at;
    const char *end;

    template <typename T> bool read(T &value) {
        if (end - at < static_cast<ptrdiff_t>(sizeof(T))) return false;
        memcpy(&value, at, sizeof(T));
        at += sizeof(T);
        return true;
    }
};

bool read_header(Cursor &file, hnswlib::HierarchicalNSW<float> &g) {
    return file.read(g.offsetLevel0_) && file.read(g.max_elements_) && file.read(g.cur_element_count) &&
           file.read(g.size_data_per_element_) && file.read(g.label_offset_) && file.read(g.offsetData_) &&
           file.read(g.maxlevel_) && file.read(g.enterpoint_node_) && file.read(g.maxM_) && file.read(g.maxM0_) &&
           file.read(g.M_) && file.read(g.mult_) && file.read(g.ef_construction_);
}

/// Every upper-level link list's size fits the file and is whole links, and the file ends after the last.
bool link_lists_fit(Cursor file, size_t count, size_t links_size) {
    for (size_t i = 0; i < count; i++) {
        unsigned int size;
        if (!file.read(size) || size % links_size != 0 || file.end - file.at < static_cast<ptrdiff_t>(size)) return false;
        file.at += size;
    }
    return file.at == file.end;
}
}  // namespace

/// Points `index`'s (freshly constructed, empty) graph at the file hnswlib's saveIndex wrote at `path`.
inline bool chnsw_map_graph(chnsw_index &index, const char *path) {
    auto &g = *index.graph;
    int descriptor = open(path, O_RDONLY);
    if (descriptor < 0) return false;
    struct stat status;
    void *base = MAP_FAILED;
    if (fstat(descriptor, &status) == 0 && status.st_size > 0)
        base = mmap(nullptr, status.st_size, PROT_READ, MAP_PRIVATE, descriptor, 0);
    close(descriptor);
    if (base == MAP_FAILED) return false;
    madvise(base, status.st_size, MADV_WILLNEED);
    Cursor file{static_cast<const char *>(base), static_cast<const char *>(base) + status.st_size};
    bool fits = read_header(file, g);
    g.size_links_level0_ = g.maxM0_ * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint);
    g.size_links_per_element_ = g.maxM_ * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint);
    fits = fits && g.max_elements_ >= g.cur_element_count && g.offsetLevel0_ == 0 &&
           g.size_data_per_element_ == g.size_links_level0_ + g.data_size_ + sizeof(hnswlib::labeltype) &&
           file.end - file.at >= static_cast<ptrdiff_t>(g.cur_element_count * g.size_data_per_element_);
    const char *level0 = file.at;
    file.at += fits ? g.cur_element_count * g.size_data_per_element_ : 0;
    if (!fits || !link_lists_fit(file, g.cur_element_count, g.size_links_per_element_)) {
        g.cur_element_count = 0;
        munmap(base, status.st_size);
        return false;
    }
    index.mapping = base;
    index.mapping_size = status.st_size;
    g.data_level0_memory_ = const_cast<char *>(level0);
    std::vector<std::mutex>(g.max_elements_).swap(g.link_list_locks_);
    std::vector<std::mutex>(g.max_update_element_locks).swap(g.link_list_update_locks_);
    g.visited_list_pool_ = new hnswlib::VisitedListPool(1, g.max_elements_);
    g.linkLists_ = static_cast<char **>(calloc(g.max_elements_, sizeof(void *)));
    g.element_levels_ = std::vector<int>(g.max_elements_);
    g.revSize_ = 1.0 / g.mult_;
    g.ef_ = 10;
    // tonearm never marks an element deleted; counting marks would touch every mapped page.
    g.num_deleted_ = 0;
    // The label lookup only serves adding points: it is built by chnsw_own_level0, as reading every
    // element's label here would touch every mapped page.
    for (size_t i = 0; i < g.cur_element_count; i++) {
        unsigned int size;
        file.read(size);
        g.element_levels_[i] = size / g.size_links_per_element_;
        if (size == 0) continue;
        g.linkLists_[i] = static_cast<char *>(malloc(size));
        memcpy(g.linkLists_[i], file.at, size);
        file.at += size;
    }
    return true;
}

/// Copies a mapped level-0 block into the heap, with room for hnswlib's capacity, so points can be added.
inline bool chnsw_own_level0(chnsw_index &index) {
    if (!index.mapping) return true;
    auto &g = *index.graph;
    auto owned = static_cast<char *>(malloc(g.max_elements_ * g.size_data_per_element_));
    if (!owned) return false;
    memcpy(owned, g.data_level0_memory_, g.cur_element_count * g.size_data_per_element_);
    g.data_level0_memory_ = owned;
    munmap(index.mapping, index.mapping_size);
    index.mapping = nullptr;
    g.label_lookup_.reserve(g.cur_element_count);
    for (hnswlib::tableint i = 0; i < g.cur_element_count; i++) g.label_lookup_[g.getExternalLabel(i)] = i;
    return true;
}
