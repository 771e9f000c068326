// InspectorModel's intents (each one Document edit, refused edits change nothing and set
// lastError) and the pickers its intrinsic-function editors offer. The rows themselves are built
// in inspectormodel.cpp.
#include "app/gui/inspectormodel.h"

#include "model/catalog/catalog.h"
#include "model/document/document.h"
#include "model/template/sourcemap.h"
#include "model/template/templatereader.h"

#include <cmath>

namespace sc {

const InspectorModel::Row *InspectorModel::rowAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

void InspectorModel::setError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    emit lastErrorChanged();
}

bool InspectorModel::apply(bool ok, const std::string &error)
{
    setError(ok ? QString() : QString::fromStdString(error));
    return ok;
}

bool InspectorModel::setJson(const Row &row, const Json &value, int gesture)
{
    if (row.present && row.value == value)
        return apply(true, {});
    const std::string pointer = row.pointer; // the row may be rebuilt by the edit
    const EditResult result = m_document->setValue(pointer, value, gesture);
    return apply(result.ok, result.error);
}

bool InspectorModel::setText(int index, const QString &text, int gesture)
{
    const Row *row = rowAt(index);
    if (!row)
        return apply(false, "no such row");
    const std::string s = text.toStdString();
    switch (row->kind) {
    case Kind::String:
    case Kind::Target:
        return setJson(*row, Json(s), gesture);
    case Kind::Number: {
        const QString trimmed = text.trimmed();
        bool ok = false;
        const qlonglong integer = trimmed.toLongLong(&ok);
        if (ok)
            return setJson(*row, row->value.is_string() ? Json(trimmed.toStdString()) : Json(integer), gesture);
        const double real = trimmed.toDouble(&ok);
        if (!ok || !std::isfinite(real))
            return apply(false, "'" + s + "' is not a number");
        return setJson(*row, row->value.is_string() ? Json(trimmed.toStdString()) : Json(real), gesture);
    }
    case Kind::Sub: {
        Json value = row->value;
        Json &args = value["Fn::Sub"];
        if (args.is_array())
            args[0] = s;
        else
            args = s;
        return setJson(*row, value, gesture);
    }
    case Kind::Intrinsic:
    case Kind::Json: {
        std::string error;
        const std::optional<Json> parsed = parseYamlValue(text, error);
        if (!parsed)
            return apply(false, error);
        return setJson(*row, *parsed, gesture);
    }
    default:
        return apply(false, "this row does not take text");
    }
}

std::optional<Json> InspectorModel::parseYamlValue(const QString &text, std::string &error)
{
    // Read as the value of a one-key template, so that short forms, quoting and flow
    // collections mean exactly what they mean in a template file.
    static constexpr std::string_view kKey = "Value: ";
    const std::string source = std::string(kKey) + text.trimmed().toStdString();
    try {
        Template parsed = readYaml(source, "value", ReadLimits{});
        const auto it = parsed.root.find("Value");
        if (it == parsed.root.end() || it->is_null()) {
            error = "a value is needed, for example !GetAZs '' or !Ref VpcId";
            return std::nullopt;
        }
        return *it;
    } catch (const TemplateError &e) {
        const int column = e.line() == 1 ? std::max(1, e.column() - static_cast<int>(kKey.size())) : e.column();
        error = "column " + std::to_string(column) + ": " + e.message();
        return std::nullopt;
    }
}

bool InspectorModel::setBool(int index, bool value)
{
    const Row *row = rowAt(index);
    if (!row || row->kind != Kind::Boolean)
        return apply(false, "not a yes/no value");
    // A value written as a string ("true") stays a string.
    return setJson(*row, row->value.is_string() ? Json(value ? "true" : "false") : Json(value));
}

bool InspectorModel::setChoice(int index, const QString &choice)
{
    const Row *row = rowAt(index);
    if (!row || (row->kind != Kind::Enum && row->kind != Kind::Target))
        return apply(false, "not a choice");
    return setJson(*row, Json(choice.toStdString()));
}

bool InspectorModel::setRef(int index, const QString &target)
{
    const Row *row = rowAt(index);
    if (!row || row->kind != Kind::Ref)
        return apply(false, "not a Ref");
    return setJson(*row, Json{{"Ref", target.toStdString()}});
}

bool InspectorModel::setGetAtt(int index, const QString &target, const QString &attribute)
{
    const Row *row = rowAt(index);
    if (!row || row->kind != Kind::GetAtt)
        return apply(false, "not a GetAtt");
    QString attr = attribute;
    const QStringList attributes = attributesOf(target);
    if (!attributes.contains(attr) && !attributes.isEmpty())
        attr = attributes.front(); // a new target without the old attribute: its first one
    return setJson(*row, Json{{"Fn::GetAtt", Json::array({target.toStdString(), attr.toStdString()})}});
}

