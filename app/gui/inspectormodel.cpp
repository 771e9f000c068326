#include "app/gui/inspectormodel.h"

#include "model/catalog/catalog.h"
#include "model/document/document.h"
#include "model/template/intrinsics.h"
#include "model/template/sourcemap.h"

#include <algorithm>
#include <cmath>

namespace sc {

namespace {

// Inspector gestures live far from the canvas's, so the two never merge into one step.
constexpr int kGestureBase = 1 << 24;

bool isNumberType(const std::string &type)
{
    return type == "Integer" || type == "Long" || type == "Number" || type == "Double";
}

QStringList toStringList(const std::vector<std::string> &values)
{
    QStringList list;
    for (const std::string &v : values)
        list << QString::fromStdString(v);
    return list;
}

} // namespace

InspectorModel::Row InspectorModel::makeRow(int depth, const QString &label, const std::string &pointer, Kind kind)
{
    Row row;
    row.depth = depth;
    row.label = label;
    row.pointer = pointer;
    row.kind = kind;
    return row;
}

InspectorModel::InspectorModel(Document *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    connect(document, &Document::changed, this, [this](const DocumentChange &change) {
        for (const auto &[from, to] : change.renamed) {
            if (from == m_id) {
                m_id = to;
                emit resourceChanged();
            }
        }
        rebuild();
    });
}

int InspectorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant InspectorModel::data(const QModelIndex &index, int role) const
{
    const Row *row = rowAt(index.row());
    if (!row)
        return {};
    switch (role) {
    case DepthRole: return row->depth;
    case LabelRole: return row->label;
    case PointerRole: return QString::fromStdString(row->pointer);
    case KindRole: return static_cast<int>(row->kind);
    case ValueRole:
        if (row->kind == Kind::Sub) {
            const Json &sub = row->value.begin().value();
            return QString::fromStdString(sub.is_array() && !sub.empty() && sub[0].is_string()
                                              ? sub[0].get<std::string>()
                                              : sub.is_string() ? sub.get<std::string>() : std::string());
        }
        return display(row->value);
    case ChoicesRole: return row->choices;
    case RequiredRole: return row->required;
    case DocumentationRole: return row->documentation;
    case PresentRole: return row->present;
    case ExpandableRole: return row->expandable;
    case ExpandedRole: return row->expanded;
    case RemovableRole: return row->removable;
    case TypeNameRole: return row->typeName;
    case CanSwitchRole: return row->canSwitch;
    case TargetRole:
        if (row->kind == Kind::Ref)
            return QString::fromStdString(row->value["Ref"].get<std::string>());
        if (row->kind == Kind::GetAtt) {
            const Json &args = row->value["Fn::GetAtt"];
            if (args.is_array() && !args.empty() && args[0].is_string())
                return QString::fromStdString(args[0].get<std::string>());
        }
        return {};
    case AttributeRole:
        if (row->kind == Kind::GetAtt) {
            const Json &args = row->value["Fn::GetAtt"];
            if (args.is_array() && args.size() > 1 && args[1].is_string())
                return QString::fromStdString(args[1].get<std::string>());
        }
        return {};
    default: return {};
    }
}

QHash<int, QByteArray> InspectorModel::roleNames() const
{
    return {{DepthRole, "depth"}, {LabelRole, "label"}, {PointerRole, "pointer"}, {KindRole, "kind"},
            {ValueRole, "value"}, {ChoicesRole, "choices"}, {RequiredRole, "required"},
            {DocumentationRole, "documentation"}, {PresentRole, "present"},
            {ExpandableRole, "expandable"}, {ExpandedRole, "expanded"}, {RemovableRole, "removable"},
            {TypeNameRole, "typeName"}, {TargetRole, "target"}, {AttributeRole, "attribute"},
            {CanSwitchRole, "canSwitch"}};
}

void InspectorModel::setLogicalId(const QString &id)
{
    const std::string next = id.toStdString();
    if (next == m_id)
        return;
    m_id = next;
    m_collapsed.clear();
    setError({});
    emit resourceChanged();
    rebuild();
}

QString InspectorModel::resourceType() const
{
    return QString::fromStdString(m_document->resourceType(m_id));
}

QString InspectorModel::displayName() const
{
    const std::string type = m_document->resourceType(m_id);
    return type.empty() ? QString() : QString::fromStdString(Catalog::instance().displayName(type));
}

QString InspectorModel::documentation() const
{
    const ResourceTypeSpec *spec = Catalog::instance().find(m_document->resourceType(m_id));
    return spec ? QString::fromStdString(spec->documentation) : QString();
}

QString InspectorModel::refReturns() const
{
    const std::string type = m_document->resourceType(m_id);
    if (const KindOverlay *overlay = Catalog::instance().overlay(type); overlay && !overlay->refReturns.empty())
        return QString::fromStdString(overlay->refReturns);
    const ResourceTypeSpec *spec = Catalog::instance().find(type);
    return spec ? QString::fromStdString(spec->refReturns) : QString();
}

void InspectorModel::setShowAll(bool on)
{
    if (on == m_showAll)
        return;
    m_showAll = on;
    emit showAllChanged();
    rebuild();
}

int InspectorModel::newGesture()
{
    return kGestureBase + ++m_gesture;
}

int InspectorModel::rowOf(const QString &pointer) const
{
    const std::string p = pointer.toStdString();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].pointer == p && m_rows[i].kind != Kind::Section)
            return static_cast<int>(i);
    }
    return -1;
}

