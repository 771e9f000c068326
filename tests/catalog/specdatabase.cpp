#include "specdatabase.h"

#include <zlib.h>

#include <fstream>
#include <iterator>

namespace {

std::string gunzip(const std::string &in)
{
    z_stream z{};
    // 16 + MAX_WBITS: expect a gzip header, which qUncompress cannot read.
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return {};
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    std::string out;
    char buffer[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - z.avail_out);
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END ? out : std::string();
}

} // namespace

std::optional<SpecDatabase> SpecDatabase::load(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return std::nullopt;
    const std::string compressed((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const std::string text = gunzip(compressed);
    if (text.empty())
        return std::nullopt;
    SpecDatabase db;
    db.m_root = nlohmann::json::parse(text);
    return db;
}

const nlohmann::json *SpecDatabase::resource(const std::string &type) const
{
    for (const auto &r : m_root.at("schema").at("resource").at("entities"))
        if (r.at("cloudFormationType") == type)
            return &r;
    return nullptr;
}
