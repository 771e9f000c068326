// InspectorModel's findings: which row shows which finding of the ProblemModel, and reveal(),
// which the Problems tab uses to take the user to the property a finding is about.
#include "app/gui/inspectormodel.h"

#include "app/gui/problemmodel.h"
#include "model/rules/ruleregistry.h"
#include "model/template/sourcemap.h"

namespace sc {

namespace {

// `pointer` is `base` or lies below it.
bool isAtOrBelow(const std::string &pointer, const std::string &base)
{
    return pointer.size() >= base.size() && pointer.compare(0, base.size(), base) == 0
        && (pointer.size() == base.size() || pointer[base.size()] == '/');
}

QVariantMap findingMap(const Finding &finding, int problemRow)
{
    const Rule *rule = RuleRegistry::instance().find(finding.ruleId);
    const std::string_view severity = severityName(finding.severity);
    return {{QStringLiteral("problemRow"), problemRow},
            {QStringLiteral("ruleId"), QString::fromStdString(finding.ruleId)},
            {QStringLiteral("severity"), QString::fromUtf8(severity.data(), static_cast<qsizetype>(severity.size()))},
            {QStringLiteral("path"), QString::fromStdString(finding.path)},
            {QStringLiteral("message"), QString::fromStdString(finding.message)},
            {QStringLiteral("title"), rule ? QString::fromStdString(rule->title) : QString()},
            {QStringLiteral("explanation"), rule ? QString::fromStdString(rule->explanation) : QString()},
            {QStringLiteral("hasFix"), finding.fix.has_value()},
            {QStringLiteral("fixLabel"), finding.fix ? QString::fromStdString(finding.fix->label) : QString()}};
}

} // namespace

void InspectorModel::setProblems(ProblemModel *problems)
{
    if (m_problems)
        disconnect(m_problems, nullptr, this, nullptr);
    m_problems = problems;
    // The problem model resets after every validation; the rows keep their shape, so only the
    // rows whose findings changed are updated.
    if (m_problems)
        connect(m_problems, &QAbstractItemModel::modelReset, this, &InspectorModel::rebuild);
    rebuild();
}

int InspectorModel::rowForFinding(const QString &pointer) const
{
    const std::string p = pointer.toStdString();
    int best = -1;
    std::size_t bestLength = 0;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows[i];
        // The logical-ID row's pointer is the resource itself: what points there is resource-level.
        if (row.kind == Kind::Section || row.kind == Kind::LogicalId || row.pointer.empty())
            continue;
        if (isAtOrBelow(p, row.pointer) && row.pointer.size() > bestLength) {
            best = static_cast<int>(i);
            bestLength = row.pointer.size();
        }
    }
    return best;
}

void InspectorModel::attachFindings()
{
    QVariantList resourceLevel;
    if (m_problems && !m_id.empty()) {
        const std::string base = SourceMap::join("/Resources", m_id);
        const std::vector<Finding> &findings = m_problems->findings();
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const Finding &finding = findings[i];
            if (finding.logicalId != m_id && !isAtOrBelow(finding.path, base))
                continue;
            const QVariantMap entry = findingMap(finding, static_cast<int>(i));
            const int row = rowForFinding(QString::fromStdString(finding.path));
            if (row >= 0)
                m_rows[static_cast<std::size_t>(row)].findings.append(entry);
            else
                resourceLevel.append(entry);
        }
    }
    if (resourceLevel != m_resourceFindings) {
        m_resourceFindings = resourceLevel;
        emit findingsChanged();
    }
}

int InspectorModel::reveal(const QString &logicalId, const QString &pointer)
{
    setLogicalId(logicalId);
    const std::string p = pointer.toStdString();
    bool opened = false;
    for (auto it = m_collapsed.begin(); it != m_collapsed.end();) {
        if (isAtOrBelow(p, *it) && *it != p) {
            it = m_collapsed.erase(it);
            opened = true;
        } else {
            ++it;
        }
    }
    m_focusPointer = p;
    if (opened)
        rebuild();
    updateFocus();
    emit revealed(m_focusedRow);
    return m_focusedRow;
}

void InspectorModel::updateFocus()
{
    const int row = m_focusPointer.empty() ? -1 : rowForFinding(QString::fromStdString(m_focusPointer));
    if (row == m_focusedRow)
        return;
    m_focusedRow = row;
    emit focusedRowChanged();
}

} // namespace sc
