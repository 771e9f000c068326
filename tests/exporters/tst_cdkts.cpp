// cdk-ts on the C++ side: exact string literals, names, intrinsic mapping and resource order.
// (The real CDK judges the whole output in tests/aws: aws_cdk_synth.)

#include "exporters/cdk/cdkresourceorder.h"
#include "exporters/cdk/cdkstackwriter.h"
#include "exporters/cdk/cdkvaluewriter.h"
#include "exporters/cdk/typescriptsource.h"
#include "exporters/exporterregistry.h"
#include "model/catalog/catalog.h"

#include <QtTest>

#include <set>
#include <unordered_set>

using namespace sc;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

Json parse(const char *text) { return Json::parse(text); }

} // namespace

class TestCdkTs : public QObject {
    Q_OBJECT

private slots:
    void stringLiteral_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QByteArray("hello") << QStringLiteral("'hello'");
        QTest::newRow("single quote") << QByteArray("it's") << QStringLiteral("'it\\'s'");
        QTest::newRow("double quote kept") << QByteArray("say \"hi\"") << QStringLiteral("'say \"hi\"'");
        QTest::newRow("backtick and ${ kept") << QByteArray("`${x}`") << QStringLiteral("'`${x}`'");
        QTest::newRow("backslash") << QByteArray("a\\b") << QStringLiteral("'a\\\\b'");
        QTest::newRow("newline cr tab") << QByteArray("a\nb\r\tc") << QStringLiteral("'a\\nb\\r\\tc'");
        QTest::newRow("comment close kept") << QByteArray("*/") << QStringLiteral("'*/'");
        QTest::newRow("control") << QByteArray("a\x07z") << QStringLiteral("'a\\u{7}z'");
        QTest::newRow("nul") << QByteArray("a\0z", 3) << QStringLiteral("'a\\u{0}z'");
        QTest::newRow("line separator") << QByteArray("a\xE2\x80\xA8z") << QStringLiteral("'a\\u{2028}z'");
        QTest::newRow("paragraph separator") << QByteArray("a\xE2\x80\xA9z") << QStringLiteral("'a\\u{2029}z'");
        QTest::newRow("bidi override") << QByteArray("a\xE2\x80\xAEz") << QStringLiteral("'a\\u{202E}z'");
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFz") << QStringLiteral("'\\u{FEFF}z'");
        QTest::newRow("hangul kept") << QByteArray("\xED\x95\x9C") << QString::fromUtf8("'\xED\x95\x9C'");
        QTest::newRow("emoji kept") << QByteArray("\xF0\x9F\x98\x80") << QString::fromUtf8("'\xF0\x9F\x98\x80'");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("''");
        QTest::newRow("delete") << QByteArray("a\x7Fz") << QStringLiteral("'a\\u{7F}z'");
        QTest::newRow("quotes at both ends") << QByteArray("'x'") << QStringLiteral("'\\'x\\''");
        QTest::newRow("runs around utf8 and a quote") << QByteArray("ab\xC3\xA9" "cd'ef")
                                                    << QString::fromUtf8("'ab\xC3\xA9" "cd\\'ef'");
        QTest::newRow("c1 control") << QByteArray("\xC2\x85") << QStringLiteral("'\\u{85}'");
        QTest::newRow("truncated utf8 escaped") << QByteArray("a\xE2\x80") << QStringLiteral("'a\\u{FFFD}\\u{FFFD}'");
    }
    void stringLiteral()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QCOMPARE(q(ts::stringLiteral(std::string_view(input.constData(), static_cast<std::size_t>(input.size())))),
                 expected);
    }

    void names()
    {
        QCOMPARE(q(ts::camelVariable("MyBucket")), QStringLiteral("myBucket"));
        QCOMPARE(q(ts::camelVariable("VPC")), QStringLiteral("vpc"));
        QCOMPARE(q(ts::camelVariable("DBSubnetGroup")), QStringLiteral("dbSubnetGroup"));
        QCOMPARE(q(ts::camelVariable("S3Bucket")), QStringLiteral("s3Bucket"));
        QCOMPARE(q(ts::camelVariable("Bucket")), QStringLiteral("bucket"));
        QCOMPARE(q(ts::camelVariable("3rdParty")), QStringLiteral("_3rdParty"));
        QCOMPARE(q(ts::objectKey("Name")), QStringLiteral("Name"));
        QCOMPARE(q(ts::objectKey("aws:SourceArn")), QStringLiteral("'aws:SourceArn'"));
        QCOMPARE(q(ts::objectKey("__proto__")), QStringLiteral("['__proto__']"));
        QCOMPARE(q(ts::objectKey("")), QStringLiteral("''"));
        QCOMPARE(q(ts::overrideSegment("a.b\\c")), QStringLiteral("a\\.b\\\\c"));
        ts::NameAllocator names;
        names.reserve("lambda");
        QCOMPARE(q(names.take("lambda")), QStringLiteral("lambda2"));
        QCOMPARE(q(names.take("class")), QStringLiteral("class2"));
        QCOMPARE(q(names.take("cdk")), QStringLiteral("cdk2"));
        QCOMPARE(q(names.take("queue")), QStringLiteral("queue"));
        QCOMPARE(q(names.take("queue")), QStringLiteral("queue2"));
        QCOMPARE(q(cdkClassName("lambda-canary")), QStringLiteral("LambdaCanaryStack"));
        QCOMPARE(q(cdkClassName("01-minimal")), QStringLiteral("Template01MinimalStack"));
        QCOMPARE(q(cdkClassName("MyStack")), QStringLiteral("MyStack"));
        QCOMPARE(q(cdkFileStem("lambda-canary")), QStringLiteral("lambda-canary-stack"));
    }

    void intrinsics_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *in, const char *out) {
            QTest::newRow(name) << QString::fromUtf8(in) << QString::fromUtf8(out);
        };
        row("ref resource", R"({"Ref": "Bucket"})", "bucket.ref");
        row("ref parameter", R"({"Ref": "Env"})", "env.valueAsString");
        row("ref list parameter", R"({"Ref": "Subnets"})", "subnets.valueAsList");
        row("ref number parameter", R"({"Ref": "Size"})", "size.valueAsNumber");
        row("ref pseudo", R"({"Ref": "AWS::Region"})", "cdk.Aws.REGION");
        row("ref novalue", R"({"Ref": "AWS::NoValue"})", "cdk.Aws.NO_VALUE");
        row("ref unknown", R"({"Ref": "Later"})", "cdk.Fn.ref('Later')");
        row("ref parameter written as a fragment", R"({"Ref": "Secret"})", "cdk.Fn.ref('Secret')");
        row("getatt typed", R"({"Fn::GetAtt": ["Bucket", "Arn"]})", "bucket.attrArn");
        row("getatt nested", R"({"Fn::GetAtt": ["Db", "Endpoint.Address"]})", "db.attrEndpointAddress");
        row("getatt string form", R"({"Fn::GetAtt": "Bucket.Arn"})", "bucket.attrArn");
        row("getatt string two dots stays", R"({"Fn::GetAtt": "Db.Endpoint.Address"})",
            "{ 'Fn::GetAtt': 'Db.Endpoint.Address' }");
        row("getatt unknown attribute", R"({"Fn::GetAtt": ["Bucket", "Nope"]})", "bucket.getAtt('Nope')");
        row("getatt generic", R"({"Fn::GetAtt": ["Thing", "Out"]})", "thing.getAtt('Out')");
        row("sub", R"({"Fn::Sub": "${Bucket}-x"})", "cdk.Fn.sub('${Bucket}-x')");
        row("sub map", R"({"Fn::Sub": ["${A}", {"A": {"Ref": "Bucket"}}]})", "cdk.Fn.sub('${A}', { A: bucket.ref })");
        row("join kept", R"({"Fn::Join": ["-", ["a", {"Ref": "Bucket"}]]})", "cdk.Fn.join('-', ['a', bucket.ref])");
        row("join literal only raw", R"({"Fn::Join": ["", ["a", "b"]]})", "{ 'Fn::Join': ['', ['a', 'b']] }");
        row("join adjacent literals raw", R"({"Fn::Join": ["", ["a", "b", {"Ref": "Bucket"}]]})",
            "{ 'Fn::Join': ['', ['a', 'b', bucket.ref]] }");
        row("select", R"({"Fn::Select": [0, {"Fn::GetAZs": ""}]})", "cdk.Fn.select(0, cdk.Fn.getAzs())");
        row("select literal raw", R"({"Fn::Select": [1, ["a", "b"]]})", "{ 'Fn::Select': [1, ['a', 'b']] }");
        row("split", R"({"Fn::Split": [",", {"Ref": "Env"}]})", "cdk.Fn.split(',', env.valueAsString)");
        row("split literal raw", R"({"Fn::Split": [",", "a,b"]})", "{ 'Fn::Split': [',', 'a,b'] }");
        row("if", R"({"Fn::If": ["IsProd", 1, {"Ref": "AWS::NoValue"}]})",
            "cdk.Fn.conditionIf('IsProd', 1, cdk.Aws.NO_VALUE)");
        row("equals", R"({"Fn::Equals": [{"Ref": "Env"}, "prod"]})", "cdk.Fn.conditionEquals(env.valueAsString, 'prod')");
        row("and with condition", R"({"Fn::And": [{"Condition": "IsProd"}, {"Fn::Not": [{"Condition": "IsProd"}]}]})",
            "cdk.Fn.conditionAnd(isProd, cdk.Fn.conditionNot(isProd))");
        row("condition named like a parameter", R"({"Fn::Or": [{"Condition": "Env"}, {"Fn::Equals": [{"Ref": "Env"}, "x"]}]})",
            "cdk.Fn.conditionOr(envCondition, cdk.Fn.conditionEquals(env.valueAsString, 'x'))");
        row("getazs region", R"({"Fn::GetAZs": {"Ref": "AWS::Region"}})", "cdk.Fn.getAzs(cdk.Aws.REGION)");
        row("importvalue", R"({"Fn::ImportValue": "shared-vpc"})", "cdk.Fn.importValue('shared-vpc')");
        row("findinmap", R"({"Fn::FindInMap": ["Map", {"Ref": "AWS::Region"}, "Ami"]})",
            "cdk.Fn.findInMap('Map', cdk.Aws.REGION, 'Ami')");
        row("base64", R"({"Fn::Base64": "x"})", "cdk.Fn.base64('x')");
        row("cidr", R"({"Fn::Cidr": ["10.0.0.0/16", 4, "8"]})", "cdk.Fn.cidr('10.0.0.0/16', 4, '8')");
        row("cidr number mask raw", R"({"Fn::Cidr": ["10.0.0.0/16", 4, 8]})", "{ 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }");
        row("unknown tag raw", R"({"!Custom": "x"})", "{ '!Custom': 'x' }");
        row("token marker split", R"("${Token[Foo.12]}")", "cdk.Token.asString({ 'Fn::Join': ['', ['${', 'Token[Foo.12]}']] })");
    }
    void intrinsics()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        std::map<std::string, CdkSymbol> symbols;
        const Catalog &catalog = Catalog::instance();
        symbols["Bucket"] = {CdkSymbol::Kind::Resource, "bucket", catalog.find("AWS::S3::Bucket"), {}};
        symbols["Db"] = {CdkSymbol::Kind::Resource, "db", catalog.find("AWS::RDS::DBInstance"), {}};
        symbols["Thing"] = {CdkSymbol::Kind::Resource, "thing", nullptr, {}};
        symbols["Later"] = {CdkSymbol::Kind::Resource, "later", catalog.find("AWS::SQS::Queue"), {}};
        symbols["Env"] = {CdkSymbol::Kind::Parameter, "env", nullptr, "String"};
        symbols["Subnets"] = {CdkSymbol::Kind::Parameter, "subnets", nullptr, "List<AWS::EC2::Subnet::Id>"};
        symbols["Size"] = {CdkSymbol::Kind::Parameter, "size", nullptr, "Number"};
        symbols["Secret"] = {CdkSymbol::Kind::Parameter, "secret", nullptr, "String"};
        // Conditions have their own namespace: "Env" is a parameter and a condition.
        symbols[cdkConditionKey("IsProd")] = {CdkSymbol::Kind::Condition, "isProd", nullptr, {}};
        symbols[cdkConditionKey("Env")] = {CdkSymbol::Kind::Condition, "envCondition", nullptr, {}};
        // Later is not written yet; Secret is written as a template fragment (no CfnParameter).
        const std::unordered_set<std::string> defined{"Bucket", "Db", "Thing", "Env", "Subnets", "Size",
                                                      cdkConditionKey("IsProd"), cdkConditionKey("Env")};
        CdkValueWriter writer(symbols, defined);
        QCOMPARE(q(writer.any(Json::parse(input.toStdString()), 0)), expected);
    }

    void typedProperties()
    {
        // A string where the L1 types a number goes to an override; a required property that is
        // missing gets a placeholder and a deletion override; unknown properties are overrides.
        const Json root = parse(R"({"Resources": {
            "Q": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": "30", "VisibilityTimeout": 30, "Future": 1}},
            "F": {"Type": "AWS::Lambda::Function", "Properties": {"Code": {"ZipFile": "x"}}}}})");
        const std::string code = writeCdkStack(root, "t").code;
        QVERIFY2(code.find("visibilityTimeout: 30") != std::string::npos, code.c_str());
        QVERIFY2(code.find("q.addPropertyOverride('DelaySeconds', '30');") != std::string::npos, code.c_str());
        QVERIFY2(code.find("q.addPropertyOverride('Future', 1);") != std::string::npos, code.c_str());
        QVERIFY2(code.find("role: cdk.Aws.NO_VALUE") != std::string::npos, code.c_str());
        QVERIFY2(code.find("f.addPropertyDeletionOverride('Role');") != std::string::npos, code.c_str());
        QVERIFY2(code.find("code: { zipFile: 'x' }") != std::string::npos, code.c_str());
    }

    // Each case failed the CDK on a public template (tsc, synthesis or AWS's validator).
    void whereTheCdkTypesOtherwiseThanTheSpecification()
    {
        const Json root = parse(R"({"Transform": "AWS::Serverless-2016-10-31", "Resources": {
            "T": {"Type": "AWS::Timestream::Table", "Properties": {"DatabaseName": "d",
                  "RetentionProperties": {"MemoryStoreRetentionPeriodInHours": "24"}}},
            "F": {"Type": "AWS::Serverless::Function", "Properties": {"Handler": "h", "Runtime": "python3.12", "CodeUri": ".",
                  "EventInvokeConfig": {"DestinationConfig": {"OnFailure": {"Type": "SQS", "Destination": "arn:q"}}}}},
            "J": {"Type": "AWS::Glue::Job", "Properties": {"Role": "r", "Command": {"Name": "glueetl"}, "GlueVersion": 4.0}},
            "A": {"Type": "AWS::Serverless::Application", "Properties": {"Location": "./app.yaml"}},
            "Auth": {"Type": "AWS::ApiGateway::Authorizer", "Properties": {"RestApiId": "x", "Type": "COGNITO_USER_POOLS",
                     "Name": "n", "ProviderARNs": ["arn:p"]}},
            "Zone": {"Type": "AWS::Route53::HostedZone", "Properties": {"Name": "example.com",
                     "HostedZoneTags": [{"Key": "b", "Value": "1"}, {"Key": "a", "Value": "2"}]}},
            "Rule": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": "{ }"}},
            "Build": {"Type": "AWS::CodeBuild::Project", "Properties": {"ServiceRole": "r",
                      "Artifacts": {"Type": "NO_ARTIFACTS"}, "Environment": {"ComputeType": "c", "Image": "i", "Type": "LINUX_CONTAINER"},
                      "Source": {"Type": "GITHUB", "Location": "l"},
                      "Triggers": {"Webhook": true, "FilterGroups": [[{"Type": "EVENT", "Pattern": "PUSH"}]]}}}}})");
        const std::string code = writeCdkStack(root, "t").code;
        const auto has = [&](const char *text) { return code.find(text) != std::string::npos; };
        // The L1 takes RetentionProperties untyped: camelCased keys would reach CloudFormation.
        QVERIFY2(has("retentionProperties: { MemoryStoreRetentionPeriodInHours: '24' }"), code.c_str());
        // OnFailure cannot be typed; an empty destinationConfig would fail the L1's validator.
        QVERIFY2(!has("destinationConfig"), code.c_str());
        QVERIFY2(has("f.addPropertyOverride('EventInvokeConfig', { DestinationConfig: { OnFailure: { Type: 'SQS', Destination: 'arn:q' } } });"),
                 code.c_str());
        // 4.0 is the text "4.0" to CloudFormation; JavaScript would print 4.
        QVERIFY2(has("glueVersion: '4.0'"), code.c_str());
        // Names come from the type's own module: aws_sam's CfnApplication, aws_apigateway's
        // CfnAuthorizer (not aws_apigatewayv2's, which has no ProviderARNs).
        QVERIFY2(has("new sam.CfnApplication(this, 'A', { location: './app.yaml' })"), code.c_str());
        QVERIFY2(has("providerArns: ['arn:p']"), code.c_str());
        // The tag manager would sort these; out of order, they are an override.
        QVERIFY2(has("zone.addPropertyOverride('HostedZoneTags', [{ Key: 'b', Value: '1' }, { Key: 'a', Value: '2' }]);"),
                 code.c_str());
        // A JSON text where the L1's validator wants an object.
        QVERIFY2(has("rule.addPropertyOverride('EventPattern', '{ }');"), code.c_str());
        // Typed member by member by the CDK: an override keeps CloudFormation's keys.
        QVERIFY2(has("build.addPropertyOverride('Triggers.FilterGroups', [[{ Type: 'EVENT', Pattern: 'PUSH' }]]);"), code.c_str());
        QVERIFY2(has("triggers: { webhook: true }"), code.c_str());
    }

    void emptyObjectsSurviveWhereTheyCan()
    {
        // The CDK drops a property whose value is an empty object, but resolves a token only
        // afterwards: a typed property keeps {} as a lazy value. An override cannot.
        const Json root = parse(R"({"Transform": "AWS::Serverless-2016-10-31", "Resources": {
            "P": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String", "Value": "v", "Tags": {}}},
            "M": {"Type": "AWS::Serverless::StateMachine", "Properties": {"DefinitionUri": "d", "DefinitionSubstitutions": {}}},
            "E": {"Type": "AWS::SQS::Queue", "Properties": {}}}})");
        const CdkStackSource stack = writeCdkStack(root, "t");
        QVERIFY2(stack.code.find("tags: cdk.Lazy.any({ produce: () => ({}) }) as any") != std::string::npos, stack.code.c_str());
        QVERIFY2(stack.code.find("m.addPropertyOverride('DefinitionSubstitutions', {});") != std::string::npos, stack.code.c_str());
        const auto noted = [&](const std::string &text) {
            return std::find(stack.notes.begin(), stack.notes.end(), text) != stack.notes.end();
        };
        QVERIFY(noted("M: Properties.DefinitionSubstitutions is an empty object the L1 cannot hold, and the CDK drops an "
                      "empty override (the same to CloudFormation)"));
        QVERIFY(noted("E: an empty Properties object is not written by the CDK (same meaning)"));
        QCOMPARE(stack.notes.size(), 2u);
    }

    // CloudFormation keeps conditions apart from parameters and lets their names hold any
    // character; a parameter that CfnParameter cannot express is a template fragment.
    void namesTheCdkWouldConfuse()
    {
        const Json root = parse(R"({
            "Parameters": {"Replica": {"Type": "String"}, "User": {"Type": "String", "NoEcho": "true"}},
            "Conditions": {"Replica": {"Fn::Equals": [{"Ref": "Replica"}, "true"]},
                           "Replica&Prod": {"Fn::And": [{"Condition": "Replica"}, {"Fn::Equals": ["a", "a"]}]}},
            "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Condition": "Replica&Prod", "Properties": {"QueueName": {"Ref": "User"}}},
                          "R": {"Type": "AWS::SQS::Queue", "Condition": "Replica"}}})");
        const std::string code = writeCdkStack(root, "t").code;
        const auto has = [&](const char *text) { return code.find(text) != std::string::npos; };
        QVERIFY2(has("const replica = new cdk.CfnParameter(this, 'Replica', { type: 'String' });"), code.c_str());
        QVERIFY2(has("const replica2 = new cdk.CfnCondition(this, 'ReplicaCondition', { expression: cdk.Fn.conditionEquals(replica.valueAsString, 'true') });"),
                 code.c_str());
        QVERIFY2(has("replica2.overrideLogicalId('Replica');"), code.c_str());
        QVERIFY2(has("new cdk.CfnCondition(this, 'ReplicaProd', { expression: cdk.Fn.conditionAnd(replica2, "), code.c_str());
        QVERIFY2(has(".overrideLogicalId('Replica&Prod');"), code.c_str());
        QVERIFY2(has("r.cfnOptions.condition = replica2;"), code.c_str());
        QVERIFY2(has("queueName: cdk.Fn.ref('User')"), code.c_str());
        QVERIFY2(!has("user.valueAsString"), code.c_str());
    }

    void tagsOutOfOrderAreOverrides()
    {
        const Json root = parse(R"({"Resources": {
            "A": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]}},
            "B": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [{"Key": "z", "Value": "1"}, {"Key": "a", "Value": "2"}]}}}})");
        const std::string code = writeCdkStack(root, "t").code;
        QVERIFY2(code.find("tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }]") != std::string::npos, code.c_str());
        QVERIFY2(code.find("b.addPropertyOverride('Tags', [{ Key: 'z', Value: '1' }, { Key: 'a', Value: '2' }]);")
                     != std::string::npos, code.c_str());
    }

    void dependencyOrder()
    {
        const Json section = parse(R"({"C": ["B"], "A": [], "B": ["A"], "D": ["E"], "E": ["D"]})");
        const auto deps = [](const std::string &, const Json &v) {
            std::set<std::string> out;
            for (const Json &d : v)
                out.insert(d.get<std::string>());
            return out;
        };
        const std::vector<std::string> order = sc::dependencyOrder(section, deps);
        QCOMPARE(order, (std::vector<std::string>{"A", "B", "C", "D", "E"}));
        // A cycle is broken at its earliest entry, and what waits on the cycle follows it; an
        // entry that names itself or something unknown waits for nothing; names count once.
        const Json cyclic = parse(R"({"X": ["Y"], "Y": ["X", "X"], "Z": ["X", "Self"], "Self": ["Self", "Nowhere"], "W": ["Z", "Y"]})");
        QCOMPARE(sc::dependencyOrder(cyclic, deps), (std::vector<std::string>{"Self", "X", "Y", "Z", "W"}));
    }

    void resourcesInDependencyOrderAndNamesAvoidModules()
    {
        // Alias refers to Function which is declared later; a resource named like a module
        // alias ("Lambda") must not shadow the import.
        const Json root = parse(R"({"Resources": {
            "Alias": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Lambda"}, "FunctionVersion": "$LATEST", "Name": "live"}},
            "Lambda": {"Type": "AWS::Lambda::Function", "Properties": {"Role": "r", "Code": {"ZipFile": "x"}}}},
            "Outputs": {"Lambda": {"Value": {"Ref": "Lambda"}}}})");
        const std::string code = writeCdkStack(root, "t").code;
        const auto fn = code.find("const lambda2 = new lambda.CfnFunction(this, 'Lambda'");
        const auto alias = code.find("new lambda.CfnAlias(this, 'Alias'");
        QVERIFY2(fn != std::string::npos && alias != std::string::npos && fn < alias, code.c_str());
        QVERIFY2(code.find("functionName: lambda2.ref") != std::string::npos, code.c_str());
        QVERIFY2(code.find("new cdk.CfnOutput(this, 'LambdaOutput', { value: lambda2.ref }).overrideLogicalId('Lambda');")
                     != std::string::npos, code.c_str());
    }

    // A string that CDK would read as its own token is split, and the user told, wherever it
    // stands: in a resource or in an output written after every resource.
    void tokenMarkersAreNotedWhereverTheyStand()
    {
        Json root;
        root["Resources"]["Q"] = {{"Type", "AWS::SQS::Queue"}, {"Properties", {{"QueueName", "${Token[A.1]}"}}}};
        root["Outputs"]["O"] = {{"Value", "#{Token[B.2]}"}};
        const CdkStackSource stack = writeCdkStack(root, "t");
        QCOMPARE(stack.notes, (std::vector<std::string>{"token marker: ${Token[A.1]}", "token marker: #{Token[B.2]}"}));
        QVERIFY2(stack.code.find("['#{', 'Token[B.2]}']") != std::string::npos, stack.code.c_str());
    }

    // The text formats need Qt Core only; the diagrams register where something draws
    // (registerDiagramExporters, tst_diagramexporter), so this headless process has none.
    void registryListsEveryTextFormat()
    {
        const ExporterRegistry &registry = ExporterRegistry::instance();
        for (const char *id : {"cfn-yaml", "cfn-json", "sam", "cdk-ts"}) {
            const Exporter *e = registry.find(id);
            QVERIFY2(e, id);
            QVERIFY(!e->displayName().empty());
            QVERIFY(!e->fileExtension().empty());
        }
        for (const std::string_view id : kDiagramFormats)
            QVERIFY2(!registry.find(std::string(id)), std::string(id).c_str());
        QCOMPARE(q(registry.find("cdk-ts")->fileExtension()), QStringLiteral("ts"));
        QVERIFY(registry.find("cdk-ts")->writesProject());
    }

    void projectFiles()
    {
        Document document;
        ExportOptions options;
        options.stackName = "lambda-canary";
        const ExportResult result = ExporterRegistry::instance().find("cdk-ts")->write(document, options);
        QVERIFY(result.ok);
        std::vector<std::string> files;
        for (const auto &[path, bytes] : result.files)
            files.push_back(path);
        QCOMPARE(files, (std::vector<std::string>{"README.md", "bin/app.ts", "cdk.json", "lib/lambda-canary-stack.ts",
                                                  "package.json", "tsconfig.json"}));
        QCOMPARE(result.files.at("lib/lambda-canary-stack.ts"), result.bytes);
        QVERIFY(result.files.at("package.json").contains("\"aws-cdk-lib\": \"2.276.0\""));
        QVERIFY(result.files.at("bin/app.ts").contains("generateBootstrapVersionRule: false"));
        QVERIFY(result.files.at("bin/app.ts").contains("import { LambdaCanaryStack } from '../lib/lambda-canary-stack.js';"));
    }
};

QTEST_GUILESS_MAIN(TestCdkTs)
#include "tst_cdkts.moc"
