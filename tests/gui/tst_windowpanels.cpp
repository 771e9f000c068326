// The panels around the canvas along users' paths, in the real window offscreen: the Template
// tab after New from Example and after switching views, card badges for the findings of a file
// as it is opened, finding texts that follow edits, the file dialogs' buttons.

#include "windowfixture.h"

#include "app/gui/canvascontroller.h"
#include "app/gui/problemmodel.h"
#include "app/gui/resourcemodel.h"
#include "app/gui/templatetext.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QQmlProperty>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

using namespace sc;
using sc::test::WindowFixture;

class TestWindowPanels : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_files;
    std::unique_ptr<WindowFixture> m_f;

    void settle()
    {
        QTest::qWait(50);
        QCoreApplication::processEvents();
    }
    void showBottomTab(int index)
    {
        QVERIFY(QMetaObject::invokeMethod(m_f->window, "showBottomTab", Q_ARG(QVariant, index)));
        settle();
    }
    // How much of the Template tab's visible text area is inked.
    double templateInk()
    {
        QQuickItem *flick = m_f->item(QStringLiteral("templateFlick"));
        if (!flick)
            return -1;
        // The text column right of the line numbers, as far as the tab shows it.
        const QRectF area = flick->mapRectToScene(QRectF(56, 0, flick->width() - 72, flick->height()));
        return m_f->inkIn(area);
    }
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("StackCanvasTest"));
        QCoreApplication::setApplicationName(QFileInfo(QCoreApplication::applicationFilePath()).baseName());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_files.path() + QStringLiteral("/config")));
        QStandardPaths::setTestModeEnabled(true);
    }
    void init()
    {
        m_f = std::make_unique<WindowFixture>();
        QVERIFY(m_f->load(false, QSize(1600, 1000)));
    }
    void cleanup() { m_f.reset(); }

    // The Template tab shows text (not just line numbers) after File -> New from Example and
    // after going to another view and back to YAML.
    void templateTabKeepsItsText()
    {
        showBottomTab(0);
        QVERIFY(QMetaObject::invokeMethod(m_f->window, "openExample", Q_ARG(QVariant, QStringLiteral("lambda-canary"))));
        settle();
        QQuickItem *code = m_f->item(QStringLiteral("templateCode"));
        QVERIFY(code);
        QVERIFY(code->property("text").toString().startsWith(QStringLiteral("AWSTemplateFormatVersion")));
        QTRY_VERIFY2(templateInk() > 0.02, "the Template tab is blank after New from Example");

        // Scrolled down a little, as a reader would, then another example.
        QQuickItem *flick = m_f->item(QStringLiteral("templateFlick"));
        flick->setProperty("contentY", 400);
        settle();
        QVERIFY(QMetaObject::invokeMethod(m_f->window, "openExample", Q_ARG(QVariant, QStringLiteral("beanstalk-web-worker"))));
        settle();
        QTRY_VERIFY2(templateInk() > 0.02, "the Template tab is blank after a second example");

        for (const QString &format : {QStringLiteral("cfn-json"), QStringLiteral("cdk-ts"), QStringLiteral("cfn-yaml")}) {
            QQuickItem *button = m_f->item(QStringLiteral("format:") + format);
            if (!button)
                continue; // the CDK view exists only with its exporter
            m_f->click(button);
            settle();
            QCOMPARE(m_f->controller->templateText()->format(), format);
            QTRY_VERIFY2(templateInk() > 0.02, qPrintable(QStringLiteral("the Template tab is blank in ") + format));
        }
    }
};

QTEST_MAIN(TestWindowPanels)
#include "tst_windowpanels.moc"
