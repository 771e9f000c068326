// Build-time tool: turns the catalog's compressed JSON index (data/index.json.z) and the overlay's
// words for what Ref returns (overlay.json) into a C++ source of static tables (catalogindex.h).
// Refuses an index that is not sorted by type, since the catalog looks types up by binary
// search, and an overlay that words Ref for a type the index does not have.
//   catalogindexgen INDEX_JSON_Z OVERLAY_JSON OUTPUT_CPP

#include <QByteArray>
#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <string>

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
    if (argc != 4)
        return fail("usage: catalogindexgen INDEX_JSON_Z OVERLAY_JSON OUTPUT_CPP");
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

    QFile overlayFile(QString::fromLocal8Bit(argv[2]));
    if (!overlayFile.open(QIODevice::ReadOnly))
        return fail(std::string(argv[2]) + ": " + overlayFile.errorString().toStdString());
    const QByteArray overlayText = overlayFile.readAll();
    const nlohmann::json overlay = nlohmann::json::parse(overlayText.constBegin(), overlayText.constEnd(), nullptr, false);
    if (!overlay.is_object() || !overlay.contains("kinds") || !overlay["kinds"].is_object())
        return fail(std::string(argv[2]) + ": expected an object with \"kinds\"");
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
    for (const nlohmann::json &row : index["types"]) {
        if (!row.is_array() || row.size() != 5 || !row[0].is_string() || !row[1].is_string()
            || !row[2].is_string() || !row[3].is_number_unsigned() || !row[4].is_number_unsigned())
            return fail("a row is not [type, module, class, offset, size]: " + row.dump());
        const std::string type = row[0].get<std::string>();
        if (!previous.empty() && !(previous < type))
            return fail("the index is not sorted by type: " + previous + " before " + type);
        previous = type;
        const auto words = refReturns.find(type);
        out += "    {" + literal(type) + ", " + literal(row[1].get<std::string>()) + ", "
               + literal(row[2].get<std::string>()) + ", " + std::to_string(row[3].get<std::size_t>()) + ", "
               + std::to_string(row[4].get<std::size_t>()) + ", "
               + literal(words != refReturns.end() ? words->second : std::string()) + "},\n";
        if (words != refReturns.end())
            refReturns.erase(words);
    }
    if (!refReturns.empty())
        return fail(std::string(argv[2]) + ": refReturns for a type the index does not have: " + refReturns.begin()->first);
    out += "};\n\nextern const std::size_t rowCount = " + std::to_string(index["types"].size())
           + ";\n\n} // namespace sc::catalogindex\n";

    QSaveFile output(QString::fromLocal8Bit(argv[3]));
    if (!output.open(QIODevice::WriteOnly) || output.write(out.data(), static_cast<qint64>(out.size())) < 0
        || !output.commit())
        return fail(std::string(argv[3]) + ": " + output.errorString().toStdString());
    return 0;
}
