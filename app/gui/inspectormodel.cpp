#include "app/gui/inspectormodel.h"

#include "app/gui/inspectorpolicies.h"

#include "model/catalog/catalog.h"
#include "model/document/document.h"
#include "model/template/intrinsics.h"
#include "model/template/sourcemap.h"
#include "model/template/templatewriter.h"

#include <algorithm>

namespace sc {

namespace {

// Inspector gestures live far from the canvas's, so the two never merge into one step.
constexpr int kGestureBase = 1 << 24;

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
        if (row->kind == Kind::Intrinsic || (row->kind == Kind::Json && !row->value.is_null()))
            return yamlText(row->value);
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
    case FindingsRole: return row->findings;
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
            {CanSwitchRole, "canSwitch"}, {FindingsRole, "findings"}};
}

void InspectorModel::setLogicalId(const QString &id)
{
    const std::string next = id.toStdString();
    if (next == m_id)
        return;
    m_id = next;
    m_collapsed.clear();
    m_focusPointer.clear();
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
    attachFindings();
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
        updateFocus();
        return;
    }
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row &a = previous[i], &b = m_rows[i];
        if (a.value != b.value || a.present != b.present || a.choices != b.choices || a.expanded != b.expanded
            || a.label != b.label || a.findings != b.findings) {
            const QModelIndex at = index(static_cast<int>(i));
            emit dataChanged(at, at);
        }
    }
    updateFocus();
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
    addPolicy(resource, base, "UpdatePolicy");
    addPolicy(resource, base, "CreationPolicy");

    m_rows.push_back(makeRow(0, QStringLiteral("Properties"), {}, Kind::Section));
    const auto it = resource.find("Properties");
    const Json *properties = it != resource.end() && it->is_object() ? &*it : nullptr;
    addProperties(0, base + "/Properties", properties, spec ? &spec->properties : nullptr);
}

void InspectorModel::addPolicy(const Json &resource, const std::string &base, const char *name)
{
    const auto it = resource.find(name);
    const Json *value = it != resource.end() ? &*it : nullptr;
    const PropertyTypeSpec *schema = inspectorpolicies::attribute(name, m_document->resourceType(m_id));
    if (!schema && !value)
        return; // CloudFormation does not take this policy here
    ValueSpec s;
    s.container = schema ? ValueSpec::Container::Scalar : ValueSpec::Container::Json;
    s.type = name;
    s.primitive = false;
    s.documentation = std::string(name) == "UpdatePolicy"
        ? "How CloudFormation handles an update of the resource (see its settings below)."
        : "Wait for success signals before the resource counts as created.";
    if (!schema)
        s.documentation = std::string("This resource type does not take ") + name + ".";
    const std::size_t at = m_rows.size();
    addValue(0, QString::fromLatin1(name), base + "/" + name, value, s, true);
    if (std::optional<Json> start = inspectorpolicies::attributeDefault(name, m_document->resourceType(m_id));
        start && at < m_rows.size())
        m_rows[at].defaultValue = std::move(*start);
}

bool InspectorModel::isPolicyPointer(const std::string &pointer) const
{
    const std::string base = SourceMap::join("/Resources", m_id);
    for (const char *name : {"/UpdatePolicy", "/CreationPolicy"}) {
        const std::string prefix = base + name;
        if (pointer.compare(0, prefix.size(), prefix) == 0
            && (pointer.size() == prefix.size() || pointer[prefix.size()] == '/'))
            return true;
    }
    return false;
}

// Where intrinsic functions belong: property values and policy settings, not resource attributes.
bool InspectorModel::isValuePointer(const std::string &pointer) const
{
    return pointer.find("/Properties/") != std::string::npos || isPolicyPointer(pointer);
}

const PropertyTypeSpec *InspectorModel::nestedType(const std::string &pointer, const std::string &type) const
{
    if (isPolicyPointer(pointer)) {
        if (type == "UpdatePolicy" || type == "CreationPolicy")
            return inspectorpolicies::attribute(type, m_document->resourceType(m_id));
        return inspectorpolicies::type(type);
    }
    const ResourceTypeSpec *resourceSpec = Catalog::instance().find(m_document->resourceType(m_id));
    return resourceSpec ? resourceSpec->propertyType(type) : nullptr;
}

void InspectorModel::addProperties(int depth, const std::string &base, const Json *object,
                                   const std::vector<PropertySpec> *specs, bool showAbsent)
{
    if (specs) {
        for (const PropertySpec &property : *specs) {
            const Json *value = nullptr;
            if (object) {
                if (const auto it = object->find(property.name); it != object->end())
                    value = &*it;
            }
            if (!value && !property.required && !m_showAll && !showAbsent)
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
    if (isPolicyPointer(pointer)) {
        if (std::optional<Json> documented = inspectorpolicies::defaultValue(label.toStdString()))
            row.defaultValue = std::move(*documented);
    }
    row.typeName = QString::fromStdString(spec.type);
    // Intrinsics belong in property values; resource attributes take plain names.
    const bool scalarPrimitive = spec.container == ValueSpec::Container::Scalar && spec.primitive
        && spec.type != "LogicalId" && isValuePointer(pointer);

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
            row.kind = Kind::Intrinsic;
        }
        row.canSwitch = isValuePointer(pointer);
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
        const PropertyTypeSpec *nested = nestedType(pointer, spec.type);
        if (!addChildren(row))
            return;
        // A policy has few settings: all of them are offered, set or not.
        addProperties(depth + 1, pointer, value, nested ? &nested->properties : nullptr, isPolicyPointer(pointer));
        return;
    }
    if (spec.type == "LogicalId" && (!value || value->is_string())) {
        row.kind = Kind::Target;
        row.choices = refTargets();
    } else if (value && (value->is_object() || value->is_array())) {
        row.kind = Kind::Json; // not the shape the specification expects: keep it editable
    } else if (!spec.primitive && value) {
        row.kind = Kind::Json; // a plain value where a nested setting is expected
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

QString InspectorModel::display(const Json &value)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

QString InspectorModel::yamlText(const Json &value)
{
    return QString::fromStdString(writeYamlFragment(value, 2, true));
}

} // namespace sc
