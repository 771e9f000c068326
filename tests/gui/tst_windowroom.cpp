// The window as a user first sees it, offscreen: the diagram opens at a zoom where card titles
// are read, the minimap stays small and clear of the controls, and no text of the canvas is cut
// off on any example.

#include "windowfixture.h"

#include "app/gui/canvascontroller.h"
#include "app/examples/examples.h"

#include <QCoreApplication>
#include <QQuickItem>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

using namespace sc;
using sc::test::WindowFixture;

namespace {

// Every visible Text of the window whose text does not fit: elided or cut at its line count
// (`truncated`), or wider than its own box on one line. Named by its text and the objectName
// chain of its parents, for the failure message.
void collectCutText(QQuickItem *item, QStringList &cut)
{
    if (!item || !item->isVisible() || item->opacity() <= 0)
        return;
    // The inspector's labels are held to this by the inspector's own tests.
    if (item->objectName() == QLatin1String("inspector"))
        return;
    if (item->inherits("QQuickText")) {
        const QString text = item->property("text").toString();
        const bool truncated = item->property("truncated").toBool();
        const bool oneLine = item->property("wrapMode").toInt() == 0;
        const bool overflows = oneLine && item->width() > 0 && item->implicitWidth() > item->width() + 1;
        if (!text.isEmpty() && (truncated || overflows)) {
            QString path;
            for (QQuickItem *p = item; p; p = p->parentItem())
                if (!p->objectName().isEmpty())
                    path = p->objectName() + (path.isEmpty() ? QString() : QStringLiteral("/") + path);
            cut << QStringLiteral("\"%1\" (%2: %3 of %4 px)").arg(text.left(60), path).arg(item->width()).arg(item->implicitWidth());
        }
    }
    for (QQuickItem *child : item->childItems())
        collectCutText(child, cut);
}

} // namespace

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

    // Every example, as opened from File → New from Example: nothing of the window is cut off,
    // and every card (scrolled into view or not) sets its whole logical ID, kind and fleet.
    void noTextIsCutOff_data()
    {
        QTest::addColumn<QString>("folder");
        for (const ExampleInfo &example : examples())
            QTest::newRow(qPrintable(example.folder)) << example.folder;
    }
    void noTextIsCutOff()
    {
        QFETCH(QString, folder);
        load(QSize(1400, 860));
        QVERIFY(QMetaObject::invokeMethod(m_f->window, "openExample", Q_ARG(QVariant, folder)));
        QTest::qWait(50);
        QCoreApplication::processEvents();
        QVERIFY(QMetaObject::invokeMethod(canvasView(), "resetZoom"));
        QTest::qWait(50); // layouts settle at the next frame

        QStringList cut;
        collectCutText(m_f->window->contentItem(), cut);
        for (const std::string &id : m_f->document.resourceIds()) {
            QQuickItem *card = m_f->item(QStringLiteral("card-") + QString::fromStdString(id));
            QVERIFY(card);
            // The fleet strip of an Elastic Beanstalk environment holds its whole summary.
            if (QQuickItem *strip = sc::test::findItem(card, QStringLiteral("fleetStrip"))) {
                QQuickItem *text = sc::test::findItem(strip, QStringLiteral("fleetText"));
                QVERIFY(text);
                const QRectF r = text->mapRectToItem(strip, QRectF(0, 0, text->implicitWidth(), text->height()));
                if (r.right() > strip->width() + 1)
                    cut << QStringLiteral("fleet of %1: ends at %2 of %3 px").arg(QString::fromStdString(id))
                               .arg(r.right()).arg(strip->width());
            }
            for (const char *name : {"cardTitle", "cardKind"}) {
                QQuickItem *text = sc::test::findItem(card, QString::fromLatin1(name));
                QVERIFY(text);
                if (text->property("truncated").toBool() || text->implicitWidth() > text->width() + 1)
                    cut << QStringLiteral("%1 of %2: %3 of %4 px").arg(QLatin1String(name), QString::fromStdString(id))
                               .arg(text->width()).arg(text->implicitWidth());
            }
        }
        // With the first card chosen (the inspector fills) and each bottom tab shown.
        m_f->controller->canvas()->select(QString::fromStdString(m_f->document.resourceIds().front()));
        for (int tab = 0; tab < 3; ++tab) {
            QVERIFY(QMetaObject::invokeMethod(m_f->window, "showBottomTab", Q_ARG(QVariant, tab)));
            QTest::qWait(50);
            collectCutText(m_f->window->contentItem(), cut);
        }
        cut.removeDuplicates();
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("\n"))));
    }

    // File → New from Example lists every example with its whole title.
    void exampleTitlesAreWhole()
    {
        load(QSize(1400, 860));
        QObject *menu = m_f->window->findChild<QObject *>(QStringLiteral("examplesMenu"));
        QVERIFY(menu);
        // As the user opens it: the File menu, then its submenu.
        QObject *fileMenu = nullptr;
        for (QObject *candidate : m_f->window->findChildren<QObject *>())
            if (candidate->inherits("QQuickMenu") && candidate->property("title").toString() == QLatin1String("&File"))
                fileMenu = candidate;
        QVERIFY(fileMenu);
        QVERIFY(QMetaObject::invokeMethod(fileMenu, "open"));
        QTRY_VERIFY(fileMenu->property("opened").toBool());
        QVERIFY(QMetaObject::invokeMethod(menu, "open"));
        QTRY_VERIFY(menu->property("opened").toBool());
        QTest::qWait(50);
        QCOMPARE(menu->property("count").toInt(), int(examples().size()));
        QStringList cut;
        collectCutText(m_f->window->contentItem(), cut);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("\n"))));
    }

    // The window starts without a warning of the QML engine (a load cycle between singletons, a
    // dialog refusing its proposed file name, a failed binding).
    void startsWithoutWarnings()
    {
        static QStringList warnings;
        warnings.clear();
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
            if (type != QtDebugMsg && type != QtInfoMsg)
                warnings << text;
        });
        load(QSize(1400, 860));
        QTest::qWait(100);
        qInstallMessageHandler(previous);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QStringLiteral("\n"))));
    }
};

QTEST_MAIN(TestWindowRoom)
#include "tst_windowroom.moc"
