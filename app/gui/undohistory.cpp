#include "app/gui/undohistory.h"

#include <QUndoStack>

namespace sc {

UndoHistory::UndoHistory(QUndoStack *stack, QObject *parent)
    : QAbstractListModel(parent)
    , m_stack(stack)
    , m_rows(stack->count() + 1)
{
    // A push can drop redoable steps and merge into the top one: simplest to reset the rows,
    // which are few and cheap.
    const auto refresh = [this] {
        beginResetModel();
        m_rows = m_stack->count() + 1;
        endResetModel();
        emit currentIndexChanged();
    };
    connect(stack, &QUndoStack::indexChanged, this, refresh);
    connect(stack, &QUndoStack::cleanChanged, this, refresh);
}

int UndoHistory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant UndoHistory::data(const QModelIndex &index, int role) const
{
    const int row = index.row();
    if (row < 0 || row >= m_rows)
        return {};
    switch (role) {
    case TextRole:
        return row == 0 ? QStringLiteral("Opened") : m_stack->text(row - 1);
    case CleanRole:
        return m_stack->cleanIndex() == row;
    case DoneRole:
        return row <= m_stack->index();
    default:
        return {};
    }
}

QHash<int, QByteArray> UndoHistory::roleNames() const
{
    return {{TextRole, "label"}, {CleanRole, "clean"}, {DoneRole, "done"}};
}

int UndoHistory::currentIndex() const
{
    return m_stack->index();
}

void UndoHistory::setCurrentIndex(int index)
{
    if (index >= 0 && index <= m_stack->count())
        m_stack->setIndex(index);
}

} // namespace sc
