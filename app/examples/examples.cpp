#include "app/examples/examples.h"

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

std::optional<std::string> embeddedExample(const std::string &folder)
{
    QFile file(QStringLiteral(":/examples/%1/template.yaml").arg(QString::fromStdString(folder)));
    if (folder.empty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll().toStdString();
}

void loadExample(Document &document, const ExampleInfo &example)
{
    const std::string folder = example.folder.toStdString();
    const std::optional<std::string> text = embeddedExample(folder);
    if (!text)
        throw TemplateError(":/examples/" + folder + "/template.yaml", 1, 1, "the example is missing from the application");
    Template content = readTemplate(*text, folder + "/template.yaml");
    document.reset(std::move(content)); // untitled: saving asks where
}

} // namespace sc
