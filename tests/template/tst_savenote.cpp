// The window's save path: Save keeps the file's text (only the edited line changes) and leaves
// the status bar quiet; a save that had to rewrite the whole file says so in the status bar, and
// opening another document clears that note.

#include "app/gui/documentcontroller.h"
#include "model/undo/undoabledocument.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSaveNote : public QObject {
    Q_OBJECT

    QTemporaryDir m_settings;

private slots:
    // Recent files and other settings go to a test location, never the user's.
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("tst_savenote"));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_settings.path()));
        QStandardPaths::setTestModeEnabled(true);
    }

    void saveKeepsTheTextAndReportsARewrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.yaml"));
        QVERIFY(QFile::copy(QStringLiteral(SC_SOURCE_DIR "/tests/data/textedit/anchors-yaml/template.yaml"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray original = readAll(path);
        sc::UndoableDocument document;
        sc::DocumentController controller(&document, nullptr, dir.filePath(QStringLiteral("recovery")));
        QCOMPARE(controller.openFile(path), QString());
        QSignalSpy noteChanged(&controller, &sc::DocumentController::saveNoteChanged);

        QVERIFY(document.setValue("/Resources/Second/Properties/DelaySeconds", 10).ok);
        QCOMPARE(controller.save(), QString());
        QCOMPARE(controller.saveNote(), QString());
        QCOMPARE(readAll(path), QByteArray(original).replace("DelaySeconds: 0", "DelaySeconds: 10"));

        QVERIFY(document.setValue("/Resources/First/Properties/Tags/0/Value", "platform").ok);
        QCOMPARE(controller.save(), QString());
        QVERIFY2(controller.saveNote().startsWith(QStringLiteral("Whole file rewritten: the edit could not be made in place")),
                 qPrintable(controller.saveNote()));
        QCOMPARE(noteChanged.count(), 1);

        QCOMPARE(controller.openFile(path), QString());
        QCOMPARE(controller.saveNote(), QString());
        QCOMPARE(noteChanged.count(), 2);
    }
};

QTEST_MAIN(TestSaveNote)
#include "tst_savenote.moc"