// ---- building rows ----

void InspectorModel::rebuild()
{
    std::vector<Row> previous = std::move(m_rows);
    m_rows.clear();
    if (const Json *resource = m_document->resource(m_id))
        buildResource(*resource);
    const bool sameShape = previous.size() == m_rows.size()
        && std::equal(previous.begin(), previous.end(), m_rows.begin(), [](const Row &a, const Row &b) {
               return a.pointer == b.pointer && a.kind == b.kind && a.depth == b.depth;
           });
    if (!sameShape) {
        // The rows' shape changed: a fresh model. (Set the rows back first so views see the
        // old count during the reset notification.)
        std::vector<Row> next = std::move(m_rows);
        m_rows = std::move(previous);
        beginResetModel();
        m_rows = std::move(next);
        endResetModel();
        return;
    }
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row &a = previous[i], &b = m_rows[i];
        if (a.value != b.value || a.present != b.present || a.choices != b.choices || a.expanded != b.expanded
            || a.label != b.label) {
            const QModelIndex at = index(static_cast<int>(i));
            emit dataChanged(at, at);
        }
    }
}

void InspectorModel::buildResource(const Json &resource)
{
    const std::string base = SourceMap::join("/Resources", m_id);
    const std::string type = m_document->resourceType(m_id);
    const ResourceTypeSpec *spec = Catalog::instance().find(type);

    m_rows.push_back(makeRow(0, QStringLiteral("Resource"), {}, Kind::Section));
    Row idRow = makeRow(0, QStringLiteral("Logical ID"), base, Kind::LogicalId);
    idRow.present = idRow.required = true;
    idRow.documentation = QStringLiteral("The name other resources use to refer to this one.");
    idRow.value = Json(m_id);
    m_rows.push_back(std::move(idRow));
    Row typeRow = makeRow(0, QStringLiteral("Type"), base + "/Type", Kind::ReadOnly);
    typeRow.present = true;
    typeRow.documentation = spec ? QString::fromStdString(spec->documentation) : QString();
    typeRow.value = Json(type);
    m_rows.push_back(std::move(typeRow));

    m_rows.push_back(makeRow(0, QStringLiteral("Attributes"), {}, Kind::Section));
    const auto policy = [&](const char *name, std::vector<std::string> values, const char *doc) {
        ValueSpec s{ValueSpec::Container::Scalar, "String", true, std::move(values), false, doc};
        const auto it = resource.find(name);
        addValue(0, QString::fromLatin1(name), base + "/" + name, it != resource.end() ? &*it : nullptr, s, true);
    };
    policy("DeletionPolicy", {"Delete", "Retain", "RetainExceptOnCreate", "Snapshot"},
           "What CloudFormation does with the resource when it is removed from the stack or the stack is deleted.");
    policy("UpdateReplacePolicy", {"Delete", "Retain", "Snapshot"},
           "What happens to the old physical resource when an update replaces it.");
    std::vector<std::string> conditions;
    if (const auto it = m_document->root().find("Conditions"); it != m_document->root().end() && it->is_object()) {
        for (const auto &item : it->items())
            conditions.push_back(item.key());
    }
    if (!conditions.empty() || resource.contains("Condition"))
        policy("Condition", conditions, "Create the resource only when this condition is true.");
    {
        // DependsOn: a logical ID or a list of them; not an intrinsic.
        ValueSpec s{ValueSpec::Container::List, "LogicalId", true, {}, false,
                    "Resources CloudFormation must create before this one."};
        const auto it = resource.find("DependsOn");
        const Json *value = it != resource.end() ? &*it : nullptr;
        if (value && value->is_string()) {
            Row row = makeRow(0, QStringLiteral("DependsOn"), base + "/DependsOn", Kind::Target);
            row.present = row.removable = true;
            row.documentation = QString::fromStdString(s.documentation);
            row.value = *value;
            row.choices = refTargets();
            m_rows.push_back(std::move(row));
        } else {
            addValue(0, QStringLiteral("DependsOn"), base + "/DependsOn", value, s, true);
        }
    }

    m_rows.push_back(makeRow(0, QStringLiteral("Properties"), {}, Kind::Section));
    const auto it = resource.find("Properties");
    const Json *properties = it != resource.end() && it->is_object() ? &*it : nullptr;
    addProperties(0, base + "/Properties", properties, spec ? &spec->properties : nullptr);
}

