#pragma once
// What the canvas's Qt Quick tests see besides the QML: a real Document and DocumentController,
// and the document's full state as text, so that every step can be compared exactly.

#include "app/gui/documentcontroller.h"
#include "model/undo/undoabledocument.h"

#include <QObject>

namespace sc {

class CanvasHarness : public QObject {
    Q_OBJECT
    Q_PROPERTY(sc::DocumentController *controller READ controller CONSTANT)

public:
    explicit CanvasHarness(QObject *parent = nullptr);
    DocumentController *controller() const { return m_controller; }

    // Replaces the document with a YAML template; returns the error, "" on success.
    Q_INVOKABLE QString load(const QString &yaml);
    Q_INVOKABLE QString dump() const; // Document::root() as compact JSON
    Q_INVOKABLE QString value(const QString &pointer) const; // "" when absent
    Q_INVOKABLE QString type(const QString &logicalId) const;
    Q_INVOKABLE QStringList resourceIds() const;
    Q_INVOKABLE QString consistency() const; // "" when every invariant holds
    Q_INVOKABLE int undoCount() const;
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();
    Q_INVOKABLE QString overlayDefaults(const QString &type) const;

private:
    UndoableDocument m_document;
    DocumentController *m_controller;
};

} // namespace sc
