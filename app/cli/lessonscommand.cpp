// stackcanvas lessons [ID] [--format text|json]

#include "app/cli/clicommands.h"
#include "model/study/lesson.h"

#include <QCommandLineParser>

namespace sc::cli {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString lessonText(const Lesson &l)
{
    QString text = q(l.title)
                   + QStringLiteral("\n%1 (topic %2: %3) - example %4\n\n")
                         .arg(q(l.id))
                         .arg(l.topic)
                         .arg(q(topicName(l.topic)), q(l.example))
                   + q(l.summary) + QStringLiteral("\n");
    int n = 0;
    for (const LessonStep &s : l.steps) {
        text += QStringLiteral("\n%1. [%2] %3\n   %4\n").arg(++n).arg(q(stepKindName(s.kind)), q(s.title), q(s.text));
        if (s.kind == LessonStep::Kind::Rollout)
            text += QStringLiteral("   stackcanvas simulate %1/template.yaml --target %2%3%4\n")
                        .arg(q(l.example), q(s.target),
                             s.strategy ? QStringLiteral(" --strategy ") + q(*s.strategy) : QString(), [&s] {
                                 QString f;
                                 for (const auto &spec : s.failures)
                                     f += QStringLiteral(" --fail ") + q(spec);
                                 return f;
                             }());
        else if (s.kind == LessonStep::Kind::Rule)
            text += QStringLiteral("   rule %1 on %2\n").arg(q(s.rule), q(s.findingResource));
        else if (s.kind == LessonStep::Kind::WhatIf)
            text += QStringLiteral("   what-if %1 %2\n").arg(q(s.whatif), q(s.options.dump()));
    }
    return text;
}

} // namespace

int runLessonsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the study lessons, one per topic and sub-topic of the exam outline; "
                       "with ID, show that lesson's steps."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("A lesson to show in full."),
                                 QStringLiteral("[ID]"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOption(format);
    if (!parser.parse(QStringList{QStringLiteral("stackcanvas lessons")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText());
        return 0;
    }
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json"))
        return usageError(QStringLiteral("--format takes text or json, not '%1'").arg(fmt));
    const QStringList ids = parser.positionalArguments();
    if (ids.size() > 1)
        return usageError(QStringLiteral("lessons takes at most one lesson ID"));

    if (ids.size() == 1) {
        const Lesson *lesson = findLesson(ids.front().toStdString());
        if (!lesson)
            return usageError(QStringLiteral("no lesson '%1' (stackcanvas lessons lists them)").arg(ids.front()));
        out(fmt == QLatin1String("json") ? q(lessonToJson(*lesson).dump(2)) + QLatin1Char('\n') : lessonText(*lesson));
        return 0;
    }
    if (fmt == QLatin1String("json")) {
        Json list = Json::array();
        for (const Lesson &l : allLessons()) {
            list.push_back({{"id", l.id},
                            {"title", l.title},
                            {"topic", topicName(l.topic)},
                            {"topicNumber", l.topic},
                            {"subtopic", l.subtopic},
                            {"example", l.example},
                            {"steps", l.steps.size()}});
        }
        out(q(Json{{"lessons", list}}.dump(2)) + QLatin1Char('\n'));
        return 0;
    }
    QString text;
    int topic = 0;
    for (const Lesson &l : allLessons()) {
        if (l.topic != topic) {
            topic = l.topic;
            text += QStringLiteral("%1%2. %3\n")
                        .arg(text.isEmpty() ? QString() : QStringLiteral("\n"))
                        .arg(topic)
                        .arg(q(topicName(topic)));
        }
        text += QStringLiteral("  %1  %2\n").arg(q(l.id).leftJustified(28), q(l.title));
    }
    out(text);
    return 0;
}

} // namespace sc::cli
