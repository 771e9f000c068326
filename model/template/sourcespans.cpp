#include "model/template/sourcespans.h"

namespace sc {

void SourceSpans::shift(std::uint32_t delta)
{
    for (NodeSpan &span : nodes) {
        span.lead += delta;
        span.keyEnd += delta;
        span.begin += delta;
        span.content += delta;
        span.end += delta;
    }
}

} // namespace sc
