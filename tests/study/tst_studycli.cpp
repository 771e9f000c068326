// The study commands through the real executable, without a display: lessons, whatif (each
// kind, text and JSON, documented facts in the JSON), quiz, and exit code 2 with a clear error
// for every kind of bad usage.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Run run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SC_EXECUTABLE), arguments);
    process.waitForFinished(60000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString example(const char *folder)
{
    return QStringLiteral(SC_SOURCE_DIR "/examples/%1/template.yaml").arg(QLatin1String(folder));
}

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *a : list)
        out << QString::fromUtf8(a);
    return out;
}

QJsonObject row(const QJsonArray &rows, const QString &key, const QString &value)
{
    for (const auto &r : rows)
        if (r.toObject().value(key).toString() == value)
            return r.toObject();
    return {};
}

} // namespace

class TestStudyCli : public QObject
{
    Q_OBJECT

private slots:
    void lessonsListAndDetail()
    {
        const Run json = run(args({"lessons", "--format", "json"}));
        QCOMPARE(json.exitCode, 0);
        const QJsonArray lessons = json.json().value(QStringLiteral("lessons")).toArray();
        QVERIFY(lessons.size() >= 25);
        const QJsonObject first = lessons.first().toObject();
        for (const char *key : {"id", "title", "topic"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first.value(QStringLiteral("topic")).toString(), QStringLiteral("Elastic Beanstalk"));

        const Run text = run(args({"lessons"}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("8. Cloud Map")));
        QVERIFY(text.out.contains(QStringLiteral("cfn-stacksets")));

        const Run detail = run(args({"lessons", "codedeploy-lambda"}));
        QCOMPARE(detail.exitCode, 0);
        QVERIFY(detail.out.contains(QStringLiteral("--target LiveAlias --fail alarm:240")));
        const Run missing = run(args({"lessons", "nope"}));
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QStringLiteral("no lesson 'nope'")));
    }

    void whatifDeletion()
    {
        const Run r = run({QStringLiteral("whatif"), QStringLiteral("deletion"), example("stackset-custom-resources"),
                           QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0); // the custom resource empties the only Delete bucket
        const QJsonArray rows = r.json().value(QStringLiteral("resources")).toArray();
        const QJsonObject db = row(rows, QStringLiteral("logicalId"), QStringLiteral("Database"));
        QCOMPARE(db.value(QStringLiteral("outcome")).toString(), QStringLiteral("Snapshotted"));
        QCOMPARE(db.value(QStringLiteral("type")).toString(), QStringLiteral("AWS::RDS::DBInstance"));
        QVERIFY(!db.value(QStringLiteral("reason")).toString().isEmpty());
        QCOMPARE(row(rows, QStringLiteral("logicalId"), QStringLiteral("AuditTable"))
                     .value(QStringLiteral("outcome"))
                     .toString(),
                 QStringLiteral("Retained"));
        // Replacement: the artifacts bucket (Delete, holding objects) cannot be cleaned up.
        const Run replaced = run({QStringLiteral("whatif"), QStringLiteral("deletion"),
                                  example("stackset-custom-resources"), QStringLiteral("--replacement")});
        QCOMPARE(replaced.exitCode, 1);
        QVERIFY(replaced.out.contains(QStringLiteral("DeleteFails")));
    }

    void whatifStackSetStrictAndSoft()
    {
        const QStringList base{
            QStringLiteral("whatif"),   QStringLiteral("stackset"),         example("stackset-custom-resources"),
            QStringLiteral("--target"), QStringLiteral("SecurityBaseline"), QStringLiteral("--accounts"),
            QStringLiteral("20"),       QStringLiteral("--format"),         QStringLiteral("json")};
        const Run strict = run(base);
        QCOMPARE(strict.exitCode, 0);
        QCOMPARE(strict.json().value(QStringLiteral("maxActualConcurrency")).toInt(), 3);
        const Run soft = run(base + QStringList{QStringLiteral("--mode"), QStringLiteral("soft")});
        QCOMPARE(soft.json().value(QStringLiteral("maxActualConcurrency")).toInt(), 5);

        const Run failing = run(base
                                + QStringList{QStringLiteral("--region-concurrency"), QStringLiteral("sequential"),
                                              QStringLiteral("--regions"), QStringLiteral("us-east-1,eu-west-1"),
                                              QStringLiteral("--fail"), QStringLiteral("1@us-east-1"),
                                              QStringLiteral("--fail"), QStringLiteral("2@us-east-1"),
                                              QStringLiteral("--fail"), QStringLiteral("3@us-east-1")});
        QCOMPARE(failing.exitCode, 1);
        const QJsonArray regions = failing.json().value(QStringLiteral("regions")).toArray();
        QCOMPARE(regions.size(), 2);
        QCOMPARE(regions[0].toObject().value(QStringLiteral("region")).toString(), QStringLiteral("us-east-1"));
        QCOMPARE(regions[0].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("FAILED"));
        QCOMPARE(regions[1].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("NOT_STARTED"));
        const QJsonObject account = regions[0].toObject().value(QStringLiteral("accounts")).toArray()[0].toObject();
        for (const char *key : {"account", "status", "start", "end"})
            QVERIFY2(account.contains(QLatin1String(key)), key);
        QCOMPARE(account.value(QStringLiteral("status")).toString(), QStringLiteral("FAILED"));
    }

    void whatifRunCommand()
    {
        const Run r = run(args({"whatif", "runcommand", "--targets", "10", "--max-concurrency", "50%", "--max-errors",
                                "0", "--fail", "1", "--format", "json"}));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().value(QStringLiteral("sent")).toInt(), 1); // stops after the first error
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("Failed"));
        const Run ok = run(args({"whatif", "runcommand", "--targets", "8"}));
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(ok.out.contains(QStringLiteral("Success")));
    }

    void whatifDriftAndImport()
    {
        const Run drift = run({QStringLiteral("whatif"), QStringLiteral("drift"), example("stackset-custom-resources"),
                               QStringLiteral("--set"), QStringLiteral("AuditTable.BillingMode=PROVISIONED"),
                               QStringLiteral("--delete"), QStringLiteral("DatabaseSecurityGroup"),
                               QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(drift.exitCode, 1);
        QCOMPARE(drift.json().value(QStringLiteral("stackDriftStatus")).toString(), QStringLiteral("DRIFTED"));
        const QJsonArray resources = drift.json().value(QStringLiteral("resources")).toArray();
        const QJsonObject table = row(resources, QStringLiteral("logicalId"), QStringLiteral("AuditTable"));
        QCOMPARE(table.value(QStringLiteral("status")).toString(), QStringLiteral("MODIFIED"));
        const QJsonObject difference = table.value(QStringLiteral("differences")).toArray()[0].toObject();
        QCOMPARE(difference.value(QStringLiteral("propertyPath")).toString(), QStringLiteral("/BillingMode"));
        QCOMPARE(difference.value(QStringLiteral("differenceType")).toString(), QStringLiteral("NOT_EQUAL"));
        QCOMPARE(row(resources, QStringLiteral("logicalId"), QStringLiteral("DatabaseSecurityGroup"))
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("DELETED"));
        const Run clean
            = run({QStringLiteral("whatif"), QStringLiteral("drift"), example("stackset-custom-resources")});
        QCOMPARE(clean.exitCode, 0);

        const Run import = run({QStringLiteral("whatif"), QStringLiteral("import"), example("cfn-resource-import"),
                                QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(import.exitCode, 0);
        QVERIFY(import.json().value(QStringLiteral("ready")).toBool());
        QCOMPARE(import.json().value(QStringLiteral("resourcesToImport")).toArray().size(), 3);
    }

    void quizJson()
    {
        const Run r = run(args({"quiz", "--format", "json"}));
        QCOMPARE(r.exitCode, 0);
        const QJsonArray questions = r.json().value(QStringLiteral("questions")).toArray();
        QVERIFY(questions.size() >= 100);
        int predictions = 0;
        for (const auto &value : questions) {
            const QJsonObject q = value.toObject();
            for (const char *key : {"id", "topic", "question", "choices", "answer", "explanation", "lesson"})
                QVERIFY2(q.contains(QLatin1String(key)), key);
            const int choices = q.value(QStringLiteral("choices")).toArray().size();
            QVERIFY(choices >= 3 && choices <= 5);
            QVERIFY(q.value(QStringLiteral("answer")).toInt() < choices);
            predictions += q.value(QStringLiteral("prediction")).toBool();
        }
        QVERIFY(predictions >= 20);
        const Run topic = run(args({"quiz", "--topic", "8", "--format", "json"}));
        for (const auto &value : topic.json().value(QStringLiteral("questions")).toArray())
            QCOMPARE(value.toObject().value(QStringLiteral("topic")).toString(), QStringLiteral("Cloud Map"));
    }

    void badUsageExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString stackset = example("stackset-custom-resources");
        QTest::newRow("no kind") << args({"whatif"}) << QStringLiteral("whatif needs a KIND");
        QTest::newRow("unknown kind") << args({"whatif", "explode", "x.yaml"})
                                      << QStringLiteral("unknown what-if 'explode'");
        QTest::newRow("missing file") << args({"whatif", "deletion", "/nonexistent/t.yaml"})
                                      << QStringLiteral("/nonexistent/t.yaml");
        QTest::newRow("flag of another kind") << QStringList{QStringLiteral("whatif"), QStringLiteral("deletion"),
                                                             stackset, QStringLiteral("--targets"), QStringLiteral("3")}
                                              << QStringLiteral("--targets does not apply to the deletion what-if");
        QTest::newRow("no target") << QStringList{QStringLiteral("whatif"), QStringLiteral("stackset"), stackset}
                                   << QStringLiteral("needs the StackSet's logical ID");
        QTest::newRow("OUs without accounts")
            << QStringList{QStringLiteral("whatif"), QStringLiteral("stackset"), stackset, QStringLiteral("--target"),
                           QStringLiteral("SecurityBaseline")}
            << QStringLiteral(":29:3: 'SecurityBaseline' targets organizational units");
        QTest::newRow("not a stackset")
            << QStringList{QStringLiteral("whatif"),   QStringLiteral("stackset"), stackset,
                           QStringLiteral("--target"), QStringLiteral("Database"), QStringLiteral("--accounts"),
                           QStringLiteral("3")}
            << QStringLiteral("'Database' is not an AWS::CloudFormation::StackSet");
        QTest::newRow("bad fail") << QStringList{QStringLiteral("whatif"),
                                                 QStringLiteral("stackset"),
                                                 stackset,
                                                 QStringLiteral("--target"),
                                                 QStringLiteral("SecurityBaseline"),
                                                 QStringLiteral("--accounts"),
                                                 QStringLiteral("3"),
                                                 QStringLiteral("--fail"),
                                                 QStringLiteral("9@us-east-1")}
                                  << QStringLiteral("--fail names account 9 of 3");
        QTest::newRow("bad percentage") << args({"whatif", "runcommand", "--targets", "5", "--max-errors", "150%"})
                                        << QStringLiteral("MaxErrors");
        QTest::newRow("runcommand without targets") << args({"whatif", "runcommand"}) << QStringLiteral("--targets N");
        QTest::newRow("bad drift edit") << QStringList{QStringLiteral("whatif"), QStringLiteral("drift"), stackset,
                                                       QStringLiteral("--set"), QStringLiteral("Nope.X=1")}
                                        << QStringLiteral("the live copy has no resource 'Nope'");
        QTest::newRow("quiz topic") << args({"quiz", "--topic", "9"}) << QStringLiteral("--topic takes a topic number");
        QTest::newRow("format") << args({"lessons", "--format", "xml"})
                                << QStringLiteral("--format takes text or json");
    }

    void badUsageExitsWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = run(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void unreadableTemplateIsPositioned()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Resources:\n  A: [unclosed\n");
        file.close();
        const Run r = run({QStringLiteral("whatif"), QStringLiteral("import"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(path + QStringLiteral(":")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestStudyCli)
#include "tst_studycli.moc"
