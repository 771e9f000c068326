// FSRS against the reference values published with the open-spaced-repetition project's
// reference implementation (py-fsrs 6.3.1, tests/test_basic.py: test_review_card,
// test_memo_state, test_repeated_correct_reviews and the learning-step tests), the review
// store (QSaveFile, damaged files), and practice ordering that favours topics answered wrong.

#include "model/study/practice.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sc;
using namespace sc::fsrs;

namespace {

constexpr Time kDay = 86400;
// 2022-11-29 12:30:00 UTC, the reference tests' first review.
constexpr Time kStart = 1669725000;

Question question(const std::string &id, int topic)
{
    Question q;
    q.id = id;
    q.lesson = "cloud-map";
    q.topic = topic;
    q.question = "?";
    q.choices = {"a", "b", "c"};
    q.explanation = "x";
    return q;
}

} // namespace

class TestFsrs : public QObject
{
    Q_OBJECT

private slots:
    void intervalsMatchTheReferenceImplementation();
    void memoryStateMatchesTheReferenceImplementation();
    void easyReviewsBringDifficultyToOne();
    void learningSteps();
    void retrievabilityFallsWithTime();
    void storeRoundTripsThroughAFile();
    void damagedStoreIsReportedAndKept();
    void failedSaveLeavesTheOldFile();
    void practiceFavoursTopicsAnsweredWrong();
    void dueReviewsComeBeforeNewQuestions();
};

void TestFsrs::intervalsMatchTheReferenceImplementation()
{
    // test_review_card: Good x6, Again x2, Good x5, each review when the card is due.
    const Scheduler scheduler;
    const Rating good = Rating::Good, again = Rating::Again;
    const std::vector<Rating> ratings{good, good, good, good, good, good, again, again, good, good, good, good, good};
    Card card;
    card.due = kStart;
    Time now = kStart;
    std::vector<Time> intervals;
    for (Rating r : ratings) {
        card = scheduler.review(card, r, now);
        intervals.push_back((card.due - *card.lastReview) / kDay);
        now = card.due;
    }
    QCOMPARE(intervals, (std::vector<Time>{0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21}));
}

void TestFsrs::memoryStateMatchesTheReferenceImplementation()
{
    // test_memo_state: Again, Good x5 on days 0, 0, +1, +3, +8, +21.
    const Scheduler scheduler;
    const std::vector<std::pair<Rating, int>> reviews{{Rating::Again, 0}, {Rating::Good, 0}, {Rating::Good, 1},
                                                      {Rating::Good, 3},  {Rating::Good, 8}, {Rating::Good, 21}};
    Card card;
    Time now = kStart;
    for (const auto &[rating, days] : reviews) {
        now += days * kDay;
        card = scheduler.review(card, rating, now);
    }
    QVERIFY(std::abs(*card.stability - 53.62691) < 1e-4);
    QVERIFY(std::abs(*card.difficulty - 6.3574867) < 1e-4);
}

void TestFsrs::easyReviewsBringDifficultyToOne()
{
    const Scheduler scheduler;
    Card card;
    for (int i = 0; i < 10; ++i)
        card = scheduler.review(card, Rating::Easy, kStart);
    QCOMPARE(*card.difficulty, 1.0);
}

void TestFsrs::learningSteps()
{
    const Scheduler scheduler;
    Card card;
    // A new card rated Good moves to the second learning step: due in 10 minutes.
    Card good = scheduler.review(card, Rating::Good, kStart);
    QCOMPARE(good.state, State::Learning);
    QCOMPARE(*good.step, 1);
    QCOMPARE(good.due - kStart, Time(600));
    // Again: back to the first step, 1 minute. Hard on the first of two steps: their mean, 5.5
    // minutes.
    QCOMPARE(scheduler.review(card, Rating::Again, kStart).due - kStart, Time(60));
    QCOMPARE(scheduler.review(card, Rating::Hard, kStart).due - kStart, Time(330));
    // Easy graduates at once to Review, at least a day away.
    const Card easy = scheduler.review(card, Rating::Easy, kStart);
    QCOMPARE(easy.state, State::Review);
    QVERIFY(!easy.step);
    QVERIFY(easy.due - kStart >= kDay);
    // A Review card answered Again relearns: 10 minutes.
    const Card lapse = scheduler.review(easy, Rating::Again, easy.due);
    QCOMPARE(lapse.state, State::Relearning);
    QCOMPARE(lapse.due - easy.due, Time(600));
}

void TestFsrs::retrievabilityFallsWithTime()
{
    const Scheduler scheduler;
    QCOMPARE(scheduler.retrievability(Card{}, kStart), 0.0);
    Card card = scheduler.review(Card{}, Rating::Easy, kStart);
    const double soon = scheduler.retrievability(card, kStart + kDay);
    const double later = scheduler.retrievability(card, kStart + 60 * kDay);
    QVERIFY(soon > later);
    // Stability is the time for recall to fall to 90 %.
    const Time s = static_cast<Time>(std::lround(*card.stability));
    QVERIFY(std::abs(scheduler.retrievability(card, kStart + s * kDay) - 0.9) < 0.01);
}

