#include "app/gui/examples.h"

#include "model/document/document.h"
#include "model/template/templateerror.h"
#include "model/template/templatereader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sc {

QVector<ExampleInfo> examples()
{
    QFile file(QStringLiteral(":/examples/index.json"));
    QVector<ExampleInfo> list;
    if (!file.open(QIODevice::ReadOnly))
        return list;
    const QJsonDocument index = QJsonDocument::fromJson(file.readAll());
    const QJsonArray entries = index.isArray() ? index.array() : index.object().value(QStringLiteral("examples")).toArray();
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        list.push_back({o.value(QStringLiteral("folder")).toString(), o.value(QStringLiteral("title")).toString(),
                        o.value(QStringLiteral("rolloutTarget")).toString(), o.value(QStringLiteral("topic")).toInt()});
    }
    return list;
}

ExampleInfo defaultExample()
{
    const QVector<ExampleInfo> list = examples();
    return list.isEmpty() ? ExampleInfo{} : list.front();
}

void loadExample(Document &document, const ExampleInfo &example)
{
    const QString path = QStringLiteral(":/examples/%1/template.yaml").arg(example.folder);
    QFile file(path);
    if (example.folder.isEmpty() || !file.open(QIODevice::ReadOnly))
        throw TemplateError(path.toStdString(), 1, 1, "the example is missing from the application");
    const QByteArray bytes = file.readAll();
    Template content = readTemplate(bytes.toStdString(), example.folder.toStdString() + "/template.yaml");
    document.reset(std::move(content)); // untitled: saving asks where
}

} // namespace sc
