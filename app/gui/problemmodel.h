#pragma once
// The Problems panel's rows: the findings of every rule on the open document, re-validated after
// each change (coalesced: several changes in one event-loop turn validate once), incrementally:
// only the rules an edit can affect re-run (IncrementalValidator), with a full run's result. Each row
// carries what the panel, the card badges and the inspector show, and applyFix(row) runs the
// finding's fix as one undo command.

#include "model/document/documentchange.h"
#include "model/rules/incrementalvalidator.h"

#include <QAbstractListModel>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace sc {

class Document;
struct DocumentChange;

class ProblemModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the DocumentController")
    Q_PROPERTY(int errors READ errors NOTIFY countsChanged)
    Q_PROPERTY(int warnings READ warnings NOTIFY countsChanged)
    Q_PROPERTY(int infos READ infos NOTIFY countsChanged)

public:
    enum Role {
        RuleIdRole = Qt::UserRole + 1,
        SeverityRole,
        LogicalIdRole,
        PathRole,
        LineRole,
        ColumnRole,
        MessageRole,
        TitleRole,
        ExplanationRole,
        HasFixRole,
        FixLabelRole
    };

    explicit ProblemModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int errors() const { return m_counts[0]; }
    int warnings() const { return m_counts[1]; }
    int infos() const { return m_counts[2]; }
    const std::vector<Finding> &findings() const { return m_findings; }

    // Applies the fix of that row through Document::edit; false (and nothing changes) when the
    // row has no fix or the edit is refused.
    Q_INVOKABLE bool applyFix(int row);
    // Validates now instead of at the next event-loop turn (tests, first display): what changed
    // since the last validation, or everything when nothing is known to have changed.
    Q_INVOKABLE void refresh();

signals:
    void countsChanged();
    // After every validation, with how long it took.
    void validated(double milliseconds);

private:
    Document *m_document;
    IncrementalValidator m_validator;
    DocumentChange m_pending; // the changes not validated yet, merged
    std::vector<Finding> m_findings;
    int m_counts[3] = {0, 0, 0};
    QTimer m_timer;
    static constexpr int kSettleMs = 400;
};

} // namespace sc
