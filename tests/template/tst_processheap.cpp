// A command's heap: after keepForProcessLifetime(), what reserve() populates serves the
// allocations that follow on the same thread without a page fault for each fresh page; before
// it, reserve() leaves the allocator alone. Faults are counted per thread (RUSAGE_THREAD), each
// case on a thread of its own.

#include "model/template/processheap.h"

#include <QTest>

#include <memory>
#include <thread>
#include <vector>

#include <sys/resource.h>

#if defined(__SANITIZE_ADDRESS__)
#define SC_SANITIZED_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SC_SANITIZED_ALLOCATOR 1
#endif
#endif

namespace {

long threadFaults()
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return usage.ru_minflt;
}

constexpr std::size_t kBlock = 16 * 1024;
constexpr std::size_t kBlocks = 128; // 2 MB in blocks the heap serves itself

// On a new thread: reserve `reserved` bytes, then fill 2 MB of fresh blocks; the faults of the
// filling alone.
long faultsFillingAfterReserving(std::size_t reserved)
{
    long faults = -1;
    std::thread([&] {
        sc::processheap::reserve(reserved);
        std::vector<std::unique_ptr<char[]>> blocks;
        blocks.reserve(kBlocks);
        const long before = threadFaults();
        for (std::size_t i = 0; i < kBlocks; ++i) {
            blocks.push_back(std::make_unique<char[]>(kBlock)); // value-initialized: every page written
        }
        faults = threadFaults() - before;
    }).join();
    return faults;
}

} // namespace

class TestProcessHeap : public QObject {
    Q_OBJECT

private slots:
    void reservedPagesAreNotFaultedAgain()
    {
#ifdef SC_SANITIZED_ALLOCATOR
        QSKIP("the sanitizer's allocator takes no mallopt and keeps its own pages");
#endif
        const long pages = static_cast<long>(kBlock * kBlocks / 4096);
        // Before the policy, reserving is nothing: the filling faults in about every page.
        const long untouched = faultsFillingAfterReserving(4 << 20);
        QVERIFY2(untouched > pages / 2, std::to_string(untouched).c_str());

        sc::processheap::keepForProcessLifetime();
        const long reserved = faultsFillingAfterReserving(4 << 20);
        QVERIFY2(reserved < pages / 8, std::to_string(reserved).c_str());
    }
};

QTEST_GUILESS_MAIN(TestProcessHeap)
#include "tst_processheap.moc"
