// The window as a user first sees it, offscreen: the diagram opens at a zoom where card titles
// are read, the minimap stays small and clear of the controls, and no text of the canvas is cut
// off on any example.

#include "windowfixture.h"

#include "app/gui/canvascontroller.h"
#include "app/gui/examples.h"

#include <QCoreApplication>
#include <QQuickItem>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

using namespace sc;
using sc::test::WindowFixture;

class TestWindowRoom : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<WindowFixture> m_f;

    QQuickItem *canvasView() const { return m_f->find(QStringLiteral("canvasView")); }
    qreal zoom() const { return canvasView()->property("zoom").toReal(); }
    qreal readableZoom() const { return canvasView()->property("readableZoom").toReal(); }
    QRectF sceneRectOf(const QQuickItem *item) const
    {
        return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    }
    void load(QSize size)
    {
        m_f = std::make_unique<WindowFixture>();
        loadExample(m_f->document, defaultExample());
        QVERIFY(m_f->load(false, size));
        QTest::qWait(50);
        QCoreApplication::processEvents();
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("StackCanvasTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowroom"));
        QStandardPaths::setTestModeEnabled(true);
    }
    void cleanup() { m_f.reset(); }

    // The window size --screenshot uses by default, and a small laptop screen's.
    void firstViewIsReadable_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1400x860") << QSize(1400, 860);
        QTest::newRow("1280x720") << QSize(1280, 720);
        QTest::newRow("1920x1200") << QSize(1920, 1200);
    }
    void firstViewIsReadable()
    {
        QFETCH(QSize, size);
        load(size);
        QVERIFY2(zoom() >= readableZoom(), qPrintable(QString::number(zoom())));
        // The view starts where the diagram starts, and the cards it shows draw their titles.
        const QRectF view = sceneRectOf(canvasView());
        int shown = 0;
        for (const std::string &id : m_f->document.resourceIds()) {
            QQuickItem *card = m_f->item(QStringLiteral("card-") + QString::fromStdString(id));
            QVERIFY(card);
            if (!view.intersects(sceneRectOf(card)))
                continue;
            ++shown;
            const QQuickItem *title = sc::test::findItem(card, QStringLiteral("cardTitle"));
            QVERIFY(title);
            QVERIFY2(title->isVisible(), id.c_str());
        }
        QVERIFY(shown >= 3);

        // "Fit" keeps the titles readable too.
        QQuickItem *fit = m_f->item(QStringLiteral("fit"));
        QVERIFY(fit);
        QVERIFY(QMetaObject::invokeMethod(canvasView(), "zoomOut"));
        QVERIFY(QMetaObject::invokeMethod(canvasView(), "zoomOut"));
        QVERIFY(QMetaObject::invokeMethod(canvasView(), "zoomOut"));
        QVERIFY(zoom() < readableZoom());
        m_f->click(fit);
        QVERIFY(zoom() >= readableZoom());
    }

    // The minimap never covers the zoom controls and takes little of the canvas; when the canvas
    // is too narrow for both, the minimap goes.
    void minimapStaysClearOfTheControls_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("minimapShown");
        QTest::newRow("1400x860") << QSize(1400, 860) << true;
        QTest::newRow("1920x1200") << QSize(1920, 1200) << true;
        QTest::newRow("900x560") << QSize(900, 560) << false;
    }
    void minimapStaysClearOfTheControls()
    {
        QFETCH(QSize, size);
        QFETCH(bool, minimapShown);
        load(size);
        QQuickItem *minimap = m_f->item(QStringLiteral("minimapFrame"));
        QQuickItem *zoomBar = m_f->item(QStringLiteral("zoomBar"));
        QVERIFY(minimap && zoomBar);
        QCOMPARE(minimap->isVisible(), minimapShown);
        if (!minimapShown)
            return;
        const QRectF canvasRect = sceneRectOf(canvasView());
        const QRectF mapRect = sceneRectOf(minimap);
        QVERIFY(!mapRect.intersects(sceneRectOf(zoomBar)));
        QVERIFY(canvasRect.contains(mapRect));
        QVERIFY2(mapRect.width() * mapRect.height() <= 0.06 * canvasRect.width() * canvasRect.height(),
                 qPrintable(QStringLiteral("%1x%2 of %3x%4").arg(mapRect.width()).arg(mapRect.height())
                                .arg(canvasRect.width()).arg(canvasRect.height())));
    }
};

QTEST_MAIN(TestWindowRoom)
#include "tst_windowroom.moc"
