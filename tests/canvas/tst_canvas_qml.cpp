// Qt Quick Test runner for the canvas: tests in qml/ drive the real CanvasView and PalettePanel
// offscreen against a real Document, exposed to them as `harness`.

#include "canvasharness.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("harness"), new sc::CanvasHarness(engine));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(canvas, Setup)

#include "tst_canvas_qml.moc"
