#pragma once
// Shared by the study tests: the examples read from the source tree (the application reads its
// embedded copy of the same files).

#include "model/study/lesson.h"

#include <QFile>
#include <QString>

namespace sc::test {

inline std::optional<std::string> readSourceExample(const std::string &folder)
{
    QFile file(QStringLiteral(SC_SOURCE_DIR "/examples/%1/template.yaml").arg(QString::fromStdString(folder)));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll().toStdString();
}

inline const ExampleReader &sourceExamples()
{
    static const ExampleReader reader = readSourceExample;
    return reader;
}

} // namespace sc::test
