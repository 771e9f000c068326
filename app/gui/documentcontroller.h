#pragma once
// What QML sees of the open document: the card and edge models, the file name and counts, and
// intent methods. Thin: every decision is the model's.

#include "app/gui/canvascontroller.h"
#include "app/gui/edgemodel.h"
#include "app/gui/resourcemodel.h"

#include <QObject>
#include <QPointF>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace sc {

class Document;

class DocumentController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(sc::ResourceModel *resources READ resources CONSTANT)
    Q_PROPERTY(sc::EdgeModel *edges READ edges CONSTANT)
    Q_PROPERTY(sc::CanvasController *canvas READ canvas CONSTANT)
    Q_PROPERTY(QString fileName READ fileName NOTIFY documentChanged)
    Q_PROPERTY(QString filePath READ filePath NOTIFY documentChanged)
    Q_PROPERTY(int resourceCount READ resourceCount NOTIFY documentChanged)
    Q_PROPERTY(int edgeCount READ edgeCount NOTIFY documentChanged)
    Q_PROPERTY(QString description READ description NOTIFY documentChanged)

public:
    explicit DocumentController(Document *document, QObject *parent = nullptr);

    ResourceModel *resources() const { return m_resources; }
    EdgeModel *edges() const { return m_edges; }
    CanvasController *canvas() const { return m_canvas; }
    QString fileName() const;
    QString filePath() const;
    int resourceCount() const;
    int edgeCount() const;
    QString description() const;
    Document *document() const { return m_document; }

    Q_INVOKABLE QPointF position(const QString &logicalId) const;

signals:
    void documentChanged();

private:
    Document *m_document;
    ResourceModel *m_resources;
    EdgeModel *m_edges;
    CanvasController *m_canvas;
};

} // namespace sc
