// The what-if simulators against the facts AWS documents (reference/aws-deployment-semantics.md
// §6.1 DeletionPolicy, §6.3 and §13 StackSets, §6.4 drift, §6.5 import, §8.1 Run Command).

#include "model/study/driftdetection.h"
#include "model/study/resourceimport.h"
#include "model/study/runcommand.h"
#include "model/study/stackdeletion.h"
#include "model/study/stacksetoperation.h"
#include "model/template/templatereader.h"

#include <QTest>

using namespace sc;

namespace {

Json yaml(const char *text)
{
    return readTemplate(text, "inline.yaml").root;
}

const DeletionRow &row(const DeletionResult &r, const std::string &id)
{
    for (const auto &x : r.rows)
        if (x.logicalId == id)
            return x;
    throw std::out_of_range(id);
}

const ResourceDrift &drift(const DriftResult &r, const std::string &id)
{
    for (const auto &x : r.resources)
        if (x.logicalId == id)
            return x;
    throw std::out_of_range(id);
}

const ImportRow &importRow(const ImportPlan &p, const std::string &id)
{
    for (const auto &x : p.rows)
        if (x.logicalId == id)
            return x;
    throw std::out_of_range(id);
}

StackSetScenario stackSet(int accounts, CountOrPercent maxConcurrent, CountOrPercent tolerance,
                          ConcurrencyMode mode = ConcurrencyMode::StrictFailureTolerance)
{
    StackSetScenario s;
    s.stackSet = "Baseline";
    s.accounts = accounts;
    s.regions = {"us-east-1"};
    s.preferences.maxConcurrent = maxConcurrent;
    s.preferences.failureTolerance = tolerance;
    s.preferences.mode = mode;
    return s;
}

// The largest number of accounts in flight at once in a Region, read from the start/end table.
int peakInFlight(const StackSetRegionRun &region)
{
    int peak = 0;
    for (const auto &a : region.accounts) {
        if (!a.start)
            continue;
        int n = 0;
        for (const auto &b : region.accounts)
            n += b.start && *b.start <= *a.start && *b.end > *a.start;
        peak = std::max(peak, n);
    }
    return peak;
}

const char *kDeletionTemplate = R"(
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    Properties: {Engine: mysql, DBInstanceClass: db.t4g.micro, AllocatedStorage: '20'}
  DefaultInstance:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBInstanceClass: db.t4g.micro, AllocatedStorage: '20'}
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: {Engine: aurora-mysql}
  ClusterMember:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: aurora-mysql, DBInstanceClass: db.r6g.large, DBClusterIdentifier: !Ref Cluster}
  Table:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Snapshot
    Properties:
      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
      KeySchema: [{AttributeName: pk, KeyType: HASH}]
      BillingMode: PAY_PER_REQUEST
  Logs:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
  Uploads:
    Type: AWS::S3::Bucket
  Artifacts:
    Type: AWS::S3::Bucket
    DeletionPolicy: Delete
  EmptyArtifacts:
    Type: Custom::EmptyBucket
    Properties: {ServiceToken: arn:aws:lambda:us-east-1:111122223333:function:empty, BucketName: !Ref Artifacts}
  Docs:
    Type: AWS::DocDB::DBCluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: RetainExceptOnCreate
)";

} // namespace

class TestWhatIf : public QObject
{
    Q_OBJECT

private slots:
    // Stack deletion and replacement
    void snapshotOnRdsInstanceSnapshotsThenDeletes();
    void snapshotOnTypeWithoutSnapshotsFallsBackToDelete();
    void rdsDefaultsAreSnapshotOutsideACluster();
    void nonEmptyBucketFailsUnlessACustomResourceEmptiesIt();
    void retainKeepsTheResource();
    void deletionOrderIsReverseDependencyOrder();
    void replacementFollowsUpdateReplacePolicy();
    // StackSets
    void strictAndSoftConcurrencyOnTwentyAccounts();
    void percentagesRoundDownAndConcurrencyNeverZero();
    void strictModeLowersConcurrencyAsAccountsFail();
    void softModeKeepsConcurrencyAndCanPassTheTolerance();
    void regionPastToleranceStopsLaterRegions();
    void parallelRegionsRunTogether();
    void regionOrderComesFirst();
    void stopOperationLetsRunningInstancesFinish();
    void stackSetFromTemplate();
    // Run Command
    void maxErrorsZeroStopsAfterTheFirstError();
    void maxErrorsThreeStopsOnTheFourth();
    void maxErrorsTenPercentOfFiftyStopsOnTheSixth();
    void rampUpDoublesUntilMaxConcurrency();
    void overshootFromInvocationsAlreadyRunning();
    void maxConcurrencyOneNeverOvershoots();
    // Drift
    void driftStatusesAndDifferences();
    void driftIgnoresLiveOnlyValuesAndDynamicReferences();
    void liveEditsAreCheckedAndRefused();
    // Import
    void importNeedsIdentifiersAndADeletionPolicy();
    void automaticImportNeedsRetain();
};