bool InspectorModel::setMode(int index, const QString &mode)
{
    const Row *row = rowAt(index);
    if (!row || !row->canSwitch)
        return apply(false, "this value cannot change its form");
    if (mode == QLatin1String("value"))
        return setJson(*row, row->defaultValue);
    if (mode == QLatin1String("Ref")) {
        const QStringList targets = refTargets();
        if (targets.isEmpty())
            return apply(false, "nothing to refer to");
        return setJson(*row, Json{{"Ref", targets.front().toStdString()}});
    }
    if (mode == QLatin1String("GetAtt")) {
        const QStringList targets = getAttTargets();
        if (targets.isEmpty())
            return apply(false, "no resource has attributes to get");
        const QStringList attributes = attributesOf(targets.front());
        return setJson(*row, Json{{"Fn::GetAtt", Json::array({targets.front().toStdString(),
                                                               attributes.front().toStdString()})}});
    }
    if (mode == QLatin1String("Sub")) {
        const std::string text = row->value.is_string() ? row->value.get<std::string>() : std::string();
        return setJson(*row, Json{{"Fn::Sub", text}});
    }
    return apply(false, "unknown form " + mode.toStdString());
}

bool InspectorModel::add(int index)
{
    const Row *row = rowAt(index);
    if (!row || row->present)
        return apply(false, "already set");
    return setJson(*row, row->defaultValue);
}

bool InspectorModel::addItem(int index)
{
    const Row *row = rowAt(index);
    if (!row || row->kind != Kind::List)
        return apply(false, "not a list");
    Json list = row->value.is_array() ? row->value : Json::array();
    list.push_back(row->itemDefault);
    m_collapsed.erase(row->pointer);
    return setJson(*row, list);
}

bool InspectorModel::addEntry(int index, const QString &key)
{
    const Row *row = rowAt(index);
    if (!row || row->kind != Kind::Map)
        return apply(false, "not a map");
    const std::string k = key.trimmed().toStdString();
    if (k.empty())
        return apply(false, "a key cannot be empty");
    if (row->value.is_object() && row->value.contains(k))
        return apply(false, "the key '" + k + "' is already there");
    m_collapsed.erase(row->pointer);
    if (!row->present)
        return setJson(*row, Json{{k, row->itemDefault}});
    const EditResult result = m_document->setValue(SourceMap::join(row->pointer, k), row->itemDefault);
    return apply(result.ok, result.error);
}

bool InspectorModel::remove(int index)
{
    const Row *row = rowAt(index);
    if (!row || !row->removable)
        return apply(false, "cannot remove this");
    const std::string pointer = row->pointer;
    const EditResult result = m_document->removeValue(pointer);
    return apply(result.ok, result.error);
}

void InspectorModel::toggle(int index)
{
    const Row *row = rowAt(index);
    if (!row || !row->expandable)
        return;
    if (!m_collapsed.erase(row->pointer))
        m_collapsed.insert(row->pointer);
    rebuild();
}

bool InspectorModel::rename(const QString &newId)
{
    const std::string to = newId.trimmed().toStdString();
    if (m_id.empty())
        return apply(false, "nothing selected");
    const EditResult result = m_document->renameLogicalId(m_id, to);
    return apply(result.ok, result.error);
}

QStringList InspectorModel::refTargets() const
{
    QStringList targets;
    for (const std::string &id : m_document->resourceIds()) {
        if (id != m_id)
            targets << QString::fromStdString(id);
    }
    if (const auto it = m_document->root().find("Parameters"); it != m_document->root().end() && it->is_object()) {
        for (const auto &item : it->items())
            targets << QString::fromStdString(item.key());
    }
    for (const char *pseudo : {"AWS::AccountId", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId",
                               "AWS::StackName", "AWS::URLSuffix"})
        targets << QString::fromLatin1(pseudo);
    return targets;
}

QStringList InspectorModel::getAttTargets() const
{
    QStringList targets;
    for (const std::string &id : m_document->resourceIds()) {
        if (id != m_id && !attributesOf(QString::fromStdString(id)).isEmpty())
            targets << QString::fromStdString(id);
    }
    return targets;
}

QStringList InspectorModel::attributesOf(const QString &logicalId) const
{
    QStringList names;
    if (const ResourceTypeSpec *spec = Catalog::instance().find(m_document->resourceType(logicalId.toStdString()))) {
        for (const AttributeSpec &attribute : spec->attributes)
            names << QString::fromStdString(attribute.name);
    }
    return names;
}

} // namespace sc
