// svg and png: structure of the SVG (well-formed, one group per resource with its data, one
// group per edge, containers for VPC and subnets) and the PNG's size at a scale, both themes.

#include "exporters/diagram/diagramscene.h"
#include "exporters/diagram/diagramexporter.h"
#include "exporters/exporterregistry.h"
#include "model/template/templatereader.h"

#include <QDirIterator>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest>

using namespace sc;

namespace {

const char *const kTemplate = R"(Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  Web:
    Type: AWS::EC2::Instance
    Properties: {SubnetId: !Ref SubnetA, ImageId: ami-12345678}
  Bucket:
    Type: AWS::S3::Bucket
)";

struct Parsed {
    QStringList resourceIds, edgePairs, containers;
    bool wellFormed = false;
    QString error;
};

Parsed parseSvg(const QByteArray &svg)
{
    Parsed p;
    QXmlStreamReader x(svg);
    while (!x.atEnd()) {
        if (x.readNext() != QXmlStreamReader::StartElement || x.name() != QLatin1String("g"))
            continue;
        const auto a = x.attributes();
        if (a.value(QLatin1String("class")) == QLatin1String("resource"))
            p.resourceIds << a.value(QLatin1String("data-logical-id")).toString() + QLatin1Char('|')
                                 + a.value(QLatin1String("data-type")).toString();
        if (a.value(QLatin1String("class")) == QLatin1String("edge"))
            p.edgePairs << a.value(QLatin1String("data-source")).toString() + QLatin1String("->")
                               + a.value(QLatin1String("data-target")).toString();
        if (a.hasAttribute(QLatin1String("data-kind")))
            p.containers << a.value(QLatin1String("data-kind")).toString() + QLatin1Char(':')
                                + a.value(QLatin1String("id")).toString();
    }
    p.wellFormed = !x.hasError();
    p.error = x.errorString();
    return p;
}

} // namespace

class TestDiagramExporter : public QObject {
    Q_OBJECT

public:
    TestDiagramExporter() { registerDiagramExporters(); }

private slots:
    void svgStructure()
    {
        Document document;
        document.reset(readTemplate(kTemplate, "t.yaml"));
        const ExportResult r = ExporterRegistry::instance().find("svg")->write(document, {});
        QVERIFY(r.ok);
        const Parsed p = parseSvg(r.bytes);
        QVERIFY2(p.wellFormed, qPrintable(p.error));
        QCOMPARE(p.resourceIds, (QStringList{QStringLiteral("Vpc|AWS::EC2::VPC"), QStringLiteral("SubnetA|AWS::EC2::Subnet"),
                                             QStringLiteral("Web|AWS::EC2::Instance"), QStringLiteral("Bucket|AWS::S3::Bucket")}));
        QCOMPARE(p.edgePairs, (QStringList{QStringLiteral("SubnetA->Vpc"), QStringLiteral("Web->SubnetA")}));
        QCOMPARE(p.containers, (QStringList{QStringLiteral("vpc:container-Vpc"), QStringLiteral("subnet:container-SubnetA")}));
    }

    void containersHoldTheirMembers()
    {
        Document document;
        document.reset(readTemplate(kTemplate, "t.yaml"));
        const DiagramScene scene = DiagramScene::build(document, "light", QString());
        QCOMPARE(scene.containers.size(), std::size_t(2));
        const auto card = [&](const std::string &id) {
            for (const DiagramCard &c : scene.cards)
                if (c.id == id)
                    return c.rect;
            return QRectF();
        };
        QVERIFY(scene.containers[1].rect.contains(card("Web")));
        QVERIFY(scene.containers[1].rect.contains(card("SubnetA")));
        QVERIFY(scene.containers[0].rect.contains(scene.containers[1].rect));
        QVERIFY(!scene.containers[0].rect.contains(card("Bucket")));
        QVERIFY(scene.bounds.contains(scene.containers[0].rect));
    }

