// Build-time tool: turns the catalog's compressed JSON index (data/index.json.z) and the overlay's
// words for what Ref returns (overlay.json) into a C++ source of static tables (catalogindex.h),
// and the per-type records (data/specs.bin, each compressed JSON) into one uncompressed blob of
// CBOR records that the catalog reads in place, without inflating or tokenising text.
// Refuses an index that is not sorted by type, since the catalog looks types up by binary
// search, a record that is not an object with the lists the reader expects, and an overlay that
// words Ref for a type the index does not have.
//   catalogindexgen INDEX_JSON_Z SPECS_BIN OVERLAY_JSON OUTPUT_CPP OUTPUT_CBOR

#include <QByteArray>
#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

// A C++ string literal; the index holds type and module names, but nothing here assumes so.
std::string literal(const std::string &text)
{
    std::string out = "\"";
    for (const unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c >= 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\%03o", c);
            out += escaped;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + '"';
}

int fail(const std::string &message)
{
    std::fprintf(stderr, "catalogindexgen: %s\n", message.c_str());
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 6)
        return fail("usage: catalogindexgen INDEX_JSON_Z SPECS_BIN OVERLAY_JSON OUTPUT_CPP OUTPUT_CBOR");
    QFile input(QString::fromLocal8Bit(argv[1]));
    if (!input.open(QIODevice::ReadOnly))
        return fail(std::string(argv[1]) + ": " + input.errorString().toStdString());
    const QByteArray raw = qUncompress(input.readAll());
    if (raw.isEmpty())
        return fail(std::string(argv[1]) + ": not zlib data in qCompress's format");
    const nlohmann::json index = nlohmann::json::parse(raw.constBegin(), raw.constEnd(), nullptr, false);
    if (!index.is_object() || !index.contains("types") || !index["types"].is_array()
        || !index.value("source", nlohmann::json()).is_string())
        return fail(std::string(argv[1]) + ": expected an object with \"source\" and \"types\"");

    QFile specsFile(QString::fromLocal8Bit(argv[2]));
    if (!specsFile.open(QIODevice::ReadOnly))
        return fail(std::string(argv[2]) + ": " + specsFile.errorString().toStdString());
    const QByteArray specs = specsFile.readAll();

    QFile overlayFile(QString::fromLocal8Bit(argv[3]));
    if (!overlayFile.open(QIODevice::ReadOnly))
        return fail(std::string(argv[3]) + ": " + overlayFile.errorString().toStdString());
    const QByteArray overlayText = overlayFile.readAll();
    const nlohmann::json overlay = nlohmann::json::parse(overlayText.constBegin(), overlayText.constEnd(), nullptr, false);
    if (!overlay.is_object() || !overlay.contains("kinds") || !overlay["kinds"].is_object())
        return fail(std::string(argv[3]) + ": expected an object with \"kinds\"");
    std::map<std::string, std::string> refReturns;
    for (const auto &[type, kind] : overlay["kinds"].items()) {
        if (kind.is_object() && kind.contains("refReturns") && kind["refReturns"].is_string())
            refReturns[type] = kind["refReturns"].get<std::string>();
    }

    std::string out = "// Generated from model/catalog/data/index.json.z and model/catalog/overlay.json by\n"
                      "// catalogindexgen; do not edit.\n"
                      "#include \"model/catalog/catalogindex.h\"\n\n"
                      "namespace sc::catalogindex {\n\n"
                      "extern const std::string_view source = "
                      + literal(index["source"].get<std::string>()) + ";\n\nextern const Row rows[] = {\n";
    std::string previous;
    std::vector<std::uint8_t> records;
    for (const nlohmann::json &row : index["types"]) {
        if (!row.is_array() || row.size() != 5 || !row[0].is_string() || !row[1].is_string()
            || !row[2].is_string() || !row[3].is_number_unsigned() || !row[4].is_number_unsigned())
            return fail("a row is not [type, module, class, offset, size]: " + row.dump());
        const std::string type = row[0].get<std::string>();
        if (!previous.empty() && !(previous < type))
            return fail("the index is not sorted by type: " + previous + " before " + type);
        previous = type;
        const std::size_t from = row[3].get<std::size_t>(), size = row[4].get<std::size_t>();
        if (from > static_cast<std::size_t>(specs.size()) || size > static_cast<std::size_t>(specs.size()) - from)
            return fail(std::string(argv[2]) + ": the record of " + type + " lies outside the file");
        const QByteArray text = qUncompress(reinterpret_cast<const uchar *>(specs.constData() + from),
                                            static_cast<qsizetype>(size));
        // Key order is kept as the generator wrote it, so the blob is the same on every build.
        const nlohmann::ordered_json record = nlohmann::ordered_json::parse(text.constBegin(), text.constEnd(), nullptr, false);
        if (!record.is_object() || !record.contains("p") || !record["p"].is_array() || !record.contains("a")
            || !record["a"].is_array() || !record.contains("t") || !record["t"].is_array())
            return fail(std::string(argv[2]) + ": the record of " + type + " is not an object with lists \"p\", \"a\" and \"t\"");
        const std::size_t offset = records.size();
        nlohmann::ordered_json::to_cbor(record, records);
        const auto words = refReturns.find(type);
        out += "    {" + literal(type) + ", " + literal(row[1].get<std::string>()) + ", "
               + literal(row[2].get<std::string>()) + ", " + std::to_string(offset) + ", "
               + std::to_string(records.size() - offset) + ", "
               + literal(words != refReturns.end() ? words->second : std::string()) + "},\n";
        if (words != refReturns.end())
            refReturns.erase(words);
    }
    if (!refReturns.empty())
        return fail(std::string(argv[3]) + ": refReturns for a type the index does not have: " + refReturns.begin()->first);
    out += "};\n\nextern const std::size_t rowCount = " + std::to_string(index["types"].size())
           + ";\n\n} // namespace sc::catalogindex\n";

    for (const auto &[path, bytes] : {std::pair{argv[4], std::string_view(out)},
                                      std::pair{argv[5], std::string_view(reinterpret_cast<const char *>(records.data()), records.size())}}) {
        QSaveFile output(QString::fromLocal8Bit(path));
        if (!output.open(QIODevice::WriteOnly) || output.write(bytes.data(), static_cast<qint64>(bytes.size())) < 0
            || !output.commit())
            return fail(std::string(path) + ": " + output.errorString().toStdString());
    }
    return 0;
}