void TestWhatIf::snapshotOnRdsInstanceSnapshotsThenDeletes()
{
    const auto r = simulateDeletion(yaml(kDeletionTemplate));
    const auto &db = row(r, "Database");
    QCOMPARE(outcomeName(db.outcome), std::string("Snapshotted"));
    QCOMPARE(db.policy, std::string("Snapshot"));
    QVERIFY(!db.policyIsDefault);
    QVERIFY(db.reason.find("final snapshot") != std::string::npos);
    QVERIFY(db.reason.find("then deletes") != std::string::npos);
    QCOMPARE(outcomeName(row(r, "Docs").outcome),
             std::string("Snapshotted")); // DocDB supports it on deletion
}

void TestWhatIf::snapshotOnTypeWithoutSnapshotsFallsBackToDelete()
{
    const auto r = simulateDeletion(yaml(kDeletionTemplate));
    const auto &table = row(r, "Table");
    QCOMPARE(table.outcome, DeletionOutcome::Deleted);
    QCOMPARE(table.policy, std::string("Snapshot"));
    QVERIFY(table.reason.find("falls back to Delete") != std::string::npos);
    QVERIFY(!supportsSnapshot("AWS::DynamoDB::Table", false));
    QVERIFY(supportsSnapshot("AWS::EC2::Volume", false));
    QVERIFY(supportsSnapshot("AWS::Redshift::Cluster", true));
}

void TestWhatIf::rdsDefaultsAreSnapshotOutsideACluster()
{
    const auto r = simulateDeletion(yaml(kDeletionTemplate));
    QCOMPARE(row(r, "DefaultInstance").outcome, DeletionOutcome::Snapshotted);
    QVERIFY(row(r, "DefaultInstance").policyIsDefault);
    QCOMPARE(row(r, "Cluster").outcome, DeletionOutcome::Snapshotted);
    QCOMPARE(row(r, "Cluster").policy, std::string("Snapshot"));
    // An instance that belongs to a cluster defaults to Delete.
    QCOMPARE(row(r, "ClusterMember").outcome, DeletionOutcome::Deleted);
    QCOMPARE(row(r, "ClusterMember").policy, std::string("Delete"));
}

void TestWhatIf::nonEmptyBucketFailsUnlessACustomResourceEmptiesIt()
{
    const auto r = simulateDeletion(yaml(kDeletionTemplate));
    QCOMPARE(row(r, "Uploads").outcome, DeletionOutcome::DeleteFails);
    QVERIFY(row(r, "Uploads").reason.find("still holds objects") != std::string::npos);
    QCOMPARE(row(r, "Artifacts").outcome, DeletionOutcome::Deleted);
    QVERIFY(row(r, "Artifacts").reason.find("EmptyArtifacts") != std::string::npos);
    QCOMPARE(r.stackStatus, std::string("DELETE_FAILED"));

    DeletionOptions empty;
    empty.bucketsHoldObjects = false;
    const auto e = simulateDeletion(yaml(kDeletionTemplate), empty);
    QCOMPARE(row(e, "Uploads").outcome, DeletionOutcome::Deleted);
    QCOMPARE(e.stackStatus, std::string("DELETE_COMPLETE"));
}

