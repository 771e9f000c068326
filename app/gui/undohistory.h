#pragma once
// The undo-history view's model: one row for the document as opened, then one per undo step of
// the document's QUndoStack, with the current step. Choosing a row undoes or redoes up to it.

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class QUndoStack;

namespace sc {

class UndoHistory : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the DocumentController")
    // The row of the state the document is in (0: as opened).
    Q_PROPERTY(int currentIndex READ currentIndex WRITE setCurrentIndex NOTIFY currentIndexChanged)

public:
    enum Role { TextRole = Qt::UserRole + 1, CleanRole, DoneRole };

    explicit UndoHistory(QUndoStack *stack, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int currentIndex() const;
    void setCurrentIndex(int index);

signals:
    void currentIndexChanged();

private:
    QUndoStack *m_stack;
    int m_rows = 0;
};

} // namespace sc
