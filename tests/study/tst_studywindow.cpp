// The Study panel in the real window, offscreen: one lesson walked end to end with the mouse
// (its example on the canvas, highlighted cards, two what-ifs stepped through, the rule made to
// fire in the Problems tab and fixed, each one undo command, the practice quiz with a prediction
// question), then its progress read back from the review history by a new panel.

#include "tests/gui/windowfixture.h"

#include "app/gui/studycontroller.h"
#include "model/study/lesson.h"

#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>
#include <QtQuickTest/quicktest.h>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

using namespace sc;
using sc::test::WindowFixture;

namespace {

const char *const kLesson = "cfn-deletion-policy";

} // namespace

class TestStudyWindow : public QObject {
    Q_OBJECT

    std::unique_ptr<WindowFixture> m_f;
    QTemporaryDir m_storeDir;
    StudyController *m_study = nullptr;

    QString storePath() const { return m_storeDir.filePath(QStringLiteral("study.json")); }

    // Several views may hold an item of the same name (the quiz is shown in the lesson and in
    // practice mode): the one on screen.
    // Items are searched through the visual tree: view delegates have no QObject parent.
    static QQuickItem *findVisible(QQuickItem *item, const QString &name)
    {
        if (!item->isVisible())
            return nullptr;
        if (item->objectName() == name)
            return item;
        for (QQuickItem *child : item->childItems()) {
            if (QQuickItem *found = findVisible(child, name))
                return found;
        }
        return nullptr;
    }

    // Several views may hold an item of the same name (the quiz is shown in the lesson and in
    // practice mode): the one on screen.
    QQuickItem *visible(const QString &name) const { return findVisible(m_f->window->contentItem(), name); }

    void click(const QString &name)
    {
        QTRY_VERIFY2(visible(name), qPrintable(name + QStringLiteral(" is not on screen")));
        // Items a view just created are placed by the next polish: click where they will be.
        QVERIFY(QQuickTest::qWaitForPolish(m_f->window));
        QQuickItem *item = visible(name);
        const QPointF at = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(m_f->window, Qt::LeftButton, Qt::NoModifier, at.toPoint());
    }

    QString text(const QString &name) const
    {
        QQuickItem *item = visible(name);
        return item ? item->property("text").toString() : QString();
    }

    int completedSteps(const QVariantList &lessons) const
    {
        for (const QVariant &l : lessons) {
            if (l.toMap().value(QStringLiteral("id")).toString() == QLatin1String(kLesson))
                return l.toMap().value(QStringLiteral("completed")).toInt();
        }
        return -1;
    }

