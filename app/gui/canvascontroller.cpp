#include "app/gui/canvascontroller.h"

#include "app/gui/containermodel.h"

#include "model/catalog/catalog.h"
#include "model/document/autolayout.h"
#include "model/document/clipboard.h"
#include "model/document/document.h"
#include "model/geometry/fleetsummary.h"
#include "model/geometry/placement.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

#include <cmath>

namespace sc {

namespace {

const QString kFragmentMime = QStringLiteral("application/x-stackcanvas-fragment");

std::vector<std::string> toStd(const QStringList &ids)
{
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(ids.size()));
    for (const QString &id : ids)
        out.push_back(id.toStdString());
    return out;
}

} // namespace

CanvasController::CanvasController(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_containerModel(new ContainerModel(this))
{
    m_moveTimer.setSingleShot(true);
    m_moveTimer.setInterval(16); // a drag moves the model at most once per frame
    connect(&m_moveTimer, &QTimer::timeout, this, &CanvasController::applyPendingMove);

    // A selected card that disappears (delete, undo of an add) leaves the selection.
    connect(document, &Document::changed, this, [this](const DocumentChange &change) {
        QStringList kept;
        for (const QString &id : m_selection) {
            QString current = id;
            for (const auto &[from, to] : change.renamed) {
                if (id.toStdString() == from)
                    current = QString::fromStdString(to);
            }
            if (m_document->resource(current.toStdString()))
                kept << current;
        }
        if (kept != m_selection)
            setSelection(kept);
        ++m_revision;
        emit revisionChanged();
        rebuildContainers(&change);
        if (change.reset)
            emit documentReset();
    });
    rebuildContainers();
}

void CanvasController::setSelection(QStringList ids)
{
    if (ids == m_selection)
        return;
    m_selection = std::move(ids);
    emit selectionChanged();
}

void CanvasController::setMessage(const QString &message)
{
    if (message == m_message)
        return;
    m_message = message;
    emit messageChanged();
}

void CanvasController::clearMessage() { setMessage({}); }

void CanvasController::setSnapToGrid(bool snap)
{
    if (snap == m_snap)
        return;
    m_snap = snap;
    emit snapToGridChanged();
}

void CanvasController::setViewCenter(QPointF center)
{
    if (center == m_viewCenter)
        return;
    m_viewCenter = center;
    emit viewCenterChanged();
}

QPointF CanvasController::snapped(QPointF p) const
{
    if (!m_snap)
        return {std::round(p.x()), std::round(p.y())};
    const qreal g = gridSize();
    return {std::round(p.x() / g) * g, std::round(p.y() / g) * g};
}

void CanvasController::select(const QString &logicalId, bool extend)
{
    QStringList next = extend ? m_selection : QStringList();
    next.removeAll(logicalId);
    if (!logicalId.isEmpty() && m_document->resource(logicalId.toStdString()))
        next << logicalId;
    setSelection(next);
}

void CanvasController::toggle(const QString &logicalId)
{
    QStringList next = m_selection;
    if (next.contains(logicalId))
        next.removeAll(logicalId);
    else if (m_document->resource(logicalId.toStdString()))
        next << logicalId;
    setSelection(next);
}

void CanvasController::selectAll()
{
    QStringList all;
    for (const std::string &id : m_document->resourceIds())
        all << QString::fromStdString(id);
    setSelection(all);
}

void CanvasController::clearSelection() { setSelection({}); }

void CanvasController::selectInRect(const QRectF &rect, bool extend)
{
    QStringList next = extend ? m_selection : QStringList();
    const QRectF area = rect.normalized();
    for (const std::string &id : m_document->resourceIds()) {
        const QString qid = QString::fromStdString(id);
        if (m_document->cardRect(id).intersects(area) && !next.contains(qid))
            next << qid;
    }
    setSelection(next);
}

QPointF CanvasController::freeSpotFor(QPointF center, QSizeF size) const
{
    std::vector<QRectF> occupied;
    for (const std::string &id : m_document->resourceIds())
        occupied.push_back(m_document->footprint(id));
    const QPointF wanted = snapped(center - QPointF(size.width() / 2, size.height() / 2));
    return freeSpotNear(QRectF(wanted, size), occupied, gridSize(), gridSize());
}

QString CanvasController::addResource(const QString &type, QPointF center)
{
    const std::string t = type.toStdString();
    const std::size_t colon = t.rfind(':');
    const std::string id = m_document->freshLogicalId(colon == std::string::npos ? t : t.substr(colon + 1));
    // The card's size before it exists: what it will be with the catalog's defaults.
    Json alone = Json::object();
    alone["Resources"][id]["Type"] = t;
    if (const KindOverlay *overlay = Catalog::instance().overlay(t); overlay && overlay->defaults.is_object())
        alone["Resources"][id]["Properties"] = overlay->defaults;
    const CardLayout layout = layoutCard({id, Catalog::instance().displayName(t), fleetSummary(alone, id)});
    const EditResult result = m_document->addResource(t, freeSpotFor(center, layout.footprint({}).size()), id);
    if (!result) {
        setMessage(QStringLiteral("Cannot add %1: %2").arg(type, QString::fromStdString(result.error)));
        return {};
    }
    setMessage({});
    const QString created = QString::fromStdString(result.createdId);
    select(created);
    return created;
}

QString CanvasController::addResourceAtViewCenter(const QString &type)
{
    return addResource(type, m_viewCenter);
}

QString CanvasController::defaultArrangement() const
{
    return m_document->defaultLayoutMode() == LayoutMode::TrafficFlow ? QStringLiteral("traffic")
                                                                       : QStringLiteral("dependencies");
}

bool CanvasController::arrange(const QString &how)
{
    const QString mode = how.isEmpty() ? defaultArrangement() : how;
    if (mode != QLatin1String("traffic") && mode != QLatin1String("dependencies")) {
        setMessage(QStringLiteral("No arrangement named \"%1\"").arg(how));
        return false;
    }
    const EditResult result = m_document->arrange(mode == QLatin1String("traffic") ? LayoutMode::TrafficFlow
                                                                                   : LayoutMode::Dependencies);
    if (!result)
        setMessage(QString::fromStdString(result.error));
    return result.ok;
}

void CanvasController::beginMove(const QString &grabbedId)
{
    if (!grabbedId.isEmpty() && !m_selection.contains(grabbedId))
        select(grabbedId);
    m_moveStart.clear();
    for (const QString &id : m_selection)
        m_moveStart[id.toStdString()] = m_document->position(id.toStdString());
    m_moveOffset = m_appliedOffset = {};
    static int gestures = 0;
    m_gesture = ++gestures;
}

void CanvasController::updateMove(qreal dx, qreal dy)
{
    if (m_moveStart.empty())
        return;
    m_moveOffset = {dx, dy};
    if (!m_moveTimer.isActive())
        m_moveTimer.start();
}

void CanvasController::applyPendingMove()
{
    if (m_moveStart.empty() || m_moveOffset == m_appliedOffset)
        return;
    // Snap the grabbed group as a whole: the first card lands on the grid, the rest keep their
    // distances to it.
    const QPointF anchor = m_moveStart.begin()->second;
    const QPointF delta = snapped(anchor + m_moveOffset) - anchor;
    std::map<std::string, QPointF> positions;
    for (const auto &[id, start] : m_moveStart)
        positions[id] = start + delta;
    m_document->moveNodes(positions, m_gesture);
    m_appliedOffset = m_moveOffset;
}

void CanvasController::endMove()
{
    m_moveTimer.stop();
    applyPendingMove();
    m_moveStart.clear();
    m_gesture = 0;
}

void CanvasController::nudgeSelection(qreal dx, qreal dy)
{
    std::map<std::string, QPointF> positions;
    for (const QString &id : m_selection)
        positions[id.toStdString()] = m_document->position(id.toStdString()) + QPointF(dx, dy);
    if (!positions.empty())
        m_document->moveNodes(positions);
}

bool CanvasController::deleteSelection()
{
    if (m_selection.isEmpty())
        return false;
    const EditResult result = m_document->removeResources(toStd(m_selection));
    if (!result) {
        setMessage(QString::fromStdString(result.error));
        return false;
    }
    setSelection({});
    return true;
}

bool CanvasController::copySelection()
{
    if (m_selection.isEmpty())
        return false;
    m_clipboard = copyResources(*m_document, toStd(m_selection));
    m_pasteCount = 0;
    if (QClipboard *clipboard = QGuiApplication::clipboard()) {
        auto *mime = new QMimeData;
        const QByteArray text = QByteArray::fromStdString(m_clipboard.dump(2));
        mime->setData(kFragmentMime, text);
        mime->setText(QString::fromUtf8(text));
        clipboard->setMimeData(mime);
    }
    emit clipboardChanged();
    return true;
}

bool CanvasController::paste()
{
    Json fragment = m_clipboard;
    // Another window's copy, through the system clipboard.
    if (QClipboard *clipboard = QGuiApplication::clipboard()) {
        const QMimeData *mime = clipboard->mimeData();
        if (mime && mime->hasFormat(kFragmentMime)) {
            const Json parsed = Json::parse(mime->data(kFragmentMime).toStdString(), nullptr, false);
            if (isFragment(parsed))
                fragment = parsed;
        }
    }
    if (!isFragment(fragment))
        return false;
    ++m_pasteCount;
    const qreal step = gridSize() * 2;
    std::vector<std::string> created;
    const EditResult result = pasteFragment(*m_document, fragment, QPointF(step, step) * m_pasteCount, &created);
    if (!result) {
        setMessage(QString::fromStdString(result.error));
        return false;
    }
    QStringList ids;
    for (const std::string &id : created)
        ids << QString::fromStdString(id);
    setSelection(ids);
    return true;
}

bool CanvasController::duplicateSelection()
{
    if (m_selection.isEmpty())
        return false;
    const Json fragment = copyResources(*m_document, toStd(m_selection));
    std::vector<std::string> created;
    const qreal step = gridSize() * 2;
    const EditResult result = pasteFragment(*m_document, fragment, QPointF(step, step), &created);
    if (!result) {
        setMessage(QString::fromStdString(result.error));
        return false;
    }
    QStringList ids;
    for (const std::string &id : created)
        ids << QString::fromStdString(id);
    setSelection(ids);
    return true;
}

QStringList CanvasController::connectionLabels(const QString &source, const QString &target) const
{
    QStringList labels;
    const std::string s = m_document->resourceType(source.toStdString());
    const std::string t = m_document->resourceType(target.toStdString());
    if (s.empty() || t.empty())
        return labels;
    for (const ConnectionRule &rule : Catalog::instance().connectionRules(s, t)) {
        const QString label = QString::fromStdString(rule.label);
        if (!labels.contains(label))
            labels << label;
    }
    return labels;
}

bool CanvasController::connectWith(const QString &source, const QString &target, const QString &label)
{
    const std::string s = source.toStdString(), t = target.toStdString();
    std::vector<ConnectionRule> rules;
    for (const ConnectionRule &rule : Catalog::instance().connectionRules(m_document->resourceType(s),
                                                                          m_document->resourceType(t))) {
        if (QString::fromStdString(rule.label) == label)
            rules.push_back(rule);
    }
    if (rules.empty()) {
        setMessage(QStringLiteral("No connection named \"%1\" from %2 to %3").arg(label, source, target));
        return false;
    }
    const EditResult result = m_document->connect(s, t, rules);
    if (!result) {
        setMessage(QString::fromStdString(result.error));
        return false;
    }
    setMessage({});
    return true;
}

QStringList CanvasController::connectOrAsk(const QString &source, const QString &target)
{
    if (source == target || source.isEmpty() || target.isEmpty())
        return {};
    const QStringList labels = connectionLabels(source, target);
    if (labels.isEmpty()) {
        const Catalog &catalog = Catalog::instance();
        setMessage(QStringLiteral("%1 (%2) has no property that can refer to %3 (%4). Try connecting from %3 to %1.")
                       .arg(source, QString::fromStdString(catalog.displayName(m_document->resourceType(source.toStdString()))),
                            target, QString::fromStdString(catalog.displayName(m_document->resourceType(target.toStdString())))));
        return {};
    }
    if (labels.size() == 1) {
        connectWith(source, target, labels.front());
        return {};
    }
    return labels;
}

QString CanvasController::cardAt(QPointF scenePoint) const
{
    // Later cards are drawn on top: search from the end.
    const std::vector<std::string> ids = m_document->resourceIds();
    for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
        if (m_document->cardRect(*it).contains(scenePoint))
            return QString::fromStdString(*it);
    }
    return {};
}

QRectF CanvasController::cardRect(const QString &logicalId) const
{
    const std::string id = logicalId.toStdString();
    return m_document->resource(id) ? m_document->cardRect(id) : QRectF();
}

QRectF CanvasController::bounds() const
{
    QRectF all;
    for (const std::string &id : m_document->resourceIds())
        all |= m_document->footprint(id);
    for (const ContainerBox &box : m_containerModel->boxes())
        all |= box.rect;
    return all;
}

} // namespace sc
