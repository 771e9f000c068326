// The canvas edited along the paths users take, in the real window offscreen: connecting two
// cards by their handle, adding from the palette, arranging on request. Cards stay where they
// were placed; edges and the minimap always agree with the cards.

#include "windowfixture.h"

#include "app/gui/canvascontroller.h"
#include "app/examples/examples.h"
#include "model/document/autolayout.h"
#include "model/geometry/bluegreen.h"

#include <QCoreApplication>
#include <QLineF>
#include <QFile>
#include <QFileInfo>
#include <QQmlProperty>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtQml/qqmlextensionplugin.h>

#include <functional>
#include <map>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

using namespace sc;
using sc::test::WindowFixture;

namespace {

using Rects = std::map<QString, QRectF>;

// Distance from a point to the outline of a rectangle.
qreal distanceToOutline(QPointF p, const QRectF &r)
{
    const qreal dx = std::max({r.left() - p.x(), 0.0, p.x() - r.right()});
    const qreal dy = std::max({r.top() - p.y(), 0.0, p.y() - r.bottom()});
    if (dx > 0 || dy > 0)
        return std::hypot(dx, dy);
    return std::min({p.x() - r.left(), r.right() - p.x(), p.y() - r.top(), r.bottom() - p.y()});
}

} // namespace

