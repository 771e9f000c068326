#pragma once
// What reading a text gives, tree or error, and every node's position as text: the tests that
// read a text two ways (whole and in parts) compare these.

#include "model/template/templatereader.h"

#include <QDirIterator>
#include <QFile>
#include <QStringList>
#include <QTest>

#include <functional>
#include <string>

namespace sc::testing {

struct ReadOutcome {
    Template tree;
    QString error; // "file:line:column: message", or empty
};

inline ReadOutcome readOutcome(const std::string &text, TemplateFormat format, const ReadLimits &limits)
{
    ReadOutcome outcome;
    try {
        outcome.tree = readTemplate(text, format == TemplateFormat::Json ? "t.json" : "t.yaml", format, limits);
    } catch (const TemplateError &e) {
        outcome.error = QString::fromStdString(e.what());
    }
    return outcome;
}

// Every node's position, sorted, as text: a difference names the node.
inline QStringList positionLines(const SourceMap &map)
{
    QStringList out;
    map.forEach([&](const std::string &pointer, SourcePos pos) {
        out << QStringLiteral("%1 %2:%3").arg(QString::fromStdString(pointer)).arg(pos.line).arg(pos.column);
    });
    out.sort();
    return out;
}

// The smallest ReadLimits::maxNodes under which `read` takes the text.
inline std::size_t smallestNodeBudget(ReadLimits limits, const std::function<QString(const ReadLimits &)> &read)
{
    std::size_t low = 1, high = 1000;
    while (low < high) {
        limits.maxNodes = (low + high) / 2;
        if (read(limits).isEmpty())
            high = limits.maxNodes;
        else
            low = limits.maxNodes + 1;
    }
    return low;
}

// One row ("path") per template of the project's own (tests/data, examples) whose name matches.
inline void addProjectTemplateRows(const QStringList &nameFilters)
{
    QTest::addColumn<QString>("path");
    for (const char *dir : {"/tests/data", "/examples"}) {
        QDirIterator it(QStringLiteral(SC_SOURCE_DIR) + QLatin1String(dir), nameFilters, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(path.mid(int(sizeof SC_SOURCE_DIR)))) << path;
        }
    }
}

inline std::string fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace sc::testing
