#include "model/template/sourcetext.h"

#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"
#include "model/template/textpatcher.h"

namespace sc {

namespace {

std::string withLineBreaks(std::string text, const std::string &lineBreak)
{
    if (lineBreak == "\n")
        return text;
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (char c : text) {
        if (c == '\n')
            out += lineBreak;
        else
            out += c;
    }
    return out;
}

std::string lineBreakOf(const std::string &text)
{
    const std::size_t lf = text.find('\n');
    return lf != std::string::npos && lf > 0 && text[lf - 1] == '\r' ? "\r\n" : "\n";
}

} // namespace

SourceText::SourceText(std::string bytes, TemplateFormat format)
    : SourceText(std::make_shared<const std::string>(std::move(bytes)), format)
{
}

SourceText::SourceText(std::shared_ptr<const std::string> bytes, TemplateFormat format)
    : m_bytes(std::move(bytes))
    , m_format(format)
{
}

SourceText::SourceText(std::string bytes, TemplateFormat format, const Template &read, SourceSpans spans)
    : m_bytes(std::make_shared<const std::string>(std::move(bytes)))
    , m_format(format)
    , m_parsed(true)
    , m_tree(read.root)
    , m_positions(read.positions)
    , m_spans(std::move(spans))
{
}

bool SourceText::parse(const std::string &fileName) const
{
    if (!m_parsed) {
        m_parsed = true;
        try {
            Template read = readTemplate(*m_bytes, fileName, m_format, {}, &m_spans);
            m_tree = std::move(read.root);
            m_positions = std::move(read.positions);
        } catch (const TemplateError &) {
            m_spans = {};
        }
    }
    return m_tree.has_value();
}

SaveText SourceText::render(const Json &tree, const std::string &fileName) const
{
    std::string why = "the saved text could not be read again";
    if (parse(fileName)) {
        if (*m_tree == tree) {
            SaveText same;
            same.bytes = *m_bytes;
            same.mode = SaveMode::Unchanged;
            same.reread.root = tree;
            same.reread.positions = m_positions;
            same.reread.format = m_format;
            same.reread.source = std::make_shared<SourceText>(*m_bytes, m_format, same.reread, m_spans);
            return same;
        }
        if (std::optional<std::string> patched = patchText(*m_bytes, m_format, *m_tree, m_spans, tree, why)) {
            SourceSpans spans;
            try {
                Template back = readTemplate(*patched, fileName, m_format, {}, &spans);
                if (back.root == tree) {
                    SaveText result;
                    result.mode = SaveMode::Patched;
                    back.source = std::make_shared<SourceText>(*patched, m_format, back, std::move(spans));
                    result.reread = std::move(back);
                    result.bytes = std::move(*patched);
                    return result;
                }
                why = "the edited text would not read back as the template";
            } catch (const TemplateError &e) {
                why = std::string("the edited text would not read back (") + e.message() + ")";
            }
        }
    }
    SaveText whole = write(tree, m_format, fileName, lineBreakOf(*m_bytes));
    whole.note = "the edit could not be made in place (" + why
                 + "), so the whole file was written anew: its comments and layout were not kept";
    return whole;
}

SourceMap SourceText::positionsFor(const Json &tree, const std::string &fileName, std::size_t *renderedBytes) const
{
    if (parse(fileName)) {
        if (*m_tree == tree) {
            if (renderedBytes)
                *renderedBytes = m_bytes->size();
            return m_positions;
        }
        std::string why;
        std::vector<TextChange> changes;
        if (std::optional<std::string> patched = patchText(*m_bytes, m_format, *m_tree, m_spans, tree, why, &changes)) {
            if (!m_blocks)
                m_blocks.emplace(*m_bytes, m_format, *m_tree, m_positions, m_spans);
            if (std::optional<SourceMap> positions =
                    m_blocks->positionsAfter(*m_bytes, *patched, changes, tree)) {
                if (renderedBytes)
                    *renderedBytes = patched->size();
                return std::move(*positions);
            }
        }
    }
    SaveText rendered = render(tree, fileName);
    if (renderedBytes)
        *renderedBytes = rendered.bytes.size();
    return std::move(rendered.reread.positions);
}

SaveText SourceText::write(const Json &tree, TemplateFormat format, const std::string &fileName,
                           const std::string &lineBreak)
{
    SaveText result;
    result.mode = SaveMode::Rewritten;
    result.bytes = withLineBreaks(format == TemplateFormat::Json ? writeJson(tree) : writeYaml(tree), lineBreak);
    SourceSpans spans;
    result.reread = readTemplate(result.bytes, fileName, format, {}, &spans);
    result.reread.source = std::make_shared<SourceText>(result.bytes, format, result.reread, std::move(spans));
    return result;
}

} // namespace sc
