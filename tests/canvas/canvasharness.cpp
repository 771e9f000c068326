#include "canvasharness.h"

#include "model/catalog/catalog.h"
#include "model/template/templateerror.h"
#include "model/template/templatereader.h"
#include "model/document/treeedit.h"

namespace sc {

CanvasHarness::CanvasHarness(QObject *parent)
    : QObject(parent)
    , m_controller(new DocumentController(&m_document, this))
{
}

QString CanvasHarness::load(const QString &yaml)
{
    try {
        m_document.reset(readTemplate(yaml.toStdString(), "test.yaml"));
    } catch (const TemplateError &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

QString CanvasHarness::dump() const { return QString::fromStdString(m_document.root().dump()); }

QString CanvasHarness::value(const QString &pointer) const
{
    const Json *node = tree::find(m_document.root(), pointer.toStdString());
    return node ? QString::fromStdString(node->dump()) : QString();
}

QString CanvasHarness::type(const QString &logicalId) const
{
    return QString::fromStdString(m_document.resourceType(logicalId.toStdString()));
}

QStringList CanvasHarness::resourceIds() const
{
    QStringList ids;
    for (const std::string &id : m_document.resourceIds())
        ids << QString::fromStdString(id);
    return ids;
}

QString CanvasHarness::consistency() const
{
    QStringList problems;
    for (const std::string &p : m_document.checkConsistency())
        problems << QString::fromStdString(p);
    return problems.join(QLatin1Char('\n'));
}

int CanvasHarness::undoCount() const { return m_document.undoStack()->index(); }
void CanvasHarness::undo() { m_document.undoStack()->undo(); }
void CanvasHarness::redo() { m_document.undoStack()->redo(); }

QString CanvasHarness::overlayDefaults(const QString &type) const
{
    const KindOverlay *overlay = Catalog::instance().overlay(type.toStdString());
    return overlay ? QString::fromStdString(overlay->defaults.dump()) : QString();
}

} // namespace sc