void TestWhatIf::retainKeepsTheResource()
{
    const auto r = simulateDeletion(yaml(kDeletionTemplate));
    QCOMPARE(row(r, "Logs").outcome, DeletionOutcome::Retained);
    QCOMPARE(row(r, "Queue").outcome, DeletionOutcome::Retained);
    QVERIFY(row(r, "Queue").reason.find("rollback of the operation that created it") != std::string::npos);
}

void TestWhatIf::deletionOrderIsReverseDependencyOrder()
{
    const auto r = simulateDeletion(yaml(kDeletionTemplate));
    QCOMPARE(row(r, "EmptyArtifacts").wave, 1);
    QCOMPARE(row(r, "Artifacts").wave, 2);
    QCOMPARE(row(r, "ClusterMember").wave, 1);
    QCOMPARE(row(r, "Cluster").wave, 2);
    const Json json = deletionResultToJson(r);
    QCOMPARE(json["resources"].size(), std::size_t(11));
    QCOMPARE(json["resources"][0]["outcome"].get<std::string>(), std::string("Snapshotted"));
}

void TestWhatIf::replacementFollowsUpdateReplacePolicy()
{
    DeletionOptions options;
    options.replacement = true;
    const auto r = simulateDeletion(yaml(kDeletionTemplate), options);
    QVERIFY(r.stackStatus.empty());
    // UpdateReplacePolicy defaults to Delete, even for RDS.
    QCOMPARE(row(r, "DefaultInstance").outcome, DeletionOutcome::Deleted);
    QCOMPARE(row(r, "Database").outcome,
             DeletionOutcome::Deleted); // its UpdateReplacePolicy is unset
    // Snapshot on replacement is not listed for DocDB: it falls back to Delete.
    QCOMPARE(row(r, "Docs").outcome, DeletionOutcome::Deleted);
    // RetainExceptOnCreate is not a valid UpdateReplacePolicy; here it is the DeletionPolicy,
    // so the replacement uses the default.
    QCOMPARE(row(r, "Queue").outcome, DeletionOutcome::Deleted);
    QCOMPARE(row(r, "Uploads").outcome, DeletionOutcome::DeleteFails);
}

void TestWhatIf::strictAndSoftConcurrencyOnTwentyAccounts()
{
    // The documented example: MaxConcurrentPercentage 25, FailureTolerancePercentage 10, 20
    // accounts.
    auto s = stackSet(20, {25, true}, {10, true});
    auto strict = simulateStackSet(s);
    QCOMPARE(strict.maxConcurrent, 5);
    QCOMPARE(strict.failureTolerance, 2);
    QCOMPARE(strict.initialConcurrency, 3);
    QCOMPARE(strict.maxActualConcurrency, 3);
    QCOMPARE(peakInFlight(strict.regions[0]), 3);
    QCOMPARE(strict.status, std::string("SUCCEEDED"));
    s.preferences.mode = ConcurrencyMode::SoftFailureTolerance;
    auto soft = simulateStackSet(s);
    QCOMPARE(soft.maxActualConcurrency, 5);
    QCOMPARE(peakInFlight(soft.regions[0]), 5);
    QCOMPARE(soft.durationSeconds, 4 * s.instanceSeconds);
    QCOMPARE(strict.durationSeconds, 7 * s.instanceSeconds); // ceil(20 / 3) steps
}

void TestWhatIf::percentagesRoundDownAndConcurrencyNeverZero()
{
    auto r = simulateStackSet(stackSet(10, {25, true}, {25, true}, ConcurrencyMode::SoftFailureTolerance));
    QCOMPARE(r.maxConcurrent, 2); // 2.5 rounds down
    QCOMPARE(r.failureTolerance, 2);
    r = simulateStackSet(stackSet(10, {5, true}, {5, true}));
    QCOMPARE(r.maxConcurrent, 1); // 0.5 would be 0: at least one
    QCOMPARE(r.failureTolerance, 0);
    QCOMPARE(r.maxActualConcurrency, 1);
}

