#pragma once
// The example architectures shipped inside the application (examples/, embedded as resources):
// their list from examples/index.json, and loading one as a new, untitled document.

#include <QString>
#include <QVector>

namespace sc {

class Document;

struct ExampleInfo {
    QString folder;
    QString title;
    QString target; // the natural rollout target, if any
    int topic = 0;
};

QVector<ExampleInfo> examples();
ExampleInfo defaultExample();
// Throws TemplateError when the embedded file cannot be read.
void loadExample(Document &document, const ExampleInfo &example);

} // namespace sc
