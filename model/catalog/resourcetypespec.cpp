#include "model/catalog/resourcetypespec.h"

#include <algorithm>

namespace sc {

namespace {

// Properties, attributes and property types are written sorted by name, so lookups bisect.
template<typename T>
const T *findByName(const std::vector<T> &items, std::string_view name)
{
    auto it = std::lower_bound(items.begin(), items.end(), name,
                               [](const T &item, std::string_view n) { return item.name < n; });
    return it != items.end() && it->name == name ? &*it : nullptr;
}

std::vector<std::string> strings(const Json &value)
{
    std::vector<std::string> out;
    if (value.is_array())
        for (const Json &v : value)
            out.push_back(v.get<std::string>());
    return out;
}

// Row layout: [name, kind, type, flags, doc, cdkName, enums?, alternatives?, references?]
PropertySpec propertyFromRow(const Json &row)
{
    enum Flag { Required = 1, Replacement = 2, Primitive = 4, ConditionalReplacement = 8 };
    PropertySpec p;
    p.name = row.at(0).get<std::string>();
    const std::string kind = row.at(1).get<std::string>();
    p.kind = kind == "L"   ? PropertySpec::Kind::List
             : kind == "M" ? PropertySpec::Kind::Map
             : kind == "J" ? PropertySpec::Kind::Json
                           : PropertySpec::Kind::Scalar;
    p.type = row.at(2).get<std::string>();
    const int flags = row.at(3).get<int>();
    p.required = flags & Required;
    p.causesReplacement = flags & Replacement;
    p.itemIsPrimitive = flags & Primitive;
    p.replacementConditional = flags & ConditionalReplacement;
    p.documentation = row.at(4).get<std::string>();
    p.cdkName = row.at(5).get<std::string>();
    if (row.size() > 6)
        p.enumValues = strings(row[6]);
    if (row.size() > 7)
        p.alternativeTypes = strings(row[7]);
    if (row.size() > 8)
        p.references = strings(row[8]);
    return p;
}

std::vector<PropertySpec> propertiesFromRows(const Json &rows)
{
    std::vector<PropertySpec> out;
    out.reserve(rows.size());
    for (const Json &row : rows)
        out.push_back(propertyFromRow(row));
    return out;
}

} // namespace

bool isNumberType(std::string_view type)
{
    return type == "Integer" || type == "Long" || type == "Double" || type == "Number";
}

const PropertySpec *PropertyTypeSpec::property(std::string_view name) const
{
    return findByName(properties, name);
}

const PropertySpec *ResourceTypeSpec::property(std::string_view name) const
{
    return findByName(properties, name);
}

const AttributeSpec *ResourceTypeSpec::attribute(std::string_view name) const
{
    return findByName(attributes, name);
}

const PropertyTypeSpec *ResourceTypeSpec::propertyType(std::string_view name) const
{
    return findByName(propertyTypes, name);
}

std::vector<std::string> ResourceTypeSpec::requiredProperties() const
{
    std::vector<std::string> out;
    for (const PropertySpec &p : properties)
        if (p.required)
            out.push_back(p.name);
    return out;
}

ResourceTypeSpec ResourceTypeSpec::fromData(std::string type, std::string cdkModule,
                                            std::string cdkClass, const Json &data)
{
    ResourceTypeSpec spec;
    spec.type = std::move(type);
    spec.cdkModule = std::move(cdkModule);
    spec.cdkClass = std::move(cdkClass);
    spec.documentation = data.value("d", std::string());
    spec.refReturns = data.value("r", std::string());
    spec.refIdentifiers = strings(data.value("ri", Json::array()));
    spec.properties = propertiesFromRows(data.at("p"));
    for (const Json &row : data.at("a"))
        spec.attributes.push_back({row.at(0).get<std::string>(), row.at(1).get<std::string>(),
                                   row.at(2).get<std::string>(), row.at(3).get<std::string>()});
    for (const Json &row : data.at("t"))
        spec.propertyTypes.push_back({row.at(0).get<std::string>(), row.at(1).get<std::string>(),
                                      propertiesFromRows(row.at(2))});
    return spec;
}

} // namespace sc
