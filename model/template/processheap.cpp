#include "model/template/processheap.h"

#include <atomic>
#include <cstdint>
#include <cstdlib>

#include <malloc.h>
#include <sys/mman.h>

namespace sc::processheap {

namespace {

std::atomic<bool> kept{false};

} // namespace

void keepForProcessLifetime()
{
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    kept = true;
}

void reserve(std::size_t bytes)
{
    if (!kept || bytes == 0)
        return;
    void *block = std::malloc(bytes);
    if (!block)
        return;
    const std::uintptr_t page = 4096;
    const std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(block) + page - 1) & ~(page - 1);
    const std::uintptr_t end = (reinterpret_cast<std::uintptr_t>(block) + bytes) & ~(page - 1);
#ifdef MADV_POPULATE_WRITE
    if (end > begin)
        ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE); // a hint: failure is harmless
#endif
    std::free(block);
}

} // namespace sc::processheap
