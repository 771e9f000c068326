// The window as a person sees it: `stackcanvas --screenshot` of the default example, light and
// dark, and of rollout rehearsals (a Lambda canary half way, a Beanstalk rolling deployment with
// a failed batch, two strategies compared), against reviewed golden images (tests/golden/shots.txt
// lists them; tests/golden/regenerate.sh rewrites them).
// Text rasterisation may differ by a few levels between font builds, so a pixel counts as
// different only beyond a small per-channel tolerance, and a few such pixels are allowed.

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

class TestScreenshot : public QObject {
    Q_OBJECT

private slots:
    void matchesGolden_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("arguments");
        QFile list(QStringLiteral(SC_SOURCE_DIR "/tests/golden/shots.txt"));
        QVERIFY(list.open(QIODevice::ReadOnly | QIODevice::Text));
        while (!list.atEnd()) {
            const QString line = QString::fromUtf8(list.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            const QString name = words.takeFirst();
            QTest::newRow(qPrintable(name)) << name << words;
        }
    }
    void matchesGolden()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, arguments);
        const QString app = qEnvironmentVariable("SC_STACKCANVAS");
        QVERIFY2(!app.isEmpty(), "SC_STACKCANVAS names the application");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("shot.png"));
        QProcess process;
        process.setWorkingDirectory(QStringLiteral(SC_SOURCE_DIR)); // the status bar shows the path as given
        process.start(app, QStringList{QStringLiteral("--screenshot"), out} + arguments);
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

        const QImage actual = QImage(out).convertToFormat(QImage::Format_RGB32);
        const QString goldenPath = QStringLiteral(SC_SOURCE_DIR "/tests/golden/%1.png").arg(name);
        const QImage golden = QImage(goldenPath).convertToFormat(QImage::Format_RGB32);
        QVERIFY2(!golden.isNull(), qPrintable(goldenPath + QStringLiteral(" is missing: run tests/golden/regenerate.sh")));
        QCOMPARE(actual.size(), golden.size());

        constexpr int channelTolerance = 24;
        qint64 different = 0;
        for (int y = 0; y < golden.height(); ++y) {
            const auto *a = reinterpret_cast<const QRgb *>(actual.constScanLine(y));
            const auto *g = reinterpret_cast<const QRgb *>(golden.constScanLine(y));
            for (int x = 0; x < golden.width(); ++x) {
                if (std::abs(qRed(a[x]) - qRed(g[x])) > channelTolerance
                    || std::abs(qGreen(a[x]) - qGreen(g[x])) > channelTolerance
                    || std::abs(qBlue(a[x]) - qBlue(g[x])) > channelTolerance)
                    ++different;
            }
        }
        const qint64 allowed = qint64(golden.width()) * golden.height() / 500; // 0.2 %
        if (different > allowed)
            actual.save(QStringLiteral(SC_BINARY_DIR "/%1-actual.png").arg(name));
        QVERIFY2(different <= allowed,
                 qPrintable(QStringLiteral("%1 pixels differ (at most %2); the image is in the build directory")
                                .arg(different).arg(allowed)));
    }
};

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
