// The window as a person sees it: `stackcanvas --screenshot` of the default example, light and
// dark, against reviewed golden images (tests/golden; tests/golden/regenerate.sh rewrites them).
// Text rasterisation may differ by a few levels between font builds, so a pixel counts as
// different only beyond a small per-channel tolerance, and a few such pixels are allowed.

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
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << "light";
        QTest::newRow("dark") << "dark";
    }
    void matchesGolden()
    {
        QFETCH(QString, theme);
        const QString app = qEnvironmentVariable("SC_STACKCANVAS");
        QVERIFY2(!app.isEmpty(), "SC_STACKCANVAS names the application");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("shot.png"));
        QProcess process;
        process.start(app, {QStringLiteral("--screenshot"), out, QStringLiteral("--theme"), theme});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);

        const QImage actual = QImage(out).convertToFormat(QImage::Format_RGB32);
        const QString goldenPath = QStringLiteral(SC_SOURCE_DIR "/tests/golden/window-%1.png").arg(theme);
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
            actual.save(QStringLiteral(SC_BINARY_DIR "/window-%1-actual.png").arg(theme));
        QVERIFY2(different <= allowed,
                 qPrintable(QStringLiteral("%1 pixels differ (at most %2); the image is in the build directory")
                                .arg(different).arg(allowed)));
    }
};

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
