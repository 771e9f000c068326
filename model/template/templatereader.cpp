#include "model/template/templatereader.h"

#include "model/template/sourcetext.h"
#include "model/template/textposition.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

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

std::size_t ReadLimits::defaultReadThreads()
{
    return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
}

namespace {

// `owner`, when given, holds `bytes`: positions read on demand read it again from there rather
// than from a copy.
Template readText(std::string_view bytes, std::shared_ptr<const std::string> owner,
                  const std::string &fileName, std::optional<TemplateFormat> format,
                  const ReadLimits &limits, SourceSpans *spans)
{
    if (bytes.size() > limits.maxFileBytes)
        throw TemplateError(fileName, 1, 1,
                            "file is " + std::to_string(bytes.size()) + " bytes; the limit is "
                                + std::to_string(limits.maxFileBytes) + " bytes");
    const bool bom = bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom;
    if (bom)
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
    Template result = chosen == TemplateFormat::Json ? readJson(bytes, fileName, limits, spans)
                                                     : readYaml(bytes, fileName, limits, spans);
    if (spans && bom)
        spans->shift(static_cast<std::uint32_t>(kUtf8Bom.size()));
    if (limits.positionsOnDemand) {
        ReadLimits recording = limits;
        recording.positionsOnDemand = false;
        if (!owner)
            owner = std::make_shared<const std::string>(bytes);
        result.positions = SourceMap::onDemand([text = std::move(owner), fileName, chosen, recording] {
            return readTemplate(*text, fileName, chosen, recording).positions;
        });
    }
    return result;
}

} // namespace

Template readTemplate(std::string_view bytes, const std::string &fileName,
                      std::optional<TemplateFormat> format, const ReadLimits &limits, SourceSpans *spans)
{
    return readText(bytes, nullptr, fileName, format, limits, spans);
}

std::string readTemplateBytes(const std::string &path, const ReadLimits &limits)
{
    // Non-blocking, so that opening a FIFO nobody writes to returns at once instead of hanging;
    // reads then wait at most limits.pipeIdleMs for each piece of data.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        throw TemplateError(path, 1, 1, std::string("cannot open file for reading: ") + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        throw TemplateError(path, 1, 1, std::string("cannot read the file: ") + std::strerror(errno));
    if (S_ISDIR(info.st_mode))
        throw TemplateError(path, 1, 1, "is a directory, not a template file");
    const auto tooLarge = [&](const std::string &size) {
        return TemplateError(path, 1, 1, "file is " + size + " bytes; the limit is "
                                             + std::to_string(limits.maxFileBytes) + " bytes");
    };
    if (S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) > limits.maxFileBytes)
        throw tooLarge(std::to_string(info.st_size));
    // Pipes and devices say nothing of their size: read one byte past the limit to know.
    std::string bytes;
    if (S_ISREG(info.st_mode)) {
        // One read into a buffer of the file's size, and one more to see the end (a file can
        // grow while it is read; the loop below takes whatever follows).
        bytes.resize(static_cast<std::size_t>(info.st_size));
        std::size_t have = 0;
        while (have < bytes.size()) {
            const ssize_t got = ::read(fd, bytes.data() + have, bytes.size() - have);
            if (got > 0)
                have += static_cast<std::size_t>(got);
            else if (got == 0)
                break;
            else if (errno != EINTR)
                throw TemplateError(path, 1, 1, std::string("cannot read the file: ") + std::strerror(errno));
        }
        bytes.resize(have);
    }
    char buffer[65536];
    while (bytes.size() <= limits.maxFileBytes) {
        const std::size_t want = std::min(sizeof buffer, limits.maxFileBytes + 1 - bytes.size());
        const ssize_t got = ::read(fd, buffer, want);
        if (got > 0) {
            bytes.append(buffer, static_cast<std::size_t>(got));
            continue;
        }
        if (got == 0) {
            // A FIFO reads as ended until a writer comes: wait for one, but not forever.
            if (!S_ISFIFO(info.st_mode) || !bytes.empty())
                break;
        } else if (errno == EINTR) {
            continue;
        } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
            throw TemplateError(path, 1, 1, std::string("cannot read the file: ") + std::strerror(errno));
        }
        pollfd waiting{fd, POLLIN, 0};
        const int ready = ::poll(&waiting, 1, limits.pipeIdleMs);
        if (ready == 0) {
            char seconds[32];
            std::snprintf(seconds, sizeof seconds, "%g", limits.pipeIdleMs / 1000.0);
            throw TemplateError(path, 1, 1, std::string("nothing to read for ") + seconds
                                                + " s (a pipe or FIFO with no writer?); giving up");
        }
        if (ready < 0 && errno != EINTR)
            throw TemplateError(path, 1, 1, std::string("cannot read the file: ") + std::strerror(errno));
        if (ready > 0 && !(waiting.revents & POLLIN))
            break; // the writer went away without sending anything
    }
    if (bytes.size() > limits.maxFileBytes)
        throw tooLarge("more than " + std::to_string(limits.maxFileBytes));
    return bytes;
}

Template readTemplateFile(const std::string &path, const ReadLimits &limits)
{
    auto bytes = std::make_shared<const std::string>(readTemplateBytes(path, limits));
    std::optional<TemplateFormat> format;
    if (endsWith(path, ".json"))
        format = TemplateFormat::Json;
    Template result = readText(*bytes, bytes, path, format, limits, nullptr);
    result.source = std::make_shared<SourceText>(std::move(bytes), result.format);
    return result;
}

} // namespace sc