void TestWhatIf::strictModeLowersConcurrencyAsAccountsFail()
{
    auto s = stackSet(12, {5, false}, {2, false});
    s.failures = {{1, ""}};
    const auto r = simulateStackSet(s);
    const auto &region = r.regions[0];
    // Starts at min(5, 2 + 1) = 3; account 1 fails, so the next step runs 2 at once.
    QCOMPARE(region.accounts[0].status, std::string("FAILED"));
    QCOMPARE(*region.accounts[3].start, s.instanceSeconds);
    QCOMPARE(*region.accounts[4].start, s.instanceSeconds);
    QCOMPARE(*region.accounts[5].start, 2 * s.instanceSeconds);
    QCOMPARE(region.status, std::string("SUCCEEDED"));
    // However many accounts fail, strict mode never lets more than FailureTolerance + 1 fail.
    s.failures.clear();
    for (int k = 1; k <= 12; ++k)
        s.failures.push_back({k, ""});
    const auto all = simulateStackSet(s);
    QCOMPARE(all.regions[0].failures, 3);
    QCOMPARE(all.regions[0].status, std::string("FAILED"));
}

void TestWhatIf::softModeKeepsConcurrencyAndCanPassTheTolerance()
{
    auto s = stackSet(12, {5, false}, {2, false}, ConcurrencyMode::SoftFailureTolerance);
    for (int k = 1; k <= 12; ++k)
        s.failures.push_back({k, ""});
    const auto r = simulateStackSet(s);
    QCOMPARE(r.regions[0].failures, 5); // the first five run together and all fail
    QCOMPARE(r.regions[0].status, std::string("FAILED"));
    QCOMPARE(r.regions[0].accounts[5].status, std::string("CANCELLED"));
    QVERIFY(!r.regions[0].accounts[5].start);
}

void TestWhatIf::regionPastToleranceStopsLaterRegions()
{
    auto s = stackSet(4, {1, false}, {0, false});
    s.regions = {"us-east-1", "eu-west-1", "ap-southeast-2"};
    s.failures = {parseStackSetFailure("2@eu-west-1")};
    const auto r = simulateStackSet(s);
    QCOMPARE(r.regions[0].status, std::string("SUCCEEDED"));
    QCOMPARE(r.regions[1].status, std::string("FAILED"));
    QCOMPARE(r.regions[1].accounts[1].status, std::string("FAILED"));
    QCOMPARE(r.regions[1].accounts[2].status, std::string("CANCELLED"));
    QCOMPARE(r.regions[2].status, std::string("NOT_STARTED"));
    QCOMPARE(r.regions[2].accounts[0].status, std::string("CANCELLED"));
    QCOMPARE(r.status, std::string("FAILED"));
    QCOMPARE(*r.regions[1].accounts[0].start, 4 * s.instanceSeconds); // after the first Region
    const Json json = stackSetResultToJson(r);
    QVERIFY(json["regions"][2]["accounts"][0]["start"].is_null());
}

void TestWhatIf::parallelRegionsRunTogether()
{
    auto s = stackSet(4, {2, false}, {1, false}, ConcurrencyMode::SoftFailureTolerance);
    s.regions = {"us-east-1", "eu-west-1"};
    s.preferences.parallelRegions = true;
    s.failures = {{1, "us-east-1"}, {2, "us-east-1"}};
    const auto r = simulateStackSet(s);
    QCOMPARE(r.regions[0].status, std::string("FAILED"));
    QCOMPARE(r.regions[1].status, std::string("SUCCEEDED")); // no Region comes "after" it
    QCOMPARE(*r.regions[1].accounts[0].start, Seconds(0));
    QCOMPARE(r.durationSeconds, 2 * s.instanceSeconds);
}

void TestWhatIf::regionOrderComesFirst()
{
    std::vector<std::string> notes;
    const auto order = orderedRegions({"us-east-1", "eu-west-1", "ap-south-1"}, {"eu-west-1", "sa-east-1"}, &notes);
    QCOMPARE(order, (std::vector<std::string>{"eu-west-1", "us-east-1", "ap-south-1"}));
    QCOMPARE(notes.size(), std::size_t(1));
}

