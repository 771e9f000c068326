// The canvas's card model and the live rectangle: only the cards that enter or leave it are
// told, in runs of neighbouring rows, and a move that carries a card across its edge says so.

#include "app/gui/resourcemodel.h"
#include "model/document/document.h"
#include "model/template/templatereader.h"

#include <QSignalSpy>
#include <QTest>

namespace {

// Five queues in a row, 1,000 units apart, each card 200 units wide or so.
const char *const kRow = "Resources:\n"
                         "  Q0: {Type: AWS::SQS::Queue}\n"
                         "  Q1: {Type: AWS::SQS::Queue}\n"
                         "  Q2: {Type: AWS::SQS::Queue}\n"
                         "  Q3: {Type: AWS::SQS::Queue}\n"
                         "  Q4: {Type: AWS::SQS::Queue}\n"
                         "Metadata:\n"
                         "  StackCanvas:\n"
                         "    layout:\n"
                         "      Q0: {x: 0, y: 0}\n"
                         "      Q1: {x: 1000, y: 0}\n"
                         "      Q2: {x: 2000, y: 0}\n"
                         "      Q3: {x: 3000, y: 0}\n"
                         "      Q4: {x: 4000, y: 0}\n";

// The rows each dataChanged signal named, as "first-last", with its roles.
QStringList runs(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &signal : spy) {
        const auto first = signal.at(0).value<QModelIndex>(), last = signal.at(1).value<QModelIndex>();
        QStringList roles;
        for (const int role : signal.at(2).value<QList<int>>())
            roles << QString::number(role);
        out << QStringLiteral("%1-%2 [%3]").arg(first.row()).arg(last.row()).arg(roles.join(QLatin1Char(',')));
    }
    return out;
}

} // namespace

class TestResourceModel : public QObject {
    Q_OBJECT

private slots:
    void onlyCardsThatCrossTheEdgeAreTold()
    {
        sc::Document document;
        document.reset(sc::readTemplate(kRow, "row.yaml"), "row.yaml");
        sc::ResourceModel model(&document);
        QObject::connect(&document, &sc::Document::changed, &model, &sc::ResourceModel::apply);
        QCOMPARE(model.rowCount(), 5);
        const auto live = [&] {
            QString out;
            for (int row = 0; row < model.rowCount(); ++row)
                out += model.data(model.index(row), sc::ResourceModel::LiveRole).toBool() ? QLatin1Char('1') : QLatin1Char('0');
            return out;
        };
        QCOMPARE(live(), QStringLiteral("11111")); // no rectangle yet: all live

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QString liveRole = QString::number(sc::ResourceModel::LiveRole);
        model.setLiveRect(QRectF(-100, -100, 1500, 400)); // Q0 and Q1
        QCOMPARE(live(), QStringLiteral("11000"));
        QCOMPARE(runs(changed), QStringList{QStringLiteral("2-4 [%1]").arg(liveRole)});

        changed.clear();
        model.setLiveRect(QRectF(1900, -100, 1500, 400)); // Q2 and Q3
        QCOMPARE(live(), QStringLiteral("00110"));
        QCOMPARE(runs(changed), (QStringList{QStringLiteral("0-3 [%1]").arg(liveRole)}));

        changed.clear();
        model.setLiveRect(QRectF(1900, -100, 1500, 400)); // the same: nothing to tell
        QVERIFY(changed.isEmpty());

        // A card's edges count, and so does what hangs below it.
        const QSizeF size = document.cardLayout("Q4").size;
        model.setLiveRect(QRectF(4000 + size.width(), 0, 10, 10));
        QCOMPARE(live(), QStringLiteral("00001"));
        model.setLiveRect(QRectF(4000, size.height() + sc::ResourceModel::kHang, 10, 10));
        QCOMPARE(live(), QStringLiteral("00001"));
        model.setLiveRect(QRectF(4000, size.height() + sc::ResourceModel::kHang + 1, 10, 10));
        QCOMPARE(live(), QStringLiteral("00000"));

        // A move tells the card's position and whether it is live.
        model.setLiveRect(QRectF(-100, -100, 1500, 400));
        changed.clear();
        QVERIFY(document.moveNodes({{"Q3", QPointF(500, 0)}}).ok);
        QCOMPARE(live(), QStringLiteral("11010"));
        QCOMPARE(runs(changed), (QStringList{QStringLiteral("3-3 [%1,%2,%3]").arg(sc::ResourceModel::XRole).arg(sc::ResourceModel::YRole).arg(liveRole)}));
    }
};

QTEST_GUILESS_MAIN(TestResourceModel)
#include "tst_resourcemodel.moc"
