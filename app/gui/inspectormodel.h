#pragma once
// The inspector: the selected resource as a flat list of typed rows (depth gives the nesting),
// generated from the catalog's property specification and the template's values. Rows are
// rebuilt on every document change; when the rows keep their shape only their data changes,
// so a field being typed in keeps its delegate and its focus.
//
// Every edit is one Document intent (setValue / removeValue / renameLogicalId). Edits of one
// field carry the same gesture number so that typing a word is one undo step.
//
// With a ProblemModel attached, each row also carries the findings that point at it (or below
// it, when what they point at has no row of its own); findings about the resource as a whole are
// in resourceFindings. UpdatePolicy and CreationPolicy are edited like properties, with the
// schema of inspectorpolicies.h, on the resource types that accept them. Building rows is in inspectormodel.cpp, the intents in inspectoredits.cpp,
// the findings in inspectorfindings.cpp.

#include "model/template/json.h"

#include <QAbstractListModel>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sc {

class Document;
class ProblemModel;
struct PropertySpec;
struct PropertyTypeSpec;

class InspectorModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the DocumentController")
    Q_PROPERTY(QString logicalId READ logicalId WRITE setLogicalId NOTIFY resourceChanged)
    Q_PROPERTY(QString resourceType READ resourceType NOTIFY resourceChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY resourceChanged)
    Q_PROPERTY(QString documentation READ documentation NOTIFY resourceChanged)
    Q_PROPERTY(QString refReturns READ refReturns NOTIFY resourceChanged)
    Q_PROPERTY(bool showAll READ showAll WRITE setShowAll NOTIFY showAllChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QVariantList resourceFindings READ resourceFindings NOTIFY findingsChanged)
    Q_PROPERTY(int focusedRow READ focusedRow NOTIFY focusedRowChanged)

public:
    // What a row edits; QML picks the delegate by it.
    enum class Kind {
        Section,   // a heading: Resource, Attributes, Properties
        LogicalId, // rename
        ReadOnly,  // the type
        String, Number, Boolean, Enum,
        Target,    // a plain logical ID (DependsOn items)
        Ref, GetAtt, Sub,
        Intrinsic, // any other intrinsic function: edited as text in YAML short form (!GetAZs '')
        Json,      // Json-typed properties, unexpected shapes: edited as YAML flow text (JSON is accepted)
        Object,    // nested property type
        List, Map
    };
    Q_ENUM(Kind)

    enum Role {
        DepthRole = Qt::UserRole + 1, LabelRole, PointerRole, KindRole, ValueRole, ChoicesRole,
        RequiredRole, DocumentationRole, PresentRole, ExpandableRole, ExpandedRole, RemovableRole,
        TypeNameRole, TargetRole, AttributeRole, CanSwitchRole, FindingsRole
    };

    explicit InspectorModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString logicalId() const { return QString::fromStdString(m_id); }
    void setLogicalId(const QString &id);
    QString resourceType() const;
    QString displayName() const;
    QString documentation() const;
    QString refReturns() const;
    bool showAll() const { return m_showAll; }
    void setShowAll(bool on);
    QString lastError() const { return m_lastError; }
    // Findings are maps: problemRow (the row to pass to ProblemModel::applyFix), ruleId,
    // severity, path, message, title, explanation, hasFix, fixLabel.
    void setProblems(ProblemModel *problems);
    QVariantList resourceFindings() const { return m_resourceFindings; }
    int focusedRow() const { return m_focusedRow; }

    // A fresh gesture number: a field takes one when it gets focus.
    Q_INVOKABLE int newGesture();
    Q_INVOKABLE int rowOf(const QString &pointer) const;
    // The row that shows a finding at `pointer`: the deepest row at or above it; -1 when the
    // finding is about the resource as a whole (or points outside it).
    Q_INVOKABLE int rowForFinding(const QString &pointer) const;
    // Shows `logicalId`, opens the collapsed values above `pointer` and makes the row that shows
    // it the focused row; emits revealed(row) even when it already was. Returns that row.
    Q_INVOKABLE int reveal(const QString &logicalId, const QString &pointer);
    // Intents, by row. Each returns false (and sets lastError) when nothing changed.
    Q_INVOKABLE bool setText(int row, const QString &text, int gesture = 0);
    Q_INVOKABLE bool setBool(int row, bool value);
    Q_INVOKABLE bool setChoice(int row, const QString &choice);
    Q_INVOKABLE bool setRef(int row, const QString &target);
    Q_INVOKABLE bool setGetAtt(int row, const QString &target, const QString &attribute);
    // "value", "Ref", "GetAtt" or "Sub": replaces the value by a starting value of that form.
    Q_INVOKABLE bool setMode(int row, const QString &mode);
    Q_INVOKABLE bool add(int row);                       // an absent property: its default
    Q_INVOKABLE bool addItem(int row);                   // a list: append a default item
    Q_INVOKABLE bool addEntry(int row, const QString &key); // a map: a new key
    Q_INVOKABLE bool remove(int row);
    Q_INVOKABLE void toggle(int row);
    Q_INVOKABLE bool rename(const QString &newId);
    // Pickers for intrinsic functions.
    Q_INVOKABLE QStringList refTargets() const;
    Q_INVOKABLE QStringList getAttTargets() const;
    Q_INVOKABLE QStringList attributesOf(const QString &logicalId) const;