void TestWhatIf::stopOperationLetsRunningInstancesFinish()
{
    auto s = stackSet(6, {2, false}, {1, false});
    s.regions = {"us-east-1", "eu-west-1"};
    s.stopAt = 90; // during the second step (60-120 s)
    const auto r = simulateStackSet(s);
    const auto &first = r.regions[0];
    QCOMPARE(first.status, std::string("STOPPED"));
    QCOMPARE(first.accounts[3].status, std::string("SUCCEEDED")); // started at 60, ends at 120
    QCOMPARE(first.accounts[4].status, std::string("CANCELLED"));
    QCOMPARE(r.regions[1].status, std::string("NOT_STARTED"));
    QCOMPARE(r.status, std::string("STOPPED"));
}

void TestWhatIf::stackSetFromTemplate()
{
    const Json root = yaml(R"(
Parameters:
  Regions: {Type: CommaDelimitedList, Default: 'us-east-1, eu-west-1'}
Resources:
  Baseline:
    Type: AWS::CloudFormation::StackSet
    Properties:
      StackSetName: baseline
      PermissionModel: SELF_MANAGED
      OperationPreferences: {MaxConcurrentPercentage: 25, FailureTolerancePercentage: 10, RegionOrder: [eu-west-1]}
      StackInstancesGroup:
        - DeploymentTargets: {Accounts: ['111111111111', '222222222222']}
          Regions: !Ref Regions
)");
    const auto s = stackSetScenarioFromTemplate(root, "Baseline");
    QCOMPARE(s.regions, (std::vector<std::string>{"us-east-1", "eu-west-1"}));
    QCOMPARE(s.accounts, 2);
    QCOMPARE(s.preferences.maxConcurrent, (CountOrPercent{25, true}));
    QCOMPARE(s.preferences.failureTolerance, (CountOrPercent{10, true}));
    QVERIFY(!s.preferences.parallelRegions);
    QCOMPARE(s.preferences.regionOrder, std::vector<std::string>{"eu-west-1"});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, stackSetScenarioFromTemplate(root, "Missing"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseStackSetFailure("x@us-east-1"));
}

void TestWhatIf::maxErrorsZeroStopsAfterTheFirstError()
{
    RunCommandScenario s;
    s.targets = 10;
    s.failing = {1};
    auto r = simulateRunCommand(s);
    QCOMPARE(r.maxConcurrency, 50); // default
    QCOMPARE(r.maxErrors, 0);       // default
    QCOMPARE(r.sent, 1);
    QCOMPARE(r.errors, 1);
    QCOMPARE(r.status, std::string("Failed"));
    QCOMPARE(r.invocations[1].status, std::string("NotSent"));
    QCOMPARE(*r.thresholdReachedAt, s.invocationSeconds);
}

void TestWhatIf::maxErrorsThreeStopsOnTheFourth()
{
    RunCommandScenario s;
    s.targets = 20;
    s.maxConcurrency = {1, false};
    s.maxErrors = {3, false};
    s.failing = {2, 4, 6, 8, 10};
    auto r = simulateRunCommand(s);
    QCOMPARE(r.errors, 4);
    QCOMPARE(r.sent, 8);
    QCOMPARE(*r.thresholdReachedAt, 8 * s.invocationSeconds);
    QCOMPARE(r.invocations[8].status, std::string("NotSent"));
    // Three errors are tolerated: the command runs everywhere and ends Incomplete.
    s.failing = {2, 4, 6};
    r = simulateRunCommand(s);
    QCOMPARE(r.sent, 20);
    QCOMPARE(r.status, std::string("Incomplete"));
}

void TestWhatIf::maxErrorsTenPercentOfFiftyStopsOnTheSixth()
{
    RunCommandScenario s;
    s.targets = 50;
    s.maxConcurrency = {1, false};
    s.maxErrors = CountOrPercent::parse("10%", "MaxErrors");
    for (int k = 1; k <= 50; k += 2)
        s.failing.push_back(k); // every other node fails
    auto r = simulateRunCommand(s);
    QCOMPARE(r.maxErrors, 5);
    QCOMPARE(r.errors, 6);
    QCOMPARE(r.sent, 11); // the sixth failing node is the 11th
}