void InspectorModel::addProperties(int depth, const std::string &base, const Json *object,
                                   const std::vector<PropertySpec> *specs)
{
    if (specs) {
        for (const PropertySpec &property : *specs) {
            const Json *value = nullptr;
            if (object) {
                if (const auto it = object->find(property.name); it != object->end())
                    value = &*it;
            }
            if (!value && !property.required && !m_showAll)
                continue;
            addValue(depth, QString::fromStdString(property.name), SourceMap::join(base, property.name), value,
                     specOf(property), !property.required || value);
        }
    }
    if (!object)
        return;
    // Keys the catalog does not know (a newer property, a typo): kept, edited as JSON.
    const Json keys = *object; // a copy: items() of a temporary would dangle
    for (const auto &item : keys.items()) {
        const bool known = specs && std::any_of(specs->begin(), specs->end(),
                                                [&](const PropertySpec &p) { return p.name == item.key(); });
        if (!known) {
            ValueSpec s;
            s.documentation = "Not in the resource specification.";
            const Json *value = tree::find(m_document->root(), SourceMap::join(base, item.key()));
            addValue(depth, QString::fromStdString(item.key()), SourceMap::join(base, item.key()), value, s, true);
        }
    }
}

InspectorModel::ValueSpec InspectorModel::specOf(const PropertySpec &property) const
{
    ValueSpec s;
    switch (property.kind) {
    case PropertySpec::Kind::Scalar: s.container = ValueSpec::Container::Scalar; break;
    case PropertySpec::Kind::List: s.container = ValueSpec::Container::List; break;
    case PropertySpec::Kind::Map: s.container = ValueSpec::Container::Map; break;
    case PropertySpec::Kind::Json: s.container = ValueSpec::Container::Json; break;
    }
    s.type = property.type;
    s.primitive = property.itemIsPrimitive;
    s.enumValues = property.enumValues;
    s.required = property.required;
    s.documentation = property.documentation;
    if (s.type == "Json")
        s.container = ValueSpec::Container::Json;
    return s;
}

InspectorModel::ValueSpec InspectorModel::itemSpec(const ValueSpec &container) const
{
    ValueSpec s = container;
    s.container = s.type == "Json" ? ValueSpec::Container::Json : ValueSpec::Container::Scalar;
    s.required = false;
    return s;
}

Json InspectorModel::defaultFor(const ValueSpec &spec) const
{
    switch (spec.container) {
    case ValueSpec::Container::List: return Json::array();
    case ValueSpec::Container::Map: return Json::object();
    case ValueSpec::Container::Json: return Json::object();
    case ValueSpec::Container::Scalar: break;
    }
    if (!spec.primitive)
        return Json::object();
    if (spec.type == "LogicalId") {
        const QStringList targets = refTargets();
        return targets.isEmpty() ? Json("") : Json(targets.front().toStdString());
    }
    if (!spec.enumValues.empty())
        return Json(spec.enumValues.front());
    if (spec.type == "Boolean")
        return Json(false);
    if (isNumberType(spec.type))
        return Json(0);
    return Json("");
}

