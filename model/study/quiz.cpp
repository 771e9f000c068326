#include "model/study/quiz.h"

#include "model/study/lesson.h"

#include <QDir>
#include <QFile>
#include <set>
#include <stdexcept>

namespace sc {

std::vector<std::string> questionProblems(const Question &q)
{
    std::vector<std::string> problems;
    if (q.id.empty())
        problems.push_back("no id");
    if (q.question.empty())
        problems.push_back("no question text");
    if (q.choices.size() < 3 || q.choices.size() > 5)
        problems.push_back("needs three to five choices, has " + std::to_string(q.choices.size()));
    if (q.answer < 0 || q.answer >= static_cast<int>(q.choices.size()))
        problems.push_back("the answer is not one of the choices");
    std::set<std::string> seen;
    for (const auto &c : q.choices) {
        if (c.empty())
            problems.push_back("an empty choice");
        else if (!seen.insert(c).second)
            problems.push_back("two choices read \"" + c + "\", so more than one could be correct");
    }
    if (q.explanation.empty())
        problems.push_back("no explanation");
    if (q.lesson.empty())
        problems.push_back("no lesson");
    if (topicName(q.topic).empty())
        problems.push_back("topic " + std::to_string(q.topic) + " is not one of 1-8");
    return problems;
}

Question questionFromJson(const Json &json)
{
    try {
        Question q;
        q.id = json.at("id").get<std::string>();
        q.lesson = json.at("lesson").get<std::string>();
        q.topic = json.at("topic").get<int>();
        q.question = json.at("question").get<std::string>();
        q.choices = json.at("choices").get<std::vector<std::string>>();
        q.answer = json.at("answer").get<int>();
        q.explanation = json.at("explanation").get<std::string>();
        q.demoStep = json.value("demoStep", -1);
        return q;
    } catch (const Json::exception &e) {
        throw std::invalid_argument("question " + json.value("id", std::string("?")) + ": " + e.what());
    }
}

Json questionToJson(const Question &q)
{
    Json json{{"id", q.id},
              {"topic", topicName(q.topic)},
              {"topicNumber", q.topic},
              {"question", q.question},
              {"choices", q.choices},
              {"answer", q.answer},
              {"explanation", q.explanation},
              {"lesson", q.lesson},
              {"prediction", q.prediction}};
    if (q.demoStep >= 0)
        json["demoStep"] = q.demoStep;
    if (q.prediction)
        json["basis"] = q.basis;
    return json;
}

const std::vector<Question> &writtenQuestions()
{
    static const std::vector<Question> bank = [] {
        std::vector<Question> out;
        QDir dir(QStringLiteral(":/stackcanvas/study/questions"));
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                throw std::invalid_argument("questions/" + name.toStdString() + ": cannot be read");
            const Json json = Json::parse(file.readAll().toStdString(), nullptr, false);
            if (json.is_discarded() || !json.contains("questions") || !json["questions"].is_array())
                throw std::invalid_argument("questions/" + name.toStdString() + ": not a question file");
            for (const Json &q : json["questions"])
                out.push_back(questionFromJson(q));
        }
        return out;
    }();
    return bank;
}

} // namespace sc
