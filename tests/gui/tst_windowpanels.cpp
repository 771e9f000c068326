// The panels around the canvas along users' paths, in the real window offscreen: the Template
// tab after New from Example and after switching views, card badges for the findings of a file
// as it is opened, finding texts that follow edits, the file dialogs' buttons.

#include "windowfixture.h"

#include "app/gui/canvascontroller.h"
#include "app/gui/problemmodel.h"
#include "app/gui/resourcemodel.h"
#include "app/gui/templatetext.h"
#include "model/document/documentio.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QQmlProperty>
#include <QStandardPaths>
#include <QUndoStack>
#include <QUrl>
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
    // The texts of the visible buttons under `root`.
    static QStringList buttonTexts(QQuickItem *root)
    {
        QStringList texts;
        if (!root || !root->isVisible())
            return texts;
        if (root->inherits("QQuickAbstractButton"))
            texts << root->property("text").toString();
        for (QQuickItem *child : root->childItems())
            texts << buttonTexts(child);
        return texts;
    }
    // Types a file name into the open file dialog and presses Enter, as a user does.
    void typeFileNameAndEnter(QObject *dialog, const QString &name)
    {
        QQuickItem *field = nullptr;
        QTRY_VERIFY((field = m_f->item(QStringLiteral("fileNameTextField"))) && field->isVisible());
        // A person reads the dialog before typing; the wait ends early once Enter is handled.
        const bool ready = QTest::qWaitFor([&] { return dialog->property("ready").toBool(); }, 1000);
        Q_UNUSED(ready) // without Enter handled, the checks below say what the user sees
        QQuickItem *footer = field->parentItem();
        const QStringList buttons = buttonTexts(footer);
        QVERIFY2(!buttons.contains(QStringLiteral("Open")), qPrintable(buttons.join(QStringLiteral(", "))));
        m_buttons = buttons;
        field->forceActiveFocus();
        field->setProperty("text", name);
        QTest::keyClick(m_f->window, Qt::Key_Return);
        QCoreApplication::processEvents();
    }
    QStringList m_buttons; // those of the last file dialog
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
        sc::test::isolateSettings(m_files);
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

    // Save As says "Save" on its accept button, and Enter in the file-name field saves.
    void saveAsAcceptsOnEnter()
    {
        QVERIFY(QMetaObject::invokeMethod(m_f->window, "openExample", Q_ARG(QVariant, QStringLiteral("lambda-canary"))));
        settle();
        QObject *dialog = m_f->window->findChild<QObject *>(QStringLiteral("saveDialog"));
        QVERIFY(dialog);
        dialog->setProperty("currentFolder", QUrl::fromLocalFile(m_files.path()));
        QVERIFY(QMetaObject::invokeMethod(m_f->window, "saveAs"));
        typeFileNameAndEnter(dialog, QStringLiteral("canary.yaml"));
        QVERIFY2(m_buttons.contains(QStringLiteral("Save")), qPrintable(m_buttons.join(QStringLiteral(", "))));
        const QString path = m_files.filePath(QStringLiteral("canary.yaml"));
        QTRY_VERIFY2(QFile::exists(path), "Enter in the file name did not save");
        QCOMPARE(m_f->controller->filePath(), path);
        QVERIFY(!m_f->controller->isModified());
    }

    // Export's file dialog says "Export", and Enter in its file-name field exports.
    void exportAcceptsOnEnter()
    {
        QVERIFY(QMetaObject::invokeMethod(m_f->window, "openExample", Q_ARG(QVariant, QStringLiteral("lambda-canary"))));
        settle();
        QObject *exportDialog = m_f->window->findChild<QObject *>(QStringLiteral("exportDialog"));
        QVERIFY(exportDialog);
        QVERIFY(QMetaObject::invokeMethod(exportDialog, "open"));
        QObject *files = exportDialog->findChild<QObject *>(QStringLiteral("exportFileDialog"));
        QVERIFY(files);
        files->setProperty("currentFolder", QUrl::fromLocalFile(m_files.path()));
        QQuickItem *choose = nullptr;
        QTRY_VERIFY((choose = m_f->item(QStringLiteral("exportChooseButton"))) && choose->isVisible());
        m_f->click(choose);
        const QString extension = QQmlProperty::read(exportDialog, QStringLiteral("format")).toMap().value(QStringLiteral("extension")).toString();
        typeFileNameAndEnter(files, QStringLiteral("exported.") + extension);
        QVERIFY2(m_buttons.contains(QStringLiteral("Export")), qPrintable(m_buttons.join(QStringLiteral(", "))));
        QTRY_VERIFY2(QFile::exists(m_files.filePath(QStringLiteral("exported.") + extension)), "Enter in the file name did not export");
    }

    // The help line under the inspector describes a row of the resource shown, never a row of the
    // resource inspected before.
    void inspectorHelpFollowsTheResource()
    {
        QVERIFY(QMetaObject::invokeMethod(m_f->window, "openExample", Q_ARG(QVariant, QStringLiteral("lambda-canary"))));
        settle();
        const std::vector<std::string> ids = m_f->document.resourceIds();
        QVERIFY(ids.size() >= 2);
        m_f->controller->canvas()->select(QString::fromStdString(ids[0]));
        settle();
        QQuickItem *rows = m_f->item(QStringLiteral("inspectorRows"));
        QVERIFY(rows);
        QQuickItem *row = nullptr;
        QString documentation;
        for (int i = 0; i < rows->property("count").toInt() && documentation.isEmpty(); ++i) {
            QVERIFY(QMetaObject::invokeMethod(rows, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, row), Q_ARG(int, i)));
            if (row && row->isVisible())
                documentation = row->property("documentation").toString();
        }
        QVERIFY2(!documentation.isEmpty(), "no documented row");
        QTest::mouseMove(m_f->window, WindowFixture::centreOf(row));
        settle();
        QQuickItem *help = m_f->item(QStringLiteral("inspectorHelp"));
        QVERIFY(help);
        QCOMPARE(help->property("text").toString(), documentation);

        // The pointer leaves for the canvas; another card is selected.
        QTest::mouseMove(m_f->window, WindowFixture::centreOf(m_f->find(QStringLiteral("canvasView"))));
        m_f->controller->canvas()->select(QString::fromStdString(ids[1]));
        settle();
        QCOMPARE(help->property("text").toString(), QStringLiteral("Point at a property to read what it does."));
    }

    // A file with findings shows their badges on its cards at once, before any edit: when the
    // application starts with it (the document read before the window exists) and when it is
    // opened from the window.
    void badgesForFindingsOfAnOpenedFile_data()
    {
        QTest::addColumn<bool>("atStart");
        QTest::newRow("given at start") << true;
        QTest::newRow("opened from the window") << false;
    }
    void badgesForFindingsOfAnOpenedFile()
    {
        QFETCH(bool, atStart);
        const QString path = writeFile(QStringLiteral("badge.yaml"),
                                       "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n"
                                       "      Runtime: python3.12\n      Handler: index.handler\n"
                                       "  Topic:\n    Type: AWS::SNS::Topic\n");
        if (atStart) {
            m_f = std::make_unique<WindowFixture>();
            openDocument(m_f->document, path.toStdString());
            QVERIFY(m_f->load(false, QSize(1600, 1000)));
        } else {
            QVERIFY(QMetaObject::invokeMethod(m_f->window, "openPath", Q_ARG(QVariant, path)));
        }
        settle();
        QCOMPARE(m_f->controller->filePath(), path);
        QVERIFY(!m_f->document.undoStack()->canUndo());
        QQuickItem *card = nullptr;
        QTRY_VERIFY((card = m_f->item(QStringLiteral("card-Fn"))));
        // Code and Role are required: the function's card carries an error badge; the topic none.
        QTRY_COMPARE(card->property("severity").toString(), QStringLiteral("error"));
        QQuickItem *topic = m_f->item(QStringLiteral("card-Topic"));
        QVERIFY(topic);
        QCOMPARE(topic->property("severity").toString(), QString());
    }
};

QTEST_MAIN(TestWindowPanels)
#include "tst_windowpanels.moc"
