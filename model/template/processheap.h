#pragma once
// How a short-lived process (a command that reads one template and exits) uses its memory. The
// first write to each page of fresh memory is a page fault; populating the pages a thread is
// about to fill in one call costs a tenth as much where faults are dear (measured in a virtual
// machine: 11 us a fault, 1 us a page populated).

#include <cstddef>

namespace sc::processheap {

// From now on, large blocks come from the heap rather than from mappings of their own, and
// freed memory is never given back to the system, so what reserve() populates stays for the
// allocations that follow. For a process that lives for milliseconds; reserve() does nothing
// until this is called (a window keeps the allocator's defaults).
void keepForProcessLifetime();

// Populates about `bytes` of the calling thread's heap and frees them again, populated, for the
// allocations this thread makes next.
void reserve(std::size_t bytes);

} // namespace sc::processheap