void TestWhatIf::rampUpDoublesUntilMaxConcurrency()
{
    RunCommandScenario s;
    s.targets = 40;
    s.maxConcurrency = CountOrPercent::parse("25%", "MaxConcurrency"); // 10
    auto r = simulateRunCommand(s);
    std::vector<std::size_t> sizes;
    for (const auto &b : r.batches)
        sizes.push_back(b.targets.size());
    QCOMPARE(sizes, (std::vector<std::size_t>{1, 2, 4, 8, 10, 10, 5}));
    QCOMPARE(r.status, std::string("Success"));
    QCOMPARE(r.durationSeconds, 7 * s.invocationSeconds);
}

void TestWhatIf::overshootFromInvocationsAlreadyRunning()
{
    RunCommandScenario s;
    s.targets = 20;
    s.maxConcurrency = {4, false};
    s.maxErrors = {1, false};
    s.failing = {4, 5, 6, 7};
    auto r = simulateRunCommand(s);
    // Batches 1 | 2,3 | 4,5,6,7: errors 4 and 5 arrive together; 6 and 7 were already running.
    QCOMPARE(r.errors, 4);
    QCOMPARE(r.errorsBeyondThreshold, 2);
    QCOMPARE(r.sent, 7);
    QVERIFY(r.invocations[5].runningAtThreshold);
    QVERIFY(!r.invocations[3].runningAtThreshold);
    QVERIFY(r.errors > r.maxErrors + 1);
}

void TestWhatIf::maxConcurrencyOneNeverOvershoots()
{
    RunCommandScenario s;
    s.targets = 20;
    s.maxConcurrency = {1, false};
    s.maxErrors = {1, false};
    s.failing = {4, 5, 6, 7};
    auto r = simulateRunCommand(s);
    QCOMPARE(r.errors, 2);
    QCOMPARE(r.errorsBeyondThreshold, 0);
}

void TestWhatIf::driftStatusesAndDifferences()
{
    const Json expected = yaml(R"(
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties: {VisibilityTimeout: 60, DelaySeconds: 5}
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      Tags: [{Key: team, Value: data}]
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
      KeySchema: [{AttributeName: pk, KeyType: HASH}]
  Lookup:
    Type: Custom::Lookup
    Properties: {ServiceToken: arn:aws:lambda:us-east-1:111122223333:function:lookup}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
)");
    Json live = expected;
    applyLiveEdit(live, LiveEdit::parseSet("Queue.VisibilityTimeout=120"));
    applyLiveEdit(live, LiveEdit::parseRemove("Queue.DelaySeconds"));
    applyLiveEdit(live, LiveEdit::parseSet(R"(Bucket.Tags.1={"Key":"owner","Value":"ops"})"));
    applyLiveEdit(live, LiveEdit::parseDelete("Table"));
    applyLiveEdit(live, LiveEdit::parseSet("Lookup.ServiceToken=changed"));
    const auto r = detectDrift(expected, live);
    QCOMPARE(r.stackStatus, std::string("DRIFTED"));
    const auto &queue = drift(r, "Queue");
    QCOMPARE(queue.status, std::string("MODIFIED"));
    QCOMPARE(queue.differences.size(), std::size_t(2));
    QCOMPARE(queue.differences[0].path, std::string("/VisibilityTimeout"));
    QCOMPARE(queue.differences[0].type, std::string("NOT_EQUAL"));
    QVERIFY(queue.differences[0].expected == Json(60));
    QVERIFY(queue.differences[0].actual == Json(120));
    QCOMPARE(queue.differences[1].path, std::string("/DelaySeconds"));
    QCOMPARE(queue.differences[1].type, std::string("REMOVE"));
    const auto &bucket = drift(r, "Bucket");
    QCOMPARE(bucket.differences.size(), std::size_t(1));
    QCOMPARE(bucket.differences[0].type, std::string("ADD"));
    QCOMPARE(bucket.differences[0].path, std::string("/Tags/1"));
    QCOMPARE(drift(r, "Table").status, std::string("DELETED"));
    QCOMPARE(drift(r, "Lookup").status, std::string("NOT_CHECKED"));
    QCOMPARE(drift(r, "Role").status, std::string("IN_SYNC"));
    QCOMPARE(detectDrift(expected, expected).stackStatus, std::string("IN_SYNC"));
}