signals:
    void resourceChanged();
    void showAllChanged();
    void lastErrorChanged();
    void findingsChanged();
    void focusedRowChanged();
    void revealed(int row);

private:
    // What the catalog says a value should be (absent spec: anything, edited as JSON).
    struct ValueSpec {
        enum class Container { Scalar, List, Map, Json } container = Container::Json;
        std::string type; // primitive or nested property-type name
        bool primitive = true;
        std::vector<std::string> enumValues;
        bool required = false;
        std::string documentation;
    };
    struct Row {
        int depth = 0;
        QString label;
        std::string pointer;
        Kind kind = Kind::Json;
        bool present = false;
        bool required = false;
        bool expandable = false;
        bool expanded = false;
        bool removable = false;
        bool canSwitch = false; // may become Ref / GetAtt / Sub and back
        QString documentation;
        QString typeName;
        QStringList choices;
        Json value;          // the node (null when absent)
        Json defaultValue;   // what add() and setMode("value") write
        Json itemDefault;    // what addItem() / addEntry() write
        QVariantList findings;
    };

    static Row makeRow(int depth, const QString &label, const std::string &pointer, Kind kind);
    void rebuild();
    void buildResource(const Json &resource);
    void addProperties(int depth, const std::string &base, const Json *object,
                       const std::vector<PropertySpec> *specs, bool showAbsent = false);
    void addPolicy(const Json &resource, const std::string &base, const char *name);
    const PropertyTypeSpec *nestedType(const std::string &pointer, const std::string &type) const;
    bool isPolicyPointer(const std::string &pointer) const;
    bool isValuePointer(const std::string &pointer) const;
    void addValue(int depth, const QString &label, const std::string &pointer, const Json *value,
                  const ValueSpec &spec, bool removable);
    ValueSpec specOf(const PropertySpec &property) const;
    ValueSpec itemSpec(const ValueSpec &container) const;
    Json defaultFor(const ValueSpec &spec) const;
    const Row *rowAt(int row) const;
    bool apply(bool ok, const std::string &error);
    bool setJson(const Row &row, const Json &value, int gesture = 0);
    void setError(const QString &error);
    static QString display(const Json &value);
    static QString yamlText(const Json &value);
    // The text of an Intrinsic or Json row read back with the template's YAML reader.
    static std::optional<Json> parseYamlValue(const QString &text, std::string &error);
    void attachFindings();
    void updateFocus();

    Document *m_document;
    std::string m_id;
    std::vector<Row> m_rows;
    std::set<std::string> m_collapsed;
    bool m_showAll = false;
    int m_gesture = 0;
    QString m_lastError;
    ProblemModel *m_problems = nullptr;
    QVariantList m_resourceFindings;
    std::string m_focusPointer; // what reveal() asked for; the focused row follows rebuilds
    int m_focusedRow = -1;
};

} // namespace sc