void TestFsrs::storeRoundTripsThroughAFile()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("study/study.json")).toStdString();
    const Scheduler scheduler;
    {
        ReviewStore store(path);
        QCOMPARE(store.load(), std::string()); // missing file: empty store
        store.recordAnswer(scheduler, "cfn-01", 3, Rating::Again, false, kStart);
        store.recordAnswer(scheduler, "cfn-01", 3, Rating::Good, true, kStart + 60);
        store.recordAnswer(scheduler, "eb-01", 1, Rating::Good, true, kStart + 120);
        store.completeStep("cfn-drift", 0);
        store.completeStep("cfn-drift", 1);
        QCOMPARE(store.save(), std::string());
    }
    ReviewStore again(path);
    QCOMPARE(again.load(), std::string());
    QCOMPARE(again.log().size(), std::size_t(3));
    QVERIFY(!again.log()[0].correct);
    QCOMPARE(again.log()[0].rating, Rating::Again);
    QCOMPARE(again.cards().size(), std::size_t(2));
    ReviewStore expected(path);
    expected.recordAnswer(scheduler, "cfn-01", 3, Rating::Again, false, kStart);
    expected.recordAnswer(scheduler, "cfn-01", 3, Rating::Good, true, kStart + 60);
    QVERIFY(*again.card("cfn-01") == *expected.card("cfn-01"));
    QCOMPARE(again.progress("cfn-drift").completedSteps, (std::set<int>{0, 1}));
    QVERIFY(again.progress("other").completedSteps.empty());
}

void TestFsrs::damagedStoreIsReportedAndKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("study.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"version\": 1,\n  \"cards\": {,\n}\n");
    file.close();
    ReviewStore store(path.toStdString());
    const std::string error = store.load();
    QVERIFY2(error.find(path.toStdString() + ":3:") == 0, error.c_str());
    QVERIFY(store.cards().empty());
    store.completeStep("cloud-map", 0);
    QCOMPARE(store.save(), std::string());
    QVERIFY(QFile::exists(path + QStringLiteral(".broken")));
    ReviewStore reread(path.toStdString());
    QCOMPARE(reread.load(), std::string());
    QCOMPARE(reread.progress("cloud-map").completedSteps.size(), std::size_t(1));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"version": 2})");
    file.close();
    ReviewStore wrongVersion(path.toStdString());
    QVERIFY(wrongVersion.load().find("version 1 expected") != std::string::npos);
}

void TestFsrs::failedSaveLeavesTheOldFile()
{
    QTemporaryDir dir;
    // A folder that cannot be created (a file stands in its place): a clear error, nothing written.
    QFile blocker(dir.filePath(QStringLiteral("blocked")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    ReviewStore nowhere(dir.filePath(QStringLiteral("blocked/study.json")).toStdString());
    nowhere.completeStep("cloud-map", 1);
    const std::string folderError = nowhere.save();
    QVERIFY2(folderError.find("blocked/study.json: cannot create its folder") != std::string::npos,
             folderError.c_str());

    const QString path = dir.filePath(QStringLiteral("study.json"));
    ReviewStore store(path.toStdString());
    store.completeStep("cloud-map", 2);
    QCOMPARE(store.save(), std::string());
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray before = original.readAll();
    original.close();
    // The folder becomes read-only: QSaveFile cannot create its temporary file.
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    store.completeStep("cloud-map", 3);
    const std::string error = store.save();
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (error.empty())
        QSKIP("the file system lets this user write into a read-only folder (running as root)");
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), before);
}

void TestFsrs::practiceFavoursTopicsAnsweredWrong()
{
    const std::vector<Question> bank{question("a1", 1), question("a2", 1), question("c1", 3),
                                     question("c2", 3), question("c3", 3), question("g1", 7)};
    QTemporaryDir dir;
    ReviewStore store(dir.filePath(QStringLiteral("s.json")).toStdString());
    // Untried topics weigh the same: bank order.
    auto queue = practiceQueue(bank, store, kStart);
    QCOMPARE(queue.front()->id, std::string("a1"));
    QCOMPARE(topicWeakness(store, 3), 0.5);

    const Scheduler scheduler;
    store.recordAnswer(scheduler, "a1", 1, Rating::Good, true, kStart);
    store.recordAnswer(scheduler, "c1", 3, Rating::Again, false, kStart);
    QCOMPARE(topicWeakness(store, 1), 1.0 / 3.0);
    QCOMPARE(topicWeakness(store, 3), 2.0 / 3.0);
    // Two hours later: c1 (relearning) is due again and comes first; a1 is not due (learning
    // step of 10 minutes has passed, so it is due too, but topic 1 is stronger).
    queue = practiceQueue(bank, store, kStart + 7200);
    QCOMPARE(queue[0]->id, std::string("c1"));
    QCOMPARE(queue[1]->id, std::string("a1"));
    // New questions: the weak topic's first.
    QCOMPARE(queue[2]->id, std::string("c2"));
    QCOMPARE(queue[3]->id, std::string("c3"));
    QCOMPARE(queue[4]->id, std::string("g1")); // untried topic (0.5) before topic 1 (1/3)
    QCOMPARE(queue[5]->id, std::string("a2"));
}

void TestFsrs::dueReviewsComeBeforeNewQuestions()
{
    const std::vector<Question> bank{question("n1", 2), question("r1", 2)};
    QTemporaryDir dir;
    ReviewStore store(dir.filePath(QStringLiteral("s.json")).toStdString());
    const Scheduler scheduler;
    store.recordAnswer(scheduler, "r1", 2, Rating::Easy, true, kStart);
    const Time due = store.card("r1")->due;
    // Not due yet: only the new question.
    auto queue = practiceQueue(bank, store, due - 1);
    QCOMPARE(queue.size(), std::size_t(1));
    QCOMPARE(queue[0]->id, std::string("n1"));
    queue = practiceQueue(bank, store, due);
    QCOMPARE(queue.size(), std::size_t(2));
    QCOMPARE(queue[0]->id, std::string("r1"));
}

QTEST_GUILESS_MAIN(TestFsrs)
#include "tst_fsrs.moc"
