#include "app/gui/templatetext.h"

#include "exporters/exporterregistry.h"
#include "model/document/document.h"
#include "model/document/documentchange.h"
#include "model/template/templateerror.h"
#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <QStringList>

namespace sc {

TemplateText::TemplateText(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    // Moving cards rewrites only the layout in Metadata: refresh the text once they rest
    // rather than on every frame of a drag.
    m_settle.setSingleShot(true);
    m_settle.setInterval(400);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        m_stale = true;
        emit textChanged();
    });
    connect(document, &Document::changed, this, [this](const DocumentChange &change) {
        if (change.isLayoutOnly()) {
            m_settle.start();
            return;
        }
        m_settle.stop();
        m_stale = true;
        emit textChanged();
    });
}

void TemplateText::setFormat(const QString &format)
{
    if (format == m_format)
        return;
    if (format != QLatin1String("cfn-yaml") && format != QLatin1String("cfn-json")
        && !ExporterRegistry::instance().find(format.toStdString()))
        return;
    m_format = format;
    m_stale = true;
    emit formatChanged();
    emit textChanged();
}

QVariantList TemplateText::formats() const
{
    QVariantList list{QVariantMap{{QStringLiteral("id"), QStringLiteral("cfn-yaml")}, {QStringLiteral("name"), QStringLiteral("YAML")}},
                      QVariantMap{{QStringLiteral("id"), QStringLiteral("cfn-json")}, {QStringLiteral("name"), QStringLiteral("JSON")}}};
    // The CDK view appears as soon as its exporter is registered.
    if (ExporterRegistry::instance().find("cdk-ts"))
        list << QVariantMap{{QStringLiteral("id"), QStringLiteral("cdk-ts")}, {QStringLiteral("name"), QStringLiteral("CDK (TypeScript)")}};
    return list;
}

void TemplateText::setSelectedId(const QString &id)
{
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    if (!m_stale)
        locate();
    emit textChanged();
}

QString TemplateText::text() const
{
    refresh();
    return m_text;
}

int TemplateText::lineCount() const
{
    refresh();
    return m_lines;
}

int TemplateText::highlightFirst() const
{
    refresh();
    return m_first;
}

int TemplateText::highlightLast() const
{
    refresh();
    return m_last;
}

void TemplateText::refresh() const
{
    if (!m_stale)
        return;
    m_stale = false;
    if (m_format == QLatin1String("cfn-json")) {
        m_text = QString::fromStdString(writeJson(m_document->root()));
    } else if (m_format == QLatin1String("cfn-yaml")) {
        m_text = QString::fromStdString(writeYaml(m_document->root()));
    } else if (const Exporter *exporter = ExporterRegistry::instance().find(m_format.toStdString())) {
        const ExportResult result = exporter->write(*m_document, {});
        m_text = result.ok ? QString::fromUtf8(result.bytes)
                           : QStringLiteral("// cannot show this export: ") + QString::fromStdString(result.error);
    }
    m_lines = static_cast<int>(m_text.count(QLatin1Char('\n'))) + (m_text.endsWith(QLatin1Char('\n')) ? 0 : 1);
    locate();
}

void TemplateText::locate() const
{
    m_first = m_last = 0;
    const std::string id = m_selectedId.toStdString();
    if (id.empty() || !m_document->resource(id))
        return;
    const QStringList lines = m_text.split(QLatin1Char('\n'));
    if (m_format == QLatin1String("cfn-yaml") || m_format == QLatin1String("cfn-json")) {
        // Read our own text back for the positions: the block runs from the resource's key to the
        // line before the next resource (or the next section).
        try {
            const Template read = readTemplate(m_text.toStdString(), "template",
                                               m_format == QLatin1String("cfn-json") ? TemplateFormat::Json
                                                                                      : TemplateFormat::Yaml);
            const std::vector<std::string> ids = m_document->resourceIds();
            int next = 0;
            for (std::size_t i = 0; i < ids.size(); ++i) {
                if (ids[i] != id)
                    continue;
                m_first = read.positions.exact(SourceMap::join("/Resources", id)).line;
                if (i + 1 < ids.size())
                    next = read.positions.exact(SourceMap::join("/Resources", ids[i + 1])).line;
            }
            if (!next) {
                // The last resource: up to the next top-level section, or the end.
                const Json &root = m_document->root();
                bool after = false;
                for (auto it = root.begin(); it != root.end(); ++it) {
                    if (after) {
                        next = read.positions.exact(SourceMap::join("", it.key())).line;
                        break;
                    }
                    after = it.key() == "Resources";
                }
            }
            m_last = next > m_first ? next - 1 : static_cast<int>(lines.size());
            while (m_last > m_first && lines.value(m_last - 1).trimmed().isEmpty())
                --m_last;
            if (m_format == QLatin1String("cfn-json") && !next)
                m_last = std::max(m_first, m_last - 2); // the closing braces of Resources and the template
        } catch (const TemplateError &) {
            m_first = m_last = 0;
        }
        return;
    }
    // CDK: the construct whose id is the logical ID, up to its closing "});".
    const QString needle = QLatin1Char('\'') + m_selectedId + QLatin1Char('\'');
    for (int i = 0; i < lines.size(); ++i) {
        if (!lines[i].contains(needle))
            continue;
        m_first = m_last = i + 1;
        for (int j = i; j < lines.size(); ++j) {
            if (lines[j].trimmed().startsWith(QLatin1String("});"))) {
                m_last = j + 1;
                break;
            }
        }
        return;
    }
}

} // namespace sc
