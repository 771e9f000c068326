// stackcanvas quiz [--format text|json] [--topic N] [--lesson ID] [--predictions]

#include "app/cli/clicommands.h"
#include "app/examples/examples.h"
#include "model/study/predictions.h"

#include <QCommandLineParser>

namespace sc::cli {

namespace {

QString questionText(const Question &q, int number)
{
    QString text
        = QStringLiteral("%1. [%2, %3%4] %5\n")
              .arg(number)
              .arg(QString::fromStdString(topicName(q.topic)), QString::fromStdString(q.lesson),
                   q.prediction ? QStringLiteral(", prediction") : QString(), QString::fromStdString(q.question));
    for (std::size_t i = 0; i < q.choices.size(); ++i)
        text += QStringLiteral("   %1) %2\n")
                    .arg(QChar(u'A' + static_cast<char16_t>(i)))
                    .arg(QString::fromStdString(q.choices[i]));
    text += QStringLiteral("   Answer: %1. %2\n\n")
                .arg(QChar(u'A' + static_cast<char16_t>(q.answer)))
                .arg(QString::fromStdString(q.explanation));
    return text;
}

} // namespace

int runQuizCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print the quiz: the written questions and the prediction questions "
                       "generated from the rollout engine and "
                       "the what-ifs, each with its answer and explanation."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("Only this topic (1-8)."),
                                   QStringLiteral("N"));
    const QCommandLineOption lesson(QStringLiteral("lesson"), QStringLiteral("Only this lesson's questions."),
                                    QStringLiteral("ID"));
    const QCommandLineOption predictions(QStringLiteral("predictions"),
                                         QStringLiteral("Only the prediction questions."));
    parser.addOptions({format, topic, lesson, predictions});
    if (const std::optional<int> done = parseCommandLine(parser, "quiz", arguments))
        return *done;
    if (const std::optional<int> refused = checkFiles("quiz", parser.positionalArguments(), 0, 0))
        return *refused;
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json"))
        return usageError(QStringLiteral("--format takes text or json, not '%1'").arg(fmt));
    int onlyTopic = 0;
    if (parser.isSet(topic)) {
        bool ok = false;
        onlyTopic = parser.value(topic).toInt(&ok);
        if (!ok || topicName(onlyTopic).empty())
            return usageError(QStringLiteral("--topic takes a topic number from 1 to 8"));
    }
    const std::string onlyLesson = parser.value(lesson).toStdString();
    if (!onlyLesson.empty() && !findLesson(onlyLesson))
        return usageError(QStringLiteral("no lesson '%1' (stackcanvas lessons lists them)").arg(parser.value(lesson)));

    std::vector<Question> all;
    try {
        if (!parser.isSet(predictions))
            all = writtenQuestions();
        for (Question &p : predictionQuestions(allLessons(), embeddedExample))
            all.push_back(std::move(p));
    } catch (const std::exception &e) {
        err(QStringLiteral("stackcanvas: the study data is damaged: %1\n").arg(QString::fromUtf8(e.what())));
        return 2;
    }
    Json list = Json::array();
    QString text;
    int n = 0;
    for (const Question &question : all) {
        if ((onlyTopic && question.topic != onlyTopic) || (!onlyLesson.empty() && question.lesson != onlyLesson))
            continue;
        list.push_back(questionToJson(question));
        text += questionText(question, ++n);
    }
    out(fmt == QLatin1String("json") ? QString::fromStdString(Json{{"questions", list}}.dump(2)) + QLatin1Char('\n')
                                     : text);
    return 0;
}

} // namespace sc::cli
