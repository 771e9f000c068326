#include "model/study/lesson.h"

#include "model/template/templatereader.h"

#include <QDir>
#include <QFile>
#include <stdexcept>

namespace sc {

namespace {

std::string text(const Json &json, const char *key, const std::string &where, bool required = true)
{
    const auto it = json.find(key);
    if (it == json.end() || !it->is_string() || it->get<std::string>().empty()) {
        if (!required && it == json.end())
            return {};
        throw std::invalid_argument(where + ": \"" + key + "\" must be a non-empty string");
    }
    return it->get<std::string>();
}

std::vector<std::string> strings(const Json &json, const char *key, const std::string &where)
{
    std::vector<std::string> out;
    const auto it = json.find(key);
    if (it == json.end())
        return out;
    if (!it->is_array())
        throw std::invalid_argument(where + ": \"" + key + "\" must be a list of strings");
    for (const Json &item : *it) {
        if (!item.is_string())
            throw std::invalid_argument(where + ": \"" + key + "\" must be a list of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

LessonStep::Kind kindFromName(const std::string &name, const std::string &where)
{
    for (auto k : {LessonStep::Kind::Read, LessonStep::Kind::Rollout, LessonStep::Kind::Rule, LessonStep::Kind::WhatIf,
                   LessonStep::Kind::Quiz}) {
        if (stepKindName(k) == name)
            return k;
    }
    throw std::invalid_argument(where + ": unknown step kind \"" + name + "\"");
}

LessonStep stepFromJson(const Json &json, const std::string &where)
{
    if (!json.is_object())
        throw std::invalid_argument(where + " is not an object");
    LessonStep s;
    s.kind = kindFromName(text(json, "kind", where), where);
    s.title = text(json, "title", where);
    s.text = text(json, "text", where);
    s.highlight = strings(json, "highlight", where);
    switch (s.kind) {
    case LessonStep::Kind::Rollout:
        s.target = text(json, "target", where);
        if (json.contains("strategy"))
            s.strategy = text(json, "strategy", where);
        if (json.contains("instances")) {
            if (!json["instances"].is_number_integer())
                throw std::invalid_argument(where + ": \"instances\" must be a whole number");
            s.instances = json["instances"].get<int>();
        }
        s.failures = strings(json, "failures", where);
        break;
    case LessonStep::Kind::Rule:
        s.rule = text(json, "rule", where);
        s.findingResource = text(json, "resource", where);
        s.findingPath = text(json, "path", where);
        s.fixable = json.value("fixable", false);
        if (!json.contains("edits") || !json["edits"].is_array() || json["edits"].empty())
            throw std::invalid_argument(where + ": a rule step needs \"edits\" that make the rule fire");
        for (const Json &e : json["edits"]) {
            LessonEdit edit;
            if (e.contains("set")) {
                edit.pointer = text(e, "set", where);
                if (!e.contains("value"))
                    throw std::invalid_argument(where + ": a \"set\" edit needs a \"value\"");
                edit.value = e["value"];
            } else {
                edit.kind = LessonEdit::Kind::Remove;
                edit.pointer = text(e, "remove", where);
            }
            s.edits.push_back(std::move(edit));
        }
        break;
    case LessonStep::Kind::WhatIf:
        s.whatif = text(json, "whatif", where);
        s.options = json.value("options", Json::object());
        if (!s.options.is_object())
            throw std::invalid_argument(where + ": \"options\" must be an object");
        break;
    case LessonStep::Kind::Read:
    case LessonStep::Kind::Quiz:
        break;
    }
    return s;
}

std::vector<Lesson> loadLessons()
{
    std::vector<Lesson> out;
    QDir dir(QStringLiteral(":/stackcanvas/study/lessons"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            throw std::invalid_argument("lessons/" + name.toStdString() + ": cannot be read");
        const Json json = Json::parse(file.readAll().toStdString(), nullptr, false);
        if (json.is_discarded() || !json.contains("lessons") || !json["lessons"].is_array())
            throw std::invalid_argument("lessons/" + name.toStdString() + ": not a lesson file");
        for (const Json &lesson : json["lessons"])
            out.push_back(lessonFromJson(lesson));
    }
    return out;
}

} // namespace

std::string stepKindName(LessonStep::Kind kind)
{
    switch (kind) {
    case LessonStep::Kind::Read:
        return "read";
    case LessonStep::Kind::Rollout:
        return "rollout";
    case LessonStep::Kind::Rule:
        return "rule";
    case LessonStep::Kind::WhatIf:
        return "whatif";
    case LessonStep::Kind::Quiz:
        return "quiz";
    }
    return {};
}

Lesson lessonFromJson(const Json &json)
{
    if (!json.is_object())
        throw std::invalid_argument("a lesson is not an object");
    Lesson l;
    l.id = text(json, "id", "lesson");
    const std::string where = "lesson " + l.id;
    l.title = text(json, "title", where);
    l.topic = json.value("topic", 0);
    if (topicName(l.topic).empty())
        throw std::invalid_argument(where + ": \"topic\" must be a topic number from 1 to 8");
    l.subtopic = text(json, "subtopic", where);
    l.example = text(json, "example", where);
    l.summary = text(json, "summary", where);
    if (!json.contains("steps") || !json["steps"].is_array() || json["steps"].empty())
        throw std::invalid_argument(where + ": \"steps\" must be a non-empty list");
    int n = 0;
    for (const Json &step : json["steps"])
        l.steps.push_back(stepFromJson(step, where + " step " + std::to_string(++n)));
    return l;
}

Json lessonToJson(const Lesson &l)
{
    Json steps = Json::array();
    for (const auto &s : l.steps) {
        Json step{{"kind", stepKindName(s.kind)}, {"title", s.title}, {"text", s.text}, {"highlight", s.highlight}};
        if (s.kind == LessonStep::Kind::Rollout) {
            step["target"] = s.target;
            step["strategy"] = s.strategy ? Json(*s.strategy) : Json(nullptr);
            step["instances"] = s.instances ? Json(*s.instances) : Json(nullptr);
            step["failures"] = s.failures;
        } else if (s.kind == LessonStep::Kind::Rule) {
            step["rule"] = s.rule;
            step["resource"] = s.findingResource;
            step["path"] = s.findingPath;
            step["fixable"] = s.fixable;
        } else if (s.kind == LessonStep::Kind::WhatIf) {
            step["whatif"] = s.whatif;
            step["options"] = s.options;
        }
        steps.push_back(std::move(step));
    }
    return {{"id", l.id},
            {"title", l.title},
            {"topic", topicName(l.topic)},
            {"topicNumber", l.topic},
            {"subtopic", l.subtopic},
            {"example", l.example},
            {"summary", l.summary},
            {"steps", std::move(steps)}};
}

const std::vector<Lesson> &allLessons()
{
    static const std::vector<Lesson> lessons = loadLessons();
    return lessons;
}

const Lesson *findLesson(const std::string &id)
{
    for (const Lesson &l : allLessons()) {
        if (l.id == id)
            return &l;
    }
    return nullptr;
}

Json exampleTemplate(const ExampleReader &reader, const std::string &folder)
{
    const auto bytes = reader(folder);
    if (!bytes)
        throw std::invalid_argument("example \"" + folder + "\" is not in the application");
    return readTemplate(*bytes, folder + "/template.yaml").root;
}

} // namespace sc
