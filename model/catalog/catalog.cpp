#include "model/catalog/catalog.h"

#include "model/catalog/catalogindex.h"
#include "model/catalog/overlaydata.h"

#include <QByteArray>
#include <QFile>
#include <QResource>

#include <algorithm>
#include <mutex>
#include <stdexcept>

// The data is compiled into sc_catalog with qt_add_resources; a static library needs the
// initializer called by name.
static void initCatalogResources()
{
    Q_INIT_RESOURCE(sc_catalog_data);
    Q_INIT_RESOURCE(sc_catalog_overlay);
}

namespace sc {

namespace {

constexpr std::string_view customPrefix = "Custom::";
constexpr std::string_view customResource = "AWS::CloudFormation::CustomResource";

std::string_view canonicalType(std::string_view type)
{
    return type.substr(0, customPrefix.size()) == customPrefix ? customResource : type;
}

// Uncompressed resources are views into the binary's read-only data, so the 6 MB of records are
// neither copied nor read until a type is asked for: a record's pages are mapped in when it is.
QByteArray readResource(const char *path)
{
    QResource resource(QString::fromLatin1(path));
    if (resource.isValid() && resource.compressionAlgorithm() == QResource::NoCompression)
        return QByteArray::fromRawData(reinterpret_cast<const char *>(resource.data()),
                                       static_cast<qsizetype>(resource.size()));
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error(std::string("catalog data missing: ") + path);
    return file.readAll();
}

// "AWS::ElasticLoadBalancingV2::TargetGroup" -> "ElasticLoadBalancingV2 Target Group"
std::string wordsOf(std::string_view name)
{
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool upper = c >= 'A' && c <= 'Z';
        const bool prevLower = i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z';
        const bool nextLower = i + 1 < name.size() && name[i + 1] >= 'a' && name[i + 1] <= 'z';
        const bool prevUpper = i > 0 && name[i - 1] >= 'A' && name[i - 1] <= 'Z';
        if (i > 0 && upper && (prevLower || (prevUpper && nextLower)))
            out += ' ';
        out += c;
    }
    return out;
}

} // namespace

struct Catalog::Entry {
    const catalogindex::Row *row = nullptr;
    mutable std::once_flag parsed;
    mutable std::unique_ptr<ResourceTypeSpec> spec;
};

struct Catalog::Data {
    std::unique_ptr<Entry[]> entries; // parallel to catalogindex::rows, sorted by type
    QByteArray specs;                 // concatenated per-type records (CBOR)
    std::once_flag overlayParsed;
    OverlayData overlay;              // parsed on first use
};

Catalog::Catalog()
    : m_data(std::make_unique<Data>())
{
    initCatalogResources();
    m_data->entries = std::make_unique<Entry[]>(catalogindex::rowCount);
    for (std::size_t i = 0; i < catalogindex::rowCount; ++i)
        m_data->entries[i].row = &catalogindex::rows[i];
    m_data->specs = readResource(":/stackcanvas/catalog/specs.cbor");
}

const OverlayData &Catalog::overlayData() const
{
    std::call_once(m_data->overlayParsed, [this] {
        const QByteArray overlay = readResource(":/stackcanvas/catalog/overlay.json");
        m_data->overlay = OverlayData::parse(Json::parse(overlay.constBegin(), overlay.constEnd()));
    });
    return m_data->overlay;
}

Catalog::~Catalog() = default;

const Catalog &Catalog::instance()
{
    static const Catalog catalog;
    return catalog;
}

const Catalog::Entry *Catalog::entry(std::string_view type) const
{
    type = canonicalType(type);
    const catalogindex::Row *end = catalogindex::rows + catalogindex::rowCount;
    const catalogindex::Row *it = std::lower_bound(catalogindex::rows, end, type,
                                                   [](const catalogindex::Row &r, std::string_view t) { return r.type < t; });
    return it != end && it->type == type ? &m_data->entries[static_cast<std::size_t>(it - catalogindex::rows)] : nullptr;
}

std::vector<std::string> Catalog::typeNames() const
{
    std::vector<std::string> names;
    names.reserve(catalogindex::rowCount);
    for (std::size_t i = 0; i < catalogindex::rowCount; ++i)
        names.emplace_back(catalogindex::rows[i].type);
    return names;
}

bool Catalog::contains(std::string_view type) const
{
    return entry(type) != nullptr;
}

std::size_t Catalog::typeCount() const
{
    return catalogindex::rowCount;
}