void TestWhatIf::driftIgnoresLiveOnlyValuesAndDynamicReferences()
{
    const Json expected = yaml(R"(
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      AllocatedStorage: '20'
      MasterUserPassword: '{{resolve:secretsmanager:db:SecretString:password}}'
)");
    Json live = expected;
    applyLiveEdit(live, LiveEdit::parseSet("Db.MasterUserPassword=plain"));
    applyLiveEdit(live, LiveEdit::parseSet("Db.BackupRetentionPeriod=14"));
    applyLiveEdit(live, LiveEdit::parseSet("Db.AllocatedStorage=20")); // the same number, written as a number
    const auto r = detectDrift(expected, live);
    QCOMPARE(drift(r, "Db").status, std::string("IN_SYNC"));
}

void TestWhatIf::liveEditsAreCheckedAndRefused()
{
    Json live = yaml("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {Tags: []}\n");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, applyLiveEdit(live, LiveEdit::parseSet("Missing.X=1")));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, applyLiveEdit(live, LiveEdit::parseSet("Q.A.B=1")));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, applyLiveEdit(live, LiveEdit::parseRemove("Q.Nothing")));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LiveEdit::parseSet("Q"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LiveEdit::parseDelete("Q.Tags"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, applyLiveEdit(live, LiveEdit::parseSet("Q.Tags.3=1")));
}

void TestWhatIf::importNeedsIdentifiersAndADeletionPolicy()
{
    const Json root = yaml(R"(
Resources:
  Ready:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    Metadata: {StackCanvas: {import: {BucketName: existing-bucket}}}
  NamedTable:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Delete
    Metadata: {StackCanvas: {import: true}}
    Properties:
      TableName: orders
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
      KeySchema: [{AttributeName: pk, KeyType: HASH}]
  NoPolicy:
    Type: AWS::SQS::Queue
    Metadata: {StackCanvas: {import: {QueueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/jobs'}}}
  NoIdentifier:
    Type: AWS::Lambda::Function
    DeletionPolicy: Retain
    Metadata: {StackCanvas: {import: true}}
  Custom:
    Type: Custom::Thing
    DeletionPolicy: Retain
    Metadata: {StackCanvas: {import: true}}
  Existing:
    Type: AWS::SNS::Topic
)");
    const auto p = planImport(root);
    QCOMPARE(importRow(p, "Ready").status, std::string("Ready"));
    QCOMPARE(importRow(p, "Ready").identifiers, std::vector<std::string>{"BucketName"});
    QCOMPARE(importRow(p, "NamedTable").status, std::string("Ready"));
    QVERIFY(importRow(p, "NamedTable").identifierValues == (Json{{"TableName", "orders"}}));
    QCOMPARE(importRow(p, "NoPolicy").status, std::string("MissingDeletionPolicy"));
    QCOMPARE(importRow(p, "NoIdentifier").status, std::string("MissingIdentifier"));
    QVERIFY(importRow(p, "NoIdentifier").reason.find("FunctionName") != std::string::npos);
    QCOMPARE(importRow(p, "Custom").status, std::string("NotImportable"));
    QCOMPARE(importRow(p, "Existing").status, std::string("NotMarked"));
    QCOMPARE(importRow(p, "Existing").importable, Support::Supported);
    QVERIFY(!p.ready());
    QCOMPARE(p.resourcesToImport.size(), std::size_t(2));
    QVERIFY(p.resourcesToImport[0]
            == (Json{{"ResourceType", "AWS::S3::Bucket"},
                     {"LogicalResourceId", "Ready"},
                     {"ResourceIdentifier", {{"BucketName", "existing-bucket"}}}}));
}

void TestWhatIf::automaticImportNeedsRetain()
{
    const Json root = yaml(R"(
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Delete
    Metadata: {StackCanvas: {import: true}}
    Properties: {TableName: orders}
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: RetainExceptOnCreate
    Metadata: {StackCanvas: {import: true}}
    Properties: {BucketName: logs}
)");
    const auto p = planImport(root, true);
    QCOMPARE(importRow(p, "Table").status, std::string("MissingDeletionPolicy"));
    QCOMPARE(importRow(p, "Bucket").status, std::string("Ready"));
    QVERIFY(planImport(root, false).ready());
}

QTEST_APPLESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"