    void escapesText()
    {
        Document document;
        document.reset(readTemplate("Resources:\n  A:\n    Type: 'Vendor::<x>&\"y\"::Z'\n", "t.yaml"));
        const ExportResult r = ExporterRegistry::instance().find("svg")->write(document, {});
        const Parsed p = parseSvg(r.bytes);
        QVERIFY2(p.wellFormed, qPrintable(p.error));
        QCOMPARE(p.resourceIds, QStringList{QStringLiteral("A|Vendor::<x>&\"y\"::Z")});
    }

    void pngSizeAndThemes()
    {
        Document document;
        document.reset(readTemplate(kTemplate, "t.yaml"));
        const DiagramScene scene = DiagramScene::build(document, "light", QString());
        for (const double scale : {1.0, 2.0, 0.5}) {
            ExportOptions options;
            options.scale = scale;
            const ExportResult r = ExporterRegistry::instance().find("png")->write(document, options);
            QVERIFY(r.ok);
            QImage img;
            QVERIFY(img.loadFromData(r.bytes, "PNG"));
            QCOMPARE(img.size(), QSize(qCeil(scene.bounds.width() * scale), qCeil(scene.bounds.height() * scale)));
        }
        ExportOptions dark;
        dark.theme = "dark";
        QImage light, night;
        QVERIFY(light.loadFromData(ExporterRegistry::instance().find("png")->write(document, {}).bytes, "PNG"));
        QVERIFY(night.loadFromData(ExporterRegistry::instance().find("png")->write(document, dark).bytes, "PNG"));
        // The corner is canvas: Theme.qml's canvas colour in each theme.
        QCOMPARE(light.pixelColor(1, 1).name(), QStringLiteral("#fbfbfc"));
        QCOMPARE(night.pixelColor(1, 1).name(), QStringLiteral("#1b1e24"));
        // A card's face: Theme.card, a little inside its top-left corner.
        const DiagramCard &bucket = scene.cards.back();
        const QPointF at = (bucket.rect.topLeft() - scene.bounds.topLeft()) + QPointF(40, 8);
        QCOMPARE(light.pixelColor(at.toPoint()).name(), QStringLiteral("#ffffff"));
        QCOMPARE(night.pixelColor(at.toPoint()).name(), QStringLiteral("#252a33"));
    }

    // Every kind of resource the examples draw has its icon in the PNG, as on the canvas: the
    // icon square of each card is not the plain card face.
    void everyExampleCardHasItsIconInThePng()
    {
        QDirIterator it(QStringLiteral(SC_SOURCE_DIR "/examples"), {QStringLiteral("template.yaml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QSet<QString> kinds;
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            Document document;
            document.reset(readTemplate(file.readAll().toStdString(), path.toStdString()));
            const DiagramScene scene = DiagramScene::build(document, "light", defaultIconDirectory());
            const QImage image = DiagramExporter::image(scene, 1);
            for (const DiagramCard &card : scene.cards) {
                const QString what = QStringLiteral("%1 (%2) in %3").arg(QString::fromStdString(card.id),
                                                                          QString::fromStdString(card.type), path);
                QVERIFY2(!card.iconPath.isEmpty(), qPrintable(what));
                const QPointF corner = card.rect.topLeft() - scene.bounds.topLeft();
                const QRect square = QRectF(corner.x() + card::kIconX, corner.y() + card.rect.height() / 2 - card::kIconSize / 2,
                                            card::kIconSize, card::kIconSize).toRect();
                int ink = 0;
                for (int y = square.top(); y <= square.bottom(); ++y)
                    for (int x = square.left(); x <= square.right(); ++x)
                        ink += image.pixelColor(x, y) != scene.theme.card;
                QVERIFY2(ink > square.width() * square.height() / 2, qPrintable(what));
                kinds << QString::fromStdString(card.type);
            }
        }
        QVERIFY(kinds.contains(QStringLiteral("AWS::Route53::RecordSet")));
    }
};

QTEST_MAIN(TestDiagramExporter)
#include "tst_diagramexporter.moc"
