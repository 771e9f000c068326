#pragma once
// Records SourceSpans while the YAML reader walks yaml-cpp's events. The events give where a
// node starts; where it ends, where its key's ":" or its item's "-" is, and how it is quoted
// come from scanning the text (yamlscan). Used only when a save asks for spans.

#include "model/template/sourcespans.h"

#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/mark.h>

#include <string>
#include <string_view>
#include <vector>

namespace sc {

class YamlSpanRecorder {
public:
    YamlSpanRecorder(std::string_view text, SourceSpans &out);

    // A mapping key (always a scalar here), before its value.
    void key(const YAML::Mark &mark, const std::string &value);
    // A scalar value; `wrapped` when its tag makes it a one-key object (a short form),
    // `dottedGetAtt` when "!GetAtt A.B" became a two-item list.
    void scalar(const YAML::Mark &mark, const std::string &value, bool wrapped, bool dottedGetAtt);
    void null(const YAML::Mark &mark);
    void alias(const YAML::Mark &mark);
    void open(const YAML::Mark &mark, bool wrapped, bool map, YAML::EmitterStyle::value style);
    void close();

private:
    struct Frame {
        std::uint32_t index = 0;
        std::uint32_t wrapper = 0;    // the wrapper's index when a tag wraps this container
        bool wrapped = false;
        std::vector<std::uint32_t> children;
        std::uint32_t lastEnd = 0;    // end of the previous child, to find the next "-" or ","
        std::uint32_t pendingLead = 0;
        std::uint32_t pendingKeyEnd = 0;
        std::uint8_t pendingKeyFlags = 0;
    };

    // Creates the span of a value starting at `pos` (plus its wrapper when tagged) and returns
    // the index of the node that holds the content.
    std::uint32_t startValue(std::size_t pos, bool wrapped);
    // Where the value of the next child may start: after its key's ":" or its item's "-".
    std::size_t afterIndicator(Frame &parent, NodeSpan &span) const;
    void finish(std::uint32_t index, std::size_t end);
    void attach(std::uint32_t index);
    int parentIndent(const NodeSpan &span) const;

    std::string_view m_text;
    SourceSpans &m_out;
    std::vector<Frame> m_stack;
    std::size_t m_after = 0;         // set by startValue: just past the value's ":" or "-"
    std::size_t m_propertiesEnd = 0; // set by startValue: past the value's tag and anchor
};

} // namespace sc
