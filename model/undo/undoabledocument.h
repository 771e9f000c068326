#pragma once
// The window's document: every edit is one step on a QUndoStack, and the stack's clean state is
// the document's "modified". The command line uses the plain Document, which keeps no history
// and so needs nothing of Qt Gui.

#include "model/document/document.h"

#include <QUndoStack>

namespace sc {

class UndoableDocument : public Document {
    Q_OBJECT

public:
    explicit UndoableDocument(QObject *parent = nullptr);
    ~UndoableDocument() override;

    QUndoStack *undoStack() const { return m_undoStack; }

private:
    QUndoStack *m_undoStack; // owned by the history the base class holds
};

} // namespace sc