    // Answers the question on screen, rightly when `right`; returns whether it was a prediction.
    bool answer(bool right)
    {
        const QVariantMap question = m_study->quiz()->question();
        const QString id = question.value(QStringLiteral("id")).toString();
        const Question *q = nullptr;
        for (const Question &candidate : StudyQuiz::questions()) {
            if (QString::fromStdString(candidate.id) == id)
                q = &candidate;
        }
        if (!q)
            return false;
        const int choice = right ? q->answer : (q->answer + 1) % static_cast<int>(q->choices.size());
        click(QStringLiteral("studyChoice%1").arg(choice));
        if (m_study->quiz()->chosen() != choice)
            qWarning("choice %d was clicked, %d recorded", choice, m_study->quiz()->chosen());
        return q->prediction;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("StackCanvasTest"));
    }

    void init()
    {
        m_f = std::make_unique<WindowFixture>();
        QVERIFY(m_f->load());
        m_study = m_f->window->findChild<StudyController *>(QStringLiteral("study"));
        QVERIFY(m_study);
        m_study->setStorePath(storePath());
    }

    void cleanup() { m_f.reset(); }

    void lessonEndToEnd()
    {
        // The tool bar opens the panel, which takes the palette's place.
        QVERIFY(!m_f->find(QStringLiteral("studyPanel"))->isVisible());
        click(QStringLiteral("studyButton"));
        QTRY_VERIFY(m_f->find(QStringLiteral("studyPanel"))->isVisible());
        QCOMPARE(completedSteps(m_study->lessons()), 0);

        // Opening the lesson opens its example on the canvas and selects the step's resources.
        click(QStringLiteral("lesson:") + QLatin1String(kLesson));
        QTRY_COMPARE(m_study->lessonId(), QString::fromLatin1(kLesson));
        const Lesson *lesson = findLesson(kLesson);
        QVERIFY(lesson);
        QVERIFY(m_f->document.root()["Description"] == exampleTemplate(embeddedExample, lesson->example)["Description"]);
        QCOMPARE(text(QStringLiteral("studyLessonTitle")), QString::fromStdString(lesson->title));
        QStringList highlighted;
        for (const std::string &id : lesson->steps[0].highlight)
            highlighted << QString::fromStdString(id);
        QStringList selection = m_f->controller->canvas()->selection();
        selection.sort();
        highlighted.sort();
        QCOMPARE(selection, highlighted);

        // Step 2: the deletion what-if, stepped through a row at a time.
        click(QStringLiteral("studyNext"));
        QTRY_COMPARE(m_study->stepIndex(), 1);
        QCOMPARE(completedSteps(m_study->lessons()), 1); // reading step 1 counts
        QCOMPARE(text(QStringLiteral("studyRun")), QStringLiteral("Run the what-if"));
        click(QStringLiteral("studyRun"));
        QTRY_VERIFY(!m_study->output().isEmpty());
        const QString table = m_study->output().join(QLatin1Char('\n'));
        QVERIFY2(table.contains(QLatin1String("Database")) && table.contains(QLatin1String("Snapshotted")), qPrintable(table));
        QVERIFY2(table.contains(QLatin1String("AuditTable")) && table.contains(QLatin1String("Retained")), qPrintable(table));
        QCOMPARE(text(QStringLiteral("studyOutputRow")), QStringLiteral("1 / %1").arg(m_study->output().size()));
        click(QStringLiteral("studyOutputNext"));
        click(QStringLiteral("studyOutputNext"));
        QTRY_COMPARE(text(QStringLiteral("studyOutputRow")), QStringLiteral("3 / %1").arg(m_study->output().size()));
        QCOMPARE(completedSteps(m_study->lessons()), 2);

        // Step 3: the same under UpdateReplacePolicy: its default deletes the replaced database.
        click(QStringLiteral("studyNext"));
        QTRY_COMPARE(m_study->stepIndex(), 2);
        QVERIFY(m_study->output().isEmpty());
        click(QStringLiteral("studyRun"));
        QTRY_VERIFY(!m_study->output().isEmpty());
        QVERIFY(m_study->output().join(QLatin1Char('\n')) != table);

        // Step 4: the change makes W5001 fire on AuditTable in the Problems tab; its fix clears
        // it. Each is one undo command, so two undos give back the example.
        click(QStringLiteral("studyNext"));
        QTRY_COMPARE(m_study->stepIndex(), 3);
        const Json example = m_f->document.root();
        QCOMPARE(m_study->ruleState(), QString());
        click(QStringLiteral("studyBreak"));
        QTRY_COMPARE(m_study->ruleState(), QStringLiteral("firing"));
        QVERIFY(!m_f->document.root()["Resources"]["AuditTable"].contains("DeletionPolicy"));
        QCOMPARE(m_f->find(QStringLiteral("bottomTabs"))->property("currentIndex").toInt(), 1);
        QVERIFY(text(QStringLiteral("studyRuleState")).startsWith(QLatin1String("W5001 reports AuditTable")));
        bool listed = false;
        for (const Finding &finding : m_f->controller->problems()->findings())
            listed |= finding.ruleId == "W5001" && finding.logicalId == "AuditTable";
        QVERIFY(listed);
        click(QStringLiteral("studyFix"));
        QTRY_COMPARE(m_study->ruleState(), QStringLiteral("fixed"));
        QVERIFY(m_f->document.root()["Resources"]["AuditTable"]["DeletionPolicy"] == Json("Retain"));
        m_f->controller->undo();
        m_f->controller->undo();
        QVERIFY(m_f->document.root() == example);
        QCOMPARE(completedSteps(m_study->lessons()), 4);

        // Step 5: the lesson's questions, written and predicted; one answered wrong.
        click(QStringLiteral("studyNext"));
        QTRY_COMPARE(m_study->stepIndex(), 4);
        QTRY_VERIFY(m_study->quiz()->active());
        const int count = m_study->quiz()->count();
        QVERIFY(count >= 3);
        bool sawPrediction = false;
        for (int i = 0; i < count; ++i) {
            const bool prediction = answer(i != 0);
            sawPrediction |= prediction;
            QTRY_VERIFY(m_study->quiz()->chosen() >= 0);
            QCOMPARE(visible(QStringLiteral("studyPredictionBadge")) != nullptr, prediction);
            QVERIFY2(text(QStringLiteral("studyVerdict")).startsWith(i != 0 ? QLatin1String("Right.") : QLatin1String("Not quite")),
                     qPrintable(text(QStringLiteral("studyVerdict"))));
            QVERIFY(!text(QStringLiteral("studyExplanation")).isEmpty());
            click(QStringLiteral("studyQuizNext"));
            QTRY_COMPARE(m_study->quiz()->position(), i + 1);
        }
        QVERIFY(sawPrediction);
        QTRY_VERIFY(visible(QStringLiteral("studyQuizDone")));
        QCOMPARE(m_study->quiz()->correctCount(), count - 1);
        QCOMPARE(completedSteps(m_study->lessons()), 5);

        // The lesson list shows the progress; the history keeps it for the next run.
        click(QStringLiteral("studyBack"));
        QTRY_COMPARE(m_study->lessonId(), QString());
        QTRY_VERIFY(visible(QStringLiteral("studyLessons")));
        QVERIFY(QFile::exists(storePath()));
        StudyController again;
        again.setStorePath(storePath());
        QCOMPARE(completedSteps(again.lessons()), 5);
        // Every question answered is scheduled later: nothing of this lesson is due now.
        again.quiz()->start(QString::fromLatin1(kLesson));
        QVERIFY(!again.quiz()->active());
        QVERIFY(again.quiz()->idleNote().startsWith(QLatin1String("Nothing is due")));
    }
};

QTEST_MAIN(TestStudyWindow)
#include "tst_studywindow.moc"