void InspectorModel::addValue(int depth, const QString &label, const std::string &pointer, const Json *value,
                              const ValueSpec &spec, bool removable)
{
    Row row;
    row.depth = depth;
    row.label = label;
    row.pointer = pointer;
    row.present = value != nullptr;
    row.required = spec.required;
    row.removable = removable && value != nullptr;
    row.documentation = QString::fromStdString(spec.documentation);
    row.value = value ? *value : Json();
    row.defaultValue = defaultFor(spec);
    row.typeName = QString::fromStdString(spec.type);
    // Intrinsics belong in property values; resource attributes take plain names.
    const bool scalarPrimitive = spec.container == ValueSpec::Container::Scalar && spec.primitive
        && spec.type != "LogicalId" && pointer.find("/Properties/") != std::string::npos;

    if (value && intrinsics::isIntrinsic(*value)) {
        const std::string_view name = intrinsics::intrinsicName(*value);
        const Json &args = value->begin().value();
        if (name == "Ref" && args.is_string()) {
            row.kind = Kind::Ref;
            row.choices = refTargets();
        } else if (name == "Fn::GetAtt" && args.is_array() && args.size() == 2 && args[0].is_string()) {
            row.kind = Kind::GetAtt;
            row.choices = getAttTargets();
        } else if (name == "Fn::Sub" && (args.is_string() || (args.is_array() && !args.empty() && args[0].is_string()))) {
            row.kind = Kind::Sub;
        } else {
            row.kind = Kind::Json;
        }
        row.canSwitch = pointer.find("/Properties/") != std::string::npos;
        m_rows.push_back(std::move(row));
        return;
    }

    const auto addChildren = [&](Row &header) {
        header.expandable = true;
        header.expanded = value && !m_collapsed.count(pointer);
        const bool expanded = header.expanded;
        m_rows.push_back(std::move(header));
        return expanded;
    };

    switch (spec.container) {
    case ValueSpec::Container::List: {
        if (value && !value->is_array())
            break;
        row.kind = Kind::List;
        const ValueSpec item = itemSpec(spec);
        row.itemDefault = defaultFor(item);
        if (!addChildren(row))
            return;
        for (std::size_t i = 0; i < value->size(); ++i) {
            addValue(depth + 1, QString::number(i + 1), pointer + "/" + std::to_string(i), &(*value)[i], item, true);
        }
        return;
    }
    case ValueSpec::Container::Map: {
        if (value && !value->is_object())
            break;
        row.kind = Kind::Map;
        const ValueSpec item = itemSpec(spec);
        row.itemDefault = defaultFor(item);
        if (!addChildren(row))
            return;
        const Json entries = *value;
        for (const auto &entry : entries.items()) {
            const std::string child = SourceMap::join(pointer, entry.key());
            addValue(depth + 1, QString::fromStdString(entry.key()), child, tree::find(m_document->root(), child), item,
                     true);
        }
        return;
    }
    case ValueSpec::Container::Json:
        row.kind = Kind::Json;
        m_rows.push_back(std::move(row));
        return;
    case ValueSpec::Container::Scalar:
        break;
    }

    if (spec.container == ValueSpec::Container::Scalar && !spec.primitive && (!value || value->is_object())) {
        row.kind = Kind::Object;
        const ResourceTypeSpec *resourceSpec = Catalog::instance().find(m_document->resourceType(m_id));
        const PropertyTypeSpec *nested = resourceSpec ? resourceSpec->propertyType(spec.type) : nullptr;
        if (!addChildren(row))
            return;
        addProperties(depth + 1, pointer, value, nested ? &nested->properties : nullptr);
        return;
    }
    if (spec.type == "LogicalId" && (!value || value->is_string())) {
        row.kind = Kind::Target;
        row.choices = refTargets();
    } else if (value && (value->is_object() || value->is_array())) {
        row.kind = Kind::Json; // not the shape the specification expects: keep it editable
    } else if (!spec.enumValues.empty()) {
        row.kind = Kind::Enum;
        row.choices = toStringList(spec.enumValues);
    } else if (spec.container == ValueSpec::Container::Scalar && spec.type == "Boolean") {
        row.kind = Kind::Boolean;
    } else if (spec.container == ValueSpec::Container::Scalar && isNumberType(spec.type)) {
        row.kind = Kind::Number;
    } else if (spec.container == ValueSpec::Container::Scalar) {
        row.kind = Kind::String;
    }
    row.canSwitch = scalarPrimitive;
    m_rows.push_back(std::move(row));
}

// ---- intents ----

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
    case Kind::Json: {
        const Json parsed = Json::parse(s, nullptr, false);
        if (parsed.is_discarded())
            return apply(false, "not valid JSON");
        return setJson(*row, parsed, gesture);
    }
    default:
        return apply(false, "this row does not take text");
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

QString InspectorModel::display(const Json &value)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

} // namespace sc