const ResourceTypeSpec *Catalog::find(std::string_view type) const
{
    const Entry *e = entry(type);
    if (!e)
        return nullptr;
    std::call_once(e->parsed, [this, e] {
        const catalogindex::Row &row = *e->row;
        if (row.offset + row.size > static_cast<std::size_t>(m_data->specs.size()))
            throw std::runtime_error("catalog data is truncated before the record of " + std::string(row.type));
        auto spec = std::make_unique<ResourceTypeSpec>(ResourceTypeSpec::fromRecord(
            std::string(row.type), std::string(row.cdkModule), std::string(row.cdkClass),
            std::string_view(m_data->specs.constData() + row.offset, row.size)));
        if (!row.refReturns.empty())
            spec->refReturns = std::string(row.refReturns);
        e->spec = std::move(spec);
    });
    return e->spec.get();
}

const KindOverlay *Catalog::overlay(std::string_view type) const
{
    type = canonicalType(type);
    const auto &kinds = overlayData().kinds();
    auto it = std::lower_bound(kinds.begin(), kinds.end(), type,
                               [](const KindOverlay &k, std::string_view t) { return k.type < t; });
    return it != kinds.end() && it->type == type ? &*it : nullptr;
}

std::vector<const KindOverlay *> Catalog::overlays() const
{
    std::vector<const KindOverlay *> out;
    for (const KindOverlay &k : overlayData().kinds())
        out.push_back(&k);
    return out;
}

std::vector<std::string> Catalog::categories() const
{
    return overlayData().categories();
}

std::string Catalog::category(std::string_view type) const
{
    if (const KindOverlay *o = overlay(type))
        return o->category;
    const std::size_t last = type.rfind("::");
    return overlayData().namespaceCategory(type.substr(0, last == std::string_view::npos ? 0 : last));
}

std::string Catalog::displayName(std::string_view type) const
{
    if (const KindOverlay *o = overlay(type); o && type.substr(0, customPrefix.size()) != customPrefix)
        return o->displayName;
    std::string_view rest = type;
    if (const std::size_t first = rest.find("::"); first != std::string_view::npos)
        rest = rest.substr(first + 2);
    const std::size_t sep = rest.find("::");
    if (sep == std::string_view::npos)
        return wordsOf(rest);
    return std::string(rest.substr(0, sep)) + ' ' + wordsOf(rest.substr(sep + 2));
}

const std::vector<ConnectionRule> &Catalog::curatedConnectionRules() const
{
    return overlayData().rules();
}

std::vector<ConnectionRule> Catalog::connectionRulesFrom(std::string_view sourceType) const
{
    sourceType = canonicalType(sourceType);
    std::vector<ConnectionRule> out;
    for (const ConnectionRule &r : overlayData().rules())
        if (r.sourceType == sourceType)
            out.push_back(r);
    return out;
}

std::vector<ConnectionRule> Catalog::connectionRules(std::string_view sourceType,
                                                     std::string_view targetType) const
{
    sourceType = canonicalType(sourceType);
    targetType = canonicalType(targetType);
    std::vector<ConnectionRule> out;
    for (const ConnectionRule &r : overlayData().rules())
        if (r.sourceType == sourceType && r.targetType == targetType)
            out.push_back(r);
    if (!out.empty())
        return out;
    if (const ResourceTypeSpec *source = find(sourceType))
        return derivedRules(*source, targetType);
    return out;
}

std::vector<ConnectionRule> Catalog::derivedRules(const ResourceTypeSpec &source,
                                                  std::string_view targetType) const
{
    std::vector<ConnectionRule> out;
    const ResourceTypeSpec *target = find(targetType);
    if (!target)
        return out;
    const std::string prefix = target->type + '.';
    for (const PropertySpec &p : source.properties) {
        if (p.kind == PropertySpec::Kind::Map || p.kind == PropertySpec::Kind::Json || !p.itemIsPrimitive)
            continue;
        for (const std::string &ref : p.references) {
            if (ref.rfind(prefix, 0) != 0)
                continue;
            const std::string name = ref.substr(prefix.size());
            std::string intrinsic;
            if (target->refIdentifiers.size() == 1 && target->refIdentifiers.front() == name)
                intrinsic = "Ref";
            else if (target->attribute(name))
                intrinsic = "GetAtt:" + name;
            else
                continue; // neither Ref nor GetAtt yields it; the user must type it
            const bool list = p.kind == PropertySpec::Kind::List;
            out.push_back({source.type, target->type, list ? p.name + "/-" : p.name, intrinsic,
                           "Sets " + wordsOf(p.name), Json()});
            break;
        }
    }
    return out;
}

std::string Catalog::source() const
{
    return std::string(catalogindex::source);
}

} // namespace sc
