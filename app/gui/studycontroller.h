#pragma once
// What the Study panel sees: the lessons with the learner's progress, the open lesson and its
// steps, and what each step does in the window: highlight resources on the canvas, break the
// example so a rule fires in the Problems tab and apply its fix (each one undo command), run a
// what-if or the rollout engine and show its table or timeline, and practise the quiz
// (studyquiz.h). Thin: lessons, simulators and scheduling are model/study's.

#include "app/examples/examples.h"
#include "app/gui/documentcontroller.h"
#include "app/gui/studyquiz.h"
#include "model/study/lesson.h"
#include "model/study/reviewstore.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace sc {

class StudyController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(sc::DocumentController *controller READ controller WRITE setController NOTIFY controllerChanged)
    // The review history and lesson progress (a JSON file); the application data folder's
    // study.json unless set.
    Q_PROPERTY(QString storePath READ storePath WRITE setStorePath NOTIFY storeChanged)
    // Why the history could not be read or written; empty when all is well.
    Q_PROPERTY(QString storeError READ storeError NOTIFY storeChanged)
    // {id, title, topic, topicName, firstOfTopic, subtopic, steps, completed}, in outline order.
    Q_PROPERTY(QVariantList lessons READ lessons NOTIFY progressChanged)
    Q_PROPERTY(QString lessonId READ lessonId NOTIFY lessonChanged)
    // {id, title, topicName, subtopic, summary, example}; empty when no lesson is open.
    Q_PROPERTY(QVariantMap lesson READ lesson NOTIFY lessonChanged)
    // {kind, title, done} of every step of the open lesson.
    Q_PROPERTY(QVariantList steps READ steps NOTIFY progressChanged)
    Q_PROPERTY(int stepIndex READ stepIndex NOTIFY stepChanged)
    // The current step: {kind, title, text, highlight, rule, resource, fixable, whatif, target}.
    Q_PROPERTY(QVariantMap step READ step NOTIFY stepChanged)
    // What the current rollout or what-if step produced: a title and the lines of its table or
    // timeline, stepped through in the view.
    Q_PROPERTY(QString outputTitle READ outputTitle NOTIFY outputChanged)
    Q_PROPERTY(QStringList output READ output NOTIFY outputChanged)
    // Rule steps: "" before, "firing" once the example is broken and the rule reports it,
    // "fixed" once its fix removed the finding.
    Q_PROPERTY(QString ruleState READ ruleState NOTIFY ruleStateChanged)
    // The last action's error, empty when it worked.
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(sc::StudyQuiz *quiz READ quiz CONSTANT)

public:
    explicit StudyController(QObject *parent = nullptr);
    ~StudyController() override;

    DocumentController *controller() const { return m_controller; }
    void setController(DocumentController *controller);
    QString storePath() const;
    void setStorePath(const QString &path);
    QString storeError() const { return m_storeError; }
    QVariantList lessons() const;
    QString lessonId() const;
    QVariantMap lesson() const;
    QVariantList steps() const;
    int stepIndex() const { return m_step; }
    QVariantMap step() const;
    QString outputTitle() const { return m_outputTitle; }
    QStringList output() const { return m_output; }
    QString ruleState() const { return m_ruleState; }
    QString message() const { return m_message; }
    StudyQuiz *quiz() const { return m_quiz; }

    // Opens the lesson's example as a new document and shows its first step; an empty string or
    // the error (the open document is untouched then).
    Q_INVOKABLE QString openLesson(const QString &id);
    Q_INVOKABLE void closeLesson();
    // Shows a step; the step left behind counts as done when it is a reading step.
    Q_INVOKABLE void goToStep(int index);
    Q_INVOKABLE void next();
    Q_INVOKABLE void previous();
    // Rollout and what-if steps: runs the simulator on the open document.
    Q_INVOKABLE QString run();
    // Rule steps: applies the step's edits (one undo command) so that the rule fires.
    Q_INVOKABLE QString breakExample();
    // Rule steps: applies the fix of the finding the step is about (one undo command).
    Q_INVOKABLE QString applyFix();
    // Quiz steps: practises the open lesson's questions.
    Q_INVOKABLE void startLessonQuiz();
    Q_INVOKABLE void resetProgress(const QString &id);

signals:
    void controllerChanged();
    void storeChanged();
    void progressChanged();
    void lessonChanged();
    void stepChanged();
    void outputChanged();
    void ruleStateChanged();
    void messageChanged();
    // The Problems tab should be shown: a rule step made its rule fire.
    void problemsWanted();

private:
    ReviewStore &store();
    void saveStore();
    const Lesson *current() const;
    const LessonStep *currentStep() const;
    void completeStep(int index);
    void highlight();
    void setOutput(const QString &title, const QStringList &lines);
    void setRuleState(const QString &state);
    QString fail(const QString &message);
    bool ruleFires() const;

    QPointer<DocumentController> m_controller;
    std::unique_ptr<ReviewStore> m_store;
    QString m_storePath;
    QString m_storeError;
    std::string m_lesson;
    int m_step = 0;
    QString m_outputTitle;
    QStringList m_output;
    QString m_ruleState;
    QString m_message;
    StudyQuiz *m_quiz;
};

} // namespace sc