class TestCanvasEditing : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_files;
    std::unique_ptr<WindowFixture> m_f;

    CanvasController *canvas() const { return m_f->controller->canvas(); }
    QQuickItem *canvasView() const { return m_f->find(QStringLiteral("canvasView")); }
    QQuickItem *card(const QString &id) const { return m_f->item(QStringLiteral("card-") + id); }

    // Lets the window settle: the view fits a newly opened document once, validation runs.
    void settle()
    {
        QTest::qWait(50);
        QCoreApplication::processEvents();
    }
    void openExample(const QString &folder)
    {
        QVERIFY(QMetaObject::invokeMethod(m_f->window, "openExample", Q_ARG(QVariant, folder)));
        settle();
        QVERIFY(m_f->document.resourceIds().size() > 3);
    }
    // Every card as the canvas draws it (scene coordinates).
    Rects cardRects() const
    {
        Rects rects;
        for (const std::string &id : m_f->document.resourceIds()) {
            const QString qid = QString::fromStdString(id);
            if (const QQuickItem *c = card(qid))
                rects[qid] = QRectF(c->x(), c->y(), c->width(), c->height());
        }
        return rects;
    }
    // The view shows this scene point: pan so that it is in the middle of the canvas.
    void centreOn(const QRectF &sceneRect)
    {
        QQuickItem *view = canvasView();
        QVERIFY(QMetaObject::invokeMethod(view, "centerOn", Q_ARG(QVariant, sceneRect.center().x()),
                                          Q_ARG(QVariant, sceneRect.center().y())));
        QCoreApplication::processEvents();
    }
    QPointF inWindow(QPointF scenePoint) const
    {
        QQuickItem *view = canvasView();
        const qreal zoom = view->property("zoom").toReal();
        const QPointF local(scenePoint.x() * zoom + view->property("panX").toReal(),
                            scenePoint.y() * zoom + view->property("panY").toReal());
        return view->mapToScene(local);
    }
    // Drags from the source card's connection handle onto the target card.
    void connectByHandle(const QString &source, const QString &target)
    {
        QVERIFY(card(source) && card(target));
        QQuickItem *view = canvasView();
        const Rects rects = cardRects();
        const QRectF both = rects.at(source).united(rects.at(target));
        view->setProperty("zoom", std::min({1.0, (view->width() - 120) / both.width(), (view->height() - 120) / both.height()}));
        centreOn(both);
        QTest::mouseMove(m_f->window, inWindow(rects.at(source).center()).toPoint());
        QQuickItem *handle = m_f->item(QStringLiteral("connectHandle"));
        QVERIFY(handle);
        QTRY_VERIFY(handle->parentItem()->isVisible());
        const QPointF from = handle->mapToScene(QPointF(handle->width() / 2, handle->height() / 2));
        // The pointer travels from the card onto its handle, as a hand does.
        const QPointF over = inWindow(rects.at(source).center());
        for (int i = 1; i <= 8; ++i)
            QTest::mouseMove(m_f->window, (over + (from - over) * (i / 8.0)).toPoint());
        QVERIFY(handle->parentItem()->isVisible());
        m_f->drag(from, inWindow(rects.at(target).center()));
        QCoreApplication::processEvents();
    }
    // Every edge leaves its source card and ends on its target card, as the cards are drawn; the
    // minimap draws every card where the canvas does.
    void checkEdgesAndMinimapFollowCards()
    {
        const Rects rects = cardRects();
        QObject *edges = m_f->find<QObject>(QStringLiteral("edgeLayer"));
        QVERIFY(edges);
        const int count = edges->property("count").toInt();
        QVERIFY(count > 0);
        for (int i = 0; i < count; ++i) {
            QString source, target;
            QPointF start, tip;
            QMetaObject::invokeMethod(edges, "edgeSource", Q_RETURN_ARG(QString, source), Q_ARG(int, i));
            QMetaObject::invokeMethod(edges, "edgeTarget", Q_RETURN_ARG(QString, target), Q_ARG(int, i));
            QMetaObject::invokeMethod(edges, "edgeStart", Q_RETURN_ARG(QPointF, start), Q_ARG(int, i));
            QMetaObject::invokeMethod(edges, "edgeTip", Q_RETURN_ARG(QPointF, tip), Q_ARG(int, i));
            QVERIFY2(distanceToOutline(start, rects.at(source)) < 1,
                     qPrintable(QStringLiteral("edge %1 -> %2 leaves from (%3, %4), away from its card")
                                    .arg(source, target).arg(start.x()).arg(start.y())));
            QVERIFY2(distanceToOutline(tip, rects.at(target)) < 1,
                     qPrintable(QStringLiteral("edge %1 -> %2 ends at (%3, %4), away from its card")
                                    .arg(source, target).arg(tip.x()).arg(tip.y())));
        }
        QObject *minimap = m_f->find<QObject>(QStringLiteral("minimap"));
        QVERIFY(minimap);
        QTest::qWait(150); // the minimap repaints at most every 100 ms
        for (const auto &[id, rect] : rects) {
            QRectF drawn;
            QMetaObject::invokeMethod(minimap, "cardRect", Q_RETURN_ARG(QRectF, drawn), Q_ARG(QString, id));
            QCOMPARE(drawn, rect);
        }
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

    // Connecting two cards of a diagram that has no saved layout: the cards stay, and the edges
    // and the minimap stay on them (they used to jump to a new automatic layout).
    void connectingKeepsEdgesOnTheCards()
    {
        openExample(QStringLiteral("beanstalk-web-worker"));
        const Rects before = cardRects();
        checkEdgesAndMinimapFollowCards();
        const int steps = m_f->document.undoStack()->count();
        connectByHandle(QStringLiteral("InstanceProfile"), QStringLiteral("ServiceRole"));
        QCOMPARE(QString::fromStdString(m_f->document.root()["Resources"]["InstanceProfile"]["Properties"]["Roles"].dump()),
                 QStringLiteral(R"([{"Ref":"InstanceRole"},{"Ref":"ServiceRole"}])"));
        QCOMPARE(m_f->document.undoStack()->count(), steps + 1);
        QCOMPARE(cardRects(), before);
        checkEdgesAndMinimapFollowCards();
        // Undo and redo move nothing either.
        m_f->controller->undo();
        QCoreApplication::processEvents();
        QCOMPARE(cardRects(), before);
        checkEdgesAndMinimapFollowCards();
        m_f->controller->redo();
        QCoreApplication::processEvents();
        QCOMPARE(cardRects(), before);
        checkEdgesAndMinimapFollowCards();
    }

    // Adding from the palette moves no card; a double-click puts the new card on free space near
    // the centre of the view, never on a card; connecting it moves nothing either.
    void addingKeepsCardsWhereTheyAre()
    {
        openExample(QStringLiteral("beanstalk-web-worker"));
        const Rects before = cardRects();
        QQuickItem *view = canvasView();
        // The view centred on the middle of the diagram, where the cards are.
        QRectF all;
        for (const auto &[id, rect] : before)
            all |= rect;
        view->setProperty("zoom", 0.8);
        centreOn(all);
        QTest::qWait(20); // the view's centre reaches the canvas controller a turn later
        QQuickItem *search = m_f->item(QStringLiteral("paletteSearch"));
        QVERIFY(search);
        search->setProperty("text", QStringLiteral("sqs queue"));
        QQuickItem *list = m_f->item(QStringLiteral("paletteList"));
        QQuickItem *entry = nullptr;
        QTRY_VERIFY(QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, entry), Q_ARG(int, 0)) && entry);
        QTest::mouseDClick(m_f->window, Qt::LeftButton, {}, WindowFixture::centreOf(entry));
        QCoreApplication::processEvents();
        QCOMPARE(m_f->document.resourceType("Queue"), std::string("AWS::SQS::Queue"));
        QCOMPARE(canvas()->selection(), QStringList{QStringLiteral("Queue")});

        const Rects after = cardRects();
        for (const auto &[id, rect] : before)
            QCOMPARE(after.at(id), rect);
        const QRectF added = after.at(QStringLiteral("Queue"));
        for (const auto &[id, rect] : before)
            QVERIFY2(!added.intersects(rect), qPrintable(id));
        // Near the centre of what the view shows.
        const QPointF centre = canvas()->viewCenter();
        QVERIFY2(QLineF(added.center(), centre).length() < 400,
                 qPrintable(QStringLiteral("%1,%2 far from %3,%4").arg(added.center().x()).arg(added.center().y()).arg(centre.x()).arg(centre.y())));
        checkEdgesAndMinimapFollowCards();

        connectByHandle(QStringLiteral("Queue"), QStringLiteral("JobDeadLetterQueue"));
        QCOMPARE(QString::fromStdString(m_f->document.root()["Resources"]["Queue"]["Properties"]["RedrivePolicy"]["deadLetterTargetArn"].dump()),
                 QStringLiteral(R"({"Fn::GetAtt":["JobDeadLetterQueue","Arn"]})"));
        QCOMPARE(cardRects(), after);
        checkEdgesAndMinimapFollowCards();
    }

    // Arrange re-runs the automatic layout on request: one undo step that saves every card's
    // position; undo puts the cards back.
    void arrangeIsOneUndoStep()
    {
        openExample(QStringLiteral("beanstalk-web-worker"));
        canvas()->select(QStringLiteral("JobQueue"));
        canvas()->nudgeSelection(320, 160);
        const Rects moved = cardRects();
        const std::string before = m_f->document.root().dump();
        const int steps = m_f->document.undoStack()->count();
        QObject *arrange = m_f->find<QObject>(QStringLiteral("arrangeAction"));
        QVERIFY(arrange);
        QVERIFY(QMetaObject::invokeMethod(arrange, "trigger"));
        QCoreApplication::processEvents();
        QCOMPARE(m_f->document.undoStack()->count(), steps + 1);
        QCOMPARE(m_f->document.undoStack()->text(steps), QStringLiteral("Arrange by traffic flow"));
        const Json *layout = tree::find(m_f->document.root(), Document::kLayoutPointer);
        QVERIFY(layout);
        QCOMPARE(layout->size(), m_f->document.resourceIds().size());
        QVERIFY(cardRects() != moved);
        checkEdgesAndMinimapFollowCards();
        QVERIFY(m_f->document.checkConsistency().empty());
        m_f->controller->undo();
        QCoreApplication::processEvents();
        QCOMPARE(m_f->document.root().dump(), before);
        QCOMPARE(cardRects(), moved);
    }

    // Every example as opened: where requests enter (DNS, load balancers, APIs, aliases) reads
    // left to right through listeners, target groups and fleets to the data. Of two connected
    // resources on the request path, the one nearer the entry stands left of the other; the
    // halves of a blue/green setup are boxed, labelled Blue and Green, each around its cards.
    void trafficReadsLeftToRight_data()
    {
        QTest::addColumn<QString>("folder");
        for (const ExampleInfo &example : examples())
            QTest::newRow(qPrintable(example.folder)) << example.folder;
    }
    void trafficReadsLeftToRight()
    {
        QFETCH(QString, folder);
        openExample(folder);
        const Json &root = m_f->document.root();
        const Graph &graph = m_f->document.graph();
        if (defaultLayoutMode(root, graph) != LayoutMode::TrafficFlow)
            QSKIP("no entry point: laid out by dependencies");
        QCOMPARE(canvas()->property("defaultArrangement").toString(), QStringLiteral("traffic"));
        const Rects rects = cardRects();
        std::map<std::string, int> tier;
        for (const GraphNode &node : graph.nodes())
            if (const auto t = trafficTier(root, node))
                tier[node.id] = *t;
        int checked = 0;
        for (const GraphEdge &e : graph.edges()) {
            if (!tier.count(e.source) || !tier.count(e.target) || tier[e.source] == tier[e.target])
                continue;
            const bool sourceFirst = tier[e.source] < tier[e.target];
            const QString first = QString::fromStdString(sourceFirst ? e.source : e.target);
            const QString then = QString::fromStdString(sourceFirst ? e.target : e.source);
            QVERIFY2(rects.at(first).x() < rects.at(then).x(),
                     qPrintable(QStringLiteral("%1 (x %2) is not left of %3 (x %4)").arg(first).arg(rects.at(first).x())
                                    .arg(then).arg(rects.at(then).x())));
            ++checked;
        }
        // An entry point stands left of everything it is connected to.
        for (const GraphEdge &e : graph.edges()) {
            for (const auto &[entry, other] : {std::pair(e.source, e.target), std::pair(e.target, e.source)}) {
                if (!tier.count(entry) || tier[entry] > 1 || (tier.count(other) && tier[other] <= tier[entry]))
                    continue;
                QVERIFY2(rects.at(QString::fromStdString(entry)).x() < rects.at(QString::fromStdString(other)).x(),
                         qPrintable(QStringLiteral("entry point %1 is not left of %2").arg(QString::fromStdString(entry),
                                                                                         QString::fromStdString(other))));
                ++checked;
            }
        }
        QVERIFY(checked > 0);

        for (const BlueGreenSplit &split : findBlueGreenSplits(root, graph)) {
            for (int side = 0; side < 2; ++side) {
                const QString kind = side == 0 ? QStringLiteral("blue") : QStringLiteral("green");
                QQuickItem *box = nullptr;
                // Boxes are the scene's delegates: visual children only.
                std::function<void(QQuickItem *)> search = [&](QQuickItem *item) {
                    if (item->objectName().startsWith(QStringLiteral("container-")) && item->property("kind").toString() == kind
                        && item->property("rect").toRectF().contains(rects.at(QString::fromStdString(split.seeds[side]))))
                        box = item;
                    for (QQuickItem *child : item->childItems())
                        search(child);
                };
                search(canvasView());
                QVERIFY2(box, qPrintable(kind + QStringLiteral(" box around ") + QString::fromStdString(split.seeds[side])));
                QVERIFY(!box->property("label").toString().isEmpty());
                QVERIFY(box->property("label").toString().contains(side == 0 ? QStringLiteral("Blue") : QStringLiteral("Green"),
                                                                   Qt::CaseInsensitive));
                for (const std::string &id : split.halves[side])
                    QVERIFY2(box->property("rect").toRectF().contains(rects.at(QString::fromStdString(id))), id.c_str());
            }
        }
    }
};

QTEST_MAIN(TestCanvasEditing)
#include "tst_canvasediting.moc"
