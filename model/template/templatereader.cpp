#include "model/template/templatereader.h"

#include "model/template/textposition.h"

#include <fstream>
#include <sstream>

namespace sc {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool startsLikeJson(std::string_view text)
{
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{';
    }
    return false;
}

bool endsWith(const std::string &s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

Template readTemplate(std::string_view bytes, const std::string &fileName,
                      std::optional<TemplateFormat> format, const ReadLimits &limits)
{
    if (bytes.size() > limits.maxFileBytes)
        throw TemplateError(fileName, 1, 1,
                            "file is " + std::to_string(bytes.size()) + " bytes; the limit is "
                                + std::to_string(limits.maxFileBytes) + " bytes");
    if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom)
        bytes.remove_prefix(kUtf8Bom.size());
    if (auto bad = findInvalidUtf8(bytes)) {
        const SourcePos pos = TextPositions(bytes).at(*bad);
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[*bad]));
        throw TemplateError(fileName, pos.line, pos.column,
                            std::string("invalid UTF-8 (byte ") + hex
                                + "); templates must be UTF-8 text");
    }
    const TemplateFormat chosen =
        format.value_or(startsLikeJson(bytes) ? TemplateFormat::Json : TemplateFormat::Yaml);
    return chosen == TemplateFormat::Json ? readJson(bytes, fileName, limits)
                                          : readYaml(bytes, fileName, limits);
}

Template readTemplateFile(const std::string &path, const ReadLimits &limits)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw TemplateError(path, 1, 1, "cannot open file for reading");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size > static_cast<std::streamoff>(limits.maxFileBytes))
        throw TemplateError(path, 1, 1,
                            "file is " + std::to_string(size) + " bytes; the limit is "
                                + std::to_string(limits.maxFileBytes) + " bytes");
    in.seekg(0);
    std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(size, 0)), '\0');
    in.read(bytes.data(), size);
    std::optional<TemplateFormat> format;
    if (endsWith(path, ".json"))
        format = TemplateFormat::Json;
    return readTemplate(bytes, path, format, limits);
}

} // namespace sc
