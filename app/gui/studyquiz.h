#pragma once
// Practice in the Study panel: the questions FSRS says are due (then new ones), topics answered
// wrong first (model/study/practice.h), one at a time; an answer is rated Good when right and
// Again when wrong, scheduled, and kept in the review history. Written questions and the
// prediction questions generated from the simulators are practised alike.

#include "model/study/quiz.h"
#include "model/study/reviewstore.h"

#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <vector>

namespace sc {

class StudyQuiz : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the StudyController")
    Q_PROPERTY(bool active READ active NOTIFY changed)
    // The lesson practised, or empty for every lesson.
    Q_PROPERTY(QString scope READ scope NOTIFY changed)
    // {id, text, choices, prediction, lesson, topicName}; empty when no question is asked.
    Q_PROPERTY(QVariantMap question READ question NOTIFY changed)
    // The choice given, -1 before an answer.
    Q_PROPERTY(int chosen READ chosen NOTIFY changed)
    Q_PROPERTY(int answer READ answer NOTIFY changed)
    Q_PROPERTY(QString explanation READ explanation NOTIFY changed)
    // When the question comes back, once answered ("in 10 minutes", "in 3 days").
    Q_PROPERTY(QString nextReview READ nextReview NOTIFY changed)
    Q_PROPERTY(int position READ position NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(int correctCount READ correctCount NOTIFY changed)
    // Nothing due: when the first question of the scope comes back.
    Q_PROPERTY(QString idleNote READ idleNote NOTIFY changed)

public:
    using StoreAccess = std::function<ReviewStore &()>;
    StudyQuiz(StoreAccess store, std::function<void()> save, QObject *parent = nullptr);

    bool active() const { return m_position < m_queue.size(); }
    QString scope() const { return m_scope; }
    QVariantMap question() const;
    int chosen() const { return m_chosen; }
    int answer() const;
    QString explanation() const;
    QString nextReview() const { return m_nextReview; }
    int position() const { return static_cast<int>(m_position); }
    int count() const { return static_cast<int>(m_queue.size()); }
    int correctCount() const { return m_correct; }
    QString idleNote() const { return m_idleNote; }

    // The written and generated questions; generated once, from the embedded examples.
    static const std::vector<Question> &questions();

    // Builds the queue for a lesson (or every lesson when empty) at the current time; only the
    // prediction questions when `predictionsOnly`.
    Q_INVOKABLE void start(const QString &lesson, bool predictionsOnly = false);
    Q_INVOKABLE void choose(int index);
    Q_INVOKABLE void next();
    Q_INVOKABLE void stop();

signals:
    void changed();
    // Every question of a lesson's queue has been answered.
    void finished(const QString &lesson);

private:
    const Question *current() const;

    StoreAccess m_store;
    std::function<void()> m_save;
    QString m_scope;
    std::vector<Question> m_pool; // the scope's questions; the queue points into them
    std::vector<const Question *> m_queue;
    std::size_t m_position = 0;
    int m_chosen = -1;
    int m_correct = 0;
    QString m_nextReview;
    QString m_idleNote;
};

} // namespace sc
