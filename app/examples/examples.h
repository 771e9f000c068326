#pragma once
// The example architectures shipped inside the application (examples/, embedded as resources by
// app/CMakeLists.txt): their list from examples/index.json, their text, and loading one as a new,
// untitled document. Qt Core only: the command line and the window both read them.

#include <QString>
#include <QVector>

#include <optional>
#include <string>

namespace sc {

class Document;

struct ExampleInfo {
    QString folder;
    QString title;
    QString target; // the natural rollout target, if any
    int topic = 0;
};

QVector<ExampleInfo> examples();
// The text of examples/FOLDER/template.yaml, or nothing when the application has no such example.
std::optional<std::string> embeddedExample(const std::string &folder);
ExampleInfo defaultExample();
// Throws TemplateError when the embedded file cannot be read.
void loadExample(Document &document, const ExampleInfo &example);

} // namespace sc
