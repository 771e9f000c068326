#include "app/gui/problemmodel.h"

#include "model/document/document.h"
#include "model/rules/ruleregistry.h"

#include <QElapsedTimer>

#include <utility>

namespace sc {

ProblemModel::ProblemModel(Document *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    // A single shot coalesces the bursts of changes one gesture makes. A drag moves cards on
    // every frame and changes no finding, only line numbers (the layout is in Metadata): it is
    // validated once the cards have come to rest.
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProblemModel::refresh);
    connect(document, &Document::changed, this, [this](const DocumentChange &change) {
        if (change.isEmpty())
            return;
        m_pending.merge(change);
        if (!change.isLayoutOnly())
            m_timer.start(0);
        else if (!m_timer.isActive() || m_timer.interval() > 0)
            m_timer.start(kSettleMs);
    });
    refresh();
}

int ProblemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_findings.size());
}

QVariant ProblemModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_findings.size()))
        return {};
    const Finding &f = m_findings[static_cast<std::size_t>(index.row())];
    const Rule *rule = RuleRegistry::instance().find(f.ruleId);
    switch (role) {
    case RuleIdRole: return QString::fromStdString(f.ruleId);
    case SeverityRole: return QString::fromUtf8(severityName(f.severity).data());
    case LogicalIdRole: return QString::fromStdString(f.logicalId);
    case PathRole: return QString::fromStdString(f.path);
    case LineRole: return f.line;
    case ColumnRole: return f.column;
    case MessageRole: return QString::fromStdString(f.message);
    case TitleRole: return rule ? QString::fromStdString(rule->title) : QString();
    case ExplanationRole: return rule ? QString::fromStdString(rule->explanation) : QString();
    case HasFixRole: return f.fix.has_value();
    case FixLabelRole: return f.fix ? QString::fromStdString(f.fix->label) : QString();
    default: return {};
    }
}

QHash<int, QByteArray> ProblemModel::roleNames() const
{
    return {{RuleIdRole, "ruleId"},   {SeverityRole, "severity"},       {LogicalIdRole, "logicalId"},
            {PathRole, "path"},       {LineRole, "line"},               {ColumnRole, "column"},
            {MessageRole, "message"}, {TitleRole, "title"},             {ExplanationRole, "explanation"},
            {HasFixRole, "hasFix"},   {FixLabelRole, "fixLabel"}};
}

bool ProblemModel::applyFix(int row)
{
    if (row < 0 || row >= static_cast<int>(m_findings.size()) || !m_findings[static_cast<std::size_t>(row)].fix)
        return false;
    // Copy: the edit re-validates (through changed) and may replace m_findings.
    const Fix fix = *m_findings[static_cast<std::size_t>(row)].fix;
    const bool ok = fix.apply(*m_document).ok;
    if (ok)
        refresh();
    return ok;
}

void ProblemModel::refresh()
{
    m_timer.stop();
    QElapsedTimer clock;
    clock.start();
    const DocumentChange change = std::exchange(m_pending, {});
    m_validator.setTemplateBytes(m_document->textBytes());
    std::vector<Finding> found = change.isEmpty()
        ? m_validator.validateAll(m_document->root(), m_document->positions())
        : m_validator.update(m_document->root(), m_document->positions(), change);
    int counts[3] = {0, 0, 0};
    for (const Finding &f : found)
        ++counts[static_cast<int>(f.severity)];
    beginResetModel();
    m_findings = std::move(found);
    endResetModel();
    if (std::equal(counts, counts + 3, m_counts) == false) {
        std::copy(counts, counts + 3, m_counts);
        emit countsChanged();
    }
    emit validated(static_cast<double>(clock.nsecsElapsed()) / 1e6);
}

} // namespace sc
